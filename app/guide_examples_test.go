package app_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/seller-assistant/seller-assistant/app"
	"github.com/seller-assistant/seller-assistant/app/mock"
	"github.com/seller-assistant/seller-assistant/assets"
)

// guideLangs are the guides' languages with their localizers, built after
// TestMain has loaded the catalogues.
func guideLangs() []*app.Localizer {
	return []*app.Localizer{app.English(), app.NewLocalizer(app.LangChinese)}
}

// TestPromotionsGuideWorkedExample recomputes the promotions guide's worked
// example with the evaluation code and checks that every figure the guide
// prints, in both languages, is the one the app computes.
func TestPromotionsGuideWorkedExample(t *testing.T) {
	campaign := []app.LineSales{{SKU: "A", Market: "US", Units: 40, Revenue: promoDec("400")}, {SKU: "B", Market: "US", Units: 20, Revenue: promoDec("300")}}
	baseline := []app.LineSales{{SKU: "A", Market: "US", Units: 10, Revenue: promoDec("125")}, {SKU: "B", Market: "US", Units: 4, Revenue: promoDec("70")}}
	sum := func(ls []app.LineSales) (r decimal.Decimal) {
		for _, l := range ls {
			r = r.Add(l.Revenue)
		}
		return r
	}
	start := ymd(2026, 7, 14)
	st := &mock.CampaignStore{PeriodFiguresFn: func(from, to time.Time, f app.OrderFilter) (app.PeriodFigures, error) {
		if from.Equal(start) {
			return app.PeriodFigures{From: from, To: to, Revenue: sum(campaign), Sales: campaign}, nil
		}
		return app.PeriodFigures{From: from, To: to, Revenue: sum(baseline), Sales: baseline}, nil
	}}
	// A: a saved USD quote whose unit cost is 3.00; B: 36 CNY, no quote.
	quote := app.SavedQuote{ProductSKU: "A", Market: "US", Currency: "USD", Input: app.QuoteInput{FXRate: promoDec("7.2"),
		VolDivisor: promoDec("6000"), PurchaseCost: promoDec("14.4"), FulfilmentFee: promoDec("1")}}
	costs := app.NewUnitCosts("USD", []app.Product{{SKU: "A", PurchaseCost: promoDec("10")}, {SKU: "B", PurchaseCost: promoDec("36")}}, []app.SavedQuote{quote})
	lines := app.BudgetLines{Discount: promoDec("150"), Ads: promoDec("80"), Samples: promoDec("20")}
	c := app.Campaign{Start: start, End: start.AddDate(0, 0, 3), Lines: lines}
	e, err := app.EvaluateCampaign(context.Background(), st, c, costs, ymd(2026, 12, 1))
	if err != nil {
		t.Fatal(err)
	}
	gpLine := func(ls []app.LineSales) string {
		var parts []string
		for _, l := range ls {
			cost, _, _ := costs.Cost(l.SKU, l.Market)
			parts = append(parts, fmt.Sprintf("(%s − %d × %s)", l.Revenue.StringFixed(2), l.Units, cost.StringFixed(2)))
		}
		return strings.Join(parts, " + ")
	}
	rate, _ := app.CurrencyRate("USD")
	bCost, _, _ := costs.Cost("B", "US")
	budget := lines.Total()
	oldROI := e.IncrementalProfit.Sub(budget).Div(budget)
	want := []string{
		"36 ÷ " + rate.StringFixed(2) + " = " + bCost.StringFixed(2),
		gpLine(campaign) + " = " + e.CampaignGrossProfit.StringFixed(2),
		gpLine(baseline) + " = " + e.BaselineGrossProfit.StringFixed(2),
		e.CampaignGrossProfit.StringFixed(2) + " − " + e.BaselineGrossProfit.StringFixed(2) + " = " + e.IncrementalProfit.StringFixed(2),
		lines.Ads.StringFixed(2) + " + " + lines.Samples.StringFixed(2) + " = " + e.Cost.StringFixed(2),
		fmt.Sprintf("(%s − %s) ÷ %s = %s", e.IncrementalProfit.StringFixed(2), e.Cost.StringFixed(2), e.Cost.StringFixed(2), app.Percent(e.ROI)),
		fmt.Sprintf("(%s − %s) ÷ %s = %s", e.IncrementalProfit.StringFixed(2), budget.StringFixed(2), budget.StringFixed(2), app.Percent(oldROI)),
	}
	for _, l := range guideLangs() {
		g, err := assets.Guide(l.Lang(), "promotions")
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range want {
			if !strings.Contains(g, w) {
				t.Errorf("%s promotions guide lacks %q", l.Lang(), w)
			}
		}
	}
}

