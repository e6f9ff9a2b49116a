package document

import (
	"strings"
	"time"

	"github.com/almanacdb/almanac/ingest/recognize"
)

// This file finds dates inside page text, where ParseDate parses a string
// that is a date and nothing else.

// findDate returns the first date written in full (day, month and year)
// in s and its byte span. It reads
//
//	2024-08-26  2024/08/26  2024.08.26  2019- 07- 25
//	02-10-2021  25.07.2019  (year last: day first when the first number
//	                         is over 12, else month first, as US pages
//	                         write it)
//	Aug 26, 2024  Aug. 26 2024  Monday, August 26, 2024
//	26 Aug 2024  24th Oct, 2019  16 of February 2015
//
// A date begins at a word boundary; digits or letters may follow it
// ("2022-05-11Source"), more digits may not.
func findDate(s string) (start, end int, t time.Time, ok bool) {
	for i := 0; i < len(s); i++ {
		if i > 0 && isWordByte(s[i-1]) {
			continue
		}
		if n, t, ok := fullDateAt(s, i); ok {
			return i, i + n, t, true
		}
	}
	return 0, 0, time.Time{}, false
}

// fullDateAt reads a full date starting exactly at s[i:] and returns its
// length.
func fullDateAt(s string, i int) (n int, t time.Time, ok bool) {
	c := s[i]
	switch {
	case isDigit(c):
		if n, t, ok := numericDateAt(s, i); ok {
			return n, t, true
		}
		if j, md, ok := dayMonthAt(s, i); ok {
			if k, y, ok := yearAfter(s, j); ok {
				if t, ok := makeDate(y, int(md.month), md.day); ok {
					return k - i, t, true
				}
			}
		}
	case isASCIILetter(c):
		if j, md, ok := monthDayAt(s, i); ok {
			if k, y, ok := yearAfter(s, j); ok {
				if t, ok := makeDate(y, int(md.month), md.day); ok {
					return k - i, t, true
				}
			}
		}
	}
	return 0, time.Time{}, false
}

// numericDateAt reads a date of numbers at s[i:]: year first, or year
// last with day and month in either order.
func numericDateAt(s string, i int) (int, time.Time, bool) {
	a, na := leadingInt(s[i:], 4)
	j := i + na
	if na == 0 || j < len(s) && isDigit(s[j]) {
		return 0, time.Time{}, false
	}
	sep, j, ok := dateSep(s, j, 0)
	if !ok {
		return 0, time.Time{}, false
	}
	b, nb := leadingInt(s[j:], 2)
	j += nb
	if nb == 0 || j < len(s) && isDigit(s[j]) {
		return 0, time.Time{}, false
	}
	if _, j, ok = dateSep(s, j, sep); !ok {
		return 0, time.Time{}, false
	}
	want := 2
	if na <= 2 {
		want = 4
	} else if na != 4 {
		return 0, time.Time{}, false
	}
	c, nc := leadingInt(s[j:], want)
	j += nc
	if nc == 0 || na <= 2 && nc != 4 || j < len(s) && isDigit(s[j]) {
		return 0, time.Time{}, false
	}
	var t time.Time
	switch {
	case na == 4:
		t, ok = makeDate(a, b, c)
	case a > 12:
		t, ok = makeDate(c, b, a)
	default:
		t, ok = makeDate(c, a, b)
	}
	return j - i, t, ok
}

// dateSep reads the separator of a numeric date at s[j:] (one of - / .,
// the same as want unless want is 0) and the spaces some pages put after
// it. It returns the separator and the offset after them.
func dateSep(s string, j int, want byte) (byte, int, bool) {
	if j >= len(s) {
		return 0, j, false
	}
	c := s[j]
	if c != '-' && c != '/' && c != '.' || want != 0 && c != want {
		return 0, j, false
	}
	j++
	if j < len(s) && s[j] == ' ' {
		j++
	}
	return c, j, true
}

