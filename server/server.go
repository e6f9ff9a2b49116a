package server

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"github.com/almanacdb/almanac/ingest/resolve"
	"github.com/almanacdb/almanac/store"
)

// Defaults of Options.
const (
	DefaultQueryTimeout    = 10 * time.Second
	DefaultMaxBodyBytes    = 64 << 20
	DefaultMaxInputs       = 1000
	DefaultMaxRows         = 1000
	DefaultMaxWaiting      = 256
	DefaultShutdownTimeout = 30 * time.Second
)

// Options configures a Server. The zero value serves with the defaults
// and takes no writes.
type Options struct {
	// Token is the bearer token POST /api/documents must present
	// ("Authorization: Bearer TOKEN"). Empty refuses every write: a
	// server on loopback is still reachable by any local program and by
	// web pages the user visits.
	Token string
	// ReadOnly refuses writes (403) whatever the token; set it when the
	// database is open read-only.
	ReadOnly bool
	// QueryTimeout bounds a statement's run (DefaultQueryTimeout); one
	// that takes longer is cancelled and answered 503.
	QueryTimeout time.Duration
	// MaxBodyBytes bounds a request body (DefaultMaxBodyBytes).
	MaxBodyBytes int64
	// MaxInputs bounds the files of one POST (DefaultMaxInputs).
	MaxInputs int
	// MaxRows is the most result rows one response carries
	// (DefaultMaxRows); the rest come by the next link.
	MaxRows int
	// MaxQueries bounds the reads running at once (default twice
	// GOMAXPROCS, at least 4); MaxWaiting the reads waiting for one of
	// them (DefaultMaxWaiting). Beyond that a read is refused with 503.
	MaxQueries, MaxWaiting int
	// ShutdownTimeout is how long Serve lets requests in flight finish
	// after its context ends (DefaultShutdownTimeout); then they are
	// cancelled.
	ShutdownTimeout time.Duration
	// Aliases resolves entity names in ingested articles (nil: the
	// built-in places).
	Aliases resolve.Lookup
	// Log receives one line per request; nil logs nothing.
	Log io.Writer
}

func (o *Options) defaults() {
	if o.QueryTimeout <= 0 {
		o.QueryTimeout = DefaultQueryTimeout
	}
	if o.MaxBodyBytes <= 0 {
		o.MaxBodyBytes = DefaultMaxBodyBytes
	}
	if o.MaxInputs <= 0 {
		o.MaxInputs = DefaultMaxInputs
	}
	if o.MaxRows <= 0 {
		o.MaxRows = DefaultMaxRows
	}
	if o.MaxQueries <= 0 {
		o.MaxQueries = max(4, 2*runtime.GOMAXPROCS(0))
	}
	if o.MaxWaiting <= 0 {
		o.MaxWaiting = DefaultMaxWaiting
	}
	if o.ShutdownTimeout <= 0 {
		o.ShutdownTimeout = DefaultShutdownTimeout
	}
}

// Server serves one database. It is an http.Handler, so a program may
// mount it under a prefix of its own (with http.StripPrefix: the page
// and its links are relative); Serve runs it on a listener with a clean
// shutdown.
type Server struct {
	db  *store.DB
	o   Options
	mux *http.ServeMux
	log *log.Logger

	reads   chan struct{} // a slot per running read
	waiting atomic.Int64  // reads waiting for a slot
	write   chan struct{} // held by the one running write

	mu     sync.Mutex
	active int        // handlers running
	idle   *sync.Cond // signalled when active drops to 0
}

// New returns a server of db, which the caller closes after the server
// has stopped.
func New(db *store.DB, o Options) *Server {
	o.defaults()
	s := &Server{db: db, o: o, mux: http.NewServeMux(),
		reads: make(chan struct{}, o.MaxQueries), write: make(chan struct{}, 1)}
	s.idle = sync.NewCond(&s.mu)
	if o.Log != nil {
		s.log = log.New(o.Log, "", log.LstdFlags)
	}
	s.routes()
	return s
}

func (s *Server) routes() {
	s.mux.HandleFunc("/api", s.get(s.handleInfo))
	s.mux.HandleFunc("/api/query", s.get(s.read(s.handleQuery)))
	s.mux.HandleFunc("/api/facts/{id}", s.get(s.read(s.handleFact)))
	s.mux.HandleFunc("/api/documents/{id}", s.get(s.read(s.handleDocument)))
	s.mux.HandleFunc("/api/documents", s.handleDocuments)
	s.mux.HandleFunc("/api/metrics", s.get(s.read(s.catalogue((*store.Tx).Metrics))))
	s.mux.HandleFunc("/api/entities", s.get(s.read(s.catalogue((*store.Tx).Entities))))
	s.mux.HandleFunc("/api/units", s.get(s.read(s.catalogue((*store.Tx).Units))))
	s.mux.HandleFunc("/api/years", s.get(s.read(s.handleYears)))
	s.mux.HandleFunc("/api/language", s.get(s.handleLanguage))
	s.mux.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotFound, fmt.Sprintf("no such endpoint: %s (see GET /api)", r.URL.Path))
	})
	s.mux.Handle("/", s.get(pageHandler().ServeHTTP))
}

