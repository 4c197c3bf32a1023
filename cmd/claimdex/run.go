package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"

	"github.com/claimdex/claimdex/cmd/internal/cli"
)

// exitPartial is ingest's status when some inputs failed and the rest
// went in; the others are package cli's.
const exitPartial = 3

// env is what a command may touch of the outside world. Commands never use
// os.Stdin/os.Stdout/os.Stderr directly, so that tests can run them.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	// log is set once the command's flags are parsed (--verbose).
	log *slog.Logger
	// tty reports whether stderr is a terminal (progress shown in place).
	tty bool
}

// command is one subcommand.
type command struct {
	name    string
	summary string
	run     func(ctx context.Context, e *env, args []string) error
}

var commands = []command{
	{"ingest", "clean, extract and index documents", runIngest},
	{"search", "search the indexed claims", runSearch},
	{"export", "stream every matching claim as JSON Lines or a JSON array", runExport},
	{"extract", "print the claims of one document as JSON Lines, without an index", runExtract},
	{"clean", "print the cleaned text, blocks and metadata of one document", runClean},
	{"conflicts", "list claims that contradict each other", runConflicts},
	{"serve", "answer searches over HTTP while ingesting; watch feeds", runServe},
}

// run is the whole program: it returns the exit status.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	e := &env{stdin: stdin, stdout: stdout, stderr: stderr, tty: cli.IsTerminal(stderr)}
	e.log = newLogger(stderr, false)
	if len(args) == 0 {
		fmt.Fprintf(stderr, "claimdex: no command given (see 'claimdex help')\n")
		return cli.ExitUsage
	}
	name, rest := args[0], args[1:]
	switch name {
	case "help", "-h", "-help", "--help":
		if len(rest) == 0 {
			io.WriteString(stdout, mainUsage())
			return cli.ExitOK
		}
		name, rest = rest[0], []string{"--help"}
	}
	for _, c := range commands {
		if c.name == name {
			return exitCode(e, c.name, c.run(ctx, e, rest))
		}
	}
	fmt.Fprintf(stderr, "claimdex: unknown command %q (see 'claimdex help')\n", name)
	return cli.ExitUsage
}

// exitCode reports err on one line of stderr and maps it to an exit status.
func exitCode(e *env, cmd string, err error) int {
	var ee *exitError
	if errors.As(err, &ee) {
		fmt.Fprintf(e.stderr, "claimdex: %s\n", cli.OneLine(ee.err.Error()))
		return ee.code
	}
	return cli.Report(e.stderr, "claimdex", cmd, err)
}

// exitError carries a specific exit status with its message.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }
func (e *exitError) Unwrap() error { return e.err }

// newLogger returns the program's one logger: text lines on stderr, debug
// lines only with --verbose.
func newLogger(w io.Writer, verbose bool) *slog.Logger {
	level := slog.LevelInfo
	if verbose {
		level = slog.LevelDebug
	}
	return slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{Level: level}))
}

// parseFlags parses args with fs (cli.Parse) and sets up e.log from
// --verbose.
func parseFlags(e *env, fs *flag.FlagSet, help string, args []string) ([]string, error) {
	pos, verbose, err := cli.Parse(fs, help, args, e.stdout)
	if err != nil {
		return nil, err
	}
	e.log = newLogger(e.stderr, verbose)
	return pos, nil
}
