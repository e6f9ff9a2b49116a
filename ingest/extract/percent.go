package extract

import (
	"strings"

	"github.com/almanacdb/almanac/ingest/recognize"
	"github.com/almanacdb/almanac/store"
)

// growthAround reports whether the percentage at ti is a change: a change
// word before it ("up", "rose by", "an increase of", "grew a staggering")
// or a comparison after it ("year-on-year", "from a year earlier").
func (st *sentState) growthAround(ti int, q recognize.Quantity) (growth, neg bool, stop int) {
	toks := st.toks
	j := ti - 1
	for j >= 0 && toks[j].start >= q.QualStart {
		j--
	}
	stop = j
	if st.word(j) == "to" {
		// "rose to 5 percent" is a level.
		return false, false, j
	}
	for n := 0; j >= 0 && n < 7; j, n = j-1, n+1 {
		t := toks[j]
		if t.kind != 'w' {
			break
		}
		w := t.w
		switch {
		case flagsOf(w)&fGrowthDown != 0:
			return true, true, j
		case flagsOf(w)&fGrowthUp != 0:
			if w == "more" && st.word(j+1) == "than" {
				continue
			}
			if w == "went" || w == "go" || w == "goes" || w == "gone" {
				if st.word(j+1) == "down" {
					return true, true, j
				}
			}
			return true, false, j
		case w == "by" || w == "of" || w == "a" || w == "an" || w == "year-on-year" || w == "annual" ||
			w == "remarkable" || w == "staggering" || w == "whopping" || w == "robust" || w == "strong" ||
			w == "steady" || w == "sharp" || w == "modest" || w == "slight" || w == "further" ||
			flagsOf(w)&fAuxAdverbs != 0 || isAdverb(w) || w == "added-value" || w == "value-added":
			continue
		}
		break
	}
	// After: "12.8 percent year-on-year", "from a year before".
	for k := ti + 1; k < len(toks) && k <= ti+3; k++ {
		w := toks[k].w
		if w == "year-on-year" || w == "yoy" || (w == "year" && st.word(k+1) == "on") {
			return true, false, stop
		}
		if (w == "higher" || w == "more") && st.word(k+1) == "than" {
			return true, false, stop
		}
		if w == "lower" || w == "less" {
			return true, true, stop
		}
		if toks[k].kind != 'w' {
			break
		}
	}
	return false, false, stop
}

