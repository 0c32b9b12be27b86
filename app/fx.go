package app

import (
	"context"
	"sort"
	"strings"
	"time"

	"github.com/shopspring/decimal"
)

// FXRate is one dated exchange rate of the workspace: from ValidFrom on,
// one unit of Currency costs CNYPerUnit yuan, until the currency's next
// rate. The yuan is the pivot because the seller buys in it: every
// conversion between two selling currencies goes through their yuan rates
// of the same day, so one row per currency is enough.
type FXRate struct {
	Currency   string // ISO 4217, upper case
	ValidFrom  time.Time
	CNYPerUnit decimal.Decimal
	Note       string // where the rate came from, e.g. "BOC 2026-11-30 middle rate"
}

// FXStore keeps the workspace's dated rates.
type FXStore interface {
	FXRates(ctx context.Context) ([]FXRate, error)
	// SaveFXRate adds the rate, or replaces the one of the same currency
	// and day.
	SaveFXRate(ctx context.Context, r FXRate) error
	DeleteFXRate(ctx context.Context, currency string, validFrom time.Time) error
	// FXEditRebuilds says whether saving or deleting a rate of currency
	// rebuilds the order summaries in the same transaction: the currency
	// is the base (while there are orders) or one the orders are in. Such
	// an edit takes seconds at a million order lines, so the screen shows
	// it in progress; any other edit is instant.
	FXEditRebuilds(ctx context.Context, currency string) (bool, error)
}

// BaseCurrencyStore changes the workspace's base currency, the one every
// figure summed across orders is in.
type BaseCurrencyStore interface {
	// BaseCurrencies are the currencies the base can be: CNY and every
	// currency with a rate.
	BaseCurrencies(ctx context.Context) ([]string, error)
	// SetBaseCurrency makes cur the base and converts, in one
	// transaction, every order summary (at each line's day's rates) and the
	// campaigns' money (at the rates of each campaign's start day).
	// Changing back is the undo. EInvalid fx.err.no_rate when cur or the
	// old base has no rate.
	SetBaseCurrency(ctx context.Context, cur string) error
}

// fxLimit bounds a rate: the weakest currency a seller meets costs
// fractions of a fen and the strongest (the Kuwaiti dinar) about 23 yuan; a rate outside this
// range is a typing slip (a missing decimal point), not a market.
var fxMin, fxMax = decimal.New(1, -6), decimal.New(1, 2)

// ValidateFXRate checks one rate as a person typed it, naming the field.
func ValidateFXRate(r FXRate, today time.Time) error {
	if !IsCurrencyCode(r.Currency) {
		return Errorf(EInvalid, "fx.err.currency", r.Currency)
	}
	if r.Currency == "CNY" {
		return Errorf(EInvalid, "fx.err.cny")
	}
	if r.ValidFrom.IsZero() || r.ValidFrom.Year() < 1990 || r.ValidFrom.After(today.AddDate(1, 0, 0)) {
		return Errorf(EInvalid, "fx.err.date")
	}
	if r.CNYPerUnit.LessThan(fxMin) || r.CNYPerUnit.GreaterThan(fxMax) {
		return Errorf(EInvalid, "fx.err.rate", r.CNYPerUnit.String())
	}
	return nil
}

// IsCurrencyCode reports whether s has the form of an ISO 4217 code.
func IsCurrencyCode(s string) bool {
	if len(s) != 3 {
		return false
	}
	for _, c := range s {
		if c < 'A' || c > 'Z' {
			return false
		}
	}
	return true
}

// FXTable answers "what did a unit of this currency cost on that day".
type FXTable struct {
	by map[string][]FXRate // per currency, oldest first
}

// NewFXTable indexes rates; CNY is always 1.
func NewFXTable(rates []FXRate) FXTable {
	t := FXTable{by: map[string][]FXRate{}}
	for _, r := range rates {
		c := strings.ToUpper(r.Currency)
		t.by[c] = append(t.by[c], r)
	}
	for _, rs := range t.by {
		sort.Slice(rs, func(i, j int) bool { return rs[i].ValidFrom.Before(rs[j].ValidFrom) })
	}
	return t
}

// RateOn is the yuan price of one unit of currency on day: the rate with
// the latest ValidFrom on or before day, or the earliest rate for a day
// before all of them (an order older than the table is converted at the
// oldest rate known rather than not at all). false when the currency has
// no rate.
func (t FXTable) RateOn(currency string, day time.Time) (FXRate, bool) {
	currency = strings.ToUpper(currency)
	if currency == "CNY" {
		return FXRate{Currency: "CNY", CNYPerUnit: decimal.NewFromInt(1)}, true
	}
	rs := t.by[currency]
	if len(rs) == 0 {
		return FXRate{}, false
	}
	i := sort.Search(len(rs), func(i int) bool { return rs[i].ValidFrom.After(day) })
	if i == 0 {
		return rs[0], true
	}
	return rs[i-1], true
}

// Convert turns amount in from into to at the rates of day, through the
// yuan: amount × rate(from) ÷ rate(to). The result is not rounded; round
// where it is shown.
func (t FXTable) Convert(amount decimal.Decimal, from, to string, day time.Time) (decimal.Decimal, error) {
	if strings.EqualFold(from, to) {
		return amount, nil
	}
	rf, ok := t.RateOn(from, day)
	if !ok {
		return decimal.Zero, Errorf(EInvalid, "fx.err.no_rate", strings.ToUpper(from))
	}
	rt, ok := t.RateOn(to, day)
	if !ok {
		return decimal.Zero, Errorf(EInvalid, "fx.err.no_rate", strings.ToUpper(to))
	}
	return amount.Mul(rf.CNYPerUnit).DivRound(rt.CNYPerUnit, 12), nil
}

// DefaultFXRates are the rates a new workspace starts with: the pricing
// markets' rounded rates (MarketDefaults.FXRate), one per currency, valid
// from validFrom. They are a starting point to be replaced by the day's
// rates; the Settings screen says so.
func DefaultFXRates(validFrom time.Time) []FXRate {
	seen := map[string]bool{}
	var out []FXRate
	for _, m := range marketDefaults {
		if seen[m.Currency] {
			continue
		}
		seen[m.Currency] = true
		out = append(out, FXRate{Currency: m.Currency, ValidFrom: validFrom, CNYPerUnit: m.FXRate, Note: "built-in"})
	}
	return out
}

// MarketRate is the workspace's rate on day for the currency of a pricing
// market (DefaultsFor), and false when the market or its currency has
// none: the caller then keeps the built-in rate.
func (t FXTable) MarketRate(market string, day time.Time) (decimal.Decimal, bool) {
	md, ok := DefaultsFor(market)
	if !ok {
		return decimal.Zero, false
	}
	r, ok := t.RateOn(md.Currency, day)
	return r.CNYPerUnit, ok
}
