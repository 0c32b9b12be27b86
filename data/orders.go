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

// refreshOrderSummaries rebuilds the order summaries inside the transaction
// that changed order_lines, so they can never disagree with the lines. This
// is the one place that scans order_lines; it runs after an import, not at
// start-up.
func refreshOrderSummaries(ctx context.Context, tx *sql.Tx) error {
	stmts := []string{
		`DELETE FROM order_months`,
		`INSERT INTO order_months (month, revenue_cents, orders, lines)
			SELECT substr(invoiced_at, 1, 7), sum(quantity * unit_price_cents), count(DISTINCT invoice_no), count(*)
			FROM order_lines GROUP BY 1`,
		`DELETE FROM order_countries`,
		`INSERT INTO order_countries (country, revenue_cents, orders, customers)
			SELECT country, sum(quantity * unit_price_cents), count(DISTINCT invoice_no), count(DISTINCT customer_id)
			FROM order_lines GROUP BY 1`,
	}
	for _, q := range stmts {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return err
		}
	}
	if err := refreshCustomerSummary(ctx, tx); err != nil {
		return err
	}
	var customers int
	var first, last sql.NullString
	err := tx.QueryRowContext(ctx, `SELECT count(DISTINCT customer_id), min(substr(invoiced_at, 1, 10)),
		max(substr(invoiced_at, 1, 10)) FROM order_lines`).Scan(&customers, &first, &last)
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `INSERT OR REPLACE INTO meta (key, value) VALUES
		('orders.customers', ?), ('orders.first', ?), ('orders.last', ?)`,
		strconv.Itoa(customers), first.String, last.String)
	return err
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}
