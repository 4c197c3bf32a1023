package main

import (
	"errors"
	"fmt"
	"os"

	"github.com/claimdex/claimdex/index"
)

// openExisting opens the index at path for reading. Unlike index.Open it
// never creates one: searching a mistyped path must fail, not answer
// "nothing found" from a new empty index.
func openExisting(path string) (*index.Index, error) {
	fi, err := os.Stat(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("no index at %s (build one with 'claimdex ingest --index %s INPUT...')", path, path)
	}
	if err != nil {
		return nil, fmt.Errorf("open index: %w", err)
	}
	if !fi.IsDir() {
		return nil, fmt.Errorf("open index %s: not a directory", path)
	}
	entries, err := os.ReadDir(path)
	if err != nil {
		return nil, fmt.Errorf("open index: %w", err)
	}
	if len(entries) == 0 {
		return nil, fmt.Errorf("no index at %s: the directory is empty (build one with 'claimdex ingest --index %s INPUT...')", path, path)
	}
	ix, err := index.Open(path)
	if err != nil {
		return nil, err // it names the index
	}
	return ix, nil
}
