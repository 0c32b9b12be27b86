package data

import (
	"context"
	"time"

	"github.com/seller-assistant/seller-assistant/app"
)

var _ app.CLVStore = (*Store)(nil)

// PurchaseDays implements app.CLVStore: one row per customer and calendar
// day that has a non-cancelled line, worth all that day's lines net of
// cancellations (the rules of app/clv.go). Streamed into compact slices; at
// a million lines it is one pass over the order_lines_by_customer index.
func (s *Store) PurchaseDays(ctx context.Context) ([]app.CustomerPurchases, error) {
	// A large import drops this index and CustomerOrders rebuilds it; so
	// may we.
	if _, err := s.db.ExecContext(ctx, `CREATE INDEX IF NOT EXISTS order_lines_by_customer ON order_lines (customer_id, invoiced_at)`); err != nil {
		return nil, s.fail(err)
	}
	rows, err := s.db.QueryContext(ctx, `SELECT customer_id, substr(invoiced_at, 1, 10) AS day,
		sum(quantity * unit_price_cents)
		FROM order_lines WHERE customer_id IS NOT NULL
		GROUP BY customer_id, day
		HAVING max(NOT `+cancelledSQL+`) = 1
		ORDER BY customer_id, day`)
	if err != nil {
		return nil, s.fail(err)
	}
	defer rows.Close()
	var out []app.CustomerPurchases
	days := map[string]time.Time{} // few distinct days: parse each once
	for rows.Next() {
		var id, day string
		var value int64
		if err := rows.Scan(&id, &day, &value); err != nil {
			return nil, s.fail(err)
		}
		t, ok := days[day]
		if !ok {
			if t, err = time.Parse(time.DateOnly, day); err != nil {
				return nil, s.fail(err)
			}
			days[day] = t
		}
		if n := len(out); n == 0 || out[n-1].ID != id {
			out = append(out, app.CustomerPurchases{ID: id})
		}
		c := &out[len(out)-1]
		c.Days = append(c.Days, app.PurchaseDay{Day: t, Cents: value})
	}
	return out, s.fail(rows.Err())
}
