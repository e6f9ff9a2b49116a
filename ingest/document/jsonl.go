package document

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"iter"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// jsonRecord is one line of a JSON lines file. Unknown fields are ignored
// so that exports carrying more than an article still load.
type jsonRecord struct {
	Title     string `json:"title"`
	Published string `json:"published"`
	Body      string `json:"body"`
	URL       string `json:"url"`
	Byline    string `json:"byline"`
}

// ReadJSONL returns an iterator over the articles of a JSON lines stream
// read from r: one JSON object per line with the string fields "title"
// and "body", and optionally "published" (YYYY-MM-DD or RFC 3339, or any
// form ParseDate accepts), "url" and "byline". Blank lines are skipped.
// Without "published" the date is the one the body gives (its lines are
// laid out as a plain text's, see ParseText), else the one in the url,
// else none.
//
// Each record yields either an Article and a nil error or a zero Article
// and an error "SOURCE:LINE: message"; a bad record does not stop the
// records after it. A record over MaxSize is skipped without being held in
// memory. A stream that looks binary, holds no record, or fails to read
// yields one last error and ends.
//
// An article's Text is the record's body as is, Title kept apart (a line
// of the body that repeats it is not a paragraph), and its
// Source is the record's url if it has one, else "BASE#LINE" with BASE the
// base name of source.
func ReadJSONL(source string, r io.Reader) iter.Seq2[Article, error] {
	return func(yield func(Article, error) bool) {
		br := bufio.NewReaderSize(r, 64<<10)
		head, _ := br.Peek(sniffLen)
		if err := checkBinary(source, head); err != nil {
			yield(Article{}, err)
			return
		}
		base := filepath.Base(source)
		var buf []byte
		records := 0
		for line := 1; ; line++ {
			var tooLong bool
			var err error
			buf, tooLong, err = readLine(br, buf[:0])
			if err != nil && err != io.EOF {
				yield(Article{}, fmt.Errorf("%s:%d: read: %w", source, line, err))
				return
			}
			if line == 1 {
				buf = bytes.TrimPrefix(buf, bom)
			}
			if tooLong || len(bytes.TrimSpace(buf)) > 0 {
				records++
				a, rerr := Article{}, error(nil)
				if tooLong {
					rerr = fmt.Errorf("record is over the %d MiB limit", MaxSize>>20)
				} else {
					a, rerr = parseRecord(buf)
				}
				if rerr != nil {
					a, rerr = Article{}, fmt.Errorf("%s:%d: %w", source, line, rerr)
				} else {
					a.Line = line
					if a.Source == "" {
						a.Source = base + "#" + strconv.Itoa(line)
					}
				}
				if !yield(a, rerr) {
					return
				}
			}
			if err == io.EOF {
				break
			}
			if cap(buf) > 1<<20 {
				buf = nil // do not keep one huge record's buffer for the rest
			}
		}
		if records == 0 {
			yield(Article{}, fmt.Errorf("%s: empty input", source))
		}
	}
}

// ParseJSONL reads every record of a JSON lines stream (see ReadJSONL) and
// returns the good ones in order, with an error for each bad one.
func ParseJSONL(source string, r io.Reader) ([]Article, []error) {
	var arts []Article
	var errs []error
	for a, err := range ReadJSONL(source, r) {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		arts = append(arts, a)
	}
	return arts, errs
}

// readLine appends the next line of br, without its line ending, to buf.
// A line longer than MaxSize is read to its end but not kept: tooLong is
// set and buf holds what fitted. err is io.EOF at the end of the input,
// with the last line, if unterminated, in buf.
func readLine(br *bufio.Reader, buf []byte) (line []byte, tooLong bool, err error) {
	for {
		chunk, err := br.ReadSlice('\n')
		if !tooLong {
			if len(buf)+len(chunk) > MaxSize+2 { // room for "\r\n"
				tooLong = true
			} else {
				buf = append(buf, chunk...)
			}
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		buf = bytes.TrimSuffix(buf, []byte{'\n'})
		buf = bytes.TrimSuffix(buf, []byte{'\r'})
		if !tooLong && len(buf) > MaxSize {
			tooLong = true
		}
		return buf, tooLong, err
	}
}

// parseRecord decodes one non-blank line into an Article without Line.
func parseRecord(line []byte) (Article, error) {
	if i := bytes.IndexByte(line, 0); i >= 0 {
		return Article{}, fmt.Errorf("NUL byte at column %d", i+1)
	}
	if off := invalidUTF8(line); off >= 0 {
		return Article{}, fmt.Errorf("invalid UTF-8 at column %d", off+1)
	}
	var rec jsonRecord
	if err := json.Unmarshal(line, &rec); err != nil {
		return Article{}, jsonError(err)
	}
	title := collapseSpace(rec.Title)
	var missing []string
	if title == "" {
		missing = append(missing, "title")
	}
	if strings.TrimSpace(rec.Body) == "" {
		missing = append(missing, "body")
	}
	if len(missing) > 0 {
		return Article{}, fmt.Errorf("missing %s", strings.Join(missing, ", "))
	}
	if strings.ContainsRune(rec.Body, 0) || strings.ContainsRune(rec.Title, 0) {
		return Article{}, errors.New("text holds a NUL character")
	}
	var pub time.Time
	if strings.TrimSpace(rec.Published) != "" {
		var ok bool
		if pub, ok = ParseDate(rec.Published); !ok {
			return Article{}, fmt.Errorf("published %q is not a date (want YYYY-MM-DD or RFC 3339)", truncate(rec.Published, 40))
		}
	}
	u := strings.TrimSpace(rec.URL)
	lay := layoutText(rec.Body, title)
	if pub.IsZero() {
		pub = lay.published
	}
	if pub.IsZero() {
		pub, _ = urlDate(u)
	}
	return Article{
		Source:    u,
		Title:     title,
		Published: pub,
		Byline:    firstNonEmpty(collapseSpace(rec.Byline), lay.byline),
		URL:       u,
		Text:      rec.Body,
		Body:      lay.body,
		Paras:     lay.paras,
		Dateline:  lay.dateline,
	}, nil
}

// jsonError rewords encoding/json's errors for a person fixing the file.
func jsonError(err error) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		return fmt.Errorf("invalid JSON at column %d: %s", syn.Offset+1, strings.TrimPrefix(syn.Error(), "json: "))
	case errors.As(err, &typ) && typ.Field == "":
		return fmt.Errorf("record is a JSON %s, want an object", typ.Value)
	case errors.As(err, &typ):
		return fmt.Errorf("field %q is a JSON %s, want a string", typ.Field, typ.Value)
	}
	return fmt.Errorf("invalid JSON: %w", err)
}

// collapseSpace trims s and turns each run of white space inside it into
// one space, for one-line metadata such as titles and bylines.
func collapseSpace(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// truncate shortens s to at most n runes for quoting in an error message.
func truncate(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i] + "..."
		}
		n--
	}
	return s
}
