package index

import (
	"context"
	"testing"

	"github.com/claimdex/claimdex/crosscheck"
	"github.com/claimdex/claimdex/extract"
	"github.com/google/go-cmp/cmp"
)

func TestAnnotateAndQuery(t *testing.T) {
	ix, claims := loaded(t)
	ctx := context.Background()
	// Before: only c3 carries corroborations (2) from the fixture.
	if diff := cmp.Diff([]string{"c3"}, exportIDs(t, ix, Query{MinSources: 2})); diff != "" {
		t.Errorf("min sources 2 before (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"c4", "c5"}, exportIDs(t, ix, Query{Conflicting: true})); diff != "" {
		t.Errorf("conflicting before (-want +got):\n%s", diff)
	}
	w := ix.NewWriter(100)
	for _, c := range claims {
		switch c.ID {
		case "c1":
			c.Corroborations, c.Conflicts = 1, []string{"c4"}
		case "c3":
			c.Corroborations, c.Conflicts = 0, nil
		case "c4":
			c.Corroborations, c.Conflicts = 0, []string{"c1"}
		case "c5":
			c.Corroborations, c.Conflicts = 0, []string{}
		default:
			continue
		}
		if err := w.Annotate(c); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		q    Query
		want []string
	}{
		{"min sources 2", Query{MinSources: 2}, []string{"c1"}},
		{"min sources 3", Query{MinSources: 3}, nil},
		{"min sources 1 does not filter", Query{MinSources: 1, Conflicting: true}, []string{"c1", "c4"}},
		{"conflicting", Query{Conflicting: true}, []string{"c1", "c4"}},
		{"conflicting and corroborated", Query{Conflicting: true, MinSources: 2}, []string{"c1"}},
		{"has values", Query{HasValues: true, Kinds: []string{"sentence"}}, []string{"c1", "c4", "c5"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, exportIDs(t, ix, tc.q)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
	got, err := ix.ClaimsByID(ctx, []string{"c1", "missing"})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got["c1"].Corroborations != 1 || !cmp.Equal(got["c1"].Conflicts, []string{"c4"}) {
		t.Errorf("ClaimsByID = %+v", got)
	}
	if err := w.Annotate(extract.Claim{ID: "doc:x"}); err == nil {
		t.Error("Annotate accepted a record id")
	}
}

func TestReplaceGroups(t *testing.T) {
	ix, _ := loaded(t)
	ctx := context.Background()
	if done, err := ix.Crosschecked(); err != nil || done {
		t.Fatalf("Crosschecked = %v, %v before any run", done, err)
	}
	g := func(topic, kind string, claims ...string) crosscheck.Group {
		gr := crosscheck.Group{Topic: topic, Kind: kind, Origins: len(claims), Conflict: true}
		for _, c := range claims {
			gr.Values = append(gr.Values, crosscheck.GroupValue{Value: c, Claims: []string{c}, Sources: []string{"S" + c}})
		}
		return gr
	}
	agree := g("bridge", "money", "c5")
	agree.Conflict = false
	w := ix.NewWriter(10)
	if err := w.ReplaceGroups(ctx, []crosscheck.Group{g("fund", "money", "c1", "c4"), g("signing", "date", "c2", "c3", "c6"), agree}); err != nil {
		t.Fatal(err)
	}
	topics := func(kind string) []string {
		gs, err := ix.Groups(ctx, kind)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, g := range gs {
			out = append(out, g.Topic)
		}
		return out
	}
	if diff := cmp.Diff([]string{"signing", "fund"}, topics("")); diff != "" {
		t.Errorf("groups, biggest first (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"fund"}, topics("money")); diff != "" {
		t.Errorf("money groups (-want +got):\n%s", diff)
	}
	// A second run replaces the first.
	if err := w.ReplaceGroups(ctx, []crosscheck.Group{g("dam", "date", "c2", "c6")}); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"dam"}, topics("")); diff != "" {
		t.Errorf("after replace (-want +got):\n%s", diff)
	}
	if done, err := ix.Crosschecked(); err != nil || !done {
		t.Errorf("Crosschecked = %v, %v after a run", done, err)
	}
	// Groups are not claims.
	if got := exportIDs(t, ix, Query{}); len(got) != 6 {
		t.Errorf("export gives %d claims, want the fixture's 6", len(got))
	}
}
