package resolve_test

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/almanacdb/almanac/ingest/resolve"
)

func TestBuiltin(t *testing.T) {
	tests := []struct {
		name string
		want resolve.Entity
		ok   bool
	}{
		{"Harbin", resolve.Entity{Name: "Harbin", Level: resolve.City}, true},
		{"harbin  city", resolve.Entity{Name: "Harbin", Level: resolve.City}, true},
		{"Harbin New Zone", resolve.Entity{Name: "Harbin New Area", Level: resolve.Area}, true},
		{"Heilongjiang Province", resolve.Entity{Name: "Heilongjiang", Level: resolve.Province}, true},
		// The Northeast's figures are its own, not China's (GUIDELINES.md).
		{"Northeast China", resolve.Entity{Name: "Northeast China", Level: resolve.Region}, true},
		{"the Northeast", resolve.Entity{Name: "Northeast China", Level: resolve.Region}, true},
		{"Harbin airport", resolve.Entity{Name: "Harbin Taiping International Airport", Level: resolve.Org}, true},
		{"Songbei", resolve.Entity{Name: "Songbei District", Level: resolve.District}, true},
		{"Atlantis", resolve.Entity{}, false},
	}
	for _, tt := range tests {
		got, ok := resolve.Builtin().Entity(tt.name)
		if ok != tt.ok {
			t.Errorf("Entity(%q) ok = %v", tt.name, ok)
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("Entity(%q) (-want +got):\n%s", tt.name, diff)
		}
	}
}

func TestParseAliases(t *testing.T) {
	file := `# our aliases
HNA = Harbin New Area
Harbin Electric = Harbin Electric Corporation
Bingcheng = Harbin @city

Ice City = Harbin
`
	tab, err := resolve.ParseAliases("aliases.txt", strings.NewReader(file), resolve.Builtin())
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]resolve.Entity{
		"HNA":             {Name: "Harbin New Area", Level: resolve.Area},
		"harbin electric": {Name: "Harbin Electric Corporation", Level: resolve.Org},
		"Bingcheng":       {Name: "Harbin", Level: resolve.City},
		"Ice City":        {Name: "Harbin", Level: resolve.City},
	} {
		got, ok := tab.Entity(name)
		if !ok {
			t.Errorf("%q unknown", name)
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("Entity(%q) (-want +got):\n%s", name, diff)
		}
	}
	if _, ok := resolve.Builtin().Entity("HNA"); ok {
		t.Error("ParseAliases changed the built-in table")
	}
}

func TestParseAliasesErrors(t *testing.T) {
	tests := []struct{ file, want string }{
		{"Harbin\n", "a.txt:1: want \"alias = canonical\", got \"Harbin\""},
		{"# c\n = Harbin\n", "a.txt:2: empty alias"},
		{"X =\n", "a.txt:1: empty canonical name"},
		{"X = Y @planet\n", "a.txt:1: unknown level \"planet\" (want country, province, city, district, area or org)"},
	}
	for _, tt := range tests {
		_, err := resolve.ParseAliases("a.txt", strings.NewReader(tt.file), nil)
		if err == nil || err.Error() != tt.want {
			t.Errorf("ParseAliases(%q) = %v, want %q", tt.file, err, tt.want)
		}
	}
}

type mention struct {
	Text       string
	Name       string
	Level      resolve.Level
	Ref        bool
	Possessive bool
}

