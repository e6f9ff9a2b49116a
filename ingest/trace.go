package ingest

import (
	"fmt"
	"io"
	"os"

	"github.com/almanacdb/almanac/ingest/document"
	"github.com/almanacdb/almanac/ingest/extract"
	"github.com/almanacdb/almanac/store"
)

// Traced is one article's extraction with the rules behind each fact, as
// Trace returns it; nothing of it is stored.
type Traced struct {
	Article  document.Article
	Facts    []store.Fact
	Traces   []extract.Trace // Traces[i] says why Facts[i] came out so
	Dropped  []extract.Dropped
	Trees    []extract.Tree // the dependency trees the rules read
	Warnings []string
	Err      error // why the article could not be parsed
}

// Trace parses the file at path ("-" for opts.Stdin) as ingest would and
// extracts each of its articles with traces, storing nothing.
func Trace(path string, opts Options) ([]Traced, error) {
	var r io.Reader
	in := input{path: path, name: path, ident: pathIdentity(path)}
	size := int64(-1)
	if path == "-" {
		r = opts.Stdin
		if r == nil {
			r = os.Stdin
		}
		in = input{path: "-", name: "stdin", ident: opts.StdinName}
		if in.ident == "" {
			in.ident, in.stdin = "stdin", true
		}
	} else {
		f, err := os.Open(path)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		st, err := f.Stat()
		if err != nil {
			return nil, err
		}
		if st.IsDir() {
			return nil, fmt.Errorf("%s is a directory: extract traces one file", path)
		}
		r, size = f, st.Size()
	}
	var out []Traced
	readInput(in, r, size, func(it *item) bool {
		t := Traced{Article: it.article, Err: it.err}
		if it.err == nil {
			res := extract.Extract(it.article, extract.Options{Published: opts.Published, Lookup: opts.Aliases, Trace: true})
			t.Facts, t.Traces, t.Dropped, t.Trees, t.Warnings = res.Facts, res.Traces, res.Dropped, res.Trees, res.Warnings
			if it.article.Published.IsZero() && opts.Published.IsZero() {
				t.Warnings = append([]string{NoDateWarning + "; pass --published YYYY-MM-DD to date it"}, t.Warnings...)
			}
		}
		out = append(out, t)
		return true
	})
	return out, nil
}
