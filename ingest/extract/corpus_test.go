package extract_test

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/almanacdb/almanac/ingest/document"
	"github.com/almanacdb/almanac/ingest/extract"
	"github.com/almanacdb/almanac/store"
)

// corpusDir is the shared annotated corpus, next to the repository.
const corpusDir = "../../../shared/corpus"

// TestCorpusScore extracts the facts of every seeds/ and dev/ article and
// scores them against the gold files with ../shared/tools/score-facts.
// Set ALMANAC_FACTS=path to keep the facts file for a --verbose run.
func TestCorpusScore(t *testing.T) {
	if _, err := os.Stat(corpusDir); err != nil {
		t.Skipf("no corpus at %s: %v", corpusDir, err)
	}
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 is not installed")
	}
	var files []string
	for _, d := range []string{"seeds", "dev"} {
		m, _ := filepath.Glob(filepath.Join(corpusDir, d, "*.txt"))
		files = append(files, m...)
	}
	if len(files) == 0 {
		t.Skip("corpus has no articles")
	}
	var lines []string
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		a, err := document.ParseText(filepath.Base(f), data)
		if err != nil {
			t.Fatal(err)
		}
		res := extract.Extract(a, extract.Options{})
		for _, w := range res.Warnings {
			t.Logf("warning: %s", w)
		}
		for _, fact := range res.Facts {
			if err := fact.Validate(len(a.Text)); err != nil {
				t.Errorf("%s: invalid fact: %v", a.Source, err)
			}
			b, _ := json.Marshal(store.ExportRecord{ // the format almanac export writes
				Document: a.Source, Entity: fact.Entity, Metric: fact.Metric, Year: fact.Year,
				Period: fact.Period.String(), Value: fact.Value, Unit: fact.Unit,
				Qualifier: fact.Qualifier.String(), Status: fact.Status.String(),
			})
			lines = append(lines, string(b))
		}
	}
	out := filepath.Join(t.TempDir(), "facts.jsonl")
	if p := os.Getenv("ALMANAC_FACTS"); p != "" {
		out = p
	}
	if err := os.WriteFile(out, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(py, filepath.Join(corpusDir, "..", "tools", "score-facts"), filepath.Join(corpusDir, "gold"), out, "--json")
	got, err := cmd.Output()
	if err != nil {
		t.Fatalf("score-facts: %v\n%s", err, got)
	}
	var s struct {
		Gold, Matched, Extra, Missed int
		Precision, Recall, F1        float64
		Qualifier                    *float64 `json:"qualifier_accuracy"`
		Status                       *float64 `json:"status_accuracy"`
		Period                       *float64 `json:"period_accuracy"`
	}
	if err := json.Unmarshal(got, &s); err != nil {
		t.Fatalf("score-facts output %q: %v", got, err)
	}
	acc := func(p *float64) float64 {
		if p == nil {
			return 1
		}
		return *p
	}
	t.Logf("gold %d matched %d extra %d missed %d", s.Gold, s.Matched, s.Extra, s.Missed)
	t.Logf("precision %.3f recall %.3f F1 %.3f; accuracy: qualifier %.3f status %.3f period %.3f",
		s.Precision, s.Recall, s.F1, acc(s.Qualifier), acc(s.Status), acc(s.Period))
	if s.F1 < 0.90 {
		t.Errorf("F1 %.3f < 0.90", s.F1)
	}
	if s.Precision < 0.92 {
		t.Errorf("precision %.3f < 0.92", s.Precision)
	}
	for name, v := range map[string]*float64{"qualifier": s.Qualifier, "status": s.Status, "period": s.Period} {
		if acc(v) < 0.90 {
			t.Errorf("%s accuracy %.3f < 0.90", name, acc(v))
		}
	}
}
