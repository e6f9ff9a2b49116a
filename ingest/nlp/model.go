package nlp

import (
	"bufio"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"time"
)

// Model is a trained tagger, lemmatizer and parser. It is read-only and
// safe for concurrent use; each goroutine analyses through its own
// Analyzer.
type Model struct {
	tagger *Tagger
	lemmas *Lemmatizer
	parser *Parser
	// Info describes how the model was trained.
	Info ModelInfo
}

// ModelInfo records how a model was made.
type ModelInfo struct {
	Treebank string        // what it was trained on
	Trained  time.Time     // when
	Duration time.Duration // how long training took
	Note     string        // the training command's settings
}

// Analyzer tags, lemmatises and parses sentences with a Model. Its
// buffers are reused from sentence to sentence; it is not safe for
// concurrent use.
type Analyzer struct {
	m      *Model
	ts     tagState
	pb     parseBuf
	forms  []string
	tags   []Tag
	hash   []uint64
	heads  []int
	labels []string
}

// NewAnalyzer returns an Analyzer of m.
func (m *Model) NewAnalyzer() *Analyzer { return &Analyzer{m: m} }

// Tag sets the Tag and Lemma of toks, the tokens of one sentence.
func (a *Analyzer) Tag(toks []Token) {
	a.forms = a.forms[:0]
	for i := range toks {
		a.forms = append(a.forms, toks[i].Form)
	}
	a.tags = slices.Grow(a.tags[:0], len(toks))[:len(toks)]
	a.m.tagger.tag(&a.ts, a.forms, a.tags)
	for i := range toks {
		toks[i].Tag = a.tags[i]
		toks[i].Lemma = a.m.lemmas.Lemma(toks[i].Form, a.tags[i])
	}
}

// Parse sets the Head and Rel of toks, the tagged tokens of one sentence.
func (a *Analyzer) Parse(toks []Token) {
	a.hash = a.hash[:0]
	for i := range toks {
		a.hash = append(a.hash, hashString(normalize(toks[i].Form)))
	}
	a.parse(toks)
}

// Analyze tags and parses one sentence's tokens.
func (a *Analyzer) Analyze(toks []Token) {
	a.Tag(toks)
	// The parser's word features hash the forms the tagger normalised.
	a.hash = a.hash[:0]
	for i := range a.ts.toks {
		a.hash = append(a.hash, a.ts.toks[i].w)
	}
	a.parse(toks)
}

// parse parses toks, whose word hashes are in a.hash.
func (a *Analyzer) parse(toks []Token) {
	n := len(toks)
	if n == 0 {
		return
	}
	a.tags = slices.Grow(a.tags[:0], n)[:n]
	for i := range toks {
		a.tags[i] = toks[i].Tag
	}
	a.pb.st.load(a.hash, a.tags)
	a.heads = slices.Grow(a.heads[:0], n)[:n]
	a.labels = slices.Grow(a.labels[:0], n)[:n]
	a.m.parser.parse(&a.pb, a.heads, a.labels)
	for i := range toks {
		toks[i].Head = a.heads[i] - 1
		toks[i].Rel = a.labels[i]
	}
}

// The model file: "ALMNLP" and a version, then gzip of the sections.
var modelMagic = [8]byte{'A', 'L', 'M', 'N', 'L', 'P', 0, 1}

// WriteTo writes the model in its binary format.
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	cw := &countWriter{w: w}
	if _, err := cw.Write(modelMagic[:]); err != nil {
		return cw.n, err
	}
	zw, err := gzip.NewWriterLevel(cw, gzip.BestCompression)
	if err != nil {
		return cw.n, err
	}
	e := &encoder{w: bufio.NewWriter(zw)}
	e.str(m.Info.Treebank)
	e.uvar(uint64(m.Info.Trained.Unix()))
	e.uvar(uint64(m.Info.Duration))
	e.str(m.Info.Note)
	m.tagger.encode(e)
	m.lemmas.encode(e)
	m.parser.encode(e)
	if e.err == nil {
		e.err = e.w.Flush()
	}
	if e.err == nil {
		e.err = zw.Close()
	}
	return cw.n, e.err
}

// ReadModel reads a model written by WriteTo.
func ReadModel(r io.Reader) (*Model, error) {
	var magic [8]byte
	if _, err := io.ReadFull(r, magic[:]); err != nil {
		return nil, fmt.Errorf("read model: %w", err)
	}
	if magic != modelMagic {
		return nil, errors.New("read model: not an almanac NLP model (bad magic or version)")
	}
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("read model: %w", err)
	}
	d := &decoder{r: bufio.NewReader(zr)}
	m := &Model{}
	m.Info.Treebank = d.str()
	m.Info.Trained = time.Unix(int64(d.uvar()), 0).UTC()
	m.Info.Duration = time.Duration(d.uvar())
	m.Info.Note = d.str()
	m.tagger = decodeTagger(d)
	m.lemmas = decodeLemmatizer(d)
	m.parser = decodeParser(d)
	if d.err != nil {
		return nil, fmt.Errorf("read model: %w", d.err)
	}
	return m, nil
}

