package store

import (
	"bytes"
	"encoding/binary"
	"fmt"

	bolt "go.etcd.io/bbolt"
)

// maxProblems bounds the list Check returns: past it, a database is
// broken enough that more lines help nobody.
const maxProblems = 100

// Check verifies the database: bbolt's own page consistency, then
// Almanac's invariants: every fact is in all three indexes with the same
// covering values, every index entry points at its fact, every fact's
// document exists and owns it, the hash and source indexes match the
// documents, and the catalogue and year counts equal the facts. It returns
// the problems found (at most 100), or none.
func (db *DB) Check() (problems []string, err error) {
	err = db.View(func(t *Tx) error {
		tx := t.btx
		for e := range tx.Check() {
			problems = append(problems, "bbolt: "+e.Error())
			if len(problems) >= maxProblems {
				return nil
			}
		}
		c := &checker{tx: tx, problems: problems}
		c.run()
		problems = c.problems
		return nil
	})
	return problems, err
}

type checker struct {
	tx       *bolt.Tx
	problems []string
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
	c.checkDocuments(docFacts)
	for d, dict := range dictionaries {
		c.checkCatalog(dict.recs, dict.byName, counts[d])
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
	for id, n := range counts {
		if !seen[id] {
			c.addf("%s: %d facts refer to missing ID %d", recs, n, id)
		}
	}
	if n := nb.Stats().KeyN; n != len(seen) {
		c.addf("%s has %d names for %d entries", names, n, len(seen))
	}
}
