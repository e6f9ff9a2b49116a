package almanac_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/almanacdb/almanac"
	"github.com/almanacdb/almanac/store"
	"github.com/google/go-cmp/cmp"
	bolt "go.etcd.io/bbolt"
)

// hostileEnv is a database holding the sample articles, which every
// hostile case runs against, and a scratch directory for its files.
type hostileEnv struct {
	db   *almanac.DB
	path string // the database file
	dir  string
}

// hostileCase is a bad input and the error it must give: want are
// substrings of the message, which say what is wrong and where (file:line,
// or line:col for queries); is, if set, is a sentinel the error wraps.
type hostileCase struct {
	name string
	op   func(t *testing.T, env *hostileEnv) error
	want []string
	is   error
}

// TestHostileInput runs each bad query, document, file and database
// against a populated database and checks that it fails with its error,
// panics nowhere, and leaves what is stored exactly as it was.
func TestHostileInput(t *testing.T) {
	dir := t.TempDir()
	env := &hostileEnv{path: filepath.Join(dir, "hostile.db"), dir: filepath.Join(dir, "scratch")}
	if err := os.Mkdir(env.dir, 0o755); err != nil {
		t.Fatal(err)
	}
	db, err := almanac.Open(env.path, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	env.db = db
	ctx := context.Background()
	if _, err := db.IngestFS(ctx, almanac.SampleArticles(), nil); err != nil {
		t.Fatal(err)
	}

	var cases []hostileCase
	cases = append(cases, hostileQueries()...)
	cases = append(cases, hostileDocuments()...)
	cases = append(cases, hostileFiles()...)
	cases = append(cases, hostileDatabases()...)
	cases = append(cases, hostileAliases()...)
	if len(cases) < 40 {
		t.Fatalf("only %d cases", len(cases))
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			before := snapshot(t, db)
			err := runCase(t, tc, env)
			if err == nil {
				t.Fatalf("no error, want one containing %q", tc.want)
			}
			t.Log(clip(err.Error()))
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not contain %q", clip(err.Error()), w)
				}
			}
			if tc.is != nil && !errors.Is(err, tc.is) {
				t.Errorf("error %q is not %v", clip(err.Error()), tc.is)
			}
			if diff := cmp.Diff(before, snapshot(t, db)); diff != "" {
				t.Errorf("stored data changed (-before +after):\n%s", diff)
			}
		})
	}
}

// runCase runs tc's operation, turning a panic into a test failure.
func runCase(t *testing.T, tc hostileCase, env *hostileEnv) (err error) {
	defer func() {
		if r := recover(); r != nil {
			t.Fatalf("panic: %v", r)
		}
	}()
	return tc.op(t, env)
}

// snapshot is everything a user can see of the database: every fact
// with its provenance, the documents, the counts, and a clean Check.
func snapshot(t *testing.T, db *almanac.DB) string {
	t.Helper()
	ctx := context.Background()
	var buf bytes.Buffer
	if _, err := db.Export(ctx, &buf, "jsonl"); err != nil {
		t.Fatalf("export: %v", err)
	}
	problems, err := db.Store().Check(context.Background())
	if err != nil || len(problems) > 0 {
		t.Fatalf("check: %v %q", err, problems)
	}
	res, err := db.Query(ctx, "documents")
	if err != nil {
		t.Fatalf("documents: %v", err)
	}
	if err := res.Write(&buf, almanac.CSV, almanac.WriteOptions{}); err != nil {
		t.Fatal(err)
	}
	s, err := db.Stats()
	if err != nil {
		t.Fatalf("stats: %v", err)
	}
	s.FileBytes = 0 // a rolled-back write may grow the file
	return fmt.Sprintf("%s%+v\n", buf.String(), s)
}

func clip(s string) string {
	if len(s) > 300 {
		return s[:300] + "..."
	}
	return s
}

// repeatReader yields n bytes of c without holding them.
type repeatReader struct {
	c byte
	n int64
}

func (r *repeatReader) Read(p []byte) (int, error) {
	if r.n <= 0 {
		return 0, io.EOF
	}
	p = p[:min(int64(len(p)), r.n)]
	for i := range p {
		p[i] = r.c
	}
	r.n -= int64(len(p))
	return len(p), nil
}

