package document

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	// A real HTML5 tokenizer and tree builder, rather than hand-rolled
	// tag matching: it decodes every entity, recovers from unclosed and
	// misnested tags the way browsers do, and knows that <script> and
	// <style> hold raw text, so a "<p>" inside a script is never taken for
	// a paragraph.
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// ParseHTML extracts the article of an HTML page.
//
// Title is the page's og:title, else its JSON-LD headline, else its first
// <h1> or <title>. Published comes from meta tags (article:published_time,
// date, pubdate, DC.date and the like), JSON-LD datePublished, a <time>
// marked as the publication time, the article's own date lines and
// dateline, a date line anywhere in the page ("Updated : 2024-08-26"),
// any <time>, the date in the page's address, and last the modification
// dates; Byline from author meta tags, JSON-LD, the article's byline or
// dateline, or a byline element or line.
//
// Text is the article's text: its paragraphs, separated by blank lines,
// with entities decoded and white space collapsed inside each; a <br>
// inside a paragraph is kept as a line break. The article block is the
// element holding most paragraph text (or its enclosing <article> or
// articleBody element); navigation, scripts, styles, page headers and
// footers, menus, asides, forms, comments and hidden elements are left
// out. Text starts with the title unless the block holds it. Its lines
// are classified as a plain text's are (see ParseText), with the markup's
// headings, <time> elements and table rows as hints; Paras, Dateline and
// Body come from that.
//
// The page must be UTF-8: one in another charset fails validation as
// invalid UTF-8 rather than being guessed at. Source is source, which
// callers make the file's base name, as for ParseText. Errors name
// source; a page without article text is an error, and so is one nested
// over 512 elements deep, which the tokenizer refuses.
func ParseHTML(source string, data []byte) (Article, error) {
	if err := validate(source, data); err != nil {
		return Article{}, err
	}
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		// x/net/html's messages start with "html: " already.
		return Article{}, fmt.Errorf("%s: parse html: %s", source, strings.TrimPrefix(err.Error(), "html: "))
	}
	var m pageMeta
	m.collect(doc)

	root := contentRoot(doc)
	paras := extract(root, true)
	a := Article{
		Source: source,
		Title:  m.title(),
		URL:    m.url,
	}
	p := htmlPage(paras, a.Title)
	lay := p.layout()
	if len(lay.paras) == 0 {
		return Article{}, fmt.Errorf("%s: no article text found in the page", source)
	}
	a.Text, a.Body, a.Paras, a.Dateline = p.text, lay.body, lay.paras, lay.dateline

	// The whole page's text is needed only when the metadata lack a date
	// or byline.
	var page []para
	pageText := func() []para {
		if page == nil {
			page = extract(doc, false)
		}
		return page
	}
	a.Byline = firstNonEmpty(m.byline(), lay.byline, m.bylineElem)
	if a.Byline == "" {
		a.Byline = pageByline(pageText())
	}
	a.Published = m.published(lay.published, pageText)
	return a, nil
}

// htmlPage lays the article's paragraphs out as the lines of a text,
// each with the hint its markup gives, the title first unless one of the
// first paragraphs is the headline already.
func htmlPage(paras []para, title string) *page {
	titled := title == ""
	for _, p := range paras[:min(len(paras), headerLines)] {
		if p.heading == 1 || sameText(p.text, title) {
			titled = true
			break
		}
	}
	var sb strings.Builder
	var hints []hint
	if !titled {
		sb.WriteString(title)
		hints = append(hints, hintHeadline)
	}
	for _, p := range paras {
		if sb.Len() > 0 {
			sb.WriteString("\n\n")
		}
		sb.WriteString(p.text)
		h := hintNone
		switch {
		case p.heading == 1 || sameText(p.text, title):
			h = hintHeadline
		case p.heading > 1:
			h = hintHeading
		case p.dated:
			h = hintTime
		case p.table:
			h = hintTable
		}
		for range strings.Count(p.text, "\n") + 1 {
			hints = append(hints, h)
		}
	}
	pg := &page{text: sb.String(), structured: true, title: title}
	pg.lines = splitLines(pg.text)
	k := 0
	for i := range pg.lines {
		if pg.lines[i].start < pg.lines[i].end && k < len(hints) {
			pg.lines[i].hint = hints[k]
			k++
		}
	}
	return pg
}

