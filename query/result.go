package query

import (
	"fmt"
	"iter"
	"strconv"

	"github.com/almanacdb/almanac/store"
	"github.com/almanacdb/almanac/store/vocab"
)

// Kind says what shape of answer a Result holds; Write lays each out its
// own way in tables and the same way (one object per row) in json, jsonl
// and csv.
type Kind uint8

// The kinds of result.
const (
	// KindFacts is a long-form list of facts, one row per stored fact.
	KindFacts Kind = iota
	// KindPivot is a grid of reconciled figures: rows and columns are
	// values of fields, each cell a Figure. Machine formats write its
	// figures in long form, one object per non-empty cell.
	KindPivot
	// KindTable is a table of computed rows, such as aggregates by group.
	KindTable
	// KindCatalogue lists entities, metrics, years, documents or units
	// with their fact counts.
	KindCatalogue
	// KindFact is one fact in detail (Result.Detail); its rows are the
	// fact and its other sources.
	KindFact
	// KindDocument is one document (Result.Document) and its facts.
	KindDocument
	// KindSearch is the facts in sentences matching a search, one row per
	// fact (or per sentence without facts).
	KindSearch
	// KindPlan is the answer to explain: one row per step of the plan.
	KindPlan
	// KindConflicts is the figures whose sources disagree, one row per
	// fact, the facts of a figure together (the one shown first); tables
	// draw each figure as a heading over its facts.
	KindConflicts
)

var kindNames = [...]string{"facts", "pivot", "table", "catalogue", "fact", "document", "search", "plan", "conflicts"}

// String returns the kind's name.
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "kind(" + strconv.Itoa(int(k)) + ")"
}

// ValueKind is the type of a Value.
type ValueKind uint8

// The value kinds.
const (
	Null   ValueKind = iota // an empty cell
	Int                     // Value.Int
	Number                  // Value.Num
	Text                    // Value.Str
	Bool                    // Value.Int is 0 or 1
	Fig                     // Value.Fig, a reconciled figure
	IDs                     // Value.IDs, the IDs of facts behind a number
)

// Value is one typed cell of a result row.
type Value struct {
	Kind ValueKind
	// Conflict marks a number whose sources disagree (see Figure.Conflict).
	Conflict bool
	// Computed marks a number the query computed rather than read.
	Computed bool
	rank     int32 // sort order of enumerated texts (periods, statuses)
	Int      int64
	Num      float64
	Str      string
	Fig      *Figure
	IDs      []uint64
}

// String returns the value as plain text: numbers without separators,
// Null as "".
func (v Value) String() string {
	switch v.Kind {
	case Int:
		return strconv.FormatInt(v.Int, 10)
	case Number:
		return formatFloat(v.Num)
	case Text:
		return v.Str
	case Bool:
		return strconv.FormatBool(v.Int != 0)
	case Fig:
		return formatFloat(v.Fig.Value)
	case IDs:
		return joinIDs(v.IDs, " ")
	}
	return ""
}

// joinIDs writes fact IDs separated by sep.
func joinIDs(ids []uint64, sep string) string {
	var b []byte
	for i, id := range ids {
		if i > 0 {
			b = append(b, sep...)
		}
		b = strconv.AppendUint(b, id, 10)
	}
	return string(b)
}

// Float returns the numeric value of an Int, Number or Fig value.
func (v Value) Float() (float64, bool) {
	switch v.Kind {
	case Int, Bool:
		return float64(v.Int), true
	case Number:
		return v.Num, true
	case Fig:
		return v.Fig.Value, true
	}
	return 0, false
}

func intVal(i int64) Value          { return Value{Kind: Int, Int: i} }
func numVal(f float64) Value        { return Value{Kind: Number, Num: f} }
func textVal(s string) Value        { return Value{Kind: Text, Str: s} }
func boolVal(b bool) Value          { return Value{Kind: Bool, Int: map[bool]int64{true: 1}[b]} }
func rankVal(s string, r int) Value { return Value{Kind: Text, Str: s, rank: int32(r) + 1} }
func idsVal(ids []uint64) Value     { return Value{Kind: IDs, IDs: ids} }

