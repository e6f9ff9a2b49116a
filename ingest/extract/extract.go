package extract

import (
	"fmt"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/almanacdb/almanac/ingest/document"
	"github.com/almanacdb/almanac/ingest/nlp"
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
	// Model tags and parses the sentences; nil means nlp.Default().
	Model *nlp.Model
	// Trace asks for Result.Traces.
	Trace bool
	// Cancel, if set, is asked between sentences whether to stop; once it
	// returns true Extract returns at once with Result.Cancelled set and
	// no facts, which the caller (who asked to stop) discards. It lets a
	// huge document be abandoned mid-way.
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
	// Traces, with Options.Trace, say why each fact came out as it did:
	// Traces[i] is Facts[i]'s.
	Traces []Trace
	// Dropped, with Options.Trace, lists the numbers of the body that
	// became no fact, and why.
	Dropped []Dropped
	// Trees, with Options.Trace, are the dependency trees the rules read:
	// one for each sentence with figures, after the repairs.
	Trees []Tree
	// Cancelled is true when Options.Cancel stopped the extraction.
	Cancelled bool
}

// Tree is one sentence's tokens with their tags and dependency arcs as
// the fact rules saw them; Start and End span the sentence in the text.
type Tree struct {
	Start, End int
	Tokens     []nlp.Token
}

// Trace names the rules that decided each attribute of a fact. Every
// name is an entry of the attribute's rule table (entityRules,
// metricRules, yearRules, periodRules, statusRules, changeRules), so
// that a surprising fact leads to the rule behind it.
type Trace struct {
	Entity, Metric, Year, Period, Status, Change string
	// Detail adds what the rules saw: the words of the metric's phrase,
	// the mention the entity came from.
	Detail string
}

// Dropped is a number that became no fact: its span in the text and the
// rule or the missing attribute that kept it out.
type Dropped struct {
	Start, End int
	Reason     string
}

// Extract finds the facts of the article's body paragraphs (a.Paras, or
// a.Body when the article has none; headline and teasers are left out).
// It never panics: an internal failure is reported as a warning and the
// facts found so far are returned.
func Extract(a document.Article, opt Options) (res Result) {
	defer func() {
		if r := recover(); r != nil {
			res.Warnings = append(res.Warnings, fmt.Sprintf("extraction stopped early: internal error: %v (at %s)", r, panicSite()))
		}
	}()
	if a.Body.Start < 0 || a.Body.End > len(a.Text) || a.Body.Start > a.Body.End {
		return Result{}
	}
	m := opt.Model
	if m == nil {
		var err error
		if m, err = nlp.Default(); err != nil {
			return Result{Warnings: []string{fmt.Sprintf("no facts: %v", err)}}
		}
	}
	x := newExtractor(a, opt, m)
	defer x.release()
	paras := a.Paras
	if len(paras) == 0 && a.Body.End > a.Body.Start {
		paras = []document.Span{a.Body}
	}
	for i, p := range paras {
		if p.Start < a.Body.Start || p.End > a.Body.End || p.Start >= p.End {
			continue
		}
		if !x.paragraph(i, p) {
			return Result{Cancelled: true}
		}
	}
	x.tables()
	if x.noYear > 0 {
		x.warn("no publication date: %d figures without a stated year were skipped", x.noYear)
	}
	facts, traces := x.final()
	res = Result{Facts: facts, Warnings: x.warnings, Aliases: x.aliases(facts)}
	if opt.Trace {
		res.Traces = traces
		res.Dropped = x.dropped
		res.Trees = x.trees
	}
	return res
}

// panicSite names the function and line of this module where a
// recovered panic happened, for the bug report.
func panicSite() string {
	pc := make([]uintptr, 32)
	n := runtime.Callers(3, pc)
	frames := runtime.CallersFrames(pc[:n])
	for {
		fr, more := frames.Next()
		if strings.Contains(fr.Function, "almanacdb/almanac/") && !strings.Contains(fr.Function, "panicSite") {
			return fmt.Sprintf("%s:%d", filepath.Base(fr.File), fr.Line)
		}
		if !more {
			return "unknown"
		}
	}
}

// analyzers recycles the NLP buffers between articles.
var analyzers sync.Map // *nlp.Model -> *sync.Pool

func getAnalyzer(m *nlp.Model) *nlp.Analyzer {
	p, _ := analyzers.LoadOrStore(m, &sync.Pool{New: func() any { return m.NewAnalyzer() }})
	return p.(*sync.Pool).Get().(*nlp.Analyzer)
}

