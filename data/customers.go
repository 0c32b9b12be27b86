package data

import (
	"context"
	"database/sql"
	"time"

	"github.com/seller-assistant/seller-assistant/app"
)

var _ app.CustomerStore = (*Store)(nil)

// cancelledSQL is app.IsCancellation in SQL: an invoice id starting with an
// upper-case "C" or a negative quantity.
const cancelledSQL = `(substr(invoice_no, 1, 1) = 'C' OR quantity < 0)`

// customerSummarySQL is the per-customer summary of the lines that pass
// where (an SQL condition on order_rows; "1" for all), with the rules of
// app/tiering.go: orders and first/last order count non-cancelled orders
// only, monetary nets everything, and the country is the one with most of
// the customer's lines (ties: alphabetical); money in the base currency. It yields customer_id,
// country, orders, lines, monetary_cents, first_order, last_order.
func customerSummarySQL(oc orderCurrencies, where string) string {
	return `
		WITH per AS (
			SELECT customer_id, country_id, count(*) AS n FROM order_rows
			WHERE customer_id IS NOT NULL AND (` + where + `) GROUP BY customer_id, country_id),
		best AS (
			SELECT customer_id, country FROM (
				SELECT customer_id, t.text AS country, row_number() OVER (PARTITION BY customer_id ORDER BY n DESC, t.text) AS rn
				FROM per JOIN order_texts t ON t.id = per.country_id)
			WHERE rn = 1)
		SELECT o.customer_id, best.country,
			count(DISTINCT CASE WHEN NOT ` + cancelledSQL + ` THEN invoice_no END),
			count(*), sum(` + oc.baseCents("o") + `),
			date(min(CASE WHEN NOT ` + cancelledSQL + ` THEN at END), 'unixepoch'),
			date(max(CASE WHEN NOT ` + cancelledSQL + ` THEN at END), 'unixepoch')
		FROM order_rows o JOIN best USING (customer_id)
		WHERE o.customer_id IS NOT NULL AND (` + where + `)
		GROUP BY o.customer_id`
}

// refreshCustomerSummary rebuilds order_customers from all of order_rows
// (customerSummarySQL).
func refreshCustomerSummary(ctx context.Context, tx *sql.Tx, oc orderCurrencies) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM order_customers`); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO order_customers (customer_id, country, orders, lines, monetary_cents, first_order, last_order)`+
		customerSummarySQL(oc, "1"))
	return err
}

// CustomerStats implements app.CustomerStore from the order_customers
// summary: one row per customer, no scan of the order lines.
func (s *Store) CustomerStats(ctx context.Context) ([]app.CustomerStat, error) {
	var n int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM order_customers`).Scan(&n); err != nil {
		return nil, s.fail(err)
	}
	return s.scanCustomerStats(ctx, n, `SELECT customer_id, country, orders, lines, monetary_cents,
		coalesce(first_order, ''), coalesce(last_order, '') FROM order_customers ORDER BY customer_id`)
}

// CustomerStatsAsOf implements app.CustomerStore. The order_customers
// summary holds every line, so it answers only when no line is dated on or
// after asOf (the default as-of date, the day after the newest order, is
// such a date). An earlier as-of date summarises the lines before it with
// the summary's own query (customerSummarySQL), one scan of order_lines:
// a later order must not shorten recency (it went negative), add to the
// frequency or the money, or move the customer's country.
func (s *Store) CustomerStatsAsOf(ctx context.Context, asOf time.Time) ([]app.CustomerStat, error) {
	if asOf.IsZero() {
		return s.CustomerStats(ctx)
	}
	day := app.Day(asOf).Format(time.DateOnly)
	// A line is dated before day exactly when its time is before day's
	// first second.
	start := dayStart(day)
	if err := s.withIndex(ctx, dateIndexSQL); err != nil {
		return nil, err
	}
	var later bool
	if err := s.db.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM order_rows WHERE at >= ?)`, start).Scan(&later); err != nil {
		return nil, s.fail(err)
	}
	if !later {
		return s.CustomerStats(ctx)
	}
	oc, err := readOrderCurrencies(ctx, s.db)
	if err != nil {
		return nil, s.fail(err)
	}
	return s.scanCustomerStats(ctx, 0, customerSummarySQL(oc, "at < ?1")+` ORDER BY o.customer_id`, start)
}

