package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/almanacdb/almanac"
	"golang.org/x/term"
)

// Exit statuses.
const (
	exitOK      = 0
	exitFailed  = 1 // the command ran and something failed
	exitUsage   = 2 // the command line was wrong
	defaultDB   = "almanac.db"
	dbFlagUsage = "database `file`"
)

// stdio is the process's standard streams, passed in so tests can drive
// every command.
type stdio struct {
	in       io.Reader
	out, err io.Writer
}

// isTerminal reports whether v is an interactive terminal.
func isTerminal(v any) bool {
	f, ok := v.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

type command struct {
	name, args, summary string
	run                 func(ctx context.Context, args []string, io stdio) int
}

var commands []command

func init() {
	commands = []command{
		{"ingest", "[--db FILE | --server URL [--token-file FILE]] [--published DATE] [--aliases FILE] PATH...", "add articles from files, directories or - (stdin)", cmdIngest},
		{"query", "[--db FILE | --server URL] [--format FMT] [-f FILE] [--bail] [QUERY...]", "run queries in batch", cmdQuery},
		{"export", "[--db FILE] [--format jsonl|csv] [-o FILE]", "write every fact with its provenance", cmdExport},
		{"stats", "[--db FILE]", "count documents, facts, entities, metrics", cmdStats},
		{"serve", "[--db FILE] [--addr HOST:PORT] [--token-file FILE] [--read-only] [--query-timeout D]", "serve the database over HTTP: an API and a web page, readers and a writer at once", cmdServe},
	}
	commands = append(commands, maintenanceCommands...)
}

func run(ctx context.Context, args []string, io stdio) int {
	if len(args) > 0 && (args[0] == "--version" || args[0] == "-version" || args[0] == "version") {
		fmt.Fprintln(io.out, version())
		return exitOK
	}
	if len(args) == 0 || strings.HasPrefix(args[0], "-") && args[0] != "-h" && args[0] != "--help" && args[0] != "-help" {
		return cmdShell(ctx, args, io)
	}
	name := args[0]
	if name == "help" || name == "-h" || name == "--help" || name == "-help" {
		if len(args) > 1 {
			return run(ctx, []string{args[1], "--help"}, io)
		}
		usage(io.out)
		return exitOK
	}
	for _, c := range commands {
		if c.name == name {
			ctx, stop := onSignals(ctx, io.err, os.Interrupt, syscall.SIGTERM)
			defer stop()
			return c.run(ctx, args[1:], io)
		}
	}
	fmt.Fprintf(io.err, "almanac: unknown command %q\n\n", name)
	usage(io.err)
	return exitUsage
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "Almanac turns news articles into a queryable knowledge base of reported figures.")
	fmt.Fprintln(w, "\nUsage:\n  almanac [--db FILE]            open the REPL (creates almanac.db from sample articles if missing)")
	fmt.Fprintln(w, "          [-cmd STATEMENT]...  run statements first, then the REPL (also $XDG_CONFIG_HOME/almanac/almanacrc)")
	fmt.Fprintln(w, "          [-c STATEMENT]...    run statements and leave")
	for _, c := range commands {
		fmt.Fprintf(w, "  almanac %-8s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "  almanac --version")
	fmt.Fprintln(w, "\nRun 'almanac COMMAND --help' for a command's flags. Queries: almanac query '.help'.")
}

// version describes the build: the module's version, the commit and its
// time, whether the tree had changes, and the Go that built it.
func version() string {
	v := "almanac"
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return v + " (no build information)"
	}
	v += " " + bi.Main.Version
	var rev, at string
	modified := false
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.time":
			at = s.Value
		case "vcs.modified":
			modified = s.Value == "true"
		}
	}
	if rev != "" {
		v += " " + rev[:min(len(rev), 12)]
		if modified {
			v += "+changes"
		}
		if at != "" {
			v += " (" + at + ")"
		}
	}
	return v + ", " + bi.GoVersion + " " + runtime.GOOS + "/" + runtime.GOARCH
}

