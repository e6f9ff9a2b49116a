package extract

import (
	"sort"
	"strings"

	"github.com/almanacdb/almanac/ingest/nlp"
	"github.com/almanacdb/almanac/ingest/recognize"
	"github.com/almanacdb/almanac/ingest/resolve"
)

// sent is one sentence: its tokens (tagged; parsed when it has figures),
// its children lists, and what the recognisers and the mention finder
// found in it, mapped to tokens.
type sent struct {
	x          *extractor
	toks       []nlp.Token
	start, end int
	para       int
	no         int  // the sentence's number in the article
	first      bool // first sentence of its paragraph
	parsed     bool

	kidOff []int32 // children of token i are kids[kidOff[i]:kidOff[i+1]]
	kids   []int32

	quants  []recognize.Quantity
	qtok    []int // by token: index into quants, or -1
	years   []recognize.Span
	periods []recognize.Span
	dates   []recognize.Span
	ments   []ment
	mtok    []int // by token: index into ments, or -1
	times   []timex

	// figs are the sentence's figures that became facts, in order: a
	// change after a level is the level's, a gapped conjunct takes the
	// measure of the one before.
	figs []*figure
}

// ment is a mention of an entity in the sentence.
type ment struct {
	m           resolve.Mention
	first, last int // tokens
	e           resolve.Entity
	ok          bool // e is resolved
}

func newSent(x *extractor, toks []nlp.Token, para int, first bool) *sent {
	s := &sent{x: x, toks: toks, para: para, first: first}
	if len(toks) > 0 {
		s.start, s.end = toks[0].Start, toks[len(toks)-1].End
	}
	return s
}

// index builds the children lists and the token maps; the sentence is
// parsed.
func (s *sent) index() {
	s.parsed = true
	n := len(s.toks)
	s.kidOff = make([]int32, n+1)
	for _, t := range s.toks {
		if t.Head >= 0 {
			s.kidOff[t.Head+1]++
		}
	}
	for i := 1; i <= n; i++ {
		s.kidOff[i] += s.kidOff[i-1]
	}
	s.kids = make([]int32, s.kidOff[n])
	fill := make([]int32, n)
	for i, t := range s.toks {
		if h := t.Head; h >= 0 {
			s.kids[s.kidOff[h]+fill[h]] = int32(i)
			fill[h]++
		}
	}
	s.qtok = make([]int, n)
	for i := range s.qtok {
		s.qtok[i] = -1
	}
	for qi, q := range s.quants {
		for i := s.tokAt(q.Start); i < n && s.toks[i].Start < q.End; i++ {
			s.qtok[i] = qi
		}
		if q.Range {
			for i := s.tokAt(q.LoStart); i < n && s.toks[i].Start < q.LoEnd; i++ {
				s.qtok[i] = qi
			}
		}
	}
}

// tokAt returns the first token that ends after byte off.
func (s *sent) tokAt(off int) int {
	return sort.Search(len(s.toks), func(i int) bool { return s.toks[i].End > off })
}

// children returns the children of token i, in order.
func (s *sent) children(i int) []int32 {
	if i < 0 || i >= len(s.toks) || !s.parsed {
		return nil
	}
	return s.kids[s.kidOff[i]:s.kidOff[i+1]]
}

// head returns the head of token i, or -1.
func (s *sent) head(i int) int {
	if i < 0 || i >= len(s.toks) || !s.parsed {
		return -1
	}
	return s.toks[i].Head
}

// rel returns the relation of token i without its subtype ("obl" for
// "obl:tmod"), "" for -1.
func (s *sent) rel(i int) string {
	if i < 0 || i >= len(s.toks) || !s.parsed {
		return ""
	}
	r := s.toks[i].Rel
	if k := strings.IndexByte(r, ':'); k >= 0 {
		return r[:k]
	}
	return r
}

// relFull returns the relation of token i with its subtype, "" out of
// range or unparsed.
func (s *sent) relFull(i int) string {
	if i < 0 || i >= len(s.toks) || !s.parsed {
		return ""
	}
	return s.toks[i].Rel
}

// tag returns the tag of token i (X for -1).
func (s *sent) tag(i int) nlp.Tag {
	if i < 0 || i >= len(s.toks) {
		return nlp.X
	}
	return s.toks[i].Tag
}

// lemma returns the lower-case lemma of token i ("" for -1).
func (s *sent) lemma(i int) string {
	if i < 0 || i >= len(s.toks) {
		return ""
	}
	return lowerASCII(s.toks[i].Lemma)
}

