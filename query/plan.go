package query

import (
	"strconv"
	"strings"

	"github.com/alecthomas/participle/v2/lexer"
	"github.com/almanacdb/almanac/query/syntax"
	"github.com/almanacdb/almanac/store/vocab"
)

// List is the catalogue a Catalogue statement lists.
type List uint8

// The catalogues.
const (
	Entities List = iota
	Metrics
	Years
	Documents
	Units
)

var listNames = [...]string{"entities", "metrics", "years", "documents", "units"}

// String returns the catalogue's keyword.
func (l List) String() string {
	if int(l) < len(listNames) {
		return listNames[l]
	}
	return "list(" + strconv.Itoa(int(l)) + ")"
}

// ParseList returns the catalogue named s.
func ParseList(s string) (List, bool) {
	for i, n := range listNames {
		if strings.EqualFold(s, n) {
			return List(i), true
		}
	}
	return 0, false
}

// Field is a property of a fact that where, by and order by refer to.
type Field uint8

// The fields. FieldNone is the zero value and names nothing.
const (
	FieldNone Field = iota
	FieldEntity
	FieldMetric
	FieldYear
	FieldPeriod
	FieldValue
	FieldUnit
	FieldQualifier
	FieldStatus
	FieldDocument // the document's source name (or its ID, given a number)
	FieldID       // the fact ID
)

var fieldNames = [...]string{"", "entity", "metric", "year", "period", "value", "unit", "qualifier", "status", "document", "id"}

// String returns the field's keyword.
func (f Field) String() string {
	if int(f) < len(fieldNames) {
		return fieldNames[f]
	}
	return "field(" + strconv.Itoa(int(f)) + ")"
}

// ParseField returns the field named s (case-insensitively).
func ParseField(s string) (Field, bool) {
	for i, n := range fieldNames[1:] {
		if strings.EqualFold(s, n) {
			return Field(i + 1), true
		}
	}
	return FieldNone, false
}

// Values returns the values a field of a fixed vocabulary takes, as
// queries write them: the periods (months ranges left out: they are many
// and typed rather than picked), qualifiers and statuses; nil for the
// other fields, whose values are the database's.
func (f Field) Values() []string {
	var out []string
	switch f {
	case FieldPeriod:
		for _, p := range vocab.Periods() {
			if n := p.String(); !strings.HasPrefix(n, "M") || !strings.Contains(n, "-") {
				out = append(out, n)
			}
		}
	case FieldQualifier:
		for _, q := range vocab.Qualifiers() {
			out = append(out, q.String())
		}
	case FieldStatus:
		for _, s := range vocab.Statuses() {
			out = append(out, s.String())
		}
	}
	return out
}

// numeric reports whether the field compares as a number.
func (f Field) numeric() bool { return f == FieldYear || f == FieldValue || f == FieldID }

// Op is the operator of a condition.
type Op uint8

// The operators. In and NotIn take a list of values, the others one.
const (
	Eq Op = iota
	Ne
	Lt
	Le
	Gt
	Ge
	In
	NotIn
	Like
	NotLike
)

var opNames = [...]string{"=", "!=", "<", "<=", ">", ">=", "in", "not in", "like", "not like"}

// String returns the operator as written in queries.
func (o Op) String() string {
	if int(o) < len(opNames) {
		return opNames[o]
	}
	return "op(" + strconv.Itoa(int(o)) + ")"
}

// ParseOp returns the operator written s ("=", "!=", "<", "<=", ">", ">=",
// "in", "not in", "like", "not like"; also "==" and "<>").
func ParseOp(s string) (Op, bool) {
	switch strings.ToLower(strings.Join(strings.Fields(s), " ")) {
	case "==":
		return Eq, true
	case "<>":
		return Ne, true
	}
	for i, n := range opNames {
		if strings.EqualFold(s, n) {
			return Op(i), true
		}
	}
	return 0, false
}

// LitKind says how a literal was written.
type LitKind uint8

// The literal kinds.
const (
	LitString LitKind = iota // "quoted text" or a bare word such as Harbin or Q1
	LitNumber                // 2020, 1.5e9, -3
)

