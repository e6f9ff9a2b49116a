// Package almanac is a knowledge base of the figures reported in news
// articles. It extracts every reported figure as a fact (entity, metric,
// year, period, value, unit, qualifier, plan or actual) with the sentence
// it came from, stores the facts in a bbolt file indexed by entity, year and
// metric, and answers questions in a small query language:
//
//	db, err := almanac.Open("almanac.db", nil)
//	...
//	db.IngestFiles(ctx, []string{"articles/"}, nil)
//	res, err := db.Query(ctx, "metric high_tech_enterprises by year")
//	res.Write(os.Stdout, almanac.Table, almanac.WriteOptions{})
//
// This package is a thin facade over store (the database), ingest (article
// parsing and extraction) and query (the language and its output). It
// also re-exports what a program needs to work with queries and their
// answers (results and their formats, positioned errors, the lexer's view
// of statements, the function table, the fact vocabulary), so that the
// almanac command imports nothing else: what the command can do, a
// library user can do.
package almanac

import (
	"context"
	"embed"
	"fmt"
	"io"
	"io/fs"
	"os"
	"time"

	"github.com/almanacdb/almanac/ingest"
	"github.com/almanacdb/almanac/ingest/resolve"
	"github.com/almanacdb/almanac/query"
	"github.com/almanacdb/almanac/store"
)

// Errors a caller may test for with errors.Is.
var (
	// ErrLocked is returned by Open when another process holds the
	// database; the error is a *LockError that names the holders where
	// the system tells.
	ErrLocked = store.ErrLocked
	// ErrNotAlmanac is returned by Open for a file that is not an Almanac database.
	ErrNotAlmanac = store.ErrNotAlmanac
	// ErrSchemaTooNew is returned by Open for a database of a newer Almanac.
	ErrSchemaTooNew = store.ErrSchemaTooNew
	// ErrReadOnly is returned by writes to a database opened read-only.
	ErrReadOnly = store.ErrReadOnly
	// ErrCorrupt is wrapped by the errors of queries, exports and writes
	// that met malformed stored data: a failure of the database, never of
	// the query. Check lists the problems.
	ErrCorrupt = store.ErrCorrupt
	// ErrNotFound is wrapped when a stored fact or document that another
	// record points at does not exist.
	ErrNotFound = store.ErrNotFound
	// ErrIngestFailed is returned by the Ingest methods when some inputs
	// failed; the others were stored.
	ErrIngestFailed = ingest.ErrFailed
)

// LockError is the error of an Open that another process's lock kept
// out; see store.LockError.
type LockError = store.LockError

// Options configures Open. A nil *Options opens read-write with the
// default lock timeout.
type Options struct {
	// ReadOnly opens with a shared lock: many readers at once, no writes.
	ReadOnly bool
	// LockTimeout bounds the wait for another process's lock (default
	// store.DefaultLockTimeout); then Open fails with ErrLocked.
	LockTimeout time.Duration
	// NoSync skips fsync on commit (faster bulk loads; a crash may lose
	// the last commits but never half of a document).
	NoSync bool
}

// DB is an open Almanac database, safe for concurrent use: many goroutines
// may query while one ingests.
type DB struct {
	store *store.DB
}

// Open opens or creates the database file at path.
func Open(path string, opts *Options) (*DB, error) {
	var o Options
	if opts != nil {
		o = *opts
	}
	s, err := store.Open(path, &store.Options{ReadOnly: o.ReadOnly, LockTimeout: o.LockTimeout, NoSync: o.NoSync})
	if err != nil {
		return nil, err
	}
	return &DB{store: s}, nil
}

// Close releases the database.
func (db *DB) Close() error { return db.store.Close() }

// Path returns the database's file name.
func (db *DB) Path() string { return db.store.Path() }

// ReadOnly reports whether the database was opened read-only.
func (db *DB) ReadOnly() bool { return db.store.ReadOnly() }

// Store returns the underlying store, for programs that read facts
// directly.
func (db *DB) Store() *store.DB { return db.store }

// IngestOptions configures ingest; see ingest.Options.
type IngestOptions = ingest.Options

// IngestSummary counts an ingest run; see ingest.Summary.
type IngestSummary = ingest.Summary

// IngestReport is the outcome of one ingested document; see ingest.Report.
type IngestReport = ingest.Report

// Outcome says what an ingest did with one document (IngestReport.Outcome).
type Outcome = store.Outcome

// The outcomes of an ingested document.
const (
	Added     = store.Added     // stored as a new document
	Replaced  = store.Replaced  // stored, replacing the document with the same identity
	Duplicate = store.Duplicate // the same text is stored already; nothing written
	Failed    = store.Failed    // not stored; IngestReport.Err says why
)

// LoadAliases reads a user alias file for IngestOptions.Aliases: lines
// "Alias = Canonical name", optionally "@level" (city, district, area,
// org...), # comments. The built-in places stay known.
func LoadAliases(path string) (resolve.Lookup, error) { return ingest.LoadAliases(path) }

