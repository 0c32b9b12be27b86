package app_test

import (
	"context"
	"strconv"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/seller-assistant/seller-assistant/app"
	"github.com/seller-assistant/seller-assistant/app/mock"
)

func promoDec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func ymd(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func TestMarginAfterDiscount(t *testing.T) {
	tests := []struct {
		name                  string
		price, cost, discount string
		wantPrice, wantMargin string
		wantRate              string
	}{
		{"20% off a $20 item costing $8", "20", "8", "0.2", "16", "8", "0.5"},
		{"no discount", "19.99", "7.5", "0", "19.99", "12.49", "0.6248"},
		{"discount below cost loses money", "10", "9", "0.2", "8", "-1", "-0.125"},
		{"no price planned", "0", "0", "0.1", "0", "0", "0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := app.CampaignPlan{Price: promoDec(tt.price), UnitCost: promoDec(tt.cost), Discount: promoDec(tt.discount)}
			if got := p.DiscountedPrice(); !got.Equal(promoDec(tt.wantPrice)) {
				t.Errorf("discounted price %s, want %s", got, tt.wantPrice)
			}
			if got := p.MarginAfterDiscount(); !got.Equal(promoDec(tt.wantMargin)) {
				t.Errorf("margin %s, want %s", got, tt.wantMargin)
			}
			if got := p.MarginRateAfterDiscount(); !got.Equal(promoDec(tt.wantRate)) {
				t.Errorf("margin rate %s, want %s", got, tt.wantRate)
			}
		})
	}
}

func TestBreakEvenExtraUnits(t *testing.T) {
	tests := []struct {
		name      string
		plan      app.CampaignPlan
		fixed     string
		wantUnits int64
		wantOK    bool
	}{
		// m = 60%, d = 20%: d / (m − d) = 0.5, so 100 baseline units need 50 more.
		{"guide rule", app.CampaignPlan{Price: promoDec("20"), UnitCost: promoDec("8"), Discount: promoDec("0.2"), BaselineUnits: 100}, "0", 50, true},
		// plus $100 of ads at $8 margin per unit: 12.5 more, rounded up.
		{"fixed costs", app.CampaignPlan{Price: promoDec("20"), UnitCost: promoDec("8"), Discount: promoDec("0.2"), BaselineUnits: 100}, "100", 63, true},
		// 40% margin, 20% discount: sales must double.
		{"margin halved doubles sales", app.CampaignPlan{Price: promoDec("10"), UnitCost: promoDec("6"), Discount: promoDec("0.2"), BaselineUnits: 30}, "0", 30, true},
		{"no discount, only ads", app.CampaignPlan{Price: promoDec("10"), UnitCost: promoDec("6"), BaselineUnits: 30}, "40", 10, true},
		{"discount wipes the margin", app.CampaignPlan{Price: promoDec("10"), UnitCost: promoDec("8"), Discount: promoDec("0.2"), BaselineUnits: 30}, "0", 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := tt.plan.BreakEvenExtraUnits(promoDec(tt.fixed))
			if got != tt.wantUnits || ok != tt.wantOK {
				t.Fatalf("BreakEvenExtraUnits = %d, %v; want %d, %v", got, ok, tt.wantUnits, tt.wantOK)
			}
		})
	}
}

func TestExpectedRevenueAndBudgetShare(t *testing.T) {
	p := app.CampaignPlan{Price: promoDec("19.99"), BaselineUnits: 200}
	base, exp := p.ExpectedRevenue(promoDec("0.25"))
	if !base.Equal(promoDec("3998")) || !exp.Equal(promoDec("4997.5")) {
		t.Fatalf("baseline %s expected %s", base, exp)
	}
	share, ok := app.BudgetShare(promoDec("499.75"), exp)
	if !ok || !share.Equal(promoDec("0.1")) {
		t.Fatalf("share %s %v", share, ok)
	}
	if _, ok := app.BudgetShare(promoDec("10"), decimal.Zero); ok {
		t.Fatal("a share of no revenue must not be computed")
	}
}

