package store

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
)

// The page check.
//
// bbolt's own Tx.Check trusts what it reads: it follows page IDs into its
// memory map unchecked, marks every page of an overflow run in a map (a
// damaged overflow count of four billion is four billion map entries),
// and recurses through branch pages without noticing a cycle. One damaged
// page header makes it allocate without limit, fault on an address past
// the end of the file, or overflow its stack; and it runs in a goroutine
// of its own that nobody can stop.
//
// checkPages walks the page tree itself, reading the file with ReadAt
// rather than through the mapping, and validates every page ID and
// overflow count against the high-water mark (which Open has already
// checked against the file size) before using it. Each page is read once:
// a bitmap of the pages reached, one bit a page, catches cycles and shared
// pages, so the work is bounded by the file's size and the memory by one
// bit a page plus the pages on the path from the root. It checks what
// bbolt's check does (page types, single references, freed pages still
// in use, pages neither reachable nor free, key order within and across
// pages) and looks at its context every 1,024 pages.

// Page layout, as bbolt writes it (go.etcd.io/bbolt/internal/common).
const (
	pageHeaderSize = 16 // id u64, flags u16, count u16, overflow u32
	elemSize       = 16 // branch: pos u32, ksize u32, pgid u64; leaf: flags u32, pos u32, ksize u32, vsize u32
	bucketHdrSize  = 16 // root pgid u64, sequence u64

	flagBranch   = 0x01
	flagLeaf     = 0x02
	flagMeta     = 0x04
	flagFreelist = 0x10
	flagBucket   = 0x01 // of a leaf element

	boltMagic   = 0xED0CDAED
	boltVersion = 2
	noFreelist  = ^uint64(0)

	// maxTreeDepth bounds the B+tree depth and bucket nesting: bbolt's
	// trees over any file that fits on a disk are far shallower.
	maxTreeDepth = 32
	// wholePage is the largest page run read whole; longer runs (large
	// values) are read element by element.
	wholePage = 4 << 20
)

// errStructure marks a problem that makes the file unsafe to walk with
// bbolt: a page ID out of range, an overflow past the end, a cycle, an
// element outside its page.
var errStructure = errors.New("damaged page structure")

// pageProblem is one thing wrong with a database file's pages.
type pageProblem struct {
	Page uint64 // the damaged page
	// Structural is set when the damage makes the file unsafe to read
	// through bbolt: lookups could follow the page anywhere.
	Structural bool
	Msg        string
}

func (p pageProblem) String() string { return fmt.Sprintf("page %d: %s", p.Page, p.Msg) }

// boltMeta is the part of a bbolt meta page the page check uses.
type boltMeta struct {
	pageSize uint32
	root     uint64
	freelist uint64
	hwm      uint64 // pages 0..hwm-1 are in use or free
	txid     uint64
}

// readMeta reads and validates the meta page at off.
func readMeta(f io.ReaderAt, off int64) (boltMeta, error) {
	var b [pageHeaderSize + 64]byte
	if _, err := f.ReadAt(b[:], off); err != nil {
		return boltMeta{}, err
	}
	m := b[pageHeaderSize:]
	h := fnv.New64a()
	h.Write(m[:56])
	switch {
	case binary.LittleEndian.Uint16(b[8:]) != flagMeta:
		return boltMeta{}, errors.New("not a meta page")
	case binary.LittleEndian.Uint32(m) != boltMagic:
		return boltMeta{}, errors.New("bad magic")
	case binary.LittleEndian.Uint32(m[4:]) != boltVersion:
		return boltMeta{}, fmt.Errorf("bbolt version %d", binary.LittleEndian.Uint32(m[4:]))
	case binary.LittleEndian.Uint64(m[56:]) != h.Sum64():
		return boltMeta{}, errors.New("bad checksum")
	}
	return boltMeta{
		pageSize: binary.LittleEndian.Uint32(m[8:]),
		root:     binary.LittleEndian.Uint64(m[16:]),
		freelist: binary.LittleEndian.Uint64(m[32:]),
		hwm:      binary.LittleEndian.Uint64(m[40:]),
		txid:     binary.LittleEndian.Uint64(m[48:]),
	}, nil
}

