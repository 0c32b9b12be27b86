package screens

import (
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/seller-assistant/seller-assistant/app"
	"github.com/seller-assistant/seller-assistant/app/mock"
)

// storageDB is an in-memory storage store for the screen tests.
type storageDB struct {
	mu       sync.Mutex
	fees     []app.StorageFee
	nextID   int64
	inputs   []app.StorageInput
	profiles []app.StorageProfile
	deleted  []int64
	agedDays int
}

func (db *storageDB) store() *mock.StorageStore {
	return &mock.StorageStore{
		StorageFeesFn: func() ([]app.StorageFee, error) {
			db.mu.Lock()
			defer db.mu.Unlock()
			return append([]app.StorageFee(nil), db.fees...), nil
		},
		SaveStorageFeeFn: func(f app.StorageFee) (int64, error) {
			db.mu.Lock()
			defer db.mu.Unlock()
			if f.ID == 0 {
				db.nextID++
				f.ID = db.nextID
				db.fees = append(db.fees, f)
				return f.ID, nil
			}
			for i := range db.fees {
				if db.fees[i].ID == f.ID {
					db.fees[i] = f
				}
			}
			return f.ID, nil
		},
		DeleteStorageFeeFn: func(id int64) error {
			db.mu.Lock()
			defer db.mu.Unlock()
			db.deleted = append(db.deleted, id)
			for i, f := range db.fees {
				if f.ID == id {
					db.fees = append(db.fees[:i], db.fees[i+1:]...)
					break
				}
			}
			return nil
		},
		SaveStorageProfileFn: func(p app.StorageProfile) error {
			db.mu.Lock()
			defer db.mu.Unlock()
			db.profiles = append(db.profiles, p)
			return nil
		},
		StorageInputsFn: func(app.StorageOptions) ([]app.StorageInput, error) {
			db.mu.Lock()
			defer db.mu.Unlock()
			return append([]app.StorageInput(nil), db.inputs...), nil
		},
		AgedDaysFn: func() (int, error) {
			db.mu.Lock()
			defer db.mu.Unlock()
			return db.agedDays, nil
		},
		SetAgedDaysFn: func(n int) error {
			db.mu.Lock()
			defer db.mu.Unlock()
			db.agedDays = n
			return nil
		},
	}
}

// newStorageDB: US peak-season fees (testNow is in November) and A-LOW
// stocked with 120 units of exactly 1 ft³, 56 sold in the window, 100
// received 200 days ago and 80 received 30 days ago.
func newStorageDB() *storageDB {
	from := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	now := app.DayOf(testNow)
	return &storageDB{nextID: 3, agedDays: app.DefaultAgedDays,
		fees: []app.StorageFee{
			{ID: 1, Type: app.FeeMonthly, Kind: app.LocationMarketplace, Location: "US", SizeTier: app.TierStandard, Season: app.SeasonOctDec, VolumeUnit: app.UnitCubicFoot, Currency: "USD", Price: dec("2.40"), ValidFrom: from},
			{ID: 2, Type: app.FeeAged, Kind: app.LocationMarketplace, Location: "US", MinAgeDays: 181, VolumeUnit: app.UnitCubicFoot, Currency: "USD", Price: dec("0.50"), ValidFrom: from},
		},
		inputs: []app.StorageInput{{SKU: "A-LOW", Profile: app.StorageProfile{SKU: "A-LOW", EnteredCm3: dec("28316.846592")}, DefaultLocation: "US",
			OnHand: 120, UnitsInWindow: 56, Received: []app.InboundShipment{
				{SKU: "A-LOW", Quantity: 100, ArrivesOn: now.AddDate(0, 0, -200), Received: true},
				{SKU: "A-LOW", Quantity: 80, ArrivesOn: now.AddDate(0, 0, -30), Received: true}}}},
	}
}

