package main

import (
	"bufio"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

func writeArticle(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// The reproduction: two report.txt in two directories of one
// tree are two documents; standard input is named with --name; a changed
// file replaces its document, and the summary says which.
func TestDocumentIdentity(t *testing.T) {
	dir := t.TempDir()
	a := sampleArticle
	b := strings.Replace(sampleArticle, "12 new parks", "15 new parks", 1)
	writeArticle(t, filepath.Join(dir, "n", "a", "report.txt"), a)
	writeArticle(t, filepath.Join(dir, "n", "b", "report.txt"), b)
	db := filepath.Join(dir, "s.db")
	out, errs, status := runAlmanac(t, dir, "", "ingest", "--db", db, "n")
	if status != 0 || !strings.HasPrefix(out, "ingested 2 documents (2 added, 0 replaced), ") {
		t.Errorf("ingest n: status %d, stdout %q, stderr %q", status, out, errs)
	}
	docs, _, _ := runAlmanac(t, dir, "", "query", "--db", db, "--format", "csv", "documents")
	if !strings.Contains(docs, ",a/report.txt,") || !strings.Contains(docs, ",b/report.txt,") {
		t.Errorf("documents:\n%s", docs)
	}

	// A changed article under the same identity replaces it, by name.
	writeArticle(t, filepath.Join(dir, "n", "b", "report.txt"), strings.Replace(b, "340,000", "350,000", 1))
	out, errs, status = runAlmanac(t, dir, "", "ingest", "--db", db, "n")
	if status != 0 || !strings.HasPrefix(out, "ingested 2 documents (0 added, 1 replaced: b/report.txt), ") ||
		!strings.Contains(errs, "replaced: "+filepath.Join("n", "b", "report.txt")+": b/report.txt (document 2) had other text\n") {
		t.Errorf("re-ingest: status %d, stdout %q, stderr %q", status, out, errs)
	}

	// Two directories that both hold report.txt, with other text: the
	// second is an error naming both.
	writeArticle(t, filepath.Join(dir, "x", "report.txt"), a)
	writeArticle(t, filepath.Join(dir, "y", "report.txt"), b)
	out, errs, status = runAlmanac(t, dir, "", "ingest", "--db", filepath.Join(dir, "xy.db"), "x", "y")
	if status != exitFailed || !strings.Contains(errs, `error: y/report.txt: same identity "report.txt" as x/report.txt, read earlier in this run, but other text; not stored`) {
		t.Errorf("x y: status %d, stdout %q, stderr %q", status, out, errs)
	}

	// Standard input: a second article needs a name.
	c := strings.Replace(sampleArticle, "12 new parks", "16 new parks", 1)
	d := strings.Replace(sampleArticle, "12 new parks", "17 new parks", 1)
	out, errs, status = runAlmanac(t, dir, c, "ingest", "--db", db, "-")
	if status != 0 || !strings.Contains(out, "(1 added, 0 replaced)") {
		t.Errorf("stdin: status %d, stdout %q, stderr %q", status, out, errs)
	}
	_, errs, status = runAlmanac(t, dir, d, "ingest", "--db", db, "-")
	if status != exitFailed || !strings.Contains(errs, `a document read from standard input without a name is already stored as "stdin"`) ||
		!strings.Contains(errs, "name this one with --name NAME") {
		t.Errorf("second stdin: status %d, stderr %q", status, errs)
	}
	out, errs, status = runAlmanac(t, dir, d, "ingest", "--db", db, "--name", "parks-d", "-")
	if status != 0 || !strings.Contains(out, "(1 added, 0 replaced)") {
		t.Errorf("--name: status %d, stdout %q, stderr %q", status, out, errs)
	}
	// Replacing a named standard input names it so, not "-".
	e := strings.Replace(d, "17 new parks", "18 new parks", 1)
	out, errs, status = runAlmanac(t, dir, e, "ingest", "--db", db, "--name", "parks-d", "-")
	if status != 0 || !strings.Contains(out, "(0 added, 1 replaced: parks-d)") ||
		!regexp.MustCompile(`(?m)^replaced: stdin: parks-d \(document \d+\) had other text$`).MatchString(errs) {
		t.Errorf("--name, changed: status %d, stdout %q, stderr %q", status, out, errs)
	}
	_, errs, status = runAlmanac(t, dir, "", "ingest", "--db", db, "--name", "x", "n")
	if status != exitUsage || !strings.Contains(errs, "--name names standard input, and - is not among the paths") {
		t.Errorf("--name without -: status %d, stderr %q", status, errs)
	}
}

// A query script or a table given to ingest is reported and not stored.
func TestIngestNotAnArticle(t *testing.T) {
	dir := t.TempDir()
	writeArticle(t, filepath.Join(dir, "queries.aq"), "metric gdp by year\nfacts where entity = Harbin\n")
	writeArticle(t, filepath.Join(dir, "table.csv"), "entity,year,value\nHarbin,2020,1180\n")
	db := filepath.Join(dir, "s.db")
	out, errs, status := runAlmanac(t, dir, "", "ingest", "--db", db, "queries.aq", "table.csv")
	if status != exitFailed || !strings.Contains(out, "ingested 0 documents (0 added, 0 replaced)") ||
		!strings.Contains(errs, "error: queries.aq: not an article: no figures found, and .aq is not an article format") ||
		!strings.Contains(errs, "error: table.csv: not an article: no figures found, and .csv is not an article format") {
		t.Errorf("status %d, stdout %q, stderr %q", status, out, errs)
	}
}

// Export and backup files get the database file's permissions.
func TestOutputPermissions(t *testing.T) {
	dir := t.TempDir()
	db := copyFile(t, sampleDB(t))
	for _, mode := range []os.FileMode{0o600, 0o640} {
		if err := os.Chmod(db, mode); err != nil {
			t.Fatal(err)
		}
		out := filepath.Join(dir, "out-"+strconv.FormatUint(uint64(mode), 8))
		runOK(t, almanacBinary(t), "export", "--db", db, "-o", out+".jsonl")
		runOK(t, almanacBinary(t), "backup", "--db", db, out+".db")
		for _, p := range []string{out + ".jsonl", out + ".db"} {
			fi, err := os.Stat(p)
			if err != nil {
				t.Fatal(err)
			}
			if fi.Mode().Perm() != mode {
				t.Errorf("%s has mode %v, the database %v", filepath.Base(p), fi.Mode().Perm(), mode)
			}
		}
	}
}

// With a reader holding the database (a batch waiting for statements, as
// a REPL would), ingest says which process has it open for reading and
// what to do: close it, or share the file through almanac serve.
func TestLockedByReader(t *testing.T) {
	dir := t.TempDir()
	db := copyFile(t, sampleDB(t))
	reader := exec.Command(almanacBinary(t), "query", "--db", db)
	stdin, err := reader.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := reader.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := reader.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() {
		stdin.Close()
		reader.Wait()
	}()
	// Once a statement has answered, the reader holds the file. (A
	// batch reads a line ahead before it runs one: hence two.)
	io.WriteString(stdin, "years\nyears\n")
	line, err := bufio.NewReader(stdout).ReadString('\n')
	if err != nil || !strings.HasPrefix(line, "year") {
		t.Fatalf("the reader answered %q, %v", line, err)
	}
	writeArticle(t, filepath.Join(dir, "a.txt"), sampleArticle)
	_, errs, status := runAlmanac(t, dir, "", "ingest", "--db", db, "a.txt")
	want := regexp.MustCompile(`almanac: open \S+: database is locked by another process: process ` + strconv.Itoa(reader.Process.Pid) +
		` \(\S*almanac query --db \S+\) has it open for reading\n` +
		`almanac: writing needs it to yourself: close what has it open for reading \(Ctrl-D leaves a REPL\), or let one server share the file: 'almanac serve --db \S+', then 'almanac query --server URL' and 'almanac ingest --server URL'\n`)
	if status != exitFailed || !want.MatchString(errs) {
		t.Errorf("status %d, stderr:\n%s", status, errs)
	}
}
