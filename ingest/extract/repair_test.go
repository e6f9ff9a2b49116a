package extract

import (
	"fmt"
	"strings"
	"testing"

	"github.com/almanacdb/almanac/ingest/nlp"
)

// parsed tokenises, tags, parses and mends one sentence of our own.
func parsed(t *testing.T, text string) []nlp.Token {
	t.Helper()
	m, err := nlp.Default()
	if err != nil {
		t.Fatal(err)
	}
	toks := nlp.Tokenize(nil, text, 0, len(text))
	m.NewAnalyzer().Analyze(toks)
	mend(toks)
	return toks
}

// tree prints tokens as "form/head-form/rel" for failure messages.
func tree(toks []nlp.Token) string {
	var b strings.Builder
	for _, t := range toks {
		h := "ROOT"
		if t.Head >= 0 {
			h = toks[t.Head].Form
		}
		fmt.Fprintf(&b, "%s/%s/%s ", t.Form, h, t.Rel)
	}
	return b.String()
}

// headOf returns the form of the head of the token with form w, and its
// relation.
func headOf(toks []nlp.Token, w string) (string, string) {
	for _, t := range toks {
		if t.Form == w {
			if t.Head < 0 {
				return "ROOT", t.Rel
			}
			return toks[t.Head].Form, t.Rel
		}
	}
	return "", ""
}

// repairCase is a sentence of our own the parser gets wrong in the way
// repair mends: after the repairs, word hangs on head as rel.
type repairCase struct {
	repair, text, word, head, rel string
}

