package web

import "strings"

// describeDevice turns a User-Agent header into the rough description "Your
// sessions" shows, such as "Firefox on Windows", so people can recognise
// their own devices. It keeps nothing else from the header.
func describeDevice(userAgent string) string {
	browser := firstMatch(userAgent, []match{
		{"Edg/", "Edge"}, {"EdgA/", "Edge"}, {"EdgiOS/", "Edge"},
		{"OPR/", "Opera"}, {"SamsungBrowser/", "Samsung Internet"},
		{"Firefox/", "Firefox"}, {"FxiOS/", "Firefox"},
		{"CriOS/", "Chrome"}, {"Chrome/", "Chrome"}, {"Safari/", "Safari"},
	})
	system := firstMatch(userAgent, []match{
		{"iPhone", "iPhone"}, {"iPad", "iPad"}, {"Android", "Android"},
		{"Windows", "Windows"}, {"CrOS", "ChromeOS"}, {"Macintosh", "Mac"}, {"Mac OS X", "Mac"},
		{"Linux", "Linux"},
	})
	switch {
	case browser != "" && system != "":
		return browser + " on " + system
	case browser != "":
		return browser
	case system != "":
		return "A browser on " + system
	}
	return "An unrecognised browser"
}

// match pairs a User-Agent fragment with the name people know it by.
type match struct{ fragment, name string }

func firstMatch(s string, matches []match) string {
	for _, m := range matches {
		if strings.Contains(s, m.fragment) {
			return m.name
		}
	}
	return ""
}
