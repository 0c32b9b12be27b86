package screens

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/seller-assistant/seller-assistant/app"
	"github.com/seller-assistant/seller-assistant/app/mock"
)

// inventoryWorkspace has three SKUs: A runs low (reorder), B has plenty
// (ok), C has stock and no sales.
func inventoryWorkspace(exported *[]app.PurchaseLine) *mock.Workspace {
	ws := demoWorkspace("/tmp/demo.sellerdb")
	daily := func(q int64) []int64 {
		d := make([]int64, 28)
		for i := range d {
			d[i] = q
		}
		return d
	}
	ws.ChannelsFn = func() ([]app.LogisticsChannel, error) {
		return []app.LogisticsChannel{{ID: 1, Name: "Sea to FBA", DaysMax: 40, VolDivisor: 6000}, {ID: 2, Name: "Air to FBA", DaysMax: 9, VolDivisor: 6000}}, nil
	}
	ws.InventoryStore = &mock.InventoryStore{
		ReplenishInputsFn: func(o app.ReplenishOptions) ([]app.ReplenishInput, error) {
			return []app.ReplenishInput{
				{SKU: "A-LOW", OnHand: 20, Inbound: 0, LeadTimeDays: 30, Daily: daily(4)},
				{SKU: "B-PLENTY", OnHand: 900, Inbound: 100, LeadTimeDays: 30, Daily: daily(2)},
				{SKU: "C-IDLE", OnHand: 50, LeadTimeDays: 30, Daily: daily(0)},
			}, nil
		},
		CartonUnitsFn: func() (map[string]int64, error) { return map[string]int64{"A-LOW": 48}, nil },
		ExportPurchaseOrderFn: func(path string, lines []app.PurchaseLine) error {
			*exported = lines
			return nil
		},
	}
	return ws
}

// openInventory shows the inventory screen and runs its load.
func openInventory(t *testing.T, ts testShell) *inventory {
	t.Helper()
	v := newInventory(ts.Shell)
	ts.current = "inventory"
	ts.body.Objects = []fyne.CanvasObject{v.buildUI()}
	ts.body.Refresh()
	for v.plan.rows == nil {
		ts.next(t)
	}
	return v
}

func TestInventoryScreen(t *testing.T) {
	var exported []app.PurchaseLine
	ts := newTestShell(t, inventoryWorkspace(&exported))
	v := openInventory(t, ts)
	shown := texts(ts.body)
	for _, want := range []string{"3 SKUs · 1 to reorder · as of 2026-11-24", "Reorder point", "Days of cover"} {
		if !strings.Contains(shown, want) {
			t.Errorf("screen lacks %q:\n%s", want, shown)
		}
	}
	if v.stock.empty.Visible() {
		t.Error("the empty note shows over a plan")
	}
	cells := func(r app.ReplenishRow) string {
		var out []string
		for _, k := range stockCols {
			out = append(out, stockCell(app.English(), r, k))
		}
		return strings.Join(out, "|")
	}
	// A-LOW: 4 a day, σ 0, L 30: reorder point 120 ≥ 20; qty 4 × 44 − 20 = 156.
	st := v.stock
	if len(st.shown) != 3 || st.shown[0].SKU != "A-LOW" || st.shown[0].ReorderQty != 156 {
		t.Fatalf("rows %+v", st.shown)
	}
	if got := cells(st.shown[0]); got != "A-LOW|20|0|5.0|2026-11-29|120.0|156|Reorder" {
		t.Errorf("A-LOW cells %s", got)
	}
	if got := cells(st.shown[2]); got != "C-IDLE|50|0|—|—|0.0|0|No sales" {
		t.Errorf("C-IDLE cells %s", got)
	}
	st.table.Select(widget.TableCellID{Row: 0, Col: 0})
	c := st.chart.Chart()
	if err := c.Validate(); err != nil || c.Shade == nil || c.Shade.From != 5 || len(c.Series) != 4 {
		t.Errorf("projection %+v %v", c, err)
	}
	if f := st.formula.Text; !strings.Contains(f, "Reorder point = daily demand × L + safety stock = 4.00 × 30 + 0.00 = 120.00") ||
		!strings.Contains(f, "= 156") || !strings.Contains(f, "• Air to FBA: L 9 days → safety stock 0.0, reorder point 36.0, order 72") ||
		strings.Index(f, "Air to FBA") > strings.Index(f, "Sea to FBA") {
		t.Errorf("formula:\n%s", f)
	}

	if strings.Contains(st.formula.Text, "Overstock") {
		t.Error("A-LOW flagged as overstock")
	}
	// B-PLENTY: 1000 units at 2 a day is 500 days of cover: overstock.
	st.table.Select(widget.TableCellID{Row: 1, Col: 0})
	if !strings.Contains(st.formula.Text, "⚠ Overstock: 500.00 days of cover is past 180 days") {
		t.Errorf("B-PLENTY formula:\n%s", st.formula.Text)
	}

	// Filter by status, then by SKU text; sort by days of cover, descending.
	st.status.SetSelectedIndex(2) // OK
	if len(st.shown) != 1 || st.shown[0].SKU != "B-PLENTY" {
		t.Errorf("status filter: %+v", st.shown)
	}
	st.status.SetSelectedIndex(0)
	test.Type(st.search, "idle")
	if len(st.shown) != 1 || st.shown[0].SKU != "C-IDLE" {
		t.Errorf("search: %+v", st.shown)
	}
	st.search.SetText("")
	if st.sortCol != 3 || st.sortDesc {
		t.Errorf("default sort: column %d desc %v, want days of cover, shortest first", st.sortCol, st.sortDesc)
	}
	st.sortBy(3) // again: reversed
	if st.shown[0].SKU != "C-IDLE" || st.shown[2].SKU != "A-LOW" {
		t.Errorf("days of cover, descending (no demand last ascending, first descending): %v %v %v", st.shown[0].SKU, st.shown[1].SKU, st.shown[2].SKU)
	}

	st.sortBy(0) // by SKU
	if st.shown[0].SKU != "A-LOW" || st.shown[1].SKU != "B-PLENTY" || st.sortDesc {
		t.Errorf("by SKU: %v", st.shown)
	}
	// The purchase order: A-LOW's 156 rounded up to 4 cartons of 48 = 192.
	po := v.po
	if len(po.lines) != 1 || po.lines[0].Quantity != 192 || po.lines[0].Cartons != 4 || po.export.Disabled() {
		t.Fatalf("PO %+v", po.lines)
	}
	po.exportTo("/tmp/po.xlsx")
	ts.next(t)
	if len(exported) != 1 || exported[0].SKU != "A-LOW" {
		t.Errorf("exported %+v", exported)
	}
}

