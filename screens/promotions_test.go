package screens

import (
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"github.com/shopspring/decimal"

	"github.com/seller-assistant/seller-assistant/app"
	"github.com/seller-assistant/seller-assistant/app/mock"
)

func promoDay(m time.Month, d int) time.Time { return time.Date(2026, m, d, 0, 0, 0, 0, time.UTC) }

// promoWorkspace has a past campaign with orders behind it and a running one.
func promoWorkspace(saved *[]app.Campaign) *mock.Workspace {
	ws := demoWorkspace("/tmp/demo.sellerdb")
	campaigns := []app.Campaign{
		{ID: 1, Name: "Prime Day kitchen", Goal: "sales", Type: "discount", Markets: []string{"US"}, Start: promoDay(7, 14), End: promoDay(7, 15),
			Lines: app.BudgetLines{Ads: decimal.NewFromInt(80), Samples: decimal.NewFromInt(20)}, Budget: decimal.NewFromInt(100), MarginRate: decimal.RequireFromString("0.4")},
		{ID: 2, Name: "Black Friday", Goal: "sales", Type: "discount", Start: promoDay(11, 20), End: promoDay(12, 1),
			Lines: app.BudgetLines{Ads: decimal.NewFromInt(500)}, Budget: decimal.NewFromInt(500)},
	}
	ws.CampaignsFn = func() ([]app.Campaign, error) { return campaigns, nil }
	// One SKU costing 36 CNY = 5.00 USD: the baseline sells 100 units for
	// 1000 (gross profit 500), Prime Day 160 for 1500 (gross profit 700).
	ws.ProductsFn = func() ([]app.Product, error) {
		return []app.Product{{SKU: "HL-KT-002", NameEn: "Mandoline", PurchaseCost: decimal.NewFromInt(36)}}, nil
	}
	ws.CampaignStore = &mock.CampaignStore{
		MarketEventsFn: func(y int) ([]app.MarketEvent, error) { return app.DefaultMarketEvents(y), nil },
		PeriodFiguresFn: func(from, to time.Time, f app.OrderFilter) (app.PeriodFigures, error) {
			pf := app.PeriodFigures{From: from, To: to, Revenue: decimal.NewFromInt(1000), Orders: 40, NewCustomers: 4}
			units := int64(100)
			if from.Equal(promoDay(7, 14)) {
				pf.Revenue, pf.Orders, pf.NewCustomers = decimal.NewFromInt(1500), 55, 12
				units = 160
			}
			pf.Sales = []app.LineSales{{SKU: "HL-KT-002", Market: "US", Units: units, Revenue: pf.Revenue}}
			for d := from; !d.After(to); d = d.AddDate(0, 0, 1) {
				pf.Daily = append(pf.Daily, app.DayValue{Day: d, Value: pf.Revenue.Div(decimal.NewFromInt(2))})
			}
			return pf, nil
		},
		SaveCampaignFn: func(c app.Campaign) (int64, error) {
			*saved = append(*saved, c)
			return 7, nil
		},
	}
	return ws
}

func openPromotions(t *testing.T, ws app.Workspace) (testShell, *promotions) {
	t.Helper()
	ts := newTestShell(t, ws)
	p := newPromotions(ts.Shell)
	ts.body.Objects[0] = p.buildUI()
	ts.next(t) // campaigns and events
	return ts, p
}

func TestPromotionsCalendarAndRunningCampaign(t *testing.T) {
	var saved []app.Campaign
	ts, p := openPromotions(t, promoWorkspace(&saved))
	ts.next(t) // the running campaign's evaluation
	if p.current.ID != 2 {
		t.Fatalf("opened on campaign %d, want the running Black Friday", p.current.ID)
	}
	if len(p.timeline.visible()) != 2 || len(p.timeline.events) != len(app.DefaultMarketEvents(2026)) || len(p.timeline.lanes) == 0 {
		t.Fatalf("timeline: %d campaigns, %d events in %d lanes", len(p.timeline.visible()), len(p.timeline.events), len(p.timeline.lanes))
	}
	shown := texts(p.timeline)
	for _, want := range []string{"Black Friday", "Prime Day kitchen", "Cyber Monday", "Chinese New Year", "Nov"} {
		if !strings.Contains(shown, want) {
			t.Errorf("calendar lacks %q", want)
		}
	}
	// Tapping the first campaign row opens it.
	y := float32(tlHeadH) + float32(len(p.timeline.lanes))*tlEventH + tlGap + tlCampH/2
	test.TapAt(p.timeline, fyne.NewPos(300, y))
	ts.next(t) // its evaluation
	if p.current.ID != 1 || p.form.name.Text != "Prime Day kitchen" {
		t.Fatalf("tap opened %d %q", p.current.ID, p.form.name.Text)
	}
	// Next year has no campaigns in the calendar.
	test.Tap(p.nextYear)
	ts.next(t)
	if p.year != 2027 || len(p.timeline.visible()) != 0 || !strings.Contains(p.yearLabel.Text, "2027") {
		t.Fatalf("year %d, %d campaigns", p.year, len(p.timeline.visible()))
	}
}

