package server

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/almanacdb/almanac/query"
	"github.com/almanacdb/almanac/query/syntax"
	"github.com/almanacdb/almanac/store"
)

// apiError is the body of every error response.
type apiError struct {
	Error      string     `json:"error"`
	Line       int        `json:"line,omitempty"`
	Col        int        `json:"col,omitempty"`
	Offset     *int       `json:"offset,omitempty"`
	Suggestion string     `json:"suggestion,omitempty"`
	Errors     []apiError `json:"errors,omitempty"`
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v) // a client that went away is in the request log
}

func writeError(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, apiError{Error: msg})
}

// positioned returns the API error of a statement's mistakes, or false if
// err is not a mistake in the statement.
func positioned(err error) (apiError, bool) {
	var list syntax.ErrorList
	var one *syntax.Error
	switch {
	case errors.As(err, &list) && len(list) > 0:
	case errors.As(err, &one):
		list = syntax.ErrorList{one}
	default:
		return apiError{}, false
	}
	conv := func(e *syntax.Error) apiError {
		off := e.Pos.Offset
		return apiError{Error: e.Msg, Line: e.Pos.Line, Col: e.Pos.Column, Offset: &off, Suggestion: e.Suggestion}
	}
	out := conv(list[0])
	if len(list) > 1 {
		for _, e := range list {
			out.Errors = append(out.Errors, conv(e))
		}
	}
	return out, true
}

// queryFailed answers a statement that did not run.
func (s *Server) queryFailed(w http.ResponseWriter, r *http.Request, err error) {
	if e, ok := positioned(err); ok {
		writeJSON(w, http.StatusBadRequest, e)
		return
	}
	switch {
	case errors.Is(err, context.DeadlineExceeded):
		writeError(w, http.StatusServiceUnavailable, fmt.Sprintf("query stopped: it ran longer than the server's limit of %s (--query-timeout)", s.o.QueryTimeout))
	case r.Context().Err() != nil:
		writeError(w, http.StatusServiceUnavailable, "request cancelled")
	default:
		// A failure of the database (ErrCorrupt, ...), never of the query.
		writeError(w, http.StatusInternalServerError, "database: "+err.Error())
	}
}

// wireFormat is the format parameter's "result": the whole result.
const wireFormat = "result"

var contentTypes = map[string]string{
	"json": "application/json", "jsonl": "application/x-ndjson", "csv": "text/csv; charset=utf-8",
	"tsv": "text/tab-separated-values; charset=utf-8", "markdown": "text/markdown; charset=utf-8",
	"table": "text/plain; charset=utf-8", "line": "text/plain; charset=utf-8", wireFormat: "application/json",
}

func (s *Server) handleQuery(w http.ResponseWriter, r *http.Request) {
	params := r.URL.Query()
	text := params.Get("q")
	if strings.TrimSpace(text) == "" {
		writeError(w, http.StatusBadRequest, "missing q, the statement to run (/api/query?q=metrics)")
		return
	}
	name := strings.ToLower(params.Get("format"))
	if name == "" {
		name = "json"
	}
	var format query.Format
	if name != wireFormat {
		f, err := query.ParseFormat(name)
		if err != nil {
			writeError(w, http.StatusBadRequest, err.Error()+" or result")
			return
		}
		format, name = f, f.String()
	}
	offset, err := intParam(params, "offset", 0, 0)
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	var snapshot uint64
	if v := params.Get("snapshot"); v != "" {
		if snapshot, err = strconv.ParseUint(v, 10, 64); err != nil {
			writeError(w, http.StatusBadRequest, fmt.Sprintf("snapshot=%q: want the X-Almanac-Snapshot of the first page", v))
			return
		}
	}
	rows, err := intParam(params, "rows", s.o.MaxRows, 1)
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	if rows > s.o.MaxRows {
		writeError(w, http.StatusBadRequest, fmt.Sprintf("rows=%d is over the server's limit of %d rows a response (follow the next link for more)", rows, s.o.MaxRows))
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), s.o.QueryTimeout)
	defer cancel()
	res, err := query.Run(ctx, s.db, text)
	if err != nil {
		s.queryFailed(w, r, err)
		return
	}
	// Each page runs the statement again; a page of other data than the
	// first page's would not fit with it.
	if snapshot != 0 && res.Exec.Snapshot != snapshot {
		writeError(w, http.StatusConflict, fmt.Sprintf("the database changed since the first page was read (snapshot %d, now %d): run the query again", snapshot, res.Exec.Snapshot))
		return
	}
	total := res.Len()
	page := res.Slice(offset, offset+rows)
	h := w.Header()
	h.Set("Content-Type", contentTypes[name])
	h.Set("X-Total-Rows", strconv.Itoa(total))
	h.Set("X-Almanac-Snapshot", strconv.FormatUint(res.Exec.Snapshot, 10))
	if offset+rows < total {
		next := url.Values{"q": {text}, "format": {name}, "offset": {strconv.Itoa(offset + rows)},
			"snapshot": {strconv.FormatUint(res.Exec.Snapshot, 10)}}
		if params.Has("rows") {
			next.Set("rows", strconv.Itoa(rows))
		}
		h.Set("Link", `<query?`+next.Encode()+`>; rel="next"`)
	}
	if name == wireFormat {
		err = page.Encode(w)
	} else {
		err = page.Write(w, format, query.WriteOptions{})
	}
	if err != nil && s.log != nil {
		s.log.Printf("%s %s: %v", r.Method, r.URL.Path, err)
	}
}

