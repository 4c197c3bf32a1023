package pipeline

import (
	"context"
	"strings"
	"testing"

	"github.com/claimdex/claimdex/extract"
	"github.com/claimdex/claimdex/index"
)

func TestCrosscheckIndex(t *testing.T) {
	ix, err := index.OpenMem()
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	claim := func(id, doc, src, text, money string, amount float64) extract.Claim {
		i := strings.Index(text, money)
		return extract.Claim{ID: id, DocID: doc, Source: src, Text: text, Kind: extract.KindSentence,
			Title: "Lorvik approves harbour bridge", Conflicts: []string{},
			Money: []extract.Money{{Text: money, Amount: amount, Currency: "USD", Start: i, End: i + len(money)}}}
	}
	w := ix.NewWriter(10)
	docs := []extract.Claim{
		claim("a1", "A", "Alpha", "The harbour bridge budget was set at $1.2bn by the council.", "$1.2bn", 1.2e9),
		claim("b1", "B", "Beta", "The council set the harbour bridge budget at $1.5 billion.", "$1.5 billion", 1.5e9),
	}
	for _, c := range docs {
		if _, _, err := w.Put(index.DocRecord{ID: c.DocID, Location: c.DocID, Source: c.Source, Hash: c.DocID}, []extract.Claim{c, {ID: c.ID + "x", DocID: c.DocID, Text: "No value here.", Kind: extract.KindSentence}}); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	rep, err := Crosscheck(ctx, ix, nil)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Claims != 2 || rep.Conflicts != 1 || rep.Updated != 2 {
		t.Errorf("report %+v, want 2 claims read (not the ones without values), 1 conflict, 2 updated", rep)
	}
	res, err := ix.Search(ctx, index.Query{Conflicting: true})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total != 2 {
		t.Errorf("conflicting claims = %d, want 2", res.Total)
	}
	groups, err := ix.Groups(ctx, "money")
	if err != nil || len(groups) != 1 || groups[0].Topic == "" {
		t.Errorf("groups = %+v, %v; want one with a topic", groups, err)
	}
	// A second run has nothing to do.
	rep, err = Crosscheck(ctx, ix, nil)
	if err != nil || rep != nil {
		t.Errorf("second run: %+v, %v; want nothing to do", rep, err)
	}
	// A full one changes nothing.
	rep, err = Rebuild(ctx, ix, nil)
	if err != nil || rep.Updated != 0 || rep.Conflicts != 1 {
		t.Errorf("rebuild: %+v, %v; want nothing updated", rep, err)
	}
}
