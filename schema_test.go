package claimdex_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/claimdex/claimdex/corpus"
	"github.com/claimdex/claimdex/extract"
	"github.com/claimdex/claimdex/index"
)

// TestExportedClaimsMatchSchema ingests the bundled sample articles, exports
// every claim and validates each against docs/claim.schema.json, so that the
// documented contract and the code cannot drift apart.
func TestExportedClaimsMatchSchema(t *testing.T) {
	schema := compileSchema(t)
	x, err := extract.New()
	if err != nil {
		t.Fatal(err)
	}
	ix, err := index.OpenMem()
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()

	files, _ := filepath.Glob(filepath.Join("testdata", "sample", "*"))
	if len(files) == 0 {
		t.Fatal("no sample articles in testdata/sample")
	}
	w := ix.NewWriter(100)
	texts := map[string]string{} // doc id -> cleaned text
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := corpus.Clean(f, data, corpus.Options{})
		if err != nil {
			t.Fatalf("clean %s: %v", f, err)
		}
		claims := x.Claims(doc)
		if len(claims) == 0 {
			t.Errorf("%s: no claims", f)
		}
		ids := make([]string, len(claims))
		for i, c := range claims {
			ids[i] = c.ID
		}
		texts[doc.ID] = doc.Text
		rec := index.DocRecord{ID: doc.ID, Location: doc.Location, Source: doc.Source, Hash: doc.Hash, Claims: ids}
		if _, _, err := w.Put(rec, claims); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}

	n := 0
	err = ix.Export(t.Context(), index.Query{}, func(c extract.Claim) error {
		n++
		b, err := json.Marshal(c)
		if err != nil {
			return err
		}
		v, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
		if err != nil {
			return err
		}
		if err := schema.Validate(v); err != nil {
			t.Errorf("claim %s does not match the schema: %v\n%s", c.ID, err, b)
		}
		text := texts[c.DocID]
		if c.Offset.End > len(text) || text[c.Offset.Start:c.Offset.End] != c.Text {
			t.Errorf("claim %s: offset %v does not select its text in the document", c.ID, c.Offset)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n == 0 {
		t.Fatal("export returned no claims")
	}
}

func compileSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open(filepath.Join("docs", "claim.schema.json"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource("claim.schema.json", doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile("claim.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestSchemaRejectsBadClaims keeps the schema strict: each case breaks one
// rule of the contract and must be refused.
func TestSchemaRejectsBadClaims(t *testing.T) {
	schema := compileSchema(t)
	good := `{"id":"0123456789abcdef","doc_id":"0123456789abcdef","location":"a.txt","source":"a","title":"",
	"published":"","text":"The fund holds $5 billion.","kind":"sentence","section":"","speaker":"","score":0.5,
	"entities":[],"dates":[],"money":[{"text":"$5 billion","amount":5e9,"currency":"USD","start":15,"end":25}],
	"quantities":[],"offset":{"start":0,"end":26},"corroborations":0,"conflicts":[]}`
	mustValidate := func(s string) error {
		v, err := jsonschema.UnmarshalJSON(bytes.NewReader([]byte(s)))
		if err != nil {
			t.Fatalf("bad test JSON: %v", err)
		}
		return schema.Validate(v)
	}
	if err := mustValidate(good); err != nil {
		t.Fatalf("valid claim refused: %v", err)
	}
	bad := map[string][2]string{
		"unknown kind":      {`"kind":"sentence"`, `"kind":"opinion"`},
		"lowercase ISO":     {`"currency":"USD"`, `"currency":"usd"`},
		"date-like value":   {`"dates":[]`, `"dates":[{"text":"Dec 22","value":"22/12/2025","start":0,"end":6}]`},
		"score above one":   {`"score":0.5`, `"score":1.5`},
		"published not ISO": {`"published":""`, `"published":"22 December 2025"`},
		"null array":        {`"conflicts":[]`, `"conflicts":null`},
		"unknown type":      {`"entities":[]`, `"entities":[{"text":"X","type":"MISC","canonical":"X","start":0,"end":1}]`},
	}
	for name, r := range bad {
		s := string(bytes.Replace([]byte(good), []byte(r[0]), []byte(r[1]), 1))
		if s == good {
			t.Fatalf("%s: replacement did not apply", name)
		}
		if err := mustValidate(s); err == nil {
			t.Errorf("%s: schema accepted %s", name, r[1])
		}
	}
}
