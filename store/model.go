package store

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// Qualifier says how exact a reported figure is.
type Qualifier uint8

// The qualifiers of the annotation guidelines. The zero value is Exact.
const (
	Exact  Qualifier = iota // the figure as stated
	Approx                  // around, about, nearly, some, roughly
	Min                     // over, more than, above, at least, exceeding
	Max                     // up to, less than, at most, below
)

var qualifierNames = [...]string{"exact", "approx", "min", "max"}

// String returns the qualifier's name as used in queries and exports.
func (q Qualifier) String() string {
	if int(q) < len(qualifierNames) {
		return qualifierNames[q]
	}
	return "qualifier(" + strconv.Itoa(int(q)) + ")"
}

// ParseQualifier returns the qualifier named s ("exact", "approx", "min", "max").
func ParseQualifier(s string) (Qualifier, error) {
	for i, n := range qualifierNames {
		if s == n {
			return Qualifier(i), nil
		}
	}
	return 0, fmt.Errorf("unknown qualifier %q (want exact, approx, min or max)", s)
}

// Status says whether a figure was reported as done or as a target.
type Status uint8

// The statuses of the annotation guidelines. The zero value is Actual.
const (
	Actual Status = iota // reported as done or true
	Plan                 // a target, plan or forecast
)

// String returns the status's name as used in queries and exports.
func (s Status) String() string {
	switch s {
	case Actual:
		return "actual"
	case Plan:
		return "plan"
	}
	return "status(" + strconv.Itoa(int(s)) + ")"
}

// ParseStatus returns the status named s ("actual" or "plan").
func ParseStatus(s string) (Status, error) {
	switch s {
	case "actual":
		return Actual, nil
	case "plan":
		return Plan, nil
	}
	return 0, fmt.Errorf("unknown status %q (want actual or plan)", s)
}

// Period is the part of a year a figure covers, stored as one byte;
// the zero value is PeriodYear.
//
// Codes: 0 year, 1-4 Q1-Q4, 5 H1, 6 H2, 7 Q1-Q3, 8 season, 9 span,
// 16+m month m (M1..M12), 32+16*a+b months Ma-Mb (a < b).
type Period uint8

// Named periods. Months and month ranges are built with Month and Months.
const (
	PeriodYear   Period = 0
	PeriodQ1     Period = 1
	PeriodQ2     Period = 2
	PeriodQ3     Period = 3
	PeriodQ4     Period = 4
	PeriodH1     Period = 5
	PeriodH2     Period = 6
	PeriodQ1toQ3 Period = 7
	PeriodSeason Period = 8
	PeriodSpan   Period = 9
)

const (
	monthBase  = 16
	monthsBase = 32
)

var periodNames = [...]string{"year", "Q1", "Q2", "Q3", "Q4", "H1", "H2", "Q1-Q3", "season", "span"}

// Month returns the period of month m (1..12).
func Month(m int) Period { return Period(monthBase + m) }

// Months returns the period of months a through b (1 <= a < b <= 12).
// Months(a, a) is Month(a).
func Months(a, b int) Period {
	if a == b {
		return Month(a)
	}
	return Period(monthsBase + 16*a + b)
}

// Valid reports whether p is one of the defined periods.
func (p Period) Valid() bool {
	switch {
	case int(p) < len(periodNames):
		return true
	case p > monthBase && p <= monthBase+12:
		return true
	case p >= monthsBase:
		a, b := int(p-monthsBase)/16, int(p-monthsBase)%16
		return a >= 1 && b <= 12 && a < b
	}
	return false
}

// IsYear reports whether p covers the whole year.
func (p Period) IsYear() bool { return p == PeriodYear }

// String returns the period's name: year, Q1..Q4, H1, H2, Q1-Q3, season,
// span, M1..M12 or a month range such as M1-M2.
func (p Period) String() string {
	switch {
	case int(p) < len(periodNames):
		return periodNames[p]
	case p > monthBase && p <= monthBase+12:
		return "M" + strconv.Itoa(int(p-monthBase))
	case p >= monthsBase && p.Valid():
		a, b := int(p-monthsBase)/16, int(p-monthsBase)%16
		return "M" + strconv.Itoa(a) + "-M" + strconv.Itoa(b)
	}
	return "period(" + strconv.Itoa(int(p)) + ")"
}

