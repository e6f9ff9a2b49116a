package syntax

import (
	"fmt"
	"io"
	"maps"
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/alecthomas/participle/v2/lexer"
)

// Token types produced by the lexer, the TokenKinds of Lex as participle
// sees them. The names are the symbols the grammar refers to (<ident>,
// <string>, ...).
const (
	keywordToken = lexer.TokenType(KeywordToken)
	identToken   = lexer.TokenType(IdentToken)
	stringToken  = lexer.TokenType(StringToken)
	intToken     = lexer.TokenType(IntToken)
	numberToken  = lexer.TokenType(NumberToken)
	punctToken   = lexer.TokenType(PunctToken)
	// wordToken is a keyword that may stand where a value is expected
	// (year, count, plan...): one without the notAName class. Lex reports
	// it as a KeywordToken; the grammar's <word>.
	wordToken = punctToken + 1
)

var symbols = map[string]lexer.TokenType{
	"EOF":     lexer.EOF,
	"Keyword": keywordToken,
	"Ident":   identToken,
	"String":  stringToken,
	"Int":     intToken,
	"Number":  numberToken,
	"Punct":   punctToken,
	"Word":    wordToken,
}

// wordClass says how a keyword or punctuation token bears on statements.
type wordClass uint8

const (
	// startsStatement: a statement may begin with it.
	startsStatement wordClass = 1 << iota
	// needsMore: no statement ends with it, so a line that does goes on
	// ("metric gdp where").
	needsMore
	// continues: it cannot begin a statement but continues one, so a
	// script line that begins with it joins the statement above.
	continues
	// notAName: a clause word or operator, which nobody means as a name:
	// where a name was expected, an error points at the missing name
	// rather than suggesting quotes.
	notAName
	// field: it names a field of a fact.
	field
)

// keywordTable lists every keyword, with its class, in the order
// completion offers them: the words that start statements first. The
// function names are not here: they come from the function table and
// follow "explain". Keywords are reserved in any letter case; the lexer
// lower-cases them, so the grammar's literals and the captured values are
// always lower case. A keyword used as a name must be quoted; where a
// value or an order key is expected, a keyword that is not a clause word
// or operator (year, count, facts, plan is no keyword at all) may stand
// bare: period = year, unit = count.
var keywordTable = []struct {
	word  string
	class wordClass
}{
	{"metric", startsStatement | field}, {"facts", startsStatement},
	{"entities", startsStatement}, {"metrics", startsStatement}, {"years", startsStatement},
	{"documents", startsStatement}, {"units", startsStatement}, {"conflicts", startsStatement},
	{"show", startsStatement}, {"search", startsStatement},
	{"explain", startsStatement | needsMore | notAName},
	{"where", needsMore | continues | notAName}, {"by", needsMore | continues | notAName},
	{"order", needsMore | continues | notAName}, {"limit", continues | notAName},
	{"asc", continues | notAName}, {"desc", continues | notAName},
	{"like", needsMore | continues | notAName}, {"or", needsMore | continues | notAName},
	{"and", needsMore | continues | notAName}, {"not", needsMore | continues | notAName},
	{"in", needsMore | continues | notAName},
	{"fact", 0}, {"document", field},
	{"entity", field}, {"year", field}, {"period", field}, {"value", field}, {"unit", field},
	{"qualifier", field}, {"status", field}, {"id", field}, {"sources", 0},
	{"conflict", 0},
}

// punctClasses are the classes of punctuation tokens.
var punctClasses = map[string]wordClass{
	"(": needsMore, ")": continues, ",": needsMore | continues,
	"=": needsMore | continues, "!=": needsMore | continues,
	"<": needsMore | continues, "<=": needsMore | continues,
	">": needsMore | continues, ">=": needsMore | continues,
}

// keywords maps each keyword to its class, function names included.
var keywords = func() map[string]wordClass {
	m := map[string]wordClass{}
	for _, k := range keywordTable {
		m[k.word] = k.class
	}
	for _, f := range functions {
		m[f.Name] = startsStatement
	}
	return m
}()

// IsKeyword reports whether word is reserved in the query language, in any
// letter case. Such words must be quoted to be used as names or values.
func IsKeyword(word string) bool {
	_, ok := keywords[strings.ToLower(word)]
	return ok
}

