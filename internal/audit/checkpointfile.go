package audit

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// CheckpointFileName is the checkpoint file in the data directory. Every
// checkpoint written to the database is also appended here, one line each,
// so that deleting records and checkpoints from the database is still caught.
// Copying this file off the machine (log shipping, a backup, a cron job) is
// what makes the log evident against someone who controls both.
const CheckpointFileName = "audit-checkpoints.log"

// CheckpointPath returns the checkpoint file's path inside dataDir.
func CheckpointPath(dataDir string) string { return filepath.Join(dataDir, CheckpointFileName) }

// AppendCheckpointFile appends c as one line to the file at path, creating
// it (mode 0600) if needed, and syncs it to disk. The line is written with a
// single write on a file opened for appending, so lines from concurrent
// writers do not interleave.
func AppendCheckpointFile(path string, c Checkpoint) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o600)
	if err != nil {
		return fmt.Errorf("audit: open checkpoint file: %w", err)
	}
	_, err = f.WriteString(c.MarshalLine() + "\n")
	err = errors.Join(err, f.Sync(), f.Close())
	if err != nil {
		return fmt.Errorf("audit: append to checkpoint file %s: %w", path, err)
	}
	return nil
}

// ReadCheckpointFile returns every checkpoint in the file at path, in file
// order. A line that does not parse is an error naming its line number: the
// file is written only by AppendCheckpointFile. A missing file gives an
// error that matches fs.ErrNotExist.
func ReadCheckpointFile(path string) ([]Checkpoint, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("audit: read checkpoint file: %w", err)
	}
	defer f.Close()
	var out []Checkpoint
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		c, err := ParseCheckpointLine(sc.Text())
		if err != nil {
			return nil, fmt.Errorf("%s line %d: %w", path, line, err)
		}
		out = append(out, c)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("audit: read checkpoint file %s: %w", path, err)
	}
	return out, nil
}
