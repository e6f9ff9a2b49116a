package document

import (
	"net/url"
	"regexp"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"
)

// Every line of a page is classified once into a kind: first from its
// own text by the recognisers below, then by its place on the page (see
// layout.go), which decides what no line can say alone: which title-like
// line is the headline, which are subheadings, which pairs at the end
// are teasers of other articles. Plain text, the lines of an HTML page's
// article and the body of a JSON lines record all go through the same
// classifier.

// A kind is what a line of a page is.
type kind uint8

const (
	kindBlank      kind = iota
	kindBody            // a paragraph of the article, or a list item or table row
	kindDateline        // a paragraph that opens with a dateline, or a dateline alone
	kindHeadline        // the article's headline
	kindSubhead         // a heading inside the article, or a deck under the headline
	kindBreadcrumb      // a site path or a section name above the headline
	kindDate            // a line that gives the date: "Updated : 2024-08-26"
	kindTimeLine        // a wire time line: "Xinhua) 09:42, March 3, 2022"
	kindByline          // "By ( news.example.com )", "( Xinhua)"
	kindSource          // a source credit: "Source: Xinhua", "(Source: City News)"
	kindCaption         // a photo caption
	kindSummary         // a standfirst the page repeats from the article: "【Introduction】..."
	kindTeaser          // the headline or first line of another article
	kindRelated         // a related-links heading, link or list
	kindEditor          // "(Web editor: ...)", "Editor: ...", "(Reporter: ... Editor: ...)"
	kindFurniture       // page furniture: share and print bars, "Adjust font size:", labels, separators
	kindTable           // a row, row label or header of a table of figures (table.go)
)

var kindNames = [...]string{
	"blank", "body", "dateline", "headline", "subhead", "breadcrumb", "date", "time line",
	"byline", "source", "caption", "summary", "teaser", "related", "editor", "furniture", "table",
}

func (k kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "kind?"
}

// A hint is what an HTML page's markup says about a line.
type hint uint8

const (
	hintNone     hint = iota
	hintHeadline      // the <h1>, or the page's title
	hintHeading       // an <h2> to <h6>
	hintTime          // a <time> element standing on a line of its own
	hintTable         // a table row
)

// A line is one line of a page and what it was found to be.
type line struct {
	start, end int    // the line's text in the page, without surrounding white space
	text       string // the page's text[start:end]
	gap        int    // blank lines before it
	hint       hint
	kind       kind
	rule       string    // the recogniser or layout rule that set kind
	date       time.Time // the date the line gives, if any
	md         monthDay  // a dateline's month and day when it gives no year
	by         string    // the byline, agency or source the line names
	title      string    // the headline a headline line carries beside a date
	cut        int       // bytes at the start that are not paragraph text: a dateline or a bullet
	dlEnd      int       // for a dateline, the bytes of text the dateline itself spans
	addrDate   time.Time // for a page's address alone on a line, the date in its path
}

// splitLines splits text into lines, trimming each of white space and
// byte order marks, and counts the blank lines before each.
func splitLines(text string) []line {
	var out []line
	gap := 0
	for pos := 0; pos < len(text); {
		e := strings.IndexByte(text[pos:], '\n')
		next := len(text)
		if e >= 0 {
			next = pos + e + 1
			e += pos
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
			if !unicode.IsSpace(r) && r != '\ufeff' {
				break
			}
			t -= n
		}
		ln := line{start: s, end: t, text: text[s:t], gap: gap}
		if s == t {
			ln.kind = kindBlank
			gap++
		} else {
			gap = 0
		}
		out = append(out, ln)
		pos = next
	}
	return out
}

// A recognizer decides from a line's text alone that the line is of one
// kind, filling in what the line says (its date, byline).
type recognizer struct {
	name  string
	kind  kind
	max   int // the longest line, in bytes, it considers
	match func(l *line) bool
}

