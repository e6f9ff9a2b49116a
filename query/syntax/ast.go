package syntax

import (
	"math"
	"strconv"

	"github.com/alecthomas/participle/v2/lexer"
)

// The grammar structs below are both participle's grammar (the parser
// tags) and the syntax tree handed to the planner. Keyword values captured
// into string fields (Func, Kind, Field.Name, Op, ...) are always lower
// case. Parse normalises the tree after participle is done: strings are
// unquoted and redundant parentheses are removed (see Paren).

// Pos is a position in the query text: byte Offset from the start, 1-based
// Line, and 1-based Column counted in runes. Filename is unused.
type Pos = lexer.Position

// Node is implemented by every node of the syntax tree.
type Node interface {
	// Position returns where the node's first token starts.
	Position() Pos
	// String returns the node's canonical text, which parses back to an
	// equal node (positions aside).
	String() string
}

// Query is one statement, optionally prefixed by "explain" and followed by
// an optional ";".
type Query struct {
	Pos Pos
	// Explain is true when the query starts with "explain".
	Explain bool `parser:"@'explain'?"`
	// Stmt is the statement; never nil after Parse.
	Stmt Statement `parser:"@@ ';'?"`
}

// Statement is one of *Select, *Catalogue, *Conflicts, *Show or *Search.
type Statement interface {
	Node
	statement()
}

// Select reads facts: all facts, or those of one metric, optionally
// filtered, grouped, aggregated, ordered and limited.
type Select struct {
	Pos Pos
	// Func names the function (see Functions), "" for none. Select.Pos is
	// its position when present.
	Func Func `parser:"@@?"`
	// Metric is the metric after "metric"; nil means "facts" (every metric).
	Metric *Name `parser:"( 'metric' @@ | 'facts' )"`
	// Where is the filter, nil when absent.
	Where *Expr `parser:"( 'where' @@ )?"`
	// By lists the grouping fields in order, empty when absent.
	By []*Field `parser:"( 'by' @@ ( ',' @@ )* )?"`
	// OrderBy lists the sort keys in order, empty when absent.
	OrderBy []*OrderKey `parser:"( 'order' 'by' @@ ( ',' @@ )* )?"`
	// Limit is nil when absent.
	Limit *Limit `parser:"@@?"`
}

// Catalogue lists the distinct entities, metrics, years, documents or
// units in the knowledge base.
type Catalogue struct {
	Pos Pos
	// Kind is "entities", "metrics", "years", "documents" or "units".
	Kind string `parser:"@( 'entities' | 'metrics' | 'years' | 'documents' | 'units' )"`
	// Like is the pattern after "like", nil when absent. The syntax
	// package does not interpret it.
	Like *StringLit `parser:"( 'like' @@ )?"`
	// Where is the filter, nil when absent.
	Where *Expr `parser:"( 'where' @@ )?"`
	// OrderBy lists the sort keys in order, empty when absent.
	OrderBy []*OrderKey `parser:"( 'order' 'by' @@ ( ',' @@ )* )?"`
	// Limit is nil when absent.
	Limit *Limit `parser:"@@?"`
}

// Conflicts lists the figures whose sources disagree, each with the facts
// that state it: conflicts [where ...] [order by ...] [limit N].
type Conflicts struct {
	Pos Pos
	// Where is the filter, nil when absent.
	Where *Expr `parser:"'conflicts' ( 'where' @@ )?"`
	// OrderBy lists the sort keys in order, empty when absent.
	OrderBy []*OrderKey `parser:"( 'order' 'by' @@ ( ',' @@ )* )?"`
	// Limit is nil when absent.
	Limit *Limit `parser:"@@?"`
}

// Show displays one fact or one document. Exactly one of FactID,
// DocumentID and DocumentName is set.
type Show struct {
	Pos Pos
	// FactID is set by "show fact N".
	FactID *int64 `parser:"'show' ( 'fact' @Int"`
	// DocumentID is set by "show document N".
	DocumentID *int64 `parser:"| 'document' ( @Int"`
	// DocumentName is set by "show document "name"".
	DocumentName *StringLit `parser:"| @@ ) )"`
}

