package shell

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// openState is what a scan of statement text found still open at its end.
type openState struct {
	depth int  // unclosed "("
	quote byte // the open quote character, or 0
	// last is the last token outside strings and comments, lower-cased;
	// "" when there is none.
	last string
	// tokens counts the tokens outside comments.
	tokens int
	// toks are the tokens, lower-cased; strings are kept quoted and an
	// unterminated one runs to the end of the text.
	toks []string
}

func (st *openState) add(tok string) {
	st.last = tok
	st.tokens++
	st.toks = append(st.toks, tok)
}

// dangling lists the tokens after which a statement cannot end, so that a
// line ending in one continues on the next: "metric gdp where" + newline.
var dangling = map[string]bool{
	"where": true, "and": true, "or": true, "not": true, "by": true, "order": true,
	"in": true, "like": true, "explain": true, ",": true, "(": true,
	"=": true, "!=": true, "<": true, "<=": true, ">": true, ">=": true,
}

// scanOpen scans text as the query lexer would (strings with backslash
// escapes, "#" comments to the end of the line) and reports what is open
// at its end.
func scanOpen(text string) openState {
	var st openState
	for i := 0; i < len(text); {
		c := text[i]
		switch {
		case c == '"' || c == '\'':
			j := i + 1
			st.quote = c
			for j < len(text) {
				if text[j] == '\\' {
					j += 2
					continue
				}
				j++
				if text[j-1] == c {
					st.quote = 0
					break
				}
			}
			st.add(text[i:min(j, len(text))])
			i = j
		case c == '#':
			j := strings.IndexByte(text[i:], '\n')
			if j < 0 {
				return st
			}
			i += j
		case c == '(' || c == ')' || c == ',' || c == ';':
			if c == '(' {
				st.depth++
			} else if c == ')' && st.depth > 0 {
				st.depth--
			}
			st.add(string(c))
			i++
		case c == '<' || c == '>' || c == '!' || c == '=':
			n := 1
			if i+1 < len(text) && text[i+1] == '=' {
				n = 2
			}
			st.add(text[i : i+n])
			i += n
		default:
			r, n := utf8.DecodeRuneInString(text[i:])
			if unicode.IsSpace(r) || r == '\ufeff' {
				i += n
				continue
			}
			j := i + n
			for j < len(text) {
				r, n := utf8.DecodeRuneInString(text[j:])
				if !isWordRune(r) && r != '-' && r != '.' && r != '+' {
					break
				}
				j += n
			}
			st.add(strings.ToLower(text[i:j]))
			i = j
		}
	}
	return st
}

// incomplete reports whether text needs more lines: a parenthesis or quote
// is open, or the last token cannot end a statement.
func incomplete(text string) bool {
	st := scanOpen(text)
	return st.quote != 0 || st.depth > 0 || dangling[st.last]
}

// clauseStarts are the tokens that cannot start a statement but can
// continue one: a line starting with one continues the statement before.
var clauseStarts = map[string]bool{
	"where": true, "by": true, "order": true, "limit": true, "and": true, "or": true,
	"asc": true, "desc": true, "like": true, "in": true, "not": true, ",": true, ")": true,
	"=": true, "!=": true, "<": true, "<=": true, ">": true, ">=": true,
}

// continuesStatement reports whether line starts with a clause that
// continues the statement on the lines before it.
func continuesStatement(line string) bool {
	st := scanOpen(line)
	return len(st.toks) > 0 && clauseStarts[st.toks[0]]
}

// blank reports whether text holds nothing but spaces and comments.
func blank(text string) bool { return scanOpen(text).tokens == 0 }

// piece is one statement of a line group split at ";".
type piece struct {
	text string
	off  int // byte offset of text in the group
}

// splitStatements splits text at each ";" outside strings and comments,
// dropping the semicolons and the pieces that are blank.
func splitStatements(text string) []piece {
	var out []piece
	start := 0
	var quote byte
	emit := func(end int) {
		if s := text[start:end]; !blank(s) {
			out = append(out, piece{text: s, off: start})
		}
	}
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case quote != 0:
			if c == '\\' {
				i++
			} else if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '#':
			j := strings.IndexByte(text[i:], '\n')
			if j < 0 {
				i = len(text)
			} else {
				i += j
			}
		case c == ';':
			emit(i)
			start = i + 1
		}
	}
	emit(len(text))
	return out
}

func isWordRune(r rune) bool {
	return r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// quoteName returns name as the query language wants it written: bare when
// it lexes as a single word that is neither a keyword nor a number, double
// quoted otherwise.
func quoteName(name string) string {
	if isBare(name) {
		return name
	}
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range name {
		switch r {
		case '"', '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case '\n':
			b.WriteString(`\n`)
		case '\t':
			b.WriteString(`\t`)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

func isBare(s string) bool {
	if s == "" || isKeyword(s) || isNumber(s) {
		return false
	}
	prevHyphen := true // no leading hyphen
	for _, r := range s {
		switch {
		case isWordRune(r):
			prevHyphen = false
		case r == '-' && !prevHyphen:
			prevHyphen = true
		default:
			return false
		}
	}
	return !prevHyphen
}

// isNumber reports whether s is all a number as the lexer reads one:
// digits with an optional exponent (a bare word cannot hold "." or "-").
func isNumber(s string) bool {
	i := 0
	for i < len(s) && '0' <= s[i] && s[i] <= '9' {
		i++
	}
	if i == 0 {
		return false
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		j := i + 1
		for j < len(s) && '0' <= s[j] && s[j] <= '9' {
			j++
		}
		if j > i+1 {
			i = j
		}
	}
	return i == len(s)
}
