package syntax

import (
	"strings"

	"github.com/alecthomas/participle/v2"
	"github.com/alecthomas/participle/v2/lexer"
)

// Function is an aggregate or transform a Select applies to the figures
// it reads (Prometheus's promql keeps its functions the same way). Each is
// declared once, in the table Functions returns: its name is a reserved
// keyword, the grammar's Func production matches exactly the names in the
// table, the planner checks a query against Arg and Result, and the
// evaluator (package query) holds one evaluation per name. Adding a
// function is one entry here and its evaluation there.
type Function struct {
	// Name is the keyword, lower case.
	Name string
	// Arg is what the function reads.
	Arg Type
	// Result is what it gives.
	Result Type
}

// Type is the type of a function's argument or result.
type Type uint8

// The types of function arguments and results.
const (
	// TypeFigures is reconciled figures of any period and unit: a figure
	// that several documents state is one figure.
	TypeFigures Type = iota + 1
	// TypeAmounts is reconciled figures in one unit per group (combining
	// CNY with USD is an error), whole-year unless the query asks for a
	// period.
	TypeAmounts
	// TypeLevels is the whole-year figures of consecutive years of each
	// series (entity, metric, period, status and unit). A function of
	// levels is shown by year or by entity, and reads the year before the
	// first one a condition on year allows.
	TypeLevels
	// TypeNumber is a number computed from figures, in their unit.
	TypeNumber
	// TypeFigure is one of the figures, as stated.
	TypeFigure
	// TypeCount is a whole number without a unit.
	TypeCount
	// TypeRate is a percentage of change computed between two figures.
	TypeRate
)

var typeNames = [...]string{"", "figures", "amounts", "levels", "number", "figure", "count", "rate"}

// String returns the type's name.
func (t Type) String() string {
	if int(t) < len(typeNames) && t > 0 {
		return typeNames[t]
	}
	return "type?"
}

// functions is the table of functions, in the order the grammar and help
// list them.
var functions = []*Function{
	{Name: "sum", Arg: TypeAmounts, Result: TypeNumber},
	{Name: "avg", Arg: TypeAmounts, Result: TypeNumber},
	{Name: "min", Arg: TypeAmounts, Result: TypeFigure},
	{Name: "max", Arg: TypeAmounts, Result: TypeFigure},
	{Name: "count", Arg: TypeFigures, Result: TypeCount},
	{Name: "growth", Arg: TypeLevels, Result: TypeRate},
}

// Functions returns the functions of the language, in the order the
// grammar lists them. The entries are shared; do not modify them.
func Functions() []*Function { return append([]*Function(nil), functions...) }

// LookupFunction returns the function named name (in any letter case), or
// nil if there is none.
func LookupFunction(name string) *Function {
	for _, f := range functions {
		if strings.EqualFold(f.Name, name) {
			return f
		}
	}
	return nil
}

// Func is the name of a function in a Select: a grammar node that matches
// one keyword naming an entry of Functions, so that the grammar reads the
// table rather than repeating it. The empty Func is no function.
type Func string

// Parse implements participle.Parseable.
func (f *Func) Parse(lex *lexer.PeekingLexer) error {
	t := lex.Peek()
	if t.Type != keywordToken && t.Type != wordToken || LookupFunction(t.Value) == nil {
		return participle.NextMatch
	}
	lex.Next()
	*f = Func(t.Value)
	return nil
}

// funcEBNF is the Func production, which participle cannot print for a
// Parseable node.
func funcEBNF() string {
	alts := make([]string, len(functions))
	for i, f := range functions {
		alts[i] = `"` + f.Name + `"`
	}
	return "Func = " + strings.Join(alts, " | ") + " ."
}
