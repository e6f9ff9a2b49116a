package syntax

import (
	"strconv"
	"strings"
)

// The printer writes canonical text: lower-case keywords, single spaces,
// no ";", strings double-quoted with Go escapes, metric names bare when
// they can be, "asc" omitted, and parentheses exactly where the tree has a
// Paren (Parse leaves only those that matter).

// String returns the canonical text of the query.
func (n *Query) String() string {
	var b strings.Builder
	if n.Explain {
		b.WriteString("explain ")
	}
	if n.Stmt != nil {
		b.WriteString(n.Stmt.String())
	}
	return b.String()
}

// String returns the canonical text of the statement.
func (n *Select) String() string {
	var b strings.Builder
	if n.Func != "" {
		b.WriteString(string(n.Func))
		b.WriteByte(' ')
	}
	if n.Metric != nil {
		b.WriteString("metric ")
		b.WriteString(n.Metric.String())
	} else {
		b.WriteString("facts")
	}
	writeWhere(&b, n.Where)
	if len(n.By) > 0 {
		b.WriteString(" by ")
		for i, f := range n.By {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(f.String())
		}
	}
	writeOrderBy(&b, n.OrderBy)
	writeLimit(&b, n.Limit)
	return b.String()
}

// String returns the canonical text of the statement.
func (n *Catalogue) String() string {
	var b strings.Builder
	b.WriteString(n.Kind)
	if n.Like != nil {
		b.WriteString(" like ")
		b.WriteString(n.Like.String())
	}
	writeWhere(&b, n.Where)
	writeOrderBy(&b, n.OrderBy)
	writeLimit(&b, n.Limit)
	return b.String()
}

// String returns the canonical text of the statement.
func (n *Conflicts) String() string {
	var b strings.Builder
	b.WriteString("conflicts")
	writeWhere(&b, n.Where)
	writeOrderBy(&b, n.OrderBy)
	writeLimit(&b, n.Limit)
	return b.String()
}

// String returns the canonical text of the statement.
func (n *Show) String() string {
	switch {
	case n.FactID != nil:
		return "show fact " + strconv.FormatInt(*n.FactID, 10)
	case n.DocumentID != nil:
		return "show document " + strconv.FormatInt(*n.DocumentID, 10)
	case n.DocumentName != nil:
		return "show document " + n.DocumentName.String()
	}
	return "show"
}

// String returns the canonical text of the statement.
func (n *Search) String() string {
	var b strings.Builder
	b.WriteString("search")
	if n.Text != nil {
		b.WriteByte(' ')
		b.WriteString(n.Text.String())
	}
	writeLimit(&b, n.Limit)
	return b.String()
}

func writeWhere(b *strings.Builder, e *Expr) {
	if e != nil {
		b.WriteString(" where ")
		b.WriteString(e.String())
	}
}

func writeOrderBy(b *strings.Builder, keys []*OrderKey) {
	if len(keys) == 0 {
		return
	}
	b.WriteString(" order by ")
	for i, k := range keys {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(k.String())
	}
}

func writeLimit(b *strings.Builder, l *Limit) {
	if l != nil {
		b.WriteByte(' ')
		b.WriteString(l.String())
	}
}

// String returns "limit N".
func (n *Limit) String() string { return "limit " + strconv.FormatInt(n.N, 10) }

// String returns the name, bare if it lexes as a single word that is not
// a keyword or a number, quoted otherwise.
func (n *Name) String() string { return QuoteName(n.Value) }

// String returns the field name.
func (n *Field) String() string { return n.Name }

// String returns the key, bare when it can be (a word or a keyword that
// may stand as a key), followed by " desc" when descending.
func (n *OrderKey) String() string {
	k := OrderKeyText(n.Key)
	if n.Desc {
		return k + " desc"
	}
	return k
}

// OrderKeyText returns a column name as an order key writes it: bare
// when it lexes as a word or as a keyword that may stand as a key (year,
// facts, sources), quoted otherwise.
func OrderKeyText(name string) string {
	if toks, err := scan(name); err == nil && len(toks) == 2 && toks[0].Type == wordToken && toks[0].Value == name {
		return name
	}
	return QuoteName(name)
}

// String returns "conflict".
func (n *Conflict) String() string { return "conflict" }

// String returns the alternatives joined by " or ".
func (n *Expr) String() string {
	parts := make([]string, len(n.Or))
	for i, a := range n.Or {
		parts[i] = a.String()
	}
	return strings.Join(parts, " or ")
}

// String returns the conjuncts joined by " and ".
func (n *AndExpr) String() string {
	parts := make([]string, len(n.And))
	for i, x := range n.And {
		parts[i] = x.String()
	}
	return strings.Join(parts, " and ")
}

// String returns the operand, preceded by "not " when negated.
func (n *NotExpr) String() string {
	s := ""
	if n.X != nil {
		s = n.X.String()
	}
	if n.Not {
		return "not " + s
	}
	return s
}

// String returns the condition in parentheses.
func (n *Paren) String() string { return "(" + n.X.String() + ")" }

// String returns "field op value".
func (n *Compare) String() string {
	return n.Field.String() + " " + n.Op + " " + n.Value.String()
}

// String returns "field [not] in (v, ...)".
func (n *In) String() string {
	var b strings.Builder
	b.WriteString(n.Field.String())
	if n.Not {
		b.WriteString(" not")
	}
	b.WriteString(" in (")
	for i, v := range n.Values {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(v.String())
	}
	b.WriteByte(')')
	return b.String()
}

// String returns "field [not] like pattern".
func (n *Like) String() string {
	s := n.Field.String()
	if n.Not {
		s += " not"
	}
	return s + " like " + n.Pattern.String()
}

// String returns the string double-quoted with Go escapes.
func (n *StringLit) String() string { return strconv.Quote(n.Value) }

// String returns the number as written.
func (n *NumberLit) String() string { return n.Text }
