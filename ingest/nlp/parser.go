package nlp

import (
	"math/rand/v2"
	"slices"
)

// The parser is arc-eager (Nivre 2003) with a ROOT word at index 0 at the
// bottom of the stack: SHIFT, REDUCE, LEFT-l (the stack's top takes the
// buffer's front as head, with relation l) and RIGHT-l (the buffer's
// front takes the stack's top as head). A greedy averaged perceptron
// scores every labelled transition as the sum of two parts: the
// transition's weight over all 80 features, and the relation's (by arc
// direction) over the 29 of them that describe the two words an arc would
// join. The sum keeps the decision joint (a 4-way transition choice made
// before the relation was 1.2 UAS worse on EWT dev: relations are
// evidence for the transition) while each decision touches a third of
// the weights a fully labelled model does. Training follows Goldberg and
// Nivre's dynamic oracle (2012), exploring the model's own mistakes after
// the first epoch.

const (
	trShift = iota
	trReduce
	trLeft
	trRight
	numTrans
)

// labelFeats are the indexes, among the parser's features, of those the
// relation model of a newly trained parser sees (a model records its
// own): all of them. With the 29 that describe the two words an arc joins
// EWT dev UAS/LAS was 0.838/0.802, with 56 0.845/0.813, with all 80
// 0.847/0.816 (10 epochs).
var labelFeats = allParseFeats()

func allParseFeats() []int {
	fs := make([]int, numParseFeats)
	for i := range fs {
		fs[i] = i
	}
	return fs
}

// Parser assigns heads and relations to tagged words.
type Parser struct {
	trans  *linear4 // transitions
	label  *linear  // class dir*len(labels)+l: relation l of a left (0) or right (1) arc
	labels []string // relation names by id
	root   int      // id of "root"
	lfeat  []int    // indexes of the features the relation model sees
	isL    []bool   // by feature index: in lfeat
	table  *fused   // both models, for parsing

	trainers [2]*trainer // kept after training, for experiments
}

// move is a labelled transition.
type move struct{ tr, label int }

// parseState is a configuration of the transition system over words
// 1..n (0 is ROOT).
type parseState struct {
	n     int
	stack []int
	b     int // buffer front; the buffer is b..n
	heads []int
	labs  []int
	// children, for features: leftmost and second leftmost, rightmost and
	// second rightmost (-1 if none), counts and label sets.
	l1, l2, r1, r2 []int
	nl, nr         []int
	ls, rs         []uint64
	rootChild      int

	w []uint64 // word hashes, 0..n
	t []uint64 // tags, 0..n
}

const (
	noneTag   = uint64(numTags) + 1
	rootTag   = uint64(numTags) + 2
	noneLabel = 63
)

var (
	hashNone = hashString("<none>")
	hashRoot = hashString("<root>")
)

func (s *parseState) reset(n int) {
	s.n = n
	grow := func(a []int, v int) []int {
		a = slices.Grow(a[:0], n+1)[:n+1]
		for i := range a {
			a[i] = v
		}
		return a
	}
	s.heads, s.labs = grow(s.heads, -1), grow(s.labs, -1)
	s.l1, s.l2, s.r1, s.r2 = grow(s.l1, -1), grow(s.l2, -1), grow(s.r1, -1), grow(s.r2, -1)
	s.nl, s.nr = grow(s.nl, 0), grow(s.nr, 0)
	s.ls = slices.Grow(s.ls[:0], n+1)[:n+1]
	s.rs = slices.Grow(s.rs[:0], n+1)[:n+1]
	clear(s.ls)
	clear(s.rs)
	s.stack = append(s.stack[:0], 0)
	s.b = 1
	s.rootChild = -1
}

func (s *parseState) done() bool { return s.b > s.n }

