package recognize

import (
	"math"
	"strings"
)

// Numbers finds the numbers of text: digits with thousands separators and
// decimals ("1,281", "391.54"), number words ("six", "twenty-five",
// "two hundred", "a dozen") and either followed by a scale ("billion",
// "mln", "bn", the "m" of "9.73m"). A number broken by a stray line break
// after a separator ("1,\n281") is read whole. Value is the scaled number.
//
// Digits glued to letters that are neither a scale nor a unit ("5G",
// "14th", "COVID-19", "G20") are not numbers. Years and dates are numbers
// here too; Years and Dates tell them apart.
func Numbers(text string) []Span {
	var out []Span
	for i := 0; i < len(text); {
		c := text[i]
		switch {
		case isDigit(c):
			if i > 0 && (isLetter(text[i-1]) && !afterCurrencyCode(text, i) || (text[i-1] == '-' && i > 1 && isLetter(text[i-2])) || text[i-1] == '.' && i > 1 && isDigit(text[i-2])) {
				i = skipAlnum(text, i)
				continue
			}
			s, ok := scanDigits(text, i)
			if !ok {
				i = skipAlnum(text, i)
				continue
			}
			out = append(out, s)
			i = s.End
		case isLetter(c) && atWordStart(text, i):
			if s, ok := scanNumberWords(text, i); ok {
				out = append(out, s)
				i = s.End
				continue
			}
			i = wordEnd(text, i)
		default:
			i++
		}
	}
	return out
}

// afterCurrencyCode reports whether the letters right before i are a
// currency code written onto its number, as financial releases do
// ("RMB1.38 billion", "USD250 million").
func afterCurrencyCode(text string, i int) bool {
	if i < 3 || !atWordStart(text, i-3) {
		return false
	}
	code := text[i-3 : i]
	for _, c := range [...]string{"rmb", "cny", "usd", "eur", "hkd"} {
		if strings.EqualFold(code, c) {
			return true
		}
	}
	return false
}

func skipAlnum(text string, i int) int {
	for i < len(text) && (isAlnum(text[i]) || text[i] == '.' && i+1 < len(text) && isDigit(text[i+1])) {
		i++
	}
	return i
}

// scanDigits reads a number written in digits at i.
func scanDigits(text string, i int) (Span, bool) {
	start := i
	var v float64
	n := 0
	for i < len(text) && isDigit(text[i]) {
		v = v*10 + float64(text[i]-'0')
		i++
		n++
	}
	// Thousands groups: ",ddd" (a line break may follow the comma).
	if n <= 3 {
		for i < len(text) && text[i] == ',' {
			j := i + 1
			if j < len(text) && text[j] == '\r' {
				j++
			}
			if j < len(text) && text[j] == '\n' {
				j++
			}
			if j+3 <= len(text) && isDigit(text[j]) && isDigit(text[j+1]) && isDigit(text[j+2]) && (j+3 == len(text) || !isDigit(text[j+3])) {
				v = v*1000 + float64(text[j]-'0')*100 + float64(text[j+1]-'0')*10 + float64(text[j+2]-'0')
				i = j + 3
				continue
			}
			break
		}
	}
	// Decimals.
	if i+1 < len(text) && text[i] == '.' && isDigit(text[i+1]) {
		j := i + 1
		f := 0.1
		for j < len(text) && isDigit(text[j]) {
			v += f * float64(text[j]-'0')
			f /= 10
			j++
		}
		i = j
		v = roundTo(v, j-start)
	}
	s := Span{Start: start, End: i, Kind: Number, Value: v}
	// Glued letters: a scale, a unit or '%' may follow directly; anything
	// else makes the token a name ("5G", "14th", "3D").
	if i < len(text) && isLetter(text[i]) {
		if end, m := scaleAt(text, i, true); end > 0 {
			s.Value = roundTo(v*m, 15)
			s.End = end
			return s, true
		}
		if _, _, _, ok := matchUnit(text, i); ok {
			return s, true
		}
		if _, _, ok := matchCurrencyAfter(text, i); ok {
			return s, true
		}
		return s, false
	}
	// A scale word after a space.
	if j := skipSpace(text, i); j > i && j < len(text) && isLetter(text[j]) {
		if end, m := scaleAt(text, j, false); end > 0 {
			s.Value = roundTo(v*m, 15)
			s.End = end
		}
	}
	return s, true
}

// roundTo removes the binary noise of decimal arithmetic.
func roundTo(v float64, digits int) float64 {
	if v == 0 || math.IsInf(v, 0) || math.IsNaN(v) {
		return v
	}
	s := math.Pow(10, float64(15-int(math.Ceil(math.Log10(math.Abs(v))))))
	if math.IsInf(s, 0) || s == 0 {
		return v
	}
	return math.Round(v*s) / s
}

var scaleWords = newPhrases("thousand", "million", "billion", "trillion", "mln", "bln", "bn", "mn", "trln", "tln")
var scaleValues = []float64{1e3, 1e6, 1e9, 1e12, 1e6, 1e9, 1e9, 1e6, 1e12, 1e12}

