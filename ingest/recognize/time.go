package recognize

import "strings"

// monthNames in order; three-letter forms are accepted with or without a
// final period, and "Sept".
var monthNames = []string{"january", "february", "march", "april", "may", "june", "july",
	"august", "september", "october", "november", "december"}

// monthAt matches a month name at i (capitalised, as news text writes
// them) and returns its number 1..12 and end, or 0.
func monthAt(text string, i int) (int, int) {
	if i >= len(text) || text[i] < 'A' || text[i] > 'Z' || !atWordStart(text, i) {
		return 0, 0
	}
	j := wordEnd(text, i)
	n := j - i
	if n < 3 {
		return 0, 0
	}
	for m, name := range monthNames {
		if n == len(name) || n == 3 || (n == 4 && name == "september") {
			if n > len(name) {
				continue
			}
			ok := true
			for k := 0; k < n; k++ {
				if lower(text[i+k]) != name[k] {
					ok = false
					break
				}
			}
			if ok {
				if j < len(text) && text[j] == '.' && n < len(name) {
					j++
				}
				return m + 1, j
			}
		}
	}
	return 0, 0
}

// yearAt reads a four-digit year 1900..2099 standing alone at i.
func yearAt(text string, i int) (int, int) {
	if i+4 > len(text) || !atWordStart(text, i) {
		return 0, 0
	}
	for k := 0; k < 4; k++ {
		if !isDigit(text[i+k]) {
			return 0, 0
		}
	}
	if i+4 < len(text) && (isAlnum(text[i+4]) || text[i+4] == ',' && i+5 < len(text) && isDigit(text[i+5]) || text[i+4] == '.' && i+5 < len(text) && isDigit(text[i+5])) {
		return 0, 0
	}
	y := int(text[i]-'0')*1000 + int(text[i+1]-'0')*100 + int(text[i+2]-'0')*10 + int(text[i+3]-'0')
	if y < 1900 || y > 2099 {
		return 0, 0
	}
	return y, i + 4
}

// quantityFollows reports whether a scale, currency, percent or unit
// follows the number ending at i, which makes a four-digit number a
// quantity rather than a year ("2000 yuan", "2024 tonnes").
func quantityFollows(text string, i int) bool {
	j := skipSpace(text, i)
	if j >= len(text) {
		return false
	}
	if _, _, ok := matchPercent(text, j); ok {
		return true
	}
	if e, _ := scaleAt(text, j, false); e > 0 {
		return true
	}
	if _, _, ok := matchCurrencyAfter(text, j); ok {
		return true
	}
	if _, _, _, ok := matchUnit(text, j); ok {
		return true
	}
	_, _, ok := matchCurrencyBefore(text, i-4)
	return ok
}

// Years finds calendar years (1900..2099 written as four digits, not
// followed by a scale, currency, percent or unit) and year ranges
// ("2021-25", "2023-2024", "2019/20"), which take Kind YearRange with Lo
// the first year and Value the last.
func Years(text string) []Span {
	var out []Span
	for i := 0; i < len(text); i++ {
		if !isDigit(text[i]) {
			continue
		}
		y, j := yearAt(text, i)
		if j == 0 {
			for i < len(text) && (isAlnum(text[i]) || text[i] == ',' || text[i] == '.') {
				i++
			}
			continue
		}
		// Part of an ISO date: Dates reports it.
		if j+2 < len(text) && text[j] == '-' && isDigit(text[j+1]) && isDigit(text[j+2]) && j+3 < len(text) && text[j+3] == '-' {
			i = j
			continue
		}
		if d := dashAt(text, j); d > 0 || (j < len(text) && text[j] == '/') {
			if d == 0 {
				d = 1
			}
			k := j + d
			if y2, e := yearAt(text, k); e > 0 && y2 > y && y2-y < 100 {
				out = append(out, Span{Start: i, End: e, Kind: YearRange, Lo: float64(y), Value: float64(y2)})
				i = e - 1
				continue
			}
			if k+2 <= len(text) && isDigit(text[k]) && isDigit(text[k+1]) && (k+2 == len(text) || !isAlnum(text[k+2])) {
				y2 := y/100*100 + int(text[k]-'0')*10 + int(text[k+1]-'0')
				if y2 > y {
					out = append(out, Span{Start: i, End: k + 2, Kind: YearRange, Lo: float64(y), Value: float64(y2)})
					i = k + 1
					continue
				}
			}
		}
		if !quantityFollows(text, j) {
			out = append(out, Span{Start: i, End: j, Kind: Year, Value: float64(y)})
		}
		i = j - 1
	}
	return out
}

