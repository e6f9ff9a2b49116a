package store

import (
	"fmt"
	"math"
	"time"

	"github.com/almanacdb/almanac/store/vocab"
)

// The fact vocabulary (units, periods, qualifiers, statuses) is defined in
// package vocab. The types and constants a Fact holds are re-exported here
// as aliases, so that callers of store read store.Period and store.Plan
// without a second import; they are the same types.
type (
	// Qualifier says how exact a reported figure is (vocab.Qualifier).
	Qualifier = vocab.Qualifier
	// Status says whether a figure was reported as done or as a target
	// (vocab.Status).
	Status = vocab.Status
	// Period is the part of a year a figure covers (vocab.Period).
	Period = vocab.Period
)

// The qualifiers, statuses and named periods (see package vocab).
const (
	Exact  = vocab.Exact
	Approx = vocab.Approx
	Min    = vocab.Min
	Max    = vocab.Max

	Actual = vocab.Actual
	Plan   = vocab.Plan

	PeriodYear   = vocab.PeriodYear
	PeriodQ1     = vocab.PeriodQ1
	PeriodQ2     = vocab.PeriodQ2
	PeriodQ3     = vocab.PeriodQ3
	PeriodQ4     = vocab.PeriodQ4
	PeriodH1     = vocab.PeriodH1
	PeriodH2     = vocab.PeriodH2
	PeriodQ1toQ3 = vocab.PeriodQ1toQ3
	PeriodSeason = vocab.PeriodSeason
	PeriodSpan   = vocab.PeriodSpan
)

// Month returns the period of month m (1..12); see vocab.Month.
func Month(m int) Period { return vocab.Month(m) }

// Months returns the period of months a through b; see vocab.Months.
func Months(a, b int) Period { return vocab.Months(a, b) }

// ParsePeriod returns the period named s; see vocab.ParsePeriod.
func ParsePeriod(s string) (Period, error) { return vocab.ParsePeriod(s) }

// ParseQualifier returns the qualifier named s; see vocab.ParseQualifier.
func ParseQualifier(s string) (Qualifier, error) { return vocab.ParseQualifier(s) }

// ParseStatus returns the status named s; see vocab.ParseStatus.
func ParseStatus(s string) (Status, error) { return vocab.ParseStatus(s) }

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
// CNY), which is the name of a vocab.Unit: Put refuses other names and
// stores the canonical spelling ("cny" as CNY). Start and End are the byte span of the number in the document's
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
	var unitErr error
	if len(f.Unit) <= MaxUnitLen {
		_, unitErr = vocab.ParseUnit(f.Unit)
	}
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
	case unitErr != nil:
		return fmt.Errorf("fact %s/%s: %w", f.Entity, f.Metric, unitErr)
	case !f.Qualifier.Valid():
		return fmt.Errorf("fact %s/%s: invalid qualifier %d", f.Entity, f.Metric, f.Qualifier)
	case !f.Status.Valid():
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
	ID uint64
	// Source is the document's identity, unique in the database: the
	// path of its file relative to the directory it was ingested from (or
	// as given, for a file named on its own), its address (a JSON lines
	// url, an HTML page's canonical link), or the name given to standard
	// input. A document with the same Source and other text replaces it.
	// Documents stored before schema 2 are named by their file's base
	// name.
	Source    string
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

// unitName returns the canonical name of a unit Validate accepted.
func unitName(name string) string {
	if u, err := vocab.ParseUnit(name); err == nil {
		return u.String()
	}
	return name
}
