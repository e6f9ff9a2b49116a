package query

import (
	"bufio"
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/almanacdb/almanac/store/vocab"
)

// Tables for people. A table is laid out as lines, so that it can be fitted
// to the terminal (WriteOptions.Width) and cut to a screenful counted in
// screen lines (WriteOptions.MaxLines).
//
// A table wider than the terminal gives up width in this order: the long
// free-text columns (document, title, aliases) shrink to a minimum, cut
// with "…"; the columns a reader misses least (qualifier, published, then
// document) are dropped, and a line under the table names them; the names
// that remain (entity, metric...) wrap inside their cells, never cut; a
// pivot is transposed when that fits, or shows the value columns that fit
// and says how many it hides.

func numericKind(k ValueKind) bool { return k == Int || k == Number || k == Fig }

// fitPolicy says how a table gives up width.
type fitPolicy struct {
	// shrink maps free-text columns to the width they may shrink to.
	shrink map[string]int
	// drop lists the columns that may be left out, first to go first.
	drop []string
	// fold lists the columns that, when all their cells are equal, may
	// be said once under the table instead.
	fold []string
}

// factsPolicy fits lists of facts and most tables; cataloguePolicy keeps
// a catalogue's names and titles, which are what it lists.
var (
	factsPolicy = fitPolicy{
		shrink: map[string]int{"document": 12, "title": 16, "aliases": 12},
		drop:   []string{"qualifier", "published", "document"},
		fold:   []string{"status", "period", "unit"},
	}
	cataloguePolicy = fitPolicy{shrink: map[string]int{"aliases": 12}}
)

// minWrap is the narrowest a wrapped column gets.
const minWrap = 10

// grid is a table being laid out.
type grid struct {
	names   []string // column names, which the fit policy goes by
	headers []string
	right   []bool
	cells   [][]string
	marks   [][]bool // conflict marks
	marked  []bool   // columns with any mark
	width   []int    // content widths, set by layout
	cut     []bool   // columns cut with "…" rather than wrapped
	dropped []string // columns left out to fit
	folded  []string // "status actual": columns said once, under the table
	noHead  bool
}

// smallGrid lays out the few rows of a fact's detail, a search's
// sentence or a conflict's figure.
func (r *Result) smallGrid(cols []Column, rows []Row) *grid {
	g, _ := r.newGrid(context.Background(), cols, rows) // fails only when its context is done
	return g
}

// newGrid lays out rows in cols; ctx stops it (a table of a million rows
// takes seconds to lay out).
func (r *Result) newGrid(ctx context.Context, cols []Column, rows []Row) (*grid, error) {
	var idx []int
	for i, c := range cols {
		if !c.Detail {
			idx = append(idx, i)
		}
	}
	units := map[string]bool{}
	for _, c := range cols {
		if c.Kind == Fig {
			units[c.Unit] = true
		}
	}
	g := &grid{marked: make([]bool, len(idx))}
	for _, i := range idx {
		c := cols[i]
		h := c.Name
		if c.Kind == Fig && len(units) > 1 && c.Unit != "" {
			h += " (" + c.Unit + ")"
		}
		g.names = append(g.names, c.Name)
		g.headers = append(g.headers, h)
		g.right = append(g.right, numericKind(c.Kind))
	}
	for n, row := range rows {
		if n%checkEvery == checkEvery-1 {
			if err := ctx.Err(); err != nil {
				return nil, fmt.Errorf("query stopped: %w", err)
			}
		}
		line := make([]string, len(idx))
		marks := make([]bool, len(idx))
		for j, i := range idx {
			v := row[i]
			line[j] = cellText(&cols[i], v)
			if v.Conflict && v.Kind != Null {
				marks[j] = true
				g.marked[j] = true
			}
		}
		g.cells = append(g.cells, line)
		g.marks = append(g.marks, marks)
	}
	return g, nil
}

// natural returns the columns' widths with nothing shortened.
func (g *grid) natural() []int {
	width := make([]int, len(g.headers))
	for j, h := range g.headers {
		width[j] = textWidth(h)
		if g.noHead {
			width[j] = 1
		}
	}
	for _, line := range g.cells {
		for j, s := range line {
			l := textWidth(s)
			if g.marked[j] && g.right[j] {
				l++ // room for the mark
			}
			width[j] = max(width[j], l)
		}
	}
	return width
}

