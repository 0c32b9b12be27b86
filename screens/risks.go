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

	"github.com/seller-assistant/seller-assistant/app"
	"github.com/seller-assistant/seller-assistant/screens/chart"
)

func init() {
	registerScreen("risks", func(s *Shell) moduleScreen { return newRisks(s) })
}

// risks is the risk register (scored likelihood × impact, reviews flagged
// when overdue), its charts, and checklists copied from the templates.
type risks struct {
	s *Shell

	all     []app.Risk
	shown   []app.Risk // after the filter
	current app.Risk   // in the form; ID 0 is a new one

	counts   *widget.Label
	loading  *widget.ProgressBarInfinite
	filter   *widget.Select
	closed   *widget.Check
	list     *widget.List
	title    *widget.Entry
	category *widget.Select
	like     *widget.RadioGroup
	impact   *widget.RadioGroup
	score    *textBlock
	owner    *widget.Entry
	mitig    *pageEntry
	status   *widget.Select
	review   *widget.Entry
	flag     *widget.Label
	save     *widget.Button
	del      *widget.Button
	heat     *chart.View
	byCat    *chart.View
	overdue  *textBlock
	lists    *riskChecklists
	undo     *widget.Button // in the message after a delete
}

func newRisks(s *Shell) *risks { return &risks{s: s} }

var riskScale = []string{"1", "2", "3", "4", "5"}

func (r *risks) buildUI() fyne.CanvasObject {
	t := r.s.l.T
	head := heading(t("module.risks.title"))
	if r.s.ws == nil {
		return container.NewVBox(head, widget.NewLabel(t("workspace.none_hint")))
	}
	r.counts = widget.NewLabel("")
	r.loading = widget.NewProgressBarInfinite()
	r.filter = newSelect(append([]string{t("risks.filter_all")}, promoTranslated(r.s.l, "risk.category.", app.RiskCategories)...), r.onFilter)
	r.filter.SetSelectedIndex(0)
	r.closed = widget.NewCheck(t("risks.show_closed"), nil)
	r.closed.SetChecked(true)
	r.closed.OnChanged = func(bool) { r.applyFilter() }
	r.list = widget.NewList(func() int { return len(r.shown) }, func() fyne.CanvasObject { return newTwoLine() }, r.listUpdate)
	r.list.OnSelected = r.onSelected
	newBtn := widget.NewButtonWithIcon(t("risks.new"), theme.ContentAddIcon(), r.onNew)
	newBtn.Importance = widget.HighImportance
	left := container.NewBorder(container.NewVBox(container.NewHBox(newBtn, r.closed), r.filter), nil, nil, nil, r.list)

	r.title = widget.NewEntry()
	r.title.OnSubmitted = func(string) { r.onSave() }
	r.category = newSelect(promoTranslated(r.s.l, "risk.category.", app.RiskCategories), nil)
	r.like = widget.NewRadioGroup(riskScale, r.onScale)
	r.like.Horizontal, r.like.Required = true, true
	r.impact = widget.NewRadioGroup(riskScale, r.onScale)
	r.impact.Horizontal, r.impact.Required = true, true
	r.score = formulaLabel(r.s)
	r.owner = widget.NewEntry()
	r.owner.OnSubmitted = func(string) { r.onSave() }
	r.mitig = newPageEntry()
	r.mitig.Wrapping = fyne.TextWrapWord
	r.mitig.SetMinRowsVisible(3)
	r.status = newSelect(promoTranslated(r.s.l, "risk.status.", app.RiskStatuses), nil)
	r.review = widget.NewEntry()
	// A hint, not a sample date: a date in grey reads as a date set.
	r.review.PlaceHolder = t("risks.review_placeholder")
	r.review.OnSubmitted = func(string) { r.onSave() }
	r.review.Validator = localizedValidator(r.s.l, func(s string) error {
		_, err := r.readReview(s)
		return err
	})
	r.flag = widget.NewLabel("")
	r.flag.Importance = widget.DangerImportance
	hint := widget.NewLabel(t("risks.scale_hint"))
	hint.SizeName = theme.SizeNameCaptionText
	form := widget.NewForm(
		widget.NewFormItem(t("risk.title"), r.title),
		widget.NewFormItem(t("risk.category"), r.category),
		widget.NewFormItem(t("risk.likelihood"), r.like),
		widget.NewFormItem(t("risk.impact"), r.impact),
		widget.NewFormItem("", hint),
		widget.NewFormItem(t("risk.score"), r.score),
		widget.NewFormItem(t("risk.owner"), r.owner),
		widget.NewFormItem(t("risks.mitigation"), r.mitig),
		widget.NewFormItem(t("risk.status"), r.status),
		widget.NewFormItem(t("risks.review_date"), r.review),
	)
	r.save = widget.NewButtonWithIcon(t("risks.save"), theme.DocumentSaveIcon(), r.onSave)
	r.save.Importance = widget.HighImportance
	r.del = widget.NewButtonWithIcon(t("risks.delete"), theme.DeleteIcon(), r.onDelete)
	right := container.NewBorder(nil, container.NewHBox(r.save, r.del), nil, nil, newPageScroll(container.NewVBox(form, r.flag)))
	register := container.NewHSplit(left, right)
	register.Offset = 0.4

	r.heat = chart.NewView(app.Chart{}, t("chart.no_data"))
	r.byCat = chart.NewView(app.Chart{}, t("chart.no_data"))
	r.overdue = formulaLabel(r.s)
	charts := container.NewBorder(nil, widget.NewCard("", t("risks.overdue_list"), r.overdue), nil, nil,
		container.NewGridWithColumns(2, r.heat, r.byCat))

	r.lists = newRiskChecklists(r.s)
	tabs := container.NewAppTabs(
		container.NewTabItem(t("risks.tab_register"), register),
		container.NewTabItem(t("risks.tab_checklists"), r.lists.buildUI()),
		container.NewTabItem(t("risks.tab_charts"), charts),
	)
	r.fill(app.Risk{Category: "operations", Likelihood: 3, Impact: 3, Status: "open"})
	r.del.Disable()
	r.load(0)
	r.lists.load(0)
	return container.NewBorder(container.NewVBox(container.NewBorder(nil, nil, head, r.counts), r.loading), nil, nil, nil, tabs)
}

