package syntax_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/almanacdb/almanac/query/syntax"
	"github.com/google/go-cmp/cmp"
)

// The cases of the shell's old line scanner, which Lex replaces.
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
		// Errors make a statement to run, whose error is then reported.
		{"facts where value > $", false},
		{"search \"a\nb", false},
		{"search \"ends in a backslash\\", true},
	}
	for _, tt := range tests {
		if got := syntax.Lex(tt.text).Incomplete(); got != tt.want {
			t.Errorf("Lex(%q).Incomplete() = %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestStatements(t *testing.T) {
	type piece struct {
		text string
		off  int
	}
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
		{"facts where $; years", []piece{{"facts where $", 0}, {" years", 14}}},
	}
	for _, tt := range tests {
		var got []piece
		for _, s := range syntax.Lex(tt.text).Statements() {
			got = append(got, piece{tt.text[s.Start:s.End], s.Start})
		}
		if diff := cmp.Diff(tt.want, got, cmp.AllowUnexported(piece{})); diff != "" {
			t.Errorf("Statements(%q) (-want +got):\n%s", tt.text, diff)
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
		if got := syntax.QuoteName(tt.name); got != tt.want {
			t.Errorf("QuoteName(%q) = %s, want %s", tt.name, got, tt.want)
		}
		if q, err := syntax.Parse("metric " + syntax.QuoteName(tt.name)); err != nil || q.Stmt.(*syntax.Select).Metric.Value != tt.name {
			t.Errorf("metric %s does not parse back to %q: %v", syntax.QuoteName(tt.name), tt.name, err)
		}
	}
}

func TestContinues(t *testing.T) {
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
		if got := syntax.Lex(line).Continues(); got != want {
			t.Errorf("Lex(%q).Continues() = %v, want %v", line, got, want)
		}
	}
}

func TestLex(t *testing.T) {
	tok := func(k syntax.TokenKind, text string, off int) syntax.Token {
		return syntax.Token{Kind: k, Text: text, Pos: syntax.Pos{Offset: off, Line: 1, Column: off + 1}}
	}
	tests := []struct {
		src   string
		want  []syntax.Token
		err   string
		open  byte
		depth int
	}{
		{`METRIC gdp WHERE (year >= 2021`, []syntax.Token{
			tok(syntax.KeywordToken, "metric", 0), tok(syntax.IdentToken, "gdp", 7), tok(syntax.KeywordToken, "where", 11),
			tok(syntax.PunctToken, "(", 17), tok(syntax.KeywordToken, "year", 18), tok(syntax.PunctToken, ">=", 23),
			tok(syntax.IntToken, "2021", 26)}, "", 0, 1},
		{`search "a\q" $ 1x 1e999`, []syntax.Token{
			tok(syntax.KeywordToken, "search", 0), tok(syntax.StringToken, `"a\q"`, 7), tok(syntax.PunctToken, "$", 13),
			tok(syntax.IdentToken, "1x", 15), tok(syntax.NumberToken, "1e999", 18)}, "1:10: invalid escape sequence in string", 0, 0},
		{`facts where entity = 'Da`, []syntax.Token{
			tok(syntax.KeywordToken, "facts", 0), tok(syntax.KeywordToken, "where", 6), tok(syntax.KeywordToken, "entity", 12),
			tok(syntax.PunctToken, "=", 19), tok(syntax.StringToken, "'Da", 21)}, "", '\'', 0},
		{"# only a comment\n", nil, "", 0, 0},
	}
	for _, tt := range tests {
		l := syntax.Lex(tt.src)
		if diff := cmp.Diff(tt.want, l.Tokens); diff != "" {
			t.Errorf("Lex(%q) tokens (-want +got):\n%s", tt.src, diff)
		}
		if got := lexErr(l.Err); got != tt.err {
			t.Errorf("Lex(%q).Err = %q, want %q", tt.src, got, tt.err)
		}
		if l.Open != tt.open || l.Depth != tt.depth {
			t.Errorf("Lex(%q): open %q depth %d, want %q %d", tt.src, l.Open, l.Depth, tt.open, tt.depth)
		}
	}
}

func lexErr(e *syntax.Error) string {
	if e == nil {
		return ""
	}
	return e.Error()
}

// The keyword lists agree with the lexer, and every statement word alone
// is a statement or wants more, never the wrong start.
func TestKeywords(t *testing.T) {
	all := syntax.Keywords()
	for _, k := range all {
		if !syntax.IsKeyword(k) || k != strings.ToLower(k) {
			t.Errorf("Keywords() holds %q", k)
		}
	}
	for _, f := range syntax.Functions() {
		if !syntax.IsKeyword(f.Name) {
			t.Errorf("function %s is not a keyword", f.Name)
		}
	}
	starts := syntax.StatementKeywords()
	if len(starts) != 17 || starts[0] != "metric" {
		t.Errorf("StatementKeywords() = %q", starts)
	}
	for _, k := range starts {
		var e *syntax.Error
		if _, err := syntax.Parse(k); err != nil && (!asError(err, &e) || e.Pos.Column == 1) {
			t.Errorf("statement word %q does not start a statement: %v", k, err)
		}
	}
}

// FuzzLex checks that Lex reads any text without panicking, with tokens in
// order inside it, and that it agrees with the parser's lexer on text
// that lexes without error.
func FuzzLex(f *testing.F) {
	for _, s := range []string{`metric gdp where entity in ("Harbin", 'Da`, "facts # c\n by year;", `search "a\q"`, "1e999 $ 1x", "\xff", "a -b -1 --c"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		if len(src) > 1<<12 {
			return
		}
		l := syntax.Lex(src)
		end := 0
		for _, tok := range l.Tokens {
			if tok.Pos.Offset < end || tok.Pos.Offset+len(tok.Text) > len(src) || tok.Text == "" {
				t.Fatalf("token %q at %d out of order or bounds (after %d, text %d bytes)", tok.Text, tok.Pos.Offset, end, len(src))
			}
			end = tok.Pos.Offset + len(tok.Text)
		}
		// The parser stops at the first lexical error, which Lex keeps.
		_, err := syntax.Parse(src)
		var e *syntax.Error
		switch {
		case l.Err != nil && (!asError(err, &e) || *e != *l.Err):
			t.Errorf("Lex found %v first, Parse says %v", l.Err, err)
		case l.Err == nil && l.Open != 0 && (!asError(err, &e) || e.Msg != "unterminated string"):
			t.Errorf("Lex found a string open at the end, Parse says %v", err)
		}
	})
}

func asError(err error, e **syntax.Error) bool { return errors.As(err, e) }
