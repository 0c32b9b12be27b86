package screens

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
	"github.com/shopspring/decimal"

	"github.com/seller-assistant/seller-assistant/app"
	"github.com/seller-assistant/seller-assistant/app/format"
)

func init() {
	registerScreen("pricing", func(s *Shell) moduleScreen { return newPricing(s) })
}

// pricing works out what one unit costs landed in a market and what price
// reaches the target margin. Every input is an entry the seller may
// overwrite; choosing a product, market, platform or channel fills them
// with that row's figures. Results follow each keystroke.
type pricing struct {
	s *Shell

	products  []app.Product
	platforms []app.Platform
	channels  []app.LogisticsChannel
	quotes    []app.SavedQuote
	fx        app.FXTable // the workspace's dated rates: the market's fx_rate default

	productSel, marketSel, platformSel, channelSel *widget.Select
	marketCodes                                    []string // marketSel's options as codes
	platformOpts                                   []app.Platform
	channelOpts                                    []app.LogisticsChannel

	form    *widget.Form
	tabs    *container.AppTabs
	entries map[string]*widget.Entry // by the quote's JSON field name, and "price"
	items   map[string]*widget.FormItem
	cif     *widget.Check
	filling bool // defaults are being written: one recompute at the end, not one per entry
	// typed are the inputs the person typed since they were last filled:
	// choosing another row refills only the inputs that row owns
	// (fieldOwner), so a typed target margin survives a market change.
	typed map[string]bool
	// formMarket is the market the entries' money is in: on a market change
	// the typed money is converted from it.
	formMarket string

	currency   *textBlock
	marketNote *textBlock // what a market change kept, converted or replaced
	// storageNote shows the storage_per_unit Inventory filled in, with its
	// formula, or why it could not (pricing_storage.go).
	storageNote *textBlock
	storageBtn  *widget.Button
	status      *textBlock // the error or "no price reaches the target", in words

	// One struct per tab, as Customer care has.
	res  *pricingResults
	comp *pricingCompetitors
	disc *pricingDiscount
	qs   *pricingQuotes

	lastQuote  app.Quote
	lastInput  app.QuoteInput
	inputValid bool
}

func newPricing(s *Shell) *pricing {
	p := &pricing{s: s, entries: map[string]*widget.Entry{}, items: map[string]*widget.FormItem{}, typed: map[string]bool{}}
	p.res = &pricingResults{p: p, values: map[string]*widget.Label{}, hows: map[string]*textBlock{}}
	p.comp = &pricingCompetitors{p: p}
	p.disc = &pricingDiscount{p: p}
	p.qs = &pricingQuotes{p: p, sel: -1}
	return p
}

// Where the defaults of each input come from (app.QuoteDefaults). Inputs
// with no owner (clearance, ads, returns, target margin) are the seller's
// own assumptions: no choice refills them once typed.
const (
	ownProduct  = "product"
	ownMarket   = "market"
	ownPlatform = "platform"
	ownChannel  = "channel"
)

var fieldOwner = map[string]string{
	"purchase_cost": ownProduct, "other_unit_cost": ownProduct, "weight_kg": ownProduct,
	"length_cm": ownProduct, "width_cm": ownProduct, "height_cm": ownProduct,
	"fx_rate": ownMarket, "vat_rate": ownMarket, "duty_rate": ownMarket, "duty_on_cif": ownMarket,
	"referral_fee_rate": ownPlatform, "per_order_fee": ownPlatform, "payment_fee_rate": ownPlatform,
	"volumetric_divisor": ownChannel, "freight_per_kg": ownChannel, "fulfilment_fee": ownChannel,
	"storage_per_unit": ownChannel,
}

// sellingMoney are the unowned inputs in the selling currency: a market
// change converts them (with the test price) instead of reinterpreting
// the typed number in the new currency.
var sellingMoney = []string{"clearance_per_unit", "price"}

// pricingRate fields are typed as percentages and held as fractions: the
// quote's own rate flags (app.QuoteInput.Numbers).
var pricingRate = func() map[string]bool {
	var in app.QuoteInput
	m := map[string]bool{}
	for _, n := range in.Numbers() {
		m[n.Name] = n.Rate
	}
	return m
}()

