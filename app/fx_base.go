package app

import (
	"math/big"
	"sort"
	"strings"
	"time"

	"golang.org/x/text/currency"
)

// Orders in several currencies: every figure summed across orders is in the
// workspace's base currency. The one rule, stated in the Settings guide and
// the CLI notes, and applied the same way by the SQL summaries and the
// import's in-Go aggregation (both use the factors below):
//
//	base cents of a line = round(quantity × unit price cents × R(line currency, day) ÷ R(base, day))
//
// per line, rounded to a cent of the base currency half away from zero,
// where R(c, day) is FXTable.RateOn(c, day): the yuan price of one unit of c
// in force on the line's invoice day (the newest rate from that day or
// earlier; for a day before a currency's first rate, its first rate). Sums
// add these rounded line amounts. A line in the base currency is taken as
// it is.

// IsISOCurrency reports whether s (upper case) is an ISO 4217 currency code
// that the ISO list knows, not only three letters: "ABC" is no currency.
// golang.org/x/text keeps that list up to date.
func IsISOCurrency(s string) bool {
	if !IsCurrencyCode(s) {
		return false
	}
	u, err := currency.ParseISO(s)
	return err == nil && u.String() == s
}

// Currencies lists the currencies that have a rate, sorted.
func (t FXTable) Currencies() []string {
	out := make([]string, 0, len(t.by))
	for c := range t.by {
		out = append(out, c)
	}
	sort.Strings(out)
	return out
}

// FXPeriod is the factor from a currency to the base from a day on
// (From, "YYYY-MM-DD"; "" for the days before every rate), as the exact
// fraction Num ÷ Den.
type FXPeriod struct {
	From     string
	Num, Den int64
}

// BaseConverter converts line amounts into the base currency by the rule
// above, with the factors of each currency per period in which neither its
// rate nor the base's changes.
type BaseConverter struct {
	Base    string
	periods map[string][]FXPeriod // per currency other than the base, From ascending
}

// NewBaseConverter makes the factors of every currency of t (and CNY) into
// base. A currency without a rate, or any currency when the base itself has
// none, has no factors: Has reports false.
func NewBaseConverter(t FXTable, base string) BaseConverter {
	base = strings.ToUpper(base)
	c := BaseConverter{Base: base, periods: map[string][]FXPeriod{}}
	if _, ok := t.RateOn(base, time.Time{}); !ok {
		return c
	}
	for _, cur := range append(t.Currencies(), "CNY") {
		if cur == base {
			continue
		}
		days := map[string]time.Time{}
		for _, r := range append(append([]FXRate(nil), t.by[cur]...), t.by[base]...) {
			days[r.ValidFrom.Format(time.DateOnly)] = r.ValidFrom
		}
		ps := []FXPeriod{fxPeriod(t, cur, base, "", time.Time{})}
		keys := make([]string, 0, len(days))
		for k := range days {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			ps = append(ps, fxPeriod(t, cur, base, k, days[k]))
		}
		c.periods[cur] = ps
	}
	return c
}

// fxMaxTerm bounds the numerator and denominator of a factor, so that the
// arithmetic of ConvertCents (and the same in SQL) stays inside int64 for
// any line amount up to MaxLineCents. Rates with up to six decimals (as
// banks publish them) always give exact factors within it.
const fxMaxTerm = 1_000_000_000

func fxPeriod(t FXTable, cur, base, from string, day time.Time) FXPeriod {
	rc, _ := t.RateOn(cur, day)
	rb, _ := t.RateOn(base, day)
	r := new(big.Rat).Quo(rc.CNYPerUnit.Rat(), rb.CNYPerUnit.Rat())
	num, den := r.Num(), r.Denom()
	if !num.IsInt64() || !den.IsInt64() || num.Int64() > fxMaxTerm || den.Int64() > fxMaxTerm {
		// A factor too fine for the bound: the nearest fraction with a
		// denominator that keeps the numerator within it.
		d := int64(fxMaxTerm)
		if f, _ := r.Float64(); f > 1 {
			d = max(1, int64(fxMaxTerm/(f+1)))
		}
		n := new(big.Rat).Mul(r, new(big.Rat).SetInt64(d))
		q := new(big.Int).Quo(new(big.Int).Add(new(big.Int).Mul(n.Num(), big.NewInt(2)), n.Denom()), new(big.Int).Mul(n.Denom(), big.NewInt(2)))
		r = new(big.Rat).SetFrac(q, big.NewInt(d))
		num, den = r.Num(), r.Denom()
	}
	return FXPeriod{From: from, Num: num.Int64(), Den: den.Int64()}
}

// Has reports whether amounts in cur can be converted into the base.
func (c BaseConverter) Has(cur string) bool {
	return cur == c.Base || len(c.periods[cur]) > 0
}

// Periods are the factors of each currency other than the base, for the
// SQL summaries (data writes them into its queries).
func (c BaseConverter) Periods() map[string][]FXPeriod { return c.periods }

// Cents converts a line amount in cur on day ("YYYY-MM-DD…") into base
// cents; false when cur has no rate.
func (c BaseConverter) Cents(cur, day string, amount int64) (int64, bool) {
	if cur == c.Base {
		return amount, true
	}
	ps := c.periods[cur]
	if len(ps) == 0 {
		return 0, false
	}
	if len(day) > 10 {
		day = day[:10]
	}
	i := sort.Search(len(ps), func(i int) bool { return ps[i].From > day }) - 1
	return ConvertCents(amount, ps[i].Num, ps[i].Den), true
}

// ConvertCents is amount × num ÷ den rounded half away from zero, computed
// as (amount div den) × num + round((amount mod den) × num ÷ den) so that no
// product passes int64 (den, num ≤ fxMaxTerm). data's SQL does the same
// steps.
func ConvertCents(amount, num, den int64) int64 {
	q, r := amount/den, amount%den // truncated: r has amount's sign
	x := r * num
	if x >= 0 {
		return q*num + (2*x+den)/(2*den)
	}
	return q*num - (2*-x+den)/(2*den)
}
