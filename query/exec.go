package query

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/alecthomas/participle/v2/lexer"
	"github.com/almanacdb/almanac/query/syntax"
	"github.com/almanacdb/almanac/store"
	"github.com/almanacdb/almanac/store/vocab"
)

// Source is a database queries read; *store.DB satisfies it.
type Source interface {
	// View runs fn in a read-only transaction and returns fn's error (or
	// the database's, if the transaction cannot start). The Tx is valid
	// only until fn returns.
	View(fn func(*store.Tx) error) error
}

// checkEvery is how many keys a scan reads between looks at the context.
const checkEvery = 4096

// Execute runs a plan against src. Mistakes in the plan come back as a
// syntax.ErrorList of positioned errors; a failure of the store is
// returned as it is; a cancelled ctx stops long scans and its error is
// returned wrapped.
func Execute(ctx context.Context, src Source, p Plan) (*Result, error) {
	top := p
	x, explaining := p.(*Explain)
	if explaining {
		p = x.Plan
	}
	switch p.(type) {
	case *Select, *Catalogue, *Conflicts, *ShowFact, *ShowDocument, *Search:
	case nil:
		return nil, errors.New("query: no plan")
	default:
		return nil, fmt.Errorf("query: cannot run %T", p) // an Explain of an Explain
	}
	errs, bad := check(p)
	if len(errs) > 0 && !bindsAfterCheck(p) {
		return nil, errs
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("query: %w", err)
	}
	var res *Result
	err := src.View(func(tx *store.Tx) error {
		// Checking errors join those binding finds, so that one run
		// reports every mistake.
		e := &executor{ctx: ctx, tx: tx, p: p, b: &binder{tx: tx, errs: errs, bad: bad}, docs: map[uint64]*store.Document{}}
		e.sel, _ = p.(*Select)
		e.res = &Result{Plan: p, valueCol: -1}
		e.res.Exec.Snapshot = tx.Snapshot()
		if err := e.run(); err != nil {
			return err
		}
		res = e.res
		return nil
	})
	if err != nil {
		return nil, err
	}
	res.Exec.RowsOut = len(res.rows)
	if explaining {
		res = explain(res, top)
	}
	return res, nil
}

// bindsAfterCheck reports whether p goes on to binding names after check
// found mistakes, so that one run reports the mistakes of both: plans
// with a where clause do.
func bindsAfterCheck(p Plan) bool {
	switch p := p.(type) {
	case *Select, *Conflicts:
		return true
	case *Catalogue:
		return p.Where != nil
	}
	return false
}

// executor runs one plan inside one transaction.
type executor struct {
	ctx  context.Context
	tx   *store.Tx
	p    Plan
	sel  *Select // p, when it is a Select
	b    *binder
	res  *Result
	docs map[uint64]*store.Document
	// hidden are the figures a Select's defaults left out, for the note
	// that says so.
	hidden []cell

	memo [3]nameMemo // entity, metric, unit
}

// name returns the name of id in dictionary d. The Tx caches names in
// maps; the last name looked up in each dictionary is kept here too, since
// the figures of a metric query share one metric and runs of an entity.
func (e *executor) name(d int, id uint32) string {
	m := &e.memo[d]
	if m.ok && m.id == id {
		return m.name
	}
	var n string
	switch d {
	case dictEntity:
		n = e.tx.EntityName(id)
	case dictMetric:
		n = e.tx.MetricName(id)
	default:
		n = e.tx.UnitName(id)
	}
	*m = nameMemo{id: id, name: n, ok: true}
	return n
}

type nameMemo struct {
	id   uint32
	name string
	ok   bool
}

// run runs the plan. A failure of the store met on the way (a document
// record that cannot be read, say) is returned in preference to what it
// caused.
func (e *executor) run() error {
	var err error
	switch p := e.p.(type) {
	case *Select:
		err = e.selectStmt(p)
	case *Catalogue:
		err = e.catalogue(p)
	case *Conflicts:
		err = e.conflicts(p)
	case *ShowFact:
		err = e.showFact(p)
	case *ShowDocument:
		err = e.showDocument(p)
	case *Search:
		err = e.search(p)
	default:
		err = fmt.Errorf("query: cannot run %T", p)
	}
	if e.b.err != nil {
		return e.b.err
	}
	return err
}

