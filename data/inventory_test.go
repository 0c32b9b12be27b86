package data

import (
	"context"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/seller-assistant/seller-assistant/app"
)

// TestReplenishInputsFromImports: demand comes from the imported orders' SKU
// column (UCI StockCode, Shopify Lineitem sku), cancellations left out, the
// as-of day and later left out, days without sales 0; stock sums warehouses;
// lead time is production + the default channel's slowest transit.
func TestReplenishInputsFromImports(t *testing.T) {
	s, _ := newWorkspace(t)
	ctx := context.Background()
	uci := writeOrderFile(t, "uci.csv", []byte("InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n"+
		"1,A,x,2,2026-02-26 10:00:00,1.50,100.0,US\n"+ // window day 1 (of 3: 26, 27, 28 Feb)
		"2,A,x,3,2026-02-26 23:59:59,1.50,101,US\n"+ // same day: 5
		"C2,A,x,-3,2026-02-27 09:00:00,1.50,101,US\n"+ // a cancellation: left out
		"3,A,x,-1,2026-02-27 09:00:00,1.50,101,US\n"+ // a negative quantity: left out
		"4,A,x,4,2026-02-28 08:00:00,1.50,102,US\n"+ // window day 3
		"5,A,x,9,2026-03-01 00:00:00,1.50,102,US\n"+ // the as-of day: left out
		"6,A,x,9,2026-02-25 23:59:59,1.50,102,US\n"+ // before the window
		"7,OLD,x,1,2025-01-01 08:00:00,1.50,102,US\n"+ // sold long ago: a row, no demand
		"C8,GONE,x,-1,2026-02-27 08:00:00,1.50,102,US\n"+ // only cancelled: no row
		"9,,x,5,2026-02-27 08:00:00,1.50,102,US\n")) // no SKU: cannot be planned
	if _, err := s.ImportOrders(ctx, app.ImportOptions{Path: uci}, nil); err != nil {
		t.Fatal(err)
	}
	shopify := writeOrderFile(t, "shopify.csv", []byte("Name,Email,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem sku,Shipping Country,Cancelled at\n"+
		"#1001,a@x.com,2026-02-27 10:00:00 +0000,7,Lamp,9.99,B,US,\n"+
		"#1002,b@x.com,2026-02-27 11:00:00 +0000,5,Lamp,9.99,B,US,2026-02-27 12:00:00 +0000\n")) // cancelled
	if _, err := s.ImportOrders(ctx, app.ImportOptions{Path: shopify}, nil); err != nil {
		t.Fatal(err)
	}
	fba := writeOrderFile(t, "fba.tsv", []byte("sku\tfnsku\tasin\tproduct-name\tcondition\tyour-price\tmfn-listing-exists\tmfn-fulfillable-quantity\t"+
		"afn-listing-exists\tafn-warehouse-quantity\tafn-fulfillable-quantity\tafn-unsellable-quantity\tafn-reserved-quantity\t"+
		"afn-total-quantity\tper-unit-volume\tafn-inbound-working-quantity\tafn-inbound-shipped-quantity\tafn-inbound-receiving-quantity\n"+
		"A\tX1\tB01\tThing\tNew\t9.99\tNo\t\tYes\t50\t40\t1\t2\t50\t0.1\t1\t2\t3\n"+
		"STOCKONLY\tX2\tB02\tOther\tNew\t9.99\tYes\t5\tYes\t10\t10\t0\t0\t10\t0.1\t0\t0\t0\n"))
	res, err := s.ImportStock(ctx, app.StockImportOptions{Path: fba})
	if err != nil || res.Format != app.StockFormatAmazon || res.Imported != 2 {
		t.Fatalf("fba import: %+v %v", res, err)
	}
	simple := writeOrderFile(t, "stock.csv", []byte("sku,warehouse,on_hand,inbound\nA,US-3PL,10,100\n"))
	if _, err := s.ImportStock(ctx, app.StockImportOptions{Path: simple}); err != nil {
		t.Fatal(err)
	}
	// Importing both again replaces, never doubles.
	for _, p := range []string{fba, simple} {
		if _, err := s.ImportStock(ctx, app.StockImportOptions{Path: p}); err != nil {
			t.Fatal(err)
		}
	}
	// A: production 20 days + channel days_max 35.
	ch, err := s.db.ExecContext(ctx, `INSERT INTO logistics_channels (name, type, days_min, days_max) VALUES ('Sea', 'fba', 25, 35)`)
	if err != nil {
		t.Fatal(err)
	}
	chID, _ := ch.LastInsertId()
	if _, err := s.db.ExecContext(ctx, `INSERT INTO products (sku, production_days, default_channel_id) VALUES ('A', 20, ?), ('B', 12, NULL)`, chID); err != nil {
		t.Fatal(err)
	}

	o := app.DefaultReplenishOptions(time.Date(2026, 3, 1, 15, 0, 0, 0, time.UTC))
	o.WindowDays = 3
	ins, err := s.ReplenishInputs(ctx, o)
	if err != nil {
		t.Fatal(err)
	}
	want := []app.ReplenishInput{
		{SKU: "A", OnHand: 40 + 10, Inbound: 6 + 100, LeadTimeDays: 55, Daily: []int64{5, 0, 4}},
		{SKU: "B", LeadTimeDays: 12, Daily: []int64{0, 7, 0}},
		{SKU: "OLD", LeadTimeDays: app.DefaultLeadTimeDays, Daily: []int64{0, 0, 0}},
		{SKU: "STOCKONLY", OnHand: 15, LeadTimeDays: app.DefaultLeadTimeDays, Daily: []int64{0, 0, 0}},
	}
	if !reflect.DeepEqual(ins, want) {
		t.Errorf("inputs:\n got %+v\nwant %+v", ins, want)
	}
	levels, err := s.StockLevels(ctx)
	if err != nil || len(levels) != 3 || levels[0].SKU != "A" || levels[0].Warehouse != "FBA" || levels[0].Reserved != 2 || levels[0].Unsellable != 1 {
		t.Errorf("levels %+v %v", levels, err)
	}
}

