package shell

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/almanacdb/almanac"
)

// The prompts: the second, for the lines that continue a statement, lines
// up with the first.
const (
	Prompt             = "almanac> "
	ContinuationPrompt = "    ...> "
)

// DB is the database a Shell queries; *almanac.DB satisfies it.
type DB interface {
	// Query runs one statement; see almanac.DB.Query.
	Query(ctx context.Context, text string) (*almanac.Result, error)
	// Entities, Metrics and Units return the catalogues whose names
	// completion offers, or the error that kept them from being read.
	Entities() ([]almanac.CatalogEntry, error)
	Metrics() ([]almanac.CatalogEntry, error)
	Units() ([]almanac.CatalogEntry, error)
	// Path returns the database's file name.
	Path() string
	// Close releases the database.
	Close() error
}

// Shell runs statements and meta-commands read from Editors and writes
// their results. Set the exported fields, call SetDB, then Run; Close
// closes the database. A Shell is not safe for concurrent use.
type Shell struct {
	// Out receives results (unless .output sends them to a file), Err
	// errors and status lines (timer is on, Time: ...).
	Out, Err io.Writer
	// Format is the output format; .mode changes it.
	Format almanac.Format
	// Interactive is set for the REPL: long tables are cut at a screenful
	// (when there is no Page) and .last shows them whole; a line that
	// starts with a clause (by year) continues the statement before it.
	// In batch, json is written a line per statement.
	Interactive bool
	// Page, if set, shows a result longer than the screen (see Size)
	// through a pager; it returns when the pager is done.
	Page func(text []byte) error
	// CatchInterrupts makes Ctrl-C (SIGINT) cancel the running query or
	// ingest instead of ending the process.
	CatchInterrupts bool
	// Color allows ANSI escapes in output.
	Color bool
	// Bail stops at the first failed statement.
	Bail bool
	// Size returns the terminal's columns and rows, or zeros when output
	// is not a terminal. Nil means not a terminal.
	Size func() (width, height int)
	// Open opens the database at path, for .open (read-only) and .ingest
	// (read-write). Nil disables both.
	Open func(path string, readOnly bool) (DB, error)
	// Ingest adds the articles at paths to db, open read-write, and
	// writes a summary to w. Nil disables .ingest.
	Ingest func(ctx context.Context, db DB, paths []string, w io.Writer) error

	db        DB
	timer     bool
	explain   bool
	noHeaders bool
	last      *almanac.Result
	failures  int
	stop      bool
	names     map[nameKind][]string
	// lastInput is the last statement read at the REPL, which a line
	// starting with a clause continues.
	lastInput *group
	// output is the file .output or .once sends results to (nil for
	// Out); once is set for .once.
	output *os.File
	once   bool

	sigOnce sync.Once
	mu      sync.Mutex
	cancel  context.CancelFunc // of the running operation, for Ctrl-C
}

// SetDB makes db the database the shell queries; the shell closes it on
// Close or when .open replaces it.
func (s *Shell) SetDB(db DB) {
	s.db = db
	s.names = nil
}

// DB returns the open database, or nil.
func (s *Shell) DB() DB { return s.db }

// Close closes the database, and the file of .output if one is open.
func (s *Shell) Close() error {
	s.closeOutput()
	if s.db == nil {
		return nil
	}
	err := s.db.Close()
	s.db = nil
	return err
}

// Failures returns the number of statements that failed so far.
func (s *Shell) Failures() int { return s.failures }

// Fail reports err, a failure the caller met on the shell's behalf (a
// statement it could not pass on), as the shell reports its own: it is
// counted, and with Bail set it ends the session.
func (s *Shell) Fail(err error) {
	s.failures++
	if s.Bail {
		s.stop = true
	}
	fmt.Fprintln(s.Err, err)
}

// Stopped reports whether .quit, or a failure with Bail set, ended the
// session.
func (s *Shell) Stopped() bool { return s.stop }

// source is where statements come from: name is "" for the REPL and a
// file name (or "<stdin>", "query") otherwise.
type source struct {
	name string
}

// segment is one input line of a statement group.
type segment struct {
	off  int // where the line starts in the group's text
	line int // its line number in the source
	text string
}

