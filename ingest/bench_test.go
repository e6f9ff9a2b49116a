package ingest_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/almanacdb/almanac/ingest"
	"github.com/almanacdb/almanac/store"
)

// corpusDir is the shared corpus beside the repository; the benchmark
// reads its articles there and never copies them into the repository.
const corpusDir = "../../shared/corpus"

// BenchmarkIngestCorpus is the throughput measure: ingest end to
// end (read, layout, tag and parse, fact rules, commit) over the corpus's
// real articles, copied until there are 1,000 and each made unique by a
// line of its own so that none is taken for a re-ingest. It reports
// articles/s and MB/s.
//
//	go test ./ingest -run XXX -bench IngestCorpus -benchtime 1x
func BenchmarkIngestCorpus(b *testing.B) {
	var texts [][]byte
	for _, d := range []string{"seeds", "dev", "dev2"} {
		files, _ := filepath.Glob(filepath.Join(corpusDir, d, "*.txt"))
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				b.Fatal(err)
			}
			texts = append(texts, data)
		}
	}
	if len(texts) == 0 {
		b.Skipf("no corpus at %s", corpusDir)
	}
	const n = 1000
	dir := b.TempDir()
	var size int64
	for i := 0; i < n; i++ {
		t := texts[i%len(texts)]
		// The copy's own line goes at the end, where it is a line of
		// the body with no figure in it.
		data := append(append([]byte(nil), t...), fmt.Sprintf("\n\nCopy %d of the article.\n", i)...)
		size += int64(len(data))
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("a%04d.txt", i)), data, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	facts := 0
	for b.Loop() {
		b.StopTimer()
		db, err := store.Open(filepath.Join(b.TempDir(), "b.db"), nil)
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		sum, err := ingest.Paths(context.Background(), db, []string{dir}, ingest.Options{})
		if err != nil && !strings.Contains(err.Error(), "no publication date") {
			b.Fatal(err)
		}
		facts = sum.Facts
		b.StopTimer()
		db.Close()
		b.StartTimer()
	}
	sec := b.Elapsed().Seconds() / float64(b.N)
	b.ReportMetric(n/sec, "articles/s")
	b.ReportMetric(float64(size)/sec/1e6, "MB/s")
	b.ReportMetric(float64(facts)/sec, "facts/s")
}
