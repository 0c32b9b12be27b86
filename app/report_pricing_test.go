package app_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/seller-assistant/seller-assistant/app"
	"github.com/seller-assistant/seller-assistant/app/format"
	"github.com/seller-assistant/seller-assistant/app/mock"
)

// The report's quote table writes money in each quote's currency: whole yen,
// cents for dollars, thousands grouped.
func TestReportPricingMoneyByCurrency(t *testing.T) {
	d := decimal.RequireFromString
	product := app.Product{SKU: "HL-KT-001", NameEn: "Utensil set", PurchaseCost: d("1850"), WeightKg: d("0.42"), LengthCm: d("34"), WidthCm: d("9.5"), HeightCm: d("6")}
	platform := app.Platform{Name: "Amazon JP", ReferralRate: d("0.15"), Markets: []string{"JP", "US"}}
	channel := app.LogisticsChannel{Name: "FBA", Type: "fba", FirstWeightKg: d("0.5"), FirstPrice: d("46"), PerKg: d("32"), VolDivisor: 5000, FulfilmentFee: d("3.22")}
	jp := app.QuoteDefaults(&product, "JP", &platform, &channel)
	us := app.QuoteDefaults(&product, "US", &platform, &channel)
	quotes := []app.SavedQuote{
		{ProductSKU: "HL-KT-001", Market: "JP", Currency: "JPY", Input: jp},
		{ProductSKU: "HL-KT-001", Market: "US", Currency: "USD", Input: us},
	}
	ws := &mock.Workspace{
		InfoFn:     func() (app.WorkspaceInfo, error) { return app.WorkspaceInfo{Currency: "USD"}, nil },
		QuoteStore: &mock.QuoteStore{QuotesFn: func() ([]app.SavedQuote, error) { return quotes, nil }},
	}
	r, err := app.BuildReport(context.Background(), ws, app.English(), time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	var rows [][]string
	for _, s := range r.Sections {
		if s.ID == "pricing" {
			rows = s.Tables[0].Rows
		}
	}
	if len(rows) != 2 {
		t.Fatalf("pricing rows %v", rows)
	}
	yen, usd := rows[0][5], rows[1][5] // landed cost
	if strings.Contains(yen, ".") || yen != format.Amount(jp.Compute().Landed, "JPY") {
		t.Errorf("landed cost in yen %q: no decimals expected", yen)
	}
	if !strings.Contains(usd, ".") || strings.Count(strings.SplitN(usd, ".", 2)[1], "") != 3 {
		t.Errorf("landed cost in dollars %q: two decimals expected", usd)
	}
	if !strings.Contains(yen, ",") {
		t.Errorf("a yen landed cost over 1,000 is not grouped: %q", yen)
	}
}
