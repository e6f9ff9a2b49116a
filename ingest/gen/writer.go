package gen

import (
	"fmt"
	"strconv"
	"time"
)

// framing is the part of the year an article reports on.
type framing struct {
	period string // "year", "Q1", "H1", "Q1-Q3"
	phrase string // "the first half of" (empty for a whole year)
	short  string // for headlines: "Q1", "first half"
	month  int    // the earliest month the article can be published
}

var framings = []framing{
	{"Q1", "the first quarter of", "Q1", 4},
	{"H1", "the first half of", "first half", 7},
	{"Q1-Q3", "the first three quarters of", "first three quarters", 10},
}

// writer builds one article.
type writer struct {
	c     *config
	r     *rng
	b     []byte
	facts []Fact
	quiet bool // writing a teaser: record no facts

	main      place
	frame     framing
	dataYear  int // the year the article reports on
	pub       time.Time
	curly     bool // curly apostrophes and the odd non-breaking space, as pasted text has
	mentioned bool // the main place was named in the current paragraph
}

// article generates article i of the corpus of seed.
func (c *config) article(seed int64, i int) Article {
	w := &writer{c: c, r: newRNG(seed, i)}
	r := w.r
	w.main = pick(r, c.places)
	w.curly = r.chance(0.5)
	w.frame = framing{period: "year"}
	if r.chance(0.4) {
		w.frame = pick(r, framings)
		w.dataYear = r.between(c.first, c.last)
		w.pub = date(w.dataYear, w.frame.month+r.intn(2), 1+r.intn(28))
	} else {
		w.dataYear = r.between(c.first, c.last-1)
		w.pub = date(w.dataYear+1, 1+r.intn(4), 1+r.intn(28))
	}
	w.b = make([]byte, 0, 3200)

	// Header: breadcrumb, headline, date, source.
	if r.chance(0.85) {
		w.b = append(w.b, pick(r, breadcrumbs)...)
		w.b = append(w.b, "\n\n"...)
	}
	headMetric := w.metric()
	title := w.headline(headMetric)
	w.b = append(w.b, title...)
	w.b = append(w.b, "\n\nUpdated : "...)
	w.b = w.pub.AppendFormat(w.b, "2006-01-02")
	w.b = append(w.b, "\n\nBy ( "...)
	w.b = append(w.b, pick(r, sources)...)
	w.b = append(w.b, " )\n\n"...)

	// Teasers are written last but sized first, so the whole article
	// lands in 1.5-3 KB.
	teasers := r.intn(3)
	target := r.between(1550, 2650) - 170*teasers
	sep := pick(r, paragraphSeps)
	oneLine := sep == "\n"

	done := func() bool {
		return len(w.facts) >= 10 && len(w.b) >= target || len(w.facts) >= 27 && len(w.b) >= 1400
	}
	first := true
	for !done() {
		if !first {
			w.str(sep)
		}
		w.mentioned = false
		year := w.dataYear
		if w.frame.period == "year" && !first && r.chance(0.25) {
			year = max(c.first, w.dataYear-1-r.intn(4))
		}
		n := r.between(1, 4)
		for k := 0; k < n && (k == 0 || !done()); k++ {
			if k > 0 {
				if oneLine {
					w.str("\n")
				} else {
					w.str(" ")
				}
			}
			m := w.metric()
			if first {
				m = headMetric
			}
			switch x := r.intn(100); {
			case first:
				w.intro(m, year)
			case x < 12 || len(w.facts) >= 27:
				w.filler()
			case x < 24:
				w.plan(m)
			default:
				w.fact(m, year)
			}
			first = false
		}
	}
	for t := 0; t < teasers; t++ {
		w.teaser()
	}
	return Article{
		Name:      fmt.Sprintf("gen-%06d.txt", i),
		Text:      string(w.b),
		Title:     title,
		Published: w.pub,
		Facts:     w.facts,
	}
}