// IngestFiles ingests files and directories (recursively); "-" reads
// standard input. A document that fails does not stop the others: the
// error is ErrIngestFailed and opts.Report names each failure.
func (db *DB) IngestFiles(ctx context.Context, paths []string, opts *IngestOptions) (IngestSummary, error) {
	return ingest.Paths(ctx, db.store, paths, deref(opts))
}

// IngestReader ingests one input; name gives its format (by extension) and
// its source name.
func (db *DB) IngestReader(ctx context.Context, name string, r io.Reader, opts *IngestOptions) (IngestSummary, error) {
	return ingest.Reader(ctx, db.store, name, r, deref(opts))
}

// IngestFS ingests every article file of fsys.
func (db *DB) IngestFS(ctx context.Context, fsys fs.FS, opts *IngestOptions) (IngestSummary, error) {
	return ingest.FS(ctx, db.store, fsys, deref(opts))
}

func deref(o *IngestOptions) IngestOptions {
	if o == nil {
		return IngestOptions{}
	}
	return *o
}

//go:embed examples/articles/*.txt
var samples embed.FS

// SampleArticles returns the sample articles bundled into the package
// (examples/articles): written for Almanac, with real-world figures.
func SampleArticles() fs.FS {
	sub, err := fs.Sub(samples, "examples/articles")
	if err != nil {
		return samples
	}
	return sub
}

// Query runs one statement of the query language. A mistake in it is an
// *Error (a syntax error) or an ErrorList (mistakes found by checking),
// reading "line:col: message"; Caret draws where. A failure of the
// database is returned as it is (errors.Is(err, ErrCorrupt)...).
func (db *DB) Query(ctx context.Context, text string) (*Result, error) {
	return query.Run(ctx, db.store, text)
}

// Export writes every fact with its provenance as "jsonl" or "csv" and
// returns how many it wrote.
func (db *DB) Export(ctx context.Context, w io.Writer, format string) (int, error) {
	return db.store.Export(ctx, w, format)
}

// ExportFile writes the export to path: to a temporary file beside it,
// renamed into place once complete, so a failed or cancelled export never
// leaves a truncated file. The file gets the database file's permissions
// (an export holds what the database holds).
func (db *DB) ExportFile(ctx context.Context, path, format string) (int, error) {
	f, err := store.CreateBeside(db.Path(), path)
	if err != nil {
		return 0, fmt.Errorf("create %s: %w", path, err)
	}
	defer os.Remove(f.Name())
	n, err := db.Export(ctx, f, format)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), path)
	}
	if err != nil {
		return 0, err
	}
	return n, nil
}

// CatalogEntry is one entity, metric or unit with the number of facts
// about it; entities carry the other names they were reported under.
type CatalogEntry = store.CatalogEntry

// Entities returns the entity catalogue, sorted by name.
func (db *DB) Entities() ([]CatalogEntry, error) {
	return db.catalogue("entities", (*store.Tx).Entities)
}

// Metrics returns the metric catalogue, sorted by name.
func (db *DB) Metrics() ([]CatalogEntry, error) {
	return db.catalogue("metrics", (*store.Tx).Metrics)
}

// Units returns the unit catalogue, sorted by name.
func (db *DB) Units() ([]CatalogEntry, error) {
	return db.catalogue("units", (*store.Tx).Units)
}

func (db *DB) catalogue(what string, read func(*store.Tx) ([]CatalogEntry, error)) ([]CatalogEntry, error) {
	var out []CatalogEntry
	err := db.store.View(func(tx *store.Tx) error {
		var err error
		out, err = read(tx)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", what, err)
	}
	return out, nil
}

// Check verifies the file's pages (bounded by the file's size, safe on a
// damaged file, naming each damaged page) and Almanac's invariants (every
// fact in every index with the same values, documents owning their
// facts, catalogue counts) and returns the problems found, at most 100;
// none means the database is consistent. A done ctx stops it with ctx's
// error.
func (db *DB) Check(ctx context.Context) ([]string, error) { return db.store.Check(ctx) }

// Backup writes a consistent copy of the database to path, which must not
// exist, while other goroutines go on reading and writing. The copy gets
// the database file's permissions; a done ctx stops it and leaves
// nothing at path. It returns the copy's size.
func (db *DB) Backup(ctx context.Context, path string) (int64, error) {
	return db.store.Backup(ctx, path)
}

// Compact rewrites the database file to reclaim the space of replaced
// documents; it refuses a file whose pages are damaged. The database must
// be open read-write, and Compact closes it whatever the outcome. A done
// ctx stops it and leaves the file as it was. It returns the file's sizes
// before and after.
func (db *DB) Compact(ctx context.Context) (before, after int64, err error) {
	return db.store.Compact(ctx)
}

// Stats counts what the database holds.
type Stats = store.Stats

// Stats returns counts of documents, facts, entities, metrics, units and
// years, and the file size.
func (db *DB) Stats() (Stats, error) {
	var s Stats
	err := db.store.View(func(tx *store.Tx) error {
		s = tx.Stats()
		return nil
	})
	if err != nil {
		return Stats{}, fmt.Errorf("stats: %w", err)
	}
	return s, nil
}
