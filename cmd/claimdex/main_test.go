package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

var update = flag.Bool("update", false, "rewrite the cmp expectations in testdata/script from the actual output")

// TestMain lets the test binary act as the claimdex command inside scripts.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){"claimdex": main})
}

// TestScripts runs the end-to-end scripts in testdata/script: each runs the
// real command (as a subprocess) in a fresh directory holding the files of
// its txtar archive.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/script",
		RequireExplicitExec: true,
		RequireUniqueNames:  true,
		UpdateScripts:       *update,
		Cmds: map[string]func(*testscript.TestScript, bool, []string){
			"status":  cmdStatus,
			"claims":  cmdClaims,
			"isjson":  cmdIsJSON,
			"genfile": cmdGenfile,
		},
	})
}

// cmdStatus runs a command and checks its exact exit status:
//
//	status N command [args...]
//
// Its stdout and stderr are kept for the stdout/stderr commands that follow.
func cmdStatus(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: status N command [args...]")
	}
	want, err := strconv.Atoi(args[0])
	ts.Check(err)
	err = ts.Exec(args[1], args[2:]...)
	got := 0
	var ee *exec.ExitError
	switch {
	case errors.As(err, &ee):
		got = ee.ExitCode()
	case err != nil:
		ts.Fatalf("run %s: %v", args[1], err)
	}
	if got != want {
		ts.Fatalf("%s exited with status %d, want %d", args[1], got, want)
	}
}

// cmdClaims checks a claims file (JSON Lines, or one JSON array) and prints
// the sorted ids of its claims, one per line:
//
//	claims [-loc LOCATION | -not-loc LOCATION] FILE
//
// Every claim must have the contract's fields, ids must be unique, and
// each claim's offsets must lie inside its text. With -loc only the claims
// of that location are printed, with -not-loc only the others.
func cmdClaims(ts *testscript.TestScript, neg bool, args []string) {
	if neg {
		ts.Fatalf("claims does not support !")
	}
	loc, keep := "", true
	if len(args) == 3 && (args[0] == "-loc" || args[0] == "-not-loc") {
		loc, keep, args = args[1], args[0] == "-loc", args[2:]
	}
	if len(args) != 1 {
		ts.Fatalf("usage: claims [-loc LOCATION | -not-loc LOCATION] FILE")
	}
	data := []byte(ts.ReadFile(args[0]))
	var raw []json.RawMessage
	if t := bytes.TrimSpace(data); len(t) > 0 && t[0] == '[' {
		ts.Check(json.Unmarshal(data, &raw))
	} else {
		sc := bufio.NewScanner(bytes.NewReader(data))
		sc.Buffer(nil, 1<<24)
		for sc.Scan() {
			raw = append(raw, json.RawMessage(slices.Clone(sc.Bytes())))
		}
		ts.Check(sc.Err())
	}
	seen := map[string]bool{}
	var ids []string
	for i, r := range raw {
		if err := checkClaim(r); err != nil {
			ts.Fatalf("%s: claim %d: %v", args[0], i+1, err)
		}
		var c struct{ ID, Location string }
		ts.Check(json.Unmarshal(r, &c))
		if seen[c.ID] {
			ts.Fatalf("%s: claim id %s appears twice", args[0], c.ID)
		}
		seen[c.ID] = true
		if loc == "" || (c.Location == loc) == keep {
			ids = append(ids, c.ID)
		}
	}
	slices.Sort(ids)
	for _, id := range ids {
		fmt.Fprintln(ts.Stdout(), id)
	}
}

// claimFields are the fields every claim carries, with their JSON types.
var claimFields = map[string]string{
	"id": "string", "doc_id": "string", "location": "string", "source": "string",
	"title": "string", "published": "string", "text": "string", "kind": "string",
	"section": "string", "speaker": "string", "score": "number",
	"entities": "array", "dates": "array", "money": "array", "quantities": "array",
	"offset": "object",
}

func checkClaim(r json.RawMessage) error {
	var m map[string]any
	if err := json.Unmarshal(r, &m); err != nil {
		return fmt.Errorf("not a JSON object: %w", err)
	}
	for name, typ := range claimFields {
		v, ok := m[name]
		if !ok {
			return fmt.Errorf("no field %q", name)
		}
		got := "?"
		switch v.(type) {
		case string:
			got = "string"
		case float64:
			got = "number"
		case []any:
			got = "array"
		case map[string]any:
			got = "object"
		}
		if got != typ {
			return fmt.Errorf("field %q is %T, want %s", name, v, typ)
		}
	}
	if m["id"] == "" || m["text"] == "" || m["doc_id"] == "" {
		return errors.New("empty id, doc_id or text")
	}
	if !slices.Contains([]string{"sentence", "quote", "table_row", "list_item", "headline"}, m["kind"].(string)) {
		return fmt.Errorf("unknown kind %q", m["kind"])
	}
	text := m["text"].(string)
	for _, list := range []string{"entities", "dates", "money", "quantities"} {
		for _, x := range m[list].([]any) {
			mention, _ := x.(map[string]any)
			start, _ := mention["start"].(float64)
			end, _ := mention["end"].(float64)
			if start < 0 || end < start || int(end) > len(text) {
				return fmt.Errorf("%s mention [%v, %v) outside the text (%d bytes)", list, start, end, len(text))
			}
		}
	}
	return nil
}

// cmdIsJSON checks that a file (or "stdout") holds exactly one JSON value.
func cmdIsJSON(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 1 {
		ts.Fatalf("usage: isjson FILE")
	}
	dec := json.NewDecoder(strings.NewReader(ts.ReadFile(args[0])))
	var v any
	err := dec.Decode(&v)
	if err == nil && dec.More() {
		err = errors.New("more than one JSON value")
	}
	if (err == nil) == neg {
		ts.Fatalf("isjson %s: %v", args[0], err)
	}
}

// cmdGenfile writes files that a txtar archive cannot hold:
//
//	genfile binary FILE   # bytes of a small PNG-like image
//	genfile badutf8 FILE  # text made of invalid UTF-8 sequences
func cmdGenfile(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: genfile binary|badutf8 FILE")
	}
	var data []byte
	switch args[0] {
	case "binary":
		data = append([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), bytes.Repeat([]byte{0, 1, 2, 0xff, 0xfe, 0}, 200)...)
	case "badutf8":
		data = bytes.Repeat([]byte{0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1, 0xf0, 0x28, 0x8c, 0xbc, ' '}, 100)
	default:
		ts.Fatalf("genfile: unknown kind %q", args[0])
	}
	ts.Check(os.WriteFile(ts.MkAbs(args[1]), data, 0o644))
}
