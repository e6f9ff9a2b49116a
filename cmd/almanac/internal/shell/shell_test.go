package shell_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/almanacdb/almanac"
	"github.com/almanacdb/almanac/cmd/almanac/internal/shell"
	"github.com/almanacdb/almanac/store"
	"github.com/google/go-cmp/cmp"
)

// updating reports whether -update (declared by the internal tests) asks
// for golden files to be rewritten.
func updating() bool { return flag.Lookup("update").Value.String() == "true" }

// fact is a fixture fact; its sentence is written from it.
type fact struct {
	entity, metric string
	year           int
	value          float64
	unit           string
	period         string
}

// fixture is a small database whose figures tests can state exactly
// (unlike the sample articles, whose extraction may change).
var fixture = map[string][]fact{
	"harbin-2021.txt": {
		{"Harbin", "high_tech_enterprises", 2019, 1000, "", ""},
		{"Harbin", "high_tech_enterprises", 2020, 1180, "", ""},
		{"Harbin New Area", "high_tech_enterprises", 2020, 620, "", ""},
		{"Harbin", "gdp", 2020, 510.09e9, "CNY", ""},
		{"Harbin", "gdp", 2021, 118.8e9, "CNY", "Q1"},
	},
	"harbin-2022.txt": {
		{"Harbin", "high_tech_enterprises", 2021, 1500, "", ""},
		{"Harbin New Area", "high_tech_enterprises", 2021, 800, "", ""},
		{"Daqing", "high_tech_enterprises", 2021, 300, "", ""},
		{"Harbin", "gdp", 2021, 535.1e9, "CNY", ""},
	},
	"harbin-2023.txt": {
		{"Harbin", "high_tech_enterprises", 2022, 2603, "", ""},
		{"Harbin New Area", "high_tech_enterprises", 2022, 1050, "", ""},
		{"Daqing", "high_tech_enterprises", 2022, 410, "", ""},
		{"Harbin", "gdp", 2022, 549.01e9, "CNY", ""},
	},
}

// newFixture writes the fixture to a new database file and returns its
// path. It writes the facts with the store itself, since extraction from
// articles may change.
func newFixture(t testing.TB) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "test.db")
	db, err := store.Open(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	day := time.Date(2021, 3, 1, 0, 0, 0, 0, time.UTC)
	for _, src := range []string{"harbin-2021.txt", "harbin-2022.txt", "harbin-2023.txt"} {
		d := store.DocFacts{Doc: store.Document{Source: src, Title: "About " + src, Published: day, Ingested: day}}
		day = day.AddDate(1, 0, 0)
		for _, f := range fixture[src] {
			number := fmt.Sprint(f.value)
			sentence := fmt.Sprintf("%s %s was %s in %d.", f.entity, f.metric, number, f.year)
			start := len(d.Doc.Text)
			d.Doc.Text += sentence + " "
			sf := store.Fact{Entity: f.entity, Metric: f.metric, Year: f.year, Value: f.value, Unit: f.unit,
				SentenceStart: start, SentenceEnd: start + len(sentence)}
			if sf.Unit == "" {
				sf.Unit = "count"
			}
			if f.period != "" {
				if sf.Period, err = store.ParsePeriod(f.period); err != nil {
					t.Fatal(err)
				}
			}
			sf.Start = start + strings.Index(sentence, number)
			sf.End = sf.Start + len(number)
			d.Facts = append(d.Facts, sf)
		}
		if _, err := db.Put([]store.DocFacts{d}); err != nil {
			t.Fatal(err)
		}
	}
	return path
}

func openDB(path string, readOnly bool) (shell.DB, error) {
	if readOnly {
		if _, err := os.Stat(path); err != nil {
			return nil, err
		}
	}
	db, err := almanac.Open(path, &almanac.Options{ReadOnly: readOnly})
	if err != nil {
		return nil, err
	}
	return db, nil
}

// scripted is an editor that replays lines, echoing prompts and lines to
// out like a terminal; the line "^C" is Ctrl-C.
type scripted struct {
	lines   []string
	out     io.Writer
	history []string
}

