package shell

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"unicode"

	"github.com/almanacdb/almanac"
)

// keywords are the words of the query language offered by completion,
// statement words first, as the language lists them; built on the first
// completion, which a batch never asks for.
var keywords = sync.OnceValue(almanac.Keywords)

// statementWords may start a statement.
var statementWords = sync.OnceValue(almanac.StatementKeywords)

// nameKind is a catalogue whose names completion offers.
type nameKind int

const (
	metricNames nameKind = iota
	entityNames
	unitNames
	documentNames
	yearNames
	// The fixed vocabularies, which need no database.
	periodValues
	qualifierValues
	statusValues
)

// fieldKinds maps the fields whose values completion offers to their
// names' kind.
var fieldKinds = map[string]nameKind{
	"entity": entityNames, "metric": metricNames, "unit": unitNames, "document": documentNames, "year": yearNames,
	"period": periodValues, "qualifier": qualifierValues, "status": statusValues,
}

// completer completes words of statements and meta-commands. names returns
// a catalogue of the open database; it may be nil.
type completer struct {
	names func(nameKind) []string
}

// complete implements liner.WordCompleter: line is the whole line and pos
// the cursor (in runes). It returns the text before the word being
// completed, the candidates for the word, and the text after the cursor.
func (c completer) complete(line string, pos int) (head string, candidates []string, tail string) {
	runes := []rune(line)
	if pos < 0 || pos > len(runes) {
		pos = len(runes)
	}
	before, tail := string(runes[:pos]), string(runes[pos:])
	start := wordStart(before)
	head, word := before[:start], before[start:]

	if strings.TrimSpace(head) == "" && strings.HasPrefix(word, ".") {
		return head, matchWords(metaNames(), word), tail
	}
	if meta, ok := strings.CutPrefix(strings.TrimLeft(head, " \t"), "."); ok {
		name, rest, _ := strings.Cut(meta, " ")
		return head, keepPrefix(word, c.completeMetaArg(name, rest, word)), tail
	}
	return head, keepPrefix(word, c.completeQuery(almanac.Lex(head).Tokens, word)), tail
}

// keepPrefix makes candidates share the typed word as a prefix, so that
// the editor, which puts in their longest common prefix, extends what
// was typed rather than erasing it: a bare word among quoted names is
// quoted like them ("Harbin" beside "Harbin New Area"), and names that
// match in another letter case take the word's (names are looked up
// without regard to case).
func keepPrefix(word string, candidates []string) []string {
	if len(candidates) < 2 || word == "" {
		return candidates
	}
	quoted := strings.HasPrefix(word, `"`)
	for _, c := range candidates {
		quoted = quoted || strings.HasPrefix(c, `"`)
	}
	bare := strings.TrimLeft(word, `"'`)
	rewrite := func(caseToo bool) []string {
		out := make([]string, len(candidates))
		for i, c := range candidates {
			name, wasQuoted := strings.CutPrefix(c, `"`)
			if quoted && !wasQuoted {
				name += `"`
			}
			if caseToo && len(name) >= len(bare) && strings.EqualFold(name[:len(bare)], bare) {
				name = bare + name[len(bare):]
			}
			if quoted {
				name = `"` + name
			}
			out[i] = name
		}
		return slices.Compact(out)
	}
	want := bare
	if quoted {
		want = `"` + bare
	}
	out := rewrite(false)
	if p := commonPrefix(out); len(p) >= len(want) && strings.EqualFold(p[:len(want)], want) {
		return out // extends the word, if in another case
	}
	return rewrite(true)
}

// commonPrefix returns the longest prefix all of ss share.
func commonPrefix(ss []string) string {
	if len(ss) == 0 {
		return ""
	}
	p := ss[0]
	for _, s := range ss[1:] {
		for !strings.HasPrefix(s, p) {
			p = p[:len(p)-1]
		}
	}
	return p
}

// wordStart returns where the word before the cursor begins: at the quote
// of a string still open, or after the last character that can be part
// of neither a name nor a file name.
func wordStart(before string) int {
	if l := almanac.Lex(before); l.Open != 0 {
		return l.Tokens[len(l.Tokens)-1].Pos.Offset
	}
	i := len(before)
	for i > 0 {
		r, n := lastRune(before[:i])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.IsMark(r) && !strings.ContainsRune("_-./~", r) {
			break
		}
		i -= n
	}
	return i
}

func lastRune(s string) (rune, int) {
	r := []rune(s)
	last := r[len(r)-1]
	return last, len(string(last))
}

// completeQuery offers the values a field takes where one is expected
// (after "metric", "entity =", "period in (", "show document" ...) and
// keywords elsewhere, falling back to names when no keyword matches.
func (c completer) completeQuery(toks []almanac.Token, word string) []string {
	if kind, ok := nameContext(toks); ok {
		return c.matchNames(kind, word)
	}
	if strings.HasPrefix(word, `"`) || strings.HasPrefix(word, `'`) {
		return append(c.matchNames(entityNames, word), c.matchNames(metricNames, word)...)
	}
	words := keywords()
	if len(toks) == 0 || len(toks) == 1 && toks[0].Text == "explain" || toks[len(toks)-1].Text == ";" {
		words = statementWords()
	}
	if m := matchWords(words, word); len(m) > 0 || word == "" {
		return m
	}
	return append(c.matchNames(metricNames, word), c.matchNames(entityNames, word)...)
}