func (p *pricing) buildUI() fyne.CanvasObject {
	t := p.s.l.T
	head := heading(t("module.pricing.title"))
	if p.s.ws == nil {
		return container.NewVBox(head, widget.NewLabel(t("workspace.none_hint")))
	}
	p.productSel = &widget.Select{PlaceHolder: t("pricing.pick_product"), OnChanged: p.onProduct}
	p.marketCodes = nil
	var markets []string
	for _, m := range app.PricingMarkets() {
		p.marketCodes = append(p.marketCodes, m.Market)
		markets = append(markets, m.Market+" · "+app.CountryName(p.s.l, m.Market))
	}
	p.marketSel = &widget.Select{PlaceHolder: selectPlaceholder, Options: markets, OnChanged: p.onMarket}
	p.platformSel = &widget.Select{PlaceHolder: t("pricing.pick_platform"), OnChanged: p.onPlatform}
	p.channelSel = &widget.Select{PlaceHolder: t("pricing.pick_channel"), OnChanged: p.onChannel}
	p.currency = newTextBlock("")
	p.marketNote = importantText("", widget.WarningImportance)
	p.marketNote.Hide()
	p.status = importantText("", widget.DangerImportance)
	p.status.Hide()

	// Labels above the inputs: beside them, the longest label and the
	// widest choice made the form half the window wide, and the results
	// beside it no longer fitted a laptop window.
	p.form = &widget.Form{SubmitText: t("pricing.save"), OnSubmit: p.qs.onSave, Orientation: widget.Vertical}
	p.form.Append(t("pricing.field.product"), fitChoices(p.productSel))
	p.form.Append(t("pricing.field.market"), fitChoices(p.marketSel))
	p.form.Append(t("pricing.field.platform"), fitChoices(p.platformSel))
	p.form.Append(t("pricing.field.channel"), fitChoices(p.channelSel))
	for _, name := range app.QuoteFieldNames() {
		if name == "duty_on_cif" {
			p.cif = &widget.Check{Text: t("pricing.field.duty_on_cif"), OnChanged: func(bool) {
				if !p.filling {
					p.typed["duty_on_cif"] = true
				}
				p.recompute()
			}}
			p.form.Append("", p.cif)
			continue
		}
		var w fyne.CanvasObject = p.newEntry(name)
		if name == "storage_per_unit" {
			w = p.storageField(p.entries[name])
		}
		item := &widget.FormItem{Text: t("pricing.field." + name), Widget: w}
		hint := ""
		if key := "pricing.help." + name; p.s.l.Has(key) {
			hint = t(key)
		}
		appendHintedFor(p.form, item, p.entries[name], hint)
		p.items[name] = item
	}
	p.items["price"] = &widget.FormItem{Text: t("pricing.field.price"), Widget: p.newEntry("price")}
	p.form.AppendItem(p.items["price"])
	p.entries["price"].SetPlaceHolder(t("pricing.price_hint"))

	left := newPageScroll(container.NewVBox(p.form, p.storageNote, p.marketNote, p.currency))
	p.tabs = container.NewAppTabs(
		container.NewTabItem(t("pricing.tab.results"), newPageScroll(p.res.buildUI())),
		container.NewTabItem(t("pricing.tab.charts"), p.res.buildCharts()),
		container.NewTabItem(t("pricing.tab.competitors"), newPageScroll(p.comp.buildUI())),
		container.NewTabItem(t("pricing.tab.discount"), newPageScroll(p.disc.buildUI())),
		container.NewTabItem(t("pricing.tab.quotes"), p.qs.buildUI()),
	)
	split := container.NewHSplit(left, container.NewBorder(p.status, nil, nil, nil, p.tabs))
	split.Offset = 0.36
	intro := newTextBlock(t("module.pricing.summary"))
	p.load()
	return container.NewBorder(container.NewVBox(head, intro), nil, nil, nil, split)
}

func (p *pricing) newEntry(name string) *widget.Entry {
	e := &widget.Entry{Validator: p.validator(name)}
	e.OnChanged = func(string) {
		if !p.filling {
			p.typed[name] = true
		}
		p.recompute()
	}
	e.OnSubmitted = func(string) { p.qs.onSave() }
	p.entries[name] = e
	return e
}

// validator rejects what is not a number, or is negative, as it is typed;
// the Form shows the message under the field and disables saving.
func (p *pricing) validator(name string) fyne.StringValidator {
	return localizedValidator(p.s.l, func(s string) error {
		if name == "price" && strings.TrimSpace(s) == "" {
			return nil
		}
		d, err := parseNumber(s)
		if err != nil {
			return app.Errorf(app.EInvalid, "pricing.error.not_number", app.Key("pricing.field."+name))
		}
		if d.IsNegative() {
			return app.Errorf(app.EInvalid, "pricing.error.negative", app.Key("pricing.field."+name))
		}
		return nil
	})
}

