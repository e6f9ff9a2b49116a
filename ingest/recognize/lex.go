package recognize

// Byte-level helpers shared by the recognisers. They treat text as UTF-8
// but only ever look at ASCII bytes and the few multi-byte runes news text
// uses for spacing and punctuation (U+00A0, curly quotes, dashes), so every
// offset they return is a rune boundary of the original text.

func isDigit(c byte) bool  { return c >= '0' && c <= '9' }
func isLetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }
func isAlnum(c byte) bool  { return isDigit(c) || isLetter(c) }
func lower(c byte) byte {
	if c >= 'A' && c <= 'Z' {
		return c + 32
	}
	return c
}

// isWordByte reports whether c continues a word: an ASCII letter or digit,
// or a byte of a non-ASCII letter. Non-ASCII spacing and punctuation runes
// are checked by spaceAt and punctAt before this is used.
func isWordByte(c byte) bool { return isAlnum(c) || c >= 0x80 }

// spaceAt returns the width of the horizontal space at text[i] (space, tab,
// U+00A0, U+2009 thin space, U+202F), or 0.
func spaceAt(text string, i int) int {
	if i >= len(text) {
		return 0
	}
	switch c := text[i]; {
	case c == ' ' || c == '\t':
		return 1
	case c == 0xC2 && i+1 < len(text) && text[i+1] == 0xA0:
		return 2
	case c == 0xE2 && i+2 < len(text) && text[i+1] == 0x80 && (text[i+2] == 0x89 || text[i+2] == 0xAF):
		return 3
	}
	return 0
}

// skipSpace skips horizontal space and at most one line break.
func skipSpace(text string, i int) int {
	nl := false
	for i < len(text) {
		if n := spaceAt(text, i); n > 0 {
			i += n
			continue
		}
		if (text[i] == '\n' || text[i] == '\r') && !nl {
			nl = text[i] == '\n'
			i++
			continue
		}
		break
	}
	return i
}

// skipSpaceBack returns the offset after the last non-space byte before i,
// skipping horizontal space and at most one line break.
func skipSpaceBack(text string, i int) int {
	nl := false
	for i > 0 {
		c := text[i-1]
		switch {
		case c == ' ' || c == '\t':
			i--
			continue
		case c == 0xA0 && i >= 2 && text[i-2] == 0xC2:
			i -= 2
			continue
		case (c == 0x89 || c == 0xAF) && i >= 3 && text[i-3] == 0xE2 && text[i-2] == 0x80:
			i -= 3
			continue
		case (c == '\n' || c == '\r') && !nl:
			nl = c == '\n'
			i--
			continue
		}
		break
	}
	return i
}

// dashAt returns the width of a hyphen, en dash or em dash at text[i], or 0.
func dashAt(text string, i int) int {
	if i >= len(text) {
		return 0
	}
	if text[i] == '-' {
		return 1
	}
	if text[i] == 0xE2 && i+2 < len(text) && text[i+1] == 0x80 && (text[i+2] == 0x93 || text[i+2] == 0x94) {
		return 3
	}
	return 0
}

// wordEnd returns the end of the run of ASCII letters starting at i.
func wordEnd(text string, i int) int {
	for i < len(text) && isLetter(text[i]) {
		i++
	}
	return i
}

// atWordStart reports whether a word may start at i: i is 0 or the byte
// before is not a letter or digit.
func atWordStart(text string, i int) bool {
	return i == 0 || !isAlnum(text[i-1])
}

// atWordEnd reports whether a word may end at i.
func atWordEnd(text string, i int) bool {
	return i >= len(text) || !isAlnum(text[i])
}

// hasWordAt reports whether text at i starts with w (ASCII, compared
// case-insensitively) followed by a word end; w may contain single spaces,
// which match any horizontal space, and '.'.
func hasWordAt(text string, i int, w string) (end int, ok bool) {
	j := i
	for k := 0; k < len(w); k++ {
		if w[k] == ' ' {
			n := spaceAt(text, j)
			if n == 0 {
				return 0, false
			}
			j += n
			for spaceAt(text, j) > 0 {
				j += spaceAt(text, j)
			}
			continue
		}
		if j >= len(text) || lower(text[j]) != w[k] {
			return 0, false
		}
		j++
	}
	if isLetter(w[len(w)-1]) && !atWordEnd(text, j) {
		return 0, false
	}
	return j, true
}

// phrases is a list of phrases with the set of bytes they start with, so
// that most positions are rejected with one lookup.
type phrases struct {
	list    []string
	byFirst [256][]int // indexes into list, by first byte (both cases)
}

func newPhrases(list ...string) *phrases {
	p := &phrases{list: list}
	for k, w := range list {
		p.byFirst[w[0]] = append(p.byFirst[w[0]], k)
		if w[0] >= 'a' && w[0] <= 'z' {
			p.byFirst[w[0]-32] = append(p.byFirst[w[0]-32], k)
		}
	}
	return p
}

// matchAny returns the longest phrase of p found at i and its index.
func matchAny(text string, i int, p *phrases) (end int, idx int) {
	end, idx = -1, -1
	if i >= len(text) {
		return end, idx
	}
	for _, k := range p.byFirst[text[i]] {
		w := p.list[k]
		if j, ok := hasWordAt(text, i, w); ok && j > end {
			end, idx = j, k
		}
	}
	return end, idx
}

// wordBefore returns the ASCII word ending just before i (after skipping
// spaces), lower-cased, and its start; "" if there is none.
func wordBefore(text string, i int) (string, int) {
	j := skipSpaceBack(text, i)
	k := j
	for k > 0 && isLetter(text[k-1]) {
		k--
	}
	if k == j || (k > 0 && isDigit(text[k-1])) {
		return "", j
	}
	b := make([]byte, j-k)
	for x := k; x < j; x++ {
		b[x-k] = lower(text[x])
	}
	return string(b), k
}