// ParsePeriod returns the period named s. It accepts the names String
// returns, case-insensitively, and "M1-2" for "M1-M2".
func ParsePeriod(s string) (Period, error) {
	u := strings.ToUpper(strings.TrimSpace(s))
	for i, n := range periodNames {
		if u == strings.ToUpper(n) {
			return Period(i), nil
		}
	}
	if strings.HasPrefix(u, "M") {
		lo, hi, isRange := strings.Cut(u[1:], "-")
		a, err := strconv.Atoi(lo)
		if err == nil && a >= 1 && a <= 12 {
			if !isRange {
				return Month(a), nil
			}
			b, err := strconv.Atoi(strings.TrimPrefix(hi, "M"))
			if err == nil && b > a && b <= 12 {
				return Months(a, b), nil
			}
		}
	}
	return 0, fmt.Errorf("unknown period %q (want year, Q1..Q4, H1, H2, Q1-Q3, M1..M12, Ma-Mb, season or span)", s)
}

// Limits on what a fact may hold. They bound key and record sizes.
const (
	MinYear       = 1000
	MaxYear       = 9999
	MaxNameLen    = 200 // entity and metric names, in bytes
	MaxUnitLen    = 32
	MaxSourceLen  = 1024
	MaxDocTextLen = 64 << 20
)

// Fact is one quantity stated about one entity for one period, with its
// provenance. Value is scaled to Unit ("391.54 billion yuan" is 391540000000
// CNY). Start and End are the byte span of the number in the document's
// text; SentenceStart and SentenceEnd the span of its sentence.
type Fact struct {
	ID        uint64
	Entity    string
	Metric    string
	Year      int
	Period    Period
	Value     float64
	Unit      string
	Qualifier Qualifier
	Status    Status

	Doc           uint64 // ID of the document the fact came from
	Sentence      string // the sentence, filled in on read from the document text
	SentenceStart int
	SentenceEnd   int
	Start         int
	End           int
}

// Validate reports the first thing that makes f unstorable, for a document
// whose text is textLen bytes long.
func (f *Fact) Validate(textLen int) error {
	switch {
	case f.Entity == "" || len(f.Entity) > MaxNameLen:
		return fmt.Errorf("fact %q: entity must be 1 to %d bytes", f.Metric, MaxNameLen)
	case f.Metric == "" || len(f.Metric) > MaxNameLen:
		return fmt.Errorf("fact of %q: metric must be 1 to %d bytes", f.Entity, MaxNameLen)
	case f.Year < MinYear || f.Year > MaxYear:
		return fmt.Errorf("fact %s/%s: year %d out of range %d..%d", f.Entity, f.Metric, f.Year, MinYear, MaxYear)
	case !f.Period.Valid():
		return fmt.Errorf("fact %s/%s: invalid period %d", f.Entity, f.Metric, f.Period)
	case math.IsNaN(f.Value) || math.IsInf(f.Value, 0):
		return fmt.Errorf("fact %s/%s: value is not a finite number", f.Entity, f.Metric)
	case f.Unit == "" || len(f.Unit) > MaxUnitLen:
		return fmt.Errorf("fact %s/%s: unit must be 1 to %d bytes", f.Entity, f.Metric, MaxUnitLen)
	case f.Qualifier > Max:
		return fmt.Errorf("fact %s/%s: invalid qualifier %d", f.Entity, f.Metric, f.Qualifier)
	case f.Status > Plan:
		return fmt.Errorf("fact %s/%s: invalid status %d", f.Entity, f.Metric, f.Status)
	case f.Start < 0 || f.End < f.Start || f.End > textLen:
		return fmt.Errorf("fact %s/%s: number span %d:%d outside the text (%d bytes)", f.Entity, f.Metric, f.Start, f.End, textLen)
	case f.SentenceStart < 0 || f.SentenceEnd < f.SentenceStart || f.SentenceEnd > textLen:
		return fmt.Errorf("fact %s/%s: sentence span %d:%d outside the text (%d bytes)", f.Entity, f.Metric, f.SentenceStart, f.SentenceEnd, textLen)
	}
	return nil
}

// Document is an ingested article. Text is the text the facts' byte spans
// point into: the file itself for plain text, the extracted body for HTML
// and JSON lines.
type Document struct {
	ID        uint64
	Source    string    // the file's base name; re-ingesting a source replaces it
	Title     string    // headline
	Published time.Time // publication date (UTC midnight); zero if unknown
	Byline    string    // the "By ( ... )" source or author
	URL       string    // where the article came from, if known
	Hash      [32]byte  // SHA-256 of Text
	Ingested  time.Time
	Text      string

	FirstFact uint64 // the document's facts have IDs FirstFact .. FirstFact+NumFacts-1
	NumFacts  int
}

// PublishedString returns the publication date as YYYY-MM-DD, or "" if unknown.
func (d *Document) PublishedString() string {
	if d.Published.IsZero() {
		return ""
	}
	return d.Published.Format("2006-01-02")
}

// CatalogEntry is one entity or metric with the number of facts about it.
type CatalogEntry struct {
	ID      uint32
	Name    string
	Count   int
	Aliases []string // other names the entity was reported under (entities only)
}
