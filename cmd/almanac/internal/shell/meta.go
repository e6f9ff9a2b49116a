package shell

import (
	"strings"

	"github.com/almanacdb/almanac"
)

// argKind says what a meta-command takes, for completion.
type argKind int

const (
	argNone   argKind = iota
	argChoice         // one of metaCmd.choices
	argFile           // a file name
	argQuery          // a query (and for .chart, a style first)
	argTopic          // a help topic
)

// metaCmd describes a meta-command: a line starting with "." that the
// shell runs itself rather than as a query.
type metaCmd struct {
	name    string // without the dot
	args    argKind
	choices []string
	usage   string // arguments, for .help
	summary string
}

var (
	chartStyles = []string{"line", "bar"}
	onOff       = []string{"on", "off"}
)

// metaCmds lists the meta-commands in the order .help shows them.
var metaCmds = []metaCmd{
	{"help", argTopic, nil, "[TOPIC]", "show help on queries or a topic (.help topics lists them)"},
	{"mode", argChoice, almanac.FormatNames(), "[FORMAT]", "set or show the output format: " + strings.Join(almanac.FormatNames(), ", ")},
	{"headers", argChoice, onOff, "[on|off]", "show column names in tables, csv and tsv"},
	{"timer", argChoice, onOff, "[on|off]", "print how long each query took"},
	{"explain", argChoice, onOff, "[on|off]", "explain every query beside its result (on|off), or the last one"},
	{"bail", argChoice, onOff, "[on|off]", "stop at the first statement that fails"},
	{"last", argNone, nil, "", "show the previous result in full"},
	{"chart", argQuery, chartStyles, "[line|bar] [QUERY]", "chart a result by year (the last one, or QUERY's)"},
	{"output", argFile, nil, "[FILE]", "write results to FILE (no FILE: to the screen again)"},
	{"once", argFile, nil, "FILE", "write the next result to FILE"},
	{"open", argFile, nil, "FILE", "open another database"},
	{"ingest", argFile, nil, "PATH...", "add articles (files or directories) to the database"},
	{"read", argFile, nil, "FILE", "run the statements in FILE"},
	{"quit", argNone, nil, "", "leave (or Ctrl-D)"},
}

// metaAliases are other names for meta-commands.
var metaAliases = map[string]string{"exit": "quit", "q": "quit", "h": "help", "?": "help", "format": "mode", "plot": "chart", "header": "headers"}

// metaPointers answer the commands of other shells that Almanac does
// differently, saying what to use instead.
var metaPointers = map[string]string{
	"tables":    "Almanac holds facts, not tables: list what they are about with metrics, entities, years, documents or units (.help catalogues)",
	"schema":    "every fact has an entity, metric, year, period, value, unit, qualifier, status, document and id (.help where); metrics lists the metrics",
	"indexes":   "facts are indexed by metric, entity and year; explain QUERY shows what a query reads",
	"databases": ".open FILE opens another database",
	"dump":      "almanac export writes every fact with its provenance as JSON lines or CSV",
	"import":    ".ingest PATH... adds articles",
}

// findMeta returns the meta-command called name (without the dot), or nil.
func findMeta(name string) *metaCmd {
	name = strings.ToLower(name)
	if a, ok := metaAliases[name]; ok {
		name = a
	}
	for i := range metaCmds {
		if metaCmds[i].name == name {
			return &metaCmds[i]
		}
	}
	return nil
}

// metaNames returns the meta-commands' names with their dots, for
// completion: .format too, the name other shells know .mode by.
func metaNames() []string {
	out := make([]string, 0, len(metaCmds)+1)
	for _, c := range metaCmds {
		out = append(out, "."+c.name)
		if c.name == "mode" {
			out = append(out, ".format")
		}
	}
	return out
}

// suggestMeta returns the meta-command closest to an unknown name, with
// its dot, or "".
func suggestMeta(name string) string {
	var names []string
	for _, c := range metaCmds {
		names = append(names, c.name)
	}
	for a := range metaAliases {
		names = append(names, a)
	}
	if s := almanac.Suggest(name, names); s != "" {
		return "." + s
	}
	return ""
}

// parseMeta splits a meta-command line into the command and the rest.
func parseMeta(line string) (cmd *metaCmd, name, arg string) {
	line = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(line), "."))
	name, arg, _ = strings.Cut(line, " ")
	if i := strings.IndexAny(name, "\t"); i >= 0 {
		name, arg = name[:i], name[i+1:]+" "+arg
	}
	return findMeta(name), name, strings.TrimSpace(arg)
}
