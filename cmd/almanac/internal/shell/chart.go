package shell

import (
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/almanacdb/almanac"
)

// point is one value of a series: Y in year X.
type point struct {
	x int
	y float64
}

// series is one line of a chart, sorted by year.
type series struct {
	name   string
	points []point
}

// chartSpec is what drawChart draws: series of values by year.
type chartSpec struct {
	title  string // drawn above the chart, with the unit
	unit   string
	series []series
	bars   bool // horizontal bars instead of a line chart
	width  int  // terminal columns available
	height int  // rows of the plot area in a line chart
	color  bool // ANSI colours per series
}

// markers distinguish the series of a line chart, and fills those of a bar
// chart, when there is no colour (and as well as colour when there is).
var (
	markers = []rune("●■▲◆★✚○□")
	fills   = []rune("█▓▒░")
	colours = []string{"\x1b[36m", "\x1b[33m", "\x1b[35m", "\x1b[32m", "\x1b[34m", "\x1b[31m"}
)

const ansiReset = "\x1b[0m"

// drawChart writes c to w. It draws nothing but a message for a chart
// without points.
func drawChart(w io.Writer, c chartSpec) error {
	if c.width <= 0 {
		c.width = 80
	}
	if c.height <= 0 {
		c.height = 12
	}
	var b strings.Builder
	title := c.title
	if c.unit != "" {
		title += " (" + c.unit + ")"
	}
	if title != "" {
		b.WriteString(title + "\n")
	}
	if c.bars {
		drawBars(&b, c)
	} else {
		drawLines(&b, c)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func (c chartSpec) paint(i int, s string) string {
	if !c.color {
		return s
	}
	return colours[i%len(colours)] + s + ansiReset
}

func (c chartSpec) bounds() (x0, x1 int, y0, y1 float64) {
	x0, x1 = math.MaxInt, math.MinInt
	y0, y1 = math.Inf(1), math.Inf(-1)
	for _, s := range c.series {
		for _, p := range s.points {
			x0, x1 = min(x0, p.x), max(x1, p.x)
			y0, y1 = min(y0, p.y), max(y1, p.y)
		}
	}
	return
}

// drawLines draws a line chart: a marker per point, dots between the
// points of a series, a y axis with round ticks, a year axis and a legend.
func drawLines(b *strings.Builder, c chartSpec) {
	x0, x1, y0, y1 := c.bounds()
	ticks := niceTicks(y0, y1, max(2, c.height/3))
	lo, hi := ticks[0], ticks[len(ticks)-1]
	labels := make([]string, len(ticks))
	lw := 0
	for i, t := range ticks {
		labels[i] = formatTick(t, ticks)
		lw = max(lw, utf8.RuneCountInString(labels[i]))
	}
	years := x1 - x0 + 1
	avail := c.width - lw - 3
	pw := min(max(years*6, 24), avail)
	pw = max(pw, 8)
	h := c.height
	col := func(x int) int {
		if x1 == x0 {
			return pw / 2
		}
		return 2 + (x-x0)*(pw-5)/(x1-x0)
	}
	row := func(y float64) int {
		if hi == lo {
			return h / 2
		}
		return int(math.Round((hi - y) / (hi - lo) * float64(h-1)))
	}
	type cell struct {
		r      rune
		series int
	}
	grid := make([][]cell, h)
	for i := range grid {
		grid[i] = make([]cell, pw)
		for j := range grid[i] {
			grid[i][j] = cell{' ', -1}
		}
	}
	for si, s := range c.series {
		for i := 1; i < len(s.points); i++ {
			a, z := s.points[i-1], s.points[i]
			ca, cz := col(a.x), col(z.x)
			for x := ca + 1; x < cz; x++ {
				y := a.y + (z.y-a.y)*float64(x-ca)/float64(cz-ca)
				if r := row(y); grid[r][x].r == ' ' {
					grid[r][x] = cell{'·', si}
				}
			}
		}
	}
	for si, s := range c.series {
		for _, p := range s.points {
			grid[row(p.y)][col(p.x)] = cell{markers[si%len(markers)], si}
		}
	}
	tickAt := map[int]string{}
	for i, t := range ticks {
		tickAt[row(t)] = labels[i]
	}
	for r := range h {
		label, ok := tickAt[r]
		axis := " │"
		if ok {
			axis = " ┤"
		}
		fmt.Fprintf(b, "%*s%s", lw, label, axis)
		line := grid[r]
		end := len(line)
		for end > 0 && line[end-1].r == ' ' {
			end--
		}
		// Runs of one series' cells share one colour sequence.
		for i := 0; i < end; {
			j := i + 1
			for j < end && line[j].series == line[i].series {
				j++
			}
			run := make([]rune, 0, j-i)
			for _, cl := range line[i:j] {
				run = append(run, cl.r)
			}
			if line[i].series >= 0 {
				b.WriteString(c.paint(line[i].series, string(run)))
			} else {
				b.WriteString(string(run))
			}
			i = j
		}
		b.WriteByte('\n')
	}
	// The year axis: label every year that fits, at least every step-th.
	step := 1
	for step < years && (pw-5)*step/max(1, years-1) < 6 && years > 1 {
		step++
	}
	axis := []rune(strings.Repeat("─", pw))
	yearLine := []rune(strings.Repeat(" ", pw+4))
	for x := x0; x <= x1; x++ {
		if (x-x0)%step != 0 {
			continue
		}
		cx := col(x)
		axis[cx] = '┬'
		label := strconv.Itoa(x)
		start := max(0, cx-len(label)/2)
		copy(yearLine[start:], []rune(label))
	}
	fmt.Fprintf(b, "%*s └%s\n", lw, "", string(axis))
	fmt.Fprintf(b, "%*s  %s\n", lw, "", strings.TrimRight(string(yearLine), " "))
	var legend []string
	for si, s := range c.series {
		legend = append(legend, c.paint(si, string(markers[si%len(markers)]))+" "+s.name)
	}
	fmt.Fprintf(b, "%*s  %s\n", lw, "", strings.Join(legend, "   "))
}

// drawBars draws one horizontal bar per series and year, grouped by year,
// in eighths of a character.
func drawBars(b *strings.Builder, c chartSpec) {
	x0, x1, y0, y1 := c.bounds()
	scale := max(math.Abs(y0), math.Abs(y1))
	nw := 0
	for _, s := range c.series {
		nw = max(nw, utf8.RuneCountInString(s.name))
	}
	vw := 0
	for _, s := range c.series {
		for _, p := range s.points {
			vw = max(vw, len(formatValue(p.y)))
		}
	}
	bw := max(c.width-4-2-nw-2-vw-2, 10)
	for x := x0; x <= x1; x++ {
		first := true
		for si, s := range c.series {
			i := slices.IndexFunc(s.points, func(p point) bool { return p.x == x })
			if i < 0 {
				continue
			}
			v := s.points[i].y
			year := "    "
			if first {
				year = strconv.Itoa(x)
				first = false
			}
			bar := ""
			if scale > 0 {
				bar = barString(math.Abs(v)/scale*float64(bw), fills[si%len(fills)])
			}
			pad := bw - utf8.RuneCountInString(bar)
			fmt.Fprintf(b, "%s  %-*s  %s%s  %*s\n", year, nw, s.name, c.paint(si, bar), strings.Repeat(" ", pad), vw, formatValue(v))
		}
	}
}

// barString returns a bar n characters long, drawn with eighth blocks
// when fill is the full block.
func barString(n float64, fill rune) string {
	whole := int(n)
	s := strings.Repeat(string(fill), whole)
	if fill != '█' {
		if whole == 0 && n > 0 {
			return string(fill)
		}
		return s
	}
	eighths := int(math.Round((n - float64(whole)) * 8))
	if eighths == 8 {
		return s + "█"
	}
	if eighths > 0 {
		s += string([]rune("▏▎▍▌▋▊▉")[eighths-1])
	} else if whole == 0 && n > 0 {
		s = "▏"
	}
	return s
}

// niceTicks returns about n+1 round values covering [lo, hi], in steps
// of 1, 2 or 5 times a power of ten.
func niceTicks(lo, hi float64, n int) []float64 {
	if lo == hi {
		if lo == 0 {
			return []float64{0, 1}
		}
		d := math.Abs(lo) / 2
		lo, hi = lo-d, hi+d
	}
	if lo > 0 && lo < (hi-lo)/2 {
		lo = 0 // start at zero when it costs little
	}
	raw := (hi - lo) / float64(n)
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	step := mag
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		if m*mag >= raw {
			step = m * mag
			break
		}
	}
	start := math.Floor(lo/step) * step
	var ticks []float64
	for i := 0.0; len(ticks) < 50; i++ {
		t := math.Round(start/step+i) * step
		ticks = append(ticks, t)
		if t >= hi-step*1e-9 {
			break
		}
	}
	if len(ticks) < 2 {
		ticks = append(ticks, start+step)
	}
	return ticks
}

// formatTick formats a tick with as few decimals as its neighbours need,
// scaled to thousands, millions... when large.
func formatTick(t float64, ticks []float64) string {
	step := math.Abs(ticks[1] - ticks[0])
	top := max(math.Abs(ticks[0]), math.Abs(ticks[len(ticks)-1]))
	div, suffix := 1.0, ""
	switch {
	case top >= 1e12:
		div, suffix = 1e12, "T"
	case top >= 1e9:
		div, suffix = 1e9, "B"
	case top >= 1e6:
		div, suffix = 1e6, "M"
	case top >= 1e4:
		div, suffix = 1e3, "K"
	}
	decimals := 0
	for s := step / div; s < 1 && decimals < 6 && s > 0; s *= 10 {
		decimals++
	}
	if math.Abs(step/div*math.Pow(10, float64(decimals))-math.Round(step/div*math.Pow(10, float64(decimals)))) > 1e-9 {
		decimals++
	}
	return strconv.FormatFloat(t/div, 'f', decimals, 64) + suffix
}

// formatValue formats a value as query tables do.
func formatValue(v float64) string { return almanac.FormatNumber(v, true) }