// Dates finds calendar dates and times of day: "Aug 24", "March 5",
// "Dec. 28", "December 28, 2023", "28 December 2023", "December 2015",
// "2023-12-28", "15:10". Value is the year when the date names one, else 0.
func Dates(text string) []Span {
	var out []Span
	for i := 0; i < len(text); i++ {
		c := text[i]
		if isDigit(c) && atWordStart(text, i) {
			// ISO date.
			if i+10 <= len(text) && text[i+4] == '-' && text[i+7] == '-' &&
				allDigits(text[i:i+4]) && allDigits(text[i+5:i+7]) && allDigits(text[i+8:i+10]) && atWordEnd(text, i+10) {
				out = append(out, Span{Start: i, End: i + 10, Kind: Date, Value: float64(atoi(text[i : i+4]))})
				i += 9
				continue
			}
			// Time of day.
			k := i
			for k < len(text) && isDigit(text[k]) {
				k++
			}
			if k-i <= 2 && k+2 < len(text) && text[k] == ':' && isDigit(text[k+1]) && isDigit(text[k+2]) && atWordEnd(text, k+3) {
				out = append(out, Span{Start: i, End: k + 3, Kind: Date})
				i = k + 2
				continue
			}
			// "9 am", "10 p.m.": an hour.
			if k-i <= 2 {
				if e := meridiemAt(text, skipSpace(text, k)); e > 0 {
					out = append(out, Span{Start: i, End: e, Kind: Date})
					i = e - 1
					continue
				}
			}
			// Day before month: "28 December 2023".
			if k-i <= 2 {
				if m, e := monthAt(text, skipSpace(text, k)); m > 0 && skipSpace(text, k) > k {
					end := e
					var yv float64
					if y, ye := yearAt(text, skipSpace(text, e)); y > 0 && skipSpace(text, e) > e {
						end, yv = ye, float64(y)
					}
					out = append(out, Span{Start: i, End: end, Kind: Date, Value: yv})
					i = end - 1
					continue
				}
			}
			i = k - 1
			continue
		}
		if c < 'A' || c > 'Z' {
			continue
		}
		m, e := monthAt(text, i)
		if m == 0 {
			i = wordEnd(text, i) - 1
			continue
		}
		j := skipSpace(text, e)
		if j == e {
			i = e - 1
			continue
		}
		k := j
		for k < len(text) && isDigit(text[k]) {
			k++
		}
		switch {
		case k-j >= 1 && k-j <= 2 && (atWordEnd(text, k) || hasSuffixOrd(text, k)):
			d := atoi(text[j:k])
			if d < 1 || d > 31 {
				break
			}
			end := k
			if hasSuffixOrd(text, k) {
				end = k + 2
			}
			// A range of days of the month: "Jan 1 to 16", "Oct 1-7",
			// "between Feb 9 and 17".
			end = dayRangeEnd(text, end, d)
			var yv float64
			// ", 2023" or " 2023".
			p := end
			if p < len(text) && text[p] == ',' {
				p++
			}
			if q := skipSpace(text, p); q > p || p > end {
				if y, ye := yearAt(text, q); y > 0 {
					end, yv = ye, float64(y)
				}
			}
			out = append(out, Span{Start: i, End: end, Kind: Date, Value: yv})
			i = end - 1
			continue
		case k-j == 4:
			if y, ye := yearAt(text, j); y > 0 {
				out = append(out, Span{Start: i, End: ye, Kind: Date, Value: float64(y)})
				i = ye - 1
				continue
			}
		}
		i = e - 1
	}
	return out
}

// meridiemAt matches "am", "pm", "a.m." or "p.m." at i and returns its end.
func meridiemAt(text string, i int) int {
	for _, w := range [...]string{"a.m.", "p.m.", "am", "pm", "AM", "PM", "A.M.", "P.M."} {
		if strings.HasPrefix(text[i:], w) && (w[len(w)-1] == '.' || atWordEnd(text, i+len(w))) {
			return i + len(w)
		}
	}
	return 0
}

// dayRangeEnd extends a date ending at end, on day d, over a second
// day of the same month: "-7", " to 16", " and 17", "-7th".
func dayRangeEnd(text string, end, d int) int {
	j := end
	switch {
	case j < len(text) && (text[j] == '-' || strings.HasPrefix(text[j:], "\u2013")):
		if text[j] == '-' {
			j++
		} else {
			j += len("\u2013")
		}
	default:
		k := skipSpace(text, j)
		if e, ok := hasWordAt(text, k, "to"); ok {
			j = skipSpace(text, e)
		} else if e, ok := hasWordAt(text, k, "and"); ok {
			j = skipSpace(text, e)
		} else {
			return end
		}
	}
	k := j
	for k < len(text) && isDigit(text[k]) {
		k++
	}
	if k-j < 1 || k-j > 2 || !(atWordEnd(text, k) || hasSuffixOrd(text, k)) {
		return end
	}
	if d2 := atoi(text[j:k]); d2 <= d || d2 > 31 {
		return end
	}
	if hasSuffixOrd(text, k) {
		k += 2
	}
	return k
}

