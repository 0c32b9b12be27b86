package screens

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/seller-assistant/seller-assistant/app"
)

// The saved quotes: one per product x market x platform x channel, listed
// with their figures side by side so they can be compared at a glance;
// open one to see it in the form, delete with a confirmation and an undo.

// pricingQuotes is the Saved quotes tab: the list, open, delete with undo,
// and the form's Save.
type pricingQuotes struct {
	p         *pricing
	list      *widget.List
	sel       int
	info      *textBlock
	undoBar   *fyne.Container
	undoBtn   *widget.Button
	saveBtn   *widget.Button
	openBtn   *widget.Button
	deleteBtn *widget.Button
	undoLabel *widget.Label
	deleted   *app.SavedQuote // the last deleted quote, for undo
}

func (v *pricingQuotes) buildUI() fyne.CanvasObject {
	t := v.p.s.l.T
	v.list = widget.NewList(
		func() int { return len(v.p.quotes) },
		func() fyne.CanvasObject { return newQuoteRow() },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			o.(*quoteRow).set(v.title(v.p.quotes[i]), v.figures(v.p.quotes[i]))
		})
	v.list.OnSelected = func(i widget.ListItemID) { v.sel = i; v.showInfo() }
	v.list.OnUnselected = func(widget.ListItemID) { v.sel = -1; v.showInfo() }
	v.info = newTextBlock("")
	v.openBtn = widget.NewButtonWithIcon(t("pricing.quotes.open"), theme.FolderOpenIcon(), v.onOpen)
	v.deleteBtn = widget.NewButtonWithIcon(t("pricing.quotes.delete"), theme.DeleteIcon(), v.onDelete)
	v.saveBtn = widget.NewButtonWithIcon(t("pricing.save"), theme.DocumentSaveIcon(), v.onSave)
	v.saveBtn.Importance = widget.HighImportance
	v.undoLabel = widget.NewLabel("")
	v.undoBtn = widget.NewButtonWithIcon(t("pricing.quotes.undo"), theme.ContentUndoIcon(), v.onUndo)
	v.undoBar = container.NewHBox(v.undoLabel, v.undoBtn)
	v.undoBar.Hide()
	intro := newTextBlock(t("pricing.quotes.intro"))
	top := container.NewVBox(intro, container.NewHBox(v.saveBtn, v.openBtn, v.deleteBtn), v.undoBar)
	return container.NewBorder(top, v.info, nil, nil, v.list)
}

// quoteTitle names a saved quote's combination.
func (v *pricingQuotes) title(sq app.SavedQuote) string {
	return sq.ProductSKU + " · " + app.CountryName(v.p.s.l, sq.Market) + " · " + sq.Platform + " · " + sq.Channel
}

// quoteFigures are a saved quote's key figures, on one line so the rows
// of the list compare at a glance.
func (v *pricingQuotes) figures(sq app.SavedQuote) string {
	t := v.p.s.l.T
	q := sq.Quote()
	rec := t("pricing.result.no_price")
	if q.RecommendedOK {
		rec = app.QuoteMoney(q.Recommended)
	}
	line := t("pricing.quotes.line", sq.Currency, app.QuoteMoney(q.UnitCost), rec)
	if sq.Input.HasPrice {
		line += " · " + t("pricing.quotes.at_price", app.QuoteMoney(sq.Input.Price), app.QuoteRate(q.Margin))
	}
	return line
}

// quoteRow is one row of the saved quotes: the combination in bold, the
// figures under it.
type quoteRow struct {
	widget.BaseWidget
	title, figures *widget.Label
}

func newQuoteRow() *quoteRow {
	r := &quoteRow{title: widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), figures: widget.NewLabel("")}
	r.title.Truncation = fyne.TextTruncateEllipsis
	r.figures.Truncation = fyne.TextTruncateEllipsis
	r.ExtendBaseWidget(r)
	return r
}

func (r *quoteRow) set(title, figures string) {
	r.title.SetText(title)
	r.figures.SetText(figures)
}

func (r *quoteRow) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.New(&tightVBox{}, r.title, r.figures))
}

// tightVBox stacks objects with no padding between them.
type tightVBox struct{}

func (tightVBox) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objs {
		m := o.MinSize()
		s.Width = max(s.Width, m.Width)
		s.Height += m.Height
	}
	return s
}

func (tightVBox) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	y := float32(0)
	for _, o := range objs {
		h := o.MinSize().Height
		o.Move(fyne.NewPos(0, y))
		o.Resize(fyne.NewSize(size.Width, h))
		y += h
	}
}

func (v *pricingQuotes) showInfo() {
	if v.sel < 0 || v.sel >= len(v.p.quotes) {
		v.info.SetText("")
		return
	}
	sq := v.p.quotes[v.sel]
	name := sq.ProductName
	for _, pr := range v.p.products {
		if pr.SKU == sq.ProductSKU {
			name = v.p.productLabel(pr) // in the language on screen, not the one it was saved in
		}
	}
	v.info.SetText(v.p.s.l.T("pricing.quotes.info", name, sq.SavedAt.Local().Format("2006-01-02 15:04")))
}

