package nlp

import "testing"

// TestUnknownWordsOpenClass: a word the treebank never had is tagged with
// an open class (noun, verb, adjective, ...), never as a preposition,
// determiner, pronoun, auxiliary, conjunction or particle, which the
// treebank lists in full.
func TestUnknownWordsOpenClass(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	closed := map[Tag]bool{}
	for _, c := range closedTags {
		closed[c] = true
	}
	a := m.NewAnalyzer()
	for _, c := range []struct{ text, word string }{
		{"Passenger throughput at the port rose.", "throughput"},
		{"The firm said throughput fell.", "throughput"},
		{"The blorvex of the county grew.", "blorvex"},
		{"Jixi will quandify its farms.", "quandify"},
	} {
		if _, known := m.tagger.dict[normalize(c.word)]; known {
			t.Fatalf("%q is in the tagger's dictionary: pick a word it lacks", c.word)
		}
		toks := Tokenize(nil, c.text, 0, len(c.text))
		a.Tag(toks)
		for _, tk := range toks {
			if tk.Form == c.word && closed[tk.Tag] {
				t.Errorf("%q: unknown %q tagged %s, a closed class", c.text, c.word, tk.Tag)
			}
		}
	}
}
