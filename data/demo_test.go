package data

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"fmt"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/seller-assistant/seller-assistant/app"
	"github.com/seller-assistant/seller-assistant/assets"
)

// demoAt creates the demo for now in a temporary folder.
func demoAt(t *testing.T, now time.Time) *Store {
	t.Helper()
	s, err := CreateDemo(context.Background(), filepath.Join(t.TempDir(), "demo"+app.WorkspaceExt), now)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// workspaceDigest hashes every row of every table, each table's rows sorted,
// so two workspaces with the same content have the same digest.
func workspaceDigest(t *testing.T, db *sql.DB) map[string]string {
	t.Helper()
	var tables []string
	rows, err := db.Query(`SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var n string
		rows.Scan(&n)
		tables = append(tables, n)
	}
	rows.Close()
	out := map[string]string{}
	for _, tbl := range tables {
		rs, err := db.Query(`SELECT * FROM "` + tbl + `"`)
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := rs.Columns()
		var lines []string
		for rs.Next() {
			v := make([]any, len(cols))
			p := make([]any, len(cols))
			for i := range v {
				p[i] = &v[i]
			}
			if err := rs.Scan(p...); err != nil {
				t.Fatal(err)
			}
			lines = append(lines, fmt.Sprintf("%q", v))
		}
		rs.Close()
		sort.Strings(lines)
		out[tbl] = fmt.Sprintf("%d rows %x", len(lines), sha256.Sum256([]byte(strings.Join(lines, "\n"))))
	}
	return out
}

// TestDemoDeterministic: the same today gives the same workspace, table by
// table; another today gives another one.
func TestDemoDeterministic(t *testing.T) {
	if raceEnabled {
		t.Skip("three demo builds: run by make unit; too slow under -race")
	}
	now := time.Date(2026, 12, 2, 9, 30, 0, 0, time.UTC)
	a := workspaceDigest(t, demoAt(t, now).db)
	b := workspaceDigest(t, demoAt(t, now).db)
	if len(a) < 20 {
		t.Fatalf("only %d tables", len(a))
	}
	for tbl, d := range a {
		if b[tbl] != d {
			t.Errorf("table %s differs between two demos of the same day: %s vs %s", tbl, d, b[tbl])
		}
	}
	c := workspaceDigest(t, demoAt(t, now.AddDate(0, 0, 40)).db)
	if c["campaigns"] == a["campaigns"] || c["order_rows"] == a["order_rows"] {
		t.Errorf("a demo made 40 days later has the same campaigns or orders")
	}
}

// TestDemoCampaignCalendar: campaigns sit on the real event calendar of the
// year they fall in, whatever day the demo is made, with one running and
// one planned.
func TestDemoCampaignCalendar(t *testing.T) {
	for d := time.Date(2026, 1, 3, 0, 0, 0, 0, time.UTC); d.Year() < 2028; d = d.AddDate(0, 0, 17) {
		w := demoCampaignWindows(d)
		running, planned := 0, 0
		for name, win := range w {
			if win[1].Before(win[0]) {
				t.Fatalf("%s: %s: ends before it starts", d.Format(time.DateOnly), name)
			}
			switch {
			case win[0].After(d):
				planned++
			case !win[1].Before(d):
				running++
			}
			if from, _ := app.BaselinePeriod(win[0], win[1]); from.Before(d.AddDate(-1, 0, 0)) {
				t.Errorf("%s: %s (%s) has its baseline before the year of orders", d.Format(time.DateOnly), name, win[0].Format(time.DateOnly))
			}
		}
		if running < 1 || planned < 1 {
			t.Errorf("%s: %d running, %d planned", d.Format(time.DateOnly), running, planned)
		}
	}
	// On 2 December 2026 no fallback applies: every window is the rule's own.
	today := time.Date(2026, 12, 2, 0, 0, 0, 0, time.UTC)
	w := demoCampaignWindows(today)
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	ps, pe := app.PrimeDay(2026)
	bf := app.BlackFriday(2026)
	want := map[string][2]time.Time{
		"Valentine's Day 手机壳买一送绳":        {day(2027, 2, 1), day(2027, 2, 14)}, // within the planning horizon
		"Mother's Day 奶泡器礼盒":             {app.NthWeekday(2026, time.May, time.Sunday, 2).AddDate(0, 0, -13), app.NthWeekday(2026, time.May, time.Sunday, 2)},
		demoMonthlyDeal:                  {day(2026, 12, 1), day(2026, 12, 31)},
		"Spring cleaning storage bundle": {app.Easter(2026).AddDate(0, 0, -27), app.Easter(2026)},
		"Prime Day 厨房小工具":                {ps.AddDate(0, 0, -2), pe},
		"Black Friday / Cyber Monday":    {bf.AddDate(0, 0, -7), bf.AddDate(0, 0, 3)},
		"11.11 Singles' Day 满 $40 减 $8":  {day(2026, 11, 7), day(2026, 11, 11)},
		"Christmas gifting 礼盒套装":         {day(2026, 12, 1), day(2026, 12, 20)},
		"Boxing Day 清库存包邮 (UK)":          {day(2026, 12, 26), day(2027, 1, 1)},
	}
	for name, ww := range want {
		if !w[name][0].Equal(ww[0]) || !w[name][1].Equal(ww[1]) {
			t.Errorf("%s: %v, want %v", name, w[name], ww)
		}
	}
	if ps.Month() != time.July || pe.Sub(ps) != 24*time.Hour {
		t.Errorf("Prime Day 2026: %v–%v", ps, pe)
	}
}

var transitRE = regexp.MustCompile(`买家收货 (\d+)–(\d+) 天`)

// TestDemoStory checks the rules that make the demo one coherent shop, on
// the workspace as the app reads it.
func TestDemoStory(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 12, 2, 9, 30, 0, 0, time.UTC)
	today := demoDay(now)
	start := time.Now()
	s := sharedDemo(t, now)
	t.Logf("demo created in %v", time.Since(start))
	db := s.db
	one := func(q string, args ...any) float64 {
		var v sql.NullFloat64
		if err := db.QueryRow(q, args...).Scan(&v); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		return v.Float64
	}

	// Volume: 20–60 orders a day, a few hundred thousand USD a year.
	orders := one(`SELECT count(DISTINCT invoice_no) FROM order_lines WHERE invoice_no NOT LIKE 'C%'`)
	// Revenue in the base currency (USD), each line converted at the rates
	// of its day, recomputed here from the lines and the FX table; the
	// summaries the dashboard and tiers read hold the same.
	revenueCents := recomputeBaseCents(t, db, "1")
	revenue := float64(revenueCents) / 100
	if sum := one(`SELECT sum(revenue_cents) FROM order_months`); int64(sum) != revenueCents {
		t.Errorf("order_months hold %.0f cents, the lines converted %d", sum, revenueCents)
	}
	if sum := one(`SELECT sum(monetary_cents) FROM order_customers`); int64(sum) != recomputeBaseCents(t, db, "customer_id IS NOT NULL") {
		t.Errorf("tiers' monetary %.0f cents, the customers' lines converted %d", sum, recomputeBaseCents(t, db, "customer_id IS NOT NULL"))
	}
	if perDay := orders / 365; perDay < 20 || perDay > 60 {
		t.Errorf("%.1f orders a day", perDay)
	}
	if revenue < 150000 || revenue > 700000 {
		t.Errorf("revenue %.0f USD a year", revenue)
	}
	if first := one(`SELECT julianday(?) - julianday(min(substr(invoiced_at, 1, 10))) FROM order_lines`, today.Format(time.DateOnly)); first > 366 {
		t.Errorf("orders start %.0f days before today", first)
	}
	if n := one(`SELECT count(*) FROM order_lines WHERE invoiced_at >= ?`, today.Format(time.DateOnly)); n > 0 {
		t.Errorf("%.0f order lines on or after today", n)
	}

	// Seasonality: November and December (to date) sell more a day than the
	// year's average; the Chinese New Year weeks less.
	monthly := func(from, to time.Time) float64 {
		return one(`SELECT count(DISTINCT invoice_no) FROM order_lines WHERE invoiced_at >= ? AND invoiced_at < ?`,
			from.Format(time.DateOnly), to.Format(time.DateOnly)) / to.Sub(from).Hours() * 24
	}
	avg := orders / 365
	if nov := monthly(time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)); nov < 1.25*avg {
		t.Errorf("November %.1f orders a day, year %.1f", nov, avg)
	}
	cny := time.Date(2026, 2, 17, 0, 0, 0, 0, time.UTC)
	if gap := monthly(cny, cny.AddDate(0, 0, 21)); gap > 0.8*avg {
		t.Errorf("Chinese New Year weeks %.1f orders a day, year %.1f", gap, avg)
	}

	// Prices: every line is in its marketplace's currency (US USD, stored
	// as the base's NULL; UK GBP; DE and FR EUR; JP JPY) and sold at the
	// product's list price there or at a campaign's discount of it; the
	// list prices agree with the saved quotes (same market and currency)
	// and sit within the competitors' range in that currency.
	rows, err := db.Query(`SELECT stock_code, country, coalesce(currency, 'USD'), unit_price_cents, count(*) FROM order_lines GROUP BY 1, 2, 3, 4`)
	if err != nil {
		t.Fatal(err)
	}
	markets := map[string]bool{}
	for rows.Next() {
		var sku, country, cur string
		var price, n int64
		rows.Scan(&sku, &country, &cur, &price, &n)
		markets[country] = true
		if want := map[string]string{"US": "USD", "GB": "GBP", "DE": "EUR", "FR": "EUR", "JP": "JPY"}[country]; cur != want {
			t.Errorf("%d lines of %s in %s sold in %s, want %s", n, sku, country, cur, want)
		}
		list := demoLocalPrice(&demoProduct{sku: sku, priceCents: demoListPrice[sku]}, country)
		if price != list && (price > list || price < list*6/10) {
			t.Errorf("%s sold in %s at %d %s cents (%d lines); list price %d", sku, country, price, cur, n, list)
		}
		if cur == "JPY" && price%100 != 0 {
			t.Errorf("%s sold at ¥%d.%02d: yen have no cents", sku, price/100, price%100)
		}
	}
	rows.Close()
	if len(markets) != 5 {
		t.Errorf("orders from %v, want the five marketplaces", markets)
	}
	// Quotes and competitors outside the US, in their own currency.
	rows, _ = db.Query(`SELECT product_sku, market, currency, price_cents FROM quotes WHERE currency <> 'USD'`)
	for rows.Next() {
		var sku, market, cur string
		var price int64
		rows.Scan(&sku, &market, &cur, &price)
		if market == "GB" || market == "DE" || market == "FR" || market == "JP" {
			if list := demoLocalPrice(&demoProduct{sku: sku, priceCents: demoListPrice[sku]}, market); list != price {
				t.Errorf("quote for %s in %s at %d %s cents, orders at %d", sku, market, price, cur, list)
			}
		}
	}
	rows.Close()
	rows, _ = db.Query(`SELECT product_sku, market, min(price_cents), max(price_cents) FROM competitors
		WHERE currency <> 'USD' AND product_sku <> '' GROUP BY 1, 2`)
	for rows.Next() {
		var sku, market string
		var lo, hi int64
		rows.Scan(&sku, &market, &lo, &hi)
		if p := demoLocalPrice(&demoProduct{sku: sku, priceCents: demoListPrice[sku]}, market); 4*p < 3*lo || 4*p > 5*hi {
			t.Errorf("%s at %d in %s far from its competitors' %d–%d there", sku, p, market, lo, hi)
		}
	}
	rows.Close()
	rows, _ = db.Query(`SELECT product_sku, price_cents FROM quotes WHERE currency = 'USD'`)
	for rows.Next() {
		var sku string
		var price int64
		rows.Scan(&sku, &price)
		if price != demoListPrice[sku] {
			t.Errorf("quote for %s at %d, orders at %d", sku, price, demoListPrice[sku])
		}
	}
	rows.Close()
	rows, _ = db.Query(`SELECT product_sku, min(price_cents), max(price_cents) FROM competitors WHERE currency = 'USD' AND product_sku <> '' GROUP BY 1`)
	for rows.Next() {
		var sku string
		var lo, hi int64
		rows.Scan(&sku, &lo, &hi)
		// Within a quarter of the competitors' range: the shop positions
		// itself among them, not at 3 × cost ÷ 7.2.
		if p := demoListPrice[sku]; 4*p < 3*lo || 4*p > 5*hi {
			t.Errorf("%s at %d far from its US competitors' %d–%d", sku, p, lo, hi)
		}
	}
	rows.Close()

	// Saved quotes use their channel's rates: the freight of one unit, back
	// in CNY, is what the channel charges for its chargeable weight, and
	// the stored landed cost is the one the inputs give.
	chs, err := s.Channels(ctx)
	if err != nil {
		t.Fatal(err)
	}
	qs, err := s.Quotes(ctx)
	if err != nil || len(qs) == 0 {
		t.Fatalf("quotes: %d %v", len(qs), err)
	}
	for _, q := range qs {
		var ch *app.LogisticsChannel
		for i := range chs {
			if chs[i].Name == q.Channel {
				ch = &chs[i]
			}
		}
		if ch == nil {
			t.Errorf("quote %s: no channel %q", q.ProductSKU, q.Channel)
			continue
		}
		r := q.Quote()
		want := app.ChannelCost(*ch, r.ChargeableKg).InexactFloat64()
		got := r.Freight.Mul(q.Input.FXRate).InexactFloat64()
		if tol := 0.006*r.ChargeableKg.InexactFloat64()*q.Input.FXRate.InexactFloat64() + 0.01; got < want-tol || got > want+tol {
			t.Errorf("quote %s via %s: freight ¥%.2f a unit, the channel charges ¥%.2f", q.ProductSKU, q.Channel, got, want)
		}
		if !q.Input.FulfilmentFee.Equal(ch.FulfilmentFee) {
			t.Errorf("quote %s: fulfilment %s, channel %s", q.ProductSKU, q.Input.FulfilmentFee, ch.FulfilmentFee)
		}
		if landed := one(`SELECT landed_cents FROM quotes WHERE id = ?`, q.ID); int64(landed) != r.Landed.Shift(2).Round(0).IntPart() {
			t.Errorf("quote %s: stored landed %v, inputs give %s", q.ProductSKU, landed, r.Landed)
		}
	}

	// Products sell only in their markets, and nothing sells on or after
	// its discontinuation date (written in the product's notes).
	if n := one(`SELECT count(*) FROM order_lines l JOIN products p ON p.sku = l.stock_code
		WHERE ',' || replace(p.markets, ' ', '') || ',' NOT LIKE '%,' || l.country || ',%'`); n > 0 {
		t.Errorf("%.0f lines sold in a market the product is not listed in", n)
	}
	rows, _ = db.Query(`SELECT sku, notes FROM products WHERE status = 'retired'`)
	retired := 0
	for rows.Next() {
		var sku, notes string
		rows.Scan(&sku, &notes)
		m := regexp.MustCompile(`\d{4}-\d{2}-\d{2}`).FindString(notes)
		if m == "" {
			t.Errorf("retired %s has no discontinuation date in its notes: %q", sku, notes)
			continue
		}
		retired++
		if n := one(`SELECT count(*) FROM order_lines WHERE stock_code = ? AND quantity > 0 AND invoiced_at >= ?`, sku, m); n > 0 {
			t.Errorf("%s sold %.0f lines on or after its discontinuation on %s", sku, n, m)
		}
		if n := one(`SELECT count(*) FROM order_lines WHERE stock_code = ?`, sku); n == 0 {
			t.Errorf("%s never sold before it was discontinued", sku)
		}
	}
	rows.Close()
	if retired == 0 {
		t.Error("no retired product in the demo")
	}

	// Channels: the transit days of FBA and overseas-warehouse channels are
	// the buyer's delivery from stock (the parcel ranking is per order), and
	// their notes say so; the head haul is the restocking lead time, written
	// apart in the notes.
	rows, _ = db.Query(`SELECT name, days_min, days_max, restrictions FROM logistics_channels WHERE type IN ('fba','overseas_warehouse')`)
	for rows.Next() {
		var name, notes string
		var lo, hi int
		rows.Scan(&name, &lo, &hi, &notes)
		m := transitRE.FindStringSubmatch(notes)
		if m == nil {
			t.Errorf("%s: no delivery days in its notes", name)
			continue
		}
		a, b := m[1], m[2]
		if strconv.Itoa(lo) != a || strconv.Itoa(hi) != b {
			t.Errorf("%s: %d–%d days, its notes say %s–%s", name, lo, hi, a, b)
		}
	}
	rows.Close()

	// Service cases at 1–3 % of the orders of the weeks they cover, few of
	// them disputes.
	var firstCase string
	db.QueryRow(`SELECT min(substr(opened_at, 1, 10)) FROM care_cases`).Scan(&firstCase)
	cases := one(`SELECT count(*) FROM care_cases`)
	caseOrders := one(`SELECT count(DISTINCT invoice_no) FROM order_lines WHERE invoiced_at >= ?`, firstCase)
	if rate := cases / caseOrders; rate < 0.01 || rate > 0.03 {
		t.Errorf("%.0f cases on %.0f orders since %s: %.1f %%", cases, caseOrders, firstCase, 100*rate)
	}
	if d := one(`SELECT count(*) FROM care_cases WHERE type = 'dispute'`); d > 0.1*cases {
		t.Errorf("%.0f disputes of %.0f cases", d, cases)
	}

	// Research agrees with the orders: the chopper survey went to fewer
	// buyers than the shop had.
	var body string
	db.QueryRow(`SELECT body FROM notes WHERE title LIKE 'Post-purchase survey: chopper%'`).Scan(&body)
	sent := regexp.MustCompile(`Sent to ([\d,]+) US buyers of HL-KT-002`).FindStringSubmatch(body)
	if sent == nil {
		t.Fatalf("survey note: %q", body)
	}
	surveyed, _ := strconv.Atoi(strings.ReplaceAll(sent[1], ",", ""))
	if buyers := one(`SELECT count(DISTINCT customer_id) FROM order_lines WHERE stock_code = 'HL-KT-002' AND country = 'US'`); float64(surveyed) > buyers {
		t.Errorf("survey sent to %d chopper buyers; the orders have %.0f", surveyed, buyers)
	}

	// A case about an order names one of the customer's orders, placed
	// before the case opened.
	if n := one(`SELECT count(*) FROM care_cases c WHERE c.order_id <> '' AND NOT EXISTS (
			SELECT 1 FROM order_lines o WHERE o.invoice_no = c.order_id AND o.customer_id = c.customer_id
			AND o.invoiced_at < substr(c.opened_at, 1, 10))`); n > 0 {
		t.Errorf("%.0f service cases name an order the customer did not place before the case", n)
	}

	// Customers care knows bought in their own country, recently.
	if n := one(`SELECT count(*) FROM care_contacts c WHERE c.country <> '' AND (
			EXISTS (SELECT 1 FROM order_lines o WHERE o.customer_id = c.customer_id AND o.country <> c.country)
			OR NOT EXISTS (SELECT 1 FROM order_lines o WHERE o.customer_id = c.customer_id AND o.invoiced_at >= ?))`,
		today.AddDate(0, 0, -21).Format(time.DateOnly)); n > 0 {
		t.Errorf("%.0f care contacts with orders in another country or none in the last three weeks", n)
	}

	// The team's holidays follow today: the next Spring Festival is one.
	cnyNext := app.DefaultMarketEvents(2027)
	for _, e := range cnyNext {
		if e.Key == "chinese_new_year" {
			if n := one(`SELECT count(*) FROM care_holidays WHERE day = ? AND name = '春节'`, e.Start.Format(time.DateOnly)); n != 1 {
				t.Errorf("Spring Festival %s is not a care holiday", e.Start.Format(time.DateOnly))
			}
		}
	}
	if n := one(`SELECT count(*) FROM care_holidays WHERE day < ? OR day > ?`,
		today.AddDate(0, 0, -180).Format(time.DateOnly), today.AddDate(0, 0, 180).Format(time.DateOnly)); n > 0 {
		t.Errorf("%.0f care holidays more than half a year from today", n)
	}

	// Risks are reviewed within the last two months or the next quarter.
	if n := one(`SELECT count(*) FROM risks WHERE review_on < ? OR review_on > ?`,
		today.AddDate(0, 0, -60).Format(time.DateOnly), today.AddDate(0, 0, 92).Format(time.DateOnly)); n > 0 {
		t.Errorf("%.0f risks with a review date far from today", n)
	}

	// Customers: every RFM segment and every tier holds customers, and a
	// good share buys again.
	stats, err := s.CustomerStats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	tg := app.ScoreCustomers(stats, time.Time{})
	segs, tiers, repeat := map[app.Segment]int{}, map[app.Tier]int{}, 0
	for _, c := range tg.Scored {
		segs[c.Segment]++
		tiers[c.Tier]++
		if c.Orders > 1 {
			repeat++
		}
	}
	for _, sg := range app.Segments {
		if segs[sg] < 10 {
			t.Errorf("segment %s holds %d customers", sg, segs[sg])
		}
	}
	for _, tr := range app.Tiers {
		if tiers[tr] < 50 {
			t.Errorf("tier %s holds %d customers", tr, tiers[tr])
		}
	}
	share := float64(repeat) / float64(len(tg.Scored))
	t.Logf("%.1f orders a day, %.0f USD, %d buyers, %.0f %% repeat", orders/365, revenue, len(tg.Scored), 100*share)

	// The figures Learn's page about the shop states: about 40 orders a day,
	// about $400,000 a year, some 7,000 buyers, about a third buying again.
	if perDay := orders / 365; perDay < 32 || perDay > 48 {
		t.Errorf("%.1f orders a day; the shop page says about 40", perDay)
	}
	if revenue < 320000 || revenue > 480000 {
		t.Errorf("revenue %.0f; the shop page says about $400,000", revenue)
	}
	if n := len(tg.Scored); n < 5600 || n > 8400 {
		t.Errorf("%d buyers; the shop page says some 7,000", n)
	}
	if share < 0.25 || share > 0.42 {
		t.Errorf("repeat buyers %.0f %%; the shop page says about a third", 100*share)
	}
	for lang, says := range map[app.Lang][]string{
		app.LangEnglish: {"about 40 orders a day", "about $400,000", "some 7,000 buyers", "about a third buy again", "HL-PA-003"},
		app.LangChinese: {"每天约 40 单", "约 40 万美元", "约 7,000 名买家", "约三分之一复购", "HL-PA-003"},
	} {
		page, err := assets.Guide(lang, "demo_shop")
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range says {
			if !strings.Contains(page, s) {
				t.Errorf("the %s shop page no longer says %q", lang, s)
			}
		}
	}

	// Prediction: the BG/NBD fit is well inside its range and the
	// Gamma-Gamma spend model fits (is not degenerate).
	purchases, err := s.PurchaseDays(ctx)
	if err != nil {
		t.Fatal(err)
	}
	res, err := app.PredictCLV(ctx, purchases, app.CLVOptions{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	m := res.Model
	if !m.SpendFits {
		t.Errorf("Gamma-Gamma degenerate: %+v", m.GammaGamma)
	}
	if b := m.BGNBD; b.R > 100 || b.Alpha > 1e4 || b.A < 0.05 || b.B > 1e3 {
		t.Errorf("BG/NBD near a limiting case: %+v", b)
	}
	t.Logf("BG/NBD %+v, Gamma-Gamma %+v", m.BGNBD, m.GammaGamma)

	// Campaigns: one running, one planned; of the past ones evaluated, most
	// pay back, and the back-to-school coupon clearly does not.
	cs, err := s.Campaigns(ctx)
	if err != nil {
		t.Fatal(err)
	}
	costs, err := app.LoadUnitCosts(ctx, s)
	if err != nil {
		t.Fatal(err)
	}
	status := map[string]int{}
	past, paid := 0, 0
	for _, c := range cs {
		status[c.Status(now)]++
		if c.Status(now) != "past" {
			continue
		}
		e, err := app.EvaluateCampaign(ctx, s, c, costs, now)
		if err != nil {
			t.Fatal(err)
		}
		past++
		if e.ROI.IsPositive() {
			paid++
		}
		t.Logf("%s: ROI %s (incremental gross profit %s, cost %s)", c.Name, e.ROI, e.IncrementalProfit, e.Cost)
		if c.Name == "Back to school 手机配件 coupon" && e.ROI.GreaterThan(promoDec("-0.5")) {
			t.Errorf("the back-to-school coupon should clearly not pay: ROI %s", e.ROI)
		}
	}
	if status["running"] < 1 || status["planned"] < 1 {
		t.Errorf("campaign status %v", status)
	}
	if past < 5 || paid < past-2 || paid == past {
		t.Errorf("%d of %d past campaigns pay", paid, past)
	}
}
