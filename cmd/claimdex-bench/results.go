package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
)

// Results is everything one run measured; it is written as results.json.
type Results struct {
	Started   string       `json:"started"`
	CPUs      int          `json:"cpus"`
	Workers   int          `json:"workers"`
	GoVersion string       `json:"go_version"`
	Seed      uint64       `json:"seed"`
	GOGC      string       `json:"gogc"`
	ModelLoad float64      `json:"model_load_seconds"` // extract.New, once per ingest
	Sizes     []SizeResult `json:"sizes"`
	// Claims are the generated indexes (--claims), searched only.
	Claims []ClaimsResult `json:"claims,omitempty"`
}

// ClaimsResult is an index of generated claims and its search latencies.
type ClaimsResult struct {
	Claims             int       `json:"claims"`
	Seed               uint64    `json:"seed"`
	Reused             bool      `json:"reused,omitempty"` // built by an earlier run: no build figures
	Gen                GenStats  `json:"generated"`
	GenerateSeconds    float64   `json:"generate_seconds"`
	AnalysisSeconds    float64   `json:"analysis_seconds"`
	PeakRSSMB          float64   `json:"peak_rss_mb"` // of the build
	ConflictGroups     int       `json:"conflict_groups"`
	Annotated          int       `json:"annotated_claims"`
	Disputed           uint64    `json:"disputed_claims"`
	IndexBytes         int64     `json:"index_bytes"`
	IndexBytesPerClaim float64   `json:"index_bytes_per_claim"`
	Search             []Latency `json:"search"`
}

// SizeResult is the measurements at one corpus size.
type SizeResult struct {
	Docs        int          `json:"documents"`
	CorpusBytes int64        `json:"corpus_bytes"`
	Ingest      IngestResult `json:"ingest"`
	Baseline    Baseline     `json:"baseline"`
	Search      []Latency    `json:"search"`
	Export      Export       `json:"export"`
	SQLite      SQLiteInfo   `json:"sqlite"`
}

// IngestResult is one run of the pipeline over the corpus into a new
// index. Rates are over the ingest proper (Seconds); the cross-source
// analysis after it is Stages.Analysis, and TotalSeconds holds both.
type IngestResult struct {
	Docs               int     `json:"documents"`
	Claims             int     `json:"claims"`
	Duplicates         int     `json:"duplicates"`
	Conflicts          int     `json:"conflicts"`
	Words              int64   `json:"words"`
	Seconds            float64 `json:"seconds"`
	CPUSeconds         float64 `json:"cpu_seconds"` // of the whole process during the ingest, the analysis left out
	TotalSeconds       float64 `json:"total_seconds"`
	DocsPerSec         float64 `json:"docs_per_sec"`
	ClaimsPerSec       float64 `json:"claims_per_sec"`
	WordsPerSec        float64 `json:"words_per_sec"`
	PeakRSSMB          float64 `json:"peak_rss_mb"`
	IndexBytes         int64   `json:"index_bytes"`
	IndexBytesPerClaim float64 `json:"index_bytes_per_claim"`
	Stages             Stages  `json:"stage_seconds"`
}

// Stages are seconds per stage, summed over the goroutines running it.
type Stages struct {
	Read     float64 `json:"read"`
	Clean    float64 `json:"clean"`
	Extract  float64 `json:"extract"`
	Index    float64 `json:"index"`
	Analysis float64 `json:"analysis"`
}

// Baseline is prose's full pipeline over the same cleaned texts; Ratio is
// claimdex's ingest rate over prose's, in documents per second.
type Baseline struct {
	Docs         int     `json:"documents"`
	Seconds      float64 `json:"seconds"`
	CPUSeconds   float64 `json:"cpu_seconds"`
	DocsPerSec   float64 `json:"docs_per_sec"`
	TokensPerSec float64 `json:"tokens_per_sec"`
	Ratio        float64 `json:"claimdex_over_prose"`
	CPURatio     float64 `json:"claimdex_over_prose_per_cpu_second"`
}

// Latency is one query's percentiles in one setting.
type Latency struct {
	Query     string  `json:"query"`
	Where     string  `json:"where"` // in process, CLI, CLI via serve, search-only client via serve, HTTP, SQLite FTS5
	Hits      uint64  `json:"hits,omitempty"`
	Runs      int     `json:"runs"`
	P50ms     float64 `json:"p50_ms"`
	P99ms     float64 `json:"p99_ms"`
	PeakRSSMB float64 `json:"peak_rss_mb,omitempty"`
}

// Export is `claimdex export --format jsonl` of every claim.
type Export struct {
	Claims       int     `json:"claims"`
	Seconds      float64 `json:"seconds"`
	ClaimsPerSec float64 `json:"claims_per_sec"`
	PeakRSSMB    float64 `json:"peak_rss_mb"`
}

// SQLiteInfo is the SQLite database built for the comparison.
type SQLiteInfo struct {
	LoadSeconds float64 `json:"load_seconds"`
	Bytes       int64   `json:"bytes"`
}