// errsOrNil returns the store's failure if binding met one, else the
// binder's errors, sorted, if there are any.
func (e *executor) errsOrNil() error {
	if e.b.err != nil {
		return e.b.err
	}
	if len(e.b.errs) == 0 {
		return nil
	}
	e.b.errs.Sort()
	return e.b.errs
}

// fail returns a positioned error.
func fail(pos lexer.Position, format string, args ...any) error {
	return syntax.ErrorList{{Pos: pos, Msg: fmt.Sprintf(format, args...)}}
}

// The shapes of a Select.
const (
	shapeList      = iota
	shapePivot     // figures in a grid
	shapeAggregate // a function of figures or amounts, per group
	shapeSeries    // a function of levels, per year of a series
)

func (p *Select) shape() int {
	switch {
	case p.Func != nil && p.Func.Arg == syntax.TypeLevels:
		return shapeSeries
	case p.Func != nil:
		return shapeAggregate
	case len(p.By) > 0:
		return shapePivot
	}
	return shapeList
}

// levels reports whether p's function reads the levels of series.
func (p *Select) levels() bool { return p.shape() == shapeSeries }

func (p *Select) byHas(f Field) bool {
	return slices.ContainsFunc(p.By, func(b ByField) bool { return b.Field == f })
}

// defaults returns the conditions the view adds: whole-year figures for
// pivots and for functions of amounts and levels (sums, averages,
// extremes, growth), and actual figures for every pivot and function,
// unless the query says otherwise (a condition on the field, or grouping
// by it). A function of figures (count) reads figures of every period:
// a count does not pose as a year's value.
func (p *Select) defaults() []Expr {
	var out []Expr
	if p.shape() == shapeList {
		return nil
	}
	wholeYear := p.Func == nil || p.Func.Arg != syntax.TypeFigures
	if wholeYear && !mentions(p.Where, FieldPeriod) && !p.byHas(FieldPeriod) {
		out = append(out, &Cond{Field: FieldPeriod, Op: Eq, Values: []Literal{Str(vocab.PeriodYear.String())}})
	}
	if !mentions(p.Where, FieldStatus) && !p.byHas(FieldStatus) {
		out = append(out, &Cond{Field: FieldStatus, Op: Eq, Values: []Literal{Str(vocab.Actual.String())}})
	}
	return out
}

// access is the planner's choice of how to read the facts.
type access struct {
	index    store.Index
	full     bool        // a scan of the facts bucket: all of it, or idRanges
	idRanges [][2]uint64 // fact ID ranges (inclusive; 0 = open) of a facts scan
	ids      []uint32
	years    store.YearRange
	empty    bool // the conditions exclude every fact
	residual []bound
	yearOut  []bound // levels: year conditions applied to the output
}

