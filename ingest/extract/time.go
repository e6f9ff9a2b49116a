package extract

import (
	"strings"

	"github.com/almanacdb/almanac/ingest/nlp"
	"github.com/almanacdb/almanac/ingest/recognize"
	"github.com/almanacdb/almanac/ingest/resolve"
	"github.com/almanacdb/almanac/store"
	"github.com/almanacdb/almanac/store/vocab"
)

// The year and period of a figure: a time expression of its clause, else
// what the paragraph and the article's framing carry (GUIDELINES.md,
// "Year" and "Period"), relative years against the publication date.

type timeKind uint8

const (
	timeYear     timeKind = iota + 1 // "in 2020", "2021-25" (last year)
	timeRelative                     // "last year", "this year"
	timePeriod                       // "the first quarter", "January-May"
	timePresent                      // "currently", "now", "so far this year"
)

// timex is a time expression of a sentence.
type timex struct {
	kind        timeKind
	first, last int // tokens
	year        int
	period      string // a period label ("Q1", "H1", "M1-M7", "span", "year")
	// base is true for a comparison's other side ("than 2019", "over the
	// same period of 2022", "from 40 million tons in 2014 to ...").
	base bool
	// deadline is true for "by 2025".
	deadline bool
	since    bool // "since 2012"
	day      bool // a calendar day: it dates an event, it sets no running period
	// baseOf is one more than the index of the quantity the expression
	// dates when it dates the start of a change, "an increase of 16
	// percent from 1.2 billion yuan in 2023", and 0 otherwise.
	baseOf int
}

// findTimes collects the sentence's time expressions.
func (s *sent) findTimes() {
	for _, y := range s.years {
		t := timex{kind: timeYear, year: int(y.Value), first: s.tokAt(y.Start)}
		t.last = s.lastTok(y.End)
		s.times = append(s.times, t)
	}
	for _, p := range s.periods {
		t := timex{kind: timePeriod, period: p.Label, first: s.tokAt(p.Start)}
		t.last = s.lastTok(p.End)
		s.times = append(s.times, t)
	}
	// A season across the turn of the year: "the 2024-2025 winter season",
	// "this ice and snow season" (GUIDELINES.md: period season, the year
	// its last).
	for i := range s.toks {
		if s.lemma(i) != "season" {
			continue
		}
		winter := false
		for k := max(0, i-4); k < i; k++ {
			switch s.word(k) {
			case "winter", "ice", "snow", "ice-snow", "skiing", "heating":
				winter = true
			}
		}
		if !winter {
			continue
		}
		t := timex{kind: timePeriod, period: "season", first: max(0, i-4), last: i}
		for _, y := range s.years {
			if y.Kind == recognize.YearRange && s.tokAt(y.Start) >= i-4 && s.tokAt(y.Start) < i {
				t.first = s.tokAt(y.Start)
			}
		}
		if w := s.word(i - 1); s.word(t.first-1) == "last" || s.word(i-2) == "last" || w == "'s" && s.word(i-3) == "last" {
			t.base = true // "over last year's winter season"
		}
		s.times = append(s.times, t)
	}
	// A day ("on May 30", "from Jan 1 to 16") is a span of its own.
	for _, d := range s.dates {
		if w := s.x.text[d.Start:d.End]; strings.IndexByte(w, ':') >= 0 {
			continue // a time of day
		}
		if overlapsAny(d, s.periods) {
			continue // the end of "the six months ended June 30, 2024"
		}
		t := timex{kind: timePeriod, period: "span", first: s.tokAt(d.Start), day: true}
		t.last = s.lastTok(d.End)
		s.times = append(s.times, t)
	}
	// Relative years need the publication date; without one they are
	// year 0, which no fact may take (the figure is skipped and counted).
	pub := s.x.pub.Year()
	rel := func(d int) int {
		if s.x.pub.IsZero() {
			return 0
		}
		return pub + d
	}
	for i := range s.toks {
		w, n := s.word(i), s.word(i+1)
		switch {
		case (w == "last" || w == "previous" || w == "past") && n == "year" && s.word(i-1) != "the" && s.word(i+2) != "'s" || w == "a" && n == "year" && (s.word(i+2) == "ago" || s.word(i+2) == "earlier"):
			s.times = append(s.times, timex{kind: timeRelative, year: rel(-1), first: i, last: i + 1, base: w == "a" || s.word(i-1) == "same" || s.word(i-2) == "same"})
		case w == "this" && n == "year" || w == "the" && n == "year" && s.word(i-1) == "of" && s.word(i-2) == "half":
			t := timex{kind: timeRelative, year: rel(0), first: i, last: i + 1}
			if s.word(i-1) == "far" && s.word(i-2) == "so" {
				t.kind, t.period = timePresent, "span"
			}
			s.times = append(s.times, t)
		case (w == "past" || w == "last") && (isNumberWord(n) || s.qtok != nil && s.qtok[i+1] >= 0) && (s.word(i+2) == "years" || s.word(i+2) == "year"):
			// "in the past five years": a stretch takes its last year.
			s.times = append(s.times, timex{kind: timeRelative, year: rel(0), first: i, last: i + 2})
		case w == "next" && n == "year":
			s.times = append(s.times, timex{kind: timeRelative, year: rel(1), first: i, last: i + 1})
		case w == "currently" || w == "now" && s.word(i-1) != "by" || w == "present" && s.word(i-1) == "at" || w == "to" && n == "date":
			s.times = append(s.times, timex{kind: timePresent, year: rel(0), first: i, last: i})
		case w == "by" && weekday(n) || w == "as" && n == "of" && weekday(s.word(i+2)):
			// "By Wednesday, the ports had handled 3,000 trains", "as of
			// Sunday": a total up to this week is the year's so far.
			last := i + 1
			if w == "as" {
				last = i + 2
			}
			s.times = append(s.times, timex{kind: timePresent, period: "span", year: rel(0), first: i, last: last})
		}
	}
	for k := range s.times {
		t := &s.times[k]
		if t.first < 0 || t.first >= len(s.toks) {
			continue
		}
		// Inside a clause that "since" opens: "since it was first held
		// in 1990" dates a stretch that runs to now.
		if v := s.predicate(t.first); v >= 0 && s.rel(v) == "advcl" && s.word(s.child(v, "mark")) == "since" {
			t.since = true
		}
		prev, prev2 := s.word(t.first-1), s.word(t.first-2)
		// "since the 2019-2020 season", "than the 2019 level": the
		// preposition of the noun the expression modifies stands where a
		// bare one would ("over the 2019 season" is a stretch, not a base).
		if s.parsed && (s.tag(t.first-1) == nlp.DET || s.tag(t.first-1) == nlp.ADJ) {
			if g := s.timeHead(t); g > t.last && s.tag(g) == nlp.NOUN {
				if c := s.caseOf(g); c == "since" || c == "than" {
					prev, prev2 = c, ""
				}
			}
		}
		switch prev {
		case "than", "over", "on", "versus", "vs", "vs.":
			t.base = t.kind != timePeriod || prev == "than"
		case "by":
			t.deadline = true
		case "since":
			t.since = true
		case "from":
			// "from Jan 1 to 16" is a stretch, not a base, and so is a
			// range of months: "from January to September".
			t.base = !t.day && !(t.kind == timePeriod && s.isRange(t))
		case "of":
			if prev2 == "period" || prev2 == "time" {
				t.base = true
			}
		}
		if prev == "with" && (prev2 == "compared" || prev2 == "comparison") {
			t.base = true
		}
		// "beating Q1's 3.3 percent growth": a possessive period is the
		// base of a comparison, not the sentence's time.
		if n := s.word(t.last + 1); n == "'s" || n == "\u2019s" {
			t.base = true
		}
		if prev == "in" && (prev2 == "than" || prev2 == "from") {
			t.base = true
		}
		if q := s.fromQuantBefore(t); q >= 0 {
			t.base, t.baseOf = true, q+1
		}
	}
}

