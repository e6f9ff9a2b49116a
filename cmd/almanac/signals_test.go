package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/almanacdb/almanac/ingest/gen"
	"github.com/google/go-cmp/cmp"
)

// interrupted runs args again and again, sending SIGINT after a delay
// that adapts (shorter when the command finished first, longer when the
// signal came before the command was listening), until the command is
// interrupted. It returns that run, with how long the command took to
// exit after the signal. The command must finish or stop on every run:
// the 2-minute limit of wait catches hangs.
func interrupted(t *testing.T, delay time.Duration, args func() []string) (*process, time.Duration) {
	t.Helper()
	for range 12 {
		p := startAlmanac(t, "", nil, args()...)
		time.Sleep(delay)
		p.signal(os.Interrupt)
		sent := time.Now()
		status := p.wait(t)
		took := time.Since(sent)
		switch status {
		case exitOK:
			delay /= 2 // it finished before the signal
		case -1:
			delay *= 2 // the signal came before the command listened
		default:
			return p, took
		}
	}
	t.Fatalf("almanac %q: never interrupted", args())
	return nil, 0
}

// SIGINT to `almanac query` stops the running statement in whatever
// phase it is in: it prints "query cancelled" and the batch exits 1.
func TestQueryInterrupted(t *testing.T) {
	db, _ := bigDB(t)
	// A list of every fact, sorted: a scan, a sort of 70,000 rows, their
	// sentences, then a long output. Signals land in different phases.
	args := []string{"query", "--db", db, "facts order by value desc", "metrics"}
	// On a loaded machine the signal may land in the second, short
	// statement or after both: those runs are retried earlier.
	late := func(p *process) bool {
		return !strings.Contains(p.stderr.String(), "query:1: query cancelled\n")
	}
	clean := startAlmanac(t, "", nil, args...)
	if status := clean.wait(t); status != 0 {
		t.Fatalf("clean run: status %d: %s", status, clean.stderr.String())
	}
	full := time.Since(clean.start)
	for _, frac := range []float64{0.2, 0.5, 0.85} {
		p, took := interrupted(t, time.Duration(frac*float64(full)), func() []string { return args })
		for tries := 0; tries < 4 && late(p); tries++ {
			frac /= 2
			p, took = interrupted(t, time.Duration(frac*float64(full)), func() []string { return args })
		}
		if p.cmd.ProcessState.ExitCode() != exitFailed || !strings.Contains(p.stderr.String(), "query:1: query cancelled\n") {
			t.Errorf("interrupted: status %d, stderr:\n%s", p.cmd.ProcessState.ExitCode(), p.stderr.String())
		}
		if regexp.MustCompile(`(?m)^metric +facts$`).MatchString(p.stdout.String()) {
			t.Errorf("the statement after the cancelled one ran")
		}
		t.Logf("signal at %.0f%% of a %v run: exited %v later", 100*frac, full.Round(time.Millisecond), took.Round(time.Millisecond))
	}
}

// Ctrl-C at the REPL cancels the running statement and leaves the shell
// at its prompt, ready for the next.
func TestREPLCtrlC(t *testing.T) {
	db, _ := bigDB(t)
	term, done := startTerminal(t, terminalCommand(t, t.TempDir(), "--db", db), 40, 120)
	term.expect(`almanac> `)
	cancelled := false
	for delay := 400 * time.Millisecond; delay > time.Millisecond && !cancelled; delay /= 2 {
		term.send("facts order by value desc\r")
		time.Sleep(delay)
		term.send("\x03")
		// Either the statement was cancelled, or it finished first and
		// the ^C abandoned an empty line.
		got := term.expect(`query cancelled|more rows not shown|\.last shows them all`)
		cancelled = got == "query cancelled"
		term.expect(`almanac> `)
	}
	if !cancelled {
		t.Fatal("Ctrl-C never cancelled the statement")
	}
	term.send("years\r")
	term.expect(`year +facts`)
	term.expect(`almanac> `)
	term.send("\x04")
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("exit: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Ctrl-D did not end the REPL")
	}
}

