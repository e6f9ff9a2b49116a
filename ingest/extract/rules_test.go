package extract

import (
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/almanacdb/almanac/ingest/document"
)

// ruleCase is one sentence (or a few) of our own and what one of its
// numbers must become. Cases come in minimal pairs: the rule applies to
// one and, with a word or two changed, not to the other.
//
// want is a list of checks separated by spaces:
//
//	entity=NAME       the fact's entity (underscores for spaces)
//	metric~W1,W2      the metric has each of the words
//	metric!W          the metric does not have the word
//	entity!NAME       the fact's entity is not NAME
//	year=Y period=P status=S qualifier=Q value=V unit=U
//	by=ATTR:RULE      the trace names RULE for ATTR (entity, metric, year, period, status, change)
//	none              the number is no fact
//	dropped=RULE      the number is no fact because of skip rule RULE
type ruleCase struct {
	rule string // the rule the pair is about
	body string
	num  string // the number as written; the first occurrence
	want string
}

var ruleCases = []ruleCase{
	// Numbers that are no facts.
	{"percentage-points", "Exports rose 4 percent, 1.2 percentage points faster than imports.", "1.2", "dropped=percentage-points"},
	{"percentage-points", "Exports rose 4 percent, 1.2 percent faster than imports.", "4", "metric~exports,growth"},
	{"conversion", "Harbin's GDP reached 500 billion yuan ($70 billion) in 2020.", "70", "none"},
	{"conversion", "Harbin's GDP reached 500 billion yuan and $70 billion of exports in 2020.", "70", "unit=USD"},
	// A decimal right after a capitalised word is the name's version: no count is written so.
	{"in-name", "Jixi unveiled the Digital Farm Map 3.0 and 40 new farms in 2020.", "3.0", "dropped=in-name"},
	{"in-name", "In 2020, the Digital Farm Map of Jixi listed 3.0 million hectares of farmland.", "3.0 million", "unit=hectares"},
	{"in-name", "The city hosted the \"100 Villages\" campaign and built 40 roads in 2020.", "100", "dropped=in-name"},
	{"in-name", "The city renovated 100 villages and built 40 roads in 2020.", "100", "metric~villages"},
	{"rank", "Harbin ranked in the top 10 cities and had 40 parks in 2020.", "10", "dropped=rank"},
	{"rank", "Harbin had 10 cities' worth of parks, 40 parks in 2020.", "40", "metric~parks"},
	{"duration", "The three-day fair drew 5,000 visitors in 2020.", "three", "dropped=duration"},
	{"duration", "The fair drew 5,000 visitors and three sponsors in 2020.", "three", "metric~sponsors"},
	{"duration", "In 2020, a train cleared the Jixi port in 6 to 8 hours.", "6", "dropped=duration"},
	{"duration", "In 2020, 6 to 8 trains cleared the Jixi port.", "6", "metric~trains"},
	{"temperature", "At minus 30 degrees, the park drew 5,000 visitors in 2020.", "30", "dropped=temperature"},
	{"list-count", "In 2020, Jixi's farm plan stood out in three ways: more land, more money and better seeds.", "three", "dropped=list-count"},
	{"list-count", "In 2020, four new industries \u2013 robots, drones, batteries and chips \u2013 came to Jixi.", "four", "dropped=list-count"},
	{"list-count", "In 2020, Jixi opened three farms: one more than in 2019.", "three", "metric~farms"},
	{"list-count", "In 2020, Jixi opened three farms, two schools and a mill.", "three", "metric~farms"},
	{"definite-reference", "Jixi and Hegang are close, and the two towns added 40 shops in 2020.", "two", "dropped=definite-reference"},
	{"definite-reference", "Jixi and Hegang are close, and two new towns added 40 shops in 2020.", "two", "metric~towns"},
	{"definite-reference", "Trade between the two rose to 40 million yuan in Jixi in 2020.", "two", "dropped=definite-reference"},
	{"hyphen-modifier", "Two-way trade at the Jixi crossing reached 40 million yuan in 2020.", "Two", "dropped=hyphen-modifier"},
	{"hyphen-modifier", "Two ways of trade at the Jixi crossing opened in 2020.", "Two", "metric~ways"},
	{"hyphen-modifier", "Jixi opened a five-star hotel in 2020.", "five", "dropped=hyphen-modifier"},
	{"hyphen-modifier", "Jixi opened five hotels in 2020.", "five", "metric~hotels"},
	{"hyphen-modifier", "In 2020, Jixi set out a 'three-green' plan and built 40 parks.", "three", "dropped=hyphen-modifier"},
	{"hyphen-modifier", "In 2020, Jixi drew a 'two-vertical' road grid and built 40 parks.", "two", "dropped=hyphen-modifier"},
	{"hyphen-modifier", "In 2020, Jixi set out three green plans and built 40 parks.", "three", "metric~plans"},
	{"ranked-group", "Jixi's retail sales grew 9 percent in 2020, third among the province's 12 cities.", "12", "dropped=ranked-group"},
	{"ranked-group", "Jixi's retail sales grew 9 percent in 2020, and the province's 12 cities grew too.", "12", "metric~cities"},
	{"ranked-group", "Jixi sent its first group of 12 trucks to the fair in 2020.", "12", "metric~trucks"},
	{"code", "Jixi Motor Inc filed its Form 10-Q and sold 10 cars in 2020.", "10-Q", "dropped=code"},
	{"wholly", "Officials in Jixi said in 2020 they can't 100 percent rely on coal.", "100", "dropped=wholly"},
	{"wholly", "In 2020, coal made up 100 percent of power output in Jixi.", "100", "unit=percent"},
	{"location", "Jixi lies just 40 km from the lake and had 90 hotels in 2020.", "40", "dropped=location"},
	{"location", "In 2020, Jixi built 40 km of road to the lake.", "40", "unit=km"},
	{"code", "Jixi Motor Inc filed its forms and sold 10 cars in 2020.", "10", "metric~cars"},
	{"one", "Harbin is one of the largest cities and had 40 parks in 2020.", "one", "dropped=one"},
	{"multiple", "Exports grew 1.5 times and reached 3 billion yuan in 2020.", "1.5", "dropped=multiple"},
	{"benchmark", "Output stayed above the 30-million-tonne level in 2020.", "30", "dropped=benchmark"},
	{"benchmark", "Output stayed at 30 million tonnes in 2020.", "30 million", "unit=tonnes"},
	{"threshold", "The city has 300 enterprises with an income of more than 20 million yuan each.", "20 million", "dropped=threshold"},
	{"threshold", "In 2020, 12 farms in Jixi each sold more than 2 million yuan of rice.", "2 million", "dropped=threshold"},
	{"threshold", "In 2020, 12 farms in Jixi each sold 2 million yuan of rice.", "2 million", "metric~rice"},
	{"threshold", "In 2020, Jixi plans 40 mills, each with an investment of more than 2 million yuan.", "2 million", "dropped=threshold"},
	{"threshold", "In 2020, Jixi plans 40 mills, and each one will need an investment of 2 million yuan.", "2 million", "metric~investment"},
	{"threshold", "The city recorded exports of more than 20 million yuan in 2020.", "20 million", "qualifier=min metric~exports"},
	{"per-unit-price", "Tickets priced at 300 yuan per person sold out; 5,000 were sold in 2020.", "5,000", "metric!person"},

	{"superlative-set", "In 2020, the fair became one of the world's three largest trade fairs.", "three", "dropped=superlative-set"},
	{"superlative-set", "In 2020, the fair drew three large trade groups.", "three", "metric~trade,groups"},

	{"dimension", "In 2020, Jixi built a 300-meter-long steel bridge.", "300", "metric~steel,bridge,length metric!long unit=m"},
	{"dimension", "In 2020, Jixi opened a 45-km railway.", "45", "metric~railway,length unit=km by=metric:dimension"},
	{"dimension", "In 2020, Jixi built 45 km of railway.", "45", "metric~railway metric!length"},
	{"dimension", "In 2020, Jixi opened a 120-hectare park.", "120", "metric~park,area"},
	{"temperature", "In 2020, Jixi saw cold as low as 30 degrees below zero.", "zero", "dropped=temperature"},
	{"temperature", "In 2020, Jixi saw cold as low as 30 degrees below zero.", "30", "dropped=temperature"},
	{"change-noun-modifier", "In 2020, Jixi recorded a 31.2-percent increase in exports.", "31.2", "metric~exports,growth unit=percent"},

	{"rank", "Jixi ranked ninth in 2020, four places higher than a year earlier.", "four", "dropped=rank"},
	{"rank", "Jixi built four places of worship in 2020.", "four", "metric~places"},
	{"in-noun", "In 2020, Jixi earned 5 billion yuan in revenue.", "5 billion", "metric~revenue"},
	{"in-noun", "In 2020, Jixi put 11,000 cameras in place.", "11,000", "metric~cameras metric!place"},

	{"unknown-unit", "In 2020, Jixi's revenue hit a record 19.15 b", "19.15", "dropped=unknown-unit"},
	{"unknown-unit", "In 2020, Jixi's revenue hit a record 19.15 billion yuan.", "19.15 billion", "metric~revenue"},
	{"area-verb", "Covering over 1 million square meters, the Jixi park opened in 2020.", "1 million", "metric~area unit=m2"},
	{"from-to-noun", "In 2020, the Jixi park widened its slide from 16 to 24 lanes.", "16", "metric~lanes by=metric:from-to-noun"},
	{"from-side-year", "In 2020, the Jixi park widened its slide from 16 to 24 lanes.", "16", "year=2019 by=year:from-side-year_(clause-year)"},
	{"from-side-year", "The Jixi park widened its slide from 16 in 2018 to 24 lanes in 2020.", "16", "year=2018 by=year:from-to-year"},
	{"from-to-noun", "In 2020, the Jixi park widened its slide from 16 to 24 lanes.", "24", "metric~lanes year=2020"},
	{"from-to-year", "Key projects went from 400 in 2017 to 526 this year.", "400", "year=2017 by=year:from-to-year"},
	{"dimension", "In 2020, Jixi put up a 300-meter-long windproof heated shelter.", "300", "metric~shelter,length"},
	{"measured-name", "The Jixi-Hegang Railway opened in 2020. The 340-kilometer-long railway has 14 stations.", "340", "entity=Jixi-Hegang_Railway metric~railway,length"},
	{"people-of-measure", "In 2020, the average passenger flow at Jixi airport came to 23,000 people a day.", "23,000", "metric~average,passenger,flow metric!people"},
	{"counted-noun", "In 2020, about 9,000 workers went back to work at the Jixi plant and the 40 tier-two suppliers.", "40", "metric~suppliers"},
	{"hyphen-modifier", "In 2020, Jixi had 40 tier-two suppliers.", "two", "dropped=hyphen-modifier"},
	{"hyphen-modifier", "In 2020, Jixi had 40 suppliers and two plants.", "two", "metric~plants"},
	{"counted-noun", "In 2020, 23,000 people came to Jixi.", "23,000", "metric~people"},
	{"temperature", "In 2020, the cold in Jixi fell to minus 40 Celsius.", "40", "dropped=temperature"},
	{"outdo-verb", "In 2020, attendance at the Jixi park beat the previous year by 27.3 percent.", "27.3", "metric~attendance,growth by=change:outdo-verb"},
	{"outdo-verb", "In 2020, the Jixi park beat 31 rivals.", "31", "metric!growth"},

	// Changes: a percentage of change is its own fact (GUIDELINES.md).
	{"change-noun-of", "Harbin had 1,180 enterprises in 2020, an increase of 45 percent.", "45", "metric~enterprises,growth value=45 by=change:change-noun-of"},
	{"change-noun-of", "Harbin had 1,180 enterprises in 2020, a share of 45 percent.", "45", "metric!growth"},
	{"change-noun-modifier", "Harbin recorded a 12 percent rise in exports in 2020.", "12", "metric~exports,growth by=change:change-noun-modifier"},
	{"change-noun-modifier", "Harbin recorded a 12 percent share of exports in 2020.", "12", "metric!growth"},
	{"change-verb", "Exports of the city fell 3.5 percent in 2020.", "3.5", "metric~exports,growth value=-3.5 by=change:change-verb"},
	{"change-verb", "Exports of the city were 3.5 percent of the total in 2020.", "3.5", "metric!growth"},
	{"object-at", "Jixi fixed its GDP growth target at 6 percent for 2021.", "6", "metric~gdp,growth,target status=plan"},
	{"object-at", "In 2020, Jixi's GDP growth held at 6 percent.", "6", "metric~gdp,growth metric!target"},
	{"change-verb", "In 2020, Jixi raised its annual grain output by 4 percent.", "4", "metric~grain,output,growth value=4"},
	{"change-verb", "In 2020, Jixi cut its coal output by 4 percent.", "4", "metric~coal,output,growth value=-4"},
	{"up-down", "Retail sales reached 5 billion yuan in 2020, down 2 percent year on year.", "2", "metric~retail,sales,growth value=-2"},
	{"up-down", "Retail sales made up 40 percent of the total in 2020.", "40", "metric!growth"},
	{"change-noun-modifier", "Jixi's goals for 2021 include a 6 percent rise in output, about 5 percent growth in added value of farms and 9 percent growth in exports.", "6", "metric~output,growth metric!farms"},
	{"change-noun-modifier", "Jixi's goals for 2021 include a 6 percent rise in output, about 5 percent growth in added value of farms and 9 percent growth in exports.", "5", "metric~added,value,farms,growth metric!goals"},
	{"change-verb", "Jixi's farm sector grew at a rate of 2.5 percent in 2020.", "2.5", "metric~growth metric!rate"},
	{"change-verb", "Jixi's farm sector grew 2.5 percent in 2020.", "2.5", "metric~farm,sector,growth"},
	{"up-down", "Hotel bookings in the city were up an impressive 12.5 percent in 2020.", "12.5", "metric~hotel,bookings,growth value=12.5 by=change:up-down"},
	{"up-down", "Hotel bookings in the city were an impressive 12.5 percent of all bookings in 2020.", "12.5", "metric!growth"},
	{"comparative", "In 2020, Jixi's sales reached 2.1 billion yuan, 9 percent more than the year before.", "9", "metric~sales,growth value=9 by=change:comparative"},
	{"comparative", "In 2020, Jixi's sales reached 2.1 billion yuan, 16.1 percent lower than a year earlier.", "16.1", "metric~sales,growth value=-16.1"},
	{"comparative", "In 2020, Jixi farmed 16.1 percent more land.", "16.1", "metric!growth"},
	{"comparative", "In 2020, sales of local goods in Jixi ran 25 percent above normal levels.", "25", "metric~sales,local,goods,growth"},
	{"level-after-change", "In 2020, Jixi drew 911,000 visitors, up 13.8 percent, with earnings totaling 2.16 billion yuan.", "2.16 billion", "metric~earnings metric!visitors"},
	{"level-after-change", "In 2020, Jixi's visitors rose 13.8 percent, totaling 911,000.", "911,000", "metric~visitors"},
	{"level-after-change", "Jixi logged a rise of 12.4 percent year on year in its border trade in services to 3.25 billion yuan in 2020.", "3.25 billion", "metric~border,trade by=metric:level-after-change"},
	{"change-of-pronoun", "Jixi's trade with Japan reached 3 billion yuan in 2020. That represented a rise of 18 percent.", "18", "metric~trade,japan,growth"},
	{"change-in-noun", "In 2020, Jixi recorded growth of 4 percent year on year in its farm trade.", "4", "metric~farm,trade,growth"},
	{"level-after-change", "In 2020, Jixi recorded growth of 9.6 percent in its foreign trade to 7.98 billion yuan.", "7.98 billion", "metric~foreign,trade metric!growth"},
	{"year-on-year", "Harbin's exports were 4 billion yuan in 2020, 8 percent year on year.", "8", "metric~exports,growth by=change:year-on-year"},
	{"minus", "Output growth went from minus 4 percent in the first quarter to 2 percent in 2020.", "4", "value=-4"},

	// Metrics: the head noun of the figure's phrase with its modifiers.
	{"counted-noun", "Harbin had 1,180 high-tech enterprises in 2020.", "1,180", "metric~high,tech,enterprises by=metric:counted-noun"},
	{"unit-of-noun", "In 2020, brown coal made up 3 million tonnes of the whole, and shale gas 2 billion cubic meters.", "3 million", "metric~coal metric!total"},
	{"unit-of-noun", "In 2020, Jixi mined 3 million tonnes of coal.", "3 million", "metric~coal"},
	{"target-completion", "In 2020, Jixi's farm investment hit 2 billion yuan, completing 40.5 percent of the annual target.", "40.5", "metric~farm,investment,annual,target,completion by=metric:target-completion"},
	{"target-completion", "In the first quarter of 2020, Jixi drew 2 billion yuan of investment. By March, the city had met 40 percent of its target for the year, a report said.", "40", "metric~investment,target,completion"},
	{"target-completion", "In the first quarter of 2020, Jixi drew 2 billion yuan of investment. By March, the city had met 40 percent of its road work, a report said.", "40", "none"},
	{"target-completion", "In 2020, Jixi's farm investment hit 2 billion yuan, making up 40.5 percent of the annual total.", "40.5", "metric!completion"},
	// A kind its examples follow is no part of the measure.
	{"counted-noun", "In 2020, Jixi began 15 new industry projects in fields such as biotech and retail.", "15", "metric~new,industry,projects metric!fields"},
	{"counted-noun", "In 2020, Jixi began 15 new industry projects in fields of biotech.", "15", "metric~fields"},
	{"unit-of-noun", "Harbin produced 2 million tonnes of crude oil in 2020.", "2 million", "metric~crude,oil by=metric:unit-of-noun"},
	{"unit-of-noun", "Harbin produced 2 million tonnes in 2020.", "2 million", "metric!oil"},
	{"noun-of-figure", "At the fair, Jixi signed farm deals worth a total of 9 billion yuan.", "9 billion", "metric~farm,deals metric!total"},
	{"noun-of-figure", "At the fair, Jixi signed farm deals worth 9 billion yuan in total, and a total of 12 billion yuan of loans.", "12 billion", "metric!deals"},
	{"noun-of-figure", "Harbin posted a GDP of 500 billion yuan in 2020.", "500 billion", "metric~gdp by=metric:noun-of-figure"},
	{"peak-of-subject", "Jixi's trade with Russia was 2 billion yuan in 2020. In 2019, it reached a record high of 3 billion yuan.", "3 billion", "metric~trade,russia metric!high by=metric:peak-of-subject"},
	{"peak-of-subject", "In 2019, Jixi's rice output reached a record high of 3 million tonnes.", "3 million", "metric~rice,output metric!high"},
	{"peak-of-subject", "In 2019, Jixi's rice output reached a record harvest of 3 million tonnes.", "3 million", "metric~harvest"},
	{"definite-number", "Jixi had 90 hotels in 2021. The number stood at 70 in 2020.", "70", "metric~hotels year=2020 by=metric:definite-number"},
	{"definite-number", "Jixi had 90 hotels in 2021. The number of parks stood at 70 in 2020.", "70", "metric~parks metric!hotels"},
	{"subject-of-verb", "Jixi's gross domestic product reached 50 billion yuan in 2020.", "50 billion", "metric~gdp metric!gross,domestic,product"},
	{"subject-of-verb", "Jixi's gross domestic production reached 50 billion yuan in 2020.", "50 billion", "metric~gross,domestic,production"},
	{"subject-of-verb", "Harbin's GDP reached 500 billion yuan in 2020.", "500 billion", "metric~gdp entity=Harbin by=metric:subject-of-verb"},
	{"subject-of-verb", "The government handed out 5 million yuan in subsidies in 2020.", "5 million", "metric~subsidies metric!government"},
	{"in-noun", "The city earned 2 billion yuan in revenue in 2020.", "2 billion", "metric~revenue"},
	{"copula-subject", "In 2020, Jixi's farm trade was worth 6 billion yuan.", "6 billion", "metric~farm,trade by=metric:copula-subject"},
	{"copula-subject", "In 2020, Jixi's imports from and exports to Mongolia were worth 6 billion yuan, up 5 percent.", "6 billion", "metric~imports,exports,mongolia by=metric:copula-subject"},
	{"copula-subject", "In 2020, Jixi sold farm goods worth 6 billion yuan.", "6 billion", "metric~farm,goods by=metric:noun-of-figure"},
	{"copula-subject", "In 2020, the operating rate of key projects was 83 percent.", "83", "metric~operating,rate"},
	{"percent-of", "In 2020, Heilongjiang made up 11 percent of China's rice output.", "11", "metric~share,rice entity=Heilongjiang"},
	{"to-side", "Jixi plans to cut coal output by 1 million tonnes annually from 9 million tonnes in 2020 to 5 million tonnes in 2025.", "5 million", "entity=Jixi metric~coal,output metric!reduction year=2025 by=metric:to-side"},
	{"to-side", "Jixi plans to cut coal output by 1 million tonnes annually, and to sell 5 million tonnes in 2025.", "5 million", "metric!output"},
	{"from-side", "Jixi cut coal output by 1 million tonnes, from 9 million tonnes in 2019 to 8 million tonnes in 2020.", "9 million", "entity=Jixi metric~coal,output metric!reduction year=2019 by=metric:from-side"},
	{"from-side", "Jixi cut coal output by 1 million tonnes, and sold 9 million tonnes in 2019.", "9 million", "metric!output"},
	{"dimension-of-subject", "In 2020, the tourism industry of Jixi grew to a total scale of 60 billion yuan.", "60 billion", "entity=Jixi metric~tourism,industry,scale by=metric:dimension-of-subject"},
	{"dimension-of-subject", "In 2020, Jixi grew to a total scale of 60 billion yuan.", "60 billion", "entity=Jixi metric~total,scale metric!tourism by=metric:noun-of-figure"},
	{"partitive-subset", "Of the 200 key projects in 2020, 166 have started construction.", "166", "metric~projects,started"},
	{"level-after-change", "In 2020, exports grew 8 percent, reaching 40 billion yuan.", "40 billion", "metric~exports metric!growth"},
	{"bare-figure", "GDP growth was 5.6 percent in 2014, behind the 8 percent of 2013.", "8", "metric~gdp,growth year=2013"},
	{"list-conjunct", "In 2020, added value rose 16 percent in new materials, 9.8 percent in new-generation battery making and 3.9 percent in the bio-industry.", "9.8", "metric~battery,making,added,value,growth"},
	{"list-conjunct", "In 2020, added value rose 16 percent in new materials, 9.8 percent in new-generation battery making and 3.9 percent in the bio-industry.", "3.9", "metric~bio,industry,added,value,growth metric!battery"},
	{"gapped-conjunct", "In 2020, the paper industry saw its added value rise by 13 percent, the glass industry by 11 percent.", "11", "metric~glass,added,value,growth by=metric:gapped-conjunct"},
	{"gapped-conjunct", "In 2020, dairy output value in the county rose by 6 percent and fishery output value by 9 percent.", "9", "metric~fishery,output,value,growth metric!dairy by=metric:gapped-conjunct"},
	{"list-conjunct", "In 2020, added value rose 16 percent in new materials and 9 percent in the bio-industry.", "9", "metric~bio,added,value,growth"},
	// A remnant that opens with a preposition stands for the earlier figure's phrase of that preposition.
	{"gapped-conjunct", "In 2020, Jixi's trade with Russia rose 13 percent, with Japan 8 percent and with Mongolia 5 percent.", "8", "entity=Jixi metric~trade,japan,growth metric!russia by=metric:gapped-conjunct"},
	{"gapped-conjunct", "In 2020, Jixi's trade with Russia rose 13 percent, with Japan 8 percent and with Mongolia 5 percent.", "5", "entity=Jixi metric~trade,mongolia,growth metric!japan by=metric:gapped-conjunct"},
	{"gapped-conjunct", "In 2020, Jixi's trade with Russia rose 13 percent, with exports up 8 percent.", "8", "metric~exports,growth metric!russia"},

	{"level-after-change", "In 2020, Jixi saw a 20 percent rise in hotel stays, reaching a record high of 1.2 million.", "1.2 million", "metric~hotel,stays metric!high"},
	{"level-after-change", "In 2020, Jixi's hotel stays hit a record high of 1.2 million.", "1.2 million", "metric~hotel,stays metric!high"},

	{"unit-of-noun", "In 2020, Jixi brought in 3 million tons of iron ore from Russia.", "3 million", "metric~iron,ore,imports,from,russia entity=Jixi"},
	{"unit-of-noun", "In 2020, Jixi brought in 3 million tons of iron ore.", "3 million", "metric~iron,ore,imports metric!russia"},
	{"entity-verb-noun", "Jixi put 8.1 million yuan into its road program in 2020.", "8.1 million", "metric~road,program,investment by=metric:entity-verb-noun"},
	{"entity-verb-noun", "Jixi earned 8.1 million yuan in revenue in 2020.", "8.1 million", "metric~revenue metric!earnings"},
	{"entity-verb-noun", "In 2020, Jixi signed 46 projects, involving 13.7 billion yuan.", "13.7 billion", "metric~projects,investment"},
	{"entity-verb-noun", "In 2020, Jixi spent 2 billion yuan on schools.", "2 billion", "metric~schools,spending"},
	{"percent-of", "In 2020, Jixi spent 1.2 billion yuan on schools, more than 40 percent of its total public spending.", "40", "metric~share,total,public,spending qualifier=min"},
	{"percent-of", "In 2020, Jixi spent 1.2 billion yuan on schools, up 40 percent.", "40", "metric!share"},
	{"percent-of", "In 2020, about 33,000 people crossed into Russia via Jixi's land ports, making up 42 percent of the total.", "42", "metric~people,share"},
	{"percent-of", "In 2020, 92 percent of the passengers at Jixi airport came from Russia.", "92", "metric~share,passengers"},
	{"percent-of", "In the second half, the number of visitors who came into the county via Jixi was 52,000, up 11 percent year-on-year, making up 30 percent of the total number of guests staying in the county.", "30", "metric~visitors,share,guests"},
	{"percent-of", "In the second half, Jixi received 52,000 visitors, up 11 percent year-on-year, and guests from Russia made up 30 percent of the total number of guests staying in the county.", "30", "metric~share,guests metric!visitors"},
	{"percent-of", "In 2020, Jixi's grain output represents 6.7 percent of China's grain output increase.", "6.7", "entity=Jixi metric~share"},
	{"change-of-subject", "In 2020, value added by the Jixi retail industry grew 5.8 percent.", "5.8", "metric~value,added,retail,industry,growth"},
	{"percent-of", "In 2020, Jixi's retail sales contributed 21 percent of the city's GDP growth.", "21", "metric~retail,sales,contribution,gdp,growth metric!share"},
	{"percent-of", "In 2020, Jixi's grain output grew, at 6.7 percent of the growth rate of 2019.", "6.7", "metric!share"},
	{"subject", "Jilin Province, known as the country's \"corn belt,\" reaped some 2 million tonnes of maize in 2022.", "2 million", "entity=Jilin"},
	{"percent-of", "In 2020, clean energy in Jixi made 12 percent of the total power used.", "12", "metric~clean,energy,share,total,power entity=Jixi"},
	{"percent-of", "In 2020, clean energy output rose 15 percent in Jixi.", "15", "metric!share"},
	{"percent-of", "In 2020, the passengers at Jixi airport grew by 92 percent.", "92", "metric!share"},

	{"counted-noun", "A record 79,000 tourists came to Jixi in 2019.", "79,000", "metric~tourists metric!record"},
	{"counted-noun", "In 2020, a total of 565 \"Young Hawk Plan\" projects were completed in Jixi.", "565", "entity=Jixi metric~young,hawk,plan,projects"},
	{"counted-noun", "In 2020, a total of 565 \"Young Hawk Project\" projects were implemented, and about 300 firms moved to the city.", "565", "metric~young,hawk,project,projects"},
	{"counted-noun", "In 2020, a total of 565 Young Hawk Project projects were implemented in the county.", "565", "metric!young"},
	{"counted-noun", "In 2020, Jixi had 30 new energy listed companies and 52 foreign-funded firms.", "30", "metric~new,energy,listed,companies"},
	{"counted-noun", "In 2020, Jixi had 30 new energy listed companies and 52 foreign-funded firms.", "52", "metric~foreign,funded,firms"},
	{"counted-noun", "In 2020, Jixi had 380 e-commerce startups.", "380", "metric~e,commerce,startups"},
	{"counted-noun", "In 2020, Jixi had 4.5 million 5G end users.", "4.5 million", "metric~5g,end,users"},
	{"counted-noun", "Since 1990, the Jixi fair has drawn 1.6 million traders and produced deals worth 10 billion yuan.", "1.6 million", "metric~traders metric!deals"},
	{"counted-noun", "In 2020, Jixi had 46 new materials listed companies.", "46", "metric~new,materials,listed,companies"},
	{"counted-noun", "In 2020, Jixi had 981 grain processing enterprises.", "981", "metric~grain,processing,enterprises"},
	{"counted-noun", "In 2020, Jixi had 46 firms processing grain.", "46", "metric~firms metric!grain"},
	{"counted-noun", "In 2020, Jixi's corn processing industry profits reached 5 billion yuan.", "5 billion", "metric~corn,processing,industry,profits"},
	{"percent-of", "In 2020, Jixi counted 1.8 million phone masts and 45 million phone users, each representing over 6 percent of the national total.", "6", "metric~phone,share,national,total by=metric:percent-of,_each"},
	// Entities: the subject, possessor or place of the figure's clause.
	{"possessor", "Daqing's exports reached 3 billion yuan in 2020.", "3 billion", "entity=Daqing by=entity:possessor"},
	{"agent", "In 2020, the number of buses run by Jixi Transit Group was raised to 90, and Hegang Bus Co's fleet grew too.", "90", "entity=Jixi_Transit_Group by=entity:agent"},
	{"agent", "In 2020, the number of buses in the fleet was raised to 90, and Hegang Bus Co's fleet grew too.", "90", "entity!Jixi_Transit_Group"},
	{"level-owner", "In 2020, the railway port of Jixi handled 9 million tonnes of goods, up 10 percent.", "10", "entity=Jixi_railway_port by=entity:level-owner"},
	{"level-owner", "In 2020, freight at the railway port of Jixi climbed to 9 million tonnes; Hegang's rose 10 percent.", "10", "entity=Hegang"},
	// "it" is the main clause's subject, not the possessor of its predicate.
	{"possessor", "Jixi is China's largest rice area, with its rice fields making up 30 percent of all the land it farms. Next spring, it will enlarge its rice area by 2 million mu.", "2 million", "entity=Jixi"},
	{"possessor", "Jixi Coal Co reported record sales. In 2020, the textile industry grew fast as its output reached 3 billion yuan.", "3 billion", "entity!Jixi_Coal_Co metric~textile,industry,output"},
	{"possessor", "Jixi Coal Co grew fast in 2020 as its output reached 3 billion yuan.", "3 billion", "entity=Jixi_Coal_Co"},
	{"noun-modifier", "Hegang New Zone opened in 2010. In 2020, Jixi grew fast and the zone came up with 40 patents of its own.", "40", "entity=Hegang_New_Zone"},
	{"clause-owner", "Led by the trading arm of Jixi Coal Co, the textile industry grew 5 percent in 2020.", "5", "entity!Jixi_Coal_Co"},
	{"clause-owner", "Helped by new orders, Jixi Coal Co saw its sales grow 5 percent in 2020.", "5", "entity=Jixi_Coal_Co"},
	// An unknown name that owns with 's owns the figure of its elided noun.
	{"subject", "In 2020, Jixi's exports climbed 10 per cent to 92 million yuan; Yanbei's rose 14 per cent to 75 million yuan.", "75 million", "entity=Yanbei metric~exports"},
	// A change's own "by" names no agent.
	{"clause-owner", "Data show that visits at the old town square rose by 8.5 percent year-on-year in 2020, and visits grew by 6.2 percent year-on-year at Jixi Zoo.", "6.2", "entity=Jixi_Zoo"},
	{"clause-owner", "In 2020, visits grew by 6.2 percent year-on-year, led by Jixi Zoo.", "6.2", "entity!Jixi_Zoo"},
	// Names in a list of examples own nothing.
	{"clause-owner", "Of these, 12 ventures each drew over 2 billion yuan in 2020, and three -- including the Jixi Finance City, the Lantern Industrial Park and the Jixi Eco City -- each drew over 6 billion yuan.", "12", "entity!Lantern_Industrial_Park"},
	{"clause-owner", "In 2020, the Lantern Park in Jixi drew 12 projects.", "12", "entity=Lantern_Park"},
	{"noun-modifier", "Exports of Daqing reached 3 billion yuan in 2020.", "3 billion", "entity=Daqing"},
	{"subject", "Daqing had 40 parks in 2020.", "40", "entity=Daqing by=entity:subject"},
	{"subject", "Exports kept falling in 2021, with Jixi, a small city on the border with Russia and a hub for coal, planning to cut coal output by 2 million tonnes.", "2 million", "entity=Jixi by=entity:subject"},
	{"subject", "Coal sales are likely to fall in 2022, with Jixi, one of the largest coal cities in the province, planning to cut coal output by 2 million tonnes.", "2 million", "entity=Jixi by=entity:subject"},
	{"subject", "In 2021, Jixi signed deals with Mishan, a small city on the border with Russia and a hub for coal, planning to cut coal output by 2 million tonnes.", "2 million", "entity=Jixi"},
	{"subject", "By Monday, the inland port of Jixi, a Heilongjiang market town in Northeast China facing Mongolia, had handled 3 million tonnes of goods.", "3 million", "entity=Jixi_port by=entity:subject"},
	// An absolute clause ("with" and a subject of its own) says what its host clause's subject did.
	{"subject", "The railway port of Jixi grew fast in 2020. Meanwhile, the port ran more freight trains, with a total of 120 trains carrying 9,000 containers.", "120", "entity=Jixi_railway_port by=entity:subject"},
	{"subject", "The railway port of Jixi grew fast in 2020. Meanwhile, the port ran more freight trains, with Mishan sending 120 trains to Russia.", "120", "entity=Mishan by=entity:subject"},
	{"subject", "Tourists spent 40 billion yuan in Daqing in 2020.", "40 billion", "entity=Daqing"},
	{"clause-place", "In Daqing, tourists spent 40 billion yuan in 2020.", "40 billion", "entity=Daqing"},
	// A pronoun stands for its clause's subject, not for one inside a relative clause.
	{"possessor", "In 2020, Jixi, a city where Russia and China meet, saw its trade climb to 3 billion yuan.", "3 billion", "entity=Jixi by=entity:possessor"},
	{"possessor", "In 2020, Russia and China met, and Jixi saw its trade climb to 3 billion yuan.", "3 billion", "entity=Jixi"},
	// Where goods are shipped from or to is a partner.
	{"sentence-place", "In 2020, exports grew 18 percent to 9 billion yuan, while imports, mostly timber and coal shipped in from Russia, rose to 21 billion yuan.", "21 billion", "entity!Russia metric~imports metric!timber"},
	{"sentence-place", "In 2020, exports grew 18 percent to 9 billion yuan, while imports, mostly seafood, timber and coal shipped in from Russia, rose to 21 billion yuan.", "21 billion", "entity!Russia"},
	{"sentence-place", "In 2020, exports grew 18 percent to 9 billion yuan, while imports, mostly seafood, timber and coal mined in Russia, rose to 21 billion yuan.", "21 billion", "entity=Russia"},
	{"sentence-place", "In 2020, imports, mostly coal mined in Russia, came to 2 billion yuan.", "2 billion", "entity=Russia"},
	{"scope-word", "Nationwide, retail sales rose 4 percent in 2020.", "4", "entity=China by=entity:scope-word"},
	{"clause-owner", "The number of visitors to the Harbin International Ice Festival reached 2 million in 2020.", "2 million", "entity=Harbin_International_Ice_Festival"},
	{"running-place", "Daqing grew fast in 2020. The food industry earned 5 billion yuan.", "5 billion", "entity=Daqing"},
	{"running-place", "Jixi Lantern Park drew 300,000 visitors in 2020. Ticket sales rose 20 percent.", "20", "entity=Jixi_Lantern_Park by=entity:running-subject"},
	{"running-place", "Jixi drew 300,000 visitors to the Lantern Park in 2020. Ticket sales rose 20 percent.", "20", "entity=Jixi"},
	{"running-place", "A new rail line has made travel easier in the north. The Jixi-Hegang railway ran 90 trains in October 2020. The average flow came to 900 people a day.", "900", "entity=Jixi-Hegang_railway"},
	{"owners", "Trade with Russia reached 5 billion yuan in 2020.", "5 billion", "entity=Harbin metric~russia"},
	{"clause-place", "In 2019, 79,000 tourists came to Russia through Northeast China's Jilin province.", "79,000", "entity=Jilin"},
	{"clause-place", "In 2019, some 9,000 trucks entered Russia via Jilin's land ports.", "9,000", "entity=Jilin"},
	{"located-name", "Heilongjiang Province in Northeast China produced 40 million tonnes of oil in 2020.", "40 million", "entity!Northeast_China"},
	{"located-name", "Northeast China produced 40 million tonnes of oil in 2020.", "40 million", "entity=Northeast_China"},

	// Lists paired by "respectively": the item in the same position.
	{"respectively", "In 2020, Jixi and Hegang had 30 and 40 parks, respectively.", "40", "entity=Hegang by=entity:respectively metric~parks"},
	{"respectively", "In 2020, Jixi and Hegang had 30 and 40 parks, respectively.", "30", "entity=Jixi"},
	{"respectively", "In 2020, the output of Jixi and Hegang rose 5 percent and 6 percent respectively.", "6", "entity=Hegang metric~output,growth"},
	{"respectively", "In 2020, Jixi's exports and imports rose 5.5 and 6.5 percent, respectively.", "5.5", "metric~exports,growth metric!imports unit=percent"},
	{"respectively", "In 2020, Jixi's exports and imports rose 5.5 and 6.5 percent, respectively.", "6.5", "metric~imports,growth metric!exports"},
	{"respectively", "In 2020, Jixi's exports and imports rose 6.5 percent.", "6.5", "metric~exports,imports,growth"},
	// A list of changes, each with its own noun of change.
	{"respective-level", "In 2020, Jixi produced 2 million tonnes of coal and 300,000 tonnes of steel, a decline of 4 percent and an increase of 11 percent respectively.", "4", "metric~coal,growth metric!steel value=-4"},
	{"respective-level", "In 2020, Jixi produced 2 million tonnes of coal and 300,000 tonnes of steel, a decline of 4 percent and an increase of 11 percent respectively.", "11", "metric~steel,growth metric!coal"},
	// A list inside a relative clause is not the list the figures pair with.
	{"respectively", "In 2020, the Jixi Railway, which serves Hegang and Qitaihe, carried 300 trains and 400 tonnes of coal, up 9 percent and 12 percent respectively.", "12", "entity=Jixi_Railway"},
	{"respectively", "In 2020, Hegang and Qitaihe carried 300 trains and 400 tonnes of coal, up 9 percent and 12 percent respectively.", "12", "entity=Qitaihe"},
	// The remnant of a gapped clause is a clause of its own.
	{"clause-place", "In 2020, 300 trains went through Jixi and 200 trains through Hegang.", "200", "entity=Hegang by=entity:clause-place"},
	{"clause-place", "In 2020, 300 trains went through Jixi and 200 trains through Hegang.", "200", "metric~trains by=metric:counted-noun"},
	{"clause-place", "In 2020, 300 trains went through Jixi and 200 trains.", "200", "entity=Jixi"},
	{"respective-level", "In 2020, Jixi sold 200 cars and 300 trucks, up 15 and 14 percent year on year, respectively.", "15", "metric~cars,growth metric!trucks unit=percent by=metric:respective-level,_respectively"},
	{"respective-level", "In 2020, Jixi sold 200 cars and 300 trucks, up 15 and 14 percent year on year, respectively.", "14", "metric~trucks,growth metric!cars"},
	{"respective-level", "In 2020, Jixi ran 900 trains carrying 40,000 tonnes of coal, up 12 and 20 percent year on year, respectively.", "12", "metric~trains,growth metric!coal"},
	// A verb the first level's noun is the subject of ("saw N trains pass") starts no clause of its own.
	{"respective-level", "In 2020, the Jixi port saw 4,000 trains pass through, carrying 400,000 tonnes of goods, up 9 percent and 20 percent respectively.", "9", "metric~trains,growth metric!goods by=metric:respective-level,_respectively"},
	{"respective-level", "In 2020, the Jixi port saw 4,000 trains pass through, and Mishan carried 400,000 tonnes of goods, up 9 percent and 20 percent respectively.", "9", "metric!trains"},
	{"joined-change", "In 2020, Jixi sold 200 cars and 300 trucks, up 15 percent and 14 percent, respectively.", "14", "metric~trucks,growth metric!cars by=change:joined-change"},
	{"joined-change", "In 2020, Jixi's exports reached 2 billion yuan, up 5 percent, 40 percent of the province's total.", "40", "metric~exports,share metric!growth"},
	{"respective-level", "In 2020, Jixi ran 900 trains carrying 40,000 tonnes of coal, up 12 and 20 percent year on year, respectively.", "20", "metric~coal,growth metric!trains"},
	{"change-after-level", "In 2020, Jixi sold 200 cars and 300 trucks, up 14 percent year on year.", "14", "metric~trucks,growth by=metric:change-after-level"},

	// Entities found outside the clause.
	{"sentence-place", "The firms of Jixi are small, and output grew 5 percent in 2020.", "5", "entity=Jixi by=entity:sentence-place"},
	{"visited", "In 2020, 90,000 people toured the Lantern Park in Jixi, up 12 percent.", "90,000", "entity=Lantern_Park by=entity:visited"},
	{"visited", "In 2020, 90,000 people toured the Lantern Park in Jixi, up 12 percent.", "12", "entity=Lantern_Park"},
	{"visited", "In 2020, 90,000 people worked near the Lantern Park in Jixi.", "90,000", "entity!Lantern_Park"},
	// The people a conjoined subject counts visit too; "the two-day fair" refers to the fair.
	{"visited", "The Jixi Farm Fair opened in May 2020. More than 3,000 guests and business people attended the two-day fair.", "3,000", "entity=Jixi_Farm_Fair by=entity:visited"},
	{"visited", "The Jixi Farm Fair opened in May 2020. More than 3,000 guests and business people worked in Jixi.", "3,000", "entity=Jixi"},
	// Of two prepositions the parser gives a noun, the nearer is its own:
	// "through" the province owns the figure; "into" would not.
	{"sentence-place", "A record 5,000 trucks crossed into and out of Russia through Northeast China's Jilin province in May 2020, up 9 percent year-on-year, the border police said.", "9", "entity=Jilin by=entity:sentence-place"},
	{"running-subject", "Jixi Coal Co opened a mine in 2019. In 2020, they sold 5 million tonnes of coal.", "5 million", "entity=Jixi_Coal_Co by=entity:running-subject"},
	{"topic", "In 2020, they sold 5 million tonnes of coal.", "5 million", "entity=Harbin by=entity:topic"},

	// Metrics from the verb or the words around the figure.
	{"subject-verb-noun", "In 2020, Jixi's forest economy will generate 12 billion yuan.", "12 billion", "metric~forest,economy,output by=metric:subject-verb-noun"},
	{"subject-verb-noun", "In 2020, Jixi will generate 12 billion yuan.", "12 billion", "metric!economy"},
	{"modified-noun", "In 2020, Jixi opened a 10 billion yuan steel plant.", "10 billion", "metric~steel,plant by=metric:modified-noun"},
	{"nearest-noun-before", "In 2020, Jixi steel output, 40 million tonnes, set a record.", "40 million", "metric~steel,output"},
	{"teu-containers", "Jixi port handled 1.2 million TEU in 2020.", "1.2 million", "metric~container by=metric:verb-nominal,_teu-containers"},
	{"teu-containers", "Jixi port handled 1.2 million TEU of goods in 2020.", "1.2 million", "metric~goods metric!container"},
	{"teu-containers", "Jixi port handled 1.2 million TEU in 2020, up 25.4 percent.", "25.4", "metric~container,growth"},
	{"teu-containers", "Jixi port handled 1.2 million TEU of goods in 2020, up 25.4 percent.", "25.4", "metric~goods,growth metric!container"},
	{"nearest-noun-before", "Jixi led the region in rice: as early as 2008, it hit a record high of 3 million tonnes.", "3 million", "none"},
	{"nearest-noun-before", "Jixi led the region in rice: as early as 2008, it hit a record crop of 3 million tonnes.", "3 million", "metric~crop"},

	{"verb-nominal", "In 2020, Jixi exported 5 million.", "5 million", "metric~exports by=metric:verb-nominal"},
	{"verb-nominal", "In 2020, Jixi saw 5 million.", "5 million", "none"},
	{"entity-verb-noun", "In 2020, Jixi exported 5 million yuan to Russia.", "5 million", "metric~exports,to,russia by=metric:entity-verb-noun"},
	{"entity-verb-noun", "In 2020, Jixi exported 5 million yuan by rail.", "5 million", "metric~exports metric!rail"},

	// What a change is a change of.
	{"change-of-noun", "In 2020, Jixi's exports grew 12 percent.", "12", "metric~exports,growth by=metric:change-of-noun"},
	{"change-of-noun-before", "In 2020, Jixi saw its added value rise by 8.2 percent.", "8.2", "metric~added,value,growth"},
	{"change-of-subject", "In 2020, Jixi's exports were up 12 percent.", "12", "metric~exports,growth"},
	{"change-of-earlier-figure", "In 2020, Jixi sold 200 cars, and grew 14 percent year on year.", "14", "metric~cars,growth"},
	{"change-of-main-object", "Soaring by 40 percent year-on-year, Jixi received 3 million visits in 2020.", "40", "metric~visits,growth by=metric:change-of-main-object"},
	{"change-of-main-object", "Soaring by 40 percent year-on-year, Jixi received visitors from 30 towns in 2020.", "40", "metric!visits"},

	// Years and periods.
	{"clause-year", "Daqing had 40 parks in 2019 and Jixi had 30 in 2020.", "40", "year=2019"},
	{"by-then", "Jixi aims to double its tourism by 2025. By then, tourism revenue is to reach 16 billion yuan.", "16 billion", "year=2025 by=year:by-then"},
	{"by-then", "Jixi aims to double its tourism by 2025. Next year, tourism revenue is to reach 16 billion yuan.", "16 billion", "year=2022"},
	{"sentence-year", "In 2019, Daqing had 40 parks.", "40", "year=2019"},
	// An oblique on a copula's figure dates its clause: the share coordinated with it shares the year.
	{"sentence-year", "In 2019, the number of tourists from Russia who came to Jixi was 30,000, making up 20 percent of all visitors to the city.", "20", "year=2019 by=year:sentence-year"},
	{"sentence-year", "The number of tourists from Russia who came to Jixi was 30,000, making up 20 percent of all visitors to the city.", "20", "year=2021"},
	// A change and the level it reached are one event: the level's year is the change's.
	{"sentence-year", "Jixi's farm output rose 12.5 percent year on year to 40 million yuan in 2019.", "12.5", "year=2019 by=year:sentence-year"},
	{"move-end-year", "Exports rose 10 percent from 5 billion yuan in 2019 to 5.5 billion yuan in 2020.", "10", "year=2020 by=year:move-end-year"},
	{"move-end-year", "Jixi plans to cut coal output by 1 million tonnes annually from 9 million tonnes in 2020 to 5 million tonnes in 2025.", "1 million", "year=2025 status=plan"},
	{"move-end-year", "Exports rose 10 percent in 2019, and grew from 5 billion yuan to 5.5 billion yuan in 2020.", "10", "year=2019"},
	{"from-to-year", "Key projects went from 400 in 2019 to 526 this year.", "526", "year=2021"},
	{"from-to-year", "Key projects went from 400 in 2019 to 526 this year.", "400", "year=2019"},
	{"sentence-year", "Industrial projects in Jixi climbed from 255 last year to 326.", "326", "year=2021"},
	{"sentence-year", "Industrial projects in Jixi climbed to 326 last year.", "326", "year=2020"},
	{"context-year", "In 2019, Daqing grew fast. It had 40 parks.", "40", "year=2019 by=year:context-year"},
	// A standard of comparison does not set the year the text goes on in.
	{"context-year", "Jixi's exports grew 5 percent, well behind the 8 percent recorded in 2019. Its imports rose 3 percent.", "3", "year=2021"},
	{"context-year", "Jixi's exports grew 5 percent, reaching the 8 percent recorded in 2019. Its imports rose 3 percent.", "3", "year=2019 by=year:context-year"},
	{"publication-year", "Daqing has 40 parks.", "40", "year=2021"},
	{"present", "Daqing currently has 40 parks.", "40", "year=2021 by=year:present"},
	{"present", "In 2019, Daqing grew. At present, the airport runs 430 flights a day and serves 60,000 passengers.", "60,000", "year=2021 by=year:present"},
	{"present", "In 2019, Daqing grew. Its airport served 60,000 passengers.", "60,000", "year=2019 by=year:context-year"},
	{"sentence-period", "In the first quarter, Daqing's exports, which grew fast, reached 4 billion yuan.", "4 billion", "period=Q1"},
	// The level a change started from, dated in its from-phrase.
	{"from-base-period", "Jixi's revenue for the six months ended June 30, 2020 was 1.4 billion yuan, up 16 percent from 1.2 billion yuan in the first half of 2019.", "1.2 billion", "period=H1 year=2019 by=period:from-base-period by=year:from-base-year"},
	{"from-base-period", "Jixi's revenue for the six months ended June 30, 2020 was 1.4 billion yuan, up 16 percent from 1.2 billion yuan in the first half of 2019.", "1.4 billion", "period=H1 year=2020"},
	{"from-base-year", "In 2020, Jixi's revenue was 1.4 billion yuan, an increase of 16 percent from 1.2 billion yuan in 2019.", "1.2 billion", "year=2019 metric~revenue by=metric:from-base"},
	{"from-base-year", "In 2020, Jixi's revenue was 1.4 billion yuan, an increase of 16 percent from 1.2 billion yuan in 2019.", "1.4 billion", "year=2020"},
	{"from-base", "In 2020, Jixi's revenue was 1.4 billion yuan, an increase of 16 percent over the 1.2 billion yuan of 2019.", "1.4 billion", "metric~revenue"},
	{"national-average", "In 2020, Jixi's output grew 9 percent, above the national average of 3 percent.", "3", "entity=China metric~output,growth by=entity:national-average"},
	{"national-average", "In 2020, Jixi's output grew 9 percent, above the average of 3 percent for its farms.", "3", "entity!China"},
	{"average-of", "In 2020, Jixi's output grew 9 percent, above the provincial average of 3 percent.", "3", "metric~output,growth entity!China"},
	{"average-of", "In 2020, the value added of Jixi's farms grew 9.6 percent from a year earlier, 6.6 percentage points above the national average of 3 percent, the bureau said.", "3", "metric~value,added,growth by=metric:average-of"},
	{"average-of", "In 2020, Jixi's output grew 9 percent; the average farm had 3 tractors.", "3", "metric~tractors"},
	{"of-them", "In 2020, the Jixi airport operated 176 routes, 11 of them international or regional.", "11", "metric~international,regional,routes by=metric:of-them"},
	{"of-them", "In 2020, the Jixi airport operated 176 routes and 11 of its gates were new.", "11", "metric!routes"},
	{"from-base", "Jixi had 6.2 gigawatts of solar capacity installed at the end of 2023, up from 2.9 GW in 2021.", "2.9", "metric~solar,capacity year=2021 by=metric:from-base"},
	{"from-base", "Jixi had 6.2 GW of solar capacity at the end of 2023, and 2.9 GW of wind capacity came from Hegang.", "2.9", "metric~wind metric!solar"},
	{"from-base", "In 2020, Jixi's revenue was up 16 percent, and its loans grew to 3 billion yuan from 1.2 billion yuan.", "1.2 billion", "metric!revenue"},
	// A period inside a relative clause says when its noun did something.
	{"sentence-period", "In 2020, 300 trains went through Jixi, which opened a new station in the first quarter.", "300", "period=year"},
	{"sentence-period", "In 2020, 300 trains went through Jixi, and it opened a new station in the first quarter.", "300", "period=Q1"},
	{"perfect-to-date", "The Jixi rail port has seen 4,000 freight trains pass through, Jixi said on Monday.", "4,000", "period=span year=2021 by=period:perfect-to-date"},
	{"perfect-to-date", "The Jixi rail port has 4,000 freight wagons, Jixi said on Monday.", "4,000", "period=year"},
	{"perfect-to-date", "The Jixi rail port has seen 4,000 freight trains pass through since it opened, Jixi said on Monday.", "4,000", "period=year"},
	{"perfect-to-date", "The Jixi rail port has seen 4,000 freight trains pass through in the first quarter, Jixi said on Monday.", "4,000", "period=Q1"},
	{"present-state", "In the first half of 2021, Daqing's output grew. Daqing's plant operating rate is 83 percent.", "83", "period=year by=period:present-state"},
	{"present-state", "In the first half of 2021, Daqing's output grew. Daqing's plant operating rate was 83 percent.", "83", "period=H1"},
	// A verb in the simple present with its subject, or a participle hanging on one, holds now.
	{"present-state", "In the first half of 2021, Daqing's output grew. Over 40 freight routes run through the port, linking 12 countries with 30 cities.", "12", "period=year by=period:present-state"},
	{"present-state", "In the first half of 2021, Daqing's output grew. Over 40 freight routes ran through the port, linking 12 countries with 30 cities.", "12", "period=H1"},
	{"present-state", "In the first half of 2021, Daqing's output grew. The number of freight routes hit 40 in the six months.", "40", "period=H1"},
	// A total up to a day of this week is the year's so far, and what follows it is too.
	{"clause-period", "By Wednesday, the port of Jixi had handled 3,000 freight trains.", "3,000", "period=span year=2021 by=period:clause-period"},
	{"clause-period", "On Wednesday, the port of Jixi handled 3,000 freight trains.", "3,000", "period=year"},
	{"context-period", "The port of Jixi has handled 3,000 freight trains so far this year. Over the same period, the port of Mishan handled 300 trains.", "300", "period=span by=period:context-period"},
	{"context-period", "The port of Jixi has handled 3,000 freight trains this year. Over the same period, the port of Mishan handled 300 trains.", "300", "period=year"},
	// A change of a level is over the level's period.
	{"level-period", "The railway port of Jixi saw total trade climb to a record 3 million tonnes so far this year, up 10 percent year-on-year.", "10", "period=span by=period:level-period"},
	{"level-period", "The railway port of Jixi saw total trade climb to a record 3 million tonnes this year, up 10 percent year-on-year.", "10", "period=year"},
	{"whole-year", "In 2020, Daqing's exports reached 4 billion yuan.", "4 billion", "period=year by=period:whole-year"},
	{"change-word-before", "In 2020, Daqing's exports registered a rise of 10.9 percent.", "10.9", "metric~exports,growth"},
	{"change-word-before", "In 2020, Jixi carried 3 million riders, a growth by more than 40 percent.", "40", "metric~riders,growth by=change:change-word-before"},
	{"change-word-before", "In 2020, Jixi carried 3 million riders, a share of more than 40 percent.", "40", "metric!growth"},
	{"context-year", "Provinces recorded weak growth in 2019.\n\nIn Jixi, retail sales rose 5.6 percent.", "5.6", "year=2019 by=year:context-year"},
	{"context-year", "Growth is expected to pick up in 2022.\n\nIn Jixi, retail sales rose 5.6 percent.", "5.6", "year=2021"},
	// The from side of a change sets no running year: the sentence is
	// about where the change ended.
	{"context-year", "Jixi's parks went from 30 in 2019 to 40 in 2021.\n\nIts farms rose from 25 last year to 32.\n\nJixi also had 12 museums.", "12", "year=2021"},
	{"context-year", "Jixi's parks went from 30 in 2019 to 40 in 2021.\n\nIn 2020, its farms numbered 32.\n\nJixi also had 12 museums.", "12", "year=2020"},
	{"publication-year", "Daqing's hotels sold 40,000 rooms, the most since the 2015 season.", "40,000", "year=2021"},
	{"clause-year", "Daqing's hotels sold 40,000 rooms in the 2015 season.", "40,000", "year=2015"},
	{"relative-year", "Last year, Daqing had 40 parks.", "40", "year=2020"},
	{"clause-period", "In the first quarter of 2020, Daqing's GDP grew 5 percent.", "5", "period=Q1"},
	{"clause-period", "From January to September, exports in Jixi rose 5 percent year-on-year in 2020.", "5", "period=Q1-Q3 by=period:clause-period"},
	{"clause-period", "In September, exports in Jixi rose 5 percent in 2020, up from 3 percent in January.", "5", "period=M9"},
	{"context-period", "In the first half of 2020, Daqing's GDP grew 5 percent. Exports rose 3 percent.", "3", "period=H1 by=period:context-period"},
	{"context-period", "In the first half of 2020, Daqing's GDP grew 5 percent. Last year, exports rose 3 percent.", "3", "period=year"},
	{"context-period", "The drop in Daqing's output in the first half of 2020 narrowed from minus 5 percent in Q1 to minus 2 percent. Its exports rose 3 percent.", "3", "period=H1"},
	{"context-period", "Daqing's output fell 5 percent in the first half of 2020 and 2 percent in Q1. Its exports rose 3 percent.", "3", "period=Q1"},
	{"stock", "In the first half of 2020, output grew 5 percent. By the end of June, 170 projects had started.", "170", "period=year"},
	{"event", "The Harbin Trade Fair drew 5,000 visitors in 2020.", "5,000", "period=span"},
	// An opening "On the ... day" frames every clause of the sentence.
	{"on-the-day", "On the day before the fair opened, the airport of Jixi served 36,000 passengers and 269 flights.", "269", "period=span by=period:on-the-day"},
	{"on-the-day", "The day before the fair opened was busy. The airport of Jixi served 36,000 passengers and 269 flights.", "269", "period=year"},
	{"on-the-day", "On the first day of 2020, the airport served 36,000 passengers.", "36,000", "period=span"},
	{"day-range", "From Jan 1 to 16, 2020, the airport served 600,000 passengers.", "600,000", "period=span"},

	// Status: plan from the modality of the figure's own verb.
	{"future-auxiliary", "Daqing will build 300 stations in 2022.", "300", "status=plan"},
	{"future-auxiliary", "Daqing built 300 stations in 2020.", "300", "status=actual"},
	{"plan-verb", "Daqing plans to build 300 stations in 2022.", "300", "status=plan"},
	{"move-start", "Jixi plans to cut coal output by 1 million tonnes annually from 9 million tonnes in 2020 to 5 million tonnes in 2025.", "9 million", "status=actual year=2020 by=status:move-start"},
	{"move-start", "Jixi plans to cut coal output by 1 million tonnes annually from 9 million tonnes in 2022 to 5 million tonnes in 2025.", "9 million", "status=plan year=2022"},
	{"plan-noun", "Daqing set a GDP growth target of 6 percent for 2022.", "6", "status=plan"},
	{"planned-modifier", "The planned investment for 2022 stands at 15 billion yuan.", "15 billion", "status=plan"},
	{"infinitive", "To back 18 projects, Daqing put 8 million yuan into them in 2020.", "18", "status=actual"},
	{"deadline", "Daqing aims at 300 stations by 2025.", "300", "status=plan"},
}

