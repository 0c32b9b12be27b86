package screens

import (
	"context"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/seller-assistant/seller-assistant/app"
	"github.com/seller-assistant/seller-assistant/screens/chart"
)

func init() {
	registerScreen("promotions", func(s *Shell) moduleScreen { return newPromotions(s) })
}

// promotions plans campaigns on a calendar of the year's market events,
// shows the planning math with its formulas and evaluates finished
// campaigns against the days before them.
type promotions struct {
	s    *Shell
	year int

	campaigns []app.Campaign
	events    []app.MarketEvent
	current   app.Campaign  // the campaign in the form; ID 0 is a new one
	costs     app.UnitCosts // unit costs from the catalogue and saved quotes, for planning and evaluation

	yearLabel *widget.Label
	market    *widget.Select // the calendar's market filter; index 0 is all
	prevYear  *widget.Button
	nextYear  *widget.Button
	loading   *widget.ProgressBarInfinite
	timeline  *timeline
	list      *widget.List
	tabs      *container.AppTabs
	form      *campaignForm
	eval      *campaignEval
	roi       *chart.View
	roiNote   *textBlock
	save      *widget.Button
	del       *widget.Button
	status    *textBlock
	undo      *widget.Button // in the message after a delete
}

func newPromotions(s *Shell) *promotions {
	return &promotions{s: s, year: s.env.Now().Year()}
}

func (p *promotions) buildUI() fyne.CanvasObject {
	t := p.s.l.T
	head := heading(t("module.promotions.title"))
	if p.s.ws == nil {
		return container.NewVBox(head, widget.NewLabel(t("workspace.none_hint")))
	}
	p.yearLabel = widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	p.prevYear = widget.NewButtonWithIcon("", theme.NavigateBackIcon(), p.onPrevYear)
	p.nextYear = widget.NewButtonWithIcon("", theme.NavigateNextIcon(), p.onNextYear)
	newBtn := widget.NewButtonWithIcon(t("promotions.new"), theme.ContentAddIcon(), p.onNew)
	newBtn.Importance = widget.HighImportance
	addEvent := widget.NewButtonWithIcon(t("promotions.add_event"), theme.ContentAddIcon(), p.onAddEvent)
	p.loading = widget.NewProgressBarInfinite()
	options := []string{t("promotions.all_markets")}
	for _, m := range calendarMarkets {
		options = append(options, app.CountryName(p.s.l, m))
	}
	p.market = newSelect(options, nil)
	p.market.SetSelectedIndex(0)
	p.market.OnChanged = p.onMarket
	toolbar := container.NewHBox(fitChoices(p.market), p.prevYear, p.yearLabel, p.nextYear, widget.NewSeparator(), newBtn, addEvent)

	p.timeline = newTimeline(p.s.l, p.year, p.s.env.Now())
	p.timeline.onCampaign = p.selectCampaign
	p.timeline.onEvent = p.editEvent
	hint := newTextBlock(t("promotions.calendar_hint"))
	hint.SizeName = theme.SizeNameCaptionText
	calendar := container.NewBorder(nil, hint, nil, nil, container.NewScroll(p.timeline))

	p.list = widget.NewList(p.listLen, p.listItem, p.listUpdate)
	p.list.OnSelected = p.onListSelected

	p.form = newCampaignForm(p)
	p.eval = newCampaignEval(p)
	p.roi = chart.NewView(app.Chart{}, t("promotions.roi_none"))
	p.roiNote = newTextBlock("")
	p.save = widget.NewButtonWithIcon(t("promotions.save"), theme.DocumentSaveIcon(), p.onSave)
	p.save.Importance = widget.HighImportance
	p.del = widget.NewButtonWithIcon(t("promotions.delete"), theme.DeleteIcon(), p.onDelete)
	p.status = newTextBlock("")
	p.tabs = container.NewAppTabs(
		container.NewTabItem(t("promotions.tab_details"), newPageScroll(p.form.details())),
		container.NewTabItem(t("promotions.tab_plan"), newPageScroll(p.form.plan())),
		container.NewTabItem(t("promotions.tab_eval"), newPageScroll(p.eval.buildUI())),
		container.NewTabItem(t("promotions.tab_roi"), container.NewBorder(nil, p.roiNote, nil, nil, p.roi)),
	)
	p.tabs.OnSelected = p.onTab
	detail := container.NewBorder(nil, container.NewHBox(p.save, p.del, p.status), nil, nil, p.tabs)
	lower := container.NewHSplit(p.list, detail)
	lower.Offset = 0.28
	split := container.NewVSplit(calendar, lower)
	split.Offset = 0.45
	p.setYearLabel()
	p.form.fill(p.current)
	p.del.Disable()
	p.load(0)
	return container.NewBorder(container.NewVBox(container.NewBorder(nil, nil, head, toolbar), p.loading), nil, nil, nil, split)
}