// newFlags returns a flag set for a command whose errors and help go to
// io.err, and which documents the command in its usage line.
func newFlags(name string, io stdio) *flag.FlagSet {
	fs := flag.NewFlagSet("almanac "+name, flag.ContinueOnError)
	fs.SetOutput(io.err)
	fs.Usage = func() {
		for _, c := range commands {
			if c.name == name {
				fmt.Fprintf(io.err, "usage: almanac %s %s\n\n%s.\n\nFlags:\n", c.name, c.args, upperFirst(c.summary))
			}
		}
		fs.PrintDefaults()
	}
	return fs
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// parseFlags parses args, allowing flags after positional arguments
// ("almanac ingest DIR --db x.db"); "--" ends flags. It returns the
// positional arguments, or ok=false with the exit status to use.
func parseFlags(fs *flag.FlagSet, args []string) (pos []string, status int, ok bool) {
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, exitOK, false
			}
			return nil, exitUsage, false
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return pos, 0, true
		}
		if len(args) > len(rest) && args[len(args)-len(rest)-1] == "--" {
			return append(pos, rest...), 0, true
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

// openDB opens the database for a command, read-only for commands that
// only read, so that several can run at once.
func openDB(path string, readOnly bool, io stdio) (*almanac.DB, bool) {
	if readOnly {
		if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
			fmt.Fprintf(io.err, "almanac: %s does not exist (create it with 'almanac ingest --db %s PATH' or run 'almanac')\n", path, path)
			return nil, false
		}
	}
	db, err := almanac.Open(path, &almanac.Options{ReadOnly: readOnly})
	if err != nil {
		fmt.Fprintf(io.err, "almanac: %v\n", err)
		var le *almanac.LockError
		if errors.As(err, &le) {
			fmt.Fprintf(io.err, "almanac: %s\n", lockAdvice(le))
		}
		return nil, false
	}
	return db, true
}

// lockAdvice says what to do about another process's lock on a database:
// what is true (who holds it, where the system says, and whether they
// read or write), and the way to share one file between processes.
func lockAdvice(le *almanac.LockError) string {
	share := fmt.Sprintf("or let one server share the file: 'almanac serve --db %s', then 'almanac query --server URL' and 'almanac ingest --server URL'", le.Path)
	writer := false
	for _, h := range le.Holders {
		writer = writer || h.Write
	}
	switch {
	case writer:
		return "it is being written to; wait for that to finish, " + share
	case le.Writing && len(le.Holders) > 0:
		return "writing needs it to yourself: close what has it open for reading (Ctrl-D leaves a REPL), " + share
	case le.Writing:
		return "another process has it open (an almanac REPL, query, ingest or serve); close it or wait for it to finish, " + share
	}
	return "another process is writing to it; wait for it to finish, " + share
}

// dbCommand is the common start of a command on one database: its flags
// (with --db), parsed with nargs positional arguments allowed, and the
// database opened read-only or read-write.
type dbCommand struct {
	name   string
	fs     *flag.FlagSet
	dbPath *string
}

func newDBCommand(name string, io stdio) *dbCommand {
	fs := newFlags(name, io)
	return &dbCommand{name: name, fs: fs, dbPath: fs.String("db", defaultDB, dbFlagUsage)}
}

// open parses args and opens the database. It returns the positional
// arguments, or ok=false with the exit status when the command is done.
func (c *dbCommand) open(args []string, nargs int, readOnly bool, io stdio) (db *almanac.DB, pos []string, status int, ok bool) {
	pos, status, ok = parseFlags(c.fs, args)
	if !ok {
		return nil, nil, status, false
	}
	if len(pos) != nargs {
		if len(pos) > nargs {
			fmt.Fprintf(io.err, "almanac %s: unexpected argument %q\n", c.name, pos[nargs])
		} else {
			fmt.Fprintf(io.err, "almanac %s: missing argument\n", c.name)
		}
		c.fs.Usage()
		return nil, nil, exitUsage, false
	}
	db, ok = openDB(*c.dbPath, readOnly, io)
	if !ok {
		return nil, nil, exitFailed, false
	}
	return db, pos, 0, true
}