// fromQuantBefore returns the quantity a time expression follows in a
// phrase of "from" ("from 1.2 billion yuan in the first half of 2023"),
// or -1: that time dates the level a change started from.
func (s *sent) fromQuantBefore(t *timex) int {
	if !s.parsed || s.qtok == nil {
		return -1
	}
	start := t.first
	for k := range s.times {
		if u := &s.times[k]; u.first <= t.first && u.last >= t.last && u.first < start {
			start = u.first // the year of "the first half of 2023"
		}
	}
	for k := range s.times {
		if u := &s.times[k]; s.word(start-1) == "of" && u.last == start-2 {
			start = u.first // "the first half" "of 2023"
		}
	}
	i := start - 1
	if s.tag(i) == nlp.DET {
		i--
	}
	switch s.word(i) {
	case "in", "for", "during":
		i--
	default:
		return -1
	}
	q := -1
	for i >= 0 && s.qtok[i] >= 0 {
		q = s.qtok[i]
		i--
	}
	if q < 0 || s.word(i) != "from" {
		return -1
	}
	return q
}

// isNumberWord reports whether w is a small number in words or digits.
func isNumberWord(w string) bool {
	switch w {
	case "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "few", "several":
		return true
	}
	return w != "" && w[0] >= '0' && w[0] <= '9'
}

// lastTok returns the last token that starts before byte off.
func (s *sent) lastTok(off int) int {
	i := s.tokAt(off)
	for i > 0 && (i >= len(s.toks) || s.toks[i].Start >= off) {
		i--
	}
	return i
}

// timeHead returns the token time expression t attaches to: the head of
// its span's head.
func (s *sent) timeHead(t *timex) int { return s.head(s.timeToken(t)) }

// timeToken returns the token of time expression t's span whose head is
// outside it: the expression's own head.
func (s *sent) timeToken(t *timex) int {
	h := t.last
	for i := t.first; i <= t.last && i < len(s.toks); i++ {
		if hh := s.head(i); hh < t.first || hh > t.last {
			h = i
		}
	}
	return h
}

