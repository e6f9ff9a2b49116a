package extract

import (
	"strings"

	"github.com/almanacdb/almanac/ingest/recognize"
	"github.com/almanacdb/almanac/ingest/resolve"
	"github.com/almanacdb/almanac/store"
)

// quantity turns the figure at token ti into facts, or decides it is not
// one.
func (st *sentState) quantity(ti int) {
	x := st.x
	t := st.toks[ti]
	q := x.qs[t.q]
	if st.notAFact(ti, q) {
		return
	}
	var (
		np     []string
		growth bool
		neg    bool
		suffix string
		prev   *factInfo
		verbAt = -1
	)
	if n := len(st.facts); n > 0 {
		prev = &x.facts[st.facts[n-1]]
	}
	unit := q.Unit
	switch {
	case unit == "percent":
		np, growth, neg, suffix, verbAt = st.percentMetric(ti, q, prev)
		if suffix == "each" {
			st.shareEach(ti, q)
			return
		}
	case prev != nil && prev.from && st.toWord(ti, q) && st.inherits(ti) && x.qs[prev.qi].Unit == unit:
		// "climbed from 310 in 2021 to 455 this year".
		np = prev.np
	case unit == "count" && (st.word(ti+1) == "are" || st.word(ti+1) == "were") && st.word(ti-1) == "which" && (st.word(ti-2) == "of" || st.word(ti-2) == "among"):
		// "1,200 enterprises, of which 168 are high-tech enterprises".
		np = st.words(st.collectNP(ti + 2))
		if len(np) == 0 || allWeak(np) {
			np = st.afterNP(ti, false)
		}
	case unit == "count":
		np = st.afterNP(ti, false)
		if len(np) == 0 {
			np, verbAt = st.subjectNP(ti, q)
		}
		if len(np) == 0 && prev != nil && x.qs[prev.qi].Unit == "count" && !prev.growth {
			np = prev.np
		}
	case recognize.IsCurrency(unit) && st.word(ti-1) == "worth" && prev != nil && st.follows(ti):
		// "exported 210,000 tonnes of rice, worth $96 million".
		np = append(append([]string{}, withoutGrowth(prev.head)...), "value")
	default: // currency or physical unit
		np = st.afterNP(ti, true)
		if len(np) == 1 && bareMoneyNoun(np[0]) {
			// "the digital economy industry generated 38 billion yuan
			// in revenue": the subject says whose revenue.
			np = append(st.ownerBeforeVerb(ti, q), np...)
		}
		if len(np) > 0 && !recognize.IsCurrency(unit) {
			// "harvested 4.2 million tonnes of grain": the verb says what
			// was measured.
			if v := st.verbBefore(ti, q); v != "" {
				if n, ok := verbNouns[v]; ok && n != "investment" && n != "funding" {
					np = append(np, n)
				}
			}
		}
		if len(np) == 0 {
			np, verbAt = st.subjectNP(ti, q)
		}
	}
	if anaphoric(np) {
		// "The number stood at 1,650 in 2021": the metric of the figure
		// before.
		if a := x.antecedent(st.si, unit, growth); a != nil {
			np = a
		}
	}
	if len(np) == 0 {
		return
	}
	metric := canonical(np)
	if metric == "" {
		return
	}
	switch {
	case suffix != "":
		metric += "_" + suffix
	case growth:
		if !strings.HasSuffix(metric, "_growth") {
			metric = strings.TrimSuffix(metric, "_growth") + "_growth"
		}
	}
	if len(metric) > store.MaxNameLen {
		metric = metric[:store.MaxNameLen]
	}
	year, period, ok := st.timeFor(ti)
	if !ok {
		x.noYear++
		return
	}
	p, err := store.ParsePeriod(period)
	if err != nil {
		p = store.PeriodYear
	}
	ent := st.entityFor(ti)
	if prev != nil && st.inherits(ti) {
		ent = resolve.Entity{Name: prev.f.Entity}
	}
	if ent.Name == "" {
		return
	}
	if st.subject.Name == "" {
		st.subject = ent
	}
	value := q.Value
	if neg {
		value = -value
	}
	f := store.Fact{
		Entity: ent.Name, Metric: metric, Year: year, Period: p, Value: value, Unit: unit,
		Qualifier: qualifierOf(q.Qualifier), Status: st.statusFor(ti),
		Sentence:      x.text[st.s.start:st.s.end],
		SentenceStart: st.s.start, SentenceEnd: st.s.end,
		Start: q.NumStart, End: q.NumEnd,
	}
	fi := factInfo{f: f, sent: st.si, qi: t.q, np: np, head: headOf(np), growth: growth, verbAt: verbAt, from: st.word(ti-1) == "from", extra: st.pendingExtra}
	st.pendingExtra = nil
	if q.Range {
		lo := fi
		lo.f.Value, lo.f.Qualifier, lo.f.Start, lo.f.End = q.Lo, store.Min, q.LoStart, q.LoEnd
		if neg {
			lo.f.Value = -q.Lo
		}
		fi.f.Qualifier = store.Max
		st.add(lo)
	}
	st.add(fi)
}