// TestInventoryStorageTab: the storage table and the stock table show the
// worked figures; the formula explains them; the fee form saves, deletes
// and undoes; the SKU entries and the threshold are saved; bad input saves
// nothing.
func TestInventoryStorageTab(t *testing.T) {
	var exported []app.PurchaseLine
	ws := inventoryWorkspace(&exported)
	db := newStorageDB()
	ws.StorageStore = db.store()
	ts := newTestShell(t, ws)
	v := openInventory(t, ts)
	st := v.storage
	lines := v.plan.storage.Lines
	if len(lines) != 1 {
		t.Fatalf("storage lines %+v", lines)
	}
	// 1 ft³ × $2.40 (Oct–Dec) = $2.40 a month; 56 units in 28 days = 60 a
	// month; 120 on hand = 2 months: $4.80 a unit. FIFO: 80 units of 30
	// days, 40 of 200 days: 40 aged, surcharge 40 × $0.50 = $20.
	var cells []string
	for _, k := range storageCols {
		cells = append(cells, storageCell(app.English(), lines[0], k))
	}
	if got := strings.Join(cells, "|"); got != "A-LOW|US|Standard|28317 cm³|2.400 USD|2.0|4.80 USD|⚠ 40|20.00 USD" {
		t.Errorf("storage cells %s", got)
	}
	if got := agedCell(app.English(), v.plan.storage, "A-LOW"); got != "⚠ 40" {
		t.Errorf("stock table aged cell %q", got)
	}
	if got := agedCell(app.English(), v.plan.storage, "C-IDLE"); got != "" {
		t.Errorf("a SKU without storage line: %q", got)
	}
	st.table.Select(widget.TableCellID{Row: 0, Col: 0})
	for _, want := range []string{
		"Per unit per month = 1 ft³ × 2.40 USD (US, Oct–Dec, valid from 2024-01-01) = 2.400.",
		"Months in stock = on hand 120 ÷ monthly demand 60.00 (units sold in the last 28 days × 30 ÷ 28) = 2.00.",
		"Storage per unit = 2.400 × 2.00 months = 4.80 USD.",
		"80 units of 30 days, 40 units of 200 days",
		"⚠ 40 units are at least 181 days old: aged-inventory surcharge ≈ 20.00 USD this month.",
	} {
		if !strings.Contains(st.how.Text, want) {
			t.Errorf("formula lacks %q:\n%s", want, st.how.Text)
		}
	}
	// The stock tab's formula carries the storage lines too.
	v.stock.table.Select(widget.TableCellID{Row: 0, Col: 0})
	if !strings.Contains(v.stock.formula.Text, "Storage per unit = 2.400 × 2.00 months = 4.80 USD.") {
		t.Errorf("stock formula lacks storage:\n%s", v.stock.formula.Text)
	}

	// A bad price saves nothing.
	st.clearFeeForm()
	st.typ.SetSelectedIndex(0)
	st.kind.SetSelectedIndex(1)
	st.feeLoc.SetText("US-3PL")
	st.unit.SetSelectedIndex(1)
	st.curr.SetText("usd")
	st.price.SetText("abc")
	st.from.SetText("2026-01-01")
	st.onSaveFee()
	if len(db.fees) != 2 {
		t.Fatal("a bad price was saved")
	}
	// Enter in the price field saves the row.
	retype(st.price, "18.5")
	st.price.OnSubmitted(st.price.Text)
	ts.next(t) // the write
	ts.next(t) // the reload
	want := app.StorageFee{ID: 4, Type: app.FeeMonthly, Kind: app.LocationWarehouse, Location: "US-3PL", SizeTier: app.TierStandard,
		Season: app.SeasonJanSep, VolumeUnit: app.UnitCubicMetre, Currency: "USD", Price: dec("18.5"), ValidFrom: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
	if len(db.fees) != 3 || !sameFee(db.fees[2], want) || len(v.plan.storage.Fees) != 3 {
		t.Fatalf("saved %+v", db.fees)
	}
	if !strings.Contains(feeText(app.English(), v.plan.storage.Fees[2]), "US-3PL · Standard · Jan–Sep · 18.50 USD/m³ · from 2026-01-01") {
		t.Errorf("fee line %q", feeText(app.English(), v.plan.storage.Fees[2]))
	}
	// Delete it, then undo brings it back.
	st.fees.Select(2)
	test.Tap(st.delete)
	ts.next(t)
	ts.next(t)
	if len(db.fees) != 2 || len(db.deleted) != 1 || db.deleted[0] != 4 {
		t.Fatalf("after delete %+v", db.fees)
	}
	test.Tap(st.undo)
	ts.next(t)
	ts.next(t)
	want.ID = 5 // a deleted row comes back as a new row
	if len(db.fees) != 3 || !sameFee(db.fees[2], want) {
		t.Errorf("after undo %+v", db.fees)
	}
	if !st.undo.Disabled() {
		t.Error("undo still offered after undoing")
	}
	// An aged band with age 0 is refused in words.
	st.clearFeeForm()
	st.typ.SetSelectedIndex(1)
	if st.minAge.Disabled() || !st.season.Disabled() {
		t.Error("an aged row's band should be editable and its season not")
	}
	_, err := func() (app.StorageFee, error) {
		st.feeLoc.SetText("US")
		st.curr.SetText("USD")
		st.price.SetText("1")
		st.minAge.SetText("0")
		return st.parseFee()
	}()
	if e, ok := err.(*app.Error); !ok || e.Key != "storage.err.min_age" {
		t.Errorf("band 0: %v", err)
	}

	for in, want := range map[string]string{"5160": "5160", "2.4": "2.40", "0.785": "0.785", "3": "3"} {
		if got := feePrice(dec(in)); got != want {
			t.Errorf("feePrice(%s) = %s, want %s", in, got, want)
		}
	}

	// The SKU's entries.
	st.table.Select(widget.TableCellID{Row: 0, Col: 0})
	st.location.SetText("JP")
	st.tier.SetSelectedIndex(2)
	st.volume.SetText("-1")
	st.onSaveSKU()
	if len(db.profiles) != 0 {
		t.Fatal("a negative volume was saved")
	}
	st.volume.SetText("6000")
	st.volume.OnSubmitted(st.volume.Text) // Enter saves
	ts.next(t)
	ts.next(t)
	if len(db.profiles) != 1 || db.profiles[0].Location != "JP" || db.profiles[0].SizeTier != app.TierOversize || !db.profiles[0].EnteredCm3.Equal(dec("6000")) {
		t.Errorf("entries saved %+v", db.profiles)
	}
	// The threshold.
	if st.agedDays.Text != "181" {
		t.Errorf("threshold shown %q", st.agedDays.Text)
	}
	st.agedDays.SetText("201")
	st.agedDays.OnSubmitted(st.agedDays.Text)
	ts.next(t)
	ts.next(t)
	if db.agedDays != 201 || v.plan.storage.Lines[0].AgedUnits != 0 {
		t.Errorf("threshold %d, aged %d", db.agedDays, v.plan.storage.Lines[0].AgedUnits)
	}
}

func sameFee(a, b app.StorageFee) bool {
	return a.ID == b.ID && a.Type == b.Type && a.Kind == b.Kind && a.Location == b.Location && a.SizeTier == b.SizeTier &&
		a.Season == b.Season && a.MinAgeDays == b.MinAgeDays && a.VolumeUnit == b.VolumeUnit && a.Currency == b.Currency &&
		a.Price.Equal(b.Price) && a.ValidFrom.Equal(b.ValidFrom)
}

// TestInventoryStorageChinese: the tab and its formula in Chinese.
func TestInventoryStorageChinese(t *testing.T) {
	var exported []app.PurchaseLine
	ws := inventoryWorkspace(&exported)
	ws.StorageStore = newStorageDB().store()
	ts := newTestShell(t, ws)
	ts.SetLanguage(app.LangChinese)
	v := openInventory(t, ts)
	for v.plan.rows == nil {
		ts.next(t) // the language switch may have queued its own updates first
	}
	v.storage.table.Select(widget.TableCellID{Row: 0, Col: 0})
	for _, want := range []string{"单件仓储费 = 2.400 × 2.00 个月 = 4.80 USD。", "库龄附加费约 20.00 USD"} {
		if !strings.Contains(v.storage.how.Text, want) {
			t.Errorf("Chinese formula lacks %q:\n%s", want, v.storage.how.Text)
		}
	}
	if !strings.Contains(texts(ts.body), "仓储费") {
		t.Error("the storage tab's title is not in Chinese")
	}
}

// TestDashboardAgedStock: the dashboard warns about SKUs with aged units,
// with the surcharge estimate.
func TestDashboardAgedStock(t *testing.T) {
	var exported []app.PurchaseLine
	ws := inventoryWorkspace(&exported)
	ws.StorageStore = newStorageDB().store()
	ts := newTestShell(t, ws)
	shown := texts(ts.body)
	for _, want := range []string{"Aged stock", "40 units ≥ 181 days · surcharge ≈ 20.00 USD/month", "A-LOW"} {
		if !strings.Contains(shown, want) {
			t.Errorf("dashboard lacks %q:\n%s", want, shown)
		}
	}
}