// choose picks the access path for a Select's (or catalogue's) conjuncts:
// the source metric or a metric = / in condition gives idx_metric scans;
// else entity = / in gives idx_entity scans; else a year = / in list, or
// a year range bounded on both sides, gives idx_year scans of the years
// that exist; else the facts bucket is read in full. Year bounds narrow
// idx_metric and idx_entity scans. Conditions the scans answer exactly
// are dropped from the residual filter. For a function of levels, year
// conditions apply to the output instead, and the scan reaches back a
// year for the first one's predecessor.
func (e *executor) choose(conj []bound, srcIDs []uint32, levels bool) access {
	var acc access
	used := make([]bool, len(conj))
	lo, hi := math.MinInt, math.MaxInt
	var yearRange []int // conjuncts that bound the year range exactly
	var lists [][]int
	var listIdx []int
	for i, bd := range conj {
		c := bd.cond
		if c == nil || c.Field != FieldYear {
			continue
		}
		if levels {
			acc.yearOut = append(acc.yearOut, bd)
			used[i] = true
		}
		v := int(c.Values[0].Num)
		switch c.Op {
		case Eq:
			lo, hi = max(lo, v), min(hi, v)
			yearRange = append(yearRange, i)
		case Ge:
			lo = max(lo, v)
			yearRange = append(yearRange, i)
		case Gt:
			lo = max(lo, v+1)
			yearRange = append(yearRange, i)
		case Le:
			hi = min(hi, v)
			yearRange = append(yearRange, i)
		case Lt:
			hi = min(hi, v-1)
			yearRange = append(yearRange, i)
		case In:
			var ys []int
			for _, l := range c.Values {
				ys = append(ys, int(l.Num))
			}
			lo, hi = max(lo, slices.Min(ys)), min(hi, slices.Max(ys))
			lists = append(lists, ys)
			listIdx = append(listIdx, i)
		}
	}
	if levels && lo > math.MinInt {
		lo-- // the year before the first one shown
	}
	if lo > hi || lo > store.MaxYear || hi < store.MinYear {
		acc.empty = true
	}
	acc.years = store.YearRange{From: max(lo, 0), To: 0}
	if hi < 0xFFFF {
		acc.years.To = hi
	}
	consumeRange := func() {
		if !levels {
			for _, i := range yearRange {
				used[i] = true
			}
		}
	}
	findIDs := func(f Field) int {
		for i, bd := range conj {
			if bd.cond != nil && bd.cond.Field == f && (bd.cond.Op == Eq || bd.cond.Op == In) {
				return i
			}
		}
		return -1
	}
	// Fact ID conditions: a list of IDs, or bounds.
	var idList []uint64
	var idListUsed []int
	idLo, idHi := uint64(1), uint64(math.MaxUint64)
	var idRange []int
	for i, bd := range conj {
		c := bd.cond
		if c == nil || c.Field != FieldID {
			continue
		}
		v := c.Values[0].Num
		switch c.Op {
		case Eq, In:
			if idListUsed != nil {
				continue // one list is enough; others stay residual
			}
			for _, l := range c.Values {
				if l.Num >= 1 && l.Num < 1<<63 {
					idList = append(idList, uint64(l.Num))
				}
			}
			idListUsed = append(idListUsed, i)
		case Ge, Gt:
			if c.Op == Gt {
				v++
			}
			if v > 1 {
				idLo = max(idLo, uint64(min(v, 1<<63)))
			}
			idRange = append(idRange, i)
		case Le, Lt:
			if c.Op == Lt {
				v--
			}
			if v < 1 {
				idHi = 0
			} else {
				idHi = min(idHi, uint64(min(v, 1<<63)))
			}
			idRange = append(idRange, i)
		}
	}
	switch {
	case idListUsed != nil:
		acc.full = true
		slices.Sort(idList)
		for _, id := range slices.Compact(idList) {
			acc.idRanges = append(acc.idRanges, [2]uint64{id, id})
		}
		if len(acc.idRanges) == 0 {
			acc.empty = true
		}
		for _, i := range idListUsed {
			used[i] = true
		}
		if srcIDs != nil {
			// The source metric becomes a residual condition.
			var set idSet
			for _, id := range srcIDs {
				set.add(uint64(id))
			}
			acc.residual = append(acc.residual, bound{
				expr: &Cond{Field: FieldMetric, Op: Eq, Values: []Literal{Str(e.sel.Metric)}},
				pred: idPred(FieldMetric, &set, false),
			})
		}
	case srcIDs != nil:
		acc.index, acc.ids = store.ByMetric, srcIDs
		consumeRange()
	case findIDs(FieldMetric) >= 0:
		i := findIDs(FieldMetric)
		acc.index, acc.ids = store.ByMetric, conj[i].ids
		used[i] = true
		consumeRange()
	case findIDs(FieldEntity) >= 0:
		i := findIDs(FieldEntity)
		acc.index, acc.ids = store.ByEntity, conj[i].ids
		used[i] = true
		consumeRange()
	case !levels && (len(lists) > 0 || lo > math.MinInt && hi < math.MaxInt):
		acc.index = store.ByYear
		var candidates []int
		if len(lists) > 0 {
			candidates = lists[0]
		} else if ys, err := e.tx.Years(); err == nil {
			for _, y := range ys {
				candidates = append(candidates, y.Year)
			}
		} else {
			acc.full = true
		}
		seen := map[int]bool{}
	next:
		for _, y := range candidates {
			if y < lo || y > hi || y < 0 || y > 0xFFFF || seen[y] {
				continue
			}
			for _, l := range lists {
				if !slices.Contains(l, y) {
					continue next
				}
			}
			seen[y] = true
			acc.ids = append(acc.ids, uint32(y))
		}
		slices.Sort(acc.ids)
		consumeRange()
		for _, i := range listIdx {
			used[i] = true
		}
	case idRange != nil:
		acc.full = true
		if idHi < idLo {
			acc.empty = true
		}
		hi := idHi
		if hi == math.MaxUint64 {
			hi = 0
		}
		acc.idRanges = [][2]uint64{{idLo, hi}}
		for _, i := range idRange {
			used[i] = true
		}
	default:
		acc.full = true
	}
	for i, bd := range conj {
		if !used[i] {
			acc.residual = append(acc.residual, bd)
		}
	}
	return acc
}

