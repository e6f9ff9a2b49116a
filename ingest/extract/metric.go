package extract

import (
	"strings"

	"github.com/almanacdb/almanac/ingest/recognize"
)

var nounIng = set("manufacturing", "processing", "building", "buildings", "housing", "training", "funding",
	"financing", "spending", "shipping", "packaging", "mining", "printing", "clothing", "catering",
	"farming", "banking", "marketing", "planning", "learning", "testing", "computing", "engineering",
	"lending", "consulting", "recycling", "heating", "lighting", "parking", "offering", "meeting",
	"rating", "pricing", "earnings", "holdings", "dwelling", "logging", "smelting", "forging", "casting",
	"dyeing", "brewing", "welding", "sewing", "cooking", "landing", "landings", "bookings", "booking",
	"listing", "listings", "filling", "charging", "processing-trade", "retailing", "wholesaling")

func allDigits(w string) bool {
	if w == "" {
		return false
	}
	for i := 0; i < len(w); i++ {
		if (w[i] < '0' || w[i] > '9') && w[i] != ',' && w[i] != '.' {
			return false
		}
	}
	return true
}

func isAdverb(w string) bool {
	if len(w) > 4 && strings.HasSuffix(w, "ly") {
		switch w {
		case "supply", "family", "italy", "assembly", "monopoly", "anomaly", "elderly", "friendly",
			"costly", "orderly", "timely", "lively", "early", "daily", "weekly", "monthly", "quarterly",
			"yearly", "hourly", "assembly-line", "jelly", "holy", "poly":
			return false
		}
		return !strings.Contains(w, "-")
	}
	return false
}

// collectNP reads a noun phrase rightwards from token k.
func (st *sentState) collectNP(k int) []int {
	toks := st.toks
	var out []int
	for k < len(toks) && len(out) < 9 {
		t := toks[k]
		if t.kind == 'p' {
			if t.w == "\"" || t.w == "-" && len(out) > 0 {
				k++
				continue
			}
			break
		}
		if t.kind == 'q' || t.ment != 0 {
			break
		}
		w := t.w
		if allDigits(w) || flagsOf(w)&fDeterminers != 0 || flagsOf(w)&fSubordinators != 0 || isAdverb(w) {
			break
		}
		if w == "per" && st.word(k+1) == "capita" && len(out) < 8 {
			// "its urban per capita disposable income".
			out = append(out, k, k+1)
			k += 2
			continue
		}
		if flagsOf(w)&fPreps != 0 {
			nx := st.word(k + 1)
			if w == "of" && len(out) > 0 && k+1 < len(toks) && toks[k+1].kind == 'w' && flagsOf(nx)&fDeterminers == 0 && toks[k+1].ment == 0 && !allDigits(nx) && flagsOf(nx)&fPreps == 0 {
				out = append(out, k)
				k++
				continue
			}
			if (w == "with" || w == "in" && len(out) > 0 && investmentWord(toks[out[len(out)-1]].w)) && len(out) > 0 && st.nounNext(k+1) {
				// "villages with broadband access", "investment in the
				// green food industry".
				out = append(out, k)
				k++
				continue
			}
			if w == "in" && len(out) > 0 && investmentWord(toks[out[len(out)-1]].w) && st.word(k+1) == "the" && st.nounNext(k+2) {
				out = append(out, k)
				k += 2
				continue
			}
			if w == "above" && len(out) > 0 {
				// "enterprises above designated size".
				j := k + 1
				if st.word(j) == "the" {
					j++
				}
				if st.word(j) == "designated" && st.word(j+1) == "size" {
					out = append(out, k, j, j+1)
					k = j + 2
					continue
				}
			}
			if (w == "above" || w == "at" || w == "below") && len(out) > 0 {
				end := -1
				for j := k + 1; j < len(toks) && j <= k+4; j++ {
					if toks[j].w == "level" || toks[j].w == "levels" {
						end = j
						break
					}
				}
				if end > 0 {
					for j := k; j <= end; j++ {
						if toks[j].kind == 'w' && toks[j].w != "the" {
							out = append(out, j)
						}
					}
					k = end + 1
					continue
				}
			}
			break
		}
		if w == "and" || w == "or" || w == "&" {
			if len(out) > 0 && k+1 < len(toks) && toks[k+1].kind == 'w' {
				nx := toks[k+1].w
				if flagsOf(nx)&fDeterminers == 0 && flagsOf(nx)&fPreps == 0 && !isVerbInNP(nx) && !allDigits(nx) && toks[k+1].ment == 0 {
					out = append(out, k)
					k++
					continue
				}
			}
			break
		}
		if isVerbInNP(w) && !(len(out) == 0 && flagsOf(w)&fEdAdjectives != 0) {
			break
		}
		if len(out) > 0 && !strings.Contains(w, "-") && (strings.HasSuffix(w, "ed") && len(w) > 4 && flagsOf(w)&fEdAdjectives == 0 || strings.HasSuffix(w, "ing") && len(w) > 5 && flagsOf(w)&fNounIng == 0) {
			// A participle after the head ends the phrase ("passengers
			// handled in"); before a noun it modifies it ("emerging projects").
			if !st.nounNext(k + 1) {
				break
			}
		}
		if (w == "last" || w == "this" || w == "next" || w == "same" || w == "previous") && (st.word(k+1) == "year" || st.word(k+1) == "period" || st.word(k+1) == "quarter" || st.word(k+1) == "month") {
			break
		}
		if len(out) == 0 && flagsOf(w)&fDurationNouns != 0 {
			break
		}
		out = append(out, k)
		k++
		if t.poss {
			break
		}
	}
	// No trailing joiners.
	for len(out) > 0 {
		w := toks[out[len(out)-1]].w
		if w == "and" || w == "or" || w == "of" || w == "&" {
			out = out[:len(out)-1]
			continue
		}
		break
	}
	return out
}

