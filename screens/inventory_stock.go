package screens

import (
	"cmp"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/seller-assistant/seller-assistant/app"
	"github.com/seller-assistant/seller-assistant/app/format"
	"github.com/seller-assistant/seller-assistant/screens/chart"
)

// invStock is the Stock tab: the plan as a table (tap a column title to sort,
// filter by SKU and status) and, for the selected SKU, its 120-day projection
// with the formulas and their inputs.
type invStock struct {
	v *inventory

	search  *widget.Entry
	status  *widget.Select
	table   *widget.Table
	empty   *textBlock
	chart   *chart.View
	formula *formulaBlock

	shown    []app.ReplenishRow
	sortCol  int
	sortDesc bool
	selected string // SKU
}

// stockCols are the table's columns; titles are inventory.col.<name>.
var stockCols = []string{"sku", "on_hand", "inbound", "days_of_cover", "stockout_date", "reorder_point", "reorder_qty", "status"}

// agedCol is the column after stockCols: the aged-stock warning, read from
// the storage view rather than the replenishment row.
var agedCol = len(stockCols)

var stockColWidths = []float32{120, 75, 75, 120, 100, 110, 100, 90, 105}

// newInvStock sorts by days of cover, shortest first: the most urgent SKUs
// on top.
func newInvStock(v *inventory) *invStock { return &invStock{v: v, sortCol: 3} }

func (st *invStock) buildUI() fyne.CanvasObject {
	t := st.v.s.l.T
	st.search = widget.NewEntry()
	st.search.SetPlaceHolder(t("inventory.search"))
	st.search.OnChanged = func(string) { st.apply() }
	opts := []string{t("inventory.filter_all")}
	for _, s := range []string{app.StatusReorder, app.StatusOK, app.StatusNoSales} {
		opts = append(opts, t("inventory.status."+s))
	}
	st.status = newSelect(opts, nil)
	st.status.SetSelectedIndex(0)
	st.status.OnChanged = func(string) { st.apply() }
	st.table = &widget.Table{
		Length:        func() (int, int) { return len(st.shown), len(stockCols) + 1 },
		CreateCell:    newCellLabel,
		UpdateCell:    st.updateCell,
		CreateHeader:  func() fyne.CanvasObject { return widget.NewButton("", nil) },
		UpdateHeader:  st.updateHeader,
		OnSelected:    st.onSelected,
		ShowHeaderRow: true,
	}
	st.table.ExtendBaseWidget(st.table)
	for i, w := range stockColWidths {
		st.table.SetColumnWidth(i, w)
	}
	st.empty = newTextBlock(t("inventory.empty"))
	st.empty.Hide()
	st.chart = chart.NewView(app.Chart{}, t("inventory.pick_sku"))
	st.formula = newFormulaBlock("")
	filters := container.NewBorder(nil, nil, nil, fitChoices(st.status), st.search)
	detail := container.NewBorder(nil, nil, nil, container.NewGridWrap(fyne.NewSize(330, 220), newPageScroll(st.formula)), st.chart)
	split := container.NewVSplit(container.NewBorder(filters, nil, nil, nil, container.NewStack(st.table, container.NewVBox(st.empty))), detail)
	// The table gets what the chart's minimum height leaves: the formula box
	// scrolls, so it asks no more height than the chart does.
	split.Offset = 0.6
	return split
}

// fill shows a newly loaded plan, keeping the selection when the SKU is
// still there.
func (st *invStock) fill() {
	st.apply()
	for i, r := range st.shown {
		if r.SKU == st.selected {
			st.table.Select(widget.TableCellID{Row: i, Col: 0})
			return
		}
	}
}

// apply filters and sorts the plan into shown.
func (st *invStock) apply() {
	q := strings.ToLower(strings.TrimSpace(st.search.Text))
	want := ""
	if i := st.status.SelectedIndex(); i > 0 {
		want = []string{app.StatusReorder, app.StatusOK, app.StatusNoSales}[i-1]
	}
	st.shown = st.shown[:0]
	for _, r := range st.v.plan.rows {
		if (q == "" || strings.Contains(strings.ToLower(r.SKU), q)) && (want == "" || r.Status == want) {
			st.shown = append(st.shown, r)
		}
	}
	key := "aged"
	if st.sortCol < len(stockCols) {
		key = stockCols[st.sortCol]
	}
	slices.SortStableFunc(st.shown, func(a, b app.ReplenishRow) int {
		c := compareRows(key, a, b)
		if key == "aged" {
			c = cmp.Compare(st.agedUnits(a.SKU), st.agedUnits(b.SKU))
		}
		if st.sortDesc {
			c = -c
		}
		return c
	})
	if len(st.shown) > 0 {
		st.empty.Hide()
	} else {
		st.empty.Show()
	}
	st.table.Refresh()
}

