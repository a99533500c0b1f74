package main

import (
	"context"
	"fmt"
	"io"

	"github.com/steadfast-care/steadfast/internal/version"
)

func runVersion(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("version", "Print the version and the commit it was built from.", stderr)
	if err := parseWithEnv(fs, args, stdout); err != nil {
		return err
	}
	_, err := fmt.Fprintln(stdout, version.String())
	return err
}