// Search runs a full-text search over the documents.
type Search struct {
	Pos Pos
	// Text is what to search for.
	Text *StringLit `parser:"'search' @@"`
	// Limit is nil when absent.
	Limit *Limit `parser:"@@?"`
}

// Limit is a "limit N" clause.
type Limit struct {
	Pos Pos
	// N is the limit, a non-negative integer; the planner decides whether
	// 0 is allowed.
	N int64 `parser:"'limit' @Int"`
}

// Name is a metric name: a bare word such as high_tech_enterprises or
// 5g_base_stations, or a quoted string for anything else (spaces,
// punctuation, keywords). It prints bare whenever it can.
type Name struct {
	Pos Pos
	// Value is the name, unquoted.
	Value string `parser:"@( Ident | String )"`
}

// Field is one of the fact fields: "entity", "metric", "year", "period",
// "value", "unit", "qualifier", "status", "document" or "id".
type Field struct {
	Pos Pos
	// Name is the field name, lower case.
	Name string `parser:"@( 'entity' | 'metric' | 'year' | 'period' | 'value' | 'unit' | 'qualifier' | 'status' | 'document' | 'id' )"`
}

// OrderKey is one key of an "order by" clause: the name of a column the
// result shows (a field, "sources", "facts", an entity or year heading a
// pivot's column...), bare, quoted or a number. The planner checks it
// against the result's columns.
type OrderKey struct {
	Pos Pos
	// Key is the column's name, unquoted.
	Key string `parser:"@( Word | Ident | String | Int )"`
	// Desc is true for "desc"; "asc" is the default and is not recorded.
	Desc bool `parser:"( @'desc' | 'asc' )?"`
}

// Expr is a condition: one or more AndExprs joined by "or". "and" binds
// tighter than "or", and "not" tighter than both.
type Expr struct {
	Pos Pos
	// Or holds the alternatives; the Expr holds when any of them does.
	Or []*AndExpr `parser:"@@ ( 'or' @@ )*"`
}

// AndExpr is one or more NotExprs joined by "and".
type AndExpr struct {
	Pos Pos
	// And holds the conjuncts; the AndExpr holds when all of them do.
	And []*NotExpr `parser:"@@ ( 'and' @@ )*"`
}

// NotExpr is a Primary, possibly negated. Double negation needs
// parentheses: not (not x).
type NotExpr struct {
	Pos Pos
	// Not is true when the NotExpr starts with "not".
	Not bool `parser:"@'not'?"`
	// X is the operand.
	X Primary `parser:"@@"`
}

// Primary is one of *Paren, *Compare, *In, *Like or *Conflict.
type Primary interface {
	Node
	primary()
}

// Paren is a parenthesised condition. After Parse, a Paren only remains
// where it changes the meaning: under "not" (when it holds more than one
// comparison or a negation) or around an "or" that is one operand of an
// "and". Nested "and" and "or" lists are flattened.
type Paren struct {
	Pos Pos
	// X is the condition inside the parentheses.
	X *Expr `parser:"'(' @@ ')'"`
}

// Compare is a comparison of a field with a value: year >= 2019.
type Compare struct {
	Pos Pos
	// Field is the field compared; Compare.Pos is its position.
	Field *Field `parser:"@@"`
	// Op is "=", "!=", "<", "<=", ">" or ">=".
	Op string `parser:"@( '=' | '!=' | '<=' | '>=' | '<' | '>' )"`
	// Value is what the field is compared with.
	Value Value `parser:"@@"`
}

// In tests a field against a list of values: period in (Q1, H1).
type In struct {
	Pos Pos
	// Field is the field tested; In.Pos is its position.
	Field *Field `parser:"@@"`
	// Not is true for "not in".
	Not bool `parser:"@'not'?"`
	// Values has at least one element.
	Values []Value `parser:"'in' '(' @@ ( ',' @@ )* ')'"`
}

// Like matches a field against a pattern: entity like "Harbin".
type Like struct {
	Pos Pos
	// Field is the field matched; Like.Pos is its position.
	Field *Field `parser:"@@"`
	// Not is true for "not like".
	Not bool `parser:"@'not'?"`
	// Pattern is passed to the planner uninterpreted.
	Pattern *StringLit `parser:"'like' @@"`
}

