package store

import (
	"encoding/binary"
	"fmt"
	"math"
	"time"
)

// errCorrupt is what decoders return for a malformed record.
var errCorrupt = fmt.Errorf("%w: malformed record", ErrCorrupt)

// Fact record, version 1, fixed width so that year and value sit at fixed
// offsets and a full scan can filter without decoding the rest:
//
//	0  version u8 (1)
//	1  entity u32     5  metric u32     9  year u16    11 period u8
//	12 value f64      20 unit u32       24 qualifier u8 25 status u8
//	26 document u64   34 sentence start u32   38 sentence end u32
//	42 number start u32   46 number end u32
//	50 document's publication day i32 (days since 1970-01-01; NoDate if unknown)   (54 bytes)
//
// The publication day is the document's, copied into each fact and index
// entry so that reconciliation ("the most recent report wins") never has
// to look documents up.
const (
	factVersion   = 1
	factRecordLen = 54
)

// NoDate is Entry.Published for a document without a publication date;
// it sorts before every real date.
const NoDate = math.MinInt32

// publishedDay returns the day number stored for a publication date.
func publishedDay(t time.Time) int32 {
	if t.IsZero() {
		return NoDate
	}
	return int32(t.Unix() / 86400)
}

// rawFact is a fact as stored: names replaced by dictionary IDs, the
// sentence by its span in the document text. Its Entry is what an index
// entry holds; Entry.Fact is the fact's ID once known.
type rawFact struct {
	Entry
	SentStart, SentEnd uint32
	Start, End         uint32
}

// indexKey returns the components of the fact's index keys.
func (r *rawFact) indexKey() IndexKey {
	return IndexKey{Metric: r.Metric, Entity: r.Entity, Year: r.Year, Fact: r.Fact}
}

// dictIDs returns the fact's dictionary IDs, by dictionary.
func (r *rawFact) dictIDs() [numDicts]uint32 {
	return [numDicts]uint32{dictEntity: r.Entity, dictMetric: r.Metric, dictUnit: r.Unit}
}

func (r *rawFact) append(dst []byte) []byte {
	dst = append(dst, factVersion)
	dst = binary.BigEndian.AppendUint32(dst, r.Entity)
	dst = binary.BigEndian.AppendUint32(dst, r.Metric)
	dst = binary.BigEndian.AppendUint16(dst, uint16(r.Year))
	dst = append(dst, byte(r.Period))
	dst = binary.BigEndian.AppendUint64(dst, math.Float64bits(r.Value))
	dst = binary.BigEndian.AppendUint32(dst, r.Unit)
	dst = append(dst, byte(r.Qualifier), byte(r.Status))
	dst = binary.BigEndian.AppendUint64(dst, r.Doc)
	dst = binary.BigEndian.AppendUint32(dst, r.SentStart)
	dst = binary.BigEndian.AppendUint32(dst, r.SentEnd)
	dst = binary.BigEndian.AppendUint32(dst, r.Start)
	dst = binary.BigEndian.AppendUint32(dst, r.End)
	return binary.BigEndian.AppendUint32(dst, uint32(r.Published))
}

// decodeFact decodes the record of fact id into r. It is the only decoder
// of fact records: full scans call it with one reused rawFact, so it does
// not allocate.
func decodeFact(id uint64, b []byte, r *rawFact) error {
	if len(b) != factRecordLen || b[0] != factVersion {
		return errCorrupt
	}
	*r = rawFact{
		Entry: Entry{
			Fact:      id,
			Entity:    binary.BigEndian.Uint32(b[1:]),
			Metric:    binary.BigEndian.Uint32(b[5:]),
			Year:      int(binary.BigEndian.Uint16(b[9:])),
			Period:    Period(b[11]),
			Value:     math.Float64frombits(binary.BigEndian.Uint64(b[12:])),
			Unit:      binary.BigEndian.Uint32(b[20:]),
			Qualifier: Qualifier(b[24]),
			Status:    Status(b[25]),
			Doc:       binary.BigEndian.Uint64(b[26:]),
			Published: int32(binary.BigEndian.Uint32(b[50:])),
		},
		SentStart: binary.BigEndian.Uint32(b[34:]),
		SentEnd:   binary.BigEndian.Uint32(b[38:]),
		Start:     binary.BigEndian.Uint32(b[42:]),
		End:       binary.BigEndian.Uint32(b[46:]),
	}
	return nil
}

// Entry is what an index scan yields for one fact: everything a pivot or
// filter needs, without the sentence. Names are dictionary IDs; Tx resolves
// them (EntityName, MetricName, UnitName).
type Entry struct {
	Fact      uint64
	Entity    uint32
	Metric    uint32
	Unit      uint32
	Year      int
	Period    Period
	Value     float64
	Qualifier Qualifier
	Status    Status
	Doc       uint64
	Published int32 // the document's publication day (days since 1970-01-01), or NoDate
}

// Index entry value (covering), 27 bytes:
//
//	0 period u8   1 value f64   9 unit u32   13 qualifier u8   14 status u8   15 document u64
//	23 publication day i32
const entryValueLen = 27

func appendEntryValue(dst []byte, r *rawFact) []byte {
	dst = append(dst, byte(r.Period))
	dst = binary.BigEndian.AppendUint64(dst, math.Float64bits(r.Value))
	dst = binary.BigEndian.AppendUint32(dst, r.Unit)
	dst = append(dst, byte(r.Qualifier), byte(r.Status))
	dst = binary.BigEndian.AppendUint64(dst, r.Doc)
	return binary.BigEndian.AppendUint32(dst, uint32(r.Published))
}

