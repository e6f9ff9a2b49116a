// Package extract turns a parsed news article into facts: one quantity
// stated about one entity for one period, with its metric, year, period,
// qualifier, plan-or-actual status and the byte offsets it came from.
//
// Extract follows the annotation guidelines of the corpus
// (../shared/corpus/GUIDELINES.md): the metric is built from the text's own
// noun phrase and canonicalised, percentage changes become "_growth"
// metrics, the year and period come from the clause or are carried from
// earlier sentences, relative years ("last year") resolve against the
// publication date, and dates, numbers inside names, ranks, category
// thresholds, durations and currency conversions are not facts. Entities
// come from package resolve.
//
// The rules are general rules of how English economic news reports
// figures; nothing in them is specific to an article.
package extract
