package rq

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/almanacdb/almanac/ingest/document"
)

func TestParse(t *testing.T) {
	files, _ := filepath.Glob("/work/shared/corpus/*/*.txt")
	for _, f := range files {
		b, _ := os.ReadFile(f)
		a, err := document.ParseText(filepath.Base(f), b)
		if err != nil {
			t.Fatal(err)
		}
		body := a.Text[a.Body.Start:a.Body.End]
		fmt.Printf("== %s | %q | %s | %q\n   BODY[%q ... %q]\n", a.Source, a.Title, a.Published.Format("2006-01-02"), a.Byline, body[:min(60, len(body))], body[max(0, len(body)-60):])
	}
}
