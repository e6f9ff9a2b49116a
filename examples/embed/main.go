// Command embed shows Almanac used as a library. It builds a database in a
// temporary directory from the articles in DIR, or from the sample
// articles bundled into the package, and prints the metric with the most
// facts by year.
//
//	go run ./examples/embed [DIR...]
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/almanacdb/almanac"
)

func main() {
	if err := run(context.Background(), os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "embed:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, paths []string, w io.Writer) error {
	dir, err := os.MkdirTemp("", "almanac-embed")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)

	db, err := almanac.Open(filepath.Join(dir, "facts.db"), nil)
	if err != nil {
		return err
	}
	defer db.Close()

	var sum almanac.IngestSummary
	if len(paths) > 0 {
		sum, err = db.IngestFiles(ctx, paths, nil)
	} else {
		sum, err = db.IngestFS(ctx, almanac.SampleArticles(), nil)
	}
	if err != nil {
		return fmt.Errorf("ingest: %w", err)
	}
	fmt.Fprintf(w, "ingested %d documents, %d facts\n\n", sum.Added, sum.Facts)

	// Results are tables of typed values: the first row of this one
	// names the metric with the most figures.
	res, err := db.Query(ctx, "count facts by metric order by value desc limit 1")
	if err != nil {
		return err
	}
	if res.Len() == 0 {
		return fmt.Errorf("no facts found")
	}
	metric := res.Row(0)[res.Column("metric")].String()

	// %q quotes the name as the query language wants when it needs it.
	res, err = db.Query(ctx, fmt.Sprintf("metric %q by year", metric))
	if err != nil {
		return err
	}
	return res.Write(w, almanac.Table, almanac.WriteOptions{})
}
