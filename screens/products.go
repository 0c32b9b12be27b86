package screens

import (
	"context"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/shopspring/decimal"

	"github.com/seller-assistant/seller-assistant/app"
)

func init() {
	registerScreen("products", func(s *Shell) moduleScreen { return newProducts(s) })
}

// products is product planning: the catalogue with import and export, the
// portfolio charts and the new-product pipeline with its checklists.
type products struct {
	s *Shell

	all        []app.Product // the whole catalogue, by SKU
	shown      []app.Product // after the catalogue filter
	sales      []app.ProductSales
	quotes     []app.SavedQuote
	current    app.Product
	checks     map[string]bool // ticked items of current
	checksLoad latest          // the newest read of checks; one for a product picked before is dropped

	tabs   *container.AppTabs
	filter *widget.Entry
	list   *widget.List
	count  *widget.Label

	sku, nameZh, nameEn, category, supplier *widget.Entry
	cost, weight, length, width, height     *widget.Entry
	hs, markets, growth, share              *widget.Entry
	notes                                   *pageEntry
	band, role, stage, status, pipeline     *widget.Select
	del                                     *widget.Button
	status2                                 *widget.Label
	packChecks                              []*widget.Check

	portfolioTab *productPortfolio
	pipelineTab  *productPipeline
}

func newProducts(s *Shell) *products {
	p := &products{s: s, checks: map[string]bool{}}
	p.portfolioTab, p.pipelineTab = &productPortfolio{p: p}, &productPipeline{p: p}
	return p
}

func (p *products) buildUI() fyne.CanvasObject {
	t := p.s.l.T
	head := heading(t("module.products.title"))
	if p.s.ws == nil {
		return container.NewVBox(head, widget.NewLabel(t("workspace.none_hint")))
	}
	p.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon(t("products.tab_catalog"), theme.ListIcon(), p.catalogUI()),
		container.NewTabItemWithIcon(t("products.tab_portfolio"), theme.GridIcon(), p.portfolioTab.buildUI()),
		container.NewTabItemWithIcon(t("products.tab_pipeline"), theme.MediaFastForwardIcon(), p.pipelineTab.buildUI()),
	)
	p.load()
	return container.NewBorder(head, nil, nil, nil, p.tabs)
}

