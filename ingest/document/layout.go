package document

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// The layout pass gives each line the kind its place on the page
// decides. A page reads, top to bottom:
//
//	header   breadcrumbs and section names, the headline, decks, date,
//	         time and byline lines, furniture, captions, a summary
//	body     paragraphs, the first perhaps opening with a dateline, and
//	         subheadings, captions, related links between them
//	tail     captions, editor lines, a date line, teasers of other
//	         articles (a headline and its first line), related links
//
// The rules that set a kind here are named like the recognisers, and the
// name is kept on the line ("headline", "teaser headline", ...).

// headerLines is how many non-blank lines at the top may be header.
const headerLines = 20

// A page is a document's text as lines.
type page struct {
	text  string
	lines []line
	nb    []int // the indices of the non-blank lines
	// structured pages (HTML) mark their headings, so none is guessed
	// from the shape of a line.
	structured bool
	title      string // the title the document's metadata give, or ""
}

// A pageLayout is what the layout pass found.
type pageLayout struct {
	title     string
	published time.Time
	byline    string
	paras     []Span
	dateline  Span
	body      Span
	tables    []Table
}

// layoutText lays out a plain text.
func layoutText(text, title string) pageLayout {
	p := page{text: text, lines: splitLines(text), title: title}
	return p.layout()
}

// at returns the k-th non-blank line.
func (p *page) at(k int) *line { return &p.lines[p.nb[k]] }

func (p *page) set(k int, kd kind, rule string) {
	l := p.at(k)
	l.kind, l.rule = kd, rule
}

func (p *page) layout() pageLayout {
	p.nb = make([]int, 0, len(p.lines))
	for i := range p.lines {
		l := &p.lines[i]
		if l.start == l.end {
			l.kind = kindBlank
			continue
		}
		p.nb = append(p.nb, i)
		classify(l)
		if p.title != "" && len(p.nb) <= headerLines && l.kind == kindBody && sameText(l.text, p.title) {
			l.kind, l.rule = kindHeadline, "known title"
		}
	}
	var out pageLayout
	if !p.structured {
		out.tables = p.tables()
	}
	body := p.header()
	end := p.tail(body)
	p.middle(body, end)
	p.paragraphs(body, end, &out)
	p.metadata(body, &out)
	return out
}

// header finds the end of the header and the headline, and returns the
// position (among the non-blank lines) of the first body line.
func (p *page) header() int {
	headline, firstMeta := -1, -1
	var cands []int
	k := 0
	for ; k < len(p.nb) && k < headerLines; k++ {
		l := p.at(k)
		switch l.kind {
		case kindHeadline:
			if headline < 0 {
				headline = k
			}
			continue
		case kindDate, kindTimeLine, kindByline, kindSource:
			if firstMeta < 0 {
				firstMeta = k
			}
			continue
		case kindBody:
		default:
			continue
		}
		if l.cut == 0 {
			if headline < 0 && len(cands) == 0 && p.datedHeadline(l) {
				l.kind, l.rule = kindHeadline, "dated headline"
				headline = k
				continue
			}
			if p.agencyName(k, headline >= 0 || len(cands) > 0) {
				l.kind, l.rule, l.by = kindByline, "agency beside the date", l.text
				if firstMeta < 0 {
					firstMeta = k
				}
				continue
			}
			if p.headlineCandidate(k) {
				cands = append(cands, k)
				continue
			}
		}
		break
	}
	if headline < 0 && len(cands) > 0 {
		// The headline stands just above the date and byline lines.
		headline = cands[0]
		for _, c := range cands {
			if c < firstMeta {
				headline = c
			}
		}
		p.set(headline, kindHeadline, "headline")
	}
	for _, c := range cands {
		switch {
		case c < headline:
			p.set(c, kindBreadcrumb, "section name")
		case c > headline:
			p.set(c, kindSubhead, "deck")
		}
	}
	return k
}

// headlineCandidate reports whether the k-th line can be a headline: on a
// structured page, a marked heading; else a line shaped like one that
// does not run on into the next.
func (p *page) headlineCandidate(k int) bool {
	l := p.at(k)
	if p.structured {
		return l.hint == hintHeading
	}
	if !headlineShape(l.text) || k+1 >= len(p.nb) {
		return false
	}
	next := p.at(k + 1)
	return !(next.kind == kindBody && next.gap == 0 && continues(l.text, next.text))
}

