package syntax_test

import (
	"errors"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/almanacdb/almanac/query/syntax"
)

var update = flag.Bool("update", false, "rewrite testdata/grammar.ebnf from EBNF()")

// ignorePos compares trees without positions.
var ignorePos = cmpopts.IgnoreTypes(syntax.Pos{})

// goodQueries maps queries that must parse to their canonical text.
var goodQueries = []struct{ in, want string }{
	{`metric high_tech_enterprises by year`, `metric high_tech_enterprises by year`},
	{`metric high_tech_enterprises by entity`, `metric high_tech_enterprises by entity`},
	{`metric high_tech_enterprises where entity = "Harbin" by year`, `metric high_tech_enterprises where entity = "Harbin" by year`},
	{`metric gdp where year >= 2019 and year <= 2021`, `metric gdp where year >= 2019 and year <= 2021`},
	{`facts where entity = "Harbin New Area" and year = 2024`, `facts where entity = "Harbin New Area" and year = 2024`},
	{`entities`, `entities`},
	{`metrics`, `metrics`},
	{`years`, `years`},
	{`documents`, `documents`},
	{`units`, `units`},
	{`metrics like "incubator"`, `metrics like "incubator"`},
	{`show fact 12`, `show fact 12`},
	{`search "5G base stations"`, `search "5G base stations"`},
	{`explain metric gdp by year`, `explain metric gdp by year`},
	{`sum metric gdp where year = 2021 by entity`, `sum metric gdp where year = 2021 by entity`},
	{`count facts by metric order by value desc limit 10`, `count facts by metric order by value desc limit 10`},
	{`growth metric gdp by year`, `growth metric gdp by year`},
	{`facts where not (status = plan or period in (Q1, H1)) and value > 1e9`,
		`facts where not (status = "plan" or period in ("Q1", "H1")) and value > 1e9`},
	{`metric gdp where entity in ("Harbin", "Daqing") and unit = CNY order by year desc limit 5`,
		`metric gdp where entity in ("Harbin", "Daqing") and unit = "CNY" order by year desc limit 5`},

	// Names, words and numbers.
	{`metric 5g_base_stations by year`, `metric 5g_base_stations by year`},
	{`metric "gross domestic product"`, `metric "gross domestic product"`},
	{`metric "gdp"`, `metric gdp`},
	{`metric "count"`, `metric "count"`},
	{`metric "2021"`, `metric "2021"`},
	{`metric 哈尔滨_gdp`, `metric 哈尔滨_gdp`},
	{`facts where period = Q1-Q3`, `facts where period = "Q1-Q3"`},
	{`facts where period in (M1-M2, 2024-H1, "Q1-Q3")`, `facts where period in ("M1-M2", "2024-H1", "Q1-Q3")`},
	{`facts where value > -3.5 and value < 1E+6 and value != 007`, `facts where value > -3.5 and value < 1E+6 and value != 7`},
	{`facts where value in (1,180)`, `facts where value in (1, 180)`},
	{`facts where entity = 'it\'s' and qualifier = "say \"hi\"\n\t\u00e9\\"`,
		`facts where entity = "it's" and qualifier = "say \"hi\"\n\té\\"`},
	{`facts where entity = 哈尔滨`, `facts where entity = "哈尔滨"`},
	{`facts where period = year and unit = count`, `facts where period = "year" and unit = "count"`},
	{`facts where period in (year, Q1) and entity = metric`, `facts where period in ("year", "Q1") and entity = "metric"`},
	{`facts where conflict and not conflict`, `facts where conflict and not conflict`},
	{`facts where not (conflict or year = 2020)`, `facts where not (conflict or year = 2020)`},
	{`conflicts`, `conflicts`},
	{`conflicts where metric = gdp order by year desc limit 3`, `conflicts where metric = "gdp" order by year desc limit 3`},
	{`entities order by facts desc`, `entities order by facts desc`},
	{`documents order by published, title`, `documents order by published, title`},
	{`metric gdp by year order by Harbin desc, "Harbin New Area", 2020`, `metric gdp by year order by Harbin desc, "Harbin New Area", "2020"`},
	{`metric gdp order by "year", "count", "by"`, `metric gdp order by year, count, "by"`},

	// Keywords in any case, ";" and comments.
	{`METRIC gdp WHERE Year = 2021 BY Entity;`, `metric gdp where year = 2021 by entity`},
	{"# totals\nmetric gdp # by city\n  by entity ; # done", `metric gdp by entity`},
	{"metric gdp\twhere\r\nyear = 2021", `metric gdp where year = 2021`},

	// Clauses.
	{`avg metric gdp by year, entity order by year asc, sources desc limit 0`, `avg metric gdp by year, entity order by year, sources desc limit 0`},
	{`min metric gdp`, `min metric gdp`},
	{`max facts where metric = gdp`, `max facts where metric = "gdp"`},
	{`entities like "Harbin" where year = 2024 order by entity limit 3`, `entities like "Harbin" where year = 2024 order by entity limit 3`},
	{`metrics like incubator`, `metrics like "incubator"`},
	{`documents where document like "%2024%"`, `documents where document like "%2024%"`},
	{`show document 3`, `show document 3`},
	{`show document "harbin-2024.html"`, `show document "harbin-2024.html"`},
	{`search gdp limit 5`, `search "gdp" limit 5`},
	{`facts where entity not in (Harbin) and entity not like "Da%" and id = 4`, `facts where entity not in ("Harbin") and entity not like "Da%" and id = 4`},

	// Parentheses: only those that matter survive.
	{`facts where (year = 2021)`, `facts where year = 2021`},
	{`facts where ((year = 2021 and value > 0)) and unit = CNY`, `facts where year = 2021 and value > 0 and unit = "CNY"`},
	{`facts where (year = 1 or year = 2) or year = 3`, `facts where year = 1 or year = 2 or year = 3`},
	{`facts where (year = 1 and year = 2) or year = 3`, `facts where year = 1 and year = 2 or year = 3`},
	{`facts where (year = 1 or year = 2) and year = 3`, `facts where (year = 1 or year = 2) and year = 3`},
	{`facts where not (year = 1)`, `facts where not year = 1`},
	{`facts where not ((year = 1))`, `facts where not year = 1`},
	{`facts where not (not year = 1)`, `facts where not (not year = 1)`},
	{`facts where not (year = 1 and year = 2)`, `facts where not (year = 1 and year = 2)`},
	{`facts where (not year = 1) and ((year = 2 or (year = 3)))`, `facts where not year = 1 and (year = 2 or year = 3)`},
}

