package query

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/almanacdb/almanac/query/syntax"
	"github.com/almanacdb/almanac/store"
	"github.com/almanacdb/almanac/store/vocab"
)

// catalogue lists a catalogue. Without where, counts are the catalogue's
// (facts per name); with where, they are the facts matching it, and names
// without matching facts are left out.
func (e *executor) catalogue(p *Catalogue) error {
	res := e.res
	res.Kind = KindCatalogue
	var counts map[uint64]int
	if p.Where != nil {
		sel, err := e.selectEntries(p.Where)
		if err != nil {
			return err
		}
		entries := sel.entries
		counts = map[uint64]int{}
		for i := range entries {
			en := &entries[i]
			var k uint64
			switch p.List {
			case Entities:
				k = uint64(en.Entity)
			case Metrics:
				k = uint64(en.Metric)
			case Units:
				k = uint64(en.Unit)
			case Years:
				k = uint64(en.Year)
			case Documents:
				k = en.Doc
			}
			counts[k]++
		}
	} else {
		e.res.Exec.Access = "catalogue"
	}
	count := func(k uint64, stored int) (int, bool) {
		if counts == nil {
			return stored, true
		}
		n, ok := counts[k]
		return n, ok
	}
	like := func(ss ...string) bool {
		if p.Like == "" {
			return true
		}
		for _, s := range ss {
			if likeMatch(p.Like, s) {
				return true
			}
		}
		return false
	}
	factsCol := Column{Name: "facts", Kind: Int}
	switch p.List {
	case Entities, Metrics, Units:
		var cat []store.CatalogEntry
		var err error
		field := FieldEntity
		switch p.List {
		case Entities:
			cat, err = e.tx.Entities()
		case Metrics:
			cat, err = e.tx.Metrics()
			field = FieldMetric
		default:
			cat, err = e.tx.Units()
			field = FieldUnit
		}
		if err != nil {
			return fmt.Errorf("read %s: %w", p.List, err)
		}
		res.Columns = []Column{{Name: field.String(), Kind: Text}, factsCol}
		if p.List == Entities {
			res.Columns = append(res.Columns, Column{Name: "aliases", Kind: Text})
		}
		for _, c := range cat {
			n, ok := count(uint64(c.ID), c.Count)
			if !ok || !like(append([]string{c.Name}, c.Aliases...)...) {
				continue
			}
			row := Row{textVal(c.Name), intVal(int64(n))}
			if p.List == Entities {
				row = append(row, textVal(strings.Join(c.Aliases, "; ")))
			}
			res.rows = append(res.rows, row)
		}
	case Years:
		ys, err := e.tx.Years()
		if err != nil {
			return fmt.Errorf("read years: %w", err)
		}
		res.Columns = []Column{{Name: "year", Kind: Int, Plain: true}, factsCol}
		for _, y := range ys {
			n, ok := count(uint64(y.Year), y.Count)
			if ok && like(strconv.Itoa(y.Year)) {
				res.rows = append(res.rows, Row{intVal(int64(y.Year)), intVal(int64(n))})
			}
		}
	case Documents:
		res.Columns = []Column{{Name: "id", Kind: Int, Plain: true}, {Name: "document", Kind: Text},
			{Name: "published", Kind: Text}, factsCol, {Name: "title", Kind: Text}}
		err := e.tx.Documents(func(d store.Document) error {
			n, ok := count(d.ID, d.NumFacts)
			if ok && like(d.Source, d.Title) {
				res.rows = append(res.rows, Row{intVal(int64(d.ID)), textVal(d.Source), textVal(d.PublishedString()), intVal(int64(n)), textVal(d.Title)})
			}
			return nil
		})
		if err != nil {
			return fmt.Errorf("read documents: %w", err)
		}
	}
	res.valueCol = res.Column("facts")
	if err := e.order(nil); err != nil {
		return err
	}
	e.limit()
	return nil
}

// showColumns are the rows of "show fact": the fact, then its other sources.
var showColumns = []Column{
	{Name: "id", Kind: Int, Plain: true},
	{Name: "role", Kind: Text},
	{Name: "entity", Kind: Text},
	{Name: "metric", Kind: Text},
	{Name: "year", Kind: Int, Plain: true},
	{Name: "period", Kind: Text},
	{Name: "value", Kind: Number},
	{Name: "unit", Kind: Text},
	{Name: "qualifier", Kind: Text},
	{Name: "status", Kind: Text},
	{Name: "document", Kind: Text},
	{Name: "published", Kind: Text},
	{Name: "title", Kind: Text},
	{Name: "shown", Kind: Bool},
	{Name: "agrees", Kind: Bool},
	{Name: "sentence", Kind: Text},
}

