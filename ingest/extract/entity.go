package extract

import (
	"strings"

	"github.com/almanacdb/almanac/ingest/nlp"
	"github.com/almanacdb/almanac/ingest/resolve"
)

// The entity of a figure is the subject, possessor or place of its
// clause (GUIDELINES.md: "the most specific named owner in the figure's
// clause"), through references ("the city", "its", "the zone") that the
// tracker resolves by their head noun.

// entityRule finds a figure's entity.
type entityRule struct {
	name  string
	doc   string
	match func(f *figure) (*ment, bool)
}

var entityRules = []entityRule{
	{"national-average", "the national average a figure is set against is the country's: above the national average of 3 percent",
		func(f *figure) (*ment, bool) {
			s := f.s
			if s.word(f.lo-1) == "of" && s.word(f.lo-2) == "average" && s.word(f.lo-3) == "national" {
				return &ment{e: resolve.Entity{Name: "China", Level: resolve.Country}, ok: true, first: f.lo - 3, last: f.lo - 2}, true
			}
			return nil, false
		}},
	{"respectively", "a list of places paired with a list of figures by \"respectively\": Harbin and Daqing had 30 and 40 parks, respectively (not a list inside a relative clause the figures are outside of: the route, which serves Jixi and Hegang, ran 30 and 40 trains, respectively)",
		func(f *figure) (*ment, bool) {
			j, n, ok := f.position()
			if !ok {
				return nil, false
			}
			list := f.s.mentionList(n, f.lo)
			if list == nil || !f.owns(list[j]) || f.s.inOtherRelative(list[0].first, f.head) {
				return nil, false
			}
			return list[j], true
		}},
	{"possessor", "the measured noun's possessor: Harbin's GDP, its exports, the city's imports",
		func(f *figure) (*ment, bool) {
			for _, n := range f.nouns() {
				if m := f.s.possessor(n); m != nil {
					return m, true
				}
			}
			return nil, false
		}},
	{"measured-name", "the measured noun is itself a name or a reference to one: the 340-kilometer-long railway (its length)",
		func(f *figure) (*ment, bool) {
			if f.noun < 0 || f.shareOfWhole {
				return nil, false
			}
			if m := f.s.mentionAt(f.noun); m != nil && m.ok && f.owns(m) {
				return m, true
			}
			return nil, false
		}},
	{"noun-modifier", "a name inside the measured noun's phrase: Harbin GDP, exports of the Harbin area, enterprises in Daqing",
		func(f *figure) (*ment, bool) {
			s := f.s
			for _, n := range f.nouns() {
				for _, k := range s.children(n) {
					r := s.rel(int(k))
					if f.shareOfWhole && int(k) == f.noun {
						continue // the whole of a share
					}
					if r == "compound" || r == "amod" || r == "nmod" && ownerCase(s.caseOf(int(k))) {
						if m := s.mentionIn(int(k)); m != nil && m.ok && f.owns(m) {
							return m, true
						}
					}
				}
			}
			return nil, false
		}},
	{"agent", "the agent of running or owning, in a participle that modifies the measured noun: airplanes run by Jixi Airlines, hotels operated by the group (not \"led by\": a cause)",
		func(f *figure) (*ment, bool) {
			s := f.s
			var ns []int
			for _, n := range f.nouns() {
				ns = append(ns, n)
				if o := s.ofChild(n); o >= 0 {
					ns = append(ns, o) // "the number of buses run by ..."
				}
			}
			for _, n := range ns {
				for _, k := range s.children(n) {
					if s.rel(int(k)) != "acl" || s.tag(int(k)) != nlp.VERB || !ownVerbs[s.lemma(int(k))] {
						continue
					}
					for _, c := range s.children(int(k)) {
						if r := s.rel(int(c)); r == "obl:agent" || r == "obl" && s.caseOf(int(c)) == "by" {
							// An agent is no owner in general ("led by the
							// refinery"); the agent of owning or running is.
							if m := s.mentionIn(int(c)); m != nil && m.ok {
								return m, true
							}
						}
					}
				}
			}
			return nil, false
		}},
	{"level-owner", "a change with no noun of its own is the change of the level before it, and belongs to the level's owner: the port's trade climbed to 10 million tonnes, up 10 percent",
		func(f *figure) (*ment, bool) {
			p := f.level
			if p == nil || p.entity.Name == "" || p.hi > f.lo {
				return nil, false
			}
			// Not across a clause with a subject of its own: "Jixi's
			// output rose to 9 million tonnes; Hegang's rose 5 percent".
			// A relative pronoun stands for the level: "..., which was
			// an increase of 5 percent".
			s := f.s
			for i := p.hi; i < f.lo; i++ {
				if w := s.word(i); w == ";" || strings.HasPrefix(s.rel(i), "nsubj") && s.head(i) >= p.hi && w != "which" && w != "that" {
					return nil, false
				}
			}
			return &ment{e: p.entity, ok: true, first: -1, last: -1}, true
		}},
	{"subject", "the subject of the figure's clause: Harbin had 1,180 enterprises, the airport handled 20 million passengers",
		func(f *figure) (*ment, bool) {
			s := f.s
			for v, steps := f.pred, 0; v >= 0 && steps < 4; steps++ {
				if sub := s.subject(v); sub >= 0 {
					if m := s.mentionIn(sub); m != nil && m.ok && f.owns(m) {
						return m, true
					}
					if m := s.possessor(sub); m != nil {
						return m, true
					}
					if s.absolute(v) {
						// "The port grew, with 113 trains carrying 9,488
						// containers": an absolute clause says what
						// its host clause's subject did.
						v = s.predicate(s.head(v))
						continue
					}
					return nil, false
				}
				if s.rel(v) != "conj" && s.rel(v) != "xcomp" && s.rel(v) != "advcl" {
					break
				}
				v = s.head(v)
			}
			return nil, false
		}},
	{"visited", "people who visit, tour or throng a named park, fair, zone or firm are its visitors: 240,000 people toured the Ice Lantern Park in Jixi",
		func(f *figure) (*ment, bool) {
			s := f.s
			v := f.pred
			if v < 0 || !visitVerbs[s.lemma(v)] {
				return nil, false
			}
			sub := s.subject(v)
			counted := f.noun == sub || f.head == sub || f.noun >= 0 && s.head(f.noun) == sub && s.rel(f.noun) == "conj" // "guests and business people"
			if sub < 0 || !visitorNouns[s.lemma(sub)] || !counted && f.ch.kind == changeNone {
				return nil, false
			}
			for _, k := range s.children(v) {
				r := s.rel(int(k))
				if r != "obj" && !(r == "obl" && (s.caseOf(int(k)) == "to" || s.caseOf(int(k)) == "into")) {
					continue
				}
				if m := s.mentionIn(int(k)); m != nil && m.ok && m.e.Level >= resolve.Area {
					return m, true
				}
			}
			return nil, false
		}},
	{"clause-place", "a place the clause is set in: In Heilongjiang, GDP grew 5.6 percent",
		func(f *figure) (*ment, bool) {
			s := f.s
			for v, steps := f.pred, 0; v >= 0 && steps < 4; steps++ {
				for _, k := range s.children(v) {
					if r := s.rel(int(k)); (r == "obl" || r == "nmod") && ownerCase(s.caseOf(int(k))) {
						if m := s.placeOwner(int(k)); m != nil && m.ok && f.owns(m) {
							return m, true
						}
					}
				}
				v = s.head(v)
			}
			return nil, false
		}},
	{"scope-word", "a word of national scope: nationwide, across the country",
		func(f *figure) (*ment, bool) {
			s := f.s
			for i := range s.toks {
				w := s.word(i)
				if w == "nationwide" || w == "national" && s.word(i+1) != "average" && s.word(i+1) != "level" && i < f.lo && f.lo-i < 4 ||
					(w == "across" || w == "throughout") && (s.word(i+1) == "china" || s.word(i+1) == "the" && s.word(i+2) == "country") {
					return &ment{e: resolve.Entity{Name: "China", Level: resolve.Country}, ok: true, first: i, last: i}, true
				}
			}
			return nil, false
		}},
	{"clause-owner", "the most specific organisation or zone named in the figure's clause",
		func(f *figure) (*ment, bool) {
			s := f.s
			var best *ment
			for k := range s.ments {
				m := &s.ments[k]
				if !m.ok || m.m.Ref || m.e.Level < resolve.Area || !f.owns(m) {
					continue
				}
				if f.pred >= 0 && s.predicate(m.first) != f.pred {
					continue
				}
				if best == nil || m.e.Level > best.e.Level {
					best = m
				}
			}
			return best, best != nil
		}},
	{"sentence-place", "the most specific place named in the sentence before the figure",
		func(f *figure) (*ment, bool) {
			s := f.s
			var best *ment
			for k := range s.ments {
				m := &s.ments[k]
				if !m.ok || m.m.Ref || m.first > f.lo || !f.owns(m) {
					continue
				}
				if best == nil || m.e.Level > best.e.Level {
					best = m
				}
			}
			return best, best != nil
		}},
	{"running-place", "a clause about a part of the economy (an industry, a sector) is about the place the text is about",
		func(f *figure) (*ment, bool) {
			s := f.s
			sub := s.subject(f.pred)
			// An article about an organisation (the first subject it
			// names: a railway, a park, a company) gives it the figures
			// of clauses that name no owner while it is still what the
			// text is about.
			if o := s.x.tracker.Subject(); o.Level == resolve.Org && o.Name != "" && o == s.x.lead && !s.categoryBefore(f.lo) && len(f.cat) == 0 {
				return nil, false
			}
			if e := s.x.place; e.Name != "" && (sub < 0 || s.mentionIn(sub) == nil && s.tag(sub) != nlp.PRON) {
				return &ment{e: e, ok: true, first: -1, last: -1}, true
			}
			return nil, false
		}},
	{"running-subject", "the entity the article was last talking about",
		func(f *figure) (*ment, bool) {
			if e := f.s.x.tracker.Subject(); e.Name != "" {
				return &ment{e: e, ok: true, first: -1, last: -1}, true
			}
			return nil, false
		}},
	{"topic", "the headline's place",
		func(f *figure) (*ment, bool) {
			if e := f.s.x.topic; e.Name != "" {
				return &ment{e: e, ok: true, first: -1, last: -1}, true
			}
			return nil, false
		}},
}

