package syntax

import "strings"

// Suggest returns the word of candidates closest to s, for a "did you
// mean" after a mistake: one that contains s or is contained in it
// (shortest difference first, both at least three letters long), else
// the nearest by edit distance (a swap of neighbours is one edit) if that
// is 1 for words of up to four letters, else within a third of s's length
// (at least 2). Case is ignored. It returns "" when none is close.
func Suggest(s string, candidates []string) string {
	ls := strings.ToLower(s)
	best, bestScore := "", 1<<30
	for _, n := range candidates {
		ln := strings.ToLower(n)
		if ln == ls {
			continue // the same word in another case is no suggestion
		}
		score := 1 << 30
		if len(ls) >= 3 && (strings.Contains(ln, ls) || len(ln) >= 3 && strings.Contains(ls, ln)) {
			score = abs(len(ln) - len(ls))
		} else if d := editDistance(ls, ln); d <= maxEdits(len(ls)) {
			score = 1000 + d
		}
		if score < bestScore || score == bestScore && n < best {
			best, bestScore = n, score
		}
	}
	return best
}

// maxEdits is how far a word of n bytes may be from a suggestion.
func maxEdits(n int) int {
	if n <= 4 {
		return 1
	}
	return max(2, n/3)
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// editDistance is the Levenshtein distance between a and b, in bytes,
// with a transposition of neighbours counting as one edit (yaer, year).
func editDistance(a, b string) int {
	if len(a) > 256 || len(b) > 256 {
		return 1 << 20
	}
	// Three rows: the one before the previous, for transpositions.
	prev2 := make([]int, len(b)+1)
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			c := prev[j-1]
			if a[i-1] != b[j-1] {
				c++
			}
			c = min(c, prev[j]+1, cur[j-1]+1)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				c = min(c, prev2[j-2]+1)
			}
			cur[j] = c
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}