func TestPromotionsPlanningMathAndSave(t *testing.T) {
	var saved []app.Campaign
	ts, p := openPromotions(t, promoWorkspace(&saved))
	ts.next(t)
	p.onNew()
	test.Type(p.form.name, "Spring sale")
	p.form.lines[1].SetText("")
	test.Type(p.form.lines[1], "100")
	test.Type(p.form.price, "20")
	test.Type(p.form.unitCost, "8")
	test.Type(p.form.discount, "20")
	test.Type(p.form.baseUnits, "100")
	test.Type(p.form.lift, "25")
	plan := p.form.planOut.Text
	for _, want := range []string{"Discounted price = price × (1 − discount) = 20.00 × (1 − 20.0%) = 16.00",
		"= 8.00 per unit", "(100 × (12.00 − 8.00) + 100.00) ÷ 8.00 = 63 units (+63.0%)",
		// expected revenue at the price customers pay: 100 × 1.25 × 16.00
		"= 100 × (1 + 25.0%) × 16.00 = 2000.00 USD", "= 100 × (1 + 25.0%) × 8.00 = 1000.00 USD", "100.00 ÷ 2000.00 = 5.0%"} {
		if !strings.Contains(plan, want) {
			t.Errorf("planning math lacks %q:\n%s", want, plan)
		}
	}
	if !strings.Contains(p.form.budgetTotal.Text, "100.00 USD") {
		t.Errorf("budget total %q", p.form.budgetTotal.Text)
	}
	test.Tap(p.save)
	ts.next(t) // saved
	if len(saved) != 1 {
		t.Fatalf("saved %d campaigns", len(saved))
	}
	c := saved[0]
	if c.ID != 0 || c.Name != "Spring sale" || !c.Budget.Equal(decimal.NewFromInt(100)) || !c.Plan.Discount.Equal(decimal.RequireFromString("0.2")) ||
		c.Plan.BaselineUnits != 100 || !c.Lift.Equal(decimal.RequireFromString("0.25")) || !c.Start.Equal(testNow.Truncate(24*time.Hour).AddDate(0, 0, 14)) {
		t.Fatalf("saved %+v", c)
	}
	if !strings.Contains(p.status.Text, "Spring sale") {
		t.Errorf("status %q", p.status.Text)
	}
}

func TestPromotionsBadInputChangesNothing(t *testing.T) {
	var saved []app.Campaign
	ts, p := openPromotions(t, promoWorkspace(&saved))
	ts.next(t)
	p.form.lines[2].SetText("12x")
	test.Tap(p.save)
	top := ts.win.Canvas().Overlays().Top()
	if top == nil || !strings.Contains(texts(top), "KOL / influencers: “12x” is not a number.") {
		t.Fatal("no error naming the KOL field")
	}
	p.form.lines[2].SetText("")
	p.form.end.SetText("2026-01-01")
	test.Tap(p.save)
	if len(saved) != 0 {
		t.Fatal("bad input was saved")
	}
}

func TestPromotionsEvaluation(t *testing.T) {
	var saved []app.Campaign
	ts, p := openPromotions(t, promoWorkspace(&saved))
	ts.next(t)
	p.selectCampaign(p.campaigns[0])
	ts.next(t)
	shown := texts(p.eval.table) + p.eval.formulas.Text + p.eval.periods.Text
	for _, want := range []string{"1000.00", "1500.00", "+50.0%", "55", "12",
		"Lift = (campaign revenue − baseline revenue) ÷ baseline revenue = (1500.00 − 1000.00) ÷ 1000.00 = 50.0%",
		"campaign 700.00, baseline 500.00. Incremental gross profit = 700.00 − 500.00 = 200.00 USD",
		"0 units from saved quotes (Pricing's unit cost), 260 from the purchase cost only",
		"ROI = (incremental gross profit − cost) ÷ cost = (200.00 − 100.00) ÷ 100.00 = 100.0%",
		"Baseline 2026-07-12 – 2026-07-13 vs campaign 2026-07-14 – 2026-07-15"} {
		if !strings.Contains(shown, want) {
			t.Errorf("evaluation lacks %q:\n%s", want, shown)
		}
	}
	ch := p.eval.daily.Chart()
	if ch.Shade == nil || ch.Shade.From != 2 || len(ch.Categories) != 4 {
		t.Fatalf("daily chart shade %+v", ch.Shade)
	}
	// Typed figures replace the orders.
	p.eval.typed.SetChecked(true)
	p.eval.baseRev.SetText("200")
	p.eval.campRev.SetText("300")
	test.Tap(p.eval.evaluate)
	ts.next(t)
	if !strings.Contains(p.eval.formulas.Text, "= (40.00 − 100.00) ÷ 100.00 = -60.0%") {
		t.Fatalf("typed evaluation:\n%s", p.eval.formulas.Text)
	}
	p.tabs.SelectIndex(3)
	ts.next(t)
	roi := p.roi.Chart()
	if len(roi.Categories) != 1 || roi.Categories[0] != "Prime Day kitchen" || roi.Series[0].Values[0] != 100 {
		t.Fatalf("ROI chart %+v", roi)
	}
}

