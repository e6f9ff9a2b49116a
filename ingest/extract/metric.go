package extract

import (
	"slices"
	"strings"
	"unicode"

	"github.com/almanacdb/almanac/ingest/nlp"
	"github.com/almanacdb/almanac/ingest/recognize"
)

// The metric is the head noun of the figure's phrase with its modifiers
// (GUIDELINES.md: "built from the text's own noun phrase"). Each rule
// finds that noun from where the figure hangs in the tree.

// metricRule finds the noun a figure measures.
type metricRule struct {
	name  string
	doc   string
	match func(f *figure) (noun int, ok bool)
}

var metricRules = []metricRule{
	{"dimension", "a measure written into a modifier with an adjective of size names that size of the noun: a 300-meter-long bridge (bridge length), a 50-meter-high tower",
		func(f *figure) (int, bool) {
			s := f.s
			if f.q.Unit == "count" || f.q.Unit == "percent" || !f.q.Compound {
				return -1, false
			}
			k := f.hi
			if s.word(k) == "-" {
				k++
			}
			dim, ok := dimensionNouns[s.word(k)]
			if !ok {
				// "the 921-km line", "a 300-hectare park": a length or an
				// area written into the modifier is the noun's.
				switch f.q.Unit {
				case "km", "m":
					dim = "length"
				case "m2", "km2", "hectares", "mu":
					dim = "area"
				default:
					return -1, false
				}
				k-- // no adjective of size: the noun follows the unit
			}
			// The noun the modifier leads to.
			// The noun the modifier leads to: the last noun of the phrase,
			// past adjectives and participles ("windproof heated shelter").
			n := -1
			for i := k + 1; i < len(s.toks) && i <= k+5; i++ {
				t := s.tag(i)
				if t == nlp.NOUN {
					n = i
					continue
				}
				if t != nlp.ADJ && !(t == nlp.VERB && strings.HasSuffix(s.word(i), "ed")) {
					break
				}
			}
			if n < 0 {
				return -1, false
			}
			var words []string
			for _, w := range s.phraseWords(n, f) {
				if _, isDim := dimensionNouns[w]; !isDim {
					words = append(words, w)
				}
			}
			f.measure = append(words, dim)
			f.noun = n
			return -2, true
		}},
	{"area-verb", "an area a place covers, occupies or spans is its area: covering over 1 million square meters",
		func(f *figure) (int, bool) {
			s := f.s
			switch f.q.Unit {
			case "m2", "km2", "hectares", "mu":
			default:
				return -1, false
			}
			switch s.lemma(f.gov) {
			case "cover", "occupy", "span", "sprawl", "stretch":
				if f.rel == "obj" || f.rel == "obl" {
					f.measure = []string{"area"}
					return -2, true
				}
			}
			return -1, false
		}},
	{"from-to-noun", "the start of a move from one count to another counts what the end does: from 16 to 24 lanes",
		func(f *figure) (int, bool) {
			s := f.s
			if s.word(f.lo-1) != "from" || s.word(f.hi) != "to" || f.qi+1 >= len(s.quants) {
				return -1, false
			}
			o := s.quants[f.qi+1]
			if o.Unit != f.q.Unit || s.tokAt(o.Start) != f.hi+1 {
				return -1, false
			}
			end := s.lastTok(o.End) + 1
			if end < len(s.toks) && s.tag(end) == nlp.NOUN || end < len(s.toks) && s.tag(end) == nlp.ADJ {
				for end+1 < len(s.toks) && s.tag(end+1) == nlp.NOUN {
					end++
				}
				if s.isMetricNoun(end) {
					return end, true
				}
			}
			return -1, false
		}},
	{"from-side", "the start of a move a change made measures what changed: output fell by 1 million tonnes, from 9 million tonnes in 2019 to 8 million tonnes (output)",
		func(f *figure) (int, bool) {
			s := f.s
			if from, _ := f.fromTo(); !from || len(s.figs) == 0 {
				return -1, false
			}
			p := s.figs[len(s.figs)-1]
			if p.ch.kind == changeNone || len(p.measure) == 0 || p.ch.kind == changeRate && f.q.Unit == "percent" {
				return -1, false
			}
			f.cat, f.measure = p.cat, append([]string(nil), p.measure...)
			return -2, true
		}},
	{"from-base", "the level a change started from measures what changed: revenue was 1.4 billion yuan, an increase of 16 percent from 1.2 billion yuan (revenue); capacity reached 6 GW, up from 3 GW (capacity)",
		func(f *figure) (int, bool) {
			s := f.s
			if s.word(f.lo-1) != "from" || len(s.figs) == 0 {
				return -1, false
			}
			if from, _ := f.fromTo(); from {
				return -1, false // a move: from-side
			}
			p := s.figs[len(s.figs)-1]
			// "an increase of 16 percent from ...", or a level and then
			// "up from" or "down from" another in its unit.
			upFrom := p.ch.kind == changeNone && p.q.Unit == f.q.Unit && (s.word(f.lo-2) == "up" || s.word(f.lo-2) == "down")
			if p.ch.kind == changeNone && !upFrom || len(p.measure) == 0 || p.hi > f.lo || f.q.Unit == "percent" && p.q.Unit == "percent" && !upFrom {
				return -1, false
			}
			for i := p.hi; i < f.lo-1; i++ {
				if s.tag(i) == nlp.VERB && s.rel(i) != "amod" && s.rel(i) != "acl" || s.word(i) == ";" {
					return -1, false // only the phrases of the two figures between
				}
			}
			f.cat, f.measure = p.cat, append([]string(nil), p.measure...)
			return -2, true
		}},
	{"to-side", "the end of a move from one level to another measures what its start did: cut oil output from 40 million tonnes in 2014 to 32 million tonnes in 2020",
		func(f *figure) (int, bool) {
			s := f.s
			if _, to := f.fromTo(); !to {
				return -1, false
			}
			for i := len(s.figs) - 1; i >= 0; i-- {
				p := s.figs[i]
				if p.q.Unit != f.q.Unit {
					continue
				}
				if from, _ := p.fromTo(); !from || p.ch.kind != changeNone || len(p.measure) == 0 {
					return -1, false
				}
				f.cat, f.measure = p.cat, append([]string(nil), p.measure...)
				return -2, true
			}
			return -1, false
		}},
	{"unit-of-noun", "a unit with an of-phrase names the stuff measured: 15 million tons of crude oil, 4 billion kWh of power, 5 million yuan in subsidies",
		func(f *figure) (int, bool) {
			s := f.s
			if f.q.Unit == "count" || f.q.Unit == "percent" {
				return -1, false
			}
			for _, k := range s.children(f.head) {
				c := s.caseOf(int(k))
				// "5 million yuan in subsidies": an amount's in-phrase.
				if c == "in" && !recognize.IsCurrency(f.q.Unit) {
					continue
				}
				if s.rel(int(k)) == "nmod" && (c == "of" || c == "in") && s.isMetricNoun(int(k)) {
					switch s.lemma(int(k)) {
					case "total", "whole", "sum":
						continue // "30 million tonnes of the total": a share of a whole
					}
					if c := s.childCase(int(k)); c >= 0 && s.word(c+1) == "the" && (s.word(c+2) == "total" || s.word(c+2) == "whole") {
						continue // the same, with "total" taken for an adjective of what follows
					}
					return int(k), true
				}
			}
			return -1, false
		}},
	{"target-completion", "a percentage of a target that is completed, fulfilled or met is the completion of that target by what the clause measures: farm output reached 3 million tonnes, fulfilling 62 percent of the yearly plan",
		func(f *figure) (int, bool) {
			s := f.s
			v := f.gov
			if f.q.Unit != "percent" || v < 0 || f.rel != "obj" || !completeVerbs[s.lemma(v)] {
				return -1, false
			}
			k := s.ofChild(f.head)
			if k < 0 || !planNouns[s.lemma(k)] {
				return -1, false
			}
			sub := s.subject(v)
			if sub < 0 && (s.rel(v) == "advcl" || s.rel(v) == "conj" || s.rel(v) == "xcomp") {
				sub = s.subject(s.head(v)) // "hit 2 billion yuan, completing ..."
			}
			if sub >= 0 && s.mentionIn(sub) != nil && len(s.x.lastMeasure) > 0 && s.x.lastMeasureSent >= s.ordinal()-2 {
				// "Jixi drew 2 billion yuan of investment. The city
				// completed 40 percent of its annual target": the target
				// of what the text has just measured.
				f.measure = append(append(append([]string(nil), s.x.lastMeasure...), s.phraseWords(k, f)...), "completion")
				return -2, true
			}
			if !s.isMetricNoun(sub) || s.mentionAt(sub) != nil {
				return -1, false
			}
			f.measure = append(append(s.phraseWords(sub, f), s.phraseWords(k, f)...), "completion")
			return -2, true
		}},
	{"percent-of", "a percentage of a rate or a whole: 5.8 percent of economy growth, 11 percent of China's rice production (a share)",
		func(f *figure) (int, bool) {
			s := f.s
			if f.q.Unit != "percent" {
				return -1, false
			}
			k := s.ofChild(f.head)
			if k < 0 {
				// "made up 9% of the nation's wheat harvest": the of-phrase
				// may hang on the verb.
				if v := f.gov; v >= 0 && shareVerbs[s.lemma(v)] {
					for _, c := range s.children(v) {
						if int(c) > f.head && s.caseOf(int(c)) == "of" && s.isMetricNoun(int(c)) {
							k = int(c)
							break
						}
					}
				}
			}
			whole := false
			if k < 0 {
				// "making up 38 percent of the total": the whole is the
				// total of what the clause counts.
				for _, c := range s.children(f.head) {
					if l := s.lemma(int(c)); int(c) > f.head && s.caseOf(int(c)) == "of" && (l == "total" || l == "whole") {
						k, whole = int(c), true
						break
					}
				}
			}
			if k < 0 {
				return -1, false
			}
			switch l := s.lemma(k); {
			case (l == "growth" || l == "rate" || l == "increase") && !shareVerbs[s.lemma(f.gov)]:
				// "5.8 percent of economic growth": the percentage is that
				// rate; "represents 6.7 percent of the grain output
				// increase" is a share of it.
				return k, true
			case s.wholeOf(k):
				// "produced 15 percent of the total electricity", "10
				// percent of all visitors": a share of a whole. A
				// present participle of sharing has no subject of its
				// own: in "the city had 300 firms, making up 40 percent of
				// all firms in the province", the part is the level
				// before ("made up" after a comma is a clause of its own).
				f.shareOfWhole = true
				if v := f.gov; shareVerbs[s.lemma(v)] && strings.HasSuffix(s.word(v), "ing") && (s.subject(v) < 0 && (s.rel(v) == "advcl" || s.rel(v) == "xcomp") || s.rel(v) == "acl" && !s.isMetricNoun(s.head(v))) {
					if p := s.lastLevel(); p != nil {
						f.shareCat = p.measure
					}
				}
				return k, true
			case f.rel == "nsubj" || f.rel == "nsubj:pass":
				// "92 percent of the passengers came from Russia": a
				// percentage of a group that does something is a share.
				f.shareOfWhole = true
				return k, true
			case whole && (shareVerbs[s.lemma(f.gov)] || s.word(f.qstart()-1) == ","):
				f.shareOfWhole = true
				if sub := s.subject(f.gov); s.isMetricNoun(sub) && s.mentionAt(sub) == nil {
					f.shareCat = s.phraseWords(sub, f)
				} else if n := len(s.figs); n > 0 && s.figs[n-1].ch.kind == changeNone {
					f.shareCat = s.figs[n-1].measure
				}
				return k, true
			case shareVerbs[s.lemma(f.gov)] || s.lemma(f.gov) == "share" || s.lemma(f.gov) == "proportion":
				f.shareOfWhole = true
				return k, true
			case s.word(f.qstart()-1) == "," && len(s.figs) > 0 && s.figs[len(s.figs)-1].pred == f.pred:
				// "spending reached 1.2 billion yuan, 40 percent of the
				// city's total": a percentage set beside a figure is its
				// share of the whole.
				f.shareOfWhole = true
				if p := s.figs[len(s.figs)-1]; p.ch.kind == changeNone {
					f.shareCat = p.measure
				}
				return k, true
			}
			return -1, false
		}},
	{"partitive-subset", "a count of part of a set named before it: of the 200 key projects, 166 have started construction",
		func(f *figure) (int, bool) {
			s := f.s
			if f.q.Unit != "count" || f.rel != "nsubj" {
				return -1, false
			}
			v := f.gov
			for _, c := range s.children(v) {
				if s.rel(int(c)) == "obl" && int(c) < f.lo && s.caseOf(int(c)) == "of" && s.isMetricNoun(int(c)) {
					f.subset = v
					return int(c), true
				}
			}
			return -1, false
		}},
	{"average-of", "the national or provincial average a figure is set against measures what that figure measures: grew 9.6 percent, above the national average of 3 percent (the nation's growth)",
		func(f *figure) (int, bool) {
			s := f.s
			if s.word(f.lo-1) != "of" || s.word(f.lo-2) != "average" || len(s.figs) == 0 {
				return -1, false
			}
			if w := s.word(f.lo - 3); w != "national" && w != "provincial" {
				return -1, false
			}
			p := s.figs[len(s.figs)-1]
			if p.q.Unit != f.q.Unit || len(p.measure) == 0 {
				return -1, false
			}
			f.cat, f.measure = p.cat, append(append([]string(nil), p.measure...), p.suffix...)
			return -2, true
		}},
	{"of-them", "a count of part of the set the figure before it counts, with what sets the part apart: it runs 176 routes, 11 of them international (international routes)",
		func(f *figure) (int, bool) {
			s := f.s
			if f.q.Unit != "count" || s.word(f.hi) != "of" || len(s.figs) == 0 {
				return -1, false
			}
			switch s.word(f.hi + 1) {
			case "them", "these", "those":
			default:
				return -1, false
			}
			p := s.figs[len(s.figs)-1]
			if p.q.Unit != "count" || len(p.measure) == 0 || p.hi >= f.lo || s.word(f.lo-1) != "," {
				return -1, false
			}
			for i := p.hi; i < f.lo; i++ {
				if s.word(i) != "," && s.mentionAt(i) == nil && s.qtok[i] < 0 && s.tag(i) != nlp.NOUN && s.tag(i) != nlp.ADJ {
					return -1, false // only the first figure's phrase and a comma between
				}
			}
			// The adjectives after "of them", over a copula: "11 of them
			// international or regional", "11 of them are new".
			var adjs []string
			k := f.hi + 2
			if s.lemma(k) == "be" {
				k++
			}
			for ; k < len(s.toks); k++ {
				if s.tag(k) == nlp.ADJ {
					adjs = append(adjs, s.word(k))
				} else if s.word(k) != "or" && s.word(k) != "and" && s.word(k) != "," || s.tag(k+1) != nlp.ADJ {
					break
				}
			}
			f.cat, f.measure = p.cat, append(adjs, p.measure...)
			return -2, true
		}},
	{"people-of-measure", "a count of people that the clause's measure reached is that measure: the average daily ridership came to 8,000 people",
		func(f *figure) (int, bool) {
			s := f.s
			n := f.gov
			if f.q.Unit != "count" || n < 0 || !peopleNouns[s.lemma(n)] || (f.rel != "nummod" && f.rel != "compound") {
				return -1, false
			}
			v := s.head(n)
			if v < 0 || s.tag(v) != nlp.VERB || !amountVerbs[s.lemma(v)] {
				return -1, false
			}
			if sub := s.subject(v); s.isMetricNoun(sub) && s.mentionAt(sub) == nil && !peopleNouns[s.lemma(sub)] {
				return sub, true
			}
			return -1, false
		}},
	{"counted-noun", "a count is of the noun its phrase ends in: 1,180 high-tech enterprises, 96 cross-border e-commerce firms, 2,185 of the city's enterprises",
		func(f *figure) (int, bool) {
			s := f.s
			if f.q.Unit != "count" {
				return -1, false
			}
			// The noun the number's phrase ends in, read in the text: the
			// tree is often wrong inside hyphenated compounds and lists of
			// adjectives.
			end := -1
			for k := f.hi; k < len(s.toks) && k <= f.hi+8; k++ {
				t := s.tag(k)
				if t == nlp.NOUN && s.isMetricNoun(k) {
					end = k
					continue
				}
				if t == nlp.ADJ || t == nlp.NOUN || t == nlp.CCONJ || s.word(k) == "-" || s.word(k) == "," && t != nlp.NOUN && s.tag(k+1) == nlp.ADJ ||
					(t == nlp.NUM || t == nlp.PROPN) && s.qtok[k] < 0 && s.mentionAt(k) == nil && strings.IndexFunc(s.word(k), unicode.IsDigit) >= 0 || // "5G end users"
					t == nlp.NUM && s.word(k-1) == "-" && end >= 0 || // "502 tier-one suppliers"
					t == nlp.VERB && (strings.HasSuffix(s.word(k), "ed") || strings.HasSuffix(s.word(k), "ing")) && (end < 0 || s.tag(k+1) == nlp.NOUN && s.rel(k) != "conj" && (s.child(k, "obj", "nsubj") < 0 || f.q.Value > 1 && !plural(s.toks[end]))) {
					continue
				}
				break
			}
			if end >= 0 {
				return end, true
			}
			if r := f.rel; (r == "nummod" || r == "compound" || r == "amod" || r == "det") && s.isMetricNoun(f.gov) && f.gov > f.head {
				return s.npHead(f.gov), true
			}
			// A partitive: "2,185 of the city's enterprises".
			if k := s.child(f.head, "nmod"); k > f.head && s.caseOf(k) == "of" && s.isMetricNoun(k) {
				return k, true
			}
			return -1, false
		}},
	{"peak-of-subject", "a high, low or peak of the figure is its subject's, or, for it or this, what the sentence before measured: trade reached a record high of $11 billion",
		func(f *figure) (int, bool) {
			s := f.s
			p := f.lo - 1
			if s.word(p) != "of" || !peakNouns[s.word(p-1)] {
				return -1, false
			}
			v := f.pred
			if s.head(p-1) >= 0 && s.tag(s.head(p-1)) == nlp.VERB {
				v = s.head(p - 1)
			}
			sub := s.subject(v)
			switch {
			case sub < 0:
			case s.isMetricNoun(sub) && s.mentionAt(sub) == nil:
				return sub, true
			case s.tag(sub) == nlp.PRON && len(s.x.lastMeasure) > 0 && s.x.lastMeasureSent >= s.ordinal()-1:
				f.measure = append([]string(nil), s.x.lastMeasure...)
				return -2, true
			}
			return -1, false
		}},
	{"dimension-of-subject", "a noun that names only a dimension (scale, size, volume) measures the clause's subject: the industrial system grew to a total scale of 600 billion yuan (industrial system scale)",
		func(f *figure) (int, bool) {
			s := f.s
			p := f.lo - 1
			if s.word(p) != "of" || !measureOnlyNouns[s.lemma(p-1)] || s.tag(p-1) != nlp.NOUN {
				return -1, false
			}
			v := s.predicate(p - 1)
			if v < 0 || s.tag(v) != nlp.VERB {
				return -1, false
			}
			sub := s.subject(v)
			if sub < 0 || !s.isMetricNoun(sub) || s.mentionAt(sub) != nil || measureOnlyNouns[s.lemma(sub)] {
				return -1, false
			}
			w := s.phraseWords(sub, f)
			if len(w) == 0 {
				return -1, false
			}
			f.noun = p - 1
			f.measure = append(w, s.lemma(p-1))
			return -2, true
		}},
	{"noun-of-figure", "the figure is what a noun amounts to: a GDP of 518 billion yuan, revenue worth 2 billion yuan",
		func(f *figure) (int, bool) {
			s := f.s
			if r := f.rel; (r == "nmod" || r == "appos" || r == "amod") && s.isMetricNoun(f.gov) && f.gov < f.lo {
				if c := f.caseWord(); c == "of" || c == "at" || c == "" || c == "worth" || c == "to" {
					return f.gov, true
				}
			}
			if s.word(f.lo-1) == "worth" || s.word(f.lo-1) == "of" {
				// "deals worth 100 billion dollars" with the phrase misparsed.
				if k := f.lo - 2; s.isMetricNoun(k) && k != f.repaired {
					return k, true
				}
			}
			// "opportunities worth a total of 900 billion yuan": "a total
			// of" only says the figure is a sum.
			if k := f.lo - 1; s.word(k) == "of" && s.lemma(k-1) == "total" && s.word(k-2) == "a" && s.word(k-3) == "worth" && s.isMetricNoun(k-4) {
				return k - 4, true
			}
			return -1, false
		}},
	{"level-after-change", "a level reached after a change is the level of what changed: grew 8 percent to 40 billion yuan, rose 12 percent, reaching 30 billion yuan",
		func(f *figure) (int, bool) {
			s := f.s
			n := len(s.figs)
			if n == 0 || s.figs[n-1].ch.kind == changeNone || f.q.Unit == "percent" {
				return -1, false
			}
			p := s.figs[n-1]
			v := f.gov
			if f.caseWord() == "to" && (v == p.gov || v == p.head || p.repaired >= 0 && v == p.repaired || v == p.ch.word || p.ch.word >= 0 && v == s.head(p.ch.word)) || amountVerbs[s.lemma(v)] && s.tag(v) == nlp.VERB && (s.rel(v) == "advcl" || s.rel(v) == "xcomp" || s.rel(v) == "conj") && strings.HasSuffix(s.word(v), "ing") && s.child(v, "nsubj") < 0 {
				f.cat = p.cat
				f.measure = p.measure
				return -2, true
			}
			return -1, false
		}},
	{"bare-figure", "a figure standing for its noun, after a figure of the same kind: well short of the 7.1 percent seen in 2016",
		func(f *figure) (int, bool) {
			s := f.s
			n := len(s.figs)
			if n == 0 || s.child(f.head, "det") < 0 || s.figs[n-1].q.Unit != f.q.Unit {
				return -1, false
			}
			p := s.figs[n-1]
			f.cat, f.measure, f.ch = p.cat, p.measure, p.ch
			f.ch.word, f.ch.base = -1, -1
			f.suffix = p.suffix
			return -3, true
		}},
	{"entity-verb-noun", "money an entity spent, invested or raised is named by its verb, for what its into-, in- or for-phrase names: the city invested 8 million yuan in schools (school investment), put 5 million yuan into roads",
		func(f *figure) (int, bool) {
			s := f.s
			v := f.gov
			n, ok := verbNouns[s.lemma(v)]
			if !ok || !recognize.IsCurrency(f.q.Unit) || s.tag(v) != nlp.VERB || f.rel != "obj" {
				return -1, false
			}
			// "signed 46 projects, involving 13.7 billion yuan": a
			// participle's noun is what the money is of.
			var of []string
			if h := s.head(v); (s.rel(v) == "acl" || s.rel(v) == "advcl" && s.child(v, "nsubj") < 0) && h >= 0 && s.isMetricNoun(h) && s.mentionIn(h) == nil {
				of = s.phraseWords(h, f)
			} else if sub := s.subject(v); !s.subjectIsOwner(v) || s.mentionAt(sub) == nil && s.tag(sub) != nlp.PRON {
				return -1, false // "its forest economy will generate": subject-verb-noun
			}
			// "earned 5 billion yuan in revenue": the noun names the
			// measure itself.
			for _, k := range s.children(v) {
				if int(k) > f.head && s.caseOf(int(k)) == "in" && measureNouns[s.lemma(int(k))] {
					return -1, false
				}
			}
			f.measure = append(of, n)
			// The phrase may hang on the verb or on the figure.
			kids := append(append([]int32(nil), s.children(v)...), s.children(f.head)...)
			for _, k := range kids {
				c := s.caseOf(int(k))
				if int(k) > f.head && (c == "into" || c == "in" || c == "for" || c == "on") && s.isMetricNoun(int(k)) && !s.isTimeNoun(int(k)) && s.mentionAt(int(k)) == nil {
					f.measure = append(s.phraseWords(int(k), f), n)
					break
				}
			}
			f.measure = append(f.measure, s.partnerOf(v, f.head)...)
			return -2, true
		}},
	{"object-at", "a verb that puts its object at the figure: set the retail growth target at 4 percent, estimated the loss at 2 billion yuan",
		func(f *figure) (int, bool) {
			s := f.s
			v := f.gov
			if v < 0 || s.tag(v) != nlp.VERB || f.caseWord() != "at" {
				return -1, false
			}
			if o := s.child(v, "obj"); o >= 0 && o < f.lo && s.isMetricNoun(o) && s.mentionAt(o) == nil {
				return o, true
			}
			return -1, false
		}},
	{"definite-number", "\"the number\", \"the figure\" or \"the total\" alone as the subject stands for the measure the sentence before counted: the city had 90 hotels in 2020. The number stood at 70 in 2019",
		func(f *figure) (int, bool) {
			s := f.s
			if f.gov < 0 || len(s.x.lastMeasure) == 0 || s.x.lastMeasureSent != s.ordinal()-1 {
				return -1, false
			}
			if !amountVerbs[s.lemma(f.gov)] {
				return -1, false
			}
			sub := s.subject(f.gov)
			if sub < 0 || !anaphoricTotals[s.lemma(sub)] {
				return -1, false
			}
			// Only a determiner: "the number of hotels" names its measure.
			for _, c := range s.children(sub) {
				if r := s.rel(int(c)); r != "det" && r != "punct" {
					return -1, false
				}
			}
			if d := s.child(sub, "det"); d < 0 || !definiteDeterminers[s.word(d)] {
				return -1, false
			}
			f.measure = append([]string(nil), s.x.lastMeasure...)
			f.fromSubject = true
			return -2, true
		}},
	{"subject-of-verb", "the figure is the object of a verb of amount; the subject is what is measured: GDP reached 518 billion yuan",
		func(f *figure) (int, bool) {
			s := f.s
			v := f.gov
			switch f.rel {
			case "obj", "obl", "xcomp", "advmod", "nmod", "dep", "ccomp":
			default:
				return -1, false
			}
			if v < 0 || s.tag(v) != nlp.VERB && s.tag(v) != nlp.AUX && s.tag(v) != nlp.ADJ {
				return -1, false
			}
			if !amountVerbs[s.lemma(v)] && !isChangeVerb(s, v) && !shareVerbs[s.lemma(v)] {
				// "the government handed out 12 million yuan": the
				// subject acts; it is not what the figure measures.
				return -1, false
			}
			if sub := s.subject(v); s.isMetricNoun(sub) {
				return sub, true
			}
			return -1, false
		}},
	{"copula-subject", "the figure is what its subject is, or is worth: the operating rate was 83 percent, trade was worth 6 billion yuan",
		func(f *figure) (int, bool) {
			s := f.s
			h := f.head
			if g := f.gov; g >= 0 && s.word(g) == "worth" && s.child(g, "cop") >= 0 {
				h = g // "trade was worth 6 billion yuan": what the subject is worth
			}
			if s.child(h, "cop") < 0 && f.rel != "root" {
				return -1, false
			}
			if sub := s.child(h, "nsubj"); s.isMetricNoun(sub) {
				return sub, true
			}
			return -1, false
		}},
	{"subject-verb-noun", "a part of the economy made the figure with a verb that names a measure: its forest economy will generate 12 billion yuan (output)",
		func(f *figure) (int, bool) {
			s := f.s
			v := f.gov
			n, ok := verbNouns[s.lemma(v)]
			if !ok || s.tag(v) != nlp.VERB || f.rel != "obj" {
				return -1, false
			}
			sub := s.subject(v)
			if !s.isMetricNoun(sub) || s.mentionAt(sub) != nil || agentNouns[s.lemma(sub)] {
				return -1, false
			}
			if peopleNouns[s.lemma(sub)] && s.lemma(v) == "earn" {
				n = "income" // people earn income; businesses, revenue
			}
			f.measure = append(s.phraseWords(sub, f), n)
			if s.perCapita(f.hi) {
				f.measure = append(f.measure, "per", "capita")
			}
			return -2, true
		}},
	{"in-noun", "an entity's verb with the measure after it: the city earned 5 billion yuan in revenue",
		func(f *figure) (int, bool) {
			s := f.s
			v := f.pred
			for _, k := range s.children(v) {
				if s.rel(int(k)) == "obl" && int(k) > f.head && s.caseOf(int(k)) == "in" && s.isMetricNoun(int(k)) && !s.isTimeNoun(int(k)) && !fixedIn(s, int(k)) {
					return int(k), true
				}
			}
			return -1, false
		}},
	{"modified-noun", "the figure modifies the noun after it: a 10 billion yuan project, 5.68 GW capacity",
		func(f *figure) (int, bool) {
			s := f.s
			if r := f.rel; (r == "compound" || r == "nummod" || r == "amod" || r == "nmod") && f.gov > f.head && s.isMetricNoun(f.gov) {
				return s.npHead(f.gov), true // "a 10 billion yuan steel plant": the plant
			}
			return -1, false
		}},
	{"nearest-noun-before", "no tree rule fits: the last noun phrase before the figure in its clause",
		func(f *figure) (int, bool) {
			s := f.s
			for k := f.lo - 1; k >= 0 && k >= f.lo-12; k-- {
				w := s.toks[k].Form
				if w == "," || w == ";" || w == ":" {
					break
				}
				if peakNouns[s.lemma(k)] || s.lemma(k) == "record" {
					continue // "reached a record high of": a level, no measure
				}
				if s.isMetricNoun(k) && s.tag(k) == nlp.NOUN && s.rel(k) != "compound" {
					return k, true
				}
			}
			return -1, false
		}},
	{"verb-nominal", "no noun names the measure; an entity's verb of trade or output does: Heilongjiang exported 5 billion yuan (exports)",
		func(f *figure) (int, bool) {
			s := f.s
			v := f.gov
			n, ok := verbNouns[s.lemma(v)]
			if v < 0 || s.tag(v) != nlp.VERB || !ok {
				return -1, false
			}
			f.measure = append([]string{n}, s.partnerOf(v, f.head)...)
			return -2, true
		}},
}

