package main

import (
	"context"
	"fmt"
)

// maintenanceCommands are the commands that look after a database file.
var maintenanceCommands = []command{
	{"check", "[--db FILE]", "verify the file and every index, catalogue and count", cmdCheck},
	{"backup", "[--db FILE] DEST", "write a consistent copy, even while the database is in use", cmdBackup},
	{"compact", "[--db FILE]", "rewrite the file to reclaim the space of replaced documents", cmdCompact},
}

func cmdCheck(ctx context.Context, args []string, io stdio) int {
	fs := newFlags("check", io)
	dbPath := fs.String("db", defaultDB, dbFlagUsage)
	pos, status, ok := parseFlags(fs, args)
	if !ok {
		return status
	}
	if len(pos) > 0 {
		fmt.Fprintf(io.err, "almanac check: unexpected argument %q\n", pos[0])
		return exitUsage
	}
	db, ok := openDB(*dbPath, true, io)
	if !ok {
		return exitFailed
	}
	defer db.Close()
	problems, err := db.Store().Check()
	if err != nil {
		fmt.Fprintf(io.err, "almanac check: %v\n", err)
		return exitFailed
	}
	for _, p := range problems {
		fmt.Fprintf(io.out, "problem: %s\n", p)
	}
	if len(problems) > 0 {
		fmt.Fprintf(io.err, "almanac check: %s: %d problems\n", *dbPath, len(problems))
		return exitFailed
	}
	s, err := db.Stats()
	if err != nil {
		fmt.Fprintf(io.err, "almanac check: %v\n", err)
		return exitFailed
	}
	fmt.Fprintf(io.out, "ok: %s: %d documents, %d facts, indexes and catalogues consistent\n", *dbPath, s.Documents, s.Facts)
	return exitOK
}

func cmdBackup(ctx context.Context, args []string, io stdio) int {
	fs := newFlags("backup", io)
	dbPath := fs.String("db", defaultDB, dbFlagUsage)
	pos, status, ok := parseFlags(fs, args)
	if !ok {
		return status
	}
	if len(pos) != 1 {
		fmt.Fprintln(io.err, "almanac backup: want one destination file")
		fs.Usage()
		return exitUsage
	}
	db, ok := openDB(*dbPath, true, io)
	if !ok {
		return exitFailed
	}
	defer db.Close()
	n, err := db.Store().Backup(pos[0])
	if err != nil {
		fmt.Fprintf(io.err, "almanac: %v\n", err)
		return exitFailed
	}
	fmt.Fprintf(io.out, "backed up %s to %s (%s)\n", *dbPath, pos[0], byteSize(n))
	return exitOK
}

func cmdCompact(ctx context.Context, args []string, io stdio) int {
	fs := newFlags("compact", io)
	dbPath := fs.String("db", defaultDB, dbFlagUsage)
	pos, status, ok := parseFlags(fs, args)
	if !ok {
		return status
	}
	if len(pos) > 0 {
		fmt.Fprintf(io.err, "almanac compact: unexpected argument %q\n", pos[0])
		return exitUsage
	}
	db, ok := openDB(*dbPath, false, io)
	if !ok {
		return exitFailed
	}
	before, after, err := db.Store().Compact()
	if err != nil {
		fmt.Fprintf(io.err, "almanac: %v\n", err)
		return exitFailed
	}
	fmt.Fprintf(io.out, "compacted %s: %s -> %s\n", *dbPath, byteSize(before), byteSize(after))
	return exitOK
}
