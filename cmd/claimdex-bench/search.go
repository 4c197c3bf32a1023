package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/claimdex/claimdex/index"
)

// query is one search of the benchmark, as a Query and as CLI flags.
type query struct {
	name string
	q    index.Query
	args []string
}

// matchText is the two-term match: words every kind of event uses, so
// that it has many hits at every size.
const matchText = "council budget"

// matchSource is the source filter, an outlet that covers about one event
// in six.
const matchSource = "The Valmora Herald"

func queries(entity string) []query {
	lo, hi := 1e9, 5e10
	return []query{
		{"match", index.Query{Text: matchText}, []string{matchText}},
		{"match+source", index.Query{Text: matchText, Sources: []string{matchSource}}, []string{"--source", matchSource, matchText}},
		{"amount+currency", index.Query{MinAmount: &lo, MaxAmount: &hi, Currencies: []string{"EUR"}},
			[]string{"--min-amount", "1e9", "--max-amount", "5e10", "--currency", "EUR"}},
		{"match+facets", index.Query{Text: matchText, Facets: true}, []string{"--facets", matchText}},
		{"facets (all claims)", index.Query{Facets: true}, []string{"--facets"}},
		{"entity", index.Query{Entities: []string{entity}}, []string{"--entity", entity}},
		{"conflicting", index.Query{Conflicting: true}, []string{"--conflicting"}},
	}
}

// searches measures each query in process (index opened once) and
// through the claimdex binary (which opens the index on every call), then
// a full export through the binary.
func searches(ctx context.Context, o options, ixDir string, sr *SizeResult) error {
	qs, lat, err := inProcess(ctx, ixDir, o.reps, o.cpuProfile, fmt.Sprintf("docs%d-", sr.Docs))
	if err != nil {
		return err
	}
	sr.Search = append(sr.Search, lat...)
	lat, err = throughCLI(ctx, o, o.searchCmd(), ixDir, qs, "CLI", true)
	if err != nil {
		return err
	}
	sr.Search = append(sr.Search, lat...)
	slog.Info("searched", "queries", len(lat))

	lines := &lineCounter{}
	exp := []string{"export", "--index", ixDir, "--format", "jsonl"}
	start := time.Now()
	if err := runCLI(ctx, o.claimdex, exp, lines); err != nil {
		return fmt.Errorf("claimdex export: %w", err)
	}
	el := time.Since(start).Seconds()
	rss, err := cliPeakRSS(ctx, o.claimdex, exp)
	if err != nil {
		return fmt.Errorf("claimdex export: %w", err)
	}
	sr.Export = Export{Claims: lines.n, Seconds: el, ClaimsPerSec: float64(lines.n) / el, PeakRSSMB: rss}
	slog.Info("exported", "claims", lines.n, "claims/s", fmt.Sprintf("%.0f", sr.Export.ClaimsPerSec), "peak_rss_mb", rss)
	return nil
}

// inProcess opens the index once and times each query reps times; it
// returns the queries (the entity filter chosen for this index) and
// their latencies. With profDir, each query then runs reps times more
// under the CPU profiler, into profDir/<prefix><query>.pprof.
func inProcess(ctx context.Context, ixDir string, reps int, profDir, prefix string) ([]query, []Latency, error) {
	ix, err := index.Open(ixDir)
	if err != nil {
		return nil, nil, err
	}
	defer func() {
		if ix != nil {
			ix.Close() // on an error: the error returned says more
		}
	}()
	// The entity filter asks for a name of middling frequency: the tenth
	// most frequent, so that it is neither every claim nor a handful.
	entity := ""
	fr, err := ix.Search(ctx, index.Query{Facets: true, Limit: 1})
	if err == nil && len(fr.Facets["entity"]) > 0 {
		es := fr.Facets["entity"]
		entity = es[min(9, len(es)-1)].Term
	}
	qs := queries(entity)
	var out []Latency
	for _, q := range qs {
		if err := ctx.Err(); err != nil {
			return nil, nil, err
		}
		var total uint64
		lat, err := repeat(reps, func() error {
			r, err := ix.Search(ctx, q.q)
			if err == nil {
				total = r.Total
			}
			return err
		})
		if err != nil {
			return nil, nil, fmt.Errorf("search %s: %w", q.name, err)
		}
		out = append(out, Latency{Query: q.name, Where: "in process", Hits: total, P50ms: pct(lat, 50), P99ms: pct(lat, 99), Runs: len(lat)})
		if profDir != "" {
			name := filepath.Join(profDir, prefix+strings.NewReplacer(" ", "-", "(", "", ")", "", "+", "-").Replace(q.name)+".pprof")
			if err := profile(name, reps, func() error { _, err := ix.Search(ctx, q.q); return err }); err != nil {
				return nil, nil, fmt.Errorf("profile %s: %w", q.name, err)
			}
		}
	}
	err = ix.Close()
	ix = nil
	if err != nil {
		return nil, nil, fmt.Errorf("close index: %w", err)
	}
	return qs, out, nil
}

