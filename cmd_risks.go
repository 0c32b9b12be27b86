package main

import (
	"context"
	"fmt"
	"io"

	"github.com/seller-assistant/seller-assistant/app"
)

// risksCmd exports the risk register:
// `seller-assistant --db FILE risks export [--as-of YYYY-MM-DD] --out FILE.csv`.
type risksCmd struct{}

func init() { commands["risks"] = risksCmd{} }

func (risksCmd) run(ctx context.Context, db string, args []string, stdout io.Writer) error {
	s, out, asOf, err := openExport(ctx, db, "risks", args)
	if err != nil {
		return err
	}
	defer s.Close()
	rs, err := s.Risks(ctx)
	if err != nil {
		return err
	}
	return writeExport(out, func(w io.Writer) error {
		return app.WriteRisksCSV(w, rs, asOf)
	}, func() { fmt.Fprintf(stdout, "%d risks written to %s\n", len(rs), out) })
}
