package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

// Exit statuses after signals: 128 + the signal's number, as shells report
// a process a signal ended.
const (
	exitInterrupt = 128 + int(syscall.SIGINT)
	exitTerminate = 128 + int(syscall.SIGTERM)
)

// onSignals returns a context cancelled by the first of sigs to arrive,
// so that the command stops what it is doing and says so; a second signal
// ends the process at once (status 128+signal), for a user who will not
// wait. stop releases the signals.
//
// Everything a command writes is committed in transactions, so ending
// the process mid-way loses at most the transaction under way, never half
// of a document.
//
// The signals are registered and released by the goroutine that waits
// for them, not by the caller: each of signal.Notify and signal.Stop
// waits for the runtime's signal thread, which the first Notify starts,
// and the pair cost a fresh `almanac query` 0.3-0.5 ms that the command
// now spends on its work. Until the registration is done (a fraction of
// a millisecond after the command starts, as the process's own start
// was before) a signal takes its default action and ends the process;
// after stop returns, one that comes before the release is ignored as
// the command ends.
func onSignals(parent context.Context, errw io.Writer, sigs ...os.Signal) (ctx context.Context, stop func()) {
	ctx, cancel := context.WithCancel(parent)
	ch := make(chan os.Signal, 2)
	done := make(chan struct{})
	go func() {
		signal.Notify(ch, sigs...)
		defer signal.Stop(ch)
		select {
		case <-ch:
			cancel()
		case <-done:
			return
		}
		select {
		case sig := <-ch:
			fmt.Fprintf(errw, "almanac: a second signal (%v): stopping at once\n", sig)
			code := exitInterrupt
			if sig == syscall.SIGTERM {
				code = exitTerminate
			}
			os.Exit(code)
		case <-done:
		}
	}()
	return ctx, func() {
		close(done)
		cancel()
	}
}
