package extract_test

import (
	"bytes"
	"math"
	"strings"
	"testing"

	"github.com/almanacdb/almanac/ingest/document"
	"github.com/almanacdb/almanac/ingest/extract"
	"github.com/almanacdb/almanac/ingest/gen"
	"github.com/almanacdb/almanac/ingest/resolve"
	"github.com/almanacdb/almanac/store"
)

// genLookup is the built-in table with the generated corpus's places.
func genLookup(tb testing.TB) resolve.Lookup {
	tb.Helper()
	l, err := resolve.ParseAliases("gen-aliases", bytes.NewReader(gen.AliasFile()), resolve.Builtin())
	if err != nil {
		tb.Fatal(err)
	}
	return l
}

// TestGenerated measures the extractor on synthetic articles with known
// facts (package gen), a second corpus written independently of the
// rules here. It logs the figures and fails below a floor a little under
// the level reached (0.761 when set).
func TestGenerated(t *testing.T) {
	lookup := genLookup(t)
	var gold, found, extracted int
	var qualOK, statOK, perOK int
	for ga := range gen.Articles(7, 60) {
		a, err := document.ParseText(ga.Name, []byte(ga.Text))
		if err != nil {
			t.Fatal(err)
		}
		res := extract.Extract(a, extract.Options{Lookup: lookup})
		extracted += len(res.Facts)
		used := make([]bool, len(res.Facts))
		for _, g := range ga.Facts {
			gold++
			for i, f := range res.Facts {
				if used[i] || !genMatch(g, f) {
					continue
				}
				used[i] = true
				found++
				if f.Qualifier.String() == g.Qualifier {
					qualOK++
				}
				if f.Status.String() == g.Status {
					statOK++
				}
				if f.Period.String() == g.Period {
					perOK++
				}
				break
			}
		}
	}
	p, r := float64(found)/float64(max(extracted, 1)), float64(found)/float64(max(gold, 1))
	f1 := 2 * p * r / math.Max(p+r, 1e-9)
	t.Logf("generated corpus: gold %d extracted %d matched %d: precision %.3f recall %.3f F1 %.3f; qualifier %.3f status %.3f period %.3f",
		gold, extracted, found, p, r, f1, float64(qualOK)/float64(max(found, 1)), float64(statOK)/float64(max(found, 1)), float64(perOK)/float64(max(found, 1)))
	if f1 < 0.72 {
		t.Errorf("F1 %.3f on the generated corpus", f1)
	}
}

// genMatch matches as score-facts does: entity, year and unit agree, the
// value is within 0.5 %, and every word of the gold metric but stop
// words is in the extracted one (plural s ignored).
func genMatch(g gen.Fact, f store.Fact) bool {
	if !strings.EqualFold(g.Entity, f.Entity) || g.Year != f.Year || !strings.EqualFold(g.Unit, f.Unit) {
		return false
	}
	if math.Abs(g.Value-f.Value) > 0.005*math.Abs(g.Value) {
		return false
	}
	have := map[string]bool{}
	for _, w := range strings.Split(f.Metric, "_") {
		have[strings.TrimSuffix(w, "s")] = true
	}
	// The extractor names companies and firms "enterprises".
	gm := strings.NewReplacer("companies", "enterprises", "company", "enterprise").Replace(g.Metric)
	for _, w := range strings.Split(gm, "_") {
		switch w {
		case "of", "and", "the", "in", "for", "a", "an", "to", "at", "by", "with", "on":
			continue
		}
		if !have[strings.TrimSuffix(w, "s")] {
			return false
		}
	}
	return true
}

// BenchmarkExtract measures Extract (with ParseText) over generated
// articles: go test ./ingest/extract -run XXX -bench Extract
func BenchmarkExtract(b *testing.B) {
	lookup := genLookup(b)
	var arts []document.Article
	var size int64
	for ga := range gen.Articles(11, 200) {
		a, err := document.ParseText(ga.Name, []byte(ga.Text))
		if err != nil {
			b.Fatal(err)
		}
		arts = append(arts, a)
		size += int64(len(ga.Text))
	}
	b.SetBytes(size)
	b.ResetTimer()
	for b.Loop() {
		for _, a := range arts {
			extract.Extract(a, extract.Options{Lookup: lookup})
		}
	}
}
