//go:build unix

package corpus

import (
	"os"
	"syscall"
)

// openInput opens a file to read. A named pipe is opened non-blocking:
// a plain open would wait, uninterruptibly, for a writer that may never
// come. Go's poller then makes reads wait for data without blocking a
// thread, and a pipe with no writer reads as empty.
func openInput(loc string) (*os.File, error) {
	if fi, err := os.Stat(loc); err == nil && fi.Mode()&os.ModeNamedPipe != 0 {
		return os.OpenFile(loc, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	}
	return os.Open(loc)
}