// amountVerbs say how much their subject is: "GDP reached", "sales
// totaled", "the rate stood at". Other verbs have an agent for subject.
var amountVerbs = map[string]bool{
	"reach": true, "total": true, "hit": true, "stand": true, "come": true, "amount": true, "exceed": true,
	"top": true, "surpass": true, "be": true, "remain": true, "hover": true, "approach": true, "register": true,
	"log": true, "near": true, "stay": true, "hold": true, "equal": true, "measure": true, "run": true,
	"number": true, "cross": true, "break": true, "touch": true, "maintain": true, "keep": true,
	"involve": true, "finish": true, "end": true, "close": true, "settle": true,
}

// completeVerbs say how much of a target was done.
var completeVerbs = map[string]bool{
	"complete": true, "fulfil": true, "fulfill": true, "accomplish": true, "achieve": true, "meet": true, "finish": true,
}

// peakNouns name a level of something, no measure of their own: "it
// reached a record high of $11 billion" is the subject's figure.
var peakNouns = map[string]bool{"high": true, "peak": true, "low": true}

// measureOnlyNouns name only how something is measured, not what: "a
// total scale of 600 billion yuan", "a size of 40 hectares".
var measureOnlyNouns = map[string]bool{"scale": true, "size": true, "volume": true}

// anaphoricTotals are the nouns that, alone after a definite determiner,
// stand for an amount already named: "the number", "the figure".
var anaphoricTotals = map[string]bool{"number": true, "figure": true, "total": true, "tally": true, "count": true}