// Column describes one column of a result.
type Column struct {
	// Name is the column's key in json and csv output, its header in
	// tables, and what order by names.
	Name string
	Kind ValueKind
	// Unit is the unit of every number in the column, when they share one.
	Unit string
	// Plain numbers print without thousands separators (years, IDs).
	Plain bool
	// Detail columns (sentences) are written in json, jsonl and csv but
	// left out of tables, where show fact displays them.
	Detail bool
}

// Row is one row of a result: one Value per column.
type Row []Value

// Figure is one reconciled figure: what the knowledge base says about an
// entity's metric for one year, period and status, in one unit, however
// many documents state it.
//
// Its facts conflict when their values differ by more than 0.5 % of the
// larger (more than rounding to three significant digits can explain).
// The value shown is picked by one rule, conflicting or not: an exact
// figure beats an approximate, minimum or maximum one; then the fact from
// the most recently published document wins; then the later-ingested
// document (higher document ID) wins, and within one
// document the later fact. Reconciliation considers the facts the query
// selects: a where clause on document or qualifier narrows the sources.
type Figure struct {
	Entity    string
	Metric    string
	Year      int
	Period    vocab.Period
	Value     float64 // the value shown; see the reconciliation rule in doc.go
	Unit      string  // a vocab.Unit's name (percent for growth rates)
	Qualifier vocab.Qualifier
	Status    vocab.Status
	// Sources is the number of distinct documents that state the figure.
	Sources int
	// Conflict is true when the sources disagree by more than rounding.
	Conflict bool
	// Computed is true for figures the query computed (growth rates).
	Computed bool
	// Fact is the ID of the fact whose value is shown (for computed
	// figures, the later year's).
	Fact uint64
	// Facts are the IDs of every fact the figure reconciles, by document;
	// for a computed figure, those of both years it was computed from.
	// Machine formats write them as "facts", so that every figure traces
	// to its sentences.
	Facts []uint64

	eid, mid, uid uint32
}

// Execution describes how a query ran, for explain.
type Execution struct {
	// Access is the bucket read: idx_metric, idx_entity, idx_year, facts
	// (a full scan), or a description of a direct lookup.
	Access string
	// Prefixes are the key prefixes of the index scans, readable.
	Prefixes []string
	// Filter is the residual condition tested on each entry read, in
	// query syntax ("" for none).
	Filter string
	// Defaults are conditions the view adds ("period = year", "status =
	// actual"), in query syntax.
	Defaults string
	// Shape says how rows were built: list, pivot, aggregate, growth.
	Shape string
	// Scans is the number of index prefix scans (or full scans) made.
	Scans int
	// KeysRead is the number of index entries or records read.
	KeysRead int
	// RowsOut is the number of rows in the result.
	RowsOut int
	// Hidden is the number of figures the view's defaults (whole-year,
	// actual) left out; a note says how to see them.
	Hidden int
	// Snapshot identifies the data the query read (see store.Tx.Snapshot):
	// two runs with the same snapshot read the same facts, so pages of a
	// result cut by Slice from two runs fit together.
	Snapshot uint64
}

// FactDetail is a fact shown in full by "show fact".
type FactDetail struct {
	Fact     store.Fact
	Document store.Document // without its text
	// MarkStart and MarkEnd are the byte span of the number in
	// Fact.Sentence, or -1 when the number lies outside the sentence.
	MarkStart, MarkEnd int
	// Figure is the fact's reconciled figure; Shown is true when this
	// fact's value is the one the figure shows.
	Figure Figure
	Shown  bool
	// Others are the other facts stating the same figure (same entity,
	// metric, year, period, status and unit) in other documents.
	Others []OtherSource
}

