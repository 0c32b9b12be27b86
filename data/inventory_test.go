package data

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

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
		{SKU: "A", OnHand: 40 + 10, Inbound: 6 + 100, LeadTimeDays: 55, ProductionDays: 20, Daily: []int64{5, 0, 4}},
		{SKU: "B", LeadTimeDays: 12, ProductionDays: 12, Daily: []int64{0, 7, 0}},
		{SKU: "OLD", LeadTimeDays: app.DefaultLeadTimeDays, Daily: []int64{0, 0, 0}},
		{SKU: "STOCKONLY", OnHand: 15, LeadTimeDays: app.DefaultLeadTimeDays, Daily: []int64{0, 0, 0}},
	}
	if !reflect.DeepEqual(ins, want) {
		t.Errorf("inputs:\n got %+v\nwant %+v", ins, want)
	}
	// ActiveOnly (the dashboard) drops OLD: no stock, no sale in the window.
	o.ActiveOnly = true
	if ins, err = s.ReplenishInputs(ctx, o); err != nil || len(ins) != 3 || ins[2].SKU != "STOCKONLY" {
		t.Errorf("active only: %+v %v", ins, err)
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

// TestShipmentsStockEditAndPurchaseOrder: open shipments add to inbound
// until received; a hand-edited stock row replaces by key; the purchase
// order is written whole as CSV (formula-safe) or XLSX, mode 0600.
func TestShipmentsStockEditAndPurchaseOrder(t *testing.T) {
	s, _ := newWorkspace(t)
	ctx := context.Background()
	day := func(d int) time.Time { return time.Date(2026, 3, d, 0, 0, 0, 0, time.UTC) }
	if err := s.SaveStockLevel(ctx, app.StockLevel{SKU: "A", Warehouse: "US-3PL", OnHand: 5}); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveStockLevel(ctx, app.StockLevel{SKU: "A", Warehouse: "US-3PL", OnHand: 8, Inbound: 2}); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveStockLevel(ctx, app.StockLevel{SKU: "A", Warehouse: "US-3PL", OnHand: -1}); app.ErrorCode(err) != app.EInvalid {
		t.Errorf("negative stock saved: %v", err)
	}
	id, err := s.SaveShipment(ctx, app.InboundShipment{SKU: "A", Warehouse: "US-3PL", Quantity: 300, ShippedOn: day(1), ArrivesOn: day(30)})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.SaveShipment(ctx, app.InboundShipment{SKU: "A", Quantity: 1, ShippedOn: day(5), ArrivesOn: day(1)}); app.ErrorCode(err) != app.EInvalid {
		t.Errorf("arrival before shipping saved: %v", err)
	}
	o := app.DefaultReplenishOptions(day(2))
	ins, err := s.ReplenishInputs(ctx, o)
	if err != nil || len(ins) != 1 || ins[0].OnHand != 8 || ins[0].Inbound != 302 {
		t.Fatalf("with the shipment: %+v %v", ins, err)
	}
	open, err := s.OpenShipments(ctx)
	if err != nil || len(open) != 1 || open[0].ID != id || !open[0].ArrivesOn.Equal(day(30)) {
		t.Fatalf("open shipments %+v %v", open, err)
	}
	open[0].Received = true
	if _, err := s.SaveShipment(ctx, open[0]); err != nil {
		t.Fatal(err)
	}
	if ins, _ = s.ReplenishInputs(ctx, o); ins[0].Inbound != 2 {
		t.Errorf("a received shipment still counts as inbound: %+v", ins[0])
	}
	if err := s.DeleteShipment(ctx, id); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteShipment(ctx, id); app.ErrorCode(err) != app.ENotFound {
		t.Errorf("deleting twice: %v", err)
	}

	lines := []app.PurchaseLine{{Supplier: "Ningbo", SKU: "=A", Name: "Cup", ReorderQty: 101, CartonUnits: 50, Cartons: 3, Quantity: 150}}
	dir := t.TempDir()
	csvPath := filepath.Join(dir, "po.csv")
	if err := s.ExportPurchaseOrder(ctx, csvPath, lines); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(csvPath)
	if want := "\ufeffsupplier,sku,name,reorder_qty,carton_units,cartons,order_qty\nNingbo,'=A,Cup,101,50,3,150\n"; string(b) != want {
		t.Errorf("csv %q, want %q", b, want)
	}
	xlsxPath := filepath.Join(dir, "po.xlsx")
	if err := s.ExportPurchaseOrder(ctx, xlsxPath, lines); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{csvPath, xlsxPath} {
		if st, err := os.Stat(p); err != nil || st.Mode().Perm() != 0o600 {
			t.Errorf("%s: %v %v", p, st.Mode(), err)
		}
	}
	f, err := excelize.OpenFile(xlsxPath)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if v, _ := f.GetCellValue("Sheet1", "G2"); v != "150" {
		t.Errorf("order qty cell %q", v)
	}
	if err := s.ExportPurchaseOrder(ctx, filepath.Join(dir, "missing", "po.csv"), lines); app.ErrorCode(err) != app.EFile {
		t.Errorf("unwritable path: %v", err)
	}
	// Never over the open workspace.
	if err := s.ExportPurchaseOrder(ctx, s.path, lines); app.ErrorCode(err) != app.EInvalid {
		t.Errorf("export over the workspace: %v", err)
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".po*")); len(left) != 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

// TestDemoInventory: the demo's stock agrees with its own orders: a few SKUs
// near stockout, one overstocked, one in transit by sea, the rest ok.
func TestDemoInventory(t *testing.T) {
	now := time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC)
	s := sharedDemo(t, now)
	ctx := context.Background()
	o := app.DefaultReplenishOptions(now)
	ins, err := s.ReplenishInputs(ctx, o)
	if err != nil {
		t.Fatal(err)
	}
	rows := app.ReplenishAll(ins, o)
	count := map[string]int{}
	soon, over := 0, 0
	for _, r := range rows {
		count[r.Status]++
		if r.HasDemand() && r.StockoutDate.Before(o.AsOf.AddDate(0, 0, 7)) {
			soon++
		}
		if r.HasDemand() && r.DaysOfCover > 300 {
			over++
		}
		if r.LeadTimeDays == app.DefaultLeadTimeDays {
			t.Errorf("%s has no lead time from the catalogue", r.SKU)
		}
	}
	ships, err := s.OpenShipments(ctx)
	if err != nil || len(ships) != 1 {
		t.Fatalf("shipments %+v %v", ships, err)
	}
	if soon < 3 || over != 1 || count[app.StatusReorder] < 3 || count[app.StatusOK] < 3 {
		t.Errorf("statuses %v, %d out within a week, %d overstocked", count, soon, over)
	}
	cartons, err := s.CartonUnits(ctx)
	if err != nil || len(cartons) == 0 {
		t.Errorf("cartons %v %v", cartons, err)
	}
	t.Logf("demo plan: %v, %d out within a week, shipment %s × %d arriving %s", count, soon, ships[0].SKU, ships[0].Quantity, ships[0].ArrivesOn.Format(time.DateOnly))
}

