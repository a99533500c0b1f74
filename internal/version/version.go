// Package version reports which build of Steadfast is running.
package version

// These are set at link time by the Makefile:
//
//	-ldflags "-X github.com/steadfast-care/steadfast/internal/version.version=… -X …commit=…"
//
// They are unexported and never written at run time; read them through String.
var (
	version = "dev"
	commit  = "unknown"
)

// Version returns the release version, or "dev" for an unreleased build.
func Version() string { return version }

// Commit returns the source commit the binary was built from.
func Commit() string { return commit }

// String returns the one-line description printed by `steadfast version`.
func String() string { return "steadfast " + version + " (commit " + commit + ")" }