// A para is one paragraph of extracted text.
type para struct {
	text    string
	heading int  // 1-6 for <h1>-<h6>, else 0
	dated   bool // holds a <time> standing on a line of its own
	table   bool // a table row
}

var (
	// bylineParen is the corpus's "By ( e.my399.com )"; bylineWords a
	// plain "By Li Wei".
	bylineParen = lazyRegexp(`^(?i:by)\s*\(\s*(.+?)\s*\)$`)
	bylineWords = lazyRegexp(`^(?i:by)\s+(\p{Lu}.{0,80})$`)
	// bylineInLine is "By ( source )" inside a longer line.
	bylineInLine = lazyRegexp(`\bBy\s*\(\s*([^()]{1,80}?)\s*\)`)
)

// bylineOf returns the name in a byline line, or "".
func bylineOf(s string) string {
	if m := bylineParen().FindStringSubmatch(s); m != nil {
		return m[1]
	}
	if m := bylineWords().FindStringSubmatch(s); m != nil && !strings.ContainsAny(m[1], ".!?") {
		return m[1]
	}
	return ""
}

// searchParas is how many paragraphs from the top of a page are searched
// for a labelled date or byline: they sit near the top, and the regular
// expressions are too slow to run over every paragraph of a huge page.
const searchParas = 300

// hasYear reports whether s holds four digits in a row, which every date
// the page search accepts does.
func hasYear(s string) bool {
	run := 0
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			if run++; run == 4 {
				return true
			}
		} else {
			run = 0
		}
	}
	return false
}

// pageByline finds a "By ( source )" in a short line anywhere in the
// page's text, as on pages that print it beside the date.
func pageByline(page []para) string {
	for _, p := range page[:min(len(page), searchParas)] {
		if len(p.text) <= 200 && strings.Contains(p.text, "By") {
			if m := bylineInLine().FindStringSubmatch(p.text); m != nil {
				return m[1]
			}
		}
	}
	return ""
}

// sameText reports whether two lines are the same words, ignoring case
// and white space.
func sameText(a, b string) bool {
	return a != "" && strings.EqualFold(collapseSpace(a), collapseSpace(b))
}

func firstNonEmpty(s ...string) string {
	for _, x := range s {
		if x != "" {
			return x
		}
	}
	return ""
}

// walk visits the subtree of n depth first, calling enter before a node's
// children and leave after them; enter returns false to skip the
// children. It keeps no stack, following parent and sibling links
// instead, so that a page nested a million elements deep cannot exhaust
// the goroutine stack as recursion would.
func walk(n *html.Node, enter func(*html.Node) bool, leave func(*html.Node)) {
	cur := n
	for {
		if enter(cur) && cur.FirstChild != nil {
			cur = cur.FirstChild
			continue
		}
		if leave != nil {
			leave(cur)
		}
		for cur != n && cur.NextSibling == nil {
			cur = cur.Parent
			if leave != nil {
				leave(cur)
			}
		}
		if cur == n {
			return
		}
		cur = cur.NextSibling
	}
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Namespace == "" && a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Namespace == "" && a.Key == key {
			return true
		}
	}
	return false
}

// pageMeta is what the whole page says about its article.
type pageMeta struct {
	metas      map[string]string // first content of each meta name/property/itemprop, lower-cased key
	titleTag   string
	h1         string
	url        string
	bylineElem string
	timePub    string // datetime of a <time> marked as the publication time
	timeAny    string // datetime or text of the first <time>
	ld         ldInfo
}

// ldInfo is what JSON-LD structured data says.
type ldInfo struct {
	headline, published, modified, author string
}

