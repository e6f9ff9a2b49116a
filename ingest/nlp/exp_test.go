package nlp

import (
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

func loadUD(t testing.TB, name string) []Sentence {
	f, err := os.Open("../../../shared/ud/en_ewt/en_ewt-ud-" + name + ".conllu")
	if err != nil {
		t.Skip(err)
	}
	defer f.Close()
	s, err := ReadCoNLLU(name, f)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestExpTagger(t *testing.T) {
	if os.Getenv("NLPEXP") == "" {
		t.Skip()
	}
	train, dev := loadUD(t, "train"), loadUD(t, "dev")
	t0 := time.Now()
	tg := TrainTagger(train, TaggerConfig{Epochs: envInt("EP", 10), Seed: 1, Progress: t.Logf})
	t.Logf("trained in %v, %d features, %d weights", time.Since(t0), len(tg.model.keys), len(tg.model.ent))
	var st tagState
	right, total := 0, 0
	t0 = time.Now()
	for _, s := range dev {
		forms := make([]string, len(s.Words))
		for i, w := range s.Words {
			forms[i] = w.Form
		}
		tags := make([]Tag, len(forms))
		tg.tag(&st, forms, tags)
		for i, w := range s.Words {
			if tags[i].String() == w.UPOS {
				right++
			}
			total++
		}
	}
	t.Logf("test %.4f pud %.4f", upos(tg, loadUD(t, "test")), upos(tg, loadPUD(t)))
	tagErrors(t, tg, dev, train)
	tagExamples(t, tg, dev, "PROPN>NOUN", 40)
	tagExamples(t, tg, dev, "NOUN>PROPN", 20)
	t.Logf("dev UPOS %.4f (%d tokens, %.0f tok/s)", float64(right)/float64(total), total, float64(total)/time.Since(t0).Seconds())
}

func tagErrors(t *testing.T, tg *Tagger, dev []Sentence, train []Sentence) {
	seen := map[string]bool{}
	for _, s := range train {
		for _, w := range s.Words {
			seen[normalize(w.Form)] = true
		}
	}
	var st tagState
	conf := map[string]int{}
	kr, kt, ur, ut := 0, 0, 0, 0
	for _, s := range dev {
		forms := make([]string, len(s.Words))
		for i, w := range s.Words {
			forms[i] = w.Form
		}
		tags := make([]Tag, len(forms))
		tg.tag(&st, forms, tags)
		for i, w := range s.Words {
			ok := tags[i].String() == w.UPOS
			if seen[normalize(w.Form)] {
				kt++
				if ok {
					kr++
				}
			} else {
				ut++
				if ok {
					ur++
				}
			}
			if !ok {
				conf[w.UPOS+">"+tags[i].String()]++
			}
		}
	}
	t.Logf("known %.4f (%d) unknown %.4f (%d)", float64(kr)/float64(kt), kt, float64(ur)/float64(ut), ut)
	type kv struct {
		k string
		v int
	}
	var kvs []kv
	for k, v := range conf {
		kvs = append(kvs, kv{k, v})
	}
	slices.SortFunc(kvs, func(a, b kv) int { return b.v - a.v })
	for _, x := range kvs[:min(20, len(kvs))] {
		t.Logf("%s %d", x.k, x.v)
	}
}

func envInt(k string, d int) int {
	if v := os.Getenv(k); v != "" {
		n, _ := strconv.Atoi(v)
		return n
	}
	return d
}

func tagExamples(t *testing.T, tg *Tagger, dev []Sentence, pair string, n int) {
	var st tagState
	for _, s := range dev {
		forms := make([]string, len(s.Words))
		for i, w := range s.Words {
			forms[i] = w.Form
		}
		tags := make([]Tag, len(forms))
		tg.tag(&st, forms, tags)
		for i, w := range s.Words {
			if w.UPOS+">"+tags[i].String() == pair && n > 0 {
				n--
				lo, hi := max(0, i-4), min(len(forms), i+4)
				t.Logf("%s: %v [%s] %v", pair, forms[lo:i], forms[i], forms[i+1:hi])
			}
		}
	}
}

func loadPUD(t testing.TB) []Sentence {
	f, err := os.Open("../../../shared/ud/en_pud/en_pud-ud-test.conllu")
	if err != nil {
		t.Skip(err)
	}
	defer f.Close()
	s, err := ReadCoNLLU("pud", f)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func upos(tg *Tagger, ss []Sentence) float64 {
	var st tagState
	right, total := 0, 0
	for _, s := range ss {
		forms := make([]string, len(s.Words))
		for i, w := range s.Words {
			forms[i] = w.Form
		}
		tags := make([]Tag, len(forms))
		tg.tag(&st, forms, tags)
		for i, w := range s.Words {
			if tags[i].String() == w.UPOS {
				right++
			}
			total++
		}
	}
	return float64(right) / float64(total)
}

func TestExpParser(t *testing.T) {
	if os.Getenv("NLPEXP") == "" {
		t.Skip()
	}
	train, dev := loadUD(t, "train"), loadUD(t, "dev")
	tg := TrainTagger(train, TaggerConfig{Epochs: 10, Seed: 1})
	t0 := time.Now()
	p := TrainParser(train, nil, ParserConfig{Epochs: envInt("PEP", 15), Seed: 1, Progress: t.Logf})
	t.Logf("parser trained in %v, %d features, %d weights", time.Since(t0), len(p.trans.keys)+len(p.label.keys), len(p.trans.keys)*4+len(p.label.ent))
	for _, set := range []struct {
		name string
		ss   []Sentence
	}{{"dev", dev}, {"test", loadUD(t, "test")}, {"pud", loadPUD(t)}} {
		var st tagState
		var pb parseBuf
		uas, las, total := 0, 0, 0
		t0 = time.Now()
		for _, s := range set.ss {
			forms := make([]string, len(s.Words))
			words := make([]uint64, len(s.Words))
			for i, w := range s.Words {
				forms[i] = w.Form
				words[i] = hashString(normalize(w.Form))
			}
			tags := make([]Tag, len(forms))
			tg.tag(&st, forms, tags)
			heads := make([]int, len(forms))
			labels := make([]string, len(forms))
			pb.st.load(words, tags)
			p.parse(&pb, heads, labels)
			for i, w := range s.Words {
				total++
				if heads[i] == w.Head {
					uas++
					if univ(labels[i]) == univ(w.Deprel) {
						las++
					}
				}
			}
		}
		t.Logf("%s UAS %.4f LAS %.4f (%.0f tok/s)", set.name, float64(uas)/float64(total), float64(las)/float64(total), float64(total)/time.Since(t0).Seconds())
	}
}

func univ(l string) string {
	if i := strings.IndexByte(l, ':'); i >= 0 {
		return l[:i]
	}
	return l
}

func jackknife(train []Sentence, folds int) [][]Tag {
	out := make([][]Tag, len(train))
	for k := 0; k < folds; k++ {
		var in []Sentence
		for i, s := range train {
			if i%folds != k {
				in = append(in, s)
			}
		}
		tg := TrainTagger(in, TaggerConfig{Epochs: 10, Seed: 1})
		var st tagState
		for i, s := range train {
			if i%folds != k {
				continue
			}
			forms := make([]string, len(s.Words))
			for j, w := range s.Words {
				forms[j] = w.Form
			}
			out[i] = make([]Tag, len(forms))
			tg.tag(&st, forms, out[i])
		}
	}
	return out
}

func evalParse(t *testing.T, name string, tg *Tagger, p *Parser, ss []Sentence) {
	var st tagState
	var pb parseBuf
	uas, las, total := 0, 0, 0
	t0 := time.Now()
	for _, s := range ss {
		forms := make([]string, len(s.Words))
		words := make([]uint64, len(s.Words))
		for i, w := range s.Words {
			forms[i] = w.Form
			words[i] = hashString(normalize(w.Form))
		}
		tags := make([]Tag, len(forms))
		tg.tag(&st, forms, tags)
		heads := make([]int, len(forms))
		labels := make([]string, len(forms))
		pb.st.load(words, tags)
		p.parse(&pb, heads, labels)
		for i, w := range s.Words {
			total++
			if heads[i] == w.Head {
				uas++
				if univ(labels[i]) == univ(w.Deprel) {
					las++
				}
			}
		}
	}
	t.Logf("%s UAS %.4f LAS %.4f (%.0f tok/s) feats %d weights %d", name, float64(uas)/float64(total), float64(las)/float64(total), float64(total)/time.Since(t0).Seconds(), len(p.trans.keys)+len(p.label.keys), len(p.trans.keys)*4+len(p.label.ent))
}

func TestExpParser2(t *testing.T) {
	if os.Getenv("NLPEXP") == "" {
		t.Skip()
	}
	train, dev := loadUD(t, "train"), loadUD(t, "dev")
	tg := TrainTagger(train, TaggerConfig{Epochs: 10, Seed: 1})
	var jt [][]Tag
	if os.Getenv("JK") != "" {
		jt = jackknife(train, 5)
	}
	base := append([]int(nil), labelFeats...)
	mid := append(append([]int(nil), base...), 6, 9, 20, 23, 26, 28, 32, 33, 35, 36, 37, 38, 41, 44, 47, 53, 62, 65, 66, 69, 72, 73, 74, 76, 77, 78, 79)
	all := make([]int, 80)
	for i := range all {
		all[i] = i
	}
	variants := map[string][]int{"29": base, "56": mid, "80": all}
	for _, v := range strings.Split(os.Getenv("LF"), ",") {
		labelFeats = variants[v]
		t0 := time.Now()
		p := TrainParser(train, jt, ParserConfig{Epochs: envInt("PEP", 15), Seed: 1})
		t.Logf("label feats %s: parser trained in %v", v, time.Since(t0))
		if os.Getenv("ERR") != "" {
			punctErrors(t, tg, p, loadPUD(t), 12)
			errByLabel(t, tg, p, loadPUD(t))
			errByLabel(t, tg, p, dev)
		}
		for _, mh := range []int{2, 4} {
			p.freeze(p.trainers[0], p.trainers[1], ParserConfig{MinHits: mh})
			evalParse(t, v+"/dev@"+strconv.Itoa(mh), tg, p, dev)
		}
		evalParse(t, v+"/pud@4", tg, p, loadPUD(t))
	}
}

func BenchmarkExpParse(b *testing.B) {
	train, dev := loadUD(b, "train"), loadUD(b, "dev")
	tg := TrainTagger(train[:4000], TaggerConfig{Epochs: 5, Seed: 1})
	p := TrainParser(train[:4000], nil, ParserConfig{Epochs: 5, Seed: 1})
	p.freeze(p.trainers[0], p.trainers[1], ParserConfig{MinHits: 2})
	var st tagState
	var pb parseBuf
	type sent struct {
		forms []string
		words []uint64
	}
	var ss []sent
	ntok := 0
	for _, s := range dev {
		x := sent{}
		for _, w := range s.Words {
			x.forms = append(x.forms, w.Form)
			x.words = append(x.words, hashString(normalize(w.Form)))
		}
		ntok += len(x.forms)
		ss = append(ss, x)
	}
	tags := make([]Tag, 500)
	heads := make([]int, 500)
	labels := make([]string, 500)
	b.ResetTimer()
	c0 := cpuTime()
	for i := 0; i < b.N; i++ {
		for _, s := range ss {
			n := len(s.forms)
			tg.tag(&st, s.forms, tags[:n])
			pb.st.load(s.words, tags[:n])
			p.parse(&pb, heads[:n], labels[:n])
		}
	}
	b.ReportMetric(float64(ntok*b.N)/b.Elapsed().Seconds(), "tok/s")
	b.ReportMetric(float64(ntok*b.N)/(cpuTime()-c0).Seconds(), "tok/cpu-s")
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func errByLabel(t *testing.T, tg *Tagger, p *Parser, ss []Sentence) {
	var st tagState
	var pb parseBuf
	wrong := map[string]int{}
	all := map[string]int{}
	lens := map[int][2]int{}
	for _, s := range ss {
		forms := make([]string, len(s.Words))
		words := make([]uint64, len(s.Words))
		for i, w := range s.Words {
			forms[i] = w.Form
			words[i] = hashString(normalize(w.Form))
		}
		tags := make([]Tag, len(forms))
		tg.tag(&st, forms, tags)
		heads := make([]int, len(forms))
		labels := make([]string, len(forms))
		pb.st.load(words, tags)
		p.parse(&pb, heads, labels)
		b := min(len(forms)/10, 5)
		x := lens[b]
		for i, w := range s.Words {
			all[univ(w.Deprel)]++
			x[1]++
			if heads[i] != w.Head {
				wrong[univ(w.Deprel)]++
			} else {
				x[0]++
			}
		}
		lens[b] = x
	}
	type kv struct {
		k    string
		v, n int
	}
	var kvs []kv
	for k, v := range wrong {
		kvs = append(kvs, kv{k, v, all[k]})
	}
	slices.SortFunc(kvs, func(a, b kv) int { return b.v - a.v })
	for _, x := range kvs[:min(15, len(kvs))] {
		t.Logf("%-10s wrong %4d of %5d (%.2f)", x.k, x.v, x.n, float64(x.v)/float64(x.n))
	}
	for b := 0; b <= 5; b++ {
		x := lens[b]
		t.Logf("len %d0+: UAS %.4f over %d", b, float64(x[0])/float64(max(x[1], 1)), x[1])
	}
}

func punctErrors(t *testing.T, tg *Tagger, p *Parser, ss []Sentence, n int) {
	var st tagState
	var pb parseBuf
	kinds := map[string]int{}
	for _, s := range ss {
		forms := make([]string, len(s.Words))
		words := make([]uint64, len(s.Words))
		for i, w := range s.Words {
			forms[i] = w.Form
			words[i] = hashString(normalize(w.Form))
		}
		tags := make([]Tag, len(forms))
		tg.tag(&st, forms, tags)
		heads := make([]int, len(forms))
		labels := make([]string, len(forms))
		pb.st.load(words, tags)
		p.parse(&pb, heads, labels)
		for i, w := range s.Words {
			if w.Deprel != "punct" || heads[i] == w.Head {
				continue
			}
			g := "root"
			if w.Head > 0 {
				g = s.Words[w.Head-1].Deprel
			}
			pr := "root"
			if heads[i] > 0 {
				pr = s.Words[heads[i]-1].Deprel
			}
			kinds[w.Form+" gold-head:"+g+" pred-head:"+pr]++
			if n > 0 {
				n--
				t.Logf("%q at %d: gold head %d %q(%s), predicted %d %q(%s) | %s", w.Form, i+1, w.Head, formAt(s, w.Head), g, heads[i], formAt(s, heads[i]), pr, s.Text())
			}
		}
	}
	type kv struct {
		k string
		v int
	}
	var kvs []kv
	for k, v := range kinds {
		kvs = append(kvs, kv{k, v})
	}
	slices.SortFunc(kvs, func(a, b kv) int { return b.v - a.v })
	for _, x := range kvs[:min(25, len(kvs))] {
		t.Logf("%4d %s", x.v, x.k)
	}
}

func formAt(s Sentence, h int) string {
	if h <= 0 {
		return "ROOT"
	}
	return s.Words[h-1].Form
}

// For commas right after a fronted obl/advcl phrase (the phrase's head
// precedes the comma, and the phrase's head's head follows), where does
// the comma attach: to the phrase (left) or to the clause head (right)?
func TestExpPunctConv(t *testing.T) {
	if os.Getenv("NLPEXP") == "" {
		t.Skip()
	}
	for _, set := range []struct {
		n  string
		ss []Sentence
	}{{"ewt-train", loadUD(t, "train")}, {"pud", loadPUD(t)}} {
		left, right, other := 0, 0, 0
		for _, s := range set.ss {
			for i, w := range s.Words {
				if w.Form != "," || i == 0 {
					continue
				}
				// the maximal phrase ending at i-1: climb from word i (1-based i) while head < i+1
				k := i // 1-based index of word before comma
				for s.Words[k-1].Head > 0 && s.Words[k-1].Head < i+1 && s.Words[k-1].Head != 0 {
					k = s.Words[k-1].Head
				}
				r := univ(s.Words[k-1].Deprel)
				h := s.Words[k-1].Head
				if (r != "obl" && r != "advcl") || h <= i+1 {
					continue
				}
				switch w.Head {
				case k:
					left++
				case h:
					right++
				default:
					other++
				}
			}
		}
		t.Logf("%s: fronted obl/advcl comma -> phrase %d, clause head %d, other %d", set.n, left, right, other)
	}
}

func TestExpLemma(t *testing.T) {
	if os.Getenv("NLPEXP") == "" {
		t.Skip()
	}
	train, dev := loadUD(t, "train"), loadUD(t, "dev")
	lz := TrainLemmatizer(train)
	t.Logf("%d known, %d rules", len(lz.known), len(lz.rules))
	right, total := 0, 0
	for _, s := range dev {
		for _, w := range s.Words {
			tg, _ := ParseTag(w.UPOS)
			total++
			if lz.Lemma(w.Form, tg) == w.Lemma || strings.EqualFold(lz.Lemma(w.Form, tg), w.Lemma) {
				right++
			}
		}
	}
	t.Logf("dev lemma accuracy (gold tags) %.4f", float64(right)/float64(total))
	for _, f := range []string{"surging", "surged", "totalled", "declined", "dropped", "grew", "rose", "stood", "enterprises", "companies", "reached", "soared", "tonnes", "cities", "larger"} {
		t.Logf("%s -> V:%s N:%s A:%s", f, lz.Lemma(f, VERB), lz.Lemma(f, NOUN), lz.Lemma(f, ADJ))
	}
}

func TestExpTokenize(t *testing.T) {
	if os.Getenv("NLPEXP") == "" {
		t.Skip()
	}
	for _, set := range []struct {
		n  string
		ss []Sentence
	}{{"ewt-dev", loadUD(t, "dev")}, {"pud", loadPUD(t)}} {
		match, gold, pred, shown := 0, 0, 0, 0
		diffs := map[string]int{}
		for _, s := range set.ss {
			text := s.Text()
			spans := map[[2]int]bool{}
			pos := 0
			ok := true
			for _, w := range s.Words {
				k := strings.Index(text[pos:], w.Form)
				if k < 0 {
					ok = false
					break
				}
				spans[[2]int{pos + k, pos + k + len(w.Form)}] = true
				pos += k + len(w.Form)
			}
			if !ok {
				continue
			}
			toks := Tokenize(nil, text, 0, len(text))
			gold += len(spans)
			pred += len(toks)
			bad := false
			for _, tk := range toks {
				if spans[[2]int{tk.Start, tk.End}] {
					match++
				} else {
					bad = true
					diffs[tk.Form]++
				}
			}
			if bad && shown < 15 && os.Getenv("SHOW") != "" {
				shown++
				var fs []string
				for _, tk := range toks {
					fs = append(fs, tk.Form)
				}
				var gs []string
				for _, w := range s.Words {
					gs = append(gs, w.Form)
				}
				t.Logf("\n got  %q\n want %q", fs, gs)
			}
		}
		p, r := float64(match)/float64(pred), float64(match)/float64(gold)
		t.Logf("%s tokens P %.4f R %.4f F1 %.4f", set.n, p, r, 2*p*r/(p+r))
		type kv struct {
			k string
			v int
		}
		var kvs []kv
		for k, v := range diffs {
			kvs = append(kvs, kv{k, v})
		}
		slices.SortFunc(kvs, func(a, b kv) int { return b.v - a.v })
		var top []string
		for _, x := range kvs[:min(30, len(kvs))] {
			top = append(top, fmt.Sprintf("%s:%d", x.k, x.v))
		}
		t.Logf("wrong tokens: %v", top)
	}
}

// Gold UPOS vs gold XPOS (as tag atoms) for the parser, on dev with gold tags.
func TestExpXPOS(t *testing.T) {
	if os.Getenv("NLPEXP") == "" {
		t.Skip()
	}
	train, dev := loadUD(t, "train"), loadUD(t, "dev")
	xid := map[string]Tag{}
	xtags := func(ss []Sentence) [][]Tag {
		out := make([][]Tag, len(ss))
		for i, s := range ss {
			for _, w := range s.Words {
				x, ok := xid[w.XPOS]
				if !ok {
					x = Tag(len(xid))
					xid[w.XPOS] = x
				}
				out[i] = append(out[i], x)
			}
		}
		return out
	}
	utags := func(ss []Sentence) [][]Tag {
		out := make([][]Tag, len(ss))
		for i, s := range ss {
			for _, w := range s.Words {
				u, _ := ParseTag(w.UPOS)
				out[i] = append(out[i], u)
			}
		}
		return out
	}
	both := func(ss []Sentence) [][]Tag {
		x, u := xtags(ss), utags(ss)
		for i := range x {
			for j := range x[i] {
				x[i][j] = x[i][j]*17 + u[i][j]
			}
		}
		return x
	}
	for _, v := range []struct {
		n string
		f func([]Sentence) [][]Tag
	}{{"upos", utags}, {"xpos", xtags}, {"both", both}} {
		p := TrainParser(train, v.f(train), ParserConfig{Epochs: envInt("PEP", 8), Seed: 1, MinHits: 4})
		dt := v.f(dev)
		var pb parseBuf
		uas, las, total := 0, 0, 0
		for si, s := range dev {
			words := make([]uint64, len(s.Words))
			for i, w := range s.Words {
				words[i] = hashString(normalize(w.Form))
			}
			heads := make([]int, len(words))
			labels := make([]string, len(words))
			pb.st.load(words, dt[si])
			p.parse(&pb, heads, labels)
			for i, w := range s.Words {
				total++
				if heads[i] == w.Head {
					uas++
					if univ(labels[i]) == univ(w.Deprel) {
						las++
					}
				}
			}
		}
		t.Logf("%s (gold tags): dev UAS %.4f LAS %.4f", v.n, float64(uas)/float64(total), float64(las)/float64(total))
	}
}