// currentMeta returns the meta bbolt uses: the valid one of the two with
// the higher transaction ID.
func currentMeta(f io.ReaderAt) (boltMeta, error) {
	m0, err0 := readMeta(f, 0)
	if err0 != nil {
		return boltMeta{}, fmt.Errorf("meta page 0: %w", err0)
	}
	if m0.pageSize < 1024 || m0.pageSize > 1<<16 || m0.pageSize&(m0.pageSize-1) != 0 {
		return boltMeta{}, fmt.Errorf("meta page 0: page size %d", m0.pageSize)
	}
	m1, err1 := readMeta(f, int64(m0.pageSize))
	if err1 == nil && m1.pageSize == m0.pageSize && m1.txid > m0.txid {
		return m1, nil
	}
	return m0, nil
}

// bitset is one bit per page.
type bitset []uint64

func newBitset(n uint64) bitset    { return make(bitset, (n+63)/64) }
func (b bitset) has(i uint64) bool { return b[i/64]&(1<<(i%64)) != 0 }
func (b bitset) set(i uint64)      { b[i/64] |= 1 << (i % 64) }

func (b bitset) setRun(i, n uint64) {
	for j := i; j < i+n; j++ {
		b.set(j)
	}
}

// firstIn returns the offset from i of the first set bit in i..i+n-1, or -1.
func (b bitset) firstIn(i, n uint64) int {
	for j := i; j < i+n; j++ {
		if b.has(j) {
			return int(j - i)
		}
	}
	return -1
}

// pageChecker walks one file's pages.
type pageChecker struct {
	ctx      context.Context
	f        io.ReaderAt
	meta     boltMeta
	ps       int64
	reached  bitset
	freed    bitset
	problems []pageProblem
	max      int
	read     int // pages read, for the context check
	bufs     [maxTreeDepth + 1][]byte
}

// checkPages checks the page structure of the bbolt file f, size bytes
// long, under meta m and returns its problems (at most max). err is
// non-nil only when ctx is done or the file cannot be read.
func checkPages(ctx context.Context, f io.ReaderAt, size int64, m boltMeta, max int) ([]pageProblem, error) {
	c := &pageChecker{ctx: ctx, f: f, meta: m, ps: int64(m.pageSize), max: max}
	switch {
	case m.hwm < 2:
		c.add(0, true, "the high-water mark %d leaves no room for the meta pages", m.hwm)
		return c.problems, nil
	case m.hwm > uint64(size)/uint64(m.pageSize):
		c.add(m.hwm-1, true, "past the end of the file: the meta page counts %d pages, the file holds %d", m.hwm, size/int64(m.pageSize))
		return c.problems, nil
	}
	c.reached, c.freed = newBitset(m.hwm), newBitset(m.hwm)
	c.reached.set(0)
	c.reached.set(1)
	if err := c.freelist(); err != nil {
		return c.problems, err
	}
	if _, err := c.tree(m.root, 0, nil, nil, "the meta page"); err != nil && !errors.Is(err, errStructure) {
		return c.problems, err
	}
	if m.freelist != noFreelist && !c.structural() {
		for id := uint64(2); id < m.hwm; id++ {
			if !c.reached.has(id) && !c.freed.has(id) && !c.add(id, false, "unreachable and not free (space leaked)") {
				break
			}
		}
	}
	return c.problems, nil
}

// structural reports whether a structural problem was found.
func (c *pageChecker) structural() bool {
	for _, p := range c.problems {
		if p.Structural {
			return true
		}
	}
	return false
}

// add records a problem and reports whether there is room for more.
func (c *pageChecker) add(id uint64, structural bool, format string, args ...any) bool {
	if len(c.problems) < c.max {
		c.problems = append(c.problems, pageProblem{Page: id, Structural: structural, Msg: fmt.Sprintf(format, args...)})
	}
	return len(c.problems) < c.max
}

