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
	"slices"
	"strconv"
	"strings"
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
	// TSV is CSV's records separated by tabs, without quoting: tabs and
	// line breaks in values become spaces.
	TSV
	// Markdown is the table as a Markdown (GitHub) table, for pasting
	// into documents, followed by its notes.
	Markdown
	// Line is one record per block, a "name = value" line per field,
	// every field included (the sentence of a fact): the expanded view.
	Line
)

var formatNames = [...]string{"table", "json", "jsonl", "csv", "tsv", "markdown", "line"}

// FormatNames returns the names of the output formats, in order.
func FormatNames() []string { return slices.Clone(formatNames[:]) }

// String returns the format's name.
func (f Format) String() string {
	if int(f) < len(formatNames) {
		return formatNames[f]
	}
	return "format(" + strconv.Itoa(int(f)) + ")"
}

// ParseFormat returns the format named s: table, json, jsonl, csv, tsv,
// markdown or line (case-insensitively; also "text" for table, "ndjson"
// for jsonl, "tabs" for tsv, "md" for markdown, "lines" for line).
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
	case "tsv", "tabs":
		return TSV, nil
	case "markdown", "md":
		return Markdown, nil
	case "line", "lines":
		return Line, nil
	}
	return 0, fmt.Errorf("unknown format %q (want table, json, jsonl, csv, tsv, markdown or line)", s)
}

// WriteOptions tunes Result.Write.
type WriteOptions struct {
	// MaxRows cuts tables after this many rows, with a line saying how
	// many were left out; 0 writes all. Machine formats are never cut.
	MaxRows int
	// Color marks conflicts, headers and the number in a sentence with
	// ANSI escapes instead of plain characters.
	Color bool
	// MaxLines, if positive, cuts tables so that the whole output
	// (title, header, rows, notes and the line saying rows were left
	// out) fits in that many screen lines.
	MaxLines int
	// Width, if positive, is the terminal width: tables fit it (see
	// Write) and notes wrap at it.
	Width int
	// NoHeaders leaves out the header lines of tables, csv and tsv.
	NoHeaders bool
	// Compact writes json as one line: the array of a result's records.
	// Several results written one after another are then JSON lines.
	Compact bool
}

// ANSI escapes used when WriteOptions.Color is set.
const (
	ansiBold  = "\x1b[1m"
	ansiDim   = "\x1b[2m"
	ansiRed   = "\x1b[31m"
	ansiReset = "\x1b[0m"
)

// conflictMark follows a conflicting value in tables.
const conflictMark = "!"

// Write writes the result to w in format f.
//
// Tables print the full value of every number with thousands separators
// (391,540,000,000), computed sums and averages to two decimals, growth
// rates as rounded to their inputs' precision, and units once: in the
// caption above a pivot when all of its figures share one, else in the
// column headers or a unit column. An empty cell is "-"; a figure whose
// sources disagree is followed by "!", which a note below the table
// explains. Sentences are left out of fact lists (show fact and the line
// format print them). With a Width, tables fit it: see table.go.
//
// JSON, JSONL, CSV and TSV write one record per row, keyed by column name; a
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
		err = r.writeJSON(bw, f == JSONL, o.Compact)
	case CSV:
		err = r.writeCSV(bw, o)
	case TSV:
		err = r.writeTSV(bw, o)
	case Markdown:
		err = r.writeMarkdown(ctx, bw, o)
	case Line:
		err = r.writeLines(bw, o)
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