// ownVerbs make their agent the owner of what they modify: "planes run
// by the airline", "hotels owned by the group".
var ownVerbs = map[string]bool{
	"run": true, "operate": true, "own": true, "manage": true, "hold": true, "control": true,
}

// visitVerbs take the place visited as object or to-phrase.
var visitVerbs = map[string]bool{
	"visit": true, "tour": true, "flock": true, "throng": true, "crowd": true, "pour": true, "enter": true, "attend": true,
}

// visitorNouns are the people (and their visits) such verbs count.
var visitorNouns = map[string]bool{
	"people": true, "visitor": true, "tourist": true, "traveler": true, "traveller": true, "guest": true,
	"person": true, "sightseer": true, "holidaymaker": true, "vacationer": true, "visit": true,
}

// ownerCase reports whether a preposition makes its noun an owner of a
// figure: "in Harbin", "of the province", "at the airport".
func ownerCase(c string) bool {
	switch c {
	case "in", "of", "at", "for", "across", "throughout", "within", "through", "via":
		return true
	}
	return false
}

// decideEntity runs the entity rules.
func (f *figure) decideEntity() (resolve.Entity, string, string) {
	for _, r := range entityRules {
		if m, ok := r.match(f); ok && m != nil && m.ok && m.e.Name != "" {
			return m.e, r.name, ""
		}
	}
	return resolve.Entity{}, "", ""
}

