package extract_test

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestLabelled scores the extractor on our own articles in testdata/
// that have hand-labelled facts in testdata/labels (the corpus gold
// format of ../shared/corpus/GUIDELINES.md, labelled by those rules, not
// from the extractor's output). It logs precision, recall and the
// accuracies, and with -v the misses and extras; it fails below a floor.
func TestLabelled(t *testing.T) {
	labels, _ := filepath.Glob("testdata/labels/*.json")
	if len(labels) == 0 {
		t.Fatal("no labelled articles")
	}
	var files []string
	for _, l := range labels {
		files = append(files, filepath.Join("testdata", strings.TrimSuffix(filepath.Base(l), ".json")+".txt"))
	}
	s := scoreArticles(t, files, "testdata/labels", "")
	t.Logf("labelled: %s", s)
	if s.F1 < labelledFloor {
		t.Errorf("F1 %.3f < %.2f on the labelled articles", s.F1, labelledFloor)
	}
}

// labelledFloor is the F1 below which TestLabelled fails: a guard against
// regressions a little under the level reached (0.857 when set), not the
// issue's target of 0.90.
const labelledFloor = 0.83

// TestFresh scores the ten articles of testdata/fresh, written and
// labelled from the guidelines by someone who had not seen the
// extractor's output. Their first-contact F1 was 0.620; rules have been
// written for them since, so the figure is no longer blind (README.md
// there). It fails below a floor under the level reached.
func TestFresh(t *testing.T) {
	files, _ := filepath.Glob("testdata/fresh/*.txt")
	if len(files) == 0 {
		t.Fatal("no fresh articles")
	}
	s := scoreArticles(t, files, "testdata/fresh/gold", "")
	t.Logf("fresh: %s", s)
	if s.F1 < freshFloor {
		t.Errorf("F1 %.3f < %.2f on the fresh articles", s.F1, freshFloor)
	}
}

// freshFloor is TestFresh's floor: a little under the 0.812 reached when
// it was set.
const freshFloor = 0.78
