package extract

import (
	"os"
	"testing"

	"github.com/almanacdb/almanac/ingest/document"
)

func TestDbgPlace(t *testing.T) {
	p := os.Getenv("DBG")
	if p == "" {
		t.Skip()
	}
	data, _ := os.ReadFile(p)
	a, _ := document.ParseText("x.txt", data)
	debugPlace = func(where string, x *extractor) { t.Logf("%s: place=%q topic=%q subject=%q", where, x.place.Name, x.topic.Name, x.tracker.Subject().Name) }
	Extract(a, Options{})
	debugPlace = nil
}
