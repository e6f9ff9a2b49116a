package extract

import (
	"strings"
	"time"

	"github.com/almanacdb/almanac/ingest/recognize"
	"github.com/almanacdb/almanac/ingest/resolve"
	"github.com/almanacdb/almanac/store"
)

// sentState is the working state of one sentence.
type sentState struct {
	x       *extractor
	si      int
	s       sentence
	start   int
	toks    []tok
	newPara bool

	excluded []bool // by mention index: not a candidate subject
	mIdx     []int  // the sentence's mentions
	exprs    []timeExpr
	clause   []int          // clause number of each token
	coord    []bool         // by clause number: it starts with "and" and a figure
	status   []store.Status // by clause number: its status + 1, 0 if not yet known
	subject  resolve.Entity
	facts    []int // indexes into x.facts

	pendingExtra []string
}

// tokAt returns the index of the token containing offset off, else of
// the first token after it, or -1.
func (st *sentState) tokAt(off int) int {
	lo, hi := 0, len(st.toks)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if st.toks[m].end <= off {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo == len(st.toks) {
		return -1
	}
	return lo
}

func (st *sentState) word(i int) string {
	if i < 0 || i >= len(st.toks) {
		return ""
	}
	return st.toks[i].w
}

// resolveMentions resolves the sentence's mentions in order and marks
// those that cannot be the subject of a figure.
func (st *sentState) resolveMentions(mIdx []int) {
	x := st.x
	var firstName resolve.Entity
	for _, mi := range mIdx {
		m := x.ms[mi]
		var e resolve.Entity
		var ok bool
		if m.Ref && m.Entity.Level == 0 && firstName.Name != "" {
			e, ok = firstName, true
		} else {
			e, ok = x.tracker.Resolve(m)
		}
		if !ok {
			st.excluded[mi] = true
			continue
		}
		x.ents[mi] = e
		ti := st.tokAt(m.Start)
		if ti < 0 {
			continue
		}
		if st.excludedAt(ti, m) || m.Ref && ti > 0 && (st.toks[ti-1].w == "where" || st.toks[ti-1].w == "which" || st.toks[ti-1].w == "whose") {
			// "Songbei District, where the area is located, has": a
			// reference in a relative clause is not the subject.
			st.excluded[mi] = true
		} else if firstName.Name == "" && !m.Ref {
			firstName = e
		}
		if !m.Ref && (!st.excluded[mi] || !x.tracker.Has(e.Level)) {
			// A place named only in passing ("a district of Dalian",
			// "exports to Russia") is not what "the city" refers to
			// later, unless nothing else is.
			x.tracker.Observe(e)
		}
	}
}

// excludedAt reports whether the mention at token ti is in a position
// that makes it not the figure's subject: after from, to, with, outside,
// between, than, among ("exports to Russia", "projects from cities outside
// Heilongjiang"); in an appositive ("capital of Heilongjiang"); or a
// possessive that only locates the place after it ("Northeast China's
// Heilongjiang province").
func (st *sentState) excludedAt(ti int, m resolve.Mention) bool {
	for k, n := ti-1, 0; k >= 0 && n < 6; k-- {
		t := st.toks[k]
		if t.kind != 'w' {
			break
		}
		if isVerbInNP(t.w) {
			break
		}
		switch t.w {
		case "from":
			// "exports from Jixi": the origin is the subject.
			if k > 0 && st.toks[k-1].fl&fOriginNouns != 0 {
				break
			}
			return true
		case "to", "with", "outside", "between", "than", "among", "including", "linking",
			"like", "beyond", "into", "towards", "toward", "via", "against", "versus", "except", "besides":
			return true
		case "capital", "part", "city", "province", "region", "county", "district", "zone", "area", "town", "village":
			if k+1 < ti && (st.toks[k+1].w == "of" || st.toks[k+1].w == "in") {
				return true
			}
		case "in":
			// "the biggest grain producer in China", "a county in China".
			if k > 0 && st.toks[k-1].kind == 'w' && (strings.HasSuffix(st.toks[k-1].w, "est") || st.toks[k-1].w == "oilfield" || st.toks[k-1].w == "city" || st.toks[k-1].w == "province" || st.toks[k-1].w == "zone" || st.toks[k-1].w == "county" || st.toks[k-1].w == "district") {
				return true
			}
		}
		if t.ment != 0 {
			break
		}
		n++
	}
	// A possessive that locates the next place: "China's northernmost
	// Mohe county", "China's northernmost county of Mohe".
	if m.Possessive {
		for k := st.tokAt(m.End); k >= 0 && k < len(st.toks) && k <= ti+6; k++ {
			t := st.toks[k]
			if t.start < m.End {
				continue
			}
			if t.kind != 'w' {
				break
			}
			if t.ment != 0 {
				return true
			}
			if t.fl&fLocational == 0 {
				break
			}
		}
	}
	return false
}

// originNouns before "from" make the place after it the figure's own
// ("exports from Jixi"), not a partner.
var originNouns = set("exports", "export", "shipments", "outbound")

// locational words may stand between a possessive place and the place it
// locates.
var locational = set("northernmost", "southernmost", "easternmost", "westernmost", "northeast",
	"northeastern", "northwest", "northwestern", "southeast", "southeastern", "southwest",
	"southwestern", "northern", "southern", "eastern", "western", "central", "coastal", "border",
	"inland", "frontier", "province", "city", "county", "region", "of", "capital")

// timeExprs collects the sentence's years, periods and relative years.
func (st *sentState) timeExprs() {
	x := st.x
	toks := st.toks
	end := st.s.end
	for x.nextY < len(x.years) && x.years[x.nextY].Start < st.start {
		x.nextY++
	}
	for _, y := range x.years[x.nextY:] {
		if y.Start >= end {
			break
		}
		if y.End > end {
			continue
		}
		if st.yearInName(y.Start, y.End) {
			continue
		}
		e := timeExpr{start: y.Start, end: y.End, year: int(y.Value), owner: -1, explicit: true}
		if y.Kind == recognize.YearRange {
			if int(y.Value-y.Lo) == 1 && st.seasonNear(y.Start, y.End) {
				e.period = "season"
			}
		}
		st.exprs = append(st.exprs, e)
	}
	for x.nextP < len(x.periods) && x.periods[x.nextP].Start < st.start {
		x.nextP++
	}
	for _, p := range x.periods[x.nextP:] {
		if p.Start >= end {
			break
		}
		if p.End > end {
			continue
		}
		st.exprs = append(st.exprs, timeExpr{start: p.Start, end: p.End, period: p.Label, owner: -1})
	}
	pub := x.pub
	if pub.IsZero() {
		// Without a date a relative year cannot be resolved: mark the
		// clause so its figures are dropped rather than misdated.
		pub = unknownPub
	}
	for i := 0; i < len(toks); i++ {
		w := toks[i].w
		next := st.word(i + 1)
		var e timeExpr
		e.owner = -1
		switch {
		case (w == "this" || w == "current") && next == "year":
			e = timeExpr{start: toks[i].start, end: toks[i+1].end, year: yearOf(pub), owner: -1, explicit: true}
		case w == "last" && next == "year":
			e = timeExpr{start: toks[i].start, end: toks[i+1].end, year: yearOf(pub) - 1, owner: -1, explicit: true}
			if toks[i+1].poss {
				e.base = true
			}
		case (w == "this" || w == "the" && st.word(i-1) != "of") && (next == "season" || next == "winter") && !pub.IsZero():
			// "this season", "this winter": the season that spans the
			// turn of the year, named by its last year.
			y := yearOf(pub)
			if pub.Month() > 6 && pub != unknownPub {
				y++
			}
			e = timeExpr{start: toks[i].start, end: toks[i+1].end, year: y, period: "season", owner: -1, explicit: true}
		case w == "next" && next == "year":
			e = timeExpr{start: toks[i].start, end: toks[i+1].end, year: yearOf(pub) + 1, owner: -1, explicit: true}
		case w == "year" && (st.word(i-1) == "a" || st.word(i-1) == "previous" || st.word(i-1) == "prior") &&
			(next == "earlier" || next == "ago" || next == "before" || st.word(i-1) != "a"):
			e = timeExpr{start: toks[i].start, end: toks[i].end, base: true, owner: -1}
		case w == "currently" || w == "now" || (w == "present" && st.word(i-1) == "at") || (w == "far" && st.word(i-1) == "so") || (w == "date" && st.word(i-1) == "to"):
			e = timeExpr{start: toks[i].start, end: toks[i].end, year: yearOf(pub), present: true, owner: -1}
		default:
			continue
		}
		if e.year == 0 && !e.base {
			continue
		}
		st.exprs = append(st.exprs, e)
	}
	sortExprs(st.exprs)
	// Comparison bases, "since", merging "the first quarter of 2020".
	for i := range st.exprs {
		e := &st.exprs[i]
		ti := st.tokAt(e.start)
		if ti < 0 {
			continue
		}
		// The word before the expression, skipping "the", "in", "of",
		// "same period": "on 2019", "than in 2019", "from the same
		// period of 2022", "since 2012".
		k := ti - 1
		for k >= 0 && toks[k].kind == 'w' && (toks[k].w == "the" || toks[k].w == "in" || toks[k].w == "of" ||
			toks[k].w == "same" || toks[k].w == "period" || toks[k].w == "level" || toks[k].w == "with" && st.word(k-1) == "compared") {
			if toks[k].w == "period" && st.word(k-1) == "same" {
				e.base = true
			}
			k--
		}
		if k >= 0 && toks[k].kind == 'w' {
			switch toks[k].w {
			case "on", "than", "compared", "against", "versus", "vs":
				e.base = true
			case "from":
				// "from the same period", but not "from January to October".
				e.base = e.year != 0 || e.period == ""
			case "by":
				if e.year != 0 && e.year > yearOf(pub) {
					e.deadline = true // "by 2025": a target, not the context
				}
			case "over":
				// "over 2019" is a base; "over the past five years" and
				// "over the holiday" are not.
				e.base = e.year != 0 && (st.word(k+1) != "the" || st.word(k+2) != "past")
			case "since":
				e.since = true
			}
		}
		// "Since its founding in March 2009".
		for m, n := k, 0; m >= 0 && n < 6 && toks[m].kind == 'w' && !e.since; m, n = m-1, n+1 {
			if toks[m].w == "since" {
				e.since = true
			}
		}
		if ti > 0 && toks[ti].start == e.start && e.year == 0 && e.period != "" {
			// "the first quarter of 2020": the year takes the period.
			for j := i + 1; j < len(st.exprs); j++ {
				f := &st.exprs[j]
				if f.year == 0 {
					continue
				}
				between := strings.ToLower(strings.TrimSpace(x.text[e.end:min(f.start, len(x.text))]))
				if f.start >= e.end && (between == "of" || between == "in" || between == "of the" || between == "," || between == "") {
					f.period = e.period
					e.period = ""
					e.base = true // consumed
				}
				break
			}
		}
	}
	// Attach a year to the figure right before it: "310 in 2021",
	// "8.7 billion yuan last year", "2.46 billion yuan in the third quarter".
	for i := range st.exprs {
		e := &st.exprs[i]
		if e.base || e.since {
			continue
		}
		ti := st.tokAt(e.start)
		k := ti - 1
		for n := 0; k >= 0 && n < 4; k, n = k-1, n+1 {
			w := toks[k].w
			if toks[k].kind == 'q' {
				break
			}
			if w != "in" && w != "the" && w != "of" && w != "whole" && w != "for" && w != "during" {
				k = -1
				break
			}
		}
		if k >= 0 && toks[k].kind == 'q' {
			e.owner = toks[k].q
			e.fromSide = st.word(k-1) == "from"
		}
	}
}

func yearOf(t interface{ Year() int }) int { return t.Year() }

// unknownPub stands for a missing publication date: the years it yields
// are far out of the fact range and are refused by timeFor.
var unknownPub = time.Date(3, 1, 1, 0, 0, 0, 0, time.UTC)

func sortExprs(es []timeExpr) {
	for i := 1; i < len(es); i++ {
		for j := i; j > 0 && es[j].start < es[j-1].start; j-- {
			es[j], es[j-1] = es[j-1], es[j]
		}
	}
}

// yearInName reports a year that is part of a name: "the 2024 Winter
// Travel Report", "the 2019 Global Rail Expo".
func (st *sentState) yearInName(s, e int) bool {
	ti := st.tokAt(s)
	if ti < 0 {
		return false
	}
	next := -1
	for k := ti; k < len(st.toks); k++ {
		if st.toks[k].start >= e {
			next = k
			break
		}
	}
	if next < 0 || !st.toks[next].cap || st.toks[next].kind != 'w' || st.toks[next].ment != 0 {
		return false
	}
	p := st.word(ti - 1)
	return p == "the" || p == "a" || p == "its" || p == "their" || ti > 0 && st.toks[ti-1].cap && flagsOf(p)&fOpeners == 0
}

// seasonNear reports whether a year range is a season: "the 2023-2024 ice
// and snow season", "2023-2024 winter".
func (st *sentState) seasonNear(s, e int) bool {
	lo := max(st.start, s-60)
	hi := min(st.s.end, e+60)
	seg := strings.ToLower(st.x.text[lo:hi])
	for _, w := range []string{"season", "winter", "ice and snow", "ice-and-snow", "snow", "ski"} {
		if strings.Contains(seg, w) {
			return true
		}
	}
	return false
}

// clauses numbers the clauses of the sentence: they break at ";", at
// "while" and "whereas", at ", and" / ", but", and at "and" before a figure.
func (st *sentState) clauses() {
	st.clause = append(st.x.clauseBuf[:0], make([]int, len(st.toks))...)
	st.x.clauseBuf = st.clause
	st.coord = append(st.coord[:0], false)
	c := 0
	for i, t := range st.toks {
		switch {
		case t.w == ";":
			c++
		case t.kind == 'w' && (t.w == "while" || t.w == "whereas"):
			c++
		case t.kind == 'w' && (t.w == "and" || t.w == "but") && i > 0 && st.toks[i-1].w == ",":
			c++
		case t.kind == 'w' && t.w == "and" && i+1 < len(st.toks) && st.toks[i+1].kind == 'q':
			c++
			st.coord = append(st.coord, i > 0 && st.toks[i-1].w != ",")
		}
		for len(st.coord) <= c {
			st.coord = append(st.coord, false)
		}
		st.clause[i] = c
	}
}

// updateContext carries the sentence's year and period to the next ones.
func (st *sentState) updateContext() {
	x := st.x
	var last *timeExpr
	for i := range st.exprs {
		e := &st.exprs[i]
		if e.base || e.since || e.fromSide || e.period == "span" && !st.x.stretch(e) || e.present || e.deadline {
			continue
		}
		if e.year == 0 && e.period == "" {
			continue
		}
		last = e
	}
	if last != nil {
		if last.year != 0 && !x.pub.IsZero() && last.year > yearOf(x.pub) && st.clause != nil && st.tokAt(last.start) >= 0 && st.statusFor(st.tokAt(last.start)) == store.Plan {
			// "a target of 36,000 yuan in 2025": the year of plans that
			// follow, not of what is reported next.
			x.planYear = last.year
		} else if last.year != 0 {
			x.ctxYear = last.year
			x.ctxPeriod = last.period
			x.planYear = 0
		} else {
			x.ctxPeriod = last.period
		}
	}
	if st.subject.Name != "" {
		x.tracker.SetSubject(st.subject)
	} else {
		for _, mi := range st.mIdx {
			if !st.excluded[mi] && x.ents[mi].Name != "" {
				x.tracker.SetSubject(x.ents[mi])
				break
			}
		}
	}
}

// entityFor chooses the entity of the figure at token ti: the most
// specific candidate mention of its clause before it, else of the
// sentence before it, else "by X" after it, else the running subject of
// the paragraph, else the article's topic.
func (st *sentState) entityFor(ti int) resolve.Entity {
	x := st.x
	qStart := st.toks[ti].start
	// Clause start for the subject: after "that", ";" or ":".
	cs := 0
	for k := ti - 1; k >= 0; k-- {
		w := st.toks[k].w
		if w == "that" || w == ";" || w == ":" {
			cs = k + 1
			break
		}
	}
	pick := func(lo, hi int, needBy bool) resolve.Entity {
		var best resolve.Entity
		bestRef, bestInClause := false, false
		for _, mi := range st.mIdx {
			m := x.ms[mi]
			if m.Start < st.toks[lo].start || m.Start >= hi || st.excluded[mi] || x.ents[mi].Name == "" {
				continue
			}
			if needBy {
				k := st.tokAt(m.Start)
				if w := st.word(k - 1); w != "by" && !(w == "in" && st.existential()) {
					continue
				}
			}
			e := x.ents[mi]
			mk := st.tokAt(m.Start)
			inClause := st.clause != nil && mk >= 0 && st.clause[mk] == st.clause[ti]
			if e.Level > best.Level || e.Level == best.Level && (bestRef && !m.Ref || inClause && !bestInClause && e.Name != best.Name) {
				// "Its neighbor Tangyuan County attracted": a name
				// beats a reference of its level; "A County had 5 farms,
				// and B County 7": the place of the figure's own clause
				// beats one of an earlier clause.
				best, bestRef, bestInClause = e, m.Ref, inClause
			}
		}
		return best
	}
	if cs < ti {
		if e := pick(cs, qStart, false); e.Name != "" {
			return e
		}
	}
	if e := pick(0, qStart, false); e.Name != "" {
		return e
	}
	// "41 deals were signed by Mudanjiang", "there were 75 farms in
	// Acheng District".
	end := st.s.end
	for k := ti + 1; k < len(st.toks); k++ {
		if st.clause[k] != st.clause[ti] {
			end = st.toks[k].start
			break
		}
	}
	if ti+1 < len(st.toks) {
		if e := pick(ti+1, end, true); e.Name != "" {
			return e
		}
	}
	if !st.newPara || x.topic.Name == "" {
		if e := x.tracker.Subject(); e.Name != "" {
			return e
		}
	}
	if x.topic.Name != "" {
		return x.topic
	}
	return x.tracker.Subject()
}

// existential reports a "there is/are/was/were" sentence.
func (st *sentState) existential() bool {
	for i, t := range st.toks {
		if t.w == "there" {
			switch st.word(i + 1) {
			case "is", "are", "was", "were", "have", "has":
				return true
			}
		}
	}
	return false
}

// timeFor returns the year and period of the figure at token ti.
func (st *sentState) timeFor(ti int) (year int, period string, ok bool) {
	q := st.toks[ti].q
	cl := st.clause[ti]
	var owned, before, after, present, since *timeExpr
	var spanP, clausePeriod, otherPeriod *timeExpr
	for i := range st.exprs {
		e := &st.exprs[i]
		if e.base {
			continue
		}
		et := st.tokAt(e.start)
		sameClause := et >= 0 && st.clause[et] == cl
		if e.period == "span" {
			if sameClause {
				spanP = e
			}
			continue
		}
		if e.since {
			if sameClause {
				since = e
			}
			continue
		}
		if e.present {
			if sameClause {
				present = e
			}
			continue
		}
		if e.owner == q {
			owned = e
			continue
		}
		if e.owner >= 0 {
			if sameClause && e.year == 0 && e.period != "" && !e.fromSide && otherPeriod == nil {
				// "reach 4.36 billion yuan in January-May, up 28.3
				// percent": the period of the clause's other figure.
				otherPeriod = e
			}
			continue
		}
		if e.year == 0 {
			if sameClause && e.period != "" {
				clausePeriod = e
			}
			continue
		}
		if !sameClause {
			continue
		}
		if e.start < st.toks[ti].start {
			before = e
		} else if after == nil {
			after = e
		}
	}
	var chosen *timeExpr
	switch {
	case owned != nil && owned.year != 0:
		chosen = owned
	case before != nil:
		chosen = before
	case after != nil:
		chosen = after
	}
	if chosen == nil && present == nil {
		// The year of another figure of the clause: "profits grew 25
		// percent year on year to 87 million yuan in 2024".
		for i := range st.exprs {
			e := &st.exprs[i]
			if e.owner >= 0 && e.owner != q && !e.fromSide && !e.base && e.year != 0 && st.clause[st.tokAt(e.start)] == cl {
				chosen = e
				break
			}
		}
	}
	if chosen == nil && present == nil {
		// A year set in an earlier clause of the sentence: "Last year,
		// Harbin introduced ..., and their total value was ...".
		for i := range st.exprs {
			e := &st.exprs[i]
			if e.base || e.since || e.present || e.year == 0 || e.fromSide || e.start >= st.toks[ti].start {
				continue
			}
			if e.owner >= 0 && e.owner != q && st.clause[st.tokAt(e.start)] != cl {
				continue
			}
			chosen = e
		}
	}
	if chosen == nil && present == nil {
		// The year of a figure coordinated after this one: "received 8.6
		// million visits and 2.1 million overnight stays in 2021".
		for i := range st.exprs {
			e := &st.exprs[i]
			if e.owner == q || e.fromSide || e.base || e.since || e.present || e.year == 0 || e.start < st.toks[ti].end {
				continue
			}
			c2 := st.clause[st.tokAt(e.start)]
			if c2 <= cl {
				continue
			}
			ok := true
			for c := cl + 1; c <= c2; c++ {
				ok = ok && st.coord[c]
			}
			if ok {
				chosen = e
			}
			break
		}
	}
	if chosen == nil && present == nil {
		// "The city now has 56 firms, and its reserves stand at": the
		// present of an earlier clause, when this one names no year.
		for i := range st.exprs {
			e := &st.exprs[i]
			if e.present && e.start < st.toks[ti].start {
				present = e
			}
		}
	}
	if chosen == nil && present == nil {
		// "revenue of 4.7 billion yuan in 2020, while coal output fell
		// to 13.2 million tonnes": the year of an earlier clause's figure.
		for i := range st.exprs {
			e := &st.exprs[i]
			if e.owner >= 0 && e.owner != q && !e.fromSide && !e.base && !e.since && e.year != 0 && e.start < st.toks[ti].start {
				chosen = e
			}
		}
	}
	if owned != nil && owned.year == 0 && owned.period != "" {
		clausePeriod = owned
	}
	if clausePeriod == nil && owned == nil && otherPeriod != nil {
		clausePeriod = otherPeriod
	}
	switch {
	case chosen != nil:
		year, period = chosen.year, chosen.period
	case present != nil:
		if st.x.pub.IsZero() {
			// "now" without a publication date: the year is unknown, not
			// the running one.
			return 0, "", false
		}
		year, period = present.year, ""
	case since != nil && st.hasPerfect(cl) && !st.x.pub.IsZero():
		year = yearOf(st.x.pub)
	case st.x.planYear != 0 && st.statusFor(ti) == store.Plan:
		year, period = st.x.planYear, ""
	case st.x.ctxYear != 0:
		year, period = st.x.ctxYear, st.x.ctxPeriod
		if period != "span" && st.stockVerb(ti) {
			// "The zone is home to 1,200 firms" in a report on the
			// first five months: a stock now, not a flow of the period.
			period = ""
		}
	case !st.x.pub.IsZero():
		year, period = yearOf(st.x.pub), st.x.ctxPeriod
		if period != "span" && st.stockVerb(ti) {
			period = ""
		}
	default:
		return 0, "", false
	}
	if clausePeriod == nil && spanP == nil {
		// "During the New Year holiday, A rose, and B reached ...": a
		// period in the sentence's opening phrase covers all its clauses.
		if e := st.openerPeriod(); e != nil {
			if e.period == "span" {
				spanP = e
			} else if chosen == nil || chosen.period == "" {
				clausePeriod = e
			}
		}
	}
	if clausePeriod != nil {
		period = clausePeriod.period
	}
	if spanP != nil {
		period = "span"
	}
	if period == "" {
		period = "year"
	}
	if year < store.MinYear || year > store.MaxYear {
		return 0, "", false
	}
	return year, period, true
}

// openerPeriod returns the period named in the sentence's opening
// adverbial ("In the first half, ...", "During the holiday, ..."), if any.
func (st *sentState) openerPeriod() *timeExpr {
	if len(st.toks) == 0 || st.toks[0].fl&fOpeners == 0 {
		return nil
	}
	end := -1
	for k, t := range st.toks {
		if t.w == "," {
			end = t.start
			break
		}
		if k > 12 {
			break
		}
	}
	for i := range st.exprs {
		e := &st.exprs[i]
		if e.start < end && !e.base && e.period != "" && e.owner < 0 {
			return e
		}
	}
	return nil
}

func (st *sentState) hasPerfect(cl int) bool {
	for i, t := range st.toks {
		if st.clause[i] == cl && (t.w == "has" || t.w == "have") {
			return true
		}
	}
	return false
}

// statusFor returns Plan when the figure's clause speaks of a plan,
// target or forecast.
func (st *sentState) statusFor(ti int) store.Status {
	cl := st.clause[ti]
	if cl < len(st.status) && st.status[cl] != 0 {
		return st.status[cl] - 1
	}
	s := st.clauseStatus(cl)
	for len(st.status) <= cl {
		st.status = append(st.status, 0)
	}
	st.status[cl] = s + 1
	return s
}

func (st *sentState) clauseStatus(cl int) store.Status {
	for i, t := range st.toks {
		if st.clause[i] != cl || t.kind != 'w' {
			continue
		}
		if t.fl&fPlanWords != 0 {
			// "planned" after a figure belongs to it; before, anywhere.
			return store.Plan
		}
		if t.w == "target" && (st.word(i-1) == "a" || st.word(i-1) == "its") && st.word(i+1) == "of" {
			return store.Plan
		}
		if (t.w == "is" || t.w == "are") && st.word(i+1) == "to" {
			return store.Plan
		}
		if t.w == "to" && st.word(i+1) == "be" && i > 0 && (st.toks[i-1].w == "is" || st.toks[i-1].w == "are" || st.toks[i-1].kind == 'q') {
			return store.Plan
		}
		if t.w == "by" && i+1 < len(st.toks) {
			// "by 2025": a deadline.
			for _, e := range st.exprs {
				if e.start == st.toks[i+1].start && e.year > yearOf(st.x.pub) && !st.x.pub.IsZero() {
					return store.Plan
				}
			}
		}
	}
	return store.Actual
}

func qualifierOf(s string) store.Qualifier {
	switch s {
	case "approx":
		return store.Approx
	case "min":
		return store.Min
	case "max":
		return store.Max
	}
	return store.Exact
}

// stretch reports whether a span names a stretch of days the next
// sentences go on reporting ("the holiday", "the golden week"), unlike
// the distributive "a day".
func (x *extractor) stretch(e *timeExpr) bool {
	w := x.lower[e.start:e.end]
	return strings.HasPrefix(w, "holiday") || strings.HasPrefix(w, "golden")
}

// stockVerb reports whether the figure at ti is the object of a present
// verb of having: "has 96 firms", "is home to 1,200 enterprises".
func (st *sentState) stockVerb(ti int) bool {
	j := ti - 1
	q := st.x.qs[st.toks[ti].q]
	for j >= 0 && st.toks[j].start >= q.QualStart {
		j--
	}
	switch st.word(j) {
	case "has", "have", "houses", "boasts", "hosts", "owns":
		return true
	case "to":
		return st.word(j-1) == "home" && (st.word(j-2) == "is" || st.word(j-2) == "are")
	}
	return false
}
