package main

// The crash suite: "claimdex ingest" killed with SIGKILL at random moments
// (while creating the index, while writing, during the cross-source
// analysis), then run again to completion, must leave the same export and
// the same conflicts as a run never interrupted: nothing lost, nothing
// duplicated, nothing stale. It builds the real binary and takes minutes,
// so it runs only when asked:
//
//	CLAIMDEX_CRASH=1 go test -run TestCrashSuite -v -timeout 0 ./cmd/claimdex/
//
// CLAIMDEX_CRASH_CYCLES (default 6) and CLAIMDEX_CRASH_DOCS (default 24)
// set the size; CLAIMDEX_CRASH_SEED makes the kill times repeatable. The
// full run is CLAIMDEX_CRASH_CYCLES=20 CLAIMDEX_CRASH_DOCS=150.
// CLAIMDEX_CRASH_SCENARIOS=fresh leaves out the re-ingest of changed
// documents (a quicker run).
//
// Each cycle kills an ingest on a fresh index and then again on the
// partial index the kill left, and once more while a completed index is
// re-ingested after some of its documents changed (so that a kill can
// land in the re-analysis of an index analysed before), then finishes
// with an uninterrupted run and compares.

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

func envInt(t *testing.T, name string, def int) int {
	t.Helper()
	v := os.Getenv(name)
	if v == "" {
		return def
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 0 {
		t.Fatalf("%s=%q: want a number", name, v)
	}
	return n
}

// buildClaimdex builds the command once for the suites that run it as a
// separate process (a SIGKILL must not take the test with it).
func buildClaimdex(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "claimdex")
	cmd := exec.Command("go", "build", "-o", bin, ".")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// writeCrashCorpus writes the crash corpus into dir: the bundled sample
// and cross-source articles (outlets that agree and disagree, so that the
// analysis records corroborations and conflicts), filler articles up to
// docs documents, and one long report with more claims than a batch.
// version 1 changes a figure in one sample article and in every fifth
// filler, so that a re-ingest replaces documents and changes conflicts.
func writeCrashCorpus(t *testing.T, dir string, docs, version int) {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, src := range []string{"sample", "crosscheck"} {
		entries, err := os.ReadDir(filepath.Join("..", "..", "testdata", src))
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			if e.IsDir() || strings.HasSuffix(e.Name(), ".json") {
				continue
			}
			data, err := os.ReadFile(filepath.Join("..", "..", "testdata", src, e.Name()))
			if err != nil {
				t.Fatal(err)
			}
			if version > 0 && e.Name() == "northwire-danube.txt" {
				data = bytes.ReplaceAll(data, []byte("2.1 billion euros"), []byte("2.3 billion euros"))
			}
			if err := os.WriteFile(filepath.Join(dir, src+"-"+e.Name()), data, 0o644); err != nil {
				t.Fatal(err)
			}
			n++
		}
	}
	towns := []string{"Vesterhavn", "Lindås", "Tromsvik", "Skarvøy", "Fossby", "Halvik", "Orrevik", "Brennmo"}
	for i := 0; n < docs; i, n = i+1, n+1 {
		town := towns[i%len(towns)]
		budget := 10 + i
		if version > 0 && i%5 == 0 {
			budget += 50
		}
		text := fmt.Sprintf(`Council of %[1]s approves budget number %[2]d

The council of %[1]s approved a budget of $%[3]d million on 3 March 2026, Mayor Karin Holt said on Tuesday.

The plan includes %[4]d new homes and a school that is due to open in 2028, according to the council's finance committee.

"We have waited %[5]d years for this," Holt told reporters in %[1]s.
`, town, i, budget, 100+7*i, 2+i%9)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("filler-%03d.txt", i)), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var long strings.Builder
	fmt.Fprintf(&long, "Annual report of the regional flood authority, edition %d\n\n", version)
	for i := range 160 {
		fmt.Fprintf(&long, "Station %d recorded a peak of %d centimetres on %d March 2026, the authority said.\n\n", i, 100+i+version, 1+i%28)
	}
	if err := os.WriteFile(filepath.Join(dir, "zz-annual-report.txt"), []byte(long.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

// claimdexRun runs the binary to the end and returns its stdout.
func claimdexRun(t *testing.T, bin string, args ...string) (string, int) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	cmd := exec.Command(bin, args...)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatalf("%s %v: %v", bin, args, err)
	}
	if code != 0 && code != exitPartial {
		t.Logf("claimdex %s: exit %d: %s", strings.Join(args, " "), code, stderr.String())
	}
	return stdout.String(), code
}

// killAfter starts an ingest and sends it SIGKILL after d; it reports
// whether the kill landed before the run ended.
func killAfter(t *testing.T, bin string, d time.Duration, args ...string) bool {
	t.Helper()
	cmd := exec.Command(bin, args...)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case <-done:
		return false
	case <-time.After(d):
		_ = cmd.Process.Signal(syscall.SIGKILL)
		<-done
		return true
	}
}

// snapshot is what a finished index is compared by.
type snapshot struct {
	claims    map[string]string // claim id -> its JSON line
	dupes     int               // ids exported more than once
	conflicts string
}

func takeSnapshot(t *testing.T, bin, ix string) snapshot {
	t.Helper()
	out, code := claimdexRun(t, bin, "export", "--index", ix)
	if code != 0 {
		t.Fatalf("export: exit %d", code)
	}
	s := snapshot{claims: map[string]string{}}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		if line == "" {
			continue
		}
		var c struct {
			ID string `json:"id"`
		}
		if err := json.Unmarshal([]byte(line), &c); err != nil {
			t.Fatalf("export line %q: %v", line, err)
		}
		if _, ok := s.claims[c.ID]; ok {
			s.dupes++
		}
		s.claims[c.ID] = line
	}
	s.conflicts, code = claimdexRun(t, bin, "conflicts", "--index", ix, "--format", "json")
	if code != 0 {
		t.Fatalf("conflicts: exit %d", code)
	}
	return s
}