// badQueries maps queries that must not parse to their exact error.
var badQueries = []struct{ in, want string }{
	{``, `1:1: unexpected end of query, expected a statement (metric, facts, entities, metrics, years, documents, units, conflicts, show or search)`},
	{`# only a comment`, `1:1: unexpected end of query, expected a statement (metric, facts, entities, metrics, years, documents, units, conflicts, show or search)`},
	{`frobnicate`, `1:1: unexpected name "frobnicate", expected a statement (metric, facts, entities, metrics, years, documents, units, conflicts, show or search)`},
	{`metric by year`, `1:8: unexpected "by", expected a metric name`},
	{`metric`, `1:7: unexpected end of query, expected a metric name`},
	{`metric count`, `1:8: unexpected "count", expected a metric name (quote keywords used as names)`},
	{`sum gdp`, `1:5: unexpected name "gdp", expected "metric" or "facts"`},
	{`metric gdp by`, `1:14: unexpected end of query, expected a field (entity, metric, year, period, value, unit, qualifier, status, document or id)`},
	{`metric gdp by year,`, `1:20: unexpected end of query, expected a field (entity, metric, year, period, value, unit, qualifier, status, document or id)`},
	{`metric gdp by sources`, `1:15: unexpected "sources", expected a field (entity, metric, year, period, value, unit, qualifier, status, document or id)`},
	{`metric gdp where`, `1:17: unexpected end of query, expected a condition`},
	{`metric gdp where year`, `1:22: unexpected end of query, expected a comparison ("=", "!=", "<", "<=", ">", ">=", "in" or "like")`},
	{`metric gdp where year == 2021`, `1:24: unexpected "=", expected a value (a string, number or word)`},
	{`metric gdp where year >=`, `1:25: unexpected end of query, expected a value (a string, number or word)`},
	{`metric gdp where year = 2021 foo`, `1:30: unexpected name "foo", expected end of query`},
	{`metric gdp where entity not foo`, `1:29: unexpected name "foo", expected "in" or "like"`},
	{`metric gdp where entity = by`, `1:27: unexpected "by", expected a value (a string, number or word)`},
	{`metric gdp by yaer`, `1:15: unexpected name "yaer", expected a field (entity, metric, year, period, value, unit, qualifier, status, document or id): did you mean year?`},
	{`metric gdp wher year = 2021`, `1:12: unexpected name "wher", expected end of query: did you mean where?`},
	{`metrc gdp`, `1:1: unexpected name "metrc", expected a statement (metric, facts, entities, metrics, years, documents, units, conflicts, show or search): did you mean metric?`},
	{`facts where entity lik "x"`, `1:20: unexpected name "lik", expected a comparison ("=", "!=", "<", "<=", ">", ">=", "in" or "like"): did you mean like?`},
	{`facts where conflict = 1`, `1:22: unexpected "=", expected end of query`},
	{`conflicts like "x"`, `1:11: unexpected "like", expected end of query`},
	{`metric gdp order by and`, `1:21: unexpected "and", expected an order key (a column name)`},
	{`facts where not not year = 1`, `1:17: unexpected "not", expected a condition (write not (not ...) for a double negation)`},
	{`facts where (year = 1`, `1:22: unexpected end of query, expected ")"`},
	{`facts where year = 1)`, `1:21: unexpected ")", expected end of query`},
	{`facts where entity in ()`, `1:24: unexpected ")", expected a value (a string, number or word)`},
	{`facts where entity in (a b)`, `1:26: unexpected name "b", expected ")"`},
	{`facts where value = 1,180`, `1:22: unexpected ",", expected end of query`},
	{`facts where entity = 'it''s'`, `1:26: unexpected string 's', expected end of query`},
	{`metric gdp order year`, `1:18: unexpected "year", expected "by"`},
	{`metric gdp order by`, `1:20: unexpected end of query, expected an order key (a column name)`},
	{`metric gdp limit x`, `1:18: unexpected name "x", expected an integer`},
	{`metric gdp limit 1.5`, `1:18: unexpected number 1.5, expected an integer`},
	{`metric gdp limit -1`, `1:18: unexpected number -1, expected an integer`},
	{`metric gdp limit 99999999999999999999`, `1:18: integer 99999999999999999999 out of range`},
	{`metrics like 5`, `1:14: unexpected number 5, expected a string`},
	{`show`, `1:5: unexpected end of query, expected "fact" or "document"`},
	{`show fact x`, `1:11: unexpected name "x", expected a fact id`},
	{`show document`, `1:14: unexpected end of query, expected a document id or name`},
	{`search`, `1:7: unexpected end of query, expected a string`},
	{`explain`, `1:8: unexpected end of query, expected a statement (metric, facts, entities, metrics, years, documents, units, conflicts, show or search)`},
	{`metrics; metrics`, `1:10: unexpected "metrics", expected end of query`},
	{"metric gdp\n  where year = \"2021", `2:16: unterminated string`},
	{"search \"a\nb\"", `1:8: unterminated string`},
	{`search "bad \q escape"`, `1:13: invalid escape sequence in string`},
	{`facts where value > 1.5x`, `1:21: malformed number "1.5x"`},
	{`facts where value > 1e999`, `1:21: number 1e999 out of range`},
	{`facts where value ! 3`, `1:19: unexpected character "!", expected "!="`},
	{`facts where value > 3 @`, `1:23: unexpected character '@'`},
	{"facts where entity = \xff", `1:22: invalid UTF-8 byte 0xff`},
	{`metric gdp where ` + strings.Repeat("(", 101) + `year = 1` + strings.Repeat(")", 101),
		`1:118: parentheses nested too deeply (limit 100)`},
}

