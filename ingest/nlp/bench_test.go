package nlp

import "testing"

// BenchmarkAnalyze tags and parses EWT dev with the embedded model, on
// gold tokens, as Evaluate times it.
func BenchmarkAnalyze(b *testing.B) {
	dev := loadUD(b, "dev")
	m, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	toks := make([][]Token, len(dev))
	ntok := 0
	for i, s := range dev {
		toks[i] = make([]Token, len(s.Words))
		for j, w := range s.Words {
			toks[i][j] = Token{Form: w.Form, Head: -1}
		}
		ntok += len(s.Words)
	}
	a := m.NewAnalyzer()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, t := range toks {
			a.Analyze(t)
		}
	}
	b.ReportMetric(float64(ntok*b.N)/b.Elapsed().Seconds(), "tok/s")
}
