package screens

import (
	"context"
	"log"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/shopspring/decimal"

	"github.com/seller-assistant/seller-assistant/app"
	"github.com/seller-assistant/seller-assistant/app/format"
	"github.com/seller-assistant/seller-assistant/screens/chart"
)

// dashboard is the shop at a glance. Its figures load off the UI goroutine
// from summary queries, so the first frame never waits for them.
type dashboard struct {
	s *Shell

	loading *widget.ProgressBarInfinite
	tiles   map[string]*statTile
	charts  []*chart.View
	notes   *fyne.Container
	risks   *fyne.Container
	upcom   *fyne.Container
	follow  *fyne.Container // customer care's follow-ups due (care_dashboard.go)
	reorder *fyne.Container // SKUs to reorder this week (inventory_dashboard.go)
	aged    *fyne.Container // SKUs with aged stock (inventory_dashboard.go)
	loaded  bool
}

func newDashboard(s *Shell) *dashboard {
	return &dashboard{s: s, tiles: map[string]*statTile{}}
}

var dashTiles = []string{"revenue", "orders", "customers", "products", "notes", "open_risks", "campaigns",
	"aov", "conversion", "repeat_rate", "buy_box"}

func (d *dashboard) buildUI() fyne.CanvasObject {
	t := d.s.l.T
	d.loading = widget.NewProgressBarInfinite()
	grid := container.NewGridWrap(fyne.NewSize(200, 96))
	for _, k := range dashTiles {
		tile := newStatTile(t("dash."+k), t("dash."+k+"_how"))
		d.tiles[k] = tile
		grid.Add(tile)
	}
	d.charts = nil
	chartGrid := container.NewAdaptiveGrid(2)
	for i := 0; i < 4; i++ {
		cv := chart.NewView(app.Chart{}, t("chart.no_data"))
		d.charts = append(d.charts, cv)
		chartGrid.Add(cv)
	}
	d.notes = container.NewVBox()
	d.risks = container.NewVBox()
	d.upcom = container.NewVBox()
	d.follow = container.NewVBox()
	d.reorder = container.NewVBox()
	d.aged = container.NewVBox()
	lists := container.NewAdaptiveGrid(3,
		titled(t("dash.recent_notes"), d.notes),
		titled(t("dash.top_risks"), d.risks),
		titled(t("dash.upcoming"), d.upcom),
		titled(t("care.dash_followups"), d.follow),
		titled(t("inventory.dash_reorder"), d.reorder),
		titled(t("storage.dash_aged"), d.aged))
	head := heading(t("module.dashboard.title"))
	body := container.NewVBox(head, d.loading, grid, chartGrid, lists)
	if d.s.ws == nil {
		d.loading.Hide()
		d.loading.Stop()
		return container.NewVBox(head, widget.NewLabel(t("workspace.none_hint")))
	}
	return newPageScroll(container.NewPadded(body))
}

// load reads the overview in the background and fills the widgets on the
// UI goroutine.
func (d *dashboard) load() {
	ws, l, now := d.s.ws, d.s.l, d.s.env.Now()
	if ws == nil {
		return
	}
	type overview struct {
		o          app.Overview
		due        []app.Interaction
		dueErr     error // shown in the follow-ups tile, not as a dialog
		reorder    []app.ReplenishRow
		reorderErr error // shown in the reorder tile, not as a dialog
		aged       app.StorageView
		agedErr    error // shown in the aged tile, not as a dialog
	}
	backgroundErr(d.s, func(ctx context.Context) (v overview, err error) {
		v.o, err = app.LoadOverview(ctx, ws, now)
		v.due, v.dueErr = loadDueFollowUps(ctx, ws, now)
		v.reorder, v.reorderErr = loadReorderThisWeek(ws, now)
		v.aged, v.agedErr = app.LoadStorage(ctx, ws, app.StorageOptions{AsOf: app.DayOf(now), WindowDays: app.DefaultReplenishOptions(now).WindowDays})
		return v, err
	}, func(v overview, err error) {
		d.loading.Stop()
		d.loading.Hide()
		if err != nil {
			log.Printf("dashboard: %v", err)
			d.s.ShowError(err)
			return
		}
		d.fill(v.o, l)
		d.fillFollowUps(v.due, v.dueErr)
		d.fillReorder(v.reorder, v.reorderErr)
		d.fillAged(v.aged, v.agedErr)
	})
}