// load reads the register off the UI goroutine, then selects risk id.
func (r *risks) load(selectID int64) {
	ws := r.s.ws
	r.loading.Show()
	r.loading.Start()
	backgroundErr(r.s, ws.Risks, func(all []app.Risk, err error) {
		r.loading.Stop()
		r.loading.Hide()
		if err != nil {
			r.s.ShowError(err)
			return
		}
		r.all = all
		r.refreshAll()
		for i, x := range r.shown {
			if x.ID == selectID && selectID != 0 {
				r.list.Select(i)
			}
		}
	})
}

func (r *risks) refreshAll() {
	l, now := r.s.l, r.s.env.Now()
	open := 0
	for _, x := range r.all {
		if x.Status != "closed" {
			open++
		}
	}
	od := app.OverdueRisks(r.all, now)
	r.counts.SetText(l.T("risks.counts", app.Count(len(r.all)), app.Count(open), app.Count(len(od))))
	if len(r.all) == 0 {
		r.counts.SetText(l.T("risks.empty"))
	}
	r.applyFilter()
	r.heat.SetChart(app.RiskHeatmapChart(l, r.all))
	r.byCat.SetChart(app.OpenRisksByCategoryChart(l, r.all))
	var lines []string
	for _, x := range od {
		lines = append(lines, l.T("risks.overdue_line", x.Title, promoDayText(x.ReviewDate), x.Owner))
	}
	if len(lines) == 0 {
		lines = []string{l.T("dash.none")}
	}
	r.overdue.SetText(strings.Join(lines, "\n"))
}

func (r *risks) onFilter(string) {
	if r.list != nil {
		r.applyFilter()
	}
}

func (r *risks) applyFilter() {
	cat := r.filter.SelectedIndex() - 1
	r.shown = nil
	for _, x := range r.all {
		if cat >= 0 && x.Category != app.RiskCategories[cat] {
			continue
		}
		if !r.closed.Checked && x.Status == "closed" {
			continue
		}
		r.shown = append(r.shown, x)
	}
	r.list.UnselectAll()
	r.list.Refresh()
}

func (r *risks) listUpdate(i widget.ListItemID, o fyne.CanvasObject) {
	x := r.shown[i]
	l := r.s.l
	meta := l.T("risk.score_short", x.Score()) + " · " + l.T("risk.level."+x.Level()) + " · " + l.T("risk.category."+x.Category) + " · " + l.T("risk.status."+x.Status)
	overdue := x.Overdue(r.s.env.Now())
	if overdue {
		meta += " · " + l.T("risk.overdue")
	}
	o.(*twoLine).set(meta, x.Title, overdue)
}

func (r *risks) onSelected(i widget.ListItemID) {
	if i >= 0 && i < len(r.shown) {
		r.fill(r.shown[i])
		r.del.Enable()
	}
}