func (r *Result) writeJSON(w *bufio.Writer, lines, compact bool) error {
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
		w.WriteByte('[')
		if !compact {
			w.WriteByte('\n')
		}
	}
	var buf []byte
	for i, row := range rows {
		buf = buf[:0]
		if !lines && !compact {
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
		if lines || !compact {
			buf = append(buf, '\n')
		}
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

func (r *Result) writeCSV(w *bufio.Writer, o WriteOptions) error {
	names, rows := r.records()
	cw := csv.NewWriter(w)
	if !o.NoHeaders {
		if err := cw.Write(names); err != nil {
			return fmt.Errorf("write result: %w", err)
		}
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

// tsvField replaces what would break a tab-separated record.
var tsvField = strings.NewReplacer("\t", " ", "\n", " ", "\r", " ")

func (r *Result) writeTSV(w *bufio.Writer, o WriteOptions) error {
	names, rows := r.records()
	if !o.NoHeaders {
		w.WriteString(strings.Join(names, "\t"))
		w.WriteByte('\n')
	}
	for _, row := range rows {
		for i, v := range row {
			if i > 0 {
				w.WriteByte('\t')
			}
			w.WriteString(tsvField.Replace(v.String()))
		}
		w.WriteByte('\n')
	}
	return nil
}

// mdCell escapes what would end a Markdown table cell.
var mdCell = strings.NewReplacer("|", "\\|", "\n", " ", "\r", " ")

// writeMarkdown writes the table people see (a pivot as its grid, with
// conflict marks and separators) as a Markdown table, then the notes.
// Results laid out in blocks (a fact in detail, a search, conflicts, a
// plan) are written as their records.
func (r *Result) writeMarkdown(ctx context.Context, w *bufio.Writer, o WriteOptions) error {
	var g *grid
	var err error
	switch r.Kind {
	case KindFacts, KindPivot, KindTable, KindCatalogue, KindDocument:
		g, err = r.newGrid(ctx, r.Columns, r.rows)
	default:
		names, rows := r.records()
		cols := make([]Column, len(names))
		for i, n := range names {
			cols[i] = Column{Name: n, Kind: Text}
		}
		trows := make([]Row, len(rows))
		for i, row := range rows {
			trows[i] = make(Row, len(row))
			for j, v := range row {
				trows[i][j] = textVal(v.String())
				if numericKind(v.Kind) {
					cols[j].Kind = v.Kind
					trows[i][j] = v
				}
			}
		}
		g, err = r.newGrid(ctx, cols, trows)
	}
	if err != nil {
		return err
	}
	line := func(cells []string) {
		w.WriteString("|")
		for _, c := range cells {
			w.WriteString(" " + mdCell.Replace(c) + " |")
		}
		w.WriteByte('\n')
	}
	line(g.headers)
	align := make([]string, len(g.headers))
	for j := range align {
		align[j] = "---"
		if g.right[j] {
			align[j] = "--:"
		}
	}
	line(align)
	for i, cells := range g.cells {
		out := slices.Clone(cells)
		for j := range out {
			if g.marks[i][j] {
				out[j] += conflictMark
			}
		}
		line(out)
	}
	if len(r.Notes) > 0 {
		w.WriteByte('\n')
		for _, n := range r.Notes {
			w.WriteString(n + "\n")
		}
	}
	return nil
}

// writeLines writes the expanded view: the title, then each record as a
// block of "name = value" lines (names right-aligned, numbers with
// separators, a conflict marked "!", long values wrapped at the width),
// blocks apart by a blank line, then the notes.
func (r *Result) writeLines(w *bufio.Writer, o WriteOptions) error {
	names, rows := r.records()
	if r.Title != "" {
		w.WriteString(r.Title + "\n\n")
	}
	if len(rows) == 0 {
		w.WriteString("(no rows)\n")
	}
	wide := 0
	for _, n := range names {
		wide = max(wide, textWidth(n))
	}
	indent := strings.Repeat(" ", wide+3)
	for i, row := range rows {
		if i > 0 {
			w.WriteByte('\n')
		}
		for j, v := range row {
			text := lineText(v)
			if v.Conflict && v.Kind != Null {
				text += conflictMark
			}
			var vals []string
			for _, part := range strings.Split(text, "\n") {
				vals = append(vals, wrapText(part, o.Width-len(indent), "")...)
			}
			fmt.Fprintf(w, "%*s = %s\n", wide, names[j], vals[0])
			for _, more := range vals[1:] {
				w.WriteString(indent + more + "\n")
			}
		}
	}
	if len(r.Notes) > 0 {
		w.WriteByte('\n')
		for _, n := range r.noteLines(o) {
			w.WriteString(n + "\n")
		}
	}
	return nil
}

// lineText formats a record's value for the line format: numbers with
// separators (years and IDs without), fact IDs with commas.
func lineText(v Value) string {
	switch v.Kind {
	case Number:
		return formatNumber(v.Num, v.Computed, false)
	case IDs:
		return joinIDs(v.IDs, ", ")
	}
	return v.String()
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
		// A computed figure (a growth rate) is rounded already, to the
		// precision of the figures it came from.
		return formatNumber(v.Fig.Value, false, c.Plain)
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

// FormatNumber formats a value as the tables show it, with thousands
// separators: a computed value (a sum, an average, a growth) to at most
// two decimals, a stored one in full.
func FormatNumber(v float64, computed bool) string { return formatNumber(v, computed, false) }
