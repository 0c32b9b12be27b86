package screens

import (
	"context"
	"image/color"
	"runtime/debug"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/shopspring/decimal"

	"github.com/seller-assistant/seller-assistant/app"
	"github.com/seller-assistant/seller-assistant/screens/chart"
)

// predictionView is the Customers screen's Prediction view (issue 8): it
// fits BG/NBD + Gamma-Gamma on all orders for every customer's P(alive),
// expected purchases and CLV, and, when a holdout end is set, fits again on
// the orders up to the calibration date to check the predictions against
// what happened after it. Fits run off the UI goroutine with a progress bar
// and Cancel. The Customers screen reads Predictions (or sets OnPredicted)
// for its table columns.
type predictionView struct {
	s *Shell

	// OnPredicted, if set, gets every customer's prediction after each fit,
	// on the UI goroutine.
	OnPredicted func(map[string]app.CustomerCLV)

	purchases []app.CustomerPurchases
	shop      app.ShopMargin // the shop's margin, the margin field's default
	result    app.CLVResult
	holdout   *app.Holdout
	currency  string
	cancel    context.CancelFunc

	calEnd, holdEnd, horizon, margin, discount *widget.Entry

	runBtn, cancelBtn *widget.Button
	progress          *widget.ProgressBar
	status            *textBlock
	marginNote        *textBlock // which margin the CLV uses and where it came from
	params            *textBlock
	reading           *textBlock
	holdoutText       *textBlock
	totals            *textBlock
	cumChart, byX     *chart.View
	alive, dist       *chart.View
}

func newPredictionView(s *Shell) *predictionView {
	return &predictionView{s: s}
}

func (p *predictionView) buildUI() fyne.CanvasObject {
	t := p.s.l.T
	wrapLabel := newTextBlock
	intro := wrapLabel(t("clv.view.intro"))
	p.calEnd = &widget.Entry{PlaceHolder: t("clv.hint.calibration"), Validator: p.validDate("clv.field.calibration"), OnSubmitted: p.onSubmit}
	p.holdEnd = &widget.Entry{PlaceHolder: t("clv.hint.holdout_end"), Validator: p.validDate("clv.field.holdout_end"), OnSubmitted: p.onSubmit}
	p.horizon = &widget.Entry{Text: "52", Validator: p.validNumber("clv.field.horizon"), OnSubmitted: p.onSubmit}
	// The margin is filled with the shop's own (ShopMargin) once loaded.
	p.margin = &widget.Entry{Validator: p.validNumber("clv.field.margin"), OnSubmitted: p.onSubmit}
	p.discount = &widget.Entry{Text: "0", Validator: p.validNumber("clv.field.discount"), OnSubmitted: p.onSubmit}
	form := widget.NewForm(
		widget.NewFormItem(t("clv.field.calibration"), p.calEnd),
		widget.NewFormItem(t("clv.field.holdout_end"), p.holdEnd),
	)
	form2 := widget.NewForm(
		widget.NewFormItem(t("clv.field.horizon"), p.horizon),
		widget.NewFormItem(t("clv.field.margin"), p.margin),
		widget.NewFormItem(t("clv.field.discount"), p.discount),
	)
	p.runBtn = &widget.Button{Text: t("clv.run"), Icon: theme.MediaPlayIcon(), Importance: widget.HighImportance, OnTapped: p.onRun}
	p.cancelBtn = &widget.Button{Text: t("clv.cancel"), Icon: theme.CancelIcon(), OnTapped: p.onCancel}
	p.cancelBtn.Disable()
	p.progress = widget.NewProgressBar()
	p.progress.Hide()
	p.status = wrapLabel("")
	p.marginNote = wrapLabel("")
	p.params = wrapLabel("")
	p.reading = wrapLabel("")
	p.holdoutText = wrapLabel(t("clv.holdout.none"))
	p.holdoutText.TextStyle.Bold = true
	p.totals = wrapLabel("")
	empty := t("clv.empty")
	l := p.s.l
	p.cumChart = chart.NewView(app.HoldoutCumulativeChart(l, app.Holdout{}), empty)
	p.byX = chart.NewView(app.HoldoutByXChart(l, app.Holdout{}), empty)
	p.alive = chart.NewView(app.PAliveChart(l, app.CLVResult{}, 0), empty)
	p.dist = chart.NewView(app.CLVDistributionChart(l, app.CLVResult{}, ""), empty)

	if p.s.ws == nil {
		return container.NewVBox(intro, widget.NewLabel(t("workspace.none_hint")))
	}
	p.load()
	return newPageScroll(container.NewVBox(
		intro,
		container.NewGridWithColumns(2, form, form2),
		p.marginNote,
		container.NewHBox(p.runBtn, p.cancelBtn),
		p.progress, p.status,
		heading(t("clv.params.title")), p.params, p.reading,
		heading(t("clv.holdout.title")), p.holdoutText,
		container.NewGridWithColumns(2, tall(p.cumChart), tall(p.byX)),
		heading(t("clv.charts.title")), p.totals,
		container.NewGridWithColumns(2, tall(p.alive), tall(p.dist)),
	))
}

