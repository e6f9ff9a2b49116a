package extract

import (
	"strings"

	"github.com/almanacdb/almanac/ingest/nlp"
)

// The parser, trained on web English, gets some shapes of economic news
// wrong in the same way again and again. A repair restates a fact of
// English grammar that the tree breaks and mends the tree before any
// fact rule reads it. Each is named; the trace of a fact does not list
// them, but their tests do.

// repair mends one kind of parse error in toks (one sentence's tokens).
type repair struct {
	name  string
	doc   string
	apply func(toks []nlp.Token)
}

var repairs = []repair{
	{"verbless-root", "a sentence is rooted in its finite verb or its copula's predicate: a noun (or an opening gerund) made root, with a later verb or copular predicate hanging from it that has no subject, becomes its subject",
		func(toks []nlp.Token) {
			root := -1
			for i, t := range toks {
				if t.Head < 0 {
					root = i
					break
				}
			}
			if root < 0 {
				return
			}
			rt := toks[root]
			gerund := rt.Tag == nlp.VERB && strings.HasSuffix(strings.ToLower(rt.Form), "ing") && root == 0
			if rt.Tag != nlp.NOUN && rt.Tag != nlp.PROPN && !gerund {
				return
			}
			for v := root + 1; v < len(toks); v++ {
				t := toks[v]
				if t.Head != root {
					// "added value of firms above designated size in the
					// county rose 7 percent": a verb hung as a clause on a
					// noun inside the subject's phrase.
					if gerund || t.Rel != "acl" || t.Tag != nlp.VERB || !finiteForm(t) || !nominalChain(toks, t.Head, root) || hasChild(toks, v, "mark") {
						continue
					}
				}
				// A predicate with its copula is a clause head as a
				// finite verb is: "bookings were up 12 percent".
				copular := !gerund && copulaOf(toks, root, v)
				if !copular && (t.Tag != nlp.VERB || !finiteForm(t)) {
					continue
				}
				switch t.Rel {
				case "dep", "parataxis", "acl", "conj", "advcl":
				case "amod":
					// "sales to Russia came to 1.1 billion yuan": a verb
					// after the noun with a complement of its own is no
					// adjective.
					if copular || !hasChild(toks, v, "obj", "obl", "xcomp") {
						continue
					}
				case "nmod", "appos":
					if !copular {
						continue
					}
				default:
					continue
				}
				if hasChild(toks, v, "nsubj", "nsubj:pass") {
					continue
				}
				toks[v].Head, toks[v].Rel = -1, "root"
				toks[root].Head, toks[root].Rel = v, "nsubj"
				if gerund {
					toks[root].Tag = nlp.NOUN
				}
				// The root's other dependents after the verb are the verb's.
				for k := v + 1; k < len(toks); k++ {
					if toks[k].Head == root && toks[k].Rel == "punct" {
						toks[k].Head = v
					}
				}
				return
			}
		}},
	{"fronted-participle", "\"Soaring by 5 percent, visits reached 8 million\": a participle that opens a sentence, before a comma and a clause with its own subject and verb, modifies that clause",
		func(toks []nlp.Token) {
			if len(toks) < 4 || toks[0].Head >= 0 || toks[0].Tag != nlp.VERB || !strings.HasSuffix(strings.ToLower(toks[0].Form), "ing") {
				return
			}
			for v := 1; v < len(toks); v++ {
				t := toks[v]
				if t.Head != 0 || t.Tag != nlp.VERB || !finiteForm(t) || !hasChild(toks, v, "nsubj", "nsubj:pass") {
					continue
				}
				comma := false
				for k := 1; k < v; k++ {
					if toks[k].Form == "," {
						comma = true
					}
				}
				if !comma {
					return
				}
				toks[v].Head, toks[v].Rel = -1, "root"
				toks[0].Head, toks[0].Rel = v, "advcl"
				for k := v + 1; k < len(toks); k++ {
					if toks[k].Head == 0 && toks[k].Rel == "punct" {
						toks[k].Head = v
					}
				}
				return
			}
		}},
	{"relative-aside", "\"Hulan District, where the area lies, had 96 farms\": a relative clause between commas holds no main verb; the verb after it is the sentence's",
		func(toks []nlp.Token) {
			r := -1
			for i, t := range toks {
				if t.Head < 0 {
					r = i
				}
			}
			if r < 0 || toks[r].Tag != nlp.PROPN && toks[r].Tag != nlp.NOUN || r+2 >= len(toks) || toks[r+1].Form != "," {
				return
			}
			switch strings.ToLower(toks[r+2].Form) {
			case "where", "which", "who", "whose":
			default:
				return
			}
			c2 := -1
			for k := r + 3; k < len(toks); k++ {
				if toks[k].Form == "," {
					c2 = k
					break
				}
			}
			if c2 < 0 {
				return
			}
			for v := c2 + 1; v < len(toks); v++ {
				if toks[v].Head != r || toks[v].Tag != nlp.VERB && toks[v].Tag != nlp.AUX || !strings.HasPrefix(toks[v].Rel, "acl") {
					continue
				}
				toks[v].Head, toks[v].Rel = -1, "root"
				toks[r].Head, toks[r].Rel = v, "nsubj"
				for k := r + 1; k <= c2; k++ {
					if toks[k].Head == v {
						toks[k].Head = r
						if toks[k].Rel == "nsubj" {
							toks[k].Rel = "acl:relcl"
						}
					}
				}
				return
			}
		}},
	{"verb-of-intent", "\"Harbin plans to build\": a plural noun of intent before an infinitive, with no verb before it, is the verb (plans, aims, hopes, expects, seeks, intends)",
		func(toks []nlp.Token) {
			for i := 1; i+2 < len(toks); i++ {
				t := toks[i]
				l := strings.ToLower(t.Form)
				switch l {
				case "plans", "aims", "hopes", "expects", "seeks", "intends", "wants", "targets", "vows", "pledges":
				default:
					continue
				}
				if t.Tag != nlp.NOUN || strings.ToLower(toks[i+1].Form) != "to" || toks[i+2].Tag != nlp.VERB {
					continue
				}
				verbBefore := false
				for k := 0; k < i; k++ {
					if toks[k].Tag == nlp.VERB || toks[k].Tag == nlp.AUX {
						verbBefore = true
					}
				}
				if verbBefore {
					continue
				}
				v := i + 2
				// The infinitive took the noun's place: swap them.
				head, rel := toks[v].Head, toks[v].Rel
				if head == i {
					head, rel = toks[i].Head, toks[i].Rel
				}
				toks[i].Tag, toks[i].Head, toks[i].Rel = nlp.VERB, head, rel
				if rel == "nsubj" || head >= 0 && head != v {
					toks[i].Head, toks[i].Rel = -1, "root"
				}
				toks[v].Head, toks[v].Rel = i, "xcomp"
				for k := range toks {
					if k == i || k == v {
						continue
					}
					switch {
					case toks[k].Head == i && k < i && (toks[k].Rel == "compound" || toks[k].Rel == "nmod:poss" || toks[k].Rel == "det"):
						toks[k].Rel = "nsubj" // "Harbin plans": the name is the subject
						if toks[k].Tag == nlp.DET {
							toks[k].Rel = "det"
						}
					case toks[k].Head == v && k < i:
						toks[k].Head = i // the clause's opening words
					case toks[k].Head == -1 && toks[k].Rel == "root" && k != i:
						toks[k].Head, toks[k].Rel = i, "dep"
					}
				}
				return
			}
		}},
	{"plural-possessive", "\"residents' income\": an apostrophe after a plural noun makes it the possessor of the noun phrase that follows",
		func(toks []nlp.Token) {
			for i := 1; i+1 < len(toks); i++ {
				if f := toks[i].Form; f != "'" && f != "\u2019" {
					continue
				}
				p := i - 1
				if toks[p].Tag != nlp.NOUN || !strings.HasSuffix(strings.ToLower(toks[p].Form), "s") {
					continue
				}
				// The head of the phrase after: the last of its nouns.
				n := -1
				for k := i + 1; k < len(toks) && k <= i+6; k++ {
					t := toks[k].Tag
					if t == nlp.NOUN {
						n = k
						continue
					}
					if t == nlp.ADJ || t == nlp.NUM || t == nlp.ADP && strings.EqualFold(toks[k].Form, "per") {
						continue // "residents' per capita disposable income"
					}
					break
				}
				if n < 0 {
					continue
				}
				if toks[n].Head == p {
					// The noun hung from the possessor: swap their places.
					toks[n].Head, toks[n].Rel = toks[p].Head, toks[p].Rel
				}
				for k := range toks {
					if k != n && k != p && toks[k].Head == p && k > i {
						toks[k].Head = n
					}
				}
				toks[p].Head, toks[p].Rel = n, "nmod:poss"
				toks[i].Tag, toks[i].Head, toks[i].Rel = nlp.PART, p, "case"
				for k := i + 1; k < n; k++ {
					if toks[k].Head == p || toks[k].Head < 0 {
						toks[k].Head = n
					}
				}
				if toks[n].Head < 0 {
					toks[n].Rel = "root"
				}
			}
		}},
	{"number-on-adjective", "a number counts a noun, not an adjective: in \"135 million domestic and overseas tourists\" the number hangs on \"tourists\"",
		func(toks []nlp.Token) {
			for i, t := range toks {
				h := t.Head
				if t.Tag != nlp.NUM || h <= i || h >= len(toks) || toks[h].Tag != nlp.ADJ {
					continue
				}
				// The noun the adjective and its conjuncts lead to.
				n := -1
				for k := h + 1; k < len(toks) && k <= h+5; k++ {
					if toks[k].Tag == nlp.NOUN {
						n = k
						break
					}
					if toks[k].Tag != nlp.ADJ && toks[k].Tag != nlp.CCONJ && toks[k].Form != "," {
						break
					}
				}
				if n < 0 {
					continue
				}
				toks[i].Head, toks[i].Rel = n, "nummod"
				if toks[h].Head != n {
					rel := toks[h].Rel
					toks[h].Head, toks[h].Rel = n, "amod"
					if toks[n].Head == h {
						// The noun hung from the adjective: give it the
						// adjective's place.
						toks[n].Head, toks[n].Rel = -1, rel
						for k := range toks {
							if k != n && toks[k].Head == -1 && toks[k].Rel == "root" {
								toks[n].Head = k
							}
						}
					}
				}
			}
		}},
	{"participle-modifier", "a past participle with no subject or auxiliary, right before a noun it takes as object, modifies that noun when a finite verb follows: in \"firms above designated size in the county grew\" the verb is \"grew\"",
		func(toks []nlp.Token) {
			r := -1
			for i, t := range toks {
				if t.Head < 0 {
					r = i
					break
				}
			}
			if r < 0 || r+1 >= len(toks) || toks[r].Tag != nlp.VERB || !strings.HasSuffix(strings.ToLower(toks[r].Form), "ed") {
				return
			}
			n := r + 1
			if toks[n].Tag != nlp.NOUN || hasChild(toks, r, "aux", "aux:pass", "mark") {
				return
			}
			// "Added value rose 16 percent" with "value" already the
			// subject of the verb that hangs from the participle.
			if v := toks[n].Head; r == 0 && v > n && toks[v].Head == r && toks[v].Tag == nlp.VERB && toks[n].Rel == "nsubj" && !hasChild(toks, r, "nsubj", "obj") {
				toks[v].Head, toks[v].Rel = -1, "root"
				for k := range toks {
					if toks[k].Head == r {
						toks[k].Head = v
					}
				}
				toks[r].Head, toks[r].Rel = n, "amod"
				return
			}
			if toks[n].Head != r || toks[n].Rel != "obj" {
				return
			}
			v := -1
			for k := n + 1; k < len(toks); k++ {
				t := toks[k]
				if t.Head == r && t.Tag == nlp.VERB && finiteForm(t) && !hasChild(toks, k, "nsubj", "nsubj:pass", "mark") {
					switch t.Rel {
					case "advcl", "conj", "parataxis", "dep", "ccomp", "xcomp":
						v = k
					}
				}
				if v >= 0 {
					break
				}
			}
			if v < 0 {
				return
			}
			sub := -1
			for k, t := range toks {
				if t.Head == r && (t.Rel == "nsubj" || t.Rel == "nsubj:pass") {
					sub = k
				}
			}
			toks[v].Head, toks[v].Rel = -1, "root"
			for k := range toks {
				if toks[k].Head != r || k == n {
					continue
				}
				switch {
				case k == r-1 && (toks[k].Tag == nlp.ADP || toks[k].Tag == nlp.ADV):
					toks[k].Head, toks[k].Rel = n, "case" // "above designated size"
				case k < r && k != sub:
					toks[k].Head = v
				case k > n:
					toks[k].Head = v
				}
			}
			toks[r].Head, toks[r].Rel = n, "amod"
			if sub >= 0 && sub < r && (toks[sub].Tag == nlp.NOUN || toks[sub].Tag == nlp.PROPN) && phraseEnd(toks, sub) == r-1 {
				// "snow themed routes", "ice and snow themed routes":
				// the noun phrase right before is the participle's, and
				// the phrase is the subject.
				toks[sub].Head, toks[sub].Rel = r, "compound"
				sub = -1
			}
			if sub >= 0 {
				toks[sub].Head, toks[sub].Rel = v, "nsubj"
				toks[n].Head, toks[n].Rel = sub, "nmod"
			} else {
				toks[n].Head, toks[n].Rel = v, "nsubj"
			}
			// The noun's own dependents after it stay; those the verb took
			// between the noun and the verb belong to the noun.
			for k := n + 1; k < v; k++ {
				if toks[k].Head == v && (toks[k].Rel == "obl" || toks[k].Rel == "nmod") {
					toks[k].Head, toks[k].Rel = n, "nmod"
				}
			}
		}},
	{"bare-subject", "an oblique needs a preposition: a bare noun phrase before a verb that has no subject is the verb's subject (\"farm investment in the county, a hub, kept growing\")",
		func(toks []nlp.Token) {
			for i, t := range toks {
				// An oblique without a preposition, or a noun made an
				// auxiliary ("animal husbandry output value rose").
				if t.Rel != "obl" && t.Rel != "aux" && t.Rel != "aux:pass" || t.Tag != nlp.NOUN || t.Head <= i || toks[t.Head].Tag != nlp.VERB {
					continue
				}
				if hasChild(toks, i, "case") || hasChild(toks, t.Head, "nsubj", "nsubj:pass", "csubj", "expl") || timeWord(t.Form) {
					continue
				}
				// Nothing but the noun's own phrase and commas between it
				// and the verb.
				ok := true
				for k := i + 1; k < t.Head; k++ {
					if !descends(toks, k, i) && toks[k].Form != "," {
						ok = false
						break
					}
				}
				if ok {
					toks[i].Rel = "nsubj"
				}
			}
		}},
	{"quoted-modifier", "a quoted name right before a noun modifies it: in 565 \"Young Hawk Plan\" projects the head is \"projects\"",
		func(toks []nlp.Token) {
			for open := 0; open < len(toks); open++ {
				if !isQuote(toks[open].Form) {
					continue
				}
				close := open + 1
				for close < len(toks) && !isQuote(toks[close].Form) {
					close++
				}
				if close >= len(toks) || close-open < 2 {
					return
				}
				n := close + 1
				if n >= len(toks) || toks[n].Tag != nlp.NOUN {
					open = close
					continue
				}
				// The quoted span's head: its token whose head lies outside.
				h := -1
				for k := open + 1; k < close; k++ {
					if a := toks[k].Head; a <= open || a >= close {
						h = k
					}
				}
				if h < 0 || toks[n].Head != h && toks[n].Head != toks[h].Head {
					open = close
					continue
				}
				toks[n].Head, toks[n].Rel = toks[h].Head, toks[h].Rel
				toks[h].Head, toks[h].Rel = n, "compound"
				for k := range toks {
					if toks[k].Head == h && (k < open || k > close) {
						toks[k].Head = n // "565", "a": the noun's
					}
				}
				if toks[n].Head < 0 {
					toks[n].Rel = "root"
				}
				open = close
			}
		}},
	{"plural-count", "a number above one counts a plural noun: in \"700 new cloud and data service companies\" it counts the companies, and the nouns before are their modifiers",
		func(toks []nlp.Token) {
			for i, t := range toks {
				n := t.Head
				if t.Tag != nlp.NUM || t.Rel != "nummod" || n <= i || toks[n].Tag != nlp.NOUN || plural(toks[n]) {
					continue
				}
				if w := strings.ToLower(t.Form); w == "one" || w == "1" {
					continue
				}
				// The plural noun the coordination ends in.
				p := -1
				for k := n + 1; k < len(toks) && k <= n+6; k++ {
					if toks[k].Tag == nlp.NOUN && plural(toks[k]) && toks[k].Head == n && toks[k].Rel == "conj" {
						p = k
						break
					}
					if toks[k].Tag != nlp.NOUN && toks[k].Tag != nlp.ADJ && toks[k].Tag != nlp.CCONJ {
						break
					}
				}
				if p < 0 {
					continue
				}
				toks[p].Head, toks[p].Rel = toks[n].Head, toks[n].Rel
				toks[n].Head, toks[n].Rel = p, "compound"
				for k := range toks {
					if k < n && toks[k].Head == n {
						toks[k].Head = p // the number, "new": the counted noun's
					}
					if k > p && toks[k].Head == n && toks[k].Rel != "conj" && toks[k].Rel != "cc" {
						toks[k].Head = p
					}
				}
				if toks[p].Head < 0 {
					toks[p].Rel = "root"
				}
			}
		}},
	{"false-auxiliary", "only be, have, do and the modals are auxiliaries: another verb the parser made one, right before a noun, modifies that noun (\"Added value rose\")",
		func(toks []nlp.Token) {
			for i, t := range toks {
				if t.Rel != "aux" || t.Tag != nlp.VERB || i+1 >= len(toks) || toks[i+1].Tag != nlp.NOUN {
					continue
				}
				switch t.Lemma {
				case "be", "have", "do", "will", "would", "shall", "should", "can", "could", "may", "might", "must", "get":
					continue
				}
				toks[i].Head, toks[i].Rel = i+1, "amod"
			}
		}},
	{"noun-conjunct", "conjuncts share their category: in \"exports and imports rose\" a plural-looking word joined to a noun, with nothing a verb has (subject, object, auxiliary, oblique), is a noun",
		func(toks []nlp.Token) {
			for i, t := range toks {
				if t.Rel != "conj" || t.Tag != nlp.VERB || t.Head < 0 || t.Head >= i || toks[t.Head].Tag != nlp.NOUN {
					continue
				}
				w := strings.ToLower(t.Form)
				if strings.HasSuffix(w, "ing") || strings.HasSuffix(w, "ed") || !strings.HasSuffix(w, "s") {
					continue // "rising 6 percent", "totaled": participles and pasts are verbs
				}
				ok := true
				for _, k := range toks {
					if k.Head == i {
						switch k.Rel {
						case "cc", "punct", "amod", "compound", "nmod", "advmod", "det":
						default:
							ok = false
						}
					}
				}
				if !ok {
					continue
				}
				toks[i].Tag = nlp.NOUN
			}
		}},
}