// parseNumber reads a typed number: spaces and a trailing % are ignored,
// and a decimal comma is accepted as sellers in DE and FR type it.
func parseNumber(s string) (decimal.Decimal, error) {
	s = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "%"))
	if strings.Count(s, ",") == 1 && !strings.Contains(s, ".") {
		s = strings.Replace(s, ",", ".", 1)
	}
	return decimal.NewFromString(s)
}

// load reads the tables the defaults come from, off the UI goroutine.
func (p *pricing) load() {
	ws := p.s.ws
	type tables struct {
		products  []app.Product
		platforms []app.Platform
		channels  []app.LogisticsChannel
		quotes    []app.SavedQuote
		fx        []app.FXRate
	}
	backgroundErr(p.s, func(ctx context.Context) (t tables, err error) {
		if t.products, err = ws.Products(ctx); err != nil {
			return t, err
		}
		if t.platforms, err = ws.Platforms(ctx); err != nil {
			return t, err
		}
		if t.channels, err = ws.Channels(ctx); err != nil {
			return t, err
		}
		if t.quotes, err = ws.Quotes(ctx); err != nil {
			return t, err
		}
		t.fx, err = ws.FXRates(ctx)
		return t, err
	}, func(t tables, err error) {
		// After an error the screen still fills its choices from what was
		// read, so the calculator works on typed figures.
		p.s.ShowError(err)
		p.products, p.platforms, p.channels, p.quotes = t.products, t.platforms, t.channels, t.quotes
		p.fx = app.NewFXTable(t.fx)
		p.fillChoices()
	})
}

func (p *pricing) fillChoices() {
	var opts []string
	for _, pr := range p.products {
		opts = append(opts, p.productLabel(pr))
	}
	p.productSel.Options = opts
	p.productSel.Refresh()
	p.qs.list.Refresh()
	p.filling = true
	if len(p.products) > 0 {
		p.productSel.SetSelectedIndex(0)
	}
	p.marketSel.SetSelectedIndex(0) // fills the platforms, channels and every entry
	p.filling = false
	p.formMarket = p.market()
	p.applyDefaults(ownProduct, ownMarket, ownPlatform, ownChannel)
}

func (p *pricing) productLabel(pr app.Product) string {
	name := pr.NameEn
	if p.s.l.Lang() == app.LangChinese && pr.NameZh != "" {
		name = pr.NameZh
	}
	return pr.SKU + " · " + name
}

func (p *pricing) product() *app.Product {
	if i := p.productSel.SelectedIndex(); i >= 0 && i < len(p.products) {
		return &p.products[i]
	}
	return nil
}

func (p *pricing) market() string {
	if i := p.marketSel.SelectedIndex(); i >= 0 && i < len(p.marketCodes) {
		return p.marketCodes[i]
	}
	return ""
}

func (p *pricing) platform() *app.Platform {
	if i := p.platformSel.SelectedIndex(); i >= 0 && i < len(p.platformOpts) {
		return &p.platformOpts[i]
	}
	return nil
}

func (p *pricing) channel() *app.LogisticsChannel {
	if i := p.channelSel.SelectedIndex(); i >= 0 && i < len(p.channelOpts) {
		return &p.channelOpts[i]
	}
	return nil
}

// defaults are app.QuoteDefaults at the workspace's rate of today for the
// market's currency (Settings ▸ Exchange rates), the built-in one without.
func (p *pricing) defaults(pr *app.Product, market string, pl *app.Platform, ch *app.LogisticsChannel) app.QuoteInput {
	fx, _ := p.fx.MarketRate(market, p.s.env.Now())
	return app.QuoteDefaultsFX(pr, market, pl, ch, fx)
}

// sellingMoneyFields are the inputs in the selling currency (the rest of
// the money is in CNY and says so in its label).
var sellingMoneyFields = []string{"freight_per_kg", "clearance_per_unit", "fulfilment_fee", "per_order_fee", "storage_per_unit", "price"}