// recognizers are tried in order and the first that matches decides; a
// line none matches is body text. The order settles overlaps: a caption
// may hold a date, a date line may name a source, a byline has no date.
var recognizers = [...]recognizer{
	{"wire date paragraph", kindBody, 1 << 20, wireDateParagraph}, // " date 2023-10-16 (ECNS) -- The route has ..."
	{"wire header", kindHeadline, 400, wireHeader},                // " date 2022-03-03 Headline"
	{"editor line", kindEditor, 600, editorLine},                  // "(Web editor: Li Hua)"
	{"summary", kindSummary, 1 << 20, summaryLine},                // "【Introduction】: ..."
	{"caption", kindCaption, 1500, captionLine},                   // "... [Photo/Xinhua]"
	{"dateline alone", kindDateline, 160, datelineAlone},          // "HARBIN, China, Dec. 25, 2023 /PRNewswire/ --"
	{"wire time line", kindTimeLine, 100, timeLine},               // "Xinhua) 09:42, March 3, 2022"
	{"date line", kindDate, 200, dateLine},                        // "Updated : 2022-05-11Source : X"
	{"timestamp line", kindDate, 16, timestampLine},               // "1577222633000"
	{"address line", kindFurniture, 500, addressLine},             // "http://www.example.cn/a/201907/25/WS5d.html"
	{"byline", kindByline, 120, bylineLine},                       // "By ( news.example.com )", "( Xinhua)"
	{"source credit", kindSource, 120, sourceLine},                // "Source: Xinhua"
	{"breadcrumb", kindBreadcrumb, 160, breadcrumbLine},           // "Present position: > english > Local News"
	{"release mark", kindFurniture, 40, releaseMark},              // "PRESS RELEASE"
	{"field label", kindFurniture, 40, labelLine},                 // "Publish Time"
	{"share bar", kindFurniture, 160, shareBar},                   // "3 CommentsPrint E-mail", "|"
	{"related heading", kindRelated, 60, relatedHeading},          // "Related News"
	{"related link", kindRelated, 300, relatedLink},               // "Read more: ..."
	{"list item", kindBody, 1 << 30, listItem},                    // "• Jixi had 12 parks."
}

// classify sets l's kind from its text and its markup hint.
func classify(l *line) {
	switch l.hint {
	case hintHeadline:
		l.kind, l.rule = kindHeadline, "markup headline"
		return
	case hintTable:
		l.kind, l.rule = kindBody, "table row"
		return
	case hintTime:
		l.kind, l.rule = kindDate, "time element"
		if _, _, t, ok := findDate(l.text); ok {
			l.date = t
		}
		return
	}
	for i := range recognizers {
		r := &recognizers[i]
		if len(l.text) <= r.max && r.match(l) {
			l.kind, l.rule = r.kind, r.name
			return
		}
	}
	l.kind, l.rule = kindBody, "text"
}

// wireHeader reads " date 2022-03-03 Headline", the wire layout's first line.
func wireHeader(l *line) bool {
	s := l.text
	if len(s) < 16 || !strings.EqualFold(s[:5], "date ") {
		return false
	}
	rest := strings.TrimSpace(s[5:])
	if len(rest) < 12 {
		return false
	}
	d, ok := ParseDate(rest[:10])
	title := strings.TrimSpace(rest[10:])
	if !ok || title == "" {
		return false
	}
	l.date, l.title = d, title
	return true
}

// wireDateParagraph reads a wire copy's first paragraph that follows its
// date on the same line, with no headline between: " date 2023-10-16
// (ECNS) -- The route has seen 4,000 trains this year, the bureau said."
// The date is the page's; the agency in brackets is the byline; the rest,
// a sentence, is the first paragraph (l.cut skips the date and agency).
func wireDateParagraph(l *line) bool {
	s := l.text
	if len(s) < 30 || !strings.EqualFold(s[:5], "date ") {
		return false
	}
	i := 5
	for i < len(s) && s[i] == ' ' {
		i++
	}
	if i+10 > len(s) {
		return false
	}
	d, ok := ParseDate(s[i : i+10])
	if !ok {
		return false
	}
	j := i + 10
	for j < len(s) && s[j] == ' ' {
		j++
	}
	by := ""
	if j < len(s) && s[j] == '(' {
		if k := strings.IndexByte(s[j:], ')'); k > 1 && k < 40 {
			name := strings.TrimSpace(s[j+1 : j+k])
			m := j + k + 1
			for m < len(s) && s[m] == ' ' {
				m++
			}
			if nameLike(name) && (strings.HasPrefix(s[m:], "--") || strings.HasPrefix(s[m:], "—") || strings.HasPrefix(s[m:], "- ")) {
				m += len(strings.SplitN(s[m:], " ", 2)[0])
				for m < len(s) && s[m] == ' ' {
					m++
				}
				by, j = name, m
			}
		}
	}
	rest := s[j:]
	if countWords(rest) < 12 || !endsSentence(rest) {
		return false // a headline after the date: "wire header"
	}
	l.date, l.by, l.cut = d, by, j
	return true
}

// editorLabels open credit lines, longest first where one starts another.
var editorLabels = []string{
	"web editor", "chief editor", "responsible editor", "executive editor", "editor in charge",
	"editor's note", "editors' note", "editor’s note", "editor", "editors", "reporters", "reporter",
	"translators", "translator", "proofreaders", "proofreader", "correspondents", "correspondent",
	"edited by", "translated by", "compiled by", "proofread by", "written by", "reported by",
	"produced by", "contributed by",
}