// appositiveStart returns the index of the comma opening an appositive
// that the comma at k closes (", a district of Dalian,", ", the capital of
// Heilongjiang,"), or -1.
func (st *sentState) appositiveStart(k int) int {
	toks := st.toks
	for m := k - 1; m >= 0 && k-m <= 9; m-- {
		if toks[m].kind == 'q' && !(m > 0 && toks[m-1].w == "," && st.word(m+1) == "of") {
			return -1 // but ", one of the major cities,"
		}
		if toks[m].w == "," {
			w := st.word(m + 1)
			if (w == "a" || w == "an" || w == "the" || w == "capital" || toks[m+1].kind == 'q' && st.word(m+2) == "of") && m > 0 && toks[m-1].ment != 0 {
				return m
			}
			return -1
		}
	}
	return -1
}

func investmentWord(w string) bool {
	return w == "investment" || w == "investments" || w == "spending" || w == "expenditure"
}

// planVerb reports a verb of intent that ends a subject phrase ("the
// district expects its GDP to grow").
func planVerb(w string) bool {
	switch w {
	case "expects", "expect", "plans", "aims", "intends", "targets", "seeks", "hopes", "wants", "vows", "pledges":
		return true
	}
	return false
}

// infinitive reports whether the word at k is a verb by its place: right
// after a modal ("will raise") or after "to" that follows a verb or a
// word of intent ("plans to attract", "is expected to handle").
func (st *sentState) infinitive(k int) bool {
	t := st.toks[k]
	if k == 0 || t.kind != 'w' || t.ment != 0 || t.cap || t.fl&fDeterminers != 0 || t.fl&fPreps != 0 {
		return false
	}
	switch p := st.toks[k-1].w; p {
	case "will", "would", "shall", "can", "could", "should", "must", "may", "might":
		return true
	case "to":
		if k < 2 || st.toks[k-2].kind != 'w' {
			return false
		}
		v := st.toks[k-2].w
		return planVerb(v) || flagsOf(v)&fPlanWords != 0 || flagsOf(v)&fStrictVerbs != 0 || flagsOf(v)&fAuxAdverbs != 0 || v == "and" || v == "or" || isVerbLike(v)
	}
	return false
}

