package nlp

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// randomLinear makes a model of nclass classes whose rows have from one
// weight to all, so that the tables keep some sparse and some dense.
func randomLinear(rng *rand.Rand, nclass, nkeys int) *linear {
	m := &linear{nclass: nclass, off: []uint32{0}}
	seen := map[uint32]bool{}
	for len(m.keys) < nkeys {
		k := rng.Uint32() | 1
		if !seen[k] {
			seen[k] = true
			m.keys = append(m.keys, k)
		}
	}
	slices.Sort(m.keys)
	for range m.keys {
		n := 1 + rng.IntN(nclass)
		for _, c := range rng.Perm(nclass)[:n] {
			w := int32(rng.IntN(65535)) - 32767
			m.ent = append(m.ent, uint32(w)<<16|uint32(c))
		}
		m.off = append(m.off, uint32(len(m.ent)))
	}
	return m
}

// naive adds the weights of feats as the serialised model states them.
func naive(m *linear, feats []uint32, scores []int32) {
	for _, f := range feats {
		r, ok := slices.BinarySearch(m.keys, f)
		if !ok {
			continue
		}
		for _, e := range m.ent[m.off[r]:m.off[r+1]] {
			scores[e&0xff] += int32(e) >> 16
		}
	}
}

// TestTableScores checks that the tagging and parsing layouts, sparse
// and dense rows alike, add up to the model's own weights.
func TestTableScores(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, nl := range []int{1, 2, 51, 127} {
		lab := randomLinear(rng, 2*nl, 500)
		tr := &linear4{}
		for i, k := range lab.keys {
			if i%3 != 0 {
				tr.keys = append(tr.keys, k)
				tr.rows = append(tr.rows, [4]int16{int16(rng.IntN(200) - 100), 1, -2, int16(i)})
			}
		}
		extra := uint32(2) // a key with transitions only
		tr.keys = append([]uint32{extra}, tr.keys...)
		tr.rows = append([][4]int16{{5, 6, 7, 8}}, tr.rows...)
		fu := fuse(tr, lab, nl)
		tab := newTable(lab, 8)
		var sb scoreBuf
		var tb tableBuf
		for trial := range 200 {
			feats := make([]uint32, numParseFeats)
			for i := range feats {
				switch rng.IntN(3) {
				case 0:
					feats[i] = rng.Uint32() | 1 // most likely absent
				default:
					feats[i] = lab.keys[rng.IntN(len(lab.keys))]
				}
			}
			feats[0] = extra
			want := make([]int32, 2*nl)
			naive(lab, feats, want)
			var wantT [4]int32
			for _, f := range feats {
				if r, ok := slices.BinarySearch(tr.keys, f); ok {
					for c := range 4 {
						wantT[c] += int32(tr.rows[r][c])
					}
				}
			}
			lf := make([]bool, numParseFeats)
			for i := range lf {
				lf[i] = true
			}
			left, right := trial%3 != 1, trial%3 != 2
			var ts [4]int32
			var ls [256]int32
			fu.score(feats, lf, left, right, &sb, &ts, &ls)
			if ts != wantT {
				t.Fatalf("nl %d: transitions %v, want %v", nl, ts, wantT)
			}
			for c := range 2 * nl {
				if c < nl && !left || c >= nl && !right {
					if ls[c] != 0 {
						t.Fatalf("nl %d: class %d scored though its direction was not asked for", nl, c)
					}
					continue
				}
				if ls[c] != want[c] {
					t.Fatalf("nl %d: fused class %d = %d, want %d", nl, c, ls[c], want[c])
				}
			}
			var sc [256]int32
			tab.score(feats, &tb, &sc)
			for c := range 2 * nl {
				if sc[c] != want[c] {
					t.Fatalf("nl %d: table class %d = %d, want %d", nl, c, sc[c], want[c])
				}
			}
		}
	}
}
