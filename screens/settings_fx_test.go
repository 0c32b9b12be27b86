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

// Settings ▸ Exchange rates: a rate typed with the keyboard is saved and
// listed, the one in force today marked; a wrong one is refused with the
// reason and saves nothing; a delete can be undone.
func TestSettingsExchangeRates(t *testing.T) {
	ws := demoWorkspace("/tmp/demo.sellerdb")
	fx := &mock.FXStore{Rates: app.DefaultFXRates(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))}
	ws.FXStore = fx
	ts := newTestShell(t, ws)
	f := newFXEditor(ts.Shell)
	ts.win.SetContent(f.buildUI())
	ts.next(t)
	if !strings.Contains(texts(f.rows), "1 USD = 7.20 yuan, from 2026-01-01 · in force today · built-in rate, replace it with the day's") {
		t.Fatalf("rows:\n%s", texts(f.rows))
	}

	test.Type(f.currency, "usd")
	test.Type(f.from, testNow.Format(time.DateOnly))
	test.Type(f.rate, "7.1032")
	test.Type(f.note, "BOC middle rate")
	f.note.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	ts.next(t) // asked whether it rebuilds (no: no dialog)
	ts.next(t) // saved
	ts.next(t) // reloaded
	if len(fx.Rates) != 7 || fx.Rates[6].Currency != "USD" || fx.Rates[6].CNYPerUnit.String() != "7.1032" {
		t.Fatalf("stored %+v", fx.Rates)
	}
	shown := texts(f.rows)
	if !strings.Contains(shown, "1 USD = 7.1032 yuan, from "+testNow.Format(time.DateOnly)+" · in force today · BOC middle rate") ||
		strings.Contains(shown, "7.20 yuan, from 2026-01-01 · in force") {
		t.Fatalf("after the save:\n%s", shown)
	}

	// A missing decimal point is refused with the reason; nothing is stored.
	f.currency.SetText("EUR")
	f.from.SetText("2026-11-30")
	f.rate.SetText("775")
	f.save.OnTapped()
	if len(fx.Rates) != 7 || !strings.Contains(strings.ReplaceAll(texts(ts.win.Canvas().Overlays().Top()), "\n", " "), "775 yuan per unit cannot be right") {
		t.Fatalf("775 yuan per euro: %d rates, dialog %q", len(fx.Rates), texts(ts.win.Canvas().Overlays().Top()))
	}

	// Delete, then undo.
	f.onDelete(fx.Rates[6])
	ts.next(t)
	ts.next(t)
	ts.next(t)
	if len(fx.Rates) != 6 || f.undo == nil {
		t.Fatalf("after delete: %d rates, undo %v", len(fx.Rates), f.undo)
	}
	f.undo.OnTapped()
	ts.next(t)
	ts.next(t)
	ts.next(t)
	if len(fx.Rates) != 7 || !strings.Contains(texts(f.rows), "7.1032") {
		t.Fatalf("undo did not bring the rate back: %+v", fx.Rates)
	}
}

