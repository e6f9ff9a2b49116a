// Command almanac ingests news articles into a knowledge base of reported
// figures and answers questions about them.
//
//	almanac                      open the REPL on almanac.db (created from sample articles if missing)
//	almanac ingest [flags] PATH… add articles (files, directories, - for stdin)
//	almanac query [flags] QUERY  run queries in batch
//	almanac export [flags]       write every fact as JSON lines or CSV
//	almanac stats [flags]        count what the database holds
//	almanac serve [flags]        serve it over HTTP: an API and a web page
//
// Run "almanac help" or "almanac COMMAND --help" for details.
package main

import (
	"context"
	"os"
)

func main() {
	os.Exit(run(context.Background(), os.Args[1:], stdio{in: os.Stdin, out: os.Stdout, err: os.Stderr}))
}