var repairCases = []repairCase{
	// A root noun with a subjectless finite verb after it: the noun
	// is the verb's subject.
	{"verbless-root", "The tourism economy in the province reached a market size of 200 billion yuan in 2024.", "economy", "reached", "nsubj"},
	// A participle before its noun is no main verb.
	{"participle-modifier", "Sea themed parks in Jilin climbed to 40 last year.", "parks", "climbed", "nsubj"},
	{"participle-modifier", "Sun and sea themed parks in Jilin climbed to 40 last year.", "parks", "climbed", "nsubj"},
	{"participle-modifier", "In May, the profit of mills above designated size in the county grew 9 percent.", "profit", "grew", "nsubj"},
	{"participle-modifier", "In May, the profit of mills above designated size in the county grew 9 percent.", "designated", "size", "amod"},
	{"participle-modifier", "In May, the profit of mills above designated size in the county grew 9 percent.", "county", "size", "nmod"},
	// A verb the parser made an adjective of its subject.
	{"verbless-root", "In the same period, cross-border e-commerce sales to Russia came to about 1.1 billion yuan.", "sales", "came", "nsubj"},
	// A root noun with a copular predicate after it.
	{"verbless-root", "Hotel bookings in the city were up an impressive 12.5 percent in 2020.", "bookings", "percent", "nsubj"},
	// A bare noun phrase before a verb is its subject.
	{"bare-subject", "From January to June, farm investment in Jixi, a city in the north, kept growing at a fast pace.", "investment", "kept", "nsubj"},
	// A participle opening a sentence modifies the clause after it.
	{"fronted-participle", "Soaring by 51.5 percent year-on-year, the visits to Jixi reached 8.1 million.", "Soaring", "reached", "advcl"},
	// A preposition right before "and" shares the next conjunct's object.
	{"stranded-preposition", "In 2020, Jixi's imports from and exports to Mongolia were worth 6 billion yuan, up 5 percent.", "exports", "imports", "conj"},
	{"stranded-preposition", "In 2020, Jixi's imports from and exports to Mongolia were worth 6 billion yuan, up 5 percent.", "imports", "worth", "nsubj"},
	{"stranded-preposition", "In 2020, Jixi's imports from Mongolia and exports to Russia were worth 6 billion yuan.", "Mongolia", "imports", "nmod"},
	// An apposition between commas holds no main verb and no subject.
	{"appositive-aside", "As of Monday, the river port of Jixi, a Heilongjiang trading town in Northeast China facing Russia, saw its freight climb to 3 million tonnes.", "port", "saw", "nsubj"},
	{"appositive-aside", "As of Monday, the river port of Jixi, a Heilongjiang trading town in Northeast China facing Russia, saw its freight climb to 3 million tonnes.", "town", "port", "appos"},
	{"appositive-aside", "By Monday, the inland port of Jixi, a Heilongjiang market town in Northeast China facing Mongolia, had handled 3 million tonnes of goods.", "port", "handled", "nsubj"},
	{"appositive-aside", "Jixi, a city of farms, grew 5 percent in 2020.", "Jixi", "grew", "nsubj"},
	// "with", a noun phrase, a comma and a participle make an absolute clause.
	{"absolute-with", "Exports kept falling in 2021, with Jixi, a small city on the border with Russia and a hub for coal, planning to cut coal output by 2 million tonnes.", "Jixi", "planning", "nsubj"},
	{"absolute-with", "Coal sales are likely to fall in 2022, with Jixi, one of the largest coal cities in the province, planning to cut coal output by 2 million tonnes.", "one", "Jixi", "appos"},
	{"absolute-with", "In 2021, Jixi signed deals with Mishan, a small city on the border with Russia and a hub for coal, planning to cut coal output by 2 million tonnes.", "Mishan", "deals", "nmod"},
	// A quoted name before a noun modifies it.
	{"quoted-modifier", "In 2020, a total of 565 \"Young Hawk Plan\" projects were completed in Jixi.", "Plan", "projects", "compound"},
	{"quoted-modifier", "In 2020, a total of 565 \"Young Hawk Plan\" projects were completed in Jixi.", "565", "projects", "nummod"},
	// A number before the quotation counts the noun after it, even one the parser made a second subject.
	{"quoted-modifier", "In 2020, a total of 565 \"Young Hawk Project\" projects were implemented, and about 300 firms moved to the city.", "projects", "total", "nmod"},
	{"quoted-modifier", "In 2020, a total of 565 \"Young Hawk Project\" projects were implemented, and about 300 firms moved to the city.", "Project", "projects", "compound"},
	// A number counts the plural noun its coordination ends in.
	{"plural-count", "Jixi has 700 new cloud and data service companies.", "companies", "has", "obj"},
	{"plural-count", "Jixi has 700 new cloud and data service companies.", "700", "companies", "nummod"},
	{"participle-modifier", "Added value rose 60 percent in new materials.", "Added", "value", "amod"},
	// A coordination ends at its "and"; a noun after it, before a verb
	// with no subject, is that verb's subject.
	{"conjunct-subject", "Jixi is now home to 1,200 high-tech firms and 30 labs above the provincial level, officials said at a forum on Friday.", "officials", "said", "nsubj"},
	// Before the coordination's "and", a noun is still a conjunct.
	{"conjunct-subject", "Jixi is now home to 1,200 high-tech firms, 30 labs and 9 museums.", "labs", "firms", "conj"},
	{"conjunct-subject", "Jixi handled 3,000 flights in May, while bus ridership rose to 2 million and freight and parcel volume came to 900 tonnes.", "volume", "came", "nsubj"},
	// A phrase with a preposition is no root.
	{"oblique-root", "From January to October, rural retail sales in Jixi, the biggest town of the county, kept growing at a fast pace, up 9.1 percent year-on-year.", "kept", "ROOT", "root"},
	{"oblique-root", "From January to October, rural retail sales in Jixi, the biggest town of the county, kept growing at a fast pace, up 9.1 percent year-on-year.", "sales", "kept", "nsubj"},
	{"oblique-root", "From January to October, rural retail sales in Jixi, the biggest town of the county, kept growing at a fast pace, up 9.1 percent year-on-year.", "January", "kept", "obl"},
	// A clause has one finite verb: the -s word before it is a noun.
	{"plural-subject", "From January to September, exports in Jixi rose 5 percent year-on-year.", "exports", "rose", "nsubj"},
	{"plural-subject", "From January to September, Jixi exports cars to Russia.", "exports", "ROOT", "root"},
	// A participle after a comma modifies the clause before it.
	{"trailing-participle", "Attendance this year beat the previous show by 27.3 percent, rising from 1.9 million visits, the organiser said.", "rising", "beat", "advcl"},
	{"trailing-participle", "Attendance this year beat the previous show by 27.3 percent, rising from 1.9 million visits, the organiser said.", "Attendance", "beat", "nsubj"},
	{"nearest-clause", "In 2020, a total of 300 trains went through Jixi, carrying 9,000 tonnes of goods, 200 trains through Hegang, hauling 5,000 tonnes of goods, and eight trains through Mishan, moving 80 tonnes of coal.", "hauling", "trains", "advcl"},
	{"nearest-clause", "In 2020, a total of 300 trains went through Jixi, carrying 9,000 tonnes of goods, 200 trains through Hegang, hauling 5,000 tonnes of goods, and eight trains through Mishan, moving 80 tonnes of coal.", "carrying", "went", "conj"},
	{"marked-subject", "In 2020, exports grew 18 percent to 9 billion yuan, while imports, mostly timber and coal shipped in from Russia, rose to 21 billion yuan.", "imports", "rose", "nsubj"},
	{"marked-subject", "In 2020, exports grew 18 percent to 9 billion yuan, while imports, mostly timber and coal shipped in from Russia, rose to 21 billion yuan.", "while", "rose", "mark"},
	{"adverb-apposition", "In 2020, exports grew 18 percent to 9 billion yuan, while imports, mostly timber and coal shipped in from Russia, rose to 21 billion yuan.", "timber", "imports", "appos"},
	{"value-added", "The value added of major farms in Jixi, a city in the north of Heilongjiang Province, grew 9.6 percent in 2020, the bureau said.", "value", "grew", "nsubj"},
	{"value-added", "The value added of major farms in Jixi, a city in the north of Heilongjiang Province, grew 9.6 percent in 2020, the bureau said.", "city", "Jixi", "appos"},
	{"relative-pronoun", "In 2020, 300 trains went through Jixi, which opened a new station in the first quarter.", "opened", "Jixi", "acl:relcl"},
	// A pair after a comma, before a verb with no subject, is its subject.
	{"comma-group-subject", "Of these, food and drink output rose 7.1 percent year-on-year, rail and road transport rose 5.2 percent, and paper and other wood product making rose 3.3 percent.", "paper", "rose", "nsubj"},
	{"comma-group-subject", "Of these, food and drink output rose 7.1 percent year-on-year, rail and road transport rose 5.2 percent, and paper and other wood product making rose 3.3 percent.", "making", "paper", "conj"},
	// "that" after a verb, before a noun and its finite verb, opens a clause.
	{"that-clause", "The study shows that visits to Jixi booked through travel sites reached 2.5 million and brought in 1.2 billion yuan.", "visits", "reached", "nsubj"},
	{"that-clause", "The study shows that visits to Jixi booked through travel sites reached 2.5 million and brought in 1.2 billion yuan.", "that", "reached", "mark"},
	{"that-clause", "The study shows that visits to Jixi booked through travel sites reached 2.5 million and brought in 1.2 billion yuan.", "booked", "visits", "acl"},
	// A past tense that is no participle heads a clause.
	{"past-tense-clause", "Data show that visits at the old town square rose by 8.5 percent year-on-year, and visits grew by 6.2 percent year-on-year at Jixi Zoo.", "rose", "show", "ccomp"},
	{"past-tense-clause", "Data show that visits at the old town square rose by 8.5 percent year-on-year, and visits grew by 6.2 percent year-on-year at Jixi Zoo.", "grew", "rose", "conj"},
	// A root in -ing with no auxiliary, after its modifiers, is a noun.
	{"verbless-root", "Tourism spending during the festival reached 3.1 billion yuan, up 9 percent.", "spending", "reached", "nsubj"},
	{"verbless-root", "Tourism spending during the festival reached 3.1 billion yuan, up 9 percent.", "Tourism", "spending", "compound"},
	// A sentence has a verb.
	{"verbless-sentence", "Car rentals in the city rose almost 25 percent.", "rose", "ROOT", "root"},
	{"verbless-sentence", "Car rentals in the city rose almost 25 percent.", "rentals", "rose", "nsubj"},
	{"verbless-sentence", "Car rentals in the city rose almost 25 percent.", "city", "rentals", "nmod"},
	// A verb has one subject: a split name's first word is the name's.
	{"split-name", "Tonghe County's coal output fell 3 percent year on year to 410 tonnes in 2019.", "Tonghe", "County", "compound"},
	{"split-name", "Tonghe County's coal output fell 3 percent year on year to 410 tonnes in 2019.", "output", "fell", "nsubj"},
	// A sentence has a finite verb: not the participle after the comma.
	{"finite-after-subject", "Over 50 China-Europe bus routes run through the two towns, connecting more than 10 regions with 60 Chinese towns.", "run", "ROOT", "root"},
	{"finite-after-subject", "Over 50 China-Europe bus routes run through the two towns, connecting more than 10 regions with 60 Chinese towns.", "routes", "run", "nsubj"},
	{"finite-after-subject", "Over 50 China-Europe bus routes run through the two towns, connecting more than 10 regions with 60 Chinese towns.", "connecting", "run", "advcl"},
	// An article, a percentage and words up to a noun of change are one phrase.
	{"article-to-change-noun", "MINES in northern Jixi county logged a 14.2 per cent second quarter year on year rise in coal volume to 3.2 million tonnes, officials said.", "rise", "logged", "obj"},
	{"article-to-change-noun", "MINES in northern Jixi county logged a 14.2 per cent second quarter year on year rise in coal volume to 3.2 million tonnes, officials said.", "cent", "rise", "compound"},
	// A number counts the noun after a hyphenated modifier.
	{"hyphen-compound-count", "Jixi had 502 tier-one suppliers and 40 world-class parks in 2020.", "502", "suppliers", "nummod"},
	{"hyphen-compound-count", "Jixi had 502 tier-one suppliers and 40 world-class parks in 2020.", "suppliers", "had", "obj"},
	// A noun takes no object: a capitalised one before a name is the name's.
	{"name-first-word", "Northeast China's ports of Jixi and Hegang on the border have handled over 2,000 freight trains so far this year, the railway said.", "Northeast", "China", "compound"},
	{"name-first-word", "Northeast China's ports of Jixi and Hegang on the border have handled over 2,000 freight trains so far this year, the railway said.", "ports", "handled", "nsubj"},
	// A noun, a hyphen and a participle modify the noun after them.
	{"hyphen-participle", "Jixi had 60 star-rated inns in 2020.", "inns", "had", "obj"},
	{"hyphen-participle", "Jixi had 60 star-rated inns in 2020.", "rated", "inns", "amod"},
	{"hyphen-participle", "Jixi had 60 star-rated inns in 2020.", "60", "inns", "nummod"},
	// An -ing word inside a noun run is no verb: the run's last noun heads it.
	{"verbless-root", "Mulan County’s grain processing industry output fell 12.5 percent year on year to 30 million yuan in 2021.", "output", "fell", "nsubj"},
	{"verbless-root", "Mulan County’s grain processing industry output fell 12.5 percent year on year to 30 million yuan in 2021.", "processing", "output", "compound"},
	// A participle between nouns inside an object modifies the noun after it.
	{"participle-in-phrase", "Jixi aims to raise its textile industry added value to 12.5 billion yuan by 2023.", "value", "raise", "obj"},
	{"participle-in-phrase", "Jixi aims to raise its textile industry added value to 12.5 billion yuan by 2023.", "added", "value", "amod"},
	// "added value" after a noun is a noun phrase.
	{"added-value", "In 2019, the glass industry added value of Jixi grew 7.5 percent.", "value", "grew", "nsubj"},
	{"added-value", "In 2019, the glass industry added value of Jixi grew 7.5 percent.", "added", "value", "amod"},
	{"added-value", "In 2019, the glass industry added value of Jixi grew 7.5 percent.", "industry", "value", "compound"},
	{"split-name", "Mulan County's convention and tourism industry revenue reached 2.5 billion yuan in 2019.", "convention", "revenue", "compound"},
	{"split-name", "Mulan County's convention and tourism industry revenue reached 2.5 billion yuan in 2019.", "County", "revenue", "nmod:poss"},
	// A possessive before a finite verb stands for its noun: the subject.
	{"elliptical-possessive", "Jixi's exports climbed 10 per cent to 92 million yuan; Hegang's rose 14 per cent to 75 million yuan; Qitaihe's rose 3 per cent to 20 million yuan.", "Hegang", "rose", "nsubj"},
	{"elliptical-possessive", "Jixi's exports climbed 10 per cent to 92 million yuan; Hegang's rose 14 per cent to 75 million yuan; Qitaihe's rose 3 per cent to 20 million yuan.", "Qitaihe", "rose", "nsubj"},
	// Punctuation heads nothing.
	{"punct-head", "Added value of mills above designated size grew 7 percent in 2021.", "grew", "ROOT", "root"},
	// Two participles before their nouns: the second is found once the
	// first is mended, and the verb right after the noun is the main one.
	{"participle-modifier", "Added value of mills above designated size grew 7 percent in 2021.", "value", "grew", "nsubj"},
	{"participle-modifier", "Added value of mills above designated size grew 7 percent in 2021.", "designated", "size", "amod"},
	{"participle-modifier", "Added value rose 60 percent in new materials.", "rose", "ROOT", "root"},
	// A plural noun of intent before an infinitive is the verb.
	{"verb-of-intent", "Jixi plans to build 40 parks in 2021.", "build", "plans", "xcomp"},
	// A plural possessor.
	{"plural-possessive", "Farmers' average income rose to 20,000 yuan.", "Farmers", "income", "nmod:poss"},
	// A relative clause between commas holds no main verb.
	{"relative-aside", "Hulan District, where the area lies, had 96 farms in 2023.", "District", "had", "nsubj"},
	// A number counts the noun after its adjectives.
	{"number-on-adjective", "The town welcomed 12 million domestic and foreign visitors.", "12", "million", "compound"},
}