func (r *Results) write(dir string) error {
	data, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, "results.json"), append(data, '\n'), 0o644); err != nil {
		return fmt.Errorf("write results: %w", err)
	}
	if err := os.WriteFile(filepath.Join(dir, "throughput.svg"), throughputSVG(r), 0o644); err != nil {
		return fmt.Errorf("write plot: %w", err)
	}
	if len(r.Sizes) > 0 {
		if err := os.WriteFile(filepath.Join(dir, "latency.svg"), latencySVG(r.Sizes[len(r.Sizes)-1]), 0o644); err != nil {
			return fmt.Errorf("write plot: %w", err)
		}
	}
	return nil
}

// markdown prints the tables: ingest per size, then latencies per size.
func (r *Results) markdown(w io.Writer) {
	fmt.Fprintf(w, "claimdex-bench: %d CPUs, %d workers, %s, GOGC %s, seed %d; model load %.2f s\n\n",
		r.CPUs, r.Workers, r.GoVersion, r.GOGC, r.Seed, r.ModelLoad)
	fmt.Fprintln(w, "| documents | claims | docs/s | words/s | claims/s | CPU s | x prose: wall (per CPU-s) | peak RSS | index B/claim | read / clean / extract / index s | analysis s | export claims/s (peak RSS) |")
	fmt.Fprintln(w, "|---:|---:|---:|---:|---:|---:|---|---:|---:|---|---:|---|")
	for _, s := range r.Sizes {
		in := s.Ingest
		fmt.Fprintf(w, "| %d | %d | %.1f | %.0f | %.0f | %.1f | %.2f (%.2f); prose %.1f docs/s over %d | %.0f MB | %.0f | %.1f / %.1f / %.1f / %.1f | %.1f | %.0f (%.0f MB) |\n",
			s.Docs, in.Claims, in.DocsPerSec, in.WordsPerSec, in.ClaimsPerSec, in.CPUSeconds, s.Baseline.Ratio, s.Baseline.CPURatio, s.Baseline.DocsPerSec, s.Baseline.Docs,
			in.PeakRSSMB, in.IndexBytesPerClaim, in.Stages.Read, in.Stages.Clean, in.Stages.Extract, in.Stages.Index,
			in.Stages.Analysis, s.Export.ClaimsPerSec, s.Export.PeakRSSMB)
	}
	for _, s := range r.Sizes {
		fmt.Fprintf(w, "\nSearch at %d documents, %d claims (ms, p50 / p99; hits in process):\n\n", s.Docs, s.Ingest.Claims)
		fmt.Fprintln(w, "| query | hits | in process | CLI (peak RSS) | SQLite FTS5 |")
		fmt.Fprintln(w, "|---|---:|---:|---:|---:|")
		for _, q := range queryNames(s.Search) {
			row := map[string]Latency{}
			for _, l := range s.Search {
				if l.Query == q {
					row[l.Where] = l
				}
			}
			fmt.Fprintf(w, "| %s | %d | %s | %s | %s |\n", q, row["in process"].Hits, cell(row, "in process"), cell(row, "CLI"), cell(row, "SQLite FTS5"))
		}
	}
}

// claimsMarkdown prints the build and the latencies of each generated
// index.
func (r *Results) claimsMarkdown(w io.Writer) {
	for _, c := range r.Claims {
		fmt.Fprintf(w, "\nGenerated index of %d claims (seed %d): ", c.Claims, c.Seed)
		if c.Reused {
			fmt.Fprintf(w, "reused from an earlier run; ")
		} else {
			fmt.Fprintf(w, "%d documents, %d events, %d sources; written in %.1f s, analysed in %.1f s (%d conflict groups, %d claims annotated), peak RSS %.0f MB; ",
				c.Gen.Docs, c.Gen.Events, c.Gen.Sources, c.GenerateSeconds, c.AnalysisSeconds, c.ConflictGroups, c.Annotated, c.PeakRSSMB)
		}
		fmt.Fprintf(w, "index %.0f MB (%.0f B/claim)\n\n", float64(c.IndexBytes)/1e6, c.IndexBytesPerClaim)
		fmt.Fprintln(w, "| query | hits | in process | CLI, opening the index (peak RSS) | CLI via serve | search-only client via serve | HTTP API |")
		fmt.Fprintln(w, "|---|---:|---:|---:|---:|---:|---:|")
		for _, q := range queryNames(c.Search) {
			row := map[string]Latency{}
			for _, l := range c.Search {
				if l.Query == q {
					row[l.Where] = l
				}
			}
			hits := "—"
			if l, ok := row["in process"]; ok {
				hits = strconv.FormatUint(l.Hits, 10)
			}
			fmt.Fprintf(w, "| %s | %s | %s | %s | %s | %s | %s |\n", q, hits,
				cell(row, "in process"), cell(row, whereCLI), cell(row, whereServe), cell(row, whereClient), cell(row, whereHTTP))
		}
	}
}

// cell is one setting's p50 / p99 (and peak RSS) for a table row.
func cell(row map[string]Latency, where string) string {
	l, ok := row[where]
	if !ok {
		return "—"
	}
	c := fmt.Sprintf("%.2f / %.2f", l.P50ms, l.P99ms)
	if l.PeakRSSMB > 0 {
		c += fmt.Sprintf(" (%.0f MB)", l.PeakRSSMB)
	}
	return c
}

func queryNames(search []Latency) []string {
	var names []string
	seen := map[string]bool{}
	for _, l := range search {
		if !seen[l.Query] {
			seen[l.Query] = true
			names = append(names, l.Query)
		}
	}
	return names
}