func TestParse(t *testing.T) {
	for _, tt := range goodQueries {
		q, err := syntax.Parse(tt.in)
		if err != nil {
			t.Errorf("Parse(%q): %v", tt.in, err)
			continue
		}
		if diff := cmp.Diff(tt.want, q.String()); diff != "" {
			t.Errorf("Parse(%q).String() (-want +got):\n%s", tt.in, diff)
		}
	}
}

func TestParseErrors(t *testing.T) {
	for _, tt := range badQueries {
		q, err := syntax.Parse(tt.in)
		if err == nil {
			t.Errorf("Parse(%q) = %v, want error %q", tt.in, q, tt.want)
			continue
		}
		if diff := cmp.Diff(tt.want, err.Error()); diff != "" {
			t.Errorf("Parse(%q) error (-want +got):\n%s", tt.in, diff)
		}
		var e *syntax.Error
		if !errors.As(err, &e) {
			t.Errorf("Parse(%q) error is %T, want *syntax.Error", tt.in, err)
		}
	}
}

func TestParseTree(t *testing.T) {
	str := func(s string) *syntax.StringLit { return &syntax.StringLit{Value: s} }
	num := func(s string) *syntax.NumberLit { return &syntax.NumberLit{Text: s} }
	field := func(s string) *syntax.Field { return &syntax.Field{Name: s} }
	not := func(neg bool, x syntax.Primary) *syntax.NotExpr { return &syntax.NotExpr{Not: neg, X: x} }
	and := func(xs ...*syntax.NotExpr) *syntax.AndExpr { return &syntax.AndExpr{And: xs} }
	or := func(xs ...*syntax.AndExpr) *syntax.Expr { return &syntax.Expr{Or: xs} }
	cmpr := func(f, op string, v syntax.Value) *syntax.Compare {
		return &syntax.Compare{Field: field(f), Op: op, Value: v}
	}
	id := func(n int64) *int64 { return &n }

	tests := []struct {
		in   string
		want *syntax.Query
	}{
		{`metric high_tech_enterprises where entity = "Harbin" by year`, &syntax.Query{Stmt: &syntax.Select{
			Metric: &syntax.Name{Value: "high_tech_enterprises"},
			Where:  or(and(not(false, cmpr("entity", "=", str("Harbin"))))),
			By:     []*syntax.Field{field("year")},
		}}},
		{`EXPLAIN count facts by metric order by value desc, year asc limit 10;`, &syntax.Query{Explain: true, Stmt: &syntax.Select{
			Func:    "count",
			By:      []*syntax.Field{field("metric")},
			OrderBy: []*syntax.OrderKey{{Key: "value", Desc: true}, {Key: "year"}},
			Limit:   &syntax.Limit{N: 10},
		}}},
		{`facts where not (status = plan or period in (Q1, H1)) and value > 1e9`, &syntax.Query{Stmt: &syntax.Select{
			Where: or(and(
				not(true, &syntax.Paren{X: or(
					and(not(false, cmpr("status", "=", str("plan")))),
					and(not(false, &syntax.In{Field: field("period"), Values: []syntax.Value{str("Q1"), str("H1")}})),
				)}),
				not(false, cmpr("value", ">", num("1e9"))),
			)),
		}}},
		{`units like "%" where entity not like x or not id = 3`, &syntax.Query{Stmt: &syntax.Catalogue{
			Kind: "units",
			Like: str("%"),
			Where: or(
				and(not(false, &syntax.Like{Field: field("entity"), Not: true, Pattern: str("x")})),
				and(not(true, cmpr("id", "=", num("3")))),
			),
		}}},
		{`show fact 0012`, &syntax.Query{Stmt: &syntax.Show{FactID: id(12)}}},
		{`show document 7`, &syntax.Query{Stmt: &syntax.Show{DocumentID: id(7)}}},
		{`show document 'a.html'`, &syntax.Query{Stmt: &syntax.Show{DocumentName: str("a.html")}}},
		{`search "5G base stations" limit 3`, &syntax.Query{Stmt: &syntax.Search{Text: str("5G base stations"), Limit: &syntax.Limit{N: 3}}}},
	}
	for _, tt := range tests {
		got, err := syntax.Parse(tt.in)
		if err != nil {
			t.Errorf("Parse(%q): %v", tt.in, err)
			continue
		}
		if diff := cmp.Diff(tt.want, got, ignorePos); diff != "" {
			t.Errorf("Parse(%q) (-want +got):\n%s", tt.in, diff)
		}
	}
}

