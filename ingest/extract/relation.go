package extract

import (
	"strings"

	"github.com/almanacdb/almanac/ingest/nlp"
)

// This file decides how a figure relates to the rest of its sentence: a
// change of another quantity (and which way), a number that is no fact
// (inside a name, a duration, a threshold), and the other figure a
// change or a share is about.

type changeKind uint8

const (
	changeNone   changeKind = iota
	changeRate              // a percentage change: metric_growth, percent
	changeAmount            // an absolute change: metric_increase or _decrease, in the level's unit
)

// change is what a figure's change rule found.
type change struct {
	kind changeKind
	sign int // +1 up, -1 down
	word int // the token of the change word, -1 if none
	// base is the noun whose quantity changed, -1 if the change word did
	// not say; then the change is of the figure before it in the sentence.
	base int
}

// changeLemma gives the direction of the words of change, by lemma, for
// verbs and nouns alike ("increase"/VERB and NOUN).
var changeLemma = map[string]int{
	"increase": 1, "rise": 1, "grow": 1, "growth": 1, "climb": 1, "jump": 1, "surge": 1, "soar": 1,
	"gain": 1, "expand": 1, "expansion": 1, "rebound": 1, "hike": 1, "up": 1, "go up": 1, "add": 1,
	"accelerate": 1, "boost": 1, "double": 1, "swell": 1, "spike": 1, "upturn": 1, "uptick": 1,
	"raise": 1, "lift": 1, "enlarge": 1, "widen": 1,
	"decrease": -1, "decline": -1, "fall": -1, "drop": -1, "dip": -1, "slide": -1, "slump": -1,
	"plunge": -1, "shrink": -1, "contract": -1, "contraction": -1, "down": -1, "reduce": -1,
	"reduction": -1, "cut": -1, "lower": -1, "tumble": -1, "sink": -1, "slip": -1, "ease": -1,
	"retreat": -1, "downturn": -1, "plummet": -1, "decrement": -1,
}

// changeRule decides whether a figure is a change, of what, and which way.
type changeRule struct {
	name  string
	doc   string
	match func(f *figure) (change, bool)
}