// datedHeadline reads a headline that ends with its date, as in "Harbin
// builds parks 02-10-2021", setting the line's date and title.
func (p *page) datedHeadline(l *line) bool {
	if p.structured || len(l.text) > 240 || !hasYear(l.text) {
		return false
	}
	s, off := l.text, 0
	for {
		i, j, t, ok := findDate(s[off:])
		if !ok {
			return false
		}
		if off+j < len(s) {
			off += j
			continue
		}
		title := strings.TrimRight(s[:off+i], " \t|-–—:")
		if len(strings.Fields(title)) < 3 || !headlineShape(title) {
			return false
		}
		l.date, l.title = t, title
		return true
	}
}

// agencyName reports a lone agency name beside a date line ("Xinhua"
// above "3 Mar 2024, 08:15 GMT+8"). A name of two or three words is
// taken for one only below a headline, where it cannot be the headline.
func (p *page) agencyName(k int, belowTitle bool) bool {
	l := p.at(k)
	if len(l.text) > 40 {
		return false
	}
	w := strings.Fields(l.text)
	if len(w) > 3 || len(w) > 1 && !belowTitle ||
		strings.ContainsAny(l.text, "0123456789") || terminated(l.text) || !nameLike(l.text) {
		return false
	}
	isDate := func(j int) bool {
		if j < 0 || j >= len(p.nb) {
			return false
		}
		kd := p.at(j).kind
		return kd == kindDate || kd == kindTimeLine
	}
	return isDate(k-1) && l.gap <= 1 || isDate(k+1) && p.at(k+1).gap <= 1
}

// titleLike reports a line that reads as a heading: marked as one on a
// structured page, else short, capitalised and not ending a sentence.
func (p *page) titleLike(l *line) bool {
	if l.cut != 0 {
		return false
	}
	if p.structured {
		return l.hint == hintHeading
	}
	return titleShape(l.text)
}

// tail trims what follows the article from the end of the body and
// returns the position after its last line. At least the first body
// line stays.
func (p *page) tail(body int) int {
	end := len(p.nb)
	if end-body < 2 {
		return end
	}
	// gapMax[i] and titles[i] are the largest gap before, and the number
	// of heading-like lines among, the body lines body+1 .. body+i.
	n := end - body
	gapMax, titles := make([]int, n), make([]int, n)
	for i := 1; i < n; i++ {
		g, t := gapMax[i-1], titles[i-1]
		if l := p.at(body + i); l.kind == kindBody {
			g = max(g, l.gap)
			if p.titleLike(l) {
				t++
			}
		}
		gapMax[i], titles[i] = g, t
	}
	// before returns them over the body lines body+1 .. k-1.
	before := func(k int) (int, int) {
		if i := k - 1 - body; i >= 1 {
			return gapMax[i], titles[i]
		}
		return 0, 0
	}
	sepAfter := false
	for end-1 > body {
		l := p.at(end - 1)
		if l.kind != kindBody {
			sepAfter = l.kind == kindFurniture && separatorLine(l.text)
			end--
			continue
		}
		prev := p.at(end - 2)
		if prev.kind == kindCaption && !terminated(l.text) {
			p.set(end-1, kindCaption, "caption cut off")
			end--
			continue
		}
		// A teaser: a heading and one line. An article may end with a
		// heading and one paragraph of its own, so without other cues
		// (a wider gap than the body's, a caption or separator beside
		// it, a line cut off) the pair is a teaser only when the article
		// has no headings of its own.
		if end-2 > body && prev.kind == kindBody && p.titleLike(prev) && l.cut == 0 {
			gap, subheads := before(end - 2)
			above := p.at(end - 3)
			sepBefore := above.kind == kindFurniture && separatorLine(above.text)
			if prev.gap > gap || above.kind == kindCaption || sepBefore || sepAfter || !terminated(l.text) || subheads == 0 {
				p.set(end-2, kindTeaser, "teaser headline")
				p.set(end-1, kindTeaser, "teaser line")
				end -= 2
				sepAfter = false
				continue
			}
		}
		// A teaser headline cut off with its line: short, with no comma,
		// after a finished paragraph (a body line cut off is longer, or
		// has its clauses).
		if end-2 > body && !p.structured && p.titleLike(l) && len(strings.Fields(l.text)) <= 10 &&
			!strings.ContainsAny(l.text, ",;") && prev.kind == kindBody && terminated(prev.text) {
			gap, subheads := before(end - 1)
			if subheads == 0 || l.gap > gap {
				p.set(end-1, kindTeaser, "teaser headline cut off")
				end--
				continue
			}
		}
		break
	}
	return end
}

