package screens

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/seller-assistant/seller-assistant/app"
)

// storageField is the storage_per_unit entry with a button that fills it
// from Inventory: the chosen product's storage cost per unit for its
// expected stay (app.StorageCost), its formula shown under the form.
func (p *pricing) storageField(e *widget.Entry) fyne.CanvasObject {
	p.storageNote = newTextBlock("")
	p.storageNote.Hide()
	p.storageBtn = widget.NewButtonWithIcon(p.s.l.T("pricing.storage.from_inventory"), theme.StorageIcon(), p.onStorageFromInventory)
	p.storageBtn.Importance = widget.LowImportance
	p.storageBtn.Alignment = widget.ButtonAlignLeading
	// Under the entry, not beside it: beside it the button widens the form
	// and the screen no longer fits a 1200-pixel window.
	return container.NewVBox(e, p.storageBtn)
}

func (p *pricing) onStorageFromInventory() {
	pr := p.product()
	if pr == nil {
		p.showStorageNote(p.s.l.T("pricing.storage.no_product"))
		return
	}
	ws, now, sku, cur := p.s.ws, p.s.env.Now(), pr.SKU, p.currencyCode()
	o := app.StorageOptions{AsOf: app.DayOf(now), WindowDays: app.DefaultReplenishOptions(now).WindowDays}
	background(p.s, func(ctx context.Context) (app.StorageView, error) {
		return app.LoadStorage(ctx, ws, o)
	}, func(v app.StorageView) { p.applyStorage(v, sku, cur) })
}

// applyStorage fills storage_per_unit when Inventory has a figure in the
// quote's currency; otherwise it says why, with the formula's inputs, and
// leaves the entry as it was.
func (p *pricing) applyStorage(v app.StorageView, sku, currency string) {
	l := p.s.l
	ln, ok := v.Line(sku)
	switch {
	case !ok:
		p.showStorageNote(l.T("pricing.storage.not_stocked", sku))
	case !ln.HasCost:
		p.showStorageNote(l.T("pricing.storage.no_cost", sku) + "\n" + explainStorage(l, ln, v.Opts))
	case currency != "" && ln.Fee.Currency != currency:
		p.showStorageNote(l.T("pricing.storage.currency", ln.StoragePerUnit.StringFixed(2), ln.Fee.Currency, currency) + "\n" +
			explainStorage(l, ln, v.Opts))
	default:
		p.entries["storage_per_unit"].SetText(ln.StoragePerUnit.StringFixed(2))
		p.showStorageNote(l.T("pricing.storage.filled", sku) + "\n" + explainStorage(l, ln, v.Opts))
	}
}

func (p *pricing) showStorageNote(text string) {
	p.storageNote.SetText(text)
	p.storageNote.Show()
}
