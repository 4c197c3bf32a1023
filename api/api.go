// Package api is the wire form of claimdex serve's HTTP API (docs/api.md)
// and the client side of it: the search answer, the error answer, the
// claim filters as query parameters, the address file by which a client
// finds the server running for an index, and a Client.
//
// It imports neither Bleve nor prose nor the packages built on them, so
// that the search-only client (cmd/claimdex-search) links none of their
// initialisation; package server, which answers the API, uses these types
// for what it writes.
package api

import "time"

// AddrFile is written in the index directory while a server runs: how a
// client finds it.
const AddrFile = "serve.json"

// AddrRecord is the content of AddrFile. Token says whether one is
// needed, never what it is.
type AddrRecord struct {
	Addr    string    `json:"addr"`
	PID     int       `json:"pid"`
	Token   bool      `json:"token"`
	Started time.Time `json:"started"`
}

// Health is the JSON of /healthz.
type Health struct {
	Status  string         `json:"status"`
	Index   string         `json:"index"`
	PID     int            `json:"pid"`
	Version string         `json:"version"`
	Jobs    map[string]int `json:"jobs"`
}

// Error codes of the API: part of its contract (docs/api.md).
const (
	CodeBadParameter     = "bad_parameter"
	CodeBadQuery         = "bad_query"
	CodeBadBody          = "bad_body"
	CodeUnauthorized     = "unauthorized"
	CodeNotFound         = "not_found"
	CodeMethodNotAllowed = "method_not_allowed"
	CodeTooLarge         = "too_large"
	CodeUnsupportedMedia = "unsupported_media_type"
	CodeQueueFull        = "queue_full"
	CodeShuttingDown     = "shutting_down"
	CodeTimeout          = "timeout"
	CodeInternal         = "internal"
)

// Error is an error answered to the client: its status, stable code,
// message and the parameter at fault, if one is.
type Error struct {
	Status  int    `json:"-"`
	Code    string `json:"code"`
	Message string `json:"message"`
	Param   string `json:"param,omitempty"`
}

func (e *Error) Error() string { return e.Code + ": " + e.Message }

// ErrorBody is the JSON of every error answer.
type ErrorBody struct {
	Error Error `json:"error"`
}