// scaleAt matches a scale word at i. glued allows the short forms written
// against the digits ("9.73m", "4.5bn", "300k").
func scaleAt(text string, i int, glued bool) (int, float64) {
	end, k := matchAny(text, i, scaleWords)
	if k >= 0 {
		return end, scaleValues[k]
	}
	if glued {
		switch lower(text[i]) {
		case 'm':
			if atWordEnd(text, i+1) {
				return i + 1, 1e6
			}
		case 'k':
			if atWordEnd(text, i+1) {
				return i + 1, 1e3
			}
		case 'b':
			if atWordEnd(text, i+1) {
				return i + 1, 1e9
			}
		}
	}
	return 0, 0
}

var smallNumbers = map[string]float64{
	"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
	"seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
	"thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
	"eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
	"fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}

// numberWordStart holds the letters number words start with.
var numberWordStart = func() (t [256]bool) {
	for _, c := range "zotfsenahmbdZOTFSENAHMBD" {
		t[c] = true
	}
	return t
}()

// wordAt returns the lower-cased ASCII word at i and its end. A word
// already in lower case is returned as a substring of text; one with
// capitals is returned only when it is one of the words the recognisers
// look for (vocabulary), else as "". It never allocates.
func wordAt(text string, i int, buf []byte) (string, int) {
	j := wordEnd(text, i)
	w := text[i:j]
	for k := 0; k < len(w); k++ {
		if w[k] >= 'A' && w[k] <= 'Z' {
			if len(w) > len(buf) {
				return "", j
			}
			for m := 0; m < len(w); m++ {
				buf[m] = lower(w[m])
			}
			return vocabulary[string(buf[:len(w)])], j
		}
	}
	return w, j
}

// vocabulary holds the words that wordAt callers compare with.
var vocabulary = func() map[string]string {
	m := map[string]string{}
	for w := range smallNumbers {
		m[w] = w
	}
	for _, w := range []string{"a", "an", "dozen", "hundred", "thousand", "million", "billion", "trillion",
		"and", "first", "second", "third", "fourth", "1st", "2nd", "3rd", "4th", "last", "final", "quarter",
		"half", "quarters", "months", "per", "each", "every", "day", "week", "daily", "holiday", "holidays", "golden"} {
		m[w] = w
	}
	return m
}()

// bigScale returns the value of a scale word, or 0.
func bigScale(w string) float64 {
	switch w {
	case "thousand":
		return 1e3
	case "million":
		return 1e6
	case "billion":
		return 1e9
	case "trillion":
		return 1e12
	}
	return 0
}

// scanNumberWords reads a number in words at i: "six", "twenty-five",
// "two hundred", "three million", "a dozen", "a hundred".
func scanNumberWords(text string, i int) (Span, bool) {
	if !numberWordStart[text[i]] {
		return Span{}, false
	}
	var buf [16]byte
	start := i
	w, j := wordAt(text, i, buf[:])
	var total, cur float64
	seen := false
	end := i
	if w == "a" || w == "an" {
		k := skipSpace(text, j)
		w2, j2 := wordAt(text, k, buf[:])
		switch w2 {
		case "dozen":
			return Span{Start: start, End: j2, Kind: Number, Value: 12, Words: true}, true
		case "hundred", "thousand", "million", "billion":
			cur = 1
			seen = true
			i = k
			w, j = w2, j2
		default:
			return Span{}, false
		}
	}
	for {
		switch v, ok := smallNumbers[w]; {
		case ok && (!seen || cur == 0 || (cur >= 100 && int(cur)%100 == 0) || (v < 10 && int(cur)%10 == 0 && cur >= 20 && cur < 100)):
			cur += v
		case w == "hundred" && seen && cur > 0 && cur < 100:
			cur *= 100
		case (w == "thousand" || w == "million" || w == "billion" || w == "trillion") && seen && (cur > 0 || total > 0):
			m := bigScale(w)
			if cur == 0 {
				cur = 1
			}
			total += cur * m
			cur = 0
		case w == "dozen" && seen && cur > 0 && total == 0:
			cur *= 12
		default:
			goto done
		}
		seen = true
		end = j
		// Continue over "-", a space or "and" after "hundred".
		k := j
		if k < len(text) && text[k] == '-' && k+1 < len(text) && isLetter(text[k+1]) {
			nw, _ := wordAt(text, k+1, buf[:])
			if _, ok := smallNumbers[nw]; !ok {
				goto done
			}
			k++
		} else {
			k2 := skipSpace(text, k)
			if k2 == k || k2 >= len(text) || !isLetter(text[k2]) {
				goto done
			}
			k = k2
			if nw, nj := wordAt(text, k, buf[:]); nw == "and" && cur >= 100 {
				k = skipSpace(text, nj)
			}
		}
		w, j = wordAt(text, k, buf[:])
	}
done:
	if !seen || end == start {
		return Span{}, false
	}
	return Span{Start: start, End: end, Kind: Number, Value: total + cur, Words: true}, true
}