func (m *pageMeta) collect(doc *html.Node) {
	m.metas = make(map[string]string)
	walk(doc, func(n *html.Node) bool {
		if n.Type != html.ElementNode {
			return true
		}
		switch n.DataAtom {
		case atom.Meta:
			content := strings.TrimSpace(attr(n, "content"))
			for _, k := range []string{"property", "name", "itemprop", "http-equiv"} {
				if key := strings.ToLower(strings.TrimSpace(attr(n, k))); key != "" && content != "" {
					if _, seen := m.metas[key]; !seen {
						m.metas[key] = content
					}
				}
			}
			return false
		case atom.Title:
			if m.titleTag == "" && n.Namespace == "" {
				m.titleTag = collapseSpace(textOf(n))
			}
			return false
		case atom.Link:
			if m.url == "" && strings.EqualFold(attr(n, "rel"), "canonical") {
				m.url = strings.TrimSpace(attr(n, "href"))
			}
			return false
		case atom.H1:
			if m.h1 == "" && !inPageFrame(n) {
				m.h1 = collapseSpace(textOf(n))
			}
		case atom.Time:
			dt := strings.TrimSpace(attr(n, "datetime"))
			if dt == "" {
				dt = collapseSpace(textOf(n))
			}
			if m.timePub == "" && (hasAttr(n, "pubdate") || strings.EqualFold(attr(n, "itemprop"), "datePublished")) {
				m.timePub = dt
			}
			if m.timeAny == "" {
				m.timeAny = dt
			}
		case atom.Script:
			if strings.EqualFold(strings.TrimSpace(attr(n, "type")), "application/ld+json") {
				m.ld.merge(textOf(n))
			}
			return false
		case atom.Style, atom.Noscript, atom.Template:
			return false
		}
		if m.bylineElem == "" && isBylineElem(n) {
			if s := collapseSpace(textOf(n)); len(s) <= 120 {
				if b := bylineOf(s); b != "" {
					s = b
				}
				m.bylineElem = strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(s, "By "), "by "))
			}
		}
		return true
	}, nil)
	if u := m.metas["og:url"]; u != "" {
		m.url = u
	}
}

// inPageFrame reports whether n sits in the page's own navigation,
// footer, sidebar or masthead, where an <h1> is the site's name; a
// <header> inside an <article> or <main> is the article's own.
func inPageFrame(n *html.Node) bool {
	for a := n.Parent; a != nil; a = a.Parent {
		switch a.DataAtom {
		case atom.Nav, atom.Footer, atom.Aside:
			return true
		case atom.Header:
			for b := a.Parent; b != nil; b = b.Parent {
				if b.DataAtom == atom.Article || b.DataAtom == atom.Main {
					return false
				}
			}
			return true
		}
		if r := strings.ToLower(attr(a, "role")); r == "banner" || r == "navigation" {
			return true
		}
	}
	return false
}

// isBylineElem reports an element marked as the author line.
func isBylineElem(n *html.Node) bool {
	if strings.EqualFold(attr(n, "rel"), "author") || strings.EqualFold(attr(n, "itemprop"), "author") {
		return true
	}
	for _, tok := range classTokens(n) {
		if tok == "byline" || tok == "author" {
			return true
		}
	}
	return false
}

// title picks the best of the page's titles. A <title> usually carries
// the site's name too, so the <h1> wins when the <title> contains it.
func (m *pageMeta) title() string {
	if t := collapseSpace(m.metas["og:title"]); t != "" {
		return t
	}
	if t := collapseSpace(m.ld.headline); t != "" {
		return t
	}
	if m.h1 != "" && len(m.h1)*2 >= len(m.titleTag) && strings.Contains(strings.ToLower(m.titleTag), strings.ToLower(m.h1)) {
		return m.h1
	}
	for _, t := range []string{m.titleTag, m.h1, collapseSpace(m.metas["twitter:title"]), collapseSpace(m.metas["dc.title"])} {
		if t != "" {
			return t
		}
	}
	return ""
}

