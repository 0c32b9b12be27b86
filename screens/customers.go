package screens

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/shopspring/decimal"

	"github.com/seller-assistant/seller-assistant/app"
	"github.com/seller-assistant/seller-assistant/app/format"
	"github.com/seller-assistant/seller-assistant/screens/chart"
)

func init() {
	registerScreen("customers", func(s *Shell) moduleScreen { return newCustomers(s) })
}

// customers is customer tiering: import order exports, then every customer
// scored (RFM), segmented and tiered, with charts, tier actions and exports.
// The table is a widget.Table over an index slice, so 100k customers cost
// only the visible rows to draw; filtering and sorting reorder indices.
type customers struct {
	s *Shell

	tiering  app.Tiering
	byTier   []app.TierFigures
	months   []app.MonthValue
	newCusts []app.MonthValue
	currency string
	shown    []int // indices into tiering.Scored, filtered and sorted
	sortCol  int
	sortDesc bool
	selected int // index into tiering.Scored; -1 none

	summary  *textBlock
	loading  *widget.ProgressBarInfinite
	search   *widget.Entry
	filter   *widget.Select
	asOf     *widget.Entry
	lifetime *widget.Entry
	table    *widget.Table
	detail   *customerDetail
	charts   []*chart.View
	tiers    *fyne.Container
	empty    *textBlock
	mapping  *mappingDialog // the open column mapping dialog, if any
	// fileCurrency is the currency of a file to import where it has no
	// currency column of its own (Shopify and Amazon exports have one):
	// the base currency unless chosen.
	fileCurrency *widget.Select
	// previewing is the preview of the file picked to import, read before
	// the import starts; picking another file drops it.
	previewing latest

	// predict is the Prediction tab, built when first opened so the
	// model is fitted only for people who look at it; preds are its
	// per-customer results, shown in the table's last columns.
	predict *predictionView
	preds   map[string]app.CustomerCLV
}

func newCustomers(s *Shell) *customers {
	return &customers{s: s, selected: -1, sortCol: colMonetary, sortDesc: true}
}

// Table columns.
const (
	colID = iota
	colCountry
	colRecency
	colFrequency
	colMonetary
	colRFM
	colSegment
	colTier
	colPAlive   // from the Prediction tab's fit; "–" before it
	colExpected // expected purchases in the horizon
	colCLV
	colCount
)

var customerColumns = []string{"id", "country", "recency", "frequency", "monetary", "rfm", "segment", "tier", "p_alive", "expected", "clv"}

// The value columns are wide because their names carry their horizon:
// "Historic value (all orders to date)" beside "Predicted CLV (next 52
// weeks)", so the two are never read as the same kind of figure.
var customerColWidths = []float32{80, 105, 100, 65, 250, 80, 125, 88, 80, 235, 215}

