package store

import (
	"bytes"
	"cmp"
	"encoding/binary"
	"fmt"
	"slices"
	"strings"
	"sync"

	bolt "go.etcd.io/bbolt"
)

// Tx is a read-only view of the database, valid inside DB.View. It caches
// the documents it has looked up, so it is not safe for concurrent use;
// open one Tx per goroutine.
type Tx struct {
	btx   *bolt.Tx
	names *[numDicts]sync.Map    // the DB's name caches, by dictionary
	dicts [numDicts]*bolt.Bucket // their catalogue buckets, opened on first use
	docs  map[uint64]*docRecord
}

func newTx(db *DB, btx *bolt.Tx) *Tx {
	return &Tx{btx: btx, names: &db.names, docs: map[uint64]*docRecord{}}
}

// Bolt returns the underlying bbolt transaction, for raw scans in
// benchmarks and for the consistency check.
func (t *Tx) Bolt() *bolt.Tx { return t.btx }

// Snapshot identifies the committed state the transaction reads: the ID
// of the last write transaction committed before it began. Two reads with
// the same snapshot see the same data.
func (t *Tx) Snapshot() uint64 { return uint64(t.btx.ID()) }

// YearRange bounds a scan to years From..To inclusive; zero bounds are open.
type YearRange struct{ From, To int }

func (r YearRange) lo() int {
	return max(r.From, 0)
}

func (r YearRange) hi() int {
	if r.To <= 0 || r.To > 0xFFFF {
		return 0xFFFF
	}
	return r.To
}

// Scan calls fn for every entry of index x whose leading component is id
// (a metric or entity ID, or a year for ByYear), in key order, with years
// limited to r for ByMetric and ByEntity. It returns the number of keys
// read. An error from fn stops the scan and is returned.
func (t *Tx) Scan(x Index, id uint32, r YearRange, fn func(Entry) error) (keys int, err error) {
	c := t.btx.Bucket(x.bucket()).Cursor()
	prefix := Prefix(x, id, 0)
	seek := prefix
	if x != ByYear && r.lo() > 0 {
		seek = Prefix(x, id, r.lo())
	}
	hi := r.hi()
	for k, v := c.Seek(seek); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
		keys++
		if x != ByYear && int(binary.BigEndian.Uint16(k[4:])) > hi {
			break
		}
		e, err := decodeEntry(x, k, v)
		if err != nil {
			return keys, fmt.Errorf("%s entry %x: %w", x, k, err)
		}
		if err := fn(e); err != nil {
			return keys, err
		}
	}
	return keys, nil
}

// ScanAll calls fn for every fact in ID order, reading the facts bucket
// (not an index). It returns the number of records read.
func (t *Tx) ScanAll(fn func(Entry) error) (n int, err error) {
	c := t.btx.Bucket(bucketFacts).Cursor()
	var r rawFact
	for k, v := c.First(); k != nil; k, v = c.Next() {
		n++
		if len(k) != 8 || decodeFact(binary.BigEndian.Uint64(k), v, &r) != nil {
			return n, fmt.Errorf("fact %x: %w", k, errCorrupt)
		}
		if err := fn(r.Entry); err != nil {
			return n, err
		}
	}
	return n, nil
}

// Fact returns the fact with the given ID, with names resolved and its
// sentence read from the document text.
func (t *Tx) Fact(id uint64) (Fact, error) {
	v := t.btx.Bucket(bucketFacts).Get(u64key(id))
	if v == nil {
		return Fact{}, fmt.Errorf("fact %d: %w", id, ErrNotFound)
	}
	var r rawFact
	if err := decodeFact(id, v, &r); err != nil {
		return Fact{}, fmt.Errorf("fact %d: %w", id, err)
	}
	f := Fact{
		ID: id, Entity: t.EntityName(r.Entity), Metric: t.MetricName(r.Metric), Unit: t.UnitName(r.Unit),
		Year: r.Year, Period: r.Period, Value: r.Value, Qualifier: r.Qualifier, Status: r.Status,
		Doc: r.Doc, SentenceStart: int(r.SentStart), SentenceEnd: int(r.SentEnd),
		Start: int(r.Start), End: int(r.End),
	}
	text := t.btx.Bucket(bucketTexts).Get(u64key(r.Doc))
	if int(r.SentEnd) <= len(text) && r.SentStart <= r.SentEnd {
		f.Sentence = string(text[r.SentStart:r.SentEnd])
	}
	return f, nil
}

// Document returns the document with the given ID, without its text.
func (t *Tx) Document(id uint64) (Document, error) {
	r, err := t.doc(id)
	if err != nil {
		return Document{}, err
	}
	return r.Document, nil
}

func (t *Tx) doc(id uint64) (*docRecord, error) {
	if r, ok := t.docs[id]; ok {
		return r, nil
	}
	v := t.btx.Bucket(bucketDocuments).Get(u64key(id))
	if v == nil {
		return nil, fmt.Errorf("document %d: %w", id, ErrNotFound)
	}
	r, err := decodeDocRecord(id, v)
	if err != nil {
		return nil, fmt.Errorf("document %d: %w", id, err)
	}
	t.docs[id] = &r
	return &r, nil
}

// DocumentText returns the text of document id.
func (t *Tx) DocumentText(id uint64) (string, error) {
	v := t.btx.Bucket(bucketTexts).Get(u64key(id))
	if v == nil {
		return "", fmt.Errorf("document %d text: %w", id, ErrNotFound)
	}
	return string(v), nil
}

