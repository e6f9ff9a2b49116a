package syntax

import "strconv"

// TokenKind is the kind of a Token.
type TokenKind uint8

// The kinds of token.
const (
	KeywordToken TokenKind = iota + 1 // a reserved word, lower-cased: where, metric, sum
	IdentToken                        // a bare word: Harbin, Q1-Q3, 5g_base_stations
	StringToken                       // a quoted string, quotes and escapes as written
	IntToken                          // an integer: 2021
	NumberToken                       // any other number: -3.5, 1e6
	PunctToken                        // ( ) , ; = != < <= > >=, or a character that is none of these
)

// Token is one token of query text, as Lex returns it.
type Token struct {
	Kind TokenKind
	// Text is the token as written, except that keywords are lower case.
	// A string keeps its quotes and escapes; one that the text ends in
	// runs to the end.
	Text string
	Pos  Pos
}

// NeedsMore reports whether no statement can end with t, so that a line
// ending in it goes on to the next: "where", "and", "by", "in", ",",
// "(", "=" and the other comparisons, and so on.
func (t Token) NeedsMore() bool { return t.class()&needsMore != 0 }

// Continues reports whether t cannot start a statement but continues one:
// a script line that starts with "where", "by", "order", "and", ",", ")"
// or a comparison belongs to the statement above.
func (t Token) Continues() bool { return t.class()&continues != 0 }

func (t Token) class() wordClass {
	switch t.Kind {
	case KeywordToken:
		return keywords[t.Text]
	case PunctToken:
		return punctClasses[t.Text]
	}
	return 0
}

// Lexed is query text cut into tokens by the lexer Parse uses, without
// stopping at errors: what a shell needs to decide whether a statement
// is complete, where statements end and what a word being completed
// follows.
type Lexed struct {
	// Src is the text.
	Src string
	// Tokens are the tokens of Src, comments and space left out. Text the
	// lexer cannot read (a stray character, a malformed number, a string
	// broken by a line end) is a token too, and Err says what is wrong.
	Tokens []Token
	// Err is the first lexical error, or nil. A string still open at the
	// end of Src is no error (see Open).
	Err *Error
	// Open is the quote character of a string still open at the end of
	// Src (then the last token), or 0.
	Open byte
	// Depth is the number of parentheses still open at the end of Src.
	Depth int
}

// Lex cuts src into tokens as Parse would, reading on past errors.
func Lex(src string) *Lexed {
	s := &scanner{src: src, line: 1, col: 1, lenient: true}
	toks, _ := s.scan() // a lenient scanner returns no error
	l := &Lexed{Src: src, Err: s.first, Open: s.open}
	for _, t := range toks[:len(toks)-1] { // the EOF token is left out
		kind := TokenKind(t.Type)
		if t.Type == wordToken {
			kind = KeywordToken
		}
		l.Tokens = append(l.Tokens, Token{Kind: kind, Text: t.Value, Pos: t.Pos})
		if t.Type == punctToken {
			switch t.Value {
			case "(":
				l.Depth++
			case ")":
				l.Depth = max(l.Depth-1, 0)
			}
		}
	}
	return l
}

// Blank reports whether the text holds nothing but space and comments.
func (l *Lexed) Blank() bool { return len(l.Tokens) == 0 && l.Err == nil }

// Incomplete reports whether the text is an unfinished statement that
// more lines may finish: a string or parenthesis is still open, or the
// last token is one no statement ends with (see Token.NeedsMore).
func (l *Lexed) Incomplete() bool {
	return l.Open != 0 || l.Depth > 0 || len(l.Tokens) > 0 && l.Tokens[len(l.Tokens)-1].NeedsMore()
}

// Continues reports whether the text starts with a token that continues
// a statement rather than starting one (see Token.Continues).
func (l *Lexed) Continues() bool { return len(l.Tokens) > 0 && l.Tokens[0].Continues() }

// Span is the byte range [Start, End) of a piece of text.
type Span struct{ Start, End int }

// Statements splits the text at each ";" that is a token (not inside a
// string or comment) and returns the pieces that hold a token, without
// their semicolons.
func (l *Lexed) Statements() []Span {
	var out []Span
	start, tokens := 0, 0
	emit := func(end int) {
		if tokens > 0 {
			out = append(out, Span{start, end})
		}
	}
	for _, t := range l.Tokens {
		if t.Kind == PunctToken && t.Text == ";" {
			emit(t.Pos.Offset)
			start, tokens = t.Pos.Offset+1, 0
			continue
		}
		tokens++
	}
	emit(len(l.Src))
	return out
}

// QuoteName returns name as a query writes it: bare when it lexes as one
// word that is neither a keyword nor a number (Harbin, Q1-Q3), quoted
// with Go escapes otherwise ("Harbin New Area", "count", "2021").
func QuoteName(name string) string {
	if isBareWord(name) {
		return name
	}
	return strconv.Quote(name)
}