func (c *customers) buildUI() fyne.CanvasObject {
	t := c.s.l.T
	head := heading(t("module.customers.title"))
	if c.s.ws == nil {
		return container.NewVBox(head, widget.NewLabel(t("workspace.none_hint")))
	}
	importBtn := widget.NewButtonWithIcon(t("customers.import"), theme.UploadIcon(), c.onImport)
	importBtn.Importance = widget.HighImportance
	exportBtn := widget.NewButtonWithIcon(t("customers.export"), theme.DownloadIcon(), c.onExport)
	c.fileCurrency = newSelect([]string{c.s.info.Currency}, nil)
	c.fileCurrency.SetSelected(c.s.info.Currency)
	c.summary = newTextBlock("")
	c.loading = widget.NewProgressBarInfinite()
	c.search = widget.NewEntry()
	c.search.SetPlaceHolder(t("customers.search"))
	c.search.OnChanged = func(string) { c.applyFilter() }
	c.filter = newSelect(c.filterOptions(), func(string) { c.applyFilter() })
	c.filter.SetSelectedIndex(0)
	c.asOf = &widget.Entry{PlaceHolder: "YYYY-MM-DD", OnSubmitted: func(string) { c.load() }}
	c.asOf.Validator = localizedValidator(c.s.l, func(s string) error {
		if s == "" {
			return nil
		}
		if _, err := time.Parse("2006-01-02", s); err != nil {
			return app.Errorf(app.EInvalid, "customers.err.bad_as_of", s)
		}
		return nil
	})
	c.lifetime = &widget.Entry{Text: app.DefaultLifetimeYears.String(), OnSubmitted: func(string) { c.recompute() }}
	c.lifetime.Validator = localizedValidator(c.s.l, func(s string) error {
		if d, err := decimal.NewFromString(strings.TrimSpace(s)); err != nil || !d.IsPositive() {
			return app.Errorf(app.EInvalid, "customers.err.bad_lifetime", s)
		}
		return nil
	})
	recompute := widget.NewButtonWithIcon(t("customers.recompute"), theme.ViewRefreshIcon(), c.load)
	// The progress bar runs beside Recompute rather than on a line of its
	// own: a line that comes and goes made the window grow while loading,
	// and a grown window stays grown.
	params := container.NewBorder(nil, nil, container.NewHBox(widget.NewLabel(t("customers.as_of")), sized(c.asOf, 140),
		widget.NewLabel(t("customers.lifetime")), sized(c.lifetime, 60), recompute), nil, container.NewVBox(layout.NewSpacer(), c.loading, layout.NewSpacer()))
	top := container.NewVBox(container.NewBorder(nil, nil, head, container.NewHBox(widget.NewLabel(t("customers.file_currency")),
		fitChoices(c.fileCurrency), importBtn, exportBtn)),
		c.summary, container.NewBorder(nil, nil, nil, fitChoices(c.filter), c.search), params)

	c.table = &widget.Table{
		Length:        func() (int, int) { return len(c.shown), colCount },
		CreateCell:    func() fyne.CanvasObject { return widget.NewLabel("") },
		UpdateCell:    c.updateCell,
		CreateHeader:  func() fyne.CanvasObject { return widget.NewButton("", nil) },
		UpdateHeader:  c.updateHeader,
		OnSelected:    c.onSelected,
		ShowHeaderRow: true,
	}
	c.table.ExtendBaseWidget(c.table)
	for i, w := range customerColWidths {
		c.table.SetColumnWidth(i, w)
	}
	c.detail = newCustomerDetail(c.s)
	c.empty = newTextBlock(t("customers.empty"))
	c.empty.Hide()
	split := container.NewHSplit(container.NewStack(c.table, container.NewVBox(c.empty)), c.detail.buildUI())
	split.Offset = 0.73

	c.charts = nil
	chartGrid := newChartGrid()
	for i := 0; i < 6; i++ {
		cv := chart.NewView(app.Chart{}, t("customers.no_data"))
		c.charts = append(c.charts, cv)
		chartGrid.Add(cv)
	}
	c.tiers = container.NewVBox()
	predictTab := container.NewTabItem(t("customers.tab.prediction"), widget.NewLabel(""))
	tabs := container.NewAppTabs(
		container.NewTabItem(t("customers.tab.customers"), split),
		container.NewTabItem(t("customers.tab.charts"), newPageScroll(chartGrid)),
		container.NewTabItem(t("customers.tab.tiers"), newPageScroll(c.tiers)),
		predictTab,
	)
	tabs.OnSelected = func(ti *container.TabItem) {
		if ti == predictTab && c.predict == nil {
			c.predict = newPredictionView(c.s)
			c.predict.OnPredicted = c.onPredicted
			predictTab.Content = c.predict.buildUI()
			tabs.Refresh()
		}
	}
	c.load()
	return container.NewBorder(container.NewPadded(top), nil, nil, nil, tabs)
}

// sized gives an entry a fixed width in an HBox.
func sized(o fyne.CanvasObject, w float32) fyne.CanvasObject {
	return container.NewGridWrap(fyne.NewSize(w, o.MinSize().Height), o)
}