// editorLine reads a credit line: "(Web editor: Li Hua, Wang Min)",
// "Editor: Chen Bo", "(Reporter: Zhao Lin Editor: Sun Yue)",
// "Edited by Li Hua", and an editor's note.
func editorLine(l *line) bool {
	s := strings.TrimLeft(l.text, "([（【 ")
	if s == "" || strings.IndexByte("wcretp", s[0]|0x20) < 0 {
		return false // no label begins so
	}
	label := ""
	for _, p := range editorLabels {
		if len(s) > len(p) && strings.EqualFold(s[:len(p)], p) && !isWordByte(s[len(p)]) {
			if len(p) > len(label) {
				label = p
			}
		}
	}
	if label == "" {
		return false
	}
	rest := strings.TrimSpace(s[len(label):])
	switch {
	case strings.HasSuffix(label, "note"):
		return strings.HasPrefix(rest, ":") || strings.HasPrefix(rest, "：")
	case strings.HasSuffix(label, " by"):
	case strings.HasPrefix(rest, ":"), strings.HasPrefix(rest, "："):
		rest = strings.TrimLeft(rest, ":： ")
	default:
		return false
	}
	// A list of names, not a sentence.
	return rest != "" && len(rest) <= 120 && !sentenceInside(rest) && !strings.HasSuffix(rest, ".")
}

// sentenceInside reports a sentence break inside s: a period, question or
// exclamation mark and a space before a capital letter or digit, other
// than after an abbreviation or initial.
func sentenceInside(s string) bool { return breakInside(s, ".!?") }

// breakInside reports a sentence break inside s after one of marks.
func breakInside(s, marks string) bool {
	for i := 0; i+2 < len(s); i++ {
		if strings.IndexByte(marks, s[i]) >= 0 && s[i+1] == ' ' {
			c := s[i+2]
			if (c >= 'A' && c <= 'Z' || isDigit(c)) && !(s[i] == '.' && abbrevBefore(s, i)) {
				return true
			}
		}
	}
	return false
}

// summaryLine reads a standfirst set off by a bracketed label, as in
// "【Introduction】: ...": the page's summary of the article below it.
func summaryLine(l *line) bool {
	if !strings.HasPrefix(l.text, "【") {
		return false
	}
	end := strings.Index(l.text, "】")
	return end > 0 && end <= 40
}

var (
	// captionCredit is the credit that ends a caption: "(Xinhua/Wang
	// Min)", "(Photo: Li Hua)", "(Xinhua photo)".
	captionCredit = lazyRegexp(`\((?:\p{Lu}[\p{L}.]*(?: \p{L}+)?/[^()]{1,40}|(?i:photos?)(?::| by | provided| courtesy)[^()]{0,60}|\p{Lu}\p{L}+ (?i:photo))\)\s*$`)
	// captionOpen is how captions begin.
	captionOpen = lazyRegexp(`^(?i:(?:an? |this |the |undated |combo |file |aerial |handout |drone )*photos? (?:taken|shows?|showing|provided|released|from|made|of|dated)\b)`)
)

// captionLine reads a photo caption: one with a bracketed credit
// ("[Photo/example.com]", "[Photo by Li Hua/City News]"), a credit in
// parentheses at the end, a credit bar ("... / For City News |"), an
// outlet in capitals after the last sentence, or one that opens "File
// photo shows", "This photo from ... shows", "Photo taken on ...".
func captionLine(l *line) bool {
	s := l.text
	for _, open := range []byte("[(") {
		marks := bracketMarks
		if open == '(' {
			marks = parenMarks
		}
		for i := strings.IndexByte(s, open); i >= 0; {
			for _, mark := range marks {
				if len(s)-i-1 >= len(mark) && strings.EqualFold(s[i+1:i+1+len(mark)], mark) {
					return true
				}
			}
			j := strings.IndexByte(s[i+1:], open)
			if j < 0 {
				break
			}
			i += 1 + j
		}
	}
	for _, p := range []string{"photo:", "photos:", "pictured:"} {
		if len(s) >= len(p) && strings.EqualFold(s[:len(p)], p) {
			return true
		}
	}
	if len(s) > 10 && strings.HasSuffix(s, " |") {
		return true
	}
	if strings.HasSuffix(s, ")") && captionCredit().MatchString(s) {
		return true
	}
	if capsCredited(s) {
		return true
	}
	if strings.Contains(s, "hoto") && captionOpen().MatchString(s) {
		low := strings.ToLower(s)
		return strings.Contains(low, " show") || strings.Contains(low, "photo taken")
	}
	return false
}

// bracketMarks and parenMarks open a caption's credit after "[" or "(":
// "[Photo/example.com]", "[Photo provided to City News]", "(Photo: Li Hua)".
var (
	bracketMarks = []string{"photo", "file photo", "image", "video"}
	parenMarks   = []string{"photo/", "photo:", "photo by", "photos by", "photos:", "file photo"}
)

