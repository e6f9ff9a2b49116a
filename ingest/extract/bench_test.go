package extract_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/almanacdb/almanac/ingest/document"
	"github.com/almanacdb/almanac/ingest/extract"
	"github.com/almanacdb/almanac/ingest/gen"
)

// BenchmarkExtractSize shows that extraction costs the same per byte
// whatever the size and shape of the text: articles of 1 KB to 10 MB made
// of generated paragraphs, as paragraphs ("para") and as one line with no
// paragraph or line break ("line"). MB/s should stay flat across sizes.
//
//	go test ./ingest/extract -run XXX -bench ExtractSize -benchtime 1x
func BenchmarkExtractSize(b *testing.B) {
	lookup := genLookup(b)
	var paras []string
	for ga := range gen.Articles(3, 400) {
		a, err := document.ParseText(ga.Name, []byte(ga.Text))
		if err != nil {
			b.Fatal(err)
		}
		for _, p := range a.Paras {
			paras = append(paras, a.Text[p.Start:p.End])
		}
	}
	for _, size := range []int{1 << 10, 10 << 10, 100 << 10, 1 << 20, 10 << 20} {
		for _, shape := range []string{"para", "line"} {
			sep := "\n\n"
			if shape == "line" {
				sep = " "
			}
			var sb strings.Builder
			sb.WriteString("Jixi grows\n\nJIXI, March 3, 2021 -- ")
			for i := 0; sb.Len() < size; i++ {
				sb.WriteString(paras[i%len(paras)])
				sb.WriteString(sep)
			}
			text := sb.String()
			a, err := document.ParseText("bench.txt", []byte(text))
			if err != nil {
				b.Fatal(err)
			}
			b.Run(fmt.Sprintf("%s/%dKB", shape, size>>10), func(b *testing.B) {
				b.SetBytes(int64(len(text)))
				for b.Loop() {
					extract.Extract(a, extract.Options{Lookup: lookup})
				}
			})
		}
	}
}