// tall gives a chart room for its axes and the note under it; a VBox would
// leave it at its minimum height.
func tall(c *chart.View) fyne.CanvasObject {
	space := canvas.NewRectangle(color.Transparent)
	space.SetMinSize(fyne.NewSize(0, 340))
	return container.NewStack(space, c)
}

// Predictions is every customer's prediction from the last fit on all
// orders, keyed by customer id; nil before the first fit.
func (p *predictionView) Predictions() map[string]app.CustomerCLV {
	if p.result.Customers == nil {
		return nil
	}
	return p.result.ByID()
}

// load reads the purchase days once, proposes the last third of the
// history as the holdout, and fits.
func (p *predictionView) load() {
	ws := p.s.ws
	p.status.SetText(p.s.l.T("clv.loading"))
	p.setBusy(true)
	type purchases struct {
		cs   []app.CustomerPurchases
		shop app.ShopMargin
	}
	backgroundErr(p.s, func(ctx context.Context) (d purchases, err error) {
		if d.cs, err = ws.PurchaseDays(ctx); err != nil {
			return d, err
		}
		d.shop, err = app.ShopMarginOf(ctx, ws)
		return d, err
	}, func(d purchases, err error) {
		p.setBusy(false)
		p.status.SetText("")
		if err != nil {
			p.s.ShowError(err)
			return
		}
		cs, shop := d.cs, d.shop
		p.purchases, p.currency, p.shop = cs, p.s.info.Currency, shop
		if strings.TrimSpace(p.margin.Text) == "" {
			p.margin.SetText(shop.Rate.Shift(2).String())
		}
		p.marginNote.SetText(shop.Describe(p.s.l))
		if len(cs) == 0 {
			p.status.SetText(p.s.l.T("clv.err.no_orders"))
			return
		}
		first, last := firstPurchase(cs), app.NewestPurchase(cs)
		span := app.DaysBetween(first, last)
		if span >= 84 { // a holdout shorter than four weeks says little
			p.calEnd.SetText(first.AddDate(0, 0, span*2/3).Format(time.DateOnly))
			p.holdEnd.SetText(last.Format(time.DateOnly))
		}
		p.onRun()
	})
}

func firstPurchase(cs []app.CustomerPurchases) time.Time {
	var t time.Time
	for _, c := range cs {
		if len(c.Days) > 0 && (t.IsZero() || c.Days[0].Day.Before(t)) {
			t = c.Days[0].Day
		}
	}
	return t
}

// validDate and validNumber mark a bad field as the person types, in their
// language (a Form shows the text under the field).
func (p *predictionView) validDate(field string) fyne.StringValidator {
	return localizedValidator(p.s.l, func(s string) error {
		if s = strings.TrimSpace(s); s == "" {
			return nil
		}
		if _, err := time.Parse(time.DateOnly, s); err != nil {
			return app.Errorf(app.EInvalid, "clv.err.date", app.Key(field))
		}
		return nil
	})
}

func (p *predictionView) validNumber(field string) fyne.StringValidator {
	return localizedValidator(p.s.l, func(s string) error {
		if _, err := decimal.NewFromString(strings.TrimSpace(s)); err != nil {
			return app.Errorf(app.EInvalid, "clv.err.number", app.Key(field))
		}
		return nil
	})
}

func (p *predictionView) onSubmit(string) { p.onRun() }

// fitJob is what the form asked for.
type fitJob struct {
	opts        app.CLVOptions
	calEnd, end time.Time
	withHoldout bool
	purchases   []app.CustomerPurchases
}

