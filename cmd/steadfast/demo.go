package main

import (
	"context"
	"crypto/rand"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"text/tabwriter"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/demo"
)

func runDemo(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("demo", "Run Steadfast with realistic synthetic data, and print a sign-in for each role.", stderr)
	var d dbFlags
	var sf serverFlags
	d.register(fs, "")
	sf.register(fs)
	seed := fs.Uint64("seed", 0, "seed for the synthetic data; the same seed gives the same people and passwords (default: random)")
	accountsOut := fs.String("accounts-out", "", "also write the sign-in table to this file as JSON")
	scale := fs.String("scale", "team", "how much data: team (a dozen families) or county (10,000 families, 600 staff, about 2 million timeline items)")
	if err := parseWithEnv(fs, args, stdout); err != nil {
		return err
	}
	if *scale != "team" && *scale != "county" {
		return fmt.Errorf("--scale %q: use team or county", *scale)
	}
	if *seed == 0 {
		var b [8]byte
		_, _ = rand.Read(b[:])
		*seed = binary.LittleEndian.Uint64(b[:])%1_000_000 + 1
	}
	log, err := sf.logger(stderr)
	if err != nil {
		return err
	}
	if err := sf.check(); err != nil {
		return err
	}

	// The demo gets a fresh SQLite database of its own unless told otherwise,
	// and never writes into one that already holds an organisation.
	temporary := false
	if d.dsn == "" {
		if d.data == "" {
			temporary = true
			dir, err := os.MkdirTemp("", "steadfast-demo-")
			if err != nil {
				return fmt.Errorf("make demo data directory: %w", err)
			}
			defer os.RemoveAll(dir)
			d.data = dir
		} else if err := requireEmptyDir(d.data); err != nil {
			return err
		}
	}
	db, err := d.openAndMigrate(ctx, log)
	if err != nil {
		return err
	}
	defer db.Close()

	hasher := access.NewHasher()
	var res demo.Result
	if *scale == "county" {
		bar := newProgressBar(stderr)
		res, err = demo.GenerateCounty(ctx, db, hasher, *seed, demo.CountyScale(), bar.update)
		if err == nil {
			bar.finish(res)
		}
	} else {
		res, err = demo.Generate(ctx, db, hasher, *seed)
	}
	if err != nil {
		return err
	}
	if *accountsOut != "" {
		if err := writeAccounts(*accountsOut, res.SignIns); err != nil {
			return err
		}
	}

	listener, err := net.Listen("tcp", sf.addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", sf.addr, err)
	}
	cfg := sf.webConfig(true, listener)
	return serveUntilDone(ctx, db, cfg, &sf, d.data, listener, log, func() {
		printSignIns(stdout, cfg.BaseURL, *seed, res, temporary)
	})
}

// requireEmptyDir refuses a demo data directory that holds anything already,
// so the demo can never mix synthetic data into a real database.
func requireEmptyDir(dir string) error {
	entries, err := os.ReadDir(dir)
	if os.IsNotExist(err) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("read --data %s: %w", dir, err)
	}
	if len(entries) > 0 {
		return fmt.Errorf("--data %s is not empty; the demo needs an empty directory (or leave --data out to use a temporary one)", dir)
	}
	return nil
}

func writeAccounts(path string, accounts []demo.Account) error {
	b, err := json.MarshalIndent(accounts, "", "  ")
	if err != nil {
		return err
	}
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return fmt.Errorf("write --accounts-out: %w", err)
		}
	}
	if err := os.WriteFile(path, append(b, '\n'), 0o600); err != nil {
		return fmt.Errorf("write --accounts-out: %w", err)
	}
	return nil
}

func printSignIns(w io.Writer, baseURL string, seed uint64, res demo.Result, temporary bool) {
	fmt.Fprintf(w, "\nSteadfast demo — synthetic data only (seed %d)\n", seed)
	fmt.Fprintf(w, "Open %s/sign-in and use any of these accounts. Staff need no second factor in the demo.\n\n", baseURL)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ROLE\tNAME\tEMAIL\tPASSWORD")
	for _, a := range res.SignIns {
		role, _ := access.ParseRole(a.Role)
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", role.Label(), a.Name, a.Email, a.Password)
	}
	tw.Flush()
	fmt.Fprintf(w, "\nRun again with --seed %d for the same people and passwords. Press Ctrl+C to stop.", seed)
	if temporary {
		fmt.Fprint(w, " The demo data is then deleted.")
	}
	fmt.Fprint(w, "\n\n")
}
