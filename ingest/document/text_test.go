package document_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/almanacdb/almanac/ingest/document"
)

type parsed struct {
	Title, Byline, Published string
	BodyStart, BodyEnd       string // the first and last 20 bytes of the body
}

func summary(a document.Article) parsed {
	body := a.Text[a.Body.Start:a.Body.End]
	p := parsed{Title: a.Title, Byline: a.Byline, BodyStart: body[:min(20, len(body))], BodyEnd: body[max(0, len(body)-20):]}
	if !a.Published.IsZero() {
		p.Published = a.Published.Format("2006-01-02")
	}
	return p
}

func TestParseText(t *testing.T) {
	tests := []struct {
		name, text string
		want       parsed
	}{
		{"site layout with teaser", "Home>Biz updates\n\nHarbin builds more parks\n\nUpdated : 2023-05-02\n\nBy ( e.my399.com )\n\n" +
			"Harbin opened 12 new parks this spring.\u00a0\n\u00a0\nThe city plans 20 more next year.\n\u00a0\n\n" +
			"Daqing widens its main road\n\nTraffic on the main road through Daqing will",
			parsed{"Harbin builds more parks", "e.my399.com", "2023-05-02", "Harbin opened 12 new", "s 20 more next year."}},
		{"single-spaced body, two teasers", "Harbin builds more parks\n\nUpdated : 2023-05-02\n\nBy ( e.my399.com )\n\n" +
			"Harbin opened 12 new parks this spring.\nThe city plans 20 more next year.\n\n" +
			"Daqing widens its main road\n\nTraffic on the main road through Daqing will double.\n\n" +
			"Jiamusi hosts a fair\n\nThe fair draws traders from",
			parsed{"Harbin builds more parks", "e.my399.com", "2023-05-02", "Harbin opened 12 new", "s 20 more next year."}},
		{"subheadings stay in the body", "Harbin in numbers\n\nUpdated : 2022-01-10\n\nBy ( e.my399.com )\n\nIntro line here.\n\nParks\n\nHarbin opened 12 parks.\n\nRoads\n\nHarbin built 30 km of roads.",
			parsed{"Harbin in numbers", "e.my399.com", "2022-01-10", "Intro line here.\n\nPa", "uilt 30 km of roads."}},
		{"wire layout", " date 2022-03-03 Oilfield output tops target\n\nXinhua) 09:42, March 3, 2022\n\n" +
			"HARBIN, March 3 (Xinhua) -- The oilfield pumped more oil this year.\n\n(Web editor: Li Hua)",
			parsed{"Oilfield output tops target", "Xinhua", "2022-03-03", "The oilfield pumped ", " more oil this year."}},
		{"dateline only", "Harbin trade grows\n\nHARBIN, Feb. 11 (Xinhua) -- Trade grew fast in January.",
			parsed{"Harbin trade grows", "Xinhua", "", "Trade grew fast in J", "rew fast in January."}},
		{"press release", "PRESS RELEASE\n\nHarbin Expo opens\n\nMarch 5, 2024\n\nThe expo opened with 300 exhibitors.",
			parsed{"Harbin Expo opens", "", "2024-03-05", "The expo opened with", "with 300 exhibitors."}},
		{"date at the end", "Harbin Expo opens\n\nThe expo opened with 300 exhibitors.\n\nUpdated: March 6, 2024\n",
			parsed{"Harbin Expo opens", "", "2024-03-06", "The expo opened with", "with 300 exhibitors."}},
		{"no date", "Harbin Expo opens\n\nThe expo opened with 300 exhibitors.",
			parsed{"Harbin Expo opens", "", "", "The expo opened with", "with 300 exhibitors."}},
		// Plain notes without the site's layout are all body.
		{"one paragraph of sentences", "Jixi had 640 software firms in 2019. The town now has 17 labs.\n",
			parsed{"", "", "", "Jixi had 640 softwar", "own now has 17 labs."}},
		{"paragraphs of sentences", "Jixi had 640 software firms in 2019.\n\nThe town now has 17 labs.\n",
			parsed{"", "", "", "Jixi had 640 softwar", "own now has 17 labs."}},
		{"a sentence run without a final period", "Jixi opened 9 parks. The town plans 4 more\n\nIt also built roads.",
			parsed{"", "", "", "Jixi opened 9 parks.", "It also built roads."}},
		{"short line running into the next", "Jixi opened 9 parks\nand 4 museums last year.\n",
			parsed{"", "", "", "Jixi opened 9 parks\n", "4 museums last year."}},
		{"a single line", "Jixi opened 9 parks in 2019",
			parsed{"", "", "", "Jixi opened 9 parks ", "ened 9 parks in 2019"}},
		{"headline then date", "Jixi opens 9 parks\nUpdated : 2021-06-01\nThe town opened 9 parks.",
			parsed{"Jixi opens 9 parks", "", "2021-06-01", "The town opened 9 pa", "town opened 9 parks."}},
		{"headline that asks", "Why Jixi? A U.S. view\n\nThe town opened 9 parks.",
			parsed{"Why Jixi? A U.S. view", "", "", "The town opened 9 pa", "town opened 9 parks."}},
	}
	for _, tt := range tests {
		a, err := document.ParseText("a.txt", []byte(tt.text))
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if a.Text != tt.text || a.Source != "a.txt" {
			t.Errorf("%s: Text or Source not kept", tt.name)
		}
		if diff := cmp.Diff(tt.want, summary(a)); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tt.name, diff)
		}
		if !a.Published.IsZero() && a.Published.Location() != time.UTC {
			t.Errorf("%s: Published not UTC", tt.name)
		}
	}
}

