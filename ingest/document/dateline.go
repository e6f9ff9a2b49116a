package document

import (
	"strings"
	"time"
)

// A dateline is the place, date and agency that open a wire story or a
// press release.
type dateline struct {
	n      int // bytes through the separator and the spaces after it
	end    int // bytes of the dateline itself, through its separator
	agency string
	date   time.Time // the date, when it gives the year
	md     monthDay  // the month and day, when it does not
	place  bool      // it names a place
	dash   bool      // it ends in a dash
}

// datelineAt reads a dateline at the start of s:
//
//	HARBIN, Jan. 2 (Xinhua) --              HARBIN/DAQING -
//	HARBIN, China, Dec. 25, 2023 /PRNewswire/ --
//	HARBIN, China, Feb. 26, 2025 (GLOBE NEWSWIRE) --
//	Feb. 26, 2025 (GLOBE NEWSWIRE) --       BEIJING (Reuters) -
//	ISLAMABAD, (APP - Pakistan Point News - 24th Oct, 2019 ) :
//
// A place alone must be in capitals and end in a dash ("DAQING --"); a
// place in ordinary case needs a date or an agency to be a dateline.
func datelineAt(s string) (dateline, bool) {
	var d dateline
	if len(s) > 200 {
		s = s[:200]
	}
	i := 0
	startsWithDate := false
	if _, _, ok := fullDateAt(s, 0); ok {
		startsWithDate = true
	} else if _, _, ok := monthDayAt(s, 0); ok {
		startsWithDate = true
	}
	place, caps := 0, false
	if !startsWithDate {
		place, caps = placeAt(s)
		i = place
		// Regions after the place: ", China", ", Heilongjiang Province".
		for r := 0; r < 3 && place > 0; r++ {
			if i >= len(s) || s[i] != ',' {
				break
			}
			j := skipSpace(s, i+1)
			if j >= len(s) {
				break
			}
			if _, _, ok := monthDayAt(s, j); ok {
				break
			}
			e, _ := placeAt(s[j:])
			if e == 0 {
				break
			}
			i = j + e
		}
	}
	// The date.
	j := i
	if place > 0 && j < len(s) && s[j] == ',' {
		j = skipSpace(s, j+1)
	}
	if j < len(s) {
		if n, t, ok := fullDateAt(s, j); ok {
			d.date, i = t, j+n
		} else if k, md, ok := monthDayAt(s, j); ok {
			d.md, i = md, k
		} else if k, md, ok := dayMonthAt(s, j); ok && place > 0 {
			d.md, i = md, k
		}
	}
	dated := !d.date.IsZero() || d.md.month != 0
	// The agency: "(Xinhua)", "/PRNewswire/", "(APP - ... - 24th Oct, 2019 )".
	k := i
	if k < len(s) && s[k] == ',' {
		k++
	}
	k = skipSpace(s, k)
	if k < len(s) && (s[k] == '(' || s[k] == '/') {
		closer := byte(')')
		if s[k] == '/' {
			closer = '/'
		}
		e := strings.IndexByte(s[k+1:], closer)
		if e > 0 && e <= 80 {
			inner := s[k+1 : k+1+e]
			if a, b, t, ok := findDate(inner); ok {
				if !dated {
					d.date, dated = t, true
				}
				inner = inner[:a] + inner[b:]
			}
			name := strings.TrimSpace(inner)
			if p := strings.Index(name, " - "); p > 0 {
				name = strings.TrimSpace(name[:p])
			}
			name = strings.TrimRight(name, " -")
			if name != "" && len(name) <= 40 && nameLike(name) {
				d.agency = name
				i = k + 1 + e + 1
			}
		}
	}
	// The separator.
	k = skipSpace(s, i)
	sep, dash := 0, false
	switch {
	case strings.HasPrefix(s[k:], "--"):
		sep, dash = 2, true
	case strings.HasPrefix(s[k:], "—"), strings.HasPrefix(s[k:], "–"):
		sep, dash = len("—"), true
	case strings.HasPrefix(s[k:], "-") && k > i && (k+1 == len(s) || s[k+1] == ' '):
		sep, dash = 1, true
	case d.agency != "" && (strings.HasPrefix(s[k:], ":") || strings.HasPrefix(s[k:], "：")):
		sep = len(s[k:]) - len(strings.TrimLeft(s[k:], ":："))
	}
	switch {
	case place == 0:
		if !dated || d.agency == "" {
			return dateline{}, false
		}
	case !dated && d.agency == "":
		// A place alone: "DAQING --".
		if !caps || !dash || lettersIn(s[:place]) < 3 {
			return dateline{}, false
		}
	case !dated || d.agency == "":
		// "BEIJING (Reuters) -", "Harbin, Jan. 2 --": a dash must end them.
		if !dash {
			return dateline{}, false
		}
	}
	d.place, d.dash = place > 0, dash
	if sep == 0 {
		// An agency and no separator: the text goes straight on.
		d.end, d.n = i, skipSpace(s, i)
		return d, true
	}
	d.end = k + sep
	d.n = skipSpace(s, d.end)
	return d, true
}

// placeAt reads the place of a dateline at the start of s: up to four
// capitalised words ("HARBIN", "NEW YORK", "HARBIN/DAQING", "St.
// Petersburg"), returning its length and whether it is all capitals.
func placeAt(s string) (int, bool) {
	i, end, words, caps := 0, 0, 0, true
	for words < 4 && i < len(s) && s[i] >= 'A' && s[i] <= 'Z' {
		j, upper := i, true
		for j < len(s) {
			c := s[j]
			if isASCIILetter(c) {
				upper = upper && c <= 'Z'
				j++
				continue
			}
			if (c == '/' || c == '-' || c == '\'' || c == '.') && j+1 < len(s) && isASCIILetter(s[j+1]) {
				j++
				continue
			}
			if c == '.' {
				j++ // "St."
			}
			break
		}
		if _, ok := monthNamed(strings.TrimRight(s[i:j], ".")); ok {
			break // "Dec. 25" is the date
		}
		words++
		end, caps = j, caps && upper
		if j+1 < len(s) && s[j] == ' ' && s[j+1] >= 'A' && s[j+1] <= 'Z' {
			i = j + 1
			continue
		}
		break
	}
	if words == 0 || end > 40 || lettersIn(s[:end]) < 2 {
		return 0, false
	}
	return end, caps
}

// lettersIn counts the ASCII letters of s.
func lettersIn(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if isASCIILetter(s[i]) {
			n++
		}
	}
	return n
}
