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
	c := newDBCommand("check", io)
	db, _, status, ok := c.open(args, 0, true, io)
	if !ok {
		return status
	}
	defer db.Close()
	problems, err := db.Check(ctx)
	if err != nil {
		if ctx.Err() != nil {
			fmt.Fprintf(io.err, "almanac check: interrupted; the check did not finish\n")
			return exitFailed
		}
		fmt.Fprintf(io.err, "almanac check: %v\n", err)
		return exitFailed
	}
	for _, p := range problems {
		fmt.Fprintf(io.out, "problem: %s\n", p)
	}
	if len(problems) > 0 {
		fmt.Fprintf(io.err, "almanac check: %s: %d problems\n", db.Path(), len(problems))
		return exitFailed
	}
	s, err := db.Stats()
	if err != nil {
		fmt.Fprintf(io.err, "almanac check: %v\n", err)
		return exitFailed
	}
	fmt.Fprintf(io.out, "ok: %s: %d documents, %d facts, indexes and catalogues consistent\n", db.Path(), s.Documents, s.Facts)
	return exitOK
}

func cmdBackup(ctx context.Context, args []string, io stdio) int {
	db, pos, status, ok := newDBCommand("backup", io).open(args, 1, true, io)
	if !ok {
		return status
	}
	defer db.Close()
	n, err := db.Backup(ctx, pos[0])
	if err != nil {
		fmt.Fprintf(io.err, "almanac: %v\n", err)
		return exitFailed
	}
	fmt.Fprintf(io.out, "backed up %s to %s (%s)\n", db.Path(), pos[0], byteSize(n))
	return exitOK
}

func cmdCompact(ctx context.Context, args []string, io stdio) int {
	db, _, status, ok := newDBCommand("compact", io).open(args, 0, false, io)
	if !ok {
		return status
	}
	path := db.Path()
	before, after, err := db.Compact(ctx) // closes db
	if err != nil {
		if ctx.Err() != nil {
			fmt.Fprintf(io.err, "almanac compact: interrupted; %s is as it was\n", path)
			return exitFailed
		}
		fmt.Fprintf(io.err, "almanac: %v\n", err)
		return exitFailed
	}
	fmt.Fprintf(io.out, "compacted %s: %s -> %s\n", path, byteSize(before), byteSize(after))
	return exitOK
}