var changeRules = []changeRule{
	{"change-noun-of", "the figure is what a noun of change amounts to: an increase of 45 percent, a drop of 3,000 tonnes",
		func(f *figure) (change, bool) {
			s := f.s
			if r := f.rel; (r == "nmod" || r == "obl") && isChangeNoun(s, f.gov) {
				c := f.caseWord()
				if c == "of" || c == "by" || c == "" {
					return f.changeOf(f.gov), true
				}
			}
			return change{}, false
		}},
	{"change-noun-modifier", "the figure modifies a noun of change: a 31.2-percent increase, a 9 percent rise in sales",
		func(f *figure) (change, bool) {
			s := f.s
			// "a 10 percent rise", "a 7 percent year on year rise":
			// the noun of change right after the figure, whatever the tree
			// made of the words between (in a long list it hangs figures
			// on the wrong noun).
			k := f.hi
			for k < len(s.toks) && k <= f.hi+5 && (yoyWord(s.word(k)) || s.tag(k) == nlp.ADJ) {
				k++
			}
			if isChangeNoun(s, k) {
				return f.changeOf(k), true
			}
			switch f.rel {
			case "nummod", "compound", "amod", "nmod", "obl", "det":
				if isChangeNoun(s, f.gov) && f.gov > f.head {
					return f.changeOf(f.gov), true
				}
			}
			return change{}, false
		}},
	{"change-verb", "the figure is by how much a verb of change moved: exports grew 12.3 percent, fell by 3.2 percent, rising 8 percent",
		func(f *figure) (change, bool) {
			s := f.s
			v := f.gov
			switch f.rel {
			case "obj", "obl", "advmod", "xcomp", "nmod", "dep", "iobj", "nsubj":
			default:
				return change{}, false
			}
			if v < 0 || !isChangeVerb(s, v) {
				return change{}, false
			}
			c := f.caseWord()
			if c == "to" || c == "at" || c == "from" {
				return change{}, false // the level it reached, or the one it left
			}
			if f.q.Unit != "percent" && c != "by" {
				// "imports grew to 5 billion yuan" is a level; "grew 5
				// billion yuan" says too little: only "by" makes it a change.
				return change{}, false
			}
			ch := f.changeOf(v)
			ch.base = s.subject(v)
			if ch.base >= 0 && (s.mentionAt(ch.base) != nil || !s.isMetricNoun(ch.base)) {
				ch.base = -1 // "Harbin grew 8 percent": the place, not what grew
			}
			// "raised its output by 4 percent", "cut costs by 3 percent":
			// a verb of change with an object changes the object.
			if o := s.child(v, "obj"); o >= 0 && o != f.head && !f.inQuantity(o) && s.isMetricNoun(o) && s.mentionAt(o) == nil && c == "by" {
				ch.base = o
			}
			return ch, true
		}},
	{"up-down", "up or down before the figure: up 11.1 percent, down 3 percent year on year",
		func(f *figure) (change, bool) {
			s := f.s
			k := f.lo - 1
			for k >= 0 && (s.word(k) == "by" || s.qtok != nil && s.qtok[k] == f.qi || f.modifies(k) && s.word(k) != "up" && s.word(k) != "down") {
				k--
			}
			if k < f.lo-1 && s.word(k) != "up" && s.word(k) != "down" {
				return change{}, false
			}
			if k < 0 || s.relFull(k) == "compound:prt" || s.tag(k-1) == nlp.VERB && s.head(k) == k-1 {
				return change{}, false // "made up 44.6 percent": a particle
			}
			switch s.word(k) {
			case "up":
				return change{kind: kindFor(f), sign: 1, word: k, base: -1}, true
			case "down":
				return change{kind: kindFor(f), sign: -1, word: k, base: -1}, true
			}
			return change{}, false
		}},
	{"outdo-verb", "a verb of outdoing by a percentage: attendance beat the last season by 12 percent, exports outpaced imports by 3 percent",
		func(f *figure) (change, bool) {
			s := f.s
			v := f.gov
			if f.q.Unit != "percent" || f.caseWord() != "by" || v < 0 || s.tag(v) != nlp.VERB {
				return change{}, false
			}
			switch s.lemma(v) {
			case "beat", "exceed", "outpace", "surpass", "outstrip", "top", "outperform":
			default:
				return change{}, false
			}
			ch := change{kind: changeRate, sign: 1, word: v, base: s.subject(v)}
			if ch.base >= 0 && (s.mentionAt(ch.base) != nil || !s.isMetricNoun(ch.base)) {
				ch.base = -1
			}
			return ch, true
		}},
	{"comparative", "a percentage more or less than a base: 6 percent more than the year before, 8 percent higher than a year earlier",
		func(f *figure) (change, bool) {
			s := f.s
			if f.q.Unit != "percent" {
				return change{}, false
			}
			k := f.hi
			for k < len(s.toks) && yoyWord(s.word(k)) {
				k++
			}
			sign := 0
			switch s.word(k) {
			case "more", "higher", "greater", "larger", "bigger", "faster", "above":
				sign = 1
			case "less", "lower", "fewer", "smaller", "below", "slower":
				sign = -1
			}
			if sign == 0 {
				return change{}, false
			}
			// A comparison says what it is measured against; without one
			// ("5 percent more land") the word modifies a noun.
			if w := s.word(k + 1); s.word(k) != "above" && s.word(k) != "below" && w != "than" && w != "on" && w != "over" && w != "from" && w != "compared" && w != "," && w != "." && w != "year-on-year" && !yoyWord(w) {
				return change{}, false
			}
			return change{kind: changeRate, sign: sign, word: k, base: -1}, true
		}},
	{"change-word-before", "a word of change just before the figure, whatever the tree: its added value rise by 8 percent, registering a rise of 10.9 percent",
		func(f *figure) (change, bool) {
			s := f.s
			k := f.lo - 1
			for steps := 0; k >= 0 && steps < 5; steps++ {
				switch s.word(k) {
				case "by", "of", "a", "an", "the", "year-on-year",
					"more", "than", "over", "nearly", "almost", "about", "around", "some", "roughly": // "growth by more than 40 percent"
					k--
					continue
				}
				break
			}
			if k < 0 || k == f.lo-1 && s.tag(k) != nlp.VERB && (f.q.Unit != "percent" || s.tag(k-1) == nlp.DET) {
				// "a rise 5 percent" is no phrase; "saw its income rise 7.8
				// percent" is a verb the tagger took for a noun.
				return change{}, false
			}
			sign, ok := changeLemma[s.lemma(k)]
			if !ok {
				sign, ok = changeLemma[s.word(k)]
			}
			if !ok || s.word(k) == "up" || s.word(k) == "down" {
				return change{}, false
			}
			if f.q.Unit != "percent" && s.word(k+1) != "by" {
				return change{}, false
			}
			return change{kind: kindFor(f), sign: sign, word: k, base: -1}, true
		}},
	{"minus", "a rate written as minus: from minus 42.5 percent",
		func(f *figure) (change, bool) {
			if f.q.Unit == "percent" && f.s.word(f.lo-1) == "minus" {
				return change{kind: changeRate, sign: -1, word: -1, base: -1}, true
			}
			return change{}, false
		}},
	{"year-on-year", "a percentage followed by a year-on-year comparison: 8.8 percent year on year, 5 percent over the previous year",
		func(f *figure) (change, bool) {
			if f.q.Unit != "percent" || !yearOnYearAt(f.s, f.hi) {
				return change{}, false
			}
			return change{kind: changeRate, sign: 1, word: -1, base: -1}, true
		}},
	{"joined-change", "a figure joined to a change by \"and\" or a comma alone, in the same unit, is a change the same way: up 15 percent and 14 percent, respectively",
		func(f *figure) (change, bool) {
			s := f.s
			n := len(s.figs)
			if n == 0 {
				return change{}, false
			}
			p := s.figs[n-1]
			if p.ch.kind == changeNone || p.qi != f.qi-1 || p.q.Unit != f.q.Unit || !s.joined(p.qi, f.qi) || s.word(f.hi) == "of" {
				// "up 5 percent, 40 percent of the total": a share, no change.
				return change{}, false
			}
			return change{kind: p.ch.kind, sign: p.ch.sign, word: p.ch.word, base: -1}, true
		}},
}

