package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"time"

	"github.com/claimdex/claimdex/api"
	"github.com/claimdex/claimdex/index"
	"github.com/claimdex/claimdex/pipeline"
)

// benchClaims builds an index of n generated claims (GenerateClaims, then
// the cross-source analysis, as an ingest ends) and times the searches on
// it: in process, through the CLI opening the index, and through the CLI
// and the HTTP API with `claimdex serve` running on the index.
func benchClaims(ctx context.Context, o options, n int) (*ClaimsResult, error) {
	dir := filepath.Join(o.work, fmt.Sprintf("claims%d", n))
	ixDir := filepath.Join(dir, "index")
	if !o.keep {
		defer os.RemoveAll(dir)
	}
	cr := &ClaimsResult{Claims: n, Seed: o.seed}
	if _, err := os.Stat(ixDir); err == nil && o.reuse {
		slog.Info("reusing the index", "dir", ixDir)
		cr.Reused = true
	} else if err := buildClaims(ctx, o, ixDir, cr); err != nil {
		return cr, err
	}
	size, err := dirSize(ixDir)
	if err != nil {
		return cr, err
	}
	cr.IndexBytes = size
	cr.IndexBytesPerClaim = float64(size) / float64(n)

	qs, lat, err := inProcess(ctx, ixDir, o.reps, o.cpuProfile, fmt.Sprintf("claims%d-", n))
	if err != nil {
		return cr, err
	}
	cr.Search = append(cr.Search, lat...)
	slog.Info("searched in process", "claims", n)
	if o.cliReps <= 0 {
		return cr, nil
	}
	// What every CLI call pays before it reads the index or asks a
	// server: starting the process and initialising its packages, for
	// claimdex and for the search-only client.
	for _, s := range []struct {
		cmd   []string
		where string
	}{{o.searchCmd(), whereCLI}, {o.clientCmd(), whereClient}} {
		start, err := repeat(o.cliReps, func() error {
			return runCLI(ctx, s.cmd[0], append(slices.Clone(s.cmd[1:]), "--help"), io.Discard)
		})
		if err != nil {
			return cr, err
		}
		cr.Search = append(cr.Search, Latency{Query: startOnly, Where: s.where, P50ms: pct(start, 50), P99ms: pct(start, 99), Runs: len(start)})
	}
	lat, err = throughCLI(ctx, o, o.searchCmd(), ixDir, qs, whereCLI, true)
	if err != nil {
		return cr, err
	}
	cr.Search = append(cr.Search, lat...)
	slog.Info("searched through the CLI", "claims", n)
	lat, err = throughServer(ctx, o, ixDir, qs)
	cr.Search = append(cr.Search, lat...)
	slog.Info("searched through a server", "claims", n)
	return cr, err
}

// startOnly names the CLI's start-up cost in the results: claimdex
// search --help, and claimdex-search --help in the client's column.
const startOnly = "process start (search --help)"

// Where the latencies were taken (Latency.Where) for the generated
// indexes.
const (
	whereCLI     = "CLI"
	whereServe   = "CLI via serve"
	whereClient  = "search-only client via serve"
	whereHTTP    = "HTTP"
	whereProcess = "in process"
)

// buildClaims writes the claims into a new index at ixDir and analyses
// them.
func buildClaims(ctx context.Context, o options, ixDir string, cr *ClaimsResult) error {
	if err := os.RemoveAll(ixDir); err != nil {
		return err
	}
	resetPeakRSS()
	ix, err := index.Open(ixDir)
	if err != nil {
		return err
	}
	start := time.Now()
	st, err := GenerateClaims(ctx, ix, o.seed, cr.Claims)
	cr.Gen, cr.GenerateSeconds = st, time.Since(start).Seconds()
	if err == nil {
		slog.Info("generated", "claims", st.Claims, "documents", st.Docs, "sources", st.Sources, "seconds", fmt.Sprintf("%.1f", cr.GenerateSeconds))
		var rep *pipeline.CrosscheckReport
		rep, err = pipeline.Crosscheck(ctx, ix, nil)
		if rep != nil {
			cr.AnalysisSeconds, cr.ConflictGroups, cr.Annotated = rep.Elapsed.Seconds(), rep.Conflicts, rep.Updated
		}
	}
	if err == nil {
		var r *index.Result
		if r, err = ix.Search(ctx, index.Query{Conflicting: true, Limit: 1}); err == nil {
			cr.Disputed = r.Total
		}
	}
	if cerr := ix.Close(); err == nil && cerr != nil {
		err = fmt.Errorf("close index: %w", cerr)
	}
	cr.PeakRSSMB = peakRSSMB()
	if err != nil {
		return fmt.Errorf("build %d claims: %w", cr.Claims, err)
	}
	slog.Info("analysed", "seconds", fmt.Sprintf("%.1f", cr.AnalysisSeconds), "conflict_groups", cr.ConflictGroups, "disputed_claims", cr.Disputed)
	return nil
}

