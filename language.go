package almanac

import (
	"time"

	"github.com/almanacdb/almanac/ingest/document"
	"github.com/almanacdb/almanac/query"
	"github.com/almanacdb/almanac/query/syntax"
	"github.com/almanacdb/almanac/store/vocab"
)

// Results: a Result holds typed rows (see package query); Write formats
// them as a table, JSON, JSON lines or CSV.
type (
	// Result is a query's answer; see query.Result.
	Result = query.Result
	// Kind says what shape of answer a Result holds.
	Kind = query.Kind
	// Column describes one column of a Result.
	Column = query.Column
	// Row is one row of a Result.
	Row = query.Row
	// Value is one typed cell of a Row.
	Value = query.Value
	// ValueKind is the type of a Value.
	ValueKind = query.ValueKind
	// Figure is one reconciled figure of a pivot; see query.Figure.
	Figure = query.Figure
	// Format is an output format of Result.Write.
	Format = query.Format
	// WriteOptions tunes Result.Write; see query.WriteOptions.
	WriteOptions = query.WriteOptions
)

// The kinds of result; see query.Kind.
const (
	KindFacts     = query.KindFacts
	KindPivot     = query.KindPivot
	KindTable     = query.KindTable
	KindCatalogue = query.KindCatalogue
	KindFact      = query.KindFact
	KindDocument  = query.KindDocument
	KindSearch    = query.KindSearch
	KindPlan      = query.KindPlan
	KindConflicts = query.KindConflicts
)

// The kinds of value; see query.ValueKind.
const (
	Null   = query.Null
	Int    = query.Int
	Number = query.Number
	Text   = query.Text
	Bool   = query.Bool
	Fig    = query.Fig
	IDs    = query.IDs
)

// The output formats; see query.Format.
const (
	Table    = query.Table
	JSON     = query.JSON
	JSONL    = query.JSONL
	CSV      = query.CSV
	TSV      = query.TSV
	Markdown = query.Markdown
	Line     = query.Line
)

// ParseFormat returns the output format named s: table, json, jsonl,
// csv, tsv, markdown or line.
func ParseFormat(s string) (Format, error) { return query.ParseFormat(s) }

// FormatNames returns the names of the output formats, in order.
func FormatNames() []string { return query.FormatNames() }

// Positioned errors in query text.
type (
	// Error is a mistake at one position of a query, printed as
	// "line:col: message".
	Error = syntax.Error
	// ErrorList is the mistakes found in one query, sorted by position.
	ErrorList = syntax.ErrorList
	// Pos is a position in query text: byte offset, line and column (in
	// runes), all 1-based but the offset.
	Pos = syntax.Pos
)

// Caret returns the line of src that err's (first) position is on and,
// below it, a caret under its column; "" if err carries no position.
func Caret(src string, err error) string { return syntax.Caret(src, err) }

// The query language as a shell sees it: the lexer's view of statements
// being typed, names as queries write them, keywords and functions.
type (
	// Lexed is query text cut into tokens without stopping at errors; it
	// says whether a statement is incomplete and where statements end.
	Lexed = syntax.Lexed
	// Token is one token of Lexed.
	Token = syntax.Token
	// TokenKind is the kind of a Token.
	TokenKind = syntax.TokenKind
	// Span is a byte range of text.
	Span = syntax.Span
	// Function is an aggregate or transform of the language (sum, growth,
	// ...) with its argument and result types.
	Function = syntax.Function
)

// The kinds of token; see syntax.TokenKind.
const (
	KeywordToken = syntax.KeywordToken
	IdentToken   = syntax.IdentToken
	StringToken  = syntax.StringToken
	IntToken     = syntax.IntToken
	NumberToken  = syntax.NumberToken
	PunctToken   = syntax.PunctToken
)

// MaxQueryLen is the longest query text, in bytes, that Query accepts.
const MaxQueryLen = syntax.MaxQueryLen

// Lex cuts query text into tokens as Query's parser would, reading on
// past errors: Lexed.Incomplete says whether more lines may finish a
// statement, Lexed.Statements where ";" separates statements.
func Lex(text string) *Lexed { return syntax.Lex(text) }

// QuoteName returns a name as a query writes it: bare when it can be,
// quoted otherwise ("Harbin New Area", "count").
func QuoteName(name string) string { return syntax.QuoteName(name) }

// IsKeyword reports whether word is reserved in the query language.
func IsKeyword(word string) bool { return syntax.IsKeyword(word) }

// Keywords returns the language's keywords, those that start a statement
// first.
func Keywords() []string { return syntax.Keywords() }

// StatementKeywords returns the keywords a statement may start with.
func StatementKeywords() []string { return syntax.StatementKeywords() }

// Functions returns the language's functions in the order the grammar
// lists them.
func Functions() []*Function { return syntax.Functions() }

// FieldValues returns the values a field of a fixed vocabulary (period,
// qualifier, status) takes, as queries write them; nil for other fields.
func FieldValues(field string) []string {
	f, ok := query.ParseField(field)
	if !ok {
		return nil
	}
	return f.Values()
}

// Suggest returns the word of candidates closest to s (ignoring case),
// for a "did you mean" after a mistake, or "" when none is close.
func Suggest(s string, candidates []string) string { return syntax.Suggest(s, candidates) }

// LookupFunction returns the function named name, or nil.
func LookupFunction(name string) *Function { return syntax.LookupFunction(name) }

// ParseDate parses a publication date as articles and the command line
// write them (2024-03-05, March 5, 2024, ...), the day as written; ok is
// false when s is not a date.
func ParseDate(s string) (t time.Time, ok bool) { return document.ParseDate(s) }

// The fact vocabulary (package store/vocab): the types of a Figure's or a
// fact's unit, period, qualifier and status, their parsers and the values
// programs test for.
type (
	// Unit is what a figure counts or measures.
	Unit = vocab.Unit
	// Period is the part of a year a figure covers.
	Period = vocab.Period
	// Qualifier says how exact a figure is.
	Qualifier = vocab.Qualifier
	// Status says whether a figure was reported as done or as a target.
	Status = vocab.Status
)

// Units, periods, qualifiers and statuses programs test for; see package
// vocab for the rest.
const (
	Count   = vocab.Count   // a bare number of things
	Percent = vocab.Percent // a percentage
	Points  = vocab.Points  // percentage points

	PeriodYear = vocab.PeriodYear // the whole year

	Exact  = vocab.Exact
	Approx = vocab.Approx
	Min    = vocab.Min
	Max    = vocab.Max

	Actual = vocab.Actual
	Plan   = vocab.Plan
)

// ParseUnit returns the unit named s; see vocab.ParseUnit.
func ParseUnit(s string) (Unit, error) { return vocab.ParseUnit(s) }

// ParsePeriod returns the period named s; see vocab.ParsePeriod.
func ParsePeriod(s string) (Period, error) { return vocab.ParsePeriod(s) }

// ParseQualifier returns the qualifier named s; see vocab.ParseQualifier.
func ParseQualifier(s string) (Qualifier, error) { return vocab.ParseQualifier(s) }

// ParseStatus returns the status named s; see vocab.ParseStatus.
func ParseStatus(s string) (Status, error) { return vocab.ParseStatus(s) }

// FormatNumber formats a value as query tables show it, with thousands
// separators: a computed value to at most two decimals, a stored one in
// full.
func FormatNumber(v float64, computed bool) string { return query.FormatNumber(v, computed) }