// finiteForm reports whether a verb token reads as a finite verb: not a
// bare -ing participle.
func finiteForm(t nlp.Token) bool {
	return !strings.HasSuffix(strings.ToLower(t.Form), "ing")
}

func hasChild(toks []nlp.Token, h int, rels ...string) bool {
	for _, t := range toks {
		if t.Head != h {
			continue
		}
		for _, r := range rels {
			if t.Rel == r {
				return true
			}
		}
	}
	return false
}

// mend applies the repairs to a parsed sentence.
func mend(toks []nlp.Token) {
	saved := make([]nlp.Token, len(toks))
	for _, r := range repairs {
		copy(saved, toks)
		r.apply(toks)
		// A repair that leaves no tree (a cycle, two roots or none) is
		// undone: the parser's tree is better than none.
		if !isTree(toks) {
			copy(toks, saved)
		}
	}
}

// isTree reports whether toks' heads make one tree: one root, every
// token reaching it.
func isTree(toks []nlp.Token) bool {
	roots := 0
	for i, t := range toks {
		if t.Head < 0 {
			roots++
			continue
		}
		if t.Head >= len(toks) || t.Head == i {
			return false
		}
	}
	if roots != 1 && len(toks) > 0 {
		return false
	}
	for i := range toks {
		k, steps := i, 0
		for toks[k].Head >= 0 {
			k = toks[k].Head
			if steps++; steps > len(toks) {
				return false
			}
		}
	}
	return true
}

