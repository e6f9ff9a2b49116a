package ingest_test

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/almanacdb/almanac/ingest"
	"github.com/almanacdb/almanac/store"
)

// Inputs stores good inputs together, in one transaction, and reports a
// bad one without spoiling the rest.
func TestInputs(t *testing.T) {
	db, err := store.Open(filepath.Join(t.TempDir(), "i.db"), &store.Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	snapshot := func() uint64 {
		var s uint64
		db.View(func(tx *store.Tx) error { s = tx.Snapshot(); return nil })
		return s
	}
	before := snapshot()
	var failed []string
	sum, err := ingest.Inputs(context.Background(), db, []ingest.Input{
		{Name: "one.txt", R: strings.NewReader("Harbin had 12 museums in 2021.")},
		{Name: "two.html", R: strings.NewReader("<html><body><p>Daqing had 41 parks in 2022.</p></body></html>")},
		{Name: "bad.txt", R: strings.NewReader("\x00\x01 binary")},
		{Name: "three.txt", R: strings.NewReader("Jixi had 9 ski resorts in 2020.")},
	}, ingest.Options{Report: func(r ingest.Report) {
		if r.Err != nil {
			failed = append(failed, r.Path)
		}
	}})
	if !errors.Is(err, ingest.ErrFailed) || sum.Added != 3 || sum.Failed != 1 || len(failed) != 1 || failed[0] != "bad.txt" {
		t.Fatalf("summary %+v, failed %v, err %v", sum, failed, err)
	}
	if commits := snapshot() - before; commits != 1 {
		t.Errorf("%d commits for three documents, want one transaction", commits)
	}
}
