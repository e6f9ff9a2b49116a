package store

import "encoding/binary"

// This file holds every bucket name and key encoding of an Almanac
// database, with the order each guarantees. bbolt cursors iterate keys in
// byte order, so all integers in keys are fixed-width big-endian: a prefix
// scan over a metric's index keys yields its facts ordered by year, then
// entity ID, then fact ID.
//
//	bucket        key                                              value
//	meta          "magic" | "schema" | "identity_from"             "almanac" | u32 version | u64 document ID
//	facts         fact ID u64                                      fact record (codec.go)
//	idx_metric    metric u32 | year u16 | entity u32 | fact u64    index entry (codec.go)
//	idx_entity    entity u32 | year u16 | metric u32 | fact u64    index entry
//	idx_year      year u16 | metric u32 | entity u32 | fact u64    index entry
//	documents     document ID u64                                  document record
//	texts         document ID u64                                  document text (UTF-8)
//	doc_hash      SHA-256 of the text (32 bytes)                   document ID u64
//	doc_source    document identity (bytes, see Document.Source)  document ID u64
//	entities      entity ID u32                                    catalogue record
//	entity_names  entity name (bytes)                              entity ID u32
//	metrics       metric ID u32                                    catalogue record
//	metric_names  metric name (bytes)                              metric ID u32
//	units         unit ID u32                                      catalogue record
//	unit_names    unit name (bytes)                                unit ID u32
//	years         year u16                                         fact count u64
//
// doc_source maps a document's identity to it: the path of its file
// relative to the directory it was ingested from (or as given, for a
// file named on its own), its address (url, canonical link), or the name
// given to standard input. Schema 1 keyed documents by their file's base
// name; the upgrade to schema 2 (on the first read-write open, see
// upgrades in store.go) keeps those keys, which are true identities for
// files ingested from the top of a directory, and records in
// meta/identity_from the first document ID stored under schema 2, so that
// Put can tell the older documents (keyed by base name, whose directory
// is unknown) from the others (see DocFacts.LegacySource).
//
// Fact and document IDs come from the sequences of the facts and documents
// buckets and are never reused, so new facts append at the end of facts.
// Dictionary IDs come from the sequences of entities, metrics and units.
// Index entries are covering: they hold everything a pivot needs, so a
// query reads the facts bucket only for the facts it shows in full.
var (
	bucketMeta        = []byte("meta")
	bucketFacts       = []byte("facts")
	bucketIdxMetric   = []byte("idx_metric")
	bucketIdxEntity   = []byte("idx_entity")
	bucketIdxYear     = []byte("idx_year")
	bucketDocuments   = []byte("documents")
	bucketTexts       = []byte("texts")
	bucketDocHash     = []byte("doc_hash")
	bucketDocSource   = []byte("doc_source")
	bucketEntities    = []byte("entities")
	bucketEntityNames = []byte("entity_names")
	bucketMetrics     = []byte("metrics")
	bucketMetricNames = []byte("metric_names")
	bucketUnits       = []byte("units")
	bucketUnitNames   = []byte("unit_names")
	bucketYears       = []byte("years")

	keyMagic        = []byte("magic")
	keySchema       = []byte("schema")
	keyIdentityFrom = []byte("identity_from")
)

const (
	magic = "almanac"
	// SchemaVersion is the version of the layout this package writes. It
	// reads every version from 1 up; Open upgrades older files in place
	// (see upgrades).
	SchemaVersion = 2

	idxKeyLen = 4 + 2 + 4 + 8
)

// Index identifies one of the three fact indexes.
type Index uint8

// The fact indexes. Each answers one kind of question with a prefix scan.
const (
	ByMetric Index = iota // metric | year | entity | fact
	ByEntity              // entity | year | metric | fact
	ByYear                // year | metric | entity | fact
	numIndexes
)

// The schema: every index and every name dictionary, listed once. The
// write path, Check and the readers loop over these tables rather than
// naming buckets one by one.
var (
	// indexes holds, for each Index, its bucket and the bucket whose
	// records start with the fact count of its leading component (for
	// Tx.Count).
	indexes = [numIndexes]struct{ bucket, counts []byte }{
		ByMetric: {bucketIdxMetric, bucketMetrics},
		ByEntity: {bucketIdxEntity, bucketEntities},
		ByYear:   {bucketIdxYear, bucketYears},
	}
	// dictionaries holds, for each name dictionary, its catalogue (ID ->
	// count, name and aliases; its sequence hands out the IDs) and its
	// name index (name -> ID).
	dictionaries = [numDicts]struct{ recs, byName []byte }{
		dictEntity: {bucketEntities, bucketEntityNames},
		dictMetric: {bucketMetrics, bucketMetricNames},
		dictUnit:   {bucketUnits, bucketUnitNames},
	}
)