// kindFor is the change kind of a figure: a rate for a percentage, an
// amount otherwise.
func kindFor(f *figure) changeKind {
	if f.q.Unit == "percent" {
		return changeRate
	}
	if f.q.Unit == "points" {
		return changeNone
	}
	return changeAmount
}

// changeOf is the change a word of change at token w makes of the figure.
func (f *figure) changeOf(w int) change {
	s := f.s
	sign := changeLemma[s.lemma(w)]
	if sign == 0 {
		sign = 1
	}
	ch := change{kind: kindFor(f), sign: sign, word: w, base: -1}
	// "a rise in regional GDP": the phrase right after the word, whatever
	// the tree made of a long list.
	if c := s.word(w + 1); (c == "in" || c == "of") && w+2 < len(s.toks) {
		k := w + 2
		for k < len(s.toks) && (s.tag(k) == nlp.DET || s.tag(k) == nlp.PRON && s.relFull(k) == "nmod:poss") {
			k++
		}
		for k+1 < len(s.toks) && (s.tag(k) == nlp.ADJ || s.tag(k) == nlp.NOUN || s.tag(k) == nlp.VERB && strings.HasSuffix(s.word(k), "ed")) && (s.tag(k+1) == nlp.NOUN || s.tag(k+1) == nlp.ADJ) && s.word(k+1) != "year" {
			k++
		}
		if s.isMetricNoun(k) && !f.inQuantity(k) {
			ch.base = s.npHead(k)
			return ch
		}
	}
	// "a rise in regional GDP", "growth of the food industry".
	for _, k := range s.children(w) {
		if s.rel(int(k)) == "nmod" && !f.inQuantity(int(k)) {
			if c := s.caseOf(int(k)); (c == "in" || c == "of") && s.tag(int(k)) == nlp.NOUN && s.mentionIn(int(k)) == nil && !s.isTimeNoun(int(k)) {
				ch.base = int(k)
				break
			}
		}
	}
	return ch
}

func isChangeNoun(s *sent, i int) bool {
	if i < 0 || s.tag(i) != nlp.NOUN && s.tag(i) != nlp.VERB {
		return false
	}
	_, ok := changeLemma[s.lemma(i)]
	return ok && s.tag(i) == nlp.NOUN || ok && s.word(i) == "increase"
}

func isChangeVerb(s *sent, i int) bool {
	if i < 0 {
		return false
	}
	switch s.tag(i) {
	case nlp.VERB, nlp.ADV, nlp.ADP:
	default:
		return false
	}
	_, ok := changeLemma[s.lemma(i)]
	if !ok {
		_, ok = changeLemma[s.word(i)]
	}
	return ok
}

