package resolve

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// ParseAliases reads an alias file and returns base (which it does not
// change) extended with its names. base may be nil.
//
// The file has one alias a line:
//
//	# comment
//	Harbin New Zone = Harbin New Area
//	Harbin Electric = Harbin Electric Corporation @org
//	Songbei New Area = Songbei New Area @area
//
// The name left of "=" is an alias of the canonical name on the right; an
// optional "@level" (country, province, city, district, area, org) gives
// the canonical entity's level. Without it the level is the canonical
// name's level in base, or org for a name base does not know. Blank lines
// and lines starting with '#' are ignored. Errors read "name:line: message".
func ParseAliases(name string, r io.Reader, base *Table) (*Table, error) {
	t := base.Clone()
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 4096), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		s := strings.TrimSpace(sc.Text())
		if line == 1 {
			s = strings.TrimPrefix(s, "\ufeff")
		}
		if s == "" || s[0] == '#' {
			continue
		}
		alias, canon, ok := strings.Cut(s, "=")
		if !ok {
			return nil, fmt.Errorf("%s:%d: want \"alias = canonical\", got %q", name, line, s)
		}
		alias, canon = strings.TrimSpace(alias), strings.TrimSpace(canon)
		var level Level
		if i := strings.LastIndexByte(canon, '@'); i >= 0 {
			l, ok := ParseLevel(canon[i+1:])
			if !ok {
				return nil, fmt.Errorf("%s:%d: unknown level %q (want country, province, city, district, area or org)", name, line, strings.TrimSpace(canon[i+1:]))
			}
			level, canon = l, strings.TrimSpace(canon[:i])
		}
		switch {
		case alias == "":
			return nil, fmt.Errorf("%s:%d: empty alias", name, line)
		case canon == "":
			return nil, fmt.Errorf("%s:%d: empty canonical name", name, line)
		case len(alias) > 200 || len(canon) > 200:
			return nil, fmt.Errorf("%s:%d: name longer than 200 bytes", name, line)
		case strings.ContainsAny(alias+canon, "=@#"):
			return nil, fmt.Errorf("%s:%d: names may not contain '=', '@' or '#'", name, line)
		}
		if level == 0 {
			if e, ok := t.Entity(canon); ok {
				level, canon = e.Level, e.Name
			} else {
				level = Org
			}
		}
		t.Add(alias, canon, level)
		t.Add(canon, canon, level)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s:%d: %w", name, line+1, err)
	}
	return t, nil
}
