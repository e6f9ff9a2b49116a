package document

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// ParseText parses a plain-text article in the news-site layout: an
// optional breadcrumb ("Home>Biz updates"), the headline, "Updated :
// YYYY-MM-DD", "By ( source )", the body paragraphs and, at the end, zero
// or more teasers of other articles (a headline and its first line),
// which Body leaves out.
//
// It also reads the wire layout (" date 2023-12-28 Headline" then
// "Xinhua) 09:42, March 3, 2022"), a "HARBIN, Feb. 11 (Xinhua) --"
// dateline (its agency becomes the byline), press releases (a "PRESS
// RELEASE" line, a date line), a date on a line of its own at the end, and
// articles with no date at all (Published is then zero). A trailing
// "(Web editor: ...)" line and photo captions after the body are not body.
//
// Text is the file itself. The error, which names source, is returned for
// empty input, NUL bytes or other binary content, and invalid UTF-8.
func ParseText(source string, data []byte) (Article, error) {
	if err := validate(source, data); err != nil {
		return Article{}, err
	}
	text := string(data)
	a := Article{Source: source, Text: text}
	lines := textLines(text)

	// Header.
	i := 0
	for i < len(lines) && lines[i].blank {
		i++
	}
	bodyStart := -1
	for n := 0; i < len(lines) && n < 8; i++ {
		ln := lines[i]
		if ln.blank {
			continue
		}
		s := ln.trim
		n++
		switch {
		case a.Title == "" && n == 1 && textIsBreadcrumb(s):
			continue
		case a.Title == "" && textIsReleaseMark(s):
			continue
		}
		if d, title, ok := textWireHeader(s); ok {
			a.Published, a.Title = d, title
			continue
		}
		if d, ok := textDateLine(s); ok {
			if a.Published.IsZero() {
				a.Published = d
			}
			continue
		}
		if by, ok := textByline(s); ok {
			a.Byline = by
			continue
		}
		if by, d, ok := textWireTimeLine(s); ok {
			if a.Byline == "" {
				a.Byline = by
			}
			if a.Published.IsZero() {
				a.Published = d
			}
			continue
		}
		if a.Title == "" && textIsHeadline(s) && textHeadlineFollows(lines, i) {
			a.Title = s
			continue
		}
		bodyStart = i
		break
	}
	if bodyStart < 0 {
		// Only header lines: the body is empty, right after them.
		end := len(text)
		a.Body = Span{Start: end, End: end}
		return a, nil
	}

	// Body paragraphs: the non-blank lines from bodyStart on.
	var paras []textLine
	for _, ln := range lines[bodyStart:] {
		if !ln.blank {
			paras = append(paras, ln)
		}
	}
	paras = textTrimTail(paras, &a)
	if a.Byline == "" {
		a.Byline = textDatelineAgency(paras[0].trim)
	}
	a.Body = Span{Start: paras[0].start, End: paras[0].end}
	if len(paras) > 0 {
		a.Body.End = paras[len(paras)-1].end
	}
	return a, nil
}

// textLine is one line of the file: [start, end) is its content without
// the line break and surrounding white space.
type textLine struct {
	start, end int
	trim       string
	blank      bool
	gap        int // blank lines before it
}

func textLines(text string) []textLine {
	var out []textLine
	gap := 0
	for pos := 0; pos < len(text); {
		e := strings.IndexByte(text[pos:], '\n')
		next := len(text)
		if e >= 0 {
			next = pos + e + 1
			e = pos + e
		} else {
			e = len(text)
		}
		s, t := pos, e
		for s < t {
			r, n := utf8.DecodeRuneInString(text[s:t])
			if !unicode.IsSpace(r) && r != '\ufeff' {
				break
			}
			s += n
		}
		for t > s {
			r, n := utf8.DecodeLastRuneInString(text[s:t])
			if !unicode.IsSpace(r) {
				break
			}
			t -= n
		}
		ln := textLine{start: s, end: t, trim: text[s:t], blank: s == t, gap: gap}
		if ln.blank {
			gap++
		} else {
			gap = 0
		}
		out = append(out, ln)
		pos = next
	}
	return out
}

// textIsBreadcrumb reports a site path line such as "Home>Biz updates".
func textIsBreadcrumb(s string) bool {
	return strings.Contains(s, ">") && len(s) < 100 && !textTerminated(s)
}

