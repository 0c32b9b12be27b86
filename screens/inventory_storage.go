package screens

import (
	"context"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/shopspring/decimal"

	"github.com/seller-assistant/seller-assistant/app"
)

// invStorage is the Storage cost tab, each stocked SKU's storage cost per
// unit and stock age (tap one for its formula and to correct its location,
// size tier or volume), and the Storage fees tab, the dated fee table with
// its form and the aged threshold.
type invStorage struct {
	v *inventory

	table    *widget.Table
	how      *formulaBlock
	selected string // SKU

	skuTitle *widget.Label
	location *widget.Entry
	tier     *widget.Select // auto, standard, oversize
	volume   *widget.Entry
	saveSKU  *widget.Button

	fees    *widget.List
	feeID   int64 // the row being edited; 0 a new row
	typ     *widget.Select
	kind    *widget.Select
	feeLoc  *widget.Entry
	feeTier *widget.Select
	season  *widget.Select
	minAge  *widget.Entry
	unit    *widget.Select
	curr    *widget.Entry
	price   *widget.Entry
	from    *widget.Entry
	delete  *widget.Button
	undo    *widget.Button
	// undone is the row as it was before the last save or delete: undo
	// writes it back (a deleted row comes back under a new ID).
	undone *app.StorageFee

	agedDays *widget.Entry
}

// storageCols are the SKU table's columns; titles are storage.col.<name>.
var storageCols = []string{"sku", "location", "tier", "volume", "monthly", "months", "per_unit", "aged", "surcharge"}

var storageColWidths = []float32{115, 75, 90, 100, 120, 75, 110, 95, 110}

func newInvStorage(v *inventory) *invStorage { return &invStorage{v: v} }

func (st *invStorage) buildUI() fyne.CanvasObject {
	t := st.v.s.l.T
	st.table = &widget.Table{
		Length:       func() (int, int) { return len(st.v.plan.storage.Lines), len(storageCols) },
		CreateCell:   newCellLabel,
		UpdateCell:   st.updateCell,
		CreateHeader: func() fyne.CanvasObject { return widget.NewLabel("") },
		UpdateHeader: func(id widget.TableCellID, o fyne.CanvasObject) {
			o.(*widget.Label).SetText(t("storage.col." + storageCols[id.Col]))
		},
		OnSelected:    st.onSelected,
		ShowHeaderRow: true,
	}
	st.table.ExtendBaseWidget(st.table)
	for i, w := range storageColWidths {
		st.table.SetColumnWidth(i, w)
	}
	st.how = newFormulaBlock(t("storage.pick_sku"))

	st.skuTitle = widget.NewLabel("")
	st.location = widget.NewEntry()
	st.location.SetPlaceHolder(t("storage.location_auto"))
	st.tier = newSelect([]string{t("storage.tier_auto"), t("storage.tier.standard"), t("storage.tier.oversize")}, nil)
	st.tier.SetSelectedIndex(0)
	st.volume = widget.NewEntry()
	st.volume.SetPlaceHolder(t("storage.volume_auto"))
	// Enter in either text field saves, as the Save button does.
	st.location.OnSubmitted = func(string) { st.onSaveSKU() }
	st.volume.OnSubmitted = func(string) { st.onSaveSKU() }
	st.saveSKU = widget.NewButtonWithIcon(t("storage.sku_save"), theme.DocumentSaveIcon(), st.onSaveSKU)
	st.saveSKU.Disable()
	skuForm := widget.NewForm(
		widget.NewFormItem(t("storage.field.location"), st.location),
		widget.NewFormItem(t("storage.field.size_tier"), st.tier),
		widget.NewFormItem(t("storage.field.volume_cm3"), st.volume),
	)
	skuForm.Items[2].HintText = t("storage.volume_hint")
	// The table spans the width (its columns are the point of the tab);
	// below it the selected SKU's formula beside its entries.
	entries := newPageScroll(container.NewVBox(st.skuTitle, skuForm, st.saveSKU))
	bottom := container.NewHSplit(newPageScroll(st.how), entries)
	bottom.Offset = 0.55
	split := container.NewVSplit(st.table, bottom)
	split.Offset = 0.45
	return split
}