// SIGINT during ingest stops it: what was committed stays and checks
// clean, every stored document has exactly the facts a clean run gives
// it, and running the command again ends with the clean run's export.
func TestIngestInterrupted(t *testing.T) {
	clean, articles := bigDB(t)
	want := runOK(t, almanacBinary(t), "export", "--db", clean)
	wantByDoc := byDocument(t, want)
	stored := 0 // documents the interrupted runs committed
	for round := range 2 {
		var db string
		// Small batches and signals late enough that batches were
		// committed before them: what is checked is what they stored.
		p, took := interrupted(t, time.Duration(1000+1500*round)*time.Millisecond, func() []string {
			db = filepath.Join(t.TempDir(), "i.db") // a new one each time
			return []string{"ingest", "--batch", "16", "--db", db, articles}
		})
		if !strings.Contains(p.stderr.String(), "almanac ingest: interrupted: what the summary counts is stored;") {
			t.Errorf("round %d: stderr:\n%s", round, p.stderr.String())
		}
		t.Logf("round %d: exited %v after the signal: %s", round, took.Round(time.Millisecond), strings.TrimSpace(p.stdout.String()))
		if _, err := os.Stat(db); err != nil {
			continue // stopped before the database was created
		}
		runOK(t, almanacBinary(t), "check", "--db", db)
		got := byDocument(t, runOK(t, almanacBinary(t), "export", "--db", db))
		stored += len(got)
		for src, facts := range got {
			if diff := cmp.Diff(wantByDoc[src], facts); diff != "" {
				t.Fatalf("round %d: document %s differs from the clean run (-clean +interrupted):\n%s", round, src, diff)
			}
		}
		if round == 0 {
			continue // one re-run to the end shows it (each takes most of a minute)
		}
		runOK(t, almanacBinary(t), "ingest", "--quiet", "--db", db, articles)
		if got := runOK(t, almanacBinary(t), "export", "--db", db); !bytes.Equal(got, want) {
			t.Fatalf("round %d: export after the re-run differs from a clean run's", round)
		}
	}
	if stored == 0 {
		t.Error("no interrupted run stored a document: the signals came too early to test what stays")
	}
}

