package extract

import "strings"

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

var (
	determiners = set("the", "a", "an", "this", "these", "that", "those", "its", "their", "his", "her",
		"our", "such", "all", "both", "each", "every", "any", "other", "another", "it", "they", "them")
	preps = set("in", "at", "on", "from", "to", "by", "with", "into", "for", "over", "during", "since",
		"than", "as", "through", "across", "within", "per", "under", "between", "among", "about",
		"after", "before", "of", "toward", "towards", "via", "including", "like", "amid", "against",
		"outside", "inside", "around", "beyond", "onto", "upon", "despite", "above", "below", "until")
	subordinators = set("that", "which", "who", "whom", "whose", "while", "whereas", "when", "where",
		"because", "although", "though", "if", "whether", "said", "says", "according", "thereby", "thus")
	// strictVerbs end a noun phrase wherever they stand.
	strictVerbs = set("is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "do", "does",
		"did", "will", "would", "shall", "should", "can", "could", "may", "might", "must", "became",
		"become", "becomes", "rose", "risen", "grew", "grown", "fell", "fallen", "hit", "made", "took",
		"came", "went", "saw", "put", "brought", "drew", "won", "gave", "held", "led", "kept", "ran",
		"began", "sold", "built", "spent", "got", "paid", "stood", "stand", "met", "reach", "reaches", "totaled",
		"totalled", "reached", "houses", "boasts", "counts", "stands", "remains", "remained", "includes",
		"include", "saw", "sees", "hits", "tops", "topped", "exceeded", "exceeds", "surpassed", "amounted",
		"accounted", "accounting", "represents", "representing", "registered", "recorded", "posted",
		"climbed", "jumped", "surged", "soared", "increased", "decreased", "declined", "dropped",
		"expanded", "handled", "attracted", "generated", "generates", "generate", "attract", "receive", "earn", "involving", "involved",
		"totaling", "totalling", "making", "contributed", "contributing", "completing", "completed",
		"passed", "obtained", "received", "introduced", "launched", "signed", "added", "achieved",
		"achieving", "rising", "growing", "increasing", "serves", "runs", "handled", "shipped", "worth",
		"go", "goes", "get", "gets", "make", "makes", "take", "takes", "rise", "rises", "grow", "grows")
	// adjectives ending in -ed that stay inside noun phrases.
	edAdjectives = set("added", "designated", "advanced", "registered", "certified", "contracted", "planned",
		"integrated", "listed", "related", "based", "owned", "funded", "invested", "themed", "sized",
		"detailed", "specialized", "specialised", "dedicated", "combined", "completed", "accumulated",
		"enlarged", "licensed", "qualified", "skilled", "renewed", "upgraded", "automated", "processed",
		"imported", "exported", "manufactured", "limited", "united", "red", "bed", "speed", "seed", "feed",
		"need", "shed", "hundred", "used", "fixed")
	// linkWords stand between a verb and its figure ("came to", "rose by").
	linkWords = set("to", "by", "year-on-year", "year", "on", "at", "a", "an", "the", "cumulative", "remarkable", "staggering",
		"whopping", "record", "mere", "further", "another", "additional", "just", "only", "still",
		"already", "also", "as", "much", "many", "total", "of", "from", "around", "about", "some",
		"nearly", "over", "more", "than", "roughly", "approximately", "almost", "average", "up", "down")
	auxAdverbs = set("has", "have", "had", "been", "be", "was", "were", "is", "are", "will", "would",
		"also", "already", "further", "now", "then", "respectively", "still", "all", "together",
		"both", "not", "even", "again", "so", "far", "yet", "just", "recently", "reportedly", "expected",
		"to", "set", "projected", "planned", "forecast", "likely", "going", "able", "its", "their", "up", "out", "in")
	growthUp = set("up", "rose", "risen", "rise", "rises", "rising", "grew", "grown", "grow", "grows",
		"growing", "growth", "increase", "increased", "increases", "increasing", "jumped", "jump", "surged",
		"surge", "climbed", "climb", "soared", "expanded", "expansion", "gained", "gain", "higher",
		"more", "advanced", "picked", "rebounded", "added", "upturn", "hike", "boost", "boosted", "went",
		"gone", "go", "goes", "outpaced", "leapt", "leaped", "spiked")
	growthDown = set("down", "fell", "fallen", "fall", "falls", "falling", "dropped", "drop", "drops",
		"declined", "decline", "declines", "declining", "decreased", "decrease", "decreases", "slid",
		"slipped", "shrank", "shrunk", "contracted", "contraction", "plunged", "plummeted", "slumped",
		"lower", "less", "dipped", "dip", "reduction", "reduced", "cut")
	growthNouns = set("growth", "increase", "rise", "gain", "jump", "expansion", "decline", "decrease",
		"drop", "fall", "contraction", "reduction", "surge", "hike", "growth-rate", "dip")
	// weakNouns name no metric on their own ("a total scale of").
	weakNouns = set("total", "scale", "value", "amount", "volume", "number", "figure", "sum", "size",
		"level", "average", "total-scale", "count", "tally", "worth", "place", "all", "mark", "year",
		"period", "whole", "record", "high", "part")
	// durationNouns after a number make it a duration, a multiple or a
	// rank, not a fact.
	durationNouns = set("year", "years", "month", "months", "day", "days", "week", "weeks", "hour",
		"hours", "minute", "minutes", "second", "seconds", "decade", "decades", "century", "centuries",
		"times", "time", "fold", "places", "place", "ways", "aspects", "consecutive", "straight",
		"rounds", "o'clock", "am", "pm", "a.m", "p.m", "sessions", "editions", "edition", "session",
		"th", "st", "nd", "rd", "quarters", "quarter", "batch", "batches", "phases", "stages", "steps",
		"points", "point", "percentile", "categories-level")
	planWords = set("will", "would", "shall", "plans", "plan", "planned", "planning", "aims", "aim",
		"aiming", "intends", "intend", "intending", "expected", "expects", "expect", "targets",
		"targeted", "targeting", "forecast", "forecasts", "projected", "scheduled", "strives", "strive",
		"seeks", "seek", "goal", "'ll", "likely", "envisaged", "proposed", "anticipated", "estimated")
	// verbNouns name the metric of a figure whose verb is its only word:
	// "put 3.6 million yuan into" is an investment.
	verbNouns = map[string]string{
		"put": "investment", "puts": "investment", "invested": "investment", "invest": "investment",
		"injected": "investment", "poured": "investment", "pour": "investment", "involving": "investment",
		"involve": "investment", "involved": "investment", "involves": "investment", "attracted": "investment",
		"shipped": "exports", "exported": "exports", "imported": "imports", "sold": "sales", "spent": "spending",
		"earned": "revenue", "raised": "funds_raised", "allocated": "funding", "provide": "funding",
		"provided": "funding", "provides": "funding", "granted": "funding", "handed": "funding",
		"earmarked": "funding", "lent": "loans", "borrowed": "loans", "generated": "output",
		"produced": "output", "harvested": "harvest", "reaped": "harvest", "mined": "output",
		"transported": "transport", "handled": "throughput", "handle": "throughput", "handles": "throughput",
		"pumped": "output", "extracted": "output", "manufactured": "output", "yielded": "output",
		"produce": "output", "produces": "output", "generate": "output", "turned": "output",
		"churned": "output", "processed": "processing", "refined": "processing", "process": "processing",
		"harvest": "harvest", "harvests": "harvest",
	}
	// relation words before a percentage "of" something.
	shareVerbs = map[string]string{
		"accounting": "share", "accounted": "share", "accounts": "share", "account": "share",
		"making": "share", "made": "share", "makes": "share", "representing": "share", "represents": "share",
		"represented": "share", "comprising": "share", "constituting": "share", "took": "share",
		"taking": "share", "contributed": "contribution", "contributing": "contribution",
		"contributes": "contribution", "completed": "completion", "completing": "completion",
		"fulfilled": "completion", "fulfilling": "completion", "achieved": "completion", "achieving": "completion",
		"completes": "completion", "share": "share", "proportion": "share",
	}
	// adverbial openers of a sentence, ended by a comma.
	openers = set("in", "over", "during", "since", "within", "according", "meanwhile", "also", "last",
		"this", "of", "among", "across", "at", "by", "for", "with", "year-on-year", "consequently",
		"additionally", "besides", "moreover", "furthermore", "however", "overall", "together",
		"altogether", "currently", "now", "so", "after", "before", "on", "as", "to", "from", "thanks",
		"following", "compared", "through", "under", "apart", "except", "specifically", "notably", "first",
		"second", "third", "finally", "then", "today", "recently", "earlier", "later", "previously")
)