func TestEvaluateROI(t *testing.T) {
	tests := []struct {
		name                     string
		base, camp, margin, cost string
		lift, incProfit, roi     string
		hasLift, hasROI          bool
	}{
		{"paid back with profit", "1000", "1600", "0.35", "100", "0.6", "210", "1.1", true, true},
		{"exactly paid back", "1000", "1200", "0.5", "100", "0.2", "100", "0", true, true},
		{"sales fell", "1000", "900", "0.4", "50", "-0.1", "-40", "-1.8", true, true},
		{"no baseline sales", "0", "500", "0.4", "100", "0", "200", "1", false, true},
		{"free campaign has no ROI", "100", "150", "0.4", "0", "0.5", "20", "0", true, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := app.Evaluate(app.PeriodFigures{Revenue: promoDec(tt.base)}, app.PeriodFigures{Revenue: promoDec(tt.camp)}, promoDec(tt.margin), promoDec(tt.cost))
			if e.HasLift != tt.hasLift || e.HasROI != tt.hasROI {
				t.Fatalf("HasLift %v HasROI %v", e.HasLift, e.HasROI)
			}
			if !e.Lift.Equal(promoDec(tt.lift)) || !e.IncrementalProfit.Equal(promoDec(tt.incProfit)) || !e.ROI.Equal(promoDec(tt.roi)) {
				t.Fatalf("lift %s profit %s ROI %s; want %s %s %s", e.Lift, e.IncrementalProfit, e.ROI, tt.lift, tt.incProfit, tt.roi)
			}
		})
	}
}

func TestAOVAndBaselinePeriod(t *testing.T) {
	if got := (app.PeriodFigures{Revenue: promoDec("100"), Orders: 3}).AOV(); !got.Equal(promoDec("33.33")) {
		t.Fatalf("AOV %s", got)
	}
	if !(app.PeriodFigures{Revenue: promoDec("100")}).AOV().IsZero() {
		t.Fatal("AOV with no orders must be 0")
	}
	from, to := app.BaselinePeriod(ymd(2026, 11, 27), ymd(2026, 11, 30))
	if !from.Equal(ymd(2026, 11, 23)) || !to.Equal(ymd(2026, 11, 26)) {
		t.Fatalf("baseline %s..%s", from, to)
	}
	if app.Days(ymd(2026, 12, 31), ymd(2027, 1, 1)) != 2 {
		t.Fatal("Days counts both ends")
	}
}

