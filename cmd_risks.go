package main

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/seller-assistant/seller-assistant/app"
	"github.com/seller-assistant/seller-assistant/data"
)

// risksCmd exports the risk register:
// `seller-assistant --db FILE risks export --out FILE.csv`.
type risksCmd struct{}

func init() { commands["risks"] = risksCmd{} }

func (risksCmd) run(ctx context.Context, db string, args []string, stdout io.Writer) error {
	if len(args) == 0 || args[0] != "export" {
		return usagef("usage: risks export --out FILE.csv")
	}
	fs := newFlags("risks export")
	out := fs.String("out", "", "CSV file to write")
	if err := parseFlags(fs, args[1:]); err != nil {
		return err
	}
	if err := needDB(db); err != nil {
		return err
	}
	if *out == "" {
		return usagef("--out FILE.csv is required")
	}
	s, err := data.Open(ctx, db)
	if err != nil {
		return err
	}
	defer s.Close()
	rs, err := s.Risks(ctx)
	if err != nil {
		return err
	}
	return writeExport(*out, func(w io.Writer) error {
		return app.WriteRisksCSV(w, rs, time.Now())
	}, func() { fmt.Fprintf(stdout, "%d risks written to %s\n", len(rs), *out) })
}
