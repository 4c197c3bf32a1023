// Command claimdex-bench measures claimdex end to end on a generated
// corpus (package corpus/synth) at one or more sizes: ingest throughput
// and where its time goes, against prose's full pipeline over the same
// cleaned text in the same run; search latency in process and through the
// claimdex binary, against SQLite FTS5 over the same claims; and a full
// export. It prints a Markdown table and writes results.json and SVG
// plots.
//
//	go -C cmd/claimdex-bench run . --sizes 1000,10000 --out bench-results
//
// With --claims it also builds indexes of generated claims written
// straight through the index writer (GenerateClaims: hours of ingest on a
// small machine become minutes), runs the cross-source analysis on them,
// and times the same searches in process, through the CLI opening the
// index, and through the CLI, the search-only client claimdex-search and
// the HTTP API of a running `claimdex serve`:
//
//	go -C cmd/claimdex-bench run . --claims 100000,1000000 --reps 100
//
// It is a module of its own so that SQLite, which only the comparison
// needs, stays out of claimdex's dependencies.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"time"
)

type options struct {
	sizes        []int
	claims       []int
	seed         uint64
	out          string
	work         string
	keep         bool
	reps         int
	cliReps      int
	baselineDocs int
	workers      int
	gcPercent    int
	claimdex     string
	client       string
	noSQLite     bool
	reuse        bool
	analysis     bool
	cpuProfile   string
}

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "claimdex-bench:", err)
		os.Exit(1)
	}
}

