package nlp

import (
	"unicode"
	"unicode/utf8"
)

// MaxSentence is the most tokens a sentence has: a longer run without a
// sentence end is cut at its last comma or semicolon before the limit
// (or at the limit), so that the cost of everything after stays linear
// in the text whatever its shape.
const MaxSentence = 200

// Span is a range [Start, End) of indexes into a token slice.
type Span struct{ Start, End int }

// SplitSentences appends to dst the sentences of toks, the tokens of one
// paragraph. A sentence ends at ".", "!", "?" or "..." (with the closing
// quotes and brackets after it) when the next token starts with a
// capital, a digit, a quote or a bracket; a period an abbreviation keeps
// ("Dec.", "Mr.") ends none, except "Co.", "Inc.", "Ltd." and the like
// before a capitalised word that is not another such abbreviation.
func SplitSentences(dst []Span, toks []Token) []Span {
	s := 0
	for i := 0; i < len(toks); i++ {
		end := false
		f := toks[i].Form
		switch {
		case f == "." || f == "!" || f == "?" || f == "\u2026" || isDots(f) || f == "?!" || f == "!?":
			end = true
		case len(f) > 1 && f[len(f)-1] == '.' && closesAbbreviation(f):
			end = true
		}
		if end {
			j := i + 1
			for j < len(toks) && closer(toks[j].Form) {
				j++
			}
			if j < len(toks) && !opensSentence(toks[j].Form) {
				continue
			}
			if len(f) > 1 && f[len(f)-1] == '.' && f != "..." && !isDots(f) && j < len(toks) && (abbreviations[lowerASCII(toks[j].Form[:max(len(toks[j].Form)-1, 0)])] || toks[j].Form == "(") {
				continue
			}
			dst = appendCapped(dst, toks, s, j)
			s = j
			i = j - 1
		}
	}
	if s < len(toks) {
		dst = appendCapped(dst, toks, s, len(toks))
	}
	return dst
}

// appendCapped appends toks[a:b] as sentences of at most MaxSentence tokens.
func appendCapped(dst []Span, toks []Token, a, b int) []Span {
	for b-a > MaxSentence {
		cut := a + MaxSentence
		for k := a + MaxSentence - 1; k > a+MaxSentence/2; k-- {
			if f := toks[k].Form; f == "," || f == ";" {
				cut = k + 1
				break
			}
		}
		dst = append(dst, Span{a, cut})
		a = cut
	}
	return append(dst, Span{a, b})
}

func isDots(f string) bool {
	if len(f) < 2 {
		return false
	}
	for i := 0; i < len(f); i++ {
		if f[i] != '.' {
			return false
		}
	}
	return true
}

// closesAbbreviation reports whether an abbreviation may end a sentence
// with its period ("... with Harbin Electric Co. The deal ...").
func closesAbbreviation(f string) bool {
	switch lowerASCII(f[:len(f)-1]) {
	case "co", "inc", "ltd", "corp", "etc", "plc", "llc", "pte", "bros", "u.s", "u.k", "a.m", "p.m":
		return true
	}
	return false
}

func closer(f string) bool {
	switch f {
	case ")", "]", "}", "\"", "'", "\u201d", "\u2019", "\u00bb":
		return true
	}
	return false
}

// opensSentence reports whether a token can start a sentence.
func opensSentence(f string) bool {
	r, _ := utf8.DecodeRuneInString(f)
	switch {
	case unicode.IsUpper(r), unicode.IsDigit(r):
		return true
	}
	switch r {
	case '"', '\'', '\u201c', '\u2018', '(', '[', '$', '\u00a5', '\u20ac', '\u00a3', '-', '\u2014', '\u2013', '*', '\u2022':
		return true
	}
	return false
}
