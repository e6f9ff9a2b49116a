package query

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/alecthomas/participle/v2/lexer"
	"github.com/almanacdb/almanac/query/syntax"
	"github.com/almanacdb/almanac/store"
	"github.com/almanacdb/almanac/store/vocab"
)

// pred tests an index entry against a bound condition.
type pred func(*store.Entry) bool

// binder resolves the names in a plan against one transaction's
// catalogues and compiles conditions into predicates over index entries.
// Catalogues are read only when a name is not found by its exact
// spelling, so the common query pays for one dictionary lookup per name.
type binder struct {
	tx   *store.Tx
	errs syntax.ErrorList
	bad  map[*Cond]bool // conditions check rejected: not bound again
	// err is the first failure of the store itself (a corrupt catalogue,
	// say): it is no mistake in the query, so it is kept apart from errs
	// and returned as it is.
	err error

	cats  [3][]store.CatalogEntry // entity, metric, unit; loaded on demand
	cated [3]bool
	docs  []store.Document // loaded on demand
	doced bool
}

// The dictionaries a name may be looked up in.
const (
	dictEntity = iota
	dictMetric
	dictUnit
)

var dictNames = [...]string{"entity", "metric", "unit"}

func (b *binder) catalog(d int) []store.CatalogEntry {
	if !b.cated[d] {
		var err error
		switch d {
		case dictEntity:
			b.cats[d], err = b.tx.Entities()
		case dictMetric:
			b.cats[d], err = b.tx.Metrics()
		default:
			b.cats[d], err = b.tx.Units()
		}
		if err != nil {
			b.fail(fmt.Errorf("read %s catalogue: %w", dictNames[d], err))
		}
		b.cated[d] = true
	}
	return b.cats[d]
}

func (b *binder) documents() []store.Document {
	if !b.doced {
		err := b.tx.Documents(func(d store.Document) error {
			b.docs = append(b.docs, d)
			return nil
		})
		if err != nil {
			b.fail(fmt.Errorf("read documents: %w", err))
		}
		b.doced = true
	}
	return b.docs
}

// fail records a failure of the store, keeping the first.
func (b *binder) fail(err error) {
	if b.err == nil {
		b.err = err
	}
}

// lookup returns the IDs a name denotes in dictionary d: the name spelled
// exactly if it exists; otherwise every name equal to it ignoring case
// and, for entities, every entity with such an alias. It reports an
// unknown name, with a suggestion, at pos.
func (b *binder) lookup(d int, name string, pos lexer.Position) []uint32 {
	var id uint32
	var ok bool
	switch d {
	case dictEntity:
		id, ok = b.tx.EntityID(name)
	case dictMetric:
		id, ok = b.tx.MetricID(name)
	default:
		id, ok = b.tx.UnitID(name)
	}
	if ok {
		return []uint32{id}
	}
	var ids []uint32
	for _, e := range b.catalog(d) {
		if strings.EqualFold(e.Name, name) {
			ids = append(ids, e.ID)
			continue
		}
		for _, a := range e.Aliases {
			if strings.EqualFold(a, name) {
				ids = append(ids, e.ID)
				break
			}
		}
	}
	if len(ids) == 0 {
		var names []string
		for _, e := range b.catalog(d) {
			names = append(names, e.Name)
			names = append(names, e.Aliases...)
		}
		b.errs = append(b.errs, unknown(pos, dictNames[d], name, names))
	}
	return ids
}

// unknown is the error for a name not in a catalogue, at pos, suggesting
// the closest of names.
func unknown(pos syntax.Pos, kind, name string, names []string) *syntax.Error {
	e := &syntax.Error{Pos: pos, Msg: fmt.Sprintf("unknown %s %q", kind, name)}
	if s := syntax.Suggest(name, names); s != "" {
		e.Msg += ": did you mean " + s + "?"
		e.Suggestion = s
	}
	return e
}

