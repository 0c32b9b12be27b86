package data

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/seller-assistant/seller-assistant/app"
)

// TestStorageDefaultsSeeded: a new workspace has Amazon's US and JP rows,
// and the US standard Jan–Sep fee is the one in force in June.
func TestStorageDefaultsSeeded(t *testing.T) {
	s, _ := newWorkspace(t)
	ctx := context.Background()
	fees, err := s.StorageFees(ctx)
	if err != nil {
		t.Fatal(err)
	}
	monthly, aged := 0, 0
	for _, f := range fees {
		if err := f.Validate(); err != nil {
			t.Errorf("seeded row %+v: %v", f, err)
		}
		if f.Type == app.FeeMonthly {
			monthly++
		} else {
			aged++
		}
	}
	if monthly != 6 || aged != 7 {
		t.Errorf("seeded %d monthly and %d aged rows, want 6 and 7", monthly, aged)
	}
	f, ok := app.MonthlyFee(fees, "US", app.TierStandard, time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC))
	if !ok || f.VolumeUnit != app.UnitCubicFoot || f.Currency != "USD" || !f.Price.Equal(decimal.RequireFromString("0.75")) {
		t.Errorf("US standard Jan–Sep: %+v %v", f, ok)
	}
	if n, err := s.AgedDays(ctx); err != nil || n != app.DefaultAgedDays {
		t.Errorf("aged days %d %v, want the default", n, err)
	}
}

// TestStorageFeeEdit: add, change, a duplicate key refused as a conflict,
// delete; the threshold is kept; a bad threshold is refused.
func TestStorageFeeEdit(t *testing.T) {
	s, _ := newWorkspace(t)
	ctx := context.Background()
	f := app.StorageFee{Type: app.FeeMonthly, Kind: app.LocationWarehouse, Location: "US-3PL", SizeTier: app.TierStandard,
		Season: app.SeasonJanSep, VolumeUnit: app.UnitCubicMetre, Currency: "USD", Price: decimal.RequireFromString("18.5"),
		ValidFrom: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
	id, err := s.SaveStorageFee(ctx, f)
	if err != nil || id == 0 {
		t.Fatal(id, err)
	}
	f.ID, f.Price = id, decimal.RequireFromString("19")
	if _, err := s.SaveStorageFee(ctx, f); err != nil {
		t.Fatal(err)
	}
	dup := f
	dup.ID = 0
	if _, err := s.SaveStorageFee(ctx, dup); app.ErrorCode(err) != app.EConflict {
		t.Errorf("same key and date twice: %v, want a conflict", err)
	}
	bad := f
	bad.Price = decimal.RequireFromString("-1")
	if _, err := s.SaveStorageFee(ctx, bad); app.ErrorCode(err) != app.EInvalid {
		t.Errorf("negative price: %v", err)
	}
	fees, _ := s.StorageFees(ctx)
	got, ok := app.MonthlyFee(fees, "US-3PL", app.TierStandard, time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC))
	if !ok || !got.Price.Equal(decimal.RequireFromString("19")) || got.Kind != app.LocationWarehouse {
		t.Errorf("edited row: %+v %v", got, ok)
	}
	if err := s.DeleteStorageFee(ctx, id); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteStorageFee(ctx, id); app.ErrorCode(err) != app.ENotFound {
		t.Errorf("deleting twice: %v", err)
	}
	if err := s.SetAgedDays(ctx, 200); err != nil {
		t.Fatal(err)
	}
	if n, _ := s.AgedDays(ctx); n != 200 {
		t.Errorf("aged days %d, want 200", n)
	}
	if err := s.SetAgedDays(ctx, 0); app.ErrorCode(err) != app.EInvalid {
		t.Errorf("threshold 0: %v", err)
	}
}

