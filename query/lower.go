package query

import (
	"context"
	"fmt"

	"github.com/almanacdb/almanac/query/syntax"
)

// Run parses text, checks it, plans it and runs it against src. Syntax
// errors come back as *syntax.Error, mistakes found by checking (types,
// unknown names, with suggestions) as a syntax.ErrorList sorted by
// position; both print as "line:col: message". A cancelled ctx stops
// long scans; its error is returned wrapped.
func Run(ctx context.Context, src Source, text string) (*Result, error) {
	q, err := syntax.Parse(text)
	if err != nil {
		return nil, err
	}
	p, err := Lower(q, text)
	if err != nil {
		return nil, err
	}
	return Execute(ctx, src, p)
}

// Lower turns a parsed query into a plan. text is the query's source,
// kept in the plan for explain. It reports what the grammar lets through
// but no query means (a limit of 0) as a syntax.ErrorList.
func Lower(q *syntax.Query, text string) (*Plan, error) {
	var errs syntax.ErrorList
	p := &Plan{Text: text, Explain: q.Explain, Pos: q.Pos}
	limit := func(l *syntax.Limit) {
		if l == nil {
			return
		}
		p.LimitPos = l.Pos
		if l.N < 1 {
			errs.Add(l.Pos, "limit must be at least 1")
			return
		}
		p.Limit = int(min(l.N, 1<<31-1))
	}
	order := func(keys []*syntax.OrderKey) {
		for _, k := range keys {
			p.Order = append(p.Order, OrderKey{Pos: k.Pos, Name: k.Key, Desc: k.Desc})
		}
	}
	switch s := q.Stmt.(type) {
	case *syntax.Select:
		p.Stmt = Select
		p.Pos, p.FuncPos = s.Pos, s.Pos
		if s.Func != "" {
			p.Func = syntax.LookupFunction(string(s.Func))
			if p.Func == nil {
				errs.Add(s.Pos, fmt.Sprintf("unknown function %s", s.Func))
			}
		}
		if s.Metric != nil {
			p.Metric, p.MetricPos = s.Metric.Value, s.Metric.Pos
		}
		p.Where = lowerExpr(s.Where, &errs)
		for _, b := range s.By {
			f, ok := ParseField(b.Name)
			if !ok {
				errs.Add(b.Pos, fmt.Sprintf("unknown field %s", b.Name))
			}
			p.By = append(p.By, ByField{Pos: b.Pos, Field: f})
		}
		order(s.OrderBy)
		limit(s.Limit)
	case *syntax.Catalogue:
		p.Stmt = Catalogue
		p.Pos = s.Pos
		l, ok := ParseList(s.Kind)
		if !ok {
			errs.Add(s.Pos, fmt.Sprintf("unknown catalogue %s", s.Kind))
		}
		p.List = l
		if s.Like != nil {
			p.Like, p.LikePos = s.Like.Value, s.Like.Pos
		}
		p.Where = lowerExpr(s.Where, &errs)
		order(s.OrderBy)
		limit(s.Limit)
	case *syntax.Show:
		p.Pos = s.Pos
		switch {
		case s.FactID != nil:
			p.Stmt, p.ID = ShowFact, uint64(max(*s.FactID, 0))
		case s.DocumentID != nil:
			p.Stmt, p.ID = ShowDocument, uint64(max(*s.DocumentID, 0))
		case s.DocumentName != nil:
			p.Stmt, p.DocSource, p.ArgPos = ShowDocument, s.DocumentName.Value, s.DocumentName.Pos
		}
		if p.ArgPos.Line == 0 {
			p.ArgPos = s.Pos
		}
	case *syntax.Search:
		p.Stmt = Search
		p.Pos = s.Pos
		if s.Text != nil {
			p.Phrase, p.ArgPos = s.Text.Value, s.Text.Pos
		}
		limit(s.Limit)
	default:
		errs.Add(q.Pos, "unknown statement")
	}
	if len(errs) > 0 {
		errs.Sort()
		return nil, errs
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
