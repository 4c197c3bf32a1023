// Package server is claimdex serve: one process that owns an index and
// answers the HTTP API of docs/api.md over it while ingest jobs write to
// it.
//
// Searches, exports and document reads use the index concurrently; ingest
// jobs (API submissions, uploads from the CLI, polls of a watch list) run
// one at a time through package pipeline, whose one writer goroutine
// flushes batches that every later search sees. Jobs are kept as files
// in the index directory, so a stop or a crash leaves them to be run
// again at the next start; the fetch state makes the second run skip
// what the first one wrote.
//
// The wire types it writes and the client side are package api's, which
// links neither Bleve nor prose; Client adds to api.Client the routes
// whose types are the server's (jobs, export, conflicts). The CLI finds
// a running server through the address file it writes in the index
// directory and goes through it.
package server