// definiteDeterminers point back to something named before.
var definiteDeterminers = map[string]bool{"the": true, "this": true, "that": true}

// dimensionNouns name the size an adjective of a measure states.
var dimensionNouns = map[string]string{
	"long": "length", "wide": "width", "high": "height", "tall": "height", "deep": "depth", "thick": "thickness",
}

// measureNouns name a measure of money themselves: "earned 5 billion yuan
// in revenue" is revenue, not revenue earnings.
var measureNouns = map[string]bool{
	"revenue": true, "sale": true, "output": true, "income": true, "investment": true, "subsidy": true,
	"fund": true, "funding": true, "profit": true, "tax": true, "export": true, "import": true, "value": true,
	"spending": true, "financing": true, "loan": true, "capital": true, "credit": true, "earning": true,
}

// verbNouns name what an entity's verb of trade or output measures:
// "Heilongjiang exported 5 billion yuan of goods" is its exports.
var verbNouns = map[string]string{
	"bring": "imports", "ship": "shipments", "purchase": "purchases", "buy": "purchases", "consume": "consumption",
	"export": "exports", "import": "imports", "produce": "output", "invest": "investment", "put": "investment",
	"pour": "investment", "inject": "investment", "allocate": "funds", "involve": "investment",
	"sell": "sales", "earn": "revenue", "harvest": "harvest", "attract": "investment",
	"generate": "output", "handle": "throughput", "receive": "visitors", "welcome": "visitors",
	"spend": "spending", "raise": "funds", "employ": "employees", "build": "construction",
}

