package main

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/seller-assistant/seller-assistant/app"
	"github.com/seller-assistant/seller-assistant/data"
)

// fxCmd shows or changes the workspace's exchange rates and base currency:
// `seller-assistant --db FILE fx base [CODE]`, `fx rates`, `fx rate CODE
// YYYY-MM-DD YUAN [--note TEXT]`. Changing the base converts every order
// summary and the campaigns' money in one transaction; changing back is the
// undo. A rate of a currency the orders use rebuilds the summaries too.
type fxCmd struct{}

func init() { commands["fx"] = fxCmd{} }

const fxUsage = "usage: fx base [CODE]   (no CODE: show the base currency and the ones it can be)\n" +
	"       fx rates         (every rate: currency, valid from, yuan per unit, note)\n" +
	"       fx rate CODE YYYY-MM-DD YUAN [--note TEXT]   (add a rate, or replace the one of that currency and day)"

func (fxCmd) run(ctx context.Context, db string, args []string, stdout io.Writer) error {
	if len(args) > 0 && args[0] == "rates" {
		return fxRates(ctx, db, args[1:], stdout)
	}
	if len(args) > 0 && args[0] == "rate" {
		return fxRate(ctx, db, args[1:], stdout)
	}
	if len(args) == 0 || args[0] != "base" {
		return usagef(fxUsage)
	}
	fs := newFlags("fx base")
	pos, err := parseArgs(fs, args[1:])
	if err != nil {
		return err
	}
	if len(pos) > 1 {
		return usagef("fx base takes at most one CODE")
	}
	if err := needDB(db); err != nil {
		return err
	}
	var code string
	if len(pos) == 1 {
		if code = strings.ToUpper(pos[0]); !app.IsISOCurrency(code) {
			return usagef("fx base: %q is not an ISO 4217 currency code such as USD, EUR, GBP or JPY", pos[0])
		}
	}
	s, err := data.Open(ctx, db)
	if err != nil {
		return err
	}
	defer s.Close()
	info, err := s.Info(ctx)
	if err != nil {
		return err
	}
	choices, err := s.BaseCurrencies(ctx)
	if err != nil {
		return err
	}
	if code == "" {
		fmt.Fprintf(stdout, "base currency: %s\ncan be: %s\n", info.Currency, strings.Join(choices, " "))
		return nil
	}
	start := time.Now()
	if err := s.SetBaseCurrency(ctx, code); err != nil {
		// No rate for it: the workspace is refused as it is (exit 1).
		return refusedFile(err)
	}
	fmt.Fprintf(stdout, "base currency: %s (was %s); summaries and campaigns converted in %.1f s\nundo: fx base %s\n",
		code, info.Currency, time.Since(start).Seconds(), info.Currency)
	return nil
}

// fxRates prints the workspace's rates, one a line, oldest first per
// currency.
func fxRates(ctx context.Context, db string, args []string, stdout io.Writer) error {
	if err := parseFlags(newFlags("fx rates"), args); err != nil {
		return err
	}
	if err := needDB(db); err != nil {
		return err
	}
	s, err := data.Open(ctx, db)
	if err != nil {
		return err
	}
	defer s.Close()
	rates, err := s.FXRates(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintln(stdout, "currency,valid_from,cny_per_unit,note")
	for _, r := range rates {
		fmt.Fprintf(stdout, "%s,%s,%s,%s\n", r.Currency, r.ValidFrom.Format(time.DateOnly), r.CNYPerUnit.String(), r.Note)
	}
	return nil
}

// fxRate adds or replaces one rate, as Settings ▸ Exchange rates does.
func fxRate(ctx context.Context, db string, args []string, stdout io.Writer) error {
	fs := newFlags("fx rate")
	note := fs.String("note", "", "where the rate came from, e.g. \"BOC middle rate\"")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 3 {
		return usagef(fxUsage)
	}
	if err := needDB(db); err != nil {
		return err
	}
	r := app.FXRate{Currency: strings.ToUpper(pos[0]), Note: *note}
	if r.ValidFrom, err = time.Parse(time.DateOnly, pos[1]); err != nil {
		return app.Errorf(app.EInvalid, "fx.err.date")
	}
	if r.CNYPerUnit, err = decimal.NewFromString(pos[2]); err != nil {
		return app.Errorf(app.EInvalid, "fx.err.rate", pos[2])
	}
	// The checks Settings makes, before the workspace is opened: a wrong
	// value is bad use (exit 2).
	if err := app.ValidateFXRate(r, time.Now()); err != nil {
		return err
	}
	s, err := data.Open(ctx, db)
	if err != nil {
		return err
	}
	defer s.Close()
	start := time.Now()
	if err := s.SaveFXRate(ctx, r); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "1 %s = %s yuan from %s (%.1f s)\n", r.Currency, r.CNYPerUnit.String(), r.ValidFrom.Format(time.DateOnly), time.Since(start).Seconds())
	return nil
}