// copulaOf reports whether token v, a dependent of root after it, is a
// predicate with a finite copula of its own between root and v.
func copulaOf(toks []nlp.Token, root, v int) bool {
	if toks[v].Tag != nlp.NOUN && toks[v].Tag != nlp.ADJ && toks[v].Tag != nlp.NUM {
		return false
	}
	for k := root + 1; k < v; k++ {
		if toks[k].Head == v && toks[k].Rel == "cop" && finiteForm(toks[k]) {
			return true
		}
	}
	return false
}

// nominalChain reports whether noun h hangs from root through noun
// modifiers only ("value of industries above designated size").
func nominalChain(toks []nlp.Token, h, root int) bool {
	for steps := 0; h >= 0 && steps < 8; steps++ {
		if h == root {
			return true
		}
		switch toks[h].Rel {
		case "nmod", "compound", "conj", "nmod:poss":
		default:
			return false
		}
		h = toks[h].Head
	}
	return false
}

// phraseEnd returns the last token of the phrase headed by h.
func phraseEnd(toks []nlp.Token, h int) int {
	end := h
	for k := h + 1; k < len(toks); k++ {
		for a, steps := toks[k].Head, 0; a >= 0 && steps < len(toks); a, steps = toks[a].Head, steps+1 {
			if a == h {
				end = k
				break
			}
		}
	}
	return end
}

// descends reports whether token k lies in the phrase headed by h.
func descends(toks []nlp.Token, k, h int) bool {
	for steps := 0; k >= 0 && steps < len(toks); steps++ {
		if k == h {
			return true
		}
		k = toks[k].Head
	}
	return false
}

// timeWord reports whether a form names a time, which may stand bare as
// an oblique ("Last year, ...", "Monday").
func timeWord(form string) bool {
	switch strings.ToLower(form) {
	case "year", "years", "month", "months", "week", "weeks", "day", "days", "time", "period", "quarter", "half",
		"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday":
		return true
	}
	return false
}

// isQuote reports whether form is a quotation mark.
func isQuote(form string) bool {
	switch form {
	case "\"", "\u201c", "\u201d", "''", "``":
		return true
	}
	return false
}

// plural reports whether a noun is plural: its lemma differs from its form
// by an ending ("companies", "tonnes").
func plural(t nlp.Token) bool {
	w := strings.ToLower(t.Form)
	return t.Lemma != "" && t.Lemma != w && strings.HasSuffix(w, "s")
}