// nounNext reports whether token k is a plain word that can continue a
// noun phrase.
func (st *sentState) nounNext(k int) bool {
	if k >= len(st.toks) {
		return false
	}
	t := st.toks[k]
	if t.kind != 'w' || t.ment != 0 {
		return false
	}
	w := t.w
	switch w {
	case "more", "than", "over", "about", "around", "nearly", "and", "or":
		return false
	}
	return flagsOf(w)&fDeterminers == 0 && flagsOf(w)&fPreps == 0 && flagsOf(w)&fSubordinators == 0 && !isVerbInNP(w) && !allDigits(w) && !isAdverb(w)
}

// collectLeft reads a noun phrase leftwards from token j back to a
// boundary and returns its tokens in order, leaving out appositives and
// bracketed asides.
func (st *sentState) collectLeft(j int) []int {
	toks := st.toks
	rev := make([]int, 0, 15)
	for k := j; k >= 0 && len(rev) < 15; k-- {
		t := toks[k]
		if t.kind == 'q' {
			break
		}
		if t.kind == 'p' {
			if t.w == "\"" || t.w == "-" {
				continue
			}
			if t.w == "," {
				// Skip an appositive: "imports of Longning District, a
				// district of Dalian, came to".
				if m := st.appositiveStart(k); m >= 0 {
					k = m
					continue
				}
			}
			if t.w == ")" {
				// Skip a bracketed aside: "platforms (OTA) reached".
				m := k - 1
				for m >= 0 && toks[m].w != "(" && toks[m].kind != 'q' && k-m < 8 {
					m--
				}
				if m >= 0 && toks[m].w == "(" {
					k = m
					continue
				}
			}
			break
		}
		if t.fl&fSubordinators != 0 || isVerbInNP(t.w) || planVerb(t.w) {
			break
		}
		if t.w == "and" && k > 0 && toks[k-1].w == "," {
			break
		}
		if k < j && st.infinitive(k) {
			// "plans to raise the number of labs to": the verb is not
			// part of the phrase.
			break
		}
		rev = append(rev, k)
	}
	for i, j := 0, len(rev)-1; i < j; i, j = i+1, j-1 {
		rev[i], rev[j] = rev[j], rev[i]
	}
	return rev
}

