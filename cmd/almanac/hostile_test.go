package main

import (
	"bytes"
	"compress/gzip"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// cliCase is a command line given bad input, the exit status it must end
// with and substrings of its standard error.
type cliCase struct {
	name  string
	args  []string
	stdin func() io.Reader
	exit  int
	want  []string
	// check, if set, looks at the standard output and error.
	check func(t *testing.T, stdout, stderr string)
}

// TestHostileCLI runs the command on bad input where the command line is
// the interface: flags, database paths, scripts and standard input. Each
// case must fail with its exit status and message, and leave the
// database's export and check exactly as they were.
func TestHostileCLI(t *testing.T) {
	bin := almanacBinary(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "h.db")
	runOK(t, bin, "ingest", "--quiet", "--db", db, filepath.Join("..", "..", "examples", "articles"))
	articles := filepath.Join("..", "..", "examples", "articles")
	file := func(name, data string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	textDB := file("notes.db", "my notes\n")
	badAliases := file("aliases.txt", "# aliases\nHarbin City Harbin\n")
	script := file("s.aq", "facts\x00 limit 1\nfacts where entity = \"\xff\"\n"+
		"search \""+strings.Repeat("x", 2<<20)+"\"\nmetrics limit 1\n")
	emptyDir := filepath.Join(dir, "empty")
	if err := os.Mkdir(emptyDir, 0o755); err != nil {
		t.Fatal(err)
	}
	huge := file("huge.txt", "Title\n\n")
	if err := os.Truncate(huge, 200<<20); err != nil {
		t.Fatal(err)
	}
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte("Title\n\nHarbin built 5 parks in 2023.\n"))
	zw.Close()

	cases := []cliCase{
		{name: "published-garbage", args: []string{"ingest", "--db", db, "--published", "yesterday", articles},
			exit: exitUsage, want: []string{`almanac ingest: --published "yesterday" is not a date (want YYYY-MM-DD)`}},
		{name: "published-no-such-day", args: []string{"ingest", "--db", db, "--published", "2024-02-30", articles},
			exit: exitUsage, want: []string{`--published "2024-02-30" is not a date`}},
		{name: "published-invalid-utf8", args: []string{"ingest", "--db", db, "--published", "\xff", articles},
			exit: exitUsage, want: []string{`--published "\xff" is not a date`}},
		{name: "aliases-bad-line", args: []string{"ingest", "--db", db, "--aliases", badAliases, articles},
			exit: exitFailed, want: []string{"aliases.txt:2: want \"alias = canonical\", got \"Harbin City Harbin\""}},
		{name: "db-text-file-query", args: []string{"query", "--db", textDB, "metrics"},
			exit: exitFailed, want: []string{"notes.db: not an almanac database (no bbolt header)"}},
		{name: "db-text-file-ingest", args: []string{"ingest", "--db", textDB, articles},
			exit: exitFailed, want: []string{"notes.db: not an almanac database (no bbolt header)"},
			check: func(t *testing.T, _, _ string) {
				if data, err := os.ReadFile(textDB); err != nil || string(data) != "my notes\n" {
					t.Errorf("the text file given as --db changed: %q, %v", data, err)
				}
			}},
		{name: "db-directory", args: []string{"query", "--db", dir, "metrics"},
			exit: exitFailed, want: []string{dir + ": is a directory"}},
		{name: "db-missing-query", args: []string{"query", "--db", filepath.Join(dir, "no", "x.db"), "metrics"},
			exit: exitFailed, want: []string{"no/x.db does not exist"}},
		{name: "db-missing-directory-ingest", args: []string{"ingest", "--db", filepath.Join(dir, "no", "x.db"), articles},
			exit: exitFailed, want: []string{"no/x.db: no such file or directory"}},
		{name: "query-empty-argument", args: []string{"query", "--db", db, "", "# only a comment", "metrics limit 1"},
			exit: exitFailed, want: []string{"query:1: no statement in the argument", "query:2: no statement in the argument"},
			check: func(t *testing.T, stdout, _ string) {
				if !strings.Contains(stdout, "facts") {
					t.Errorf("the good argument did not run: %q", stdout)
				}
			}},
		{name: "query-1e400", args: []string{"query", "--db", db, "facts where value > 1e400"},
			exit: exitFailed, want: []string{"query:1:21: number 1e400 out of range"}},
		{name: "query-fact-id-20-digits", args: []string{"query", "--db", db, "show fact 99999999999999999999"},
			exit: exitFailed, want: []string{"query:1:11: integer 99999999999999999999 out of range"}},
		{name: "query-bad-format", args: []string{"query", "--db", db, "--format", "xml", "metrics"},
			exit: exitUsage, want: []string{`almanac query: unknown format "xml"`}},
		{name: "script-nul-utf8-long-line", args: []string{"query", "--db", db, "-f", script},
			exit: exitFailed, want: []string{
				"s.aq:1:6: unexpected character '\\x00'\n  facts\ufffd limit 1\n       ^",
				"s.aq:2:22: unknown entity \"\\xff\"\n  facts where entity = \"\ufffd\"",
				"s.aq:3: line too long (2097161 bytes, limit 1048576)",
			},
			check: func(t *testing.T, stdout, stderr string) {
				if strings.IndexByte(stderr, 0) >= 0 || strings.IndexByte(stderr, 0xff) >= 0 {
					t.Errorf("raw NUL or invalid byte echoed to the terminal: %q", stderr)
				}
				if !strings.Contains(stdout, "facts") {
					t.Errorf("the statement after the bad lines did not run: %q", stdout)
				}
			}},
		{name: "stdin-10MB-string", args: []string{"query", "--db", db},
			stdin: func() io.Reader {
				return strings.NewReader("search \"" + strings.Repeat("x", 10<<20) + "\"\nmetrics limit 1\n")
			},
			exit: exitFailed, want: []string{"<stdin>:1: line too long (10485769 bytes, limit 1048576)"}},
		{name: "ingest-gzip-stdin", args: []string{"ingest", "--db", db, "-"},
			stdin: func() io.Reader { return bytes.NewReader(gz.Bytes()) },
			exit:  exitFailed, want: []string{"error: stdin: looks like gzip data; decompress it first"}},
		{name: "ingest-empty-directory", args: []string{"ingest", "--db", db, emptyDir},
			exit: exitFailed, want: []string{"error: " + emptyDir + ": no article files in the directory"}},
		{name: "ingest-200MB-sparse-file", args: []string{"ingest", "--db", db, huge},
			exit: exitFailed, want: []string{"error: " + huge + ": 209715200 bytes is over the 64 MiB limit"}},
		{name: "export-missing-directory", args: []string{"export", "--db", db, "-o", filepath.Join(dir, "no", "out.jsonl")},
			exit: exitFailed, want: []string{"almanac export: create " + filepath.Join(dir, "no", "out.jsonl") + ": no such file or directory"}},
	}
	snapshot := func() string {
		return string(runOK(t, bin, "export", "--db", db)) + string(runOK(t, bin, "check", "--db", db))
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			before := snapshot()
			cmd := exec.Command(bin, tc.args...)
			cmd.Dir = dir
			var stdout, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			// An explicit standard input: the null device of a CI
			// container is not always empty.
			cmd.Stdin = strings.NewReader("")
			if tc.stdin != nil {
				cmd.Stdin = tc.stdin()
			}
			err := cmd.Run()
			var exit *exec.ExitError
			switch {
			case errors.As(err, &exit):
				if exit.ExitCode() != tc.exit {
					t.Errorf("exit status %d, want %d", exit.ExitCode(), tc.exit)
				}
			case err != nil:
				t.Fatal(err)
			default:
				t.Errorf("exit status 0, want %d", tc.exit)
			}
			if strings.Contains(stderr.String(), "panic") || strings.Contains(stderr.String(), "goroutine ") {
				t.Fatalf("panic:\n%s", stderr.String())
			}
			for _, w := range tc.want {
				if !strings.Contains(stderr.String(), w) {
					t.Errorf("stderr does not contain %q:\n%.2000s", w, stderr.String())
				}
			}
			if tc.check != nil {
				tc.check(t, stdout.String(), stderr.String())
			}
			if diff := cmp.Diff(before, snapshot()); diff != "" {
				t.Errorf("stored data changed (-before +after):\n%s", diff)
			}
		})
	}
}
