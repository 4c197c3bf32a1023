// Package index stores claims in a Bleve index and searches them by claim
// text, source, entity, speaker, kind, date and amount.
//
// One Index is opened per directory. Reads (Search, Export, Doc) are safe
// for concurrent use; writes go through a Writer, which is owned by exactly
// one goroutine: it batches changes and applies each document's change
// (its record and all its claims) in one Bleve batch, so an interrupted run
// never leaves a document half-written.
package index
