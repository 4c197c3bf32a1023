// Package corpus turns raw inputs (files, directories, standard input) into
// clean documents: readable text split into structural blocks, plus the
// metadata a claim needs (title, source, authors, publication date).
//
// Input: bytes with a location (a path or URL as the user gave it).
// Output: a *Document whose Text is the blocks joined by blank lines, each
// Block carrying its byte offsets in Text, its kind and its section heading.
// Blocks that are page furniture rather than article content (tables of
// contents, engagement prompts, navigation, share bars) are kept but marked
// Boilerplate so that later stages can skip them and still show them.
//
// A bad input is reported as an error wrapping one of the sentinel errors
// (ErrBinary, ErrEmpty, ErrTooLarge, ErrNotText, ErrNoContent, ErrEncoding);
// the caller decides whether to go on. Nothing in this package panics on
// input or keeps state between calls: every function is safe for
// concurrent use.
//
// The HTML cleaner runs in stages, one file each: html.go (entry,
// decoding), meta.go (metadata), prune.go and hints.go (furniture removal
// by tag, role and class), score.go (choosing the article container),
// blocks.go and htmltable.go (blocks from the container), then
// boilerplate.go and engagement.go (furniture recognised by wording), which
// the text cleaner (text.go, textpost.go, table.go) shares. eval_test.go
// measures the whole on a benchmark of real pages.
package corpus