type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

type encoder struct {
	w   *bufio.Writer
	err error
	buf [binary.MaxVarintLen64]byte
}

func (e *encoder) uvar(v uint64) {
	if e.err == nil {
		n := binary.PutUvarint(e.buf[:], v)
		_, e.err = e.w.Write(e.buf[:n])
	}
}

func (e *encoder) str(s string) {
	e.uvar(uint64(len(s)))
	if e.err == nil {
		_, e.err = e.w.WriteString(s)
	}
}

func (e *encoder) bytes(b []byte) {
	if e.err == nil {
		_, e.err = e.w.Write(b)
	}
}

type decoder struct {
	r   *bufio.Reader
	err error
}

// maxCount bounds every count a model file states, so that a damaged
// file fails instead of allocating without limit.
const maxCount = 1 << 26

func (d *decoder) uvar() uint64 {
	if d.err != nil {
		return 0
	}
	v, err := binary.ReadUvarint(d.r)
	if err != nil {
		d.err = fmt.Errorf("truncated or damaged: %w", err)
	}
	return v
}

func (d *decoder) count() int {
	v := d.uvar()
	if v > maxCount {
		d.fail("count %d out of range", v)
		return 0
	}
	return int(v)
}

func (d *decoder) fail(format string, args ...any) {
	if d.err == nil {
		d.err = fmt.Errorf(format, args...)
	}
}

func (d *decoder) str() string {
	n := d.count()
	if d.err != nil {
		return ""
	}
	b := make([]byte, n)
	if _, err := io.ReadFull(d.r, b); err != nil {
		d.err = fmt.Errorf("truncated: %w", err)
	}
	return string(b)
}

func (d *decoder) bytes(n int) []byte {
	if d.err != nil {
		return nil
	}
	b := make([]byte, n)
	if _, err := io.ReadFull(d.r, b); err != nil {
		d.err = fmt.Errorf("truncated: %w", err)
	}
	return b
}

// Sorted keys are written as gaps; weights as 16-bit integers, class
// numbers and weights in separate runs (they compress better apart).

func encodeKeys(e *encoder, keys []uint32) {
	e.uvar(uint64(len(keys)))
	prev := uint32(0)
	for _, k := range keys {
		e.uvar(uint64(k - prev))
		prev = k
	}
}

func decodeKeys(d *decoder) []uint32 {
	n := d.count()
	keys := make([]uint32, 0, n)
	prev := uint64(0)
	for i := 0; i < n && d.err == nil; i++ {
		prev += d.uvar()
		if prev > math.MaxUint32 || i > 0 && uint32(prev) <= keys[i-1] || prev == 0 {
			d.fail("feature keys out of order")
			return nil
		}
		keys = append(keys, uint32(prev))
	}
	return keys
}

func encodeInt16s(e *encoder, ws []int16) {
	b := make([]byte, 2*len(ws))
	for i, w := range ws {
		binary.LittleEndian.PutUint16(b[2*i:], uint16(w))
	}
	e.bytes(b)
}

func decodeInt16s(d *decoder, n int) []int16 {
	b := d.bytes(2 * n)
	if d.err != nil {
		return nil
	}
	ws := make([]int16, n)
	for i := range ws {
		ws[i] = int16(binary.LittleEndian.Uint16(b[2*i:]))
	}
	return ws
}

func (m *linear) encode(e *encoder) {
	e.uvar(uint64(m.nclass))
	e.uvar(uint64(math.Float32bits(m.scale)))
	encodeKeys(e, m.keys)
	for r := range m.keys {
		e.uvar(uint64(m.off[r+1] - m.off[r]))
	}
	cls := make([]byte, len(m.ent))
	ws := make([]int16, len(m.ent))
	for i, x := range m.ent {
		cls[i], ws[i] = byte(x), int16(x>>16)
	}
	e.bytes(cls)
	encodeInt16s(e, ws)
}

func decodeLinear(d *decoder) *linear {
	m := &linear{nclass: d.count()}
	m.scale = math.Float32frombits(uint32(d.uvar()))
	if m.nclass > 256 {
		d.fail("model has %d classes", m.nclass)
	}
	m.keys = decodeKeys(d)
	m.off = make([]uint32, 1, len(m.keys)+1)
	total := 0
	for range m.keys {
		total += d.count()
		if total > maxCount {
			d.fail("model too large")
		}
		m.off = append(m.off, uint32(total))
	}
	cls := d.bytes(total)
	ws := decodeInt16s(d, total)
	if d.err != nil {
		return nil
	}
	m.ent = make([]uint32, total)
	for i := range m.ent {
		if int(cls[i]) >= m.nclass {
			d.fail("class %d out of range", cls[i])
			return nil
		}
		m.ent[i] = uint32(uint16(ws[i]))<<16 | uint32(cls[i])
	}
	return m
}

