package syntax

// ParseFull parses src with the whole grammar only, as Parse did before
// each statement had a parser of its own.
func ParseFull(src string) (q *Query, err error) {
	defer recoverInternal(&err)
	toks, err := tokens(src)
	if err != nil {
		return nil, err
	}
	return parseFull(toks)
}

// ParseStatement parses src with the parser of its statement only; ok is
// false when there is none or it fails, where Parse asks the whole
// grammar.
func ParseStatement(src string) (q *Query, ok bool) {
	toks, err := tokens(src)
	if err != nil {
		return nil, false
	}
	if q, ok = parseStatement(toks); ok {
		finishQuery(q)
	}
	return q, ok
}
