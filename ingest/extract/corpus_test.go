package extract_test

import (
	"os"
	"path/filepath"
	"testing"
)

// TestCorpusScore extracts the facts of every seeds/ and dev/ article and
// scores them against the gold files with ../shared/tools/score-facts.
// Set ALMANAC_FACTS=path to keep the facts file for a --verbose run.
func TestCorpusScore(t *testing.T) {
	if _, err := os.Stat(corpusDir); err != nil {
		t.Skipf("no corpus at %s: %v", corpusDir, err)
	}
	var files []string
	for _, d := range []string{"seeds", "dev"} {
		m, _ := filepath.Glob(filepath.Join(corpusDir, d, "*.txt"))
		files = append(files, m...)
	}
	if len(files) == 0 {
		t.Skip("corpus has no articles")
	}
	s := scoreArticles(t, files, filepath.Join(corpusDir, "gold"), os.Getenv("ALMANAC_FACTS"))
	t.Logf("corpus: %s", s)
	if s.F1 < 0.90 {
		t.Errorf("F1 %.3f < 0.90", s.F1)
	}
	if s.Precision < 0.92 {
		t.Errorf("precision %.3f < 0.92", s.Precision)
	}
	for name, v := range map[string]*float64{"qualifier": s.Qualifier, "status": s.Status, "period": s.Period} {
		if accuracy(v) < 0.90 {
			t.Errorf("%s accuracy %.3f < 0.90", name, accuracy(v))
		}
	}
}
