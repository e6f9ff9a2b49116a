package almanac_test

import (
	"context"
	"encoding/binary"
	"errors"
	"path/filepath"
	"testing"

	"github.com/almanacdb/almanac"
	"github.com/almanacdb/almanac/query/syntax"
	bolt "go.etcd.io/bbolt"
)

// TestStorageErrors: a query that meets malformed stored data fails with
// an error that wraps ErrCorrupt, not with a positioned query error, and
// a mistake in a query is still reported at its position.
func TestStorageErrors(t *testing.T) {
	path := filepath.Join(t.TempDir(), "corrupt.db")
	db, err := almanac.Open(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if _, err := db.IngestFS(ctx, almanac.SampleArticles(), nil); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}

	// Break the catalogue record of one metric, every document record and
	// the idx_metric entries of another metric.
	b, err := bolt.Open(path, 0o644, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = b.Update(func(tx *bolt.Tx) error {
		id := func(name string) []byte { return tx.Bucket([]byte("metric_names")).Get([]byte(name)) }
		hte, gdp := id("high_tech_enterprises"), id("gdp")
		if hte == nil || gdp == nil {
			t.Fatal("the sample articles lack high_tech_enterprises or gdp")
		}
		if err := tx.Bucket([]byte("metrics")).Put(hte, []byte{1}); err != nil {
			return err
		}
		docs := tx.Bucket([]byte("documents"))
		var keys [][]byte
		docs.ForEach(func(k, _ []byte) error { keys = append(keys, append([]byte(nil), k...)); return nil })
		for _, k := range keys {
			if err := docs.Put(k, []byte{9}); err != nil {
				return err
			}
		}
		idx := tx.Bucket([]byte("idx_metric"))
		c := idx.Cursor()
		var entries [][]byte
		for k, _ := c.Seek(gdp); k != nil && binary.BigEndian.Uint32(k) == binary.BigEndian.Uint32(gdp); k, _ = c.Next() {
			entries = append(entries, append([]byte(nil), k...))
		}
		for _, k := range entries {
			if err := idx.Put(k, []byte{1}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := b.Close(); err != nil {
		t.Fatal(err)
	}

	db, err = almanac.Open(path, &almanac.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, q := range []string{
		"metrics",                                     // the catalogue itself
		"metric High_Tech_Enterprises by year",        // a name matched ignoring case reads the catalogue
		"facts where document = 1",                    // a document by ID
		`facts where document = "harbin_q1_2024.txt"`, // a document by name
		"facts where metric = high_tech_enterprises",  // the list names each fact's document
		"metric gdp by year",                          // the index entries
	} {
		_, err := db.Query(ctx, q)
		var pos *syntax.Error
		switch {
		case err == nil:
			t.Errorf("%s: no error", q)
		case !errors.Is(err, almanac.ErrCorrupt):
			t.Errorf("%s: %v does not wrap ErrCorrupt", q, err)
		case errors.As(err, &pos):
			t.Errorf("%s: the store's failure came back as a query error: %v", q, err)
		}
	}
	_, err = db.Query(ctx, "facts where entity = Nowhere")
	var pos *syntax.Error
	if !errors.As(err, &pos) || pos.Pos.Column != 22 || errors.Is(err, almanac.ErrCorrupt) {
		t.Errorf("unknown entity: %v, want a positioned error at 1:22", err)
	}
}
