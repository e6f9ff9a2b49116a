package shell

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestIncomplete(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"metrics", false},
		{"", false},
		{"# a comment (", false},
		{"metric gdp where", true},
		{"metric gdp where entity in (Harbin,", true},
		{"metric gdp where entity in (Harbin, Daqing)", false},
		{"metric gdp where (year = 2021", true},
		{"metric gdp where (year = 2021)", false},
		{`search "5G base`, true},
		{`search "5G base stations"`, false},
		{`search 'it\'s`, true},
		{`search 'it\'s'`, false},
		{`search "a (b"`, false},
		{"metric gdp by", true},
		{"metric gdp by year,", true},
		{"metric gdp by year", false},
		{"facts by metric", false},
		{"facts where year >=", true},
		{"explain", true},
		{"facts where entity = Harbin # and (", false},
		{"metric gdp where entity = Harbin and\n  year = 2021", false},
		{"facts where year = 2021 and", true},
		{"facts where entity = 哈尔滨 and", true},
		{"metric gdp;", false},
	}
	for _, tt := range tests {
		if got := incomplete(tt.text); got != tt.want {
			t.Errorf("incomplete(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestSplitStatements(t *testing.T) {
	tests := []struct {
		text string
		want []piece
	}{
		{"metrics", []piece{{"metrics", 0}}},
		{"metrics; years", []piece{{"metrics", 0}, {" years", 8}}},
		{"metrics;", []piece{{"metrics", 0}}},
		{`search "a;b"; years`, []piece{{`search "a;b"`, 0}, {" years", 13}}},
		{"metrics # a; b\n; years", []piece{{"metrics # a; b\n", 0}, {" years", 16}}},
		{" ; # nothing", nil},
	}
	for _, tt := range tests {
		got := splitStatements(tt.text)
		if diff := cmp.Diff(tt.want, got, cmp.AllowUnexported(piece{})); diff != "" {
			t.Errorf("splitStatements(%q) (-want +got):\n%s", tt.text, diff)
		}
	}
}

func TestQuoteName(t *testing.T) {
	tests := []struct{ name, want string }{
		{"Harbin", "Harbin"},
		{"Harbin New Area", `"Harbin New Area"`},
		{"high_tech_enterprises", "high_tech_enterprises"},
		{"5g_base_stations", "5g_base_stations"},
		{"2021", `"2021"`},
		{"1e6", `"1e6"`},
		{"Q1-Q3", "Q1-Q3"},
		{"count", `"count"`},
		{"Entity", `"Entity"`},
		{"哈尔滨", "哈尔滨"},
		{`say "hi"`, `"say \"hi\""`},
		{"-x", `"-x"`},
		{"x-", `"x-"`},
		{"a--b", `"a--b"`},
		{"", `""`},
	}
	for _, tt := range tests {
		if got := quoteName(tt.name); got != tt.want {
			t.Errorf("quoteName(%q) = %s, want %s", tt.name, got, tt.want)
		}
	}
}

func TestHistoryFile(t *testing.T) {
	env := func(m map[string]string) func(string) string {
		return func(k string) string { return m[k] }
	}
	tests := []struct {
		env  map[string]string
		want string
	}{
		{map[string]string{"XDG_STATE_HOME": "/state", "HOME": "/home/u"}, "/state/almanac/history"},
		{map[string]string{"XDG_STATE_HOME": "relative", "HOME": "/home/u"}, "/home/u/.local/state/almanac/history"},
		{map[string]string{"HOME": "/home/u"}, "/home/u/.local/state/almanac/history"},
		{map[string]string{}, ""},
	}
	for _, tt := range tests {
		if got := HistoryFile(env(tt.env)); got != tt.want {
			t.Errorf("HistoryFile(%v) = %q, want %q", tt.env, got, tt.want)
		}
	}
}

func TestContinuesStatement(t *testing.T) {
	for line, want := range map[string]bool{
		"  by year":          true,
		"order by year desc": true,
		"WHERE year = 2021":  true,
		"  and year = 2021":  true,
		", Daqing)":          true,
		"metric gdp":         false,
		"years":              false,
		"":                   false,
		"# by year":          false,
		".format csv":        false,
	} {
		if got := continuesStatement(line); got != want {
			t.Errorf("continuesStatement(%q) = %v, want %v", line, got, want)
		}
	}
}
