package main

import (
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/creack/pty"
)

// terminal is the far side of a pseudo-terminal the command runs on.
type terminal struct {
	t    *testing.T
	pty  *os.File
	mu   sync.Mutex
	out  bytes.Buffer  // everything the command wrote
	seen int           // how much of out expect has consumed
	eof  chan struct{} // closed when the command's side is closed and all read
}

func (term *terminal) read() {
	defer close(term.eof)
	buf := make([]byte, 4096)
	for {
		n, err := term.pty.Read(buf)
		term.mu.Lock()
		term.out.Write(buf[:n])
		term.mu.Unlock()
		if err != nil {
			return
		}
	}
}

// all returns everything the command wrote, once it has exited and the
// last of it has been read.
func (term *terminal) all() string {
	term.t.Helper()
	select {
	case <-term.eof:
	case <-time.After(10 * time.Second):
		term.t.Fatal("the terminal's output did not end")
	}
	term.mu.Lock()
	defer term.mu.Unlock()
	return term.out.String()
}

// expect waits until the output after what earlier expects matched
// matches re, and consumes it up to the end of the match.
func (term *terminal) expect(re string) string {
	term.t.Helper()
	rx := regexp.MustCompile(re)
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		term.mu.Lock()
		rest := term.out.String()[term.seen:]
		loc := rx.FindStringIndex(rest)
		if loc != nil {
			term.seen += loc[1]
		}
		term.mu.Unlock()
		if loc != nil {
			return rest[loc[0]:loc[1]]
		}
		time.Sleep(10 * time.Millisecond)
	}
	term.mu.Lock()
	defer term.mu.Unlock()
	term.t.Fatalf("no %q in the terminal's output after:\n%q", re, term.out.String()[term.seen:])
	return ""
}

func (term *terminal) send(keys string) {
	term.t.Helper()
	if _, err := io.WriteString(term.pty, keys); err != nil {
		term.t.Fatal(err)
	}
}

// terminalCommand returns the command with args in dir, as on a
// terminal, with its history under dir.
func terminalCommand(t *testing.T, dir string, args ...string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(almanacBinary(t), args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "TERM=xterm", "NO_COLOR=1", "HOME="+dir, "XDG_STATE_HOME="+filepath.Join(dir, "state"))
	return cmd
}

// startTerminal starts cmd on a pseudo-terminal of rows and cols and
// reads what it writes; done receives cmd's exit. The test's cleanup
// kills cmd if it has not exited, and closes the terminal.
func startTerminal(t *testing.T, cmd *exec.Cmd, rows, cols uint16) (*terminal, <-chan error) {
	t.Helper()
	f, err := pty.StartWithSize(cmd, &pty.Winsize{Rows: rows, Cols: cols})
	if err != nil {
		t.Fatal(err)
	}
	term := &terminal{t: t, pty: f, eof: make(chan struct{})}
	go term.read()
	done := make(chan error, 1)
	exited := make(chan struct{})
	go func() { done <- cmd.Wait(); close(exited) }()
	t.Cleanup(func() {
		select {
		case <-exited:
		default:
			cmd.Process.Kill()
			<-exited
		}
		f.Close()
	})
	return term, done
}

// TestREPLOnTerminal runs the command on a pseudo-terminal, as a user
// would the first time: it creates the database, shows the prompt, runs
// a query, completes a metric name with Tab, abandons a line with Ctrl-C,
// keeps history, and leaves with Ctrl-D.
func TestREPLOnTerminal(t *testing.T) {
	metric, prefix := completable(t)
	dir := t.TempDir()
	// The rc file runs before the first prompt.
	rc := filepath.Join(dir, "config", "almanac", "almanacrc")
	if err := os.MkdirAll(filepath.Dir(rc), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(rc, []byte(".timer on\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	// A pager that marks what it shows.
	pager := filepath.Join(dir, "pager")
	if err := os.WriteFile(pager, []byte("#!/bin/sh\nsed 's/^/paged: /'\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	cmd := terminalCommand(t, dir)
	cmd.Env = append(cmd.Env, "XDG_CONFIG_HOME="+filepath.Join(dir, "config"), "PAGER="+pager)
	term, done := startTerminal(t, cmd, 40, 120)

	term.expect(`Created almanac\.db from 6 sample articles`)
	term.expect(`Type \.help for help`)
	term.expect(`timer is on`)
	term.expect(`almanac> `)
	term.send("years\r")
	term.expect(`year +facts`)
	term.expect(`Time: `)
	term.expect(`almanac> `)

	// A result longer than the screen goes through the pager.
	term.send("facts\r")
	term.expect(`paged: id +entity +metric`)
	term.expect(`almanac> `)

	// Completion keeps what was typed: two entities start with Har.
	term.send("facts where entity = Har\t")
	term.expect(`"Harbin`)
	term.send("\t")
	term.expect(`"Harbin New Area"`)
	term.send("\x03")
	term.expect(`almanac> `)

	// Tab completes the metric, the only one with its prefix; running
	// the line proves it.
	term.send("metric " + prefix + "\t")
	term.expect(regexp.QuoteMeta(metric[len(prefix):]))
	term.send("\r")
	term.expect(`(?m)^id +entity +metric .*\r?\n.*\r?\n.* ` + regexp.QuoteMeta(metric) + ` `)
	term.expect(`almanac> `)

	// A statement over two lines, then an error with its caret.
	term.send("metric " + metric + " where\r")
	term.expect(`\.\.\.> `)
	term.send("year > 1900\r")
	term.expect(`(?m)^id +entity `)
	term.send("metric by year\r")
	term.expect(`error: unexpected "by", expected a metric name\r?\n  metric by year\r?\n         \^`)

	// Ctrl-C abandons the line.
	term.send("metric gd\x03")
	term.expect(`\^C`)
	term.expect(`almanac> `)
	term.send("\x04")
	select {
	case err := <-done:
		if err != nil { // a non-zero exit status is an error too
			t.Fatalf("exit: %v; output:\n%s", err, term.out.String())
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Ctrl-D did not end the REPL")
	}
	hist, err := os.ReadFile(filepath.Join(dir, "state", "almanac", "history"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(hist), "years\n") || !strings.Contains(string(hist), "where year > 1900") {
		t.Errorf("history:\n%s", hist)
	}
}

// completable returns a metric of the sample database and a prefix of it
// that no other metric has, read from the database.
func completable(t *testing.T) (metric, prefix string) {
	t.Helper()
	out, errs, status := runAlmanac(t, "", "", "query", "--db", sampleDB(t), "--format", "csv", "metrics")
	if status != 0 {
		t.Fatalf("metrics: %s", errs)
	}
	var names []string
	for _, line := range strings.Split(strings.TrimSpace(out), "\n")[1:] {
		name, _, _ := strings.Cut(line, ",")
		names = append(names, name)
	}
	for _, name := range names {
		for n := 1; n < len(name); n++ {
			p := name[:n]
			unique := true
			for _, other := range names {
				unique = unique && (other == name || !strings.HasPrefix(strings.ToLower(other), strings.ToLower(p)))
			}
			if unique {
				return name, p
			}
		}
	}
	t.Fatalf("no metric has a prefix of its own: %q", names)
	return "", ""
}
