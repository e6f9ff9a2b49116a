package extract_test

import (
	"fmt"
	"os"
	"strconv"
	"testing"

	"github.com/almanacdb/almanac/ingest/document"
	"github.com/almanacdb/almanac/ingest/extract"
	"github.com/almanacdb/almanac/ingest/gen"
)

// TestDiagGen prints the misses and extras on generated articles when
// ALMANAC_DIAG is set (a number of articles), for tuning.
func TestDiagGen(t *testing.T) {
	n, _ := strconv.Atoi(os.Getenv("ALMANAC_DIAG"))
	if n == 0 {
		t.Skip("set ALMANAC_DIAG=N to print misses on N generated articles")
	}
	lookup := genLookup(t)
	for ga := range gen.Articles(int64(n), n) {
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