// attached reports whether time expression t hangs on the figure's path
// to its clause's predicate (or on the measured noun).
func (f *figure) attached(t *timex) bool {
	s := f.s
	if !s.parsed {
		return false
	}
	// The expression's head: the token of its span whose head is outside.
	h := s.timeToken(t)
	g := s.head(h)
	if g < 0 {
		return false
	}
	for k, steps := f.head, 0; k >= 0 && steps < len(s.toks); steps++ {
		if k == g {
			return true
		}
		if k == f.pred {
			break
		}
		k = s.head(k)
	}
	return g == f.noun || g == f.ch.word
}

// yearRule picks a figure's year.
type yearRule struct {
	name  string
	doc   string
	match func(f *figure) (int, bool)
}

var yearRules = []yearRule{
	{"from-to-year", "each side of \"from A in 2022 to B this year\" takes the year next to it",
		func(f *figure) (int, bool) {
			s := f.s
			if from, to := f.fromTo(); from || to {
				best, dist := -1, 1<<30
				for k, t := range s.times {
					if t.kind != timeYear && t.kind != timeRelative {
						continue
					}
					// The from side's year lies between "from" and "to";
					// the to side's after it.
					if from && (t.first < f.lo || s.wordBetween(f.hi, t.first, "to")) || to && t.first < f.lo {
						continue
					}
					if d := t.first - f.hi; d < dist {
						best, dist = k, d
					}
				}
				if best >= 0 && dist < 8 {
					return f.sinceYear(s.times[best]), true
				}
			}
			return 0, false
		}},
	{"move-end-year", "a change that moved a level from A to B is of B's year: exports rose 10 percent from 5 billion yuan in 2019 to 5.5 billion yuan in 2020 (2020)",
		func(f *figure) (int, bool) {
			s := f.s
			if f.ch.kind == changeNone || s.qtok == nil {
				return 0, false
			}
			isQ := func(i int) bool { return i < len(s.toks) && s.qtok[i] >= 0 }
			from := -1
			for i := f.hi; i < len(s.toks) && i <= f.hi+3; i++ {
				if s.word(i) == "from" && (isQ(i+1) || isQ(i+2)) {
					from = i
					break
				}
				// "by 1 million tonnes annually, from ...", "a year"
				if w := s.word(i); w != "," && w != "a" && w != "each" && w != "per" && w != "year" && s.tag(i) != nlp.ADV {
					break
				}
			}
			if from < 0 {
				return 0, false
			}
			to := -1
			for i := from + 2; i < len(s.toks) && i <= from+10; i++ {
				if s.word(i) == "to" && (isQ(i+1) || isQ(i+2)) {
					to = i
					break
				}
			}
			if to < 0 {
				return 0, false
			}
			for _, t := range s.times {
				if (t.kind == timeYear || t.kind == timeRelative) && t.first > to && t.first <= to+8 {
					return f.sinceYear(t), true
				}
			}
			return 0, false
		}},
	{"from-base-year", "the level a change started from takes the year its from-phrase states: an increase of 16 percent from 1.2 billion yuan in 2023 (1.2 billion is of 2023)",
		func(f *figure) (int, bool) {
			for _, t := range f.s.times {
				if t.baseOf == f.qi+1 && (t.kind == timeYear || t.kind == timeRelative) {
					return t.year, true
				}
			}
			return 0, false
		}},
	{"clause-year", "a year the figure's clause states for it, the one on the figure itself first: in 2020, last year, in 2021-25 (its last year), the 8 percent of 2013",
		func(f *figure) (int, bool) {
			found := -1
			for k, t := range f.s.times {
				if (t.kind == timeYear || t.kind == timeRelative) && !t.base && !f.fromSide(&t) && f.attached(&t) {
					if f.s.timeHead(&t) == f.head {
						return f.sinceYear(t), true
					}
					if found < 0 {
						found = k
					}
				}
			}
			if found >= 0 {
				return f.sinceYear(f.s.times[found]), true
			}
			return 0, false
		}},
	{"by-then", "\"by then\" or \"by that time\" is the deadline year the sentence before set with \"by\": the city aims to double tourism by 2025. By then, revenue is to reach 16 billion yuan",
		func(f *figure) (int, bool) {
			s := f.s
			c := &s.x.ctx
			if c.deadline == 0 || c.deadlineSent != s.ordinal()-1 {
				return 0, false
			}
			for i := 0; i+1 < len(s.toks); i++ {
				if s.word(i) == "by" && (s.word(i+1) == "then" || s.word(i+1) == "that" && (s.word(i+2) == "time" || s.word(i+2) == "year")) {
					return c.deadline, true
				}
			}
			return 0, false
		}},
	{"sentence-year", "the year the sentence states (of two, the nearest before the figure): To back 18 projects, the city put 8 million yuan into them in 2020",
		func(f *figure) (int, bool) {
			var found *timex
			for k := range f.s.times {
				t := &f.s.times[k]
				if t.kind != timeYear && t.kind != timeRelative || t.base || f.otherFigures(t) || f.fromSide(t) {
					continue
				}
				if found != nil && found.year != t.year {
					// Two years: the nearest one before the figure.
					if t.first < f.lo {
						found = t
					}
					continue
				}
				if found == nil {
					found = t
				}
			}
			if found != nil {
				return f.sinceYear(*found), true
			}
			return 0, false
		}},
	{"present", "a present stock or a present perfect: currently has, now stands at, has built",
		func(f *figure) (int, bool) {
			s := f.s
			for _, t := range s.times {
				// "At present, the airport runs 430 flights a day and
				// serves 60,000 passengers": an opening adverbial frames
				// every clause of the sentence.
				if t.kind == timePresent && (f.s.sameClause(f, t.first) || t.first <= 1 && s.word(t.last+1) == ",") {
					return s.x.pub.Year(), !s.x.pub.IsZero()
				}
			}
			// A present perfect is the publication year's (GUIDELINES.md).
			if f.pred >= 0 && s.hasAux(f.pred, "have", "has") {
				return s.x.pub.Year(), !s.x.pub.IsZero()
			}
			return 0, false
		}},
	{"context-year", "the year the paragraph or the article set before: In 2020, ... carries on",
		func(f *figure) (int, bool) {
			c := &f.s.x.ctx
			if c.year != 0 {
				return c.year, true
			}
			return 0, false
		}},
	{"publication-year", "no year stated: the publication year",
		func(f *figure) (int, bool) {
			return f.s.x.pub.Year(), !f.s.x.pub.IsZero()
		}},
}