// verbBefore returns the word right before the figure and its qualifier.
func (st *sentState) verbBefore(ti int, q recognize.Quantity) string {
	j := ti - 1
	for j >= 0 && st.toks[j].start >= q.QualStart {
		j--
	}
	if st.word(j) == "out" {
		j-- // "turned out", "churned out"
	}
	return st.word(j)
}

// toWord reports whether the figure at ti follows "to".
func (st *sentState) toWord(ti int, q recognize.Quantity) bool {
	j := ti - 1
	for j >= 0 && st.toks[j].start >= q.QualStart {
		j--
	}
	return st.word(j) == "to"
}

func (st *sentState) add(fi factInfo) {
	st.x.facts = append(st.x.facts, fi)
	st.facts = append(st.facts, len(st.x.facts)-1)
}

// anaphoric reports a noun phrase that only refers back: "the number",
// "the figure", "the total".
func anaphoric(np []string) bool {
	if len(np) == 0 || len(np) > 2 {
		return false
	}
	for _, w := range np {
		switch w {
		case "number", "figure", "figures", "total", "tally", "count", "amount", "sum", "combined", "overall", "latest",
			"target", "goal": // "set a target of 12 billion yuan for 2024"
		default:
			return false
		}
	}
	return true
}

// antecedent returns the noun phrase of the last level figure of this or
// the previous sentence that a "the number" figure in unit can refer to,
// or nil. A change in percent refers to a figure of any unit.
func (x *extractor) antecedent(si int, unit string, growth bool) []string {
	for i := len(x.facts) - 1; i >= 0; i-- {
		fi := &x.facts[i]
		if fi.sent < si-1 {
			break
		}
		if fi.growth || fi.f.Unit == "percent" || anaphoric(fi.np) {
			continue
		}
		if fi.f.Unit != unit && !(growth && unit == "percent") {
			continue
		}
		return withoutGrowth(fi.np)
	}
	return nil
}

// follows reports whether the figure at ti comes after another figure of
// the same clause with no candidate subject between: "640 farms
// won organic labels, an increase of 27.5 percent".
func (st *sentState) follows(ti int) bool {
	for k := ti - 1; k >= 0; k-- {
		t := st.toks[k]
		if t.kind == 'q' {
			return true
		}
		if t.kind == 'w' && t.ment != 0 && !st.excluded[t.ment-1] {
			return false
		}
		if t.w == ";" || t.w == "that" || t.w == "while" {
			return false
		}
	}
	return false
}

// inherits reports whether the figure at ti continues the previous one of
// the sentence (an apposition "2,360, up 18 percent" or an ellipsis "and
// textiles by 3.9 percent"), and so shares its entity.
func (st *sentState) inherits(ti int) bool {
	for k := ti - 1; k >= 0; k-- {
		t := st.toks[k]
		if t.kind == 'q' {
			return true
		}
		if t.kind == 'w' && (t.ment != 0 && !st.excluded[t.ment-1] || isVerbInNP(t.w) && t.fl&fGrowthUp == 0 && t.fl&fGrowthDown == 0) {
			return false
		}
		if t.w == ";" || t.w == "that" {
			return false
		}
	}
	return false
}