// monthDayAt reads "Aug 26", "Aug. 26", "August 26th", "Monday, August
// 26" at s[i:] and returns the offset after it.
func monthDayAt(s string, i int) (int, monthDay, bool) {
	if i >= len(s) || strings.IndexByte("adfjmnostw", s[i]|0x20) < 0 {
		return 0, monthDay{}, false // no month or weekday begins so
	}
	j, w := wordAt(s, i)
	if isWeekday(w) {
		j = skipSpace(s, skipByte(s, skipByte(s, j, '.'), ','))
		if j >= len(s) || !isASCIILetter(s[j]) {
			return 0, monthDay{}, false
		}
		j, w = wordAt(s, j)
	}
	m, ok := monthNamed(w)
	if !ok {
		return 0, monthDay{}, false
	}
	j = skipByte(s, j, '.')
	k := skipSpace(s, j)
	if k == j {
		return 0, monthDay{}, false
	}
	d, n := leadingInt(s[k:], 2)
	k += n
	if n == 0 || d < 1 || d > 31 || k < len(s) && isDigit(s[k]) {
		return 0, monthDay{}, false
	}
	k, ok = ordinalEnd(s, k)
	if !ok {
		return 0, monthDay{}, false
	}
	return k, monthDay{m, d}, true
}

// dayMonthAt reads "26 Aug", "24th Oct", "16 of February" at s[i:].
func dayMonthAt(s string, i int) (int, monthDay, bool) {
	d, n := leadingInt(s[i:], 2)
	j := i + n
	if n == 0 || d < 1 || d > 31 || j < len(s) && isDigit(s[j]) {
		return 0, monthDay{}, false
	}
	j, ok := ordinalEnd(s, j)
	if !ok {
		return 0, monthDay{}, false
	}
	k := skipSpace(s, j)
	if k == j || k >= len(s) {
		return 0, monthDay{}, false
	}
	if strings.HasPrefix(s[k:], "of ") {
		k = skipSpace(s, k+2)
	}
	k, w := wordAt(s, k)
	m, ok := monthNamed(w)
	if !ok {
		return 0, monthDay{}, false
	}
	return skipByte(s, k, '.'), monthDay{m, d}, true
}

// yearAfter reads the ", 2024" or " 2024" that ends a date at s[j:].
func yearAfter(s string, j int) (int, int, bool) {
	k := skipSpace(s, skipByte(s, j, ','))
	if k == j {
		return 0, 0, false
	}
	y, n := leadingInt(s[k:], 4)
	if n != 4 || k+n < len(s) && isDigit(s[k+n]) {
		return 0, 0, false
	}
	return k + n, y, true
}

// ordinalEnd skips an ordinal suffix ("st", "nd", "rd", "th") at s[j:];
// ok is false if letters follow the number that are not one.
func ordinalEnd(s string, j int) (int, bool) {
	if j+2 <= len(s) {
		switch strings.ToLower(s[j : j+2]) {
		case "st", "nd", "rd", "th":
			if j+2 == len(s) || !isASCIILetter(s[j+2]) {
				return j + 2, true
			}
		}
	}
	return j, j >= len(s) || !isASCIILetter(s[j])
}

// wordAt returns the run of ASCII letters at s[i:] and the offset after it.
func wordAt(s string, i int) (int, string) {
	j := i
	for j < len(s) && isASCIILetter(s[j]) {
		j++
	}
	return j, s[i:j]
}

func skipByte(s string, j int, c byte) int {
	if j < len(s) && s[j] == c {
		return j + 1
	}
	return j
}

