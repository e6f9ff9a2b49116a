package shell

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/almanacdb/almanac"
)

// helpTopic is a page of .help.
type helpTopic struct {
	name, summary, text string
}

// helpTopics are the pages of .help TOPIC; every query form has one, with
// examples that run on the sample articles.
var helpTopics = []helpTopic{
	{"metric", "one metric as a table by year, entity...", `
metric NAME [where CONDITION] [by FIELD, ...] [order by KEY [desc], ...] [limit N]

  Without "by", lists the metric's facts; with "by", pivots its reconciled
  figures (one per entity, year, period and status) into a grid.

  metric high_tech_enterprises by year
  metric gdp where entity = Harbin by year
  metric "gdp" by entity, year
  metric high_tech_enterprises where year >= 2021 order by value desc limit 3
`},
	{"facts", "every fact, filtered", `
facts [where CONDITION] [by FIELD, ...] [order by KEY [desc], ...] [limit N]

  Lists facts of every metric with their sources.

  facts where entity = "Harbin New Area" and year = 2024
  facts where status = plan
  facts where value > 1e9 order by value desc limit 5
`},
	{"aggregates", functionList(", ", " and "), functionList("|", "|") + ` (metric NAME | facts) [where ...] [by FIELD, ...] ...

  Aggregates reconciled figures within each group of the "by" fields;
  growth computes the change from one year to the next.

  count facts by metric order by value desc limit 10
  sum metric gdp where year = 2023 by entity
  max metric high_tech_enterprises by entity
  growth metric high_tech_enterprises where entity = Harbin by year
`},
	{"where", "conditions on fields", `
FIELD = VALUE   FIELD != VALUE   FIELD < VALUE (<=, >, >=)
FIELD [not] in (VALUE, ...)      FIELD [not] like "TEXT" (a substring; * is any run)
conflict        (the fact's figure has sources that disagree)
CONDITION and CONDITION   CONDITION or CONDITION   not CONDITION   ( ... )

  Fields: entity metric year period value unit qualifier status document id
  Values are numbers, bare words (Harbin, Q1, plan, year, count) or quoted
  strings ("Harbin New Area").

  facts where year in (2021, 2022) and not period = Q1
  facts where entity like "harbin" and status = actual
  facts where conflict and metric = high_tech_enterprises
`},
	{"conflicts", "figures whose sources disagree", `
conflicts [where CONDITION] [order by KEY [desc], ...] [limit N]

  Lists each figure whose facts disagree by more than rounding (0.5 %),
  with every fact that states it: its value, qualifier, document and
  publication date, and which one the figure shows. limit counts figures.

  conflicts
  conflicts where metric = high_tech_enterprises
`},
	{"catalogues", "entities, metrics, years, documents, units", `
entities|metrics|years|documents|units [like "PATTERN"] [where CONDITION] [order by ...] [limit N]

  Lists what the knowledge base holds, with fact counts.

  metrics
  entities like "harbin"
  metrics where entity = Daqing
  documents
`},
	{"show", "one fact or document in full", `
show fact ID
show document ID|"SOURCE"

  Shows a fact with its sentence and the other documents that state it,
  or a document with its facts. IDs come from facts listings.

  show fact 1
  show document 1
`},
	{"search", "sentences containing words", `
search "WORDS" [limit N]

  Finds the sentences that contain all the words, with their facts.

  search "high-tech enterprises"
  search "5G" limit 5
`},
	{"explain", "how a query runs", `
explain QUERY

  Shows the plan: which index is read, the key prefixes scanned, the
  filter, and how many keys were read. .explain on explains every query;
  .explain alone explains the last one.

  explain metric high_tech_enterprises by year
`},
	{"chart", "draw a result by year", `
.chart [line|bar] [QUERY]

  Draws the last result (or QUERY's) as a line chart or as bars, one
  series per entity. It needs figures by year: a "by year" pivot, or a
  table with a year column.

  metric high_tech_enterprises by year
  .chart
  .chart bar metric gdp by year
`},
	{"formats", "table, json, jsonl, csv, tsv, markdown, line", `
.mode table|json|jsonl|csv|tsv|markdown|line      (.format is the same)

  table is for people: it fits the terminal's width (long names wrap,
  the qualifier and document columns go first, a wide pivot turns or
  shows the columns that fit), and a result longer than the screen goes
  through $PAGER (less -S), or is cut at a screenful, .last showing all.
  line shows one record per block, every field with the fact's sentence.
  markdown is the table for documents. json, jsonl, csv and tsv write one
  object or record per row, plain numbers and the ids of the facts behind
  each figure, for programs; in scripts json is one line per statement.
  .headers off leaves out column names; .output FILE and .once FILE send
  results to a file.
`},
	{"commands", "meta-commands", ""},
	{"keys", "line editing keys", `
  Tab        complete keywords, names and values, meta-commands, files
  Up, Down   history (kept between sessions), Ctrl-R searches it
  Ctrl-C     abandon the line, or cancel a running query
  Ctrl-D     leave
  An open parenthesis or quote, or a trailing "where", "and", ",", ...
  continues the statement on the next line; ";" separates statements.
  A line that starts with a clause ("by year", "where ...", "order by")
  runs the statement above again with it.
`},
}

