package store

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"os"

	bolt "go.etcd.io/bbolt"
)

// maxProblems bounds the list Check returns: past it, a database is
// broken enough that more lines help nobody.
const maxProblems = 100

// Check verifies the database: its page structure first (see checkPages:
// bounded by the file's size, safe on a damaged file), then Almanac's
// invariants: every fact is in all three indexes with the same covering
// values, every index entry points at its fact, every fact's document
// exists and owns it, the hash and source indexes match the documents,
// and the catalogue and year counts equal the facts. It returns the
// problems found (at most 100), or none. When the page structure is
// damaged, the invariants are not checked: reading the records would
// follow the damaged pages.
//
// Check stops early, with ctx's error, when ctx is done.
func (db *DB) Check(ctx context.Context) (problems []string, err error) {
	err = db.viewPages(ctx, func(t *Tx, pages []pageProblem) error {
		damaged := false
		for _, p := range pages {
			problems = append(problems, "bbolt: "+p.String())
			damaged = damaged || p.Structural
		}
		if damaged {
			problems = append(problems, "the file's page structure is damaged, so Almanac's own checks were skipped; restore the database from a backup")
			return nil
		}
		c := &checker{ctx: ctx, tx: t.btx, problems: problems}
		c.run()
		problems = c.problems
		return c.err
	})
	if err != nil {
		return problems, fmt.Errorf("check %s: %w", db.path, err)
	}
	return problems, nil
}

// viewPages checks the file's pages (see checkPages) and calls fn with
// their problems inside the read transaction whose pages were checked.
func (db *DB) viewPages(ctx context.Context, fn func(*Tx, []pageProblem) error) error {
	f, err := os.Open(db.path)
	if err != nil {
		return err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return err
	}
	// The pages are read from the file while a read transaction keeps
	// them from being reused; a commit between reading the meta page and
	// starting the transaction is noticed by its transaction ID, and the
	// check starts over.
	for attempt := 0; ; attempt++ {
		retry := false
		err := db.View(func(t *Tx) error {
			m, err := currentMeta(f)
			if err != nil {
				return fn(t, []pageProblem{{Structural: true, Msg: err.Error()}})
			}
			if m.txid != uint64(t.btx.ID()) && attempt < 10 {
				retry = true
				return nil
			}
			pages, err := checkPages(ctx, f, fi.Size(), m, maxProblems)
			if err != nil {
				return err
			}
			return fn(t, pages)
		})
		if !retry {
			return err
		}
	}
}

// errStop ends a ForEach of the check early.
var errStop = errors.New("stop")

type checker struct {
	ctx      context.Context
	tx       *bolt.Tx
	problems []string
	err      error // ctx's, once it is done
	n        int   // records read, for the context check
}

// stopped counts a record read and reports whether the check must stop:
// the problem list is full, or ctx is done (looked at every 4,096 records).
func (c *checker) stopped() bool {
	if c.n++; c.n%4096 == 0 && c.err == nil {
		c.err = c.ctx.Err()
	}
	return c.err != nil || len(c.problems) >= maxProblems
}

func (c *checker) addf(format string, args ...any) bool {
	if len(c.problems) < maxProblems {
		c.problems = append(c.problems, fmt.Sprintf(format, args...))
	}
	return len(c.problems) < maxProblems
}

func (c *checker) run() {
	for _, name := range allBuckets {
		if c.tx.Bucket(name) == nil {
			c.addf("bucket %s is missing", name)
			return
		}
	}
	var counts [numDicts]map[uint32]int
	for k := range counts {
		counts[k] = map[uint32]int{}
	}
	years := map[int]int{}
	docFacts := map[uint64]int{}
	var idx [numIndexes]*bolt.Bucket
	for x, ix := range indexes {
		idx[x] = c.tx.Bucket(ix.bucket)
	}
	facts := c.tx.Bucket(bucketFacts)
	nFacts := 0
	var last uint64
	var r rawFact
	cur := facts.Cursor()
	for k, v := cur.First(); k != nil; k, v = cur.Next() {
		if c.stopped() {
			return
		}
		if len(k) != 8 {
			if !c.addf("facts: malformed key %x", k) {
				return
			}
			continue
		}
		id := binary.BigEndian.Uint64(k)
		last = id
		if err := decodeFact(id, v, &r); err != nil {
			if !c.addf("fact %d: %v", id, err) {
				return
			}
			continue
		}
		nFacts++
		for d, id := range r.dictIDs() {
			counts[d][id]++
		}
		years[r.Year]++
		docFacts[r.Doc]++
		want := appendEntryValue(nil, &r)
		key := r.indexKey()
		for x, b := range idx {
			got := b.Get(AppendIndexKey(nil, Index(x), key))
			switch {
			case got == nil:
				c.addf("fact %d is missing from %s", id, Index(x))
			case !bytes.Equal(got, want):
				c.addf("fact %d: its %s entry differs from the fact", id, Index(x))
			}
		}
		if len(c.problems) >= maxProblems {
			return
		}
	}
	if seq := facts.Sequence(); last > seq {
		c.addf("facts: fact %d is above the ID sequence %d", last, seq)
	}
	for x, b := range idx {
		n := 0
		cur := b.Cursor()
		for k, _ := cur.First(); k != nil; k, _ = cur.Next() {
			if c.stopped() {
				return
			}
			n++
			key, ok := DecodeIndexKey(Index(x), k)
			if !ok {
				if !c.addf("%s: malformed key %x", Index(x), k) {
					return
				}
				continue
			}
			if facts.Get(u64key(key.Fact)) == nil {
				if !c.addf("%s entry points at missing fact %d", Index(x), key.Fact) {
					return
				}
			}
		}
		if n != nFacts {
			c.addf("%s has %d entries for %d facts", Index(x), n, nFacts)
		}
	}
	if c.checkDocuments(docFacts); c.err != nil {
		return
	}
	for d, dict := range dictionaries {
		if c.checkCatalog(dict.recs, dict.byName, counts[d]); c.err != nil {
			return
		}
	}
	yb := c.tx.Bucket(bucketYears)
	stored := map[int]int{}
	yb.ForEach(func(k, v []byte) error {
		if len(k) == 2 && len(v) == 8 {
			stored[int(binary.BigEndian.Uint16(k))] = int(binary.BigEndian.Uint64(v))
		} else {
			c.addf("years: malformed entry %x", k)
		}
		return nil
	})
	for y, n := range years {
		if stored[y] != n {
			c.addf("years: %d counts %d facts, there are %d", y, stored[y], n)
		}
	}
	for y, n := range stored {
		if years[y] == 0 {
			c.addf("years: %d counts %d facts, there are none", y, n)
		}
	}
}