// buildFeesUI is the Storage fees tab: the dated fee table beside its form
// and the aged threshold.
func (st *invStorage) buildFeesUI() fyne.CanvasObject {
	t := st.v.s.l.T
	st.fees = widget.NewList(func() int { return len(st.v.plan.storage.Fees) }, newCellLabel,
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i < len(st.v.plan.storage.Fees) {
				o.(*widget.Label).SetText(feeText(st.v.s.l, st.v.plan.storage.Fees[i]))
			}
		})
	st.fees.OnSelected = st.onFeeSelected
	left := container.NewBorder(container.NewVBox(heading(t("storage.fees_title")), st.feeIntro()), nil, nil, nil, st.fees)
	split := container.NewHSplit(left, newPageScroll(st.buildFeeForm()))
	split.Offset = 0.5
	return split
}

func (st *invStorage) feeIntro() fyne.CanvasObject {
	l := newTextBlock(st.v.s.l.T("storage.fees_how"))
	return l
}

// buildFeeForm is the fee row form: Tab moves field to field, Enter in a
// text field saves.
func (st *invStorage) buildFeeForm() fyne.CanvasObject {
	l := st.v.s.l
	t := l.T
	labels := func(prefix string, vals []string) []string {
		out := make([]string, len(vals))
		for i, v := range vals {
			out[i] = t(prefix + v)
		}
		return out
	}
	st.typ = newSelect(labels("storage.type.", app.FeeTypes), func(string) { st.showFeeFields() })
	st.kind = newSelect(labels("storage.kind.", app.LocationKinds), nil)
	st.feeTier = newSelect(labels("storage.tier.", app.SizeTiers), nil)
	st.season = newSelect(labels("storage.season.", app.Seasons), nil)
	st.unit = newSelect(labels("storage.unit.", app.VolumeUnits), nil)
	entry := func(placeholder string) *widget.Entry {
		e := widget.NewEntry()
		e.SetPlaceHolder(placeholder)
		e.OnSubmitted = func(string) { st.onSaveFee() }
		return e
	}
	st.feeLoc, st.minAge, st.curr = entry("US, JP, US-3PL"), entry("181"), entry("USD")
	st.price, st.from = entry("0.78"), entry("YYYY-MM-DD")
	form := widget.NewForm(
		widget.NewFormItem(t("storage.field.type"), st.typ),
		widget.NewFormItem(t("storage.field.kind"), st.kind),
		widget.NewFormItem(t("storage.field.location"), st.feeLoc),
		widget.NewFormItem(t("storage.field.size_tier"), st.feeTier),
		widget.NewFormItem(t("storage.field.season"), st.season),
		widget.NewFormItem(t("storage.field.min_age"), st.minAge),
		widget.NewFormItem(t("storage.field.unit"), st.unit),
		widget.NewFormItem(t("storage.field.currency"), st.curr),
		widget.NewFormItem(t("storage.field.price"), st.price),
		widget.NewFormItem(t("storage.field.valid_from"), st.from),
	)
	save := widget.NewButtonWithIcon(t("storage.fee_save"), theme.DocumentSaveIcon(), st.onSaveFee)
	add := widget.NewButtonWithIcon(t("storage.fee_new"), theme.ContentAddIcon(), st.clearFeeForm)
	st.delete = widget.NewButtonWithIcon(t("storage.fee_delete"), theme.DeleteIcon(), st.onDeleteFee)
	st.undo = widget.NewButtonWithIcon(t("storage.fee_undo"), theme.ContentUndoIcon(), st.onUndo)
	st.delete.Disable()
	st.undo.Disable()
	st.agedDays = widget.NewEntry()
	st.agedDays.OnSubmitted = func(string) { st.onSaveAgedDays() }
	agedSave := widget.NewButton(t("storage.aged_save"), st.onSaveAgedDays)
	aged := container.NewBorder(nil, nil, widget.NewLabel(t("storage.aged_days")), agedSave, st.agedDays)
	st.clearFeeForm()
	return container.NewVBox(form, container.NewHBox(save, add, st.delete, st.undo), widget.NewSeparator(), aged)
}

// showFeeFields shows the tier and season of a monthly row, the band of an
// aged one.
func (st *invStorage) showFeeFields() {
	aged := st.typ.SelectedIndex() == 1
	for _, w := range []fyne.Disableable{st.feeTier, st.season} {
		if aged {
			w.Disable()
		} else {
			w.Enable()
		}
	}
	if aged {
		st.minAge.Enable()
	} else {
		st.minAge.Disable()
	}
}

