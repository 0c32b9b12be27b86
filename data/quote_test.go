package data

import (
	"context"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/seller-assistant/seller-assistant/app"
)

func pricingInput() app.QuoteInput {
	d := decimal.RequireFromString
	return app.QuoteInput{PurchaseCost: d("30"), OtherUnitCost: d("6"), FXRate: d("7.2"), WeightKg: d("1"),
		LengthCm: d("10"), WidthCm: d("10"), HeightCm: d("10"), VolDivisor: d("5000"), FreightPerKg: d("2"),
		DutyRate: d("0.1"), FulfilmentFee: d("2.5"), ReferralRate: d("0.15"), PaymentRate: d("0.03"),
		AdRate: d("0.1"), ReturnRate: d("0.02"), TargetMargin: d("0.2"), Price: d("25"), HasPrice: true}
}

func TestQuotesSaveReplaceDelete(t *testing.T) {
	s, _ := newWorkspace(t)
	ctx := context.Background()
	q := app.SavedQuote{ProductSKU: "HL-KT-001", ProductName: "Utensils", Market: "US", Platform: "Amazon US",
		Channel: "FBA", Currency: "USD", Input: pricingInput()}
	id, err := s.SaveQuote(ctx, q)
	if err != nil {
		t.Fatal(err)
	}
	q.Input.TargetMargin = decimal.RequireFromString("0.3")
	id2, err := s.SaveQuote(ctx, q) // the same combination replaces the quote
	if err != nil || id2 != id {
		t.Fatalf("resave: id %d -> %d, %v", id, id2, err)
	}
	q.Market = "GB"
	if _, err := s.SaveQuote(ctx, q); err != nil {
		t.Fatal(err)
	}
	list, err := s.Quotes(ctx)
	if err != nil || len(list) != 2 {
		t.Fatalf("Quotes = %d, %v", len(list), err)
	}
	var us app.SavedQuote
	for _, sq := range list {
		if sq.Market == "US" {
			us = sq
		}
	}
	// 10/(1-0.6) = 25: the re-saved target margin came back
	if got := us.Quote().Recommended.StringFixed(2); got != "25.00" || us.ID != id || us.SavedAt.IsZero() {
		t.Errorf("stored quote: recommended %s id %d saved %v", got, us.ID, us.SavedAt)
	}
	var rec int64
	if err := s.db.QueryRow("SELECT recommended_cents FROM quotes WHERE id = ?", id).Scan(&rec); err != nil || rec != 2500 {
		t.Errorf("recommended_cents = %d, %v", rec, err)
	}

	bad := q
	bad.Market, bad.Input.FXRate = "DE", decimal.Zero
	if _, err := s.SaveQuote(ctx, bad); app.ErrorCode(err) != app.EInvalid {
		t.Errorf("fx 0 saved: %v", err)
	}
	if err := s.DeleteQuote(ctx, id); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteQuote(ctx, id); app.ErrorCode(err) != app.ENotFound {
		t.Errorf("second delete: %v", err)
	}
	if list, _ := s.Quotes(ctx); len(list) != 1 {
		t.Errorf("after delete %d quotes", len(list))
	}
}

