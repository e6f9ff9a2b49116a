package nlp

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// normalize is the form a word's features see: lower case, every digit
// written 0 ("2,350.5" -> "0,000.0"), at most 24 bytes.
func normalize(form string) string {
	ascii := true
	for i := 0; i < len(form); i++ {
		if form[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	var b []byte
	if ascii {
		same := len(form) <= 24
		for i := 0; i < len(form) && same; i++ {
			c := form[i]
			same = !(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9')
		}
		if same {
			return form // nothing to change: no copy
		}
		b = make([]byte, len(form))
		for i := 0; i < len(form); i++ {
			c := form[i]
			switch {
			case c >= 'A' && c <= 'Z':
				c += 'a' - 'A'
			case c >= '0' && c <= '9':
				c = '0'
			}
			b[i] = c
		}
	} else {
		var sb strings.Builder
		for _, r := range form {
			switch {
			case r >= '0' && r <= '9':
				sb.WriteByte('0')
			case r == '\u2019' || r == '\u2018':
				sb.WriteByte('\'')
			case r == '\u201c' || r == '\u201d':
				sb.WriteByte('"')
			case r == '\u2013' || r == '\u2014':
				sb.WriteByte('-')
			default:
				sb.WriteRune(unicode.ToLower(r))
			}
		}
		b = []byte(sb.String())
	}
	if len(b) > 24 {
		b = b[:24]
		for len(b) > 0 && !utf8.Valid(b) {
			b = b[:len(b)-1]
		}
	}
	return string(b)
}

// shape maps a form to its character classes, runs of one class cut to
// two: "Harbin" -> "Xxx", "GDP" -> "XX", "1,180" -> "d,dd", "high-tech"
// -> "xx-xx", "5G" -> "dX".
func shape(form string) string {
	var b [16]byte
	n := 0
	var last byte
	run := 0
	for _, r := range form {
		var c byte
		switch {
		case r >= 'A' && r <= 'Z' || r > 127 && unicode.IsUpper(r):
			c = 'X'
		case r >= 'a' && r <= 'z' || r > 127 && unicode.IsLetter(r):
			c = 'x'
		case r >= '0' && r <= '9':
			c = 'd'
		case r < 128:
			c = byte(r)
		default:
			c = '*'
		}
		if c == last {
			run++
			if run >= 2 {
				continue
			}
		} else {
			run = 0
		}
		last = c
		if n == len(b) {
			break
		}
		b[n] = c
		n++
	}
	return string(b[:n])
}

// word flags
const (
	flagUpper    = 1 << iota // starts with a capital
	flagAllUpper             // every letter a capital, at least two
	flagDigit                // has a digit
	flagHyphen               // has a hyphen
	flagPunct                // no letter or digit
)

func flagsOf(form string) uint64 {
	var f uint64
	letters, upper, alnum := 0, 0, 0
	for i, r := range form {
		switch {
		case unicode.IsLetter(r):
			letters++
			alnum++
			if unicode.IsUpper(r) {
				upper++
				if i == 0 {
					f |= flagUpper
				}
			}
		case unicode.IsDigit(r):
			alnum++
			f |= flagDigit
		case r == '-':
			f |= flagHyphen
		}
	}
	if letters >= 2 && upper == letters {
		f |= flagAllUpper
	}
	if alnum == 0 {
		f |= flagPunct
	}
	return f
}

// suffix returns the last n runes of s (all of s if shorter).
func suffix(s string, n int) string {
	i := len(s)
	for k := 0; k < n && i > 0; k++ {
		_, sz := utf8.DecodeLastRuneInString(s[:i])
		i -= sz
	}
	return s[i:]
}

// prefix returns the first n runes of s (all of s if shorter).
func prefix(s string, n int) string {
	i := 0
	for k := 0; k < n && i < len(s); k++ {
		_, sz := utf8.DecodeRuneInString(s[i:])
		i += sz
	}
	return s[:i]
}
