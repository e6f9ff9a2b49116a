package rq

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/almanacdb/almanac/ingest/recognize"
)

func TestDump(t *testing.T) {
	files, _ := filepath.Glob("/work/shared/corpus/*/*.txt")
	for _, f := range files {
		b, _ := os.ReadFile(f)
		text := string(b)
		fmt.Println("==", filepath.Base(f))
		for _, q := range recognize.Quantities(text) {
			fmt.Printf("  %q %v %s q=%s conv=%v comp=%v range=%v lo=%v\n", text[q.Start:q.End], q.Value, q.Unit, q.Qualifier, q.Conversion, q.Compound, q.Range, q.Lo)
		}
		for _, s := range recognize.Periods(text) {
			fmt.Printf("  P %q %s\n", text[s.Start:s.End], s.Label)
		}
		for _, s := range recognize.Years(text) {
			fmt.Printf("  Y %q %v\n", text[s.Start:s.End], s.Value)
		}
		for _, s := range recognize.Dates(text) {
			fmt.Printf("  D %q %v\n", text[s.Start:s.End], s.Value)
		}
	}
}