// categoryHeads are the nouns of subjects that name a part of an
// entity's economy: "the food industry grew fastest, with output value of
// 51 billion yuan" is the food industry's output value.
var categoryHeads = map[string]bool{
	"industry": true, "sector": true, "segment": true, "enterprise": true, "company": true, "firm": true,
	"business": true, "product": true, "project": true, "manufacturer": true, "producer": true,
	"exporter": true, "importer": true, "plant": true, "factory": true, "trade": true, "economy": true,
	"manufacturing": true, "service": true, "agriculture": true, "market": true,
}

// conjunctRule takes a figure's measure from the figure before it in the
// same sentence, the two being conjuncts of one statement.
type conjunctRule struct {
	name  string
	doc   string
	match func(f *figure) bool
}

var conjunctRules = []conjunctRule{
	{"gapped-conjunct", "a conjunct with its verb left out: the food industry's added value rose 12 percent, the textile industry's 5 percent; dairy output value rose by 4 percent and fishery output value by 9 percent",
		(*figure).gapped},
	{"list-conjunct", "a list of figures sharing one measure, each with its own part: rose 60 percent in new materials, 14 percent in farm machines",
		(*figure).listed},
}

// decideMetric finds the words of the figure's metric: a category (the
// part of the entity it is about), the measure, and a suffix (growth,
// increase, share); false drops the figure (nothing in the sentence says
// what it measures).
func (f *figure) decideMetric() bool {
	s := f.s
	var rule string
	for _, r := range conjunctRules {
		if r.match(f) {
			rule = r.name
			break
		}
	}
	switch {
	case rule != "":
	case f.ch.kind != changeNone:
		var base int
		f.measure, base, rule = f.changeBase()
		if len(f.measure) == 0 {
			return false
		}
		if c := f.category(base); c != nil || base >= 0 {
			f.cat = c
		}
		f.suffix = changeSuffix(f, f.measure)
	default:
		for _, r := range metricRules {
			n, ok := r.match(f)
			if !ok {
				continue
			}
			if n == -2 || n == -3 {
				rule = r.name // the rule set the measure itself
				break
			}
			if c := f.respective(n); c >= 0 {
				n = c
			}
			if w := s.phraseWords(n, f); len(w) > 0 {
				f.noun, f.measure, rule = n, w, r.name
				f.fromSubject = r.name == "subject-of-verb" || r.name == "copula-subject"
				if f.shareOfWhole {
					f.measure = append([]string{"share", "of"}, w...)
					if n, ok := shareNouns[s.lemma(f.gov)]; ok {
						f.measure = append([]string{n, "to"}, w...) // "contributed 30 percent of GDP growth"
					}
					// "the pillar industries made up 82.7 percent of the
					// sector": the part is the subject.
					if sub := s.subject(f.pred); s.isMetricNoun(sub) && s.mentionAt(sub) == nil {
						f.shareCat = s.phraseWords(sub, f)
					}
				}
				if f.subset >= 0 {
					// "166 have started construction": the subset is named
					// by its verb and object.
					f.measure = append(f.measure, s.predicateWords(f.subset)...)
				}
				break
			}
		}
		if rule == "unit-of-noun" || rule == "counted-noun" {
			// "sold 3 million tonnes of coal": coal sales; "produced 2
			// million tonnes of oil": oil output.
			if v := f.gov; v >= 0 && s.tag(v) == nlp.VERB && s.subjectIsOwner(v) {
				if n, ok := verbNouns[s.lemma(v)]; ok && rule == "unit-of-noun" {
					f.measure = append(f.measure, n)
					f.measure = append(f.measure, s.partnerOf(v, f.head, f.noun)...)
				}
			}
		}
		if rule == "noun-of-figure" && planNouns[s.lemma(f.noun)] {
			// "a target of 11 billion yuan for 2024": a target is of its
			// for-phrase, else of what the text measured just before.
			k := s.forNoun(f.noun)
			if k < 0 {
				k = s.forNoun(s.head(f.noun))
			}
			linear := false
			if k < 0 {
				k, linear = s.forPhraseAfter(f.hi), true
			}
			if k >= 0 {
				w := s.phraseWords(k, f)
				if linear {
					w = s.phraseWordsBefore(k)
				}
				f.measure = append(w, s.lemma(f.noun))
			} else if m := s.x.lastMeasure; len(m) > 0 {
				f.measure = append(append([]string(nil), m...), s.lemma(f.noun))
			}
		}
		if rule == "" {
			return false
		}
		switch rule {
		case "bare-figure":
		case "level-after-change":
			f.suffix = f.shareSuffix()
		default:
			f.cat = f.category(f.noun)
			if f.shareOfWhole {
				f.cat = f.shareCat
			} else {
				f.suffix = f.shareSuffix()
			}
		}
	}
	f.words = append(append(append([]string(nil), f.cat...), f.measure...), f.suffix...)
	f.trace.Metric = rule
	if f.distributed {
		f.trace.Metric += ", respectively"
	}
	for _, r := range unitMetricRules {
		if w, ok := r.match(f); ok {
			if n := len(w) - len(f.words); n > 0 && slices.Equal(w[n:], f.words) {
				// Words put in front name the measure: a change after
				// the level measures the same ("1.6 million TEU, up 25
				// percent": container throughput growth).
				f.measure = append(append([]string(nil), w[:n]...), f.measure...)
			}
			f.words = w
			f.trace.Metric += ", " + r.name
			break
		}
	}
	f.trace.Detail = strings.Join(f.words, " ")
	s.figs = append(s.figs, f)
	return true
}

