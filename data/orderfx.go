package data

import (
	"context"
	"database/sql"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/seller-assistant/seller-assistant/app"
)

// Orders in several currencies (migration 0014, app/fx_base.go): lines keep
// their currency, summaries are in the base currency, rebuilt in one
// transaction whenever a rate or the base changes.

// queryer is what reads inside and outside a transaction.
type queryer interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// orderCurrencies is the state the conversion reads: the base currency,
// the currency NULL lines are in, and the factors into the base.
type orderCurrencies struct {
	base, null string
	conv       app.BaseConverter
	used       []string // the currencies the lines are in
}

func readOrderCurrencies(ctx context.Context, q queryer) (orderCurrencies, error) {
	var oc orderCurrencies
	if err := q.QueryRowContext(ctx, `SELECT coalesce(`+baseCurrencySQL+`, 'USD'), coalesce(`+nullCurrencySQL+`, 'USD')`).Scan(&oc.base, &oc.null); err != nil {
		return oc, err
	}
	rates, err := readFXRates(ctx, q)
	if err != nil {
		return oc, err
	}
	oc.conv = app.NewBaseConverter(app.NewFXTable(rates), oc.base)
	oc.used, err = lineCurrencies(ctx, q, oc.null)
	return oc, err
}

func readFXRates(ctx context.Context, q queryer) ([]app.FXRate, error) {
	rows, err := q.QueryContext(ctx, `SELECT currency, valid_from, cny_per_unit, note FROM fx_rates
		ORDER BY currency, valid_from`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []app.FXRate
	for rows.Next() {
		var r app.FXRate
		var day, rate string
		if err := rows.Scan(&r.Currency, &day, &rate, &r.Note); err != nil {
			return nil, err
		}
		if r.ValidFrom, err = time.Parse(time.DateOnly, day); err != nil {
			return nil, err
		}
		if r.CNYPerUnit, err = decimal.NewFromString(rate); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// lineCurrencies are the currencies the lines are in: the explicit ones
// (through the partial index, no scan) and the NULL lines' one.
func lineCurrencies(ctx context.Context, q queryer, null string) ([]string, error) {
	rows, err := q.QueryContext(ctx, `SELECT DISTINCT currency FROM order_rows WHERE currency IS NOT NULL`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var c string
		if err := rows.Scan(&c); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	var any int
	if err := q.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM order_rows WHERE currency IS NULL)`).Scan(&any); err != nil {
		return nil, err
	}
	if any == 1 {
		out = append(out, null)
	}
	return out, nil
}

// checkOrderCurrencies reads the conversion state for a rebuild, and
// refuses (fx.err.no_rate) when a currency of the lines cannot be
// converted: its lines would drop out of every sum.
func checkOrderCurrencies(ctx context.Context, tx *sql.Tx) (orderCurrencies, error) {
	oc, err := readOrderCurrencies(ctx, tx)
	if err != nil {
		return oc, err
	}
	for _, c := range oc.used {
		if !oc.conv.Has(c) {
			return oc, app.Errorf(app.EInvalid, "fx.err.no_rate", c)
		}
	}
	return oc, nil
}

// baseCents is the SQL expression of a line of order_rows t (a name or alias) in
// the base currency, by the rule of app/fx_base.go: quantity × unit price
// as it is for a line in the base, else times the factor in force on its
// invoice day, rounded half away from zero in the steps of
// app.ConvertCents (so no product passes int64). Every sum across orders
// goes through it. The factors are written into the expression as
// literals, one CASE on the currency and one on the day: a correlated
// lookup per line made a million-line rebuild four times slower.
func (oc orderCurrencies) baseCents(t string) string {
	a := `(` + t + `.quantity * ` + t + `.unit_price_cents)`
	if len(oc.used) == 0 || (len(oc.used) == 1 && oc.used[0] == oc.base) {
		// Every line in the base (the common case): the plain amount, the
		// very query of a workspace in one currency.
		return a
	}
	at := t + `.at`
	var b strings.Builder
	b.WriteString(`(CASE coalesce(` + t + `.currency, ` + sqlText(oc.null) + `) WHEN ` + sqlText(oc.base) + ` THEN ` + a)
	periods := oc.conv.Periods()
	curs := make([]string, 0, len(periods))
	for c := range periods {
		curs = append(curs, c)
	}
	slices.Sort(curs)
	for _, c := range curs {
		ps := periods[c]
		b.WriteString(` WHEN ` + sqlText(c) + ` THEN CASE`)
		for i := len(ps) - 1; i > 0; i-- {
			b.WriteString(` WHEN ` + at + ` >= ` + strconv.FormatInt(dayStart(ps[i].From), 10) + ` THEN ` + convertSQL(a, ps[i]))
		}
		b.WriteString(` ELSE ` + convertSQL(a, ps[0]) + ` END`)
	}
	b.WriteString(` END)`)
	return b.String()
}

// convertSQL is app.ConvertCents(a, p.Num, p.Den) in SQL (integer
// division truncates toward zero there as in Go).
func convertSQL(a string, p app.FXPeriod) string {
	num, den := strconv.FormatInt(p.Num, 10), strconv.FormatInt(p.Den, 10)
	if p.Den == 1 {
		return `(` + a + ` * ` + num + `)`
	}
	x := `(` + a + ` % ` + den + ` * ` + num + `)`
	return `(` + a + ` / ` + den + ` * ` + num + ` + CASE WHEN ` + x + ` >= 0 THEN (2 * ` + x + ` + ` + den + `) / (2 * ` + den + `)` +
		` ELSE -((-2 * ` + x + ` + ` + den + `) / (2 * ` + den + `)) END)`
}

// sqlText quotes s as an SQL string literal.
func sqlText(s string) string { return `'` + strings.ReplaceAll(s, `'`, `''`) + `'` }

// rebuildSummaries rebuilds every order summary in tx from one scan of the
// lines, through the import's own in-Go sums (orderAggregates, which agree
// exactly with refreshOrderSummaries: tests compare them): a base change
// or a rate edit reads a million lines once instead of in six SQL scans
// and sorts (measured 19–24 s before, see docs/notes-currency.md).
func rebuildSummaries(ctx context.Context, tx *sql.Tx) error {
	oc, err := checkOrderCurrencies(ctx, tx)
	if err != nil {
		return err
	}
	agg := newOrderAggregates()
	agg.conv = oc.conv
	// Countries by id, read once instead of joined per line.
	texts, err := textsByID(ctx, tx)
	if err != nil {
		return err
	}
	rows, err := tx.QueryContext(ctx, `SELECT invoice_no, stock_code, quantity, at, unit_price_cents,
		coalesce(customer_id, ''), country_id, coalesce(order_id, ''), coalesce(currency, ?) FROM order_rows`, oc.null)
	if err != nil {
		return err
	}
	var p app.ParsedLine
	var at atText
	for rows.Next() {
		var sec, country int64
		if err := rows.Scan(&p.Invoice, &p.StockCode, &p.Quantity, &sec, &p.PriceCents, &p.Customer, &country, &p.OrderID, &p.Currency); err != nil {
			rows.Close()
			return err
		}
		p.At, p.Country = at.of(sec), texts[country]
		agg.add(&p)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	if agg.overflow {
		return app.Errorf(app.EInvalid, "customers.err.sum_overflow")
	}
	if err := suspendStaleMarks(ctx, tx); err != nil {
		return err
	}
	if err := agg.write(ctx, tx); err != nil {
		return err
	}
	return resumeStaleMarks(ctx, tx)
}

// fxTouchesOrders says whether a change of cur's rates changes a summary:
// cur is the base or a currency of the lines.
func fxTouchesOrders(ctx context.Context, tx *sql.Tx, cur string) (bool, error) {
	oc, err := readOrderCurrencies(ctx, tx)
	if err != nil {
		return false, err
	}
	if cur == oc.base {
		return len(oc.used) > 0, nil
	}
	for _, c := range oc.used {
		if c == cur {
			return true, nil
		}
	}
	return false, nil
}

// BaseCurrencies implements app.BaseCurrencyStore: CNY and every currency
// with a rate.
func (s *Store) BaseCurrencies(ctx context.Context) ([]string, error) {
	rates, err := s.FXRates(ctx)
	if err != nil {
		return nil, err
	}
	return append([]string{"CNY"}, app.NewFXTable(rates).Currencies()...), nil
}

// SetBaseCurrency implements app.BaseCurrencyStore: in one transaction the
// base changes, the campaigns' money is converted at the rates of each
// campaign's start day, and every order summary is rebuilt in the new
// base. A crash before the commit leaves the old base and its summaries.
func (s *Store) SetBaseCurrency(ctx context.Context, cur string) error {
	cur = strings.ToUpper(strings.TrimSpace(cur))
	if !app.IsISOCurrency(cur) {
		return app.Errorf(app.EInvalid, "fx.err.currency", cur)
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return s.fail(err)
	}
	defer tx.Rollback()
	old, err := readOrderCurrencies(ctx, tx)
	if err != nil {
		return s.fail(err)
	}
	if old.base == cur {
		return nil
	}
	rates, err := readFXRates(ctx, tx)
	if err != nil {
		return s.fail(err)
	}
	table := app.NewFXTable(rates)
	if _, ok := table.RateOn(cur, time.Time{}); !ok {
		return app.Errorf(app.EInvalid, "fx.err.no_rate", cur)
	}
	if _, ok := table.RateOn(old.base, time.Time{}); !ok {
		return app.Errorf(app.EInvalid, "fx.err.no_rate", old.base)
	}
	// NULL lines stay in the old base: recorded once, no line rewritten.
	if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO meta (key, value) VALUES ('orders.null_currency', ?)`, old.null); err != nil {
		return s.fail(err)
	}
	if _, err := tx.ExecContext(ctx, `UPDATE meta SET value = ? WHERE key = 'currency'`, cur); err != nil {
		return s.fail(err)
	}
	if err := convertCampaigns(ctx, tx, app.NewBaseConverter(table, cur), old.base); err != nil {
		return s.fail(err)
	}
	if err := rebuildSummaries(ctx, tx); err != nil {
		return s.failKeep(err)
	}
	return s.fail(tx.Commit())
}

// campaignMoney are the campaigns' columns kept in the workspace currency.
var campaignMoney = []string{"budget_cents", "discount_cents", "ads_cents", "kol_cents", "samples_cents",
	"plan_price_cents", "plan_unit_cost_cents", "eval_base_revenue_cents", "eval_revenue_cents"}

// convertCampaigns converts every campaign's money from the old base by
// conv (into the new base) at the rates of its start day: a campaign is
// planned and paid around that day, and its evaluation compares it with
// revenue converted at the rates of the orders' days.
func convertCampaigns(ctx context.Context, tx *sql.Tx, conv app.BaseConverter, from string) error {
	rows, err := tx.QueryContext(ctx, `SELECT id, starts_on, `+strings.Join(campaignMoney, ", ")+` FROM campaigns`)
	if err != nil {
		return err
	}
	type camp struct {
		id   int64
		vals []any
	}
	var cs []camp
	for rows.Next() {
		var c camp
		var start string
		money := make([]int64, len(campaignMoney))
		dest := []any{&c.id, &start}
		for i := range money {
			dest = append(dest, &money[i])
		}
		if err := rows.Scan(dest...); err != nil {
			rows.Close()
			return err
		}
		for _, m := range money {
			v, _ := conv.Cents(from, start, m)
			c.vals = append(c.vals, v)
		}
		cs = append(cs, c)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	set := strings.Join(campaignMoney, " = ?, ") + " = ?"
	for _, c := range cs {
		if _, err := tx.ExecContext(ctx, `UPDATE campaigns SET `+set+` WHERE id = ?`, append(c.vals, c.id)...); err != nil {
			return err
		}
	}
	return nil
}

// dayStart is the first second of day, a rate's first day as
// app.FXPeriod gives it (formatted from a time.Time, so it parses; before
// 1970 it is negative, and every line is after it).
func dayStart(day string) int64 {
	t, _ := time.Parse(time.DateOnly, day)
	return t.Unix()
}