// likeMatch reports whether s matches pattern: case-insensitively, the
// pattern occurs in s, where * in the pattern stands for any run of
// characters ("incubator" matches "national_level_incubators";
// "harbin*area" matches "Harbin New Area").
func likeMatch(pattern, s string) bool {
	s = strings.ToLower(s)
	for _, part := range strings.Split(strings.ToLower(pattern), "*") {
		i := strings.Index(s, part)
		if i < 0 {
			return false
		}
		s = s[i+len(part):]
	}
	return true
}

// idSet is a set of IDs as a bitmap: dictionary and document IDs are
// dense small integers.
type idSet struct {
	bits []uint64
	n    int
	one  uint64 // the element, when n == 1
}

func (s *idSet) add(id uint64) {
	if s.has(id) {
		return
	}
	w := int(id >> 6)
	if w >= len(s.bits) {
		s.bits = slices.Grow(s.bits, w+1-len(s.bits))[:w+1]
	}
	s.bits[w] |= 1 << (id & 63)
	s.n++
	s.one = id
}

func (s *idSet) has(id uint64) bool {
	w := id >> 6
	return w < uint64(len(s.bits)) && s.bits[w]&(1<<(id&63)) != 0
}

// members returns the set's elements in order.
func (s *idSet) members() []uint64 {
	var out []uint64
	for w, bits := range s.bits {
		for b := 0; b < 64; b++ {
			if bits&(1<<b) != 0 {
				out = append(out, uint64(w)<<6|uint64(b))
			}
		}
	}
	return out
}

// bound is a top-level conjunct of the where clause, compiled. For
// conditions the planner can turn into scans, ids holds the entity or
// metric IDs (Eq and In) or years (Eq and In on year).
type bound struct {
	expr Expr
	pred pred
	cond *Cond // when expr is a *Cond
	ids  []uint32
	// post is set for conflict and not conflict, which no entry answers
	// alone: they are applied to reconciled figures (pred is nil).
	post bool
}

// bindWhere compiles each top-level conjunct of e.
func (b *binder) bindWhere(e Expr) []bound {
	var out []bound
	for _, x := range conjuncts(e) {
		if isConflictConj(x) {
			out = append(out, bound{expr: x, post: true})
			continue
		}
		bd := bound{expr: x, pred: b.compile(x)}
		if c, ok := x.(*Cond); ok && !b.bad[c] {
			bd.cond = c
			if c.Op == Eq || c.Op == In {
				switch c.Field {
				case FieldEntity, FieldMetric:
					d := dictEntity
					if c.Field == FieldMetric {
						d = dictMetric
					}
					var set idSet
					for _, v := range c.Values {
						for _, id := range b.lookupQuiet(d, v.Str) {
							set.add(uint64(id))
						}
					}
					for _, id := range set.members() {
						bd.ids = append(bd.ids, uint32(id))
					}
				}
			}
		}
		out = append(out, bd)
	}
	return out
}

// isConflictConj reports whether a conjunct is conflict or not conflict.
func isConflictConj(x Expr) bool {
	if n, ok := x.(*Not); ok {
		x = n.X
	}
	_, ok := x.(*Conflict)
	return ok
}

// lookupQuiet is lookup without reporting: compile has reported already.
func (b *binder) lookupQuiet(d int, name string) []uint32 {
	n := len(b.errs)
	ids := b.lookup(d, name, lexer.Position{})
	b.errs = b.errs[:n]
	return ids
}

