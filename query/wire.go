package query

import (
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"time"

	"github.com/almanacdb/almanac/query/syntax"
	"github.com/almanacdb/almanac/store"
	"github.com/almanacdb/almanac/store/vocab"
)

// The result wire format.
//
// Write renders a result for people or for programs that want records;
// Encode carries the whole result, so that a program on the other side
// of a connection (the almanac server's clients, its web page) holds the
// same Result a local query returns and renders it with the same
// formatter: kind, title, typed columns and rows, notes, the plan's text,
// how it ran, and the fact or document a show statement displays. Figures
// travel inside the cells that hold them; a pivot's long form is its Fig
// cells in row order, so decoding rebuilds it.

// wireVersion is the version of the wire format, checked on decode.
const wireVersion = 1

type wireResult struct {
	Version  int           `json:"version"`
	Kind     string        `json:"kind"`
	Title    string        `json:"title,omitempty"`
	Columns  []wireColumn  `json:"columns"`
	Rows     [][]wireValue `json:"rows"`
	Notes    []string      `json:"notes,omitempty"`
	Plan     string        `json:"plan,omitempty"`
	Exec     wireExec      `json:"exec"`
	Detail   *FactDetail   `json:"detail,omitempty"`
	Document *wireDocument `json:"document,omitempty"`
	ValueCol int           `json:"value_column"`
	Rates    bool          `json:"rates,omitempty"`
	ColLabel string        `json:"column_label,omitempty"`
}

type wireColumn struct {
	Name   string `json:"name"`
	Kind   string `json:"kind"`
	Unit   string `json:"unit,omitempty"`
	Plain  bool   `json:"plain,omitempty"`
	Detail bool   `json:"detail,omitempty"`
}

// wireValue is one cell; a Null cell is encoded as JSON null. Exactly one
// of the payload fields goes with each kind.
type wireValue struct {
	Kind     string      `json:"kind"`
	Int      int64       `json:"int,omitempty"`
	Num      float64     `json:"num,omitempty"`
	Text     string      `json:"text,omitempty"`
	Figure   *wireFigure `json:"figure,omitempty"`
	IDs      []uint64    `json:"ids,omitempty"`
	Rank     int32       `json:"rank,omitempty"`
	Conflict bool        `json:"conflict,omitempty"`
	Computed bool        `json:"computed,omitempty"`
}

type wireFigure struct {
	Entity    string   `json:"entity"`
	Metric    string   `json:"metric"`
	Year      int      `json:"year"`
	Period    string   `json:"period"`
	Value     float64  `json:"value"`
	Unit      string   `json:"unit"`
	Qualifier string   `json:"qualifier"`
	Status    string   `json:"status"`
	Sources   int      `json:"sources"`
	Conflict  bool     `json:"conflict"`
	Computed  bool     `json:"computed,omitempty"`
	Fact      uint64   `json:"fact"`
	Facts     []uint64 `json:"facts"`
}

type wireExec struct {
	Access   string   `json:"access,omitempty"`
	Prefixes []string `json:"prefixes,omitempty"`
	Filter   string   `json:"filter,omitempty"`
	Defaults string   `json:"defaults,omitempty"`
	Shape    string   `json:"shape,omitempty"`
	Scans    int      `json:"scans"`
	KeysRead int      `json:"keys_read"`
	RowsOut  int      `json:"rows_out"`
	Hidden   int      `json:"hidden,omitempty"`
	Snapshot uint64   `json:"snapshot"`
}

// wireDocument is a document's record without its text.
type wireDocument struct {
	ID        uint64 `json:"id"`
	Source    string `json:"source"`
	Title     string `json:"title,omitempty"`
	Published string `json:"published,omitempty"`
	Byline    string `json:"byline,omitempty"`
	URL       string `json:"url,omitempty"`
	Ingested  string `json:"ingested,omitempty"`
	SHA256    string `json:"sha256,omitempty"`
	FirstFact uint64 `json:"first_fact"`
	Facts     int    `json:"facts"`
}

type wireFact struct {
	ID            uint64  `json:"id"`
	Entity        string  `json:"entity"`
	Metric        string  `json:"metric"`
	Year          int     `json:"year"`
	Period        string  `json:"period"`
	Value         float64 `json:"value"`
	Unit          string  `json:"unit"`
	Qualifier     string  `json:"qualifier"`
	Status        string  `json:"status"`
	Document      uint64  `json:"document"`
	Sentence      string  `json:"sentence"`
	SentenceStart int     `json:"sentence_start"`
	SentenceEnd   int     `json:"sentence_end"`
	Start         int     `json:"start"`
	End           int     `json:"end"`
}

