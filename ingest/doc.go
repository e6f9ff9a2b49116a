// Package ingest turns articles into stored facts: it walks files and
// directories, parses each input (package document), extracts facts
// (package extract) on several goroutines, and commits documents in input
// order through store.DB.Put, each document with all its facts or not at
// all.
package ingest
