package resolve

import "sync"

// builtin lists the region's places and a few organisations. Each line is
// "canonical|alias|alias..." under its level.
var builtin = map[Level][]string{
	Country: {
		"China|PRC|People's Republic of China|the People's Republic of China|Chinese mainland|the Chinese mainland|mainland China",
		"Russia|Russian Federation", "Japan", "South Korea|Republic of Korea|ROK", "North Korea|DPRK",
		"United States|US|U.S.|USA|the United States|America", "Mongolia", "Kazakhstan",
		"Germany", "France", "United Kingdom|UK|Britain", "Singapore", "India", "Belarus", "Italy",
	},
	Region: {
		// Regions of China: their figures are theirs, not China's
		// (GUIDELINES.md, "Owner").
		"Northeast China|northeast China|Northeastern China|northeastern China|the Northeast|China's Northeast",
		"North China", "South China", "East China", "Southwest China", "Northwest China", "Central China",
	},
	Province: {
		"Heilongjiang|Heilongjiang Province|Heilongjiang province", "Jilin|Jilin Province|Jilin province",
		"Liaoning|Liaoning Province", "Inner Mongolia|Inner Mongolia Autonomous Region",
		"Hebei", "Shanxi", "Shandong", "Henan", "Jiangsu", "Zhejiang", "Anhui", "Fujian", "Jiangxi",
		"Hubei", "Hunan", "Guangdong", "Guangxi", "Hainan", "Sichuan", "Guizhou", "Yunnan",
		"Xizang|Tibet", "Shaanxi", "Gansu", "Qinghai", "Ningxia", "Xinjiang",
		"Beijing", "Tianjin", "Shanghai", "Chongqing", "Hong Kong", "Macao|Macau", "Taiwan",
	},
	City: {
		"Harbin|Harbin city|Harbin City", "Qiqihar", "Mudanjiang", "Jiamusi", "Daqing", "Jixi",
		"Shuangyashan", "Yichun", "Qitaihe", "Hegang", "Heihe", "Suihua",
		"Da Hinggan Ling|Daxing'anling|Daxinganling|Greater Khingan",
		"Changchun", "Shenyang", "Dalian", "Hohhot", "Shenzhen", "Guangzhou", "Hangzhou", "Nanjing",
		"Wuhan", "Chengdu", "Xi'an", "Zibo", "Qingdao", "Sanya", "Haikou", "Xiamen", "Suzhou",
		"Ningbo", "Jinan", "Zhengzhou", "Changsha", "Kunming", "Urumqi", "Lanzhou", "Vladivostok",
		"Khabarovsk", "Moscow", "Tokyo", "Seoul", "Osaka",
	},
	District: {
		"Daoli District|Daoli", "Nangang District|Nangang", "Daowai District|Daowai",
		"Xiangfang District|Xiangfang", "Pingfang District|Pingfang", "Songbei District|Songbei",
		"Hulan District|Hulan", "Acheng District|Acheng", "Shuangcheng District|Shuangcheng",
		"Shangzhi", "Wuchang", "Bin County|Binxian", "Bayan County|Bayan", "Yilan County|Yilan",
		"Yanshou County|Yanshou", "Mulan County|Mulan", "Tonghe County|Tonghe", "Fangzheng County|Fangzheng",
		"Suifenhe", "Fuyuan", "Tongjiang", "Hulin", "Mishan", "Hailin", "Ning'an", "Dongning",
		"Wudalianchi", "Bei'an", "Nenjiang", "Zhaodong", "Anda", "Hailun", "Mohe", "Fujin", "Jiayin",
		"Fuyu", "Zhaozhou", "Zhaoyuan", "Lindian", "Dumeng", "Raohe", "Luobei", "Hunchun",
	},
	Area: {
		"Harbin New Area|Harbin New Zone|Harbin New District|Harbin New Area of Heilongjiang",
		"China (Heilongjiang) Pilot Free Trade Zone|Heilongjiang Pilot Free Trade Zone|Heilongjiang FTZ|Heilongjiang Free Trade Zone",
		"Harbin Economic-Technological Development Zone|Harbin Economic and Technological Development Zone",
		"Harbin Hi-tech Industrial Development Zone|Harbin High-tech Zone",
		"Songbei New Area",
	},
	Org: {
		"Daqing Oilfield|Daqing Oilfield Co|Daqing Oilfield Company|Daqing Oil Field",
		"Harbin Taiping International Airport|Harbin Taiping Airport|Taiping International Airport|Harbin airport|Harbin Airport",
		"Harbin Electric Corporation|Harbin Electric|HE Harbin Electric",
		"China National Petroleum Corporation|CNPC", "Harbin Institute of Technology|HIT",
	},
}

var (
	builtinOnce  sync.Once
	builtinTable *Table
)

// Builtin returns the built-in table of the region's places: China and its
// province-level divisions, the cities, districts and counties of
// Heilongjiang, a few other cities, development zones and organisations of
// the region, with their common aliases. The table is shared: Clone it
// before adding names.
func Builtin() *Table {
	builtinOnce.Do(func() {
		t := &Table{}
		for level, lines := range builtin {
			for _, line := range lines {
				names := splitBar(line)
				for _, n := range names {
					t.Add(n, names[0], level)
				}
			}
		}
		builtinTable = t
	})
	return builtinTable
}

func splitBar(s string) []string {
	var out []string
	for {
		i := 0
		for i < len(s) && s[i] != '|' {
			i++
		}
		out = append(out, s[:i])
		if i == len(s) {
			return out
		}
		s = s[i+1:]
	}
}
