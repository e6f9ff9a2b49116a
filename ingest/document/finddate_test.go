package document

import (
	"testing"
	"time"
)

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func TestFindDate(t *testing.T) {
	tests := []struct {
		in   string
		want time.Time // zero: none
		span string    // the text of the date found
	}{
		{"Updated : 2024-08-26", day(2024, 8, 26), "2024-08-26"},
		{"2019- 07- 25", day(2019, 7, 25), "2019- 07- 25"},
		{"released 2022/3/4 at noon", day(2022, 3, 4), "2022/3/4"},
		{"2024.01.09 10:00", day(2024, 1, 9), "2024.01.09"},
		{"Jixi plans parks 02-10-2021", day(2021, 2, 10), "02-10-2021"}, // month first
		{"25.07.2019", day(2019, 7, 25), "25.07.2019"},                  // day first: 25 is no month
		{"Monday, August 26, 2024", day(2024, 8, 26), "Monday, August 26, 2024"},
		{"on Aug. 26, 2024 at", day(2024, 8, 26), "Aug. 26, 2024"},
		{"Sept 3 2021", day(2021, 9, 3), "Sept 3 2021"},
		{"26 Feb 2025, 22:39", day(2025, 2, 26), "26 Feb 2025"},
		{"- 24th Oct, 2019 )", day(2019, 10, 24), "24th Oct, 2019"},
		{"said Monday [16 of February 2015].", day(2015, 2, 16), "16 of February 2015"},
		{"Updated : 2022-05-11Source : X", day(2022, 5, 11), "2022-05-11"},
		{"Aug\u00a026,\u00a02024", day(2024, 8, 26), "Aug\u00a026,\u00a02024"},

		{"in 2024", time.Time{}, ""},
		{"Aug 26 and more", time.Time{}, ""},
		{"up 12.5 percent", time.Time{}, ""},
		{"2024-13-01", time.Time{}, ""},
		{"2023-02-29", time.Time{}, ""},
		{"20240826", time.Time{}, ""},
		{"May 2024", time.Time{}, ""},
		{"x2024-08-26", time.Time{}, ""},
		{"2024-08-261", time.Time{}, ""},
		{"Aug 26, 20245", time.Time{}, ""},
		{"Marchers 3, 2024", time.Time{}, ""},
		{"3rdly May 2024", time.Time{}, ""},
	}
	for _, tt := range tests {
		i, j, got, ok := findDate(tt.in)
		if ok != !tt.want.IsZero() || !got.Equal(tt.want) {
			t.Errorf("findDate(%q) = %v, %v; want %v", tt.in, got, ok, tt.want)
			continue
		}
		if ok && tt.in[i:j] != tt.span {
			t.Errorf("findDate(%q) span %q, want %q", tt.in, tt.in[i:j], tt.span)
		}
	}
}

func TestURLDate(t *testing.T) {
	tests := []struct {
		in   string
		want time.Time
	}{
		{"https://news.example.com/biz/2024/07/15/daqing.html", day(2024, 7, 15)},
		{"https://news.example.com/2024-07-15/daqing", day(2024, 7, 15)},
		{"https://news.example.com/a/20240715/x.html", day(2024, 7, 15)},
		{"https://www.example.cn/a/202401/23/WS1a2b.html", day(2024, 1, 23)},
		{"http://example.cn/n1/2023/1213/c900-2010952.html", day(2023, 12, 13)},
		{"http://example.cn/english/2024-01/23/c_1301.htm", day(2024, 1, 23)},
		{"http://example.cn/2017/02-21/81.shtml", day(2017, 2, 21)},
		{"/local/2021/8/26/trains", day(2021, 8, 26)},

		{"https://news.example.com/biz/daqing.html", time.Time{}},
		{"https://news.example.com/2024/07/daqing.html", time.Time{}},
		{"https://news.example.com/story/2024071512345", time.Time{}},
		{"https://news.example.com/c_1310733224.htm", time.Time{}},
		{"https://news.example.com/1885/01/02/old", time.Time{}},
		{"https://news.example.com/x?date=2024-07-15", time.Time{}},
		{"https://2024-07-15.example.com/", time.Time{}},
		{"", time.Time{}},
	}
	for _, tt := range tests {
		got, ok := urlDate(tt.in)
		if ok != !tt.want.IsZero() || !got.Equal(tt.want) {
			t.Errorf("urlDate(%q) = %v, %v; want %v", tt.in, got, ok, tt.want)
		}
	}
}

func TestMonthDayNear(t *testing.T) {
	tests := []struct {
		md   monthDay
		ref  time.Time
		want time.Time
	}{
		{monthDay{time.March, 13}, day(2025, 2, 26), day(2025, 3, 13)}, // a photo of the days before
		{monthDay{time.January, 2}, day(2023, 12, 28), day(2024, 1, 2)},
		{monthDay{time.February, 6}, day(2014, 6, 30), day(2015, 2, 6)}, // an event of the year before
		{monthDay{time.December, 1}, day(2024, 1, 5), day(2024, 12, 1)},
		{monthDay{time.December, 20}, day(2024, 1, 5), day(2023, 12, 20)}, // less than a month before the page's other date
		{monthDay{time.February, 29}, day(2023, 6, 1), day(2024, 2, 29)},
	}
	for _, tt := range tests {
		got, ok := tt.md.near(tt.ref)
		if !ok || !got.Equal(tt.want) {
			t.Errorf("%v.near(%v) = %v, %v; want %v", tt.md, tt.ref, got, ok, tt.want)
		}
	}
}
