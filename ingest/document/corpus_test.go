package document_test

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/almanacdb/almanac/ingest/document"
)

// corpusDir is the shared annotated corpus, next to the repository.
const corpusDir = "../../../shared/corpus"

// corpusSets are the corpus articles this package reads: dev2's d2d
// articles are held out, and so are never read here.
var corpusSets = []string{"seeds/*.txt", "dev/*.txt", "dev2/d2a*.txt", "dev2/d2b*.txt", "dev2/d2c*.txt"}

// TestCorpusLayout parses each corpus article that has a gold file and
// checks two things the layout decides. The date: the gold's published
// date when the text writes it, none when it does not (a date only in the
// page's address came from outside the text, see GUIDELINES.md). The
// paragraphs: every gold fact's value is a number in some paragraph, so
// that no caption, teaser, byline or furniture rule has swallowed article
// text. Teasers' figures are the gold's optional facts and are not checked.
func TestCorpusLayout(t *testing.T) {
	var files []string
	for _, pat := range corpusSets {
		m, _ := filepath.Glob(filepath.Join(corpusDir, pat))
		files = append(files, m...)
	}
	if len(files) == 0 {
		t.Skipf("no corpus at %s", corpusDir)
	}
	articles, dated, values := 0, 0, 0
	for _, f := range files {
		base := strings.TrimSuffix(filepath.Base(f), ".txt")
		if strings.HasPrefix(base, "d2d") {
			t.Fatalf("%s is held out", base)
		}
		goldDir := "gold"
		if strings.HasPrefix(base, "d2") {
			goldDir = "gold2"
		}
		g, err := readGold(filepath.Join(corpusDir, goldDir, base+".json"))
		if os.IsNotExist(err) {
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		a, err := document.ParseText(filepath.Base(f), data)
		if err != nil {
			t.Errorf("%s: %v", base, err)
			continue
		}
		articles++
		checkContract(t, a)

		want := time.Time{}
		if writesDate(a.Text, g.published) {
			want = g.published
			dated++
		}
		if !a.Published.Equal(want) {
			t.Errorf("%s: published %s, want %s (gold %s)", base, dateString(a.Published), dateString(want), dateString(g.published))
		}

		var inText, inParas []float64
		inText = numbersIn(a.Text)
		for _, p := range a.Paras {
			inParas = append(inParas, numbersIn(a.Text[p.Start:p.End])...)
		}
		for _, v := range g.values {
			switch {
			case !near(inText, v):
				t.Errorf("%s: gold value %v is not written in the text as this test reads numbers", base, v)
			case !near(inParas, v):
				t.Errorf("%s: gold value %v is in no paragraph", base, v)
			default:
				values++
			}
		}
	}
	t.Logf("%d articles (%d with a date in the text), %d gold values in paragraphs", articles, dated, values)
	if articles == 0 {
		t.Fatalf("no article of %s has a gold file", corpusDir)
	}
}

// gold is what TestCorpusLayout reads of a gold file.
type gold struct {
	published time.Time
	values    []float64 // the facts' values, not the optional ones
}

func readGold(path string) (gold, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return gold{}, err
	}
	var raw struct {
		Published string
		Facts     []struct{ Value float64 }
	}
	if err := json.Unmarshal(data, &raw); err != nil {
		return gold{}, fmt.Errorf("%s: %w", path, err)
	}
	var g gold
	if g.published, err = time.Parse("2006-01-02", raw.Published); err != nil {
		return gold{}, fmt.Errorf("%s: published: %w", path, err)
	}
	for _, f := range raw.Facts {
		g.values = append(g.values, math.Abs(f.Value))
	}
	return g, nil
}

func dateString(t time.Time) string {
	if t.IsZero() {
		return "none"
	}
	return t.Format("2006-01-02")
}

// writesDate reports whether text writes day d in full, year included,
// in any of the usual forms. It is the test's own reading, apart from the
// parser's.
func writesDate(text string, d time.Time) bool {
	y, m, day := d.Year(), int(d.Month()), d.Day()
	num := func(n int) string { return fmt.Sprintf("0?%d", n) }
	sep := `\s*[-/.]\s*`
	full := d.Month().String()
	month := "(?:" + full + "|" + full[:3] + `\.?` + ")"
	if d.Month() == time.September {
		month = `(?:September|Sept?\.?)`
	}
	ord := `(?:st|nd|rd|th)?`
	for _, p := range []string{
		fmt.Sprintf(`\b%d%s%s%s%s\b`, y, sep, num(m), sep, num(day)),
		fmt.Sprintf(`\b%s%s%s%s%d\b`, num(m), sep, num(day), sep, y),
		fmt.Sprintf(`\b%s%s%s%s%d\b`, num(day), sep, num(m), sep, y),
		fmt.Sprintf(`(?i)\b%s\s+%s%s,?\s+%d\b`, month, num(day), ord, y),
		fmt.Sprintf(`(?i)\b%s%s\s+(?:of\s+)?%s,?\s+%d\b`, num(day), ord, month, y),
	} {
		if regexp.MustCompile(p).MatchString(text) {
			return true
		}
	}
	return false
}

var (
	digitsRE = regexp.MustCompile(`(\d[\d,]*(?:\.\d+)?)(?:\s*(thousand|million|billion|trillion|mln|bln|bn|m|b|k)\b)?`)
	wordsRE  = regexp.MustCompile(`(?i)\b([a-z]+)(?:-([a-z]+))?(?:\s+(hundred|thousand|million|billion))?\b`)
	scales   = map[string]float64{"hundred": 1e2, "thousand": 1e3, "k": 1e3, "million": 1e6, "mln": 1e6, "m": 1e6,
		"billion": 1e9, "bln": 1e9, "bn": 1e9, "b": 1e9, "trillion": 1e12}
	numberWords = map[string]float64{"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
		"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
		"fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
		"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
)

// numbersIn returns the numbers written in s, each as written and, with
// a scale word after it, scaled ("4.2 billion" gives 4.2 and 4.2e9);
// number words up to ninety-nine count too.
func numbersIn(s string) []float64 {
	var out []float64
	for _, m := range digitsRE.FindAllStringSubmatch(s, -1) {
		v, err := strconv.ParseFloat(strings.ReplaceAll(m[1], ",", ""), 64)
		if err != nil {
			continue
		}
		out = append(out, v)
		if m[2] != "" {
			out = append(out, v*scales[m[2]])
		}
	}
	for _, m := range wordsRE.FindAllStringSubmatch(s, -1) {
		v, ok := numberWords[strings.ToLower(m[1])]
		if !ok {
			continue
		}
		v += numberWords[strings.ToLower(m[2])]
		out = append(out, v)
		if m[3] != "" {
			out = append(out, v*scales[strings.ToLower(m[3])])
		}
	}
	return out
}

// near reports whether some number of ns is v within the scorer's 0.5 %.
func near(ns []float64, v float64) bool {
	for _, n := range ns {
		if math.Abs(n-v) <= 0.005*v+1e-9 {
			return true
		}
	}
	return false
}