// capsCredited reports a caption that ends with an outlet's name in
// capitals after its last sentence: "... at the plant. CITY NEWS".
func capsCredited(s string) bool {
	s = strings.TrimRight(s, " ")
	i := len(s)
	words := 0
	for i > 0 {
		j := i
		for j > 0 && s[j-1] >= 'A' && s[j-1] <= 'Z' {
			j--
		}
		if i-j < 2 {
			return false
		}
		words++
		i = j
		if i > 0 && strings.IndexByte(" &/-", s[i-1]) >= 0 && words < 4 && i > 1 && s[i-2] >= 'A' && s[i-2] <= 'Z' {
			i--
			continue
		}
		break
	}
	if i < 2 || s[i-1] != ' ' {
		return false
	}
	k := strings.TrimRight(s[:i], " ")
	k = strings.TrimRight(k, "\"”’")
	return k != "" && strings.IndexByte(".!?", k[len(k)-1]) >= 0
}

// datelineAlone reads a line that is a dateline and nothing more, set on a
// line of its own above the paragraph it opens.
func datelineAlone(l *line) bool {
	// It ends in its separator or agency.
	if r, _ := utf8.DecodeLastRuneInString(l.text); !strings.ContainsRune("-—–:：)/", r) {
		return false
	}
	d, ok := datelineAt(l.text)
	if !ok || d.n < len(l.text) || d.date.IsZero() && d.agency == "" || !d.dash && !(d.place && d.agency != "") {
		return false
	}
	l.date, l.md, l.by, l.dlEnd = d.date, d.md, d.agency, d.end
	return true
}

// timeLine reads the wire time line "Xinhua) 09:42, March 3, 2022" (with
// or without the opening parenthesis).
func timeLine(l *line) bool {
	s := l.text
	i := strings.IndexByte(s, ')')
	if i <= 0 || i > 40 {
		return false
	}
	by := strings.TrimSpace(strings.TrimLeft(s[:i], "( "))
	rest := strings.TrimSpace(s[i+1:])
	n := timeLen(rest)
	if by == "" || n == 0 {
		return false
	}
	rest = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(rest[n:]), ","))
	d, ok := ParseDate(rest)
	if !ok {
		return false
	}
	l.date, l.by = d, by
	return true
}

// timeLen returns the length of a time of day ("09:42", "9:42:07") at the
// start of s, or 0.
func timeLen(s string) int {
	h, n := leadingInt(s, 2)
	if n == 0 || h > 24 || n >= len(s) || s[n] != ':' {
		return 0
	}
	j := n + 1
	if _, m := leadingInt(s[j:], 2); m != 2 {
		return 0
	}
	j += 2
	if j+3 <= len(s) && s[j] == ':' {
		if _, m := leadingInt(s[j+1:], 2); m == 2 {
			j += 3
		}
	}
	return j
}

// dateLine reads a line that gives a date and nothing but page metadata
// around it: labels, times, zones, sources and share-bar words.
//
//	Updated : 2024-08-26          Publish Time:2019-05-06 11:20:05Source:http://www.example.cn
//	2022-10-03                    Updated : 2022-05-11Source : Harbin Daily
//	3 Mar 2024, 08:15 GMT+8       Source: Xinhua| 2018-12-24 18:33:02|
//	(Xinhua) Updated: 2016-04-12 08:30
//	3 CommentsPrint E-mail Xinhua, May 2, 2012
//	Feb. 26, 2025 (GLOBE NEWSWIRE)
//
// The source it names, if any, becomes the line's byline.
func dateLine(l *line) bool {
	s := l.text
	if !hasYear(s) || endsSentence(s) {
		return false
	}
	i, j, t, ok := findDate(s)
	if !ok {
		return false
	}
	by, ok := metaResidue(s[:i], s[j:])
	if !ok {
		return false
	}
	l.date, l.by = t, by
	return true
}

// addressLine reads a page's address alone on a line, as copied pages
// keep it above or below the article; the date in its path
// ("/a/201907/25/") dates the page when nothing else on it does.
func addressLine(l *line) bool {
	s := l.text
	if !strings.HasPrefix(s, "http://") && !strings.HasPrefix(s, "https://") && !strings.HasPrefix(s, "www.") || strings.ContainsAny(s, " \t") {
		return false
	}
	if t, ok := urlDate(s); ok {
		l.addrDate = t
	}
	return true
}

// timestampLine reads a line that is nothing but a Unix time, in seconds
// (10 digits) or milliseconds (13), as pages exported from a content
// system carry their publication time: "1577222633000". Only times from
// 2000 to 2099 count, so that no other long number passes for one; the
// date is the UTC day.
func timestampLine(l *line) bool {
	s := strings.TrimSpace(l.text)
	if len(s) != 10 && len(s) != 13 {
		return false
	}
	var n int64
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
		n = n*10 + int64(s[i]-'0')
	}
	if len(s) == 13 {
		n /= 1000
	}
	t := time.Unix(n, 0).UTC()
	if t.Year() < 2000 || t.Year() > 2099 {
		return false
	}
	l.date = time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	return true
}