func (e *scripted) ReadLine(prompt string) (string, error) {
	if len(e.lines) == 0 {
		fmt.Fprintln(e.out, prompt+"^D")
		return "", io.EOF
	}
	line := e.lines[0]
	e.lines = e.lines[1:]
	fmt.Fprintln(e.out, prompt+line)
	if line == "^C" {
		return "", shell.ErrInterrupted
	}
	return line, nil
}

func (e *scripted) AddHistory(entry string) { e.history = append(e.history, entry) }

// newShell returns a REPL shell on a fresh fixture database writing
// everything to out.
func newShell(t *testing.T, out io.Writer) *shell.Shell {
	t.Helper()
	db, err := openDB(newFixture(t), true)
	if err != nil {
		t.Fatal(err)
	}
	sh := &shell.Shell{Out: out, Err: out, Interactive: true, Open: openDB,
		Size: func() (int, int) { return 80, 20 }}
	sh.SetDB(db)
	t.Cleanup(func() { sh.Close() })
	return sh
}

// TestTranscripts drives the REPL loop with the input of each
// testdata/repl/*.in and compares the session with the .out file next to
// it (go test -update rewrites them).
func TestTranscripts(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(must(os.Getwd()), "testdata", "repl", "*.in"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no transcripts: %v", err)
	}
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".in")
		t.Run(name, func(t *testing.T) {
			in, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			var out bytes.Buffer
			sh := newShell(t, &out)
			t.Chdir(filepath.Dir(file))
			lines := strings.Split(strings.TrimSuffix(string(in), "\n"), "\n")
			ed := &scripted{lines: lines, out: &out}
			if err := sh.Run(context.Background(), ed, "", 1); err != nil {
				t.Fatal(err)
			}
			got := regexp.MustCompile(`Time: [0-9.]+[µmn]?s`).ReplaceAllString(out.String(), "Time: X")
			golden(t, strings.TrimSuffix(file, ".in")+".out", got)
		})
	}
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

func golden(t *testing.T, path, got string) {
	t.Helper()
	if updating() {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (go test -update writes it)", err)
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		t.Errorf("%s (-want +got):\n%s", path, diff)
	}
}

// Batch errors name the file, line and column of the source, also for
// statements that continue over lines and for several on one line.
func TestBatchErrorPositions(t *testing.T) {
	script := strings.Join([]string{
		"# a comment",
		"metrics",
		"metric high_tech_enterprises where entity in (Harbin,",
		"   Daqing, 2021 = x)",
		"years; metric by year",
		"facts where (year = 2021 or",
		"  year = 2022) by yaer",
		"metric nosuch by year",
		"explain metric gdp by yaer",
		"metric high_tech_enterprises",
		"  where year > 2020",
		"  by yaer",
		`search "unterminated`,
		"metrics",
	}, "\n")
	var out, errs bytes.Buffer
	sh := newShell(t, &out)
	sh.Err = &errs
	sh.Interactive = false
	if err := sh.Run(context.Background(), shell.NewPlain(strings.NewReader(script), nil), "s.aq", 1); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, line := range strings.Split(errs.String(), "\n") {
		if m := regexp.MustCompile(`^s\.aq:\d+:\d+`).FindString(line); m != "" {
			got = append(got, m)
		}
	}
	want := []string{"s.aq:4:17", "s.aq:5:14", "s.aq:7:19", "s.aq:8:8", "s.aq:9:23", "s.aq:12:6", "s.aq:13:8"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("error positions (-want +got):\n%s\nstderr:\n%s", diff, errs.String())
	}
	if sh.Failures() != len(want) {
		t.Errorf("Failures() = %d, want %d", sh.Failures(), len(want))
	}
	if !strings.Contains(out.String(), "high_tech_enterprises") {
		t.Errorf("metrics did not run; stdout:\n%s", out.String())
	}
}

func TestBail(t *testing.T) {
	var out bytes.Buffer
	sh := newShell(t, &out)
	sh.Bail = true
	sh.Interactive = false
	ed := shell.NewPlain(strings.NewReader("years\nmetric by year\nmetrics\n"), nil)
	if err := sh.Run(context.Background(), ed, "b.aq", 1); err != nil {
		t.Fatal(err)
	}
	if !sh.Stopped() || sh.Failures() != 1 || strings.Contains(out.String(), "high_tech_enterprises") {
		t.Errorf("bail: stopped %v, failures %d, output:\n%s", sh.Stopped(), sh.Failures(), out.String())
	}
}