// labelCurrency names the selling currency in each money input's label
// ("Freight per kg (USD)"), so no one types yen into a dollar field.
func (p *pricing) labelCurrency(cur string) {
	changed := false
	for _, name := range sellingMoneyFields {
		item, ok := p.items[name]
		if !ok {
			continue
		}
		text := p.s.l.T("pricing.field." + name)
		if cur != "" {
			text = p.s.l.T("pricing.field.in_currency", text, cur)
		}
		if item.Text != text {
			item.Text, changed = text, true
		}
	}
	if changed {
		p.form.Refresh()
	}
}

func (p *pricing) currencyCode() string {
	if md, ok := app.DefaultsFor(p.market()); ok {
		return md.Currency
	}
	return ""
}

func (p *pricing) onProduct(string) {
	if !p.filling {
		p.comp.load()
	}
	p.applyDefaults(ownProduct)
}

func (p *pricing) onPlatform(string) { p.applyDefaults(ownPlatform) }
func (p *pricing) onChannel(string)  { p.applyDefaults(ownChannel) }

// onMarket offers the platforms and channels that serve the market, then
// fills the defaults.
func (p *pricing) onMarket(string) {
	m := p.market()
	was := p.filling
	p.filling = true
	p.platformOpts, p.channelOpts = nil, nil
	var pl, ch []string
	for _, x := range p.platforms {
		if x.ServesMarket(m) {
			p.platformOpts = append(p.platformOpts, x)
			pl = append(pl, x.Name)
		}
	}
	best := 0
	for _, x := range p.channels {
		if ms := app.ChannelMarkets(x); len(ms) == 0 || containsString(ms, m) {
			if x.Type == "fba" && (len(p.channelOpts) == 0 || p.channelOpts[best].Type != "fba") {
				best = len(p.channelOpts)
			}
			p.channelOpts = append(p.channelOpts, x)
			ch = append(ch, x.Name)
		}
	}
	p.platformSel.Options, p.channelSel.Options = pl, ch
	p.platformSel.ClearSelected()
	p.channelSel.ClearSelected()
	if len(pl) > 0 {
		p.platformSel.SetSelectedIndex(0)
	}
	if len(ch) > 0 {
		p.channelSel.SetSelectedIndex(best)
	}
	p.comp.load()
	p.filling = was
	if p.filling {
		return // a full fill (first load, an opened quote) follows
	}
	p.changeMarket(m)
}

// changeMarket refills what the market, its platform and its channel own,
// keeps every other typed value, and converts the typed money in the
// selling currency (the test price, clearance) from the old currency to
// the new at the FX rates of the two markets, saying so under the form. A
// price that cannot be converted (no valid FX rate typed) is cleared, also
// with a note; a price is never reinterpreted in another currency.
func (p *pricing) changeMarket(m string) {
	t := p.s.l.T
	oldCur, newCur := "", ""
	if md, ok := app.DefaultsFor(p.formMarket); ok {
		oldCur = md.Currency
	}
	if md, ok := app.DefaultsFor(m); ok {
		newCur = md.Currency
	}
	oldFX, fxErr := parseNumber(p.entries["fx_rate"].Text)
	// The money to carry over, read before the refill: the price always
	// (it is only ever typed or opened), clearance when typed.
	carry := map[string]decimal.Decimal{}
	bad := map[string]bool{}
	for _, name := range sellingMoney {
		text := strings.TrimSpace(p.entries[name].Text)
		if text == "" || (name != "price" && !p.typed[name]) {
			continue
		}
		v, err := parseNumber(text)
		if err != nil {
			bad[name] = true
			continue
		}
		carry[name] = v
	}
	replaced := p.applyDefaults(ownMarket, ownPlatform, ownChannel)
	p.formMarket = m

	lines := []string{t("pricing.market_note", m+" · "+app.CountryName(p.s.l, m))}
	newFX := p.defaults(nil, m, nil, nil).FXRate
	p.filling = true
	for _, name := range sellingMoney {
		v, ok := carry[name]
		label := t("pricing.field." + name)
		switch {
		case !ok && !bad[name]:
			continue
		case oldCur == newCur:
			continue // the same currency (DE -> FR): the number means the same
		case !ok || fxErr != nil || !oldFX.IsPositive():
			p.entries[name].SetText("")
			delete(p.typed, name)
			lines = append(lines, t("pricing.market_note.cleared", label, oldCur, newCur))
		default:
			conv := v.Mul(oldFX).Div(newFX).Round(format.Decimals(newCur))
			p.entries[name].SetText(conv.String())
			lines = append(lines, t("pricing.market_note.converted", label, v.String(), oldCur, conv.String(), newCur,
				oldFX.String(), newFX.String()))
		}
	}
	p.filling = false
	if len(replaced) > 0 {
		var labels []string
		for _, name := range replaced {
			labels = append(labels, t("pricing.field."+name))
		}
		lines = append(lines, t("pricing.market_note.replaced", strings.Join(labels, ", ")))
	}
	if len(lines) > 1 {
		p.marketNote.SetText(strings.Join(lines, "\n"))
		p.marketNote.Show()
	} else {
		p.marketNote.Hide()
	}
	p.recompute()
}