// TestEvaluateCampaignFromOrdersAndTyped: the ROI contract on worked
// numbers. Prime-Day style: 4 days, SKU A costed from a USD quote at 3.00,
// SKU B from its purchase cost 36 CNY ÷ 7.20 = 5.00 USD.
//
//	campaign: A 40 units for 400.00, B 20 units for 300.00
//	          gross profit = (400 − 40×3) + (300 − 20×5) = 280 + 200 = 480.00
//	baseline: A 10 units for 125.00, B 4 units for 70.00
//	          gross profit = (125 − 10×3) + (70 − 4×5) = 95 + 50 = 145.00
//	incremental gross profit = 335.00; cost = ads 80 + samples 20 = 100.00
//	ROI = (335 − 100) ÷ 100 = 2.35
//
// The discount line (150) is not a cost: counting it would give
// (335 − 250) ÷ 250 = 0.34, the double count the issue reported.
func TestEvaluateCampaignFromOrdersAndTyped(t *testing.T) {
	var asked [][2]time.Time
	var filter app.OrderFilter
	st := &mock.CampaignStore{PeriodFiguresFn: func(from, to time.Time, f app.OrderFilter) (app.PeriodFigures, error) {
		asked = append(asked, [2]time.Time{from, to})
		filter = f
		if from.Equal(ymd(2026, 7, 14)) {
			return app.PeriodFigures{From: from, To: to, Revenue: promoDec("700"), Sales: []app.LineSales{
				{SKU: "A", Market: "US", Units: 40, Revenue: promoDec("400")},
				{SKU: "B", Market: "US", Units: 20, Revenue: promoDec("300")}}}, nil
		}
		return app.PeriodFigures{From: from, To: to, Revenue: promoDec("195"), Sales: []app.LineSales{
			{SKU: "A", Market: "US", Units: 10, Revenue: promoDec("125")},
			{SKU: "B", Market: "US", Units: 4, Revenue: promoDec("70")}}}, nil
	}}
	costs := app.NewUnitCosts("USD", []app.Product{{SKU: "A", PurchaseCost: promoDec("10")}, {SKU: "B", PurchaseCost: promoDec("36")}},
		[]app.SavedQuote{{ProductSKU: "A", Market: "US", Currency: "USD", Input: app.QuoteInput{FXRate: promoDec("7.2"),
			VolDivisor: promoDec("6000"), PurchaseCost: promoDec("14.4"), FulfilmentFee: promoDec("1")}}}) // 14.4 / 7.2 + 1 = 3.00
	c := app.Campaign{Name: "Prime Day", Start: ymd(2026, 7, 14), End: ymd(2026, 7, 17), Markets: []string{"US"}, Products: []string{"A", "B"},
		Lines: app.BudgetLines{Discount: promoDec("150"), Ads: promoDec("80"), Samples: promoDec("20")}, MarginRate: promoDec("0.4")}
	now := ymd(2026, 12, 1)
	e, err := app.EvaluateCampaign(context.Background(), st, c, costs, now)
	if err != nil {
		t.Fatal(err)
	}
	if len(asked) != 2 || !asked[0][0].Equal(ymd(2026, 7, 10)) || !asked[0][1].Equal(ymd(2026, 7, 13)) {
		t.Fatalf("baseline periods asked: %v", asked)
	}
	if len(filter.Markets) != 1 || filter.SKUs[1] != "B" {
		t.Fatalf("filter %+v", filter)
	}
	for _, f := range []struct {
		name      string
		got, want decimal.Decimal
	}{
		{"campaign gross profit", e.CampaignGrossProfit, promoDec("480")},
		{"baseline gross profit", e.BaselineGrossProfit, promoDec("145")},
		{"incremental gross profit", e.IncrementalProfit, promoDec("335")},
		{"cost", e.Cost, promoDec("100")},
		{"discount (shown, not a cost)", e.Discount, promoDec("150")},
		{"ROI", e.ROI, promoDec("2.35")},
	} {
		if !f.got.Equal(f.want) {
			t.Errorf("%s = %s, want %s", f.name, f.got, f.want)
		}
	}
	if e.Partial || !e.HasROI || e.UnitsBySource[app.CostQuote] != 50 || e.UnitsBySource[app.CostPurchase] != 24 {
		t.Errorf("partial %v, units by source %v", e.Partial, e.UnitsBySource)
	}

	// Typed figures have no units: gross profit = revenue × margin rate.
	c.Actuals = app.CampaignActuals{Typed: true, Baseline: app.PeriodFigures{Revenue: promoDec("200")}, Campaign: app.PeriodFigures{Revenue: promoDec("300")}}
	asked = nil
	e, err = app.EvaluateCampaign(context.Background(), st, c, costs, now)
	if err != nil || len(asked) != 0 {
		t.Fatalf("typed figures must not read orders: %v %v", err, asked)
	}
	if !e.ROI.Equal(promoDec("-0.6")) || !e.CampaignGrossProfit.Equal(promoDec("120")) || !e.BaselineGrossProfit.Equal(promoDec("80")) { // (100 × 0.4 − 100) / 100
		t.Fatalf("typed ROI %s, gross profit %s / %s", e.ROI, e.CampaignGrossProfit, e.BaselineGrossProfit)
	}
}