func (c *customers) filterOptions() []string {
	opts := []string{c.s.l.T("customers.filter_all")}
	for _, tr := range app.Tiers {
		opts = append(opts, c.s.l.T("customers.label_value", c.s.l.T("customers.col.tier"), app.TierName(c.s.l, tr)))
	}
	for _, sg := range app.Segments {
		opts = append(opts, c.s.l.T("customers.label_value", c.s.l.T("customers.col.segment"), app.SegmentLabel(c.s.l, sg)))
	}
	return opts
}

// load reads the customer figures in the background and scores them there
// (a sort of 100k keys), then fills the widgets on the UI goroutine.
func (c *customers) load() {
	ws := c.s.ws
	if ws == nil {
		return
	}
	var asOf time.Time
	if c.asOf != nil && c.asOf.Text != "" {
		d, err := time.Parse("2006-01-02", c.asOf.Text)
		if err != nil {
			c.s.ShowError(app.Errorf(app.EInvalid, "customers.err.bad_as_of", c.asOf.Text))
			return
		}
		asOf = d
	}
	c.loading.Show()
	c.loading.Start()
	type figures struct {
		tiering          app.Tiering
		months, newCusts []app.MonthValue
		currency         string
		currencies       []string // a file's currency can be
	}
	backgroundErr(c.s, func(ctx context.Context) (f figures, err error) {
		stats, err := ws.CustomerStatsAsOf(ctx, asOf)
		if err != nil {
			return f, err
		}
		if f.months, err = ws.MonthlyRevenue(ctx); err != nil {
			return f, err
		}
		if f.newCusts, err = ws.NewCustomersByMonth(ctx); err != nil {
			return f, err
		}
		info, err := ws.Info(ctx)
		if err != nil {
			return f, err
		}
		f.currency = info.Currency
		if f.currencies, err = ws.BaseCurrencies(ctx); err != nil {
			return f, err
		}
		f.tiering = app.ScoreCustomers(stats, asOf) // here, off the UI goroutine: a sort of every customer
		return f, nil
	}, func(f figures, err error) {
		c.loading.Stop()
		c.loading.Hide()
		if err != nil {
			c.s.ShowError(err)
			return
		}
		c.tiering, c.months, c.newCusts, c.currency = f.tiering, f.months, f.newCusts, f.currency
		c.setFileCurrencies(f.currency, f.currencies)
		c.recompute()
		// Reading and scoring 90k customers leaves some 80 MB of garbage
		// the runtime would keep as idle heap (releaseMemory).
		go releaseMemory()
	})
}

// lifetimeYears is the LTV assumption from its field, or the default.
func (c *customers) lifetimeYears() decimal.Decimal {
	if d, err := decimal.NewFromString(strings.TrimSpace(c.lifetime.Text)); err == nil && d.IsPositive() {
		return d
	}
	return app.DefaultLifetimeYears
}

// recompute refreshes what depends on the tiering and the LTV assumption.
func (c *customers) recompute() {
	l, years := c.s.l, c.lifetimeYears()
	c.byTier = c.tiering.ByTier(years)
	countries := c.tiering.ByCountry(years)
	charts := []app.Chart{app.SegmentGridChart(l, c.tiering), app.TierDonutChart(l, c.byTier),
		app.RevenueByTierChart(l, c.byTier, c.currency), app.CountryTierChart(l, countries, c.currency, 8),
		app.RevenueByMonthChart(l, c.months, c.currency), app.NewCustomersChart(l, c.newCusts)}
	for i, ch := range charts {
		c.charts[i].SetChart(ch)
	}
	c.fillTiers(years, countries)
	if len(c.tiering.Scored) == 0 && len(c.tiering.Unscored) == 0 {
		c.empty.Show()
	} else {
		c.empty.Hide()
	}
	c.applyFilter()
}