func TestPositions(t *testing.T) {
	src := "sum metric gdp\n  where entity = \"哈尔滨\" and\tyear >= 2019"
	q, err := syntax.Parse(src)
	if err != nil {
		t.Fatal(err)
	}
	sel := q.Stmt.(*syntax.Select)
	and := sel.Where.Or[0].And
	got := []syntax.Pos{
		q.Pos, sel.Pos, sel.Metric.Pos, sel.Where.Pos,
		and[0].X.Position(), and[0].X.(*syntax.Compare).Value.Position(),
		and[1].X.Position(), and[1].X.(*syntax.Compare).Value.Position(),
	}
	want := []syntax.Pos{
		{Offset: 0, Line: 1, Column: 1}, {Offset: 0, Line: 1, Column: 1},
		{Offset: 11, Line: 1, Column: 12}, {Offset: 23, Line: 2, Column: 9},
		{Offset: 23, Line: 2, Column: 9}, {Offset: 32, Line: 2, Column: 18},
		{Offset: 48, Line: 2, Column: 28}, {Offset: 56, Line: 2, Column: 36},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("positions (-want +got):\n%s", diff)
	}
}

func TestNumberLit(t *testing.T) {
	tests := []struct {
		text  string
		f     float64
		i     int64
		isInt bool
	}{
		{"2021", 2021, 2021, true},
		{"-3.5", -3.5, 0, false},
		{"1e6", 1e6, 1000000, true},
		{"2021.0", 2021, 2021, true},
		{"1e30", 1e30, 0, false},
		{"99999999999999999999", 1e20, 0, false},
	}
	for _, tt := range tests {
		n := &syntax.NumberLit{Text: tt.text}
		i, ok := n.Int()
		got := []any{n.Float(), i, ok}
		if diff := cmp.Diff([]any{tt.f, tt.i, tt.isInt}, got); diff != "" {
			t.Errorf("NumberLit{%q} Float, Int (-want +got):\n%s", tt.text, diff)
		}
	}
}