// TestRunningCampaignIsNotFinished: Black Friday (20 Nov – 1 Dec) is
// running on 24 Nov. It is evaluated to date with the partial period said
// first, and the ROI comparison of finished campaigns leaves it out.
func TestRunningCampaignIsNotFinished(t *testing.T) {
	var saved []app.Campaign
	ts, p := openPromotions(t, promoWorkspace(&saved))
	ts.next(t) // opens on the running campaign and evaluates it
	if p.current.Name != "Black Friday" {
		t.Fatalf("opened on %q", p.current.Name)
	}
	periods := p.eval.periods.Text
	for _, want := range []string{"Running: evaluated to date, day 5 of 12 (partial)",
		"Baseline 2026-11-15 – 2026-11-19 vs campaign 2026-11-20 – 2026-11-24 (5 days each)"} {
		if !strings.Contains(periods, want) {
			t.Errorf("periods lack %q:\n%s", want, periods)
		}
	}
	p.tabs.SelectIndex(3)
	ts.next(t)
	roi := p.roi.Chart()
	for _, cat := range roi.Categories {
		if cat == "Black Friday" {
			t.Fatalf("the running campaign is among the finished ones: %v", roi.Categories)
		}
	}
	if len(roi.Categories) != 1 || !strings.HasPrefix(p.roiNote.Text, "1 finished campaign,") {
		t.Fatalf("ROI chart %v, note %q", roi.Categories, p.roiNote.Text)
	}
}

func TestPromotionsInChinese(t *testing.T) {
	var saved []app.Campaign
	ts, _ := openPromotions(t, promoWorkspace(&saved))
	ts.next(t)
	ts.SetLanguage(app.LangChinese)
	p := newPromotions(ts.Shell)
	ts.body.Objects[0] = p.buildUI()
	ts.next(t)
	ts.next(t)
	shown := texts(p.timeline) + p.form.planOut.Text
	for _, want := range []string{"黑色星期五", "春节", "11月"} {
		if !strings.Contains(shown, want) {
			t.Errorf("Chinese calendar lacks %q", want)
		}
	}
}

func TestPromotionsDeleteAndUndo(t *testing.T) {
	var saved []app.Campaign
	ws := promoWorkspace(&saved)
	var deleted []int64
	ws.CampaignStore.DeleteCampaignFn = func(id int64) error { deleted = append(deleted, id); return nil }
	ts, p := openPromotions(t, ws)
	ts.next(t)
	p.selectCampaign(p.campaigns[0])
	ts.next(t)
	test.Tap(p.del)
	top := ts.win.Canvas().Overlays().Top()
	if top == nil || !strings.Contains(texts(top), "Delete “Prime Day kitchen”") {
		t.Fatal("no confirmation before deleting")
	}
	if len(deleted) != 0 {
		t.Fatal("deleted before confirming")
	}
	p.deleteCampaign(p.current) // what the confirmation's Yes does
	ts.next(t)
	if len(deleted) != 1 || deleted[0] != 1 || p.undo == nil {
		t.Fatalf("deleted %v", deleted)
	}
	var mu sync.Mutex
	var restored []app.Campaign
	ws.CampaignStore.SaveCampaignFn = func(c app.Campaign) (int64, error) {
		mu.Lock()
		defer mu.Unlock()
		restored = append(restored, c)
		return 9, nil
	}
	got := func() []app.Campaign {
		mu.Lock()
		defer mu.Unlock()
		return slices.Clone(restored)
	}
	test.Tap(p.undo)
	// The delete's reload, the cleared evaluation and the restore all post
	// back from their own goroutines, in no fixed order.
	for i := 0; i < 6 && len(got()) == 0; i++ {
		ts.next(t)
	}
	if r := got(); len(r) != 1 || r[0].ID != 0 || r[0].Name != "Prime Day kitchen" {
		t.Fatalf("undo saved %+v", r)
	}
}

