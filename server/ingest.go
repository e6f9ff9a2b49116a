package server

import (
	"bytes"
	"crypto/subtle"
	"errors"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/almanacdb/almanac/ingest"
	"github.com/almanacdb/almanac/ingest/document"
	"github.com/almanacdb/almanac/store"
)

// ingestJSON is the answer to POST /api/documents: what almanac ingest
// prints, as JSON.
type ingestJSON struct {
	Summary   summaryJSON  `json:"summary"`
	Message   string       `json:"message"` // the summary line almanac ingest prints
	Documents []reportJSON `json:"documents"`
	Error     string       `json:"error,omitempty"` // why the run stopped early, if it did
}

type summaryJSON struct {
	Documents  int     `json:"documents"`
	Added      int     `json:"added"`
	Replaced   int     `json:"replaced"`
	Duplicates int     `json:"duplicates"`
	Failed     int     `json:"failed"`
	Facts      int     `json:"facts"`
	Warnings   int     `json:"warnings"`
	Bytes      int64   `json:"bytes"`
	Seconds    float64 `json:"seconds"`
}

// reportJSON is one document's (or failed input's) outcome.
type reportJSON struct {
	Input    string   `json:"input"`
	Source   string   `json:"source,omitempty"`
	Outcome  string   `json:"outcome"` // added, replaced, duplicate or failed
	Facts    int      `json:"facts"`
	Warnings []string `json:"warnings,omitempty"`
	Error    string   `json:"error,omitempty"`
}

func toSummaryJSON(s ingest.Summary) summaryJSON {
	return summaryJSON{Documents: s.Documents, Added: s.Added, Replaced: s.Replaced, Duplicates: s.Duplicates,
		Failed: s.Failed, Facts: s.Facts, Warnings: s.Warnings, Bytes: s.Bytes, Seconds: s.Elapsed.Seconds()}
}

func (s summaryJSON) summary() ingest.Summary {
	return ingest.Summary{Documents: s.Documents, Added: s.Added, Replaced: s.Replaced, Duplicates: s.Duplicates,
		Failed: s.Failed, Facts: s.Facts, Warnings: s.Warnings, Bytes: s.Bytes,
		Elapsed: time.Duration(s.Seconds * float64(time.Second))}
}

// addSummary adds the counts of b to a.
func addSummary(a *ingest.Summary, b ingest.Summary) {
	a.Documents += b.Documents
	a.Added += b.Added
	a.Replaced += b.Replaced
	a.Duplicates += b.Duplicates
	a.Failed += b.Failed
	a.Facts += b.Facts
	a.Warnings += b.Warnings
	a.Bytes += b.Bytes
	a.Elapsed += b.Elapsed
}

// upload is one input of a POST, read whole.
type upload struct {
	name string
	data []byte
}

// bodyTypes are the media types of a single-input body.
var bodyTypes = []string{"text/plain", "text/html", "application/xhtml+xml", "application/x-ndjson",
	"application/jsonl", "application/jsonlines", "application/json"}

func (s *Server) handleDocuments(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", "POST")
		writeError(w, http.StatusMethodNotAllowed, fmt.Sprintf("%s /api/documents: method not allowed (POST adds articles; GET /api/documents/ID reads one)", r.Method))
		return
	}
	switch {
	case s.o.ReadOnly || s.db.ReadOnly():
		writeError(w, http.StatusForbidden, "the server is read-only (started with --read-only): it adds no documents")
		return
	case s.o.Token == "":
		writeError(w, http.StatusForbidden, "the server takes no writes: start almanac serve with --token-file FILE and send its token")
		return
	}
	if !s.authorized(r) {
		w.Header().Set("WWW-Authenticate", `Bearer realm="almanac"`)
		writeError(w, http.StatusUnauthorized, "adding documents needs the server's token: send the header 'Authorization: Bearer TOKEN' (the token in the server's --token-file)")
		return
	}
	opts := ingest.Options{Aliases: s.o.Aliases}
	if p := r.URL.Query().Get("published"); p != "" {
		t, ok := document.ParseDate(p)
		if !ok {
			writeError(w, http.StatusBadRequest, fmt.Sprintf("published=%q is not a date (want YYYY-MM-DD)", p))
			return
		}
		opts.Published = t
	}
	inputs, status, err := s.readUploads(w, r)
	if err != nil {
		writeError(w, status, err.Error())
		return
	}
	unlock, err := s.lockWrite(r.Context())
	if err != nil {
		writeError(w, http.StatusServiceUnavailable, err.Error())
		return
	}
	defer unlock()
	out := ingestJSON{Documents: []reportJSON{}}
	opts.Report = func(rep ingest.Report) {
		j := reportJSON{Input: rep.Path, Source: rep.Source, Outcome: rep.Outcome.String(), Facts: rep.Facts, Warnings: rep.Warnings}
		if rep.Err != nil {
			j.Error = rep.Err.Error()
		}
		out.Documents = append(out.Documents, j)
	}
	ins := make([]ingest.Input, len(inputs))
	for i, in := range inputs {
		ins[i] = ingest.Input{Name: in.name, R: bytes.NewReader(in.data)}
	}
	sum, err := ingest.Inputs(r.Context(), s.db, ins, opts)
	switch {
	case err == nil:
		status = http.StatusOK
	case errors.Is(err, ingest.ErrFailed):
		status = http.StatusUnprocessableEntity
	default:
		// The database failed or the client went away: what was
		// committed stays, the rest of the request is not stored.
		out.Error = err.Error()
		status = http.StatusInternalServerError
	}
	out.Summary, out.Message = toSummaryJSON(sum), "ingested "+sum.String()
	writeJSON(w, status, out)
}

