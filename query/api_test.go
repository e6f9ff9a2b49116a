package query_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/almanacdb/almanac/query"
	"github.com/almanacdb/almanac/query/syntax"
	"github.com/almanacdb/almanac/store"
	"github.com/google/go-cmp/cmp"
)

// cancelOnView is a Source that cancels the query's context once the
// transaction has started, so that only the scan can notice.
type cancelOnView struct {
	db     *store.DB
	cancel func()
}

func (c cancelOnView) View(fn func(*store.Tx) error) error {
	c.cancel()
	return c.db.View(fn)
}

func TestCancelStopsScan(t *testing.T) {
	var docs []store.DocFacts
	for d := 0; d < 500; d++ {
		text := fmt.Sprintf("Document %d.", d)
		doc := store.DocFacts{Doc: store.Document{Source: fmt.Sprintf("d%d.txt", d), Text: text}}
		for i := 0; i < 20; i++ {
			doc.Facts = append(doc.Facts, store.Fact{Entity: fmt.Sprintf("E%d", i), Metric: "m", Year: 2000 + d%20,
				Value: float64(i), Unit: "count", SentenceEnd: len(text), End: 1})
		}
		docs = append(docs, doc)
	}
	db := openDB(t, docs)
	for _, q := range []string{"facts where value > 5", "metric m by year", "count facts where year >= 2000 and year <= 2019"} {
		ctx, cancel := context.WithCancel(context.Background())
		_, err := query.Run(ctx, cancelOnView{db, cancel}, q)
		if !errors.Is(err, context.Canceled) {
			t.Errorf("%s: got %v, want context.Canceled", q, err)
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), -time.Second)
	defer cancel()
	if _, err := query.Run(ctx, db, "facts"); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("expired context: got %v", err)
	}
}

func TestResultAPI(t *testing.T) {
	db := openDB(t, loadFacts(t, smallFacts))
	res, err := query.Run(context.Background(), db, `metric high_tech_enterprises by year`)
	if err != nil {
		t.Fatal(err)
	}
	if res.Kind != query.KindPivot || res.Len() != 2 {
		t.Fatalf("kind %v, %d rows; want pivot, 2", res.Kind, res.Len())
	}
	var years []int64
	for row := range res.Rows() {
		years = append(years, row[0].Int)
	}
	var each []int64
	stop := errors.New("stop")
	err = res.Each(func(row query.Row) error {
		each = append(each, row[0].Int)
		return stop
	})
	if !errors.Is(err, stop) || len(each) != 1 {
		t.Errorf("Each: %v after %d rows, want stop after 1", err, len(each))
	}
	if diff := cmp.Diff([]int64{2019, 2020}, years); diff != "" {
		t.Errorf("years (-want +got):\n%s", diff)
	}
	var figs []float64
	for f := range res.Figures() {
		figs = append(figs, f.Value)
	}
	if diff := cmp.Diff([]float64{1000, 1180}, figs); diff != "" {
		t.Errorf("figures (-want +got):\n%s", diff)
	}
	var facts [][]uint64
	for f := range res.Figures() {
		facts = append(facts, f.Facts)
	}
	if diff := cmp.Diff([][]uint64{{1}, {2}}, facts); diff != "" {
		t.Errorf("facts behind the figures (-want +got):\n%s", diff)
	}
	if got := res.Column("Harbin"); got != 1 {
		t.Errorf("Column(Harbin) = %d, want 1", got)
	}
	if res.Plan == nil || res.Exec.Access != "idx_metric" || res.Exec.RowsOut != 2 {
		t.Errorf("plan %v, exec %+v", res.Plan, res.Exec)
	}
}

func TestParseFormat(t *testing.T) {
	for in, want := range map[string]query.Format{"table": query.Table, "JSON": query.JSON, "jsonl": query.JSONL,
		"ndjson": query.JSONL, "csv": query.CSV, "": query.Table} {
		got, err := query.ParseFormat(in)
		if err != nil || got != want {
			t.Errorf("ParseFormat(%q) = %v, %v; want %v", in, got, err, want)
		}
		if err == nil && in != "" && in != "ndjson" && !strings.EqualFold(got.String(), in) {
			t.Errorf("%v.String() = %q", got, got.String())
		}
	}
	if _, err := query.ParseFormat("xml"); err == nil {
		t.Error("ParseFormat(xml) succeeded")
	}
}

// failWriter fails every write.
type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestWriteError(t *testing.T) {
	db := openDB(t, loadFacts(t, smallFacts))
	res, err := query.Run(context.Background(), db, `facts`)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range allFormats(t) {
		if err := res.Write(failWriter{}, f, query.WriteOptions{}); err == nil || !strings.Contains(err.Error(), "disk full") {
			t.Errorf("%v: got %v, want the writer's error", f, err)
		}
	}
}

