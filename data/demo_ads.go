package data

import (
	"context"
	"database/sql"
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"time"
)

// insertDemoAds writes a quarter of Amazon.com advertising for the demo: a
// Business Report, search term rows and the campaign report they sum to,
// all derived from the demo's US orders of the last 91 days, so they agree
// with them whatever the order generator writes — the Business Report's
// units, sales and order items are the orders', ad orders and sales are a
// share of each day's orders, and the campaign report is the search term
// rows summed per day.
func insertDemoAds(ctx context.Context, tx *sql.Tx, now time.Time) error {
	end := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC).AddDate(0, 0, -1)
	start := end.AddDate(0, 0, -90)
	type day struct{ orders, units, revenue int64 }
	type product struct {
		sku, name string
		days      map[string]day
		orders    int64
		units     int64
		revenue   int64
	}
	rows, err := tx.QueryContext(ctx, `SELECT l.stock_code, p.name_en, substr(l.invoiced_at, 1, 10), count(DISTINCT l.invoice_no),
		sum(l.quantity), sum(l.quantity * l.unit_price_cents)
		FROM order_lines l JOIN products p ON p.sku = l.stock_code
		WHERE l.country = 'US' AND l.quantity > 0 AND l.invoice_no NOT LIKE 'C%' AND l.invoiced_at >= ? AND l.invoiced_at < ?
		GROUP BY 1, 2, 3 ORDER BY 1, 3`, start.Format(time.DateOnly), end.AddDate(0, 0, 1).Format(time.DateOnly))
	if err != nil {
		return err
	}
	var products []*product
	for rows.Next() {
		var sku, name, d string
		var x day
		if err := rows.Scan(&sku, &name, &d, &x.orders, &x.units, &x.revenue); err != nil {
			rows.Close()
			return err
		}
		if len(products) == 0 || products[len(products)-1].sku != sku {
			products = append(products, &product{sku: sku, name: name, days: map[string]day{}})
		}
		p := products[len(products)-1]
		p.days[d] = x
		p.orders += x.orders
		p.units += x.units
		p.revenue += x.revenue
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	r := rand.New(rand.NewPCG(16, 2026))
	biz, err := tx.PrepareContext(ctx, `INSERT INTO ads_business (start_date, end_date, child_asin, parent_asin, title, sku,
		sessions, page_views, buy_box_bp, units_ordered, sales_cents, order_items) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)`)
	if err != nil {
		return err
	}
	defer biz.Close()
	addTerm, err := tx.PrepareContext(ctx, `INSERT INTO ads_terms (campaign, ad_group, targeting, match_type, search_term, currency, retailer, country)
		VALUES (?,?,?,?,?,'USD','Amazon','United States')`)
	if err != nil {
		return err
	}
	defer addTerm.Close()
	addDay, err := tx.PrepareContext(ctx, `INSERT INTO ads_term_days (term_id, start_date, end_date, impressions, clicks, spend_cents,
		sales_cents, orders, units, adv_units, other_units, adv_sales_cents, other_sales_cents) VALUES (?,?,?,?,?,?,?,?,?,?,0,?,0)`)
	if err != nil {
		return err
	}
	defer addDay.Close()
	camp, err := tx.PrepareContext(ctx, `INSERT INTO ads_campaign_days (start_date, end_date, campaign, currency, impressions, clicks,
		spend_cents, sales_cents, orders, units) VALUES (?,?,?,'USD',?,?,?,?,?,?)
		ON CONFLICT DO UPDATE SET impressions = impressions + excluded.impressions, clicks = clicks + excluded.clicks,
		spend_cents = spend_cents + excluded.spend_cents, sales_cents = sales_cents + excluded.sales_cents,
		orders = orders + excluded.orders, units = units + excluded.units`)
	if err != nil {
		return err
	}
	defer camp.Close()
	rules, err := tx.PrepareContext(ctx, `INSERT INTO ads_campaign_rules (campaign, target_acos, negate_clicks, harvest_orders, sku) VALUES (?,?,?,?,?)`)
	if err != nil {
		return err
	}
	defer rules.Close()

	for i, p := range products {
		if p.orders == 0 {
			continue
		}
		// Business Report: one row for the quarter. Sessions from a unit
		// session percentage of 9-14 %.
		cvr := 0.09 + 0.05*r.Float64()
		sessions := int64(math.Round(float64(p.units) / cvr))
		asin := fmt.Sprintf("B0DEMO%04d", i+1)
		if _, err := biz.ExecContext(ctx, start.Format(time.DateOnly), end.Format(time.DateOnly), asin, asin, p.name, p.sku,
			sessions, sessions*13/10, 9200+r.IntN(780), p.units, p.revenue, p.orders); err != nil {
			return err
		}
		// Two campaigns per product: manual keywords (exact, phrase, broad)
		// and automatic targeting; the words come from the product's name.
		// Sizes and counts ("1.2 L", "(5 pcs)") are not what shoppers type.
		var words []string
		for _, w := range strings.Fields(strings.ToLower(p.name)) {
			if !strings.ContainsAny(w, "0123456789()") && len(w) > 1 && w != "pcs" {
				words = append(words, strings.Trim(w, ","))
			}
		}
		if len(words) == 0 {
			words = []string{strings.ToLower(p.sku)}
		}
		core := strings.Join(words[max(0, len(words)-2):], " ")
		manual, auto := "SP - "+p.sku+" - Manual", "SP - "+p.sku+" - Auto"
		type term struct {
			campaign, group, targeting, match, text string
			weight                                  float64 // share of the ad orders
			perOrder                                int     // clicks per order, about
			cpc, ctr                                float64 // cost per click, click-through
		}
		// Weight 0: a term that gets clicks and never sells (a negative to
		// find). The clicks per order and cost per click give each term its
		// ACoS: the exact keyword near target, a phrase term and an auto
		// term cheap enough to harvest, a broad term far too dear.
		terms := []term{
			{manual, "exact", core, "EXACT", core, 0.34, 6, 0.45, 0.012},
			{manual, "phrase", core, "PHRASE", "best " + core, 0.18, 5, 0.35, 0.009},
			{manual, "phrase", core, "PHRASE", core + " for kitchen", 0.08, 8, 0.50, 0.008},
			{manual, "broad", core, "BROAD", "cheap " + core, 0, 0, 0.45, 0.006},
			{manual, "broad", core, "BROAD", "large " + core, 0.12, 9, 0.95, 0.006},
			{auto, "auto", "close-match", "-", words[0] + " " + core, 0.20, 6, 0.32, 0.004},
			{auto, "auto", "substitutes", "-", fmt.Sprintf("b0c%07d", 1000+i*37), 0.08, 7, 0.40, 0.003},
			{auto, "auto", "loose-match", "-", "gift for mom", 0, 0, 0.35, 0.003},
		}
		ids := make([]int64, len(terms))
		for j, t := range terms {
			res, err := addTerm.ExecContext(ctx, t.campaign, t.group, t.targeting, t.match, t.text)
			if err != nil {
				return err
			}
			if ids[j], err = res.LastInsertId(); err != nil {
				return err
			}
		}
		for _, c := range []string{manual, auto} {
			if _, err := rules.ExecContext(ctx, c, "0.30", 10, 2, p.sku); err != nil {
				return err
			}
		}
		avg := float64(p.revenue) / float64(p.units)
		for d := start; !d.After(end); d = d.AddDate(0, 0, 1) {
			ds := d.Format(time.DateOnly)
			x := p.days[ds]
			// About 45 % of a day's orders came through an ad, each through
			// one term picked by the terms' weights.
			termOrders := make([]int64, len(terms))
			for k := int64(0); k < x.orders; k++ {
				if r.Float64() >= 0.45 {
					continue
				}
				pick, acc := r.Float64(), 0.0
				for j, t := range terms {
					if acc += t.weight; pick < acc || j == len(terms)-1 {
						termOrders[j]++
						break
					}
				}
			}
			for j, t := range terms {
				orders := termOrders[j]
				var clicks int64
				switch {
				case orders > 0:
					clicks = orders*int64(t.perOrder) + int64(r.IntN(2))
				case t.weight == 0 && r.Float64() < 0.12, r.Float64() < 0.015:
					clicks = 1 // a click that did not sell
				default:
					continue
				}
				imp := int64(float64(clicks)/t.ctr) + int64(r.IntN(40))
				spend := int64(math.Round(float64(clicks) * t.cpc * (0.85 + 0.3*r.Float64()) * 100))
				sales := int64(math.Round(float64(orders) * avg))
				if _, err := addDay.ExecContext(ctx, ids[j], ds, ds, imp, clicks, spend, sales, orders, orders, orders, sales); err != nil {
					return err
				}
				if _, err := camp.ExecContext(ctx, ds, ds, t.campaign, imp, clicks, spend, sales, orders, orders); err != nil {
					return err
				}
			}
		}
	}
	return nil
}
