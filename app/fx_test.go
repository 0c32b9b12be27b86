package app

import (
	"testing"
	"time"

	"github.com/shopspring/decimal"
)

func TestFXTableRateOnAndConvert(t *testing.T) {
	d := func(y int, m time.Month, day int) time.Time { return time.Date(y, m, day, 0, 0, 0, 0, time.UTC) }
	dec := decimal.RequireFromString
	tbl := NewFXTable([]FXRate{
		{Currency: "USD", ValidFrom: d(2026, 7, 1), CNYPerUnit: dec("7.15")},
		{Currency: "USD", ValidFrom: d(2026, 1, 1), CNYPerUnit: dec("7.20")},
		{Currency: "JPY", ValidFrom: d(2026, 1, 1), CNYPerUnit: dec("0.048")},
		{Currency: "GBP", ValidFrom: d(2026, 1, 1), CNYPerUnit: dec("9.10")},
	})
	rate := []struct {
		cur  string
		day  time.Time
		want string
	}{
		{"USD", d(2026, 6, 30), "7.2"},  // the rate in force that day
		{"USD", d(2026, 7, 1), "7.15"},  // from its first day on
		{"usd", d(2027, 3, 1), "7.15"},  // the latest one after the table ends
		{"USD", d(2025, 12, 31), "7.2"}, // before the table: its oldest rate
		{"CNY", d(2026, 1, 1), "1"},
	}
	for _, tt := range rate {
		got, ok := tbl.RateOn(tt.cur, tt.day)
		if !ok || got.CNYPerUnit.String() != tt.want {
			t.Errorf("RateOn(%s, %s) = %v %v, want %s", tt.cur, tt.day.Format(time.DateOnly), got.CNYPerUnit, ok, tt.want)
		}
	}
	if _, ok := tbl.RateOn("CHF", d(2026, 1, 1)); ok {
		t.Error("a currency without a rate has one")
	}
	conv := []struct {
		amount, from, to string
		day              time.Time
		want             string
	}{
		// ¥1,980 on 1 Aug 2026: 1980 × 0.048 = 95.04 CNY; ÷ 7.15 = 13.2923… USD.
		{"1980", "JPY", "USD", d(2026, 8, 1), "13.292307692308"},
		// £15.99 in March: 15.99 × 9.10 ÷ 7.20 = 20.209583… USD.
		{"15.99", "GBP", "USD", d(2026, 3, 1), "20.209583333333"},
		{"19.99", "USD", "USD", d(2026, 3, 1), "19.99"},
		{"100", "USD", "CNY", d(2026, 3, 1), "720"},
	}
	for _, tt := range conv {
		got, err := tbl.Convert(dec(tt.amount), tt.from, tt.to, tt.day)
		if err != nil || got.String() != tt.want {
			t.Errorf("Convert(%s %s→%s) = %v %v, want %s", tt.amount, tt.from, tt.to, got, err, tt.want)
		}
	}
	if _, err := tbl.Convert(dec("1"), "CHF", "USD", d(2026, 3, 1)); ErrorCode(err) != EInvalid {
		t.Errorf("CHF without a rate: %v", err)
	}
}

func TestDefaultFXRatesOnePerCurrency(t *testing.T) {
	rs := DefaultFXRates(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	seen := map[string]bool{}
	for _, r := range rs {
		if seen[r.Currency] {
			t.Errorf("%s twice", r.Currency)
		}
		seen[r.Currency] = true
		md := PricingMarkets()
		found := false
		for _, m := range md {
			if m.Currency == r.Currency && m.FXRate.Equal(r.CNYPerUnit) {
				found = true
			}
		}
		if !found {
			t.Errorf("%s %v matches no market's rate", r.Currency, r.CNYPerUnit)
		}
	}
	if !seen["USD"] || !seen["JPY"] || !seen["EUR"] || !seen["GBP"] {
		t.Errorf("defaults %v lack a demo marketplace's currency", seen)
	}
}

// TestQuoteDefaultsFX: the workspace's rate replaces the built-in one, in
// the fx_rate input and in the channel freight converted from yuan.
func TestQuoteDefaultsFX(t *testing.T) {
	ch := LogisticsChannel{Name: "Air", Type: "express", FirstWeightKg: decimal.NewFromInt(1), FirstPrice: decimal.RequireFromString("72"), PerKg: decimal.RequireFromString("72"), VolDivisor: 6000}
	p := Product{WeightKg: decimal.NewFromInt(1), PurchaseCost: decimal.NewFromInt(20)}
	built := QuoteDefaults(&p, "US", nil, &ch)
	tbl := NewFXTable([]FXRate{{Currency: "USD", ValidFrom: time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC), CNYPerUnit: decimal.RequireFromString("6.00")}})
	fx, ok := tbl.MarketRate("US", time.Date(2026, 12, 2, 0, 0, 0, 0, time.UTC))
	if !ok || fx.String() != "6" {
		t.Fatalf("US rate %v %v", fx, ok)
	}
	own := QuoteDefaultsFX(&p, "US", nil, &ch, fx)
	if built.FXRate.String() != "7.2" || own.FXRate.String() != "6" {
		t.Fatalf("fx built-in %v, workspace %v", built.FXRate, own.FXRate)
	}
	// 72 yuan per kg: 10.00 USD at 7.20, 12.00 USD at 6.00.
	if built.FreightPerKg.String() != "10" || own.FreightPerKg.String() != "12" {
		t.Fatalf("freight per kg built-in %v, workspace %v", built.FreightPerKg, own.FreightPerKg)
	}
	if _, ok := tbl.MarketRate("GB", time.Now()); ok {
		t.Error("GB has no rate in this table")
	}
	if _, ok := tbl.MarketRate("XX", time.Now()); ok {
		t.Error("an unknown market has a rate")
	}
}