// describe fills in the access part of the execution record.
func (e *executor) describe(acc *access) {
	x := &e.res.Exec
	years := ""
	if acc.years.From > 0 || acc.years.To > 0 {
		years = " years " + yearText(acc.years.From) + ".." + yearText(acc.years.To)
	}
	switch {
	case acc.empty:
		x.Access = "none (the conditions exclude every fact)"
	case acc.full && acc.idRanges == nil:
		x.Access = "facts"
		x.Prefixes = []string{"full scan"}
	case acc.full:
		x.Access = "facts"
		for _, r := range acc.idRanges {
			s := "id=" + strconv.FormatUint(r[0], 10)
			if r[1] != r[0] {
				s = "ids " + strconv.FormatUint(r[0], 10) + ".." + yearText(int(min(r[1], math.MaxInt)))
			}
			x.Prefixes = append(x.Prefixes, s)
		}
	default:
		x.Access = acc.index.String()
		for _, id := range acc.ids {
			var s string
			switch acc.index {
			case store.ByMetric:
				s = "metric=" + e.name(dictMetric, id) + "(#" + strconv.Itoa(int(id)) + ")" + years
			case store.ByEntity:
				s = "entity=" + e.name(dictEntity, id) + "(#" + strconv.Itoa(int(id)) + ")" + years
			default:
				s = "year=" + strconv.Itoa(int(id))
			}
			x.Prefixes = append(x.Prefixes, s)
		}
	}
	var rs []Expr
	for _, bd := range acc.residual {
		rs = append(rs, bd.expr)
	}
	if r := andOf(rs); r != nil {
		x.Filter = r.String()
	}
}

// scan reads the entries the access path selects and keeps those keep
// accepts (nil keeps all). Entries come back with equal (metric, year,
// entity) adjacent.
func (e *executor) scan(acc *access, keep pred) ([]store.Entry, error) {
	var out []store.Entry
	var cur store.Entry
	n := 0
	ptrFn := func(en *store.Entry) error {
		n++
		if n%checkEvery == 0 {
			if err := e.ctx.Err(); err != nil {
				return err
			}
		}
		if keep == nil || keep(en) {
			out = append(out, *en)
		}
		return nil
	}
	fn := func(en store.Entry) error {
		cur = en
		return ptrFn(&cur)
	}
	x := &e.res.Exec
	switch {
	case acc.empty:
	case acc.full:
		ranges := acc.idRanges
		if ranges == nil {
			ranges = [][2]uint64{{0, 0}}
		}
		for _, r := range ranges {
			x.Scans++
			k, err := e.tx.ScanFacts(r[0], r[1], ptrFn)
			x.KeysRead += k
			if err != nil {
				return nil, scanErr("facts", err)
			}
		}
		var err error
		if out, err = groupRuns(e.ctx, out); err != nil {
			return nil, err
		}
	default:
		hint := 0
		for _, id := range acc.ids {
			hint += e.tx.Count(acc.index, id)
		}
		out = make([]store.Entry, 0, min(hint, 1<<20))
		for _, id := range acc.ids {
			x.Scans++
			k, err := e.tx.Scan(acc.index, id, acc.years, fn)
			x.KeysRead += k
			if err != nil {
				return nil, scanErr(acc.index.String(), err)
			}
		}
	}
	return out, nil
}