func cmdIngest(ctx context.Context, args []string, io stdio) int {
	fs := newFlags("ingest", io)
	dbPath := fs.String("db", defaultDB, dbFlagUsage)
	published := fs.String("published", "", "publication `date` (YYYY-MM-DD) for articles that carry none")
	aliases := fs.String("aliases", "", "entity alias `file` (lines 'Alias = Canonical name')")
	batch := fs.Int("batch", 0, "documents per transaction (default: 1024, growing with the database to 8192)")
	quiet := fs.Bool("quiet", false, "print only errors and the summary")
	serverURL := fs.String("server", "", "send the articles to the almanac server at `URL` instead of opening --db")
	tokenFile := fs.String("token-file", "", "with --server: `file` holding the server's write token")
	name := fs.String("name", "", "the `name` of the article read from standard input (-), which a later ingest under the same name replaces")
	paths, status, ok := parseFlags(fs, args)
	if !ok {
		return status
	}
	if len(paths) == 0 {
		fmt.Fprintln(io.err, "almanac ingest: no paths given (files, directories, or - for stdin)")
		fs.Usage()
		return exitUsage
	}
	if *name != "" && !slices.Contains(paths, "-") {
		fmt.Fprintln(io.err, "almanac ingest: --name names standard input, and - is not among the paths")
		return exitUsage
	}
	opts := almanac.IngestOptions{BatchSize: *batch, Stdin: io.in, StdinName: *name}
	if *published != "" {
		t, ok := almanac.ParseDate(*published)
		if !ok {
			fmt.Fprintf(io.err, "almanac ingest: --published %q is not a date (want YYYY-MM-DD)\n", *published)
			return exitUsage
		}
		opts.Published = t
	}
	if *serverURL != "" {
		for _, f := range []string{"db", "aliases", "batch"} {
			if flagSet(fs, f) {
				fmt.Fprintf(io.err, "almanac ingest: --%s applies where the database is: give it to 'almanac serve', not with --server\n", f)
				return exitUsage
			}
		}
	} else if *tokenFile != "" {
		fmt.Fprintln(io.err, "almanac ingest: --token-file goes with --server")
		return exitUsage
	}
	if *aliases != "" {
		lookup, err := almanac.LoadAliases(*aliases)
		if err != nil {
			fmt.Fprintf(io.err, "almanac ingest: %v\n", err)
			return exitFailed
		}
		opts.Aliases = lookup
	}
	// ingestFn is the ingest itself: into the file, or through a server.
	var ingestFn func(context.Context, []string, *almanac.IngestOptions) (almanac.IngestSummary, error)
	if *serverURL != "" {
		c, ok := dialServer(ctx, "ingest", *serverURL, *tokenFile, io)
		if !ok {
			return exitFailed
		}
		defer c.Close()
		ingestFn = func(ctx context.Context, paths []string, o *almanac.IngestOptions) (almanac.IngestSummary, error) {
			return c.Ingest(ctx, paths, *o)
		}
	} else {
		db, ok := openDB(*dbPath, false, io)
		if !ok {
			return exitFailed
		}
		defer db.Close()
		// A bulk load allocates briskly and keeps little: collect less often
		// (measured: GC was ~15% of ingest time at the default of 100).
		defer debug.SetGCPercent(debug.SetGCPercent(400))
		ingestFn = db.IngestFiles
	}
	progress := isTerminal(io.err) && !*quiet
	opts.Report = func(r almanac.IngestReport) {
		if r.Err != nil {
			if progress {
				fmt.Fprint(io.err, "\r\033[K")
			}
			fmt.Fprintf(io.err, "error: %v\n", r.Err)
		}
		if !*quiet {
			where := r.Path
			if where == "-" {
				where = "stdin"
			}
			if r.Line > 0 {
				where += ":" + strconv.Itoa(r.Line)
			}
			if r.Outcome == almanac.Replaced {
				if progress {
					fmt.Fprint(io.err, "\r\033[K")
				}
				fmt.Fprintf(io.err, "replaced: %s: %s", where, r.Source)
				if r.Replaced != 0 {
					fmt.Fprintf(io.err, " (document %d)", r.Replaced)
				}
				fmt.Fprintln(io.err, " had other text")
			}
			for i, w := range r.Warnings {
				if i == 0 && r.Undated {
					w += "; pass --published YYYY-MM-DD to date it"
				}
				fmt.Fprintf(io.err, "warning: %s: %s\n", where, w)
			}
		}
	}
	if progress {
		last := time.Now()
		opts.Progress = func(s almanac.IngestSummary) {
			if time.Since(last) > 200*time.Millisecond {
				fmt.Fprintf(io.err, "\r\033[K%d documents, %d facts...", s.Documents, s.Facts)
				last = time.Now()
			}
		}
	}
	sum, err := ingestFn(ctx, paths, &opts)
	if progress {
		fmt.Fprint(io.err, "\r\033[K")
	}
	// A server that refused the request stored nothing: its reason is the
	// answer.
	var refused *almanac.StatusError
	if !errors.As(err, &refused) || sum.Documents > 0 {
		fmt.Fprintf(io.out, "ingested %s\n", sum)
	}
	switch {
	case ctx.Err() != nil:
		fmt.Fprintf(io.err, "almanac ingest: interrupted: what the summary counts is stored; %s read but not stored; run the same command again to ingest the rest\n",
			plural(sum.Abandoned, "document"))
		return exitFailed
	case err != nil:
		if !errors.Is(err, almanac.ErrIngestFailed) {
			fmt.Fprintf(io.err, "almanac ingest: %v\n", err)
		}
		return exitFailed
	}
	return exitOK
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}

