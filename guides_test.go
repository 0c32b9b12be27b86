package main

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/seller-assistant/seller-assistant/app"
	"github.com/seller-assistant/seller-assistant/app/format"
	"github.com/seller-assistant/seller-assistant/assets"
	"github.com/seller-assistant/seller-assistant/data"
)

// grouped writes d with places decimals and thousands separators, as the
// guides print money: 1924.1 -> "1,924.10".
func grouped(d decimal.Decimal, places int32) string { return format.Fixed(d, places) }

// guideMustShow fails for every figure the module's guide, in either
// language, does not print.
func guideMustShow(t *testing.T, module string, figures []string) {
	t.Helper()
	for _, lang := range app.Langs {
		g, err := assets.Guide(lang, module)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range figures {
			if !strings.Contains(g, f) {
				t.Errorf("%s guide (%s) does not show %q, the figure the app computes", module, lang, f)
			}
		}
	}
}

// The pricing guide's worked examples are what app.QuoteInput.Compute and
// app.CharmPriceFor give for the example's inputs.
func TestPricingGuideExamples(t *testing.T) {
	d := decimal.RequireFromString
	// $4.78 landed (34.416 CNY at 7.2) + $3.22 FBA fee = $8.00 unit cost; fees 30 %, target 15 %
	us := app.QuoteInput{PurchaseCost: d("34.416"), FXRate: d("7.2"), VolDivisor: d("6000"), FulfilmentFee: d("3.22"),
		ReferralRate: d("0.15"), PaymentRate: d("0.03"), AdRate: d("0.10"), ReturnRate: d("0.02"), TargetMargin: d("0.15"), Currency: "USD"}
	q := us.Compute()
	uk := us
	uk.VATRate = d("0.2")
	usd := func(v decimal.Decimal) string { return "$" + v.StringFixed(2) }
	figures := []string{usd(q.Landed), usd(us.FulfilmentFee), usd(q.UnitCost), usd(q.BreakEven), usd(q.Recommended),
		usd(q.Charm), usd(uk.Compute().BreakEven),
		usd(q.Recommended) + " → " + usd(app.CharmPriceFor("USD", q.Recommended))}
	// the yen endings
	for _, p := range []string{"1924", "1981"} {
		figures = append(figures, "¥"+grouped(d(p), 0)+" → ¥"+grouped(app.CharmPriceFor("JPY", d(p)), 0))
	}
	figures = append(figures, "₩12,345 → ₩"+grouped(app.CharmPriceFor("KRW", d("12345")), 0))

	// The worked yen quote, the same inputs as TestQuoteCommandWorkedYenQuote.
	md, _ := app.DefaultsFor("JP")
	jp := app.QuoteInput{PurchaseCost: d("24"), OtherUnitCost: d("1.5"), FXRate: md.FXRate, WeightKg: d("0.21"),
		LengthCm: d("32"), WidthCm: d("4.5"), HeightCm: d("3"), VolDivisor: d("1000"), FreightPerKg: d("42"),
		DutyRate: d("0.039"), DutyOnCIF: md.DutyOnCIF, ClearancePerUnit: d("25"), FulfilmentFee: d("318"),
		StoragePerUnit: d("8"), VATRate: md.VATRate, ReferralRate: d("0.10"), AdRate: d("0.10"), ReturnRate: d("0.03"),
		TargetMargin: d("0.20"), Currency: md.Currency, Price: d("1980"), HasPrice: true}
	jq := jp.Compute()
	yen := func(v decimal.Decimal) string { return "¥" + grouped(v, 2) }
	figures = append(figures, yen(jq.Goods), jq.ChargeableKg.StringFixed(3)+" kg", yen(jq.Freight), yen(jq.Duty),
		yen(jq.Landed), yen(jq.UnitCost), yen(jq.Recommended), "¥"+grouped(jq.Charm, 0), yen(jq.Profit),
		jq.Margin.Shift(2).StringFixed(2)+"%")
	if jq.Charm.String() != "1980" {
		t.Fatalf("the yen example's charm price is %s", jq.Charm)
	}
	guideMustShow(t, "pricing", figures)
}

// The channels guide's worked example is the demo's ranking of a 45 g phone
// case to the US at the screen's starting weights.
func TestChannelsGuideExample(t *testing.T) {
	ctx := context.Background()
	s, err := data.CreateDemo(ctx, t.TempDir()+"/demo.sellerdb", time.Now())
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	chs, err := s.Channels(ctx)
	if err != nil {
		t.Fatal(err)
	}
	d := decimal.RequireFromString
	p := app.Parcel{WeightKg: d("0.045"), LengthCm: d("18"), WidthCm: d("9.5"), HeightCm: d("1.5"), Market: "US"}
	ranked := app.RankChannels(chs, p, app.RankWeights{Cost: d("5"), Speed: d("5"), Stability: d("3")})
	cny := func(v decimal.Decimal) string { return "¥" + v.StringFixed(2) }
	var figures []string
	for _, cs := range ranked[:4] {
		u := cs.Unit
		figures = append(figures, cny(u.Total), cs.Score.StringFixed(2))
		if cs.Channel.IsHeadHaul() {
			figures = append(figures, cny(u.Fulfilment), cny(u.Storage))
		}
		if cs.Channel.Type == "fba" {
			figures = append(figures, cny(u.ChargeableKg.Mul(cs.Channel.PerKg)), cny(u.Freight),
				"¥"+cs.Channel.MinChargeCNY.String())
		}
		if cs.Channel.Type == "overseas_warehouse" {
			figures = append(figures, u.ChargeableKg.String()+" kg", cny(u.Freight))
		}
	}
	if !strings.HasPrefix(ranked[0].Channel.Name, "Amazon FBA US") {
		t.Fatalf("the guide's winner is FBA US, the demo's is %s", ranked[0].Channel.Name)
	}
	guideMustShow(t, "channels", figures)
	guideMustShow(t, "channels", []string{"头程", "尾程"})
}
