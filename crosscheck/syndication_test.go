package crosscheck

import (
	"strings"
	"testing"
)

const wire = `Engineers in the port city of Lorvik began dismantling the old harbour crane on Thursday after a
safety inspection found cracks in two of its four legs. The crane, built in 1961, had been out of service since
the spring. City officials said the work would take about six weeks and cost the port authority roughly 3.4
million crowns. A replacement crane is due to arrive from a shipyard in Tessaly in the autumn, the port's
operations director Hanne Veld told reporters. Dock workers said the closure had already slowed container traffic.`

func TestOriginsWireCopies(t *testing.T) {
	// Site B: new headline line, one sentence reworded, the last dropped.
	siteB := "Lorvik crane comes down\n" + strings.Replace(strings.Replace(wire,
		"City officials said", "Officials at city hall said", 1),
		" Dock workers said the closure had already slowed container traffic.", "", 1)
	// An independent report of the same event, in other words.
	own := `The Lorvik port authority is taking down its 1961 harbour crane after inspectors found cracked legs.
The job should last six weeks, according to director Hanne Veld, and a new crane from Tessaly is expected
later this year. Dockers complained about slower container handling while the crane is out of use.`
	fps := map[string]Fingerprint{
		"a": NewFingerprint(wire),
		"b": NewFingerprint(siteB),
		"c": NewFingerprint(own),
		"d": NewFingerprint("Short note."),
		"e": NewFingerprint("Short note."),
	}
	if s := fps["a"].Similarity(fps["b"]); s < DefaultSyndicationThreshold {
		t.Errorf("wire copy similarity %.2f below threshold", s)
	}
	if s := fps["a"].Similarity(fps["c"]); s > 0.2 {
		t.Errorf("independent report similarity %.2f, want near 0", s)
	}
	got := Origins(fps, 0)
	if got["a"] != got["b"] {
		t.Errorf("wire copies a and b are different origins: %v", got)
	}
	if got["c"] == got["a"] {
		t.Errorf("independent report c merged with the wire story: %v", got)
	}
	if got["d"] == got["e"] {
		t.Errorf("two short equal texts taken for a syndicated story: %v", got)
	}
}

func TestFingerprintIgnoresPunctuationAndCase(t *testing.T) {
	a := NewFingerprint(wire)
	b := NewFingerprint(strings.ToUpper(strings.NewReplacer(",", "", ".", " ;").Replace(wire)))
	if s := a.Similarity(b); s != 1 {
		t.Errorf("similarity %.2f, want 1", s)
	}
}

func BenchmarkNewFingerprint(b *testing.B) {
	for b.Loop() {
		NewFingerprint(wire)
	}
}