func (e *executor) showFact(p *ShowFact) error {
	e.res.Exec.Access = "facts (lookup by id)"
	f, err := e.tx.Fact(p.ID)
	if errors.Is(err, store.ErrNotFound) {
		return fail(p.ArgPos, "no fact %d", p.ID)
	}
	if err != nil {
		return err
	}
	doc := *e.docOf(f.Doc)
	d := &FactDetail{Fact: f, Document: doc, MarkStart: f.Start - f.SentenceStart, MarkEnd: f.End - f.SentenceStart}
	if d.MarkStart < 0 || d.MarkEnd > len(f.Sentence) || d.MarkEnd < d.MarkStart {
		d.MarkStart, d.MarkEnd = -1, -1
	}
	// The fact's figure: the facts of the same metric and year, narrowed
	// to the same entity, period, status and unit.
	var entries []store.Entry
	mid, _ := e.tx.MetricID(f.Metric)
	eid, _ := e.tx.EntityID(f.Entity)
	uid, _ := e.tx.UnitID(f.Unit)
	k, err := e.tx.Scan(store.ByMetric, mid, store.YearRange{From: f.Year, To: f.Year}, func(en store.Entry) error {
		if en.Entity == eid && en.Period == f.Period && en.Status == f.Status && en.Unit == uid {
			entries = append(entries, en)
		}
		return nil
	})
	e.res.Exec.Scans, e.res.Exec.KeysRead = 1, k
	e.res.Exec.Prefixes = []string{"metric=" + f.Metric + "(#" + strconv.Itoa(int(mid)) + ") years " + strconv.Itoa(f.Year) + ".." + strconv.Itoa(f.Year)}
	if err != nil {
		return scanErr("idx_metric", err)
	}
	cells, err := e.reconcile(entries)
	if err != nil {
		return err
	}
	var self store.Entry
	if len(cells) == 1 {
		c := cells[0]
		figs, err := e.figures(entries, cells)
		if err != nil {
			return err
		}
		d.Figure = figs[0]
		d.Shown = c.Fact == f.ID
		for _, en := range entries {
			if en.Fact == f.ID {
				self = en
				continue
			}
			od := *e.docOf(en.Doc)
			d.Others = append(d.Others, OtherSource{
				Fact: en.Fact, Document: od, Value: en.Value, Unit: f.Unit, Qualifier: en.Qualifier,
				Agrees: !differ(en.Value, f.Value), Shown: en.Fact == c.Fact,
			})
		}
	}
	slices.SortFunc(d.Others, func(a, b OtherSource) int {
		return -a.Document.Published.Compare(b.Document.Published)
	})
	_ = self
	res := e.res
	res.Kind = KindFact
	res.Detail = d
	res.Columns = showColumns
	row := func(id uint64, role string, value float64, q vocab.Qualifier, dc *store.Document, shown, agrees bool, sentence string) Row {
		return Row{intVal(int64(id)), textVal(role), textVal(f.Entity), textVal(f.Metric), intVal(int64(f.Year)),
			textVal(f.Period.String()), Value{Kind: Number, Num: value, Conflict: d.Figure.Conflict}, textVal(f.Unit),
			textVal(q.String()), textVal(f.Status.String()), textVal(dc.Source), textVal(dc.PublishedString()),
			textVal(dc.Title), boolVal(shown), boolVal(agrees), textVal(sentence)}
	}
	res.rows = append(res.rows, row(f.ID, "fact", f.Value, f.Qualifier, &d.Document, d.Shown, true, f.Sentence))
	for _, o := range d.Others {
		of, err := e.tx.Fact(o.Fact)
		if err != nil {
			return err
		}
		res.rows = append(res.rows, row(o.Fact, "source", o.Value, o.Qualifier, &o.Document, o.Shown, o.Agrees, of.Sentence))
	}
	return nil
}

func (e *executor) showDocument(p *ShowDocument) error {
	var doc store.Document
	var err error
	if p.Source != "" {
		doc, err = e.tx.DocumentBySource(p.Source)
		if errors.Is(err, store.ErrNotFound) {
			var names []string
			for _, d := range e.b.documents() {
				if strings.EqualFold(d.Source, p.Source) {
					doc, err = d, nil
				}
				names = append(names, d.Source)
			}
			if err != nil {
				return syntax.ErrorList{unknown(p.ArgPos, "document", p.Source, names)}
			}
		}
	} else {
		doc, err = e.tx.Document(p.ID)
		if errors.Is(err, store.ErrNotFound) {
			return fail(p.ArgPos, "no document %d", p.ID)
		}
	}
	if err != nil {
		return err
	}
	res := e.res
	res.Kind = KindDocument
	res.Document = &doc
	res.Columns = factColumns
	res.valueCol = fcValue
	res.Exec.Access = "documents (lookup), facts " + strconv.FormatUint(doc.FirstFact, 10) + ".." + strconv.FormatUint(doc.FirstFact+uint64(doc.NumFacts)-1, 10)
	for id := doc.FirstFact; id < doc.FirstFact+uint64(doc.NumFacts); id++ {
		f, err := e.tx.Fact(id)
		if err != nil {
			return err
		}
		res.rows = append(res.rows, factDetailRow(&f, doc.Source))
	}
	if err := e.order(nil); err != nil {
		return err
	}
	e.limit()
	res.Title = doc.Title
	return nil
}

// factDetailRow is a list row for a fact read in full.
func factDetailRow(f *store.Fact, source string) Row {
	row := make(Row, len(factColumns))
	row[fcID] = intVal(int64(f.ID))
	row[fcEntity] = textVal(f.Entity)
	row[fcMetric] = textVal(f.Metric)
	row[fcYear] = intVal(int64(f.Year))
	row[fcPeriod] = rankVal(f.Period.String(), int(f.Period))
	row[fcValue] = numVal(f.Value)
	row[fcUnit] = textVal(f.Unit)
	row[fcQualifier] = rankVal(f.Qualifier.String(), int(f.Qualifier))
	row[fcStatus] = rankVal(f.Status.String(), int(f.Status))
	row[fcDocument] = textVal(source)
	row[fcSources] = intVal(1)
	row[fcConflict] = boolVal(false)
	row[fcSentence] = textVal(f.Sentence)
	return row
}

// searchColumns are the columns of a search result: one row per fact in
// a matching sentence, or one row with empty fact fields for a sentence
// without facts.
var searchColumns = []Column{
	{Name: "document", Kind: Text},
	{Name: "published", Kind: Text},
	{Name: "sentence", Kind: Text},
	{Name: "id", Kind: Int, Plain: true},
	{Name: "entity", Kind: Text},
	{Name: "metric", Kind: Text},
	{Name: "year", Kind: Int, Plain: true},
	{Name: "period", Kind: Text},
	{Name: "value", Kind: Number},
	{Name: "unit", Kind: Text},
}

// search finds the sentences that contain every word of the phrase,
// case-insensitively, each at the start of a word ("station" finds
// "stations", "base" does not find "database"), and lists the facts
// stated in them. Sentences are those facts were extracted from, and
// otherwise the text cut at sentence punctuation.
func (e *executor) search(p *Search) error {
	res := e.res
	res.Kind = KindSearch
	res.Columns = searchColumns
	res.Exec.Access = "documents and texts (full scan)"
	words := strings.Fields(strings.ToLower(p.Phrase))
	sentences := 0
	err := e.tx.Documents(func(d store.Document) error {
		if err := e.ctx.Err(); err != nil {
			return err
		}
		if p.Limit > 0 && sentences >= p.Limit {
			return nil
		}
		res.Exec.KeysRead++
		text, err := e.tx.DocumentText(d.ID)
		if err != nil {
			return err
		}
		lower := strings.ToLower(text)
		for _, w := range words {
			if !strings.Contains(lower, w) {
				return nil
			}
		}
		var facts []store.Fact
		for id := d.FirstFact; id < d.FirstFact+uint64(d.NumFacts); id++ {
			f, err := e.tx.Fact(id)
			if err != nil {
				return err
			}
			facts = append(facts, f)
		}
		for _, s := range sentenceSpans(text, facts) {
			if p.Limit > 0 && sentences >= p.Limit {
				break
			}
			sent := strings.TrimSpace(text[s[0]:s[1]])
			if !matchWords(sent, words) {
				continue
			}
			sentences++
			found := false
			for i := range facts {
				f := &facts[i]
				if f.Start >= s[0] && f.End <= s[1] {
					found = true
					res.rows = append(res.rows, Row{textVal(d.Source), textVal(d.PublishedString()), textVal(sent),
						intVal(int64(f.ID)), textVal(f.Entity), textVal(f.Metric), intVal(int64(f.Year)),
						rankVal(f.Period.String(), int(f.Period)), numVal(f.Value), textVal(f.Unit)})
				}
			}
			if !found {
				res.rows = append(res.rows, Row{textVal(d.Source), textVal(d.PublishedString()), textVal(sent),
					{}, {}, {}, {}, {}, {}, {}})
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("search: %w", err)
	}
	res.Title = fmt.Sprintf("%s matching %q", plural(sentences, "sentence"), p.Phrase)
	return nil
}

// sentenceSpans returns the byte spans of text's sentences: the spans of
// facts' sentences, and between them the text cut after ".", "!" or "?"
// followed by a space, and at line breaks.
func sentenceSpans(text string, facts []store.Fact) [][2]int {
	var known [][2]int
	for _, f := range facts {
		if f.SentenceStart < f.SentenceEnd && f.SentenceEnd <= len(text) {
			known = append(known, [2]int{f.SentenceStart, f.SentenceEnd})
		}
	}
	slices.SortFunc(known, func(a, b [2]int) int { return a[0] - b[0] })
	known = slices.Compact(known)
	var out [][2]int
	pos := 0
	split := func(lo, hi int) {
		start := lo
		for i := lo; i < hi; i++ {
			c := text[i]
			end := -1
			switch {
			case c == '\n':
				end = i
			case (c == '.' || c == '!' || c == '?') && (i+1 == hi || text[i+1] == ' ' || text[i+1] == '\n'):
				end = i + 1
			}
			if end >= 0 {
				if strings.TrimSpace(text[start:end]) != "" {
					out = append(out, [2]int{start, end})
				}
				start = end
			}
		}
		if strings.TrimSpace(text[start:hi]) != "" {
			out = append(out, [2]int{start, hi})
		}
	}
	for _, k := range known {
		if k[0] < pos {
			continue // overlaps the previous sentence
		}
		split(pos, k[0])
		out = append(out, k)
		pos = k[1]
	}
	split(pos, len(text))
	return out
}

// matchWords reports whether every word occurs in s at the start of a
// word, ignoring case.
func matchWords(s string, words []string) bool {
	ls := strings.ToLower(s)
	for _, w := range words {
		found := false
		for off := 0; off < len(ls); {
			i := strings.Index(ls[off:], w)
			if i < 0 {
				break
			}
			i += off
			r, _ := utf8.DecodeLastRuneInString(ls[:i])
			if i == 0 || !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				found = true
				break
			}
			off = i + 1
		}
		if !found {
			return false
		}
	}
	return true
}

// Explanation returns how the result's statement ran, as "explain"
// before it would have answered: the statement, the index and key
// prefixes read, the filter, the defaults, the shape, the keys read and
// the rows out. A shell shows it beside the result itself.
func (r *Result) Explanation() *Result {
	if r.Kind == KindPlan {
		return r
	}
	var top Plan
	if r.Plan != nil {
		top = &Explain{Plan: r.Plan}
	}
	return explain(r, top)
}

// explain turns an executed result into the description of its plan;
// top is the Explain that asked for it.
func explain(r *Result, top Plan) *Result {
	x := r.Exec
	out := &Result{Kind: KindPlan, Plan: top, Exec: x, valueCol: -1,
		Columns: []Column{{Name: "step", Kind: Text}, {Name: "detail", Kind: Text}}}
	add := func(step, detail string) {
		if detail != "" {
			out.rows = append(out.rows, Row{textVal(step), textVal(detail)})
		}
	}
	if r.Plan == nil {
		return out
	}
	add("query", r.Plan.String())
	access := x.Access
	if len(x.Prefixes) > 0 {
		access += " " + strings.Join(x.Prefixes, "; ")
	}
	add("access", access)
	add("filter", x.Filter)
	add("defaults", x.Defaults)
	add("shape", x.Shape)
	order, limit := r.Plan.clauses()
	if len(order) > 0 {
		var ks []string
		for _, k := range order {
			ks = append(ks, k.String())
		}
		add("order", strings.Join(ks, ", "))
	}
	if limit > 0 {
		add("limit", strconv.Itoa(limit))
	}
	add("scans", strconv.Itoa(x.Scans))
	add("keys read", strconv.Itoa(x.KeysRead))
	add("rows out", strconv.Itoa(x.RowsOut))
	if x.Hidden > 0 {
		add("hidden", plural(x.Hidden, "figure")+" the defaults left out")
	}
	return out
}