// TestImportStockXLSXAndEncodings: the simple layout from a spreadsheet and
// from a GB18030 CSV (what Chinese Excel saves), through the order files'
// reader.
func TestImportStockXLSXAndEncodings(t *testing.T) {
	s, _ := newWorkspace(t)
	ctx := context.Background()
	f := excelize.NewFile()
	for i, row := range [][]any{{"SKU", "Warehouse", "On hand", "Inbound", "Reserved"}, {"HL-1", "US-3PL", 12, 30, 2}, {"HL-2", "US-3PL", 0, 5}} {
		if err := f.SetSheetRow("Sheet1", "A"+strconv.Itoa(i+1), &row); err != nil {
			t.Fatal(err)
		}
	}
	x := filepath.Join(t.TempDir(), "stock.xlsx")
	if err := f.SaveAs(x); err != nil {
		t.Fatal(err)
	}
	res, err := s.ImportStock(ctx, app.StockImportOptions{Path: x})
	if err != nil || res.Imported != 2 || res.Format != app.StockFormatSimple {
		t.Fatalf("xlsx: %+v %v", res, err)
	}
	gb := writeOrderFile(t, "gb.csv", []byte("sku,warehouse,on_hand,inbound\nHL-3,\xc9\xee\xdb\xda,7,0\n")) // 深圳 in GBK
	if _, err := s.ImportStock(ctx, app.StockImportOptions{Path: gb}); err != nil {
		t.Fatal(err)
	}
	levels, _ := s.StockLevels(ctx)
	got := []string{}
	for _, l := range levels {
		got = append(got, l.SKU+"@"+l.Warehouse+":"+strconv.FormatInt(l.OnHand, 10)+"+"+strconv.FormatInt(l.Inbound, 10)+"r"+strconv.FormatInt(l.Reserved, 10))
	}
	if want := []string{"HL-1@US-3PL:12+30r2", "HL-2@US-3PL:0+5r0", "HL-3@深圳:7+0r0"}; !reflect.DeepEqual(got, want) {
		t.Errorf("levels %v, want %v", got, want)
	}
}
