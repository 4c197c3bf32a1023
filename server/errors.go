package server

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
)

// Error codes of the API: part of its contract (docs/api.md).
const (
	codeBadParameter     = "bad_parameter"
	codeBadQuery         = "bad_query"
	codeBadBody          = "bad_body"
	codeUnauthorized     = "unauthorized"
	codeNotFound         = "not_found"
	codeMethodNotAllowed = "method_not_allowed"
	codeTooLarge         = "too_large"
	codeUnsupportedMedia = "unsupported_media_type"
	codeQueueFull        = "queue_full"
	codeShuttingDown     = "shutting_down"
	codeTimeout          = "timeout"
	codeInternal         = "internal"
)

// apiError is an error answered to the client: its status, stable code,
// message and the parameter at fault, if one is.
type apiError struct {
	Status  int    `json:"-"`
	Code    string `json:"code"`
	Message string `json:"message"`
	Param   string `json:"param,omitempty"`
}

func (e *apiError) Error() string { return e.Code + ": " + e.Message }

func badParam(param, format string, args ...any) *apiError {
	return &apiError{Status: http.StatusBadRequest, Code: codeBadParameter, Param: param,
		Message: param + ": " + fmt.Sprintf(format, args...)}
}

func errorf(status int, code, format string, args ...any) *apiError {
	return &apiError{Status: status, Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorBody is the JSON of every error answer.
type ErrorBody struct {
	Error apiError `json:"error"`
}

// writeError answers err as JSON. An error that is not an *apiError is an
// internal one: logged, and answered without its details.
func (s *Server) writeError(w http.ResponseWriter, r *http.Request, err error) {
	var ae *apiError
	if !errors.As(err, &ae) {
		switch {
		case errors.Is(err, errDeadline):
			ae = errorf(http.StatusServiceUnavailable, codeTimeout, "the request took longer than %s", s.cfg.HandlerTimeout)
		default:
			s.log.Error("request failed", "method", r.Method, "path", r.URL.Path, "err", err)
			ae = errorf(http.StatusInternalServerError, codeInternal, "internal error (logged by the server)")
		}
	}
	writeJSON(w, ae.Status, ErrorBody{Error: *ae})
}

// writeJSON writes v as JSON with status, <, > and & as they are.
func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v) // a client gone is not our error
}
