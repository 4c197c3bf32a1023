package claimdex_test

import (
	"os/exec"
	"strings"
	"testing"
)

// layers lists the project's packages bottom up: a package may import only
// packages listed before it. Data flows corpus -> extract -> crosscheck ->
// index: extract works per document, crosscheck compares claims across
// documents; pipeline wires them, server answers HTTP over them (with
// the web page below it), and cmd sits on top. corpus/synth writes
// invented pages for the benchmarks; cmd/claimdex/internal/startup, which
// imports none of ours, holds the collector back while they initialise.
// Below them all sit the packages of the search-only client: claim (the
// claim record), api (the HTTP API's wire form and client), the CLI's
// conventions and search command, and cmd/claimdex-search itself, so
// that none of them can import the extractor or the index.
var layers = []string{"cmd/claimdex/internal/startup", "claim", "api", "cmd/internal/cli", "cmd/internal/search", "cmd/claimdex-search",
	"corpus", "corpus/synth", "corpus/fetch", "extract", "crosscheck", "index", "pipeline", "server/web", "server", "cmd/claimdex"}

// owners says which layer alone may import a third-party library directly,
// so that each dependency stays behind one narrow API of ours.
var owners = map[string]string{
	"github.com/PuerkitoBio/goquery":      "corpus",
	"github.com/jdkato/prose/v2":          "extract",
	"github.com/blevesearch/bleve/v2":     "index",
	"github.com/prometheus/client_golang": "server",
}

const module = "github.com/claimdex/claimdex/"

func TestImportsFlowOneWay(t *testing.T) {
	out, err := exec.Command("go", "list", "-f", `{{.ImportPath}}|{{join .Imports " "}}`, "./...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	rank := map[string]int{}
	for i, l := range layers {
		rank[module+l] = i
	}
	seen := 0
	for line := range strings.Lines(strings.TrimSpace(string(out))) {
		pkg, imports, _ := strings.Cut(strings.TrimSpace(line), "|")
		r, ok := rank[pkg]
		if !ok {
			if strings.HasPrefix(pkg, module) {
				t.Errorf("package %s is not in the layer list: place it in deps_test.go", pkg)
			}
			continue
		}
		seen++
		for _, imp := range strings.Fields(imports) {
			if ir, ok := rank[imp]; ok && ir >= r {
				t.Errorf("%s imports %s: imports must flow %s", pkg, imp, strings.Join(layers, " -> "))
			}
			for lib, owner := range owners {
				if (imp == lib || strings.HasPrefix(imp, lib+"/")) && pkg != module+owner {
					t.Errorf("%s imports %s directly; only %s may", pkg, imp, owner)
				}
			}
		}
	}
	if seen != len(layers) {
		t.Errorf("found %d of the %d layered packages in go list output", seen, len(layers))
	}
}

// heavy are what the search-only client must never link, directly or
// through another package: the libraries whose initialisation and size
// it exists to avoid (Bleve, prose and the patterns prose compiles at
// start-up), and the project's packages built on them.
var heavy = []string{
	"github.com/blevesearch",
	"github.com/jdkato/prose",
	"github.com/mingrammer/commonregex",
	module + "extract",
	module + "index",
	module + "crosscheck",
	module + "corpus",
	module + "pipeline",
}

// TestSearchClientStaysLight fails when cmd/claimdex-search comes to
// depend, however indirectly, on one of heavy: its start would again pay
// for their initialisation (docs/scale.md).
func TestSearchClientStaysLight(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", "./cmd/claimdex-search").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	deps := strings.Fields(string(out))
	if len(deps) == 0 || deps[len(deps)-1] != module+"cmd/claimdex-search" {
		t.Fatalf("go list -deps did not list cmd/claimdex-search: %q", deps)
	}
	for _, dep := range deps {
		for _, h := range heavy {
			if dep == h || strings.HasPrefix(dep, h+"/") {
				t.Errorf("cmd/claimdex-search depends on %s (under %s)", dep, h)
			}
		}
	}
}
