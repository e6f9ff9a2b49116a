package shell

import "testing"

func TestHistoryFile(t *testing.T) {
	env := func(m map[string]string) func(string) string {
		return func(k string) string { return m[k] }
	}
	tests := []struct {
		env  map[string]string
		want string
	}{
		{map[string]string{"XDG_STATE_HOME": "/state", "HOME": "/home/u"}, "/state/almanac/history"},
		{map[string]string{"XDG_STATE_HOME": "relative", "HOME": "/home/u"}, "/home/u/.local/state/almanac/history"},
		{map[string]string{"HOME": "/home/u"}, "/home/u/.local/state/almanac/history"},
		{map[string]string{}, ""},
	}
	for _, tt := range tests {
		if got := HistoryFile(env(tt.env)); got != tt.want {
			t.Errorf("HistoryFile(%v) = %q, want %q", tt.env, got, tt.want)
		}
	}
}