// throughServer starts `claimdex serve` on the index and times each query
// through the CLI, which finds the server from the address file in the
// index directory and sends it the search, through the search-only client
// claimdex-search, which does the same without linking Bleve or prose,
// and through the HTTP API directly (one kept-alive connection, as the
// web page has), which is the server's part of the CLI's time.
func throughServer(ctx context.Context, o options, ixDir string, qs []query) (out []Latency, err error) {
	// A file left by a server that did not stop would be read as this
	// one's address.
	_ = os.Remove(filepath.Join(ixDir, api.AddrFile))
	srv := exec.CommandContext(ctx, o.claimdex, "serve", "--index", ixDir, "--addr", "127.0.0.1:0")
	var stderr limitedBuffer
	srv.Stderr = &stderr
	if err := srv.Start(); err != nil {
		return nil, fmt.Errorf("claimdex serve: %w", err)
	}
	exited := make(chan error, 1)
	go func() { exited <- srv.Wait() }()
	defer func() {
		_ = srv.Process.Signal(os.Interrupt)
		select {
		case <-exited:
		case <-time.After(30 * time.Second):
			_ = srv.Process.Kill()
			<-exited
		}
	}()
	addr, err := waitServer(ctx, ixDir, exited)
	if err != nil {
		return nil, fmt.Errorf("claimdex serve: %w: %s", err, stderr.b)
	}
	// The same command lines as without a server: the CLI finds it.
	if out, err = throughCLI(ctx, o, o.searchCmd(), ixDir, qs, whereServe, false); err != nil {
		return out, fmt.Errorf("through the server: %w", err)
	}
	lat, err := throughCLI(ctx, o, o.clientCmd(), ixDir, qs, whereClient, false)
	out = append(out, lat...)
	if err != nil {
		return out, fmt.Errorf("through the server: %w", err)
	}
	hc := &http.Client{}
	for _, q := range qs {
		u := "http://" + addr + "/api/search?" + apiValues(q.q).Encode()
		lat, err := repeat(o.reps, func() error { return get(ctx, hc, u) })
		if err != nil {
			return out, fmt.Errorf("HTTP search %s: %w", q.name, err)
		}
		out = append(out, Latency{Query: q.name, Where: whereHTTP, P50ms: pct(lat, 50), P99ms: pct(lat, 99), Runs: len(lat)})
	}
	return out, nil
}

// waitServer waits for the server to record its address in the index
// directory, which it does once it listens.
func waitServer(ctx context.Context, ixDir string, exited <-chan error) (string, error) {
	deadline := time.Now().Add(5 * time.Minute)
	for {
		if raw, err := os.ReadFile(filepath.Join(ixDir, api.AddrFile)); err == nil {
			var rec struct {
				Addr string `json:"addr"`
			}
			if json.Unmarshal(raw, &rec) == nil && rec.Addr != "" {
				return rec.Addr, nil
			}
		}
		select {
		case err := <-exited:
			return "", fmt.Errorf("exited before listening: %v", err)
		case <-ctx.Done():
			return "", ctx.Err()
		case <-time.After(50 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			return "", errors.New("no address recorded after 5 minutes")
		}
	}
}

// get fetches u and reads the whole answer, which must be 200.
func get(ctx context.Context, hc *http.Client, u string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return err
	}
	resp, err := hc.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if _, err := io.Copy(io.Discard, resp.Body); err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("GET %s: %s", u, resp.Status)
	}
	return nil
}

// apiValues are the API parameters of the fields the benchmark's queries
// set (docs/api.md), as the CLI sends them.
func apiValues(q index.Query) url.Values {
	v := api.Filter{Text: q.Text, Sources: q.Sources, Entities: q.Entities, Currencies: q.Currencies,
		MinAmount: q.MinAmount, MaxAmount: q.MaxAmount, Conflicting: q.Conflicting}.Values()
	v.Set("facets", strconv.FormatBool(q.Facets))
	return v
}