func total(width []int) int {
	t := 2 * max(len(width)-1, 0)
	for _, w := range width {
		t += w
	}
	return t
}

// layout sets the columns' widths, fitting them in limit columns (no
// limit when limit <= 0) by the policy.
func (g *grid) layout(limit int, pol fitPolicy) {
	g.width = g.natural()
	g.cut = make([]bool, len(g.width))
	if limit <= 0 || total(g.width) <= limit {
		return
	}
	// Shrink the free-text columns, widest first.
	for total(g.width) > limit {
		best := -1
		for j, w := range g.width {
			if m, ok := pol.shrink[g.names[j]]; ok && !g.right[j] && w > m && (best < 0 || w > g.width[best]) {
				best = j
			}
		}
		if best < 0 {
			break
		}
		g.width[best] -= min(total(g.width)-limit, g.width[best]-pol.shrink[g.names[best]])
		g.cut[best] = true
	}
	// Drop the columns readers miss least.
	for _, name := range pol.drop {
		if total(g.width) <= limit {
			break
		}
		if j := slices.Index(g.names, name); j >= 0 && len(g.names) > 2 {
			g.remove(j)
			g.dropped = append(g.dropped, name)
		}
	}
	// Fold the short columns whose every cell is the same into a line
	// under the table.
	for _, name := range pol.fold {
		if total(g.width) <= limit {
			break
		}
		if j := slices.Index(g.names, name); j >= 0 && g.constant(j) {
			g.folded = append(g.folded, name+" "+g.cells[0][j])
			g.remove(j)
		}
	}
	// Wrap the widest text columns inside their cells, a column at a
	// time, so that the widths even out.
	for total(g.width) > limit {
		best := -1
		for j, w := range g.width {
			if !g.right[j] && !g.cut[j] && w > minWrap && (best < 0 || w > g.width[best]) {
				best = j
			}
		}
		if best < 0 {
			return
		}
		g.width[best]--
	}
}

// constant reports whether every cell of column j is the same, without
// a conflict mark.
func (g *grid) constant(j int) bool {
	for i := range g.cells {
		if g.cells[i][j] != g.cells[0][j] || g.marks[i][j] {
			return false
		}
	}
	return len(g.cells) > 0
}

// remove drops column j.
func (g *grid) remove(j int) {
	del := func(s []string) []string { return slices.Delete(s, j, j+1) }
	g.names, g.headers = del(g.names), del(g.headers)
	g.right = slices.Delete(g.right, j, j+1)
	g.marked = slices.Delete(g.marked, j, j+1)
	if g.width != nil {
		g.width = slices.Delete(g.width, j, j+1)
		g.cut = slices.Delete(g.cut, j, j+1)
	}
	for i := range g.cells {
		g.cells[i] = del(g.cells[i])
		g.marks[i] = slices.Delete(g.marks[i], j, j+1)
	}
}

// chunks returns the lines cell s of column j takes at its width.
func (g *grid) chunks(j int, s string, mark bool) []string {
	w := g.width[j]
	if g.marked[j] && g.right[j] || mark {
		w-- // the mark's place
	}
	if textWidth(s) <= w || g.right[j] {
		return []string{s}
	}
	if g.cut[j] {
		return []string{truncate(s, w)}
	}
	return wrapWord(s, max(w, 1))
}

// height returns the screen lines of row i.
func (g *grid) height(i int) int {
	h := 1
	for j, s := range g.cells[i] {
		h = max(h, len(g.chunks(j, s, g.marks[i][j] && !g.right[j])))
	}
	return h
}

// headLines is the number of lines the header takes.
func (g *grid) headLines() int {
	if g.noHead {
		return 0
	}
	return 2
}

// render returns the header and the first n rows, each line prefixed by
// indent.
func (g *grid) render(indent string, n int, o WriteOptions) []string {
	out, _ := g.renderContext(context.Background(), indent, n, o) // fails only when its context is done
	return out
}

