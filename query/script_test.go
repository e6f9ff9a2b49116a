package query_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/almanacdb/almanac/query"
	"github.com/almanacdb/almanac/query/syntax"
	"github.com/almanacdb/almanac/store"
	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite the expected output in testdata/*.txt")

// Script files (testdata/*.txt) hold a database and queries with their
// expected output:
//
//	# comments before the first section
//	-- facts --
//	{"document": "a.txt", "title": "...", "published": "2021-04-29"}
//	{"entity": "Harbin", "metric": "gdp", "year": 2020, "value": 1e9, "unit": "CNY",
//	 "sentence": "Harbin's GDP was 1 billion yuan.", "number": "1 billion"}
//	-- query: metric gdp by year --
//	expected table output
//	-- query json: metric gdp by year --
//	expected json output
//
// A document line starts a document; the fact lines after it are its
// facts (period year, qualifier exact, status actual and unit count unless
// given). A fact's sentence joins the document's text; "number" is the
// text of the number within it (default: the value as written by Go).
// A query header may name a format (table, json, jsonl, csv, tsv,
// markdown, line) and options maxrows=N, maxlines=N, width=N, noheaders
// and color. Errors print as "error: ..." with the
// caret line. go test ./query -update rewrites the expected outputs.

type scriptBlock struct {
	header string // the whole header line
	format query.Format
	opts   query.WriteOptions
	query  string
	body   string
}

type script struct {
	preamble string
	facts    string
	blocks   []*scriptBlock
}

func parseScript(t *testing.T, text string) *script {
	t.Helper()
	s := &script{}
	bufs := map[*scriptBlock]*strings.Builder{}
	var cur *strings.Builder
	var pre, facts strings.Builder
	cur = &pre
	for _, line := range strings.SplitAfter(text, "\n") {
		trimmed := strings.TrimRight(line, "\n")
		if strings.HasPrefix(trimmed, "-- ") && strings.HasSuffix(trimmed, " --") {
			inner := strings.TrimSuffix(strings.TrimPrefix(trimmed, "-- "), " --")
			if inner == "facts" {
				cur = &facts
				continue
			}
			head, q, ok := strings.Cut(inner, ":")
			words := strings.Fields(head)
			if !ok || len(words) == 0 || words[0] != "query" {
				t.Fatalf("bad section header %q", trimmed)
			}
			b := &scriptBlock{header: trimmed, query: strings.TrimSpace(q)}
			for _, w := range words[1:] {
				switch {
				case w == "color":
					b.opts.Color = true
				case strings.HasPrefix(w, "maxrows="):
					b.opts.MaxRows, _ = strconv.Atoi(strings.TrimPrefix(w, "maxrows="))
				case strings.HasPrefix(w, "width="):
					b.opts.Width, _ = strconv.Atoi(strings.TrimPrefix(w, "width="))
				case strings.HasPrefix(w, "maxlines="):
					b.opts.MaxLines, _ = strconv.Atoi(strings.TrimPrefix(w, "maxlines="))
				case w == "noheaders":
					b.opts.NoHeaders = true
				default:
					f, err := query.ParseFormat(w)
					if err != nil {
						t.Fatalf("%s: %v", trimmed, err)
					}
					b.format = f
				}
			}
			s.blocks = append(s.blocks, b)
			cur = &strings.Builder{}
			bufs[b] = cur
			continue
		}
		cur.WriteString(line)
	}
	s.preamble, s.facts = pre.String(), facts.String()
	for _, b := range s.blocks {
		b.body = bufs[b].String()
	}
	return s
}

// loadFacts builds documents from a facts section.
func loadFacts(t testing.TB, text string) []store.DocFacts {
	t.Helper()
	var docs []store.DocFacts
	base := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	sc := bufio.NewScanner(strings.NewReader(text))
	sc.Buffer(nil, 1<<20)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		var m struct {
			Document, Title, Published, Byline string
			Entity, Metric, Unit               string
			Year                               int
			Period, Qualifier, Status          string
			Value                              float64
			Sentence, Number                   string
			Aliases                            []string
		}
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			t.Fatalf("facts line %d: %v", n, err)
		}
		if m.Document != "" {
			d := store.DocFacts{Doc: store.Document{Source: m.Document, Title: m.Title, Byline: m.Byline,
				Ingested: base.Add(time.Duration(len(docs)) * time.Hour)}}
			if m.Published != "" {
				p, err := time.Parse("2006-01-02", m.Published)
				if err != nil {
					t.Fatalf("facts line %d: %v", n, err)
				}
				d.Doc.Published = p
			}
			docs = append(docs, d)
			continue
		}
		if len(docs) == 0 {
			t.Fatalf("facts line %d: a fact before any document", n)
		}
		d := &docs[len(docs)-1]
		f := store.Fact{Entity: m.Entity, Metric: m.Metric, Year: m.Year, Value: m.Value, Unit: m.Unit}
		if f.Unit == "" {
			f.Unit = "count"
		}
		var err error
		if m.Period != "" {
			if f.Period, err = store.ParsePeriod(m.Period); err != nil {
				t.Fatalf("facts line %d: %v", n, err)
			}
		}
		if m.Qualifier != "" {
			if f.Qualifier, err = store.ParseQualifier(m.Qualifier); err != nil {
				t.Fatalf("facts line %d: %v", n, err)
			}
		}
		if m.Status != "" {
			if f.Status, err = store.ParseStatus(m.Status); err != nil {
				t.Fatalf("facts line %d: %v", n, err)
			}
		}
		if m.Sentence == "" {
			m.Sentence = fmt.Sprintf("%s %s was %v in %d.", m.Entity, m.Metric, m.Value, m.Year)
		}
		if m.Number == "" {
			m.Number = strconv.FormatFloat(m.Value, 'f', -1, 64)
		}
		text := d.Doc.Text
		start := strings.Index(text, m.Sentence)
		if start < 0 {
			if text != "" {
				text += " "
			}
			start = len(text)
			text += m.Sentence
			d.Doc.Text = text
		}
		i := strings.Index(m.Sentence, m.Number)
		if i < 0 {
			t.Fatalf("facts line %d: number %q not in sentence %q", n, m.Number, m.Sentence)
		}
		f.SentenceStart, f.SentenceEnd = start, start+len(m.Sentence)
		f.Start, f.End = start+i, start+i+len(m.Number)
		d.Facts = append(d.Facts, f)
		if len(m.Aliases) > 0 {
			if d.Aliases == nil {
				d.Aliases = map[string][]string{}
			}
			d.Aliases[m.Entity] = append(d.Aliases[m.Entity], m.Aliases...)
		}
	}
	return docs
}

// openDB returns a new database in a temporary directory holding docs.
func openDB(t testing.TB, docs []store.DocFacts) *store.DB {
	t.Helper()
	db, err := store.Open(filepath.Join(t.TempDir(), "q.db"), &store.Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if len(docs) > 0 {
		res, err := db.Put(docs)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range res {
			if r.Err != nil {
				t.Fatalf("put %s: %v", r.Source, r.Err)
			}
		}
	}
	return db
}

// runQuery runs text and renders its output or error as a script shows it.
func runQuery(db *store.DB, text string, f query.Format, o query.WriteOptions) string {
	res, err := query.Run(context.Background(), db, text)
	if err != nil {
		var list syntax.ErrorList
		if !errors.As(err, &list) {
			list = nil
		}
		out := ""
		if len(list) > 1 {
			for _, e := range list {
				out += "error: " + e.Error() + "\n"
			}
		} else {
			out = "error: " + err.Error() + "\n"
		}
		if c := syntax.Caret(text, err); c != "" {
			out += c + "\n"
		}
		return out
	}
	var b bytes.Buffer
	if err := res.Write(&b, f, o); err != nil {
		return "write error: " + err.Error() + "\n"
	}
	return b.String()
}

func TestScripts(t *testing.T) {
	files, err := filepath.Glob("testdata/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no scripts: %v", err)
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txt"), func(t *testing.T) {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			s := parseScript(t, string(data))
			db := openDB(t, loadFacts(t, s.facts))
			var out strings.Builder
			out.WriteString(s.preamble)
			out.WriteString("-- facts --\n")
			out.WriteString(s.facts)
			for _, b := range s.blocks {
				got := runQuery(db, b.query, b.format, b.opts)
				if !*update {
					want := strings.TrimRight(b.body, "\n")
					if diff := cmp.Diff(want, strings.TrimRight(got, "\n")); diff != "" {
						t.Errorf("%s: output differs (-want +got):\n%s", b.header, diff)
					}
				}
				out.WriteString(b.header + "\n")
				out.WriteString(strings.TrimRight(got, "\n") + "\n\n")
			}
			if *update {
				if err := os.WriteFile(file, []byte(strings.TrimRight(out.String(), "\n")+"\n"), 0o644); err != nil {
					t.Fatal(err)
				}
			}
		})
	}
}
