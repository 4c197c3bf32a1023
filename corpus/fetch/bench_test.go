package fetch

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// BenchmarkFetch1000 fetches 1,000 pages of about 20 KB from one loopback
// server with the per-host limits lifted, and reports pages/s.
func BenchmarkFetch1000(b *testing.B) {
	body := "<!doctype html><html><body>" + strings.Repeat("<p>The river authority approved the levy.</p>", 450) + "</body></html>"
	s := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			io.WriteString(w, "User-agent: *\nDisallow: /private/\n")
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		io.WriteString(w, body)
	}))
	defer s.Close()
	urls := make([]string, 1000)
	for i := range urls {
		urls[i] = fmt.Sprintf("%s/story/%d", s.URL, i)
	}
	cfg := testConfig()
	cfg.PerHost, cfg.Global = 32, 32
	var pages int
	start := time.Now()
	for b.Loop() {
		f, err := New(cfg)
		if err != nil {
			b.Fatal(err)
		}
		out := make(chan Item, 64)
		done := make(chan int)
		go func() {
			n := 0
			for it := range out {
				if it.Err != nil {
					b.Errorf("%s: %v", it.Location, it.Err)
				}
				n++
			}
			done <- n
		}()
		if err := f.Run(b.Context(), urls, out); err != nil {
			b.Fatal(err)
		}
		close(out)
		pages += <-done
		f.Close()
	}
	b.ReportMetric(float64(pages)/time.Since(start).Seconds(), "pages/s")
}

// warcStream writes records of about recSize bytes, pages and images
// alternating, until total bytes, into w.
func warcStream(w io.Writer, total, recSize int) error {
	filler := strings.Repeat("<p>Tide tables for the estuary were revised.</p>", recSize/48)
	for i, n := 0, 0; n < total; i++ {
		ct := "text/html"
		if i%4 == 3 {
			ct = "image/jpeg"
		}
		block := httpResp("200 OK", ct, filler)
		rec := fmt.Sprintf("WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: https://stream%d.example/page/%d\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n%s\r\n\r\n", i%50, i, len(block), block)
		k, err := io.WriteString(w, rec)
		if err != nil {
			return err
		}
		n += k
	}
	return nil
}

// TestWARCStreamsInConstantMemory feeds a generated WARC through an
// io.Pipe (64 MB, or 1 GB with CLAIMDEX_BIG_WARC=1) and checks that peak
// heap stays far below the stream size.
func TestWARCStreamsInConstantMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("streams 64 MB")
	}
	total := 64 << 20
	if os.Getenv("CLAIMDEX_BIG_WARC") == "1" {
		total = 1 << 30
	}
	const recSize = 50 << 10
	pr, pw := io.Pipe()
	go func() { pw.CloseWithError(warcStream(pw, total, recSize)) }()

	runtime.GC()
	var peakInuse, peakSys atomic.Uint64
	stop := make(chan struct{})
	sampled := make(chan struct{})
	go func() {
		defer close(sampled)
		var ms runtime.MemStats
		tk := time.NewTicker(5 * time.Millisecond)
		defer tk.Stop()
		for {
			runtime.ReadMemStats(&ms)
			if ms.HeapInuse > peakInuse.Load() {
				peakInuse.Store(ms.HeapInuse)
			}
			if ms.Sys > peakSys.Load() {
				peakSys.Store(ms.Sys)
			}
			select {
			case <-stop:
				return
			case <-tk.C:
			}
		}
	}()
	f := newFetcher(t, testConfig())
	out := make(chan Item, 16)
	var docs, bytesIn int
	done := make(chan struct{})
	go func() {
		defer close(done)
		for it := range out {
			if it.Err != nil {
				t.Errorf("%s: %v", it.Location, it.Err)
			}
			docs++
			bytesIn += len(it.Data)
			f.Done(it.Location)
		}
	}()
	start := time.Now()
	err := f.runWith(t.Context(), out, func(r *run) { r.readWARC(pr, "stream") })
	close(out)
	<-done
	close(stop)
	<-sampled
	if err != nil {
		t.Fatal(err)
	}
	el := time.Since(start)
	t.Logf("streamed %d MB WARC in %v (%.0f MB/s): %d HTML docs, peak HeapInuse %.1f MB, peak Sys %.1f MB",
		total>>20, el.Round(time.Millisecond), float64(total>>20)/el.Seconds(), docs, float64(peakInuse.Load())/(1<<20), float64(peakSys.Load())/(1<<20))
	if wantDocs := total / (recSize + 500) * 3 / 4; docs < wantDocs*9/10 {
		t.Errorf("docs = %d, want about %d", docs, wantDocs)
	}
	if peak := peakInuse.Load(); peak > 64<<20 {
		t.Errorf("peak HeapInuse %d MB: the WARC is not streamed", peak>>20)
	}
}

// BenchmarkWARC measures WARC reading throughput (MB/s of stream).
func BenchmarkWARC(b *testing.B) {
	const total = 16 << 20
	for b.Loop() {
		pr, pw := io.Pipe()
		go func() { pw.CloseWithError(warcStream(pw, total, 50<<10)) }()
		f, _ := New(testConfig())
		out := make(chan Item, 16)
		go func() {
			for range out {
			}
		}()
		if err := f.runWith(context.Background(), out, func(r *run) { r.readWARC(pr, "bench") }); err != nil {
			b.Fatal(err)
		}
		close(out)
		f.Close()
	}
	b.SetBytes(total)
}
