package query

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Format is an output format of Result.Write.
type Format uint8

// The output formats.
const (
	// Table is aligned columns for people: numbers right-aligned with
	// thousands separators, "-" for empty cells, a mark on conflicts.
	Table Format = iota
	// JSON is an array of objects, one per row (per figure for pivots).
	JSON
	// JSONL is one JSON object per line.
	JSONL
	// CSV is a header line of column names, then one record per row.
	CSV
)

var formatNames = [...]string{"table", "json", "jsonl", "csv"}

// String returns the format's name.
func (f Format) String() string {
	if int(f) < len(formatNames) {
		return formatNames[f]
	}
	return "format(" + strconv.Itoa(int(f)) + ")"
}

// ParseFormat returns the format named s: table, json, jsonl or csv
// (case-insensitively; "text" is table and "ndjson" is jsonl).
func ParseFormat(s string) (Format, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "table", "text", "":
		return Table, nil
	case "json":
		return JSON, nil
	case "jsonl", "ndjson":
		return JSONL, nil
	case "csv":
		return CSV, nil
	}
	return 0, fmt.Errorf("unknown format %q (want table, json, jsonl or csv)", s)
}

// WriteOptions tunes Result.Write.
type WriteOptions struct {
	// MaxRows cuts tables after this many rows, with a line saying how
	// many were left out; 0 writes all. Machine formats are never cut.
	MaxRows int
	// Color marks conflicts, headers and the number in a sentence with
	// ANSI escapes instead of plain characters.
	Color bool
	// Width, if positive, is the terminal width: tables shorten their
	// widest text columns to fit it.
	Width int
}

// ANSI escapes used when WriteOptions.Color is set.
const (
	ansiBold  = "\x1b[1m"
	ansiRed   = "\x1b[31m"
	ansiReset = "\x1b[0m"
)

// conflictMark follows a conflicting value in tables.
const conflictMark = "!"

// Write writes the result to w in format f.
//
// Tables print the full value of every number with thousands separators
// (391,540,000,000), computed numbers (sums, averages, growth) to two
// decimals, and units once: in the caption above a pivot when all of its
// figures share one, else in the column headers or a unit column. An empty
// cell is "-"; a figure whose sources disagree is followed by "!", which a
// note below the table explains. Sentences are left out of fact lists
// (show fact prints them).
//
// JSON, JSONL and CSV write one record per row, keyed by column name; a
// pivot is written in long form, one record per figure with entity,
// metric, year, period, value, unit, qualifier, status, sources and
// conflict (and computed, for growth), then fact, the ID of the fact
// whose value is shown, and facts, the IDs of every fact behind the
// figure (a JSON array; in CSV separated by spaces). Aggregates carry
// facts too: the facts of the figures they combine.
func (r *Result) Write(w io.Writer, f Format, o WriteOptions) error {
	return r.WriteContext(context.Background(), w, f, o)
}

// WriteContext is Write, stopped with ctx's error (wrapped) once ctx is
// done: writing a million rows takes seconds.
func (r *Result) WriteContext(ctx context.Context, w io.Writer, f Format, o WriteOptions) error {
	bw := bufio.NewWriter(&ctxWriter{ctx: ctx, w: w})
	var err error
	switch f {
	case Table:
		err = r.writeTable(ctx, bw, o)
	case JSON, JSONL:
		err = r.writeJSON(bw, f == JSONL)
	case CSV:
		err = r.writeCSV(bw)
	default:
		return fmt.Errorf("unknown format %d", f)
	}
	if err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write result: %w", err)
	}
	return nil
}

// records returns the result as machine-format records: column names and
// values, the pivot in long form.
func (r *Result) records() ([]string, [][]Value) {
	if r.Kind != KindPivot {
		names := make([]string, len(r.Columns))
		for i, c := range r.Columns {
			names[i] = c.Name
		}
		rows := make([][]Value, len(r.rows))
		for i, row := range r.rows {
			rows[i] = row
		}
		return names, rows
	}
	names := []string{"entity", "metric", "year", "period", "value", "unit", "qualifier", "status", "sources", "conflict"}
	growth := r.rates
	if growth {
		names = append(names, "computed")
	}
	names = append(names, "fact", "facts")
	rows := make([][]Value, 0, len(r.figures))
	for _, f := range r.figures {
		rec := []Value{textVal(f.Entity), textVal(f.Metric), intVal(int64(f.Year)), textVal(f.Period.String()),
			numVal(f.Value), textVal(f.Unit), textVal(f.Qualifier.String()), textVal(f.Status.String()),
			intVal(int64(f.Sources)), boolVal(f.Conflict)}
		if growth {
			rec = append(rec, boolVal(f.Computed))
		}
		rec = append(rec, intVal(int64(f.Fact)), idsVal(f.Facts))
		rows = append(rows, rec)
	}
	return names, rows
}

