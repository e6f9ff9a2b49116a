package nlp

import (
	"fmt"
	"time"
)

// TrainConfig sets how Train makes a model.
type TrainConfig struct {
	Tagger TaggerConfig
	Parser ParserConfig
	// Folds is the number of parts the training data is cut into to give
	// the parser tags from taggers that did not see the sentence
	// (jackknifing), so that it learns from tags as wrong as those it
	// will be given (default 5; 1 trains the parser on gold tags).
	Folds int
	// Treebank names the training data in the model's Info.
	Treebank string
	// Progress, if set, reports each step.
	Progress func(format string, args ...any)
}

// Train makes a model from sentences with gold tags, lemmas and trees.
// The same sentences and settings always give the same model.
func Train(sents []Sentence, cfg TrainConfig) *Model {
	start := time.Now()
	if cfg.Folds == 0 {
		cfg.Folds = 5
	}
	progress := cfg.Progress
	if progress == nil {
		progress = func(string, ...any) {}
	}
	cfg.Tagger.Progress = progress
	cfg.Parser.Progress = progress
	m := &Model{}
	progress("training the tagger on %d sentences", len(sents))
	m.tagger = TrainTagger(sents, cfg.Tagger)
	m.lemmas = TrainLemmatizer(sents)
	var tags [][]Tag
	if cfg.Folds > 1 {
		tags = make([][]Tag, len(sents))
		fold := cfg.Tagger
		fold.Progress = nil
		for k := 0; k < cfg.Folds; k++ {
			var in []Sentence
			for i, s := range sents {
				if i%cfg.Folds != k {
					in = append(in, s)
				}
			}
			tg := TrainTagger(in, fold)
			var st tagState
			var forms []string
			for i, s := range sents {
				if i%cfg.Folds != k {
					continue
				}
				forms = forms[:0]
				for _, w := range s.Words {
					forms = append(forms, w.Form)
				}
				tags[i] = make([]Tag, len(forms))
				tg.tag(&st, forms, tags[i])
			}
			progress("jackknifed tags: fold %d of %d", k+1, cfg.Folds)
		}
	}
	m.parser = TrainParser(sents, tags, cfg.Parser)
	m.parser.trainers = [2]*trainer{}
	m.Info = ModelInfo{
		Treebank: cfg.Treebank,
		Trained:  time.Now().UTC().Truncate(time.Second),
		Duration: time.Since(start).Round(time.Second),
		Note: fmt.Sprintf("tagger epochs %d, parser epochs %d, folds %d, seed %d, min hits %d",
			cfg.Tagger.Epochs, cfg.Parser.Epochs, cfg.Folds, cfg.Parser.Seed, cfg.Parser.MinHits),
	}
	return m
}
