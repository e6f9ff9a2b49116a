package store_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/almanacdb/almanac/store"
	"github.com/google/go-cmp/cmp"
)

func TestDocumentPublished(t *testing.T) {
	db, _ := openTemp(t)
	dated := sample("dated.txt", sampleText)
	undated := sample("undated.txt", sampleText+" Again.")
	undated.Doc.Published = time.Time{}
	res := put(t, db, dated, undated)
	err := db.View(func(tx *store.Tx) error {
		days, ok := tx.DocumentPublished(res[0].Doc)
		if want := dated.Doc.Published.Unix() / 86400; !ok || days != want {
			t.Errorf("dated: got %d, %v; want %d, true", days, ok, want)
		}
		if _, ok := tx.DocumentPublished(res[1].Doc); ok {
			t.Error("undated document has a date")
		}
		if _, ok := tx.DocumentPublished(999); ok {
			t.Error("missing document has a date")
		}
		var got []string
		tx.DocumentsPublished([]uint64{0, res[0].Doc, res[1].Doc, 999}, func(id uint64, days int64, ok bool) {
			got = append(got, fmt.Sprint(id, days, ok))
		})
		want := []string{"0 0 false", fmt.Sprint(res[0].Doc, dated.Doc.Published.Unix()/86400, true), fmt.Sprint(res[1].Doc, 0, false), "999 0 false"}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("DocumentsPublished (-want +got):\n%s", diff)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestScanFacts(t *testing.T) {
	db, _ := openTemp(t)
	put(t, db, sample("a.txt", sampleText), sample("b.txt", sampleText+" More."))
	var all, ranged []store.Entry
	err := db.View(func(tx *store.Tx) error {
		if _, err := tx.ScanAll(func(e store.Entry) error { all = append(all, e); return nil }); err != nil {
			return err
		}
		n, err := tx.ScanFacts(2, 3, func(e *store.Entry) error { ranged = append(ranged, *e); return nil })
		if n != 3 { // 2, 3, and the key past the bound
			t.Errorf("ScanFacts read %d records, want 3", n)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(all[1:3], ranged); diff != "" {
		t.Errorf("ScanFacts(2, 3) (-ScanAll +ScanFacts):\n%s", diff)
	}
	var whole []store.Entry
	_ = db.View(func(tx *store.Tx) error {
		_, err := tx.ScanFacts(0, 0, func(e *store.Entry) error { whole = append(whole, *e); return nil })
		return err
	})
	if diff := cmp.Diff(all, whole); diff != "" {
		t.Errorf("ScanFacts(0, 0) (-ScanAll +ScanFacts):\n%s", diff)
	}
}
