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
// (ErrBinary, ErrEmpty, ErrTooLarge, ErrNotText, ErrNoContent); the caller decides
// whether to go on. Nothing in this package panics on input or keeps state
// between calls: every function is safe for concurrent use.
package corpus
