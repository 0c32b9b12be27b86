package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/seller-assistant/seller-assistant/app"
	"github.com/seller-assistant/seller-assistant/app/atomicfile"
	"github.com/seller-assistant/seller-assistant/data"
)

// adsCmd imports Amazon advertising reports and writes the search-term
// table with its actions:
//
//	seller-assistant --db FILE ads import PATH [--from D --to D]
//	seller-assistant --db FILE ads terms [--from D] [--to D] [--target-acos F]
//	    [--negate-clicks N] [--harvest-orders N] --out FILE.csv
//
// --from/--to on import give the period of a Business Report (the file has
// no dates); on terms they choose the report periods summed (wholly inside,
// both days included). A rule flag overrides every campaign's saved rule.
type adsCmd struct{}

func init() { commands["ads"] = adsCmd{} }

const adsUsage = `usage: ads import PATH [--from YYYY-MM-DD --to YYYY-MM-DD]
       ads terms [--from D] [--to D] [--target-acos F] [--negate-clicks N] [--harvest-orders N] --out FILE.csv`

func (adsCmd) run(ctx context.Context, db string, args []string, stdout io.Writer) error {
	if len(args) == 0 {
		return usagef(adsUsage)
	}
	switch args[0] {
	case "import":
		return adsImport(ctx, db, args[1:], stdout)
	case "terms":
		return adsTerms(ctx, db, args[1:], stdout)
	}
	return usagef("unknown ads command %q\n%s", args[0], adsUsage)
}

// dayFlag reads an optional YYYY-MM-DD flag.
func dayFlag(name, text string) (time.Time, error) {
	if text == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(time.DateOnly, text)
	if err != nil {
		return t, usagef("--%s %q is not a date (YYYY-MM-DD)", name, text)
	}
	return t, nil
}

func periodFlags(fs *flag.FlagSet) (from, to *string) {
	return fs.String("from", "", "first day, YYYY-MM-DD"), fs.String("to", "", "last day, YYYY-MM-DD, included")
}

func parsePeriod(fromText, toText string) (from, to time.Time, err error) {
	if from, err = dayFlag("from", fromText); err != nil {
		return
	}
	if to, err = dayFlag("to", toText); err != nil {
		return
	}
	if !from.IsZero() && !to.IsZero() && to.Before(from) {
		err = usagef("--to %s is before --from %s", toText, fromText)
	}
	return
}

func adsImport(ctx context.Context, db string, args []string, stdout io.Writer) error {
	// PATH may come before or after the flags.
	var path string
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		path, args = args[0], args[1:]
	}
	fs := newFlags("ads import")
	fromText, toText := periodFlags(fs)
	if err := fs.Parse(args); err != nil {
		return usagef("%v\n%s", err, adsUsage)
	}
	if path == "" && fs.NArg() == 1 {
		path = fs.Arg(0)
	} else if fs.NArg() > 0 {
		return usagef("unexpected argument %q\n%s", strings.Join(fs.Args(), " "), adsUsage)
	}
	if path == "" {
		return usagef("ads import needs the report file\n%s", adsUsage)
	}
	if err := needDB(db); err != nil {
		return err
	}
	from, to, err := parsePeriod(*fromText, *toText)
	if err != nil {
		return err
	}
	s, err := openOrCreate(ctx, db)
	if err != nil {
		return err
	}
	defer s.Close()
	res, err := s.ImportAdsReport(ctx, app.AdsImportOptions{Path: path, From: from, To: to})
	var ae *app.Error
	switch {
	case errors.As(err, &ae) && ae.Key == "ads.err.business_period":
		return err // the flags are missing: bad use
	case app.ErrorCode(err) == app.EInvalid:
		return refusedFile(err) // a bad row or an unknown report: exit 1
	case err != nil:
		return err
	}
	fmt.Fprintf(stdout, "report: %s\nrows: %d\nnew: %d\nreplaced: %d\nperiod: %s to %s\n", res.Kind, res.Rows, res.Added, res.Replaced, res.From, res.To)
	return nil
}

func adsTerms(ctx context.Context, db string, args []string, stdout io.Writer) error {
	fs := newFlags("ads terms")
	fromText, toText := periodFlags(fs)
	out := fs.String("out", "", "CSV file to write")
	targetText := fs.String("target-acos", "0.30", "target ACoS as a fraction")
	negate := fs.Int64("negate-clicks", 10, "clicks without an order before negating")
	harvest := fs.Int64("harvest-orders", 2, "orders before harvesting")
	if err := parseFlags(fs, args); err != nil {
		return fmt.Errorf("%w\n%s", err, adsUsage)
	}
	if err := needDB(db); err != nil {
		return err
	}
	if *out == "" {
		return usagef("--out FILE.csv is required\n%s", adsUsage)
	}
	if err := atomicfile.Check(*out, db); err != nil {
		return err
	}
	from, to, err := parsePeriod(*fromText, *toText)
	if err != nil {
		return err
	}
	target, err := decimal.NewFromString(*targetText)
	if err != nil || !target.IsPositive() {
		return usagef("--target-acos %q: want a fraction above 0, e.g. 0.30", *targetText)
	}
	if *negate < 1 || *harvest < 1 {
		return usagef("--negate-clicks and --harvest-orders must be at least 1")
	}
	// Only the flags given override the campaigns' saved rules.
	var over app.AdsRulesOverride
	fs.Visit(func(f *flag.Flag) {
		switch f.Name {
		case "target-acos":
			over.TargetACoS = &target
		case "negate-clicks":
			over.NegateClicks = negate
		case "harvest-orders":
			over.HarvestOrders = harvest
		}
	})
	s, err := data.Open(ctx, db)
	if err != nil {
		return err
	}
	defer s.Close()
	terms, err := s.SearchTerms(ctx, app.AdsFilter{From: from, To: to})
	if err != nil {
		return err
	}
	exact, err := s.ExactTargets(ctx)
	if err != nil {
		return err
	}
	saved, err := s.AdsRules(ctx)
	if err != nil {
		return err
	}
	rows := app.EvaluateTerms(terms, app.RulesLookup(saved, app.DefaultAdsRules(), over), exact)
	if err := atomicfile.Write(*out, func(w io.Writer) error { return app.WriteTermsCSV(w, rows) }); err != nil {
		return err
	}
	counts := map[string]int{}
	for _, r := range rows {
		counts[r.Action]++
	}
	fmt.Fprintf(stdout, "%d search terms written to %s (", len(rows), *out)
	for i, a := range app.TermActions {
		if i > 0 {
			fmt.Fprint(stdout, ", ")
		}
		fmt.Fprintf(stdout, "%s %d", a, counts[a])
	}
	fmt.Fprintln(stdout, ")")
	return nil
}