// TestProductsGuideWorkedExample: each line of the products guide's BCG
// example carries the growth, the relative share and the quadrant that
// Portfolio computes.
func TestProductsGuideWorkedExample(t *testing.T) {
	products := []app.Product{{SKU: "A"}, {SKU: "B"}, {SKU: "C"}}
	sales := []app.ProductSales{{SKU: "A", Revenue: promoDec("500"), PreviousRevenue: promoDec("250")},
		{SKU: "B", Revenue: promoDec("300"), PreviousRevenue: promoDec("300")},
		{SKU: "C", Revenue: promoDec("150"), PreviousRevenue: promoDec("100")}}
	pts := app.Portfolio(products, sales)
	if len(pts) != 3 {
		t.Fatalf("%d points", len(pts))
	}
	for _, l := range guideLangs() {
		g, err := assets.Guide(l.Lang(), "products")
		if err != nil {
			t.Fatal(err)
		}
		for i, pt := range pts {
			s := sales[i]
			other := "500"
			if pt.Product.SKU == "A" {
				other = "300"
			}
			growth := "+" + app.Percent(pt.Growth)
			frags := []string{
				s.Revenue.String() + " ÷ " + s.PreviousRevenue.String() + " − 1 = " + growth,
				s.Revenue.String() + " ÷ " + other + " = " + pt.Share.StringFixed(2),
				"→ " + l.T("products.quadrant."+pt.Quadrant),
			}
			line := ""
			for _, ln := range strings.Split(g, "\n") {
				if strings.HasPrefix(ln, pt.Product.SKU+":") || strings.HasPrefix(ln, pt.Product.SKU+"：") {
					line = ln
				}
			}
			for _, f := range frags {
				if !strings.Contains(line, f) {
					t.Errorf("%s products guide, line %q lacks %q", l.Lang(), line, f)
				}
			}
		}
	}
}

// TestStorageGuideWorkedExample recomputes the inventory guide's storage
// example with app.StorageCost and checks that every figure it prints, in
// both languages, is the one the app computes.
func TestStorageGuideWorkedExample(t *testing.T) {
	d := func(s string) decimal.Decimal { return decimal.RequireFromString(s) }
	asOf := ymd(2026, 6, 1)
	fees := []app.StorageFee{
		{Type: app.FeeMonthly, Kind: app.LocationMarketplace, Location: "US", SizeTier: app.TierStandard, Season: app.SeasonJanSep, VolumeUnit: app.UnitCubicFoot, Currency: "USD", Price: d("0.75"), ValidFrom: ymd(2024, 1, 1)},
		{Type: app.FeeAged, Kind: app.LocationMarketplace, Location: "US", MinAgeDays: 181, VolumeUnit: app.UnitCubicFoot, Currency: "USD", Price: d("0.50"), ValidFrom: ymd(2023, 4, 15)},
	}
	p := &app.Product{SKU: "BOX", LengthCm: d("30"), WidthCm: d("20"), HeightCm: d("10"), WeightKg: d("1")}
	in := app.StorageInput{SKU: "BOX", Product: p, DefaultLocation: "US", OnHand: 150, UnitsInWindow: 56, Received: []app.InboundShipment{
		{SKU: "BOX", Quantity: 100, ArrivesOn: asOf.AddDate(0, 0, -200), Received: true},
		{SKU: "BOX", Quantity: 80, ArrivesOn: asOf.AddDate(0, 0, -30), Received: true}}}
	l := app.StorageCost(in, fees, app.DefaultStorageOptions(asOf))
	ft3 := app.VolumeIn(l.VolumeCm3, app.UnitCubicFoot)
	want := []string{
		"= " + l.VolumeCm3.String() + " cm³",
		l.VolumeCm3.String() + " ÷ 28,316.85 = " + ft3.StringFixed(4),
		ft3.StringFixed(4) + " × 0.75 = " + l.MonthlyPerUnit.StringFixed(3),
		"56 × 30 ÷ 28 = " + l.MonthlyDemand.String(),
		"150 ÷ 60 = " + l.MonthsInStock.String(),
		l.MonthlyPerUnit.StringFixed(3) + " × 2.5 = " + l.StoragePerUnit.StringFixed(2),
		fmt.Sprintf("%d × %s × 0.50 = %s", l.AgedUnits, ft3.StringFixed(4), l.AgedSurcharge.StringFixed(2)),
	}
	if l.AgedUnits != 70 || l.MonthsInStock.String() != "2.5" {
		t.Fatalf("the example's figures moved: %+v", l)
	}
	for _, loc := range guideLangs() {
		g, err := assets.Guide(loc.Lang(), "inventory")
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range want {
			if !strings.Contains(g, w) {
				t.Errorf("%s guide lacks %q", loc.Lang(), w)
			}
		}
	}
}
