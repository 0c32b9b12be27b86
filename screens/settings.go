package screens

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/seller-assistant/seller-assistant/app"
)

// settings holds the person's choices (language, theme) and facts about
// the open workspace.
type settings struct {
	s      *Shell
	lang   *widget.RadioGroup
	theme  *widget.RadioGroup
	labels map[string]app.Lang
	fx     *fxEditor // the exchange rates, and the base currency's choice; nil without a workspace
}

func newSettings(s *Shell) *settings { return &settings{s: s} }

func (st *settings) buildUI() fyne.CanvasObject {
	t := st.s.l.T
	st.labels = map[string]app.Lang{}
	var names []string
	current := ""
	for _, l := range app.Langs {
		name := app.NewLocalizer(l).T("lang.name")
		st.labels[name] = l
		names = append(names, name)
		if l == st.s.l.Lang() {
			current = name
		}
	}
	st.lang = widget.NewRadioGroup(names, nil)
	st.lang.Horizontal = true
	st.lang.Required = true
	st.lang.SetSelected(current)
	st.lang.OnChanged = st.onLang

	themes := []string{t("settings.theme_system"), t("settings.theme_light"), t("settings.theme_dark")}
	st.theme = widget.NewRadioGroup(themes, nil)
	st.theme.Horizontal = true
	st.theme.Required = true
	switch st.s.theme.variant {
	case "light":
		st.theme.SetSelected(themes[1])
	case "dark":
		st.theme.SetSelected(themes[2])
	default:
		st.theme.SetSelected(themes[0])
	}
	st.theme.OnChanged = func(v string) {
		switch v {
		case themes[1]:
			st.s.SetThemeVariant("light")
		case themes[2]:
			st.s.SetThemeVariant("dark")
		default:
			st.s.SetThemeVariant("")
		}
	}

	form := widget.NewForm(
		widget.NewFormItem(t("settings.language"), st.lang),
		widget.NewFormItem(t("settings.theme"), st.theme),
	)
	info := st.s.info
	ws := widget.NewForm()
	var fx *fxEditor
	if st.s.ws != nil {
		fx = newFXEditor(st.s)
		fx.base = newBaseCurrency(st.s)
		st.fx = fx
		kind := t("workspace.kind_own")
		if info.Demo {
			kind = t("workspace.demo_badge")
		}
		path := widget.NewLabel(info.Path)
		path.Wrapping = fyne.TextWrapBreak
		ws.Append(t("settings.ws_name"), widget.NewLabel(info.Name))
		ws.Append(t("settings.ws_file"), path)
		ws.Append(t("settings.ws_kind"), widget.NewLabel(kind))
		ws.Append(t("settings.ws_schema"), widget.NewLabel(fmt.Sprint(info.SchemaVersion)))
		ws.Append(t("settings.ws_currency"), fx.base.buildUI())
	}
	actions := container.NewHBox(
		widget.NewButton(t("menu.save_copy"), st.s.onSaveCopy),
		widget.NewButton(t("menu.export_report"), st.s.onExportReport),
	)
	if info.Demo {
		actions.Add(widget.NewButton(t("menu.reset_demo"), st.s.onResetDemo))
	}
	cards := []fyne.CanvasObject{heading(t("module.settings.title")),
		widget.NewCard(t("settings.preferences"), "", form),
		widget.NewCard(t("settings.workspace"), "", container.NewVBox(ws, actions))}
	if st.s.ws != nil {
		cards = append(cards, widget.NewCard(t("settings.fx.title"), "", fx.buildUI()))
	}
	about := newTextBlock(t("about.text", app.Version, st.s.env.Now().Year()))
	cards = append(cards, widget.NewCard(t("menu.about"), "", about))
	return newPageScroll(container.NewVBox(cards...))
}

func (st *settings) onLang(name string) {
	if l, ok := st.labels[name]; ok && l != st.s.l.Lang() {
		// Rebuilding the window from inside this radio's own callback would
		// free the widget mid-event; let the event finish first.
		go st.s.env.Post(func() { st.s.SetLanguage(l) })
	}
}