// category returns the words of the part of the entity the figure is
// about, when the measure's own phrase does not say: "in new materials"
// after the figure, the antecedent of "its", or a subject naming a
// category.
func (f *figure) category(n int) []string {
	s := f.s
	if b := f.breakdown(); b >= 0 && b != n {
		return s.phraseWords(b, f)
	}
	if n < 0 {
		return nil
	}
	if o := s.pronounOwner(n); o >= 0 {
		return s.phraseWords(o, f)
	}
	if s.possessivePronoun(n) && len(s.x.prevMeasure) > 0 && s.x.prevMeasureSent == s.ordinal()-1 {
		// "Its contribution rate ...": the measure the sentence before
		// was about owns it, when nothing in this one does.
		return append([]string(nil), s.x.prevMeasure...)
	}
	if sub := s.subject(f.pred); sub >= 0 && sub != n && !s.inSubtree(n, sub) && !s.inSubtree(sub, n) &&
		(categoryHeads[s.lemma(sub)] || reportVerbs[s.lemma(f.pred)] && !agentNouns[s.lemma(sub)]) &&
		s.mentionAt(sub) == nil && !placeNouns[s.lemma(sub)] && s.isMetricNoun(sub) {
		return s.phraseWords(sub, f)
	}
	return nil
}

// reportVerbs report a measure of their subject in their object: "the ice
// and snow economy reached a market size of 266 billion yuan", "tourism
// accounted for an output of 182 billion yuan".
var reportVerbs = map[string]bool{
	"reach": true, "post": true, "record": true, "register": true, "see": true, "achieve": true,
	"generate": true, "turn": true, "log": true, "report": true, "account": true, "total": true,
	"hit": true, "maintain": true, "keep": true, "realize": true, "realise": true, "attain": true,
}

// peopleNouns are people, whose earnings are income.
var peopleNouns = map[string]bool{
	"resident": true, "farmer": true, "worker": true, "household": true, "villager": true, "people": true,
	"employee": true, "citizen": true, "family": true, "person": true,
}

// agentNouns act: as subjects they hand out, invest and build; they are
// not the part of the economy a figure is about.
var agentNouns = map[string]bool{
	"government": true, "authority": true, "official": true, "bureau": true, "department": true,
	"ministry": true, "commission": true, "committee": true, "office": true,
	"leader": true, "mayor": true, "governor": true, "team": true, "it": true,
}

// gapped reports whether the figure is a conjunct whose verb and measure
// were left out, and if so takes them from the figure before it: "the
// paper industry saw its added value rise by 13 percent, the glass
// industry by 9 percent", "coal made up 3 million tonnes and gas 0.8
// billion cubic meters". The conjunct's noun phrase
// takes the place of what the earlier figure's clause was about.
func (f *figure) gapped() bool {
	s := f.s
	if len(s.figs) == 0 {
		return false
	}
	prev := s.figs[len(s.figs)-1]
	k := f.lo - 1
	prep := false
	for k >= 0 && (s.word(k) == "by" || s.word(k) == "at" || s.word(k) == "to") {
		k--
		prep = true
	}
	end := k // the conjunct's noun phrase ends here
	for k >= 0 && k > prev.hi {
		switch t := s.tag(k); {
		case t == nlp.NOUN || t == nlp.PROPN || t == nlp.ADJ || t == nlp.DET || s.word(k) == "-":
			k--
			continue
		}
		break
	}
	// "rose 13 percent with the EU, and with Japan 10.6 percent": a
	// remnant that opens with a preposition stands for the earlier
	// figure's phrase of that preposition.
	pp := ""
	if end > k && k > prev.hi && s.tag(k) == nlp.ADP && !prep {
		pp = s.lemma(k)
		k--
	}
	if end == k || k < prev.hi || !prep && pp == "" && s.word(k) != "and" {
		return false
	}
	if w := s.word(k); w != "," && w != "and" && w != ";" && w != "while" {
		return false
	}
	// Between the figure before and the conjunct: the rest of the
	// earlier figure's phrase, no verb.
	for i := prev.hi; i < k; i++ {
		if t := s.tag(i); t == nlp.VERB || t == nlp.AUX || s.qtok != nil && s.qtok[i] >= 0 {
			return false
		}
	}
	first := k + 1
	if pp != "" {
		first++
	}
	var words []string
	for i := first; i <= end; i++ {
		if s.tag(i) == nlp.DET || s.word(i) == "-" {
			continue
		}
		if w := wordOf(s.toks[i].Form); w != "" {
			words = append(words, w)
		}
	}
	at := -1
	if pp != "" {
		for i, w := range prev.measure {
			if w == pp {
				at = i
			}
		}
		if at < 0 {
			return false
		}
	}
	if len(words) == 0 || pp == "" && s.mentionAt(end) != nil {
		return false
	}
	f.ch = prev.ch
	f.ch.base = -1
	f.measure, f.cat, f.suffix = prev.measure, prev.cat, prev.suffix
	switch {
	case at >= 0:
		f.measure = append(append([]string(nil), prev.measure[:at+1]...), words...)
	case lastOf(words) == lastOf(prev.measure):
		// "dairy output value rose 6.5 percent and forestry output
		// value 23.6 percent": the conjunct names its whole measure.
		f.measure, f.cat = words, nil
	case prev.fromSubject:
		f.measure = words
	default:
		f.cat = words
	}
	f.trace.Change = prev.trace.Change
	return true
}

// listed reports whether the figure continues a list of figures sharing
// one measure, each with its own part: "rose 60 percent in new
// materials, 14 percent in farm machines and 3 percent in the paper
// industry". It takes the measure and change of the figure
// before it, and its own "in X" as the category.
func (f *figure) listed() bool {
	s := f.s
	if len(s.figs) == 0 {
		return false
	}
	prev := s.figs[len(s.figs)-1]
	b := f.breakdown()
	if b < 0 || prev.breakdown() < 0 {
		return false
	}
	// Only the earlier figure's phrase and a separator between them.
	sep := false
	for i := prev.hi; i < f.lo; i++ {
		switch w := s.word(i); {
		case w == "," || w == "and" || w == ";":
			sep = true
		case s.tag(i) == nlp.VERB || s.tag(i) == nlp.AUX || s.qtok != nil && s.qtok[i] >= 0:
			return false
		}
	}
	if !sep {
		return false
	}
	f.ch = prev.ch
	f.ch.base = -1
	f.measure, f.suffix = prev.measure, prev.suffix
	f.cat = s.phraseWords(b, f)
	f.trace.Change = prev.trace.Change
	return true
}

// baseRule finds what a change is a change of: the words of its measure
// and the noun that heads them (-1 when they come from another figure or
// sentence).
type baseRule struct {
	name  string
	doc   string
	match func(f *figure) ([]string, int, bool)
}

var baseRules = []baseRule{
	{"change-of-noun", "the noun the rule of change found: exports grew 12 percent, a rise in regional GDP (with respectively, the conjunct in the figure's place)",
		func(f *figure) ([]string, int, bool) {
			if f.ch.base < 0 {
				return nil, -1, false
			}
			if c := f.respective(f.ch.base); c >= 0 {
				f.ch.base = c
			}
			w := f.s.phraseWords(f.ch.base, f)
			return w, f.ch.base, len(w) > 0
		}},
	{"respective-level", "sold 200 cars and 300 trucks, up 15 and 14 percent, respectively: each change is the level's in the same position",
		func(f *figure) ([]string, int, bool) {
			s := f.s
			j, cnt, ok := f.position()
			if !ok {
				return nil, -1, false
			}
			first := f.qi - j
			var levels []*figure
			for _, p := range s.figs {
				if p.ch.kind == changeNone && p.qi < first {
					levels = append(levels, p)
				}
			}
			if len(levels) < cnt || !oneList(s, levels[len(levels)-cnt:]) {
				return nil, -1, false
			}
			p := levels[len(levels)-cnt+j]
			f.cat = p.cat
			f.distributed = true
			f.level = p
			return append([]string(nil), p.measure...), -1, true
		}},
	{"change-of-noun-before", "a noun of change with its noun phrase right before it, which the tree often loses: its added value rise by 8 percent",
		func(f *figure) ([]string, int, bool) {
			s := f.s
			k := f.ch.word - 1
			if f.ch.word < 0 || s.tag(f.ch.word) == nlp.VERB || !s.isMetricNoun(k) {
				return nil, -1, false
			}
			w := s.phraseWordsBefore(k)
			if len(w) == 0 {
				return nil, -1, false
			}
			if o := s.pronounOwner(k); o >= 0 {
				f.cat = s.phraseWords(o, f)
			} else if o := s.pronounBefore(k); o >= 0 {
				f.cat = s.phraseWords(o, f)
			}
			return w, -1, true
		}},
	{"change-after-level", "a change right after a level in the same sentence is the level's: came to 138.55 billion yuan, up 11.1 percent",
		func(f *figure) ([]string, int, bool) {
			s := f.s
			n := len(s.figs)
			if n == 0 || s.figs[n-1].ch.kind != changeNone {
				return nil, -1, false
			}
			p := s.figs[n-1]
			f.cat = p.cat
			f.level = p
			return append([]string(nil), p.measure...), -1, true
		}},
	{"change-of-subject", "the subject of the figure's clause: industrial output grew 8 percent (with respectively, the conjunct in the figure's place)",
		func(f *figure) ([]string, int, bool) {
			s := f.s
			sub := s.subject(f.pred)
			if !s.isMetricNoun(sub) {
				return nil, -1, false
			}
			if c := f.respective(sub); c >= 0 {
				sub = c
			}
			w := s.phraseWords(sub, f)
			if len(w) == 0 {
				return nil, -1, false
			}
			f.fromSubject = true
			return w, sub, true
		}},
	{"change-of-pronoun", "it, this or that as the subject stands for the measure the sentence before was about: investment hit 33 billion yuan. It grew 37.6 percent",
		func(f *figure) ([]string, int, bool) {
			s := f.s
			sub := s.subject(f.pred)
			if w := s.word(sub); (w != "it" && w != "this" && w != "that") || len(s.x.prevMeasure) == 0 {
				return nil, -1, false
			}
			f.fromSubject = true
			return append([]string(nil), s.x.prevMeasure...), -1, true
		}},
	{"change-in-noun", "the in-phrase after the noun of change or after the figure that follows it: a 12.3 percent rise in its foreign trade, growth of 9.6 percent year on year in exports",
		func(f *figure) ([]string, int, bool) {
			s := f.s
			if f.ch.word < 0 {
				return nil, -1, false
			}
			from := f.ch.word + 1
			if f.ch.word < f.lo {
				from = f.hi
				for from < len(s.toks) && yoyWord(s.word(from)) {
					from++
				}
			}
			for k := from; k < len(s.toks) && k <= from+3; k++ {
				if s.word(k) != "in" {
					continue
				}
				j := k + 1
				for j < len(s.toks) && (s.tag(j) == nlp.DET || s.tag(j) == nlp.PRON || s.tag(j) == nlp.ADJ) {
					j++
				}
				if s.isMetricNoun(j) && !s.isTimeNoun(j) && s.mentionAt(j) == nil {
					n := s.npHead(j)
					if w := s.phraseWords(n, f); len(w) > 0 {
						return w, n, true
					}
				}
			}
			return nil, -1, false
		}},
	{"change-of-main-object", "a change in a participle clause before the main clause, with no subject of its own, is the change of what the main clause's verb has as its object: soaring by 50 percent, the city received 8 million visits",
		func(f *figure) ([]string, int, bool) {
			s := f.s
			c := f.ch.word
			if c < 0 || s.tag(c) != nlp.VERB || s.rel(c) != "advcl" || !strings.HasSuffix(s.word(c), "ing") || s.child(c, "nsubj") >= 0 {
				return nil, -1, false
			}
			v := s.head(c)
			if v < 0 || v < c {
				return nil, -1, false
			}
			o := s.child(v, "obj")
			if o < 0 || !s.isMetricNoun(o) || s.mentionAt(o) != nil {
				return nil, -1, false
			}
			w := s.phraseWords(o, nil)
			return w, o, len(w) > 0
		}},
	{"change-of-earlier-figure", "no word says what changed: the measure of the sentence's figure before",
		func(f *figure) ([]string, int, bool) {
			n := len(f.s.figs)
			if n == 0 {
				return nil, -1, false
			}
			f.level = f.s.figs[n-1]
			return append([]string(nil), f.s.figs[n-1].measure...), -1, true
		}},
}

