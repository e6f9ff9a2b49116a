package shell

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/almanacdb/almanac"
	"github.com/almanacdb/almanac/query/syntax"
	"github.com/google/go-cmp/cmp"
)

func fakeNames(kind nameKind) []string {
	switch kind {
	case metricNames:
		return []string{"gdp", "gdp_growth", "high_tech_enterprises", "5g_base_stations", "count"}
	case entityNames:
		return []string{"Harbin", "Harbin New Area", "Daqing", "Heilongjiang"}
	case unitNames:
		return []string{"CNY", "percent"}
	}
	return nil
}

func TestComplete(t *testing.T) {
	c := completer{names: fakeNames}
	tests := []struct {
		line       string
		head, tail string
		want       []string
	}{
		{"", "", "", statementWords()},
		{"me", "", "", []string{"metric", "metrics"}},
		{"ME", "", "", []string{"metric", "metrics"}},
		{"metric h", "metric ", "", []string{"high_tech_enterprises"}},
		{"metric gd", "metric ", "", []string{"gdp", "gdp_growth"}},
		{"metric co", "metric ", "", []string{`"count"`}},
		{"metric ", "metric ", "", []string{"5g_base_stations", `"count"`, "gdp", "gdp_growth", "high_tech_enterprises"}},
		{"metric gdp wh", "metric gdp ", "", []string{"where"}},
		{"metric gdp where entity = Har", "metric gdp where entity = ", "", []string{`"Harbin"`, `"Harbin New Area"`}},
		{"metric gdp where entity = har", "metric gdp where entity = ", "", []string{`"Harbin"`, `"Harbin New Area"`}},
		{"metric gdp where entity = H", "metric gdp where entity = ", "", []string{`"Harbin"`, `"Harbin New Area"`, `"Heilongjiang"`}},
		{"facts where status = ", "facts where status = ", "", []string{"actual", "plan"}},
		{"facts where period in (Q1, H", "facts where period in (Q1, ", "", []string{"H1", "H2"}},
		{"facts where period = y", "facts where period = ", "", []string{"year"}},
		{"facts where qualifier != a", "facts where qualifier != ", "", []string{"approx"}},
		{".help ag", ".help ", "", []string{"aggregates"}},
		{".help ch", ".help ", "", []string{"chart"}},
		{".mode t", ".mode ", "", []string{"table", "tsv"}},
		{`metric gdp where entity = "Harbin N`, "metric gdp where entity = ", "", []string{`"Harbin New Area"`}},
		{`facts where entity not in ("Harbin", Da`, `facts where entity not in ("Harbin", `, "", []string{"Daqing"}},
		{"facts where metric != 5", "facts where metric != ", "", []string{"5g_base_stations"}},
		{"facts where unit = c", "facts where unit = ", "", []string{"CNY"}},
		{"facts where unit = p", "facts where unit = ", "", []string{"percent"}},
		{"facts by metric o", "facts by metric ", "", []string{"order", "or"}},
		{"facts where year = 2021 and ent", "facts where year = 2021 and ", "", []string{"entities", "entity"}},
		{"facts where hei", "facts where ", "", []string{"Heilongjiang"}},
		{`search "Dai`, "search ", "", []string{"Daqing"}[:0]},
		{"explain me", "explain ", "", []string{"metric", "metrics"}},
		{"metrics; ye", "metrics; ", "", []string{"years"}},
		{".f", "", "", []string{".format"}},
		{".o", "", "", []string{".output", ".once", ".open"}},
		{".", "", "", metaNames()},
		{".format j", ".format ", "", []string{"json", "jsonl"}},
		{".timer ", ".timer ", "", []string{"on", "off"}},
		{".chart b", ".chart ", "", []string{"bar"}},
		{".chart bar metric h", ".chart bar metric ", "", []string{"high_tech_enterprises"}},
		{".chart metric h", ".chart metric ", "", []string{"high_tech_enterprises"}},
		{".nosuch x", ".nosuch ", "", nil},
	}
	for _, tt := range tests {
		head, got, tail := c.complete(tt.line, len([]rune(tt.line)))
		if head != tt.head || tail != tt.tail {
			t.Errorf("complete(%q): head, tail = %q, %q; want %q, %q", tt.line, head, tail, tt.head, tt.tail)
		}
		if diff := cmp.Diff(tt.want, got, cmp.Comparer(func(a, b []string) bool {
			return len(a) == 0 && len(b) == 0 || cmp.Equal(a, b)
		})); diff != "" {
			t.Errorf("complete(%q) (-want +got):\n%s", tt.line, diff)
		}
	}
}

func TestCompleteMidLine(t *testing.T) {
	c := completer{names: fakeNames}
	line := "metric hi by year"
	head, got, tail := c.complete(line, len("metric hi"))
	if head != "metric " || tail != " by year" || !cmp.Equal(got, []string{"high_tech_enterprises"}) {
		t.Errorf("complete(%q, 9) = %q, %q, %q", line, head, got, tail)
	}
}

func TestCompleteFile(t *testing.T) {
	dir := t.TempDir()
	for _, n := range []string{"a.aq", "ab.db", ".hidden"} {
		os.WriteFile(filepath.Join(dir, n), nil, 0o644)
	}
	os.Mkdir(filepath.Join(dir, "articles"), 0o755)
	c := completer{}
	_, got, _ := c.complete(".read "+dir+"/a", len(".read "+dir+"/a"))
	want := []string{dir + "/a.aq", dir + "/ab.db", dir + "/articles/"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("file completion (-want +got):\n%s", diff)
	}
}

// The completion word lists must agree with the language.
func TestKeywordsAreKeywords(t *testing.T) {
	for _, k := range keywords() {
		if !almanac.IsKeyword(k) {
			t.Errorf("completion offers %q, which is not a keyword", k)
		}
	}
	for _, k := range statementWords() {
		// A statement word alone is either a statement or wants more, but
		// is never the wrong start.
		var e *syntax.Error
		if _, err := syntax.Parse(k); errors.As(err, &e) && e.Pos.Column == 1 {
			t.Errorf("statement word %q does not start a statement: %v", k, err)
		}
	}
}
