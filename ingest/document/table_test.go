package document_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/almanacdb/almanac/ingest/document"
)

// laidTable is a table as text: its note, headers and rows.
type laidTable struct {
	Note    string
	Columns []string
	Rows    [][]string // label, then cells
}

func tablesOf(a document.Article) []laidTable {
	var out []laidTable
	for _, t := range a.Tables {
		lt := laidTable{Note: a.Text[t.Note.Start:t.Note.End]}
		for _, c := range t.Columns {
			lt.Columns = append(lt.Columns, c.Text)
		}
		for _, r := range t.Rows {
			row := []string{a.Text[r.Label.Start:r.Label.End]}
			for _, c := range r.Cells {
				row = append(row, a.Text[c.Start:c.End])
			}
			lt.Rows = append(lt.Rows, row)
		}
		out = append(out, lt)
	}
	return out
}

func TestTables(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		want  []laidTable
		paras []string
	}{
		{
			name: "headers one to a line, labels above their figures, a short row",
			text: "Jixi Pumps reports results\n\nJIXI, China, May 4, 2021 -- Jixi Pumps Inc. reported its results today.\n\n" +
				"Results at a glance\n\n2Q21\n\n2Q20\n\nYoY%\nChange\n\n" +
				"Sales\n  $ 4,100,000     $ 3,900,000      5.1 %\n\n" +
				"Gross Margin\n    30.2 %     28.8 %\n\n" +
				"\"We grew,\" the chairman said.",
			want: []laidTable{{Columns: []string{"2Q21", "2Q20", "YoY% Change"}, Rows: [][]string{
				{"Sales", "$ 4,100,000", "$ 3,900,000", "5.1 %"},
				{"Gross Margin", "30.2 %", "28.8 %"},
			}}},
			paras: []string{"Jixi Pumps Inc. reported its results today.", "\"We grew,\" the chairman said."},
		},
		{
			name: "labels and headers on the rows' own lines, a note on the scale",
			text: "Results\n\nThe firm reported its results.\n\n(in thousands of US dollars)\n" +
				"                2021        2020     Change\n" +
				"Revenue       12,400      11,000      12.7%\n" +
				"Net income     (1,300)       900         -\n\nIt said more.",
			want: []laidTable{{Note: "(in thousands of US dollars)", Columns: []string{"2021", "2020", "Change"}, Rows: [][]string{
				{"Revenue", "12,400", "11,000", "12.7%"},
				{"Net income", "(1,300)", "900", "-"},
			}}},
			paras: []string{"The firm reported its results.", "It said more."},
		},
		{
			name:  "one row of figures is no table, nor are sentences with wide spaces",
			text:  "Jixi grows\n\nJixi had 12 parks.  It had 9 in 2020.\n\nTotal    12    9\n\nHegang had 4, the city said.\n\nMishan had none at all, it said.",
			paras: []string{"Jixi had 12 parks.  It had 9 in 2020.", "Total    12    9", "Hegang had 4, the city said.", "Mishan had none at all, it said."},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := document.ParseText("a.txt", []byte(tt.text))
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, tablesOf(a)); diff != "" {
				t.Errorf("tables (-want +got):\n%s", diff)
			}
			var paras []string
			for _, p := range a.Paras {
				paras = append(paras, a.Text[p.Start:p.End])
			}
			if diff := cmp.Diff(tt.paras, paras); diff != "" {
				t.Errorf("paragraphs (-want +got):\n%s", diff)
			}
		})
	}
}
