package screens

import (
	"context"
	"image/color"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/seller-assistant/seller-assistant/app"
	"github.com/seller-assistant/seller-assistant/app/format"
)

// careContacts is the customers tab: follow-ups due, the customer list, and
// the customer card with contact channels, local time, tier, orders and a
// timeline of notes, follow-ups and cases.
type careContacts struct {
	c *care

	due      []app.Interaction
	dueList  *widget.List
	doneBtn  *widget.Button
	dueSel   int
	list     *widget.List
	current  string // the customer on the card; "" for a new one
	id       *widget.Entry
	name     *widget.Entry
	email    *widget.Entry
	handle   *widget.Entry
	chat     *widget.Entry
	phone    *widget.Entry
	language *widget.Select
	zone     *widget.SelectEntry
	country  *widget.Entry
	info     *textBlock
	timeline *textBlock
	body     *pageEntry
	dueOn    *widget.Entry
	save     *widget.Button
	newCase  *widget.Button
	del      *widget.Button

	timelineLoad latest // the newest timeline read; an older one is dropped
}

func newCareContacts(c *care) *careContacts { return &careContacts{c: c, dueSel: -1} }

func (v *careContacts) buildUI() fyne.CanvasObject {
	l := v.c.s.l
	t := l.T
	v.dueList = widget.NewList(func() int { return len(v.due) }, func() fyne.CanvasObject { return newCareRow() }, v.dueUpdate)
	v.dueList.OnSelected = v.onDueSelected
	v.doneBtn = widget.NewButtonWithIcon(t("care.mark_done"), theme.ConfirmIcon(), v.onDone)
	v.doneBtn.Disable()
	dueSize := canvas.NewRectangle(color.Transparent)
	dueSize.SetMinSize(fyne.NewSize(300, 190)) // room for three follow-ups
	dueCard := container.NewVBox(careSection(t("care.due_title")), container.NewStack(dueSize, v.dueList), v.doneBtn)
	v.list = widget.NewList(func() int { return len(v.c.contacts) }, func() fyne.CanvasObject { return newCareRow() }, v.listUpdate)
	v.list.OnSelected = func(i widget.ListItemID) {
		if i < len(v.c.contacts) {
			v.fill(v.c.contacts[i])
		}
	}
	newBtn := widget.NewButtonWithIcon(t("care.new_customer"), theme.ContentAddIcon(), v.onNew)
	left := container.NewBorder(container.NewVBox(dueCard, newBtn), nil, nil, nil, v.list)

	entry := func() *widget.Entry {
		e := widget.NewEntry()
		e.OnSubmitted = func(string) { v.onSave() }
		return e
	}
	v.id, v.name, v.email, v.handle, v.chat, v.phone, v.country = entry(), entry(), entry(), entry(), entry(), entry(), entry()
	v.id.PlaceHolder = "HL10002"
	v.country.PlaceHolder = "DE"
	v.language = newSelect(promoTranslated(l, "care.lang.", app.CareLanguages), nil)
	v.zone = widget.NewSelectEntry(nil)
	v.zone.OnSubmitted = func(string) { v.onSave() }
	form := widget.NewForm(
		widget.NewFormItem(t("care.customer_id"), v.id),
		widget.NewFormItem(t("care.name"), v.name),
		widget.NewFormItem(t("care.email"), v.email),
		widget.NewFormItem(t("care.handle"), v.handle),
		widget.NewFormItem(t("care.chat"), v.chat),
		widget.NewFormItem(t("care.phone"), v.phone),
		widget.NewFormItem(t("care.language"), v.language),
		widget.NewFormItem(t("care.zone"), v.zone),
		widget.NewFormItem(t("care.country"), v.country),
	)
	v.save = widget.NewButtonWithIcon(t("care.save"), theme.DocumentSaveIcon(), v.onSave)
	v.save.Importance = widget.HighImportance
	v.del = widget.NewButtonWithIcon(t("care.delete_customer"), theme.DeleteIcon(), v.onDelete)
	v.newCase = widget.NewButtonWithIcon(t("care.new_case_for"), theme.MailComposeIcon(), v.onNewCase)
	v.info = formulaLabel(v.c.s)
	v.timeline = formulaLabel(v.c.s)
	v.body = newPageEntry()
	v.body.Wrapping = fyne.TextWrapWord
	v.body.SetMinRowsVisible(2)
	v.body.PlaceHolder = t("care.note_placeholder")
	v.dueOn = widget.NewEntry()
	v.dueOn.PlaceHolder = t("care.due_placeholder") // a hint, not a sample date that reads as set
	v.dueOn.OnSubmitted = func(string) { v.onAddFollowUp() }
	addNote := widget.NewButtonWithIcon(t("care.add_note"), theme.DocumentCreateIcon(), v.onAddNote)
	addFollow := widget.NewButtonWithIcon(t("care.add_followup"), theme.HistoryIcon(), v.onAddFollowUp)
	add := container.NewVBox(careSection(t("care.add_title")), v.body,
		container.NewBorder(nil, nil, widget.NewLabel(t("care.due_on")), container.NewHBox(addNote, addFollow), v.dueOn))
	card := container.NewVBox(form, container.NewHBox(v.save, v.newCase, v.del), v.info, widget.NewSeparator(), add, widget.NewSeparator(),
		careSection(t("care.timeline")), v.timeline)
	split := container.NewHSplit(left, newPageScroll(card))
	split.Offset = 0.34
	v.fill(app.Contact{Language: "en"})
	return split
}