// renderContext is render, stopped with ctx's error (wrapped) once ctx
// is done.
func (g *grid) renderContext(ctx context.Context, indent string, n int, o WriteOptions) ([]string, error) {
	var out []string
	line := func(parts []string) {
		out = append(out, indent+strings.TrimRight(strings.Join(parts, "  "), " "))
	}
	last := len(g.headers) - 1
	pad := func(j int, s string, mark string, header bool) string {
		p := g.width[j] - textWidth(s) - textWidth(stripANSI(mark))
		if header && o.Color {
			s = ansiBold + s + ansiReset
		}
		if g.right[j] {
			return strings.Repeat(" ", max(p, 0)) + s + mark
		}
		if j == last {
			return s + mark
		}
		return s + mark + strings.Repeat(" ", max(p, 0))
	}
	parts := make([]string, len(g.headers))
	if !g.noHead {
		for j, h := range g.headers {
			parts[j] = pad(j, truncate(h, g.width[j]), "", true)
		}
		line(parts)
		for j := range g.headers {
			parts[j] = strings.Repeat("-", g.width[j])
		}
		line(parts)
	}
	markText := conflictMark
	if o.Color {
		markText = ansiRed + conflictMark + ansiReset
	}
	for i := range min(n, len(g.cells)) {
		if i%checkEvery == checkEvery-1 {
			if err := ctx.Err(); err != nil {
				return nil, fmt.Errorf("query stopped: %w", err)
			}
		}
		cells := make([][]string, len(g.headers))
		h := 1
		for j, s := range g.cells[i] {
			cells[j] = g.chunks(j, s, g.marks[i][j] && !g.right[j])
			h = max(h, len(cells[j]))
		}
		for k := range h {
			for j := range g.headers {
				s := ""
				if k < len(cells[j]) {
					s = cells[j][k]
				}
				mark := ""
				switch {
				case g.marks[i][j] && k == len(cells[j])-1:
					mark = markText
				case g.marked[j] && g.right[j]:
					mark = " "
				}
				parts[j] = pad(j, s, mark, false)
			}
			line(parts)
		}
	}
	return out, nil
}

// fitLines say what was left out of g to fit the width: the columns
// folded (the same in every row) and those dropped.
func (g *grid) fitLines(width int) []string {
	var out []string
	if len(g.folded) > 0 {
		out = append(out, "(every row: "+strings.Join(g.folded, ", ")+")")
	}
	if len(g.dropped) > 0 {
		out = append(out, fmt.Sprintf("(%s left out to fit %d columns: .mode line shows all)", joinAnd(g.dropped), width))
	}
	return out
}

// joinAnd joins words as "a", "a and b", "a, b and c".
func joinAnd(words []string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " and " + words[len(words)-1]
}

// truncate shortens s to n runes, ending it with "…" if cut.
func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	if n < 1 {
		return ""
	}
	rs := []rune(s)
	return string(rs[:n-1]) + "…"
}

// textWidth is the number of terminal columns s takes, a rune each.
func textWidth(s string) int { return utf8.RuneCountInString(s) }

// stripANSI removes the colour escapes this package writes.
func stripANSI(s string) string {
	for _, e := range []string{ansiBold, ansiRed, ansiReset, ansiDim} {
		s = strings.ReplaceAll(s, e, "")
	}
	return s
}

// wrapWord breaks a name or title into lines of at most n runes, after
// the last "_", "-", "/" or space that fits, inside a word where none
// does.
func wrapWord(s string, n int) []string {
	var out []string
	rs := []rune(s)
	for len(rs) > n {
		cut := n
		for k := n; k > 1; k-- {
			if strings.ContainsRune("_-/ ", rs[k-1]) {
				cut = k
				break
			}
		}
		out = append(out, strings.TrimRight(string(rs[:cut]), " "))
		rs = rs[cut:]
		for len(rs) > 0 && rs[0] == ' ' {
			rs = rs[1:]
		}
	}
	return append(out, string(rs))
}

// wrapText breaks prose into lines of at most width runes at spaces,
// indenting the lines after the first by indent; width <= 0 keeps it
// whole.
func wrapText(s string, width int, indent string) []string {
	if width <= 0 || textWidth(s) <= width {
		return []string{s}
	}
	var out []string
	line := ""
	for _, word := range strings.Fields(s) {
		switch {
		case line == "":
			line = word
		case textWidth(line)+1+textWidth(word) <= width:
			line += " " + word
		default:
			out = append(out, line)
			line = indent + word
		}
	}
	return append(out, line)
}

