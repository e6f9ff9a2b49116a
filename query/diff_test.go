package query_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/almanacdb/almanac/query"
	"github.com/almanacdb/almanac/query/syntax"
	"github.com/almanacdb/almanac/store"
	"github.com/google/go-cmp/cmp"
)

// The differential test runs random where clauses through the planner
// (text and plan) and through a brute-force evaluation over every fact,
// written here independently of the package: names compared with
// strings.EqualFold, like as a regexp, aliases from the catalogue.

var (
	diffEntities = map[string][]string{
		"Harbin":          {"Harbin City"},
		"Harbin New Area": {"Songbei"},
		"Daqing":          nil,
		"Heilongjiang":    {"Heilongjiang Province"},
		"Qiqihar":         nil,
		"China":           {"PRC"},
	}
	diffMetrics   = []string{"gdp", "high_tech_enterprises", "5g_base_stations", "universities", "national_level_incubators"}
	diffUnits     = []string{"count", "CNY", "percent"}
	diffPeriods   = []store.Period{store.PeriodYear, store.PeriodYear, store.PeriodYear, store.PeriodQ1, store.PeriodH1, store.Months(1, 2)}
	diffValues    = []float64{0, 6, 23, 300, 310, 1000, 1180, 1200, 491.2e9, 510.09e9}
	diffYearsFrom = 2015
	diffYearsTo   = 2024
)

func diffNames() []string {
	var ns []string
	for n := range diffEntities {
		ns = append(ns, n)
	}
	slices.Sort(ns)
	return ns
}

// diffDocs builds random documents.
func diffDocs(r *rand.Rand, ndocs, nfacts int) []store.DocFacts {
	ents := diffNames()
	var docs []store.DocFacts
	for d := 0; d < ndocs; d++ {
		doc := store.DocFacts{Doc: store.Document{
			Source:    fmt.Sprintf("doc-%02d.txt", d+1),
			Title:     fmt.Sprintf("Article %d", d+1),
			Published: time.Date(2018+r.IntN(7), time.Month(1+r.IntN(12)), 1, 0, 0, 0, 0, time.UTC),
			Ingested:  time.Date(2025, 1, 1, d, 0, 0, 0, time.UTC),
		}, Aliases: map[string][]string{}}
		var text strings.Builder
		for i := 0; i < nfacts; i++ {
			e := ents[r.IntN(len(ents))]
			f := store.Fact{
				Entity: e, Metric: diffMetrics[r.IntN(len(diffMetrics))],
				Year:   diffYearsFrom + r.IntN(diffYearsTo-diffYearsFrom+1),
				Period: diffPeriods[r.IntN(len(diffPeriods))], Value: diffValues[r.IntN(len(diffValues))],
				Unit: diffUnits[r.IntN(len(diffUnits))], Qualifier: store.Qualifier(r.IntN(4)), Status: store.Status(r.IntN(2)),
			}
			sent := fmt.Sprintf("%s reported %v for %s in %d.", f.Entity, f.Value, f.Metric, f.Year)
			if text.Len() > 0 {
				text.WriteByte(' ')
			}
			f.SentenceStart = text.Len()
			text.WriteString(sent)
			f.SentenceEnd = text.Len()
			f.Start, f.End = f.SentenceStart, f.SentenceStart+len(f.Entity)
			doc.Facts = append(doc.Facts, f)
			if as := diffEntities[e]; len(as) > 0 {
				doc.Aliases[e] = as
			}
		}
		doc.Doc.Text = text.String()
		docs = append(docs, doc)
	}
	return docs
}

// randCase changes the case of some letters of s.
func randCase(r *rand.Rand, s string) string {
	b := []byte(s)
	for i, c := range b {
		if r.IntN(4) == 0 {
			switch {
			case 'a' <= c && c <= 'z':
				b[i] = c - 'a' + 'A'
			case 'A' <= c && c <= 'Z':
				b[i] = c - 'A' + 'a'
			}
		}
	}
	return string(b)
}

type diffGen struct {
	r    *rand.Rand
	docs int
	maxF int
}

func (g *diffGen) entityName() string {
	ents := diffNames()
	e := ents[g.r.IntN(len(ents))]
	if as := diffEntities[e]; len(as) > 0 && g.r.IntN(3) == 0 {
		e = as[g.r.IntN(len(as))]
	}
	return randCase(g.r, e)
}

func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

