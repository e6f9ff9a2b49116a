package store

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

var (
	pagesOnce sync.Once
	pagesBase []byte
	pagesErr  error
)

// pagesFixture returns the bytes of a small database: 40 documents of 30
// facts, enough for branch pages, overflow pages (the texts) and a
// freelist.
func pagesFixture(t testing.TB) []byte {
	t.Helper()
	pagesOnce.Do(func() {
		dir, err := os.MkdirTemp("", "almanac-pages")
		if err != nil {
			pagesErr = err
			return
		}
		defer os.RemoveAll(dir)
		path := filepath.Join(dir, "p.db")
		db, err := Open(path, &Options{NoSync: true})
		if err != nil {
			pagesErr = err
			return
		}
		for batch := range 4 {
			var docs []DocFacts
			for d := range 10 {
				text := strings.Repeat(fmt.Sprintf("Figures of document %d of batch %d. ", d, batch), 200)
				doc := DocFacts{Doc: Document{Source: fmt.Sprintf("b%d/d%d.txt", batch, d), Text: text,
					Published: time.Date(2021, 1, 1, 0, 0, 0, 0, time.UTC)}}
				for i := range 30 {
					doc.Facts = append(doc.Facts, Fact{Entity: fmt.Sprintf("Place %d", i%7), Metric: fmt.Sprintf("metric_%d", (d+i)%40),
						Year: 2000 + i%20, Value: float64(i), Unit: "count", SentenceEnd: 10, End: 2})
				}
				docs = append(docs, doc)
			}
			if _, err := db.Put(docs); err != nil {
				pagesErr = err
				return
			}
		}
		if err := db.Close(); err != nil {
			pagesErr = err
			return
		}
		pagesBase, pagesErr = os.ReadFile(path)
	})
	if pagesErr != nil {
		t.Fatal(pagesErr)
	}
	return pagesBase
}

func TestCheckPagesClean(t *testing.T) {
	data := pagesFixture(t)
	m, err := currentMeta(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	probs, err := checkPages(context.Background(), bytes.NewReader(data), int64(len(data)), m, 100)
	if err != nil || len(probs) > 0 {
		t.Fatalf("clean file: %v %v", err, probs)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := checkPages(ctx, bytes.NewReader(data), int64(len(data)), m, 100); err == nil && m.hwm > 1024 {
		t.Errorf("a cancelled context did not stop the walk")
	}
}

// FuzzCheckPages damages the fixture's bytes at one place and checks the
// file. The page check must never panic, and when it finds the structure
// safe, the full Check (which walks the trees through bbolt) must finish
// without a crash: bbolt on a cycle it was not warned of would overflow
// its stack, which no recover catches.
func FuzzCheckPages(f *testing.F) {
	base := pagesFixture(f)
	f.Add(uint32(12300), []byte{0xff, 0xff, 0xff, 0xff}) // page 3's overflow count
	f.Add(uint32(4096*5), []byte{0xe7, 0x03})            // a page's ID
	f.Add(uint32(4096*6+8), []byte{0x10})                // a page's type
	f.Add(uint32(4096*7+24), []byte{7, 0, 0, 0, 0, 0, 0, 0})
	f.Add(uint32(4096*8+16), []byte{0xff, 0xff})
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, off uint32, patch []byte) {
		if len(patch) > 64 {
			patch = patch[:64]
		}
		data := bytes.Clone(base)
		o := int(off) % len(data)
		copy(data[o:], patch)
		m, err := currentMeta(bytes.NewReader(data))
		if err != nil {
			return
		}
		probs, err := checkPages(context.Background(), bytes.NewReader(data), int64(len(data)), m, 100)
		if err != nil {
			t.Fatalf("check pages: %v", err)
		}
		for _, p := range probs {
			if p.Structural {
				return
			}
		}
		path := filepath.Join(dir, "f.db")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		db, err := Open(path, &Options{ReadOnly: true})
		if err != nil {
			return
		}
		defer db.Close()
		db.Check(context.Background())
	})
}
