// Package store holds Almanac's domain types (Fact, Document, catalogue
// entries; the vocabulary of units, periods, qualifiers and statuses is in
// package vocab) and keeps them in a bbolt file: a facts bucket, three covering
// indexes (by metric, by entity, by year), documents with their texts, a
// content-hash and a source index, and name catalogues with counts.
//
// Every bucket name and key encoding is in keys.go, with the schema table
// (the indexes and name dictionaries, listed once) that writes, Check and
// reads loop over; every record encoding, and the one fact decoder, is in
// codec.go. Writes go through DB.Put, which commits each document with
// all of its facts or not at all; reads go through DB.View and Tx.
package store
