package resolve

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Mention is a name or a reference to an entity found in a text.
type Mention struct {
	// Start and End span the name in the text, without a possessive "'s".
	Start, End int
	// Entity is the named entity. For a reference it is zero but for
	// Entity.Level, the level referred to ("the city" refers to a City; "it"
	// has level 0); a Tracker resolves it.
	Entity Entity
	// Ref is true for a reference ("the city", "the zone", "it").
	Ref bool
	// Head is the noun of an organisation reference ("airport" in "the
	// airport") or of an organisation name ("Oilfield").
	Head string
	// Possessive is true when "'s" follows ("Harbin's", "the city's").
	Possessive bool
}

// orgHeads are the last words that make a capitalised name an
// organisation, an event or a site: the owners of figures that are not
// places (GUIDELINES.md, "Owner").
var orgHeads = map[string]bool{
	"oilfield": true, "airport": true, "group": true, "corporation": true, "corp": true,
	"company": true, "co": true, "bank": true, "port": true, "railway": true, "ltd": true,
	"inc": true, "plc": true, "llc": true, "airlines": true, "airline": true, "ports": true,
	"fair": true, "expo": true, "exposition": true, "exhibition": true, "festival": true, "congress": true,
	"forum": true, "conference": true, "summit": true, "games": true, "station": true, "project": true,
	"institute": true, "university": true, "hospital": true, "hotel": true, "mall": true, "square": true,
	"market": true, "plant": true, "factory": true, "mine": true, "world": true, "resort": true,
	"railways": true, "line": true, "highway": true, "expressway": true, "bridge": true, "tunnel": true,
	"checkpoint": true, "terminal": true, "hub": true, "club": true, "center": true, "centre": true,
	"park": true, "museum": true, "zoo": true, "garden": true, "gardens": true, "stadium": true, "arena": true,
}

// lowerHeads may follow a capitalised name in lower case and belong to
// it: "Harbin-Dalian high-speed railway", "Manzhouli and Suifenhe ports",
// "the Harbin area".
var lowerHeads = map[string]Level{
	"railway": Org, "port": Org, "ports": Org, "project": Org, "station": Org, "airport": Org,
	"checkpoint": Org, "square": Org, "line": Org, "expressway": Org, "highway": Org, "bridge": Org,
	"fair": Org, "expo": Org, "festival": Org, "resort": Org, "park": Area, "area": Area, "zone": Area,
}

// lowerMods may stand between a name and its lower-case head.
var lowerMods = map[string]bool{
	"high-speed": true, "express": true, "shopping": true, "land": true, "border": true, "railway": true,
	"rail": true, "river": true, "industrial": true, "pumped": true, "storage": true, "power": true,
	"science": true, "technology": true, "international": true, "trade": true, "freight": true,
}

// nameLinks may join the words of one name: "Fair for Trade and Economic
// Cooperation", "Institute of Technology".
func nameLink(w string) bool {
	switch w {
	case "of", "for", "and", "the", "&", "de":
		return true
	}
	return false
}

// placeSuffix reports the lower-case words that may follow a place name
// and belong to it ("Harbin city", "Heilongjiang province").
func placeSuffix(w string) bool {
	switch w {
	case "city", "province", "county", "district", "airport":
		return true
	}
	return false
}

// refHeads maps the nouns of "the city", "the zone" ... to their level.
var refHeads = map[string]Level{
	"city": City, "province": Province, "country": Country, "nation": Country,
	"area": Area, "zone": Area, "district": District, "county": District,
	"oilfield": Org, "airport": Org, "company": Org, "group": Org, "corporation": Org, "firm": Org,
	"line": Org, "railway": Org, "port": Org, "fair": Org, "expo": Org, "exhibition": Org, "festival": Org,
	"event": Org, "project": Org, "park": Org, "station": Org, "bridge": Org, "plant": Org, "forum": Org,
	"conference": Org, "congress": Org, "exposition": Org, "resort": Org, "mall": Org,
	"ports": Org, "airports": Org, "checkpoints": Org,
}