// Literal is a value written in a query. Str holds the text of strings;
// Num the value of numbers (and Str their text as written).
type Literal struct {
	Pos  lexer.Position
	Kind LitKind
	Str  string
	Num  float64
}

// Str returns a string literal.
func Str(s string) Literal { return Literal{Kind: LitString, Str: s} }

// Num returns a number literal.
func Num(v float64) Literal {
	return Literal{Kind: LitNumber, Num: v, Str: strconv.FormatFloat(v, 'f', -1, 64)}
}

// String returns the literal as it would be written in a query.
func (l Literal) String() string {
	switch l.Kind {
	case LitNumber:
		if l.Str != "" {
			return l.Str
		}
		return strconv.FormatFloat(l.Num, 'f', -1, 64)
	}
	return strconv.Quote(l.Str)
}

// Expr is a where-clause expression: *And, *Or, *Not, *Cond or *Conflict.
type Expr interface {
	// String returns the expression in query syntax, fully parenthesised
	// where precedence requires.
	String() string
	expr()
}

// And is true when all of its operands are.
type And struct{ X []Expr }

// Or is true when any of its operands is.
type Or struct{ X []Expr }

// Not negates its operand.
type Not struct {
	Pos lexer.Position
	X   Expr
}

// Cond compares a field with one value (Eq..Ge, Like, NotLike) or a list
// (In, NotIn).
type Cond struct {
	Pos    lexer.Position // of the field
	Field  Field
	Op     Op
	Values []Literal
}

// Conflict is true of a fact whose figure's sources disagree: the facts
// of the same entity, metric, year, period, status and unit that the rest
// of the where clause selects differ by more than rounding. It is decided
// after reconciliation, so it may only be a conjunct of the where clause
// (facts where conflict and year = 2020), or the negation of one.
type Conflict struct {
	Pos lexer.Position
}

func (*And) expr()      {}
func (*Or) expr()       {}
func (*Not) expr()      {}
func (*Cond) expr()     {}
func (*Conflict) expr() {}

// String returns "conflict".
func (*Conflict) String() string { return "conflict" }

// String prints the conjunction as query text.
func (e *And) String() string { return joinExpr(e.X, " and ", precAnd) }

// String prints the disjunction as query text.
func (e *Or) String() string { return joinExpr(e.X, " or ", precOr) }

// String prints the negation as query text.
func (e *Not) String() string {
	if _, ok := e.X.(*Not); ok {
		return "not (" + e.X.String() + ")" // the grammar wants not (not x)
	}
	return "not " + paren(e.X, precNot)
}

// String prints the condition as query text.
func (e *Cond) String() string {
	var b strings.Builder
	b.WriteString(e.Field.String())
	b.WriteByte(' ')
	b.WriteString(e.Op.String())
	b.WriteByte(' ')
	if e.Op == In || e.Op == NotIn {
		b.WriteByte('(')
		for i, v := range e.Values {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(v.String())
		}
		b.WriteByte(')')
		return b.String()
	}
	if len(e.Values) > 0 {
		b.WriteString(e.Values[0].String())
	}
	return b.String()
}

// Operator precedence, loosest first.
const (
	precOr = iota
	precAnd
	precNot
)

func joinExpr(xs []Expr, sep string, prec int) string {
	parts := make([]string, len(xs))
	for i, x := range xs {
		parts[i] = paren(x, prec)
	}
	return strings.Join(parts, sep)
}

// paren returns x's text, in parentheses if x binds more loosely than an
// operand at precedence prec must.
func paren(x Expr, prec int) string {
	p := precNot + 1
	switch x.(type) {
	case *Or:
		p = precOr
	case *And:
		p = precAnd
	}
	if p < prec {
		return "(" + x.String() + ")"
	}
	return x.String()
}

// OrderKey sorts result rows by a column, named as the result names it
// (a field such as year, "value" for aggregates, an entity in a pivot).
type OrderKey struct {
	Pos  lexer.Position
	Name string
	Desc bool
}

