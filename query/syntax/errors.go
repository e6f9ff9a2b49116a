package syntax

import (
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/alecthomas/participle/v2"
	"github.com/alecthomas/participle/v2/lexer"
)

// Error is a positioned error in query text: a syntax error from Parse or a
// semantic error found by the planner.
type Error struct {
	// Pos is where the error is; Line and Column are 1-based.
	Pos Pos
	// Msg is lower case, without a final period, and says what was
	// expected where it can.
	Msg string
	// Suggestion is the known name the message proposes instead of an
	// unknown one ("did you mean ..."), or "".
	Suggestion string
}

// Error returns "line:col: message".
func (e *Error) Error() string {
	return fmt.Sprintf("%d:%d: %s", e.Pos.Line, e.Pos.Column, e.Msg)
}

// ErrorList collects positioned errors, as go/scanner's ErrorList does.
// The zero value is an empty list ready to use.
type ErrorList []*Error

// Add appends an error with the given position and message.
func (p *ErrorList) Add(pos Pos, msg string) {
	*p = append(*p, &Error{Pos: pos, Msg: msg})
}

// Len returns the number of errors.
func (p ErrorList) Len() int { return len(p) }

// Swap swaps errors i and j.
func (p ErrorList) Swap(i, j int) { p[i], p[j] = p[j], p[i] }

// Less orders errors by line, column, then message.
func (p ErrorList) Less(i, j int) bool {
	a, b := p[i].Pos, p[j].Pos
	if a.Line != b.Line {
		return a.Line < b.Line
	}
	if a.Column != b.Column {
		return a.Column < b.Column
	}
	return p[i].Msg < p[j].Msg
}

// Sort sorts the list by position.
func (p ErrorList) Sort() { sort.Stable(p) }

// Error returns the first error, followed by how many more there are.
func (p ErrorList) Error() string {
	switch len(p) {
	case 0:
		return "no errors"
	case 1:
		return p[0].Error()
	case 2:
		return fmt.Sprintf("%s (and 1 more error)", p[0])
	}
	return fmt.Sprintf("%s (and %d more errors)", p[0], len(p)-1)
}

// Err returns nil for an empty list and the list otherwise, so that a
// function can end with "return list.Err()".
func (p ErrorList) Err() error {
	if len(p) == 0 {
		return nil
	}
	return p
}

// Unwrap returns the errors, for errors.Is and errors.As.
func (p ErrorList) Unwrap() []error {
	out := make([]error, len(p))
	for i, e := range p {
		out[i] = e
	}
	return out
}

// Caret returns the source line holding err's position and, below it, a
// caret under the column, without a final newline:
//
//	metric by year
//	       ^
//
// Tabs before the column are kept so that the caret lines up in a
// terminal; wide (East Asian) runes count as two columns. Control
// characters and bytes that are not UTF-8 show as U+FFFD, one column
// each as in positions, so that no NUL or escape reaches the terminal. It returns ""
// when err carries no *Error or its line is not in src. For an ErrorList
// it uses the first error.
func Caret(src string, err error) string {
	var e *Error
	if !errors.As(err, &e) || e.Pos.Line < 1 || e.Pos.Column < 1 {
		return ""
	}
	lines := strings.Split(src, "\n")
	if e.Pos.Line > len(lines) {
		return ""
	}
	line := printable(strings.TrimSuffix(lines[e.Pos.Line-1], "\r"))
	var pad strings.Builder
	col := 1
	for _, r := range line {
		if col >= e.Pos.Column {
			break
		}
		col++
		switch {
		case r == '\t':
			pad.WriteByte('\t')
		case unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Me, r) || r == '\u200b' || r == '\ufeff':
			// Zero width.
		case isWide(r):
			pad.WriteString("  ")
		default:
			pad.WriteByte(' ')
		}
	}
	return line + "\n" + pad.String() + "^"
}

// printable replaces the control characters of s other than tab, and each
// byte that is not UTF-8, with U+FFFD.
func printable(s string) string {
	return strings.Map(func(r rune) rune {
		if r != '\t' && unicode.IsControl(r) {
			return utf8.RuneError
		}
		return r
	}, s)
}

