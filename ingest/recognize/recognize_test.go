package recognize_test

import (
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	"github.com/almanacdb/almanac/ingest/recognize"
)

type num struct {
	Text  string
	Value float64
	Words bool
}

func TestNumbers(t *testing.T) {
	tests := []struct {
		text string
		want []num
	}{
		{"The port moved 1,234,567 tonnes and 3.5 million boxes.", []num{{"1,234,567", 1234567, false}, {"3.5 million", 3.5e6, false}}},
		{"It raised 9.73m in H1 and 4.5bn later.", []num{{"9.73m", 9.73e6, false}, {"4.5bn", 4.5e9, false}}},
		{"Some 40 mln tonnes, 2 bln yuan, $13.57billion.", []num{{"40 mln", 4e7, false}, {"2 bln", 2e9, false}, {"13.57billion", 1.357e10, false}}},
		{"six parks, twenty-five firms, two hundred staff, a dozen farms", []num{{"six", 6, true}, {"twenty-five", 25, true}, {"two hundred", 200, true}, {"a dozen", 12, true}}},
		{"three million visitors", []num{{"three million", 3e6, true}}},
		{"5G base stations, the 14th plan, COVID-19 and G20", nil},
		{"a total of 1,\n281 firms", []num{{"1,\n281", 1281, false}}},
		{"growth of 0.9 percent", []num{{"0.9", 0.9, false}}},
		{"The 1.5 trillion yuan plan", []num{{"1.5 trillion", 1.5e12, false}}},
	}
	for _, tt := range tests {
		var got []num
		for _, s := range recognize.Numbers(tt.text) {
			if s.Kind != recognize.Number {
				t.Errorf("%q: kind %v", tt.text, s.Kind)
			}
			got = append(got, num{tt.text[s.Start:s.End], s.Value, s.Words})
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("Numbers(%q) (-want +got):\n%s", tt.text, diff)
		}
	}
}

type qty struct {
	Text       string
	Value      float64
	Unit       string
	Qualifier  string
	Conversion bool
	Compound   bool
	Range      bool
	Lo         float64
}