// middle sets the kinds of the body's own lines: related-links lists
// under their heading, and subheadings.
func (p *page) middle(body, end int) {
	for k := body; k < end; k++ {
		if l := p.at(k); l.kind != kindRelated || l.rule != "related heading" {
			continue
		}
		// The links under the heading, each perhaps with a line of its
		// article under it.
		j, link := k+1, false
		for ; j < end; j++ {
			b := p.at(j)
			switch {
			case b.kind != kindBody:
				link = false
				continue
			case p.titleLike(b) || b.cut != 0:
				link = true
			case link:
				link = false
			default:
				goto done
			}
			p.set(j, kindRelated, "related list")
		}
	done:
		k = j - 1
	}
	for k := body + 1; k < end; k++ {
		l := p.at(k)
		if l.kind != kindBody || !p.titleLike(l) {
			continue
		}
		if p.structured {
			p.set(k, kindSubhead, "subheading")
			continue
		}
		if strings.ContainsAny(l.text, "0123456789") {
			continue // a figure keeps it a paragraph
		}
		for j := k + 1; j < end; j++ {
			next := p.at(j)
			if next.kind == kindBody {
				if !(next.gap == 0 && continues(l.text, next.text)) {
					p.set(k, kindSubhead, "subheading")
				}
				break
			}
			if next.kind == kindTable {
				p.set(k, kindSubhead, "table title")
				break
			}
			if next.kind != kindCaption && next.kind != kindFurniture {
				break
			}
		}
	}
}

// paragraphs collects the body's paragraphs and the dateline, and sets
// the Body span.
func (p *page) paragraphs(body, end int, out *pageLayout) {
	if body > 0 && body <= len(p.nb) {
		if l := p.at(body - 1); l.kind == kindDateline {
			out.dateline = Span{l.start, l.start + l.dlEnd}
		}
	}
	first := true
	prev := -1
	for k := body; k < end; k++ {
		l := p.at(k)
		if l.kind != kindBody {
			prev = -1
			continue
		}
		if first {
			first = false
			if out.dateline == (Span{}) && l.cut == 0 {
				if d, ok := datelineAt(l.text); ok && d.n < len(l.text) {
					l.kind, l.rule = kindDateline, "dateline"
					l.cut, l.dlEnd = d.n, d.end
					l.date, l.md, l.by = d.date, d.md, d.agency
					out.dateline = Span{l.start, l.start + d.end}
				}
			}
		}
		start := l.start + l.cut
		if rest := l.text[l.cut:]; l.cut > 0 {
			// The cut (after a dateline) skips ASCII blanks only; a
			// paragraph starts at its first character that is not space.
			start += len(rest) - len(strings.TrimLeftFunc(rest, unicode.IsSpace))
		}
		if prev >= 0 && l.gap == 0 && continues(p.at(prev).text, l.text) {
			out.paras[len(out.paras)-1].End = l.end
		} else {
			out.paras = append(out.paras, Span{start, l.end})
		}
		prev = k
	}
	if len(out.paras) == 0 {
		out.body = Span{len(p.text), len(p.text)}
		return
	}
	out.body = Span{out.paras[0].Start, out.paras[len(out.paras)-1].End}
}