func TestIsKeyword(t *testing.T) {
	for word, want := range map[string]bool{"where": true, "WHERE": true, "Sources": true, "gdp": false, "plan": false} {
		if got := syntax.IsKeyword(word); got != want {
			t.Errorf("IsKeyword(%q) = %v, want %v", word, got, want)
		}
	}
}

func TestParseScript(t *testing.T) {
	src := `# a script
metrics
metric gdp where year = 2021 by entity;
show fact 3; search "x"
`
	qs, err := syntax.ParseScript(src)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, q := range qs {
		got = append(got, q.String())
	}
	want := []string{"metrics", "metric gdp where year = 2021 by entity", "show fact 3", `search "x"`}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("ParseScript (-want +got):\n%s", diff)
	}

	if qs, err := syntax.ParseScript("  # nothing\n"); err != nil || len(qs) != 0 {
		t.Errorf("ParseScript(empty) = %v, %v; want no queries", qs, err)
	}
	_, err = syntax.ParseScript("metrics\nmetric gdp where\nyears")
	if diff := cmp.Diff(`3:1: unexpected "years", expected a condition`, errString(err)); diff != "" {
		t.Errorf("ParseScript error (-want +got):\n%s", diff)
	}
	_, err = syntax.ParseScript("metrics\nfrobnicate")
	if diff := cmp.Diff(`2:1: unexpected name "frobnicate", expected a statement (metric, facts, entities, metrics, years, documents, units, conflicts, show or search)`, errString(err)); diff != "" {
		t.Errorf("ParseScript error (-want +got):\n%s", diff)
	}
}

