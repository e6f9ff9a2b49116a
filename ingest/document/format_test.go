package document_test

import (
	"testing"

	"github.com/almanacdb/almanac/ingest/document"
)

func TestDetect(t *testing.T) {
	tests := []struct {
		name, data string
		want       document.Format
	}{
		{"a.txt", "<html>", document.Text}, // the extension wins
		{"a.TXT", "", document.Text},
		{"a.html", "plain words", document.HTML},
		{"dir.v2/a.HTM", "", document.HTML},
		{"a.xhtml", "", document.HTML},
		{"a.jsonl", "", document.JSONL},
		{"a.ndjson", "", document.JSONL},
		{"a.json", "", document.JSONL},
		{"noext", "\ufeff  \n{\"title\":1}", document.JSONL},
		{"noext", "<!DOCTYPE html><html>", document.HTML},
		{"noext", "\n\n<p>hi", document.HTML},
		{"a.dat", "<?xml version=\"1.0\"?><html>", document.HTML},
		{"noext", "Home>Biz updates\n\nHeadline", document.Text},
		{"noext", "< 5 percent", document.Text},
		{"noext", "", document.Text},
	}
	for _, tt := range tests {
		if got := document.Detect(tt.name, []byte(tt.data)); got != tt.want {
			t.Errorf("Detect(%q, %q) = %v, want %v", tt.name, tt.data, got, tt.want)
		}
	}
}

func TestFormatString(t *testing.T) {
	for f, want := range map[document.Format]string{
		document.Text: "text", document.HTML: "html", document.JSONL: "jsonl", 7: "format(7)",
	} {
		if got := f.String(); got != want {
			t.Errorf("Format(%d).String() = %q, want %q", int(f), got, want)
		}
	}
}