var (
	residueURL    = lazyRegexp(`https?://[^\s|()]+`)
	residueSource = lazyRegexp(`(?i)(?:^|[^a-z])(source|from)\s*(?:[:：]|£º)\s*`)
	residueBy     = lazyRegexp(`(?i)(?:^|[\s|])by\s+`)
	residueTime   = lazyRegexp(`(?i)\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\b\.?)?`)
	residueZone   = lazyRegexp(`(?i)\b(?:gmt|utc|bjt|cst|est|edt|pst|pdt|cet|cest|jst|kst|hkt|sgt)(?:\s*[+-]\s*\d{1,2}(?::?\d{2})?)?\b|[+-]\d{2}:?\d{2}\b|\(?\bbeijing\s+time\b\)?`)
	residueShare  = lazyRegexp(`(?i)\d*\s*comments?|print|e-?mail|\bshare\b|\btweet\b|(?:adjust\s+)?(?:font|text)\s+size`)
	residueLabel  = lazyRegexp(`(?i)\b(?:last\s+)?(?:updated?|published|publish|publication|posted|released?|issued|created|modified|dated?|time)\b(?:\s+(?:on|at|date|time)\b)?`)
	residueParen  = lazyRegexp(`\(\s*([^()]{0,60}?)\s*\)|^\s*([^()]{1,40}?)\s*\)|/\s*(\p{L}[^/\s]{1,30})\s*/`)
)

// residueSeparators are the characters that may stand between the pieces
// of a date line. "£º" is the full-width colon "：" of a page encoded in
// GBK and decoded as Latin-1, as many copied Chinese pages have it.
const residueSeparators = " \t\u00a0\u3000|,，:：;/()[]【】·•-–—.£º"

// groupSeparators set the bare names of a date line apart from each
// other: the residue separators but spaces, brackets, hyphens and periods,
// which may stand inside a name.
const groupSeparators = "|,，:：;/·•–—£º"

// metaResidue decides whether what stands before and after the date of a
// line is page metadata, and returns the source it names. A bare name
// ("Xinhua, June 14, 2011") must be set off from the date by a separator;
// a name after a "Source:" or "By" label may be anything short.
func metaResidue(pre, post string) (string, bool) {
	var byLabel, srcLabel, paren, bare string
	bareGroups := 0
	for side, r := range []string{pre, post} {
		if strings.TrimSpace(r) == "" {
			continue
		}
		if m := residueSource().FindStringSubmatchIndex(r); m != nil && (containsFold(r, "source") || containsFold(r, "from")) {
			v := r[m[1]:]
			end := strings.IndexByte(v, '|')
			if end < 0 {
				end = len(v)
			}
			name := strings.TrimSpace(strings.TrimRight(strings.TrimSpace(v[:end]), ")"))
			if len(name) > 60 {
				return "", false
			}
			if srcLabel == "" {
				srcLabel = sourceName(name)
			}
			r = r[:m[2]] + " " + v[end:]
		}
		if m := residueURL().FindStringIndex(r); strings.Contains(r, "://") && m != nil {
			if srcLabel == "" {
				srcLabel = sourceName(r[m[0]:m[1]])
			}
			r = r[:m[0]] + " " + r[m[1]:]
		}
		if strings.IndexByte(r, ':') >= 0 {
			r = residueTime().ReplaceAllString(r, " ")
		}
		if strings.IndexByte(r, '+') >= 0 || containsAnyFold(r, zoneWords) {
			r = residueZone().ReplaceAllString(r, " ")
		}
		if m := residueBy().FindStringIndex(r); m != nil && containsFold(r, "by") {
			v := r[m[1]:]
			end := strings.IndexByte(v, '|')
			if end < 0 {
				end = len(v)
			}
			name := strings.TrimSpace(strings.Trim(strings.TrimSpace(v[:end]), "()"))
			if name == "" || len(name) > 60 || !nameLike(name) {
				return "", false
			}
			byLabel = name
			r = r[:m[0]] + " " + v[end:]
		}
		if containsAnyFold(r, shareStems) {
			r = residueShare().ReplaceAllString(r, " ")
		}
		r = residueLabel().ReplaceAllString(r, " ")
		parens := strings.ContainsAny(r, "()/")
		for _, m := range residueParen().FindAllStringSubmatch(r, -1) {
			if !parens {
				break
			}
			name := strings.TrimSpace(m[1] + m[2] + m[3])
			if name != "" && !nameLike(name) {
				return "", false
			}
			if paren == "" {
				paren = name
			}
		}
		if parens {
			r = residueParen().ReplaceAllString(r, " ")
		}
		// What is left are bare names, in groups set apart by separators.
		words := 0
		for _, g := range strings.FieldsFunc(r, func(c rune) bool { return strings.ContainsRune(groupSeparators, c) }) {
			g = strings.Trim(g, " \t\u00a0\u3000-.")
			if g == "" {
				continue
			}
			var kept []string
			for _, w := range strings.Fields(g) {
				if !isWeekday(strings.TrimRight(w, ".")) {
					kept = append(kept, w)
				}
			}
			if len(kept) == 0 {
				continue
			}
			g = strings.Join(kept, " ")
			words += len(kept)
			if !nameLike(g) || words > 6 {
				return "", false
			}
			bareGroups++
			bare = g
		}
		if words > 0 {
			// A bare name must be set off from the date.
			t := strings.TrimRight(pre, " \t\u00a0")
			if side == 1 {
				t = strings.TrimLeft(post, " \t\u00a0")
			}
			if t == "" {
				return "", false
			}
			c, _ := utf8.DecodeLastRuneInString(t)
			if side == 1 {
				c, _ = utf8.DecodeRuneInString(t)
			}
			if !strings.ContainsRune(residueSeparators, c) {
				return "", false
			}
		}
	}
	if bareGroups != 1 {
		bare = ""
	}
	return firstNonEmpty(byLabel, srcLabel, paren, bare), true
}

