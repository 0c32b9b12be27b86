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
	products, err := demoAdsProducts(ctx, tx, start, end)
	if err != nil {
		return err
	}
	w, err := prepareDemoAds(ctx, tx)
	if err != nil {
		return err
	}
	defer w.close()
	w.r = rand.New(rand.NewPCG(16, 2026))
	w.start, w.end = start, end
	for i, p := range products {
		if p.orders == 0 {
			continue
		}
		if err := w.product(ctx, i, p); err != nil {
			return err
		}
	}
	return nil
}

type demoAdsDay struct{ orders, units, revenue int64 }

// demoAdsProduct is one product's US orders of the quarter, per day and in
// all.
type demoAdsProduct struct {
	sku, name string
	days      map[string]demoAdsDay
	orders    int64
	units     int64
	revenue   int64
}

// demoAdsProducts reads the US orders from start to end per product and
// day, in SKU order.
func demoAdsProducts(ctx context.Context, tx *sql.Tx, start, end time.Time) ([]*demoAdsProduct, error) {
	oc, err := readOrderCurrencies(ctx, tx)
	if err != nil {
		return nil, err
	}
	rows, err := tx.QueryContext(ctx, `SELECT l.stock_code, p.name_en, date(l.at, 'unixepoch'), count(DISTINCT l.invoice_no),
		sum(l.quantity), sum(`+oc.baseCents("l")+`)
		FROM order_rows l JOIN products p ON p.sku = l.stock_code
		WHERE l.country_id = (SELECT id FROM order_texts WHERE text = 'US') AND l.quantity > 0 AND l.invoice_no NOT LIKE 'C%'
			AND l.at >= ? AND l.at < ?
		GROUP BY 1, 2, 3 ORDER BY 1, 3`, dayStart(start.Format(time.DateOnly)), dayStart(end.AddDate(0, 0, 1).Format(time.DateOnly)))
	if err != nil {
		return nil, err
	}
	var products []*demoAdsProduct
	for rows.Next() {
		var sku, name, d string
		var x demoAdsDay
		if err := rows.Scan(&sku, &name, &d, &x.orders, &x.units, &x.revenue); err != nil {
			rows.Close()
			return nil, err
		}
		if len(products) == 0 || products[len(products)-1].sku != sku {
			products = append(products, &demoAdsProduct{sku: sku, name: name, days: map[string]demoAdsDay{}})
		}
		p := products[len(products)-1]
		p.days[d] = x
		p.orders += x.orders
		p.units += x.units
		p.revenue += x.revenue
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return products, nil
}

// demoAdsWriter holds the demo's ads statements and its random source; the
// draws from r happen in one fixed order, so the demo is the same each time.
type demoAdsWriter struct {
	biz, addTerm, addDay, camp, rules *sql.Stmt
	r                                 *rand.Rand
	start, end                        time.Time
}

func prepareDemoAds(ctx context.Context, tx *sql.Tx) (*demoAdsWriter, error) {
	w := &demoAdsWriter{}
	for _, s := range []struct {
		stmt  **sql.Stmt
		query string
	}{
		{&w.biz, `INSERT INTO ads_business (start_date, end_date, child_asin, parent_asin, title, sku,
		sessions, page_views, buy_box_bp, units_ordered, sales_cents, order_items) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)`},
		{&w.addTerm, `INSERT INTO ads_terms (campaign, ad_group, targeting, match_type, search_term, currency, retailer, country)
		VALUES (?,?,?,?,?,'USD','Amazon','United States')`},
		{&w.addDay, `INSERT INTO ads_term_days (term_id, start_date, end_date, impressions, clicks, spend_cents,
		sales_cents, orders, units, adv_units, other_units, adv_sales_cents, other_sales_cents) VALUES (?,?,?,?,?,?,?,?,?,?,0,?,0)`},
		{&w.camp, `INSERT INTO ads_campaign_days (start_date, end_date, campaign, currency, impressions, clicks,
		spend_cents, sales_cents, orders, units) VALUES (?,?,?,'USD',?,?,?,?,?,?)
		ON CONFLICT DO UPDATE SET impressions = impressions + excluded.impressions, clicks = clicks + excluded.clicks,
		spend_cents = spend_cents + excluded.spend_cents, sales_cents = sales_cents + excluded.sales_cents,
		orders = orders + excluded.orders, units = units + excluded.units`},
		{&w.rules, `INSERT INTO ads_campaign_rules (campaign, target_acos, negate_clicks, harvest_orders, sku) VALUES (?,?,?,?,?)`},
	} {
		stmt, err := tx.PrepareContext(ctx, s.query)
		if err != nil {
			w.close()
			return nil, err
		}
		*s.stmt = stmt
	}
	return w, nil
}

func (w *demoAdsWriter) close() {
	for _, s := range []*sql.Stmt{w.biz, w.addTerm, w.addDay, w.camp, w.rules} {
		if s != nil {
			s.Close()
		}
	}
}

// demoAdsTerm is one targeting of a demo campaign and how it sells.
type demoAdsTerm struct {
	campaign, group, targeting, match, text string
	weight                                  float64 // share of the ad orders
	perOrder                                int     // clicks per order, about
	cpc, ctr                                float64 // cost per click, click-through
}

// product writes product i's Business Report row, its two campaigns' terms
// and rules, and its search term and campaign rows of every day.
func (w *demoAdsWriter) product(ctx context.Context, i int, p *demoAdsProduct) error {
	r := w.r
	// Business Report: one row for the quarter. Sessions from a unit
	// session percentage of 9-14 %.
	cvr := 0.09 + 0.05*r.Float64()
	sessions := int64(math.Round(float64(p.units) / cvr))
	asin := fmt.Sprintf("B0DEMO%04d", i+1)
	if _, err := w.biz.ExecContext(ctx, w.start.Format(time.DateOnly), w.end.Format(time.DateOnly), asin, asin, p.name, p.sku,
		sessions, sessions*13/10, 9200+r.IntN(780), p.units, p.revenue, p.orders); err != nil {
		return err
	}
	manual, auto := "SP - "+p.sku+" - Manual", "SP - "+p.sku+" - Auto"
	terms := demoAdsTerms(i, p, manual, auto)
	ids := make([]int64, len(terms))
	for j, t := range terms {
		res, err := w.addTerm.ExecContext(ctx, t.campaign, t.group, t.targeting, t.match, t.text)
		if err != nil {
			return err
		}
		if ids[j], err = res.LastInsertId(); err != nil {
			return err
		}
	}
	for _, c := range []string{manual, auto} {
		if _, err := w.rules.ExecContext(ctx, c, "0.30", 10, 2, p.sku); err != nil {
			return err
		}
	}
	avg := float64(p.revenue) / float64(p.units)
	for d := w.start; !d.After(w.end); d = d.AddDate(0, 0, 1) {
		if err := w.day(ctx, d.Format(time.DateOnly), p.days[d.Format(time.DateOnly)], terms, ids, avg); err != nil {
			return err
		}
	}
	return nil
}

// demoAdsTerms are product i's terms: two campaigns per product, manual
// keywords (exact, phrase, broad) and automatic targeting; the words come
// from the product's name.
func demoAdsTerms(i int, p *demoAdsProduct, manual, auto string) []demoAdsTerm {
	words := demoAdsWords(p.name, p.sku)
	core := strings.Join(words[max(0, len(words)-2):], " ")
	// Weight 0: a term that gets clicks and never sells (a negative to
	// find). The clicks per order and cost per click give each term its
	// ACoS: the exact keyword near target, a phrase term and an auto
	// term cheap enough to harvest, a broad term far too dear.
	return []demoAdsTerm{
		{manual, "exact", core, "EXACT", core, 0.34, 6, 0.45, 0.012},
		{manual, "phrase", core, "PHRASE", "best " + core, 0.18, 5, 0.35, 0.009},
		{manual, "phrase", core, "PHRASE", core + " for kitchen", 0.08, 8, 0.50, 0.008},
		{manual, "broad", core, "BROAD", "cheap " + core, 0, 0, 0.45, 0.006},
		{manual, "broad", core, "BROAD", "large " + core, 0.12, 9, 0.95, 0.006},
		{auto, "auto", "close-match", "-", words[0] + " " + core, 0.20, 6, 0.32, 0.004},
		{auto, "auto", "substitutes", "-", fmt.Sprintf("b0c%07d", 1000+i*37), 0.08, 7, 0.40, 0.003},
		{auto, "auto", "loose-match", "-", "gift for mom", 0, 0, 0.35, 0.003},
	}
}

// demoAdsWords are the words of a product's name shoppers would type, the
// SKU when there are none. Sizes and counts ("1.2 L", "(5 pcs)") are not
// what shoppers type.
func demoAdsWords(name, sku string) []string {
	var words []string
	for _, w := range strings.Fields(strings.ToLower(name)) {
		if !strings.ContainsAny(w, "0123456789()") && len(w) > 1 && w != "pcs" {
			words = append(words, strings.Trim(w, ","))
		}
	}
	if len(words) == 0 {
		words = []string{strings.ToLower(sku)}
	}
	return words
}

// day writes one day's search term rows of a product and adds them to its
// campaigns' rows.
func (w *demoAdsWriter) day(ctx context.Context, ds string, x demoAdsDay, terms []demoAdsTerm, ids []int64, avg float64) error {
	r := w.r
	termOrders := w.adOrders(x.orders, terms)
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
		if _, err := w.addDay.ExecContext(ctx, ids[j], ds, ds, imp, clicks, spend, sales, orders, orders, orders, sales); err != nil {
			return err
		}
		if _, err := w.camp.ExecContext(ctx, ds, ds, t.campaign, imp, clicks, spend, sales, orders, orders); err != nil {
			return err
		}
	}
	return nil
}

// adOrders shares a day's orders among the terms: about 45 % of them came
// through an ad, each through one term picked by the terms' weights.
func (w *demoAdsWriter) adOrders(orders int64, terms []demoAdsTerm) []int64 {
	r := w.r
	termOrders := make([]int64, len(terms))
	for k := int64(0); k < orders; k++ {
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
	return termOrders
}