func textIsReleaseMark(s string) bool {
	u := strings.ToUpper(strings.TrimRight(s, ":"))
	return u == "PRESS RELEASE" || u == "FOR IMMEDIATE RELEASE" || u == "NEWS RELEASE" || u == "MEDIA RELEASE"
}

// textIsHeadline reports whether s can be a headline: reasonably short,
// not ending in a period and not a run of sentences. A headline may ask or
// exclaim ("Why Harbin?") or end in a quotation.
func textIsHeadline(s string) bool {
	if len(s) > 200 || len(strings.Fields(s)) > 30 {
		return false
	}
	t := strings.TrimRight(s, "\"'”’)]  ")
	if t == "" {
		return false
	}
	if r, _ := utf8.DecodeLastRuneInString(t); r == '.' || r == ';' || r == ',' || r == '…' {
		return false
	}
	// "A rose. B fell": a sentence ends inside it.
	for i := strings.Index(s, ". "); i >= 0; {
		j := i + 2
		if j < len(s) && (s[j] >= 'A' && s[j] <= 'Z' || s[j] >= '0' && s[j] <= '9') && !textAbbrevBefore(s, i) {
			return false
		}
		k := strings.Index(s[j:], ". ")
		if k < 0 {
			break
		}
		i = j + k
	}
	return true
}

// textAbbrevBefore reports whether the period at i ends an initial or a
// short abbreviation ("U.S. ", "Dr. ", "Feb. ").
func textAbbrevBefore(s string, i int) bool {
	k := i
	for k > 0 && (s[k-1] >= 'a' && s[k-1] <= 'z' || s[k-1] >= 'A' && s[k-1] <= 'Z') {
		k--
	}
	return i-k >= 1 && i-k <= 4 && s[k] >= 'A' && s[k] <= 'Z'
}

// textHeadlineFollows reports whether what follows line i lets it be a
// headline: a blank line and more text, or a date or byline line. A line
// running straight into the next, or alone, is body.
func textHeadlineFollows(lines []textLine, i int) bool {
	j := i + 1
	for j < len(lines) && lines[j].blank {
		j++
	}
	if j >= len(lines) {
		return false
	}
	s := lines[j].trim
	if _, ok := textDateLine(s); ok {
		return true
	}
	if _, ok := textByline(s); ok {
		return true
	}
	if _, _, ok := textWireTimeLine(s); ok {
		return true
	}
	return lines[j].gap > 0
}

// textDateLine reads "Updated : 2024-08-26", "Published: Aug 26, 2024",
// "Date: ..." or a line that is only a date.
func textDateLine(s string) (d time.Time, ok bool) {
	rest := s
	for _, p := range []string{"updated", "published", "posted", "released", "date", "release date"} {
		if len(rest) > len(p) && strings.EqualFold(rest[:len(p)], p) && !textWordByte(rest[len(p)]) {
			rest = strings.TrimLeft(rest[len(p):], " \t\u00a0:")
			break
		}
	}
	rest = strings.TrimSpace(strings.Trim(rest, "\u00a0"))
	if len(rest) > 40 || rest == "" {
		return time.Time{}, false
	}
	return ParseDate(rest)
}

func textWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// textByline reads "By ( e.my399.com )", "By (Xinhua)" or "By Jane Doe".
func textByline(s string) (string, bool) {
	if len(s) < 4 || !strings.EqualFold(s[:2], "by") || textWordByte(s[2]) {
		return "", false
	}
	rest := strings.TrimSpace(s[2:])
	if strings.HasPrefix(rest, "(") && strings.HasSuffix(rest, ")") {
		return strings.TrimSpace(rest[1 : len(rest)-1]), true
	}
	if len(rest) > 0 && len(rest) < 60 && !textTerminated(rest) && rest[0] >= 'A' && rest[0] <= 'Z' && !strings.ContainsAny(rest, ",;") {
		return rest, true
	}
	return "", false
}

// textWireHeader reads " date 2023-12-28 Headline".
func textWireHeader(s string) (time.Time, string, bool) {
	if len(s) < 16 || !strings.EqualFold(s[:5], "date ") {
		return time.Time{}, "", false
	}
	rest := strings.TrimSpace(s[5:])
	if len(rest) < 10 {
		return time.Time{}, "", false
	}
	d, ok := ParseDate(rest[:10])
	if !ok {
		return time.Time{}, "", false
	}
	return d, strings.TrimSpace(rest[10:]), true
}

