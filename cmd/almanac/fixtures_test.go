package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/almanacdb/almanac/ingest/gen"
)

var (
	bigOnce sync.Once
	bigDir  string // 3,000 generated articles
	bigPath string // a database of them
	bigErr  error
)

// bigDB returns a database of 3,000 generated articles (about 70,000
// facts, 50 MB), made once by the command, and the directory of the
// articles. Tests that change it work on a copy.
func bigDB(t *testing.T) (db, articles string) {
	t.Helper()
	if testing.Short() {
		t.Skip("the 3,000-article database is skipped in -short mode")
	}
	bin := almanacBinary(t)
	bigOnce.Do(func() {
		bigDir = filepath.Join(testDir, "big-articles")
		if bigErr = gen.WriteDir(bigDir, 42, 3000); bigErr != nil {
			return
		}
		bigPath = filepath.Join(testDir, "big.db")
		if out, err := exec.Command(bin, "ingest", "--quiet", "--db", bigPath, bigDir).CombinedOutput(); err != nil {
			bigErr = fmt.Errorf("%v: %s", err, out)
		}
	})
	if bigErr != nil {
		t.Fatalf("create the big database: %v", bigErr)
	}
	return bigPath, bigDir
}

// copyFile copies src to a new file in the test's temp dir and returns it.
func copyFile(t *testing.T, src string) string {
	t.Helper()
	data, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	dst := filepath.Join(t.TempDir(), filepath.Base(src))
	if err := os.WriteFile(dst, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return dst
}

// process is a run of the binary.
type process struct {
	cmd            *exec.Cmd
	stdout, stderr bytes.Buffer
	start          time.Time
}

// startAlmanac starts the binary with args in dir ("": a temp dir).
func startAlmanac(t *testing.T, dir string, stdin io.Reader, args ...string) *process {
	t.Helper()
	if dir == "" {
		dir = t.TempDir()
	}
	p := &process{cmd: exec.Command(almanacBinary(t), args...)}
	p.cmd.Dir = dir
	p.cmd.Stdin = stdin
	p.cmd.Stdout, p.cmd.Stderr = &p.stdout, &p.stderr
	p.cmd.Env = append(os.Environ(), "NO_COLOR=1")
	if err := p.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	p.start = time.Now()
	return p
}

// wait waits for the process, killing it after a generous limit that only
// a hang reaches, and returns its exit status (-1 if a signal ended it).
func (p *process) wait(t *testing.T) int {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- p.cmd.Wait() }()
	select {
	case err := <-done:
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			if ws, ok := ee.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
				return -1
			}
			return ee.ExitCode()
		}
		if err != nil {
			t.Fatal(err)
		}
		return 0
	case <-time.After(2 * time.Minute):
		p.cmd.Process.Kill()
		<-done
		t.Fatalf("almanac %q hung: killed after 2 minutes\nstderr:\n%s", p.cmd.Args[1:], p.stderr.String())
		return 0
	}
}

// maxRSS returns the peak resident memory of the finished process, in bytes.
func (p *process) maxRSS() int64 {
	if ru, ok := p.cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		return ru.Maxrss << 10 // kilobytes on Linux
	}
	return 0
}

// signal sends sig to the process.
func (p *process) signal(sig os.Signal) { p.cmd.Process.Signal(sig) }