func (r *Result) writeJSON(w *bufio.Writer, lines bool) error {
	names, rows := r.records()
	keys := make([][]byte, len(names))
	for i, n := range names {
		keys[i] = append(jsonString(n), ':')
	}
	if !lines {
		if len(rows) == 0 {
			w.WriteString("[]\n")
			return nil
		}
		w.WriteString("[\n")
	}
	var buf []byte
	for i, row := range rows {
		buf = buf[:0]
		if !lines {
			buf = append(buf, "  "...)
		}
		buf = append(buf, '{')
		for j, v := range row {
			if j > 0 {
				buf = append(buf, ',')
			}
			buf = append(buf, keys[j]...)
			buf = appendJSONValue(buf, v)
		}
		buf = append(buf, '}')
		if !lines && i < len(rows)-1 {
			buf = append(buf, ',')
		}
		buf = append(buf, '\n')
		if _, err := w.Write(buf); err != nil {
			return fmt.Errorf("write result: %w", err)
		}
	}
	if !lines {
		w.WriteString("]\n")
	}
	return nil
}

func jsonString(s string) []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s) // a string always encodes
	return bytes.TrimSuffix(b.Bytes(), []byte("\n"))
}

func appendJSONValue(buf []byte, v Value) []byte {
	switch v.Kind {
	case Int:
		return strconv.AppendInt(buf, v.Int, 10)
	case Number:
		return appendJSONFloat(buf, v.Num)
	case Fig:
		return appendJSONFloat(buf, v.Fig.Value)
	case Bool:
		return strconv.AppendBool(buf, v.Int != 0)
	case Text:
		return append(buf, jsonString(v.Str)...)
	case IDs:
		buf = append(buf, '[')
		for i, id := range v.IDs {
			if i > 0 {
				buf = append(buf, ',')
			}
			buf = strconv.AppendUint(buf, id, 10)
		}
		return append(buf, ']')
	}
	return append(buf, "null"...)
}

func appendJSONFloat(buf []byte, f float64) []byte {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return append(buf, "null"...)
	}
	if a := math.Abs(f); a != 0 && (a < 1e-6 || a >= 1e21) {
		return strconv.AppendFloat(buf, f, 'g', -1, 64)
	}
	return strconv.AppendFloat(buf, f, 'f', -1, 64)
}

func (r *Result) writeCSV(w *bufio.Writer) error {
	names, rows := r.records()
	cw := csv.NewWriter(w)
	if err := cw.Write(names); err != nil {
		return fmt.Errorf("write result: %w", err)
	}
	rec := make([]string, len(names))
	for _, row := range rows {
		for i, v := range row {
			rec[i] = v.String()
		}
		if err := cw.Write(rec); err != nil {
			return fmt.Errorf("write result: %w", err)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("write result: %w", err)
	}
	return nil
}

// formatFloat formats f in full, without exponent or separators.
func formatFloat(f float64) string {
	if a := math.Abs(f); a != 0 && (a < 1e-6 || a >= 1e21) {
		return strconv.FormatFloat(f, 'g', -1, 64)
	}
	return strconv.FormatFloat(f, 'f', -1, 64)
}

// formatNumber formats f for a table: computed numbers to two decimals
// (trailing zeros dropped), stored ones in full; with thousands
// separators unless plain.
func formatNumber(f float64, computed, plain bool) string {
	var s string
	if computed {
		s = strconv.FormatFloat(f, 'f', 2, 64)
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
		if s == "-0" {
			s = "0"
		}
	} else {
		s = formatFloat(f)
	}
	if plain || strings.ContainsAny(s, "eE") {
		return s
	}
	return group(s)
}

// group inserts thousands separators into the integer part of s.
func group(s string) string {
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	}
	intPart, frac, hasFrac := strings.Cut(s, ".")
	if len(intPart) <= 3 {
		return sign + s
	}
	var b strings.Builder
	b.WriteString(sign)
	pre := len(intPart) % 3
	if pre > 0 {
		b.WriteString(intPart[:pre])
	}
	for i := pre; i < len(intPart); i += 3 {
		if b.Len() > len(sign) {
			b.WriteByte(',')
		}
		b.WriteString(intPart[i : i+3])
	}
	if hasFrac {
		b.WriteByte('.')
		b.WriteString(frac)
	}
	return b.String()
}

