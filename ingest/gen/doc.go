// Package gen generates a deterministic synthetic corpus of plain-text
// economic news articles in the layout of the real corpus (breadcrumb,
// headline, "Updated : YYYY-MM-DD", "By ( source )", body paragraphs,
// trailing teasers), for benchmarks and for the crash-safety test.
//
// Articles are built from word lists and sentence templates written for
// this package: about 300 place names (real ones of Heilongjiang and made
// up ones), about 2,000 metric noun phrases combined from modifiers and
// nouns, and years 2000-2025. Each article states 10-30 figures in
// 1.5-3 KB and carries the facts it planted, so a test can measure how
// many of them an extractor finds.
//
// The same seed always gives the same articles, on every platform and Go
// release: the package uses its own random number generator, not
// math/rand, whose streams are not promised to stay the same.
package gen