// noteLines returns the notes, wrapped to the width.
func (r *Result) noteLines(o WriteOptions) []string {
	var out []string
	for _, n := range r.Notes {
		out = append(out, wrapText(n, o.Width, "  ")...)
	}
	return out
}

// writeTable writes the result as a table; ctx stops it.
func (r *Result) writeTable(ctx context.Context, w *bufio.Writer, o WriteOptions) error {
	var lines []string
	var err error
	switch r.Kind {
	case KindFact:
		lines = r.factLines(o)
	case KindPlan:
		for _, row := range r.rows {
			lines = append(lines, wrapText(fmt.Sprintf("%-10s %s", row[0].Str+":", row[1].Str), o.Width, strings.Repeat(" ", 11))...)
		}
		lines = append(lines, r.noteLines(o)...)
	case KindSearch, KindConflicts:
		lines = r.groupedLines(o)
	default:
		if lines, err = r.gridLines(ctx, o); err != nil {
			return err
		}
	}
	for _, l := range lines {
		w.WriteString(l)
		// bufio.Writer keeps the first write error (a closed pipe, a
		// cancelled context): stop writing lines nobody will see.
		if err := w.WriteByte('\n'); err != nil {
			return err
		}
	}
	return nil
}

// rowBudget returns how many of a grid's rows to show, given the lines
// the rest of the output takes.
func rowBudget(o WriteOptions, g *grid, fixed int) int {
	n := len(g.cells)
	if o.MaxRows > 0 {
		n = min(n, o.MaxRows)
	}
	if o.MaxLines <= 0 {
		return n
	}
	used := fixed + g.headLines()
	for i := range n {
		more := 0
		if i < len(g.cells)-1 {
			more = 1 // the line that says rows are left out
		}
		if used+g.height(i)+more > o.MaxLines {
			return max(i, 1)
		}
		used += g.height(i)
	}
	return n
}

// gridLines lays out the kinds that are one grid: facts, pivots, tables,
// catalogues, a document and its facts.
func (r *Result) gridLines(ctx context.Context, o WriteOptions) ([]string, error) {
	var head []string
	if r.Kind == KindDocument && r.Document != nil {
		d := r.Document
		head = append(head, fmt.Sprintf("document %d: %s", d.ID, d.Source))
		for _, kv := range [][2]string{{"title", d.Title}, {"published", d.PublishedString()}, {"byline", d.Byline}, {"url", d.URL}} {
			if kv[1] != "" {
				head = append(head, wrapText(fmt.Sprintf("%-10s %s", kv[0]+":", kv[1]), o.Width, strings.Repeat(" ", 11))...)
			}
		}
		head = append(head, fmt.Sprintf("%-10s %d", "facts:", d.NumFacts))
	} else if r.Title != "" {
		head = append(head, wrapText(r.Title, o.Width, "  ")...)
	}
	notes := r.noteLines(o)
	if len(r.rows) == 0 {
		return slices.Concat(head, []string{"(no rows)"}, notes), nil
	}
	pol := factsPolicy
	if r.Kind == KindCatalogue {
		pol = cataloguePolicy
	}
	// Lay out every row to find how many fit, then only those, so that
	// the widths are the shown rows'.
	build := func(rows int) (*grid, []string, error) {
		var g *grid
		var foot []string
		var err error
		if r.Kind == KindPivot {
			g, foot, err = r.pivotGrid(ctx, o, rows)
		} else {
			g, err = r.newGrid(ctx, r.Columns, r.rows[:rows])
		}
		if err != nil {
			return nil, nil, err
		}
		g.noHead = o.NoHeaders
		g.layout(o.Width, pol)
		var wrapped []string
		for _, l := range append(foot, g.fitLines(o.Width)...) {
			wrapped = append(wrapped, wrapText(l, o.Width, "  ")...)
		}
		return g, wrapped, nil
	}
	all := len(r.rows)
	if o.MaxRows > 0 && r.Kind != KindPivot { // a transposed pivot's rows are its columns
		all = min(all, o.MaxRows)
	}
	g, foot, err := build(all)
	if err != nil {
		return nil, err
	}
	n := rowBudget(o, g, len(head)+len(foot)+len(notes))
	rows := len(g.cells) // a transposed pivot's rows are its value columns
	if r.Kind != KindPivot {
		rows = len(r.rows)
		if n < all {
			if g, foot, err = build(n); err != nil {
				return nil, err
			}
		}
	}
	body, err := g.renderContext(ctx, "", n, o)
	if err != nil {
		return nil, err
	}
	lines := slices.Concat(head, body)
	if n < rows {
		lines = append(lines, fmt.Sprintf("... %d more rows not shown", rows-n))
	}
	return slices.Concat(lines, foot, notes), nil
}