// overlapsAny reports whether span d overlaps any of spans.
func overlapsAny(d recognize.Span, spans []recognize.Span) bool {
	for _, p := range spans {
		if p.Start < d.End && d.Start < p.End {
			return true
		}
	}
	return false
}

// inRelative reports whether time expression t lies in a relative
// clause the figure is outside of: "eight trains went to Jixi, which
// opened in May" says when Jixi opened, not when the trains went.
func (f *figure) inRelative(t *timex) bool {
	k := f.s.timeToken(t)
	return k >= 0 && f.s.inOtherRelative(k, f.lo)
}

// otherFigures reports whether time expression t dates another figure
// of the sentence: it hangs inside that figure's phrase ("behind the 8.0
// percent recorded in 2013").
func (f *figure) otherFigures(t *timex) bool {
	s := f.s
	if !s.parsed {
		return false
	}
	prev := s.timeToken(t)
	for k, steps := s.timeHead(t), 0; k >= 0 && steps < len(s.toks); steps++ {
		if q := s.qtok[k]; q >= 0 {
			if q == f.qi {
				return false
			}
			// "In 2020, the number of visitors was 30,000, making up 20
			// percent of all guests": a figure that is a copula's
			// predicate heads the clause, and an oblique on it dates
			// the clause, not the figure alone.
			if prev >= 0 && strings.HasPrefix(s.rel(prev), "obl") && s.child(k, "cop") >= 0 {
				return false
			}
			// "rose 17 percent to 218 million yuan in 2007": the level a
			// change reached is the same event; its year is the change's.
			h := s.quantHead(q)
			return !(f.q.Unit == "percent" && s.caseOf(h) == "to" && (s.head(h) == f.pred || s.head(h) == f.gov))
		}
		if k == f.pred {
			return false
		}
		prev, k = k, s.head(k)
	}
	return false
}

// sinceYear is the year a time expression gives: its own, or for "since
// 2012" the publication year (a stretch takes its last year).
func (f *figure) sinceYear(t timex) int {
	if t.since && !f.s.x.pub.IsZero() {
		return f.s.x.pub.Year()
	}
	return t.year
}

// sameClause reports whether token k is in the figure's clause.
func (s *sent) sameClause(f *figure, k int) bool {
	if !s.parsed || f.pred < 0 {
		return true
	}
	return s.predicate(k) == f.pred
}

func (f *figure) decideYear() (int, string, bool) {
	for _, r := range yearRules {
		if y, ok := r.match(f); ok {
			name := r.name
			for _, a := range yearAdjustments {
				if y2, ok := a.adjust(f, name, y); ok {
					y, name = y2, a.name+" ("+name+")"
				}
			}
			return y, name, y != 0
		}
	}
	return 0, "", false
}

// yearAdjustment corrects the year a year rule found, for what the rule
// cannot see; the trace names both.
type yearAdjustment struct {
	name   string
	doc    string
	adjust func(f *figure, rule string, year int) (int, bool)
}

var yearAdjustments = []yearAdjustment{
	{"from-side-year", "the start of \"from A to B\" with no year of its own comes before B: widened from 16 to 24 lanes (16 is the year before)",
		func(f *figure, rule string, year int) (int, bool) {
			if rule == "from-to-year" || year == 0 {
				return 0, false
			}
			if from, _ := f.fromTo(); from {
				return year - 1, true
			}
			return 0, false
		}},
}

// periodRule picks a figure's period.
type periodRule struct {
	name  string
	doc   string
	match func(f *figure) (string, bool)
}