func TestRepairs(t *testing.T) {
	for _, c := range repairCases {
		t.Run(c.repair, func(t *testing.T) {
			toks := parsed(t, c.text)
			if h, r := headOf(toks, c.word); h != c.head || r != c.rel {
				t.Errorf("%q: %s hangs on %s as %s, want %s as %s\n%s", c.text, c.word, h, r, c.head, c.rel, tree(toks))
			}
		})
	}
}

// TestNounConjunct: a word joined to a noun with nothing a verb has is a
// noun; a verb with its own object stays a verb.
var nounConjunctCases = []struct {
	text, word string
	tag        nlp.Tag
}{
	{"In 2020, Jixi's exports and imports together rose 6.5 percent.", "imports", nlp.NOUN},
	{"The firm makes tractors and exports them to Russia.", "exports", nlp.VERB},
	{"Farm output came to 8.4 billion yuan, rising 6.7 percent.", "rising", nlp.VERB},
}

func TestNounConjunct(t *testing.T) {
	for _, c := range nounConjunctCases {
		toks := parsed(t, c.text)
		for _, tk := range toks {
			if tk.Form == c.word && tk.Tag != c.tag {
				t.Errorf("%q: %s is %v, want %v\n%s", c.text, c.word, tk.Tag, c.tag, tree(toks))
			}
		}
	}
}

