package app_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/seller-assistant/seller-assistant/app"
)

// Issue 13's cost names: landed stops at the destination warehouse or door;
// unit_cost adds fulfilment, the per-order fee and storage, and the prices
// and ROI are worked from unit_cost.
func TestQuoteLandedAndUnitCost(t *testing.T) {
	in := baseInput()
	in.ClearancePerUnit, in.StoragePerUnit, in.PerOrderFee = d("0.3"), d("0.2"), d("0.5")
	in.DutyOnCIF = true
	in.Price, in.HasPrice = d("25"), true
	q := in.Compute()
	// duty 0.1 * (goods 5 + freight 2) = 0.7: clearance is not in the CIF base
	// landed    = 5 + 2 + 0.7 + 0.3         = 8.00
	// unit_cost = 8 + 2.5 + 0.5 + 0.2       = 11.20
	// break-even  = 11.2 / (1 - 0.30)       = 16.00
	// recommended = 11.2 / (1 - 0.30 - 0.2) = 22.40 -> charm 22.99
	// profit(25)  = 25 - 11.2 - 25*0.30     = 6.30; margin 0.252; roi 6.3/11.2 = 0.5625
	// be ACoS     = (6.3 + 25*0.10) / 25    = 0.352
	for _, c := range []struct{ name, got, want string }{
		{"duty", q.Duty.StringFixed(2), "0.70"},
		{"landed", q.Landed.StringFixed(2), "8.00"},
		{"unit_cost", q.UnitCost.StringFixed(2), "11.20"},
		{"break_even", q.BreakEven.StringFixed(2), "16.00"},
		{"recommended", q.Recommended.StringFixed(2), "22.40"},
		{"charm", q.Charm.StringFixed(2), "22.99"},
		{"profit", q.Profit.StringFixed(2), "6.30"},
		{"margin", q.Margin.StringFixed(4), "0.2520"},
		{"roi", q.ROI.StringFixed(4), "0.5625"},
		{"be_acos", q.BreakEvenACoS.StringFixed(4), "0.3520"},
	} {
		if c.got != c.want {
			t.Errorf("%s = %s, want %s", c.name, c.got, c.want)
		}
	}
	// The discount view works from the same unit cost: 10 % off 25 is
	// 22.50 -> 22.5 - 11.2 - 6.75 = 4.55.
	if di := q.Discount(d("0.1")); di.NewProfit.StringFixed(2) != "4.55" {
		t.Errorf("profit after 10 %% off = %s, want 4.55", di.NewProfit.StringFixed(2))
	}
}

func TestCharmPriceFor(t *testing.T) {
	for _, tt := range []struct{ cur, in, want string }{
		{"JPY", "1973.99", "1980"}, {"JPY", "1981", "2080"}, {"JPY", "1980", "1980"}, {"JPY", "1980.01", "2080"},
		{"JPY", "0", "80"}, {"JPY", "80.5", "180"}, {"jpy", "979", "980"},
		{"KRW", "12345", "12900"}, {"KRW", "12900", "12900"}, {"KRW", "12900.5", "13900"},
		{"VND", "123456.2", "123457"}, {"CLP", "990", "990"},
		{"USD", "12.991", "13.99"}, {"EUR", "12", "12.99"}, {"GBP", "12.99", "12.99"}, {"", "19.5", "19.99"},
		{"KWD", "4.2", "4.99"},
	} {
		got := app.CharmPriceFor(tt.cur, d(tt.in))
		if !got.Equal(d(tt.want)) {
			t.Errorf("CharmPriceFor(%q, %s) = %s, want %s", tt.cur, tt.in, got, tt.want)
		}
	}
}

