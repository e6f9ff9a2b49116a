package recognize

import "strings"

// currency words that follow a number ("391.54 billion yuan").
var currencyAfter = []struct{ w, code string }{
	{"yuan", "CNY"}, {"rmb", "CNY"}, {"renminbi", "CNY"}, {"cny", "CNY"},
	{"us dollars", "USD"}, {"u.s. dollars", "USD"}, {"us dollar", "USD"}, {"u.s. dollar", "USD"},
	{"american dollars", "USD"}, {"dollars", "USD"}, {"dollar", "USD"}, {"usd", "USD"},
	{"euros", "EUR"}, {"euro", "EUR"}, {"eur", "EUR"},
	{"hong kong dollars", "HKD"}, {"hk dollars", "HKD"}, {"hkd", "HKD"},
	{"rubles", "RUB"}, {"roubles", "RUB"}, {"rub", "RUB"},
	{"yen", "JPY"}, {"jpy", "JPY"}, {"won", "KRW"}, {"pounds sterling", "GBP"},
}

var currencyAfterWords = func() *phrases {
	s := make([]string, len(currencyAfter))
	for i, c := range currencyAfter {
		s[i] = c.w
	}
	return newPhrases(s...)
}()

var (
	pointWords   = newPhrases("percentage points", "percentage point", "percent points", "pct points", "pct point", "per cent points")
	percentWords = newPhrases("percent", "per cent", "pct", "per-cent")
)

// currency symbols and codes that precede a number ("$68.10 million").
var currencyBefore = []struct{ w, code string }{
	{"us$", "USD"}, {"u.s.$", "USD"}, {"$", "USD"}, {"usd", "USD"}, {"hk$", "HKD"},
	{"rmb", "CNY"}, {"cny", "CNY"}, {"\u00a5", "CNY"}, {"\uffe5", "CNY"}, {"\u20ac", "EUR"}, {"eur", "EUR"},
	{"\u00a3", "GBP"},
}

// matchCurrencyAfter matches a currency word at i.
func matchCurrencyAfter(text string, i int) (end int, code string, ok bool) {
	end, k := matchAny(text, i, currencyAfterWords)
	if k < 0 {
		return 0, "", false
	}
	return end, currencyAfter[k].code, true
}

// matchCurrencyBefore matches a currency symbol or code that ends at i
// (spaces between it and i allowed) and returns its start.
func matchCurrencyBefore(text string, i int) (start int, code string, ok bool) {
	j := skipSpaceBack(text, i)
	for _, c := range currencyBefore {
		n := len(c.w)
		if j < n {
			continue
		}
		s := j - n
		match := true
		for k := 0; k < n; k++ {
			if lower(text[s+k]) != c.w[k] {
				match = false
				break
			}
		}
		if !match || (isLetter(c.w[0]) && !atWordStart(text, s)) {
			continue
		}
		// A symbol may be set off by spaces, as financial tables and
		// many copied pages write it ("$ 4,100,000", "US$ 5 million"),
		// but not by a line break.
		if !isLetter(c.w[len(c.w)-1]) && strings.ContainsAny(text[j:i], "\n\r\t") {
			continue
		}
		return s, c.code, true
	}
	return 0, "", false
}

// Currencies finds currency markers: words after a number ("yuan", "US
// dollars", "euros") and symbols or codes before one ("$", "US$", "RMB").
// Label is the ISO 4217 code.
func Currencies(text string) []Span {
	var out []Span
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c == '$' || c >= 0x80 {
			for _, cb := range currencyBefore {
				if !isLetter(cb.w[0]) {
					if _, ok := hasWordAt(text, i, cb.w); ok {
						out = append(out, Span{Start: i, End: i + len(cb.w), Kind: Currency, Label: cb.code})
						break
					}
				}
			}
			continue
		}
		if !isLetter(c) || !atWordStart(text, i) {
			continue
		}
		if j, code, ok := matchCurrencyAfter(text, i); ok {
			out = append(out, Span{Start: i, End: j, Kind: Currency, Label: code})
			i = j - 1
			continue
		}
		if j, ok := hasWordAt(text, i, "us$"); ok {
			out = append(out, Span{Start: i, End: j, Kind: Currency, Label: "USD"})
			i = j - 1
			continue
		}
		if j, ok := hasWordAt(text, i, "hk$"); ok {
			out = append(out, Span{Start: i, End: j, Kind: Currency, Label: "HKD"})
			i = j - 1
			continue
		}
		i = wordEnd(text, i) - 1
	}
	return out
}

// matchPercent matches "percent", "per cent", "pct" or "%" at i; points
// is true for "percentage point(s)".
func matchPercent(text string, i int) (end int, points bool, ok bool) {
	if i >= len(text) {
		return 0, false, false
	}
	if text[i] == '%' {
		return i + 1, false, true
	}
	if e, k := matchAny(text, i, pointWords); k >= 0 {
		return e, true, true
	}
	if e, k := matchAny(text, i, percentWords); k >= 0 {
		return e, false, true
	}
	return 0, false, false
}

