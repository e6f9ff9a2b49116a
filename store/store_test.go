package store_test

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/almanacdb/almanac/store"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

const sampleText = "Harbin had 1,180 high-tech enterprises in 2020. GDP grew 6 percent in the first quarter."

// sample returns a document with two facts whose spans point into its text.
func sample(source, text string) store.DocFacts {
	i := strings.Index(text, "1,180")
	j := strings.Index(text, "6 percent")
	dot := strings.Index(text, ".") + 1
	return store.DocFacts{
		Doc: store.Document{
			Source: source, Title: "Harbin in numbers", Byline: "test",
			Published: time.Date(2021, 4, 29, 0, 0, 0, 0, time.UTC), Text: text,
		},
		Facts: []store.Fact{
			{Entity: "Harbin", Metric: "high_tech_enterprises", Year: 2020, Value: 1180, Unit: "count",
				SentenceStart: 0, SentenceEnd: dot, Start: i, End: i + 5},
			{Entity: "Harbin", Metric: "gdp_growth", Year: 2021, Period: store.PeriodQ1, Value: 6, Unit: "percent",
				Qualifier: store.Approx, SentenceStart: dot + 1, SentenceEnd: len(text), Start: j, End: j + 1},
		},
		Aliases: map[string][]string{"Harbin": {"Harbin City"}},
	}
}

func openTemp(t *testing.T) (*store.DB, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "t.db")
	db, err := store.Open(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db, path
}

func put(t *testing.T, db *store.DB, docs ...store.DocFacts) []store.PutResult {
	t.Helper()
	res, err := db.Put(docs)
	if err != nil {
		t.Fatalf("put: %v", err)
	}
	return res
}

