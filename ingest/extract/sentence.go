package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/almanacdb/almanac/ingest/recognize"
	"github.com/almanacdb/almanac/ingest/resolve"
)

// sentence is a span of the text and the paragraph it is in.
type sentence struct {
	start, end int
	para       int
}

// abbreviations that end in a period without ending a sentence.
var abbreviations = map[string]bool{
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "sept": true, "oct": true, "nov": true, "dec": true, "no": true, "co": true,
	"mr": true, "mrs": true, "ms": true, "dr": true, "st": true, "inc": true, "vs": true,
	"prof": true, "gov": true, "dept": true, "approx": true, "est": true, "corp": true,
}

// splitSentences splits text[start:end] into sentences. A line break ends
// a sentence and a paragraph, unless the line stops mid-sentence and the
// next starts in lower case (a stray break).
func splitSentences(text string, start, end int) []sentence {
	var out []sentence
	para := 0
	s := start
	emit := func(e int) {
		// Trim space.
		a, b := s, e
		for a < b {
			r, n := utf8.DecodeRuneInString(text[a:b])
			if !unicode.IsSpace(r) {
				break
			}
			a += n
		}
		for b > a {
			r, n := utf8.DecodeLastRuneInString(text[a:b])
			if !unicode.IsSpace(r) {
				break
			}
			b -= n
		}
		if b > a {
			out = append(out, sentence{start: a, end: b, para: para})
		}
	}
	for i := start; i < end; i++ {
		c := text[i]
		switch c {
		case '\n':
			// Stray break: the line does not end a sentence and the next
			// line starts in lower case or with a digit.
			j := i + 1
			for j < end && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r') {
				j++
			}
			k := i
			for k > s && (text[k-1] == ' ' || text[k-1] == '\r' || text[k-1] == '\t') {
				k--
			}
			if j < end && k > s && !isTerminal(text[k-1]) && (text[j] >= 'a' && text[j] <= 'z' || text[j] >= '0' && text[j] <= '9') && text[k-1] != ':' {
				continue
			}
			emit(i)
			s = i + 1
			para++
		case '.', '!', '?':
			if c == '.' && i+1 < end && text[i+1] >= '0' && text[i+1] <= '9' {
				continue
			}
			j := i + 1
			// Closing quotes and brackets belong to the sentence.
			for j < end {
				if text[j] == '"' || text[j] == '\'' || text[j] == ')' {
					j++
					continue
				}
				if strings.HasPrefix(text[j:], "\u201d") || strings.HasPrefix(text[j:], "\u2019") {
					j += 3
					continue
				}
				break
			}
			if j < end && !(text[j] == ' ' || text[j] == '\n' || text[j] == '\r' || text[j] == '\t' || strings.HasPrefix(text[j:], "\u00a0")) {
				continue
			}
			if c == '.' && isAbbreviation(text, s, i) {
				continue
			}
			// The next sentence starts with a capital, digit or quote.
			k := j
			for k < end && (text[k] == ' ' || text[k] == '\t' || strings.HasPrefix(text[k:], "\u00a0")) {
				if text[k] == 0xC2 {
					k += 2
				} else {
					k++
				}
			}
			if k < end && text[k] >= 'a' && text[k] <= 'z' {
				continue
			}
			emit(j)
			s = j
			i = j - 1
		}
	}
	emit(end)
	return out
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// asciiLower returns s with its ASCII capitals lowered; offsets are kept.
func asciiLower(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		b.WriteByte(c)
	}
	return b.String()
}

func isTerminal(c byte) bool {
	return c == '.' || c == '!' || c == '?' || c == '"' || c == ')'
}

// isAbbreviation reports whether the period at i ends an abbreviation
// ("Dec.", "Co.", "U.S.") rather than a sentence.
func isAbbreviation(text string, s, i int) bool {
	k := i
	for k > s && (text[k-1] >= 'a' && text[k-1] <= 'z' || text[k-1] >= 'A' && text[k-1] <= 'Z') {
		k--
	}
	w := strings.ToLower(text[k:i])
	if len(w) == 1 && text[k] >= 'A' && text[k] <= 'Z' {
		return true // an initial or "U.S."
	}
	return abbreviations[w]
}

// tok is a token of a sentence: a word, a punctuation mark or a whole
// quantity.
type tok struct {
	start, end int
	w          string // lower-case word or punctuation
	kind       byte   // 'w' word, 'p' punctuation, 'q' quantity
	q          int    // quantity index when kind == 'q'
	ment       int    // mention index + 1, 0 if none
	cap        bool
	poss       bool
	fl         wordFlag // the word lists the word is in
}

func (t tok) isWord() bool { return t.kind == 'w' }

// tokenize splits text[s:e] into tokens, turning each quantity (by index
// into qs) into one token and marking the words of mentions.
func tokenize(out []tok, text, lower string, s, e int, qs []recognize.Quantity, qIdx []int, ms []resolve.Mention, mIdx []int) []tok {
	qi, mi := 0, 0
	for i := s; i < e; {
		for qi < len(qIdx) && qs[qIdx[qi]].Start < i {
			qi++
		}
		if qi < len(qIdx) && qs[qIdx[qi]].Start == i {
			q := qs[qIdx[qi]]
			out = append(out, tok{start: q.Start, end: q.End, kind: 'q', q: qIdx[qi], w: "#"})
			i = q.End
			qi++
			continue
		}
		r, n := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(text[i:])
		}
		switch {
		case r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\u00a0':
			i += n
			continue
		case isWordRune(r):
			j := i + n
			ascii := r < utf8.RuneSelf
			for j < e {
				if c := text[j]; c < utf8.RuneSelf && (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
					j++
					continue
				}
				r2, n2 := utf8.DecodeRuneInString(text[j:])
				if isWordRune(r2) {
					ascii = false
					j += n2
					continue
				}
				if (r2 == '-' || r2 == '\'' || r2 == '&') && j+n2 < e {
					r3, _ := utf8.DecodeRuneInString(text[j+n2:])
					if unicode.IsLetter(r3) || unicode.IsDigit(r3) {
						j += n2
						continue
					}
				}
				if r2 == '\u2019' && j+n2 < e {
					r3, _ := utf8.DecodeRuneInString(text[j+n2:])
					if unicode.IsLetter(r3) {
						ascii = false
						j += n2
						continue
					}
				}
				break
			}
			t := tok{start: i, end: j, kind: 'w', cap: r >= 'A' && r <= 'Z'}
			w := text[i:j]
			we := j
			if strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "'S") {
				t.poss, w, we = true, w[:len(w)-2], j-2
			} else if strings.HasSuffix(w, "\u2019s") {
				t.poss, w, we = true, w[:len(w)-4], j-4
			}
			if ascii {
				t.w = lower[i:we] // the text lowered once: no allocation
			} else {
				t.w = strings.ToLower(w)
			}
			for mi < len(mIdx) && ms[mIdx[mi]].End <= i {
				mi++
			}
			if mi < len(mIdx) && ms[mIdx[mi]].Start <= i && i < ms[mIdx[mi]].End {
				t.ment = mIdx[mi] + 1
			}
			t.fl = flagsOf(t.w)
			out = append(out, t)
			i = j
		default:
			p := text[i : i+n]
			switch r {
			case '\u2013', '\u2014':
				p = "--"
			case '\u201c', '\u201d', '\u2018', '\u2019', '"', '\'':
				p = "\""
			case '-':
				if i+1 < e && text[i+1] == '-' {
					p, n = "--", 2
				}
			}
			out = append(out, tok{start: i, end: i + n, kind: 'p', w: p})
			i += n
		}
	}
	return out
}
