package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"time"

	"github.com/shopspring/decimal"

	"github.com/seller-assistant/seller-assistant/app"
	"github.com/seller-assistant/seller-assistant/app/atomicfile"
	"github.com/seller-assistant/seller-assistant/data"
)

// clvCmd fits BG/NBD + Gamma-Gamma and writes every customer's prediction:
// `seller-assistant --db FILE clv [--as-of YYYY-MM-DD] [--horizon-weeks N]
// [--margin F] [--discount-rate F] --out FILE.csv`. It prints the fitted
// parameters as one JSON object; an unfittable data set exits 2 and writes
// nothing. Without --margin the CLV uses the shop's margin from its saved
// quotes and product sales (app.ShopMargin), and the JSON says which.
type clvCmd struct{}

func init() { commands["clv"] = clvCmd{} }

// clvJSON is the stdout contract of the command.
type clvJSON struct {
	BGNBD struct {
		R             float64 `json:"r"`
		Alpha         float64 `json:"alpha"`
		A             float64 `json:"a"`
		B             float64 `json:"b"`
		LogLikelihood float64 `json:"log_likelihood"`
		TimeUnit      string  `json:"time_unit"`
	} `json:"bgnbd"`
	GammaGamma struct {
		P float64 `json:"p"`
		Q float64 `json:"q"`
		V float64 `json:"v"`
	} `json:"gamma_gamma"`
	Customers       int `json:"customers"`
	RepeatCustomers int `json:"repeat_customers"`
}

func (clvCmd) run(ctx context.Context, db string, args []string, stdout io.Writer) error {
	fs := newFlags("clv")
	out := fs.String("out", "", "CSV file to write")
	asOfText := fs.String("as-of", "", "end of the calibration YYYY-MM-DD (default: the newest order's date)")
	horizon := fs.Int("horizon-weeks", 52, "weeks to predict")
	marginText := fs.String("margin", "", "gross margin as a rate, e.g. 0.35 (default: the shop's, from saved quotes and sales)")
	discountText := fs.String("discount-rate", "0", "annual discount rate, e.g. 0.1")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if err := needOut(db, *out); err != nil {
		return err
	}
	if *horizon <= 0 {
		return usagef("--horizon-weeks must be a positive number of weeks, got %d", *horizon)
	}
	opts := app.CLVOptions{HorizonWeeks: *horizon}
	var err error
	if opts.AsOf, err = parseAsOf(*asOfText, time.UTC); err != nil {
		return err
	}
	if *marginText != "" {
		if opts.Margin, err = decimal.NewFromString(*marginText); err != nil || !opts.Margin.IsPositive() {
			return usagef("--margin %q: want a rate above 0 and at most 1, e.g. 0.35", *marginText)
		}
	}
	if opts.DiscountRate, err = decimal.NewFromString(*discountText); err != nil {
		return usagef("--discount-rate %q: want a rate, e.g. 0.1", *discountText)
	}
	if err := opts.Validate(); err != nil {
		return err
	}
	s, err := data.Open(ctx, db)
	if err != nil {
		return err
	}
	defer s.Close()
	cs, err := s.PurchaseDays(ctx)
	if err != nil {
		return err
	}
	if len(cs) == 0 {
		return app.Errorf(app.EInvalid, "clv.err.no_orders")
	}
	margin := app.TypedMargin(opts.Margin)
	if *marginText == "" {
		if margin, err = app.ShopMarginOf(ctx, s); err != nil {
			return err
		}
		opts.Margin = margin.Rate
	}
	res, err := app.PredictCLV(ctx, cs, opts, nil)
	if err != nil {
		return err
	}
	if err := writeCLV(*out, res.Customers); err != nil {
		return err
	}
	if err := json.NewEncoder(stdout).Encode(newCLVJSON(res.Model)); err != nil {
		return err
	}
	writeCLVNotes(notes(ctx), res, margin)
	return nil
}

func newCLVJSON(m app.CLVModel) clvJSON {
	var j clvJSON
	b, g := m.BGNBD, m.GammaGamma
	j.BGNBD.R, j.BGNBD.Alpha, j.BGNBD.A, j.BGNBD.B = b.R, b.Alpha, b.A, b.B
	j.BGNBD.LogLikelihood, j.BGNBD.TimeUnit = m.LogLikelihood, "week"
	j.GammaGamma.P, j.GammaGamma.Q, j.GammaGamma.V = g.P, g.Q, g.V
	j.Customers, j.RepeatCustomers = m.Customers, m.RepeatCustomers
	return j
}

// writeCLVNotes tells the person what the JSON, which keeps issue 8's shape
// for scripts, does not: the margin the clv column uses and where it came
// from, the horizon, a spend model that does not fit the shop, and a fit
// stopped by the iteration cap.
func writeCLVNotes(w io.Writer, res app.CLVResult, margin app.ShopMargin) {
	en := app.English()
	fmt.Fprintln(w, en.T("clv.cli.note", res.Options.HorizonWeeks, margin.Describe(en)))
	if !res.Model.SpendFits {
		fmt.Fprintln(w, en.T("clv.cli.no_spend_fit", res.Model.MeanRepeatValue))
	}
	if note := res.Model.ConvergenceNote(en); note != "" {
		fmt.Fprintln(w, "clv: "+note)
	}
}

// writeCLV writes the CSV through atomicfile, so a failure leaves no
// half-written file.
func writeCLV(path string, cs []app.CustomerCLV) error {
	return atomicfile.Write(path, func(w io.Writer) error { return app.WriteCLVCSV(w, cs) })
}