// publishedKeys are the meta names that carry a publication date, best
// first; modifiedKeys serve when none of them does.
var (
	publishedKeys = []string{
		"article:published_time", "og:published_time", "published_time",
		"datepublished", "date", "pubdate", "publishdate", "publish-date",
		"publish_date", "publication_date", "dc.date.issued", "dc.date",
		"dcterms.issued", "dcterms.date", "dcterms.created", "dc.date.created",
		"sailthru.date", "parsely-pub-date", "article.published",
		"citation_publication_date", "citation_date",
	}
	modifiedKeys = []string{
		"article:modified_time", "og:updated_time", "datemodified",
		"dcterms.modified", "last-modified",
	}
	authorKeys = []string{
		"author", "article:author", "dc.creator", "dcterms.creator", "byl",
		"parsely-author", "sailthru.author",
	}
)

// published returns the page's publication date, or the zero time:
// from the metadata, else the date the article's text gives (text), else
// a date line anywhere in the page, any <time>, the page's address, and
// last the modification dates.
func (m *pageMeta) published(text time.Time, pageText func() []para) time.Time {
	try := func(ss ...string) (time.Time, bool) {
		for _, s := range ss {
			if t, ok := ParseDate(s); ok {
				return t, true
			}
		}
		return time.Time{}, false
	}
	for _, k := range publishedKeys {
		if t, ok := try(m.metas[k]); ok {
			return t
		}
	}
	if t, ok := try(m.ld.published, m.timePub); ok {
		return t
	}
	if !text.IsZero() {
		return text
	}
	page := pageText()
	for _, p := range page[:min(len(page), searchParas)] {
		if !hasYear(p.text) {
			continue
		}
		for _, s := range strings.Split(p.text, "\n") {
			l := line{text: strings.TrimSpace(s)}
			if len(l.text) <= 200 && dateLine(&l) {
				return l.date
			}
		}
	}
	if t, ok := try(m.timeAny); ok {
		return t
	}
	if t, ok := urlDate(m.url); ok {
		return t
	}
	for _, k := range modifiedKeys {
		if t, ok := try(m.metas[k]); ok {
			return t
		}
	}
	t, _ := try(m.ld.modified)
	return t
}

// byline returns the author named by meta data, or "".
func (m *pageMeta) byline() string {
	for _, k := range authorKeys {
		v := collapseSpace(m.metas[k])
		if v != "" && !strings.Contains(v, "://") {
			return v
		}
	}
	return collapseSpace(m.ld.author)
}

// merge reads one JSON-LD script, keeping fields already found.
func (ld *ldInfo) merge(src string) {
	var v any
	if json.Unmarshal([]byte(src), &v) != nil {
		return
	}
	ld.scan(v, 0)
}

func (ld *ldInfo) scan(v any, depth int) {
	if depth > 20 {
		return
	}
	switch v := v.(type) {
	case []any:
		for _, x := range v {
			ld.scan(x, depth+1)
		}
	case map[string]any:
		if s, ok := v["headline"].(string); ok && ld.headline == "" {
			ld.headline = s
		}
		if s, ok := v["datePublished"].(string); ok && ld.published == "" {
			ld.published = s
		}
		if s, ok := v["dateModified"].(string); ok && ld.modified == "" {
			ld.modified = s
		}
		if ld.author == "" {
			ld.author = ldName(v["author"])
		}
		if g, ok := v["@graph"]; ok {
			ld.scan(g, depth+1)
		}
	}
}

// ldName returns the name of a JSON-LD author: a string, a Person, or a
// list of either (names joined with commas).
func ldName(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case map[string]any:
		s, _ := v["name"].(string)
		return s
	case []any:
		var names []string
		for _, x := range v {
			if s := ldName(x); s != "" && len(names) < 10 {
				names = append(names, s)
			}
		}
		return strings.Join(names, ", ")
	}
	return ""
}