// yoyWord reports whether w is a word of "year on year" / "year-on-year".
func yoyWord(w string) bool {
	return w == "year" || w == "on" || w == "-" || w == "year-on-year" || w == "yoy"
}

// yearOnYearAt reports whether a year-on-year comparison starts at token i.
func yearOnYearAt(s *sent, i int) bool {
	w := s.word(i)
	switch w {
	case "year", "yoy", "y-o-y", "year-on-year", "annually":
		return w != "year" || s.word(i+1) == "-" && s.word(i+2) == "on" || s.word(i+1) == "on" && s.word(i+2) == "year"
	case "from", "over", "compared", "than":
		n := s.word(i + 1)
		return n == "a" && s.word(i+2) == "year" || n == "the" && (s.word(i+2) == "same" || s.word(i+2) == "previous" || s.word(i+2) == "year") || n == "last" && s.word(i+2) == "year" || n == "with" && (s.word(i+2) == "the" || s.word(i+2) == "last")
	}
	return false
}

// decideChange runs the change rules.
func (f *figure) decideChange() {
	if f.q.Unit == "points" {
		return
	}
	for _, r := range changeRules {
		if ch, ok := r.match(f); ok && ch.kind != changeNone {
			f.ch = ch
			f.trace.Change = r.name
			return
		}
	}
}

// inName reports whether tokens [lo, hi) sit inside a capitalised name
// or a quoted title ("the 14th Five-Year Plan", "\"Top 100 Counties\"").
func (s *sent) inName(lo, hi int) bool {
	capital := func(i int) bool {
		if i < 0 || i >= len(s.toks) {
			return false
		}
		f := s.toks[i].Form
		return f != "" && f[0] >= 'A' && f[0] <= 'Z' && s.toks[i].Tag == nlp.PROPN
	}
	// A number between two capitalised words of one name: "Harbin 2025
	// Expo", or before a capitalised run that a name head ends.
	if capital(lo-1) && capital(hi) && !s.isUnitToken(hi) {
		return true
	}
	// Inside quotation marks: a title or a slogan ("the \"4+4\" system").
	return s.quoted(lo, hi)
}

// quoted reports whether tokens [lo, hi) sit inside a short quotation:
// the nearest quotation mark before opens one, the nearest after closes
// it, and the quotation is at most a dozen tokens.
func (s *sent) quoted(lo, hi int) bool {
	straight := 0
	open := -1
	for i := 0; i < lo; i++ {
		switch s.toks[i].Form {
		case "\u201c":
			open = i
		case "\u201d":
			open = -1
		case "\"":
			straight++
			if straight%2 == 1 {
				open = i
			} else {
				open = -1
			}
		}
	}
	if open < 0 || lo-open > 10 {
		return false
	}
	for i := hi; i < len(s.toks) && i-open <= 12; i++ {
		switch s.toks[i].Form {
		case "\u201d", "\"":
			return true
		case "\u201c":
			return false
		}
	}
	return false
}

// afterName reports whether token i follows a capitalised name word
// directly, as a version or edition does ("Map 2.0", "Expo 2025").
func (s *sent) afterName(i int) bool {
	if i == 0 || s.toks[i-1].Tag != nlp.PROPN || s.mentionAt(i-1) != nil {
		return false
	}
	if s.afterMonth(i) {
		return false
	}
	return s.toks[i-1].End == s.toks[i].Start-1
}

// versionAfterName reports whether token i is a version number after a
// capitalised word: "the Digital Economy Map 2.0", "Industry 4.0". A
// count is never written with a decimal point.
func (s *sent) versionAfterName(i int) bool {
	if i < 2 || i >= len(s.toks) {
		return false
	}
	prev, w := s.toks[i-1].Form, s.toks[i].Form
	if prev == "" || prev[0] < 'A' || prev[0] > 'Z' || strings.IndexByte(w, '.') < 0 {
		return false
	}
	for _, r := range w {
		if r != '.' && (r < '0' || r > '9') {
			return false
		}
	}
	// "In May 2.5 million tourists came": a month, and a number that
	// counts a noun or takes a scale, are no name and its version.
	if s.afterMonth(i) || s.tag(i+1) == nlp.NOUN || s.tag(i+1) == nlp.NUM {
		return false
	}
	return true
}