func TestQuantities(t *testing.T) {
	tests := []struct {
		text string
		want []qty
	}{
		{"Sales hit 27.9 billion yuan ($4.12 billion) last year.", []qty{
			{Text: "27.9 billion yuan", Value: 2.79e10, Unit: "CNY"},
			{Text: "$4.12 billion", Value: 4.12e9, Unit: "USD", Conversion: true}}},
		{"The fund paid out 52.3 billion yuan (about 7.2 billion U.S. dollars).", []qty{
			{Text: "52.3 billion yuan", Value: 5.23e10, Unit: "CNY"},
			{Text: "7.2 billion U.S. dollars", Value: 7.2e9, Unit: "USD", Qualifier: "approx", Conversion: true}}},
		// A currency symbol may be set off by a space, not by a line.
		{"Sales were $ 4,100,000 and US$ 5 million, and $\n7 more.", []qty{
			{Text: "$ 4,100,000", Value: 4100000, Unit: "USD"},
			{Text: "US$ 5 million", Value: 5e6, Unit: "USD"},
			{Text: "7", Value: 7, Unit: "count"}}},
		// A currency code written onto its number, as releases write it.
		{"Revenue was RMB1.38 billion (US$190 million), and XRMB5 is a code.", []qty{
			{Text: "RMB1.38 billion", Value: 1.38e9, Unit: "CNY"},
			{Text: "US$190 million", Value: 1.9e8, Unit: "USD", Conversion: true}}},
		// A tilde or an almost-equal sign makes a figure approximate.
		{"It grew ~60 million tonnes, or \u2248 7 percent, and 5-6 tonnes.", []qty{
			{Text: "60 million tonnes", Value: 6e7, Unit: "tonnes", Qualifier: "approx"},
			{Text: "7 percent", Value: 7, Unit: "percent", Qualifier: "approx"},
			{Text: "5-6 tonnes", Value: 6, Unit: "tonnes", Range: true, Lo: 5}}},
		// Twenty-foot equivalent units are TEU, and the 20 is the unit's.
		{"The yard moved 9,488 20-foot equivalent unit boxes and 700 twenty-foot equivalent units.", []qty{
			{Text: "9,488 20-foot equivalent unit", Value: 9488, Unit: "TEU"},
			{Text: "700 twenty-foot equivalent units", Value: 700, Unit: "TEU"}}},
		{"It bought 20-foot boxes.", []qty{
			{Text: "20", Value: 20, Unit: "count", Compound: true}}},
		// A measure written into a modifier, and speeds.
		{"a 921-km line built for 350 kilometers per hour", []qty{
			{Text: "921-km", Value: 921, Unit: "km", Compound: true},
			{Text: "350 kilometers per hour", Value: 350, Unit: "km/h"}}},
		{"a 31.2-percent rise and a 300-meter-long hall", []qty{
			{Text: "31.2-percent", Value: 31.2, Unit: "percent", Compound: true},
			{Text: "300-meter", Value: 300, Unit: "m", Compound: true}}},
		// A physical measure restated in another unit is a conversion;
		// two measures in a row without brackets are two figures.
		{"It will plant 10 million mu (about 666,667 hectares) more.", []qty{
			{Text: "10 million mu", Value: 1e7, Unit: "mu"},
			{Text: "666,667 hectares", Value: 666667, Unit: "hectares", Qualifier: "approx", Conversion: true}}},
		{"It planted 10 million mu and 5,000 hectares.", []qty{
			{Text: "10 million mu", Value: 1e7, Unit: "mu"},
			{Text: "5,000 hectares", Value: 5000, Unit: "hectares"}}},
		{"Exports rose 24.6\u00a0percent, 1.2 percentage points faster.", []qty{
			{Text: "24.6\u00a0percent", Value: 24.6, Unit: "percent"},
			{Text: "1.2 percentage points", Value: 1.2, Unit: "points"}}},
		{"GDP is expected to grow 6-6.5 percent.", []qty{{Text: "6-6.5 percent", Value: 6.5, Unit: "percent", Range: true, Lo: 6}}},
		{"between 5 and 6 billion yuan", []qty{{Text: "5 and 6 billion yuan", Value: 6e9, Unit: "CNY", Range: true, Lo: 5e9}}},
		// A unit written once for a list of numbers is each number's.
		{"up 15.1 and 14.6 percent respectively", []qty{
			{Text: "15.1", Value: 15.1, Unit: "percent"},
			{Text: "14.6 percent", Value: 14.6, Unit: "percent"}}},
		{"5, 6.5 and 7 billion yuan", []qty{
			{Text: "5", Value: 5e9, Unit: "CNY"},
			{Text: "6.5", Value: 6.5e9, Unit: "CNY"},
			{Text: "7 billion yuan", Value: 7e9, Unit: "CNY"}}},
		{"30 and 40 parks", []qty{{Text: "30", Value: 30, Unit: "count"}, {Text: "40", Value: 40, Unit: "count"}}},
		{"30 parks and 40 percent", []qty{{Text: "30", Value: 30, Unit: "count"}, {Text: "40 percent", Value: 40, Unit: "percent"}}},
		{"rose from 5 to 6 percent", []qty{{Text: "5", Value: 5, Unit: "count"}, {Text: "6 percent", Value: 6, Unit: "percent"}}},
		{"expects revenue to exceed 9 billion yuan", []qty{{Text: "9 billion yuan", Value: 9e9, Unit: "CNY", Qualifier: "min"}}},
		{"more than 200,000 students and up to 450 million yuan", []qty{
			{Text: "200,000", Value: 200000, Unit: "count", Qualifier: "min"},
			{Text: "450 million yuan", Value: 4.5e8, Unit: "CNY", Qualifier: "max"}}},
		{"58,800 metric tons of cargo, 3.1 billion cubic meters of gas, 388 million kWh", []qty{
			{Text: "58,800 metric tons", Value: 58800, Unit: "tonnes"},
			{Text: "3.1 billion cubic meters", Value: 3.1e9, Unit: "m3"},
			{Text: "388 million kWh", Value: 3.88e8, Unit: "kWh"}}},
		{"a 3 GW plant on 120 hectares and 2,000 km of road", []qty{
			{Text: "3 GW", Value: 3, Unit: "GW"}, // GUIDELINES.md lists GW as a unit of its own
			{Text: "120 hectares", Value: 120, Unit: "hectares"},
			{Text: "2,000 km", Value: 2000, Unit: "km"}}},
		{"the 25-million-tonne goal and the three-day fair", []qty{
			{Text: "25", Value: 25, Unit: "count", Compound: true},
			{Text: "three", Value: 3, Unit: "count", Compound: true}}},
		{"In 2023, on Aug 24, at 15:10, during 2021-25", nil},
		{"its \u201c4+4\u201d system", []qty{{Text: "4", Value: 4, Unit: "count", Compound: true}, {Text: "4", Value: 4, Unit: "count", Compound: true}}},
		{"2000 yuan", []qty{{Text: "2000 yuan", Value: 2000, Unit: "CNY"}}},
	}
	for _, tt := range tests {
		var got []qty
		for _, q := range recognize.Quantities(tt.text) {
			got = append(got, qty{tt.text[q.Start:q.End], q.Value, q.Unit, q.Qualifier, q.Conversion, q.Compound, q.Range, q.Lo})
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("Quantities(%q) (-want +got):\n%s", tt.text, diff)
		}
	}
}

