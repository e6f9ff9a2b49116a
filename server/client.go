package server

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/almanacdb/almanac/ingest"
	"github.com/almanacdb/almanac/query"
	"github.com/almanacdb/almanac/query/syntax"
	"github.com/almanacdb/almanac/store"
)

// ClientOptions configures Dial.
type ClientOptions struct {
	// Token is sent with writes (the server's --token-file).
	Token string
	// HTTP is the client requests go through (default: one without a
	// timeout; the server bounds queries, and ingests take their time).
	HTTP *http.Client
}

// Client talks to a running server. Its Query returns the *query.Result
// a local query returns, so a program (or the almanac shell) renders it
// the same way. It is safe for concurrent use.
type Client struct {
	base  *url.URL // the server's root, ending in "/"
	hc    *http.Client
	token string
	info  infoJSON
}

// StatusError is a refusal by the server: the HTTP status and the
// server's message.
type StatusError struct {
	Status  int
	Message string
}

// Error returns the server's message.
func (e *StatusError) Error() string { return e.Message }

// Dial checks that rawURL ("http://127.0.0.1:8080", or a prefix a
// program mounted the server under) is an Almanac server and returns a
// client of it.
func Dial(ctx context.Context, rawURL string, o *ClientOptions) (*Client, error) {
	u, err := url.Parse(rawURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("server URL %q: want http://HOST:PORT", rawURL)
	}
	if !strings.HasSuffix(u.Path, "/") {
		u.Path += "/"
	}
	u.RawQuery, u.Fragment = "", ""
	c := &Client{base: u, hc: http.DefaultClient}
	if o != nil {
		c.token = o.Token
		if o.HTTP != nil {
			c.hc = o.HTTP
		}
	}
	if err := c.getJSON(ctx, "api", &c.info); err != nil {
		return nil, fmt.Errorf("server %s: %w", c.URL(), err)
	}
	if c.info.Almanac != apiVersion {
		return nil, fmt.Errorf("server %s: speaks API version %d, this almanac %d", c.URL(), c.info.Almanac, apiVersion)
	}
	return c, nil
}

// URL returns the server's address.
func (c *Client) URL() string { return strings.TrimSuffix(c.base.String(), "/") }

// Path returns the server's address, which stands for the database in
// messages.
func (c *Client) Path() string { return c.URL() }

// Database returns the name of the database file the server serves.
func (c *Client) Database() string { return c.info.Database }

// Close releases the client's idle connections.
func (c *Client) Close() error {
	c.hc.CloseIdleConnections()
	return nil
}

// do sends req and returns the response if its status is 2xx; otherwise
// the server's error: a *StatusError, or for a mistake in a statement the
// syntax.ErrorList the server found.
func (c *Client) do(req *http.Request) (*http.Response, error) {
	resp, err := c.hc.Do(req)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode/100 == 2 {
		return resp, nil
	}
	defer resp.Body.Close()
	var e apiError
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if json.Unmarshal(body, &e) != nil || e.Error == "" {
		return nil, &StatusError{resp.StatusCode, fmt.Sprintf("%s (not an almanac server's answer?)", resp.Status)}
	}
	if resp.StatusCode == http.StatusBadRequest && e.Line > 0 {
		list := e.Errors
		if len(list) == 0 {
			list = []apiError{e}
		}
		var out syntax.ErrorList
		for _, x := range list {
			pos := syntax.Pos{Line: x.Line, Column: x.Col}
			if x.Offset != nil {
				pos.Offset = *x.Offset
			}
			out = append(out, &syntax.Error{Pos: pos, Msg: x.Error, Suggestion: x.Suggestion})
		}
		return nil, out
	}
	return nil, &StatusError{resp.StatusCode, e.Error}
}

func (c *Client) get(ctx context.Context, ref string) (*http.Response, error) {
	u, err := c.base.Parse(ref)
	if err != nil {
		return nil, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, err
	}
	return c.do(req)
}

func (c *Client) getJSON(ctx context.Context, ref string, v any) error {
	resp, err := c.get(ctx, ref)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if err := json.NewDecoder(resp.Body).Decode(v); err != nil {
		return fmt.Errorf("read %s: %w", ref, err)
	}
	return nil
}

// pageRetries is how often Query starts over when the database changes
// between the pages of a result.
const pageRetries = 3

// Query runs one statement on the server and returns its whole result,
// reading every page. Mistakes in the statement come back as a
// syntax.ErrorList positioned in text, as a local query's do; refusals
// (a timeout, a busy server) as a *StatusError.
func (c *Client) Query(ctx context.Context, text string) (*query.Result, error) {
	for try := 0; ; try++ {
		res, err := c.queryPages(ctx, text)
		var se *StatusError
		if errors.As(err, &se) && se.Status == http.StatusConflict && try < pageRetries {
			continue // written to between pages: read them again
		}
		return res, err
	}
}