func (s *parseState) addArc(h, d, l int) {
	s.heads[d], s.labs[d] = h, l
	if h == 0 {
		s.rootChild = d
	}
	if d < h {
		s.nl[h]++
		s.ls[h] |= 1 << uint(l&63)
		if s.l1[h] < 0 || d < s.l1[h] {
			s.l2[h] = s.l1[h]
			s.l1[h] = d
		} else if s.l2[h] < 0 || d < s.l2[h] {
			s.l2[h] = d
		}
	} else {
		s.nr[h]++
		s.rs[h] |= 1 << uint(l&63)
		if d > s.r1[h] {
			s.r2[h] = s.r1[h]
			s.r1[h] = d
		} else if d > s.r2[h] {
			s.r2[h] = d
		}
	}
}

// valid reports whether transition tr can apply.
func (s *parseState) valid(tr int) bool {
	if s.done() {
		return false
	}
	top := s.stack[len(s.stack)-1]
	switch tr {
	case trShift:
		return true
	case trReduce:
		return top != 0 && s.heads[top] >= 0
	case trLeft:
		return top != 0 && s.heads[top] < 0
	default:
		return top != 0 || s.rootChild < 0
	}
}

// apply applies transition tr; l is the relation of the arc it makes.
func (s *parseState) apply(tr, l int) {
	top := s.stack[len(s.stack)-1]
	switch tr {
	case trShift:
		s.stack = append(s.stack, s.b)
		s.b++
	case trReduce:
		s.stack = s.stack[:len(s.stack)-1]
	case trLeft:
		s.addArc(s.b, top, l)
		s.stack = s.stack[:len(s.stack)-1]
	default:
		s.addArc(top, s.b, l)
		s.stack = append(s.stack, s.b)
		s.b++
	}
}

// finish gives every word still without a head one: the word below it on
// the stack, else the root's child.
func (s *parseState) finish(fallback int) {
	for i := len(s.stack) - 1; i >= 1; i-- {
		d := s.stack[i]
		if s.heads[d] >= 0 {
			continue
		}
		h := s.stack[i-1]
		if h == 0 && s.rootChild >= 0 {
			h = s.rootChild
		}
		l := fallback
		if h == 0 {
			l = -1 // set by the caller: the root label
		}
		s.heads[d], s.labs[d] = h, l
		if h == 0 {
			s.rootChild = d
		}
	}
}

// cost is the number of gold arcs a transition makes unreachable
// (Goldberg and Nivre 2012), heads only: a move's relation is right when
// it is the gold one of an arc with the gold head.
func (s *parseState) cost(tr int, gh []int) int {
	top := s.stack[len(s.stack)-1]
	b := s.b
	c := 0
	switch tr {
	case trShift:
		for _, k := range s.stack {
			if gh[b] == k && !(k == 0 && s.rootChild >= 0) {
				c++
			}
			if k != 0 && gh[k] == b && s.heads[k] < 0 {
				c++
			}
		}
	case trReduce:
		for k := b; k <= s.n; k++ {
			if gh[k] == top {
				c++
			}
		}
	case trLeft: // top's head becomes b
		if gh[top] > b {
			c++
		}
		for k := b; k <= s.n; k++ {
			if gh[k] == top {
				c++
			}
		}
	default: // b's head becomes top
		if gh[b] != top {
			if gh[b] > b {
				c++
			} else {
				for _, k := range s.stack[:len(s.stack)-1] {
					if gh[b] == k && !(k == 0 && s.rootChild >= 0) {
						c++
						break
					}
				}
			}
		}
		for _, k := range s.stack {
			if k != 0 && gh[k] == b && s.heads[k] < 0 {
				c++
			}
		}
	}
	return c
}

// numParseFeats is the number of features a configuration has.
const numParseFeats = 80

