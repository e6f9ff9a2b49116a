package extract

import (
	"strings"

	"github.com/almanacdb/almanac/ingest/nlp"
	"github.com/almanacdb/almanac/ingest/recognize"
	"github.com/almanacdb/almanac/ingest/resolve"
	"github.com/almanacdb/almanac/store"
)

// figure is one quantity of a sentence and what the rules find around it
// in the tree.
type figure struct {
	s  *sent
	q  *recognize.Quantity
	qi int
	// lo and hi bound the quantity's tokens [lo, hi); head is the one
	// the rest of the sentence attaches to, gov its head outside the
	// quantity (-1 at the root).
	lo, hi, head, gov int
	rel               string // the head's relation to gov
	repaired          int    // a time noun the figure was moved from, -1 if none
	// noun is the noun the figure measures (the metric's head), pred the
	// clause predicate the figure belongs to; -1 if none.
	noun, pred int
	// words are the metric's words: cat (the part of the entity),
	// measure and suffix (growth, increase, share). fromSubject is true
	// when the measure is the clause's subject.
	words, cat, measure, suffix []string
	fromSubject                 bool
	// shareOfWhole marks a percentage that is a share of its of-phrase;
	// subset is the verb a partitive count's subset is named by (-1).
	shareOfWhole bool
	shareCat     []string
	subset       int
	// distributed is true when the figure takes one conjunct of a
	// "respectively" list as its noun: the phrase leaves the others out.
	distributed bool
	// level is the figure of the same sentence a change is a change of,
	// when its measure came from that figure (change-after-level,
	// respective-level, change-of-earlier-figure); nil otherwise.
	level *figure

	ch       change
	entity   resolve.Entity
	year     int
	yearRule string
	period   store.Period
	status   store.Status
	trace    Trace
}

// inQuantity reports whether token i lies inside the figure's quantity
// ("yuan", "percent", "tonnes", "billion" included).
func (f *figure) inQuantity(i int) bool { return i >= f.lo && i < f.hi }

// modifies reports whether token i is a determiner, adjective or adverb
// of the figure itself: "a remarkable", "nearly", "an astonishing".
func (f *figure) modifies(i int) bool {
	if i < 0 || i >= f.lo {
		return false
	}
	switch f.s.rel(i) {
	case "det", "amod", "advmod":
		return f.inQuantity(f.s.head(i))
	}
	return false
}

// newFigure locates quantity qi of s in the tree.
func newFigure(s *sent, qi int) *figure {
	q := &s.quants[qi]
	f := &figure{s: s, q: q, qi: qi, head: -1, gov: -1, noun: -1, pred: -1, repaired: -1, subset: -1}
	f.lo = s.tokAt(q.Start)
	f.hi = f.lo
	for f.hi < len(s.toks) && s.toks[f.hi].Start < q.End {
		f.hi++
	}
	if q.Range {
		if lo := s.tokAt(q.LoStart); lo < f.lo {
			f.lo = lo
		}
	}
	// The head: the last token of the span whose head lies outside it.
	for i := f.lo; i < f.hi; i++ {
		h := s.head(i)
		if h < f.lo || h >= f.hi {
			f.head = i
		}
	}
	if f.head < 0 {
		f.head = f.hi - 1
	}
	f.gov = s.head(f.head)
	f.rel = s.rel(f.head)
	// "grew 5 percent and 6 percent", "rose 5.5 and 6.5 percent": a
	// figure joined to another one, or hung on the unit it shares with
	// it, stands where that one stands.
	if g := f.gov; g >= 0 && s.qtok != nil && s.qtok[g] >= 0 && s.qtok[g] != qi {
		switch f.rel {
		case "conj", "nummod", "compound":
			o := s.quantHead(s.qtok[g])
			f.gov, f.rel = s.head(o), s.rel(o)
		}
	}
	// A figure the parser hung on the time noun after it ("rose 14.5
	// percent year-on-year" as a compound of "year") belongs where that
	// noun belongs.
	if g := f.gov; g >= f.hi && g <= f.hi+1 && s.isTimeNoun(g) && (f.rel == "compound" || f.rel == "nummod") {
		f.gov, f.rel = s.head(g), s.rel(g)
		f.repaired = g
	}
	// "earned an average of 14,200 yuan", "a total of 60 projects",
	// "reaching an all-time high of 12 million", "grew at a rate of 3
	// percent": the quantifier noun stands where the figure does.
	if g := f.gov; f.rel == "nmod" && s.caseOf(f.head) == "of" && g >= 0 && g < f.lo && s.child(g, "det") >= 0 {
		switch s.lemma(g) {
		case "average", "total", "sum", "high", "low", "peak", "record", "rate":
			f.gov, f.rel = s.head(g), s.rel(g)
			f.repaired = g
		}
	}
	f.pred = s.predicate(f.head)
	return f
}

