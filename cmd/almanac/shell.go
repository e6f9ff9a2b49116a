package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/almanacdb/almanac"
	"github.com/almanacdb/almanac/cmd/almanac/internal/shell"
	"golang.org/x/term"
)

// stdinName names standard input in error messages.
const stdinName = "<stdin>"

// cmdQuery runs statements in batch: each argument, then each -f file,
// or standard input when there are neither and it is not a terminal.
// Command-line queries are numbered as the lines of a script named
// "query", so errors read query:N:COL.
func cmdQuery(ctx context.Context, args []string, io stdio) int {
	fs := newFlags("query", io)
	dbPath := fs.String("db", defaultDB, dbFlagUsage)
	format := fs.String("format", "table", formatFlagUsage)
	var files []string
	fs.Func("f", "read statements from `file` (- for stdin); may be repeated", func(s string) error {
		files = append(files, s)
		return nil
	})
	bail := fs.Bool("bail", false, "stop at the first statement that fails")
	serverURL := fs.String("server", "", "ask the almanac server at `URL` instead of opening --db")
	queries, status, ok := parseFlags(fs, args)
	if !ok {
		return status
	}
	f, err := almanac.ParseFormat(*format)
	if err != nil {
		fmt.Fprintf(io.err, "almanac query: %v\n", err)
		return exitUsage
	}
	if len(queries) == 0 && len(files) == 0 {
		if isTerminal(io.in) {
			fmt.Fprintln(io.err, "almanac query: no query given (pass queries as arguments, -f FILE, or pipe them to standard input)")
			fs.Usage()
			return exitUsage
		}
		files = []string{"-"}
	}
	var db shell.DB
	if *serverURL != "" {
		if flagSet(fs, "db") {
			fmt.Fprintln(io.err, "almanac query: --db and --server: give one (the server has its own database)")
			return exitUsage
		}
		c, ok := dialServer(ctx, "query", *serverURL, "", io)
		if !ok {
			return exitFailed
		}
		db = c
	} else {
		d, ok := openDB(*dbPath, true, io)
		if !ok {
			return exitFailed
		}
		db = d
	}
	sh := newShell(io, f)
	sh.Bail = *bail
	sh.SetDB(db)
	defer sh.Close()
	if !runArgs(ctx, sh, "query", queries, io) {
		return exitFailed
	}
	for _, name := range files {
		if sh.Stopped() {
			break
		}
		if !runFile(ctx, sh, name, io) {
			return exitFailed
		}
	}
	if sh.Failures() > 0 || ctx.Err() != nil {
		return exitFailed
	}
	return exitOK
}

// runArgs runs statements given on the command line, numbered as the
// lines of a script called name, so that errors read name:N:COL. An
// empty one is a failure: most likely an unset shell variable ("$Q"),
// not a wish to run nothing. It returns false when reading failed.
func runArgs(ctx context.Context, sh *shell.Shell, name string, stmts []string, io stdio) bool {
	line := 1
	for _, q := range stmts {
		if sh.Stopped() {
			break
		}
		if almanac.Lex(q).Blank() {
			sh.Fail(fmt.Errorf("%s:%d: no statement in the argument", name, line))
		}
		if err := sh.Run(ctx, shell.NewPlain(strings.NewReader(q), nil), name, line); err != nil {
			fmt.Fprintf(io.err, "almanac: %v\n", err)
			return false
		}
		line += strings.Count(q, "\n") + 1
	}
	return true
}

// rcFile returns the file of statements the REPL runs first, following
// the XDG base directory spec: $XDG_CONFIG_HOME/almanac/almanacrc, by
// default ~/.config/almanac/almanacrc; "" without a home directory.
func rcFile(getenv func(string) string) string {
	if dir := getenv("XDG_CONFIG_HOME"); filepath.IsAbs(dir) {
		return filepath.Join(dir, "almanac", "almanacrc")
	}
	if home := getenv("HOME"); home != "" {
		return filepath.Join(home, ".config", "almanac", "almanacrc")
	}
	return ""
}

// runFile runs the statements of the file name ("-" for standard input).
func runFile(ctx context.Context, sh *shell.Shell, name string, io stdio) bool {
	r, label := io.in, stdinName
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			fmt.Fprintf(io.err, "almanac: %v\n", err)
			return false
		}
		defer f.Close()
		r, label = f, name
	}
	if err := sh.Run(ctx, shell.NewPlain(r, nil), label, 1); err != nil {
		fmt.Fprintf(io.err, "almanac: %v\n", err)
		return false
	}
	return true
}