// Keywords returns every keyword, lower case: first those that may start
// a statement (metric, facts, the catalogues, show, search, explain, then
// the functions), then the others.
func Keywords() []string {
	var out []string
	for _, k := range keywordTable {
		out = append(out, k.word)
		if k.word == "explain" {
			for _, f := range functions {
				out = append(out, f.Name)
			}
		}
	}
	return out
}

// StatementKeywords returns the keywords a statement may start with, in
// the order of Keywords.
func StatementKeywords() []string {
	var out []string
	for _, w := range Keywords() {
		if keywords[w]&startsStatement != 0 {
			out = append(out, w)
		}
	}
	return out
}

// classOf returns the class of a keyword or punctuation token.
func classOf(typ lexer.TokenType, value string) wordClass {
	switch typ {
	case keywordToken, wordToken:
		return keywords[value]
	case punctToken:
		return punctClasses[value]
	}
	return 0
}

// definition implements lexer.Definition with a hand-written scanner:
// regular expressions cannot tell the number 1e6 from the name 5g_stations
// without lookahead, which RE2 lacks.
type definition struct{}

func (definition) Symbols() map[string]lexer.TokenType { return maps.Clone(symbols) }

func (definition) Lex(_ string, r io.Reader) (lexer.Lexer, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	return definition{}.LexString("", string(b))
}

func (definition) LexString(_ string, src string) (lexer.Lexer, error) {
	toks, err := scan(src)
	if err != nil {
		return nil, err
	}
	return &tokenStream{toks: toks}, nil
}

// tokenStream replays scanned tokens; after the final EOF it repeats it.
type tokenStream struct {
	toks []lexer.Token
	i    int
}

func (s *tokenStream) Next() (lexer.Token, error) {
	t := s.toks[s.i]
	if s.i < len(s.toks)-1 {
		s.i++
	}
	return t, nil
}

// scanner turns query text into tokens. Whitespace and comments (# to end
// of line) are dropped here, so the grammar never sees them.
type scanner struct {
	src  string
	off  int
	line int
	col  int
	toks []lexer.Token
	end  Pos // just after the last token

	// A lenient scanner (Lex) does not stop at errors: it keeps the first
	// in first, turns the bad text into a token and goes on. A string the
	// text ends in is then no error: open is its quote.
	lenient bool
	first   *Error
	open    byte
}

// scan returns the tokens of src, ending with an EOF token, or an *Error.
func scan(src string) ([]lexer.Token, error) {
	s := &scanner{src: src, line: 1, col: 1}
	return s.scan()
}

func (s *scanner) scan() ([]lexer.Token, error) {
	s.end = s.pos()
	for {
		s.skipSpace()
		if s.off >= len(s.src) {
			// EOF sits right after the last token, so that "unexpected end
			// of query" points at the line that needs more.
			s.toks = append(s.toks, lexer.EOFToken(s.end))
			return s.toks, nil
		}
		if err := s.token(); err != nil {
			return nil, err
		}
	}
}

func (s *scanner) pos() Pos {
	return Pos{Offset: s.off, Line: s.line, Column: s.col}
}

// advance moves past the next n bytes, keeping line and column (in runes).
func (s *scanner) advance(n int) {
	for _, r := range s.src[s.off : s.off+n] {
		if r == '\n' {
			s.line++
			s.col = 1
		} else {
			s.col++
		}
	}
	s.off += n
}

func (s *scanner) emit(typ lexer.TokenType, value string, pos Pos, n int) {
	s.toks = append(s.toks, lexer.Token{Type: typ, Value: value, Pos: pos})
	s.advance(n)
	s.end = s.pos()
}

func (s *scanner) skipSpace() {
	for s.off < len(s.src) {
		r, n := utf8.DecodeRuneInString(s.src[s.off:])
		switch {
		case r == '#':
			end := strings.IndexByte(s.src[s.off:], '\n')
			if end < 0 {
				end = len(s.src) - s.off
			}
			s.advance(end)
		case unicode.IsSpace(r) || r == '\ufeff':
			s.advance(n)
		default:
			return
		}
	}
}

