// Package syntax parses Almanac queries into a syntax tree, prints trees
// back as canonical text, and reports positioned errors. It knows nothing
// of the store or the planner: the planner lowers a *Query to its own plan.
//
// # Queries
//
//	metric gdp where entity in ("Harbin", "Daqing") and year >= 2019 by year
//	sum metric gdp where year = 2021 by entity order by value desc limit 5
//	facts where not (status = plan or period in (Q1, H1)) and value > 1e9
//	metrics like "incubator"
//	facts where conflict and period = year
//	conflicts where metric = gdp
//	show fact 12
//	search "5G base stations"
//
// The grammar, as printed by EBNF, is kept in testdata/grammar.ebnf. The
// functions (sum, avg, min, max, count, growth) are declared once, with
// their argument and result types, in the table Functions returns; the
// lexer, the grammar's Func production and the planner all read it.
//
// # Lexical rules
//
// Keywords (where, by, metric, entity, ...) are reserved and matched in any
// letter case; IsKeyword lists them. Where a value or an order key is
// expected, a keyword that is not a clause word or an operator stands for
// itself: period = year, unit = count, order by facts (the grammar's
// <word>). Whitespace separates tokens, and "#" starts a comment that
// runs to the end of the line: the lexer drops comments, so callers may
// pass scripts with comments as they are.
//
// A number is -?D+(.D+)?([eE][+-]?D+)?: 2021, -3.5, 1e6. "1,180" is two
// numbers, since commas separate list items.
//
// A bare word is a run of letters (any script), digits and underscores,
// with single hyphens allowed between them, that is neither a keyword nor a
// number: Harbin, CNY, plan, 5g_base_stations, 哈尔滨. Periods are written
// as bare words too: Q1, H1, M1-M2, Q1-Q3, 2024-Q1. When a token could be
// read both ways the longer reading wins (5g is a word, 1e6 a number,
// 2019-2021 a word).
//
// A string is quoted with " or ' and may use Go's escapes (\" \' \\ \n \t
// \xFF \u00e9 \U0001F600); it may not span lines.
//
// Lex runs the same lexer without stopping at errors, for tools that read
// queries a line at a time: it says whether a statement is incomplete (a
// string or parenthesis open, or a last token such as "where" or ","
// after which no statement ends), whether a line continues the one above
// ("by year" does), and where ";" separates statements.
//
// # Names and strings
//
// A metric name (Name) and a string (StringLit) are both written either as
// a bare word or quoted; the quotes are needed only for text that is not a
// bare word (spaces, punctuation, keywords, numbers). Parse unquotes both,
// so `entity = Harbin` and `entity = "Harbin"` give equal trees. They
// differ only in how they print: a Name prints bare when it can, a
// StringLit always prints quoted. A value is a StringLit or a NumberLit;
// the planner decides what a field accepts (say, a number for year).
//
// # Canonical text
//
// Every node's String method prints canonical text that Parse turns back
// into an equal node, positions aside: lower-case keywords, single spaces,
// no ";", strings double-quoted, "asc" omitted, and only the parentheses
// that change the meaning. Parse removes the others and flattens nested
// "and" and "or" lists, so (a or b) or c and a or b or c are the same
// tree. A fuzz test checks the round trip.
//
// # Errors and limits
//
// Parse returns an *Error printed as "line:col: message", such as
// `1:8: unexpected "by", expected a metric name`; a misspelt keyword gets
// the nearest one the parser expected (`did you mean year?`, also in
// Error.Suggestion, found by Suggest). Columns count runes;
// Caret draws the source line with a caret under the column. The planner
// collects its own errors in an ErrorList and sorts it.
//
// Queries longer than MaxQueryLen bytes and parentheses nested deeper than
// MaxDepth are rejected before parsing, which bounds participle's
// recursion and keeps parsing time linear in the input.
package syntax