func TestMarketEventEditor(t *testing.T) {
	var saved []app.Campaign
	ws := promoWorkspace(&saved)
	var events []app.MarketEvent
	ws.CampaignStore.SaveMarketEventFn = func(e app.MarketEvent) (int64, error) { events = append(events, e); return 1, nil }
	ts, p := openPromotions(t, ws)
	ts.next(t)
	p.onAddEvent()
	top := ts.win.Canvas().Overlays().Top()
	if top == nil || !strings.Contains(texts(top), "Edit market event") {
		t.Fatal("no event editor")
	}
	// Moving Prime Day to the dates Amazon announced.
	var prime app.MarketEvent
	for _, e := range app.DefaultMarketEvents(2026) {
		if e.Key == "prime_day" {
			prime = e
		}
	}
	prime.ID = 5
	prime.Start, prime.End = promoDay(7, 8), promoDay(7, 11)
	p.saveEvent(prime)
	ts.next(t)
	if len(events) != 1 || events[0].Key != "prime_day" || !events[0].End.Equal(promoDay(7, 11)) {
		t.Fatalf("saved events %+v", events)
	}
}

func TestEventFromForm(t *testing.T) {
	l := app.English()
	bf := app.MarketEvent{ID: 3, Year: 2026, Key: "black_friday", Start: promoDay(11, 27), End: promoDay(11, 27)}
	e, err := eventFromForm(l, bf, "Black Friday", "us, gb", "2026-11-27", "2026-11-30")
	if err != nil || e.Name != "" || e.Key != "black_friday" || !e.End.Equal(promoDay(11, 30)) || e.Markets[1] != "GB" {
		t.Fatalf("kept name: %+v %v", e, err)
	}
	if e, _ := eventFromForm(l, bf, "Black Friday week", "", "2026-11-23", "2026-11-30"); e.Name != "Black Friday week" {
		t.Fatalf("renamed: %+v", e)
	}
	if _, err := eventFromForm(l, bf, "x", "", "27/11/2026", "2026-11-30"); err == nil || !strings.Contains(l.Message(err), "Start (YYYY-MM-DD): “27/11/2026” is not a date") {
		t.Fatalf("bad date: %v", err)
	}
	if _, err := eventFromForm(l, app.MarketEvent{}, " ", "", "2027-01-05", "2027-01-05"); app.ErrorCode(err) != app.EInvalid {
		t.Fatalf("nameless: %v", err)
	}
	if e, _ := eventFromForm(l, app.MarketEvent{}, "Amazon Prime Big Deal Days", "US", "2026-10-07", "2026-10-08"); e.Year != 2026 || e.Name == "" {
		t.Fatalf("new: %+v", e)
	}
}

func TestPromotionsMarketFilter(t *testing.T) {
	var saved []app.Campaign
	ts, p := openPromotions(t, promoWorkspace(&saved))
	ts.next(t)
	p.market.SetSelectedIndex(1 + promoIndexOf(calendarMarkets, "GB"))
	keys := map[string]bool{}
	for _, e := range p.timeline.events {
		keys[e.Key] = true
	}
	if !keys["boxing_day"] || !keys["mothers_day_gb"] || keys["mothers_day_fr"] || !keys["singles_day"] {
		t.Fatalf("GB calendar events %v", keys)
	}
	// Prime Day kitchen is US only; Black Friday has no markets, so it shows everywhere.
	if v := p.timeline.visible(); len(v) != 1 || v[0].Name != "Black Friday" {
		t.Fatalf("GB campaigns %v", v)
	}
	p.market.SetSelectedIndex(0)
	if len(p.timeline.visible()) != 2 {
		t.Fatal("all markets after resetting the filter")
	}
}

// TestPlanningTakesTheUnitCostFromPricing: with no unit cost typed, the plan
// uses the products' unit cost from Pricing (here HL-KT-002's purchase cost,
// 36 CNY ÷ 7.20 = 5.00 USD), says so, and computes the margin with it; a
// typed cost wins.
func TestPlanningTakesTheUnitCostFromPricing(t *testing.T) {
	var saved []app.Campaign
	ts, p := openPromotions(t, promoWorkspace(&saved))
	ts.next(t)
	p.onNew()
	test.Type(p.form.price, "10")
	test.Type(p.form.discount, "20")
	test.Type(p.form.baseUnits, "10")
	test.Type(p.form.markets, "US")
	test.Type(p.form.products, "HL-KT-002") // typed last: the plan follows the products
	plan := p.form.planOut.Text
	for _, want := range []string{"Unit cost from Pricing: 5.00 USD", "= 8.00 − 5.00 = 3.00 per unit"} {
		if !strings.Contains(plan, want) {
			t.Errorf("plan lacks %q:\n%s", want, plan)
		}
	}
	test.Type(p.form.unitCost, "6")
	if plan := p.form.planOut.Text; strings.Contains(plan, "from Pricing") || !strings.Contains(plan, "= 8.00 − 6.00 = 2.00 per unit") {
		t.Errorf("a typed unit cost must win:\n%s", plan)
	}
}
