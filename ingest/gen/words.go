package gen

import (
	"slices"
	"strings"
	"sync"
)

// placeKind says how a place is referred back to ("the city", "the
// county") and which appositive introduces it.
type placeKind int

const (
	city placeKind = iota
	district
	county
	zone
	province
	country
)

// place is an entity the articles are about.
type place struct {
	name   string
	kind   placeKind
	parent string // the city a district or county belongs to; "" if none
}

// corefNoun is how a later sentence names the place.
func (p place) corefNoun() string {
	switch p.kind {
	case district:
		return "the district"
	case county:
		return "the county"
	case zone:
		return "the zone"
	case province:
		return "the province"
	case country:
		return "the country"
	}
	return "the city"
}

// realPlaces are places of Heilongjiang (and a few beyond) by the city
// they belong to; the first of each group is the city itself.
var realPlaces = [][]string{
	{"Harbin", "Daoli District", "Nangang District", "Daowai District", "Xiangfang District",
		"Pingfang District", "Songbei District", "Hulan District", "Acheng District",
		"Shuangcheng District", "Shangzhi", "Wuchang", "Bin County", "Bayan County",
		"Mulan County", "Tonghe County", "Yanshou County", "Yilan County", "Fangzheng County",
		"Harbin New Area"},
	{"Daqing", "Sartu District", "Longfeng District", "Ranghulu District", "Honggang District",
		"Datong District", "Zhaozhou County", "Zhaoyuan County", "Lindian County"},
	{"Qiqihar", "Longsha District", "Jianhua District", "Tiefeng District", "Fularji District",
		"Nehe", "Yi'an County", "Tailai County", "Gannan County", "Fuyu County",
		"Keshan County", "Kedong County", "Baiquan County"},
	{"Mudanjiang", "Suifenhe", "Hailin", "Ning'an", "Muling", "Dongning", "Aimin District",
		"Yangming District"},
	{"Jiamusi", "Tongjiang", "Fujin", "Fuyuan", "Huanan County", "Huachuan County", "Tangyuan County"},
	{"Heihe", "Bei'an", "Wudalianchi", "Nenjiang", "Xunke County", "Sunwu County"},
	{"Suihua", "Anda", "Zhaodong", "Hailun", "Wangkui County", "Lanxi County", "Qinggang County",
		"Mingshui County", "Suiling County"},
	{"Jixi", "Hulin", "Mishan"},
	{"Hegang", "Luobei County", "Suibin County"},
	{"Shuangyashan", "Baoqing County", "Youyi County", "Raohe County"},
	{"Yichun", "Tieli", "Jiayin County"},
	{"Qitaihe", "Boli County"},
	{"Changchun"}, {"Jilin"}, {"Shenyang"}, {"Dalian"}, {"Hohhot"},
}

// syllables make up the names of invented places.
var syllables = []string{
	"Bai", "Long", "Song", "Hua", "Ning", "Xing", "Feng", "Lin", "Qing", "Yuan",
	"Ping", "Shui", "Jin", "Fu", "Tai", "Hong", "Mei", "Shan", "Dong", "Xi",
	"Bei", "Nan", "Yong", "Chang",
}

// zoneSuffixes name the invented development zones.
var zoneSuffixes = []string{"New Area", "High-tech Zone", "Economic Development Zone", "Free Trade Zone"}

// madeUpPlaces is how many invented places join the real ones.
const madeUpPlaces = 200

// defaultPlaces builds the built-in place list once: the real places,
// the province and the country, then invented ones made of two
// syllables.
var defaultPlaces = sync.OnceValue(func() []place {
	var ps []place
	seen := make(map[string]bool)
	add := func(p place) bool {
		if seen[p.name] {
			return false
		}
		seen[p.name] = true
		ps = append(ps, p)
		return true
	}
	var cities []string
	for _, group := range realPlaces {
		cities = append(cities, group[0])
		add(place{name: group[0], kind: city})
		for _, n := range group[1:] {
			add(placeNamed(n, group[0]))
		}
	}
	add(place{name: "Heilongjiang", kind: province})
	add(place{name: "China", kind: country})
	// Pair every syllable with every other one, in an order that varies
	// both halves from one name to the next.
	n := len(syllables)
	for k, made := 0, 0; made < madeUpPlaces && k < n*(n-1); k++ {
		a := syllables[k%n]
		b := syllables[(k%n+1+k/n%(n-1))%n]
		base := a + strings.ToLower(b)
		parent := cities[k%len(cities)]
		var p place
		switch k % 4 {
		case 0:
			p = place{name: base, kind: city}
		case 1:
			p = place{name: base + " District", kind: district, parent: parent}
		case 2:
			p = place{name: base + " County", kind: county, parent: parent}
		case 3:
			p = place{name: base + " " + zoneSuffixes[k/4%len(zoneSuffixes)], kind: zone, parent: parent}
		}
		if !isReal(base) && add(p) {
			made++
		}
	}
	return ps
})

