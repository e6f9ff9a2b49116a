// Package shell is the almanac command's statement loop: the REPL on a
// terminal and batch runs of scripts, command-line queries and standard
// input, which are the same loop over a different Editor (Rob Pike's ivy
// does the same with run.Run's interactive flag).
//
// The loop reads lines, joins the lines of a statement that is not
// finished (an open parenthesis or quote, or a trailing "where", "and",
// ","...), runs meta-commands (.help, .format, .chart...) and queries, and
// writes results and positioned errors to the writers it is given. It never
// exits the process.
package shell