// zoneWords and shareStems are what residueZone and residueShare need to
// find at all: the regular expressions run only on residues holding one.
var (
	zoneWords  = []string{"gmt", "utc", "bjt", "cst", "est", "edt", "pst", "pdt", "cet", "jst", "kst", "hkt", "sgt", "beijing"}
	shareStems = []string{"comment", "print", "mail", "share", "tweet", "size"}
)

// containsAnyFold reports whether s holds one of subs in any case.
func containsAnyFold(s string, subs []string) bool {
	for _, sub := range subs {
		if containsFold(s, sub) {
			return true
		}
	}
	return false
}

// endsSentence reports a line that ends as prose does, a word in lower
// case and a period, which no date line or share bar does.
func endsSentence(s string) bool {
	n := len(s)
	return n >= 2 && s[n-1] == '.' && s[n-2] >= 'a' && s[n-2] <= 'z'
}

// containsFold reports whether s holds sub, an ASCII lower-case word,
// in any case.
func containsFold(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i]|0x20 == sub[0] && strings.EqualFold(s[i:i+len(sub)], sub) {
			return true
		}
	}
	return false
}

// sourceName returns the name of a source as a byline: the host of an
// address, else the name itself.
func sourceName(s string) string {
	if strings.Contains(s, "://") {
		if u, err := url.Parse(s); err == nil && u.Host != "" {
			return u.Host
		}
	}
	return s
}

// nameLike reports whether s reads as the name of a person, outlet or
// agency: words that begin with a capital letter or a digit, or are web
// addresses, with lower-case joining words between them.
func nameLike(s string) bool {
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > 8 {
		return false
	}
	for i, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		switch {
		case unicode.IsUpper(r) || unicode.IsDigit(r):
		case strings.Contains(w, ".") && len(w) > 3:
		case i > 0 && i < len(words)-1 && (w == "of" || w == "and" || w == "&" || w == "for" || w == "the" || w == "de"):
		case r == '&' || r == '-' || r == '/':
		default:
			return false
		}
	}
	return true
}

// bylineLine reads a byline without a date: "By ( news.example.com )",
// "By Li Na ( example.com.cn )", "By Jane Doe", or a name alone in
// parentheses, "( Xinhua)".
func bylineLine(l *line) bool {
	s := l.text
	if t := strings.TrimLeft(s, "-–—•· "); len(t) < len(s) && len(t) > 3 && strings.EqualFold(t[:2], "by") {
		s = t // "- By Li Na in Harbin": a dash or bullet set before it
	}
	if len(s) > 3 && strings.EqualFold(s[:2], "by") && !isWordByte(s[2]) {
		rest := strings.TrimSpace(s[2:])
		if strings.HasPrefix(rest, "(") && strings.HasSuffix(rest, ")") {
			rest = rest[1 : len(rest)-1]
		}
		rest = collapseSpace(strings.ReplaceAll(strings.ReplaceAll(rest, "( ", "("), " )", ")"))
		if rest == "" || len(rest) > 80 || sentenceInside(rest) || strings.HasSuffix(rest, ".") || !bylineNames(rest) {
			return false
		}
		l.by = rest
		return true
	}
	if strings.HasPrefix(s, "(") && strings.HasSuffix(s, ")") {
		name := strings.TrimSpace(s[1 : len(s)-1])
		if name != "" && len(name) <= 40 && !strings.ContainsAny(name, ":：()") && len(strings.Fields(name)) <= 4 && nameLike(name) {
			l.by = name
			return true
		}
	}
	return false
}