// DocumentBySource returns the document ingested from the named source.
func (t *Tx) DocumentBySource(source string) (Document, error) {
	v := t.btx.Bucket(bucketDocSource).Get([]byte(source))
	if len(v) != 8 {
		return Document{}, fmt.Errorf("document %q: %w", source, ErrNotFound)
	}
	return t.Document(binary.BigEndian.Uint64(v))
}

// Documents calls fn for every document (without text) in ID order.
func (t *Tx) Documents(fn func(Document) error) error {
	c := t.btx.Bucket(bucketDocuments).Cursor()
	for k, v := c.First(); k != nil; k, v = c.Next() {
		r, err := decodeDocRecord(binary.BigEndian.Uint64(k), v)
		if err != nil {
			return fmt.Errorf("document %x: %w", k, err)
		}
		if err := fn(r.Document); err != nil {
			return err
		}
	}
	return nil
}

// EntityID returns the ID of the entity with exactly this name.
func (t *Tx) EntityID(name string) (uint32, bool) { return t.lookupID(dictEntity, name) }

// MetricID returns the ID of the metric with exactly this name.
func (t *Tx) MetricID(name string) (uint32, bool) { return t.lookupID(dictMetric, name) }

// UnitID returns the ID of the unit with exactly this name.
func (t *Tx) UnitID(name string) (uint32, bool) { return t.lookupID(dictUnit, name) }

func (t *Tx) lookupID(d dictKind, name string) (uint32, bool) {
	v := t.btx.Bucket(dictionaries[d].byName).Get([]byte(name))
	if len(v) != 4 {
		return 0, false
	}
	return binary.BigEndian.Uint32(v), true
}

// EntityName returns the name of entity id, or "" if there is none.
func (t *Tx) EntityName(id uint32) string { return t.name(dictEntity, id) }

// MetricName returns the name of metric id, or "" if there is none.
func (t *Tx) MetricName(id uint32) string { return t.name(dictMetric, id) }

// UnitName returns the name of unit id, or "" if there is none.
func (t *Tx) UnitName(id uint32) string { return t.name(dictUnit, id) }

// name returns a dictionary name. An ID is never reused and its name never
// changes, so names are cached for the life of the DB, across transactions.
func (t *Tx) name(kind dictKind, id uint32) string {
	if n, ok := t.names[kind].Load(id); ok {
		return n.(string)
	}
	if t.dicts[kind] == nil {
		t.dicts[kind] = t.btx.Bucket(dictionaries[kind].recs)
	}
	var key [4]byte
	binary.BigEndian.PutUint32(key[:], id)
	name, ok := catalogName(t.dicts[kind].Get(key[:]))
	if !ok {
		return ""
	}
	t.names[kind].Store(id, name)
	return name
}

// Entities returns the entity catalogue sorted by name.
func (t *Tx) Entities() ([]CatalogEntry, error) { return t.catalog(dictEntity) }

// Metrics returns the metric catalogue sorted by name.
func (t *Tx) Metrics() ([]CatalogEntry, error) { return t.catalog(dictMetric) }

// Units returns the unit catalogue sorted by name.
func (t *Tx) Units() ([]CatalogEntry, error) { return t.catalog(dictUnit) }

func (t *Tx) catalog(d dictKind) ([]CatalogEntry, error) {
	bucket := dictionaries[d].recs
	var out []CatalogEntry
	err := t.btx.Bucket(bucket).ForEach(func(k, v []byte) error {
		if len(k) != 4 {
			return fmt.Errorf("%s key %x: %w", bucket, k, errCorrupt)
		}
		e, err := decodeCatalogRecord(binary.BigEndian.Uint32(k), v)
		if err != nil {
			return fmt.Errorf("%s %x: %w", bucket, k, err)
		}
		out = append(out, e)
		return nil
	})
	slices.SortFunc(out, func(a, b CatalogEntry) int {
		return cmp.Or(strings.Compare(strings.ToLower(a.Name), strings.ToLower(b.Name)), strings.Compare(a.Name, b.Name))
	})
	return out, err
}

// YearCount is a year with the number of facts about it.
type YearCount struct {
	Year  int
	Count int
}

// Years returns the years that have facts, in order, with their counts.
func (t *Tx) Years() ([]YearCount, error) {
	var out []YearCount
	err := t.btx.Bucket(bucketYears).ForEach(func(k, v []byte) error {
		if len(k) != 2 || len(v) != 8 {
			return fmt.Errorf("years entry %x: %w", k, errCorrupt)
		}
		out = append(out, YearCount{int(binary.BigEndian.Uint16(k)), int(binary.BigEndian.Uint64(v))})
		return nil
	})
	return out, err
}

// Stats counts what the database holds.
type Stats struct {
	Documents int
	Facts     int
	Entities  int
	Metrics   int
	Units     int
	Years     int
	FileBytes int64
}

// Stats returns counts of the database's contents.
func (t *Tx) Stats() Stats {
	// Small buckets are counted; facts are summed from the years catalogue
	// rather than walked.
	n := func(b []byte) int { return t.btx.Bucket(b).Stats().KeyN }
	facts := 0
	years, _ := t.Years()
	for _, y := range years {
		facts += y.Count
	}
	return Stats{
		Documents: n(bucketDocuments),
		Facts:     facts,
		Entities:  n(dictionaries[dictEntity].recs),
		Metrics:   n(dictionaries[dictMetric].recs),
		Units:     n(dictionaries[dictUnit].recs),
		Years:     n(bucketYears),
		FileBytes: t.btx.Size(),
	}
}