func TestRules(t *testing.T) {
	pub := time.Date(2021, 4, 29, 0, 0, 0, 0, time.UTC)
	for _, c := range ruleCases {
		t.Run(c.rule, func(t *testing.T) {
			text := "Harbin economy report\n\n" + c.body + "\n"
			a := document.Article{Source: "case.txt", Title: "Harbin economy report", Published: pub, Text: text,
				Body: document.Span{Start: len("Harbin economy report\n\n"), End: len(text) - 1}}
			a.Paras = []document.Span{a.Body}
			res := Extract(a, Options{Trace: true})
			checkCase(t, c.body, text, a.Body.Start, c.num, c.want, res)
		})
	}
}

// checkCase checks the fact (or the drop) of number num, the first at or
// after offset from in text, against want: space-separated checks
// "entity=Jixi", "metric~parks,growth", "metric!hotels", "entity!X",
// "year=", "period=", "status=", "qualifier=", "unit=", "value=",
// "by=ATTR:rule", "dropped=reason", "none".
func checkCase(t *testing.T, label, text string, from int, num, want string, res Result) {
	t.Helper()
	at := numberAt(text, from, num)
	if at < 0 {
		t.Fatalf("case text has no %q", num)
	}
	fi := -1
	for i, f := range res.Facts {
		if f.Start <= at && at < f.End {
			fi = i
			break
		}
	}
	var dropped string
	for _, d := range res.Dropped {
		if d.Start <= at && at < d.End {
			dropped = d.Reason
		}
	}
	for _, check := range strings.Fields(want) {
		k, v, _ := strings.Cut(check, "=")
		switch {
		case check == "none":
			if fi >= 0 {
				t.Errorf("%q: %q became a fact: %+v", label, num, res.Facts[fi])
			}
			continue
		case k == "dropped":
			if v = strings.ReplaceAll(v, "_", " "); fi >= 0 || dropped != v {
				t.Errorf("%q: %q: want dropped by %s, got dropped %q (fact %v)", label, num, v, dropped, fi >= 0)
			}
			continue
		}
		if fi < 0 {
			t.Fatalf("%q: %q is no fact (dropped: %q); want %s", label, num, dropped, want)
		}
		f, tr := res.Facts[fi], res.Traces[fi]
		mk, mv, neg := check, "", false
		if a, b, ok := strings.Cut(check, "~"); ok {
			mk, mv = a, b
		} else if a, b, ok := strings.Cut(check, "!"); ok {
			mk, mv, neg = a, b, true
		}
		got := ""
		switch {
		case mk == "entity" && neg:
			if f.Entity == strings.ReplaceAll(mv, "_", " ") {
				t.Errorf("%q: %q: entity is %q", label, num, f.Entity)
			}
			continue
		case mk == "metric":
			words := "_" + f.Metric + "_"
			for _, w := range strings.Split(mv, ",") {
				if has := strings.Contains(words, "_"+w+"_"); has == neg {
					t.Errorf("%q: %q: metric %q, want %s", label, num, f.Metric, check)
				}
			}
			continue
		case k == "entity":
			got, v = f.Entity, strings.ReplaceAll(v, "_", " ")
		case k == "year":
			got = itoa(f.Year)
		case k == "period":
			got = f.Period.String()
		case k == "status":
			got = f.Status.String()
		case k == "qualifier":
			got = f.Qualifier.String()
		case k == "unit":
			got = f.Unit
		case k == "value":
			got = ftoa(f.Value)
		case k == "by":
			attr, rule, _ := strings.Cut(v, ":")
			got = map[string]string{"entity": tr.Entity, "metric": tr.Metric, "year": tr.Year, "period": tr.Period, "status": tr.Status, "change": tr.Change}[attr]
			v = strings.ReplaceAll(rule, "_", " ")
		default:
			t.Fatalf("bad check %q", check)
		}
		if got != v {
			t.Errorf("%q: %q: %s is %q, want %q (fact %+v, rules %+v)", label, num, k, got, v, f, tr)
		}
	}
}