// TestRunningCampaignEvaluatedToDate: on day 3 of a 10-day campaign the
// campaign period is its first 3 days, the baseline the 3 days before, and
// the evaluation is partial; a planned campaign is not evaluated at all.
func TestRunningCampaignEvaluatedToDate(t *testing.T) {
	var asked [][2]time.Time
	st := &mock.CampaignStore{PeriodFiguresFn: func(from, to time.Time, f app.OrderFilter) (app.PeriodFigures, error) {
		asked = append(asked, [2]time.Time{from, to})
		return app.PeriodFigures{From: from, To: to}, nil
	}}
	c := app.Campaign{Start: ymd(2026, 11, 28), End: ymd(2026, 12, 7), Lines: app.BudgetLines{Ads: promoDec("10")}}
	now := time.Date(2026, 11, 30, 15, 4, 0, 0, time.UTC)
	e, err := app.EvaluateCampaign(context.Background(), st, c, app.UnitCosts{}, now)
	if err != nil {
		t.Fatal(err)
	}
	want := [][2]time.Time{{ymd(2026, 11, 25), ymd(2026, 11, 27)}, {ymd(2026, 11, 28), ymd(2026, 11, 30)}}
	if !e.Partial || len(asked) != 2 || asked[0] != want[0] || asked[1] != want[1] {
		t.Fatalf("partial %v, periods %v, want %v", e.Partial, asked, want)
	}
	asked = nil
	if e, _ := app.EvaluateCampaign(context.Background(), st, c, app.UnitCosts{}, ymd(2026, 11, 27)); len(asked) != 0 || e.HasROI {
		t.Fatalf("a planned campaign was evaluated: %v", asked)
	}
	// On its last day it is still running but its period is whole.
	if e, _ := app.EvaluateCampaign(context.Background(), st, c, app.UnitCosts{}, ymd(2026, 12, 7)); e.Partial {
		t.Fatal("the last day evaluates the whole period")
	}
}

func TestCampaignStatus(t *testing.T) {
	c := app.Campaign{Start: ymd(2026, 11, 28), End: ymd(2026, 12, 7)}
	for _, tt := range []struct {
		now  time.Time
		want string
	}{
		{time.Date(2026, 11, 27, 23, 59, 0, 0, time.UTC), "planned"},
		{ymd(2026, 11, 28), "running"},
		{time.Date(2026, 12, 7, 23, 0, 0, 0, time.UTC), "running"},
		{ymd(2026, 12, 8), "past"},
		// 1 a.m. on 28 Nov in Shanghai is still 27 Nov in UTC.
		{time.Date(2026, 11, 28, 1, 0, 0, 0, time.FixedZone("CST", 8*3600)), "planned"},
	} {
		if got := c.Status(tt.now); got != tt.want {
			t.Errorf("status on %s = %s, want %s", tt.now, got, tt.want)
		}
	}
}