// compile turns e into a predicate, reporting unknown names.
func (b *binder) compile(e Expr) pred {
	switch e := e.(type) {
	case nil:
		return func(*store.Entry) bool { return true }
	case *And:
		ps := make([]pred, len(e.X))
		for i, x := range e.X {
			ps[i] = b.compile(x)
		}
		if len(ps) == 2 {
			p, q := ps[0], ps[1]
			return func(en *store.Entry) bool { return p(en) && q(en) }
		}
		return func(en *store.Entry) bool {
			for _, p := range ps {
				if !p(en) {
					return false
				}
			}
			return true
		}
	case *Or:
		ps := make([]pred, len(e.X))
		for i, x := range e.X {
			ps[i] = b.compile(x)
		}
		return func(en *store.Entry) bool {
			for _, p := range ps {
				if p(en) {
					return true
				}
			}
			return false
		}
	case *Not:
		p := b.compile(e.X)
		return func(en *store.Entry) bool { return !p(en) }
	case *Cond:
		if b.bad[e] {
			return func(*store.Entry) bool { return false }
		}
		return b.compileCond(e)
	case *Conflict:
		// Only a conjunct (check says so), decided after reconciliation.
		return func(*store.Entry) bool { return true }
	}
	return func(*store.Entry) bool { return false }
}

func (b *binder) compileCond(c *Cond) pred {
	neg := c.Op == Ne || c.Op == NotIn || c.Op == NotLike
	like := c.Op == Like || c.Op == NotLike
	switch c.Field {
	case FieldYear, FieldValue, FieldID:
		return numPred(c)
	case FieldEntity, FieldMetric, FieldUnit:
		d := map[Field]int{FieldEntity: dictEntity, FieldMetric: dictMetric, FieldUnit: dictUnit}[c.Field]
		var set idSet
		if like {
			for _, e := range b.catalog(d) {
				if likeMatch(c.Values[0].Str, e.Name) || slices.ContainsFunc(e.Aliases, func(a string) bool { return likeMatch(c.Values[0].Str, a) }) {
					set.add(uint64(e.ID))
				}
			}
		} else {
			for _, v := range c.Values {
				for _, id := range b.lookup(d, v.Str, v.Pos) {
					set.add(uint64(id))
				}
			}
		}
		return idPred(c.Field, &set, neg)
	case FieldDocument:
		var set idSet
		for _, v := range c.Values {
			switch {
			case like:
				for _, d := range b.documents() {
					if likeMatch(v.Str, d.Source) {
						set.add(d.ID)
					}
				}
			case v.Kind == LitNumber:
				// Only a stored ID joins the set: the set is a bitmap, and
				// an ID such as 1e19 would size it to match.
				if v.Num >= 1<<64 {
					b.errs.Add(v.Pos, fmt.Sprintf("unknown document %s", v))
					continue
				}
				if _, err := b.tx.Document(uint64(v.Num)); errors.Is(err, store.ErrNotFound) {
					b.errs.Add(v.Pos, fmt.Sprintf("unknown document %s", v))
					continue
				} else if err != nil {
					b.fail(err)
					continue
				}
				set.add(uint64(v.Num))
			default:
				d, err := b.tx.DocumentBySource(v.Str)
				if err == nil {
					set.add(d.ID)
					continue
				}
				if !errors.Is(err, store.ErrNotFound) {
					b.fail(err)
					continue
				}
				var names []string
				for _, d := range b.documents() {
					if strings.EqualFold(d.Source, v.Str) {
						set.add(d.ID)
					}
					names = append(names, d.Source)
				}
				if set.n == 0 {
					b.errs = append(b.errs, unknown(v.Pos, "document", v.Str, names))
				}
			}
		}
		return idPred(FieldDocument, &set, neg)
	case FieldPeriod, FieldQualifier, FieldStatus:
		var table [256]bool
		for _, v := range c.Values {
			if like {
				for i := range table {
					if name := enumName(c.Field, uint8(i)); name != "" && likeMatch(v.Str, name) {
						table[i] = true
					}
				}
				continue
			}
			code, err := parseEnum(c.Field, v.Str)
			if err != nil {
				b.errs.Add(v.Pos, err.Error())
				continue
			}
			table[code] = true
		}
		if neg {
			for i := range table {
				table[i] = !table[i]
			}
		}
		switch c.Field {
		case FieldPeriod:
			return func(e *store.Entry) bool { return table[e.Period] }
		case FieldQualifier:
			return func(e *store.Entry) bool { return table[e.Qualifier] }
		}
		return func(e *store.Entry) bool { return table[e.Status] }
	}
	return func(*store.Entry) bool { return false }
}