// startsUpper reports whether w begins with an upper-case letter.
func startsUpper(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// bylineNames reports whether the rest of a "By" line reads as names:
// nameLike, but for one word in lower case, as in a name written "Hu
// min" ("By the end of June, ..." has more).
func bylineNames(s string) bool {
	s = strings.NewReplacer("(", " ", ")", " ", ",", " ", ";", " ", "|", " ").Replace(s)
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > 16 {
		return false
	}
	lower := 0
	for i, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		switch {
		case unicode.IsUpper(r), strings.Contains(w, ".") && len(w) > 3, w == "and" || w == "&":
		case w == "in" && i > 0 && i+1 < len(words) && startsUpper(words[i+1]):
			// "By Li Na in Harbin": where the reporter filed from
		case unicode.IsLower(r) && i > 0:
			lower++
		default:
			return false
		}
	}
	return lower <= 1
}

// sourceLine reads a source credit without a date: "Source: Xinhua",
// "(Source: City News)", "Source: http://www.example.com".
func sourceLine(l *line) bool {
	s := strings.TrimSpace(strings.Trim(l.text, "()[]（）"))
	if len(s) < 8 || !strings.EqualFold(s[:6], "source") {
		return false
	}
	rest := strings.TrimSpace(s[6:])
	if !strings.HasPrefix(rest, ":") && !strings.HasPrefix(rest, "：") && !strings.HasPrefix(rest, "|") {
		return false
	}
	name := strings.TrimSpace(strings.TrimLeft(rest, ":：| "))
	if name == "" || len(name) > 80 || sentenceInside(name) || strings.HasSuffix(name, ".") {
		return false
	}
	l.by = sourceName(name)
	return true
}

// crumbLabels introduce a breadcrumb trail.
var crumbLabels = []string{"present position", "current position", "your position", "you are here", "location", "position"}

// breadcrumbLine reads a site path: "Home>Biz updates", "Business /
// Economy", "Present position: > english > Local News".
func breadcrumbLine(l *line) bool {
	s := l.text
	if strings.IndexByte(s, '>') < 0 && !strings.Contains(s, " / ") && !strings.Contains(s, "»") &&
		!strings.Contains(s, "›") && !strings.Contains(s, "＞") {
		return false
	}
	labelled := false
	for _, p := range crumbLabels {
		if len(s) > len(p) && strings.EqualFold(s[:len(p)], p) && !isWordByte(s[len(p)]) {
			rest := strings.TrimLeft(s[len(p):], " ")
			if strings.HasPrefix(rest, ":") || strings.HasPrefix(rest, "：") {
				s, labelled = strings.TrimLeft(rest, ":： "), true
				break
			}
		}
	}
	var segs []string
	if strings.IndexByte(s, '>') >= 0 || strings.Contains(s, "»") || strings.Contains(s, "›") || strings.Contains(s, "＞") {
		segs = strings.FieldsFunc(s, func(r rune) bool { return r == '>' || r == '»' || r == '›' || r == '＞' })
		if strings.Contains(s, " / ") {
			return false
		}
	} else {
		segs = strings.Split(s, " / ")
	}
	if len(segs) < 2 && !(labelled && len(segs) == 1) || len(segs) > 8 {
		return false
	}
	for _, g := range segs {
		g = strings.TrimSpace(g)
		if g == "" || len(g) > 40 || len(strings.Fields(g)) > 5 || strings.ContainsAny(g, ".!?;") {
			return false
		}
		if r, _ := utf8.DecodeRuneInString(g); !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

// releaseMark reads the mark above a press release.
func releaseMark(l *line) bool {
	u := strings.ToUpper(strings.TrimRight(l.text, ": "))
	return u == "PRESS RELEASE" || u == "FOR IMMEDIATE RELEASE" || u == "NEWS RELEASE" || u == "MEDIA RELEASE" || exhibitLabel(u)
}

// exhibitLabel reports the label of a filing's exhibit that a release
// copied from it opens with: "EXHIBIT 99.1".
func exhibitLabel(u string) bool {
	rest, ok := strings.CutPrefix(u, "EXHIBIT ")
	if !ok || rest == "" {
		return false
	}
	for i := 0; i < len(rest); i++ {
		if c := rest[i]; !(c >= '0' && c <= '9' || c == '.') {
			return false
		}
	}
	return true
}

// fieldLabels are the labels of a page's metadata fields, which some pages
// set on a line of their own above the value.
var fieldLabels = map[string]bool{
	"publish time": true, "published": true, "published on": true, "publication date": true,
	"updated": true, "last updated": true, "update time": true, "release time": true,
	"release date": true, "date": true, "time": true, "posted": true, "posted on": true,
	"source": true, "author": true, "editor": true, "byline": true,
}

// labelLine reads a metadata label alone: "Publish Time", "Updated:".
func labelLine(l *line) bool {
	return fieldLabels[strings.ToLower(strings.TrimSpace(strings.TrimRight(l.text, ":： ")))]
}

// shareWords make up share and print bars and font-size controls.
var shareWords = []string{
	"share", "shares", "sharing", "print", "printer", "friendly", "e-mail", "email", "mail", "tweet",
	"facebook", "twitter", "wechat", "weibo", "linkedin", "whatsapp", "reddit", "telegram",
	"qzone", "comments", "comment", "font", "size", "text", "adjust", "large", "larger",
	"medium", "small", "smaller", "normal", "copy", "link", "save", "subscribe", "follow",
	"us", "on", "back", "to", "top", "close", "favorite", "favourite", "bookmark", "like",
	"a", "a+", "a-", "t", "t+", "t-", "more", "view", "views", "this", "article", "story",
}

// shareBar reads a line of page furniture: share, print and e-mail
// links, font-size controls ("Adjust font size:", "3 CommentsPrint
// E-mail"), or nothing but separators ("|", "-").
func shareBar(l *line) bool {
	if endsSentence(l.text) {
		return false
	}
	words, numbers := 0, 0
	var buf [160]byte
	for t := range strings.FieldsFuncSeq(l.text, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune("|:：,·•/()[]", r)
	}) {
		switch {
		case strings.Trim(t, "-–—*_=~.") == "":
		case isDigits(t):
			numbers++ // "0 Comments"
		case len(t) <= len(buf) && composedOf(asciiLower(buf[:0], t), shareWords):
			words++
		default:
			return false
		}
	}
	return numbers == 0 || words > 0
}

// asciiLower appends s lower-cased in ASCII to buf.
func asciiLower(buf []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf = append(buf, c)
	}
	return buf
}

