package document

// ParseText parses a plain-text article. Its lines are classified and laid
// out (see layout.go): the site layout of a breadcrumb ("Home>Biz
// updates"), the headline, "Updated : YYYY-MM-DD", "By ( source )", the
// body paragraphs and teasers of other articles at the end; the wire
// layout (" date 2022-03-03 Headline", "Xinhua) 09:42, March 3, 2022",
// "HARBIN, Feb. 11 (Xinhua) --"); press releases ("HARBIN, China, Dec.
// 25, 2023 /PRNewswire/ --"); pages of many outlets with their date, time
// and source lines, captions, editor lines, related links and furniture;
// pages with no headline and pages with no date (Published is then zero).
//
// Text is the file itself. The error, which names source, is returned for
// empty input, NUL bytes or other binary content, and invalid UTF-8.
func ParseText(source string, data []byte) (Article, error) {
	if err := validate(source, data); err != nil {
		return Article{}, err
	}
	text := string(data)
	lay := layoutText(text, "")
	return Article{
		Source:    source,
		Title:     lay.title,
		Published: lay.published,
		Byline:    lay.byline,
		Text:      text,
		Body:      lay.body,
		Paras:     lay.paras,
		Dateline:  lay.dateline,
		Tables:    lay.tables,
	}, nil
}
