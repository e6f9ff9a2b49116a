package server_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/almanacdb/almanac/ingest"
	"github.com/almanacdb/almanac/query"
	"github.com/almanacdb/almanac/server"
	"github.com/almanacdb/almanac/store"
	"github.com/google/go-cmp/cmp"
)

const token = "s3cret-token"

// sampleDB returns a database of the bundled sample articles.
func sampleDB(t testing.TB, readOnly bool) *store.DB {
	t.Helper()
	path := filepath.Join(t.TempDir(), "s.db")
	db, err := store.Open(path, &store.Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ingest.FS(context.Background(), db, os.DirFS("../examples/articles"), ingest.Options{}); err != nil {
		t.Fatal(err)
	}
	if readOnly {
		if err := db.Close(); err != nil {
			t.Fatal(err)
		}
		if db, err = store.Open(path, &store.Options{ReadOnly: true}); err != nil {
			t.Fatal(err)
		}
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// start serves db with o (the token set unless o says otherwise).
func start(t testing.TB, db *store.DB, o server.Options) *httptest.Server {
	t.Helper()
	ts := httptest.NewServer(server.New(db, o))
	t.Cleanup(ts.Close)
	return ts
}

type response struct {
	status int
	header http.Header
	body   string
}

func (r response) json(t testing.TB, v any) {
	t.Helper()
	if err := json.Unmarshal([]byte(r.body), v); err != nil {
		t.Fatalf("status %d, body %q: %v", r.status, r.body, err)
	}
}

// apiError decodes an error body, failing unless it is one.
func (r response) apiError(t testing.TB) map[string]any {
	t.Helper()
	var e map[string]any
	r.json(t, &e)
	if msg, _ := e["error"].(string); msg == "" {
		t.Fatalf("status %d: body %q is not a JSON error", r.status, r.body)
	}
	if ct := r.header.Get("Content-Type"); ct != "application/json" {
		t.Errorf("error Content-Type %q", ct)
	}
	return e
}

func do(t testing.TB, method, u string, body io.Reader, header ...string) response {
	t.Helper()
	req, err := http.NewRequest(method, u, body)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return response{resp.StatusCode, resp.Header, string(b)}
}

func get(t testing.TB, u string) response { return do(t, http.MethodGet, u, nil) }

func queryURL(ts *httptest.Server, q string, params ...string) string {
	v := url.Values{"q": {q}}
	for i := 0; i+1 < len(params); i += 2 {
		v.Set(params[i], params[i+1])
	}
	return ts.URL + "/api/query?" + v.Encode()
}

// local renders a statement as the CLI would.
func local(t testing.TB, db *store.DB, q string, f query.Format) string {
	t.Helper()
	res, err := query.Run(context.Background(), db, q)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := res.Write(&b, f, query.WriteOptions{}); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestQueryAnswersAsTheCLI(t *testing.T) {
	db := sampleDB(t, false)
	ts := start(t, db, server.Options{})
	for _, tc := range []struct {
		q, format, ctype string
		f                query.Format
	}{
		{"metric high_tech_enterprises by year", "", "application/json", query.JSON},
		{"metric high_tech_enterprises by year", "csv", "text/csv; charset=utf-8", query.CSV},
		{"facts where entity = Harbin", "jsonl", "application/x-ndjson", query.JSONL},
		{"sum metric gdp where unit = CNY by year", "json", "application/json", query.JSON},
		{"growth metric gdp by year", "json", "application/json", query.JSON},
		{"show fact 19", "json", "application/json", query.JSON},
		{"metrics", "table", "text/plain; charset=utf-8", query.Table},
		{"conflicts", "tsv", "text/tab-separated-values; charset=utf-8", query.TSV},
		{"metric high_tech_enterprises by year", "markdown", "text/markdown; charset=utf-8", query.Markdown},
		{"facts where conflict", "line", "text/plain; charset=utf-8", query.Line},
	} {
		r := get(t, queryURL(ts, tc.q, "format", tc.format))
		if r.status != http.StatusOK || r.header.Get("Content-Type") != tc.ctype {
			t.Errorf("%s (%s): status %d, type %q: %s", tc.q, tc.format, r.status, r.header.Get("Content-Type"), r.body)
			continue
		}
		if diff := cmp.Diff(local(t, db, tc.q, tc.f), r.body); diff != "" {
			t.Errorf("%s (%s): differs from the CLI's output (-cli +server):\n%s", tc.q, tc.format, diff)
		}
	}
	// Every figure names its facts.
	var figs []struct {
		Fact  uint64   `json:"fact"`
		Facts []uint64 `json:"facts"`
	}
	get(t, queryURL(ts, "metric high_tech_enterprises by year")).json(t, &figs)
	if len(figs) == 0 {
		t.Fatal("no figures")
	}
	for _, f := range figs {
		if len(f.Facts) == 0 || f.Fact == 0 {
			t.Errorf("figure without its facts: %+v", f)
		}
	}
}

func TestQueryErrors(t *testing.T) {
	db := sampleDB(t, false)
	ts := start(t, db, server.Options{MaxRows: 5})
	for _, tc := range []struct {
		url        string
		status     int
		msg        string
		line, col  float64
		suggestion string
	}{
		{queryURL(ts, "metric by year"), 400, `unexpected "by", expected a metric name`, 1, 8, ""},
		{queryURL(ts, "metric gdp\n  where entity = Harbn"), 400, `unknown entity "Harbn"`, 2, 18, "Harbin"},
		{queryURL(ts, "metric high_tech by year"), 400, `unknown metric "high_tech"`, 1, 8, "high_tech_enterprises"},
		{ts.URL + "/api/query", 400, "missing q", 0, 0, ""},
		{queryURL(ts, "metrics", "format", "xml"), 400, `unknown format "xml"`, 0, 0, ""},
		{queryURL(ts, "metrics", "offset", "-1"), 400, `offset="-1"`, 0, 0, ""},
		{queryURL(ts, "metrics", "rows", "6"), 400, "over the server's limit of 5 rows", 0, 0, ""},
		{queryURL(ts, "metrics", "snapshot", "x"), 400, `snapshot="x"`, 0, 0, ""},
	} {
		r := get(t, tc.url)
		if r.status != tc.status {
			t.Errorf("%s: status %d, want %d: %s", tc.url, r.status, tc.status, r.body)
			continue
		}
		e := r.apiError(t)
		if msg := e["error"].(string); !strings.Contains(msg, tc.msg) {
			t.Errorf("%s: error %q, want it to contain %q", tc.url, msg, tc.msg)
		}
		if e["line"] != nil || tc.line != 0 {
			if e["line"] != tc.line || e["col"] != tc.col {
				t.Errorf("%s: at %v:%v, want %v:%v", tc.url, e["line"], e["col"], tc.line, tc.col)
			}
		}
		if s, _ := e["suggestion"].(string); s != tc.suggestion {
			t.Errorf("%s: suggestion %q, want %q", tc.url, s, tc.suggestion)
		}
	}
	// Several mistakes: the first in front, all in "errors".
	r := get(t, queryURL(ts, `facts where entity = Harbn and year = "x"`))
	e := r.apiError(t)
	if errs, _ := e["errors"].([]any); r.status != 400 || len(errs) != 2 {
		t.Errorf("two mistakes: status %d, errors %v", r.status, e["errors"])
	}
}

func TestQueryTimeout(t *testing.T) {
	db := sampleDB(t, false)
	ts := start(t, db, server.Options{QueryTimeout: time.Nanosecond})
	r := get(t, queryURL(ts, "facts"))
	if r.status != http.StatusServiceUnavailable {
		t.Fatalf("status %d, want 503: %s", r.status, r.body)
	}
	if msg := r.apiError(t)["error"].(string); !strings.Contains(msg, "query stopped") || !strings.Contains(msg, "--query-timeout") {
		t.Errorf("error %q", msg)
	}
}

func TestPages(t *testing.T) {
	db := sampleDB(t, false)
	ts := start(t, db, server.Options{MaxRows: 4, Token: token})
	var whole []map[string]any
	if err := json.Unmarshal([]byte(local(t, db, "facts", query.JSON)), &whole); err != nil {
		t.Fatal(err)
	}
	var got []map[string]any
	u := queryURL(ts, "facts")
	pages := 0
	for u != "" {
		r := get(t, u)
		if r.status != 200 {
			t.Fatalf("%s: status %d: %s", u, r.status, r.body)
		}
		if n, _ := strconv.Atoi(r.header.Get("X-Total-Rows")); n != len(whole) {
			t.Errorf("X-Total-Rows %q, want %d", r.header.Get("X-Total-Rows"), len(whole))
		}
		var page []map[string]any
		r.json(t, &page)
		if len(page) > 4 {
			t.Errorf("page of %d rows, limit 4", len(page))
		}
		got = append(got, page...)
		pages++
		u = ""
		if link := r.header.Get("Link"); link != "" {
			target := strings.TrimPrefix(strings.Split(link, ">")[0], "<")
			next, err := url.Parse(ts.URL + "/api/")
			if err != nil {
				t.Fatal(err)
			}
			nu, err := next.Parse(target)
			if err != nil {
				t.Fatal(err)
			}
			u = nu.String()
		}
	}
	if diff := cmp.Diff(whole, got); diff != "" {
		t.Errorf("pages joined (-whole +pages):\n%s", diff)
	}
	if want := (len(whole) + 3) / 4; pages != want {
		t.Errorf("%d pages, want %d", pages, want)
	}
	// A write between pages: the next page refuses to mix snapshots.
	first := get(t, queryURL(ts, "facts"))
	link := first.header.Get("Link")
	post(t, ts, "text/plain", "name=between.txt", "Harbin had 12 museums in 2021.", "Authorization", "Bearer "+token)
	target := strings.TrimPrefix(strings.Split(link, ">")[0], "<")
	r := get(t, ts.URL+"/api/"+target)
	if r.status != http.StatusConflict || !strings.Contains(r.apiError(t)["error"].(string), "run the query again") {
		t.Errorf("page after a write: status %d: %s", r.status, r.body)
	}
}

func TestFact(t *testing.T) {
	db := sampleDB(t, false)
	ts := start(t, db, server.Options{})
	// The sample's Harbin high-tech enterprises of 2020 are stated twice,
	// with values that disagree.
	var figs []struct {
		Entity   string
		Year     int
		Conflict bool
		Fact     uint64
		Facts    []uint64
	}
	get(t, queryURL(ts, "metric high_tech_enterprises where entity = Harbin and year = 2020 by year")).json(t, &figs)
	if len(figs) != 1 || !figs[0].Conflict || len(figs[0].Facts) != 2 {
		t.Fatalf("figures %+v, want one conflict of two facts", figs)
	}
	var d struct {
		Fact struct {
			ID         uint64
			Sentence   string
			Start, End int
			Document   uint64
		}
		Document struct {
			ID     uint64
			Source string
		}
		MarkStart int `json:"mark_start"`
		MarkEnd   int `json:"mark_end"`
		Shown     bool
		Conflict  bool
		Others    []struct {
			Fact     uint64
			Agrees   bool
			Document struct{ Source string }
		}
	}
	r := get(t, fmt.Sprintf("%s/api/facts/%d", ts.URL, figs[0].Fact))
	if r.status != 200 {
		t.Fatalf("status %d: %s", r.status, r.body)
	}
	r.json(t, &d)
	if d.Fact.ID != figs[0].Fact || !d.Shown || !d.Conflict || len(d.Others) != 1 || d.Others[0].Agrees {
		t.Errorf("fact detail %+v", d)
	}
	if d.Others[0].Fact != figs[0].Facts[0] && d.Others[0].Fact != figs[0].Facts[1] || d.Others[0].Fact == d.Fact.ID {
		t.Errorf("other source %d, want the figure's other fact of %v", d.Others[0].Fact, figs[0].Facts)
	}
	if d.Document.ID != d.Fact.Document || d.Document.Source == "" {
		t.Errorf("document %+v of fact in document %d", d.Document, d.Fact.Document)
	}
	if num := d.Fact.Sentence[d.MarkStart:d.MarkEnd]; d.MarkEnd-d.MarkStart != d.Fact.End-d.Fact.Start || !strings.ContainsAny(num, "0123456789") {
		t.Errorf("marked %q in %q", num, d.Fact.Sentence)
	}
	for _, tc := range []struct {
		path   string
		status int
	}{{"/api/facts/999999", 404}, {"/api/facts/abc", 400}, {"/api/facts/0", 400}, {"/api/facts/-3", 400}} {
		if r := get(t, ts.URL+tc.path); r.status != tc.status {
			t.Errorf("%s: status %d, want %d", tc.path, r.status, tc.status)
		} else {
			r.apiError(t)
		}
	}
}

func TestDocument(t *testing.T) {
	db := sampleDB(t, false)
	ts := start(t, db, server.Options{})
	var d struct {
		Document struct {
			ID     uint64
			Source string
			Facts  int
		}
		Text  string
		Facts []struct {
			ID                         uint64
			Start, End                 int
			SentenceStart, SentenceEnd int
		}
	}
	r := get(t, ts.URL+"/api/documents/1")
	if r.status != 200 {
		t.Fatalf("status %d: %s", r.status, r.body)
	}
	r.json(t, &d)
	if d.Document.ID != 1 || d.Text == "" || len(d.Facts) != d.Document.Facts || len(d.Facts) == 0 {
		t.Fatalf("document %+v, %d bytes of text, %d facts", d.Document, len(d.Text), len(d.Facts))
	}
	// The JSON keys are sentence_start and sentence_end; read them so.
	var raw struct {
		Facts []map[string]any
	}
	r.json(t, &raw)
	for i, f := range d.Facts {
		ss, se := int(raw.Facts[i]["sentence_start"].(float64)), int(raw.Facts[i]["sentence_end"].(float64))
		if f.Start < ss || f.End > se || se > len(d.Text) || !strings.ContainsAny(d.Text[f.Start:f.End], "0123456789") {
			t.Errorf("fact %d: number %d:%d, sentence %d:%d in %d bytes", f.ID, f.Start, f.End, ss, se, len(d.Text))
		}
	}
	for _, tc := range []struct {
		path   string
		status int
	}{{"/api/documents/999", 404}, {"/api/documents/x", 400}} {
		if r := get(t, ts.URL+tc.path); r.status != tc.status {
			t.Errorf("%s: status %d, want %d", tc.path, r.status, tc.status)
		} else {
			r.apiError(t)
		}
	}
}

func TestCatalogues(t *testing.T) {
	db := sampleDB(t, false)
	ts := start(t, db, server.Options{})
	var want []store.CatalogEntry
	err := db.View(func(tx *store.Tx) error {
		var err error
		want, err = tx.Entities()
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	var got []struct {
		Name    string
		Facts   int
		Aliases []string
	}
	get(t, ts.URL+"/api/entities").json(t, &got)
	if len(got) != len(want) || len(got) == 0 {
		t.Fatalf("%d entities, want %d", len(got), len(want))
	}
	for i := range want {
		if got[i].Name != want[i].Name || got[i].Facts != want[i].Count || len(got[i].Aliases) != len(want[i].Aliases) {
			t.Errorf("entity %d: %+v, want %+v", i, got[i], want[i])
		}
	}
	for _, path := range []string{"/api/metrics", "/api/units", "/api/years"} {
		var list []map[string]any
		get(t, ts.URL+path).json(t, &list)
		if len(list) == 0 || list[0]["facts"] == nil {
			t.Errorf("%s: %v", path, list)
		}
	}
	var lang struct {
		Keywords, Statements, Fields, Functions []string
		Values                                  [][]string
	}
	get(t, ts.URL+"/api/language").json(t, &lang)
	if len(lang.Keywords) < 10 || len(lang.Statements) < 3 || len(lang.Fields) != 10 || len(lang.Functions) < 5 || len(lang.Values) != 3 {
		t.Errorf("language %+v", lang)
	}
	var info struct {
		Almanac int
		Writes  string
		Stats   struct{ Documents, Facts int }
		Limits  struct{ Rows int }
	}
	get(t, ts.URL+"/api").json(t, &info)
	if info.Almanac != 1 || info.Writes != "disabled" || info.Stats.Documents != 6 || info.Limits.Rows != server.DefaultMaxRows {
		t.Errorf("info %+v", info)
	}
}

// post sends a body to /api/documents?params.
func post(t testing.TB, ts *httptest.Server, ctype, params, body string, header ...string) response {
	t.Helper()
	return do(t, http.MethodPost, ts.URL+"/api/documents?"+params, strings.NewReader(body), append([]string{"Content-Type", ctype}, header...)...)
}

// multipartBody returns a multipart body of files (name, content pairs).
func multipartBody(t testing.TB, files ...string) (string, string) {
	t.Helper()
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	for i := 0; i+1 < len(files); i += 2 {
		w, err := mw.CreateFormFile("file", files[i])
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(w, files[i+1])
	}
	mw.Close()
	return mw.FormDataContentType(), b.String()
}

func documents(t testing.TB, db *store.DB) int {
	t.Helper()
	n := 0
	db.View(func(tx *store.Tx) error { n = tx.DocumentCount(); return nil })
	return n
}

type ingestAnswer struct {
	Summary struct {
		Documents, Added, Replaced, Duplicates, Failed, Facts int
	}
	Message   string
	Documents []struct {
		Input, Source, Outcome, Error string
		Facts                         int
	}
}

func TestIngest(t *testing.T) {
	db := sampleDB(t, false)
	ts := start(t, db, server.Options{Token: token, MaxInputs: 2, MaxBodyBytes: 4096})
	auth := []string{"Authorization", "Bearer " + token}
	const article = "Harbin Daily\n\nHarbin counted 321 public libraries in 2023, the city said.\n"

	r := post(t, ts, "text/plain", "name=libraries.txt&published=2024-01-05", article, auth...)
	var a ingestAnswer
	r.json(t, &a)
	if r.status != 200 || a.Summary.Added != 1 || a.Summary.Facts == 0 || len(a.Documents) != 1 || a.Documents[0].Outcome != "added" ||
		!strings.HasPrefix(a.Message, "ingested 1 documents (1 added") {
		t.Fatalf("first upload: status %d: %+v", r.status, a)
	}
	r = post(t, ts, "text/plain; charset=utf-8", "name=libraries.txt", article, auth...)
	r.json(t, &a)
	if r.status != 200 || a.Summary.Duplicates != 1 {
		t.Errorf("same upload again: status %d: %+v", r.status, a)
	}
	ctype, body := multipartBody(t, "a.txt", "Daqing had 41 parks in 2022.", "b.html", "<html><body><p>Qiqihar had 17 museums in 2021.</p></body></html>")
	r = post(t, ts, ctype, "", body, auth...)
	r.json(t, &a)
	if r.status != 200 || a.Summary.Added != 2 || len(a.Documents) != 2 || a.Documents[1].Input != "b.html" {
		t.Errorf("multipart of two: status %d: %+v", r.status, a)
	}
	// An input that cannot be stored fails alone: 422, with its error.
	ctype, body = multipartBody(t, "c.txt", "Jixi had 9 ski resorts in 2020.", "bad.txt", "\x00\x01\x02binary")
	r = post(t, ts, ctype, "", body, auth...)
	r.json(t, &a)
	bad := ""
	for _, d := range a.Documents {
		if d.Input == "bad.txt" {
			bad = d.Error
		}
	}
	if r.status != http.StatusUnprocessableEntity || a.Summary.Added != 1 || a.Summary.Failed != 1 || !strings.Contains(bad, "binary") {
		t.Errorf("one bad input: status %d: %+v", r.status, a)
	}
	stored := documents(t, db)

	// Refusals store nothing.
	ctype3, body3 := multipartBody(t, "x.txt", "Harbin had 3 zoos in 2021.", "y.txt", "Harbin had 4 zoos in 2022.", "z.txt", "Harbin had 5 zoos in 2023.")
	ctypeNoName, bodyNoName := multipartBody(t)
	for _, tc := range []struct {
		name, ctype, params, body string
		header                    []string
		status                    int
		msg                       string
	}{
		{"no token", "text/plain", "name=n.txt", article, nil, 401, "Authorization: Bearer"},
		{"wrong token", "text/plain", "name=n.txt", article, []string{"Authorization", "Bearer nope"}, 401, "token"},
		{"basic auth", "text/plain", "name=n.txt", article, []string{"Authorization", "Basic " + token}, 401, "token"},
		{"three files", ctype3, "", body3, auth, 413, "more than 2 files"},
		{"too large", "text/plain", "name=big.txt", strings.Repeat("Harbin had 3 zoos in 2021. ", 200), auth, 413, "over the server's limit of 4 KiB"},
		{"no name", "text/plain", "", article, auth, 400, "name the document"},
		{"empty multipart", ctypeNoName, "", bodyNoName, auth, 400, "no files"},
		{"bad date", "text/plain", "name=n.txt&published=soon", article, auth, 400, "not a date"},
		{"pdf", "application/pdf", "name=n.pdf", "%PDF-1.4", auth, 415, "Content-Type"},
		{"no type", "", "name=n.txt", article, auth, 415, "Content-Type"},
	} {
		h := tc.header
		r := post(t, ts, tc.ctype, tc.params, tc.body, h...)
		if r.status != tc.status {
			t.Errorf("%s: status %d, want %d: %s", tc.name, r.status, tc.status, r.body)
			continue
		}
		if msg := r.apiError(t)["error"].(string); !strings.Contains(msg, tc.msg) {
			t.Errorf("%s: error %q, want it to contain %q", tc.name, msg, tc.msg)
		}
		if tc.status == 401 && r.header.Get("WWW-Authenticate") == "" {
			t.Errorf("%s: 401 without WWW-Authenticate", tc.name)
		}
	}
	if n := documents(t, db); n != stored {
		t.Errorf("refused requests stored documents: %d, want %d", n, stored)
	}
	if r := do(t, http.MethodGet, ts.URL+"/api/documents", nil); r.status != 405 || r.header.Get("Allow") != "POST" {
		t.Errorf("GET /api/documents: status %d, Allow %q", r.status, r.header.Get("Allow"))
	}
	if probs, err := db.Check(context.Background()); err != nil || len(probs) > 0 {
		t.Errorf("check: %v %q", err, probs)
	}
}

func TestWritesRefused(t *testing.T) {
	for _, tc := range []struct {
		name     string
		readOnly bool
		o        server.Options
		msg      string
	}{
		{"no token configured", false, server.Options{}, "--token-file"},
		{"read-only option", false, server.Options{Token: token, ReadOnly: true}, "read-only"},
		{"read-only database", true, server.Options{Token: token}, "read-only"},
	} {
		db := sampleDB(t, tc.readOnly)
		ts := start(t, db, tc.o)
		r := post(t, ts, "text/plain", "name=a.txt", "Harbin had 3 zoos in 2021.", "Authorization", "Bearer "+token)
		if r.status != http.StatusForbidden {
			t.Errorf("%s: status %d, want 403", tc.name, r.status)
			continue
		}
		if msg := r.apiError(t)["error"].(string); !strings.Contains(msg, tc.msg) {
			t.Errorf("%s: error %q", tc.name, msg)
		}
	}
}

func TestRoutes(t *testing.T) {
	db := sampleDB(t, false)
	var log bytes.Buffer
	var mu sync.Mutex
	ts := start(t, db, server.Options{Log: lockedWriter{&mu, &log}})
	for _, tc := range []struct {
		method, path string
		status       int
	}{
		{"GET", "/api/nothing", 404},
		{"POST", "/api/query?q=metrics", 405},
		{"DELETE", "/api/facts/1", 405},
		{"PUT", "/api/metrics", 405},
		{"POST", "/api", 405},
	} {
		r := do(t, tc.method, ts.URL+tc.path, nil)
		if r.status != tc.status {
			t.Errorf("%s %s: status %d, want %d", tc.method, tc.path, r.status, tc.status)
			continue
		}
		r.apiError(t)
	}
	r := get(t, ts.URL+"/")
	if r.status != 200 || !strings.Contains(r.body, "<html") || !strings.Contains(r.header.Get("Content-Security-Policy"), "default-src 'self'") {
		t.Errorf("page: status %d, CSP %q", r.status, r.header.Get("Content-Security-Policy"))
	}
	for _, f := range []string{"/app.js", "/style.css"} {
		if r := get(t, ts.URL+f); r.status != 200 || len(r.body) < 100 {
			t.Errorf("%s: status %d, %d bytes", f, r.status, len(r.body))
		}
	}
	// One line per request, naming method, path and status.
	mu.Lock()
	lines := strings.Split(strings.TrimSpace(log.String()), "\n")
	mu.Unlock()
	if len(lines) != 8 {
		t.Errorf("%d log lines for 8 requests:\n%s", len(lines), strings.Join(lines, "\n"))
	}
	if len(lines) > 1 && !strings.Contains(lines[1], "POST /api/query?q=metrics 405") {
		t.Errorf("log line %q", lines[1])
	}
}

type lockedWriter struct {
	mu *sync.Mutex
	w  io.Writer
}

func (l lockedWriter) Write(b []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(b)
}