// scanCustomerStats reads rows of customerSummarySQL's columns; n sizes
// the slice.
func (s *Store) scanCustomerStats(ctx context.Context, n int, query string, args ...any) ([]app.CustomerStat, error) {
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, s.fail(err)
	}
	defer rows.Close()
	out := make([]app.CustomerStat, 0, n)
	for rows.Next() {
		var c app.CustomerStat
		var money int64
		var first, last sql.NullString
		if err := rows.Scan(&c.ID, &c.Country, &c.Orders, &c.Lines, &money, &first, &last); err != nil {
			return nil, s.fail(err)
		}
		c.Monetary = cents(money)
		c.FirstOrder, c.LastOrder = isoDate(first.String), isoDate(last.String)
		out = append(out, c)
	}
	return out, s.fail(rows.Err())
}

// CustomerOrders implements app.CustomerStore through the
// order_rows_by_customer index, which a large import drops and this
// rebuilds once (about a second at a million lines).
func (s *Store) CustomerOrders(ctx context.Context, customerID string) ([]app.OrderLine, error) {
	if err := s.withIndex(ctx, customerIndexSQL); err != nil {
		return nil, err
	}
	// A customer's own lines show their own currency, not converted.
	rows, err := s.db.QueryContext(ctx, `SELECT o.invoice_no, o.stock_code, d.text, o.quantity, datetime(o.at, 'unixepoch'),
		o.unit_price_cents, c.text, `+lineCurrencySQL("o")+`
		FROM order_rows o JOIN order_texts d ON d.id = o.description_id JOIN order_texts c ON c.id = o.country_id
		WHERE o.customer_id = ? ORDER BY o.at, o.id`, customerID)
	if err != nil {
		return nil, s.fail(err)
	}
	defer rows.Close()
	var out []app.OrderLine
	for rows.Next() {
		o := app.OrderLine{CustomerID: customerID}
		var at string
		var price int64
		if err := rows.Scan(&o.Invoice, &o.StockCode, &o.Description, &o.Quantity, &at, &price, &o.Country, &o.Currency); err != nil {
			return nil, s.fail(err)
		}
		o.InvoicedAt, _ = time.Parse("2006-01-02 15:04:05", at)
		o.UnitPrice = cents(price)
		out = append(out, o)
	}
	if err := rows.Err(); err != nil {
		return nil, s.fail(err)
	}
	if len(out) == 0 {
		return nil, app.Errorf(app.ENotFound, "customers.err.no_customer", customerID)
	}
	return out, nil
}

// NewCustomersByMonth implements app.CustomerStore from order_customers.
func (s *Store) NewCustomersByMonth(ctx context.Context) ([]app.MonthValue, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT substr(first_order, 1, 7), count(*) FROM order_customers
		WHERE first_order IS NOT NULL GROUP BY 1 ORDER BY 1`)
	if err != nil {
		return nil, s.fail(err)
	}
	defer rows.Close()
	var out []app.MonthValue
	for rows.Next() {
		var month string
		var mv app.MonthValue
		if err := rows.Scan(&month, &mv.Count); err != nil {
			return nil, s.fail(err)
		}
		mv.Month, _ = time.Parse("2006-01", month)
		out = append(out, mv)
	}
	return out, s.fail(rows.Err())
}

// isoDate reads a stored YYYY-MM-DD without time.Parse: CustomerStats reads
// two per customer, and at 100k customers the general parser shows up in
// the profile. Anything else reads as the zero time.
func isoDate(s string) time.Time {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return time.Time{}
	}
	n := func(from, to int) int {
		v := 0
		for i := from; i < to; i++ {
			if s[i] < '0' || s[i] > '9' {
				return -1
			}
			v = v*10 + int(s[i]-'0')
		}
		return v
	}
	y, m, d := n(0, 4), n(5, 7), n(8, 10)
	if y < 0 || m < 1 || m > 12 || d < 1 || d > 31 {
		return time.Time{}
	}
	return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
}