// pivotGrid returns the grid of a pivot for the width: as it is if it
// fits, transposed if that fits (rows for the value columns) or is
// narrower, and with the value columns that do not fit left out,
// saying so in the lines it returns.
func (r *Result) pivotGrid(ctx context.Context, o WriteOptions, rows int) (*grid, []string, error) {
	g, err := r.newGrid(ctx, r.Columns, r.rows[:rows])
	if err != nil {
		return nil, nil, err
	}
	g.noHead = o.NoHeaders
	limit := o.Width
	if limit <= 0 || total(g.natural()) <= limit {
		return g, nil, nil
	}
	dims := 0
	for dims < len(r.Columns) && r.Columns[dims].Kind != Fig {
		dims++
	}
	if t := r.transposed(g, dims); t != nil {
		t.noHead = o.NoHeaders
		if tw := total(t.natural()); tw < total(g.natural()) {
			g, dims = t, 1
			if tw <= limit {
				return g, nil, nil
			}
		}
	}
	// Keep the label columns and the value columns that fit.
	width := g.natural()
	keep := dims
	for keep < len(width) && total(width[:keep+1]) <= limit {
		keep++
	}
	keep = max(keep, dims+1)
	if keep >= len(width) {
		return g, nil, nil
	}
	hidden := len(width) - keep
	for j := len(width) - 1; j >= keep; j-- {
		g.remove(j)
	}
	what := "columns"
	if r.colLabel != "" && g.names[0] != r.colLabel {
		what = r.colLabel + " columns"
	}
	return g, []string{fmt.Sprintf("(%d of %d %s shown to fit %d columns: .mode line shows all)",
		keep-dims, keep-dims+hidden, what, limit)}, nil
}

// transposed returns the pivot grid g with rows and value columns
// swapped (one row per value column, one column per row), or nil when
// the pivot has several row fields or its columns' units differ.
func (r *Result) transposed(g *grid, dims int) *grid {
	if dims != 1 {
		return nil
	}
	for j := dims; j < len(g.headers); j++ {
		if g.headers[j] != g.names[j] {
			return nil // a unit in the header: each column has its own
		}
	}
	label := r.colLabel
	if label == "" {
		label = "column"
	}
	t := &grid{names: []string{label}, headers: []string{label}, right: []bool{false}, marked: []bool{false}}
	for i := range g.cells {
		t.names = append(t.names, g.cells[i][0])
		t.headers = append(t.headers, g.cells[i][0])
		t.right = append(t.right, true)
		marked := false
		for j := dims; j < len(g.headers); j++ {
			marked = marked || g.marks[i][j]
		}
		t.marked = append(t.marked, marked)
	}
	for j := dims; j < len(g.headers); j++ {
		line := []string{g.headers[j]}
		marks := []bool{false}
		for i := range g.cells {
			line = append(line, g.cells[i][j])
			marks = append(marks, g.marks[i][j])
		}
		t.cells = append(t.cells, line)
		t.marks = append(t.marks, marks)
	}
	return t
}

// markNumber returns the sentence with the number marked: »1,180«, or in
// bold with Color.
func markNumber(s string, lo, hi int, color bool) string {
	if lo < 0 || hi > len(s) || lo > hi {
		return s
	}
	open, close := "»", "«"
	if color {
		open, close = ansiBold, ansiReset
	}
	return s[:lo] + open + s[lo:hi] + close + s[hi:]
}