// TestPlanString checks that a plan's text lowers back to the same plan.
func TestPlanString(t *testing.T) {
	for _, q := range []string{
		`metric high_tech_enterprises where entity = "Harbin" by year`,
		`explain sum metric gdp where year >= 2019 and (entity = "A" or not entity like "b*c") by year, entity order by value desc limit 3`,
		`facts where not (not year = 2020) and id in (1, 2) and period not in ("Q1", "year")`,
		`metrics like "incubator" where entity = "Harbin" order by value desc limit 2`,
		`show fact 12`, `show document "a.txt"`, `show document 3`, `search "5G base stations" limit 4`,
	} {
		p, err := parsePlan(q)
		if err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		if p.String() != q {
			t.Errorf("String() = %q, want %q", p.String(), q)
		}
	}
}

func TestErrorsArePositioned(t *testing.T) {
	db := openDB(t, loadFacts(t, smallFacts))
	_, err := query.Run(context.Background(), db, "facts where entity = Harbn and\n  year = \"x\"")
	var list syntax.ErrorList
	if !errors.As(err, &list) || len(list) != 2 {
		t.Fatalf("got %v, want two positioned errors", err)
	}
	if got := list[1].Error(); got != `2:10: type error: year is a number, got text "x"` {
		t.Errorf("second error %q", got)
	}
	if !strings.HasPrefix(err.Error(), "1:22: unknown entity") {
		t.Errorf("error %q", err)
	}
	if list[0].Suggestion != "Harbin" || list[1].Suggestion != "" {
		t.Errorf("suggestions %q, %q; want Harbin and none", list[0].Suggestion, list[1].Suggestion)
	}
}

func FuzzRun(f *testing.F) {
	for _, q := range []string{
		"metric high_tech_enterprises by year", "facts where year in (2019, 2020) or not value > 3",
		"count facts by metric order by value desc limit 3", "growth metric high_tech_enterprises by entity",
		"entities like \"h*n\"", "show fact 1", "search \"high tech\"", "explain facts where id >= 2",
		// Hostile input (see the root package's hostile_test.go).
		"facts\x00", "facts where entity = \"\xff\"", "facts where value > 1e400", "show fact 99999999999999999999",
		"count facts where document = 99999999999999999999", "facts where year in (2020, 67556)", "facts where value = -0",
	} {
		f.Add(q)
	}
	dir := f.TempDir()
	db, err := store.Open(filepath.Join(dir, "f.db"), &store.Options{NoSync: true})
	if err != nil {
		f.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Put(loadFacts(f, smallFacts)); err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, q string) {
		res, err := query.Run(context.Background(), db, q)
		if err != nil {
			var e *syntax.Error
			var list syntax.ErrorList
			if !errors.As(err, &e) && !errors.As(err, &list) {
				t.Fatalf("%q: unpositioned error %v", q, err)
			}
			return
		}
		for _, format := range allFormats(t) {
			for _, o := range []query.WriteOptions{{MaxRows: 5, Width: 40}, {MaxLines: 7, Width: 24, NoHeaders: true, Compact: true}} {
				if err := res.Write(devNull{}, format, o); err != nil {
					t.Fatal(err)
				}
			}
		}
	})
}

// allFormats returns every output format.
func allFormats(t testing.TB) []query.Format {
	var out []query.Format
	for _, name := range query.FormatNames() {
		f, err := query.ParseFormat(name)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, f)
	}
	return out
}

type devNull struct{}

func (devNull) Write(b []byte) (int, error) { return len(b), nil }

func ExampleRun() {
	dir, _ := os.MkdirTemp("", "almanac-example")
	defer os.RemoveAll(dir)
	db, err := store.Open(filepath.Join(dir, "a.db"), nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer db.Close()
	text := "Harbin had 1,000 high-tech enterprises in 2019 and 1,180 in 2020."
	db.Put([]store.DocFacts{{
		Doc: store.Document{Source: "harbin.txt", Title: "Harbin", Published: time.Date(2021, 4, 29, 0, 0, 0, 0, time.UTC), Text: text},
		Facts: []store.Fact{
			{Entity: "Harbin", Metric: "high_tech_enterprises", Year: 2019, Value: 1000, Unit: "count", SentenceEnd: len(text), Start: 11, End: 16},
			{Entity: "Harbin", Metric: "high_tech_enterprises", Year: 2020, Value: 1180, Unit: "count", SentenceEnd: len(text), Start: 50, End: 55},
		},
	}})
	res, err := query.Run(context.Background(), db, "metric high_tech_enterprises by year")
	if err != nil {
		fmt.Println(err)
		return
	}
	res.Write(os.Stdout, query.Table, query.WriteOptions{})
	res.Write(os.Stdout, query.CSV, query.WriteOptions{})
	// Output:
	// high_tech_enterprises (count), whole-year figures, actual
	// year  Harbin
	// ----  ------
	// 2019   1,000
	// 2020   1,180
	// entity,metric,year,period,value,unit,qualifier,status,sources,conflict,fact,facts
	// Harbin,high_tech_enterprises,2019,year,1000,count,exact,actual,1,false,1,1
	// Harbin,high_tech_enterprises,2020,year,1180,count,exact,actual,1,false,2,2
}