func (p *products) catalogUI() fyne.CanvasObject {
	t := p.s.l.T
	p.filter = &widget.Entry{PlaceHolder: t("products.filter_hint"), OnChanged: p.onFilter}
	p.count = widget.NewLabel("")
	p.list = widget.NewList(func() int { return len(p.shown) }, func() fyne.CanvasObject { return newRsRow() }, p.updateItem)
	p.list.OnSelected = p.onSelect
	newBtn := &widget.Button{Text: t("products.new"), Icon: theme.ContentAddIcon(), OnTapped: p.onNew}
	imp := &widget.Button{Text: t("products.import"), Icon: theme.DownloadIcon(), OnTapped: p.onImport}
	exp := &widget.Button{Text: t("products.export"), Icon: theme.UploadIcon(), OnTapped: p.onExport}
	left := container.NewBorder(container.NewVBox(p.filter, container.NewHBox(newBtn, imp, exp), p.count), nil, nil, nil, p.list)

	e := func(ph string) *widget.Entry { return &widget.Entry{PlaceHolder: ph, OnSubmitted: p.onSubmit} }
	p.sku, p.nameZh, p.nameEn, p.category, p.supplier = e("HL-KT-007"), e(""), e(""), e(t("products.category_hint")), e("")
	p.cost, p.weight, p.length, p.width, p.height = e("0.00"), e("0.000"), e(t("products.length")), e(t("products.width")), e(t("products.height"))
	for _, n := range []*widget.Entry{p.cost, p.weight, p.length, p.width, p.height} {
		n.Validator = rsNumber(p.s.l, true)
	}
	p.hs, p.markets = e("392410"), e("US, GB, DE")
	p.growth, p.share = e(t("products.from_sales")), e(t("products.from_sales"))
	p.growth.Validator, p.share.Validator = rsNumber(p.s.l, true), rsNumber(p.s.l, true)
	p.notes = newPageEntry()
	p.notes.Wrapping = fyne.TextWrapWord
	p.notes.SetMinRowsVisible(3)
	sel := func(prefix string, vals []string) *widget.Select {
		var opts []string
		for _, v := range vals {
			opts = append(opts, t(prefix+v))
		}
		return &widget.Select{PlaceHolder: selectPlaceholder, Options: opts}
	}
	p.band = sel("product.band.", app.PriceBands)
	p.role = sel("products.role.", app.ProductRoles)
	p.stage = sel("product.stage.", app.LifecycleStages)
	p.status = sel("product.status.", app.ProductStatuses)
	p.pipeline = sel("products.pipeline.", app.PipelineStages)
	p.pipeline.Options = append([]string{t("products.not_in_pipeline")}, p.pipeline.Options...)
	form := widget.NewForm(
		widget.NewFormItem("SKU", p.sku),
		widget.NewFormItem(t("products.name_zh"), p.nameZh),
		widget.NewFormItem(t("products.name_en"), p.nameEn),
		widget.NewFormItem(t("product.category"), p.category),
		widget.NewFormItem(t("products.supplier"), p.supplier),
		widget.NewFormItem(t("product.cost_cny"), p.cost),
		widget.NewFormItem(t("products.weight_kg"), p.weight),
		widget.NewFormItem(t("products.size_cm"), container.NewGridWithColumns(3, p.length, p.width, p.height)),
		widget.NewFormItem(t("products.hs_code"), p.hs),
		widget.NewFormItem(t("products.markets"), p.markets),
		widget.NewFormItem(t("product.price_band"), p.band),
		widget.NewFormItem(t("products.role"), p.role),
		widget.NewFormItem(t("product.stage"), p.stage),
		widget.NewFormItem(t("product.status"), p.status),
		widget.NewFormItem(t("products.pipeline"), p.pipeline),
		&widget.FormItem{Text: t("products.user_growth"), Widget: p.growth, HintText: t("products.user_growth_hint")},
		&widget.FormItem{Text: t("products.user_share"), Widget: p.share, HintText: t("products.user_share_hint")},
		widget.NewFormItem(t("products.notes"), p.notes),
	)
	save := &widget.Button{Text: t("research.save"), Icon: theme.DocumentSaveIcon(), Importance: widget.HighImportance, OnTapped: p.onSave}
	p.del = &widget.Button{Text: t("research.delete"), Icon: theme.DeleteIcon(), OnTapped: p.onDelete}
	p.status2 = widget.NewLabel("")
	pack := container.NewVBox()
	p.packChecks = nil
	for _, it := range app.PackagingChecks {
		item := "pack." + it
		c := widget.NewCheck(t("products.pack."+it), func(on bool) { p.onCheck(item, on) })
		p.packChecks = append(p.packChecks, c)
		pack.Add(c)
	}
	right := newPageScroll(container.NewVBox(form, container.NewHBox(save, p.del, p.status2),
		widget.NewCard("", t("products.packaging"), pack)))
	split := container.NewHSplit(left, right)
	split.Offset = 0.36
	p.onNew()
	return split
}

// load reads the catalogue, the sales by SKU and the saved quotes in one
// go off the UI goroutine.
func (p *products) load() {
	ws := p.s.ws
	type catalogue struct {
		all    []app.Product
		sales  []app.ProductSales
		quotes []app.SavedQuote
	}
	background(p.s, func(ctx context.Context) (c catalogue, err error) {
		if c.all, err = ws.Products(ctx); err != nil {
			return c, err
		}
		if c.sales, err = ws.ProductSales(ctx); err != nil {
			return c, err
		}
		if qs, ok := ws.(quoteLister); ok {
			c.quotes, err = qs.Quotes(ctx)
		}
		return c, err
	}, func(c catalogue) {
		p.all, p.sales, p.quotes = c.all, c.sales, c.quotes
		p.applyFilter()
		p.portfolioTab.refresh()
		p.pipelineTab.refresh()
	})
}

// quoteLister is pricing's saved quotes, read for the margin chart.
type quoteLister interface {
	Quotes(ctx context.Context) ([]app.SavedQuote, error)
}

func (p *products) updateItem(i widget.ListItemID, o fyne.CanvasObject) {
	pr := p.shown[i]
	l := p.s.l
	meta := pr.SKU + " · " + l.T("product.band."+pr.PriceBand) + " · " + l.T("product.stage."+pr.Stage) + " · " + l.T("product.status."+pr.Status)
	o.(*rsRow).set(meta, pr.Name(l))
}

func (p *products) onFilter(string) { p.applyFilter() }