func (s *scanner) errorf(pos Pos, format string, args ...any) error {
	return &Error{Pos: pos, Msg: fmt.Sprintf(format, args...)}
}

// note returns e, or when lenient keeps it (the first one) and returns nil.
func (s *scanner) note(e *Error) error {
	if !s.lenient {
		return e
	}
	if s.first == nil {
		s.first = e
	}
	return nil
}

// bad reports an error at pos about the next n bytes; a lenient scanner
// notes it and emits them as one token of type typ.
func (s *scanner) bad(pos Pos, n int, typ lexer.TokenType, format string, args ...any) error {
	if err := s.note(&Error{Pos: pos, Msg: fmt.Sprintf(format, args...)}); err != nil {
		return err
	}
	s.emit(typ, s.src[s.off:s.off+n], pos, n)
	return nil
}

func (s *scanner) token() error {
	pos := s.pos()
	rest := s.src[s.off:]
	c := rest[0]
	switch {
	case c == '"' || c == '\'':
		return s.str(c)
	case isDigit(c) || c == '-' && len(rest) > 1 && isDigit(rest[1]):
		return s.numberOrWord()
	case strings.HasPrefix(rest, "<=") || strings.HasPrefix(rest, ">=") || strings.HasPrefix(rest, "!="):
		s.emit(punctToken, rest[:2], pos, 2)
		return nil
	case strings.IndexByte("=<>(),;", c) >= 0:
		s.emit(punctToken, rest[:1], pos, 1)
		return nil
	}
	r, size := utf8.DecodeRuneInString(rest)
	if isWordRune(r) {
		n := wordLen(rest)
		word := rest[:n]
		if IsKeyword(word) {
			kw := strings.ToLower(word)
			typ := keywordToken
			if keywords[kw]&notAName == 0 {
				typ = wordToken
			}
			s.emit(typ, kw, pos, n)
		} else {
			s.emit(identToken, word, pos, n)
		}
		return nil
	}
	switch {
	case c == '!':
		return s.bad(pos, 1, punctToken, `unexpected character "!", expected "!="`)
	case r == utf8.RuneError && size == 1:
		return s.bad(pos, 1, punctToken, "invalid UTF-8 byte %#02x", c)
	}
	return s.bad(pos, size, punctToken, "unexpected character %q", r)
}

// numberOrWord scans a token that starts with a digit or "-digit": a number
// such as 2021, -3.5 or 1e6, or a word such as 5g_base_stations or
// 2024-Q1. The longer reading wins; a tie goes to the number.
func (s *scanner) numberOrWord() error {
	pos := s.pos()
	rest := s.src[s.off:]
	n := numberLen(rest)
	w := 0
	if rest[0] != '-' {
		w = wordLen(rest)
	}
	if w > n {
		s.emit(identToken, rest[:w], pos, w)
		return nil
	}
	if n < len(rest) {
		if r, _ := utf8.DecodeRuneInString(rest[n:]); isWordRune(r) || r == '.' {
			end := n
			for end < len(rest) {
				r, size := utf8.DecodeRuneInString(rest[end:])
				if !isWordRune(r) && r != '.' && r != '-' && r != '+' {
					break
				}
				end += size
			}
			return s.bad(pos, end, identToken, "malformed number %q", rest[:end])
		}
	}
	text := rest[:n]
	if strings.Trim(text, "0123456789") == "" {
		// Leading zeros are dropped so that participle's base-0 integer
		// conversion cannot read 010 as octal.
		text = strings.TrimLeft(text, "0")
		if text == "" {
			text = "0"
		}
		if _, err := strconv.ParseInt(text, 10, 64); err == nil {
			s.emit(intToken, text, pos, n)
			return nil
		}
	}
	if f, _ := strconv.ParseFloat(text, 64); math.IsInf(f, 0) {
		return s.bad(pos, n, numberToken, "number %s out of range", rest[:n])
	}
	s.emit(numberToken, text, pos, n)
	return nil
}