// intParam reads a whole-number parameter of at least lo, def if absent.
func intParam(params url.Values, name string, def, lo int) (int, error) {
	v := params.Get(name)
	if v == "" {
		return def, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < lo {
		return 0, fmt.Errorf("%s=%q: want a whole number of at least %d", name, v, lo)
	}
	return n, nil
}

// idParam reads the {id} of the path.
func idParam(w http.ResponseWriter, r *http.Request, what string) (uint64, bool) {
	id, err := strconv.ParseUint(r.PathValue("id"), 10, 64)
	if err != nil || id == 0 {
		writeError(w, http.StatusBadRequest, fmt.Sprintf("%s id %q: want a positive whole number", what, r.PathValue("id")))
		return 0, false
	}
	return id, true
}

func (s *Server) handleFact(w http.ResponseWriter, r *http.Request) {
	id, ok := idParam(w, r, "fact")
	if !ok {
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), s.o.QueryTimeout)
	defer cancel()
	res, err := query.Execute(ctx, s.db, &query.ShowFact{ID: id})
	if _, mistake := positioned(err); mistake {
		writeError(w, http.StatusNotFound, fmt.Sprintf("no fact %d", id))
		return
	}
	if err != nil {
		s.queryFailed(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, res.Detail)
}

// documentJSON is a document with its text and its facts (with their
// spans in the text); the document and the facts have the fields of a
// fact detail's.
type documentJSON struct {
	Document json.RawMessage   `json:"document"`
	Text     string            `json:"text"`
	Facts    []json.RawMessage `json:"facts"`
}

func (s *Server) handleDocument(w http.ResponseWriter, r *http.Request) {
	id, ok := idParam(w, r, "document")
	if !ok {
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), s.o.QueryTimeout)
	defer cancel()
	res, err := query.Execute(ctx, s.db, &query.ShowDocument{ID: id})
	if _, mistake := positioned(err); mistake {
		writeError(w, http.StatusNotFound, fmt.Sprintf("no document %d", id))
		return
	}
	if err != nil {
		s.queryFailed(w, r, err)
		return
	}
	out := documentJSON{Facts: []json.RawMessage{}}
	out.Document, err = query.MarshalDocument(res.Document)
	if err == nil {
		err = s.db.View(func(tx *store.Tx) error {
			d := res.Document
			if out.Text, err = tx.DocumentText(d.ID); err != nil {
				return err
			}
			for fid := d.FirstFact; fid < d.FirstFact+uint64(d.NumFacts); fid++ {
				f, err := tx.Fact(fid)
				if err != nil {
					return err
				}
				j, err := query.MarshalFact(&f)
				if err != nil {
					return err
				}
				out.Facts = append(out.Facts, j)
			}
			return nil
		})
	}
	if err != nil {
		// The document was just read: the text or a fact going missing
		// is a replacement in between or damage.
		writeError(w, http.StatusInternalServerError, fmt.Sprintf("database: document %d: %v", id, err))
		return
	}
	writeJSON(w, http.StatusOK, out)
}

type catalogueJSON struct {
	Name    string   `json:"name"`
	Query   string   `json:"query"` // the name as a statement writes it, quoted if need be
	Facts   int      `json:"facts"`
	Aliases []string `json:"aliases,omitempty"`
}