// Percents finds percent markers ("percent", "per cent", "%") and
// percentage-point markers (Kind PercentPoints).
func Percents(text string) []Span {
	var out []Span
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c != '%' && !(lower(c) == 'p' && atWordStart(text, i)) {
			continue
		}
		if j, pts, ok := matchPercent(text, i); ok {
			k := Percent
			if pts {
				k = PercentPoints
			}
			out = append(out, Span{Start: i, End: j, Kind: k, Label: "percent"})
			i = j - 1
		}
	}
	return out
}

// units maps unit spellings to a canonical unit and the factor to it.
var units = []struct {
	w      string
	unit   string
	factor float64
}{
	{"tonnes of oil equivalent", "tonnes", 1}, {"tons of oil equivalent", "tonnes", 1},
	{"metric tons", "tonnes", 1}, {"metric tonnes", "tonnes", 1}, {"tonnes", "tonnes", 1}, {"tonne", "tonnes", 1},
	{"tons", "tonnes", 1}, {"ton", "tonnes", 1}, {"t", "tonnes", 1}, {"mts", "tonnes", 1}, {"mt", "tonnes", 1},
	{"kilograms", "kg", 1}, {"kilogram", "kg", 1}, {"kg", "kg", 1},
	{"square kilometers", "km2", 1}, {"square kilometres", "km2", 1}, {"sq km", "km2", 1}, {"km2", "km2", 1}, {"km\u00b2", "km2", 1},
	{"square meters", "m2", 1}, {"square metres", "m2", 1}, {"sq m", "m2", 1}, {"sqm", "m2", 1}, {"m2", "m2", 1}, {"m\u00b2", "m2", 1},
	{"cubic meters", "m3", 1}, {"cubic metres", "m3", 1}, {"m3", "m3", 1}, {"m\u00b3", "m3", 1},
	{"kilometers per hour", "km/h", 1}, {"kilometres per hour", "km/h", 1}, {"km per hour", "km/h", 1},
	{"km/h", "km/h", 1}, {"kph", "km/h", 1},
	{"kilometers", "km", 1}, {"kilometres", "km", 1}, {"kilometer", "km", 1}, {"kilometre", "km", 1}, {"km", "km", 1},
	{"meters", "m", 1}, {"metres", "m", 1}, {"meter", "m", 1}, {"metre", "m", 1},
	{"hectares", "hectares", 1}, {"hectare", "hectares", 1}, {"ha", "hectares", 1}, {"mu", "mu", 1},
	{"kilowatt-hours", "kWh", 1}, {"kilowatt hours", "kWh", 1}, {"kilowatt-hour", "kWh", 1}, {"kwh", "kWh", 1},
	{"megawatt-hours", "kWh", 1e3}, {"mwh", "kWh", 1e3}, {"gwh", "kWh", 1e6}, {"twh", "kWh", 1e9},
	{"megawatts", "MW", 1}, {"megawatt", "MW", 1}, {"mw", "MW", 1},
	{"gigawatts", "GW", 1}, {"gigawatt", "GW", 1}, {"gw", "GW", 1},
	{"kilowatts", "kW", 1}, {"kilowatt", "kW", 1}, {"kw", "kW", 1},
	{"teus", "TEU", 1}, {"teu", "TEU", 1}, {"barrels", "barrels", 1},
	{"twenty-foot equivalent units", "TEU", 1}, {"twenty-foot equivalent unit", "TEU", 1},
	{"20-foot equivalent units", "TEU", 1}, {"20-foot equivalent unit", "TEU", 1},
	{"liters", "liters", 1}, {"litres", "liters", 1},
}

var unitWords = func() *phrases {
	s := make([]string, len(units))
	for i, u := range units {
		s[i] = u.w
	}
	return newPhrases(s...)
}()

// matchUnit matches a physical unit at i.
func matchUnit(text string, i int) (end int, unit string, factor float64, ok bool) {
	// A unit begins with a letter, or with its own number ("20-foot
	// equivalent units"): whatever some spelling in the table begins with.
	if i >= len(text) || len(unitWords.byFirst[text[i]]) == 0 {
		return 0, "", 0, false
	}
	end, k := matchAny(text, i, unitWords)
	if k < 0 {
		return 0, "", 0, false
	}
	// "km²" and friends end in a non-ASCII rune: hasWordAt already checked.
	return end, units[k].unit, units[k].factor, true
}

// Units finds physical unit words and symbols (tonnes, km2, square
// meters, hectares, kWh, MW, cubic meters, ...) that follow a number.
// Label is the canonical unit and Value the factor to it ("kilograms" is
// "kg" with factor 1; a unit is kept as written, GW as GW). A unit word not after a number is not reported: "t" or "ha"
// alone are ordinary letters.
func Units(text string) []Span {
	var out []Span
	for _, n := range Numbers(text) {
		j := skipSpace(text, n.End)
		if e, u, f, ok := matchUnit(text, j); ok {
			out = append(out, Span{Start: j, End: e, Kind: Unit, Label: u, Value: f})
		}
	}
	return out
}