// factLines lays out one fact in detail, with its other sources.
func (r *Result) factLines(o WriteOptions) []string {
	d := r.Detail
	if d == nil {
		return r.noteLines(o)
	}
	var out []string
	f := &d.Fact
	kv := func(k, v string) {
		out = append(out, wrapText(fmt.Sprintf("%-10s %s", k+":", v), o.Width, strings.Repeat(" ", 11))...)
	}
	out = append(out, fmt.Sprintf("fact %d", f.ID))
	kv("entity", f.Entity)
	kv("metric", f.Metric)
	kv("year", fmt.Sprintf("%d (period %s)", f.Year, f.Period))
	kv("value", fmt.Sprintf("%s %s (%s, %s)", formatNumber(f.Value, false, false), f.Unit, f.Qualifier, f.Status))
	doc := d.Document.Source
	if d.Document.Title != "" {
		doc += ", " + strconv.Quote(d.Document.Title)
	}
	if p := d.Document.PublishedString(); p != "" {
		doc += ", published " + p
	}
	kv("document", fmt.Sprintf("%d: %s", d.Document.ID, doc))
	kv("sentence", markNumber(f.Sentence, d.MarkStart, d.MarkEnd, o.Color))
	if len(d.Others) == 0 {
		kv("sources", "1 (no other fact states this figure)")
		return append(out, r.noteLines(o)...)
	}
	agree := "they agree within rounding (0.5 %)"
	if d.Figure.Conflict {
		agree = "they disagree by more than 0.5 %"
	}
	kv("sources", fmt.Sprintf("%d facts in %s state this figure; %s", len(d.Others)+1, plural(d.Figure.Sources, "document"), agree))
	if d.Shown {
		kv("shown", "this fact's value")
	} else {
		kv("shown", fmt.Sprintf("%s from fact %d (the latest published wins, then exact over approximate, then the latest ingested)",
			formatNumber(d.Figure.Value, false, false), d.Figure.Fact))
	}
	out = append(out, "other sources:")
	cols := []Column{{Name: "id", Kind: Int, Plain: true}, {Name: "document", Kind: Text}, {Name: "published", Kind: Text},
		{Name: "value", Kind: Number}, {Name: "qualifier", Kind: Text}, {Name: "shown", Kind: Text}}
	var rows []Row
	disagree := false
	for _, s := range d.Others {
		shown := ""
		if s.Shown {
			shown = "shown"
		}
		disagree = disagree || !s.Agrees
		rows = append(rows, Row{intVal(int64(s.Fact)), textVal(s.Document.Source), textVal(s.Document.PublishedString()),
			Value{Kind: Number, Num: s.Value, Conflict: !s.Agrees}, textVal(s.Qualifier.String()), textVal(shown)})
	}
	g := r.smallGrid(cols, rows)
	g.layout(o.Width-2, fitPolicy{shrink: factsPolicy.shrink})
	out = append(out, g.render("  ", len(rows), o)...)
	if disagree {
		out = append(out, fmt.Sprintf("%s differs from fact %d's value by more than 0.5 %%", conflictMark, f.ID))
	}
	return append(out, r.noteLines(o)...)
}

// groupedLines lays out the kinds whose rows come in groups under a
// heading: a search's sentences with their facts, and conflicts' figures
// with theirs. A screenful ends at a group's end.
func (r *Result) groupedLines(o WriteOptions) []string {
	var head []string
	if r.Title != "" {
		head = wrapText(r.Title, o.Width, "  ")
	}
	notes := r.noteLines(o)
	if r.Kind == KindConflicts && len(r.rows) == 0 {
		return slices.Concat(head, notes) // the title says there are none
	}
	out := head
	shown := 0
	budget := o.MaxLines - len(head) - len(notes)
	for i := 0; i < len(r.rows); {
		j := i + 1
		for j < len(r.rows) && r.sameGroup(r.rows[i], r.rows[j]) {
			j++
		}
		block := r.groupBlock(r.rows[i:j], o)
		more := 0
		if j < len(r.rows) {
			more = 1
		}
		if o.MaxRows > 0 && shown >= o.MaxRows || o.MaxLines > 0 && shown > 0 && len(out)-len(head)+len(block)+more > budget {
			out = append(out, fmt.Sprintf("... %d more rows not shown", len(r.rows)-i))
			break
		}
		out = append(out, block...)
		shown += j - i
		i = j
	}
	return append(out, notes...)
}

