package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// ownTreebank is two sentences of our own in CoNLL-U, hand-annotated by
// the UD guidelines.
const ownTreebank = `# text = Jixi built 40 parks.
1	Jixi	Jixi	PROPN	_	_	2	nsubj	_	_
2	built	build	VERB	_	_	0	root	_	_
3	40	40	NUM	_	_	4	nummod	_	_
4	parks	park	NOUN	_	_	2	obj	_	_
5	.	.	PUNCT	_	_	2	punct	_	_

# text = Exports rose 5 percent.
1	Exports	export	NOUN	_	_	2	nsubj	_	_
2	rose	rise	VERB	_	_	0	root	_	_
3	5	5	NUM	_	_	4	nummod	_	_
4	percent	percent	NOUN	_	_	2	obj	_	_
5	.	.	PUNCT	_	_	2	punct	_	_

`

// TestParseAndEval runs the command's parse and eval as a user would:
// parse writes CoNLL-U with every token headed and tagged, eval one JSON
// line a file with the fields the issue names, and a bad file is an error
// that names it.
func TestParseAndEval(t *testing.T) {
	dir := t.TempDir()
	text := filepath.Join(dir, "t.txt")
	if err := os.WriteFile(text, []byte("Jixi built 40 parks in 2020. Its exports rose 5 percent.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errs bytes.Buffer
	if code := run([]string{"parse", text}, nil, &out, &errs); code != 0 {
		t.Fatalf("parse: exit %d, %s", code, errs.String())
	}
	var words int
	for _, l := range strings.Split(out.String(), "\n") {
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		f := strings.Split(l, "\t")
		if len(f) != 10 || f[3] == "_" || f[6] == "_" || f[7] == "_" {
			t.Errorf("parse line %q: want 10 columns with tag, head and relation", l)
		}
		words++
	}
	if words != 13 {
		t.Errorf("parse wrote %d words, want 13:\n%s", words, out.String())
	}

	gold := filepath.Join(dir, "own.conllu")
	if err := os.WriteFile(gold, []byte(ownTreebank), 0o644); err != nil {
		t.Fatal(err)
	}
	out.Reset()
	errs.Reset()
	if code := run([]string{"eval", gold}, nil, &out, &errs); code != 0 {
		t.Fatalf("eval: exit %d, %s", code, errs.String())
	}
	var r map[string]any
	if err := json.Unmarshal(bytes.TrimSpace(out.Bytes()), &r); err != nil {
		t.Fatalf("eval output %q: %v", out.String(), err)
	}
	for _, k := range []string{"sentences", "tokens", "upos", "uas", "las", "tokens_per_s"} {
		if _, ok := r[k]; !ok {
			t.Errorf("eval output lacks %q: %v", k, r)
		}
	}
	if r["sentences"] != 2.0 || r["tokens"] != 10.0 {
		t.Errorf("eval counted %v sentences, %v tokens; want 2 and 10", r["sentences"], r["tokens"])
	}
	if u, _ := r["upos"].(float64); u < 0.8 {
		t.Errorf("upos %.2f on two plain sentences", u)
	}

	bad := filepath.Join(dir, "bad.conllu")
	if err := os.WriteFile(bad, []byte("1\tJixi\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	errs.Reset()
	if code := run([]string{"eval", bad}, nil, &out, &errs); code == 0 || !strings.Contains(errs.String(), "bad.conllu") {
		t.Errorf("eval of a malformed file: exit %d, %q; want an error naming it", code, errs.String())
	}
}