func (p *promotions) setYearLabel() {
	p.yearLabel.SetText(p.s.l.T("promotions.calendar", p.year))
}

// load reads the campaigns and the year's events off the UI goroutine, then
// selects the campaign with id selectID (0 keeps the form as it is).
func (p *promotions) load(selectID int64) {
	ws, year := p.s.ws, p.year
	p.loading.Show()
	p.loading.Start()
	type promoData struct {
		cs    []app.Campaign
		es    []app.MarketEvent
		costs app.UnitCosts
	}
	backgroundErr(p.s, func(ctx context.Context) (d promoData, err error) {
		if d.cs, err = ws.Campaigns(ctx); err != nil {
			return d, err
		}
		if d.es, err = app.LoadMarketEvents(ctx, ws, year); err != nil {
			return d, err
		}
		d.costs, err = app.LoadUnitCosts(ctx, ws)
		return d, err
	}, func(d promoData, err error) {
		p.loading.Stop()
		p.loading.Hide()
		if err != nil {
			p.s.ShowError(err)
			return
		}
		cs := d.cs
		p.campaigns, p.events, p.costs = cs, d.es, d.costs
		p.form.onNumbersChanged("")
		p.list.Refresh()
		p.showCalendar()
		if selectID == 0 && p.current.ID == 0 && p.current.Name == "" {
			selectID = p.firstToShow()
		}
		if selectID != 0 {
			for _, c := range cs {
				if c.ID == selectID {
					p.selectCampaign(c)
				}
			}
		}
	})
}

// firstToShow is the campaign the screen opens on: the one running today,
// else the next planned one, else the last.
func (p *promotions) firstToShow() int64 {
	now := p.s.env.Now()
	var next int64
	for _, c := range p.campaigns {
		switch c.Status(now) {
		case "running":
			return c.ID
		case "planned":
			if next == 0 {
				next = c.ID
			}
		}
	}
	if next == 0 && len(p.campaigns) > 0 {
		next = p.campaigns[len(p.campaigns)-1].ID
	}
	return next
}

// calendarMarkets are the markets the calendar can be narrowed to.
var calendarMarkets = []string{"US", "GB", "DE", "FR", "JP"}

func (p *promotions) onMarket(string) {
	if p.timeline != nil {
		p.showCalendar()
	}
}

// showCalendar draws the events and campaigns of the chosen market: those
// listing it, and those for every market (no markets set).
func (p *promotions) showCalendar() {
	m := ""
	if i := p.market.SelectedIndex(); i > 0 {
		m = calendarMarkets[i-1]
	}
	in := func(list []string) bool {
		if m == "" || len(list) == 0 {
			return true
		}
		return promoIndexOf(list, m) >= 0
	}
	var es []app.MarketEvent
	for _, e := range p.events {
		if in(e.Markets) {
			es = append(es, e)
		}
	}
	var cs []app.Campaign
	for _, c := range p.campaigns {
		if in(c.Markets) {
			cs = append(cs, c)
		}
	}
	p.timeline.set(p.year, es, cs, p.current.ID)
}

func (p *promotions) onPrevYear() { p.changeYear(-1) }
func (p *promotions) onNextYear() { p.changeYear(1) }

func (p *promotions) changeYear(delta int) {
	p.year += delta
	p.setYearLabel()
	p.load(0)
}

func (p *promotions) listLen() int { return len(p.campaigns) }

func (p *promotions) listItem() fyne.CanvasObject { return newTwoLine() }

func (p *promotions) listUpdate(i widget.ListItemID, o fyne.CanvasObject) {
	c := p.campaigns[i]
	o.(*twoLine).set(p.campaignMeta(c), c.Name, false)
}

func (p *promotions) campaignMeta(c app.Campaign) string {
	l := p.s.l
	return l.T("promotions.list_meta", c.Start.Format("2006-01-02"), c.End.Format("01-02"), l.T("promotions.status."+c.Status(p.s.env.Now())),
		c.Budget.StringFixed(0), p.s.info.Currency)
}