// A yen quote ends in 80, never in .99.
func TestQuoteCharmInYen(t *testing.T) {
	in := baseInput()
	in.Currency = "JPY"
	in.FXRate = d("0.048") // goods 36 CNY / 0.048 = 750 yen
	in.FreightPerKg, in.FulfilmentFee = d("300"), d("318")
	q := in.Compute()
	// unit_cost = 750 + 300 + 0.1*750 + 318 = 1443; recommended 1443 / 0.5 = 2886 -> 2980
	if q.UnitCost.String() != "1443" || q.Recommended.StringFixed(2) != "2886.00" || q.Charm.String() != "2980" {
		t.Errorf("unit cost %s, recommended %s, charm %s; want 1443, 2886.00, 2980", q.UnitCost, q.Recommended, q.Charm)
	}
}

// marketQuote is a quote file that leaves currency, vat_rate, duty_on_cif
// and fx_rate to the market.
const marketQuote = `{"market": "JP", "purchase_cost": 36, "other_unit_cost": 0, "weight_kg": 1, "length_cm": 10,
 "width_cm": 10, "height_cm": 10, "volumetric_divisor": 6000, "freight_per_kg": 300, "duty_rate": 0.1,
 "fulfilment_fee": 318, "per_order_fee": 0, "referral_fee_rate": 0.1, "payment_fee_rate": 0,
 "ad_rate": 0.1, "return_rate": 0.03, "target_margin": 0.2}`

func TestParseQuoteJSONMarketDefaults(t *testing.T) {
	in, err := app.ParseQuoteJSON(strings.NewReader(marketQuote))
	if err != nil {
		t.Fatal(err)
	}
	if in.Currency != "JPY" || in.VATRate.String() != "0.1" || !in.DutyOnCIF || in.FXRate.String() != "0.048" {
		t.Fatalf("JP defaults: currency %q vat %s cif %v fx %s", in.Currency, in.VATRate, in.DutyOnCIF, in.FXRate)
	}
	if !in.ClearancePerUnit.IsZero() || !in.StoragePerUnit.IsZero() {
		t.Errorf("optional costs default to 0: %s %s", in.ClearancePerUnit, in.StoragePerUnit)
	}
	var out map[string]any
	if err := json.Unmarshal(in.Compute().QuoteResultJSON(app.English()), &out); err != nil {
		t.Fatal(err)
	}
	// goods 750; freight 300; duty 0.1*(750+300) = 105 (CIF); landed 1155;
	// unit 1473; 1473*1.1 / (1 - 0.43*1.1) = 1620.3/0.527 = 3074.57 -> 3080
	want := map[string]any{"currency": "JPY", "vat_rate": 0.1, "duty_on_cif": true, "duty": 105.0, "landed": 1155.0,
		"unit_cost": 1473.0, "recommended_price": 3074.57, "charm_price": 3080.0}
	for k, v := range want {
		if out[k] != v {
			t.Errorf("%s = %v, want %v", k, out[k], v)
		}
	}

	// What the file gives wins over the market; a lower-case market reads.
	edit := strings.Replace(marketQuote, `"market": "JP",`, `"market": "jp", "currency": "usd", "vat_rate": 0, "duty_on_cif": false, "fx_rate": 7.2,`, 1)
	in, err = app.ParseQuoteJSON(strings.NewReader(edit))
	if err != nil {
		t.Fatal(err)
	}
	if in.Currency != "USD" || !in.VATRate.IsZero() || in.DutyOnCIF || in.FXRate.String() != "7.2" {
		t.Errorf("given fields must win: %+v", in)
	}
	// Without a market nothing is filled: fx_rate is missing.
	_, err = app.ParseQuoteJSON(strings.NewReader(strings.Replace(marketQuote, `"market": "JP",`, ``, 1)))
	if app.ErrorCode(err) != app.EInvalid || !strings.Contains(err.Error(), "missing") {
		t.Errorf("no market: err = %v", err)
	}
	// duty_rate depends on the HS code: a market does not fill it.
	_, err = app.ParseQuoteJSON(strings.NewReader(strings.Replace(marketQuote, ` "duty_rate": 0.1,`, ``, 1)))
	if err == nil || !strings.Contains(err.Error(), "duty_rate") {
		t.Errorf("missing duty_rate with a market: err = %v", err)
	}
}