// textOf returns the text inside n, scripts and styles excluded unless n
// is one.
func textOf(n *html.Node) string {
	var sb strings.Builder
	walk(n, func(c *html.Node) bool {
		switch c.Type {
		case html.TextNode:
			sb.WriteString(c.Data)
		case html.ElementNode:
			return c == n || !skipTag[c.DataAtom]
		}
		return true
	}, nil)
	return sb.String()
}

// textLen returns the number of bytes of text inside n, scripts and
// styles excluded.
func textLen(n *html.Node) int {
	total := 0
	walk(n, func(c *html.Node) bool {
		switch c.Type {
		case html.TextNode:
			total += len(c.Data)
		case html.ElementNode:
			return c == n || !skipTag[c.DataAtom]
		}
		return true
	}, nil)
	return total
}

// skipTag lists elements whose content is never article text.
var skipTag = map[atom.Atom]bool{
	atom.Head: true, atom.Script: true, atom.Style: true, atom.Noscript: true,
	atom.Template: true, atom.Iframe: true, atom.Object: true, atom.Embed: true,
	atom.Svg: true, atom.Math: true, atom.Canvas: true, atom.Video: true,
	atom.Audio: true, atom.Select: true, atom.Textarea: true, atom.Button: true,
	atom.Input: true, atom.Title: true,
}

// boilerplateTag lists elements that frame an article rather than being
// part of it.
var boilerplateTag = map[atom.Atom]bool{
	atom.Nav: true, atom.Header: true, atom.Footer: true, atom.Aside: true,
	atom.Form: true, atom.Menu: true, atom.Dialog: true, atom.Figure: true,
	atom.Label: true,
}

// boilerplateRole lists ARIA roles of page furniture.
var boilerplateRole = map[string]bool{
	"navigation": true, "banner": true, "contentinfo": true, "complementary": true,
	"menu": true, "menubar": true, "search": true, "dialog": true, "alert": true,
}

// boilerplateWord lists words of class and id names that mark page
// furniture: "site-footer", "share_bar", "related-news".
var boilerplateWord = map[string]bool{
	"nav": true, "navbar": true, "navigation": true, "menu": true,
	"breadcrumb": true, "breadcrumbs": true, "crumbs": true, "share": true,
	"sharing": true, "social": true, "comment": true, "comments": true,
	"disqus": true, "footer": true, "header": true, "masthead": true,
	"sidebar": true, "related": true, "recommend": true, "recommended": true,
	"advert": true, "advertisement": true, "ad": true, "ads": true,
	"promo": true, "sponsor": true, "sponsored": true, "cookie": true,
	"cookies": true, "subscribe": true, "newsletter": true, "popup": true,
	"modal": true, "tags": true, "pagination": true, "pager": true,
	"toolbar": true, "widget": true, "copyright": true, "hidden": true,
}

// notArticleWord lists the class and id words of furniture that can hold
// many paragraphs, such as a comment thread, which must never be taken for
// the article however much text it has.
var notArticleWord = map[string]bool{
	"comment": true, "comments": true, "disqus": true, "related": true,
	"sidebar": true, "recommend": true, "recommended": true, "footer": true,
}

// classTokens returns the words of n's class and id attributes, split at
// spaces, hyphens and underscores and lower-cased.
func classTokens(n *html.Node) []string {
	s := attr(n, "class") + " " + attr(n, "id")
	if strings.TrimSpace(s) == "" {
		return nil
	}
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return r == ' ' || r == '-' || r == '_' || r == '\t' || r == '\n'
	})
}

// hidden reports an element the page does not show.
func hidden(n *html.Node) bool {
	if hasAttr(n, "hidden") || strings.EqualFold(attr(n, "aria-hidden"), "true") {
		return true
	}
	style := strings.ToLower(strings.ReplaceAll(attr(n, "style"), " ", ""))
	return strings.Contains(style, "display:none") || strings.Contains(style, "visibility:hidden")
}