// skipSpace skips spaces, tabs and no-break spaces.
func skipSpace(s string, j int) int {
	for j < len(s) {
		switch {
		case s[j] == ' ' || s[j] == '\t':
			j++
		case strings.HasPrefix(s[j:], "\u00a0"):
			j += len("\u00a0")
		default:
			return j
		}
	}
	return j
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// isWordByte reports an ASCII letter or digit.
func isWordByte(c byte) bool { return isDigit(c) || isASCIILetter(c) }

// A monthDay is a date without its year, as datelines write it
// ("HARBIN, Jan. 2 (Xinhua) --"); the zero value is none.
type monthDay struct {
	month time.Month
	day   int
}

// near returns md in the year that puts it on or after ref less a month,
// and less than eleven months after ref: the year of a dateline, taken
// from another date on the same page, which reports something at most a
// little after it and usually before it.
func (md monthDay) near(ref time.Time) (time.Time, bool) {
	lo, hi := ref.AddDate(0, 0, -31), ref.AddDate(0, 0, 335)
	for _, y := range []int{ref.Year(), ref.Year() + 1, ref.Year() - 1} {
		if t, ok := makeDate(y, int(md.month), md.day); ok && !t.Before(lo) && t.Before(hi) {
			return t, true
		}
	}
	return time.Time{}, false
}

// urlDate returns the date in a page's address, as news sites write it
// in the path: /2024/07/15/, /2024-07-15, /20240715, /202407/15/,
// /2024/0715/, /2024-07/15/. Years run from 1990 to 2099, so that an
// article number is not read as a date.
func urlDate(u string) (time.Time, bool) {
	if i := strings.Index(u, "://"); i >= 0 {
		u = u[i+3:]
		j := strings.IndexByte(u, '/')
		if j < 0 {
			return time.Time{}, false
		}
		u = u[j:]
	}
	if i := strings.IndexAny(u, "?#"); i >= 0 {
		u = u[:i]
	}
	isSep := func(c byte) bool { return c == '/' || c == '-' || c == '_' }
	for i := 0; i+8 <= len(u); i++ {
		if i > 0 && !isSep(u[i-1]) {
			continue
		}
		y, n := leadingInt(u[i:], 4)
		if n != 4 || y < 1990 || y > 2099 {
			continue
		}
		j := i + 4
		m, j, ok := urlPart(u, j, isSep)
		if !ok {
			continue
		}
		d, j, ok := urlPart(u, j, isSep)
		if !ok || j < len(u) && isDigit(u[j]) {
			continue
		}
		if t, ok := makeDate(y, m, d); ok {
			return t, true
		}
	}
	return time.Time{}, false
}

// urlPart reads a month or day of an address date at u[j:]: two digits,
// or one or two after a separator.
func urlPart(u string, j int, isSep func(byte) bool) (int, int, bool) {
	sep := j < len(u) && isSep(u[j])
	if sep {
		j++
	}
	v, n := leadingInt(u[j:], 2)
	if n == 2 || n == 1 && sep && (j+1 == len(u) || !isDigit(u[j+1])) {
		return v, j + n, true
	}
	return 0, j, false
}

// afterPeriod returns md in the year that puts it after the end of the
// first part of a year that text names with its year ("the first three
// quarters of 2022", "Q1 2023", "January-May 2021"): a wire copy reports
// a period that has ended. ok is false when text names none; a whole year
// ("in 2022") is no evidence, since it may be a plan.
func (md monthDay) afterPeriod(text string) (time.Time, bool) {
	if md.month == 0 {
		return time.Time{}, false
	}
	ys := recognize.Years(text)
	for _, p := range recognize.Periods(text) {
		end := periodEndMonth(p.Label)
		if end == 0 {
			continue
		}
		for _, y := range ys {
			if y.Start < p.End || y.Start-p.End > 12 || y.Kind != recognize.Year {
				continue
			}
			year := int(y.Value)
			if int(md.month) <= end {
				year++
			}
			return makeDate(year, int(md.month), md.day)
		}
	}
	return time.Time{}, false
}

// periodEndMonth returns the last month of a period label (Q1 is 3, H1
// 6, Q1-Q3 9, M1-M5 5), or 0 for the whole year, a season or a span.
func periodEndMonth(label string) int {
	switch label {
	case "Q1":
		return 3
	case "Q2", "H1":
		return 6
	case "Q3", "Q1-Q3":
		return 9
	case "Q4", "H2":
		return 12
	}
	if k := strings.LastIndexByte(label, 'M'); k >= 0 && (k == 0 || strings.HasPrefix(label, "M")) {
		n := 0
		for _, c := range label[k+1:] {
			if c < '0' || c > '9' {
				return 0
			}
			n = n*10 + int(c-'0')
		}
		if n >= 1 && n <= 12 {
			return n
		}
	}
	return 0
}