// features writes the configuration's numParseFeats features to out.
func (s *parseState) features(out []uint32) []uint32 {
	at := func(i int) (uint64, uint64) {
		if i < 0 {
			return hashNone, noneTag
		}
		return s.w[i], s.t[i]
	}
	lab := func(i int) uint64 {
		if i < 0 || s.labs[i] < 0 {
			return noneLabel
		}
		return uint64(s.labs[i])
	}
	n := len(s.stack)
	s0, s1, s2 := s.stack[n-1], -1, -1
	if n > 1 {
		s1 = s.stack[n-2]
	}
	if n > 2 {
		s2 = s.stack[n-3]
	}
	n0, n1, n2 := -1, -1, -1
	if s.b <= s.n {
		n0 = s.b
	}
	if s.b+1 <= s.n {
		n1 = s.b + 1
	}
	if s.b+2 <= s.n {
		n2 = s.b + 2
	}
	s0w, s0t := at(s0)
	s1w, s1t := at(s1)
	_, s2t := at(s2)
	n0w, n0t := at(n0)
	n1w, n1t := at(n1)
	n2w, n2t := at(n2)
	s0h, s0h2 := -1, -1
	if s0 > 0 && s.heads[s0] >= 0 {
		s0h = s.heads[s0]
		if s0h > 0 && s.heads[s0h] >= 0 {
			s0h2 = s.heads[s0h]
		}
	}
	s0hw, s0ht := at(s0h)
	s0h2w, s0h2t := at(s0h2)
	s0l, s0l2, s0r, s0r2 := s.l1[s0], s.l2[s0], s.r1[s0], s.r2[s0]
	s0lw, s0lt := at(s0l)
	s0l2w, s0l2t := at(s0l2)
	s0rw, s0rt := at(s0r)
	s0r2w, s0r2t := at(s0r2)
	n0l, n0l2 := -1, -1
	if n0 > 0 {
		n0l, n0l2 = s.l1[n0], s.l2[n0]
	}
	n0lw, n0lt := at(n0l)
	n0l2w, n0l2t := at(n0l2)
	d := uint64(0)
	if n0 > 0 {
		d = uint64(min(n0-s0, 6))
		if s0 == 0 {
			d = 7
		}
	}
	vr, vl := uint64(min(s.nr[s0], 4)), uint64(min(s.nl[s0], 4))
	n0vl, n0sl := uint64(0), uint64(0)
	if n0 > 0 {
		n0vl, n0sl = uint64(min(s.nl[n0], 4)), s.ls[n0]
	}
	hasHead := uint64(0)
	if s0 > 0 && s.heads[s0] >= 0 {
		hasHead = 1
	}
	s0wt := s0w*31 + s0t
	n0wt := n0w*31 + n0t
	out = append(out,
		feat1(1, s0wt), feat1(2, s0w), feat1(3, s0t),
		feat1(4, n0wt), feat1(5, n0w), feat1(6, n0t),
		feat1(7, n1w*31+n1t), feat1(8, n1w), feat1(9, n1t),
		feat1(10, n2w*31+n2t), feat1(11, n2w), feat1(12, n2t),
		feat2(13, s0wt, n0wt), feat2(14, s0wt, n0w), feat2(15, s0w, n0wt),
		feat2(16, s0wt, n0t), feat2(17, s0t, n0wt), feat2(18, s0w, n0w), feat2(19, s0t, n0t),
		feat2(20, n0t, n1t),
		feat3(21, n0t, n1t, n2t), feat3(22, s0t, n0t, n1t), feat3(23, s0ht, s0t, n0t),
		feat3(24, s0t, s0lt, n0t), feat3(25, s0t, s0rt, n0t), feat3(26, s0t, n0t, n0lt),
		feat2(27, s0w, d), feat2(28, s0t, d), feat2(29, n0w, d), feat2(30, n0t, d),
		feat3(31, s0w, n0w, d), feat3(32, s0t, n0t, d),
		feat2(33, s0w, vr), feat2(34, s0t, vr), feat2(35, s0w, vl), feat2(36, s0t, vl),
		feat2(37, n0w, n0vl), feat2(38, n0t, n0vl),
		feat1(39, s0hw), feat1(40, s0ht), feat1(41, lab(s0)),
		feat1(42, s0lw), feat1(43, s0lt), feat1(44, lab(s0l)),
		feat1(45, s0rw), feat1(46, s0rt), feat1(47, lab(s0r)),
		feat1(48, n0lw), feat1(49, n0lt), feat1(50, lab(n0l)),
		feat1(51, s0h2w), feat1(52, s0h2t), feat1(53, lab(s0h)),
		feat1(54, s0l2w), feat1(55, s0l2t), feat1(56, lab(s0l2)),
		feat1(57, s0r2w), feat1(58, s0r2t), feat1(59, lab(s0r2)),
		feat1(60, n0l2w), feat1(61, n0l2t), feat1(62, lab(n0l2)),
		feat3(63, s0t, s0lt, s0l2t), feat3(64, s0t, s0rt, s0r2t),
		feat3(65, s0t, s0ht, s0h2t), feat3(66, n0t, n0lt, n0l2t),
		feat2(67, s0w, s.rs[s0]), feat2(68, s0t, s.rs[s0]),
		feat2(69, s0w, s.ls[s0]), feat2(70, s0t, s.ls[s0]),
		feat2(71, n0w, n0sl), feat2(72, n0t, n0sl),
		feat1(73, s1w), feat1(74, s1t), feat2(75, s1t, s0t), feat3(76, s1t, s0t, n0t),
		feat3(77, s2t, s1t, s0t),
		feat2(78, s0t, hasHead), feat3(79, s0t, hasHead, n0t), feat3(80, s0wt, hasHead, n0t),
	)
	return out
}