// compareRows orders two rows by a column; days of cover and the stockout
// date of a SKU without demand sort last (it never runs out).
func compareRows(key string, a, b app.ReplenishRow) int {
	cover := func(r app.ReplenishRow) float64 {
		if !r.HasDemand() {
			return math.Inf(1)
		}
		return r.DaysOfCover
	}
	switch key {
	case "on_hand":
		return cmp.Compare(a.OnHand, b.OnHand)
	case "inbound":
		return cmp.Compare(a.Inbound, b.Inbound)
	case "days_of_cover", "stockout_date":
		return cmp.Compare(cover(a), cover(b))
	case "reorder_point":
		return cmp.Compare(a.ReorderPoint, b.ReorderPoint)
	case "reorder_qty":
		return cmp.Compare(a.ReorderQty, b.ReorderQty)
	case "status":
		return cmp.Compare(a.Status, b.Status)
	}
	return cmp.Compare(a.SKU, b.SKU)
}

func (st *invStock) updateHeader(id widget.TableCellID, o fyne.CanvasObject) {
	b := o.(*widget.Button)
	key := "aged"
	if id.Col < len(stockCols) {
		key = stockCols[id.Col]
	}
	title := st.v.s.l.T("inventory.col." + key)
	if id.Col == st.sortCol {
		title += map[bool]string{false: " ▲", true: " ▼"}[st.sortDesc]
	}
	b.SetText(title)
	col := id.Col
	b.OnTapped = func() { st.sortBy(col) }
}

// sortBy sorts by a column; tapping the same column again reverses it.
func (st *invStock) sortBy(col int) {
	if col == st.sortCol {
		st.sortDesc = !st.sortDesc
	} else {
		st.sortCol, st.sortDesc = col, false
	}
	st.apply()
}

func (st *invStock) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	label := o.(*widget.Label)
	if id.Row >= len(st.shown) {
		label.SetText("")
		return
	}
	r := st.shown[id.Row]
	if id.Col == agedCol {
		label.SetText(agedCell(st.v.s.l, st.v.plan.storage, r.SKU))
		return
	}
	label.SetText(stockCell(st.v.s.l, r, stockCols[id.Col]))
}

func (st *invStock) agedUnits(sku string) int64 {
	ln, _ := st.v.plan.storage.Line(sku)
	return ln.AgedUnits
}

// agedCell is the stock table's aged warning: units past the threshold, or
// "age unknown" when no received shipment dates the stock on hand.
func agedCell(l *app.Localizer, v app.StorageView, sku string) string {
	ln, ok := v.Line(sku)
	switch {
	case !ok:
		return ""
	case ln.Aged():
		return l.T("storage.aged_cell", ln.AgedUnits)
	case ln.UnknownAge == ln.OnHand:
		return l.T("storage.age_unknown")
	}
	return ""
}

// stockCell is one cell as shown: figures rounded for reading (the CSV
// keeps them exact), empty cover and date without demand.
func stockCell(l *app.Localizer, r app.ReplenishRow, key string) string {
	switch key {
	case "on_hand":
		return format.Int(r.OnHand)
	case "inbound":
		return format.Int(r.Inbound)
	case "days_of_cover":
		if !r.HasDemand() {
			return "—"
		}
		return format.Group(strconv.FormatFloat(r.DaysOfCover, 'f', 1, 64))
	case "stockout_date":
		if !r.HasDemand() {
			return "—"
		}
		return r.StockoutDate.Format(time.DateOnly)
	case "reorder_point":
		return format.Group(strconv.FormatFloat(r.ReorderPoint, 'f', 1, 64))
	case "reorder_qty":
		return format.Int(r.ReorderQty)
	case "status":
		return l.T("inventory.status." + r.Status)
	}
	return r.SKU
}

