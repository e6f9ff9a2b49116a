package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// testDir holds the sample database the tests share; TestMain removes it.
var testDir string

func TestMain(m *testing.M) {
	flag.Parse()
	dir, err := os.MkdirTemp("", "almanac-cmd-test")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	testDir = dir
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

var (
	sampleOnce sync.Once
	sampleErr  error
)

// sampleDB returns a database of the sample articles, made once by the
// command itself from examples/articles (the articles the binary bundles).
func sampleDB(t *testing.T) string {
	t.Helper()
	bin := almanacBinary(t)
	path := filepath.Join(testDir, "sample.db")
	sampleOnce.Do(func() {
		cmd := exec.Command(bin, "ingest", "--quiet", "--db", path, filepath.Join("..", "..", "examples", "articles"))
		cmd.Stdin = strings.NewReader("") // reads no statements, whatever the test's standard input holds
		if out, err := cmd.CombinedOutput(); err != nil {
			sampleErr = fmt.Errorf("%v: %s", err, out)
		}
	})
	if sampleErr != nil {
		t.Fatalf("create the sample database: %v", sampleErr)
	}
	return path
}

// runAlmanac runs the binary with args and stdin in dir (the test's temp dir
// if ""), and returns its stdout, stderr and exit status.
func runAlmanac(t *testing.T, dir, stdin string, args ...string) (stdout, stderr string, status int) {
	t.Helper()
	cmd := exec.Command(almanacBinary(t), args...)
	if dir == "" {
		dir = t.TempDir()
	}
	cmd.Dir = dir
	cmd.Stdin = strings.NewReader(stdin)
	cmd.Env = append(os.Environ(), "NO_COLOR=", "HOME="+dir, "XDG_STATE_HOME=")
	var out, errs bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errs
	err := cmd.Run()
	if ee, ok := err.(*exec.ExitError); ok {
		status = ee.ExitCode()
	} else if err != nil {
		t.Fatalf("run almanac %q: %v", args, err)
	}
	return out.String(), errs.String(), status
}

// firstMetric returns a metric of the sample database, read from it, so
// that tests do not depend on what the extractor finds.
func firstMetric(t *testing.T) string {
	t.Helper()
	out, errs, status := runAlmanac(t, "", "", "query", "--db", sampleDB(t), "--format", "csv", "metrics")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if status != 0 || len(lines) < 2 {
		t.Fatalf("metrics: status %d, stdout %q, stderr %q", status, out, errs)
	}
	name, _, _ := strings.Cut(lines[1], ",")
	return name
}

func TestBatch(t *testing.T) {
	metric := firstMetric(t)
	db := sampleDB(t)
	tests := []struct {
		name   string
		stdin  string
		args   []string
		status int
		stdout string // regexp the output must match
		stderr string // regexp stderr must match; "" means empty
	}{
		{"one query", "", []string{"query", "--db", db, "metrics"}, 0, `(?m)^metric +facts\n`, ""},
		{"flags after queries", "", []string{"query", "metrics", "--db", db, "--format", "csv"}, 0, `^metric,facts\n`, ""},
		{"several", "", []string{"query", "--db", db, "years", "metric " + metric + " by year"}, 0, `(?s)year +facts.*` + metric, ""},
		{"json", "", []string{"query", "--db", db, "--format", "json", "years"}, 0, `^\[\{"year":\d+,"facts":\d+\}.*\]\n$`, ""},
		{"json lines", "", []string{"query", "--db", db, "--format", "json", "years", "units"}, 0, `^\[\{"year":\d+,.*\]\n\[\{"unit":.*\]\n$`, ""},
		{"keyword values", "", []string{"query", "--db", db, "--format", "csv", "count facts where period = year and unit in (count, percent)"}, 0, `^figures,facts\n\d+,`, ""},
		{"version", "", []string{"--version"}, 0, `^almanac \S+.*, go1\.\d+`, ""},
		{"-c", "", []string{"--db", db, "-c", ".mode csv", "-c", "years"}, 0, `^year,facts\n`, ""},
		{"-c error", "", []string{"--db", db, "-c", "years", "-c", "metric gdp by yaer"}, 1, `year +facts`, `^-c:2:15: .*did you mean year\?`},
		{"-cmd then stdin", "years\n", []string{"--db", db, "-cmd", ".mode tsv"}, 0, `^year\tfacts\n`, ""},
		{"status on stderr", ".timer on\nyears\n", []string{"--db", db}, 0, `^year +facts\n`, `^timer is on\nTime: `},
		{"meta did you mean", ".fromat csv\n", []string{"--db", db}, 1, `^$`, `^<stdin>:1: unknown command \.fromat: did you mean \.format\?`},
		{"error position", "", []string{"query", "--db", db, "years", "metric by year"}, 1, `year +facts`,
			`^query:2:8: unexpected "by", expected a metric name\n  metric by year\n         \^\n$`},
		{"unknown metric", "", []string{"query", "--db", db, "metric nosuch_metric by year"}, 1, `^$`, `^query:1:8: unknown metric "nosuch_metric"`},
		{"all run without bail", "", []string{"query", "--db", db, "metric by year", "years"}, 1, `year +facts`, `^query:1:8: `},
		{"bail", "", []string{"query", "--db", db, "--bail", "metric by year", "years"}, 1, `^$`, `^query:1:8: `},
		{"stdin", "years\n# comment\n\nmetric by year\nmetrics\n", []string{"query", "--db", db}, 1, `(?s)year +facts.*metric +facts`, `^<stdin>:4:8: `},
		{"stdin continued", "facts where year in (2021,\n  2022) and\n  yaer = 1\n", []string{"query", "--db", db}, 1, `^$`, `^<stdin>:3:3: `},
		{"meta-commands", ".format csv\nyears\n.help formats\n", []string{"query", "--db", db}, 0, `(?s)^year,facts\n.*table is for people`, ""},
		{"shell reads stdin", "years\n", []string{"--db", db}, 0, `year +facts`, ""},
		{"shell error", "years\nfrobnicate\n", []string{"--db", db}, 1, `year +facts`, `^<stdin>:2:1: unexpected name "frobnicate"`},
		{"shell json", "years\n", []string{"--db", db, "--format", "jsonl"}, 0, `^\{"year":`, ""},
		{"bad format", "", []string{"query", "--db", db, "--format", "xml", "years"}, 2, `^$`, `unknown format "xml"`},
		{"bad flag", "", []string{"query", "--nosuch"}, 2, `^$`, `flag provided but not defined: -nosuch`},
		{"shell bad argument", "", []string{"--db", db, "extra"}, 2, `^$`, `unexpected argument "extra"`},
		{"missing database", "", []string{"query", "--db", "nosuch.db", "years"}, 1, `^$`, `nosuch.db does not exist`},
		{"missing file", "", []string{"query", "--db", db, "-f", "nosuch.aq"}, 1, `^$`, `nosuch.aq`},
		{"help", "", []string{"query", "--help"}, 0, `^$`, `usage: almanac query`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errs, status := runAlmanac(t, "", tt.stdin, tt.args...)
			if status != tt.status {
				t.Errorf("exit status %d, want %d\nstdout:\n%s\nstderr:\n%s", status, tt.status, out, errs)
			}
			if !regexp.MustCompile(tt.stdout).MatchString(out) {
				t.Errorf("stdout does not match %q:\n%s", tt.stdout, out)
			}
			if tt.stderr == "" && errs != "" || !regexp.MustCompile(tt.stderr).MatchString(errs) {
				t.Errorf("stderr does not match %q:\n%s", tt.stderr, errs)
			}
		})
	}
}

