package data

import (
	"context"
	"strings"
	"time"

	"github.com/seller-assistant/seller-assistant/app"
)

var _ app.CampaignStore = (*Store)(nil)

const campaignColumns = `SELECT id, name, goal, type, markets, platform, starts_on, ends_on, budget_cents, lift,
	products, discount_cents, ads_cents, kol_cents, samples_cents, plan_price_cents, plan_unit_cost_cents,
	plan_discount, plan_baseline_units, margin_rate, eval_typed, eval_base_revenue_cents, eval_base_orders,
	eval_base_new, eval_revenue_cents, eval_orders, eval_new, notes FROM campaigns`

// UpcomingCampaigns implements app.Workspace: campaigns running on or
// starting after from, soonest first.
func (s *Store) UpcomingCampaigns(ctx context.Context, from time.Time, limit int) ([]app.Campaign, error) {
	return s.campaigns(ctx, campaignColumns+` WHERE ends_on >= ? ORDER BY starts_on LIMIT ?`, from.Format(dateLayout), limit)
}

// Campaigns implements app.Workspace: all campaigns by start date.
func (s *Store) Campaigns(ctx context.Context) ([]app.Campaign, error) {
	return s.campaigns(ctx, campaignColumns+` ORDER BY starts_on, id`)
}

// Campaign implements app.CampaignStore.
func (s *Store) Campaign(ctx context.Context, id int64) (app.Campaign, error) {
	cs, err := s.campaigns(ctx, campaignColumns+` WHERE id = ?`, id)
	if err != nil {
		return app.Campaign{}, err
	}
	if len(cs) == 0 {
		return app.Campaign{}, app.Errorf(app.ENotFound, "error.not_found")
	}
	return cs[0], nil
}

func (s *Store) campaigns(ctx context.Context, query string, args ...any) ([]app.Campaign, error) {
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, s.fail(err)
	}
	defer rows.Close()
	var out []app.Campaign
	for rows.Next() {
		var c app.Campaign
		var markets, start, end, lift, products, discount, margin string
		var budget, dc, ads, kol, samples, price, cost, baseRev, rev int64
		var typed int
		a := &c.Actuals
		if err := rows.Scan(&c.ID, &c.Name, &c.Goal, &c.Type, &markets, &c.Platform, &start, &end, &budget, &lift,
			&products, &dc, &ads, &kol, &samples, &price, &cost, &discount, &c.Plan.BaselineUnits, &margin, &typed,
			&baseRev, &a.Baseline.Orders, &a.Baseline.NewCustomers, &rev, &a.Campaign.Orders, &a.Campaign.NewCustomers, &c.Notes); err != nil {
			return nil, s.fail(err)
		}
		c.Markets, c.Start, c.End = list(markets), day(start), day(end)
		c.Budget, c.Lift = cents(budget), rate(lift)
		c.Products = list(products)
		c.Lines = app.BudgetLines{Discount: cents(dc), Ads: cents(ads), KOL: cents(kol), Samples: cents(samples)}
		if c.Lines.Total().IsZero() && budget > 0 {
			// A row written without lines (an older seed or tool) keeps its
			// total as the ads line, as the migration did.
			c.Lines.Ads = c.Budget
		}
		c.Plan.Price, c.Plan.UnitCost, c.Plan.Discount = cents(price), cents(cost), rate(discount)
		c.MarginRate = rate(margin)
		a.Typed = typed == 1
		a.Baseline.Revenue, a.Campaign.Revenue = cents(baseRev), cents(rev)
		a.Campaign.From, a.Campaign.To = c.Start, c.End
		a.Baseline.From, a.Baseline.To = app.BaselinePeriod(c.Start, c.End)
		out = append(out, c)
	}
	return out, s.fail(rows.Err())
}

