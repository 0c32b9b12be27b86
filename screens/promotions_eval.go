package screens

import (
	"context"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/shopspring/decimal"

	"github.com/seller-assistant/seller-assistant/app"
	"github.com/seller-assistant/seller-assistant/app/format"
	"github.com/seller-assistant/seller-assistant/screens/chart"
)

// campaignEval compares a campaign with the same number of days before it,
// from the imported orders or from figures the seller types.
type campaignEval struct {
	p *promotions

	typed                                                      *widget.Check
	baseRev, baseOrders, baseNew, campRev, campOrders, campNew *widget.Entry
	evaluate                                                   *widget.Button
	progress                                                   *widget.ProgressBarInfinite
	periods                                                    *textBlock
	table                                                      *fyne.Container
	formulas                                                   *formulaBlock
	daily                                                      *chart.View
	last                                                       app.Evaluation
}

func newCampaignEval(p *promotions) *campaignEval {
	e := &campaignEval{p: p}
	e.typed = widget.NewCheck(p.s.l.T("promotions.typed"), e.onTyped)
	entry := func() *widget.Entry {
		w := widget.NewEntry()
		w.OnSubmitted = func(string) { e.onEvaluate() }
		return w
	}
	e.baseRev, e.baseOrders, e.baseNew = entry(), entry(), entry()
	e.campRev, e.campOrders, e.campNew = entry(), entry(), entry()
	e.evaluate = widget.NewButtonWithIcon(p.s.l.T("promotions.evaluate"), theme.ViewRefreshIcon(), e.onEvaluate)
	e.progress = widget.NewProgressBarInfinite()
	e.progress.Hide()
	e.progress.Stop()
	e.periods = formulaLabel(p.s)
	e.table = container.NewGridWithColumns(4)
	e.formulas = newFormulaBlock("")
	e.daily = chart.NewView(app.Chart{}, p.s.l.T("chart.no_data"))
	return e
}

func (e *campaignEval) buildUI() fyne.CanvasObject {
	t := e.p.s.l.T
	cur := " (" + e.p.s.info.Currency + ")"
	typedForm := widget.NewForm(
		widget.NewFormItem(t("promotions.base_revenue")+cur, e.baseRev),
		widget.NewFormItem(t("promotions.base_orders"), e.baseOrders),
		widget.NewFormItem(t("promotions.base_new"), e.baseNew),
		widget.NewFormItem(t("promotions.camp_revenue")+cur, e.campRev),
		widget.NewFormItem(t("promotions.camp_orders"), e.campOrders),
		widget.NewFormItem(t("promotions.camp_new"), e.campNew),
	)
	typed := widget.NewAccordion(widget.NewAccordionItem(t("promotions.typed_section"),
		container.NewVBox(e.typed, typedForm, container.NewHBox(e.evaluate))))
	return container.NewVBox(e.progress, e.periods, e.table, e.formulas, e.daily, typed)
}

func (e *campaignEval) onTyped(on bool) {
	for _, w := range []*widget.Entry{e.baseRev, e.baseOrders, e.baseNew, e.campRev, e.campOrders, e.campNew} {
		if on {
			w.Enable()
		} else {
			w.Disable()
		}
	}
}

// show fills the typed figures of c and evaluates it when it has started.
func (e *campaignEval) show(c app.Campaign) {
	a := c.Actuals
	e.typed.SetChecked(a.Typed)
	e.onTyped(a.Typed)
	e.baseRev.SetText(promoAmount(a.Baseline.Revenue))
	e.campRev.SetText(promoAmount(a.Campaign.Revenue))
	count := func(n int) string {
		if n == 0 {
			return ""
		}
		return strconv.Itoa(n)
	}
	e.baseOrders.SetText(count(a.Baseline.Orders))
	e.baseNew.SetText(count(a.Baseline.NewCustomers))
	e.campOrders.SetText(count(a.Campaign.Orders))
	e.campNew.SetText(count(a.Campaign.NewCustomers))
	e.table.Objects = nil
	e.table.Refresh()
	e.daily.SetChart(app.Chart{})
	switch {
	case c.Name == "" && c.ID == 0:
		e.periods.SetText(e.p.s.l.T("promotions.eval_none"))
		e.formulas.SetText("")
	case c.Status(e.p.s.env.Now()) == app.StatusPlanned:
		e.periods.SetText(e.p.s.l.T("promotions.eval_not_yet"))
		e.formulas.SetText("")
	default:
		e.run(c)
	}
}

