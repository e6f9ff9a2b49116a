package ingest_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/almanacdb/almanac/ingest"
	"github.com/almanacdb/almanac/store"
	"github.com/google/go-cmp/cmp"
)

// variant returns article with its figures changed, so that its text
// differs.
func variant(n string) []byte {
	return []byte(strings.Replace(article, "6,200", n, 1))
}

// run ingests paths into db and returns the summary, the run's error and
// the error messages reported.
func run(t *testing.T, db *store.DB, paths []string, opts ingest.Options) (ingest.Summary, error, []string) {
	t.Helper()
	var errs []string
	opts.Report = func(r ingest.Report) {
		if r.Err != nil {
			errs = append(errs, r.Err.Error())
		}
	}
	sum, err := ingest.Paths(context.Background(), db, paths, opts)
	return sum, err, errs
}

func storedSources(t *testing.T, db *store.DB) []string {
	t.Helper()
	var out []string
	err := db.View(func(tx *store.Tx) error {
		return tx.Documents(func(d store.Document) error {
			out = append(out, d.Source)
			return nil
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(out)
	return out
}

// Two files with the same base name in one directory tree are two
// documents: each is named by its path under the directory ingested.
func TestIdentityIsThePathUnderTheRoot(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "n", "a", "report.txt"), variant("6,100"))
	writeFile(t, filepath.Join(dir, "n", "b", "report.txt"), variant("6,300"))
	db := openDB(t)
	sum, err, errs := run(t, db, []string{filepath.Join(dir, "n")}, ingest.Options{})
	if err != nil || sum.Added != 2 || sum.Replaced != 0 {
		t.Fatalf("sum %+v, err %v, errors %q", sum, err, errs)
	}
	if diff := cmp.Diff([]string{"a/report.txt", "b/report.txt"}, storedSources(t, db)); diff != "" {
		t.Errorf("documents (-want +got):\n%s", diff)
	}
	// A file named on its own is named by its path as given, cleaned.
	file := filepath.Join(dir, "n", ".", "a", "report.txt")
	writeFile(t, file, variant("6,150"))
	if sum, err, _ := run(t, db, []string{file}, ingest.Options{}); err != nil || sum.Added != 1 {
		t.Fatalf("file argument: %+v %v", sum, err)
	}
	if got := storedSources(t, db); !slices.Contains(got, filepath.ToSlash(filepath.Join(dir, "n", "a", "report.txt"))) {
		t.Errorf("documents %q lack the file's cleaned path", got)
	}
}

// Two inputs of one run with the same identity and other text: the second
// is an error naming both; with the same text it is a duplicate.
func TestSameIdentityInOneRun(t *testing.T) {
	dir := t.TempDir()
	one, two, three := filepath.Join(dir, "one"), filepath.Join(dir, "two"), filepath.Join(dir, "three")
	writeFile(t, filepath.Join(one, "report.txt"), variant("6,100"))
	writeFile(t, filepath.Join(two, "report.txt"), variant("6,300"))
	writeFile(t, filepath.Join(three, "report.txt"), variant("6,100"))
	db := openDB(t)
	sum, err, errs := run(t, db, []string{one, two, three}, ingest.Options{})
	if !errors.Is(err, ingest.ErrFailed) || sum.Added != 1 || sum.Duplicates != 1 || sum.Failed != 1 {
		t.Fatalf("sum %+v, err %v", sum, err)
	}
	want := filepath.Join(two, "report.txt") + `: same identity "report.txt" as ` + filepath.Join(one, "report.txt") + ", read earlier in this run, but other text; not stored"
	if len(errs) != 1 || !strings.HasPrefix(errs[0], want) || !strings.Contains(errs[0], "common parent directory") {
		t.Errorf("errors %q, want one starting %q", errs, want)
	}
	// Their common parent keeps both.
	db = openDB(t)
	if sum, err, _ := run(t, db, []string{dir}, ingest.Options{}); err != nil || sum.Added != 2 || sum.Duplicates != 1 {
		t.Errorf("the parent directory: %+v %v", sum, err)
	}
}

// Standard input is "stdin" unless named; a second unnamed article with
// other text fails, asking for a name, and a name replaces or adds.
func TestStdinName(t *testing.T) {
	db := openDB(t)
	stdin := func(text []byte, name string) (ingest.Summary, error, []string) {
		return run(t, db, []string{"-"}, ingest.Options{Stdin: strings.NewReader(string(text)), StdinName: name})
	}
	if sum, err, _ := stdin(variant("6,100"), ""); err != nil || sum.Added != 1 {
		t.Fatalf("first: %+v %v", sum, err)
	}
	if sum, err, _ := stdin(variant("6,100"), ""); err != nil || sum.Duplicates != 1 {
		t.Errorf("same text again: %+v %v", sum, err)
	}
	sum, err, errs := stdin(variant("6,300"), "")
	if !errors.Is(err, ingest.ErrFailed) || sum.Failed != 1 || len(errs) != 1 ||
		!strings.Contains(errs[0], `stdin: a document read from standard input without a name is already stored as "stdin" (document 1) with other text; name this one with --name NAME`) {
		t.Errorf("second unnamed: %+v %v %q", sum, err, errs)
	}
	if sum, err, _ := stdin(variant("6,300"), "daqing-may"); err != nil || sum.Added != 1 {
		t.Errorf("named: %+v %v", sum, err)
	}
	if sum, err, _ := stdin(variant("6,400"), "stdin"); err != nil || sum.Replaced != 1 {
		t.Errorf("--name stdin: %+v %v", sum, err)
	}
	if diff := cmp.Diff([]string{"daqing-may", "stdin"}, storedSources(t, db)); diff != "" {
		t.Errorf("documents (-want +got):\n%s", diff)
	}
}

// JSON lines records and HTML pages are named by their address when they
// have a usable one; otherwise by the file (with the record's line).
func TestIdentityFromAddresses(t *testing.T) {
	dir := t.TempDir()
	body := "Harbin had 1,180 high-tech enterprises in 2020, up 45 percent."
	writeFile(t, filepath.Join(dir, "feed.jsonl"), []byte(
		`{"title":"A","published":"2021-03-01","url":"HTTPS://News.Example.com/a/1.html#top","body":"`+body+`"}`+"\n"+
			`{"title":"B","published":"2021-03-02","body":"`+strings.Replace(body, "1,180", "1,190", 1)+`"}`+"\n"))
	page := func(canonical, n string) []byte {
		return []byte(`<html><head><title>Harbin</title><link rel="canonical" href="` + canonical + `"></head>` +
			`<body><article><h1>Harbin</h1><p>Updated : 2021-03-05</p><p>` + strings.Replace(body, "1,180", n, 1) + `</p></article></body></html>`)
	}
	writeFile(t, filepath.Join(dir, "pages", "x.html"), page("https://news.example.com/b/2.html", "1,200"))
	writeFile(t, filepath.Join(dir, "pages", "home.html"), page("https://news.example.com/", "1,210"))
	db := openDB(t)
	if sum, err, errs := run(t, db, []string{dir}, ingest.Options{}); err != nil || sum.Added != 4 {
		t.Fatalf("sum %+v, err %v, errors %q", sum, err, errs)
	}
	want := []string{"feed.jsonl#2", "https://news.example.com/a/1.html", "https://news.example.com/b/2.html", "pages/home.html"}
	if diff := cmp.Diff(want, storedSources(t, db)); diff != "" {
		t.Errorf("documents (-want +got):\n%s", diff)
	}
}

// A file with no figures that is no article (a query script, a table) is
// reported and not stored; an article without figures is stored with a
// warning.
func TestNotAnArticle(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"queries.aq":   "metric gdp by year\nfacts where entity = Harbin\n",
		"table.csv":    "entity,year,value\nHarbin,2020,1180\n",
		"script.txt":   "# figures\nmetric gdp by year\nyears\n",
		"notes.txt":    "Visitors\n\nThe old town is quiet in the spring, and the river is wide.\n",
		"figures.text": "Parks\n\nHarbin built 12 new parks in 2022.\n",
	}
	var paths []string
	for name, text := range files {
		writeFile(t, filepath.Join(dir, name), []byte(text))
		paths = append(paths, filepath.Join(dir, name))
	}
	slices.Sort(paths)
	db := openDB(t)
	var reports []ingest.Report
	sum, err := ingest.Paths(context.Background(), db, paths, ingest.Options{Report: func(r ingest.Report) { reports = append(reports, r) }})
	if !errors.Is(err, ingest.ErrFailed) || sum.Added != 2 || sum.Failed != 3 {
		t.Fatalf("sum %+v, err %v", sum, err)
	}
	got := map[string]string{}
	for _, r := range reports {
		msg := strings.Join(r.Warnings, "; ")
		if r.Err != nil {
			msg = r.Err.Error()
		}
		got[filepath.Base(r.Path)] = msg
	}
	for name, want := range map[string]string{
		"queries.aq": "queries.aq: not an article: no figures found, and .aq is not an article format",
		"table.csv":  "table.csv: not an article: no figures found, and .csv is not an article format",
		"script.txt": "script.txt: not an article: no figures and no sentences found (a query script, a table?); not stored",
		"notes.txt":  ingest.NoFiguresWarning,
	} {
		if !strings.Contains(got[name], want) {
			t.Errorf("%s: %q, want %q", name, got[name], want)
		}
	}
	if diff := cmp.Diff([]string{"" + filepath.ToSlash(filepath.Join(dir, "figures.text")), filepath.ToSlash(filepath.Join(dir, "notes.txt"))}, storedSources(t, db)); diff != "" {
		t.Errorf("documents (-want +got):\n%s", diff)
	}
}

// A database written by schema 1 (documents keyed by base name) keeps
// working: re-ingesting its articles loses nothing. The document whose
// same-named sibling replaced it comes back beside it, with a warning; the
// one stored takes its full identity.
func TestSchema1Database(t *testing.T) {
	src := filepath.Join("..", "store", "testdata", "schema1")
	data, err := os.ReadFile(filepath.Join(src, "schema1.db"))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "schema1.db")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	db, err := store.Open(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var warns []string
	sum, err := ingest.Paths(context.Background(), db, []string{filepath.Join(src, "articles")}, ingest.Options{
		Report: func(r ingest.Report) {
			for _, w := range r.Warnings {
				warns = append(warns, filepath.ToSlash(r.Source)+": "+w)
			}
		},
	})
	if err != nil || sum.Added != 1 || sum.Duplicates != 2 || sum.Replaced != 0 {
		t.Fatalf("sum %+v, err %v", sum, err)
	}
	if diff := cmp.Diff([]string{"north/report.txt", "parks.txt", "south/report.txt"}, storedSources(t, db)); diff != "" {
		t.Errorf("documents (-want +got):\n%s", diff)
	}
	want := []string{
		`north/report.txt: an older almanac stored document 3 under this file's base name "report.txt", with other text; both are kept`,
		`south/report.txt: already stored by an older almanac as "report.txt" (document 3), which now takes this name`,
	}
	for _, w := range want {
		if !slices.ContainsFunc(warns, func(s string) bool { return strings.HasPrefix(s, w) }) {
			t.Errorf("no warning %q in %q", w, warns)
		}
	}
	if probs, err := db.Check(context.Background()); err != nil || len(probs) > 0 {
		t.Errorf("check: %v %q", err, probs)
	}
}
