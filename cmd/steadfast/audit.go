package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/steadfast-care/steadfast/internal/audit"
	"github.com/steadfast-care/steadfast/internal/store"
)

// auditCommands are the subcommands of `steadfast audit`.
func auditCommands() []command {
	return []command{
		{"verify", "Recompute the audit log's Merkle tree and check it against every signed checkpoint.", runAuditVerify},
	}
}

func runAudit(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		w := stderr
		if len(args) > 0 {
			w = stdout
		}
		fmt.Fprintln(w, "Usage: steadfast audit COMMAND [flags]\n\nCommands:")
		for _, c := range auditCommands() {
			fmt.Fprintf(w, "  %-8s %s\n", c.name, c.summary)
		}
		if len(args) == 0 {
			return errUsage
		}
		return nil
	}
	for _, c := range auditCommands() {
		if c.name == args[0] {
			return c.run(ctx, args[1:], stdout, stderr)
		}
	}
	fmt.Fprintf(stderr, "steadfast audit: unknown command %q\n", args[0])
	return errUsage
}

func runAuditVerify(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	flags := newFlagSet("audit verify", strings.Join([]string{
		"Recompute every leaf hash and the whole Merkle tree from the audit records, and check",
		"every checkpoint, in the database and in the checkpoint file, with the signing key in",
		"the data directory. Exits non-zero, naming the first bad record, when a record was",
		"changed, removed or reordered. It only reads: run it on a live system at any time.",
	}, "\n"), stderr)
	var d dbFlags
	d.register(flags, "./steadfast-data")
	checkpoints := flags.String("checkpoints", "", "checkpoint file to check (default: "+audit.CheckpointFileName+" in --data); point it at a copy kept off this machine")
	if err := parseWithEnv(flags, args, stdout); err != nil {
		return err
	}
	if d.dsn == "" {
		path := filepath.Join(d.data, "steadfast.db")
		if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("no database at %s: check --data", path)
		}
	}
	db, err := store.Open(ctx, store.Config{DSN: d.dsn, DataDir: d.data})
	if err != nil {
		return err
	}
	defer db.Close()
	if err := db.CheckReady(ctx); err != nil {
		return fmt.Errorf("%w (run 'steadfast migrate' first)", err)
	}
	files := audit.FilesIn(d.data)
	if *checkpoints != "" {
		files.Checkpoints = *checkpoints
	}
	res, err := audit.VerifyStored(ctx, db, files)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "Audit log verified: %s, %s in the database and %d in %s, root %s\n",
		plural(res.Records, "record"), plural(int64(res.Checkpoints-res.FromFile), "checkpoint"), res.FromFile, files.Checkpoints, res.Root)
	if res.Checkpoints > 0 {
		fmt.Fprintf(stdout, "Latest %s.\n", res.Latest.Describe())
	}
	if res.Unsigned > 0 {
		fmt.Fprintf(stdout, "%d records after the latest checkpoint are not signed yet; the running service signs them within its checkpoint interval.\n", res.Unsigned)
	}
	return nil
}

// plural writes a count and a noun, adding an s unless the count is one.
func plural(n int64, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
