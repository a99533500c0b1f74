package access

import (
	"strings"
	"unicode/utf8"
)

// MinBreakGlassReason is the shortest reason accepted for opening a family
// outside one's work: long enough that it has to say something.
const MinBreakGlassReason = 15

// BreakGlassReasonProblem explains why a stated reason is not enough, or returns "".
func BreakGlassReasonProblem(reason string) string {
	n := utf8.RuneCountInString(strings.TrimSpace(reason))
	switch {
	case n == 0:
		return "Say why you need to open this family's record"
	case n < MinBreakGlassReason:
		return "Give a fuller reason, so the family's worker can understand it later"
	case n > 2000:
		return "Keep the reason to 2,000 characters or fewer"
	}
	return ""
}