// read returns the typed figures; a figure that is not a number is named.
func (e *campaignEval) read() (app.CampaignActuals, error) {
	l := e.p.s.l
	a := app.CampaignActuals{Typed: e.typed.Checked}
	var err error
	money := func(w *widget.Entry, field string) decimal.Decimal {
		if err != nil {
			return decimal.Zero
		}
		var d decimal.Decimal
		d, err = app.ParseMoney(w.Text, l.T(field))
		return d
	}
	whole := func(w *widget.Entry, field string) int {
		s := strings.TrimSpace(w.Text)
		if err != nil || s == "" {
			return 0
		}
		n, convErr := strconv.Atoi(s)
		if convErr != nil || n < 0 {
			err = app.Errorf(app.EInvalid, "promotions.err_whole", l.T(field), s)
		}
		return n
	}
	a.Baseline.Revenue = money(e.baseRev, "promotions.base_revenue")
	a.Baseline.Orders = whole(e.baseOrders, "promotions.base_orders")
	a.Baseline.NewCustomers = whole(e.baseNew, "promotions.base_new")
	a.Campaign.Revenue = money(e.campRev, "promotions.camp_revenue")
	a.Campaign.Orders = whole(e.campOrders, "promotions.camp_orders")
	a.Campaign.NewCustomers = whole(e.campNew, "promotions.camp_new")
	return a, err
}

// onEvaluate evaluates what the form holds now, saved or not.
func (e *campaignEval) onEvaluate() {
	c, err := e.p.form.read()
	if err != nil {
		e.p.s.ShowError(err)
		return
	}
	if err := c.Validate(); err != nil {
		e.p.s.ShowError(err)
		return
	}
	e.run(c)
}

func (e *campaignEval) run(c app.Campaign) {
	ws, costs, now := e.p.s.ws, e.p.costs, e.p.s.env.Now()
	e.progress.Show()
	e.progress.Start()
	e.periods.SetText(e.p.s.l.T("promotions.evaluating"))
	backgroundErr(e.p.s, func(ctx context.Context) (app.Evaluation, error) {
		return app.EvaluateCampaign(ctx, ws, c, costs, now)
	}, func(ev app.Evaluation, err error) {
		e.progress.Stop()
		e.progress.Hide()
		if err != nil {
			e.p.s.ShowError(err)
			return
		}
		e.fill(c, ev, now)
	})
}

func (e *campaignEval) fill(c app.Campaign, ev app.Evaluation, now time.Time) {
	l, cur := e.p.s.l, e.p.s.info.Currency
	e.last = ev
	b, k := ev.Baseline, ev.Campaign
	from, to, _, _ := c.EvaluationPeriod(now)
	bf, bt := app.BaselinePeriod(from, to)
	source := l.T("promotions.eval_source_orders")
	if c.Actuals.Typed {
		source = l.T("promotions.eval_source_typed")
	}
	periods := l.T("promotions.eval_periods", promoDayText(bf), promoDayText(bt), promoDayText(from), promoDayText(to), app.Days(from, to), source)
	if ev.Partial {
		// Said first: every figure below is the campaign so far.
		periods = l.T("promotions.eval_partial", app.Days(from, to), app.Days(c.Start, c.End)) + "\n" + periods
	}
	e.periods.SetText(periods)
	change := func(a, b decimal.Decimal) string {
		if !a.IsPositive() {
			return "–"
		}
		return promoSigned(app.Percent(b.Sub(a).Div(a)))
	}
	ints := func(n int) decimal.Decimal { return decimal.NewFromInt(int64(n)) }
	cell := func(s string, bold bool) fyne.CanvasObject {
		return widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: bold})
	}
	e.table.Objects = []fyne.CanvasObject{
		cell(l.T("promotions.eval_figure"), true), cell(l.T("promotions.eval_baseline"), true), cell(l.T("promotions.eval_campaign"), true), cell(l.T("promotions.eval_change"), true),
		cell(l.T("promotions.revenue")+" ("+cur+")", false), cell(format.Fixed(b.Revenue, 2), false), cell(format.Fixed(k.Revenue, 2), false), cell(change(b.Revenue, k.Revenue), false),
		cell(l.T("promotions.orders"), false), cell(format.Int(int64(b.Orders)), false), cell(format.Int(int64(k.Orders)), false), cell(change(ints(b.Orders), ints(k.Orders)), false),
		cell(l.T("promotions.aov")+" ("+cur+")", false), cell(format.Fixed(b.AOV(), 2), false), cell(format.Fixed(k.AOV(), 2), false), cell(change(b.AOV(), k.AOV()), false),
		cell(l.T("promotions.new_customers"), false), cell(format.Int(int64(b.NewCustomers)), false), cell(format.Int(int64(k.NewCustomers)), false), cell(change(ints(b.NewCustomers), ints(k.NewCustomers)), false),
	}
	e.table.Refresh()
	e.formulas.SetText(evalText(l, ev, cur))
	e.daily.SetChart(app.DailyRevenueChart(l, ev, cur))
}

func promoSigned(s string) string {
	if strings.HasPrefix(s, "-") {
		return s
	}
	return "+" + s
}

