package extract_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/almanacdb/almanac/ingest/document"
	"github.com/almanacdb/almanac/ingest/extract"
)

// FuzzExtract checks that Extract never fails internally (a recovered
// panic shows as an "internal error" warning) and that every fact it
// returns validates against the text. Seeds are the testdata articles.
func FuzzExtract(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.txt")
	for _, name := range files {
		if b, err := os.ReadFile(name); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte("T\n\nIn 2020, 6-6.5 percent, between 5 and 6 billion yuan ($1 billion), up to 3 km, each 5 yuan."))
	pub := time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := document.ParseText("fuzz.txt", data)
		if err != nil {
			return
		}
		for _, opt := range []extract.Options{{}, {Published: pub}} {
			res := extract.Extract(a, opt)
			for _, w := range res.Warnings {
				if strings.Contains(w, "internal error") {
					t.Fatalf("extract failed: %s", w)
				}
			}
			for _, fact := range res.Facts {
				if err := fact.Validate(len(a.Text)); err != nil {
					t.Fatalf("invalid fact: %v", err)
				}
				if fact.Start < a.Body.Start || fact.End > a.Body.End {
					t.Fatalf("fact %s outside the body", fact.Metric)
				}
			}
		}
	})
}