// word returns the lower-case form of token i ("" out of range).
func (s *sent) word(i int) string {
	if i < 0 || i >= len(s.toks) {
		return ""
	}
	return lowerASCII(s.toks[i].Form)
}

// child returns the first child of i with one of the relations (without
// subtype), or -1.
func (s *sent) child(i int, rels ...string) int {
	for _, k := range s.children(i) {
		r := s.rel(int(k))
		for _, want := range rels {
			if r == want {
				return int(k)
			}
		}
	}
	return -1
}

// caseOf returns the lower-case preposition (or case marker) of token i:
// "in" for "in Harbin", "" if none. A multiword one ("according to") is
// joined by a space.
func (s *sent) caseOf(i int) string {
	// A noun has one preposition; of two the parser gave it ("into and
	// out of the country through the province"), the nearer is its own.
	c := -1
	for _, k := range s.children(i) {
		if s.rel(int(k)) == "case" && int(k) < i {
			c = int(k)
		}
	}
	if c < 0 {
		return ""
	}
	w := s.word(c)
	if f := s.child(c, "fixed"); f >= 0 {
		w += " " + s.word(f)
	}
	return w
}

// hasAux reports whether token i has an aux child with one of the lemmas.
func (s *sent) hasAux(i int, lemmas ...string) bool {
	for _, k := range s.children(i) {
		if s.rel(int(k)) != "aux" {
			continue
		}
		l := s.lemma(int(k))
		w := s.word(int(k))
		for _, want := range lemmas {
			if l == want || w == want {
				return true
			}
		}
	}
	return false
}

// inSubtree reports whether token k descends from token root (or is it).
func (s *sent) inSubtree(k, root int) bool {
	for steps := 0; k >= 0 && steps <= len(s.toks); steps++ {
		if k == root {
			return true
		}
		k = s.head(k)
	}
	return false
}

// clauseRels are the relations that start a clause of their own.
var clauseRels = map[string]bool{
	"root": true, "ccomp": true, "advcl": true, "acl": true, "parataxis": true, "csubj": true,
	"xcomp": true, "list": true,
}

// predicate returns the clause predicate token i belongs to: i itself
// or the nearest ancestor that heads a clause (a verb, or a conjoined
// verb), and -1 if the sentence is not parsed.
func (s *sent) predicate(i int) int {
	for steps := 0; i >= 0 && steps <= len(s.toks); steps++ {
		r := s.rel(i)
		t := s.tag(i)
		if clauseRels[r] && (t == nlp.VERB || t == nlp.AUX || r == "root" || s.child(i, "nsubj", "cop") >= 0) {
			return i
		}
		if r == "conj" && (t == nlp.VERB || s.child(i, "obl", "orphan") >= 0) {
			// A conjoined noun with an oblique is the remnant of a
			// gapped clause: "300 trains went to Jixi and 200 trains to
			// Hegang". Obliques attach to predicates only.
			return i
		}
		if r == "root" {
			return i
		}
		i = s.head(i)
	}
	return -1
}

// inOtherRelative reports whether token i lies in a relative clause
// that token k is outside of: what a relative clause names describes
// the noun it modifies, not the clause around it.
func (s *sent) inOtherRelative(i, k int) bool {
	for v, steps := i, 0; v >= 0 && steps <= len(s.toks); v, steps = s.head(v), steps+1 {
		if s.relFull(v) == "acl:relcl" && !s.inSubtree(k, v) {
			return true
		}
	}
	return false
}

// absolute reports whether predicate v heads an absolute clause, "with"
// and a subject of its own: "with 113 trains carrying 9,488 containers".
func (s *sent) absolute(v int) bool {
	if s.rel(v) == "root" {
		return false
	}
	m := s.child(v, "mark")
	return m >= 0 && s.word(m) == "with"
}