func (v *careContacts) refresh() {
	if v.list == nil {
		return
	}
	v.zone.SetOptions(v.c.zoneChoices())
	v.list.Refresh()
	v.loadDue()
	if v.current != "" {
		if ct, ok := v.c.contact(v.current); ok {
			v.fill(ct)
		}
	}
}

func (v *careContacts) listUpdate(i widget.ListItemID, o fyne.CanvasObject) {
	if i >= len(v.c.contacts) {
		return
	}
	l := v.c.s.l
	ct := v.c.contacts[i]
	meta := []string{ct.CustomerID, ct.Country, l.T("care.lang." + ct.Language)}
	if sc, ok := v.c.scores[ct.CustomerID]; ok {
		meta = append(meta, l.T("customers.tier."+string(sc.Tier)))
	}
	name := ct.Name
	if name == "" {
		name = ct.CustomerID
	}
	o.(*careRow).set(name, strings.Join(meta, " · "), false)
}

// selectContact shows customer id on the card, when given; a customer
// with no card yet gets a new one with the id filled in.
func (v *careContacts) selectContact(id string) {
	if id == "" {
		return
	}
	for i, ct := range v.c.contacts {
		if ct.CustomerID == id {
			v.list.Select(i)
			return
		}
	}
	v.list.UnselectAll()
	v.fill(app.Contact{CustomerID: id, Language: "en", TimeZone: "UTC"})
	v.id.Enable() // not saved yet: the card is made on Save
	v.c.s.win.Canvas().Focus(v.name)
}

func (v *careContacts) onNew() {
	v.list.UnselectAll()
	v.fill(app.Contact{Language: "en", TimeZone: "UTC"})
	v.c.s.win.Canvas().Focus(v.id)
}

func (v *careContacts) fill(ct app.Contact) {
	v.current = ct.CustomerID
	v.id.SetText(ct.CustomerID)
	if ct.CustomerID == "" {
		v.id.Enable()
		v.del.Disable()
		v.newCase.Disable()
	} else {
		v.id.Disable() // the id ties the card to the orders; a new id is a new card
		v.del.Enable()
		v.newCase.Enable()
	}
	v.name.SetText(ct.Name)
	v.email.SetText(ct.Email)
	v.handle.SetText(ct.PlatformHandle)
	v.chat.SetText(ct.Chat)
	v.phone.SetText(ct.Phone)
	selectIndex(v.language, app.CareLanguages, ct.Language, 0)
	v.zone.SetText(ct.TimeZone)
	v.country.SetText(ct.Country)
	v.showInfo(ct)
	v.loadTimeline(ct.CustomerID)
}

// showInfo: local time, tier and segment, order figures.
func (v *careContacts) showInfo(ct app.Contact) {
	l, now := v.c.s.l, v.c.s.env.Now()
	if ct.CustomerID == "" {
		v.info.SetText(l.T("care.card_new_hint"))
		return
	}
	lines := []string{l.T("care.customer_time", ct.LocalTime(now).Format("2006-01-02 15:04"), ct.TimeZone)}
	if sc, ok := v.c.scores[ct.CustomerID]; ok {
		lines = append(lines, l.T("care.card_tier", l.T("customers.tier."+string(sc.Tier)), app.SegmentName(l, sc.Segment), sc.R, sc.F, sc.M),
			l.T("care.card_orders", app.Count(sc.Orders), format.Money(sc.Monetary, v.c.s.info.Currency), sc.FirstOrder.Format("2006-01-02"), sc.LastOrder.Format("2006-01-02")))
	} else {
		lines = append(lines, l.T("care.card_no_orders"))
	}
	open, total := 0, 0
	for _, x := range v.c.cases {
		if x.CustomerID == ct.CustomerID {
			total++
			if x.Open() {
				open++
			}
		}
	}
	lines = append(lines, l.T("care.card_cases", total, open))
	v.info.SetText(strings.Join(lines, "\n"))
}