type wireDetail struct {
	Fact      wireFact     `json:"fact"`
	Document  wireDocument `json:"document"`
	MarkStart int          `json:"mark_start"`
	MarkEnd   int          `json:"mark_end"`
	Figure    wireFigure   `json:"figure"`
	Shown     bool         `json:"shown"`
	Conflict  bool         `json:"conflict"`
	Others    []wireOther  `json:"others"`
}

type wireOther struct {
	Fact      uint64       `json:"fact"`
	Document  wireDocument `json:"document"`
	Value     float64      `json:"value"`
	Unit      string       `json:"unit"`
	Qualifier string       `json:"qualifier"`
	Agrees    bool         `json:"agrees"`
	Shown     bool         `json:"shown"`
}

var valueKindNames = [...]string{"null", "int", "num", "text", "bool", "fig", "ids"}

func (k ValueKind) wireName() string {
	if int(k) < len(valueKindNames) {
		return valueKindNames[k]
	}
	return "null"
}

func parseValueKind(s string) (ValueKind, error) {
	for i, n := range valueKindNames {
		if n == s {
			return ValueKind(i), nil
		}
	}
	return 0, fmt.Errorf("unknown value kind %q", s)
}

// Encode writes the whole result as one JSON object in the result wire
// format, which DecodeResult reads back: what Write shows in any format,
// Figures, Detail, Document, Exec and the plan's text survive the trip.
func (r *Result) Encode(w io.Writer) error {
	out := wireResult{
		Version: wireVersion, Kind: r.Kind.String(), Title: r.Title, Notes: r.Notes,
		Exec: wireExec(r.Exec), Detail: r.Detail, ValueCol: r.valueCol, Rates: r.rates, ColLabel: r.colLabel,
		Columns: make([]wireColumn, len(r.Columns)), Rows: make([][]wireValue, len(r.rows)),
	}
	if r.Plan != nil {
		out.Plan = r.Plan.String()
	}
	for i, c := range r.Columns {
		out.Columns[i] = wireColumn{Name: c.Name, Kind: c.Kind.wireName(), Unit: c.Unit, Plain: c.Plain, Detail: c.Detail}
	}
	for i, row := range r.rows {
		vals := make([]wireValue, len(row))
		for j, v := range row {
			vals[j] = encodeValue(v)
		}
		out.Rows[i] = vals
	}
	if r.Document != nil {
		d := encodeDocument(r.Document)
		out.Document = &d
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(&out); err != nil {
		return fmt.Errorf("encode result: %w", err)
	}
	return nil
}

// MarshalJSON encodes a null cell as JSON null.
func (v wireValue) MarshalJSON() ([]byte, error) {
	if v.Kind == "" || v.Kind == "null" {
		return []byte("null"), nil
	}
	type plain wireValue
	return json.Marshal(plain(v))
}

// UnmarshalJSON decodes JSON null as a null cell.
func (v *wireValue) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*v = wireValue{Kind: "null"}
		return nil
	}
	type plain wireValue
	return json.Unmarshal(b, (*plain)(v))
}

func encodeValue(v Value) wireValue {
	out := wireValue{Kind: v.Kind.wireName(), Rank: v.rank, Conflict: v.Conflict, Computed: v.Computed}
	switch v.Kind {
	case Int, Bool:
		out.Int = v.Int
	case Number:
		if math.IsNaN(v.Num) || math.IsInf(v.Num, 0) {
			return wireValue{Kind: "null"} // JSON has no such numbers; Write shows them as empty too
		}
		out.Num = v.Num
	case Text:
		out.Text = v.Str
	case Fig:
		f := encodeFigure(v.Fig)
		out.Figure = &f
	case IDs:
		out.IDs = v.IDs
		if out.IDs == nil {
			out.IDs = []uint64{}
		}
	}
	return out
}

func encodeFigure(f *Figure) wireFigure {
	return wireFigure{
		Entity: f.Entity, Metric: f.Metric, Year: f.Year, Period: f.Period.String(), Value: f.Value, Unit: f.Unit,
		Qualifier: f.Qualifier.String(), Status: f.Status.String(), Sources: f.Sources, Conflict: f.Conflict,
		Computed: f.Computed, Fact: f.Fact, Facts: f.Facts,
	}
}