func (g *diffGen) cond() query.Expr {
	r := g.r
	field := pick(r, []query.Field{query.FieldEntity, query.FieldEntity, query.FieldMetric, query.FieldMetric,
		query.FieldYear, query.FieldYear, query.FieldYear, query.FieldPeriod, query.FieldValue, query.FieldUnit,
		query.FieldQualifier, query.FieldStatus, query.FieldDocument, query.FieldID})
	c := &query.Cond{Field: field}
	value := func() query.Literal {
		switch field {
		case query.FieldEntity:
			return query.Str(g.entityName())
		case query.FieldMetric:
			return query.Str(randCase(r, pick(r, diffMetrics)))
		case query.FieldYear:
			return query.Num(float64(diffYearsFrom - 1 + r.IntN(diffYearsTo-diffYearsFrom+3)))
		case query.FieldPeriod:
			return query.Str(randCase(r, pick(r, diffPeriods).String()))
		case query.FieldValue:
			v := pick(r, diffValues)
			if r.IntN(3) == 0 {
				v += 0.5
			}
			return query.Num(v)
		case query.FieldUnit:
			return query.Str(randCase(r, pick(r, diffUnits)))
		case query.FieldQualifier:
			return query.Str(pick(r, []string{"exact", "approx", "min", "max"}))
		case query.FieldStatus:
			return query.Str(pick(r, []string{"actual", "plan", "Plan"}))
		case query.FieldDocument:
			if r.IntN(2) == 0 {
				return query.Num(float64(1 + r.IntN(g.docs)))
			}
			return query.Str(randCase(r, fmt.Sprintf("doc-%02d.txt", 1+r.IntN(g.docs))))
		}
		return query.Num(float64(1 + r.IntN(g.maxF)))
	}
	numeric := field == query.FieldYear || field == query.FieldValue || field == query.FieldID
	ops := []query.Op{query.Eq, query.Ne, query.In, query.NotIn}
	if numeric {
		ops = append(ops, query.Lt, query.Le, query.Gt, query.Ge, query.Ge, query.Le)
	} else if field != query.FieldDocument || r.IntN(2) == 0 {
		ops = append(ops, query.Like, query.NotLike)
	}
	c.Op = pick(r, ops)
	switch c.Op {
	case query.In, query.NotIn:
		for n := 1 + r.IntN(3); n > 0; n-- {
			c.Values = append(c.Values, value())
		}
	case query.Like, query.NotLike:
		var s string
		switch field {
		case query.FieldEntity:
			s = g.entityName()
		case query.FieldMetric:
			s = pick(r, diffMetrics)
		case query.FieldUnit:
			s = pick(r, diffUnits)
		case query.FieldPeriod:
			s = pick(r, diffPeriods).String()
		case query.FieldQualifier:
			s = pick(r, []string{"exact", "approx", "min", "max"})
		case query.FieldStatus:
			s = pick(r, []string{"actual", "plan"})
		default:
			s = fmt.Sprintf("doc-%02d.txt", 1+r.IntN(g.docs))
		}
		// A random piece of a name, with a * inside now and then.
		i := r.IntN(len(s))
		j := i + 1 + r.IntN(len(s)-i)
		p := s[i:j]
		if len(p) > 2 && r.IntN(3) == 0 {
			k := 1 + r.IntN(len(p)-1)
			p = p[:k] + "*" + p[k:]
		}
		c.Values = []query.Literal{query.Str(randCase(r, p))}
	default:
		c.Values = []query.Literal{value()}
	}
	return c
}

func (g *diffGen) expr(depth int) query.Expr {
	r := g.r
	if depth <= 0 || r.IntN(3) == 0 {
		if r.IntN(5) == 0 {
			lo := diffYearsFrom + r.IntN(diffYearsTo-diffYearsFrom+1)
			return &query.And{X: []query.Expr{
				&query.Cond{Field: query.FieldYear, Op: query.Ge, Values: []query.Literal{query.Num(float64(lo))}},
				&query.Cond{Field: query.FieldYear, Op: query.Le, Values: []query.Literal{query.Num(float64(lo + r.IntN(4)))}},
			}}
		}
		return g.cond()
	}
	switch r.IntN(5) {
	case 0, 1:
		n := 2 + r.IntN(2)
		a := &query.And{}
		for ; n > 0; n-- {
			a.X = append(a.X, g.expr(depth-1))
		}
		return a
	case 2, 3:
		n := 2 + r.IntN(2)
		o := &query.Or{}
		for ; n > 0; n-- {
			o.X = append(o.X, g.expr(depth-1))
		}
		return o
	}
	return &query.Not{X: g.expr(depth - 1)}
}

// bruteFact is a fact with what the brute-force evaluator needs.
type bruteFact struct {
	store.Fact
	aliases []string
	source  string
}