func TestMentions(t *testing.T) {
	tests := []struct {
		text string
		want []mention
	}{
		{"In Northeast China\u2019s Heilongjiang province, Harbin city grew.", []mention{
			{"Northeast China", "Northeast China", resolve.Region, false, true},
			{"Heilongjiang province", "Heilongjiang", resolve.Province, false, false},
			{"Harbin city", "Harbin", resolve.City, false, false},
		}},
		// An unknown name that owns with 's names an owner; not at a
		// sentence's start, nor a time label.
		{"Exports rose; Yanbei's rose 14 percent, above Q1's 3 percent.", []mention{
			{"Yanbei", "Yanbei", resolve.Org, false, true},
		}},
		// An unknown name after "at" is a venue or a business; a month
		// after it is a time.
		{"Sales grew 9 percent at Walmart and 4 percent at Jixi Lantern Park in May, but not at Christmas.", []mention{
			{"Walmart", "Walmart", resolve.Org, false, false},
			{"Jixi Lantern Park", "Jixi Lantern Park", resolve.Org, false, false},
		}},
		// A site owns its figures (GUIDELINES.md, "Owner"): a name that
		// ends in World, Park, Fair... is one, links and all.
		{"Harbin Ice and Snow World and the Harbin New Area Trade Service Group opened.", []mention{
			{"Harbin Ice and Snow World", "Harbin Ice and Snow World", resolve.Org, false, false},
			{"Harbin New Area Trade Service Group", "Harbin New Area Trade Service Group", resolve.Org, false, false},
		}},
		{"The Jixi International Fair for Farm and Forest Products drew traders to Feihe (Harbin) Dairy Co and the Harbin-Dalian high-speed railway.", []mention{
			{"Jixi International Fair for Farm and Forest Products", "Jixi International Fair for Farm and Forest Products", resolve.Org, false, false},
			{"Feihe (Harbin) Dairy Co", "Feihe (Harbin) Dairy Co", resolve.Org, false, false},
			{"Harbin-Dalian high-speed railway", "Harbin-Dalian high-speed railway", resolve.Org, false, false},
		}},
		{"Opening the Harbin-Dalian high-speed railway helped Daqing Oilfield.", []mention{
			{"Harbin-Dalian high-speed railway", "Harbin-Dalian high-speed railway", resolve.Org, false, false},
			{"Daqing Oilfield", "Daqing Oilfield", resolve.Org, false, false},
		}},
		{"Trade through Manzhouli and Suifenhe ports rose; Heilongjiang and Jilin grew.", []mention{
			{"Manzhouli and Suifenhe ports", "Manzhouli and Suifenhe ports", resolve.Org, false, false},
			{"Heilongjiang", "Heilongjiang", resolve.Province, false, false},
			{"Jilin", "Jilin", resolve.Province, false, false},
		}},
		{"Daqing Oilfield said its output rose; the oilfield and the city's plants grew.", []mention{
			{"Daqing Oilfield", "Daqing Oilfield", resolve.Org, false, false},
			{"its", "", 0, true, true},
			{"the oilfield", "", resolve.Org, true, false},
			{"the city", "", resolve.City, true, true},
		}},
		// A word no place begins with, before a place, makes a company's
		// short name; a direction before it qualifies the place.
		{"Acme Jixi delivered pumps, and NE China's Hegang and Northeast Jixi grew.", []mention{
			{"Acme Jixi", "Acme Jixi", resolve.Org, false, false},
			{"China", "China", resolve.Country, false, true},
			{"Hegang", "Hegang", resolve.City, false, false},
			{"Jixi", "Jixi", resolve.City, false, false},
		}},
		// "People's" inside a name is no possessive.
		{"The Jixi Municipal People's Congress met, and people's lives got better.", []mention{
			{"Jixi Municipal People's Congress", "Jixi Municipal People's Congress", resolve.Org, false, false},
		}},
		// A legal form after a comma makes a company of its own.
		{"Jixi Motor, Inc. and Hegang Mining, Ltd. grew, but Jixi, Co. did not; Meanwhile, Inc. is no name.", []mention{
			{"Jixi Motor, Inc", "Jixi Motor Inc", resolve.Org, false, false},
			{"Hegang Mining, Ltd", "Hegang Mining Ltd", resolve.Org, false, false},
			{"Jixi, Co", "Jixi Co", resolve.Org, false, false},
		}},
		// A site named by its place with "of" is the site, not the place.
		{"Trade at the border port of Jixi and at Northeast China's ports of Hegang and Mishan grew; Port of Yingkou rose.", []mention{
			{"border port of Jixi", "Jixi border port", resolve.Org, false, false},
			{"Northeast China", "Northeast China", resolve.Region, false, true},
			{"ports of Hegang and Mishan", "Hegang and Mishan ports", resolve.Org, false, false},
			{"Port of Yingkou", "Port of Yingkou", resolve.Org, false, false},
		}},
		{"The west route of the Jixi-Hegang freight railway grew.", []mention{
			{"west route of the Jixi-Hegang freight railway", "Jixi-Hegang freight railway west route", resolve.Org, false, false},
		}},
		{"The city of Jixi and the port of entry grew, and the two ports rose.", []mention{
			{"The city", "", resolve.City, true, false},
			{"Jixi", "Jixi", resolve.City, false, false},
			{"the port", "", resolve.Org, true, false},
			{"the two ports", "", resolve.Org, true, false},
		}},
		// A measure written as a modifier may stand inside a reference.
		{"The 340-kilometer-long railway runs, and the 2020 plan is out.", []mention{
			{"The 340-kilometer-long railway", "", resolve.Org, true, false},
		}},
		{"This northern city leads, and growth at the county level is strong.", []mention{
			{"This northern city", "", resolve.City, true, false},
		}},
	}
	for _, tt := range tests {
		var got []mention
		for _, m := range resolve.Mentions(tt.text, resolve.Builtin()) {
			got = append(got, mention{tt.text[m.Start:m.End], m.Entity.Name, m.Entity.Level, m.Ref, m.Possessive})
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("Mentions(%q) (-want +got):\n%s", tt.text, diff)
		}
	}
}