func decodeEntry(x Index, k, v []byte) (Entry, error) {
	key, ok := DecodeIndexKey(x, k)
	if !ok || len(v) != entryValueLen {
		return Entry{}, errCorrupt
	}
	return Entry{
		Fact:      key.Fact,
		Entity:    key.Entity,
		Metric:    key.Metric,
		Year:      key.Year,
		Period:    Period(v[0]),
		Value:     math.Float64frombits(binary.BigEndian.Uint64(v[1:])),
		Unit:      binary.BigEndian.Uint32(v[9:]),
		Qualifier: Qualifier(v[13]),
		Status:    Status(v[14]),
		Doc:       binary.BigEndian.Uint64(v[15:]),
		Published: int32(binary.BigEndian.Uint32(v[23:])),
	}, nil
}

// Document record, version 1: version u8, published (unix days, i64; 1<<62
// when unknown), ingested (unix nanoseconds i64), first fact u64, fact
// count u64, text length u64, hash [32], then source, title, byline, url
// as uvarint-length-prefixed strings.
const (
	docVersion     = 1
	noDate         = int64(1) << 62
	docFixedPrefix = 1 + 8 + 8 + 8 + 8 + 8 + 32
)

type docRecord struct {
	Document
	TextLen int
}

// appendDocRecord appends the record of d, whose text is textLen bytes.
func appendDocRecord(dst []byte, d *Document, textLen int) []byte {
	dst = append(dst, docVersion)
	pub := noDate
	if !d.Published.IsZero() {
		pub = d.Published.Unix() / 86400
	}
	dst = binary.BigEndian.AppendUint64(dst, uint64(pub))
	dst = binary.BigEndian.AppendUint64(dst, uint64(d.Ingested.UnixNano()))
	dst = binary.BigEndian.AppendUint64(dst, d.FirstFact)
	dst = binary.BigEndian.AppendUint64(dst, uint64(d.NumFacts))
	dst = binary.BigEndian.AppendUint64(dst, uint64(textLen))
	dst = append(dst, d.Hash[:]...)
	for _, s := range [...]string{d.Source, d.Title, d.Byline, d.URL} {
		dst = binary.AppendUvarint(dst, uint64(len(s)))
		dst = append(dst, s...)
	}
	return dst
}

func decodeDocRecord(id uint64, b []byte) (docRecord, error) {
	if len(b) < docFixedPrefix || b[0] != docVersion {
		return docRecord{}, errCorrupt
	}
	var r docRecord
	r.ID = id
	if pub := int64(binary.BigEndian.Uint64(b[1:])); pub != noDate {
		r.Published = time.Unix(pub*86400, 0).UTC()
	}
	r.Ingested = time.Unix(0, int64(binary.BigEndian.Uint64(b[9:]))).UTC()
	r.FirstFact = binary.BigEndian.Uint64(b[17:])
	r.NumFacts = int(binary.BigEndian.Uint64(b[25:]))
	r.TextLen = int(binary.BigEndian.Uint64(b[33:]))
	copy(r.Hash[:], b[41:73])
	rest := b[docFixedPrefix:]
	var strs [4]string
	for i := range strs {
		n, w := binary.Uvarint(rest)
		if w <= 0 || uint64(len(rest)-w) < n {
			return docRecord{}, errCorrupt
		}
		strs[i] = string(rest[w : w+int(n)])
		rest = rest[w+int(n):]
	}
	r.Source, r.Title, r.Byline, r.URL = strs[0], strs[1], strs[2], strs[3]
	return r, nil
}

// Catalogue record: count u64, then the name and each alias as
// uvarint-length-prefixed strings.
func appendCatalogRecord(dst []byte, e *CatalogEntry) []byte {
	dst = binary.BigEndian.AppendUint64(dst, uint64(e.Count))
	dst = binary.AppendUvarint(dst, uint64(len(e.Name)))
	dst = append(dst, e.Name...)
	for _, a := range e.Aliases {
		dst = binary.AppendUvarint(dst, uint64(len(a)))
		dst = append(dst, a...)
	}
	return dst
}

// catalogName decodes only the name of a catalogue record: what reading a
// fact's names needs, without its aliases.
func catalogName(b []byte) (string, bool) {
	if len(b) < 9 {
		return "", false
	}
	n, w := binary.Uvarint(b[8:])
	if w <= 0 || uint64(len(b)-8-w) < n {
		return "", false
	}
	return string(b[8+w : 8+w+int(n)]), true
}

func decodeCatalogRecord(id uint32, b []byte) (CatalogEntry, error) {
	if len(b) < 9 {
		return CatalogEntry{}, errCorrupt
	}
	e := CatalogEntry{ID: id, Count: int(binary.BigEndian.Uint64(b))}
	rest := b[8:]
	for first := true; len(rest) > 0; first = false {
		n, w := binary.Uvarint(rest)
		if w <= 0 || uint64(len(rest)-w) < n {
			return CatalogEntry{}, errCorrupt
		}
		s := string(rest[w : w+int(n)])
		rest = rest[w+int(n):]
		if first {
			e.Name = s
		} else {
			e.Aliases = append(e.Aliases, s)
		}
	}
	return e, nil
}
