package document

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// A Table is a block of figures a plain-text page lays out in columns,
// as results releases do:
//
//	                 2Q21           2Q20        YoY% Change
//	Sales
//	  $ 4,100,000     $ 3,900,000       5.1 %
//	Gross Margin    30.2 %     28.8 %
//
// Its lines are in no paragraph: its figures have no sentence, and the
// extractor reads them by row and column instead.
type Table struct {
	// Span runs from the first header or row to the end of the last row.
	Span Span
	// Columns are the headers above the figures, left to right; a header
	// broken over lines ("YoY%" over "Change") is one column. A table
	// may have none.
	Columns []Column
	// Rows are the rows of figures, top to bottom.
	Rows []Row
	// Note is a line just above the table that says how its money
	// figures are scaled ("(in thousands of US dollars)"), or the zero
	// Span.
	Note Span
}

// A Column is one column header.
type Column struct {
	// Text is the header's words, the pieces of a header broken over
	// lines joined by single spaces.
	Text string
	// Span runs from the header's first piece to its last.
	Span Span
}

// A Row is one row of figures.
type Row struct {
	// Label is the row's name: the text before its figures on the same
	// line, or the line of text just above them.
	Label Span
	// Cells are the figures, left to right; the first belongs to the
	// first column. A row may have fewer cells than the table has
	// columns ("30.2 %  28.8 %" under three headers fills the first two).
	Cells []Span
}

// maxTableLabel is the longest row label or header piece, in bytes.
const maxTableLabel = 80

// cellSplit splits a line's text (trimmed) into cells: runs of text set
// apart by two or more spaces, or by a tab. It returns the cells' offsets
// within s.
func cellSplit(s string, out [][2]int) [][2]int {
	out = out[:0]
	start := -1
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == '\t' || r == ' ' || r == '\u00a0' {
			// A single space inside a cell; two or a tab end it.
			j := i + n
			wide := r == '\t'
			for j < len(s) {
				r2, n2 := utf8.DecodeRuneInString(s[j:])
				if r2 != ' ' && r2 != '\t' && r2 != '\u00a0' {
					break
				}
				wide = true
				j += n2
			}
			if wide && start >= 0 {
				out = append(out, [2]int{start, i})
				start = -1
			}
			i = j
			continue
		}
		if start < 0 {
			start = i
		}
		i += n
	}
	if start >= 0 {
		out = append(out, [2]int{start, len(s)})
	}
	return out
}

// figureCell reports whether a cell is one figure and nothing else: a
// number with its sign, currency symbol, percent sign or brackets
// ("$ 4,100,000", "-5.1 %", "(2.3)", "0.41"), or a dash that stands
// for none.
func figureCell(c string) bool {
	switch c {
	case "-", "–", "—", "n/a", "N/A", "NA", "nm", "NM":
		return true
	}
	s := strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(c, "("), ")"))
	for _, p := range []string{"US$", "HK$", "RMB", "$", "¥", "€", "£"} {
		if strings.HasPrefix(s, p) {
			s = strings.TrimSpace(s[len(p):])
			break
		}
	}
	s = strings.TrimPrefix(strings.TrimPrefix(strings.TrimPrefix(s, "-"), "−"), "+")
	s = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "%"))
	s = strings.TrimSuffix(s, ")")
	digits := 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			digits++
		case c == ',' || c == '.':
		default:
			return false
		}
	}
	return digits > 0
}

// labelText reports whether s can name a row or a column: short, with a
// letter, no sentence in it.
func labelText(s string) bool {
	if s == "" || len(s) > maxTableLabel || strings.HasSuffix(s, ".") && !strings.HasSuffix(s, "Inc.") {
		return false
	}
	for _, r := range s {
		if unicode.IsLetter(r) {
			return countWords(s) <= 10
		}
	}
	return false
}

