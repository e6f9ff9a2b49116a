package extract_test

import (
	"fmt"
	"testing"

	"github.com/almanacdb/almanac/ingest/document"
	"github.com/almanacdb/almanac/ingest/extract"
)

// TestPatterns checks language patterns one at a time, on short
// articles of our own: each case lists the facts expected, as
// "entity|metric|year|period|value unit|qualifier|status".
func TestPatterns(t *testing.T) {
	tests := []struct {
		name, pub, body string
		want            []string
	}{
		{"holiday span carries and stays out of the metric", "2024-10-08",
			"Jixi received 2.1 million visits during the National Day holiday.\n\nTourism revenue over the holiday came to 1.5 billion yuan.\n\nHotel occupancy stood at 70 percent.",
			[]string{"Jixi|visits|2024|span|2.1e+06 count|exact|actual", "Jixi|tourism_revenue|2024|span|1.5e+09 CNY|exact|actual",
				"Jixi|hotel_occupancy|2024|span|70 percent|exact|actual"}},
		{"holiday as a modifier is no period", "2024-10-08",
			"Jixi reported holiday tourism revenue of 3 billion yuan in the first half of 2024.",
			[]string{"Jixi|holiday_tourism_revenue|2024|H1|3e+09 CNY|exact|actual"}},
		{"a county name the lookup does not know", "2024-03-01",
			"Baoqing County in Shuangyashan harvested 980,000 tonnes of grain in 2023.\n\nIts neighbor Raohe County added 12 farms in 2023.",
			[]string{"Baoqing County|grain_harvest|2023|year|980000 tonnes|exact|actual", "Raohe|farms|2023|year|12 count|exact|actual"}},
		{"a reference in a relative clause", "2024-03-01",
			"The Jixi Area of the zone had 40 firms in 2023.\n\nHulan District, where the area lies, had 96 farms in 2023.",
			[]string{"Jixi Area|enterprises|2023|year|40 count|exact|actual", "Hulan District|farms|2023|year|96 count|exact|actual"}},
		{"exceed is a minimum", "2021-01-05",
			"Hegang expects the output value of its coal industry to exceed 10 billion yuan by 2025.",
			[]string{"Hegang|output_value_coal_industry|2025|year|1e+10 CNY|min|plan"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := "Headline\n\nUpdated : " + tt.pub + "\n\nBy ( almanac test )\n\n" + tt.body + "\n"
			a, err := document.ParseText("p.txt", []byte(text))
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			have := map[string]bool{}
			for _, f := range extract.Extract(a, extract.Options{}).Facts {
				s := fmt.Sprintf("%s|%s|%d|%s|%v %s|%s|%s", f.Entity, f.Metric, f.Year, f.Period, f.Value, f.Unit, f.Qualifier, f.Status)
				got = append(got, s)
				have[s] = true
			}
			for _, w := range tt.want {
				if !have[w] {
					t.Errorf("missing %s\ngot %q", w, got)
				}
			}
			if len(got) != len(tt.want) {
				t.Errorf("got %d facts, want %d: %q", len(got), len(tt.want), got)
			}
		})
	}
}
