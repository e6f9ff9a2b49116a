package shell

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		t.Errorf("%s (-want +got):\n%s", path, diff)
	}
}

func TestDrawChart(t *testing.T) {
	enterprises := []series{
		{"Harbin", []point{{2019, 1000}, {2020, 1200}, {2021, 1650}, {2022, 2603}, {2023, 3000}}},
		{"Daqing", []point{{2020, 300}, {2021, 410}, {2023, 520}}},
	}
	tests := []struct {
		name string
		spec chartSpec
	}{
		{"line", chartSpec{title: "high_tech_enterprises", series: enterprises, width: 80, height: 10}},
		{"bar", chartSpec{title: "high_tech_enterprises", series: enterprises, bars: true, width: 60}},
		{"one_point", chartSpec{title: "gdp", unit: "CNY", series: []series{{"Harbin", []point{{2022, 549.01e9}}}}, width: 80, height: 6}},
		{"flat", chartSpec{series: []series{{"A", []point{{2020, 5}, {2021, 5}, {2022, 5}}}}, width: 40, height: 5}},
		{"negative", chartSpec{title: "growth", unit: "%", series: []series{{"A", []point{{2019, 6.1}, {2020, -0.5}, {2021, 4.4}}}}, width: 50, height: 8}},
		{"many_years", chartSpec{series: []series{{"A", manyYears(1990, 2024)}}, width: 80, height: 8}},
		{"narrow", chartSpec{series: enterprises, width: 30, height: 6}},
		{"color", chartSpec{series: enterprises, width: 60, height: 6, color: true}},
	}
	var all strings.Builder
	for _, tt := range tests {
		var b strings.Builder
		if err := drawChart(&b, tt.spec); err != nil {
			t.Fatal(err)
		}
		all.WriteString("== " + tt.name + "\n" + b.String())
		for i, line := range strings.Split(b.String(), "\n") {
			if w := len([]rune(line)); w > tt.spec.width && !tt.spec.color {
				t.Errorf("%s: line %d is %d columns, wider than %d: %q", tt.name, i+1, w, tt.spec.width, line)
			}
		}
	}
	golden(t, "charts.golden", all.String())
}

func manyYears(from, to int) []point {
	var ps []point
	for y := from; y <= to; y++ {
		ps = append(ps, point{y, float64((y - from) * (y - from))})
	}
	return ps
}

func TestNiceTicks(t *testing.T) {
	tests := []struct {
		lo, hi float64
		n      int
		want   []float64
	}{
		{300, 3000, 3, []float64{0, 1000, 2000, 3000}},
		{0, 1, 4, []float64{0, 0.25, 0.5, 0.75, 1}},
		{-0.5, 6.1, 3, []float64{-2.5, 0, 2.5, 5, 7.5}},
		{5, 5, 2, []float64{2.5, 5, 7.5}},
		{0, 0, 2, []float64{0, 1}},
	}
	for _, tt := range tests {
		got := niceTicks(tt.lo, tt.hi, tt.n)
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("niceTicks(%v, %v, %d) (-want +got):\n%s", tt.lo, tt.hi, tt.n, diff)
		}
	}
}

func TestFormatValue(t *testing.T) {
	for v, want := range map[float64]string{0: "0", 1234567.891: "1,234,567.89", -1200: "-1,200", 3.5: "3.5", 999: "999"} {
		if got := formatValue(v); got != want {
			t.Errorf("formatValue(%v) = %q, want %q", v, got, want)
		}
	}
}