// words turns tokens of a noun phrase into metric words: it drops
// entity mentions with the preposition before them, determiners,
// adverbs, quotes and comparison words, and "the number of".
func (st *sentState) words(idx []int) []string {
	toks := st.toks
	out := make([]string, 0, len(idx))
	for n, i := range idx {
		t := toks[i]
		if t.kind != 'w' {
			continue
		}
		if t.ment != 0 {
			if st.partner(t.ment - 1) {
				// "exports to Russia": the partner is part of the metric.
				out = append(out, t.w)
				continue
			}
			// Drop "in"/"of"/"by" just before the mention.
			if len(out) > 0 && flagsOf(out[len(out)-1])&fPreps != 0 {
				out = out[:len(out)-1]
			}
			continue
		}
		if st.inPeriodExpr(t.start) {
			// "tourism revenue over the holiday": the time is not part
			// of the metric.
			for len(out) > 0 && (flagsOf(out[len(out)-1])&fPreps != 0 || out[len(out)-1] == "the") {
				out = out[:len(out)-1]
			}
			continue
		}
		if t.poss && t.cap && n+1 < len(idx) {
			// "Daxing's coal output": an owner the lookup does not know.
			continue
		}
		w := t.w
		if flagsOf(w)&fPreps != 0 && n+1 < len(idx) && toks[idx[n+1]].ment != 0 && !st.partner(toks[idx[n+1]].ment-1) {
			continue
		}
		if w == "per" && n+1 < len(idx) && toks[idx[n+1]].w == "capita" {
			out = append(out, w)
			continue
		}
		if flagsOf(w)&fDeterminers != 0 || isAdverb(w) || allDigits(w) || w == "year-on-year" || w == "also" || w == "said" {
			continue
		}
		if w == "year" && (n+1 < len(idx) && toks[idx[n+1]].w == "on" || n > 0 && toks[idx[n-1]].w == "on") || w == "on" && n+1 < len(idx) && toks[idx[n+1]].w == "year" {
			continue
		}
		switch w {
		case "more", "than", "over", "nearly", "around", "about", "some", "approximately", "roughly", "almost", "up":
			if len(out) == 0 || n == len(idx)-1 {
				continue
			}
		}
		out = append(out, w)
	}
	// "the number of X", "the tally of X", "a total of X".
	for len(out) >= 2 && (out[0] == "number" || out[0] == "tally" || out[0] == "count" || out[0] == "total" && out[1] == "of") && out[1] == "of" {
		out = out[2:]
	}
	for len(out) > 0 && (flagsOf(out[0])&fPreps != 0 && !(out[0] == "per" && len(out) > 1 && out[1] == "capita") || out[0] == "and" || out[0] == "or") {
		out = out[1:]
	}
	for len(out) > 0 && (flagsOf(out[len(out)-1])&fPreps != 0 || out[len(out)-1] == "and" || out[len(out)-1] == "or") {
		out = out[:len(out)-1]
	}
	if len(out) > 8 {
		out = out[:8]
	}
	return out
}

// partner reports whether mention mi is a trade or comparison partner
// ("to Russia", "with Japan", "from Shenzhen"), which names part of the
// metric rather than its entity.
func (st *sentState) partner(mi int) bool {
	m := st.x.ms[mi]
	if m.Ref {
		return false
	}
	k := st.tokAt(m.Start)
	switch st.word(k - 1) {
	case "from":
		return st.excluded[mi] && flagsOf(st.word(k-2))&fOriginNouns == 0
	case "to", "with", "between", "and":
		return st.excluded[mi] || st.word(k-1) == "and"
	}
	return false
}

// afterNP is the noun phrase after the figure: "1,437 software
// enterprises", "340 of the county's farms", for money and units
// "7.5 million yuan in grants", "12.8 billion yuan of spending".
func (st *sentState) afterNP(ti int, money bool) []string {
	k := ti + 1
	if money {
		w := st.word(k)
		if w != "in" && w != "of" && w != "worth" {
			return nil
		}
		if w == "in" && st.word(k+1) == "place" {
			return []string{"investment", "in", "place"}
		}
		if w == "worth" {
			return nil
		}
		k++
		for k < len(st.toks) && st.toks[k].fl&fDeterminers != 0 {
			k++
		}
		if k < len(st.toks) && st.toks[k].ment != 0 {
			return nil
		}
		np := st.words(st.collectNP(k))
		if allWeak(np) || timeWord(np) {
			return nil
		}
		return np
	}
	if st.word(k) == "of" {
		// Partitive: "340 of the county's farms", "7 of the
		// province's 13 prefectures".
		k++
		for k < len(st.toks) && (st.toks[k].fl&fDeterminers != 0 || st.toks[k].ment != 0 || st.toks[k].kind == 'q') {
			k++
		}
	}
	np := st.words(st.collectNP(k))
	if allWeak(np) {
		return nil
	}
	return np
}

func allWeak(np []string) bool {
	for _, w := range np {
		if flagsOf(w)&fWeakNouns == 0 && flagsOf(w)&fPreps == 0 && w != "and" {
			return false
		}
	}
	return true
}

func timeWord(np []string) bool {
	if len(np) == 0 {
		return false
	}
	w := np[0]
	if i := strings.IndexByte(w, '-'); i > 0 {
		w = w[:i] // "January-May"
	}
	switch w {
	case "first", "second", "third", "fourth", "last", "past", "same", "year", "years", "quarter",
		"half", "month", "months", "period", "january", "february", "march", "april", "may", "june",
		"july", "august", "september", "october", "november", "december", "total", "all", "which", "them":
		return true
	}
	return false
}