// cellText formats a value for a table column.
func cellText(c *Column, v Value) string {
	switch v.Kind {
	case Null:
		return "-"
	case Int:
		if c.Plain {
			return strconv.FormatInt(v.Int, 10)
		}
		return group(strconv.FormatInt(v.Int, 10))
	case Number:
		return formatNumber(v.Num, v.Computed, c.Plain)
	case Fig:
		return formatNumber(v.Fig.Value, v.Computed, c.Plain)
	case Bool:
		if v.Int != 0 {
			return "yes"
		}
		return "no"
	case IDs:
		return joinIDs(v.IDs, ",")
	}
	return v.Str
}

func numericKind(k ValueKind) bool { return k == Int || k == Number || k == Fig }

// grid is a table being laid out.
type grid struct {
	headers []string
	right   []bool
	cells   [][]string
	marks   [][]bool // conflict marks
	marked  []bool   // columns with any mark
}

// ctxWriter fails writes once ctx is done.
type ctxWriter struct {
	ctx context.Context
	w   io.Writer
}

func (w *ctxWriter) Write(p []byte) (int, error) {
	if err := w.ctx.Err(); err != nil {
		return 0, fmt.Errorf("query stopped: %w", err)
	}
	return w.w.Write(p)
}

// smallGrid lays out the few rows of a fact's or a search's detail.
func (r *Result) smallGrid(cols []Column, rows []Row) *grid {
	g, _ := r.newGrid(context.Background(), cols, rows) // fails only when its context is done
	return g
}

// newGrid lays out rows in cols; ctx stops it (tables of a million rows
// take seconds to lay out).
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

// write lays the grid out, each line prefixed by indent.
func (g *grid) write(w *bufio.Writer, indent string, o WriteOptions) {
	n := len(g.headers)
	width := make([]int, n)
	for j, h := range g.headers {
		width[j] = utf8.RuneCountInString(h)
	}
	for i, line := range g.cells {
		for j, s := range line {
			l := utf8.RuneCountInString(s)
			if g.marked[j] && g.right[j] {
				l++ // room for the mark
			}
			_ = i
			width[j] = max(width[j], l)
		}
	}
	if o.Width > 0 {
		g.fit(width, o.Width-len(indent))
	}
	cell := func(j int, s string, mark, header bool) string {
		s = truncate(s, width[j])
		pad := width[j] - utf8.RuneCountInString(s)
		m := ""
		if g.marked[j] && g.right[j] && !header {
			pad--
			m = " "
			if mark {
				m = conflictMark
				if o.Color {
					m = ansiRed + conflictMark + ansiReset
				}
			}
		} else if mark {
			s += conflictMark
		}
		if header && o.Color {
			s = ansiBold + s + ansiReset
		}
		if g.right[j] {
			return strings.Repeat(" ", max(pad, 0)) + s + m
		}
		if j == n-1 {
			return s + m
		}
		return s + m + strings.Repeat(" ", max(pad, 0))
	}
	var err error
	line := func(parts []string) {
		if err != nil {
			return
		}
		w.WriteString(indent)
		w.WriteString(strings.TrimRight(strings.Join(parts, "  "), " "))
		// bufio.Writer keeps the first write error (a closed pipe, a
		// cancelled context): stop laying out lines nobody will see.
		err = w.WriteByte('\n')
	}
	parts := make([]string, n)
	for j, h := range g.headers {
		parts[j] = cell(j, h, false, true)
	}
	line(parts)
	for j := range g.headers {
		parts[j] = strings.Repeat("-", width[j])
	}
	line(parts)
	for i, l := range g.cells {
		if err != nil {
			return
		}
		for j, s := range l {
			parts[j] = cell(j, s, g.marks[i][j], false)
		}
		line(parts)
	}
}

