package app_test

import (
	"math/big"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/seller-assistant/seller-assistant/app"
	"github.com/seller-assistant/seller-assistant/assets"
)

func TestConvertCentsRoundsHalfAwayFromZero(t *testing.T) {
	for _, tt := range []struct{ amount, num, den, want int64 }{
		{1998, 13, 12, 2165},   // 2164.5
		{-1998, 13, 12, -2165}, // a refund rounds the same way
		{3998, 13, 12, 4331},   // 4331.17
		{500, 13, 12, 542},     // 541.67
		{396000, 1, 150, 2640}, // yen into dollars
		{0, 7, 3, 0},
		{1, 1, 2, 1}, {-1, 1, 2, -1}, {1, 1, 3, 0},
		// The largest line amount at a factor near the bound: no overflow.
		{app.MaxLineCents, 999_999_937, 1_000_000_000, 999_999_937_000},
	} {
		if got := app.ConvertCents(tt.amount, tt.num, tt.den); got != tt.want {
			t.Errorf("ConvertCents(%d, %d/%d) = %d, want %d", tt.amount, tt.num, tt.den, got, tt.want)
		}
		// Against exact rational arithmetic.
		r := new(big.Rat).SetFrac64(tt.amount*1, 1)
		r.Mul(r, big.NewRat(tt.num, tt.den))
		f, _ := decimal.NewFromBigRat(r, 4).Round(0).Float64()
		if got := app.ConvertCents(tt.amount, tt.num, tt.den); float64(got) != f {
			t.Errorf("ConvertCents(%d, %d/%d) = %d, exact rounding %v", tt.amount, tt.num, tt.den, got, f)
		}
	}
}

func TestBaseConverterUsesTheRatesOfTheLinesDay(t *testing.T) {
	d := func(s string) time.Time { t, _ := time.Parse(time.DateOnly, s); return t }
	tbl := app.NewFXTable([]app.FXRate{
		{Currency: "USD", ValidFrom: d("2024-01-01"), CNYPerUnit: decimal.RequireFromString("7.20")},
		{Currency: "USD", ValidFrom: d("2024-03-01"), CNYPerUnit: decimal.RequireFromString("7.10")},
		{Currency: "EUR", ValidFrom: d("2024-02-01"), CNYPerUnit: decimal.RequireFromString("7.80")},
		{Currency: "EUR", ValidFrom: d("2024-04-01"), CNYPerUnit: decimal.RequireFromString("7.90")},
	})
	c := app.NewBaseConverter(tbl, "USD")
	for _, tt := range []struct {
		cur, day string
		amount   int64
		want     int64
		ok       bool
	}{
		{"USD", "2024-05-01 10:00:00", 1234, 1234, true},
		{"EUR", "2023-06-01 10:00:00", 1200, 1300, true}, // before every rate: the first ones (7.80/7.20)
		{"EUR", "2024-02-29 23:59:59", 1200, 1300, true}, // 7.80/7.20
		{"EUR", "2024-03-01 00:00:00", 1200, 1318, true}, // the base's new rate: 7.80/7.10 = 1318.31
		{"EUR", "2024-04-01 08:00:00", 1200, 1335, true}, // 7.90/7.10 = 1335.21
		{"CNY", "2024-03-02 00:00:00", 7100, 1000, true}, // the yuan is always 1
		{"GBP", "2024-03-02 00:00:00", 100, 0, false},
	} {
		got, ok := c.Cents(tt.cur, tt.day, tt.amount)
		if got != tt.want || ok != tt.ok {
			t.Errorf("%s %d on %s = %d %v, want %d %v", tt.cur, tt.amount, tt.day, got, ok, tt.want, tt.ok)
		}
		// The same as FXTable.Convert rounded half away from zero.
		if ok {
			day, _ := time.Parse(time.DateOnly, tt.day[:10])
			v, err := tbl.Convert(decimal.NewFromInt(tt.amount), tt.cur, "USD", day)
			if err != nil || v.Round(0).IntPart() != got {
				t.Errorf("%s on %s: Convert gives %v %v, Cents %d", tt.cur, tt.day, v, err, got)
			}
		}
	}
	// A base with no rate converts nothing but itself.
	if c := app.NewBaseConverter(tbl, "GBP"); c.Has("USD") || !c.Has("GBP") {
		t.Error("a base without a rate")
	}
}

