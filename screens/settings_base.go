package screens

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/seller-assistant/seller-assistant/app"
)

// baseCurrency is Settings ▸ Workspace ▸ Base currency: the currency every
// figure summed across orders is in. Changing it converts every order
// summary and the campaigns' money in one transaction, behind a modal
// progress dialog (a million lines take seconds); changing back is the
// undo, and the confirmation says so.
type baseCurrency struct {
	s      *Shell
	choose *widget.Select
	change *widget.Button
}

func newBaseCurrency(s *Shell) *baseCurrency { return &baseCurrency{s: s} }

func (b *baseCurrency) buildUI() fyne.CanvasObject {
	t := b.s.l.T
	cur := b.s.info.Currency
	b.choose = newSelect([]string{cur}, func(v string) { b.enable(v) })
	b.choose.SetSelected(cur)
	b.change = widget.NewButton(t("settings.base.change"), b.onChange)
	b.change.Disable()
	return container.NewHBox(fitChoices(b.choose), b.change)
}

// setRates offers CNY and every currency with a rate (the base needs one
// to convert into); the exchange rates editor calls it whenever it has
// read the rates, so no read of its own is needed.
func (b *baseCurrency) setRates(rates []app.FXRate) {
	cur := b.s.info.Currency
	b.choose.SetOptions(append([]string{"CNY"}, app.NewFXTable(rates).Currencies()...))
	b.choose.SetSelected(cur)
}

func (b *baseCurrency) enable(v string) {
	if b.change == nil {
		return
	}
	if v != "" && v != b.s.info.Currency {
		b.change.Enable()
	} else {
		b.change.Disable()
	}
}

func (b *baseCurrency) onChange() {
	l := b.s.l
	from, to := b.s.info.Currency, b.choose.Selected
	if to == "" || to == from {
		return
	}
	dialog.ShowConfirm(l.T("settings.base.confirm_title"), l.T("settings.base.confirm", from, to), func(ok bool) {
		if !ok {
			b.choose.SetSelected(from)
			return
		}
		ws := b.s.ws
		b.s.run(l.T("settings.base.converting", to), func(ctx context.Context) error {
			return ws.SetBaseCurrency(ctx, to)
		}, func(err error) {
			if err != nil {
				b.choose.SetSelected(from)
				b.s.ShowError(err)
				return
			}
			// Every screen shows the new base: the workspace's facts are
			// read again and the module on screen rebuilt.
			b.s.setWorkspace(ws)
			b.s.message(l.T("settings.base.confirm_title"), l.T("settings.base.done", to, from))
		})
	}, b.s.win)
}
