package store_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/almanacdb/almanac/store"
	"github.com/google/go-cmp/cmp"
)

// TestEntryPublished: every entry, from each index and from the facts
// bucket, carries its document's publication day (NoDate when unknown).
func TestEntryPublished(t *testing.T) {
	db, _ := openTemp(t)
	dated := sample("dated.txt", sampleText)
	undated := sample("undated.txt", sampleText+" Again.")
	undated.Doc.Published = time.Time{}
	res := put(t, db, dated, undated)
	want := map[uint64]int32{res[0].Doc: int32(dated.Doc.Published.Unix() / 86400), res[1].Doc: store.NoDate}
	err := db.View(func(tx *store.Tx) error {
		var got []string
		check := func(where string, e store.Entry) {
			if e.Published != want[e.Doc] {
				got = append(got, fmt.Sprintf("%s: fact %d published %d, want %d", where, e.Fact, e.Published, want[e.Doc]))
			}
		}
		harbin, _ := tx.EntityID("Harbin")
		tx.Scan(store.ByEntity, harbin, store.YearRange{}, func(e store.Entry) error { check("idx_entity", e); return nil })
		tx.Scan(store.ByYear, 2020, store.YearRange{}, func(e store.Entry) error { check("idx_year", e); return nil })
		tx.ScanAll(func(e store.Entry) error { check("facts", e); return nil })
		tx.ScanFacts(0, 0, func(e *store.Entry) error { check("ScanFacts", *e); return nil })
		if diff := cmp.Diff([]string(nil), got); diff != "" {
			t.Errorf("entries (-want +got):\n%s", diff)
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

func TestCount(t *testing.T) {
	db, _ := openTemp(t)
	put(t, db, sample("a.txt", sampleText), sample("b.txt", sampleText+" B."))
	db.View(func(tx *store.Tx) error {
		harbin, _ := tx.EntityID("Harbin")
		gdp, _ := tx.MetricID("gdp_growth")
		got := []int{tx.Count(store.ByEntity, harbin), tx.Count(store.ByMetric, gdp), tx.Count(store.ByYear, 2020), tx.Count(store.ByMetric, 999), tx.DocumentCount()}
		if diff := cmp.Diff([]int{4, 2, 2, 0, 2}, got); diff != "" {
			t.Errorf("counts (-want +got):\n%s", diff)
		}
		return nil
	})
}