// changeBase returns the words of what a change is a change of, the noun
// that heads them, and the base rule that found them.
func (f *figure) changeBase() ([]string, int, string) {
	for _, r := range baseRules {
		if w, n, ok := r.match(f); ok {
			return w, n, r.name
		}
	}
	return nil, -1, ""
}

// pronounBefore finds the antecedent of a possessive pronoun just before
// the noun phrase ending at k ("its added value" with the tree lost):
// the subject noun phrase before it. -1 if none.
func (s *sent) pronounBefore(k int) int {
	i := k
	for i > 0 && (s.tag(i-1) == nlp.NOUN || s.tag(i-1) == nlp.ADJ || s.tag(i-1) == nlp.VERB) {
		i--
	}
	if w := s.word(i - 1); w != "its" && w != "their" {
		return -1
	}
	for j := i - 2; j >= 0; j-- {
		if s.rel(j) == "nsubj" && s.isMetricNoun(j) && s.mentionIn(j) == nil {
			return j
		}
	}
	return -1
}

// phraseWordsBefore reads a noun phrase leftwards from noun k when the
// tree does not hold it together: nouns and adjectives.
func (s *sent) phraseWordsBefore(k int) []string {
	i := k
	for i > 0 && k-i < 6 {
		t := s.tag(i - 1)
		if t != nlp.NOUN && t != nlp.ADJ && !(t == nlp.VERB && strings.HasSuffix(s.word(i-1), "ed")) && !s.perCapita(i-1) || s.mentionAt(i-1) != nil {
			break
		}
		i--
	}
	var out []string
	for j := i; j <= k; j++ {
		if w := wordOf(s.toks[j].Form); w != "" && !stopWord(w) {
			out = append(out, w)
		}
	}
	return out
}

// changeSuffix is what a change adds to its base's words.
func changeSuffix(f *figure, base []string) []string {
	last := base[len(base)-1]
	switch f.ch.kind {
	case changeRate:
		if last == "growth" || last == "rate" || last == "increase" || last == "decline" {
			return nil
		}
		return []string{"growth"}
	case changeAmount:
		if f.ch.sign < 0 {
			if f.ch.word >= 0 && (f.s.lemma(f.ch.word) == "reduce" || f.s.lemma(f.ch.word) == "cut" || f.s.lemma(f.ch.word) == "reduction") {
				return []string{"reduction"}
			}
			return []string{"decrease"}
		}
		return []string{"increase"}
	}
	return nil
}

// shareVerbs make a percentage a share of a whole, named by the noun
// that goes with the verb.
var shareVerbs = map[string]bool{
	"account": true, "make": true, "represent": true, "take": true, "comprise": true, "constitute": true,
	"contribute": true, "occupy": true, "supply": true, "provide": true,
}

var shareNouns = map[string]string{"contribute": "contribution"}

// shareSuffix is the suffix of a percentage that a verb of share
// governs: "making up 82.7 percent of the sector" is the subject's share,
// "contributed 30.7 percent" its contribution.
func (f *figure) shareSuffix() []string {
	s := f.s
	if f.q.Unit != "percent" {
		return nil
	}
	v := f.gov
	if v < 0 || !shareVerbs[s.lemma(v)] {
		return nil
	}
	noun := "share"
	if n, ok := shareNouns[s.lemma(v)]; ok {
		noun = n
	}
	if len(f.measure) > 0 && f.measure[len(f.measure)-1] == noun {
		return nil
	}
	return []string{noun}
}

// npHead climbs from a noun to the head of its noun phrase through
// compounds: the "tech" of "high-tech enterprises" is a modifier.
func (s *sent) npHead(i int) int {
	for steps := 0; steps < 4; steps++ {
		h := s.head(i)
		if s.rel(i) != "compound" || h <= i || !s.isMetricNoun(h) {
			break
		}
		i = h
	}
	return i
}

// isMetricNoun reports whether token i can head a metric's phrase: a
// noun (or a mis-tagged capitalised noun) that is not a place, a time, a
// unit or a number.
func (s *sent) isMetricNoun(i int) bool {
	if i < 0 || i >= len(s.toks) {
		return false
	}
	switch s.tag(i) {
	case nlp.NOUN:
	case nlp.PROPN, nlp.ADJ, nlp.VERB:
		// "Imports rose": sentence-initial capitals and -ing nouns; not
		// a verb heading a clause ("accounting for 41 percent").
		if s.mentionAt(i) != nil || s.tag(i) == nlp.VERB && (!strings.HasSuffix(s.word(i), "ing") || s.child(i, "obj", "obl", "xcomp") >= 0) {
			return false
		}
		if s.tag(i) == nlp.ADJ && s.rel(i) != "nsubj" {
			return false
		}
	default:
		return false
	}
	if s.qtok != nil && s.qtok[i] >= 0 || s.isTimeNoun(i) || s.mentionIn(i) != nil && (placeNouns[s.lemma(i)] || s.mentionAt(i) != nil) {
		return false
	}
	if w := s.word(i - 1); (w == "in" || w == "on") && (s.lemma(i) == "addition" || s.lemma(i) == "total" || s.lemma(i) == "all" || s.lemma(i) == "average") {
		return false // "in addition", "in total", "on average"
	}
	switch s.lemma(i) {
	case "total", "number", "figure", "amount", "level", "value", "rate", "volume":
		// Generic on their own ("a total of 60 projects"); the of-phrase
		// or a modifier names the measure.
		return s.child(i, "compound", "amod", "nmod") >= 0 || s.lemma(i) == "value" || s.lemma(i) == "rate" || s.lemma(i) == "volume"
	case "percent", "yuan", "dollar", "one", "it", "that", "this", "which":
		return false
	}
	return true
}

// isTimeNoun reports whether token i is a word of time ("year",
// "quarter", "January").
func (s *sent) isTimeNoun(i int) bool {
	switch s.lemma(i) {
	case "end", "beginning", "first", "second", "third", "fourth":
		// "the end of June", not "end users"; "the first half", not
		// "first-tier cities".
		return s.word(i+1) == "of" || i+1 < len(s.toks) && s.isTimeNoun(i+1) || s.rel(i) == "obl" || s.rel(i) == "obl:tmod"
	case "year", "quarter", "month", "half", "period", "week", "day", "time", "january", "february",
		"march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
		"today", "yesterday", "date":
		return true
	}
	for _, y := range s.years {
		if y.Start <= s.toks[i].Start && s.toks[i].End <= y.End {
			return true
		}
	}
	return false
}