func encodeDocument(d *store.Document) wireDocument {
	out := wireDocument{ID: d.ID, Source: d.Source, Title: d.Title, Published: d.PublishedString(), Byline: d.Byline,
		URL: d.URL, FirstFact: d.FirstFact, Facts: d.NumFacts}
	if !d.Ingested.IsZero() {
		out.Ingested = d.Ingested.UTC().Format(time.RFC3339Nano)
	}
	if d.Hash != ([32]byte{}) {
		out.SHA256 = hex.EncodeToString(d.Hash[:])
	}
	return out
}

// MarshalDocument returns the JSON of a document's record as results and
// fact details carry it: id, source, title, published, byline, url,
// ingested, sha256, first_fact and facts (their number), without the text.
func MarshalDocument(d *store.Document) ([]byte, error) {
	w := encodeDocument(d)
	return json.Marshal(&w)
}

// MarshalFact returns the JSON of a fact as fact details carry it: id,
// entity, metric, year, period, value, unit, qualifier, status, document
// (its ID), sentence, and the byte spans sentence_start, sentence_end,
// start and end (the number) in the document's text.
func MarshalFact(f *store.Fact) ([]byte, error) {
	w := encodeFact(f)
	return json.Marshal(&w)
}

func encodeFact(f *store.Fact) wireFact {
	return wireFact{ID: f.ID, Entity: f.Entity, Metric: f.Metric, Year: f.Year, Period: f.Period.String(), Value: f.Value,
		Unit: f.Unit, Qualifier: f.Qualifier.String(), Status: f.Status.String(), Document: f.Doc, Sentence: f.Sentence,
		SentenceStart: f.SentenceStart, SentenceEnd: f.SentenceEnd, Start: f.Start, End: f.End}
}

// MarshalJSON writes the fact detail as JSON: the fact with its sentence
// and byte spans (of the sentence and of the number, in the document's
// text; mark_start and mark_end are the number's span inside the
// sentence, -1 if outside), its document, its reconciled figure, whether
// its value is the one shown, whether the sources conflict, and the other
// sources.
func (d *FactDetail) MarshalJSON() ([]byte, error) {
	out := wireDetail{
		Fact: encodeFact(&d.Fact), Document: encodeDocument(&d.Document), MarkStart: d.MarkStart, MarkEnd: d.MarkEnd,
		Figure: encodeFigure(&d.Figure), Shown: d.Shown, Conflict: d.Figure.Conflict, Others: []wireOther{},
	}
	for _, o := range d.Others {
		out.Others = append(out.Others, wireOther{Fact: o.Fact, Document: encodeDocument(&o.Document), Value: o.Value,
			Unit: o.Unit, Qualifier: o.Qualifier.String(), Agrees: o.Agrees, Shown: o.Shown})
	}
	return json.Marshal(&out)
}

// UnmarshalJSON reads what MarshalJSON writes.
func (d *FactDetail) UnmarshalJSON(b []byte) error {
	var in wireDetail
	if err := json.Unmarshal(b, &in); err != nil {
		return err
	}
	var dec decoder
	*d = FactDetail{
		Fact: dec.fact(&in.Fact), Document: dec.document(&in.Document), MarkStart: in.MarkStart, MarkEnd: in.MarkEnd,
		Figure: *dec.figure(&in.Figure), Shown: in.Shown,
	}
	for _, o := range in.Others {
		d.Others = append(d.Others, OtherSource{Fact: o.Fact, Document: dec.document(&o.Document), Value: o.Value,
			Unit: o.Unit, Qualifier: dec.qualifier(o.Qualifier), Agrees: o.Agrees, Shown: o.Shown})
	}
	return dec.err
}

