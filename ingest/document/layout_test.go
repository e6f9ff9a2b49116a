package document_test

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/almanacdb/almanac/ingest/document"
)

// laidOut is what a layout test checks of an Article.
type laidOut struct {
	Title, Published, Byline, Dateline string
	Paras                              []string
}

func layoutOf(a document.Article) laidOut {
	out := laidOut{Title: a.Title, Byline: a.Byline, Dateline: a.Text[a.Dateline.Start:a.Dateline.End]}
	if !a.Published.IsZero() {
		out.Published = a.Published.Format("2006-01-02")
	}
	for _, p := range a.Paras {
		out.Paras = append(out.Paras, a.Text[p.Start:p.End])
	}
	return out
}

// checkContract fails t unless a keeps the Article contract: paragraphs
// in order, apart, trimmed, inside Body, which runs from the first to the
// last; a dateline before the first paragraph.
func checkContract(t *testing.T, a document.Article) {
	t.Helper()
	end := 0
	for i, p := range a.Paras {
		if p.Start < end || p.End <= p.Start || p.End > len(a.Text) {
			t.Fatalf("paragraph %d %+v out of order or of the text (%d bytes)", i, p, len(a.Text))
		}
		s := a.Text[p.Start:p.End]
		if strings.TrimSpace(s) != s {
			t.Fatalf("paragraph %d %q is not trimmed", i, s)
		}
		end = p.End
	}
	if len(a.Paras) > 0 && (a.Body.Start != a.Paras[0].Start || a.Body.End != a.Paras[len(a.Paras)-1].End) {
		t.Fatalf("Body %+v does not run from the first paragraph to the last %+v", a.Body, a.Paras)
	}
	if d := a.Dateline; d != (document.Span{}) && (d.End <= d.Start || d.End > len(a.Text) || len(a.Paras) > 0 && d.End > a.Paras[0].Start) {
		t.Fatalf("Dateline %+v is not before the first paragraph", d)
	}
}