// SaveCampaign implements app.CampaignStore. The budget stored is the total
// of the lines, so every reader of budget_cents agrees with them.
func (s *Store) SaveCampaign(ctx context.Context, c app.Campaign) (int64, error) {
	if err := c.Validate(); err != nil {
		return 0, err
	}
	a := c.Actuals
	typed := 0
	if a.Typed {
		typed = 1
	}
	args := []any{c.Name, c.Goal, c.Type, strings.Join(c.Markets, ","), c.Platform, c.Start.Format(dateLayout), c.End.Format(dateLayout),
		toCents(c.Lines.Total()), c.Lift.String(), strings.Join(c.Products, ","),
		toCents(c.Lines.Discount), toCents(c.Lines.Ads), toCents(c.Lines.KOL), toCents(c.Lines.Samples),
		toCents(c.Plan.Price), toCents(c.Plan.UnitCost), c.Plan.Discount.String(), c.Plan.BaselineUnits, c.MarginRate.String(),
		typed, toCents(a.Baseline.Revenue), a.Baseline.Orders, a.Baseline.NewCustomers, toCents(a.Campaign.Revenue), a.Campaign.Orders, a.Campaign.NewCustomers,
		c.Notes}
	if c.ID == 0 {
		res, err := s.db.ExecContext(ctx, `INSERT INTO campaigns (name, goal, type, markets, platform, starts_on, ends_on,
			budget_cents, lift, products, discount_cents, ads_cents, kol_cents, samples_cents, plan_price_cents,
			plan_unit_cost_cents, plan_discount, plan_baseline_units, margin_rate, eval_typed, eval_base_revenue_cents,
			eval_base_orders, eval_base_new, eval_revenue_cents, eval_orders, eval_new, notes)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, args...)
		if err != nil {
			return 0, s.fail(err)
		}
		id, err := res.LastInsertId()
		return id, s.fail(err)
	}
	res, err := s.db.ExecContext(ctx, `UPDATE campaigns SET name = ?, goal = ?, type = ?, markets = ?, platform = ?,
		starts_on = ?, ends_on = ?, budget_cents = ?, lift = ?, products = ?, discount_cents = ?, ads_cents = ?,
		kol_cents = ?, samples_cents = ?, plan_price_cents = ?, plan_unit_cost_cents = ?, plan_discount = ?,
		plan_baseline_units = ?, margin_rate = ?, eval_typed = ?, eval_base_revenue_cents = ?, eval_base_orders = ?,
		eval_base_new = ?, eval_revenue_cents = ?, eval_orders = ?, eval_new = ?, notes = ? WHERE id = ?`, append(args, c.ID)...)
	if err != nil {
		return 0, s.fail(err)
	}
	return c.ID, s.notFoundIfNone(res)
}

// DeleteCampaign implements app.CampaignStore.
func (s *Store) DeleteCampaign(ctx context.Context, id int64) error {
	res, err := s.db.ExecContext(ctx, `DELETE FROM campaigns WHERE id = ?`, id)
	if err != nil {
		return s.fail(err)
	}
	return s.notFoundIfNone(res)
}

// PeriodFigures implements app.CampaignStore. Revenue and units net
// cancellations (negative quantities); orders count distinct invoices that are not
// cancellations; a new customer is one whose first order line ever, in any
// market, falls inside the period.
func (s *Store) PeriodFigures(ctx context.Context, from, to time.Time, f app.OrderFilter) (app.PeriodFigures, error) {
	pf := app.PeriodFigures{From: from, To: to}
	if err := s.withIndex(ctx, dateIndexSQL); err != nil {
		return pf, err
	}
	if err := s.withIndex(ctx, customerIndexSQL); err != nil {
		return pf, err
	}
	lo, hi := dayStart(from.Format(dateLayout)), dayStart(to.AddDate(0, 0, 1).Format(dateLayout))
	// Lines as o, their country's text as c.
	const lines = `order_rows o JOIN order_texts c ON c.id = o.country_id`
	where := `o.at >= ? AND o.at < ?`
	args := []any{lo, hi}
	in := func(col string, vals []string) {
		if len(vals) == 0 {
			return
		}
		where += ` AND ` + col + ` IN (` + strings.TrimSuffix(strings.Repeat("?,", len(vals)), ",") + `)`
		for _, v := range vals {
			args = append(args, v)
		}
	}
	in("c.text", f.Markets)
	in("o.stock_code", f.SKUs)

	daily := map[string]int64{}
	oc, err := readOrderCurrencies(ctx, s.db)
	if err != nil {
		return pf, s.fail(err)
	}
	rows, err := s.db.QueryContext(ctx, `SELECT o.at / 86400, sum(`+oc.baseCents("o")+`)
		FROM `+lines+` WHERE `+where+` GROUP BY 1`, args...)
	if err != nil {
		return pf, s.fail(err)
	}
	var total int64
	for rows.Next() {
		var d, v int64
		if err := rows.Scan(&d, &v); err != nil {
			rows.Close()
			return pf, s.fail(err)
		}
		daily[time.Unix(d*86400, 0).UTC().Format(dateLayout)] = v
		total += v
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return pf, s.fail(err)
	}
	pf.Revenue = cents(total)
	for d := from; !d.After(to); d = d.AddDate(0, 0, 1) {
		pf.Daily = append(pf.Daily, app.DayValue{Day: d, Value: cents(daily[d.Format(dateLayout)])})
	}
	// Units and revenue by SKU and market: what gross profit is computed on.
	srows, err := s.db.QueryContext(ctx, `SELECT o.stock_code, c.text, sum(o.quantity), sum(`+oc.baseCents("o")+`)
		FROM `+lines+` WHERE `+where+` GROUP BY 1, 2 ORDER BY 1, 2`, args...)
	if err != nil {
		return pf, s.fail(err)
	}
	for srows.Next() {
		var ls app.LineSales
		var rev int64
		if err := srows.Scan(&ls.SKU, &ls.Market, &ls.Units, &rev); err != nil {
			srows.Close()
			return pf, s.fail(err)
		}
		ls.Revenue = cents(rev)
		pf.Sales = append(pf.Sales, ls)
	}
	srows.Close()
	if err := srows.Err(); err != nil {
		return pf, s.fail(err)
	}
	err = s.db.QueryRowContext(ctx, `SELECT count(DISTINCT o.invoice_no) FROM `+lines+`
		WHERE `+where+` AND o.quantity > 0 AND o.invoice_no NOT LIKE 'C%'`, args...).Scan(&pf.Orders)
	if err != nil {
		return pf, s.fail(err)
	}
	err = s.db.QueryRowContext(ctx, `SELECT count(*) FROM (
		SELECT DISTINCT o.customer_id FROM `+lines+` WHERE `+where+` AND o.customer_id IS NOT NULL AND o.quantity > 0) AS n
		WHERE (SELECT min(x.at) FROM order_rows x WHERE x.customer_id = n.customer_id AND x.quantity > 0) >= ?`,
		append(args, lo)...).Scan(&pf.NewCustomers)
	return pf, s.fail(err)
}

// MarketEvents implements app.CampaignStore.
func (s *Store) MarketEvents(ctx context.Context, year int) ([]app.MarketEvent, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, year, key, name, markets, starts_on, ends_on FROM market_events
		WHERE year = ? ORDER BY starts_on, key, id`, year)
	if err != nil {
		return nil, s.fail(err)
	}
	defer rows.Close()
	var out []app.MarketEvent
	for rows.Next() {
		var e app.MarketEvent
		var markets, start, end string
		if err := rows.Scan(&e.ID, &e.Year, &e.Key, &e.Name, &markets, &start, &end); err != nil {
			return nil, s.fail(err)
		}
		e.Markets, e.Start, e.End = list(markets), day(start), day(end)
		out = append(out, e)
	}
	return out, s.fail(rows.Err())
}

// SaveMarketEvent implements app.CampaignStore.
func (s *Store) SaveMarketEvent(ctx context.Context, e app.MarketEvent) (int64, error) {
	if err := e.Validate(); err != nil {
		return 0, err
	}
	if e.Year == 0 {
		e.Year = e.Start.Year()
	}
	args := []any{e.Year, e.Key, e.Name, strings.Join(e.Markets, ","), e.Start.Format(dateLayout), e.End.Format(dateLayout)}
	if e.ID == 0 {
		res, err := s.db.ExecContext(ctx, `INSERT INTO market_events (year, key, name, markets, starts_on, ends_on)
			VALUES (?, ?, ?, ?, ?, ?)`, args...)
		if err != nil {
			return 0, s.fail(err)
		}
		id, err := res.LastInsertId()
		return id, s.fail(err)
	}
	res, err := s.db.ExecContext(ctx, `UPDATE market_events SET year = ?, key = ?, name = ?, markets = ?, starts_on = ?,
		ends_on = ? WHERE id = ?`, append(args, e.ID)...)
	if err != nil {
		return 0, s.fail(err)
	}
	return e.ID, s.notFoundIfNone(res)
}

// DeleteMarketEvent implements app.CampaignStore.
func (s *Store) DeleteMarketEvent(ctx context.Context, id int64) error {
	res, err := s.db.ExecContext(ctx, `DELETE FROM market_events WHERE id = ?`, id)
	if err != nil {
		return s.fail(err)
	}
	return s.notFoundIfNone(res)
}
