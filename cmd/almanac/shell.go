package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/almanacdb/almanac"
	"github.com/almanacdb/almanac/query"
)

// cmdQuery runs each argument as one statement.
func cmdQuery(ctx context.Context, args []string, io stdio) int {
	fs := newFlags("query", io)
	dbPath := fs.String("db", defaultDB, dbFlagUsage)
	format := fs.String("format", "table", "output `format`: table, json, jsonl or csv")
	queries, status, ok := parseFlags(fs, args)
	if !ok {
		return status
	}
	f, err := query.ParseFormat(*format)
	if err != nil {
		fmt.Fprintf(io.err, "almanac query: %v\n", err)
		return exitUsage
	}
	if len(queries) == 0 {
		fmt.Fprintln(io.err, "almanac query: no query given")
		return exitUsage
	}
	db, ok := openDB(*dbPath, true, io)
	if !ok {
		return exitFailed
	}
	defer db.Close()
	failed := false
	for _, q := range queries {
		res, err := db.Query(ctx, q)
		if err != nil {
			fmt.Fprintf(io.err, "%v\n", err)
			failed = true
			continue
		}
		if err := res.Write(io.out, f, almanac.WriteOptions{}); err != nil {
			fmt.Fprintf(io.err, "almanac: %v\n", err)
			return exitFailed
		}
	}
	if failed {
		return exitFailed
	}
	return exitOK
}

// cmdShell opens the database (creating it from the bundled sample
// articles when it does not exist) and runs statements from standard input.
func cmdShell(ctx context.Context, args []string, io stdio) int {
	fs := newFlags("", io)
	dbPath := fs.String("db", defaultDB, dbFlagUsage)
	if _, status, ok := parseFlags(fs, args); !ok {
		return status
	}
	if _, err := os.Stat(*dbPath); errors.Is(err, os.ErrNotExist) {
		db, ok := openDB(*dbPath, false, io)
		if !ok {
			return exitFailed
		}
		sum, err := db.IngestFS(ctx, almanac.SampleArticles(), nil)
		db.Close()
		if err != nil {
			fmt.Fprintf(io.err, "almanac: %v\n", err)
			return exitFailed
		}
		fmt.Fprintf(io.out, "Created %s from %d sample articles (%d facts); add your own with 'almanac ingest DIR'.\n", *dbPath, sum.Added, sum.Facts)
	}
	db, ok := openDB(*dbPath, true, io)
	if !ok {
		return exitFailed
	}
	defer db.Close()
	sc := bufio.NewScanner(io.in)
	failed := false
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		res, err := db.Query(ctx, line)
		if err != nil {
			fmt.Fprintln(io.err, err)
			failed = true
			continue
		}
		res.Write(io.out, query.Table, almanac.WriteOptions{})
	}
	if failed {
		return exitFailed
	}
	return exitOK
}
