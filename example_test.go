package almanac_test

import (
	"context"
	"fmt"
	"log"
	"os"
	"path/filepath"

	"github.com/almanacdb/almanac"
)

// sampleDB opens a new database in a temporary directory and ingests the
// sample articles bundled into the package. The caller removes dir.
func sampleDB(ctx context.Context) (db *almanac.DB, dir string) {
	dir, err := os.MkdirTemp("", "almanac-example")
	if err != nil {
		log.Fatal(err)
	}
	db, err = almanac.Open(filepath.Join(dir, "facts.db"), nil)
	if err != nil {
		log.Fatal(err)
	}
	if _, err := db.IngestFS(ctx, almanac.SampleArticles(), nil); err != nil {
		log.Fatal(err)
	}
	return db, dir
}

func ExampleDB_IngestFS() {
	ctx := context.Background()
	dir, err := os.MkdirTemp("", "almanac-example")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	db, err := almanac.Open(filepath.Join(dir, "facts.db"), nil)
	if err != nil {
		log.Fatal(err)
	}
	defer db.Close()

	sum, err := db.IngestFS(ctx, almanac.SampleArticles(), nil)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(sum.Added, "articles added")

	// Ingesting the same articles again adds nothing.
	sum, err = db.IngestFS(ctx, almanac.SampleArticles(), nil)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(sum.Added, "added,", sum.Duplicates, "duplicates")
	// Output:
	// 6 articles added
	// 0 added, 6 duplicates
}

func ExampleDB_Query() {
	ctx := context.Background()
	db, dir := sampleDB(ctx)
	defer os.RemoveAll(dir)
	defer db.Close()

	res, err := db.Query(ctx, `metric high_tech_enterprises where entity = Harbin and year = 2022 by year`)
	if err != nil {
		log.Fatal(err)
	}
	// A pivot's cells are reconciled figures.
	for f := range res.Figures() {
		fmt.Printf("%s had %.0f %s in %d\n", f.Entity, f.Value, f.Metric, f.Year)
	}
	// Output:
	// Harbin had 2603 high_tech_enterprises in 2022
}

func ExampleDB_Query_error() {
	ctx := context.Background()
	db, dir := sampleDB(ctx)
	defer os.RemoveAll(dir)
	defer db.Close()

	_, err := db.Query(ctx, "metric by year")
	fmt.Println(err)
	// Output:
	// 1:8: unexpected "by", expected a metric name
}

func ExampleResult_Write() {
	ctx := context.Background()
	db, dir := sampleDB(ctx)
	defer os.RemoveAll(dir)
	defer db.Close()

	res, err := db.Query(ctx, `metric high_tech_enterprises where entity = Harbin and year = 2022 by year`)
	if err != nil {
		log.Fatal(err)
	}
	if err := res.Write(os.Stdout, almanac.CSV, almanac.WriteOptions{}); err != nil {
		log.Fatal(err)
	}
	// Output:
	// entity,metric,year,period,value,unit,qualifier,status,sources,conflict,fact,facts
	// Harbin,high_tech_enterprises,2022,year,2603,count,exact,actual,1,false,27,27
}
