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
		"Spain", "Portugal", "Netherlands|the Netherlands|Holland", "Belgium", "Poland", "Czech Republic|Czechia",
		"Hungary", "Austria", "Switzerland", "Sweden", "Norway", "Finland", "Denmark", "Ireland", "Greece",
		"Ukraine", "Serbia", "Romania", "Bulgaria", "Turkey|Turkiye|Türkiye", "Uzbekistan", "Kyrgyzstan",
		"Tajikistan", "Turkmenistan", "Azerbaijan", "Iran", "Iraq", "Saudi Arabia", "United Arab Emirates|UAE",
		"Qatar", "Israel", "Egypt", "Pakistan", "Bangladesh", "Sri Lanka", "Nepal", "Myanmar", "Thailand",
		"Vietnam|Viet Nam", "Laos", "Cambodia", "Malaysia", "Indonesia", "Philippines|the Philippines",
		"Australia", "New Zealand", "Canada", "Mexico", "Brazil", "Argentina", "Chile", "Peru",
		"South Africa", "Nigeria", "Kenya", "Ethiopia",
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
		// Jilin, Liaoning and Inner Mongolia: prefecture-level cities,
		// autonomous prefectures and leagues.
		"Jilin City|Jilin city", "Siping", "Liaoyuan", "Tonghua", "Baishan", "Songyuan", "Baicheng",
		"Yanbian|Yanbian Korean Autonomous Prefecture|Yanbian prefecture|Yanbian Prefecture",
		"Anshan", "Fushun", "Benxi", "Dandong", "Jinzhou", "Yingkou", "Fuxin", "Liaoyang", "Panjin",
		"Tieling", "Chaoyang", "Huludao", "Baotou", "Wuhai", "Chifeng", "Tongliao", "Ordos",
		"Hulunbuir|Hulun Buir", "Bayannur", "Ulanqab", "Hinggan League|Hinggan", "Xilingol League|Xilingol|Xilin Gol",
		"Alxa League|Alxa",
		// Elsewhere in China: the cities articles on trade and investment
		// name most.
		"Shijiazhuang", "Tangshan", "Qinhuangdao", "Baoding", "Taiyuan", "Datong", "Yantai", "Weifang",
		"Weihai", "Rizhao", "Linyi", "Luoyang", "Wuxi", "Changzhou", "Nantong", "Xuzhou", "Lianyungang",
		"Yangzhou", "Wenzhou", "Jinhua", "Yiwu", "Shaoxing", "Jiaxing", "Taizhou", "Hefei", "Wuhu",
		"Fuzhou", "Quanzhou", "Nanchang", "Ganzhou", "Yichang", "Xiangyang", "Zhuzhou", "Foshan",
		"Dongguan", "Zhuhai", "Shantou", "Huizhou", "Zhongshan", "Nanning", "Guilin", "Beihai",
		"Guiyang", "Zunyi", "Lhasa", "Xining", "Yinchuan", "Kashgar", "Horgos|Khorgos", "Mianyang",
		"Baoji", "Xianyang", "Yulin",
		// Russia's cities across the border and on the trade routes.
		"Blagoveshchensk", "Ussuriysk", "Novosibirsk", "Yekaterinburg", "Irkutsk", "Chita",
		"Saint Petersburg|St. Petersburg|St Petersburg", "Kazan", "Minsk", "Almaty", "Astana", "Ulan Bator|Ulaanbaatar",
		"Busan", "Incheon", "Niigata", "Hamburg", "Duisburg", "Warsaw", "Madrid", "Paris", "London",
		"Berlin", "Singapore City",
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
		"Nehe", "Tieli", "Muling",
		"Qing'an County|Qing'an", "Huachuan County|Huachuan", "Tangyuan County|Tangyuan", "Huanan County|Huanan", "Boli County|Boli", "Linkou County|Linkou", "Jidong County|Jidong", "Baoqing County|Baoqing", "Keshan County|Keshan", "Baiquan County|Baiquan", "Longjiang County|Longjiang", "Tailai County|Tailai", "Gannan County|Gannan",
		// County-level cities of Jilin, Liaoning and Inner Mongolia.
		"Yanji", "Tumen", "Dunhua", "Longjing", "Helong", "Antu County|Antu", "Wangqing County|Wangqing", "Ji'an", "Meihekou",
		"Gongzhuling", "Yushu", "Dehui", "Jiaohe", "Huadian", "Shulan", "Panshi", "Linjiang", "Da'an",
		"Taonan", "Shuangliao", "Wafangdian", "Zhuanghe", "Pulandian", "Haicheng", "Donggang",
		"Fengcheng", "Diaobingshan", "Xinmin", "Beipiao", "Lingyuan", "Xingcheng", "Beizhen",
		"Linghai", "Dashiqiao", "Gaizhou", "Dengta", "Manzhouli", "Erenhot|Erlianhot", "Zhalantun",
		"Yakeshi", "Genhe", "Ergun", "Arxan|Arshan", "Holingol", "Xilinhot", "Ulanhot", "Ejin",
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
