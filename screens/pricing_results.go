package screens

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
	"github.com/shopspring/decimal"

	"github.com/seller-assistant/seller-assistant/app"
	"github.com/seller-assistant/seller-assistant/app/format"
	"github.com/seller-assistant/seller-assistant/screens/chart"
)

// resultRows are the result rows, in the order the formulas build on
// each other.
var resultRows = []string{"goods", "chargeable", "freight", "duty", "landed", "unit_cost", "break_even", "recommended", "charm",
	"profit", "margin", "roi", "be_acos"}

// pricingResults is the Results and Charts tabs: every figure of the quote
// with how it was computed, and the three charts.
type pricingResults struct {
	p                         *pricing
	values                    map[string]*widget.Label
	hows                      map[string]*textBlock
	breakdown, curve, compare *chart.View
}

// pricingCompetitors is the Competitors tab: the market's competitor prices
// against the quote.
type pricingCompetitors struct {
	p       *pricing
	rows    []app.CompetitorPrice
	linked  bool   // the competitors shown are linked to the chosen product
	reading latest // the newest competitor read; an older one is dropped
	prices  *pageEntry
	stats   *textBlock
}

// pricingDiscount is the Discount tab: what a promotion's discount leaves.
type pricingDiscount struct {
	p      *pricing
	entry  *widget.Entry
	result *textBlock
}

