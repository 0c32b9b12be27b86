package main

import (
	"bytes"
	"context"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/seller-assistant/seller-assistant/app"
	"github.com/seller-assistant/seller-assistant/data"
)

// TestCLIStorage runs `storage` end to end with worked numbers: orders and
// the FBA report imported by the CLI, the location and two received
// shipments written through the store.
func TestCLIStorage(t *testing.T) {
	loadCustomerTranslations(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "shop.sellerdb")
	// 56 units of A in the 28 days before 1 July (the cancellation and the
	// as-of day left out): 60 a month.
	orders := writeFile(t, filepath.Join(dir, "orders.csv"), "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n"+
		"1,A,Cup,30,2026-06-05 10:00:00,5.00,1.0,United States\n"+
		"2,A,Cup,26,2026-06-20 10:00:00,5.00,2.0,United States\n"+
		"C3,A,Cup,-4,2026-06-21 11:00:00,5.00,2.0,United States\n"+
		"4,A,Cup,9,2026-07-01 08:00:00,5.00,3.0,United States\n")
	// The report says A is 1 ft³ a unit; B has no volume.
	report := writeFile(t, filepath.Join(dir, "fba.tsv"), "sku\tafn-fulfillable-quantity\tmfn-fulfillable-quantity\tper-unit-volume\n"+
		"A\t120\t\t1\nB\t5\t\t\n")
	var out, errOut bytes.Buffer
	for _, args := range [][]string{{"import", "orders", orders}, {"inventory", "import", report, "--warehouse", "FBA-US"}} {
		if code := runCommand(db, args, &out, &errOut); code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, errOut.String())
		}
	}
	ctx := context.Background()
	s, err := data.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	asOf := time.Date(2026, 7, 1, 0, 0, 0, 0, time.UTC)
	for _, sh := range []app.InboundShipment{
		{SKU: "A", Quantity: 100, ShippedOn: asOf.AddDate(0, 0, -230), ArrivesOn: asOf.AddDate(0, 0, -200), Received: true},
		{SKU: "A", Quantity: 80, ShippedOn: asOf.AddDate(0, 0, -40), ArrivesOn: asOf.AddDate(0, 0, -30), Received: true},
	} {
		if _, err := s.SaveShipment(ctx, sh); err != nil {
			t.Fatal(err)
		}
	}
	for _, sku := range []string{"A", "B"} {
		if err := s.SaveStorageProfile(ctx, app.StorageProfile{SKU: sku, Location: "US"}); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()

	csvPath := filepath.Join(dir, "storage.csv")
	out.Reset()
	if code := runCommand(db, []string{"storage", "--as-of", "2026-07-01", "--out", csvPath}, &out, &errOut); code != 0 {
		t.Fatalf("storage: exit %d: %s", code, errOut.String())
	}
	if !strings.Contains(out.String(), "2 stocked SKUs as of 2026-07-01: 1 with units aged 181 days or more, 1 without a storage cost") {
		t.Errorf("stdout %q", out.String())
	}
	// A: 1 ft³ × $0.75 (US standard, Jan–Sep) = $0.75 a month; 120 on hand ÷
	// 60 a month = 2 months: $1.50 a unit. FIFO leaves the 80 units of 30
	// days and 40 of the 200-day shipment: 40 aged, surcharge 40 × 1 ft³ ×
	// $0.50 (the 181–210 day band) = $20.00.
	want := [][]string{
		app.StorageHeader,
		{"A", "US", "standard", "28316.85", "report", "jan_sep", "0.75", "ft3", "USD", "2024-01-01", "0.75", "120", "60", "2", "1.50",
			"40", "0", "200", "20.00"},
		{"B", "US", "", "", "", "jan_sep", "", "", "", "", "", "5", "", "", "", "0", "5", "", "0.00"},
	}
	if got := readCSV(t, csvPath); !reflect.DeepEqual(got, want) {
		t.Errorf("storage:\n got %q\nwant %q", got, want)
	}
	// A higher threshold silences the warning, not Amazon's surcharge.
	if code := runCommand(db, []string{"storage", "--as-of", "2026-07-01", "--aged-days", "201", "--out", csvPath}, &out, &errOut); code != 0 {
		t.Fatalf("storage: exit %d: %s", code, errOut.String())
	}
	if rows := readCSV(t, csvPath); rows[1][15] != "0" || rows[1][18] != "20.00" {
		t.Errorf("--aged-days 201: %q", rows[1])
	}
	// The workspace's threshold is the default.
	s, _ = data.Open(ctx, db)
	if err := s.SetAgedDays(ctx, 30); err != nil {
		t.Fatal(err)
	}
	s.Close()
	runCommand(db, []string{"storage", "--as-of", "2026-07-01", "--out", csvPath}, &out, &errOut)
	if rows := readCSV(t, csvPath); rows[1][15] != "120" {
		t.Errorf("threshold 30 days: %q", rows[1])
	}
	// In October the peak fee applies. The 120 days before 1 October hold
	// 30 + 26 + 9 = 65 units: 65 × 30 ÷ 120 = 16.25 a month; 120 ÷ 16.25 =
	// 7.3846… months × $2.40 = $17.72. At the 30-day threshold all 120 units
	// are aged; the surcharge is 40 units of 292 days × 1 ft³ × $3.80 (the
	// 271–300 band) = $152.00; the 80 of 122 days are in no band.
	runCommand(db, []string{"storage", "--as-of", "2026-10-01", "--window-days", "120", "--out", csvPath}, &out, &errOut)
	if rows := readCSV(t, csvPath); rows[1][6] != "2.4" || rows[1][12] != "16.25" || rows[1][13] != "7.3846" ||
		rows[1][14] != "17.72" || rows[1][15] != "120" || rows[1][18] != "152.00" {
		t.Errorf("October: %q", rows[1])
	}
}

func TestCLIStorageBadUse(t *testing.T) {
	loadCustomerTranslations(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "shop.sellerdb")
	var out, errOut bytes.Buffer
	if code := runCommand(db, []string{"demo"}, &out, &errOut); code != 0 {
		t.Fatalf("demo: %s", errOut.String())
	}
	for _, args := range [][]string{
		{"storage"}, // no --out
		{"storage", "--out", filepath.Join(dir, "s.csv"), "--as-of", "1 July"},
		{"storage", "--out", filepath.Join(dir, "s.csv"), "--aged-days", "0"},
		{"storage", "--out", filepath.Join(dir, "s.csv"), "--window-days", "0"},
		{"storage", "--out", db}, // never over the workspace
	} {
		errOut.Reset()
		if code := runCommand(db, args, &out, &errOut); code != 2 {
			t.Errorf("%v: exit %d, want 2: %s", args, code, errOut.String())
		}
	}
}
