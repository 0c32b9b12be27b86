package screens

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"github.com/seller-assistant/seller-assistant/app"
)

// The ranking lists each channel's door-to-door cost with its parts: FBA's
// head haul for a 100 g parcel is 0.1 kg * 32 = 3.20 CNY (no 0.5 kg first
// weight), plus the 3.22 USD fee at 7.20 = 23.18.
func TestChannelRankingShowsDoorToDoorParts(t *testing.T) {
	_, c, _ := openChannels(t, &channelDB{})
	c.market.SetSelectedIndex(0) // US
	retype(c.parcel["weight_kg"], "0.1")
	retype(c.parcel["length_cm"], "10")
	retype(c.parcel["width_cm"], "10")
	retype(c.parcel["height_cm"], "5")
	var fba app.ChannelScore
	for _, cs := range c.ranked {
		if cs.Channel.Name == "Amazon FBA US" {
			fba = cs
		}
	}
	if fba.Unit.Freight.StringFixed(2) != "3.20" || fba.Unit.Fulfilment.StringFixed(3) != "23.184" || fba.Cost.StringFixed(2) != "26.38" {
		t.Fatalf("FBA: %+v", fba.Unit)
	}
	if !strings.Contains(c.table.Text, "26.38 CNY door to door (freight 3.20 + fulfilment 23.18 + storage 0.00)") {
		t.Errorf("table:\n%s", c.table.Text)
	}
}

// A head-haul channel is edited without a first weight, with its shipment
// minimum, carton and storage.
func TestChannelEditorHeadHaulFields(t *testing.T) {
	db := &channelDB{}
	ts, c, _ := openChannels(t, db)
	e := c.chEdit
	test0 := func(cond bool, msg string) {
		t.Helper()
		if !cond {
			t.Error(msg)
		}
	}
	e.onNew()
	test0(e.firstW.Disabled() == false && e.minCharge.Disabled(), "a dedicated line takes a first weight, not a shipment minimum")
	for i, ty := range app.ChannelTypes {
		if ty == "fba" {
			e.typ.SetSelectedIndex(i)
		}
	}
	test0(e.firstW.Disabled() && e.firstP.Disabled() && !e.minCharge.Disabled() && !e.cartonUnits.Disabled(),
		"FBA: first weight should be off and the shipment minimum on")
	retype(e.name, "FBA UK air")
	retype(e.markets, "GB")
	retype(e.perKg, "34")
	retype(e.minCharge, "714")
	retype(e.cartonUnits, "0") // a minimum with no carton to spread it over is refused
	retype(e.storage, "0.12")
	retype(e.daysMin, "1")
	retype(e.daysMax, "3")
	e.form.OnSubmit()
	if len(db.saved) != 0 {
		t.Fatalf("saved a minimum with no carton: %+v", db.saved)
	}
	tapDialogButton(t, ts.win, "OK")
	retype(e.cartonUnits, "100")
	e.name.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	ts.next(t)
	if len(db.saved) != 1 {
		t.Fatalf("saved %d", len(db.saved))
	}
	got := db.saved[0]
	if got.Type != "fba" || !got.MinChargeCNY.Equal(dec("714")) || got.CartonUnits != 100 || !got.StoragePerUnit.Equal(dec("0.12")) {
		t.Errorf("saved %+v", got)
	}
}
