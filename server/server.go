package server

import (
	"context"
	"crypto/subtle"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"runtime/debug"
	"strings"
	"sync/atomic"
	"time"

	"github.com/claimdex/claimdex/api"
	"github.com/claimdex/claimdex/corpus/fetch"
	"github.com/claimdex/claimdex/extract"
	"github.com/claimdex/claimdex/index"
	"github.com/claimdex/claimdex/server/web"
)

// Bounds on requests (docs/api.md, docs/limits.md).
const (
	MaxQueryBytes     = 8 << 10 // a request's query string
	MaxJSONBody       = 1 << 20 // POST /api/ingest as JSON
	MaxUploadBody     = 1 << 30 // POST /api/ingest as multipart, all files
	MaxURLs           = 10000   // URLs in one ingest request
	MaxQueuedJobs     = 100     // jobs waiting
	DefaultHandlerTTL = 30 * time.Second
)

// Config sets up a Server.
type Config struct {
	// Dir is the index directory (jobs and uploads are kept inside it).
	Dir string
	// Token, when set, is required as a bearer token on every request.
	Token string
	// AllowPrivate lets API ingest jobs fetch pages on private, loopback
	// and link-local addresses.
	AllowPrivate bool
	// Fetch is the fetcher configuration jobs start from (politeness,
	// limits); its StatePath is set to the index's fetch state.
	Fetch fetch.Config
	// Workers, BatchSize, MaxClaims are passed to each ingest job.
	Workers, BatchSize, MaxClaims int
	// Watch is a list of feeds, sitemaps and URLs (an @FILE list) polled
	// every Every; empty: no polling.
	Watch string
	Every time.Duration
	// HandlerTimeout bounds every handler but the export stream; 0 means
	// DefaultHandlerTTL.
	HandlerTimeout time.Duration
	Logger         *slog.Logger
}

// Server answers the HTTP API over one open index and runs its ingest
// jobs, one at a time, beside the searches.
type Server struct {
	cfg     Config
	ix      *index.Index
	x       *extract.Extractor
	log     *slog.Logger
	jobs    *jobs
	metrics *metrics
	routes  []route
	handler http.Handler

	stopping atomic.Bool
}

// New returns a server over ix, whose jobs extract claims with x. Call Run
// (or Start and Stop) to run its jobs.
func New(cfg Config, ix *index.Index, x *extract.Extractor) (*Server, error) {
	if cfg.HandlerTimeout <= 0 {
		cfg.HandlerTimeout = DefaultHandlerTTL
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	s := &Server{cfg: cfg, ix: ix, x: x, log: cfg.Logger}
	s.metrics = newMetrics(s)
	j, err := openJobs(s)
	if err != nil {
		return nil, err
	}
	s.jobs = j
	s.routes = s.routeTable()
	s.handler = s.buildHandler()
	return s, nil
}

// route is one endpoint: its method, its ServeMux pattern, the query
// parameters it accepts, and its handler. The table is what the OpenAPI
// test compares with docs/openapi.yaml.
type route struct {
	method, pattern string
	params          []string
	stream          bool // no overall timeout (export)
	h               func(w http.ResponseWriter, r *http.Request, p params) error
}

func (s *Server) routeTable() []route {
	searchParams := append(append([]string{}, filterParams...), "limit", "offset", "facets", "explain")
	exportParams := append(append([]string{}, filterParams...), "format")
	return []route{
		{method: "GET", pattern: "/healthz", h: s.health},
		{method: "GET", pattern: "/metrics", h: s.metrics.serve},
		{method: "GET", pattern: "/api/search", params: searchParams, h: s.search},
		{method: "GET", pattern: "/api/export", params: exportParams, stream: true, h: s.export},
		{method: "GET", pattern: "/api/claims/{id}", h: s.claim},
		{method: "GET", pattern: "/api/documents/{doc_id}", h: s.document},
		{method: "GET", pattern: "/api/conflicts", params: []string{"kind", "limit", "offset"}, h: s.conflicts},
		{method: "POST", pattern: "/api/ingest", stream: true, h: s.ingest},
		{method: "GET", pattern: "/api/jobs", h: s.listJobs},
		{method: "GET", pattern: "/api/jobs/{id}", h: s.job},
	}
}

// Handler is the server's HTTP handler: the API, /healthz, /metrics and
// the web page at /.
func (s *Server) Handler() http.Handler { return s.handler }

func (s *Server) buildHandler() http.Handler {
	mux := http.NewServeMux()
	byPattern := map[string][]route{}
	var order []string
	for _, rt := range s.routes {
		if _, ok := byPattern[rt.pattern]; !ok {
			order = append(order, rt.pattern)
		}
		byPattern[rt.pattern] = append(byPattern[rt.pattern], rt)
	}
	for _, pattern := range order {
		rts := byPattern[pattern]
		mux.HandleFunc(pattern, func(w http.ResponseWriter, r *http.Request) {
			for _, rt := range rts {
				if rt.method == r.Method || (rt.method == "GET" && r.Method == "HEAD") {
					s.serveRoute(w, r, rt)
					return
				}
			}
			methods := make([]string, len(rts))
			for i, rt := range rts {
				methods[i] = rt.method
			}
			w.Header().Set("Allow", strings.Join(methods, ", "))
			s.writeError(w, r, errorf(http.StatusMethodNotAllowed, api.CodeMethodNotAllowed, "%s is not allowed on %s (allowed: %s)", r.Method, r.URL.Path, strings.Join(methods, ", ")))
		})
	}
	mux.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		s.writeError(w, r, errorf(http.StatusNotFound, api.CodeNotFound, "no API endpoint %s", r.URL.Path))
	})
	page := web.Handler()
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		if r.Method != "GET" && r.Method != "HEAD" {
			s.writeError(w, r, errorf(http.StatusMethodNotAllowed, api.CodeMethodNotAllowed, "%s is not allowed on %s", r.Method, r.URL.Path))
			return
		}
		page.ServeHTTP(w, r)
	})
	return s.guard(mux)
}

