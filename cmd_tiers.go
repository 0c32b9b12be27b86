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

// tiersCmd writes the RFM scores, segments and tiers of every scored
// customer: `seller-assistant --db FILE tiers [--as-of YYYY-MM-DD] --out FILE.csv`.
type tiersCmd struct{}

func init() { commands["tiers"] = tiersCmd{} }

func (tiersCmd) run(ctx context.Context, db string, args []string, stdout io.Writer) error {
	fs := newFlags("tiers")
	out := fs.String("out", "", "CSV file to write")
	asOfText := fs.String("as-of", "", "as-of date YYYY-MM-DD (default: the day after the newest order)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if err := needOut(db, *out); err != nil {
		return err
	}
	var asOf time.Time
	if *asOfText != "" {
		t, err := time.Parse("2006-01-02", *asOfText)
		if err != nil {
			return app.Errorf(app.EInvalid, "customers.err.bad_as_of", *asOfText)
		}
		asOf = t
	}
	s, err := data.Open(ctx, db)
	if err != nil {
		return err
	}
	defer s.Close()
	n, unscored, err := writeTiers(ctx, s, asOf, *out)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "%d customers scored, %d not scored, written to %s\n", n, unscored, *out)
	return nil
}

// writeTiers scores the workspace's customers and writes the CSV. With an
// as-of date only the lines dated before it count (CustomerStatsAsOf).
func writeTiers(ctx context.Context, s app.CustomerStore, asOf time.Time, path string) (scored, unscored int, err error) {
	stats, err := s.CustomerStatsAsOf(ctx, asOf)
	if err != nil {
		return 0, 0, err
	}
	t := app.ScoreCustomers(stats, asOf)
	if err := atomicfile.Write(path, func(w io.Writer) error { return app.WriteTiersCSV(w, t.Scored) }); err != nil {
		return 0, 0, err
	}
	return len(t.Scored), len(t.Unscored), nil
}
