package app_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/seller-assistant/seller-assistant/app"
)

func d(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// baseInput has round figures: goods 36/7.2 = 5, 1 kg chargeable at 2 per
// kg, fees 0.15 + 0.03 + 0.10 + 0.02 = 0.30 of the price.
func baseInput() app.QuoteInput {
	return app.QuoteInput{
		PurchaseCost: d("30"), OtherUnitCost: d("6"), FXRate: d("7.2"),
		WeightKg: d("1"), LengthCm: d("10"), WidthCm: d("10"), HeightCm: d("10"), VolDivisor: d("5000"),
		FreightPerKg: d("2"), DutyRate: d("0.1"), FulfilmentFee: d("2.5"),
		ReferralRate: d("0.15"), PaymentRate: d("0.03"), AdRate: d("0.10"), ReturnRate: d("0.02"),
		TargetMargin: d("0.2"),
	}
}

func TestQuoteFormulas(t *testing.T) {
	type want struct {
		chargeable, freight, duty, landed, unitCost string
		breakEven, recommended, charm               string // "" = no price reaches it
		profit, margin, roi, beACoS                 string // with a test price
	}
	tests := []struct {
		name string
		edit func(*app.QuoteInput)
		want want
	}{
		{"US: no VAT, duty on goods (FOB)", func(in *app.QuoteInput) { in.Price, in.HasPrice = d("25"), true },
			// landed = 5 + 2 + 0.5 = 7.5; unit cost 7.5 + 2.5 = 10; break-even 10/0.7; recommended 10/0.5
			want{"1.00", "2.00", "0.50", "7.50", "10.00", "14.29", "20.00", "20.99", "7.50", "0.3000", "0.7500", "0.4000"}},
		{"GB: 20 % VAT, duty on goods + freight (CIF)", func(in *app.QuoteInput) {
			in.VATRate, in.DutyOnCIF, in.FulfilmentFee, in.TargetMargin = d("0.2"), true, d("2.3"), d("0.1")
			in.Price, in.HasPrice = d("30"), true
		},
			// duty 0.1*(5+2) = 0.7; landed 7.7, unit cost 10; break-even 10*1.2/(1-0.3*1.2) = 18.75;
			// recommended 12/(1-0.4*1.2) = 23.0769; profit(30) = 25 - 10 - 9 = 6
			want{"1.00", "2.00", "0.70", "7.70", "10.00", "18.75", "23.08", "23.99", "6.00", "0.2000", "0.6000", "0.3000"}},
		{"DE: 19 % VAT, no test price", func(in *app.QuoteInput) { in.VATRate = d("0.19") },
			// 10*1.19/(1-0.3*1.19) = 11.9/0.643 = 18.5070; 11.9/(1-0.5*1.19) = 11.9/0.405 = 29.3827
			want{"1.00", "2.00", "0.50", "7.50", "10.00", "18.51", "29.38", "29.99", "", "", "", ""}},
		{"volumetric weight wins", func(in *app.QuoteInput) {
			in.WeightKg, in.LengthCm, in.WidthCm, in.HeightCm, in.VolDivisor = d("0.5"), d("40"), d("30"), d("20"), d("6000")
			in.FreightPerKg, in.FulfilmentFee = d("1.5"), d("0")
		},
			// 40*30*20/6000 = 4 kg > 0.5 kg; freight 6; landed 5+6+0.5 = 11.5 = unit cost
			want{"4.00", "6.00", "0.50", "11.50", "11.50", "16.43", "23.00", "23.99", "", "", "", ""}},
		{"impossible margin: the target takes the rest of the price", func(in *app.QuoteInput) {
			in.VATRate, in.TargetMargin = d("0.2"), d("0.6")
			in.Price, in.HasPrice = d("20"), true
		},
			// 1 - 0.9*1.2 < 0: no recommended price; break-even 12/0.64 = 18.75
			want{"1.00", "2.00", "0.50", "7.50", "10.00", "18.75", "", "", "0.67", "0.0333", "0.0667", "0.1333"}},
		{"denominator exactly zero", func(in *app.QuoteInput) { in.TargetMargin = d("0.7") },
			want{"1.00", "2.00", "0.50", "7.50", "10.00", "14.29", "", "", "", "", "", ""}},
		{"fees and VAT take the whole price", func(in *app.QuoteInput) {
			in.VATRate, in.ReferralRate, in.PaymentRate = d("0.2"), d("0.6"), d("0.2")
			in.Price, in.HasPrice = d("20"), true
		},
			// var 0.92, 0.92*1.2 > 1: no break-even either; profit(20) = 16.67 - 10 - 18.4
			want{"1.00", "2.00", "0.50", "7.50", "10.00", "", "", "", "-11.73", "-0.5867", "-1.1733", "-0.4867"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := baseInput()
			tt.edit(&in)
			if err := in.Validate(); err != nil {
				t.Fatalf("Validate: %v", err)
			}
			q := in.Compute()
			check := func(name, got, want string) {
				t.Helper()
				if got != want {
					t.Errorf("%s = %s, want %s", name, got, want)
				}
			}
			check("chargeable", q.ChargeableKg.StringFixed(2), tt.want.chargeable)
			check("freight", q.Freight.StringFixed(2), tt.want.freight)
			check("duty", q.Duty.StringFixed(2), tt.want.duty)
			check("landed", q.Landed.StringFixed(2), tt.want.landed)
			check("unit cost", q.UnitCost.StringFixed(2), tt.want.unitCost)
			price := func(v decimal.Decimal, ok bool) string {
				if !ok {
					if !v.IsZero() {
						t.Errorf("a price no price reaches is %s, want 0", v)
					}
					return ""
				}
				if v.IsNegative() {
					t.Errorf("negative price %s", v)
				}
				return v.StringFixed(2)
			}
			check("break-even", price(q.BreakEven, q.BreakEvenOK), tt.want.breakEven)
			check("recommended", price(q.Recommended, q.RecommendedOK), tt.want.recommended)
			check("charm", price(q.Charm, q.RecommendedOK), tt.want.charm)
			if in.HasPrice {
				check("profit", q.Profit.StringFixed(2), tt.want.profit)
				check("margin", q.Margin.StringFixed(4), tt.want.margin)
				check("roi", q.ROI.StringFixed(4), tt.want.roi)
				check("break-even ACoS", q.BreakEvenACoS.StringFixed(4), tt.want.beACoS)
			}
			if reason := q.NoPriceReason(app.English()); (reason == "") != q.RecommendedOK {
				t.Errorf("no-price reason %q with recommended ok=%v", reason, q.RecommendedOK)
			}
		})
	}
}

// The recommended price reaches the target margin and the break-even price
// makes no profit: the formulas agree with profit(p).
func TestQuotePricesSatisfyProfit(t *testing.T) {
	in := baseInput()
	in.VATRate = d("0.19")
	q := in.Compute()
	if p := in.ProfitAt(q.UnitCost, q.VarRate, q.BreakEven); p.Abs().GreaterThan(d("0.000001")) {
		t.Errorf("profit at break-even = %s", p)
	}
	m := in.ProfitAt(q.UnitCost, q.VarRate, q.Recommended).Div(q.Recommended)
	if m.Sub(in.TargetMargin).Abs().GreaterThan(d("0.000001")) {
		t.Errorf("margin at recommended = %s, want %s", m, in.TargetMargin)
	}
}

func TestCharmPrice(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"12", "12.99"}, {"12.99", "12.99"}, {"13.00", "13.99"}, {"12.991", "13.99"}, {"0", "0.99"}, {"0.5", "0.99"}, {"99.995", "100.99"},
	} {
		if got := app.CharmPrice(d(tt.in)).StringFixed(2); got != tt.want {
			t.Errorf("CharmPrice(%s) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

func TestDiscountImpact(t *testing.T) {
	in := baseInput()
	in.Price, in.HasPrice = d("25"), true // profit 7.50
	q := in.Compute()
	// 10 % off: 22.50 -> profit 22.5 - 10 - 6.75 = 5.75; 7.5/5.75 = 1.3043 units per unit
	di := q.Discount(d("0.1"))
	if di.NewPrice.StringFixed(2) != "22.50" || di.NewProfit.StringFixed(2) != "5.75" || di.NewMargin.StringFixed(4) != "0.2556" {
		t.Errorf("10 %% off: %s %s %s", di.NewPrice, di.NewProfit, di.NewMargin)
	}
	if !di.UnitsOK || di.ExtraUnits().StringFixed(4) != "0.3043" {
		t.Errorf("extra units = %s ok=%v, want 0.3043", di.ExtraUnits(), di.UnitsOK)
	}
	// 50 % off: 12.50 -> profit 12.5 - 10 - 3.75 < 0: no number of units keeps the profit
	if di := q.Discount(d("0.5")); di.UnitsOK || !di.NewProfit.IsNegative() {
		t.Errorf("50 %% off: units ok=%v profit %s", di.UnitsOK, di.NewProfit)
	}
}

func TestComparePrices(t *testing.T) {
	st := app.ComparePrices([]decimal.Decimal{d("21.99"), d("15.99"), d("19.99"), d("24.99")}, d("19.99"))
	if st.Min.String() != "15.99" || st.Max.String() != "24.99" || st.Median.StringFixed(2) != "20.99" || st.CheaperThanUs != 1 {
		t.Errorf("stats = %+v", st)
	}
	if st := app.ComparePrices([]decimal.Decimal{d("3"), d("1"), d("2")}, d("5")); st.Median.String() != "2" || st.CheaperThanUs != 3 {
		t.Errorf("odd median = %s, cheaper %d", st.Median, st.CheaperThanUs)
	}
	if st := app.ComparePrices(nil, d("5")); st.N != 0 || !st.Median.IsZero() {
		t.Errorf("empty = %+v", st)
	}
}

const goodQuoteJSON = `{"purchase_cost": 30, "other_unit_cost": "6", "fx_rate": 7.2, "weight_kg": 1,
 "length_cm": 10, "width_cm": 10, "height_cm": 10, "volumetric_divisor": 5000, "freight_per_kg": 2,
 "duty_rate": 0.1, "duty_on_cif": false, "fulfilment_fee": 2.5, "per_order_fee": 0, "vat_rate": 0,
 "referral_fee_rate": 0.15, "payment_fee_rate": 0.03, "ad_rate": 0.10, "return_rate": 0.02,
 "target_margin": 0.2, "price": 25}`

func TestParseQuoteJSON(t *testing.T) {
	in, err := app.ParseQuoteJSON(strings.NewReader(goodQuoteJSON))
	if err != nil {
		t.Fatal(err)
	}
	if !in.HasPrice || in.Price.String() != "25" || in.OtherUnitCost.String() != "6" || in.FXRate.String() != "7.2" {
		t.Fatalf("parsed %+v", in)
	}
	// a saved quote's JSON reads back to the same input
	back, err := app.ParseQuoteJSON(bytes.NewReader(in.QuoteJSON()))
	if err != nil || back.Compute().Recommended.String() != in.Compute().Recommended.String() {
		t.Fatalf("round trip: %v %+v", err, back)
	}

	edit := func(f func(m map[string]any)) string {
		var m map[string]any
		if err := json.Unmarshal([]byte(goodQuoteJSON), &m); err != nil {
			t.Fatal(err)
		}
		f(m)
		b, _ := json.Marshal(m)
		return string(b)
	}
	bad := []struct{ name, json, field string }{
		{"missing field", edit(func(m map[string]any) { delete(m, "vat_rate") }), "vat_rate"},
		{"text in a number", edit(func(m map[string]any) { m["weight_kg"] = "heavy" }), "weight_kg"},
		{"bool as number", edit(func(m map[string]any) { m["freight_per_kg"] = true }), "freight_per_kg"},
		{"number as bool", edit(func(m map[string]any) { m["duty_on_cif"] = 1 }), "duty_on_cif"},
		{"negative cost", edit(func(m map[string]any) { m["purchase_cost"] = -1 }), "purchase_cost"},
		{"zero fx rate", edit(func(m map[string]any) { m["fx_rate"] = 0 }), "fx_rate"},
		{"zero divisor", edit(func(m map[string]any) { m["volumetric_divisor"] = 0 }), "volumetric_divisor"},
		{"rate as percent", edit(func(m map[string]any) { m["referral_fee_rate"] = 15 }), "referral_fee_rate"},
		{"zero price", edit(func(m map[string]any) { m["price"] = 0 }), "price"},
		{"unknown field", edit(func(m map[string]any) { m["vat"] = 0.2 }), "vat"},
		{"not an object", `[1,2]`, "JSON"},
		{"two objects", goodQuoteJSON + goodQuoteJSON, "JSON"},
		{"empty", ``, "JSON"},
	}
	for _, tt := range bad {
		t.Run(tt.name, func(t *testing.T) {
			_, err := app.ParseQuoteJSON(strings.NewReader(tt.json))
			if app.ErrorCode(err) != app.EInvalid {
				t.Fatalf("err = %v, want invalid", err)
			}
			if !strings.Contains(err.Error(), tt.field) {
				t.Fatalf("error %q does not name %s", err, tt.field)
			}
		})
	}
}

func TestQuoteResultJSON(t *testing.T) {
	in, err := app.ParseQuoteJSON(strings.NewReader(goodQuoteJSON))
	if err != nil {
		t.Fatal(err)
	}
	var out map[string]any
	if err := json.Unmarshal(in.Compute().QuoteResultJSON(app.English()), &out); err != nil {
		t.Fatal(err)
	}
	want := map[string]any{"currency": nil, "vat_rate": 0.0, "duty_on_cif": false,
		"chargeable_kg": 1.0, "freight": 2.0, "duty": 0.5, "landed": 7.5, "unit_cost": 10.0, "break_even_price": 14.29,
		"recommended_price": 20.0, "charm_price": 20.99, "profit": 7.5, "margin": 0.3, "roi": 0.75, "break_even_acos": 0.4}
	for k, v := range want {
		if out[k] != v {
			t.Errorf("%s = %v, want %v", k, out[k], v)
		}
	}
	if len(out) != len(want) {
		t.Errorf("fields %v", out)
	}
	in.TargetMargin = d("0.9")
	out = nil
	if err := json.Unmarshal(in.Compute().QuoteResultJSON(app.English()), &out); err != nil {
		t.Fatal(err)
	}
	if out["recommended_price"] != nil || out["charm_price"] != nil || !strings.Contains(out["no_price"].(string), "No price") {
		t.Errorf("impossible margin: %v", out)
	}
}

func TestQuoteDefaults(t *testing.T) {
	p := &app.Product{PurchaseCost: d("24"), WeightKg: d("0.21"), LengthCm: d("32"), WidthCm: d("4.5"), HeightCm: d("3"), Category: "Lighting"}
	pl := &app.Platform{ReferralRate: d("0.15"), CategoryRates: map[string]decimal.Decimal{"lighting": d("0.12")}}
	ch := &app.LogisticsChannel{FirstWeightKg: d("0.5"), FirstPrice: d("46"), PerKg: d("32"), VolDivisor: 5000, FulfilmentFee: d("3.22")}
	in := app.QuoteDefaults(p, "GB", pl, ch)
	if in.VATRate.String() != "0.2" || !in.DutyOnCIF || in.FXRate.String() != "9.1" {
		t.Errorf("GB defaults: vat %s cif %v fx %s", in.VATRate, in.DutyOnCIF, in.FXRate)
	}
	if in.ReferralRate.String() != "0.12" {
		t.Errorf("category rate = %s, want 0.12", in.ReferralRate)
	}
	// 0.21 kg is under the 0.5 kg first weight: 46 CNY / 0.21 kg / 9.1 = 24.07 per kg
	if in.FreightPerKg.String() != "24.07" || in.VolDivisor.String() != "5000" || in.FulfilmentFee.String() != "3.22" {
		t.Errorf("channel defaults: %s per kg, divisor %s, fee %s", in.FreightPerKg, in.VolDivisor, in.FulfilmentFee)
	}
	if err := in.Validate(); err != nil {
		t.Errorf("defaults do not validate: %v", err)
	}
	if us := app.QuoteDefaults(nil, "US", nil, nil); !us.VATRate.IsZero() {
		t.Errorf("US VAT = %s", us.VATRate)
	}
}

func TestQuoteCharts(t *testing.T) {
	l := app.English()
	for _, edit := range []func(*app.QuoteInput){
		func(*app.QuoteInput) {},
		func(in *app.QuoteInput) { in.Price, in.HasPrice = d("25"), true },
		func(in *app.QuoteInput) { in.TargetMargin = d("0.9") },
		func(in *app.QuoteInput) { in.ReferralRate = d("0.9") },
	} {
		in := baseInput()
		edit(&in)
		q := in.Compute()
		for _, c := range []app.Chart{app.CostBreakdownChart(l, q, "USD"), app.ProfitCurveChart(l, q, "USD"),
			app.QuoteComparisonChart(l, "cmp", "t", []app.NamedQuote{{Name: "a", Quote: q}}, "USD")} {
			if err := c.Validate(); err != nil {
				t.Error(err)
			}
		}
	}
	in := baseInput()
	q := in.Compute()
	curve := app.ProfitCurveChart(l, q, "USD")
	// Price is a number axis: the break-even and recommended prices are
	// points of both curves at their own x, not categories.
	if curve.Kind != app.ChartScatter || len(curve.Categories) != 0 || !curve.Series[0].Line || !curve.Series[1].Line {
		t.Fatalf("profit curve kind %s, categories %v: want joined points over a price axis", curve.Kind, curve.Categories)
	}
	found := 0
	for i, p := range curve.Series[0].Points {
		if curve.Series[1].Points[i].X != p.X || (i > 0 && p.X <= curve.Series[0].Points[i-1].X) {
			t.Fatalf("points not in rising price order, or the two curves at different prices: %v", curve.Series)
		}
		switch p.X {
		case 14.29:
			found++
			if v := p.Y; v > 0.01 || v < -0.01 {
				t.Errorf("profit at break-even = %v", v)
			}
		case 20:
			found++
			if p.Y != curve.Series[1].Points[i].Y {
				t.Errorf("profit at recommended %v != target %v", p.Y, curve.Series[1].Points[i].Y)
			}
		}
	}
	if found != 2 {
		t.Errorf("break-even and recommended prices not on the curve: %v", curve.Series[0].Points)
	}
	// A straight line stays straight: profit rises by the same amount per
	// unit of price between any two points (the inserted prices bent it
	// when they were categories at equal spacing).
	pts := curve.Series[1].Points
	slope := (pts[1].Y - pts[0].Y) / (pts[1].X - pts[0].X)
	for i := 2; i < len(pts); i++ {
		if s := (pts[i].Y - pts[i-1].Y) / (pts[i].X - pts[i-1].X); s-slope > 0.01 || slope-s > 0.01 {
			t.Errorf("target profit slope %v between points %d and %d, want %v", s, i-1, i, slope)
		}
	}
}

func FuzzParseQuoteJSON(f *testing.F) {
	f.Add(goodQuoteJSON)
	f.Add(`{}`)
	f.Add(`{"price": 1e400}`)
	f.Add(strings.Replace(goodQuoteJSON, `"price": 25`, `"price": "1e-30"`, 1))
	f.Add(strings.Replace(goodQuoteJSON, `"target_margin": 0.2`, `"target_margin": 0.99`, 1))
	f.Add(marketQuote)
	f.Add("\uFEFF" + goodQuoteJSON)
	f.Add(strings.Replace(goodQuoteJSON, `{`, `{"currency": "JPY", "clearance_per_unit": "0.5", "storage_per_unit": 1e-3, `, 1))
	f.Fuzz(func(t *testing.T, s string) {
		in, err := app.ParseQuoteJSON(strings.NewReader(s))
		if err != nil {
			if app.ErrorCode(err) != app.EInvalid {
				t.Fatalf("error code %q for %v", app.ErrorCode(err), err)
			}
			return
		}
		q := in.Compute()
		if q.Landed.IsNegative() || q.BreakEven.IsNegative() || q.Recommended.IsNegative() || q.Charm.IsNegative() {
			t.Fatalf("negative figure from valid input %s: %+v", s, q)
		}
		_ = q.QuoteResultJSON(app.English())
	})
}

// The pricing screen recomputes every result, three charts and the channel
// comparison on each keystroke; this is the cost of one quote.
func BenchmarkQuoteCompute(b *testing.B) {
	in := baseInput()
	in.VATRate, in.Price, in.HasPrice = d("0.19"), d("24.99"), true
	for b.Loop() {
		_ = in.Compute()
	}
}

// TestQuoteNumbers: the form's list is the parser's, minus the one flag,
// and writing through it fills the input.
func TestQuoteNumbers(t *testing.T) {
	var in app.QuoteInput
	nums := in.Numbers()
	names := app.QuoteFieldNames()
	if len(nums) != len(names)-1 {
		t.Fatalf("%d numbers for %d fields", len(nums), len(names))
	}
	i := 0
	for _, n := range names {
		if n == "duty_on_cif" {
			continue
		}
		if nums[i].Name != n {
			t.Fatalf("number %d is %s, field %s", i, nums[i].Name, n)
		}
		*nums[i].Value = decimal.NewFromInt(int64(i + 1))
		i++
	}
	if !in.PurchaseCost.Equal(decimal.NewFromInt(1)) || !in.TargetMargin.Equal(decimal.NewFromInt(int64(len(nums)))) {
		t.Errorf("writes did not land: purchase %v, target %v", in.PurchaseCost, in.TargetMargin)
	}
	rates := 0
	for _, n := range nums {
		if n.Rate {
			rates++
			if !strings.HasSuffix(n.Name, "_rate") && n.Name != "target_margin" {
				t.Errorf("%s marked a rate", n.Name)
			}
		}
	}
	if rates != 7 {
		t.Errorf("%d rates, want 7 (duty, VAT, referral, payment, ad, return, target margin)", rates)
	}
}
