// Package extract turns a cleaned corpus.Document into claims: check-worthy
// units of text (sentences, quotes, list items, table rows, headlines) with
// the entities, dates, money amounts and quantities they mention, the
// speaker of quotes and reported speech, and a check-worthiness score.
//
// The finders (FindMoney, FindDates, FindQuantities) are pure functions of
// their text. An Extractor holds the read-only language models; create one
// with New and share it: it is safe for concurrent use.
//
// Mention offsets (Start, End) are byte offsets into the claim's Text; a
// claim's Offset is its byte span in the document's Text.
package extract