// tables finds the tables of a plain-text page and marks their lines.
// A table needs two rows of at least two figures each, close together.
// Rows are lines of figures set apart by wide spaces, each under a label
// line or with its label in front; headers are the short lines above the
// first row's label that name periods or changes ("1Q11", "2011", "YoY%",
// "Change"), one to a line or side by side.
func (p *page) tables() []Table {
	var out []Table
	var cells [][2]int
	isRow := func(l *line) (label [2]int, figs [][2]int, ok bool) {
		if l.kind != kindBody || l.hint != hintNone {
			return [2]int{}, nil, false
		}
		cells = cellSplit(l.text, cells)
		if len(cells) < 2 {
			return [2]int{}, nil, false
		}
		first := 0
		if c := cells[0]; !figureCell(l.text[c[0]:c[1]]) {
			if !labelText(l.text[c[0]:c[1]]) {
				return [2]int{}, nil, false
			}
			label, first = c, 1
		}
		if len(cells)-first < 2 {
			return [2]int{}, nil, false
		}
		if first == 0 && allYears(l.text, cells) {
			return [2]int{}, nil, false // "2021   2020": the headers
		}
		for _, c := range cells[first:] {
			if !figureCell(l.text[c[0]:c[1]]) {
				return [2]int{}, nil, false
			}
		}
		return label, append([][2]int(nil), cells[first:]...), true
	}
	// Whether each line is a row, worked out once: the scan below asks
	// of the same line up to three times.
	known := make([]int8, len(p.nb)) // 0 not yet, 1 a row, -1 none
	rowAt := func(k int) bool {
		if known[k] == 0 {
			known[k] = -1
			if _, _, ok := isRow(p.at(k)); ok {
				known[k] = 1
			}
		}
		return known[k] == 1
	}
	for k := 0; k < len(p.nb); k++ {
		if !rowAt(k) {
			continue
		}
		// A block of rows, each perhaps under its label line, with at
		// most one other line between rows.
		var t Table
		var used []int // the non-blank lines of the table
		j := k
		for j < len(p.nb) {
			l := p.at(j)
			label, figs, ok := isRow(l)
			if !ok {
				break
			}
			row := Row{}
			if label != [2]int{} {
				row.Label = Span{l.start + label[0], l.start + label[1]}
			} else if j > 0 && (len(used) == 0 || used[len(used)-1] != j-1) {
				if above := p.at(j - 1); above.kind == kindBody && labelText(above.text) && textOnly(above.text) && !headerPiece(above.text) {
					row.Label = Span{above.start, above.end}
					used = append(used, j-1)
				}
			}
			for _, c := range figs {
				row.Cells = append(row.Cells, Span{l.start + c[0], l.start + c[1]})
			}
			t.Rows = append(t.Rows, row)
			used = append(used, j)
			// The next row: right after, or after its label line.
			if j+1 < len(p.nb) {
				if rowAt(j + 1) {
					j++
					continue
				}
			}
			if j+2 < len(p.nb) {
				if rowAt(j + 2) {
					if nl := p.at(j + 1); nl.kind == kindBody && labelText(nl.text) && textOnly(nl.text) {
						j += 2
						continue
					}
				}
			}
			break
		}
		if len(t.Rows) < 2 {
			continue
		}
		// The headers: header pieces above the first row (and its label),
		// one per line or side by side on one line.
		top := used[0]
		var pieces []Span
		h := top - 1
		for ; h >= 0 && top-h <= 12; h-- {
			l := p.at(h)
			if l.kind != kindBody || l.hint != hintNone {
				break
			}
			cs := cellSplit(l.text, nil)
			all := len(cs) > 0
			for _, c := range cs {
				if !headerPiece(l.text[c[0]:c[1]]) {
					all = false
				}
			}
			if !all {
				break
			}
			var line []Span
			for _, c := range cs {
				line = append(line, Span{l.start + c[0], l.start + c[1]})
			}
			pieces = append(line, pieces...)
			used = append(used, h)
		}
		t.Columns = joinHeaders(p.text, pieces)
		if h >= 0 && scaleNote(p.at(h).text) {
			t.Note = Span{p.at(h).start, p.at(h).end}
			used = append(used, h)
		}
		start := p.at(top).start
		if len(pieces) > 0 {
			start = pieces[0].Start
		}
		last := t.Rows[len(t.Rows)-1].Cells
		t.Span = Span{start, last[len(last)-1].End}
		for _, u := range used {
			if l := p.at(u); l.kind == kindBody {
				l.kind, l.rule = kindTable, "table"
			}
		}
		out = append(out, t)
		k = j
	}
	return out
}

