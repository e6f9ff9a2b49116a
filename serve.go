package almanac

import (
	"context"
	"io"

	"github.com/almanacdb/almanac/query"
	"github.com/almanacdb/almanac/server"
)

// Serving a database over HTTP (package server): one process owns the
// file and answers readers and a writer at once; a Client talks to it.
type (
	// Server serves a DB over HTTP: the JSON API and the web page. It is
	// an http.Handler (mount it with http.StripPrefix under a prefix of
	// your own); Serve runs it on a listener and shuts down cleanly.
	Server = server.Server
	// ServerOptions configures NewServer: the write token, read-only,
	// the query timeout, the limits, aliases and the request log.
	ServerOptions = server.Options
	// Client talks to a running server; its Query returns the Result a
	// local query would, and Ingest sends articles.
	Client = server.Client
	// ClientOptions configures Dial: the write token, the HTTP client.
	ClientOptions = server.ClientOptions
	// StatusError is a server's refusal: HTTP status and message.
	StatusError = server.StatusError
)

// The server's default limits; see ServerOptions.
const (
	DefaultQueryTimeout = server.DefaultQueryTimeout
	DefaultMaxBodyBytes = server.DefaultMaxBodyBytes
	DefaultMaxInputs    = server.DefaultMaxInputs
	DefaultMaxRows      = server.DefaultMaxRows
)

// NewServer returns a server of db. Close db after the server stopped.
func NewServer(db *DB, opts *ServerOptions) *Server {
	var o ServerOptions
	if opts != nil {
		o = *opts
	}
	return server.New(db.store, o)
}

// Dial checks that url is a running Almanac server and returns a client
// of it.
func Dial(ctx context.Context, url string, opts *ClientOptions) (*Client, error) {
	return server.Dial(ctx, url, opts)
}

// DecodeResult reads a result that Result.Encode wrote (the server's
// format=result).
func DecodeResult(r io.Reader) (*Result, error) { return query.DecodeResult(r) }
