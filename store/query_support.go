package store

import (
	"encoding/binary"
	"fmt"
	"math"
)

// DocumentPublished returns the publication date of document id in days
// since the Unix epoch, reading only the fixed-width head of its record
// and allocating nothing: reconciliation compares the dates of many
// documents, most of which it never shows. ok is false if the document
// does not exist, its record is malformed, or its date is unknown.
func (t *Tx) DocumentPublished(id uint64) (days int64, ok bool) {
	var key [8]byte
	binary.BigEndian.PutUint64(key[:], id)
	v := t.btx.Bucket(bucketDocuments).Get(key[:])
	if len(v) < docFixedPrefix || v[0] != docVersion {
		return 0, false
	}
	days = int64(binary.BigEndian.Uint64(v[1:]))
	if days == noDate {
		return 0, false
	}
	return days, true
}

// DocumentsPublished calls fn with the publication date (days since the
// Unix epoch) of each document in ids, which must be sorted ascending;
// ok is false for a missing document or an unknown date. It walks one
// cursor, stepping to nearby IDs instead of searching from the root, so
// that dating thousands of documents costs little more than reading them
// in order.
func (t *Tx) DocumentsPublished(ids []uint64, fn func(id uint64, days int64, ok bool)) {
	c := t.btx.Bucket(bucketDocuments).Cursor()
	var k, v []byte
	var key [8]byte
	const maxStep = 32 // beyond this gap a seek is cheaper than stepping
	for i, id := range ids {
		cur := uint64(0)
		if len(k) == 8 {
			cur = binary.BigEndian.Uint64(k)
		}
		if i == 0 || k == nil || id < cur || id-cur > maxStep {
			binary.BigEndian.PutUint64(key[:], id)
			k, v = c.Seek(key[:])
		} else {
			for k != nil && len(k) == 8 && binary.BigEndian.Uint64(k) < id {
				k, v = c.Next()
			}
		}
		if len(k) != 8 || binary.BigEndian.Uint64(k) != id || len(v) < docFixedPrefix || v[0] != docVersion {
			fn(id, 0, false)
			continue
		}
		days := int64(binary.BigEndian.Uint64(v[1:]))
		if days == noDate {
			fn(id, 0, false)
			continue
		}
		fn(id, days, true)
	}
}

// ScanFacts calls fn for every fact with ID from..to inclusive (to == 0:
// no upper bound), in ID order, reading the facts bucket (not an index).
// It is ScanAll for filters: it seeks to from, decodes only what an Entry
// holds, and passes fn a pointer to one Entry it reuses, valid only
// during the call. It returns the number of records read.
func (t *Tx) ScanFacts(from, to uint64, fn func(*Entry) error) (n int, err error) {
	c := t.btx.Bucket(bucketFacts).Cursor()
	var e Entry
	for k, v := c.Seek(u64key(from)); k != nil; k, v = c.Next() {
		n++
		if len(k) != 8 || len(v) != factRecordLen || v[0] != factVersion {
			return n, fmt.Errorf("fact %x: %w", k, errCorrupt)
		}
		e.Fact = binary.BigEndian.Uint64(k)
		if to != 0 && e.Fact > to {
			break
		}
		e.Entity = binary.BigEndian.Uint32(v[1:])
		e.Metric = binary.BigEndian.Uint32(v[5:])
		e.Year = int(binary.BigEndian.Uint16(v[9:]))
		e.Period = Period(v[11])
		e.Value = math.Float64frombits(binary.BigEndian.Uint64(v[12:]))
		e.Unit = binary.BigEndian.Uint32(v[20:])
		e.Qualifier = Qualifier(v[24])
		e.Status = Status(v[25])
		e.Doc = binary.BigEndian.Uint64(v[26:])
		if err := fn(&e); err != nil {
			return n, err
		}
	}
	return n, nil
}
