package data

import (
	"context"
	"database/sql"
	"strconv"
	"time"

	"github.com/seller-assistant/seller-assistant/app"
)

// MonthlyRevenue implements app.Workspace from the order_months summary.
func (s *Store) MonthlyRevenue(ctx context.Context) ([]app.MonthValue, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT month, revenue_cents, orders FROM order_months ORDER BY month`)
	if err != nil {
		return nil, s.fail(err)
	}
	defer rows.Close()
	var out []app.MonthValue
	for rows.Next() {
		var month string
		var revenue int64
		var mv app.MonthValue
		if err := rows.Scan(&month, &revenue, &mv.Count); err != nil {
			return nil, s.fail(err)
		}
		mv.Month, _ = time.Parse("2006-01", month)
		mv.Value = cents(revenue)
		out = append(out, mv)
	}
	return out, s.fail(rows.Err())
}

// RevenueByCountry implements app.Workspace from the order_countries summary.
func (s *Store) RevenueByCountry(ctx context.Context, limit int) ([]app.NamedValue, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT country, revenue_cents, customers FROM order_countries
		ORDER BY revenue_cents DESC, country LIMIT ?`, limit)
	if err != nil {
		return nil, s.fail(err)
	}
	defer rows.Close()
	var out []app.NamedValue
	for rows.Next() {
		var nv app.NamedValue
		var revenue int64
		if err := rows.Scan(&nv.Name, &revenue, &nv.Count); err != nil {
			return nil, s.fail(err)
		}
		nv.Value = cents(revenue)
		out = append(out, nv)
	}
	return out, s.fail(rows.Err())
}

// dayNumberSQL is the day number of a line of order_rows (days since
// 1970-01-01), the day column of order_customer_days and order_sku_days.
const dayNumberSQL = `(at / 86400)`

// nullCurrencySQL is the currency of a line whose currency is NULL (see
// migration 0014), and baseCurrencySQL the workspace's base currency: both
// constant subqueries, which SQLite evaluates once per statement.
const (
	baseCurrencySQL = `(SELECT value FROM meta WHERE key = 'currency')`
	nullCurrencySQL = `coalesce((SELECT value FROM meta WHERE key = 'orders.null_currency'), ` + baseCurrencySQL + `)`
)

// lineCurrencySQL is the currency of the lines of table (a name or alias).
func lineCurrencySQL(t string) string {
	return `coalesce(` + t + `.currency, ` + nullCurrencySQL + `)`
}

// customerDaysSQL is order_customer_days from the lines: each customer's
// days with a non-cancelled line, worth all that day's lines net of
// cancellations (the rules of app/clv.go), in the base currency.
func customerDaysSQL(oc orderCurrencies) string {
	return `
	SELECT customer_id, ` + dayNumberSQL + ` AS day, sum(` + oc.baseCents("order_rows") + `) AS cents
	FROM order_rows WHERE customer_id IS NOT NULL
	GROUP BY customer_id, day
	HAVING max(NOT ` + cancelledSQL + `) = 1`
}

// skuDaysSQL is order_sku_days from the lines: revenue and units of every
// line with a SKU, per SKU and day, cancellations netted; and the units and
// count of the non-cancelled ones.
func skuDaysSQL(oc orderCurrencies) string {
	return `
	SELECT stock_code, ` + dayNumberSQL + ` AS day, sum(` + oc.baseCents("order_rows") + `) AS revenue_cents, sum(quantity) AS units,
		sum(CASE WHEN NOT ` + cancelledSQL + ` THEN quantity ELSE 0 END) AS sold_units, sum(NOT ` + cancelledSQL + `) AS sold_lines
	FROM order_rows WHERE stock_code <> ''
	GROUP BY stock_code, day`
}

