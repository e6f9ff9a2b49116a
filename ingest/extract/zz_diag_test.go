package extract_test

import (
	"fmt"
	"testing"

	"github.com/almanacdb/almanac/ingest/document"
	"github.com/almanacdb/almanac/ingest/extract"
	"github.com/almanacdb/almanac/ingest/gen"
)

func TestDiagGen(t *testing.T) {
	lookup := genLookup(t)
	for ga := range gen.Articles(7, 8) {
		a, _ := document.ParseText(ga.Name, []byte(ga.Text))
		res := extract.Extract(a, extract.Options{Lookup: lookup})
		used := make([]bool, len(res.Facts))
		for _, g := range ga.Facts {
			ok := false
			for i, f := range res.Facts {
				if !used[i] && genMatch(g, f) {
					used[i], ok = true, true
					break
				}
			}
			if !ok {
				fmt.Printf("MISS %s | %s %d %v %s | %q\n", g.Entity, g.Metric, g.Year, g.Value, g.Unit, sentenceAround(ga.Text, g.Start))
			}
		}
		for i, f := range res.Facts {
			if !used[i] {
				fmt.Printf("  EXTRA %s | %s %d %v %s\n", f.Entity, f.Metric, f.Year, f.Value, f.Unit)
			}
		}
	}
}

func sentenceAround(text string, off int) string {
	s, e := off, off
	for s > 0 && text[s-1] != '.' && text[s-1] != '\n' {
		s--
	}
	for e < len(text) && text[e] != '.' && text[e] != '\n' {
		e++
	}
	return text[s:e]
}
