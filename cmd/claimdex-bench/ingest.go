package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/jdkato/prose/v2"
	"golang.org/x/sync/errgroup"

	"github.com/claimdex/claimdex/corpus"
	"github.com/claimdex/claimdex/corpus/synth"
	"github.com/claimdex/claimdex/extract"
	"github.com/claimdex/claimdex/index"
	"github.com/claimdex/claimdex/pipeline"
)

// models are the extractor claimdex uses and the prose model the baseline
// uses, each loaded once and shared by every goroutine.
type models struct {
	x       *extract.Extractor
	prose   *prose.Model
	elapsed time.Duration // loading the extractor, as an ingest does
}

func loadModels() (*models, error) {
	start := time.Now()
	x, err := extract.New()
	if err != nil {
		return nil, fmt.Errorf("load extractor: %w", err)
	}
	elapsed := time.Since(start)
	warm, err := prose.NewDocument("Warm up.")
	if err != nil {
		return nil, fmt.Errorf("load prose model: %w", err)
	}
	return &models{x: x, prose: warm.Model, elapsed: elapsed}, nil
}

// buildCommand builds the binary of cmd/<name> of this checkout for the
// CLI figures.
func buildCommand(ctx context.Context, bin, name string) error {
	// Built in claimdex's own module, whose go.sum covers the command.
	out, err := exec.CommandContext(ctx, "go", "list", "-m", "-f", "{{.Dir}}", "github.com/claimdex/claimdex").Output()
	if err != nil {
		return fmt.Errorf("find the claimdex module (run from cmd/claimdex-bench, or give --claimdex and --client): %w", err)
	}
	cmd := exec.CommandContext(ctx, "go", "build", "-o", bin, "./cmd/"+name)
	cmd.Dir = strings.TrimSpace(string(out))
	cmd.Stderr = os.Stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("build %s: %w", name, err)
	}
	return nil
}

// generate writes the first n pages of the corpus of seed under dir, a
// thousand to a subdirectory.
func generate(dir string, seed uint64, n int) (bytes int64, err error) {
	for p := range synth.Pages(seed) {
		if p.Index == n {
			break
		}
		sub := filepath.Join(dir, fmt.Sprintf("%04d", p.Index/1000))
		if p.Index%1000 == 0 {
			if err := os.MkdirAll(sub, 0o755); err != nil {
				return bytes, fmt.Errorf("generate: %w", err)
			}
		}
		if err := os.WriteFile(filepath.Join(sub, p.Name), p.Data, 0o644); err != nil {
			return bytes, fmt.Errorf("generate: %w", err)
		}
		bytes += int64(len(p.Data))
	}
	return bytes, nil
}

// benchSize runs every measurement on a corpus of n documents.
func benchSize(ctx context.Context, o options, m *models, n int) (*SizeResult, error) {
	dir := filepath.Join(o.work, fmt.Sprintf("n%d", n))
	corpusDir, ixDir := filepath.Join(dir, "corpus"), filepath.Join(dir, "index")
	if !o.keep && !o.reuse {
		defer os.RemoveAll(dir)
	}
	sr := &SizeResult{Docs: n}
	if o.reuse {
		if _, err := os.Stat(ixDir); err == nil {
			slog.Info("reusing the index", "dir", ixDir)
			sr.Ingest.Docs = n
			return sr, searchAndCompare(ctx, o, dir, ixDir, sr)
		}
	}
	t := time.Now()
	b, err := generate(corpusDir, o.seed, n)
	if err != nil {
		return nil, err
	}
	sr.CorpusBytes = b
	slog.Info("generated", "documents", n, "bytes", b, "elapsed", time.Since(t).Round(time.Millisecond))

	if err := ingest(ctx, o, m, corpusDir, ixDir, sr); err != nil {
		return sr, err
	}
	texts, err := cleanAll(corpusDir, o.baselineDocs, sr)
	if err != nil {
		return sr, err
	}
	if err := baseline(ctx, o, m, texts, sr); err != nil {
		return sr, err
	}
	return sr, searchAndCompare(ctx, o, dir, ixDir, sr)
}

func searchAndCompare(ctx context.Context, o options, dir, ixDir string, sr *SizeResult) error {
	if err := searches(ctx, o, ixDir, sr); err != nil {
		return err
	}
	if !o.noSQLite {
		db := filepath.Join(dir, "claims.db")
		os.Remove(db)
		if err := sqliteBench(ctx, o, ixDir, db, sr); err != nil {
			return err
		}
	}
	return nil
}

