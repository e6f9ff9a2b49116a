package document

import "time"

// Span is a byte range [Start, End) of an Article's Text.
type Span struct {
	Start, End int
}

// Article is one parsed document: its metadata and the text that every
// byte offset of its facts points into.
type Article struct {
	// Source names the document for replacement on re-ingest: the file's
	// base name for a text or HTML file; for a JSON lines record, the
	// record's url if it has one, else "BASE#LINE".
	Source    string
	Title     string
	Published time.Time // UTC midnight of the publication date; zero if none was found
	Byline    string    // the "By ( ... )" source, wire agency or author; "" if none
	URL       string
	// Text is stored with the document. For a plain-text file it is the
	// file itself; for HTML and JSON lines, the extracted article text.
	Text string
	// Body is the part of Text that is the article proper: it spans from
	// the first paragraph's start to the last one's end.
	Body Span
	// Paras are the body's paragraphs in text order: spans of Text trimmed
	// of surrounding space (and of a list item's bullet), with a dateline
	// ("HARBIN, Jan. 2 (Xinhua) --") cut off the front of the first.
	// Headlines, subheadings, captions, bylines, date and time lines,
	// related-links lists, teasers, editor lines and page furniture are in
	// none of them. A line broken inside a sentence (the next begins in
	// lower case) continues its paragraph.
	Paras []Span
	// Dateline is the span of the dateline the first paragraph began with
	// (or that stood on a line of its own above it), or the zero Span.
	// Its place is not the subject of the article by that alone.
	Dateline Span
	// Tables are the tables of figures of a plain-text page (table.go),
	// in text order; their lines are in no paragraph.
	Tables []Table
	// Line is the 1-based line of a JSON lines record in its file, 0 otherwise.
	Line int
}
