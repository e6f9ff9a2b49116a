package resolve

import "strings"

// Tracker resolves mentions in reading order: it remembers the latest
// entity of each level and the subject of the latest sentence, which is
// what "the city", "the zone" or "it" refer to. The zero Tracker is ready
// to use.
type Tracker struct {
	last    [Org + 1]Entity
	orgs    []Entity
	named   []Entity // places in order of their latest mention
	subject Entity
}

// Has reports whether an entity of level l was observed.
func (t *Tracker) Has(l Level) bool { return l <= Org && t.last[l].Name != "" }

// Resolve returns the entity m stands for: a name's own entity, or for a
// reference the latest entity of the level it refers to ("the city": the
// latest city; "the airport": the latest organisation named an airport;
// "it": the subject). ok is false when nothing fits.
func (t *Tracker) Resolve(m Mention) (Entity, bool) {
	if !m.Ref {
		if m.Entity.Level == Org {
			// "Harbin Taiping International Airport" ... "Harbin Airport".
			for i := len(t.orgs) - 1; i >= 0; i-- {
				if sameOrg(t.orgs[i].Name, m.Entity.Name) || shortOrg(t.orgs[i].Name, m.Entity.Name) {
					return t.orgs[i], true
				}
			}
		}
		return m.Entity, m.Entity.Name != ""
	}
	switch lv := m.Entity.Level; lv {
	case 0:
		return t.subject, t.subject.Name != ""
	case Org:
		for i := len(t.orgs) - 1; i >= 0; i-- {
			if m.Head == "" || m.Head == "company" || m.Head == "firm" || nameHasHead(t.orgs[i].Name, m.Head) {
				return t.orgs[i], true
			}
		}
		return Entity{}, false
	default:
		// "the district" is the latest place named a district, if any.
		if m.Head != "" {
			for i := len(t.named) - 1; i >= 0; i-- {
				if strings.HasSuffix(strings.ToLower(t.named[i].Name), " "+m.Head) {
					return t.named[i], true
				}
			}
		}
		e := t.last[lv]
		if e.Name == "" && lv == District {
			e = t.last[Area]
		}
		if e.Name == "" && lv == Area {
			e = t.last[District]
		}
		return e, e.Name != ""
	}
}

// sameOrg reports whether two organisation names are one: same first and
// last word ("Harbin Taiping International Airport", "Harbin Airport").
func sameOrg(a, b string) bool {
	fa, fb := strings.Fields(strings.ToLower(a)), strings.Fields(strings.ToLower(b))
	if len(fa) == 0 || len(fb) == 0 {
		return false
	}
	return fa[0] == fb[0] && fa[len(fa)-1] == fb[len(fb)-1]
}

// shortOrg reports whether b, two words or more, is the start of a's
// name: "CRRC Qiqihar" for "CRRC Qiqihar Rolling Stock Co".
func shortOrg(a, b string) bool {
	fa, fb := strings.Fields(strings.ToLower(a)), strings.Fields(strings.ToLower(b))
	if len(fb) < 2 || len(fb) >= len(fa) {
		return false
	}
	for i := range fb {
		if fa[i] != fb[i] {
			return false
		}
	}
	return true
}

// Observe records that e was mentioned.
func (t *Tracker) Observe(e Entity) {
	if e.Name == "" || e.Level > Org {
		return
	}
	t.last[e.Level] = e
	for i, o := range t.named {
		if o.Name == e.Name {
			t.named = append(t.named[:i], t.named[i+1:]...)
			break
		}
	}
	t.named = append(t.named, e)
	if len(t.named) > 64 {
		t.named = t.named[1:]
	}
	if e.Level == Org {
		for i, o := range t.orgs {
			if o.Name == e.Name {
				t.orgs = append(t.orgs[:i], t.orgs[i+1:]...)
				break
			}
		}
		t.orgs = append(t.orgs, e)
		if len(t.orgs) > 64 {
			// What a reference can mean is recent: keep the cost of
			// resolving one bounded in a long text.
			t.orgs = t.orgs[1:]
		}
	}
}

// SetSubject records the entity the latest sentence is about: what "it"
// and "its" refer to next.
func (t *Tracker) SetSubject(e Entity) {
	if e.Name != "" {
		t.subject = e
	}
}

// Subject returns the latest subject, zero if none.
func (t *Tracker) Subject() Entity { return t.subject }

// headKinds lists, for the noun of a reference, the words of the names it
// can refer to: "the line" is a railway, "the event" a fair or festival.
var headKinds = map[string][]string{
	"line":  {"line", "railway", "railroad", "expressway", "highway"},
	"event": {"fair", "expo", "exposition", "exhibition", "festival", "forum", "conference", "congress", "summit", "games"},
	"plant": {"plant", "factory", "works"},
	"park":  {"park", "world", "resort", "zone"},
}

// nameHasHead reports whether an organisation's name can be what a
// reference with noun head means.
func nameHasHead(name, head string) bool {
	low := strings.ToLower(name)
	if kinds, ok := headKinds[head]; ok {
		for _, k := range kinds {
			if strings.Contains(low, k) {
				return true
			}
		}
		return false
	}
	return strings.Contains(low, head)
}