func date(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

var (
	breadcrumbs   = []string{"Home>Biz updates", "Home>Industries", "Home>Investment", "Home>News", "Home>Economy"}
	sources       = []string{"e.my399.com", "Xinhua", "chinadaily.com.cn", "Heilongjiang Daily", "Harbin Daily", "hlj.gov.cn"}
	paragraphSeps = []string{"\n\u00a0\n", "\n\n", "\n"}
)

// metric picks a metric for a sentence.
func (w *writer) metric() metric { return pick(w.r, w.c.metrics) }

// subject picks the place a sentence is about: mostly the article's own,
// sometimes one of its districts or counties, or another place.
func (w *writer) subject() place {
	r := w.r
	switch x := r.intn(100); {
	case x < 75:
		return w.main
	case x < 92:
		if subs := w.c.byParent[w.main.name]; len(subs) > 0 {
			return pick(r, subs)
		}
	}
	return pick(r, w.c.places)
}

// str appends literal text, turning apostrophes curly and, rarely, a
// space into a non-breaking one when the article is written that way.
func (w *writer) str(s string) {
	if !w.curly {
		w.b = append(w.b, s...)
		return
	}
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == '\'':
			w.b = append(w.b, "\u2019"...)
		case s[i] == ' ' && w.r.chance(0.01):
			w.b = append(w.b, "\u00a0"...)
		default:
			w.b = append(w.b, s[i])
		}
	}
}

// vars are the values a template's placeholders expand to.
type vars struct {
	place     place
	m         metric
	year      string // "2021", "the first half of 2021"
	qualifier string // "more than " or ""
	amount    amount
	growth    int // in tenths of a percent, negative for a fall
	verb      string
	usd       bool // add the amount in dollars
}

