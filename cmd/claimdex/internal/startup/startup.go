// Package startup holds the garbage collector back while the packages of
// claimdex initialise, and gives it back when the command starts.
//
// Initialising bleve, prose and the cleaner builds a few megabytes of
// tables and automata that all stay live: a collection in the middle of
// that finds nothing to free, and on two cores it cost about an eighth of
// the command's start-up (claimdex --version: 54.6 ms against 47.7 ms, the
// means of seven alternated perf stat runs of 30-40 starts each). Go
// initialises a package once its imports are, so this one, which needs
// only the runtime, runs before bleve's index and the extractor.
package startup

import "runtime/debug"

var gcPercent = debug.SetGCPercent(-1)

// Done gives the collector back the setting the environment asked for
// (GOGC, 100 by default). The command, and every test binary that
// imports it, calls it first thing.
func Done() { debug.SetGCPercent(gcPercent) }
