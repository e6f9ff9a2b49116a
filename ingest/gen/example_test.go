package gen_test

import (
	"fmt"
	"strings"

	"github.com/almanacdb/almanac/ingest/gen"
)

// The corpus of a seed never changes, so its first article can be shown.
func ExampleArticles() {
	for a := range gen.Articles(1, 1) {
		header, _, _ := strings.Cut(a.Text, "\n\nBy")
		fmt.Println(a.Name)
		fmt.Println(header)
		f := a.Facts[0]
		fmt.Printf("%s %s %d %s %g %s\n", f.Entity, f.Metric, f.Year, f.Period, f.Value, f.Unit)
	}
	// Output:
	// gen-000001.txt
	// Home>Biz updates
	//
	// Meinan makes progress on express delivery revenue
	//
	// Updated : 2004-04-02
	// Meinan express_delivery_revenue 2003 year 1.18e+10 CNY
}