func TestInventoryScreenChinese(t *testing.T) {
	var exported []app.PurchaseLine
	ts := newTestShell(t, inventoryWorkspace(&exported))
	ts.SetLanguage(app.LangChinese)
	v := openInventory(t, ts)
	for v.plan.rows == nil {
		ts.next(t) // the language switch may have queued its own updates first
	}
	shown := texts(ts.body)
	for _, want := range []string{"库存补货", "补货点", "可售天数", "3 个 SKU · 1 个需补货"} {
		if !strings.Contains(shown, want) {
			t.Errorf("Chinese screen lacks %q", want)
		}
	}
	if got := stockCell(ts.l, v.stock.shown[2], "status"); got != "无销量" {
		t.Errorf("status in Chinese: %s", got)
	}
}

// TestDashboardReorderThisWeek: the dashboard lists the SKUs to reorder now
// or within seven days, soonest stockout first, without the full scan.
func TestDashboardReorderThisWeek(t *testing.T) {
	var exported []app.PurchaseLine
	ws := inventoryWorkspace(&exported)
	inner := ws.InventoryStore.ReplenishInputsFn
	var activeOnly []bool
	ws.InventoryStore.ReplenishInputsFn = func(o app.ReplenishOptions) ([]app.ReplenishInput, error) {
		activeOnly = append(activeOnly, o.ActiveOnly)
		ins, err := inner(o)
		// B-SOON: 10 a day, 150 on hand: 150 − 70 = 80 ≤ reorder point
		// 10 × 9 = 90 within the week, though ok today (150 > 90).
		d := make([]int64, 28)
		for i := range d {
			d[i] = 10
		}
		return append(ins, app.ReplenishInput{SKU: "B-SOON", OnHand: 150, LeadTimeDays: 9, Daily: d}), err
	}
	ts := newTestShell(t, ws)
	shown := texts(ts.body)
	for _, want := range []string{"SKUs to reorder this week", "A-LOW", "stockout 11-29 · reorder 156", "B-SOON"} {
		if !strings.Contains(shown, want) {
			t.Errorf("dashboard lacks %q:\n%s", want, shown)
		}
	}
	if strings.Contains(shown, "B-PLENTY") || strings.Contains(shown, "C-IDLE") {
		t.Error("the dashboard lists SKUs that need nothing this week")
	}
	if strings.Index(shown, "A-LOW") > strings.Index(shown, "B-SOON") {
		t.Error("not soonest stockout first")
	}
	if len(activeOnly) != 1 || !activeOnly[0] {
		t.Errorf("dashboard read with ActiveOnly %v", activeOnly)
	}
}

