package nlp

import (
	"strings"
	"time"
)

// Scores are a model's accuracy on gold sentences, with their tokens
// given (gold tokenisation).
type Scores struct {
	Sentences int `json:"sentences"`
	Tokens    int `json:"tokens"`
	// UPOS and Lemma are the share of tokens whose tag (lemma) is right.
	UPOS  float64 `json:"upos"`
	Lemma float64 `json:"lemma"`
	// UAS is the share of tokens with the right head; LAS with the right
	// head and relation, relations compared without their subtype as the
	// CoNLL 2018 shared task does ("obl:tmod" is "obl"); LASFull compares
	// whole relations.
	UAS     float64 `json:"uas"`
	LAS     float64 `json:"las"`
	LASFull float64 `json:"las_full"`
	// UASNoPunct is UAS over the tokens that are not punctuation.
	UASNoPunct float64 `json:"uas_no_punct"`
	// TokensPerSec is how many tokens tagging and parsing took a second,
	// on one goroutine.
	TokensPerSec float64 `json:"tokens_per_s"`
}

// Evaluate tags and parses the words of gold and scores the result.
func (m *Model) Evaluate(gold []Sentence) Scores {
	a := m.NewAnalyzer()
	sc := Scores{Sentences: len(gold)}
	toks := make([][]Token, len(gold))
	for i, s := range gold {
		toks[i] = make([]Token, len(s.Words))
		for j, w := range s.Words {
			toks[i][j] = Token{Form: w.Form, Head: -1}
		}
	}
	start := time.Now()
	for i := range toks {
		a.Analyze(toks[i])
	}
	elapsed := time.Since(start)
	var upos, lemma, uas, las, lasFull, np, npTotal int
	for i, s := range gold {
		for j, w := range s.Words {
			t := toks[i][j]
			sc.Tokens++
			if t.Tag.String() == w.UPOS {
				upos++
			}
			if t.Lemma == w.Lemma || strings.EqualFold(t.Lemma, w.Lemma) {
				lemma++
			}
			head := t.Head + 1
			if w.UPOS != "PUNCT" {
				npTotal++
				if head == w.Head {
					np++
				}
			}
			if head != w.Head {
				continue
			}
			uas++
			if universal(t.Rel) == universal(w.Deprel) {
				las++
			}
			if t.Rel == w.Deprel {
				lasFull++
			}
		}
	}
	n := float64(max(sc.Tokens, 1))
	sc.UPOS, sc.Lemma = float64(upos)/n, float64(lemma)/n
	sc.UAS, sc.LAS, sc.LASFull = float64(uas)/n, float64(las)/n, float64(lasFull)/n
	sc.UASNoPunct = float64(np) / float64(max(npTotal, 1))
	if elapsed > 0 {
		sc.TokensPerSec = float64(sc.Tokens) / elapsed.Seconds()
	}
	return sc
}

// universal returns a relation without its subtype.
func universal(rel string) string {
	if i := strings.IndexByte(rel, ':'); i >= 0 {
		return rel[:i]
	}
	return rel
}