// TestImportStockBadRowsChangeNothing: one bad row refuses the whole file,
// naming every bad row by line and field.
func TestImportStockBadRowsChangeNothing(t *testing.T) {
	s, _ := newWorkspace(t)
	ctx := context.Background()
	good := writeOrderFile(t, "good.csv", []byte("sku,warehouse,on_hand,inbound\nA,W,1,2\n"))
	if _, err := s.ImportStock(ctx, app.StockImportOptions{Path: good}); err != nil {
		t.Fatal(err)
	}
	bad := writeOrderFile(t, "bad.csv", []byte("sku,warehouse,on_hand,inbound\nA,W,5,5\nB,W,-2,0\n\nC,,1,1\nD,W,1,x\n"))
	res, err := s.ImportStock(ctx, app.StockImportOptions{Path: bad})
	if app.ErrorCode(err) != app.EInvalid || len(res.BadRows) != 3 {
		t.Fatalf("bad file: %+v %v", res, err)
	}
	got := []string{}
	for _, b := range res.BadRows {
		got = append(got, strings.Join([]string{strconv.Itoa(b.Row), b.Field, b.Value}, ":"))
	}
	if want := []string{"3:on_hand:-2", "5:warehouse:", "6:inbound:x"}; !reflect.DeepEqual(got, want) {
		t.Errorf("bad rows %v, want %v", got, want)
	}
	if msg := app.English().Message(err); !strings.Contains(msg, "line 3") || !strings.Contains(msg, "on_hand") {
		t.Errorf("message %q names no line and field", msg)
	}
	levels, _ := s.StockLevels(ctx)
	if len(levels) != 1 || levels[0].OnHand != 1 {
		t.Errorf("a refused file changed the stock: %+v", levels)
	}
	missing := writeOrderFile(t, "missing.csv", []byte("sku,on_hand\nA,1\n"))
	if _, err := s.ImportStock(ctx, app.StockImportOptions{Path: missing}); app.ErrorCode(err) != app.EInvalid {
		t.Errorf("missing columns accepted: %v", err)
	}
}
