package query

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/almanacdb/almanac/query/syntax"
	"github.com/almanacdb/almanac/store"
	"github.com/almanacdb/almanac/store/vocab"
)

// rateUnit is the unit of computed growth rates: percent, as stored
// percentages are (the figure's Computed flag tells them apart).
var rateUnit = vocab.Percent.String()

// identity lists the fields that identify a figure, in the order pivot
// column labels name them.
var identity = []Field{FieldEntity, FieldMetric, FieldYear, FieldPeriod, FieldStatus, FieldUnit}

// dimVal returns a figure's value of an identity field as a number: a
// dictionary ID, a year or a code.
func dimVal(f *Figure, d Field) uint32 {
	switch d {
	case FieldEntity:
		return f.eid
	case FieldMetric:
		return f.mid
	case FieldYear:
		return uint32(f.Year)
	case FieldPeriod:
		return uint32(f.Period)
	case FieldStatus:
		return uint32(f.Status)
	case FieldUnit:
		return f.uid
	}
	return 0
}

// dimText returns a figure's value of an identity field as text.
func dimText(f *Figure, d Field) string {
	switch d {
	case FieldEntity:
		return f.Entity
	case FieldMetric:
		return f.Metric
	case FieldYear:
		return strconv.Itoa(f.Year)
	case FieldPeriod:
		return f.Period.String()
	case FieldStatus:
		return f.Status.String()
	case FieldUnit:
		return f.Unit
	}
	return ""
}

// dimValue returns a figure's value of an identity field as a row value.
func dimValue(f *Figure, d Field) Value {
	switch d {
	case FieldYear:
		return intVal(int64(f.Year))
	case FieldPeriod:
		return rankVal(f.Period.String(), int(f.Period))
	case FieldStatus:
		return rankVal(f.Status.String(), int(f.Status))
	}
	return textVal(dimText(f, d))
}

func dimColumn(d Field) Column {
	if d == FieldYear {
		return Column{Name: "year", Kind: Int, Plain: true}
	}
	return Column{Name: d.String(), Kind: Text}
}

// compareDims orders figures by the given fields: names
// case-insensitively, years and codes numerically.
func compareDims(a, b *Figure, dims []Field) int {
	for _, d := range dims {
		var c int
		switch d {
		case FieldEntity, FieldMetric, FieldUnit:
			x, y := dimText(a, d), dimText(b, d)
			c = cmp.Or(compareFold(x, y), strings.Compare(x, y))
		default:
			c = cmp.Compare(dimVal(a, d), dimVal(b, d))
		}
		if c != 0 {
			return c
		}
	}
	return 0
}

// ordinals numbers the distinct combinations of some fields' values in
// order of first appearance, keeping a representative figure of each.
type ordinals struct {
	dims  []Field
	base  uint32
	dense []int32 // one field with values close together: value-base -> ordinal+1
	m     map[[6]uint32]int32
	reps  []*Figure
}

// newOrdinals prepares to number figs by dims: with a dense table when
// there is one field whose values lie close together (years, dictionary
// IDs), else with a map.
func newOrdinals(dims []Field, figs []Figure) *ordinals {
	o := &ordinals{dims: dims}
	if len(dims) == 1 && len(figs) > 0 {
		lo, hi := dimVal(&figs[0], dims[0]), dimVal(&figs[0], dims[0])
		for i := range figs {
			v := dimVal(&figs[i], dims[0])
			lo, hi = min(lo, v), max(hi, v)
		}
		if hi-lo < uint32(4*len(figs)+64) {
			o.base, o.dense = lo, make([]int32, hi-lo+1)
		}
	}
	return o
}

func (o *ordinals) of(f *Figure) int {
	if o.dense != nil {
		v := dimVal(f, o.dims[0]) - o.base
		if o.dense[v] == 0 {
			o.reps = append(o.reps, f)
			o.dense[v] = int32(len(o.reps))
		}
		return int(o.dense[v]) - 1
	}
	var k [6]uint32
	for i, d := range o.dims {
		k[i] = dimVal(f, d)
	}
	if o.m == nil {
		o.m = map[[6]uint32]int32{}
	}
	n, ok := o.m[k]
	if !ok {
		o.reps = append(o.reps, f)
		n = int32(len(o.reps) - 1)
		o.m[k] = n
	}
	return int(n)
}