const hugeLine = 200 << 20

func queryCase(name, text string, want ...string) hostileCase {
	return hostileCase{name: "query/" + name, want: want, op: func(t *testing.T, env *hostileEnv) error {
		_, err := env.db.Query(context.Background(), text)
		return err
	}}
}

func hostileQueries() []hostileCase {
	const statement = "expected a statement (metric, facts"
	deep := strings.Repeat("(", 100_000) + "year = 2020" + strings.Repeat(")", 100_000)
	return []hostileCase{
		queryCase("nested-parens-100k", "facts where "+deep, "1:113: parentheses nested too deeply (limit 100)"),
		queryCase("open-parens-100k", strings.Repeat("(", 100_000), "1:101: parentheses nested too deeply"),
		queryCase("string-10MB", `search "`+strings.Repeat("x", 10<<20)+`"`, "1:1: query too long (10485769 bytes, limit 1048576)"),
		queryCase("1MiB-plus-1", "facts"+strings.Repeat(" ", 1<<20-5+1), "1:1: query too long (1048577 bytes, limit 1048576)"),
		queryCase("nul-byte", "facts\x00 limit 1", `1:6: unexpected character '\x00'`),
		queryCase("nul-in-string", "facts where entity = \"Har\x00bin\"", `1:22: unknown entity "Har\x00bin"`),
		queryCase("invalid-utf8", "facts where entity = \xff", "1:22: invalid UTF-8 byte 0xff"),
		queryCase("invalid-utf8-in-string", "facts where entity = \"\xffHarbin\"", `1:22: unknown entity "\xffHarbin"`),
		queryCase("value-1e400", "facts where value > 1e400", "1:21: number 1e400 out of range"),
		queryCase("value-minus-1e400", "facts where value < -1e400", "1:21: number -1e400 out of range"),
		queryCase("value-NaN", "facts where value = NaN", `1:21: type error: value is a number, got text "NaN"`),
		queryCase("value-inf", "facts where value > inf", `1:21: type error: value is a number, got text "inf"`),
		queryCase("year-20-digits", "facts where year = 99999999999999999999", "1:20: year", "out of range (years are 1000 to 9999)"),
		queryCase("year-u16-wrap", "facts where year in (2020, 67556)", "1:28: year 67556 out of range"),
		queryCase("year-minus-0", "facts where year = -0", "1:20: year", "out of range"),
		queryCase("year-fraction", "facts where year = 2020.5", "1:20: type error: year is a whole number, got 2020.5"),
		queryCase("limit-20-digits", "facts limit 99999999999999999999", "1:13: integer 99999999999999999999 out of range"),
		queryCase("limit-negative", "facts limit -1", "1:13: unexpected number -1, expected an integer"),
		queryCase("limit-0", "facts limit 0", "1:7: limit must be at least 1"),
		queryCase("show-fact-20-digits", "show fact 99999999999999999999", "1:11: integer 99999999999999999999 out of range"),
		queryCase("show-document-20-digits", "show document 99999999999999999999", "1:15: integer 99999999999999999999 out of range"),
		queryCase("document-id-huge", "count facts where document = 99999999999999999999", "1:30: unknown document"),
		queryCase("document-id-1e10", "count facts where document in (1, 10000000000)", "1:35: unknown document 10000000000"),
		queryCase("empty", "", "1:1: unexpected end of query, "+statement),
		queryCase("white-space", " \t\r\n ", "unexpected end of query, "+statement),
		queryCase("only-comment", "# what was the gdp?", "1:1: unexpected end of query, "+statement),
		queryCase("unknown-keyword", "frobnicate facts", `1:1: unexpected name "frobnicate", `+statement),
		queryCase("unknown-clause", "facts whence year = 2020", `1:7: unexpected name "whence", expected end of query`),
		queryCase("unterminated-string", `search "harbin`, "1:8: unterminated string"),
		queryCase("string-across-lines", "search \"harbin\n\"", "1:8: unterminated string"),
		queryCase("escape-surrogate", `search "\ud800"`, "1:9: invalid escape sequence in string"),
		queryCase("escape-beyond-unicode", `search "\U00110000"`, "1:9: invalid escape sequence in string"),
		queryCase("escape-short", `search "\u12"`, "1:9: invalid escape sequence in string"),
		queryCase("two-statements", "facts; facts", `1:8: unexpected "facts", expected end of query`),
		queryCase("unknown-metric", "metric no_such_metric by year", `1:8: unknown metric "no_such_metric"`),
	}
}