func TestHistoryGetsStatements(t *testing.T) {
	var out bytes.Buffer
	sh := newShell(t, &out)
	ed := &scripted{lines: []string{"metric gdp where", "  year = 2021", ".timer on", "^C", "years"}, out: io.Discard}
	if err := sh.Run(context.Background(), ed, "", 1); err != nil {
		t.Fatal(err)
	}
	want := []string{"metric gdp where\n  year = 2021", ".timer on", "years"}
	if diff := cmp.Diff(want, ed.history); diff != "" {
		t.Errorf("history (-want +got):\n%s", diff)
	}
}

func TestCompleteFromDatabase(t *testing.T) {
	sh := newShell(t, io.Discard)
	tests := []struct {
		line string
		want []string
	}{
		{"metric hi", []string{"high_tech_enterprises"}},
		{"metric g", []string{"gdp"}},
		{"facts where entity = har", []string{`"Harbin"`, `"Harbin New Area"`}},
		{`facts where entity in (Daqing, "Harbin N`, []string{`"Harbin New Area"`}},
		{".chart bar metric hi", []string{"high_tech_enterprises"}},
		{"facts where unit = c", []string{`"cNY"`, `"count"`}},
		{"facts where unit = C", []string{`"CNY"`, `"Count"`}},
		{"facts where document = harbin-2021", []string{`"harbin-2021.txt"`}},
		{"show document h", []string{`"harbin-2021.txt"`, `"harbin-2022.txt"`, `"harbin-2023.txt"`}},
		{"facts where year = 202", []string{"2020", "2021", "2022"}},
	}
	for _, tt := range tests {
		_, got, _ := sh.Complete(tt.line, len([]rune(tt.line)))
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("Complete(%q) (-want +got):\n%s", tt.line, diff)
		}
	}
}

// .ingest reopens the database read-write, calls Ingest and reopens it
// read-only.
func TestIngestReopens(t *testing.T) {
	var out bytes.Buffer
	sh := newShell(t, &out)
	var readOnly []bool
	open := sh.Open
	sh.Open = func(path string, ro bool) (shell.DB, error) {
		readOnly = append(readOnly, ro)
		return open(path, ro)
	}
	var got []string
	sh.Ingest = func(ctx context.Context, db shell.DB, paths []string, w io.Writer) error {
		if db.(*almanac.DB).ReadOnly() {
			return errors.New("read-only")
		}
		got = paths
		fmt.Fprintln(w, "ingested")
		return nil
	}
	ed := &scripted{lines: []string{".ingest a b", "years"}, out: io.Discard}
	if err := sh.Run(context.Background(), ed, "", 1); err != nil {
		t.Fatal(err)
	}
	if !cmp.Equal(got, []string{"a", "b"}) || !cmp.Equal(readOnly, []bool{false, true}) || sh.Failures() != 0 {
		t.Errorf("paths %q, opens read-only %v, failures %d; output:\n%s", got, readOnly, sh.Failures(), out.String())
	}
	if !strings.Contains(out.String(), "ingested\n") || !strings.Contains(out.String(), "2022") {
		t.Errorf("output:\n%s", out.String())
	}
}

// blockingDB is a database whose queries run until they are cancelled.
type blockingDB struct {
	*almanac.DB
	started chan struct{}
}

func (d blockingDB) Query(ctx context.Context, text string) (*almanac.Result, error) {
	close(d.started)
	<-ctx.Done()
	return nil, fmt.Errorf("scan: %w", ctx.Err())
}

// With CatchInterrupts, Ctrl-C (SIGINT) cancels the running query and the
// session goes on.
func TestInterruptCancelsQuery(t *testing.T) {
	var out bytes.Buffer
	sh := newShell(t, &out)
	sh.CatchInterrupts = true
	started := make(chan struct{})
	sh.SetDB(blockingDB{sh.DB().(*almanac.DB), started})
	go func() {
		<-started
		syscall.Kill(os.Getpid(), syscall.SIGINT)
	}()
	ed := &scripted{lines: []string{"years"}, out: io.Discard}
	done := make(chan error, 1)
	go func() { done <- sh.Run(context.Background(), ed, "", 1) }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the interrupt did not cancel the query")
	}
	if got := out.String(); got != "error: query cancelled\n" {
		t.Errorf("output %q", got)
	}
}