func hasSuffixOrd(text string, k int) bool {
	if k+2 > len(text) {
		return false
	}
	s := string([]byte{lower(text[k]), lower(text[k+1])})
	return (s == "st" || s == "nd" || s == "rd" || s == "th") && atWordEnd(text, k+2)
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return s != ""
}

func atoi(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}

// ordinals and the periods they name with "quarter", "half", "quarters".
var ordinalWords = []string{"first", "second", "third", "fourth", "1st", "2nd", "3rd", "4th"}

// Periods finds phrases naming part of a year and labels them with the
// period's name: "the first quarter" and "Q1" (Q1..Q4), "the first half"
// and "H1" (H1, H2), "the first three quarters" and "Q1-Q3" (Q1-Q3),
// "the first two months" (M1-M2), "January-March" and "January to March"
// (month ranges; the ranges that are quarters or halves take those names),
// a month alone after "in", "during" or "for" (M1..M12), and the
// distributive "a day", "per day", "a week" (span).
func Periods(text string) []Span {
	var out []Span
	var buf [16]byte
	for i := 0; i < len(text); i++ {
		c := text[i]
		if !isAlnum(c) || !atWordStart(text, i) {
			continue
		}
		// Q1, H1, Q1-Q3.
		if (c == 'Q' || c == 'H') && i+1 < len(text) && text[i+1] >= '1' && text[i+1] <= '4' && atWordEnd(text, i+2) {
			n := int(text[i+1] - '0')
			if c == 'Q' && n == 1 && i+5 <= len(text) && dashAt(text, i+2) == 1 && text[i+3] == 'Q' && text[i+4] == '3' && atWordEnd(text, i+5) {
				out = append(out, Span{Start: i, End: i + 5, Kind: Period, Label: "Q1-Q3"})
				i += 4
				continue
			}
			if c == 'Q' {
				out = append(out, Span{Start: i, End: i + 2, Kind: Period, Label: "Q" + string(text[i+1])})
			} else if n <= 2 {
				out = append(out, Span{Start: i, End: i + 2, Kind: Period, Label: "H" + string(text[i+1])})
			}
			i++
			continue
		}
		if e, label, ok := monthsEnded(text, i); ok {
			out = append(out, Span{Start: i, End: e, Kind: Period, Label: label})
			i = e - 1
			continue
		}
		if m, e := monthAt(text, i); m > 0 {
			// Month range.
			j := e
			if d := dashAt(text, j); d > 0 {
				if m2, e2 := monthAt(text, j+d); m2 > m {
					out = append(out, Span{Start: i, End: e2, Kind: Period, Label: monthsLabel(m, m2)})
					i = e2 - 1
					continue
				}
			}
			if k, ok := hasWordAt(text, skipSpace(text, j), "to"); ok {
				if m2, e2 := monthAt(text, skipSpace(text, k)); m2 > m {
					out = append(out, Span{Start: i, End: e2, Kind: Period, Label: monthsLabel(m, m2)})
					i = e2 - 1
					continue
				}
			}
			if k, ok := hasWordAt(text, skipSpace(text, j), "through"); ok {
				if m2, e2 := monthAt(text, skipSpace(text, k)); m2 > m {
					out = append(out, Span{Start: i, End: e2, Kind: Period, Label: monthsLabel(m, m2)})
					i = e2 - 1
					continue
				}
			}
			// A lone month: not a date, after a preposition.
			k := skipSpace(text, e)
			if k < len(text) && isDigit(text[k]) {
				i = e - 1
				continue
			}
			if w, _ := wordBefore(text, i); w == "in" || w == "during" || w == "for" {
				out = append(out, Span{Start: i, End: e, Kind: Period, Label: monthsLabel(m, m)})
			}
			i = e - 1
			continue
		}
		w, j := wordAt(text, i, buf[:])
		if j <= i {
			for i < len(text) && isAlnum(text[i]) {
				i++
			}
			continue
		}
		switch w {
		case "first", "second", "third", "fourth", "1st", "2nd", "3rd", "4th", "last", "final":
			k := skipSpace(text, j)
			if k == j && j+1 < len(text) && text[j] == '-' && isLetter(text[j+1]) {
				k = j + 1 // "first-half GDP", "third-quarter output"
			}
			if k == j {
				break
			}
			w2, j2 := wordAt(text, k, buf[:])
			ord := 4 // fourth, last, final
			switch w {
			case "first", "1st":
				ord = 1
			case "second", "2nd":
				ord = 2
			case "third", "3rd":
				ord = 3
			}
			switch {
			case w2 == "quarter":
				out = append(out, Span{Start: i, End: j2, Kind: Period, Label: "Q" + string(byte('0'+ord))})
				i = j2 - 1
				continue
			case w2 == "half" && ord <= 2:
				out = append(out, Span{Start: i, End: j2, Kind: Period, Label: "H" + string(byte('0'+ord))})
				i = j2 - 1
				continue
			case w2 == "half" && ord == 4:
				out = append(out, Span{Start: i, End: j2, Kind: Period, Label: "H2"})
				i = j2 - 1
				continue
			}
			if ord != 1 || w != "first" {
				break
			}
			// "first three quarters", "first nine months", "first 11 months".
			n, nend := 0, 0
			if k < len(text) && isDigit(text[k]) {
				p := k
				for p < len(text) && isDigit(text[p]) {
					p++
				}
				n, nend = atoi(text[k:p]), p
			} else if v, ok := smallNumbers[w2]; ok {
				n, nend = int(v), j2
			}
			if n == 0 {
				break
			}
			q := skipSpace(text, nend)
			w3, j3 := wordAt(text, q, buf[:])
			switch {
			case w3 == "quarters" && n == 3:
				out = append(out, Span{Start: i, End: j3, Kind: Period, Label: "Q1-Q3"})
				i = j3 - 1
				continue
			case w3 == "quarters" && n == 2:
				out = append(out, Span{Start: i, End: j3, Kind: Period, Label: "H1"})
				i = j3 - 1
				continue
			case w3 == "months" && n >= 2 && n <= 12:
				out = append(out, Span{Start: i, End: j3, Kind: Period, Label: monthsLabel(1, n)})
				i = j3 - 1
				continue
			}
		case "a", "per", "each", "every":
			k := skipSpace(text, j)
			if k == j {
				break
			}
			w2, j2 := wordAt(text, k, buf[:])
			if w2 == "day" || w2 == "week" {
				out = append(out, Span{Start: i, End: j2, Kind: Period, Label: "span"})
				i = j2 - 1
				continue
			}
		case "whole", "full", "entire":
			// "for the whole year": the year, not the period before.
			if k := skipSpace(text, j); k > j {
				if w2, j2 := wordAt(text, k, buf[:]); w2 == "year" {
					out = append(out, Span{Start: i, End: j2, Kind: Period, Label: "year"})
					i = j2 - 1
					continue
				}
			}
		case "daily":
			out = append(out, Span{Start: i, End: j, Kind: Period, Label: "span"})
		case "holiday", "holidays":
			// "during the Spring Festival holiday": a stretch of days;
			// but "holiday tourism revenue" names a kind of revenue.
			if k := skipSpace(text, j); k > j {
				if w2, _ := wordAt(text, k, buf[:]); holidayModified[w2] {
					break
				}
			}
			out = append(out, Span{Start: i, End: j, Kind: Period, Label: "span"})
		case "golden":
			if k := skipSpace(text, j); k > j {
				if w2, j2 := wordAt(text, k, buf[:]); w2 == "week" {
					out = append(out, Span{Start: i, End: j2, Kind: Period, Label: "span"})
					i = j2 - 1
					continue
				}
			}
		}
		i = j - 1
	}
	return out
}

