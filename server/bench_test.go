package server_test

import (
	"context"
	"io"
	"net/http"
	"net/url"
	"path/filepath"
	"testing"

	"github.com/almanacdb/almanac/ingest"
	"github.com/almanacdb/almanac/ingest/gen"
	"github.com/almanacdb/almanac/query"
	"github.com/almanacdb/almanac/server"
	"github.com/almanacdb/almanac/store"
)

// benchDB is a database of 2,000 generated articles.
func benchDB(b *testing.B) *store.DB {
	b.Helper()
	dir := b.TempDir()
	if err := gen.WriteDir(filepath.Join(dir, "a"), 3, 2000); err != nil {
		b.Fatal(err)
	}
	db, err := store.Open(filepath.Join(dir, "b.db"), &store.Options{NoSync: true})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	if _, err := ingest.Paths(context.Background(), db, []string{filepath.Join(dir, "a")}, ingest.Options{}); err != nil {
		b.Fatal(err)
	}
	return db
}

// rareMetric returns the metric with the fewest facts.
func rareMetric(b *testing.B, db *store.DB) string {
	var name string
	db.View(func(tx *store.Tx) error {
		ms, _ := tx.Metrics()
		best := -1
		for _, m := range ms {
			if best < 0 || m.Count < best {
				name, best = m.Name, m.Count
			}
		}
		return nil
	})
	return name
}

// BenchmarkQueryHTTP measures a pivot of a rare metric through the
// server, with a kept-alive connection, against the same in process:
//
//	go test ./server -run '^$' -bench QueryHTTP -benchtime 2000x
func BenchmarkQueryHTTP(b *testing.B) {
	db := benchDB(b)
	q := "metric " + rareMetric(b, db) + " by year"
	b.Run("in-process", func(b *testing.B) {
		for b.Loop() {
			res, err := query.Run(context.Background(), db, q)
			if err != nil {
				b.Fatal(err)
			}
			res.Write(io.Discard, query.JSON, query.WriteOptions{})
		}
	})
	ts := start(b, db, server.Options{})
	for _, format := range []string{"json", "result"} {
		u := ts.URL + "/api/query?" + url.Values{"q": {q}, "format": {format}}.Encode()
		b.Run(format, func(b *testing.B) {
			for b.Loop() {
				resp, err := http.Get(u)
				if err != nil {
					b.Fatal(err)
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				if resp.StatusCode != 200 {
					b.Fatal(resp.Status)
				}
			}
		})
	}
	c, err := server.Dial(context.Background(), ts.URL, nil)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("client", func(b *testing.B) {
		for b.Loop() {
			if _, err := c.Query(context.Background(), q); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkIngestHTTP measures adding 100 articles a request through
// the server.
func BenchmarkIngestHTTP(b *testing.B) {
	dir := b.TempDir()
	if err := gen.WriteDir(filepath.Join(dir, "a"), 5, 1000); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		b.StopTimer()
		db, err := store.Open(filepath.Join(b.TempDir(), "i.db"), &store.Options{NoSync: true})
		if err != nil {
			b.Fatal(err)
		}
		ts := start(b, db, server.Options{Token: token})
		c, err := server.Dial(context.Background(), ts.URL, &server.ClientOptions{Token: token})
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		sum, err := c.Ingest(context.Background(), []string{filepath.Join(dir, "a")}, ingest.Options{})
		if err != nil || sum.Added != 1000 {
			b.Fatalf("%+v %v", sum, err)
		}
		b.StopTimer()
		ts.Close()
		db.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(1000*b.N)/b.Elapsed().Seconds(), "articles/s")
}
