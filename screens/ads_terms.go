package screens

import (
	"cmp"
	"context"
	"io"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/shopspring/decimal"

	"github.com/seller-assistant/seller-assistant/app"
	"github.com/seller-assistant/seller-assistant/app/atomicfile"
)

// adsTerms is the Search terms tab: the `ads terms` table with each
// campaign's rules, filtered by action, sortable by any column, with the
// reason for the selected row's action and a bulk-sheet export of the
// negatives and harvest candidates.
type adsTerms struct {
	a        *ads
	rows     []app.TermRow // every row, evaluated
	shown    []app.TermRow // after the filter, sorted
	filter   *widget.Select
	table    *widget.Table
	why      *textBlock
	sortCol  int
	sortDesc bool
}

// termCols are the table's columns: the CSV's, with what a person acts on
// (the term, its action and bid, its ACoS) first so it fits the window.
var termCols = []string{"search_term", "action", "suggested_bid", "acos", "clicks", "orders", "spend", "sales", "cpc", "ctr",
	"cvr", "roas", "impressions", "units", "match_type", "targeting", "ad_group", "campaign"}

var termColWidths = []float32{190, 90, 70, 70, 60, 60, 70, 70, 55, 60, 65, 55, 75, 50, 70, 120, 90, 170}

// termCol is a column's index by its CSV name.
func termCol(name string) int { return slices.Index(termCols, name) }

func newAdsTerms(a *ads) *adsTerms { return &adsTerms{a: a, sortCol: termCol("spend"), sortDesc: true} }

func (s *adsTerms) buildUI() fyne.CanvasObject {
	l := s.a.s.l
	opts := []string{l.T("ads.all_actions")}
	for _, act := range app.TermActions {
		opts = append(opts, l.T("ads.action."+act))
	}
	s.filter = newSelect(opts, func(string) { s.apply() })
	s.filter.SetSelectedIndex(0)
	s.why = formulaLabel(s.a.s)
	s.why.SetText(l.T("ads.why_hint"))
	s.table = &widget.Table{
		Length:        func() (int, int) { return len(s.shown), len(termCols) },
		CreateCell:    func() fyne.CanvasObject { return widget.NewLabel("") },
		UpdateCell:    s.updateCell,
		CreateHeader:  func() fyne.CanvasObject { return widget.NewButton("", nil) },
		UpdateHeader:  s.updateHeader,
		OnSelected:    s.onSelected,
		ShowHeaderRow: true,
	}
	s.table.ExtendBaseWidget(s.table)
	for i, w := range termColWidths {
		s.table.SetColumnWidth(i, w)
	}
	rules := widget.NewButtonWithIcon(l.T("ads.rules"), theme.SettingsIcon(), s.onRules)
	export := widget.NewButtonWithIcon(l.T("ads.export_bulk"), theme.DocumentSaveIcon(), s.onExport)
	bar := container.NewHBox(widget.NewLabel(l.T("ads.action")), fitChoices(s.filter), rules, export)
	return container.NewBorder(container.NewVBox(bar, s.why), nil, nil, nil, s.table)
}

// refresh evaluates the loaded rows with each campaign's rules.
func (s *adsTerms) refresh() {
	d := s.a.d
	s.rows = app.EvaluateTerms(d.Terms, app.RulesLookup(d.Rules, app.DefaultAdsRules(), app.AdsRulesOverride{}), d.Exact)
	s.apply()
}

// apply filters by action and sorts.
func (s *adsTerms) apply() {
	if s.table == nil {
		return
	}
	s.shown = s.shown[:0]
	sel := s.filter.SelectedIndex()
	for _, r := range s.rows {
		if sel <= 0 || r.Action == app.TermActions[sel-1] {
			s.shown = append(s.shown, r)
		}
	}
	col, desc := s.sortCol, s.sortDesc
	slices.SortStableFunc(s.shown, func(x, y app.TermRow) int {
		n := compareTermCol(x, y, col)
		if desc {
			return -n
		}
		return n
	})
	s.table.UnselectAll()
	s.table.Refresh()
}

