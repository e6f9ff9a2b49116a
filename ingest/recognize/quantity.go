package recognize

import (
	"sort"
	"strings"
)

// Quantity is a figure of the text: a number with its unit, scale,
// qualifier and range, as Quantities assembles them from the recognisers.
type Quantity struct {
	// Start and End span the whole quantity: currency symbol, number, scale
	// and unit ("$68.10 million", "391.54 billion yuan", "45 percent").
	Start, End int
	// NumStart and NumEnd span the number and its scale ("391.54 billion").
	// For a range they span the upper number.
	NumStart, NumEnd int
	// Value is the figure in Unit: scaled, and converted for units such as
	// GW (to MW). For a range it is the upper bound.
	Value float64
	// Unit is "count" for a bare number, "percent", "points" (percentage
	// points), an ISO currency code or a physical unit.
	Unit string
	// Words is true for a number written in words.
	Words bool
	// Qualifier is "", "approx", "min" or "max", from the phrase that ends
	// right before the quantity, which starts at QualStart (Start if none).
	Qualifier string
	QualStart int
	// Range is true for "6-6.5 percent" or "between 5 and 6 billion yuan":
	// Lo is the lower bound and LoStart, LoEnd its number's span.
	Range          bool
	Lo             float64
	LoStart, LoEnd int
	// Conversion is true for a figure in brackets right after another
	// of the same kind (two currencies, two physical units): the
	// "($4.12 billion)" of "27.9 billion yuan ($4.12 billion)" and the
	// "(about 666,667 hectares)" of "10 million mu" restate the figure
	// before it.
	Conversion bool
	// Compound is true when the number is part of a hyphenated modifier
	// ("a 25-million-tonne goal", "the three-day event").
	Compound bool
}

// Quantities finds the figures of text: each number that is not part of a
// year or a date, with its currency, percent or unit, its qualifier, and
// ranges and currency conversions marked. Quantities are in text order.
func Quantities(text string) []Quantity {
	nums := Numbers(text)
	if len(nums) == 0 {
		return nil
	}
	// Numbers that belong to years and dates are not quantities. Both
	// lists are in text order, so one merge pass marks them.
	skip := make([]bool, len(nums)) // by number
	mark := func(ss []Span, all bool) {
		k := 0
		for _, s := range ss {
			for k < len(nums) && nums[k].Start < s.Start {
				k++
			}
			if !all && s.Kind != YearRange {
				if k < len(nums) && nums[k].Start == s.Start {
					skip[k] = true
				}
				continue
			}
			for j := k; j < len(nums) && nums[j].Start < s.End; j++ {
				skip[j] = true
			}
		}
	}
	mark(Years(text), false)
	mark(Dates(text), true)
	quals := Qualifiers(text) // in text order, not overlapping
	qualEnding := func(end int) (Span, bool) {
		i := sort.Search(len(quals), func(i int) bool { return quals[i].End >= end })
		if i < len(quals) && quals[i].End == end {
			return quals[i], true
		}
		return Span{}, false
	}

	out := make([]Quantity, 0, len(nums))
	for k := 0; k < len(nums); k++ {
		n := nums[k]
		if skip[k] {
			continue
		}
		q := Quantity{Start: n.Start, End: n.End, NumStart: n.Start, NumEnd: n.End, Value: n.Value, Unit: "count", Words: n.Words}
		if s, code, ok := matchCurrencyBefore(text, n.Start); ok {
			q.Start, q.Unit = s, code
		}
		unitOf(text, &q)
		// A range: "6-6.5 percent", "5 to 6 billion yuan", "between 5 and 6".
		if q.Unit == "count" && !n.Words && k+1 < len(nums) && !skip[k+1] {
			m := nums[k+1]
			j := skipSpace(text, n.End)
			sep := false
			if d := dashAt(text, j); d > 0 && skipSpace(text, j+d) == m.Start {
				sep = true
			} else if e, ok := hasWordAt(text, j, "to"); ok && skipSpace(text, e) == m.Start {
				w, _ := wordBefore(text, q.Start)
				sep = w != "from"
			} else if e, ok := hasWordAt(text, j, "and"); ok && skipSpace(text, e) == m.Start {
				w, _ := wordBefore(text, q.Start)
				sep = w == "between"
			}
			if sep {
				hi := Quantity{Start: m.Start, End: m.End, NumStart: m.Start, NumEnd: m.End, Value: m.Value, Unit: "count"}
				unitOf(text, &hi)
				if hi.Unit != "count" && hi.Unit != "points" && m.Value >= n.Value*scaleOf(text, n) {
					lo := n.Value
					// "5 to 6 billion": the scale of the upper bound applies to both.
					if scaleOf(text, n) == 1 {
						if sc := scaleOf(text, m); sc > 1 && n.Value*sc <= m.Value*1.0001 {
							lo = n.Value * sc
						}
					}
					hi.Range, hi.Lo, hi.LoStart, hi.LoEnd = true, lo*unitFactor(text, &hi), n.Start, n.End
					hi.Start = q.Start
					if hi.Unit == q.Unit || q.Unit == "count" {
						// Currency symbol before the lower bound: "$5-6 billion".
						if s, code, ok := matchCurrencyBefore(text, n.Start); ok {
							hi.Start, hi.Unit = s, code
						}
					}
					q = hi
					k++
				}
			}
		}
		// A number inside the unit is the unit's: "9,488 20-foot
		// equivalent units".
		for j := k + 1; j < len(nums) && nums[j].Start < q.End; j++ {
			skip[j] = true
		}
		// Qualifier ending right before the quantity.
		q.QualStart = q.Start
		if qs, ok := qualEnding(skipSpaceBack(text, q.Start)); ok {
			q.Qualifier, q.QualStart = qs.Label, qs.Start
		}
		// Hyphenated modifier: "25-million-tonne", "three-day".
		if e := q.NumEnd; e+1 < len(text) && text[e] == '-' && isLetter(text[e+1]) {
			q.Compound = true
		}
		if q.Start > 0 && text[q.Start-1] == '-' && q.Start > 1 && isAlnum(text[q.Start-2]) {
			q.Compound = true
		}
		// "4+4", "5G+": numbers joined by a plus sign name things.
		if (q.NumEnd < len(text) && text[q.NumEnd] == '+') || (q.NumStart > 0 && text[q.NumStart-1] == '+') {
			q.Compound = true
		}
		// Conversion: "(" + optional qualifier + currency, right after a
		// currency figure; or a physical measure in brackets right after
		// another one ("10 million mu (about 666,667 hectares)").
		if len(out) > 0 && (isCurrency(q.Unit) && isCurrency(out[len(out)-1].Unit) ||
			q.Unit != "count" && q.Unit != "percent" && !isCurrency(q.Unit) && out[len(out)-1].Unit != "count" && out[len(out)-1].Unit != "percent" && !isCurrency(out[len(out)-1].Unit)) {
			p := skipSpaceBack(text, q.QualStart)
			if p > 0 && text[p-1] == '(' && skipSpaceBack(text, p-1) == out[len(out)-1].End {
				q.Conversion = true
			}
		}
		out = append(out, q)
	}
	shareUnits(text, out)
	return out
}