// hugeArticle writes an article made of the bodies of n generated ones.
func hugeArticle(t *testing.T, path string, n int) {
	t.Helper()
	var b strings.Builder
	for a := range gen.Articles(7, n) {
		if b.Len() == 0 {
			b.WriteString(a.Text)
		} else if i := strings.Index(a.Text, ")\n\n"); i >= 0 {
			b.WriteString(a.Text[i+3:])
		}
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

// SIGINT while one huge document is being extracted stops at once: the
// article committed before it stays, the huge one is not stored.
func TestIngestInterruptedInsideHugeDocument(t *testing.T) {
	if testing.Short() {
		t.Skip("huge document skipped in -short mode")
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "a.txt"), []byte(sampleArticle), 0o644); err != nil {
		t.Fatal(err)
	}
	hugeArticle(t, filepath.Join(dir, "b_huge.txt"), 3000) // 6 MB, minutes of extraction
	db := filepath.Join(t.TempDir(), "h.db")
	p := startAlmanac(t, "", nil, "ingest", "--batch", "1", "--db", db, dir)
	time.Sleep(2 * time.Second) // a.txt is committed, b_huge.txt under way
	p.signal(os.Interrupt)
	sent := time.Now()
	status := p.wait(t)
	t.Logf("exited %v after the signal", time.Since(sent).Round(time.Millisecond))
	if status != exitFailed || !regexp.MustCompile(`almanac ingest: interrupted: .*; [01] documents? read but not stored`).MatchString(p.stderr.String()) {
		t.Errorf("status %d, stderr:\n%s", status, p.stderr.String())
	}
	docs := runOK(t, almanacBinary(t), "query", "--db", db, "--format", "csv", "documents")
	if !regexp.MustCompile(`(?m)^1,a\.txt,`).Match(docs) || bytes.Contains(docs, []byte("b_huge")) {
		t.Errorf("documents:\n%s", docs)
	}
	runOK(t, almanacBinary(t), "check", "--db", db)
}

// A second signal ends the process at once, with 128 + its number.
func TestSecondSignal(t *testing.T) {
	if testing.Short() {
		t.Skip("huge document skipped in -short mode")
	}
	dir := t.TempDir()
	hugeArticle(t, filepath.Join(dir, "huge.txt"), 1000)
	for try := 0; ; try++ {
		p := startAlmanac(t, "", nil, "ingest", "--db", filepath.Join(t.TempDir(), "s.db"), dir)
		time.Sleep(500 * time.Millisecond)
		// Different signals, so that the kernel does not merge them.
		p.signal(os.Interrupt)
		p.signal(syscall.SIGTERM)
		status := p.wait(t)
		if status == exitTerminate && strings.Contains(p.stderr.String(), "almanac: a second signal (terminated): stopping at once") {
			return
		}
		if try == 4 {
			t.Fatalf("status %d, want %d; stderr:\n%s", status, exitTerminate, p.stderr.String())
		}
	}
}

// check, export and compact stop at SIGINT; export -o writes no file,
// compact leaves the database as it was.
func TestMaintenanceInterrupted(t *testing.T) {
	big, _ := bigDB(t)
	p, _ := interrupted(t, 100*time.Millisecond, func() []string { return []string{"check", "--db", big} })
	if p.cmd.ProcessState.ExitCode() != exitFailed || !strings.Contains(p.stderr.String(), "almanac check: interrupted; the check did not finish") {
		t.Errorf("check: status %d, stderr:\n%s", p.cmd.ProcessState.ExitCode(), p.stderr.String())
	}
	var out string
	p, _ = interrupted(t, 200*time.Millisecond, func() []string {
		out = filepath.Join(t.TempDir(), "facts.jsonl")
		return []string{"export", "--db", big, "-o", out}
	})
	if !strings.Contains(p.stderr.String(), "almanac export: interrupted; "+out+" was not written") {
		t.Errorf("export: stderr:\n%s", p.stderr.String())
	}
	if entries, _ := os.ReadDir(filepath.Dir(out)); len(entries) != 0 {
		t.Errorf("an interrupted export left %v", entries)
	}
	db := copyFile(t, big)
	before, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	for delay := 100 * time.Millisecond; ; delay /= 2 {
		p := startAlmanac(t, "", nil, "compact", "--db", db)
		time.Sleep(delay)
		p.signal(os.Interrupt)
		status := p.wait(t)
		if status == exitOK {
			// Compacted before the signal: start again from the original.
			if err := os.WriteFile(db, before, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if status != exitFailed || !strings.Contains(p.stderr.String(), "almanac compact: interrupted; "+db+" is as it was") {
			t.Fatalf("compact: status %d, stderr:\n%s", status, p.stderr.String())
		}
		break
	}
	after, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(before, after) {
		t.Errorf("an interrupted compact changed the file")
	}
	if _, err := os.Stat(db + ".compact"); err == nil {
		t.Errorf("an interrupted compact left %s.compact behind", db)
	}
}

// sampleArticle is an article of the site's layout with a few figures.
const sampleArticle = `Home>News

Harbin opens new parks

Updated : 2023-06-02

By ( almanac test )

Harbin built 12 new parks in 2022, the city's parks bureau said.

The city planted 340,000 trees in 2022.
`

// SIGINT while extract traces a huge article ends it at once: it stores
// nothing, so nothing is left to finish.
func TestExtractInterrupted(t *testing.T) {
	if testing.Short() {
		t.Skip("huge document skipped in -short mode")
	}
	dir := t.TempDir()
	huge := filepath.Join(dir, "huge.txt")
	hugeArticle(t, huge, 1000) // 2 MB, minutes of extraction
	p := startAlmanac(t, "", nil, "extract", huge)
	time.Sleep(time.Second)
	p.signal(os.Interrupt)
	sent := time.Now()
	status := p.wait(t)
	t.Logf("exited %v after the signal", time.Since(sent).Round(time.Millisecond))
	if status != exitFailed || !strings.Contains(p.stderr.String(), "almanac extract: interrupted") {
		t.Errorf("status %d, stderr:\n%s", status, p.stderr.String())
	}
}