// groupRuns returns entries (in fact ID order, as a full scan yields them)
// ordered by metric, year, entity and fact, as index scans yield them. It
// sorts small keys rather than the entries themselves, which are large.
func groupRuns(ctx context.Context, entries []store.Entry) ([]store.Entry, error) {
	type key struct {
		a   uint64 // metric, year
		b   uint32 // entity
		idx uint32 // position: fact ID order
	}
	keys := make([]key, len(entries))
	for i := range entries {
		en := &entries[i]
		keys[i] = key{uint64(en.Metric)<<16 | uint64(uint16(en.Year)), en.Entity, uint32(i)}
	}
	err := sortFunc(ctx, keys, func(x, y key) int {
		return cmp.Or(cmp.Compare(x.a, y.a), cmp.Compare(x.b, y.b), cmp.Compare(x.idx, y.idx))
	}, false)
	if err != nil {
		return nil, err
	}
	out := make([]store.Entry, len(entries))
	for i, k := range keys {
		out[i] = entries[k.idx]
	}
	return out, nil
}

func scanErr(what string, err error) error {
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return fmt.Errorf("scan %s: query stopped: %w", what, err)
	}
	return fmt.Errorf("scan %s: %w", what, err)
}

// andPred returns the conjunction of the residual conjuncts and extra
// predicates; nil if there are none.
func andPred(bs []bound, extra ...pred) pred {
	var ps []pred
	for _, b := range bs {
		if !b.post {
			ps = append(ps, b.pred)
		}
	}
	ps = append(ps, extra...)
	switch len(ps) {
	case 0:
		return nil
	case 1:
		return ps[0]
	case 2:
		p, q := ps[0], ps[1]
		return func(en *store.Entry) bool { return p(en) && q(en) }
	case 3:
		p, q, r := ps[0], ps[1], ps[2]
		return func(en *store.Entry) bool { return p(en) && q(en) && r(en) }
	}
	return func(en *store.Entry) bool {
		for _, p := range ps {
			if !p(en) {
				return false
			}
		}
		return true
	}
}

// selection is what a where clause chose: the entries a view shows,
// reconciled into cells, and the figures its defaults hid.
type selection struct {
	entries []store.Entry
	cells   []cell
	// hidden are the figures the other conditions select that the view's
	// defaults (whole-year, actual) leave out.
	hidden []cell
	acc    access
}