var periodRules = []periodRule{
	{"from-base-period", "the level a change started from takes the period its from-phrase states: up 16 percent from 1.2 billion yuan in the first half of 2023 (H1)",
		func(f *figure) (string, bool) {
			for _, t := range f.s.times {
				if t.baseOf == f.qi+1 && t.kind == timePeriod {
					return t.period, true
				}
			}
			return "", false
		}},
	{"clause-period", "a period the figure's clause states: in the first quarter, January-May, during the holiday",
		func(f *figure) (string, bool) {
			for _, t := range f.s.times {
				if (t.kind == timePeriod || t.kind == timePresent && t.period != "") && !t.base && !f.fromSide(&t) && (f.attached(&t) || f.s.sameClause(f, t.first)) {
					return t.period, true
				}
			}
			return "", false
		}},
	{"level-period", "a change of a level is over the level's period: climbed to 10 million tonnes so far this year, up 10 percent (both year to date)",
		func(f *figure) (string, bool) {
			if p := f.level; p != nil && f.ch.kind != changeNone && p.year == f.year {
				return p.period.String(), true
			}
			return "", false
		}},
	{"sentence-period", "the one period the sentence states, for all its figures: ..., rising 8.8 percent, in the first half of 2014",
		func(f *figure) (string, bool) {
			var found *timex
			for k := range f.s.times {
				t := &f.s.times[k]
				if t.kind != timePeriod || t.base || f.inRelative(t) {
					continue
				}
				if found != nil && found.period != t.period {
					return "", false
				}
				found = t
			}
			if found != nil {
				return found.period, true
			}
			return "", false
		}},
	{"event", "a figure of a fair, an expo, a festival or a forum covers the event: 110,000 visitors to the fair, the jobs fair drew 3,200 students",
		func(f *figure) (string, bool) {
			for _, t := range f.s.times {
				if t.since {
					return "", false // a total since the first edition
				}
			}
			if f.entity.Level == resolve.Org && nameHasEvent(f.entity.Name) {
				return "span", true
			}
			s := f.s
			if sub := s.subject(f.pred); sub >= 0 && eventHeads[s.lemma(sub)] {
				return "span", true
			}
			for _, k := range s.children(f.pred) {
				if r := s.rel(int(k)); (r == "obj" || r == "obl") && eventHeads[s.lemma(int(k))] && s.caseOf(int(k)) != "before" && s.caseOf(int(k)) != "after" {
					return "span", true // "joined the event", "at the fair"
				}
			}
			return "", false
		}},
	{"on-the-day", "a figure of one day: on the day before the expo opened, on the peak day, in a single day",
		func(f *figure) (string, bool) {
			s := f.s
			// An opening adverbial frames every clause of the sentence:
			// "On the day before the fair opened, the airport served
			// 36,000 passengers and 269 flights".
			if w := s.word(0); w == "on" || w == "in" {
				for i := 1; i < len(s.toks) && i < 4 && s.word(i) != ","; i++ {
					if s.lemma(i) == "day" && s.tag(i) == nlp.NOUN {
						return "span", true
					}
				}
			}
			for v, steps := f.head, 0; v >= 0 && steps < 6; steps++ {
				for _, k := range s.children(v) {
					if s.lemma(int(k)) == "day" && s.rel(int(k)) == "obl" {
						return "span", true
					}
				}
				if v == f.pred {
					break
				}
				v = s.head(v)
			}
			return "", false
		}},
	{"present-state", "a rate or a count stated in the present tense holds now, for the year: the operating rate is 83 percent",
		func(f *figure) (string, bool) {
			s := f.s
			v := f.pred
			if f.ch.kind != changeNone || v < 0 {
				return "", false
			}
			cop := s.child(v, "cop")
			if w := s.word(cop); w == "is" || w == "are" || w == "stands" || s.word(v) == "stands" || s.word(v) == "is" {
				return "year", true
			}
			// "50 routes run through the ports, linking 10 countries": a
			// verb in the simple present with its subject (a participle
			// takes its head's tense) states what holds now.
			for steps := 0; s.tag(v) == nlp.VERB && strings.HasSuffix(s.word(v), "ing") && steps < 3; steps++ {
				if r := s.rel(v); s.child(v, "aux") >= 0 || r != "advcl" && r != "conj" && r != "xcomp" {
					return "", false
				}
				v = s.head(v)
			}
			if v >= 0 && s.simplePresent(v) && s.child(v, "nsubj") >= 0 {
				return "year", true
			}
			return "", false
		}},
	{"perfect-to-date", "a present perfect of passage or handling, dated in the year of publication, totals the year so far (GUIDELINES.md, year-to-date flows): the route has seen 4,000 trains pass through (span); the city has 57 companies (a stock)",
		func(f *figure) (string, bool) {
			s := f.s
			v := f.pred
			if v < 0 || !throughputVerbs[s.lemma(v)] || !s.hasAux(v, "has", "have") || s.x.pub.IsZero() || s.x.pub.Month() == 12 || f.year != s.x.pub.Year() {
				return "", false
			}
			for _, t := range s.times {
				if t.kind == timePeriod || t.kind == timeYear {
					return "", false // a period or year stated: its rules decide
				}
			}
			for i := range s.toks {
				if s.word(i) == "since" {
					return "", false // "has carried 1 million tonnes since it opened": a total since then
				}
			}
			return "span", true
		}},
	{"stock", "a count of things held at a point of the year is the year's: 170 projects had started, the city has 57 companies",
		func(f *figure) (string, bool) {
			if f.q.Unit == "count" && f.ch.kind == changeNone && f.isStock() {
				return "year", true
			}
			return "", false
		}},
	{"context-period", "the period the paragraph or the article's framing set, for figures of that year that are no plans and state no year of their own: In the first half of the year, ... carries on",
		func(f *figure) (string, bool) {
			c := &f.s.x.ctx
			if c.period != "" && f.status == store.Actual && (c.periodYear == 0 || c.periodYear == f.year) &&
				(f.yearRule == "context-year" || f.yearRule == "publication-year" || f.yearRule == "present") {
				return c.period, true
			}
			return "", false
		}},
	{"whole-year", "no period stated: the whole year", func(f *figure) (string, bool) { return "year", true }},
}

