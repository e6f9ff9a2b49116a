package server

import (
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/almanacdb/almanac/query/syntax"
	"github.com/almanacdb/almanac/store"
)

func emptyDB(t *testing.T) *store.DB {
	t.Helper()
	db, err := store.Open(filepath.Join(t.TempDir(), "e.db"), &store.Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func errorOf(t *testing.T, resp *http.Response) string {
	t.Helper()
	defer resp.Body.Close()
	var e apiError
	if err := json.NewDecoder(resp.Body).Decode(&e); err != nil || e.Error == "" {
		t.Fatalf("status %d: not a JSON error: %v", resp.StatusCode, err)
	}
	return e.Error
}

// With every read slot taken, a read waits while there is room to wait,
// and beyond that is refused at once with 503.
func TestReadLimits(t *testing.T) {
	s := New(emptyDB(t), Options{MaxQueries: 1, MaxWaiting: 1, QueryTimeout: 300 * time.Millisecond})
	ts := httptest.NewServer(s)
	defer ts.Close()
	release, err := s.acquire(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	// One waits (and gives up after the query timeout)...
	waited := make(chan *http.Response)
	go func() {
		resp, err := http.Get(ts.URL + "/api/metrics")
		if err != nil {
			t.Error(err)
		}
		waited <- resp
	}()
	for s.waiting.Load() != 1 {
		time.Sleep(time.Millisecond)
	}
	// ...and the next is refused at once.
	resp, err := http.Get(ts.URL + "/api/query?q=metrics")
	if err != nil {
		t.Fatal(err)
	}
	if msg := errorOf(t, resp); resp.StatusCode != 503 || resp.Header.Get("Retry-After") == "" || !strings.Contains(msg, "1 queries running and 1 waiting") {
		t.Errorf("over the waiting limit: %d %q", resp.StatusCode, msg)
	}
	resp = <-waited
	if msg := errorOf(t, resp); resp.StatusCode != 503 || !strings.Contains(msg, "no query finished within 300ms") {
		t.Errorf("waited too long: %d %q", resp.StatusCode, msg)
	}
	// With the slot free again, reads are answered.
	release()
	resp, err = http.Get(ts.URL + "/api/metrics")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Errorf("after release: %d", resp.StatusCode)
	}
}

// Serve's shutdown lets a request in flight finish, then returns; a
// write waiting on another holds it up no longer than the shutdown
// timeout.
func TestServeShutsDownCleanly(t *testing.T) {
	s := New(emptyDB(t), Options{Token: "t"})
	ln, stop, served := serveOn(t, s)
	// A write in flight: it waits for the write lock this test holds.
	unlock, err := s.lockWrite(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	answered := postArticle(ln)
	for len(s.write) == 0 || !inFlight(s) {
		time.Sleep(time.Millisecond)
	}
	stop()
	time.Sleep(50 * time.Millisecond)
	select {
	case err := <-served:
		t.Fatalf("Serve returned with a request in flight: %v", err)
	default:
	}
	// New connections are refused while it drains.
	if _, err := net.DialTimeout("tcp", ln.Addr().String(), time.Second); err == nil {
		t.Error("a new connection was accepted during shutdown")
	}
	unlock()
	if code := <-answered; code != http.StatusOK {
		t.Errorf("the request in flight was answered %d, want 200", code)
	}
	if err := <-served; err != nil {
		t.Errorf("Serve: %v", err)
	}
	n := 0
	s.db.View(func(tx *store.Tx) error { n = tx.DocumentCount(); return nil })
	if n != 1 {
		t.Errorf("%d documents stored, want the one in flight", n)
	}
}

// inFlight reports whether a handler is running (waiting counts).
func inFlight(s *Server) bool { return s.running() > 0 }

// serveOn runs s.Serve on a free port until stop is called; served
// receives what Serve returned.
func serveOn(t *testing.T, s *Server) (ln net.Listener, stop func(), served chan error) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, stop := context.WithCancel(context.Background())
	t.Cleanup(stop)
	served = make(chan error, 1)
	go func() { served <- s.Serve(ctx, ln) }()
	return ln, stop, served
}

// postArticle posts a one-sentence article with the token "t" and sends
// the answer's status (0 if there was none) on the channel it returns.
func postArticle(ln net.Listener) chan int {
	answered := make(chan int, 1)
	go func() {
		req, _ := http.NewRequest(http.MethodPost, "http://"+ln.Addr().String()+"/api/documents?name=a.txt", strings.NewReader("Harbin had 12 museums in 2021."))
		req.Header.Set("Content-Type", "text/plain")
		req.Header.Set("Authorization", "Bearer t")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			answered <- 0
			return
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		answered <- resp.StatusCode
	}()
	return answered
}

func TestServeShutdownTimeout(t *testing.T) {
	s := New(emptyDB(t), Options{Token: "t", ShutdownTimeout: 100 * time.Millisecond})
	ln, stop, served := serveOn(t, s)
	unlock, _ := s.lockWrite(context.Background())
	defer unlock()
	postArticle(ln)
	for !inFlight(s) {
		time.Sleep(time.Millisecond)
	}
	stop()
	select {
	case err := <-served:
		if err == nil || !strings.Contains(err.Error(), "cancelled") {
			t.Errorf("Serve: %v, want the cancelled requests named", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Serve did not return after its shutdown timeout")
	}
}

// A statement of the language's longest fits in a request line even
// percent-encoded, and one longer is refused with the parser's message.
func TestLongStatements(t *testing.T) {
	s := New(emptyDB(t), Options{})
	ln, _, _ := serveOn(t, s)
	for _, tc := range []struct {
		n    int
		want string
	}{
		{syntax.MaxQueryLen - 200, "unknown entity"},
		{syntax.MaxQueryLen + 1, "query too long"},
	} {
		name := strings.Repeat("é", (tc.n-len("facts where entity = \"\""))/2)
		q := "facts where entity = \"" + name + "\""
		resp, err := http.Get("http://" + ln.Addr().String() + "/api/query?" + url.Values{"q": {q}}.Encode())
		if err != nil {
			t.Fatal(err)
		}
		if msg := errorOf(t, resp); resp.StatusCode != 400 || !strings.Contains(msg, tc.want) {
			t.Errorf("statement of %d bytes: %d %.80q", len(q), resp.StatusCode, msg)
		}
	}
}
