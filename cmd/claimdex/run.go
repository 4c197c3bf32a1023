package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"
)

// Exit statuses, part of the command-line contract.
const (
	exitOK      = 0
	exitFatal   = 1 // the command could not do its job
	exitUsage   = 2 // bad flags or arguments
	exitPartial = 3 // ingest: some inputs failed, the rest went in
)

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
	e := &env{stdin: stdin, stdout: stdout, stderr: stderr, tty: isTerminal(stderr)}
	e.log = newLogger(stderr, false)
	if len(args) == 0 {
		fmt.Fprintf(stderr, "claimdex: no command given (see 'claimdex help')\n")
		return exitUsage
	}
	name, rest := args[0], args[1:]
	switch name {
	case "help", "-h", "-help", "--help":
		if len(rest) == 0 {
			io.WriteString(stdout, mainUsage())
			return exitOK
		}
		name, rest = rest[0], []string{"--help"}
	}
	for _, c := range commands {
		if c.name == name {
			return exitCode(e, c.name, c.run(ctx, e, rest))
		}
	}
	fmt.Fprintf(stderr, "claimdex: unknown command %q (see 'claimdex help')\n", name)
	return exitUsage
}

// exitCode reports err on one line of stderr and maps it to an exit status.
func exitCode(e *env, cmd string, err error) int {
	var ue *usageError
	var ee *exitError
	switch {
	case err == nil, errors.Is(err, errHelpShown):
		return exitOK
	case errors.As(err, &ue):
		fmt.Fprintf(e.stderr, "claimdex %s: %s (see 'claimdex %s --help')\n", cmd, oneLine(ue.msg), cmd)
		return exitUsage
	case errors.As(err, &ee):
		fmt.Fprintf(e.stderr, "claimdex: %s\n", oneLine(ee.err.Error()))
		return ee.code
	case err == context.Canceled:
		fmt.Fprintf(e.stderr, "claimdex: %s: interrupted\n", cmd)
		return exitFatal
	default:
		fmt.Fprintf(e.stderr, "claimdex: %s\n", oneLine(err.Error()))
		return exitFatal
	}
}

// oneLine keeps error output to one line whatever a wrapped error says.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// usageError is a mistake in the command line: exit status 2.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error {
	return &usageError{msg: fmt.Sprintf(format, args...)}
}

// exitError carries a specific exit status with its message.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }
func (e *exitError) Unwrap() error { return e.err }

// errHelpShown ends a command after --help printed its help: exit 0.
var errHelpShown = errors.New("help shown")

// newLogger returns the program's one logger: text lines on stderr, debug
// lines only with --verbose.
func newLogger(w io.Writer, verbose bool) *slog.Logger {
	level := slog.LevelInfo
	if verbose {
		level = slog.LevelDebug
	}
	return slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{Level: level}))
}

// isTerminal reports whether w is a character device, such as a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// parseFlags parses args with fs, allowing flags after positional
// arguments ("search fund --limit 3"); "--" ends the flags. It prints the
// help on --help (errHelpShown), turns flag errors into usage errors, and
// sets up e.log from --verbose.
func parseFlags(e *env, fs *flag.FlagSet, help string, args []string) ([]string, error) {
	verbose := fs.Bool("verbose", false, "log debug lines on stderr")
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				fmt.Fprint(e.stdout, helpText(fs, help))
				return nil, errHelpShown
			}
			return nil, &usageError{msg: err.Error()}
		}
		rest := fs.Args()
		if len(rest) == 0 {
			break
		}
		if consumed := len(args) - len(rest); consumed > 0 && args[consumed-1] == "--" {
			pos = append(pos, rest...)
			break
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
	e.log = newLogger(e.stderr, *verbose)
	return pos, nil
}

// helpText is a command's help followed by its flags.
func helpText(fs *flag.FlagSet, help string) string {
	var b strings.Builder
	b.WriteString(strings.TrimSpace(help))
	b.WriteString("\n\nFlags:\n")
	fs.VisitAll(func(f *flag.Flag) {
		name, usage := flag.UnquoteUsage(f)
		fmt.Fprintf(&b, "  --%s", f.Name)
		if name != "" {
			fmt.Fprintf(&b, " %s", name)
		}
		fmt.Fprintf(&b, "\n      %s", usage)
		if f.DefValue != "" && f.DefValue != "0" && f.DefValue != "false" {
			fmt.Fprintf(&b, " (default %s)", f.DefValue)
		}
		b.WriteString("\n")
	})
	return b.String()
}

// writeIndented writes v as indented JSON, with <, > and & as they are
// (claim texts are not HTML); what names the output in an error.
func writeIndented(w io.Writer, v any, what string) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return fmt.Errorf("write %s: %w", what, err)
	}
	return nil
}
