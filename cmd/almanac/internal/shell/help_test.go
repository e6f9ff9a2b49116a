package shell

import (
	"strings"
	"testing"

	"github.com/almanacdb/almanac"
	"github.com/almanacdb/almanac/query/syntax"
)

// Every example in .help parses.
func TestHelpExamplesParse(t *testing.T) {
	n := 0
	for _, topic := range helpTopics {
		for _, line := range strings.Split(topic.text, "\n") {
			ex, ok := strings.CutPrefix(line, "  ")
			toks := almanac.Lex(ex).Tokens
			if !ok || strings.HasPrefix(ex, " ") || len(toks) == 0 || toks[0].Kind != almanac.KeywordToken || strings.Contains(ex, "|") || strings.HasSuffix(ex, ".") {
				continue
			}
			n++
			if _, err := syntax.Parse(ex); err != nil {
				t.Errorf(".help %s: example %q: %v", topic.name, ex, err)
			}
		}
	}
	if n < 20 {
		t.Errorf("found only %d examples", n)
	}
}

func TestHelpTopics(t *testing.T) {
	for _, topic := range append([]string{"", "topics", "commands", "sum", "entities", "csv", "timer", ".chart"}, topicNames()...) {
		var b strings.Builder
		if err := writeHelp(&b, topic); err != nil || b.Len() == 0 {
			t.Errorf(".help %s: %v, %q", topic, err, b.String())
		}
	}
	if err := writeHelp(&strings.Builder{}, "nosuch"); err == nil {
		t.Error(".help nosuch: no error")
	}
}
