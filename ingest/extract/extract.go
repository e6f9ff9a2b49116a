package extract

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/almanacdb/almanac/ingest/document"
	"github.com/almanacdb/almanac/ingest/recognize"
	"github.com/almanacdb/almanac/ingest/resolve"
	"github.com/almanacdb/almanac/store"
)

// Options configure Extract.
type Options struct {
	// Published is the publication date to use when the article has none.
	// Relative years ("last year", "this year") resolve against the
	// article's date, or this one. With neither, only facts whose year the
	// text states are kept, and Result has a warning.
	Published time.Time
	// Lookup resolves entity names; nil means resolve.Builtin().
	Lookup resolve.Lookup
	// Cancel, if set, is called between sentences and between the
	// recognisers' passes over the text; once it returns true, Extract
	// stops and returns an empty Result, which the caller (who asked to
	// stop) discards. It lets a huge document be abandoned mid-way.
	Cancel func() bool
}

// Result is what Extract found in an article.
type Result struct {
	// Facts in text order. ID and Doc are zero; every fact passes
	// Validate for the article's text.
	Facts []store.Fact
	// Warnings describe what was skipped and why, for the user. They do
	// not name the article: the caller knows which one it passed.
	Warnings []string
	// Aliases maps each entity of Facts to the other names the article
	// (headline or body) calls it by, in order of first use: "Harbin New
	// Zone" for Harbin New Area. References ("the city", "it") and the
	// name with only a generic word added ("Harbin city") are left out.
	// Nil when there are none.
	Aliases map[string][]string
}

// Extract finds the facts of the article's body (a.Body; headline and
// teasers are left out). It never panics: an internal failure is reported
// as a warning and the facts found so far are returned.
func Extract(a document.Article, opt Options) (res Result) {
	defer func() {
		if r := recover(); r != nil {
			res.Warnings = append(res.Warnings, fmt.Sprintf("extraction stopped early: internal error: %v", r))
		}
	}()
	x := newExtractor(a, opt)
	if x == nil || x.cancelled() {
		return Result{}
	}
	x.run()
	if x.cancelled() {
		return Result{}
	}
	facts := x.final()
	return Result{Facts: facts, Warnings: x.warnings, Aliases: x.aliases(facts)}
}

type timeExpr struct {
	start, end int
	year       int    // 0: none
	period     string // "": none
	base       bool   // a comparison base ("on 2019", "from the same period of 2022")
	since      bool   // "since 2012"
	present    bool   // "currently", "now", "at present"
	owner      int    // quantity index it is attached to, -1 if none
	fromSide   bool   // attached to the "from" figure of "from X to Y"
	explicit   bool   // a year written out or a relative year phrase
	deadline   bool   // "by 2025"
}

type factInfo struct {
	f      store.Fact
	sent   int
	qi     int
	np     []string // metric words before any suffix
	head   []string // np before its first preposition
	extra  []string // words of the subject added to an "in X" breakdown
	growth bool
	verbAt int // token index of the verb, -1
	from   bool
}

type extractor struct {
	a       document.Article
	text    string
	lower   string // text with ASCII capitals lowered
	pub     time.Time
	lookup  resolve.Lookup
	cancel  func() bool
	qs      []recognize.Quantity
	ms      []resolve.Mention
	titleMs []resolve.Mention
	ents    []resolve.Entity
	years   []recognize.Span
	periods []recognize.Span
	tracker resolve.Tracker
	topic   resolve.Entity

	// Buffers reused from sentence to sentence.
	tokBuf    []tok
	exprBuf   []timeExpr
	clauseBuf []int
	qIdx      []int
	mIdx      []int
	excluded  []bool // by mention: not a candidate subject (mentions are in one sentence each)
	nextQ     int    // first quantity not before the current sentence
	nextM     int    // first mention not before the current sentence
	nextY     int    // first year not before the current sentence
	nextP     int    // first period not before the current sentence

	ctxYear   int
	planYear  int // a future year named by a plan, for the plans after it
	ctxPeriod string
	lastPara  int
	facts     []factInfo
	warnings  []string
	noYear    int
}

