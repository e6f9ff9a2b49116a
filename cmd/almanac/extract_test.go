package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestExtractCommand runs almanac extract as a user would on an article
// of our own: each fact comes with its number, sentence and the rules
// behind it; jsonl carries the same; --tree shows the parse; nothing is
// stored; bad input is refused with a message and exit status 2.
func TestExtractCommand(t *testing.T) {
	dir := t.TempDir()
	art := filepath.Join(dir, "jixi.txt")
	text := "Jixi trade grows\n\nJIXI, March 3, 2021 -- Jixi's exports reached 3.2 billion yuan in 2020, up 12 percent year on year.\n\nThe city also built 40 new parks.\n"
	if err := os.WriteFile(art, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}

	out, errs, status := runAlmanac(t, dir, "", "extract", "--tree", art)
	if status != 0 {
		t.Fatalf("extract: status %d, stderr %q", status, errs)
	}
	for _, want := range []string{
		"(published 2021-03-03)",
		"Jixi | exports | 2020 year | 3,200,000,000 CNY | exact | actual",
		`"3.2 billion" in: Jixi's exports reached 3.2 billion yuan in 2020, up 12 percent year on year.`,
		"rules: entity: possessor; metric: subject-of-verb; year: clause-year",
		"Jixi | exports_growth | 2020 year | 12 percent",
		"change: up-down",
		"# text = Jixi's exports reached 3.2 billion yuan in 2020, up 12 percent year on year.",
		"\texports\texport\tNOUN\t",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("extract output lacks %q:\n%s", want, out)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("extract left files behind: %v", entries)
	}

	out, errs, status = runAlmanac(t, dir, "", "extract", "--format", "jsonl", art)
	if status != 0 {
		t.Fatalf("extract jsonl: status %d, stderr %q", status, errs)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	var f struct {
		Entity, Metric, Number, Sentence string
		Rules                            struct{ Entity, Metric, Year string }
	}
	if err := json.Unmarshal([]byte(lines[0]), &f); err != nil {
		t.Fatalf("jsonl line %q: %v", lines[0], err)
	}
	if f.Entity != "Jixi" || f.Metric != "exports" || f.Number != "3.2 billion" || f.Rules.Entity != "possessor" || f.Rules.Year != "clause-year" {
		t.Errorf("jsonl fact %+v", f)
	}

	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"extract", "--published", "March 3", art}, `--published "March 3" is not a date`},
		{[]string{"extract"}, "want one FILE"},
		{[]string{"extract", "--format", "csv", art}, `unknown format "csv"`},
		{[]string{"extract", dir}, "is a directory"},
		{[]string{"extract", filepath.Join(dir, "missing.txt")}, "missing.txt"},
	} {
		_, errs, status := runAlmanac(t, dir, "", c.args...)
		if status == 0 || !strings.Contains(errs, c.want) {
			t.Errorf("almanac %q: status %d, stderr %q, want %q", c.args, status, errs, c.want)
		}
	}
}
