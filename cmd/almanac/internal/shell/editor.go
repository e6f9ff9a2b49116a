package shell

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/almanacdb/almanac"
	"github.com/peterh/liner"
)

// ErrInterrupted is returned by Editor.ReadLine when the user abandons the
// line with Ctrl-C.
var ErrInterrupted = errors.New("interrupted")

// ErrLineTooLong is returned, wrapped with the line's length, by
// Editor.ReadLine for a line longer than MaxLineLen; the line is skipped
// and the next ReadLine reads the line after it.
var ErrLineTooLong = errors.New("line too long")

// MaxLineLen is the longest line Plain returns: no longer than the
// longest query, so that a runaway line (a file that is not a script)
// costs neither memory nor the rest of the script.
const MaxLineLen = almanac.MaxQueryLen

// Editor reads the shell's input a line at a time.
type Editor interface {
	// ReadLine shows prompt, if the editor shows prompts, and returns the
	// next line without its line ending. It returns io.EOF at the end of
	// input (Ctrl-D on a terminal), ErrInterrupted when the user abandons
	// the line, ErrLineTooLong for a line that was skipped, and other
	// errors when reading fails.
	ReadLine(prompt string) (string, error)
	// AddHistory records a statement the user entered; editors without
	// history ignore it.
	AddHistory(entry string)
}

// Plain is an Editor over a reader: a script, a pipe, or a test's input.
type Plain struct {
	r    *bufio.Reader
	buf  []byte
	echo io.Writer
}

// NewPlain returns an Editor reading lines from r. When echo is not nil,
// it writes each prompt and the line read to echo, so that output reads
// like a terminal session.
func NewPlain(r io.Reader, echo io.Writer) *Plain {
	return &Plain{r: bufio.NewReaderSize(r, 64<<10), echo: echo}
}

// ReadLine returns the next line of input, without "\n" or "\r\n". A line
// longer than MaxLineLen is read to its end but not kept.
func (p *Plain) ReadLine(prompt string) (string, error) {
	p.buf = p.buf[:0]
	n := 0          // bytes of the line, with its ending
	var tail []byte // its last two bytes
	for {
		chunk, err := p.r.ReadSlice('\n')
		n += len(chunk)
		tail = append(tail, chunk[max(len(chunk)-2, 0):]...)
		tail = tail[max(len(tail)-2, 0):]
		if len(p.buf)+len(chunk) <= MaxLineLen+2 { // room for "\r\n"
			p.buf = append(p.buf, chunk...)
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		if err != nil && !errors.Is(err, io.EOF) {
			return "", err
		}
		if n == 0 {
			if p.echo != nil {
				fmt.Fprintln(p.echo, prompt)
			}
			return "", io.EOF
		}
		break
	}
	if n > len(p.buf) {
		if bytes.HasSuffix(tail, []byte("\n")) {
			n--
			if bytes.HasSuffix(tail, []byte("\r\n")) {
				n--
			}
		}
		return "", fmt.Errorf("%w (%d bytes, limit %d)", ErrLineTooLong, n, MaxLineLen)
	}
	line := strings.TrimSuffix(strings.TrimSuffix(string(p.buf), "\n"), "\r")
	if len(line) > MaxLineLen {
		return "", fmt.Errorf("%w (%d bytes, limit %d)", ErrLineTooLong, len(line), MaxLineLen)
	}
	if p.echo != nil {
		fmt.Fprintf(p.echo, "%s%s\n", prompt, line)
	}
	return line, nil
}

// AddHistory does nothing: plain input has no history.
func (p *Plain) AddHistory(string) {}

// Liner is an Editor on a terminal, with line editing, completion and
// history kept in a file between sessions.
type Liner struct {
	state   *liner.State
	history string
}

// NewLiner puts the terminal (standard input and output) into the mode
// line editing needs and loads history from historyFile, if it exists
// ("" keeps no history). complete, if not nil, completes the word at the
// cursor. Close restores the terminal.
func NewLiner(historyFile string, complete liner.WordCompleter) *Liner {
	s := liner.NewLiner()
	s.SetCtrlCAborts(true)
	s.SetMultiLineMode(true)
	s.SetTabCompletionStyle(liner.TabPrints)
	if complete != nil {
		s.SetWordCompleter(complete)
	}
	l := &Liner{state: s, history: historyFile}
	if historyFile != "" {
		if f, err := os.Open(historyFile); err == nil {
			s.ReadHistory(f)
			f.Close()
		}
	}
	return l
}

// ReadLine reads a line with editing; Ctrl-C gives ErrInterrupted and
// Ctrl-D on an empty line io.EOF.
func (l *Liner) ReadLine(prompt string) (string, error) {
	line, err := l.state.Prompt(prompt)
	if errors.Is(err, liner.ErrPromptAborted) {
		return "", ErrInterrupted
	}
	return line, err
}

// AddHistory adds entry to the history, on one line.
func (l *Liner) AddHistory(entry string) {
	entry = strings.Join(strings.Fields(entry), " ")
	if entry != "" {
		l.state.AppendHistory(entry)
	}
}

// Close saves the history and restores the terminal.
func (l *Liner) Close() error {
	err := l.saveHistory()
	l.state.Close()
	return err
}

func (l *Liner) saveHistory() error {
	if l.history == "" {
		return nil
	}
	if err := os.MkdirAll(filepath.Dir(l.history), 0o700); err != nil {
		return fmt.Errorf("save history: %w", err)
	}
	f, err := os.OpenFile(l.history, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return fmt.Errorf("save history: %w", err)
	}
	if _, err := l.state.WriteHistory(f); err != nil {
		f.Close()
		return fmt.Errorf("save history: %w", err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("save history: %w", err)
	}
	return nil
}

// HistoryFile returns where the REPL keeps its history, following the XDG
// base directory spec: $XDG_STATE_HOME/almanac/history, by default
// ~/.local/state/almanac/history. getenv is os.Getenv outside tests. It
// returns "" when there is no home directory to put it in.
func HistoryFile(getenv func(string) string) string {
	if dir := getenv("XDG_STATE_HOME"); filepath.IsAbs(dir) {
		return filepath.Join(dir, "almanac", "history")
	}
	home := getenv("HOME")
	if home == "" {
		return ""
	}
	return filepath.Join(home, ".local", "state", "almanac", "history")
}