func TestColor(t *testing.T) {
	var out bytes.Buffer
	sh := newShell(t, &out)
	sh.Color = true
	ed := &scripted{lines: []string{"metric by year", "years"}, out: io.Discard}
	if err := sh.Run(context.Background(), ed, "", 1); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "\x1b[1;31merror:\x1b[0m") || !strings.Contains(out.String(), "\x1b[1myear\x1b[0m") {
		t.Errorf("no colour in %q", out.String())
	}
}

// Ctrl-D on a continuation line leaves the REPL without running the
// unfinished statement; at the end of a file it is reported.
func TestEOFInStatement(t *testing.T) {
	var out bytes.Buffer
	sh := newShell(t, &out)
	if err := sh.Run(context.Background(), &scripted{lines: []string{"facts where"}, out: io.Discard}, "", 1); err != nil {
		t.Fatal(err)
	}
	if out.Len() != 0 || sh.Failures() != 0 {
		t.Errorf("REPL: failures %d, output %q", sh.Failures(), out.String())
	}
	if err := sh.Run(context.Background(), shell.NewPlain(strings.NewReader("facts where"), nil), "f.aq", 1); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(out.String(), "f.aq:1:12: unexpected end of query") || sh.Failures() != 1 {
		t.Errorf("file: failures %d, output %q", sh.Failures(), out.String())
	}
}

// repeatReader yields n bytes of c without holding them.
type repeatReader struct {
	c byte
	n int64
}

func (r *repeatReader) Read(p []byte) (int, error) {
	if r.n <= 0 {
		return 0, io.EOF
	}
	p = p[:min(int64(len(p)), r.n)]
	for i := range p {
		p[i] = r.c
	}
	r.n -= int64(len(p))
	return len(p), nil
}

// A line over MaxLineLen (here 200 MB, streamed) is reported at its line
// and skipped; the statements around it run and memory stays bounded.
func TestLongLineSkipped(t *testing.T) {
	var out, errs bytes.Buffer
	sh := newShell(t, &out)
	sh.Err = &errs
	const long = 200 << 20
	in := io.MultiReader(strings.NewReader("years\n"), &repeatReader{'x', long}, strings.NewReader("\r\nmetrics\n"))
	if err := sh.Run(context.Background(), shell.NewPlain(in, nil), "l.aq", 1); err != nil {
		t.Fatal(err)
	}
	want := fmt.Sprintf("l.aq:2: line too long (%d bytes, limit %d)\n", long, shell.MaxLineLen)
	if errs.String() != want || sh.Failures() != 1 {
		t.Errorf("failures %d, stderr %q, want %q", sh.Failures(), errs.String(), want)
	}
	if !strings.Contains(out.String(), "2020") || !strings.Contains(out.String(), "high_tech_enterprises") {
		t.Errorf("the statements around the long line did not run:\n%s", out.String())
	}
}

// Status lines go to Err, results to Out; .explain on shows the plan (on
// Err) and the result (on Out).
func TestStatusLinesOnErr(t *testing.T) {
	var out, errs bytes.Buffer
	sh := newShell(t, &out)
	sh.Err = &errs
	ed := &scripted{lines: []string{".timer on", ".explain on", "years", ".mode", ".headers off", ".bail on"}, out: io.Discard}
	if err := sh.Run(context.Background(), ed, "", 1); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"timer is on\n", "explain is on\n", "mode is table\n", "headers is off\n", "bail is on\n", "access:    catalogue\n", "Time: "} {
		if !strings.Contains(errs.String(), want) {
			t.Errorf("stderr lacks %q:\n%s", want, errs.String())
		}
		if strings.Contains(out.String(), want) {
			t.Errorf("stdout has %q:\n%s", want, out.String())
		}
	}
	if want := "year  facts\n----  -----\n2019      1\n"; !strings.HasPrefix(out.String(), want) {
		t.Errorf("stdout:\n%s\nwant it to start with the result:\n%s", out.String(), want)
	}
}

