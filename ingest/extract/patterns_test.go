package extract_test

import (
	"fmt"
	"strings"
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
			[]string{"Jixi Area|firms|2023|year|40 count|exact|actual", "Hulan District|farms|2023|year|96 count|exact|actual"}},
		{"exceed is a minimum", "2021-01-05",
			"Hegang expects the output value of its coal industry to exceed 10 billion yuan by 2025.",
			[]string{"Hegang|output_value_coal_industry|2025|year|1e+10 CNY|min|plan"}},
		{"a target with no noun takes the metric before it", "2024-06-20",
			"Last year, the city's border trade came to 9 billion yuan. Fuyuan has set a target of 11 billion yuan for 2024.",
			[]string{"Fuyuan|border_trade|2023|year|9e+09 CNY|exact|actual", "Fuyuan|border_trade|2024|year|1.1e+10 CNY|exact|plan"}},
		{"per capita inside a target phrase", "2022-10-28",
			"Qitaihe has set a target of 32,000 yuan for its urban per capita disposable income in 2025.",
			[]string{"Qitaihe|urban_per_capita_disposable_income|2025|year|32000 CNY|exact|plan"}},
		{"people earn income, per capita", "2022-10-28",
			"In the first half of 2022, rural residents in Jixi earned 8,310 yuan per capita. Urban residents earned an average of 14,200 yuan.",
			[]string{"Jixi|rural_residents_per_capita_income|2022|H1|8310 CNY|exact|actual", "Jixi|urban_residents_income|2022|H1|14200 CNY|exact|actual"}},
		{"a month range is no metric, and its period covers the growth", "2024-06-20",
			"Heihe saw its border trade reach 2.3 billion yuan in January-April, up 18 percent year-on-year.",
			[]string{"Heihe|border_trade|2024|M1-M4|2.3e+09 CNY|exact|actual", "Heihe|border_trade_growth|2024|M1-M4|18 percent|exact|actual"}},
		{"whose revenue", "2021-01-22",
			"Jixi's graphite sector generated revenue of 2.7 billion yuan in 2020, while the city's coal output fell 4 percent to 20 million tonnes.",
			[]string{"Jixi|graphite_sector_revenue|2020|year|2.7e+09 CNY|exact|actual", "Jixi|coal_output_growth|2020|year|-4 percent|exact|actual",
				"Jixi|coal_output|2020|year|2e+07 tonnes|exact|actual"}},
		{"now covers the clauses after it", "2021-01-22",
			"In 2020 Jixi sold 3 million tonnes of coal.\n\nThe city now has 40 graphite mines, and its graphite reserves stand at 500 million tonnes.",
			[]string{"Jixi|coal_sales|2020|year|3e+06 tonnes|exact|actual", "Jixi|graphite_mines|2021|year|40 count|exact|actual",
				"Jixi|graphite_reserves|2021|year|5e+08 tonnes|exact|actual"}},
		{"a plan's year is not the running year", "2022-10-28",
			"In the first three quarters of 2022, Jixi's retail sales reached 20 billion yuan. The city set a target of 30 billion yuan for its retail sales in 2025.\n\nHulan District recorded 900 new firms during the period.",
			[]string{"Jixi|retail_sales|2022|Q1-Q3|2e+10 CNY|exact|actual", "Jixi|retail_sales|2025|year|3e+10 CNY|exact|plan",
				"Hulan District|new_firms|2022|Q1-Q3|900 count|exact|actual"}},
		{"of which N are X", "2023-06-19",
			"Jixi is home to nearly 800 enterprises, of which 95 are high-tech enterprises.",
			[]string{"Jixi|enterprises|2023|year|800 count|approx|actual", "Jixi|high_tech_enterprises|2023|year|95 count|exact|actual"}},
		{"an appositive with one of", "2023-12-15",
			"Rice output in Jiamusi, one of the major producing cities, rose to 5 million tonnes in 2023.",
			[]string{"Jiamusi|rice_output|2023|year|5e+06 tonnes|exact|actual"}},
		{"the rate of growth named as a noun", "2023-11-02",
			"Harbin aims to lift its GDP growth to around 7 percent in 2024.",
			[]string{"Harbin|gdp_growth|2024|year|7 percent|approx|plan"}},
		{"money in revenue, whose", "2023-11-02",
			"In the first three quarters, Jixi's tourism sector generated 3 billion yuan in revenue.",
			[]string{"Jixi|tourism_sector_revenue|2023|Q1-Q3|3e+09 CNY|exact|actual"}},
		{"for the whole year, and an infinitive ends the subject", "2024-07-30",
			"In June, Hegang sold 900 tonnes of rice.\n\nHegang expects its forest economy to generate 12 billion yuan for the whole year.",
			[]string{"Hegang|rice_sales|2024|M6|900 tonnes|exact|actual", "Hegang|forest_economy_output|2024|year|1.2e+10 CNY|exact|plan"}},
		{"a stock is no flow of the period", "2023-07-25",
			"In the first half of 2023, Jixi signed 40 projects.\n\nThe city has 120 logistics firms.",
			[]string{"Jixi|projects|2023|H1|40 count|exact|actual", "Jixi|logistics_firms|2023|year|120 count|exact|actual"}},
		{"each: a figure stated for every listed figure", "2021-02-05",
			"In 2020, Jixi counted 1.8 million phone masts and 45 million phone users, each representing over 6 percent of the national total.",
			[]string{"Jixi|phone_masts|2020|year|1.8e+06 count|exact|actual", "Jixi|phone_users|2020|year|4.5e+07 count|exact|actual",
				"Jixi|phone_masts_share_of_national_total|2020|year|6 percent|min|actual", "Jixi|phone_users_share_of_national_total|2020|year|6 percent|min|actual"}},
		{"per capita before the verb is no threshold", "2024-02-05",
			"Urban residents' per capita disposable income in Jixi hit 38,000 yuan in 2023.",
			[]string{"Jixi|urban_residents_per_capita_disposable_income|2023|year|38000 CNY|exact|actual"}},
		{"the place of the figure's own clause", "2024-02-05",
			"Baoqing County received 1.2 million tourists in 2023, and Lindian County had 15,000 hectares of rice.",
			[]string{"Baoqing County|tourists|2023|year|1.2e+06 count|exact|actual", "Lindian|rice|2023|year|15000 hectares|exact|actual"}},
		{"a hyphenated period before the noun", "2024-07-20",
			"Qitaihe's first-half GDP grew 4.2 percent to 21.3 billion yuan.",
			[]string{"Qitaihe|gdp_growth|2024|H1|4.2 percent|exact|actual", "Qitaihe|gdp|2024|H1|2.13e+10 CNY|exact|actual"}},
		{"an infinitive before the figure is its verb", "2024-01-20",
			"Suihua plans to invest 12 billion yuan in 2024.",
			[]string{"Suihua|investment|2024|year|1.2e+10 CNY|exact|plan"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := "Headline\n\nUpdated : " + tt.pub + "\n\nBy ( almanac test )\n\n" + tt.body + "\n"
			a, err := document.ParseText("p.txt", []byte(text))
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			facts := extract.Extract(a, extract.Options{}).Facts
			for _, f := range facts {
				got = append(got, fmt.Sprintf("%s|%s|%d|%s|%v %s|%s|%s", f.Entity, f.Metric, f.Year, f.Period, f.Value, f.Unit, f.Qualifier, f.Status))
			}
			used := make([]bool, len(got))
		want:
			for _, w := range tt.want {
				for i, g := range got {
					if !used[i] && sameFact(w, g) {
						used[i] = true
						continue want
					}
				}
				t.Errorf("missing %s\ngot %q", w, got)
			}
			if len(got) != len(tt.want) {
				t.Errorf("got %d facts, want %d: %q", len(got), len(tt.want), got)
			}
		})
	}
}

// sameFact compares two "entity|metric|year|period|value unit|qualifier|
// status" lines, the metric as the score-facts tool does: every word of
// the wanted metric (a plural s aside) is in the one got, in any order.
func sameFact(want, got string) bool {
	w, g := strings.Split(want, "|"), strings.Split(got, "|")
	if len(w) != len(g) {
		return false
	}
	for i := range w {
		if i == 1 {
			continue
		}
		if w[i] != g[i] {
			return false
		}
	}
	have := map[string]bool{}
	for _, x := range strings.Split(g[1], "_") {
		have[strings.TrimSuffix(x, "s")] = true
	}
	for _, x := range strings.Split(w[1], "_") {
		if !have[strings.TrimSuffix(x, "s")] {
			return false
		}
	}
	return true
}
