package screens

import (
	"context"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/shopspring/decimal"

	"github.com/seller-assistant/seller-assistant/app"
)

// channelEditor lists the logistics channels and edits one at a time: pick
// one to edit it, "New" for an empty form; Save (or Enter) stores it.
type channelEditor struct {
	c       *channels
	list    *widget.List
	editing int64 // id of the channel in the form; 0 for a new one

	form                                                   *widget.Form
	name, markets, firstW, firstP, perKg, divisor, daysMin *widget.Entry
	daysMax, fulfil, maxW                                  *widget.Entry
	restrictions                                           *pageEntry
	minCharge, cartonUnits, storage                        *widget.Entry
	typ, stability                                         *widget.Select
	tracking, battery, liquid                              *widget.Check
	newBtn, deleteBtn, undoBtn                             *widget.Button
	undoBar                                                *fyne.Container
	undoLabel                                              *widget.Label
	deleted                                                *app.LogisticsChannel
}

func newChannelEditor(c *channels) *channelEditor { return &channelEditor{c: c} }

func (e *channelEditor) buildUI() fyne.CanvasObject {
	t := e.c.s.l.T
	e.list = widget.NewList(func() int { return len(e.c.channels) },
		func() fyne.CanvasObject { l := widget.NewLabel(""); l.Truncation = fyne.TextTruncateEllipsis; return l },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			ch := e.c.channels[i]
			o.(*widget.Label).SetText(ch.Name + " · " + t("channel.type."+ch.Type) + " · " + ch.Market)
		})
	e.list.OnSelected = func(i widget.ListItemID) { e.show(e.c.channels[i]) }
	entry := func(key string, check func(string) error) *widget.Entry {
		en := &widget.Entry{Validator: check}
		en.OnSubmitted = func(string) { e.form.OnSubmit() }
		return en
	}
	num := func(key string) *widget.Entry { return entry(key, nonNegative(e.c.s.l, key)) }
	e.name = entry("channels.field.name", nil)
	e.markets = entry("channels.field.markets", nil)
	e.markets.SetPlaceHolder("GB,DE")
	e.firstW, e.firstP, e.perKg = num("channels.field.first_weight"), num("channels.field.first_price"), num("channels.field.per_kg")
	e.divisor, e.daysMin, e.daysMax = num("channels.field.vol_divisor"), num("channels.field.days_min"), num("channels.field.days_max")
	e.fulfil, e.maxW = num("channels.field.fulfilment"), num("channels.field.max_weight")
	e.minCharge, e.cartonUnits = num("channels.field.min_charge"), num("channels.field.carton_units")
	e.storage = num("channels.field.storage")
	e.restrictions = newPageEntry()
	e.restrictions.Wrapping = fyne.TextWrapWord
	var types []string
	for _, ty := range app.ChannelTypes {
		types = append(types, t("channel.type."+ty))
	}
	e.typ = &widget.Select{PlaceHolder: selectPlaceholder, Options: types, OnChanged: func(string) { e.showHeadHaul() }}
	e.stability = &widget.Select{PlaceHolder: selectPlaceholder, Options: []string{"1", "2", "3", "4", "5"}}
	e.tracking = &widget.Check{Text: t("channels.field.tracking")}
	e.battery = &widget.Check{Text: t("channels.field.battery")}
	e.liquid = &widget.Check{Text: t("channels.field.liquid")}
	e.form = &widget.Form{SubmitText: t("channels.save"), OnSubmit: e.onSave}
	for _, it := range []struct {
		key string
		w   fyne.CanvasObject
	}{{"name", e.name}, {"type", e.typ}, {"markets", e.markets}, {"first_weight", e.firstW}, {"first_price", e.firstP},
		{"per_kg", e.perKg}, {"vol_divisor", e.divisor}, {"days_min", e.daysMin}, {"days_max", e.daysMax},
		{"stability", e.stability}, {"fulfilment", e.fulfil}, {"min_charge", e.minCharge}, {"carton_units", e.cartonUnits},
		{"storage", e.storage}, {"max_weight", e.maxW}} {
		item := &widget.FormItem{Text: t("channels.field." + it.key), Widget: it.w}
		hint := ""
		if key := "channels.help." + it.key; e.c.s.l.Has(key) {
			hint = t(key)
		}
		appendHinted(e.form, item, hint)
	}
	e.form.Append("", container.NewHBox(e.tracking, e.battery, e.liquid))
	e.form.Append(t("channels.field.restrictions"), e.restrictions)
	e.newBtn = widget.NewButtonWithIcon(t("channels.new"), theme.ContentAddIcon(), e.onNew)
	e.deleteBtn = widget.NewButtonWithIcon(t("channels.delete"), theme.DeleteIcon(), e.onDelete)
	e.undoLabel = widget.NewLabel("")
	e.undoBtn = widget.NewButtonWithIcon(t("pricing.quotes.undo"), theme.ContentUndoIcon(), e.onUndo)
	e.undoBar = container.NewHBox(e.undoLabel, e.undoBtn)
	e.undoBar.Hide()
	e.onNew()
	right := container.NewBorder(container.NewVBox(container.NewHBox(e.newBtn, e.deleteBtn), e.undoBar), nil, nil, nil,
		newPageScroll(e.form))
	split := container.NewHSplit(e.list, right)
	split.Offset = 0.38
	return split
}

