package gen_test

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/almanacdb/almanac/ingest/gen"
)

func collect(o gen.Options, seed int64, n int) []gen.Article {
	var as []gen.Article
	for a := range o.Articles(seed, n) {
		as = append(as, a)
	}
	return as
}

func TestDeterministic(t *testing.T) {
	a := collect(gen.Options{}, 42, 50)
	b := collect(gen.Options{}, 42, 50)
	if diff := cmp.Diff(a, b); diff != "" {
		t.Fatalf("same seed, different corpus (-first +second):\n%s", diff)
	}
	// A shorter corpus is a prefix of a longer one, and each article can
	// be made on its own.
	if diff := cmp.Diff(a[:10], collect(gen.Options{}, 42, 10)); diff != "" {
		t.Errorf("first 10 of 50 differ from a corpus of 10 (-50 +10):\n%s", diff)
	}
	if diff := cmp.Diff(a[6], gen.Options{}.Article(42, 7)); diff != "" {
		t.Errorf("Article(42, 7) differs from the 7th of the corpus (-corpus +alone):\n%s", diff)
	}
	other := collect(gen.Options{}, 43, 50)
	same := 0
	for i := range a {
		if a[i].Text == other[i].Text {
			same++
		}
	}
	if same > 0 {
		t.Errorf("seeds 42 and 43 share %d of 50 articles", same)
	}
}

// layout is the corpus's article layout: optional breadcrumb, headline,
// date line, source line, then the body.
var layout = regexp.MustCompile(`^(?:Home>[A-Za-z ]+\n\n)?([^\n]+)\n\nUpdated : (\d{4}-\d{2}-\d{2})\n\nBy \( [^\n]+ \)\n\n\S`)

func TestArticles(t *testing.T) {
	const n = 2000
	names := make(map[string]bool)
	seenMetrics := make(map[string]bool)
	for a := range gen.Articles(1, n) {
		if names[a.Name] || !strings.HasPrefix(a.Name, "gen-") || !strings.HasSuffix(a.Name, ".txt") {
			t.Fatalf("bad or repeated name %q", a.Name)
		}
		names[a.Name] = true
		m := layout.FindStringSubmatch(a.Text)
		if m == nil {
			t.Fatalf("%s: not in the corpus layout:\n%s", a.Name, a.Text)
		}
		if m[1] != a.Title || m[2] != a.Published.Format("2006-01-02") {
			t.Errorf("%s: header says %q, %s; Article says %q, %s", a.Name, m[1], m[2], a.Title, a.Published.Format("2006-01-02"))
		}
		if len(a.Text) < 1500 || len(a.Text) > 3000 {
			t.Errorf("%s: %d bytes, want 1.5-3 KB", a.Name, len(a.Text))
		}
		if len(a.Facts) < 10 || len(a.Facts) > 30 {
			t.Errorf("%s: %d facts, want 10-30", a.Name, len(a.Facts))
		}
		for _, f := range a.Facts {
			checkFact(t, a, f)
			seenMetrics[strings.TrimSuffix(f.Metric, "_growth")] = true
		}
	}
	if len(seenMetrics) < 1000 {
		t.Errorf("only %d distinct metrics in %d articles", len(seenMetrics), n)
	}
}

// checkFact checks a fact against the text it was written into.
func checkFact(t *testing.T, a gen.Article, f gen.Fact) {
	t.Helper()
	if f.Start < 0 || f.Start >= f.End || f.End > len(a.Text) {
		t.Fatalf("%s: fact %+v out of the text", a.Name, f)
	}
	num, err := strconv.ParseFloat(strings.ReplaceAll(a.Text[f.Start:f.End], ",", ""), 64)
	if err != nil {
		t.Fatalf("%s: fact %+v spans %q, not a number", a.Name, f, a.Text[f.Start:f.End])
	}
	value := f.Value
	if value < 0 {
		value = -value
	}
	if ratio := value / num; !isPowerOfTen(ratio) {
		t.Errorf("%s: fact value %g but text %q", a.Name, f.Value, a.Text[f.Start:f.End])
	}
	switch {
	case f.Year < 2000 || f.Year > 2025:
		t.Errorf("%s: year %d out of 2000-2025", a.Name, f.Year)
	case !slices.Contains([]string{"year", "Q1", "H1", "Q1-Q3"}, f.Period):
		t.Errorf("%s: period %q", a.Name, f.Period)
	case !slices.Contains([]string{"exact", "approx", "min", "max"}, f.Qualifier):
		t.Errorf("%s: qualifier %q", a.Name, f.Qualifier)
	case f.Status != "actual" && f.Status != "plan":
		t.Errorf("%s: status %q", a.Name, f.Status)
	case f.Entity == "" || f.Metric == "" || f.Unit == "":
		t.Errorf("%s: incomplete fact %+v", a.Name, f)
	case f.Unit == "percent" != strings.HasSuffix(f.Metric, "_growth"):
		t.Errorf("%s: unit %q for metric %q", a.Name, f.Unit, f.Metric)
	case !strings.Contains(a.Text, f.Entity) && !strings.Contains(a.Text, "the "):
		t.Errorf("%s: entity %q not in the text", a.Name, f.Entity)
	}
	if f.Status == "actual" && f.Year > a.Published.Year() {
		t.Errorf("%s: actual figure for %d published %s", a.Name, f.Year, a.Published.Format("2006-01-02"))
	}
}

