package nlp

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Word is one syntactic word of a sentence, as a CoNLL-U line has it.
// Head is the 1-based index of the word's head in the sentence, 0 for the
// root and -1 when unknown.
type Word struct {
	Form   string
	Lemma  string
	UPOS   string
	XPOS   string
	Feats  string
	Head   int
	Deprel string
	Misc   string
}

// Sentence is one sentence of a CoNLL-U file: its comment lines (without
// the leading "# ") and its words. Multiword-token lines and empty nodes
// are not kept: the words are the basic tree.
type Sentence struct {
	Comments []string
	Words    []Word
	// Line is the 1-based line of the file the sentence starts on.
	Line int
}

// Text returns the sentence's "# text = ..." comment, or its words joined
// by spaces when it has none.
func (s *Sentence) Text() string {
	for _, c := range s.Comments {
		if t, ok := strings.CutPrefix(c, "text = "); ok {
			return t
		}
	}
	forms := make([]string, len(s.Words))
	for i, w := range s.Words {
		forms[i] = w.Form
	}
	return strings.Join(forms, " ")
}

// ReadCoNLLU reads sentences in CoNLL-U format
// (https://universaldependencies.org/format.html). name labels errors,
// which read "NAME:LINE: message".
func ReadCoNLLU(name string, r io.Reader) ([]Sentence, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	var out []Sentence
	var cur Sentence
	line := 0
	flush := func() error {
		if len(cur.Words) == 0 && len(cur.Comments) == 0 {
			return nil
		}
		if len(cur.Words) == 0 {
			return fmt.Errorf("%s:%d: sentence has comments but no words", name, cur.Line)
		}
		for i, w := range cur.Words {
			if w.Head > len(cur.Words) {
				return fmt.Errorf("%s:%d: word %d has head %d beyond the sentence's %d words", name, cur.Line, i+1, w.Head, len(cur.Words))
			}
		}
		out = append(out, cur)
		cur = Sentence{}
		return nil
	}
	for sc.Scan() {
		line++
		text := strings.TrimRight(sc.Text(), "\r")
		if text == "" {
			if err := flush(); err != nil {
				return nil, err
			}
			continue
		}
		if cur.Line == 0 {
			cur.Line = line
		}
		if c, ok := strings.CutPrefix(text, "#"); ok {
			cur.Comments = append(cur.Comments, strings.TrimPrefix(c, " "))
			continue
		}
		f := strings.Split(text, "\t")
		if len(f) != 10 {
			return nil, fmt.Errorf("%s:%d: want 10 tab-separated fields, got %d", name, line, len(f))
		}
		if strings.ContainsAny(f[0], "-.") {
			continue // a multiword token's range or an empty node
		}
		id, err := strconv.Atoi(f[0])
		if err != nil || id != len(cur.Words)+1 {
			return nil, fmt.Errorf("%s:%d: word ID %q, want %d", name, line, f[0], len(cur.Words)+1)
		}
		head := -1
		if f[6] != "_" {
			head, err = strconv.Atoi(f[6])
			if err != nil || head < 0 {
				return nil, fmt.Errorf("%s:%d: head %q is not a word ID", name, line, f[6])
			}
		}
		cur.Words = append(cur.Words, Word{
			Form: f[1], Lemma: f[2], UPOS: f[3], XPOS: f[4], Feats: f[5],
			Head: head, Deprel: f[7], Misc: f[9],
		})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s:%d: %w", name, line+1, err)
	}
	if err := flush(); err != nil {
		return nil, err
	}
	return out, nil
}

// WriteCoNLLU writes sentences in CoNLL-U format. Empty fields are
// written as "_".
func WriteCoNLLU(w io.Writer, sents []Sentence) error {
	bw := bufio.NewWriter(w)
	field := func(s string) string {
		if s == "" {
			return "_"
		}
		return s
	}
	for _, s := range sents {
		for _, c := range s.Comments {
			bw.WriteString("# ")
			bw.WriteString(c)
			bw.WriteByte('\n')
		}
		for i, wd := range s.Words {
			head := "_"
			if wd.Head >= 0 {
				head = strconv.Itoa(wd.Head)
			}
			fmt.Fprintf(bw, "%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t_\t%s\n", i+1,
				field(wd.Form), field(wd.Lemma), field(wd.UPOS), field(wd.XPOS), field(wd.Feats),
				head, field(wd.Deprel), field(wd.Misc))
		}
		bw.WriteByte('\n')
	}
	return bw.Flush()
}
