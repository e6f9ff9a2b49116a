package nlp

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestTokenize(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{"Output rose 8.5% to 1,180.5 units.", []string{"Output", "rose", "8.5", "%", "to", "1,180.5", "units", "."}},
		{"The city's year-on-year growth", []string{"The", "city", "'s", "year", "-", "on", "-", "year", "growth"}},
		{"It didn't stop; co-workers e-mailed.", []string{"It", "did", "n't", "stop", ";", "co-workers", "e-mailed", "."}},
		{"worth $58.75 billion (US$4.5 million)", []string{"worth", "$", "58.75", "billion", "(", "US$", "4.5", "million", ")"}},
		{"152.51 billion yuan($24.6 billion)", []string{"152.51", "billion", "yuan", "(", "$", "24.6", "billion", ")"}},
		{"Smith Co. Ltd. and the U.S. team", []string{"Smith", "Co.", "Ltd.", "and", "the", "U.S.", "team"}},
		{"“Quoted,” he said…", []string{"“", "Quoted", ",", "”", "he", "said", "…"}},
		{"a 16bn deal at 10am", []string{"a", "16", "bn", "deal", "at", "10", "am"}},
		{"revenue of RMB1.38bn and USD2 million, not RMBX1", []string{"revenue", "of", "RMB", "1.38", "bn", "and", "USD", "2", "million", ",", "not", "RMBX1"}},
		{"speeds of 350 km/h", []string{"speeds", "of", "350", "km/h"}},
		{"mail me@example.com.", []string{"mail", "me@example.com", "."}},
		{"the workers' union", []string{"the", "workers", "'", "union"}},
		{"between 2021-2025", []string{"between", "2021", "-", "2025"}},
		{"non\u00a0breaking space", []string{"non", "breaking", "space"}},
	} {
		toks := Tokenize(nil, tc.in, 0, len(tc.in))
		var got []string
		for _, tk := range toks {
			if tc.in[tk.Start:tk.End] != tk.Form {
				t.Errorf("%q: token %q has span %d-%d", tc.in, tk.Form, tk.Start, tk.End)
			}
			got = append(got, tk.Form)
		}
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("Tokenize(%q) (-want +got):\n%s", tc.in, diff)
		}
	}
}

func TestSplitSentences(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{"Sales rose. Profit fell!", []string{"Sales rose.", "Profit fell!"}},
		{"It opened on Dec. 3 in the city. It closed.", []string{"It opened on Dec. 3 in the city.", "It closed."}},
		{"He met Mr. Li today.", []string{"He met Mr. Li today."}},
		{"The deal went to Acme Co. The plant opened.", []string{"The deal went to Acme Co.", "The plant opened."}},
		{"Acme Co. Ltd. was paid.", []string{"Acme Co. Ltd. was paid."}},
		{"\"It works.\" She left.", []string{"\"It works.\"", "She left."}},
		{"Output was 3.5 percent. 2024 looks better.", []string{"Output was 3.5 percent.", "2024 looks better."}},
		{"no final stop here", []string{"no final stop here"}},
		{"wait... and then", []string{"wait... and then"}},
	} {
		toks := Tokenize(nil, tc.in, 0, len(tc.in))
		var got []string
		for _, s := range SplitSentences(nil, toks) {
			got = append(got, tc.in[toks[s.Start].Start:toks[s.End-1].End])
		}
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("SplitSentences(%q) (-want +got):\n%s", tc.in, diff)
		}
	}
}

func TestSplitSentencesCapsLength(t *testing.T) {
	var text []byte
	for i := 0; i < 1000; i++ {
		text = append(text, "word, "...)
	}
	toks := Tokenize(nil, string(text), 0, len(text))
	spans := SplitSentences(nil, toks)
	n := 0
	for i, s := range spans {
		if s.End-s.Start > MaxSentence {
			t.Fatalf("sentence %d has %d tokens", i, s.End-s.Start)
		}
		if s.Start != n {
			t.Fatalf("sentence %d starts at %d, want %d", i, s.Start, n)
		}
		n = s.End
	}
	if n != len(toks) {
		t.Fatalf("sentences cover %d of %d tokens", n, len(toks))
	}
}