// Only an interactive first run without --db creates the sample database
// (TestREPLOnTerminal runs that one): a batch, or a --db that names no
// file (a typo), is an error that creates nothing.
func TestFirstRunOnlyOnATerminal(t *testing.T) {
	for _, args := range [][]string{nil, {"--db", "typo.db"}} {
		dir := t.TempDir()
		out, errs, status := runAlmanac(t, dir, "documents\n", args...)
		name := "almanac.db"
		if args != nil {
			name = "typo.db"
		}
		want := "almanac: " + name + " does not exist (create it with 'almanac ingest --db " + name + " PATH'; 'almanac' alone on a terminal creates almanac.db from the sample articles)\n"
		if status != exitFailed || out != "" || errs != want {
			t.Errorf("almanac %q: status %d, stdout %q, stderr %q; want status %d and %q", args, status, out, errs, exitFailed, want)
		}
		if entries, _ := os.ReadDir(dir); len(entries) != 0 {
			t.Errorf("almanac %q created %v", args, entries)
		}
	}
}

// examples/queries.aq runs without errors on the sample articles. What it
// prints depends on the extractor, so testdata/queries.golden keeps its
// shape only: the first column of each table's header, in order (go test
// -update rewrites it).
func TestQueriesExample(t *testing.T) {
	script, err := filepath.Abs("../../examples/queries.aq")
	if err != nil {
		t.Fatal(err)
	}
	out, errs, status := runAlmanac(t, "", "", "query", "--db", sampleDB(t), "-f", script)
	if status != 0 || errs != "" {
		t.Fatalf("exit status %d; stderr:\n%s", status, errs)
	}
	for _, want := range []string{"█", "\naccess:", "\nyear,facts\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in the output:\n%s", want, out)
		}
	}
	if t.Failed() || !golden(t, "testdata/queries.golden", shape(out)) {
		t.Logf("output:\n%s", out)
	}
}