// numberAt returns the offset of the first num in text after from that is
// not part of a longer number ("2" is not the 2 of "2020").
func numberAt(text string, from int, num string) int {
	for i := from; i < len(text); {
		k := strings.Index(text[i:], num)
		if k < 0 {
			return -1
		}
		k += i
		before := k == 0 || text[k-1] < '0' || text[k-1] > '9'
		e := k + len(num)
		after := e >= len(text) || text[e] < '0' || text[e] > '9'
		if before && after {
			return k
		}
		i = k + 1
	}
	return -1
}

func itoa(n int) string { return strconv.Itoa(n) }

func ftoa(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// TestEveryRuleTested: each entry of every rule table has minimal pairs
// of its own in ruleCases (or, for repairs, in TestRepairs).
func TestEveryRuleTested(t *testing.T) {
	tested := map[string]bool{}
	for _, c := range ruleCases {
		tested[c.rule] = true
	}
	for _, c := range repairCases {
		tested[c.repair] = true
	}
	for _, c := range tableCases {
		tested[c.rule] = true
	}
	for _, c := range givenTreeCases {
		tested[c.repair] = true
	}
	if len(nounConjunctCases) > 0 {
		tested["noun-conjunct"] = true
	}
	var names []string
	for _, r := range entityRules {
		names = append(names, r.name)
	}
	for _, r := range metricRules {
		names = append(names, r.name)
	}
	for _, r := range baseRules {
		names = append(names, r.name)
	}
	for _, r := range conjunctRules {
		names = append(names, r.name)
	}
	for _, r := range yearRules {
		names = append(names, r.name)
	}
	for _, r := range yearAdjustments {
		names = append(names, r.name)
	}
	for _, r := range periodRules {
		names = append(names, r.name)
	}
	for _, r := range statusRules {
		names = append(names, r.name)
	}
	for _, r := range changeRules {
		names = append(names, r.name)
	}
	for _, r := range skipRules {
		names = append(names, r.name)
	}
	for _, r := range repairs {
		names = append(names, r.name)
	}
	for _, r := range tableEntityRules {
		names = append(names, r.name)
	}
	for _, r := range unitMetricRules {
		names = append(names, r.name)
	}
	for _, r := range rowMetricRules {
		names = append(names, r.name)
	}
	for _, r := range columnTimeRules {
		names = append(names, r.name)
	}
	for _, r := range changeColumnRules {
		names = append(names, r.name)
	}
	for _, r := range columnStatusRules {
		names = append(names, r.name)
	}
	for _, n := range names {
		if !tested[n] {
			t.Errorf("rule %q has no cases", n)
		}
	}
}

// TestDesignListsRules holds DESIGN.md's table of rule tables to the code:
// each table's row lists its entries in the order they are tried.
func TestDesignListsRules(t *testing.T) {
	design, err := os.ReadFile("../../DESIGN.md")
	if err != nil {
		t.Fatalf("read DESIGN.md: %v", err)
	}
	names := func(n int, name func(int) string) string {
		var out []string
		for i := 0; i < n; i++ {
			out = append(out, name(i))
		}
		return strings.Join(out, ", ")
	}
	rows := []struct{ table, entries string }{
		{"`skipRules` (figure.go)", names(len(skipRules), func(i int) string { return skipRules[i].name })},
		{"`changeRules` (relation.go)", names(len(changeRules), func(i int) string { return changeRules[i].name })},
		{"`conjunctRules`, `metricRules` (metric.go)", names(len(conjunctRules), func(i int) string { return conjunctRules[i].name }) + "; " + names(len(metricRules), func(i int) string { return metricRules[i].name })},
		{"`baseRules` (metric.go)", names(len(baseRules), func(i int) string { return baseRules[i].name })},
		{"`unitMetricRules` (metric.go)", names(len(unitMetricRules), func(i int) string { return unitMetricRules[i].name })},
		{"`entityRules` (entity.go)", names(len(entityRules), func(i int) string { return entityRules[i].name })},
		{"`yearRules`, `yearAdjustments` (time.go)", names(len(yearRules), func(i int) string { return yearRules[i].name }) + "; " + names(len(yearAdjustments), func(i int) string { return yearAdjustments[i].name })},
		{"`periodRules` (time.go)", names(len(periodRules), func(i int) string { return periodRules[i].name })},
		{"`statusRules` (status.go)", names(len(statusRules), func(i int) string { return statusRules[i].name })},
		{"`repairs` (repair.go)", names(len(repairs), func(i int) string { return repairs[i].name })},
		{"`tableEntityRules` (entity.go)", names(len(tableEntityRules), func(i int) string { return tableEntityRules[i].name })},
		{"`rowMetricRules` (metric.go)", names(len(rowMetricRules), func(i int) string { return rowMetricRules[i].name })},
		{"`columnTimeRules` (time.go)", names(len(columnTimeRules), func(i int) string { return columnTimeRules[i].name })},
		{"`changeColumnRules` (relation.go)", names(len(changeColumnRules), func(i int) string { return changeColumnRules[i].name })},
		{"`columnStatusRules` (status.go)", names(len(columnStatusRules), func(i int) string { return columnStatusRules[i].name })},
	}
	for _, r := range rows {
		var line string
		for _, l := range strings.Split(string(design), "\n") {
			if strings.HasPrefix(l, "| "+r.table+" |") {
				line = l
			}
		}
		if line == "" {
			t.Errorf("DESIGN.md has no row for %s", r.table)
			continue
		}
		cells := strings.Split(line, " | ")
		if got := strings.TrimSuffix(cells[len(cells)-1], " |"); got != r.entries {
			t.Errorf("DESIGN.md's row for %s lists\n\t%s\nthe code has\n\t%s", r.table, got, r.entries)
		}
	}
}