// givenTreeCase is a sentence with a tree written by hand in a shape the
// parser is seen to produce; after the repairs word hangs on head as rel.
type givenTreeCase struct {
	repair, text string
	tree         string // per token: tag:head:rel (head 0 is the root, 1-based)
	word, head   string
	rel          string
}

var givenTreeCases = []givenTreeCase{
	// The second "trains" of a gapped clause tagged a verb, its number
	// its subject.
	{"gapped-count", "300 trains went to Jixi , and 200 trains to Hegang .",
		"NUM:2:nummod NOUN:3:nsubj VERB:0:root ADP:5:case PROPN:3:obl PUNCT:9:punct CCONJ:9:cc NUM:9:nsubj VERB:3:conj ADP:11:case PROPN:9:obl PUNCT:3:punct",
		"200", "trains", "nummod"},
	{"gapped-count", "300 trains went to Jixi , and 200 came to Hegang .",
		"NUM:2:nummod NOUN:3:nsubj VERB:0:root ADP:5:case PROPN:3:obl PUNCT:9:punct CCONJ:9:cc NUM:9:nsubj VERB:3:conj ADP:11:case PROPN:9:obl PUNCT:3:punct",
		"200", "came", "nsubj"},
	// "climbed" hung on "size" inside the subject's phrase; the root
	// is the subject's noun.
	{"verbless-root", "Added value of mills above designated size in the county climbed 3 percent .",
		"VERB:2:amod NOUN:0:root ADP:4:case NOUN:2:nmod ADV:6:advmod VERB:7:amod NOUN:4:nmod ADP:10:case DET:10:det NOUN:7:nmod VERB:7:acl NUM:13:nummod NOUN:11:obj PUNCT:2:punct",
		"value", "climbed", "nsubj"},
	// A noun the parser made an auxiliary of the verb after it.
	{"bare-subject", "Dairy output value rose by 4 percent .",
		"NOUN:3:compound NOUN:3:compound NOUN:4:aux:pass VERB:0:root ADP:7:case NUM:7:nummod NOUN:4:obl PUNCT:4:punct",
		"value", "rose", "nsubj"},
	// A source after "according to" made the subject, and the real one,
	// a noun in -ing, an auxiliary.
	{"according-to", "According to the Jixi farm bureau , milling above designated size grew 7 percent .",
		"VERB:6:case ADP:1:fixed DET:6:det PROPN:6:compound NOUN:6:compound NOUN:12:nsubj PUNCT:8:punct VERB:12:aux ADV:10:advmod VERB:8:xcomp NOUN:10:obj VERB:0:root NUM:14:nummod NOUN:12:obj PUNCT:12:punct",
		"milling", "grew", "nsubj"},
	{"according-to", "According to the Jixi farm bureau , milling above designated size grew 7 percent .",
		"VERB:6:case ADP:1:fixed DET:6:det PROPN:6:compound NOUN:6:compound NOUN:12:nsubj PUNCT:8:punct VERB:12:aux ADV:10:advmod VERB:8:xcomp NOUN:10:obj VERB:0:root NUM:14:nummod NOUN:12:obj PUNCT:12:punct",
		"bureau", "grew", "obl"},
	// The noun after a participle's "by", made a second subject.
	{"agent-phrase", "Value added by the paper and pulp industry rose 9 percent .",
		"NOUN:9:nsubj VERB:1:acl ADP:9:case DET:9:det NOUN:9:obl CCONJ:8:cc NOUN:8:compound NOUN:9:nsubj VERB:0:root NUM:11:nummod NOUN:9:obj PUNCT:9:punct",
		"industry", "added", "obl:agent"},
	{"agent-phrase", "Value added by the paper and pulp industry rose 9 percent .",
		"NOUN:9:nsubj VERB:1:acl ADP:9:case DET:9:det NOUN:9:obl CCONJ:8:cc NOUN:8:compound NOUN:9:nsubj VERB:0:root NUM:11:nummod NOUN:9:obj PUNCT:9:punct",
		"Value", "rose", "nsubj"},
	// A finite verb hung on nothing as a number modifier.
	{"verb-not-modifier", "Trade grew fast : farm trade with Russia rose 13 percent .",
		"NOUN:2:nsubj VERB:0:root ADV:2:advmod PUNCT:6:punct NOUN:6:compound NOUN:2:parataxis ADP:9:case PROPN:6:nmod VERB:2:nummod NUM:11:nummod NOUN:9:obj PUNCT:2:punct",
		"trade", "rose", "nsubj"},
	{"verb-not-modifier", "Trade grew fast : farm trade with Russia rose 13 percent .",
		"NOUN:2:nsubj VERB:0:root ADV:2:advmod PUNCT:6:punct NOUN:6:compound NOUN:2:parataxis ADP:9:case PROPN:6:nmod VERB:2:nummod NUM:11:nummod NOUN:9:obj PUNCT:2:punct",
		"rose", "grew", "parataxis"},
	// Only be, have, do and modals are auxiliaries.
	{"false-auxiliary", "Added value rose 6 percent .",
		"VERB:3:aux NOUN:3:nsubj VERB:0:root NUM:5:nummod NOUN:3:obj PUNCT:3:punct",
		"Added", "value", "amod"},
}