// ranks returns, for each ordinal, its position when the representatives
// are sorted by the fields.
func (o *ordinals) ranks(ctx context.Context) ([]int, error) {
	perm := make([]int, len(o.reps))
	for i := range perm {
		perm[i] = i
	}
	if err := sortFunc(ctx, perm, func(a, b int) int { return compareDims(o.reps[a], o.reps[b], o.dims) }, false); err != nil {
		return nil, err
	}
	rank := make([]int, len(perm))
	for pos, i := range perm {
		rank[i] = pos
	}
	return rank, nil
}

// constant returns the value all figures share in field d, and whether
// they do.
func constant(figs []Figure, d Field) (uint32, bool) {
	v := dimVal(&figs[0], d)
	for i := range figs {
		if dimVal(&figs[i], d) != v {
			return 0, false
		}
	}
	return v, true
}

// pivot lays figures out in a grid: one row per combination of rowDims,
// one column per combination of the other fields that tell figures apart.
// The columns always include entity when rows are years and year
// otherwise; a period other than the whole year and a status other than
// actual appear in the column labels even when all figures share them,
// so that a quarter's figure never reads as the year's.
func (e *executor) pivot(figs []Figure, rowDims []Field) error {
	res := e.res
	res.Kind = KindPivot
	for _, d := range rowDims {
		res.Columns = append(res.Columns, dimColumn(d))
	}
	if len(figs) == 0 {
		res.Title = e.pivotTitle(figs)
		e.noteDefaults()
		return nil
	}
	counterpart := FieldYear
	if slices.Contains(rowDims, FieldYear) {
		counterpart = FieldEntity
	}
	var colDims []Field
	for _, d := range identity {
		if slices.Contains(rowDims, d) {
			continue
		}
		v, same := constant(figs, d)
		switch {
		case d == counterpart, !same,
			d == FieldPeriod && vocab.Period(v) != vocab.PeriodYear,
			d == FieldStatus && vocab.Status(v) != vocab.Actual:
			colDims = append(colDims, d)
		}
	}
	var labels []string
	for _, d := range colDims {
		if d != FieldUnit {
			labels = append(labels, d.String())
		}
	}
	res.colLabel = strings.Join(labels, " ")
	rows := newOrdinals(rowDims, figs)
	cols := newOrdinals(colDims, figs)
	rowOf := make([]int32, len(figs))
	colOf := make([]int32, len(figs))
	for i := range figs {
		if err := e.tick(i); err != nil {
			return err
		}
		rowOf[i] = int32(rows.of(&figs[i]))
		colOf[i] = int32(cols.of(&figs[i]))
	}
	rowRank, err := rows.ranks(e.ctx)
	if err != nil {
		return err
	}
	colRank, err := cols.ranks(e.ctx)
	if err != nil {
		return err
	}
	ncols := len(cols.reps)
	colUnit := make([]string, ncols)
	colMixed := make([]bool, ncols)
	for i := range figs {
		c := colRank[colOf[i]]
		switch u := figs[i].Unit; {
		case colUnit[c] == "":
			colUnit[c] = u
		case colUnit[c] != u:
			colMixed[c] = true
		}
	}
	valueCols := make([]Column, ncols)
	for ord, rep := range cols.reps {
		c := colRank[ord]
		var parts []string
		for _, d := range colDims {
			if d != FieldUnit { // units go in the header, see Write
				parts = append(parts, dimText(rep, d))
			}
		}
		label := strings.Join(parts, " ")
		if label == "" {
			label = "value"
		}
		valueCols[c] = Column{Name: label, Kind: Fig}
		if !colMixed[c] {
			valueCols[c].Unit = colUnit[c]
		}
	}
	res.Columns = append(res.Columns, valueCols...)
	width := len(rowDims) + ncols
	vals := make([]Value, len(rows.reps)*width)
	res.rows = make([]Row, len(rows.reps))
	for ord, rep := range rows.reps {
		r := rowRank[ord]
		row := vals[r*width : (r+1)*width : (r+1)*width]
		for j, d := range rowDims {
			row[j] = dimValue(rep, d)
		}
		res.rows[r] = row
	}
	for i := range figs {
		if err := e.tick(i); err != nil {
			return err
		}
		f := &figs[i]
		res.rows[rowRank[rowOf[i]]][len(rowDims)+colRank[colOf[i]]] = Value{Kind: Fig, Fig: f, Conflict: f.Conflict, Computed: f.Computed}
	}
	if err := e.order(nil); err != nil {
		return err
	}
	e.limit()
	for _, row := range res.rows {
		for _, v := range row[len(rowDims):] {
			if v.Kind == Fig {
				res.figures = append(res.figures, v.Fig)
			}
		}
	}
	res.Title = e.pivotTitle(figs)
	var ids []uint64
	for _, f := range res.figures {
		if f.Conflict {
			ids = append(ids, f.Fact)
		}
	}
	if len(ids) > 0 {
		what := "figure"
		if e.sel.levels() {
			what = evaluationOf(e.sel.Func).noun
		}
		res.Notes = append(res.Notes, fmt.Sprintf("! %s from sources that disagree: exact beats approximate, then the latest report (%s)",
			plural(len(ids), what), seeFacts(ids)))
	}
	e.noteDefaults()
	return nil
}

