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
// Below them all sit what claimdex search shares with lighter programs:
// claim (the claim record), api (the HTTP API's wire form and client),
// the CLI's conventions and the search command, so that none of them can
// import the extractor or the index.
var layers = []string{"cmd/claimdex/internal/startup", "claim", "api", "cmd/internal/cli", "cmd/internal/search",
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
