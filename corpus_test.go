package almanac_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// quoteWords is the length of a run of words shared with the third-party
// corpus that counts as copying: common phrases of news English ("a
// year-on-year increase of") are shorter than this.
const quoteWords = 8

var wordRE = regexp.MustCompile(`[a-z0-9]+`)

// TestNoCorpusText keeps third-party text out of this repository: no
// source, test, testdata or document may contain a run of eight words of
// an article of ../shared/corpus (seeds, dev, dev2) or of a sentence of the
// UD treebanks in ../shared/ud (their "# text" lines). Tests read those
// texts from ../shared at run time; examples, tests and testdata use
// sentences of our own.
func TestNoCorpusText(t *testing.T) {
	corpus := filepath.Join("..", "shared", "corpus")
	articles, _ := filepath.Glob(filepath.Join(corpus, "*", "*.txt"))
	if len(articles) == 0 {
		t.Skipf("no corpus at %s", corpus)
	}
	runs := map[string]string{}
	add := func(text, src string) {
		w := wordRE.FindAllString(strings.ToLower(text), -1)
		for i := 0; i+quoteWords <= len(w); i++ {
			runs[strings.Join(w[i:i+quoteWords], " ")] = src
		}
	}
	for _, a := range articles {
		data, err := os.ReadFile(a)
		if err != nil {
			t.Fatal(err)
		}
		add(string(data), filepath.Base(a))
	}
	treebanks, _ := filepath.Glob(filepath.Join("..", "shared", "ud", "*", "*.conllu"))
	if len(treebanks) == 0 {
		t.Errorf("no treebanks under ../shared/ud")
	}
	for _, tb := range treebanks {
		data, err := os.ReadFile(tb)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(string(data), "\n") {
			if text, ok := strings.CutPrefix(line, "# text = "); ok {
				add(text, filepath.Base(tb))
			}
		}
	}
	err := filepath.WalkDir(".", func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if path != "." && strings.HasPrefix(d.Name(), ".") {
				return filepath.SkipDir
			}
			return nil
		}
		switch filepath.Ext(path) {
		case ".go", ".md", ".txt", ".aq", ".html", ".jsonl", ".json", ".golden", ".ebnf":
		default:
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for n, line := range strings.Split(string(data), "\n") {
			w := wordRE.FindAllString(strings.ToLower(line), -1)
			for i := 0; i+quoteWords <= len(w); i++ {
				if src, ok := runs[strings.Join(w[i:i+quoteWords], " ")]; ok {
					t.Errorf("%s:%d quotes %s: %q", path, n+1, src, strings.Join(w[i:i+quoteWords], " "))
					break
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
