package document_test

import (
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"

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

func TestParse(t *testing.T) {
	const text = "Home>Biz updates\n\nDaqing builds parks\n\nUpdated : 2024-08-26\n\nBy ( e.example.com )\n\nDaqing built 12 parks in 2023.\n"
	const page = "<title>Daqing builds parks</title><p>Daqing built 12 parks in 2023.</p>"
	const lines = `{"title":"Daqing builds parks","published":"2024-08-26","body":"Daqing built 12 parks in 2023."}` + "\n" +
		`{"title":"Bad"}` + "\n" +
		`{"title":"Daqing builds roads","published":"2024-08-27","body":"Daqing built 40 km of roads."}` + "\n"
	tests := []struct {
		name, data string
		titles     []string
		err        string
	}{
		{"a.txt", text, []string{"Daqing builds parks"}, ""},
		{"a", page, []string{"Daqing builds parks"}, ""},
		{"a.html", page, []string{"Daqing builds parks"}, ""},
		{"a.jsonl", lines, []string{"Daqing builds parks", "Daqing builds roads"}, "a.jsonl:2: missing body"},
		{"a.txt", "", nil, "a.txt: empty input"},
		{"a.html", "<nav>menu</nav>", nil, "a.html: no article text found in the page"},
		{"a.jsonl", "\x00\x01", nil, "a.jsonl: looks binary (NUL byte at offset 0)"},
		{"a.txt", "T\x00i\x00t\x00l\x00e\x00", nil, "a.txt: looks like UTF-16; convert it to UTF-8"},
		{"a.html", "\x00<\x00p\x00>", nil, "a.html: looks like UTF-16; convert it to UTF-8"},
		{"a.txt", "\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03", nil, "a.txt: looks like gzip data; decompress it first"},
		{"a.jsonl", "PK\x03\x04\x14\x00", nil, "a.jsonl: looks like zip data; decompress it first"},
	}
	for _, tt := range tests {
		arts, err := document.Parse(tt.name, []byte(tt.data))
		var titles []string
		for _, a := range arts {
			titles = append(titles, a.Title)
		}
		if diff := cmp.Diff(tt.titles, titles); diff != "" {
			t.Errorf("Parse(%q) titles mismatch (-want +got):\n%s", tt.name, diff)
		}
		if got := fmt.Sprint(err); err != nil && got != tt.err || err == nil && tt.err != "" {
			t.Errorf("Parse(%q) error = %v, want %q", tt.name, err, tt.err)
		}
	}
}
