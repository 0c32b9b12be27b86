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
// evaluation: `seller-assistant --db FILE campaigns export --out FILE.csv`.
type campaignsCmd struct{}

func init() { commands["campaigns"] = campaignsCmd{} }

func (campaignsCmd) run(ctx context.Context, db string, args []string, stdout io.Writer) error {
	s, out, err := openExport(ctx, db, "campaigns", args)
	if err != nil {
		return err
	}
	defer s.Close()
	cs, err := s.Campaigns(ctx)
	if err != nil {
		return err
	}
	return writeExport(out, func(w io.Writer) error {
		return app.WriteCampaignsCSV(ctx, w, s, cs, time.Now())
	}, func() { fmt.Fprintf(stdout, "%d campaigns written to %s\n", len(cs), out) })
}

// openExport parses `NAME export --out FILE.csv` and opens the workspace
// for the export commands that take nothing else; the caller closes it.
func openExport(ctx context.Context, db, name string, args []string) (*data.Store, string, error) {
	if len(args) == 0 || args[0] != "export" {
		return nil, "", usagef("usage: %s export --out FILE.csv", name)
	}
	fs := newFlags(name + " export")
	out := fs.String("out", "", "CSV file to write")
	if err := parseFlags(fs, args[1:]); err != nil {
		return nil, "", err
	}
	if err := needDB(db); err != nil {
		return nil, "", err
	}
	if *out == "" {
		return nil, "", usagef("--out FILE.csv is required")
	}
	if err := atomicfile.Check(*out, db); err != nil {
		return nil, "", err
	}
	s, err := data.Open(ctx, db)
	if err != nil {
		return nil, "", err
	}
	return s, *out, nil
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
