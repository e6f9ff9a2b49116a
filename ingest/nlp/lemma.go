package nlp

import (
	"slices"
	"strings"
)

// Lemmatizer gives a word's lemma from its form and tag: the lemma the
// training data gave that form and tag, else an edit of the form's ending
// learnt from the training data ("surging"/VERB ends like "urging" -> "urge",
// so strip "ing" and add "e").
type Lemmatizer struct {
	// known maps "tag\x00form" (form lower-cased) to its lemma where the
	// rules would get it wrong.
	known map[string]string
	// rules maps "tag\x00suffix" to the edit that suffix takes most often.
	rules map[string]edit
	// lemmas are the lemmas of the training data: of the edits a form's
	// endings allow, one that makes a known lemma wins ("soared": not
	// "soare" as "shared" -> "share" would have it, but "soar").
	lemmas map[string]bool
}

// edit turns a form into its lemma: strip Strip bytes, then add Add.
type edit struct {
	strip int
	add   string
}

// maxSuffix is the longest form ending a rule is keyed by.
const maxSuffix = 5

// lemmaTags are the tags whose lemmas are learnt; every other word's lemma
// is its lower-cased form (PROPN keeps its case).
func lemmaTag(t Tag) bool {
	switch t {
	case NOUN, VERB, AUX, ADJ, ADV, PRON, DET:
		return true
	}
	return false
}

// Lemma returns the lemma of form with tag t.
func (lz *Lemmatizer) Lemma(form string, t Tag) string {
	if t == PROPN {
		return form
	}
	low := lowerASCII(form)
	if !lemmaTag(t) || lz == nil {
		return low
	}
	key := tagKey(t, low)
	if l, ok := lz.known[key]; ok {
		return l
	}
	return lz.apply(low, t)
}

func (lz *Lemmatizer) apply(low string, t Tag) string {
	first := ""
	for k := min(maxSuffix, len(low)-1); k >= 1; k-- {
		e, ok := lz.rules[tagKey(t, low[len(low)-k:])]
		if !ok || e.strip > len(low)-1 {
			continue
		}
		l := low[:len(low)-e.strip] + e.add
		if lz.lemmas[l] {
			return l
		}
		if first == "" {
			first = l
		}
	}
	if first == "" {
		return low
	}
	return first
}

func tagKey(t Tag, s string) string {
	return tagNames[t] + "\x00" + s
}

// lowerASCII lower-cases ASCII letters, allocating only if there is one.
func lowerASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if b[j] >= 'A' && b[j] <= 'Z' {
					b[j] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}

// TrainLemmatizer learns lemmas from sentences with gold tags and lemmas.
func TrainLemmatizer(sents []Sentence) *Lemmatizer {
	type pair struct{ form, lemma string }
	seen := map[string]map[string]int{} // tagKey(form) -> lemma -> count
	ruleCount := map[string]map[edit]int{}
	for _, s := range sents {
		for _, w := range s.Words {
			t, ok := ParseTag(w.UPOS)
			if !ok || !lemmaTag(t) || w.Lemma == "" || w.Lemma == "_" {
				continue
			}
			low, lem := lowerASCII(w.Form), lowerASCII(w.Lemma)
			key := tagKey(t, low)
			if seen[key] == nil {
				seen[key] = map[string]int{}
			}
			seen[key][lem]++
			e := editOf(low, lem)
			for k := 1; k <= min(maxSuffix, len(low)-1); k++ {
				if k < e.strip {
					continue // the edit reaches beyond the suffix
				}
				rk := tagKey(t, low[len(low)-k:])
				if ruleCount[rk] == nil {
					ruleCount[rk] = map[edit]int{}
				}
				ruleCount[rk][e]++
			}
		}
	}
	lz := &Lemmatizer{known: map[string]string{}, rules: map[string]edit{}, lemmas: map[string]bool{}}
	for _, lems := range seen {
		for l := range lems {
			lz.lemmas[l] = true
		}
	}
	for rk, c := range ruleCount {
		best, n, total := edit{}, 0, 0
		for e, k := range c {
			total += k
			if k > n || k == n && (e.strip < best.strip || e.strip == best.strip && e.add < best.add) {
				best, n = e, k
			}
		}
		if total >= 2 {
			lz.rules[rk] = best
		}
	}
	// Drop rules that agree with their shorter suffix: the shorter one
	// decides the same way.
	keys := make([]string, 0, len(lz.rules))
	for k := range lz.rules {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b string) int { return len(b) - len(a) })
	for _, k := range keys {
		i := strings.IndexByte(k, 0)
		tag, suf := k[:i], k[i+1:]
		for j := 1; j < len(suf); j++ {
			if e, ok := lz.rules[tag+"\x00"+suf[j:]]; ok {
				if e == lz.rules[k] {
					delete(lz.rules, k)
				}
				break
			}
		}
	}
	for key, lems := range seen {
		best, n := "", 0
		for l, k := range lems {
			if k > n || k == n && l < best {
				best, n = l, k
			}
		}
		i := strings.IndexByte(key, 0)
		t, _ := ParseTag(key[:i])
		if lz.apply(key[i+1:], t) != best {
			lz.known[key] = best
		}
	}
	return lz
}

// editOf returns the edit that turns form into lemma.
func editOf(form, lemma string) edit {
	p := 0
	for p < len(form) && p < len(lemma) && form[p] == lemma[p] {
		p++
	}
	return edit{strip: len(form) - p, add: lemma[p:]}
}