// ingestCase ingests what input returns under name through IngestReader.
func ingestCase(name, file string, input func() io.Reader, want ...string) hostileCase {
	return hostileCase{name: "document/" + name, want: want, is: almanac.ErrIngestFailed, op: func(t *testing.T, env *hostileEnv) error {
		var errs []string
		opts := &almanac.IngestOptions{Report: func(r almanac.IngestReport) {
			if r.Err != nil {
				errs = append(errs, r.Err.Error())
			}
		}}
		_, err := env.db.IngestReader(context.Background(), file, input(), opts)
		return joinReports(err, errs)
	}}
}

func docCase(name, file, data string, want ...string) hostileCase {
	return ingestCase(name, file, func() io.Reader { return strings.NewReader(data) }, want...)
}

// joinReports puts the reported errors into the error's message.
func joinReports(err error, reports []string) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf("%w: %s", err, strings.Join(reports, "; "))
}

func hostileDocuments() []hostileCase {
	const article = "Harbin output\n\nUpdated : 2024-01-02\n\nHarbin's GDP reached 5 billion yuan in 2023.\n"
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte(article))
	zw.Close()
	utf16le := []byte{0xff, 0xfe}
	for _, r := range utf16.Encode([]rune(article)) {
		utf16le = binary.LittleEndian.AppendUint16(utf16le, r)
	}
	record := func(title, published, body string) string {
		return fmt.Sprintf(`{"title": %q, "published": %q, "body": %q}`+"\n", title, published, body)
	}
	return []hostileCase{
		docCase("nul-text", "nul.txt", strings.Replace(article, "GDP", "G\x00DP", 1), "nul.txt: looks binary (NUL byte at offset 47)"),
		docCase("nul-jsonl-late", "late.jsonl",
			`{"title": "`+strings.Repeat("t", 9000)+`"}`+"\n"+strings.Replace(record("T", "2024-01-02", "body"), "body", "bo\x00dy", 1),
			"late.jsonl:1: missing body", "late.jsonl:2: NUL byte at column 46"),
		docCase("nul-escape-jsonl", "esc.jsonl", `{"title": "T", "published": "2024-01-02", "body": "a\u0000b"}`+"\n", "esc.jsonl:1: text holds a NUL character"),
		docCase("invalid-utf8-text", "bad.txt", strings.Replace(article, "GDP", "G\xffDP", 1), "bad.txt:5: invalid UTF-8 at byte offset 47"),
		docCase("invalid-utf8-jsonl", "bad.jsonl", record("T", "", "")+"{\"title\": \"\xff\"}\n",
			"bad.jsonl:2: invalid UTF-8 at column 12"),
		docCase("invalid-utf8-html", "bad.html", "<p>Harbin\n\xc3</p>", "bad.html:2: invalid UTF-8 at byte offset 10"),
		ingestCase("200MB-line-text", "huge.txt", func() io.Reader {
			return io.MultiReader(strings.NewReader("Title\n\n"), &repeatReader{'x', hugeLine})
		}, "huge.txt: over the 64 MiB limit"),
		ingestCase("200MB-line-jsonl", "huge.jsonl", func() io.Reader {
			return io.MultiReader(strings.NewReader(`{"title": "T", "published": "2024-01-02", "body": "`),
				&repeatReader{'x', hugeLine}, strings.NewReader("\"}\n"+record("T", "someday", "b")))
		}, "huge.jsonl:1: record is over the 64 MiB limit", `huge.jsonl:2: published "someday" is not a date`),
		docCase("utf16", "utf16.txt", string(utf16le), "utf16.txt: looks like UTF-16; convert it to UTF-8"),
		docCase("utf16-no-bom", "utf16.html", string(utf16le[2:]), "utf16.html: looks like UTF-16"),
		docCase("gzip", "article.txt", gz.String(), "article.txt: looks like gzip data; decompress it first"),
		docCase("gzip-stdin", "stdin", gz.String(), "stdin: looks like gzip data"),
		docCase("control-bytes", "ctl.txt", "\x01\x02\x03\x04\x05\x06\x07\x08", "ctl.txt: looks binary (8 control bytes in the first 8)"),
		docCase("empty", "empty.txt", "", "empty.txt: empty input"),
		docCase("blank", "blank.txt", "\ufeff \n\t\n", "blank.txt: empty input (only white space)"),
		docCase("html-10k-nested-divs", "deep.html",
			strings.Repeat("<div>", 10_000)+"<p>Harbin's GDP reached 5 billion yuan in 2023.</p>"+strings.Repeat("</div>", 10_000),
			"deep.html: parse html: open stack of elements exceeds 512 nodes"),
		docCase("html-no-text", "nav.html", "<nav>Home</nav><script>var p = '<p>x</p>'</script>", "nav.html: no article text found in the page"),
		docCase("jsonl-title-number", "types.jsonl", `{"title": 5, "published": "2024-01-02", "body": "b"}`+"\n",
			`types.jsonl:1: field "title" is a JSON number, want a string`),
		docCase("jsonl-body-object", "types.jsonl", `{"title": "T", "published": "2024-01-02", "body": {"text": "b"}}`+"\n",
			`types.jsonl:1: field "body" is a JSON object, want a string`),
		docCase("jsonl-array", "arr.jsonl", "[1, 2]\n", "arr.jsonl:1: record is a JSON array, want an object"),
		docCase("jsonl-truncated", "cut.jsonl", record("T", "2024-01-02", "body")[:30]+"\n", "cut.jsonl:1: invalid JSON at column 31"),
		docCase("jsonl-bad-date", "date.jsonl", record("T", "2024-02-30", "b"), `date.jsonl:1: published "2024-02-30" is not a date`),
		docCase("jsonl-title-over-64KiB", "long.jsonl", record(strings.Repeat("t", 70<<10), "2024-01-02", "b"),
			"long.jsonl:1: long.jsonl#1: title, byline or url longer than 64 KiB"),
		docCase("jsonl-url-over-1KiB", "url.jsonl",
			`{"title": "T", "published": "2024-01-02", "body": "b", "url": "https://x/`+strings.Repeat("a", 2000)+`"}`+"\n",
			"url.jsonl:1: ", "source name longer than 1024 bytes"),
	}
}