// group is the text of one or more statements ending on the same line.
type group struct {
	src  source
	text string
	segs []segment
}

// Run reads lines from ed until the end of input or .quit, running
// statements as they are complete. name is the source's name for error
// messages, "" for the REPL, whose errors show no file and line;
// firstLine is the number of the first line read. Statement errors are
// written to Err and counted (see Failures); Run returns an error only
// when reading fails.
//
// A statement ends with its line unless a parenthesis or quote is open or
// the line ends with a token that needs more ("where", "and", ","...).
// In files, where the next line can be read ahead, a line that starts
// with a clause ("where", "by", "order"...) continues it too.
func (s *Shell) Run(ctx context.Context, ed Editor, name string, firstLine int) error {
	src := source{name: name}
	var (
		buf  strings.Builder
		segs []segment
		// A line read ahead, and the error reading it.
		peeked  *string
		peekErr error
	)
	reset := func() {
		buf.Reset()
		segs = nil
	}
	lineNo := firstLine - 1
	for !s.stop {
		// The caller's context (a signal to a batch) ends the session;
		// Ctrl-C at the REPL cancels only the statement (see operation).
		if ctx.Err() != nil {
			return nil
		}
		prompt := Prompt
		if buf.Len() > 0 {
			prompt = ContinuationPrompt
		}
		var line string
		var err error
		switch {
		case peeked != nil:
			line, peeked = *peeked, nil
		case peekErr != nil:
			err, peekErr = peekErr, nil
		default:
			line, err = ed.ReadLine(prompt)
		}
		switch {
		case errors.Is(err, ErrInterrupted):
			reset()
			continue
		case errors.Is(err, ErrLineTooLong):
			// The statement the line belonged to is lost with it.
			lineNo++
			reset()
			s.fail(src, lineNo, err)
			continue
		case errors.Is(err, io.EOF):
			// An unfinished statement at the end of a file is an error
			// to report; at the REPL, Ctrl-D leaves without it.
			if buf.Len() > 0 && name != "" {
				s.runGroup(ctx, group{src, buf.String(), segs})
			}
			return nil
		case err != nil:
			if name == "" {
				return fmt.Errorf("read input: %w", err)
			}
			return fmt.Errorf("read %s: %w", name, err)
		}
		lineNo++
		if buf.Len() == 0 {
			if almanac.Lex(line).Blank() {
				continue
			}
			if strings.HasPrefix(strings.TrimSpace(line), ".") {
				ed.AddHistory(line)
				s.meta(ctx, line, group{src, line, []segment{{0, lineNo, line}}})
				continue
			}
			if name == "" && s.lastInput != nil && almanac.Lex(line).Continues() {
				// At the REPL the statement above has run; a line such
				// as "by year" runs it again, continued, as a script
				// would have read the two lines.
				prev := s.lastInput
				buf.WriteString(prev.text)
				segs = append(segs, prev.segs...)
			}
		}
		if buf.Len() > 0 {
			// A string may not span lines, so a line that continues one
			// joins it with a space.
			if almanac.Lex(buf.String()).Open != 0 {
				buf.WriteByte(' ')
			} else {
				buf.WriteByte('\n')
			}
		}
		segs = append(segs, segment{buf.Len(), lineNo, line})
		buf.WriteString(line)
		if almanac.Lex(buf.String()).Incomplete() {
			continue
		}
		if name != "" {
			next, err := ed.ReadLine(ContinuationPrompt)
			if err != nil {
				peekErr = err
			} else {
				peeked = &next
				if almanac.Lex(next).Continues() {
					continue
				}
			}
		}
		ed.AddHistory(buf.String())
		g := group{src, buf.String(), segs}
		if name == "" {
			s.lastInput = lastStatement(g)
		}
		s.runGroup(ctx, g)
		reset()
	}
	return nil
}

// lastStatement returns g with only its last statement, which a REPL
// line that starts with a clause continues: the statements before it are
// blanked, keeping offsets and line breaks, so that positions in errors
// stay right. Nil if g holds no statement.
func lastStatement(g group) *group {
	spans := almanac.Lex(g.text).Statements()
	if len(spans) == 0 {
		return nil
	}
	last := spans[len(spans)-1]
	blank := []byte(g.text[:last.End])
	for i := range last.Start {
		if blank[i] != '\n' {
			blank[i] = ' '
		}
	}
	return &group{g.src, string(blank), g.segs}
}