// TestRepairGivenTree applies the repairs to trees written by hand in the
// shapes the parser is seen to produce, for errors it makes too rarely on
// any one sentence of ours to test through it.
func TestRepairGivenTree(t *testing.T) {
	for _, c := range givenTreeCases {
		toks := nlp.Tokenize(nil, c.text, 0, len(c.text))
		spec := strings.Fields(c.tree)
		if len(spec) != len(toks) {
			t.Fatalf("%q: %d tokens, %d in the tree", c.text, len(toks), len(spec))
		}
		for i, sp := range spec {
			parts := strings.Split(sp, ":")
			tag, ok := nlp.ParseTag(parts[0])
			if !ok {
				t.Fatalf("bad tag %q", parts[0])
			}
			var h int
			fmt.Sscan(parts[1], &h)
			toks[i].Tag, toks[i].Head, toks[i].Rel = tag, h-1, strings.Join(parts[2:], ":")
		}
		mend(toks)
		if h, r := headOf(toks, c.word); h != c.head || r != c.rel {
			t.Errorf("%s: %q: %s hangs on %s as %s, want %s as %s\n%s", c.repair, c.text, c.word, h, r, c.head, c.rel, tree(toks))
		}
	}
}

// TestMendKeepsTree: after the repairs every sentence of the rule cases
// is still one tree (a repair that would break it is undone), and a
// hand-made cycle is no tree.
func TestMendKeepsTree(t *testing.T) {
	m, err := nlp.Default()
	if err != nil {
		t.Fatal(err)
	}
	a := m.NewAnalyzer()
	for _, c := range ruleCases {
		for _, sp := range nlp.SplitSentences(nil, nlp.Tokenize(nil, c.body, 0, len(c.body))) {
			toks := nlp.Tokenize(nil, c.body, 0, len(c.body))[sp.Start:sp.End]
			a.Analyze(toks)
			mend(toks)
			if !isTree(toks) {
				t.Errorf("%q: no tree after the repairs: %s", c.body, tree(toks))
			}
		}
	}
	cycle := []nlp.Token{{Form: "a", Head: 1}, {Form: "b", Head: 0}, {Form: "c", Head: -1}}
	if isTree(cycle) {
		t.Error("a cycle passes as a tree")
	}
}

