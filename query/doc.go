// Package query answers Almanac queries: it lowers a parsed query to a
// Plan, checks it against the database's catalogues, chooses an index,
// runs it inside one read transaction, reconciles facts that state the
// same figure, and formats the Result as a table (fitted to a width),
// Markdown, records a field a line, JSON, JSON lines, CSV or TSV.
//
// Run is the whole path from text; Lower and Execute are its halves, and
// tests and programs may build Plans by hand: a Plan is one of *Select,
// *Catalogue, *ShowFact, *ShowDocument and *Search, or an *Explain of one.
// The evaluator sees Plans only, never grammar structs.
//
// # Planning
//
// A Select reads one of the store's covering indexes by key prefix:
// idx_metric for "metric NAME" or a metric = / in condition (narrowed to
// the years that year conditions allow), else idx_entity for an entity =
// / in condition, else idx_year for a year = / in list or a year range
// closed on both sides, else the whole facts bucket. in-lists become one
// prefix scan per value. The conditions the scans answer exactly are
// dropped; the rest (the residual filter) is tested on each index entry,
// which holds everything but the sentence, so no fact record is read
// unless a list shows it. "explain QUERY" runs the query and shows the
// index, prefixes, residual filter, defaults, keys read and rows out.
//
// # Names
//
// Entity, metric, unit and document names compare case-insensitively:
// a name matches the one spelled exactly if it exists, else every name
// equal to it ignoring case, and for entities every entity with such an
// alias. like matches a case-insensitive substring, with * standing for
// any run of characters. An unknown name is an error that suggests the
// nearest known one.
//
// # Views and defaults
//
// Without "by" or a function a Select lists every matching fact, with its
// period, status, document and sentence. "by" pivots reconciled figures:
// "metric M by year" has a row per year and a column per entity, "by
// entity" the reverse; other fields that tell figures apart join the
// column labels. A pivot, a sum, avg, min or max, and growth show
// whole-year figures only (period = year) and every pivot, aggregate and
// growth rate actual figures only (status = actual), unless the where
// clause mentions the field or the query groups by it, so that a quarter
// never poses as a year and a target never as a result. count counts
// figures of every period. The defaults are listed below the table and by
// explain.
//
// # Reconciliation
//
// Facts with the same entity, metric, year, period, status and unit are
// one figure, counted once by aggregates, with the number of documents
// that state it. Values more than 0.5 % apart conflict. The value shown is
// an exact figure over an approximate one, then the one from the most
// recently published document, then from the later-ingested document (see Figure, and reconcile.go for the reasons). Only the facts the
// query selects take part. "show fact N" lists them all.
//
// # Aggregates and growth
//
// sum, avg, min and max work on figures per group of the by fields and
// refuse to combine different units; count counts figures. growth is
// (v_y / v_{y-1} - 1) * 100 over consecutive years of each entity's
// figures, marked as computed.
package query
