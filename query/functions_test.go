package query

import (
	"testing"

	"github.com/almanacdb/almanac/query/syntax"
)

// Every function the language declares has one evaluation of the kind its
// argument type needs, and no evaluation names a function that is not
// declared.
func TestEveryFunctionEvaluates(t *testing.T) {
	declared := map[string]bool{}
	for _, fn := range syntax.Functions() {
		declared[fn.Name] = true
		ev, ok := evaluations[fn.Name]
		switch {
		case !ok:
			t.Errorf("%s has no evaluation", fn.Name)
		case fn.Arg == syntax.TypeLevels && (ev.step == nil || ev.reduce != nil || ev.caption == "" || ev.noun == "" || ev.note == ""):
			t.Errorf("%s reads levels: it needs a step, a caption, a noun and a note, and no reduce", fn.Name)
		case fn.Arg != syntax.TypeLevels && (ev.reduce == nil || ev.step != nil):
			t.Errorf("%s reads %s: it needs a reduce and no step", fn.Name, fn.Arg)
		}
	}
	for name := range evaluations {
		if !declared[name] {
			t.Errorf("evaluation of %s, which syntax.Functions does not declare", name)
		}
	}
}