// TestInventoryShipmentsAndStockEntry: a shipment typed in is saved and
// listed, then marked received; stock set by hand is saved; a bad number
// saves nothing.
func TestInventoryShipmentsAndStockEntry(t *testing.T) {
	var exported []app.PurchaseLine
	ws := inventoryWorkspace(&exported)
	var ships []app.InboundShipment
	var levels []app.StockLevel
	st := ws.InventoryStore
	st.OpenShipmentsFn = func() ([]app.InboundShipment, error) {
		var open []app.InboundShipment
		for _, s := range ships {
			if !s.Received {
				open = append(open, s)
			}
		}
		return open, nil
	}
	st.SaveShipmentFn = func(s app.InboundShipment) (int64, error) {
		if s.ID == 0 {
			s.ID = int64(len(ships) + 1)
			ships = append(ships, s)
			return s.ID, nil
		}
		ships[s.ID-1] = s
		return s.ID, nil
	}
	st.SaveStockLevelFn = func(l app.StockLevel) error { levels = append(levels, l); return nil }
	ts := newTestShell(t, ws)
	v := openInventory(t, ts)
	e := v.entry
	e.shipSKU.SetText("A-LOW")
	e.shipWarehouse.SetText("US-3PL")
	e.shipQty.SetText("x")
	e.arrives.SetText("2026-12-20")
	e.onAddShipment()
	if len(ships) != 0 {
		t.Fatal("a bad quantity was saved")
	}
	e.shipQty.SetText("300")
	e.channel.SetSelectedIndex(0)
	test.Tap(e.addShip)
	ts.next(t) // the write
	ts.next(t) // the reload
	want := app.InboundShipment{ID: 1, SKU: "A-LOW", Warehouse: "US-3PL", Quantity: 300, ShippedOn: testNow.Truncate(24 * time.Hour),
		ArrivesOn: time.Date(2026, 12, 20, 0, 0, 0, 0, time.UTC), ChannelID: 1}
	if len(ships) != 1 || ships[0] != want {
		t.Fatalf("saved %+v, want %+v", ships, want)
	}
	if len(v.plan.shipments) != 1 || !strings.Contains(e.shipmentText(v.plan.shipments[0]), "A-LOW × 300, arrives 2026-12-20 → US-3PL · Sea to FBA") {
		t.Errorf("listed %+v", v.plan.shipments)
	}
	e.list.Select(0)
	test.Tap(e.received)
	ts.next(t)
	ts.next(t)
	if !ships[0].Received || len(v.plan.shipments) != 0 {
		t.Errorf("received: %+v, listed %d", ships[0], len(v.plan.shipments))
	}

	e.stockSKU.SetText("A-LOW")
	e.stockWarehouse.SetText("FBA-US")
	e.onHand.SetText("-4")
	e.onSaveStock()
	if len(levels) != 0 {
		t.Fatal("negative stock saved")
	}
	e.onHand.SetText("40")
	e.inbound.SetText("12")
	test.Tap(e.saveStock)
	ts.next(t)
	ts.next(t)
	if len(levels) != 1 || levels[0] != (app.StockLevel{SKU: "A-LOW", Warehouse: "FBA-US", OnHand: 40, Inbound: 12}) {
		t.Errorf("stock saved %+v", levels)
	}
}

// TestInventoryImportFromScreen: a refused stock file shows the bad rows
// and reloads nothing; an accepted one reloads the plan.
func TestInventoryImportFromScreen(t *testing.T) {
	var exported []app.PurchaseLine
	ws := inventoryWorkspace(&exported)
	loads := 0
	inner := ws.InventoryStore.ReplenishInputsFn
	ws.InventoryStore.ReplenishInputsFn = func(o app.ReplenishOptions) ([]app.ReplenishInput, error) {
		if !o.ActiveOnly {
			loads++
		}
		return inner(o)
	}
	refuse := true
	ws.InventoryStore.ImportStockFn = func(opts app.StockImportOptions) (app.StockImportResult, error) {
		if refuse {
			return app.StockImportResult{BadRows: []app.BadRow{{Row: 3, Field: "on_hand", Value: "x", Reason: "bad_quantity"}}},
				app.Errorf(app.EInvalid, "inventory.err.bad_rows", 1, 3, "on_hand", "x")
		}
		return app.StockImportResult{Format: app.StockFormatAmazon, Imported: 2}, nil
	}
	ts := newTestShell(t, ws)
	v := openInventory(t, ts)
	if loads != 1 {
		t.Fatalf("%d loads", loads)
	}
	v.importFrom("/tmp/stock.csv")
	ts.next(t)
	shown := texts(ts.win.Canvas().Overlays().Top())
	if !strings.Contains(shown, "line 3, on_hand \"x\": not a whole number of 0 or more") || loads != 1 {
		t.Errorf("refused import shows:\n%s\n(%d loads)", shown, loads)
	}
	ts.win.Canvas().Overlays().Top().Hide()
	refuse = false
	v.importFrom("/tmp/stock.tsv")
	ts.next(t) // the import
	ts.next(t) // the reload
	if loads != 2 {
		t.Errorf("an accepted import did not reload the plan (%d loads)", loads)
	}
}
