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

// Settings asks FXEditRebuilds before a rate edit, to show a rebuild in
// progress, so it must agree with what the edit then does. A summary is
// put wrong by hand first: an edit that rebuilds puts it right again, one
// that does not leaves it wrong. Each rate saved is the one already in
// force that day, so a rebuild gives back exactly the summaries of before.
func TestFXEditRebuildsAgreesWithTheEdit(t *testing.T) {
	ctx := context.Background()
	s := fxWorkspace(t)
	// No orders: no edit rebuilds anything, not even one of the base.
	for _, cur := range []string{"USD", "EUR"} {
		if got, err := s.FXEditRebuilds(ctx, cur); err != nil || got {
			t.Errorf("%s with no orders: %v, %v; want false", cur, got, err)
		}
	}
	if _, err := s.ImportOrders(ctx, app.ImportOptions{Path: writeOrderFile(t, "s.csv", []byte(shopifyFX))}, nil); err != nil {
		t.Fatal(err)
	}
	want := dumpTables(t, s)
	day := time.Date(2024, 2, 1, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		cur, rate string
		rebuilds  bool
	}{
		{"USD", "7.20", true},   // the base
		{"EUR", "7.80", true},   // orders are in it
		{"GBP", "9.00", true},   // orders are in it (before its 15 February rate)
		{"JPY", "0.048", false}, // a rate, but no order in yen
		{"CHF", "7.90", false},  // a new currency
	} {
		got, err := s.FXEditRebuilds(ctx, tc.cur)
		if err != nil || got != tc.rebuilds {
			t.Errorf("%s: FXEditRebuilds %v, %v; want %v", tc.cur, got, err, tc.rebuilds)
		}
		r := app.FXRate{Currency: tc.cur, ValidFrom: day, CNYPerUnit: decimal.RequireFromString(tc.rate)}
		for _, edit := range []struct {
			name string
			do   func() error
		}{
			{"save", func() error { return s.SaveFXRate(ctx, r) }},
			{"delete", func() error { return s.DeleteFXRate(ctx, tc.cur, day) }},
		} {
			if _, err := s.db.Exec(`UPDATE order_customers SET monetary_cents = monetary_cents + 1`); err != nil {
				t.Fatal(err)
			}
			wrong := dumpTables(t, s)
			if err := edit.do(); err != nil {
				t.Fatalf("%s %s: %v", edit.name, tc.cur, err)
			}
			if tc.rebuilds {
				diffDumps(t, tc.cur+" "+edit.name+" (rebuilt)", dumpTables(t, s), want)
			} else {
				diffDumps(t, tc.cur+" "+edit.name+" (not rebuilt)", dumpTables(t, s), wrong)
				rebuild(t, s)
			}
		}
	}
	// A rebuild that fails changes nothing, the rate edit included: EUR's
	// only rate cannot go while orders are in euros.
	rates, _ := s.FXRates(ctx)
	err := s.DeleteFXRate(ctx, "EUR", time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC))
	if app.ErrorCode(err) != app.EConflict {
		t.Fatalf("deleting EUR's last rate: %v", err)
	}
	if again, _ := s.FXRates(ctx); len(again) != len(rates) {
		t.Errorf("the refused delete removed a rate: %d rates, had %d", len(again), len(rates))
	}
	diffDumps(t, "after the refused delete", dumpTables(t, s), want)
}
