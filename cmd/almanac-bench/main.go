// Command almanac-bench measures Almanac end to end on a generated corpus
// and prints the figures DESIGN.md records:
//
//	go build -o /tmp/almanac ./cmd/almanac
//	go run ./cmd/almanac-bench -articles 10000 -bin /tmp/almanac
//	go run ./cmd/almanac-bench -facts 1000000 -bin /tmp/almanac
//	go run ./cmd/almanac-bench -facts 200000 -bin /tmp/almanac -sqlite sqlite3
//
// With -sqlite, it also loads the facts (almanac export --format csv)
// into an SQLite file with an index on (metric, entity, year) and times
// a fresh process answering the same lookup both ways, `almanac query
// 'metric M where entity = "E" by year'` and the sqlite3 command line
// selecting the year and value of those facts, and `almanac --version`
// (the process's start alone), runs interleaved (the order rotating),
// and reports the medians. -also adds almanac binaries to compare (a
// CGO_ENABLED=0 build, an older commit's); -reuse times the database an
// earlier run left in -dir instead of generating and ingesting again:
//
//	go run ./cmd/almanac-bench -facts 200000 -bin /tmp/almanac -dir /tmp/ab -sqlite sqlite3
//	go run ./cmd/almanac-bench -bin /tmp/almanac -also /tmp/almanac-static -dir /tmp/ab -reuse -sqlite sqlite3 -runs 301
//
// It generates articles (ingest/gen), ingests them (read, parse, extract,
// commit, fsync) with the almanac command given by -bin, or through the
// library without it, then times `metric X by year` for
// a rare and the most popular metric, a full-scan filter, a fresh
// `almanac query` process, and reports the file's bytes per fact.
//
// Everything it measures goes through the root package, as a program
// embedding Almanac would; its one other import is ingest/gen, the
// generator of its corpus.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"time"

	"github.com/almanacdb/almanac"
	"github.com/almanacdb/almanac/ingest/gen"
)

func main() {
	articles := flag.Int("articles", 10000, "articles to generate and ingest")
	facts := flag.Int("facts", 0, "generate articles until about this many facts (overrides -articles)")
	bin := flag.String("bin", "", "almanac binary for the fresh-process measurement (skipped if empty)")
	dir := flag.String("dir", "", "work directory (default: a temporary one, removed afterwards)")
	sqlite := flag.String("sqlite", "", "sqlite3 command line to compare a fresh process's lookup with (with -bin)")
	runs := flag.Int("runs", 101, "interleaved runs of each process for -sqlite")
	also := flag.String("also", "", "comma-separated almanac `binaries` timed beside -bin for -sqlite (a CGO_ENABLED=0 build, an older one)")
	reuse := flag.Bool("reuse", false, "with -dir and -sqlite: time the database an earlier run left in -dir, without generating or ingesting")
	flag.Parse()
	if *sqlite != "" && *bin == "" {
		fmt.Fprintln(os.Stderr, "almanac-bench: -sqlite needs -bin")
		os.Exit(2)
	}
	if *reuse && (*dir == "" || *sqlite == "") {
		fmt.Fprintln(os.Stderr, "almanac-bench: -reuse needs -dir and -sqlite")
		os.Exit(2)
	}
	bins := []string{*bin}
	if *also != "" {
		bins = append(bins, strings.Split(*also, ",")...)
	}
	var err error
	if *reuse {
		workDir = *dir
	} else {
		err = run(*articles, *facts, *bin, *dir, os.Stdout)
	}
	if err == nil && *sqlite != "" {
		err = versusSQLite(bins, *sqlite, *runs, os.Stdout)
	}
	if *dir == "" && workDir != "" {
		os.RemoveAll(workDir)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "almanac-bench:", err)
		os.Exit(1)
	}
}

// workDir is the benchmark's directory: -dir, or a temporary one that
// main removes at the end.
var workDir string