// monthsEnded reads "six months ended June 30" (or "ending", "to") at
// i, the way results releases name a part of their year: the months up
// to the one named, labelled as monthsLabel labels them ("H1"). The
// span ends after the month's name.
func monthsEnded(text string, i int) (end int, label string, ok bool) {
	var buf [16]byte
	n, j := 0, i
	for j < len(text) && isDigit(text[j]) {
		j++
	}
	if j > i && j-i <= 2 {
		n = atoi(text[i:j])
	} else if w, e := wordAt(text, i, buf[:]); smallNumbers[w] > 0 {
		n, j = int(smallNumbers[w]), e
	}
	var w string
	if n < 1 || n > 12 {
		return 0, "", false
	}
	k := skipSpace(text, j)
	if w, j = wordAt(text, k, buf[:]); w != "months" || k == j {
		return 0, "", false
	}
	k = skipSpace(text, j)
	if w, j = wordAt(text, k, buf[:]); w != "ended" && w != "ending" || k == j {
		return 0, "", false
	}
	m, e := monthAt(text, skipSpace(text, j))
	if m < n {
		return 0, "", false
	}
	return e, monthsLabel(m-n+1, m), true
}

// monthsLabel names the months a..b, using the quarter and half names for
// the ranges that are one.
func monthsLabel(a, b int) string {
	switch {
	case a == b:
		return "M" + itoa(a)
	case a == 1 && b == 3:
		return "Q1"
	case a == 4 && b == 6:
		return "Q2"
	case a == 7 && b == 9:
		return "Q3"
	case a == 10 && b == 12:
		return "Q4"
	case a == 1 && b == 6:
		return "H1"
	case a == 7 && b == 12:
		return "H2"
	case a == 1 && b == 9:
		return "Q1-Q3"
	case a == 1 && b == 12:
		return "year"
	}
	return "M" + itoa(a) + "-M" + itoa(b)
}

