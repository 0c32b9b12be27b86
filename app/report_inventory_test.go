package app_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/seller-assistant/seller-assistant/app"
	"github.com/seller-assistant/seller-assistant/app/mock"
)

func TestInventoryReportSection(t *testing.T) {
	flat := func(d int64) []int64 {
		out := make([]int64, 28)
		for i := range out {
			out[i] = d
		}
		return out
	}
	ws := &mock.Workspace{InventoryStore: &mock.InventoryStore{
		ReplenishInputsFn: func(o app.ReplenishOptions) ([]app.ReplenishInput, error) {
			if o.ActiveOnly || o.WindowDays != 28 || o.ServiceLevel != 0.95 {
				t.Errorf("the report plans with other options than the command's defaults: %+v", o)
			}
			return []app.ReplenishInput{
				{SKU: "OK-1", OnHand: 500, LeadTimeDays: 20, Daily: flat(2)},
				{SKU: "IDLE", OnHand: 9, LeadTimeDays: 20, Daily: flat(0)},
				{SKU: "LOW-1", OnHand: 12, LeadTimeDays: 20, Daily: flat(3)},
				{SKU: "GONE", OnHand: 0, LeadTimeDays: 20, Daily: flat(1)}, // most urgent, but nothing to project
			}, nil
		},
	}}
	r, err := app.BuildReport(context.Background(), ws, app.English(), time.Now())
	if err != nil {
		t.Fatal(err)
	}
	var sec *app.ReportSection
	for i := range r.Sections {
		if r.Sections[i].ID == "inventory" {
			sec = &r.Sections[i]
		}
	}
	if sec == nil {
		t.Fatal("no inventory section")
	}
	for _, c := range sec.Charts {
		if err := c.Validate(); err != nil || c.Empty() {
			t.Errorf("chart %s: %v (empty %v)", c.ID, err, c.Empty())
		}
	}
	if len(sec.Charts) != 3 || sec.Charts[2].ID != "inventory-projection-LOW-1" {
		t.Errorf("charts %d, last %s: want the most urgent SKU's projection", len(sec.Charts), sec.Charts[len(sec.Charts)-1].ID)
	}
	var skus []string
	for _, row := range sec.Tables[0].Rows {
		skus = append(skus, row[0]+":"+row[7])
	}
	if got := strings.Join(skus, " "); got != "GONE:Reorder LOW-1:Reorder OK-1:OK IDLE:No sales" {
		t.Errorf("plan order %s", got)
	}
	// LOW-1: 3 a day, σ 0, lead 20: cover 12 ÷ 3 = 4 days, stockout in 4
	// days, reorder point 60, quantity 3 × (20 + 14) − 12 = 90.
	want := []string{"LOW-1", "12", "0", "4.0", app.DayOf(time.Now()).AddDate(0, 0, 4).Format(time.DateOnly), "60.0", "90", "Reorder"}
	if got := sec.Tables[0].Rows[1]; strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("row %q, want %q", got, want)
	}
}

// TestInventoryDynamicKeys: keys built from statuses, reasons, formats and
// columns exist in both languages.
func TestInventoryDynamicKeys(t *testing.T) {
	var keys []string
	add := func(prefix string, vals ...string) {
		for _, v := range vals {
			keys = append(keys, prefix+v)
		}
	}
	add("inventory.status.", app.StatusReorder, app.StatusOK, app.StatusNoSales)
	add("inventory.how.status.", app.StatusReorder, app.StatusOK)
	add("inventory.reason.", "no_sku", "no_warehouse", "bad_quantity")
	add("inventory.format.", app.StockFormatAmazon, app.StockFormatSimple)
	add("inventory.col.", "sku", "on_hand", "inbound", "days_of_cover", "stockout_date", "reorder_point", "reorder_qty", "status")
	add("inventory.po.", app.PurchaseOrderHeader...)
	for _, l := range app.Langs {
		loc := app.NewLocalizer(l)
		for _, k := range keys {
			if !loc.Has(k) {
				t.Errorf("%s: missing %s", l, k)
			}
		}
	}
}

// TestInventoryReportStorage: with stocked SKUs the section gains the months
// chart and the storage table, aged SKUs first, with the app's figures.
func TestInventoryReportStorage(t *testing.T) {
	d := func(s string) decimal.Decimal { return decimal.RequireFromString(s) }
	now := time.Now()
	asOf := app.DayOf(now)
	fee := func(season string, price string) app.StorageFee {
		return app.StorageFee{Type: app.FeeMonthly, Kind: app.LocationMarketplace, Location: "US", SizeTier: app.TierStandard, Season: season,
			VolumeUnit: app.UnitCubicFoot, Currency: "USD", Price: d(price), ValidFrom: ymd(2020, 1, 1)}
	}
	fees := []app.StorageFee{fee(app.SeasonJanSep, "0.75"), fee(app.SeasonOctDec, "2.40"),
		{Type: app.FeeAged, Kind: app.LocationMarketplace, Location: "US", MinAgeDays: 181, VolumeUnit: app.UnitCubicFoot, Currency: "USD", Price: d("0.50"), ValidFrom: ymd(2020, 1, 1)}}
	oneFt3 := app.StorageProfile{EnteredCm3: d("28316.846592")}
	ins := []app.StorageInput{
		{SKU: "FRESH", Profile: oneFt3, DefaultLocation: "US", OnHand: 120, UnitsInWindow: 56},
		{SKU: "OLD", Profile: oneFt3, DefaultLocation: "US", OnHand: 30, UnitsInWindow: 28,
			Received: []app.InboundShipment{{SKU: "OLD", Quantity: 30, ArrivesOn: asOf.AddDate(0, 0, -200), Received: true}}},
	}
	ws := &mock.Workspace{StorageStore: &mock.StorageStore{
		StorageFeesFn:   func() ([]app.StorageFee, error) { return fees, nil },
		StorageInputsFn: func(app.StorageOptions) ([]app.StorageInput, error) { return ins, nil },
	}}
	r, err := app.BuildReport(context.Background(), ws, app.English(), now)
	if err != nil {
		t.Fatal(err)
	}
	var sec *app.ReportSection
	for i := range r.Sections {
		if r.Sections[i].ID == "inventory" {
			sec = &r.Sections[i]
		}
	}
	if sec == nil || len(sec.Tables) != 2 {
		t.Fatalf("section %+v", sec)
	}
	var months *app.Chart
	for i := range sec.Charts {
		if sec.Charts[i].ID == "inventory-months" {
			months = &sec.Charts[i]
		}
	}
	// FRESH: 120 ÷ 60 a month = 2; OLD: 30 ÷ 30 = 1. OLD's 30 units are
	// 200 days old: aged, surcharge 30 × 1 ft³ × $0.50 = $15.00.
	if months == nil || months.Validate() != nil || strings.Join(months.Categories, ",") != "OLD,FRESH" || months.Series[0].Values[1] != 2 {
		t.Errorf("months chart %+v", months)
	}
	want := app.StorageCost(ins[1], fees, app.DefaultStorageOptions(now))
	per := want.StoragePerUnit.StringFixed(2) + " USD"
	rows := sec.Tables[1].Rows
	if len(rows) != 2 || rows[0][0] != "OLD" || rows[0][6] != "30" || rows[0][7] != "15.00 USD" || rows[0][5] != per || rows[1][6] != "0" {
		t.Errorf("storage table %q (want OLD's storage per unit %s)", rows, per)
	}
}
