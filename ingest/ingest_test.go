package ingest_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/almanacdb/almanac/ingest"
	"github.com/almanacdb/almanac/ingest/gen"
	"github.com/almanacdb/almanac/ingest/resolve"
	"github.com/almanacdb/almanac/store"
	"github.com/google/go-cmp/cmp"
)

const article = `Home>Biz updates

Daqing opens more 5G base stations

Updated : 2022-05-10

By ( test desk )

Daqing had 6,200 5G base stations at the end of 2021, up 35 percent year on year.

The city's GDP reached 262 billion yuan in 2021.
`

func openDB(t *testing.T) *store.DB {
	t.Helper()
	db, err := store.Open(filepath.Join(t.TempDir(), "t.db"), &store.Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func writeFile(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestBadFilesFailAlone: each bad file gets an error naming it, the good
// ones are stored, and the run reports that something failed.
func TestBadFilesFailAlone(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "a_good.txt"), []byte(article))
	writeFile(t, filepath.Join(dir, "b_binary.txt"), append([]byte("\x7fELF\x02\x01\x01"), make([]byte, 100)...))
	writeFile(t, filepath.Join(dir, "c_latin1.txt"), []byte("Harbin caf\xe9 had 12 tables in 2020."))
	writeFile(t, filepath.Join(dir, "d_empty.txt"), nil)
	writeFile(t, filepath.Join(dir, "e_good.txt"), []byte(strings.Replace(article, "Daqing", "Qiqihar", -1)))
	writeFile(t, filepath.Join(dir, "f_records.jsonl"), []byte(
		`{"title":"ok","published":"2023-01-02","body":"Harbin had 1,180 high-tech enterprises in 2020."}`+"\n"+
			`{"title":"broken",`+"\n"))
	writeFile(t, filepath.Join(dir, "notes.md"), []byte("skipped: unknown extension"))

	db := openDB(t)
	var reports []ingest.Report
	sum, err := ingest.Paths(context.Background(), db, []string{dir}, ingest.Options{
		Report: func(r ingest.Report) { reports = append(reports, r) },
	})
	if !errors.Is(err, ingest.ErrFailed) {
		t.Fatalf("err = %v, want ErrFailed", err)
	}
	var failed []string
	for _, r := range reports {
		if r.Outcome == store.Failed {
			failed = append(failed, r.Err.Error())
		}
	}
	wantFailed := []string{"b_binary.txt", "c_latin1.txt", "d_empty.txt", "f_records.jsonl:2"}
	if len(failed) != len(wantFailed) {
		t.Fatalf("failures %q, want one each for %q", failed, wantFailed)
	}
	for i, name := range wantFailed {
		if !strings.Contains(failed[i], name) {
			t.Errorf("failure %d = %q, want it to name %s", i, failed[i], name)
		}
	}
	if sum.Added != 3 || sum.Failed != 4 || sum.Facts == 0 {
		t.Errorf("summary = %+v", sum)
	}
	if !strings.Contains(sum.String(), "3 added") || !strings.Contains(sum.String(), "4 errors") {
		t.Errorf("summary line %q", sum)
	}
}

func TestReingestAddsNothingAndReplaces(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "daqing.txt")
	writeFile(t, path, []byte(article))
	db := openDB(t)
	ctx := context.Background()
	first, err := ingest.Paths(ctx, db, []string{dir}, ingest.Options{})
	if err != nil || first.Added != 1 || first.Facts == 0 {
		t.Fatalf("first run: %+v %v", first, err)
	}
	again, err := ingest.Paths(ctx, db, []string{path}, ingest.Options{})
	if err != nil || again.Duplicates != 1 || again.Facts != 0 {
		t.Fatalf("second run: %+v %v", again, err)
	}
	// The file's identity is its path under the directory it was
	// ingested from: ingested that way again, its new text replaces it.
	writeFile(t, path, []byte(strings.Replace(article, "6,200", "6,300", 1)))
	third, err := ingest.Paths(ctx, db, []string{dir}, ingest.Options{})
	if err != nil || third.Replaced != 1 || third.Facts != first.Facts {
		t.Fatalf("changed file: %+v %v", third, err)
	}
	if !strings.Contains(third.String(), "(0 added, 1 replaced: daqing.txt)") {
		t.Errorf("summary %q does not name the replaced document", third.String())
	}
	var values []float64
	db.View(func(tx *store.Tx) error {
		_, err := tx.ScanAll(func(e store.Entry) error {
			if e.Value >= 6000 && e.Value < 7000 {
				values = append(values, e.Value)
			}
			return nil
		})
		return err
	})
	if diff := cmp.Diff([]float64{6300}, values); diff != "" {
		t.Errorf("base-station figures after replace (-want +got):\n%s", diff)
	}
}

