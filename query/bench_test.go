package query_test

import (
	"bytes"
	"context"
	"encoding/binary"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/almanacdb/almanac/query"
	"github.com/almanacdb/almanac/store"
)

// Benchmarks over a million facts. The database is built once and cached
// in os.TempDir() under a name carrying benchVersion (change it when the
// fixture or the store layout changes). Run them with
//
//	go test ./query -run '^$' -bench . -benchtime 200x
//
// -short skips them. BenchmarkMetricByYear runs a pre-parsed plan, so it
// measures planning, scanning, reconciliation and the pivot; each of its
// sub-benchmarks has a BenchmarkRawPrefixScan twin that walks the same
// idx_metric keys with a bare bbolt cursor, decoding only the value.

const (
	benchVersion  = "v2"
	benchFacts    = 1_000_000
	benchPerDoc   = 20
	benchBatch    = 50_000 // facts per Put
	benchMetrics  = 2000
	benchEntities = 300
	benchRare     = "rare_metric"    // ~20 facts
	benchPopular  = "popular_metric" // 1% of facts
)

var (
	benchOnce sync.Once
	benchDB   *store.DB
	benchErr  error
)

// benchFixture opens (building it on first use) the million-fact database.
func benchFixture(b *testing.B) *store.DB {
	b.Helper()
	if testing.Short() {
		b.Skip("million-fact benchmark skipped in -short mode")
	}
	benchOnce.Do(func() {
		path := filepath.Join(os.TempDir(), "almanac-query-bench-"+benchVersion+"-s"+strconv.Itoa(store.SchemaVersion)+".db")
		if _, err := os.Stat(path); err != nil {
			start := time.Now()
			if benchErr = buildBenchDB(path); benchErr != nil {
				return
			}
			fmt.Fprintf(os.Stderr, "built %s in %v\n", path, time.Since(start).Round(time.Millisecond))
		}
		benchDB, benchErr = store.Open(path, &store.Options{ReadOnly: true})
	})
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	return benchDB
}

// buildBenchDB writes the fixture to a temporary file and renames it into
// place, so that an interrupted build leaves nothing behind.
func buildBenchDB(path string) error {
	tmp := path + ".tmp"
	os.Remove(tmp)
	db, err := store.Open(tmp, &store.Options{NoSync: true})
	if err != nil {
		return err
	}
	r := rand.New(rand.NewPCG(7, 7))
	published := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	var batch []store.DocFacts
	fact := 0
	for d := 0; fact < benchFacts; d++ {
		text := fmt.Sprintf("Article %d reports figures for many entities and metrics.", d)
		doc := store.DocFacts{Doc: store.Document{
			Source: fmt.Sprintf("article-%06d.txt", d), Title: fmt.Sprintf("Article %d", d),
			Published: published.AddDate(0, 0, d%2000), Text: text,
		}}
		for i := 0; i < benchPerDoc && fact < benchFacts; i, fact = i+1, fact+1 {
			metric := fmt.Sprintf("metric_%04d", 1+r.IntN(benchMetrics))
			switch {
			case fact%100 == 0:
				metric = benchPopular
			case fact%50_000 == 1:
				metric = benchRare
			}
			doc.Facts = append(doc.Facts, store.Fact{
				Entity: fmt.Sprintf("Entity %03d", 1+r.IntN(benchEntities)), Metric: metric,
				Year: 2000 + r.IntN(26), Value: math.Round(r.Float64() * 1e6), Unit: "count",
				SentenceStart: 0, SentenceEnd: len(text), Start: 0, End: 7,
			})
		}
		batch = append(batch, doc)
		if len(batch)*benchPerDoc >= benchBatch || fact >= benchFacts {
			res, err := db.Put(batch)
			if err != nil {
				db.Close()
				return err
			}
			for _, pr := range res {
				if pr.Err != nil {
					db.Close()
					return pr.Err
				}
			}
			batch = batch[:0]
		}
	}
	if err := db.Close(); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}

func benchPlan(b *testing.B, text string) query.Plan {
	b.Helper()
	p, err := parsePlan(text)
	if err != nil {
		b.Fatal(err)
	}
	return p
}

func BenchmarkMetricByYear(b *testing.B) {
	db := benchFixture(b)
	for _, m := range []struct{ name, metric string }{{"rare", benchRare}, {"popular", benchPopular}} {
		b.Run(m.name, func(b *testing.B) {
			p := benchPlan(b, "metric "+m.metric+" by year")
			ctx := context.Background()
			var keys int
			for b.Loop() {
				res, err := query.Execute(ctx, db, p)
				if err != nil {
					b.Fatal(err)
				}
				keys = res.Exec.KeysRead
			}
			b.ReportMetric(float64(keys), "keys/op")
		})
	}
}

func BenchmarkRawPrefixScan(b *testing.B) {
	db := benchFixture(b)
	for _, m := range []struct{ name, metric string }{{"rare", benchRare}, {"popular", benchPopular}} {
		b.Run(m.name, func(b *testing.B) {
			var id uint32
			if err := db.View(func(tx *store.Tx) error {
				var ok bool
				if id, ok = tx.MetricID(m.metric); !ok {
					return fmt.Errorf("no metric %s", m.metric)
				}
				return nil
			}); err != nil {
				b.Fatal(err)
			}
			prefix := store.Prefix(store.ByMetric, id, 0)
			var keys int
			for b.Loop() {
				keys = 0
				var sum float64
				err := db.View(func(tx *store.Tx) error {
					c := tx.Bolt().Bucket([]byte("idx_metric")).Cursor()
					for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
						keys++
						sum += math.Float64frombits(binary.BigEndian.Uint64(v[1:]))
					}
					return nil
				})
				if err != nil || sum < 0 {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(keys), "keys/op")
		})
	}
}

func BenchmarkFullScanFilter(b *testing.B) {
	db := benchFixture(b)
	p := benchPlan(b, "count facts where value > 900000")
	ctx := context.Background()
	var n int64
	for b.Loop() {
		res, err := query.Execute(ctx, db, p)
		if err != nil {
			b.Fatal(err)
		}
		n = res.Row(0)[0].Int
	}
	b.ReportMetric(float64(n), "figures")
}

// BenchmarkRawFullScan is BenchmarkFullScanFilter's twin: a bare cursor
// over the facts bucket testing the value at its fixed offset.
func BenchmarkRawFullScan(b *testing.B) {
	db := benchFixture(b)
	var n int
	for b.Loop() {
		n = 0
		err := db.View(func(tx *store.Tx) error {
			c := tx.Bolt().Bucket([]byte("facts")).Cursor()
			for k, v := c.First(); k != nil; k, v = c.Next() {
				if math.Float64frombits(binary.BigEndian.Uint64(v[12:])) > 900000 {
					n++
				}
			}
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n), "facts")
}

func BenchmarkRunSmall(b *testing.B) {
	db := openDB(b, loadFacts(b, smallFacts))
	ctx := context.Background()
	for b.Loop() {
		if _, err := query.Run(ctx, db, `metric high_tech_enterprises where entity = "Harbin" by year`); err != nil {
			b.Fatal(err)
		}
	}
}

const smallFacts = `{"document": "a.txt", "title": "A", "published": "2021-04-29"}
{"entity": "Harbin", "metric": "high_tech_enterprises", "year": 2019, "value": 1000}
{"entity": "Harbin", "metric": "high_tech_enterprises", "year": 2020, "value": 1180}
`