func likeRegexp(pattern string) *regexp.Regexp {
	parts := strings.Split(pattern, "*")
	for i, p := range parts {
		parts[i] = regexp.QuoteMeta(p)
	}
	return regexp.MustCompile("(?is)" + strings.Join(parts, ".*"))
}

func bruteEval(e query.Expr, f *bruteFact) bool {
	switch e := e.(type) {
	case nil:
		return true
	case *query.And:
		for _, x := range e.X {
			if !bruteEval(x, f) {
				return false
			}
		}
		return true
	case *query.Or:
		for _, x := range e.X {
			if bruteEval(x, f) {
				return true
			}
		}
		return false
	case *query.Not:
		return !bruteEval(e.X, f)
	case *query.Cond:
		var texts []string
		var num float64
		switch e.Field {
		case query.FieldEntity:
			texts = append([]string{f.Entity}, f.aliases...)
		case query.FieldMetric:
			texts = []string{f.Metric}
		case query.FieldUnit:
			texts = []string{f.Unit}
		case query.FieldPeriod:
			texts = []string{f.Period.String()}
		case query.FieldQualifier:
			texts = []string{f.Qualifier.String()}
		case query.FieldStatus:
			texts = []string{f.Status.String()}
		case query.FieldDocument:
			texts = []string{f.source}
			num = float64(f.Doc)
		case query.FieldYear:
			num = float64(f.Year)
		case query.FieldValue:
			num = f.Value
		case query.FieldID:
			num = float64(f.ID)
		}
		eq := func(l query.Literal) bool {
			if l.Kind == query.LitNumber {
				return num == l.Num
			}
			for _, t := range texts {
				if strings.EqualFold(t, l.Str) {
					return true
				}
			}
			return false
		}
		anyEq := func() bool { return slices.ContainsFunc(e.Values, eq) }
		switch e.Op {
		case query.Eq, query.In:
			return anyEq()
		case query.Ne, query.NotIn:
			return !anyEq()
		case query.Lt:
			return num < e.Values[0].Num
		case query.Le:
			return num <= e.Values[0].Num
		case query.Gt:
			return num > e.Values[0].Num
		case query.Ge:
			return num >= e.Values[0].Num
		case query.Like, query.NotLike:
			re := likeRegexp(e.Values[0].Str)
			m := slices.ContainsFunc(texts, re.MatchString)
			return m == (e.Op == query.Like)
		}
	}
	panic(fmt.Sprintf("bruteEval: unexpected %T", e))
}

