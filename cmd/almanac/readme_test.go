package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/almanacdb/almanac/cmd/almanac/internal/shell"
	"github.com/google/go-cmp/cmp"
)

// readmeSession finds the example session in README.md: the code block
// under "## A session". It returns the text before the block's first
// output line (its "$ ..." command line included), the block, and the
// text after it.
func readmeSession(t *testing.T, readme string) (before, block, after string) {
	t.Helper()
	i := strings.Index(readme, "\n## A session\n")
	if i < 0 {
		t.Fatal("README.md has no \"## A session\" section")
	}
	open := strings.Index(readme[i:], "\n```\n")
	if open < 0 {
		t.Fatal("the session section has no code block")
	}
	start := i + open + len("\n```\n")
	nl := strings.IndexByte(readme[start:], '\n')
	if nl < 0 || !strings.HasPrefix(readme[start:], "$ ") {
		t.Fatal("the session does not start with a $ command line")
	}
	start += nl + 1
	end := strings.Index(readme[start:], "```\n")
	if end < 0 {
		t.Fatal("the session's code block does not end")
	}
	return readme[:start], readme[start : start+end], readme[start+end:]
}

// sessionInput returns what the user types in a session transcript: the
// text after each prompt, "^D" for Ctrl-D.
func sessionInput(block string) []string {
	var in []string
	for _, line := range strings.Split(block, "\n") {
		for _, p := range []string{shell.Prompt, shell.ContinuationPrompt} {
			if rest, ok := strings.CutPrefix(line, p); ok {
				in = append(in, rest)
				break
			}
		}
	}
	return in
}

// TestREADMESession runs the session README.md shows, as a new user
// would: the command in an empty directory on an 80x24 terminal, typing
// each line after its prompt. The transcript must be the README's; go
// test -update writes it there. The session's statements name no fact
// IDs or counts, so a new extractor needs only -update.
func TestREADMESession(t *testing.T) {
	path := filepath.Join("..", "..", "README.md")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	before, block, after := readmeSession(t, string(data))
	input := sessionInput(block)
	if len(input) < 3 || input[len(input)-1] != "^D" {
		t.Fatalf("the session's input %q does not end with ^D", input)
	}

	dir := t.TempDir()
	cmd := exec.Command(almanacBinary(t))
	cmd.Dir = dir
	// TERM=dumb: the line editor prompts and reads plainly, and no colour.
	cmd.Env = append(os.Environ(), "TERM=dumb", "NO_COLOR=", "PAGER=cat", "HOME="+dir,
		"XDG_STATE_HOME="+filepath.Join(dir, "state"), "XDG_CONFIG_HOME="+filepath.Join(dir, "config"))
	term, done := startTerminal(t, cmd, 24, 80)
	prompt := `(?:` + regexp.QuoteMeta(shell.Prompt) + `|` + regexp.QuoteMeta(shell.ContinuationPrompt) + `)$`
	for _, line := range input {
		term.expect(prompt)
		if line == "^D" {
			term.send("\x04")
		} else {
			term.send(line + "\r")
		}
	}
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("exit: %v; output:\n%s", err, term.out.String())
		}
	case <-time.After(20 * time.Second):
		t.Fatal("the session did not end")
	}
	// What the terminal showed, as the README writes it: the input echoed
	// after its prompt, and ^D where Ctrl-D ended the session.
	got := strings.ReplaceAll(term.all(), "\r\n", "\n")
	got = strings.ReplaceAll(got, "^D", "")
	got = strings.TrimSuffix(got, shell.Prompt+"\n") + shell.Prompt + "^D\n"

	if *update {
		if err := os.WriteFile(path, []byte(before+got+after), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if diff := cmp.Diff(block, got); diff != "" {
		t.Errorf("README.md's session differs from the command's; review and run go test ./cmd/almanac -run TestREADMESession -update (-README +command):\n%s", diff)
	}
}