// throughputVerbs count what passes through or is handled: a flow, not
// a stock.
var throughputVerbs = map[string]bool{
	"see": true, "handle": true, "carry": true, "transport": true, "receive": true, "welcome": true,
	"attract": true, "ship": true, "export": true, "import": true, "serve": true, "process": true,
}

// stockVerbs hold a count at a point in time.
var stockVerbs = map[string]bool{"have": true, "be": true, "number": true, "host": true, "boast": true, "own": true, "operate": true, "house": true}

// isStock reports whether the figure counts what exists at a point.
func (f *figure) isStock() bool {
	s := f.s
	v := f.pred
	if v < 0 {
		return false
	}
	if stockVerbs[s.lemma(v)] {
		return true
	}
	// "170 projects had started construction": a past perfect state.
	return s.hasAux(v, "had", "have", "has") && s.word(f.lo-1) != "by"
}

func (f *figure) decidePeriod() (store.Period, string) {
	for _, r := range periodRules {
		if p, ok := r.match(f); ok {
			if per, err := vocab.ParsePeriod(p); err == nil {
				return per, r.name
			}
		}
	}
	return store.PeriodYear, "whole-year"
}

// context is what carries from sentence to sentence: the running year
// and period, set by a sentence's own time expressions.
type context struct {
	year   int
	period string
	// periodYear is the year the period was stated for, 0 if none: a
	// figure of another year is not in that period.
	periodYear int
	// planYear is a future year a plan named; it does not become the
	// running year of what was done.
	titleDone bool
	// deadline is the year of the latest "by 2025" and deadlineSent the
	// sentence that named it, for a "by then" after it.
	deadline, deadlineSent int
}

func (c *context) newParagraph() {}

// frame sets the context from the headline ("... in first half").
func (c *context) frame(x *extractor) {
	ys := recognize.Years(x.a.Title)
	if len(ys) > 0 {
		c.year = int(ys[0].Value)
	}
	ps := recognize.Periods(x.a.Title)
	if len(ps) > 0 {
		c.period = ps[0].Label
		c.periodYear = c.year
	}
}

// sawFact is called for each fact; nothing carries from a fact alone.
func (c *context) sawFact(f *figure, year int, p store.Period, st store.Status) {}

// fromTo reports whether the figure is the A (from) or the B (to) of a
// "from A to B".
func (f *figure) fromTo() (from, to bool) {
	s := f.s
	if s.word(f.lo-1) == "from" {
		for i := f.hi; i < len(s.toks) && i < f.hi+8; i++ {
			if s.word(i) == "to" && i+1 < len(s.toks) && s.qtok != nil && (s.qtok[i+1] >= 0 || s.qtok[min(i+2, len(s.toks)-1)] >= 0) {
				return true, false
			}
		}
	}
	if s.word(f.lo-1) == "to" {
		for i := f.lo - 2; i >= 0 && i > f.lo-12; i-- {
			if s.word(i) == "from" {
				return false, true
			}
		}
	}
	return false, false
}

// wordBetween reports whether word w occurs among tokens [a, b).
func (s *sent) wordBetween(a, b int, w string) bool {
	for i := a; i < b && i < len(s.toks); i++ {
		if s.word(i) == w {
			return true
		}
	}
	return false
}

// fromSide reports whether time expression t belongs to the "from" side
// of a "from A to B" that the figure is the B of: "from minus 42.5
// percent in Q1 to minus 25.6 percent".
func (f *figure) fromSide(t *timex) bool {
	s := f.s
	if t.last >= f.lo {
		return false
	}
	to := false
	for i := t.last + 1; i < f.lo; i++ {
		if s.word(i) == "to" {
			to = true
		}
	}
	if !to {
		return false
	}
	for i := t.first - 1; i >= 0 && i >= t.first-10; i-- {
		if s.word(i) == "from" {
			return true
		}
	}
	return false
}

