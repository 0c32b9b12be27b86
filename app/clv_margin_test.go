package app_test

import (
	"context"
	"math"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/seller-assistant/seller-assistant/app"
)

// quoteAt is a saved quote whose margin is (price - cost) / price: no
// freight, fees or VAT.
func quoteAt(sku, cost, price string) app.SavedQuote {
	d := decimal.RequireFromString
	return app.SavedQuote{ProductSKU: sku, Input: app.QuoteInput{PurchaseCost: d(cost), FXRate: d("1"), VolDivisor: d("5000"),
		Price: d(price), HasPrice: true}}
}

func TestShopMarginFrom(t *testing.T) {
	d := decimal.RequireFromString
	// A: quotes at 40 % and 20 % -> 30 %; B: 20 %; C: 50 %, no sales.
	quotes := []app.SavedQuote{quoteAt("A", "60", "100"), quoteAt("A", "80", "100"), quoteAt("B", "40", "50"),
		quoteAt("C", "5", "10"), {ProductSKU: "B", Input: app.QuoteInput{PurchaseCost: d("1"), FXRate: d("1")}}} // no price: left out
	for _, q := range quotes[:4] {
		p, c := q.Input.Price, q.Input.PurchaseCost
		if want := p.Sub(c).Div(p); !q.Quote().Margin.Equal(want) {
			t.Fatalf("%s: quote margin %s, want %s: the example's premise moved", q.ProductSKU, q.Quote().Margin, want)
		}
	}
	sales := []app.ProductSales{
		{SKU: "A", Revenue: d("300"), PreviousRevenue: d("100")},
		{SKU: "B", Revenue: d("100")},
		{SKU: "D", Revenue: d("1000")}, // sold, never quoted: no margin to weigh
	}
	tests := []struct {
		name     string
		quotes   []app.SavedQuote
		sales    []app.ProductSales
		rate     string
		source   string
		products int
		quotesN  int
	}{
		// (0.30 x 400 + 0.20 x 100) / 500 = 0.28
		{"weighted by sales", quotes, sales, "0.28", app.MarginFromSales, 2, 3},
		// (0.30 + 0.20 + 0.50) / 3
		{"no sales: mean of products", quotes, nil, "0.3333", app.MarginFromQuotes, 3, 4},
		{"no quotes: the default", nil, sales, "0.35", app.MarginDefault, 0, 0},
		{"loss-making quotes: the default", []app.SavedQuote{quoteAt("A", "120", "100")}, sales, "0.35", app.MarginDefault, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := app.ShopMarginFrom(tt.quotes, tt.sales)
			if !m.Rate.Equal(d(tt.rate)) || m.Source != tt.source || m.Products != tt.products || m.Quotes != tt.quotesN {
				t.Errorf("%+v, want %s %s %d products %d quotes", m, tt.rate, tt.source, tt.products, tt.quotesN)
			}
		})
	}
	m := app.ShopMarginFrom(quotes, sales)
	for _, lang := range app.Langs {
		if s := m.Describe(app.NewLocalizer(lang)); !strings.Contains(s, "28.0") || !strings.Contains(s, "2") {
			t.Errorf("%s: %q", lang, s)
		}
	}
	if s := app.ShopMarginFrom(nil, nil).Describe(app.English()); !strings.Contains(s, "35.0 %: no saved quote") {
		t.Errorf("default described as %q", s)
	}
}

type marginStore struct {
	quotes []app.SavedQuote
	sales  []app.ProductSales
}

func (s marginStore) Quotes(context.Context) ([]app.SavedQuote, error)         { return s.quotes, nil }
func (s marginStore) ProductSales(context.Context) ([]app.ProductSales, error) { return s.sales, nil }

func TestShopMarginOf(t *testing.T) {
	m, err := app.ShopMarginOf(context.Background(), marginStore{quotes: []app.SavedQuote{quoteAt("A", "75", "100")},
		sales: []app.ProductSales{{SKU: "A", Revenue: decimal.NewFromInt(10)}}})
	if err != nil || !m.Rate.Equal(decimal.RequireFromString("0.25")) || m.Source != app.MarginFromSales {
		t.Errorf("%+v %v", m, err)
	}
}

