package screens

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/seller-assistant/seller-assistant/app"
)

// careCases is the cases tab: the list (open, late or all), the case form
// with its deadline, and the reply panel that fills a template and copies
// it.
type careCases struct {
	c *care

	shown   []app.Case
	current app.Case // in the form; ID 0 is a new one

	filter    *widget.Select
	list      *widget.List
	customer  *widget.Select
	typ       *widget.Select
	channel   *widget.Select
	platform  *widget.SelectEntry
	order     *widget.Entry
	tracking  *widget.Entry
	priority  *widget.Select
	status    *widget.Select
	subject   *widget.Entry
	reason    *widget.Select
	escalated *widget.Check
	zone      *widget.SelectEntry
	opened    *widget.Entry
	answered  *widget.Entry
	resolved  *widget.Entry
	csat      *widget.Select
	nps       *widget.Select
	fbReason  *widget.Select
	timing    *textBlock
	flag      *textBlock
	save      *widget.Button
	resolve   *widget.Button
	del       *widget.Button
	undo      *widget.Button // in the message after a delete

	situation *widget.Select
	language  *widget.Select
	preview   *pageEntry // the template's text, editable before copying
	copyBtn   *widget.Button
	saveTpl   *widget.Button
}

func newCareCases(c *care) *careCases { return &careCases{c: c} }

// careRow is a list row: a title line and a caption line.
type careRow struct {
	widget.BaseWidget
	title, meta *widget.Label
}

func newCareRow() *careRow {
	r := &careRow{title: widget.NewLabel(""), meta: widget.NewLabel("")}
	r.title.Truncation = fyne.TextTruncateEllipsis
	r.meta.Truncation = fyne.TextTruncateEllipsis
	r.meta.SizeName = theme.SizeNameCaptionText
	r.ExtendBaseWidget(r)
	return r
}

func (r *careRow) set(title, meta string, danger bool) {
	r.title.SetText(title)
	r.meta.SetText(meta)
	imp := widget.MediumImportance
	if danger {
		imp = widget.DangerImportance
	}
	if r.meta.Importance != imp {
		r.meta.Importance = imp
		r.meta.Refresh()
	}
}

func (r *careRow) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewVBox(r.title, r.meta))
}

func withBlank(first string, items []string) []string { return append([]string{first}, items...) }