// relOf returns the relation of token i, or for the figure's head the
// relation the figure has after repair.
func (f *figure) relOf(i int) string {
	if i == f.head {
		return f.rel
	}
	return f.s.rel(i)
}

// skipRule is a reason a number is not a fact (GUIDELINES.md, "Not
// facts"). The first that matches drops the figure.
type skipRule struct {
	name  string
	doc   string
	match func(f *figure) bool
}

var skipRules = []skipRule{
	{"percentage-points", "a difference in percentage points (GUIDELINES.md: optional)",
		func(f *figure) bool { return f.q.Unit == "points" }},
	{"conversion", "a currency figure in brackets restating the one before it: 391.54 billion yuan ($58.75 billion)",
		func(f *figure) bool { return f.q.Conversion }},
	{"in-name", "a number inside a capitalised name or a quoted title: the 2024 Summer Fair, Map 2.0, \"Top 100 Counties\"",
		func(f *figure) bool {
			return f.s.inName(f.lo, f.hi) || f.q.Unit == "count" && (f.s.afterName(f.lo) || f.s.versionAfterName(f.lo))
		}},
	{"rank", "a rank or a move in one: top 10, ranked third, No. 5, four places higher",
		func(f *figure) bool {
			w := f.s.word(f.lo - 1)
			if f.q.Unit != "count" {
				return false
			}
			// "four places higher than a year earlier": a move in a rank.
			switch f.s.word(f.hi) {
			case "places", "positions", "spots", "notches":
				switch f.s.word(f.hi + 1) {
				case "higher", "lower", "up", "down", "ahead", "behind":
					return true
				}
			}
			return w == "top" || w == "no." || w == "no" || w == "number" && f.s.word(f.lo-2) != "the"
		}},
	{"unknown-unit", "a number followed by a lone letter that is no unit we know (a page cut off at \"19.15 b\"): its scale and unit are unknown",
		func(f *figure) bool {
			s := f.s
			if f.q.Unit != "count" || f.hi >= len(s.toks) {
				return false
			}
			w := s.toks[f.hi].Form
			return len(w) == 1 && w[0] >= 'a' && w[0] <= 'z' && w != "a" && w != "i" && (f.hi+1 >= len(s.toks) || s.tag(f.hi+1) == nlp.PUNCT)
		}},
	{"superlative-set", "the size of a set of the best: one of the three largest festivals, among the 10 biggest ports",
		func(f *figure) bool {
			s := f.s
			if f.q.Unit != "count" {
				return false
			}
			// A superlative right after the number: "three largest".
			w := s.word(f.hi)
			if !(strings.HasSuffix(w, "est") && s.tag(f.hi) == nlp.ADJ || w == "most" || w == "biggest" || w == "leading") {
				return false
			}
			for k := f.lo - 1; k >= 0 && k >= f.lo-5; k-- {
				switch s.word(k) {
				case "of", "among":
					return true
				}
			}
			return false
		}},
	{"ranked-group", "the size of the group a rank is taken in: second among the country's 15 big cities, ninth among 30 provinces",
		func(f *figure) bool {
			s := f.s
			if f.q.Unit != "count" {
				return false
			}
			k := f.lo - 1
			for ; k >= 0 && k >= f.lo-4; k-- {
				if s.word(k) == "among" {
					break
				}
				switch s.tag(k) {
				case nlp.DET, nlp.PROPN, nlp.PART, nlp.PRON, nlp.ADJ:
				case nlp.NOUN:
					if w := s.word(k + 1); w != "'s" && w != "\u2019s" {
						return false // only a possessor: "the province's 12"
					}
				default:
					return false
				}
			}
			if k < 0 || k < f.lo-4 {
				return false
			}
			for j := k - 1; j >= 0 && j >= k-3; j-- {
				if ordinalWord(s.word(j)) {
					return true
				}
			}
			return false
		}},
	{"duration", "the length of an event or a wait: a five-day fair, in three years, for 10 days",
		func(f *figure) bool { return f.s.duration(f) }},
	{"list-count", "a count that announces the list after it (GUIDELINES.md: optional): three ways: more projects, more money and better ones; three sectors -- power, aerospace and food -- will lead",
		func(f *figure) bool {
			s := f.s
			if f.q.Unit != "count" || f.q.Value > 20 || f.ch.kind != changeNone {
				return false
			}
			// The counted noun's phrase, then a colon or a dash.
			k := f.hi
			for k < len(s.toks) && k < f.hi+4 && (s.tag(k) == nlp.NOUN || s.tag(k) == nlp.ADJ || s.tag(k) == nlp.PROPN) {
				k++
			}
			if k == f.hi || k >= len(s.toks) {
				return false
			}
			if f := s.toks[k].Form; f != ":" && !isDash(f) {
				return false
			}
			// A list: its items joined by commas and "and" before the
			// sentence or the dash ends.
			commas, and := 0, false
			for i := k + 1; i < len(s.toks) && i < k+40; i++ {
				switch f := s.toks[i].Form; {
				case f == ",":
					commas++
				case f == "and" || f == "or":
					and = true
				case f == "." || f == ";" || isDash(f):
					return commas >= 1 && and
				}
			}
			return commas >= 1 && and
		}},
	{"definite-reference", "a number in words after the, these or those refers back to things already named; it counts nothing new: the two countries, these three ports, trade between the two",
		func(f *figure) bool {
			if f.q.Unit != "count" || !f.q.Words || f.q.Compound {
				return false
			}
			switch f.s.word(f.lo - 1) {
			case "the", "these", "those":
				return true
			}
			return false
		}},
	{"hyphen-modifier", "a count joined by a hyphen to a singular noun or an adjective, the two a modifier of the noun after them or a quoted name: two-way trade, a five-star hotel, 20-foot boxes, a 'four-vertical' network, tier-two suppliers",
		func(f *figure) bool {
			s := f.s
			if f.q.Unit != "count" {
				return false
			}
			// "tier-two suppliers", "grade-one roads": a number word
			// after a singular noun and a hyphen ends the modifier.
			if f.q.Words && s.word(f.lo-1) == "-" && s.tag(f.lo-2) == nlp.NOUN && s.lemma(f.lo-2) == s.word(f.lo-2) && s.tag(f.hi) == nlp.NOUN {
				return true
			}
			if s.word(f.hi) != "-" || f.hi+2 >= len(s.toks) {
				return false
			}
			switch s.tag(f.hi + 1) {
			case nlp.NOUN:
				if s.lemma(f.hi+1) != s.word(f.hi+1) {
					return false // a plural: "five-years" is no modifier
				}
			case nlp.ADJ:
			default:
				return false
			}
			switch t := s.tag(f.hi + 2); {
			case t == nlp.NOUN || t == nlp.ADJ || t == nlp.PROPN:
				return true
			case t == nlp.PUNCT:
				w := s.word(f.hi + 2)
				return w == "'" || w == "\u2019" || w == "\"" || w == "\u201d"
			}
			return false
		}},
	{"code", "a number joined by a hyphen to capital letters is a code, not a count: Form 10-Q, a 737-MAX",
		func(f *figure) bool {
			s := f.s
			if f.q.Unit != "count" || s.word(f.hi) != "-" || f.hi+1 >= len(s.toks) {
				return false
			}
			w := s.toks[f.hi+1].Form
			if len(w) == 0 || len(w) > 3 {
				return false
			}
			for i := 0; i < len(w); i++ {
				if w[i] < 'A' || w[i] > 'Z' {
					return false
				}
			}
			return true
		}},
	{"wholly", "\"100 percent\" before a verb or an adjective means wholly, not a share: can't 100 percent contain it, 100 percent sure",
		func(f *figure) bool {
			s := f.s
			if f.q.Unit != "percent" || f.q.Value != 100 || f.hi >= len(s.toks) {
				return false
			}
			switch s.tag(f.hi) {
			case nlp.VERB:
				return true
			case nlp.ADJ, nlp.ADV:
				switch s.word(f.hi) {
				case "higher", "lower", "more", "less", "bigger", "larger", "greater", "smaller",
					"up", "down", "over", "above", "below", "respectively", "annually", "yearly", "alone":
					return false
				}
				return true
			}
			return false
		}},
	{"location", "how far a place lies from another describes where it is, no figure of its economy: the town lies 100 meters from the river, a port 30 km away",
		func(f *figure) bool {
			s := f.s
			if f.q.Unit != "m" && f.q.Unit != "km" {
				return false
			}
			w := s.word(f.hi)
			if w != "from" && w != "away" && !(w == "south" || w == "north" || w == "east" || w == "west") {
				return false
			}
			for k := f.lo - 1; k >= 0 && k >= f.lo-3; k-- {
				switch s.lemma(k) {
				case "lie", "sit", "locate", "situate", "stand":
					return true
				}
			}
			return w == "away"
		}},
	{"benchmark", "a round figure named as a mark or level to stay above: above the 30-million-tonne level, the 1-trillion-yuan mark",
		func(f *figure) bool {
			s := f.s
			for k, steps := f.head, 0; k >= 0 && steps < 2; steps++ {
				switch s.lemma(k) {
				case "mark", "level", "threshold", "benchmark", "barrier", "milestone":
					return true
				}
				k = s.head(k)
			}
			for k := f.hi; k < len(s.toks) && k <= f.hi+6; k++ {
				switch s.lemma(k) {
				case "mark", "threshold", "benchmark", "barrier", "milestone":
					return true
				case "level":
					return f.q.Compound
				}
				if t := s.tag(k); t != nlp.NOUN && t != nlp.ADJ && t != nlp.NUM && s.word(k) != "-" {
					break
				}
			}
			return false
		}},
	{"threshold", "a bound that defines a category: projects each worth more than 10 million yuan, enterprises with an income above 20 million yuan",
		func(f *figure) bool { return f.s.threshold(f) }},
	{"temperature", "a temperature: minus 40 degrees Celsius, 30 degrees below zero",
		func(f *figure) bool {
			w := f.s.word(f.hi)
			if f.q.Unit == "count" && f.q.Words && f.q.Value == 0 {
				if b := f.s.word(f.lo - 1); b == "below" || b == "above" {
					return true // "below zero"
				}
			}
			return f.q.Unit == "count" && (w == "degrees" || w == "degree" || w == "celsius" || w == "fahrenheit" || w == "\u00b0c" || w == "\u00b0")
		}},
	{"one", "the word one is a pronoun or an article more often than a figure: one of the largest, on the one hand",
		func(f *figure) bool {
			return f.q.Unit == "count" && f.q.Words && f.q.Value == 1
		}},
	{"multiple", "a multiple: grew 1.3 times, a threefold rise",
		func(f *figure) bool {
			w := f.s.word(f.hi)
			return f.q.Unit == "count" && (w == "times" || w == "fold" || w == "-fold")
		}},
	{"per-unit-price", "a price or amount per person that defines what is counted: tickets of 300 yuan per person",
		func(f *figure) bool {
			return f.q.Unit != "count" && f.s.word(f.hi) == "per" && f.s.word(f.hi+1) == "person" && f.rel == "nmod"
		}},
}