// guard applies what holds for every request: panics become 500s, the
// token is checked, the query string is bounded.
func (s *Server) guard(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if p := recover(); p != nil {
				if p == http.ErrAbortHandler {
					panic(p)
				}
				s.log.Error("handler panicked", "path", r.URL.Path, "panic", p, "stack", string(debug.Stack()))
				s.writeError(w, r, errorf(http.StatusInternalServerError, api.CodeInternal, "internal error (logged by the server)"))
			}
		}()
		w.Header().Set("X-Content-Type-Options", "nosniff")
		if !s.authorized(r) && !publicPage(r) {
			w.Header().Set("WWW-Authenticate", `Bearer realm="claimdex"`)
			s.writeError(w, r, errorf(http.StatusUnauthorized, api.CodeUnauthorized, "a bearer token is required (Authorization: Bearer TOKEN)"))
			return
		}
		if len(r.URL.RawQuery) > MaxQueryBytes {
			s.writeError(w, r, errorf(http.StatusRequestEntityTooLarge, api.CodeTooLarge, "query string of %d bytes, at most %d", len(r.URL.RawQuery), MaxQueryBytes))
			return
		}
		next.ServeHTTP(w, r)
	})
}

// publicPage reports a request for the web page's own files, which hold
// no data and are served without the token: a browser cannot send a
// bearer token when it opens a page, and the page sends it with every
// API request it makes.
func publicPage(r *http.Request) bool {
	if r.Method != "GET" && r.Method != "HEAD" {
		return false
	}
	p := r.URL.Path
	return !strings.HasPrefix(p, "/api/") && p != "/api" && p != "/healthz" && p != "/metrics"
}

// authorized checks the bearer token in constant time.
func (s *Server) authorized(r *http.Request) bool {
	if s.cfg.Token == "" {
		return true
	}
	got, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	return ok && subtle.ConstantTimeCompare([]byte(strings.TrimSpace(got)), []byte(s.cfg.Token)) == 1
}

// errDeadline is the cause of a handler's context when it ran too long.
var errDeadline = errors.New("handler deadline")

func (s *Server) serveRoute(w http.ResponseWriter, r *http.Request, rt route) {
	rec := &statusRecorder{ResponseWriter: w}
	defer func() { s.metrics.observe(rt.pattern, rec.status) }()
	p, aerr := readParams(r.URL.Query(), rt.params)
	if aerr != nil {
		s.writeError(rec, r, aerr)
		return
	}
	if !rt.stream {
		// A client that stops reading cannot hold the handler either.
		_ = http.NewResponseController(w).SetWriteDeadline(time.Now().Add(s.cfg.HandlerTimeout + 10*time.Second))
		ctx, cancel := context.WithTimeoutCause(r.Context(), s.cfg.HandlerTimeout, errDeadline)
		defer cancel()
		r = r.WithContext(ctx)
	}
	if err := rt.h(rec, r, p); err != nil {
		if context.Cause(r.Context()) == errDeadline {
			err = fmt.Errorf("%w: %w", errDeadline, err)
		}
		if rec.status != 0 {
			// The answer has begun: too late for an error status.
			s.log.Warn("request failed after the answer began", "path", r.URL.Path, "err", err)
			return
		}
		s.writeError(rec, r, err)
	}
}

// statusRecorder remembers the status written, for metrics and to know
// whether an error can still be answered.
type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (r *statusRecorder) WriteHeader(code int) {
	if r.status == 0 {
		r.status = code
	}
	r.ResponseWriter.WriteHeader(code)
}

func (r *statusRecorder) Write(b []byte) (int, error) {
	if r.status == 0 {
		r.status = http.StatusOK
	}
	return r.ResponseWriter.Write(b)
}

func (r *statusRecorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }
