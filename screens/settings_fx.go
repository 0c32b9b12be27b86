package screens

import (
	"context"
	"sort"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/shopspring/decimal"

	"github.com/seller-assistant/seller-assistant/app"
	"github.com/seller-assistant/seller-assistant/app/format"
)

// fxEditor is Settings ▸ Exchange rates: the workspace's dated rates, one
// row per currency and day, with a form to add or replace one. Pricing
// fills a market's fx_rate from the rate in force today.
type fxEditor struct {
	s     *Shell
	rates []app.FXRate
	rows  *fyne.Container

	currency, from, rate, note *widget.Entry
	save                       *widget.Button
	undo                       *widget.Button // in the message after a delete
	base                       *baseCurrency  // offered the currencies with a rate; nil outside Settings
}

func newFXEditor(s *Shell) *fxEditor { return &fxEditor{s: s} }

func (f *fxEditor) buildUI() fyne.CanvasObject {
	t := f.s.l.T
	f.rows = container.NewVBox()
	f.currency = widget.NewEntry()
	f.currency.SetPlaceHolder(t("settings.fx.currency_hint"))
	f.from = widget.NewEntry()
	// A placeholder that reads as an instruction, never as a date that
	// could be taken for a value already typed.
	f.from.SetPlaceHolder(t("settings.fx.date_hint"))
	f.rate = widget.NewEntry()
	f.rate.SetPlaceHolder(t("settings.fx.rate_hint"))
	f.note = widget.NewEntry()
	f.note.SetPlaceHolder(t("settings.fx.note_hint"))
	f.save = widget.NewButtonWithIcon(t("settings.fx.save"), theme.DocumentSaveIcon(), f.onSave)
	f.rate.OnSubmitted = func(string) { f.onSave() }
	f.note.OnSubmitted = func(string) { f.onSave() }
	form := widget.NewForm(
		widget.NewFormItem(t("settings.fx.currency"), f.currency),
		widget.NewFormItem(t("settings.fx.from"), f.from),
		widget.NewFormItem(t("settings.fx.rate"), f.rate),
		widget.NewFormItem(t("settings.fx.note"), f.note),
	)
	intro := newTextBlock(t("settings.fx.intro"))
	f.load()
	return container.NewVBox(intro, f.rows, form, container.NewHBox(f.save))
}

func (f *fxEditor) load() {
	ws := f.s.ws
	f.rows.Objects = []fyne.CanvasObject{widget.NewLabel(f.s.l.T("settings.fx.loading"))}
	f.rows.Refresh()
	background(f.s, ws.FXRates, func(rs []app.FXRate) {
		f.rates = rs
		f.showRows()
		if f.base != nil {
			f.base.setRates(rs)
		}
	})
}

// showRows lists the rates, the one in force today marked, newest first
// within a currency so the row to replace is on top.
func (f *fxEditor) showRows() {
	t := f.s.l.T
	tbl := app.NewFXTable(f.rates)
	now := f.s.env.Now()
	rows := append([]app.FXRate(nil), f.rates...)
	sort.SliceStable(rows, func(i, j int) bool {
		if rows[i].Currency != rows[j].Currency {
			return rows[i].Currency < rows[j].Currency
		}
		return rows[i].ValidFrom.After(rows[j].ValidFrom)
	})
	var objs []fyne.CanvasObject
	for _, r := range rows {
		text := t("settings.fx.row", r.Currency, format.Fixed(r.CNYPerUnit, fxDecimals(r.CNYPerUnit)), r.ValidFrom.Format(time.DateOnly))
		if cur, ok := tbl.RateOn(r.Currency, now); ok && cur.ValidFrom.Equal(r.ValidFrom) {
			text += " · " + t("settings.fx.in_force")
		}
		switch r.Note {
		case "":
		case "built-in": // the seed's rows (app.DefaultFXRates), in the person's language
			text += " · " + t("settings.fx.builtin")
		default:
			text += " · " + r.Note
		}
		del := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { f.onDelete(r) })
		del.Importance = widget.LowImportance
		objs = append(objs, container.NewBorder(nil, nil, nil, del, widget.NewLabel(text)))
	}
	if len(objs) == 0 {
		objs = append(objs, widget.NewLabel(t("settings.fx.none")))
	}
	f.rows.Objects = objs
	f.rows.Refresh()
}

// fxDecimals shows a rate with the places it was typed with, at least two.
func fxDecimals(d decimal.Decimal) int32 {
	if e := -d.Exponent(); e > 2 {
		return e
	}
	return 2
}

func (f *fxEditor) onSave() {
	if f.save.Disabled() {
		// An edit is running (Save rate is disabled until it ends): Enter
		// in the rate or note field must not start a second one behind it.
		return
	}
	t := f.s.l.T
	r := app.FXRate{Currency: strings.ToUpper(strings.TrimSpace(f.currency.Text)), Note: strings.TrimSpace(f.note.Text)}
	day, err := time.Parse(time.DateOnly, strings.TrimSpace(f.from.Text))
	if err != nil {
		f.s.ShowError(app.Errorf(app.EInvalid, "fx.err.date"))
		return
	}
	r.ValidFrom = day
	rate, err := parseNumber(f.rate.Text)
	if err != nil {
		f.s.ShowError(app.Errorf(app.EInvalid, "settings.fx.err_number", t("settings.fx.rate")))
		return
	}
	r.CNYPerUnit = rate
	if err := app.ValidateFXRate(r, f.s.env.Now()); err != nil {
		f.s.ShowError(err)
		return
	}
	ws := f.s.ws
	f.save.Disable()
	f.change(r.Currency, func(ctx context.Context) error { return ws.SaveFXRate(ctx, r) },
		func() { f.save.Enable() },
		func() {
			f.rate.SetText("")
			f.note.SetText("")
			f.load()
		})
}

// onDelete removes r and offers an undo that saves it again.
func (f *fxEditor) onDelete(r app.FXRate) {
	ws, l := f.s.ws, f.s.l
	f.change(r.Currency, func(ctx context.Context) error {
		return ws.DeleteFXRate(ctx, r.Currency, r.ValidFrom)
	}, nil, func() {
		f.load()
		f.undo = f.s.offerUndo(l.T("settings.fx.deleted", r.Currency, r.ValidFrom.Format(time.DateOnly)), l.T("settings.fx.undo"), func() {
			f.change(r.Currency, func(ctx context.Context) error { return ws.SaveFXRate(ctx, r) }, nil, f.load)
		})
	})
}

// change runs edit, a save or delete of a rate of cur, as a write
// (writeSettled: settle, then the error or done). An edit that touches the
// base or a currency of the orders rebuilds every order summary in its
// transaction, seconds at a million lines: it runs behind the shell's
// modal progress dialog, as a change of the base does, so the person sees
// it working and cannot edit again meanwhile. The store says which kind an
// edit is before it starts (FXEditRebuilds), so a quick edit shows no
// dialog. If that question fails, the edit still runs, without the
// dialog: the store rebuilds whatever the answer, and reports its own
// errors. Like every write, it lands even if the person leaves Settings.
func (f *fxEditor) change(cur string, edit func(ctx context.Context) error, settle, done func()) {
	s, ws := f.s, f.s.ws
	live := s.scopeCtx()
	go func() {
		slow, err := ws.FXEditRebuilds(context.WithoutCancel(live), cur)
		s.env.Post(func() {
			if err != nil || !slow {
				s.writeIn(live, edit, settle, done)
				return
			}
			s.run(s.l.T("settings.fx.rebuilding", cur), edit, func(err error) {
				s.settleWrite(live, err, settle, done)
			})
		})
	}()
}