func newExtractor(a document.Article, opt Options) *extractor {
	if a.Body.Start < 0 || a.Body.End > len(a.Text) || a.Body.Start > a.Body.End {
		return nil
	}
	x := &extractor{a: a, text: a.Text, lower: asciiLower(a.Text), pub: a.Published, lookup: opt.Lookup, cancel: opt.Cancel, lastPara: -1}
	if x.pub.IsZero() {
		x.pub = opt.Published
	}
	if x.lookup == nil {
		x.lookup = resolve.Builtin()
	}
	body := a.Text[a.Body.Start:a.Body.End]
	off := a.Body.Start
	// The recognisers' slices are ours: shift their offsets in place.
	x.qs = recognize.Quantities(body)
	if x.cancelled() {
		return x
	}
	for i := range x.qs {
		q := &x.qs[i]
		q.Start += off
		q.End += off
		q.NumStart += off
		q.NumEnd += off
		q.QualStart += off
		if q.Range {
			q.LoStart += off
			q.LoEnd += off
		}
	}
	x.ms = resolve.Mentions(body, x.lookup)
	if x.cancelled() {
		return x
	}
	for i := range x.ms {
		x.ms[i].Start += off
		x.ms[i].End += off
	}
	x.ents = make([]resolve.Entity, len(x.ms))
	x.excluded = make([]bool, len(x.ms))
	x.years = recognize.Years(body)
	if x.cancelled() {
		return x
	}
	for i := range x.years {
		x.years[i].Start += off
		x.years[i].End += off
	}
	x.periods = recognize.Periods(body)
	for i := range x.periods {
		x.periods[i].Start += off
		x.periods[i].End += off
	}
	x.facts = make([]factInfo, 0, len(x.qs)+4)
	// The topic: the most specific entity of the headline, else the
	// first named in the body.
	best := resolve.Entity{}
	x.titleMs = resolve.Mentions(a.Title, x.lookup)
	for _, m := range x.titleMs {
		if !m.Ref && m.Entity.Level > best.Level {
			best = m.Entity
		}
	}
	if best.Name == "" {
		for _, m := range x.ms {
			if !m.Ref {
				best = m.Entity
				break
			}
		}
	}
	x.topic = best
	return x
}

// cancelled reports whether the caller asked Extract to stop.
func (x *extractor) cancelled() bool { return x.cancel != nil && x.cancel() }

func (x *extractor) run() {
	sents := splitSentences(x.text, x.a.Body.Start, x.a.Body.End)
	for si, s := range sents {
		if x.cancelled() {
			return
		}
		x.sentence(si, s)
	}
	if x.noYear > 0 {
		x.warnings = append(x.warnings, fmt.Sprintf("no publication date: %d figures without a stated year were skipped", x.noYear))
	}
}

// stripDateline skips a "HARBIN, March 3 (Xinhua) --" dateline.
func stripDateline(text string, s, e int) int {
	seg := text[s:min(e, s+80)]
	i := strings.Index(seg, ") --")
	n := 4
	if i < 0 {
		i = strings.Index(seg, ") \u2014")
		n = 2 + len("\u2014")
	}
	if i < 0 {
		return s
	}
	k := strings.IndexByte(seg, ',')
	if k <= 0 || strings.ToUpper(seg[:k]) != seg[:k] || !strings.Contains(seg[:i], "(") {
		return s
	}
	return s + i + n
}

func (x *extractor) sentence(si int, s sentence) {
	start := stripDateline(x.text, s.start, s.end)
	// Quantities and mentions are in text order, and so are sentences.
	qIdx, mIdx := x.qIdx[:0], x.mIdx[:0]
	for x.nextQ < len(x.qs) && x.qs[x.nextQ].Start < start {
		x.nextQ++
	}
	for i := x.nextQ; i < len(x.qs) && x.qs[i].Start < s.end; i++ {
		if x.qs[i].End <= s.end {
			qIdx = append(qIdx, i)
		}
	}
	for x.nextM < len(x.ms) && x.ms[x.nextM].Start < start {
		x.nextM++
	}
	for i := x.nextM; i < len(x.ms) && x.ms[i].Start < s.end; i++ {
		if m := x.ms[i]; m.End <= s.end && !x.inQuantity(m.Start, qIdx) {
			mIdx = append(mIdx, i)
		}
	}
	x.qIdx, x.mIdx = qIdx, mIdx
	toks := tokenize(x.tokBuf[:0], x.text, x.lower, start, s.end, x.qs, qIdx, x.ms, mIdx)
	x.tokBuf = toks
	st := &sentState{x: x, si: si, s: s, toks: toks, start: start, excluded: x.excluded, mIdx: mIdx, exprs: x.exprBuf[:0]}
	st.resolveMentions(mIdx)
	st.timeExprs()
	if len(qIdx) > 0 {
		st.clauses() // only figures need them
	}
	if x.lastPara != s.para {
		st.newPara = true
	}
	x.lastPara = s.para
	for ti, t := range toks {
		if t.kind == 'q' {
			st.quantity(ti)
		}
	}
	st.updateContext()
	x.exprBuf = st.exprs
}