func run(articles, facts int, bin, dir string, out io.Writer) error {
	if dir == "" {
		d, err := os.MkdirTemp("", "almanac-bench")
		if err != nil {
			return err
		}
		dir = d
	}
	workDir = dir
	if facts > 0 {
		// The generator writes ~23 facts an article.
		articles = facts/23 + 1
	}
	corpus := filepath.Join(dir, "articles")
	os.RemoveAll(corpus)
	if err := gen.WriteDir(corpus, 1, articles); err != nil {
		return err
	}
	aliases := filepath.Join(dir, "aliases.txt")
	if err := os.WriteFile(aliases, gen.AliasFile(), 0o644); err != nil {
		return err
	}
	dbPath := filepath.Join(dir, "bench.db")
	os.Remove(dbPath)

	ctx := context.Background()
	// End to end is what a user runs: the almanac command when it is
	// given (it also tunes the collector for bulk loads), else the library.
	start := time.Now()
	how := "library"
	if bin != "" {
		how = "almanac ingest"
		out, err := exec.Command(bin, "ingest", "--quiet", "--aliases", aliases, "--db", dbPath, corpus).CombinedOutput()
		if err != nil {
			return fmt.Errorf("%s ingest: %v: %s", bin, err, strings.TrimSpace(string(out)))
		}
	} else {
		db, err := almanac.Open(dbPath, nil)
		if err != nil {
			return err
		}
		lookup, err := almanac.LoadAliases(aliases)
		if err != nil {
			return err
		}
		_, err = db.IngestFiles(ctx, []string{corpus}, &almanac.IngestOptions{Aliases: lookup})
		db.Close()
		if err != nil {
			return fmt.Errorf("ingest: %w", err)
		}
	}
	sec := time.Since(start).Seconds()
	db, err := almanac.Open(dbPath, &almanac.Options{ReadOnly: true})
	if err != nil {
		return err
	}
	defer db.Close()
	st, err := db.Stats()
	if err != nil {
		return err
	}
	var bytesIn int64
	filepath.WalkDir(corpus, func(_ string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if fi, err := d.Info(); err == nil {
				bytesIn += fi.Size()
			}
		}
		return nil
	})
	fmt.Fprintf(out, "machine: %s/%s, %d CPUs, %s\n\n", runtime.GOOS, runtime.GOARCH, runtime.NumCPU(), runtime.Version())
	fmt.Fprintf(out, "| measure | figure |\n|---|---|\n")
	fmt.Fprintf(out, "| corpus | %d articles, %.1f MB, %d facts |\n", st.Documents, float64(bytesIn)/1e6, st.Facts)
	fmt.Fprintf(out, "| ingest, end to end (%s, fsync on) | %.0f articles/s, %.2f MB/s, %.0f facts/s (%.2f s) |\n",
		how, float64(st.Documents)/sec, float64(bytesIn)/1e6/sec, float64(st.Facts)/sec, sec)

	rare, popular, err := pickMetrics(db)
	if err != nil {
		return err
	}
	for _, m := range []struct {
		label string
		e     almanac.CatalogEntry
	}{{"rare", rare}, {"popular", popular}} {
		q := "metric " + almanac.QuoteName(m.e.Name) + " by year"
		d, err := timeQuery(ctx, db, q)
		if err != nil {
			return err
		}
		fmt.Fprintf(out, "| `metric X by year`, %s metric (%d facts), in process | %s |\n", m.label, m.e.Count, d)
	}
	full := "count facts where value > 1000000"
	d, err := timeQuery(ctx, db, full)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "| full-scan filter `%s` | %s |\n", full, d)
	fmt.Fprintf(out, "| database | %.1f MB, %.0f bytes/fact |\n", float64(st.FileBytes)/1e6, float64(st.FileBytes)/float64(st.Facts))
	if bin != "" {
		d, err := timeProcess(bin, dbPath, "metric "+almanac.QuoteName(rare.Name)+" by year")
		if err != nil {
			return err
		}
		fmt.Fprintf(out, "| fresh process: `almanac query` (open, rare pivot, exit), median of 21 | %s |\n", d)
	}
	return nil
}

