package main

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/seller-assistant/seller-assistant/app"
	"github.com/seller-assistant/seller-assistant/data"
)

// fxCmd shows or changes the workspace's base currency:
// `seller-assistant --db FILE fx base [CODE]`. Changing it converts every
// order summary and the campaigns' money in one transaction; changing back
// is the undo.
type fxCmd struct{}

func init() { commands["fx"] = fxCmd{} }

func (fxCmd) run(ctx context.Context, db string, args []string, stdout io.Writer) error {
	if len(args) == 0 || args[0] != "base" {
		return usagef("usage: fx base [CODE]   (no CODE: show the base currency and the ones it can be)")
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
