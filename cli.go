package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/seller-assistant/seller-assistant/app"
	"github.com/seller-assistant/seller-assistant/app/atomicfile"
)

const usage = `usage: seller-assistant [--db FILE] [COMMAND [ARGS]]
       seller-assistant FILE.sellerdb

With no command, opens the window on FILE, the last workspace or the demo.

Commands:
  demo                 write the demo workspace to --db FILE
  report --out F.html  write the offline HTML report of --db FILE [--lang en|zh]
  backup --out FILE    save a consistent copy of --db FILE
  import orders PATH   import an order export (CSV/TSV/XLSX) into --db FILE [--currency CODE: of a file without a currency column]
  fx base [CODE]       show the base currency, or change it (every order figure converted; changing back is the undo)
  fx rates             list the exchange rates (yuan per unit, dated); fx rate CODE YYYY-MM-DD YUAN [--note T] adds one
  tiers --out F.csv    write RFM scores, segments and tiers [--as-of YYYY-MM-DD]
  clv --out F.csv      predict P(alive), purchases and CLV (BG/NBD + Gamma-Gamma) [--as-of D --horizon-weeks N --margin F --discount-rate F]
  bench tiers          time import + tiers against the sqlite3 shell [--lines N]
  bench ads            time ads import + ads terms on a generated search term report [--rows N]
  ads import PATH      import an Amazon search term, campaign or Business Report (CSV/XLSX) [--from D --to D]
  ads terms --out F.csv  search terms with ratios, action and suggested bid [--from D --to D --target-acos F --negate-clicks N --harvest-orders N]
  bench replenish      time replenish over generated orders and stock [--lines N --skus N --runs R]
  campaigns export --out F.csv  campaigns with budget lines, plan and evaluation (lift, ROI)
  risks export --out F.csv      the risk register with scores and overdue reviews
  cases export --out F.csv      service cases with business-hour response times [--from D --to D]
  quote FILE.json|-    price one unit from a JSON file of inputs (no --db needed)
  channels rank --dest CC --weight-kg W --dims LxWxH  rank channels door to door for one unit, JSON [--battery] [--liquid]
  inventory import PATH  import stock: Amazon's Manage FBA Inventory report or sku,warehouse,on_hand,inbound (CSV/TSV/XLSX) [--warehouse W]
  replenish --out F.csv  when and how much to reorder per SKU [--as-of D --window-days 28 --lead-time-days N --review-days 14 --service-level 0.95]
  storage --out F.csv  storage cost per unit and stock age per stocked SKU [--as-of D --window-days 28 --aged-days N]
  notes search QUERY   print matching research notes, best first [--market CC --method M --tag T --limit N]
  version              print the version and the workspace schema version

Options:
  --db FILE            the workspace file
  --startup-probe      open the window, print the time to the first frame, quit
  --cpuprofile FILE    write a CPU profile of the run to FILE (go tool pprof FILE)

A command's flags may come before or after its arguments (import orders f.csv --skip-bad).
--out never overwrites the workspace or any other database; it replaces an earlier export
only once the new file is complete. Exit status: 0 done, 2 bad use, 1 a file refused or failed.
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
	// --cpuprofile FILE: profile any command (or the window) into FILE.
	cpuProfile string
}

func parseGlobal(args []string) (g globals, rest []string, err error) {
	fs := flag.NewFlagSet("seller-assistant", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&g.db, "db", "", "workspace file")
	fs.BoolVar(&g.probe, "startup-probe", false, "print the time to the first frame and quit")
	fs.StringVar(&g.cpuProfile, "cpuprofile", "", "write a CPU profile to this file")
	if err := fs.Parse(args); err != nil {
		return g, nil, err
	}
	return g, fs.Args(), nil
}

// notesKey carries where a command writes notes for the person: stderr,
// because stdout holds data a script reads (clv's one JSON object).
type notesKey struct{}

func withNotes(ctx context.Context, w io.Writer) context.Context {
	return context.WithValue(ctx, notesKey{}, w)
}

// notes is where a command writes notes; nowhere when none was set.
func notes(ctx context.Context) io.Writer {
	if w, ok := ctx.Value(notesKey{}).(io.Writer); ok {
		return w
	}
	return io.Discard
}

// runCommand runs one subcommand and returns the exit status: 0 done, 2 bad
// use (with the usage text), 1 anything else.
func runCommand(db string, args []string, stdout, stderr io.Writer) int {
	cmd, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "seller-assistant: unknown command %q\n%s", args[0], usage)
		return 2
	}
	ctx := app.WithOpenProgress(withNotes(context.Background(), stderr), openProgressLines(stderr))
	err := cmd.run(ctx, db, args[1:], stdout)
	if err == nil {
		return 0
	}
	// A locked workspace, a read-only folder, a full disk: say that, not
	// "internal error".
	err = app.Explain(err, db)
	// A person's error reads as its message; the cause behind it (an EOF, a
	// driver error) goes only into internal errors, where it is the clue.
	msg := err.Error()
	var ae *app.Error
	if errors.As(err, &ae) && ae.Code != app.EInternal {
		msg = app.English().Message(err)
	}
	fmt.Fprintf(stderr, "seller-assistant %s: %s\n", args[0], msg)
	return exitCode(err)
}

// exitCode is the README's contract: 2 for bad use — the command line is
// wrong: an unknown command or flag, a missing or malformed value
// (app.EInvalid from a flag), an --out that names the workspace or another
// database; 1 for a file that is refused or fails: an import file refused
// for its rows or dates, a workspace that is missing, not a workspace,
// damaged, newer, not a demo, locked or read-only, a full disk, an output
// that cannot be written — and for internal errors.
func exitCode(err error) int {
	switch {
	case errors.Is(err, errUsage):
		return 2
	case errors.Is(err, errRefusedFile):
		return 1
	case app.ErrorCode(err) == app.EInvalid:
		return 2
	}
	return 1
}

// errRefusedFile marks an input file refused for what it holds — bad rows
// without --skip-bad, dates that need --date-order —: the README's "a
// refused file exits with 1", though the person's message is app.EInvalid.
var errRefusedFile = errors.New("refused file")

type refusedFileError struct{ err error }

func (e refusedFileError) Error() string   { return e.err.Error() }
func (e refusedFileError) Unwrap() error   { return e.err }
func (e refusedFileError) Is(t error) bool { return t == errRefusedFile }

// refusedFile marks err, an input file's refusal, for exit status 1.
func refusedFile(err error) error {
	if err == nil {
		return nil
	}
	return refusedFileError{err}
}

// newFlags is a subcommand's flag set that reports errors instead of exiting.
func newFlags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return fs
}

// parseFlags parses a command's flags; it takes no positional arguments.
func parseFlags(fs *flag.FlagSet, args []string) error {
	pos, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("unexpected argument %q", strings.Join(pos, " "))
	}
	return nil
}

// parseArgs parses flags wherever they stand — before, between or after
// the positional arguments, as in `import orders f.csv --skip-bad` — and
// returns the positional arguments in order. The flag package alone stops
// at the first positional one. After "--" everything is positional.
func parseArgs(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, usagef("%v", err)
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return pos, nil
		}
		if n := len(args) - len(rest); n > 0 && args[n-1] == "--" {
			return append(pos, rest...), nil
		}
		pos, args = append(pos, rest[0]), rest[1:]
	}
}

func needDB(db string) error {
	if db == "" {
		return usagef("--db FILE is required")
	}
	return nil
}

// needOut checks --db and a required --out FILE.csv, which may name
// neither the workspace nor another database (atomicfile.Check): each a
// bad use, exit 2, before anything is opened.
func needOut(db, out string) error {
	if err := needDB(db); err != nil {
		return err
	}
	if out == "" {
		return usagef("--out FILE.csv is required")
	}
	return atomicfile.Check(out, db)
}

// parseAsOf reads an optional --as-of YYYY-MM-DD as midnight in loc; the
// zero time when text is empty.
func parseAsOf(text string, loc *time.Location) (time.Time, error) {
	if text == "" {
		return time.Time{}, nil
	}
	t, err := time.ParseInLocation(time.DateOnly, text, loc)
	if err != nil {
		return time.Time{}, usagef("--as-of %q: want YYYY-MM-DD", text)
	}
	return t, nil
}