// staleTriggers are the triggers of migration 0011 that mark the summaries
// stale when a line changes outside an import or undo; suspendStaleMarks
// drops them for a writer that rebuilds the summaries itself (a million
// trigger runs cost an import more than its inserts), and
// resumeStaleMarks makes them again, both inside the writer's transaction.
var staleTriggers = map[string]string{
	"order_lines_stale_insert": "AFTER INSERT",
	"order_lines_stale_update": "AFTER UPDATE",
	"order_lines_stale_delete": "AFTER DELETE",
}

func suspendStaleMarks(ctx context.Context, tx *sql.Tx) error {
	for name := range staleTriggers {
		if _, err := tx.ExecContext(ctx, `DROP TRIGGER IF EXISTS `+name); err != nil {
			return err
		}
	}
	return nil
}

func resumeStaleMarks(ctx context.Context, tx *sql.Tx) error {
	for name, when := range staleTriggers {
		if _, err := tx.ExecContext(ctx, `CREATE TRIGGER IF NOT EXISTS `+name+` `+when+` ON order_rows
			BEGIN INSERT OR IGNORE INTO meta (key, value) VALUES ('orders.summaries_stale', '1'); END`); err != nil {
			return err
		}
	}
	return nil
}

// daySummary is where PurchaseDays and ProductSales read: the summary
// table, or while a line has changed since the last rebuild (see
// staleTriggers) the same rows computed from the lines (sourceSQL).
func (s *Store) daySummary(ctx context.Context, table string, sourceSQL func(orderCurrencies) string) (string, error) {
	var stale int
	if err := s.db.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM meta WHERE key = 'orders.summaries_stale')`).Scan(&stale); err != nil {
		return "", s.fail(err)
	}
	if stale == 1 {
		oc, err := readOrderCurrencies(ctx, s.db)
		if err != nil {
			return "", s.fail(err)
		}
		return "(" + sourceSQL(oc) + ")", nil
	}
	return table, nil
}

// refreshOrderSummaries rebuilds the order summaries inside the transaction
// that changed order_lines, so they can never disagree with the lines. This
// is the one place that scans order_lines; it runs after an import, not at
// start-up.
func refreshOrderSummaries(ctx context.Context, tx *sql.Tx) error {
	oc, err := checkOrderCurrencies(ctx, tx)
	if err != nil {
		return err
	}
	stmts := []string{
		`DELETE FROM order_months`,
		`INSERT INTO order_months (month, revenue_cents, orders, lines)
			SELECT strftime('%Y-%m', at, 'unixepoch'), sum(` + oc.baseCents("order_rows") + `), count(DISTINCT invoice_no), count(*)
			FROM order_rows GROUP BY 1`,
		`DELETE FROM order_countries`,
		`INSERT INTO order_countries (country, revenue_cents, orders, customers)
			SELECT t.text, sum(` + oc.baseCents("o") + `), count(DISTINCT invoice_no), count(DISTINCT customer_id)
			FROM order_rows o JOIN order_texts t ON t.id = o.country_id GROUP BY 1`,
		`DELETE FROM order_customer_days`,
		`INSERT INTO order_customer_days (customer_id, day, cents)` + customerDaysSQL(oc),
		`DELETE FROM order_sku_days`,
		`INSERT INTO order_sku_days (stock_code, day, revenue_cents, units, sold_units, sold_lines)` + skuDaysSQL(oc),
	}
	for _, q := range stmts {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return err
		}
	}
	if err := refreshCustomerSummary(ctx, tx, oc); err != nil {
		return err
	}
	var customers int
	var first, last sql.NullString
	err = tx.QueryRowContext(ctx, `SELECT count(DISTINCT customer_id), date(min(at), 'unixepoch'),
		date(max(at), 'unixepoch') FROM order_rows`).Scan(&customers, &first, &last)
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `INSERT OR REPLACE INTO meta (key, value) VALUES
		('orders.customers', ?), ('orders.first', ?), ('orders.last', ?)`,
		strconv.Itoa(customers), first.String, last.String)
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `DELETE FROM meta WHERE key = 'orders.summaries_stale'`)
	return err
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}
