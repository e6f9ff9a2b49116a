package ingest

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"iter"
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
	// Report, if set, is called with each document's outcome, in input order.
	Report func(Report)
	// Progress, if set, is called after each committed batch.
	Progress func(Summary)
}

// Report is what happened to one document or input.
type Report struct {
	Path     string // the file it came from ("-" for stdin)
	Source   string // the document's source name; "" if it could not be parsed
	Outcome  store.Outcome
	Facts    int
	Line     int      // the JSON lines record's line in Path, 0 for other formats
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
}

// String is the one-line summary the CLI prints.
func (s Summary) String() string {
	return fmt.Sprintf("%d documents (%d added, %d replaced), %d facts, %d duplicates skipped, %d errors, %d warnings in %.2fs",
		s.Documents, s.Added, s.Replaced, s.Facts, s.Duplicates, s.Failed, s.Warnings, s.Elapsed.Seconds())
}

// ErrFailed is returned by Paths and Reader when some documents or inputs
// could not be ingested; the others were. Their Reports say which and why.
var ErrFailed = errors.New("some inputs failed")

// item is one unit flowing through the pipeline: a parsed article, or an
// input that failed before it became one. err names the input (its file,
// and line for JSON lines) as document's and os's errors do.
type item struct {
	path    string
	article document.Article
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
func Paths(ctx context.Context, db *store.DB, paths []string, opts Options) (Summary, error) {
	return run(ctx, db, opts, func(yield func(*item) bool) {
		for _, p := range paths {
			if !walkPath(ctx, p, &opts, yield) {
				return
			}
		}
	})
}

// Reader ingests one input read from r; name is its file name, used for
// the format and the source name.
func Reader(ctx context.Context, db *store.DB, name string, r io.Reader, opts Options) (Summary, error) {
	return run(ctx, db, opts, func(yield func(*item) bool) {
		readInput(name, name, r, -1, yield)
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
			if !readInput(in.Name, in.Name, in.R, -1, yield) {
				return
			}
		}
	})
}

// FS ingests every file of fsys with a known extension, in path order;
// the sample articles bundled into the binary come this way.
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
			if !readInput(p, p, f, -1, yield) {
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

func walkPath(ctx context.Context, p string, opts *Options, yield func(*item) bool) bool {
	if p == "-" {
		stdin := opts.Stdin
		if stdin == nil {
			stdin = os.Stdin
		}
		return readInput("-", "stdin", stdin, -1, yield)
	}
	fi, err := os.Stat(p)
	if err != nil {
		return yield(&item{path: p, err: err})
	}
	if !fi.IsDir() {
		return readFile(p, fi, yield)
	}
	// A directory named on purpose that holds nothing to ingest is a
	// mistake (a wrong path, articles with other extensions).
	n := 0
	counted := func(it *item) bool { n++; return yield(it) }
	if !walkDir(ctx, p, []os.FileInfo{fi}, counted) {
		return false
	}
	if n == 0 && ctx.Err() == nil {
		return yield(&item{path: p, err: fmt.Errorf("%s: no article files in the directory (want %s)", p, strings.Join(Extensions, ", "))})
	}
	return true
}

// walkDir visits dir in name order; ancestors are the directories on the
// way down, to detect loops through symlinks.
func walkDir(ctx context.Context, dir string, ancestors []os.FileInfo, yield func(*item) bool) bool {
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
			if !walkDir(ctx, p, append(ancestors, fi), yield) {
				return false
			}
			continue
		}
		if !fi.Mode().IsRegular() || !hasExtension(name) {
			continue
		}
		if !readFile(p, fi, yield) {
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

func readFile(p string, fi os.FileInfo, yield func(*item) bool) bool {
	f, err := os.Open(p)
	if err != nil {
		return yield(&item{path: p, err: err})
	}
	defer f.Close()
	return readInput(p, p, f, fi.Size(), yield)
}

// readInput parses one input into articles. Text and HTML are read whole
// (refused above document.MaxSize before reading); JSON lines stream.
func readInput(path, name string, r io.Reader, size int64, yield func(*item) bool) bool {
	br := bufio.NewReaderSize(r, 64<<10)
	head, _ := br.Peek(1024)
	format := document.Detect(name, head)
	if format == document.JSONL {
		for a, err := range document.ReadJSONL(name, br) {
			if !yield(&item{path: path, article: a, err: err}) {
				return false
			}
		}
		return true
	}
	if size > document.MaxSize {
		return yield(&item{path: path, err: fmt.Errorf("%s: %d bytes is over the %d MiB limit", name, size, document.MaxSize>>20)})
	}
	data, err := io.ReadAll(io.LimitReader(br, document.MaxSize+1))
	if err != nil {
		var pe *fs.PathError
		if !errors.As(err, &pe) {
			err = fmt.Errorf("%s: read: %w", name, err)
		}
		return yield(&item{path: path, err: err})
	}
	if len(data) > document.MaxSize {
		return yield(&item{path: path, err: fmt.Errorf("%s: over the %d MiB limit", name, document.MaxSize>>20)})
	}
	// The parsers' errors name the input as given; the source name that
	// identifies the document for replacement is its base name.
	var a document.Article
	if format == document.HTML {
		a, err = document.ParseHTML(name, data)
	} else {
		a, err = document.ParseText(name, data)
	}
	a.Source = filepath.Base(name)
	return yield(&item{path: path, article: a, err: err})
}

// run drives the pipeline: the producer parses inputs in order, workers
// extract facts concurrently, and this goroutine commits documents in
// input order, BatchSize to a transaction.
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
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	ordered := make(chan *item, 4*batchSize) // items in input order
	work := make(chan *item, 4*batchSize)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for it := range work {
				extractItem(it, &opts)
				close(it.done)
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
					it.err = fmt.Errorf("%s: %w", it.path, ctx.Err())
					close(it.done)
					return
				}
			}
		}
	}()
	defer wg.Wait()

	var batch []*item
	commit := func() error {
		if err := commitBatch(db, batch, &sum, &opts); err != nil {
			return err
		}
		batch = batch[:0]
		if opts.Progress != nil {
			opts.Progress(sum)
		}
		return nil
	}
	for it := range ordered {
		<-it.done
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
		if ctx.Err() != nil {
			break
		}
	}
	if err := commit(); err != nil {
		return sum, err
	}
	if err := ctx.Err(); err != nil {
		return sum, err
	}
	if sum.Failed > 0 {
		return sum, ErrFailed
	}
	return sum, nil
}