// figure turns quantity qi of s into a fact, or drops it.
func (x *extractor) figure(s *sent, qi int) {
	f := newFigure(s, qi)
	for _, r := range skipRules {
		if r.match(f) {
			x.drop(f, r.name)
			return
		}
	}
	f.decideChange()
	if !f.decideMetric() {
		x.drop(f, "no metric: nothing in the sentence says what the number measures")
		return
	}
	ent, erule, edetail := f.decideEntity()
	if ent.Name == "" {
		x.drop(f, "no entity: no place or organisation to own the number")
		return
	}
	f.entity = ent
	year, yrule, ok := f.decideYear()
	if !ok {
		x.noYear++
		x.drop(f, "no year: the text states none and the article has no publication date")
		return
	}
	f.year, f.yearRule = year, yrule
	status, srule := f.decideStatus()
	f.status = status
	period, prule := f.decidePeriod()
	f.period = period
	value := f.q.Value
	if f.ch.kind != changeNone && f.ch.sign < 0 && f.ch.kind == changeRate {
		value = -value
	}
	metric := metricName(f.words)
	if metric == "" {
		x.drop(f, "no metric: the words of the measured noun's phrase make no name")
		return
	}
	f.trace.Entity, f.trace.Year, f.trace.Period, f.trace.Status = erule, yrule, prule, srule
	if edetail != "" {
		f.trace.Detail = edetail
	}
	d := draft{
		f: store.Fact{
			Entity: ent.Name, Metric: metric, Year: year, Period: period, Value: value, Unit: f.q.Unit,
			Qualifier: qualifierOf(f), Status: status,
			SentenceStart: s.start, SentenceEnd: s.end, Sentence: x.text[s.start:s.end],
			Start: f.q.NumStart, End: f.q.NumEnd,
		},
		trace: f.trace,
		sent:  s.ordinal(),
		words: f.words,
	}
	x.facts = append(x.facts, d)
	// "1.8 million phone masts and 45 million users, each over 6
	// percent of the national total": the figure is each listed figure's.
	if ps := f.eachOf(); len(ps) > 1 {
		x.facts = x.facts[:len(x.facts)-1]
		for _, p := range ps {
			e := d
			e.words = append(append(append([]string(nil), p.measure...), f.measure...), f.suffix...)
			e.f.Metric = metricName(e.words)
			e.trace.Metric += ", each"
			e.trace.Detail = strings.Join(e.words, " ")
			x.facts = append(x.facts, e)
		}
	}
	if f.q.Range && f.q.Lo != f.q.Value {
		lo := d
		lo.f.Value, lo.f.Qualifier = f.q.Lo, store.Min
		if f.ch.kind == changeRate && f.ch.sign < 0 {
			lo.f.Value = -lo.f.Value
		}
		lo.f.Start, lo.f.End = f.q.LoStart, f.q.LoEnd
		x.facts[len(x.facts)-1].f.Qualifier = store.Max
		x.facts = append(x.facts, lo)
	}
	s.x.ctx.sawFact(f, year, period, status)
	switch erule {
	case "subject", "possessor", "noun-modifier":
		// What the clause said this of is what "it" will refer to.
		x.tracker.Observe(ent)
		x.tracker.SetSubject(ent)
		x.setPlace(ent)
	case "clause-place", "sentence-place":
		x.tracker.Observe(ent)
		x.setPlace(ent)
	}
}