// afterSentence updates the running year and period from the sentence's
// own time expressions: a year or period not of a comparison, a
// deadline or a plan. Years go first: a period is of the year the
// sentence states.
func (c *context) afterSentence(s *sent) {
	for _, t := range s.times {
		if t.kind == timeYear && t.deadline {
			c.deadline, c.deadlineSent = t.year, s.ordinal()
		}
	}
	year := 0
	// A year that frames the sentence: "In 2020, ...", "Last year, ...".
	for _, t := range s.times {
		if (t.kind == timeYear || t.kind == timeRelative) && !t.base && !t.deadline && !t.since && t.first <= 2 && !s.planned(t.first) {
			year = t.year
			break
		}
	}
	// A sentence with no figures that says what happened in a year:
	// "Provinces posted growth well short of plan in 2019."
	if year == 0 && len(s.quants) == 0 && !s.planned(0) && s.pastTense() {
		n := 0
		for _, t := range s.times {
			if t.kind == timeYear && !t.base && !t.deadline && !t.since {
				year, n = t.year, n+1
			}
		}
		if n != 1 {
			year = 0
		}
	}
	// Else the year the sentence's facts of what was done state.
	if year == 0 {
		for _, f := range s.figs {
			if f.caseWord() == "from" {
				continue // "climbed from 255 last year to 326": the sentence is about 326
			}
			if f.comparisonStandard() {
				continue // "well behind the 8 percent of 2013": not what the sentence reports
			}
			switch f.yearRule {
			case "clause-year", "sentence-year", "from-to-year":
				if f.status == store.Actual && f.year != 0 {
					year = f.year
				}
			}
		}
	}
	if year != 0 && year != c.year {
		c.year = year
		if !s.hasPeriod() {
			c.period = ""
		}
	}
	// The period the sentence ends in, but not the "from" side of a
	// "from A in Q1 to B" (the sentence is about B).
	for k := range s.times {
		t := &s.times[k]
		if t.kind == timePeriod && !t.base && !t.deadline && !t.day && !s.fromPart(t) {
			c.period = t.period
			c.periodYear = c.year
		}
		if t.kind == timePresent && t.period == "span" {
			// "so far this year", "by Wednesday": what follows
			// ("over the same period") is the year to date too.
			c.period = t.period
			c.periodYear = t.year
		}
	}
}

// comparisonStandard reports whether the figure is the standard a
// comparison measures against: a preposition of comparison before it,
// past its determiner ("behind the 8 percent of 2013", "than the 5
// percent", "against 40 last year"), whatever the tree made of it.
func (f *figure) comparisonStandard() bool {
	s := f.s
	k := f.lo - 1
	if k >= 0 && s.tag(k) == nlp.DET {
		k--
	}
	switch s.word(k) {
	case "behind", "than", "against", "versus", "vs":
		return true
	}
	return false
}

// simplePresent reports whether verb v is in the simple present: no
// auxiliary, and its form the lemma with -s ("runs", "links"), or the
// bare lemma after a plural subject ("routes run"). A bare form after a
// singular subject is a past tense that looks like its lemma ("the
// number hit 6 million").
func (s *sent) simplePresent(v int) bool {
	if s.tag(v) != nlp.VERB || s.child(v, "aux", "aux:pass", "cop") >= 0 {
		return false
	}
	w, l := s.word(v), s.lemma(v)
	if w == l+"s" || w == l+"es" || strings.HasSuffix(l, "y") && w == l[:len(l)-1]+"ies" {
		return true
	}
	if w != l || w == "be" {
		return false
	}
	sub := s.child(v, "nsubj")
	switch s.word(sub) {
	case "we", "they", "you", "i":
		return true
	}
	return sub >= 0 && s.tag(sub) == nlp.NOUN && s.word(sub) != s.lemma(sub)
}

// weekday reports whether w (lower-case) names a day of the week.
func weekday(w string) bool {
	switch w {
	case "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday":
		return true
	}
	return false
}

// fromPart reports whether time expression t lies between a "from" and
// the "to" that answers it: "from minus 42.5 percent in Q1 to minus 25.6
// percent".
func (s *sent) fromPart(t *timex) bool {
	from := false
	for i := t.first - 1; i >= 0 && i >= t.first-10; i-- {
		if s.word(i) == "from" {
			from = true
			break
		}
	}
	if !from {
		return false
	}
	for i := t.last + 1; i < len(s.toks) && i <= t.last+8; i++ {
		if s.word(i) == "to" {
			return true
		}
	}
	return false
}

// isRange reports whether the time expression t is a range written with
// its own "to", "through" or dash: "January to September".
func (s *sent) isRange(t *timex) bool {
	for i := t.first + 1; i < t.last; i++ {
		switch s.word(i) {
		case "to", "through", "-", "\u2013", "\u2014":
			return true
		}
	}
	return false
}

// hasPeriod reports whether the sentence states a period (a calendar day
// dates an event; it is no period of the year).
func (s *sent) hasPeriod() bool {
	for _, t := range s.times {
		if t.kind == timePeriod && !t.base && !t.day {
			return true
		}
	}
	return false
}

// eventHeads end the names of events, whose figures cover the event.
var eventHeads = map[string]bool{
	"event": true, "carnival": true, "gala": true,
	"fair": true, "expo": true, "exposition": true, "exhibition": true, "festival": true, "forum": true,
	"conference": true, "congress": true, "summit": true, "games": true, "convention": true, "session": true,
}

// nameHasEvent reports whether a name is an event's: "Harbin
// International Fair for Trade and Economic Cooperation".
func nameHasEvent(name string) bool {
	for _, w := range strings.Fields(strings.ToLower(name)) {
		if eventHeads[w] {
			return true
		}
	}
	return false
}

