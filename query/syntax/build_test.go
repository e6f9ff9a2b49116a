package syntax

import (
	"testing"

	"github.com/alecthomas/participle/v2"
	"github.com/alecthomas/participle/v2/lexer"
)

// BenchmarkBuildParser measures what the first Parse of a process pays
// to build the grammar.
func BenchmarkBuildParser(b *testing.B) {
	for b.Loop() {
		participle.MustBuild[Query](options()...)
	}
}

// BenchmarkFirstParse is a fresh process's first statement: the grammar
// built, then one parse.
func BenchmarkFirstParse(b *testing.B) {
	for b.Loop() {
		p := participle.MustBuild[Query](options()...)
		toks, _ := tokens(`metric gdp where entity = "Harbin" by year`)
		peek, _ := lexer.Upgrade(&tokenStream{toks: toks})
		if _, err := p.ParseFromLexer(peek); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBuildStatementParser measures what the first Parse of a
// process pays for a statement's own parser, the Select of "metric" and
// "facts" statements, and of "show", which holds no conditions.
func BenchmarkBuildStatementParser(b *testing.B) {
	b.Run("select", func(b *testing.B) {
		for b.Loop() {
			newStmtParser[*Select](true)()
		}
	})
	b.Run("show", func(b *testing.B) {
		for b.Loop() {
			newStmtParser[*Show](false)()
		}
	})
}