func (st *invStorage) clearFeeForm() {
	st.feeID = 0
	st.typ.SetSelectedIndex(0)
	st.kind.SetSelectedIndex(0)
	st.feeTier.SetSelectedIndex(0)
	st.season.SetSelectedIndex(0)
	st.unit.SetSelectedIndex(0)
	for _, e := range []*widget.Entry{st.feeLoc, st.minAge, st.curr, st.price} {
		e.SetText("")
	}
	st.from.SetText(st.v.s.env.Now().Format(time.DateOnly))
	if st.fees != nil {
		st.fees.UnselectAll()
	}
	if st.delete != nil {
		st.delete.Disable()
	}
	st.showFeeFields()
}

// fill shows a newly loaded storage view.
func (st *invStorage) fill() {
	st.table.Refresh()
	st.fees.Refresh()
	st.agedDays.SetText(strconv.Itoa(st.v.plan.storage.Opts.AgedDays))
	for i, ln := range st.v.plan.storage.Lines {
		if ln.SKU == st.selected {
			st.table.Select(widget.TableCellID{Row: i, Col: 0})
			return
		}
	}
}

func (st *invStorage) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	label := o.(*widget.Label)
	lines := st.v.plan.storage.Lines
	if id.Row >= len(lines) {
		label.SetText("")
		return
	}
	label.SetText(storageCell(st.v.s.l, lines[id.Row], storageCols[id.Col]))
}

// storageCell is one cell as shown; "—" where a figure is unknown.
func storageCell(l *app.Localizer, ln app.StorageLine, key string) string {
	dash := "—"
	switch key {
	case "location":
		if ln.Location == "" {
			return dash
		}
		return ln.Location
	case "tier":
		if ln.SizeTier == "" {
			return dash
		}
		return l.T("storage.tier." + ln.SizeTier)
	case "volume":
		if ln.VolumeSource == app.VolumeNone {
			return dash
		}
		return ln.VolumeCm3.Round(0).String() + " cm³"
	case "monthly":
		if !ln.HasFee || ln.VolumeSource == app.VolumeNone {
			return dash
		}
		return ln.MonthlyPerUnit.StringFixed(3) + " " + ln.Fee.Currency
	case "months":
		if !ln.HasDemand {
			return dash
		}
		return ln.MonthsInStock.StringFixed(1)
	case "per_unit":
		if !ln.HasCost {
			return dash
		}
		return ln.StoragePerUnit.StringFixed(2) + " " + ln.Fee.Currency
	case "aged":
		if ln.Aged() {
			return "⚠ " + strconv.FormatInt(ln.AgedUnits, 10)
		}
		if ln.UnknownAge == ln.OnHand {
			return l.T("storage.age_unknown")
		}
		return "0"
	case "surcharge":
		if ln.AgedSurcharge.IsZero() {
			return dash
		}
		return strings.TrimSpace(ln.AgedSurcharge.StringFixed(2) + " " + ln.Fee.Currency)
	}
	return ln.SKU
}

func (st *invStorage) onSelected(id widget.TableCellID) {
	lines := st.v.plan.storage.Lines
	if id.Row < 0 || id.Row >= len(lines) {
		return
	}
	ln := lines[id.Row]
	st.selected = ln.SKU
	st.how.SetText(explainStorage(st.v.s.l, ln, st.v.plan.storage.Opts))
	st.skuTitle.SetText(st.v.s.l.T("storage.sku_title", ln.SKU))
	prof := st.v.plan.storage.Profiles[ln.SKU]
	st.location.SetText(prof.Location)
	st.tier.SetSelectedIndex(map[string]int{"": 0, app.TierStandard: 1, app.TierOversize: 2}[prof.SizeTier])
	st.volume.SetText(decText(prof.EnteredCm3))
	st.saveSKU.Enable()
}

func decText(d decimal.Decimal) string {
	if d.IsZero() {
		return ""
	}
	return d.String()
}