// cmdShell opens the REPL on a terminal, or runs the statements on
// standard input when it is not one. The first interactive run without
// --db creates almanac.db from the sample articles bundled into the
// binary; otherwise a database that does not exist is an error (a
// mistyped --db must not turn into a new sample database).
func cmdShell(ctx context.Context, args []string, io stdio) int {
	fs := newFlags("", io)
	fs.Usage = func() { usage(io.err) }
	dbPath := fs.String("db", defaultDB, dbFlagUsage)
	format := fs.String("format", "table", formatFlagUsage)
	var first, only []string
	fs.Func("cmd", "run `statement` (or meta-command) before the REPL or standard input; may be repeated", func(s string) error {
		first = append(first, s)
		return nil
	})
	fs.Func("c", "run `statement` (or meta-command) and leave; may be repeated", func(s string) error {
		only = append(only, s)
		return nil
	})
	noRC := fs.Bool("norc", false, "do not run the rc file ($XDG_CONFIG_HOME/almanac/almanacrc) before the REPL")
	pos, status, ok := parseFlags(fs, args)
	if !ok {
		return status
	}
	if len(pos) > 0 {
		fmt.Fprintf(io.err, "almanac: unexpected argument %q\n\n", pos[0])
		usage(io.err)
		return exitUsage
	}
	f, err := almanac.ParseFormat(*format)
	if err != nil {
		fmt.Fprintf(io.err, "almanac: %v\n", err)
		return exitUsage
	}
	interactive := isTerminal(io.in) && isTerminal(io.out)
	// At the REPL, Ctrl-C is the shell's (it cancels the statement); a
	// batch stops at the first SIGINT or SIGTERM.
	sigs := []os.Signal{syscall.SIGTERM}
	if !interactive {
		sigs = append(sigs, os.Interrupt)
	}
	ctx, stop := onSignals(ctx, io.err, sigs...)
	defer stop()
	if _, err := os.Stat(*dbPath); errors.Is(err, os.ErrNotExist) {
		dbGiven := false
		fs.Visit(func(f *flag.Flag) { dbGiven = dbGiven || f.Name == "db" })
		if !interactive || dbGiven {
			fmt.Fprintf(io.err, "almanac: %s does not exist (create it with 'almanac ingest --db %s PATH'; 'almanac' alone on a terminal creates %s from the sample articles)\n",
				*dbPath, *dbPath, defaultDB)
			return exitFailed
		}
		if !createSample(ctx, *dbPath, io.out, io) {
			return exitFailed
		}
	}
	db, ok := openDB(*dbPath, true, io)
	if !ok {
		return exitFailed
	}
	sh := newShell(io, f)
	sh.SetDB(db)
	defer sh.Close()
	if len(only) > 0 {
		// -c: the statements, as almanac query runs its arguments.
		if !runArgs(ctx, sh, "-c", append(first, only...), io) || sh.Failures() > 0 || ctx.Err() != nil {
			return exitFailed
		}
		return exitOK
	}
	if !interactive {
		if !runArgs(ctx, sh, "-cmd", first, io) || !runFile(ctx, sh, "-", io) || sh.Failures() > 0 || ctx.Err() != nil {
			return exitFailed
		}
		return exitOK
	}
	sh.Interactive, sh.CatchInterrupts = true, true
	if s, err := db.Stats(); err == nil {
		fmt.Fprintf(io.out, "%s: %d documents, %d facts. Type .help for help, Ctrl-D to leave.\n", *dbPath, s.Documents, s.Facts)
	}
	if rc := rcFile(os.Getenv); rc != "" && !*noRC {
		if _, err := os.Stat(rc); err == nil && !runFile(ctx, sh, rc, io) {
			return exitFailed
		}
	}
	if !runArgs(ctx, sh, "-cmd", first, io) {
		return exitFailed
	}
	ed := shell.NewLiner(shell.HistoryFile(os.Getenv), sh.Complete)
	err = sh.Run(ctx, ed, "", 1)
	if cerr := ed.Close(); cerr != nil {
		fmt.Fprintf(io.err, "almanac: %v\n", cerr)
	}
	if err != nil {
		fmt.Fprintf(io.err, "almanac: %v\n", err)
		return exitFailed
	}
	if !sh.Stopped() {
		fmt.Fprintln(io.out) // after ^D, leave the terminal on a new line
	}
	return exitOK
}