func (d *dashboard) fill(o app.Overview, l *app.Localizer) {
	sum, cur := o.Summary, o.Info.Currency
	d.tiles["revenue"].set(format.MoneyWhole(sum.Revenue, cur))
	d.tiles["orders"].set(format.Int(int64(sum.Orders)))
	d.tiles["customers"].set(format.Int(int64(sum.Customers)))
	d.tiles["products"].set(format.Int(int64(sum.Products)))
	d.tiles["notes"].set(format.Int(int64(sum.Notes)))
	d.tiles["open_risks"].set(format.Int(int64(sum.OpenRisks)))
	if o.Overdue > 0 {
		d.tiles["open_risks"].setCaption(l.T("dash.overdue_reviews", app.Count(o.Overdue)), true)
	}
	d.tiles["campaigns"].set(format.Int(int64(sum.Campaigns)))
	// The funnel's KPIs (issue 16): average order value (客单价) from the
	// orders, conversion rate (转化率) and Buy Box share from the Business
	// Report, repeat-purchase rate (复购率) from the customers.
	aov := "—"
	if sum.Orders > 0 {
		aov = format.Money(sum.Revenue.Div(decimal.NewFromInt(int64(sum.Orders))), cur)
	}
	d.tiles["aov"].set(aov)
	d.tiles["conversion"].set(app.FormatPercent(o.Ads.ConversionRate()))
	d.tiles["repeat_rate"].set(app.FormatPercent(o.Ads.RepeatRate()))
	d.tiles["buy_box"].set(app.FormatPercent(o.Ads.BuyBox()))

	charts := []app.Chart{
		app.MarkPartialMonth(l, app.RevenueByMonthChart(l, o.Monthly, cur), o.Now),
		app.RevenueByCountryChart(l, o.Countries, cur),
		app.MarkPartialMonth(l, app.OrdersByMonthChart(l, o.Monthly), o.Now),
		app.RiskHeatmapChart(l, o.OpenRisks),
	}
	for i, c := range charts {
		d.charts[i].SetChart(c)
	}

	d.notes.Objects = nil
	for _, n := range o.RecentNotes {
		d.notes.Add(listLine(n.Date.Format("01-02")+"  "+app.CountryName(l, n.Market), n.Title, false))
	}
	if len(o.RecentNotes) == 0 {
		d.notes.Add(widget.NewLabel(l.T("dash.none")))
	}
	d.risks.Objects = nil
	for i, r := range o.OpenRisks {
		if i == 5 {
			break
		}
		flag := r.Overdue(d.s.env.Now())
		meta := l.T("risk.score_short", r.Score()) + "  " + l.T("risk.level."+r.Level())
		if flag {
			meta += "  " + l.T("risk.overdue")
		}
		d.risks.Add(listLine(meta, r.Title, flag))
	}
	if len(o.OpenRisks) == 0 {
		d.risks.Add(widget.NewLabel(l.T("dash.none")))
	}
	d.upcom.Objects = nil
	for _, c := range o.Upcoming {
		d.upcom.Add(listLine(c.Start.Format("2006-01-02")+" → "+c.End.Format("01-02"), c.Name, false))
	}
	if len(o.Upcoming) == 0 {
		d.upcom.Add(widget.NewLabel(l.T("dash.none")))
	}
	d.notes.Refresh()
	d.risks.Refresh()
	d.upcom.Refresh()
	d.loaded = true
}

func titled(title string, content fyne.CanvasObject) fyne.CanvasObject {
	return widget.NewCard("", title, content)
}

// listLine is a two-line entry: small meta text over a title.
func listLine(meta, title string, warn bool) fyne.CanvasObject {
	m := canvas.NewText(meta, theme.Color(colorNameSecondary))
	if warn {
		m.Color = theme.Color(theme.ColorNameError)
	}
	m.TextSize = theme.CaptionTextSize()
	t := widget.NewLabel(title)
	t.Truncation = fyne.TextTruncateEllipsis
	return container.NewVBox(m, t)
}

// statTile shows one figure with its name and how it was computed.
type statTile struct {
	widget.BaseWidget
	name    *canvas.Text
	value   *canvas.Text
	caption *widget.Label
	bg      *canvas.Rectangle
}

func newStatTile(name, how string) *statTile {
	t := &statTile{
		name:    canvas.NewText(name, theme.Color(colorNameSecondary)),
		value:   canvas.NewText("…", theme.Color(theme.ColorNameForeground)),
		caption: widget.NewLabel(how),
		bg:      canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground)),
	}
	t.value.TextSize = theme.TextSize() * 1.8
	t.value.TextStyle.Bold = true
	t.caption.SizeName = theme.SizeNameCaptionText
	t.caption.Truncation = fyne.TextTruncateEllipsis
	t.bg.CornerRadius = theme.InputRadiusSize()
	t.ExtendBaseWidget(t)
	return t
}

func (t *statTile) set(v string) {
	t.value.Text = v
	t.value.Refresh()
}

func (t *statTile) setCaption(c string, warn bool) {
	t.caption.SetText(c)
	if warn {
		t.caption.Importance = widget.DangerImportance
		t.caption.Refresh()
	}
}

// Refresh re-reads the theme's colours, so a light/dark switch reaches the
// canvas texts, which keep the colour they were given.
func (t *statTile) Refresh() {
	t.name.Color = theme.Color(colorNameSecondary)
	t.value.Color = theme.Color(theme.ColorNameForeground)
	t.bg.FillColor = theme.Color(theme.ColorNameInputBackground)
	t.BaseWidget.Refresh()
}

// Value is the figure shown, for tests.
func (t *statTile) Value() string { return t.value.Text }

func (t *statTile) CreateRenderer() fyne.WidgetRenderer {
	content := container.NewPadded(container.NewVBox(t.name, t.value, t.caption))
	return widget.NewSimpleRenderer(container.NewStack(t.bg, content))
}