// onSave stores the quote on screen for the chosen combination; saving the
// same combination again replaces it.
func (v *pricingQuotes) onSave() {
	in, err := v.p.readInput()
	if err != nil {
		v.p.s.ShowError(err)
		return
	}
	sq := app.SavedQuote{Market: v.p.market(), Currency: v.p.currencyCode(), Input: in, SavedAt: v.p.s.env.Now()}
	if pr := v.p.product(); pr != nil {
		sq.ProductSKU, sq.ProductName = pr.SKU, pr.NameEn
		if v.p.s.l.Lang() == app.LangChinese && pr.NameZh != "" {
			sq.ProductName = pr.NameZh
		}
	}
	if pl := v.p.platform(); pl != nil {
		sq.Platform = pl.Name
	}
	if ch := v.p.channel(); ch != nil {
		sq.Channel = ch.Name
	}
	v.store(sq, v.p.s.l.T("pricing.quotes.saved", sq.ProductSKU, sq.Market))
}

// store saves sq off the UI goroutine and reloads the list.
func (v *pricingQuotes) store(sq app.SavedQuote, done string) {
	ws := v.p.s.ws
	var quotes []app.SavedQuote
	v.p.s.write(func(ctx context.Context) (err error) {
		if _, err = ws.SaveQuote(ctx, sq); err != nil {
			return err
		}
		quotes, err = ws.Quotes(ctx)
		return err
	}, func() {
		v.set(quotes)
		v.undoBar.Hide()
		v.info.SetText(done)
	})
}

func (v *pricingQuotes) set(quotes []app.SavedQuote) {
	v.p.quotes = quotes
	v.sel = -1
	v.list.UnselectAll()
	v.list.Refresh()
}

// onOpenQuote shows a saved quote in the form: its product, market,
// platform and channel chosen again and its inputs exactly as saved.
func (v *pricingQuotes) onOpen() {
	if v.sel < 0 || v.sel >= len(v.p.quotes) {
		v.p.s.message(v.p.s.l.T("pricing.quotes.title"), v.p.s.l.T("pricing.quotes.pick"))
		return
	}
	sq := v.p.quotes[v.sel]
	v.p.filling = true
	prev := v.p.productSel.SelectedIndex()
	for i, pr := range v.p.products {
		if pr.SKU == sq.ProductSKU {
			v.p.productSel.SetSelectedIndex(i)
		}
	}
	reload := v.p.productSel.SelectedIndex() != prev
	for i, m := range v.p.marketCodes {
		if m == sq.Market && v.p.market() != m {
			v.p.marketSel.SetSelectedIndex(i) // reloads the competitors itself
			reload = false
		}
	}
	if reload {
		v.p.comp.load()
	}
	for i, pl := range v.p.platformOpts {
		if pl.Name == sq.Platform {
			v.p.platformSel.SetSelectedIndex(i)
		}
	}
	for i, ch := range v.p.channelOpts {
		if ch.Name == sq.Channel {
			v.p.channelSel.SetSelectedIndex(i)
		}
	}
	v.p.filling = false
	v.p.setInput(sq.Input, true)
}

func (v *pricingQuotes) onDelete() {
	t := v.p.s.l.T
	if v.sel < 0 || v.sel >= len(v.p.quotes) {
		v.p.s.message(t("pricing.quotes.title"), t("pricing.quotes.pick"))
		return
	}
	sq := v.p.quotes[v.sel]
	dialog.ShowConfirm(t("pricing.quotes.delete"), t("pricing.quotes.confirm", sq.ProductSKU, sq.Market, sq.Platform, sq.Channel),
		func(ok bool) {
			if ok {
				v.delete(sq)
			}
		}, v.p.s.win)
}

// deleteQuote removes sq and offers to put it back.
func (v *pricingQuotes) delete(sq app.SavedQuote) {
	ws := v.p.s.ws
	var quotes []app.SavedQuote
	v.p.s.write(func(ctx context.Context) (err error) {
		if err = ws.DeleteQuote(ctx, sq.ID); err != nil {
			return err
		}
		quotes, err = ws.Quotes(ctx)
		return err
	}, func() {
		v.set(quotes)
		v.deleted = &sq
		v.undoLabel.SetText(v.p.s.l.T("pricing.quotes.deleted", sq.ProductSKU, sq.Market))
		v.undoBar.Show()
		v.info.SetText("")
	})
}

func (v *pricingQuotes) onUndo() {
	if v.deleted == nil {
		return
	}
	sq := *v.deleted
	v.deleted = nil
	sq.ID = 0
	v.store(sq, v.p.s.l.T("pricing.quotes.restored", sq.ProductSKU, sq.Market))
}
