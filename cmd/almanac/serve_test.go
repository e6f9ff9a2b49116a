package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/almanacdb/almanac/ingest/gen"
)

// serving is a running "almanac serve".
type serving struct {
	cmd    *exec.Cmd
	url    string
	stderr *lockedBuffer
	done   chan error
}

type lockedBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

var servingAt = regexp.MustCompile(`at (http://127\.0\.0\.1:\d+/)`)

// serve starts the binary serving db on a free port and waits for it to
// say where.
func serve(t *testing.T, args ...string) *serving {
	t.Helper()
	cmd := exec.Command(almanacBinary(t), append([]string{"serve", "--addr", "127.0.0.1:0"}, args...)...)
	pipe, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	s := &serving{cmd: cmd, stderr: &lockedBuffer{}, done: make(chan error, 1)}
	found := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(pipe)
		for sc.Scan() {
			fmt.Fprintln(s.stderr, sc.Text())
			if m := servingAt.FindStringSubmatch(sc.Text()); m != nil {
				select {
				case found <- m[1]:
				default:
				}
			}
		}
		s.done <- cmd.Wait()
	}()
	select {
	case s.url = <-found:
	case err := <-s.done:
		t.Fatalf("almanac serve exited: %v\n%s", err, s.stderr)
	case <-time.After(30 * time.Second):
		cmd.Process.Kill()
		t.Fatalf("almanac serve did not say where it serves:\n%s", s.stderr)
	}
	t.Cleanup(func() {
		if cmd.ProcessState == nil {
			cmd.Process.Kill()
			<-s.done
		}
	})
	return s
}

// stop sends sig and waits for a clean exit.
func (s *serving) stop(t *testing.T, sig os.Signal) {
	t.Helper()
	if err := s.cmd.Process.Signal(sig); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-s.done:
		if err != nil {
			t.Errorf("almanac serve after %v: %v\n%s", sig, err, s.stderr)
		}
	case <-time.After(30 * time.Second):
		s.cmd.Process.Kill()
		t.Fatalf("almanac serve did not stop on %v:\n%s", sig, s.stderr)
	}
	if !strings.Contains(s.stderr.String(), "stopped;") {
		t.Errorf("no word of the stop:\n%s", s.stderr)
	}
}