// shareUnits gives bare numbers the unit and scale of the coordinated
// number after them: in "up 15.1 and 14.6 percent" and "5, 6 and 7
// billion yuan" the unit is written once for the whole list.
func shareUnits(text string, qs []Quantity) {
	shared := 0.0 // the factor qs[i+1] took from the number after it, 0 if none
	for i := len(qs) - 2; i >= 0; i-- {
		q, r := &qs[i], &qs[i+1]
		f := shared
		shared = 0
		if q.Unit != "count" || q.Range || q.Compound || q.Words != r.Words || q.End != q.NumEnd {
			continue
		}
		num := Span{Start: q.NumStart, End: q.NumEnd}
		if scaleOf(text, num) != 1 {
			continue
		}
		if f == 0 {
			f = 1
			if !r.Range {
				f = scaleOf(text, Span{Start: r.NumStart, End: r.NumEnd}) * unitFactor(text, r)
			}
		}
		if r.Unit == "count" && f == 1 {
			continue
		}
		if !listSeparator(text[q.End:r.Start]) {
			continue
		}
		if r.Start != r.NumStart {
			continue // "$5 and $6 billion" writes each currency
		}
		q.Unit = r.Unit
		q.Value = roundTo(q.Value*f, 15)
		shared = f
	}
}

// listSeparator reports whether between is the joint of a list: a comma,
// "and", "or", or a comma and one of them.
func listSeparator(between string) bool {
	switch strings.Join(strings.Fields(between), " ") {
	case ",", "and", "or", ", and", ", or":
		return true
	}
	return false
}

// scaleOf returns the scale factor written with number span m, or 1.
func scaleOf(text string, m Span) float64 {
	i := m.Start
	for i < m.End && (isDigit(text[i]) || text[i] == ',' || text[i] == '.') {
		i++
	}
	if i >= m.End {
		return 1
	}
	j := skipSpace(text, i)
	if j < m.End {
		if _, f := scaleAt(text, j, true); f > 0 {
			return f
		}
	}
	return 1
}

// unitFactor returns the conversion factor of q's unit word (1 for most).
func unitFactor(text string, q *Quantity) float64 {
	j := skipSpace(text, q.NumEnd)
	if _, _, f, ok := matchUnit(text, j); ok {
		return f
	}
	return 1
}

// unitOf reads the currency, percent or unit after q's number.
func unitOf(text string, q *Quantity) {
	j := skipSpace(text, q.NumEnd)
	if j >= len(text) {
		return
	}
	if e, pts, ok := matchPercent(text, j); ok {
		q.End = e
		if pts {
			q.Unit = "points"
		} else {
			q.Unit = "percent"
		}
		return
	}
	if e, code, ok := matchCurrencyAfter(text, j); ok && (q.Unit == "count" || q.Unit == code) {
		q.Unit, q.End = code, e
		return
	}
	if q.Unit != "count" {
		return
	}
	if e, u, f, ok := matchUnit(text, j); ok {
		q.Unit, q.End = u, e
		q.Value = roundTo(q.Value*f, 15)
		return
	}
	// A hyphenated measure: "a 921-km line", "a 350-kilometer-per-hour
	// train", "a 31.2-percent increase".
	if j == q.NumEnd && j+1 < len(text) && text[j] == '-' {
		if e, pts, ok := matchPercent(text, j+1); ok && !pts {
			q.Unit, q.End = "percent", e
			return
		}
		if e, u, f, ok := matchUnit(text, j+1); ok && u != "tonnes" {
			q.Unit, q.End = u, e
			q.Value = roundTo(q.Value*f, 15)
		}
	}
}

func isCurrency(u string) bool {
	return len(u) == 3 && u[0] >= 'A' && u[0] <= 'Z' && u[1] >= 'A' && u[1] <= 'Z' && u[2] >= 'A' && u[2] <= 'Z' && u != "TEU"
}

// IsCurrency reports whether unit is an ISO currency code as Quantities
// reports them.
func IsCurrency(unit string) bool { return isCurrency(unit) }
