package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/seller-assistant/seller-assistant/app"
)

const usage = `usage: seller-assistant [--db FILE] [COMMAND [ARGS]]
       seller-assistant FILE.sellerdb

With no command, opens the window on FILE, the last workspace or the demo.

Commands:
  demo                 write the demo workspace to --db FILE
  report --out F.html  write the offline HTML report of --db FILE [--lang en|zh]
  backup --out FILE    save a consistent copy of --db FILE
  import orders PATH   import an order export (CSV/TSV/XLSX) into --db FILE
  tiers --out F.csv    write RFM scores, segments and tiers [--as-of YYYY-MM-DD]
  clv --out F.csv      predict P(alive), purchases and CLV (BG/NBD + Gamma-Gamma) [--as-of D --horizon-weeks N --margin F --discount-rate F]
  bench tiers          time import + tiers against the sqlite3 shell [--lines N]
  campaigns export --out F.csv  campaigns with budget lines, plan and evaluation (lift, ROI)
  risks export --out F.csv      the risk register with scores and overdue reviews
  cases export --out F.csv      service cases with business-hour response times [--from D --to D]
  quote FILE.json|-    price one unit from a JSON file of inputs (no --db needed)
  notes search QUERY   print matching research notes, best first [--market CC --method M --tag T --limit N]
  version              print the version and the workspace schema version

Options:
  --db FILE            the workspace file
  --startup-probe      open the window, print the time to the first frame, quit
`

// command is one CLI subcommand: a small type per file (cmd_*.go), each
// with its own flag set, thin over app and data.
type command interface {
	run(ctx context.Context, db string, args []string, stdout io.Writer) error
}

// commands holds the subcommands; each cmd_*.go registers itself in init,
// so adding one touches no shared file.
var commands = map[string]command{}

// errUsage marks a mistake in how the command was called: exit status 2.
var errUsage = errors.New("usage")

type usageError struct{ msg string }

func (e usageError) Error() string   { return e.msg }
func (e usageError) Is(t error) bool { return t == errUsage }

func usagef(format string, a ...any) error { return usageError{fmt.Sprintf(format, a...)} }

// globals are the flags before the command.
type globals struct {
	db    string // --db FILE: the workspace
	probe bool   // --startup-probe: print the time to the first frame and quit
}

func parseGlobal(args []string) (g globals, rest []string, err error) {
	fs := flag.NewFlagSet("seller-assistant", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&g.db, "db", "", "workspace file")
	fs.BoolVar(&g.probe, "startup-probe", false, "print the time to the first frame and quit")
	if err := fs.Parse(args); err != nil {
		return g, nil, err
	}
	return g, fs.Args(), nil
}

// runCommand runs one subcommand and returns the exit status: 0 done, 2 bad
// use (with the usage text), 1 anything else.
func runCommand(db string, args []string, stdout, stderr io.Writer) int {
	cmd, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "seller-assistant: unknown command %q\n%s", args[0], usage)
		return 2
	}
	err := cmd.run(context.Background(), db, args[1:], stdout)
	if err == nil {
		return 0
	}
	// A person's error reads as its message; the cause behind it (an EOF, a
	// driver error) goes only into internal errors, where it is the clue.
	msg := err.Error()
	var ae *app.Error
	if errors.As(err, &ae) && ae.Code != app.EInternal {
		msg = app.English().Message(err)
	}
	fmt.Fprintf(stderr, "seller-assistant %s: %s\n", args[0], msg)
	if errors.Is(err, errUsage) || app.ErrorCode(err) == app.EInvalid {
		return 2
	}
	return 1
}

// newFlags is a subcommand's flag set that reports errors instead of exiting.
func newFlags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return fs
}

func parseFlags(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		return usagef("%v", err)
	}
	if fs.NArg() > 0 {
		return usagef("unexpected argument %q", strings.Join(fs.Args(), " "))
	}
	return nil
}

func needDB(db string) error {
	if db == "" {
		return usagef("--db FILE is required")
	}
	return nil
}