func (p *products) applyFilter() {
	q := strings.ToLower(strings.TrimSpace(p.filter.Text))
	p.shown = nil
	for _, pr := range p.all {
		hay := strings.ToLower(pr.SKU + " " + pr.NameZh + " " + pr.NameEn + " " + pr.Category + " " + pr.Supplier)
		if q == "" || strings.Contains(hay, q) {
			p.shown = append(p.shown, pr)
		}
	}
	p.list.UnselectAll()
	p.list.Refresh()
	p.count.SetText(p.s.l.T("products.count", app.Count(len(p.shown)), app.Count(len(p.all))))
}

func (p *products) onSelect(i widget.ListItemID) { p.edit(p.shown[i]) }

func (p *products) edit(pr app.Product) {
	p.current = pr
	p.sku.SetText(pr.SKU)
	p.nameZh.SetText(pr.NameZh)
	p.nameEn.SetText(pr.NameEn)
	p.category.SetText(pr.Category)
	p.supplier.SetText(pr.Supplier)
	p.cost.SetText(pr.PurchaseCost.StringFixed(2))
	p.weight.SetText(pr.WeightKg.String())
	p.length.SetText(pr.LengthCm.String())
	p.width.SetText(pr.WidthCm.String())
	p.height.SetText(pr.HeightCm.String())
	p.hs.SetText(pr.HSCode)
	p.markets.SetText(strings.Join(pr.Markets, ", "))
	p.band.SetSelectedIndex(rsIndex(app.PriceBands, pr.PriceBand))
	p.role.SetSelectedIndex(rsIndex(app.ProductRoles, pr.Role))
	p.stage.SetSelectedIndex(rsIndex(app.LifecycleStages, pr.Stage))
	p.status.SetSelectedIndex(rsIndex(app.ProductStatuses, pr.Status))
	p.pipeline.SetSelectedIndex(rsIndex(app.PipelineStages, pr.Pipeline) + 1)
	p.growth.SetText(nullText(pr.MarketGrowth))
	p.share.SetText(nullText(pr.RelativeShare))
	p.notes.SetText(pr.Notes)
	p.status2.SetText("")
	if pr.ID == 0 {
		p.del.Disable()
	} else {
		p.del.Enable()
	}
	p.loadChecks(pr.ID)
}

func nullText(d decimal.NullDecimal) string {
	if !d.Valid {
		return ""
	}
	return d.Decimal.String()
}

func (p *products) onNew() {
	p.list.UnselectAll()
	p.edit(app.Product{PriceBand: "mid", Role: "profit", Stage: "introduction", Status: "idea", Pipeline: "market_check"})
}

func (p *products) onSubmit(string) { p.onSave() }

// readForm builds the product from the form; the first bad field is
// reported by its label and nothing is stored.
func (p *products) readForm() (app.Product, error) {
	l := p.s.l
	pr := p.current
	pr.SKU, pr.NameZh, pr.NameEn = p.sku.Text, strings.TrimSpace(p.nameZh.Text), strings.TrimSpace(p.nameEn.Text)
	pr.Category, pr.Supplier, pr.HSCode = strings.TrimSpace(p.category.Text), strings.TrimSpace(p.supplier.Text), strings.TrimSpace(p.hs.Text)
	pr.Markets, pr.Notes = app.SplitList(p.markets.Text), p.notes.Text
	for _, f := range []struct {
		e     *widget.Entry
		label string
		dst   *decimal.Decimal
	}{
		{p.cost, l.T("product.cost_cny"), &pr.PurchaseCost}, {p.weight, l.T("products.weight_kg"), &pr.WeightKg},
		{p.length, l.T("products.length"), &pr.LengthCm}, {p.width, l.T("products.width"), &pr.WidthCm},
		{p.height, l.T("products.height"), &pr.HeightCm},
	} {
		v := strings.TrimSpace(f.e.Text)
		if v == "" {
			*f.dst = decimal.Zero
			continue
		}
		d, err := decimal.NewFromString(v)
		if err != nil {
			return pr, app.Errorf(app.EInvalid, "research.err_number", f.label, v)
		}
		*f.dst = d
	}
	for _, f := range []struct {
		e     *widget.Entry
		label string
		dst   *decimal.NullDecimal
	}{{p.growth, l.T("products.user_growth"), &pr.MarketGrowth}, {p.share, l.T("products.user_share"), &pr.RelativeShare}} {
		v := strings.TrimSpace(f.e.Text)
		*f.dst = decimal.NullDecimal{}
		if v == "" {
			continue
		}
		d, err := decimal.NewFromString(v)
		if err != nil {
			return pr, app.Errorf(app.EInvalid, "research.err_number", f.label, v)
		}
		*f.dst = decimal.NewNullDecimal(d)
	}
	pick := func(s *widget.Select, vals []string) string {
		if i := s.SelectedIndex(); i >= 0 && i < len(vals) {
			return vals[i]
		}
		return ""
	}
	pr.PriceBand, pr.Role = pick(p.band, app.PriceBands), pick(p.role, app.ProductRoles)
	pr.Stage, pr.Status = pick(p.stage, app.LifecycleStages), pick(p.status, app.ProductStatuses)
	pr.Pipeline = ""
	if i := p.pipeline.SelectedIndex(); i > 0 {
		pr.Pipeline = app.PipelineStages[i-1]
	}
	return pr, pr.Validate()
}

