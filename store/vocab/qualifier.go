package vocab

import (
	"fmt"
	"strconv"
	"strings"
)

// Qualifier says how exact a reported figure is, as one byte; the zero
// value is Exact. The codes are stored, so they never change.
type Qualifier uint8

// The qualifiers of the annotation guidelines.
const (
	Exact  Qualifier = iota // the figure as stated
	Approx                  // around, about, nearly, some, roughly
	Min                     // over, more than, above, at least, exceeding
	Max                     // up to, less than, at most, below
)

var qualifierNames = [...]string{"exact", "approx", "min", "max"}

// Valid reports whether q is one of the defined qualifiers.
func (q Qualifier) Valid() bool { return int(q) < len(qualifierNames) }

// String returns the qualifier's name as used in queries and exports.
func (q Qualifier) String() string {
	if q.Valid() {
		return qualifierNames[q]
	}
	return "qualifier(" + strconv.Itoa(int(q)) + ")"
}

// ParseQualifier returns the qualifier named s: exact, approx, min or max,
// in any letter case.
func ParseQualifier(s string) (Qualifier, error) {
	t := strings.TrimSpace(s)
	for i, n := range qualifierNames {
		if strings.EqualFold(t, n) {
			return Qualifier(i), nil
		}
	}
	return 0, fmt.Errorf("unknown qualifier %q (want exact, approx, min or max)", s)
}

// Qualifiers returns every qualifier in code order.
func Qualifiers() []Qualifier { return []Qualifier{Exact, Approx, Min, Max} }

// Status says whether a figure was reported as done or as a target, as
// one byte; the zero value is Actual. The codes are stored, so they never
// change.
type Status uint8

// The statuses of the annotation guidelines.
const (
	Actual Status = iota // reported as done or true
	Plan                 // a target, plan or forecast
)

var statusNames = [...]string{"actual", "plan"}

// Valid reports whether s is one of the defined statuses.
func (s Status) Valid() bool { return int(s) < len(statusNames) }

// String returns the status's name as used in queries and exports.
func (s Status) String() string {
	if s.Valid() {
		return statusNames[s]
	}
	return "status(" + strconv.Itoa(int(s)) + ")"
}

// ParseStatus returns the status named s: actual or plan, in any letter
// case.
func ParseStatus(s string) (Status, error) {
	t := strings.TrimSpace(s)
	for i, n := range statusNames {
		if strings.EqualFold(t, n) {
			return Status(i), nil
		}
	}
	return 0, fmt.Errorf("unknown status %q (want actual or plan)", s)
}

// Statuses returns every status in code order.
func Statuses() []Status { return []Status{Actual, Plan} }
