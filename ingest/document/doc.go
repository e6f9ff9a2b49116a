// Package document parses the article formats Almanac ingests (plain-text
// news articles, HTML pages, JSON lines records) into Articles: metadata
// plus the text that fact provenance points into.
package document
