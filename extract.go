package almanac

import (
	"time"

	"github.com/almanacdb/almanac/ingest"
	"github.com/almanacdb/almanac/ingest/extract"
	"github.com/almanacdb/almanac/store"
)

// Fact is one reported figure: entity, metric, year, period, value, unit,
// qualifier, status, and the sentence and byte span it came from.
type Fact = store.Fact

// Trace names the extraction rules that decided a fact's entity, metric,
// year, period, status and change.
type Trace = extract.Trace

// Dropped is a number of an article that became no fact, and why.
type Dropped = extract.Dropped

// Tree is a sentence's tokens with their part-of-speech tags, lemmas and
// dependency arcs (Universal Dependencies labels) as the fact rules read
// them, after the extractor's repairs.
type Tree = extract.Tree

// Extraction is what extracting one article found, stored nowhere.
type Extraction struct {
	Source    string    // the document's name
	Title     string    // its headline, "" if none
	Published time.Time // its publication date, zero if none
	Text      string    // the text the facts' offsets point into
	Facts     []Fact
	Traces    []Trace // Traces[i] explains Facts[i]
	Dropped   []Dropped
	Trees     []Tree // one per sentence with figures
	Warnings  []string
	Err       error // why the article could not be read
}

// ExtractFile reads the articles of one file (plain text, HTML or JSON
// lines; "-" for opts.Stdin) and extracts their facts with the rules
// behind each, without storing anything: how a user or a developer sees
// why a fact came out. Only opts.Published, opts.Aliases and opts.Stdin
// are used.
func ExtractFile(path string, opts *IngestOptions) ([]Extraction, error) {
	traced, err := ingest.Trace(path, deref(opts))
	if err != nil {
		return nil, err
	}
	out := make([]Extraction, len(traced))
	for i, t := range traced {
		out[i] = Extraction{
			Source: t.Article.Source, Title: t.Article.Title, Published: t.Article.Published, Text: t.Article.Text,
			Facts: t.Facts, Traces: t.Traces, Dropped: t.Dropped, Trees: t.Trees, Warnings: t.Warnings, Err: t.Err,
		}
	}
	return out, nil
}
