package screens

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/seller-assistant/seller-assistant/app"
	"github.com/seller-assistant/seller-assistant/app/format"
)

// customerDetail shows one customer: figures, scores, lifetime value with
// its inputs, the tier's actions, and the order history (loaded in the
// background, since it reads order lines).
type customerDetail struct {
	s *Shell

	title   *textBlock
	info    *textBlock
	values  *textBlock // historic value beside predicted CLV, each named with its horizon
	ltv     *textBlock
	action  *textBlock
	history *widget.Label
	card    *widget.Button // opens the customer's card in Customer care
	orders  *widget.Table
	lines   []app.OrderLine
	current string // the customer whose orders are (being) loaded
	load    latest // the newest order read; one for a customer picked before is dropped
}

func newCustomerDetail(s *Shell) *customerDetail { return &customerDetail{s: s} }

var orderColumns = []string{"date", "invoice", "item", "qty", "price", "amount"}

func (d *customerDetail) buildUI() fyne.CanvasObject {
	d.title = newTextBlock(d.s.l.T("customers.select_hint"))
	d.title.TextStyle, d.title.SizeName = fyne.TextStyle{Bold: true}, theme.SizeNameSubHeadingText
	d.title.Refresh()
	d.info = newTextBlock("")
	d.values = newTextBlock("")
	d.ltv = newTextBlock("")
	d.action = newTextBlock("")
	d.history = widget.NewLabel("")
	d.card = widget.NewButtonWithIcon(d.s.l.T("customers.open_card"), theme.AccountIcon(), d.onOpenCard)
	d.card.Disable()
	d.orders = &widget.Table{
		Length:     func() (int, int) { return len(d.lines), len(orderColumns) },
		CreateCell: func() fyne.CanvasObject { return widget.NewLabel("") },
		UpdateCell: d.updateCell,
		CreateHeader: func() fyne.CanvasObject {
			return widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		},
		UpdateHeader: func(id widget.TableCellID, o fyne.CanvasObject) {
			if id.Col >= 0 {
				o.(*widget.Label).SetText(d.s.l.T("customers.col." + orderColumns[id.Col]))
			}
		},
		ShowHeaderRow: true,
	}
	d.orders.ExtendBaseWidget(d.orders)
	// Price and amount carry the order's own currency ("1,234.50 GBP").
	for i, w := range []float32{100, 90, 180, 50, 100, 100} {
		d.orders.SetColumnWidth(i, w)
	}
	return container.NewBorder(container.NewVBox(d.title, d.info, d.values, d.ltv, d.action, container.NewBorder(nil, nil, nil, d.card, d.history)), nil, nil, nil, d.orders)
}

// show fills the figures at once and loads the order history.
func (d *customerDetail) show(c app.CustomerScore, ltv app.LTV, currency string) {
	l := d.s.l
	d.title.SetText(l.T("customers.detail_title", c.ID, app.CountryName(l, c.Country)))
	d.info.SetText(l.T("customers.detail_line", c.RecencyDays, app.Count(c.Orders), format.Money(c.Monetary, currency),
		c.R, c.F, c.M, c.FM, app.SegmentLabel(l, c.Segment), app.TierName(l, c.Tier)))
	d.ltv.SetText(l.T("customers.ltv_line", format.Money(ltv.Value, currency), format.Fixed(ltv.AvgOrderValue, 2),
		format.Fixed(ltv.PurchasesPerYear, 2), ltv.LifetimeYears.String()))
	d.action.SetText(l.T("customers.label_value", l.T("customers.col.actions"), l.T("customers.action."+string(c.Tier))))
	d.lines = nil
	d.history.SetText("")
	d.orders.Refresh()
	d.current = c.ID
	d.card.Enable()
	ws, id := d.s.ws, c.ID
	backgroundLatest(d.s, &d.load, func(ctx context.Context) ([]app.OrderLine, error) {
		return ws.CustomerOrders(ctx, id)
	}, func(lines []app.OrderLine) {
		d.lines = lines
		d.history.SetText(l.T("customers.detail_orders", len(lines)))
		d.orders.Refresh()
	})
}

// showValues names the customer's two money figures by their horizon: what
// they have spent so far, and the CLV predicted for the fit's horizon (or
// where to get one).
func (d *customerDetail) showValues(c app.CustomerScore, p app.CustomerCLV, ok bool, currency string) {
	l := d.s.l
	historic := format.Money(c.Monetary, currency)
	if !ok {
		d.values.SetText(l.T("customers.detail_no_prediction", historic))
		return
	}
	d.values.SetText(l.T("customers.detail_values", historic, p.HorizonWeeks, format.Money(p.CLV, currency)))
}

func (d *customerDetail) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	lb := o.(*widget.Label)
	if id.Row >= len(d.lines) {
		lb.SetText("")
		return
	}
	ol := d.lines[id.Row]
	lb.Truncation = fyne.TextTruncateEllipsis
	lb.Alignment = fyne.TextAlignLeading
	switch id.Col {
	case 0:
		lb.SetText(ol.InvoicedAt.Format("2006-01-02"))
	case 1:
		lb.SetText(ol.Invoice)
	case 2:
		text := ol.Description
		if text == "" {
			text = ol.StockCode
		}
		if ol.Cancelled() {
			text = "(" + d.s.l.T("customers.cancelled_mark") + ") " + text
		}
		lb.SetText(text)
	case 3:
		lb.Alignment = fyne.TextAlignTrailing
		lb.SetText(format.Int(int64(ol.Quantity)))
	case 4:
		lb.Alignment = fyne.TextAlignTrailing
		lb.SetText(format.Money(ol.UnitPrice, ol.Currency))
	case 5:
		lb.Alignment = fyne.TextAlignTrailing
		lb.SetText(format.Money(ol.Amount(), ol.Currency))
	}
}

func (d *customerDetail) onOpenCard() {
	if d.current != "" {
		d.s.OpenCustomerCard(d.current)
	}
}