// furniture reports whether n is page furniture to leave out of the
// article text. Class names are a weak signal, so an element marked as
// furniture by class alone is kept if it holds most of the text around
// it: "article-body has-share" is the article, not a share bar.
func furniture(n *html.Node, rootLen int) bool {
	if boilerplateTag[n.DataAtom] || boilerplateRole[strings.ToLower(attr(n, "role"))] || hidden(n) {
		return true
	}
	if n.DataAtom == atom.Body || n.DataAtom == atom.Html || n.DataAtom == atom.Article || n.DataAtom == atom.Main {
		return false
	}
	for _, tok := range classTokens(n) {
		if boilerplateWord[tok] {
			return textLen(n)*2 < rootLen
		}
	}
	return false
}

// contentRoot returns the element that holds the article: the element
// with most paragraph text directly inside it, widened to an enclosing
// <article> or articleBody element, or <body> when the page has no
// paragraphs.
func contentRoot(doc *html.Node) *html.Node {
	var body *html.Node
	score := make(map[*html.Node]int)
	best, bestScore := (*html.Node)(nil), 0
	walk(doc, func(n *html.Node) bool {
		if n.Type != html.ElementNode {
			return true
		}
		if n.DataAtom == atom.Body && body == nil {
			body = n
		}
		if skipTag[n.DataAtom] || boilerplateTag[n.DataAtom] || boilerplateRole[strings.ToLower(attr(n, "role"))] || hidden(n) {
			return false
		}
		for _, tok := range classTokens(n) {
			if notArticleWord[tok] {
				return false
			}
		}
		if n.DataAtom == atom.P && n.Parent != nil {
			s := score[n.Parent] + utf8.RuneCountInString(strings.TrimSpace(textOf(n)))
			score[n.Parent] = s
			if s > bestScore {
				best, bestScore = n.Parent, s
			}
			return false
		}
		if n.DataAtom == atom.Br && n.Parent != nil {
			// Text set apart by <br> rather than <p>: credit the text
			// before each break to the container.
			if prev := n.PrevSibling; prev != nil && prev.Type == html.TextNode {
				s := score[n.Parent] + utf8.RuneCountInString(strings.TrimSpace(prev.Data))
				score[n.Parent] = s
				if s > bestScore {
					best, bestScore = n.Parent, s
				}
			}
		}
		return true
	}, nil)
	if best == nil {
		if body != nil {
			return body
		}
		return doc
	}
	for a := best; a != nil; a = a.Parent {
		if a.DataAtom == atom.Article || strings.EqualFold(attr(a, "itemprop"), "articleBody") {
			return a
		}
		if a.DataAtom == atom.Body {
			break
		}
	}
	return best
}

// blockTag lists elements that break paragraphs.
var blockTag = map[atom.Atom]bool{
	atom.Address: true, atom.Article: true, atom.Aside: true, atom.Blockquote: true,
	atom.Body: true, atom.Center: true, atom.Dd: true, atom.Details: true,
	atom.Dialog: true, atom.Dir: true, atom.Div: true, atom.Dl: true, atom.Dt: true,
	atom.Fieldset: true, atom.Figcaption: true, atom.Figure: true, atom.Footer: true,
	atom.Form: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true,
	atom.H5: true, atom.H6: true, atom.Header: true, atom.Hgroup: true, atom.Hr: true,
	atom.Html: true, atom.Li: true, atom.Main: true, atom.Menu: true, atom.Nav: true,
	atom.Ol: true, atom.P: true, atom.Pre: true, atom.Section: true, atom.Summary: true,
	atom.Table: true, atom.Tr: true, atom.Ul: true, atom.Caption: true,
	atom.Tbody: true, atom.Thead: true, atom.Tfoot: true,
}

