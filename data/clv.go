package data

import (
	"context"
	"database/sql/driver"
	"fmt"
	"io"
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
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return nil, s.fail(err)
	}
	defer conn.Close()
	var out []app.CustomerPurchases
	err = conn.Raw(func(dc any) error {
		out, err = readPurchaseDays(ctx, dc, `SELECT customer_id, day, cents FROM `+from+` ORDER BY customer_id, day`)
		return err
	})
	return out, s.fail(err)
}

// readPurchaseDays runs q (customer id, day number, cents, in customer and
// day order) on the driver connection dc. It reads the driver's rows into
// one reused value slice instead of through database/sql, whose Rows.Next
// and Scan (a lock, and a reflection-based conversion per integer) were a
// quarter of the read at a million order lines; and it keeps every
// customer's days in one array, cut into each customer's share at the
// end, instead of a slice grown per customer.
func readPurchaseDays(ctx context.Context, dc any, q string) ([]app.CustomerPurchases, error) {
	qc, ok := dc.(driver.QueryerContext)
	if !ok {
		return nil, fmt.Errorf("the SQLite driver's connection (%T) cannot query with a context", dc)
	}
	rows, err := qc.QueryContext(ctx, q, nil)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var (
		out  []app.CustomerPurchases
		ends []int // each customer's end in days
		days []app.PurchaseDay
		dest = make([]driver.Value, 3)
	)
	for {
		if err := rows.Next(dest); err == io.EOF {
			break
		} else if err != nil {
			return nil, err
		}
		id, ok1 := dest[0].(string)
		day, ok2 := dest[1].(int64)
		cents, ok3 := dest[2].(int64)
		if !ok1 || !ok2 || !ok3 {
			return nil, fmt.Errorf("purchase days: a row of %T, %T, %T, not text, integer, integer", dest[0], dest[1], dest[2])
		}
		if n := len(out); n == 0 || out[n-1].ID != id {
			if n > 0 {
				ends = append(ends, len(days))
			}
			out = append(out, app.CustomerPurchases{ID: id})
		}
		days = append(days, app.PurchaseDay{Day: time.Unix(day*86400, 0).UTC(), Cents: cents})
	}
	ends = append(ends, len(days))
	from := 0
	for i := range out {
		// A full slice expression, so appending to one customer's days
		// cannot write into the next one's.
		out[i].Days = days[from:ends[i]:ends[i]]
		from = ends[i]
	}
	return out, nil
}
