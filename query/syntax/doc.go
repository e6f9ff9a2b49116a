// Package syntax parses Almanac queries into a syntax tree and prints the
// tree back as canonical text.
package syntax