// fit narrows the widest left-aligned columns until the table fits in
// limit columns, keeping each at least 8 wide.
func (g *grid) fit(width []int, limit int) {
	total := func() int {
		t := 2 * (len(width) - 1)
		for _, w := range width {
			t += w
		}
		return t
	}
	for total() > limit {
		best := -1
		for j, w := range width {
			if !g.right[j] && w > 8 && (best < 0 || w > width[best]) {
				best = j
			}
		}
		if best < 0 {
			return
		}
		width[best] -= min(total()-limit, width[best]-8)
	}
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

func (r *Result) writeTable(ctx context.Context, w *bufio.Writer, o WriteOptions) error {
	switch r.Kind {
	case KindFact:
		r.writeFact(w, o)
	case KindPlan:
		for _, row := range r.rows {
			fmt.Fprintf(w, "%-10s %s\n", row[0].Str+":", row[1].Str)
		}
	case KindSearch:
		r.writeSearch(w, o)
	default:
		if r.Kind == KindDocument && r.Document != nil {
			d := r.Document
			fmt.Fprintf(w, "document %d: %s\n", d.ID, d.Source)
			for _, kv := range [][2]string{{"title", d.Title}, {"published", d.PublishedString()}, {"byline", d.Byline}, {"url", d.URL}} {
				if kv[1] != "" {
					fmt.Fprintf(w, "%-10s %s\n", kv[0]+":", kv[1])
				}
			}
			fmt.Fprintf(w, "%-10s %d\n", "facts:", d.NumFacts)
		} else if r.Title != "" {
			w.WriteString(r.Title)
			w.WriteByte('\n')
		}
		rows := r.rows
		if o.MaxRows > 0 && len(rows) > o.MaxRows {
			rows = rows[:o.MaxRows]
		}
		if len(r.rows) == 0 {
			w.WriteString("(no rows)\n")
		} else {
			g, err := r.newGrid(ctx, r.Columns, rows)
			if err != nil {
				return err
			}
			g.write(w, "", o)
		}
		if len(rows) < len(r.rows) {
			fmt.Fprintf(w, "... %d more rows not shown\n", len(r.rows)-len(rows))
		}
	}
	for _, n := range r.Notes {
		w.WriteString(n)
		w.WriteByte('\n')
	}
	return nil
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

func (r *Result) writeFact(w *bufio.Writer, o WriteOptions) {
	d := r.Detail
	if d == nil {
		return
	}
	f := &d.Fact
	kv := func(k, v string) { fmt.Fprintf(w, "%-10s %s\n", k+":", v) }
	fmt.Fprintf(w, "fact %d\n", f.ID)
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
		return
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
	w.WriteString("other sources:\n")
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
	r.smallGrid(cols, rows).write(w, "  ", o)
	if disagree {
		fmt.Fprintf(w, "%s differs from fact %d's value by more than 0.5 %%\n", conflictMark, f.ID)
	}
}

func (r *Result) writeSearch(w *bufio.Writer, o WriteOptions) {
	if r.Title != "" {
		w.WriteString(r.Title)
		w.WriteByte('\n')
	}
	cols := []Column{{Name: "id", Kind: Int, Plain: true}, {Name: "entity", Kind: Text}, {Name: "metric", Kind: Text},
		{Name: "year", Kind: Int, Plain: true}, {Name: "period", Kind: Text}, {Name: "value", Kind: Number}, {Name: "unit", Kind: Text}}
	shown := 0
	for i := 0; i < len(r.rows); {
		j := i + 1
		for j < len(r.rows) && r.rows[j][0].Str == r.rows[i][0].Str && r.rows[j][2].Str == r.rows[i][2].Str {
			j++
		}
		if o.MaxRows > 0 && shown >= o.MaxRows {
			fmt.Fprintf(w, "... %d more rows not shown\n", len(r.rows)-i)
			break
		}
		row := r.rows[i]
		head := row[0].Str
		if row[1].Str != "" {
			head += " (" + row[1].Str + ")"
		}
		fmt.Fprintf(w, "\n%s: %s\n", head, row[2].Str)
		var facts []Row
		for _, fr := range r.rows[i:j] {
			if fr[3].Kind != Null {
				facts = append(facts, fr[3:])
			}
		}
		if len(facts) > 0 {
			r.smallGrid(cols, facts).write(w, "  ", o)
		}
		shown += j - i
		i = j
	}
}
