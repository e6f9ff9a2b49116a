package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"net"
	"os"
	"strings"

	"github.com/almanacdb/almanac"
)

func cmdServe(ctx context.Context, args []string, io stdio) int {
	fs := newFlags("serve", io)
	dbPath := fs.String("db", defaultDB, dbFlagUsage)
	addr := fs.String("addr", "127.0.0.1:8080", "listen `address` (host:port; port 0 picks a free one)")
	tokenFile := fs.String("token-file", "", "`file` holding the token that POST /api/documents must send; without it the server takes no writes")
	readOnly := fs.Bool("read-only", false, "open the database read-only and refuse writes")
	timeout := fs.Duration("query-timeout", almanac.DefaultQueryTimeout, "stop a statement that runs longer than this `duration` (answered 503)")
	aliases := fs.String("aliases", "", "entity alias `file` for ingested articles (lines 'Alias = Canonical name')")
	quiet := fs.Bool("quiet", false, "do not log requests")
	maxBody := fs.Int64("max-body", almanac.DefaultMaxBodyBytes, "largest request body, in `bytes`")
	maxInputs := fs.Int("max-inputs", almanac.DefaultMaxInputs, "most files in one POST")
	maxRows := fs.Int("max-rows", almanac.DefaultMaxRows, "most result rows in one response (the rest by the next link)")
	maxQueries := fs.Int("max-queries", 0, "most queries running at once (default twice the CPUs, at least 4)")
	if _, status, ok := parseNoArgs(fs, args, io); !ok {
		return status
	}
	opts := almanac.ServerOptions{ReadOnly: *readOnly, QueryTimeout: *timeout, MaxBodyBytes: *maxBody,
		MaxInputs: *maxInputs, MaxRows: *maxRows, MaxQueries: *maxQueries}
	if !*quiet {
		opts.Log = io.err
	}
	if *tokenFile != "" {
		t, err := readToken(*tokenFile)
		if err != nil {
			fmt.Fprintf(io.err, "almanac serve: %v\n", err)
			return exitUsage
		}
		opts.Token = t
	}
	if *aliases != "" {
		lookup, err := almanac.LoadAliases(*aliases)
		if err != nil {
			fmt.Fprintf(io.err, "almanac serve: %v\n", err)
			return exitFailed
		}
		opts.Aliases = lookup
	}
	db, ok := openDB(*dbPath, *readOnly, io)
	if !ok {
		return exitFailed
	}
	defer db.Close()
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintf(io.err, "almanac serve: %v\n", err)
		return exitFailed
	}
	url := "http://" + ln.Addr().String() + "/"
	if ip := ln.Addr().(*net.TCPAddr).IP; !ip.IsLoopback() {
		fmt.Fprintf(io.err, "almanac serve: listening on %s: anyone who can reach it can read the database\n", ln.Addr())
	}
	writes := "writes need the token in " + *tokenFile
	switch {
	case *readOnly:
		writes = "read-only"
	case opts.Token == "":
		writes = "no writes (start with --token-file to take them)"
	}
	s, _ := db.Stats()
	fmt.Fprintf(io.err, "almanac: serving %s (%d documents, %d facts) at %s; %s; Ctrl-C stops\n", db.Path(), s.Documents, s.Facts, url, writes)

	// SIGINT and SIGTERM cancel ctx (see onSignals), which stops the
	// server cleanly; a second one ends the process at once.
	err = almanac.NewServer(db, &opts).Serve(ctx, ln)
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		fmt.Fprintf(io.err, "almanac serve: %v\n", err)
		return exitFailed
	}
	fmt.Fprintf(io.err, "almanac: stopped; %s closed\n", *dbPath)
	return exitOK
}

// readToken reads a token file: one line, surrounding space trimmed.
func readToken(path string) (string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return "", fmt.Errorf("token file: %w", err)
	}
	t := strings.TrimSpace(string(data))
	switch {
	case t == "":
		return "", fmt.Errorf("token file %s is empty", path)
	case strings.ContainsAny(t, " \t\r\n"):
		return "", fmt.Errorf("token file %s: the token is one word on one line", path)
	}
	return t, nil
}

// parseNoArgs parses flags of a command that takes no arguments.
func parseNoArgs(fs *flag.FlagSet, args []string, io stdio) ([]string, int, bool) {
	pos, status, ok := parseFlags(fs, args)
	if !ok {
		return nil, status, false
	}
	if len(pos) > 0 {
		fmt.Fprintf(io.err, "%s: unexpected argument %q\n", fs.Name(), pos[0])
		fs.Usage()
		return nil, exitUsage, false
	}
	return pos, 0, true
}

// flagSet reports whether the flag name was given on the command line.
func flagSet(fs *flag.FlagSet, name string) bool {
	set := false
	fs.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}

// dialServer connects to the server at url for a command, saying why not.
func dialServer(ctx context.Context, cmd, url, tokenFile string, io stdio) (*almanac.Client, bool) {
	var o almanac.ClientOptions
	if tokenFile != "" {
		t, err := readToken(tokenFile)
		if err != nil {
			fmt.Fprintf(io.err, "almanac %s: %v\n", cmd, err)
			return nil, false
		}
		o.Token = t
	}
	c, err := almanac.Dial(ctx, url, &o)
	if err != nil {
		var op *net.OpError
		if errors.As(err, &op) {
			fmt.Fprintf(io.err, "almanac %s: %v (is 'almanac serve' running there?)\n", cmd, err)
		} else {
			fmt.Fprintf(io.err, "almanac %s: %v\n", cmd, err)
		}
		return nil, false
	}
	return c, true
}