// readForm checks every field and names the first bad one; nothing is fitted
// on bad input.
func (p *predictionView) readForm() (fitJob, error) {
	t := p.s.l.T
	date := func(e *widget.Entry, field string) (time.Time, error) {
		s := strings.TrimSpace(e.Text)
		if s == "" {
			return time.Time{}, nil
		}
		d, err := time.Parse(time.DateOnly, s)
		if err != nil {
			return d, app.Errorf(app.EInvalid, "clv.err.date", t(field))
		}
		return d, nil
	}
	number := func(e *widget.Entry, field string) (decimal.Decimal, error) {
		d, err := decimal.NewFromString(strings.TrimSpace(e.Text))
		if err != nil {
			return d, app.Errorf(app.EInvalid, "clv.err.number", t(field))
		}
		return d, nil
	}
	var job fitJob
	var err error
	if job.calEnd, err = date(p.calEnd, "clv.field.calibration"); err != nil {
		return job, err
	}
	if job.end, err = date(p.holdEnd, "clv.field.holdout_end"); err != nil {
		return job, err
	}
	h, err := number(p.horizon, "clv.field.horizon")
	if err != nil {
		return job, err
	}
	if !h.IsInteger() || h.Sign() <= 0 || h.GreaterThan(decimal.NewFromInt(520)) {
		return job, app.Errorf(app.EInvalid, "clv.err.horizon", int(h.IntPart()))
	}
	m, err := number(p.margin, "clv.field.margin")
	if err != nil {
		return job, err
	}
	d, err := number(p.discount, "clv.field.discount")
	if err != nil {
		return job, err
	}
	hundred := decimal.NewFromInt(100)
	job.opts = app.CLVOptions{HorizonWeeks: int(h.IntPart()), Margin: m.Div(hundred), DiscountRate: d.Div(hundred)}
	if m.IsZero() {
		return job, app.Errorf(app.EInvalid, "clv.err.margin", "0")
	}
	if err := job.opts.Validate(); err != nil {
		return job, err
	}
	job.withHoldout = !job.end.IsZero()
	if job.withHoldout && !job.calEnd.IsZero() && !job.end.After(job.calEnd) {
		return job, app.Errorf(app.EInvalid, "clv.err.holdout_dates", job.calEnd.Format(time.DateOnly), job.end.Format(time.DateOnly))
	}
	job.purchases = p.purchases
	return job, nil
}

func (p *predictionView) onRun() {
	if p.cancel != nil {
		return // a fit is running
	}
	if len(p.purchases) == 0 {
		p.s.ShowError(app.Errorf(app.EInvalid, "clv.err.no_orders"))
		return
	}
	job, err := p.readForm()
	if err != nil {
		p.s.ShowError(err)
		return
	}
	if job.withHoldout && job.calEnd.IsZero() {
		p.s.ShowError(app.Errorf(app.EInvalid, "clv.err.date", p.s.l.T("clv.field.calibration")))
		return
	}
	ctx, cancel := context.WithCancel(context.Background())
	p.cancel = cancel
	p.setBusy(true)
	p.progress.SetValue(0)
	n := len(job.purchases)
	p.status.SetText(p.s.l.T("clv.fitting", n))
	started := time.Now()
	// Read here, on the UI goroutine, so a test that swaps it does not
	// race with a fit still finishing.
	release := releaseMemory
	// Not a background helper: the fit streams progress (many posts, not
	// one), has its own Cancel button, and onFitted must run even when it is
	// cancelled so the buttons and status come back.
	go func() {

		// Progress is throttled to whole percents so a fast fit does not
		// flood the UI goroutine.
		last := -1
		report := func(from, width float64) func(float64) {
			return func(f float64) {
				if pct := int(100 * (from + width*f)); pct != last {
					last = pct
					p.s.env.Post(func() { p.progress.SetValue(float64(pct) / 100) })
				}
			}
		}
		share := 1.0
		if job.withHoldout {
			share = 0.5
		}
		res, err := app.PredictCLV(ctx, job.purchases, job.opts, report(0, share))
		if err != nil || !job.withHoldout {
			elapsed := time.Since(started)
			p.s.env.Post(func() { p.onFitted(res, err, elapsed, false) })
			release()
			return
		}
		// The fit on all orders is the first result: shown now, while the
		// holdout check fits a second time (at a million order lines the
		// two took 2.2 s together before anything was shown).
		elapsed := time.Since(started)
		p.s.env.Post(func() { p.onFitted(res, nil, elapsed, true) })
		h, err := app.HoldoutCheck(ctx, job.purchases, job.calEnd, job.end, job.opts, report(0.5, 0.5))
		// The view shows the check's totals and charts, never its
		// calibration fit's per-customer predictions: not kept.
		h.Customers = nil
		elapsed = time.Since(started)
		p.s.env.Post(func() { p.onHoldout(&h, err, elapsed) })
		release()
	}()
}

// releaseMemory hands the memory of a large piece of work back to the
// system once its result is shown. A fit at 90k customers allocates a few
// hundred MB that is garbage as soon as its result is posted; the Go
// runtime kept it as idle heap and returned it slowly, so the window's
// resident size climbed with every fit (271 -> 626 MB over six fits, issue
// 20). It runs a full collection (tens of milliseconds at that size), so
// it is called off the UI goroutine, after the result was posted.
//
// A variable so tests can see when it runs.
var releaseMemory = debug.FreeOSMemory