// subject returns the subject of predicate v: its nsubj (or nsubj:pass),
// else, for a verb conjoined to or controlled by another, that one's.
func (s *sent) subject(v int) int {
	for steps := 0; v >= 0 && steps < 6; steps++ {
		if k := s.child(v, "nsubj", "csubj"); k >= 0 {
			// Two subjects are one in apposition ("its neighbor Raohe
			// County added"): the name.
			for _, c := range s.children(v) {
				if int(c) != k && s.rel(int(c)) == "nsubj" && s.mentionAt(int(c)) != nil && s.mentionAt(k) == nil {
					k = int(c)
				}
			}
			// "the project, which has an investment of ...": the
			// relative pronoun stands for the noun the clause modifies.
			if w := s.word(k); (w == "which" || w == "that" || w == "who") && s.relFull(v) == "acl:relcl" {
				return s.head(v)
			}
			return k
		}
		// "expects its forest economy to generate ...", "saw its foreign
		// trade reach ...": an infinitive's subject is the object of the
		// verb it completes.
		// Only a verb in its base form or in -ing takes its subject so
		// ("saw its trade reach", "kept prices rising"); "called the
		// nation's grain barn, harvested ..." is a finite verb misparsed.
		if m := s.child(v, "mark"); m >= 0 && s.word(m) == "to" || (s.rel(v) == "xcomp" || s.rel(v) == "ccomp") && (s.lemma(v) == lowerASCII(s.toks[v].Form) || strings.HasSuffix(s.word(v), "ing")) {
			if o := s.child(s.head(v), "obj"); o >= 0 && o < v {
				return o
			}
		}
		switch s.rel(v) {
		case "conj", "xcomp", "advcl":
			v = s.head(v)
		case "acl":
			// "projects receiving ..." : the noun the clause modifies.
			return s.head(v)
		default:
			return -1
		}
	}
	return -1
}

// addMentions keeps the mentions that lie in the sentence.
func (s *sent) addMentions(ms []resolve.Mention) {
	a := sort.Search(len(ms), func(i int) bool { return ms[i].Start >= s.start })
	for i := a; i < len(ms) && ms[i].End <= s.end; i++ {
		s.ments = append(s.ments, ment{m: ms[i]})
	}
}

// resolveMentions maps the mentions to tokens and resolves them.
func (s *sent) resolveMentions() {
	s.mtok = make([]int, len(s.toks))
	for i := range s.mtok {
		s.mtok[i] = -1
	}
	for k := range s.ments {
		m := &s.ments[k]
		m.first = s.tokAt(m.m.Start)
		m.last = m.first
		for m.last+1 < len(s.toks) && s.toks[m.last+1].Start < m.m.End {
			m.last++
		}
		for i := m.first; i <= m.last && i < len(s.toks); i++ {
			s.mtok[i] = k
		}
		m.e, m.ok = s.x.tracker.Resolve(m.m)
	}
	// "Daqing Oilfield said that its output ...": a pronoun stands for
	// the nearest subject named before it in the same sentence. "The
	// equipment industry kept growing as its output ...": a subject that
	// names a part of the economy is no entity, and neither is the
	// pronoun that stands for it.
	for k := range s.ments {
		m := &s.ments[k]
		if !m.m.Ref || m.m.Entity.Level != 0 {
			continue
		}
		if s.categoryBefore(m.first) {
			m.ok = false
			continue
		}
		for j := k - 1; j >= 0; j-- {
			// "the area ... of its own": a resolved reference is as good
			// an antecedent as a name.
			o := &s.ments[j]
			// Not the subject of a relative clause the pronoun is outside
			// of: "Jixi, a city where Russia and China meet, saw its
			// trade climb" (its is Jixi's).
			if o.ok && (!o.m.Ref || o.m.Entity.Level != 0) && s.isSubjectAt(o) && !s.inOtherRelative(o.first, m.first) {
				m.e, m.ok = o.e, true
				break
			}
		}
	}
}

// isSubjectAt reports whether mention m is the subject of a clause (or,
// in an unparsed sentence, starts it).
func (s *sent) isSubjectAt(m *ment) bool {
	if !s.parsed {
		return m.first == 0
	}
	for i := m.first; i <= m.last && i < len(s.toks); i++ {
		if s.rel(i) == "nsubj" {
			return true
		}
	}
	return false
}

// mentionAt returns the mention covering token i, or nil.
func (s *sent) mentionAt(i int) *ment {
	if i < 0 || i >= len(s.mtok) || s.mtok[i] < 0 {
		return nil
	}
	return &s.ments[s.mtok[i]]
}

// placeNouns head noun phrases that a name completes: "the province of
// Heilongjiang", "China's northernmost province, Heilongjiang".
var placeNouns = map[string]bool{
	"province": true, "city": true, "county": true, "district": true, "region": true, "capital": true,
	"zone": true, "area": true, "port": true, "town": true, "country": true, "municipality": true,
}

