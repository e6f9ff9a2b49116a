// Package nlp is Almanac's own English NLP core: a tokeniser that keeps
// byte offsets, a part-of-speech tagger with lemmas, and a greedy
// transition-based dependency parser producing Universal Dependencies
// trees.
//
// The tagger and the parser are averaged perceptrons (linear models over
// hashed feature templates) trained on the UD English-EWT treebank; the
// trained model is embedded in the binary (model/en_ewt.bin, CC BY-SA 4.0
// like the treebank it was learnt from) and loaded once, on first use.
// cmd/almanac-nlp trains, runs and scores it.
//
// The pipeline stages hand typed values to each other and share nothing
// else: Tokenize and SplitSentences give Tokens (offsets into the caller's
// text), Model.Tag fills tags and lemmas, Model.Parse fills heads and
// relations. Each stage can run alone; CoNLL-U reading and writing lets a
// stage be fed gold input and scored.
//
// The package uses the standard library only.
package nlp