func (e *channelEditor) refresh() {
	e.list.UnselectAll()
	e.list.Refresh()
}

// onNew empties the form for a new channel with the usual defaults.
func (e *channelEditor) onNew() {
	e.list.UnselectAll()
	e.show(app.LogisticsChannel{Type: "dedicated_line", VolDivisor: 6000, Stability: 3, Tracking: true, BatteryOK: true})
}

func (e *channelEditor) show(ch app.LogisticsChannel) {
	e.editing = ch.ID
	e.name.SetText(ch.Name)
	e.markets.SetText(ch.Market)
	for i, ty := range app.ChannelTypes {
		if ty == ch.Type {
			e.typ.SetSelectedIndex(i)
		}
	}
	e.firstW.SetText(ch.FirstWeightKg.String())
	e.firstP.SetText(ch.FirstPrice.String())
	e.perKg.SetText(ch.PerKg.String())
	e.divisor.SetText(strconv.Itoa(ch.VolDivisor))
	e.daysMin.SetText(strconv.Itoa(ch.DaysMin))
	e.daysMax.SetText(strconv.Itoa(ch.DaysMax))
	e.stability.SetSelectedIndex(min(max(ch.Stability, 1), 5) - 1)
	e.fulfil.SetText(ch.FulfilmentFee.String())
	e.minCharge.SetText(ch.MinChargeCNY.String())
	e.cartonUnits.SetText(strconv.Itoa(ch.CartonUnits))
	e.storage.SetText(ch.StoragePerUnit.String())
	e.maxW.SetText(ch.MaxWeightKg.String())
	e.tracking.SetChecked(ch.Tracking)
	e.battery.SetChecked(ch.BatteryOK)
	e.liquid.SetChecked(ch.LiquidOK)
	e.restrictions.SetText(ch.Restrictions)
	e.showHeadHaul()
}

// showHeadHaul enables the inputs the chosen type reads: a head-haul
// channel (FBA, overseas warehouse) has no first weight but may have a
// shipment minimum spread over a carton; a parcel channel the reverse.
func (e *channelEditor) showHeadHaul() {
	i := e.typ.SelectedIndex()
	head := i >= 0 && (app.LogisticsChannel{Type: app.ChannelTypes[i]}).IsHeadHaul()
	for _, en := range []*widget.Entry{e.firstW, e.firstP} {
		if head {
			en.Disable()
		} else {
			en.Enable()
		}
	}
	for _, en := range []*widget.Entry{e.minCharge, e.cartonUnits} {
		if head {
			en.Enable()
		} else {
			en.Disable()
		}
	}
}