// TestLayouts parses one page of each layout, written here in the shape
// of an outlet's page.
func TestLayouts(t *testing.T) {
	tests := []struct {
		name, text string
		want       laidOut
	}{
		{
			name: "city site: breadcrumb, headline, Updated, By, teasers",
			text: "Home>Biz updates\n\nJixi opens nine parks\n\nUpdated : 2023-05-02\n\nBy ( news.example.com )\n\n" +
				"Jixi opened nine parks this spring, the city said.\n\nIt plans 20 more by 2025.\n\n\n" +
				"Daqing widens its main road\n\nTraffic on the main road through Daqing will double.\n\n" +
				"Hegang hosts a fair\n\nThe fair draws traders from",
			want: laidOut{"Jixi opens nine parks", "2023-05-02", "news.example.com", "",
				[]string{"Jixi opened nine parks this spring, the city said.", "It plans 20 more by 2025."}},
		},
		{
			name: "city site without blank lines, teasers set apart by dashes",
			text: "Home>Jixi Today\nJixi sees more shoppers\nUpdated : 2016-10-09\nBy Li Na ( example.com.cn )\n" +
				"Shops in Jixi sold 26 million yuan of goods over the holiday, up 10 percent.\n" +
				"Restaurants served 40 percent more diners.\n" +
				"Daqing builds a new school\nA new school in Daqing will open in the autumn.\n-\n" +
				"Hegang adds bus routes\nHegang added 12 bus routes this year.\n-\n" +
				"Mudanjiang hosts a forum\nThe forum drew 300 guests.",
			want: laidOut{"Jixi sees more shoppers", "2016-10-09", "Li Na (example.com.cn)", "",
				[]string{"Shops in Jixi sold 26 million yuan of goods over the holiday, up 10 percent.", "Restaurants served 40 percent more diners."}},
		},
		{
			name: "wire: date header, time line, dateline, editor line",
			text: " date 2022-03-03 Oilfield output tops target\n\nXinhua) 09:42, March 3, 2022\n\n" +
				"HARBIN, March 2 (Xinhua) -- The oilfield pumped 30 million tonnes of oil last year.\n\n" +
				"Its gas output rose 4 percent.\n\n(Web editor: Li Hua, Wang Min)",
			want: laidOut{"Oilfield output tops target", "2022-03-03", "Xinhua", "HARBIN, March 2 (Xinhua) --",
				[]string{"The oilfield pumped 30 million tonnes of oil last year.", "Its gas output rose 4 percent."}},
		},
		{
			name: "wire: a caption between the time line and the dateline",
			text: " date 2022-12-13 Grain harvest sets a record\n\nXinhua) 08:31, December 13, 2022\n\n" +
				"This photo from May 9, 2022 shows rice fields near the river. (Xinhua/Li Hua)\n\n" +
				"HARBIN, Dec. 12 (Xinhua) -- The province harvested 70 billion kilograms of grain.\n\n(Web editor: Chen Bo)",
			want: laidOut{"Grain harvest sets a record", "2022-12-13", "Xinhua", "HARBIN, Dec. 12 (Xinhua) --",
				[]string{"The province harvested 70 billion kilograms of grain."}},
		},
		{
			name: "wire copy with only a dateline: the year is unknown",
			text: "HARBIN, Aug. 26 (Xinhua) -- Two border ports have handled 3,000 freight trains so far this year.\n" +
				"By Wednesday, the ports had handled 3,037 trains, up 35 percent.",
			want: laidOut{"", "", "Xinhua", "HARBIN, Aug. 26 (Xinhua) --",
				[]string{"Two border ports have handled 3,000 freight trains so far this year.", "By Wednesday, the ports had handled 3,037 trains, up 35 percent."}},
		},
		{
			name: "wire copy whose dateline takes its year from a caption",
			text: "Skaters on the frozen river in Harbin, Feb. 26, 2025. (Xinhua/Li Hua)\n\n" +
				"HARBIN, March 13 (Xinhua) -- The province's winter economy reached 260 billion yuan in 2024.",
			want: laidOut{"", "2025-03-13", "Xinhua", "HARBIN, March 13 (Xinhua) --",
				[]string{"The province's winter economy reached 260 billion yuan in 2024."}},
		},
		{
			name: "press release: PRNewswire dateline",
			text: "Robot maker opens a plant in Harbin\n\n" +
				"HARBIN, China, Dec. 25, 2023 /PRNewswire/ -- A robot maker opened a plant that will build 5,000 robots a year.\n\n" +
				"The plant cost 1.2 billion yuan.",
			want: laidOut{"Robot maker opens a plant in Harbin", "2023-12-25", "PRNewswire", "HARBIN, China, Dec. 25, 2023 /PRNewswire/ --",
				[]string{"A robot maker opened a plant that will build 5,000 robots a year.", "The plant cost 1.2 billion yuan."}},
		},
		{
			name: "press release: GLOBE NEWSWIRE dateline without a place",
			text: "Pump maker reports record orders\n\n" +
				"Feb. 26, 2025 (GLOBE NEWSWIRE) -- A pump maker booked orders of 80 million dollars in 2024.",
			want: laidOut{"Pump maker reports record orders", "2025-02-26", "GLOBE NEWSWIRE", "Feb. 26, 2025 (GLOBE NEWSWIRE) --",
				[]string{"A pump maker booked orders of 80 million dollars in 2024."}},
		},
		{
			name: "press release: the dateline on a line of its own",
			text: "PRESS RELEASE\n\nPump maker reports record orders\n\nDAQING, China, Feb. 26, 2025 (GLOBE NEWSWIRE) --\n\n" +
				"A pump maker booked orders of 80 million dollars in 2024.",
			want: laidOut{"Pump maker reports record orders", "2025-02-26", "GLOBE NEWSWIRE", "DAQING, China, Feb. 26, 2025 (GLOBE NEWSWIRE) --",
				[]string{"A pump maker booked orders of 80 million dollars in 2024."}},
		},
		{
			name: "agency dateline in parentheses with the date",
			text: "Trade between the two countries grows\n\n" +
				"ISLAMABAD, (APP - Example Point News - 24th Oct, 2019 ) :Trade between the two countries grew 8 percent.",
			want: laidOut{"Trade between the two countries grows", "2019-10-24", "APP", "ISLAMABAD, (APP - Example Point News - 24th Oct, 2019 ) :",
				[]string{"Trade between the two countries grew 8 percent."}},
		},
		{
			name: "source and time in one line, separated by bars",
			text: "Jixi adds 3,000 jobs\n\nSource: Xinhua| 2018-12-24 18:33:02|\n\nJixi added 3,000 jobs in 2018.",
			want: laidOut{"Jixi adds 3,000 jobs", "2018-12-24", "Xinhua", "", []string{"Jixi added 3,000 jobs in 2018."}},
		},
		{
			name: "present position trail, label on its own line, spaced date",
			text: "Present position: > english > Local News\n\nJixi adds 3,000 jobs\n\nPublish Time\n\n2019- 07- 25\n\n" +
				"Adjust font size:\n\nJixi added 3,000 jobs in the first half.",
			want: laidOut{"Jixi adds 3,000 jobs", "2019-07-25", "", "", []string{"Jixi added 3,000 jobs in the first half."}},
		},
		{
			name: "date running into the source field",
			text: "Jixi adds 3,000 jobs\n\nUpdated : 2022-05-11Source : Jixi Daily\n\nJixi added 3,000 jobs in April.",
			want: laidOut{"Jixi adds 3,000 jobs", "2022-05-11", "Jixi Daily", "", []string{"Jixi added 3,000 jobs in April."}},
		},
		{
			name: "no headline: a caption, then the body, and no date",
			text: "A train waits at the station. [Photo/example.com]\n" +
				"The new line carried 600,000 passengers in its first month.\nIt has 14 stations.",
			want: laidOut{"", "", "", "", []string{"The new line carried 600,000 passengers in its first month.", "It has 14 stations."}},
		},
		{
			name: "no headline: an agency line by the date line, then a dateline",
			text: "Xinhua\n3 Mar 2024, 08:15 GMT+8\nHARBIN, March 3 (Xinhua) -- The ice park closed its season with 2.7 million visits.",
			want: laidOut{"", "2024-03-03", "Xinhua", "HARBIN, March 3 (Xinhua) --", []string{"The ice park closed its season with 2.7 million visits."}},
		},
		{
			name: "headline straight above the body, a caption with a credit bar",
			text: "Summer draws tourists to the city\nThe city received 60 million tourists last year.\n" +
				"A lantern show opens in January. Provided to City News |\nIt has 16 forest parks.",
			want: laidOut{"Summer draws tourists to the city", "", "", "",
				[]string{"The city received 60 million tourists last year.", "It has 16 forest parks."}},
		},
		{
			name: "headline ending in its date; a subheading",
			text: "Province to grow more corn in 2021 02-10-2021\n\nThe province will raise its grain output to 75 million tons.\n\n" +
				"Corn leads the way\n\nCorn makes up 40 percent of the harvest.\n\nSoybeans make up a tenth.",
			want: laidOut{"Province to grow more corn in 2021", "2021-02-10", "", "",
				[]string{"The province will raise its grain output to 75 million tons.", "Corn makes up 40 percent of the harvest.", "Soybeans make up a tenth."}},
		},
		{
			name: "publish time and source in one line, a summary, source credits",
			text: "Publish Time:2019-05-06 11:20:05Source:http://www.example.cn\n" +
				"【Introduction】:The park drew 240,000 visitors over the holiday.\n(Source: City News)\n" +
				"The park drew 240,000 visitors over the holiday, up 20 percent.\n(Source: City News)\nHotels were full.",
			want: laidOut{"", "2019-05-06", "www.example.cn", "",
				[]string{"The park drew 240,000 visitors over the holiday, up 20 percent.", "Hotels were full."}},
		},
		{
			name: "section name above the headline, captions, editor line",
			text: "Lovely Jixi\n\nHolidays fill Jixi's hotels\n2021/06/02 Source : Daqing,China\n\n" +
				"Tourists crowd the old street. [Photo/example.com]\n\n" +
				"Jixi received 8 million visits during the holiday.\n\nHotel revenue rose 30 percent.\n\nEditor: Chen Bo",
			want: laidOut{"Holidays fill Jixi's hotels", "2021-06-02", "Daqing,China", "",
				[]string{"Jixi received 8 million visits during the holiday.", "Hotel revenue rose 30 percent."}},
		},
		{
			name: "share bar holding the source and date, font-size control",
			text: "Trade fair opens in Jixi\n\n3 CommentsPrint E-mail Xinhua, May 2, 2012\nAdjust font size:\n\n" +
				"The fair drew 110,000 traders.",
			want: laidOut{"Trade fair opens in Jixi", "2012-05-02", "Xinhua", "", []string{"The fair drew 110,000 traders."}},
		},
		{
			name: "headline, a bar, a caption with a credit bar, no date",
			text: "Closer to the neighbours\n|\nOfficials sign the trade deal. Li Hua / For City News |\n" +
				"The province wants more trade.\nIts trade was worth $7 billion last year.",
			want: laidOut{"Closer to the neighbours", "", "", "",
				[]string{"The province wants more trade.", "Its trade was worth $7 billion last year."}},
		},
		{
			name: "no header at all: an event date in the text is not the page's",
			text: "The province raised its grain output by 4 percent, officials said Monday [16 February 2015].\n\n" +
				"Key Point\n\n  • The country harvested 600 million tonnes of grain.\n  • The province leads it.",
			want: laidOut{"", "", "", "",
				[]string{"The province raised its grain output by 4 percent, officials said Monday [16 February 2015].",
					"The country harvested 600 million tonnes of grain.", "The province leads it."}},
		},
		{
			name: "section trail with a slash, agency and date line, place-only dateline",
			text: "Business / Trade\n\nTwo cities cut growth targets\n\n(Xinhua) Updated: 2016-04-12 08:30\n\n" +
				"HARBIN/DAQING - Two cities cut their growth targets to 6 percent.",
			want: laidOut{"Two cities cut growth targets", "2016-04-12", "Xinhua", "HARBIN/DAQING -",
				[]string{"Two cities cut their growth targets to 6 percent."}},
		},
		{
			name: "agency in parentheses below the date, dateline, subheading",
			text: "Fast trains link the north\n\nUpdated: 2012-12-01 14:34\n( Xinhua)\n\n" +
				"DAQING -- The new line runs trains at 300 km an hour.\n\nFaster trains\n\nSixty pairs of trains run every day.\n\n" +
				"The trip takes three hours.",
			want: laidOut{"Fast trains link the north", "2012-12-01", "Xinhua", "DAQING --",
				[]string{"The new line runs trains at 300 km an hour.", "Sixty pairs of trains run every day.", "The trip takes three hours."}},
		},
		{
			name: "captions at the end, the last cut off; a teaser headline cut off",
			text: "Jixi sees more travellers\nUpdated : 2019-04-03\nBy ( news.example.com )\n" +
				"Jixi handled 797,000 travellers in the first quarter.\nMost came from the south.\n" +
				"A guard checks passports on a train. [Photo/example.com]\nA guard poses with a visitor at the",
			want: laidOut{"Jixi sees more travellers", "2019-04-03", "news.example.com", "",
				[]string{"Jixi handled 797,000 travellers in the first quarter.", "Most came from the south."}},
		},
		{
			name: "a teaser headline alone at the end, cut off",
			text: "Jixi airport handles 12 million passengers\nUpdated : 2015-02-06\nBy Hu min ( example.com.cn )\n" +
				"The airport served 12 million passengers in 2014.\nIt added 157 routes.\nJixi ramps u",
			want: laidOut{"Jixi airport handles 12 million passengers", "2015-02-06", "Hu min (example.com.cn)", "",
				[]string{"The airport served 12 million passengers in 2014.", "It added 157 routes."}},
		},
		{
			// A heading and one line at the very end read as a teaser of
			// another article, unless the article has headings of its own.
			name: "a heading and one line at the end are a teaser",
			text: "Jixi opens nine parks\n\nJixi opened nine parks this spring.\n\nIt plans 20 more.\n\n" +
				"Roads and bridges\n\nThe town will build a bridge.",
			want: laidOut{"Jixi opens nine parks", "", "", "", []string{"Jixi opened nine parks this spring.", "It plans 20 more."}},
		},
		{
			name: "an article's own headings keep a heading and one line at the end",
			text: "Jixi opens nine parks\n\nJixi opened nine parks this spring.\n\nParks and gardens\n\nIt plans 20 more.\n\n" +
				"It has 30 already.\n\nRoads and bridges\n\nThe town will build a bridge.",
			want: laidOut{"Jixi opens nine parks", "", "", "", []string{"Jixi opened nine parks this spring.", "It plans 20 more.",
				"It has 30 already.", "The town will build a bridge."}},
		},
		{
			name: "a related-links list at the end",
			text: "Jixi opens nine parks\n\nUpdated : 2023-05-02\n\nJixi opened nine parks this spring.\n\nIt plans 20 more.\n\n" +
				"Related News\n\nDaqing widens its main road\n\nHegang adds 12 bus routes\n\nMudanjiang hosts a forum",
			want: laidOut{"Jixi opens nine parks", "2023-05-02", "", "", []string{"Jixi opened nine parks this spring.", "It plans 20 more."}},
		},
		{
			name: "a related link inside the body",
			text: "Jixi opens nine parks\n\nUpdated : 2023-05-02\n\nJixi opened nine parks this spring.\n\n" +
				"Read more: Daqing widens its main road\n\nIt plans 20 more.",
			want: laidOut{"Jixi opens nine parks", "2023-05-02", "", "", []string{"Jixi opened nine parks this spring.", "It plans 20 more."}},
		},
		{
			name: "a line broken inside a sentence continues its paragraph",
			text: "Jixi opens nine parks\n\nUpdated : 2023-05-02\n\nJixi opened nine parks\nthis spring and four museums.\n\nIt plans 20 more.",
			want: laidOut{"Jixi opens nine parks", "2023-05-02", "", "",
				[]string{"Jixi opened nine parks\nthis spring and four museums.", "It plans 20 more."}},
		},
		{
			name: "a date line at the end",
			text: "Jixi Expo opens\n\nThe expo opened with 300 exhibitors.\n\nUpdated: March 6, 2024\n",
			want: laidOut{"Jixi Expo opens", "2024-03-06", "", "", []string{"The expo opened with 300 exhibitors."}},
		},
		{
			name: "wire copy whose first paragraph follows its date on the same line",
			text: " date 2023-10-16 (CNS) -- The east line of the railway has seen 4,000 trains pass through this year, the bureau said.\n\n" +
				"Figures show that 3,000 of them went through Jixi.",
			want: laidOut{"", "2023-10-16", "CNS", "",
				[]string{"The east line of the railway has seen 4,000 trains pass through this year, the bureau said.", "Figures show that 3,000 of them went through Jixi."}},
		},
		{
			name: "a page's address under the headline dates an otherwise undated page",
			text: "Jixi opens nine parks\nhttp://www.example.com.cn/a/201907/25/WS5d39a1.html\n\nJixi opened nine parks this year, the city said.",
			want: laidOut{"Jixi opens nine parks", "2019-07-25", "", "",
				[]string{"Jixi opened nine parks this year, the city said."}},
		},
		{
			name: "a date line beats the page's address",
			text: "Jixi opens nine parks\nhttps://www.example.cn/2019-07/25/content_1.htm\nUpdated: 2019-07-26\n\nJixi opened nine parks this year, the city said.",
			want: laidOut{"Jixi opens nine parks", "2019-07-26", "", "",
				[]string{"Jixi opened nine parks this year, the city said."}},
		},
		{
			name: "wire copy whose dateline takes its year from the period it reports",
			text: "HARBIN, Nov. 12 (Xinhua) -- Trade at the Jixi crossing rose 31 percent in the first three quarters of 2022, the city said.",
			want: laidOut{"", "2022-11-12", "Xinhua", "HARBIN, Nov. 12 (Xinhua) --",
				[]string{"Trade at the Jixi crossing rose 31 percent in the first three quarters of 2022, the city said."}},
		},
		{
			name: "wire copy on last year's fourth quarter: the year after",
			text: "HARBIN, Jan. 20 (Xinhua) -- Trade at the Jixi crossing rose 31 percent in the fourth quarter of 2022, the city said.",
			want: laidOut{"", "2023-01-20", "Xinhua", "HARBIN, Jan. 20 (Xinhua) --",
				[]string{"Trade at the Jixi crossing rose 31 percent in the fourth quarter of 2022, the city said."}},
		},
		{
			name: "wire copy naming a whole year only: no date",
			text: "HARBIN, Jan. 20 (Xinhua) -- Jixi plans to open nine parks in 2022, the city said.",
			want: laidOut{"", "", "Xinhua", "HARBIN, Jan. 20 (Xinhua) --",
				[]string{"Jixi plans to open nine parks in 2022, the city said."}},
		},
		{
			name: "a paper's name above the headline, a byline set off by a dash",
			text: "City Daily (Hong Kong)\n\nPark building picks up in 2016\n\n- By LI NA in Beijing and WANG MIN in Jixi\n\n" +
				"Jixi opened nine parks in the first quarter, officials said.",
			want: laidOut{"Park building picks up in 2016", "", "LI NA in Beijing and WANG MIN in Jixi", "",
				[]string{"Jixi opened nine parks in the first quarter, officials said."}},
		},
		{
			name: "an exported page: headline, outlet, Unix time in milliseconds",
			text: "Jixi opens nine parks\nCity News\n1577222633000\n\nJixi opened nine parks this year, the city said.",
			want: laidOut{"Jixi opens nine parks", "2019-12-24", "City News", "",
				[]string{"Jixi opened nine parks this year, the city said."}},
		},
		{
			name: "a GBK page read as Latin-1: the date line's colon is two letters",
			text: "Now Your Location\u00a3\u00baHome  >>  News\n\nJixi opens nine parks\n\nUpdate Time\u00a3\u00ba2012-7-4    From: Internet\n\n" +
				"Jixi opened nine parks in the first quarter.",
			want: laidOut{"Jixi opens nine parks", "2012-07-04", "Internet", "",
				[]string{"Jixi opened nine parks in the first quarter."}},
		},
		{
			name: "dates and years in sentences are never the page's date",
			text: "Jixi Expo opens\n\nThe expo, first held on June 30, 2014, opened with 300 exhibitors in 2024.\n\n" +
				"The next one is due on May 5, 2025.",
			want: laidOut{"Jixi Expo opens", "", "", "",
				[]string{"The expo, first held on June 30, 2014, opened with 300 exhibitors in 2024.", "The next one is due on May 5, 2025."}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := document.ParseText("a.txt", []byte(tt.text))
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
