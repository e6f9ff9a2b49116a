package store

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"runtime/debug"
	"slices"
	"time"
	"unicode/utf8"

	bolt "go.etcd.io/bbolt"
)

// DocFacts is a document with its facts: the unit that commits together or
// not at all.
type DocFacts struct {
	Doc   Document
	Facts []Fact
	// Aliases maps an entity of Facts to other names it is known by; they
	// are merged into the entity catalogue.
	Aliases map[string][]string
	// NoReplace makes a stored document with the same Source and other
	// text fail this one (with ErrExists) instead of being replaced by it:
	// for identities nobody chose, such as "stdin".
	NoReplace bool
	// LegacySource is the name schema 1 gave the document (its file's
	// base name), when that differs from Source. A document stored under
	// it before the upgrade to schema 2 is taken for an earlier copy of
	// this one: with the same text, it takes Source as its identity
	// (PutResult.Renamed); with other text, both are kept and
	// PutResult.Legacy names it, for a warning. Nothing is replaced by a
	// guess.
	LegacySource string
}

// ErrExists is wrapped by the PutResult.Err of a document with NoReplace
// set whose Source is stored with other text.
var ErrExists = errors.New("a document with this identity is already stored")

// Outcome says what Put did with one document.
type Outcome uint8

// The outcomes of Put.
const (
	Added     Outcome = iota // stored as a new document
	Replaced                 // stored, replacing the document with the same source
	Duplicate                // same content already stored; nothing written
	Failed                   // not stored; PutResult.Err says why
)

// String returns the outcome's name.
func (o Outcome) String() string {
	switch o {
	case Added:
		return "added"
	case Replaced:
		return "replaced"
	case Duplicate:
		return "duplicate"
	}
	return "failed"
}

// PutResult reports what Put did with one document.
type PutResult struct {
	Source   string
	Outcome  Outcome
	Doc      uint64 // the document's ID (for Duplicate, the stored copy's; for ErrExists, the stored one's)
	Facts    int    // facts stored
	Replaced uint64 // ID of the replaced document, for Replaced
	Err      error  // why, for Failed
	// Renamed is the former Source of the stored copy of a Duplicate that
	// took this document's Source (see DocFacts.LegacySource).
	Renamed string
	// Legacy is the ID of a document stored before schema 2 under
	// DocFacts.LegacySource with other text, kept beside this one.
	Legacy uint64
}

// Put stores documents with their facts; it is PutContext without a
// context.
func (db *DB) Put(docs []DocFacts) ([]PutResult, error) {
	return db.PutContext(context.Background(), docs)
}

// PutContext stores documents with their facts. All of a document's facts commit
// with it or none do. Documents share transactions for speed, but a
// document that cannot be stored fails alone: its PutResult says why and
// the others are stored. A document whose text is already stored is a
// Duplicate; one whose Source is stored with other text replaces it.
//
// It returns an error only when the database itself fails (closed,
// read-only, disk error) or ctx is done; the results then say which
// documents were not stored. A cancelled ctx rolls back the transaction
// under way (the commit itself, once begun, runs to its end), so the
// documents of earlier transactions stay and no later one is stored.
func (db *DB) PutContext(ctx context.Context, docs []DocFacts) ([]PutResult, error) {
	if db.readOnly {
		return nil, fmt.Errorf("write %s: %w", db.path, ErrReadOnly)
	}
	results := make([]PutResult, len(docs))
	for i := range docs {
		results[i] = PutResult{Source: docs[i].Doc.Source}
		if err := validateDoc(&docs[i]); err != nil {
			results[i].Outcome, results[i].Err = Failed, err
		}
	}
	// A source or text repeated inside the batch must see the earlier copy
	// committed, so the batch is cut into groups without repeats.
	start := 0
	seenSrc := map[string]bool{}
	seenHash := map[[32]byte]bool{}
	for i := 0; i <= len(docs); i++ {
		if i < len(docs) {
			d := &docs[i].Doc
			if results[i].Err != nil || !seenSrc[d.Source] && !seenHash[d.Hash] {
				seenSrc[d.Source], seenHash[d.Hash] = true, true
				continue
			}
		}
		if err := db.putGroup(ctx, docs[start:i], results[start:i]); err != nil {
			for j := start; j < len(docs); j++ {
				if results[j].Err == nil {
					results[j].Outcome, results[j].Err = Failed, err
				}
			}
			return results, err
		}
		start = i
		clear(seenSrc)
		clear(seenHash)
		if i < len(docs) {
			seenSrc[docs[i].Doc.Source], seenHash[docs[i].Doc.Hash] = true, true
		}
	}
	return results, nil
}

