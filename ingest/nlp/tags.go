package nlp

// Tag is a Universal Dependencies part-of-speech tag (UPOS).
type Tag uint8

// The seventeen UPOS tags of Universal Dependencies v2.
const (
	ADJ Tag = iota
	ADP
	ADV
	AUX
	CCONJ
	DET
	INTJ
	NOUN
	NUM
	PART
	PRON
	PROPN
	PUNCT
	SCONJ
	SYM
	VERB
	X
	numTags
)

var tagNames = [numTags]string{"ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON", "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X"}

// String returns the tag's UPOS name ("NOUN").
func (t Tag) String() string {
	if t < numTags {
		return tagNames[t]
	}
	return "X"
}

// ParseTag returns the tag named s, and false for a name that is not a
// UPOS tag.
func ParseTag(s string) (Tag, bool) {
	for i, n := range tagNames {
		if n == s {
			return Tag(i), true
		}
	}
	return X, false
}

// IsNominal reports whether t heads a noun phrase (NOUN, PROPN, PRON, NUM, SYM).
func (t Tag) IsNominal() bool {
	return t == NOUN || t == PROPN || t == PRON || t == NUM || t == SYM
}
