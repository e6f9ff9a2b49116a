package ingest

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/almanacdb/almanac/ingest/document"
	"github.com/almanacdb/almanac/ingest/extract"
	"github.com/almanacdb/almanac/ingest/resolve"
	"github.com/almanacdb/almanac/store"
)

// DefaultBatchSize is the smallest number of documents per write
// transaction when Options.BatchSize is not set. Each commit costs an fsync
// and bbolt rewrites every index page the transaction touched; once the
// indexes are large, a batch touches most of their pages, so batches grow
// with the database: an eighth of the documents already stored, up to
// MaxBatchSize. A crash loses at most the batch in flight.
//
// Measured (almanac ingest, generated articles): 10,000 articles into an
// empty file took 6.4 s at 256 a batch, 4.6 s at 512, 3.5 s at 1,024 and
// 2,048, 4.0 s at 4,096; a million facts (43,479 articles) took 42 s at
// 1,024, 35 s at 2,048, 25.5 s at 4,096, 24 s at 8,192.
const DefaultBatchSize = 1024

// MaxBatchSize bounds the adaptive batch (and so the documents held in memory).
const MaxBatchSize = 8192

// Options configures an ingest run. The zero value is usable.
type Options struct {
	// Published is the publication date of documents that carry none.
	// Without it such documents are stored, with a warning, and keep only
	// facts whose year the text states.
	Published time.Time
	// Aliases resolves entity names: the built-in places extended with the
	// user's alias file (see LoadAliases); nil means the built-in ones.
	Aliases resolve.Lookup
	// BatchSize fixes the number of documents per write transaction; 0
	// sizes batches to the database (see DefaultBatchSize). A failing
	// document never spoils the rest of its batch.
	BatchSize int
	// Workers is the number of extraction goroutines (default GOMAXPROCS).
	Workers int
	// Stdin is read for the path "-" (default os.Stdin).
	Stdin io.Reader
	// StdinName is the identity of the document read from standard input
	// (of each record's, for JSON lines without urls: NAME#LINE). Without
	// it the document is "stdin", and a stored "stdin" with other text is
	// not replaced: the document fails, asking for a name.
	StdinName string
	// Report, if set, is called with each document's outcome, in input order.
	Report func(Report)
	// Progress, if set, is called after each committed batch.
	Progress func(Summary)
}

// Report is what happened to one document or input.
type Report struct {
	Path     string // the file it came from ("-" for stdin)
	Source   string // the document's identity (see store.Document.Source); "" if it could not be parsed
	Outcome  store.Outcome
	Facts    int
	Line     int      // the JSON lines record's line in Path, 0 for other formats
	Replaced uint64   // the ID of the document it replaced, for Outcome Replaced
	Err      error    // why it failed, for Outcome Failed
	Warnings []string // things the user should know, for any outcome
	// Undated is set when the document gives no publication date and
	// Options.Published supplied none; Warnings then begins with
	// NoDateWarning, so that a caller can say how to supply one.
	Undated bool
}

// NoDateWarning is the first warning of an Undated document.
const NoDateWarning = "no publication date found in the document"

// Summary counts an ingest run.
type Summary struct {
	Documents  int // documents read (stored, duplicate or failed)
	Added      int
	Replaced   int
	Duplicates int
	Failed     int // documents or inputs that could not be stored
	Facts      int // facts stored
	Warnings   int
	Bytes      int64 // article text read
	Elapsed    time.Duration
	// ReplacedSources are the identities of the first documents that
	// replaced stored ones (up to 10; Replaced counts them all).
	ReplacedSources []string
	// Abandoned counts the documents read but not stored because the
	// context was done: the batch not yet committed and the document
	// being extracted. Run the same ingest again to store them.
	Abandoned int
}

// maxReplacedSources bounds Summary.ReplacedSources.
const maxReplacedSources = 10

// String is the one-line summary the CLI prints; it names the replaced
// documents (the first three).
func (s Summary) String() string {
	replaced := strconv.Itoa(s.Replaced) + " replaced"
	if len(s.ReplacedSources) > 0 {
		names := s.ReplacedSources[:min(3, len(s.ReplacedSources))]
		replaced += ": " + strings.Join(names, ", ")
		if more := s.Replaced - len(names); more > 0 {
			replaced += fmt.Sprintf(" and %d more", more)
		}
	}
	return fmt.Sprintf("%d documents (%d added, %s), %d facts, %d duplicates skipped, %d errors, %d warnings in %.2fs",
		s.Documents, s.Added, replaced, s.Facts, s.Duplicates, s.Failed, s.Warnings, s.Elapsed.Seconds())
}