func (v *pricingResults) buildUI() fyne.CanvasObject {
	t := v.p.s.l.T
	box := container.NewVBox()
	for _, k := range resultRows {
		name := widget.NewLabelWithStyle(t("pricing.result."+k), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		val := widget.NewLabelWithStyle("—", fyne.TextAlignTrailing, fyne.TextStyle{Bold: true, Monospace: true})
		how := secondaryText("")
		v.values[k], v.hows[k] = val, how
		box.Add(container.NewBorder(nil, nil, name, val))
		box.Add(how)
	}
	note := newTextBlock(t("pricing.results_note"))
	return container.NewPadded(container.NewVBox(box, widget.NewSeparator(), note))
}

func (v *pricingResults) buildCharts() fyne.CanvasObject {
	empty := v.p.s.l.T("chart.no_data")
	v.breakdown = chart.NewView(app.Chart{}, empty)
	v.curve = chart.NewView(app.Chart{}, empty)
	v.compare = chart.NewView(app.Chart{}, empty)
	// One chart a row, sharing the height, so the charts grow with the
	// window and scroll in a short one. Two abreast held the results side
	// as wide as two charts, too wide beside the form in a laptop window.
	return newPageScroll(container.NewGridWithRows(3, v.breakdown, v.curve, v.compare))
}

// recompute reads the entries and redraws every result. Bad input changes
// nothing shown except the message naming the field.
func (p *pricing) recompute() {
	if p.filling || p.status == nil {
		return
	}
	t := p.s.l.T
	cur := p.currencyCode()
	p.currency.SetText(t("pricing.currency_note", cur))
	p.labelCurrency(cur)
	in, err := p.readInput()
	p.inputValid = err == nil
	if err != nil {
		p.status.SetText(p.s.l.Message(err))
		p.status.Show()
		return
	}
	q := in.Compute()
	p.lastInput, p.lastQuote = in, q
	if reason := q.NoPriceReason(p.s.l); reason != "" {
		p.status.SetText(reason)
		p.status.Show()
	} else {
		p.status.Hide()
	}
	p.res.show(q, cur)
	p.res.breakdown.SetChart(app.CostBreakdownChart(p.s.l, q, cur))
	p.res.curve.SetChart(app.ProfitCurveChart(p.s.l, q, cur))
	p.res.compare.SetChart(app.QuoteComparisonChart(p.s.l, "quote_channels", t("pricing.chart.compare"), p.res.channelQuotes(in), cur))
	p.comp.show()
	p.disc.show()
}

func (v *pricingResults) show(q app.Quote, cur string) {
	t := v.p.s.l.T
	in := q.In
	// Figures inside a formula keep two places whatever the currency (a
	// yen price times a rate has cents); a result is money in its
	// currency's own decimals. Rates a person typed are repeated exactly,
	// computed ones (margin, ROI) to one decimal.
	m := app.QuoteMoney
	r := app.QuoteInputRate
	set := func(k, val, how string) {
		v.values[k].SetText(val)
		v.hows[k].SetText(how)
	}
	money := func(d decimal.Decimal) string { return format.Money(d, cur) }
	set("goods", money(q.Goods), t("pricing.how.goods", m(in.PurchaseCost), m(in.OtherUnitCost), in.FXRate.String()))
	set("chargeable", q.ChargeableKg.StringFixed(2)+" kg", t("pricing.how.chargeable", in.WeightKg.String(),
		in.LengthCm.String(), in.WidthCm.String(), in.HeightCm.String(), in.VolDivisor.String(), q.VolumetricKg.StringFixed(2)))
	set("freight", money(q.Freight), t("pricing.how.freight", q.ChargeableKg.StringFixed(2), m(in.FreightPerKg)))
	if in.DutyOnCIF {
		set("duty", money(q.Duty), t("pricing.how.duty_cif", r(in.DutyRate), m(q.Goods), m(q.Freight)))
	} else {
		set("duty", money(q.Duty), t("pricing.how.duty", r(in.DutyRate), m(q.Goods)))
	}
	set("landed", money(q.Landed), t("pricing.how.landed", m(q.Goods), m(q.Freight), m(q.Duty), m(in.ClearancePerUnit)))
	set("unit_cost", money(q.UnitCost), t("pricing.how.unit_cost", m(q.Landed), m(in.FulfilmentFee), m(in.PerOrderFee), m(in.StoragePerUnit)))
	// fees: the sum of the typed rates, exact as they are.
	fees := t("pricing.how.fees", r(q.VarRate), r(in.ReferralRate), r(in.PaymentRate), r(in.AdRate), r(in.ReturnRate))
	none := t("pricing.result.no_price")
	if q.BreakEvenOK {
		set("break_even", money(q.BreakEven), t("pricing.how.break_even", m(q.UnitCost), r(in.VATRate), fees))
	} else {
		set("break_even", none, t("pricing.how.break_even", m(q.UnitCost), r(in.VATRate), fees))
	}
	how := t("pricing.how.recommended", m(q.UnitCost), r(in.VATRate), fees, r(in.TargetMargin))
	if q.RecommendedOK {
		set("recommended", money(q.Recommended), how)
		set("charm", money(q.Charm), t(charmHowKey(in.Currency), m(q.Recommended)))
	} else {
		set("recommended", none, how)
		set("charm", none, t("pricing.how.charm_none"))
	}
	if !in.HasPrice {
		for _, k := range []string{"profit", "margin", "roi", "be_acos"} {
			set(k, "—", t("pricing.no_test_price"))
		}
		return
	}
	pr := m(in.Price)
	set("profit", money(q.Profit), t("pricing.how.profit", pr, r(in.VATRate), m(q.UnitCost), pr, r(q.VarRate)))
	set("margin", app.QuoteRate(q.Margin), t("pricing.how.margin", m(q.Profit), pr))
	if q.ROIOK {
		set("roi", app.QuoteRate(q.ROI), t("pricing.how.roi", m(q.Profit), m(q.UnitCost)))
	} else {
		set("roi", "—", t("pricing.how.roi_none"))
	}
	set("be_acos", app.QuoteRate(q.BreakEvenACoS), t("pricing.how.be_acos", m(q.Profit), pr, r(in.AdRate), pr))
}

// charmHowKey explains the charm ending of the currency (app.CharmPriceFor).
func charmHowKey(currency string) string {
	switch {
	case strings.EqualFold(currency, "JPY"):
		return "pricing.how.charm_jpy"
	case strings.EqualFold(currency, "KRW"):
		return "pricing.how.charm_krw"
	case app.ZeroDecimalCurrency(currency):
		return "pricing.how.charm_whole"
	}
	return "pricing.how.charm"
}

// channelQuotes prices the same input over every channel serving the
// market, each with its own freight, divisor and fulfilment fee.
func (v *pricingResults) channelQuotes(in app.QuoteInput) []app.NamedQuote {
	var out []app.NamedQuote
	for i := range v.p.channelOpts {
		ch := &v.p.channelOpts[i]
		d := v.p.defaults(v.p.product(), v.p.market(), v.p.platform(), ch)
		x := in
		x.VolDivisor, x.FulfilmentFee, x.StoragePerUnit = d.VolDivisor, d.FulfilmentFee, d.StoragePerUnit
		// The channel's rate is in CNY; spread it with the FX rate typed now.
		x.FreightPerKg = d.FreightPerKg.Mul(d.FXRate).Div(in.FXRate).Round(2)
		out = append(out, app.NamedQuote{Name: ch.Name, Quote: x.Compute()})
	}
	return out
}

func (v *pricingCompetitors) buildUI() fyne.CanvasObject {
	t := v.p.s.l.T
	intro := newTextBlock(t("pricing.comp.intro"))
	v.prices = newPageEntry()
	v.prices.Wrapping = fyne.TextWrapWord
	v.prices.PlaceHolder = "19.99, 21.99, 24.99"
	v.prices.SetMinRowsVisible(3)
	v.prices.OnChanged = func(string) { v.show() }
	v.stats = newTextBlock("")
	return container.NewPadded(container.NewVBox(intro, v.prices, v.stats))
}

// loadCompetitors reads the competitors' listings in the chosen market and
// writes the prices in the market's currency into the competitor entry:
// the listings linked to the chosen product when there are any, else all
// of the market (and says so).
func (v *pricingCompetitors) load() {
	ws, market, sku := v.p.s.ws, v.p.market(), ""
	if pr := v.p.product(); pr != nil {
		sku = pr.SKU
	}
	cur := ""
	if md, ok := app.DefaultsFor(market); ok {
		cur = md.Currency
	}
	backgroundLatest(v.p.s, &v.reading, func(ctx context.Context) ([]app.CompetitorPrice, error) {
		return ws.CompetitorPrices(ctx, market, sku)
	}, func(cps []app.CompetitorPrice) {
		// A fill (first load, an opened quote) changes the product without
		// a load of its own, so the newest load can still be for a form
		// that has moved on.
		if pr := v.p.product(); v.p.market() != market || (pr != nil && pr.SKU != sku) {
			return
		}
		linked := false
		for _, c := range cps {
			linked = linked || (sku != "" && c.SKU == sku)
		}
		v.rows, v.linked = nil, linked
		var prices []string
		for _, c := range cps {
			if c.Currency == cur && (!linked || c.SKU == sku) {
				v.rows = append(v.rows, c)
				prices = append(prices, c.Price.String())
			}
		}
		v.prices.SetText(strings.Join(prices, ", "))
	})
}

func (v *pricingCompetitors) show() {
	if v.stats == nil {
		return
	}
	t := v.p.s.l.T
	var prices []decimal.Decimal
	for _, f := range strings.FieldsFunc(v.prices.Text, func(r rune) bool { return r == ',' || r == ';' || r == '\n' || r == ' ' }) {
		d, err := parseNumber(f)
		if err != nil || !d.IsPositive() {
			v.stats.SetText(t("pricing.comp.bad", f))
			return
		}
		prices = append(prices, d)
	}
	if len(prices) == 0 {
		v.stats.SetText(t("pricing.comp.none"))
		return
	}
	ours, label := v.p.lastQuote.Charm, t("pricing.result.charm")
	if v.p.lastInput.HasPrice {
		ours, label = v.p.lastInput.Price, t("pricing.field.price")
	}
	st := app.ComparePrices(prices, ours)
	cur := v.p.currencyCode()
	lines := []string{t("pricing.comp.stats", len(prices), app.QuoteMoney(st.Min), app.QuoteMoney(st.Median), app.QuoteMoney(st.Max), cur)}
	if ours.IsPositive() {
		diff := app.QuoteRate(st.PositionFactor.Sub(decimal.NewFromInt(1)))
		if st.PositionFactor.GreaterThan(decimal.NewFromInt(1)) {
			diff = "+" + diff
		}
		lines = append(lines, t("pricing.comp.ours", label, app.QuoteMoney(ours), cur, diff, st.CheaperThanUs, st.N))
		if v.p.lastQuote.BreakEvenOK && st.Median.LessThan(v.p.lastQuote.BreakEven) {
			lines = append(lines, t("pricing.comp.below_break_even", app.QuoteMoney(v.p.lastQuote.BreakEven)))
		} else if v.p.lastQuote.BreakEvenOK {
			mq := v.p.lastInput
			mq.Price, mq.HasPrice = st.Median, true
			lines = append(lines, t("pricing.comp.at_median", app.QuoteRate(mq.Compute().Margin)))
		}
	}
	if len(v.rows) > 0 && !v.linked {
		lines = append(lines, t("pricing.comp.unlinked"))
	}
	for _, c := range v.rows {
		lines = append(lines, fmt.Sprintf("· %s — %s (%s): %s %s", c.Competitor, c.Product, c.Platform, app.QuoteMoney(c.Price), c.Currency))
	}
	v.stats.SetText(strings.Join(lines, "\n"))
}

func (v *pricingDiscount) buildUI() fyne.CanvasObject {
	t := v.p.s.l.T
	intro := newTextBlock(t("pricing.disc.intro"))
	v.entry = &widget.Entry{Text: "10", Validator: localizedValidator(v.p.s.l, func(s string) error {
		d, err := parseNumber(s)
		if err != nil || d.IsNegative() || d.GreaterThanOrEqual(decimal.NewFromInt(100)) {
			return app.Errorf(app.EInvalid, "pricing.error.discount")
		}
		return nil
	})}
	v.entry.OnChanged = func(string) { v.show() }
	v.result = newTextBlock("")
	form := widget.NewForm(widget.NewFormItem(t("pricing.disc.field"), v.entry))
	return container.NewPadded(container.NewVBox(intro, form, v.result))
}

func (v *pricingDiscount) show() {
	if v.result == nil {
		return
	}
	t := v.p.s.l.T
	if !v.p.lastInput.HasPrice {
		v.result.SetText(t("pricing.disc.need_price"))
		return
	}
	d, err := parseNumber(v.entry.Text)
	if err != nil || d.IsNegative() || d.GreaterThanOrEqual(decimal.NewFromInt(100)) {
		v.result.SetText(t("pricing.error.discount"))
		return
	}
	cur := v.p.currencyCode()
	lines := []string{v.line(d.Shift(-2), cur), "", t("pricing.disc.table")}
	for _, pct := range []int64{5, 10, 15, 20, 25, 30} {
		lines = append(lines, "· "+v.line(decimal.New(pct, -2), cur))
	}
	v.result.SetText(strings.Join(lines, "\n"))
}

func (v *pricingDiscount) line(d decimal.Decimal, cur string) string {
	t := v.p.s.l.T
	di := v.p.lastQuote.Discount(d)
	line := t("pricing.disc.line", app.QuoteInputRate(d), app.QuoteMoney(di.NewPrice), cur, app.QuoteMoney(di.NewProfit), app.QuoteRate(di.NewMargin))
	// The line ends with its own space where the language puts one.
	if di.UnitsOK {
		return line + t("pricing.disc.units", app.QuoteRate(di.ExtraUnits()), di.UnitsFactor.StringFixed(2))
	}
	return line + t("pricing.disc.no_units")
}
