package query

import (
	"context"
	"fmt"

	"github.com/alecthomas/participle/v2/lexer"
	"github.com/almanacdb/almanac/query/syntax"
)

// Run parses text, checks it, plans it and runs it against src. Syntax
// errors come back as *syntax.Error, mistakes found by checking (types,
// unknown names, with suggestions) as a syntax.ErrorList sorted by
// position; both print as "line:col: message". A failure of the store is
// returned as it is, never positioned. A cancelled ctx stops long scans;
// its error is returned wrapped.
func Run(ctx context.Context, src Source, text string) (*Result, error) {
	q, err := syntax.Parse(text)
	if err != nil {
		return nil, err
	}
	p, err := Lower(q)
	if err != nil {
		return nil, err
	}
	return Execute(ctx, src, p)
}

// Lower turns a parsed query into a plan. It reports what the grammar
// lets through but no query means (a limit of 0) as a syntax.ErrorList.
func Lower(q *syntax.Query) (Plan, error) {
	var errs syntax.ErrorList
	limit := func(l *syntax.Limit, n *int, pos *lexer.Position) {
		if l == nil {
			return
		}
		*pos = l.Pos
		if l.N < 1 {
			errs.Add(l.Pos, "limit must be at least 1")
			return
		}
		*n = int(min(l.N, 1<<31-1))
	}
	order := func(keys []*syntax.OrderKey) []OrderKey {
		var out []OrderKey
		for _, k := range keys {
			out = append(out, OrderKey{Pos: k.Pos, Name: k.Key, Desc: k.Desc})
		}
		return out
	}
	var p Plan
	switch s := q.Stmt.(type) {
	case *syntax.Select:
		sel := &Select{Pos: s.Pos, FuncPos: s.Pos}
		if s.Func != "" {
			sel.Func = syntax.LookupFunction(string(s.Func))
			if sel.Func == nil {
				errs.Add(s.Pos, fmt.Sprintf("unknown function %s", s.Func))
			}
		}
		if s.Metric != nil {
			sel.Metric, sel.MetricPos = s.Metric.Value, s.Metric.Pos
		}
		sel.Where = lowerExpr(s.Where, &errs)
		for _, b := range s.By {
			f, ok := ParseField(b.Name)
			if !ok {
				errs.Add(b.Pos, fmt.Sprintf("unknown field %s", b.Name))
			}
			sel.By = append(sel.By, ByField{Pos: b.Pos, Field: f})
		}
		sel.Order = order(s.OrderBy)
		limit(s.Limit, &sel.Limit, &sel.LimitPos)
		p = sel
	case *syntax.Catalogue:
		cat := &Catalogue{Pos: s.Pos}
		l, ok := ParseList(s.Kind)
		if !ok {
			errs.Add(s.Pos, fmt.Sprintf("unknown catalogue %s", s.Kind))
		}
		cat.List = l
		if s.Like != nil {
			cat.Like, cat.LikePos = s.Like.Value, s.Like.Pos
		}
		cat.Where = lowerExpr(s.Where, &errs)
		cat.Order = order(s.OrderBy)
		limit(s.Limit, &cat.Limit, &cat.LimitPos)
		p = cat
	case *syntax.Conflicts:
		c := &Conflicts{Pos: s.Pos}
		c.Where = lowerExpr(s.Where, &errs)
		c.Order = order(s.OrderBy)
		limit(s.Limit, &c.Limit, &c.LimitPos)
		p = c
	case *syntax.Show:
		switch {
		case s.FactID != nil:
			p = &ShowFact{Pos: s.Pos, ID: uint64(max(*s.FactID, 0)), ArgPos: s.Pos}
		case s.DocumentID != nil:
			p = &ShowDocument{Pos: s.Pos, ID: uint64(max(*s.DocumentID, 0)), ArgPos: s.Pos}
		case s.DocumentName != nil:
			p = &ShowDocument{Pos: s.Pos, Source: s.DocumentName.Value, ArgPos: s.DocumentName.Pos}
		default:
			errs.Add(s.Pos, "show needs a fact or a document")
		}
	case *syntax.Search:
		se := &Search{Pos: s.Pos, ArgPos: s.Pos}
		if s.Text != nil {
			se.Phrase, se.ArgPos = s.Text.Value, s.Text.Pos
		}
		limit(s.Limit, &se.Limit, &se.LimitPos)
		p = se
	default:
		errs.Add(q.Pos, "unknown statement")
	}
	if len(errs) > 0 {
		errs.Sort()
		return nil, errs
	}
	if q.Explain {
		p = &Explain{Plan: p}
	}
	return p, nil
}

func lowerExpr(e *syntax.Expr, errs *syntax.ErrorList) Expr {
	if e == nil {
		return nil
	}
	var or []Expr
	for _, a := range e.Or {
		var and []Expr
		for _, n := range a.And {
			x := lowerPrimary(n.X, errs)
			if n.Not {
				x = &Not{Pos: n.Pos, X: x}
			}
			and = append(and, x)
		}
		if len(and) == 1 {
			or = append(or, and[0])
		} else {
			or = append(or, &And{X: and})
		}
	}
	if len(or) == 1 {
		return or[0]
	}
	return &Or{X: or}
}

func lowerPrimary(x syntax.Primary, errs *syntax.ErrorList) Expr {
	field := func(f *syntax.Field) Field {
		fd, ok := ParseField(f.Name)
		if !ok {
			errs.Add(f.Pos, fmt.Sprintf("unknown field %s", f.Name))
		}
		return fd
	}
	switch x := x.(type) {
	case *syntax.Paren:
		return lowerExpr(x.X, errs)
	case *syntax.Compare:
		op, ok := ParseOp(x.Op)
		if !ok {
			errs.Add(x.Pos, fmt.Sprintf("unknown operator %s", x.Op))
		}
		return &Cond{Pos: x.Field.Pos, Field: field(x.Field), Op: op, Values: []Literal{lowerValue(x.Value)}}
	case *syntax.In:
		c := &Cond{Pos: x.Field.Pos, Field: field(x.Field), Op: In}
		if x.Not {
			c.Op = NotIn
		}
		for _, v := range x.Values {
			c.Values = append(c.Values, lowerValue(v))
		}
		return c
	case *syntax.Conflict:
		return &Conflict{Pos: x.Pos}
	case *syntax.Like:
		c := &Cond{Pos: x.Field.Pos, Field: field(x.Field), Op: Like}
		if x.Not {
			c.Op = NotLike
		}
		c.Values = []Literal{{Pos: x.Pattern.Pos, Kind: LitString, Str: x.Pattern.Value}}
		return c
	}
	errs.Add(x.Position(), "unknown condition")
	return &Or{}
}

func lowerValue(v syntax.Value) Literal {
	switch v := v.(type) {
	case *syntax.NumberLit:
		return Literal{Pos: v.Pos, Kind: LitNumber, Num: v.Float(), Str: v.Text}
	case *syntax.StringLit:
		return Literal{Pos: v.Pos, Kind: LitString, Str: v.Value}
	}
	return Literal{Pos: v.Position(), Kind: LitString}
}