// termCell is the text of one cell, as the CSV writes it.
func termCell(r app.TermRow, col int) string {
	switch termCols[col] {
	case "campaign":
		return r.Campaign
	case "ad_group":
		return r.AdGroup
	case "targeting":
		return r.Targeting
	case "match_type":
		return r.MatchType
	case "search_term":
		return r.SearchTerm
	case "impressions":
		return strconv.FormatInt(r.Impressions, 10)
	case "clicks":
		return strconv.FormatInt(r.Clicks, 10)
	case "spend":
		return app.FormatCents(r.SpendCents)
	case "sales":
		return app.FormatCents(r.SalesCents)
	case "orders":
		return strconv.FormatInt(r.Orders, 10)
	case "units":
		return strconv.FormatInt(r.Units, 10)
	case "ctr":
		return app.FormatPercent(r.CTR)
	case "cpc":
		return app.FormatMoneyRatio(r.CPC)
	case "cvr":
		return app.FormatPercent(r.CVR)
	case "acos":
		return app.FormatPercent(r.ACoS)
	case "roas":
		return app.FormatMoneyRatio(r.ROAS)
	case "suggested_bid":
		return app.FormatMoneyRatio(r.SuggestedBid)
	}
	return r.Action
}

// compareTermCol orders by a column: numbers as numbers, an empty ratio
// below every value.
func compareTermCol(x, y app.TermRow, col int) int {
	num := func(a, b decimal.NullDecimal) int {
		switch {
		case !a.Valid && !b.Valid:
			return 0
		case !a.Valid:
			return -1
		case !b.Valid:
			return 1
		}
		return a.Decimal.Cmp(b.Decimal)
	}
	i64 := cmp.Compare[int64]
	switch termCols[col] {
	case "impressions":
		return i64(x.Impressions, y.Impressions)
	case "clicks":
		return i64(x.Clicks, y.Clicks)
	case "spend":
		return i64(x.SpendCents, y.SpendCents)
	case "sales":
		return i64(x.SalesCents, y.SalesCents)
	case "orders":
		return i64(x.Orders, y.Orders)
	case "units":
		return i64(x.Units, y.Units)
	case "ctr":
		return num(x.CTR, y.CTR)
	case "cpc":
		return num(x.CPC, y.CPC)
	case "cvr":
		return num(x.CVR, y.CVR)
	case "acos":
		return num(x.ACoS, y.ACoS)
	case "roas":
		return num(x.ROAS, y.ROAS)
	case "suggested_bid":
		return num(x.SuggestedBid, y.SuggestedBid)
	}
	return strings.Compare(termCell(x, col), termCell(y, col))
}

func (s *adsTerms) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	lb := o.(*widget.Label)
	if id.Row >= len(s.shown) {
		lb.SetText("")
		return
	}
	text := termCell(s.shown[id.Row], id.Col)
	if termCols[id.Col] == "action" {
		text = s.a.s.l.T("ads.action." + text)
	}
	lb.Truncation = fyne.TextTruncateEllipsis
	lb.SetText(text)
}

func (s *adsTerms) updateHeader(id widget.TableCellID, o fyne.CanvasObject) {
	b := o.(*widget.Button)
	if id.Col < 0 {
		b.SetText("")
		return
	}
	b.Icon = nil
	if id.Col == s.sortCol {
		b.Icon = theme.MenuDropUpIcon()
		if s.sortDesc {
			b.Icon = theme.MenuDropDownIcon()
		}
	}
	b.SetText(s.a.s.l.T("ads.th." + termCols[id.Col]))
	col := id.Col
	b.OnTapped = func() { s.onSort(col) }
}

// onSort sorts by a column; the same column again flips the direction.
func (s *adsTerms) onSort(col int) {
	if col == s.sortCol {
		s.sortDesc = !s.sortDesc
	} else {
		// Numbers largest first, names from A.
		s.sortCol, s.sortDesc = col, !slices.Contains([]string{"search_term", "action", "match_type", "targeting", "ad_group", "campaign"}, termCols[col])
	}
	s.apply()
}

// onSelected explains the row's action with its numbers.
func (s *adsTerms) onSelected(id widget.TableCellID) {
	if id.Row < 0 || id.Row >= len(s.shown) {
		return
	}
	r := s.shown[id.Row]
	s.why.SetText(r.SearchTerm + " — " + app.TermExplain(s.a.s.l, r, s.a.rulesFor(r.Campaign)))
}