// nouns returns the nouns whose phrases say whose the figure is: the
// measured noun, the base of a change and the figure's own head.
func (f *figure) nouns() []int {
	out := make([]int, 0, 3)
	if f.noun >= 0 && !f.shareOfWhole {
		// A share's of-phrase is the whole: "11 percent of China's rice
		// output" is Heilongjiang's share, not China's.
		out = append(out, f.noun)
	}
	if f.ch.base >= 0 {
		out = append(out, f.ch.base)
	}
	// "imports and exports of the Harbin area": the of-phrase on the
	// conjunct right after the noun is the pair's.
	if n := f.noun; n >= 0 {
		for _, k := range f.s.children(n) {
			if k32 := int(k); f.s.rel(k32) == "conj" && k32 == n+2 && f.s.word(n+1) == "and" && !f.s.hasFigure(k32) && f.s.ofChild(k32) >= 0 {
				out = append(out, k32)
			}
		}
	}
	if f.ch.word >= 0 {
		out = append(out, f.ch.word)
	}
	out = append(out, f.head)
	return out
}

// partnerNouns are flows whose to- and from-phrases name a partner, not
// the owner.
var partnerNouns = map[string]bool{
	"trade": true, "export": true, "import": true, "shipment": true, "cargo": true, "investment": true,
	"flight": true, "train": true, "route": true, "exchange": true, "cooperation": true, "transfer": true,
	"capital": true, "fund": true, "sale": true, "delivery": true, "order": true, "contract": true,
}

