package query_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/almanacdb/almanac/query"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// Every query of the script files, sent through the wire format, writes
// exactly as it does at home, in every format and option, and keeps its
// figures, fact detail, document, plan and execution record.
func TestWireRoundTrip(t *testing.T) {
	files, err := filepath.Glob("testdata/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no scripts: %v", err)
	}
	opts := []query.WriteOptions{{}, {MaxRows: 2}, {Color: true, Width: 60}, {Width: 30, MaxLines: 9, NoHeaders: true}}
	n := 0
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		s := parseScript(t, string(data))
		db := openDB(t, loadFacts(t, s.facts))
		for _, b := range s.blocks {
			res, err := query.Run(context.Background(), db, b.query)
			if err != nil {
				continue
			}
			n++
			var wire bytes.Buffer
			if err := res.Encode(&wire); err != nil {
				t.Fatalf("%s: encode: %v", b.query, err)
			}
			if !json.Valid(wire.Bytes()) {
				t.Fatalf("%s: encode wrote invalid JSON", b.query)
			}
			got, err := query.DecodeResult(&wire)
			if err != nil {
				t.Fatalf("%s: decode: %v", b.query, err)
			}
			for _, f := range allFormats(t) {
				for _, o := range opts {
					if diff := cmp.Diff(render(t, res, f, o), render(t, got, f, o)); diff != "" {
						t.Errorf("%s (%v %+v): output differs after the trip (-home +decoded):\n%s", b.query, f, o, diff)
					}
				}
			}
			ignore := cmpopts.IgnoreUnexported(query.Figure{})
			if diff := cmp.Diff(slices.Collect(res.Figures()), slices.Collect(got.Figures()), ignore); diff != "" {
				t.Errorf("%s: figures (-home +decoded):\n%s", b.query, diff)
			}
			if diff := cmp.Diff(res.Detail, got.Detail, ignore, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("%s: detail (-home +decoded):\n%s", b.query, diff)
			}
			if diff := cmp.Diff(res.Exec, got.Exec, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("%s: exec (-home +decoded):\n%s", b.query, diff)
			}
			if diff := cmp.Diff(res.Document, got.Document); diff != "" {
				t.Errorf("%s: document (-home +decoded):\n%s", b.query, diff)
			}
			if got.Plan == nil || got.Plan.String() != res.Plan.String() {
				t.Errorf("%s: plan %v, decoded %v", b.query, res.Plan, got.Plan)
			}
		}
	}
	if n < 50 {
		t.Fatalf("only %d queries made the trip", n)
	}
}

func render(t *testing.T, r *query.Result, f query.Format, o query.WriteOptions) string {
	t.Helper()
	var b bytes.Buffer
	if err := r.Write(&b, f, o); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestDecodeResultRefusesDamage(t *testing.T) {
	for _, in := range []string{
		``, `[]`, `{"version": 2, "kind": "facts"}`, `{"version": 1, "kind": "nonsense"}`,
		`{"version": 1, "kind": "facts", "columns": [{"name": "a", "kind": "int"}], "rows": [[1, 2]]}`,
		`{"version": 1, "kind": "pivot", "columns": [{"name": "a", "kind": "fig"}], "rows": [[{"kind": "fig"}]]}`,
		`{"version": 1, "kind": "facts", "columns": [{"name": "a", "kind": "colour"}], "rows": []}`,
	} {
		if _, err := query.DecodeResult(strings.NewReader(in)); err == nil || !strings.HasPrefix(err.Error(), "decode result: ") {
			t.Errorf("DecodeResult(%q) = %v, want a decode error", in, err)
		}
	}
}

func TestSlice(t *testing.T) {
	db := openDB(t, loadFacts(t, smallFacts))
	res, err := query.Run(context.Background(), db, `metric high_tech_enterprises by year`)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		lo, hi int
		want   []float64
	}{{0, 1, []float64{1000}}, {1, 5, []float64{1180}}, {-3, 99, []float64{1000, 1180}}, {2, 1, nil}} {
		page := res.Slice(tc.lo, tc.hi)
		var got []float64
		for f := range page.Figures() {
			got = append(got, f.Value)
		}
		if diff := cmp.Diff(tc.want, got); diff != "" || page.Len() != len(tc.want) {
			t.Errorf("Slice(%d, %d): %d rows, figures (-want +got):\n%s", tc.lo, tc.hi, page.Len(), diff)
		}
	}
	if res.Len() != 2 {
		t.Errorf("Slice changed the result: %d rows", res.Len())
	}
	joined := res.Slice(0, 1)
	if err := joined.Append(res.Slice(1, 2)); err != nil {
		t.Fatal(err)
	}
	for _, f := range []query.Format{query.Table, query.JSON} {
		if diff := cmp.Diff(render(t, res, f, query.WriteOptions{}), render(t, joined, f, query.WriteOptions{})); diff != "" {
			t.Errorf("pages appended (-whole +joined):\n%s", diff)
		}
	}
	other, err := query.Run(context.Background(), db, `metrics`)
	if err != nil {
		t.Fatal(err)
	}
	if err := joined.Append(other); err == nil {
		t.Error("appending another query's result: no error")
	}
}