// selectEntries binds and plans the where clause of a Select (e.sel), a
// catalogue or a conflicts statement, reads its entries, reconciles them
// into figures and applies conflict conditions to the figures.
func (e *executor) selectEntries(where Expr) (selection, error) {
	p := e.sel
	conj := e.b.bindWhere(where)
	var srcIDs []uint32
	var defs []Expr
	levels := false
	if p != nil {
		if p.Metric != "" {
			srcIDs = e.b.lookup(dictMetric, p.Metric, p.MetricPos)
		}
		defs, levels = p.defaults(), p.levels()
	}
	var defPreds []pred
	for _, d := range defs {
		defPreds = append(defPreds, e.b.compile(d))
	}
	if err := e.errsOrNil(); err != nil {
		return selection{}, err
	}
	acc := e.choose(conj, srcIDs, levels)
	e.describe(&acc)
	if d := andOf(defs); d != nil {
		e.res.Exec.Defaults = d.String()
	}
	entries, err := e.scan(&acc, andPred(acc.residual))
	if err != nil {
		return selection{}, err
	}
	sel := selection{acc: acc}
	var hidden []store.Entry
	if def := andPred(nil, defPreds...); def != nil {
		// Entries the defaults reject are kept apart, to say how many
		// figures they hid and how to see them. A run of equal (metric,
		// year, entity) stays a run on either side.
		shown := make([]store.Entry, 0, len(entries))
		for i := range entries {
			if err := e.tick(i); err != nil {
				return selection{}, err
			}
			if def(&entries[i]) {
				shown = append(shown, entries[i])
			} else {
				hidden = append(hidden, entries[i])
			}
		}
		entries = shown
	}
	conflict, agree := conflictConds(where)
	if sel.entries, sel.cells, err = e.reconcileWhere(entries, conflict, agree); err != nil {
		return selection{}, err
	}
	if len(hidden) > 0 {
		if _, sel.hidden, err = e.reconcileWhere(hidden, conflict, agree); err != nil {
			return selection{}, err
		}
		if keep := andPred(acc.yearOut); keep != nil {
			sel.hidden = slices.DeleteFunc(sel.hidden, func(c cell) bool { return !keep(&c.Entry) })
		}
		e.res.Exec.Hidden = len(sel.hidden)
	}
	return sel, nil
}

// reconcileWhere reconciles entries into figures and keeps those that
// conflict, when conflict is set, and those that do not, when agree is:
// the where clause's conflict conditions. It returns the entries of the
// figures kept, with cells pointing into them.
func (e *executor) reconcileWhere(entries []store.Entry, conflict, agree bool) ([]store.Entry, []cell, error) {
	cells, err := e.reconcile(entries)
	if err != nil {
		return nil, nil, err
	}
	if !conflict && !agree {
		return entries, cells, nil
	}
	var kept []store.Entry
	var out []cell
	for _, c := range cells {
		if conflict && !c.conflict || agree && c.conflict {
			continue
		}
		lo := int32(len(kept))
		kept = append(kept, entries[c.lo:c.hi]...)
		c.lo, c.hi = lo, int32(len(kept))
		out = append(out, c)
	}
	return kept, out, nil
}

func (e *executor) selectStmt(p *Select) error {
	sel, err := e.selectEntries(p.Where)
	if err != nil {
		return err
	}
	e.hidden = sel.hidden
	entries, cells := sel.entries, sel.cells
	if p.shape() == shapeList {
		e.res.Exec.Shape = "list"
		return e.list(entries, cells)
	}
	figs, err := e.figures(entries, cells)
	if err != nil {
		return err
	}
	switch p.shape() {
	case shapePivot:
		e.res.Exec.Shape = "pivot"
		return e.pivot(figs, e.byFields())
	case shapeAggregate:
		e.res.Exec.Shape = "aggregate " + p.Func.Name
		return e.aggregate(figs)
	}
	e.res.Exec.Shape = p.Func.Name
	return e.series(figs, sel.acc.yearOut)
}

func (e *executor) byFields() []Field {
	var fs []Field
	for _, b := range e.sel.By {
		fs = append(fs, b.Field)
	}
	return fs
}

// figures names the cells, which reconcile entries; the fact IDs of all
// figures share one array.
func (e *executor) figures(entries []store.Entry, cells []cell) ([]Figure, error) {
	figs := make([]Figure, len(cells))
	ids := make([]uint64, len(entries))
	for i := range entries {
		ids[i] = entries[i].Fact
	}
	for i := range cells {
		if err := e.tick(i); err != nil {
			return nil, err
		}
		c := &cells[i]
		figs[i] = Figure{
			Entity: e.name(dictEntity, c.Entity), Metric: e.name(dictMetric, c.Metric),
			Year: c.Year, Period: c.Period, Value: c.Value, Unit: e.name(dictUnit, c.Unit),
			Qualifier: c.Qualifier, Status: c.Status, Sources: int(c.sources), Conflict: c.conflict,
			Fact: c.Fact, Facts: ids[c.lo:c.hi:c.hi], eid: c.Entity, mid: c.Metric, uid: c.Unit,
		}
	}
	return figs, nil
}