func TestIsISOCurrency(t *testing.T) {
	for s, want := range map[string]bool{"USD": true, "EUR": true, "JPY": true, "CNY": true, "ABC": false, "usd": false, "EURO": false, "": false} {
		if app.IsISOCurrency(s) != want {
			t.Errorf("IsISOCurrency(%q) = %v", s, !want)
		}
	}
}

func TestParseRowCurrency(t *testing.T) {
	h := []string{"Name", "Created at", "Lineitem quantity", "Lineitem price", "Currency"}
	m, ok := app.DetectMapping(h)
	if !ok || m.Format != "shopify" || m.Currency != 4 {
		t.Fatalf("mapping %+v %v", m, ok)
	}
	first, rerr := app.ParseRow([]string{"#1", "2024-01-01 10:00:00", "1", "2.00", "eur"}, m, app.DateAuto, nil)
	if rerr != nil || first.Currency != "EUR" {
		t.Fatalf("%+v %v", first, rerr)
	}
	// Shopify leaves it empty on an order's later lines.
	next, rerr := app.ParseRow([]string{"#1", "", "1", "3.00", ""}, m, app.DateAuto, &first)
	if rerr != nil || next.Currency != "EUR" {
		t.Errorf("continuation %+v %v", next, rerr)
	}
	// Another order with none: the file's currency (left to the importer).
	other, rerr := app.ParseRow([]string{"#2", "2024-01-01 10:00:00", "1", "3.00", ""}, m, app.DateAuto, &first)
	if rerr != nil || other.Currency != "" {
		t.Errorf("another order %+v %v", other, rerr)
	}
	if _, rerr := app.ParseRow([]string{"#3", "2024-01-01 10:00:00", "1", "3.00", "EU"}, m, app.DateAuto, nil); rerr == nil ||
		rerr.Reason != app.ReasonBadCurrency || rerr.Field != "currency" || rerr.Value != "EU" {
		t.Errorf("bad code: %+v", rerr)
	}
}

// TestCustomersGuideCurrencyExample recomputes the customers guide's
// worked example of orders in several currencies with the conversion the
// summaries use, and checks each figure it prints, in both languages.
func TestCustomersGuideCurrencyExample(t *testing.T) {
	d := func(s string) time.Time { t, _ := time.Parse(time.DateOnly, s); return t }
	r := decimal.RequireFromString
	c := app.NewBaseConverter(app.NewFXTable([]app.FXRate{
		{Currency: "USD", ValidFrom: d("2024-01-01"), CNYPerUnit: r("7.20")},
		{Currency: "USD", ValidFrom: d("2024-03-01"), CNYPerUnit: r("7.10")},
		{Currency: "EUR", ValidFrom: d("2024-01-01"), CNYPerUnit: r("7.80")},
		{Currency: "GBP", ValidFrom: d("2024-01-01"), CNYPerUnit: r("9.00")},
		{Currency: "GBP", ValidFrom: d("2024-02-15"), CNYPerUnit: r("9.20")},
	}), "USD")
	var total int64
	var want []string
	for _, l := range []struct {
		cur, day  string
		qty, cent int64
	}{{"EUR", "2024-01-10", 2, 1999}, {"GBP", "2024-02-20", 1, 2499}, {"EUR", "2024-03-06", 1, 1200}} {
		v, ok := c.Cents(l.cur, l.day, l.qty*l.cent)
		if !ok {
			t.Fatal(l)
		}
		total += v
		want = append(want, "**$"+decimal.New(v, -2).StringFixed(2)+"**")
	}
	want = append(want, "**$"+decimal.New(total, -2).StringFixed(2)+"**")
	for _, l := range guideLangs() {
		g, err := assets.Guide(l.Lang(), "customers")
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range want {
			if !strings.Contains(g, w) {
				t.Errorf("%s guide lacks %s", l.Lang(), w)
			}
		}
	}
}