func TestParseTextErrors(t *testing.T) {
	tests := []struct {
		data []byte
		want string
	}{
		{nil, "x.txt: empty input"},
		{[]byte(" \n\t\n"), "x.txt: empty input (only white space)"},
		{[]byte("Harbin\x00grows"), "x.txt: looks binary (NUL byte at offset 6)"},
		{[]byte("Harbin\ngrows \xff"), "x.txt:2: invalid UTF-8 at byte offset 13"},
	}
	for _, tt := range tests {
		_, err := document.ParseText("x.txt", tt.data)
		if err == nil || err.Error() != tt.want {
			t.Errorf("ParseText(%q) = %v, want %q", tt.data, err, tt.want)
		}
		if err != nil && strings.ToLower(err.Error()[:1]) != err.Error()[:1] {
			t.Errorf("error %q is not lower-case", err)
		}
	}
}

func FuzzParseText(f *testing.F) {
	f.Add([]byte("Home>Biz\n\nTitle here\n\nUpdated : 2024-01-02\n\nBy ( x )\n\nBody one.\n\nTeaser title\n\nTeaser line"))
	f.Add([]byte(" date 2022-03-03 Head\n\nXinhua) 09:42, March 3, 2022\n\nHARBIN, March 3 (Xinhua) -- Body."))
	f.Add([]byte("Xinhua\n3 Mar 2024, 08:15 GMT+8\nHARBIN, March 3 (Xinhua) -- Body.\n(Web editor: Li Hua)"))
	f.Add([]byte("Title\n\nHARBIN, China, Dec. 25, 2023 /PRNewswire/ -- Body.\n\n• Item 1\n\nRelated News\n\nOther one"))
	f.Add([]byte("Present position: > english > Local\nT here\nPublish Time:2019-05-06 11:20:05Source:http://x.cn\n" +
		"【Intro】:x\nA caption. [Photo/x]\nSkaters, Feb. 26, 2025. (Xinhua/Li)\nJIXI -- Body\nruns on.\n-\nTeaser one\nIts line"))
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := document.ParseText("f.txt", data)
		if err != nil {
			return
		}
		if a.Text != string(data) {
			t.Fatalf("Text is not the input")
		}
		checkArticle(t, a)
	})
}

// BenchmarkParseText parses articles of the corpus layout from 1 KB to
// 10 MB; the cost per byte should stay flat.
func BenchmarkParseText(b *testing.B) {
	para := "Jixi opened 12 parks in 2023, up 9 percent, the city said on Monday.\n"
	page := "Home>Biz updates\n\nJixi opens parks\n\nUpdated : 2023-05-02\n\nBy ( news.example.com )\n\n"
	for _, size := range []int{1 << 10, 100 << 10, 10 << 20} {
		var sb strings.Builder
		sb.WriteString(page)
		for sb.Len() < size {
			sb.WriteString(para)
		}
		sb.WriteString("\nDaqing widens its main road\n\nTraffic through Daqing will double.\n")
		data := []byte(sb.String())
		b.Run(fmt.Sprintf("%dKB", size>>10), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if _, err := document.ParseText("a.txt", data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	line := []byte(strings.Repeat("Jixi opened 12 parks in 2023, up 9 percent. ", 10<<20/44))
	b.Run("one 10MB line", func(b *testing.B) {
		b.SetBytes(int64(len(line)))
		for b.Loop() {
			if _, err := document.ParseText("a.txt", line); err != nil {
				b.Fatal(err)
			}
		}
	})
}