// phraseWords returns the words of the noun phrase headed by n that make
// a metric: the head with its compounds, adjectives and participles
// ("value added by the retail industry"), a possessor that is no entity
// ("the food industry's output"), and one prepositional phrase after it
// ("output value of the food industry", "enterprises above designated
// size"), without determiners, numbers, places, times and quantities.
func (s *sent) phraseWords(n int, f *figure) []string {
	if n < 0 {
		return nil
	}
	keep := make([]bool, len(s.toks))
	link := make([]bool, len(s.toks))       // prepositions that join kept words
	participle := make([]bool, len(s.toks)) // participles kept after the noun
	skip := func(k int) bool {
		// A quoted name that modifies the noun classifies it: 48 "Green
		// Farm" projects are green farm projects.
		name := s.names(k) && !((s.toks[k].Rel == "compound" || s.toks[k].Rel == "amod") && s.quoted(k, k+1))
		return f != nil && f.inQuantity(k) || name || s.isTimeNoun(k) || s.qtok != nil && s.qtok[k] >= 0
	}
	var walk func(i, depth int)
	walk = func(i, depth int) {
		keep[i] = true
		for _, k32 := range s.children(i) {
			k := int(k32)
			if strings.HasPrefix(s.toks[k].Rel, "nmod") && k > i && depth == 0 && partnerCase(s.caseOf(k)) {
				// "trade with Russia", "exports to the EU": the partner
				// is part of what is measured.
				if m := s.mentionIn(k); m != nil && m.ok && m.first >= 0 && s.qtok != nil && s.qtok[k] < 0 {
					for j := m.first; j <= m.last; j++ {
						keep[j] = true
					}
					link[s.childCase(k)] = true
					continue
				}
			}
			if skip(k) {
				continue
			}
			switch r := s.toks[k].Rel; {
			case r == "compound" || r == "amod" || r == "flat" || r == "compound:prt" || r == "nmod:desc":
				walk(k, depth)
			case r == "case" && s.perCapita(k):
				keep[k] = true // "per capita income"
			case r == "nmod:poss":
				if s.tag(k) == nlp.NOUN && depth == 0 {
					walk(k, depth+1) // "the food industry's output"
				}
			case r == "conj" || r == "cc":
				// "research and development": a modifier's own conjunct;
				// "imports and exports" measured together: the head's,
				// when the conjunct has no figure of its own.
				if k > i && (i != n || depth == 0 && !s.hasFigure(k) && (f == nil || !f.distributed)) {
					walk(k, depth)
				}
			case strings.HasPrefix(r, "nmod") && k > i && (depth == 0 || depth == 1 && s.caseOf(k) == "of" && r == "nmod"):
				switch s.caseOf(k) {
				case "of", "for", "from", "to", "above", "below", "in", "with", "along", "between":
					if s.exemplified(k) {
						break // "in fields such as biotech": examples, not the measure
					}
					if s.tag(k) == nlp.NOUN || s.tag(k) == nlp.PROPN && s.mentionIn(k) == nil {
						link[s.childCase(k)] = true // "imports of soybeans"
						walk(k, depth+1)
					}
				}
			case r == "acl" && k > i && depth == 0 && s.tag(k) == nlp.VERB && s.child(k, "mark") < 0 && s.child(k, "nsubj") < 0 && (f == nil || !s.inSubtree(f.head, k)) && !amountVerbs[s.lemma(k)] && (!isChangeVerb(s, k) || strings.HasSuffix(s.word(k), "ed") && !s.hasFigure(k)):
				// A participle: "investment completed", "value added by
				// the wholesale and retail industry".
				keep[k] = true
				participle[k] = true
				for _, c := range s.children(k) {
					if s.toks[c].Rel == "obl:agent" || s.rel(int(c)) == "obl" && s.caseOf(int(c)) == "by" {
						if !skip(int(c)) {
							walk(int(c), depth+1)
						}
					}
				}
			}
		}
	}
	walk(n, 0)
	// "9 shipbuilding listed companies", "corn processing industry
	// profits": whatever the tree made of them, the words between a
	// determiner or number and the head noun modify it.
	modifier := func(k int) bool {
		t, w := s.tag(k), s.word(k)
		return t == nlp.NOUN || t == nlp.ADJ || w == "-" ||
			(t == nlp.NUM || t == nlp.PROPN) && (s.qtok == nil || s.qtok[k] < 0) && s.mentionAt(k) == nil && strings.IndexFunc(w, unicode.IsDigit) >= 0 ||
			t == nlp.VERB && (strings.HasSuffix(w, "ing") || strings.HasSuffix(w, "ed")) && s.child(k, "nsubj", "aux") < 0
	}
	// Right after the figure ("46 new materials listed companies") the
	// run is the counted noun's, whatever relations the tree gave it.
	afterFigure := false
	if f != nil && n >= f.hi {
		k := n - 1
		for k >= f.hi && modifier(k) && !skip(k) {
			k--
		}
		afterFigure = k == f.hi-1
	}
	for k := n - 1; k >= 0; k-- {
		w := s.word(k)
		if keep[k] && modifier(k) {
			continue // already the phrase's
		}
		if !modifier(k) || skip(k) || !afterFigure && (s.rel(k) == "nsubj" || s.rel(k) == "obj" || s.rel(k) == "obl" || s.tag(k) == nlp.VERB && s.child(k, "obj") >= 0) {
			break
		}
		if w == "-" {
			link[k] = true
			continue
		}
		keep[k] = true
		participle[k] = s.tag(k) == nlp.VERB
	}
	// "foreign-funded companies": the parts of a hyphenated word stand or
	// fall together, whatever the tree made of them.
	for i := range keep {
		if !keep[i] {
			continue
		}
		for k := i - 1; k >= 1 && s.word(k) == "-" && s.toks[k].Start == s.toks[k-1].End && s.toks[k].End == s.toks[k+1].Start && !skip(k-1); k -= 2 {
			keep[k-1], link[k] = true, true
		}
		for k := i + 1; k+1 < len(s.toks) && s.word(k) == "-" && s.toks[k].Start == s.toks[k-1].End && s.toks[k].End == s.toks[k+1].Start && !skip(k+1); k += 2 {
			keep[k+1], link[k] = true, true
		}
	}
	var words []string
	for i, ok := range keep {
		if !ok && !link[i] {
			continue
		}
		if len(words) >= 12 {
			break
		}
		switch s.tag(i) {
		case nlp.DET, nlp.PUNCT, nlp.NUM, nlp.PRON, nlp.SYM, nlp.ADP, nlp.CCONJ, nlp.PART:
			if !link[i] && !(s.tag(i) == nlp.CCONJ && i > 0 && keep[i-1] && i+1 < len(keep) && keep[i+1]) && !s.perCapita(i) {
				continue
			}
		}
		// A verb is part of a metric only as a modifier: "added value",
		// "investment completed"; never the clause's own verb.
		if s.tag(i) == nlp.VERB && i != n && !participle[i] && s.rel(i) != "amod" && s.rel(i) != "compound" {
			continue
		}
		w := wordOf(s.toks[i].Form)
		if w == "" || stopWord(w) && i != n || len(words) > 0 && words[len(words)-1] == w {
			continue
		}
		words = append(words, w)
	}
	// "the number of registered entities": the entities; no phrase ends
	// in a link word.
	if len(words) > 2 && words[0] == "number" && words[1] == "of" {
		words = words[2:]
	}
	for len(words) > 0 && linkWord(words[len(words)-1]) {
		words = words[:len(words)-1]
	}
	for len(words) > 0 && linkWord(words[0]) {
		words = words[1:]
	}
	return words
}

// linkWord reports whether w is a preposition or conjunction a metric
// keeps only between words.
func linkWord(w string) bool {
	switch w {
	case "of", "for", "from", "to", "above", "below", "in", "with", "along", "between", "and", "or", "by":
		return true
	}
	return false
}

// names reports whether token k is a name, or a place noun a name
// completes ("the province of Heilongjiang"): no word of a metric.
func (s *sent) names(k int) bool {
	return s.mentionAt(k) != nil || placeNouns[s.lemma(k)] && s.mentionIn(k) != nil
}

// perCapita reports whether token i is the "per" of "per capita".
func (s *sent) perCapita(i int) bool { return s.word(i) == "per" && s.word(i+1) == "capita" }

// possessivePronoun reports whether noun n has "its" or "their" for
// possessor.
func (s *sent) possessivePronoun(n int) bool {
	for _, k := range s.children(n) {
		if s.toks[k].Rel == "nmod:poss" && (s.word(int(k)) == "its" || s.word(int(k)) == "their") {
			return true
		}
	}
	return false
}

// pronounOwner returns the noun phrase a possessive pronoun on noun n
// stands for when that is no entity: "the equipment industry saw its
// added value rise" makes the industry part of the metric. -1 if none.
func (s *sent) pronounOwner(n int) int {
	for _, k := range s.children(n) {
		if s.toks[k].Rel != "nmod:poss" || s.tag(int(k)) != nlp.PRON {
			continue
		}
		if w := s.word(int(k)); w != "its" && w != "their" {
			return -1
		}
		// The subject of the clause around n, before n.
		for v, steps := s.predicate(n), 0; v >= 0 && steps < 4; steps++ {
			// A place noun ("Heihe, a border city, saw its trade ...")
			// describes a name: no part of a metric.
			if sub := s.subject(v); sub >= 0 && sub < n && sub != n && s.isMetricNoun(sub) && s.mentionIn(sub) == nil && !placeNouns[s.lemma(sub)] {
				return sub
			}
			v = s.head(v)
		}
	}
	return -1
}

// breakdown returns the noun of an "in X" phrase right after the figure
// that names a part of a whole: "added value rose 160 percent in new
// materials". -1 if none.
func (f *figure) breakdown() int {
	s := f.s
	for _, h := range []int{f.head, f.gov} {
		for _, k32 := range s.children(h) {
			k := int(k32)
			if k < f.hi || k > f.hi+5 || s.caseOf(k) != "in" {
				continue
			}
			if r := s.rel(k); (r == "obl" || r == "nmod") && s.tag(k) == nlp.NOUN && s.mentionIn(k) == nil && !s.isTimeNoun(k) && s.isMetricNoun(k) && !s.exemplified(k) {
				return k
			}
		}
	}
	// "7.5 percent in new-generation battery making" with the
	// phrase hung elsewhere: the noun phrase right after "in".
	if s.word(f.hi) == "in" {
		k := f.hi + 1
		for k < len(s.toks) && s.tag(k) == nlp.DET {
			k++
		}
		last := -1
		for ; k < len(s.toks) && k <= f.hi+7; k++ {
			t := s.tag(k)
			if t == nlp.NOUN {
				last = k
				continue
			}
			if t != nlp.ADJ && s.word(k) != "-" {
				break
			}
		}
		if last >= 0 && s.mentionIn(last) == nil && !s.isTimeNoun(last) && s.isMetricNoun(last) {
			return last
		}
	}
	return -1
}