// ErrFailed is returned by Paths and Reader when some documents or inputs
// could not be ingested; the others were. Their Reports say which and why.
var ErrFailed = errors.New("some inputs failed")

// item is one unit flowing through the pipeline: a parsed article, or an
// input that failed before it became one. err names the input (its file,
// and line for JSON lines) as document's and os's errors do.
type item struct {
	path    string
	article document.Article // its Source is the document's identity
	legacy  string           // the name schema 1 gave it (see store.DocFacts.LegacySource)
	known   bool             // the input's extension is an article format's
	stdin   bool             // read from standard input without a name
	err     error
	facts   []store.Fact
	aliases map[string][]string // other names of the facts' entities
	warns   []string
	undated bool          // no publication date, and none supplied
	done    chan struct{} // closed when extraction finished
}

// Paths ingests files, directories (recursively, following symlinks but not
// loops; files with unknown extensions are skipped) and "-" for stdin.
// Documents commit in input order, in batches (see Options.BatchSize).
//
// A document's identity (its store.Document.Source, which a later ingest
// of changed text replaces) is its path relative to the directory named
// in paths that it was found in, or the path as given for a file named on
// its own; a JSON lines record's url, or an HTML page's canonical address
// (an absolute http or https address other than a site's root), stands
// for it instead; standard input is Options.StdinName. Two inputs of one
// run with the same identity and different text are an error naming
// both: the second is not stored.
func Paths(ctx context.Context, db *store.DB, paths []string, opts Options) (Summary, error) {
	return run(ctx, db, opts, func(yield func(*item) bool) {
		for _, p := range paths {
			if !walkPath(ctx, p, &opts, yield) {
				return
			}
		}
	})
}

// Reader ingests one input read from r; name is its file name, which
// gives its format and its identity (see Paths).
func Reader(ctx context.Context, db *store.DB, name string, r io.Reader, opts Options) (Summary, error) {
	return run(ctx, db, opts, func(yield func(*item) bool) {
		readInput(input{path: name, name: name, ident: pathIdentity(name)}, r, -1, yield)
	})
}

// Input is one input of Inputs: its file name (for the format and the
// source name, as Reader's name) and its content.
type Input struct {
	Name string
	R    io.Reader
}

// Inputs ingests several inputs in order, their documents sharing write
// transactions as those of Paths do; the server's uploads come this way.
func Inputs(ctx context.Context, db *store.DB, inputs []Input, opts Options) (Summary, error) {
	return run(ctx, db, opts, func(yield func(*item) bool) {
		for _, in := range inputs {
			if !readInput(input{path: in.Name, name: in.Name, ident: pathIdentity(in.Name)}, in.R, -1, yield) {
				return
			}
		}
	})
}

// FS ingests every file of fsys with a known extension, in path order;
// the sample articles bundled into the binary come this way. A
// document's identity is its path in fsys.
func FS(ctx context.Context, db *store.DB, fsys fs.FS, opts Options) (Summary, error) {
	return run(ctx, db, opts, func(yield func(*item) bool) {
		err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				if !yield(&item{path: p, err: err}) {
					return fs.SkipAll
				}
				return nil
			}
			if d.IsDir() || !hasExtension(p) {
				return nil
			}
			f, err := fsys.Open(p)
			if err != nil {
				if !yield(&item{path: p, err: err}) {
					return fs.SkipAll
				}
				return nil
			}
			defer f.Close()
			if !readInput(input{path: p, name: p, ident: p}, f, -1, yield) {
				return fs.SkipAll
			}
			return nil
		})
		if err != nil {
			yield(&item{path: ".", err: err})
		}
	})
}

// LoadAliases reads a user alias file ("Alias = Canonical name [@level]"
// a line, # comments; see resolve.ParseAliases) on top of the built-in
// places.
func LoadAliases(path string) (resolve.Lookup, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("aliases: %w", err)
	}
	// Names go into the database and onto terminals: UTF-8 text only.
	for i, line := range bytes.Split(data, []byte("\n")) {
		if !utf8.Valid(line) {
			return nil, fmt.Errorf("aliases: %s:%d: invalid UTF-8", path, i+1)
		}
		if j := bytes.IndexFunc(line, func(r rune) bool { return unicode.IsControl(r) && r != '\t' && r != '\r' }); j >= 0 {
			r, _ := utf8.DecodeRune(line[j:])
			return nil, fmt.Errorf("aliases: %s:%d: control character %U in a name", path, i+1, r)
		}
	}
	t, err := resolve.ParseAliases(path, bytes.NewReader(data), resolve.Builtin())
	if err != nil {
		return nil, fmt.Errorf("aliases: %w", err)
	}
	return t, nil
}

