// Package pipeline wires the stages of an ingest run: it walks the local
// inputs and lets a corpus/fetch.Fetcher bring the remote ones, reads,
// cleans and extracts documents on a fixed number of workers, and hands the
// results to exactly one goroutine that owns the index writer. Crosscheck
// then runs the cross-source analysis over the index.
//
// Input: locations (files, directories, "-" for standard input, http(s)
// URLs, feeds, sitemaps, WARC files and @FILE lists of any of these), an
// *extract.Extractor and an open *index.Index. Output: a *Report that
// tallies what happened to every document. Fetched pages are acknowledged
// to the fetcher only after the batch holding them is in the index.
//
// Two classes of error are kept apart. A bad document (unreadable path,
// binary or empty file, invalid or contentless markup, over the size limit)
// is data: it is recorded in Report.Failures with its location and reason,
// and the run goes on. A broken run (an index write fails, the walk itself
// fails, the context is cancelled) stops every stage and Run returns the
// error. On cancellation the writer stops taking documents, flushes the
// documents it has already accepted, and Run returns the report (marked
// Interrupted) together with the context's error: every document counted
// as added or replaced is in the index with all its claims.
//
// Stages talk over small bounded channels, so a slow writer holds back the
// workers and a slow extractor holds back the walker (backpressure). Run
// itself is safe to call from several goroutines on different indexes;
// two concurrent runs on one index are not supported (the index has one
// writer).
package pipeline
