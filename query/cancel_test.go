package query_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/almanacdb/almanac/query"
	"github.com/almanacdb/almanac/store"
)

// stopAt is a context whose Err turns to context.Canceled at its at-th
// call, and which records the query functions that called it.
type stopAt struct {
	context.Context
	mu      sync.Mutex
	n, at   int
	callers map[string]bool
}

// closure matches the suffix naming a function literal inside a function.
var closure = regexp.MustCompile(`(\.func\d+)+(\.\d+)*$`)

func (c *stopAt) Err() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.n++
	pcs := make([]uintptr, 8)
	frames := runtime.CallersFrames(pcs[:runtime.Callers(2, pcs)])
	for {
		f, more := frames.Next()
		// The function that looks: the first of the package's frames
		// that is not a helper for looking.
		if name, ok := strings.CutPrefix(f.Function, "github.com/almanacdb/almanac/query."); ok &&
			name != "(*executor).tick" && !strings.HasPrefix(name, "sortFunc") {
			c.callers[closure.ReplaceAllString(name, "")] = true
			break
		}
		if !more {
			break
		}
	}
	if c.at > 0 && c.n >= c.at {
		return context.Canceled
	}
	return nil
}

// cancelFixture stores 1,000 documents of 20 facts: 20,000 facts, some
// 6,700 of one metric in 5,000 figures, so that every phase of a
// statement handles more than the items between two looks at the context.
func cancelFixture(t *testing.T) *store.DB {
	t.Helper()
	db, err := store.Open(filepath.Join(t.TempDir(), "c.db"), &store.Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	text := "Figures for the cancellation test."
	var docs []store.DocFacts
	for d := range 1000 {
		doc := store.DocFacts{Doc: store.Document{Source: fmt.Sprintf("d%04d.txt", d), Text: fmt.Sprintf("%s %d", text, d),
			Published: time.Date(2020+d%5, 1, 1, 0, 0, 0, 0, time.UTC)}}
		for i := range 20 {
			m := fmt.Sprintf("metric_%d", (d+i)%3)
			doc.Facts = append(doc.Facts, store.Fact{Entity: fmt.Sprintf("Place %d", (d*7+i)%400), Metric: m,
				Year: 2000 + (d+i)%20, Value: float64(d*20 + i), Unit: "count", SentenceEnd: len(text), End: 7})
		}
		docs = append(docs, doc)
	}
	if _, err := db.Put(docs); err != nil {
		t.Fatal(err)
	}
	return db
}

// TestCancelEveryPhase stops statements at one look at the context after
// another. Every stop is a clean error wrapping context.Canceled, and the
// looks come from every phase: scan, sort, reconciliation, figures,
// pivot, aggregate, series, rows, sentences and output.
func TestCancelEveryPhase(t *testing.T) {
	db := cancelFixture(t)
	statements := []string{
		"facts",
		"facts order by value desc",
		"metric metric_1 by year",
		"metric metric_1 by entity",
		"sum metric metric_1 by entity",
		"growth metric metric_1 by entity",
		"count facts where value > 10",
		"conflicts where metric = metric_1",
	}
	seen := map[string]bool{}
	for _, text := range statements {
		// A full run counts the looks.
		full := &stopAt{Context: context.Background(), callers: seen}
		res, err := query.Run(full, db, text)
		if err != nil {
			t.Fatalf("%s: %v", text, err)
		}
		for _, f := range []query.Format{query.Table, query.JSON, query.CSV} {
			if err := res.WriteContext(full, io.Discard, f, query.WriteOptions{}); err != nil {
				t.Fatalf("%s: write: %v", text, err)
			}
		}
		total := full.n
		for _, at := range spread(total, 6) {
			c := &stopAt{Context: context.Background(), at: at, callers: map[string]bool{}}
			res, err := query.Run(c, db, text)
			if err == nil {
				err = res.WriteContext(c, io.Discard, query.Table, query.WriteOptions{})
			}
			if err == nil {
				err = res.WriteContext(c, io.Discard, query.JSON, query.WriteOptions{})
			}
			if err == nil {
				err = res.WriteContext(c, io.Discard, query.CSV, query.WriteOptions{})
			}
			if !errors.Is(err, context.Canceled) {
				t.Errorf("%s, stopped at look %d of %d: err = %v, want context.Canceled", text, at, total, err)
			}
		}
	}
	for _, phase := range []string{
		"(*executor).scan", "groupRuns", "(*executor).reconcile", "(*executor).figures", "(*ordinals).ranks", // the pivot's sorts
		"(*executor).aggregate", "(*executor).series", "(*executor).order", "(*executor).list",
		"(*executor).fillSentences", "(*executor).conflicts", "(*Result).newGrid", "(*grid).renderContext", "(*ctxWriter).Write",
	} {
		if !seen[phase] {
			t.Errorf("%s never looks at the context (%v)", phase, seen)
		}
	}
}

// spread returns up to n look numbers spread over 1..total, with the
// first and the last.
func spread(total, n int) []int {
	if total < n {
		n = total
	}
	if n < 2 {
		return []int{1}
	}
	var out []int
	for i := range n {
		out = append(out, 1+i*(total-1)/(n-1))
	}
	return out
}