// putGroup writes docs in one transaction; if that fails, it retries each
// document in a transaction of its own so that only the culprit fails.
func (db *DB) putGroup(ctx context.Context, docs []DocFacts, results []PutResult) error {
	if len(docs) == 0 {
		return nil
	}
	saved := slices.Clone(results)
	err := db.update(func(tx *bolt.Tx) error { return putTx(ctx, tx, docs, results) })
	if cerr := ctx.Err(); err != nil && cerr != nil {
		copy(results, saved)
		return fmt.Errorf("write %s: %w", db.path, cerr)
	}
	if err == nil || len(docs) == 1 {
		if err != nil && results[0].Err == nil {
			results[0].Outcome, results[0].Err = Failed, fmt.Errorf("store %s: %w", docs[0].Doc.Source, err)
			return fatal(err)
		}
		return nil
	}
	copy(results, saved)
	for i := range docs {
		if results[i].Err != nil {
			continue
		}
		err := db.update(func(tx *bolt.Tx) error { return putTx(ctx, tx, docs[i:i+1], results[i:i+1]) })
		if cerr := ctx.Err(); err != nil && cerr != nil {
			copy(results[i:], saved[i:])
			return fmt.Errorf("write %s: %w", db.path, cerr)
		}
		if err != nil {
			results[i].Outcome, results[i].Err = Failed, fmt.Errorf("store %s: %w", docs[i].Doc.Source, err)
			if ferr := fatal(err); ferr != nil {
				return ferr
			}
		}
	}
	return nil
}

// fatal returns err if it means the database as a whole cannot be written,
// nil if it concerns one document only.
func fatal(err error) error {
	var de *docError
	if errors.As(err, &de) {
		return nil
	}
	return err
}

// docError marks a failure caused by one document's content.
type docError struct{ err error }

func (e *docError) Error() string { return e.err.Error() }
func (e *docError) Unwrap() error { return e.err }

func (db *DB) update(fn func(*bolt.Tx) error) (err error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true)) // see View
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("write %s: %w: %v", db.path, ErrCorrupt, r)
		}
	}()
	return db.bolt.Update(fn)
}

// Validate reports the first thing that makes d unstorable (what Put
// fails it with): no source or one too long, text too long or not UTF-8,
// metadata too long, a fact that does not validate against the text, a
// bad alias.
func (d *DocFacts) Validate() error { return validateDoc(d) }

func validateDoc(d *DocFacts) error {
	doc := &d.Doc
	switch {
	case doc.Source == "":
		return errors.New("document has no source name")
	case len(doc.Source) > MaxSourceLen:
		return fmt.Errorf("%.40s...: source name longer than %d bytes", doc.Source, MaxSourceLen)
	case len(doc.Text) > MaxDocTextLen:
		return fmt.Errorf("%s: text is %d bytes, limit %d", doc.Source, len(doc.Text), MaxDocTextLen)
	case !utf8.ValidString(doc.Text):
		return fmt.Errorf("%s: text is not valid utf-8", doc.Source)
	case len(doc.Title) > 64<<10 || len(doc.Byline) > 64<<10 || len(doc.URL) > 64<<10:
		return fmt.Errorf("%s: title, byline or url longer than 64 KiB", doc.Source)
	}
	for i := range d.Facts {
		if err := d.Facts[i].Validate(len(doc.Text)); err != nil {
			return fmt.Errorf("%s: %w", doc.Source, err)
		}
	}
	for e, as := range d.Aliases {
		for _, a := range as {
			if a == "" || len(a) > MaxNameLen {
				return fmt.Errorf("%s: alias %q of %q must be 1 to %d bytes", doc.Source, a, e, MaxNameLen)
			}
		}
	}
	if doc.Hash == ([32]byte{}) {
		doc.Hash = sha256.Sum256([]byte(doc.Text))
	}
	return nil
}

// kv is a pending put; index puts are sorted before they are made, since
// bbolt inserts in key order far faster than at random.
type kv struct{ k, v []byte }

// writer holds one write transaction's pending work.
type writer struct {
	ctx                    context.Context
	facts, texts, docs     *bolt.Bucket
	hashB, sourceB, yearsB *bolt.Bucket
	idxB                   [numIndexes]*bolt.Bucket
	dicts                  [numDicts]*dict
	years                  map[int]int
	nextFact               uint64
	factsPending           []kv
	idx                    [numIndexes][]kv
	arena                  []byte // backing for pending keys and values; see carve
	identityFrom           uint64 // documents below this ID were keyed by base name (schema 1)
}