func TestParseQuoteJSONRefusals(t *testing.T) {
	for _, tt := range []struct{ name, json, want string }{
		{"unknown market", strings.Replace(marketQuote, `"JP"`, `"XX"`, 1), "XX"},
		{"currency not a code", strings.Replace(marketQuote, `"market": "JP",`, `"market": "JP", "currency": "yen",`, 1), "currency"},
		{"huge price", strings.Replace(goodQuoteJSON, `"price": 25`, `"price": 1e400`, 1), "price is out of range"},
		{"a trillion", strings.Replace(goodQuoteJSON, `"purchase_cost": 30`, `"purchase_cost": 1000000000000`, 1), "purchase_cost is out of range"},
		{"too many decimals", strings.Replace(goodQuoteJSON, `"weight_kg": 1`, `"weight_kg": "0.0000000000001"`, 1), "weight_kg is out of range"},
		{"45 digits", strings.Replace(goodQuoteJSON, `"price": 25`, `"price": 123456789012345678901234567890123456789012345`, 1), "price is out of range"},
		{"not a number", strings.Replace(goodQuoteJSON, `"price": 25`, `"price": "cheap"`, 1), "price must be a number"},
		{"negative clearance", strings.Replace(goodQuoteJSON, `"price": 25`, `"price": 25, "clearance_per_unit": -1`, 1), "clearance_per_unit"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := app.ParseQuoteJSON(strings.NewReader(tt.json))
			if app.ErrorCode(err) != app.EInvalid || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want one saying %q", err, tt.want)
			}
			if strings.Contains(tt.want, "out of range") && strings.Contains(err.Error(), "must be a number") {
				t.Errorf("a number out of range is called not a number: %v", err)
			}
		})
	}
}

// Windows Notepad saves UTF-8 with a byte order mark.
func TestParseQuoteJSONByteOrderMark(t *testing.T) {
	in, err := app.ParseQuoteJSON(strings.NewReader("\uFEFF" + goodQuoteJSON))
	if err != nil {
		t.Fatalf("BOM refused: %v", err)
	}
	if in.Compute().Recommended.StringFixed(2) != "20.00" {
		t.Errorf("recommended = %s", in.Compute().Recommended)
	}
}

// Each market's duty basis follows the customs-valuation rule cited beside
// it in quote.go: FOB in the US, Canada and Australia, CIF in the EU, UK
// and Japan.
func TestMarketDefaultsDutyBasis(t *testing.T) {
	cif := map[string]bool{"US": false, "CA": false, "AU": false, "GB": true, "DE": true, "FR": true, "IT": true, "ES": true, "JP": true}
	currency := map[string]string{"US": "USD", "CA": "CAD", "AU": "AUD", "GB": "GBP", "DE": "EUR", "FR": "EUR", "IT": "EUR", "ES": "EUR", "JP": "JPY"}
	for _, md := range app.PricingMarkets() {
		want, ok := cif[md.Market]
		if !ok {
			t.Errorf("market %s has no valuation rule in this test", md.Market)
			continue
		}
		if md.DutyOnCIF != want || md.Currency != currency[md.Market] {
			t.Errorf("%s: duty on CIF %v, currency %s; want %v, %s", md.Market, md.DutyOnCIF, md.Currency, want, currency[md.Market])
		}
		if !md.FXRate.IsPositive() || md.VATRate.IsNegative() || md.VATRate.GreaterThanOrEqual(d("1")) {
			t.Errorf("%s: fx %s vat %s", md.Market, md.FXRate, md.VATRate)
		}
		for _, lang := range app.Langs {
			if name := app.CountryName(app.NewLocalizer(lang), md.Market); name == md.Market {
				t.Errorf("%s: no country name in %s for the market selector", md.Market, lang)
			}
		}
	}
	if md, _ := app.DefaultsFor("JP"); !md.DutyOnCIF {
		t.Error("Japan values imports on CIF")
	}
}