// shipVerbs move goods or money between places: their "from" and "to"
// name a partner, not an owner.
var shipVerbs = map[string]bool{
	"ship": true, "import": true, "export": true, "send": true, "transport": true, "bring": true,
	"sell": true, "buy": true, "deliver": true, "carry": true, "haul": true, "truck": true,
}

// isName reports whether token i is part of a mention.
func (s *sent) isName(i int) bool { return s.mentionAt(i) != nil }

// possessor returns the mention that possesses noun n ("Harbin's", "its").
func (s *sent) possessor(n int) *ment {
	for _, k := range s.children(n) {
		if s.toks[k].Rel == "nmod:poss" {
			if m := s.mentionIn(int(k)); m != nil && m.ok {
				return m
			}
		}
	}
	return nil
}

// owns reports whether mention m may own the figure: not a trade
// partner ("trade with Russia"), a source ("according to the bureau"), a
// speaker or a comparison ("than Liaoning").
func (f *figure) owns(m *ment) bool {
	s := f.s
	if m.first < 0 {
		return true
	}
	h := m.first
	for h >= 0 && s.mentionAt(h) == m {
		nh := s.head(h)
		if nh < 0 || s.mentionAt(nh) != m {
			break
		}
		h = nh
	}
	c := s.caseOf(h)
	if c == "" && s.rel(h) == "conj" {
		// The names of a list of examples are all examples: "five,
		// including A, B and C".
		switch fc := s.caseOf(s.head(h)); fc {
		case "including", "such as", "like":
			c = fc
		}
	}
	switch c {
	case "to", "from":
		// "exports to Russia", "investment from Shenzhen", "exports of
		// fruits to Russia": a partner of trade; "visitors to the
		// festival": where they went.
		for k, steps := s.head(h), 0; k >= 0 && steps < 4; steps++ {
			if partnerNouns[s.lemma(k)] || s.tag(k) == nlp.VERB && shipVerbs[s.lemma(k)] {
				return false // "coal shipped in from Russia"
			}
			if k == f.pred || s.tag(k) == nlp.VERB {
				break
			}
			k = s.head(k)
		}
	case "with", "between", "than", "according", "according to", "by", "like", "outside", "including", "such as", "excluding",
		"beyond", "except", "besides", "against", "behind", "among", "into", "toward", "towards":
		return false
	}
	// "565 \"Young Eagle Project\" projects": a quoted name labels a
	// thing; it owns nothing.
	if m.first > 0 && m.last+1 < len(s.toks) && isQuote(s.toks[m.first-1].Form) && isQuote(s.toks[m.last+1].Form) {
		return false
	}
	// "led by the refining business of PetroChina": a name inside an
	// agent's phrase is the cause, not the owner.
	for k, steps := s.head(h), 0; k >= 0 && steps < 4 && s.tag(k) != nlp.VERB; steps++ {
		// "grew by 9 percent at the mall": the figure's own "by" is no agent.
		if c := s.caseOf(k); c == "by" && (s.tag(k) == nlp.NOUN || s.tag(k) == nlp.PROPN) && !f.inQuantity(k) && k != f.head && k != f.repaired {
			return false
		}
		k = s.head(k)
	}
	// "565 Young Eagle Project projects": a name that classifies the
	// measured noun is no owner of it; a place there is ("Harbin GDP").
	if m.e.Level == resolve.Org && (s.rel(h) == "compound" || s.rel(h) == "amod") && s.tag(s.head(h)) == nlp.NOUN && !s.isName(s.head(h)) {
		return false
	}
	// The subject of "said" is a speaker.
	if s.rel(h) == "nsubj" && s.lemma(s.head(h)) == "say" && s.head(h) != f.pred {
		return false
	}
	// "Heilongjiang Province in Northeast China": a place that locates
	// another name describes it.
	if g := s.head(h); g >= 0 && s.mentionAt(g) != nil && s.mentionAt(g) != m && (s.rel(h) == "nmod" || s.relFull(h) == "nmod:poss") {
		return false
	}
	// "Northeast China's Jilin province": the possessor of a place noun
	// that a name completes locates that name.
	if g := s.head(h); g >= 0 && s.relFull(h) == "nmod:poss" && placeNouns[s.lemma(g)] {
		if o := s.mentionIn(g); o != nil && o != m {
			return false
		}
	}
	// "China's largest oilfield", "one of China's largest oilfields": a
	// place that locates a superlative describes, it does not own.
	if s.relFull(h) == "nmod:poss" && m.e.Level <= resolve.Province {
		for _, k := range s.children(s.head(h)) {
			if w := s.word(int(k)); s.rel(int(k)) == "amod" && (strings.HasSuffix(w, "est") || strings.HasSuffix(w, "most") || w == "top" || w == "leading") {
				return false
			}
		}
	}
	if m.e.Level == resolve.Country && s.tag(s.head(h)) == nlp.ADJ {
		return false
	}
	// "Jixi Mine, the biggest coal mine in the county, ...": a
	// place inside an apposition describes the name it follows.
	for k, steps := h, 0; k >= 0 && steps < 4; steps++ {
		if s.rel(k) == "appos" {
			return false
		}
		if k == f.pred {
			break
		}
		k = s.head(k)
	}
	return true
}

// tableEntityRule finds the owner of a table's figures (table.go).
type tableEntityRule struct {
	name  string
	doc   string
	match func(x *extractor) (resolve.Entity, bool)
}

var tableEntityRules = []tableEntityRule{
	{"release-owner", "the first subject the article's first three sentences name: the company whose results release the table is in (Jixi Pumps Inc. reported ...)",
		func(x *extractor) (resolve.Entity, bool) { return x.lead, x.lead.Name != "" }},
	{"table-topic", "the headline's entity",
		func(x *extractor) (resolve.Entity, bool) { return x.topic, x.topic.Name != "" }},
}

// tableOwner returns the owner of the article's table figures and the
// rule that found it.
func (x *extractor) tableOwner() (resolve.Entity, string) {
	for _, r := range tableEntityRules {
		if e, ok := r.match(x); ok {
			return e, r.name
		}
	}
	return resolve.Entity{}, ""
}
