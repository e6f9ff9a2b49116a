package shell

import (
	"cmp"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/almanacdb/almanac"
)

// errNotByYear is chartOf's answer for results without figures by year.
var errNotByYear = errors.New("nothing to chart: .chart draws figures by year (try: metric high_tech_enterprises by year)")

// chartOf turns a result into series by year: a pivot's figures, one
// series per entity (and metric, period or status when they vary), or a
// table with a year column, one series per numeric column or per
// combination of its text columns.
func chartOf(res *almanac.Result) (chartSpec, error) {
	var spec chartSpec
	var err error
	if res.Kind == almanac.KindPivot {
		spec, err = chartFigures(res)
	} else {
		spec, err = chartTable(res)
	}
	if err == nil && len(spec.series) > len(markers) {
		err = fmt.Errorf("too many series to chart (%d, at most %d): narrow the query with where", len(spec.series), len(markers))
	}
	return spec, err
}

func chartFigures(res *almanac.Result) (chartSpec, error) {
	var figs []*almanac.Figure
	units := map[string]int{}
	metrics, periods, statuses := map[string]bool{}, map[string]bool{}, map[string]bool{}
	for f := range res.Figures() {
		if f.Year == 0 {
			continue
		}
		figs = append(figs, f)
		units[f.Unit]++
		metrics[f.Metric] = true
		periods[f.Period.String()] = true
		statuses[f.Status.String()] = true
	}
	if len(figs) == 0 {
		return chartSpec{}, errNotByYear
	}
	// One scale: the most common unit; the others are left out.
	unit := slices.MaxFunc(slices.Sorted(maps.Keys(units)), func(a, b string) int { return cmp.Compare(units[a], units[b]) })
	byName := map[string]*series{}
	var order []string
	for _, f := range figs {
		if f.Unit != unit {
			continue
		}
		name := f.Entity
		if len(metrics) > 1 {
			name += " " + f.Metric
		}
		if len(periods) > 1 {
			name += " " + f.Period.String()
		}
		if len(statuses) > 1 {
			name += " " + f.Status.String()
		}
		sr := byName[name]
		if sr == nil {
			sr = &series{name: name}
			byName[name] = sr
			order = append(order, name)
		}
		if !slices.ContainsFunc(sr.points, func(p point) bool { return p.x == f.Year }) {
			sr.points = append(sr.points, point{f.Year, f.Value})
		}
	}
	spec := chartSpec{title: strings.Join(slices.Sorted(maps.Keys(metrics)), ", "), unit: unit}
	if u, err := almanac.ParseUnit(unit); err == nil && u == almanac.Count {
		spec.unit = "" // a bare number needs no label
	}
	for _, name := range order {
		sr := byName[name]
		slices.SortFunc(sr.points, func(a, b point) int { return a.x - b.x })
		spec.series = append(spec.series, *sr)
	}
	return spec, nil
}

func chartTable(res *almanac.Result) (chartSpec, error) {
	yc := res.Column("year")
	if yc < 0 || res.Len() == 0 {
		return chartSpec{}, errNotByYear
	}
	var nums, texts []int
	for i, c := range res.Columns {
		switch {
		case i == yc || c.Detail:
		case c.Kind == almanac.Int || c.Kind == almanac.Number || c.Kind == almanac.Fig:
			if c.Name != "id" && c.Name != "sources" && c.Name != "document" {
				nums = append(nums, i)
			}
		case c.Kind == almanac.Text:
			texts = append(texts, i)
		}
	}
	if len(nums) == 0 {
		return chartSpec{}, errNotByYear
	}
	if len(nums) > 1 && len(texts) > 0 {
		// Several numbers per row of several series: chart the first.
		nums = nums[:1]
	}
	byName := map[string]*series{}
	var order []string
	for row := range res.Rows() {
		year, ok := row[yc].Float()
		if !ok {
			continue
		}
		for _, n := range nums {
			v, ok := row[n].Float()
			if !ok {
				continue
			}
			var parts []string
			for _, t := range texts {
				parts = append(parts, row[t].String())
			}
			if len(nums) > 1 || len(parts) == 0 {
				parts = append(parts, res.Columns[n].Name)
			}
			name := strings.Join(parts, " ")
			sr := byName[name]
			if sr == nil {
				sr = &series{name: name}
				byName[name] = sr
				order = append(order, name)
			}
			if !slices.ContainsFunc(sr.points, func(p point) bool { return p.x == int(year) }) {
				sr.points = append(sr.points, point{int(year), v})
			}
		}
	}
	if len(order) == 0 {
		return chartSpec{}, errNotByYear
	}
	spec := chartSpec{title: res.Title}
	if len(nums) == 1 {
		spec.unit = res.Columns[nums[0]].Unit
	}
	for _, name := range order {
		sr := byName[name]
		slices.SortStableFunc(sr.points, func(a, b point) int { return a.x - b.x })
		spec.series = append(spec.series, *sr)
	}
	return spec, nil
}
