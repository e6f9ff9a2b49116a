package nlp

import (
	"unicode"
	"unicode/utf8"
)

// Token is one word of a text: its byte span, its form (the text of the
// span), and what the tagger and parser say of it. Head is the index of
// the word's head in its sentence's tokens, -1 for the root (and before
// parsing); Rel is the relation to that head ("nsubj", "obl:tmod"...).
type Token struct {
	Start, End int
	Form       string
	Tag        Tag
	Lemma      string
	Head       int
	Rel        string
}

// Tokenize appends the tokens of text[start:end] to dst, split the way
// Universal Dependencies English-EWT splits words: punctuation apart
// (except inside numbers, abbreviations, e-mail and web addresses),
// clitics apart ("Harbin's" -> "Harbin" "'s", "don't" -> "do" "n't"),
// hyphenated compounds apart ("year-on-year" -> "year" "-" "on" "-"
// "year") except after a prefix such as co-, non- or e-, currency signs
// apart from their numbers ("$58.75" -> "$" "58.75", "RMB1.38" -> "RMB"
// "1.38", "US$" whole).
// Offsets point into text: text[t.Start:t.End] == t.Form.
func Tokenize(dst []Token, text string, start, end int) []Token {
	i := start
	for i < end {
		r, n := utf8.DecodeRuneInString(text[i:end])
		if isSpace(r) {
			i += n
			continue
		}
		j := i + n
		for j < end {
			r, n := utf8.DecodeRuneInString(text[j:end])
			if isSpace(r) {
				break
			}
			j += n
		}
		dst = splitChunk(dst, text, i, j)
		i = j
	}
	return dst
}

func isSpace(r rune) bool {
	return r == ' ' || r == '\n' || r == '\t' || r == '\r' || r == 0xa0 || r > 127 && unicode.IsSpace(r)
}

func tok(text string, a, b int) Token {
	return Token{Start: a, End: b, Form: text[a:b], Head: -1}
}

// splitChunk splits one whitespace-free chunk into tokens.
func splitChunk(dst []Token, text string, a, b int) []Token {
	if isAddress(text[a:b]) {
		// An address may end with a sentence's punctuation.
		e := b
		for e > a && (text[e-1] == '.' || text[e-1] == ',' || text[e-1] == ')' || text[e-1] == ';') {
			e--
		}
		dst = append(dst, tok(text, a, e))
		for k := e; k < b; k++ {
			dst = append(dst, tok(text, k, k+1))
		}
		return dst
	}
	// Leading punctuation.
	for a < b {
		r, n := utf8.DecodeRuneInString(text[a:b])
		if !leadingPunct(r) || r == '\'' && clitic(text[a:b]) > 0 {
			break
		}
		if r == '.' && a+n < b && isDigit(text[a+n]) {
			break // ".5"
		}
		if r == '-' && a+n < b && isDigit(text[a+n]) && (a+n+1 >= b || text[a+n] != '-') {
			break // "-3.5"
		}
		n = punctRun(text, a, b, r, n)
		dst = append(dst, tok(text, a, a+n))
		a += n
	}
	// Trailing punctuation, collected then appended in order.
	var tail [8][2]int
	nt := 0
	for b > a && nt < len(tail) {
		r, n := utf8.DecodeLastRuneInString(text[a:b])
		if !trailingPunct(r) {
			break
		}
		if r == '.' {
			if keepsPeriod(text[a:b]) {
				break
			}
			// "...": one token.
			k := b - 1
			for k > a && text[k-1] == '.' {
				k--
			}
			if b-k > 1 {
				n = b - k
			}
		}
		tail[nt] = [2]int{b - n, b}
		nt++
		b -= n
	}
	dst = splitInner(dst, text, a, b)
	for k := nt - 1; k >= 0; k-- {
		dst = append(dst, tok(text, tail[k][0], tail[k][1]))
	}
	return dst
}

// punctRun extends a punctuation token over repeats of the same rune
// ("--", "...", "!!").
func punctRun(text string, a, b int, r rune, n int) int {
	if r != '-' && r != '.' && r != '!' && r != '?' && r != '*' && r != '=' {
		return n
	}
	k := a + n
	for k < b {
		r2, n2 := utf8.DecodeRuneInString(text[k:b])
		if r2 != r {
			break
		}
		k += n2
	}
	return k - a
}

