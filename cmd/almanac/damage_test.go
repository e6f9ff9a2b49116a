package main

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"
)

// boltFile is a bbolt file's bytes, read just enough to aim damage at
// pages in use: the current meta page's root bucket and each bucket's
// root page.
type boltFile struct {
	data     []byte
	pageSize int
	root     uint64 // the root bucket's page
	hwm      uint64 // pages in the file
}

func readBoltFile(t *testing.T, path string) *boltFile {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	f := &boltFile{data: data, pageSize: int(binary.LittleEndian.Uint32(data[16+8:]))}
	var txid uint64
	for m := range 2 {
		meta := data[m*f.pageSize+16:]
		if tx := binary.LittleEndian.Uint64(meta[48:]); m == 0 || tx > txid {
			txid, f.root, f.hwm = tx, binary.LittleEndian.Uint64(meta[16:]), binary.LittleEndian.Uint64(meta[40:])
		}
	}
	return f
}

// page returns the bytes of page id from its header on.
func (f *boltFile) page(id uint64) []byte { return f.data[int(id)*f.pageSize:] }

// bucketElem returns the offset in data of the value of the root
// bucket's element for bucket name: its root page ID, then its sequence.
func (f *boltFile) bucketElem(t *testing.T, name string) int {
	t.Helper()
	p := f.page(f.root)
	if flags := binary.LittleEndian.Uint16(p[8:]); flags != 0x02 {
		t.Fatalf("the root bucket's page %d is not a leaf (flags %#x)", f.root, flags)
	}
	for i := range int(binary.LittleEndian.Uint16(p[10:])) {
		e := 16 + i*16
		pos, ksize := int(binary.LittleEndian.Uint32(p[e+4:])), int(binary.LittleEndian.Uint32(p[e+8:]))
		if string(p[e+pos:e+pos+ksize]) == name {
			return int(f.root)*f.pageSize + e + pos + ksize
		}
	}
	t.Fatalf("no bucket %q", name)
	return 0
}

// bucketRoot returns the root page of bucket name, which must not be
// inline.
func (f *boltFile) bucketRoot(t *testing.T, name string) uint64 {
	t.Helper()
	id := binary.LittleEndian.Uint64(f.data[f.bucketElem(t, name):])
	if id == 0 {
		t.Fatalf("bucket %s is inline", name)
	}
	return id
}