// applyDefaults writes the chosen rows' figures into the entries the
// sources own, and into every other entry the person has not typed (the
// test price stays as it is), then recomputes once. It returns the typed
// inputs it replaced, in form order.
func (p *pricing) applyDefaults(sources ...string) []string {
	if p.filling {
		return nil
	}
	in := p.defaults(p.product(), p.market(), p.platform(), p.channel())
	from := map[string]bool{}
	for _, s := range sources {
		from[s] = true
	}
	var replaced []string
	p.filling = true
	vals := quoteValues(in)
	for _, name := range app.QuoteFieldNames() {
		owned := from[fieldOwner[name]]
		if p.typed[name] && !owned {
			continue
		}
		if p.typed[name] {
			replaced = append(replaced, name)
			delete(p.typed, name)
		}
		if name == "duty_on_cif" {
			p.cif.SetChecked(in.DutyOnCIF)
			continue
		}
		p.entries[name].SetText(vals[name])
	}
	p.filling = false
	p.recompute()
	return replaced
}

// quoteValues are in's inputs as the entries show them (rates as percentages).
func quoteValues(in app.QuoteInput) map[string]string {
	out := map[string]string{}
	for _, n := range in.Numbers() {
		v := *n.Value
		if n.Rate {
			v = v.Shift(2)
		}
		out[n.Name] = v.String()
	}
	return out
}

// setInput shows in in every entry, as a saved quote is opened: nothing
// counts as typed afterwards. withPrice also sets the test price.
func (p *pricing) setInput(in app.QuoteInput, withPrice bool) {
	p.filling = true
	for name, v := range quoteValues(in) {
		p.entries[name].SetText(v)
	}
	p.typed = map[string]bool{}
	p.formMarket = p.market()
	p.marketNote.Hide()
	p.cif.SetChecked(in.DutyOnCIF)
	if withPrice {
		text := ""
		if in.HasPrice {
			text = in.Price.String()
		}
		p.entries["price"].SetText(text)
	}
	p.filling = false
	p.recompute()
}

// readInput reads the entries into a quote input; the error names the
// first field that is not a usable number, in the person's language.
func (p *pricing) readInput() (app.QuoteInput, error) {
	in := app.QuoteInput{DutyOnCIF: p.cif.Checked, Currency: p.currencyCode()}
	for _, n := range in.Numbers() {
		d, err := parseNumber(p.entries[n.Name].Text)
		if err != nil {
			return in, app.Errorf(app.EInvalid, "pricing.error.not_number", p.s.l.T("pricing.field."+n.Name))
		}
		if n.Rate {
			d = d.Shift(-2)
		}
		*n.Value = d
	}
	if s := strings.TrimSpace(p.entries["price"].Text); s != "" {
		d, err := parseNumber(s)
		if err != nil {
			return in, app.Errorf(app.EInvalid, "pricing.error.not_number", p.s.l.T("pricing.field.price"))
		}
		in.Price, in.HasPrice = d, true
	}
	if err := in.Validate(); err != nil {
		// Validate names the JSON field; the form shows its label.
		var e *app.Error
		if asAppError(err, &e) && len(e.Args) == 1 {
			if name, ok := e.Args[0].(string); ok {
				return in, app.Errorf(e.Code, uiRateKey(e.Key, name), p.s.l.T("pricing.field."+name))
			}
		}
		return in, err
	}
	return in, nil
}

// uiRateKey: the form takes rates as percentages, so "below 1" reads
// "below 100 %" there.
func uiRateKey(key, name string) string {
	if key == "pricing.error.rate" && pricingRate[name] {
		return "pricing.error.rate_pct"
	}
	return key
}

func asAppError(err error, e **app.Error) bool {
	x, ok := err.(*app.Error)
	*e = x
	return ok
}

func containsString(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
