package data

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/seller-assistant/seller-assistant/app"
)

// migrationFills are the Go parts of migrations, by file name.
var migrationFills = map[string]migrationFill{
	"0013_order_summaries.sql": fillDaySummaries,
	"0015_order_rows.sql":      fillOrderRows,
}

// fillReportEvery is how many lines a fill reads between two reports: a
// few dozen reports for a million lines, nothing measurable per line.
const fillReportEvery = 1 << 14

// fillDaySummaries fills order_customer_days and order_sku_days from the
// lines, as an import into an empty workspace does while parsing
// (orderAggregates.addDays and writeDays): the rules of the SQL it
// replaces — a customer's day counts when it has a non-cancelled line and
// is worth all of that day's lines; a SKU's day sums every line with a
// stock code; a line with no customer (NULL) counts for its SKU only; a
// sum past int64 fails the migration, as SQLite's sum() did. One pass over
// the lines in table order, reported as it goes.
func fillDaySummaries(ctx context.Context, tx *sql.Tx, report func(unit string, done, total int64)) error {
	var total int64
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM order_lines`).Scan(&total); err != nil {
		return err
	}
	const unit = "open.progress.lines_read"
	report(unit, 0, total)
	rows, err := tx.QueryContext(ctx, `SELECT invoice_no, stock_code, quantity, invoiced_at, unit_price_cents, customer_id FROM order_lines`)
	if err != nil {
		return err
	}
	defer rows.Close()
	a := newOrderAggregates()
	// RawBytes: the values are looked up in the interning maps without a
	// copy; only a new customer, SKU or day allocates.
	var invoice, code, at, customer sql.RawBytes
	var qty, price int64
	var n int64
	for rows.Next() {
		if err := rows.Scan(&invoice, &code, &qty, &at, &price, &customer); err != nil {
			return err
		}
		day, err := a.dayIDChecked(at)
		if err != nil {
			return err
		}
		uid := int64(-1)
		if customer != nil { // NULL; an empty id is still a customer, as in SQL
			id, isNew := internBytes(a.customers, customer)
			if isNew {
				a.custNames = append(a.custNames, string(customer))
			}
			uid = int64(id)
		}
		// The rule looks at the first character only; a one-byte string
		// does not allocate.
		cancelled := app.IsCancellation(string(invoice[:min(len(invoice), 1)]), qty)
		addDayValues(a, code, cancelled, qty, day, uid, qty*price)
		if n++; n%fillReportEvery == 0 {
			report(unit, n, total)
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	rows.Close()
	report(unit, n, max(n, total))
	if a.overflow {
		return fmt.Errorf("a day's sum of order lines does not fit in 64 bits")
	}
	a.written = func(done, total int64) { report("open.progress.rows_written", done, total) }
	return a.writeDays(ctx, tx)
}

// dayIDChecked is dayID for a stored invoiced_at ("YYYY-MM-DD HH:MM:SS"):
// a value without a date there fails, as unixepoch() gave NULL in SQL.
func (a *orderAggregates) dayIDChecked(at []byte) (uint32, error) {
	if len(at) < 10 {
		return 0, fmt.Errorf("order line date %q", at)
	}
	if id, ok := a.days[string(at[:10])]; ok {
		return id, nil
	}
	if _, err := time.Parse(time.DateOnly, string(at[:10])); err != nil {
		return 0, fmt.Errorf("order line date %q: %w", at, err)
	}
	return a.dayID(string(at[:10])), nil
}

// internBytes is intern for a value read as bytes: a known value is found
// without a copy.
func internBytes(m map[string]uint32, b []byte) (uint32, bool) {
	if id, ok := m[string(b)]; ok {
		return id, false
	}
	id := uint32(len(m))
	m[string(b)] = id // string(b) copies: the map keeps no reused buffer
	return id, true
}

// fillOrderRows copies the lines into migration 0015's compact table, in
// windows of ids, each window's texts first: SQL does the work (a join per
// text, unixepoch per date), Go counts it. Ids stay as they were, so the
// lines replaced by an import (order_lines_replaced) and their undo still
// match.
func fillOrderRows(ctx context.Context, tx *sql.Tx, report func(unit string, done, total int64)) error {
	var total, lo, hi int64
	if err := tx.QueryRowContext(ctx, `SELECT count(*), coalesce(min(id), 1), coalesce(max(id), 0) FROM order_lines`).Scan(&total, &lo, &hi); err != nil {
		return err
	}
	const unit = "open.progress.lines_copied"
	report(unit, 0, total)
	texts, err := tx.PrepareContext(ctx, `INSERT OR IGNORE INTO order_texts (text)
		SELECT description FROM order_lines WHERE id BETWEEN ?1 AND ?2
		UNION SELECT country FROM order_lines WHERE id BETWEEN ?1 AND ?2`)
	if err != nil {
		return err
	}
	defer texts.Close()
	copyRows, err := tx.PrepareContext(ctx, `INSERT INTO order_rows (id, invoice_no, stock_code, description_id, quantity, at,
			unit_price_cents, customer_id, country_id, import_id, order_id, currency)
		SELECT l.id, l.invoice_no, l.stock_code, d.id, l.quantity, unixepoch(l.invoiced_at),
			l.unit_price_cents, l.customer_id, c.id, l.import_id, l.order_id, l.currency
		FROM order_lines l JOIN order_texts d ON d.text = l.description JOIN order_texts c ON c.text = l.country
		WHERE l.id BETWEEN ?1 AND ?2 ORDER BY l.id`)
	if err != nil {
		return err
	}
	defer copyRows.Close()
	var done int64
	for from := lo; from <= hi; from += fillReportEvery {
		to := min(hi, from+fillReportEvery-1)
		if _, err := texts.ExecContext(ctx, from, to); err != nil {
			return err
		}
		r, err := copyRows.ExecContext(ctx, from, to)
		if err != nil {
			// A stored date unixepoch cannot read fails the NOT NULL of at:
			// the migration stops and the workspace stays as it was.
			return err
		}
		n, _ := r.RowsAffected()
		done += n
		report(unit, done, total)
	}
	if done != total {
		return fmt.Errorf("copied %d of %d order lines", done, total)
	}
	return nil
}