// subjectNP finds the noun phrase a figure is predicated of: "the town's
// output jumped 9 percent to 42.6 billion yuan", "retail sales of $31.7
// million", or, without a verb, the elided phrase of "and textiles by 3.9
// percent". verbAt is the verb's token, -1
// if none.
func (st *sentState) subjectNP(ti int, q recognize.Quantity) (np []string, verbAt int) {
	toks := st.toks
	j := ti - 1
	for j >= 0 && toks[j].start >= q.QualStart {
		j--
	}
	var weak []string
	// "X of N": "fixed-asset spending of 27.4 billion yuan".
	if st.word(j) == "of" {
		idx := st.collectNPLeftOf(j - 1)
		w := st.words(idx)
		if len(w) > 0 && (w[len(w)-1] == "target" || w[len(w)-1] == "goal") && st.word(ti+1) == "for" {
			// "set a target of 9.4 billion yuan for its aerospace imports".
			k := ti + 2
			for k < len(toks) && (toks[k].fl&fDeterminers != 0 || toks[k].ment != 0) {
				k++
			}
			if x := st.words(st.collectNP(k)); len(x) > 0 {
				return x, -1
			}
		}
		if len(w) > 0 && !allWeak(w) && !hasGrowthNoun(w) {
			if len(w) == 1 && bareMoneyNoun(w[0]) && len(idx) > 0 && idx[0] > 0 && toks[idx[0]-1].kind == 'w' && toks[idx[0]-1].ment == 0 && isVerbLike(toks[idx[0]-1].w) {
				// "the graphite industry generated revenue of 4.7
				// billion yuan": the subject says whose revenue.
				if subj := st.words(st.collectLeft(idx[0] - 2)); len(subj) > 0 && len(subj) <= 4 && !allWeak(subj) {
					return append(append([]string{}, subj...), w...), -1
				}
			}
			return w, -1
		}
		if hasGrowthNoun(w) {
			w = withoutGrowth(w)
			if len(w) > 0 && !allWeak(w) {
				weak = w
			}
		} else if !(len(w) == 1 && (w[0] == "average" || w[0] == "total")) {
			// "earned an average of 26,480 yuan" names no metric.
			weak = w
		}
		if len(idx) > 0 {
			j = idx[0] - 1
		} else {
			j--
		}
	}
	verbAt = -1
	for j >= 0 {
		t := toks[j]
		if t.kind == 'w' && t.fl&fLinkWords != 0 && t.ment == 0 {
			j--
			continue
		}
		// "jumped 9 percent to 42.6 billion yuan".
		if t.kind == 'q' && st.x.qs[t.q].Unit == "percent" && j+1 < ti {
			j--
			continue
		}
		break
	}
	for j >= 0 {
		t := toks[j]
		if t.kind != 'w' || t.ment != 0 {
			break
		}
		w := t.w
		if verbAt < 0 && (isVerbLike(w) && w != "growth" || st.infinitive(j)) { // "growth" is never the verb; "plans to invest"
			verbAt = j
			j--
			continue
		}
		if flagsOf(w)&fAuxAdverbs != 0 || isAdverb(w) || verbAt >= 0 && (flagsOf(w)&fStrictVerbs != 0 && flagsOf(w)&fEdAdjectives == 0) {
			j--
			continue
		}
		break
	}
	// "grew by 6.1 percent to reach 536 billion yuan": past the change to
	// the verb of the subject.
	if verbAt >= 0 {
		k := j
		for k >= 0 && toks[k].kind == 'w' && toks[k].ment == 0 && (toks[k].fl&fLinkWords != 0 || isAdverb(toks[k].w)) {
			k--
		}
		if k >= 0 && toks[k].kind == 'q' && st.x.qs[toks[k].q].Unit == "percent" {
			j = k // "grew 31 percent year-on-year to reach"
		}
	}
	if j >= 0 && toks[j].kind == 'q' && st.x.qs[toks[j].q].Unit == "percent" {
		k := j - 1
		for k >= 0 && toks[k].kind == 'w' && (toks[k].fl&fLinkWords != 0 || isAdverb(toks[k].w)) && toks[k].ment == 0 {
			k--
		}
		if k >= 0 && toks[k].kind == 'w' && toks[k].ment == 0 && isVerbLike(toks[k].w) {
			verbAt = k
			j = k - 1
			for j >= 0 && toks[j].kind == 'w' && toks[j].ment == 0 && (toks[j].fl&fAuxAdverbs != 0 || isAdverb(toks[j].w)) {
				j--
			}
		}
	}
	idx := st.collectLeft(j)
	np = st.words(idx)
	// "saw its added value rise": prepend the outer subject.
	if len(idx) > 0 && (toks[idx[0]].w == "its" || toks[idx[0]].w == "their") && st.clause[idx[0]] == st.clause[0] {
		if outer := st.firstNP(); len(outer) > 0 && !sameWords(outer, np) {
			np = append(append([]string{}, outer...), np...)
		}
	}
	if verbAt >= 0 && len(weak) == 0 && (recognize.IsCurrency(q.Unit) || q.Unit != "count" && q.Unit != "percent" && outputNoun(verbNouns[toks[verbAt].w])) {
		// "the county put 3.6 million yuan into", "carriers have put 12.9
		// billion yuan into fibre": the verb names the money.
		if n, ok := verbNouns[toks[verbAt].w]; ok {
			if n == "revenue" && peopleNoun(np) {
				n = "income" // "rural residents earned 17,310 yuan"
			}
			if st.word(ti+1) == "per" && st.word(ti+2) == "capita" {
				np = append(np, "per", "capita")
			}
			np = append(np, n)
		}
	}
	if len(np) == 0 && verbAt < 0 {
		// "2.3 billion yuan worth was sold".
		for k := ti + 1; k < len(toks) && k <= ti+3; k++ {
			if n, ok := verbNouns[toks[k].w]; ok {
				np = append(st.firstNP(), n)
				break
			}
		}
	}
	if len(weak) > 0 && len(np) > 0 {
		np = append(np, weak...)
	}
	if len(np) == 0 && len(weak) > 0 && !allWeak(weak) {
		np = weak
	}
	if len(np) > 10 {
		np = np[:10]
	}
	return np, verbAt
}

