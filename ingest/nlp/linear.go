package nlp

import (
	"math"
	"slices"
)

// Features are hashed to 32-bit ids once per decision: a template number
// and up to three atoms (word hashes, tags, labels, small integers) mixed
// by splitmix64, of which the high 32 bits are kept. Zero is never an id
// (it marks an empty slot). With a few hundred thousand features in a
// model, two share an id about a hundred times: too rare to matter.

const (
	k1 = 0x9e3779b97f4a7c15
	k2 = 0xbf58476d1ce4e5b9
	k3 = 0x94d049bb133111eb
)

func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= k2
	x ^= x >> 27
	x *= k3
	x ^= x >> 31
	return x
}

func fid(h uint64) uint32 {
	if f := uint32(h >> 32); f != 0 {
		return f
	}
	return 1
}

func feat1(t uint64, a uint64) uint32 { return fid(mix(t*k1 ^ a)) }

func feat2(t uint64, a, b uint64) uint32 { return fid(mix(mix(t*k1^a) ^ b*k2)) }

func feat3(t uint64, a, b, c uint64) uint32 {
	return fid(mix(mix(mix(t*k1^a)^b*k2) ^ c*k3))
}

// hashString is FNV-1a, 64 bits.
func hashString(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

// trainer is an averaged perceptron over sparse rows: a feature's row
// holds only the classes that ever had a weight for it.
type trainer struct {
	nclass int
	index  map[uint32]int32
	rows   [][]tentry
	hits   []int32 // updates of each row
	now    int32   // instances seen, for averaging
}

type tentry struct {
	class uint16
	w     float32
	ts    int32
	total float64
}

func newTrainer(nclass int) *trainer {
	return &trainer{nclass: nclass, index: make(map[uint32]int32, 1<<16)}
}

// score adds the weights of feats to scores (len nclass, zeroed by the caller).
func (t *trainer) score(feats []uint32, scores []float32) {
	for _, f := range feats {
		r, ok := t.index[f]
		if !ok {
			continue
		}
		for _, e := range t.rows[r] {
			scores[e.class] += e.w
		}
	}
}

// tick counts one training instance.
func (t *trainer) tick() { t.now++ }

// update moves feats' weights toward class truth and away from guess.
func (t *trainer) update(feats []uint32, truth, guess int) {
	if truth == guess {
		return
	}
	for _, f := range feats {
		r, ok := t.index[f]
		if !ok {
			r = int32(len(t.rows))
			t.index[f] = r
			t.rows = append(t.rows, nil)
			t.hits = append(t.hits, 0)
		}
		t.hits[r]++
		t.bump(r, truth, 1)
		t.bump(r, guess, -1)
	}
}

// push moves feats' weights for class by d alone (a structured update
// whose other side is in another model).
func (t *trainer) push(feats []uint32, class int, d float32) {
	for _, f := range feats {
		r, ok := t.index[f]
		if !ok {
			r = int32(len(t.rows))
			t.index[f] = r
			t.rows = append(t.rows, nil)
			t.hits = append(t.hits, 0)
		}
		t.hits[r]++
		t.bump(r, class, d)
	}
}

func (t *trainer) bump(r int32, class int, d float32) {
	row := t.rows[r]
	for i := range row {
		e := &row[i]
		if int(e.class) == class {
			e.total += float64(t.now-e.ts) * float64(e.w)
			e.ts = t.now
			e.w += d
			return
		}
	}
	t.rows[r] = append(row, tentry{class: uint16(class), w: d, ts: t.now})
}

// freeze averages the weights into a compact model: a feature updated
// fewer than minHits times is dropped, and so is a weight whose magnitude
// is under minWeight times the largest of its row. Weights are quantised
// to 16 bits against the model's largest.
func (t *trainer) freeze(minHits int, minWeight float64) *linear {
	return t.freezeScaled(minHits, minWeight, 0)
}

// freezeScaled is freeze with the weight unit given (0: the model's
// largest weight over 32767).
func (t *trainer) freezeScaled(minHits int, minWeight, scale float64) *linear {
	keys := make([]uint32, 0, len(t.index))
	for k := range t.index {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	n := float64(max(t.now, 1))
	type kept struct {
		class int
		w     float64
	}
	var ws []kept
	var rowKeys []uint32
	var rowEnd []int
	top := 0.0
	for _, k := range keys {
		r := t.index[k]
		if int(t.hits[r]) < minHits {
			continue
		}
		start := len(ws)
		rowTop := 0.0
		for _, e := range t.rows[r] {
			a := (e.total + float64(t.now-e.ts)*float64(e.w)) / n
			ws = append(ws, kept{int(e.class), a})
			rowTop = max(rowTop, math.Abs(a))
		}
		j := start
		for _, x := range ws[start:] {
			if x.w != 0 && math.Abs(x.w) >= minWeight*rowTop {
				ws[j] = x
				j++
			}
		}
		ws = ws[:j]
		if j == start {
			continue
		}
		slices.SortFunc(ws[start:], func(a, b kept) int { return a.class - b.class })
		top = max(top, rowTop)
		rowKeys = append(rowKeys, k)
		rowEnd = append(rowEnd, j)
	}
	if scale == 0 {
		scale = top / 32767
	}
	if scale == 0 {
		scale = 1
	}
	m := &linear{nclass: t.nclass, keys: rowKeys, scale: float32(scale)}
	m.off = make([]uint32, 0, len(rowKeys)+1)
	m.off = append(m.off, 0)
	for _, e := range rowEnd {
		m.off = append(m.off, uint32(e))
	}
	m.ent = make([]uint32, len(ws))
	for i, x := range ws {
		q := int32(max(-32767, min(32767, math.Round(x.w/scale))))
		m.ent[i] = uint32(q)<<16 | uint32(x.class)
	}
	m.build()
	return m
}

// linear is a frozen linear model: for each feature id, the weights of
// the classes it votes for, each packed in a uint32 as a 16-bit signed
// weight (in units of scale) over a class number. Rows are found through
// an open-addressing table keyed by the feature id; scores add up as
// integers.
type linear struct {
	nclass int
	keys   []uint32 // row keys, sorted (the serialised order)
	off    []uint32 // row r's entries are ent[off[r]:off[r+1]]
	ent    []uint32
	scale  float32 // the value of one weight unit

	slots []slot // open addressing; key 0 is empty
	mask  uint32
}

type slot struct{ key, row uint32 }

func (m *linear) build() {
	size := 1
	for size < 2*len(m.keys) {
		size <<= 1
	}
	m.slots = make([]slot, size)
	m.mask = uint32(size - 1)
	for r, k := range m.keys {
		i := (k * 0x9e3779b1) & m.mask
		for m.slots[i].key != 0 {
			i = (i + 1) & m.mask
		}
		m.slots[i] = slot{k, uint32(r)}
	}
}

// row returns the entries of feature f, or nil.
func (m *linear) row(f uint32) []uint32 {
	i := (f * 0x9e3779b1) & m.mask
	for {
		s := m.slots[i]
		if s.key == f {
			return m.ent[m.off[s.row]:m.off[s.row+1]]
		}
		if s.key == 0 {
			return nil
		}
		i = (i + 1) & m.mask
	}
}

// score adds the weights of feats to scores (zeroed by the caller), in
// weight units.
func (m *linear) score(feats []uint32, scores *[256]int32) {
	if len(m.slots) == 0 {
		return
	}
	for _, f := range feats {
		for _, e := range m.row(f) {
			scores[e&0xff] += int32(e) >> 16
		}
	}
}

func argmax32(s []int32) int {
	best := 0
	for i := 1; i < len(s); i++ {
		if s[i] > s[best] {
			best = i
		}
	}
	return best
}

// linear4 is a frozen model of four classes whose weights sit in the
// hash slot itself, so a feature costs one memory access.
type linear4 struct {
	keys  []uint32   // sorted
	rows  [][4]int16 // by key
	slots []slot4
	mask  uint32
}

type slot4 struct {
	key uint32
	w   [4]int16
}

// freeze4 is freeze for a four-class trainer; scale is the value of one
// weight unit, shared with the model it is added to.
func (t *trainer) freeze4(minHits int, scale float64) *linear4 {
	keys := make([]uint32, 0, len(t.index))
	for k := range t.index {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	n := float64(max(t.now, 1))
	m := &linear4{}
	for _, k := range keys {
		r := t.index[k]
		if int(t.hits[r]) < minHits {
			continue
		}
		var row [4]int16
		nz := false
		for _, e := range t.rows[r] {
			a := (e.total + float64(t.now-e.ts)*float64(e.w)) / n
			q := math.Round(a / scale)
			q = max(-32767, min(32767, q))
			row[e.class] = int16(q)
			nz = nz || q != 0
		}
		if nz {
			m.keys = append(m.keys, k)
			m.rows = append(m.rows, row)
		}
	}
	m.build()
	return m
}

// maxWeight is the largest averaged weight magnitude of the trainer's
// features updated at least minHits times.
func (t *trainer) maxWeight(minHits int) float64 {
	n := float64(max(t.now, 1))
	top := 0.0
	for r, row := range t.rows {
		if int(t.hits[r]) < minHits {
			continue
		}
		for _, e := range row {
			top = max(top, math.Abs((e.total+float64(t.now-e.ts)*float64(e.w))/n))
		}
	}
	return top
}

func (m *linear4) build() {
	size := 1
	for size < 2*len(m.keys) {
		size <<= 1
	}
	m.slots = make([]slot4, size)
	m.mask = uint32(size - 1)
	for r, k := range m.keys {
		i := (k * 0x9e3779b1) & m.mask
		for m.slots[i].key != 0 {
			i = (i + 1) & m.mask
		}
		m.slots[i] = slot4{k, m.rows[r]}
	}
}

// score adds the weights of feats to scores, in weight units.
func (m *linear4) score(feats []uint32, scores *[4]int32) {
	if len(m.slots) == 0 {
		return
	}
	for _, f := range feats {
		i := (f * 0x9e3779b1) & m.mask
		for {
			s := &m.slots[i]
			if s.key == f {
				scores[0] += int32(s.w[0])
				scores[1] += int32(s.w[1])
				scores[2] += int32(s.w[2])
				scores[3] += int32(s.w[3])
				break
			}
			if s.key == 0 {
				break
			}
			i = (i + 1) & m.mask
		}
	}
}

// fused is a parser's two models in one table, for parsing: a feature's
// slot holds its transition weights and where its relation weights are,
// so each feature costs one random memory access, and all of a
// decision's slots are found before any is read (the loads overlap).
type fused struct {
	slots []fslot
	mask  uint32
	ent   []uint32 // relation entries, as in linear
}

type fslot struct {
	key uint32
	off uint32 // relation entries are ent[off:off+n]
	n   uint16
	tw  [4]int16 // transition weights
}

// fuse builds the table of t (transitions) and l (relations).
func fuse(t *linear4, l *linear) *fused {
	keys := make([]uint32, 0, len(t.keys)+len(l.keys))
	keys = append(append(keys, t.keys...), l.keys...)
	slices.Sort(keys)
	keys = slices.Compact(keys)
	size := 1
	for size < 2*len(keys) {
		size <<= 1
	}
	m := &fused{slots: make([]fslot, size), mask: uint32(size - 1), ent: l.ent}
	ti, li := 0, 0
	for _, k := range keys {
		s := fslot{key: k}
		if ti < len(t.keys) && t.keys[ti] == k {
			s.tw = t.rows[ti]
			ti++
		}
		if li < len(l.keys) && l.keys[li] == k {
			s.off, s.n = l.off[li], uint16(l.off[li+1]-l.off[li])
			li++
		}
		i := (k * 0x9e3779b1) & m.mask
		for m.slots[i].key != 0 {
			i = (i + 1) & m.mask
		}
		m.slots[i] = s
	}
	return m
}

// score adds the transition weights of feats to ts and the relation
// weights of the features whose indexes are in lf to ls; idx is scratch
// of len(feats).
func (m *fused) score(feats []uint32, lf []bool, idx []uint32, ts *[4]int32, ls *[256]int32) {
	for i, f := range feats {
		j := (f * 0x9e3779b1) & m.mask
		for {
			k := m.slots[j].key
			if k == f || k == 0 {
				break
			}
			j = (j + 1) & m.mask
		}
		idx[i] = j
	}
	for i, j := range idx {
		s := &m.slots[j]
		if s.key == 0 {
			continue
		}
		ts[0] += int32(s.tw[0])
		ts[1] += int32(s.tw[1])
		ts[2] += int32(s.tw[2])
		ts[3] += int32(s.tw[3])
		if s.n == 0 || !lf[i] {
			continue
		}
		for _, e := range m.ent[s.off : s.off+uint32(s.n)] {
			ls[e&0xff] += int32(e) >> 16
		}
	}
}
