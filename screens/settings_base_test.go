package screens

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"

	"github.com/seller-assistant/seller-assistant/app"
	"github.com/seller-assistant/seller-assistant/app/mock"
)

// Settings ▸ Base currency offers CNY and the currencies with a rate;
// changing it asks first (saying that changing back is the undo), runs the
// conversion behind the progress dialog and rebuilds the screens in the
// new base; a refused change keeps the old base.
func TestSettingsBaseCurrencyChange(t *testing.T) {
	ws := demoWorkspace("/tmp/demo.sellerdb")
	base := "USD"
	ws.InfoFn = func() (app.WorkspaceInfo, error) {
		return app.WorkspaceInfo{Path: "/tmp/demo.sellerdb", Name: "shop", SchemaVersion: 1, Currency: base}, nil
	}
	var asked []string
	fx := &mock.FXStore{Rates: app.DefaultFXRates(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))}
	fx.SetBaseFn = func(_ context.Context, cur string) error {
		asked = append(asked, cur)
		if cur == "GBP" {
			return app.Errorf(app.EInvalid, "fx.err.no_rate", "GBP")
		}
		base = cur
		return nil
	}
	ws.FXStore = fx
	ts := newTestShell(t, ws)
	f := openSettings(ts)
	ts.next(t) // the rates, and with them the base's choices
	b := f.base
	if got := strings.Join(b.choose.Options, " "); got != "CNY AUD CAD EUR GBP JPY USD" {
		t.Fatalf("choices %q", got)
	}
	if b.choose.Selected != "USD" || !b.change.Disabled() {
		t.Fatalf("selected %q, change enabled %v", b.choose.Selected, !b.change.Disabled())
	}
	b.choose.SetSelected("EUR")
	if b.change.Disabled() {
		t.Fatal("Change stays disabled for another currency")
	}
	test_tap(b.change)
	confirm := texts(ts.win.Canvas().Overlays().Top())
	if !strings.Contains(flat(confirm), "from USD to EUR") || !strings.Contains(flat(confirm), "To undo, change it back to USD.") {
		t.Fatalf("confirmation:\n%s", confirm)
	}
	tapDialogButton(t, ts.win, "Yes")
	ts.next(t) // converted
	if len(asked) != 1 || asked[0] != "EUR" || ts.info.Currency != "EUR" {
		t.Fatalf("asked %v, base shown %q", asked, ts.info.Currency)
	}
	if msg := flat(texts(ts.win.Canvas().Overlays().Top())); !strings.Contains(msg, "The base currency is now EUR. To undo, change it back to USD.") {
		t.Fatalf("after the change: %s", msg)
	}

	// Refused: the old base stays and the reason is shown.
	ts.win.Canvas().Overlays().Top().Hide()
	ts.next(t) // the rebuilt Settings' rates
	f = openSettings(ts)
	ts.next(t)
	f.base.choose.SetSelected("GBP")
	test_tap(f.base.change)
	tapDialogButton(t, ts.win, "Yes")
	ts.next(t)
	if ts.info.Currency != "EUR" || f.base.choose.Selected != "EUR" ||
		!strings.Contains(flat(texts(ts.win.Canvas().Overlays().Top())), "no exchange rate for GBP") {
		t.Fatalf("refused change: base %q, selected %q, shown %s", ts.info.Currency, f.base.choose.Selected, texts(ts.win.Canvas().Overlays().Top()))
	}
}

// openSettings builds Settings into the shell's body, as the navigation
// does, and returns its exchange rates editor.
func openSettings(ts testShell) *fxEditor {
	st := newSettings(ts.Shell)
	ts.current = "settings"
	ts.body.Objects = []fyne.CanvasObject{st.buildUI()}
	ts.body.Refresh()
	return st.fx
}

func flat(s string) string { return strings.Join(strings.Fields(s), " ") }

func test_tap(o fyne.Tappable) { o.Tapped(&fyne.PointEvent{}) }
