package data

import (
	"context"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/seller-assistant/seller-assistant/app"
)

// TestFXSeedMatchesApp: a new workspace starts with app.DefaultFXRates, so
// the pricing form's market rates and the workspace's table agree.
func TestFXSeedMatchesApp(t *testing.T) {
	s, _ := newWorkspace(t)
	got, err := s.FXRates(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	want := app.DefaultFXRates(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	if len(got) != len(want) {
		t.Fatalf("%d seeded rates, want %d", len(got), len(want))
	}
	by := map[string]app.FXRate{}
	for _, r := range got {
		by[r.Currency] = r
	}
	for _, w := range want {
		g, ok := by[w.Currency]
		if !ok || !g.CNYPerUnit.Equal(w.CNYPerUnit) || !g.ValidFrom.Equal(w.ValidFrom) {
			t.Errorf("%s: seeded %+v, app %+v", w.Currency, g, w)
		}
	}
}

func TestFXRatesSaveReplaceDelete(t *testing.T) {
	ctx := context.Background()
	s, _ := newWorkspace(t)
	day := time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)
	r := app.FXRate{Currency: "USD", ValidFrom: day, CNYPerUnit: decimal.RequireFromString("7.1032"), Note: "BOC middle rate"}
	if err := s.SaveFXRate(ctx, r); err != nil {
		t.Fatal(err)
	}
	r.CNYPerUnit = decimal.RequireFromString("7.1100")
	if err := s.SaveFXRate(ctx, r); err != nil {
		t.Fatal(err)
	}
	rates, _ := s.FXRates(ctx)
	tbl := app.NewFXTable(rates)
	if got, _ := tbl.RateOn("USD", day.AddDate(0, 0, 1)); got.CNYPerUnit.String() != "7.11" || got.Note != "BOC middle rate" {
		t.Fatalf("USD after the new rate: %+v (a save of the same day replaces)", got)
	}
	if got, _ := tbl.RateOn("USD", day.AddDate(0, 0, -1)); got.CNYPerUnit.String() != "7.2" {
		t.Fatalf("USD before it: %+v, want the built-in 7.20", got)
	}
	// Bad input is refused, named, and stores nothing.
	for _, bad := range []app.FXRate{
		{Currency: "usd", ValidFrom: day, CNYPerUnit: decimal.NewFromInt(7)},
		{Currency: "CNY", ValidFrom: day, CNYPerUnit: decimal.NewFromInt(1)},
		{Currency: "USD", ValidFrom: day, CNYPerUnit: decimal.NewFromInt(0)},
		{Currency: "USD", ValidFrom: day, CNYPerUnit: decimal.NewFromInt(720)},
		{Currency: "USD", CNYPerUnit: decimal.NewFromInt(7)},
	} {
		if err := s.SaveFXRate(ctx, bad); app.ErrorCode(err) != app.EInvalid {
			t.Errorf("%+v: %v, want invalid", bad, err)
		}
	}
	if again, _ := s.FXRates(ctx); len(again) != len(rates) {
		t.Fatalf("refused rates changed the table: %d rows, had %d", len(again), len(rates))
	}
	if err := s.DeleteFXRate(ctx, "USD", day); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteFXRate(ctx, "USD", day); app.ErrorCode(err) != app.ENotFound {
		t.Fatalf("deleting it twice: %v", err)
	}
}
