package corpus

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Walk calls fn for each input below locations: a file is passed as is, a
// directory is walked recursively (hidden files and directories skipped) in
// lexical order, "-" (standard input) is passed as is. A location that cannot
// be read is passed to fn with a non-nil error, and Walk goes on. Walk stops
// when fn returns an error or ctx is done, and returns that error.
//
// Inside a directory only regular files (and symbolic links to them) are
// passed: Clean decides whether a file is a document. Index directories
// (a Bleve index, such as claimdex.bleve) are skipped. Links to directories
// are not followed, so a link cycle cannot make Walk loop.
func Walk(ctx context.Context, locations []string, fn func(loc string, err error) error) error {
	for _, loc := range locations {
		if err := ctx.Err(); err != nil {
			return err
		}
		if loc == "-" {
			if err := fn(loc, nil); err != nil {
				return err
			}
			continue
		}
		info, err := os.Stat(loc)
		if err != nil {
			if err := fn(loc, fmt.Errorf("open input %s: %w", loc, err)); err != nil {
				return err
			}
			continue
		}
		if !info.IsDir() {
			if err := fn(loc, nil); err != nil {
				return err
			}
			continue
		}
		if err := walkDir(ctx, loc, fn); err != nil {
			return err
		}
	}
	return nil
}

// walkDir walks one directory in lexical order.
func walkDir(ctx context.Context, root string, fn func(loc string, err error) error) error {
	return filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if cerr := ctx.Err(); cerr != nil {
			return cerr
		}
		if path != root && isHidden(d.Name()) {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if err != nil {
			if ferr := fn(path, fmt.Errorf("read directory entry %s: %w", path, err)); ferr != nil {
				return ferr
			}
			if d != nil && d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			if isIndexDir(path) {
				return filepath.SkipDir // "claimdex ingest ." beside its index
			}
			return nil
		}
		mode := d.Type()
		if mode&fs.ModeSymlink != 0 {
			info, serr := os.Stat(path)
			if serr != nil {
				return fn(path, fmt.Errorf("follow link %s: %w", path, serr))
			}
			mode = info.Mode().Type()
		}
		if !mode.IsRegular() {
			return nil // directories behind links, devices, sockets, pipes
		}
		return fn(path, nil)
	})
}

// isIndexDir reports a Bleve index directory, such as claimdex's own
// index: its files are segments, not documents.
func isIndexDir(path string) bool {
	meta, err := os.Stat(filepath.Join(path, "index_meta.json"))
	if err != nil || !meta.Mode().IsRegular() {
		return false
	}
	store, err := os.Stat(filepath.Join(path, "store"))
	return err == nil && store.IsDir()
}

// isHidden reports dot files and dot directories (".git", ".DS_Store").
func isHidden(name string) bool {
	return strings.HasPrefix(name, ".") && name != "." && name != ".."
}

// ReadContext is Read that gives up when ctx is done: a pipe or a
// terminal can hold a read forever, and Ctrl-C must still end the run.
// The abandoned read ends with the process, or when its writer closes.
func ReadContext(ctx context.Context, loc string, stdin io.Reader, limit int64) ([]byte, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", loc, err)
	}
	type result struct {
		data []byte
		err  error
	}
	done := make(chan result, 1)
	go func() {
		data, err := Read(loc, stdin, limit)
		done <- result{data, err}
	}()
	select {
	case r := <-done:
		return r.data, r.err
	case <-ctx.Done():
		return nil, fmt.Errorf("read %s: %w", loc, ctx.Err())
	}
}

// Read returns the bytes of one input: a file path, or "-" for stdin.
// It refuses inputs larger than limit bytes (ErrTooLarge) without reading
// them whole. A limit of 0 or less means DefaultMaxBytes. A named pipe
// is opened without waiting for a writer (with none, it reads as empty);
// a device is read up to the limit like any stream.
func Read(loc string, stdin io.Reader, limit int64) ([]byte, error) {
	if limit <= 0 {
		limit = DefaultMaxBytes
	}
	var r io.Reader
	if loc == "-" {
		if stdin == nil {
			return nil, fmt.Errorf("read %s: no standard input", loc)
		}
		r = stdin
	} else {
		f, err := openInput(loc)
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", loc, err)
		}
		defer f.Close()
		info, err := f.Stat()
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", loc, err)
		}
		if info.IsDir() {
			return nil, fmt.Errorf("read %s: %w", loc, errIsDir)
		}
		if info.Mode().IsRegular() && info.Size() > limit {
			return nil, fmt.Errorf("read %s: %d bytes, limit %d: %w", loc, info.Size(), limit, ErrTooLarge)
		}
		r = f
	}
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", loc, err)
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("read %s: more than %d bytes: %w", loc, limit, ErrTooLarge)
	}
	return data, nil
}

// errIsDir reports a directory given where a file was expected.
var errIsDir = errors.New("is a directory")
