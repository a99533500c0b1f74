package access

import (
	"strings"
	"sync"

	"github.com/ccojocar/zxcvbn-go/frequency"
)

// blocklistSources are the zxcvbn frequency lists that make up the password
// blocklist. zxcvbn built them from the 10,000 most common passwords, the
// commonest English words, and US census first names and surnames, keeping
// each word only in the list where it ranks highest. So "michael", one of the
// commonest passwords, is in the first-names list, not the passwords list:
// only the union of the lists holds every one of the top 10,000 passwords.
// Dictionary words and names on their own are easy to guess too, and NIST SP
// 800-63B names them as blocklist material.
var blocklistSources = []string{"Passwords", "English", "MaleNames", "FemaleNames", "Surname"}

// commonPasswords is the blocklist, built once on first use from the lists
// embedded in the zxcvbn-go module, lower-cased. It is never changed after.
var commonPasswords = sync.OnceValue(func() map[string]struct{} {
	set := make(map[string]struct{}, 90_000)
	for _, name := range blocklistSources {
		for _, w := range frequency.Lists[name].List {
			set[strings.ToLower(w)] = struct{}{}
		}
	}
	return set
})

// IsCommonPassword reports whether password is one of the most commonly used
// passwords, or a common word or name on its own, ignoring case and any
// spaces around it.
func IsCommonPassword(password string) bool {
	_, found := commonPasswords()[strings.ToLower(strings.TrimSpace(password))]
	return found
}