type span struct {
	Text  string
	Kind  recognize.Kind
	Value float64
	Lo    float64
	Label string
}

func spans(text string, ss []recognize.Span) []span {
	var out []span
	for _, s := range ss {
		out = append(out, span{text[s.Start:s.End], s.Kind, s.Value, s.Lo, s.Label})
	}
	return out
}

func TestYearsAndDates(t *testing.T) {
	text := "In 2020, the 2021-25 plan and the 2023-2024 season; 2000 yuan. Held on Aug 24 and Dec. 28, 2023, at 15:10; since December 2015; 2023-12-28. " +
		"Open from Feb. 10 to 17 and Oct 1-7, at 9 am."
	wantYears := []span{
		{"2020", recognize.Year, 2020, 0, ""},
		{"2021-25", recognize.YearRange, 2025, 2021, ""},
		{"2023-2024", recognize.YearRange, 2024, 2023, ""},
		{"2023", recognize.Year, 2023, 0, ""},
		{"2015", recognize.Year, 2015, 0, ""},
	}
	if diff := cmp.Diff(wantYears, spans(text, recognize.Years(text))); diff != "" {
		t.Errorf("Years (-want +got):\n%s", diff)
	}
	wantDates := []span{
		{"Aug 24", recognize.Date, 0, 0, ""},
		{"Dec. 28, 2023", recognize.Date, 2023, 0, ""},
		{"15:10", recognize.Date, 0, 0, ""},
		{"December 2015", recognize.Date, 2015, 0, ""},
		{"2023-12-28", recognize.Date, 2023, 0, ""},
		{"Feb. 10 to 17", recognize.Date, 0, 0, ""},
		{"Oct 1-7", recognize.Date, 0, 0, ""},
		{"9 am", recognize.Date, 0, 0, ""},
	}
	if diff := cmp.Diff(wantDates, spans(text, recognize.Dates(text))); diff != "" {
		t.Errorf("Dates (-want +got):\n%s", diff)
	}
}

func TestPeriods(t *testing.T) {
	text := "In the first quarter and Q3, the first half, H2, the first three quarters, the first 10 months, " +
		"the first two months, January-March, Jan-Oct, April to June, in May, by the end of June, 430 flights a day, the Spring Festival holiday, " +
		"holiday tourism revenue, first-half GDP, the six months ended June 30, the 9 months ending September, the two months ended May 31."
	want := []span{
		{"first quarter", recognize.Period, 0, 0, "Q1"},
		{"Q3", recognize.Period, 0, 0, "Q3"},
		{"first half", recognize.Period, 0, 0, "H1"},
		{"H2", recognize.Period, 0, 0, "H2"},
		{"first three quarters", recognize.Period, 0, 0, "Q1-Q3"},
		{"first 10 months", recognize.Period, 0, 0, "M1-M10"},
		{"first two months", recognize.Period, 0, 0, "M1-M2"},
		{"January-March", recognize.Period, 0, 0, "Q1"},
		{"Jan-Oct", recognize.Period, 0, 0, "M1-M10"},
		{"April to June", recognize.Period, 0, 0, "Q2"},
		{"May", recognize.Period, 0, 0, "M5"},
		{"a day", recognize.Period, 0, 0, "span"},
		{"holiday", recognize.Period, 0, 0, "span"},
		{"first-half", recognize.Period, 0, 0, "H1"},
		{"six months ended June", recognize.Period, 0, 0, "H1"},
		{"9 months ending September", recognize.Period, 0, 0, "Q1-Q3"},
		{"two months ended May", recognize.Period, 0, 0, "M4-M5"},
	}
	if diff := cmp.Diff(want, spans(text, recognize.Periods(text))); diff != "" {
		t.Errorf("Periods (-want +got):\n%s", diff)
	}
}