// afterMonth reports whether token i follows a month's name.
func (s *sent) afterMonth(i int) bool {
	switch s.lemma(i - 1) {
	case "january", "february", "march", "april", "may", "june", "july", "august", "september",
		"october", "november", "december", "jan.", "feb.", "aug.", "sept.", "oct.", "nov.", "dec.":
		return true
	}
	return false
}

// isUnitToken reports whether token i is a currency or unit word that a
// capital may start ("U.S. dollars").
func (s *sent) isUnitToken(i int) bool {
	switch s.word(i) {
	case "u.s.", "us", "hong", "rmb":
		return true
	}
	return false
}

// durationNouns are the nouns of spans of time.
var durationNouns = map[string]bool{
	"day": true, "week": true, "month": true, "year": true, "hour": true, "minute": true, "decade": true,
	"quarter": true, "season": true, "session": true,
}

// duration reports whether a count figure is the length of something:
// "a five-day event", "for 10 days", "in three years", "a two-hour trip",
// "in 6 to 8 hours".
// A number of days that is itself the statistic is in days, a unit.
func (s *sent) duration(f *figure) bool {
	if f.q.Unit != "count" {
		return false
	}
	k := f.hi
	if w := s.word(k); (w == "to" || w == "or" || w == "-") && s.tag(k+1) == nlp.NUM {
		k += 2 // "in 6 to 8 hours": a range of lengths
	}
	if s.word(k) == "-" {
		k++
	}
	for s.word(k) == "consecutive" || s.word(k) == "straight" || s.word(k) == "successive" || s.word(k) == "more" {
		k++
	}
	n := s.lemma(k)
	if !durationNouns[n] {
		return false
	}
	// "the first 10 days of the month saw ...": still a span, not counted.
	return true
}

// threshold reports whether the figure bounds a category of the things
// another figure counts: "projects each worth over 2 billion
// yuan", "enterprises with annual revenue above 20 million yuan",
// "200 projects of over 100 million yuan". A bound on a flow ("exports of
// more than 5 billion yuan") is a fact.
func (s *sent) threshold(f *figure) bool {
	each := false
	for i := max(0, f.lo-8); i < f.lo; i++ { // "each with sales of over 2 million yuan"
		if s.word(i) == "each" {
			each = true
		}
	}
	if f.q.Qualifier != "min" && f.q.Qualifier != "max" && !each {
		return false
	}
	if f.q.Unit == "count" && !each {
		// "23 universities with over 200,000 students" counts students:
		// a category's bound is a measure of it (income, investment).
		return false
	}
	if each && (f.q.Qualifier == "min" || f.q.Qualifier == "max") && f.q.Unit != "count" && f.q.Unit != "percent" {
		// "12 farms each sold more than 2 million yuan of rice", "9
		// mills, each with sales above 5 million yuan": a bound each
		// member of a counted group passes.
		return true
	}
	// Climb through the phrase to the plural noun it modifies.
	k := f.head
	bounding := each
	for steps := 0; k >= 0 && steps < 4; steps++ {
		h := s.head(k)
		if h < 0 {
			return false
		}
		c := s.caseOf(k)
		if c == "with" || c == "above" || c == "over" || c == "exceeding" || s.rel(k) == "acl" {
			bounding = true
		}
		if s.rel(k) == "nmod" || s.rel(k) == "acl" {
			if s.tag(h) == nlp.NOUN && strings.HasSuffix(s.word(h), "s") && h < f.lo {
				return bounding || s.child(h, "nummod") >= 0
			}
		}
		k = h
	}
	return false
}

// changeColumnRule decides that a table's column holds changes (table.go).
type changeColumnRule struct {
	name  string
	doc   string
	match func(h string) bool
}

var changeColumnRules = []changeColumnRule{
	{"change-column", "a header that names a change and no period: YoY% Change, % Change, Growth, y/y; its cells are the changes of the first dated column",
		func(h string) bool {
			low := strings.ToLower(h)
			if strings.ContainsAny(low, "0123456789") {
				return false
			}
			for _, w := range []string{"change", "growth", "yoy", "y/y", "y-o-y", "%", "increase"} {
				if strings.Contains(low, w) {
					return true
				}
			}
			return false
		}},
}
