package nlp

import (
	"bytes"
	_ "embed" // the trained model
	"fmt"
	"sync"
)

// The model trained on UD English-EWT (see model/README.md): CC BY-SA 4.0,
// as the treebank it was learnt from.
//
//go:embed model/en_ewt.bin
var embeddedModel []byte

var defaultModel = sync.OnceValues(func() (*Model, error) {
	m, err := ReadModel(bytes.NewReader(embeddedModel))
	if err != nil {
		return nil, fmt.Errorf("embedded model: %w", err)
	}
	return m, nil
})

// Default returns the model embedded in the binary, read on first use.
func Default() (*Model, error) { return defaultModel() }
