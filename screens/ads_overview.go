package screens

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/seller-assistant/seller-assistant/app"
)

// adsOverview is the Overview tab: the period's figures with their
// formulas, a line per campaign, and the charts.
type adsOverview struct {
	a         *ads
	kpis      *widget.Label
	campaigns *widget.Label
	views     []*ChartView
}

func newAdsOverview(a *ads) *adsOverview { return &adsOverview{a: a} }

func (o *adsOverview) buildUI() fyne.CanvasObject {
	l := o.a.s.l
	o.kpis = formulaLabel(o.a.s)
	o.campaigns = formulaLabel(o.a.s)
	grid := container.NewGridWithColumns(2)
	for range 3 {
		v := NewChartView(app.Chart{}, l.T("ads.no_data"))
		o.views = append(o.views, v)
		grid.Add(container.NewGridWrap(fyne.NewSize(500, 280), v))
	}
	return container.NewVScroll(container.NewVBox(o.kpis, grid, widget.NewLabelWithStyle(l.T("ads.by_campaign"), fyne.TextAlignLeading,
		fyne.TextStyle{Bold: true}), o.campaigns))
}

func (o *adsOverview) refresh() {
	l, d := o.a.s.l, o.a.d
	ov := d.Overview
	if ov.From.IsZero() {
		o.kpis.SetText(l.T("ads.empty_hint"))
	} else {
		o.kpis.SetText(app.AdsKPIText(l, ov, d.Days.Currency))
	}
	for i, c := range app.AdsCharts(l, ov, d.ChartTarget(), d.BreakEvens, d.Days.Currency) {
		o.views[i].SetChart(c)
	}
	text := ""
	for _, c := range ov.Campaigns {
		tacos := "—"
		if c.TACoS.Valid {
			tacos = app.FormatPercent(c.TACoS) + " (" + c.SKU + ")"
		}
		r := o.a.rulesFor(c.Campaign)
		text += l.T("ads.campaign_line", c.Campaign, app.FormatCents(c.SpendCents), app.FormatCents(c.SalesCents), app.FormatPercent(c.ACoS()),
			tacos, app.FormatMoneyRatio(c.ROAS()), app.FormatPercent(app.NullOf(r.TargetACoS))) + "\n"
	}
	o.campaigns.SetText(text)
}
