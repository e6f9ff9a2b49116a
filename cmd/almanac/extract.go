package main

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"github.com/almanacdb/almanac"
)

func init() {
	commands = append(commands, command{"extract", "[--published DATE] [--aliases FILE] [--format text|jsonl] [--tree] FILE",
		"show the facts of one file's articles and the rules behind each, storing nothing", cmdExtract})
}

// tracedFact is a fact as "extract --format jsonl" writes it.
type tracedFact struct {
	Document  string  `json:"document"`
	Entity    string  `json:"entity"`
	Metric    string  `json:"metric"`
	Year      int     `json:"year"`
	Period    string  `json:"period"`
	Value     float64 `json:"value"`
	Unit      string  `json:"unit"`
	Qualifier string  `json:"qualifier"`
	Status    string  `json:"status"`
	Number    string  `json:"number"` // the figure as written
	Sentence  string  `json:"sentence"`
	Rules     struct {
		Entity string `json:"entity"`
		Metric string `json:"metric"`
		Year   string `json:"year"`
		Period string `json:"period"`
		Status string `json:"status"`
		Change string `json:"change,omitempty"`
	} `json:"rules"`
	Detail string `json:"detail,omitempty"`
}

func cmdExtract(ctx context.Context, args []string, io stdio) int {
	fs := newFlags("extract", io)
	published := fs.String("published", "", "publication `date` (YYYY-MM-DD) for articles that carry none")
	aliases := fs.String("aliases", "", "entity alias `file` (lines 'Alias = Canonical name')")
	format := fs.String("format", "text", "output `format`: text or jsonl")
	trees := fs.Bool("tree", false, "also print the dependency tree of each sentence with figures (text format)")
	pos, status, ok := parseFlags(fs, args)
	if !ok {
		return status
	}
	if len(pos) != 1 {
		fmt.Fprintln(io.err, "almanac extract: want one FILE (or - for standard input)")
		fs.Usage()
		return exitUsage
	}
	if *format != "text" && *format != "jsonl" {
		fmt.Fprintf(io.err, "almanac extract: unknown format %q (want text or jsonl)\n", *format)
		return exitUsage
	}
	var opts almanac.IngestOptions
	opts.Stdin = io.in
	if *published != "" {
		t, ok := almanac.ParseDate(*published)
		if !ok {
			fmt.Fprintf(io.err, "almanac extract: --published %q is not a date (want YYYY-MM-DD)\n", *published)
			return exitUsage
		}
		opts.Published = t
	}
	if *aliases != "" {
		lookup, err := almanac.LoadAliases(*aliases)
		if err != nil {
			fmt.Fprintf(io.err, "almanac extract: %v\n", err)
			return exitFailed
		}
		opts.Aliases = lookup
	}
	// Nothing is stored, so a signal abandons the extraction where it is
	// (a huge article takes minutes) and the command ends at once.
	type extracted struct {
		docs []almanac.Extraction
		err  error
	}
	ch := make(chan extracted, 1)
	go func() {
		docs, err := almanac.ExtractFile(pos[0], &opts)
		ch <- extracted{docs, err}
	}()
	var docs []almanac.Extraction
	select {
	case <-ctx.Done():
		fmt.Fprintln(io.err, "almanac extract: interrupted")
		return exitFailed
	case x := <-ch:
		if x.err != nil {
			fmt.Fprintf(io.err, "almanac extract: %v\n", x.err)
			return exitFailed
		}
		docs = x.docs
	}
	failed := false
	enc := json.NewEncoder(io.out)
	for _, d := range docs {
		if ctx.Err() != nil {
			fmt.Fprintln(io.err, "almanac extract: interrupted")
			return exitFailed
		}
		if d.Err != nil {
			fmt.Fprintf(io.err, "almanac extract: %v\n", d.Err)
			failed = true
			continue
		}
		for _, w := range d.Warnings {
			fmt.Fprintf(io.err, "warning: %s: %s\n", d.Source, w)
		}
		if *format == "jsonl" {
			for i, f := range d.Facts {
				if err := enc.Encode(traced(d, i, f)); err != nil {
					fmt.Fprintf(io.err, "almanac extract: %v\n", err)
					return exitFailed
				}
			}
			continue
		}
		writeExtraction(io, d)
		if *trees {
			writeTrees(io, d)
		}
	}
	if failed {
		return exitFailed
	}
	return exitOK
}

func traced(d almanac.Extraction, i int, f almanac.Fact) tracedFact {
	t := tracedFact{
		Document: d.Source, Entity: f.Entity, Metric: f.Metric, Year: f.Year, Period: f.Period.String(),
		Value: f.Value, Unit: f.Unit, Qualifier: f.Qualifier.String(), Status: f.Status.String(),
		Number: d.Text[f.Start:f.End], Sentence: oneLine(f.Sentence),
	}
	if i < len(d.Traces) {
		r := d.Traces[i]
		t.Rules.Entity, t.Rules.Metric, t.Rules.Year, t.Rules.Period, t.Rules.Status, t.Rules.Change = r.Entity, r.Metric, r.Year, r.Period, r.Status, r.Change
		t.Detail = r.Detail
	}
	return t
}

// writeExtraction prints one article's facts for reading: each fact, the
// number as written, its sentence and the rules that decided it.
func writeExtraction(io stdio, d almanac.Extraction) {
	head := d.Source
	if d.Title != "" {
		head += ": " + strconv.Quote(oneLine(d.Title))
	}
	if !d.Published.IsZero() {
		head += " (published " + d.Published.Format("2006-01-02") + ")"
	} else {
		head += " (no publication date)"
	}
	fmt.Fprintf(io.out, "%s\n%d facts\n", head, len(d.Facts))
	for i, f := range d.Facts {
		fmt.Fprintf(io.out, "\n%d. %s | %s | %d %s | %s %s | %s | %s\n", i+1, f.Entity, f.Metric, f.Year, f.Period,
			formatValue(f.Value), f.Unit, f.Qualifier, f.Status)
		fmt.Fprintf(io.out, "   %q in: %s\n", d.Text[f.Start:f.End], oneLine(f.Sentence))
		if i < len(d.Traces) {
			r := d.Traces[i]
			rules := fmt.Sprintf("entity: %s; metric: %s; year: %s; period: %s; status: %s", r.Entity, r.Metric, r.Year, r.Period, r.Status)
			if r.Change != "" {
				rules += "; change: " + r.Change
			}
			fmt.Fprintf(io.out, "   rules: %s\n", rules)
		}
	}
	if len(d.Dropped) > 0 {
		fmt.Fprintf(io.out, "\nnumbers that are no facts:\n")
		for _, x := range d.Dropped {
			fmt.Fprintf(io.out, "   %q: %s\n", d.Text[x.Start:x.End], x.Reason)
		}
	}
}

// writeTrees prints the tree of each sentence with figures as CoNLL-U
// columns: index, form, lemma, tag, head (0 for the root) and relation.
func writeTrees(io stdio, d almanac.Extraction) {
	for _, t := range d.Trees {
		fmt.Fprintf(io.out, "\n# text = %s\n", oneLine(d.Text[t.Start:t.End]))
		for i, tok := range t.Tokens {
			fmt.Fprintf(io.out, "%d\t%s\t%s\t%s\t%d\t%s\n", i+1, tok.Form, tok.Lemma, tok.Tag, tok.Head+1, tok.Rel)
		}
	}
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// formatValue formats a value as query tables do.
func formatValue(v float64) string { return almanac.FormatNumber(v, false) }
