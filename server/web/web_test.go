package web

import (
	"bytes"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"path"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func get(t *testing.T, h http.Handler, method, target string) *http.Response {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(method, target, nil))
	return rec.Result()
}

func embedded(t *testing.T) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := fs.WalkDir(Static(), ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(Static(), name)
		out[name] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(out) == 0 {
		t.Fatal("no embedded files")
	}
	return out
}

func TestServesEmbeddedFiles(t *testing.T) {
	h := Handler()
	want := map[string]string{
		".html": "text/html; charset=utf-8",
		".css":  "text/css; charset=utf-8",
		".js":   "text/javascript; charset=utf-8",
		".svg":  "image/svg+xml",
	}
	files := embedded(t)
	for name, body := range files {
		ctype, ok := want[path.Ext(name)]
		if !ok {
			t.Errorf("%s: embedded, but no content type is known for it, so it is never served", name)
			continue
		}
		res := get(t, h, http.MethodGet, "/"+name)
		got, _ := io.ReadAll(res.Body)
		if res.StatusCode != http.StatusOK {
			t.Errorf("GET /%s: status %d", name, res.StatusCode)
		}
		if c := res.Header.Get("Content-Type"); c != ctype {
			t.Errorf("GET /%s: Content-Type %q, want %q", name, c, ctype)
		}
		if !bytes.Equal(got, body) {
			t.Errorf("GET /%s: body differs from the embedded file", name)
		}
		if res.Header.Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("GET /%s: no X-Content-Type-Options: nosniff", name)
		}
		if !strings.Contains(res.Header.Get("Content-Security-Policy"), "default-src 'none'") {
			t.Errorf("GET /%s: Content-Security-Policy %q", name, res.Header.Get("Content-Security-Policy"))
		}
	}

	res := get(t, h, http.MethodGet, "/")
	root, _ := io.ReadAll(res.Body)
	if res.StatusCode != http.StatusOK || !bytes.Equal(root, files["index.html"]) {
		t.Errorf("GET /: status %d, want index.html", res.StatusCode)
	}
	if res := get(t, h, http.MethodHead, "/app.js"); res.StatusCode != http.StatusOK {
		t.Errorf("HEAD /app.js: status %d", res.StatusCode)
	}
	// A second request with the ETag is answered without the body.
	req := httptest.NewRequest(http.MethodGet, "/app.css", nil)
	req.Header.Set("If-None-Match", get(t, h, http.MethodGet, "/app.css").Header.Get("ETag"))
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != http.StatusNotModified {
		t.Errorf("GET /app.css with its ETag: status %d, want 304", rec.Code)
	}
}

func TestRefusesOtherPaths(t *testing.T) {
	h := Handler()
	for _, tc := range []struct {
		method, target string
		status         int
	}{
		{http.MethodGet, "/static/", http.StatusNotFound},
		{http.MethodGet, "/static/app.js", http.StatusNotFound},
		{http.MethodGet, "/nope.js", http.StatusNotFound},
		{http.MethodGet, "/app.js/", http.StatusNotFound},
		{http.MethodGet, "/../web.go", http.StatusNotFound},
		{http.MethodGet, "/web.go", http.StatusNotFound},
		{http.MethodPost, "/", http.StatusMethodNotAllowed},
		{http.MethodDelete, "/app.js", http.StatusMethodNotAllowed},
	} {
		if res := get(t, h, tc.method, tc.target); res.StatusCode != tc.status {
			t.Errorf("%s %s: status %d, want %d", tc.method, tc.target, res.StatusCode, tc.status)
		}
	}
}

// TestIndexReferencesOnlyEmbeddedFiles checks that every script, style
// sheet, icon and image index.html loads is one of the embedded files, so
// the page works offline.
func TestIndexReferencesOnlyEmbeddedFiles(t *testing.T) {
	files := embedded(t)
	doc, err := html.Parse(bytes.NewReader(files["index.html"]))
	if err != nil {
		t.Fatal(err)
	}
	loads := 0
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			for _, a := range n.Attr {
				if a.Key != "src" && a.Key != "href" {
					continue
				}
				v := a.Val
				// Links to views of the page and to the API are not loads.
				if n.Data == "a" && (strings.HasPrefix(v, "#") || strings.HasPrefix(v, "/api/")) {
					continue
				}
				loads++
				if _, ok := files[strings.TrimPrefix(v, "/")]; !ok {
					t.Errorf("<%s %s=%q>: not an embedded file", n.Data, a.Key, v)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	if loads < 3 {
		t.Errorf("index.html loads %d files; want at least the script, the style sheet and the icon", loads)
	}
}

// urlPattern finds absolute and scheme-relative URLs. Escaped slashes in a
// JavaScript regular expression (https?:\/\/) do not match.
var urlPattern = regexp.MustCompile(`(?i)(?:[a-z][a-z0-9+.-]*:)?//[a-z0-9-]+(?:\.[a-z0-9-]+)+`)

// allowedURL is what may appear in a file without being fetched: the SVG
// namespace, and the reserved example domains in placeholders and help.
func allowedURL(u string) bool {
	u = strings.ToLower(u)
	return u == "http://www.w3.org" || strings.HasSuffix(u, "//example.com") ||
		strings.HasSuffix(u, "//example.org") || strings.HasSuffix(u, "//example.net")
}

func TestNoExternalURLs(t *testing.T) {
	for name, body := range embedded(t) {
		for _, u := range urlPattern.FindAllString(string(body), -1) {
			if !allowedURL(u) {
				t.Errorf("%s: external URL %q; the page must work offline", name, u)
			}
		}
		if ext := path.Ext(name); ext == ".css" && (bytes.Contains(body, []byte("@import")) || regexp.MustCompile(`url\(\s*['"]?[^'")\s]*:`).Match(body)) {
			t.Errorf("%s: imports or loads a URL", name)
		}
	}
}

// TestScriptWritesNoMarkup keeps untrusted text out of the HTML parser: the
// script builds every node with createElement and textContent.
func TestScriptWritesNoMarkup(t *testing.T) {
	files := embedded(t)
	for name, body := range files {
		if path.Ext(name) != ".js" {
			continue
		}
		for _, bad := range []string{"innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"} {
			if bytes.Contains(body, []byte(bad)) {
				t.Errorf("%s uses %s", name, bad)
			}
		}
	}
	if bytes.Contains(files["index.html"], []byte("<script>")) || bytes.Contains(files["index.html"], []byte(" style=")) {
		t.Error("index.html has inline script or style, which the Content-Security-Policy forbids")
	}
}
