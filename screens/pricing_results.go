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
)

// pricingResults are the result rows, in the order the formulas build on
// each other.
var pricingResults = []string{"goods", "chargeable", "freight", "duty", "landed", "unit_cost", "break_even", "recommended", "charm",
	"profit", "margin", "roi", "be_acos"}

func (p *pricing) buildResults() fyne.CanvasObject {
	t := p.s.l.T
	box := container.NewVBox()
	for _, k := range pricingResults {
		name := widget.NewLabelWithStyle(t("pricing.result."+k), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		val := widget.NewLabelWithStyle("—", fyne.TextAlignTrailing, fyne.TextStyle{Bold: true, Monospace: true})
		how := secondaryText("")
		p.values[k], p.hows[k] = val, how
		box.Add(container.NewBorder(nil, nil, name, val))
		box.Add(how)
	}
	note := newTextBlock(t("pricing.results_note"))
	return container.NewPadded(container.NewVBox(box, widget.NewSeparator(), note))
}

func (p *pricing) buildCharts() fyne.CanvasObject {
	empty := p.s.l.T("chart.no_data")
	p.breakdown = NewChartView(app.Chart{}, empty)
	p.curve = NewChartView(app.Chart{}, empty)
	p.compare = NewChartView(app.Chart{}, empty)
	// Rows share the height, so the charts grow with the window.
	return container.NewGridWithRows(2, container.NewGridWithColumns(2, p.breakdown, p.curve), p.compare)
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
	p.showResults(q, cur)
	p.breakdown.SetChart(app.CostBreakdownChart(p.s.l, q, cur))
	p.curve.SetChart(app.ProfitCurveChart(p.s.l, q, cur))
	p.compare.SetChart(app.QuoteComparisonChart(p.s.l, "quote_channels", t("pricing.chart.compare"), p.channelQuotes(in), cur))
	p.showCompetitors()
	p.showDiscount()
}

func (p *pricing) showResults(q app.Quote, cur string) {
	t := p.s.l.T
	in := q.In
	// Figures inside a formula keep two places whatever the currency (a
	// yen price times a rate has cents); a result is money in its
	// currency's own decimals. Rates a person typed are repeated exactly,
	// computed ones (margin, ROI) to one decimal.
	m := app.QuoteMoney
	r := app.QuoteInputRate
	set := func(k, val, how string) {
		p.values[k].SetText(val)
		p.hows[k].SetText(how)
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
func (p *pricing) channelQuotes(in app.QuoteInput) []app.NamedQuote {
	var out []app.NamedQuote
	for i := range p.channelOpts {
		ch := &p.channelOpts[i]
		d := app.QuoteDefaults(p.product(), p.market(), p.platform(), ch)
		x := in
		x.VolDivisor, x.FulfilmentFee, x.StoragePerUnit = d.VolDivisor, d.FulfilmentFee, d.StoragePerUnit
		// The channel's rate is in CNY; spread it with the FX rate typed now.
		x.FreightPerKg = d.FreightPerKg.Mul(d.FXRate).Div(in.FXRate).Round(2)
		out = append(out, app.NamedQuote{Name: ch.Name, Quote: x.Compute()})
	}
	return out
}

func (p *pricing) buildCompetitors() fyne.CanvasObject {
	t := p.s.l.T
	intro := newTextBlock(t("pricing.comp.intro"))
	p.compPrices = &widget.Entry{MultiLine: true, Wrapping: fyne.TextWrapWord, PlaceHolder: "19.99, 21.99, 24.99"}
	p.compPrices.SetMinRowsVisible(3)
	p.compPrices.OnChanged = func(string) { p.showCompetitors() }
	p.compStats = newTextBlock("")
	return container.NewPadded(container.NewVBox(intro, p.compPrices, p.compStats))
}

// loadCompetitors reads the competitors' listings in the chosen market and
// writes the prices in the market's currency into the competitor entry:
// the listings linked to the chosen product when there are any, else all
// of the market (and says so).
func (p *pricing) loadCompetitors() {
	ws, market, sku := p.s.ws, p.market(), ""
	if pr := p.product(); pr != nil {
		sku = pr.SKU
	}
	cur := ""
	if md, ok := app.DefaultsFor(market); ok {
		cur = md.Currency
	}
	backgroundLatest(p.s, &p.compLoad, func(ctx context.Context) ([]app.CompetitorPrice, error) {
		return ws.CompetitorPrices(ctx, market, sku)
	}, func(cps []app.CompetitorPrice) {
		// A fill (first load, an opened quote) changes the product without
		// a load of its own, so the newest load can still be for a form
		// that has moved on.
		if pr := p.product(); p.market() != market || (pr != nil && pr.SKU != sku) {
			return
		}
		linked := false
		for _, c := range cps {
			linked = linked || (sku != "" && c.SKU == sku)
		}
		p.competitors, p.compLinked = nil, linked
		var prices []string
		for _, c := range cps {
			if c.Currency == cur && (!linked || c.SKU == sku) {
				p.competitors = append(p.competitors, c)
				prices = append(prices, c.Price.String())
			}
		}
		p.compPrices.SetText(strings.Join(prices, ", "))
	})
}

func (p *pricing) showCompetitors() {
	if p.compStats == nil {
		return
	}
	t := p.s.l.T
	var prices []decimal.Decimal
	for _, f := range strings.FieldsFunc(p.compPrices.Text, func(r rune) bool { return r == ',' || r == ';' || r == '\n' || r == ' ' }) {
		d, err := parseNumber(f)
		if err != nil || !d.IsPositive() {
			p.compStats.SetText(t("pricing.comp.bad", f))
			return
		}
		prices = append(prices, d)
	}
	if len(prices) == 0 {
		p.compStats.SetText(t("pricing.comp.none"))
		return
	}
	ours, label := p.lastQuote.Charm, t("pricing.result.charm")
	if p.lastInput.HasPrice {
		ours, label = p.lastInput.Price, t("pricing.field.price")
	}
	st := app.ComparePrices(prices, ours)
	cur := p.currencyCode()
	lines := []string{t("pricing.comp.stats", len(prices), app.QuoteMoney(st.Min), app.QuoteMoney(st.Median), app.QuoteMoney(st.Max), cur)}
	if ours.IsPositive() {
		diff := app.QuoteRate(st.PositionFactor.Sub(decimal.NewFromInt(1)))
		if st.PositionFactor.GreaterThan(decimal.NewFromInt(1)) {
			diff = "+" + diff
		}
		lines = append(lines, t("pricing.comp.ours", label, app.QuoteMoney(ours), cur, diff, st.CheaperThanUs, st.N))
		if p.lastQuote.BreakEvenOK && st.Median.LessThan(p.lastQuote.BreakEven) {
			lines = append(lines, t("pricing.comp.below_break_even", app.QuoteMoney(p.lastQuote.BreakEven)))
		} else if p.lastQuote.BreakEvenOK {
			mq := p.lastInput
			mq.Price, mq.HasPrice = st.Median, true
			lines = append(lines, t("pricing.comp.at_median", app.QuoteRate(mq.Compute().Margin)))
		}
	}
	if len(p.competitors) > 0 && !p.compLinked {
		lines = append(lines, t("pricing.comp.unlinked"))
	}
	for _, c := range p.competitors {
		lines = append(lines, fmt.Sprintf("· %s — %s (%s): %s %s", c.Competitor, c.Product, c.Platform, app.QuoteMoney(c.Price), c.Currency))
	}
	p.compStats.SetText(strings.Join(lines, "\n"))
}

func (p *pricing) buildDiscount() fyne.CanvasObject {
	t := p.s.l.T
	intro := newTextBlock(t("pricing.disc.intro"))
	p.discount = &widget.Entry{Text: "10", Validator: localizedValidator(p.s.l, func(s string) error {
		d, err := parseNumber(s)
		if err != nil || d.IsNegative() || d.GreaterThanOrEqual(decimal.NewFromInt(100)) {
			return app.Errorf(app.EInvalid, "pricing.error.discount")
		}
		return nil
	})}
	p.discount.OnChanged = func(string) { p.showDiscount() }
	p.discountRs = newTextBlock("")
	form := widget.NewForm(widget.NewFormItem(t("pricing.disc.field"), p.discount))
	return container.NewPadded(container.NewVBox(intro, form, p.discountRs))
}

func (p *pricing) showDiscount() {
	if p.discountRs == nil {
		return
	}
	t := p.s.l.T
	if !p.lastInput.HasPrice {
		p.discountRs.SetText(t("pricing.disc.need_price"))
		return
	}
	d, err := parseNumber(p.discount.Text)
	if err != nil || d.IsNegative() || d.GreaterThanOrEqual(decimal.NewFromInt(100)) {
		p.discountRs.SetText(t("pricing.error.discount"))
		return
	}
	cur := p.currencyCode()
	lines := []string{p.discountLine(d.Shift(-2), cur), "", t("pricing.disc.table")}
	for _, pct := range []int64{5, 10, 15, 20, 25, 30} {
		lines = append(lines, "· "+p.discountLine(decimal.New(pct, -2), cur))
	}
	p.discountRs.SetText(strings.Join(lines, "\n"))
}

func (p *pricing) discountLine(d decimal.Decimal, cur string) string {
	t := p.s.l.T
	di := p.lastQuote.Discount(d)
	line := t("pricing.disc.line", app.QuoteInputRate(d), app.QuoteMoney(di.NewPrice), cur, app.QuoteMoney(di.NewProfit), app.QuoteRate(di.NewMargin))
	// The line ends with its own space where the language puts one.
	if di.UnitsOK {
		return line + t("pricing.disc.units", app.QuoteRate(di.ExtraUnits()), di.UnitsFactor.StringFixed(2))
	}
	return line + t("pricing.disc.no_units")
}