func putAnalyzer(m *nlp.Model, a *nlp.Analyzer) {
	if p, ok := analyzers.Load(m); ok {
		p.(*sync.Pool).Put(a)
	}
}

// extractor holds one article's extraction.
type extractor struct {
	a      document.Article
	text   string
	pub    time.Time
	lookup resolve.Lookup
	model  *nlp.Model
	an     *nlp.Analyzer
	cancel func() bool

	tracker resolve.Tracker
	topic   resolve.Entity
	place   resolve.Entity // the place the text is about now (a subject or owner)
	lead    resolve.Entity // the first named subject of the body's first three sentences
	// prevMeasure is what the latest sentence with a fact measured, when
	// its subject was that measure ("industrial investment hit ..."), for
	// an "it" or "its" in the next; prevMeasureSent numbers that sentence.
	prevMeasure     []string
	prevMeasureSent int
	sentNo          int
	// lastMeasure is the measure of the latest fact that was no change;
	// lastMeasureSent numbers its sentence.
	lastMeasure     []string
	lastMeasureSent int
	titleMs         []resolve.Mention
	allMs           []resolve.Mention // every mention of the body, for aliases

	ctx      context // year, period and status carried between sentences
	facts    []draft
	dropped  []Dropped
	trees    []Tree
	trace    bool
	warnings []string
	noYear   int

	toks  []nlp.Token
	spans []nlp.Span
}

// draft is a fact being made, with what the rules know of it.
type draft struct {
	f     store.Fact
	trace Trace
	sent  int // sentence number in the article
	words []string
}

func newExtractor(a document.Article, opt Options, m *nlp.Model) *extractor {
	x := &extractor{a: a, text: a.Text, pub: a.Published, lookup: opt.Lookup, model: m, cancel: opt.Cancel, trace: opt.Trace}
	if x.pub.IsZero() {
		x.pub = opt.Published
	}
	if x.lookup == nil {
		x.lookup = resolve.Builtin()
	}
	x.an = getAnalyzer(m)
	x.ctx.frame(x)
	// The topic: the most specific entity of the headline, else the
	// first named in the body.
	x.titleMs = resolve.Mentions(a.Title, x.lookup)
	for _, mt := range x.titleMs {
		if !mt.Ref && mt.Entity.Level > x.topic.Level {
			x.topic = mt.Entity
		}
	}
	x.tracker.Observe(x.topic)
	x.setPlace(x.topic)
	return x
}

// setPlace records e as the place the text is about, if it is a place.
// The country does not replace a province or a city: a national figure
// quoted for comparison does not change what the article is about.
func (x *extractor) setPlace(e resolve.Entity) {
	if e.Name == "" || e.Level > resolve.Area || e.Level == resolve.Country && x.place.Name != "" {
		return
	}
	x.place = e
}

func (x *extractor) release() {
	putAnalyzer(x.model, x.an)
	x.an = nil
}

func (x *extractor) warn(format string, args ...any) {
	x.warnings = append(x.warnings, fmt.Sprintf(format, args...))
}

// paragraph extracts the facts of one body paragraph; false means
// Options.Cancel asked to stop.
func (x *extractor) paragraph(pi int, p document.Span) bool {
	if x.cancel != nil && x.cancel() {
		return false
	}
	ptext := x.text[p.Start:p.End]
	pq := shiftQuantities(recognize.Quantities(ptext), p.Start)
	years := shiftSpans(recognize.Years(ptext), p.Start)
	periods := shiftSpans(recognize.Periods(ptext), p.Start)
	dates := shiftSpans(recognize.Dates(ptext), p.Start)
	ms := resolve.Mentions(ptext, x.lookup)
	for i := range ms {
		ms[i].Start += p.Start
		ms[i].End += p.Start
	}
	x.allMs = append(x.allMs, ms...)
	if x.topic.Name == "" || x.topic.Level == resolve.Country && pi == 0 {
		// No headline place, or only the country: the first more
		// specific place the body names.
		for _, m := range ms {
			if !m.Ref && m.Entity.Level <= resolve.Area && m.Entity.Level > x.topic.Level {
				x.topic = m.Entity
				x.tracker.Observe(x.topic)
				x.place = x.topic
				break
			}
		}
		if x.place.Name == "" {
			x.setPlace(x.topic)
		}
	}
	x.toks = nlp.Tokenize(x.toks[:0], x.text, p.Start, p.End)
	x.spans = nlp.SplitSentences(x.spans[:0], x.toks)
	x.ctx.newParagraph()
	for si, sp := range x.spans {
		if si > 0 && x.cancel != nil && x.cancel() {
			return false
		}
		toks := x.toks[sp.Start:sp.End]
		s := newSent(x, toks, pi, si == 0)
		s.no = x.sentNo
		s.quants = inRange(pq, s.start, s.end)
		s.years = spansIn(years, s.start, s.end)
		s.periods = spansIn(periods, s.start, s.end)
		s.dates = spansIn(dates, s.start, s.end)
		s.addMentions(ms)
		if len(s.quants) > 0 {
			x.an.Analyze(toks)
			mend(toks)
			s.index()
			if x.trace {
				x.trees = append(x.trees, Tree{Start: s.start, End: s.end, Tokens: append([]nlp.Token(nil), toks...)})
			}
		} else {
			x.an.Tag(toks)
		}
		s.resolveMentions()
		s.findTimes()
		for qi := range s.quants {
			x.figure(s, qi)
		}
		x.ctx.afterSentence(s)
		s.observe()
		if x.lead.Name == "" && x.sentNo < 3 {
			x.lead = x.tracker.Subject()
		}
		x.sentNo++
		for _, f := range s.figs {
			if f.fromSubject && f.ch.kind == changeNone {
				x.prevMeasure, x.prevMeasureSent = f.measure, s.ordinal()
				break
			}
		}
		for _, f := range s.figs {
			if f.ch.kind == changeNone && !planNouns[lastOf(f.measure)] {
				x.lastMeasure, x.lastMeasureSent = f.measure, s.ordinal()
			}
		}
	}
	return true
}

