package data

import (
	"context"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/seller-assistant/seller-assistant/app"
)

// A head-haul channel keeps its shipment minimum, carton and storage.
func TestChannelHeadHaulColumns(t *testing.T) {
	s, _ := newWorkspace(t)
	ctx := context.Background()
	d := decimal.RequireFromString
	ch := app.LogisticsChannel{Name: "FBA US air", Type: "fba", Market: "US", PerKg: d("38"), VolDivisor: 6000,
		MinChargeCNY: d("798"), CartonUnits: 100, StoragePerUnit: d("0.15"), FulfilmentFee: d("3.22"), Stability: 5, DaysMax: 3}
	id, err := s.SaveChannel(ctx, ch)
	if err != nil {
		t.Fatal(err)
	}
	ch.ID, ch.CartonUnits = id, 120
	if _, err := s.SaveChannel(ctx, ch); err != nil {
		t.Fatal(err)
	}
	chs, err := s.Channels(ctx)
	if err != nil || len(chs) != 1 {
		t.Fatalf("%d channels, %v", len(chs), err)
	}
	got := chs[0]
	if !got.MinChargeCNY.Equal(d("798")) || got.CartonUnits != 120 || !got.StoragePerUnit.Equal(d("0.15")) {
		t.Errorf("read back %+v", got)
	}
}

// The demo's FBA and warehouse channels are bulk head haul: no first
// weight, air at 6000 cm³/kg, sea per CBM (1000 cm³/kg); a 45 g unit no
// longer pays a 0.5 kg first weight.
func TestDemoHeadHaulChannels(t *testing.T) {
	s := sharedDemo(t, today())
	chs, err := s.Channels(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, ch := range chs {
		if !ch.IsHeadHaul() {
			continue
		}
		n++
		sea := strings.Contains(ch.Name, "海运")
		if !ch.FirstPrice.IsZero() || !ch.FirstWeightKg.IsZero() || (sea && ch.VolDivisor != 1000) || (!sea && ch.VolDivisor != 6000) {
			t.Errorf("%s: first %s kg / %s CNY, divisor %d", ch.Name, ch.FirstWeightKg, ch.FirstPrice, ch.VolDivisor)
		}
		if err := ch.Validate(); err != nil {
			t.Errorf("%s: %v", ch.Name, err)
		}
		if c := app.ChannelCost(ch, decimal.RequireFromString("0.045")); c.GreaterThan(decimal.NewFromInt(12)) {
			t.Errorf("%s: 45 g pays %s CNY head haul", ch.Name, c)
		}
	}
	if n != 6 {
		t.Errorf("%d head-haul channels, want 6", n)
	}
}

// Migration 0007 drops fulfilment and the per-order fee from the landed
// cost kept beside each saved quote, as a quote saved from now on stores it.
func TestHeadHaulMigrationMovesFeesOutOfLanded(t *testing.T) {
	s, _ := newWorkspace(t)
	body, err := migrationFS.ReadFile("migrations/0007_head_haul.sql")
	if err != nil {
		t.Fatal(err)
	}
	_, update, ok := strings.Cut(string(body), "UPDATE quotes")
	if !ok {
		t.Fatal("the migration no longer updates quotes")
	}
	in := pricingInput() // fulfilment 2.5, per-order 0
	in.PerOrderFee = decimal.RequireFromString("0.3")
	// landed under the old meaning: goods 5 + freight 2 + duty 0.5 + 2.5 + 0.3 = 10.30
	if _, err := s.db.Exec(`INSERT INTO quotes (product_sku, market, inputs, landed_cents) VALUES ('X', 'US', ?, 1030)`,
		string(in.QuoteJSON())); err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.Exec("UPDATE quotes" + update); err != nil {
		t.Fatal(err)
	}
	var landed int64
	if err := s.db.QueryRow("SELECT landed_cents FROM quotes WHERE product_sku = 'X'").Scan(&landed); err != nil {
		t.Fatal(err)
	}
	if want := in.Compute().Landed.Shift(2).IntPart(); landed != want || landed != 750 {
		t.Errorf("landed_cents = %d, want %d (7.50)", landed, want)
	}
}