// TestStorageInputsAndCost: on hand over warehouses, window demand without
// cancellations, the FBA report's volume, the product's size, the default
// FBA channel's market, received shipments for the age, and the cost the
// rules make of them.
func TestStorageInputsAndCost(t *testing.T) {
	s, _ := newWorkspace(t)
	ctx := context.Background()
	uci := writeOrderFile(t, "uci.csv", []byte("InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n"+
		"1,A,x,30,2026-06-05 10:00:00,1.50,100,US\n"+
		"2,A,x,26,2026-06-20 10:00:00,1.50,100,US\n"+
		"C3,A,x,-5,2026-06-21 10:00:00,1.50,100,US\n"+ // a cancellation: left out
		"4,A,x,99,2026-07-01 10:00:00,1.50,100,US\n")) // the as-of day: left out
	if _, err := s.ImportOrders(ctx, app.ImportOptions{Path: uci}, nil); err != nil {
		t.Fatal(err)
	}
	// B has no catalogue size: its volume is the report's 0.5 ft³.
	fba := writeOrderFile(t, "fba.tsv", []byte("sku\tafn-fulfillable-quantity\tmfn-fulfillable-quantity\tper-unit-volume\n"+
		"A\t100\t\t0.9\n"+
		"B\t30\t\t0.5\n"))
	if _, err := s.ImportStock(ctx, app.StockImportOptions{Path: fba}); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveStockLevel(ctx, app.StockLevel{SKU: "A", Warehouse: "Shenzhen", OnHand: 20}); err != nil {
		t.Fatal(err)
	}
	ch, err := s.db.ExecContext(ctx, `INSERT INTO logistics_channels (name, type, market, days_max) VALUES ('FBA JP', 'fba', 'JP', 30)`)
	if err != nil {
		t.Fatal(err)
	}
	chID, _ := ch.LastInsertId()
	// A: 30 × 20 × 10 cm = 6000 cm³ (the catalogue wins over the report's 0.9 ft³).
	if _, err := s.db.ExecContext(ctx, `INSERT INTO products (sku, length_mm, width_mm, height_mm, weight_g, default_channel_id)
		VALUES ('A', 300, 200, 100, 1000, ?)`, chID); err != nil {
		t.Fatal(err)
	}
	asOf := time.Date(2026, 7, 1, 0, 0, 0, 0, time.UTC)
	for _, sh := range []app.InboundShipment{
		{SKU: "A", Quantity: 100, ShippedOn: asOf.AddDate(0, 0, -260), ArrivesOn: asOf.AddDate(0, 0, -200), Received: true},
		{SKU: "A", Quantity: 80, ShippedOn: asOf.AddDate(0, 0, -60), ArrivesOn: asOf.AddDate(0, 0, -30), Received: true},
		{SKU: "A", Quantity: 500, ShippedOn: asOf.AddDate(0, 0, -5), ArrivesOn: asOf.AddDate(0, 0, 20)}, // on its way
	} {
		if _, err := s.SaveShipment(ctx, sh); err != nil {
			t.Fatal(err)
		}
	}
	o := app.DefaultStorageOptions(asOf)
	ins, err := s.StorageInputs(ctx, o)
	if err != nil {
		t.Fatal(err)
	}
	if len(ins) != 2 || ins[0].SKU != "A" || ins[1].SKU != "B" {
		t.Fatalf("inputs %+v", ins)
	}
	a, b := ins[0], ins[1]
	if a.OnHand != 120 || a.UnitsInWindow != 56 || a.DefaultLocation != "JP" || a.Product == nil || len(a.Received) != 2 {
		t.Errorf("A: on hand %d, window units %d, location %q, product %v, received %d", a.OnHand, a.UnitsInWindow, a.DefaultLocation,
			a.Product != nil, len(a.Received))
	}
	if !b.Profile.ReportFt3.Equal(decimal.RequireFromString("0.5")) || b.Product != nil || b.DefaultLocation != "" {
		t.Errorf("B: %+v", b)
	}
	fees, _ := s.StorageFees(ctx)
	la := app.StorageCost(a, fees, o)
	// 0.006 m³ × ¥5160 = ¥30.96 a month; 56 units in 28 days = 60 a month;
	// 120 on hand = 2 months; ¥61.92 a unit. FIFO leaves 80 units 30 days
	// old and 40 of 200 days: 40 aged.
	if la.VolumeSource != app.VolumeProduct || !la.StoragePerUnit.Equal(decimal.RequireFromString("61.92")) || la.AgedUnits != 40 {
		t.Errorf("A: %+v", la)
	}
	// The user puts B in the US and enters its volume: entered wins.
	if err := s.SaveStorageProfile(ctx, app.StorageProfile{SKU: "B", Location: "US", EnteredCm3: decimal.RequireFromString("28316.846592")}); err != nil {
		t.Fatal(err)
	}
	ins, _ = s.StorageInputs(ctx, o)
	lb := app.StorageCost(ins[1], fees, o)
	if lb.Location != "US" || lb.VolumeSource != app.VolumeEntered || !lb.MonthlyPerUnit.Equal(decimal.RequireFromString("0.75")) || lb.HasDemand {
		t.Errorf("B: %+v", lb)
	}
	if !ins[1].Profile.ReportFt3.Equal(decimal.RequireFromString("0.5")) {
		t.Errorf("saving the entries lost the report's volume: %+v", ins[1].Profile)
	}
	if err := s.SaveStorageProfile(ctx, app.StorageProfile{SKU: "B", SizeTier: "huge"}); app.ErrorCode(err) != app.EInvalid {
		t.Errorf("bad tier: %v", err)
	}
}