// DecodeResult reads one result that Encode wrote.
func DecodeResult(rd io.Reader) (*Result, error) {
	var in wireResult
	dj := json.NewDecoder(rd)
	if err := dj.Decode(&in); err != nil {
		return nil, fmt.Errorf("decode result: %w", err)
	}
	if in.Version != wireVersion {
		return nil, fmt.Errorf("decode result: wire format version %d, want %d", in.Version, wireVersion)
	}
	var dec decoder
	r := &Result{Title: in.Title, Notes: in.Notes, Exec: Execution(in.Exec), Detail: in.Detail, valueCol: in.ValueCol, rates: in.Rates, colLabel: in.ColLabel}
	r.Kind = dec.kind(in.Kind)
	if in.Plan != "" {
		if q, err := syntax.Parse(in.Plan); err == nil {
			r.Plan, _ = Lower(q)
		}
	}
	r.Columns = make([]Column, len(in.Columns))
	for i, c := range in.Columns {
		k, err := parseValueKind(c.Kind)
		dec.check(err)
		r.Columns[i] = Column{Name: c.Name, Kind: k, Unit: c.Unit, Plain: c.Plain, Detail: c.Detail}
	}
	r.rows = make([]Row, len(in.Rows))
	for i, vals := range in.Rows {
		if len(vals) != len(r.Columns) {
			return nil, fmt.Errorf("decode result: row %d has %d values for %d columns", i+1, len(vals), len(r.Columns))
		}
		row := make(Row, len(vals))
		for j := range vals {
			row[j] = dec.value(&vals[j])
			if row[j].Kind == Fig && r.Kind == KindPivot {
				r.figures = append(r.figures, row[j].Fig)
			}
		}
		r.rows[i] = row
	}
	if in.Document != nil {
		d := dec.document(in.Document)
		r.Document = &d
	}
	if dec.err != nil {
		return nil, fmt.Errorf("decode result: %w", dec.err)
	}
	return r, nil
}

// decoder turns wire records back into values, keeping the first error.
type decoder struct{ err error }

func (d *decoder) check(err error) {
	if d.err == nil && err != nil {
		d.err = err
	}
}

func (d *decoder) kind(s string) Kind {
	for i, n := range kindNames {
		if n == s {
			return Kind(i)
		}
	}
	d.check(fmt.Errorf("unknown result kind %q", s))
	return 0
}

func (d *decoder) value(w *wireValue) Value {
	k, err := parseValueKind(w.Kind)
	d.check(err)
	v := Value{Kind: k, rank: w.Rank, Conflict: w.Conflict, Computed: w.Computed}
	switch k {
	case Int, Bool:
		v.Int = w.Int
	case Number:
		v.Num = w.Num
	case Text:
		v.Str = w.Text
	case Fig:
		if w.Figure == nil {
			d.check(fmt.Errorf("figure cell without a figure"))
			return Value{}
		}
		v.Fig = d.figure(w.Figure)
	case IDs:
		v.IDs = w.IDs
	}
	return v
}

func (d *decoder) figure(w *wireFigure) *Figure {
	return &Figure{
		Entity: w.Entity, Metric: w.Metric, Year: w.Year, Period: d.period(w.Period), Value: w.Value, Unit: w.Unit,
		Qualifier: d.qualifier(w.Qualifier), Status: d.status(w.Status), Sources: w.Sources, Conflict: w.Conflict,
		Computed: w.Computed, Fact: w.Fact, Facts: w.Facts,
	}
}

func (d *decoder) document(w *wireDocument) store.Document {
	doc := store.Document{ID: w.ID, Source: w.Source, Title: w.Title, Byline: w.Byline, URL: w.URL,
		FirstFact: w.FirstFact, NumFacts: w.Facts}
	if w.Published != "" {
		t, err := time.Parse(time.DateOnly, w.Published)
		d.check(err)
		doc.Published = t
	}
	if w.Ingested != "" {
		t, err := time.Parse(time.RFC3339Nano, w.Ingested)
		d.check(err)
		doc.Ingested = t
	}
	if w.SHA256 != "" {
		b, err := hex.DecodeString(w.SHA256)
		if err == nil && len(b) != len(doc.Hash) {
			err = fmt.Errorf("document hash of %d bytes", len(b))
		}
		d.check(err)
		copy(doc.Hash[:], b)
	}
	return doc
}

func (d *decoder) fact(w *wireFact) store.Fact {
	return store.Fact{ID: w.ID, Entity: w.Entity, Metric: w.Metric, Year: w.Year, Period: d.period(w.Period),
		Value: w.Value, Unit: w.Unit, Qualifier: d.qualifier(w.Qualifier), Status: d.status(w.Status), Doc: w.Document,
		Sentence: w.Sentence, SentenceStart: w.SentenceStart, SentenceEnd: w.SentenceEnd, Start: w.Start, End: w.End}
}

func (d *decoder) period(s string) vocab.Period {
	p, err := vocab.ParsePeriod(s)
	d.check(err)
	return p
}

func (d *decoder) qualifier(s string) vocab.Qualifier {
	q, err := vocab.ParseQualifier(s)
	d.check(err)
	return q
}

func (d *decoder) status(s string) vocab.Status {
	st, err := vocab.ParseStatus(s)
	d.check(err)
	return st
}