func run() error {
	var o options
	sizes := flag.String("sizes", "1000", "corpus `SIZES` in documents, comma-separated (e.g. 1000,10000,100000); none by default with --claims")
	claims := flag.String("claims", "", "also generate indexes of `COUNTS` claims straight through the index writer, comma-separated (e.g. 100000,1000000), and time the searches on them, a server running too")
	flag.Uint64Var(&o.seed, "seed", 1, "corpus `SEED`: the same seed and size give the same pages")
	flag.StringVar(&o.out, "out", "bench-results", "`DIR` for results.json and the SVG plots")
	flag.StringVar(&o.work, "work", "", "`DIR` for the generated corpora, indexes and databases (default: a temporary directory)")
	flag.BoolVar(&o.keep, "keep", false, "keep the corpora, indexes and databases")
	flag.IntVar(&o.reps, "reps", 200, "`N` runs of each query in process and in SQLite")
	flag.IntVar(&o.cliReps, "cli-reps", 20, "`N` runs of each query through the claimdex binary (0: none, with --claims)")
	flag.IntVar(&o.baselineDocs, "baseline-docs", 2000, "run prose's pipeline over at most `N` documents of each size (its rate is per document)")
	flag.IntVar(&o.workers, "workers", 0, "ingest workers and baseline goroutines; 0 means one per CPU")
	flag.IntVar(&o.gcPercent, "gogc", -2, "GC percent during the run (as GOGC); -2 keeps the binary's own setting")
	flag.StringVar(&o.claimdex, "claimdex", "", "claimdex `BINARY` for the CLI figures (default: built from this checkout)")
	flag.StringVar(&o.client, "client", "", "claimdex-search `BINARY` for the search-only client's figures (default: built from this checkout)")
	flag.BoolVar(&o.noSQLite, "no-sqlite", false, "skip the SQLite FTS5 comparison")
	flag.BoolVar(&o.analysis, "analysis", true, "run the cross-source analysis after the ingest, as claimdex ingest does")
	flag.StringVar(&o.cpuProfile, "cpuprofile", "", "write a CPU profile of each query's in-process runs (repeated --reps times after the timed runs) to `DIR`")
	flag.BoolVar(&o.reuse, "reuse", false, "with --work, search the index a kept earlier run left for a size, skipping its ingest (implies --keep)")
	flag.Parse()
	sizesSet := false
	flag.Visit(func(f *flag.Flag) { sizesSet = sizesSet || f.Name == "sizes" })
	var err error
	if *claims == "" || sizesSet {
		if o.sizes, err = counts("--sizes", *sizes, 10, "documents"); err != nil {
			return err
		}
	}
	if *claims != "" {
		if o.claims, err = counts("--claims", *claims, 100, "claims"); err != nil {
			return err
		}
	}
	if o.workers <= 0 {
		o.workers = runtime.NumCPU()
	}
	if o.reuse && o.work == "" {
		return errors.New("--reuse needs --work DIR")
	}
	o.keep = o.keep || o.reuse
	if o.gcPercent != -2 {
		debug.SetGCPercent(o.gcPercent)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()

	if o.work == "" {
		dir, err := os.MkdirTemp("", "claimdex-bench-")
		if err != nil {
			return fmt.Errorf("work directory: %w", err)
		}
		o.work = dir
		if !o.keep {
			defer os.RemoveAll(dir)
		}
	}
	if err := os.MkdirAll(o.out, 0o755); err != nil {
		return fmt.Errorf("output directory: %w", err)
	}
	if o.cpuProfile != "" {
		if err := os.MkdirAll(o.cpuProfile, 0o755); err != nil {
			return fmt.Errorf("profile directory: %w", err)
		}
	}
	for _, b := range []struct {
		bin *string
		cmd string
	}{{&o.claimdex, "claimdex"}, {&o.client, "claimdex-search"}} {
		if *b.bin == "" {
			bin := filepath.Join(o.work, b.cmd)
			slog.Info("building " + b.cmd)
			if err := buildCommand(ctx, bin, b.cmd); err != nil {
				return err
			}
			*b.bin = bin
		}
	}

	res := &Results{
		Started: time.Now().UTC().Format(time.RFC3339), CPUs: runtime.NumCPU(), Workers: o.workers,
		GoVersion: runtime.Version(), Seed: o.seed, GOGC: gogc(o.gcPercent),
	}
	var load *models
	if len(o.sizes) > 0 {
		if load, err = loadModels(); err != nil {
			return err
		}
		res.ModelLoad = load.elapsed.Seconds()
	}
	for _, n := range o.sizes {
		slog.Info("size", "documents", n)
		sr, err := benchSize(ctx, o, load, n)
		if sr != nil {
			res.Sizes = append(res.Sizes, *sr)
		}
		if err != nil {
			if errors.Is(err, context.Canceled) {
				break
			}
			return fmt.Errorf("%d documents: %w", n, err)
		}
		// Written after each size, so a long run leaves what it has.
		if err := res.write(o.out); err != nil {
			return err
		}
	}
	for _, n := range o.claims {
		if ctx.Err() != nil {
			break
		}
		slog.Info("generated claims", "claims", n)
		cr, err := benchClaims(ctx, o, n)
		if cr != nil {
			res.Claims = append(res.Claims, *cr)
		}
		if err != nil {
			if errors.Is(err, context.Canceled) {
				break
			}
			return fmt.Errorf("%d claims: %w", n, err)
		}
		if err := res.write(o.out); err != nil {
			return err
		}
	}
	if err := res.write(o.out); err != nil {
		return err
	}
	if len(res.Sizes) > 0 {
		res.markdown(os.Stdout)
	}
	res.claimsMarkdown(os.Stdout)
	return ctx.Err()
}

// counts parses a comma-separated list of counts of at least least.
func counts(flagName, list string, least int, what string) ([]int, error) {
	var out []int
	for _, s := range strings.Split(list, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n < least {
			return nil, fmt.Errorf("%s: %q is not a count of at least %d %s", flagName, s, least, what)
		}
		out = append(out, n)
	}
	return out, nil
}

func gogc(p int) string {
	if p != -2 {
		return strconv.Itoa(p)
	}
	if v := os.Getenv("GOGC"); v != "" {
		return v
	}
	return "default"
}