// seeFacts points to show fact for each of ids.
func seeFacts(ids []uint64) string {
	parts := make([]string, len(ids))
	for i, id := range ids {
		parts[i] = strconv.FormatUint(id, 10)
	}
	return "show fact " + strings.Join(parts, ", ") + " for details"
}

// pivotTitle describes what all the figures share.
func (e *executor) pivotTitle(figs []Figure) string {
	var parts []string
	head := e.sel.Metric
	if len(figs) > 0 {
		if _, ok := constant(figs, FieldMetric); ok {
			head = figs[0].Metric
		}
	}
	if head == "" {
		head = "facts"
	}
	if e.sel.levels() {
		head += " " + evaluationOf(e.sel.Func).caption
	}
	if len(figs) > 0 {
		if _, ok := constant(figs, FieldUnit); ok {
			head += " (" + figs[0].Unit + ")"
		}
	}
	parts = append(parts, head)
	if len(figs) > 0 {
		if _, ok := constant(figs, FieldPeriod); ok {
			if figs[0].Period == vocab.PeriodYear {
				parts = append(parts, "whole-year figures")
			} else {
				parts = append(parts, figs[0].Period.String()+" figures")
			}
		}
		if _, ok := constant(figs, FieldStatus); ok {
			parts = append(parts, figs[0].Status.String())
		}
	}
	return strings.Join(parts, ", ")
}

// noteDefaults says how many figures the view's defaults (whole-year,
// actual) hid and what to add to see them, one line for each way they
// were hidden: "3 figures for other periods hidden: add where period =
// Q1". Nothing hidden, nothing said: the title names the defaults.
func (e *executor) noteDefaults() {
	if len(e.hidden) == 0 {
		return
	}
	period, status := false, false
	for _, d := range e.sel.defaults() {
		switch d.(*Cond).Field {
		case FieldPeriod:
			period = true
		case FieldStatus:
			status = true
		}
	}
	// The figures by what hid them: another period, another status, or
	// both; with the periods and statuses they have.
	type group struct {
		n        int
		periods  []vocab.Period
		statuses []vocab.Status
	}
	var groups [3]group // period only, status only, both
	for i := range e.hidden {
		c := &e.hidden[i]
		otherPeriod := period && c.Period != vocab.PeriodYear
		otherStatus := status && c.Status != vocab.Actual
		k := 0
		switch {
		case otherPeriod && otherStatus:
			k = 2
		case otherStatus:
			k = 1
		case !otherPeriod:
			continue
		}
		g := &groups[k]
		g.n++
		if otherPeriod && !slices.Contains(g.periods, c.Period) {
			g.periods = append(g.periods, c.Period)
		}
		if otherStatus && !slices.Contains(g.statuses, c.Status) {
			g.statuses = append(g.statuses, c.Status)
		}
	}
	for k, g := range groups {
		if g.n == 0 {
			continue
		}
		slices.Sort(g.periods)
		slices.Sort(g.statuses)
		var what string
		var conds []string
		if len(g.statuses) > 0 {
			conds = append(conds, enumCond("status", g.statuses))
		}
		if len(g.periods) > 0 {
			conds = append([]string{enumCond("period", g.periods)}, conds...)
		}
		switch k {
		case 0:
			what = plural(g.n, "figure") + " for " + otherPeriods(g.n)
		case 1:
			what = plural(g.n, statusWord(g.statuses)+" figure")
		default:
			what = plural(g.n, statusWord(g.statuses)+" figure") + " for " + otherPeriods(g.n)
		}
		e.res.Notes = append(e.res.Notes, fmt.Sprintf("%s hidden: add where %s", what, strings.Join(conds, " and ")))
	}
}