// OtherSource is another document's statement of a figure.
type OtherSource struct {
	Fact      uint64
	Document  store.Document // without its text
	Value     float64
	Unit      string
	Qualifier vocab.Qualifier
	// Agrees is true when the value is within rounding (0.5 %) of the
	// fact shown in detail.
	Agrees bool
	// Shown is true when reconciliation picks this value for the figure.
	Shown bool
}

// Result is the answer to a query. Rows hold typed values, one per
// column; Write formats them.
type Result struct {
	Kind Kind
	// Title is a one-line caption printed above tables ("" for none).
	Title   string
	Columns []Column
	rows    []Row
	// Notes are printed below tables: legends, defaults the view applied,
	// warnings. Machine formats leave them out.
	Notes []string
	// Plan is the executed plan (for explain, the Explain).
	Plan Plan
	// Exec says how the plan ran.
	Exec Execution
	// Detail is set for KindFact.
	Detail *FactDetail
	// Document is set for KindDocument.
	Document *store.Document
	// figures holds the cells of a pivot in row-major order, for long form.
	figures []*Figure
	// valueCol is the column "order by value" means, or -1.
	valueCol int
	// rates is set for a pivot of computed rates (growth), whose figures
	// machine formats mark as computed.
	rates bool
	// colLabel names what a pivot's value columns stand for ("entity",
	// "year", "entity period"), for a table transposed to fit.
	colLabel string
}

// Len returns the number of rows.
func (r *Result) Len() int { return len(r.rows) }

// Row returns row i (0 <= i < Len()).
func (r *Result) Row(i int) Row { return r.rows[i] }

// Rows iterates over the rows in order.
func (r *Result) Rows() iter.Seq[Row] {
	return func(yield func(Row) bool) {
		for _, row := range r.rows {
			if !yield(row) {
				return
			}
		}
	}
}

// Each calls fn for every row in order, stopping at the first error,
// which it returns.
func (r *Result) Each(fn func(Row) error) error {
	for _, row := range r.rows {
		if err := fn(row); err != nil {
			return err
		}
	}
	return nil
}

// Figures iterates over the figures of a pivot in long form: row by row,
// the non-empty cells left to right. For other kinds it yields nothing.
func (r *Result) Figures() iter.Seq[*Figure] {
	return func(yield func(*Figure) bool) {
		for _, f := range r.figures {
			if !yield(f) {
				return
			}
		}
	}
}

// Column returns the index of the column named name, or -1.
func (r *Result) Column(name string) int {
	for i, c := range r.Columns {
		if c.Name == name {
			return i
		}
	}
	return -1
}

// Slice returns a copy of the result holding rows [lo, hi), clamped to
// the rows there are; a pivot keeps the figures of those rows. The copy
// shares rows and figures with r. A server pages long results this way.
func (r *Result) Slice(lo, hi int) *Result {
	lo, hi = min(max(lo, 0), len(r.rows)), min(max(hi, 0), len(r.rows))
	hi = max(lo, hi)
	out := *r
	out.rows = r.rows[lo:hi:hi]
	if r.Kind == KindPivot {
		out.figures = nil
		for _, row := range out.rows {
			for _, v := range row {
				if v.Kind == Fig {
					out.figures = append(out.figures, v.Fig)
				}
			}
		}
	}
	return &out
}

// Append adds the rows of next, a later page of the same query (see
// Slice), to r. The pages must have the same kind and columns.
func (r *Result) Append(next *Result) error {
	if next.Kind != r.Kind || len(next.Columns) != len(r.Columns) {
		return fmt.Errorf("append %s result with %d columns to %s result with %d", next.Kind, len(next.Columns), r.Kind, len(r.Columns))
	}
	for i, c := range next.Columns {
		if c.Name != r.Columns[i].Name || c.Kind != r.Columns[i].Kind {
			return fmt.Errorf("append result: column %d is %s, want %s", i+1, c.Name, r.Columns[i].Name)
		}
	}
	r.rows = append(r.rows, next.rows...)
	r.figures = append(r.figures, next.figures...)
	return nil
}