// metadata finds the headline, the publication date and the byline.
//
// The date is, best first: the header's (date line, time line, dated
// headline, dateline alone); the first paragraph's dateline, when it
// gives the year; a date line elsewhere on the page (the end of the
// body); a dateline's month and day in the year that puts it nearest
// after the first other full date on the page. A year alone is never a
// date, and the body's sentences are never searched for one.
func (p *page) metadata(body int, out *pageLayout) {
	var dl *line
	bylineRank := 10
	for k := range p.nb {
		l := p.at(k)
		if l.kind == kindDateline && dl == nil && k <= body {
			dl = l
		}
		if k < body && l.kind == kindHeadline && out.title == "" {
			out.title = firstNonEmpty(l.title, l.text)
		}
		if (k < body || l.rule == "wire date paragraph") && out.published.IsZero() && !l.date.IsZero() {
			out.published = l.date
		}
		if l.by != "" && (k < body || l.kind == kindByline || l.rule == "wire date paragraph") {
			r := 4
			switch {
			case k >= body:
				r = 5
			case l.kind == kindByline:
				r = 0
			case l.kind == kindTimeLine:
				r = 1
			case l.kind == kindDate:
				r = 2
			case l.kind == kindSource:
				r = 3
			}
			if r < bylineRank {
				out.byline, bylineRank = l.by, r
			}
		}
	}
	if out.byline == "" && dl != nil {
		out.byline = dl.by
	}
	if !out.published.IsZero() {
		return
	}
	if dl != nil && !dl.date.IsZero() {
		out.published = dl.date
		return
	}
	for k := body; k < len(p.nb); k++ {
		if l := p.at(k); (l.kind == kindDate || l.kind == kindTimeLine) && !l.date.IsZero() {
			out.published = l.date
			return
		}
	}
	defer func() {
		// Last of all, the date in the page's address on a line of its own.
		for k := 0; k < len(p.nb) && out.published.IsZero(); k++ {
			if l := p.at(k); !l.addrDate.IsZero() {
				out.published = l.addrDate
			}
		}
	}()
	if dl == nil || dl.md.month == 0 {
		return
	}
	for k := range p.nb {
		l := p.at(k)
		s := l.text
		if l == dl {
			s = s[l.dlEnd:]
		}
		if !hasYear(s) {
			continue
		}
		if _, _, ref, ok := findDate(s); ok {
			out.published, _ = dl.md.near(ref)
			return
		}
	}
	// A dateline's month and day after a part of a year its paragraph
	// reports: "HARBIN, Nov. 12 (Xinhua) -- ... in the first three
	// quarters of 2022" is 2022-11-12; a report on the fourth quarter of
	// 2022 dated Jan. 20 is of 2023.
	if t, ok := dl.md.afterPeriod(dl.text[dl.dlEnd:]); ok {
		out.published = t
	}
}

// separatorLine reports a line of nothing but punctuation ("-", "|").
func separatorLine(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// continues reports whether next carries on the sentence prev breaks off:
// prev does not end one and next begins in lower case.
func continues(prev, next string) bool {
	if terminated(prev) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(next)
	return unicode.IsLower(r)
}

// headlineShape reports whether s can be a headline: a capital, digit or
// quotation mark first, reasonably short, not ending in a period and not
// a run of sentences. A headline may ask or exclaim ("Why Harbin?") or
// end in a quotation.
func headlineShape(s string) bool {
	if len(s) > 200 || len(strings.Fields(s)) > 30 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s)
	if !unicode.IsUpper(r) && !unicode.IsDigit(r) && !strings.ContainsRune("\"'“‘", r) {
		return false
	}
	t := strings.TrimRight(s, "\"'”’)]  ")
	if t == "" {
		return false
	}
	if r, _ := utf8.DecodeLastRuneInString(t); r == '.' || r == ';' || r == ',' || r == '…' {
		return false
	}
	// "A rose. B fell" is two sentences; "Why Harbin? A view" a headline.
	return !breakInside(s, ".")
}

// abbrevBefore reports whether the period at i ends an initial or a
// short abbreviation ("U.S. ", "Dr. ", "Feb. ").
func abbrevBefore(s string, i int) bool {
	k := i
	for k > 0 && isASCIILetter(s[k-1]) {
		k--
	}
	return i-k >= 1 && i-k <= 4 && s[k] >= 'A' && s[k] <= 'Z'
}

// terminated reports whether s ends like a sentence.
func terminated(s string) bool {
	s = strings.TrimRight(s, " \u00a0\t")
	if s == "" {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	switch r {
	case '.', '!', '?', '"', '\'', '\u201d', '\u2019', ':', ';', ')', ']', '\u2026', '。':
		return true
	}
	return false
}

// titleShape reports whether s reads as a heading in running text: two to
// 24 words, a capital or digit first, and no final punctuation but a
// question or exclamation mark on a short one.
func titleShape(s string) bool {
	if len(s) > 160 || s == "" {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(s); !unicode.IsUpper(r) && !unicode.IsDigit(r) {
		return false
	}
	asks := false
	if terminated(s) {
		r, _ := utf8.DecodeLastRuneInString(s)
		if (r != '?' && r != '!') || strings.Contains(s, ". ") {
			return false
		}
		asks = true
	}
	n := countWords(s)
	return n >= 2 && n <= 24 && !(asks && n > 15)
}

// countWords counts the words of s set apart by white space.
func countWords(s string) int {
	n, in := 0, false
	for _, r := range s {
		if r == ' ' || r < 0x80 && r <= ' ' || r >= 0x80 && unicode.IsSpace(r) {
			in = false
		} else if !in {
			in = true
			n++
		}
	}
	return n
}
