package document

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"unicode/utf8"
)

// MaxSize is the largest document, or JSON lines record, that is parsed:
// 64 MiB. Nothing in a news article comes near it, so a larger input is a
// mistake (a database dump, a video) and is refused before it is held in
// memory twice over. Callers reading files may check it against the size
// before reading.
const MaxSize = 64 << 20

// Format is an article file format.
type Format int

// The formats Parse understands.
const (
	Text  Format = iota // plain-text article in the news-site layout
	HTML                // an HTML page holding one article
	JSONL               // JSON lines: one article record per line
)

var formatNames = [...]string{"text", "html", "jsonl"}

// String returns the format's lower-case name.
func (f Format) String() string {
	if f >= 0 && int(f) < len(formatNames) {
		return formatNames[f]
	}
	return fmt.Sprintf("format(%d)", int(f))
}

// Detect names the format of a file: by its extension (.txt, .text,
// .html, .htm, .xhtml, .jsonl, .ndjson, .jsonlines, .json) when it has a
// known one, else by its first bytes: '{' starts JSON lines, a tag starts
// HTML, anything else is plain text.
func Detect(name string, data []byte) Format {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".txt", ".text":
		return Text
	case ".html", ".htm", ".xhtml":
		return HTML
	case ".jsonl", ".ndjson", ".jsonlines", ".json":
		return JSONL
	}
	head := data[:min(len(data), 1024)]
	head = bytes.TrimPrefix(head, bom)
	head = bytes.TrimLeft(head, " \t\r\n\f")
	switch {
	case len(head) > 0 && head[0] == '{':
		return JSONL
	case len(head) > 1 && head[0] == '<' && (isASCIILetter(head[1]) || head[1] == '!' || head[1] == '?'):
		return HTML
	}
	return Text
}

func isASCIILetter(c byte) bool {
	return c|0x20 >= 'a' && c|0x20 <= 'z'
}

// Parse parses one input named source in the format Detect names: a text
// or HTML file gives one Article, a JSON lines file one per good record.
// For JSON lines the error joins the errors of the bad records, and comes
// with the good records' articles; for the other formats it comes alone.
// Errors name source (and, for JSON lines, the line).
func Parse(source string, data []byte) ([]Article, error) {
	var a Article
	var err error
	switch Detect(source, data) {
	case JSONL:
		arts, errs := ParseJSONL(source, bytes.NewReader(data))
		return arts, errors.Join(errs...)
	case HTML:
		a, err = ParseHTML(source, data)
	default:
		a, err = ParseText(source, data)
	}
	if err != nil {
		return nil, err
	}
	return []Article{a}, nil
}

// bom is the UTF-8 byte order mark some editors put at the start of a file.
var bom = []byte("\ufeff")

// sniffLen is how much of an input the binary check looks at: enough to
// catch every real binary format by its header, small enough to be free.
const sniffLen = 8 << 10

// validate runs the checks every format shares on a whole document and
// returns an error naming source, or nil. Its errors read
//
//	SOURCE: empty input
//	SOURCE: 70000000 bytes is over the 64 MiB limit
//	SOURCE: looks like UTF-16; convert it to UTF-8
//	SOURCE: looks binary (NUL byte at offset 12)
//	SOURCE:LINE: invalid UTF-8 at byte offset 345
func validate(source string, data []byte) error {
	if len(data) > MaxSize {
		return fmt.Errorf("%s: %d bytes is over the %d MiB limit", source, len(data), MaxSize>>20)
	}
	if err := checkBinary(source, data); err != nil {
		return err
	}
	if len(bytes.TrimSpace(bytes.TrimPrefix(data, bom))) == 0 {
		if len(data) == 0 {
			return fmt.Errorf("%s: empty input", source)
		}
		return fmt.Errorf("%s: empty input (only white space)", source)
	}
	if off := invalidUTF8(data); off >= 0 {
		line := 1 + bytes.Count(data[:off], []byte{'\n'})
		return fmt.Errorf("%s:%d: invalid UTF-8 at byte offset %d", source, line, off)
	}
	return nil
}

// checkBinary reports input that is not text at all, judged on its first
// sniffLen bytes plus any NUL byte in the whole of it: a NUL never occurs
// in UTF-8 text, and a run of control bytes means a binary format.
func checkBinary(source string, data []byte) error {
	if bytes.HasPrefix(data, []byte{0xff, 0xfe}) || bytes.HasPrefix(data, []byte{0xfe, 0xff}) || utf16NoBOM(data) {
		return fmt.Errorf("%s: looks like UTF-16; convert it to UTF-8", source)
	}
	for _, c := range compressed {
		if bytes.HasPrefix(data, []byte(c.magic)) {
			return fmt.Errorf("%s: looks like %s data; decompress it first", source, c.name)
		}
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return fmt.Errorf("%s: looks binary (NUL byte at offset %d)", source, i)
	}
	head := data[:min(len(data), sniffLen)]
	control := 0
	for _, c := range head {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' && c != 0x1b {
			control++
		}
	}
	if control > 0 && control*10 > len(head) {
		return fmt.Errorf("%s: looks binary (%d control bytes in the first %d)", source, control, len(head))
	}
	return nil
}

// compressed are the archive and compression formats people mistake for
// articles, by their magic numbers.
var compressed = []struct{ magic, name string }{
	{"\x1f\x8b", "gzip"},
	{"PK\x03\x04", "zip"},
	{"\xfd7zXXZ\x00", "xz"},
	{"\x28\xb5\x2f\xfd", "zstd"},
}

// utf16NoBOM reports whether data starts with two ASCII characters in
// UTF-16 without a byte order mark: a NUL in every other byte.
func utf16NoBOM(d []byte) bool {
	if len(d) < 4 {
		return false
	}
	le := d[1] == 0 && d[3] == 0 && d[0] != 0 && d[2] != 0 && d[0] < 0x80 && d[2] < 0x80
	be := d[0] == 0 && d[2] == 0 && d[1] != 0 && d[3] != 0 && d[1] < 0x80 && d[3] < 0x80
	return le || be
}

// invalidUTF8 returns the offset of the first byte of data that is not
// valid UTF-8, or -1.
func invalidUTF8(data []byte) int {
	if utf8.Valid(data) {
		return -1
	}
	for i := 0; i < len(data); {
		if data[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return -1
}