// Conflict holds for a fact whose figure's sources disagree: facts where
// conflict.
type Conflict struct {
	Pos Pos
	// Word is "conflict".
	Word string `parser:"@'conflict'"`
}

// Value is one of *StringLit or *NumberLit.
type Value interface {
	Node
	value()
}

// StringLit is a string: quoted ("Harbin New Area", 'plan'), a bare word
// (Harbin, plan, CNY, Q1-Q3, 2024-H1) or a keyword that is not a clause
// word (year, count). All spellings give the same node; it always prints
// quoted.
type StringLit struct {
	Pos Pos
	// Value is the string, unquoted.
	Value string `parser:"@( String | Ident | Word )"`
}

// NumberLit is a number: 2021, -3.5, 1e6. Its Text is kept as written
// (leading zeros of integers dropped) and printed back verbatim.
type NumberLit struct {
	Pos Pos
	// Text is the number as written; see Float and Int for its value.
	Text string `parser:"@( Int | Number )"`
}

// Position implementations.

// Position returns the position of the first token.
func (n *Query) Position() Pos { return n.Pos }

// Position returns the position of the first token.
func (n *Select) Position() Pos { return n.Pos }

// Position returns the position of the first token.
func (n *Catalogue) Position() Pos { return n.Pos }

// Position returns the position of the first token.
func (n *Conflicts) Position() Pos { return n.Pos }

// Position returns the position of the first token.
func (n *Show) Position() Pos { return n.Pos }

// Position returns the position of the first token.
func (n *Search) Position() Pos { return n.Pos }

// Position returns the position of the first token.
func (n *Limit) Position() Pos { return n.Pos }

// Position returns the position of the first token.
func (n *Name) Position() Pos { return n.Pos }

// Position returns the position of the first token.
func (n *Field) Position() Pos { return n.Pos }

// Position returns the position of the first token.
func (n *OrderKey) Position() Pos { return n.Pos }

// Position returns the position of the first token.
func (n *Expr) Position() Pos { return n.Pos }

// Position returns the position of the first token.
func (n *AndExpr) Position() Pos { return n.Pos }

// Position returns the position of the first token.
func (n *NotExpr) Position() Pos { return n.Pos }

// Position returns the position of the first token.
func (n *Paren) Position() Pos { return n.Pos }

// Position returns the position of the first token.
func (n *Compare) Position() Pos { return n.Pos }

// Position returns the position of the first token.
func (n *In) Position() Pos { return n.Pos }

// Position returns the position of the first token.
func (n *Like) Position() Pos { return n.Pos }

// Position returns the position of the first token.
func (n *Conflict) Position() Pos { return n.Pos }

// Position returns the position of the first token.
func (n *StringLit) Position() Pos { return n.Pos }

// Position returns the position of the first token.
func (n *NumberLit) Position() Pos { return n.Pos }

func (*Select) statement()    {}
func (*Catalogue) statement() {}
func (*Conflicts) statement() {}
func (*Show) statement()      {}
func (*Search) statement()    {}

func (*Paren) primary()    {}
func (*Compare) primary()  {}
func (*In) primary()       {}
func (*Like) primary()     {}
func (*Conflict) primary() {}

func (*StringLit) value() {}
func (*NumberLit) value() {}

// Float returns the number's value. The lexer rejects numbers that
// overflow a float64.
func (n *NumberLit) Float() float64 {
	f, _ := strconv.ParseFloat(n.Text, 64)
	return f
}

// Int returns the number as an int64 and true when it is a whole number in
// range (2021, 1e6, 2021.0), or 0 and false (2021.5, 1e30).
func (n *NumberLit) Int() (int64, bool) {
	if i, err := strconv.ParseInt(n.Text, 10, 64); err == nil {
		return i, true
	}
	f := n.Float()
	if f != math.Trunc(f) || f < math.MinInt64 || f >= math.MaxInt64 {
		return 0, false
	}
	return int64(f), true
}
