package query

import (
	"slices"

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
	// consecutive years of a series; false where it is undefined.
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
			return (cur/prev - 1) * 100, true
		},
		caption: "growth over the previous year",
		noun:    "growth rate",
		note:    "growth is computed: (v_y / v_{y-1} - 1) * 100 from the figures of consecutive years",
	},
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