// drop records why a number became no fact, when traces are asked for.
func (x *extractor) drop(f *figure, reason string) {
	if x.trace {
		x.dropped = append(x.dropped, Dropped{Start: f.q.NumStart, End: f.q.NumEnd, Reason: reason})
	}
}

// qualifierOf is the figure's qualifier, from the words before it.
func qualifierOf(f *figure) store.Qualifier {
	switch f.q.Qualifier {
	case "approx":
		return store.Approx
	case "min":
		return store.Min
	case "max":
		return store.Max
	}
	// "exceeding", "over-fulfilling" and the like as verbs governing the figure.
	if f.gov >= 0 && f.s.tag(f.gov) == nlp.VERB {
		switch f.s.lemma(f.gov) {
		case "exceed", "surpass", "top":
			return store.Min
		}
	}
	return store.Exact
}

// ordinal numbers sentences through the article.
func (s *sent) ordinal() int { return s.no }

// caseWord is the preposition of the figure ("by" in "grew by 5
// percent"), through a repair.
func (f *figure) caseWord() string {
	s := f.s
	c := s.caseOf(f.head)
	if c == "" && f.repaired >= 0 {
		c = s.caseOf(f.repaired)
	}
	// "to 71.98 billion yuan" with "to" hung on "billion": a preposition
	// right before the quantity and attached inside it is the quantity's.
	if p := f.lo - 1; c == "" && p >= 0 && s.rel(p) == "case" && f.inQuantity(s.head(p)) {
		c = s.word(p)
	}
	return c
}