// Extensions are the file name extensions a directory walk ingests.
var Extensions = []string{".txt", ".text", ".html", ".htm", ".xhtml", ".jsonl", ".ndjson", ".jsonlines", ".json"}

// input is one file or stream to read.
type input struct {
	path  string // as the user named it, for reports ("-" for stdin)
	name  string // for the format and in error messages ("stdin" for stdin)
	ident string // the identity of its documents (see Paths)
	stdin bool   // standard input without a name
}

// pathIdentity returns the identity of a file named by path: the path
// cleaned, with forward slashes.
func pathIdentity(path string) string { return filepath.ToSlash(filepath.Clean(path)) }

func walkPath(ctx context.Context, p string, opts *Options, yield func(*item) bool) bool {
	if p == "-" {
		stdin := opts.Stdin
		if stdin == nil {
			stdin = os.Stdin
		}
		in := input{path: "-", name: "stdin", ident: opts.StdinName}
		if in.ident == "" {
			in.ident, in.stdin = "stdin", true
		}
		return readInput(in, stdin, -1, yield)
	}
	fi, err := os.Stat(p)
	if err != nil {
		return yield(&item{path: p, err: err})
	}
	if !fi.IsDir() {
		return readFile(input{path: p, name: p, ident: pathIdentity(p)}, fi, yield)
	}
	// A directory named on purpose that holds nothing to ingest is a
	// mistake (a wrong path, articles with other extensions).
	n := 0
	counted := func(it *item) bool { n++; return yield(it) }
	if !walkDir(ctx, p, p, []os.FileInfo{fi}, counted) {
		return false
	}
	if n == 0 && ctx.Err() == nil {
		return yield(&item{path: p, err: fmt.Errorf("%s: no article files in the directory (want %s)", p, strings.Join(Extensions, ", "))})
	}
	return true
}

// walkDir visits dir, inside the directory root named by the user, in
// name order; ancestors are the directories on the way down, to detect
// loops through symlinks.
func walkDir(ctx context.Context, root, dir string, ancestors []os.FileInfo, yield func(*item) bool) bool {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return yield(&item{path: dir, err: err})
	}
	for _, e := range entries {
		if ctx.Err() != nil {
			return false
		}
		name := e.Name()
		if strings.HasPrefix(name, ".") {
			continue
		}
		p := filepath.Join(dir, name)
		fi, err := os.Stat(p) // follows symlinks
		if err != nil {
			if !yield(&item{path: p, err: err}) {
				return false
			}
			continue
		}
		if fi.IsDir() {
			loop := false
			for _, a := range ancestors {
				loop = loop || os.SameFile(a, fi)
			}
			if loop {
				if !yield(&item{path: p, err: fmt.Errorf("%s: directory loop through a symbolic link; skipped", p)}) {
					return false
				}
				continue
			}
			if !walkDir(ctx, root, p, append(ancestors, fi), yield) {
				return false
			}
			continue
		}
		if !fi.Mode().IsRegular() || !hasExtension(name) {
			continue
		}
		rel, err := filepath.Rel(root, p)
		if err != nil {
			rel = p
		}
		if !readFile(input{path: p, name: p, ident: filepath.ToSlash(rel)}, fi, yield) {
			return false
		}
	}
	return true
}

func hasExtension(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	for _, e := range Extensions {
		if ext == e {
			return true
		}
	}
	return false
}

func readFile(in input, fi os.FileInfo, yield func(*item) bool) bool {
	f, err := os.Open(in.path)
	if err != nil {
		return yield(&item{path: in.path, err: err})
	}
	defer f.Close()
	return readInput(in, f, fi.Size(), yield)
}

