package nlp

import (
	"math"
	"math/rand/v2"
	"slices"
)

// tokFeat is what the tagger's features know of one word, computed once.
type tokFeat struct {
	w, shape               uint64
	pre1, pre2, pre3       uint64
	suf1, suf2, suf3, suf4 uint64
	pre4, suf5, raw        uint64
	flags, amb             uint64
	sure                   int8 // the tag of a frequent unambiguous word, else -1
}

// tagEntry is the tag dictionary's knowledge of one normalised form: the
// tags it was seen with, and the one it always has if it is frequent and
// unambiguous.
type tagEntry struct {
	mask uint32
	sure int8
}

// Tagger assigns UPOS tags: a greedy left-to-right averaged perceptron.
type Tagger struct {
	model *linear
	dict  map[string]tagEntry
	table *table // model, for tagging
}

// tagDense is the number of weights from which a tagger feature's row is
// kept dense (nine 64-bit additions for the seventeen tags).
const tagDense = 8

func (tg *Tagger) prepareTable() { tg.table = newTable(tg.model, tagDense) }

const (
	tagStart  = uint64(numTags)     // tag before the sentence
	tagStart2 = uint64(numTags) + 1 // two before
)

var (
	hashBOS = hashString("<s>")
	hashEOS = hashString("</s>")
)

func (tg *Tagger) prepare(forms []string, buf []tokFeat) []tokFeat {
	buf = buf[:0]
	for _, f := range forms {
		n := normalize(f)
		tf := tokFeat{
			w:     hashString(n),
			shape: hashString(shape(f)),
			pre1:  hashString(prefix(n, 1)),
			pre2:  hashString(prefix(n, 2)),
			pre3:  hashString(prefix(n, 3)),
			suf1:  hashString(suffix(n, 1)),
			suf2:  hashString(suffix(n, 2)),
			suf3:  hashString(suffix(n, 3)),
			suf4:  hashString(suffix(n, 4)),
			pre4:  hashString(prefix(n, 4)),
			suf5:  hashString(suffix(n, 5)),
			raw:   hashString(f),
			flags: flagsOf(f),
			sure:  -1,
		}
		if e, ok := tg.dict[n]; ok {
			tf.amb = uint64(e.mask)
			tf.sure = e.sure
		} else {
			tf.amb = unknownAmb
		}
		buf = append(buf, tf)
	}
	return buf
}

// tagFeatures writes the features of word i to out, given the tags of the
// words before it.
func tagFeatures(out []uint32, toks []tokFeat, tags []Tag, i int) []uint32 {
	t := &toks[i]
	p1w, p2w, n1w, n2w := hashBOS, hashBOS, hashEOS, hashEOS
	p1s, n1s := hashBOS, hashEOS
	p1sh, n1sh := hashBOS, hashEOS
	n1a, n2a := uint64(1<<30), uint64(1<<30)
	p1t, p2t := tagStart, tagStart2
	p1f, n1f := uint64(1<<9), uint64(1<<9)
	if i > 0 {
		p := &toks[i-1]
		p1w, p1s, p1sh, p1t, p1f = p.w, p.suf3, p.shape, uint64(tags[i-1]), p.flags
		if i > 1 {
			p2w, p2t = toks[i-2].w, uint64(tags[i-2])
		} else {
			p2t = tagStart
		}
	}
	if i+1 < len(toks) {
		n := &toks[i+1]
		n1w, n1s, n1sh, n1a, n1f = n.w, n.suf3, n.shape, n.amb, n.flags
		if i+2 < len(toks) {
			n2w, n2a = toks[i+2].w, toks[i+2].amb
		}
	}
	first := uint64(0)
	if i == 0 {
		first = 1 << 8
	}
	out = append(out,
		feat1(0, 0),
		feat1(1, t.w),
		feat1(2, t.suf1), feat1(3, t.suf2), feat1(4, t.suf3), feat1(5, t.suf4),
		feat1(6, t.pre1), feat1(7, t.pre2), feat1(8, t.pre3),
		feat1(9, t.shape),
		feat1(10, t.flags|first),
		feat1(11, p1w), feat1(12, p2w), feat1(13, n1w), feat1(14, n2w),
		feat1(15, p1s), feat1(16, n1s),
		feat1(17, p1t), feat2(18, p2t, p1t), feat2(19, p1t, t.w),
		feat1(20, t.amb), feat1(21, n1a), feat1(22, n2a), feat2(23, p1t, n1a),
		feat2(24, p1w, t.w), feat2(25, t.w, n1w),
		feat1(26, p1sh), feat1(27, n1sh),
		feat2(29, t.suf3, p1t), feat2(30, t.amb, n1a), feat2(31, p1t, t.amb),
		feat2(32, t.shape, n1sh), feat3(33, p1t, t.suf2, n1a),
		feat1(34, t.pre4), feat1(35, t.suf5), feat1(36, t.raw),
		feat2(37, p1f, t.flags|first), feat2(38, t.flags|first, n1f),
	)
	return out
}

// tagState holds the buffers of one tagging goroutine.
type tagState struct {
	toks   []tokFeat
	feats  []uint32
	sb     tableBuf
	scores [256]int32
}