// parseBuf holds one goroutine's parsing buffers.
type parseBuf struct {
	st     parseState
	feats  []uint32
	sb     scoreBuf
	lfeats []uint32
	ts     [4]int32
	ls     [256]int32
}

// parse fills heads (1-based, 0 for the root) and labels for the words
// whose hashes and tags the state was loaded with.
func (p *Parser) parse(pb *parseBuf, heads []int, labels []string) {
	s := &pb.st
	for !s.done() {
		p.scoreMoves(pb)
		m, _ := p.best(pb, nil, nil)
		s.apply(m.tr, m.label)
	}
	p.complete(s)
	for i := 1; i <= s.n; i++ {
		heads[i-1] = s.heads[i]
		labels[i-1] = p.labels[s.labs[i]]
	}
}

// scoreMoves computes the features of the configuration and the scores
// of its transitions and relations.
func (p *Parser) scoreMoves(pb *parseBuf) {
	s := &pb.st
	pb.feats = s.features(pb.feats[:0])
	pb.ts = [4]int32{}
	clear(pb.ls[:2*len(p.labels)])
	// best reads the relation scores of valid arcs only.
	p.table.score(pb.feats, p.isL, s.valid(trLeft), s.valid(trRight), &pb.sb, &pb.ts, &pb.ls)
}

// prepare builds the parser's parsing table from its two models.
func (p *Parser) prepare() {
	p.isL = make([]bool, numParseFeats)
	for _, i := range p.lfeat {
		p.isL[i] = true
	}
	p.table = fuse(p.trans, p.label, len(p.labels))
}

// best returns the highest-scoring valid move; with gold heads (gh, gl)
// it returns the highest-scoring move that costs no reachable gold arc
// instead, and false if there is none.
func (p *Parser) best(pb *parseBuf, gh, gl []int) (move, bool) {
	s := &pb.st
	nl := len(p.labels)
	best, found := move{-1, -1}, false
	var top int32
	try := func(m move, v int32) {
		if !found || v > top {
			best, top, found = m, v, true
		}
	}
	for tr := range numTrans {
		if !s.valid(tr) {
			continue
		}
		if gh != nil && s.cost(tr, gh) > 0 {
			continue
		}
		v := pb.ts[tr]
		switch tr {
		case trShift, trReduce:
			try(move{tr, -1}, v)
			continue
		}
		dep, head, base := s.stack[len(s.stack)-1], s.b, 0
		if tr == trRight {
			dep, head, base = s.b, dep, nl
			if head == 0 {
				try(move{tr, p.root}, v+pb.ls[base+p.root])
				continue
			}
		}
		if gh != nil && gh[dep] == head {
			try(move{tr, gl[dep]}, v+pb.ls[base+gl[dep]])
			continue
		}
		l := -1
		for c := range nl {
			if c != p.root && (l < 0 || pb.ls[base+c] > pb.ls[base+l]) {
				l = c
			}
		}
		try(move{tr, l}, v+pb.ls[base+l])
	}
	return best, found
}