// readInput parses one input into articles. Text and HTML are read whole
// (refused above document.MaxSize before reading); JSON lines stream.
func readInput(in input, r io.Reader, size int64, yield func(*item) bool) bool {
	br := bufio.NewReaderSize(r, 64<<10)
	head, _ := br.Peek(1024)
	format := document.Detect(in.name, head)
	newItem := func(a document.Article, err error) *item {
		it := &item{path: in.path, article: a, err: err, stdin: in.stdin, known: in.path == "-" || hasExtension(in.name)}
		if err == nil {
			// The parsers leave Source as schema 1 named documents:
			// a record's url or BASE#LINE, else the base name.
			it.legacy = a.Source
			if format != document.JSONL {
				it.legacy = filepath.Base(in.name)
			}
			it.article.Source = identity(&a, format, in.ident)
		}
		return it
	}
	if format == document.JSONL {
		for a, err := range document.ReadJSONL(in.name, br) {
			if !yield(newItem(a, err)) {
				return false
			}
		}
		return true
	}
	if size > document.MaxSize {
		return yield(&item{path: in.path, err: fmt.Errorf("%s: %d bytes is over the %d MiB limit", in.name, size, document.MaxSize>>20)})
	}
	data, err := io.ReadAll(io.LimitReader(br, document.MaxSize+1))
	if err != nil {
		var pe *fs.PathError
		if !errors.As(err, &pe) {
			err = fmt.Errorf("%s: read: %w", in.name, err)
		}
		return yield(&item{path: in.path, err: err})
	}
	if len(data) > document.MaxSize {
		return yield(&item{path: in.path, err: fmt.Errorf("%s: over the %d MiB limit", in.name, document.MaxSize>>20)})
	}
	var a document.Article
	if format == document.HTML {
		a, err = document.ParseHTML(in.name, data)
	} else {
		a, err = document.ParseText(in.name, data)
	}
	return yield(newItem(a, err))
}

// identity returns the identity of article a of an input whose own
// identity is ident: a usable address (a JSON lines record's url, an HTML
// page's canonical link), else ident (with "#LINE" for a record).
func identity(a *document.Article, format document.Format, ident string) string {
	if format == document.JSONL || format == document.HTML {
		if u, ok := urlIdentity(a.URL); ok {
			return u
		}
	}
	if format == document.JSONL && a.Line > 0 {
		return ident + "#" + strconv.Itoa(a.Line)
	}
	return ident
}

// urlIdentity returns raw as a document identity: an absolute http or
// https address with a host and a path below the site's root (a
// canonical link to the home page, a common mistake, names no article),
// its scheme and host in lower case and without a fragment.
func urlIdentity(raw string) (string, bool) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || u.Host == "" || u.Opaque != "" {
		return "", false
	}
	u.Scheme = strings.ToLower(u.Scheme)
	if u.Scheme != "http" && u.Scheme != "https" {
		return "", false
	}
	if strings.Trim(u.EscapedPath(), "/") == "" && u.RawQuery == "" {
		return "", false
	}
	u.Host = strings.ToLower(u.Host)
	u.Fragment, u.RawFragment = "", ""
	return u.String(), true
}