// TestUnitCosts: which cost is used and how it is converted to the
// workspace currency (USD here, 7.20 CNY per USD).
func TestUnitCosts(t *testing.T) {
	products := []app.Product{{SKU: "A", PurchaseCost: promoDec("18")}, {SKU: "B", PurchaseCost: promoDec("36")}}
	quotes := []app.SavedQuote{
		// newest first: the newer US quote wins over the older one
		{ProductSKU: "A", Market: "US", Currency: "USD", Input: app.QuoteInput{FXRate: promoDec("7.2"), PurchaseCost: promoDec("18"),
			WeightKg: promoDec("0.5"), VolDivisor: promoDec("6000"), FreightPerKg: promoDec("2"), DutyRate: promoDec("0.1"),
			FulfilmentFee: promoDec("3"), PerOrderFee: promoDec("0.5")}},
		{ProductSKU: "A", Market: "US", Currency: "USD", Input: app.QuoteInput{FXRate: promoDec("7.2"), VolDivisor: promoDec("6000"), PurchaseCost: promoDec("99")}},
		// a euro quote: 7.75 CNY per EUR; unit cost 4.00 EUR = 31 CNY = 4.3056 USD
		{ProductSKU: "A", Market: "DE", Currency: "EUR", Input: app.QuoteInput{FXRate: promoDec("7.75"), PurchaseCost: promoDec("31"), VolDivisor: promoDec("5000")}},
	}
	u := app.NewUnitCosts("USD", products, quotes)
	for _, tt := range []struct {
		sku, market string
		want        string
		src         app.CostSource
		ok          bool
	}{
		// goods 18/7.2 = 2.5, freight 0.5 × 2 = 1, duty 0.1 × 2.5 = 0.25 (on goods:
		// duty_on_cif false), + fulfilment 3 + per-order 0.5
		{"A", "US", "7.25", app.CostQuote, true},
		{"A", "DE", "4.3056", app.CostQuote, true},
		{"A", "GB", "2.5", app.CostPurchase, true}, // 18 CNY ÷ 7.20
		{"B", "us", "5", app.CostPurchase, true},
		{"X", "US", "0", app.CostEstimate, false},
	} {
		got, src, ok := u.Cost(tt.sku, tt.market)
		if !got.Round(4).Equal(promoDec(tt.want)) || src != tt.src || ok != tt.ok {
			t.Errorf("Cost(%s, %s) = %s %s %v, want %s %s %v", tt.sku, tt.market, got, src, ok, tt.want, tt.src, tt.ok)
		}
	}
	// A workspace in a currency with no CNY rate cannot convert purchase costs.
	if _, src, ok := app.NewUnitCosts("CHF", products, nil).Cost("B", "US"); ok || src != app.CostEstimate {
		t.Errorf("CHF workspace: %s %v", src, ok)
	}
	// Pricing's unit cost includes clearance and storage: 2.5 + 0.3 + 0.2.
	withExtras := app.SavedQuote{ProductSKU: "B", Market: "GB", Currency: "USD", Input: app.QuoteInput{FXRate: promoDec("7.2"),
		VolDivisor: promoDec("6000"), PurchaseCost: promoDec("18"), ClearancePerUnit: promoDec("0.3"), StoragePerUnit: promoDec("0.2")}}
	if got, src, _ := app.NewUnitCosts("USD", products, []app.SavedQuote{withExtras}).Cost("B", "GB"); !got.Equal(promoDec("3")) || src != app.CostQuote {
		t.Errorf("quote with clearance and storage: %s %s", got, src)
	}
	if got, _, _ := app.NewUnitCosts("CNY", products, nil).Cost("B", "US"); !got.Equal(promoDec("36")) {
		t.Errorf("CNY workspace: %s", got)
	}
	if got, ok := u.PlanUnitCost([]string{"A", "B"}, []string{"US"}); !ok || !got.Equal(promoDec("6.13")) { // (7.25 + 5) / 2
		t.Errorf("plan unit cost %s %v", got, ok)
	}
}

// TestPlanningUsesDiscountedPriceAndSameGrossProfit: expected revenue is at
// the price customers pay, and the margin after discount is GrossProfit of
// one unit, the definition the evaluation sums over the orders.
func TestPlanningUsesDiscountedPriceAndSameGrossProfit(t *testing.T) {
	p := app.CampaignPlan{Price: promoDec("10.99"), UnitCost: promoDec("5.20"), Discount: promoDec("0.2"), BaselineUnits: 20}
	// 20 × (1 + 0.45) × 8.79 = 254.91; at the full price it would be 318.71
	if _, exp := p.ExpectedRevenue(promoDec("0.45")); !exp.Equal(promoDec("254.91")) {
		t.Errorf("expected revenue %s, want 254.91", exp)
	}
	if got := p.MarginAfterDiscount(); !got.Equal(app.GrossProfit(promoDec("8.79"), 1, promoDec("5.20"))) || !got.Equal(promoDec("3.59")) {
		t.Errorf("margin after discount %s", got)
	}
	// 29 units × 3.59 = 104.11
	if got := p.ExpectedGrossProfit(promoDec("0.45")); !got.Equal(promoDec("104.11")) {
		t.Errorf("expected gross profit %s", got)
	}
}

