package extract

import (
	"strings"

	"github.com/almanacdb/almanac/ingest/nlp"
	"github.com/almanacdb/almanac/store"
)

// A figure is a plan when the modality of its own verb says so: a future
// auxiliary, a verb of planning above it, an infinitive of purpose, or a
// noun of target that it is the amount of (GUIDELINES.md: "plan for
// targets, plans and forecasts (will, to build, plans to, aims to,
// expected to)"). A noun "plan" elsewhere in the clause does not make it
// one.

// planVerbs govern what is planned, not done.
var planVerbs = map[string]bool{
	"plan": true, "aim": true, "target": true, "expect": true, "strive": true, "seek": true,
	"intend": true, "forecast": true, "hope": true, "pledge": true, "vow": true, "propose": true,
	"schedule": true, "want": true, "budget": true, "anticipate": true, "predict": true, "project": true,
	"estimate": false, "set": true, "envisage": true, "endeavor": true, "endeavour": true, "strike": false,
	"mean": false, "go": false,
}

// planNouns are what a target figure is the amount of.
var planNouns = map[string]bool{
	"target": true, "goal": true, "plan": true, "objective": true, "aim": true, "forecast": true,
	"projection": true, "budget": true, "quota": true, "expectation": true, "outlook": true,
}

// statusRule decides whether a figure is a plan: a match makes it one,
// or, for a rule marked actual, makes it actual whatever the rules after.
type statusRule struct {
	name   string
	doc    string
	match  func(f *figure) bool
	actual bool
}

var statusRules = []statusRule{
	{"move-start", "the start of a move, dated before the publication year, is what was, whatever the plan: plans to cut output from 9 million tonnes in 2020 to 5 million tonnes in 2025 (9 million is actual)",
		func(f *figure) bool {
			from, _ := f.fromTo()
			pub := f.s.x.pub.Year()
			return from && pub > 0 && f.year < pub
		}, true},
	{"future-auxiliary", "the figure's verb, or one it depends on, is in the future: will reach, is set to hit, is going to",
		func(f *figure) bool {
			return f.s.chainAny(f.pred, func(v int) bool {
				return f.s.hasAux(v, "will", "shall", "'ll", "wo")
			})
		}, false},
	{"plan-verb", "a verb of planning governs the figure's verb: plans to build, aims to raise, is expected to reach",
		func(f *figure) bool {
			s := f.s
			return s.chainAny(f.pred, func(v int) bool {
				return planVerbs[s.lemma(v)] && (s.tag(v) == nlp.VERB || s.tag(v) == nlp.NOUN && s.word(v+1) == "to")
			})
		}, false},
	{"plan-noun", "the figure is the amount of a target: a target of 6 percent, the growth target is 6 percent, expected targets include",
		func(f *figure) bool {
			s := f.s
			for k, steps := f.head, 0; k >= 0 && steps < 8; steps++ {
				if planNouns[s.lemma(k)] {
					return true
				}
				for _, c := range s.children(k) {
					if r := s.rel(int(c)); (r == "compound" || r == "nsubj" || r == "amod") && planNouns[s.lemma(int(c))] {
						return true
					}
				}
				if k == f.pred {
					// The subject of the clause: "the targets include ...".
					if sub := s.subject(k); sub >= 0 && (planNouns[s.lemma(sub)] || s.child(sub, "compound") >= 0 && planNouns[s.lemma(s.child(sub, "compound"))]) {
						return true
					}
					break
				}
				k = s.head(k)
			}
			for _, n := range f.nouns() {
				if planNouns[s.lemma(n)] {
					return true
				}
			}
			return false
		}, false},
	{"planned-modifier", "the measured noun says it is planned: the planned total investment, the expected output",
		func(f *figure) bool {
			s := f.s
			for _, n := range f.nouns() {
				for _, k := range s.children(n) {
					if r := s.rel(int(k)); r == "amod" || r == "compound" {
						switch s.word(int(k)) {
						case "planned", "expected", "targeted", "projected", "estimated", "anticipated", "scheduled", "forecast":
							return true
						}
					}
				}
			}
			return false
		}, false},
	{"infinitive", "the figure belongs to an infinitive of purpose: to build 300 stations, to attract 2 billion yuan",
		func(f *figure) bool {
			s := f.s
			v := f.pred
			if v < 0 || s.tag(v) != nlp.VERB {
				return false
			}
			m := s.child(v, "mark")
			if m < 0 || s.word(m) != "to" {
				return false
			}
			// "is to be completed within the year": what is to be done.
			if s.hasAux(v, "is", "are") || s.word(s.head(v)) == "is" || s.word(s.head(v)) == "are" {
				return true
			}
			switch s.rel(v) {
			case "xcomp", "advcl", "acl", "ccomp", "csubj":
				h := s.head(v)
				// "was able to", "managed to", "used to" report what was done,
				// and so does a purpose in a past clause: "to back 18
				// projects, the city put 8 million yuan into them".
				switch s.lemma(h) {
				case "able", "manage", "use", "help", "begin", "start", "continue":
					return false
				}
				return !s.past(h) && !s.pastYear()
			}
			return false
		}, false},
	{"deadline", "a figure to be reached by a year after publication: 300 stations by 2025",
		func(f *figure) bool {
			s := f.s
			pub := s.x.pub.Year()
			for _, t := range s.times {
				if t.deadline && t.year > pub && pub > 0 && s.sameClause(f, t.first) {
					return true
				}
			}
			return false
		}, false},
}

