package syntax_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/almanacdb/almanac/query/syntax"
	"github.com/google/go-cmp/cmp"
)

// TestDesignGrammar keeps the EBNF in DESIGN.md identical to the grammar
// participle builds; -update rewrites the block between the markers.
func TestDesignGrammar(t *testing.T) {
	path := filepath.Join("..", "..", "DESIGN.md")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	const begin, end = "<!-- ebnf:begin -->\n", "<!-- ebnf:end -->"
	doc := string(data)
	i, j := strings.Index(doc, begin), strings.Index(doc, end)
	if i < 0 || j < i {
		t.Fatalf("%s has no %q ... %q block", path, begin, end)
	}
	want := "```ebnf\n" + syntax.EBNF() + "\n```\n"
	if *update {
		doc = doc[:i+len(begin)] + want + doc[j:]
		if err := os.WriteFile(path, []byte(doc), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if diff := cmp.Diff(want, doc[i+len(begin):j]); diff != "" {
		t.Errorf("DESIGN.md grammar is stale; run go test ./query/syntax -update (-want +got):\n%s", diff)
	}
}
