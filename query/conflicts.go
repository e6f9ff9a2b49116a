package query

import (
	"fmt"
	"slices"

	"github.com/almanacdb/almanac/store"
)

// conflictColumns are the columns of a conflicts result: one row per
// fact of each figure whose sources disagree, the figure's identity
// first, then the fact.
var conflictColumns = []Column{
	{Name: "entity", Kind: Text},
	{Name: "metric", Kind: Text},
	{Name: "year", Kind: Int, Plain: true},
	{Name: "period", Kind: Text},
	{Name: "status", Kind: Text},
	{Name: "unit", Kind: Text},
	{Name: "id", Kind: Int, Plain: true},
	{Name: "value", Kind: Number},
	{Name: "qualifier", Kind: Text},
	{Name: "document", Kind: Text},
	{Name: "published", Kind: Text},
	{Name: "shown", Kind: Bool},
	{Name: "sentence", Kind: Text, Detail: true},
}

// Indexes into conflictColumns.
const (
	ccEntity = iota
	ccMetric
	ccYear
	ccPeriod
	ccStatus
	ccUnit
	ccID
	ccValue
	ccQualifier
	ccDocument
	ccPublished
	ccShown
	ccSentence
)

// conflicts lists every figure whose sources disagree among the facts the
// where clause selects, each with all its facts: the one shown first,
// then the others by fact ID. Figures are ordered by the order keys,
// applied to the fact shown, then by metric, entity, year, period, status
// and unit; the limit counts figures.
func (e *executor) conflicts(p *Conflicts) error {
	res := e.res
	res.Kind = KindConflicts
	res.Columns = conflictColumns
	res.valueCol = ccValue
	sel, err := e.selectEntries(p.Where)
	if err != nil {
		return err
	}
	e.res.Exec.Shape = "conflicts"
	keys, err := e.orderKeys([]int{ccMetric, ccEntity, ccYear, ccPeriod, ccStatus, ccUnit})
	if err != nil {
		return err
	}
	var groups [][]Row
	for i, c := range sel.cells {
		if err := e.tick(i); err != nil {
			return err
		}
		if !c.conflict {
			continue
		}
		var rows []Row
		for k := c.lo; k < c.hi; k++ {
			en := &sel.entries[k]
			rows = append(rows, e.conflictRow(en, en.Fact == c.Fact))
		}
		slices.SortStableFunc(rows, func(a, b Row) int {
			if a[ccShown].Int != b[ccShown].Int {
				return int(b[ccShown].Int - a[ccShown].Int)
			}
			return compareValues(a[ccID], b[ccID])
		})
		groups = append(groups, rows)
	}
	if err := sortFunc(e.ctx, groups, func(a, b []Row) int { return compareRows(a[0], b[0], keys) }, true); err != nil {
		return err
	}
	if p.Limit > 0 && len(groups) > p.Limit {
		groups = groups[:p.Limit]
	}
	for _, g := range groups {
		res.rows = append(res.rows, g...)
	}
	res.Title = plural(len(groups), "figure") + " whose sources disagree"
	if len(groups) == 0 {
		res.Title = "no figure's sources disagree"
	}
	if len(groups) > 0 {
		res.Notes = append(res.Notes, "the value shown is exact over approximate, then the latest report's (show fact ID for a fact in full)")
	}
	for i, row := range res.rows {
		if err := e.tick(i); err != nil {
			return err
		}
		f, err := e.tx.Fact(uint64(row[ccID].Int))
		if err != nil {
			return fmt.Errorf("read fact %d: %w", row[ccID].Int, err)
		}
		row[ccSentence] = textVal(f.Sentence)
	}
	return nil
}

// conflictRow is a conflicts row for entry en.
func (e *executor) conflictRow(en *store.Entry, shown bool) Row {
	doc := e.docOf(en.Doc)
	row := make(Row, len(conflictColumns))
	row[ccEntity] = textVal(e.name(dictEntity, en.Entity))
	row[ccMetric] = textVal(e.name(dictMetric, en.Metric))
	row[ccYear] = intVal(int64(en.Year))
	row[ccPeriod] = rankVal(en.Period.String(), int(en.Period))
	row[ccStatus] = rankVal(en.Status.String(), int(en.Status))
	row[ccUnit] = textVal(e.name(dictUnit, en.Unit))
	row[ccID] = intVal(int64(en.Fact))
	row[ccValue] = Value{Kind: Number, Num: en.Value, Conflict: true}
	row[ccQualifier] = rankVal(en.Qualifier.String(), int(en.Qualifier))
	row[ccDocument] = textVal(doc.Source)
	row[ccPublished] = textVal(doc.PublishedString())
	row[ccShown] = boolVal(shown)
	return row
}