var realNames = sync.OnceValue(func() map[string]bool {
	m := make(map[string]bool)
	for _, g := range realPlaces {
		for _, n := range g {
			m[n] = true
		}
	}
	return m
})

func isReal(name string) bool { return realNames()[name] }

// placeNamed infers a place's kind from its name.
func placeNamed(name, parent string) place {
	switch {
	case strings.HasSuffix(name, " District"):
		return place{name: name, kind: district, parent: parent}
	case strings.HasSuffix(name, " County"):
		return place{name: name, kind: county, parent: parent}
	case strings.HasSuffix(name, " Area"), strings.HasSuffix(name, " Zone"):
		return place{name: name, kind: zone, parent: parent}
	case name == "Heilongjiang" || strings.HasSuffix(name, " Province"):
		return place{name: name, kind: province}
	case name == "China":
		return place{name: name, kind: country}
	}
	return place{name: name, kind: city, parent: parent}
}

// Places returns the built-in place names, real and invented, in a fixed
// order.
func Places() []string {
	var s []string
	for _, p := range defaultPlaces() {
		s = append(s, p.name)
	}
	return s
}

// metricKind is what a metric's figures measure.
type metricKind int

const (
	countMetric  metricKind = iota // things counted: "1,180 high-tech enterprises"
	amountMetric                   // money or physical quantities: "391.54 billion yuan", "15.6 million tonnes"
)

// metric is one measurable noun phrase.
type metric struct {
	phrase string // as written in a sentence: "high-tech enterprises"
	name   string // snake_case: "high_tech_enterprises"
	kind   metricKind
	unit   string  // "count", "CNY", "tonnes", "km", "m2", "hectares", "kWh", "MW", "m3"
	lo, hi float64 // plausible range of a value
	verb   string  // what a plan does to a counted thing: "build", "cultivate"
}

