package recognize

import "strconv"

// Kind says what a Span recognises.
type Kind uint8

// The kinds of span.
const (
	Number        Kind = iota + 1 // a number; Value is scaled ("1.5 million" is 1500000)
	Currency                      // a currency marker ("yuan", "$", "US dollars"); Label is the ISO code
	Percent                       // "percent", "per cent", "%"
	PercentPoints                 // "percentage points"
	Unit                          // a physical unit ("tonnes", "km2"); Label is the canonical unit, Value the factor to it
	Year                          // a calendar year; Value is the year
	YearRange                     // "2021-25", "2023-2024"; Lo is the first year, Value the last
	Date                          // a calendar date or a time of day ("Aug 24", "15:10", "2023-12-28")
	Period                        // a part of a year ("the first quarter", "January-March"); Label is its name (Q1, H1, M1-M3, ...)
	Qualifier                     // "about", "more than", "up to"; Label is approx, min or max
)

var kindNames = [...]string{"", "number", "currency", "percent", "points", "unit", "year", "year-range", "date", "period", "qualifier"}

// String returns the kind's lower-case name.
func (k Kind) String() string {
	if int(k) < len(kindNames) && k != 0 {
		return kindNames[k]
	}
	return "kind(" + strconv.Itoa(int(k)) + ")"
}

// Span is one recognised piece of text: text[Start:End] is what matched.
type Span struct {
	Start, End int
	Kind       Kind
	// Value is the span's number: the scaled number, the year, the last
	// year of a range, or a unit's conversion factor to Label.
	Value float64
	// Lo is the first year of a YearRange.
	Lo float64
	// Label is the currency code, unit, period name or qualifier name.
	Label string
	// Words is true for a number written in words ("six", "a dozen").
	Words bool
}
