// Command almanac-nlp trains, runs and scores Almanac's tagger and parser
// (package ingest/nlp).
//
//	almanac-nlp train [flags]           train on UD English-EWT, write the model
//	almanac-nlp parse [flags] FILE|-    tag and parse text, write CoNLL-U
//	almanac-nlp eval [flags] FILE...    score the model on CoNLL-U files (gold tokens)
//
// Run "almanac-nlp COMMAND -h" for each command's flags.
package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/almanacdb/almanac/ingest/nlp"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

const usage = `usage: almanac-nlp COMMAND [flags]

commands:
  train   train the tagger and parser on UD English-EWT and write the model
  parse   tag and parse a text file (or - for stdin), CoNLL-U on stdout
  eval    score the model on CoNLL-U files, one JSON line each
`

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	var err error
	switch args[0] {
	case "train":
		err = train(args[1:], stdout, stderr)
	case "parse":
		err = parse(args[1:], stdin, stdout, stderr)
	case "eval":
		err = eval(args[1:], stdout, stderr)
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return 0
	default:
		fmt.Fprintf(stderr, "almanac-nlp: unknown command %q\n%s", args[0], usage)
		return 2
	}
	var ue usageError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &ue):
		fmt.Fprintf(stderr, "almanac-nlp %s: %v\n", args[0], err)
		return 2
	case errors.Is(err, flag.ErrHelp):
		return 0
	default:
		fmt.Fprintf(stderr, "almanac-nlp %s: %v\n", args[0], err)
		return 1
	}
}

type usageError struct{ error }

func newFlags(name string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("almanac-nlp "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	return fs
}

func parseFlags(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return usageError{err}
	}
	return nil
}

// loadModel reads the model file, or the embedded model when path is "".
func loadModel(path string) (*nlp.Model, error) {
	if path == "" {
		return nlp.Default()
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	m, err := nlp.ReadModel(bufio.NewReader(f))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return m, nil
}

func readTreebank(path string) ([]nlp.Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return nlp.ReadCoNLLU(path, bufio.NewReader(f))
}

func train(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("train", stderr)
	ud := fs.String("ud", filepath.Join("..", "shared", "ud", "en_ewt"), "folder of en_ewt-ud-{train,dev}.conllu")
	out := fs.String("o", filepath.Join("ingest", "nlp", "model", "en_ewt.bin"), "model file to write")
	tagEpochs := fs.Int("tagger-epochs", 10, "passes of the tagger over the training data")
	parseEpochs := fs.Int("parser-epochs", 15, "passes of the parser over the training data")
	folds := fs.Int("folds", 5, "jackknife folds for the parser's training tags (1: gold tags)")
	seed := fs.Uint64("seed", 1, "seed of shuffling and exploration")
	minHits := fs.Int("min-hits", 4, "drop features updated fewer times")
	quiet := fs.Bool("q", false, "no progress on stderr")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError{fmt.Errorf("unexpected argument %q", fs.Arg(0))}
	}
	trainSet, err := readTreebank(filepath.Join(*ud, "en_ewt-ud-train.conllu"))
	if err != nil {
		return err
	}
	dev, err := readTreebank(filepath.Join(*ud, "en_ewt-ud-dev.conllu"))
	if err != nil {
		return err
	}
	progress := func(format string, a ...any) {
		if !*quiet {
			fmt.Fprintf(stderr, "%s "+format+"\n", append([]any{time.Now().Format("15:04:05")}, a...)...)
		}
	}
	m := nlp.Train(trainSet, nlp.TrainConfig{
		Tagger:   nlp.TaggerConfig{Epochs: *tagEpochs, Seed: *seed},
		Parser:   nlp.ParserConfig{Epochs: *parseEpochs, Seed: *seed, MinHits: *minHits},
		Folds:    *folds,
		Treebank: "UD English-EWT train (" + filepath.Base(*ud) + ")",
		Progress: progress,
	})
	if err := writeModel(*out, m); err != nil {
		return err
	}
	st, err := os.Stat(*out)
	if err != nil {
		return err
	}
	sc := m.Evaluate(dev)
	fmt.Fprintf(stdout, "trained in %v; wrote %s (%.1f MB); dev: UPOS %.4f, UAS %.4f, LAS %.4f\n",
		m.Info.Duration, *out, float64(st.Size())/1e6, sc.UPOS, sc.UAS, sc.LAS)
	return nil
}

// writeModel writes m to path through a temporary file.
func writeModel(path string, m *nlp.Model) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".model-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	w := bufio.NewWriter(tmp)
	if _, err := m.WriteTo(w); err != nil {
		tmp.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := w.Flush(); err != nil {
		tmp.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

func eval(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("eval", stderr)
	model := fs.String("model", "", "model file (default: the embedded model)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return usageError{errors.New("no CoNLL-U file given")}
	}
	m, err := loadModel(*model)
	if err != nil {
		return err
	}
	enc := json.NewEncoder(stdout)
	for _, path := range fs.Args() {
		gold, err := readTreebank(path)
		if err != nil {
			return err
		}
		sc := m.Evaluate(gold)
		line := struct {
			File string `json:"file"`
			nlp.Scores
		}{path, sc}
		if err := enc.Encode(line); err != nil {
			return err
		}
	}
	return nil
}

func parse(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := newFlags("parse", stderr)
	model := fs.String("model", "", "model file (default: the embedded model)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usageError{errors.New("want one FILE (or - for standard input)")}
	}
	var data []byte
	var err error
	if name := fs.Arg(0); name == "-" {
		data, err = io.ReadAll(stdin)
	} else {
		data, err = os.ReadFile(name)
	}
	if err != nil {
		return err
	}
	m, err := loadModel(*model)
	if err != nil {
		return err
	}
	text := string(data)
	a := m.NewAnalyzer()
	var out []nlp.Sentence
	var toks []nlp.Token
	var spans []nlp.Span
	for _, para := range paragraphs(text) {
		toks = nlp.Tokenize(toks[:0], text, para[0], para[1])
		spans = nlp.SplitSentences(spans[:0], toks)
		for _, sp := range spans {
			st := toks[sp.Start:sp.End]
			a.Analyze(st)
			s := nlp.Sentence{Comments: []string{
				fmt.Sprintf("sent_id = %d", len(out)+1),
				"text = " + strings.Join(strings.Fields(text[st[0].Start:st[len(st)-1].End]), " "),
			}}
			for _, t := range st {
				s.Words = append(s.Words, nlp.Word{
					Form: t.Form, Lemma: t.Lemma, UPOS: t.Tag.String(),
					Head: t.Head + 1, Deprel: t.Rel,
					Misc: fmt.Sprintf("TokenRange=%d:%d", t.Start, t.End),
				})
			}
			out = append(out, s)
		}
	}
	return nlp.WriteCoNLLU(stdout, out)
}

// paragraphs returns the byte ranges of text's non-blank lines.
func paragraphs(text string) [][2]int {
	var out [][2]int
	for i := 0; i < len(text); {
		j := strings.IndexByte(text[i:], '\n')
		if j < 0 {
			j = len(text)
		} else {
			j += i
		}
		if strings.TrimSpace(text[i:j]) != "" {
			out = append(out, [2]int{i, j})
		}
		i = j + 1
	}
	return out
}