func isPowerOfTen(x float64) bool {
	for _, p := range []float64{1, 1e3, 1e4, 1e6, 1e9, 1e12} {
		if x > p*0.999999 && x < p*1.000001 {
			return true
		}
	}
	return false
}

func TestOptions(t *testing.T) {
	places := []string{"Alpha", "Beta District", "Gamma County"}
	o := gen.Options{Places: places, FirstYear: 2010, LastYear: 2012}
	for a := range o.Articles(3, 200) {
		for _, f := range a.Facts {
			if !slices.Contains(places, f.Entity) {
				t.Fatalf("%s: entity %q not among the options' places", a.Name, f.Entity)
			}
			if f.Year < 2010 || f.Year > 2013 {
				t.Fatalf("%s: year %d outside 2010-2012 (plans up to the year after publication)", a.Name, f.Year)
			}
			if f.Status == "actual" && f.Year > 2012 {
				t.Fatalf("%s: actual figure for %d", a.Name, f.Year)
			}
		}
		if y := a.Published.Year(); y < 2010 || y > 2013 {
			t.Fatalf("%s: published %d", a.Name, y)
		}
	}
}

func TestCatalogues(t *testing.T) {
	if n := len(gen.Places()); n < 250 || n > 350 {
		t.Errorf("%d places, want about 300", n)
	}
	if n := len(gen.Metrics()); n < 1500 || n > 2500 {
		t.Errorf("%d metrics, want about 2000", n)
	}
	for _, list := range [][]string{gen.Places(), gen.Metrics()} {
		seen := make(map[string]bool)
		for _, s := range list {
			if seen[s] {
				t.Errorf("%q listed twice", s)
			}
			seen[s] = true
		}
	}
}

func TestWriteDir(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "corpus")
	if err := gen.WriteDir(dir, 5, 25); err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 25 || entries[0].Name() != "gen-000001.txt" || entries[24].Name() != "gen-000025.txt" {
		t.Fatalf("wrote %d files, first %q", len(entries), entries[0].Name())
	}
	for a := range gen.Articles(5, 25) {
		data, err := os.ReadFile(filepath.Join(dir, a.Name))
		if err != nil {
			t.Fatal(err)
		}
		if string(data) != a.Text {
			t.Errorf("%s: file differs from the article", a.Name)
		}
	}
}

func TestWriteDirError(t *testing.T) {
	file := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	err := gen.WriteDir(filepath.Join(file, "sub"), 1, 1)
	if err == nil || !strings.HasPrefix(err.Error(), "generate corpus: ") {
		t.Errorf("WriteDir under a file: error = %v", err)
	}
}

// BenchmarkArticles measures generation alone:
//
//	go test -run '^$' -bench Articles ./ingest/gen
func BenchmarkArticles(b *testing.B) {
	bytes := 0
	for b.Loop() {
		for a := range gen.Articles(1, 100) {
			bytes += len(a.Text)
		}
	}
	b.SetBytes(int64(bytes / max(b.N, 1)))
}

func TestAliasFile(t *testing.T) {
	line := regexp.MustCompile(`^(.+) = (.+) @(city|district|area|province|country)$`)
	lines := strings.Split(strings.TrimSuffix(string(gen.AliasFile()), "\n"), "\n")
	if !strings.HasPrefix(lines[0], "#") {
		t.Errorf("first line %q is not a comment", lines[0])
	}
	lines = lines[1:]
	if len(lines) != len(gen.Places()) {
		t.Fatalf("%d alias lines for %d places", len(lines), len(gen.Places()))
	}
	for i, l := range lines {
		m := line.FindStringSubmatch(l)
		if m == nil || m[1] != gen.Places()[i] || m[2] != m[1] {
			t.Errorf("line %q, want one for %q", l, gen.Places()[i])
		}
	}
	got := string(gen.Options{Places: []string{"Alpha", "Beta County", "Gamma New Area"}}.AliasFile())
	want := "# Places of the synthetic corpus (ingest/gen).\nAlpha = Alpha @city\nBeta County = Beta County @district\nGamma New Area = Gamma New Area @area\n"
	if got != want {
		t.Errorf("AliasFile = %q, want %q", got, want)
	}
}
