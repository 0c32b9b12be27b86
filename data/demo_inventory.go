package data

import (
	"context"
	"database/sql"
	"math"
	"sort"
	"strings"
	"time"

	"github.com/seller-assistant/seller-assistant/app"
)

// seedDemoInventory gives the demo shop stock that tells a story against its
// own orders, whatever they are (the demo shop will be reworked): it reads
// each listed product's demand over the plan's default window and sets the
// stock from it, so the plan shows the three best sellers close to a
// stockout, the next one with a sea shipment on the way, the slowest seller
// overstocked and the rest healthy. Lead times come from production days and
// a default FBA channel per product.
func seedDemoInventory(ctx context.Context, tx *sql.Tx, now time.Time) error {
	o := app.DefaultReplenishOptions(now)
	channel := func(name string) (int64, error) {
		var id int64
		err := tx.QueryRowContext(ctx, `SELECT id FROM logistics_channels WHERE name = ?`, name).Scan(&id)
		return id, err
	}
	airUS, err := channel("Amazon FBA US（空派头程）")
	if err != nil {
		return err
	}
	seaJP, err := channel("Amazon FBA JP（海运头程）")
	if err != nil {
		return err
	}
	type sku struct {
		sku, markets string
		listed       bool
		units        int64 // in the window
		lead         int
		daily        float64
	}
	var skus []sku
	rows, err := tx.QueryContext(ctx, `SELECT p.sku, p.markets, p.status = 'listed', coalesce(sum(l.quantity), 0) FROM products p
		LEFT JOIN order_rows l ON l.stock_code = p.sku AND l.at >= ? AND l.at < ?
			AND NOT `+strings.ReplaceAll(cancelledSQL, "invoice_no", "l.invoice_no")+`
		WHERE p.status IN ('listed', 'retired') GROUP BY p.sku ORDER BY p.sku`,
		dayStart(o.WindowStart().Format(time.DateOnly)), dayStart(o.AsOf.Format(time.DateOnly)))
	if err != nil {
		return err
	}
	for rows.Next() {
		var s sku
		if err := rows.Scan(&s.sku, &s.markets, &s.listed, &s.units); err != nil {
			rows.Close()
			return err
		}
		s.daily = float64(s.units) / float64(o.WindowDays)
		skus = append(skus, s)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	// Catalogue facts: 12–24 production days, cartons of 24–60, the FBA JP
	// sea channel for products sold in Japan, the US air channel otherwise.
	for i := range skus {
		s := &skus[i]
		production := 12 + 4*(i%4)
		ch := airUS
		if strings.Contains(s.markets, "JP") {
			ch = seaJP
		}
		var days int
		if err := tx.QueryRowContext(ctx, `SELECT days_max FROM logistics_channels WHERE id = ?`, ch).Scan(&days); err != nil {
			return err
		}
		s.lead = production + days
		if _, err := tx.ExecContext(ctx, `UPDATE products SET production_days = ?, default_channel_id = ?, carton_units = ? WHERE sku = ?`,
			production, ch, 24+12*(i%4), s.sku); err != nil {
			return err
		}
	}
	// Only listed products are stocked; a retired one sells off what is left.
	var byDemand []sku
	for _, s := range skus {
		if s.listed {
			byDemand = append(byDemand, s)
		}
	}
	sort.SliceStable(byDemand, func(i, j int) bool { return byDemand[i].units > byDemand[j].units })
	stamp := now.UTC().Format("2006-01-02T15:04:05Z")
	stock := func(s sku, onHand, inbound int64) error {
		// Most of it in FBA, a fifth in the own warehouse in Shenzhen.
		home := onHand / 5
		// updated_at is the demo's now, not the clock's: the same day gives
		// the same workspace (TestDemoDeterministic).
		if _, err := tx.ExecContext(ctx, `INSERT INTO stock_levels (sku, warehouse, on_hand, reserved, inbound, updated_at) VALUES (?, 'FBA-US', ?, ?, ?, ?)`,
			s.sku, onHand-home, min(2, onHand-home), inbound, stamp); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO stock_levels (sku, warehouse, on_hand, updated_at) VALUES (?, '深圳自有仓 Shenzhen', ?, ?)`, s.sku, home, stamp)
		return err
	}
	// received dates stock on hand for its age (first in, first out): a
	// shipment that arrived daysAgo days before the demo's today.
	received := func(s sku, qty int64, daysAgo int) error {
		if qty <= 0 {
			return nil
		}
		arrived := o.AsOf.AddDate(0, 0, -daysAgo)
		_, err := tx.ExecContext(ctx, `INSERT INTO inbound_shipments (sku, warehouse, quantity, channel_id, shipped_on, arrives_on, received)
			VALUES (?, 'FBA-US', ?, NULL, ?, ?, 1)`, s.sku, qty, arrived.AddDate(0, 0, -s.lead).Format(time.DateOnly), arrived.Format(time.DateOnly))
		return err
	}
	days := func(s sku, n float64) int64 { return int64(math.Ceil(s.daily * n)) }
	slowest := -1
	for i := len(byDemand) - 1; i >= 4; i-- {
		if byDemand[i].units > 0 {
			slowest = i
			break
		}
	}
	for i, s := range byDemand {
		var err error
		switch {
		case s.units == 0:
			// Listed, nothing sold lately: no_sales, and no shipment on
			// record dates its stock, so its age shows as unknown.
			err = stock(s, 40, 0)
		case i < 3:
			// About four days left: reorder now; the last delivery came in
			// seven weeks ago.
			if err = stock(s, days(s, 4), 0); err == nil {
				err = received(s, days(s, 4), 49)
			}
		case i == 3:
			// Eight days on hand and a sea shipment of two months' demand
			// that left ten days ago and lands in eighteen.
			if err = stock(s, days(s, 8), 0); err == nil {
				_, err = tx.ExecContext(ctx, `INSERT INTO inbound_shipments (sku, warehouse, quantity, channel_id, shipped_on, arrives_on)
					VALUES (?, 'FBA-JP', ?, ?, ?, ?)`, s.sku, max(1, days(s, 60)), seaJP,
					o.AsOf.AddDate(0, 0, -10).Format(time.DateOnly), o.AsOf.AddDate(0, 0, 18).Format(time.DateOnly))
			}
			if err == nil {
				err = received(s, days(s, 8), 35)
			}
		case i == slowest:
			// A year of stock paying storage: two thirds of it came in 230
			// days ago and has not sold (first in, first out, it is the
			// oldest): the aged-inventory warning.
			onHand := max(300, days(s, 365))
			if err = stock(s, onHand, 0); err == nil {
				old := onHand * 2 / 3
				if err = received(s, old, 230); err == nil {
					err = received(s, onHand-old, 100)
				}
			}
		default:
			onHand := days(s, float64(s.lead+45))
			if err = stock(s, onHand, days(s, 10)); err == nil {
				err = received(s, onHand, 40)
			}
		}
		if err != nil {
			return err
		}
	}
	return nil
}