func TestMarginRateFor(t *testing.T) {
	if got := app.MarginRateFor(app.Campaign{MarginRate: promoDec("0.3")}); !got.Equal(promoDec("0.3")) {
		t.Errorf("own rate %s", got)
	}
	plan := app.CampaignPlan{Price: promoDec("20"), UnitCost: promoDec("8"), Discount: promoDec("0.2")}
	if got := app.MarginRateFor(app.Campaign{Plan: plan}); !got.Equal(promoDec("0.5")) {
		t.Errorf("plan rate %s", got)
	}
	if got := app.MarginRateFor(app.Campaign{}); !got.Equal(app.DefaultMarginRate) {
		t.Errorf("default %s", got)
	}
}

func TestCampaignValidate(t *testing.T) {
	good := app.Campaign{Name: "BF", Goal: "sales", Type: "discount", Start: ymd(2026, 11, 27), End: ymd(2026, 11, 30)}
	if err := good.Validate(); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		edit func(*app.Campaign)
		key  string
	}{
		{"no name", func(c *app.Campaign) { c.Name = "  " }, "promotions.err_name"},
		{"bad goal", func(c *app.Campaign) { c.Goal = "fame" }, "promotions.err_goal"},
		{"end before start", func(c *app.Campaign) { c.End = ymd(2026, 11, 1) }, "promotions.err_end_before_start"},
		{"negative line", func(c *app.Campaign) { c.Lines.KOL = promoDec("-1") }, "promotions.err_negative"},
		{"100% discount", func(c *app.Campaign) { c.Plan.Discount = promoDec("1") }, "promotions.err_discount"},
		{"margin rate above 1", func(c *app.Campaign) { c.MarginRate = promoDec("1.5") }, "promotions.err_margin_rate"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := good
			tt.edit(&c)
			err := c.Validate()
			var e *app.Error
			if err == nil || app.ErrorCode(err) != app.EInvalid {
				t.Fatalf("err %v", err)
			}
			e = err.(*app.Error)
			if e.Key != tt.key {
				t.Fatalf("key %s, want %s", e.Key, tt.key)
			}
		})
	}
}

func TestParseMoneyAndPercent(t *testing.T) {
	if d, err := app.ParseMoney(" 1,200.50 ", "x"); err != nil || !d.Equal(promoDec("1200.5")) {
		t.Fatalf("%s %v", d, err)
	}
	if d, err := app.ParsePercent("12.5%", "x"); err != nil || !d.Equal(promoDec("0.125")) {
		t.Fatalf("%s %v", d, err)
	}
	if _, err := app.ParseMoney("12a", "Ads"); app.ErrorCode(err) != app.EInvalid {
		t.Fatalf("bad number accepted: %v", err)
	}
	if app.Percent(promoDec("0.1234")) != "12.3%" {
		t.Fatal(app.Percent(promoDec("0.1234")))
	}
}

func FuzzParseMoney(f *testing.F) {
	for _, s := range []string{"", "1", "1,200.50", "-3", "abc", "1e3", "12%"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := app.ParseMoney(s, "field")
		if err != nil && app.ErrorCode(err) != app.EInvalid {
			t.Fatalf("%q: error code %s", s, app.ErrorCode(err))
		}
		if err == nil {
			if _, err := app.ParsePercent(s, "field"); err != nil {
				t.Fatalf("%q parses as money (%s) but not as a percent: %v", s, d, err)
			}
		}
	})
}

