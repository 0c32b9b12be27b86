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

func (p *pricing) buildQuotes() fyne.CanvasObject {
	t := p.s.l.T
	p.quoteList = widget.NewList(
		func() int { return len(p.quotes) },
		func() fyne.CanvasObject { return newQuoteRow() },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			o.(*quoteRow).set(p.quoteTitle(p.quotes[i]), p.quoteFigures(p.quotes[i]))
		})
	p.quoteList.OnSelected = func(i widget.ListItemID) { p.quoteSel = i; p.showQuoteInfo() }
	p.quoteList.OnUnselected = func(widget.ListItemID) { p.quoteSel = -1; p.showQuoteInfo() }
	p.quoteInfo = newTextBlock("")
	p.openBtn = widget.NewButtonWithIcon(t("pricing.quotes.open"), theme.FolderOpenIcon(), p.onOpenQuote)
	p.deleteBtn = widget.NewButtonWithIcon(t("pricing.quotes.delete"), theme.DeleteIcon(), p.onDeleteQuote)
	p.saveBtn = widget.NewButtonWithIcon(t("pricing.save"), theme.DocumentSaveIcon(), p.onSave)
	p.saveBtn.Importance = widget.HighImportance
	p.undoLabel = widget.NewLabel("")
	p.undoBtn = widget.NewButtonWithIcon(t("pricing.quotes.undo"), theme.ContentUndoIcon(), p.onUndo)
	p.undoBar = container.NewHBox(p.undoLabel, p.undoBtn)
	p.undoBar.Hide()
	intro := newTextBlock(t("pricing.quotes.intro"))
	top := container.NewVBox(intro, container.NewHBox(p.saveBtn, p.openBtn, p.deleteBtn), p.undoBar)
	return container.NewBorder(top, p.quoteInfo, nil, nil, p.quoteList)
}

// quoteTitle names a saved quote's combination.
func (p *pricing) quoteTitle(sq app.SavedQuote) string {
	return sq.ProductSKU + " · " + app.CountryName(p.s.l, sq.Market) + " · " + sq.Platform + " · " + sq.Channel
}

// quoteFigures are a saved quote's key figures, on one line so the rows
// of the list compare at a glance.
func (p *pricing) quoteFigures(sq app.SavedQuote) string {
	t := p.s.l.T
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

func (p *pricing) showQuoteInfo() {
	if p.quoteSel < 0 || p.quoteSel >= len(p.quotes) {
		p.quoteInfo.SetText("")
		return
	}
	sq := p.quotes[p.quoteSel]
	name := sq.ProductName
	for _, pr := range p.products {
		if pr.SKU == sq.ProductSKU {
			name = p.productLabel(pr) // in the language on screen, not the one it was saved in
		}
	}
	p.quoteInfo.SetText(p.s.l.T("pricing.quotes.info", name, sq.SavedAt.Local().Format("2006-01-02 15:04")))
}

// onSave stores the quote on screen for the chosen combination; saving the
// same combination again replaces it.
func (p *pricing) onSave() {
	in, err := p.readInput()
	if err != nil {
		p.s.ShowError(err)
		return
	}
	sq := app.SavedQuote{Market: p.market(), Currency: p.currencyCode(), Input: in, SavedAt: p.s.env.Now()}
	if pr := p.product(); pr != nil {
		sq.ProductSKU, sq.ProductName = pr.SKU, pr.NameEn
		if p.s.l.Lang() == app.LangChinese && pr.NameZh != "" {
			sq.ProductName = pr.NameZh
		}
	}
	if pl := p.platform(); pl != nil {
		sq.Platform = pl.Name
	}
	if ch := p.channel(); ch != nil {
		sq.Channel = ch.Name
	}
	p.store(sq, p.s.l.T("pricing.quotes.saved", sq.ProductSKU, sq.Market))
}

// store saves sq off the UI goroutine and reloads the list.
func (p *pricing) store(sq app.SavedQuote, done string) {
	ws := p.s.ws
	var quotes []app.SavedQuote
	p.s.write(func(ctx context.Context) (err error) {
		if _, err = ws.SaveQuote(ctx, sq); err != nil {
			return err
		}
		quotes, err = ws.Quotes(ctx)
		return err
	}, func() {
		p.setQuotes(quotes)
		p.undoBar.Hide()
		p.quoteInfo.SetText(done)
	})
}

func (p *pricing) setQuotes(quotes []app.SavedQuote) {
	p.quotes = quotes
	p.quoteSel = -1
	p.quoteList.UnselectAll()
	p.quoteList.Refresh()
}

// onOpenQuote shows a saved quote in the form: its product, market,
// platform and channel chosen again and its inputs exactly as saved.
func (p *pricing) onOpenQuote() {
	if p.quoteSel < 0 || p.quoteSel >= len(p.quotes) {
		p.s.message(p.s.l.T("pricing.quotes.title"), p.s.l.T("pricing.quotes.pick"))
		return
	}
	sq := p.quotes[p.quoteSel]
	p.filling = true
	prev := p.productSel.SelectedIndex()
	for i, pr := range p.products {
		if pr.SKU == sq.ProductSKU {
			p.productSel.SetSelectedIndex(i)
		}
	}
	reload := p.productSel.SelectedIndex() != prev
	for i, m := range p.marketCodes {
		if m == sq.Market && p.market() != m {
			p.marketSel.SetSelectedIndex(i) // reloads the competitors itself
			reload = false
		}
	}
	if reload {
		p.loadCompetitors()
	}
	for i, pl := range p.platformOpts {
		if pl.Name == sq.Platform {
			p.platformSel.SetSelectedIndex(i)
		}
	}
	for i, ch := range p.channelOpts {
		if ch.Name == sq.Channel {
			p.channelSel.SetSelectedIndex(i)
		}
	}
	p.filling = false
	p.setInput(sq.Input, true)
}

func (p *pricing) onDeleteQuote() {
	t := p.s.l.T
	if p.quoteSel < 0 || p.quoteSel >= len(p.quotes) {
		p.s.message(t("pricing.quotes.title"), t("pricing.quotes.pick"))
		return
	}
	sq := p.quotes[p.quoteSel]
	dialog.ShowConfirm(t("pricing.quotes.delete"), t("pricing.quotes.confirm", sq.ProductSKU, sq.Market, sq.Platform, sq.Channel),
		func(ok bool) {
			if ok {
				p.deleteQuote(sq)
			}
		}, p.s.win)
}

// deleteQuote removes sq and offers to put it back.
func (p *pricing) deleteQuote(sq app.SavedQuote) {
	ws := p.s.ws
	var quotes []app.SavedQuote
	p.s.write(func(ctx context.Context) (err error) {
		if err = ws.DeleteQuote(ctx, sq.ID); err != nil {
			return err
		}
		quotes, err = ws.Quotes(ctx)
		return err
	}, func() {
		p.setQuotes(quotes)
		p.deleted = &sq
		p.undoLabel.SetText(p.s.l.T("pricing.quotes.deleted", sq.ProductSKU, sq.Market))
		p.undoBar.Show()
		p.quoteInfo.SetText("")
	})
}

func (p *pricing) onUndo() {
	if p.deleted == nil {
		return
	}
	sq := *p.deleted
	p.deleted = nil
	sq.ID = 0
	p.store(sq, p.s.l.T("pricing.quotes.restored", sq.ProductSKU, sq.Market))
}
