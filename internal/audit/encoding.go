package audit

import (
	"encoding/binary"

	"golang.org/x/mod/sumdb/tlog"
)

// EncodingVersion is the first byte of every encoded leaf. Changing the
// encoding below changes every leaf hash, so old logs would no longer verify:
// a new encoding must take a new version byte, and verification must keep
// decoding the old one.
const EncodingVersion byte = 1

// Encode returns the canonical bytes of an event, the leaf data the Merkle
// tree is built over. Version 1 is, in order:
//
//	1 byte   EncodingVersion (0x01)
//	8 bytes  Seq, big-endian unsigned
//	8 bytes  At as microseconds since the Unix epoch (UTC), big-endian two's complement
//	then eleven text fields, each as a uvarint byte length followed by the
//	UTF-8 bytes: ID, OrgID, ActorID, ActorRole, Action, ResourceType,
//	ResourceID, Decision, Reason, RequestID, ClientAddr.
//
// Length prefixes make the encoding unambiguous: no two different events
// share an encoding. Seq is inside the leaf, so a record moved to another
// position no longer matches its hash.
func Encode(e Event) []byte {
	fields := [...]string{
		e.ID, e.OrgID, e.ActorID, e.ActorRole, string(e.Action), e.ResourceType,
		e.ResourceID, string(e.Decision), e.Reason, e.RequestID, e.ClientAddr,
	}
	size := 1 + 8 + 8
	for _, f := range fields {
		size += binary.MaxVarintLen64 + len(f)
	}
	b := make([]byte, 0, size)
	b = append(b, EncodingVersion)
	b = binary.BigEndian.AppendUint64(b, uint64(e.Seq))
	b = binary.BigEndian.AppendUint64(b, uint64(e.At.UnixMicro()))
	for _, f := range fields {
		b = binary.AppendUvarint(b, uint64(len(f)))
		b = append(b, f...)
	}
	return b
}

// LeafHash is the event's leaf hash in the tree: the RFC 6962 record hash,
// SHA-256 over 0x00 followed by Encode(e).
func LeafHash(e Event) tlog.Hash { return tlog.RecordHash(Encode(e)) }
