package vocab_test

import (
	"fmt"

	"github.com/almanacdb/almanac/store/vocab"
)

func Example() {
	for _, s := range []string{"Q1-Q3", "m1-2", "quarterly"} {
		p, err := vocab.ParsePeriod(s)
		fmt.Println(p, err)
	}
	u, _ := vocab.ParseUnit("cny")
	fmt.Println(u, u.IsCurrency())
	_, err := vocab.ParseUnit("widgets")
	fmt.Println(err != nil)
	// Output:
	// Q1-Q3 <nil>
	// M1-M2 <nil>
	// year unknown period "quarterly" (want year, Q1..Q4, H1, H2, Q1-Q3, M1..M12, Ma-Mb, season or span)
	// CNY true
	// true
}