// dictKind identifies a name dictionary.
type dictKind uint8

// The name dictionaries. A fact names one entry of each.
const (
	dictEntity dictKind = iota
	dictMetric
	dictUnit
	numDicts
)

// allBuckets lists every bucket, in creation order.
var allBuckets = func() [][]byte {
	out := [][]byte{bucketMeta, bucketFacts}
	for _, x := range indexes {
		out = append(out, x.bucket)
	}
	out = append(out, bucketDocuments, bucketTexts, bucketDocHash, bucketDocSource)
	for _, d := range dictionaries {
		out = append(out, d.recs, d.byName)
	}
	return append(out, bucketYears)
}()

// String returns the index's bucket name.
func (x Index) String() string { return string(x.bucket()) }

func (x Index) bucket() []byte {
	if x >= numIndexes {
		x = ByMetric
	}
	return indexes[x].bucket
}

// IndexKey is the decoded key of an index entry.
type IndexKey struct {
	Metric, Entity uint32
	Year           int
	Fact           uint64
}

// AppendIndexKey appends the key of k in index x to dst.
func AppendIndexKey(dst []byte, x Index, k IndexKey) []byte {
	switch x {
	case ByEntity:
		dst = binary.BigEndian.AppendUint32(dst, k.Entity)
		dst = binary.BigEndian.AppendUint16(dst, uint16(k.Year))
		dst = binary.BigEndian.AppendUint32(dst, k.Metric)
	case ByYear:
		dst = binary.BigEndian.AppendUint16(dst, uint16(k.Year))
		dst = binary.BigEndian.AppendUint32(dst, k.Metric)
		dst = binary.BigEndian.AppendUint32(dst, k.Entity)
	default:
		dst = binary.BigEndian.AppendUint32(dst, k.Metric)
		dst = binary.BigEndian.AppendUint16(dst, uint16(k.Year))
		dst = binary.BigEndian.AppendUint32(dst, k.Entity)
	}
	return binary.BigEndian.AppendUint64(dst, k.Fact)
}

// DecodeIndexKey decodes a key of index x. It reports false if b is not
// a well-formed key.
func DecodeIndexKey(x Index, b []byte) (IndexKey, bool) {
	if len(b) != idxKeyLen {
		return IndexKey{}, false
	}
	var k IndexKey
	switch x {
	case ByEntity:
		k.Entity = binary.BigEndian.Uint32(b)
		k.Year = int(binary.BigEndian.Uint16(b[4:]))
		k.Metric = binary.BigEndian.Uint32(b[6:])
	case ByYear:
		k.Year = int(binary.BigEndian.Uint16(b))
		k.Metric = binary.BigEndian.Uint32(b[2:])
		k.Entity = binary.BigEndian.Uint32(b[6:])
	default:
		k.Metric = binary.BigEndian.Uint32(b)
		k.Year = int(binary.BigEndian.Uint16(b[4:]))
		k.Entity = binary.BigEndian.Uint32(b[6:])
	}
	k.Fact = binary.BigEndian.Uint64(b[10:])
	return k, true
}

// Prefix returns the key prefix that selects all entries of index x whose
// leading component is id (a metric or entity ID, or a year for ByYear),
// optionally narrowed to one year (year > 0) for ByMetric and ByEntity.
func Prefix(x Index, id uint32, year int) []byte {
	var p []byte
	if x == ByYear {
		return binary.BigEndian.AppendUint16(p, uint16(id))
	}
	p = binary.BigEndian.AppendUint32(p, id)
	if year > 0 {
		p = binary.BigEndian.AppendUint16(p, uint16(year))
	}
	return p
}

func u64key(v uint64) []byte { return binary.BigEndian.AppendUint64(nil, v) }
func u32key(v uint32) []byte { return binary.BigEndian.AppendUint32(nil, v) }
func u16key(v uint16) []byte { return binary.BigEndian.AppendUint16(nil, v) }
