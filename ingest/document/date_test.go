package document_test

import (
	"testing"
	"time"

	"github.com/almanacdb/almanac/ingest/document"
)

func TestParseDate(t *testing.T) {
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	tests := []struct {
		in   string
		want time.Time // zero: not a date
	}{
		{"2024-08-26", day(2024, 8, 26)},
		{" 2024-08-26\n", day(2024, 8, 26)},
		{"2024-8-6", day(2024, 8, 6)},
		{"2024/08/26", day(2024, 8, 26)},
		{"2024.08.26", day(2024, 8, 26)},
		{"2024-08-26T10:32:00Z", day(2024, 8, 26)},
		{"2024-08-26T23:30:00-05:00", day(2024, 8, 26)}, // the date as written, not in UTC
		{"2024-08-26T01:30:00.123+08:00", day(2024, 8, 26)},
		{"2024-08-26T10:32", day(2024, 8, 26)},
		{"2024-08-26 10:32:07", day(2024, 8, 26)},
		{"Aug 24, 2024", day(2024, 8, 24)},
		{"Aug. 24, 2024", day(2024, 8, 24)},
		{"August 24, 2024", day(2024, 8, 24)},
		{"august 24 2024", day(2024, 8, 24)},
		{"Sept 3, 2021", day(2021, 9, 3)},
		{"24 August 2024", day(2024, 8, 24)},
		{"24 Aug 2024", day(2024, 8, 24)},
		{"1st May 2022", day(2022, 5, 1)},
		{"Monday, August 26, 2024", day(2024, 8, 26)},
		{"Mon, 26 Aug 2024 10:00:00 GMT", day(2024, 8, 26)},
		{"2024-02-29", day(2024, 2, 29)},

		{"", time.Time{}},
		{"yesterday", time.Time{}},
		{"2024-02-30", time.Time{}},
		{"2023-02-29", time.Time{}},
		{"2024-13-01", time.Time{}},
		{"2024-08", time.Time{}},
		{"2024-08-26x", time.Time{}},
		{"2024-08-26T99:00", time.Time{}},
		{"Aug 24", time.Time{}},
		{"Aug 32, 2024", time.Time{}},
		{"Aug 24, 24", time.Time{}},
		{"Foo 24, 2024", time.Time{}},
		{"Aug 24, 2024 and more", time.Time{}},
		{"24/08/2024", time.Time{}},
		{"0001-01-01", time.Time{}}, // the zero time
		{"Jan 1, 0999", time.Time{}},
	}
	for _, tt := range tests {
		got, ok := document.ParseDate(tt.in)
		if ok != !tt.want.IsZero() || !got.Equal(tt.want) {
			t.Errorf("ParseDate(%q) = %v, %v; want %v", tt.in, got, ok, tt.want)
		}
		if ok && got.Location() != time.UTC {
			t.Errorf("ParseDate(%q) location = %v, want UTC", tt.in, got.Location())
		}
	}
}