func (m *linear4) encode(e *encoder) {
	encodeKeys(e, m.keys)
	ws := make([]int16, 0, 4*len(m.rows))
	for _, r := range m.rows {
		ws = append(ws, r[:]...)
	}
	encodeInt16s(e, ws)
}

func decodeLinear4(d *decoder) *linear4 {
	m := &linear4{keys: decodeKeys(d)}
	ws := decodeInt16s(d, 4*len(m.keys))
	if d.err != nil {
		return nil
	}
	m.rows = make([][4]int16, len(m.keys))
	for i := range m.rows {
		copy(m.rows[i][:], ws[4*i:])
	}
	return m
}

func (tg *Tagger) encode(e *encoder) {
	forms := make([]string, 0, len(tg.dict))
	for f := range tg.dict {
		forms = append(forms, f)
	}
	slices.Sort(forms)
	e.uvar(uint64(len(forms)))
	for _, f := range forms {
		en := tg.dict[f]
		e.str(f)
		e.uvar(uint64(en.mask))
		e.uvar(uint64(en.sure + 1))
	}
	tg.model.encode(e)
}

func decodeTagger(d *decoder) *Tagger {
	n := d.count()
	tg := &Tagger{dict: make(map[string]tagEntry, n)}
	for i := 0; i < n && d.err == nil; i++ {
		f := d.str()
		mask := d.uvar()
		sure := d.uvar()
		if sure > uint64(numTags) || mask >= 1<<numTags {
			d.fail("tag dictionary entry %q damaged", f)
		}
		tg.dict[f] = tagEntry{mask: uint32(mask), sure: int8(sure) - 1}
	}
	tg.model = decodeLinear(d)
	if d.err == nil {
		tg.prepareTable()
	}
	return tg
}

func (lz *Lemmatizer) encode(e *encoder) {
	writeMap := func(m map[string]string) {
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		e.uvar(uint64(len(keys)))
		for _, k := range keys {
			e.str(k)
			e.str(m[k])
		}
	}
	writeMap(lz.known)
	keys := make([]string, 0, len(lz.rules))
	for k := range lz.rules {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	e.uvar(uint64(len(keys)))
	for _, k := range keys {
		e.str(k)
		e.uvar(uint64(lz.rules[k].strip))
		e.str(lz.rules[k].add)
	}
	lemmas := make([]string, 0, len(lz.lemmas))
	for l := range lz.lemmas {
		lemmas = append(lemmas, l)
	}
	slices.Sort(lemmas)
	e.uvar(uint64(len(lemmas)))
	for _, l := range lemmas {
		e.str(l)
	}
}

func decodeLemmatizer(d *decoder) *Lemmatizer {
	lz := &Lemmatizer{known: map[string]string{}, rules: map[string]edit{}, lemmas: map[string]bool{}}
	n := d.count()
	for i := 0; i < n && d.err == nil; i++ {
		k := d.str()
		lz.known[k] = d.str()
	}
	n = d.count()
	for i := 0; i < n && d.err == nil; i++ {
		k := d.str()
		strip := d.count()
		lz.rules[k] = edit{strip: strip, add: d.str()}
	}
	n = d.count()
	for i := 0; i < n && d.err == nil; i++ {
		lz.lemmas[d.str()] = true
	}
	return lz
}

func (p *Parser) encode(e *encoder) {
	e.uvar(uint64(len(p.labels)))
	for _, l := range p.labels {
		e.str(l)
	}
	e.uvar(uint64(p.root))
	e.uvar(uint64(len(p.lfeat)))
	for _, i := range p.lfeat {
		e.uvar(uint64(i))
	}
	p.trans.encode(e)
	p.label.encode(e)
}

func decodeParser(d *decoder) *Parser {
	p := &Parser{}
	n := d.count()
	if n > 127 {
		d.fail("parser has %d relations", n)
	}
	for i := 0; i < n && d.err == nil; i++ {
		p.labels = append(p.labels, d.str())
	}
	p.root = d.count()
	if d.err == nil && p.root >= len(p.labels) {
		d.fail("root relation %d out of range", p.root)
	}
	n = d.count()
	for i := 0; i < n && d.err == nil; i++ {
		f := d.count()
		if f >= numParseFeats {
			d.fail("relation feature %d out of range", f)
		}
		p.lfeat = append(p.lfeat, f)
	}
	p.trans = decodeLinear4(d)
	p.label = decodeLinear(d)
	if d.err == nil && p.label.nclass != 2*len(p.labels) {
		d.fail("parser has %d relation classes for %d relations", p.label.nclass, len(p.labels))
	}
	if d.err == nil {
		p.prepare()
	}
	return p
}
