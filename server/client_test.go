package server_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/almanacdb/almanac/ingest"
	"github.com/almanacdb/almanac/ingest/resolve"
	"github.com/almanacdb/almanac/query"
	"github.com/almanacdb/almanac/query/syntax"
	"github.com/almanacdb/almanac/server"
	"github.com/almanacdb/almanac/store"
	"github.com/google/go-cmp/cmp"
)

// A remote query is the local one: same output in every format, however
// many pages it took.
func TestClientQuery(t *testing.T) {
	db := sampleDB(t, false)
	for _, rows := range []int{server.DefaultMaxRows, 3} {
		ts := start(t, db, server.Options{MaxRows: rows})
		c, err := server.Dial(context.Background(), ts.URL, nil)
		if err != nil {
			t.Fatal(err)
		}
		for _, q := range []string{
			"metric high_tech_enterprises by year", "facts", "facts where entity = Harbin order by value desc",
			"count facts by metric", "growth metric gdp by year", "show fact 19", "show document 1",
			"entities", "documents", `search "high-tech"`, "explain metric gdp by year",
		} {
			res, err := c.Query(context.Background(), q)
			if err != nil {
				t.Errorf("%s (%d rows a page): %v", q, rows, err)
				continue
			}
			for _, f := range []query.Format{query.Table, query.JSON, query.CSV} {
				var b bytes.Buffer
				if err := res.Write(&b, f, query.WriteOptions{Width: 80}); err != nil {
					t.Fatal(err)
				}
				want := local(t, db, q, f)
				if f == query.Table {
					lres, _ := query.Run(context.Background(), db, q)
					var lb bytes.Buffer
					lres.Write(&lb, f, query.WriteOptions{Width: 80})
					want = lb.String()
				}
				if diff := cmp.Diff(want, b.String()); diff != "" {
					t.Errorf("%s (%v, %d rows a page): remote differs (-local +remote):\n%s", q, f, rows, diff)
				}
			}
		}
		// A mistake comes back positioned, as a local one.
		_, err = c.Query(context.Background(), "metric gdp\n  by yaer")
		var list syntax.ErrorList
		if !errors.As(err, &list) || list[0].Pos.Line != 2 || list[0].Pos.Column != 6 || syntax.Caret("metric gdp\n  by yaer", err) == "" {
			t.Errorf("remote mistake: %v", err)
		}
		if _, err := c.Query(context.Background(), "metric gpd by year"); !errors.As(err, &list) || list[0].Suggestion != "gdp" {
			t.Errorf("remote unknown name: %v", err)
		}
		ents, err := c.Entities()
		if err != nil || len(ents) != 4 || ents[0].Count == 0 {
			t.Errorf("remote entities: %v %v", ents, err)
		}
	}
}

// The client reads pages again when a write lands between them, so the
// result is of one snapshot.
func TestClientPagesOfOneSnapshot(t *testing.T) {
	db := sampleDB(t, false)
	var writes atomic.Int32
	h := server.New(db, server.Options{MaxRows: 5})
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// Before the second page of the first read, store one more fact.
		if r.URL.Query().Get("offset") != "" && writes.Add(1) == 1 {
			doc := store.DocFacts{Doc: store.Document{Source: "late.txt", Text: "Late news: Harbin had 7 zoos."},
				Facts: []store.Fact{{Entity: "Harbin", Metric: "zoos", Year: 2021, Value: 7, Unit: "count", Start: 23, End: 24, SentenceEnd: 29}}}
			if _, err := db.Put([]store.DocFacts{doc}); err != nil {
				t.Error(err)
			}
		}
		h.ServeHTTP(w, r)
	}))
	defer ts.Close()
	c, err := server.Dial(context.Background(), ts.URL, nil)
	if err != nil {
		t.Fatal(err)
	}
	res, err := c.Query(context.Background(), "facts")
	if err != nil {
		t.Fatal(err)
	}
	if want := 42; res.Len() != want || writes.Load() < 2 {
		t.Errorf("%d rows after %d page reads, want %d rows read again after the write", res.Len(), writes.Load(), want)
	}
}

func TestClientIngest(t *testing.T) {
	db := sampleDB(t, false)
	ts := start(t, db, server.Options{Token: token, MaxInputs: 2, MaxBodyBytes: 70 << 10})
	dir := t.TempDir()
	for i := range 5 {
		write(t, filepath.Join(dir, "news", fmt.Sprintf("a%d.txt", i)), fmt.Sprintf("Harbin counted %d public libraries in %d.\n", 100+i, 2010+i))
	}
	write(t, filepath.Join(dir, "news", ".hidden.txt"), "Harbin had 1 secret in 2020.\n")
	write(t, filepath.Join(dir, "news", "notes.md"), "Harbin had 2 notes in 2020.\n")
	write(t, filepath.Join(dir, "big.txt"), strings.Repeat("Harbin had 3 zoos in 2021. ", 3000))
	c, err := server.Dial(context.Background(), ts.URL, &server.ClientOptions{Token: token})
	if err != nil {
		t.Fatal(err)
	}
	var reports []ingest.Report
	progress := 0
	sum, err := c.Ingest(context.Background(), []string{filepath.Join(dir, "news"), filepath.Join(dir, "big.txt"), filepath.Join(dir, "missing")},
		ingest.Options{Report: func(r ingest.Report) { reports = append(reports, r) }, Progress: func(ingest.Summary) { progress++ },
			Published: time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC)})
	if !errors.Is(err, ingest.ErrFailed) {
		t.Errorf("err = %v, want ErrFailed for the two bad inputs", err)
	}
	if sum.Added != 5 || sum.Failed != 2 || sum.Facts != 5 || progress != 3 {
		t.Errorf("summary %+v after %d requests; want 5 added in 3 requests, 2 failed", sum, progress)
	}
	var failed []string
	for _, r := range reports {
		if r.Err != nil {
			failed = append(failed, r.Err.Error())
		}
	}
	if len(reports) != 7 || len(failed) != 2 || !strings.Contains(failed[0], "over the server's request limit") {
		t.Errorf("reports %+v", reports)
	}
	// Without the token the whole request is refused, as a StatusError.
	anon, err := server.Dial(context.Background(), ts.URL, nil)
	if err != nil {
		t.Fatal(err)
	}
	_, err = anon.Ingest(context.Background(), []string{filepath.Join(dir, "news")}, ingest.Options{})
	var se *server.StatusError
	if !errors.As(err, &se) || se.Status != http.StatusUnauthorized {
		t.Errorf("without the token: %v", err)
	}
	if _, err := c.Ingest(context.Background(), []string{dir}, ingest.Options{Aliases: resolve.Builtin()}); err == nil || !strings.Contains(err.Error(), "--aliases") {
		t.Errorf("aliases through a client: %v", err)
	}
}

func TestDialRefuses(t *testing.T) {
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte("<html>a web site</html>"))
	}))
	defer other.Close()
	closed := httptest.NewServer(http.NotFoundHandler())
	closed.Close()
	for _, u := range []string{"", "ftp://x", "localhost:8080", other.URL, closed.URL} {
		if c, err := server.Dial(context.Background(), u, nil); err == nil {
			t.Errorf("Dial(%q) = %v, want an error", u, c)
		}
	}
}

func write(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}
