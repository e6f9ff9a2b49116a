// Package server serves an Almanac database over HTTP: a JSON API for
// queries, facts, documents, catalogues and ingest, and a web page to
// browse figures and read the sentence each came from. It also holds the
// Client that talks to a running server, so that the almanac command's
// query and ingest work the same against a file or a server.
//
// bbolt lets one process open a file for writing and keeps every other
// process out while it does; a Server owns the database and shares it:
// any number of readers and one writer at a time. Writes (POST
// /api/documents) are serialised by the server; reads run in their own
// transaction and never wait for a write beyond one commit.
//
// # API
//
//	GET  /api                   the server: database, counts, limits, whether it takes writes
//	GET  /api/query?q=STATEMENT run a statement; format=json (default), jsonl, csv, tsv, table, markdown, line or result
//	GET  /api/facts/ID          a fact: sentence, spans, document, figure, other sources, conflict
//	GET  /api/documents/ID      a document: its record, its text and the spans of its facts
//	POST /api/documents         add articles (text, HTML, JSON lines, or multipart files)
//	GET  /api/metrics           the catalogues, with fact counts
//	GET  /api/entities
//	GET  /api/units
//	GET  /api/years
//	GET  /api/language          keywords, fields and functions, for completion
//	GET  /                      the web page
//
// Every error is a JSON object {"error": "..."}; a mistake in a statement
// adds "line", "col", "offset" and, for an unknown name, "suggestion", and
// lists every mistake in "errors". Query results longer than the row limit
// come a page at a time: the response's Link header names the next page
// (rel="next"), X-Total-Rows counts all rows and X-Almanac-Snapshot names
// the state of the database read; a next page of a changed database is
// refused with 409, so that pages always fit together.
//
// The "result" format is the query package's wire format (see
// query.Result.Encode): the whole result, which Client decodes into the
// *query.Result a local query returns and the web page renders.
package server