// applyFilter rebuilds the shown indices from the filter and search, then
// sorts them; 100k customers take a few tens of milliseconds.
func (c *customers) applyFilter() {
	if c.table == nil {
		return
	}
	q := strings.ToLower(strings.TrimSpace(c.search.Text))
	sel := c.filter.SelectedIndex()
	c.shown = c.shown[:0]
	for i := range c.tiering.Scored {
		cs := &c.tiering.Scored[i]
		switch {
		case sel >= 1 && sel <= len(app.Tiers) && cs.Tier != app.Tiers[sel-1]:
			continue
		case sel > len(app.Tiers) && cs.Segment != app.Segments[sel-1-len(app.Tiers)]:
			continue
		}
		if q != "" && !strings.Contains(strings.ToLower(cs.ID), q) && !strings.Contains(strings.ToLower(cs.Country), q) &&
			!strings.Contains(strings.ToLower(app.CountryName(c.s.l, cs.Country)), q) {
			continue
		}
		c.shown = append(c.shown, i)
	}
	c.sortShown()
	c.table.UnselectAll()
	c.table.Refresh()
	c.summary.SetText(c.s.l.T("customers.summary_line", app.Count(len(c.tiering.Scored)), app.Count(len(c.tiering.Unscored)),
		c.tiering.AsOf.Format("2006-01-02"), app.Count(len(c.shown))))
}

func (c *customers) sortShown() {
	sc := c.tiering.Scored
	less := func(a, b *app.CustomerScore) int {
		switch c.sortCol {
		case colCountry:
			return strings.Compare(a.Country, b.Country)
		case colRecency:
			return a.RecencyDays - b.RecencyDays
		case colFrequency:
			return a.Orders - b.Orders
		case colMonetary:
			return a.Monetary.Cmp(b.Monetary)
		case colRFM:
			return (a.R*1000 + a.FM*100 + a.F*10 + a.M) - (b.R*1000 + b.FM*100 + b.F*10 + b.M)
		case colSegment:
			return strings.Compare(string(a.Segment), string(b.Segment))
		case colTier:
			return tierRank(a.Tier) - tierRank(b.Tier)
		case colPAlive, colExpected, colCLV:
			pa, oka := c.prediction(a.ID)
			pb, okb := c.prediction(b.ID)
			if !oka || !okb { // customers without a prediction sort first ascending
				return boolInt(oka) - boolInt(okb)
			}
			switch c.sortCol {
			case colPAlive:
				return cmpFloat(pa.PAlive, pb.PAlive)
			case colExpected:
				return cmpFloat(pa.ExpectedPurchases, pb.ExpectedPurchases)
			default:
				return pa.CLV.Cmp(pb.CLV)
			}
		}
		return 0
	}
	sort.SliceStable(c.shown, func(i, j int) bool {
		a, b := &sc[c.shown[i]], &sc[c.shown[j]]
		d := less(a, b)
		if d == 0 {
			d = strings.Compare(a.ID, b.ID)
			return d < 0 // ties always by id, ascending, so the order is stable to read
		}
		if c.sortDesc {
			return d > 0
		}
		return d < 0
	})
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func tierRank(t app.Tier) int {
	for i, x := range app.Tiers {
		if x == t {
			return i
		}
	}
	return len(app.Tiers)
}

func (c *customers) updateHeader(id widget.TableCellID, o fyne.CanvasObject) {
	b := o.(*widget.Button)
	if id.Col < 0 {
		b.SetText("")
		return
	}
	text := c.s.l.T("customers.col." + customerColumns[id.Col])
	if id.Col == colExpected || id.Col == colCLV {
		text = c.s.l.T("customers.col."+customerColumns[id.Col], app.PredictionsHorizon(c.preds))
	}
	b.Icon = nil
	if id.Col == c.sortCol {
		b.Icon = theme.MenuDropUpIcon()
		if c.sortDesc {
			b.Icon = theme.MenuDropDownIcon()
		}
	}
	b.SetText(text)
	col := id.Col
	b.OnTapped = func() { c.onSort(col) }
}

// onSort sorts by a column; the same column again flips the direction.
func (c *customers) onSort(col int) {
	if c.sortCol == col {
		c.sortDesc = !c.sortDesc
	} else {
		c.sortCol, c.sortDesc = col, col != colID && col != colCountry && col != colRecency && col != colSegment
	}
	c.sortShown()
	c.table.Refresh()
}

func (c *customers) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	l := o.(*widget.Label)
	if id.Row >= len(c.shown) {
		l.SetText("")
		return
	}
	cs := &c.tiering.Scored[c.shown[id.Row]]
	l.Alignment = fyne.TextAlignLeading
	var text string
	switch id.Col {
	case colID:
		text = cs.ID
	case colCountry:
		text = app.CountryName(c.s.l, cs.Country)
	case colRecency:
		text, l.Alignment = fmt.Sprint(cs.RecencyDays), fyne.TextAlignTrailing
	case colFrequency:
		text, l.Alignment = format.Int(int64(cs.Orders)), fyne.TextAlignTrailing
	case colMonetary:
		text, l.Alignment = format.Fixed(cs.Monetary, 2), fyne.TextAlignTrailing
	case colRFM:
		text = fmt.Sprintf("%d %d %d · %d", cs.R, cs.F, cs.M, cs.FM)
	case colSegment:
		text = app.SegmentName(c.s.l, cs.Segment)
	case colTier:
		text = app.TierName(c.s.l, cs.Tier)
	case colPAlive, colExpected, colCLV:
		text, l.Alignment = "–", fyne.TextAlignTrailing
		if p, ok := c.prediction(cs.ID); ok {
			switch id.Col {
			case colPAlive:
				text = fmt.Sprintf("%.0f %%", p.PAlive*100)
			case colExpected:
				text = fmt.Sprintf("%.2f", p.ExpectedPurchases)
			default:
				text = format.Fixed(p.CLV, 2)
			}
		}
	}
	l.Truncation = fyne.TextTruncateEllipsis
	l.SetText(text)
}