// read turns the form into a channel; the error names the field.
func (e *channelEditor) read() (app.LogisticsChannel, error) {
	ch := app.LogisticsChannel{ID: e.editing, Name: strings.TrimSpace(e.name.Text), Tracking: e.tracking.Checked,
		BatteryOK: e.battery.Checked, LiquidOK: e.liquid.Checked, Restrictions: strings.TrimSpace(e.restrictions.Text)}
	ch.Market = strings.Join(marketCodes(e.markets.Text), ",")
	if i := e.typ.SelectedIndex(); i >= 0 {
		ch.Type = app.ChannelTypes[i]
	}
	ch.Stability = e.stability.SelectedIndex() + 1
	l := e.c.s.l
	decs := []struct {
		key string
		en  *widget.Entry
		dst *decimal.Decimal
	}{{"first_weight", e.firstW, &ch.FirstWeightKg}, {"first_price", e.firstP, &ch.FirstPrice}, {"per_kg", e.perKg, &ch.PerKg},
		{"fulfilment", e.fulfil, &ch.FulfilmentFee}, {"max_weight", e.maxW, &ch.MaxWeightKg},
		{"min_charge", e.minCharge, &ch.MinChargeCNY}, {"storage", e.storage, &ch.StoragePerUnit}}
	for _, d := range decs {
		v, err := parseNumber(d.en.Text)
		if err != nil {
			return ch, app.Errorf(app.EInvalid, "pricing.error.not_number", l.T("channels.field."+d.key))
		}
		*d.dst = v
	}
	ints := []struct {
		key string
		en  *widget.Entry
		dst *int
	}{{"vol_divisor", e.divisor, &ch.VolDivisor}, {"days_min", e.daysMin, &ch.DaysMin}, {"days_max", e.daysMax, &ch.DaysMax},
		{"carton_units", e.cartonUnits, &ch.CartonUnits}}
	for _, d := range ints {
		v, err := strconv.Atoi(strings.TrimSpace(d.en.Text))
		if err != nil {
			return ch, app.Errorf(app.EInvalid, "channels.error.whole", l.T("channels.field."+d.key))
		}
		*d.dst = v
	}
	return ch, ch.Validate()
}

func (e *channelEditor) onSave() {
	ch, err := e.read()
	if err != nil {
		e.c.s.ShowError(err)
		return
	}
	e.c.save(func(ctx context.Context, ws app.Workspace) error {
		id, err := ws.SaveChannel(ctx, ch)
		ch.ID = id
		return err
	}, func() { e.selectID(ch.ID) })
}

func (e *channelEditor) selectID(id int64) {
	for i, x := range e.c.channels {
		if x.ID == id {
			e.list.Select(i)
			return
		}
	}
}

func (e *channelEditor) onDelete() {
	t := e.c.s.l.T
	if e.editing == 0 {
		e.c.s.message(t("channels.delete"), t("channels.pick"))
		return
	}
	ch, _ := e.read()
	for _, x := range e.c.channels {
		if x.ID == e.editing {
			ch = x
		}
	}
	dialog.ShowConfirm(t("channels.delete"), t("channels.confirm", ch.Name), func(ok bool) {
		if !ok {
			return
		}
		e.c.save(func(ctx context.Context, ws app.Workspace) error { return ws.DeleteChannel(ctx, ch.ID) }, func() {
			e.deleted = &ch
			e.undoLabel.SetText(t("channels.deleted", ch.Name))
			e.undoBar.Show()
			e.onNew()
		})
	}, e.c.s.win)
}

func (e *channelEditor) onUndo() {
	if e.deleted == nil {
		return
	}
	ch := *e.deleted
	e.deleted, ch.ID = nil, 0
	e.c.save(func(ctx context.Context, ws app.Workspace) error {
		id, err := ws.SaveChannel(ctx, ch)
		ch.ID = id
		return err
	}, func() { e.undoBar.Hide(); e.selectID(ch.ID) })
}