// Count modifiers and nouns: every modifier goes with every noun.
var (
	countModifiers = []string{
		"high-tech", "private", "foreign-funded", "state-owned", "agricultural",
		"logistics", "e-commerce", "software", "biomedical", "new energy",
		"new materials", "equipment manufacturing", "food processing", "cultural",
		"tourism", "digital economy", "cold-region testing", "ice and snow", "green food",
		"aerospace", "robotics", "pharmaceutical", "petrochemical", "forestry", "dairy",
		"grain processing", "modern service", "artificial intelligence", "big data",
		"cloud computing", "semiconductor", "auto parts", "photovoltaic", "wind power",
		"hydrogen energy", "medical device", "smart manufacturing", "cross-border e-commerce",
		"animation", "film and television", "sports", "health care", "elderly care",
		"education", "fintech", "blockchain", "internet", "industrial internet",
		"cold-chain", "seed industry", "organic agriculture", "rice processing",
		"soybean processing", "beverage", "textile", "furniture", "building materials",
		"chemical", "metallurgy", "coal", "graphite", "tea", "tourism service",
		"exhibition", "catering", "retail", "advertising", "design", "testing and certification",
		"technology service", "shipbuilding", "rail transit", "machine tool", "bearing",
		"welding", "nuclear power equipment", "satellite navigation", "drone", "new display",
		"lithium battery", "medicinal herb", "wood processing", "paper", "printing",
	}
	countNouns = []struct {
		noun, verb string
		lo, hi     float64
	}{
		{"enterprises", "cultivate", 20, 5000},
		{"companies", "attract", 10, 3000},
		{"projects", "launch", 10, 800},
		{"industrial parks", "build", 2, 60},
		{"startups", "incubate", 30, 3000},
		{"research centers", "build", 3, 200},
		{"enterprises above designated size", "cultivate", 50, 3000},
		{"listed companies", "add", 1, 60},
		{"demonstration bases", "build", 2, 80},
		{"registered enterprises", "add", 100, 20000},
	}
	// countPhrases are counted things that take no modifier.
	countPhrases = []struct {
		phrase, verb string
		lo, hi       float64
	}{
		{"5G base stations", "build", 500, 30000},
		{"charging piles", "install", 200, 20000},
		{"invention patents", "obtain", 100, 30000},
		{"registered trademarks", "add", 500, 80000},
		{"tourist attractions", "upgrade", 10, 400},
		{"star-rated hotels", "build", 5, 200},
		{"international flight routes", "open", 2, 60},
		{"domestic flight routes", "open", 10, 300},
		{"China-Europe freight train trips", "run", 20, 2000},
		{"urban jobs", "create", 5000, 300000},
		{"new market entities", "add", 1000, 200000},
		{"registered market entities", "reach", 10000, 3000000},
		{"incubators", "build", 5, 120},
		{"makerspaces", "build", 5, 150},
		{"key laboratories", "build", 3, 100},
		{"academic workstations", "set up", 2, 60},
		{"technology transfer agreements", "sign", 10, 2000},
		{"scientific and technological achievements", "transform", 50, 3000},
		{"hospital beds", "add", 500, 60000},
		{"kindergartens", "build", 5, 600},
		{"primary and secondary schools", "build", 5, 900},
		{"public libraries", "build", 2, 50},
		{"sports venues", "build", 10, 1500},
		{"ice rinks", "build", 5, 300},
		{"ski resorts", "build", 2, 40},
		{"bus routes", "open", 20, 600},
		{"new energy buses", "put into service", 50, 6000},
		{"cold-chain warehouses", "build", 5, 300},
		{"logistics centers", "build", 2, 80},
		{"smart factories", "build", 3, 200},
		{"digital workshops", "build", 5, 400},
		{"industrial robots", "install", 100, 20000},
		{"rural cooperatives", "support", 50, 8000},
		{"family farms", "support", 100, 20000},
		{"greenhouses", "build", 100, 30000},
		{"villages with broadband access", "connect", 50, 5000},
		{"renovated old residential communities", "renovate", 10, 1500},
		{"affordable housing units", "build", 500, 50000},
		{"signed investment projects", "sign", 10, 900},
		{"foreign-invested projects", "attract", 5, 300},
		{"inbound tourist trips", "receive", 10000, 5000000},
		{"passenger trips", "handle", 100000, 30000000},
		{"tourist visits", "receive", 100000, 90000000},
		{"flights", "operate", 1000, 200000},
		{"trade fairs", "hold", 3, 120},
		{"cross-border e-commerce orders", "process", 10000, 9000000},
		{"skilled workers", "train", 1000, 200000},
		{"college graduates employed locally", "place", 1000, 100000},
		{"postdoctoral researchers", "attract", 10, 900},
		{"talent apartments", "build", 50, 8000},
	}
	// sectors take the amount patterns below.
	sectors = []string{
		"agriculture", "forestry", "animal husbandry", "fisheries", "equipment manufacturing",
		"food industry", "pharmaceutical industry", "petrochemical industry", "new materials industry",
		"new energy vehicle industry", "digital economy", "software and information services",
		"tourism", "catering", "logistics", "real estate", "construction", "e-commerce",
		"ice and snow tourism", "cultural industry", "biomedicine", "aerospace industry",
		"high-tech industry", "strategic emerging industries", "modern service industry",
		"wholesale and retail", "finance", "transportation", "postal services", "telecommunications",
		"green food industry", "dairy industry", "grain processing industry", "forest food industry",
		"coal industry", "graphite industry", "electric power industry", "automobile industry",
		"robotics industry", "semiconductor industry", "photovoltaic industry", "wind power industry",
		"hydrogen energy industry", "medical device industry", "textile industry",
		"building materials industry", "chemical industry", "metallurgy industry",
		"sports industry", "health care industry", "elderly care industry", "education sector",
		"film industry", "animation industry", "convention and exhibition industry",
		"cold-chain logistics", "cross-border e-commerce", "rural tourism", "red tourism",
		"summer tourism", "border trade", "seed industry", "organic agriculture", "rice industry",
		"soybean industry", "corn processing industry", "beverage industry", "tea industry",
		"furniture industry", "advertising industry", "design industry", "fintech sector",
		"internet industry", "big data industry", "cloud computing industry",
		"artificial intelligence industry", "blockchain industry", "industrial internet sector",
		"testing and certification industry", "technology services", "property management",
		"housekeeping services", "auto parts industry", "shipbuilding industry", "rail transit industry",
		"nuclear power equipment industry", "power equipment industry", "machine tool industry",
		"welding industry", "bearing industry", "satellite navigation industry", "drone industry",
		"lithium battery industry", "medicinal herb industry", "wood processing industry",
		"paper industry", "printing industry", "brewing industry", "meat processing industry",
		"aquaculture", "vegetable industry", "fruit industry", "edible fungi industry",
		"horticulture", "hot spring tourism", "border tourism", "night-time economy",
		"platform economy", "silver economy", "low-altitude economy", "outsourcing services",
	}
	sectorPatterns = []struct {
		pattern string // %s is the sector
		lo, hi  float64
	}{
		{"%s output value", 1e9, 5e11},
		{"%s added value", 5e8, 2e11},
		{"%s revenue", 1e8, 1e11},
		{"investment in the %s", 1e8, 1e11},
		{"%s exports", 1e7, 3e10},
		{"%s imports", 1e7, 3e10},
		{"%s tax revenue", 1e7, 1e10},
		{"%s profits", 1e7, 2e10},
		{"%s sales", 1e8, 1e11},
	}
	// moneyPhrases are amounts in yuan that take no sector.
	moneyPhrases = []struct {
		phrase string
		lo, hi float64
	}{
		{"GDP", 5e10, 2e12},
		{"retail sales of consumer goods", 1e10, 8e11},
		{"fixed-asset investment", 1e10, 6e11},
		{"foreign trade volume", 1e9, 3e11},
		{"total imports and exports", 1e9, 3e11},
		{"general public budget revenue", 1e9, 2e11},
		{"tourism revenue", 1e9, 3e11},
		{"actual use of foreign capital", 1e8, 2e10},
		{"online retail sales", 1e9, 2e11},
		{"total contracted value", 1e9, 5e11},
		{"R&D spending", 1e8, 5e10},
		{"fiscal revenue", 1e9, 2e11},
		{"industrial output", 1e10, 1e12},
		{"loan balance", 1e10, 3e12},
		{"deposit balance", 1e10, 4e12},
		{"per capita disposable income of urban residents", 20000, 60000},
		{"per capita disposable income of rural residents", 10000, 30000},
		{"technology contract turnover", 1e8, 5e10},
		{"investment in key projects", 1e9, 5e11},
		{"infrastructure investment", 1e9, 2e11},
		{"private investment", 1e9, 2e11},
		{"household consumption", 1e10, 5e11},
		{"catering revenue", 1e9, 6e10},
		{"express delivery revenue", 1e8, 2e10},
		{"ice and snow tourism revenue", 1e9, 2e11},
		{"holiday tourism revenue", 1e8, 5e10},
		{"agricultural product exports", 1e8, 2e10},
		{"trade with Russia", 1e9, 2e11},
		{"cross-border e-commerce turnover", 1e8, 5e10},
		{"value of signed contracts", 1e9, 3e11},
	}
	// products take the output pattern in tonnes; crops also a planting area.
	products = []struct {
		name string
		crop bool
		lo   float64
		hi   float64
	}{
		{"grain", true, 1e6, 8e7}, {"rice", true, 1e5, 3e7}, {"corn", true, 1e5, 4e7},
		{"soybean", true, 1e4, 1e7}, {"wheat", true, 1e4, 2e6}, {"potato", true, 1e4, 5e6},
		{"vegetable", true, 1e5, 1e7}, {"fruit", true, 1e4, 3e6}, {"edible fungi", true, 1e4, 5e6},
		{"sugar beet", true, 1e4, 3e6}, {"flax", true, 1e3, 2e5}, {"hemp", true, 1e3, 2e5},
		{"blueberry", true, 1e3, 1e5}, {"milk", false, 1e5, 6e6}, {"beef", false, 1e4, 6e5},
		{"pork", false, 1e5, 2e6}, {"poultry", false, 1e4, 1e6}, {"egg", false, 1e4, 1.5e6},
		{"aquatic product", false, 1e4, 8e5}, {"crude oil", false, 1e6, 5e7}, {"coal", false, 1e6, 9e7},
		{"steel", false, 1e5, 2e7}, {"cement", false, 1e5, 3e7}, {"timber", false, 1e4, 2e6},
		{"graphite", false, 1e4, 1e6}, {"fertilizer", false, 1e4, 3e6}, {"feed", false, 1e5, 8e6},
		{"sugar", false, 1e4, 1e6}, {"rice flour", false, 1e4, 1e6}, {"soybean oil", false, 1e4, 2e6},
	}
	// physicalPhrases are quantities in physical units.
	physicalPhrases = []struct {
		phrase, unit string
		lo, hi       float64
	}{
		{"expressway mileage", "km", 100, 5000},
		{"railway mileage", "km", 100, 7000},
		{"rural road mileage", "km", 500, 80000},
		{"new urban roads", "km", 10, 900},
		{"subway mileage", "km", 10, 300},
		{"gas pipeline network", "km", 50, 9000},
		{"heating pipeline network", "km", 50, 9000},
		{"floor space of new housing", "m2", 1e5, 2e7},
		{"floor space of renovated buildings", "m2", 1e5, 1e7},
		{"green space", "m2", 1e5, 3e7},
		{"afforested area", "hectares", 1000, 500000},
		{"high-standard farmland", "hectares", 10000, 3000000},
		{"black soil protection area", "hectares", 10000, 3000000},
		{"wetland area", "hectares", 10000, 2000000},
		{"power generation", "kWh", 1e8, 1e11},
		{"electricity consumption", "kWh", 1e8, 1e11},
		{"green power generation", "kWh", 1e8, 5e10},
		{"installed wind power capacity", "MW", 100, 20000},
		{"installed solar power capacity", "MW", 50, 10000},
		{"natural gas output", "m3", 1e8, 5e10},
		{"cargo throughput", "tonnes", 1e5, 5e8},
		{"freight volume", "tonnes", 1e5, 5e8},
		{"airport cargo and mail throughput", "tonnes", 1e4, 5e5},
		{"port throughput", "tonnes", 1e5, 3e7},
	}
)

