package audit

import (
	"cmp"
	"crypto/ed25519"
	"fmt"
	"slices"

	"golang.org/x/mod/sumdb/tlog"
)

// Record is an event as read back from storage, with the hashes that were
// stored beside it when it was appended.
type Record struct {
	Event
	// LeafHash is the leaf hash stored in the record's own row.
	LeafHash tlog.Hash
	// Stored are the tree hashes stored with the record, from stored index
	// tlog.StoredHashIndex(0, Seq): the leaf hash, then the hashes of the
	// subtrees it completed (see Tree.Append). Nil skips that comparison.
	Stored []tlog.Hash
}

// ProblemKind classifies what verification found wrong.
type ProblemKind string

// The kinds of problem verification reports.
const (
	// Changed: a record's contents no longer match its hashes.
	Changed ProblemKind = "changed"
	// Missing: records are absent, in a gap or after the end of the log.
	Missing ProblemKind = "missing"
	// Reordered: a record is not at the position its Seq says.
	Reordered ProblemKind = "reordered"
	// StoredHashes: the stored tree hashes do not match the records.
	StoredHashes ProblemKind = "stored-hashes"
	// BadSignature: a checkpoint's signature does not verify with the key.
	BadSignature ProblemKind = "bad-signature"
	// Mismatch: the log does not produce a checkpoint's signed root.
	Mismatch ProblemKind = "checkpoint-mismatch"
)

// Problem is the error verification returns: the first thing found wrong.
type Problem struct {
	Kind ProblemKind
	// Seq and ID name the first bad record, when one can be named; Seq is -1
	// otherwise.
	Seq int64
	ID  string
	// Detail says what is wrong, in words.
	Detail string
}

// Error names the record, if known, and the problem.
func (p *Problem) Error() string {
	if p.Seq >= 0 {
		return fmt.Sprintf("audit log does not verify: record %d (id %s): %s", p.Seq, p.ID, p.Detail)
	}
	return "audit log does not verify: " + p.Detail
}

// Result summarises a log that verified.
type Result struct {
	// Records is the number of records checked.
	Records int64
	// Root is the tree hash over all of them.
	Root tlog.Hash
	// Checkpoints is the number of signed checkpoints checked, from every
	// source; FromFile of them came from the checkpoint file.
	Checkpoints int
	FromFile    int
	// Latest is the largest checkpoint checked; zero if there were none.
	Latest Checkpoint
	// Unsigned is the number of records after the latest checkpoint, which
	// no signature covers yet.
	Unsigned int64
}

// sourcedCheckpoint is a checkpoint and where it was read from.
type sourcedCheckpoint struct {
	Checkpoint
	from string
}

// Verifier checks a log record by record, holding only the tree's edge, so a
// log of any length verifies in constant memory. Add checkpoints first, then
// every record in order, then call Finish.
type Verifier struct {
	pub         ed25519.PublicKey
	checkpoints []sourcedCheckpoint // sorted by size once records start
	next        int                 // the first checkpoint not yet reached
	verifiedAt  int64               // size of the last checkpoint that matched
	tree        *Tree
	started     bool
	gap         *Problem // a gap seen at the last record, reported unless the next record shows a reordering
	lastSeq     int64
	lastID      string
}

// NewVerifier returns a verifier that checks checkpoint signatures with pub.
// pub may be nil when there is no key; any checkpoint then fails.
func NewVerifier(pub ed25519.PublicKey) *Verifier {
	return &Verifier{pub: pub, tree: NewTree(), lastSeq: -1}
}

// AddCheckpoints checks the signature of every checkpoint read from one
// source (named by from, such as "the database" or a file's path) and keeps
// them to compare with the log.
func (v *Verifier) AddCheckpoints(from string, cps []Checkpoint) error {
	if v.started {
		return fmt.Errorf("audit: checkpoints added after records")
	}
	for _, c := range cps {
		if v.pub == nil {
			return &Problem{Kind: BadSignature, Seq: -1,
				Detail: fmt.Sprintf("%s in %s cannot be checked: there is no signing key", c.Describe(), from)}
		}
		if err := c.VerifySignature(v.pub); err != nil {
			return &Problem{Kind: BadSignature, Seq: -1,
				Detail: fmt.Sprintf("the signature on the %s in %s does not verify with the audit key", c.Describe(), from)}
		}
		v.checkpoints = append(v.checkpoints, sourcedCheckpoint{c, from})
	}
	return nil
}

