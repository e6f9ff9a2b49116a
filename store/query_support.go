package store

import (
	"encoding/binary"
	"fmt"
	"math"
)

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
		e.Published = int32(binary.BigEndian.Uint32(v[50:]))
		if err := fn(&e); err != nil {
			return n, err
		}
	}
	return n, nil
}

// Count returns how many facts index x holds under id (a metric or entity
// ID, or a year for ByYear), from the catalogues rather than by scanning:
// a size hint for a scan's result.
func (t *Tx) Count(x Index, id uint32) int {
	var v []byte
	switch x {
	case ByMetric:
		v = t.btx.Bucket(bucketMetrics).Get(u32key(id))
	case ByEntity:
		v = t.btx.Bucket(bucketEntities).Get(u32key(id))
	case ByYear:
		v = t.btx.Bucket(bucketYears).Get(u16key(uint16(id)))
	}
	if len(v) < 8 {
		return 0
	}
	return int(binary.BigEndian.Uint64(v))
}

// DocumentCount returns the number of stored documents.
func (t *Tx) DocumentCount() int { return t.btx.Bucket(bucketDocuments).Stats().KeyN }