// isWide reports whether r takes two terminal columns: the East Asian
// Wide and Fullwidth ranges that matter for names in articles.
func isWide(r rune) bool {
	switch {
	case r < 0x1100:
		return false
	case r <= 0x115f, // Hangul Jamo
		0x2e80 <= r && r <= 0x303e, // CJK radicals, punctuation
		0x3041 <= r && r <= 0x33ff, // kana, CJK symbols
		0x3400 <= r && r <= 0x4dbf, // CJK extension A
		0x4e00 <= r && r <= 0x9fff, // CJK unified ideographs
		0xa000 <= r && r <= 0xa4cf, // Yi
		0xac00 <= r && r <= 0xd7a3, // Hangul syllables
		0xf900 <= r && r <= 0xfaff, // CJK compatibility ideographs
		0xfe30 <= r && r <= 0xfe4f, // CJK compatibility forms
		0xff00 <= r && r <= 0xff60, // fullwidth forms
		0xffe0 <= r && r <= 0xffe6,
		0x1f300 <= r && r <= 0x1f64f, // emoji
		0x1f900 <= r && r <= 0x1f9ff,
		0x20000 <= r && r <= 0x3fffd: // CJK extensions B and later
		return true
	}
	return false
}

// convertError turns a participle error into an *Error whose message names
// tokens and productions in words. toks are the tokens that were parsed;
// atEnd describes what may follow a complete parse ("end of query").
func convertError(err error, toks []lexer.Token, atEnd string) error {
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	var ute *participle.UnexpectedTokenError
	if errors.As(err, &ute) {
		tok := ute.Unexpected
		expected := atEnd
		prefix := fmt.Sprintf("unexpected token %q", tok)
		if rest, ok := strings.CutPrefix(ute.Message(), prefix+" (expected "); ok {
			expected = describeExpected(strings.TrimSuffix(rest, ")"))
		}
		expected = refineExpected(expected, tok, toks)
		msg := fmt.Sprintf("unexpected %s, expected %s", describeToken(tok), expected)
		switch {
		case (expected == "an integer" || expected == "a fact id" || expected == "a document id or name") &&
			tok.Type == numberToken && strings.Trim(tok.Value, "0123456789") == "":
			msg = fmt.Sprintf("integer %s out of range", tok.Value)
		case isKeywordToken(tok) && quotable[expected] && keywords[tok.Value]&notAName == 0:
			msg += " (quote keywords used as names)"
		}
		out := &Error{Pos: tok.Pos, Msg: msg}
		if tok.Type == identToken {
			// A misspelt keyword: yaer for year, wher for where.
			if s := Suggest(tok.Value, expectedWords(expected, tok.Pos.Offset == toks[0].Pos.Offset)); s != "" {
				out.Msg += ": did you mean " + s + "?"
				out.Suggestion = s
			}
		}
		return out
	}
	var perr participle.Error
	if errors.As(err, &perr) {
		return &Error{Pos: perr.Position(), Msg: lowerFirst(perr.Message())}
	}
	return &Error{Pos: Pos{Line: 1, Column: 1}, Msg: lowerFirst(err.Error())}
}

// quotable lists the expectations a quoted keyword would meet.
var quotable = map[string]bool{
	productions["Name"]:      true,
	productions["Value"]:     true,
	productions["StringLit"]: true,
}

const (
	statementWords  = "a statement (metric, facts, entities, metrics, years, documents, units, conflicts, show or search)"
	comparisonWords = `a comparison ("=", "!=", "<", "<=", ">", ">=", "in" or "like")`
)

// refineExpected improves on participle's expectation where it only
// reports one branch of an alternative, using the tokens before tok.
func refineExpected(expected string, tok lexer.Token, toks []lexer.Token) string {
	i := sort.Search(len(toks), func(i int) bool { return toks[i].Pos.Offset >= tok.Pos.Offset })
	prev := func(k int) lexer.Token {
		if i-k < 0 || i-k >= len(toks) {
			return lexer.Token{}
		}
		return toks[i-k]
	}
	isKeyword := func(t lexer.Token, words ...string) bool {
		return isKeywordToken(t) && slices.Contains(words, t.Value)
	}
	p1, p2 := prev(1), prev(2)
	switch {
	case i == 0 || i == 1 && isKeyword(p1, "explain"):
		if expected != atEndOfQuery {
			return statementWords
		}
	case expected == `"metric"`:
		return `"metric" or "facts"`
	case isKeyword(p1, "show"):
		return `"fact" or "document"`
	case isKeyword(p1, "fact") && isKeyword(p2, "show"):
		return "a fact id"
	case isKeyword(p1, "document") && isKeyword(p2, "show"):
		return "a document id or name"
	case isKeyword(p1, "not") && isKeyword(tok, "not"):
		return "a condition (write not (not ...) for a double negation)"
	case isKeyword(p1, "not") && isField(p2):
		return `"in" or "like"`
	case isField(p1) && !isKeyword(p2, "by") && p2.Value != ",":
		if strings.HasPrefix(expected, `"`) {
			return comparisonWords
		}
	}
	return expected
}