// ServeHTTP answers one request and logs it.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.enter()
	defer s.leave()
	start := time.Now()
	rec := &recorder{ResponseWriter: w, status: http.StatusOK}
	defer func() {
		if p := recover(); p != nil {
			if p == http.ErrAbortHandler {
				panic(p)
			}
			// A bug must not take the database down with it: answer 500
			// and log it; the transaction, if any, was rolled back.
			if !rec.wrote {
				writeError(rec, http.StatusInternalServerError, "internal error")
			}
			if s.log != nil {
				s.log.Printf("panic serving %s %s: %v", r.Method, r.URL.Path, p)
			}
		}
		if s.log != nil {
			uri := r.URL.RequestURI()
			if len(uri) > 300 {
				uri = uri[:300] + "..."
			}
			s.log.Printf("%s %s %s %d %dB %s", r.RemoteAddr, r.Method, uri, rec.status, rec.bytes, time.Since(start).Round(10*time.Microsecond))
		}
	}()
	h := w.Header()
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	s.mux.ServeHTTP(rec, r)
}

func (s *Server) enter() {
	s.mu.Lock()
	s.active++
	s.mu.Unlock()
}

func (s *Server) leave() {
	s.mu.Lock()
	if s.active--; s.active == 0 {
		s.idle.Broadcast()
	}
	s.mu.Unlock()
}

// running returns the number of requests being answered.
func (s *Server) running() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.active
}

// waitIdle waits until no handler runs.
func (s *Server) waitIdle() {
	s.mu.Lock()
	for s.active > 0 {
		s.idle.Wait()
	}
	s.mu.Unlock()
}

// recorder notes what a handler wrote, for the request log.
type recorder struct {
	http.ResponseWriter
	status int
	bytes  int64
	wrote  bool
}

func (r *recorder) WriteHeader(code int) {
	if !r.wrote {
		r.status, r.wrote = code, true
	}
	r.ResponseWriter.WriteHeader(code)
}

func (r *recorder) Write(b []byte) (int, error) {
	r.wrote = true
	n, err := r.ResponseWriter.Write(b)
	r.bytes += int64(n)
	return n, err
}

// Unwrap gives http.ResponseController the connection's writer.
func (r *recorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }

// get refuses other methods than GET and HEAD.
func (s *Server) get(h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			writeError(w, http.StatusMethodNotAllowed, fmt.Sprintf("%s %s: method not allowed (use GET)", r.Method, r.URL.Path))
			return
		}
		h(w, r)
	}
}

// errBusy is why a read found no slot.
var errBusy = errors.New("server busy")

// read runs h holding one of the MaxQueries read slots, waiting for one
// while no more than MaxWaiting others wait.
func (s *Server) read(h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		release, err := s.acquire(r.Context())
		if err != nil {
			w.Header().Set("Retry-After", "1")
			writeError(w, http.StatusServiceUnavailable, err.Error())
			return
		}
		defer release()
		h(w, r)
	}
}

func (s *Server) acquire(ctx context.Context) (release func(), err error) {
	select {
	case s.reads <- struct{}{}:
		return func() { <-s.reads }, nil
	default:
	}
	if n := s.waiting.Add(1); n > int64(s.o.MaxWaiting) {
		s.waiting.Add(-1)
		return nil, fmt.Errorf("%w: %d queries running and %d waiting (the limits); retry shortly", errBusy, s.o.MaxQueries, s.o.MaxWaiting)
	}
	defer s.waiting.Add(-1)
	timer := time.NewTimer(s.o.QueryTimeout)
	defer timer.Stop()
	select {
	case s.reads <- struct{}{}:
		return func() { <-s.reads }, nil
	case <-timer.C:
		return nil, fmt.Errorf("%w: no query finished within %s to make room; retry shortly", errBusy, s.o.QueryTimeout)
	case <-ctx.Done():
		return nil, fmt.Errorf("request cancelled while waiting: %w", ctx.Err())
	}
}

// lockWrite waits for the write lock; writes run one at a time.
func (s *Server) lockWrite(ctx context.Context) (unlock func(), err error) {
	select {
	case s.write <- struct{}{}:
		return func() { <-s.write }, nil
	case <-ctx.Done():
		return nil, fmt.Errorf("request cancelled while waiting for another write: %w", ctx.Err())
	}
}

// Serve answers requests on ln until ctx ends, then shuts down cleanly:
// it stops accepting, lets requests in flight finish for up to
// Options.ShutdownTimeout, cancels the rest and waits for their handlers
// to return. It returns nil after a clean shutdown. The caller then
// closes the database.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	hs := &http.Server{
		Handler:           s,
		ReadHeaderTimeout: 10 * time.Second,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    4 << 20, // the language's 1 MiB statements fit, percent-encoded
	}
	if s.log != nil {
		hs.ErrorLog = s.log
	}
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), s.o.ShutdownTimeout)
	defer cancel()
	err := hs.Shutdown(sctx)
	if err != nil {
		// Requests still running: closing their connections cancels their
		// contexts; wait for the handlers to see it and return.
		hs.Close()
		err = fmt.Errorf("shutdown: requests still running after %s were cancelled", s.o.ShutdownTimeout)
	}
	<-errc
	s.waitIdle()
	return err
}
