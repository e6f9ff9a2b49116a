package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/almanacdb/almanac/ingest/gen"
	"github.com/almanacdb/almanac/store"
	"github.com/google/go-cmp/cmp"
)

// TestCrashSafety's size. The defaults keep go test ./... within its time
// on a small machine; CI runs it in full as well (.ci/run):
//
//	go test ./cmd/almanac -run '^TestCrashSafety$' -crash.rounds 20 -crash.articles 3000
var (
	crashRounds   = flag.Int("crash.rounds", 6, "SIGKILL rounds of TestCrashSafety (CI: 20)")
	crashArticles = flag.Int("crash.articles", 600, "generated articles TestCrashSafety ingests (CI: 3000)")
)

var (
	crashBinOnce sync.Once
	crashBin     string
	crashBinErr  error
)

// almanacBinary builds the command once per test process.
func almanacBinary(t *testing.T) string {
	t.Helper()
	crashBinOnce.Do(func() {
		dir, err := os.MkdirTemp("", "almanac-bin")
		if err != nil {
			crashBinErr = err
			return
		}
		crashBin = filepath.Join(dir, "almanac")
		out, err := exec.Command("go", "build", "-o", crashBin, ".").CombinedOutput()
		if err != nil {
			crashBinErr = &buildError{out}
		}
	})
	if crashBinErr != nil {
		t.Fatalf("build almanac: %v", crashBinErr)
	}
	return crashBin
}

type buildError struct{ out []byte }

func (e *buildError) Error() string { return string(e.out) }

// TestCrashSafety kills `almanac ingest` with SIGKILL at random moments and
// checks after each kill that the database opens, `almanac check` passes,
// every document is either present with exactly the facts a clean run gives
// it or absent, and that re-running the ingest ends with exactly the export
// of a clean run. -short skips it; CI runs it.
func TestCrashSafety(t *testing.T) {
	if testing.Short() {
		t.Skip("crash test skipped in -short mode")
	}
	bin := almanacBinary(t)
	dir := t.TempDir()
	articles := filepath.Join(dir, "articles")
	if err := gen.WriteDir(articles, 42, *crashArticles); err != nil {
		t.Fatal(err)
	}
	aliases := filepath.Join(dir, "aliases.txt")
	if err := os.WriteFile(aliases, gen.AliasFile(), 0o644); err != nil {
		t.Fatal(err)
	}

	cleanDB := filepath.Join(dir, "clean.db")
	start := time.Now()
	runOK(t, bin, "ingest", "--quiet", "--batch", "64", "--aliases", aliases, "--db", cleanDB, articles)
	cleanTime := time.Since(start)
	want := runOK(t, bin, "export", "--db", cleanDB)
	wantByDoc := byDocument(t, want)
	if len(wantByDoc) < *crashArticles*9/10 {
		t.Fatalf("clean run stored %d documents of %d", len(wantByDoc), *crashArticles)
	}
	t.Logf("clean run: %d documents in %v", len(wantByDoc), cleanTime)

	rng := rand.New(rand.NewPCG(1, uint64(time.Now().UnixNano())))
	killedMidway := 0
	for round := range *crashRounds {
		db := filepath.Join(dir, "crash.db")
		os.Remove(db)
		cmd := exec.Command(bin, "ingest", "--quiet", "--batch", "64", "--aliases", aliases, "--db", db, articles)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		delay := time.Duration(rng.Int64N(int64(cleanTime)))
		time.Sleep(delay)
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()

		// The database opens (read-write, as the re-run will) and checks clean.
		if fi, err := os.Stat(db); err == nil && fi.Size() > 0 {
			s, err := store.Open(db, nil)
			if err != nil {
				t.Fatalf("round %d (killed after %v): open: %v", round, delay, err)
			}
			s.Close()
			runOK(t, bin, "check", "--db", db)
			got := byDocument(t, runOK(t, bin, "export", "--db", db))
			for src, facts := range got {
				if diff := cmp.Diff(wantByDoc[src], facts); diff != "" {
					t.Fatalf("round %d (killed after %v): document %s differs from the clean run (-clean +crashed):\n%s", round, delay, src, diff)
				}
			}
			if len(got) > 0 && len(got) < len(wantByDoc) {
				killedMidway++
			}
		}
		runOK(t, bin, "ingest", "--quiet", "--batch", "64", "--aliases", aliases, "--db", db, articles)
		if got := runOK(t, bin, "export", "--db", db); !bytes.Equal(got, want) {
			t.Fatalf("round %d (killed after %v): export after re-run differs from a clean run's", round, delay)
		}
	}
	t.Logf("%d of %d rounds were killed with the ingest part-way", killedMidway, *crashRounds)
	if *crashRounds >= 5 && killedMidway == 0 {
		t.Errorf("no round killed the ingest part-way; the test proved nothing")
	}
}

// runOK runs the binary and fails the test unless it exits 0.
func runOK(t *testing.T, bin string, args ...string) []byte {
	t.Helper()
	var stdout, stderr bytes.Buffer
	cmd := exec.Command(bin, args...)
	cmd.Stdin = strings.NewReader("") // whatever the null device holds
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("almanac %v: %v\n%s", args, err, stderr.Bytes())
	}
	return stdout.Bytes()
}

// byDocument groups exported facts by document, in export order.
func byDocument(t *testing.T, export []byte) map[string][]store.ExportRecord {
	t.Helper()
	out := map[string][]store.ExportRecord{}
	sc := bufio.NewScanner(bytes.NewReader(export))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var r store.ExportRecord
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatalf("export line %q: %v", sc.Text(), err)
		}
		out[r.Document] = append(out[r.Document], r)
	}
	return out
}
