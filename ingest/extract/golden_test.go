package extract_test

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/almanacdb/almanac/ingest/document"
	"github.com/almanacdb/almanac/ingest/extract"
	"github.com/almanacdb/almanac/ingest/resolve"
)

var update = flag.Bool("update", false, "rewrite the expected facts in testdata/*.json")

// goldenFact is a fact as testdata/*.json lists it.
type goldenFact struct {
	Entity    string  `json:"entity"`
	Metric    string  `json:"metric"`
	Year      int     `json:"year"`
	Period    string  `json:"period"`
	Value     float64 `json:"value"`
	Unit      string  `json:"unit"`
	Qualifier string  `json:"qualifier"`
	Status    string  `json:"status"`
	Text      string  `json:"text"` // the number as written
}

// TestGolden extracts the labelled articles of testdata/ (our own text,
// in the plain-text layout) and compares the facts with the .json file
// next to each. Run with -update to rewrite them, and review the diff.
func TestGolden(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.txt")
	if len(files) == 0 {
		t.Fatal("no testdata articles")
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			a, err := document.ParseText(filepath.Base(f), data)
			if err != nil {
				t.Fatal(err)
			}
			res := extract.Extract(a, extract.Options{})
			got := []goldenFact{}
			for _, x := range res.Facts {
				if err := x.Validate(len(a.Text)); err != nil {
					t.Errorf("invalid fact: %v", err)
				}
				if a.Text[x.SentenceStart:x.SentenceEnd] != x.Sentence {
					t.Errorf("fact %s: sentence does not match its span", x.Metric)
				}
				got = append(got, goldenFact{x.Entity, x.Metric, x.Year, x.Period.String(), x.Value, x.Unit,
					x.Qualifier.String(), x.Status.String(), a.Text[x.Start:x.End]})
			}
			golden := strings.TrimSuffix(f, ".txt") + ".json"
			if *update {
				b, _ := json.MarshalIndent(got, "", "  ")
				if err := os.WriteFile(golden, append(b, '\n'), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			b, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update)", err)
			}
			var want []goldenFact
			if err := json.Unmarshal(b, &want); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("facts (-want +got):\n%s", diff)
			}
		})
	}
}

// TestNoDate checks that without any publication date only figures with a
// stated year are kept, with a warning.
func TestNoDate(t *testing.T) {
	text := "Harbin pursues growth\n\nIn 2020, Harbin had 2,360 software enterprises. Last year it added 14 laboratories.\n"
	a, err := document.ParseText("nodate.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	res := extract.Extract(a, extract.Options{})
	var got []string
	for _, f := range res.Facts {
		got = append(got, f.Metric)
	}
	if diff := cmp.Diff([]string{"software_enterprises"}, got); diff != "" {
		t.Errorf("metrics (-want +got):\n%s", diff)
	}
	if len(res.Warnings) == 0 {
		t.Error("no warning about the missing date")
	}
	// With a date passed in, "last year" resolves.
	res = extract.Extract(a, extract.Options{Published: time.Date(2021, 3, 1, 0, 0, 0, 0, time.UTC)})
	if len(res.Facts) != 2 || res.Facts[1].Year != 2020 {
		t.Errorf("with Options.Published: got %+v", res.Facts)
	}
}

// TestAliases checks that Result.Aliases lists the other names an
// article gives its facts' entities, and no references or generic forms.
func TestAliases(t *testing.T) {
	var l resolve.Table
	l.Add("Jixi New Zone", "Jixi New Area", resolve.Area)
	l.Add("Jixi", "Jixi", resolve.City)
	l.Add("Suihua", "Suihua", resolve.City)
	text := "Jixi New Zone draws software firms\n\nUpdated : 2022-04-02\n\n" +
		"Jixi New Zone had 420 software firms in 2021. The Jixi New Area also opened 9 labs in 2021, and the zone plans 12 more.\n\n" +
		"Jixi city had 75 parks in 2021. Suihua, a city near Jixi, is not counted.\n"
	a, err := document.ParseText("alias.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	res := extract.Extract(a, extract.Options{Lookup: &l})
	want := map[string][]string{"Jixi New Area": {"Jixi New Zone"}}
	if diff := cmp.Diff(want, res.Aliases); diff != "" {
		t.Errorf("aliases (-want +got):\n%s", diff)
	}
}
