package screens

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/seller-assistant/seller-assistant/app"
	"github.com/seller-assistant/seller-assistant/screens/chart"
)

// adsOverview is the Overview tab: the period's figures with their
// formulas, a line per campaign, and the charts.
type adsOverview struct {
	a         *ads
	kpis      *textBlock
	weeks     *textBlock
	campaigns *textBlock
	views     []*chart.View
}

func newAdsOverview(a *ads) *adsOverview { return &adsOverview{a: a} }

func (o *adsOverview) buildUI() fyne.CanvasObject {
	l := o.a.s.l
	o.kpis = formulaLabel(o.a.s)
	o.campaigns = formulaLabel(o.a.s)
	o.weeks = formulaLabel(o.a.s)
	grid := newChartGrid()
	for range 4 {
		v := chart.NewView(app.Chart{}, l.T("ads.no_data"))
		o.views = append(o.views, v)
		grid.Add(v)
	}
	bold := func(key string) fyne.CanvasObject {
		return widget.NewLabelWithStyle(l.T(key), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	return newPageScroll(container.NewVBox(o.kpis, grid, bold("ads.by_campaign"), o.campaigns, bold("ads.by_week"), o.weeks))
}

func (o *adsOverview) refresh() {
	l, d := o.a.s.l, o.a.d
	ov := d.Overview
	if ov.From.IsZero() {
		o.kpis.SetText(l.T("ads.empty_hint"))
	} else {
		o.kpis.SetText(app.AdsKPIText(l, ov, d.Days.Currency))
	}
	charts := append(app.AdsCharts(l, ov, d.ChartTarget(), d.BreakEvens, d.Days.Currency), app.ActionCountsChart(l, d.Rows()))
	for i, c := range charts {
		o.views[i].SetChart(c)
	}
	text := ""
	for _, c := range ov.Campaigns {
		r := o.a.rulesFor(c.Campaign)
		text += app.AdsFiguresLine(l, c.Campaign, c.AdsSums, c.TACoS, d.Days.Currency) + " · " + l.T("ads.target_is", app.FormatPercent(app.NullOf(r.TargetACoS))) + "\n"
	}
	weeks := ""
	for _, w := range ov.Weeks {
		weeks += app.AdsFiguresLine(l, w.Start.Format("2006-01-02"), w.AdsSums, w.TACoS(), d.Days.Currency) + "\n"
	}
	o.weeks.SetText(weeks)
	o.campaigns.SetText(text)
}
