package screens

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/seller-assistant/seller-assistant/app"
	"github.com/seller-assistant/seller-assistant/screens/chart"
)

// adsFunnel is the Funnel tab: per product, sessions → units → orders from
// the Business Report and the imported orders, with conversion rate
// (转化率), average order value (客单价), repeat-purchase rate (复购率) and
// Buy Box share.
type adsFunnel struct {
	a     *ads
	table *widget.Table
	note  *textBlock
	chart *chart.View
}

var funnelCols = []string{"product", "sessions", "page_views", "units", "orders", "conversion", "aov", "repeat", "buy_box"}

var funnelColWidths = []float32{220, 80, 90, 70, 70, 90, 80, 90, 80}

func newAdsFunnel(a *ads) *adsFunnel { return &adsFunnel{a: a} }

func (f *adsFunnel) buildUI() fyne.CanvasObject {
	l := f.a.s.l
	f.note = formulaLabel(f.a.s)
	f.note.SetText(l.T("ads.funnel_note"))
	f.table = &widget.Table{
		Length:     func() (int, int) { return len(f.a.d.Funnel) + 1, len(funnelCols) },
		CreateCell: func() fyne.CanvasObject { return widget.NewLabel("") },
		UpdateCell: f.updateCell,
	}
	f.table.ExtendBaseWidget(f.table)
	for i, w := range funnelColWidths {
		f.table.SetColumnWidth(i, w)
	}
	f.chart = chart.NewView(app.Chart{}, l.T("ads.funnel_empty"))
	split := container.NewVSplit(f.table, f.chart)
	split.Offset = 0.45
	return container.NewBorder(f.note, nil, nil, nil, split)
}

func (f *adsFunnel) refresh() {
	if f.table == nil {
		return
	}
	f.table.Refresh()
	f.chart.SetChart(app.FunnelChart(f.a.s.l, f.a.d.Funnel))
}

func (f *adsFunnel) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	lb := o.(*widget.Label)
	lb.Truncation = fyne.TextTruncateEllipsis
	l := f.a.s.l
	if id.Row == 0 {
		lb.TextStyle.Bold = true
		lb.SetText(l.T("ads.funnel_col." + funnelCols[id.Col]))
		return
	}
	lb.TextStyle.Bold = false
	if id.Row-1 >= len(f.a.d.Funnel) {
		lb.SetText("")
		return
	}
	r := f.a.d.Funnel[id.Row-1]
	var text string
	switch funnelCols[id.Col] {
	case "product":
		text = r.SKU + " · " + r.ASIN + " · " + r.Title
	case "sessions":
		text = strconv.FormatInt(r.Sessions, 10)
	case "page_views":
		text = strconv.FormatInt(r.PageViews, 10)
	case "units":
		text = strconv.FormatInt(r.Units, 10)
	case "orders":
		text = strconv.FormatInt(r.OrderItems, 10)
	case "conversion":
		text = app.FormatPercent(r.ConversionRate())
	case "aov":
		text = app.FormatMoneyRatio(r.AOV())
	case "repeat":
		text = app.FormatPercent(r.RepeatRate())
	case "buy_box":
		text = app.FormatPercent(app.NullOf(r.BuyBox()))
	}
	lb.SetText(text)
}