// Add checks the next record. It returns a *Problem when the record was
// changed or is out of place, or when the log up to it fails a checkpoint.
func (v *Verifier) Add(r Record) error {
	if err := v.start(); err != nil {
		return err
	}
	if v.gap != nil {
		if r.Seq < v.lastSeq {
			return &Problem{Kind: Reordered, Seq: v.lastSeq, ID: v.lastID,
				Detail: fmt.Sprintf("it is at position %d, but record %d comes after it", v.tree.Size(), r.Seq)}
		}
		return v.gap
	}
	want := v.tree.Size()
	switch {
	case r.Seq < want:
		return &Problem{Kind: Reordered, Seq: r.Seq, ID: r.ID,
			Detail: fmt.Sprintf("it is at position %d, after record %d", want, v.lastSeq)}
	case r.Seq > want:
		// Either records want..r.Seq-1 were deleted, or they come later
		// (reordered): the next record, or Finish, decides which to report.
		// Positions no longer match, so nothing more can be checked.
		v.gap = missingBefore(want, r)
		v.lastSeq, v.lastID = r.Seq, r.ID
		return nil
	}
	v.lastSeq, v.lastID = r.Seq, r.ID

	leaf := LeafHash(r.Event)
	if leaf != r.LeafHash {
		return &Problem{Kind: Changed, Seq: r.Seq, ID: r.ID,
			Detail: "its contents do not match the leaf hash stored with it: the record was changed"}
	}
	stored, err := v.tree.Append(leaf)
	if err != nil {
		return err
	}
	if r.Stored != nil {
		if p := compareStored(r, stored); p != nil {
			return p
		}
	}
	return v.reach(v.tree.Size())
}

// missingBefore is the problem of records want..r.Seq-1 being absent.
func missingBefore(want int64, r Record) *Problem {
	if want == 0 {
		return &Problem{Kind: Missing, Seq: -1,
			Detail: fmt.Sprintf("records missing before record %d (id %s): the log should start at 0", r.Seq, r.ID)}
	}
	return &Problem{Kind: Missing, Seq: -1,
		Detail: fmt.Sprintf("records missing after %d: the next record is %d (id %s)", want-1, r.Seq, r.ID)}
}

// compareStored checks the hashes stored with r against those recomputed.
func compareStored(r Record, recomputed []tlog.Hash) *Problem {
	first, _ := StoredHashRange(r.Seq)
	if len(r.Stored) != len(recomputed) {
		return &Problem{Kind: StoredHashes, Seq: r.Seq, ID: r.ID,
			Detail: fmt.Sprintf("%d tree hashes are stored with it, want %d", len(r.Stored), len(recomputed))}
	}
	if r.Stored[0] != recomputed[0] {
		return &Problem{Kind: Changed, Seq: r.Seq, ID: r.ID,
			Detail: "its contents do not match its leaf in the stored tree: the record was changed"}
	}
	for i := 1; i < len(recomputed); i++ {
		if r.Stored[i] != recomputed[i] {
			return &Problem{Kind: StoredHashes, Seq: r.Seq, ID: r.ID,
				Detail: fmt.Sprintf("stored tree hash %d, written with this record, does not match the records before it", first+int64(i))}
		}
	}
	return nil
}

// start sorts the checkpoints by size and checks any of size zero, once,
// before the first record.
func (v *Verifier) start() error {
	if v.started {
		return nil
	}
	v.started = true
	slices.SortStableFunc(v.checkpoints, func(a, b sourcedCheckpoint) int { return cmp.Compare(a.Size, b.Size) })
	return v.reach(0)
}

// reach compares every checkpoint of exactly this size with the tree. It is
// called at every size in turn, so no checkpoint is passed over.
func (v *Verifier) reach(size int64) error {
	for v.next < len(v.checkpoints) && v.checkpoints[v.next].Size == size {
		c := v.checkpoints[v.next]
		root, err := v.tree.Root()
		if err != nil {
			return err
		}
		if root != c.Root {
			return &Problem{Kind: Mismatch, Seq: -1, Detail: fmt.Sprintf(
				"records %d to %d do not produce the root signed in the %s in %s: one of them was changed, or replaced together with its hashes",
				v.verifiedAt, c.Size-1, c.Describe(), c.from)}
		}
		v.verifiedAt = c.Size
		v.next++
	}
	return nil
}

// Finish reports a checkpoint the log is too short for, or a trailing gap,
// and otherwise summarises the verified log.
func (v *Verifier) Finish() (Result, error) {
	if err := v.start(); err != nil {
		return Result{}, err
	}
	if v.gap != nil {
		return Result{}, v.gap
	}
	size := v.tree.Size()
	if v.next < len(v.checkpoints) {
		c := v.checkpoints[len(v.checkpoints)-1]
		detail := fmt.Sprintf("log shorter than checkpoint size: the %s in %s covers %d records, but the log holds %d", c.Describe(), c.from, c.Size, size)
		if size > 0 {
			detail += fmt.Sprintf(": records missing after %d", size-1)
		}
		return Result{}, &Problem{Kind: Missing, Seq: -1, Detail: detail}
	}
	root, err := v.tree.Root()
	if err != nil {
		return Result{}, err
	}
	res := Result{Records: size, Root: root, Checkpoints: len(v.checkpoints), Unsigned: size}
	if n := len(v.checkpoints); n > 0 {
		res.Latest = v.checkpoints[n-1].Checkpoint
		res.Unsigned = size - res.Latest.Size
	}
	return res, nil
}
