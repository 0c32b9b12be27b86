package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"time"

	"github.com/seller-assistant/seller-assistant/app"
	"github.com/seller-assistant/seller-assistant/app/atomicfile"
	"github.com/seller-assistant/seller-assistant/data"
)

// storageCmd writes each stocked SKU's storage cost and stock age:
// `seller-assistant --db FILE storage [--as-of D] [--window-days 28]
// [--aged-days N] --out FILE.csv` (the rules of app/storage.go). It is its
// own command so the replenish CSV keeps exactly its contract's columns.
type storageCmd struct{}

func init() { commands["storage"] = storageCmd{} }

func (storageCmd) run(ctx context.Context, db string, args []string, stdout io.Writer) error {
	fs := newFlags("storage")
	out := fs.String("out", "", "CSV file to write")
	asOfText := fs.String("as-of", "", "as of this day, YYYY-MM-DD (default: today)")
	window := fs.Int("window-days", 28, "days of demand before the as-of day")
	aged := fs.Int("aged-days", 0, "units at least this many days old are aged (default: the workspace's, 181 unless changed)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if err := needOut(db, *out); err != nil {
		return err
	}
	o := app.DefaultStorageOptions(time.Now())
	if t, err := parseAsOf(*asOfText, time.UTC); err != nil {
		return err
	} else if !t.IsZero() {
		o.AsOf = t
	}
	agedSet := false
	fs.Visit(func(f *flag.Flag) { agedSet = agedSet || f.Name == "aged-days" })
	o.WindowDays = *window
	if agedSet {
		o.AgedDays = *aged
	}
	if err := o.Validate(); err != nil {
		return err
	}
	s, err := data.Open(ctx, db)
	if err != nil {
		return err
	}
	defer s.Close()
	if !agedSet {
		o.AgedDays = 0 // the workspace's
	}
	v, err := app.LoadStorage(ctx, s, o)
	if err != nil {
		return err
	}
	lines := v.Lines
	o = v.Opts
	if err := atomicfile.Write(*out, func(w io.Writer) error { return app.WriteStorageCSV(w, lines) }); err != nil {
		return err
	}
	agedSKUs, noCost := 0, 0
	for _, l := range lines {
		if l.Aged() {
			agedSKUs++
		}
		if !l.HasCost {
			noCost++
		}
	}
	fmt.Fprintf(stdout, "%d stocked SKUs as of %s: %d with units aged %d days or more, %d without a storage cost (no volume, fee or sales)\n",
		len(lines), o.AsOf.Format(time.DateOnly), agedSKUs, o.AgedDays, noCost)
	return nil
}
