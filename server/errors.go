package server

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"

	"github.com/claimdex/claimdex/api"
)

// Error answers are api.Error, with the codes of package api (part of the
// contract, docs/api.md).

func badParam(param, format string, args ...any) *api.Error {
	return &api.Error{Status: http.StatusBadRequest, Code: api.CodeBadParameter, Param: param,
		Message: param + ": " + fmt.Sprintf(format, args...)}
}

func errorf(status int, code, format string, args ...any) *api.Error {
	return &api.Error{Status: status, Code: code, Message: fmt.Sprintf(format, args...)}
}

// writeError answers err as JSON. An error that is not an *api.Error is an
// internal one: logged, and answered without its details.
func (s *Server) writeError(w http.ResponseWriter, r *http.Request, err error) {
	var ae *api.Error
	if !errors.As(err, &ae) {
		switch {
		case errors.Is(err, errDeadline):
			ae = errorf(http.StatusServiceUnavailable, api.CodeTimeout, "the request took longer than %s", s.cfg.HandlerTimeout)
		default:
			s.log.Error("request failed", "method", r.Method, "path", r.URL.Path, "err", err)
			ae = errorf(http.StatusInternalServerError, api.CodeInternal, "internal error (logged by the server)")
		}
	}
	writeJSON(w, ae.Status, api.ErrorBody{Error: *ae})
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
