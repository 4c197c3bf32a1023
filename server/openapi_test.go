package server

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// openAPI is the part of an OpenAPI 3 document the test compares.
type openAPI struct {
	OpenAPI    string                                 `yaml:"openapi"`
	Paths      map[string]map[string]openAPIOperation `yaml:"paths"`
	Components struct {
		Parameters map[string]openAPIParam `yaml:"parameters"`
	} `yaml:"components"`
}

type openAPIOperation struct {
	Parameters []openAPIParam `yaml:"parameters"`
}

type openAPIParam struct {
	Ref  string `yaml:"$ref"`
	Name string `yaml:"name"`
	In   string `yaml:"in"`
}

// TestOpenAPIMatchesHandlers: every path and method of docs/openapi.yaml
// is a route, every route is documented, and the query parameters each
// route accepts are exactly those documented (the handlers refuse any
// other, so the document is the whole truth).
func TestOpenAPIMatchesHandlers(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("..", "docs", "openapi.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var doc openAPI
	if err := yaml.Unmarshal(raw, &doc); err != nil {
		t.Fatalf("docs/openapi.yaml: %v", err)
	}
	if !strings.HasPrefix(doc.OpenAPI, "3.") {
		t.Fatalf("openapi %q, want 3.x", doc.OpenAPI)
	}
	s := &Server{}
	s.metrics = &metrics{}
	routes := map[string]route{}
	for _, rt := range s.routeTable() {
		routes[strings.ToUpper(rt.method)+" "+rt.pattern] = rt
	}
	documented := map[string]bool{}
	for path, ops := range doc.Paths {
		for method, op := range ops {
			key := strings.ToUpper(method) + " " + path
			documented[key] = true
			rt, ok := routes[key]
			if !ok {
				t.Errorf("%s is documented but not served", key)
				continue
			}
			var query, pathParams []string
			for _, p := range op.Parameters {
				if p.Ref != "" {
					name := strings.TrimPrefix(p.Ref, "#/components/parameters/")
					c, ok := doc.Components.Parameters[name]
					if !ok {
						t.Errorf("%s: unresolved %s", key, p.Ref)
						continue
					}
					p = c
				}
				switch p.In {
				case "query":
					query = append(query, p.Name)
				case "path":
					pathParams = append(pathParams, p.Name)
				default:
					t.Errorf("%s: parameter %s in %q", key, p.Name, p.In)
				}
			}
			slices.Sort(query)
			served := slices.Sorted(slices.Values(rt.params))
			if !slices.Equal(query, served) {
				t.Errorf("%s: documented query parameters %v, served %v", key, query, served)
			}
			for _, name := range pathParams {
				if !strings.Contains(path, "{"+name+"}") {
					t.Errorf("%s: path parameter %s not in the path", key, name)
				}
			}
			if n := strings.Count(path, "{"); n != len(pathParams) {
				t.Errorf("%s: %d path parameters documented, %d in the path", key, len(pathParams), n)
			}
		}
	}
	for key := range routes {
		if !documented[key] {
			t.Errorf("%s is served but not in docs/openapi.yaml", key)
		}
	}
}