// nameContext reports which catalogue's names may follow toks.
func nameContext(toks []almanac.Token) (nameKind, bool) {
	n := len(toks)
	if n == 0 {
		return 0, false
	}
	// Keywords are lower case, so texts compare as they are.
	text := func(i int) string { return toks[i].Text }
	// The statement's "metric NAME" (but not the field in "by metric").
	if text(n-1) == "metric" && (n == 1 || !slices.Contains([]string{"by", ",", "order"}, text(n-2))) {
		return metricNames, true
	}
	if text(n-1) == "document" && n >= 2 && text(n-2) == "show" {
		return documentNames, true
	}
	// FIELD op | FIELD [not] like | FIELD [not] in ( v, v, ...
	i := n - 1
	switch text(i) {
	case "=", "!=", "like":
		i--
	case "(", ",":
		for i >= 0 && text(i) != "(" {
			if text(i) != "," && !isValueToken(toks[i]) {
				return 0, false
			}
			i--
		}
		if i < 1 || text(i-1) != "in" {
			return 0, false
		}
		i -= 2
	default:
		return 0, false
	}
	if i >= 0 && text(i) == "not" {
		i--
	}
	if i < 0 {
		return 0, false
	}
	kind, ok := fieldKinds[text(i)]
	return kind, ok
}

func isValueToken(t almanac.Token) bool {
	switch t.Kind {
	case almanac.IdentToken, almanac.StringToken, almanac.IntToken, almanac.NumberToken:
		return true
	}
	return false
}

// matchNames returns the names of kind that start with word (ignoring
// case and an opening quote), written as the language wants them.
func (c completer) matchNames(kind nameKind, word string) []string {
	var names []string
	switch kind {
	case periodValues:
		names = almanac.FieldValues("period")
	case qualifierValues:
		names = almanac.FieldValues("qualifier")
	case statusValues:
		names = almanac.FieldValues("status")
	default:
		if c.names == nil {
			return nil
		}
		names = slices.Clone(c.names(kind))
		slices.SortFunc(names, func(a, b string) int { return strings.Compare(strings.ToLower(a), strings.ToLower(b)) })
	}
	quoted := strings.HasPrefix(word, `"`) || strings.HasPrefix(word, `'`)
	prefix := strings.ToLower(strings.TrimLeft(word, `"'`))
	var out []string
	for _, name := range names {
		if !strings.HasPrefix(strings.ToLower(name), prefix) {
			continue
		}
		q := almanac.QuoteName(name)
		if kind >= periodValues || kind == yearNames {
			q = name // a fixed value or a year: bare (period = year, Q1-Q3)
		}
		if quoted && !strings.HasPrefix(q, `"`) {
			q = `"` + name + `"`
		}
		out = append(out, q)
	}
	return slices.Compact(out)
}

// matchWords returns the words that start with prefix, ignoring case.
func matchWords(words []string, prefix string) []string {
	var out []string
	p := strings.ToLower(prefix)
	for _, w := range words {
		if strings.HasPrefix(w, p) {
			out = append(out, w)
		}
	}
	return out
}

// completeMetaArg completes the argument of a meta-command; rest is the
// text between the command's name and the word.
func (c completer) completeMetaArg(name, rest, word string) []string {
	cmd := findMeta(name)
	if cmd == nil {
		return nil
	}
	switch cmd.args {
	case argFile:
		return completeFile(word)
	case argTopic:
		if strings.TrimSpace(rest) == "" {
			return matchWords(helpWords(), strings.TrimPrefix(word, "."))
		}
	case argQuery:
		toks := almanac.Lex(rest).Tokens
		if cmd.name == "chart" {
			if len(toks) == 0 {
				return append(matchWords(chartStyles, word), c.completeQuery(nil, word)...)
			}
			if slices.Contains(chartStyles, strings.ToLower(toks[0].Text)) {
				toks = toks[1:]
			}
		}
		return c.completeQuery(toks, word)
	case argChoice:
		if strings.TrimSpace(rest) == "" {
			return matchWords(cmd.choices, word)
		}
	}
	return nil
}

// completeFile completes a file name.
func completeFile(word string) []string {
	dir, base := filepath.Split(word)
	readDir := dir
	if readDir == "" {
		readDir = "."
	}
	if strings.HasPrefix(readDir, "~/") {
		if home, err := os.UserHomeDir(); err == nil {
			readDir = filepath.Join(home, readDir[2:])
		}
	}
	entries, err := os.ReadDir(readDir)
	if err != nil {
		return nil
	}
	var out []string
	for _, e := range entries {
		n := e.Name()
		if !strings.HasPrefix(n, base) || strings.HasPrefix(n, ".") && !strings.HasPrefix(base, ".") {
			continue
		}
		if e.IsDir() {
			n += "/"
		}
		out = append(out, dir+n)
	}
	return out
}
