//go:build !unix

package corpus

import "os"

// openInput opens a file to read.
func openInput(loc string) (*os.File, error) {
	return os.Open(loc)
}
