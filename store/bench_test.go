package store_test

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/almanacdb/almanac/store"
)

// synthDocs makes n documents of 20 facts each over 300 entities, 2,000
// metrics and the years 2000-2025, with a ~150-byte sentence per fact as in
// PERF-NOTES.md.
func synthDocs(seed uint64, first, n int) []store.DocFacts {
	rng := rand.New(rand.NewPCG(seed, uint64(first)))
	sentence := strings.Repeat("x", 149) + "."
	docs := make([]store.DocFacts, n)
	for i := range docs {
		var text strings.Builder
		d := store.DocFacts{Doc: store.Document{Source: fmt.Sprintf("doc%07d.txt", first+i), Title: "synthetic"}}
		for range 20 {
			start := text.Len()
			text.WriteString(sentence)
			d.Facts = append(d.Facts, store.Fact{
				Entity: fmt.Sprintf("entity%03d", rng.IntN(300)), Metric: fmt.Sprintf("metric%04d", rng.IntN(2000)),
				Year: 2000 + rng.IntN(26), Value: rng.Float64() * 1e9, Unit: "CNY",
				SentenceStart: start, SentenceEnd: text.Len(), Start: start, End: start + 3,
			})
			text.WriteByte(' ')
		}
		fmt.Fprintf(&text, "%d", first+i)
		d.Doc.Text = text.String()
		docs[i] = d
	}
	return docs
}

// BenchmarkPut loads facts in batches of `batch` documents (20 facts each)
// into a database already holding `preload` facts, and reports facts/s and
// the file's bytes per fact.
func BenchmarkPut(b *testing.B) {
	for _, bc := range []struct{ preload, batch int }{{0, 512}, {100_000, 512}, {100_000, 2048}} {
		preload, batch := bc.preload, bc.batch
		b.Run(fmt.Sprintf("preload=%d/batch=%d", preload, batch), func(b *testing.B) {
			path := filepath.Join(b.TempDir(), "bench.db")
			db, err := store.Open(path, &store.Options{NoSync: true})
			if err != nil {
				b.Fatal(err)
			}
			defer db.Close()
			next := 0
			load := func(docs int) {
				for docs > 0 {
					n := min(docs, batch)
					if _, err := db.Put(synthDocs(1, next, n)); err != nil {
						b.Fatal(err)
					}
					next += n
					docs -= n
				}
			}
			load(preload / 20)
			b.ResetTimer()
			load(b.N * batch)
			b.StopTimer()
			b.ReportMetric(float64(b.N*batch*20)/b.Elapsed().Seconds(), "facts/s")
			fi, _ := os.Stat(path)
			b.ReportMetric(float64(fi.Size())/float64(next*20), "bytes/fact")
			b.ReportMetric(0, "ns/op")
		})
	}
}
