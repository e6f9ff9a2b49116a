package store_test

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/almanacdb/almanac/store"
	"github.com/google/go-cmp/cmp"
)

// schema1DB copies testdata/schema1/schema1.db, a database written by the
// schema 1 almanac (see testdata/schema1/README.md), to a temporary file
// and returns its path.
func schema1DB(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "schema1", "schema1.db"))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "schema1.db")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// sources lists the stored documents' sources in ID order.
func sources(t *testing.T, db *store.DB) []string {
	t.Helper()
	var out []string
	err := db.View(func(tx *store.Tx) error {
		return tx.Documents(func(d store.Document) error {
			out = append(out, d.Source)
			return nil
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// A schema 1 file opens read-only as it is, and read-write upgrades to
// schema 2: its documents keep their base-name keys and check clean.
func TestOpenSchema1(t *testing.T) {
	path := schema1DB(t)
	ro, err := store.Open(path, &store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	if v, err := ro.Schema(); err != nil || v != 1 {
		t.Errorf("read-only open: schema %d, %v; want 1 (not upgraded)", v, err)
	}
	if diff := cmp.Diff([]string{"parks.txt", "report.txt"}, sources(t, ro)); diff != "" {
		t.Errorf("documents read-only (-want +got):\n%s", diff)
	}
	ro.Close()

	db, err := store.Open(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if v, err := db.Schema(); err != nil || v != store.SchemaVersion {
		t.Errorf("read-write open: schema %d, %v; want %d", v, err, store.SchemaVersion)
	}
	if probs, err := db.Check(t.Context()); err != nil || len(probs) > 0 {
		t.Errorf("check after the upgrade: %v %q", err, probs)
	}
	if diff := cmp.Diff([]string{"parks.txt", "report.txt"}, sources(t, db)); diff != "" {
		t.Errorf("documents after the upgrade (-want +got):\n%s", diff)
	}
}

// After the upgrade, a document whose legacy name is a pre-upgrade
// document's key never replaces it: with other text both are kept (and
// Legacy says so), with the same text the old one takes the full identity.
func TestLegacySource(t *testing.T) {
	db, err := store.Open(schema1DB(t), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var legacyID uint64
	var legacyText string
	err = db.View(func(tx *store.Tx) error {
		d, err := tx.DocumentBySource("report.txt")
		if err != nil {
			return err
		}
		legacyID = d.ID
		legacyText, err = tx.DocumentText(d.ID)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}

	other := store.DocFacts{Doc: store.Document{Source: "north/report.txt", Text: "Another report from the north."}, LegacySource: "report.txt"}
	res := put(t, db, other)
	if res[0].Outcome != store.Added || res[0].Legacy != legacyID {
		t.Errorf("other text under a legacy name: %+v, want added with Legacy %d", res[0], legacyID)
	}
	same := store.DocFacts{Doc: store.Document{Source: "south/report.txt", Text: legacyText}, LegacySource: "report.txt"}
	res = put(t, db, same)
	if res[0].Outcome != store.Duplicate || res[0].Doc != legacyID || res[0].Renamed != "report.txt" {
		t.Errorf("same text under a legacy name: %+v, want a duplicate of %d renamed from report.txt", res[0], legacyID)
	}
	if diff := cmp.Diff([]string{"parks.txt", "south/report.txt", "north/report.txt"}, sources(t, db)); diff != "" {
		t.Errorf("documents (-want +got):\n%s", diff)
	}
	// A document stored after the upgrade is never taken for a legacy one.
	res = put(t, db, store.DocFacts{Doc: store.Document{Source: "x/north/report.txt", Text: "A third report."}, LegacySource: "north/report.txt"})
	if res[0].Outcome != store.Added || res[0].Legacy != 0 {
		t.Errorf("legacy name of a schema 2 document: %+v", res[0])
	}
	if probs, err := db.Check(t.Context()); err != nil || len(probs) > 0 {
		t.Errorf("check: %v %q", err, probs)
	}
}

// NoReplace keeps a stored document with the same source and other text:
// the new one fails with ErrExists naming it.
func TestNoReplace(t *testing.T) {
	db, _ := openTemp(t)
	first := put(t, db, sample("stdin", sampleText))
	second := sample("stdin", sampleText+" More.")
	second.NoReplace = true
	res := put(t, db, second)
	if res[0].Outcome != store.Failed || !errors.Is(res[0].Err, store.ErrExists) || res[0].Doc != first[0].Doc {
		t.Errorf("NoReplace: %+v, want failed with ErrExists naming document %d", res[0], first[0].Doc)
	}
	again := sample("stdin", sampleText)
	again.NoReplace = true
	if res := put(t, db, again); res[0].Outcome != store.Duplicate {
		t.Errorf("NoReplace, same text: %+v, want a duplicate", res[0])
	}
	if res := put(t, db, sample("stdin", sampleText+" More.")); res[0].Outcome != store.Replaced {
		t.Errorf("without NoReplace: %+v, want replaced", res[0])
	}
}
