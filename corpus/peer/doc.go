// Package peer scores claimdex's main-text extraction next to
// go-trafilatura's on the same pages. It is a module of its own so that
// the peer library never enters claimdex's dependencies or binary; it has
// nothing but tests.
package peer