func TestCampaignCharts(t *testing.T) {
	l := app.English()
	e := app.Evaluation{
		Baseline: app.PeriodFigures{Daily: []app.DayValue{{Day: ymd(2026, 7, 12), Value: promoDec("10")}, {Day: ymd(2026, 7, 13), Value: promoDec("12")}}},
		Campaign: app.PeriodFigures{Daily: []app.DayValue{{Day: ymd(2026, 7, 14), Value: promoDec("30")}, {Day: ymd(2026, 7, 15), Value: promoDec("25")}}},
	}
	c := app.DailyRevenueChart(l, e, "USD")
	if err := c.Validate(); err != nil {
		t.Fatal(err)
	}
	if c.Shade == nil || c.Shade.From != 2 || c.Shade.To != 3 || len(c.Categories) != 4 {
		t.Fatalf("shade %+v over %v", c.Shade, c.Categories)
	}
	roi := app.ROIByCampaignChart(l, []app.NamedEvaluation{
		{Campaign: app.Campaign{Name: "A"}, Evaluation: app.Evaluation{ROI: promoDec("1.1"), HasROI: true}},
		{Campaign: app.Campaign{Name: "free"}, Evaluation: app.Evaluation{}},
	})
	if err := roi.Validate(); err != nil || len(roi.Categories) != 1 || roi.Series[0].Values[0] != 110 {
		t.Fatalf("ROI chart %+v %v", roi, err)
	}
	bl := app.BudgetLinesChart(l, []app.Campaign{{Name: "A", Lines: app.BudgetLines{Ads: promoDec("5"), KOL: promoDec("3")}}}, "USD")
	if err := bl.Validate(); err != nil || bl.Series[1].Values[0] != 5 || bl.Series[2].Values[0] != 3 {
		t.Fatalf("budget lines %+v %v", bl, err)
	}
	bad := c
	bad.Shade = &app.ChartRange{From: 2, To: 9}
	if bad.Validate() == nil {
		t.Fatal("a shade past the categories must fail Validate")
	}
}

func TestPromotionsDynamicKeys(t *testing.T) {
	var keys []string
	for _, g := range app.CampaignGoals {
		keys = append(keys, "promotions.goal."+g)
	}
	for _, n := range app.BudgetLineNames {
		keys = append(keys, "promotions.line."+n)
	}
	for _, s := range []string{"past", "running", "planned"} {
		keys = append(keys, "promotions.status."+s)
	}
	for _, lang := range app.Langs {
		l := app.NewLocalizer(lang)
		for _, k := range keys {
			if !l.Has(k) {
				t.Errorf("%s: missing %s", lang, k)
			}
		}
		for m := 1; m <= 12; m++ {
			if k := "promotions.month." + strconv.Itoa(m); !l.Has(k) {
				t.Errorf("%s: missing %s", lang, k)
			}
		}
	}
}

func TestReportSectionsOfPromotionsAndRisks(t *testing.T) {
	now := time.Now().UTC().Truncate(24 * time.Hour)
	ws := &mock.Workspace{
		CampaignsFn: func() ([]app.Campaign, error) {
			return []app.Campaign{
				{Name: "Past", Goal: "sales", Type: "discount", Start: now.AddDate(0, 0, -20), End: now.AddDate(0, 0, -18), Lines: app.BudgetLines{Ads: promoDec("50")}},
				{Name: "Typed", Goal: "clear_stock", Type: "flash_sale", Start: now.AddDate(0, 0, -10), End: now.AddDate(0, 0, -9), Lines: app.BudgetLines{Ads: promoDec("10")},
					Actuals: app.CampaignActuals{Typed: true, Baseline: app.PeriodFigures{Revenue: promoDec("100")}, Campaign: app.PeriodFigures{Revenue: promoDec("200")}}},
				{Name: "Next", Goal: "awareness", Type: "bundle", Start: now.AddDate(0, 0, 5), End: now.AddDate(0, 0, 9)},
			}, nil
		},
		RisksFn: func() ([]app.Risk, error) {
			return []app.Risk{{Title: "late", Category: "tax", Likelihood: 2, Impact: 3, Status: "open", ReviewDate: now.AddDate(0, 0, -1)}}, nil
		},
		CampaignStore: &mock.CampaignStore{PeriodFiguresFn: func(from, to time.Time, f app.OrderFilter) (app.PeriodFigures, error) {
			pf := app.PeriodFigures{From: from, To: to, Revenue: promoDec("300")}
			for d := from; !d.After(to); d = d.AddDate(0, 0, 1) {
				pf.Daily = append(pf.Daily, app.DayValue{Day: d, Value: promoDec("100")})
			}
			return pf, nil
		}},
		RiskStore: &mock.RiskStore{ChecklistsFn: func() ([]app.Checklist, error) {
			tpl, _ := app.TemplateByID("ip")
			return []app.Checklist{app.CopyTemplate(tpl, now)}, nil
		}},
	}
	r, err := app.BuildReport(context.Background(), ws, app.English(), now)
	if err != nil {
		t.Fatal(err)
	}
	var promo, risks *app.ReportSection
	for i := range r.Sections {
		switch r.Sections[i].ID {
		case "promotions":
			promo = &r.Sections[i]
		case "risks":
			risks = &r.Sections[i]
		}
	}
	if promo == nil || risks == nil {
		t.Fatal("sections missing")
	}
	for _, c := range append(promo.Charts, risks.Charts...) {
		if err := c.Validate(); err != nil {
			t.Error(err)
		}
	}
	if len(promo.Tables) != 3 || len(promo.Tables[1].Rows) != 2 || len(promo.Tables[2].Rows) == 0 {
		t.Fatalf("promotions tables %+v", promo.Tables)
	}
	if promo.Charts[2].Shade == nil {
		t.Error("no daily revenue chart with the campaign shaded")
	}
	// Typed: (100 × 0.35 − 10) / 10 = 250%.
	if got := promo.Tables[1].Rows[1][7]; got != "250.0%" {
		t.Errorf("typed ROI cell %q", got)
	}
	if len(risks.Tables) != 3 || len(risks.Tables[1].Rows) != 1 || risks.Tables[2].Rows[0][1] != "0 of 6 done" {
		t.Fatalf("risks tables %+v", risks.Tables)
	}
}