// splitInner splits the core of a chunk: brackets, slashes, commas and
// colons that are not inside numbers, hyphens, currency signs and clitics.
func splitInner(dst []Token, text string, a, b int) []Token {
	s := a
	for i := a; i < b; {
		r, n := utf8.DecodeRuneInString(text[i:b])
		cut := false
		switch r {
		case '(', ')', '[', ']', '{', '}', '"', '\u201c', '\u201d', '|', '<', '>', '\u2014', '\u2013', ';', '!', '?', '\u2026':
			cut = true
		case ',', ':':
			// Inside a number ("1,180", "18:33") they stay.
			cut = !(i > s && isDigit(text[i-1]) && i+1 < b && isDigit(text[i+1]))
		case '/':
			cut = !(i > s && isDigit(text[i-1]) && i+1 < b && isDigit(text[i+1])) && !unitSlash(text, s, i, b)
		case '-':
			cut = hyphenSplits(text, s, i, b)
		case '$', '\u00a5', '\u20ac', '\u00a3':
			// "$58.75" -> "$" "58.75"; "US$" stays one token.
			if i+n < b && isDigit(text[i+n]) {
				if i > s {
					dst = appendWord(dst, text, s, i+n)
				} else {
					dst = append(dst, tok(text, i, i+n))
				}
				i += n
				s = i
				continue
			}
		case '%':
			cut = true
		}
		if cut {
			if i > s {
				dst = appendWord(dst, text, s, i)
			}
			n = punctRun(text, i, b, r, n)
			dst = append(dst, tok(text, i, i+n))
			i += n
			s = i
			continue
		}
		i += n
	}
	if s < b {
		dst = appendWord(dst, text, s, b)
	}
	return dst
}

// currencyCodes are the codes financial releases write onto their
// numbers.
var currencyCodes = map[string]bool{"RMB": true, "CNY": true, "USD": true, "EUR": true, "HKD": true}

// appendWord appends a word, its clitic split off, and a number apart
// from a scale or unit written onto it ("16bn" -> "16" "bn", "10am").
func appendWord(dst []Token, text string, a, b int) []Token {
	if k := clitic(text[a:b]); k > 0 && k < b-a {
		dst = append(dst, tok(text, a, b-k))
		return append(dst, tok(text, b-k, b))
	}
	if b-a > 3 && isDigit(text[a+3]) && currencyCodes[text[a:a+3]] {
		// "RMB1.38" -> "RMB" "1.38", as "$58.75" -> "$" "58.75".
		dst = append(dst, tok(text, a, a+3))
		return appendWord(dst, text, a+3, b)
	}
	if k := numberEnd(text[a:b]); k > 0 && k < b-a && stuckSuffixes[text[a+k:b]] {
		dst = append(dst, tok(text, a, a+k))
		return append(dst, tok(text, a+k, b))
	}
	return append(dst, tok(text, a, b))
}

// stuckSuffixes are the scales and units news writes onto a number.
var stuckSuffixes = map[string]bool{
	"bn": true, "mn": true, "tn": true, "m": true, "b": true, "k": true, "am": true, "pm": true,
	"km": true, "kg": true, "mw": true, "gw": true, "kw": true, "kwh": true, "mm": true, "cm": true,
	"sq": true, "ha": true, "t": true,
}

// numberEnd returns the length of the number s starts with ("1,180.5"),
// or 0.
func numberEnd(s string) int {
	i := 0
	for i < len(s) && (isDigit(s[i]) || (s[i] == ',' || s[i] == '.') && i > 0 && i+1 < len(s) && isDigit(s[i+1])) {
		i++
	}
	return i
}

// clitic returns the byte length of a clitic ending word ("'s", "n't",
// "’re", a possessive "'" after s), or 0.
func clitic(w string) int {
	for _, q := range [...]string{"'", "\u2019"} {
		for _, c := range [...]string{"s", "re", "ve", "ll", "d", "m", "S", "RE", "VE", "LL", "D", "M"} {
			if hasSuffixFold(w, q+c) {
				n := len(q) + len(c)
				if len(w) > n {
					return n
				}
			}
		}
		if hasSuffixFold(w, "n"+q+"t") && len(w) > len(q)+2 {
			return len(q) + 2
		}
		// "companies'": a possessive apostrophe after s.
		if len(w) > len(q)+1 && w[len(w)-len(q):] == q && (w[len(w)-len(q)-1] == 's' || w[len(w)-len(q)-1] == 'S') {
			return len(q)
		}
	}
	return 0
}