// otherPeriods is "another period" or "other periods", agreeing with n
// figures.
func otherPeriods(n int) string {
	if n == 1 {
		return "another period"
	}
	return "other periods"
}

// statusWord names the statuses of hidden figures: "plan", or "other
// status" for several.
func statusWord(ss []vocab.Status) string {
	if len(ss) == 1 {
		return ss[0].String()
	}
	return "other status"
}

// enumCond writes a condition that selects the values vs of field:
// "period = Q1", "period in (Q1, H1)".
func enumCond[T fmt.Stringer](field string, vs []T) string {
	if len(vs) == 1 {
		return field + " = " + syntax.QuoteName(vs[0].String())
	}
	names := make([]string, len(vs))
	for i, v := range vs {
		names[i] = syntax.QuoteName(v.String())
	}
	return field + " in (" + strings.Join(names, ", ") + ")"
}

// aggregate computes Func over the figures of each group of the by
// fields. A function of amounts (sum, avg, min, max) refuses to mix units.
func (e *executor) aggregate(figs []Figure) error {
	p := e.sel
	fn, eval := p.Func, evaluationOf(p.Func)
	count := fn.Result == syntax.TypeCount
	dims := e.byFields()
	type group struct {
		values   []float64
		facts    []uint64
		unit     string
		uid      uint32
		conflict bool
	}
	ord := newOrdinals(dims, figs)
	var groups []group
	for i := range figs {
		if err := e.tick(i); err != nil {
			return err
		}
		f := &figs[i]
		g := ord.of(f)
		if g == len(groups) {
			groups = append(groups, group{unit: f.Unit, uid: f.uid})
		}
		gr := &groups[g]
		if fn.Arg == syntax.TypeAmounts && f.uid != gr.uid {
			where := ""
			if len(dims) > 0 {
				var parts []string
				for _, d := range dims {
					parts = append(parts, d.String()+" "+dimText(f, d))
				}
				where = " (" + strings.Join(parts, ", ") + ")"
			}
			return fail(p.FuncPos, "cannot %s figures in %s and %s%s: add a condition such as where unit = %q",
				fn.Name, gr.unit, f.Unit, where, gr.unit)
		}
		gr.values = append(gr.values, f.Value)
		gr.facts = append(gr.facts, f.Facts...)
		gr.conflict = gr.conflict || f.Conflict
	}
	res := e.res
	res.Kind = KindTable
	for _, d := range dims {
		res.Columns = append(res.Columns, dimColumn(d))
	}
	res.valueCol = len(res.Columns)
	if count {
		// What count counts: figures, a figure stated twice once.
		res.Columns = append(res.Columns, Column{Name: "figures", Kind: Int})
	} else {
		units := map[string]bool{}
		for _, g := range groups {
			units[g.unit] = true
		}
		vc := Column{Name: "value", Kind: Number}
		if len(units) == 1 {
			vc.Unit = groups[0].unit
		}
		res.Columns = append(res.Columns, vc, Column{Name: "unit", Kind: Text}, Column{Name: "figures", Kind: Int})
	}
	res.Columns = append(res.Columns, Column{Name: "facts", Kind: IDs, Detail: true})
	rank, err := ord.ranks(e.ctx)
	if err != nil {
		return err
	}
	res.rows = make([]Row, len(groups))
	conflicts := 0
	for g, rep := range ord.reps {
		gr := &groups[g]
		var row Row
		for _, d := range dims {
			row = append(row, dimValue(rep, d))
		}
		if gr.conflict {
			conflicts++
		}
		v := eval.reduce(gr.values)
		if count {
			row = append(row, intVal(int64(v)))
		} else {
			// A number computed from figures is marked; an extreme is one
			// of the figures, as stated.
			row = append(row, Value{Kind: Number, Num: v, Conflict: gr.conflict, Computed: fn.Result == syntax.TypeNumber},
				textVal(gr.unit), intVal(int64(len(gr.values))))
		}
		slices.Sort(gr.facts)
		row = append(row, idsVal(gr.facts))
		res.rows[rank[g]] = row
	}
	if err := e.order(nil); err != nil {
		return err
	}
	e.limit()
	what := "facts"
	if p.Metric != "" {
		what = p.Metric
	}
	if count {
		what = "figures"
		if p.Metric != "" {
			what = p.Metric + " figures"
		}
	}
	res.Title = fn.Name + " of " + what
	if len(dims) > 0 {
		var names []string
		for _, d := range dims {
			names = append(names, d.String())
		}
		res.Title += " by " + strings.Join(names, ", ")
	}
	if count {
		res.Title += " (facts stating the same figure count once)"
	}
	if conflicts > 0 && !count {
		verb := "include"
		if conflicts == 1 {
			verb = "includes"
		}
		res.Notes = append(res.Notes, fmt.Sprintf("! %s %s figures from sources that disagree (exact beats approximate, then the latest report)", plural(conflicts, "value"), verb))
	}
	e.noteDefaults()
	return nil
}