// wordBefore returns the lower-case word that ends just before offset i
// (past spaces), or "".
func wordBefore(text string, i int) string {
	j := i
	for j > 0 && text[j-1] == ' ' {
		j--
	}
	k := j
	for k > 0 && (text[k-1] >= 'a' && text[k-1] <= 'z' || text[k-1] >= 'A' && text[k-1] <= 'Z') {
		k--
	}
	return strings.ToLower(text[k:j])
}

// calendarWord reports whether w (lower case) names a month or a day of
// the week: "at" them is a time, not a place.
func calendarWord(w string) bool {
	switch strings.TrimSuffix(w, ".") {
	case "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
		"november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
		"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "christmas", "easter":
		return true
	}
	return false
}

// leadWords are capitalised words that start sentences and are not part
// of names.
var leadWords = map[string]bool{
	"the": true, "in": true, "on": true, "at": true, "by": true, "for": true, "from": true, "to": true,
	"over": true, "during": true, "since": true, "after": true, "before": true, "with": true,
	"and": true, "but": true, "as": true, "of": true, "a": true, "an": true, "its": true, "it": true,
	"this": true, "that": true, "these": true, "those": true, "across": true, "among": true,
	"according": true, "meanwhile": true, "also": true, "last": true, "some": true, "within": true,
	"between": true, "under": true, "while": true, "when": true, "about": true, "around": true,
}

type token struct {
	lower      string
	start, end int // the word, without a possessive
	poss       bool
	capital    bool
	gapPunct   bool // punctuation (not only space) between this token and the next
}

// tokenPool recycles token slices between calls of Mentions.
var tokenPool = sync.Pool{New: func() any { return new([]token) }}

// tokens splits text into words: letters, digits, and apostrophes,
// hyphens or periods inside a word ("Xi'an", "high-tech", "U.S"). A
// possessive "'s" or "’s" is marked, not kept.
func tokens(out []token, text string) []token {
	low := "" // text with ASCII letters lowered, made on the first capital
	i := 0
	for i < len(text) {
		if text[i] == ' ' {
			i++
			continue
		}
		n, word := wordRune(text, i)
		if !word {
			if len(out) > 0 && !isSpaceAt(text, i) {
				out[len(out)-1].gapPunct = true
			}
			i += n
			continue
		}
		s := i
		for i < len(text) {
			if asciiWord[text[i]] {
				i++
				continue
			}
			n, word := wordRune(text, i)
			if word {
				i += n
				continue
			}
			c := text[i]
			if c == '-' || c == '\'' || c == '.' && i-s == 1 {
				if m, w := wordRune(text, i+1); w && m > 0 {
					i++
					continue
				}
			}
			if strings.HasPrefix(text[i:], "\u2019") {
				if m, w := wordRune(text, i+3); w && m > 0 {
					i += 3
					continue
				}
			}
			break
		}
		t := token{start: s, end: i, capital: text[s] >= 'A' && text[s] <= 'Z'}
		w := text[s:i]
		if n := len(w); n > 2 && (w[n-2:] == "'s" || w[n-2:] == "'S") && !genitiveInName(text, s, i-2, i) {
			t.end, t.poss = i-2, true
		} else if n > 4 && w[n-4:] == "\u2019s" && !genitiveInName(text, s, i-4, i) {
			t.end, t.poss = i-4, true
		}
		t.lower = text[t.start:t.end]
		if hasUpperOrNonASCII(t.lower) {
			if asciiOnly(t.lower) {
				if low == "" {
					low = asciiLower(text)
				}
				t.lower = low[t.start:t.end]
			} else {
				t.lower = strings.ToLower(t.lower)
			}
		}
		if t.poss {
			t.gapPunct = true
		}
		out = append(out, t)
	}
	return out
}

