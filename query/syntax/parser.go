package syntax

import (
	"fmt"
	"strings"
	"sync"

	"github.com/alecthomas/participle/v2"
	"github.com/alecthomas/participle/v2/lexer"
)

// MaxQueryLen is the longest text, in bytes, that Parse and ParseScript
// accept.
const MaxQueryLen = 1 << 20

// MaxDepth is the deepest nesting of parentheses that Parse and
// ParseScript accept.
const MaxDepth = 100

// script is the root of ParseScript's grammar: queries one after another,
// each optionally ended by ";".
type script struct {
	Queries []*Query `parser:"@@*"`
}

func options() []participle.Option {
	return []participle.Option{
		participle.Lexer(definition{}),
		participle.Union[Statement](&Select{}, &Catalogue{}, &Conflicts{}, &Show{}, &Search{}),
		participle.Union[Primary](&Paren{}, &Compare{}, &In{}, &Like{}, &Conflict{}),
		participle.Union[Value](&StringLit{}, &NumberLit{}),
		// In and Like share "field not" before they differ.
		participle.UseLookahead(2),
	}
}

// The parsers are built on first use: building one reflects over the
// grammar structs, which costs a fresh process more than answering a
// query, and most processes (ingest, serve before its first query) never
// parse one, or need only one of the two.
var (
	queryParser  = sync.OnceValue(func() *participle.Parser[Query] { return participle.MustBuild[Query](options()...) })
	scriptParser = sync.OnceValue(func() *participle.Parser[script] { return participle.MustBuild[script](options()...) })
)

// stmtQuery is a Query whose statement is an S: the root of a parser of
// one kind of statement. Its fields and tags are Query's, with Stmt's
// type narrowed from the Statement union to one of its members, so the
// parser it roots is a part of the same grammar, not a second one.
type stmtQuery[S Statement] struct {
	Pos     Pos
	Explain bool `parser:"@'explain'?"`
	Stmt    S    `parser:"@@ ';'?"`
}

// A stmtParser parses a query whose first word (after "explain") says
// which kind of statement it is. Building one costs a fraction of
// building queryParser: participle builds every member of every union an
// option names, the five statements and everything they use, and a
// statement's own parser names only the unions the statement uses.
type stmtParser func(*lexer.PeekingLexer) (*Query, error)

// newStmtParser returns a stmtParser for S built on first use; exprs says
// whether S holds conditions, which need the Primary and Value unions.
func newStmtParser[S Statement](exprs bool) func() stmtParser {
	return sync.OnceValue(func() stmtParser {
		opts := []participle.Option{participle.Lexer(definition{}), participle.UseLookahead(2)}
		if exprs {
			opts = append(opts,
				participle.Union[Primary](&Paren{}, &Compare{}, &In{}, &Like{}, &Conflict{}),
				participle.Union[Value](&StringLit{}, &NumberLit{}))
		}
		p := participle.MustBuild[stmtQuery[S]](opts...)
		return func(lex *lexer.PeekingLexer) (*Query, error) {
			r, err := p.ParseFromLexer(lex)
			if err != nil {
				return nil, err
			}
			return &Query{Pos: r.Pos, Explain: r.Explain, Stmt: r.Stmt}, nil
		}
	})
}

// The statements' parsers, by the words their statements begin with.
var (
	selectParser    = newStmtParser[*Select](true)
	catalogueParser = newStmtParser[*Catalogue](true)
	conflictsParser = newStmtParser[*Conflicts](true)
	showParser      = newStmtParser[*Show](false)
	searchParser    = newStmtParser[*Search](false)
)

// statementParser returns the parser of the statement toks begin with,
// after an optional "explain", or nil when the first word starts none.
//
// Its parse gives the tree queryParser gives whenever it succeeds: the
// first words of the statements differ (a function name or "metric" or
// "facts", a catalogue's kind, "conflicts", "show", "search"), so every
// member of the Statement union before the one chosen fails at the first
// word, and participle then parses the one chosen by the same
// productions. When it fails, Parse asks queryParser, so that errors name
// everything the full grammar expects.
func statementParser(toks []lexer.Token) func() stmtParser {
	i := 0
	if toks[i].Type == keywordToken && toks[i].Value == "explain" {
		i++
	}
	if t := toks[i]; t.Type == keywordToken || t.Type == wordToken {
		switch t.Value {
		case "metric", "facts":
			return selectParser
		case "entities", "metrics", "years", "documents", "units":
			return catalogueParser
		case "conflicts":
			return conflictsParser
		case "show":
			return showParser
		case "search":
			return searchParser
		}
		if LookupFunction(t.Value) != nil {
			return selectParser
		}
	}
	return nil
}

// parseStatement parses toks with the parser of the statement they begin
// with; ok is false when there is none or it fails (or panics), and the
// caller is to use queryParser instead.
func parseStatement(toks []lexer.Token) (q *Query, ok bool) {
	p := statementParser(toks)
	if p == nil {
		return nil, false
	}
	defer func() {
		if recover() != nil {
			q, ok = nil, false
		}
	}()
	peek, err := lexer.Upgrade(&tokenStream{toks: toks})
	if err != nil {
		return nil, false
	}
	q, err = p()(peek)
	return q, err == nil
}

// EBNF returns the grammar of a query in EBNF, as participle prints it.
// Productions are capitalised; <ident>, <string>, <int> and <number> are
// tokens of the lexer described in the package documentation.
func EBNF() string {
	// participle prints a Parseable node by name only; the Func
	// production follows the one that uses it.
	var out []string
	for _, line := range strings.Split(queryParser().String(), "\n") {
		out = append(out, line)
		if strings.HasPrefix(line, "Select = ") {
			out = append(out, funcEBNF())
		}
	}
	return strings.Join(out, "\n")
}

