package document

import (
	"testing"
	"time"
)

func TestDatelineAt(t *testing.T) {
	tests := []struct {
		in       string
		dateline string // "" if none
		agency   string
		date     time.Time
		md       monthDay
	}{
		{"HARBIN, Jan. 2 (Xinhua) -- The city opened 12 parks.", "HARBIN, Jan. 2 (Xinhua) --", "Xinhua", time.Time{}, monthDay{time.January, 2}},
		{"HARBIN, March 13 (Xinhua) — Output rose.", "HARBIN, March 13 (Xinhua) —", "Xinhua", time.Time{}, monthDay{time.March, 13}},
		{"HARBIN, China, Dec. 25, 2023 /PRNewswire/ -- A robot maker said it would list.", "HARBIN, China, Dec. 25, 2023 /PRNewswire/ --", "PRNewswire", day(2023, 12, 25), monthDay{}},
		{"DAQING, China, Feb. 26, 2025 (GLOBE NEWSWIRE) -- A pump maker said.", "DAQING, China, Feb. 26, 2025 (GLOBE NEWSWIRE) --", "GLOBE NEWSWIRE", day(2025, 2, 26), monthDay{}},
		{"Feb. 26, 2025 (GLOBE NEWSWIRE) -- A pump maker said.", "Feb. 26, 2025 (GLOBE NEWSWIRE) --", "GLOBE NEWSWIRE", day(2025, 2, 26), monthDay{}},
		{"ISLAMABAD, (APP - Example Point News - 24th Oct, 2019 ) :Trade grew.", "ISLAMABAD, (APP - Example Point News - 24th Oct, 2019 ) :", "APP", day(2019, 10, 24), monthDay{}},
		{"JIXI -- The town opened parks.", "JIXI --", "", time.Time{}, monthDay{}},
		{"HARBIN/DAQING - Two cities cut targets.", "HARBIN/DAQING -", "", time.Time{}, monthDay{}},
		{"BEIJING (Reuters) - Output rose.", "BEIJING (Reuters) -", "Reuters", time.Time{}, monthDay{}},
		{"Harbin, March 3 -- Output rose.", "Harbin, March 3 --", "", time.Time{}, monthDay{time.March, 3}},
		{"HARBIN, Heilongjiang Province, Dec 28 (Xinhua) -- Output rose.", "HARBIN, Heilongjiang Province, Dec 28 (Xinhua) --", "Xinhua", time.Time{}, monthDay{time.December, 28}},

		{"HARBIN is a large city.", "", "", time.Time{}, monthDay{}},
		{"GDP grew 5 percent.", "", "", time.Time{}, monthDay{}},
		{"US - China trade grew.", "", "", time.Time{}, monthDay{}},
		{"Harbin, the capital, grew.", "", "", time.Time{}, monthDay{}},
		{"Harbin -- a city of ice.", "", "", time.Time{}, monthDay{}},
		{"By ( news.example.com )", "", "", time.Time{}, monthDay{}},
		{"Jixi Taiping Airport handled 10 flights.", "", "", time.Time{}, monthDay{}},
		{"NE China's Jixi opened parks.", "", "", time.Time{}, monthDay{}},
		{"Harbin, Daqing and Jixi grew.", "", "", time.Time{}, monthDay{}},
		{"HARBIN: a city of ice.", "", "", time.Time{}, monthDay{}},
	}
	for _, tt := range tests {
		d, ok := datelineAt(tt.in)
		if ok != (tt.dateline != "") {
			t.Errorf("datelineAt(%q) ok = %v", tt.in, ok)
			continue
		}
		if !ok {
			continue
		}
		if got := tt.in[:d.end]; got != tt.dateline || d.agency != tt.agency || !d.date.Equal(tt.date) || d.md != tt.md {
			t.Errorf("datelineAt(%q) = %q agency %q date %v md %v; want %q %q %v %v", tt.in, got, d.agency, d.date, d.md, tt.dateline, tt.agency, tt.date, tt.md)
		}
		if rest := tt.in[d.n:]; rest != "" && rest[0] == ' ' {
			t.Errorf("datelineAt(%q): text after it starts with a space", tt.in)
		}
	}
}