func (c *checker) checkDocuments(docFacts map[uint64]int) {
	docs := c.tx.Bucket(bucketDocuments)
	texts := c.tx.Bucket(bucketTexts)
	hashes := c.tx.Bucket(bucketDocHash)
	sources := c.tx.Bucket(bucketDocSource)
	facts := c.tx.Bucket(bucketFacts)
	nDocs := 0
	docs.ForEach(func(k, v []byte) error {
		if c.stopped() {
			return errStop
		}
		nDocs++
		if len(k) != 8 {
			c.addf("documents: malformed key %x", k)
			return nil
		}
		id := binary.BigEndian.Uint64(k)
		r, err := decodeDocRecord(id, v)
		if err != nil {
			c.addf("document %d: %v", id, err)
			return nil
		}
		text := texts.Get(k)
		if text == nil {
			c.addf("document %d (%s) has no text", id, r.Source)
		} else if len(text) != r.TextLen {
			c.addf("document %d (%s): text is %d bytes, record says %d", id, r.Source, len(text), r.TextLen)
		}
		if got := hashes.Get(r.Hash[:]); !bytes.Equal(got, k) {
			c.addf("document %d (%s) is not in the hash index", id, r.Source)
		}
		if got := sources.Get([]byte(r.Source)); !bytes.Equal(got, k) {
			c.addf("document %d (%s) is not in the source index", id, r.Source)
		}
		if docFacts[id] != r.NumFacts {
			c.addf("document %d (%s) owns %d facts, %d point at it", id, r.Source, r.NumFacts, docFacts[id])
		}
		var fr rawFact
		for f := r.FirstFact; f < r.FirstFact+uint64(r.NumFacts); f++ {
			if err := decodeFact(f, facts.Get(u64key(f)), &fr); err != nil || fr.Doc != id {
				c.addf("document %d (%s): its fact %d is missing or belongs elsewhere", id, r.Source, f)
				break
			}
			if fr.Published != publishedDay(r.Published) {
				c.addf("document %d (%s): its fact %d carries another publication day", id, r.Source, f)
				break
			}
		}
		delete(docFacts, id)
		return nil
	})
	if c.err != nil {
		return
	}
	for id, n := range docFacts {
		c.addf("%d facts point at missing document %d", n, id)
	}
	for _, b := range []struct {
		name []byte
		bk   *bolt.Bucket
	}{{bucketDocHash, hashes}, {bucketDocSource, sources}, {bucketTexts, texts}} {
		if n := b.bk.Stats().KeyN; n != nDocs {
			c.addf("%s has %d entries for %d documents", b.name, n, nDocs)
		}
	}
}

func (c *checker) checkCatalog(recs, names []byte, counts map[uint32]int) {
	rb, nb := c.tx.Bucket(recs), c.tx.Bucket(names)
	seen := map[uint32]bool{}
	rb.ForEach(func(k, v []byte) error {
		if c.stopped() {
			return errStop
		}
		if len(k) != 4 {
			c.addf("%s: malformed key %x", recs, k)
			return nil
		}
		id := binary.BigEndian.Uint32(k)
		seen[id] = true
		e, err := decodeCatalogRecord(id, v)
		if err != nil {
			c.addf("%s %d: %v", recs, id, err)
			return nil
		}
		if e.Count != counts[id] {
			c.addf("%s %q counts %d facts, there are %d", recs, e.Name, e.Count, counts[id])
		}
		if got := nb.Get([]byte(e.Name)); !bytes.Equal(got, k) {
			c.addf("%s %q is not in %s", recs, e.Name, names)
		}
		return nil
	})
	if c.err != nil {
		return
	}
	for id, n := range counts {
		if !seen[id] {
			c.addf("%s: %d facts refer to missing ID %d", recs, n, id)
		}
	}
	if n := nb.Stats().KeyN; n != len(seen) {
		c.addf("%s has %d names for %d entries", names, n, len(seen))
	}
}