// String returns the key in query syntax.
func (k OrderKey) String() string {
	if k.Desc {
		return syntax.OrderKeyText(k.Name) + " desc"
	}
	return syntax.OrderKeyText(k.Name)
}

// ByField is one field of a "by" clause.
type ByField struct {
	Pos   lexer.Position
	Field Field
}

// Plan is a query lowered from syntax: what to read and how to shape it.
// It is one of *Select, *Catalogue, *Conflicts, *ShowFact, *ShowDocument
// and *Search,
// or an *Explain of one of them; no other type can be a Plan. The
// evaluator works from Plans only; tests and library users may build them
// directly and run them with Execute.
type Plan interface {
	// String returns the plan in query syntax.
	String() string
	// clauses returns the plan's order keys and limit (0 for none).
	clauses() (order []OrderKey, limit int)
}

// Select lists, pivots or aggregates facts: "[FUNC] metric NAME ..." or
// "[FUNC] facts ...", with where, by, order by and limit.
type Select struct {
	Pos lexer.Position // of the statement's first token
	// Func is an entry of syntax.Functions, nil for none: then the Select
	// lists facts without By and pivots figures with it.
	Func    *syntax.Function
	FuncPos lexer.Position
	// Metric is the metric after "metric"; "" for "facts".
	Metric    string
	MetricPos lexer.Position
	Where     Expr // nil for none
	By        []ByField
	Order     []OrderKey
	Limit     int // 0 for none
	LimitPos  lexer.Position
}

// Catalogue lists entities, metrics, years, documents or units with their
// fact counts: List [like Like] [where] [order by] [limit].
type Catalogue struct {
	Pos      lexer.Position
	List     List
	Like     string // "" for none
	LikePos  lexer.Position
	Where    Expr // nil for none: then counts are the catalogue's
	Order    []OrderKey
	Limit    int
	LimitPos lexer.Position
}

// Conflicts lists the figures whose sources disagree, with the facts
// that state each: conflicts [where] [order by] [limit]. It applies no
// defaults (a disagreement about a target is one too); Limit counts
// figures.
type Conflicts struct {
	Pos      lexer.Position
	Where    Expr // nil for none
	Order    []OrderKey
	Limit    int
	LimitPos lexer.Position
}

// ShowFact shows one fact with its document, sentence and other sources.
type ShowFact struct {
	Pos    lexer.Position
	ID     uint64
	ArgPos lexer.Position // of the ID, for "no fact N"
}

// ShowDocument shows one document and its facts: the document with ID,
// or the one ingested from Source when Source is not "".
type ShowDocument struct {
	Pos    lexer.Position
	ID     uint64
	Source string
	ArgPos lexer.Position // of the ID or name
}

// Search finds the sentences that contain every word of Phrase.
type Search struct {
	Pos      lexer.Position
	Phrase   string
	ArgPos   lexer.Position // of the phrase
	Limit    int            // sentences; 0 for no limit
	LimitPos lexer.Position
}

// Explain runs Plan and answers with how it ran instead of its rows.
type Explain struct {
	Plan Plan
}

func (p *Select) clauses() ([]OrderKey, int)       { return p.Order, p.Limit }
func (p *Catalogue) clauses() ([]OrderKey, int)    { return p.Order, p.Limit }
func (p *Conflicts) clauses() ([]OrderKey, int)    { return p.Order, p.Limit }
func (p *ShowFact) clauses() ([]OrderKey, int)     { return nil, 0 }
func (p *ShowDocument) clauses() ([]OrderKey, int) { return nil, 0 }
func (p *Search) clauses() ([]OrderKey, int)       { return nil, p.Limit }
func (p *Explain) clauses() ([]OrderKey, int)      { return p.Plan.clauses() }

// String returns the plan in query syntax.
func (p *Select) String() string {
	var b strings.Builder
	if p.Func != nil {
		b.WriteString(p.Func.Name)
		b.WriteByte(' ')
	}
	if p.Metric != "" {
		b.WriteString("metric ")
		b.WriteString(syntax.QuoteName(p.Metric))
	} else {
		b.WriteString("facts")
	}
	writeWhere(&b, p.Where)
	for i, f := range p.By {
		if i == 0 {
			b.WriteString(" by ")
		} else {
			b.WriteString(", ")
		}
		b.WriteString(f.Field.String())
	}
	writeClauses(&b, p.Order, p.Limit)
	return b.String()
}