// outputNoun reports a verb noun that names what is made, moved or
// gathered ("produced": output), as opposed to money put in.
func outputNoun(n string) bool {
	switch n {
	case "output", "throughput", "harvest", "processing", "transport":
		return true
	}
	return false
}

// wordFlag marks the word lists a word is in, so that a token is looked
// up once (tok.fl) rather than once for every list.
type wordFlag uint32

// The word lists, as flags.
const (
	fDeterminers wordFlag = 1 << iota
	fPreps
	fSubordinators
	fStrictVerbs
	fEdAdjectives
	fLinkWords
	fAuxAdverbs
	fGrowthUp
	fGrowthDown
	fGrowthNouns
	fWeakNouns
	fDurationNouns
	fPlanWords
	fOpeners
	fNounIng
	fLocational
	fOriginNouns
)

// lexicon maps each listed word to its flags.
var lexicon = func() map[string]wordFlag {
	m := map[string]wordFlag{}
	for f, set := range []map[string]bool{determiners, preps, subordinators, strictVerbs, edAdjectives, linkWords, auxAdverbs, growthUp, growthDown, growthNouns, weakNouns, durationNouns, planWords, openers, nounIng, locational, originNouns} {
		for w := range set {
			m[w] |= 1 << f
		}
	}
	return m
}()