// defaultMetrics builds the metric catalogue once, in a fixed order.
var defaultMetrics = sync.OnceValue(func() []metric {
	var ms []metric
	for _, m := range countModifiers {
		for _, n := range countNouns {
			ms = append(ms, metric{phrase: m + " " + n.noun, kind: countMetric, unit: "count", lo: n.lo, hi: n.hi, verb: n.verb})
		}
	}
	for _, c := range countPhrases {
		ms = append(ms, metric{phrase: c.phrase, kind: countMetric, unit: "count", lo: c.lo, hi: c.hi, verb: c.verb})
	}
	for _, s := range sectors {
		for _, p := range sectorPatterns {
			ms = append(ms, metric{phrase: strings.Replace(p.pattern, "%s", s, 1), kind: amountMetric, unit: "CNY", lo: p.lo, hi: p.hi})
		}
	}
	for _, m := range moneyPhrases {
		ms = append(ms, metric{phrase: m.phrase, kind: amountMetric, unit: "CNY", lo: m.lo, hi: m.hi})
	}
	for _, p := range products {
		ms = append(ms, metric{phrase: p.name + " output", kind: amountMetric, unit: "tonnes", lo: p.lo, hi: p.hi})
		if p.crop {
			ms = append(ms, metric{phrase: p.name + " planting area", kind: amountMetric, unit: "hectares", lo: p.lo / 8, hi: p.hi / 5})
		}
	}
	for _, p := range physicalPhrases {
		ms = append(ms, metric{phrase: p.phrase, kind: amountMetric, unit: p.unit, lo: p.lo, hi: p.hi})
	}
	// Drop repeats ("tourism" + " revenue" is also a phrase of its own).
	seen := make(map[string]bool)
	ms = slices.DeleteFunc(ms, func(m metric) bool {
		dup := seen[m.phrase]
		seen[m.phrase] = true
		return dup
	})
	for i := range ms {
		ms[i].name = snake(ms[i].phrase)
	}
	return ms
})

// Metrics returns the noun phrases of the built-in metrics in a fixed
// order ("high-tech enterprises", "GDP", "grain output", ...).
func Metrics() []string {
	var s []string
	for _, m := range defaultMetrics() {
		s = append(s, m.phrase)
	}
	return slices.Clip(s)
}

// snake turns a noun phrase into a metric name: "5G base stations" ->
// "5g_base_stations", "R&D spending" -> "r_d_spending".
func snake(s string) string {
	b := make([]byte, 0, len(s))
	gap := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
			fallthrough
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
			if gap && len(b) > 0 {
				b = append(b, '_')
			}
			gap = false
			b = append(b, c)
		default:
			gap = true
		}
	}
	return string(b)
}
