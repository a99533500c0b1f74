package audit

import (
	"context"
	"crypto/ed25519"
	"errors"
	"fmt"
	"io/fs"
)

// Files names the audit files kept outside the database.
type Files struct {
	// Key is the signing key file; its public half checks checkpoints.
	Key string
	// Checkpoints is the checkpoint file.
	Checkpoints string
}

// FilesIn returns the audit files' usual places inside dataDir.
func FilesIn(dataDir string) Files {
	return Files{Key: KeyPath(dataDir), Checkpoints: CheckpointPath(dataDir)}
}

// VerifyStored is what `steadfast audit verify` does. It reads every
// checkpoint in the checkpoint file and in the database and checks its
// signature with the key in files.Key, then recomputes every leaf hash and
// the whole tree from the stored records, in order, and compares them with
// the hashes stored beside the records and with every checkpoint's root.
//
// It returns a *Problem naming the first bad record when a record was
// changed, and saying which records are missing when rows were deleted.
// A missing checkpoint file is a problem whenever the database holds
// checkpoints, since every checkpoint is written to both.
func VerifyStored(ctx context.Context, src Source, files Files) (Result, error) {
	var pub ed25519.PublicKey
	key, err := LoadKey(files.Key)
	switch {
	case err == nil:
		pub = key.Public().(ed25519.PublicKey)
	case !errors.Is(err, fs.ErrNotExist):
		return Result{}, err
	}
	v := NewVerifier(pub)

	// The file first, then the database, then the records: each read can
	// only see as much as, or more than, the one before it.
	fileCps, err := ReadCheckpointFile(files.Checkpoints)
	fileMissing := errors.Is(err, fs.ErrNotExist)
	if err != nil && !fileMissing {
		return Result{}, err
	}
	dbCps, err := src.AuditCheckpoints(ctx)
	if err != nil {
		return Result{}, fmt.Errorf("read checkpoints: %w", err)
	}
	if fileMissing && len(dbCps) > 0 {
		return Result{}, &Problem{Kind: Missing, Seq: -1, Detail: fmt.Sprintf(
			"the checkpoint file %s is missing, but the database holds %d checkpoints", files.Checkpoints, len(dbCps))}
	}
	if err := v.AddCheckpoints(files.Checkpoints, fileCps); err != nil {
		return Result{}, err
	}
	if err := v.AddCheckpoints("the database", dbCps); err != nil {
		return Result{}, err
	}
	if err := src.ScanAudit(ctx, v.Add); err != nil {
		var p *Problem
		if errors.As(err, &p) {
			return Result{}, p
		}
		return Result{}, fmt.Errorf("read audit records: %w", err)
	}
	res, err := v.Finish()
	if err != nil {
		return Result{}, err
	}
	res.FromFile = len(fileCps)
	return res, nil
}
