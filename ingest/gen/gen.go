package gen

import (
	"fmt"
	"iter"
	"os"
	"path/filepath"
	"time"
)

// Fact is one figure an article states, labelled as the annotation
// guidelines would label it.
type Fact struct {
	Entity    string  // the place the figure is about, as a proper name
	Metric    string  // snake_case from the noun phrase; a change in percent ends in "_growth"
	Year      int     // the year the figure describes
	Period    string  // "year", or the part of it: "Q1", "H1", "Q1-Q3"
	Value     float64 // scaled to units: "391.54 billion yuan" is 391540000000
	Unit      string  // "count", "percent", "CNY", "tonnes", "km", "m2", "hectares", "kWh", "MW", "m3"
	Qualifier string  // "exact", "approx", "min" or "max"
	Status    string  // "actual", or "plan" for targets and forecasts
	// Start and End are the byte offsets in Article.Text of the number as
	// written, without its scale word or unit ("391.54").
	Start, End int
}

// Article is one generated article.
type Article struct {
	Name      string    // its file name, "gen-000001.txt"
	Text      string    // the whole file, in the corpus layout
	Title     string    // the headline
	Published time.Time // UTC midnight of the "Updated" date
	// Facts are the figures of the body, in order. Converted amounts
	// ("($58.75 billion)") and the teasers' figures are not listed, as the
	// guidelines leave them optional.
	Facts []Fact
}

// Options configure a corpus. The zero value uses the built-in place
// list and the years 2000-2025.
type Options struct {
	// Places are the entities the articles are about. A name ending in
	// " District", " County", " Area" or " Zone" is referred back to as
	// such ("the district"); any other as a city. Nil means Places().
	Places []string
	// FirstYear and LastYear bound the years of the figures; zero means
	// 2000 and 2025. They are swapped if out of order.
	FirstYear, LastYear int
}

// Articles returns the first n articles of the corpus of seed, generated
// as they are consumed. See Options.Articles.
func Articles(seed int64, n int) iter.Seq[Article] {
	return Options{}.Articles(seed, n)
}

// Articles returns the first n articles of the corpus of seed: the
// articles numbered 1 to n, each the same as Article(seed, i) gives. The
// corpus of a seed is the same on every run and platform, and its first n
// articles do not depend on n.
func (o Options) Articles(seed int64, n int) iter.Seq[Article] {
	return func(yield func(Article) bool) {
		c := o.config()
		for i := 1; i <= n; i++ {
			if !yield(c.article(seed, i)) {
				return
			}
		}
	}
}

// Article returns article i (1-based) of the corpus of seed. Articles are
// independent of each other, so they may be generated in any order or in
// parallel.
func (o Options) Article(seed int64, i int) Article {
	return o.config().article(seed, i)
}

// WriteDir writes the first n articles of the corpus of seed to dir,
// which it creates if needed, as gen-000001.txt, gen-000002.txt, ...
// See Options.WriteDir.
func WriteDir(dir string, seed int64, n int) error {
	return Options{}.WriteDir(dir, seed, n)
}

// WriteDir writes the first n articles of the corpus of seed to dir,
// which it creates if needed, one file per article named as Article.Name.
// Existing files of the same names are replaced.
func (o Options) WriteDir(dir string, seed int64, n int) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("generate corpus: %w", err)
	}
	for a := range o.Articles(seed, n) {
		if err := os.WriteFile(filepath.Join(dir, a.Name), []byte(a.Text), 0o644); err != nil {
			return fmt.Errorf("generate corpus: %w", err)
		}
	}
	return nil
}

// AliasFile returns an alias file naming the built-in places: see
// Options.AliasFile.
func AliasFile() []byte { return Options{}.AliasFile() }

// AliasFile returns an alias file, in the format resolve.ParseAliases
// reads, that names every place of the corpus with its level
// ("Meinan = Meinan @city", "Longsong District = Longsong District
// @district"). The invented places are known to no built-in table, so an
// extractor can find their figures only once it has read this file.
func (o Options) AliasFile() []byte {
	b := []byte("# Places of the synthetic corpus (ingest/gen).\n")
	for _, p := range o.config().places {
		b = append(b, p.name...)
		b = append(b, " = "...)
		b = append(b, p.name...)
		b = append(b, " @"...)
		b = append(b, levelNames[p.kind]...)
		b = append(b, '\n')
	}
	return b
}

// levelNames are the resolve package's names of the places' levels;
// counties count as districts there.
var levelNames = map[placeKind]string{
	city: "city", district: "district", county: "district", zone: "area",
	province: "province", country: "country",
}

// config is Options resolved into the lists the writer draws from.
type config struct {
	places      []place
	byParent    map[string][]place // districts and counties of each city
	metrics     []metric
	first, last int
}

func (o Options) config() *config {
	c := &config{metrics: defaultMetrics(), first: o.FirstYear, last: o.LastYear}
	if c.first == 0 {
		c.first = 2000
	}
	if c.last == 0 {
		c.last = 2025
	}
	if c.first > c.last {
		c.first, c.last = c.last, c.first
	}
	if c.first == c.last {
		c.last++ // an annual article needs the year after its figures
	}
	if o.Places == nil {
		c.places = defaultPlaces()
	} else {
		for _, n := range o.Places {
			if n != "" {
				c.places = append(c.places, placeNamed(n, ""))
			}
		}
	}
	if len(c.places) == 0 {
		c.places = []place{{name: "Harbin", kind: city}}
	}
	c.byParent = make(map[string][]place)
	for _, p := range c.places {
		if p.parent != "" {
			c.byParent[p.parent] = append(c.byParent[p.parent], p)
		}
	}
	return c
}