// TestDemoStorage: the demo's stocked SKUs have fee rows for their market,
// exactly one SKU carries aged units (the overstocked one, two thirds of
// its stock 230 days old), and the others get a storage cost.
func TestDemoStorage(t *testing.T) {
	now := time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC)
	s, err := CreateDemo(context.Background(), filepath.Join(t.TempDir(), "demo.sellerdb"), now)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	v, err := app.LoadStorage(ctx, s, app.DefaultStorageOptions(now))
	if err != nil {
		t.Fatal(err)
	}
	aged := v.AgedLines()
	if len(aged) != 1 {
		t.Fatalf("aged SKUs %+v, want one", aged)
	}
	a := aged[0]
	if a.AgedUnits != a.OnHand*2/3 || a.OldestDays != 230 || !a.AgedSurcharge.IsPositive() {
		t.Errorf("aged SKU %s: %d of %d aged, oldest %d, surcharge %s", a.SKU, a.AgedUnits, a.OnHand, a.OldestDays, a.AgedSurcharge)
	}
	// It is the overstocked SKU of the plan: more than 300 days of cover.
	o := app.DefaultReplenishOptions(now)
	ins, _ := s.ReplenishInputs(ctx, o)
	for _, r := range app.ReplenishAll(ins, o) {
		if r.SKU == a.SKU && !(r.HasDemand() && r.DaysOfCover > 300) {
			t.Errorf("the aged SKU %s is not the overstocked one: %+v", a.SKU, r)
		}
	}
	costed := 0
	for _, l := range v.Lines {
		if !l.HasFee {
			t.Errorf("%s: no fee row for %q %s", l.SKU, l.Location, l.SizeTier)
		}
		if l.HasCost {
			costed++
		}
	}
	if costed < 5 {
		t.Errorf("%d of %d SKUs with a storage cost", costed, len(v.Lines))
	}
	t.Logf("demo storage: %d SKUs, %d costed; aged %s: %d units, surcharge %s %s", len(v.Lines), costed, a.SKU, a.AgedUnits, a.AgedSurcharge, a.Fee.Currency)
}

// TestImportStockBadVolume: a per-unit-volume that is not a number is a bad
// row named by line and field, and nothing of the file is written.
func TestImportStockBadVolume(t *testing.T) {
	s, _ := newWorkspace(t)
	ctx := context.Background()
	fba := writeOrderFile(t, "fba.tsv", []byte("sku\tafn-fulfillable-quantity\tper-unit-volume\n"+
		"A\t10\t0.2\n"+
		"B\t5\tbig\n"))
	res, err := s.ImportStock(ctx, app.StockImportOptions{Path: fba})
	if app.ErrorCode(err) != app.EInvalid || len(res.BadRows) != 1 {
		t.Fatalf("import: %+v %v", res, err)
	}
	if b := res.BadRows[0]; b.Row != 3 || b.Field != "per-unit-volume" || b.Value != "big" || b.Reason != "bad_volume" {
		t.Errorf("bad row %+v", b)
	}
	levels, _ := s.StockLevels(ctx)
	var n int
	s.db.QueryRowContext(ctx, `SELECT count(*) FROM sku_storage`).Scan(&n)
	if len(levels) != 0 || n != 0 {
		t.Errorf("a refused file wrote %d stock rows and %d volumes", len(levels), n)
	}
}