// factColumns are the columns of a list of facts.
var factColumns = []Column{
	{Name: "id", Kind: Int, Plain: true},
	{Name: "entity", Kind: Text},
	{Name: "metric", Kind: Text},
	{Name: "year", Kind: Int, Plain: true},
	{Name: "period", Kind: Text},
	{Name: "value", Kind: Number},
	{Name: "unit", Kind: Text},
	{Name: "qualifier", Kind: Text},
	{Name: "status", Kind: Text},
	{Name: "document", Kind: Text},
	{Name: "sources", Kind: Int, Detail: true},
	{Name: "conflict", Kind: Bool, Detail: true},
	{Name: "sentence", Kind: Text, Detail: true},
}

// Indexes into factColumns.
const (
	fcID = iota
	fcEntity
	fcMetric
	fcYear
	fcPeriod
	fcValue
	fcUnit
	fcQualifier
	fcStatus
	fcDocument
	fcSources
	fcConflict
	fcSentence
)

// factRow returns the row of a fact; the sentence is filled in later.
func (e *executor) factRow(en *store.Entry, sources int, conflict bool) Row {
	row := make(Row, len(factColumns))
	row[fcID] = intVal(int64(en.Fact))
	row[fcEntity] = textVal(e.name(dictEntity, en.Entity))
	row[fcMetric] = textVal(e.name(dictMetric, en.Metric))
	row[fcYear] = intVal(int64(en.Year))
	row[fcPeriod] = rankVal(en.Period.String(), int(en.Period))
	row[fcValue] = Value{Kind: Number, Num: en.Value, Conflict: conflict}
	row[fcUnit] = textVal(e.name(dictUnit, en.Unit))
	row[fcQualifier] = rankVal(en.Qualifier.String(), int(en.Qualifier))
	row[fcStatus] = rankVal(en.Status.String(), int(en.Status))
	row[fcDocument] = textVal(e.docOf(en.Doc).Source)
	row[fcSources] = intVal(int64(sources))
	row[fcConflict] = boolVal(conflict)
	return row
}

// fillSentences reads the sentence of each row's fact.
func (e *executor) fillSentences(rows []Row) error {
	for i, row := range rows {
		if i%checkEvery == checkEvery-1 {
			if err := e.ctx.Err(); err != nil {
				return fmt.Errorf("read sentences: %w", err)
			}
		}
		f, err := e.tx.Fact(uint64(row[fcID].Int))
		if err != nil {
			return err
		}
		row[fcSentence] = textVal(f.Sentence)
	}
	return nil
}

func (e *executor) list(entries []store.Entry, cells []cell) error {
	res := e.res
	res.Kind = KindFacts
	res.Columns = factColumns
	res.valueCol = fcValue
	res.rows = make([]Row, 0, len(entries))
	for i := range cells {
		if err := e.tick(i); err != nil {
			return err
		}
		c := &cells[i]
		for k := c.lo; k < c.hi; k++ {
			res.rows = append(res.rows, e.factRow(&entries[k], int(c.sources), c.conflict))
		}
	}
	if err := e.order([]int{fcMetric, fcYear, fcEntity, fcPeriod, fcStatus, fcID}); err != nil {
		return err
	}
	e.limit()
	var ids []uint64
	for _, row := range res.rows {
		if row[fcConflict].Int != 0 {
			ids = append(ids, uint64(row[fcID].Int))
		}
	}
	if len(ids) > 0 {
		res.Notes = append(res.Notes, fmt.Sprintf("! %s belong to figures whose sources disagree (%s)", plural(len(ids), "fact"), seeFacts(ids)))
	}
	return e.fillSentences(res.rows)
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return strconv.Itoa(n) + " " + what + "s"
}