// String returns the plan in query syntax.
func (p *Catalogue) String() string {
	var b strings.Builder
	b.WriteString(p.List.String())
	if p.Like != "" {
		b.WriteString(" like ")
		b.WriteString(strconv.Quote(p.Like))
	}
	writeWhere(&b, p.Where)
	writeClauses(&b, p.Order, p.Limit)
	return b.String()
}

// String returns the plan in query syntax.
func (p *Conflicts) String() string {
	var b strings.Builder
	b.WriteString("conflicts")
	writeWhere(&b, p.Where)
	writeClauses(&b, p.Order, p.Limit)
	return b.String()
}

// String returns the plan in query syntax.
func (p *ShowFact) String() string { return "show fact " + strconv.FormatUint(p.ID, 10) }

// String returns the plan in query syntax.
func (p *ShowDocument) String() string {
	if p.Source != "" {
		return "show document " + strconv.Quote(p.Source)
	}
	return "show document " + strconv.FormatUint(p.ID, 10)
}

// String returns the plan in query syntax.
func (p *Search) String() string {
	var b strings.Builder
	b.WriteString("search ")
	b.WriteString(strconv.Quote(p.Phrase))
	writeClauses(&b, nil, p.Limit)
	return b.String()
}

// String returns the plan in query syntax.
func (p *Explain) String() string {
	if p.Plan == nil {
		return "explain"
	}
	return "explain " + p.Plan.String()
}

func writeWhere(b *strings.Builder, e Expr) {
	if e != nil {
		b.WriteString(" where ")
		b.WriteString(e.String())
	}
}

func writeClauses(b *strings.Builder, order []OrderKey, limit int) {
	for i, k := range order {
		if i == 0 {
			b.WriteString(" order by ")
		} else {
			b.WriteString(", ")
		}
		b.WriteString(k.String())
	}
	if limit > 0 {
		b.WriteString(" limit ")
		b.WriteString(strconv.Itoa(limit))
	}
}

// Inspect walks e depth first: it calls f(e), and if f returns true,
// inspects the operands of e (of an And, Or or Not) in order. Every
// traversal of a where clause goes through it.
func Inspect(e Expr, f func(Expr) bool) {
	if e == nil || !f(e) {
		return
	}
	switch e := e.(type) {
	case *And:
		for _, x := range e.X {
			Inspect(x, f)
		}
	case *Or:
		for _, x := range e.X {
			Inspect(x, f)
		}
	case *Not:
		Inspect(e.X, f)
	}
}

// conjuncts returns the top-level operands of an And (nested Ands
// flattened), or e itself.
func conjuncts(e Expr) []Expr {
	var out []Expr
	Inspect(e, func(x Expr) bool {
		if _, ok := x.(*And); ok {
			return true
		}
		out = append(out, x)
		return false
	})
	return out
}

// conflictConds reports whether e's top-level conjuncts ask for
// conflicting figures (conflict) and for agreeing ones (not conflict).
func conflictConds(e Expr) (conflict, agree bool) {
	for _, x := range conjuncts(e) {
		switch x := x.(type) {
		case *Conflict:
			conflict = true
		case *Not:
			if _, ok := x.X.(*Conflict); ok {
				agree = true
			}
		}
	}
	return conflict, agree
}

// mentions reports whether e has a condition on field f anywhere.
func mentions(e Expr, f Field) bool {
	found := false
	Inspect(e, func(x Expr) bool {
		if c, ok := x.(*Cond); ok && c.Field == f {
			found = true
		}
		return !found
	})
	return found
}

// andOf returns the conjunction of xs: nil, the one operand, or an And.
func andOf(xs []Expr) Expr {
	switch len(xs) {
	case 0:
		return nil
	case 1:
		return xs[0]
	}
	return &And{X: xs}
}
