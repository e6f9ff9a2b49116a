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

func TestRepairs(t *testing.T) {
	for _, c := range []struct {
		repair, text, word, head, rel string
	}{
		// A root noun with a subjectless finite verb after it: the noun
		// is the verb's subject.
		{"verbless-root", "The tourism economy in the province reached a market size of 200 billion yuan in 2024.", "economy", "reached", "nsubj"},
		// A plural possessor.
		{"plural-possessive", "Farmers' average income rose to 20,000 yuan.", "Farmers", "income", "nmod:poss"},
		// A relative clause between commas holds no main verb.
		{"relative-aside", "Hulan District, where the area lies, had 96 farms in 2023.", "District", "had", "nsubj"},
		// A number counts the noun after its adjectives.
		{"number-on-adjective", "The city welcomed 135 million domestic and overseas tourists.", "135", "million", "compound"},
	} {
		t.Run(c.repair, func(t *testing.T) {
			toks := parsed(t, c.text)
			if h, r := headOf(toks, c.word); h != c.head || r != c.rel {
				t.Errorf("%q: %s hangs on %s as %s, want %s as %s\n%s", c.text, c.word, h, r, c.head, c.rel, tree(toks))
			}
		})
	}
}