func (c *Client) queryPages(ctx context.Context, text string) (*query.Result, error) {
	ref := "api/query?" + url.Values{"q": {text}, "format": {wireFormat}}.Encode()
	var res *query.Result
	for ref != "" {
		resp, err := c.get(ctx, ref)
		if err != nil {
			return nil, err
		}
		page, err := query.DecodeResult(resp.Body)
		next := nextLink(resp)
		resp.Body.Close()
		if err != nil {
			return nil, err
		}
		if res == nil {
			res = page
		} else if err := res.Append(page); err != nil {
			return nil, err
		}
		ref = ""
		if next != "" {
			u, err := resp.Request.URL.Parse(next)
			if err != nil {
				return nil, fmt.Errorf("next page %q: %w", next, err)
			}
			ref = u.String()
		}
	}
	return res, nil
}

// nextLink returns the target of the response's rel="next" Link, or "".
func nextLink(resp *http.Response) string {
	for _, v := range resp.Header.Values("Link") {
		for _, link := range strings.Split(v, ",") {
			target, params, _ := strings.Cut(strings.TrimSpace(link), ";")
			if strings.Contains(params, `rel="next"`) && strings.HasPrefix(target, "<") && strings.HasSuffix(target, ">") {
				return target[1 : len(target)-1]
			}
		}
	}
	return ""
}

// Entities returns the server's entity catalogue.
func (c *Client) Entities() ([]store.CatalogEntry, error) { return c.catalogue("entities") }

// Metrics returns the server's metric catalogue.
func (c *Client) Metrics() ([]store.CatalogEntry, error) { return c.catalogue("metrics") }

// Units returns the server's unit catalogue.
func (c *Client) Units() ([]store.CatalogEntry, error) { return c.catalogue("units") }

// catalogueTimeout bounds the catalogue requests, which take no context
// (completion asks for them).
const catalogueTimeout = 30 * time.Second

func (c *Client) catalogue(what string) ([]store.CatalogEntry, error) {
	ctx, cancel := context.WithTimeout(context.Background(), catalogueTimeout)
	defer cancel()
	var in []catalogueJSON
	if err := c.getJSON(ctx, "api/"+what, &in); err != nil {
		return nil, fmt.Errorf("read %s: %w", what, err)
	}
	out := make([]store.CatalogEntry, len(in))
	for i, e := range in {
		out[i] = store.CatalogEntry{Name: e.Name, Count: e.Facts, Aliases: e.Aliases}
	}
	return out, nil
}

// requestOverhead is room left in a request for multipart headers.
const requestOverhead = 64 << 10

// Ingest sends the articles at paths (files, directories walked for
// article files, "-" for opts.Stdin) to the server, as many to a request
// as its limits allow, and returns the summary of what it stored. Of
// opts, Published, Stdin, StdinName, Report and Progress apply; aliases are the
// server's (its --aliases). Like ingest.Paths, it returns
// ingest.ErrFailed when some inputs failed and the rest were stored; a
// refusal of the whole request (no token, read-only) is a *StatusError.
func (c *Client) Ingest(ctx context.Context, paths []string, opts ingest.Options) (ingest.Summary, error) {
	var sum ingest.Summary
	if opts.Aliases != nil {
		return sum, errors.New("ingest: alias files apply where the database is: pass --aliases to almanac serve")
	}
	report := func(r ingest.Report) {
		if r.Err != nil {
			sum.Failed++
		}
		if opts.Report != nil {
			opts.Report(r)
		}
	}
	limit := c.info.Limits.BodyBytes - requestOverhead
	var batch []clientInput
	var size int64
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		one, err := c.post(ctx, batch, opts)
		addSummary(&sum, one)
		batch, size = batch[:0], 0
		if opts.Progress != nil {
			opts.Progress(sum)
		}
		return err
	}
	for in := range c.inputs(paths, opts.Stdin, opts.StdinName, report) {
		if in.size > limit {
			report(ingest.Report{Path: in.name, Outcome: store.Failed,
				Err: fmt.Errorf("%s: %s is over the server's request limit of %s", in.name, byteSize(in.size), byteSize(c.info.Limits.BodyBytes))})
			continue
		}
		if len(batch) == c.info.Limits.Inputs || size+in.size > limit {
			if err := flush(); err != nil {
				return sum, err
			}
		}
		batch = append(batch, in)
		size += in.size
		if ctx.Err() != nil {
			return sum, ctx.Err()
		}
	}
	if err := flush(); err != nil {
		return sum, err
	}
	if sum.Failed > 0 {
		return sum, ingest.ErrFailed
	}
	return sum, nil
}

// clientInput is one file (or standard input) to send.
type clientInput struct {
	name string // as the user gave it, or found under a directory given
	size int64
	open func() (io.ReadCloser, error)
}

