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

// casesCmd exports customer-care cases:
// `seller-assistant --db FILE cases export [--from YYYY-MM-DD] [--to YYYY-MM-DD] --out FILE.csv`.
// --from and --to are UTC dates of opening, both included.
type casesCmd struct{}

func init() { commands["cases"] = casesCmd{} }

const casesUsage = "usage: cases export [--from YYYY-MM-DD] [--to YYYY-MM-DD] --out FILE.csv"

func (casesCmd) run(ctx context.Context, db string, args []string, stdout io.Writer) error {
	if len(args) == 0 || args[0] != "export" {
		return usagef(casesUsage)
	}
	fs := newFlags("cases export")
	out := fs.String("out", "", "CSV file to write")
	from := fs.String("from", "", "first day of opening, YYYY-MM-DD (UTC)")
	to := fs.String("to", "", "last day of opening, YYYY-MM-DD (UTC), included")
	if err := parseFlags(fs, args[1:]); err != nil {
		return err
	}
	if err := needDB(db); err != nil {
		return err
	}
	if *out == "" {
		return usagef("--out FILE.csv is required\n%s", casesUsage)
	}
	if err := atomicfile.Check(*out, db); err != nil {
		return err
	}
	var f app.CareFilter
	for _, d := range []struct {
		flag, text string
		into       *time.Time
		add        int
	}{{"--from", *from, &f.From, 0}, {"--to", *to, &f.To, 1}} {
		if d.text == "" {
			continue
		}
		t, err := time.Parse("2006-01-02", d.text)
		if err != nil {
			return usagef("%s %q is not a date (YYYY-MM-DD)", d.flag, d.text)
		}
		*d.into = t.AddDate(0, 0, d.add)
	}
	if !f.From.IsZero() && !f.To.IsZero() && !f.To.After(f.From) {
		return usagef("--to %s is before --from %s", *to, *from)
	}
	s, err := data.Open(ctx, db)
	if err != nil {
		return err
	}
	defer s.Close()
	cases, err := s.Cases(ctx, f)
	if err != nil {
		return err
	}
	bh, err := s.BusinessHours(ctx)
	if err != nil {
		return err
	}
	targets, err := s.Targets(ctx)
	if err != nil {
		return err
	}
	// Oldest first reads naturally in a spreadsheet.
	for i, j := 0, len(cases)-1; i < j; i, j = i+1, j-1 {
		cases[i], cases[j] = cases[j], cases[i]
	}
	if err := writeCasesFile(*out, func(w io.Writer) error { return app.WriteCasesCSV(w, cases, bh, targets, time.Now()) }); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "%d cases written to %s\n", len(cases), *out)
	return nil
}

// writeCasesFile writes through atomicfile, so a failed export never
// leaves half a file under the name asked for.
func writeCasesFile(path string, fill func(io.Writer) error) error {
	return atomicfile.Write(path, fill)
}