func (s *Server) catalogue(read func(*store.Tx) ([]store.CatalogEntry, error)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		var out []catalogueJSON
		err := s.db.View(func(tx *store.Tx) error {
			cat, err := read(tx)
			for _, c := range cat {
				out = append(out, catalogueJSON{Name: c.Name, Query: syntax.QuoteName(c.Name), Facts: c.Count, Aliases: c.Aliases})
			}
			return err
		})
		if err != nil {
			writeError(w, http.StatusInternalServerError, "database: "+err.Error())
			return
		}
		if out == nil {
			out = []catalogueJSON{}
		}
		writeJSON(w, http.StatusOK, out)
	}
}

func (s *Server) handleYears(w http.ResponseWriter, r *http.Request) {
	type yearJSON struct {
		Year  int `json:"year"`
		Facts int `json:"facts"`
	}
	out := []yearJSON{}
	err := s.db.View(func(tx *store.Tx) error {
		ys, err := tx.Years()
		for _, y := range ys {
			out = append(out, yearJSON{y.Year, y.Count})
		}
		return err
	})
	if err != nil {
		writeError(w, http.StatusInternalServerError, "database: "+err.Error())
		return
	}
	writeJSON(w, http.StatusOK, out)
}

// languageJSON is what the page's completion needs of the language.
type languageJSON struct {
	Keywords   []string   `json:"keywords"`
	Statements []string   `json:"statements"`
	Fields     []string   `json:"fields"`
	Functions  []string   `json:"functions"`
	Values     [][]string `json:"values"` // per field with a fixed vocabulary: field, then its values
}

func (s *Server) handleLanguage(w http.ResponseWriter, r *http.Request) {
	out := languageJSON{Keywords: syntax.Keywords(), Statements: syntax.StatementKeywords()}
	for f := query.FieldEntity; f <= query.FieldID; f++ {
		out.Fields = append(out.Fields, f.String())
	}
	for _, f := range syntax.Functions() {
		out.Functions = append(out.Functions, f.Name)
	}
	for _, f := range []query.Field{query.FieldPeriod, query.FieldQualifier, query.FieldStatus} {
		out.Values = append(out.Values, append([]string{f.String()}, f.Values()...))
	}

	w.Header().Set("Cache-Control", "max-age=3600")
	writeJSON(w, http.StatusOK, out)
}

// infoJSON describes the server, for clients and the page.
type infoJSON struct {
	Almanac  int        `json:"almanac"` // the API's version
	Database string     `json:"database"`
	ReadOnly bool       `json:"read_only"`
	Writes   string     `json:"writes"` // "token", "disabled" or "read-only"
	Stats    statsJSON  `json:"stats"`
	Limits   limitsJSON `json:"limits"`
	Formats  []string   `json:"formats"`
}

type statsJSON struct {
	Documents int   `json:"documents"`
	Facts     int   `json:"facts"`
	Entities  int   `json:"entities"`
	Metrics   int   `json:"metrics"`
	Units     int   `json:"units"`
	Years     int   `json:"years"`
	FileBytes int64 `json:"file_bytes"`
}

type limitsJSON struct {
	BodyBytes    int64   `json:"body_bytes"`
	Inputs       int     `json:"inputs"`
	Rows         int     `json:"rows"`
	Queries      int     `json:"queries"`
	Waiting      int     `json:"waiting"`
	QueryTimeout float64 `json:"query_timeout_seconds"`
}

// apiVersion is the version of this API, in GET /api's "almanac".
const apiVersion = 1

func (s *Server) handleInfo(w http.ResponseWriter, r *http.Request) {
	out := infoJSON{Almanac: apiVersion, Database: s.db.Path(), ReadOnly: s.o.ReadOnly || s.db.ReadOnly(),
		Formats: append(query.FormatNames(), wireFormat),
		Limits: limitsJSON{BodyBytes: s.o.MaxBodyBytes, Inputs: s.o.MaxInputs, Rows: s.o.MaxRows,
			Queries: s.o.MaxQueries, Waiting: s.o.MaxWaiting, QueryTimeout: s.o.QueryTimeout.Seconds()}}
	switch {
	case out.ReadOnly:
		out.Writes = "read-only"
	case s.o.Token == "":
		out.Writes = "disabled"
	default:
		out.Writes = "token"
	}
	err := s.db.View(func(tx *store.Tx) error {
		st := tx.Stats()
		out.Stats = statsJSON(st)
		return nil
	})
	if err != nil {
		writeError(w, http.StatusInternalServerError, "database: "+err.Error())
		return
	}
	writeJSON(w, http.StatusOK, out)
}