// runGroup runs each statement of g.
func (s *Shell) runGroup(ctx context.Context, g group) {
	spans := almanac.Lex(g.text).Statements()
	for _, sp := range spans {
		if s.stop || ctx.Err() != nil {
			return
		}
		s.runQuery(ctx, g, piece{text: g.text[sp.Start:sp.End], off: sp.Start})
	}
}

// runQuery runs the statement p of g and writes its result: with
// .explain on, how it ran (to Err), then its rows. Ctrl-C (or the end of
// ctx) stops it in any phase, output included.
func (s *Shell) runQuery(ctx context.Context, g group, p piece) {
	text := strings.TrimSpace(p.text)
	start := time.Now()
	ctx, done := s.operation(ctx)
	defer done()
	res, err := s.query(ctx, text)
	if err != nil {
		s.queryError(err, g, p)
		return
	}
	elapsed := time.Since(start)
	s.last = res
	if s.explain && !startsWithExplain(text) {
		if err := res.Explanation().WriteContext(ctx, s.Err, almanac.Table, s.writeOptions(true)); err != nil {
			s.fail(g.src, s.lineOf(g, p), s.writeError(ctx, "write plan", err))
			return
		}
	}
	if err := s.write(ctx, res, false); err != nil {
		s.fail(g.src, s.lineOf(g, p), err)
		return
	}
	if s.timer {
		s.status("Time: %s", roundDuration(elapsed))
	}
}

// errCancelled is the error of a statement stopped by Ctrl-C or a signal.
var errCancelled = errors.New("query cancelled")

// status writes a line about the session, not a result, to Err.
func (s *Shell) status(format string, args ...any) {
	fmt.Fprintf(s.Err, format+"\n", args...)
}

// lineOf returns the line of g's source where the statement p starts.
func (s *Shell) lineOf(g group, p piece) int {
	return g.segs[0].line + strings.Count(g.text[:p.off], "\n")
}

// query runs text. Positions in errors refer to text. A cancelled ctx
// makes the error errCancelled.
func (s *Shell) query(ctx context.Context, text string) (*almanac.Result, error) {
	if s.db == nil {
		return nil, errors.New("no database is open (.open FILE opens one)")
	}
	res, err := s.db.Query(ctx, text)
	if err != nil && ctx.Err() != nil && errors.Is(err, ctx.Err()) {
		return nil, errCancelled
	}
	return res, err
}

func startsWithExplain(text string) bool {
	toks := almanac.Lex(text).Tokens
	return len(toks) > 0 && toks[0].Kind == almanac.KeywordToken && toks[0].Text == "explain"
}

// piece is one statement of a line group.
type piece struct {
	text string
	off  int // byte offset of text in the group
}

func roundDuration(d time.Duration) time.Duration {
	switch {
	case d > time.Second:
		return d.Round(time.Millisecond)
	case d > time.Millisecond:
		return d.Round(10 * time.Microsecond)
	}
	return d.Round(time.Microsecond)
}

// toTerminal reports whether results go to the terminal (not to a file
// of .output, not to a pipe).
func (s *Shell) toTerminal() bool { return s.output == nil && s.Size != nil }

// writeOptions returns how results are written now: fitted to the
// terminal and in colour when they go to it, with .headers, json a line
// a statement in batch. errs is set for what goes to Err.
func (s *Shell) writeOptions(errs bool) almanac.WriteOptions {
	o := almanac.WriteOptions{NoHeaders: s.noHeaders, Compact: !s.Interactive}
	if s.toTerminal() || errs && s.Size != nil {
		o.Color = s.Color
		o.Width, _ = s.Size()
	}
	return o
}

// results returns where results go: Out, or the file of .output.
func (s *Shell) results() io.Writer {
	if s.output != nil {
		return s.output
	}
	return s.Out
}