// collectNPLeftOf reads the noun phrase ending at token j leftwards,
// stopping at prepositions, verbs and punctuation ("with total investment
// of": "total investment").
func (st *sentState) collectNPLeftOf(j int) []int {
	toks := st.toks
	k := j
	for ; k >= 0 && j-k < 8; k-- {
		t := toks[k]
		if t.kind == 'p' {
			if t.w == "\"" || t.w == "-" {
				continue
			}
			break
		}
		if t.kind != 'w' || t.ment != 0 {
			break
		}
		if (t.w == "in" || t.w == "of" || t.w == "for" || t.w == "the") && k < j && k > 0 && toks[k-1].kind == 'w' && toks[k-1].ment == 0 {
			// "investment in the beverage industry of": go on if a noun
			// phrase stands before the preposition.
			p := k - 1
			if toks[p].w == "the" || toks[p].w == "in" || toks[p].w == "of" {
				p--
			}
			if p >= 0 && toks[p].kind == 'w' && toks[p].ment == 0 && toks[p].fl&fPreps == 0 && toks[p].fl&fDeterminers == 0 && !isVerbLike(toks[p].w) && toks[p].fl&fSubordinators == 0 && !planVerb(toks[p].w) {
				continue
			}
		}
		if t.fl&fPreps != 0 || t.fl&fDeterminers != 0 || t.fl&fSubordinators != 0 {
			break
		}
		if k < j && st.infinitive(k) {
			break // "aims to attract investment of"
		}
		if isVerbLike(t.w) && t.fl&fGrowthNouns == 0 && t.fl&fEdAdjectives == 0 && t.fl&fNounIng == 0 {
			// An -ing word before a noun modifies it ("rice planting area").
			if !(strings.HasSuffix(t.w, "ing") && k < j && k > 0 && toks[k-1].kind == 'w' && toks[k-1].ment == 0 &&
				toks[k-1].fl&fPreps == 0 && toks[k-1].fl&fDeterminers == 0 && !isVerbLike(toks[k-1].w) && toks[k-1].fl&fSubordinators == 0) {
				// "reported installed wind power capacity of": after a
				// verb, an -ed word modifies the noun.
				if strings.HasSuffix(t.w, "ed") && k < j && k > 0 && toks[k-1].kind == 'w' && isVerbLike(toks[k-1].w) {
					k--
				}
				break
			}
		}
	}
	var out []int
	for i := k + 1; i <= j; i++ {
		out = append(out, i)
	}
	return out
}