// run drives the pipeline: the producer parses inputs in order, workers
// extract facts concurrently, and this goroutine commits documents in
// input order, BatchSize to a transaction.
//
// When ctx is done, run stops at once: the document being extracted and
// the batch not yet committed are not stored (Summary.Abandoned counts
// them), and what earlier batches committed stays.
func run(ctx context.Context, db *store.DB, opts Options, produce iter.Seq[*item]) (sum Summary, err error) {
	start := time.Now()
	defer func() { sum.Elapsed = time.Since(start) }()
	batchSize := opts.BatchSize
	adaptive := batchSize <= 0
	stored := 0
	if adaptive {
		batchSize = DefaultBatchSize
		if err := db.View(func(tx *store.Tx) error { stored = tx.DocumentCount(); return nil }); err != nil {
			return sum, fmt.Errorf("ingest: %w", err)
		}
	}
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	parent := ctx
	ctx, cancel := context.WithCancel(ctx)

	ordered := make(chan *item, 4*batchSize) // items in input order
	work := make(chan *item, 4*batchSize)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for {
				select {
				case it, ok := <-work:
					if !ok {
						return
					}
					extractItem(ctx, it, &opts)
					close(it.done)
				case <-ctx.Done():
					return
				}
			}
		})
	}
	go func() {
		defer close(ordered)
		defer close(work)
		for it := range produce {
			it.done = make(chan struct{})
			if it.err != nil {
				close(it.done)
			}
			select {
			case ordered <- it:
			case <-ctx.Done():
				return
			}
			if it.err == nil {
				select {
				case work <- it:
				case <-ctx.Done():
					return
				}
			}
		}
	}()
	// On the way out, workers stop at their next look at ctx (Extract
	// looks between the recognisers' passes and between sentences). When
	// the caller's ctx is done they are not waited for: what they compute
	// is thrown away and they touch no database, so the run returns at
	// once. The producer may be blocked reading an input and is never
	// waited for.
	defer func() {
		cancel()
		if parent.Err() == nil {
			wg.Wait()
		}
	}()

	var batch []*item
	commit := func() error {
		if err := commitBatch(ctx, db, batch, &sum, &opts); err != nil {
			return err
		}
		batch = batch[:0]
		if opts.Progress != nil {
			opts.Progress(sum)
		}
		return nil
	}
	seen := map[string]seenDoc{} // identity -> the input that gave it
	for {
		var it *item
		select {
		case next, ok := <-ordered:
			if !ok {
				if err := commit(); err != nil {
					return sum, err
				}
				if sum.Failed > 0 {
					return sum, ErrFailed
				}
				return sum, nil
			}
			it = next
		case <-ctx.Done():
			return sum, abandon(ctx, &sum, len(batch))
		}
		select {
		case <-it.done:
		case <-ctx.Done():
		}
		if ctx.Err() != nil {
			return sum, abandon(ctx, &sum, len(batch)+1) // and the document being extracted
		}
		if it.err == nil {
			it.err = sameIdentity(seen, it)
		}
		if it.err != nil {
			sum.Failed++
			report(&opts, Report{Path: it.path, Source: it.article.Source, Outcome: store.Failed, Err: it.err})
			continue
		}
		batch = append(batch, it)
		if adaptive {
			batchSize = min(MaxBatchSize, max(DefaultBatchSize, (stored+sum.Documents)/8))
		}
		if len(batch) >= batchSize {
			if err := commit(); err != nil {
				return sum, err
			}
		}
	}
}

// abandon counts n documents read but not stored because ctx is done,
// and returns the run's error.
func abandon(ctx context.Context, sum *Summary, n int) error {
	sum.Abandoned += n
	return fmt.Errorf("ingest: %w", ctx.Err())
}

// seenDoc is where an identity was first met in a run, and the text's hash.
type seenDoc struct {
	where string
	hash  [32]byte
}

// sameIdentity records it's identity in seen, and returns the error of a
// second input of the run with the same identity and other text (with
// the same text, the store skips it as a duplicate).
func sameIdentity(seen map[string]seenDoc, it *item) error {
	h := sha256.Sum256([]byte(it.article.Text))
	id := it.article.Source
	prev, ok := seen[id]
	if !ok {
		seen[id] = seenDoc{where: it.where(), hash: h}
		return nil
	}
	if prev.hash == h {
		return nil
	}
	hint := "ingest them in separate runs, or ingest their common parent directory so that each keeps its own path"
	if _, isURL := urlIdentity(id); isURL {
		hint = "both give this address (a url or canonical link); one of them is wrong"
	} else if it.path == "-" {
		hint = "give standard input another --name"
	}
	return fmt.Errorf("%s: same identity %q as %s, read earlier in this run, but other text; not stored (%s)", it.where(), id, prev.where, hint)
}

// where names the item's input for messages: its path ("stdin" for
// standard input), and line for a JSON lines record.
func (it *item) where() string {
	p := it.path
	if p == "-" {
		p = "stdin"
	}
	if it.article.Line > 0 {
		return p + ":" + strconv.Itoa(it.article.Line)
	}
	return p
}

func report(opts *Options, r Report) {
	if opts.Report != nil {
		opts.Report(r)
	}
}

// NoFiguresWarning is the warning of a stored article without figures.
const NoFiguresWarning = "no figures found in the article"

func extractItem(ctx context.Context, it *item, opts *Options) {
	res := extract.Extract(it.article, extract.Options{
		Published: opts.Published, Lookup: opts.Aliases,
		Cancel: func() bool { return ctx.Err() != nil },
	})
	if err := ctx.Err(); err != nil {
		// Cut short: what Extract found so far is not the document's.
		it.err = fmt.Errorf("%s: not stored: %w", it.where(), err)
		return
	}
	it.facts = res.Facts
	it.aliases = res.Aliases
	it.warns = res.Warnings
	if it.article.Published.IsZero() && opts.Published.IsZero() {
		it.undated = true
		it.warns = append([]string{NoDateWarning}, it.warns...)
	}
	if d := it.docFacts(opts); len(res.Facts) == 0 && d.Validate() == nil {
		// (An invalid document fails with its own reason when stored.)
		switch {
		case !it.known:
			it.err = fmt.Errorf("%s: not an article: no figures found, and %s is not an article format (%s); not stored",
				it.where(), filepath.Ext(it.path), strings.Join(Extensions, ", "))
		case !hasProse(it.article.Text[it.article.Body.Start:it.article.Body.End]):
			it.err = fmt.Errorf("%s: not an article: no figures and no sentences found (a query script, a table?); not stored", it.where())
		default:
			it.warns = append(it.warns, NoFiguresWarning)
		}
	}
}

