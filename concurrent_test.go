package almanac_test

import (
	"context"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/almanacdb/almanac"
	"github.com/almanacdb/almanac/ingest/gen"
)

// TestConcurrentQueriesWhileIngesting runs queries from several goroutines
// while one ingests; CI runs it under -race.
func TestConcurrentQueriesWhileIngesting(t *testing.T) {
	dir := t.TempDir()
	articles := filepath.Join(dir, "articles")
	if err := gen.WriteDir(articles, 7, 400); err != nil {
		t.Fatal(err)
	}
	db, err := almanac.Open(filepath.Join(dir, "c.db"), &almanac.Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	var done atomic.Bool
	var wg sync.WaitGroup
	var ingestErr error
	wg.Go(func() {
		defer done.Store(true)
		_, ingestErr = db.IngestFiles(ctx, []string{articles}, &almanac.IngestOptions{BatchSize: 16})
	})
	queries := []string{"metrics", "entities", "years", "documents", "facts where year >= 2010 limit 20", "count facts by year"}
	var ran atomic.Int64
	for g := range 6 {
		wg.Go(func() {
			for i := g; !done.Load() || i < g+len(queries); i++ {
				if _, err := db.Query(ctx, queries[i%len(queries)]); err != nil {
					t.Errorf("query %q: %v", queries[i%len(queries)], err)
					return
				}
				if _, err := db.Stats(); err != nil {
					t.Errorf("stats: %v", err)
					return
				}
				ran.Add(1)
			}
		})
	}
	wg.Wait()
	if ingestErr != nil {
		t.Fatalf("ingest: %v", ingestErr)
	}
	s, err := db.Stats()
	if err != nil {
		t.Fatal(err)
	}
	if s.Documents != 400 || s.Facts == 0 {
		t.Errorf("after ingest: %+v", s)
	}
	if probs, err := db.Store().Check(context.Background()); err != nil || len(probs) > 0 {
		t.Errorf("check: %v %q", err, probs)
	}
	t.Logf("%d queries ran during the ingest", ran.Load())
}