func cmdExport(ctx context.Context, args []string, io stdio) int {
	c := newDBCommand("export", io)
	format := c.fs.String("format", "jsonl", "output `format`: jsonl or csv")
	outPath := c.fs.String("o", "", "write to `file` instead of standard output (replaced only when the export is complete)")
	db, _, status, ok := c.open(args, 0, true, io)
	if !ok {
		return status
	}
	defer db.Close()
	if *format != "jsonl" && *format != "csv" {
		fmt.Fprintf(io.err, "almanac export: unknown format %q (want jsonl or csv)\n", *format)
		return exitUsage
	}
	var err error
	if *outPath == "" {
		_, err = db.Export(ctx, io.out, *format)
	} else {
		_, err = db.ExportFile(ctx, *outPath, *format)
	}
	switch {
	case err != nil && ctx.Err() != nil:
		what := "the output is incomplete"
		if *outPath != "" {
			what = *outPath + " was not written"
		}
		fmt.Fprintf(io.err, "almanac export: interrupted; %s\n", what)
		return exitFailed
	case err != nil && *outPath == "":
		fmt.Fprintf(io.err, "almanac: %v\n", err)
		return exitFailed
	case err != nil:
		fmt.Fprintf(io.err, "almanac export: %v\n", err)
		return exitFailed
	}
	return exitOK
}

func cmdStats(ctx context.Context, args []string, io stdio) int {
	db, _, status, ok := newDBCommand("stats", io).open(args, 0, true, io)
	if !ok {
		return status
	}
	defer db.Close()
	s, err := db.Stats()
	if err != nil {
		fmt.Fprintf(io.err, "almanac: %v\n", err)
		return exitFailed
	}
	fmt.Fprintf(io.out, "database   %s (%s)\ndocuments  %d\nfacts      %d\nentities   %d\nmetrics    %d\nunits      %d\nyears      %d\n",
		db.Path(), byteSize(s.FileBytes), s.Documents, s.Facts, s.Entities, s.Metrics, s.Units, s.Years)
	return exitOK
}

func byteSize(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GiB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}