func hasGrowthNoun(w []string) bool {
	for _, x := range w {
		if flagsOf(x)&fGrowthNouns != 0 {
			return true
		}
	}
	return false
}

func withoutGrowth(w []string) []string {
	out := make([]string, 0, len(w))
	for _, x := range w {
		if flagsOf(x)&fGrowthNouns == 0 && x != "year-on-year" && x != "annual" {
			out = append(out, x)
		}
	}
	return out
}

func sameWords(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// firstNP is the sentence's subject: the words from its start (after an
// opening adverbial ended by a comma) to its first verb.
func (st *sentState) firstNP() []string {
	toks := st.toks
	i := 0
	if len(toks) > 0 && (toks[0].fl&fOpeners != 0 || toks[0].kind == 'q') {
		for k := 0; k < len(toks) && k < 14; k++ {
			if toks[k].w == "," {
				i = k + 1
				break
			}
		}
	}
	var idx []int
	for k := i; k < len(toks); k++ {
		t := toks[k]
		if t.kind == 'q' || t.kind == 'p' && t.w != "\"" && t.w != "-" {
			break
		}
		if t.kind == 'w' && len(idx) > 0 && (isVerbInNP(t.w) || planVerb(t.w) || isVerbLike(t.w) && t.fl&fNounIng == 0 && t.fl&fEdAdjectives == 0 || t.w == "also") {
			break
		}
		idx = append(idx, k)
	}
	return st.words(idx)
}

// headOf is a noun phrase up to its first preposition.
func headOf(np []string) []string {
	for i, w := range np {
		if flagsOf(w)&fPreps != 0 && i > 0 {
			return np[:i]
		}
	}
	return np
}

// inPeriodExpr reports whether offset off is inside a phrase naming a
// part of the year ("first-half GDP") or a stretch of days ("the
// holiday", "the Spring Festival holiday"), but not "daily".
func (st *sentState) inPeriodExpr(off int) bool {
	for i := range st.exprs {
		e := &st.exprs[i]
		if e.year == 0 && e.start <= off && off < e.end && (e.period != "span" && e.period != "" || st.x.stretch(e)) {
			return true
		}
	}
	return false
}

// peopleNoun reports whether a noun phrase names people, whose money is
// income ("rural residents", "farmers").
func peopleNoun(np []string) bool {
	for _, w := range np {
		switch w {
		case "residents", "resident", "farmers", "households", "villagers", "people", "workers",
			"employees", "citizens", "herdsmen", "fishermen", "retirees":
			return true
		}
	}
	return false
}

// bareMoneyNoun reports a noun that names money without saying whose
// ("revenue", "profits").
func bareMoneyNoun(w string) bool {
	switch w {
	case "revenue", "revenues", "income", "profit", "profits", "sales", "turnover", "earnings":
		return true
	}
	return false
}