// quantHead returns the token of quantity qi's span whose head lies
// outside it.
func (s *sent) quantHead(qi int) int {
	q := s.quants[qi]
	lo := s.tokAt(q.Start)
	h := lo
	for i := lo; i < len(s.toks) && s.toks[i].Start < q.End; i++ {
		if hh := s.head(i); hh < 0 || s.qtok[hh] != qi {
			h = i
		}
	}
	return h
}

// qstart returns the first token of the figure with its qualifier ("more
// than 40 percent").
func (f *figure) qstart() int {
	if q := f.s.tokAt(f.q.QualStart); q < f.lo {
		return q
	}
	return f.lo
}

// eachOf returns the figures a figure is stated for one by one: the
// listed levels before it in the sentence when its clause's subject is
// "each" or "both" ("..., each representing 60 percent of the total").
func (f *figure) eachOf() []*figure {
	s := f.s
	// "each" as the subject, or wherever the tree put it right before
	// the predicate.
	w := s.word(s.subject(f.pred))
	if f.pred > 0 && w != "each" && w != "both" {
		w = s.word(f.pred - 1)
	}
	if w != "each" && w != "both" {
		return nil
	}
	var levels []*figure
	for _, p := range s.figs {
		if p != f && p.ch.kind == changeNone && p.qi < f.qi && len(p.measure) > 0 {
			levels = append(levels, p)
		}
	}
	if len(levels) < 2 || !oneList(s, levels) {
		return nil
	}
	return levels
}

// ordinalWord reports a rank: first to tenth, 11th, top, last.
func ordinalWord(w string) bool {
	switch w {
	case "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "top", "last":
		return true
	}
	n := len(w)
	return n >= 3 && w[0] >= '0' && w[0] <= '9' && (strings.HasSuffix(w, "th") || strings.HasSuffix(w, "st") || strings.HasSuffix(w, "nd") || strings.HasSuffix(w, "rd"))
}

// isDash reports whether form is a dash that sets off an aside or a list:
// an en dash, an em dash or two hyphens.
func isDash(form string) bool { return form == "\u2013" || form == "\u2014" || form == "--" }
