module github.com/almanacdb/almanac

go 1.26.8