func report(opts *Options, r Report) {
	if opts.Report != nil {
		opts.Report(r)
	}
}

func extractItem(it *item, opts *Options) {
	res := extract.Extract(it.article, extract.Options{Published: opts.Published, Lookup: opts.Aliases})
	it.facts = res.Facts
	it.aliases = res.Aliases
	it.warns = res.Warnings
	if it.article.Published.IsZero() && opts.Published.IsZero() {
		it.undated = true
		it.warns = append([]string{NoDateWarning}, it.warns...)
	}
}

func commitBatch(db *store.DB, batch []*item, sum *Summary, opts *Options) error {
	if len(batch) == 0 {
		return nil
	}
	docs := make([]store.DocFacts, len(batch))
	for i, it := range batch {
		a := &it.article
		docs[i] = store.DocFacts{
			Doc: store.Document{
				Source: a.Source, Title: a.Title, Published: a.Published, Byline: a.Byline,
				URL: a.URL, Text: a.Text,
			},
			Facts:   it.facts,
			Aliases: it.aliases,
		}
		if a.Published.IsZero() && !opts.Published.IsZero() {
			docs[i].Doc.Published = opts.Published
		}
		sum.Bytes += int64(len(a.Text))
	}
	results, err := db.Put(docs)
	for i, r := range results {
		it := batch[i]
		sum.Documents++
		sum.Warnings += len(it.warns)
		switch r.Outcome {
		case store.Added:
			sum.Added++
			sum.Facts += r.Facts
		case store.Replaced:
			sum.Replaced++
			sum.Facts += r.Facts
		case store.Duplicate:
			sum.Duplicates++
		case store.Failed:
			sum.Failed++
		}
		rep := Report{Path: it.path, Source: r.Source, Outcome: r.Outcome, Facts: r.Facts, Line: it.article.Line,
			Warnings: it.warns, Undated: it.undated}
		if r.Err != nil {
			where := it.path
			if it.article.Line > 0 {
				where += ":" + strconv.Itoa(it.article.Line)
			}
			rep.Err = fmt.Errorf("%s: %w", where, r.Err)
		}
		report(opts, rep)
	}
	if err != nil {
		return fmt.Errorf("ingest: %w", err)
	}
	return nil
}