// extract returns the paragraphs of root's text. With article set it
// leaves out page furniture; without, only what is never shown (scripts,
// styles, hidden elements), which is what a date search wants.
func extract(root *html.Node, article bool) []para {
	rootLen := 0
	if article {
		rootLen = textLen(root)
	}
	var b paraBuilder
	walk(root, func(n *html.Node) bool {
		switch n.Type {
		case html.TextNode:
			b.text(n.Data)
		case html.ElementNode:
			if skipTag[n.DataAtom] || hidden(n) {
				return false
			}
			if article && n != root && furniture(n, rootLen) {
				return false
			}
			switch {
			case n.DataAtom == atom.Br:
				b.lineBreak()
			case n.DataAtom == atom.Td || n.DataAtom == atom.Th:
				b.space()
				b.table = true
			case n.DataAtom == atom.Time && ownLine(n):
				b.flush()
				b.dated = true
			case blockTag[n.DataAtom]:
				b.flush()
				b.heading = headingLevel(n.DataAtom)
			}
		}
		return true
	}, func(n *html.Node) {
		if n.Type == html.ElementNode && (blockTag[n.DataAtom] || n.DataAtom == atom.Time && b.dated) {
			b.flush()
		}
		if n.Type == html.ElementNode && (n.DataAtom == atom.Td || n.DataAtom == atom.Th) {
			b.space()
		}
	})
	b.flush()
	return b.paras
}

// ownLine reports whether n stands on a line of its own: nothing but
// white space or block elements beside it.
func ownLine(n *html.Node) bool {
	alone := func(c *html.Node) bool {
		return c == nil || c.Type == html.CommentNode ||
			c.Type == html.TextNode && strings.TrimSpace(c.Data) == "" ||
			c.Type == html.ElementNode && (blockTag[c.DataAtom] || c.DataAtom == atom.Br)
	}
	for c := n.PrevSibling; ; c = c.PrevSibling {
		if !alone(c) {
			return false
		}
		if c == nil || c.Type == html.ElementNode {
			break
		}
	}
	for c := n.NextSibling; ; c = c.NextSibling {
		if !alone(c) {
			return false
		}
		if c == nil || c.Type == html.ElementNode {
			break
		}
	}
	return true
}

func headingLevel(a atom.Atom) int {
	switch a {
	case atom.H1:
		return 1
	case atom.H2:
		return 2
	case atom.H3:
		return 3
	case atom.H4:
		return 4
	case atom.H5:
		return 5
	case atom.H6:
		return 6
	}
	return 0
}

// paraBuilder collects text into paragraphs, collapsing white space.
type paraBuilder struct {
	paras        []para
	cur          []byte
	pendingSpace bool // white space seen since the last character
	heading      int  // of the paragraph being built
	dated        bool // of the paragraph being built
	table        bool // of the paragraph being built
}

func (b *paraBuilder) text(s string) {
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			b.pendingSpace = true
		case r == '\u200b' || r == '\ufeff' || r == '\u00ad' || r == '\u200c' || r == '\u200d' || r == '\u2060':
			// Invisible: zero-width spaces and joiners, byte order
			// marks, soft hyphens.
		default:
			if b.pendingSpace && len(b.cur) > 0 && b.cur[len(b.cur)-1] != '\n' {
				b.cur = append(b.cur, ' ')
			}
			b.pendingSpace = false
			b.cur = utf8.AppendRune(b.cur, r)
		}
	}
}

func (b *paraBuilder) space() { b.pendingSpace = true }

// lineBreak ends a line; a second break in a row ends the paragraph.
func (b *paraBuilder) lineBreak() {
	b.pendingSpace = false
	switch {
	case len(b.cur) == 0:
	case b.cur[len(b.cur)-1] == '\n':
		b.flush()
	default:
		b.cur = append(b.cur, '\n')
	}
}

func (b *paraBuilder) flush() {
	s := strings.TrimRight(string(b.cur), "\n ")
	if s != "" {
		b.paras = append(b.paras, para{text: s, heading: b.heading, dated: b.dated, table: b.table})
	}
	b.cur = b.cur[:0]
	b.pendingSpace = false
	b.heading = 0
	b.dated = false
	b.table = false
}