func (v *careCases) buildUI() fyne.CanvasObject {
	l := v.c.s.l
	t := l.T
	v.filter = newSelect([]string{t("care.filter_open"), t("care.filter_late"), t("care.filter_all")}, func(string) { v.applyFilter() })
	v.list = widget.NewList(func() int { return len(v.shown) }, func() fyne.CanvasObject { return newCareRow() }, v.listUpdate)
	v.list.OnSelected = v.onSelected
	newBtn := widget.NewButtonWithIcon(t("care.new_case"), theme.ContentAddIcon(), v.onNew)
	newBtn.Importance = widget.HighImportance
	left := container.NewBorder(container.NewVBox(newBtn, v.filter), nil, nil, nil, v.list)

	submit := func(string) { v.onSave() }
	entry := func(ph string) *widget.Entry {
		e := widget.NewEntry()
		e.PlaceHolder = ph
		e.OnSubmitted = submit
		return e
	}
	v.customer = newSelect(nil, v.onCustomer)
	v.typ = newSelect(promoTranslated(l, "care.type.", app.CaseTypes), nil)
	v.channel = newSelect(promoTranslated(l, "care.channel.", app.CaseChannels), nil)
	v.platform = widget.NewSelectEntry(nil)
	v.platform.OnSubmitted = submit
	v.order = entry("113-4471982")
	v.tracking = entry("9400111…")
	v.priority = newSelect(promoTranslated(l, "care.priority.", app.CasePriorities), nil)
	v.status = newSelect(promoTranslated(l, "care.status.", app.CaseStatuses), nil)
	v.subject = entry("")
	v.reason = newSelect(withBlank(t("care.none"), promoTranslated(l, "care.reason.", app.CaseReasons)), nil)
	v.escalated = widget.NewCheck(t("care.escalated"), nil)
	v.zone = widget.NewSelectEntry(nil)
	v.zone.OnSubmitted = submit
	v.opened = entry(t("care.opened_placeholder")) // empty is now; a sample time would read as set
	v.answered = entry("")
	v.resolved = entry("")
	for e, field := range map[*widget.Entry]string{v.opened: "care.opened", v.answered: "care.first_response", v.resolved: "care.resolved"} {
		e.Validator = localizedValidator(v.c.s.l, v.timeValidator(field))
	}
	v.csat = newSelect(withBlank(t("care.none"), []string{"1", "2", "3", "4", "5"}), nil)
	v.nps = newSelect(withBlank(t("care.none"), []string{"0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10"}), nil)
	v.fbReason = newSelect(withBlank(t("care.none"), promoTranslated(l, "care.reason.", app.CaseReasons)), nil)
	v.timing = formulaLabel(v.c.s)
	v.flag = importantText("", widget.DangerImportance)
	// Two columns of fields, so the reply panel below stays in view.
	what := widget.NewForm(
		widget.NewFormItem(t("care.customer"), v.customer),
		widget.NewFormItem(t("care.subject"), v.subject),
		widget.NewFormItem(t("care.type"), v.typ),
		widget.NewFormItem(t("care.channel"), v.channel),
		widget.NewFormItem(t("care.platform"), v.platform),
		widget.NewFormItem(t("care.order_id"), v.order),
		widget.NewFormItem(t("care.tracking_no"), v.tracking),
		widget.NewFormItem(t("care.priority"), v.priority),
		widget.NewFormItem(t("care.status"), fitChoices(v.status)),
	)
	when := widget.NewForm(
		widget.NewFormItem(t("care.reason"), v.reason),
		widget.NewFormItem("", v.escalated),
		widget.NewFormItem(t("care.zone"), v.zone),
		widget.NewFormItem(t("care.opened"), v.opened),
		widget.NewFormItem(t("care.first_response"), v.answered),
		widget.NewFormItem(t("care.resolved"), v.resolved),
		widget.NewFormItem(t("care.csat"), v.csat),
		widget.NewFormItem(t("care.nps"), v.nps),
		widget.NewFormItem(t("care.feedback_reason"), v.fbReason),
	)
	form := container.NewGridWithColumns(2, what, when)
	v.save = widget.NewButtonWithIcon(t("care.save"), theme.DocumentSaveIcon(), v.onSave)
	v.save.Importance = widget.HighImportance
	v.resolve = widget.NewButtonWithIcon(t("care.resolve"), theme.ConfirmIcon(), v.onResolve)
	v.del = widget.NewButtonWithIcon(t("care.delete"), theme.DeleteIcon(), v.onDelete)

	v.situation = newSelect(promoTranslated(l, "care.situation.", app.TemplateSituations), func(string) { v.updateReply() })
	v.language = newSelect(promoTranslated(l, "care.lang.", app.CareLanguages), func(string) { v.updateReply() })
	v.preview = newPageEntry()
	v.preview.Wrapping = fyne.TextWrapWord
	v.preview.SetMinRowsVisible(6)
	v.copyBtn = widget.NewButtonWithIcon(t("care.copy_reply"), theme.ContentCopyIcon(), v.onCopy)
	v.saveTpl = widget.NewButtonWithIcon(t("care.save_template"), theme.DocumentSaveIcon(), v.onSaveTemplate)
	hint := newTextBlock(t("care.placeholders_hint"))
	hint.SizeName = theme.SizeNameCaptionText
	hint.Refresh()
	reply := container.NewVBox(widget.NewSeparator(), careSection(t("care.reply")),
		container.NewGridWithColumns(2, v.situation, v.language), v.preview, hint, container.NewHBox(v.saveTpl))

	// Copy sits in the bar with Save and Resolve so it is in reach however
	// far the form is scrolled.
	right := container.NewBorder(nil, container.NewHBox(v.save, v.copyBtn, v.resolve, v.del), nil, nil,
		newPageScroll(container.NewVBox(v.flag, v.timing, form, reply)))
	split := container.NewHSplit(left, right)
	split.Offset = 0.3
	v.filter.SetSelectedIndex(0)
	v.situation.SetSelectedIndex(0)
	v.fill(v.blank())
	return split
}

// timeValidator checks a time typed into the field labelled by key.
func (v *careCases) timeValidator(key string) func(string) error {
	return func(s string) error {
		_, err := parseCareTime(v.c.s.l.T(key), s, v.zoneText())
		return err
	}
}

func (v *careCases) zoneText() string {
	if z := strings.TrimSpace(v.zone.Text); z != "" {
		return z
	}
	return v.c.shopZone()
}

// blank is a new case: opened now, on the shop's clock.
func (v *careCases) blank() app.Case {
	return app.Case{Type: "shipping", Channel: "platform", Priority: "normal", Status: "new", Opened: v.c.s.env.Now().UTC(),
		OpenedZone: v.c.shopZone()}
}

