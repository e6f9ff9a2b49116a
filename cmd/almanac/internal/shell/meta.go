package shell

import "strings"

// argKind says what a meta-command takes, for completion.
type argKind int

const (
	argNone   argKind = iota
	argChoice         // one of metaCmd.choices
	argFile           // a file name
	argQuery          // a query (and for .chart, a style first)
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

var chartStyles = []string{"line", "bar"}

// metaCmds lists the meta-commands in the order .help shows them.
var metaCmds = []metaCmd{
	{"help", argChoice, nil, "[TOPIC]", "show help on queries or a topic (.help topics lists them)"},
	{"format", argChoice, []string{"table", "json", "jsonl", "csv"}, "[table|json|jsonl|csv]", "set or show the output format"},
	{"timer", argChoice, []string{"on", "off"}, "[on|off]", "print how long each query took"},
	{"explain", argChoice, []string{"on", "off"}, "[on|off]", "explain every query (on|off), or the last one"},
	{"last", argNone, nil, "", "show the previous result in full"},
	{"chart", argQuery, chartStyles, "[line|bar] [QUERY]", "chart a result by year (the last one, or QUERY's)"},
	{"open", argFile, nil, "FILE", "open another database"},
	{"ingest", argFile, nil, "PATH...", "add articles (files or directories) to the database"},
	{"read", argFile, nil, "FILE", "run the statements in FILE"},
	{"quit", argNone, nil, "", "leave (or Ctrl-D)"},
}

// metaAliases are other names for meta-commands.
var metaAliases = map[string]string{"exit": "quit", "q": "quit", "h": "help", "?": "help", "mode": "format", "plot": "chart"}

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
// completion.
func metaNames() []string {
	out := make([]string, len(metaCmds))
	for i, c := range metaCmds {
		out[i] = "." + c.name
	}
	return out
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