// enumName returns the name of code i of a period, qualifier or status
// field, or "" if i is not a valid code.
func enumName(f Field, i uint8) string {
	switch f {
	case FieldPeriod:
		if p := vocab.Period(i); p.Valid() {
			return p.String()
		}
	case FieldQualifier:
		if q := vocab.Qualifier(i); q.Valid() {
			return q.String()
		}
	case FieldStatus:
		if s := vocab.Status(i); s.Valid() {
			return s.String()
		}
	}
	return ""
}

// parseEnum parses a period, qualifier or status name (the vocabulary's
// parsers ignore case).
func parseEnum(f Field, s string) (uint8, error) {
	switch f {
	case FieldPeriod:
		p, err := vocab.ParsePeriod(s)
		return uint8(p), err
	case FieldQualifier:
		q, err := vocab.ParseQualifier(s)
		return uint8(q), err
	}
	st, err := vocab.ParseStatus(s)
	return uint8(st), err
}

func idPred(f Field, set *idSet, neg bool) pred {
	if set.n == 1 {
		one := set.one
		switch f {
		case FieldEntity:
			id := uint32(one)
			return func(e *store.Entry) bool { return (e.Entity == id) != neg }
		case FieldMetric:
			id := uint32(one)
			return func(e *store.Entry) bool { return (e.Metric == id) != neg }
		case FieldUnit:
			id := uint32(one)
			return func(e *store.Entry) bool { return (e.Unit == id) != neg }
		}
		return func(e *store.Entry) bool { return (e.Doc == one) != neg }
	}
	switch f {
	case FieldEntity:
		return func(e *store.Entry) bool { return set.has(uint64(e.Entity)) != neg }
	case FieldMetric:
		return func(e *store.Entry) bool { return set.has(uint64(e.Metric)) != neg }
	case FieldUnit:
		return func(e *store.Entry) bool { return set.has(uint64(e.Unit)) != neg }
	}
	return func(e *store.Entry) bool { return set.has(e.Doc) != neg }
}

// numPred compiles a condition on year, value or id.
func numPred(c *Cond) pred {
	get := func(e *store.Entry) float64 { return float64(e.Year) }
	switch c.Field {
	case FieldValue:
		get = func(e *store.Entry) float64 { return e.Value }
	case FieldID:
		get = func(e *store.Entry) float64 { return float64(e.Fact) }
	}
	v := c.Values[0].Num
	switch c.Op {
	case Eq:
		if c.Field == FieldYear {
			y := int(v)
			return func(e *store.Entry) bool { return e.Year == y }
		}
		return func(e *store.Entry) bool { return get(e) == v }
	case Ne:
		return func(e *store.Entry) bool { return get(e) != v }
	case Lt:
		return func(e *store.Entry) bool { return get(e) < v }
	case Le:
		return func(e *store.Entry) bool { return get(e) <= v }
	case Gt:
		if c.Field == FieldValue {
			return func(e *store.Entry) bool { return e.Value > v }
		}
		return func(e *store.Entry) bool { return get(e) > v }
	case Ge:
		return func(e *store.Entry) bool { return get(e) >= v }
	case In, NotIn:
		vals := make([]float64, len(c.Values))
		for i, l := range c.Values {
			vals[i] = l.Num
		}
		neg := c.Op == NotIn
		return func(e *store.Entry) bool { return slices.Contains(vals, get(e)) != neg }
	}
	return func(*store.Entry) bool { return false }
}

// yearText formats a year bound for explain.
func yearText(y int) string {
	if y <= 0 {
		return ""
	}
	return strconv.Itoa(y)
}
