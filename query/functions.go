package query

import (
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/almanacdb/almanac/query/syntax"
)

// evaluation is how the executor computes one function of
// syntax.Functions, which declares its name and types. Every function has
// exactly one (TestEveryFunctionEvaluates).
type evaluation struct {
	// reduce computes a function of figures or amounts from the values of
	// a group's figures, in figure order; the group is never empty.
	reduce func(values []float64) float64
	// step computes a function of levels from the values of two
	// consecutive years of a series, rounded to the precision of its
	// inputs; false where it is undefined.
	step func(prev, cur float64) (float64, bool)
	// For functions of levels: the caption that follows the metric in
	// the title, the name of one result in notes, and the note that says
	// how results are computed.
	caption, noun, note string
}

// evaluations maps a function's name to its evaluation.
var evaluations = map[string]evaluation{
	"sum":   {reduce: sum},
	"avg":   {reduce: func(v []float64) float64 { return sum(v) / float64(len(v)) }},
	"min":   {reduce: slices.Min[[]float64]},
	"max":   {reduce: slices.Max[[]float64]},
	"count": {reduce: func(v []float64) float64 { return float64(len(v)) }},
	"growth": {
		step: func(prev, cur float64) (float64, bool) {
			if prev == 0 {
				return 0, false
			}
			return roundLike((cur/prev-1)*100, prev, cur), true
		},
		caption: "growth over the previous year",
		noun:    "growth rate",
		note:    "growth is computed: (v_y / v_{y-1} - 1) * 100 from the figures of consecutive years",
	},
}

// roundLike rounds v, computed from inputs, to as many significant
// digits as the less precise input states: figures stated to three
// digits give a rate to three (1,180 to 1,650 is 39.8 percent, not
// 39.830508474576273). An input's digits are those of its shortest
// decimal form without trailing zeros, taken as at least three ("1,000
// enterprises" is no rounder than the 1,180 it is compared with) and at
// most fifteen.
func roundLike(v float64, inputs ...float64) float64 {
	digits := 15
	for _, x := range inputs {
		digits = min(digits, significantDigits(x))
	}
	digits = max(digits, 3)
	r, err := strconv.ParseFloat(strconv.FormatFloat(v, 'g', digits, 64), 64)
	if err != nil || math.IsInf(r, 0) {
		return v
	}
	return r
}

// significantDigits counts the digits of x's shortest decimal form, less
// leading and trailing zeros: 1180 has 3, 2603 has 4, 0.05 has 1.
func significantDigits(x float64) int {
	s := strconv.FormatFloat(math.Abs(x), 'e', -1, 64) // d.ddde±XX
	mant, _, _ := strings.Cut(s, "e")
	return len(strings.TrimRight(strings.Replace(mant, ".", "", 1), "0"))
}

func sum(v []float64) float64 {
	s := 0.0
	for _, x := range v {
		s += x
	}
	return s
}

// evaluationOf returns fn's evaluation.
func evaluationOf(fn *syntax.Function) evaluation { return evaluations[fn.Name] }
