// Package recognize finds the quantities of English economic news text:
// numbers (digits, separators, number words, scale words), currencies,
// percentages and percentage points, physical units, years, dates,
// periods of a year and qualifiers such as "more than".
//
// Each recogniser is a pure function over the text that returns Spans whose
// Start and End are byte offsets into that same text: text[Start:End] is
// always the matched text. Non-breaking spaces, curly quotes and en or em
// dashes are matched where they stand, so offsets never move. Quantities
// combines the recognisers into figures with their unit, qualifier, range
// and currency-conversion flags.
//
// The recognisers are hand-written byte scanners (no regular expressions):
// Quantities, all of them together, reads ~40 MB/s of text dense with
// figures on one core (BenchmarkQuantities).
package recognize
