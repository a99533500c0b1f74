// Command steadfast runs Steadfast: the web service, its demo, and the
// commands that look after its database.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

// command is one subcommand of the steadfast binary.
type command struct {
	name    string
	summary string
	run     func(ctx context.Context, args []string, stdout, stderr io.Writer) error
}

func commands() []command {
	return []command{
		{"serve", "Run the Steadfast web service.", runServe},
		{"demo", "Run Steadfast with realistic synthetic data, and print a sign-in for each role.", runDemo},
		{"migrate", "Bring the database schema up to date, then exit.", runMigrate},
		{"user", "Add, disable or list accounts: user add | user disable EMAIL | user list.", runUser},
		{"audit", "Check the tamper-evident audit trail: 'steadfast audit verify'.", runAudit},
		{"version", "Print the version and the commit it was built from.", runVersion},
	}
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// run dispatches to a subcommand and returns the process exit code.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(stdout)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	for _, c := range commands() {
		if c.name == args[0] {
			err := c.run(ctx, args[1:], stdout, stderr)
			switch {
			case err == nil:
				return 0
			case errors.Is(err, flag.ErrHelp):
				return 0
			case errors.Is(err, errUsage):
				return 2
			default:
				fmt.Fprintf(stderr, "steadfast %s: %v\n", c.name, err)
				return 1
			}
		}
	}
	fmt.Fprintf(stderr, "steadfast: unknown command %q\n\n", args[0])
	usage(stderr)
	return 2
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "Steadfast: a case tool for Non Violent Resistance and working with resistance.")
	fmt.Fprintln(w, "\nUsage: steadfast COMMAND [flags]\n\nCommands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-8s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\nRun 'steadfast COMMAND --help' for a command's flags. Every flag can also be set")
	fmt.Fprintln(w, "with an environment variable: --data is STEADFAST_DATA, --base-url is STEADFAST_BASE_URL.")
}
