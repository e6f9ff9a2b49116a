package extract

import (
	"strings"

	"github.com/almanacdb/almanac/ingest/nlp"
)

// "Harbin and Daqing had 30 and 40 parks, respectively": a list of
// figures with "respectively" pairs each figure with the item in the same
// position of a list of the same length elsewhere in the sentence: places
// (the entity), nouns (the metric) or earlier figures (what a change is a
// change of). The rules that use a position live in the tables of the
// attribute they decide; this file finds the lists.

// position returns the figure's place in its list of figures (numbers
// joined only by commas, "and" and "or") and the list's length; ok is
// false unless the sentence says "respectively" and the list has two
// figures or more.
func (f *figure) position() (j, n int, ok bool) {
	s := f.s
	if !s.respectively() {
		return 0, 0, false
	}
	lo, hi := f.qi, f.qi
	for lo > 0 && s.joined(lo-1, lo) {
		lo--
	}
	for hi+1 < len(s.quants) && s.joined(hi, hi+1) {
		hi++
	}
	if hi == lo {
		return 0, 0, false
	}
	return f.qi - lo, hi - lo + 1, true
}

// respectively reports whether the sentence distributes a list.
func (s *sent) respectively() bool {
	for i := range s.toks {
		if s.word(i) == "respectively" {
			return true
		}
	}
	return false
}

// joined reports whether quantities a and b (a before b) stand in one
// list: nothing but list separators and the first one's unit words
// between them, or, after a separator, the second one's noun of change.
func (s *sent) joined(a, b int) bool {
	end := s.lastTok(s.quants[a].End) + 1
	start := s.tokAt(s.quants[b].Start)
	if s.quants[b].Range {
		start = s.tokAt(s.quants[b].LoStart)
	}
	sep := false
	for i := end; i < start; i++ {
		switch w := s.word(i); {
		case w == "," || w == "and" || w == "or":
			sep = true
		case sep && (s.tag(i) == nlp.DET || w == "of" || w == "by" || isChangeNoun(s, i)):
			// "a decline of 4.5 percent and an increase of 11.3
			// percent": a list of changes, each with its noun.
		default:
			return false
		}
	}
	return sep || end == start
}

// conjuncts returns noun n and its conjuncts in text order ("exports and
// imports", "Harbin, Daqing and Qiqihar").
func (s *sent) conjuncts(n int) []int {
	out := []int{n}
	for _, k := range s.children(n) {
		if s.rel(int(k)) == "conj" && int(k) > n {
			out = append(out, int(k))
		}
	}
	return out
}

// mentionList returns a list of exactly n resolved mentions named one
// after another with only list separators between them: the nearest
// before token before, or the first after it when none lies before.
func (s *sent) mentionList(n, before int) []*ment {
	var best []*ment
	for a := 0; a+n <= len(s.ments); a++ {
		if a > 0 && s.separated(s.ments[a-1].last, s.ments[a].first) {
			continue // not the start of a list
		}
		b := a
		for b+1 < len(s.ments) && s.separated(s.ments[b].last, s.ments[b+1].first) {
			b++
		}
		if b-a+1 != n {
			continue
		}
		list := make([]*ment, n)
		resolved := true
		for k := range list {
			list[k] = &s.ments[a+k]
			resolved = resolved && list[k].ok
		}
		if !resolved {
			continue
		}
		switch {
		case best == nil:
			best = list
		case list[0].first < before:
			best = list // a later list still before the figure is nearer
		}
	}
	return best
}

// separated reports whether tokens a and b are apart by list separators
// only: "Harbin and Daqing", "Harbin, Daqing and Qiqihar".
func (s *sent) separated(a, b int) bool {
	if b <= a+1 {
		return false
	}
	for i := a + 1; i < b; i++ {
		switch s.word(i) {
		case ",", "and", "or":
		default:
			return false
		}
	}
	return true
}

// respective returns the conjunct of noun n at the figure's position when
// the figure is one of a "respectively" list as long as n's conjuncts,
// or -1.
func (f *figure) respective(n int) int {
	j, cnt, ok := f.position()
	if !ok || n < 0 {
		return -1
	}
	if c := f.s.conjuncts(n); len(c) == cnt {
		f.distributed = true
		return c[j]
	}
	return -1
}

// oneList reports whether figures fs are one list: consecutive
// quantities, each pair apart by a list separator and no verb ("200
// cars and 300 trucks") or by a participle ("3,000 trains carrying
// 290,000 TEU"), past the first's own complement verb ("saw 3,000
// trains pass through").
func oneList(s *sent, fs []*figure) bool {
	for k := 1; k < len(fs); k++ {
		if fs[k].qi != fs[k-1].qi+1 {
			return false
		}
		sep := false
		for i := fs[k-1].hi; i < fs[k].lo; i++ {
			switch s.word(i) {
			case ",", "and", "or":
				sep = true
			}
			if s.tag(i) == nlp.VERB && strings.HasSuffix(s.word(i), "ing") {
				// "3,000 trains carrying 290,000 TEU": a participle
				// links the second figure to the first's noun.
				sep = true
				continue
			}
			if s.tag(i) == nlp.VERB && s.rel(i) == "xcomp" && s.head(i) == s.predicate(fs[k-1].head) {
				// "saw 4,000 trains pass through, carrying 400,000
				// TEU": a verb the first figure's noun is the subject of,
				// inside its clause, starts no clause of its own.
				continue
			}
			if s.tag(i) == nlp.VERB || s.tag(i) == nlp.AUX {
				return false
			}
		}
		if !sep {
			return false
		}
	}
	return true
}