// percentMetric names a percentage: a share ("38.2 percent of the
// county's farm income"), a change ("grew 4.4 percent"), or a level.
// suffix is "each" for a share stated once for every preceding figure.
func (st *sentState) percentMetric(ti int, q recognize.Quantity, prev *factInfo) (np []string, growth, neg bool, suffix string, verbAt int) {
	toks := st.toks
	verbAt = -1
	// Share: "N percent of X".
	if st.word(ti+1) == "of" {
		k := ti + 2
		for k < len(toks) && (toks[k].fl&fDeterminers != 0 || toks[k].ment != 0 || toks[k].poss && toks[k].kind == 'w' && toks[k].ment != 0) {
			k++
		}
		target := st.words(st.collectNP(k))
		j := ti - 1
		for j >= 0 && toks[j].start >= q.QualStart {
			j--
		}
		for j >= 0 && toks[j].kind == 'w' && (toks[j].w == "for" || toks[j].w == "up" || toks[j].w == "a" || toks[j].w == "an" || isAdverb(toks[j].w)) {
			j--
		}
		kind := "share"
		if j >= 0 && toks[j].kind == 'w' {
			if k, ok := shareVerbs[toks[j].w]; ok {
				kind = k
				verbAt = j
				if st.word(j-1) == "each" {
					return nil, false, false, "each", j
				}
			}
		}
		var base []string
		if verbAt >= 0 {
			b := verbAt - 1
			for b >= 0 && toks[b].kind == 'w' && (toks[b].fl&fAuxAdverbs != 0 || isAdverb(toks[b].w)) {
				b--
			}
			base = st.words(st.collectLeft(b))
		}
		if len(base) == 0 && prev != nil {
			base = withoutGrowth(prev.head)
		}
		if len(base) == 0 {
			base = st.firstNP()
		}
		tw := target
		if allWeak(tw) {
			tw = nil
		}
		if len(tw) > 4 {
			tw = tw[:4]
		}
		switch kind {
		case "completion":
			np = append(append(append([]string{}, base...), tw...), "completion")
		case "contribution":
			np = append(append(append([]string{}, base...), "contribution", "to"), tw...)
			if len(tw) == 0 {
				np = np[:len(np)-1]
			}
		default:
			np = append(append([]string{}, base...), "share")
			if len(tw) > 0 {
				np = append(append(np, "of"), tw...)
			}
		}
		return np, false, false, "", verbAt
	}
	growth, neg, stop := st.growthAround(ti, q)
	// "85 percent in medical devices".
	if st.word(ti+1) == "in" && ti+2 < len(toks) && toks[ti+2].ment == 0 {
		k := ti + 2
		for k < len(toks) && toks[k].fl&fDeterminers != 0 {
			k++
		}
		x := st.words(st.collectNP(k))
		if len(x) > 0 && !timeWord(x) && !allWeak(x) {
			var extra []string
			if prev != nil && prev.growth && st.inherits(ti) {
				extra = prev.extra
			} else if s, _ := st.subjectNP(ti, q); len(s) > 0 {
				extra = s
			}
			np = append(append([]string{}, x...), extra...)
			if prev != nil && prev.growth {
				growth = true
			}
			st.pendingExtra = extra
			return np, growth, neg, "", -1
		}
	}
	// Left context after the change words.
	j := stop
	for j >= 0 && toks[j].kind == 'w' && (toks[j].fl&fGrowthUp != 0 || toks[j].fl&fGrowthDown != 0 || toks[j].w == "by" || toks[j].w == "a" || toks[j].w == "an" || toks[j].w == "of" || toks[j].w == "year-on-year" || toks[j].fl&fGrowthNouns != 0) {
		j--
	}
	// Apposition: "2,360, up 18 percent".
	if growth && j >= 0 && (toks[j].w == "," || toks[j].w == "--") {
		if prev != nil && st.follows(ti) {
			return withoutGrowth(prev.np), true, neg, "", -1
		}
		if f := st.firstNP(); len(f) > 0 {
			return f, true, neg, "", -1
		}
	}
	np, verbAt = st.subjectNP(ti, q)
	if verbAt < 0 && prev != nil && st.inherits(ti) {
		// Ellipsis: "and textiles by 3.9 percent", "with Korea 8.2
		// percent".
		if prev.growth {
			growth = true
		}
		if len(np) == 0 {
			return withoutGrowth(prev.np), growth, neg, "", -1
		}
		if st.toks[st.firstWordBefore(ti)].fl&fPreps != 0 || len(np) > 0 && flagsOf(np[0])&fPreps != 0 {
			np = append(append([]string{}, withoutGrowth(prev.head)...), np...)
		}
		return np, growth, neg, "", -1
	}
	if len(np) == 0 && growth {
		np = st.firstNP()
	}
	if !growth {
		for _, w := range np {
			if w == "growth" || w == "growth-rate" {
				// "lift its GDP growth to around 8 percent": the figure
				// is the rate of growth itself.
				growth = true
				break
			}
		}
	}
	return withoutGrowth(np), growth, neg, "", verbAt
}

func (st *sentState) firstWordBefore(ti int) int {
	for k := ti - 1; k >= 0; k-- {
		if st.toks[k].kind == 'p' || st.toks[k].kind == 'q' {
			if k+1 < ti {
				return k + 1
			}
			return 0
		}
	}
	return 0
}