// writeError is the error of writing what: errCancelled when ctx was
// cancelled (Ctrl-C during the output), err wrapped otherwise.
func (s *Shell) writeError(ctx context.Context, what string, err error) error {
	if ctx.Err() != nil && errors.Is(err, ctx.Err()) {
		return errCancelled
	}
	return fmt.Errorf("%s: %w", what, err)
}

// write writes res in the current format. On a terminal, a result longer
// than the screen goes through the pager; without one, the REPL cuts it
// at a screenful unless full is set, and .last shows it whole. A
// cancelled ctx stops it with errCancelled.
func (s *Shell) write(ctx context.Context, res *almanac.Result, full bool) error {
	defer s.endOnce()
	opts := s.writeOptions(false)
	var buf bytes.Buffer
	if err := res.WriteContext(ctx, &buf, s.Format, opts); err != nil {
		return s.writeError(ctx, "write result", err)
	}
	height := 0
	if s.toTerminal() {
		_, height = s.Size()
	}
	// The screen holds the result and the prompt after it.
	long := height > 0 && screenLines(buf.Bytes(), opts.Width) > height-1
	switch {
	case long && s.Page != nil:
		if err := s.Page(buf.Bytes()); err != nil {
			return fmt.Errorf("pager: %w", err)
		}
		return nil
	case long && s.Interactive && !full && s.Format == almanac.Table:
		opts.MaxLines = max(height-2, 5) // and the line that says how to see the rest
		buf.Reset()
		if err := res.WriteContext(ctx, &buf, s.Format, opts); err != nil {
			return s.writeError(ctx, "write result", err)
		}
		fmt.Fprintln(&buf, s.dim("(.last shows them all)"))
	}
	if err := ctx.Err(); err != nil {
		return errCancelled
	}
	if _, err := s.results().Write(buf.Bytes()); err != nil {
		return fmt.Errorf("write result: %w", err)
	}
	return nil
}

// screenLines counts the terminal lines text takes at width columns
// (lines longer than the width wrap).
func screenLines(text []byte, width int) int {
	n := 0
	for _, line := range bytes.Split(bytes.TrimSuffix(text, []byte("\n")), []byte("\n")) {
		w := utf8.RuneCount(line)
		if width <= 0 || w <= width {
			n++
			continue
		}
		n += (w + width - 1) / width
	}
	return n
}

// endOnce ends a .once: results go back where they went before.
func (s *Shell) endOnce() {
	if s.once {
		s.closeOutput()
	}
}

// closeOutput sends results to Out again, closing the file of .output.
func (s *Shell) closeOutput() {
	if s.output != nil {
		if err := s.output.Close(); err != nil {
			s.fail(source{}, 0, fmt.Errorf("close %s: %w", s.output.Name(), err))
		}
	}
	s.output, s.once = nil, false
}

// operation returns a context that Ctrl-C cancels while the operation
// runs, when CatchInterrupts is set; done ends the operation.
func (s *Shell) operation(ctx context.Context) (context.Context, func()) {
	if !s.CatchInterrupts {
		return ctx, func() {}
	}
	s.sigOnce.Do(func() {
		// Caught for the whole session: at the prompt the terminal sends
		// no SIGINT (the line editor reads Ctrl-C as a key), and between
		// operations one must not end the process either.
		sig := make(chan os.Signal, 1)
		signal.Notify(sig, os.Interrupt)
		go func() {
			for range sig {
				s.mu.Lock()
				if s.cancel != nil {
					s.cancel()
				}
				s.mu.Unlock()
			}
		}()
	})
	ctx, cancel := context.WithCancel(ctx)
	s.mu.Lock()
	s.cancel = cancel
	s.mu.Unlock()
	return ctx, func() {
		s.mu.Lock()
		s.cancel = nil
		s.mu.Unlock()
		cancel()
	}
}