// explainStorage spells out the SKU's storage figures with their inputs,
// the formulas of app.StorageCost.
func explainStorage(l *app.Localizer, ln app.StorageLine, o app.StorageOptions) string {
	var lines []string
	switch {
	case ln.VolumeSource == app.VolumeNone:
		lines = append(lines, l.T("storage.how.no_volume"))
	default:
		lines = append(lines, l.T("storage.how.volume", ln.VolumeCm3.Round(1).String(), l.T("storage.source."+ln.VolumeSource),
			l.T("storage.tier."+ln.SizeTier)))
	}
	if !ln.HasFee {
		lines = append(lines, l.T("storage.how.no_fee", orDash(ln.Location), l.T("storage.season."+ln.Season)))
	} else if ln.VolumeSource != app.VolumeNone {
		f := ln.Fee
		places := int32(4) // ft³: 0.0684
		if f.VolumeUnit == app.UnitCubicMetre {
			places = 6 // m³: 0.00075
		}
		lines = append(lines, l.T("storage.how.monthly", app.VolumeIn(ln.VolumeCm3, f.VolumeUnit).Round(places).String(),
			l.T("storage.unit."+f.VolumeUnit), feePrice(f.Price), f.Currency, ln.Location, l.T("storage.season."+ln.Season),
			f.ValidFrom.Format(time.DateOnly), ln.MonthlyPerUnit.StringFixed(3)))
	}
	if ln.HasDemand {
		lines = append(lines, l.T("storage.how.months", ln.OnHand, ln.MonthlyDemand.StringFixed(2), o.WindowDays, ln.MonthsInStock.StringFixed(2)))
	} else {
		lines = append(lines, l.T("storage.how.no_sales", o.WindowDays))
	}
	if ln.HasCost {
		lines = append(lines, l.T("storage.how.per_unit", ln.MonthlyPerUnit.StringFixed(3), ln.MonthsInStock.StringFixed(2),
			ln.StoragePerUnit.StringFixed(2), ln.Fee.Currency))
	}
	var lots []string
	for _, lot := range ln.Lots {
		lots = append(lots, l.T("storage.how.lot", lot.Units, lot.AgeDays))
	}
	if ln.UnknownAge > 0 {
		lots = append(lots, l.T("storage.how.lot_unknown", ln.UnknownAge))
	}
	if len(lots) > 0 {
		lines = append(lines, l.T("storage.how.age", strings.Join(lots, l.T("storage.how.lot_sep"))))
	}
	if ln.Aged() {
		lines = append(lines, l.T("storage.how.aged", ln.AgedUnits, o.AgedDays, ln.AgedSurcharge.StringFixed(2), orDash(ln.Fee.Currency)))
	}
	return strings.Join(lines, "\n")
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

// feeText is one fee row in the list.
func feeText(l *app.Localizer, f app.StorageFee) string {
	what := l.T("storage.tier."+f.SizeTier) + " · " + l.T("storage.season."+f.Season)
	if f.Type == app.FeeAged {
		what = l.T("storage.aged_band", f.MinAgeDays)
	}
	return l.T("storage.fee_line", f.Location, what, feePrice(f.Price), f.Currency, l.T("storage.unit."+f.VolumeUnit),
		f.ValidFrom.Format(time.DateOnly))
}

// feePrice shows a fee as money: cents when it has a fraction (2.40, not
// 2.4), whole yen as they are (5160), more decimals only when given.
func feePrice(d decimal.Decimal) string {
	if d.Equal(d.Truncate(0)) {
		return d.Truncate(0).String()
	}
	if d.Equal(d.Round(2)) {
		return d.StringFixed(2)
	}
	return d.String()
}

func (st *invStorage) onFeeSelected(i widget.ListItemID) {
	fees := st.v.plan.storage.Fees
	if i < 0 || i >= len(fees) {
		return
	}
	f := fees[i]
	st.feeID = f.ID
	idx := func(vals []string, v string) int {
		for i, x := range vals {
			if x == v {
				return i
			}
		}
		return 0
	}
	st.typ.SetSelectedIndex(idx(app.FeeTypes, f.Type))
	st.kind.SetSelectedIndex(idx(app.LocationKinds, f.Kind))
	st.feeTier.SetSelectedIndex(idx(app.SizeTiers, f.SizeTier))
	st.season.SetSelectedIndex(idx(app.Seasons, f.Season))
	st.unit.SetSelectedIndex(idx(app.VolumeUnits, f.VolumeUnit))
	st.feeLoc.SetText(f.Location)
	st.minAge.SetText(strconv.Itoa(f.MinAgeDays))
	st.curr.SetText(f.Currency)
	st.price.SetText(f.Price.String())
	st.from.SetText(f.ValidFrom.Format(time.DateOnly))
	st.delete.Enable()
	st.showFeeFields()
}

// parseFee reads the form; a field that is not a number or a date is named,
// the rest is app.StorageFee.Validate's.
func (st *invStorage) parseFee() (app.StorageFee, error) {
	l := st.v.s.l
	f := app.StorageFee{ID: st.feeID, Type: app.FeeTypes[max(0, st.typ.SelectedIndex())],
		Kind: app.LocationKinds[max(0, st.kind.SelectedIndex())], Location: strings.TrimSpace(st.feeLoc.Text),
		VolumeUnit: app.VolumeUnits[max(0, st.unit.SelectedIndex())], Currency: strings.ToUpper(strings.TrimSpace(st.curr.Text))}
	if f.Type == app.FeeMonthly {
		f.SizeTier, f.Season = app.SizeTiers[max(0, st.feeTier.SelectedIndex())], app.Seasons[max(0, st.season.SelectedIndex())]
	} else {
		n, err := strconv.Atoi(strings.TrimSpace(st.minAge.Text))
		if err != nil {
			return f, app.Errorf(app.EInvalid, "inventory.err.bad_whole", l.T("storage.field.min_age"), st.minAge.Text)
		}
		f.MinAgeDays = n
	}
	if f.Location == "" {
		// Named before the numbers: an empty form says what to fill first.
		return f, app.Errorf(app.EInvalid, "storage.err.location")
	}
	p, err := parseNumber(st.price.Text)
	if err != nil {
		return f, app.Errorf(app.EInvalid, "storage.err.price_number", st.price.Text)
	}
	f.Price = p
	d, err := time.Parse(time.DateOnly, strings.TrimSpace(st.from.Text))
	if err != nil {
		return f, app.Errorf(app.EInvalid, "storage.err.valid_from")
	}
	f.ValidFrom = d
	return f, f.Validate()
}

func (st *invStorage) onSaveFee() {
	f, err := st.parseFee()
	if err != nil {
		st.v.s.ShowError(err)
		return
	}
	before := st.feeByID(f.ID)
	ws := st.v.s.ws
	st.v.s.write(func(ctx context.Context) error {
		_, err := ws.SaveStorageFee(ctx, f)
		return err
	}, func() {
		st.remember(before)
		st.clearFeeForm()
		st.v.load()
	})
}

func (st *invStorage) onDeleteFee() {
	f := st.feeByID(st.feeID)
	if f == nil {
		return
	}
	ws := st.v.s.ws
	st.v.s.write(func(ctx context.Context) error { return ws.DeleteStorageFee(ctx, f.ID) }, func() {
		deleted := *f
		deleted.ID = 0 // undo adds it back
		st.remember(&deleted)
		st.clearFeeForm()
		st.v.load()
	})
}

// remember keeps the row as it was for undo; nil (a new row) has nothing to
// undo to.
func (st *invStorage) remember(f *app.StorageFee) {
	st.undone = f
	if f == nil {
		st.undo.Disable()
	} else {
		st.undo.Enable()
	}
}

func (st *invStorage) onUndo() {
	if st.undone == nil {
		return
	}
	f := *st.undone
	ws := st.v.s.ws
	st.v.s.write(func(ctx context.Context) error {
		_, err := ws.SaveStorageFee(ctx, f)
		return err
	}, func() {
		st.remember(nil)
		st.v.load()
	})
}

func (st *invStorage) feeByID(id int64) *app.StorageFee {
	if id == 0 {
		return nil
	}
	for _, f := range st.v.plan.storage.Fees {
		if f.ID == id {
			return &f
		}
	}
	return nil
}

func (st *invStorage) onSaveSKU() {
	if st.selected == "" {
		return
	}
	p := st.v.plan.storage.Profiles[st.selected]
	p.SKU = st.selected
	p.Location = strings.TrimSpace(st.location.Text)
	p.SizeTier = []string{"", app.TierStandard, app.TierOversize}[max(0, st.tier.SelectedIndex())]
	p.EnteredCm3 = decimal.Zero
	if s := strings.TrimSpace(st.volume.Text); s != "" {
		v, err := parseNumber(s)
		if err != nil || v.IsNegative() || v.GreaterThan(app.MaxUnitVolumeCm3) {
			st.v.s.ShowError(app.Errorf(app.EInvalid, "storage.err.volume", s))
			return
		}
		p.EnteredCm3 = v
	}
	ws := st.v.s.ws
	st.v.s.write(func(ctx context.Context) error { return ws.SaveStorageProfile(ctx, p) }, st.v.load)
}

func (st *invStorage) onSaveAgedDays() {
	n, err := strconv.Atoi(strings.TrimSpace(st.agedDays.Text))
	if err != nil {
		st.v.s.ShowError(app.Errorf(app.EInvalid, "storage.err.aged_days", st.agedDays.Text))
		return
	}
	ws := st.v.s.ws
	st.v.s.write(func(ctx context.Context) error { return ws.SetAgedDays(ctx, n) }, st.v.load)
}
