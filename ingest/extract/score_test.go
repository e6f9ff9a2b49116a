package extract_test

import (
	"encoding/json"
	"fmt"
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

// score is what ../shared/tools/score-facts --json reports.
type score struct {
	Gold, Matched, Extra, Missed int
	Precision, Recall, F1        float64
	Qualifier                    *float64 `json:"qualifier_accuracy"`
	Status                       *float64 `json:"status_accuracy"`
	Period                       *float64 `json:"period_accuracy"`
}

// accuracy reads an accuracy that score-facts leaves out when nothing matched.
func accuracy(p *float64) float64 {
	if p == nil {
		return 1
	}
	return *p
}

func (s score) String() string {
	return fmt.Sprintf("gold %d matched %d extra %d missed %d: precision %.3f recall %.3f F1 %.3f; accuracy: qualifier %.3f status %.3f period %.3f",
		s.Gold, s.Matched, s.Extra, s.Missed, s.Precision, s.Recall, s.F1,
		accuracy(s.Qualifier), accuracy(s.Status), accuracy(s.Period))
}

// scoreArticles extracts the facts of each plain-text article, writes them
// in the format almanac export writes, and scores them against goldDir
// with score-facts (skipping the test when python3 or the scorer is
// missing). out names the facts file; "" means a temporary one. With -v the
// scorer's per-fact report is logged.
func scoreArticles(t *testing.T, files []string, goldDir, out string) score {
	t.Helper()
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 is not installed")
	}
	scorer := filepath.Join(corpusDir, "..", "tools", "score-facts")
	if _, err := os.Stat(scorer); err != nil {
		t.Skipf("no scorer: %v", err)
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
			t.Logf("warning: %s: %s", a.Source, w)
		}
		for _, fact := range res.Facts {
			if err := fact.Validate(len(a.Text)); err != nil {
				t.Errorf("%s: invalid fact: %v", a.Source, err)
			}
			b, _ := json.Marshal(store.ExportRecord{
				Document: a.Source, Entity: fact.Entity, Metric: fact.Metric, Year: fact.Year,
				Period: fact.Period.String(), Value: fact.Value, Unit: fact.Unit,
				Qualifier: fact.Qualifier.String(), Status: fact.Status.String(),
			})
			lines = append(lines, string(b))
		}
	}
	if out == "" {
		out = filepath.Join(t.TempDir(), "facts.jsonl")
	}
	if err := os.WriteFile(out, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if testing.Verbose() {
		v, _ := exec.Command(py, scorer, goldDir, out, "--verbose").CombinedOutput()
		t.Logf("\n%s", v)
	}
	got, err := exec.Command(py, scorer, goldDir, out, "--json").Output()
	if err != nil {
		t.Fatalf("score-facts: %v\n%s", err, got)
	}
	var s score
	if err := json.Unmarshal(got, &s); err != nil {
		t.Fatalf("score-facts output %q: %v", got, err)
	}
	return s
}
