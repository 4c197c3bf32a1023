package main

// Faults of the file system under the index: a disk that fills up during
// an ingest and an index directory that is read-only. Each must give one
// clear line on stderr and exit status 1, and leave an index that opens
// afterwards with everything written before. The file systems are a small
// tmpfs in a private mount namespace (unshare), so the tests need Linux
// and a kernel that allows unprivileged user namespaces, or root; they
// skip elsewhere.

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
)

// inNamespace runs script with sh in a private mount namespace, with a
// tmpfs of size kilobytes mounted at $MNT, and returns its output. It
// skips the test when namespaces are not available.
func inNamespace(t *testing.T, sizeKB int, script string, env ...string) string {
	t.Helper()
	if runtime.GOOS != "linux" {
		t.Skip("needs Linux mount namespaces")
	}
	if _, err := exec.LookPath("unshare"); err != nil {
		t.Skip("needs unshare")
	}
	mnt := filepath.Join(t.TempDir(), "mnt")
	if err := os.Mkdir(mnt, 0o755); err != nil {
		t.Fatal(err)
	}
	probe := exec.Command("unshare", "--mount", "--map-root-user", "sh", "-c", "mount -t tmpfs -o size=64k tmpfs "+mnt)
	if out, err := probe.CombinedOutput(); err != nil {
		t.Skipf("no private tmpfs here: %v %s", err, out)
	}
	full := fmt.Sprintf("set -u\nmount -t tmpfs -o size=%dk tmpfs \"$MNT\"\n%s", sizeKB, script)
	cmd := exec.Command("unshare", "--mount", "--map-root-user", "sh", "-c", full)
	cmd.Env = append(os.Environ(), append(env, "MNT="+mnt)...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("script: %v\n%s", err, out)
	}
	return string(out)
}

// field returns the value of "name=value" in the script's output.
func field(t *testing.T, out, name string) string {
	t.Helper()
	for _, l := range strings.Split(out, "\n") {
		if v, ok := strings.CutPrefix(l, name+"="); ok {
			return v
		}
	}
	t.Fatalf("no %s= in output:\n%s", name, out)
	return ""
}

// bulkCorpus writes n articles of about 4 KB each.
func bulkCorpus(t *testing.T, n int) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "bulk")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for i := range n {
		var b strings.Builder
		fmt.Fprintf(&b, "Council of Town%d approves budget number %d\n\n", i, i)
		for j := range 30 {
			fmt.Fprintf(&b, "The plan includes %d new homes in district %d of Town%d, the finance committee said on %d March 2026.\n\n", 100+j, j, i, 1+j%28)
		}
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("a%03d.txt", i)), []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestDiskFull(t *testing.T) {
	bin := buildClaimdex(t)
	sample, err := filepath.Abs(filepath.Join("..", "..", "testdata", "sample"))
	if err != nil {
		t.Fatal(err)
	}
	bulk := bulkCorpus(t, 150)
	out := t.TempDir()
	script := `
"$BIN" ingest --index "$MNT/ix" "$SAMPLE" >/dev/null 2>&1; echo first=$?
"$BIN" export --index "$MNT/ix" > "$OUT/before.jsonl"
"$BIN" ingest --index "$MNT/ix" --batch 200 "$BULK" >/dev/null 2>"$OUT/full.err"; echo full=$?
"$BIN" export --index "$MNT/ix" > "$OUT/after.jsonl" 2>"$OUT/export.err"; echo export=$?
`
	res := inNamespace(t, 1200, script, "BIN="+bin, "SAMPLE="+sample, "BULK="+bulk, "OUT="+out)
	if got := field(t, res, "first"); got != "0" {
		t.Fatalf("the first ingest, which fits, exited %s", got)
	}
	if got := field(t, res, "full"); got != "1" {
		t.Errorf("ingest on a full disk exited %s, want 1", got)
	}
	stderr, _ := os.ReadFile(filepath.Join(out, "full.err"))
	if !strings.Contains(string(stderr), "no space left on device") || strings.Count(string(stderr), "\n") != 1 || strings.Contains(string(stderr), "panic") {
		t.Errorf("stderr on a full disk = %q, want one line naming the cause", stderr)
	}
	if got := field(t, res, "export"); got != "0" {
		errText, _ := os.ReadFile(filepath.Join(out, "export.err"))
		t.Fatalf("the index does not open after the disk filled: exit %s: %s", got, errText)
	}
	before, _ := os.ReadFile(filepath.Join(out, "before.jsonl"))
	after, _ := os.ReadFile(filepath.Join(out, "after.jsonl"))
	kept := map[string]bool{}
	for _, l := range strings.Split(string(after), "\n") {
		kept[l] = true
	}
	lines := strings.Split(strings.TrimSpace(string(before)), "\n")
	for _, l := range lines {
		if !kept[l] {
			t.Errorf("a claim written before the disk filled is gone or changed: %.80s", l)
		}
	}
	t.Logf("%d claims before the disk filled, %d after", len(lines), len(strings.Split(strings.TrimSpace(string(after)), "\n")))
}

func TestReadOnlyIndex(t *testing.T) {
	bin := buildClaimdex(t)
	sample, err := filepath.Abs(filepath.Join("..", "..", "testdata", "sample"))
	if err != nil {
		t.Fatal(err)
	}
	bulk := bulkCorpus(t, 5)
	out := t.TempDir()
	script := `
"$BIN" ingest --index "$MNT/ix" "$SAMPLE" >/dev/null 2>&1; echo first=$?
"$BIN" export --index "$MNT/ix" > "$OUT/before.jsonl"
mount -o remount,ro "$MNT"
"$BIN" ingest --index "$MNT/ix" "$BULK" >/dev/null 2>"$OUT/ro.err"; echo ro=$?
mount -o remount,rw "$MNT"
"$BIN" export --index "$MNT/ix" > "$OUT/after.jsonl"; echo export=$?
`
	res := inNamespace(t, 4096, script, "BIN="+bin, "SAMPLE="+sample, "BULK="+bulk, "OUT="+out)
	if got := field(t, res, "first"); got != "0" {
		t.Fatalf("the first ingest exited %s", got)
	}
	if got := field(t, res, "ro"); got != "1" {
		t.Errorf("ingest into a read-only index exited %s, want 1", got)
	}
	stderr, _ := os.ReadFile(filepath.Join(out, "ro.err"))
	if !strings.Contains(string(stderr), "read-only file system") || strings.Count(string(stderr), "\n") != 1 || strings.Count(string(stderr), "open index") != 1 {
		t.Errorf("stderr on a read-only index = %q, want one line naming the index once and the cause", stderr)
	}
	if got := field(t, res, "export"); got != "0" {
		t.Fatalf("the index does not open once writable again: exit %s", got)
	}
	// Export gives index order, which a merge of segments may change
	// between two runs (index.Export): the claims, not their order,
	// must be the same.
	before, _ := os.ReadFile(filepath.Join(out, "before.jsonl"))
	after, _ := os.ReadFile(filepath.Join(out, "after.jsonl"))
	lines := func(b []byte) []string {
		ls := strings.Split(strings.TrimSpace(string(b)), "\n")
		slices.Sort(ls)
		return ls
	}
	if len(before) == 0 || !slices.Equal(lines(before), lines(after)) {
		t.Errorf("export changed by the failed ingest: %d bytes before, %d after", len(before), len(after))
	}
}