func putTx(ctx context.Context, tx *bolt.Tx, docs []DocFacts, results []PutResult) error {
	w := &writer{
		ctx:     ctx,
		facts:   tx.Bucket(bucketFacts),
		texts:   tx.Bucket(bucketTexts),
		docs:    tx.Bucket(bucketDocuments),
		hashB:   tx.Bucket(bucketDocHash),
		sourceB: tx.Bucket(bucketDocSource),
		yearsB:  tx.Bucket(bucketYears),
		years:   map[int]int{},
	}
	for x, ix := range indexes {
		w.idxB[x] = tx.Bucket(ix.bucket)
	}
	for k, d := range dictionaries {
		w.dicts[k] = newDict(tx, d.recs, d.byName)
	}
	// Facts are appended with increasing IDs: fill pages completely.
	w.facts.FillPercent = 1.0
	w.docs.FillPercent = 1.0
	w.texts.FillPercent = 1.0
	w.nextFact = w.facts.Sequence() + 1
	if v := tx.Bucket(bucketMeta).Get(keyIdentityFrom); len(v) == 8 {
		w.identityFrom = binary.BigEndian.Uint64(v)
	}
	for i := range docs {
		if err := ctx.Err(); err != nil {
			return err
		}
		if results[i].Err != nil {
			continue
		}
		if err := w.putDoc(&docs[i], &results[i]); err != nil {
			return err
		}
	}
	return w.flush()
}

func (w *writer) putDoc(d *DocFacts, res *PutResult) error {
	doc := &d.Doc
	if id := w.hashB.Get(doc.Hash[:]); id != nil {
		res.Outcome, res.Doc = Duplicate, binary.BigEndian.Uint64(id)
		return w.adopt(d, res)
	}
	legacy := w.legacy(d)
	if id := w.sourceB.Get([]byte(doc.Source)); id != nil {
		old := binary.BigEndian.Uint64(id)
		if d.NoReplace {
			res.Outcome, res.Doc = Failed, old
			res.Err = fmt.Errorf("%s: %w (document %d)", doc.Source, ErrExists, old)
			return nil
		}
		if err := w.deleteDoc(old); err != nil {
			return &docError{fmt.Errorf("replace %s (document %d): %w", doc.Source, old, err)}
		}
		res.Outcome, res.Replaced = Replaced, old
	}
	docID, err := w.docs.NextSequence()
	if err != nil {
		return err
	}
	stored := *doc
	stored.ID = docID
	stored.FirstFact = w.nextFact
	stored.NumFacts = len(d.Facts)
	if stored.Ingested.IsZero() {
		stored.Ingested = time.Now().UTC()
	}
	pub := publishedDay(doc.Published)
	for i := range d.Facts {
		f := &d.Facts[i]
		var ids [numDicts]uint32
		for k, name := range [numDicts]string{dictEntity: f.Entity, dictMetric: f.Metric, dictUnit: unitName(f.Unit)} {
			var err error
			if ids[k], err = w.dicts[k].id(name); err != nil {
				return err
			}
		}
		r := rawFact{
			Entry: Entry{
				Fact: w.nextFact, Entity: ids[dictEntity], Metric: ids[dictMetric], Unit: ids[dictUnit],
				Year: f.Year, Period: f.Period, Value: f.Value, Qualifier: f.Qualifier, Status: f.Status,
				Doc: docID, Published: pub,
			},
			SentStart: uint32(f.SentenceStart), SentEnd: uint32(f.SentenceEnd),
			Start: uint32(f.Start), End: uint32(f.End),
		}
		w.nextFact++
		w.addFact(&r, 1)
	}
	for e, as := range d.Aliases {
		if err := w.dicts[dictEntity].addAliases(e, as); err != nil {
			return err
		}
	}
	if err := w.docs.Put(u64key(docID), appendDocRecord(nil, &stored, len(stored.Text))); err != nil {
		return &docError{fmt.Errorf("%s: %w", doc.Source, err)}
	}
	if err := w.texts.Put(u64key(docID), []byte(doc.Text)); err != nil {
		return &docError{fmt.Errorf("%s: %w", doc.Source, err)}
	}
	if err := w.hashB.Put(doc.Hash[:], u64key(docID)); err != nil {
		return err
	}
	if err := w.sourceB.Put([]byte(doc.Source), u64key(docID)); err != nil {
		return &docError{fmt.Errorf("%s: %w", doc.Source, err)}
	}
	if res.Outcome != Replaced {
		res.Outcome, res.Legacy = Added, legacy
	}
	res.Doc, res.Facts = docID, len(d.Facts)
	return nil
}