func TestMarkers(t *testing.T) {
	text := "About 5 percent, over 10 per cent, up to 3%, nearly 40 yuan, more than $6, at least 7 euros, less than 2 tonnes."
	wantQ := []span{
		{"About", recognize.Qualifier, 0, 0, "approx"},
		{"over", recognize.Qualifier, 0, 0, "min"},
		{"up to", recognize.Qualifier, 0, 0, "max"},
		{"nearly", recognize.Qualifier, 0, 0, "approx"},
		{"more than", recognize.Qualifier, 0, 0, "min"},
		{"at least", recognize.Qualifier, 0, 0, "min"},
		{"less than", recognize.Qualifier, 0, 0, "max"},
	}
	if diff := cmp.Diff(wantQ, spans(text, recognize.Qualifiers(text))); diff != "" {
		t.Errorf("Qualifiers (-want +got):\n%s", diff)
	}
	wantP := []span{
		{"percent", recognize.Percent, 0, 0, "percent"},
		{"per cent", recognize.Percent, 0, 0, "percent"},
		{"%", recognize.Percent, 0, 0, "percent"},
	}
	if diff := cmp.Diff(wantP, spans(text, recognize.Percents(text))); diff != "" {
		t.Errorf("Percents (-want +got):\n%s", diff)
	}
	wantC := []span{
		{"yuan", recognize.Currency, 0, 0, "CNY"},
		{"$", recognize.Currency, 0, 0, "USD"},
		{"euros", recognize.Currency, 0, 0, "EUR"},
	}
	if diff := cmp.Diff(wantC, spans(text, recognize.Currencies(text))); diff != "" {
		t.Errorf("Currencies (-want +got):\n%s", diff)
	}
	wantU := []span{{"tonnes", recognize.Unit, 1, 0, "tonnes"}}
	if diff := cmp.Diff(wantU, spans(text, recognize.Units(text))); diff != "" {
		t.Errorf("Units (-want +got):\n%s", diff)
	}
}

// checkSpans fails when a span is outside text or not on rune boundaries.
func checkSpans(t *testing.T, name, text string, ss []recognize.Span) {
	t.Helper()
	for _, s := range ss {
		if s.Start < 0 || s.End > len(text) || s.Start > s.End {
			t.Fatalf("%s: span %d:%d outside %d bytes", name, s.Start, s.End, len(text))
		}
		if s.End > s.Start && utf8.ValidString(text) && (!boundary(text, s.Start) || !boundary(text, s.End)) {
			t.Fatalf("%s: span %d:%d splits a rune in %q", name, s.Start, s.End, text)
		}
	}
}

func boundary(text string, i int) bool {
	return i == len(text) || text[i] < 0x80 || text[i] >= 0xC0
}

func FuzzRecognize(f *testing.F) {
	for _, s := range []string{
		"Jixi's output rose 3.8 percent to 27.9 billion yuan ($4.12 billion) in the second quarter of 2022.",
		"some 2.6 million charging posts, over 170 million riders, up to 80 million yuan each",
		"the 25-million-tonne goal, 6-6.5 percent, between 5 and 6 billion yuan, Jan-Oct, Aug. 24, 15:10",
		"1,\n281 firms\u00a0and 24.6\u00a0percent \u2014 \u201c4+4\u201d twenty-five a dozen 9.73m",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		checkSpans(t, "Numbers", text, recognize.Numbers(text))
		checkSpans(t, "Currencies", text, recognize.Currencies(text))
		checkSpans(t, "Percents", text, recognize.Percents(text))
		checkSpans(t, "Units", text, recognize.Units(text))
		checkSpans(t, "Years", text, recognize.Years(text))
		checkSpans(t, "Dates", text, recognize.Dates(text))
		checkSpans(t, "Periods", text, recognize.Periods(text))
		checkSpans(t, "Qualifiers", text, recognize.Qualifiers(text))
		for _, q := range recognize.Quantities(text) {
			checkSpans(t, "Quantities", text, []recognize.Span{
				{Start: q.Start, End: q.End}, {Start: q.NumStart, End: q.NumEnd}, {Start: q.QualStart, End: q.Start}})
			if q.NumStart < q.Start || q.NumEnd > q.End {
				t.Fatalf("number %d:%d outside quantity %d:%d", q.NumStart, q.NumEnd, q.Start, q.End)
			}
		}
	})
}

func BenchmarkQuantities(b *testing.B) {
	text := ""
	for len(text) < 64<<10 {
		text += "In the third quarter, Jixi's output grew 4.2 percent year-on-year to 18.65 billion yuan ($2.6 billion), " +
			"and the city gained 734 software firms, more than 12 labs and about 900 km of pipelines.\n"
	}
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		recognize.Quantities(text)
	}
}
