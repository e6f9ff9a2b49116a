package document_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/almanacdb/almanac/ingest/document"
)

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// body returns the Span of the part of text that begins with prefix and
// runs to the end.
func body(text, prefix string) document.Span {
	i := strings.Index(text, prefix)
	if i < 0 {
		panic("body: prefix not in text: " + prefix)
	}
	return document.Span{Start: i, End: len(text)}
}

// spans returns the Spans of paras in text, each found after the last.
func spans(text string, paras ...string) []document.Span {
	var out []document.Span
	at := 0
	for _, p := range paras {
		i := strings.Index(text[at:], p)
		if i < 0 {
			panic("spans: paragraph not in text: " + p)
		}
		out = append(out, document.Span{Start: at + i, End: at + i + len(p)})
		at += i + len(p)
	}
	return out
}

func TestParseHTML(t *testing.T) {
	newsText := "Daqing adds high-tech firms in first half\n\n" +
		"Daqing, an oil city in Heilongjiang province, counted 1,180 high-tech enterprises at the end of June, up 12.5 percent year on year.\n\n" +
		"The city\u2019s R&D spending reached 4.2 billion yuan ($578 million) in 2023, officials said.\n\n" +
		"It plans to build 4,500 5G base stations in 2024.\nMost will be in the Longfeng district.\n\n" +
		"Industrial output rose 8.1 percent.\n\n" +
		"Exports fell 3 percent."
	plainText := "Harbin airport busy in first half\n\n" +
		"Harbin Taiping International Airport handled 10.2 million passenger trips in the first six months, up 89 percent from a year earlier.\n\n" +
		"Cargo and mail throughput reached 68,000 tonnes over the same period.\nThe airport added 21 routes.\n\n" +
		"Officials expect 21 million trips for the full year."
	jsonldText := "Heilongjiang foreign trade grows in first half\n\n" +
		"Heilongjiang's foreign trade reached 89.5 billion yuan in the first half, up 16.3 percent.\n\n" +
		"Trade with Russia accounted for 65.4 percent of the total.\n\n" +
		"Item Value\n\n" +
		"Imports 64.1 billion yuan"
	nodateText := "Just one paragraph about 12 new bridges, and no title or date."

	tests := []struct {
		file string
		want document.Article
	}{
		{"news.html", document.Article{
			Source:    "news.html",
			Title:     "Daqing adds high-tech firms in first half",
			Published: date(2024, 7, 15),
			Byline:    "City News staff",
			URL:       "https://news.example.com/biz/2024/07/15/daqing-hightech.html",
			Text:      newsText,
			Body:      body(newsText, "Daqing, an oil"),
			Paras: spans(newsText, "Daqing, an oil city in Heilongjiang province, counted 1,180 high-tech enterprises at the end of June, up 12.5 percent year on year.",
				"The city\u2019s R&D spending reached 4.2 billion yuan ($578 million) in 2023, officials said.",
				"It plans to build 4,500 5G base stations in 2024.", "Most will be in the Longfeng district.",
				"Industrial output rose 8.1 percent.", "Exports fell 3 percent."),
		}},
		{"plain.html", document.Article{
			Source:    "plain.html",
			Title:     "Harbin airport busy in first half",
			Published: date(2023, 7, 20),
			Byline:    "e.example.com",
			Text:      plainText,
			Body:      body(plainText, "Harbin Taiping"),
			Paras: spans(plainText, "Harbin Taiping International Airport handled 10.2 million passenger trips in the first six months, up 89 percent from a year earlier.",
				"Cargo and mail throughput reached 68,000 tonnes over the same period.", "The airport added 21 routes.",
				"Officials expect 21 million trips for the full year."),
		}},
		{"jsonld.html", document.Article{
			Source:    "jsonld.html",
			Title:     "Heilongjiang foreign trade grows in first half",
			Published: date(2019, 7, 26),
			Byline:    "Wang Lin, Zhao Min",
			Text:      jsonldText,
			Body:      body(jsonldText, "Heilongjiang's"),
			Paras: spans(jsonldText, "Heilongjiang's foreign trade reached 89.5 billion yuan in the first half, up 16.3 percent.",
				"Trade with Russia accounted for 65.4 percent of the total.", "Item Value", "Imports 64.1 billion yuan"),
		}},
		{"nodate.html", document.Article{
			Source: "nodate.html",
			Text:   nodateText,
			Body:   document.Span{Start: 0, End: len(nodateText)},
			Paras:  []document.Span{{Start: 0, End: len(nodateText)}},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			got, err := document.ParseHTML(tt.file, data)
			if err != nil {
				t.Fatalf("ParseHTML: %v", err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("ParseHTML mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestParseHTMLPieces checks single extraction rules on small pages.
func TestParseHTMLPieces(t *testing.T) {
	tests := []struct {
		name, page string
		want       document.Article
	}{
		{
			name: "corpus layout inside the article block",
			page: `<html><head><title>Harbin builds parks - Site</title></head><body>
<div class="main-content">
<p>Home&gt;Biz updates</p>
<h1>Harbin builds parks</h1>
<p>Updated : 2024-08-26</p>
<p>By ( e.example.com )</p>
<p>Harbin built 12 parks in 2023.</p>
<p>It will build 15 more in 2024.</p>
</div></body></html>`,
			want: document.Article{
				Source: "x.html", Title: "Harbin builds parks", Published: date(2024, 8, 26),
				Byline: "e.example.com",
				Text:   "Home>Biz updates\n\nHarbin builds parks\n\nUpdated : 2024-08-26\n\nBy ( e.example.com )\n\nHarbin built 12 parks in 2023.\n\nIt will build 15 more in 2024.",
				Body:   body("Home>Biz updates\n\nHarbin builds parks\n\nUpdated : 2024-08-26\n\nBy ( e.example.com )\n\nHarbin built 12 parks in 2023.\n\nIt will build 15 more in 2024.", "Harbin built"),
				Paras:  []document.Span{{Start: 83, End: 113}, {Start: 115, End: 145}},
			},
		},
		{
			name: "time element and first h1 as title",
			page: `<body><h1>Bridge opens</h1><time datetime="2022-11-03T08:00:00+08:00">Nov 3</time>
<p>The 1.2 km bridge opened.</p></body>`,
			want: document.Article{
				Source: "x.html", Title: "Bridge opens", Published: date(2022, 11, 3),
				Text:  "Bridge opens\n\nNov 3\n\nThe 1.2 km bridge opened.",
				Body:  document.Span{Start: 21, End: 46},
				Paras: []document.Span{{Start: 21, End: 46}},
			},
		},
		{
			name: "spelled-out date in the page and entities",
			page: `<title>T</title><p class="date">Published on August 24, 2024</p><div><p>Caf&eacute; sales &mdash; 5&#x25; up &lt;est.&gt;</p></div>`,
			want: document.Article{
				Source: "x.html", Title: "T", Published: date(2024, 8, 24),
				Text:  "T\n\nPublished on August 24, 2024\n\nCafé sales — 5% up <est.>",
				Body:  body("T\n\nPublished on August 24, 2024\n\nCafé sales — 5% up <est.>", "Café"),
				Paras: []document.Span{{Start: 33, End: 61}},
			},
		},
		{
			name: "site logo h1 is not the title",
			page: `<title>Coal output rises in Q1 - Example News</title><header><h1>Example News</h1></header><p>Coal output rose 3 percent.</p>`,
			want: document.Article{
				Source: "x.html", Title: "Coal output rises in Q1 - Example News",
				Text:  "Coal output rises in Q1 - Example News\n\nCoal output rose 3 percent.",
				Body:  document.Span{Start: 40, End: 67},
				Paras: []document.Span{{Start: 40, End: 67}},
			},
		},
		{
			name: "unclosed tags and invisible characters",
			page: "<p>One\u200b hundred <b>tonnes<p>Two  \t lines<br><br><br>Three",
			want: document.Article{
				Source: "x.html",
				Text:   "One hundred tonnes\n\nTwo lines\n\nThree",
				Body:   document.Span{Start: 0, End: 36},
				Paras:  []document.Span{{Start: 0, End: 18}, {Start: 20, End: 29}, {Start: 31, End: 36}},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := document.ParseHTML("x.html", []byte(tt.page))
			if err != nil {
				t.Fatalf("ParseHTML: %v", err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("ParseHTML mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestParseHTMLErrors(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"empty", nil, "x.html: empty input"},
		{"white space", []byte(" \n\t\n"), "x.html: empty input (only white space)"},
		{"nul", []byte("<p>a\x00b</p>"), "x.html: looks binary (NUL byte at offset 4)"},
		{"control bytes", []byte("\x01\x02\x03\x04<p>a</p>"), "x.html: looks binary (4 control bytes in the first 12)"},
		{"utf-16", []byte("\xff\xfe<\x00p\x00>\x00"), "x.html: looks like UTF-16; convert it to UTF-8"},
		{"invalid utf-8", []byte("<p>ok</p>\n<p>caf\xe9</p>"), "x.html:2: invalid UTF-8 at byte offset 16"},
		{"too large", make([]byte, document.MaxSize+1), "x.html: 67108865 bytes is over the 64 MiB limit"},
		{"no text", []byte("<html><head><title>T</title></head><body><nav>Home</nav><script>x()</script></body></html>"),
			"x.html: no article text found in the page"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := document.ParseHTML("x.html", tt.data)
			if err == nil || err.Error() != tt.want {
				t.Errorf("ParseHTML error = %v, want %q", err, tt.want)
			}
		})
	}
}

// TestParseHTMLDeep checks deeply nested pages: the tokenizer refuses
// nesting over 512 elements with an error, and anything below that keeps
// its text.
func TestParseHTMLDeep(t *testing.T) {
	page := func(depth int) []byte {
		return []byte(strings.Repeat("<div>", depth) + "<p>Deep text with 7 figures.</p>" + strings.Repeat("</div>", depth))
	}
	a, err := document.ParseHTML("deep.html", page(500))
	if err != nil {
		t.Fatal(err)
	}
	if got := a.Text[a.Body.Start:a.Body.End]; got != "Deep text with 7 figures." {
		t.Errorf("body = %q", got)
	}
	_, err = document.ParseHTML("deep.html", page(100000))
	if err == nil || !strings.HasPrefix(err.Error(), "deep.html: parse html: ") {
		t.Errorf("ParseHTML of 100000 nested elements: error = %v, want a parse error", err)
	}
}

// TestParseHTMLLayout checks that an HTML article's lines go through the
// same layout as a plain text's, with the markup's headings as hints.
func TestParseHTMLLayout(t *testing.T) {
	tests := []struct {
		name, page string
		want       laidOut
	}{
		{
			name: "dateline, caption, subheading, table and a date only in the address",
			page: `<html><head><title>Province trade grows in 2023 - City News</title>
<link rel="canonical" href="https://news.example.com/2024-01-23/trade.html"></head><body><article>
<h1>Province trade grows in 2023</h1>
<p>HARBIN, Jan. 22 (Xinhua) -- The province's trade grew 12 percent to 300 billion yuan.</p>
<p>A freight train leaves the border port. [Photo/example.com]</p>
<h2>Exports lead</h2>
<p>Exports rose 39 percent.</p>
<table><tr><td>Imports</td><td>220 billion yuan</td></tr></table>
<p>(Web editor: Li Hua)</p>
</article></body></html>`,
			want: laidOut{"Province trade grows in 2023", "2024-01-23", "Xinhua", "HARBIN, Jan. 22 (Xinhua) --",
				[]string{"The province's trade grew 12 percent to 300 billion yuan.", "Exports rose 39 percent.", "Imports 220 billion yuan"}},
		},
		{
			name: "a source and time line outside the article block",
			page: `<html><head><title>Jixi adds jobs</title></head><body>
<div class="info">Source: Xinhua| 2018-12-24 18:33:02|</div>
<div class="text"><p>Jixi added 3,000 jobs in 2018.</p><p>Most were in services.</p></div></body></html>`,
			want: laidOut{"Jixi adds jobs", "2018-12-24", "", "", []string{"Jixi added 3,000 jobs in 2018.", "Most were in services."}},
		},
		{
			name: "no date anywhere",
			page: `<html><head><title>Jixi adds jobs</title></head><body><p>Jixi added 3,000 jobs on June 3, 2018, the bureau said.</p></body></html>`,
			want: laidOut{"Jixi adds jobs", "", "", "", []string{"Jixi added 3,000 jobs on June 3, 2018, the bureau said."}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := document.ParseHTML("x.html", []byte(tt.page))
			if err != nil {
				t.Fatal(err)
			}
			checkContract(t, a)
			if diff := cmp.Diff(tt.want, layoutOf(a)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}
