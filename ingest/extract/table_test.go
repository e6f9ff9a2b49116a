package extract

import (
	"testing"

	"github.com/almanacdb/almanac/ingest/document"
)

// tableCase is a page of our own with a table, a figure of it (the
// first at or after the row named at) and what its fact must be.
type tableCase struct {
	rule, text, at, num, want string
}

// A results release of our own: a lead sentence naming the company, a
// table with a change column and a short row.
const releaseHead = "Jixi Pumps reports second quarter results\n\n" +
	"JIXI, China, Aug. 4, 2021 -- Jixi Pumps, Inc. (\"Jixi Pumps\") today reported its results for the second quarter of 2021.\n\n" +
	"Results at a glance\n\n"

var tableCases = []tableCase{
	{"column-quarter", releaseHead + "2Q21\n\n2Q20\n\nYoY%\nChange\n\nSales\n  $ 4,100,000     $ 3,900,000      5.1 %\n\nGross Margin\n    30.2 %     28.8 %\n\nThe firm said more.",
		"Sales", "4,100,000", "entity=Jixi_Pumps_Inc metric~sales year=2021 period=Q2 unit=USD value=4100000 status=actual by=year:column-quarter by=entity:release-owner by=metric:row-label by=status:table-actual"},
	{"column-quarter", releaseHead + "2Q21\n\n2Q20\n\nYoY%\nChange\n\nSales\n  $ 4,100,000     $ 3,900,000      5.1 %\n\nGross Margin\n    30.2 %     28.8 %\n\nThe firm said more.",
		"Sales", "3,900,000", "year=2020 period=Q2"},
	{"change-column", releaseHead + "2Q21\n\n2Q20\n\nYoY%\nChange\n\nSales\n  $ 4,100,000     $ 3,900,000      -5.1 %\n\nGross Margin\n    30.2 %     28.8 %\n\nThe firm said more.",
		"Sales", "5.1", "metric~sales,growth year=2021 period=Q2 value=-5.1 unit=percent by=change:change-column"},
	{"change-column", releaseHead + "2Q21\n\n2Q20\n\nYoY%\nChange\n\nSales\n  $ 4,100,000     $ 3,900,000      -5.1 %\n\nGross Margin\n    30.2 %     28.8 %\n\nThe firm said more.",
		"Gross Margin", "30.2", "metric~gross,margin metric!growth year=2021 unit=percent"},
	{"column-year", releaseHead + "(in thousands of US dollars)\n                2021        2020     Change\nRevenue       12,400      11,000      12.7%\nNet income     (1,300)       900         -\n\nIt said more.",
		"Revenue", "12,400", "year=2021 period=year unit=USD value=12400000 by=year:column-year"},
	{"column-year", releaseHead + "(in thousands of US dollars)\n                2021        2020     Change\nRevenue       12,400      11,000      12.7%\nNet income     (1,300)       900         -\n\nIt said more.",
		"Net income", "1,300", "year=2021 value=-1300000 metric~net,income"},
	{"column-months-ended", releaseHead + "       Six Months Ended June 30, 2021     Six Months Ended June 30, 2020\nOrders        3,100        2,800\nStaff         420          400\n\nIt said more.",
		"Orders", "3,100", "year=2021 period=H1 unit=count by=year:column-months-ended"},
	{"column-months-ended", releaseHead + "       Six Months Ended June 30, 2021     Six Months Ended June 30, 2020\nOrders        3,100        2,800\nStaff         420          400\n\nIt said more.",
		"Staff", "400", "year=2020 period=H1"},
	{"column-period-words", releaseHead + "      First Half 2021     First Half 2020\nOrders        3,100        2,800\nStaff         420          400\n\nIt said more.",
		"Orders", "3,100", "year=2021 period=H1 by=period:column-period-words"},
	{"column-period-words", releaseHead + "      First Half 2021     First Half 2020\nOrders        3,100        2,800\nStaff         420          400\n\nIt said more.",
		"Orders", "2,800", "year=2020 period=H1"},
	{"column-plan", releaseHead + "           2021     2022 Target\nPumps sold    9,000     12,000\nDealers       300       340\n\nIt said more.",
		"Pumps sold", "12,000", "year=2022 status=plan by=status:column-plan"},
	{"column-plan", releaseHead + "           2021     2022 Target\nPumps sold    9,000     12,000\nDealers       300       340\n\nIt said more.",
		"Pumps sold", "9,000", "year=2021 status=actual"},
	{"table-actual", releaseHead + "           2021     2020\nPumps sold    9,000     8,000\nDealers       300       280\n\nIt said more.",
		"Dealers", "280", "year=2020 status=actual by=status:table-actual"},
	// Without a lead sentence that names its subject, the headline's.
	{"table-topic", "Jixi grain output\n\nThe figures follow.\n\n           2021     2020\nRice    9,000     8,000\nCorn       300       280\n\nIt said more.",
		"Rice", "9,000", "entity=Jixi by=entity:table-topic"},
	{"release-owner", "Jixi grain output\n\nHegang Farms, Inc. gave its figures.\n\n           2021     2020\nRice    9,000     8,000\nCorn       300       280\n\nIt said more.",
		"Rice", "9,000", "entity=Hegang_Farms_Inc"},
	{"row-label", releaseHead + "           2021     2020\nPumps Sold Abroad    9,000     8,000\nDealers       300       280\n\nIt said more.",
		"Pumps Sold", "9,000", "metric~pumps,sold,abroad by=metric:row-label"},
	// A column with no header of its own has no year.
	{"column-year", releaseHead + "           2021\nPumps sold    9,000     8,000\nDealers       300       280\n\nIt said more.",
		"Pumps sold", "8,000", "dropped=table:_no_header_over_this_column"},
}

func TestTableRules(t *testing.T) {
	for _, c := range tableCases {
		t.Run(c.rule, func(t *testing.T) {
			a, err := document.ParseText("case.txt", []byte(c.text))
			if err != nil {
				t.Fatal(err)
			}
			if len(a.Tables) != 1 {
				t.Fatalf("%d tables in the case, want 1", len(a.Tables))
			}
			res := Extract(a, Options{Trace: true})
			from := numberAt(c.text, 0, "") // 0
			if k := indexFrom(c.text, c.at); k >= 0 {
				from = k
			}
			checkCase(t, c.rule, c.text, from, c.num, c.want, res)
		})
	}
}

// indexFrom returns the offset of the last occurrence of s in text (a
// row label stands below the lead sentence), or -1.
func indexFrom(text, s string) int {
	k := -1
	for i := 0; i+len(s) <= len(text); i++ {
		if text[i:i+len(s)] == s {
			k = i
		}
	}
	return k
}