// expand writes template t, recording a fact for {V} and {G} unless the
// writer is quiet. Placeholders:
//
//	{X} the place, or "the city" if named before in the paragraph
//	{N} the place's name, always
//	{A} an appositive for the place ("a city in Heilongjiang province")
//	{P} the metric's noun phrase
//	{V} the amount with its scale and unit ("391.54 billion yuan")
//	{U} the amount in dollars, in brackets, sometimes
//	{G} the growth rate, unsigned ("12.5")
//	{Y} the year or period ("2021", "the first quarter of 2021")
//	{Q} the qualifier ("more than ")
//	{B} the plan's verb ("build")
func (w *writer) expand(t string, v *vars, f Fact) {
	start := len(w.b)
	for i := 0; i < len(t); i++ {
		if t[i] != '{' || i+2 >= len(t) || t[i+2] != '}' {
			j := i
			for j < len(t) && t[j] != '{' {
				j++
			}
			if j == i {
				j++
			}
			w.str(t[i:j])
			i = j - 1
			continue
		}
		switch t[i+1] {
		case 'X':
			if w.mentioned && v.place.name == w.main.name && w.r.chance(0.5) {
				w.b = append(w.b, v.place.corefNoun()...)
			} else {
				w.b = append(w.b, v.place.name...)
			}
			if v.place.name == w.main.name {
				w.mentioned = true
			}
		case 'N':
			w.b = append(w.b, v.place.name...)
			if v.place.name == w.main.name {
				w.mentioned = true
			}
		case 'A':
			w.str(appositive(v.place))
		case 'P':
			w.b = append(w.b, v.m.phrase...)
		case 'V':
			s := len(w.b)
			w.b = append(w.b, v.amount.number...)
			e := len(w.b)
			w.b = append(w.b, v.amount.words...)
			if !w.quiet {
				g := f
				g.Metric, g.Value, g.Unit, g.Qualifier = v.m.name, v.amount.value, v.m.unit, qualifierOf(v.qualifier)
				g.Start, g.End = s, e
				w.facts = append(w.facts, g)
			}
		case 'U':
			if v.usd && v.m.unit == "CNY" && v.amount.value >= 1e8 {
				w.b = append(w.b, " ($"...)
				w.b = append(w.b, dollars(v.amount.value)...)
				w.b = append(w.b, ')')
			}
		case 'G':
			s := len(w.b)
			w.b = appendTenths(w.b, abs(v.growth))
			e := len(w.b)
			if !w.quiet {
				g := f
				g.Metric, g.Value, g.Unit, g.Qualifier = v.m.name+"_growth", float64(v.growth)/10, "percent", "exact"
				g.Start, g.End = s, e
				w.facts = append(w.facts, g)
			}
		case 'Y':
			w.b = append(w.b, v.year...)
		case 'Q':
			w.b = append(w.b, v.qualifier...)
		case 'B':
			w.b = append(w.b, v.verb...)
		}
		i += 2
	}
	// A sentence that starts with "the city" starts with a capital.
	if start < len(w.b) && w.b[start] >= 'a' && w.b[start] <= 'z' {
		w.b[start] -= 'a' - 'A'
	}
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

func qualifierOf(q string) string {
	switch q {
	case "":
		return "exact"
	case "about ", "around ", "nearly ", "roughly ", "some ":
		return "approx"
	case "up to ", "less than ", "at most ":
		return "max"
	}
	return "min"
}

var (
	approxWords = []string{"about ", "around ", "nearly ", "roughly "}
	minWords    = []string{"more than ", "over ", "at least ", "above "}
	maxWords    = []string{"up to ", "less than "}
)

// qualifier draws a qualifier, mostly none.
func (w *writer) qualifier() string {
	switch x := w.r.intn(100); {
	case x < 8:
		return pick(w.r, approxWords)
	case x < 18:
		return pick(w.r, minWords)
	}
	return ""
}

func appositive(p place) string {
	switch p.kind {
	case district, county:
		kind := "district"
		if p.kind == county {
			kind = "county"
		}
		if p.parent != "" {
			return "a " + kind + " of " + p.parent
		}
		return "a " + kind + " in Heilongjiang province"
	case zone:
		if p.parent != "" {
			return "a development zone in " + p.parent
		}
		return "a development zone in Heilongjiang province"
	case province:
		return "China's northernmost province"
	case country:
		return "the world's second-largest economy"
	}
	if p.name == "Harbin" {
		return "capital of Northeast China's Heilongjiang province"
	}
	return "a city in Northeast China's Heilongjiang province"
}

// yearText says when a figure is for, in the article's framing.
func (w *writer) yearText(year int) string {
	y := strconv.Itoa(year)
	if w.frame.phrase != "" {
		return w.frame.phrase + " " + y
	}
	return y
}

// growth draws a change in tenths of a percent; down makes it a fall.
func (w *writer) growth(down bool) int {
	g := w.r.between(3, 350)
	if w.r.chance(0.3) {
		g = g / 10 * 10 // a round rate: "12 percent"
		if g == 0 {
			g = 10
		}
	}
	if down {
		return -min(g, 300)
	}
	return g
}

// Templates for figures that were reported. Each is written for this
// package; see expand for the placeholders.
var (
	// countGrowth states a count and its growth.
	countGrowth = []string{
		"In {Y}, {X} had {V} {P}, up {G} percent year on year.",
		"{X} had {V} {P} by the end of {Y}, {G} percent more than a year earlier.",
		"The number of {P} in {X} rose {G} percent year on year to {V} in {Y}.",
		"At the end of {Y}, {X} was home to {V} {P}, a year-on-year increase of {G} percent.",
	}
	// countOnly states a count.
	countOnly = []string{
		"{X} was home to {Q}{V} {P} at the end of {Y}.",
		"In {Y}, there were {Q}{V} {P} in {X}.",
		"By the end of {Y}, {X} had {Q}{V} {P}.",
		"{X} counted {Q}{V} {P} in {Y}.",
	}
	// countFlow states what was added in a period; any framing fits.
	countFlow = []string{
		"In {Y}, {X} added {Q}{V} new {P}.",
		"{X} added {Q}{V} {P} in {Y}, up {G} percent year on year.",
	}
	// amountGrowth states an amount and its rise.
	amountGrowth = []string{
		"In {Y}, {X}'s {P} reached {V}{U}, up {G} percent year on year.",
		"{X}'s {P} grew {G} percent year on year to {V}{U} in {Y}.",
		"The {P} of {X} totaled {V}{U} in {Y}, rising {G} percent from a year earlier.",
		"{X} reported {P} of {V}{U} in {Y}, an increase of {G} percent.",
		"In {Y}, {P} in {X} came to {V}{U}, a year-on-year rise of {G} percent.",
	}
	// amountFall states an amount and its fall.
	amountFall = []string{
		"{X}'s {P} fell {G} percent year on year to {V}{U} in {Y}.",
		"In {Y}, {X}'s {P} dropped to {V}{U}, down {G} percent from a year earlier.",
	}
	// amountOnly states an amount.
	amountOnly = []string{
		"{X}'s {P} came to {Q}{V}{U} in {Y}.",
		"In {Y}, {P} in {X} amounted to {Q}{V}{U}.",
		"{X} recorded {P} of {Q}{V}{U} in {Y}.",
	}
	// growthOnly states a rate of change alone.
	growthOnly = []string{
		"{X}'s {P} rose {G} percent year on year in {Y}.",
		"In {Y}, {P} in {X} increased by {G} percent.",
	}
	// lastYear states a figure for the year before publication.
	lastYear = []string{
		"Last year, {X}'s {P} stood at {Q}{V}{U}.",
		"Last year, {X} had {Q}{V} {P}.",
	}
	// currently states a stock at publication.
	currently = []string{
		"{X} currently has {Q}{V} {P}.",
		"{X} is now home to {Q}{V} {P}.",
	}
	// intros open the article, naming the place with an appositive.
	introCount = []string{
		"{N}, {A}, had {V} {P} at the end of {Y}, up {G} percent year on year.",
		"{N}, {A}, was home to {Q}{V} {P} in {Y}.",
	}
	introAmount = []string{
		"{N}, {A}, saw its {P} reach {V}{U} in {Y}, up {G} percent year on year.",
		"The {P} of {N}, {A}, came to {Q}{V}{U} in {Y}.",
	}
	introFlow = []string{
		"{N}, {A}, added {Q}{V} {P} in {Y}, up {G} percent year on year.",
	}
	// Plans: targets and forecasts.
	planCount = []string{
		"{X} plans to {B} {V} {P} in {Y}.",
		"By {Y}, {X} aims to have {Q}{V} {P}.",
		"{X} is expected to {B} {Q}{V} {P} in {Y}.",
	}
	planAmount = []string{
		"{X} aims to raise its {P} to {V}{U} by {Y}.",
		"{X}'s {P} is expected to exceed {V}{U} in {Y}.",
		"{X} has set a target of {Q}{V} for its {P} in {Y}.",
	}
	// fillers carry no fact; their numbers, if any, are dates and names.
	fillers = []string{
		"Officials said the city would keep improving its business environment to attract more investment.",
		"The figures were released by the local statistics bureau on {D}.",
		"Experts from universities and research institutes attended the meeting, which was held on {D}.",
		"The local government has made the sector a priority under the 14th Five-Year Plan.",
		"Entrepreneurs at the event said demand remained strong despite a cold winter.",
		"The plan was discussed at the Second Session of the local people's congress.",
		"Several cooperation agreements were signed during the one-day forum.",
		"The results show the momentum of the region's industrial upgrading, analysts said.",
	}
)

// fact writes one sentence stating one or two figures for year.
func (w *writer) fact(m metric, year int) {
	r := w.r
	v := &vars{place: w.subject(), m: m, year: w.yearText(year), verb: m.verb, usd: r.chance(0.25)}
	v.amount = w.amount(m)
	f := Fact{Entity: v.place.name, Year: year, Period: w.frame.period, Status: "actual"}

	// Relative years: "last year" in an annual article published the year
	// after its figures, "currently" for a stock at publication.
	if w.frame.period == "year" && year == w.pub.Year()-1 && r.chance(0.12) {
		v.qualifier = w.qualifier()
		t := lastYear[0]
		if m.kind == countMetric {
			t = lastYear[1]
		}
		w.expand(t, v, f)
		return
	}
	if w.frame.period == "year" && m.kind == countMetric && r.chance(0.08) {
		v.qualifier = w.qualifier()
		f.Year = w.pub.Year()
		w.expand(pick(r, currently), v, f)
		return
	}

	var t string
	switch {
	case m.kind == countMetric && w.frame.period != "year":
		t = pick(r, countFlow)
		v.growth = w.growth(false)
		if t == countFlow[1] {
			v.qualifier = ""
		} else {
			v.qualifier = w.qualifier()
		}
	case m.kind == countMetric && r.chance(0.5):
		t = pick(r, countGrowth)
		v.growth = w.growth(false)
	case m.kind == countMetric:
		t = pick(r, countOnly)
		v.qualifier = w.qualifier()
	default:
		switch x := r.intn(100); {
		case x < 50:
			t = pick(r, amountGrowth)
			v.growth = w.growth(false)
		case x < 62:
			t = pick(r, amountFall)
			v.growth = w.growth(true)
		case x < 85:
			t = pick(r, amountOnly)
			v.qualifier = w.qualifier()
		default:
			t = pick(r, growthOnly)
			v.growth = w.growth(false)
		}
	}
	w.expand(t, v, f)
}

// intro writes the opening sentence.
func (w *writer) intro(m metric, year int) {
	r := w.r
	v := &vars{place: w.main, m: m, year: w.yearText(year), usd: r.chance(0.3)}
	v.amount = w.amount(m)
	v.growth = w.growth(false)
	f := Fact{Entity: w.main.name, Year: year, Period: w.frame.period, Status: "actual"}
	var t string
	switch {
	case m.kind == countMetric && w.frame.period != "year":
		t = pick(r, introFlow)
	case m.kind == countMetric:
		t = pick(r, introCount)
	default:
		t = pick(r, introAmount)
	}
	if t == introCount[1] || t == introAmount[1] || t == introFlow[0] {
		v.qualifier = w.qualifier()
	}
	w.expand(t, v, f)
}

// plan writes a target or forecast for the publication year or a few
// years on, capped at the last year of the corpus.
func (w *writer) plan(m metric) {
	r := w.r
	year := min(w.pub.Year()+r.intn(4), max(w.c.last, w.pub.Year()))
	v := &vars{place: w.subject(), m: m, year: strconv.Itoa(year), verb: m.verb, usd: r.chance(0.2)}
	v.amount = w.amount(m)
	f := Fact{Entity: v.place.name, Year: year, Period: "year", Status: "plan"}
	var t string
	if m.kind == countMetric {
		t = pick(r, planCount)
		if t == planCount[1] {
			v.qualifier = pick(r, append(minWords[:2:2], ""))
		} else if t == planCount[2] {
			v.qualifier = pick(r, []string{"", "", "up to ", "about "})
		}
	} else {
		t = pick(r, planAmount)
		if t == planAmount[2] {
			v.qualifier = pick(r, []string{"", "", "about "})
		}
	}
	if t == planAmount[1] {
		// The qualifier is implied by the verb, not written.
		f.Qualifier = "min"
		w.expandPlanExceed(t, v, f)
		return
	}
	w.expand(t, v, f)
}

// expandPlanExceed writes a template whose verb ("exceed") carries the
// qualifier: the fact is "min" though no qualifier word is written.
func (w *writer) expandPlanExceed(t string, v *vars, f Fact) {
	v.qualifier = ""
	n := len(w.facts)
	w.expand(t, v, f)
	for i := n; i < len(w.facts); i++ {
		w.facts[i].Qualifier = "min"
	}
}

// filler writes a sentence without facts.
func (w *writer) filler() {
	t := pick(w.r, fillers)
	for i := 0; i+2 < len(t); i++ {
		if t[i] == '{' && t[i+1] == 'D' {
			w.str(t[:i])
			w.b = append(w.b, shortMonths[w.pub.Month()-1]...)
			w.b = append(w.b, ' ')
			w.b = strconv.AppendInt(w.b, int64(max(1, w.pub.Day()-w.r.intn(3))), 10)
			w.str(t[i+3:])
			return
		}
	}
	w.str(t)
}

var shortMonths = []string{"Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sept", "Oct", "Nov", "Dec"}

// headline writes the article's title about its first metric.
func (w *writer) headline(m metric) string {
	r := w.r
	x := w.main.name
	var s string
	if w.frame.period != "year" {
		switch r.intn(3) {
		case 0:
			s = x + " economy makes a brisk start in " + w.frame.short
		case 1:
			s = x + " posts steady growth in " + w.frame.short
		default:
			s = x + "'s key indicators pick up in " + w.frame.short
		}
	} else {
		switch r.intn(4) {
		case 0:
			s = x + "'s " + m.phrase + " on the rise in " + strconv.Itoa(w.dataYear)
		case 1:
			s = x + " reports solid growth in " + m.phrase
		case 2:
			s = x + " makes progress on " + m.phrase
		default:
			s = x + " releases its " + strconv.Itoa(w.dataYear) + " economic figures"
		}
	}
	if w.curly {
		b := make([]byte, 0, len(s)+4)
		for i := 0; i < len(s); i++ {
			if s[i] == '\'' {
				b = append(b, "\u2019"...)
			} else {
				b = append(b, s[i])
			}
		}
		s = string(b)
	}
	return s
}

// teaser writes the headline and first line of another, unrelated
// article, as the corpus pages end with; its figures are not recorded.
func (w *writer) teaser() {
	r := w.r
	w.quiet = true
	defer func() { w.quiet = false }()
	other := pick(r, w.c.places)
	m := w.metric()
	for m.kind != countMetric || m.verb == "" {
		m = w.metric()
	}
	year := w.pub.Year()
	w.str("\n\n\n")
	w.str(other.name + " to " + m.verb + " ")
	a := w.amount(m)
	w.b = append(w.b, a.number...)
	w.b = append(w.b, a.words...)
	w.str(" " + m.phrase + " in " + strconv.Itoa(year) + "\n\n")
	w.mentioned = false
	w.expand("{N} is stepping up work on its {P} this year, officials said.", &vars{place: other, m: m}, Fact{})
}

// amount is a figure as written and as a value.
type amount struct {
	number string  // "391.54"
	words  string  // " billion yuan"; for a count, "" (the phrase follows)
	value  float64 // 391540000000
}

// amount draws a plausible value of m.
func (w *writer) amount(m metric) amount {
	x := w.draw(int64(m.lo), int64(m.hi))
	switch m.unit {
	case "count":
		if x >= 1e6 {
			return scaled(x, 1e6, " million", w.r.between(1, 2))
		}
		return whole(x, "")
	case "CNY":
		switch {
		case x >= 1e12:
			return scaled(x, 1e12, " trillion yuan", 2)
		case x >= 1e9:
			return scaled(x, 1e9, " billion yuan", w.r.between(1, 2))
		case x >= 1e6:
			return scaled(x, 1e6, " million yuan", w.r.between(0, 1))
		}
		return whole(x, " yuan")
	case "tonnes":
		if x >= 1e6 {
			return scaled(x, 1e6, " million tonnes", w.r.between(1, 2))
		}
		return whole(x, " tonnes")
	case "hectares":
		if x >= 1e6 {
			return scaled(x, 1e6, " million hectares", 2)
		}
		return whole(x, " hectares")
	case "km":
		if w.r.chance(0.3) {
			return whole(x, " km")
		}
		return whole(x, " kilometers")
	case "m2":
		if x >= 1e6 {
			return scaled(x, 1e6, " million square meters", w.r.between(1, 2))
		}
		return whole(x, " square meters")
	case "kWh":
		if x >= 1e9 {
			return scaled(x, 1e9, " billion kWh", 2)
		}
		return scaled(x, 1e6, " million kWh", 0)
	case "MW":
		return whole(x, " megawatts")
	case "m3":
		if x >= 1e9 {
			return scaled(x, 1e9, " billion cubic meters", 2)
		}
		return scaled(x, 1e6, " million cubic meters", 0)
	}
	return whole(x, "")
}

// draw returns a number in [lo, hi], lo >= 1: a decade drawn uniformly,
// then a number in it. It uses integers only, so that no platform's
// floating point can change a corpus.
func (w *writer) draw(lo, hi int64) int64 {
	lo = max(lo, 1)
	hi = max(hi, lo)
	dlo, dhi := decade(lo), decade(hi)
	for try := 0; try < 4; try++ {
		d := dlo * pow10(int64(w.r.intn(int(log10(dhi/dlo))+1)))
		x := d + int64(w.r.intn(int(9*d)))
		if x >= lo && x <= hi {
			return x
		}
	}
	return lo + int64(w.r.intn(int(min(hi-lo, 1<<30))+1))
}

// decade returns the power of ten at or below x >= 1.
func decade(x int64) int64 {
	d := int64(1)
	for d <= x/10 {
		d *= 10
	}
	return d
}

func log10(x int64) int64 {
	n := int64(0)
	for x >= 10 {
		x /= 10
		n++
	}
	return n
}

func pow10(n int64) int64 {
	p := int64(1)
	for ; n > 0; n-- {
		p *= 10
	}
	return p
}

// scaled writes x in units of scale with dec decimals, trailing zeros
// dropped: scaled(391540000000, 1e9, " billion yuan", 2) is 391.54.
func scaled(x, scale int64, words string, dec int) amount {
	p := pow10(int64(dec))
	mant := max((x*p+scale/2)/scale, 1)
	for dec > 0 && mant%10 == 0 {
		mant /= 10
		p /= 10
		dec--
	}
	var b []byte
	b = strconv.AppendInt(b, mant/p, 10)
	if dec > 0 {
		b = append(b, '.')
		frac := strconv.FormatInt(mant%p, 10)
		for i := len(frac); i < dec; i++ {
			b = append(b, '0')
		}
		b = append(b, frac...)
	}
	return amount{number: string(b), words: words, value: float64(mant) * float64(scale) / float64(p)}
}

// whole writes x rounded to three significant digits (all digits below
// 1,000) with thousands separators: 68,000 tonnes.
func whole(x int64, words string) amount {
	n := max(x, 1)
	unit := int64(1)
	for n/unit >= 1000 {
		unit *= 10
	}
	n = (n + unit/2) / unit * unit
	return amount{number: string(commas(nil, n)), words: words, value: float64(n)}
}

// commas appends n with thousands separators.
func commas(b []byte, n int64) []byte {
	s := strconv.FormatInt(n, 10)
	for i := 0; i < len(s); i++ {
		if i > 0 && (len(s)-i)%3 == 0 {
			b = append(b, ',')
		}
		b = append(b, s[i])
	}
	return b
}

// appendTenths appends t/10 with one decimal, or none for a whole number.
func appendTenths(b []byte, t int) []byte {
	b = strconv.AppendInt(b, int64(t/10), 10)
	if t%10 != 0 {
		b = append(b, '.', byte('0'+t%10))
	}
	return b
}

// dollars writes a yuan amount in dollars at a fixed rate of 6.9.
func dollars(yuan float64) string {
	usd := int64(yuan) * 10 / 69
	if usd >= 1e9 {
		return scaled(usd, 1e9, "", 2).number + " billion"
	}
	return scaled(usd, 1e6, "", 1).number + " million"
}