func TestChannelsAndPlatformsEdit(t *testing.T) {
	s, _ := newWorkspace(t)
	ctx := context.Background()
	d := decimal.RequireFromString
	c := app.LogisticsChannel{Name: "Yun Express", Type: "postal", Market: "GB,DE", FirstWeightKg: d("0.05"),
		FirstPrice: d("18"), PerKg: d("72"), VolDivisor: 8000, DaysMin: 8, DaysMax: 15, Tracking: true, Stability: 3,
		FulfilmentFee: d("0.5"), MaxWeightKg: d("2"), BatteryOK: true}
	id, err := s.SaveChannel(ctx, c)
	if err != nil {
		t.Fatal(err)
	}
	c.ID, c.Stability = id, 4
	if _, err := s.SaveChannel(ctx, c); err != nil {
		t.Fatal(err)
	}
	got, err := s.Channels(ctx)
	if err != nil || len(got) != 1 {
		t.Fatalf("Channels = %v, %v", got, err)
	}
	g := got[0]
	if g.Stability != 4 || !g.MaxWeightKg.Equal(d("2")) || !g.FulfilmentFee.Equal(d("0.5")) || !g.BatteryOK || g.LiquidOK ||
		!g.FirstWeightKg.Equal(d("0.05")) || g.Market != "GB,DE" {
		t.Errorf("read back %+v", g)
	}
	c.Name = ""
	if _, err := s.SaveChannel(ctx, c); app.ErrorCode(err) != app.EInvalid {
		t.Errorf("empty name saved: %v", err)
	}
	c.Name, c.ID = "Gone", 999
	if _, err := s.SaveChannel(ctx, c); app.ErrorCode(err) != app.ENotFound {
		t.Errorf("update of a missing channel: %v", err)
	}
	if err := s.DeleteChannel(ctx, id); err != nil {
		t.Fatal(err)
	}

	p := app.Platform{Name: "Temu", ReferralRate: d("0.1"), PerOrderFee: d("0.3"), PaymentRate: d("0.02"),
		Markets: []string{"US", "GB"}, CategoryRates: map[string]decimal.Decimal{"Kitchen": d("0.12"), "Phone accessories": d("0.08")}}
	pid, err := s.SavePlatform(ctx, p)
	if err != nil {
		t.Fatal(err)
	}
	pls, err := s.Platforms(ctx)
	if err != nil || len(pls) != 1 {
		t.Fatalf("Platforms = %v, %v", pls, err)
	}
	if r := pls[0].ReferralRateFor("kitchen"); !r.Equal(d("0.12")) || len(pls[0].Markets) != 2 || !pls[0].PerOrderFee.Equal(d("0.3")) {
		t.Errorf("read back %+v", pls[0])
	}
	p2 := p
	p2.ID = 0
	if _, err := s.SavePlatform(ctx, p2); app.ErrorCode(err) != app.EConflict {
		t.Errorf("duplicate name: %v", err)
	}
	if err := s.DeletePlatform(ctx, pid); err != nil {
		t.Fatal(err)
	}
	if err := s.DeletePlatform(ctx, pid); app.ErrorCode(err) != app.ENotFound {
		t.Errorf("second delete: %v", err)
	}
}

// The demo's saved quotes read back, and their stored figures are what the
// formulas give, so the list and the report agree with the screen.
func TestDemoPricing(t *testing.T) {
	s := sharedDemo(t, time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC))
	ctx := context.Background()
	qs, err := s.Quotes(ctx)
	if err != nil || len(qs) < 3 {
		t.Fatalf("demo quotes: %d, %v", len(qs), err)
	}
	for _, q := range qs {
		var landed, rec, price, profit int64
		if err := s.db.QueryRow("SELECT landed_cents, recommended_cents, price_cents, profit_cents FROM quotes WHERE id = ?", q.ID).
			Scan(&landed, &rec, &price, &profit); err != nil {
			t.Fatal(err)
		}
		r := q.Quote()
		if landed != r.Landed.Shift(2).Round(0).IntPart() || rec != r.Recommended.Shift(2).Round(0).IntPart() ||
			profit != r.Profit.Shift(2).Round(0).IntPart() {
			t.Errorf("%s %s: stored %d/%d/%d, computed %s/%s/%s", q.ProductSKU, q.Market, landed, rec, profit,
				r.Landed.StringFixed(2), r.Recommended.StringFixed(2), r.Profit.StringFixed(2))
		}
	}
	chs, err := s.Channels(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var fba, postal bool
	for _, c := range chs {
		if c.Type == "fba" && c.FulfilmentFee.IsPositive() {
			fba = true
		}
		if c.Type == "postal" && !c.BatteryOK && c.MaxWeightKg.IsPositive() {
			postal = true
		}
	}
	if !fba || !postal {
		t.Errorf("demo channels lack fees or restrictions: fba %v postal %v", fba, postal)
	}
	cp, err := s.CompetitorPrices(ctx, "US", "HL-KT-001")
	if err != nil || len(cp) < 4 || cp[0].Currency != "USD" || cp[0].SKU != "HL-KT-001" || cp[len(cp)-1].SKU == "HL-KT-001" {
		t.Errorf("US competitor prices: %v, %v", cp, err)
	}
}