// queryError reports the error of statement p of g: at each position, in
// the source's terms (file, line and column, and the line with a caret).
func (s *Shell) queryError(err error, g group, p piece) {
	var list almanac.ErrorList
	var one *almanac.Error
	var errs []*almanac.Error
	switch {
	case errors.As(err, &list):
		errs = list
	case errors.As(err, &one):
		errs = []*almanac.Error{one}
	default:
		s.fail(g.src, g.segs[0].line+strings.Count(g.text[:p.off], "\n"), err)
		return
	}
	s.failures++
	if s.Bail {
		s.stop = true
	}
	for _, e := range errs {
		off := p.off + offsetOf(p.text, e.Pos.Line, e.Pos.Column)
		seg := g.segs[0]
		for _, sg := range g.segs {
			if sg.off <= off {
				seg = sg
			}
		}
		rel := min(max(off-seg.off, 0), len(seg.text))
		col := utf8.RuneCountInString(seg.text[:rel]) + 1
		caret := almanac.Caret(seg.text, &almanac.Error{Pos: almanac.Pos{Line: 1, Column: col}, Msg: e.Msg})
		if g.src.name == "" {
			fmt.Fprintf(s.Err, "%s %s\n%s\n", s.red("error:"), e.Msg, indent(caret))
		} else {
			fmt.Fprintf(s.Err, "%s:%d:%d: %s\n%s\n", g.src.name, seg.line, col, e.Msg, indent(caret))
		}
	}
}

// offsetOf returns the byte offset of the 1-based line and column (in
// runes) in text, clamped to text.
func offsetOf(text string, line, col int) int {
	off := 0
	for l := 1; l < line; l++ {
		i := strings.IndexByte(text[off:], '\n')
		if i < 0 {
			return len(text)
		}
		off += i + 1
	}
	for c := 1; c < col && off < len(text) && text[off] != '\n'; c++ {
		_, n := utf8.DecodeRuneInString(text[off:])
		off += n
	}
	return off
}

func indent(s string) string {
	if s == "" {
		return ""
	}
	return "  " + strings.ReplaceAll(s, "\n", "\n  ")
}

// fail reports an error without a position in a statement, at line (0
// for none) of src, and counts it.
func (s *Shell) fail(src source, line int, err error) {
	s.failures++
	if s.Bail {
		s.stop = true
	}
	switch {
	case src.name == "":
		fmt.Fprintf(s.Err, "%s %v\n", s.red("error:"), err)
	case line > 0:
		fmt.Fprintf(s.Err, "%s:%d: %v\n", src.name, line, err)
	default:
		fmt.Fprintf(s.Err, "%s: %v\n", src.name, err)
	}
}

func (s *Shell) red(text string) string {
	if !s.Color {
		return text
	}
	return "\x1b[1;31m" + text + ansiReset
}

func (s *Shell) dim(text string) string {
	if !s.Color {
		return text
	}
	return "\x1b[2m" + text + ansiReset
}

// Complete completes the word at pos (in runes) in line: keywords,
// meta-commands and their arguments, and the names of the open
// database's metrics, entities and units. It has liner.WordCompleter's
// signature.
func (s *Shell) Complete(line string, pos int) (head string, candidates []string, tail string) {
	return completer{names: s.catalogue}.complete(line, pos)
}

// catalogue returns the names of kind in the open database, read once
// per database.
func (s *Shell) catalogue(kind nameKind) []string {
	if s.db == nil {
		return nil
	}
	if s.names == nil {
		// Completion offers what it can read: a catalogue that fails
		// offers nothing, and the next query reports the failure.
		s.names = map[nameKind][]string{}
		for k, read := range map[nameKind]func() ([]almanac.CatalogEntry, error){
			metricNames: s.db.Metrics, entityNames: s.db.Entities, unitNames: s.db.Units,
		} {
			entries, _ := read()
			for _, e := range entries {
				s.names[k] = append(s.names[k], e.Name)
				s.names[k] = append(s.names[k], e.Aliases...)
			}
		}
	}
	if _, ok := s.names[kind]; !ok && (kind == documentNames || kind == yearNames) {
		// Read when first asked for: the documents may be many.
		stmt, col := "documents", "document"
		if kind == yearNames {
			stmt, col = "years", "year"
		}
		s.names[kind] = nil
		if res, err := s.db.Query(context.Background(), stmt); err == nil {
			if i := res.Column(col); i >= 0 {
				for row := range res.Rows() {
					s.names[kind] = append(s.names[kind], row[i].String())
				}
			}
		}
	}
	return s.names[kind]
}