// TestSubjectOfFiniteVerb: only a base form or an -ing verb takes the
// object before it as its subject ("saw its trade reach"); a finite verb
// the parser hung as a complement does not ("called the nation's grain
// barn, harvested").
func TestSubjectOfFiniteVerb(t *testing.T) {
	for _, c := range []struct {
		text, tree, verb, want string
	}{
		{"Jilin , called the grain barn , harvested 7 tonnes .",
			"PROPN:3:nsubj PUNCT:3:punct VERB:0:root DET:6:det NOUN:6:compound NOUN:3:obj PUNCT:3:punct VERB:3:xcomp NUM:10:nummod NOUN:8:obj PUNCT:3:punct",
			"harvested", "Jilin"},
		{"Jilin saw its trade reach 7 billion .",
			"PROPN:2:nsubj VERB:0:root PRON:4:nmod:poss NOUN:2:obj VERB:2:xcomp NUM:7:nummod NUM:5:obj PUNCT:2:punct",
			"reach", "trade"},
	} {
		toks := nlp.Tokenize(nil, c.text, 0, len(c.text))
		for i, sp := range strings.Fields(c.tree) {
			parts := strings.Split(sp, ":")
			tag, _ := nlp.ParseTag(parts[0])
			var h int
			fmt.Sscan(parts[1], &h)
			toks[i].Tag, toks[i].Head, toks[i].Rel = tag, h-1, strings.Join(parts[2:], ":")
			toks[i].Lemma = strings.ToLower(toks[i].Form)
		}
		for i := range toks {
			if toks[i].Form == "harvested" {
				toks[i].Lemma = "harvest"
			}
		}
		s := newSent(nil, toks, 0, true)
		s.index()
		v := -1
		for i, tk := range toks {
			if tk.Form == c.verb {
				v = i
			}
		}
		if got := s.subject(v); got < 0 || toks[got].Form != c.want {
			t.Errorf("%q: subject of %s is %d, want %s", c.text, c.verb, got, c.want)
		}
	}
}