// mentionIn returns the mention a noun phrase headed by i names: the
// head's own, a name the head's phrase completes ("the province of
// Heilongjiang", an apposition), or one hanging from it through
// name-internal relations (compound, flat, amod, det), or its possessor.
// A possessor that only locates a place ("China's province of
// Heilongjiang") does not name it.
func (s *sent) mentionIn(i int) *ment {
	if m := s.mentionAt(i); m != nil {
		return m
	}
	place := placeNouns[s.lemma(i)]
	var poss *ment
	for _, k := range s.children(i) {
		switch r := s.toks[k].Rel; r {
		case "compound", "flat", "amod", "det":
			if m := s.mentionAt(int(k)); m != nil && m.ok {
				return m
			}
		case "nmod", "appos":
			if place && (r == "appos" || s.caseOf(int(k)) == "of") {
				if m := s.mentionAt(int(k)); m != nil && m.ok {
					return m
				}
			}
		case "nmod:poss":
			if m := s.mentionAt(int(k)); m != nil && m.ok && poss == nil {
				poss = m
			}
		}
	}
	if poss != nil && !place {
		return poss
	}
	return nil
}

// observe tells the tracker what the sentence was about: the named
// subjects and possessors of its clauses. A place named in passing ("fell
// behind Zhejiang and Guangdong") is not what "the province" will mean.
func (s *sent) observe() {
	if !s.parsed {
		// A sentence without figures is tagged only: its first name
		// before any verb is its subject.
		for _, m := range s.ments {
			if m.first >= 0 && s.verbBefore(m.first) {
				break
			}
			if m.ok && !m.m.Ref {
				s.x.tracker.Observe(m.e)
				s.x.tracker.SetSubject(m.e)
				s.x.setPlace(m.e)
				break
			}
		}
		return
	}
	// The main clause's subject, else its possessor: in "Heilongjiang is
	// China's largest soybean area" it is Heilongjiang that "it" will
	// mean next.
	var subj, poss *ment
	for i, t := range s.toks {
		r := s.rel(i)
		if r != "nsubj" && t.Rel != "nmod:poss" {
			continue
		}
		if m := s.mentionIn(i); m != nil && m.ok && !m.m.Ref {
			s.x.tracker.Observe(m.e)
			if s.rel(s.head(i)) == "root" || s.head(i) >= 0 && s.toks[s.head(i)].Rel == "root" {
				if r == "nsubj" {
					subj = m
				} else {
					poss = m
				}
			}
		}
	}
	if subj == nil {
		subj = poss
	}
	if subj != nil {
		s.x.tracker.SetSubject(subj.e)
		s.x.setPlace(subj.e)
	}
}

// verbBefore reports whether a verb comes before token k.
func (s *sent) verbBefore(k int) bool {
	for i := 0; i < k && i < len(s.toks); i++ {
		if s.toks[i].Tag == nlp.VERB {
			return true
		}
	}
	return false
}

func lowerASCII(w string) string {
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= 'A' && c <= 'Z' {
			b := []byte(w)
			for j := i; j < len(b); j++ {
				if b[j] >= 'A' && b[j] <= 'Z' {
					b[j] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return w
}

// categoryBefore reports whether the nearest subject before token i in
// the sentence is an unnamed noun of a part of the economy ("the
// equipment industry") with no name of its own or possessor.
func (s *sent) categoryBefore(i int) bool {
	if !s.parsed {
		return false
	}
	for k := i - 1; k >= 0; k-- {
		if s.rel(k) != "nsubj" {
			continue
		}
		if !categoryHeads[s.lemma(k)] || s.mentionIn(k) != nil {
			return false
		}
		for _, c := range s.children(k) {
			if r := s.rel(int(c)); r == "compound" || r == "amod" {
				if s.mentionAt(int(c)) != nil {
					return false // "the Harbin food industry"
				}
			}
		}
		return true
	}
	return false
}

// placeOwner returns the mention that owns what happens in the place
// noun phrase headed by i: the name it holds, or for a plural place noun
// its possessor ("via Jilin's land ports": Jilin).
func (s *sent) placeOwner(i int) *ment {
	if m := s.mentionIn(i); m != nil {
		return m
	}
	if !placeNouns[s.lemma(i)] || s.lemma(i) == lowerASCII(s.toks[i].Form) {
		return nil
	}
	for _, k := range s.children(i) {
		if s.toks[k].Rel == "nmod:poss" {
			if m := s.mentionAt(int(k)); m != nil && m.ok {
				return m
			}
		}
	}
	return nil
}