// The server shares one file between readers and a writer: an ingest
// through it while 40 readers query; every reader is answered, reads go
// on between the ingest's commits, and every document is stored.
func TestServeReadersAndAWriter(t *testing.T) {
	const articles = 600
	dir := t.TempDir()
	db := filepath.Join(dir, "shared.db")
	arts := filepath.Join(dir, "articles")
	if err := gen.WriteDir(arts, 12, articles); err != nil {
		t.Fatal(err)
	}
	tokenFile := filepath.Join(dir, "token")
	if err := os.WriteFile(tokenFile, []byte("t0ken-of-the-test\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	// 100 articles a request: the ingest commits six times.
	s := serve(t, "--db", db, "--token-file", tokenFile, "--max-inputs", "100")

	// While it serves, the file is the server's: the CLI says so.
	_, errs, status := runAlmanac(t, dir, "", "query", "--db", db, "metrics")
	if status != 1 || !strings.Contains(errs, "almanac serve --db "+db) || !strings.Contains(errs, "--server URL") {
		t.Errorf("query on the served file: status %d, stderr %q; want the locked error naming almanac serve", status, errs)
	}

	queries := []string{"metrics", "entities", "years", "documents", "count facts by entity",
		"facts where year >= 2015 limit 20", "units"}
	var (
		mu        sync.Mutex
		answered  int
		failures  []string
		snapshots = map[string]bool{}
		stop      = make(chan struct{})
		wg        sync.WaitGroup
	)
	client := &http.Client{Timeout: 60 * time.Second}
	for r := range 40 {
		wg.Go(func() {
			for i := r; ; i++ {
				select {
				case <-stop:
					if i > r {
						return
					}
				default:
				}
				q := queries[i%len(queries)]
				resp, err := client.Get(s.url + "api/query?" + url.Values{"q": {q}}.Encode())
				if err != nil {
					mu.Lock()
					failures = append(failures, fmt.Sprintf("%s: %v", q, err))
					mu.Unlock()
					return
				}
				body, _ := io.ReadAll(resp.Body)
				resp.Body.Close()
				mu.Lock()
				if resp.StatusCode != 200 || !json.Valid(body) {
					failures = append(failures, fmt.Sprintf("%s: %d %s", q, resp.StatusCode, body))
				} else {
					answered++
					snapshots[resp.Header.Get("X-Almanac-Snapshot")] = true
				}
				mu.Unlock()
			}
		})
	}
	out, errs, status := runAlmanac(t, dir, "", "ingest", "--server", s.url, "--token-file", tokenFile, arts)
	mu.Lock()
	during := len(snapshots)
	mu.Unlock()
	close(stop)
	wg.Wait()
	if status != 0 || !strings.Contains(out, fmt.Sprintf("ingested %d documents (%d added", articles, articles)) {
		t.Fatalf("ingest through the server: status %d\n%s%s", status, out, errs)
	}
	if len(failures) > 0 {
		t.Errorf("%d of %d reads failed; first: %s", len(failures), answered+len(failures), failures[0])
	}
	if during < 3 {
		t.Errorf("the readers saw %d states of the database during the ingest; they should have read between its commits", during)
	}
	t.Logf("%d reads answered, %d snapshots seen during the ingest", answered, during)

	// Through the server and, once it stopped, from the file: all stored.
	out, errs, status = runAlmanac(t, dir, "", "query", "--server", s.url, "--format", "csv", "documents")
	if status != 0 || strings.Count(out, "\n") != articles+1 {
		t.Errorf("documents through the server: status %d, %d lines\n%s", status, strings.Count(out, "\n"), errs)
	}
	s.stop(t, syscall.SIGTERM)
	out, errs, status = runAlmanac(t, dir, "", "check", "--db", db)
	if status != 0 || !strings.Contains(out, fmt.Sprintf("ok: %s: %d documents", db, articles)) {
		t.Errorf("check after the server stopped: status %d\n%s%s", status, out, errs)
	}
}

// The command's wiring: flags, refusals, the request log, SIGINT.
func TestServeCommand(t *testing.T) {
	dir := t.TempDir()
	db := sampleDB(t)
	_, errs, status := runAlmanac(t, dir, "", "serve", "--db", db, "--token-file", filepath.Join(dir, "none"))
	if status != exitUsage || !strings.Contains(errs, "token file") {
		t.Errorf("missing token file: status %d, %q", status, errs)
	}
	empty := filepath.Join(dir, "empty")
	os.WriteFile(empty, []byte("\n"), 0o600)
	if _, errs, status := runAlmanac(t, dir, "", "serve", "--db", db, "--token-file", empty); status != exitUsage || !strings.Contains(errs, "is empty") {
		t.Errorf("empty token file: status %d, %q", status, errs)
	}
	if _, errs, status := runAlmanac(t, dir, "", "serve", "--db", filepath.Join(dir, "no.db"), "--read-only"); status != exitFailed || !strings.Contains(errs, "does not exist") {
		t.Errorf("read-only serve of a missing file: status %d, %q", status, errs)
	}
	if _, errs, status := runAlmanac(t, dir, "", "query", "--server", "http://127.0.0.1:1", "metrics"); status != exitFailed || !strings.Contains(errs, "almanac serve") {
		t.Errorf("query of no server: status %d, %q", status, errs)
	}

	s := serve(t, "--db", db, "--read-only")
	// Read-only: another reader may open the file too.
	if out, errs, status := runAlmanac(t, dir, "", "query", "--db", db, "years"); status != 0 || out == "" {
		t.Errorf("local read beside a read-only server: status %d, %q", status, errs)
	}
	local, _, _ := runAlmanac(t, dir, "", "query", "--db", db, "--format", "json", "metric high_tech_enterprises by year")
	remote, errs, status := runAlmanac(t, dir, "", "query", "--server", s.url, "--format", "json", "metric high_tech_enterprises by year")
	if status != 0 || remote != local || !strings.Contains(remote, `"facts":[`) {
		t.Errorf("--server answers differ: status %d\nlocal  %s\nremote %s\n%s", status, local, remote, errs)
	}
	_, errs, status = runAlmanac(t, dir, "", "query", "--server", s.url, "metric by year")
	if status != 1 || !strings.Contains(errs, "query:1:8: unexpected \"by\"") || !strings.Contains(errs, "       ^") {
		t.Errorf("a mistake through the server: status %d, %q", status, errs)
	}
	if _, errs, status := runAlmanac(t, dir, "", "query", "--server", s.url, "--db", db, "metrics"); status != exitUsage || !strings.Contains(errs, "give one") {
		t.Errorf("--db with --server: status %d, %q", status, errs)
	}
	samples, err := filepath.Abs(filepath.Join("..", "..", "examples", "articles"))
	if err != nil {
		t.Fatal(err)
	}
	_, errs, status = runAlmanac(t, dir, "", "ingest", "--server", s.url, samples)
	if status != 1 || !strings.Contains(errs, "read-only") || strings.Contains(errs, "ingested") {
		t.Errorf("ingest into a read-only server: status %d, %q", status, errs)
	}
	if _, errs, status := runAlmanac(t, dir, "", "ingest", "--server", s.url, "--aliases", "x", "a.txt"); status != exitUsage || !strings.Contains(errs, "almanac serve") {
		t.Errorf("--aliases with --server: status %d, %q", status, errs)
	}
	s.stop(t, os.Interrupt)
	log := s.stderr.String()
	for _, want := range []string{"GET /api/query?format=result&q=metric+high_tech_enterprises+by+year 200", "GET /api 200", "POST /api/documents 403"} {
		if !strings.Contains(log, want) {
			t.Errorf("request log lacks %q:\n%s", want, log)
		}
	}
}