// composedOf reports whether s is a run of the words, with no space
// between them ("commentsprint"). It marks the offsets a run of words
// reaches, so that no string makes it backtrack.
func composedOf(s []byte, words []string) bool {
	var reach [161]bool
	if len(s) >= len(reach) {
		return false
	}
	reach[0] = true
	for i := 0; i < len(s); i++ {
		if !reach[i] {
			continue
		}
		for _, w := range words {
			if len(s)-i >= len(w) && string(s[i:i+len(w)]) == w {
				reach[i+len(w)] = true
			}
		}
	}
	return reach[len(s)]
}

// relatedHeadings head a list of links to other articles.
var relatedHeadings = map[string]bool{
	"related": true, "related news": true, "related stories": true, "related articles": true,
	"related content": true, "related reading": true, "related links": true, "related coverage": true,
	"read more": true, "more news": true, "more stories": true, "see also": true, "also read": true,
	"you may also like": true, "you might also like": true, "recommended": true, "recommended for you": true,
	"editor's picks": true, "most read": true, "most popular": true, "most viewed": true,
	"top stories": true, "latest news": true, "trending": true, "further reading": true,
	"popular stories": true, "more from this section": true, "hot topics": true,
}

// relatedHeading reads "Related News", "Read more", "You may also like".
func relatedHeading(l *line) bool {
	s := strings.ToLower(strings.Trim(l.text, " :：-–—|>»·"))
	return relatedHeadings[s]
}

// relatedLink reads a link to another article set in a paragraph:
// "Related: Harbin opens a new terminal", "Read more: ...".
func relatedLink(l *line) bool {
	head := l.text[:min(len(l.text), 30)]
	i := strings.IndexByte(head, ':')
	if j := strings.Index(head, "："); j >= 0 && (i < 0 || j < i) {
		i = j
	}
	if i <= 0 || i > 24 {
		return false
	}
	return relatedHeadings[strings.ToLower(strings.TrimSpace(l.text[:i]))] && strings.TrimLeft(l.text[i:], ":： ") != ""
}

// listItem reads a bulleted list item, whose bullet is not paragraph text.
func listItem(l *line) bool {
	n := bulletLen(l.text)
	if n == 0 || n == len(l.text) {
		return false
	}
	l.cut = n
	return true
}

// bulletLen returns the length of a list bullet and the space after it at
// the start of s, or 0.
func bulletLen(s string) int {
	r, n := utf8.DecodeRuneInString(s)
	switch r {
	case '•', '·', '▪', '◦', '●', '■', '□', '◆', '►', '★', '‣':
	case '-', '*':
		if len(s) < 2 || s[1] != ' ' {
			return 0
		}
	default:
		return 0
	}
	for n < len(s) {
		r, m := utf8.DecodeRuneInString(s[n:])
		if !unicode.IsSpace(r) {
			break
		}
		n += m
	}
	return n
}

// lazyRegexp returns a regular expression compiled on first use.
// Compiled at package initialisation, this package's expressions cost
// every start of the almanac command (a query as much as an ingest)
// more than half a millisecond.
func lazyRegexp(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}