// exemplified reports whether noun k is only a kind its examples follow:
// "fields such as the bioeconomy", "sectors including tourism", "areas
// like retail".
func (s *sent) exemplified(k int) bool {
	for j := k + 1; j < len(s.toks) && j <= k+2; j++ {
		switch w := s.word(j); {
		case w == "such" && s.word(j+1) == "as", w == "including", w == "like":
			return true
		case w != ",":
			return false
		}
	}
	return false
}

// partnerCase reports whether a preposition introduces a trade partner.
func partnerCase(c string) bool {
	return c == "with" || c == "to" || c == "from" || c == "between"
}

// hasFigure reports whether noun k is counted or measured by a figure of
// its own (a nummod child, or a quantity among its children).
func (s *sent) hasFigure(k int) bool {
	for _, c := range s.children(k) {
		if s.rel(int(c)) == "nummod" || s.qtok != nil && s.qtok[c] >= 0 {
			return true
		}
		// "45 million phone users": the number on a modifier of k.
		if r := s.rel(int(c)); (r == "compound" || r == "amod") && int(c) < k {
			for _, g := range s.children(int(c)) {
				if s.rel(int(g)) == "nummod" || s.qtok != nil && s.qtok[g] >= 0 {
					return true
				}
			}
		}
	}
	return s.qtok != nil && s.qtok[k] >= 0
}

// forNoun returns the noun of a for-phrase of token i that is no time
// ("a target for its urban per capita income"), or -1.
func (s *sent) forNoun(i int) int {
	for _, c := range s.children(i) {
		if s.caseOf(int(c)) == "for" && s.isMetricNoun(int(c)) && !s.isTimeNoun(int(c)) {
			return int(c)
		}
	}
	return -1
}

// forPhraseAfter reads "for" + a noun phrase starting within two tokens
// of i and returns the phrase's last noun: "32,000 yuan for its urban per
// capita disposable income". -1 if none.
func (s *sent) forPhraseAfter(i int) int {
	for k := i; k < len(s.toks) && k <= i+2; k++ {
		if s.word(k) != "for" {
			continue
		}
		last := -1
		for j := k + 1; j < len(s.toks) && j <= k+8; j++ {
			switch t := s.tag(j); {
			case t == nlp.NOUN && !s.isTimeNoun(j):
				last = j
				continue
			case t == nlp.ADJ || s.perCapita(j) || s.word(j) == "-":
				continue
			case (t == nlp.DET || t == nlp.PRON) && last < 0:
				continue
			}
			break
		}
		return last
	}
	return -1
}

// subjectIsOwner reports whether verb v's subject is a name or a
// reference to one (the entity acts: "Jixi sold ...").
func (s *sent) subjectIsOwner(v int) bool {
	sub := s.subject(v)
	return sub >= 0 && (s.mentionIn(sub) != nil || s.tag(sub) == nlp.PRON)
}

// ofChild returns the of-phrase noun of token i, or -1.
func (s *sent) ofChild(i int) int {
	for _, c := range s.children(i) {
		if s.rel(int(c)) == "nmod" && int(c) > i && s.caseOf(int(c)) == "of" && s.isMetricNoun(int(c)) {
			return int(c)
		}
	}
	return -1
}

// predicateWords are the words of a verb and its object: "started
// construction".
func (s *sent) predicateWords(v int) []string {
	out := []string{wordOf(s.toks[v].Form)}
	for _, c := range s.children(v) {
		if r := s.rel(int(c)); (r == "obj" || r == "xcomp" || r == "conj" && s.tag(int(c)) == nlp.VERB) && int(c) > v {
			if w := wordOf(s.toks[c].Form); w != "" {
				out = append(out, w)
			}
		}
	}
	return out
}

// childCase returns the case child of k (or k itself if none).
func (s *sent) childCase(k int) int {
	if c := s.child(k, "case"); c >= 0 {
		return c
	}
	return k
}

func stopWord(w string) bool {
	switch w {
	case "the", "a", "an", "its", "their", "his", "her", "this", "that", "these", "those", "such",
		"some", "all", "other", "same", "about", "around", "nearly", "over", "more", "than", "up",
		// Words that praise a figure name no measure: "a record 79,000
		// tourists", "an all-time high", "a staggering 40 percent".
		"record", "historic", "unprecedented", "remarkable", "staggering", "impressive", "astonishing":
		return true
	}
	return false
}

// wordOf is a word as a metric spells it: lower case, letters and digits.
func wordOf(form string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(form) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
		case r == '-' && b.Len() > 0:
			b.WriteByte('_') // "e-commerce": two words of the metric
		case r == '\u2019' || r == '\'':
		}
	}
	return strings.TrimSuffix(b.String(), "_")
}

// abbreviations are the measures of economics that have one name
// whichever way an article writes them: "gross domestic product" is the
// gdp that other articles report, so that one query finds both.
var abbreviations = []struct{ long, short string }{
	{"gross_domestic_product", "gdp"},
	{"gross_regional_product", "grp"},
	{"consumer_price_index", "cpi"},
	{"producer_price_index", "ppi"},
	{"purchasing_managers_index", "pmi"},
	{"foreign_direct_investment", "fdi"},
}

// replaceWords replaces the whole words long of a snake-case name by short.
func replaceWords(name, long, short string) string {
	if !strings.Contains(name, long) {
		return name
	}
	w := "_" + name + "_"
	w = strings.ReplaceAll(w, "_"+long+"_", "_"+short+"_")
	return strings.Trim(w, "_")
}

// metricName joins a metric's words in snake case.
func metricName(words []string) string {
	var parts []string
	for _, w := range words {
		if w != "" {
			parts = append(parts, w)
		}
	}
	name := strings.Join(parts, "_")
	for _, a := range abbreviations {
		name = replaceWords(name, a.long, a.short)
	}
	if len(name) > 120 {
		name = name[:120]
		name = strings.TrimRight(name, "_")
	}
	return name
}

// fixedIn reports whether "in" and noun k make a fixed phrase that names
// no measure: in place, in total, in turn, in part.
func fixedIn(s *sent, k int) bool {
	if len(s.children(k)) > 1 {
		return false // "in its place" is a phrase of its own
	}
	switch s.lemma(k) {
	case "place", "total", "turn", "part", "fact", "general", "particular", "advance", "addition", "operation", "use":
		return true
	}
	return false
}

// partnerOf returns the words of the partner a verb of trade names in a
// from- or to-phrase: "brought in 15 million tons of oil from Russia"
// (imports from Russia), "shipped 5,000 cars to Kazakhstan".
func (s *sent) partnerOf(v int, on ...int) []string {
	c := ""
	switch s.lemma(v) {
	case "bring", "import", "buy", "purchase", "receive":
		c = "from"
	case "export", "ship", "sell", "send", "deliver":
		c = "to"
	default:
		return nil
	}
	// The phrase hangs on the verb, or on the figure or its noun.
	for _, h := range append([]int{v}, on...) {
		if w := s.partnerPhrase(h, c); w != nil {
			return w
		}
	}
	return nil
}

// partnerPhrase returns case word c and the name of h's c-phrase that
// names a place, or nil.
func (s *sent) partnerPhrase(h int, c string) []string {
	if h < 0 {
		return nil
	}
	for _, k := range s.children(h) {
		if r := s.rel(int(k)); (r == "obl" || r == "nmod") && s.caseOf(int(k)) == c {
			if m := s.mentionIn(int(k)); m != nil && m.ok && m.first >= 0 {
				words := []string{c}
				for i := m.first; i <= m.last; i++ {
					if w := wordOf(s.toks[i].Form); w != "" {
						words = append(words, w)
					}
				}
				return words
			}
		}
	}
	return nil
}

// lastLevel returns the sentence's latest figure that is a level, not a
// change, or nil.
func (s *sent) lastLevel() *figure {
	for i := len(s.figs) - 1; i >= 0; i-- {
		if p := s.figs[i]; p.ch.kind == changeNone {
			return p
		}
	}
	return nil
}

// wholeOf reports whether noun k is marked as a whole: "the total
// electricity", "all visitors", "the nation's entire output".
func (s *sent) wholeOf(k int) bool {
	for _, c := range s.children(k) {
		switch s.lemma(int(c)) {
		case "total", "all", "entire", "whole", "overall":
			if r := s.rel(int(c)); r == "amod" || r == "det" || r == "compound" {
				return true
			}
		}
	}
	return false
}

// rowMetricRule names the metric of a table's row from its label
// (table.go).
type rowMetricRule struct {
	name  string
	doc   string
	match func(label string) ([]string, bool)
}

var rowMetricRules = []rowMetricRule{
	{"row-label", "the row's label, its words lower-cased: Gross Profit Margin is gross_profit_margin, Net Income Attributable to Controlling Interest keeps all its words",
		func(label string) ([]string, bool) {
			var words []string
			for _, w := range strings.FieldsFunc(strings.ToLower(label), func(r rune) bool {
				return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r > 127 && unicode.IsLetter(r))
			}) {
				words = append(words, w)
			}
			return words, len(words) > 0
		}},
}

// rowMetric returns the metric words of a row's label and the rule.
func rowMetric(label string) ([]string, string) {
	for _, r := range rowMetricRules {
		if w, ok := r.match(label); ok {
			return w, r.name
		}
	}
	return nil, ""
}

// unitMetricRule adjusts a metric by what its unit says it measures,
// after the metric rules chose the noun.
type unitMetricRule struct {
	name  string
	doc   string
	match func(f *figure) ([]string, bool)
}

var unitMetricRules = []unitMetricRule{
	{"teu-containers", "TEU count containers: a TEU figure whose words name no containers or goods measures containers (the port handled 1.6 million TEU: container throughput)",
		func(f *figure) ([]string, bool) {
			if f.q.Unit != "TEU" {
				return nil, false
			}
			for _, w := range f.words {
				switch w {
				case "container", "containers", "box", "boxes", "teu", "teus", "cargo", "goods", "freight":
					return nil, false
				}
			}
			return append([]string{"container"}, f.words...), true
		}},
}