// inputs lists the files paths name, in order: a directory's article
// files (ingest.Extensions, dot files skipped) in name order. Inputs that
// cannot be read are reported failed.
// Standard input is sent as stdinName, or "stdin".
func (c *Client) inputs(paths []string, stdin io.Reader, stdinName string, report func(ingest.Report)) func(func(clientInput) bool) {
	if stdinName == "" {
		stdinName = "stdin"
	}
	fail := func(name string, err error) {
		report(ingest.Report{Path: name, Outcome: store.Failed, Err: err})
	}
	return func(yield func(clientInput) bool) {
		for _, p := range paths {
			if p == "-" {
				if stdin == nil {
					stdin = os.Stdin
				}
				// Read whole: the request is sent once its size is known.
				data, err := io.ReadAll(io.LimitReader(stdin, c.info.Limits.BodyBytes+1))
				if err != nil {
					fail("-", fmt.Errorf("stdin: %w", err))
					continue
				}
				if !yield(clientInput{name: stdinName, size: int64(len(data)), open: func() (io.ReadCloser, error) {
					return io.NopCloser(bytes.NewReader(data)), nil
				}}) {
					return
				}
				continue
			}
			fi, err := os.Stat(p)
			if err != nil {
				fail(p, err)
				continue
			}
			if !fi.IsDir() {
				if !yield(fileInput(p, fi.Size())) {
					return
				}
				continue
			}
			n := 0
			err = filepath.WalkDir(p, func(path string, d os.DirEntry, err error) error {
				if err != nil {
					fail(path, err)
					return nil
				}
				if path != p && strings.HasPrefix(d.Name(), ".") {
					if d.IsDir() {
						return filepath.SkipDir
					}
					return nil
				}
				if d.IsDir() || !slices.Contains(ingest.Extensions, strings.ToLower(filepath.Ext(path))) {
					return nil
				}
				fi, err := os.Stat(path) // follows a symbolic link to a file
				if err != nil {
					fail(path, err)
					return nil
				}
				if !fi.Mode().IsRegular() {
					return nil
				}
				n++
				if !yield(fileInput(path, fi.Size())) {
					return filepath.SkipAll
				}
				return nil
			})
			if err == nil && n == 0 {
				fail(p, fmt.Errorf("%s: no article files in the directory (want %s)", p, strings.Join(ingest.Extensions, ", ")))
			}
		}
	}
}

func fileInput(path string, size int64) clientInput {
	return clientInput{name: path, size: size, open: func() (io.ReadCloser, error) { return os.Open(path) }}
}

// post sends one request of inputs, streamed as multipart, and reports
// what the server did with each.
func (c *Client) post(ctx context.Context, inputs []clientInput, opts ingest.Options) (ingest.Summary, error) {
	pr, pw := io.Pipe()
	mw := multipart.NewWriter(pw)
	go func() {
		err := func() error {
			for _, in := range inputs {
				r, err := in.open()
				if err != nil {
					return err
				}
				part, err := mw.CreateFormFile("file", in.name)
				if err == nil {
					_, err = io.Copy(part, r)
				}
				r.Close()
				if err != nil {
					return fmt.Errorf("send %s: %w", in.name, err)
				}
			}
			return mw.Close()
		}()
		pw.CloseWithError(err)
	}()
	u, err := c.base.Parse("api/documents")
	if err != nil {
		return ingest.Summary{}, err
	}
	if !opts.Published.IsZero() {
		u.RawQuery = url.Values{"published": {opts.Published.Format(time.DateOnly)}}.Encode()
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, u.String(), pr)
	if err != nil {
		pr.Close()
		return ingest.Summary{}, err
	}
	req.Header.Set("Content-Type", mw.FormDataContentType())
	if c.token != "" {
		req.Header.Set("Authorization", "Bearer "+c.token)
	}
	resp, err := c.hc.Do(req)
	if err != nil {
		pr.Close()
		return ingest.Summary{}, fmt.Errorf("ingest: %w", err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, 64<<20))
	if err != nil {
		return ingest.Summary{}, fmt.Errorf("ingest: read the answer: %w", err)
	}
	// The run's answer (200, 422 when inputs failed, 500 when it stopped
	// early) lists the documents; any other status refused the request.
	var out ingestJSON
	ran := json.Unmarshal(body, &out) == nil && out.Documents != nil
	if !ran || resp.StatusCode != http.StatusOK && resp.StatusCode != http.StatusUnprocessableEntity && resp.StatusCode != http.StatusInternalServerError {
		var e apiError
		if json.Unmarshal(body, &e) == nil && e.Error != "" {
			return ingest.Summary{}, &StatusError{resp.StatusCode, e.Error}
		}
		return ingest.Summary{}, &StatusError{resp.StatusCode, fmt.Sprintf("%s (not an almanac server's answer?)", resp.Status)}
	}
	for _, d := range out.Documents {
		r := ingest.Report{Path: d.Input, Source: d.Source, Outcome: parseOutcome(d.Outcome), Facts: d.Facts, Warnings: d.Warnings}
		if d.Error != "" {
			r.Err = errors.New(d.Error)
		}
		if opts.Report != nil {
			opts.Report(r)
		}
	}
	sum := out.Summary.summary()
	if out.Error != "" {
		return sum, &StatusError{resp.StatusCode, "the server stopped the ingest: " + out.Error}
	}
	return sum, nil
}

func parseOutcome(s string) store.Outcome {
	for _, o := range []store.Outcome{store.Added, store.Replaced, store.Duplicate} {
		if o.String() == s {
			return o
		}
	}
	return store.Failed
}