// damage records a structural problem and returns errStructure, which
// stops the walk below the page.
func (c *pageChecker) damage(id uint64, format string, args ...any) error {
	c.add(id, true, format, args...)
	return errStructure
}

// tick counts a page read and returns ctx's error every 1,024 pages.
func (c *pageChecker) tick() error {
	if c.read++; c.read%1024 == 0 {
		return c.ctx.Err()
	}
	return nil
}

// page reads the header of page id, validated, and claims its run of
// pages. from says where the reference came from, for messages.
func (c *pageChecker) page(id uint64, from string) (flags uint16, count int, span int64, err error) {
	if err := c.tick(); err != nil {
		return 0, 0, 0, err
	}
	if id < 2 || id >= c.meta.hwm {
		return 0, 0, 0, c.damage(id, "referenced by %s, outside the file's pages 2..%d", from, c.meta.hwm-1)
	}
	var h [pageHeaderSize]byte
	if _, err := c.f.ReadAt(h[:], int64(id)*c.ps); err != nil {
		return 0, 0, 0, fmt.Errorf("read page %d: %w", id, err)
	}
	self := binary.LittleEndian.Uint64(h[:])
	flags = binary.LittleEndian.Uint16(h[8:])
	count = int(binary.LittleEndian.Uint16(h[10:]))
	overflow := uint64(binary.LittleEndian.Uint32(h[12:]))
	switch {
	case self != id:
		return 0, 0, 0, c.damage(id, "its header says it is page %d (referenced by %s)", self, from)
	case overflow >= c.meta.hwm-id:
		return 0, 0, 0, c.damage(id, "overflow count %d runs past the end of the file (%d pages)", overflow, c.meta.hwm)
	}
	if k := c.reached.firstIn(id, overflow+1); k >= 0 {
		return 0, 0, 0, c.damage(id+uint64(k), "reached twice, the second time from %s (a cycle, or pages shared by two parents)", from)
	}
	c.reached.setRun(id, overflow+1)
	if k := c.freed.firstIn(id, overflow+1); k >= 0 {
		c.add(id+uint64(k), false, "in use by %s but listed as free", from)
	}
	return flags, count, int64(overflow+1) * c.ps, nil
}

// load returns the first n bytes of the run of pages at id (all of it up
// to wholePage bytes), in the buffer kept for depth.
func (c *pageChecker) load(id uint64, depth int, n int64) ([]byte, error) {
	if int64(cap(c.bufs[depth])) < n {
		c.bufs[depth] = make([]byte, n)
	}
	b := c.bufs[depth][:n]
	if _, err := c.f.ReadAt(b, int64(id)*c.ps); err != nil {
		return nil, fmt.Errorf("read page %d: %w", id, err)
	}
	return b, nil
}

// pageView is one page's bytes: all of them, or the front and a reader
// for the rest.
type pageView struct {
	c    *pageChecker
	id   uint64
	data []byte // the first len(data) bytes of the page run
	span int64
}

// in reports whether n bytes at off lie inside the page run.
func (v *pageView) in(off, n int64) bool { return off >= 0 && n >= 0 && off+n <= v.span }

// slice returns n bytes at off of the page run, or false if they lie
// outside it.
func (v *pageView) slice(off, n int64) ([]byte, bool, error) {
	if !v.in(off, n) {
		return nil, false, nil
	}
	if off+n <= int64(len(v.data)) {
		return v.data[off : off+n], true, nil
	}
	b := make([]byte, n)
	if _, err := v.c.f.ReadAt(b, int64(v.id)*v.c.ps+off); err != nil {
		return nil, false, fmt.Errorf("read page %d: %w", v.id, err)
	}
	return b, true, nil
}