// allYears reports whether every cell is a year, 1900 to 2099, as a
// header line of years is.
func allYears(s string, cells [][2]int) bool {
	for _, c := range cells {
		v := s[c[0]:c[1]]
		if len(v) != 4 || !(strings.HasPrefix(v, "19") || strings.HasPrefix(v, "20")) || strings.Trim(v, "0123456789") != "" {
			return false
		}
	}
	return true
}

// headerPiece reports whether s can be (part of) a column header: a
// period ("1Q11", "Q1 2011", "2011", "FY2011", "Three Months Ended March
// 31, 2011"), or the words of a change ("YoY%", "% Change", "Change",
// "Growth", "y/y").
func headerPiece(s string) bool {
	if s == "" || len(s) > maxTableLabel {
		return false
	}
	if changeWords(s) && countWords(s) <= 3 && !strings.ContainsAny(s, "0123456789") {
		return true
	}
	digits, letters := 0, 0
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case unicode.IsLetter(r):
			letters++
		case r == ' ' || r == '-' || r == '/' || r == '.' || r == ',' || r == '%':
		default:
			return false
		}
	}
	if digits < 2 || figureCell(s) && !(digits == 4 && letters == 0 && !strings.ContainsAny(s, ",.%")) {
		return false
	}
	if letters <= 3 {
		return true // "1Q11", "Q1 2011", "2011", "FY11"
	}
	low := strings.ToLower(s)
	for _, w := range []string{"quarter", "months", "year", "ended", "half", "fiscal", "target", "plan", "forecast", "estimate", "budget", "guidance", "outlook"} {
		if strings.Contains(low, w) {
			return true
		}
	}
	return false
}

// textOnly reports whether no cell of s is a figure: a label line, even
// one with wide spaces inside ("Diluted EPS  Attributable to ...").
func textOnly(s string) bool {
	for _, c := range cellSplit(s, nil) {
		if figureCell(s[c[0]:c[1]]) {
			return false
		}
	}
	return true
}

// joinHeaders makes columns of header pieces in reading order: a piece
// that names no period of its own ("Change" under "YoY%") continues the
// column before it when that one names a change too.
func joinHeaders(text string, pieces []Span) []Column {
	var out []Column
	for _, p := range pieces {
		s := text[p.Start:p.End]
		if n := len(out); n > 0 && changeWords(s) && !periodWords(s) && changeWords(out[n-1].Text) && !periodWords(out[n-1].Text) {
			out[n-1].Text += " " + s
			out[n-1].Span.End = p.End
			continue
		}
		out = append(out, Column{Text: s, Span: p})
	}
	return out
}

// changeWords reports whether a header names a change.
func changeWords(s string) bool {
	low := strings.ToLower(s)
	for _, w := range []string{"change", "growth", "yoy", "y/y", "y-o-y", "%", "increase", "decrease"} {
		if strings.Contains(low, w) {
			return true
		}
	}
	return false
}

// periodWords reports whether a header holds a digit (a year or a
// quarter's number).
func periodWords(s string) bool { return strings.ContainsAny(s, "0123456789") }

// scaleNote reports whether a line says its table's money is in
// thousands or millions.
func scaleNote(s string) bool {
	low := strings.ToLower(s)
	return len(s) <= 120 && (strings.Contains(low, "in thousands") || strings.Contains(low, "in millions") || strings.Contains(low, "in billions"))
}
