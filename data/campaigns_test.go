package data

import (
	"context"
	"math"
	"path/filepath"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/seller-assistant/seller-assistant/app"
)

func promoDec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func utcDay(y int, m time.Month, dd int) time.Time { return time.Date(y, m, dd, 0, 0, 0, 0, time.UTC) }

func TestCampaignSaveLoadDelete(t *testing.T) {
	s, _ := newWorkspace(t)
	ctx := context.Background()
	c := app.Campaign{Name: "Black Friday", Goal: "sales", Type: "discount", Markets: []string{"US", "DE"}, Platform: "Amazon",
		Products: []string{"HL-KT-001"}, Start: utcDay(2026, 11, 27), End: utcDay(2026, 11, 30), Lift: promoDec("0.4"),
		Lines:      app.BudgetLines{Discount: promoDec("300"), Ads: promoDec("150.50"), KOL: promoDec("50"), Samples: promoDec("20")},
		Plan:       app.CampaignPlan{Price: promoDec("19.99"), UnitCost: promoDec("7.2"), Discount: promoDec("0.2"), BaselineUnits: 120},
		MarginRate: promoDec("0.3"), Notes: "submit deals by Oct 1",
		Actuals: app.CampaignActuals{Typed: true, Baseline: app.PeriodFigures{Revenue: promoDec("1000"), Orders: 40, NewCustomers: 5},
			Campaign: app.PeriodFigures{Revenue: promoDec("2500.25"), Orders: 90, NewCustomers: 31}}}
	id, err := s.SaveCampaign(ctx, c)
	if err != nil || id == 0 {
		t.Fatalf("insert: %d %v", id, err)
	}
	got, err := s.Campaign(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if got.Name != c.Name || len(got.Markets) != 2 || got.Products[0] != "HL-KT-001" || !got.Budget.Equal(promoDec("520.5")) ||
		!got.Lines.Ads.Equal(promoDec("150.5")) || !got.Plan.Price.Equal(promoDec("19.99")) || got.Plan.BaselineUnits != 120 ||
		!got.Plan.Discount.Equal(promoDec("0.2")) || !got.MarginRate.Equal(promoDec("0.3")) || !got.Actuals.Typed ||
		!got.Actuals.Campaign.Revenue.Equal(promoDec("2500.25")) || got.Actuals.Campaign.NewCustomers != 31 || got.Notes != c.Notes {
		t.Fatalf("round trip lost something:\n%+v", got)
	}
	got.Name, got.Lines.KOL = "Black Friday / Cyber Monday", promoDec("0")
	if _, err := s.SaveCampaign(ctx, got); err != nil {
		t.Fatal(err)
	}
	again, _ := s.Campaign(ctx, id)
	if again.Name != got.Name || !again.Budget.Equal(promoDec("470.5")) {
		t.Fatalf("update: %s %s", again.Name, again.Budget)
	}
	bad := got
	bad.End = utcDay(2026, 1, 1)
	if _, err := s.SaveCampaign(ctx, bad); app.ErrorCode(err) != app.EInvalid {
		t.Fatalf("bad dates saved: %v", err)
	}
	if after, _ := s.Campaign(ctx, id); !after.End.Equal(got.End) {
		t.Fatal("a refused save changed the row")
	}
	if err := s.DeleteCampaign(ctx, id); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Campaign(ctx, id); app.ErrorCode(err) != app.ENotFound {
		t.Fatalf("deleted campaign: %v", err)
	}
	if err := s.DeleteCampaign(ctx, id); app.ErrorCode(err) != app.ENotFound {
		t.Fatalf("second delete: %v", err)
	}
	got.ID = 999
	if _, err := s.SaveCampaign(ctx, got); app.ErrorCode(err) != app.ENotFound {
		t.Fatalf("update of a missing campaign: %v", err)
	}
}

func TestPeriodFigures(t *testing.T) {
	s, _ := newWorkspace(t)
	ctx := context.Background()
	lines := []struct {
		inv, sku string
		qty      int
		at       string
		cents    int64
		cust     any
		country  string
	}{
		{"1", "A", 1, "2026-07-10 09:00:00", 1000, "old", "US"},   // before: makes "old" an existing customer
		{"2", "A", 2, "2026-07-14 10:00:00", 1000, "old", "US"},   // in period
		{"3", "A", 1, "2026-07-14 23:59:59", 1500, "new1", "US"},  // new customer
		{"3", "B", 1, "2026-07-14 23:59:59", 500, "new1", "US"},   // same invoice, other product
		{"C3", "B", -1, "2026-07-15 08:00:00", 500, "new1", "US"}, // cancellation: nets revenue, not an order
		{"4", "A", 1, "2026-07-15 12:00:00", 1000, nil, "DE"},     // guest, other market
		{"5", "A", 1, "2026-07-16 00:00:00", 9999, "late", "US"},  // after the period
	}
	for _, l := range lines {
		if _, err := s.db.Exec(`INSERT INTO order_lines (invoice_no, stock_code, quantity, invoiced_at, unit_price_cents, customer_id, country)
			VALUES (?, ?, ?, ?, ?, ?, ?)`, l.inv, l.sku, l.qty, l.at, l.cents, l.cust, l.country); err != nil {
			t.Fatal(err)
		}
	}
	pf, err := s.PeriodFigures(ctx, utcDay(2026, 7, 14), utcDay(2026, 7, 15), app.OrderFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if !pf.Revenue.Equal(promoDec("45")) || pf.Orders != 3 || pf.NewCustomers != 1 || len(pf.Daily) != 2 ||
		!pf.Daily[0].Value.Equal(promoDec("40")) || !pf.Daily[1].Value.Equal(promoDec("5")) {
		t.Fatalf("all: %+v", pf)
	}
	// By SKU and market, units and revenue net of the cancellation: B sold
	// one and had one cancelled, so it is 0 units for 0.
	want := []app.LineSales{{SKU: "A", Market: "DE", Units: 1, Revenue: promoDec("10")}, {SKU: "A", Market: "US", Units: 3, Revenue: promoDec("35")},
		{SKU: "B", Market: "US", Units: 0, Revenue: promoDec("0")}}
	if len(pf.Sales) != len(want) {
		t.Fatalf("sales %+v", pf.Sales)
	}
	for i, w := range want {
		if g := pf.Sales[i]; g.SKU != w.SKU || g.Market != w.Market || g.Units != w.Units || !g.Revenue.Equal(w.Revenue) {
			t.Errorf("sales[%d] = %+v, want %+v", i, g, w)
		}
	}
	us, err := s.PeriodFigures(ctx, utcDay(2026, 7, 14), utcDay(2026, 7, 15), app.OrderFilter{Markets: []string{"US"}, SKUs: []string{"A"}})
	if err != nil {
		t.Fatal(err)
	}
	if !us.Revenue.Equal(promoDec("35")) || us.Orders != 2 || us.NewCustomers != 1 {
		t.Fatalf("US, product A: %+v", us)
	}
	empty, err := s.PeriodFigures(ctx, utcDay(2025, 1, 1), utcDay(2025, 1, 3), app.OrderFilter{})
	if err != nil || !empty.Revenue.IsZero() || len(empty.Daily) != 3 {
		t.Fatalf("empty period: %+v %v", empty, err)
	}
}

func TestMarketEventsStore(t *testing.T) {
	s, _ := newWorkspace(t)
	ctx := context.Background()
	es, err := app.LoadMarketEvents(ctx, s, 2026)
	if err != nil || len(es) != len(app.DefaultMarketEvents(2026)) {
		t.Fatalf("prefill: %d %v", len(es), err)
	}
	var prime app.MarketEvent
	for _, e := range es {
		if e.Key == "prime_day" {
			prime = e
		}
	}
	// Amazon announced other dates: the seller moves the event.
	prime.Start, prime.End = utcDay(2026, 7, 8), utcDay(2026, 7, 11)
	if _, err := s.SaveMarketEvent(ctx, prime); err != nil {
		t.Fatal(err)
	}
	own := app.MarketEvent{Name: "Prime Big Deal Days", Markets: []string{"US"}, Start: utcDay(2026, 10, 7), End: utcDay(2026, 10, 8)}
	id, err := s.SaveMarketEvent(ctx, own)
	if err != nil || id == 0 {
		t.Fatal(err)
	}
	es, err = app.LoadMarketEvents(ctx, s, 2026)
	if err != nil || len(es) != len(app.DefaultMarketEvents(2026))+1 {
		t.Fatalf("reload: %d %v", len(es), err)
	}
	for _, e := range es {
		if e.Key == "prime_day" && !e.Start.Equal(utcDay(2026, 7, 8)) {
			t.Fatal("the moved Prime Day was reset")
		}
	}
	if err := s.DeleteMarketEvent(ctx, id); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SaveMarketEvent(ctx, app.MarketEvent{Start: utcDay(2026, 1, 1), End: utcDay(2026, 1, 1)}); app.ErrorCode(err) != app.EInvalid {
		t.Fatalf("nameless event: %v", err)
	}
}

func TestRiskRegisterAndChecklists(t *testing.T) {
	s, _ := newWorkspace(t)
	ctx := context.Background()
	r := app.Risk{Title: "Supplier closes for CNY", Category: "operations", Likelihood: 4, Impact: 4, Owner: "刘婷", Status: "open", ReviewDate: utcDay(2026, 12, 1)}
	id, err := s.SaveRisk(ctx, r)
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.Risk(ctx, id)
	if err != nil || got.Score() != 16 || got.Owner != "刘婷" || !got.ReviewDate.Equal(r.ReviewDate) {
		t.Fatalf("%+v %v", got, err)
	}
	got.Status, got.ReviewDate = "closed", time.Time{}
	if _, err := s.SaveRisk(ctx, got); err != nil {
		t.Fatal(err)
	}
	if again, _ := s.Risk(ctx, id); again.Status != "closed" || !again.ReviewDate.IsZero() {
		t.Fatalf("update %+v", again)
	}
	if _, err := s.SaveRisk(ctx, app.Risk{Title: "x", Category: "ip", Likelihood: 6, Impact: 1, Status: "open"}); app.ErrorCode(err) != app.EInvalid {
		t.Fatalf("likelihood 6: %v", err)
	}
	if err := s.DeleteRisk(ctx, id); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Risk(ctx, id); app.ErrorCode(err) != app.ENotFound {
		t.Fatal("deleted risk still there")
	}

	tpl, _ := app.TemplateByID("tax")
	cid, err := s.SaveChecklist(ctx, app.CopyTemplate(tpl, time.Now()))
	if err != nil {
		t.Fatal(err)
	}
	lists, err := s.Checklists(ctx)
	if err != nil || len(lists) != 1 || lists[0].ID != cid || len(lists[0].Items) != len(tpl.Items) {
		t.Fatalf("%+v %v", lists, err)
	}
	it := lists[0].Items[1]
	if it.Key != tpl.Items[1] {
		t.Fatalf("items out of order: %s", it.Key)
	}
	it.Done, it.Owner, it.Due, it.Evidence = true, "Lisa", utcDay(2026, 12, 15), "IOSS number IM2760000001"
	if err := s.SaveChecklistItem(ctx, it); err != nil {
		t.Fatal(err)
	}
	lists, _ = s.Checklists(ctx)
	if got := lists[0].Items[1]; !got.Done || got.Owner != "Lisa" || !got.Due.Equal(utcDay(2026, 12, 15)) || got.Evidence != it.Evidence {
		t.Fatalf("item %+v", got)
	}
	if done, _ := lists[0].Progress(); done != 1 {
		t.Fatal("progress")
	}
	if err := s.DeleteChecklist(ctx, cid); err != nil {
		t.Fatal(err)
	}
	var n int
	s.db.QueryRow(`SELECT count(*) FROM risk_checklist_items`).Scan(&n)
	if n != 0 {
		t.Fatalf("%d items left after deleting their checklist", n)
	}
	if err := s.SaveChecklistItem(ctx, it); app.ErrorCode(err) != app.ENotFound {
		t.Fatalf("item of a deleted list: %v", err)
	}
}

// TestDemoCampaignEvaluation: the demo's Prime Day campaign has real orders
// behind it and pays back; the Rakuten sale is evaluated from typed figures.
func TestDemoCampaignEvaluation(t *testing.T) {
	ctx := context.Background()
	// A fixed day: the demo's campaigns follow the event calendar, so on a
	// few days a year before Prime Day its campaign is still planned.
	now := time.Date(2026, 12, 2, 9, 30, 0, 0, time.UTC)
	s := sharedDemo(t, now)
	cs, err := s.Campaigns(ctx)
	if err != nil {
		t.Fatal(err)
	}
	costs, err := app.LoadUnitCosts(ctx, s)
	if err != nil {
		t.Fatal(err)
	}
	found := 0
	for _, c := range cs {
		if !c.Budget.Equal(c.Lines.Total()) {
			t.Errorf("%s: budget %s but lines total %s", c.Name, c.Budget, c.Lines.Total())
		}
		e, err := app.EvaluateCampaign(ctx, s, c, costs, now)
		if err != nil {
			t.Fatal(err)
		}
		switch c.Name {
		case "Prime Day 厨房小工具":
			found++
			if !e.HasLift || !e.Lift.GreaterThan(promoDec("1")) || !e.HasROI || !e.ROI.IsPositive() || e.Campaign.NewCustomers < 30 {
				t.Errorf("Prime Day: lift %s ROI %s new %d (baseline %s, campaign %s)", e.Lift, e.ROI, e.Campaign.NewCustomers, e.Baseline.Revenue, e.Campaign.Revenue)
			}
		case "楽天スーパーSALE 电子秤清仓":
			found++
			// (842 − 310) × 0.18 = 95.76 incremental gross profit;
			// cost = ads 90 + samples 30 = 120 (the 180 discount is in the
			// revenue): (95.76 − 120) ÷ 120 = −0.202.
			if !c.Actuals.Typed || !e.ROI.Equal(promoDec("-0.202")) {
				t.Errorf("Rakuten: typed %v ROI %s", c.Actuals.Typed, e.ROI)
			}
		}
	}
	if found != 2 {
		t.Fatalf("demo campaigns renamed? found %d of 2", found)
	}
	lists, err := s.Checklists(ctx)
	if err != nil || len(lists) != 2 {
		t.Fatalf("demo checklists: %d %v", len(lists), err)
	}
	for _, l := range lists {
		for _, it := range l.Items {
			if it.Key != "" && !app.English().Has(it.Key) {
				t.Errorf("demo item key %s is not a template item", it.Key)
			}
		}
	}
}

// BenchmarkPeriodFigures evaluates a 4-day campaign and its baseline on
// 300,000 order lines of 30,000 customers over a year.
func BenchmarkPeriodFigures(b *testing.B) {
	path := filepath.Join(b.TempDir(), "big.sellerdb")
	s, err := Create(context.Background(), path, "bench")
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	tx, _ := s.db.Begin()
	stmt, _ := tx.Prepare(`INSERT INTO order_lines (invoice_no, stock_code, quantity, invoiced_at, unit_price_cents, customer_id, country) VALUES (?, ?, ?, ?, ?, ?, ?)`)
	start := utcDay(2026, 1, 1)
	for i := 0; i < 300000; i++ {
		at := start.Add(time.Duration(i%365)*24*time.Hour + time.Duration(i%86400)*time.Second)
		if _, err := stmt.Exec(i/2, []string{"A", "B", "C"}[i%3], 1+i%3, at.Format("2006-01-02 15:04:05"), 999, "C"+time.Duration(i%30000).String(), []string{"US", "GB", "DE"}[i%3]); err != nil {
			b.Fatal(err)
		}
	}
	stmt.Close()
	if err := tx.Commit(); err != nil {
		b.Fatal(err)
	}
	c := app.Campaign{Start: utcDay(2026, 7, 14), End: utcDay(2026, 7, 17), Markets: []string{"US"}, Products: []string{"A", "B"}}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := app.EvaluateCampaign(context.Background(), s, c, app.UnitCosts{}, utcDay(2026, 12, 31)); err != nil {
			b.Fatal(err)
		}
	}
}

// TestDemoPrimeDayROI recomputes the demo's Prime Day evaluation from the
// order lines and saved quotes with SQL alone: gross profit per SKU ×
// market = revenue − units × unit cost, the unit cost from a quote saved for
// that SKU and market (landed + fulfilment + per-order fee + storage,
// converted through CNY at the quote's fx_rate and 7.20 CNY per USD), else
// purchase cost ÷ 7.20. Cost is
// ads 80 + samples 20 = 100; the 150 discount is in the revenue. The old
// formula (budget 250 as cost, revenue change × plan margin rate) gave 27.5 %.
func TestDemoPrimeDayROI(t *testing.T) {
	ctx := context.Background()
	// A fixed day: the demo's campaigns follow the event calendar, so on a
	// few days a year before Prime Day its campaign is still planned.
	now := time.Date(2026, 12, 2, 9, 30, 0, 0, time.UTC)
	s := sharedDemo(t, now)
	cs, _ := s.Campaigns(ctx)
	costs, err := app.LoadUnitCosts(ctx, s)
	if err != nil {
		t.Fatal(err)
	}
	var c app.Campaign
	for _, x := range cs {
		if x.Name == "Prime Day 厨房小工具" {
			c = x
		}
	}
	e, err := app.EvaluateCampaign(ctx, s, c, costs, now)
	if err != nil {
		t.Fatal(err)
	}
	oc, err := readOrderCurrencies(ctx, s.db)
	if err != nil {
		t.Fatal(err)
	}
	gp := func(from, to time.Time) float64 {
		var v float64
		err := s.db.QueryRow(`WITH q AS (SELECT product_sku, market, (landed_cents / 100.0 + coalesce(json_extract(inputs, '$.fulfilment_fee'), 0)
					+ coalesce(json_extract(inputs, '$.per_order_fee'), 0) + coalesce(json_extract(inputs, '$.storage_per_unit'), 0))
					* json_extract(inputs, '$.fx_rate') / 7.2 AS cost
				FROM quotes WHERE id IN (SELECT max(id) FROM quotes GROUP BY product_sku, market))
			SELECT sum(rev - units * coalesce(q.cost, p.cost_fen / 100.0 / 7.2)) FROM (
				SELECT stock_code, country, sum(quantity) AS units, sum(`+oc.baseCents("l")+`) / 100.0 AS rev
				FROM (SELECT *, unixepoch(invoiced_at) AS at FROM order_lines) AS l
				WHERE invoiced_at >= ? AND invoiced_at < ? AND stock_code IN ('HL-KT-001','HL-KT-002','HL-KT-004') AND country IN ('US','GB','DE','JP')
				GROUP BY 1, 2) AS l
			JOIN products p ON p.sku = l.stock_code LEFT JOIN q ON q.product_sku = l.stock_code AND q.market = l.country`,
			from.Format(dateLayout), to.AddDate(0, 0, 1).Format(dateLayout)).Scan(&v)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	bf, bt := app.BaselinePeriod(c.Start, c.End)
	campGP, baseGP := gp(c.Start, c.End), gp(bf, bt)
	// The SQL takes the quote's landed cost as stored, rounded to the cent,
	// while the app computes it exactly: each quoted unit may differ by up
	// to half a cent (converted through CNY). Since the demo's quotes carry
	// their channel's exact freight rate (issue 14) the landed cost is no
	// longer a whole number of cents, so allow that per unit.
	units := func(from, to time.Time) float64 {
		var n float64
		s.db.QueryRow(`SELECT coalesce(sum(quantity), 0) FROM order_lines WHERE invoiced_at >= ? AND invoiced_at < ?
			AND stock_code IN (SELECT product_sku FROM quotes)`, from.Format(dateLayout), to.AddDate(0, 0, 1).Format(dateLayout)).Scan(&n)
		return n
	}
	tol := 0.05 + 0.006*units(app.BaselinePeriod(c.Start, c.End))
	if u := 0.05 + 0.006*units(c.Start, c.End); u > tol {
		tol = u
	}
	near := func(a decimal.Decimal, b float64) bool { return math.Abs(a.InexactFloat64()-b) < tol }
	if !near(e.CampaignGrossProfit, campGP) || !near(e.BaselineGrossProfit, baseGP) {
		t.Fatalf("gross profit %s / %s, SQL %.2f / %.2f", e.CampaignGrossProfit, e.BaselineGrossProfit, campGP, baseGP)
	}
	want := e.CampaignGrossProfit.Sub(e.BaselineGrossProfit).Sub(promoDec("100")).Div(promoDec("100")).Round(4)
	if !e.Cost.Equal(promoDec("100")) || !e.ROI.Equal(want) || e.ROI.LessThan(promoDec("1.5")) {
		t.Fatalf("cost %s ROI %s, want %s (> 150 %%)", e.Cost, e.ROI, want)
	}
	t.Logf("Prime Day: campaign gross profit %s, baseline %s, incremental %s, cost %s, ROI %s (was 27.5 %%)",
		e.CampaignGrossProfit, e.BaselineGrossProfit, e.IncrementalProfit, e.Cost, app.Percent(e.ROI))
}