func TestStdinAndPublished(t *testing.T) {
	db := openDB(t)
	noDate := "Harbin had 1,180 high-tech enterprises in 2020. The city now has 26 incubators.\n"
	var warnings []string
	undated := false
	sum, err := ingest.Paths(context.Background(), db, []string{"-"}, ingest.Options{
		Stdin: strings.NewReader(noDate),
		Report: func(r ingest.Report) {
			warnings = append(warnings, r.Warnings...)
			undated = undated || r.Undated
		},
	})
	if err != nil || sum.Added != 1 {
		t.Fatalf("stdin: %+v %v", sum, err)
	}
	if len(warnings) == 0 || warnings[0] != ingest.NoDateWarning || !undated {
		t.Errorf("undated document: warnings %q, Undated %v; want %q first and Undated", warnings, undated, ingest.NoDateWarning)
	}
	years := map[int]bool{}
	db.View(func(tx *store.Tx) error {
		ys, _ := tx.Years()
		for _, y := range ys {
			years[y.Year] = true
		}
		return nil
	})
	if !years[2020] || len(years) != 1 {
		t.Errorf("undated document kept years %v, want only the explicit 2020", years)
	}

	db2 := openDB(t)
	pub := time.Date(2021, 3, 1, 0, 0, 0, 0, time.UTC)
	var dated ingest.Report
	if _, err := ingest.Reader(context.Background(), db2, "note.txt", strings.NewReader(noDate), ingest.Options{
		Published: pub, Report: func(r ingest.Report) { dated = r },
	}); err != nil {
		t.Fatal(err)
	}
	if dated.Undated || len(dated.Warnings) > 0 && dated.Warnings[0] == ingest.NoDateWarning {
		t.Errorf("with Options.Published: Undated %v, warnings %q", dated.Undated, dated.Warnings)
	}
	db2.View(func(tx *store.Tx) error {
		doc, err := tx.DocumentBySource("note.txt")
		if err != nil || !doc.Published.Equal(pub) {
			t.Errorf("document published = %v (%v), want %v", doc.Published, err, pub)
		}
		return nil
	})
}

func TestSymlinkLoop(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "a", "x.txt"), []byte(article))
	if err := os.Symlink("..", filepath.Join(dir, "a", "up")); err != nil {
		t.Skip("no symlinks here:", err)
	}
	db := openDB(t)
	var errs []string
	sum, err := ingest.Paths(context.Background(), db, []string{dir}, ingest.Options{
		Report: func(r ingest.Report) {
			if r.Err != nil {
				errs = append(errs, r.Err.Error())
			}
		},
	})
	if !errors.Is(err, ingest.ErrFailed) || sum.Added != 1 {
		t.Fatalf("sum %+v, err %v", sum, err)
	}
	if len(errs) != 1 || !strings.Contains(errs[0], "loop") || !strings.Contains(errs[0], "up") {
		t.Errorf("errors %q, want one naming the loop", errs)
	}
}

func TestTooLarge(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.txt")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	f.Truncate(65 << 20) // sparse: no disk used
	f.Close()
	db := openDB(t)
	var msg string
	_, err = ingest.Paths(context.Background(), db, []string{big}, ingest.Options{
		Report: func(r ingest.Report) {
			if r.Err != nil {
				msg = r.Err.Error()
			}
		},
	})
	if !errors.Is(err, ingest.ErrFailed) || !strings.Contains(msg, "big.txt") || !strings.Contains(msg, "limit") {
		t.Errorf("err %v, message %q", err, msg)
	}
}

// BenchmarkIngest measures the whole pipeline (read, parse, extract,
// commit) over generated articles; it reports articles/s, MB/s and facts/s.
func BenchmarkIngest(b *testing.B) {
	dir := b.TempDir()
	const n = 2000
	if err := gen.WriteDir(dir, 1, n); err != nil {
		b.Fatal(err)
	}
	var bytesIn int64
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if fi, err := d.Info(); err == nil && !d.IsDir() {
			bytesIn += fi.Size()
		}
		return nil
	})
	aliases, err := resolve.ParseAliases("aliases", bytes.NewReader(gen.AliasFile()), resolve.Builtin())
	if err != nil {
		b.Fatal(err)
	}
	facts := 0
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		db, err := store.Open(filepath.Join(b.TempDir(), "b.db"), nil)
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		sum, err := ingest.Paths(context.Background(), db, []string{dir}, ingest.Options{Aliases: aliases})
		if err != nil {
			b.Fatal(err)
		}
		facts = sum.Facts
		b.StopTimer()
		db.Close()
		b.StartTimer()
	}
	sec := b.Elapsed().Seconds() / float64(b.N)
	b.ReportMetric(n/sec, "articles/s")
	b.ReportMetric(float64(bytesIn)/sec/1e6, "MB/s")
	b.ReportMetric(float64(facts)/sec, "facts/s")
}

// bigArticle returns one article made of the bodies of n generated ones:
// megabytes of text whose extraction takes seconds.
func bigArticle(n int) []byte {
	var b strings.Builder
	for a := range gen.Articles(7, n) {
		if b.Len() == 0 {
			b.WriteString(a.Text)
			continue
		}
		if i := strings.Index(a.Text, ")\n\n"); i >= 0 {
			b.WriteString(a.Text[i+3:])
		}
	}
	return []byte(b.String())
}

// A cancelled ingest returns while a huge document is being read or
// extracted: what was committed stays and the document is not stored.
func TestCancelInsideHugeDocument(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "a.txt"), []byte(article))
	writeFile(t, filepath.Join(dir, "b_huge.txt"), bigArticle(2000))
	db := openDB(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var cancelled atomic.Int64
	sum, err := ingest.Paths(ctx, db, []string{dir}, ingest.Options{BatchSize: 1, Progress: func(s ingest.Summary) {
		if s.Documents == 1 {
			// Extraction of the huge document is under way by now.
			time.AfterFunc(300*time.Millisecond, func() { cancelled.Store(time.Now().UnixNano()); cancel() })
		}
	}})
	returned := time.Duration(time.Now().UnixNano() - cancelled.Load())
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	t.Logf("returned %v after the cancel", returned)
	// The huge document was being parsed (not counted) or extracted
	// (abandoned) when the cancel came.
	if sum.Added != 1 || sum.Abandoned > 1 {
		t.Errorf("sum %+v, want 1 added and at most 1 abandoned", sum)
	}
	if diff := cmp.Diff([]string{"a.txt"}, storedSources(t, db)); diff != "" {
		t.Errorf("documents (-want +got):\n%s", diff)
	}
}
