package data

import (
	"context"
	"database/sql"
	"time"

	"github.com/seller-assistant/seller-assistant/app"
)

var _ app.CLVStore = (*Store)(nil)

// PurchaseDays implements app.CLVStore: one row per customer and calendar
// day that has a non-cancelled line, worth all that day's lines net of
// cancellations (the rules of app/clv.go). Read from the
// order_customer_days summary, which every import and undo rebuilds: at a
// million lines it is one pass over ~200k rows in key order, where grouping
// the lines took a customer index over all of them and a sort (issue 20).
func (s *Store) PurchaseDays(ctx context.Context) ([]app.CustomerPurchases, error) {
	from, err := s.daySummary(ctx, "order_customer_days", customerDaysSQL)
	if err != nil {
		return nil, err
	}
	rows, err := s.db.QueryContext(ctx, `SELECT customer_id, day, cents FROM `+from+` ORDER BY customer_id, day`)
	if err != nil {
		return nil, s.fail(err)
	}
	defer rows.Close()
	var out []app.CustomerPurchases
	var id sql.RawBytes
	for rows.Next() {
		var day, value int64
		// Scanned as raw bytes and compared with the last id: a string
		// is made once per customer, not once per day.
		if err := rows.Scan(&id, &day, &value); err != nil {
			return nil, s.fail(err)
		}
		if n := len(out); n == 0 || out[n-1].ID != string(id) {
			out = append(out, app.CustomerPurchases{ID: string(id)})
		}
		c := &out[len(out)-1]
		c.Days = append(c.Days, app.PurchaseDay{Day: time.Unix(day*86400, 0).UTC(), Cents: value})
	}
	return out, s.fail(rows.Err())
}
