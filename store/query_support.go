package store

import (
	"encoding/binary"
	"fmt"
)

// ScanFacts calls fn for every fact with ID from..to inclusive (to == 0:
// no upper bound), in ID order, reading the facts bucket (not an index).
// It is ScanAll for filters: it seeks to from, decodes only what an Entry
// holds, and passes fn a pointer to one Entry it reuses, valid only
// during the call. It returns the number of records read.
func (t *Tx) ScanFacts(from, to uint64, fn func(*Entry) error) (n int, err error) {
	c := t.btx.Bucket(bucketFacts).Cursor()
	var r rawFact
	for k, v := c.Seek(u64key(from)); k != nil; k, v = c.Next() {
		n++
		if len(k) != 8 {
			return n, fmt.Errorf("fact %x: %w", k, errCorrupt)
		}
		id := binary.BigEndian.Uint64(k)
		if to != 0 && id > to {
			break
		}
		if err := decodeFact(id, v, &r); err != nil {
			return n, fmt.Errorf("fact %x: %w", k, err)
		}
		if err := fn(&r.Entry); err != nil {
			return n, err
		}
	}
	return n, nil
}

// Count returns how many facts index x holds under id (a metric or entity
// ID, or a year for ByYear), from the catalogues rather than by scanning:
// a size hint for a scan's result.
func (t *Tx) Count(x Index, id uint32) int {
	if x >= numIndexes {
		return 0
	}
	key := u32key(id)
	if x == ByYear {
		key = u16key(uint16(id))
	}
	v := t.btx.Bucket(indexes[x].counts).Get(key)
	if len(v) < 8 {
		return 0
	}
	return int(binary.BigEndian.Uint64(v))
}

// DocumentCount returns the number of stored documents.
func (t *Tx) DocumentCount() int { return t.btx.Bucket(bucketDocuments).Stats().KeyN }