// complete attaches the words left without a head.
func (p *Parser) complete(s *parseState) {
	dep := slices.Index(p.labels, "dep")
	if dep < 0 {
		dep = 0
	}
	s.finish(dep)
	for i := 1; i <= s.n; i++ {
		if s.labs[i] < 0 {
			s.labs[i] = p.root
		}
	}
}

func (s *parseState) load(words []uint64, tags []Tag) {
	s.reset(len(words))
	s.w = append(s.w[:0], hashRoot)
	s.t = append(s.t[:0], rootTag)
	s.w = append(s.w, words...)
	for _, t := range tags {
		s.t = append(s.t, uint64(t))
	}
}

// ParserConfig sets how a parser is trained.
type ParserConfig struct {
	Epochs int    // passes over the data (default 15)
	Seed   uint64 // shuffling and exploration seed
	// Explore is the probability of following the model's own prediction
	// instead of the oracle's after the first epoch (default 0.9).
	Explore float64
	// MinHits drops features updated fewer times from the model, and
	// MinWeight the averaged weights smaller than that fraction of the
	// largest of their feature's.
	MinHits   int
	MinWeight float64
	// Progress, if set, reports each training step.
	Progress func(format string, args ...any)
}

// parseItem is one training sentence: word hashes, the tags the tagger
// gives them, and the gold tree made projective.
type parseItem struct {
	words []uint64
	tags  []Tag
	gh    []int // 0..n, gh[0] unused
	gl    []int
}

