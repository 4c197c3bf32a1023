// Package web is the browser page of claimdex serve, mounted at "/".
// This placeholder serves nothing; the page replaces it.
package web

import "net/http"

// Handler serves the page and its static files.
func Handler() http.Handler {
	return http.NotFoundHandler()
}