// clauseWords may follow a complete statement or condition.
var clauseWords = []string{"where", "by", "order", "limit", "and", "or", "not", "asc", "desc", "like", "in"}

// expectedWords returns the keywords an error's expectation stands for,
// among which a misspelt word is looked up; first is set when the word is
// the query's first token.
func expectedWords(expected string, first bool) []string {
	switch expected {
	case statementWords:
		if first {
			return StatementKeywords()
		}
		return append(StatementKeywords(), clauseWords...)
	case atEndOfQuery:
		return clauseWords
	case productions["Field"]:
		var out []string
		for _, k := range keywordTable {
			if k.class&field != 0 {
				out = append(out, k.word)
			}
		}
		return out
	case comparisonWords:
		return []string{"in", "like", "not"}
	}
	// One or more quoted literals: "in" or "like", "metric" or "facts".
	var out []string
	for _, part := range strings.FieldsFunc(expected, func(r rune) bool { return r == ',' || r == ' ' }) {
		if w, ok := strings.CutPrefix(part, `"`); ok && strings.HasSuffix(w, `"`) {
			if w = strings.TrimSuffix(w, `"`); IsKeyword(w) {
				out = append(out, w)
			}
		}
	}
	return out
}

// isKeywordToken reports whether t is a keyword, one that may stand as a
// value or not.
func isKeywordToken(t lexer.Token) bool { return t.Type == keywordToken || t.Type == wordToken }

// atEndOfQuery is what Parse expects after a complete query.
const atEndOfQuery = "end of query"

// isField reports whether t is a keyword that names a field.
func isField(t lexer.Token) bool { return classOf(t.Type, t.Value)&field != 0 }

// describeToken names a token for an error message.
func describeToken(t lexer.Token) string {
	switch t.Type {
	case lexer.EOF:
		return "end of query"
	case stringToken:
		return "string " + t.Value
	case intToken, numberToken:
		return "number " + t.Value
	case identToken:
		return fmt.Sprintf("name %q", t.Value)
	}
	return fmt.Sprintf("%q", t.Value)
}

// productions maps the first element of what participle expected to
// words.
var productions = map[string]string{
	"Statement": statementWords,
	"Name":      "a metric name",
	"Expr":      "a condition",
	"AndExpr":   "a condition",
	"NotExpr":   "a condition",
	"Primary":   "a condition",
	"Field":     "a field (entity, metric, year, period, value, unit, qualifier, status, document or id)",
	"OrderKey":  "an order key (a column name)",
	"Value":     "a value (a string, number or word)",
	"StringLit": "a string",
	"Limit":     `"limit"`,
	"<int>":     "an integer",
	"<string>":  "a string",
}

// describeExpected turns participle's EBNF fragment for what it expected
// (such as `Name` or `"," Value)* ")"`) into words.
func describeExpected(ebnf string) string {
	first := strings.TrimLeft(ebnf, "( ")
	if first == "" {
		return "more input"
	}
	end := strings.IndexAny(first, " )?*+|")
	if first[0] == '"' {
		// A quoted literal: find its closing quote.
		if i := strings.IndexByte(first[1:], '"'); i >= 0 {
			end = i + 2
		}
	}
	if end < 0 {
		end = len(first)
	}
	head := first[:end]
	if words, ok := productions[head]; ok {
		return words
	}
	// Alternatives of literals, such as ("=" | "!=" | ...).
	if head[0] == '"' {
		return describeLiterals(first)
	}
	return head
}

// describeLiterals lists the literal alternatives at the start of ebnf.
func describeLiterals(ebnf string) string {
	var lits []string
	rest := ebnf
	for strings.HasPrefix(rest, `"`) {
		i := strings.IndexByte(rest[1:], '"')
		if i < 0 {
			break
		}
		lits = append(lits, rest[:i+2])
		rest = strings.TrimLeft(rest[i+2:], " ")
		if !strings.HasPrefix(rest, "| ") {
			break
		}
		rest = rest[2:]
	}
	switch len(lits) {
	case 0:
		return ebnf
	case 1:
		return lits[0]
	}
	return strings.Join(lits[:len(lits)-1], ", ") + " or " + lits[len(lits)-1]
}

func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToLower(r)) + s[n:]
}