// pickMetrics returns the metric whose count is nearest 20 and the one
// with the most facts.
func pickMetrics(db *almanac.DB) (rare, popular almanac.CatalogEntry, err error) {
	ms, err := db.Metrics()
	if err != nil {
		return rare, popular, err
	}
	if len(ms) == 0 {
		return rare, popular, fmt.Errorf("no metrics")
	}
	rare, popular = ms[0], ms[0]
	for _, m := range ms {
		if abs(m.Count-20) < abs(rare.Count-20) {
			rare = m
		}
		if m.Count > popular.Count {
			popular = m
		}
	}
	return rare, popular, nil
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// timeQuery runs q repeatedly for about half a second and returns the
// mean time per run.
func timeQuery(ctx context.Context, db *almanac.DB, q string) (time.Duration, error) {
	if _, err := db.Query(ctx, q); err != nil { // warm up, and fail early
		return 0, fmt.Errorf("%s: %w", q, err)
	}
	n := 0
	start := time.Now()
	for time.Since(start) < 500*time.Millisecond || n < 5 {
		if _, err := db.Query(ctx, q); err != nil {
			return 0, err
		}
		n++
	}
	return time.Since(start) / time.Duration(n), nil
}

// timeProcess runs `bin query` 21 times and returns the median wall time.
func timeProcess(bin, dbPath, q string) (time.Duration, error) {
	var times []time.Duration
	for range 21 {
		start := time.Now()
		out, err := exec.Command(bin, "query", "--db", dbPath, q).CombinedOutput()
		if err != nil {
			return 0, fmt.Errorf("%s query: %v: %s", bin, err, strings.TrimSpace(string(out)))
		}
		times = append(times, time.Since(start))
	}
	slices.Sort(times)
	return times[len(times)/2], nil
}

// versusSQLite compares fresh almanac processes (each of bins) answering
// an indexed lookup, and starting to print their version, with the
// sqlite3 command line answering it from the same facts.
func versusSQLite(bins []string, sqlite string, runs int, out io.Writer) error {
	dbPath := filepath.Join(workDir, "bench.db")
	db, err := almanac.Open(dbPath, &almanac.Options{ReadOnly: true})
	if err != nil {
		return err
	}
	rare, _, err := pickMetrics(db)
	if err != nil {
		db.Close()
		return err
	}
	res, err := db.Query(context.Background(), "entities where metric = "+almanac.QuoteName(rare.Name)+" order by facts desc limit 1")
	if err != nil || res.Len() == 0 {
		db.Close()
		return fmt.Errorf("an entity of %s: %v", rare.Name, err)
	}
	entity := res.Row(0)[0].Str
	csvPath := filepath.Join(workDir, "facts.csv")
	f, err := os.Create(csvPath)
	if err != nil {
		db.Close()
		return err
	}
	n, err := db.Export(context.Background(), f, "csv")
	db.Close()
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	sqlPath := filepath.Join(workDir, "facts.sqlite")
	os.Remove(sqlPath)
	load := exec.Command(sqlite, sqlPath)
	load.Stdin = strings.NewReader(`CREATE TABLE facts(id INTEGER PRIMARY KEY, document TEXT, title TEXT, published TEXT,
  entity TEXT, metric TEXT, year INTEGER, period TEXT, value REAL, unit TEXT, qualifier TEXT, status TEXT,
  sentence TEXT, start INTEGER, "end" INTEGER);
.import --csv --skip 1 ` + csvPath + ` facts
CREATE INDEX facts_metric_entity_year ON facts(metric, entity, year);
ANALYZE;
`)
	if b, err := load.CombinedOutput(); err != nil {
		return fmt.Errorf("load sqlite: %v: %s", err, b)
	}
	q := fmt.Sprintf("metric %s where entity = %q by year", almanac.QuoteName(rare.Name), entity)
	sq := fmt.Sprintf("SELECT year, value FROM facts WHERE metric = '%s' AND entity = '%s' ORDER BY year;",
		strings.ReplaceAll(rare.Name, "'", "''"), strings.ReplaceAll(entity, "'", "''"))
	// Each almanac binary answers the lookup and, for what its start
	// alone costs, prints its version; then sqlite3.
	var cmds [][]string
	var labels []string
	for _, b := range bins {
		cmds = append(cmds, []string{b, "query", "--db", dbPath, q})
		labels = append(labels, fmt.Sprintf("`%s query '%s'`", b, q))
	}
	for _, b := range bins {
		cmds = append(cmds, []string{b, "--version"})
		labels = append(labels, fmt.Sprintf("`%s --version` (start and exit)", b))
	}
	cmds = append(cmds, []string{sqlite, sqlPath, sq})
	labels = append(labels, fmt.Sprintf("`sqlite3 facts.sqlite \"%s\"` (index on metric, entity, year)", sq))
	times := make([][]time.Duration, len(cmds))
	for i := range runs {
		for k := range cmds {
			j := (i + k) % len(cmds) // rotate which goes first
			c := cmds[j]
			start := time.Now()
			if b, err := exec.Command(c[0], c[1:]...).CombinedOutput(); err != nil {
				return fmt.Errorf("%s: %v: %s", c[0], err, b)
			}
			times[j] = append(times[j], time.Since(start))
		}
	}
	median := func(ts []time.Duration) time.Duration {
		slices.Sort(ts)
		return ts[len(ts)/2].Round(10 * time.Microsecond)
	}
	fmt.Fprintf(out, "\n%d facts; lookup of %s for %s (%d facts of the metric), %d interleaved runs each:\n\n", n, rare.Name, entity, rare.Count, runs)
	fmt.Fprintf(out, "| fresh process | median |\n|---|---|\n")
	for j, l := range labels {
		fmt.Fprintf(out, "| %s | %s |\n", l, median(times[j]))
	}
	return nil
}
