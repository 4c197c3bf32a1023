// Package web serves the browser page of claimdex serve: plain HTML, CSS
// and JavaScript embedded in the binary, with no framework, no build step
// and nothing fetched from elsewhere, so the page works offline. The page
// talks only to the JSON API under /api/; every view lives in the URL's
// fragment (#/search?q=…), so one document, index.html, serves them all.
package web

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"io/fs"
	"net/http"
	"path"
	"strings"
	"time"
)

//go:embed static
var files embed.FS

// contentTypes names the type of every kind of file the page ships, so the
// answer does not depend on the host's MIME tables.
var contentTypes = map[string]string{
	".html": "text/html; charset=utf-8",
	".css":  "text/css; charset=utf-8",
	".js":   "text/javascript; charset=utf-8",
	".svg":  "image/svg+xml",
	".ico":  "image/x-icon",
}

// csp allows the page nothing but its own files and its own API: no inline
// script or style, no other origin, no framing.
const csp = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

type asset struct {
	body  []byte
	ctype string
	etag  string
}

// Static returns the embedded files, rooted where Handler serves them
// ("index.html", "app.js", ...).
func Static() fs.FS {
	sub, err := fs.Sub(files, "static")
	if err != nil {
		// "static" is a fixed, valid path inside an embed.FS.
		panic(err)
	}
	return sub
}

// Handler serves the page: index.html at "/" and each embedded file at its
// name. Any other path is 404; directories are never listed.
func Handler() http.Handler {
	assets := map[string]asset{}
	root := Static()
	// The embedded tree is fixed at build time, so walking it cannot fail
	// except on a broken build; such a file is simply not served.
	_ = fs.WalkDir(root, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		ctype, ok := contentTypes[path.Ext(name)]
		if !ok {
			return nil
		}
		body, err := fs.ReadFile(root, name)
		if err != nil {
			return nil
		}
		sum := sha256.Sum256(body)
		assets["/"+name] = asset{body: body, ctype: ctype, etag: `"` + hex.EncodeToString(sum[:8]) + `"`}
		return nil
	})
	assets["/"] = assets["/index.html"]
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		a, ok := assets[r.URL.Path]
		if !ok || strings.Contains(r.URL.Path, "..") {
			http.NotFound(w, r)
			return
		}
		h := w.Header()
		h.Set("Content-Type", a.ctype)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("Content-Security-Policy", csp)
		// Revalidate every time: a new binary must never be mixed with
		// the old binary's cached script.
		h.Set("Cache-Control", "no-cache")
		h.Set("ETag", a.etag)
		http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(a.body))
	})
}
