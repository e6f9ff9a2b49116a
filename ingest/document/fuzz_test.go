package document_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/almanacdb/almanac/ingest/document"
)

// addSeeds adds every testdata file matching pattern to the fuzz corpus.
func addSeeds(f *testing.F, pattern string) {
	files, err := filepath.Glob(filepath.Join("testdata", pattern))
	if err != nil || len(files) == 0 {
		f.Fatalf("no seeds for %s: %v", pattern, err)
	}
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
}

// checkArticle fails t unless a's spans lie within its text.
func checkArticle(t *testing.T, a document.Article) {
	t.Helper()
	if a.Body.Start < 0 || a.Body.Start > a.Body.End || a.Body.End > len(a.Text) {
		t.Fatalf("Body %+v out of Text of %d bytes", a.Body, len(a.Text))
	}
	if !utf8.ValidString(a.Text) {
		t.Fatalf("Text is not valid UTF-8: %q", a.Text)
	}
	if !utf8.ValidString(a.Text[a.Body.Start:a.Body.End]) {
		t.Fatalf("Body %+v splits a character", a.Body)
	}
	checkContract(t, a)
	for _, p := range a.Paras {
		if !utf8.ValidString(a.Text[p.Start:p.End]) {
			t.Fatalf("paragraph %+v splits a character", p)
		}
	}
	if d := a.Dateline; !utf8.ValidString(a.Text[d.Start:d.End]) {
		t.Fatalf("Dateline %+v splits a character", d)
	}
	if !a.Published.IsZero() && (a.Published.Location() != time.UTC || a.Published.Hour() != 0) {
		t.Fatalf("Published %v is not UTC midnight", a.Published)
	}
}

func FuzzParseHTML(f *testing.F) {
	addSeeds(f, "*.html")
	f.Add([]byte("<p>a<br><br>b</p><time>2024-01-02</time>"))
	f.Add([]byte(`<script type="application/ld+json">{"@graph":[{"author":[{"name":"x"}]}]}</script><p>t</p>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := document.ParseHTML("f.html", data)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "f.html") {
				t.Fatalf("error does not name the source: %v", err)
			}
			return
		}
		checkArticle(t, a)
		if len(a.Paras) == 0 {
			t.Fatalf("no paragraph without an error")
		}
	})
}

func FuzzParseJSONL(f *testing.F) {
	addSeeds(f, "*.jsonl")
	f.Fuzz(func(t *testing.T, data []byte) {
		arts, errs := document.ParseJSONL("f.jsonl", bytes.NewReader(data))
		lines := bytes.Count(data, []byte{'\n'}) + 1
		for _, a := range arts {
			checkArticle(t, a)
			if a.Line < 1 || a.Line > lines {
				t.Fatalf("Line %d outside the input's %d lines", a.Line, lines)
			}
			if a.Source == "" || a.Title == "" {
				t.Fatalf("incomplete article %+v", a)
			}
		}
		for _, err := range errs {
			if !strings.HasPrefix(err.Error(), "f.jsonl:") {
				t.Fatalf("error does not name the source: %v", err)
			}
		}
	})
}
