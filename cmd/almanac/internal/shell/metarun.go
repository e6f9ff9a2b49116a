package shell

import (
	"context"
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"

	"github.com/almanacdb/almanac"
)

// meta runs the meta-command line (g holds just that line).
func (s *Shell) meta(ctx context.Context, line string, g group) {
	cmd, name, arg := parseMeta(line)
	fail := func(format string, args ...any) {
		s.fail(g.src, g.segs[0].line, fmt.Errorf(format, args...))
	}
	if cmd == nil {
		if p, ok := metaPointers[strings.ToLower(name)]; ok {
			s.status("%s", p)
			return
		}
		if m := suggestMeta(name); m != "" {
			fail("unknown command .%s: did you mean %s? (.help lists them)", name, m)
			return
		}
		fail("unknown command .%s (.help lists them)", name)
		return
	}
	usage := func() { fail("usage: .%s %s", cmd.name, cmd.usage) }
	if cmd.args == argChoice && cmd.choices != nil && arg != "" && !slices.Contains(cmd.choices, strings.ToLower(arg)) {
		if _, err := almanac.ParseFormat(arg); cmd.name != "mode" || err != nil {
			usage()
			return
		}
	}
	onOff := func(v *bool, what string) {
		switch strings.ToLower(arg) {
		case "on":
			*v = true
		case "off":
			*v = false
		}
		s.status("%s is %s", what, map[bool]string{true: "on", false: "off"}[*v])
	}
	switch cmd.name {
	case "help":
		if err := writeHelp(s.Out, arg); err != nil {
			fail("%v", err)
		}
	case "mode":
		if arg == "" {
			s.status("mode is %s", s.Format)
			return
		}
		f, err := almanac.ParseFormat(arg)
		if err != nil {
			fail("%v", err)
			return
		}
		s.Format = f
	case "headers":
		on := !s.noHeaders
		onOff(&on, "headers")
		s.noHeaders = !on
	case "timer":
		onOff(&s.timer, "timer")
	case "bail":
		onOff(&s.Bail, "bail")
	case "explain":
		if arg != "" {
			onOff(&s.explain, "explain")
			return
		}
		if s.last == nil {
			fail("no query to explain yet (.explain on explains every query)")
			return
		}
		ctx, done := s.operation(ctx)
		defer done()
		if err := s.write(ctx, s.last.Explanation(), true); err != nil {
			fail("%v", err)
		}
	case "output", "once":
		if arg == "" && cmd.name == "once" {
			usage()
			return
		}
		s.closeOutput()
		if arg == "" || arg == "stdout" {
			return
		}
		f, err := os.Create(arg)
		if err != nil {
			fail("%v", err)
			return
		}
		s.output, s.once = f, cmd.name == "once"
	case "last":
		if arg != "" {
			usage()
			return
		}
		if s.last == nil {
			fail("no result yet")
			return
		}
		ctx, done := s.operation(ctx)
		defer done()
		if err := s.write(ctx, s.last, true); err != nil {
			fail("%v", err)
		}
	case "chart":
		s.chart(ctx, arg, g)
	case "open":
		if arg == "" {
			usage()
			return
		}
		s.open(arg, g)
	case "ingest":
		if arg == "" {
			usage()
			return
		}
		s.ingest(ctx, strings.Fields(arg), g)
	case "read":
		if arg == "" {
			usage()
			return
		}
		f, err := os.Open(arg)
		if err != nil {
			fail("%v", err)
			return
		}
		defer f.Close()
		if err := s.Run(ctx, NewPlain(f, nil), arg, 1); err != nil {
			fail("%v", err)
		}
	case "quit":
		s.stop = true
	}
}

// chart draws the last result, or arg's query's, as a chart.
func (s *Shell) chart(ctx context.Context, arg string, g group) {
	bars := false
	if word, rest, _ := strings.Cut(arg, " "); slices.Contains(chartStyles, strings.ToLower(word)) {
		bars = strings.EqualFold(word, "bar")
		arg = strings.TrimSpace(rest)
	}
	res := s.last
	if arg != "" {
		// The query starts after ".chart [style] " on the line; errors
		// point into it there.
		p := piece{text: arg, off: strings.LastIndex(g.text, arg)}
		ctx, done := s.operation(ctx)
		r, err := s.query(ctx, arg)
		done()
		if err != nil {
			s.queryError(err, g, p)
			return
		}
		res, s.last = r, r
	}
	if res == nil {
		s.fail(g.src, g.segs[0].line, errors.New("no result to chart yet (try: metric high_tech_enterprises by year, then .chart)"))
		return
	}
	spec, err := chartOf(res)
	if err != nil {
		s.fail(g.src, g.segs[0].line, err)
		return
	}
	spec.bars = bars
	spec.color = s.Color && s.toTerminal()
	spec.width, spec.height = 80, 12
	if s.toTerminal() {
		if w, h := s.Size(); w > 0 {
			spec.width = w
			spec.height = min(max(h/2, 8), 14)
		}
	}
	defer s.endOnce()
	if err := drawChart(s.results(), spec); err != nil {
		s.fail(g.src, g.segs[0].line, fmt.Errorf("chart: %w", err))
	}
}

// open replaces the database with the one at path, read-only.
func (s *Shell) open(path string, g group) {
	if s.Open == nil {
		s.fail(g.src, g.segs[0].line, errors.New(".open is not available here"))
		return
	}
	if _, err := os.Stat(path); err != nil {
		s.fail(g.src, g.segs[0].line, fmt.Errorf("open %s: %w (almanac ingest --db %s DIR creates one)", path, errors.Unwrap(err), path))
		return
	}
	db, err := s.Open(path, true)
	if err != nil {
		s.fail(g.src, g.segs[0].line, err)
		return
	}
	s.Close()
	s.SetDB(db)
	s.last, s.lastInput = nil, nil
	s.status("opened %s", path)
}

// ingest adds articles: the shell holds the database read-only, so it
// reopens it read-write for the ingest and read-only again after.
func (s *Shell) ingest(ctx context.Context, paths []string, g group) {
	if s.Open == nil || s.Ingest == nil || s.db == nil {
		s.fail(g.src, g.segs[0].line, errors.New(".ingest needs an open database"))
		return
	}
	path := s.db.Path()
	s.Close()
	defer func() {
		db, err := s.Open(path, true)
		if err != nil {
			s.fail(g.src, g.segs[0].line, fmt.Errorf("reopen %s: %w", path, err))
			return
		}
		s.SetDB(db)
	}()
	rw, err := s.Open(path, false)
	if err != nil {
		s.fail(g.src, g.segs[0].line, err)
		return
	}
	ctx, done := s.operation(ctx)
	err = s.Ingest(ctx, rw, paths, s.Err)
	done()
	if cerr := rw.Close(); err == nil && cerr != nil {
		err = cerr
	}
	if err != nil {
		s.fail(g.src, g.segs[0].line, err)
	}
}