// str scans a string quoted with q (" or '). The token keeps the quotes
// and escapes; unquote decodes it once parsing succeeded.
func (s *scanner) str(q byte) error {
	pos := s.pos()
	rest := s.src[s.off:]
	for i := 1; i < len(rest); {
		switch c := rest[i]; c {
		case q:
			s.emit(stringToken, rest[:i+1], pos, i+1)
			return nil
		case '\n':
			return s.bad(pos, i, stringToken, "unterminated string")
		case '\\':
			if i+1 >= len(rest) {
				i++ // the text ends after the backslash, inside the string
				continue
			}
			n, err := escapeLen(rest[i:], q)
			if err != nil {
				at := *s
				at.advance(i)
				if err := s.note(&Error{Pos: at.pos(), Msg: "invalid escape sequence in string"}); err != nil {
					return err
				}
				n = 1
			}
			i += n
		default:
			i++
		}
	}
	if s.lenient {
		s.open = q
		s.emit(stringToken, rest, pos, len(rest))
		return nil
	}
	return s.errorf(pos, "unterminated string")
}

// escapeLen returns the length of the escape sequence at the start of s,
// which begins with a backslash. Both quote characters may be escaped in
// either kind of string; the rest follows Go (\n, \t, \xFF, \u00e9, ...).
func escapeLen(s string, q byte) (int, error) {
	if len(s) > 1 && (s[1] == '"' || s[1] == '\'') {
		return 2, nil
	}
	_, _, tail, err := strconv.UnquoteChar(s, q)
	if err != nil {
		return 0, err
	}
	return len(s) - len(tail), nil
}

// unquote decodes a string token validated by scanner.str. Bytes outside
// escapes are copied as they are, so invalid UTF-8 survives a round trip.
func unquote(tok string) string {
	if tok == "" || (tok[0] != '"' && tok[0] != '\'') {
		return tok
	}
	q := tok[0]
	body := tok[1 : len(tok)-1]
	if strings.IndexByte(body, '\\') < 0 {
		return body
	}
	var b []byte
	for i := 0; i < len(body); {
		if body[i] != '\\' {
			b = append(b, body[i])
			i++
			continue
		}
		if body[i+1] == '"' || body[i+1] == '\'' {
			b = append(b, body[i+1])
			i += 2
			continue
		}
		r, multibyte, tail, err := strconv.UnquoteChar(body[i:], q)
		if err != nil { // cannot happen after scanner.str
			b = append(b, body[i])
			i++
			continue
		}
		if r < utf8.RuneSelf || !multibyte {
			b = append(b, byte(r))
		} else {
			b = utf8.AppendRune(b, r)
		}
		i = len(body) - len(tail)
	}
	return string(b)
}

// numberLen returns the length of the number -?D+(.D+)?([eE][+-]?D+)? at
// the start of s, or 0.
func numberLen(s string) int {
	i := 0
	if i < len(s) && s[i] == '-' {
		i++
	}
	d := digits(s[i:])
	if d == 0 {
		return 0
	}
	i += d
	if i+1 < len(s) && s[i] == '.' {
		if d := digits(s[i+1:]); d > 0 {
			i += 1 + d
		}
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		j := i + 1
		if j < len(s) && (s[j] == '+' || s[j] == '-') {
			j++
		}
		if d := digits(s[j:]); d > 0 {
			i = j + d
		}
	}
	return i
}

func digits(s string) int {
	i := 0
	for i < len(s) && isDigit(s[i]) {
		i++
	}
	return i
}

// wordLen returns the length of the bare word at the start of s: letters,
// digits, marks and underscores, with single hyphens allowed between them
// (Q1-Q3, 2024-H1).
func wordLen(s string) int {
	i := 0
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if isWordRune(r) {
			i += n
			continue
		}
		if r == '-' && i > 0 && i+1 < len(s) {
			if r2, _ := utf8.DecodeRuneInString(s[i+1:]); isWordRune(r2) {
				i++
				continue
			}
		}
		break
	}
	return i
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func isWordRune(r rune) bool {
	return r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// isBareWord reports whether s can be written without quotes: it lexes as
// exactly one identifier (not a keyword, not a number).
func isBareWord(s string) bool {
	if s == "" {
		return false
	}
	toks, err := scan(s)
	return err == nil && len(toks) == 2 && toks[0].Type == identToken && toks[0].Value == s
}