// evalText is lift, the gross profit of both periods, where the unit costs
// came from and ROI, each with its formula and inputs.
func evalText(l *app.Localizer, ev app.Evaluation, cur string) string {
	var out []string
	if ev.HasLift {
		out = append(out, l.T("promotions.eval_lift", ev.Campaign.Revenue.StringFixed(2), ev.Baseline.Revenue.StringFixed(2),
			ev.Baseline.Revenue.StringFixed(2), app.Percent(ev.Lift)))
	} else {
		out = append(out, l.T("promotions.eval_no_lift"))
	}
	if ev.UnitsBySource == nil { // typed figures: revenue only
		out = append(out, l.T("promotions.eval_profit_typed", ev.Campaign.Revenue.StringFixed(2), app.Percent(ev.MarginRate),
			ev.CampaignGrossProfit.StringFixed(2), ev.Baseline.Revenue.StringFixed(2), app.Percent(ev.MarginRate),
			ev.BaselineGrossProfit.StringFixed(2), ev.IncrementalProfit.StringFixed(2), cur))
	} else {
		costing := l.T("promotions.eval_costing", ev.UnitsBySource[app.CostQuote], ev.UnitsBySource[app.CostPurchase])
		if n := ev.UnitsBySource[app.CostEstimate]; n != 0 {
			costing += " " + l.T("promotions.eval_costing_estimate", n, app.Percent(ev.MarginRate))
		}
		out = append(out, l.T("promotions.eval_profit", ev.CampaignGrossProfit.StringFixed(2), ev.BaselineGrossProfit.StringFixed(2),
			ev.CampaignGrossProfit.StringFixed(2), ev.BaselineGrossProfit.StringFixed(2), ev.IncrementalProfit.StringFixed(2), cur), costing)
	}
	if ev.HasROI {
		out = append(out, l.T("promotions.eval_roi", ev.IncrementalProfit.StringFixed(2), ev.Cost.StringFixed(2), ev.Cost.StringFixed(2),
			app.Percent(ev.ROI), ev.Discount.StringFixed(2), cur))
	} else {
		out = append(out, l.T("promotions.eval_no_roi"))
	}
	return strings.Join(out, "\n\n")
}

// onAddEvent opens the event editor for a new event in the shown year.
func (p *promotions) onAddEvent() {
	now := p.s.env.Now().UTC().Truncate(24 * time.Hour)
	if now.Year() != p.year {
		now = now.AddDate(p.year-now.Year(), 0, 0)
	}
	p.editEvent(app.MarketEvent{Year: p.year, Start: now, End: now})
}

// editEvent opens a form to move, rename or delete a market event.
func (p *promotions) editEvent(ev app.MarketEvent) {
	l := p.s.l
	name := widget.NewEntry()
	name.SetText(ev.Title(l))
	markets := widget.NewEntry()
	markets.SetText(strings.Join(ev.Markets, ","))
	start, end := widget.NewEntry(), widget.NewEntry()
	start.SetText(promoDayText(ev.Start))
	end.SetText(promoDayText(ev.End))
	start.Validator = promoDateValidator(l, "promotions.start")
	end.Validator = promoDateValidator(l, "promotions.end")
	items := []*widget.FormItem{
		widget.NewFormItem(l.T("promotions.event_name"), name),
		widget.NewFormItem(l.T("promotions.event_markets"), markets),
		widget.NewFormItem(l.T("promotions.start"), start),
		widget.NewFormItem(l.T("promotions.end"), end),
	}
	var d dialog.Dialog
	save := func(ok bool) {
		if !ok {
			return
		}
		e, err := eventFromForm(l, ev, name.Text, markets.Text, start.Text, end.Text)
		if err != nil {
			p.s.ShowError(err)
			return
		}
		p.saveEvent(e)
	}
	if ev.ID != 0 {
		del := widget.NewButtonWithIcon(l.T("promotions.event_delete"), theme.DeleteIcon(), func() {
			d.Hide()
			p.deleteEvent(ev)
		})
		items = append(items, widget.NewFormItem("", del))
	}
	d = dialog.NewForm(l.T("promotions.event_edit"), l.T("promotions.save"), l.T("risks.cancel"), items, save, p.s.win)
	d.Resize(fyne.NewSize(480, 0))
	d.Show()
}

// eventFromForm applies what the event editor holds to ev; a bad date or
// a missing name is refused with the field named.
func eventFromForm(l *app.Localizer, ev app.MarketEvent, name, markets, start, end string) (app.MarketEvent, error) {
	e := ev
	var err error
	if e.Start, err = promoParseDay(l, start, "promotions.start"); err != nil {
		return ev, err
	}
	if e.End, err = promoParseDay(l, end, "promotions.end"); err != nil {
		return ev, err
	}
	// A renamed built-in event keeps the seller's name instead of the key's.
	if n := strings.TrimSpace(name); n != ev.Title(l) || ev.Key == "" {
		e.Name = n
	}
	e.Markets = promoSplitList(strings.ToUpper(markets))
	e.Year = e.Start.Year()
	return e, e.Validate()
}

func (p *promotions) saveEvent(e app.MarketEvent) {
	ws := p.s.ws
	p.s.write(func(ctx context.Context) error {
		_, err := ws.SaveMarketEvent(ctx, e)
		return err
	}, func() {
		p.status.SetText(p.s.l.T("promotions.event_saved", e.Title(p.s.l)))
		p.load(0)
	})
}

func (p *promotions) deleteEvent(e app.MarketEvent) {
	ws := p.s.ws
	p.s.write(func(ctx context.Context) error {
		return ws.DeleteMarketEvent(ctx, e.ID)
	}, func() { p.load(0) })
}