// TestClassify checks each recogniser on lines shaped like those of the
// outlets' pages: the kind, the recogniser's name, and what it reads.
func TestClassify(t *testing.T) {
	tests := []struct {
		in   string
		kind kind
		rule string
		by   string
		date time.Time
	}{
		{"Home>Biz updates", kindBreadcrumb, "breadcrumb", "", time.Time{}},
		{"Business / Trade", kindBreadcrumb, "breadcrumb", "", time.Time{}},
		{"Present position: > english > Local News", kindBreadcrumb, "breadcrumb", "", time.Time{}},
		{"Home » News » Harbin", kindBreadcrumb, "breadcrumb", "", time.Time{}},

		{"Updated : 2024-08-26", kindDate, "date line", "", day(2024, 8, 26)},
		{"Updated : 2022-05-11Source : Jixi Daily", kindDate, "date line", "Jixi Daily", day(2022, 5, 11)},
		{"Publish Time:2019-05-06 11:20:05Source:http://www.example.cn", kindDate, "date line", "www.example.cn", day(2019, 5, 6)},
		{"2021/06/02 Source : Daqing,China", kindDate, "date line", "Daqing,China", day(2021, 6, 2)},
		{"Source: Xinhua| 2018-12-24 18:33:02|", kindDate, "date line", "Xinhua", day(2018, 12, 24)},
		{"(Xinhua) Updated: 2016-04-12 08:30", kindDate, "date line", "Xinhua", day(2016, 4, 12)},
		{"3 CommentsPrint E-mail Xinhua, May 2, 2012", kindDate, "date line", "Xinhua", day(2012, 5, 2)},
		{"3 Mar 2024, 08:15 GMT+8", kindDate, "date line", "", day(2024, 3, 3)},
		{"2019- 07- 25", kindDate, "date line", "", day(2019, 7, 25)},
		{"Feb. 26, 2025 (GLOBE NEWSWIRE)", kindDate, "date line", "GLOBE NEWSWIRE", day(2025, 2, 26)},
		{"Monday, August 26, 2024", kindDate, "date line", "", day(2024, 8, 26)},
		{"Posted on August 24, 2024 by Jane Doe", kindDate, "date line", "Jane Doe", day(2024, 8, 24)},
		{"Release date: 2020-11-04 | City News", kindDate, "date line", "City News", day(2020, 11, 4)},
		{"2022-10-03", kindDate, "date line", "", day(2022, 10, 3)},
		{"Updated: 2012-12-01 14:34", kindDate, "date line", "", day(2012, 12, 1)},
		{"Update Time£º2015-3-9    From: City News", kindDate, "date line", "City News", day(2015, 3, 9)},
		{"1577222633000", kindDate, "timestamp line", "", day(2019, 12, 24)},
		{"1577222633", kindDate, "timestamp line", "", day(2019, 12, 24)},
		{"9999999999", kindBody, "text", "", time.Time{}},
		{"157722263300", kindBody, "text", "", time.Time{}},

		{"Xinhua) 09:42, March 3, 2022", kindTimeLine, "wire time line", "Xinhua", day(2022, 3, 3)},
		{"(Xinhua) 15:10, May 8, 2021", kindTimeLine, "wire time line", "Xinhua", day(2021, 5, 8)},

		{"By ( news.example.com )", kindByline, "byline", "news.example.com", time.Time{}},
		{"By Li Na ( example.com.cn )", kindByline, "byline", "Li Na (example.com.cn)", time.Time{}},
		{"By Hu min ( example.com.cn )", kindByline, "byline", "Hu min (example.com.cn)", time.Time{}},
		{"By Jane Doe", kindByline, "byline", "Jane Doe", time.Time{}},
		{"- By JANE DOE and LI NA in Jixi and WANG MIN in Harbin", kindByline, "byline", "JANE DOE and LI NA in Jixi and WANG MIN in Harbin", time.Time{}},
		{"- By the end of June, 300 firms had signed up", kindBody, "list item", "", time.Time{}},
		{"By then in Harbin, prices rose", kindBody, "text", "", time.Time{}},
		{"( Xinhua)", kindByline, "byline", "Xinhua", time.Time{}},

		{"Source: Xinhua", kindSource, "source credit", "Xinhua", time.Time{}},
		{"(Source: City News)", kindSource, "source credit", "City News", time.Time{}},

		{"Workers check a turbine at the plant. [Photo/example.com]", kindCaption, "caption", "", time.Time{}},
		{"Tourists walk past the sculptures on Sunday. (Xinhua/Li Hua)", kindCaption, "caption", "", time.Time{}},
		{"A view of the port at dusk. Provided to City News |", kindCaption, "caption", "", time.Time{}},
		{"Clerks serve customers at the counter. CITY NEWS", kindCaption, "caption", "", time.Time{}},
		{"File photo shows a train at the station.", kindCaption, "caption", "", time.Time{}},
		{"This photo from May 3, 2021 shows a wheat field.", kindCaption, "caption", "", time.Time{}},
		{"Photo: a new bridge over the river", kindCaption, "caption", "", time.Time{}},

		{"(Web editor: Li Hua, Wang Min)", kindEditor, "editor line", "", time.Time{}},
		{"Editor: Chen Bo", kindEditor, "editor line", "", time.Time{}},
		{"(Reporter: Zhao Lin\u3000Editor: Sun Yue)", kindEditor, "editor line", "", time.Time{}},
		{"Edited by Jane Doe", kindEditor, "editor line", "", time.Time{}},
		{"Editor's note: The figures were revised on Monday.", kindEditor, "editor line", "", time.Time{}},

		{"【Introduction】:The town opened nine parks this spring.", kindSummary, "summary", "", time.Time{}},

		{"Adjust font size:", kindFurniture, "share bar", "", time.Time{}},
		{"0 CommentsPrint E-mail", kindFurniture, "share bar", "", time.Time{}},
		{"|", kindFurniture, "share bar", "", time.Time{}},
		{"-", kindFurniture, "share bar", "", time.Time{}},
		{"Share | Print | E-mail", kindFurniture, "share bar", "", time.Time{}},
		{"Back to top", kindFurniture, "share bar", "", time.Time{}},
		{"PRESS RELEASE", kindFurniture, "release mark", "", time.Time{}},
		{"Exhibit 99.1", kindFurniture, "release mark", "", time.Time{}},
		{"http://www.example.com.cn/a/201907/25/WS5d39a1.html", kindFurniture, "address line", "", time.Time{}},
		{"see http://www.example.com.cn/a/201907/25/WS5d39a1.html", kindBody, "text", "", time.Time{}},
		{"Exhibit A shows the plan.", kindBody, "text", "", time.Time{}},
		{"Publish Time", kindFurniture, "field label", "", time.Time{}},

		{"Related News", kindRelated, "related heading", "", time.Time{}},
		{"You may also like:", kindRelated, "related heading", "", time.Time{}},
		{"Read more: Jixi opens a ninth park", kindRelated, "related link", "", time.Time{}},

		{"date 2022-03-03 Oilfield output tops target", kindHeadline, "wire header", "", day(2022, 3, 3)},
		{"date 2023-10-16 (CNS) -- The east line of the railway has seen 4,000 trains pass through this year, the bureau said on Monday.", kindBody, "wire date paragraph", "CNS", day(2023, 10, 16)},
		{"date 2023-10-16 The east line of the railway has seen 4,000 trains pass through this year, the bureau said on Monday.", kindBody, "wire date paragraph", "", day(2023, 10, 16)},
		{"HARBIN, China, Dec. 25, 2023 /PRNewswire/ --", kindDateline, "dateline alone", "PRNewswire", day(2023, 12, 25)},
		{"• Jixi had 12 parks in 2020.", kindBody, "list item", "", time.Time{}},

		// Sentences stay body, whatever dates and names they hold.
		{"The city opened 12 parks in 2023, officials said.", kindBody, "text", "", time.Time{}},
		{"By 2025, the town plans to build 40 more parks.", kindBody, "text", "", time.Time{}},
		{"By the end of June, 300 firms had signed up", kindBody, "text", "", time.Time{}},
		{"On June 14, 2011, the fair opened.", kindBody, "text", "", time.Time{}},
		{"The fair opened on June 14, 2011.", kindBody, "text", "", time.Time{}},
		{"The report was published on June 3, 2024 by the bureau.", kindBody, "text", "", time.Time{}},
		{"Harbin Expo Opens June 14, 2011", kindBody, "text", "", time.Time{}},
		{"The photo exhibition shows works by 300 artists.", kindBody, "text", "", time.Time{}},
		{"Sales rose 12 percent (2.3 billion yuan).", kindBody, "text", "", time.Time{}},
		{"Editors at the paper counted 40 new titles.", kindBody, "text", "", time.Time{}},
		{"Source of growth: exports rose 9 percent.", kindBody, "text", "", time.Time{}},
		{"Print shops in the town doubled to 24.", kindBody, "text", "", time.Time{}},
		{"Jixi opens parks", kindBody, "text", "", time.Time{}},
		{"2023", kindBody, "text", "", time.Time{}},
	}
	for _, tt := range tests {
		l := line{text: tt.in}
		classify(&l)
		if l.kind != tt.kind || l.rule != tt.rule || l.by != tt.by || !l.date.Equal(tt.date) {
			t.Errorf("classify(%q) = %v (%s) by %q date %v; want %v (%s) by %q date %v",
				tt.in, l.kind, l.rule, l.by, l.date, tt.kind, tt.rule, tt.by, tt.date)
		}
	}
}
