// Package index stores claims in a Bleve index and searches them by claim
// text, source, entity, speaker, kind, date and amount.
//
// One Index is opened per directory. Reads (Search, Export, Doc) are safe
// for concurrent use; writes go through a Writer, which is owned by exactly
// one goroutine: it batches changes and applies each document's change
// (its record and all its claims) in one Bleve batch, so an interrupted run
// never leaves a document half-written.
//
// Each claim is one Bleve document of type "claim" whose id is the claim
// id; it keeps the claim's JSON in a stored, unindexed field, so Search and
// Export return the claim exactly as it was put. Each ingested document is
// a Bleve document of type "doc" with id "doc:"+its id (see DocRecord).
//
// Query.Text is Bleve query-string syntax. Bare terms search the claim
// text (English analysis: "funds" finds "fund"); these fields can be named:
// text, title, section (analysed); kind, source, speaker, entity, person,
// org, gpe, loc, norp, date_value, currency, conflicts, doc_id, location
// (whole values: source:Northwire, person:"Lena Aufhauser"); amount, score,
// corroborations (numbers: amount:>=1000000000); dates, published (dates).
//
// Matched terms in Hit.Highlights are wrapped in HighlightStart and
// HighlightEnd ("**fund**").
package index