// save runs a change off the UI goroutine, reloads channels and platforms,
// and calls done on the UI goroutine if it worked.
func (c *channels) save(change func(ctx context.Context, ws app.Workspace) error, done func()) {
	ws := c.s.ws
	var d channelData
	c.s.write(func(ctx context.Context) (err error) {
		if err = change(ctx, ws); err != nil {
			return err
		}
		d, err = readChannels(ctx, ws)
		return err
	}, func() {
		c.setData(d.channels, d.platforms)
		done()
	})
}

// platformEditor lists the sales platforms and edits one: fees and the
// markets it serves feed the pricing screen's defaults.
type platformEditor struct {
	c       *channels
	list    *widget.List
	editing int64

	form                                    *widget.Form
	name, referral, perOrder, payment, mkts *widget.Entry
	cats                                    *pageEntry
	newBtn, deleteBtn, undoBtn              *widget.Button
	undoBar                                 *fyne.Container
	undoLabel                               *widget.Label
	deleted                                 *app.Platform
}

func newPlatformEditor(c *channels) *platformEditor { return &platformEditor{c: c} }

func (e *platformEditor) buildUI() fyne.CanvasObject {
	t := e.c.s.l.T
	e.list = widget.NewList(func() int { return len(e.c.platforms) },
		func() fyne.CanvasObject { l := widget.NewLabel(""); l.Truncation = fyne.TextTruncateEllipsis; return l },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			p := e.c.platforms[i]
			o.(*widget.Label).SetText(t("channels.platform_row", p.Name, app.QuoteRate(p.ReferralRate), strings.Join(p.Markets, ",")))
		})
	e.list.OnSelected = func(i widget.ListItemID) { e.show(e.c.platforms[i]) }
	l := e.c.s.l
	entry := func(v fyne.StringValidator) *widget.Entry {
		en := &widget.Entry{Validator: v}
		en.OnSubmitted = func(string) { e.form.OnSubmit() }
		return en
	}
	e.name = entry(nil)
	e.referral = entry(nonNegative(l, "channels.field.referral"))
	e.perOrder = entry(nonNegative(l, "channels.field.per_order"))
	e.payment = entry(nonNegative(l, "channels.field.payment"))
	e.mkts = entry(nil)
	e.mkts.SetPlaceHolder("US,GB,DE")
	e.cats = newPageEntry()
	e.cats.Wrapping = fyne.TextWrapWord
	e.cats.PlaceHolder = "Kitchen: 15 %; Phone accessories: 8 %"
	e.form = &widget.Form{SubmitText: t("channels.save"), OnSubmit: e.onSave}
	e.form.Append(t("channels.field.platform_name"), e.name)
	e.form.Append(t("channels.field.referral"), e.referral)
	e.form.Append(t("channels.field.per_order"), e.perOrder)
	e.form.Append(t("channels.field.payment"), e.payment)
	e.form.Append(t("channels.field.markets"), e.mkts)
	e.form.Append(t("channels.field.category_rates"), e.cats)
	e.newBtn = widget.NewButtonWithIcon(t("channels.new_platform"), theme.ContentAddIcon(), e.onNew)
	e.deleteBtn = widget.NewButtonWithIcon(t("channels.delete_platform"), theme.DeleteIcon(), e.onDelete)
	e.undoLabel = widget.NewLabel("")
	e.undoBtn = widget.NewButtonWithIcon(t("pricing.quotes.undo"), theme.ContentUndoIcon(), e.onUndo)
	e.undoBar = container.NewHBox(e.undoLabel, e.undoBtn)
	e.undoBar.Hide()
	note := newTextBlock(t("channels.platforms_note"))
	e.onNew()
	right := container.NewBorder(container.NewVBox(container.NewHBox(e.newBtn, e.deleteBtn), e.undoBar), nil, nil, nil,
		newPageScroll(container.NewVBox(e.form, note)))
	split := container.NewHSplit(e.list, right)
	split.Offset = 0.38
	return split
}

