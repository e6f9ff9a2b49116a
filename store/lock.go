package store

import (
	"fmt"
	"strings"
)

// LockError is the error of an Open that timed out waiting for the file
// lock; it wraps ErrLocked. Holders are the processes holding the lock,
// where the system says (Linux); none when it does not.
type LockError struct {
	Path    string
	Holders []LockHolder
	// Writing is set when this Open wanted to write (an exclusive lock,
	// which readers block too), clear when it only wanted to read.
	Writing bool
}

// LockHolder is a process holding a database's lock.
type LockHolder struct {
	PID     int
	Command string // its command line, "" if unknown
	Write   bool   // it holds the lock to write; otherwise to read
}

// String says what the process is and how it holds the lock.
func (h LockHolder) String() string {
	mode := "reading"
	if h.Write {
		mode = "writing"
	}
	if h.Command == "" {
		return fmt.Sprintf("process %d has it open for %s", h.PID, mode)
	}
	return fmt.Sprintf("process %d (%s) has it open for %s", h.PID, h.Command, mode)
}

// Error says the database is locked and by whom.
func (e *LockError) Error() string {
	var b strings.Builder
	b.WriteString(ErrLocked.Error())
	for i, h := range e.Holders {
		if i == 0 {
			b.WriteString(": ")
		} else {
			b.WriteString("; ")
		}
		b.WriteString(h.String())
	}
	return b.String()
}

// Unwrap returns ErrLocked.
func (e *LockError) Unwrap() error { return ErrLocked }

// lockError returns the LockError for path, naming its holders.
func lockError(path string, writing bool) *LockError {
	return &LockError{Path: path, Holders: lockHolders(path), Writing: writing}
}