// lexiconShape has a bit for every (length, first letter, last letter) of
// a lexicon word, so that most words are rejected without hashing.
var lexiconShape = func() (t [32][26]uint32) {
	for w := range lexicon {
		if k, ok := shapeKey(w); ok {
			t[k.n][k.first] |= 1 << k.last
		}
	}
	return t
}()

type shape struct{ n, first, last uint8 }

func shapeKey(w string) (shape, bool) {
	if len(w) == 0 || w[0] < 'a' || w[0] > 'z' || w[len(w)-1] < 'a' || w[len(w)-1] > 'z' {
		return shape{}, false
	}
	return shape{uint8(min(len(w), 31)), w[0] - 'a', w[len(w)-1] - 'a'}, true
}

// flagsOf returns the word lists w is in.
func flagsOf(w string) wordFlag {
	if k, ok := shapeKey(w); ok && lexiconShape[k.n][k.first]&(1<<k.last) == 0 {
		return 0
	}
	return lexicon[w]
}

// isVerbLike reports whether w, standing right before a figure's link
// words, is its verb.
func isVerbLike(w string) bool {
	fl := flagsOf(w)
	if fl&(fStrictVerbs|fGrowthUp|fGrowthDown) != 0 {
		return true
	}
	if len(w) > 4 && strings.HasSuffix(w, "ed") && fl&fEdAdjectives == 0 {
		return true
	}
	if len(w) > 5 && strings.HasSuffix(w, "ing") {
		return true
	}
	return false
}

// isVerbInNP reports whether w ends a noun phrase scanned leftwards.
//
// Words in -ed and -ing are not: after the main verb is found they are
// participles inside the phrase ("investment attracted by the area").
func isVerbInNP(w string) bool {
	if flagsOf(w)&(fStrictVerbs|fEdAdjectives) == fStrictVerbs && !strings.HasSuffix(w, "ed") && !strings.HasSuffix(w, "ing") {
		return true
	}
	return false
}
