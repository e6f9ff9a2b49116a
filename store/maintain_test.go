package store_test

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/almanacdb/almanac/store"
	"github.com/google/go-cmp/cmp"
)

func loadSome(t *testing.T, db *store.DB, n int) {
	t.Helper()
	var docs []store.DocFacts
	for i := range n {
		docs = append(docs, sample(fmt.Sprintf("d%03d.txt", i), fmt.Sprintf("%s %d", sampleText, i)))
	}
	put(t, db, docs...)
}

func TestCheckCleanAndCorrupt(t *testing.T) {
	db, _ := openTemp(t)
	loadSome(t, db, 20)
	// Replace a few, so deletions are exercised too.
	put(t, db, sample("d003.txt", sampleText+" new"), sample("d007.txt", sampleText+" new"))
	if probs, err := db.Check(t.Context()); err != nil || len(probs) != 0 {
		t.Fatalf("clean database: %v %q", err, probs)
	}
	tests := []struct {
		name   string
		bucket string
		key    []byte
		value  []byte // nil deletes
		want   string
	}{
		{"index entry lost", "idx_metric", nil, nil, "missing from idx_metric"},
		{"catalogue count wrong", "entities", u32(1), append(binary.BigEndian.AppendUint64(nil, 99), append([]byte{6}, "Harbin"...)...), "counts 99 facts"},
		{"fact lost", "facts", u64(5), nil, "missing fact 5"},
		{"years wrong", "years", []byte{0x07, 0xE4}, binary.BigEndian.AppendUint64(nil, 1), "2020 counts 1 facts"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db, _ := openTemp(t)
			loadSome(t, db, 5)
			err := db.Bolt().Update(func(tx *boltTx) error {
				b := tx.Bucket([]byte(tt.bucket))
				key := tt.key
				if key == nil {
					key, _ = b.Cursor().First()
				}
				if tt.value == nil {
					return b.Delete(key)
				}
				return b.Put(key, tt.value)
			})
			if err != nil {
				t.Fatal(err)
			}
			probs, err := db.Check(t.Context())
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(strings.Join(probs, "\n"), tt.want) {
				t.Errorf("problems %q do not mention %q", probs, tt.want)
			}
		})
	}
}

func TestBackupAndCompact(t *testing.T) {
	db, path := openTemp(t)
	loadSome(t, db, 200)
	var replacements []store.DocFacts
	for i := range 150 {
		replacements = append(replacements, sample(fmt.Sprintf("d%03d.txt", i), fmt.Sprintf("%s %d v2", sampleText, i)))
	}
	put(t, db, replacements...)
	want := allFacts(t, db)

	backup := filepath.Join(t.TempDir(), "backup.db")
	if _, err := db.Backup(t.Context(), backup); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Backup(t.Context(), backup); err == nil || !strings.Contains(err.Error(), "already exists") {
		t.Errorf("backup over an existing file: %v", err)
	}
	b, err := store.Open(backup, &store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, allFacts(t, b)); diff != "" {
		t.Errorf("backup differs (-want +got):\n%s", diff)
	}
	b.Close()

	before, after, err := db.Compact(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if after > before {
		t.Errorf("compact grew the file: %d -> %d", before, after)
	}
	db, err = store.Open(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if diff := cmp.Diff(want, allFacts(t, db)); diff != "" {
		t.Errorf("compacted database differs (-want +got):\n%s", diff)
	}
	if probs, err := db.Check(t.Context()); err != nil || len(probs) != 0 {
		t.Errorf("check after compact: %v %q", err, probs)
	}
	// Sequences survive compaction: new facts get new IDs.
	res := put(t, db, sample("fresh.txt", sampleText+" fresh"))
	if res[0].Doc <= 350 {
		t.Errorf("document ID after compact = %d, want above 350", res[0].Doc)
	}
}

// countingCtx is a context whose Err turns to context.Canceled at its
// at-th call (never if at is 0), counting the calls.
type countingCtx struct {
	context.Context
	n, at int
}

func (c *countingCtx) Err() error {
	c.n++
	if c.at > 0 && c.n >= c.at {
		return context.Canceled
	}
	return nil
}

// A compact cancelled at any of its looks at the context, the last one
// after the copy's sync included, returns context.Canceled and leaves
// the file byte for byte as it was, with no copy beside it.
func TestCompactCancelled(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "c.db")
	db, err := store.Open(path, &store.Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	loadSome(t, db, 1000) // more than 4,096 keys: the copy looks too
	db.Close()
	original, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	compact := func(ctx context.Context) error {
		db, err := store.Open(path, nil)
		if err != nil {
			t.Fatal(err)
		}
		_, _, err = db.Compact(ctx)
		return err
	}
	scratch := filepath.Join(t.TempDir(), "c.db")
	if err := os.WriteFile(scratch, original, 0o644); err != nil {
		t.Fatal(err)
	}
	full := &countingCtx{Context: t.Context()}
	{
		db, err := store.Open(scratch, nil)
		if err != nil {
			t.Fatal(err)
		}
		if _, _, err := db.Compact(full); err != nil {
			t.Fatal(err)
		}
	}
	if full.n < 2 {
		t.Fatalf("compact looked at its context %d times, want the copy's looks and the one after its sync", full.n)
	}
	for at := 1; at <= full.n; at++ {
		err := compact(&countingCtx{Context: t.Context(), at: at})
		if !errors.Is(err, context.Canceled) {
			t.Errorf("cancelled at look %d of %d: err = %v, want context.Canceled", at, full.n, err)
		}
		got, rerr := os.ReadFile(path)
		if rerr != nil {
			t.Fatal(rerr)
		}
		if !bytes.Equal(got, original) {
			t.Fatalf("cancelled at look %d of %d: the file changed", at, full.n)
		}
		if entries, _ := os.ReadDir(dir); len(entries) != 1 {
			t.Errorf("cancelled at look %d of %d: the directory holds %d files", at, full.n, len(entries))
		}
	}
}
