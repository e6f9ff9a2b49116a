package syntax_test

import (
	"fmt"

	"github.com/almanacdb/almanac/query/syntax"
)

func ExampleParse() {
	q, err := syntax.Parse(`SUM metric gdp WHERE (entity = Harbin or entity = 'Daqing') and year >= 2019 by year;`)
	if err != nil {
		fmt.Println(err)
		return
	}
	sel := q.Stmt.(*syntax.Select)
	fmt.Println(sel.Func, sel.Metric.Value, sel.By[0].Name)
	fmt.Println(q)
	// Output:
	// sum gdp year
	// sum metric gdp where (entity = "Harbin" or entity = "Daqing") and year >= 2019 by year
}

func ExampleCaret() {
	src := "metric by year"
	_, err := syntax.Parse(src)
	fmt.Println(err)
	fmt.Println(syntax.Caret(src, err))
	// Output:
	// 1:8: unexpected "by", expected a metric name
	// metric by year
	//        ^
}

func ExampleErrorList() {
	var errs syntax.ErrorList
	errs.Add(syntax.Pos{Line: 1, Column: 20}, `unknown field "colour"`)
	errs.Add(syntax.Pos{Line: 1, Column: 8}, `unknown metric "gpd"`)
	errs.Sort()
	fmt.Println(errs.Err())
	// Output:
	// 1:8: unknown metric "gpd" (and 1 more error)
}
