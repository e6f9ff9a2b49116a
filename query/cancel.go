package query

import (
	"context"
	"fmt"
	"slices"
)

// Cancellation. Every phase of a statement looks at its context at least
// every checkEvery items: scans (keys read), reconciliation (entries),
// naming and laying out figures, the sorts (comparisons), building rows
// and reading sentences, and writing the result (rows written). A
// cancelled statement returns the context's error, wrapped, and no
// result.

// tick returns ctx's error, wrapped, on every checkEvery-th call with
// i a multiple of it; nil otherwise.
func (e *executor) tick(i int) error {
	if i%checkEvery != checkEvery-1 {
		return nil
	}
	if err := e.ctx.Err(); err != nil {
		return fmt.Errorf("query stopped: %w", err)
	}
	return nil
}

// stopped carries a context's error out of a sort's comparison function.
type stopped struct{ err error }

// sortFunc sorts s by cmp (stably if stable is set) and gives up with
// ctx's error, wrapped, once ctx is done: a sort of a million rows takes
// seconds. The comparison function looks at ctx every checkEvery calls
// and panics to leave the sort; the panic never leaves this function.
func sortFunc[T any](ctx context.Context, s []T, cmp func(a, b T) int, stable bool) (err error) {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("query stopped: %w", err)
	}
	if len(s) < checkEvery {
		if stable {
			slices.SortStableFunc(s, cmp)
		} else {
			slices.SortFunc(s, cmp)
		}
		return nil
	}
	defer func() {
		if r := recover(); r != nil {
			st, ok := r.(stopped)
			if !ok {
				panic(r)
			}
			err = fmt.Errorf("query stopped: %w", st.err)
		}
	}()
	n := 0
	checked := func(a, b T) int {
		if n++; n%checkEvery == 0 {
			if err := ctx.Err(); err != nil {
				panic(stopped{err})
			}
		}
		return cmp(a, b)
	}
	if stable {
		slices.SortStableFunc(s, checked)
	} else {
		slices.SortFunc(s, checked)
	}
	return nil
}