func shiftQuantities(qs []recognize.Quantity, off int) []recognize.Quantity {
	for i := range qs {
		q := &qs[i]
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
	return qs
}

func shiftSpans(ss []recognize.Span, off int) []recognize.Span {
	for i := range ss {
		ss[i].Start += off
		ss[i].End += off
	}
	return ss
}

func inRange(qs []recognize.Quantity, start, end int) []recognize.Quantity {
	a := sort.Search(len(qs), func(i int) bool { return qs[i].Start >= start })
	b := a
	for b < len(qs) && qs[b].End <= end {
		b++
	}
	return qs[a:b]
}

func spansIn(ss []recognize.Span, start, end int) []recognize.Span {
	a := sort.Search(len(ss), func(i int) bool { return ss[i].Start >= start })
	b := a
	for b < len(ss) && ss[b].End <= end {
		b++
	}
	return ss[a:b]
}

// final orders the facts, drops restatements and validates them.
func (x *extractor) final() ([]store.Fact, []Trace) {
	sort.SliceStable(x.facts, func(i, j int) bool { return x.facts[i].f.Start < x.facts[j].f.Start })
	out := make([]store.Fact, 0, len(x.facts))
	traces := make([]Trace, 0, len(x.facts))
	// Facts kept so far by what a restatement shares with them, so that
	// the check costs the same for every fact whatever the article's size.
	type figureKey struct {
		entity, unit string
		value        float64
		year         int
		period       store.Period
	}
	kept := make(map[figureKey][]int, len(x.facts))
outer:
	for i := range x.facts {
		d := &x.facts[i]
		f := &d.f
		key := figureKey{f.Entity, f.Unit, f.Value, f.Year, f.Period}
		for _, k := range kept[key] {
			o := &x.facts[k]
			if o.f.Metric == f.Metric || o.sent != d.sent && shareWord(o.words, d.words) {
				continue outer // the same figure twice, or restated later
			}
		}
		if err := f.Validate(len(x.text)); err != nil {
			x.warn("dropped a fact: %v", err)
			continue
		}
		kept[key] = append(kept[key], i)
		out = append(out, *f)
		traces = append(traces, d.trace)
	}
	return out, traces
}

func lastOf(w []string) string {
	if len(w) == 0 {
		return ""
	}
	return w[len(w)-1]
}

// shareWord reports whether two metrics' phrases share a content word.
func shareWord(a, b []string) bool {
	for _, w := range a {
		switch w {
		case "growth", "of", "and", "total", "new", "in", "the", "share", "annual":
			continue
		}
		for _, v := range b {
			if v == w {
				return true
			}
		}
	}
	return false
}

// aliases collects the surface names of the facts' entities that differ
// from their canonical names.
func (x *extractor) aliases(facts []store.Fact) map[string][]string {
	var out map[string][]string
	used := map[string]bool{}
	for i := range facts {
		used[facts[i].Entity] = true
	}
	add := func(text string, m resolve.Mention) {
		if m.Ref || m.Entity.Name == "" || !used[m.Entity.Name] {
			return
		}
		name := m.Entity.Name
		if text[m.Start:m.End] == name {
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
	for _, m := range x.allMs {
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