// A rate edit that rebuilds the order summaries (the base's, or a currency
// the orders are in) runs behind a modal progress dialog, which stays until
// the store is done; a quick edit shows none. Afterwards the list shows the
// change. A failed rebuild is shown in the person's language and loses
// nothing: the store keeps its rates and the form what was typed.
func TestSettingsExchangeRateRebuildShowsProgress(t *testing.T) {
	ws := demoWorkspace("/tmp/demo.sellerdb")
	fx := &mock.FXStore{Rates: app.DefaultFXRates(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)), Rebuilds: []string{"USD", "EUR"}}
	ws.FXStore = fx
	ts := newTestShell(t, ws)
	f := newFXEditor(ts.Shell)
	ts.win.SetContent(f.buildUI())
	ts.next(t)
	today := testNow.Format(time.DateOnly)
	overlay := func() fyne.CanvasObject { return ts.win.Canvas().Overlays().Top() }

	// Quick: no order is in yen. No dialog at any step.
	typeRate(f, "JPY", today, "0.0475")
	ts.next(t) // asked whether it rebuilds
	if overlay() != nil {
		t.Fatalf("a quick edit shows a dialog:\n%s", texts(overlay()))
	}
	ts.next(t) // saved
	ts.next(t) // reloaded
	if overlay() != nil || !strings.Contains(texts(f.rows), "1 JPY = 0.0475 yuan, from "+today) {
		t.Fatalf("after the quick save: dialog %v, rows:\n%s", overlay() != nil, texts(f.rows))
	}

	// Rebuilding: USD is the base. The dialog is up, with nothing to press,
	// until the store's answer is applied.
	typeRate(f, "USD", today, "7.1032")
	ts.next(t) // asked whether it rebuilds: yes
	d := overlay()
	if d == nil || !strings.Contains(texts(d), "Recalculating every order figure at the changed USD rates") {
		t.Fatalf("no progress dialog for a rebuilding edit: %v", d)
	}
	if b := buttonsIn(d); len(b) != 0 {
		t.Errorf("the progress dialog can be dismissed: buttons %v", b)
	}
	if !f.save.Disabled() {
		t.Error("Save rate is enabled during the rebuild")
	}
	// Enter in the rate field meanwhile starts nothing (checked below).
	f.rate.SetText("7.2")
	f.rate.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	ts.next(t) // saved and rebuilt
	if overlay() != nil {
		t.Fatalf("the dialog stays after the rebuild:\n%s", texts(overlay()))
	}
	ts.next(t) // reloaded
	if !strings.Contains(texts(f.rows), "1 USD = 7.1032 yuan, from "+today+" · in force today") || f.save.Disabled() {
		t.Fatalf("after the rebuild: save enabled %v, rows:\n%s", !f.save.Disabled(), texts(f.rows))
	}
	select {
	case <-ts.posted:
		t.Fatal("Enter during the rebuild started a second save")
	case <-time.After(300 * time.Millisecond): // the second save's question would have posted by now
	}

	// A delete that rebuilds, and its undo, go the same way.
	var usd app.FXRate
	for _, r := range fx.Rates {
		if r.Currency == "USD" && r.ValidFrom.Format(time.DateOnly) == today {
			usd = r
		}
	}
	f.onDelete(usd)
	ts.next(t)
	if d := overlay(); d == nil || !strings.Contains(texts(d), "changed USD rates") {
		t.Fatalf("no progress dialog for a rebuilding delete: %v", d)
	}
	ts.next(t) // deleted, rebuilt
	ts.next(t) // reloaded
	if strings.Contains(texts(f.rows), "7.1032") || f.undo == nil {
		t.Fatalf("after the delete: undo %v, rows:\n%s", f.undo, texts(f.rows))
	}
	f.undo.OnTapped()
	ts.next(t)
	if d := overlay(); d == nil || !strings.Contains(texts(d), "changed USD rates") {
		t.Fatalf("no progress dialog for the undo: %v", d)
	}
	ts.next(t)
	ts.next(t)
	if !strings.Contains(texts(f.rows), "1 USD = 7.1032 yuan") {
		t.Fatalf("the undo did not bring the rate back:\n%s", texts(f.rows))
	}
}

// A rebuild that fails, in Chinese: the error in Chinese, no rate changed,
// the typed rate still in the form to correct and save again.
func TestSettingsExchangeRateRebuildFailsInChinese(t *testing.T) {
	ws := demoWorkspace("/tmp/demo.sellerdb")
	fx := &mock.FXStore{Rates: app.DefaultFXRates(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)), Rebuilds: []string{"EUR"},
		RebuildErr: app.Errorf(app.EInvalid, "fx.err.no_rate", "GBP")}
	ws.FXStore = fx
	ts := newTestShell(t, ws)
	ts.SetLanguage(app.LangChinese)
	f := newFXEditor(ts.Shell)
	ts.win.SetContent(f.buildUI())
	for f.rates == nil {
		ts.next(t) // the language switch may have queued its own updates first
	}
	before := append([]app.FXRate(nil), fx.Rates...)
	typeRate(f, "EUR", testNow.Format(time.DateOnly), "7.75")
	ts.next(t)
	if d := ts.win.Canvas().Overlays().Top(); d == nil || !strings.Contains(texts(d), "正在按更改后的 EUR 汇率重新计算所有订单数据") {
		t.Fatalf("no progress dialog in Chinese: %v", d)
	}
	ts.next(t)
	shown := flat(texts(ts.win.Canvas().Overlays().Top()))
	if !strings.Contains(shown, "本工作区没有 GBP 的汇率") {
		t.Fatalf("the failure is not shown in Chinese: %q", shown)
	}
	if len(fx.Rates) != len(before) || f.rate.Text != "7.75" || f.currency.Text != "EUR" || f.save.Disabled() {
		t.Fatalf("after the failure: %d rates (had %d), form %q %q, save enabled %v",
			len(fx.Rates), len(before), f.currency.Text, f.rate.Text, !f.save.Disabled())
	}
}

// typeRate fills the form as a person does and presses Enter.
func typeRate(f *fxEditor, cur, from, rate string) {
	f.currency.SetText("")
	f.from.SetText("")
	f.rate.SetText("")
	test.Type(f.currency, cur)
	test.Type(f.from, from)
	test.Type(f.rate, rate)
	f.rate.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
}

// buttonsIn is the text of every button drawn in o.
func buttonsIn(o fyne.CanvasObject) []string {
	var out []string
	for _, obj := range test.LaidOutObjects(o) {
		if b, ok := obj.(*widget.Button); ok && b.Visible() {
			out = append(out, b.Text)
		}
	}
	return out
}