// profile runs fn n times under the CPU profiler, writing the profile
// to name.
func profile(name string, n int, fn func() error) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	defer f.Close()
	if err := pprof.StartCPUProfile(f); err != nil {
		return err
	}
	for range n {
		if err := fn(); err != nil {
			pprof.StopCPUProfile()
			return err
		}
	}
	pprof.StopCPUProfile()
	return f.Close()
}

// searchCmd is claimdex search; clientCmd the search-only client, which
// takes the same flags.
func (o options) searchCmd() []string { return []string{o.claimdex, "search"} }
func (o options) clientCmd() []string { return []string{o.client} }

// throughCLI times each query through a search command (a binary and its
// first arguments), o.cliReps times, and with rss its peak resident set
// in one more run.
func throughCLI(ctx context.Context, o options, cmd []string, ixDir string, qs []query, where string, rss bool) ([]Latency, error) {
	var out []Latency
	for _, q := range qs {
		args := append(append(slices.Clone(cmd[1:]), "--index", ixDir, "--format", "json"), q.args...)
		lat, err := repeat(o.cliReps, func() error {
			return runCLI(ctx, cmd[0], args, io.Discard)
		})
		if err != nil {
			return nil, fmt.Errorf("%s %s: %w", filepath.Base(cmd[0]), q.name, err)
		}
		l := Latency{Query: q.name, Where: where, P50ms: pct(lat, 50), P99ms: pct(lat, 99), Runs: len(lat)}
		if rss {
			if l.PeakRSSMB, err = cliPeakRSS(ctx, cmd[0], args); err != nil {
				return nil, fmt.Errorf("%s %s: %w", filepath.Base(cmd[0]), q.name, err)
			}
		}
		out = append(out, l)
	}
	return out, nil
}

// repeat runs fn twice to warm up, then n times, and returns the
// latencies in milliseconds, sorted.
func repeat(n int, fn func() error) ([]float64, error) {
	for range 2 {
		if err := fn(); err != nil {
			return nil, err
		}
	}
	lat := make([]float64, 0, n)
	for range n {
		t := time.Now()
		if err := fn(); err != nil {
			return nil, err
		}
		lat = append(lat, float64(time.Since(t).Microseconds())/1000)
	}
	slices.Sort(lat)
	return lat, nil
}

// pct is the p-th percentile of sorted values (nearest rank).
func pct(sorted []float64, p float64) float64 {
	if len(sorted) == 0 {
		return 0
	}
	i := int(float64(len(sorted))*p/100+0.999999) - 1
	return sorted[max(0, min(i, len(sorted)-1))]
}

// runCLI runs a binary with its output to w.
func runCLI(ctx context.Context, bin string, args []string, w io.Writer) error {
	cmd := exec.CommandContext(ctx, bin, args...)
	bw := bufio.NewWriterSize(w, 1<<16)
	cmd.Stdout = bw
	var stderr limitedBuffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("%v: %w: %s", args, err, stderr.b)
	}
	return bw.Flush()
}

// cliPeakRSS runs the claimdex binary once more under /usr/bin/time and
// returns its peak resident set in MB. (The rusage of a child started
// from this process would count this process's own resident set, which
// the child shares until it execs.) 0 when /usr/bin/time is missing.
func cliPeakRSS(ctx context.Context, bin string, args []string) (float64, error) {
	if _, err := os.Stat("/usr/bin/time"); err != nil {
		return 0, nil
	}
	f, err := os.CreateTemp("", "claimdex-bench-rss-")
	if err != nil {
		return 0, err
	}
	f.Close()
	defer os.Remove(f.Name())
	if err := runCLI(ctx, "/usr/bin/time", append([]string{"-f", "%M", "-o", f.Name(), bin}, args...), io.Discard); err != nil {
		return 0, err
	}
	data, err := os.ReadFile(f.Name())
	if err != nil {
		return 0, err
	}
	kb, err := strconv.ParseFloat(strings.TrimSpace(string(data)), 64)
	if err != nil {
		return 0, fmt.Errorf("peak RSS from /usr/bin/time: %q", data)
	}
	return kb / 1024, nil
}

type limitedBuffer struct{ b []byte }

func (l *limitedBuffer) Write(p []byte) (int, error) {
	if len(l.b) < 4096 {
		l.b = append(l.b, p[:min(len(p), 4096-len(l.b))]...)
	}
	return len(p), nil
}

// lineCounter counts the lines written to it.
type lineCounter struct{ n int }

func (c *lineCounter) Write(p []byte) (int, error) {
	c.n += bytes.Count(p, []byte{'\n'})
	return len(p), nil
}
