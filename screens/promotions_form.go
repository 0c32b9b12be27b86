package screens

import (
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
	"github.com/shopspring/decimal"

	"github.com/seller-assistant/seller-assistant/app"
	"github.com/seller-assistant/seller-assistant/app/format"
)

// campaignForm holds the campaign's fields: details and budget lines on one
// tab, the planning inputs and their math on another.
type campaignForm struct {
	p *promotions

	name, markets, platform, products, start, end, lift *widget.Entry
	notes                                               *pageEntry
	goal, ctype                                         *widget.Select
	lines                                               []*widget.Entry
	budgetTotal                                         *widget.Label

	price, unitCost, discount, baseUnits, marginRate *widget.Entry
	planOut                                          *textBlock
}

func newCampaignForm(p *promotions) *campaignForm {
	f := &campaignForm{p: p}
	entry := func() *widget.Entry {
		e := widget.NewEntry()
		e.OnSubmitted = f.onSubmit
		return e
	}
	f.name, f.markets, f.platform, f.products = entry(), entry(), entry(), entry()
	f.start, f.end, f.lift = entry(), entry(), entry()
	f.notes = newPageEntry()
	f.notes.Wrapping = fyne.TextWrapWord
	f.notes.SetMinRowsVisible(3)
	f.goal = newSelect(promoTranslated(p.s.l, "promotions.goal.", app.CampaignGoals), nil)
	f.ctype = newSelect(promoTranslated(p.s.l, "campaign.type.", app.CampaignTypes), nil)
	for range app.BudgetLineNames {
		e := entry()
		e.OnChanged = f.onNumbersChanged
		f.lines = append(f.lines, e)
	}
	f.budgetTotal = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	f.price, f.unitCost, f.discount, f.baseUnits, f.marginRate = entry(), entry(), entry(), entry(), entry()
	// Products and markets pick the unit cost from Pricing when none is typed.
	for _, e := range []*widget.Entry{f.price, f.unitCost, f.discount, f.baseUnits, f.lift, f.products, f.markets} {
		e.OnChanged = f.onNumbersChanged
	}
	f.planOut = formulaLabel(p.s)
	f.start.Validator = promoDateValidator(p.s.l, "promotions.start")
	f.end.Validator = promoDateValidator(p.s.l, "promotions.end")
	return f
}

func promoTranslated(l *app.Localizer, prefix string, ids []string) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = l.T(prefix + id)
	}
	return out
}

func promoDateValidator(l *app.Localizer, field string) fyne.StringValidator {
	return localizedValidator(l, func(s string) error {
		_, err := promoParseDay(l, s, field)
		return err
	})
}

// parseDay reads a YYYY-MM-DD date typed into field.
func promoParseDay(l *app.Localizer, s, field string) (time.Time, error) {
	d, err := time.Parse("2006-01-02", strings.TrimSpace(s))
	if err != nil {
		return time.Time{}, app.Errorf(app.EInvalid, "promotions.err_date", l.T(field), s)
	}
	return d, nil
}

func (f *campaignForm) onSubmit(string) { f.p.onSave() }

func (f *campaignForm) details() fyne.CanvasObject {
	t := f.p.s.l.T
	form := widget.NewForm(
		widget.NewFormItem(t("promotions.name"), f.name),
		widget.NewFormItem(t("promotions.goal"), f.goal),
		widget.NewFormItem(t("promotions.type"), f.ctype),
		widget.NewFormItem(t("promotions.markets"), f.markets),
		widget.NewFormItem(t("promotions.platform"), f.platform),
		widget.NewFormItem(t("promotions.products"), f.products),
		widget.NewFormItem(t("promotions.start"), f.start),
		widget.NewFormItem(t("promotions.end"), f.end),
	)
	for i, name := range app.BudgetLineNames {
		form.Append(t("promotions.line."+name)+" ("+f.p.s.info.Currency+")", f.lines[i])
	}
	form.Append("", f.budgetTotal)
	form.Append(t("promotions.lift"), f.lift)
	form.Append(t("promotions.notes"), f.notes)
	return form
}

func (f *campaignForm) plan() fyne.CanvasObject {
	t := f.p.s.l.T
	cur := " (" + f.p.s.info.Currency + ")"
	form := widget.NewForm(
		widget.NewFormItem(t("promotions.price")+cur, f.price),
		widget.NewFormItem(t("promotions.unit_cost")+cur, f.unitCost),
		widget.NewFormItem(t("promotions.discount"), f.discount),
		widget.NewFormItem(t("promotions.baseline_units"), f.baseUnits),
		widget.NewFormItem(t("promotions.margin_rate"), f.marginRate),
	)
	return container.NewVBox(form, widget.NewSeparator(), f.planOut)
}

