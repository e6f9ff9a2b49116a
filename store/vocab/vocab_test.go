package vocab_test

import (
	"strings"
	"testing"

	"github.com/almanacdb/almanac/store/vocab"
	"github.com/google/go-cmp/cmp"
)

func TestParsePeriod(t *testing.T) {
	tests := []struct {
		in   string
		want vocab.Period
	}{
		{"year", vocab.PeriodYear},
		{"Year", vocab.PeriodYear},
		{" Q1 ", vocab.PeriodQ1},
		{"q4", vocab.PeriodQ4},
		{"H1", vocab.PeriodH1},
		{"h2", vocab.PeriodH2},
		{"Q1-Q3", vocab.PeriodQ1toQ3},
		{"season", vocab.PeriodSeason},
		{"SPAN", vocab.PeriodSpan},
		{"M1", vocab.Month(1)},
		{"m12", vocab.Month(12)},
		{"M1-M2", vocab.Months(1, 2)},
		{"M1-2", vocab.Months(1, 2)},
		{"M3-M12", vocab.Months(3, 12)},
	}
	for _, tt := range tests {
		got, err := vocab.ParsePeriod(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("ParsePeriod(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
		}
	}
	for _, bad := range []string{"", "Q5", "H3", "quarter", "M0", "M13", "M2-M1", "M1-M1", "M1-", "Q1-Q2", "1", "yearly"} {
		if p, err := vocab.ParsePeriod(bad); err == nil {
			t.Errorf("ParsePeriod(%q) = %v, want an error", bad, p)
		} else if !strings.HasPrefix(err.Error(), "unknown period ") {
			t.Errorf("ParsePeriod(%q): error %q does not say what is unknown", bad, err)
		}
	}
}

// Every period's name parses back to it, and only valid codes have names.
func TestPeriodNames(t *testing.T) {
	names := map[string]bool{}
	for _, p := range vocab.Periods() {
		if !p.Valid() {
			t.Errorf("Periods() holds invalid %d", p)
		}
		s := p.String()
		if names[s] {
			t.Errorf("two periods are named %q", s)
		}
		names[s] = true
		if got, err := vocab.ParsePeriod(s); err != nil || got != p {
			t.Errorf("ParsePeriod(%q) = %v, %v; want %d", s, got, err, p)
		}
	}
	// 10 named periods, 12 months, 66 month ranges.
	if n := len(vocab.Periods()); n != 10+12+66 {
		t.Errorf("%d periods, want 88", n)
	}
	for i := range 256 {
		p := vocab.Period(i)
		if !p.Valid() && !strings.HasPrefix(p.String(), "period(") {
			t.Errorf("invalid period %d is named %q", i, p)
		}
	}
}

func TestQualifiersAndStatuses(t *testing.T) {
	var got []string
	for _, q := range vocab.Qualifiers() {
		got = append(got, q.String())
		if p, err := vocab.ParseQualifier(strings.ToUpper(q.String())); err != nil || p != q {
			t.Errorf("ParseQualifier(%q) = %v, %v", strings.ToUpper(q.String()), p, err)
		}
	}
	for _, s := range vocab.Statuses() {
		got = append(got, s.String())
		if p, err := vocab.ParseStatus(" " + s.String() + " "); err != nil || p != s {
			t.Errorf("ParseStatus(%q) = %v, %v", s.String(), p, err)
		}
	}
	want := []string{"exact", "approx", "min", "max", "actual", "plan"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("names (-want +got):\n%s", diff)
	}
	if vocab.Qualifier(0) != vocab.Exact || vocab.Status(0) != vocab.Actual {
		t.Error("the zero qualifier must be exact and the zero status actual")
	}
	if q, err := vocab.ParseQualifier("about"); err == nil {
		t.Errorf("ParseQualifier(about) = %v, want an error", q)
	}
	if s, err := vocab.ParseStatus("done"); err == nil || err.Error() != `unknown status "done" (want actual or plan)` {
		t.Errorf("ParseStatus(done) = %v, %v", s, err)
	}
	if vocab.Qualifier(4).Valid() || vocab.Status(2).Valid() {
		t.Error("codes past the last name are valid")
	}
}

func TestParseUnit(t *testing.T) {
	tests := []struct {
		in       string
		want     vocab.Unit
		name     string
		currency bool
	}{
		{"count", vocab.Count, "count", false},
		{"Percent", vocab.Percent, "percent", false},
		{"points", vocab.Points, "points", false},
		{"CNY", 0, "CNY", true},
		{"usd", 0, "USD", true},
		{" EUR ", 0, "EUR", true},
		{"km", vocab.Kilometres, "km", false},
		{"km2", vocab.SquareKilometres, "km2", false},
		{"m2", vocab.SquareMetres, "m2", false},
		{"m3", vocab.CubicMetres, "m3", false},
		{"tonnes", vocab.Tonnes, "tonnes", false},
		{"kwh", vocab.KilowattHours, "kWh", false},
		{"MW", vocab.Megawatts, "MW", false},
		{"GW", vocab.Gigawatts, "GW", false},
		{"hectares", vocab.Hectares, "hectares", false},
		{"mu", vocab.Mu, "mu", false},
		{"TEU", vocab.TEU, "TEU", false},
		{"km/h", vocab.KilometresPerHour, "km/h", false},
		{"days", vocab.Days, "days", false},
	}
	for _, tt := range tests {
		u, err := vocab.ParseUnit(tt.in)
		if err != nil {
			t.Errorf("ParseUnit(%q): %v", tt.in, err)
			continue
		}
		if tt.want != 0 && u != tt.want || u.String() != tt.name || u.IsCurrency() != tt.currency {
			t.Errorf("ParseUnit(%q) = %v (currency %v), want %s (currency %v)", tt.in, u, u.IsCurrency(), tt.name, tt.currency)
		}
	}
	for _, bad := range []string{"", "widgets", "XYZ", "kilometres", "%", "yuan", "cnyy"} {
		if u, err := vocab.ParseUnit(bad); err == nil {
			t.Errorf("ParseUnit(%q) = %v, want an error", bad, u)
		} else if !strings.HasPrefix(err.Error(), "unknown unit ") {
			t.Errorf("ParseUnit(%q): error %q does not say what is unknown", bad, err)
		}
	}
	if vocab.Unit(0).Valid() {
		t.Error("the zero unit is valid")
	}
}

// Every unit's name parses back to it, and no two names differ only in
// letter case (ParseUnit ignores it).
func TestUnitNames(t *testing.T) {
	seen := map[string]vocab.Unit{}
	for _, u := range vocab.Units() {
		s := u.String()
		if prev, dup := seen[strings.ToLower(s)]; dup {
			t.Errorf("%v and %v have the same name ignoring case", prev, u)
		}
		seen[strings.ToLower(s)] = u
		if got, err := vocab.ParseUnit(s); err != nil || got != u {
			t.Errorf("ParseUnit(%q) = %v, %v; want %d", s, got, err, u)
		}
		if u.IsCurrency() != (len(s) == 3 && s == strings.ToUpper(s) && u != vocab.TEU) {
			t.Errorf("%s: IsCurrency = %v", s, u.IsCurrency())
		}
	}
}

// FuzzParse checks that whatever a parser accepts prints as a name that
// parses back to the same value.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"year", "M1-2", "q1-q3", "CNY", "km/h", "approx", "Plan", "", "M13"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if p, err := vocab.ParsePeriod(s); err == nil {
			if q, err := vocab.ParsePeriod(p.String()); err != nil || q != p || !p.Valid() {
				t.Errorf("period %q: %v prints as %q, which parses to %v, %v", s, p, p.String(), q, err)
			}
		}
		if u, err := vocab.ParseUnit(s); err == nil {
			if v, err := vocab.ParseUnit(u.String()); err != nil || v != u || !u.Valid() {
				t.Errorf("unit %q: %v prints as %q, which parses to %v, %v", s, u, u.String(), v, err)
			}
		}
		if q, err := vocab.ParseQualifier(s); err == nil && q.String() != strings.ToLower(strings.TrimSpace(s)) {
			t.Errorf("qualifier %q parses to %v", s, q)
		}
		if st, err := vocab.ParseStatus(s); err == nil && st.String() != strings.ToLower(strings.TrimSpace(s)) {
			t.Errorf("status %q parses to %v", s, st)
		}
	})
}
