// Package vocab is the vocabulary of a fact's attributes: the unit of its
// value, the part of the year it covers (its period), how exact it is (its
// qualifier) and whether it was reported as done or as a target (its
// status). Each is a small comparable type with one parser and one name:
//
//	u, err := vocab.ParseUnit("km2")       // vocab.SquareKilometres
//	p, err := vocab.ParsePeriod("Q1-Q3")   // vocab.PeriodQ1toQ3
//	q, err := vocab.ParseQualifier("min")  // vocab.Min
//	s, err := vocab.ParseStatus("plan")    // vocab.Plan
//
// Parsers ignore letter case and surrounding space; String returns the
// canonical name, which parses back to the same value. An unknown name is
// an error that lists what is known, never a silent default.
//
// The package imports only the standard library and nothing of Almanac, so
// that extraction, the store and the query language share one definition.
// Periods, qualifiers and statuses are stored as the one-byte codes defined
// here; units are stored by name.
package vocab