func promoPct(d decimal.Decimal) string {
	if d.IsZero() {
		return ""
	}
	return d.Mul(decimal.NewFromInt(100)).String()
}

func promoAmount(d decimal.Decimal) string {
	if d.IsZero() {
		return ""
	}
	return d.StringFixed(2)
}

// fill shows c in the form.
func (f *campaignForm) fill(c app.Campaign) {
	f.name.SetText(c.Name)
	f.goal.SetSelectedIndex(promoIndexOf(app.CampaignGoals, c.Goal))
	f.ctype.SetSelectedIndex(promoIndexOf(app.CampaignTypes, c.Type))
	f.markets.SetText(strings.Join(c.Markets, ","))
	f.platform.SetText(c.Platform)
	f.products.SetText(strings.Join(c.Products, ","))
	f.start.SetText(promoDayText(c.Start))
	f.end.SetText(promoDayText(c.End))
	for i, v := range c.Lines.Values() {
		f.lines[i].SetText(promoAmount(v))
	}
	f.lift.SetText(promoPct(c.Lift))
	f.notes.SetText(c.Notes)
	f.price.SetText(promoAmount(c.Plan.Price))
	f.unitCost.SetText(promoAmount(c.Plan.UnitCost))
	f.discount.SetText(promoPct(c.Plan.Discount))
	if c.Plan.BaselineUnits > 0 {
		f.baseUnits.SetText(strconv.Itoa(c.Plan.BaselineUnits))
	} else {
		f.baseUnits.SetText("")
	}
	f.marginRate.SetText(promoPct(c.MarginRate))
	f.onNumbersChanged("")
}

func promoDayText(d time.Time) string {
	if d.IsZero() {
		return ""
	}
	return d.Format("2006-01-02")
}

func promoIndexOf(list []string, v string) int {
	for i, s := range list {
		if s == v {
			return i
		}
	}
	return -1
}

// read turns the form into a campaign; the first field that cannot be read
// is named in the error and nothing is saved.
func (f *campaignForm) read() (app.Campaign, error) {
	l := f.p.s.l
	c := f.p.current
	c.Name = strings.TrimSpace(f.name.Text)
	if i := f.goal.SelectedIndex(); i >= 0 {
		c.Goal = app.CampaignGoals[i]
	}
	if i := f.ctype.SelectedIndex(); i >= 0 {
		c.Type = app.CampaignTypes[i]
	}
	c.Markets = promoSplitList(strings.ToUpper(f.markets.Text))
	c.Platform = strings.TrimSpace(f.platform.Text)
	c.Products = promoSplitList(f.products.Text)
	c.Notes = f.notes.Text
	var err error
	if c.Start, err = promoParseDay(l, f.start.Text, "promotions.start"); err != nil {
		return c, err
	}
	if c.End, err = promoParseDay(l, f.end.Text, "promotions.end"); err != nil {
		return c, err
	}
	money := func(e *widget.Entry, field string) decimal.Decimal {
		if err != nil {
			return decimal.Zero
		}
		var d decimal.Decimal
		d, err = app.ParseMoney(e.Text, l.T(field))
		return d
	}
	percent := func(e *widget.Entry, field string) decimal.Decimal {
		if err != nil {
			return decimal.Zero
		}
		var d decimal.Decimal
		d, err = app.ParsePercent(e.Text, l.T(field))
		return d
	}
	c.Lines = app.BudgetLines{Discount: money(f.lines[0], "promotions.line.discount"), Ads: money(f.lines[1], "promotions.line.ads"),
		KOL: money(f.lines[2], "promotions.line.kol"), Samples: money(f.lines[3], "promotions.line.samples")}
	c.Budget = c.Lines.Total()
	c.Lift = percent(f.lift, "promotions.lift")
	c.Plan.Price = money(f.price, "promotions.price")
	c.Plan.UnitCost = money(f.unitCost, "promotions.unit_cost")
	c.Plan.Discount = percent(f.discount, "promotions.discount")
	c.MarginRate = percent(f.marginRate, "promotions.margin_rate")
	if err != nil {
		return c, err
	}
	c.Plan.BaselineUnits = 0
	if s := strings.TrimSpace(f.baseUnits.Text); s != "" {
		n, convErr := strconv.Atoi(s)
		if convErr != nil || n < 0 {
			return c, app.Errorf(app.EInvalid, "promotions.err_whole", l.T("promotions.baseline_units"), s)
		}
		c.Plan.BaselineUnits = n
	}
	actuals, err := f.p.eval.read()
	if err != nil {
		return c, err
	}
	c.Actuals = actuals
	return c, nil
}

func promoSplitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// onNumbersChanged recomputes the budget total and the planning math as
// the person types; unreadable input shows the hint instead of a figure.
func (f *campaignForm) onNumbersChanged(string) {
	l, cur := f.p.s.l, f.p.s.info.Currency
	vals := make([]decimal.Decimal, len(f.lines))
	for i, e := range f.lines {
		vals[i], _ = app.ParseMoney(e.Text, "")
	}
	lines := app.BudgetLines{Discount: vals[0], Ads: vals[1], KOL: vals[2], Samples: vals[3]}
	f.budgetTotal.SetText(l.T("promotions.budget_total", format.Fixed(lines.Total(), 2), cur))
	plan, lift, ok := f.planInputs()
	fromPricing := false
	if ok && plan.UnitCost.IsZero() && strings.TrimSpace(f.unitCost.Text) == "" {
		// Nothing typed: the products' unit cost from Pricing, the same
		// figures the evaluation costs the orders with.
		markets := promoSplitList(strings.ToUpper(f.markets.Text))
		if uc, found := f.p.costs.PlanUnitCost(promoSplitList(f.products.Text), markets); found {
			plan.UnitCost, fromPricing = uc, true
		}
	}
	f.planOut.SetText(planText(l, planView{plan: plan, lift: lift, ok: ok, costFromPricing: fromPricing}, lines, cur))
}

func (f *campaignForm) planInputs() (app.CampaignPlan, decimal.Decimal, bool) {
	price, e1 := app.ParseMoney(f.price.Text, "")
	cost, e2 := app.ParseMoney(f.unitCost.Text, "")
	disc, e3 := app.ParsePercent(f.discount.Text, "")
	lift, e4 := app.ParsePercent(f.lift.Text, "")
	units, e5 := strconv.Atoi(strings.TrimSpace(f.baseUnits.Text))
	ok := e1 == nil && e2 == nil && e3 == nil && e4 == nil && e5 == nil && price.IsPositive() && units > 0
	return app.CampaignPlan{Price: price, UnitCost: cost, Discount: disc, BaselineUnits: units}, lift, ok
}

// planView is what planText shows: the plan as typed (with the unit cost
// from Pricing when none was typed) and the expected lift.
type planView struct {
	plan            app.CampaignPlan
	lift            decimal.Decimal
	ok              bool // price and baseline units are there to compute with
	costFromPricing bool // plan.UnitCost came from Pricing, not the form
}

// planText is the planning math with every formula and its inputs.
func planText(l *app.Localizer, v planView, lines app.BudgetLines, cur string) string {
	if !v.ok {
		return l.T("promotions.plan_missing")
	}
	plan, lift := v.plan, v.lift
	m1 := plan.MarginAfterDiscount()
	var out []string
	if v.costFromPricing {
		out = append(out, l.T("promotions.plan_cost_from_pricing", format.Fixed(plan.UnitCost, 2), cur))
	}
	out = append(out,
		l.T("promotions.plan_discounted", format.Fixed(plan.Price, 2), app.Percent(plan.Discount), format.Fixed(plan.DiscountedPrice(), 2)),
		l.T("promotions.plan_margin", format.Fixed(plan.DiscountedPrice(), 2), format.Fixed(plan.UnitCost, 2), format.Fixed(m1, 2), app.Percent(plan.MarginRateAfterDiscount())),
	)
	fixed := lines.Cost()
	if units, ok := plan.BreakEvenExtraUnits(fixed); ok {
		share := decimal.NewFromInt(units).Div(decimal.NewFromInt(int64(plan.BaselineUnits)))
		out = append(out, l.T("promotions.plan_breakeven", plan.BaselineUnits, plan.NormalMargin().StringFixed(2), m1.StringFixed(2),
			fixed.StringFixed(2), m1.StringFixed(2), units, app.Percent(share)))
	} else {
		out = append(out, l.T("promotions.plan_never"))
	}
	_, expected := plan.ExpectedRevenue(lift)
	out = append(out, l.T("promotions.plan_revenue", plan.BaselineUnits, app.Percent(lift), plan.DiscountedPrice().StringFixed(2), expected.StringFixed(2), cur),
		l.T("promotions.plan_gross_profit", plan.BaselineUnits, app.Percent(lift), m1.StringFixed(2), plan.ExpectedGrossProfit(lift).StringFixed(2), cur))
	if share, ok := app.BudgetShare(lines.Total(), expected); ok {
		out = append(out, l.T("promotions.plan_budget_share", lines.Total().StringFixed(2), expected.StringFixed(2), app.Percent(share)))
	}
	return strings.Join(out, "\n\n")
}
