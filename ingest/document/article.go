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
	// Body is the part of Text that is the article proper: after the
	// breadcrumb, headline, date and byline lines, and before any trailing
	// teasers of other articles.
	Body Span
	// Line is the 1-based line of a JSON lines record in its file, 0 otherwise.
	Line int
}