func (r *risks) onNew() {
	r.list.UnselectAll()
	r.fill(app.Risk{Category: "operations", Likelihood: 3, Impact: 3, Status: "open", ReviewDate: r.s.env.Now().UTC().Truncate(24*time.Hour).AddDate(0, 1, 0)})
	r.del.Disable()
	r.s.win.Canvas().Focus(r.title)
}

func (r *risks) fill(x app.Risk) {
	r.current = x
	r.title.SetText(x.Title)
	r.category.SetSelectedIndex(promoIndexOf(app.RiskCategories, x.Category))
	r.like.SetSelected(strconv.Itoa(x.Likelihood))
	r.impact.SetSelected(strconv.Itoa(x.Impact))
	r.owner.SetText(x.Owner)
	r.mitig.SetText(x.Mitigation)
	r.status.SetSelectedIndex(promoIndexOf(app.RiskStatuses, x.Status))
	r.review.SetText(promoDayText(x.ReviewDate))
	r.flag.SetText("")
	if x.Overdue(r.s.env.Now()) {
		r.flag.SetText(r.s.l.T("risks.overdue_flag", promoDayText(x.ReviewDate)))
	}
	r.onScale("")
}

// onScale shows the score with its formula as the person picks.
func (r *risks) onScale(string) {
	if r.score == nil {
		return
	}
	x := app.Risk{Likelihood: riskAtoi(r.like.Selected), Impact: riskAtoi(r.impact.Selected)}
	r.score.SetText(r.s.l.T("risks.score_formula", x.Likelihood, x.Impact, x.Score(), r.s.l.T("risk.level."+x.Level())))
}

func riskAtoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

func (r *risks) readReview(s string) (time.Time, error) {
	if strings.TrimSpace(s) == "" {
		return time.Time{}, nil
	}
	d, err := time.Parse("2006-01-02", strings.TrimSpace(s))
	if err != nil {
		return time.Time{}, app.Errorf(app.EInvalid, "risks.err_date", r.s.l.T("risks.review_date"), s)
	}
	return d, nil
}

func (r *risks) read() (app.Risk, error) {
	x := r.current
	x.Title = strings.TrimSpace(r.title.Text)
	if i := r.category.SelectedIndex(); i >= 0 {
		x.Category = app.RiskCategories[i]
	}
	x.Likelihood, x.Impact = riskAtoi(r.like.Selected), riskAtoi(r.impact.Selected)
	x.Owner = strings.TrimSpace(r.owner.Text)
	x.Mitigation = r.mitig.Text
	if i := r.status.SelectedIndex(); i >= 0 {
		x.Status = app.RiskStatuses[i]
	}
	var err error
	if x.ReviewDate, err = r.readReview(r.review.Text); err != nil {
		return x, err
	}
	return x, x.Validate()
}

func (r *risks) onSave() {
	x, err := r.read()
	if err != nil {
		r.s.ShowError(err)
		return
	}
	ws := r.s.ws
	var id int64
	r.s.write(func(ctx context.Context) (err error) {
		id, err = ws.SaveRisk(ctx, x)
		return err
	}, func() {
		x.ID = id
		r.current = x
		r.flag.SetText(r.s.l.T("risks.saved"))
		r.load(id)
	})
}

func (r *risks) onDelete() {
	x, l := r.current, r.s.l
	if x.ID == 0 {
		return
	}
	dialog.ShowConfirm(l.T("risks.confirm_delete_title"), l.T("risks.confirm_delete", x.Title), func(ok bool) {
		if ok {
			r.deleteRisk(x)
		}
	}, r.s.win)
}

// deleteRisk deletes x and offers an undo that saves it again.
func (r *risks) deleteRisk(x app.Risk) {
	ws, l := r.s.ws, r.s.l
	r.s.write(func(ctx context.Context) error {
		return ws.DeleteRisk(ctx, x.ID)
	}, func() {
		r.onNew()
		r.load(0)
		r.undo = r.s.offerUndo(l.T("risks.deleted", x.Title), l.T("risks.undo"), func() { r.restoreRisk(x) })
	})
}

// restoreRisk is the undo of a delete: it saves x again as a new row.
func (r *risks) restoreRisk(x app.Risk) {
	ws := r.s.ws
	x.ID = 0
	var id int64
	r.s.write(func(ctx context.Context) (err error) {
		id, err = ws.SaveRisk(ctx, x)
		return err
	}, func() { r.load(id) })
}