// notAFact filters figures that are not facts: conversions, parts of
// names and compounds, durations and multiples, percentage points,
// thresholds and comparison groups.
func (st *sentState) notAFact(ti int, q recognize.Quantity) bool {
	toks := st.toks
	if q.Conversion || q.Compound || q.Unit == "points" {
		return true
	}
	next := st.word(ti + 1)
	prevTok := tok{}
	if ti > 0 {
		prevTok = toks[ti-1]
	}
	// A number inside a name: "Map 2.0", "Top 100 Counties", "Phase 2".
	if q.Unit == "count" && prevTok.kind == 'w' && prevTok.cap && ti-1 > 0 && prevTok.fl&fOpeners == 0 && prevTok.fl&fDeterminers == 0 && prevTok.ment == 0 && prevTok.fl&fLinkWords == 0 {
		return true
	}
	if prevTok.w == "aged" || prevTok.w == "age" || prevTok.w == "ages" || ti >= 2 && (toks[ti-2].w == "aged" || toks[ti-2].w == "age") && q.Qualifier != "" {
		return true // "residents aged over 60"
	}
	if prevTok.w == "no" || prevTok.w == "number" || prevTok.w == "." && ti >= 2 && toks[ti-2].w == "no" {
		return true // "No. 1"
	}
	// Durations, multiples, ranks: "21 consecutive years", "1.3 times".
	if q.Unit == "count" && flagsOf(next)&fDurationNouns != 0 {
		return true
	}
	if q.Unit == "count" && next == "-" {
		return true
	}
	// Small numbers in words that refer back: "the four key industries".
	if q.Words && q.Unit == "count" {
		if q.Value == 1 {
			return true
		}
		if q.Value < 20 && ti > 0 && (prevTok.fl&fDeterminers != 0 || prevTok.poss) {
			return true
		}
	}
	// A comparison group: "third among the region's 12 ports".
	for k, n := ti-1, 0; k >= 0 && n < 4; k, n = k-1, n+1 {
		if toks[k].kind != 'w' {
			break
		}
		if toks[k].w == "among" || toks[k].w == "of" && k > 0 && toks[k-1].kind == 'q' {
			return true
		}
	}
	// The total of a part: "7 of the province's 13 prefectures".
	if ti >= 2 && toks[ti-2].w == "of" && ti >= 3 && toks[ti-3].kind == 'q' {
		return true
	}
	isMoney := recognize.IsCurrency(q.Unit)
	// Thresholds: "granted over 5 million yuan each", "each with a
	// budget above 50 million yuan", "farms with sales of more than 3
	// million yuan".
	if next == "each" || next == "apiece" {
		return true
	}
	if isMoney || (q.Unit != "count" && q.Unit != "percent") {
		for k, n := ti-1, 0; k >= 0 && n < 7; k, n = k-1, n+1 {
			t := toks[k]
			if t.kind == 'q' || t.w == ";" || t.w == "." {
				break
			}
			if t.w == "each" || t.w == "per" && st.word(k+1) != "capita" {
				return true // but "urban per capita income hit 41,000 yuan"
			}
			if t.w == "with" && q.Qualifier == "min" {
				return true
			}
		}
	}
	return false
}

// ownerBeforeVerb returns the noun phrase before the verb right before
// the figure ("its digital economy industry generated"), or nil.
func (st *sentState) ownerBeforeVerb(ti int, q recognize.Quantity) []string {
	j := ti - 1
	for j >= 0 && st.toks[j].start >= q.QualStart {
		j--
	}
	if j < 1 || st.toks[j].kind != 'w' || st.toks[j].ment != 0 || !isVerbLike(st.toks[j].w) {
		return nil
	}
	j--
	for j >= 0 && st.toks[j].kind == 'w' && st.toks[j].ment == 0 && (st.toks[j].fl&fAuxAdverbs != 0 || isAdverb(st.toks[j].w)) {
		j--
	}
	subj := st.words(st.collectLeft(j))
	if len(subj) == 0 || len(subj) > 4 || allWeak(subj) {
		return nil
	}
	return subj
}