// authorized reports whether r carries the server's token.
func (s *Server) authorized(r *http.Request) bool {
	scheme, token, ok := strings.Cut(r.Header.Get("Authorization"), " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return false
	}
	return subtle.ConstantTimeCompare([]byte(strings.TrimSpace(token)), []byte(s.o.Token)) == 1
}

// readUploads reads the inputs of a POST whole, within the limits, before
// anything is stored: a request over a limit stores nothing.
func (s *Server) readUploads(w http.ResponseWriter, r *http.Request) ([]upload, int, error) {
	r.Body = http.MaxBytesReader(w, r.Body, s.o.MaxBodyBytes)
	tooLarge := func(err error) (int, error) {
		var mb *http.MaxBytesError
		if errors.As(err, &mb) {
			return http.StatusRequestEntityTooLarge, fmt.Errorf("request body over the server's limit of %s", byteSize(s.o.MaxBodyBytes))
		}
		return http.StatusBadRequest, fmt.Errorf("read request body: %w", err)
	}
	mt, params, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil {
		return nil, http.StatusUnsupportedMediaType, fmt.Errorf("Content-Type %q: want multipart/form-data or one of %s", r.Header.Get("Content-Type"), strings.Join(bodyTypes, ", "))
	}
	if mt == "multipart/form-data" {
		mr := multipart.NewReader(r.Body, params["boundary"])
		var ups []upload
		for i := 1; ; i++ {
			part, err := mr.NextPart()
			if err == io.EOF {
				break
			}
			if err != nil {
				st, err := tooLarge(err)
				return nil, st, err
			}
			name := part.FileName()
			if name == "" {
				return nil, http.StatusBadRequest, fmt.Errorf("multipart part %d (field %q) has no file name: each part is an article file", i, part.FormName())
			}
			if len(ups) == s.o.MaxInputs {
				return nil, http.StatusRequestEntityTooLarge, fmt.Errorf("more than %d files in one request (the server's limit): send them in several", s.o.MaxInputs)
			}
			data, err := io.ReadAll(part)
			if err != nil {
				st, err := tooLarge(err)
				return nil, st, err
			}
			if err := checkName(name); err != nil {
				return nil, http.StatusBadRequest, fmt.Errorf("multipart part %d: %w", i, err)
			}
			ups = append(ups, upload{name: name, data: data})
		}
		if len(ups) == 0 {
			return nil, http.StatusBadRequest, errors.New("no files in the multipart body")
		}
		return ups, 0, nil
	}
	known := false
	for _, t := range bodyTypes {
		known = known || mt == t
	}
	if !known {
		return nil, http.StatusUnsupportedMediaType, fmt.Errorf("Content-Type %q: want multipart/form-data or one of %s", mt, strings.Join(bodyTypes, ", "))
	}
	name := r.URL.Query().Get("name")
	if name == "" {
		return nil, http.StatusBadRequest, errors.New("name the document: POST /api/documents?name=FILE (a later upload of the same name replaces it; multipart parts carry their file names)")
	}
	if err := checkName(name); err != nil {
		return nil, http.StatusBadRequest, err
	}
	data, err := io.ReadAll(r.Body)
	if err != nil {
		st, err := tooLarge(err)
		return nil, st, err
	}
	return []upload{{name: name, data: data}}, 0, nil
}

// checkName refuses document names that could not be stored or shown.
func checkName(name string) error {
	switch {
	case !utf8.ValidString(name):
		return fmt.Errorf("document name %q is not UTF-8", name)
	case len(name) > store.MaxSourceLen:
		return fmt.Errorf("document name of %d bytes is over the limit of %d", len(name), store.MaxSourceLen)
	case strings.ContainsFunc(name, func(r rune) bool { return r < ' ' || r == 0x7f }):
		return fmt.Errorf("document name %q has a control character", name)
	}
	return nil
}

func byteSize(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}
