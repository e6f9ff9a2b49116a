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
	return m
}

// linear is a frozen linear model: for each feature id, the weights of
// the classes it votes for, each packed in a uint32 as a 16-bit signed
// weight (in units of scale) over a class number. It is the serialised
// form; tagging and parsing read it laid out as a table or fused.
type linear struct {
	nclass int
	keys   []uint32 // row keys, sorted (the serialised order)
	off    []uint32 // row r's entries are ent[off[r]:off[r+1]]
	ent    []uint32
	scale  float32 // the value of one weight unit
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

// linear4 is a frozen model of four classes (the parser's transitions),
// a row of four weights a feature.
type linear4 struct {
	keys []uint32   // sorted
	rows [][4]int16 // by key
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

// fused is a parser's two models in one table, for parsing: a feature's
// slot (16 bytes, four to a cache line) holds its transition weights and
// where its relation weights are, so each feature costs one random memory
// access for the slot, and all of a decision's slots are found before any
// is read (the loads overlap).
//
// A feature's relation weights are kept one of two ways. Most features
// have few: their entries (as in linear) follow a header in ent that
// tells where the left-arc relations end and the right-arc ones begin,
// so a decision that cannot make a left arc skips them. The few thousand
// features that vote for most relations are also the commonest (about
// two thirds of the lookups): their weights are dense, two relations to
// a uint64 (each a 32-bit lane holding the weight plus denseBias), so
// that one 64-bit addition adds two weights and no entry is decoded. A
// lane never carries into the next: a decision adds at most
// numParseFeats weights under 65536 each.
type fused struct {
	slots []fslot
	mask  uint32
	ent   []uint32 // sparse rows: a header (entries | left entries<<16), then the entries
	dense []uint64 // dense rows, stride 2*half: left relations, then right
	nl    int      // relations (a class is dir*nl+relation)
	half  int      // uint64s of a dense row's half: (nl+1)/2
}

type fslot struct {
	key uint32
	ref uint32   // 0: no relation weights; refDense|i: dense row i; else the header's index in ent
	tw  [4]int16 // transition weights
}

const (
	refDense  = 1 << 31
	denseBias = 1 << 15
	// denseMin is the number of relation weights from which a feature's
	// are kept dense: dense costs half a 64-bit addition a relation of
	// the arc's direction, sparse a decode and a scattered addition a
	// weight, several times more.
	denseMin = 32
)

// fuse builds the table of t (transitions) and l (relations, 2*nl classes).
func fuse(t *linear4, l *linear, nl int) *fused {
	keys := make([]uint32, 0, len(t.keys)+len(l.keys))
	keys = append(append(keys, t.keys...), l.keys...)
	slices.Sort(keys)
	keys = slices.Compact(keys)
	size := 1
	for size < 2*len(keys) {
		size <<= 1
	}
	half := (nl + 1) / 2
	m := &fused{slots: make([]fslot, size), mask: uint32(size - 1), ent: make([]uint32, 1, len(l.ent)+len(l.keys)+1), nl: nl, half: half}
	ti, li := 0, 0
	for _, k := range keys {
		s := fslot{key: k}
		if ti < len(t.keys) && t.keys[ti] == k {
			s.tw = t.rows[ti]
			ti++
		}
		if li < len(l.keys) && l.keys[li] == k {
			row := l.ent[l.off[li]:l.off[li+1]]
			li++
			switch {
			case len(row) >= denseMin:
				s.ref = refDense | uint32(len(m.dense)/(2*half))
				w := make([]int32, 4*half) // by lane: left relations, then right
				for _, e := range row {
					c := int(e & 0xff)
					if c >= nl {
						c += 2*half - nl
					}
					w[c] = int32(e) >> 16
				}
				for k := 0; k < len(w); k += 2 {
					lo, hi := uint64(w[k]+denseBias), uint64(w[k+1]+denseBias)
					m.dense = append(m.dense, hi<<32|lo)
				}
			case len(row) > 0:
				s.ref = uint32(len(m.ent))
				m.ent = append(m.ent, 0)
				left := 0
				for _, e := range row {
					if int(e&0xff) < nl {
						m.ent = append(m.ent, e)
						left++
					}
				}
				for _, e := range row {
					if int(e&0xff) >= nl {
						m.ent = append(m.ent, e)
					}
				}
				m.ent[s.ref] = uint32(len(row)) | uint32(left)<<16
			}
		}
		i := slotHome(k, m.mask)
		for m.slots[i].key != 0 {
			i = (i + 1) & m.mask
		}
		m.slots[i] = s
	}
	return m
}

// scoreBuf is the scratch of fused.score.
type scoreBuf struct {
	idx    [numParseFeats]uint32
	dense  [numParseFeats]uint32 // the dense rows to read
	sparse [numParseFeats]uint32 // refs of the sparse rows to read
	head   [numParseFeats]uint32 // and their headers
	acc    [128]uint64           // dense lanes: left half, then right half
}

// score adds the transition weights of feats to ts and the relation
// weights of the features whose indexes are in lf to ls: those of left
// arcs (classes 0..nl-1) if left, of right arcs if right; the others are
// left as they were.
func (m *fused) score(feats []uint32, lf []bool, left, right bool, sb *scoreBuf, ts *[4]int32, ls *[256]int32) {
	idx := sb.idx[:len(feats)]
	for i, f := range feats {
		j := slotHome(f, m.mask)
		for {
			k := m.slots[j].key
			if k == f || k == 0 {
				break
			}
			j = (j + 1) & m.mask
		}
		idx[i] = j
	}
	half := m.half
	accL, accR := sb.acc[:half], sb.acc[half:2*half]
	clear(sb.acc[:2*half])
	// First the slots' transition weights, and the headers of the sparse
	// rows asked for (a short loop, so that their cache misses overlap),
	// then the dense rows (few and often read, so in cache), then the
	// sparse ones.
	nd, ns := 0, 0
	for i, j := range idx {
		s := &m.slots[j]
		ts[0] += int32(s.tw[0])
		ts[1] += int32(s.tw[1])
		ts[2] += int32(s.tw[2])
		ts[3] += int32(s.tw[3])
		r := s.ref
		switch {
		case r == 0 || !lf[i]:
		case r&refDense != 0:
			sb.dense[nd] = r &^ refDense
			nd++
		default:
			sb.sparse[ns] = r
			sb.head[ns] = m.ent[r]
			ns++
		}
	}
	for _, d := range sb.dense[:nd] {
		row := m.dense[int(d)*2*half:][:2*half]
		if left {
			addLanes(accL, row[:half])
		}
		if right {
			addLanes(accR, row[half:])
		}
	}
	for k, r := range sb.sparse[:ns] {
		h := sb.head[k]
		n, nl := h&0xffff, h>>16
		ents := m.ent[r+1:][:n]
		if left {
			for _, e := range ents[:nl] {
				ls[e&0xff] += int32(e) >> 16
			}
		}
		if right {
			for _, e := range ents[nl:] {
				ls[e&0xff] += int32(e) >> 16
			}
		}
	}
	if nd == 0 {
		return
	}
	bias := int32(nd * denseBias)
	if left {
		for c := range m.nl {
			ls[c] += int32(uint32(accL[c/2]>>(32*uint(c%2)))) - bias
		}
	}
	if right {
		for c := range m.nl {
			ls[m.nl+c] += int32(uint32(accR[c/2]>>(32*uint(c%2)))) - bias
		}
	}
}

// addLanes adds row to acc, lane by lane (len(row) >= len(acc)).
func addLanes(acc, row []uint64) {
	row = row[:len(acc)]
	for len(acc) >= 4 {
		acc[0] += row[0]
		acc[1] += row[1]
		acc[2] += row[2]
		acc[3] += row[3]
		acc, row = acc[4:], row[4:]
	}
	for k, v := range row {
		acc[k] += v
	}
}

// table is a linear model laid out for tagging, as fused is for parsing
// but without transitions: a slot of 8 bytes names a feature's row,
// sparse (a header holding its length, then the entries as in linear) or,
// for a feature with at least dense weights, dense (two classes to a
// uint64, each lane the weight plus denseBias). A decision finds all its
// slots first, then reads their rows.
type table struct {
	slots  []tslot
	mask   uint32
	ent    []uint32
	dense  []uint64
	nclass int
	lanes  int // uint64s of a dense row: (nclass+1)/2
}

type tslot struct {
	key uint32
	ref uint32 // 0: empty; refDense|i: dense row i; else the header's index in ent
}

// newTable lays out m; a row of at least dense weights is kept dense.
func newTable(m *linear, dense int) *table {
	size := 1
	for size < 2*len(m.keys) {
		size <<= 1
	}
	t := &table{slots: make([]tslot, size), mask: uint32(size - 1), ent: make([]uint32, 1, len(m.ent)+len(m.keys)+1),
		nclass: m.nclass, lanes: (m.nclass + 1) / 2}
	w := make([]int32, 2*t.lanes)
	for r, k := range m.keys {
		row := m.ent[m.off[r]:m.off[r+1]]
		s := tslot{key: k}
		if len(row) >= dense {
			s.ref = refDense | uint32(len(t.dense)/t.lanes)
			clear(w)
			for _, e := range row {
				w[e&0xff] = int32(e) >> 16
			}
			for c := 0; c < len(w); c += 2 {
				lo, hi := uint64(w[c]+denseBias), uint64(w[c+1]+denseBias)
				t.dense = append(t.dense, hi<<32|lo)
			}
		} else {
			s.ref = uint32(len(t.ent))
			t.ent = append(t.ent, uint32(len(row)))
			t.ent = append(t.ent, row...)
		}
		i := slotHome(k, t.mask)
		for t.slots[i].key != 0 {
			i = (i + 1) & t.mask
		}
		t.slots[i] = s
	}
	return t
}

// tableBuf is the scratch of table.score, grown to the number of features.
type tableBuf struct {
	idx, dense, sparse, head []uint32
	acc                      [128]uint64
}

// score adds the weights of feats to scores (zeroed by the caller), in
// weight units.
func (t *table) score(feats []uint32, sb *tableBuf, scores *[256]int32) {
	if len(t.slots) == 0 {
		return
	}
	if len(sb.idx) < len(feats) {
		sb.idx = make([]uint32, len(feats))
		sb.dense = make([]uint32, len(feats))
		sb.sparse = make([]uint32, len(feats))
		sb.head = make([]uint32, len(feats))
	}
	idx := sb.idx[:len(feats)]
	for i, f := range feats {
		j := slotHome(f, t.mask)
		for {
			k := t.slots[j].key
			if k == f || k == 0 {
				break
			}
			j = (j + 1) & t.mask
		}
		idx[i] = j
	}
	acc := sb.acc[:t.lanes]
	clear(acc)
	// As in fused.score: the rows' headers first, in a short loop, so that
	// their cache misses overlap.
	nd, ns := 0, 0
	for _, j := range idx {
		r := t.slots[j].ref
		switch {
		case r == 0:
		case r&refDense != 0:
			sb.dense[nd] = r &^ refDense
			nd++
		default:
			sb.sparse[ns] = r
			sb.head[ns] = t.ent[r]
			ns++
		}
	}
	for _, d := range sb.dense[:nd] {
		addLanes(acc, t.dense[int(d)*len(acc):][:len(acc)])
	}
	for k, r := range sb.sparse[:ns] {
		for _, e := range t.ent[r+1:][:sb.head[k]] {
			scores[e&0xff] += int32(e) >> 16
		}
	}
	if nd == 0 {
		return
	}
	bias := int32(nd * denseBias)
	for c := range t.nclass {
		scores[c] += int32(uint32(acc[c/2]>>(32*uint(c%2)))) - bias
	}
}

// slotHome is where key's probe starts in a table of mask+1 slots
// (open addressing, Fibonacci hashing): the fused parser table and the
// tagger's table place and find their rows the same way.
func slotHome(key, mask uint32) uint32 { return (key * 0x9e3779b1) & mask }