// pastTense reports whether the sentence states what happened: a verb in
// the past ("recorded", "rose", "was") and none in the future or present
// ("is", "will", "expects"); "have cut" is what happened.
func (s *sent) pastTense() bool {
	past := false
	for i := range s.toks {
		switch w := s.word(i); {
		case w == "was" || w == "were" || w == "had" || w == "did":
			past = true
		case w == "is" || w == "are" || w == "will" || w == "would" || w == "expects" || w == "plans":
			return false
		case s.tag(i) == nlp.VERB && strings.HasSuffix(w, "ed") && s.lemma(i) != w:
			past = true
		}
	}
	return past
}

// columnTimeRule reads the year and period a table's column header
// names (table.go).
type columnTimeRule struct {
	name  string
	doc   string
	match func(h string) (int, store.Period, bool)
}

var columnTimeRules = []columnTimeRule{
	{"column-quarter", "a quarter written short: 1Q11, Q1 2011, 2011 Q1, Q1-2011",
		func(h string) (int, store.Period, bool) {
			f := strings.Fields(strings.NewReplacer("-", " ", "/", " ").Replace(strings.ToUpper(h)))
			switch {
			case len(f) == 1 && len(f[0]) == 4 && f[0][0] >= '1' && f[0][0] <= '4' && f[0][1] == 'Q':
				if y, ok := twoDigitYear(f[0][2:]); ok {
					return y, store.Period(f[0][0] - '0'), true
				}
			case len(f) == 2:
				for _, k := range [][2]int{{0, 1}, {1, 0}} {
					q, y := f[k[0]], f[k[1]]
					if len(q) == 2 && q[0] == 'Q' && q[1] >= '1' && q[1] <= '4' || len(q) == 2 && q[1] == 'Q' && q[0] >= '1' && q[0] <= '4' {
						n := q[1]
						if q[1] == 'Q' {
							n = q[0]
						}
						if yr, ok := fourDigitYear(y); ok {
							return yr, store.Period(n - '0'), true
						}
					}
				}
			}
			return 0, 0, false
		}},
	{"column-months-ended", "months ended a day: Three Months Ended March 31, 2011 is Q1, Six Months Ended June 30 is H1, Nine Months Ended September 30 is Q1-Q3",
		func(h string) (int, store.Period, bool) {
			low := strings.ToLower(h)
			i := strings.Index(low, "months ended")
			if i < 0 {
				return 0, 0, false
			}
			ns := recognize.Numbers(h[:i]) // "Three", "6"
			if len(ns) != 1 {
				return 0, 0, false
			}
			n := int(ns[0].Value)
			ys := recognize.Years(h)
			if len(ys) != 1 {
				return 0, 0, false
			}
			end := 0
			rest := low[i+len("months ended"):]
			for m, name := range []string{"march", "june", "september", "december"} {
				if strings.Contains(rest, name) {
					end = 3 * (m + 1)
				}
			}
			y := int(ys[0].Value)
			switch {
			case n == 3 && end > 0:
				return y, store.Period(end / 3), true
			case n == 6 && end == 6:
				return y, store.PeriodH1, true
			case n == 6 && end == 12:
				return y, store.PeriodH2, true
			case n == 9 && end == 9:
				return y, store.PeriodQ1toQ3, true
			case n == 12 && end == 12:
				return y, store.PeriodYear, true
			}
			return 0, 0, false
		}},
	{"column-period-words", "a period in words and its year: First Quarter 2011, first half of 2011, H1 2011",
		func(h string) (int, store.Period, bool) {
			ys, ps := recognize.Years(h), recognize.Periods(h)
			if len(ys) != 1 || len(ps) != 1 {
				return 0, 0, false
			}
			p, err := vocab.ParsePeriod(ps[0].Label)
			if err != nil {
				return 0, 0, false
			}
			return int(ys[0].Value), p, true
		}},
	{"column-year", "a year alone, a fiscal one, or a year's plan: 2011, FY2011, Fiscal 2011, 2025 Target, 2026E",
		func(h string) (int, store.Period, bool) {
			year := 0
			for _, w := range strings.Fields(strings.ToUpper(h)) {
				w = strings.TrimPrefix(w, "FY")
				if y, ok := fourDigitYear(strings.TrimSuffix(w, "E")); ok && year == 0 {
					year = y
					continue
				}
				switch w {
				case "", "FISCAL", "YEAR", "TARGET", "PLAN", "FORECAST", "BUDGET", "GUIDANCE", "ESTIMATE", "OUTLOOK":
				default:
					return 0, 0, false
				}
			}
			return year, store.PeriodYear, year != 0
		}},
}

// fourDigitYear reads a year from 1900 to 2099 written in full.
func fourDigitYear(s string) (int, bool) {
	if len(s) != 4 {
		return 0, false
	}
	y := 0
	for i := 0; i < 4; i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
		y = y*10 + int(s[i]-'0')
	}
	return y, y >= 1900 && y <= 2099
}

// twoDigitYear reads "11" as 2011: a results table's short year is of
// this century.
func twoDigitYear(s string) (int, bool) {
	if len(s) != 2 || s[0] < '0' || s[0] > '9' || s[1] < '0' || s[1] > '9' {
		return 0, false
	}
	return 2000 + int(s[0]-'0')*10 + int(s[1]-'0'), true
}