func (p *products) onSave() {
	pr, err := p.readForm()
	if err != nil {
		p.s.ShowError(err)
		return
	}
	ws := p.s.ws
	p.s.run(p.s.l.T("research.saving"), func(ctx context.Context) error {
		return ws.SaveProduct(ctx, &pr)
	}, func(err error) {
		if err != nil {
			p.s.ShowError(err)
			return
		}
		p.current = pr
		p.del.Enable()
		p.status2.SetText(p.s.l.T("research.saved"))
		p.upsert(pr)
		p.loadChecks(pr.ID)
	})
}

// upsert puts a saved product into the in-memory catalogue, so the lists
// and charts follow without reading the whole catalogue again.
func (p *products) upsert(pr app.Product) {
	found := false
	for i := range p.all {
		if p.all[i].ID == pr.ID {
			p.all[i], found = pr, true
		}
	}
	if !found {
		p.all = append(p.all, pr)
	}
	p.applyFilter()
	p.portfolioTab.refresh()
	p.pipelineTab.refresh()
}

func (p *products) onDelete() {
	pr := p.current
	if pr.ID == 0 {
		return
	}
	dialog.ShowConfirm(p.s.l.T("products.delete"), p.s.l.T("products.delete_confirm", pr.SKU, pr.Name(p.s.l)), func(ok bool) {
		if ok {
			p.deleteProduct(pr)
		}
	}, p.s.win)
}

func (p *products) deleteProduct(pr app.Product) {
	ws := p.s.ws
	p.s.run(p.s.l.T("research.deleting"), func(ctx context.Context) error {
		return ws.DeleteProduct(ctx, pr.ID)
	}, func(err error) {
		if err != nil {
			p.s.ShowError(err)
			return
		}
		for i := range p.all {
			if p.all[i].ID == pr.ID {
				p.all = append(p.all[:i], p.all[i+1:]...)
				break
			}
		}
		p.applyFilter()
		p.portfolioTab.refresh()
		p.pipelineTab.refresh()
		p.onNew()
		rsOfferUndo(p.s, p.s.l.T("products.deleted", pr.SKU), func() {
			back := pr
			back.ID = 0
			p.edit(back)
			p.onSave()
		})
	})
}

// loadChecks reads the ticked checklist items of product id (0: none).
func (p *products) loadChecks(id int64) {
	p.checks = map[string]bool{}
	p.showChecks()
	if id == 0 {
		p.checksLoad.stop() // a new product has no checks; drop a read for the one before
		return
	}
	ws := p.s.ws
	backgroundLatest(p.s, &p.checksLoad, func(ctx context.Context) (map[string]time.Time, error) {
		return ws.Checks(ctx, id)
	}, func(done map[string]time.Time) {
		for k := range done {
			p.checks[k] = true
		}
		p.showChecks()
		p.pipelineTab.showChecks()
	})
}

// showChecks ticks the packaging boxes without storing anything.
func (p *products) showChecks() {
	for i, it := range app.PackagingChecks {
		c := p.packChecks[i]
		f := c.OnChanged
		c.OnChanged = nil
		c.SetChecked(p.checks["pack."+it])
		c.OnChanged = f
		if p.current.ID == 0 {
			c.Disable()
		} else {
			c.Enable()
		}
	}
}

func (p *products) onCheck(item string, on bool) {
	id := p.current.ID
	if id == 0 {
		return
	}
	p.checks[item] = on
	p.pipelineTab.showProgress()
	ws := p.s.ws
	p.s.write(func(ctx context.Context) error {
		return ws.SetCheck(ctx, id, item, on)
	}, nil)
}