// genitiveInName reports whether the possessive of word text[s:e]
// (ending at i) is part of a name, as in "People's Congress", "People's
// Daily", "Children's Hospital": a capitalised plural of people followed by
// a capitalised word.
func genitiveInName(text string, s, e, i int) bool {
	switch strings.ToLower(text[s:e]) {
	case "people", "children", "women", "workers", "farmers", "veterans":
	default:
		return false
	}
	if text[s] < 'A' || text[s] > 'Z' || i+1 >= len(text) || text[i] != ' ' {
		return false
	}
	return text[i+1] >= 'A' && text[i+1] <= 'Z'
}

// asciiWord holds the ASCII letters and digits.
var asciiWord = func() (t [256]bool) {
	for c := 0; c < 128; c++ {
		t[c] = c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
	}
	return t
}()

func hasUpperOrNonASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' || c >= utf8.RuneSelf {
			return true
		}
	}
	return false
}

func asciiOnly(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
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

// wordRune returns the width of the rune at i and whether it is a letter
// or digit.
func wordRune(text string, i int) (int, bool) {
	if i >= len(text) {
		return 0, false
	}
	c := text[i]
	if c < utf8.RuneSelf {
		return 1, c >= '0' && c <= '9' || c|0x20 >= 'a' && c|0x20 <= 'z'
	}
	r, n := utf8.DecodeRuneInString(text[i:])
	return n, unicode.IsLetter(r) || unicode.IsDigit(r)
}

func isSpaceAt(text string, i int) bool {
	c := text[i]
	return c == ' ' || c == '\t' || c == 0xC2 && i+1 < len(text) && text[i+1] == 0xA0
}

// Mentions finds the entities text names, as l knows them, and the
// references to entities ("the city", "this northern city", "the
// province", "the zone", "the oilfield", "it"), in text order.
//
// A known place that is only part of a longer capitalised name ("Harbin
// Ice and Snow World", "China Economic Information Service") is not a
// mention, unless the name ends in an organisation word (Oilfield, Airport,
// Group, Corporation, Company, Bank...): then the whole name is an
// organisation ("Daqing Oilfield", "Harbin Taiping International Airport").
func Mentions(text string, l Lookup) []Mention {
	buf := tokenPool.Get().(*[]token)
	toks := tokens((*buf)[:0], text)
	defer func() {
		*buf = toks[:0]
		tokenPool.Put(buf)
	}()
	var out []Mention
	for i := 0; i < len(toks); {
		t := toks[i]
		if m, n, ok := facilityOf(text, toks, i); ok {
			out = append(out, m)
			i += n
			continue
		}
		if !t.capital || isDigitByte(text[t.start]) {
			if m, n, ok := reference(text, toks, i); ok {
				out = append(out, m)
				i += n
				continue
			}
			i++
			continue
		}
		if m, n, ok := reference(text, toks, i); ok {
			out = append(out, m)
			i += n
			continue
		}
		// A run of capitalised words joined by spaces only.
		j := i + 1
		for j < len(toks) && !toks[j-1].gapPunct && (toks[j].capital || placeSuffix(toks[j].lower) && j > i) {
			j++
			if placeSuffix(toks[j-1].lower) && !toks[j-1].capital {
				break
			}
		}
		if m, n, ok := legalName(text, toks, i, j); ok {
			out = append(out, m)
			i = n
			continue
		}
		if m, n, ok := longName(text, toks, i, j, l); ok {
			out = append(out, m)
			i = n
			continue
		}
		out = appendRun(out, text, toks[i:j], l)
		i = j
	}
	return out
}

func isDigitByte(c byte) bool { return c >= '0' && c <= '9' }

// appendRun adds the mentions of one run of capitalised words.
func appendRun(out []Mention, text string, run []token, l Lookup) []Mention {
	n := len(out)
	out = appendKnownRun(out, text, run, l)
	// "sales grew 9 percent at Carrefour": an unknown name after "at"
	// names a venue or a business, the owner of its figures; so does one
	// that owns with "'s" ("Yinkou's rose 14 percent") past a sentence's
	// first word.
	atName := wordBefore(text, run[0].start) == "at"
	possName := run[len(run)-1].poss && run[0].start > 0 && !sentenceStart(text, run[0].start) &&
		!strings.ContainsAny(text[run[0].start:run[len(run)-1].end], "0123456789") // "Q1's 1.5 percent" is a time's

	if len(out) == n && len(run) > 0 && (atName || possName) && !leadWords[run[0].lower] && !calendarWord(run[0].lower) {
		last := run[len(run)-1]
		out = append(out, Mention{Start: run[0].start, End: last.end, Entity: Entity{Name: joinWords(text, run), Level: Org}, Head: last.lower, Possessive: last.poss})
	}
	return out
}

// appendKnownRun adds the mentions a run of capitalised words makes by
// the lookup and the heads of names.
func appendKnownRun(out []Mention, text string, run []token, l Lookup) []Mention {
	// Skip sentence-initial function words ("In Harbin") and gerunds.
	for len(run) > 1 && (leadWords[run[0].lower] || gerundAt(text, run, 0)) || len(run) == 1 && leadWords[run[0].lower] {
		run = run[1:]
	}
	if len(run) == 0 {
		return out
	}
	last := run[len(run)-1]
	isOrg := orgHeads[strings.TrimSuffix(last.lower, ".")] && (last.capital || len(run) > 1)
	if isOrg {
		name := text[run[0].start:last.end]
		e, ok := l.Entity(name)
		if !ok {
			// A known place or organisation ends the run with lower-case
			// "airport"? Use the place's own organisation name if any.
			e = Entity{Name: joinWords(text, run), Level: Org}
		}
		if len(run) >= 2 || ok {
			return append(out, Mention{Start: run[0].start, End: last.end, Entity: e, Head: last.lower, Possessive: last.poss})
		}
		return out
	}
	if len(run) >= 2 {
		if m, ok := placeByHead(text, run, l); ok {
			return append(out, m)
		}
	}
	n0 := len(out)
	for i := 0; i < len(run); {
		found := 0
		var ent Entity
		for j := len(run); j > i; j-- {
			if e, ok := l.Entity(text[run[i].start:run[j-1].end]); ok {
				found, ent = j, e
				break
			}
		}
		if found == 0 {
			i++
			continue
		}
		if found < len(run) {
			// Part of a longer name.
			return out
		}
		if i > 0 && len(out) == n0 && unknownNameWords(run[:i]) {
			// "CRRC Qiqihar": a word no place begins with, before the
			// place, makes the short name of a company, not the city.
			last := run[len(run)-1]
			return append(out, Mention{Start: run[0].start, End: last.end, Entity: Entity{Name: joinWords(text, run), Level: Org}, Head: last.lower, Possessive: last.poss})
		}
		end := run[found-1]
		if found == len(run) && end.end < len(text) && followedByCurrency(text, end.end) {
			// "U.S. dollars", "Hong Kong dollars": a currency, not a place.
			return out
		}
		out = append(out, Mention{Start: run[i].start, End: end.end, Entity: ent, Possessive: end.poss})
		i = found
	}
	return out
}

// unknownNameWords reports whether the capitalised words before a place
// name make a longer name with it: none is a direction or a word that
// only qualifies the place ("Northeast", "Central", "Greater"), and the
// last is written in capitals or is not an English word we know to
// start sentences ("CRRC Qiqihar", "Sinopec Daqing").
func unknownNameWords(ws []token) bool {
	for _, w := range ws {
		if directionWords[w.lower] || leadWords[w.lower] || calendarWord(w.lower) || w.gapPunct || w.poss {
			return false
		}
		switch w.lower {
		case "northeast", "northwest", "southeast", "southwest", "ne", "nw", "se", "sw", "greater", "downtown", "inner", "outer", "upper", "lower", "old", "new", "rural", "urban", "suburban", "nearby", "neighbouring", "neighboring", "chinese", "china", "provincial", "municipal":
			return false
		}
	}
	return true
}

func followedByCurrency(text string, i int) bool {
	for i < len(text) && (text[i] == ' ' || text[i] == '.') {
		i++
	}
	rest := strings.ToLower(text[i:min(len(text), i+7)])
	return strings.HasPrefix(rest, "dollar")
}

// joinWords returns the run's words joined by single spaces.
func joinWords(text string, run []token) string {
	var b strings.Builder
	for i, t := range run {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(text[t.start:t.end])
	}
	return b.String()
}

// reference matches "the city", "this northern city", "it", "its" at
// toks[i] and returns the mention and how many tokens it covers.
func reference(text string, toks []token, i int) (Mention, int, bool) {
	t := toks[i]
	switch t.lower {
	case "it", "its":
		return Mention{Start: t.start, End: t.end, Ref: true, Possessive: t.lower == "its"}, 1, true
	}
	if t.gapPunct || !(t.lower == "the" || t.lower == "this" || t.lower == "that") {
		return Mention{}, 0, false
	}
	for k := i + 1; k < len(toks) && k <= i+3; k++ {
		w := toks[k]
		if lv, ok := refHeads[w.lower]; ok {
			if k+1 < len(toks) && (toks[k+1].lower == "level" || toks[k+1].lower == "levels") {
				// "at the county level" names a tier, not a place.
				return Mention{}, 0, false
			}
			// "the city of Harbin" names the city itself; "the area's" fine.
			return Mention{Start: t.start, End: w.end, Entity: Entity{Level: lv}, Ref: true, Head: w.lower, Possessive: w.poss}, k - i + 1, true
		}
		if w.capital || w.gapPunct || !refAdjective(w.lower) && !measureModifier(w.lower) && !smallNumberWord(w.lower) {
			break
		}
	}
	return Mention{}, 0, false
}

// facilityHeads are the nouns of a site named by its place with "of":
// "the port of Suifenhe", "the ports of Manzhouli and Suifenhe", "the
// Port of Dalian". "The city of Harbin" is not one: it is the city.
var facilityHeads = map[string]bool{
	"port": true, "ports": true, "airport": true, "airports": true, "station": true, "stations": true,
	"checkpoint": true, "checkpoints": true,
	// A part of a line: "the west route of the Jixi-Hegang freight
	// railway", "the northern section of a city's railway".
	"route": true, "routes": true, "section": true, "branch": true,
}

// directionWords may stand before the noun of a part of a line: "the
// west route of ...".
var directionWords = map[string]bool{
	"east": true, "west": true, "north": true, "south": true, "eastern": true, "western": true,
	"northern": true, "southern": true, "central": true, "middle": true,
}

// facilityOf reads a site named by its place with "of" at toks[i]: an
// optional "the", up to two modifiers, a facility noun, "of", and one
// capitalised name or two joined by "and". The site is an organisation
// (GUIDELINES.md, "Owner"), named as the place would name it, "Suifenhe
// railway port", "Manzhouli and Suifenhe ports", or as written when the
// noun is capitalised ("Port of Dalian").
func facilityOf(text string, toks []token, i int) (Mention, int, bool) {
	k := i
	if toks[k].lower == "the" {
		k++
	}
	mods := k
	for k < len(toks) && k < mods+2 && (lowerMods[toks[k].lower] || directionWords[toks[k].lower]) && !toks[k].capital {
		k++
	}
	if k+2 >= len(toks) || !facilityHeads[toks[k].lower] || toks[k].gapPunct || toks[k+1].lower != "of" || toks[k+1].capital || toks[k+1].gapPunct {
		return Mention{}, 0, false
	}
	if toks[k].capital && k > mods {
		return Mention{}, 0, false // "the railway Port of ...": no name we know the shape of
	}
	head := k
	// The names: capitalised runs joined by spaces, one "and" between two;
	// a line's name may go on into its lower-case head ("of the
	// Jixi-Hegang freight railway").
	var names [][2]int // token ranges
	j := k + 2
	if j < len(toks) && toks[j].lower == "the" && !toks[j].capital && !toks[j].gapPunct {
		j++
	}
	for len(names) < 2 {
		s := j
		for j < len(toks) && toks[j].capital && !isDigitByte(text[toks[j].start]) && !leadWords[toks[j].lower] {
			j++
			if toks[j-1].gapPunct {
				break
			}
		}
		if j == s {
			return Mention{}, 0, false
		}
		if !toks[j-1].gapPunct {
			// Up to two modifiers and the head; a word may be either
			// ("railway freight line", "freight railway").
			for m := j; m < len(toks) && m < j+3 && !toks[m].capital; m++ {
				if lv, ok := lowerHeads[toks[m].lower]; ok && lv == Org {
					j = m + 1
					break
				}
				if !lowerMods[toks[m].lower] || toks[m].gapPunct {
					break
				}
			}
		}
		names = append(names, [2]int{s, j})
		if j+1 < len(toks) && toks[j].lower == "and" && !toks[j-1].gapPunct && !toks[j].gapPunct && toks[j+1].capital && len(names) == 1 {
			j++
			continue
		}
		break
	}
	last := toks[j-1]
	if toks[head].capital {
		name := strings.Join(strings.Fields(text[toks[head].start:last.end]), " ")
		return Mention{Start: toks[head].start, End: last.end, Entity: Entity{Name: name, Level: Org}, Head: toks[head].lower, Possessive: last.poss}, j - i, true
	}
	var b strings.Builder
	for n, r := range names {
		if n > 0 {
			b.WriteString(" and ")
		}
		b.WriteString(joinWords(text, toks[r[0]:r[1]]))
	}
	for _, t := range toks[mods : head+1] {
		b.WriteByte(' ')
		b.WriteString(t.lower)
	}
	return Mention{Start: toks[mods].start, End: last.end, Entity: Entity{Name: b.String(), Level: Org}, Head: toks[head].lower, Possessive: last.poss}, j - i, true
}

// measureModifier reports whether w is a measure written as a modifier
// ("340-kilometer-long", "1,200-room", "two-day"), which may stand between "the"
// and the noun of a reference: "the 340-kilometer-long railway".
func measureModifier(w string) bool {
	i := strings.IndexByte(w, '-')
	if i <= 0 {
		return false
	}
	// "the 340-kilometer railway", "the two-day fair".
	return w[0] >= '0' && w[0] <= '9' || smallNumberWord(w[:i]) || w[:i] == "one"
}

// smallNumberWord reports a number word that may stand in a reference to
// things named before: "the two ports", "the three zones".
func smallNumberWord(w string) bool {
	switch w {
	case "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "both":
		return true
	}
	return false
}

// refAdjective reports whether w may stand between "the" and the noun of
// a reference ("the northern city", "the new area").
func refAdjective(w string) bool {
	switch w {
	case "northern", "northernmost", "northeastern", "southern", "eastern", "western", "new",
		"whole", "entire", "same", "capital", "border", "provincial", "host", "coastal", "frontier":
		return true
	}
	return false
}

// headLevel returns the level a place name ending in w names: "Huachuan
// County", "Daqing High-tech Zone", "Zhalong Nature Reserve", "Hinggan
// League" (a league and an autonomous prefecture are prefecture-level, a
// banner county-level).
func headLevel(w string) (Level, bool) {
	switch w {
	case "county", "district", "banner":
		return District, true
	case "prefecture", "league":
		return City, true
	case "zone", "area", "reserve":
		return Area, true
	}
	return 0, false
}

// genericNameWords start the names of kinds of place, not of one place
// ("Pilot Free Trade Zone", "Economic Development Zone").
var genericNameWords = map[string]bool{
	"pilot": true, "free": true, "economic": true, "development": true, "high-tech": true,
	"industrial": true, "new": true, "special": true, "national": true, "comprehensive": true,
	"bonded": true, "border": true, "county": true, "district": true, "city": true, "area": true,
	"zone": true, "scenic": true, "nature": true, "demonstration": true, "provincial": true,
}

// placeByHead names the place of a run of capitalised words that ends in
// a place word (County, District, Zone, Area, Reserve; not City, which
// ends the names of projects too) when the
// lookup does not know the whole name: "Luobei County" is the known
// Luobei, "Huachuan County" and "Daqing High-tech Zone" are places of
// their own.
func placeByHead(text string, run []token, l Lookup) (Mention, bool) {
	last := run[len(run)-1]
	lv, ok := headLevel(last.lower)
	if !ok || genericNameWords[run[0].lower] || !run[0].capital {
		return Mention{}, false
	}
	if _, ok := l.Entity(text[run[0].start:last.end]); ok {
		return Mention{}, false // the lookup knows it: the usual path
	}
	m := Mention{Start: run[0].start, End: last.end, Possessive: last.poss}
	if e, ok := l.Entity(text[run[0].start:run[len(run)-2].end]); ok {
		if e.Level != lv {
			if e.Level >= Area || lv == District && e.Level != City {
				return Mention{}, false
			}
		} else {
			m.Entity = e
			return m, true
		}
	}
	name := joinWords(text, run)
	if !last.capital {
		name = name[:len(name)-len(last.lower)] + strings.ToUpper(last.lower[:1]) + last.lower[1:]
	}
	m.Entity = Entity{Name: name, Level: lv}
	return m, true
}

// longName reads an organisation's, event's or site's name that goes on
// past the run toks[i:j] of capitalised words: through linking words
// ("Jixi International Fair for Farm and Forest Products"), a
// bracketed word ("Feihe (Harbin) Dairy Co"), or into a lower-case head
// ("Harbin-Dalian high-speed railway", "Manzhouli and Suifenhe ports").
// The whole must end in an organisation word; ok is false otherwise.
func longName(text string, toks []token, i, j int, l Lookup) (Mention, int, bool) {
	end := -1     // one past the name's last token, once a head ends it
	k := j        // one past the capitalised words read so far
	tail := false // inside an of- or for-tail after an organisation word
	if orgHeads[strings.TrimSuffix(toks[j-1].lower, ".")] && j-i > 1 {
		end = j
	}
	for k < len(toks) && k-i < 14 {
		prev, t := toks[k-1], toks[k]
		switch {
		case !prev.gapPunct && nameLink(t.lower) && !t.capital && k+1 < len(toks) && !t.gapPunct && toks[k+1].capital &&
			!(t.lower == "and" && end == k && !tail):
			// A link word between capitalised words; "and" after a
			// complete name joins two names ("Harbin Boiler Co Ltd and
			// Harbin Turbine Co Ltd"), unless it is inside a descriptive
			// tail ("Fair for Trade and Economic Cooperation").
			tail = tail || t.lower == "of" || t.lower == "for"
			k += 2
		case prev.gapPunct && bracketed(text, prev.end, t) && k+1 < len(toks) && toks[k+1].capital:
			k += 2 // "Feihe (Harbin) Dairy Co"
		default:
			k = -k
		}
		if k < 0 {
			k = -k
			break
		}
		for k < len(toks) && toks[k].capital && !toks[k-1].gapPunct {
			k++
		}
		// An organisation word ends a name, and what links to it after
		// belongs to it: "Fair for Trade and Economic Cooperation".
		if end >= 0 || orgHeads[strings.TrimSuffix(toks[k-1].lower, ".")] {
			end = k
		}
	}
	// A lower-case head after the words read, with up to two modifiers.
	if !toks[k-1].gapPunct {
		for m := k; m < len(toks) && m <= k+2; m++ {
			lw := toks[m].lower
			if _, ok := lowerHeads[lw]; ok && !toks[m].capital {
				if m == k || allMods(toks[k:m]) {
					end = m + 1
				}
				break
			}
			if toks[m].capital || !lowerMods[lw] || toks[m].gapPunct {
				break
			}
		}
	}
	if end < 0 {
		return Mention{}, 0, false
	}
	last := toks[end-1]
	lw := strings.TrimSuffix(last.lower, ".")
	lv, lowerHead := lowerHeads[lw]
	lowerHead = lowerHead && !last.capital
	if !lowerHead {
		lv = Org
	}
	start := i
	for start < end && (leadWords[toks[start].lower] || gerundAt(text, toks, start)) {
		start++ // "In", "The", a sentence's opening gerund ("Putting the ...")
	}
	if start >= end-1 && lowerHead || start >= end {
		return Mention{}, 0, false
	}
	if lowerHead && allGeneric(toks[start:end-1]) {
		return Mention{}, 0, false // "International trade fair" names no one fair
	}
	if lowerHead && end-1-start == 1 && sentenceStart(text, toks[start].start) {
		// One capitalised word opening a sentence or headline: "Jobs fair
		// held in ..." unless the word is a known name ("Suifenhe port").
		if _, ok := l.Entity(text[toks[start].start:toks[start].end]); !ok {
			return Mention{}, 0, false
		}
	}
	name := strings.Join(strings.Fields(text[toks[start].start:last.end]), " ")
	e, ok := l.Entity(name)
	if !ok {
		e = Entity{Name: name, Level: lv}
	}
	return Mention{Start: toks[start].start, End: last.end, Entity: e, Head: lw, Possessive: last.poss}, end, true
}

// legalForms are the words of a company's legal form that follow its
// name after a comma: "Harbin Electric, Inc.", "Jixi Mining, Ltd.".
var legalForms = map[string]bool{"inc": true, "ltd": true, "llc": true, "plc": true, "corp": true, "co": true, "limited": true}

// legalName reads a company's name and its legal form set off by a comma
// ("Harbin Electric, Inc."): the run toks[i:j] of capitalised words, a
// comma, and the form. The name is a company of its own, written without
// the comma and the period ("Harbin Electric Inc"), whatever a shorter
// name ("Harbin Electric") means to the lookup.
func legalName(text string, toks []token, i, j int) (Mention, int, bool) {
	if j >= len(toks) || leadWords[toks[i].lower] {
		return Mention{}, 0, false
	}
	last, form := toks[j-1], toks[j]
	if last.poss || !form.capital || !legalForms[strings.TrimSuffix(form.lower, ".")] || strings.TrimSpace(text[last.end:form.start]) != "," {
		return Mention{}, 0, false
	}
	if j-i == 1 && sentenceStart(text, toks[i].start) {
		return Mention{}, 0, false // "Meanwhile, Inc. ..." is no name
	}
	name := joinWords(text, toks[i:j]) + " " + strings.TrimSuffix(text[form.start:form.end], ".")
	return Mention{Start: toks[i].start, End: form.end, Entity: Entity{Name: name, Level: Org}, Head: strings.TrimSuffix(form.lower, "."), Possessive: form.poss}, j + 1, true
}

// bracketed reports whether token t sits in brackets right after byte
// off: "Feihe (Harbin) Dairy".
func bracketed(text string, off int, t token) bool {
	return t.start >= 1 && text[t.start-1] == '(' && strings.TrimSpace(text[off:t.start-1]) == "" &&
		t.end < len(text) && text[t.end] == ')'
}

// gerundAt reports whether toks[i] is a gerund opening a sentence, before
// a lower-case word ("Putting the railway into service"): "Daqing
// Oilfield" and "Nanjing" end in -ing too.
func gerundAt(text string, toks []token, i int) bool {
	return strings.HasSuffix(toks[i].lower, "ing") && sentenceStart(text, toks[i].start) &&
		i+1 < len(toks) && !toks[i+1].capital
}

// sentenceStart reports whether byte i opens a sentence of text.
func sentenceStart(text string, i int) bool {
	j := i
	for j > 0 && (text[j-1] == ' ' || text[j-1] == '"' || text[j-1] == '\t') {
		j--
	}
	return j == 0 || text[j-1] == '.' || text[j-1] == '\n' || text[j-1] == '!' || text[j-1] == '?'
}

// allGeneric reports whether the capitalised words of ts are all words
// that start the names of kinds ("International", "National", "New").
func allGeneric(ts []token) bool {
	for _, t := range ts {
		if t.capital && !genericNameWords[t.lower] {
			switch t.lower {
			case "international", "annual", "global", "world", "first", "grand", "china", "chinese":
				continue
			}
			return false
		}
	}
	return true
}

func allMods(ts []token) bool {
	for _, t := range ts {
		if !lowerMods[t.lower] || t.capital {
			return false
		}
	}
	return true
}
