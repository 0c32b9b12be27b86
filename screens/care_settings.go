package screens

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/seller-assistant/seller-assistant/app"
)

// careSettings is the shop's business hours, holidays and per-platform
// response targets. Everything is checked before anything is saved.
type careSettings struct {
	c *care

	zone     *widget.SelectEntry
	start    *widget.Entry
	end      *widget.Entry
	days     [7]*widget.Check // ISO order: Monday first
	holidays *pageEntry
	targets  *widget.Form
	entries  map[string]*widget.Entry // by platform; "" is the default
	save     *widget.Button
}

func newCareSettings(c *care) *careSettings {
	return &careSettings{c: c, entries: map[string]*widget.Entry{}}
}

func (v *careSettings) buildUI() fyne.CanvasObject {
	t := v.c.s.l.T
	v.zone = widget.NewSelectEntry(nil)
	v.start, v.end = widget.NewEntry(), widget.NewEntry()
	v.start.PlaceHolder, v.end.PlaceHolder = "09:00", "18:00"
	v.start.Validator = localizedValidator(v.c.s.l, func(s string) error { _, err := parseClock(s); return err })
	v.end.Validator = v.start.Validator
	dayBox := container.NewHBox()
	for i := range v.days {
		v.days[i] = widget.NewCheck(t(fmt.Sprintf("care.weekday.%d", i+1)), nil)
		dayBox.Add(v.days[i])
	}
	v.holidays = newPageEntry()
	v.holidays.SetMinRowsVisible(5)
	v.holidays.PlaceHolder = "2027-02-06 春节"
	hint := newTextBlock(t("care.hours_hint"))
	hint.SizeName = theme.SizeNameCaptionText
	hours := widget.NewForm(
		widget.NewFormItem(t("care.shop_zone"), v.zone),
		widget.NewFormItem(t("care.hours_start"), v.start),
		widget.NewFormItem(t("care.hours_end"), v.end),
		widget.NewFormItem(t("care.workdays"), dayBox),
		widget.NewFormItem(t("care.holidays"), v.holidays),
	)
	v.targets = widget.NewForm()
	thint := newTextBlock(t("care.targets_hint"))
	thint.SizeName = theme.SizeNameCaptionText
	v.save = widget.NewButtonWithIcon(t("care.save_settings"), theme.DocumentSaveIcon(), v.onSave)
	v.save.Importance = widget.HighImportance
	return container.NewBorder(nil, container.NewHBox(v.save), nil, nil, newPageScroll(container.NewVBox(
		widget.NewCard(t("care.hours_title"), "", container.NewVBox(hours, hint)),
		widget.NewCard(t("care.targets_title"), "", container.NewVBox(v.targets, thint)),
	)))
}

// fill shows the loaded settings.
func (v *careSettings) fill() {
	if v.zone == nil {
		return
	}
	bh, c := v.c.bh, v.c
	v.zone.SetOptions(c.zoneChoices())
	v.zone.SetText(c.shopZone())
	v.start.SetText(clockText(bh.StartMin))
	v.end.SetText(clockText(bh.EndMin))
	for i := range v.days {
		v.days[i].SetChecked(bh.Days[(i+1)%7])
	}
	var days []string
	for d := range bh.Holidays {
		days = append(days, d)
	}
	sort.Strings(days)
	var lines []string
	for _, d := range days {
		lines = append(lines, strings.TrimSpace(d+" "+bh.Names[d]))
	}
	v.holidays.SetText(strings.Join(lines, "\n"))

	platforms := append([]string{""}, c.platforms...)
	for p := range c.targets {
		if p != "" && !slices.Contains(platforms, p) {
			platforms = append(platforms, p)
		}
	}
	v.targets.Items = nil
	v.entries = map[string]*widget.Entry{}
	for _, p := range platforms {
		e := widget.NewEntry()
		e.SetText(strconv.Itoa(c.targets.For(p)))
		e.OnSubmitted = func(string) { v.onSave() }
		v.entries[p] = e
		label := p
		if p == "" {
			label = c.s.l.T("care.target_default")
		}
		v.targets.Append(label, e)
	}
	v.targets.Refresh()
}

func clockText(min int) string { return fmt.Sprintf("%02d:%02d", min/60, min%60) }

// parseClock reads "HH:MM" (24:00 allowed as the end of the day) as
// minutes after midnight.
func parseClock(s string) (int, error) {
	s = strings.TrimSpace(s)
	if s == "24:00" {
		return 24 * 60, nil
	}
	t, err := time.Parse("15:04", s)
	if err != nil {
		return 0, app.Errorf(app.EInvalid, "care.err_clock", s)
	}
	return t.Hour()*60 + t.Minute(), nil
}

// read checks every field and returns the hours and targets to save.
func (v *careSettings) read() (app.BusinessHours, map[string]int, error) {
	start, err := parseClock(v.start.Text)
	if err != nil {
		return app.BusinessHours{}, nil, err
	}
	end, err := parseClock(v.end.Text)
	if err != nil {
		return app.BusinessHours{}, nil, err
	}
	var days []string
	for i, ch := range v.days {
		if ch.Checked {
			days = append(days, strconv.Itoa(i+1))
		}
	}
	if len(days) == 0 {
		return app.BusinessHours{}, nil, app.Errorf(app.EInvalid, "care.err_no_days")
	}
	bh, err := app.NewBusinessHours(strings.TrimSpace(v.zone.Text), start, end, strings.Join(days, ","))
	if err != nil {
		return app.BusinessHours{}, nil, err
	}
	for n, line := range strings.Split(v.holidays.Text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		d, name, _ := strings.Cut(line, " ")
		if _, err := time.Parse("2006-01-02", d); err != nil {
			return app.BusinessHours{}, nil, app.Errorf(app.EInvalid, "care.err_holiday_line", n+1, line)
		}
		bh.Holidays[d], bh.Names[d] = true, strings.TrimSpace(name)
	}
	targets := map[string]int{}
	for p, e := range v.entries {
		h, err := strconv.Atoi(strings.TrimSpace(e.Text))
		label := p
		if p == "" {
			label = v.c.s.l.T("care.target_default")
		}
		if err != nil || h < 1 || h > 720 {
			return app.BusinessHours{}, nil, app.Errorf(app.EInvalid, "care.err_target", label)
		}
		targets[p] = h
	}
	return bh, targets, nil
}

func (v *careSettings) onSave() {
	bh, targets, err := v.read()
	if err != nil {
		v.c.s.ShowError(err)
		return
	}
	ws := v.c.s.ws
	v.save.Disable()
	v.c.s.writeSettled(func(ctx context.Context) error {
		if err := ws.SaveBusinessHours(ctx, bh); err != nil {
			return err
		}
		for p, h := range targets {
			if err := ws.SaveTarget(ctx, p, h); err != nil {
				return err
			}
		}
		return nil
	}, v.save.Enable, func() {
		v.c.s.message(v.c.s.l.T("module.care.title"), v.c.s.l.T("care.settings_saved"))
		v.c.load(0, "")
	})
}