func TestTracker(t *testing.T) {
	text := "Harbin Taiping International Airport is in Harbin, Heilongjiang. The city grew. Harbin airport runs flights. The airport and the province and it."
	var tr resolve.Tracker
	var got []string
	for _, m := range resolve.Mentions(text, resolve.Builtin()) {
		e, ok := tr.Resolve(m)
		if !ok {
			got = append(got, "?")
			continue
		}
		got = append(got, e.Name)
		if !m.Ref {
			tr.Observe(e)
			tr.SetSubject(e)
		}
	}
	want := []string{
		"Harbin Taiping International Airport", "Harbin", "Heilongjiang", "Harbin",
		"Harbin Taiping International Airport", "Harbin Taiping International Airport", "Heilongjiang",
		"Harbin Taiping International Airport",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("resolved (-want +got):\n%s", diff)
	}
}

// A company's short name is the company named in full before it.
func TestTrackerShortName(t *testing.T) {
	text := "Acme Jixi Pump Works Co sold pumps in Jixi. Acme Jixi delivered 60 more."
	var tr resolve.Tracker
	var got []string
	for _, m := range resolve.Mentions(text, resolve.Builtin()) {
		e, _ := tr.Resolve(m)
		got = append(got, e.Name)
		tr.Observe(e)
	}
	want := []string{"Acme Jixi Pump Works Co", "Jixi", "Acme Jixi Pump Works Co"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("resolved (-want +got):\n%s", diff)
	}
}

// A reference's noun finds the organisation of its kind: "the line" is
// the railway named before, "the event" the fair, not the airport.
func TestTrackerKinds(t *testing.T) {
	text := "The Harbin-Dalian high-speed railway opened near Harbin Taiping International Airport. The line is long. " +
		"The Harbin International Fair for Trade drew crowds to the Harbin Taiping International Airport. The event grew."
	var tr resolve.Tracker
	var refs []string
	for _, m := range resolve.Mentions(text, resolve.Builtin()) {
		e, ok := tr.Resolve(m)
		if !m.Ref {
			tr.Observe(e)
			continue
		}
		if !ok {
			e.Name = "?"
		}
		refs = append(refs, text[m.Start:m.End]+"="+e.Name)
	}
	want := []string{"The line=Harbin-Dalian high-speed railway", "The event=Harbin International Fair for Trade"}
	if diff := cmp.Diff(want, refs); diff != "" {
		t.Errorf("references (-want +got):\n%s", diff)
	}
}

func TestNormalize(t *testing.T) {
	if got := resolve.Normalize("  Harbin\u00a0New-Area\u2019s. "); got != "harbin new area's" {
		t.Errorf("Normalize = %q", got)
	}
}

func FuzzMentions(f *testing.F) {
	f.Add("In Northeast China's Heilongjiang province, Harbin city and the city's airport grew; it rose.")
	f.Add("Daqing Oilfield\u2019s output \u2014 \u201cthe oilfield\u201d \u00a0Harbin New Zone")
	f.Fuzz(func(t *testing.T, text string) {
		var tr resolve.Tracker
		for _, m := range resolve.Mentions(text, resolve.Builtin()) {
			if m.Start < 0 || m.End > len(text) || m.Start >= m.End {
				t.Fatalf("mention %d:%d outside %d bytes", m.Start, m.End, len(text))
			}
			if e, ok := tr.Resolve(m); ok {
				tr.Observe(e)
			}
		}
	})
}

// TestPlaceByHead checks that a capitalised name ending in a place word
// is a place of its own when the lookup does not know it, and the known
// place when its first words are one.
func TestPlaceByHead(t *testing.T) {
	text := "Qingfeng County and Luobei County grew, and Daqing High-tech Zone and the Qixing Nature Reserve too. " +
		"The Pilot Free Trade Zone and the Vanke Eco City did not."
	var got []resolve.Entity
	for _, m := range resolve.Mentions(text, resolve.Builtin()) {
		if !m.Ref {
			got = append(got, m.Entity)
		}
	}
	want := []resolve.Entity{
		{Name: "Qingfeng County", Level: resolve.District},
		{Name: "Luobei", Level: resolve.District},
		{Name: "Daqing High-tech Zone", Level: resolve.Area},
		{Name: "Qixing Nature Reserve", Level: resolve.Area},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("mentions (-want +got):\n%s", diff)
	}
}
