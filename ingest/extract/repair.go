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
	{"punct-head", "punctuation heads nothing: a word the parser hung on a punctuation mark hangs on the mark's own head",
		func(toks []nlp.Token) {
			for i := range toks {
				for steps := 0; steps < len(toks); steps++ {
					h := toks[i].Head
					if h < 0 || toks[h].Tag != nlp.PUNCT {
						break
					}
					if toks[h].Head < 0 {
						// A mark made root: the word takes its place.
						toks[i].Head, toks[i].Rel = -1, "root"
						toks[h].Head, toks[h].Rel = i, "punct"
						for k := range toks {
							if k != i && toks[k].Head == h {
								toks[k].Head = i
							}
						}
						break
					}
					toks[i].Head = toks[h].Head
				}
			}
		}},
	{"verbless-sentence", "a sentence has a verb: in one the tagger left without any, a past tense that is no participle (rose, fell, grew) after a noun phrase is its verb, not a noun (\"bookings in the city rose 40 percent\")",
		func(toks []nlp.Token) {
			for _, t := range toks {
				if t.Tag == nlp.VERB || t.Tag == nlp.AUX {
					return
				}
			}
			root := rootOf(toks)
			for k := 1; k < len(toks); k++ {
				lemma, past := pastOnly[strings.ToLower(toks[k].Form)]
				if !past || toks[k].Tag != nlp.NOUN || root < 0 || root >= k {
					continue
				}
				// The words the tagger joined to it before it: the noun
				// right before heads them ("in the city").
				p := k - 1
				if toks[p].Tag != nlp.NOUN && toks[p].Tag != nlp.PROPN {
					return
				}
				toks[p].Head, toks[p].Rel = toks[k].Head, "nmod"
				if toks[p].Head == k || toks[p].Head < 0 {
					toks[p].Head = root
				}
				for j := 0; j < p; j++ {
					if toks[j].Head == k {
						toks[j].Head = p
					}
				}
				toks[k].Tag, toks[k].Lemma, toks[k].Head, toks[k].Rel = nlp.VERB, lemma, -1, "root"
				for j := k + 1; j < len(toks); j++ {
					if toks[j].Head == root || toks[j].Head == p {
						toks[j].Head = k
					}
				}
				toks[root].Head, toks[root].Rel = k, "nsubj"
				return
			}
		}},
	{"trailing-participle", "a participle after a comma modifies the clause before it: in \"visits beat the record by 9 percent, climbing from 2 million\" the finite verb heads the participle, not the other way round",
		func(toks []nlp.Token) {
			for p, t := range toks {
				if t.Tag != nlp.VERB || !strings.HasSuffix(strings.ToLower(t.Form), "ing") || p == 0 || toks[p-1].Form != "," {
					continue
				}
				for v := 0; v < p-1; v++ {
					c := toks[v]
					if c.Head != p || c.Tag != nlp.VERB || !finiteForm(c) || hasChild(toks, v, "mark", "aux", "cop") {
						continue
					}
					switch c.Rel {
					case "parataxis", "dep", "conj", "ccomp", "advcl":
					default:
						continue
					}
					toks[v].Head, toks[v].Rel = t.Head, t.Rel
					toks[p].Head, toks[p].Rel = v, "advcl"
					if toks[v].Head < 0 {
						toks[v].Rel = "root"
					}
					toks[p-1].Head = p
					break
				}
			}
		}},
	{"nearest-clause", "a participle after a comma modifies the nearest clause before it: in \"300 trains went to Jixi, carrying 9,000 tonnes, 200 trains to Hegang, hauling 5,000 tonnes\" hauling belongs to the clause of Hegang, not to went",
		func(toks []nlp.Token) {
			for p, t := range toks {
				h := t.Head
				if t.Tag != nlp.VERB || t.Rel != "conj" || h < 0 || h >= p || p < 2 || toks[p-1].Form != "," ||
					!strings.HasSuffix(strings.ToLower(t.Form), "ing") || hasChild(toks, p, "nsubj", "nsubj:pass", "aux") {
					continue
				}
				// The clause that ends right at the comma, inside the
				// participle's head's phrase: one with a subject of its
				// own, or the remnant of a gapped clause (a noun with
				// an oblique).
				for c := p - 2; c > h; c-- {
					if !descends(toks, c, h) || phraseEnd(toks, c) < p-2 {
						continue
					}
					own := hasChild(toks, c, "nsubj", "nsubj:pass") ||
						(toks[c].Tag == nlp.NOUN || toks[c].Tag == nlp.PROPN) && (toks[c].Rel == "conj" || toks[c].Rel == "parataxis") && hasChild(toks, c, "obl")
					if own {
						toks[p].Head, toks[p].Rel = c, "advcl"
						break
					}
				}
			}
		}},
	{"relative-pronoun", "\"which\" or \"who\" after a comma opens a relative clause on the noun before the comma: in \"300 trains went to Jixi, which opened a station in May\" opened modifies Jixi and is no second main verb",
		func(toks []nlp.Token) {
			for w := 2; w < len(toks); w++ {
				v := toks[w].Head
				lw := strings.ToLower(toks[w].Form)
				if lw != "which" && lw != "who" || toks[w-1].Form != "," || v <= w || !strings.HasPrefix(toks[w].Rel, "nsubj") {
					continue
				}
				n := w - 2
				if toks[n].Tag != nlp.NOUN && toks[n].Tag != nlp.PROPN || toks[v].Head < 0 || descends(toks, n, v) {
					continue
				}
				switch toks[v].Rel {
				case "conj", "parataxis", "advcl", "ccomp", "dep":
					toks[v].Head, toks[v].Rel = n, "acl:relcl"
					toks[w-1].Head = v
				}
			}
		}},
	{"gapped-count", "a word a number counts is a noun: in \"300 trains went to Jixi and 200 trains to Hegang\" the second trains, which the tagger made a verb (with 200 its subject or compound), is the noun of the gapped clause, 200 its count",
		func(toks []nlp.Token) {
			for k := 1; k < len(toks); k++ {
				n := k - 1
				if toks[k].Tag != nlp.VERB || toks[n].Tag != nlp.NUM || toks[n].Head != k {
					continue
				}
				// The same word counted by a number earlier in the sentence.
				w := strings.ToLower(toks[k].Form)
				counted := false
				for j := 1; j < n; j++ {
					if toks[j].Tag == nlp.NOUN && strings.ToLower(toks[j].Form) == w && toks[j-1].Tag == nlp.NUM && toks[j-1].Head == j {
						counted = true
						break
					}
				}
				if counted {
					toks[k].Tag = nlp.NOUN
					toks[n].Rel = "nummod"
				}
			}
		}},
	{"marked-subject", "a subordinating conjunction marks a clause, not a noun: in \"exports grew, while imports, mostly coal, rose to 2 billion yuan\" imports is the subject of rose, and while marks rose's clause",
		func(toks []nlp.Token) {
			for n, t := range toks {
				if t.Tag != nlp.NOUN && t.Tag != nlp.PROPN || t.Head < 0 {
					continue
				}
				mk := -1
				for k := 0; k < n; k++ {
					if toks[k].Head == n && toks[k].Rel == "mark" && toks[k].Tag == nlp.SCONJ {
						mk = k
					}
				}
				if mk < 0 || hasChild(toks, n, "cop", "nsubj", "nsubj:pass") {
					continue
				}
				// The first finite verb after the noun's phrase, with no
				// subject of its own; only the noun's phrase and commas
				// between.
				v := -1
				for k := n + 1; k < len(toks); k++ {
					if descends(toks, k, n) || toks[k].Tag == nlp.PUNCT && toks[k].Form == "," {
						continue
					}
					if toks[k].Tag == nlp.VERB && finiteForm(toks[k]) && !hasChild(toks, k, "nsubj", "nsubj:pass") && !descends(toks, n, k) {
						v = k
					}
					break
				}
				if v < 0 {
					continue
				}
				toks[v].Head, toks[v].Rel = t.Head, t.Rel
				toks[mk].Head = v
				toks[n].Head, toks[n].Rel = v, "nsubj"
			}
		}},
	{"adverb-apposition", "\"imports, mostly coal and timber, rose\": a noun after a comma that an adverb of composition (mostly, mainly, largely) opens is an apposition that says what the noun before is made of, not one more conjunct",
		func(toks []nlp.Token) {
			for k, t := range toks {
				if t.Rel != "conj" || t.Tag != nlp.NOUN || t.Head < 0 || t.Head >= k || k < 2 {
					continue
				}
				a := k - 1
				if toks[a].Head != k || toks[a].Rel != "advmod" || !compositionAdverbs[strings.ToLower(toks[a].Form)] || toks[a-1].Form != "," {
					continue
				}
				toks[k].Rel = "appos"
			}
		}},
	{"according-to", "what follows \"according to\" up to its comma is a source, an oblique, never the clause's subject: in \"According to the city bureau, mill output grew 7 percent\" the subject is the noun after the comma",
		func(toks []nlp.Token) {
			for a := 0; a+3 < len(toks); a++ {
				if !strings.EqualFold(toks[a].Form, "according") || !strings.EqualFold(toks[a+1].Form, "to") {
					continue
				}
				c := a + 2
				for c < len(toks) && toks[c].Form != "," {
					c++
				}
				if c >= len(toks)-1 || c == a+2 {
					return
				}
				inside := func(k int) bool { return k >= a && k < c }
				// The phrase's head: its word the parser made the subject.
				h := -1
				for k := a + 2; k < c; k++ {
					if !inside(toks[k].Head) && strings.HasPrefix(toks[k].Rel, "nsubj") {
						h = k
					}
				}
				if h < 0 {
					return
				}
				v := toks[h].Head
				// The subject after the comma: the first noun (or noun in
				// -ing the tagger took for a verb) before the verb that
				// hangs outside its own phrase.
				sub := -1
				for k := c + 1; k < len(toks) && k != v; k++ {
					t := toks[k]
					if (t.Tag == nlp.NOUN || t.Tag == nlp.PROPN || t.Tag == nlp.VERB && strings.HasSuffix(strings.ToLower(t.Form), "ing")) && (t.Head == v || t.Head < 0 || t.Head > k && !(t.Head > c && t.Head < v && toks[t.Head].Tag == nlp.NOUN)) {
						sub = k
						break
					}
				}
				if sub < 0 || v < 0 {
					return
				}
				toks[h].Rel = "obl"
				toks[a].Head, toks[a].Rel = h, "case"
				toks[a+1].Head, toks[a+1].Rel = a, "fixed"
				for k := a + 2; k < c; k++ {
					if k != h && !inside(toks[k].Head) {
						toks[k].Head = h
					}
				}
				if toks[sub].Tag == nlp.VERB {
					toks[sub].Tag = nlp.NOUN
				}
				toks[sub].Head, toks[sub].Rel = v, "nsubj"
				return
			}
		}},
	{"agent-phrase", "a verb has one subject: in \"value added by the retail industry grew 9 percent\" the noun after the participle's \"by\" is its agent, not a second subject of grew",
		func(toks []nlp.Token) {
			for p := 1; p+2 < len(toks); p++ {
				a := toks[p].Head
				if toks[p].Tag != nlp.VERB || toks[p].Rel != "acl" || a < 0 || a >= p || !strings.HasSuffix(strings.ToLower(toks[p].Form), "ed") || !strings.EqualFold(toks[p+1].Form, "by") {
					continue
				}
				v := toks[a].Head
				if v <= p || !strings.HasPrefix(toks[a].Rel, "nsubj") {
					continue
				}
				// The agent's head: a second subject of v between the
				// participle and v.
				b := -1
				for k := p + 2; k < v; k++ {
					if toks[k].Head == v && strings.HasPrefix(toks[k].Rel, "nsubj") {
						b = k
					}
				}
				if b < 0 {
					continue
				}
				toks[b].Head, toks[b].Rel = p, "obl:agent"
				toks[p+1].Head, toks[p+1].Rel = b, "case"
				for k := p + 2; k < b; k++ {
					if h := toks[k].Head; h < p || h > b {
						toks[k].Head = b
						if toks[k].Rel == "obl" || toks[k].Rel == "nsubj" {
							toks[k].Rel = "amod"
							if toks[k].Tag == nlp.NOUN {
								toks[k].Rel = "compound"
							}
						}
					}
				}
			}
		}},
	{"verb-not-modifier", "a finite verb modifies no noun as a number, determiner or compound does: a verb the parser hung that way (\"...: trade volume with the EU rose 13 percent\", rose a nummod) heads the clause of the noun before it, its subject",
		func(toks []nlp.Token) {
			for v := 1; v < len(toks); v++ {
				t := toks[v]
				if t.Tag != nlp.VERB || !finiteForm(t) || strings.HasSuffix(strings.ToLower(t.Form), "ed") && hasChild(toks, v, "obl:agent") {
					continue
				}
				switch t.Rel {
				case "nummod", "det", "case", "compound":
				default:
					continue
				}
				h := t.Head
				n := -1
				for k := v - 1; k >= 0; k-- {
					if toks[k].Head == h && (toks[k].Tag == nlp.NOUN || toks[k].Tag == nlp.PROPN) {
						switch toks[k].Rel {
						case "parataxis", "dep", "appos", "conj", "list":
							n = k
						}
						break
					}
				}
				if n < 0 {
					continue
				}
				toks[v].Head, toks[v].Rel = toks[n].Head, toks[n].Rel
				toks[n].Head, toks[n].Rel = v, "nsubj"
				for k := range toks {
					if k != n && toks[k].Head == n && k < n && toks[k].Rel == "punct" {
						toks[k].Head = v // the colon before the clause
					}
				}
			}
		}},
	{"article-to-change-noun", "\"a 21.6 per cent first quarter rise in coal volume\": an article, a percentage and the words after it up to a noun of change, with no verb or comma between, are one noun phrase headed by that noun, whatever the tree made of them",
		func(toks []nlp.Token) {
			for d := 0; d+3 < len(toks); d++ {
				w := strings.ToLower(toks[d].Form)
				if w != "a" && w != "an" || toks[d+1].Tag != nlp.NUM && toks[d+1].Tag != nlp.ADJ {
					continue
				}
				// The percentage: "21.6 percent", "21.6 per cent", after
				// at most one adjective ("an astonishing 77 percent").
				k := d + 1
				if toks[k].Tag == nlp.ADJ {
					k++
				}
				if k+1 >= len(toks) || toks[k].Tag != nlp.NUM {
					continue
				}
				p := k + 1
				if strings.EqualFold(toks[p].Form, "per") && p+1 < len(toks) && strings.EqualFold(toks[p+1].Form, "cent") {
					p++
				}
				if f := strings.ToLower(toks[p].Form); f != "percent" && f != "cent" && f != "%" {
					continue
				}
				n := -1
				for j := p + 1; j < len(toks) && j <= p+6; j++ {
					if _, ok := changeLemma[strings.ToLower(toks[j].Lemma)]; ok && toks[j].Tag == nlp.NOUN {
						n = j
						break
					}
					if t := toks[j].Tag; t == nlp.VERB || t == nlp.AUX || t == nlp.PUNCT && toks[j].Form != "-" {
						break
					}
				}
				if n < 0 || n == p+1 && toks[p].Head == n {
					continue // none, or the tree has it right
				}
				// The phrase's place in the tree: the percentage's.
				head, rel := toks[p].Head, toks[p].Rel
				if head >= d && head <= n {
					head, rel = toks[n].Head, toks[n].Rel
				}
				if head >= d && head <= n {
					continue
				}
				toks[n].Head, toks[n].Rel = head, rel
				for j := d; j < n; j++ {
					switch {
					case j == d:
						toks[j].Head, toks[j].Rel = n, "det"
					case j == p:
						toks[j].Head, toks[j].Rel = n, "compound"
					case j < p:
						if toks[j].Tag == nlp.NUM {
							toks[j].Head, toks[j].Rel = p, "nummod"
						} else if j == p-1 && strings.EqualFold(toks[j].Form, "per") {
							toks[j].Head, toks[j].Rel = p, "compound"
						} else {
							toks[j].Head, toks[j].Rel = n, "amod"
						}
					default:
						if h := toks[j].Head; h < d || h > n {
							toks[j].Head = n
							if toks[j].Rel != "case" {
								toks[j].Rel = "compound"
							}
						}
					}
				}
				for j := range toks {
					if (j < d || j > n) && toks[j].Head >= d && toks[j].Head < n {
						toks[j].Head = n // what hung on the phrase's words hangs on its head
					}
				}
			}
		}},
	{"hyphen-compound-count", "a number counts the noun after a hyphenated modifier: in \"502 tier-one suppliers\" the parser made 502 count tier; the suppliers are counted, tier-one modifies them",
		func(toks []nlp.Token) {
			for i := 0; i+4 < len(toks); i++ {
				a, h, b, n := i+1, i+2, i+3, i+4
				if toks[i].Tag != nlp.NUM || toks[i].Head != a || toks[h].Form != "-" || toks[h].Start != toks[a].End || toks[h].End != toks[b].Start || toks[n].Tag != nlp.NOUN || toks[a].Tag != nlp.NOUN {
					continue
				}
				head, rel := toks[a].Head, toks[a].Rel
				if head == n || head >= a && head <= n {
					head, rel = toks[n].Head, toks[n].Rel
					if head >= a && head <= n {
						continue
					}
				}
				toks[n].Head, toks[n].Rel = head, rel
				toks[i].Head, toks[i].Rel = n, "nummod"
				toks[a].Head, toks[a].Rel = n, "compound"
				toks[b].Head, toks[b].Rel = a, "compound"
				toks[h].Head, toks[h].Rel = b, "punct"
				for k := range toks {
					if k != i && k != h && k != b && (k < a || k > n) && toks[k].Head == a {
						toks[k].Head = n // what hung on the modifier's word hangs on the noun
					}
				}
			}
		}},
	{"finite-after-subject", "a sentence has a finite verb: when its root is a participle after a comma with no auxiliary (\"routes run through the ports, connecting 10 countries\"), the verb the parser hung on the root's subject right after it is the finite verb, and the participle modifies its clause",
		func(toks []nlp.Token) {
			for p := 2; p < len(toks); p++ {
				t := toks[p]
				if t.Head >= 0 || t.Tag != nlp.VERB || !strings.HasSuffix(strings.ToLower(t.Form), "ing") || toks[p-1].Form != "," || hasChild(toks, p, "aux", "aux:pass", "cop") {
					continue
				}
				n := -1
				for k := 0; k < p; k++ {
					if toks[k].Head == p && toks[k].Rel == "nsubj" {
						n = k
						break
					}
				}
				v := n + 1
				if n < 0 || v >= p-1 || toks[v].Tag != nlp.VERB || toks[v].Head != n || toks[v].Rel != "acl" || !finiteForm(toks[v]) || hasChild(toks, v, "aux", "aux:pass", "mark", "cop") || agentChild(toks, v) {
					continue
				}
				toks[v].Head, toks[v].Rel = -1, "root"
				toks[n].Head, toks[n].Rel = v, "nsubj"
				toks[p].Head, toks[p].Rel = v, "advcl"
				toks[p-1].Head = p
				return
			}
		}},
	{"added-value", "\"added value\" after a noun is the measure of economics, a noun phrase, not a verb and its object: \"the chemical industry added value grew 9 percent\", \"its food industry added value reached 3 billion yuan\"",
		func(toks []nlp.Token) {
			for a := 1; a+1 < len(toks); a++ {
				v := a + 1
				if strings.ToLower(toks[a].Form) != "added" || strings.ToLower(toks[v].Form) != "value" || toks[a].Tag != nlp.VERB || toks[a-1].Tag != nlp.NOUN {
					continue
				}
				p := a - 1 // where the noun run before it starts
				for p > 0 && (toks[p-1].Tag == nlp.NOUN || toks[p-1].Tag == nlp.ADJ) {
					p--
				}
				inside := func(k int) bool { return k >= p && k <= v }
				// The phrase's place in the tree: that of the word of the
				// run the rest of the sentence hangs it on.
				top := -1
				for _, k := range append(rangeInts(p, a-1), a, v) {
					if inside(toks[k].Head) {
						continue
					}
					if k == a || k == v || toks[k].Rel == "nsubj" || toks[k].Rel == "obj" || toks[k].Rel == "obl" || strings.HasPrefix(toks[k].Rel, "nmod") {
						top = k // a noun of the run as the tree's argument first: "raise its industry added value"
						break
					}
				}
				if top < 0 {
					continue
				}
				head, rel := toks[top].Head, toks[top].Rel
				for k := range toks {
					if inside(k) || !inside(toks[k].Head) {
						continue
					}
					if toks[k].Head == a && head >= 0 && (toks[head].Tag == nlp.VERB) && (toks[k].Rel == "obl" || toks[k].Rel == "advmod") {
						toks[k].Head = head // "raise its added value to 5 billion": the verb's
					} else {
						toks[k].Head = v
					}
				}
				for k := p; k < a; k++ {
					if !inside(toks[k].Head) || toks[k].Head == a {
						toks[k].Head, toks[k].Rel = v, "compound"
					}
				}
				toks[a].Head, toks[a].Rel, toks[a].Tag = v, "amod", nlp.ADJ
				toks[v].Head, toks[v].Rel = head, rel
				if head < 0 {
					toks[v].Rel = "root"
				}
			}
		}},
	{"value-added", "\"value added\" before a preposition is the measure of economics, a noun phrase, not a subject and its verb: in \"the value added of Jixi's mills, a group of firms, grew 9 percent\" grew is the verb, value its subject and the noun after the comma an apposition",
		func(toks []nlp.Token) {
			for a := 1; a+1 < len(toks); a++ {
				n := a - 1
				if strings.ToLower(toks[a].Form) != "added" || strings.ToLower(toks[n].Form) != "value" || toks[a].Tag != nlp.VERB ||
					toks[n].Head != a || !strings.HasPrefix(toks[n].Rel, "nsubj") {
					continue
				}
				switch strings.ToLower(toks[a+1].Form) {
				case "of", "by", "in", "at":
				default:
					continue
				}
				w := -1
				for k := a + 1; k < len(toks); k++ {
					if toks[k].Head == a && toks[k].Tag == nlp.VERB && finiteForm(toks[k]) {
						switch toks[k].Rel {
						case "conj", "parataxis", "ccomp", "advcl":
							w = k
						}
						if w >= 0 {
							break
						}
					}
				}
				if w < 0 {
					continue
				}
				toks[w].Head, toks[w].Rel = toks[a].Head, toks[a].Rel
				for k := range toks {
					if k == n || k == w || toks[k].Head != a {
						continue
					}
					switch {
					case toks[k].Rel == "punct" && k > w:
						toks[k].Head = w
					case toks[k].Rel == "obl":
						toks[k].Head, toks[k].Rel = n, "nmod"
					default:
						toks[k].Head = n
					}
				}
				toks[n].Head, toks[n].Rel = w, "nsubj"
				toks[a].Head, toks[a].Rel, toks[a].Tag = n, "amod", nlp.ADJ
				// A second subject after a comma, between the two, is an
				// apposition of the noun before the comma.
				for c := n + 1; c < w; c++ {
					if toks[c].Head != w || !strings.HasPrefix(toks[c].Rel, "nsubj") {
						continue
					}
					for k := c - 1; k > n; k-- {
						if toks[k].Form == "," && (toks[k-1].Tag == nlp.NOUN || toks[k-1].Tag == nlp.PROPN) {
							toks[c].Head, toks[c].Rel = k-1, "appos"
							break
						}
					}
				}
			}
		}},
	{"verbless-root", "a sentence is rooted in its finite verb or its copula's predicate: a noun (or an opening gerund) made root, with a later verb or copular predicate hanging from it that has no subject, becomes its subject",
		func(toks []nlp.Token) {
			root := rootOf(toks)
			if root < 0 {
				return
			}
			rt := toks[root]
			// A root in -ing with no auxiliary is no finite verb: opening
			// the sentence ("Farming grew"), or after the nouns that
			// modify it ("Tourism spending during the holiday reached").
			gerund := rt.Tag == nlp.VERB && strings.HasSuffix(strings.ToLower(rt.Form), "ing") && !hasChild(toks, root, "aux", "aux:pass", "mark") &&
				(root == 0 || modifiersBefore(toks, root))
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
				case "xcomp":
				case "ccomp":
					if !gerund {
						continue // "the plan, officials said, is ..."
					}
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
				if gerund && root > 0 && objRun(toks, root, v) >= 0 {
					// "corn processing industry profits fell": the noun
					// the -ing word seemed to take is the phrase's head.
					o := objRun(toks, root, v)
					toks[v].Head, toks[v].Rel = -1, "root"
					toks[o].Head, toks[o].Rel = v, "nsubj"
					toks[root].Head, toks[root].Rel, toks[root].Tag = o, "compound", nlp.NOUN
					for k := range toks {
						switch {
						case k < root && toks[k].Head == root:
							toks[k].Head = o // "corn", "Xingfeng District's"
							if toks[k].Rel == "nsubj" {
								toks[k].Rel = "compound"
							}
						case k > v && toks[k].Head == root:
							toks[k].Head = v
						}
					}
					return
				}
				toks[v].Head, toks[v].Rel = -1, "root"
				toks[root].Head, toks[root].Rel = v, "nsubj"
				if gerund {
					toks[root].Tag = nlp.NOUN
					for k := 0; k < root; k++ {
						if toks[k].Head == root && toks[k].Rel == "nsubj" {
							toks[k].Rel = "compound" // "Tourism spending"
						}
					}
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
	{"oblique-root", "a phrase with a preposition is no sentence's root: a noun made root that has its own preposition (\"From January to May, investment in the county kept growing\"), with a finite verb hanging from it that has no subject, is the verb's oblique, and a bare noun between them is the verb's subject",
		func(toks []nlp.Token) {
			root := rootOf(toks)
			if root < 0 || toks[root].Tag != nlp.NOUN && toks[root].Tag != nlp.PROPN || !hasChild(toks, root, "case") {
				return
			}
			// The bare noun hanging from the root: the subject to be.
			subj := -1
			for k := root + 1; k < len(toks); k++ {
				if toks[k].Head == root && toks[k].Tag == nlp.NOUN && !hasChild(toks, k, "case") && !timeWord(toks[k].Form) {
					subj = k
					break
				}
			}
			// The finite verb, hanging from the root or, as the parser
			// may have it, from that noun.
			v := -1
			for k := root + 1; k < len(toks); k++ {
				t := toks[k]
				if t.Tag != nlp.VERB || !finiteForm(t) || hasChild(toks, k, "nsubj", "nsubj:pass", "csubj", "expl", "mark") {
					continue
				}
				if t.Head == root || subj >= 0 && k > subj && t.Head == subj && (t.Rel == "cc" || t.Rel == "dep" || t.Rel == "conj" || t.Rel == "parataxis" || t.Rel == "appos") {
					v = k
					break
				}
			}
			if v < 0 {
				return
			}
			if subj > v {
				subj = -1
			}
			if subj >= 0 && toks[v].Head == subj {
				for k := range toks {
					if toks[k].Head == subj && k > v {
						toks[k].Head = v
					}
				}
			}
			toks[v].Head, toks[v].Rel = -1, "root"
			toks[root].Head, toks[root].Rel = v, "obl"
			for k := root + 1; k < len(toks); k++ {
				if toks[k].Head != root {
					continue
				}
				switch {
				case k == subj:
					toks[k].Head, toks[k].Rel = v, "nsubj"
				case k > v || toks[k].Rel == "punct":
					toks[k].Head = v
				case subj >= 0 && k > subj:
					toks[k].Head = subj // "investment in Harbin, the capital": the subject's
				}
			}
		}},
	{"plural-subject", "a clause has one finite verb: a root tagged as a verb in -s, with no subject or object, followed by a finite verb hanging from it with no subject of its own, is a plural noun and that verb's subject (\"exports in the county rose 5 percent\")",
		func(toks []nlp.Token) {
			root := rootOf(toks)
			if root < 0 || toks[root].Tag != nlp.VERB || hasChild(toks, root, "nsubj", "nsubj:pass", "obj", "aux", "aux:pass", "mark", "cop") {
				return
			}
			w := strings.ToLower(toks[root].Form)
			if !strings.HasSuffix(w, "s") || strings.HasSuffix(w, "ss") || len(w) < 4 {
				return
			}
			v := -1
			for k := root + 1; k < len(toks); k++ {
				t := toks[k]
				if t.Head != root || t.Tag != nlp.VERB || !finiteForm(t) || hasChild(toks, k, "nsubj", "nsubj:pass", "mark") {
					continue
				}
				switch t.Rel {
				case "xcomp", "ccomp", "dep", "parataxis", "conj":
					if !hasChild(toks, k, "cc") && !strings.HasSuffix(strings.ToLower(t.Form), "ing") && !hasChild(toks, k, "mark") {
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
			toks[v].Head, toks[v].Rel = -1, "root"
			toks[root].Head, toks[root].Rel, toks[root].Tag = v, "nsubj", nlp.NOUN
			for k := range toks {
				if toks[k].Head != root {
					continue
				}
				switch {
				case k > v || k < root || toks[k].Rel == "punct":
					toks[k].Head = v // "From January to September": the verb's
				case toks[k].Rel == "obl":
					toks[k].Rel = "nmod" // "exports in the county"
				}
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
			for pass := 0; pass < 2; pass++ {
				r := rootOf(toks)
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
					// The new root may itself be a participle before its
					// noun ("added value of firms above designated size
					// rose"): look again.
					continue
				}
				if toks[n].Head != r || toks[n].Rel != "obj" {
					return
				}
				v := -1
				for k := n + 1; k < len(toks); k++ {
					t := toks[k]
					if t.Tag != nlp.VERB || !finiteForm(t) || hasChild(toks, k, "nsubj", "nsubj:pass", "mark") {
						continue
					}
					switch {
					case t.Head == r && (t.Rel == "advcl" || t.Rel == "conj" || t.Rel == "parataxis" || t.Rel == "dep" || t.Rel == "ccomp" || t.Rel == "xcomp"):
						v = k
					case t.Head == n && t.Rel == "acl" && k == n+1:
						// "above designated size rose": the finite verb right
						// after the noun, taken as the noun's clause.
						v = k
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
				// The new root may be a participle before its noun in turn
				// ("added value of firms above designated size rose").
				continue
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
				// A number before the quotation counts the noun after it,
				// wherever the parser hung that noun: in a total of 565
				// "Young Hawk Plan" projects were built, projects is
				// what "of" governs, not a second subject.
				counted := false
				if h >= 0 && toks[n].Head > n {
					for k := 0; k < open; k++ {
						if toks[k].Head == h && toks[k].Rel == "nummod" {
							counted = true
						}
					}
				}
				if h < 0 || toks[n].Head != h && toks[n].Head != toks[h].Head && !counted {
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
	{"hyphen-participle", "a noun, a hyphen and a past participle before a noun make one modifier of that noun: \"star-rated hotels\", \"state-owned firms\", whatever the parser made of the participle",
		func(toks []nlp.Token) {
			for k := 0; k+3 < len(toks); k++ {
				a, h, v, n := k, k+1, k+2, k+3
				if toks[a].Tag != nlp.NOUN || toks[h].Form != "-" || toks[v].Tag != nlp.VERB || !strings.HasSuffix(strings.ToLower(toks[v].Form), "ed") || toks[n].Tag != nlp.NOUN {
					continue
				}
				if toks[v].Head == n && toks[a].Head == v {
					continue // already so
				}
				if toks[v].Head < 0 {
					continue // the participle made the sentence's verb: too much to mend here
				}
				// The noun takes the place of the modifier's head in the
				// tree: the first word's, else the participle's.
				top := -1
				if toks[n].Head < a || toks[n].Head > n {
					// the noun has its own place already
				} else if toks[a].Head < a || toks[a].Head > n {
					top = a
				} else if toks[v].Head < a || toks[v].Head > n {
					top = v
				}
				if top >= 0 {
					toks[n].Head, toks[n].Rel = toks[top].Head, toks[top].Rel
				}
				for i := range toks {
					if (i < a || i > n) && (toks[i].Head == a || toks[i].Head == v) {
						toks[i].Head = n // "81", "the", "in the zone": the noun's
					}
				}
				toks[a].Head, toks[a].Rel = v, "compound"
				toks[h].Head, toks[h].Rel = v, "punct"
				toks[v].Head, toks[v].Rel, toks[v].Tag = n, "amod", nlp.ADJ
				if toks[n].Head < 0 {
					toks[n].Rel = "root"
				}
			}
		}},
	{"participle-in-phrase", "a past participle between two nouns, with no subject of its own, inside the object of a verb modifies the noun after it: \"raise its paper industry added value to 5 billion yuan\", not \"the industry added value\"",
		func(toks []nlp.Token) {
			for v := 1; v+1 < len(toks); v++ {
				t := toks[v]
				n1, n2 := v-1, v+1
				if t.Tag != nlp.VERB || !strings.HasSuffix(strings.ToLower(t.Form), "ed") || hasChild(toks, v, "nsubj", "nsubj:pass", "aux", "aux:pass", "mark") {
					continue
				}
				h := t.Head
				if h < 0 || toks[n1].Tag != nlp.NOUN || toks[n2].Tag != nlp.NOUN || toks[n1].Head != h || toks[n1].Rel != "obj" || toks[n2].Head != v || toks[n2].Rel != "obj" {
					continue
				}
				// The object's phrase opens with a determiner or possessor:
				// "its paper industry", no clause's subject.
				opened := false
				for _, c := range childrenOf(toks, n1) {
					if r := toks[c].Rel; c < n1 && (r == "det" || r == "nmod:poss") {
						opened = true
					}
				}
				if !opened {
					continue
				}
				toks[n2].Head, toks[n2].Rel = h, "obj"
				toks[n1].Head, toks[n1].Rel = n2, "compound"
				toks[v].Head, toks[v].Rel = n2, "amod"
				for k := range toks {
					switch {
					case k < n1 && toks[k].Head == n1 && (toks[k].Rel == "det" || toks[k].Rel == "nmod:poss"):
						toks[k].Head = n2 // "its": the phrase's
					case k > n2 && toks[k].Head == v:
						toks[k].Head = h // "to 5 billion yuan": the verb's
					}
				}
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
	{"conjunct-subject", "a coordination ends at its \"and\": a noun right before a verb that has no subject is the verb's subject, not a conjunct, when it is joined to a verb (\"passengers reached 9 million and cargo came to 5,000 tonnes\") or comes after the coordination's \"and\" (\"firms and farms, officials said\")",
		func(toks []nlp.Token) {
			for k, v := range toks {
				n := k - 1
				if n < 0 || v.Tag != nlp.VERB || !finiteForm(v) || hasChild(toks, k, "nsubj", "nsubj:pass", "csubj", "expl") {
					continue
				}
				t := toks[n]
				if t.Rel != "conj" || t.Head < 0 || t.Head >= n || t.Tag != nlp.NOUN && t.Tag != nlp.PROPN && t.Tag != nlp.PRON {
					continue
				}
				h := t.Head
				ofVerb := toks[h].Tag == nlp.VERB || toks[h].Tag == nlp.AUX
				closed := false // an earlier conjunct of h has its "and"
				if !ofVerb && !hasChild(toks, n, "cc") {
					for j := h + 1; j < n; j++ {
						if toks[j].Head == h && toks[j].Rel == "conj" && hasChild(toks, j, "cc") {
							closed = true
						}
					}
				}
				if !ofVerb && !closed {
					continue
				}
				toks[n].Head, toks[n].Rel = k, "nsubj"
				for j := range toks {
					if toks[j].Head != n || j > n {
						continue
					}
					switch {
					case toks[j].Rel == "punct" && !ofVerb:
						toks[j].Head = k // the comma before the clause
					case toks[j].Rel == "cc" && ofVerb && j+1 < n:
						// "cargo and mail throughput": the conjunct of the
						// verb just before the "and" belongs to the subject,
						// and its own "and" joins the clauses.
						if c := j - 1; c > h && toks[c].Head == h && toks[c].Rel == "conj" && toks[c].Tag == nlp.NOUN {
							toks[c].Head, toks[c].Rel = n, "compound"
							for m := range toks {
								if toks[m].Head == c && toks[m].Rel == "cc" && m < c {
									toks[m].Head = k
								}
							}
						}
					case toks[j].Rel == "cc" && ofVerb:
						toks[j].Head = k
					}
				}
			}
		}},
	{"comma-group-subject", "a coordinated pair after a comma, right before a verb that has no subject, is that verb's subject, not two more conjuncts of the list before: \"..., rail and road transport rose 9 percent\"",
		func(toks []nlp.Token) {
			for k, v := range toks {
				n := k - 1
				if n < 1 || v.Tag != nlp.VERB || !finiteForm(v) || hasChild(toks, k, "nsubj", "nsubj:pass", "csubj", "expl", "mark") {
					continue
				}
				t := toks[n]
				h := t.Head
				if t.Rel != "conj" || t.Tag != nlp.NOUN || h < 0 || h >= n || !hasChild(toks, n, "cc") {
					continue
				}
				c := -1 // n's "and"
				for j := range toks {
					if toks[j].Head == n && toks[j].Rel == "cc" && j < n {
						c = j
					}
				}
				g := -1 // the pair's first noun
				for j := c - 1; j > h; j-- {
					if toks[j].Head == h && toks[j].Rel == "conj" && toks[j].Tag == nlp.NOUN {
						g = j
						break
					}
				}
				if g < 0 {
					continue
				}
				start := g
				for j := g - 1; j > h && toks[j].Head == g && toks[j].Rel != "punct"; j-- {
					start = j
				}
				// ", and communications and other equipment rose": an
				// "and" opening the pair joins the clauses.
				lead := toks[start].Rel == "cc"
				if hasChild(toks, g, "cc") && !lead || start == 0 || toks[start-1].Form != "," {
					continue
				}
				toks[g].Head, toks[g].Rel = k, "nsubj"
				toks[n].Head = g
				toks[start-1].Head = k
				if lead {
					toks[start].Head = k
				}
			}
		}},
	{"that-clause", "\"that\" after a verb, before a noun and a finite verb that has no subject, opens a clause: in \"the report shows that visits reached 4 million\" visits is the subject of reached, not the object of shows",
		func(toks []nlp.Token) {
			for i := 1; i+2 < len(toks); i++ {
				if strings.ToLower(toks[i].Form) != "that" || toks[i].Tag != nlp.DET && toks[i].Tag != nlp.PRON {
					continue
				}
				m := i - 1
				n := toks[i].Head
				if toks[m].Tag != nlp.VERB || n <= i || toks[n].Head != m || toks[n].Rel != "obj" || toks[n].Tag != nlp.NOUN {
					continue
				}
				// The verb: the first one hanging from m with no subject,
				// past a participle with its own phrase ("booked through
				// online platforms"), which modifies the noun.
				var cands []int
				for k := n + 1; k < len(toks); k++ {
					t := toks[k]
					if t.Head != m || t.Tag != nlp.VERB || !finiteForm(t) || hasChild(toks, k, "nsubj", "nsubj:pass", "mark") {
						continue
					}
					switch t.Rel {
					case "advcl", "xcomp", "ccomp", "conj", "parataxis", "dep":
						cands = append(cands, k)
					}
				}
				v := -1
				for _, k := range cands {
					participle := strings.HasSuffix(strings.ToLower(toks[k].Form), "ed") && k+1 < len(toks) && toks[k+1].Tag == nlp.ADP && !hasChild(toks, k, "obj")
					if !participle {
						v = k
						break
					}
				}
				if v < 0 {
					continue
				}
				// Between the noun and the verb: the noun's own words.
				for k := n + 1; k < v; k++ {
					if toks[k].Head == m {
						toks[k].Head = n
						if toks[k].Tag == nlp.VERB {
							toks[k].Rel = "acl" // "visits booked online"
						}
					}
				}
				toks[v].Head, toks[v].Rel = m, "ccomp"
				toks[n].Head, toks[n].Rel = v, "nsubj"
				toks[i].Head, toks[i].Rel, toks[i].Tag = v, "mark", nlp.SCONJ
			}
		}},
	{"past-tense-clause", "a past tense that is no participle (rose, grew, fell) heads a clause, never a noun's modifier: in \"sales rose 5 percent, and sales grew 9 percent at the mall\" each sales is the subject of the verb after it",
		func(toks []nlp.Token) {
			for k, v := range toks {
				h := v.Head
				if v.Rel != "acl" || v.Tag != nlp.VERB || h < 0 || h >= k || pastOnly[strings.ToLower(v.Form)] == "" || hasChild(toks, k, "nsubj", "nsubj:pass", "mark") {
					continue
				}
				if toks[h].Tag != nlp.NOUN && toks[h].Tag != nlp.PROPN || phraseEndBefore(toks, h, k) != k-1 {
					continue
				}
				// The verb takes the noun's place in the tree.
				x, rel := toks[h].Head, toks[h].Rel
				switch {
				case x >= 0 && toks[x].Tag == nlp.SCONJ:
					// "show that sales rose": "that" marks the clause.
					toks[k].Head, toks[k].Rel = toks[x].Head, "ccomp"
					toks[x].Head, toks[x].Rel = k, "mark"
				case rel == "conj" && x >= 0 && toks[x].Rel == "nsubj":
					// "..., and sales grew": joined to the first subject's clause.
					toks[k].Head, toks[k].Rel = toks[x].Head, "conj"
				default:
					toks[k].Head, toks[k].Rel = x, rel
					// "show that visits rose" with "that" taken for the
					// noun's determiner: it marks the clause.
					for j := range toks {
						if j < h && toks[j].Head == h && toks[j].Rel == "det" && strings.ToLower(toks[j].Form) == "that" {
							toks[j].Head, toks[j].Rel, toks[j].Tag = k, "mark", nlp.SCONJ
							if rel == "obj" {
								toks[k].Rel = "ccomp"
							}
						}
					}
				}
				if toks[k].Head < 0 {
					toks[k].Rel = "root"
				}
				for j := range toks {
					if toks[j].Head == h && (j < h && (toks[j].Rel == "cc" || toks[j].Rel == "punct") || j > k) {
						toks[j].Head = k
					}
				}
				toks[h].Head, toks[h].Rel = k, "nsubj"
			}
		}},
	{"split-name", "a verb has one subject: a name's first word the parser made a second subject (\"Jixi County's output rose\" with Jixi and output both subjects of rose) belongs to the word after it, and the first of two coordinated modifiers (\"convention and exhibition revenue rose\") to the subject",
		func(toks []nlp.Token) {
			for a := 0; a+1 < len(toks); a++ {
				v := toks[a].Head
				// A name's first word, or the first of two coordinated
				// modifiers ("convention and exhibition industry").
				coord := toks[a].Tag == nlp.NOUN && toks[a+1].Tag == nlp.CCONJ
				end := a // a's phrase: itself, or its own coordination
				if coord && hasChild(toks, a, "conj") {
					end = phraseEnd(toks, a)
				} else if dependentAfter(toks, a) {
					continue
				}
				if toks[a].Rel != "nsubj" || toks[a].Tag != nlp.PROPN && !coord || v < 0 || !coord && hasDependents(toks, a) || end+1 >= len(toks) {
					continue
				}
				for b := end + 1; b < len(toks); b++ {
					if toks[b].Head == v && toks[b].Rel == "nsubj" && descends(toks, end+1, b) {
						if coord {
							toks[a].Head, toks[a].Rel = b, "compound"
							for k := 0; k < a; k++ {
								if toks[k].Head == a {
									toks[k].Head = b // "Gannan County's": the subject's
								}
							}
						} else {
							toks[a].Head, toks[a].Rel = a+1, "compound"
						}
						break
					}
				}
			}
		}},
	{"name-first-word", "a noun takes no object: a capitalised noun right before a name that the parser gave an object is the name's first word (\"Northeast China's ports ... have recorded\"), and the object, which the name hangs from, takes its place in the clause",
		func(toks []nlp.Token) {
			for a := 0; a+1 < len(toks); a++ {
				f := toks[a].Form
				if f == "" || f[0] < 'A' || f[0] > 'Z' || toks[a].Tag != nlp.NOUN && toks[a].Tag != nlp.PROPN || toks[a+1].Tag != nlp.PROPN || toks[a+1].Head == a {
					continue
				}
				c := -1
				for k := range toks {
					if toks[k].Head == a && toks[k].Rel == "obj" {
						c = k
						break
					}
				}
				if c < 0 || !descends(toks, a+1, c) {
					continue
				}
				toks[c].Head, toks[c].Rel = toks[a].Head, toks[a].Rel
				for k := range toks {
					if k != c && toks[k].Head == a {
						toks[k].Head = c
					}
				}
				toks[a].Head, toks[a].Rel, toks[a].Tag = a+1, "compound", nlp.PROPN
			}
		}},
	{"elliptical-possessive", "a possessive right before a finite verb stands for its noun and is the verb's subject: in \"Dalian's rose 10 percent; Yinkou's rose 14 percent\" Yinkou is the subject of the second rose",
		func(toks []nlp.Token) {
			for p := 1; p+1 < len(toks); p++ {
				n, v := p-1, p+1
				w := strings.ToLower(toks[p].Form)
				if w != "'s" && w != "\u2019s" || toks[n].Tag != nlp.PROPN && toks[n].Tag != nlp.NOUN || toks[v].Tag != nlp.VERB || !finiteForm(toks[v]) {
					continue
				}
				if toks[n].Head == v && toks[n].Rel == "nsubj" {
					continue // already so
				}
				// The verb's own clause: a subject it had is another's.
				for k := range toks {
					if toks[k].Head == v && (toks[k].Rel == "nsubj" || toks[k].Rel == "nsubj:pass") && k != n {
						toks[k].Head = toks[v].Head
					}
				}
				if r := toks[v].Rel; r == "csubj" || r == "nsubj" || r == "obj" || r == "obl" || r == "nmod" {
					toks[v].Rel = "parataxis"
				}
				if toks[v].Head >= 0 && toks[toks[v].Head].Tag != nlp.VERB {
					// Hung on a noun of the clause before: joined to that clause's verb.
					for h, steps := toks[v].Head, 0; h >= 0 && steps < len(toks); h, steps = toks[h].Head, steps+1 {
						if toks[h].Tag == nlp.VERB {
							toks[v].Head, toks[v].Rel = h, "conj"
							break
						}
					}
				}
				for k := range toks {
					if toks[k].Head == n && k > v {
						toks[k].Head = v
					}
				}
				toks[n].Head, toks[n].Rel = v, "nsubj"
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
	{"stranded-preposition", "a preposition right before \"and\" shares the object of the next conjunct's: in \"imports from and exports to Mongolia rose to 6 billion yuan\" exports is a noun, the conjunct of imports, and Mongolia the object of both",
		func(toks []nlp.Token) {
			for a := 0; a+5 < len(toks); a++ {
				b := a + 3
				if toks[a].Tag != nlp.NOUN || toks[a+1].Tag != nlp.ADP || toks[a+2].Tag != nlp.CCONJ || toks[a+4].Tag != nlp.ADP ||
					toks[b].Tag != nlp.NOUN && toks[b].Tag != nlp.VERB {
					continue
				}
				o := a + 5
				for o < len(toks) && (toks[o].Tag == nlp.DET || toks[o].Tag == nlp.ADJ) {
					o++
				}
				if o >= len(toks) || toks[o].Tag != nlp.NOUN && toks[o].Tag != nlp.PROPN {
					continue
				}
				for o+1 < len(toks) && toks[o+1].Tag == nlp.PROPN && toks[o].Tag == nlp.PROPN {
					o++ // "the European Union"
				}
				// When the parser made the second noun a verb, the clause's
				// own predicate hangs on it after the object.
				r := -1
				if toks[b].Tag == nlp.VERB || toks[b].Head < 0 {
					for k := o + 1; k < len(toks); k++ {
						if toks[k].Head == b && (toks[k].Tag == nlp.VERB || toks[k].Tag == nlp.ADJ || hasChild(toks, k, "cop")) {
							r = k
							break
						}
					}
					if r < 0 {
						continue
					}
					toks[r].Head, toks[r].Rel = toks[b].Head, toks[b].Rel
					for k := range toks {
						if toks[k].Head == b && k != a+2 && (k < a || k > o) {
							toks[k].Head = r
						}
					}
					toks[a].Head, toks[a].Rel = r, "nsubj"
				}
				toks[b].Tag, toks[b].Head, toks[b].Rel = nlp.NOUN, a, "conj"
				toks[a+2].Head, toks[a+2].Rel = b, "cc"
				for k := a + 5; k < o; k++ {
					toks[k].Head = o
				}
				toks[o].Head, toks[o].Rel = b, "nmod"
				toks[a+4].Head, toks[a+4].Rel = o, "case"
				toks[a+1].Head, toks[a+1].Rel = a, "orphan" // its object is the one shared
				a = o
			}
		}},
	{"appositive-aside", "an apposition between commas holds no main verb: in \"the port of Jixi, a border city in the north facing Russia, saw trade climb\" the parser's root inside the apposition gives way to the finite verb after it, whose subject is the noun before the apposition",
		func(toks []nlp.Token) {
			root := rootOf(toks)
			for c1 := 1; c1+2 < len(toks); c1++ {
				if toks[c1].Form != "," || root <= c1 {
					continue
				}
				if d := strings.ToLower(toks[c1+1].Form); d != "a" && d != "an" {
					continue
				}
				// The noun before the apposition, up its of-phrase to its
				// head: "the railway port of Jixi".
				n := c1 - 1
				if t := toks[n].Tag; t != nlp.NOUN && t != nlp.PROPN {
					continue
				}
				for h := toks[n].Head; h >= 0 && h < n && (toks[h].Tag == nlp.NOUN || toks[h].Tag == nlp.PROPN) &&
					(toks[n].Rel == "nmod" || toks[n].Rel == "compound" || toks[n].Rel == "flat"); h = toks[n].Head {
					n = h
				}
				// The apposition ends at the next comma; it has no
				// finite verb of its own.
				c2 := -1
				for k := c1 + 2; k < len(toks) && k < c1+20; k++ {
					if toks[k].Form == "," {
						c2 = k
						break
					}
					if toks[k].Tag == nlp.AUX || toks[k].Tag == nlp.VERB && !strings.HasSuffix(strings.ToLower(toks[k].Form), "ing") {
						break
					}
				}
				if c2 < 0 {
					continue
				}
				v := c2 + 1
				for v < len(toks) && v < c2+3 && toks[v].Tag == nlp.AUX {
					v++ // "had handled"
				}
				inside := func(k int) bool { return k > c1 && k < c2 }
				if v >= len(toks) || toks[v].Tag != nlp.VERB || v == c2+1 && !finiteForm(toks[v]) {
					continue
				}
				// The misparse mended: the root, or the noun, inside the
				// apposition.
				rootIn := inside(root)
				if !rootIn && !inside(toks[n].Head) {
					continue
				}
				if k := subjectOf(toks, v); k >= 0 && (k < c1 || k > c2) {
					continue
				}
				// The apposition's head: the last noun of its first noun
				// phrase ("a Jixi border city").
				a := -1
				for k := c1 + 2; k < c2; k++ {
					if t := toks[k].Tag; t == nlp.NOUN || t == nlp.PROPN {
						a = k
						if t2 := toks[k+1].Tag; t2 != nlp.NOUN && t2 != nlp.PROPN {
							break
						}
					} else if a >= 0 {
						break
					}
				}
				if a < 0 {
					continue
				}
				for k := range toks {
					h := toks[k].Head
					switch {
					case k == a || k == n || k == v:
					case inside(k) && (h < 0 || !inside(h)):
						toks[k].Head = a
						if h < 0 {
							toks[k].Rel = "acl"
						} else if strings.HasPrefix(toks[k].Rel, "nsubj") {
							toks[k].Rel = "nmod"
						}
					case inside(k) && strings.HasPrefix(toks[k].Rel, "nsubj"):
						// "a town in Northeast China facing Russia": no
						// clause of its own, so no subject.
						toks[k].Rel = "nmod"
					case !inside(k) && k != c1 && k != c2 && (h < 0 || inside(h) || h == c1 || h == c2):
						toks[k].Head = v
					}
				}
				toks[a].Head, toks[a].Rel = n, "appos"
				toks[c1].Head, toks[c1].Rel = a, "punct"
				toks[c2].Head, toks[c2].Rel = a, "punct"
				if rootIn {
					toks[v].Head, toks[v].Rel = -1, "root"
				}
				toks[n].Head, toks[n].Rel = v, "nsubj"
				return
			}
		}},
	{"absolute-with", "\"with\" after a comma, a noun phrase (with any apposition between commas), a comma and a participle in -ing make an absolute clause, the noun its subject: in \"..., with Jixi, a city on the border, planning to cut output by 2 percent\" Jixi is the subject of planning and the city its apposition",
		func(toks []nlp.Token) {
			for w := range toks {
				// The absolute clause stands apart: it opens the sentence
				// or follows a comma ("signed deals with Mishan, ...,
				// planning" keeps "with" a preposition).
				if strings.ToLower(toks[w].Form) != "with" || w > 0 && toks[w-1].Form != "," {
					continue
				}
				n := toks[w].Head
				if n <= w || n > w+4 || toks[n].Tag != nlp.PROPN && toks[n].Tag != nlp.NOUN {
					continue
				}
				// The participle: the first verb in -ing after a comma
				// past the noun, with nothing between that heads a clause.
				v := -1
				for k := n + 1; k < len(toks); k++ {
					t := toks[k]
					if t.Tag == nlp.VERB && !finiteForm(t) && toks[k-1].Form == "," {
						v = k
						break
					}
					if t.Tag == nlp.AUX || t.Tag == nlp.VERB && (t.Head < 0 || t.Rel == "parataxis" || t.Rel == "ccomp" || t.Rel == "advcl" || t.Rel == "conj") {
						break
					}
				}
				if v < 0 || toks[n].Head == v {
					continue
				}
				if k := subjectOf(toks, v); k >= 0 && (k < n || k > v) {
					continue // it has a subject of its own
				}
				// Between the noun and the participle's comma: the
				// noun's own phrase, or an apposition to it.
				for k := n + 1; k < v-1; k++ {
					if h := toks[k].Head; h < n || h >= v-1 {
						toks[k].Head, toks[k].Rel = n, "appos"
						if toks[k].Tag == nlp.PUNCT {
							toks[k].Rel = "punct"
						}
					}
				}
				toks[v].Head, toks[v].Rel = toks[n].Head, "advcl"
				toks[n].Head, toks[n].Rel = v, "nsubj"
				toks[w].Head, toks[w].Rel = v, "mark"
				toks[v-1].Head = v
			}
		}},
}

// pastOnly are past tenses that are no past participles, with their
// lemmas: a word of them is a finite verb.
var pastOnly = map[string]string{
	"rose": "rise", "fell": "fall", "grew": "grow", "saw": "see", "went": "go", "came": "come", "took": "take",
	"gave": "give", "drew": "draw", "began": "begin", "flew": "fly", "drove": "drive", "wrote": "write",
	"ate": "eat", "shook": "shake", "threw": "throw", "knew": "know", "blew": "blow", "broke": "break",
	"chose": "choose", "froze": "freeze", "spoke": "speak", "stole": "steal", "tore": "tear", "wore": "wear",
	"forgot": "forget", "rode": "ride", "sank": "sink", "shrank": "shrink", "swam": "swim", "sang": "sing",
	"rang": "ring", "ran": "run", "did": "do", "was": "be", "were": "be",
}

// objRun returns the object of the -ing word g that ends the noun run
// right after it, before v ("processing industry profits"), or -1.
func objRun(toks []nlp.Token, g, v int) int {
	k := g + 1
	for k < v && toks[k].Tag == nlp.NOUN && toks[k].Head != g {
		k++
	}
	if k < v && toks[k].Tag == nlp.NOUN && toks[k].Head == g && toks[k].Rel == "obj" {
		return k
	}
	return -1
}

// rangeInts returns lo, lo+1, ..., hi.
func rangeInts(lo, hi int) []int {
	var out []int
	for k := lo; k <= hi; k++ {
		out = append(out, k)
	}
	return out
}

// childrenOf returns the tokens that hang on h, in order.
func childrenOf(toks []nlp.Token, h int) []int {
	var out []int
	for k, t := range toks {
		if t.Head == h {
			out = append(out, k)
		}
	}
	return out
}

// dependentAfter reports whether a token after h hangs on it.
func dependentAfter(toks []nlp.Token, h int) bool {
	for k := h + 1; k < len(toks); k++ {
		if toks[k].Head == h {
			return true
		}
	}
	return false
}

// subjectOf returns the subject (nsubj, nsubj:pass) of token v, or -1.
func subjectOf(toks []nlp.Token, v int) int {
	for k, t := range toks {
		if t.Head == v && (t.Rel == "nsubj" || t.Rel == "nsubj:pass") {
			return k
		}
	}
	return -1
}

// rootOf returns the index of toks' root (the first token with no head),
// or -1.
func rootOf(toks []nlp.Token) int {
	for i, t := range toks {
		if t.Head < 0 {
			return i
		}
	}
	return -1
}

// hasDependents reports whether any token hangs on token h.
func hasDependents(toks []nlp.Token, h int) bool {
	for _, t := range toks {
		if t.Head == h {
			return true
		}
	}
	return false
}

// modifiersBefore reports whether every word before token h is a noun,
// adjective, determiner or name that hangs on h: h's own noun phrase.
func modifiersBefore(toks []nlp.Token, h int) bool {
	for k := 0; k < h; k++ {
		switch toks[k].Tag {
		case nlp.NOUN, nlp.PROPN, nlp.ADJ, nlp.DET, nlp.PART:
		default:
			return false
		}
		if toks[k].Head != h && !descends(toks, k, h) {
			return false
		}
	}
	return true
}

// phraseEndBefore returns the last token before limit that descends
// from h (h itself if none): where h's phrase ends short of limit.
func phraseEndBefore(toks []nlp.Token, h, limit int) int {
	end := h
	for k := h + 1; k < limit; k++ {
		if descends(toks, k, h) {
			end = k
		} else {
			break
		}
	}
	return end
}

// compositionAdverbs open an apposition that says what a noun is made
// of.
var compositionAdverbs = map[string]bool{
	"mostly": true, "mainly": true, "largely": true, "chiefly": true, "primarily": true, "predominantly": true,
}

// finiteForm reports whether a verb token reads as a finite verb: not a
// bare -ing participle.
// agentChild reports whether verb v has a "by" phrase, the agent of a
// passive participle ("routes run by the firm").
func agentChild(toks []nlp.Token, v int) bool {
	for k := range toks {
		if toks[k].Head == v && toks[k].Rel == "obl" {
			for c := range toks {
				if toks[c].Head == k && toks[c].Rel == "case" && strings.EqualFold(toks[c].Form, "by") {
					return true
				}
			}
		}
	}
	return false
}

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
		"today", "yesterday":
		return true
	}
	return weekday(strings.ToLower(form))
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
