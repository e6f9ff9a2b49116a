package vocab

import (
	"fmt"
	"strconv"
	"strings"
)

// Period is the part of a year a figure covers, as one byte; the zero
// value is PeriodYear, the whole year. The codes are stored in fact
// records and index entries, so they never change:
//
//	0 year, 1-4 Q1-Q4, 5 H1, 6 H2, 7 Q1-Q3, 8 season, 9 span,
//	16+m month m (M1..M12), 32+16*a+b months Ma-Mb (a < b).
type Period uint8

// The named periods. Months and month ranges are built with Month and
// Months.
const (
	PeriodYear   Period = 0 // the whole year
	PeriodQ1     Period = 1
	PeriodQ2     Period = 2
	PeriodQ3     Period = 3
	PeriodQ4     Period = 4
	PeriodH1     Period = 5 // the first half
	PeriodH2     Period = 6
	PeriodQ1toQ3 Period = 7 // the first three quarters
	PeriodSeason Period = 8 // a season within the year, such as the ice-and-snow season
	PeriodSpan   Period = 9 // a stretch of days, such as a holiday
)

const (
	monthBase  = 16
	monthsBase = 32
)

var periodNames = [...]string{"year", "Q1", "Q2", "Q3", "Q4", "H1", "H2", "Q1-Q3", "season", "span"}

// Month returns the period of month m (1..12).
func Month(m int) Period { return Period(monthBase + m) }

// Months returns the period of months a through b (1 <= a < b <= 12).
// Months(a, a) is Month(a).
func Months(a, b int) Period {
	if a == b {
		return Month(a)
	}
	return Period(monthsBase + 16*a + b)
}

// Valid reports whether p is one of the defined periods.
func (p Period) Valid() bool {
	switch {
	case int(p) < len(periodNames):
		return true
	case p > monthBase && p <= monthBase+12:
		return true
	case p >= monthsBase:
		a, b := int(p-monthsBase)/16, int(p-monthsBase)%16
		return a >= 1 && b <= 12 && a < b
	}
	return false
}

// IsYear reports whether p covers the whole year.
func (p Period) IsYear() bool { return p == PeriodYear }

// String returns the period's name: year, Q1..Q4, H1, H2, Q1-Q3, season,
// span, M1..M12 or a month range such as M1-M2.
func (p Period) String() string {
	switch {
	case int(p) < len(periodNames):
		return periodNames[p]
	case p > monthBase && p <= monthBase+12:
		return "M" + strconv.Itoa(int(p-monthBase))
	case p >= monthsBase && p.Valid():
		a, b := int(p-monthsBase)/16, int(p-monthsBase)%16
		return "M" + strconv.Itoa(a) + "-M" + strconv.Itoa(b)
	}
	return "period(" + strconv.Itoa(int(p)) + ")"
}

// ParsePeriod returns the period named s. It accepts the names String
// returns, in any letter case, and "M1-2" for "M1-M2".
func ParsePeriod(s string) (Period, error) {
	u := strings.ToUpper(strings.TrimSpace(s))
	for i, n := range periodNames {
		if u == strings.ToUpper(n) {
			return Period(i), nil
		}
	}
	if strings.HasPrefix(u, "M") {
		lo, hi, isRange := strings.Cut(u[1:], "-")
		a, err := strconv.Atoi(lo)
		if err == nil && a >= 1 && a <= 12 {
			if !isRange {
				return Month(a), nil
			}
			b, err := strconv.Atoi(strings.TrimPrefix(hi, "M"))
			if err == nil && b > a && b <= 12 {
				return Months(a, b), nil
			}
		}
	}
	return 0, fmt.Errorf("unknown period %q (want year, Q1..Q4, H1, H2, Q1-Q3, M1..M12, Ma-Mb, season or span)", s)
}

// Periods returns every valid period in code order: the named periods,
// then the months, then the month ranges.
func Periods() []Period {
	var out []Period
	for i := range 256 {
		if p := Period(i); p.Valid() {
			out = append(out, p)
		}
	}
	return out
}