// past reports whether verb v is in a past tense: its form differs from
// its lemma and is no present participle or third-person present.
func (s *sent) past(v int) bool {
	if v < 0 || s.tag(v) != nlp.VERB {
		return false
	}
	if s.hasAux(v, "did", "was", "were", "had") {
		return true
	}
	w, l := s.word(v), s.lemma(v)
	return w != l && !strings.HasSuffix(w, "ing") && w != l+"s" && w != l+"es" && !strings.HasSuffix(w, "ies")
}

// pastYear reports whether the sentence states a year before the
// publication year: its clauses report what was done.
func (s *sent) pastYear() bool {
	pub := s.x.pub.Year()
	for _, t := range s.times {
		if (t.kind == timeYear || t.kind == timeRelative) && !t.base && t.year > 0 && t.year < pub {
			return true
		}
	}
	return false
}

// chainAny reports whether pred or a verb it depends on (through xcomp,
// ccomp, conj and advcl, up to the sentence's root) satisfies ok.
func (s *sent) chainAny(pred int, ok func(int) bool) bool {
	for v, steps := pred, 0; v >= 0 && steps < 6; steps++ {
		if ok(v) {
			return true
		}
		switch s.rel(v) {
		case "xcomp", "ccomp", "conj", "advcl", "acl", "csubj":
			v = s.head(v)
		default:
			return false
		}
	}
	return false
}

func (f *figure) decideStatus() (store.Status, string) {
	for _, r := range statusRules {
		if r.match(f) {
			if r.actual {
				return store.Actual, r.name
			}
			return store.Plan, r.name
		}
	}
	return store.Actual, "actual"
}

// planned reports whether the clause of token k states a plan: its year
// does not become the running year of what was done.
func (s *sent) planned(k int) bool {
	if !s.parsed {
		for i := range s.toks {
			if w := s.word(i); w == "will" || w == "plan" || w == "plans" || w == "target" || w == "aims" || w == "goal" {
				return true
			}
		}
		return false
	}
	v := s.predicate(k)
	return s.chainAny(v, func(v int) bool {
		return s.hasAux(v, "will", "shall") || planVerbs[s.lemma(v)] && s.tag(v) == nlp.VERB
	})
}

// columnStatusRule decides from a table's column header whether its
// figures are plans (table.go); a column none matches is actual.
type columnStatusRule struct {
	name  string
	doc   string
	match func(h string) (store.Status, bool)
}

var columnStatusRules = []columnStatusRule{
	{"column-plan", "a header that names a plan: 2025 Target, Plan, Forecast, Guidance, Outlook, 2026E",
		func(h string) (store.Status, bool) {
			low := strings.ToLower(h)
			for _, w := range []string{"target", "plan", "forecast", "guidance", "outlook", "estimate", "projected", "budget"} {
				if strings.Contains(low, w) {
					return store.Plan, true
				}
			}
			if f := strings.Fields(low); len(f) == 1 && len(f[0]) == 5 && f[0][4] == 'e' {
				if _, ok := fourDigitYear(f[0][:4]); ok {
					return store.Plan, true // "2026E": an estimate
				}
			}
			return 0, false
		}},
	{"table-actual", "a table's figures are actual unless the header says otherwise",
		func(h string) (store.Status, bool) { return store.Actual, true }},
}
