package screens

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/seller-assistant/seller-assistant/app"
)

// openPricingWithStorage is openPricing with a storage store behind it.
func openPricingWithStorage(t *testing.T, db *storageDB) (testShell, *pricing) {
	t.Helper()
	ws := pricingWorkspace(&quoteDB{})
	ws.StorageStore = db.store()
	ts := newTestShell(t, ws)
	p := newPricing(ts.Shell)
	ts.win.SetContent(p.buildUI())
	ts.win.Resize(fyne.NewSize(1280, 900))
	ts.next(t) // products, platforms, channels, quotes
	ts.next(t) // the market's competitor prices
	return ts, p
}

// pricingStorageDB stocks the pricing tests' product: 34 × 9.5 × 6 cm =
// 1938 cm³, 60 on hand, 28 sold in 28 days (30 a month: 2 months in stock).
func pricingStorageDB(currency string) *storageDB {
	db := newStorageDB()
	db.fees[0].Currency = currency
	db.inputs = []app.StorageInput{{SKU: testProduct.SKU, Product: &testProduct, DefaultLocation: "US", OnHand: 60, UnitsInWindow: 28}}
	return db
}

// TestPricingStorageFromInventory: the button fills storage_per_unit with
// Inventory's figure for the quote's SKU and shows its formula; the results
// follow.
func TestPricingStorageFromInventory(t *testing.T) {
	ts, p := openPricingWithStorage(t, pricingStorageDB("USD"))
	before := p.res.values["landed"].Text
	test.Tap(p.storageBtn)
	ts.next(t)
	// 1938 ÷ 28316.846592 = 0.0684 ft³ × $2.40 = $0.1643 a month × 2
	// months = $0.33.
	if got := p.entries["storage_per_unit"].Text; got != "0.33" {
		t.Fatalf("storage per unit = %q, want 0.33", got)
	}
	for _, want := range []string{"Storage per unit filled from Inventory for HL-KT-001",
		"Per unit per month = 0.0684 ft³ × 2.40 USD", "Storage per unit = 0.164 × 2.00 months = 0.33 USD."} {
		if !strings.Contains(p.storageNote.Text, want) || !p.storageNote.Visible() {
			t.Errorf("note lacks %q:\n%s", want, p.storageNote.Text)
		}
	}
	// Storage is after landing: unit cost moves, landed does not.
	in, err := p.readInput()
	if err != nil || !in.StoragePerUnit.Equal(dec("0.33")) {
		t.Errorf("quote input storage %s %v", in.StoragePerUnit, err)
	}
	if p.res.values["landed"].Text != before {
		t.Errorf("landed moved: %s → %s", before, p.res.values["landed"].Text)
	}
	if !p.typed["storage_per_unit"] {
		t.Error("the filled figure is not kept over a channel change")
	}
}

// TestPricingStorageOtherCurrency: a fee in another currency is shown, not
// filled in.
func TestPricingStorageOtherCurrency(t *testing.T) {
	ts, p := openPricingWithStorage(t, pricingStorageDB("JPY"))
	p.entries["storage_per_unit"].SetText("0.2")
	test.Tap(p.storageBtn)
	ts.next(t)
	if got := p.entries["storage_per_unit"].Text; got != "0.2" {
		t.Errorf("storage per unit changed to %q", got)
	}
	if !strings.Contains(p.storageNote.Text, "Inventory's storage per unit is 0.33 JPY, but this quote is in USD") {
		t.Errorf("note %q", p.storageNote.Text)
	}
}

// TestPricingStorageNotStocked: a SKU Inventory has no stock of says so.
func TestPricingStorageNotStocked(t *testing.T) {
	db := newStorageDB() // stocks A-LOW only
	ts, p := openPricingWithStorage(t, db)
	test.Tap(p.storageBtn)
	ts.next(t)
	if !strings.Contains(p.storageNote.Text, "HL-KT-001 has no stock on hand in Inventory") {
		t.Errorf("note %q", p.storageNote.Text)
	}
}