func (f *boltFile) write(t *testing.T, path string) {
	t.Helper()
	if err := os.WriteFile(path, f.data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestCheckDamagedFile damages one page of a database in each of the ways
// that sent bbolt's own check into unbounded work, and runs the command
// on it. check must exit 1 naming the page and what is wrong, in bounded
// memory (the 2-minute limit of every run here only catches hangs); the
// commands that read (stats, query, export) must print exactly what they
// print for the undamaged file, or fail with a clear error, never a
// crash.
func TestCheckDamagedFile(t *testing.T) {
	small := sampleDB(t)
	big, _ := bigDB(t)
	tests := []struct {
		name   string
		base   string
		damage func(t *testing.T, f *boltFile) (page uint64)
		want   string // regexp the problem naming the page must start with
		reads  bool   // run the reading commands too
	}{
		{"overflow count (the issue's: 4 bytes at offset 12300)", small, func(t *testing.T, f *boltFile) uint64 {
			copy(f.data[12300:], []byte{0xff, 0xff, 0xff, 0xff})
			return 3
		}, `page 3: overflow count 4294967295 runs past the end of the file \(\d+ pages\)`, true},
		{"overflow past the end of the file", small, func(t *testing.T, f *boltFile) uint64 {
			id := f.bucketRoot(t, "facts")
			binary.LittleEndian.PutUint32(f.page(id)[12:], uint32(f.hwm-id))
			return id
		}, `page %d: overflow count \d+ runs past the end of the file`, true},
		{"page id in the header", small, func(t *testing.T, f *boltFile) uint64 {
			id := f.bucketRoot(t, "facts")
			binary.LittleEndian.PutUint64(f.page(id), 999)
			return id
		}, `page %d: its header says it is page 999`, true},
		{"page type", small, func(t *testing.T, f *boltFile) uint64 {
			id := f.bucketRoot(t, "texts")
			binary.LittleEndian.PutUint16(f.page(id)[8:], 0x10)
			return id
		}, `page %d: referenced by bucket "texts" on page \d+ as a branch or leaf, but its type is 0x10`, true},
		{"bucket root beyond the file", small, func(t *testing.T, f *boltFile) uint64 {
			binary.LittleEndian.PutUint64(f.data[f.bucketElem(t, "texts"):], 1<<40)
			return 1 << 40
		}, `page %d: referenced by bucket "texts" on page \d+, outside the file's pages 2\.\.\d+`, true},
		// A cycle: the first child of an index's root branch page is the
		// root itself. Readers that descend into it recurse without end
		// (bbolt follows child pointers unchecked); only check is run.
		{"cycle", big, func(t *testing.T, f *boltFile) uint64 {
			id := f.bucketRoot(t, "idx_metric")
			p := f.page(id)
			if flags := binary.LittleEndian.Uint16(p[8:]); flags != 0x01 {
				t.Fatalf("idx_metric's root page %d is not a branch page", id)
			}
			binary.LittleEndian.PutUint64(p[16+8:], id)
			return id
		}, `page %d: reached twice, the second time from branch page %[1]d \(a cycle, or pages shared by two parents\)`, false},
	}
	reads := [][]string{{"stats"}, {"query", "--format", "csv", "facts", "documents", "metrics"}, {"export"}}
	clean := map[string][]string{}
	for _, base := range []string{small} {
		for _, args := range reads {
			p := startAlmanac(t, "", nil, append(args, "--db", base)...)
			if p.wait(t) != 0 {
				t.Fatalf("%q on the undamaged file: %s", args, p.stderr.String())
			}
			clean[base] = append(clean[base], strings.ReplaceAll(p.stdout.String(), base, "DB"))
		}
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := copyFile(t, tt.base)
			f := readBoltFile(t, path)
			page := tt.damage(t, f)
			f.write(t, path)
			want := tt.want
			if strings.Contains(want, "%") {
				want = fmt.Sprintf(want, page)
			}
			p := startAlmanac(t, "", nil, "check", "--db", path)
			status := p.wait(t)
			t.Logf("check: %v, peak memory %d MiB", p.cmd.ProcessState.UserTime()+p.cmd.ProcessState.SystemTime(), p.maxRSS()>>20)
			if status != exitFailed {
				t.Errorf("check exit status %d, want %d\nstdout:\n%s\nstderr:\n%s", status, exitFailed, p.stdout.String(), p.stderr.String())
			}
			if !regexp.MustCompile(`(?m)^problem: bbolt: ` + want).MatchString(p.stdout.String()) {
				t.Errorf("check does not report %q:\n%s", want, p.stdout.String())
			}
			if p.maxRSS() > 3<<30 {
				t.Errorf("check peaked at %d MiB, over 3 GiB", p.maxRSS()>>20)
			}
			if !tt.reads {
				return
			}
			for i, args := range reads {
				p := startAlmanac(t, "", nil, append(args, "--db", path)...)
				status := p.wait(t)
				stderr := p.stderr.String()
				switch {
				case status == 0:
					if got := strings.ReplaceAll(p.stdout.String(), path, "DB"); got != clean[tt.base][i] {
						t.Errorf("%q exits 0 on the damaged file with output that differs from the undamaged file's:\n%s", args, got)
					}
				case strings.Contains(stderr, "goroutine ") || strings.Contains(stderr, "fatal error") || strings.HasPrefix(stderr, "panic:"):
					t.Errorf("%q crashed (status %d):\n%.2000s", args, status, stderr)
				case !bytes.Contains(p.stderr.Bytes(), []byte("database is corrupt")):
					t.Errorf("%q fails (status %d) without saying the database is corrupt:\n%s", args, status, stderr)
				default:
					t.Logf("%q refuses: %s", args, strings.TrimSpace(stderr))
				}
			}
		})
	}
}