// legacyID returns the ID of the document stored before schema 2 under
// d.LegacySource, or 0.
func (w *writer) legacyID(d *DocFacts) uint64 {
	if d.LegacySource == "" || d.LegacySource == d.Doc.Source {
		return 0
	}
	v := w.sourceB.Get([]byte(d.LegacySource))
	if len(v) != 8 {
		return 0
	}
	if id := binary.BigEndian.Uint64(v); id < w.identityFrom {
		return id
	}
	return 0
}

// legacy returns the ID of a pre-schema-2 copy of d stored under its
// legacy name, if its Source is not stored itself; 0 otherwise.
func (w *writer) legacy(d *DocFacts) uint64 {
	if w.sourceB.Get([]byte(d.Doc.Source)) != nil {
		return 0
	}
	return w.legacyID(d)
}

// adopt gives the stored copy of a duplicate d its Source, when that copy
// is the pre-schema-2 document stored under d.LegacySource and Source is
// free: its identity becomes the full one.
func (w *writer) adopt(d *DocFacts, res *PutResult) error {
	id := w.legacyID(d)
	if id == 0 || id != res.Doc || w.sourceB.Get([]byte(d.Doc.Source)) != nil {
		return nil
	}
	key := u64key(id)
	rec, err := decodeDocRecord(id, w.docs.Get(key))
	if err != nil {
		return &docError{fmt.Errorf("rename document %d: %w", id, err)}
	}
	rec.Source = d.Doc.Source
	if err := w.docs.Put(key, appendDocRecord(nil, &rec.Document, rec.TextLen)); err != nil {
		return err
	}
	if err := w.sourceB.Delete([]byte(d.LegacySource)); err != nil {
		return err
	}
	if err := w.sourceB.Put([]byte(d.Doc.Source), key); err != nil {
		return err
	}
	res.Renamed = d.LegacySource
	return nil
}

// addFact queues fact r (r.Fact is its ID) and its index entries, and
// counts it in the catalogues (delta +1), or only counts its removal
// (delta -1).
func (w *writer) addFact(r *rawFact, delta int) {
	for k, id := range r.dictIDs() {
		w.dicts[k].count(id, delta)
	}
	w.years[r.Year] += delta
	if delta < 0 {
		return
	}
	// Keys and values are carved from one arena: bbolt keeps the slices
	// until the commit, and a fact would otherwise cost six allocations.
	fk := w.carve(binary.BigEndian.AppendUint64(w.room(), r.Fact))
	w.factsPending = append(w.factsPending, kv{fk, w.carve(r.append(w.room()))})
	v := w.carve(appendEntryValue(w.room(), r))
	k := r.indexKey()
	for x := range w.idx {
		w.idx[x] = append(w.idx[x], kv{w.carve(AppendIndexKey(w.room(), Index(x), k)), v})
	}
}

// room returns the arena's free space, at least 128 bytes (more than any
// key or record), starting a new chunk when the old one is spent.
func (w *writer) room() []byte {
	if cap(w.arena) < 128 {
		w.arena = make([]byte, 0, 256<<10)
	}
	return w.arena
}

// carve takes b, just appended to room(), out of the arena.
func (w *writer) carve(b []byte) []byte {
	w.arena = b[len(b):len(b):cap(b)]
	return b[:len(b):len(b)]
}

// deleteDoc removes a stored document, its text and facts and their index
// entries.
func (w *writer) deleteDoc(id uint64) error {
	key := u64key(id)
	rec, err := decodeDocRecord(id, w.docs.Get(key))
	if err != nil {
		return fmt.Errorf("document %d: %w", id, err)
	}
	var r rawFact
	for fid := rec.FirstFact; fid < rec.FirstFact+uint64(rec.NumFacts); fid++ {
		fk := u64key(fid)
		if err := decodeFact(fid, w.facts.Get(fk), &r); err != nil {
			return fmt.Errorf("fact %d: %w", fid, err)
		}
		k := r.indexKey()
		for x, b := range w.idxB {
			if err := b.Delete(AppendIndexKey(nil, Index(x), k)); err != nil {
				return err
			}
		}
		if err := w.facts.Delete(fk); err != nil {
			return err
		}
		w.addFact(&r, -1)
	}
	for _, del := range []struct {
		b *bolt.Bucket
		k []byte
	}{{w.docs, key}, {w.texts, key}, {w.hashB, rec.Hash[:]}, {w.sourceB, []byte(rec.Source)}} {
		if err := del.b.Delete(del.k); err != nil {
			return err
		}
	}
	return nil
}