// createSample creates the database at path from the bundled sample
// articles and says so on notice.
func createSample(ctx context.Context, path string, notice io.Writer, io stdio) bool {
	db, ok := openDB(path, false, io)
	if !ok {
		return false
	}
	sum, err := db.IngestFS(ctx, almanac.SampleArticles(), nil)
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		fmt.Fprintf(io.err, "almanac: create %s from the sample articles: %v\n", path, err)
		return false
	}
	fmt.Fprintf(notice, "Created %s from %d sample articles (%d facts); add your own with 'almanac ingest DIR'.\n", path, sum.Added, sum.Facts)
	return true
}

// formatFlagUsage documents --format.
var formatFlagUsage = "output `format`: " + strings.Join(almanac.FormatNames(), ", ")

// newShell returns a shell writing to io's streams, in colour on a
// terminal unless NO_COLOR is set (https://no-color.org) or TERM is dumb,
// long results through the pager when standard output is a terminal.
func newShell(io stdio, f almanac.Format) *shell.Shell {
	sh := &shell.Shell{
		Out:    io.out,
		Err:    io.err,
		Format: f,
		Color:  isTerminal(io.out) && os.Getenv("NO_COLOR") == "" && os.Getenv("TERM") != "dumb",
		Open: func(path string, readOnly bool) (shell.DB, error) {
			if isServerURL(path) {
				return almanac.Dial(context.Background(), path, nil)
			}
			db, err := almanac.Open(path, &almanac.Options{ReadOnly: readOnly})
			if err != nil {
				return nil, err
			}
			return db, nil
		},
		Ingest: ingestInto,
	}
	if out, ok := io.out.(*os.File); ok && isTerminal(out) {
		sh.Size = func() (int, int) {
			w, h, err := term.GetSize(int(out.Fd()))
			if err != nil {
				return 0, 0
			}
			return w, h
		}
		if p := pagerCommand(os.LookupEnv); p != "" {
			sh.Page = func(text []byte) error { return page(p, text, out, io.err) }
		}
	}
	return sh
}

// pagerCommand returns the command that pages long results: $PAGER, else
// less -S (long lines scroll sideways rather than wrap) when there is a
// less; "" for none, as when PAGER is set empty or to cat.
func pagerCommand(lookup func(string) (string, bool)) string {
	if p, ok := lookup("PAGER"); ok {
		if f := strings.Fields(p); len(f) == 0 || f[0] == "cat" {
			return ""
		}
		return p
	}
	if _, err := exec.LookPath("less"); err == nil {
		return "less -S"
	}
	return ""
}

// page runs the pager on text, showing it on out. less gets LESS=FRX
// unless LESS is set: it leaves at once when the text fits, shows
// colour, and leaves the text on the screen. Ctrl-C goes to the pager,
// not to this process.
func page(pager string, text []byte, out *os.File, errs io.Writer) error {
	cmd := exec.Command("sh", "-c", pager)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = bytes.NewReader(text), out, errs
	cmd.Env = os.Environ()
	if _, ok := os.LookupEnv("LESS"); !ok {
		cmd.Env = append(cmd.Env, "LESS=FRX")
	}
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt)
	defer signal.Stop(sig)
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("%s: %w", pager, err)
	}
	return nil
}

// isServerURL reports whether a database name is a server's address.
func isServerURL(path string) bool {
	return strings.HasPrefix(path, "http://") || strings.HasPrefix(path, "https://")
}

// ingestInto is the REPL's .ingest: db is an *almanac.DB open read-write,
// or a server's client.
func ingestInto(ctx context.Context, db shell.DB, paths []string, w io.Writer) error {
	opts := almanac.IngestOptions{Report: func(r almanac.IngestReport) {
		if r.Err != nil {
			fmt.Fprintf(w, "error: %v\n", r.Err)
		}
	}}
	var sum almanac.IngestSummary
	var err error
	switch db := db.(type) {
	case *almanac.DB:
		sum, err = db.IngestFiles(ctx, paths, &opts)
	case *almanac.Client:
		sum, err = db.Ingest(ctx, paths, opts)
	default:
		return fmt.Errorf("ingest: unexpected database %T", db)
	}
	fmt.Fprintf(w, "ingested %s\n", sum)
	if errors.Is(err, almanac.ErrIngestFailed) {
		return errors.New("some articles could not be ingested")
	}
	return err
}
