package extract_test

import (
	"os"
	"path/filepath"
	"testing"
)

// corpusSet is an annotated set of ../shared/corpus and the floors its
// score must stay above. The floors guard against regressions a little
// under the level the extractor has reached (seeds+dev F1 0.919, P 0.919;
// dev2, all 40, F1 0.806, P 0.859, when set); issue 9's targets (F1 0.90, precision
// 0.92, accuracies 0.90) are higher, and ALMANAC_TARGETS=1 holds the test
// to them.
type corpusSet struct {
	name     string
	dirs     []string
	gold     string
	f1, prec float64
	accuracy float64
}

var corpusSets = []corpusSet{
	{name: "seeds+dev", dirs: []string{"seeds", "dev"}, gold: "gold", f1: 0.90, prec: 0.90, accuracy: 0.90},
	{name: "dev2", dirs: []string{"dev2"}, gold: "gold2", f1: 0.79, prec: 0.84, accuracy: 0.90},
}

// TestCorpusScore extracts the facts of every article of each corpus set
// and scores them against the gold files with ../shared/tools/score-facts.
// Set ALMANAC_FACTS=DIR to keep each set's facts file for a --verbose run.
func TestCorpusScore(t *testing.T) {
	if _, err := os.Stat(corpusDir); err != nil {
		t.Skipf("no corpus at %s: %v", corpusDir, err)
	}
	targets := os.Getenv("ALMANAC_TARGETS") != ""
	for _, set := range corpusSets {
		t.Run(set.name, func(t *testing.T) {
			var files []string
			for _, d := range set.dirs {
				m, _ := filepath.Glob(filepath.Join(corpusDir, d, "*.txt"))
				files = append(files, m...)
			}
			if len(files) == 0 {
				t.Skip("no articles")
			}
			out := ""
			if dir := os.Getenv("ALMANAC_FACTS"); dir != "" {
				out = filepath.Join(dir, set.name+".jsonl")
			}
			s := scoreArticles(t, files, filepath.Join(corpusDir, set.gold), out)
			t.Logf("%s: %s", set.name, s)
			f1, prec, acc := set.f1, set.prec, set.accuracy
			if targets {
				f1, prec, acc = 0.90, 0.92, 0.90
			}
			if s.F1 < f1 {
				t.Errorf("F1 %.3f < %.2f", s.F1, f1)
			}
			if s.Precision < prec {
				t.Errorf("precision %.3f < %.2f", s.Precision, prec)
			}
			for name, v := range map[string]*float64{"qualifier": s.Qualifier, "status": s.Status, "period": s.Period} {
				if accuracy(v) < acc {
					t.Errorf("%s accuracy %.3f < %.2f", name, accuracy(v), acc)
				}
			}
		})
	}
}
