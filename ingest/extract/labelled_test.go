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

// TestLabelled scores the extractor on our own articles in testdata/
// that have hand-labelled facts in testdata/labels (the corpus gold
// format of ../shared/corpus/GUIDELINES.md, labelled by those rules, not
// from the extractor's output). It logs precision, recall and the
// accuracies, and with -v the misses and extras; it fails below a floor.
func TestLabelled(t *testing.T) {
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 is not installed")
	}
	scorer := filepath.Join(corpusDir, "..", "tools", "score-facts")
	if _, err := os.Stat(scorer); err != nil {
		t.Skipf("no scorer: %v", err)
	}
	labels, _ := filepath.Glob("testdata/labels/*.json")
	if len(labels) == 0 {
		t.Fatal("no labelled articles")
	}
	var lines []string
	for _, l := range labels {
		f := filepath.Join("testdata", strings.TrimSuffix(filepath.Base(l), ".json")+".txt")
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		a, err := document.ParseText(filepath.Base(f), data)
		if err != nil {
			t.Fatal(err)
		}
		for _, fact := range extract.Extract(a, extract.Options{}).Facts {
			b, _ := json.Marshal(store.ExportRecord{
				Document: a.Source, Entity: fact.Entity, Metric: fact.Metric, Year: fact.Year,
				Period: fact.Period.String(), Value: fact.Value, Unit: fact.Unit,
				Qualifier: fact.Qualifier.String(), Status: fact.Status.String(),
			})
			lines = append(lines, string(b))
		}
	}
	out := filepath.Join(t.TempDir(), "facts.jsonl")
	if err := os.WriteFile(out, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if testing.Verbose() {
		v, _ := exec.Command(py, scorer, "testdata/labels", out, "--verbose").CombinedOutput()
		t.Logf("\n%s", v)
	}
	got, err := exec.Command(py, scorer, "testdata/labels", out, "--json").Output()
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
	t.Logf("labelled: gold %d matched %d extra %d missed %d: precision %.3f recall %.3f F1 %.3f; qualifier %.3f status %.3f period %.3f",
		s.Gold, s.Matched, s.Extra, s.Missed, s.Precision, s.Recall, s.F1, acc(s.Qualifier), acc(s.Status), acc(s.Period))
	if s.F1 < labelledFloor {
		t.Errorf("F1 %.3f < %.2f on the labelled articles", s.F1, labelledFloor)
	}
}

// labelledFloor is the F1 below which TestLabelled fails.
const labelledFloor = 0.9