// shape returns the first column name of each table header in out: the
// lines followed by a line of dashes.
func shape(out string) string {
	var b strings.Builder
	lines := strings.Split(out, "\n")
	for i := 0; i+1 < len(lines); i++ {
		if strings.Trim(lines[i+1], "- ") == "" && strings.Contains(lines[i+1], "--") {
			if f := strings.Fields(lines[i]); len(f) > 0 {
				b.WriteString(f[0] + "\n")
			}
		}
	}
	return b.String()
}

// golden compares got with the file at path, or rewrites it with -update,
// and reports whether they were equal.
func golden(t *testing.T, path, got string) bool {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return true
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (go test -update writes it)", err)
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		t.Errorf("%s (-want +got):\n%s", path, diff)
		return false
	}
	return true
}

// examples/embed builds and prints a result, from the bundled articles
// and from a directory given as argument.
func TestEmbedExample(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a program")
	}
	bin := filepath.Join(t.TempDir(), "embed")
	if out, err := exec.Command("go", "build", "-o", bin, "../../examples/embed").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	for _, args := range [][]string{nil, {"../../examples/articles"}} {
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		out, err := exec.CommandContext(ctx, bin, args...).CombinedOutput()
		cancel()
		if err != nil {
			t.Fatalf("embed %q: %v\n%s", args, err, out)
		}
		if !regexp.MustCompile(`(?m)^ingested 6 `).Match(out) || !strings.Contains(string(out), "year") {
			t.Errorf("embed %q printed:\n%s", args, out)
		}
	}
}

// TestIngestUndatedWarning checks that an article without a date is named
// in a warning that says how to give it one, with the record's line for
// JSON lines, and that --published silences it.
func TestIngestUndatedWarning(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"nodate.txt":   "Jixi opened 9 parks in 2019. The town now has 17 labs.\n",
		"dated.txt":    "Jixi opens parks\n\nUpdated : 2021-06-01\n\nJixi opened 9 parks this year.\n",
		"records.json": `{"title":"Dated","published":"2021-06-01","body":"Jixi had 4 parks."}` + "\n" + `{"title":"Undated","body":"Jixi had 5 parks."}` + "\n",
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	_, errs, status := runAlmanac(t, dir, "", "ingest", "--db", "a.db", "nodate.txt", "dated.txt", "records.json")
	if status != 0 {
		t.Fatalf("ingest: status %d, stderr %q", status, errs)
	}
	hint := "no publication date found in the document; pass --published YYYY-MM-DD to date it"
	for _, want := range []string{"warning: nodate.txt: " + hint, "warning: records.json:2: " + hint} {
		if !strings.Contains(errs, want+"\n") {
			t.Errorf("stderr lacks %q:\n%s", want, errs)
		}
	}
	if strings.Contains(errs, "dated.txt") || strings.Contains(errs, "records.json:1:") {
		t.Errorf("a dated article got a warning:\n%s", errs)
	}
	_, errs, status = runAlmanac(t, dir, "", "ingest", "--db", "b.db", "--published", "2021-06-01", "nodate.txt")
	if status != 0 || strings.Contains(errs, "publication date") {
		t.Errorf("with --published: status %d, stderr %q", status, errs)
	}
}
