//go:build unix

package corpus

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// endsWithin fails the test when fn has not returned after d, instead of
// hanging: the bugs these tests guard against are reads that never end.
func endsWithin(t *testing.T, d time.Duration, fn func()) {
	t.Helper()
	done := make(chan struct{})
	go func() {
		defer close(done)
		fn()
	}()
	select {
	case <-done:
	case <-time.After(d):
		t.Fatalf("still blocked after %s", d)
	}
}

func mkfifo(t *testing.T) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "pipe")
	if err := syscall.Mkfifo(p, 0o600); err != nil {
		t.Skipf("no FIFOs here: %v", err)
	}
	return p
}

// A FIFO named directly with no writer reads as empty at once rather
// than waiting for a writer forever.
func TestReadFIFOWithoutWriter(t *testing.T) {
	p := mkfifo(t)
	endsWithin(t, 5*time.Second, func() {
		data, err := ReadContext(t.Context(), p, nil, 1<<20)
		if err != nil || len(data) != 0 {
			t.Errorf("ReadContext(fifo) = %q, %v; want empty, nil", data, err)
		}
	})
}

// A FIFO whose writer sends nothing holds the read only until the
// context is done: Ctrl-C ends the run.
func TestReadFIFOCancelled(t *testing.T) {
	p := mkfifo(t)
	w, err := os.OpenFile(p, os.O_RDWR, 0) // a writer that never writes
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	ctx, cancel := context.WithTimeout(t.Context(), 200*time.Millisecond)
	defer cancel()
	endsWithin(t, 5*time.Second, func() {
		_, err := ReadContext(ctx, p, nil, 1<<20)
		if !errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("ReadContext = %v, want the context's error", err)
		}
	})
}

// A FIFO with a writer is read like a file, under the size cap. The test
// holds the write end itself (O_RDWR opens without waiting for a reader)
// and fills it before the read starts, so no goroutine races the open.
func TestReadFIFOWithWriter(t *testing.T) {
	p := mkfifo(t)
	w, err := os.OpenFile(p, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	if _, err := w.Write(make([]byte, 2000)); err != nil {
		t.Fatal(err)
	}
	endsWithin(t, 5*time.Second, func() {
		if _, err := ReadContext(t.Context(), p, nil, 1000); !errors.Is(err, ErrTooLarge) {
			t.Errorf("2000 bytes through a FIFO at a 1000-byte cap: err = %v, want ErrTooLarge", err)
		}
	})
}