// hasProse reports whether text holds a sentence: three words or more
// ending with a full stop, question or exclamation mark, on a line that
// is not a # comment. Query scripts and tables have none.
func hasProse(text string) bool {
	for line := range strings.Lines(text) {
		if strings.HasPrefix(strings.TrimSpace(line), "#") {
			continue
		}
		words := 0
		for _, w := range strings.Fields(line) {
			letters := strings.IndexFunc(w, unicode.IsLetter) >= 0
			if letters && strings.Count(w, ",") > 1 || strings.ContainsAny(w, "=|;") {
				words = 0 // comma-separated values, or code: no sentence
				continue
			}
			if letters {
				words++
			}
			if words >= 3 && strings.ContainsAny(w[len(w)-1:], ".!?") {
				return true
			}
		}
	}
	return false
}

// docFacts returns what the store is given for it.
func (it *item) docFacts(opts *Options) store.DocFacts {
	a := &it.article
	d := store.DocFacts{
		Doc: store.Document{
			Source: a.Source, Title: a.Title, Published: a.Published, Byline: a.Byline,
			URL: a.URL, Text: a.Text,
		},
		Facts:        it.facts,
		Aliases:      it.aliases,
		NoReplace:    it.stdin,
		LegacySource: it.legacy,
	}
	if a.Published.IsZero() && !opts.Published.IsZero() {
		d.Doc.Published = opts.Published
	}
	return d
}

func commitBatch(ctx context.Context, db *store.DB, batch []*item, sum *Summary, opts *Options) error {
	if len(batch) == 0 {
		return nil
	}
	docs := make([]store.DocFacts, len(batch))
	for i, it := range batch {
		docs[i] = it.docFacts(opts)
	}
	results, err := db.PutContext(ctx, docs)
	for i, r := range results {
		it := batch[i]
		if r.Outcome == store.Failed && ctx.Err() != nil && errors.Is(r.Err, ctx.Err()) {
			sum.Abandoned++ // stopped before its transaction committed
			continue
		}
		sum.Documents++
		sum.Bytes += int64(len(it.article.Text))
		warns := it.warns
		switch {
		case r.Renamed != "":
			warns = append(warns, fmt.Sprintf("already stored by an older almanac as %q (document %d), which now takes this name", r.Renamed, r.Doc))
		case r.Legacy != 0:
			warns = append(warns, fmt.Sprintf("an older almanac stored document %d under this file's base name %q, with other text; both are kept (if it is an earlier version of this one, the figures of both show, as conflicts where they differ)", r.Legacy, it.legacy))
		}
		sum.Warnings += len(warns)
		switch r.Outcome {
		case store.Added:
			sum.Added++
			sum.Facts += r.Facts
		case store.Replaced:
			sum.Replaced++
			sum.Facts += r.Facts
			if len(sum.ReplacedSources) < maxReplacedSources {
				sum.ReplacedSources = append(sum.ReplacedSources, r.Source)
			}
		case store.Duplicate:
			sum.Duplicates++
		case store.Failed:
			sum.Failed++
		}
		rep := Report{Path: it.path, Source: r.Source, Outcome: r.Outcome, Facts: r.Facts, Line: it.article.Line,
			Replaced: r.Replaced, Warnings: warns, Undated: it.undated}
		switch {
		case errors.Is(r.Err, store.ErrExists) && it.stdin:
			rep.Err = fmt.Errorf("%s: a document read from standard input without a name is already stored as %q (document %d) with other text; name this one with --name NAME (or --name %s to replace it)",
				it.where(), r.Source, r.Doc, r.Source)
		case r.Err != nil:
			rep.Err = fmt.Errorf("%s: %w", it.where(), r.Err)
		}
		report(opts, rep)
	}
	if err != nil {
		return fmt.Errorf("ingest: %w", err)
	}
	return nil
}
