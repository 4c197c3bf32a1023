package server

import (
	"context"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// metrics are the server's Prometheus metrics, in a registry of its own
// (several servers in one test process must not share one).
type metrics struct {
	reg           *prometheus.Registry
	searchLatency *prometheus.HistogramVec
	requests      *prometheus.CounterVec
	failures      *prometheus.CounterVec
	outcomes      *prometheus.CounterVec
	fetchQueue    prometheus.Gauge
	handler       http.Handler
}

func newMetrics(s *Server) *metrics {
	m := &metrics{reg: prometheus.NewRegistry()}
	m.searchLatency = prometheus.NewHistogramVec(prometheus.HistogramOpts{
		Name:    "claimdex_search_duration_seconds",
		Help:    "Time spent in the index answering searches, exports and conflict listings.",
		Buckets: []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10, 30},
	}, []string{"route"})
	m.requests = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "claimdex_http_requests_total", Help: "HTTP requests answered, by route and status.",
	}, []string{"route", "code"})
	m.failures = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "claimdex_ingest_failures_total", Help: "Documents that failed to ingest, by reason class.",
	}, []string{"reason"})
	m.outcomes = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "claimdex_ingest_documents_total", Help: "Documents handled by ingest jobs, by outcome.",
	}, []string{"outcome"})
	m.fetchQueue = prometheus.NewGauge(prometheus.GaugeOpts{
		Name: "claimdex_fetch_queue", Help: "Pages the running job has fetched and not yet written to the index.",
	})
	counts := func(which int) func() float64 {
		return func() float64 {
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			defer cancel()
			docs, claims, err := s.ix.Counts(ctx)
			if err != nil {
				return -1
			}
			if which == 0 {
				return float64(docs)
			}
			return float64(claims)
		}
	}
	jobsGauge := func(state string) prometheus.GaugeFunc {
		return prometheus.NewGaugeFunc(prometheus.GaugeOpts{
			Name: "claimdex_jobs", Help: "Ingest jobs by state.", ConstLabels: prometheus.Labels{"state": state},
		}, func() float64 { return float64(s.jobs.counts()[state]) })
	}
	m.reg.MustRegister(
		collectors.NewGoCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
		m.searchLatency, m.requests, m.failures, m.outcomes, m.fetchQueue,
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: "claimdex_documents", Help: "Documents in the index."}, counts(0)),
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: "claimdex_claims", Help: "Claims in the index."}, counts(1)),
		jobsGauge(stateQueued), jobsGauge(stateRunning),
	)
	for _, r := range failureClasses {
		m.failures.WithLabelValues(r.class)
	}
	m.handler = promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{})
	return m
}

func (m *metrics) serve(w http.ResponseWriter, r *http.Request, _ params) error {
	m.handler.ServeHTTP(w, r)
	return nil
}

func (m *metrics) observe(route string, status int) {
	if status == 0 {
		status = http.StatusOK
	}
	m.requests.WithLabelValues(route, strconv.Itoa(status)).Inc()
}

// failureClasses sort failure reasons into a few label values (a label
// per distinct message would grow without bound).
var failureClasses = []struct{ class, marker string }{
	{"private_address", "private address"},
	{"robots", "robots.txt"},
	{"too_large", "too large"},
	{"timeout", "timed out"},
	{"not_html", "not an HTML page"},
	{"http", "HTTP "},
	{"empty", "empty"},
	{"binary", "binary"},
	{"other", ""},
}

func failureClass(reason string) string {
	for _, c := range failureClasses {
		if strings.Contains(reason, c.marker) {
			return c.class
		}
	}
	return "other"
}