func allFacts(t *testing.T, db *store.DB) []bruteFact {
	t.Helper()
	var out []bruteFact
	err := db.View(func(tx *store.Tx) error {
		ents, err := tx.Entities()
		if err != nil {
			return err
		}
		aliases := map[string][]string{}
		for _, e := range ents {
			aliases[e.Name] = e.Aliases
		}
		_, err = tx.ScanAll(func(en store.Entry) error {
			f, err := tx.Fact(en.Fact)
			if err != nil {
				return err
			}
			d, err := tx.Document(f.Doc)
			out = append(out, bruteFact{Fact: f, aliases: aliases[f.Entity], source: d.Source})
			return err
		})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// ids returns the fact IDs of a list result, sorted.
func ids(t *testing.T, res *query.Result) []int64 {
	t.Helper()
	col := res.Column("id")
	var out []int64
	for row := range res.Rows() {
		out = append(out, row[col].Int)
	}
	slices.Sort(out)
	return out
}

func TestDifferential(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	const ndocs = 12
	docs := diffDocs(r, ndocs, 40)
	db := openDB(t, docs)
	facts := allFacts(t, db)
	g := &diffGen{r: r, docs: ndocs, maxF: len(facts)}
	ctx := context.Background()
	n := 600
	if testing.Short() {
		n = 150
	}
	access := map[string]int{}
	for i := 0; i < n; i++ {
		where := g.expr(3)
		if r.IntN(3) == 0 {
			// A conjunct an index can answer, so that every path is tried.
			var c *query.Cond
			for c == nil || c.Op != query.Eq && c.Op != query.In || c.Field != query.FieldEntity && c.Field != query.FieldMetric && c.Field != query.FieldYear {
				c, _ = g.cond().(*query.Cond)
			}
			where = &query.And{X: []query.Expr{c, where}}
		}
		metric := ""
		if r.IntN(4) == 0 {
			metric = pick(r, diffMetrics)
		}
		p := &query.Select{Metric: metric, Where: where}
		var want []int64
		for k := range facts {
			f := &facts[k]
			if (metric == "" || f.Metric == metric) && bruteEval(where, f) {
				want = append(want, int64(f.ID))
			}
		}
		got, err := query.Execute(ctx, db, p)
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		access[got.Exec.Access]++
		if diff := cmp.Diff(want, ids(t, got)); diff != "" {
			t.Fatalf("%s\naccess %s %v filter %s\n(-brute +planner):\n%s", p, got.Exec.Access, got.Exec.Prefixes, got.Exec.Filter, diff)
		}
		// The same query as text, through the parser and lowering.
		text := p.String()
		got2, err := query.Run(ctx, db, text)
		if err != nil {
			t.Fatalf("%s: %v", text, err)
		}
		if diff := cmp.Diff(want, ids(t, got2)); diff != "" {
			t.Fatalf("text %s (-brute +planner):\n%s", text, diff)
		}
		// Counting figures by entity reconciles: facts that share entity,
		// metric, year, period, status and unit count once.
		count := &query.Select{Func: syntax.LookupFunction("count"), Metric: metric, Where: where,
			By: []query.ByField{{Field: query.FieldEntity}}}
		figures := map[string]map[string]bool{}
		for k := range facts {
			f := &facts[k]
			if (metric == "" || f.Metric == metric) && bruteEval(where, f) && (f.Status == store.Actual || mentionsStatus(where)) {
				if figures[f.Entity] == nil {
					figures[f.Entity] = map[string]bool{}
				}
				figures[f.Entity][fmt.Sprint(f.Metric, "|", f.Year, "|", f.Period, "|", f.Status, "|", f.Unit)] = true
			}
		}
		wantCounts := map[string]int64{}
		for e, fs := range figures {
			wantCounts[e] = int64(len(fs))
		}
		res, err := query.Execute(ctx, db, count)
		if err != nil {
			t.Fatalf("%s: %v", count, err)
		}
		gotCounts := map[string]int64{}
		for row := range res.Rows() {
			gotCounts[row[0].Str] = row[1].Int
		}
		if diff := cmp.Diff(wantCounts, gotCounts); diff != "" {
			t.Fatalf("%s (-brute +planner):\n%s", count, diff)
		}
	}
	t.Logf("access paths: %v", access)
	for _, a := range []string{"idx_metric", "idx_entity", "idx_year", "facts"} {
		if access[a] == 0 {
			t.Errorf("no query used %s", a)
		}
	}
}

// TestYearRanges checks the planner's year bounds at their edges, on each
// access path.
func TestYearRanges(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	db := openDB(t, diffDocs(r, 4, 60))
	facts := allFacts(t, db)
	ctx := context.Background()
	for _, src := range []string{"facts where", "facts where metric = gdp and", "facts where entity = Harbin and", "metric gdp where"} {
		for _, cond := range []string{
			"year > 2018", "year >= 2018", "year < 2018", "year <= 2018", "year = 2018", "year != 2018",
			"year >= 2016 and year <= 2019", "year > 2016 and year < 2019", "year in (2016, 2019, 2030)",
			"year in (2016, 2019) and year > 2016", "year >= 2019 and year <= 2016", "year > 2024", "year < 1000",
			"year >= 2019 and year <= 2021 and year != 2020", "not (year >= 2017 and year <= 2022)",
		} {
			text := src + " " + cond
			res, err := query.Run(ctx, db, text)
			if err != nil {
				t.Fatalf("%s: %v", text, err)
			}
			plan, err := parsePlan(text)
			if err != nil {
				t.Fatal(err)
			}
			p := plan.(*query.Select)
			var want []int64
			for k := range facts {
				f := &facts[k]
				if (p.Metric == "" || f.Metric == p.Metric) && bruteEval(p.Where, f) {
					want = append(want, int64(f.ID))
				}
			}
			if diff := cmp.Diff(want, ids(t, res)); diff != "" {
				t.Errorf("%s: access %s %v (-want +got):\n%s", text, res.Exec.Access, res.Exec.Prefixes, diff)
			}
		}
	}
}

// mentionsStatus reports whether e has a condition on status: then count
// does not default to actual figures.
func mentionsStatus(e query.Expr) bool {
	switch e := e.(type) {
	case *query.And:
		return slices.ContainsFunc(e.X, mentionsStatus)
	case *query.Or:
		return slices.ContainsFunc(e.X, mentionsStatus)
	case *query.Not:
		return mentionsStatus(e.X)
	case *query.Cond:
		return e.Field == query.FieldStatus
	}
	return false
}

func parsePlan(text string) (query.Plan, error) {
	q, err := syntax.Parse(text)
	if err != nil {
		return nil, err
	}
	return query.Lower(q)
}