// tree checks the B+tree rooted at page id, at depth, whose keys must lie
// in [lo, hi) (nil: open). It returns the subtree's last key.
func (c *pageChecker) tree(id uint64, depth int, lo, hi []byte, from string) ([]byte, error) {
	if depth > maxTreeDepth {
		return nil, c.damage(id, "more than %d levels of pages below the root (a cycle?)", maxTreeDepth)
	}
	flags, count, span, err := c.page(id, from)
	if err != nil {
		return nil, err
	}
	if flags != flagBranch && flags != flagLeaf {
		return nil, c.damage(id, "referenced by %s as a branch or leaf, but its type is %#x", from, flags)
	}
	if pageHeaderSize+int64(count)*elemSize > span {
		return nil, c.damage(id, "%d elements do not fit in its %d bytes", count, span)
	}
	n := span
	if n > wholePage {
		n = pageHeaderSize + int64(count)*elemSize
	}
	data, err := c.load(id, depth, n)
	if err != nil {
		return nil, err
	}
	v := &pageView{c: c, id: id, data: data, span: span}
	if flags == flagBranch {
		return c.branch(v, count, depth, lo, hi)
	}
	return c.leaf(v, count, depth, lo, hi, from)
}

func (c *pageChecker) branch(v *pageView, count, depth int, lo, hi []byte) ([]byte, error) {
	if count == 0 {
		return nil, c.damage(v.id, "a branch page without elements")
	}
	keys := make([][]byte, count)
	children := make([]uint64, count)
	for i := range count {
		e := int64(pageHeaderSize + i*elemSize)
		el := v.data[e : e+elemSize]
		pos, ksize := int64(binary.LittleEndian.Uint32(el)), int64(binary.LittleEndian.Uint32(el[4:]))
		children[i] = binary.LittleEndian.Uint64(el[8:])
		k, ok, err := v.slice(e+pos, ksize)
		if err != nil {
			return nil, err
		}
		if !ok {
			return nil, c.damage(v.id, "key %d lies outside the page", i)
		}
		keys[i] = k
	}
	var last []byte
	for i := range count {
		c.order(v.id, "branch", i, keys, lo, hi)
		next := hi
		if i+1 < count {
			next = keys[i+1]
		}
		l, err := c.tree(children[i], depth+1, keys[i], next, fmt.Sprintf("branch page %d", v.id))
		if err != nil && !errors.Is(err, errStructure) {
			return nil, err
		}
		if l != nil {
			last = l
		}
	}
	return last, nil
}

func (c *pageChecker) leaf(v *pageView, count, depth int, lo, hi []byte, from string) ([]byte, error) {
	keys := make([][]byte, count)
	for i := range count {
		e := int64(pageHeaderSize + i*elemSize)
		el := v.data[e : e+elemSize]
		eflags := binary.LittleEndian.Uint32(el)
		pos, ksize, vsize := int64(binary.LittleEndian.Uint32(el[4:])), int64(binary.LittleEndian.Uint32(el[8:])), int64(binary.LittleEndian.Uint32(el[12:]))
		if !v.in(e+pos, ksize+vsize) {
			return nil, c.damage(v.id, "element %d (%d-byte key, %d-byte value) lies outside the page", i, ksize, vsize)
		}
		k, _, err := v.slice(e+pos, ksize)
		if err != nil {
			return nil, err
		}
		keys[i] = k
		if eflags&flagBucket == 0 {
			continue
		}
		val, _, err := v.slice(e+pos+ksize, min(vsize, wholePage))
		if err != nil {
			return nil, err
		}
		if err := c.bucket(v.id, k, val, vsize, depth); err != nil && !errors.Is(err, errStructure) {
			return nil, err
		}
	}
	for i := range count {
		c.order(v.id, "leaf", i, keys, lo, hi)
	}
	if count == 0 {
		return nil, nil
	}
	return keys[count-1], nil
}

