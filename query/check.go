package query

import (
	"fmt"
	"math"
	"strings"

	"github.com/alecthomas/participle/v2/lexer"
	"github.com/almanacdb/almanac/query/syntax"
	"github.com/almanacdb/almanac/store"
)

// check reports what is wrong with p that can be seen without the
// database: operators a field does not take, values of the wrong type,
// groupings a statement cannot use. Names are checked later, by bind.
//
// It also returns the conditions it found wrong, which bind skips so that
// one mistake is reported once.
func check(p Plan) (syntax.ErrorList, map[*Cond]bool) {
	var errs syntax.ErrorList
	bad := map[*Cond]bool{}
	limit := func(n int, pos lexer.Position) {
		if n < 0 {
			errs.Add(pos, "limit must be positive")
		}
	}
	switch p := p.(type) {
	case *Select:
		checkExpr(p.Where, &errs, bad)
		// A function of levels is a series over years (see
		// syntax.TypeLevels): its rows are years or entities.
		levels := p.levels()
		seen := map[Field]bool{}
		for _, b := range p.By {
			switch {
			case !groupable(b.Field):
				errs.Add(b.Pos, fmt.Sprintf("cannot group by %s (group by entity, metric, year, period, status or unit)", b.Field))
			case seen[b.Field]:
				errs.Add(b.Pos, fmt.Sprintf("%s appears twice after by", b.Field))
			case levels && b.Field != FieldYear && b.Field != FieldEntity:
				errs.Add(b.Pos, fmt.Sprintf("%s is shown by year or by entity, not by %s", p.Func.Name, b.Field))
			}
			seen[b.Field] = true
		}
		if levels && len(p.By) > 1 {
			errs.Add(p.By[1].Pos, p.Func.Name+" takes one by field: year or entity")
		}
		limit(p.Limit, p.LimitPos)
	case *Catalogue:
		checkExpr(p.Where, &errs, bad)
		limit(p.Limit, p.LimitPos)
	case *Conflicts:
		checkExpr(p.Where, &errs, bad)
		limit(p.Limit, p.LimitPos)
	case *Search:
		if len(strings.Fields(p.Phrase)) == 0 {
			errs.Add(p.ArgPos, "search needs at least one word")
		}
		limit(p.Limit, p.LimitPos)
	}
	errs.Sort()
	return errs, bad
}

// groupable reports whether a pivot or aggregate may group by f: the
// fields that identify a figure.
func groupable(f Field) bool {
	switch f {
	case FieldEntity, FieldMetric, FieldYear, FieldPeriod, FieldStatus, FieldUnit:
		return true
	}
	return false
}

// checkExpr checks every condition of e, marking the ones it finds wrong.
// A conflict is decided on reconciled figures, after the other
// conditions chose the facts, so it must be a conjunct of the clause.
func checkExpr(e Expr, errs *syntax.ErrorList, bad map[*Cond]bool) {
	top := map[Expr]bool{}
	for _, x := range conjuncts(e) {
		top[x] = true
		if n, ok := x.(*Not); ok {
			top[n.X] = true
		}
	}
	Inspect(e, func(x Expr) bool {
		if c, ok := x.(*Conflict); ok && !top[c] {
			errs.Add(c.Pos, "conflict can only be joined to the other conditions with and (facts where conflict and year = 2020)")
		}
		if c, ok := x.(*Cond); ok {
			n := len(*errs)
			checkCond(c, errs)
			if len(*errs) > n {
				bad[c] = true
			}
		}
		return true
	})
}

func checkCond(c *Cond, errs *syntax.ErrorList) {
	f := c.Field
	if f == FieldNone || int(f) >= len(fieldNames) {
		errs.Add(c.Pos, "unknown field")
		return
	}
	switch c.Op {
	case Lt, Le, Gt, Ge:
		if !f.numeric() {
			errs.Add(c.Pos, fmt.Sprintf("%s takes =, !=, in and like, not %s", f, c.Op))
			return
		}
	case Like, NotLike:
		if f.numeric() {
			errs.Add(c.Pos, fmt.Sprintf("%s is a number: it takes =, !=, <, <=, >, >= and in, not like", f))
			return
		}
	}
	if len(c.Values) == 0 || (c.Op != In && c.Op != NotIn && len(c.Values) != 1) {
		errs.Add(c.Pos, fmt.Sprintf("%s %s needs %s", f, c.Op, map[bool]string{true: "a list of values", false: "one value"}[c.Op == In || c.Op == NotIn]))
		return
	}
	for _, v := range c.Values {
		switch {
		case c.Op == Like || c.Op == NotLike:
			if v.Kind != LitString {
				errs.Add(v.Pos, fmt.Sprintf("type error: like needs a text pattern, got number %s", v))
			}
		case f.numeric() && v.Kind != LitNumber:
			errs.Add(v.Pos, fmt.Sprintf("type error: %s is a number, got text %s", f, v))
		case f.numeric() && f != FieldValue && v.Num != math.Trunc(v.Num):
			errs.Add(v.Pos, fmt.Sprintf("type error: %s is a whole number, got %s", f, v))
		case f == FieldYear && (c.Op == Eq || c.Op == Ne || c.Op == In || c.Op == NotIn) && (v.Num < store.MinYear || v.Num > store.MaxYear):
			// No stored fact can have it: most likely a typo.
			errs.Add(v.Pos, fmt.Sprintf("year %s out of range (years are %d to %d)", v, store.MinYear, store.MaxYear))
		case !f.numeric() && f != FieldDocument && v.Kind == LitNumber:
			errs.Add(v.Pos, fmt.Sprintf("type error: %s is text, got number %s (quote it to use it as a name)", f, v))
		case f == FieldDocument && v.Kind == LitNumber && (v.Num != math.Trunc(v.Num) || v.Num < 1):
			errs.Add(v.Pos, fmt.Sprintf("type error: a document is a name or a positive whole id, got %s", v))
		}
	}
}
