// Package resolve names the entities of economic news text: it finds the
// places and organisations an article mentions, maps aliases to canonical
// names ("Harbin New Zone" is "Harbin New Area") and follows references
// such as "the city", "the province", "the zone" or "it" back to the entity
// they stand for.
//
// A Lookup answers what a name refers to. Builtin returns the built-in
// Lookup of the region's places (China and its provinces, the cities,
// districts and counties of Heilongjiang, a few development zones and
// companies); ParseAliases reads a user alias file on top of it. Mentions
// finds names and references in a text, and a Tracker resolves them in
// reading order.
package resolve