func TestSpendModelFits(t *testing.T) {
	tests := []struct {
		name string
		g    app.GammaGamma
		ll   float64
		want bool
	}{
		{"CDNOW", app.GammaGamma{P: 6.25, Q: 3.74, V: 15.44}, -100, true},
		{"at the threshold", app.GammaGamma{P: 3, Q: app.SpendModelMaxQ, V: 9000}, -100, true},
		{"the demo shop's degenerate fit", app.GammaGamma{P: 3.035, Q: 1.4575e7, V: 1.2834e8}, -100, false},
		{"q at most 1: no finite mean", app.GammaGamma{P: 3, Q: 0.9, V: 10}, -100, false},
		{"not a number", app.GammaGamma{P: math.NaN(), Q: 3, V: 10}, -100, false},
		{"infinite likelihood", app.GammaGamma{P: 3, Q: 3, V: 10}, math.Inf(-1), false},
	}
	for _, tt := range tests {
		if got := app.SpendModelFits(tt.g, tt.ll); got != tt.want {
			t.Errorf("%s: %v, want %v", tt.name, got, tt.want)
		}
	}
}

// TestCLVWhenSpendModelDoesNotFit: purchases whose values do not depend on
// the customer leave Gamma-Gamma nothing to fit; the prediction still
// stands, every purchase valued at one shop-wide figure close to the data's
// mean, and the parameters are said not to fit.
func TestCLVWhenSpendModelDoesNotFit(t *testing.T) {
	cs := simulate(3, 3000, simBG, simGG, 52, 0)
	// Every purchase worth 20.00, whoever buys it.
	for i := range cs {
		for j := range cs[i].Days {
			cs[i].Days[j].Cents = 2000
		}
	}
	asOf := simStart.AddDate(0, 0, 52*7)
	res, err := app.PredictCLV(context.Background(), cs, app.CLVOptions{AsOf: asOf, Margin: decimal.RequireFromString("0.5")}, nil)
	if err != nil {
		t.Fatal(err)
	}
	m := res.Model
	if m.SpendFits {
		t.Fatalf("uniform spends: the spend model fits with %+v", m.GammaGamma)
	}
	if math.Abs(m.MeanRepeatValue-20) > 0.5 {
		t.Errorf("value per purchase %g, want about 20", m.MeanRepeatValue)
	}
	for _, c := range res.Customers[:50] {
		ev, _ := c.ExpectedValue.Float64()
		want := math.Round(c.ExpectedPurchases*m.MeanRepeatValue*0.5*1e4) / 1e4
		if got, _ := c.CLV.Float64(); math.Abs(ev-math.Round(m.MeanRepeatValue*1e4)/1e4) > 1e-9 || math.Abs(got-want) > 1e-3 {
			t.Fatalf("%s: expected value %g, CLV %g, want %g", c.ID, ev, got, want)
		}
		if c.HorizonWeeks != 52 {
			t.Fatalf("%s: horizon %d", c.ID, c.HorizonWeeks)
		}
	}
	reading := strings.Join(app.ParamsReading(app.English(), m), " ")
	if !strings.Contains(reading, "does not fit this shop") {
		t.Errorf("reading %q", reading)
	}
	// The simulated spends of TestFitRecoversSimulated do fit.
	ok, err := app.PredictCLV(context.Background(), simulate(3, 3000, simBG, simGG, 52, 0), app.CLVOptions{AsOf: asOf}, nil)
	if err != nil || !ok.Model.SpendFits {
		t.Errorf("simulated Gamma-Gamma spends: fits %v (%+v), %v", ok.Model.SpendFits, ok.Model.GammaGamma, err)
	}
}

// TestCustomersExportNamesThePredictionHorizon: the prediction columns
// carry their horizon, so the predicted CLV is not read as the historic
// monetary column.
func TestCustomersExportNamesThePredictionHorizon(t *testing.T) {
	c := app.CustomerScore{CustomerStat: app.CustomerStat{ID: "7", Orders: 2, Monetary: decimal.RequireFromString("910.38")}, R: 3, F: 3, M: 5, FM: 4,
		Segment: app.SegLoyal, Tier: app.TierLoyal}
	preds := map[string]app.CustomerCLV{"7": {HorizonWeeks: 26, PAlive: 0.5, ExpectedPurchases: 1.25, CLV: decimal.RequireFromString("94.45")}}
	var b strings.Builder
	if err := app.WriteCustomersCSV(&b, []app.CustomerScore{c}, preds); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(b.String(), "\n")
	if !strings.HasSuffix(lines[0], ",monetary,r_score,f_score,m_score,fm_score,segment,tier,p_alive,expected_purchases_26w,predicted_clv_26w") ||
		lines[1] != "7,,0,2,910.38,3,3,5,4,Loyal Customers,loyal,0.5000,1.2500,94.45" {
		t.Errorf("CSV:\n%s", b.String())
	}
}