func (p *promotions) onListSelected(i widget.ListItemID) {
	if i >= 0 && i < len(p.campaigns) && p.campaigns[i].ID != p.current.ID {
		p.selectCampaign(p.campaigns[i])
	}
}

// selectCampaign puts c in the form and, when it has started, evaluates it.
func (p *promotions) selectCampaign(c app.Campaign) {
	p.current = c
	p.form.fill(c)
	p.del.Enable()
	p.status.SetText("")
	p.showCalendar()
	for i, x := range p.campaigns {
		if x.ID == c.ID {
			p.list.Select(i)
		}
	}
	p.eval.show(c)
}

func (p *promotions) onNew() {
	now := p.s.env.Now().UTC().Truncate(24 * time.Hour)
	p.current = app.Campaign{Goal: "sales", Type: "discount", Start: now.AddDate(0, 0, 14), End: now.AddDate(0, 0, 20)}
	p.list.UnselectAll()
	p.form.fill(p.current)
	p.del.Disable()
	p.status.SetText("")
	p.eval.show(p.current)
	p.tabs.SelectIndex(0)
	p.s.win.Canvas().Focus(p.form.name)
}

// onSave validates the form and saves; bad input changes nothing and names
// the field.
func (p *promotions) onSave() {
	c, err := p.form.read()
	if err != nil {
		p.s.ShowError(err)
		return
	}
	if err := c.Validate(); err != nil {
		p.s.ShowError(err)
		return
	}
	ws := p.s.ws
	var id int64
	p.s.write(func(ctx context.Context) (err error) {
		id, err = ws.SaveCampaign(ctx, c)
		return err
	}, func() {
		c.ID = id
		p.current = c
		p.status.SetText(p.s.l.T("promotions.saved", c.Name))
		p.load(id)
	})
}

func (p *promotions) onDelete() {
	c := p.current
	if c.ID == 0 {
		return
	}
	l := p.s.l
	dialog.ShowConfirm(l.T("promotions.confirm_delete_title"), l.T("promotions.confirm_delete", c.Name), func(ok bool) {
		if ok {
			p.deleteCampaign(c)
		}
	}, p.s.win)
}

// deleteCampaign deletes c and offers to put it back: the undo saves the
// same campaign again as a new row.
func (p *promotions) deleteCampaign(c app.Campaign) {
	ws, l := p.s.ws, p.s.l
	p.s.write(func(ctx context.Context) error {
		return ws.DeleteCampaign(ctx, c.ID)
	}, func() {
		p.current = app.Campaign{}
		p.form.fill(p.current)
		p.del.Disable()
		p.eval.show(p.current)
		p.status.SetText(l.T("promotions.deleted", c.Name))
		p.load(0)
		p.undo = p.s.offerUndo(l.T("promotions.deleted", c.Name), l.T("promotions.undo"), func() { p.restoreCampaign(c) })
	})
}

func (p *promotions) restoreCampaign(c app.Campaign) {
	ws := p.s.ws
	c.ID = 0
	var id int64
	p.s.write(func(ctx context.Context) (err error) {
		id, err = ws.SaveCampaign(ctx, c)
		return err
	}, func() { p.load(id) })
}

func (p *promotions) onTab(ti *container.TabItem) {
	if ti.Text == p.s.l.T("promotions.tab_roi") {
		p.loadROI()
	}
}

// loadROI evaluates every finished campaign off the UI goroutine and draws
// their ROI side by side. A running campaign is not finished: its figures
// are to date, so it stays out of the comparison.
func (p *promotions) loadROI() {
	ws, cs, now, costs := p.s.ws, p.campaigns, p.s.env.Now(), p.costs
	p.roiNote.SetText(p.s.l.T("promotions.roi_loading"))
	background(p.s, func(ctx context.Context) ([]app.NamedEvaluation, error) {
		var evals []app.NamedEvaluation
		for _, c := range cs {
			if c.Status(now) != app.StatusPast {
				continue
			}
			e, err := app.EvaluateCampaign(ctx, ws, c, costs, now)
			if err != nil {
				return nil, err
			}
			evals = append(evals, app.NamedEvaluation{Campaign: c, Evaluation: e})
		}
		return evals, nil
	}, func(evals []app.NamedEvaluation) {
		p.roi.SetChart(app.ROIByCampaignChart(p.s.l, evals))
		p.roiNote.SetText(p.s.l.T("promotions.roi_count", app.Count(len(evals))))
	})
}