// allFacts returns every fact, in ID order, through the facts bucket.
func allFacts(t *testing.T, db *store.DB) []store.Fact {
	t.Helper()
	var out []store.Fact
	err := db.View(func(tx *store.Tx) error {
		_, err := tx.ScanAll(func(e store.Entry) error {
			f, err := tx.Fact(e.Fact)
			out = append(out, f)
			return err
		})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestRoundTrip(t *testing.T) {
	db, _ := openTemp(t)
	d := sample("a.txt", sampleText)
	res := put(t, db, d)
	if res[0].Outcome != store.Added || res[0].Facts != 2 {
		t.Fatalf("put result = %+v", res[0])
	}
	got := allFacts(t, db)
	want := d.Facts
	for i := range want {
		want[i].ID = uint64(i + 1)
		want[i].Doc = res[0].Doc
		want[i].Sentence = sampleText[want[i].SentenceStart:want[i].SentenceEnd]
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("facts (-want +got):\n%s", diff)
	}
	err := db.View(func(tx *store.Tx) error {
		doc, err := tx.Document(res[0].Doc)
		if err != nil {
			return err
		}
		wantDoc := d.Doc
		wantDoc.ID, wantDoc.FirstFact, wantDoc.NumFacts, wantDoc.Text = res[0].Doc, 1, 2, ""
		if diff := cmp.Diff(wantDoc, doc, cmpopts.IgnoreFields(store.Document{}, "Hash", "Ingested")); diff != "" {
			t.Errorf("document (-want +got):\n%s", diff)
		}
		if text, _ := tx.DocumentText(res[0].Doc); text != sampleText {
			t.Errorf("text = %q", text)
		}
		ents, err := tx.Entities()
		if err != nil {
			return err
		}
		wantEnts := []store.CatalogEntry{{ID: 1, Name: "Harbin", Count: 2, Aliases: []string{"Harbin City"}}}
		if diff := cmp.Diff(wantEnts, ents); diff != "" {
			t.Errorf("entities (-want +got):\n%s", diff)
		}
		years, _ := tx.Years()
		if diff := cmp.Diff([]store.YearCount{{2020, 1}, {2021, 1}}, years); diff != "" {
			t.Errorf("years (-want +got):\n%s", diff)
		}
		if s := tx.Stats(); s.Documents != 1 || s.Facts != 2 || s.Metrics != 2 || s.Units != 2 {
			t.Errorf("stats = %+v", s)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestIndexScans checks each index answers its question with the right
// facts in key order (year, then entity/metric, then fact).
func TestIndexScans(t *testing.T) {
	db, _ := openTemp(t)
	var docs []store.DocFacts
	for i, ent := range []string{"Harbin", "Daqing", "Qiqihar"} {
		text := fmt.Sprintf("%s figures: 1 2 3 4.", ent)
		d := store.DocFacts{Doc: store.Document{Source: ent + ".txt", Text: text}}
		for j, year := range []int{2021, 2019, 2020} {
			for _, m := range []string{"gdp", "exports"} {
				d.Facts = append(d.Facts, store.Fact{Entity: ent, Metric: m, Year: year,
					Value: float64(100*i + j), Unit: "CNY", SentenceEnd: len(text), Start: 0, End: 1})
			}
		}
		docs = append(docs, d)
	}
	put(t, db, docs...)
	err := db.View(func(tx *store.Tx) error {
		gdp, _ := tx.MetricID("gdp")
		var years []int
		var prev []byte
		n, err := tx.Scan(store.ByMetric, gdp, store.YearRange{From: 2020}, func(e store.Entry) error {
			if tx.MetricName(e.Metric) != "gdp" {
				t.Errorf("metric scan yielded %s", tx.MetricName(e.Metric))
			}
			k := store.AppendIndexKey(nil, store.ByMetric, store.IndexKey{Metric: e.Metric, Entity: e.Entity, Year: e.Year, Fact: e.Fact})
			if bytes.Compare(prev, k) >= 0 {
				t.Errorf("keys out of order")
			}
			prev = k
			years = append(years, e.Year)
			return nil
		})
		if err != nil {
			return err
		}
		if diff := cmp.Diff([]int{2020, 2020, 2020, 2021, 2021, 2021}, years); diff != "" {
			t.Errorf("metric scan years (-want +got):\n%s", diff)
		}
		if n != 6 {
			t.Errorf("keys read = %d, want 6", n)
		}
		daqing, _ := tx.EntityID("Daqing")
		count := 0
		tx.Scan(store.ByEntity, daqing, store.YearRange{}, func(e store.Entry) error {
			if tx.EntityName(e.Entity) != "Daqing" {
				t.Errorf("entity scan yielded %s", tx.EntityName(e.Entity))
			}
			count++
			return nil
		})
		if count != 6 {
			t.Errorf("entity scan: %d facts, want 6", count)
		}
		count = 0
		tx.Scan(store.ByYear, 2019, store.YearRange{}, func(e store.Entry) error {
			if e.Year != 2019 {
				t.Errorf("year scan yielded %d", e.Year)
			}
			count++
			return nil
		})
		if count != 6 {
			t.Errorf("year scan: %d facts, want 6", count)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// FuzzIndexKeyOrder checks that key encoding preserves the order of its
// components in every index and that keys decode to what was encoded.
func FuzzIndexKeyOrder(f *testing.F) {
	f.Add(uint32(1), uint32(2), uint16(2020), uint64(3), uint32(1), uint32(2), uint16(2021), uint64(1))
	f.Add(uint32(0xFFFFFFFF), uint32(0), uint16(9999), uint64(1<<63), uint32(0x100), uint32(0xFF), uint16(1000), uint64(255))
	f.Fuzz(func(t *testing.T, m1, e1 uint32, y1 uint16, f1 uint64, m2, e2 uint32, y2 uint16, f2 uint64) {
		a := store.IndexKey{Metric: m1, Entity: e1, Year: int(y1), Fact: f1}
		b := store.IndexKey{Metric: m2, Entity: e2, Year: int(y2), Fact: f2}
		for _, x := range []store.Index{store.ByMetric, store.ByEntity, store.ByYear} {
			ka, kb := store.AppendIndexKey(nil, x, a), store.AppendIndexKey(nil, x, b)
			if got, ok := store.DecodeIndexKey(x, ka); !ok || got != a {
				t.Fatalf("%s: decode(encode(%+v)) = %+v", x, a, got)
			}
			if got, want := bytes.Compare(ka, kb), compareKeys(x, a, b); got != want {
				t.Fatalf("%s: compare(%+v, %+v) = %d, want %d", x, a, b, got, want)
			}
			if !bytes.HasPrefix(ka, store.Prefix(x, leading(x, a), 0)) {
				t.Fatalf("%s: key of %+v lacks its prefix", x, a)
			}
		}
	})
}

func leading(x store.Index, k store.IndexKey) uint32 {
	switch x {
	case store.ByEntity:
		return k.Entity
	case store.ByYear:
		return uint32(k.Year)
	}
	return k.Metric
}

func compareKeys(x store.Index, a, b store.IndexKey) int {
	var as, bs []uint64
	switch x {
	case store.ByMetric:
		as = []uint64{uint64(a.Metric), uint64(a.Year), uint64(a.Entity), a.Fact}
		bs = []uint64{uint64(b.Metric), uint64(b.Year), uint64(b.Entity), b.Fact}
	case store.ByEntity:
		as = []uint64{uint64(a.Entity), uint64(a.Year), uint64(a.Metric), a.Fact}
		bs = []uint64{uint64(b.Entity), uint64(b.Year), uint64(b.Metric), b.Fact}
	case store.ByYear:
		as = []uint64{uint64(a.Year), uint64(a.Metric), uint64(a.Entity), a.Fact}
		bs = []uint64{uint64(b.Year), uint64(b.Metric), uint64(b.Entity), b.Fact}
	}
	for i := range as {
		if as[i] != bs[i] {
			if as[i] < bs[i] {
				return -1
			}
			return 1
		}
	}
	return 0
}

// TestBadDocumentFailsAlone: a document with an invalid fact is not
// stored at all, and the others in its batch are.
func TestBadDocumentFailsAlone(t *testing.T) {
	db, _ := openTemp(t)
	good1 := sample("good1.txt", sampleText)
	bad := sample("bad.txt", sampleText+" Bad.")
	bad.Facts[1].End = 10_000 // span outside the text
	good2 := sample("good2.txt", sampleText+" More.")
	res := put(t, db, good1, bad, good2)
	if res[0].Outcome != store.Added || res[2].Outcome != store.Added {
		t.Fatalf("good documents: %+v, %+v", res[0], res[2])
	}
	if res[1].Outcome != store.Failed || res[1].Err == nil || !strings.Contains(res[1].Err.Error(), "bad.txt") {
		t.Fatalf("bad document: %+v", res[1])
	}
	facts := allFacts(t, db)
	if len(facts) != 4 {
		t.Fatalf("stored %d facts, want 4", len(facts))
	}
	db.View(func(tx *store.Tx) error {
		if _, err := tx.DocumentBySource("bad.txt"); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("bad.txt stored: %v", err)
		}
		return nil
	})
}

// TestUnits: a fact's unit must be a unit of the vocabulary; any letter
// case is accepted and the canonical name is stored.
func TestUnits(t *testing.T) {
	db, _ := openTemp(t)
	odd := sample("odd.txt", sampleText)
	odd.Facts[0].Unit = "widgets"
	lower := sample("lower.txt", sampleText+" Lower.")
	lower.Facts[0].Unit = "cny"
	res := put(t, db, odd, lower)
	if res[0].Outcome != store.Failed || res[0].Err == nil ||
		!strings.Contains(res[0].Err.Error(), `odd.txt: fact Harbin/high_tech_enterprises: unknown unit "widgets"`) {
		t.Fatalf("odd unit: %+v", res[0])
	}
	if res[1].Outcome != store.Added {
		t.Fatalf("lower-case unit: %+v", res[1])
	}
	var units []string
	for _, f := range allFacts(t, db) {
		units = append(units, f.Unit)
	}
	if diff := cmp.Diff([]string{"CNY", "percent"}, units); diff != "" {
		t.Errorf("stored units (-want +got):\n%s", diff)
	}
}

// TestFailureInsideTransaction: when a write fails after others in the
// same transaction were made (here: replacing a document whose stored
// record is corrupt), the batch is retried document by document, so only
// that document fails and nothing of it is half-written.
func TestFailureInsideTransaction(t *testing.T) {
	db, _ := openTemp(t)
	res := put(t, db, sample("victim.txt", sampleText))
	victim := res[0].Doc
	err := db.Bolt().Update(func(tx *boltTx) error {
		return tx.Bucket([]byte("documents")).Put(u64(victim), []byte{1, 2, 3})
	})
	if err != nil {
		t.Fatal(err)
	}
	res = put(t, db, sample("other.txt", sampleText+" A."), sample("victim.txt", sampleText+" B."), sample("third.txt", sampleText+" C."))
	if res[0].Outcome != store.Added || res[2].Outcome != store.Added {
		t.Fatalf("innocent documents: %+v / %+v", res[0], res[2])
	}
	if res[1].Outcome != store.Failed || !strings.Contains(res[1].Err.Error(), "victim.txt") {
		t.Fatalf("victim: %+v", res[1])
	}
	if n := len(allFacts(t, db)); n != 6 {
		t.Errorf("facts = %d, want 6 (victim's old 2, and 2 each for the others)", n)
	}
}

func TestReingest(t *testing.T) {
	db, _ := openTemp(t)
	put(t, db, sample("a.txt", sampleText))
	before := allFacts(t, db)

	res := put(t, db, sample("a.txt", sampleText))
	if res[0].Outcome != store.Duplicate {
		t.Errorf("same content again: %v, want duplicate", res[0].Outcome)
	}
	res = put(t, db, sample("copy.txt", sampleText))
	if res[0].Outcome != store.Duplicate {
		t.Errorf("same content, other name: %v, want duplicate", res[0].Outcome)
	}
	if diff := cmp.Diff(before, allFacts(t, db)); diff != "" {
		t.Errorf("duplicate changed facts (-before +after):\n%s", diff)
	}

	changed := sample("a.txt", sampleText+" Revised.")
	changed.Facts = changed.Facts[:1]
	changed.Facts[0].Value = 1181
	res = put(t, db, changed)
	if res[0].Outcome != store.Replaced || res[0].Replaced != before[0].Doc {
		t.Fatalf("changed content: %+v, want replaced", res[0])
	}
	after := allFacts(t, db)
	if len(after) != 1 || after[0].Value != 1181 || after[0].Doc != res[0].Doc {
		t.Fatalf("after replace: %+v", after)
	}
	db.View(func(tx *store.Tx) error {
		ms, _ := tx.Metrics()
		if len(ms) != 1 || ms[0].Name != "high_tech_enterprises" || ms[0].Count != 1 {
			t.Errorf("metrics after replace: %+v", ms)
		}
		ys, _ := tx.Years()
		if diff := cmp.Diff([]store.YearCount{{2020, 1}}, ys); diff != "" {
			t.Errorf("years after replace (-want +got):\n%s", diff)
		}
		if _, err := tx.Document(before[0].Doc); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("old document still there: %v", err)
		}
		return nil
	})
	// Replacing and duplicating within one batch.
	res = put(t, db, sample("b.txt", "Harbin had 1,180 high-tech enterprises in 2020. GDP grew 6 percent."), sample("b.txt", sampleText+" Third."))
	if res[0].Outcome != store.Added || res[1].Outcome != store.Replaced {
		t.Errorf("same source twice in a batch: %v, %v", res[0].Outcome, res[1].Outcome)
	}
}

func TestReadOnlyConcurrentOpens(t *testing.T) {
	db, path := openTemp(t)
	put(t, db, sample("a.txt", sampleText))
	db.Close()
	var wg sync.WaitGroup
	errs := make(chan error, 4)
	for range 4 {
		wg.Go(func() {
			r, err := store.Open(path, &store.Options{ReadOnly: true})
			if err != nil {
				errs <- err
				return
			}
			defer r.Close()
			if _, err := r.Put([]store.DocFacts{sample("x.txt", "x")}); !errors.Is(err, store.ErrReadOnly) {
				errs <- fmt.Errorf("put on read-only: %v", err)
			}
			errs <- r.View(func(tx *store.Tx) error {
				if n := tx.Stats().Facts; n != 2 {
					return fmt.Errorf("facts = %d", n)
				}
				return nil
			})
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
}

func TestLocked(t *testing.T) {
	_, path := openTemp(t)
	start := time.Now()
	_, err := store.Open(path, &store.Options{LockTimeout: 200 * time.Millisecond})
	if !errors.Is(err, store.ErrLocked) {
		t.Fatalf("second writer: %v, want ErrLocked", err)
	}
	if !strings.Contains(err.Error(), "database is locked") {
		t.Errorf("message %q does not say the database is locked", err)
	}
	if time.Since(start) > 10*time.Second {
		t.Errorf("second writer waited %v", time.Since(start))
	}
	_, err = store.Open(path, &store.Options{ReadOnly: true, LockTimeout: 100 * time.Millisecond})
	if !errors.Is(err, store.ErrLocked) {
		t.Fatalf("reader while writing: %v, want ErrLocked", err)
	}
}

func TestNotAlmanac(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	text := write("notes.txt", bytes.Repeat([]byte("not a database\n"), 2000))
	small := write("small.bin", []byte("xyz"))
	for _, p := range []string{text, small} {
		if _, err := store.Open(p, nil); !errors.Is(err, store.ErrNotAlmanac) {
			t.Errorf("open %s: %v, want ErrNotAlmanac", filepath.Base(p), err)
		}
	}
	// A bbolt file of someone else's.
	other := filepath.Join(dir, "other.db")
	b, err := boltOpen(other)
	if err != nil {
		t.Fatal(err)
	}
	b.Update(func(tx *boltTx) error { _, err := tx.CreateBucket([]byte("widgets")); return err })
	b.Close()
	if _, err := store.Open(other, nil); !errors.Is(err, store.ErrNotAlmanac) {
		t.Errorf("foreign bbolt file: %v, want ErrNotAlmanac", err)
	}
	// A newer schema.
	db, path := openTemp(t)
	db.Bolt().Update(func(tx *boltTx) error {
		return tx.Bucket([]byte("meta")).Put([]byte("schema"), []byte{0, 0, 0, 99})
	})
	db.Close()
	if _, err := store.Open(path, nil); !errors.Is(err, store.ErrSchemaTooNew) {
		t.Errorf("newer schema: %v, want ErrSchemaTooNew", err)
	}
	// Read-only open of a missing file.
	if _, err := store.Open(filepath.Join(dir, "missing.db"), &store.Options{ReadOnly: true}); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("read-only missing file: %v", err)
	}
}

func TestTruncated(t *testing.T) {
	db, path := openTemp(t)
	var docs []store.DocFacts
	for i := range 300 {
		docs = append(docs, sample(fmt.Sprintf("d%d.txt", i), fmt.Sprintf("%s %d", sampleText, i)))
	}
	put(t, db, docs...)
	db.Close()
	fi, _ := os.Stat(path)
	if err := os.Truncate(path, fi.Size()/2); err != nil {
		t.Fatal(err)
	}
	_, err := store.Open(path, nil)
	if !errors.Is(err, store.ErrNotAlmanac) || !strings.Contains(err.Error(), "truncated") {
		t.Errorf("truncated file: %v", err)
	}
}