// inQuantity reports whether offset off is inside one of the quantities
// ("about 7.2 billion U.S. dollars" names no place).
func (x *extractor) inQuantity(off int, qIdx []int) bool {
	for _, i := range qIdx {
		if x.qs[i].Start <= off && off < x.qs[i].End {
			return true
		}
	}
	return false
}

// final orders the facts, drops restatements and validates them.
func (x *extractor) final() []store.Fact {
	out := make([]store.Fact, 0, len(x.facts))
	kept := make([]int, 0, len(x.facts)) // indexes into x.facts of the facts kept
outer:
	for i := range x.facts {
		fi := &x.facts[i]
		f := &fi.f
		for _, k := range kept {
			o := &x.facts[k]
			if o.f.Entity != f.Entity || o.f.Unit != f.Unit || o.f.Value != f.Value || o.f.Year != f.Year {
				continue
			}
			if o.f.Metric == f.Metric {
				continue outer // the same fact twice
			}
			if o.f.Period == f.Period && o.sent != fi.sent && shareWord(o.f.Metric, f.Metric) {
				continue outer // the same figure restated in a later sentence
			}
		}
		kept = append(kept, i)
		if err := f.Validate(len(x.text)); err != nil {
			x.warnings = append(x.warnings, fmt.Sprintf("dropped a fact: %v", err))
			continue
		}
		out = append(out, *f)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}

// aliases collects the surface names of the facts' entities that differ
// from their canonical names.
func (x *extractor) aliases(facts []store.Fact) map[string][]string {
	var out map[string][]string
	add := func(text string, m resolve.Mention) {
		if m.Ref || m.Entity.Name == "" {
			return
		}
		name := m.Entity.Name
		if text[m.Start:m.End] == name {
			return
		}
		used := false
		for i := range facts {
			if facts[i].Entity == name {
				used = true
				break
			}
		}
		if !used {
			return
		}
		surface := strings.Join(strings.Fields(strings.ReplaceAll(text[m.Start:m.End], "\u00a0", " ")), " ")
		if !isAlias(surface, name) {
			return
		}
		for _, s := range out[name] {
			if strings.EqualFold(s, surface) {
				return
			}
		}
		if out == nil {
			out = make(map[string][]string)
		}
		out[name] = append(out[name], surface)
	}
	for _, m := range x.titleMs {
		add(x.a.Title, m)
	}
	for _, m := range x.ms {
		add(x.text, m)
	}
	return out
}

// isAlias reports whether surface is another name for canonical, not the
// same name in other case or with a generic word added ("Harbin city",
// "Heilongjiang Province").
func isAlias(surface, canonical string) bool {
	s, c := resolve.Normalize(surface), resolve.Normalize(canonical)
	if s == c || s == "" {
		return false
	}
	for _, g := range []string{" city", " province", " county", " district", " municipality", " prefecture"} {
		if strings.TrimSuffix(s, g) == c || strings.TrimSuffix(c, g) == s {
			return false
		}
	}
	return true
}

// shareWord reports whether two metrics share a content word.
func shareWord(a, b string) bool {
	for a != "" {
		w := a
		if i := strings.IndexByte(a, '_'); i >= 0 {
			w, a = a[:i], a[i+1:]
		} else {
			a = ""
		}
		switch w {
		case "growth", "of", "and", "total", "new", "in", "the", "share", "annual":
			continue
		}
		for r := b; r != ""; {
			v := r
			if i := strings.IndexByte(r, '_'); i >= 0 {
				v, r = r[:i], r[i+1:]
			} else {
				r = ""
			}
			if v == w {
				return true
			}
		}
	}
	return false
}