func hasSuffixFold(s, suf string) bool {
	if len(s) < len(suf) {
		return false
	}
	t := s[len(s)-len(suf):]
	for i := 0; i < len(t); i++ {
		c, d := t[i], suf[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if d >= 'A' && d <= 'Z' {
			d += 'a' - 'A'
		}
		if c != d {
			return false
		}
	}
	return true
}

// hyphenPrefixes stay joined to what follows their hyphen, as EWT keeps
// "e-mail", "co-workers", "non-commercial" whole.
var hyphenPrefixes = map[string]bool{
	"e": true, "co": true, "non": true, "pre": true, "post": true, "re": true, "anti": true,
	"multi": true, "semi": true, "sub": true, "inter": true, "mid": true, "ex": true, "pro": true,
}

// hyphenSplits reports whether the hyphen at i of the word starting at s
// is a token of its own.
func hyphenSplits(text string, s, i, b int) bool {
	if i == s || i+1 >= b {
		return true
	}
	if text[i+1] == '-' || text[i-1] == '-' {
		return true
	}
	// A telephone-like run of digit groups stays whole.
	if isDigit(text[i-1]) && isDigit(text[i+1]) && digitsAndHyphens(text[s:b]) && countByte(text[s:b], '-') >= 2 {
		return false
	}
	return !hyphenPrefixes[lowerASCII(text[s:i])]
}

func digitsAndHyphens(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) && s[i] != '-' {
			return false
		}
	}
	return true
}

func countByte(s string, c byte) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			n++
		}
	}
	return n
}

// unitSlash reports whether the slash at i joins a unit ("km/h", "m/s").
func unitSlash(text string, s, i, b int) bool {
	return i-s <= 3 && b-i-1 <= 2 && i-s >= 1 && b-i-1 >= 1 && isLowerWord(text[s:i]) && isLowerWord(text[i+1:b])
}

func isLowerWord(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'a' || s[i] > 'z' {
			return false
		}
	}
	return s != ""
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func leadingPunct(r rune) bool {
	switch r {
	case '(', '[', '{', '"', '\'', '\u201c', '\u2018', '\u00ab', '<', '-', '\u2014', '\u2013', '*', '#', '.', ',', ';', ':', '!', '?', '|', '\u2022', '>', '~', '/':
		return true
	}
	return false
}

func trailingPunct(r rune) bool {
	switch r {
	case ')', ']', '}', '"', '\'', '\u201d', '\u2019', '\u00bb', '>', '.', ',', ';', ':', '!', '?', '-', '\u2014', '\u2013', '*', '|', '\u2026', '/':
		return true
	}
	return false
}

// abbreviations keep their final period ("Co.", "Dec.", "Mr.").
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "st": true, "jr": true, "sr": true,
	"co": true, "corp": true, "inc": true, "ltd": true, "no": true, "vs": true, "etc": true, "gov": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true, "sep": true,
	"sept": true, "oct": true, "nov": true, "dec": true, "mt": true, "ft": true, "gen": true, "col": true,
	"lt": true, "sgt": true, "rep": true, "sen": true, "dept": true, "est": true, "approx": true, "fig": true,
	"bros": true, "pte": true, "plc": true, "llc": true, "ave": true, "blvd": true, "rd": true,
}

// keepsPeriod reports whether w, which ends in a period, is an
// abbreviation that keeps it: a listed one, one with an inner period
// ("U.S.", "a.m."), or an initial ("W.").
func keepsPeriod(w string) bool {
	core := w[:len(w)-1]
	if core == "" || core[len(core)-1] == '.' {
		return false
	}
	if abbreviations[lowerASCII(core)] {
		return true
	}
	if len(core) == 1 && core[0] >= 'A' && core[0] <= 'Z' {
		return true
	}
	// Letters separated by periods: "U.S", "e.g", "a.m".
	dots := 0
	for i := 0; i < len(core); i++ {
		c := core[i]
		switch {
		case c == '.':
			if i == 0 || core[i-1] == '.' {
				return false
			}
			dots++
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
		default:
			return false
		}
	}
	return dots > 0 && len(core) <= 8
}

// isAddress reports whether a chunk is an e-mail or web address.
func isAddress(s string) bool {
	if len(s) < 6 {
		return false
	}
	if hasPrefixFold(s, "http://") || hasPrefixFold(s, "https://") || hasPrefixFold(s, "www.") {
		return true
	}
	at := -1
	for i := 0; i < len(s); i++ {
		if s[i] == '@' {
			at = i
			break
		}
	}
	if at > 0 {
		for i := at + 2; i < len(s)-1; i++ {
			if s[i] == '.' {
				return true
			}
		}
	}
	return false
}

func hasPrefixFold(s, p string) bool {
	return len(s) >= len(p) && hasSuffixFold(s[:len(p)], p)
}
