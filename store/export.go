package store

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
)

// ExportRecord is one fact as exported: names resolved, its document's
// metadata and its sentence inlined. Its JSON form is one line of
// `almanac export --format jsonl`.
type ExportRecord struct {
	ID        uint64  `json:"id"`
	Document  string  `json:"document"`
	Title     string  `json:"title"`
	Published string  `json:"published"`
	Entity    string  `json:"entity"`
	Metric    string  `json:"metric"`
	Year      int     `json:"year"`
	Period    string  `json:"period"`
	Value     float64 `json:"value"`
	Unit      string  `json:"unit"`
	Qualifier string  `json:"qualifier"`
	Status    string  `json:"status"`
	Sentence  string  `json:"sentence"`
	Start     int     `json:"start"`
	End       int     `json:"end"`
}

// ExportColumns are the CSV header, in the order of ExportRecord's fields.
var ExportColumns = []string{"id", "document", "title", "published", "entity", "metric", "year",
	"period", "value", "unit", "qualifier", "status", "sentence", "start", "end"}

// Export writes every fact, in ID order, to w as JSON lines ("jsonl") or
// CSV with a header ("csv"). It returns the number of facts written. It
// reads one consistent snapshot and stops early if ctx is cancelled.
func (db *DB) Export(ctx context.Context, w io.Writer, format string) (n int, err error) {
	bw := bufio.NewWriterSize(w, 64<<10)
	var emit func(*ExportRecord) error
	flush := func() error { return nil }
	switch format {
	case "jsonl":
		enc := json.NewEncoder(bw)
		enc.SetEscapeHTML(false)
		emit = func(r *ExportRecord) error { return enc.Encode(r) }
	case "csv":
		cw := csv.NewWriter(bw)
		if err := cw.Write(ExportColumns); err != nil {
			return 0, err
		}
		flush = func() error { cw.Flush(); return cw.Error() }
		emit = func(r *ExportRecord) error {
			return cw.Write([]string{
				strconv.FormatUint(r.ID, 10), r.Document, r.Title, r.Published, r.Entity, r.Metric,
				strconv.Itoa(r.Year), r.Period, strconv.FormatFloat(r.Value, 'f', -1, 64), r.Unit,
				r.Qualifier, r.Status, r.Sentence, strconv.Itoa(r.Start), strconv.Itoa(r.End),
			})
		}
	default:
		return 0, fmt.Errorf("export: unknown format %q (want jsonl or csv)", format)
	}
	err = db.View(func(tx *Tx) error {
		_, err := tx.ScanAll(func(e Entry) error {
			if n%1024 == 0 && ctx.Err() != nil {
				return ctx.Err()
			}
			f, err := tx.Fact(e.Fact)
			if err != nil {
				return err
			}
			doc, err := tx.Document(f.Doc)
			if err != nil {
				return fmt.Errorf("fact %d: %w", f.ID, err)
			}
			n++
			return emit(&ExportRecord{
				ID: f.ID, Document: doc.Source, Title: doc.Title, Published: doc.PublishedString(),
				Entity: f.Entity, Metric: f.Metric, Year: f.Year, Period: f.Period.String(),
				Value: f.Value, Unit: f.Unit, Qualifier: f.Qualifier.String(), Status: f.Status.String(),
				Sentence: f.Sentence, Start: f.Start, End: f.End,
			})
		})
		return err
	})
	if err != nil {
		return n, fmt.Errorf("export: %w", err)
	}
	if err := flush(); err != nil {
		return n, fmt.Errorf("export: %w", err)
	}
	if err := bw.Flush(); err != nil {
		return n, fmt.Errorf("export: %w", err)
	}
	return n, nil
}