// TrainParser learns a parser from sentences with gold trees; tags[i] are
// the tags to train on for sentence i (a tagger's output, so that the
// parser learns from the tags it will see), or nil for the gold tags.
func TrainParser(sents []Sentence, tags [][]Tag, cfg ParserConfig) *Parser {
	if cfg.Epochs == 0 {
		cfg.Epochs = 15
	}
	if cfg.Explore == 0 {
		cfg.Explore = 0.9
	}
	p := &Parser{lfeat: slices.Clone(labelFeats)}
	labelID := map[string]int{}
	for _, s := range sents {
		for _, w := range s.Words {
			if _, ok := labelID[w.Deprel]; !ok {
				labelID[w.Deprel] = -1
			}
		}
	}
	for l := range labelID {
		p.labels = append(p.labels, l)
	}
	slices.Sort(p.labels)
	for i, l := range p.labels {
		labelID[l] = i
	}
	p.root = labelID["root"]
	items := make([]parseItem, 0, len(sents))
	for si, s := range sents {
		it := parseItem{words: make([]uint64, len(s.Words)), gh: make([]int, len(s.Words)+1), gl: make([]int, len(s.Words)+1)}
		bad := false
		for i, w := range s.Words {
			it.words[i] = hashString(normalize(w.Form))
			if w.Head < 0 {
				bad = true
			}
			it.gh[i+1], it.gl[i+1] = w.Head, labelID[w.Deprel]
		}
		if bad {
			continue
		}
		if tags != nil {
			it.tags = tags[si]
		} else {
			it.tags = make([]Tag, len(s.Words))
			for i, w := range s.Words {
				it.tags[i], _ = ParseTag(w.UPOS)
			}
		}
		projectivize(it.gh)
		items = append(items, it)
	}
	ttr, ltr := newTrainer(numTrans), newTrainer(2*len(p.labels))
	rng := rand.New(rand.NewPCG(cfg.Seed, 0x9a2))
	order := make([]int, len(items))
	for i := range order {
		order[i] = i
	}
	var pb parseBuf
	nl := len(p.labels)
	lclass := func(m move) int {
		if m.tr == trRight {
			return nl + m.label
		}
		return m.label
	}
	var tsf [4]float32
	lsf := make([]float32, 2*nl)
	for ep := 0; ep < cfg.Epochs; ep++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		right, total := 0, 0
		for _, k := range order {
			it := &items[k]
			s := &pb.st
			s.load(it.words, it.tags)
			for !s.done() {
				pb.feats = s.features(pb.feats[:0])
				pb.lfeats = pb.lfeats[:0]
				for _, i := range p.lfeat {
					pb.lfeats = append(pb.lfeats, pb.feats[i])
				}
				tsf = [4]float32{}
				ttr.score(pb.feats, tsf[:])
				clear(lsf)
				ltr.score(pb.lfeats, lsf)
				// The trainers score in floats; best compares int32s, so
				// scale them to keep the order of scores.
				for i, v := range tsf {
					pb.ts[i] = int32(v * 1024)
				}
				for i, v := range lsf {
					pb.ls[i] = int32(v * 1024)
				}
				guess, _ := p.best(&pb, nil, nil)
				gold, ok := p.best(&pb, it.gh, it.gl)
				ttr.tick()
				ltr.tick()
				if !ok {
					// No move keeps every reachable arc (a tree the
					// projectivisation did not fix): follow the model.
					s.apply(guess.tr, guess.label)
					continue
				}
				total++
				if guess == gold {
					right++
				} else {
					ttr.update(pb.feats, gold.tr, guess.tr)
					ga, pa := gold.label >= 0, guess.label >= 0
					switch {
					case ga && pa:
						ltr.update(pb.lfeats, lclass(gold), lclass(guess))
					case ga:
						ltr.push(pb.lfeats, lclass(gold), 1)
					case pa:
						ltr.push(pb.lfeats, lclass(guess), -1)
					}
				}
				next := gold
				if ep > 0 && rng.Float64() < cfg.Explore {
					next = guess
				}
				s.apply(next.tr, next.label)
			}
		}
		if cfg.Progress != nil {
			cfg.Progress("parser epoch %d: %.4f of moves kept every reachable arc", ep+1, float64(right)/float64(max(total, 1)))
		}
	}
	p.freeze(ttr, ltr, cfg)
	p.trainers = [2]*trainer{ttr, ltr}
	return p
}

// freeze makes the parser's models from its trainers, with one weight
// unit for both since their scores are added.
func (p *Parser) freeze(ttr, ltr *trainer, cfg ParserConfig) {
	scale := max(ttr.maxWeight(cfg.MinHits), ltr.maxWeight(cfg.MinHits)) / 32767
	if scale == 0 {
		scale = 1
	}
	p.trans = ttr.freeze4(cfg.MinHits, scale)
	p.label = ltr.freezeScaled(cfg.MinHits, cfg.MinWeight, scale)
	p.prepare()
}

// projectivize lifts the arcs that cross others, shortest first, to the
// head's head until the tree is projective (heads 1-based, index 0 unused).
func projectivize(h []int) {
	n := len(h) - 1
	for iter := 0; iter < 4*n; iter++ {
		worst, span := -1, 1<<30
		for d := 1; d <= n; d++ {
			if !projectiveArc(h, d) {
				lo, hi := min(d, h[d]), max(d, h[d])
				if hi-lo < span {
					worst, span = d, hi-lo
				}
			}
		}
		if worst < 0 || h[worst] == 0 {
			return
		}
		h[worst] = h[h[worst]]
	}
}

// projectiveArc reports whether every word between d and its head
// descends from the head.
func projectiveArc(h []int, d int) bool {
	lo, hi := min(d, h[d]), max(d, h[d])
	for k := lo + 1; k < hi; k++ {
		a := k
		for steps := 0; a != h[d] && a != 0 && steps < len(h); steps++ {
			a = h[a]
		}
		if a != h[d] {
			return false
		}
	}
	return true
}
