// Package shell is the almanac command's statement loop: the REPL on a
// terminal and batch runs of scripts, command-line queries and standard
// input, which are the same loop over a different Editor (Rob Pike's ivy
// does the same with run.Run's interactive flag).
//
// The loop reads lines, joins the lines of a statement that is not
// finished (an open parenthesis or quote, or a trailing "where", "and",
// ","...), runs meta-commands (.help, .mode, .chart, .output...) and
// queries, and writes results to one writer (or a file of .output) and
// errors and status lines to the other. On a terminal it fits results to
// the width and pages the long ones. It never exits the process.
package shell
