package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"github.com/seller-assistant/seller-assistant/app"
	"github.com/seller-assistant/seller-assistant/data"
)

// replenishCmd writes the replenishment plan: `seller-assistant --db FILE
// replenish [--as-of D] [--window-days 28] [--lead-time-days N]
// [--review-days 14] [--service-level 0.95] --out FILE.csv`, one row per SKU
// that has stock or sales (the rules of app/inventory.go), and prints how
// many SKUs are to reorder.
type replenishCmd struct{}

func init() { commands["replenish"] = replenishCmd{} }

func (replenishCmd) run(ctx context.Context, db string, args []string, stdout io.Writer) error {
	fs := newFlags("replenish")
	out := fs.String("out", "", "CSV file to write")
	asOfText := fs.String("as-of", "", "plan as of this day, YYYY-MM-DD (default: today)")
	window := fs.Int("window-days", 28, "days of demand before the as-of day")
	lead := fs.Int("lead-time-days", -1, "lead time for every SKU (default: each SKU's production + transit days)")
	review := fs.Int("review-days", 14, "days until the next review")
	levelText := fs.String("service-level", "0.95", "chance of not running out during the lead time, e.g. 0.95")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if err := needDB(db); err != nil {
		return err
	}
	if *out == "" {
		return usagef("--out FILE.csv is required")
	}
	o := app.DefaultReplenishOptions(time.Now())
	if *asOfText != "" {
		t, err := time.Parse(time.DateOnly, *asOfText)
		if err != nil {
			return usagef("--as-of %q: want YYYY-MM-DD", *asOfText)
		}
		o.AsOf = t
	}
	leadSet := false
	fs.Visit(func(f *flag.Flag) { leadSet = leadSet || f.Name == "lead-time-days" })
	if leadSet && *lead < 0 {
		return usagef("--lead-time-days must be 0 or more, got %d", *lead)
	}
	o.WindowDays, o.LeadTimeDays, o.ReviewDays = *window, *lead, *review
	level, err := strconv.ParseFloat(*levelText, 64)
	if err != nil {
		return usagef("--service-level %q: want a probability such as 0.95", *levelText)
	}
	o.ServiceLevel = level
	if err := o.Validate(); err != nil {
		return err
	}
	s, err := data.Open(ctx, db)
	if err != nil {
		return err
	}
	defer s.Close()
	ins, err := s.ReplenishInputs(ctx, o)
	if err != nil {
		return err
	}
	rows := app.ReplenishAll(ins, o)
	if err := writeReplenish(*out, rows); err != nil {
		return err
	}
	counts := map[string]int{}
	for _, r := range rows {
		counts[r.Status]++
	}
	fmt.Fprintf(stdout, "%d SKUs as of %s: %d to reorder, %d ok, %d without sales in the last %d days\n", len(rows),
		o.AsOf.Format(time.DateOnly), counts[app.StatusReorder], counts[app.StatusOK], counts[app.StatusNoSales], o.WindowDays)
	return nil
}

// writeReplenish writes the CSV beside path and renames it into place, so a
// failure leaves no half-written file (until the shared atomic-file helper
// lands; see cmd_clv.go).
func writeReplenish(path string, rows []app.ReplenishRow) error {
	f, err := os.CreateTemp(filepath.Dir(path), ".replenish-*.csv")
	if err != nil {
		return app.Wrap(err, app.EInvalid, "error.file_unwritable", path)
	}
	defer os.Remove(f.Name()) // after a successful rename this finds nothing
	w := bufio.NewWriterSize(f, 1<<16)
	if err := app.WriteReplenishCSV(w, rows); err != nil {
		f.Close()
		return app.Wrap(err, app.EInvalid, "error.file_unwritable", path)
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return app.Wrap(err, app.EInvalid, "error.file_unwritable", path)
	}
	if err := f.Close(); err != nil {
		return app.Wrap(err, app.EInvalid, "error.file_unwritable", path)
	}
	if err := os.Rename(f.Name(), path); err != nil {
		return app.Wrap(err, app.EInvalid, "error.file_unwritable", path)
	}
	return nil
}