// Parse parses a single query. Errors are *Error, with messages that say
// what was expected.
func Parse(src string) (q *Query, err error) {
	defer recoverInternal(&err)
	toks, err := tokens(src)
	if err != nil {
		return nil, err
	}
	if q, ok := parseStatement(toks); ok {
		finishQuery(q)
		return q, nil
	}
	return parseFull(toks)
}

// parseFull parses toks with the whole grammar, as Parse does when the
// statement's own parser cannot.
func parseFull(toks []lexer.Token) (*Query, error) {
	peek, err := lexer.Upgrade(&tokenStream{toks: toks})
	if err != nil {
		return nil, err
	}
	q, err := queryParser().ParseFromLexer(peek)
	if err != nil {
		return nil, convertError(err, toks, atEndOfQuery)
	}
	finishQuery(q)
	return q, nil
}

// ParseScript parses queries written one after another. A query ends
// where the next token cannot continue it, or at an optional ";", so
// queries may be written one per line. It returns the first syntax error
// as an *Error; an empty script gives no queries.
func ParseScript(src string) (qs []*Query, err error) {
	defer recoverInternal(&err)
	toks, err := tokens(src)
	if err != nil {
		return nil, err
	}
	peek, err := lexer.Upgrade(&tokenStream{toks: toks})
	if err != nil {
		return nil, err
	}
	s, err := scriptParser().ParseFromLexer(peek)
	if err != nil {
		return nil, convertError(err, toks, statementWords)
	}
	for _, q := range s.Queries {
		finishQuery(q)
	}
	return s.Queries, nil
}

// recoverInternal turns a panic inside participle into an error, so that
// none crosses the package boundary.
func recoverInternal(err *error) {
	if r := recover(); r != nil {
		*err = &Error{Pos: Pos{Line: 1, Column: 1}, Msg: fmt.Sprintf("internal parser error: %v", r)}
	}
}

// tokens enforces MaxQueryLen and MaxDepth, which bound the time and stack
// participle's recursive descent can use, and lexes src.
func tokens(src string) ([]lexer.Token, error) {
	if len(src) > MaxQueryLen {
		return nil, &Error{Pos: Pos{Line: 1, Column: 1},
			Msg: fmt.Sprintf("query too long (%d bytes, limit %d)", len(src), MaxQueryLen)}
	}
	toks, err := scan(src)
	if err != nil {
		return nil, err
	}
	depth := 0
	for _, t := range toks {
		if t.Type != punctToken {
			continue
		}
		switch t.Value {
		case "(":
			depth++
			if depth > MaxDepth {
				return nil, &Error{Pos: t.Pos,
					Msg: fmt.Sprintf("parentheses nested too deeply (limit %d)", MaxDepth)}
			}
		case ")":
			depth--
		}
	}
	return toks, nil
}

// finishQuery unquotes strings and simplifies conditions, so that equal
// queries give equal trees however they were spelled.
func finishQuery(q *Query) {
	switch s := q.Stmt.(type) {
	case *Select:
		if s.Metric != nil {
			s.Metric.Value = unquote(s.Metric.Value)
		}
		s.Where = finishExpr(s.Where)
		finishOrder(s.OrderBy)
	case *Catalogue:
		finishString(s.Like)
		s.Where = finishExpr(s.Where)
		finishOrder(s.OrderBy)
	case *Conflicts:
		s.Where = finishExpr(s.Where)
		finishOrder(s.OrderBy)
	case *Show:
		finishString(s.DocumentName)
	case *Search:
		finishString(s.Text)
	}
}

func finishOrder(keys []*OrderKey) {
	for _, k := range keys {
		k.Key = unquote(k.Key)
	}
}

func finishString(s *StringLit) {
	if s != nil {
		s.Value = unquote(s.Value)
	}
}

// finishExpr unquotes the strings in e and removes the parentheses that do
// not change its meaning (see Paren). The printer adds parentheses exactly
// where the tree has a Paren, so printing a finished tree and parsing it
// again gives the same tree.
func finishExpr(e *Expr) *Expr {
	if e == nil {
		return nil
	}
	var or []*AndExpr
	for _, a := range e.Or {
		var and []*NotExpr
		for _, n := range a.And {
			finishNot(n)
			if p, ok := n.X.(*Paren); ok && !n.Not && len(p.X.Or) == 1 {
				// (a and b) within an "and": splice.
				and = append(and, p.X.Or[0].And...)
				continue
			}
			and = append(and, n)
		}
		a.And = and
		if len(and) == 1 && !and[0].Not {
			if p, ok := and[0].X.(*Paren); ok {
				// (a or b) alone between "or"s: splice.
				or = append(or, p.X.Or...)
				continue
			}
		}
		or = append(or, a)
	}
	e.Or = or
	return e
}

// finishNot finishes the operand of n and, under "not", drops parentheses
// around a single comparison: not (a = 1) is not a = 1.
func finishNot(n *NotExpr) {
	switch x := n.X.(type) {
	case *Paren:
		x.X = finishExpr(x.X)
		if n.Not && len(x.X.Or) == 1 && len(x.X.Or[0].And) == 1 {
			if inner := x.X.Or[0].And[0]; !inner.Not {
				n.X = inner.X
			}
		}
	case *Compare:
		if s, ok := x.Value.(*StringLit); ok {
			finishString(s)
		}
	case *In:
		for _, v := range x.Values {
			if s, ok := v.(*StringLit); ok {
				finishString(s)
			}
		}
	case *Like:
		finishString(x.Pattern)
	}
}
