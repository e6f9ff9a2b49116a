package syntax_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/almanacdb/almanac/query/syntax"
)

// moreStatements are inputs beyond goodQueries and badQueries that probe
// where the statements' own parsers meet the whole grammar: first words
// that start one statement but are followed by another's, "explain"
// twice, ";" and what follows it, and the other tests' inputs.
var moreStatements = []string{
	`explain explain metric gdp`, `explain entities`, `explain show fact 1`, `explain search "x"`,
	`count`, `count entities`, `sum facts;`, `min metric gdp;;`, `growth conflicts`, `max show fact 1`,
	`metric gdp; metric x`, `metric gdp;`, `facts where conflict`, `facts where`, `facts by`,
	`entities where not not year = 1`, `entities like`, `metrics like x where`, `years order by`,
	`documents limit -1`, `units metric gdp`, `conflicts where`, `conflicts limit 99999999999999999999`,
	`show`, `show fact`, `show fact 99999999999999999999`, `show document metric`, `show search`,
	`search`, `search x limit`, `search "a" "b"`, `search metric`, `Metric GDP`, `FACTS`, `ShOw FaCt 3`,
	`metric gdp where entity = "Harbin" and year in (2019, 2020) or not (value > 1 and unit like "%") order by year desc limit 3`,
	"sum metric gdp\n  where entity = \"哈尔滨\" and\tyear >= 2019",
	`EXPLAIN count facts by metric order by value desc, year asc limit 10;`,
	`units like "%" where entity not like x or not id = 3`,
	`show fact 0012`, `show document 7`, `show document 'a.html'`, `search "5G base stations" limit 3`,
	"metric gdp\n\tby\tyear foo", `facts where entity = "哈尔滨" and x`, "metric\r\n",
	"facts\x00\x1b[2J x", "facts where entity = \"\xff\xfe\" or @",
	"facts where " + strings.Repeat("not (", syntax.MaxDepth) + "year = 1" + strings.Repeat(")", syntax.MaxDepth),
	"facts where id in (" + strings.Repeat("1, ", 2000) + "1)",
}

// TestStatementParsers checks that Parse, which tries the parser of the
// statement a query begins with before the whole grammar, gives exactly
// what the whole grammar gives: the same tree, positions included, and
// the same error, message, position and suggestion. Every query that
// parses must have been parsed by its statement's parser.
func TestStatementParsers(t *testing.T) {
	var inputs []string
	good := map[string]bool{}
	for _, tt := range goodQueries {
		inputs = append(inputs, tt.in)
		good[tt.in] = true
	}
	for _, tt := range badQueries {
		inputs = append(inputs, tt.in)
	}
	inputs = append(inputs, moreStatements...)
	for _, src := range inputs {
		want, wantErr := syntax.ParseFull(src)
		got, err := syntax.Parse(src)
		// reflect.DeepEqual first: cmp.Diff takes minutes over the
		// deeply nested trees, and is only for showing a difference.
		if !reflect.DeepEqual(want, got) {
			t.Errorf("Parse(%q) differs from the whole grammar's tree (-full +Parse):\n%s", src, cmp.Diff(want, got))
		}
		if diff := cmp.Diff(wantErr, err); diff != "" {
			t.Errorf("Parse(%q) differs from the whole grammar's error (-full +Parse):\n%s", src, diff)
		}
		_, ok := syntax.ParseStatement(src)
		if ok != (wantErr == nil) {
			t.Errorf("ParseStatement(%q) ok = %v, want %v (the whole grammar's error: %v)", src, ok, wantErr == nil, wantErr)
		}
		if good[src] && wantErr != nil {
			t.Errorf("ParseFull(%q): %v", src, wantErr)
		}
	}
}
