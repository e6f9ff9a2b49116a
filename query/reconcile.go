package query

import (
	"cmp"
	"slices"

	"github.com/almanacdb/almanac/store"
	"github.com/almanacdb/almanac/store/vocab"
)

// Reconciliation.
//
// Facts with the same entity, metric, year, period, status and unit state
// one figure; however many documents repeat it, a pivot, aggregate or
// growth rate counts it once. The figure's Sources is the number of
// distinct documents among those facts.
//
// The facts conflict when their values differ by more than 0.5 % of the
// larger magnitude. Articles round: "391.54 billion" becomes "391.5
// billion" or "392 billion", and rounding to three significant digits
// moves a figure by at most 0.5 %. Anything further apart is a different
// claim, and the figure is marked as a conflict.
//
// The value shown, conflicting or not, is picked by one rule:
//
//  1. an exact figure beats an approximate, minimum or maximum one ("nearly
//     1,200" in a later retrospective does not revise an exact 1,180);
//  2. then the fact from the most recently published document wins
//     (revisions and final figures come after preliminary ones; a document
//     without a date counts as oldest);
//  3. then the later-ingested document wins (the higher document ID: IDs
//     are handed out in ingestion order), and within one document the
//     later fact.
//
// When all the facts state the same value with the same qualifier, the
// figure reads the same whichever wins, so the dates are not looked up
// and the latest-ingested fact is named as the one shown. "show fact N"
// lists every fact of the figure and says which one is shown.

// conflictTolerance is the relative difference beyond which two values of
// one figure conflict. See above.
const conflictTolerance = 0.005

// cell is one reconciled figure, still in IDs: the winning fact's entry,
// and the span of entries that state it.
type cell struct {
	store.Entry
	lo, hi   int32 // entries[lo:hi] state this figure
	sources  int32
	conflict bool
}

// docOf returns the cached document record of id (without text). A
// document that cannot be read is a failure of the store, which run
// returns; meanwhile it stands as an empty record.
func (e *executor) docOf(id uint64) *store.Document {
	if d, ok := e.docs[id]; ok {
		return d
	}
	d, err := e.tx.Document(id)
	if err != nil {
		e.b.fail(err)
		d = store.Document{ID: id}
	}
	e.docs[id] = &d
	return &d
}

// better reports whether entry a's value should be shown over b's.
func (e *executor) better(a, b *store.Entry) bool {
	if (a.Qualifier == vocab.Exact) != (b.Qualifier == vocab.Exact) {
		return a.Qualifier == vocab.Exact
	}
	if a.Published != b.Published {
		return a.Published > b.Published // store.NoDate sorts first
	}
	if a.Doc != b.Doc {
		return a.Doc > b.Doc
	}
	return a.Fact > b.Fact
}

// differ reports whether two values of one figure conflict.
func differ(a, b float64) bool {
	d := a - b
	if d < 0 {
		d = -d
	}
	return d > conflictTolerance*max(abs64(a), abs64(b))
}

func abs64(f float64) float64 {
	if f < 0 {
		return -f
	}
	return f
}

// sameRun reports whether two entries share metric, year and entity: the
// prefix of a figure's identity that index order keeps together.
func sameRun(a, b *store.Entry) bool {
	return a.Metric == b.Metric && a.Year == b.Year && a.Entity == b.Entity
}

// compareFigure orders entries within a run by the rest of a figure's
// identity (period, status, unit), then document and fact.
func compareFigure(a, b store.Entry) int {
	return cmp.Or(cmp.Compare(a.Period, b.Period), cmp.Compare(a.Status, b.Status),
		cmp.Compare(a.Unit, b.Unit), cmp.Compare(a.Doc, b.Doc), cmp.Compare(a.Fact, b.Fact))
}

func sameFigure(a, b *store.Entry) bool {
	return a.Period == b.Period && a.Status == b.Status && a.Unit == b.Unit
}

// reconcile turns entries into figures. Entries must arrive with equal
// (metric, year, entity) adjacent, as every index scan yields them;
// reconcile reorders entries within such runs. Figures whose facts differ
// are decided by the rule above; every entry carries its document's
// publication day, so no document is looked up.
func (e *executor) reconcile(entries []store.Entry) ([]cell, error) {
	cells := make([]cell, 0, len(entries))
	for i := 0; i < len(entries); {
		if err := e.tick(len(cells)); err != nil {
			return nil, err
		}
		j := i + 1
		for j < len(entries) && sameRun(&entries[i], &entries[j]) {
			j++
		}
		if j == i+1 {
			cells = append(cells, cell{Entry: entries[i], lo: int32(i), hi: int32(j), sources: 1})
			i = j
			continue
		}
		run := entries[i:j]
		slices.SortFunc(run, compareFigure)
		for a := 0; a < len(run); {
			b := a + 1
			for b < len(run) && sameFigure(&run[a], &run[b]) {
				b++
			}
			c, decided := summarize(entries, i+a, i+b)
			if !decided {
				best := int(c.lo)
				for k := best + 1; k < int(c.hi); k++ {
					if e.better(&entries[k], &entries[best]) {
						best = k
					}
				}
				c.Entry = entries[best]
			}
			cells = append(cells, c)
			a = b
		}
		i = j
	}
	return cells, nil
}

// summarize reconciles entries[lo:hi], which state one figure and are
// sorted by document: it counts sources and detects a conflict. When the
// facts all agree exactly it also picks the shown fact; otherwise decided
// is false and the caller applies the rule.
func summarize(entries []store.Entry, lo, hi int) (c cell, decided bool) {
	c = cell{Entry: entries[lo], lo: int32(lo), hi: int32(hi), sources: 1}
	same := true
	vmin, vmax := entries[lo].Value, entries[lo].Value
	for k := lo + 1; k < hi; k++ {
		en := &entries[k]
		if en.Doc != entries[k-1].Doc {
			c.sources++
		}
		vmin, vmax = min(vmin, en.Value), max(vmax, en.Value)
		same = same && en.Value == entries[lo].Value && en.Qualifier == entries[lo].Qualifier
	}
	c.conflict = differ(vmin, vmax)
	if same {
		// Sorted by document, then fact: the last is the latest ingested.
		c.Entry = entries[hi-1]
	}
	return c, same
}