// bucket checks the bucket whose header is val, stored under key on
// page id.
func (c *pageChecker) bucket(id uint64, key, val []byte, vsize int64, depth int) error {
	name := fmt.Sprintf("bucket %q on page %d", printable(key), id)
	if depth >= maxTreeDepth {
		return c.damage(id, "%s: buckets nested more than %d deep", name, maxTreeDepth)
	}
	if vsize < bucketHdrSize {
		return c.damage(id, "%s: a %d-byte bucket header", name, vsize)
	}
	root := binary.LittleEndian.Uint64(val)
	if root != 0 {
		_, err := c.tree(root, depth+1, nil, nil, name)
		return err
	}
	// An inline bucket: a leaf page inside the value.
	inline := val[bucketHdrSize:]
	if len(inline) < pageHeaderSize {
		return c.damage(id, "%s: an inline page of %d bytes", name, len(inline))
	}
	flags := binary.LittleEndian.Uint16(inline[8:])
	count := int(binary.LittleEndian.Uint16(inline[10:]))
	if flags != flagLeaf || pageHeaderSize+count*elemSize > len(inline) {
		return c.damage(id, "%s: its inline page is not a leaf of %d elements", name, count)
	}
	v := &pageView{c: c, id: id, data: inline, span: int64(len(inline))}
	_, err := c.leaf(v, count, depth+1, nil, nil, name)
	return err
}

// order checks key i of a page against its neighbour and the bounds its
// parent sets; out-of-order keys misdirect lookups but are no danger to
// a walk.
func (c *pageChecker) order(id uint64, kind string, i int, keys [][]byte, lo, hi []byte) {
	k := keys[i]
	switch {
	case i == 0 && lo != nil && bytes.Compare(k, lo) < 0:
		c.add(id, false, "%s key 0 (%x) sorts before its parent's key (%x)", kind, trim(k), trim(lo))
	case i > 0 && bytes.Compare(keys[i-1], k) >= 0:
		c.add(id, false, "%s key %d (%x) does not sort after key %d (%x)", kind, i, trim(k), i-1, trim(keys[i-1]))
	case hi != nil && bytes.Compare(k, hi) >= 0:
		c.add(id, false, "%s key %d (%x) does not sort before its parent's next key (%x)", kind, i, trim(k), trim(hi))
	}
}

// freelist reads the list of free pages and checks it.
func (c *pageChecker) freelist() error {
	id := c.meta.freelist
	if id == noFreelist {
		return nil
	}
	flags, count, span, err := c.page(id, "the meta page")
	if errors.Is(err, errStructure) {
		return nil
	}
	if err != nil {
		return err
	}
	if flags != flagFreelist {
		c.damage(id, "the meta page's freelist, but its type is %#x", flags)
		return nil
	}
	first := int64(pageHeaderSize)
	n := int64(count)
	if count == 0xFFFF {
		b, err := c.load(id, 0, pageHeaderSize+8)
		if err != nil {
			return err
		}
		n = int64(binary.LittleEndian.Uint64(b[pageHeaderSize:]))
		first += 8
	}
	if n < 0 || first+n*8 > span {
		c.damage(id, "the freelist's %d entries do not fit in its %d bytes", n, span)
		return nil
	}
	b, err := c.load(id, 0, first+n*8)
	if err != nil {
		return err
	}
	for i := range n {
		free := binary.LittleEndian.Uint64(b[first+8*i:])
		switch {
		case free < 2 || free >= c.meta.hwm:
			c.damage(id, "the freelist lists page %d, outside the file's pages 2..%d", free, c.meta.hwm-1)
		case c.freed.has(free):
			c.add(free, false, "listed as free twice")
		case c.reached.has(free):
			c.add(free, false, "listed as free but in use (the freelist or a meta page)")
		default:
			c.freed.set(free)
		}
		if len(c.problems) >= c.max {
			break
		}
	}
	return nil
}

// trim shortens a key for a message.
func trim(k []byte) []byte {
	if len(k) > 16 {
		return k[:16]
	}
	return k
}

// printable returns k as text if it is short and printable, else in hex.
func printable(k []byte) string {
	if len(k) <= 40 {
		ok := true
		for _, c := range k {
			ok = ok && c >= 0x20 && c < 0x7f
		}
		if ok {
			return string(k)
		}
	}
	return fmt.Sprintf("%x", trim(k))
}
