package main

import (
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// The command goes through the front door: its code (tests aside)
// imports of Almanac only the root package and the command's own internal
// packages, so that whatever it does, a program embedding the library can
// do too.
func TestImportsOnlyTheRoot(t *testing.T) {
	const module = "github.com/almanacdb/almanac"
	n := 0
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return err
		}
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		n++
		for _, imp := range f.Imports {
			p, _ := strconv.Unquote(imp.Path.Value)
			if strings.HasPrefix(p, module+"/") && !strings.HasPrefix(p, module+"/cmd/almanac/internal/") {
				t.Errorf("%s imports %s: export what it needs from the root package", path, p)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 5 {
		t.Fatalf("checked only %d files", n)
	}
}