func (e *platformEditor) refresh() {
	e.list.UnselectAll()
	e.list.Refresh()
}

func (e *platformEditor) onNew() {
	e.list.UnselectAll()
	e.show(app.Platform{ReferralRate: decimal.RequireFromString("0.15")})
}

func (e *platformEditor) show(p app.Platform) {
	e.editing = p.ID
	e.name.SetText(p.Name)
	e.referral.SetText(p.ReferralRate.Shift(2).String())
	e.perOrder.SetText(p.PerOrderFee.String())
	e.payment.SetText(p.PaymentRate.Shift(2).String())
	e.mkts.SetText(strings.Join(p.Markets, ","))
	e.cats.SetText(app.FormatCategoryRates(p.CategoryRates))
}

func (e *platformEditor) read() (app.Platform, error) {
	l := e.c.s.l
	p := app.Platform{ID: e.editing, Name: strings.TrimSpace(e.name.Text)}
	for _, f := range []struct {
		key   string
		en    *widget.Entry
		dst   *decimal.Decimal
		shift int32
	}{{"referral", e.referral, &p.ReferralRate, -2}, {"per_order", e.perOrder, &p.PerOrderFee, 0}, {"payment", e.payment, &p.PaymentRate, -2}} {
		v, err := parseNumber(f.en.Text)
		if err != nil {
			return p, app.Errorf(app.EInvalid, "pricing.error.not_number", l.T("channels.field."+f.key))
		}
		*f.dst = v.Shift(f.shift)
	}
	p.Markets = append(p.Markets, marketCodes(e.mkts.Text)...)
	cats, err := app.ParseCategoryRates(e.cats.Text)
	if err != nil {
		return p, err
	}
	p.CategoryRates = cats
	return p, p.Validate()
}

func (e *platformEditor) onSave() {
	p, err := e.read()
	if err != nil {
		e.c.s.ShowError(err)
		return
	}
	e.c.save(func(ctx context.Context, ws app.Workspace) error {
		id, err := ws.SavePlatform(ctx, p)
		p.ID = id
		return err
	}, func() { e.selectID(p.ID) })
}

func (e *platformEditor) selectID(id int64) {
	for i, x := range e.c.platforms {
		if x.ID == id {
			e.list.Select(i)
			return
		}
	}
}

func (e *platformEditor) onDelete() {
	t := e.c.s.l.T
	var p *app.Platform
	for i := range e.c.platforms {
		if e.c.platforms[i].ID == e.editing && e.editing != 0 {
			p = &e.c.platforms[i]
		}
	}
	if p == nil {
		e.c.s.message(t("channels.delete_platform"), t("channels.pick"))
		return
	}
	del := *p
	dialog.ShowConfirm(t("channels.delete_platform"), t("channels.confirm", del.Name), func(ok bool) {
		if !ok {
			return
		}
		e.c.save(func(ctx context.Context, ws app.Workspace) error { return ws.DeletePlatform(ctx, del.ID) }, func() {
			e.deleted = &del
			e.undoLabel.SetText(t("channels.deleted", del.Name))
			e.undoBar.Show()
			e.onNew()
		})
	}, e.c.s.win)
}

func (e *platformEditor) onUndo() {
	if e.deleted == nil {
		return
	}
	p := *e.deleted
	e.deleted, p.ID = nil, 0
	e.c.save(func(ctx context.Context, ws app.Workspace) error {
		id, err := ws.SavePlatform(ctx, p)
		p.ID = id
		return err
	}, func() { e.undoBar.Hide(); e.selectID(p.ID) })
}

// marketCodes reads a typed list of country codes ("us, gb;DE") as codes.
func marketCodes(text string) []string {
	return strings.FieldsFunc(strings.ToUpper(text), func(r rune) bool { return r == ',' || r == ' ' || r == ';' })
}