// textWireTimeLine reads "Xinhua) 09:42, March 3, 2022".
func textWireTimeLine(s string) (string, time.Time, bool) {
	i := strings.IndexByte(s, ')')
	if i <= 0 || i > 40 {
		return "", time.Time{}, false
	}
	by := strings.TrimSpace(strings.TrimLeft(s[:i], "("))
	rest := strings.TrimSpace(s[i+1:])
	// Drop a time of day.
	if j := strings.IndexByte(rest, ','); j > 0 && j <= 6 && strings.Contains(rest[:j], ":") {
		rest = strings.TrimSpace(rest[j+1:])
	}
	d, ok := ParseDate(rest)
	if !ok {
		return "", time.Time{}, false
	}
	return by, d, true
}

// textDatelineAgency returns the agency of a "HARBIN, March 3 (Xinhua) --"
// dateline that starts a paragraph, or "".
func textDatelineAgency(s string) string {
	i := strings.IndexByte(s, '(')
	j := strings.IndexByte(s, ')')
	if i < 0 || j < i || j > 60 {
		return ""
	}
	after := strings.TrimSpace(s[j+1:])
	if !strings.HasPrefix(after, "--") && !strings.HasPrefix(after, "\u2014") && !strings.HasPrefix(after, "\u2013") {
		return ""
	}
	head := s[:i]
	if k := strings.IndexByte(head, ','); k < 0 || strings.ToUpper(head[:k]) != head[:k] {
		return ""
	}
	return strings.TrimSpace(s[i+1 : j])
}

// textTerminated reports whether s ends like a sentence.
func textTerminated(s string) bool {
	s = strings.TrimRight(s, " \u00a0\t")
	if s == "" {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	switch r {
	case '.', '!', '?', '"', '\'', '\u201d', '\u2019', ':', ';', ')', ']', '\u2026':
		return true
	}
	return false
}

// textIsCaption reports a photo caption or an editor's note.
func textIsCaption(s string) bool {
	l := strings.ToLower(s)
	return strings.Contains(l, "[photo") || strings.HasPrefix(l, "(web editor") || strings.HasPrefix(l, "(editor") ||
		strings.HasPrefix(l, "[editor") || strings.HasPrefix(l, "photo:") || strings.HasPrefix(l, "source:") && len(s) < 80
}

// textTitleLike reports whether s reads as a headline: no final
// punctuation, a few words, a capital first letter.
func textTitleLike(s string) bool {
	n := len(strings.Fields(s))
	if len(s) > 160 || textIsCaption(s) {
		return false
	}
	if textTerminated(s) {
		// Headlines may ask or exclaim ("Why Harbin?"), never end in a period.
		r, _ := utf8.DecodeLastRuneInString(s)
		if (r != '?' && r != '!') || n > 15 || strings.Contains(s, ". ") {
			return false
		}
	}
	r, _ := utf8.DecodeRuneInString(s)
	return n >= 2 && n <= 24 && (unicode.IsUpper(r) || unicode.IsDigit(r))
}

// textTrimTail removes what follows the body: editor's notes, captions, a
// date line and teasers (a title-like line, then one line). It keeps at
// least one paragraph.
func textTrimTail(paras []textLine, a *Article) []textLine {
	for {
		n := len(paras)
		if n <= 1 {
			return paras
		}
		last := paras[n-1].trim
		if textIsCaption(last) {
			paras = paras[:n-1]
			continue
		}
		if d, ok := textDateLine(last); ok {
			if a.Published.IsZero() {
				a.Published = d
			}
			paras = paras[:n-1]
			continue
		}
		if n < 3 {
			return paras
		}
		t, l := paras[n-2], paras[n-1]
		if !textTitleLike(t.trim) {
			return paras
		}
		// The gap between body paragraphs, and whether the body has
		// title-like subheadings of its own.
		gap, subheads := 0, false
		for k := 1; k < n-2; k++ {
			gap = max(gap, paras[k].gap)
			if textTitleLike(paras[k].trim) {
				subheads = true
			}
		}
		prevCaption := textIsCaption(paras[n-3].trim)
		if t.gap > gap || prevCaption || !textTerminated(l.trim) || !subheads {
			paras = paras[:n-2]
			continue
		}
		return paras
	}
}