// refresh refills choices from the loaded data and redraws the list.
func (v *careCases) refresh() {
	var opts []string
	for _, ct := range v.c.contacts {
		opts = append(opts, contactLabel(ct))
	}
	v.customer.Options = opts
	v.customer.Refresh()
	v.platform.SetOptions(v.c.platforms)
	v.zone.SetOptions(v.c.zoneChoices())
	v.applyFilter()
}

func (v *careCases) applyFilter() {
	if v.list == nil {
		return
	}
	c, now := v.c, v.c.s.env.Now()
	v.shown = v.shown[:0]
	for _, x := range c.cases {
		late := x.Late(c.bh, c.targets.For(x.Platform), now)
		switch v.filter.SelectedIndex() {
		case 0:
			if !x.Open() {
				continue
			}
		case 1:
			if !late {
				continue
			}
		}
		v.shown = append(v.shown, x)
	}
	v.list.UnselectAll()
	v.list.Refresh()
}

func (v *careCases) listUpdate(i widget.ListItemID, o fyne.CanvasObject) {
	if i >= len(v.shown) {
		return
	}
	c, l, now := v.c, v.c.s.l, v.c.s.env.Now()
	x := v.shown[i]
	late := x.Late(c.bh, c.targets.For(x.Platform), now)
	title := x.Subject
	if title == "" {
		title = l.T("care.type." + x.Type)
	}
	if x.Escalated {
		title = "⚑ " + title
	}
	who := x.CustomerName
	if who == "" {
		who = x.CustomerID
	}
	meta := l.T("care.row_meta", l.T("care.type."+x.Type), who, x.Platform, l.T("care.status."+x.Status))
	if late {
		meta = l.T("care.late") + " · " + meta
	} else if x.FirstResponse.IsZero() && x.Open() {
		meta = l.T("care.due_at", formatCareTime(x.Deadline(c.bh, c.targets.For(x.Platform)), c.shopZone())) + " · " + meta
	}
	o.(*careRow).set(title, meta, late)
}

func (v *careCases) onSelected(i widget.ListItemID) {
	if i < len(v.shown) {
		v.fill(v.shown[i])
	}
}

// selectCase shows case id in the form (0: keep a new case's form).
func (v *careCases) selectCase(id int64) {
	for i, x := range v.shown {
		if x.ID == id && id != 0 {
			v.list.Select(i)
			return
		}
	}
	for _, x := range v.c.cases {
		if x.ID == id && id != 0 {
			v.fill(x)
		}
	}
}

func (v *careCases) onNew() {
	v.list.UnselectAll()
	v.fill(v.blank())
	v.c.s.win.Canvas().Focus(v.subject)
}

func selectIndex(sel *widget.Select, ids []string, id string, offset int) {
	if i := slices.Index(ids, id); i >= 0 {
		sel.SetSelectedIndex(i + offset)
		return
	}
	if offset > 0 {
		sel.SetSelectedIndex(0)
	} else {
		sel.ClearSelected()
	}
}

func (v *careCases) fill(x app.Case) {
	v.current = x
	v.customer.ClearSelected()
	for i, ct := range v.c.contacts {
		if ct.CustomerID == x.CustomerID {
			v.customer.SetSelectedIndex(i)
		}
	}
	selectIndex(v.typ, app.CaseTypes, x.Type, 0)
	selectIndex(v.channel, app.CaseChannels, x.Channel, 0)
	v.platform.SetText(x.Platform)
	v.order.SetText(x.OrderID)
	v.tracking.SetText(x.TrackingNo)
	selectIndex(v.priority, app.CasePriorities, x.Priority, 0)
	selectIndex(v.status, app.CaseStatuses, x.Status, 0)
	v.subject.SetText(x.Subject)
	selectIndex(v.reason, app.CaseReasons, x.Reason, 1)
	v.escalated.SetChecked(x.Escalated)
	zone := x.OpenedZone
	if zone == "" {
		zone = v.c.shopZone()
	}
	v.zone.SetText(zone)
	v.opened.SetText(formatCareTime(x.Opened, zone))
	v.answered.SetText(formatCareTime(x.FirstResponse, zone))
	v.resolved.SetText(formatCareTime(x.Resolved, zone))
	v.csat.SetSelectedIndex(x.CSAT)
	if x.HasNPS {
		v.nps.SetSelectedIndex(x.NPS + 1)
	} else {
		v.nps.SetSelectedIndex(0)
	}
	selectIndex(v.fbReason, app.CaseReasons, x.FeedbackReason, 1)
	if x.ID == 0 {
		v.del.Disable()
		v.resolve.Disable()
	} else {
		v.del.Enable()
		v.resolve.Enable()
	}
	v.showTiming(x)
	v.updateReply()
}
