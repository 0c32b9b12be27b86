package screens

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

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
	if len(fx.Rates) != 6 || f.undo == nil {
		t.Fatalf("after delete: %d rates, undo %v", len(fx.Rates), f.undo)
	}
	f.undo.OnTapped()
	ts.next(t)
	ts.next(t)
	if len(fx.Rates) != 7 || !strings.Contains(texts(f.rows), "7.1032") {
		t.Fatalf("undo did not bring the rate back: %+v", fx.Rates)
	}
}
