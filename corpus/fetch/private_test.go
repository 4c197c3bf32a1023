package fetch

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"testing"
)

func TestPublicAddr(t *testing.T) {
	tests := []struct {
		ip     string
		public bool
	}{
		{"93.184.216.34", true},
		{"2606:2800:220:1:248:1893:25c8:1946", true},
		{"127.0.0.1", false},
		{"127.8.9.10", false},
		{"::1", false},
		{"10.1.2.3", false},
		{"172.16.0.1", false},
		{"192.168.1.1", false},
		{"169.254.169.254", false}, // cloud metadata
		{"fe80::1", false},
		{"fc00::1", false},
		{"0.0.0.0", false},
		{"::", false},
		{"100.64.0.1", false},
		{"224.0.0.1", false},
		{"::ffff:127.0.0.1", false}, // IPv4-mapped loopback
		{"::ffff:10.0.0.1", false},
		{"203.0.113.5", false},
	}
	for _, tt := range tests {
		if got := PublicAddr(netip.MustParseAddr(tt.ip)); got != tt.public {
			t.Errorf("PublicAddr(%s) = %v, want %v", tt.ip, got, tt.public)
		}
	}
}

// TestRefusePrivate: with RefusePrivate a page on loopback is refused,
// whether named by address or by a name that resolves to it, and is not
// retried; without it the same page is fetched.
func TestRefusePrivate(t *testing.T) {
	hits := 0
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/robots.txt" {
			hits++
		}
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte("<html><body><p>A page on the inside network.</p></body></html>"))
	}))
	defer srv.Close()
	_, port, _ := splitHostPortURL(t, srv.URL)
	byName := "http://localhost:" + port + "/page"

	for _, in := range []string{srv.URL + "/page", byName} {
		cfg := testConfig()
		cfg.RefusePrivate = true
		res := runAll(t, newFetcher(t, cfg), in)
		if res.err != nil {
			t.Fatal(res.err)
		}
		if len(res.items) != 1 || !errors.Is(res.items[0].Err, ErrPrivateAddress) {
			t.Fatalf("%s: items %+v, want one failing with ErrPrivateAddress", in, res.items)
		}
	}
	if hits != 0 {
		t.Errorf("the refused page was requested %d times", hits)
	}
	res := runAll(t, newFetcher(t, testConfig()), srv.URL+"/page")
	if len(res.docs()) != 1 {
		t.Errorf("without RefusePrivate: items %+v, want the page", res.items)
	}
}

func splitHostPortURL(t *testing.T, raw string) (scheme, port, host string) {
	t.Helper()
	req, err := http.NewRequest("GET", raw, nil)
	if err != nil {
		t.Fatal(err)
	}
	return req.URL.Scheme, req.URL.Port(), req.URL.Hostname()
}