// sameGroup reports whether two rows belong to one group.
func (r *Result) sameGroup(a, b Row) bool {
	if r.Kind == KindSearch {
		return a[0].Str == b[0].Str && a[2].Str == b[2].Str // document, sentence
	}
	for _, c := range []int{ccEntity, ccMetric, ccYear, ccPeriod, ccStatus, ccUnit} {
		if compareValues(a[c], b[c]) != 0 {
			return false
		}
	}
	return true
}

// searchColumnsShown are the columns of a search's facts under their
// sentence.
var searchColumnsShown = []Column{{Name: "id", Kind: Int, Plain: true}, {Name: "entity", Kind: Text}, {Name: "metric", Kind: Text},
	{Name: "year", Kind: Int, Plain: true}, {Name: "period", Kind: Text}, {Name: "value", Kind: Number}, {Name: "unit", Kind: Text}}

// groupBlock lays out one group: its heading and its rows.
func (r *Result) groupBlock(rows []Row, o WriteOptions) []string {
	var out []string
	var g *grid
	if r.Kind == KindSearch {
		row := rows[0]
		head := row[0].Str
		if row[1].Str != "" {
			head += " (" + row[1].Str + ")"
		}
		out = append(out, "")
		out = append(out, wrapText(head+": "+row[2].Str, o.Width, "  ")...)
		var facts []Row
		for _, fr := range rows {
			if fr[3].Kind != Null {
				facts = append(facts, fr[3:])
			}
		}
		if len(facts) == 0 {
			return out
		}
		g = r.smallGrid(searchColumnsShown, facts)
	} else {
		out = append(out, "")
		out = append(out, wrapText(conflictHeading(rows), o.Width, "  ")...)
		cols := []Column{{Name: "id", Kind: Int, Plain: true}, {Name: "value", Kind: Number}, {Name: "qualifier", Kind: Text},
			{Name: "document", Kind: Text}, {Name: "published", Kind: Text}, {Name: "shown", Kind: Text}}
		var facts []Row
		for _, fr := range rows {
			shown := ""
			if fr[ccShown].Int != 0 {
				shown = "shown"
			}
			facts = append(facts, Row{fr[ccID], fr[ccValue], fr[ccQualifier], fr[ccDocument], fr[ccPublished], textVal(shown)})
		}
		g = r.smallGrid(cols, facts)
	}
	g.noHead = o.NoHeaders
	g.layout(o.Width-2, factsPolicy)
	out = append(out, g.render("  ", len(g.cells), o)...)
	for _, l := range g.fitLines(o.Width) {
		for _, w := range wrapText(l, o.Width-2, "  ") {
			out = append(out, "  "+w)
		}
	}
	return out
}

// conflictHeading describes a figure whose sources disagree, from its
// rows: who, what, when, the value shown and how far apart the values
// are.
func conflictHeading(rows []Row) string {
	first := rows[0]
	when := strconv.FormatInt(first[ccYear].Int, 10)
	if p := first[ccPeriod].Str; p != "year" {
		when += " " + p
	}
	if st := first[ccStatus].Str; st != "actual" {
		when += " (" + st + ")"
	}
	lo, hi := first[ccValue].Num, first[ccValue].Num
	for _, row := range rows {
		lo, hi = min(lo, row[ccValue].Num), max(hi, row[ccValue].Num)
	}
	apart := 0.0
	if m := max(abs64(lo), abs64(hi)); m > 0 {
		apart = (hi - lo) / m * 100
	}
	unit := ""
	if u := first[ccUnit].Str; u != vocab.Count.String() {
		unit = " " + u
	}
	return fmt.Sprintf("%s, %s, %s: %s%s shown; the sources' values lie %s %% apart (%s to %s)",
		first[ccEntity].Str, first[ccMetric].Str, when, formatNumber(first[ccValue].Num, false, false), unit,
		formatNumber(apart, true, false), formatNumber(lo, false, false), formatNumber(hi, false, false))
}