func errString(err error) string {
	if err == nil {
		return "<nil>"
	}
	return err.Error()
}

func TestLimits(t *testing.T) {
	deep := "facts where " + strings.Repeat("(", 100_000) + "year = 1" + strings.Repeat(")", 100_000)
	_, err := syntax.Parse(deep)
	if diff := cmp.Diff(`1:113: parentheses nested too deeply (limit 100)`, errString(err)); diff != "" {
		t.Errorf("deep nesting (-want +got):\n%s", diff)
	}

	ok := "facts where " + strings.Repeat("not (", syntax.MaxDepth) + "year = 1" + strings.Repeat(")", syntax.MaxDepth)
	if _, err := syntax.Parse(ok); err != nil {
		t.Errorf("nesting at the limit: %v", err)
	}

	huge := `search "` + strings.Repeat("x", 10<<20) + `"`
	_, err = syntax.Parse(huge)
	if diff := cmp.Diff(`1:1: query too long (10485769 bytes, limit 1048576)`, errString(err)); diff != "" {
		t.Errorf("huge string (-want +got):\n%s", diff)
	}

	// Just under the limit: a long string and a long list must parse.
	long := `search "` + strings.Repeat("x", syntax.MaxQueryLen-10) + `"`
	if _, err := syntax.Parse(long); err != nil {
		t.Errorf("long string: %v", err)
	}
	list := "facts where id in (" + strings.Repeat("1, ", 20_000) + "1)"
	q, err := syntax.Parse(list)
	if err != nil {
		t.Fatalf("long list: %v", err)
	}
	if n := len(q.Stmt.(*syntax.Select).Where.Or[0].And[0].X.(*syntax.In).Values); n != 20_001 {
		t.Errorf("long list has %d values, want 20001", n)
	}
}