// onNewCase opens a new case for the customer on the card.
func (v *careContacts) onNewCase() {
	id := v.current
	v.c.tabs.SelectIndex(0)
	v.c.cs.onNew()
	for i, ct := range v.c.contacts {
		if ct.CustomerID == id {
			v.c.cs.customer.SetSelectedIndex(i)
		}
	}
}

func (v *careContacts) read() app.Contact {
	ct := app.Contact{CustomerID: strings.TrimSpace(v.id.Text), Name: strings.TrimSpace(v.name.Text), Email: strings.TrimSpace(v.email.Text),
		PlatformHandle: strings.TrimSpace(v.handle.Text), Chat: strings.TrimSpace(v.chat.Text), Phone: strings.TrimSpace(v.phone.Text),
		TimeZone: strings.TrimSpace(v.zone.Text), Country: strings.ToUpper(strings.TrimSpace(v.country.Text)), Language: "en"}
	if i := v.language.SelectedIndex(); i >= 0 {
		ct.Language = app.CareLanguages[i]
	}
	if ct.TimeZone == "" {
		ct.TimeZone = "UTC"
	}
	return ct
}

func (v *careContacts) onSave() {
	ct := v.read()
	if err := ct.Validate(); err != nil {
		v.c.s.ShowError(err)
		return
	}
	ws := v.c.s.ws
	v.c.s.write(func(ctx context.Context) error {
		return ws.SaveContact(ctx, ct)
	}, func() { v.c.load(0, ct.CustomerID) })
}

// onDelete asks first; a customer with cases is asked a second time, naming
// how many cases go with them. Orders are never touched.
func (v *careContacts) onDelete() {
	id := v.current
	if id == "" {
		return
	}
	l := v.c.s.l
	n := 0
	for _, x := range v.c.cases {
		if x.CustomerID == id {
			n++
		}
	}
	msg := l.T("care.confirm_delete_customer", id)
	if n > 0 {
		msg = l.T("care.err_has_cases", id, n) + "\n\n" + l.T("care.confirm_delete_with_cases")
	}
	dialog.ShowConfirm(l.T("care.confirm_delete_customer_title"), msg, func(ok bool) {
		if ok {
			v.deleteContact(id, n > 0)
		}
	}, v.c.s.win)
}

func (v *careContacts) deleteContact(id string, withCases bool) {
	ws := v.c.s.ws
	v.c.s.write(func(ctx context.Context) error {
		return ws.DeleteContact(ctx, id, withCases)
	}, func() {
		v.fill(app.Contact{Language: "en"})
		v.c.load(0, "")
	})
}

func (v *careContacts) onAddNote() { v.addInteraction("note") }

func (v *careContacts) onAddFollowUp() { v.addInteraction("followup") }

func (v *careContacts) addInteraction(kind string) {
	if v.current == "" {
		v.c.s.ShowError(app.Errorf(app.EInvalid, "care.err_customer_required"))
		return
	}
	in := app.Interaction{CustomerID: v.current, Kind: kind, Body: strings.TrimSpace(v.body.Text), Created: v.c.s.env.Now().UTC()}
	if kind == "followup" {
		txt := strings.TrimSpace(v.dueOn.Text)
		if txt == "" {
			v.c.s.ShowError(app.Errorf(app.EInvalid, "care.err_due_required"))
			return
		}
		d, err := time.Parse("2006-01-02", txt)
		if err != nil {
			v.c.s.ShowError(app.Errorf(app.EInvalid, "care.err_date", txt))
			return
		}
		in.Due = d
	}
	if err := in.Validate(); err != nil {
		v.c.s.ShowError(err)
		return
	}
	ws, id := v.c.s.ws, v.current
	v.c.s.write(func(ctx context.Context) error {
		_, err := ws.SaveInteraction(ctx, in)
		return err
	}, func() {
		v.body.SetText("")
		v.dueOn.SetText("")
		v.loadTimeline(id)
		v.loadDue()
	})
}

// careSection is a bold sub-heading inside a tab.
func careSection(text string) *widget.Label {
	return widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}