// compare counts the claims lost, duplicated and stale (present with
// other content, such as outdated conflict fields) against want.
func compare(want, got snapshot) (lost, dupes, stale int, conflictsSame bool) {
	for id, line := range want.claims {
		g, ok := got.claims[id]
		switch {
		case !ok:
			lost++
		case g != line:
			stale++
		}
	}
	for id := range got.claims {
		if _, ok := want.claims[id]; !ok {
			stale++ // a claim the uninterrupted run does not have
		}
	}
	return lost, got.dupes, stale, want.conflicts == got.conflicts
}

func TestCrashSuite(t *testing.T) {
	if os.Getenv("CLAIMDEX_CRASH") == "" {
		t.Skip("the crash suite runs with CLAIMDEX_CRASH=1 (see crash_test.go)")
	}
	cycles := envInt(t, "CLAIMDEX_CRASH_CYCLES", 6)
	docs := envInt(t, "CLAIMDEX_CRASH_DOCS", 24)
	seed := uint64(envInt(t, "CLAIMDEX_CRASH_SEED", int(time.Now().UnixNano()%1e9)))
	rng := rand.New(rand.NewPCG(seed, 1))
	t.Logf("crash suite: %d cycles, %d documents, seed %d", cycles, docs, seed)

	bin := buildClaimdex(t)
	tmp := t.TempDir()
	v0, v1 := filepath.Join(tmp, "corpus"), filepath.Join(tmp, "corpus-v1")
	writeCrashCorpus(t, v0, docs, 0)
	writeCrashCorpus(t, v1, docs, 1)
	input := filepath.Join(tmp, "input")
	// The input path is a link switched between versions, so that both
	// give the same locations and the re-ingest replaces documents.
	use := func(dir string) {
		_ = os.Remove(input)
		if err := os.Symlink(dir, input); err != nil {
			t.Fatal(err)
		}
	}
	ingestArgs := func(ix string) []string {
		return []string{"ingest", "--index", ix, "--batch", "40", "--workers", "2", input + "/"}
	}

	// The uninterrupted references, and how long an ingest takes.
	refs := map[string]snapshot{}
	var took time.Duration
	for _, v := range []string{v0, v1} {
		use(v)
		ix := filepath.Join(tmp, "ref-"+filepath.Base(v))
		start := time.Now()
		if _, code := claimdexRun(t, bin, ingestArgs(ix)...); code != 0 {
			t.Fatalf("reference ingest: exit %d", code)
		}
		took = max(took, time.Since(start))
		refs[v] = takeSnapshot(t, bin, ix)
	}
	if len(refs[v0].claims) == 0 || refs[v0].conflicts == refs[v1].conflicts {
		t.Fatalf("reference runs gave %d claims, conflicts changed %v: the corpus does not exercise the analysis",
			len(refs[v0].claims), refs[v0].conflicts != refs[v1].conflicts)
	}
	t.Logf("reference ingest takes %s; %d claims", took.Round(time.Millisecond), len(refs[v0].claims))

	randomDelay := func() time.Duration {
		// Early kills (index creation) are weighted up: that window is
		// short but has its own failure.
		if rng.IntN(4) == 0 {
			return time.Duration(rng.Int64N(int64(150 * time.Millisecond)))
		}
		return time.Duration(rng.Int64N(int64(took) * 11 / 10))
	}
	var kills, landed int
	failures := 0
	check := func(cycle int, what string, want snapshot, ix string) {
		got := takeSnapshot(t, bin, ix)
		lost, dupes, stale, same := compare(want, got)
		if lost+dupes+stale > 0 || !same {
			failures++
			t.Errorf("cycle %d (%s): %d lost, %d duplicated, %d stale, conflicts identical: %v", cycle, what, lost, dupes, stale, same)
		}
	}
	for c := range cycles {
		// A fresh index, killed twice, then finished.
		use(v0)
		ix := filepath.Join(tmp, fmt.Sprintf("ix-%d", c))
		for range 2 {
			d := randomDelay()
			kills++
			if killAfter(t, bin, d, ingestArgs(ix)...) {
				landed++
			}
		}
		if _, code := claimdexRun(t, bin, ingestArgs(ix)...); code != 0 {
			t.Fatalf("cycle %d: the run after the kills: exit %d", c, code)
		}
		check(c, "fresh index", refs[v0], ix)

		if os.Getenv("CLAIMDEX_CRASH_SCENARIOS") == "fresh" {
			if err := os.RemoveAll(ix); err != nil {
				t.Fatal(err)
			}
			continue
		}
		// The complete index re-ingested with changed documents, killed
		// (perhaps in the re-analysis), then finished.
		use(v1)
		kills++
		if killAfter(t, bin, randomDelay(), ingestArgs(ix)...) {
			landed++
		}
		if _, code := claimdexRun(t, bin, ingestArgs(ix)...); code != 0 {
			t.Fatalf("cycle %d: the re-ingest after the kill: exit %d", c, code)
		}
		check(c, "changed documents", refs[v1], ix)
		if err := os.RemoveAll(ix); err != nil {
			t.Fatal(err)
		}
	}
	t.Logf("crash suite: %d cycles, %d kills (%d before the run ended), %d cycles differing from the uninterrupted run",
		cycles, kills, landed, failures)
}