// BenchmarkParse measures parsing time per byte of a long list and of a
// typical query:
//
//	go test ./query/syntax -run '^$' -bench Parse
func BenchmarkParse(b *testing.B) {
	for _, bb := range []struct{ name, src string }{
		{"typical", `metric gdp where entity in ("Harbin", "Daqing") and unit = CNY order by year desc limit 5`},
		{"list", "facts where id in (" + strings.Repeat("1, ", 10_000) + "1)"},
	} {
		b.Run(bb.name, func(b *testing.B) {
			b.SetBytes(int64(len(bb.src)))
			for b.Loop() {
				if _, err := syntax.Parse(bb.src); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func TestEBNF(t *testing.T) {
	path := filepath.Join("testdata", "grammar.ebnf")
	got := syntax.EBNF() + "\n"
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./query/syntax -update)", err)
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		t.Errorf("EBNF() differs from %s; review and run go test ./query/syntax -update (-want +got):\n%s", path, diff)
	}
}

func TestCaret(t *testing.T) {
	tests := []struct {
		src  string
		err  error
		want string
	}{
		{"metric by year", nil, "metric by year\n       ^"},
		{"metric gdp\n\tby\tyear foo", nil, "\tby\tyear foo\n\t  \t     ^"},
		{"facts where entity = \"哈尔滨\" and x", nil, "facts where entity = \"哈尔滨\" and x\n                                  ^"},
		{"facts where entity = \"e\u0301\" or @", nil, "facts where entity = \"e\u0301\" or @\n                            ^"},
		{"metric\r\n", nil, "metric\n      ^"},
		// Control characters and invalid bytes print as U+FFFD, a column each.
		{"facts\x00\x1b[2J x", nil, "facts\ufffd\ufffd[2J x\n     ^"},
		{"facts where entity = \"\xff\xfe\" or @", nil, "facts where entity = \"\ufffd\ufffd\" or @\n                             ^"},
		{"metric gdp", errors.New("no position"), ""},
		{"metric gdp", &syntax.Error{Pos: syntax.Pos{Line: 3, Column: 1}, Msg: "x"}, ""},
		{"metric gdp", syntax.ErrorList{{Pos: syntax.Pos{Line: 1, Column: 8}, Msg: "unknown metric"}}, "metric gdp\n       ^"},
	}
	for _, tt := range tests {
		err := tt.err
		if err == nil {
			_, err = syntax.Parse(tt.src)
		}
		if diff := cmp.Diff(tt.want, syntax.Caret(tt.src, err)); diff != "" {
			t.Errorf("Caret(%q, %v) (-want +got):\n%s", tt.src, err, diff)
		}
	}
}

func TestErrorList(t *testing.T) {
	var list syntax.ErrorList
	if list.Err() != nil {
		t.Errorf("empty list: Err() = %v, want nil", list.Err())
	}
	list.Add(syntax.Pos{Line: 2, Column: 1}, "c")
	list.Add(syntax.Pos{Line: 1, Column: 9}, "b")
	list.Add(syntax.Pos{Line: 1, Column: 9}, "a")
	list.Sort()
	err := list.Err()
	if diff := cmp.Diff("1:9: a (and 2 more errors)", errString(err)); diff != "" {
		t.Errorf("ErrorList.Error() (-want +got):\n%s", diff)
	}
	var e *syntax.Error
	if !errors.As(err, &e) || e.Msg != "a" {
		t.Errorf("errors.As(list) = %v, want the first error", e)
	}
	var got []string
	for _, e := range list {
		got = append(got, e.Error())
	}
	if diff := cmp.Diff([]string{"1:9: a", "1:9: b", "2:1: c"}, got); diff != "" {
		t.Errorf("sorted list (-want +got):\n%s", diff)
	}
}

func FuzzParse(f *testing.F) {
	for _, tt := range goodQueries {
		f.Add(tt.in)
	}
	for _, tt := range badQueries {
		f.Add(tt.in)
	}
	f.Fuzz(func(t *testing.T, src string) {
		q, err := syntax.Parse(src)
		if full, fullErr := syntax.ParseFull(src); !reflect.DeepEqual(q, full) || !reflect.DeepEqual(err, fullErr) {
			t.Fatalf("Parse(%q) = %v, %v; the whole grammar gives %v, %v", src, q, err, full, fullErr)
		}
		if err != nil {
			var e *syntax.Error
			if !errors.As(err, &e) || e.Pos.Line < 1 || e.Pos.Column < 1 {
				t.Fatalf("Parse(%q) error %v is not a positioned *Error", src, err)
			}
			if strings.Contains(e.Msg, "internal") {
				t.Fatalf("Parse(%q): %v", src, err)
			}
			return
		}
		text := q.String()
		q2, err := syntax.Parse(text)
		if err != nil {
			t.Fatalf("Parse(%q) printed %q, which does not parse: %v", src, text, err)
		}
		if diff := cmp.Diff(q, q2, ignorePos); diff != "" {
			t.Fatalf("Parse(%q) printed %q, which parses differently (-first +second):\n%s", src, text, diff)
		}
		if text2 := q2.String(); text2 != text {
			t.Fatalf("printing is not a fixed point: %q then %q", text, text2)
		}
	})
}
