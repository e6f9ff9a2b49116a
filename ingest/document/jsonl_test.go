package document_test

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/almanacdb/almanac/ingest/document"
)

func errStrings(errs []error) []string {
	var s []string
	for _, e := range errs {
		s = append(s, e.Error())
	}
	return s
}

// whole returns the one paragraph of a text of n bytes.
func whole(n int) []document.Span { return []document.Span{{Start: 0, End: n}} }

func TestParseJSONLFiles(t *testing.T) {
	tests := []struct {
		file     string
		want     []document.Article
		wantErrs []string
	}{
		{
			file: "good.jsonl",
			want: []document.Article{
				{
					Source: "https://news.example.com/a1", Title: "Harbin sets up 300 new 5G base stations",
					Published: date(2024, 3, 5), Byline: "City News", URL: "https://news.example.com/a1",
					Text: "Harbin set up 300 new 5G base stations in February.\n\nThe city plans 4,500 more this year.",
					Body: document.Span{Start: 0, End: 89}, Line: 1,
					Paras: []document.Span{{Start: 0, End: 51}, {Start: 53, End: 89}},
				},
				{
					Source: "good.jsonl#3", Title: "Daqing oil output steady", Published: date(2023, 12, 29),
					Text: "  Daqing Oilfield produced 30 million tonnes of crude in 2023.  \n",
					Body: document.Span{Start: 2, End: 62}, Line: 3, Paras: []document.Span{{Start: 2, End: 62}},
				},
			},
		},
		{
			file: "mixed.jsonl",
			want: []document.Article{
				{Source: "mixed.jsonl#1", Title: "First good record", Published: date(2022, 5, 1),
					Text: "Harbin had 1,000 parks.", Body: document.Span{Start: 0, End: 23}, Line: 1, Paras: whole(23)},
				{Source: "mixed.jsonl#8", Title: "Last good record", Published: date(2022, 5, 2),
					Text: "Daqing had 2,000 parks.", Body: document.Span{Start: 0, End: 23}, Line: 8, Paras: whole(23)},
			},
			wantErrs: []string{
				"testdata/mixed.jsonl:2: missing body",
				"testdata/mixed.jsonl:3: invalid JSON at column 64: unexpected end of JSON input",
				`testdata/mixed.jsonl:4: published "yesterday" is not a date (want YYYY-MM-DD or RFC 3339)`,
				"testdata/mixed.jsonl:5: record is a JSON array, want an object",
				`testdata/mixed.jsonl:6: field "title" is a JSON number, want a string`,
			},
		},
		{
			file: "crlf.jsonl",
			want: []document.Article{
				{Source: "crlf.jsonl#1", Title: "CRLF", Published: date(2020, 1, 2),
					Text: "One line.", Body: document.Span{Start: 0, End: 9}, Line: 1, Paras: whole(9)},
				{Source: "crlf.jsonl#2", Title: "No newline", Published: date(2020, 1, 3),
					Text: "Two lines.", Body: document.Span{Start: 0, End: 10}, Line: 2, Paras: whole(10)},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			path := filepath.Join("testdata", tt.file)
			f, err := os.Open(path)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			got, errs := document.ParseJSONL(path, f)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("articles mismatch (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.wantErrs, errStrings(errs)); diff != "" {
				t.Errorf("errors mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestParseJSONLErrors(t *testing.T) {
	const good = `{"title":"T","published":"2024-01-02","body":"B"}`
	tests := []struct {
		name     string
		in       string
		wantN    int // good articles
		wantErrs []string
	}{
		{"empty", "", 0, []string{"f.jsonl: empty input"}},
		{"blank lines", "\n  \n\r\n", 0, []string{"f.jsonl: empty input"}},
		{"gzip", "\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03", 0, []string{"f.jsonl: looks like gzip data; decompress it first"}},
		{"utf-16", "\xff\xfe{\x00", 0, []string{"f.jsonl: looks like UTF-16; convert it to UTF-8"}},
		{"byte order mark", "\ufeff" + good, 1, nil},
		{"invalid utf-8", good + "\n" + `{"title":"caf` + "\xe9" + `"}` + "\n" + good, 2,
			[]string{"f.jsonl:2: invalid UTF-8 at column 14"}},
		{"nul escape", `{"title":"T","published":"2024-01-02","body":"a\u0000b"}`, 0,
			[]string{"f.jsonl:1: text holds a NUL character"}},
		{"missing fields", `{"url":"https://x"}`, 0, []string{"f.jsonl:1: missing title, body"}},
		{"null fields", `{"title":null,"published":"2024-01-02","body":"B"}`, 0, []string{"f.jsonl:1: missing title"}},
		{"trailing garbage", good + " x", 0,
			[]string{"f.jsonl:1: invalid JSON at column 52: invalid character 'x' after top-level value"}},
		{"string record", `"just a string"`, 0, []string{"f.jsonl:1: record is a JSON string, want an object"}},
		{"object body", `{"title":"T","published":"2024-01-02","body":{"text":"B"}}`, 0,
			[]string{`f.jsonl:1: field "body" is a JSON object, want a string`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, errs := document.ParseJSONL("f.jsonl", strings.NewReader(tt.in))
			if len(got) != tt.wantN {
				t.Errorf("got %d articles, want %d", len(got), tt.wantN)
			}
			if diff := cmp.Diff(tt.wantErrs, errStrings(errs)); diff != "" {
				t.Errorf("errors mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// hugeRecord is a reader of one JSON lines record far over MaxSize and
// then a good record, made up as it is read so the test holds little.
type hugeRecord struct {
	prefix, suffix []byte
	filler         int64
}

func (h *hugeRecord) Read(p []byte) (int, error) {
	n := 0
	for n < len(p) {
		switch {
		case len(h.prefix) > 0:
			c := copy(p[n:], h.prefix)
			h.prefix = h.prefix[c:]
			n += c
		case h.filler > 0:
			c := int64(len(p) - n)
			if c > h.filler {
				c = h.filler
			}
			for i := range p[n : n+int(c)] {
				p[n+i] = 'a'
			}
			h.filler -= c
			n += int(c)
		case len(h.suffix) > 0:
			c := copy(p[n:], h.suffix)
			h.suffix = h.suffix[c:]
			n += c
		default:
			if n == 0 {
				return 0, io.EOF
			}
			return n, nil
		}
	}
	return n, nil
}

func TestParseJSONLHugeRecord(t *testing.T) {
	if testing.Short() {
		t.Skip("reads 200 MiB")
	}
	r := &hugeRecord{
		prefix: []byte(`{"title":"Big","published":"2024-01-02","body":"`),
		filler: 200 << 20,
		suffix: []byte("\"}\n" + `{"title":"Small","published":"2024-01-03","body":"Fine."}` + "\n"),
	}
	got, errs := document.ParseJSONL("big.jsonl", r)
	if diff := cmp.Diff([]string{"big.jsonl:1: record is over the 64 MiB limit"}, errStrings(errs)); diff != "" {
		t.Errorf("errors mismatch (-want +got):\n%s", diff)
	}
	if len(got) != 1 || got[0].Title != "Small" || got[0].Line != 2 {
		t.Errorf("articles = %+v, want the small record on line 2", got)
	}
}

// TestReadJSONLStop checks that breaking out of the iterator stops it.
func TestReadJSONLStop(t *testing.T) {
	in := strings.Repeat(`{"title":"T","published":"2024-01-02","body":"B"}`+"\n", 5)
	n := 0
	for _, err := range document.ReadJSONL("f.jsonl", bytes.NewReader([]byte(in))) {
		if err != nil {
			t.Fatal(err)
		}
		n++
		if n == 2 {
			break
		}
	}
	if n != 2 {
		t.Errorf("iterated %d records, want 2", n)
	}
}

type failingReader struct{}

func (failingReader) Read([]byte) (int, error) { return 0, io.ErrUnexpectedEOF }

func TestReadJSONLReadError(t *testing.T) {
	_, errs := document.ParseJSONL("f.jsonl", failingReader{})
	if diff := cmp.Diff([]string{"f.jsonl:1: read: unexpected EOF"}, errStrings(errs)); diff != "" {
		t.Errorf("errors mismatch (-want +got):\n%s", diff)
	}
}

// TestParseJSONLLayout checks that a record's body is laid out as a plain
// text is, and where the date comes from when the record has none.
func TestParseJSONLLayout(t *testing.T) {
	tests := []struct {
		name, record string
		want         laidOut
	}{
		{"date from the body's date line",
			`{"title":"Jixi opens parks","body":"Jixi opens parks\n\nUpdated : 2021-06-01\n\nJixi opened 9 parks.\n\n(Web editor: Li Hua)"}`,
			laidOut{"Jixi opens parks", "2021-06-01", "", "", []string{"Jixi opened 9 parks."}}},
		{"date from the url",
			`{"title":"Jixi opens parks","url":"https://news.example.com/2021/06/02/parks.html","body":"Jixi opened 9 parks.\nIt plans 4 more."}`,
			laidOut{"Jixi opens parks", "2021-06-02", "", "", []string{"Jixi opened 9 parks.", "It plans 4 more."}}},
		{"the record's date comes first",
			`{"title":"T","published":"2021-06-03","url":"https://news.example.com/2021/06/02/parks.html","body":"Updated : 2021-06-01\n\nJixi opened 9 parks."}`,
			laidOut{"T", "2021-06-03", "", "", []string{"Jixi opened 9 parks."}}},
		{"dateline cut, agency as byline, no date at all",
			`{"title":"Trade grows","body":"HARBIN, Jan. 2 (Xinhua) -- Trade grew 5 percent.\n\nCaption of a port. [Photo/example.com]"}`,
			laidOut{"Trade grows", "", "Xinhua", "HARBIN, Jan. 2 (Xinhua) --", []string{"Trade grew 5 percent."}}},
		{"the record's byline comes first",
			`{"title":"Trade grows","byline":"City News","body":"HARBIN, Jan. 2 (Xinhua) -- Trade grew 5 percent."}`,
			laidOut{"Trade grows", "", "City News", "HARBIN, Jan. 2 (Xinhua) --", []string{"Trade grew 5 percent."}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			arts, errs := document.ParseJSONL("f.jsonl", strings.NewReader(tt.record))
			if len(errs) > 0 || len(arts) != 1 {
				t.Fatalf("ParseJSONL: %d articles, errors %v", len(arts), errs)
			}
			checkContract(t, arts[0])
			if diff := cmp.Diff(tt.want, layoutOf(arts[0])); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}
