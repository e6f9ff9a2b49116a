package document

import (
	"strings"
	"time"
)

// ParseDate parses a publication date as news pages write it and returns
// UTC midnight of that calendar date. It accepts
//
//	2024-08-26, 2024/08/26, 2024.08.26, 2019- 07- 25
//	2024-08-26T10:32:00+08:00 (RFC 3339, with or without zone or seconds)
//	2024-08-26 10:32[:00]
//	Aug 24, 2024   Aug. 24, 2024   August 24, 2024   Aug 24 2024
//	24 August 2024   24 Aug 2024
//
// optionally after a weekday ("Monday, August 26, 2024") and, for the
// spelled-out forms, before a time ("26 Aug 2024 10:00:00 GMT").
//
// A timestamp keeps the date as written, not as converted to UTC: the
// publication date is the day in the publisher's own zone. ok is false
// when s is none of these or names a day that does not exist.
func ParseDate(s string) (t time.Time, ok bool) {
	s = strings.TrimSpace(s)
	if t, ok := parseNumericDate(s); ok {
		return t, true
	}
	return parseWordDate(s)
}

// parseNumericDate handles year-first dates with an optional time.
func parseNumericDate(s string) (time.Time, bool) {
	if len(s) < 8 || !isDigits(s[:4]) {
		return time.Time{}, false
	}
	sep := s[4]
	if sep != '-' && sep != '/' && sep != '.' {
		return time.Time{}, false
	}
	y := atoi(s[:4])
	// "2019- 07- 25": some pages put a space after each separator.
	rest := strings.TrimLeft(s[5:], " ")
	m, n := leadingInt(rest, 2)
	if n == 0 || n >= len(rest) || rest[n] != sep {
		return time.Time{}, false
	}
	rest = strings.TrimLeft(rest[n+1:], " ")
	d, n := leadingInt(rest, 2)
	if n == 0 {
		return time.Time{}, false
	}
	rest = rest[n:]
	if rest != "" && !validTimeSuffix(rest) {
		return time.Time{}, false
	}
	return makeDate(y, m, d)
}

// timeSuffixLayouts are the times that may follow a year-first date.
var timeSuffixLayouts = []string{
	"T15:04:05Z07:00",
	"T15:04:05.999999999Z07:00",
	"T15:04:05",
	"T15:04:05.999999999",
	"T15:04Z07:00",
	"T15:04",
	" 15:04:05Z07:00",
	" 15:04:05.999999999Z07:00",
	" 15:04:05",
	" 15:04",
	" 15:04:05 -0700",
	" 15:04:05 MST",
	" 15:04 MST",
}

func validTimeSuffix(s string) bool {
	if len(s) > 1 && s[0] == 't' {
		s = "T" + s[1:]
	}
	s = strings.Replace(s, "z", "Z", 1)
	for _, layout := range timeSuffixLayouts {
		if _, err := time.Parse(layout, s); err == nil {
			return true
		}
	}
	return false
}

// parseWordDate handles dates with the month spelled out.
func parseWordDate(s string) (time.Time, bool) {
	f := strings.FieldsFunc(s, func(r rune) bool {
		return r == ' ' || r == ',' || r == '.' || r == '\t' || r == '\u00a0'
	})
	if len(f) > 0 && isWeekday(f[0]) {
		f = f[1:]
	}
	if len(f) < 3 {
		return time.Time{}, false
	}
	// Anything after the year must be a time of day.
	if len(f) > 3 && !strings.Contains(f[3], ":") {
		return time.Time{}, false
	}
	var day, year string
	m, ok := monthNamed(f[0])
	if ok {
		day, year = f[1], f[2]
	} else if m, ok = monthNamed(f[1]); ok {
		day, year = f[0], f[2]
	} else {
		return time.Time{}, false
	}
	day = strings.TrimRight(strings.ToLower(day), "stndrh") // 24th, 1st, 2nd, 3rd
	if len(day) == 0 || len(day) > 2 || !isDigits(day) || len(year) != 4 || !isDigits(year) {
		return time.Time{}, false
	}
	return makeDate(atoi(year), int(m), atoi(day))
}

// makeDate returns UTC midnight of y-m-d, refusing days time.Date would
// normalise into another month (Feb 30), and years before 1000: no news
// is that old, and year 1 would be the zero time, which means "no date".
func makeDate(y, m, d int) (time.Time, bool) {
	if y < 1000 || m < 1 || m > 12 || d < 1 || d > 31 {
		return time.Time{}, false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d {
		return time.Time{}, false
	}
	return t, true
}

var months = map[string]time.Month{
	"jan": time.January, "january": time.January,
	"feb": time.February, "february": time.February,
	"mar": time.March, "march": time.March,
	"apr": time.April, "april": time.April,
	"may": time.May,
	"jun": time.June, "june": time.June,
	"jul": time.July, "july": time.July,
	"aug": time.August, "august": time.August,
	"sep": time.September, "sept": time.September, "september": time.September,
	"oct": time.October, "october": time.October,
	"nov": time.November, "november": time.November,
	"dec": time.December, "december": time.December,
}

func monthNamed(s string) (time.Month, bool) {
	var buf [len("september")]byte
	low, ok := lowerShort(s, buf[:])
	if !ok {
		return 0, false
	}
	m, ok := months[string(low)]
	return m, ok
}

// lowerShort lower-cases an ASCII word of at most len(buf) bytes into buf,
// without allocating; ok is false for a longer word or another byte.
func lowerShort(s string, buf []byte) ([]byte, bool) {
	if len(s) > len(buf) {
		return nil, false
	}
	for i := 0; i < len(s); i++ {
		c := s[i] | 0x20
		if c < 'a' || c > 'z' {
			return nil, false
		}
		buf[i] = c
	}
	return buf[:len(s)], true
}

func isWeekday(s string) bool {
	var buf [len("wednesday")]byte
	low, ok := lowerShort(s, buf[:])
	if !ok {
		return false
	}
	switch string(low) {
	case "mon", "monday", "tue", "tues", "tuesday", "wed", "wednesday",
		"thu", "thur", "thurs", "thursday", "fri", "friday",
		"sat", "saturday", "sun", "sunday":
		return true
	}
	return false
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// atoi converts a short string of ASCII digits, already checked.
func atoi(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}

// leadingInt reads up to max leading digits of s, returning the value and
// how many bytes it used.
func leadingInt(s string, max int) (v, n int) {
	for n < len(s) && n < max && s[n] >= '0' && s[n] <= '9' {
		v = v*10 + int(s[n]-'0')
		n++
	}
	return v, n
}