func itoa(n int) string {
	if n >= 10 {
		return string([]byte{byte('0' + n/10), byte('0' + n%10)})
	}
	return string([]byte{byte('0' + n)})
}

// qualifier phrases, by the qualifier they express.
var qualifierPhrases = []struct{ w, q string }{
	{"about", "approx"}, {"around", "approx"}, {"nearly", "approx"}, {"almost", "approx"},
	{"roughly", "approx"}, {"approximately", "approx"}, {"some", "approx"}, {"close to", "approx"},
	{"an estimated", "approx"}, {"estimated", "approx"}, {"approx.", "approx"}, {"circa", "approx"},
	{"over", "min"}, {"more than", "min"}, {"above", "min"}, {"at least", "min"}, {"exceeding", "min"},
	{"in excess of", "min"}, {"upwards of", "min"}, {"no less than", "min"}, {"not less than", "min"},
	{"no fewer than", "min"}, {"topped", "min"}, {"exceeded", "min"}, {"surpassed", "min"}, {"over the", ""},
	{"topping", "min"}, {"surpassing", "min"}, {"well over", "min"}, {"tops", "min"}, {"exceeds", "min"},
	{"exceed", "min"}, {"surpass", "min"}, {"surpasses", "min"},
	{"up to", "max"}, {"less than", "max"}, {"at most", "max"}, {"below", "max"}, {"under", "max"},
	{"no more than", "max"}, {"not more than", "max"}, {"fewer than", "max"}, {"as many as", "max"},
	{"a maximum of", "max"}, {"a minimum of", "min"}, {"as much as", "max"}, {"just under", "approx"},
	{"just over", "approx"}, {"more than triple", ""}, {"more than double", ""},
}

var qualifierWords = func() *phrases {
	s := make([]string, len(qualifierPhrases))
	for i, q := range qualifierPhrases {
		s[i] = q.w
	}
	return newPhrases(s...)
}()

// Qualifiers finds the phrases that qualify a figure: approx (about,
// around, nearly, some, roughly ...), min (over, more than, above, at least,
// exceeding, topped ...) and max (up to, less than, at most, below ...).
// Label is the qualifier. Whether a phrase qualifies a number is for the
// caller to decide: it must end right before the number.
func Qualifiers(text string) []Span {
	var out []Span
	for i := 0; i < len(text); i++ {
		// "~60 million", "≈ 7 tonnes": the signs of an approximation.
		if text[i] == '~' {
			out = append(out, Span{Start: i, End: i + 1, Kind: Qualifier, Label: "approx"})
			continue
		}
		if strings.HasPrefix(text[i:], "\u2248") {
			out = append(out, Span{Start: i, End: i + len("\u2248"), Kind: Qualifier, Label: "approx"})
			i += len("\u2248") - 1
			continue
		}
		if !isLetter(text[i]) || !atWordStart(text, i) {
			continue
		}
		if j, k := matchAny(text, i, qualifierWords); k >= 0 {
			if q := qualifierPhrases[k].q; q != "" {
				out = append(out, Span{Start: i, End: j, Kind: Qualifier, Label: q})
			}
			i = j - 1
			continue
		}
		i = wordEnd(text, i) - 1
	}
	return out
}

// holidayModified are the nouns "holiday" modifies as an adjective
// ("holiday tourism revenue", "holiday spending").
var holidayModified = map[string]bool{
	"tourism": true, "tourist": true, "travel": true, "revenue": true, "revenues": true,
	"spending": true, "consumption": true, "sales": true, "market": true, "economy": true,
	"bookings": true, "trips": true, "visits": true, "income": true, "traffic": true,
	"season": true, "shopping": true, "box": true, "movie": true, "film": true,
}