// Several statements in json in batch are one JSON value each, a line
// apiece.
func TestBatchJSONLines(t *testing.T) {
	var out, errs bytes.Buffer
	sh := newShell(t, &out)
	sh.Err = &errs
	sh.Interactive = false
	sh.Format = almanac.JSON
	script := "years\nmetrics where entity = nobody\nmetric high_tech_enterprises where entity = Daqing by year\n"
	if err := sh.Run(context.Background(), shell.NewPlain(strings.NewReader(script), nil), "j.aq", 1); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	if len(lines) != 2 || sh.Failures() != 1 {
		t.Fatalf("%d lines, want 2, and %d failures, want 1:\n%s", len(lines), sh.Failures(), out.String())
	}
	for i, line := range lines {
		var v []map[string]any
		if err := json.Unmarshal([]byte(line), &v); err != nil {
			t.Errorf("line %d is not a JSON array: %v\n%s", i+1, err, line)
		}
	}
	if !strings.Contains(lines[1], `"facts":[8]`) {
		t.Errorf("the pivot's line lacks its fact ids: %s", lines[1])
	}
}

// .output sends results to a file until .output alone; .once for one
// result.
func TestOutputAndOnce(t *testing.T) {
	dir := t.TempDir()
	all, one := filepath.Join(dir, "all.txt"), filepath.Join(dir, "one.csv")
	var out bytes.Buffer
	sh := newShell(t, &out)
	ed := &scripted{lines: []string{".output " + all, "years", "units", ".output", "metrics",
		".mode csv", ".once " + one, "years", "units"}, out: io.Discard}
	if err := sh.Run(context.Background(), ed, "", 1); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(all)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(got), "year  facts") || !strings.Contains(string(got), "unit   facts") || strings.Contains(string(got), "metric") {
		t.Errorf("%s:\n%s", all, got)
	}
	if got, err := os.ReadFile(one); err != nil || string(got) != "year,facts\n2019,1\n2020,3\n2021,5\n2022,4\n" {
		t.Errorf("%s: %v\n%s", one, err, got)
	}
	if s := out.String(); !strings.Contains(s, "metric") || strings.Contains(s, "year  facts") || !strings.Contains(s, "unit,facts") {
		t.Errorf("the screen got:\n%s", s)
	}
}

// A result longer than the screen goes through the pager, in full; a
// short one does not.
func TestPager(t *testing.T) {
	var out bytes.Buffer
	sh := newShell(t, &out)
	var paged []string
	sh.Page = func(text []byte) error {
		paged = append(paged, string(text))
		return nil
	}
	ed := &scripted{lines: []string{"years", `search "Harbin"`}, out: io.Discard}
	if err := sh.Run(context.Background(), ed, "", 1); err != nil {
		t.Fatal(err)
	}
	if len(paged) != 1 || !strings.Contains(paged[0], "11 sentences") || strings.Contains(paged[0], "more rows") {
		t.Errorf("paged %d results: %q", len(paged), paged)
	}
	if !strings.Contains(out.String(), "year  facts") || strings.Contains(out.String(), "sentences") {
		t.Errorf("the screen got:\n%s", out.String())
	}
}

// At the REPL a line that starts with a clause runs the statement before
// it again with the clause, as a script would read the two lines.
func TestContinueAtTheREPL(t *testing.T) {
	var out bytes.Buffer
	sh := newShell(t, &out)
	ed := &scripted{lines: []string{"years; metric gdp", "where period = Q1", "by year", ".mode csv", "order by year desc"}, out: io.Discard}
	if err := sh.Run(context.Background(), ed, "", 1); err != nil {
		t.Fatal(err)
	}
	if sh.Failures() != 0 {
		t.Fatalf("%d failures:\n%s", sh.Failures(), out.String())
	}
	if n := strings.Count(out.String(), "year  facts"); n != 1 {
		t.Errorf("years ran %d times:\n%s", n, out.String())
	}
	if !strings.HasSuffix(out.String(), "entity,metric,year,period,value,unit,qualifier,status,sources,conflict,fact,facts\n"+
		"Harbin,gdp,2021,Q1,118800000000,CNY,exact,actual,1,false,5,5\n") {
		t.Errorf("output:\n%s", out.String())
	}
}