func (st *invStock) onSelected(id widget.TableCellID) {
	if id.Row < 0 || id.Row >= len(st.shown) {
		return
	}
	r := st.shown[id.Row]
	st.selected = r.SKU
	p := st.v.plan
	proj := app.ProjectStock(r, p.shipments, p.opts.AsOf)
	st.chart.SetChart(app.ProjectionChart(proj, p.opts.AsOf, st.v.s.l.T))
	text := explainRow(st.v.s.l, r, p.opts)
	if in, ok := p.inputs[r.SKU]; ok && r.HasDemand() && len(p.channels) > 0 {
		text += "\n\n" + explainWhatIf(st.v.s.l, app.HeadHaulWhatIf(in, p.opts, p.products[r.SKU], p.channels))
	}
	if ln, ok := p.storage.Line(r.SKU); ok {
		text += "\n\n" + explainStorage(st.v.s.l, ln, p.storage.Opts)
	}
	st.formula.SetText(text)
}

// explainWhatIf lists the plan under each channel's lead time with its
// freight per unit: the sea-or-air trade-off in numbers.
func explainWhatIf(l *app.Localizer, opts []app.HeadHaulOption) string {
	lines := []string{l.T("inventory.whatif_title")}
	for _, o := range opts {
		lines = append(lines, l.T("inventory.whatif_line", o.Channel.Name, o.Row.LeadTimeDays,
			format.Group(strconv.FormatFloat(o.Row.SafetyStock, 'f', 1, 64)), format.Group(strconv.FormatFloat(o.Row.ReorderPoint, 'f', 1, 64)),
			app.Count(o.Row.ReorderQty), format.Fixed(o.FreightPerUnit, 2)))
	}
	return strings.Join(lines, "\n")
}

// explainRow spells out every figure of a row with its inputs, the rules of
// app.Replenish.
func explainRow(l *app.Localizer, r app.ReplenishRow, o app.ReplenishOptions) string {
	f := func(x float64) string { return format.Group(strconv.FormatFloat(x, 'f', 2, 64)) }
	units := int64(math.Round(r.DailyDemand * float64(o.WindowDays)))
	lines := []string{
		l.T("inventory.how.window", o.WindowStart().Format(time.DateOnly), o.AsOf.AddDate(0, 0, -1).Format(time.DateOnly), o.WindowDays),
		l.T("inventory.how.demand", app.Count(units), o.WindowDays, f(r.DailyDemand), f(r.DemandSD)),
	}
	if !r.HasDemand() {
		return strings.Join(append(lines, l.T("inventory.how.no_sales")), "\n")
	}
	z := app.NormalQuantile(o.ServiceLevel)
	lines = append(lines,
		l.T("inventory.how.lead", r.LeadTimeDays),
		l.T("inventory.how.safety", strconv.FormatFloat(z, 'f', 4, 64), f(o.ServiceLevel*100), f(r.DemandSD), r.LeadTimeDays, f(r.SafetyStock)),
		l.T("inventory.how.rop", f(r.DailyDemand), r.LeadTimeDays, f(r.SafetyStock), f(r.ReorderPoint)),
		l.T("inventory.how.cover", app.Count(r.OnHand), app.Count(r.Inbound), f(r.DailyDemand), f(r.DaysOfCover)),
		l.T("inventory.how.stockout", o.AsOf.Format(time.DateOnly), app.Count(r.OnHand), f(r.DailyDemand), r.StockoutDate.Format(time.DateOnly)),
		l.T("inventory.how.qty", f(r.DailyDemand), r.LeadTimeDays, o.ReviewDays, f(r.SafetyStock), app.Count(r.OnHand), app.Count(r.Inbound), app.Count(r.ReorderQty)),
		l.T("inventory.how.status."+r.Status, app.Count(r.OnHand+r.Inbound), f(r.ReorderPoint)),
	)
	if app.AgingRisk(r) {
		lines = append(lines, l.T("inventory.how.aging", f(r.DaysOfCover), app.AgedStockDays))
	}
	return strings.Join(lines, "\n")
}

// newCellLabel is a table cell that cuts long text with an ellipsis rather
// than drawing over the next column.
func newCellLabel() fyne.CanvasObject {
	l := widget.NewLabel("")
	l.Truncation = fyne.TextTruncateEllipsis
	return l
}
