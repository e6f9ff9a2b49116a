package extract

import (
	"strings"

	"github.com/almanacdb/almanac/ingest/document"
	"github.com/almanacdb/almanac/ingest/recognize"
	"github.com/almanacdb/almanac/store"
)

// A table's figures have no sentence: each cell is the figure of its
// row (the metric, row-label) in its column (the year and period,
// columnTimeRules in time.go; a change, changeColumnRules in
// relation.go; plan or actual, columnStatusRules in status.go), owned
// by what the article is about (tableEntityRules in entity.go). The
// fact's sentence is the row, from its label to its last cell.

// column is what a table's header says of its cells.
type column struct {
	year       int
	period     store.Period
	timeRule   string
	change     bool // the cells are changes of the first dated column
	changeRule string
	status     store.Status
	statusRule string
}

// tables makes the facts of the article's tables.
func (x *extractor) tables() {
	for i := range x.a.Tables {
		x.table(&x.a.Tables[i])
	}
}

func (x *extractor) table(t *document.Table) {
	cols := make([]column, len(t.Columns))
	first := -1 // the first dated column: what a change column compares
	for i, c := range t.Columns {
		col := &cols[i]
		for _, r := range changeColumnRules {
			if r.match(c.Text) {
				col.change, col.changeRule = true, r.name
				break
			}
		}
		if !col.change {
			for _, r := range columnTimeRules {
				if y, p, ok := r.match(c.Text); ok {
					col.year, col.period, col.timeRule = y, p, r.name
					break
				}
			}
			if col.timeRule != "" && first < 0 {
				first = i
			}
		}
		for _, r := range columnStatusRules {
			if st, ok := r.match(c.Text); ok {
				col.status, col.statusRule = st, r.name
				break
			}
		}
	}
	ent, erule := x.tableOwner()
	note := ""
	if t.Note.End > t.Note.Start {
		note = strings.ToLower(x.text[t.Note.Start:t.Note.End])
	}
	for _, row := range t.Rows {
		label := x.text[row.Label.Start:row.Label.End]
		words, mrule := rowMetric(label)
		x.sentNo++
		for ci, cell := range row.Cells {
			ctext := x.text[cell.Start:cell.End]
			q, neg, ok := cellQuantity(ctext)
			if !ok {
				continue // a dash: no figure
			}
			reason := ""
			var col column
			switch {
			case ci >= len(cols):
				reason = "table: no header over this column"
			case len(words) == 0:
				reason = "table: the row has no label"
			case ent.Name == "":
				reason = "no entity: no place or organisation to own the number"
			default:
				col = cols[ci]
				if col.change {
					if first < 0 {
						reason = "table: no dated column for the change to compare"
					} else if q.Unit != "percent" {
						reason = "table: a change that is no percentage"
					} else {
						col.year, col.period, col.timeRule = cols[first].year, cols[first].period, cols[first].timeRule
					}
				} else if col.timeRule == "" {
					reason = "table: the column's header names no year"
				}
			}
			start, end := cell.Start+q.NumStart, cell.Start+q.NumEnd
			if reason != "" {
				if x.trace {
					x.dropped = append(x.dropped, Dropped{Start: start, End: end, Reason: reason})
				}
				continue
			}
			value, unit := q.Value, q.Unit
			if neg {
				value = -value
			}
			if unit != "percent" && !perShare(label) {
				value, unit = scaleByNote(note, value, unit)
			}
			metric := append([]string(nil), words...)
			changeName := ""
			if col.change {
				metric = append(metric, "growth")
				changeName = col.changeRule
			}
			sStart := row.Label.Start
			if row.Label.End <= row.Label.Start {
				sStart = row.Cells[0].Start
			}
			sEnd := row.Cells[len(row.Cells)-1].End
			status, srule := col.status, col.statusRule
			d := draft{
				f: store.Fact{
					Entity: ent.Name, Metric: metricName(metric), Year: col.year, Period: col.period, Value: value, Unit: unit,
					Qualifier: store.Exact, Status: status,
					SentenceStart: sStart, SentenceEnd: sEnd, Sentence: x.text[sStart:sEnd],
					Start: start, End: end,
				},
				trace: Trace{Entity: erule, Metric: mrule, Year: col.timeRule, Period: col.timeRule, Status: srule, Change: changeName, Detail: strings.Join(metric, " ")},
				sent:  x.sentNo,
				words: metric,
			}
			x.facts = append(x.facts, d)
		}
	}
}

// cellQuantity reads a table cell's figure: its quantity, and whether a
// minus sign or brackets make it negative ("-1.6 %", "(1,300)").
func cellQuantity(c string) (recognize.Quantity, bool, bool) {
	qs := recognize.Quantities(c)
	if len(qs) != 1 {
		return recognize.Quantity{}, false, false
	}
	// Before the figure stand only its sign, currency and bracket.
	pre := c[:qs[0].Start]
	neg := strings.ContainsAny(pre, "-−") || strings.HasPrefix(strings.TrimSpace(pre), "(") && strings.HasSuffix(strings.TrimSpace(c), ")")
	return qs[0], neg, true
}

// perShare reports whether a row's label names an amount per share,
// which a table's scale note leaves alone ("in thousands, except per
// share data").
func perShare(label string) bool {
	low := strings.ToLower(label)
	return strings.Contains(low, "per share") || strings.Contains(low, "eps")
}

// scaleByNote applies a table note's scale and currency to a money
// figure: "(in thousands of US dollars)" makes a bare 12,400 into
// 12,400,000 USD, "(in millions)" makes "$ 12.4" 12,400,000 USD. A bare
// figure under a note that names no currency is left as it is.
func scaleByNote(note string, v float64, unit string) (float64, string) {
	if note == "" {
		return v, unit
	}
	if unit == "count" {
		cs := recognize.Currencies(note) // "US dollars", "RMB", "yuan"
		if len(cs) == 0 {
			return v, unit
		}
		unit = cs[0].Label
	}
	if !recognize.IsCurrency(unit) {
		return v, unit
	}
	switch {
	case strings.Contains(note, "in thousands"):
		v *= 1e3
	case strings.Contains(note, "in millions"):
		v *= 1e6
	case strings.Contains(note, "in billions"):
		v *= 1e9
	}
	return v, unit
}