// onRules edits one campaign's target ACoS, clicks before negating, orders
// before harvesting and advertised SKU; saved in the workspace.
func (s *adsTerms) onRules() {
	l := s.a.s.l
	var campaigns []string
	seen := map[string]bool{}
	for _, t := range s.a.d.Terms {
		if !seen[t.Campaign] {
			seen[t.Campaign] = true
			campaigns = append(campaigns, t.Campaign)
		}
	}
	for _, c := range s.a.d.Overview.Campaigns {
		if !seen[c.Campaign] {
			seen[c.Campaign] = true
			campaigns = append(campaigns, c.Campaign)
		}
	}
	if len(campaigns) == 0 {
		s.a.s.message(l.T("ads.rules"), l.T("ads.empty_hint"))
		return
	}
	slices.Sort(campaigns)
	target, negate, harvest, sku := widget.NewEntry(), widget.NewEntry(), widget.NewEntry(), widget.NewEntry()
	pick := newSelect(campaigns, func(c string) {
		r := s.a.rulesFor(c)
		target.SetText(r.TargetACoS.String())
		negate.SetText(strconv.FormatInt(r.NegateClicks, 10))
		harvest.SetText(strconv.FormatInt(r.HarvestOrders, 10))
		sku.SetText("")
		for _, x := range s.a.d.Rules {
			if x.Campaign == c {
				sku.SetText(x.SKU)
			}
		}
	})
	pick.SetSelectedIndex(0)
	items := []*widget.FormItem{
		widget.NewFormItem(l.T("ads.th.campaign"), pick),
		{Text: l.T("ads.target_acos"), Widget: target, HintText: l.T("ads.target_acos_hint")},
		widget.NewFormItem(l.T("ads.negate_clicks"), negate),
		widget.NewFormItem(l.T("ads.harvest_orders"), harvest),
		{Text: l.T("ads.sku"), Widget: sku, HintText: l.T("ads.sku_hint")},
	}
	dialog.ShowForm(l.T("ads.rules_title"), l.T("ads.save"), l.T("ads.cancel"), items, func(ok bool) {
		if !ok {
			return
		}
		r, err := parseRules(pick.Selected, target.Text, negate.Text, harvest.Text, sku.Text)
		if err != nil {
			s.a.s.ShowError(err)
			return
		}
		ws := s.a.s.ws
		s.a.s.write(func(ctx context.Context) error { return ws.SaveAdsRules(ctx, r) }, s.a.load)
	}, s.a.s.win)
}

// parseRules reads the rules form; a bad number names its field.
func parseRules(campaign, target, negate, harvest, sku string) (app.CampaignAdsRules, error) {
	r := app.CampaignAdsRules{Campaign: campaign, SKU: strings.TrimSpace(sku)}
	var err error
	if r.TargetACoS, err = decimal.NewFromString(strings.TrimSpace(target)); err != nil {
		return r, app.Errorf(app.EInvalid, "ads.err.target_acos", target)
	}
	if r.NegateClicks, err = strconv.ParseInt(strings.TrimSpace(negate), 10, 64); err != nil {
		return r, app.Errorf(app.EInvalid, "ads.err.bad_whole", app.Key("ads.negate_clicks"), negate)
	}
	if r.HarvestOrders, err = strconv.ParseInt(strings.TrimSpace(harvest), 10, 64); err != nil {
		return r, app.Errorf(app.EInvalid, "ads.err.bad_whole", app.Key("ads.harvest_orders"), harvest)
	}
	return r, r.Validate()
}

// onExport saves the negatives and harvest candidates as a bulk sheet.
func (s *adsTerms) onExport() {
	l := s.a.s.l
	rows := slices.Clone(s.rows)
	if len(app.BulkRows(rows)) == 0 {
		s.a.s.message(l.T("ads.export_bulk"), l.T("ads.export_none"))
		return
	}
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			s.a.s.ShowError(err)
			return
		}
		if w == nil {
			return
		}
		path := w.URI().Path()
		w.Close()
		s.exportTo(path, rows)
	}, s.a.s.win)
	d.SetFileName("bulk-negatives-harvest-" + s.a.s.env.Now().Format("2006-01-02") + ".csv")
	d.SetFilter(storage.NewExtensionFileFilter([]string{".csv"}))
	showFileDialog(d, s.a.s.win)
}

func (s *adsTerms) exportTo(path string, rows []app.TermRow) {
	l := s.a.s.l
	n := len(app.BulkRows(rows))
	s.a.s.write(func(context.Context) error {
		return atomicfile.Write(path, func(w io.Writer) error { return app.WriteBulkCSV(w, rows) })
	}, func() {
		s.a.s.message(l.T("ads.export_bulk"), l.T("ads.exported", app.Count(n), path))
	})
}