// TestReportLeavesRunningCampaignOutOfFinished: on 24 Nov a campaign of
// 20 Nov – 1 Dec is running. The report evaluates it to date in its own
// table, labelled partial, and neither the finished campaigns' table nor
// the ROI chart holds it.
func TestReportLeavesRunningCampaignOutOfFinished(t *testing.T) {
	now := time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)
	ws := &mock.Workspace{
		InfoFn: func() (app.WorkspaceInfo, error) { return app.WorkspaceInfo{Currency: "USD"}, nil },
		CampaignsFn: func() ([]app.Campaign, error) {
			return []app.Campaign{
				{Name: "Prime Day", Goal: "sales", Type: "discount", Start: ymd(2026, 7, 14), End: ymd(2026, 7, 15), Lines: app.BudgetLines{Ads: promoDec("50")}},
				{Name: "Black Friday", Goal: "sales", Type: "discount", Start: ymd(2026, 11, 20), End: ymd(2026, 12, 1), Lines: app.BudgetLines{Ads: promoDec("500")}},
			}, nil
		},
		CampaignStore: &mock.CampaignStore{PeriodFiguresFn: func(from, to time.Time, f app.OrderFilter) (app.PeriodFigures, error) {
			return app.PeriodFigures{From: from, To: to, Revenue: promoDec("100")}, nil
		}},
	}
	r, err := app.BuildReport(context.Background(), ws, app.English(), now)
	if err != nil {
		t.Fatal(err)
	}
	var promo *app.ReportSection
	for i := range r.Sections {
		if r.Sections[i].ID == "promotions" {
			promo = &r.Sections[i]
		}
	}
	if promo == nil || len(promo.Tables) < 3 {
		t.Fatalf("promotions section %+v", promo)
	}
	finished, running := promo.Tables[1], promo.Tables[2]
	if len(finished.Rows) != 1 || finished.Rows[0][0] != "Prime Day" {
		t.Fatalf("finished campaigns %v", finished.Rows)
	}
	if running.Title != app.English().T("promotions.report_running") || len(running.Rows) != 1 ||
		running.Rows[0][0] != "Black Friday (to 2026-11-24, day 5 of 12)" {
		t.Fatalf("running table %q %v", running.Title, running.Rows)
	}
	for _, c := range promo.Charts {
		if c.ID == "campaign_roi" && (len(c.Categories) != 1 || c.Categories[0] != "Prime Day") {
			t.Fatalf("ROI chart of finished campaigns: %v", c.Categories)
		}
	}
	if got := promo.Tables[0].Rows[1][5]; got != "running" {
		t.Errorf("status column %q", got)
	}
}