// flush makes the queued puts, each bucket's in key order, and writes the
// catalogue counts.
func (w *writer) flush() error {
	for _, p := range w.factsPending {
		if err := w.facts.Put(p.k, p.v); err != nil {
			return err
		}
	}
	if err := w.facts.SetSequence(w.nextFact - 1); err != nil {
		return err
	}
	for x, b := range w.idxB {
		if err := w.ctx.Err(); err != nil {
			return err
		}
		kvs := w.idx[x]
		slices.SortFunc(kvs, func(a, b kv) int { return bytes.Compare(a.k, b.k) })
		// Index keys land all over each index, not at its end: half-full
		// splits leave room for the next batches (0.9 measured 30% larger
		// files at equal speed; see DESIGN.md).
		b.FillPercent = 0.5
		for i, p := range kvs {
			if i%4096 == 4095 {
				if err := w.ctx.Err(); err != nil {
					return err
				}
			}
			if err := b.Put(p.k, p.v); err != nil {
				return err
			}
		}
	}
	for _, d := range w.dicts {
		if err := d.flush(); err != nil {
			return err
		}
	}
	for y, delta := range w.years {
		if delta == 0 {
			continue
		}
		k := u16key(uint16(y))
		n := int64(delta)
		if v := w.yearsB.Get(k); len(v) == 8 {
			n += int64(binary.BigEndian.Uint64(v))
		}
		var err error
		if n <= 0 {
			err = w.yearsB.Delete(k)
		} else {
			err = w.yearsB.Put(k, binary.BigEndian.AppendUint64(nil, uint64(n)))
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// dict is a name dictionary (entities, metrics or units) inside one write
// transaction: it assigns IDs to new names and accumulates count changes.
type dict struct {
	recs, names *bolt.Bucket
	ids         map[string]uint32
	entries     map[uint32]*CatalogEntry
	dirty       map[uint32]bool
}

func newDict(tx *bolt.Tx, recs, names []byte) *dict {
	return &dict{
		recs: tx.Bucket(recs), names: tx.Bucket(names),
		ids: map[string]uint32{}, entries: map[uint32]*CatalogEntry{}, dirty: map[uint32]bool{},
	}
}

func (d *dict) id(name string) (uint32, error) {
	if id, ok := d.ids[name]; ok {
		return id, nil
	}
	if v := d.names.Get([]byte(name)); len(v) == 4 {
		id := binary.BigEndian.Uint32(v)
		d.ids[name] = id
		return id, nil
	}
	seq, err := d.recs.NextSequence()
	if err != nil {
		return 0, err
	}
	if seq > 1<<32-1 {
		return 0, errors.New("dictionary full")
	}
	id := uint32(seq)
	if err := d.names.Put([]byte(name), u32key(id)); err != nil {
		return 0, err
	}
	d.ids[name] = id
	d.entries[id] = &CatalogEntry{ID: id, Name: name}
	d.dirty[id] = true
	return id, nil
}

func (d *dict) entry(id uint32) (*CatalogEntry, error) {
	if e, ok := d.entries[id]; ok {
		return e, nil
	}
	e, err := decodeCatalogRecord(id, d.recs.Get(u32key(id)))
	if err != nil {
		return nil, fmt.Errorf("catalogue entry %d: %w", id, err)
	}
	d.entries[id] = &e
	return &e, nil
}

func (d *dict) count(id uint32, delta int) {
	if e, err := d.entry(id); err == nil {
		e.Count += delta
		d.dirty[id] = true
	}
}

func (d *dict) addAliases(name string, aliases []string) error {
	id, err := d.id(name)
	if err != nil {
		return err
	}
	e, err := d.entry(id)
	if err != nil {
		return err
	}
	for _, a := range aliases {
		if a != name && !slices.Contains(e.Aliases, a) {
			e.Aliases = append(e.Aliases, a)
			d.dirty[id] = true
		}
	}
	slices.Sort(e.Aliases)
	return nil
}

// flush writes changed entries; a name no fact refers to any more leaves
// the catalogue.
func (d *dict) flush() error {
	ids := make([]uint32, 0, len(d.dirty))
	for id := range d.dirty {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		e := d.entries[id]
		if e.Count <= 0 {
			if err := d.recs.Delete(u32key(id)); err != nil {
				return err
			}
			if err := d.names.Delete([]byte(e.Name)); err != nil {
				return err
			}
			continue
		}
		if err := d.recs.Put(u32key(id), appendCatalogRecord(nil, e)); err != nil {
			return err
		}
	}
	return nil
}
