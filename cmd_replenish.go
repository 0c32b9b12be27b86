package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strconv"
	"time"

	"github.com/seller-assistant/seller-assistant/app"
	"github.com/seller-assistant/seller-assistant/app/atomicfile"
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
	if err := needOut(db, *out); err != nil {
		return err
	}
	o := app.DefaultReplenishOptions(time.Now())
	if t, err := parseAsOf(*asOfText, time.UTC); err != nil {
		return err
	} else if !t.IsZero() {
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

// writeReplenish writes the CSV through atomicfile: whole or not at all,
// mode 0600.
func writeReplenish(path string, rows []app.ReplenishRow) error {
	return atomicfile.Write(path, func(w io.Writer) error { return app.WriteReplenishCSV(w, rows) })
}