// writeHelp writes .help's answer for topic ("" for the overview).
func writeHelp(w io.Writer, topic string) error {
	topic = strings.ToLower(strings.TrimPrefix(strings.TrimSpace(topic), "."))
	switch topic {
	case "":
		fmt.Fprintf(w, `Queries (.help TOPIC for details and examples):
  metric NAME [where ...] [by FIELD, ...]    one metric, pivoted by year, entity...
  facts [where ...]                          every fact, filtered
  %-42s aggregates
  entities|metrics|years|documents|units     what the database holds
  conflicts [where ...]                      figures whose sources disagree
  show fact ID | show document ID            one fact or document in full
  search "WORDS"                             sentences containing words
  explain QUERY                              how a query runs

Try:
  metrics
  metric high_tech_enterprises by year
  .chart

`, functionList("|", "|")+" ...")
		writeMetaHelp(w)
		_, err := fmt.Fprintln(w, "\nTopics: "+strings.Join(topicNames(), ", ")+".")
		return err
	case "commands", "meta":
		return writeMetaHelp(w)
	case "topics":
		for _, t := range helpTopics {
			fmt.Fprintf(w, "  %-11s %s\n", t.name, t.summary)
		}
		return nil
	}
	for _, t := range helpTopics {
		if t.name == topic || strings.TrimSuffix(t.name, "s") == topic {
			_, err := io.WriteString(w, strings.TrimPrefix(t.text, "\n"))
			return err
		}
	}
	switch {
	case almanac.LookupFunction(topic) != nil:
		return writeHelp(w, "aggregates")
	case slices.Contains([]string{"entities", "metrics", "years", "documents", "units"}, topic):
		return writeHelp(w, "catalogues")
	case topic == "format" || topic == "table" || topic == "json" || topic == "csv" || topic == "jsonl":
		return writeHelp(w, "formats")
	case findMeta(topic) != nil:
		c := findMeta(topic)
		_, err := fmt.Fprintf(w, ".%s %s\n  %s\n", c.name, c.usage, c.summary)
		return err
	}
	return fmt.Errorf("no help on %q (topics: %s)", topic, strings.Join(topicNames(), ", "))
}

func writeMetaHelp(w io.Writer) error {
	fmt.Fprintln(w, "Meta-commands:")
	for _, c := range metaCmds {
		if _, err := fmt.Fprintf(w, "  %-31s %s\n", "."+c.name+" "+c.usage, c.summary); err != nil {
			return err
		}
	}
	return nil
}

// functionList joins the names of the query language's functions with
// sep, and the last two with last.
func functionList(sep, last string) string {
	var names []string
	for _, f := range almanac.Functions() {
		names = append(names, f.Name)
	}
	if len(names) < 2 {
		return strings.Join(names, sep)
	}
	return strings.Join(names[:len(names)-1], sep) + last + names[len(names)-1]
}

// helpWords are what .help takes, for completion: the topics, then the
// meta-commands.
func helpWords() []string {
	words := topicNames()
	for _, c := range metaCmds {
		if !slices.Contains(words, c.name) {
			words = append(words, c.name)
		}
	}
	return words
}

func topicNames() []string {
	names := make([]string, len(helpTopics))
	for i, t := range helpTopics {
		names[i] = t.name
	}
	return names
}