// ingest runs the real pipeline over the corpus into a new index, with
// the cross-source analysis, as `claimdex ingest DIR` does.
func ingest(ctx context.Context, o options, m *models, corpusDir, ixDir string, sr *SizeResult) error {
	resetPeakRSS()
	cpu := cpuTime()
	ix, err := index.Open(ixDir)
	if err != nil {
		return err
	}
	// The analysis runs apart, as Run would run it, so that the ingest's
	// CPU time leaves it out.
	rep, err := pipeline.Run(ctx, pipeline.Config{Workers: o.workers, NoCrosscheck: true}, []string{corpusDir}, m.x, ix)
	ingestCPU := cpuTime() - cpu
	if err == nil && o.analysis {
		rep.Crosscheck, err = pipeline.Crosscheck(ctx, ix, nil)
	}
	if cerr := ix.Close(); err == nil && cerr != nil {
		err = fmt.Errorf("close index: %w", cerr)
	}
	if err != nil {
		return fmt.Errorf("ingest: %w", err)
	}
	if rep.Failed() > 0 {
		return fmt.Errorf("ingest: %d documents failed, the first: %s: %s", rep.Failed(), rep.Failures[0].Location, rep.Failures[0].Reason)
	}
	in := IngestResult{
		Docs: rep.Read, Claims: rep.Claims, Duplicates: len(rep.Duplicates),
		Seconds: rep.Elapsed.Seconds(), CPUSeconds: ingestCPU.Seconds(), PeakRSSMB: peakRSSMB(),
		Stages: Stages{
			Read: rep.Stages.Read.Seconds(), Clean: rep.Stages.Clean.Seconds(),
			Extract: rep.Stages.Extract.Seconds(), Index: rep.Stages.Index.Seconds(),
		},
	}
	if c := rep.Crosscheck; c != nil {
		in.Stages.Analysis = c.Elapsed.Seconds()
		in.Conflicts = c.Conflicts
	}
	in.TotalSeconds = in.Seconds + in.Stages.Analysis
	in.DocsPerSec = float64(in.Docs) / in.Seconds
	in.ClaimsPerSec = float64(in.Claims) / in.Seconds
	size, err := dirSize(ixDir)
	if err != nil {
		return err
	}
	in.IndexBytes = size
	if in.Claims > 0 {
		in.IndexBytesPerClaim = float64(size) / float64(in.Claims)
	}
	sr.Ingest = in
	slog.Info("ingested", "documents", in.Docs, "claims", in.Claims, "docs/s", fmt.Sprintf("%.1f", in.DocsPerSec),
		"analysis_s", fmt.Sprintf("%.1f", in.Stages.Analysis), "peak_rss_mb", in.PeakRSSMB)
	return nil
}

// cleanAll cleans every page again, outside the ingest, to count its
// tokens (prose's tokenizer is the baseline's: words and punctuation are
// approximated here by whitespace-separated words) and to keep the texts
// the baseline reads: the first keep of them.
func cleanAll(corpusDir string, keep int, sr *SizeResult) ([]string, error) {
	var texts []string
	var words int64
	err := filepath.WalkDir(corpusDir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		doc, err := corpus.Clean(path, data, corpus.Options{})
		if err != nil {
			return fmt.Errorf("clean %s: %w", path, err)
		}
		words += int64(len(strings.Fields(doc.Text)))
		if len(texts) < keep {
			texts = append(texts, doc.Text)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	sr.Ingest.Words = words
	sr.Ingest.WordsPerSec = float64(words) / sr.Ingest.Seconds
	return texts, nil
}

// baseline runs prose's full pipeline (segmentation, tokens, tags and
// entities: prose.NewDocument's defaults) over the cleaned texts, on as
// many goroutines as the ingest has workers, with its model loaded once.
func baseline(ctx context.Context, o options, m *models, texts []string, sr *SizeResult) error {
	if len(texts) == 0 {
		return nil
	}
	start, cpu := time.Now(), cpuTime()
	var mu sync.Mutex
	var tokens int64
	next := make(chan string)
	g, gctx := errgroup.WithContext(ctx)
	g.Go(func() error {
		defer close(next)
		for _, t := range texts {
			select {
			case next <- t:
			case <-gctx.Done():
				return gctx.Err()
			}
		}
		return nil
	})
	for range o.workers {
		g.Go(func() error {
			var n int64
			for t := range next {
				doc, err := prose.NewDocument(t, prose.UsingModel(m.prose))
				if err != nil {
					return fmt.Errorf("prose: %w", err)
				}
				n += int64(len(doc.Tokens()))
			}
			mu.Lock()
			tokens += n
			mu.Unlock()
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return err
	}
	el := time.Since(start).Seconds()
	b := Baseline{Docs: len(texts), Seconds: el, CPUSeconds: (cpuTime() - cpu).Seconds(),
		DocsPerSec: float64(len(texts)) / el, TokensPerSec: float64(tokens) / el}
	b.Ratio = sr.Ingest.DocsPerSec / b.DocsPerSec
	// Per CPU-second: documents per CPU-second of each, which other load
	// on a shared machine disturbs less than wall time.
	if in := sr.Ingest; in.CPUSeconds > 0 && b.CPUSeconds > 0 {
		b.CPURatio = (float64(in.Docs) / in.CPUSeconds) / (float64(b.Docs) / b.CPUSeconds)
	}
	sr.Baseline = b
	slog.Info("baseline", "documents", b.Docs, "docs/s", fmt.Sprintf("%.1f", b.DocsPerSec), "ratio", fmt.Sprintf("%.2f", b.Ratio))
	return nil
}

// dirSize is the size of the files under dir, or of dir if it is a file.
func dirSize(dir string) (int64, error) {
	var n int64
	err := filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		n += info.Size()
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("size of %s: %w", dir, err)
	}
	return n, nil
}

// cpuTime is the user and system CPU time of this process so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// resetPeakRSS restarts the kernel's peak resident set count of this
// process (Linux; elsewhere the peak is the process's so far).
func resetPeakRSS() {
	_ = os.WriteFile("/proc/self/clear_refs", []byte("5"), 0)
}

// peakRSSMB is VmHWM, the peak resident set since the last reset, in MB.
func peakRSSMB() float64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), "VmHWM:"); ok {
			kb, _ := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 64)
			return kb / 1024
		}
	}
	return 0
}