// filesCase ingests the paths setup makes in a fresh directory.
func filesCase(name string, setup func(t *testing.T, dir string) []string, want ...string) hostileCase {
	return hostileCase{name: "files/" + name, want: want, is: almanac.ErrIngestFailed, op: func(t *testing.T, env *hostileEnv) error {
		dir, err := os.MkdirTemp(env.dir, "files")
		if err != nil {
			t.Fatal(err)
		}
		var errs []string
		opts := &almanac.IngestOptions{Report: func(r almanac.IngestReport) {
			if r.Err != nil {
				errs = append(errs, r.Err.Error())
			}
		}}
		_, err = env.db.IngestFiles(context.Background(), setup(t, dir), opts)
		return joinReports(err, errs)
	}}
}

func writeFile(t *testing.T, path, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

func hostileFiles() []hostileCase {
	return []hostileCase{
		filesCase("200MB-sparse-text", func(t *testing.T, dir string) []string {
			p := filepath.Join(dir, "huge.txt")
			writeFile(t, p, "Title\n\n")
			if err := os.Truncate(p, hugeLine); err != nil {
				t.Fatal(err)
			}
			return []string{p}
		}, "huge.txt: 209715200 bytes is over the 64 MiB limit"),
		filesCase("directory-loop", func(t *testing.T, dir string) []string {
			if err := os.MkdirAll(filepath.Join(dir, "a", "b"), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.Symlink("../..", filepath.Join(dir, "a", "b", "up")); err != nil {
				t.Fatal(err)
			}
			return []string{dir}
		}, filepath.Join("a", "b", "up")+": directory loop through a symbolic link; skipped"),
		filesCase("empty-directory", func(t *testing.T, dir string) []string {
			writeFile(t, filepath.Join(dir, "notes.md"), "not an article")
			return []string{dir}
		}, "files", ": no article files in the directory (want .txt, .text, .html"),
		filesCase("missing-file", func(t *testing.T, dir string) []string {
			return []string{filepath.Join(dir, "missing.txt")}
		}, "missing.txt: no such file or directory"),
		filesCase("unreadable-file", func(t *testing.T, dir string) []string {
			p := filepath.Join(dir, "locked.txt")
			if os.Geteuid() != 0 {
				writeFile(t, p, "Title\n\nText.\n")
				if err := os.Chmod(p, 0); err != nil {
					t.Fatal(err)
				}
				return []string{p}
			}
			// Root reads through chmod 000; reading /proc/self/mem at
			// offset 0 fails instead.
			if _, err := os.Stat("/proc/self/mem"); err != nil {
				t.Skip("no unreadable file to be had as root without /proc")
			}
			if err := os.Symlink("/proc/self/mem", p); err != nil {
				t.Fatal(err)
			}
			return []string{dir}
		}, "locked.txt: "),
		filesCase("gzip-file", func(t *testing.T, dir string) []string {
			var gz bytes.Buffer
			zw := gzip.NewWriter(&gz)
			zw.Write([]byte("Title\n\nText.\n"))
			zw.Close()
			writeFile(t, filepath.Join(dir, "a.jsonl"), gz.String())
			return []string{dir}
		}, "a.jsonl: looks like gzip data; decompress it first"),
	}
}

// openCase opens the database file setup makes and, if that works, runs
// then on it.
func openCase(name string, setup func(t *testing.T, env *hostileEnv) (string, *almanac.Options), want ...string) hostileCase {
	return hostileCase{name: "database/" + name, want: want, op: func(t *testing.T, env *hostileEnv) error {
		path, opts := setup(t, env)
		db, err := almanac.Open(path, opts)
		if err != nil {
			return err
		}
		db.Close()
		return nil
	}}
}

// copyDB copies the populated database to a new file.
func copyDB(t *testing.T, env *hostileEnv, name string) string {
	t.Helper()
	data, err := os.ReadFile(env.path)
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(env.dir, name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func hostileDatabases() []hostileCase {
	readOnly := &almanac.Options{ReadOnly: true}
	cases := []hostileCase{
		openCase("truncated", func(t *testing.T, env *hostileEnv) (string, *almanac.Options) {
			p := copyDB(t, env, "truncated.db")
			fi, err := os.Stat(p)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.Truncate(p, fi.Size()/2); err != nil {
				t.Fatal(err)
			}
			return p, nil
		}, "truncated.db: not an almanac database (file truncated"),
		openCase("zero-length-read-only", func(t *testing.T, env *hostileEnv) (string, *almanac.Options) {
			p := filepath.Join(env.dir, "zero.db")
			writeFile(t, p, "")
			return p, readOnly
		}, "zero.db: not an almanac database (empty file)"),
		openCase("directory", func(t *testing.T, env *hostileEnv) (string, *almanac.Options) {
			p := filepath.Join(env.dir, "dir.db")
			if err := os.Mkdir(p, 0o755); err != nil {
				t.Fatal(err)
			}
			return p, nil
		}, "open ", "dir.db: is a directory"),
		openCase("missing-directory", func(t *testing.T, env *hostileEnv) (string, *almanac.Options) {
			return filepath.Join(env.dir, "no", "such", "x.db"), nil
		}, filepath.Join("no", "such", "x.db")+": no such file or directory"),
		openCase("text-file", func(t *testing.T, env *hostileEnv) (string, *almanac.Options) {
			p := filepath.Join(env.dir, "notes.db")
			writeFile(t, p, "these are my notes, not a database\n")
			return p, nil
		}, "notes.db: not an almanac database (no bbolt header)"),
		openCase("foreign-bbolt", func(t *testing.T, env *hostileEnv) (string, *almanac.Options) {
			p := filepath.Join(env.dir, "foreign.db")
			b, err := bolt.Open(p, 0o644, nil)
			if err != nil {
				t.Fatal(err)
			}
			err = b.Update(func(tx *bolt.Tx) error {
				bk, err := tx.CreateBucket([]byte("users"))
				if err != nil {
					return err
				}
				return bk.Put([]byte("alice"), []byte("1"))
			})
			if err := errors.Join(err, b.Close()); err != nil {
				t.Fatal(err)
			}
			return p, nil
		}, "foreign.db: not an almanac database (a bbolt file without almanac's meta bucket)"),
		openCase("schema-too-new", func(t *testing.T, env *hostileEnv) (string, *almanac.Options) {
			p := copyDB(t, env, "future.db")
			b, err := bolt.Open(p, 0o644, nil)
			if err != nil {
				t.Fatal(err)
			}
			err = b.Update(func(tx *bolt.Tx) error {
				return tx.Bucket([]byte("meta")).Put([]byte("schema"), binary.BigEndian.AppendUint32(nil, 99))
			})
			if err := errors.Join(err, b.Close()); err != nil {
				t.Fatal(err)
			}
			return p, readOnly
		}, "future.db: database schema is newer than this almanac (file has schema 99"),
		openCase("locked", func(t *testing.T, env *hostileEnv) (string, *almanac.Options) {
			return env.path, &almanac.Options{LockTimeout: 50 * time.Millisecond}
		}, "hostile.db: database is locked by another process"),
	}
	cases[len(cases)-2].is = almanac.ErrSchemaTooNew
	cases[len(cases)-1].is = almanac.ErrLocked
	cases = append(cases, hostileCase{name: "database/write-read-only", is: almanac.ErrReadOnly,
		want: []string{"write ", "ro.db: database is open read-only"},
		op: func(t *testing.T, env *hostileEnv) error {
			db, err := almanac.Open(copyDB(t, env, "ro.db"), readOnly)
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			_, err = db.IngestReader(context.Background(), "a.txt", strings.NewReader("Title\n\nHarbin built 5 parks in 2023.\n"), nil)
			return err
		}})
	return cases
}

func aliasCase(name, data string, want ...string) hostileCase {
	return hostileCase{name: "aliases/" + name, want: want, op: func(t *testing.T, env *hostileEnv) error {
		p := filepath.Join(env.dir, "aliases.txt")
		writeFile(t, p, data)
		_, err := almanac.LoadAliases(p)
		return err
	}}
}

func hostileAliases() []hostileCase {
	return []hostileCase{
		aliasCase("no-equals", "# places\nHarbin City = Harbin\nHarbin City Harbin\n", `aliases.txt:3: want "alias = canonical", got "Harbin City Harbin"`),
		aliasCase("empty-alias", "= Harbin\n", "aliases.txt:1: empty alias"),
		aliasCase("empty-canonical", "\n\nBinzhou =\n", "aliases.txt:3: empty canonical name"),
		aliasCase("unknown-level", "Songbei = Songbei District @town\n", `aliases.txt:1: unknown level "town"`),
		aliasCase("invalid-utf8", "Harbin City = Harbin\nHar\xffbin = Harbin\n", "aliases.txt:2: invalid UTF-8"),
		aliasCase("nul", "Harbin City = Harbin\n\x00 = Harbin\n", "aliases.txt:2: control character U+0000 in a name"),
	}
}

// TestHostileNumbersInArticles ingests articles with numbers no float64
// holds. They are stored (the rest of the article is good), no fact takes
// an infinite or absurd value, and the database stays consistent.
func TestHostileNumbersInArticles(t *testing.T) {
	db, err := almanac.Open(filepath.Join(t.TempDir(), "n.db"), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	head := "Harbin output\n\nUpdated : 2024-01-02\n\n"
	docs := map[string]string{
		"e400.txt":     head + "Harbin produced 1e400 tonnes of grain in 2023.\n",
		"digits.txt":   head + "Harbin produced " + strings.Repeat("9", 400) + " tonnes of grain in 2023.\n",
		"billions.txt": head + "Harbin's GDP reached " + strings.Repeat("9", 400) + " billion yuan in 2023.\n",
		"commas.txt":   head + "Harbin's GDP reached " + strings.Repeat("999,", 130) + "999 yuan in 2023.\n",
		"percent.txt":  head + "Harbin's GDP grew by " + strings.Repeat("9", 400) + ".5 percent in 2023.\n",
		"neg-zero.txt": head + "Harbin's GDP grew by -0 percent in 2023, and by -0.0 percent in 2022.\n",
		"nan.txt":      head + "Harbin's GDP reached NaN yuan and Inf tonnes in 2023, infinity percent.\n",
	}
	for name, text := range docs {
		var warns []string
		_, err := db.IngestReader(ctx, name, strings.NewReader(text), &almanac.IngestOptions{Report: func(r almanac.IngestReport) {
			warns = append(warns, r.Warnings...)
		}})
		if err != nil {
			t.Errorf("%s: %v", name, err)
		}
		t.Logf("%s: warnings %q", name, warns)
	}
	var buf bytes.Buffer
	n, err := db.Export(ctx, &buf, "jsonl")
	if err != nil {
		t.Fatal(err)
	}
	dec := json.NewDecoder(&buf)
	for range n {
		var r store.ExportRecord
		if err := dec.Decode(&r); err != nil {
			t.Fatal(err)
		}
		if math.IsInf(r.Value, 0) || math.IsNaN(r.Value) || math.Abs(r.Value) > 1e300 {
			t.Errorf("%s: fact %s/%s has value %g", r.Document, r.Entity, r.Metric, r.Value)
		}
	}
	if problems, err := db.Store().Check(context.Background()); err != nil || len(problems) > 0 {
		t.Errorf("check: %v %q", err, problems)
	}
	if s, err := db.Stats(); err != nil || s.Documents != len(docs) {
		t.Errorf("stats %+v, %v; want %d documents", s, err, len(docs))
	}
}

// TestQueryDeadline cancels a full scan of 200,000 facts with a 1 ms
// deadline: the query must return context.DeadlineExceeded, promptly.
func TestQueryDeadline(t *testing.T) {
	if testing.Short() {
		t.Skip("200,000-fact fixture skipped in -short mode")
	}
	path := filepath.Join(t.TempDir(), "big.db")
	s, err := store.Open(path, &store.Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	const facts, perDoc = 200_000, 100
	text := "Entity figures for many metrics."
	var docs []store.DocFacts
	for d := range facts / perDoc {
		doc := store.DocFacts{Doc: store.Document{
			Source: fmt.Sprintf("doc-%05d.txt", d), Title: "T", Text: fmt.Sprintf("%s %d", text, d),
			Published: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC),
		}}
		for i := range perDoc {
			doc.Facts = append(doc.Facts, store.Fact{
				Entity: fmt.Sprintf("Entity %d", i%50), Metric: fmt.Sprintf("metric_%d", (d+i)%300),
				Year: 2000 + i%25, Value: float64(d*perDoc + i + 1), Unit: "count",
				SentenceEnd: len(text), End: 6,
			})
		}
		docs = append(docs, doc)
	}
	res, err := s.Put(docs)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range res {
		if r.Err != nil {
			t.Fatal(r.Err)
		}
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	db, err := almanac.Open(path, &almanac.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, q := range []string{"facts where value > 0", "count facts where value > 0 by entity", "facts order by value desc"} {
		ctx, cancel := context.WithTimeout(context.Background(), time.Millisecond)
		start := time.Now()
		_, err := db.Query(ctx, q)
		elapsed := time.Since(start)
		cancel()
		t.Logf("%s: %v after %v", q, err, elapsed)
		if !errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("%s: error %v, want context.DeadlineExceeded", q, err)
		}
		// Generous for a loaded machine; an uncancelled scan takes longer.
		if elapsed > 500*time.Millisecond {
			t.Errorf("%s: returned after %v", q, elapsed)
		}
	}
	// Without a deadline the same scan completes.
	start := time.Now()
	if _, err := db.Query(context.Background(), "count facts where value > 0 by entity"); err != nil {
		t.Fatal(err)
	}
	t.Logf("without a deadline: %v", time.Since(start))
}