// onPredicted takes a new fit's predictions into the table.
func (c *customers) onPredicted(p map[string]app.CustomerCLV) {
	c.preds = p
	if c.sortCol >= colPAlive {
		c.sortShown()
	}
	c.table.Refresh()
	if c.selected >= 0 && c.selected < len(c.tiering.Scored) {
		cs := c.tiering.Scored[c.selected]
		pred, ok := c.prediction(cs.ID)
		c.detail.showValues(cs, pred, ok, c.currency)
	}
}

// prediction is customer id's prediction, if a fit has run and scored them.
func (c *customers) prediction(id string) (app.CustomerCLV, bool) {
	p, ok := c.preds[id]
	return p, ok
}

func (c *customers) onSelected(id widget.TableCellID) {
	if id.Row < 0 || id.Row >= len(c.shown) {
		return
	}
	c.selected = c.shown[id.Row]
	cs := c.tiering.Scored[c.selected]
	c.detail.show(cs, c.tiering.CustomerLTV(cs, c.lifetimeYears()), c.currency)
	pred, ok := c.prediction(cs.ID)
	c.detail.showValues(cs, pred, ok, c.currency)
}

// exportRows are the customers the current filter and search show, in
// their on-screen order.
func (c *customers) exportRows() []app.CustomerScore {
	out := make([]app.CustomerScore, len(c.shown))
	for i, idx := range c.shown {
		out[i] = c.tiering.Scored[idx]
	}
	return out
}

// setFileCurrencies offers the currencies with a rate as a file's
// currency, the base first; a file in any other would be refused.
func (c *customers) setFileCurrencies(base string, cs []string) {
	opts := []string{base}
	for _, cur := range cs {
		if cur != base {
			opts = append(opts, cur)
		}
	}
	chosen := c.fileCurrency.Selected
	c.fileCurrency.SetOptions(opts)
	if !slices.Contains(opts, chosen) {
		chosen = base
	}
	c.fileCurrency.SetSelected(chosen)
}