// limit cuts the rows to the plan's limit.
func (e *executor) limit() {
	if _, l := e.p.clauses(); l > 0 && len(e.res.rows) > l {
		e.res.rows = e.res.rows[:l]
	}
}

// orderKey is an order key resolved to a column.
type orderKey struct {
	col  int
	desc bool
}

// orderKeys resolves the plan's order keys to the result's columns, then
// appends the default columns. A key that names no column is an error
// listing the columns there are, with the closest as a suggestion.
func (e *executor) orderKeys(defaults []int) ([]orderKey, error) {
	var keys []orderKey
	order, _ := e.p.clauses()
	for _, k := range order {
		i := e.res.orderColumn(k.Name)
		if i < 0 {
			var names []string
			for _, c := range e.res.Columns {
				if !c.Detail || c.Kind != IDs && c.Name != "sentence" {
					names = append(names, syntax.OrderKeyText(c.Name))
				}
			}
			if e.res.valueCol >= 0 && !slices.Contains(names, "value") {
				names = append(names, "value")
			}
			err := &syntax.Error{Pos: k.Pos, Msg: fmt.Sprintf("cannot order by %s here (order by %s)", syntax.OrderKeyText(k.Name), strings.Join(names, ", "))}
			if s := syntax.Suggest(k.Name, names); s != "" {
				err.Msg += ": did you mean " + s + "?"
				err.Suggestion = s
			}
			return nil, syntax.ErrorList{err}
		}
		keys = append(keys, orderKey{i, k.Desc})
	}
	for _, d := range defaults {
		keys = append(keys, orderKey{col: d})
	}
	return keys, nil
}

// compareRows orders two rows by keys.
func compareRows(a, b Row, keys []orderKey) int {
	for _, k := range keys {
		c := compareValues(a[k.col], b[k.col])
		if k.desc {
			c = -c
		}
		if c != 0 {
			return c
		}
	}
	return 0
}

// order sorts the rows by the plan's order keys, then by the default
// columns; ctx stops the sort.
func (e *executor) order(defaults []int) error {
	keys, err := e.orderKeys(defaults)
	if err != nil {
		return err
	}
	return sortFunc(e.ctx, e.res.rows, func(a, b Row) int { return compareRows(a, b, keys) }, true)
}

// orderColumn returns the column an order key names: a column of that
// name; "value" for the result's main number; "sources" for a figure's
// source count. -1 if none.
func (r *Result) orderColumn(name string) int {
	for i, c := range r.Columns {
		if strings.EqualFold(c.Name, name) {
			return i
		}
	}
	if strings.EqualFold(name, "value") {
		return r.valueCol
	}
	return -1
}

// compareValues orders values: nulls last, numbers numerically, texts
// by rank (periods, statuses) or case-insensitively.
func compareValues(a, b Value) int {
	if a.Kind == Null || b.Kind == Null {
		return cmp.Compare(b2i(a.Kind == Null), b2i(b.Kind == Null))
	}
	if fa, ok := a.Float(); ok {
		if fb, ok := b.Float(); ok {
			return cmp.Compare(fa, fb)
		}
	}
	if a.rank != 0 && b.rank != 0 {
		return cmp.Compare(a.rank, b.rank)
	}
	return cmp.Or(compareFold(a.Str, b.Str), strings.Compare(a.Str, b.Str))
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// compareFold compares strings ignoring ASCII case, without allocating.
func compareFold(a, b string) int {
	for i := 0; i < len(a) && i < len(b); i++ {
		ca, cb := a[i], b[i]
		if 'A' <= ca && ca <= 'Z' {
			ca += 'a' - 'A'
		}
		if 'A' <= cb && cb <= 'Z' {
			cb += 'a' - 'A'
		}
		if ca != cb {
			return cmp.Compare(ca, cb)
		}
	}
	return cmp.Compare(len(a), len(b))
}