// series computes a function of levels (growth) from consecutive years'
// figures of each series (entity, metric, period, status, unit), only
// where both years have a figure and the function is defined, and pivots
// the results. yearOut are the year conditions, applied to the years
// shown.
func (e *executor) series(figs []Figure, yearOut []bound) error {
	eval := evaluationOf(e.sel.Func)
	err := sortFunc(e.ctx, figs, func(a, b Figure) int {
		return cmp.Or(cmp.Compare(a.mid, b.mid), cmp.Compare(a.eid, b.eid), cmp.Compare(a.Period, b.Period),
			cmp.Compare(a.Status, b.Status), cmp.Compare(a.uid, b.uid), cmp.Compare(a.Year, b.Year))
	}, false)
	if err != nil {
		return err
	}
	keep := andPred(yearOut)
	var out []Figure
	for i := 1; i < len(figs); i++ {
		if err := e.tick(i); err != nil {
			return err
		}
		a, b := &figs[i-1], &figs[i]
		if a.mid != b.mid || a.eid != b.eid || a.Period != b.Period || a.Status != b.Status || a.uid != b.uid ||
			b.Year != a.Year+1 {
			continue
		}
		if keep != nil && !keep(&store.Entry{Year: b.Year}) {
			continue
		}
		v, ok := eval.step(a.Value, b.Value)
		if !ok {
			continue
		}
		g := *b
		g.Value = v
		g.Unit = rateUnit
		g.Computed = true
		g.Conflict = a.Conflict || b.Conflict
		g.Sources = min(a.Sources, b.Sources)
		g.Facts = append(slices.Clip(a.Facts), b.Facts...)
		if a.Qualifier != vocab.Exact || b.Qualifier != vocab.Exact {
			g.Qualifier = vocab.Approx
		}
		out = append(out, g)
	}
	rowDims := e.byFields()
	if len(rowDims) == 0 {
		rowDims = []Field{FieldYear}
	}
	if err := e.pivot(out, rowDims); err != nil {
		return err
	}
	e.res.rates = true
	e.res.Notes = append(e.res.Notes, eval.note)
	return nil
}
