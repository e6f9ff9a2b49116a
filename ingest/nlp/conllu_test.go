package nlp

import (
	"bytes"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// tinyTreebank is a handful of sentences written for these tests, in
// CoNLL-U, enough to train a (poor) model quickly.
const tinyTreebank = `# sent_id = t1
# text = The factory built 300 trucks.
1	The	the	DET	DT	_	2	det	_	_
2	factory	factory	NOUN	NN	_	3	nsubj	_	_
3	built	build	VERB	VBD	_	0	root	_	_
4	300	300	NUM	CD	_	5	nummod	_	_
5	trucks	truck	NOUN	NNS	_	3	obj	_	SpaceAfter=No
6	.	.	PUNCT	.	_	3	punct	_	_

# sent_id = t2
# text = Exports grew 12 percent last year.
1	Exports	export	NOUN	NNS	_	2	nsubj	_	_
2	grew	grow	VERB	VBD	_	0	root	_	_
3	12	12	NUM	CD	_	4	nummod	_	_
4	percent	percent	NOUN	NN	_	2	obl:npmod	_	_
5	last	last	ADJ	JJ	_	6	amod	_	_
6	year	year	NOUN	NN	_	2	obl:tmod	_	SpaceAfter=No
7	.	.	PUNCT	.	_	2	punct	_	_

# sent_id = t3
# text = She plans to open a shop in the old town.
1	She	she	PRON	PRP	_	2	nsubj	_	_
2	plans	plan	VERB	VBZ	_	0	root	_	_
3	to	to	PART	TO	_	4	mark	_	_
4	open	open	VERB	VB	_	2	xcomp	_	_
5	a	a	DET	DT	_	6	det	_	_
6	shop	shop	NOUN	NN	_	4	obj	_	_
7	in	in	ADP	IN	_	10	case	_	_
8	the	the	DET	DT	_	10	det	_	_
9	old	old	ADJ	JJ	_	10	amod	_	_
10	town	town	NOUN	NN	_	4	obl	_	SpaceAfter=No
11	.	.	PUNCT	.	_	2	punct	_	_

# sent_id = t4
# text = The new port handled more cargo than ever.
1	The	the	DET	DT	_	3	det	_	_
2	new	new	ADJ	JJ	_	3	amod	_	_
3	port	port	NOUN	NN	_	4	nsubj	_	_
4	handled	handle	VERB	VBD	_	0	root	_	_
5	more	more	ADJ	JJR	_	6	amod	_	_
6	cargo	cargo	NOUN	NN	_	4	obj	_	_
7	than	than	SCONJ	IN	_	8	mark	_	_
8	ever	ever	ADV	RB	_	6	advcl	_	SpaceAfter=No
9	.	.	PUNCT	.	_	4	punct	_	_

# sent_id = t5
# text = Farmers sold their rice and bought seeds.
1	Farmers	farmer	NOUN	NNS	_	2	nsubj	_	_
2	sold	sell	VERB	VBD	_	0	root	_	_
3	their	their	PRON	PRP$	_	4	nmod:poss	_	_
4	rice	rice	NOUN	NN	_	2	obj	_	_
5	and	and	CCONJ	CC	_	6	cc	_	_
6	bought	buy	VERB	VBD	_	2	conj	_	_
7	seeds	seed	NOUN	NNS	_	6	obj	_	SpaceAfter=No
8	.	.	PUNCT	.	_	2	punct	_	_

`

func TestReadCoNLLU(t *testing.T) {
	sents, err := ReadCoNLLU("tiny.conllu", strings.NewReader(tinyTreebank))
	if err != nil {
		t.Fatal(err)
	}
	if len(sents) != 5 {
		t.Fatalf("read %d sentences, want 5", len(sents))
	}
	s := sents[1]
	if s.Line != 10 || s.Text() != "Exports grew 12 percent last year." {
		t.Errorf("sentence 2: line %d, text %q", s.Line, s.Text())
	}
	want := Word{Form: "percent", Lemma: "percent", UPOS: "NOUN", XPOS: "NN", Feats: "_", Head: 2, Deprel: "obl:npmod", Misc: "_"}
	if diff := cmp.Diff(want, s.Words[3]); diff != "" {
		t.Errorf("word 4 (-want +got):\n%s", diff)
	}
	var buf bytes.Buffer
	if err := WriteCoNLLU(&buf, sents); err != nil {
		t.Fatal(err)
	}
	again, err := ReadCoNLLU("again", &buf)
	if err != nil {
		t.Fatal(err)
	}
	for i := range sents {
		sents[i].Line, again[i].Line = 0, 0
	}
	if diff := cmp.Diff(sents, again); diff != "" {
		t.Errorf("write and read back (-want +got):\n%s", diff)
	}
}

func TestReadCoNLLUSkipsRangesAndEmptyNodes(t *testing.T) {
	in := "1-2\tcan't\t_\t_\t_\t_\t_\t_\t_\t_\n" +
		"1\tca\tcan\tAUX\tMD\t_\t0\troot\t_\t_\n" +
		"2\tn't\tnot\tPART\tRB\t_\t1\tadvmod\t_\t_\n" +
		"2.1\tgo\tgo\tVERB\tVB\t_\t_\t_\t1:conj\t_\n\n"
	sents, err := ReadCoNLLU("x", strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(sents) != 1 || len(sents[0].Words) != 2 || sents[0].Text() != "ca n't" {
		t.Fatalf("got %+v", sents)
	}
}

func TestReadCoNLLUErrors(t *testing.T) {
	word := func(id, head string) string {
		return id + "\tword\tword\tNOUN\tNN\t_\t" + head + "\tdep\t_\t_\n"
	}
	for _, tc := range []struct {
		name, in, want string
	}{
		{"fields", "# c\n1\tonly\tthree\n", "bad.conllu:2: want 10 tab-separated fields, got 3"},
		{"id", word("1", "0") + word("3", "1"), `bad.conllu:2: word ID "3", want 2`},
		{"id text", word("one", "0"), `bad.conllu:1: word ID "one", want 1`},
		{"head", word("1", "0") + word("2", "x"), `bad.conllu:2: head "x" is not a word ID`},
		{"negative head", word("1", "-1"), `bad.conllu:1: head "-1" is not a word ID`},
		{"head beyond", "\n\n" + word("1", "0") + word("2", "7") + "\n", "bad.conllu:4: word 2 has head 7 beyond the sentence's 2 words"},
		{"comments only", word("1", "0") + "\n# lonely\n\n", "bad.conllu:3: sentence has comments but no words"},
		{"long line", word("1", "0") + strings.Repeat("x", 2<<20) + "\n", "bad.conllu:2: line longer than 1048576 bytes"},
	} {
		_, err := ReadCoNLLU("bad.conllu", strings.NewReader(tc.in))
		if err == nil || err.Error() != tc.want {
			t.Errorf("%s: got error %v, want %q", tc.name, err, tc.want)
		}
	}
}

// FuzzReadCoNLLU checks that any input reads or fails with an error that
// names the file, and that what reads writes back to the same sentences.
func FuzzReadCoNLLU(f *testing.F) {
	f.Add(tinyTreebank)
	f.Add("1\ta\ta\tX\t_\t_\t0\troot\t_\t_\n")
	f.Add("1-2\tab\t_\t_\t_\t_\t_\t_\t_\t_\n1\ta\t_\t_\t_\t_\t2\tdep\t_\t_\n")
	f.Add("# only a comment\n")
	f.Fuzz(func(t *testing.T, in string) {
		sents, err := ReadCoNLLU("f", strings.NewReader(in))
		if err != nil {
			if !strings.HasPrefix(err.Error(), "f:") {
				t.Fatalf("error without file name: %v", err)
			}
			return
		}
		for _, s := range sents {
			for _, w := range s.Words {
				if w.Head > len(s.Words) {
					t.Fatalf("head %d beyond %d words", w.Head, len(s.Words))
				}
			}
		}
	})
}