// tag tags forms into tags (len(forms)), left to right. Right context
// enters through the next words' forms and ambiguity classes (the tags
// the training data gave them); a second pass over first-pass tags of the
// words ahead was tried and gained nothing on EWT dev (0.9493 both ways).
func (tg *Tagger) tag(st *tagState, forms []string, tags []Tag) {
	st.toks = tg.prepare(forms, st.toks)
	for i := range st.toks {
		if s := st.toks[i].sure; s >= 0 {
			tags[i] = Tag(s)
			continue
		}
		st.feats = tagFeatures(st.feats[:0], st.toks, tags, i)
		clear(st.scores[:numTags])
		tg.table.score(st.feats, &st.sb, &st.scores)
		if st.toks[i].amb == unknownAmb && st.toks[i].flags&flagPunct == 0 {
			// The closed classes (prepositions, determiners, pronouns,
			// auxiliaries, conjunctions, particles) are all in the
			// training data: a word it never saw is of an open class.
			for _, c := range closedTags {
				st.scores[c] = math.MinInt32
			}
		}
		tags[i] = Tag(argmax32(st.scores[:numTags]))
	}
}

// unknownAmb is the ambiguity class of a word the dictionary lacks.
const unknownAmb = 1 << 31

// closedTags are the word classes whose members the treebank lists.
var closedTags = [...]Tag{ADP, AUX, CCONJ, DET, PART, PRON, SCONJ, PUNCT}

func argmax(s []float32) int {
	best := 0
	for i := 1; i < len(s); i++ {
		if s[i] > s[best] {
			best = i
		}
	}
	return best
}

// TaggerConfig sets how a tagger is trained.
type TaggerConfig struct {
	Epochs int    // passes over the data (default 10)
	Seed   uint64 // shuffling seed
	// MinHits drops features updated fewer times from the model, and
	// MinWeight the averaged weights smaller than that fraction of the
	// largest of their feature's.
	MinHits   int
	MinWeight float64
	// Progress, if set, reports each training step.
	Progress func(format string, args ...any)
}

type tagItem struct {
	forms []string
	gold  []Tag
}

// TrainTagger learns a tagger from sentences with gold UPOS tags.
func TrainTagger(sents []Sentence, cfg TaggerConfig) *Tagger {
	if cfg.Epochs == 0 {
		cfg.Epochs = 10
	}
	items := make([]tagItem, len(sents))
	for i, s := range sents {
		it := tagItem{forms: make([]string, len(s.Words)), gold: make([]Tag, len(s.Words))}
		for j, w := range s.Words {
			it.forms[j] = w.Form
			it.gold[j], _ = ParseTag(w.UPOS)
		}
		items[i] = it
	}
	tg := &Tagger{dict: buildTagDict(sents)}
	tg.model = trainTagModel(tg, items, cfg)
	tg.prepareTable()
	return tg
}

// trainTagModel runs the perceptron's epochs over items.
func trainTagModel(tg *Tagger, items []tagItem, cfg TaggerConfig) *linear {
	tr := newTrainer(int(numTags))
	order := make([]int, len(items))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewPCG(cfg.Seed, 0x7a6))
	var st tagState
	var tags []Tag
	scores := make([]float32, numTags)
	for ep := 0; ep < cfg.Epochs; ep++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		right, total := 0, 0
		for _, k := range order {
			it := &items[k]
			st.toks = tg.prepare(it.forms, st.toks)
			tags = slices.Grow(tags[:0], len(it.forms))[:len(it.forms)]
			for i := range st.toks {
				if s := st.toks[i].sure; s >= 0 {
					tags[i] = Tag(s)
					continue
				}
				st.feats = tagFeatures(st.feats[:0], st.toks, tags, i)
				clear(scores)
				tr.score(st.feats, scores)
				guess := argmax(scores)
				tr.tick()
				tr.update(st.feats, int(it.gold[i]), guess)
				if guess == int(it.gold[i]) {
					right++
				}
				total++
				tags[i] = Tag(guess)
			}
		}
		if cfg.Progress != nil {
			cfg.Progress("tagger epoch %d: training accuracy %.4f", ep+1, float64(right)/float64(max(total, 1)))
		}
	}
	return tr.freeze(cfg.MinHits, cfg.MinWeight)
}

// buildTagDict counts the tags of every normalised form. A form seen at
// least 20 times with one tag 99.5% of the time is "sure".
func buildTagDict(sents []Sentence) map[string]tagEntry {
	counts := map[string]*[numTags]int{}
	for _, s := range sents {
		for _, w := range s.Words {
			t, ok := ParseTag(w.UPOS)
			if !ok {
				continue
			}
			n := normalize(w.Form)
			c := counts[n]
			if c == nil {
				c = new([numTags]int)
				counts[n] = c
			}
			c[t]++
		}
	}
	dict := make(map[string]tagEntry, len(counts))
	for n, c := range counts {
		total, best := 0, 0
		var mask uint32
		for t, k := range c {
			total += k
			if k > c[best] {
				best = t
			}
		}
		for t, k := range c {
			// A tag seen for under 1% of the form's uses is noise for the
			// ambiguity class.
			if k > 0 && k*100 >= total {
				mask |= 1 << t
			}
		}
		if total < 2 {
			// Words seen once stay out: at test time unknown words have no
			// ambiguity class, and the hapaxes teach the model that case.
			continue
		}
		e := tagEntry{mask: mask, sure: -1}
		if total >= 20 && float64(c[best]) >= 0.995*float64(total) {
			e.sure = int8(best)
		}
		dict[n] = e
	}
	return dict
}
