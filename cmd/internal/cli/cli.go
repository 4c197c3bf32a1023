// Package cli is the command-line conventions the claimdex binaries share:
// flags allowed after arguments, help texts listing the flags, usage errors
// and exit statuses, the flag values (dates, numbers, choices, repeatable
// names) and the claim filters of search and export.
//
// claimdex and the search-only client claimdex-search parse and report
// alike because both use it; it imports neither Bleve nor prose, so that
// the client does not link them.
package cli

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
)

// DefaultIndex is the index directory used when --index is not given.
const DefaultIndex = "claimdex.bleve"

// Exit statuses, part of the command-line contract.
const (
	ExitOK    = 0
	ExitFatal = 1 // the command could not do its job
	ExitUsage = 2 // bad flags or arguments
)

// UsageError is a mistake in the command line: exit status 2.
type UsageError struct{ Msg string }

func (e *UsageError) Error() string { return e.Msg }

// Usagef returns a *UsageError.
func Usagef(format string, args ...any) error {
	return &UsageError{Msg: fmt.Sprintf(format, args...)}
}

// ErrHelpShown ends a command after --help printed its help: exit 0.
var ErrHelpShown = errors.New("help shown")

// Report writes err on one line of w and returns the exit status. prog
// is the program, cmd its subcommand ("" for a program that is one
// command): a usage error points to "prog cmd --help".
func Report(w io.Writer, prog, cmd string, err error) int {
	name, where := prog, prog
	if cmd != "" {
		name, where = prog+" "+cmd, prog+": "+cmd
	}
	var ue *UsageError
	switch {
	case err == nil, errors.Is(err, ErrHelpShown):
		return ExitOK
	case errors.As(err, &ue):
		fmt.Fprintf(w, "%s: %s (see '%s --help')\n", name, OneLine(ue.Msg), name)
		return ExitUsage
	case err == context.Canceled:
		fmt.Fprintf(w, "%s: interrupted\n", where)
		return ExitFatal
	default:
		fmt.Fprintf(w, "%s: %s\n", prog, OneLine(err.Error()))
		return ExitFatal
	}
}

// OneLine keeps error output to one line whatever a wrapped error says.
func OneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// OrDash is s, or "-" for an empty field of text output.
func OrDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// Parse parses args with fs, allowing flags after positional arguments
// ("search fund --limit 3"); "--" ends the flags. It adds --verbose and
// returns it. On --help it prints help with the flags to stdout and
// returns ErrHelpShown; flag errors become usage errors.
func Parse(fs *flag.FlagSet, help string, args []string, stdout io.Writer) (pos []string, verbose bool, err error) {
	v := fs.Bool("verbose", false, "log debug lines on stderr")
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				fmt.Fprint(stdout, HelpText(fs, help))
				return nil, false, ErrHelpShown
			}
			return nil, false, &UsageError{Msg: err.Error()}
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
	return pos, *v, nil
}

// HelpText is a command's help followed by its flags.
func HelpText(fs *flag.FlagSet, help string) string {
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

// WriteJSON writes v as indented JSON, with <, > and & as they are
// (claim texts are not HTML); what names the output in an error.
func WriteJSON(w io.Writer, v any, what string) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return fmt.Errorf("write %s: %w", what, err)
	}
	return nil
}

// IsTerminal reports whether w is a character device, such as a terminal.
func IsTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}