// shareEach emits "each making up about 40 percent of national supply"
// once for every count figure before it in the sentence.
func (st *sentState) shareEach(ti int, q recognize.Quantity) {
	x := st.x
	k := ti + 2
	for k < len(st.toks) && (st.toks[k].fl&fDeterminers != 0 || st.toks[k].ment != 0) {
		k++
	}
	target := st.words(st.collectNP(k))
	if len(target) > 4 {
		target = target[:4]
	}
	for _, i := range append([]int(nil), st.facts...) {
		p := x.facts[i]
		if x.qs[p.qi].Unit != "count" || p.growth {
			continue
		}
		np := append(append(append([]string{}, withoutGrowth(p.head)...), "share", "of"), target...)
		fi := p
		fi.f.Metric = canonical(np)
		fi.f.Value = q.Value
		fi.f.Unit = "percent"
		fi.f.Qualifier = qualifierOf(q.Qualifier)
		fi.f.Start, fi.f.End = q.NumStart, q.NumEnd
		fi.qi = st.toks[ti].q
		fi.np = np
		fi.growth = false
		if fi.f.Metric == "" || len(fi.f.Metric) > store.MaxNameLen {
			continue
		}
		st.add(fi)
	}
}

// synonyms canonicalise metric words so that one thing has one name.
var synonyms = map[string]string{
	"companies": "enterprises", "company": "enterprises", "firms": "enterprises", "firm": "enterprises",
	"enterprise": "enterprises", "hi": "high", "centres": "centers", "centre": "center", "tons": "tonnes",
	"programme": "program", "programmes": "programs", "fdi": "foreign_direct_investment",
	"smes": "small_and_medium_sized_enterprises", "gross_domestic_product": "gdp", "revenues": "revenue",
}

// canonical joins noun-phrase words into a snake_case metric: lower case,
// hyphens split, punctuation dropped, synonyms applied, and the economy's
// growth named gdp. It allocates only the result.
func canonical(np []string) string {
	var buf [24]string
	parts := buf[:0]
	for _, w := range np {
		// Split on - ' ’ / _ & and keep [a-z0-9] of each piece.
		start := 0
		for i := 0; i <= len(w); {
			sep, n := i == len(w), 1
			if !sep {
				switch c := w[i]; {
				case c == '-' || c == '\'' || c == '/' || c == '_' || c == '&':
					sep = true
				case c == 0xE2 && strings.HasPrefix(w[i:], "\u2019"):
					sep, n = true, 3
				}
			}
			if sep {
				if p := alnumPart(w[start:i]); p != "" && p != "s" {
					parts = append(parts, p)
				}
				start = i + n
			}
			i += n
		}
	}
	// "value added" is "added value"; "gross domestic product" is "gdp".
	for i := 0; i < len(parts); i++ {
		switch {
		case parts[i] == "value" && i+1 < len(parts) && parts[i+1] == "added":
			parts[i], parts[i+1] = "added", "value"
			i++
		case parts[i] == "gross" && i+2 < len(parts) && parts[i+1] == "domestic" && parts[i+2] == "product":
			parts[i] = "gdp"
			parts = append(parts[:i+1], parts[i+3:]...)
		case parts[i] == "hi" && i+1 < len(parts) && parts[i+1] == "tech":
			parts[i] = "high"
		}
	}
	// The growth of "the economy" (of "the whole year", "the city's") is
	// GDP growth.
	economy, other := false, false
	for i, p := range parts {
		if s, ok := synonyms[p]; ok {
			parts[i], p = s, s
		}
		switch p {
		case "economy":
			economy = true
		case "economic", "whole", "year", "for", "of", "overall", "local", "regional", "national",
			"provincial", "city", "entire", "real":
		default:
			other = true
		}
	}
	economy = economy && !other
	if economy {
		return "gdp"
	}
	if len(parts) == 0 {
		return ""
	}
	if len(parts) == 1 {
		return parts[0]
	}
	size := len(parts) - 1
	for _, p := range parts {
		size += len(p)
	}
	b := make([]byte, 0, size)
	for i, p := range parts {
		if i > 0 {
			b = append(b, '_')
		}
		b = append(b, p...)
	}
	return string(b)
}

// alnumPart returns the lower-case letters and digits of p: p itself when
// it has nothing else.
func alnumPart(p string) string {
	clean := true
	for i := 0; i < len(p); i++ {
		if c := p[i]; !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
			clean = false
			break
		}
	}
	if clean {
		return p
	}
	b := make([]byte, 0, len(p))
	for i := 0; i < len(p); i++ {
		if c := p[i]; c >= 'a' && c <= 'z' || c >= '0' && c <= '9' {
			b = append(b, c)
		}
	}
	return string(b)
}
