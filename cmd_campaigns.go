package main

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/seller-assistant/seller-assistant/app"
	"github.com/seller-assistant/seller-assistant/app/atomicfile"
	"github.com/seller-assistant/seller-assistant/data"
)

// campaignsCmd exports the campaigns with their budget lines, plan and
// evaluation: `seller-assistant --db FILE campaigns export [--as-of YYYY-MM-DD]
// --out FILE.csv`.
type campaignsCmd struct{}

func init() { commands["campaigns"] = campaignsCmd{} }

func (campaignsCmd) run(ctx context.Context, db string, args []string, stdout io.Writer) error {
	s, out, asOf, err := openExport(ctx, db, "campaigns", args)
	if err != nil {
		return err
	}
	defer s.Close()
	cs, err := s.Campaigns(ctx)
	if err != nil {
		return err
	}
	// Unit costs for the gross-profit columns: saved quotes, else purchase
	// cost (see app.UnitCosts for which cost and which currency).
	costs, err := app.LoadUnitCosts(ctx, s)
	if err != nil {
		return err
	}
	return writeExport(out, func(w io.Writer) error {
		return app.WriteCampaignsCSV(ctx, w, s, cs, costs, asOf)
	}, func() { fmt.Fprintf(stdout, "%d campaigns written to %s\n", len(cs), out) })
}

// openExport parses `NAME export [--as-of YYYY-MM-DD] --out FILE.csv` and
// opens the workspace; the caller closes it. --as-of is the day that
// decides past/running/planned and overdue (default: now), so an export
// can be repeated later with the same result.
func openExport(ctx context.Context, db, name string, args []string) (*data.Store, string, time.Time, error) {
	if len(args) == 0 || args[0] != "export" {
		return nil, "", time.Time{}, usagef("usage: %s export [--as-of YYYY-MM-DD] --out FILE.csv", name)
	}
	fs := newFlags(name + " export")
	out := fs.String("out", "", "CSV file to write")
	asOfText := fs.String("as-of", "", "the day the statuses are computed for, YYYY-MM-DD (default: today)")
	if err := parseFlags(fs, args[1:]); err != nil {
		return nil, "", time.Time{}, err
	}
	if err := needOut(db, *out); err != nil {
		return nil, "", time.Time{}, err
	}
	// Local midnight: the statuses compare with the clock's day.
	asOf, err := parseAsOf(*asOfText, time.Local)
	if err != nil {
		return nil, "", time.Time{}, err
	}
	if asOf.IsZero() {
		asOf = time.Now()
	}
	s, err := data.Open(ctx, db)
	if err != nil {
		return nil, "", time.Time{}, err
	}
	return s, *out, asOf, nil
}

// writeExport writes path through fill with atomicfile, so a failed export
// never leaves a half-written file or clobbers the previous one.
func writeExport(path string, fill func(io.Writer) error, done func()) error {
	if err := atomicfile.Write(path, fill); err != nil {
		return err
	}
	done()
	return nil
}