func (p *predictionView) onCancel() {
	if p.cancel != nil {
		p.cancel()
	}
}

func (p *predictionView) setBusy(busy bool) {
	if busy {
		p.runBtn.Disable()
		p.cancelBtn.Enable()
		p.progress.Show()
		return
	}
	p.runBtn.Enable()
	p.cancelBtn.Disable()
	p.progress.Hide()
}

// onFitted shows a finished fit on all orders; with holdoutPending the
// holdout check is still running and onHoldout ends the run. A refused or
// cancelled fit leaves the last good results on screen.
func (p *predictionView) onFitted(res app.CLVResult, err error, elapsed time.Duration, holdoutPending bool) {
	if !holdoutPending {
		p.cancel = nil
		p.setBusy(false)
	}
	l := p.s.l
	if err != nil {
		p.status.SetText(l.Message(err))
		if app.ErrorCode(err) != app.ECanceled {
			p.s.ShowError(err)
		}
		return
	}
	// A fit stopped by the iteration cap is shown, and said to be so.
	p.status.SetText(joinLines(l.T("clv.done", elapsed.Seconds()), res.Model.ConvergenceNote(l)))
	p.result = res
	m := res.Model
	b, g := m.BGNBD, m.GammaGamma
	// A degenerate spend model's parameters (q = 1.458e+07) mean nothing
	// to anyone: say that it does not fit instead.
	spend := l.T("clv.spend.no_fit", m.MeanRepeatValue, p.currency)
	if m.SpendFits {
		spend = l.T("clv.params.gg", g.P, g.Q, g.V)
	}
	p.params.SetText(l.T("clv.params.bgnbd", b.R, b.Alpha, b.A, b.B, m.LogLikelihood) + "\n" + spend + "\n" +
		l.T("clv.params.counts", app.Count(m.Customers), app.Count(m.RepeatCustomers), m.AsOf.Format(time.DateOnly)))
	used := app.TypedMargin(res.Options.Margin)
	if res.Options.Margin.Equal(p.shop.Rate) {
		used = p.shop
	}
	p.marginNote.SetText(used.Describe(l) + "\n" + l.T("clv.historic_vs_predicted", res.Options.HorizonWeeks))
	p.reading.SetText("• " + strings.Join(app.ParamsReading(l, m), "\n• "))
	var purchases float64
	total := decimal.Zero
	for _, c := range res.Customers {
		purchases += c.ExpectedPurchases
		total = total.Add(c.CLV)
	}
	p.totals.SetText(l.T("clv.totals", res.Options.HorizonWeeks, purchases, total.StringFixed(2), p.currency))
	p.alive.SetChart(app.PAliveChart(l, res, 1500))
	p.dist.SetChart(app.CLVDistributionChart(l, res, p.currency))
	// The last check described the last fit: until this one's is done
	// its place says that it is running.
	p.holdout = nil
	p.holdoutText.SetText(l.T("clv.holdout.none"))
	if holdoutPending {
		p.holdoutText.SetText(l.T("clv.holdout.running"))
	}
	p.cumChart.SetChart(app.HoldoutCumulativeChart(l, app.Holdout{}))
	p.byX.SetChart(app.HoldoutByXChart(l, app.Holdout{}))
	if p.OnPredicted != nil {
		p.OnPredicted(res.ByID())
	}
}

// onHoldout shows the holdout check that followed a fit and ends the run.
func (p *predictionView) onHoldout(hold *app.Holdout, err error, elapsed time.Duration) {
	p.cancel = nil
	p.setBusy(false)
	l := p.s.l
	if err != nil {
		p.holdoutText.SetText(l.Message(err))
		p.status.SetText(l.Message(err))
		if app.ErrorCode(err) != app.ECanceled {
			p.s.ShowError(err)
		}
		return
	}
	p.holdout = hold
	p.status.SetText(joinLines(l.T("clv.done", elapsed.Seconds()), p.result.Model.ConvergenceNote(l), hold.Model.ConvergenceNote(l)))
	p.holdoutText.SetText(app.HoldoutSummary(l, *hold))
	p.cumChart.SetChart(app.HoldoutCumulativeChart(l, *hold))
	p.byX.SetChart(app.HoldoutByXChart(l, *hold))
}

// joinLines joins the non-empty lines.
func joinLines(lines ...string) string {
	var out []string
	for _, s := range lines {
		if s != "" {
			out = append(out, s)
		}
	}
	return strings.Join(out, "\n")
}
