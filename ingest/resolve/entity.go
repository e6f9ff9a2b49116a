package resolve

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Level is the kind of an entity, from the largest place to an
// organisation. Where a sentence names several, the extractor prefers the
// most specific (the highest Level).
type Level uint8

// The levels.
const (
	Country  Level = iota + 1 // China, Russia
	Region                    // a part of a country larger than a province: Northeast China
	Province                  // provinces, autonomous regions, municipalities
	City                      // prefecture-level cities
	District                  // districts, counties, county-level cities
	Area                      // new areas, development and free trade zones
	Org                       // companies, airports, oilfields, groups
)

var levelNames = [...]string{"", "country", "region", "province", "city", "district", "area", "org"}

// String returns the level's lower-case name.
func (l Level) String() string {
	if l > 0 && int(l) < len(levelNames) {
		return levelNames[l]
	}
	return "level(" + strconv.Itoa(int(l)) + ")"
}

// ParseLevel returns the level named s (country, province, city, district,
// area, org).
func ParseLevel(s string) (Level, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	for i, n := range levelNames {
		if i > 0 && n == s {
			return Level(i), true
		}
	}
	switch s {
	case "county":
		return District, true
	case "zone":
		return Area, true
	case "company", "organisation", "organization":
		return Org, true
	}
	return 0, false
}

// Entity is a canonical entity: its name as facts record it, and its level.
type Entity struct {
	Name  string
	Level Level
}

// Lookup resolves a name as an article writes it to the entity it refers
// to.
type Lookup interface {
	// Entity returns the entity name refers to. Matching ignores case and
	// runs of white space. ok is false when the name is unknown; Entity has
	// no other failure.
	Entity(name string) (e Entity, ok bool)
}

// Table is a Lookup held in memory: a map from normalised names to
// entities. The zero Table is empty and ready to use; a Table is not safe
// for concurrent writes, but concurrent Entity calls are fine once it is
// built.
type Table struct {
	names map[string]Entity
}

// Entity implements Lookup.
func (t *Table) Entity(name string) (Entity, bool) {
	if t == nil || t.names == nil {
		return Entity{}, false
	}
	if acronym(name) {
		if e, ok := t.names[acronymKey+name]; ok {
			return e, true
		}
	}
	var buf [128]byte
	b := appendNormal(buf[:0], name)
	e, ok := t.names[string(b)] // no allocation for the lookup
	return e, ok
}

// acronymKey prefixes the keys of acronyms, which match only as written:
// "HIT" names an institute, "Hit by the slump" does not.
const acronymKey = "\x00"

// acronym reports whether name is two to five capital letters.
func acronym(name string) bool {
	if len(name) < 2 || len(name) > 5 {
		return false
	}
	for i := 0; i < len(name); i++ {
		if c := name[i]; c < 'A' || c > 'Z' {
			return false
		}
	}
	return true
}

// Add records that alias names canonical, an entity of the given level.
// The canonical name is also recorded as a name of itself.
func (t *Table) Add(alias, canonical string, level Level) {
	if t.names == nil {
		t.names = make(map[string]Entity)
	}
	e := Entity{Name: canonical, Level: level}
	if acronym(alias) {
		t.names[acronymKey+alias] = e
	} else {
		t.names[Normalize(alias)] = e
	}
	if _, ok := t.names[Normalize(canonical)]; !ok {
		t.names[Normalize(canonical)] = e
	}
}

// Len returns the number of names in the table.
func (t *Table) Len() int {
	if t == nil {
		return 0
	}
	return len(t.names)
}

// Clone returns a copy of t that can be extended without changing t.
func (t *Table) Clone() *Table {
	c := &Table{names: make(map[string]Entity, t.Len())}
	if t != nil {
		for k, v := range t.names {
			c.names[k] = v
		}
	}
	return c
}

// Normalize returns the form names are matched in: lower case, curly
// apostrophes straightened, runs of spaces (including U+00A0) and hyphens
// as single spaces, a trailing period dropped.
func Normalize(name string) string {
	return string(appendNormal(make([]byte, 0, len(name)), name))
}

// appendNormal appends the normal form of name to b.
func appendNormal(b []byte, name string) []byte {
	n0 := len(b)
	space := false
	for _, r := range name {
		switch {
		case r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\u00a0' || r == '-' || r == '\u2013' || r == '\u2014':
			space = true
			continue
		case r == '\u2019' || r == '\u2018':
			r = '\''
		}
		if space && len(b) > n0 {
			b = append(b, ' ')
		}
		space = false
		if r < utf8.RuneSelf {
			if r >= 'A' && r <= 'Z' {
				r += 'a' - 'A'
			}
			b = append(b, byte(r))
			continue
		}
		b = utf8.AppendRune(b, unicode.ToLower(r))
	}
	if len(b) > n0 && b[len(b)-1] == '.' {
		b = b[:len(b)-1]
	}
	return b
}
