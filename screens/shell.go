// Package screens is the Fyne user interface: the shell (navigation, menus,
// theme, language) and one file per module. It uses app's types and
// interfaces only; storage arrives through app.Opener and app.Workspace.
package screens

import (
	"context"
	"log"
	"net/url"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/seller-assistant/seller-assistant/app"
	"github.com/seller-assistant/seller-assistant/assets"
)

// Env is what main hands the shell.
type Env struct {
	Opener   app.Opener
	DemoPath string           // where the demo workspace lives
	Now      func() time.Time // the clock; tests fix it
	// Post runs f on the UI goroutine; background work hands its results
	// back through it. Nil means fyne.Do. Tests queue the calls and run them
	// on the test goroutine, which plays the UI goroutine there.
	Post func(f func())
	// OpenURL opens a file or folder in the system's program for it (the
	// report in the browser). Nil means the app's OpenURL; tests record.
	OpenURL func(*url.URL) error
}

// Shell is the main window's content: navigation on the left, the current
// module on the right, a bar naming the workspace on top.
type Shell struct {
	app  fyne.App
	win  fyne.Window
	env  Env
	l    *app.Localizer
	ws   app.Workspace
	info app.WorkspaceInfo

	current string // module id on screen
	nav     *widget.List
	body    *fyne.Container
	wsName  *widget.Label
	demoTag *widget.Button
	theme   *appTheme

	dash *dashboard // the dashboard keeps its state between visits

	careFocus string // a customer id the care screen opens on, once

	scope scope // what is on screen; its background work ends with it
}

// NewShell makes the shell for win with ws open (it may be nil: the shell
// then offers to open or create one).
func NewShell(a fyne.App, win fyne.Window, env Env, ws app.Workspace) *Shell {
	if env.Now == nil {
		env.Now = time.Now
	}
	if env.Post == nil {
		env.Post = fyne.Do
	}
	protectSaveDialogs()
	s := &Shell{app: a, win: win, env: env, current: "dashboard"}
	s.l = app.NewLocalizer(startLang(a.Preferences()))
	syncFyneLanguage(s.l.Lang())
	s.theme = &appTheme{variant: a.Preferences().String(prefTheme)}
	a.Settings().SetTheme(s.theme)
	s.setWorkspace(ws)
	return s
}

// CheckFonts runs the CJK font check off the UI goroutine and switches the
// theme to the bundled font if the machine has no CJK font. The first frame
// never waits for the font index.
func (s *Shell) CheckFonts() {
	// Not a background helper: this runs before any screen or workspace
	// exists, has no error to show, and posts only when the theme changes.
	go func() {

		if !needBundledCJK() {
			return
		}
		font := assets.CJKFont()
		if font == nil {
			log.Print("no CJK font on this machine and none bundled: Chinese may show as boxes (run make assets)")
			return
		}
		s.env.Post(func() {
			s.theme.cjk = fyne.NewStaticResource("cjk.ttf", font)
			s.app.Settings().SetTheme(s.theme)
		})
	}()
}

// Content builds the window's content, menus and shortcuts for the current
// language; a language switch calls it again.
func (s *Shell) Content() fyne.CanvasObject {
	s.win.SetTitle(s.title())
	s.win.SetMainMenu(s.mainMenu())
	s.addShortcuts()

	s.nav = widget.NewList(
		func() int { return len(app.Modules) },
		func() fyne.CanvasObject { return newNavItem() },
		s.updateNavItem,
	)
	s.nav.OnSelected = s.onNavSelected

	s.wsName = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	s.demoTag = widget.NewButtonWithIcon(s.l.T("workspace.demo_reset"), theme.ViewRefreshIcon(), s.onResetDemo)
	s.demoTag.Importance = widget.WarningImportance
	s.refreshHeader()
	header := container.NewBorder(nil, nil, nil, s.demoTag, s.wsName)

	s.body = container.NewStack()
	s.show(s.current)
	s.nav.Select(moduleIndex(s.current))

	// A fixed-width sidebar rather than a split: a split shares the width
	// by the two sides' minimum sizes, so the sidebar changed width from
	// module to module and shrank to a strip beside a wide one.
	sidebar := container.New(fixedWidth{width: navWidth()}, s.nav)
	main := container.NewBorder(container.NewVBox(header, widget.NewSeparator()), nil, nil, nil, s.body)
	return container.NewBorder(nil, nil, container.NewHBox(sidebar, widget.NewSeparator()), nil, main)
}

// navWidth is the sidebar's width: the widest module title, in any of the
// app's languages, with its icon. The same in every language, so switching
// does not move the module on screen either.
func navWidth() float32 {
	item := newNavItem()
	var w float32
	for _, lang := range app.Langs {
		l := app.NewLocalizer(lang)
		for _, m := range app.Modules {
			item.set(moduleIcon(m.ID), l.T("module."+m.ID+".title"))
			w = max(w, item.MinSize().Width)
		}
	}
	// The list draws its scroll bar over the right edge of the items.
	return w + theme.ScrollBarSize()
}

// fixedWidth lays out one object at a given width and any height: its
// minimum width is that width whatever the object asks for.
type fixedWidth struct{ width float32 }

func (f fixedWidth) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var h float32
	for _, o := range objects {
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(f.width, h)
}

func (f fixedWidth) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objects {
		o.Resize(size)
		o.Move(fyne.NewPos(0, 0))
	}
}

func (s *Shell) updateNavItem(i widget.ListItemID, o fyne.CanvasObject) {
	m := app.Modules[i]
	o.(*navItem).set(moduleIcon(m.ID), s.l.T("module."+m.ID+".title"))
}

func (s *Shell) onNavSelected(i widget.ListItemID) {
	if id := app.Modules[i].ID; id != s.current {
		s.show(id)
	}
}

// Navigate shows module id and selects it in the navigation.
func (s *Shell) Navigate(id string) {
	if _, ok := app.ModuleByID(id); !ok {
		return
	}
	s.show(id)
	if s.nav != nil {
		s.nav.Select(moduleIndex(id))
	}
}

// OpenCustomerCard shows customer id's card in Customer care: from the
// customers table to the place where the shop looks after them.
func (s *Shell) OpenCustomerCard(id string) {
	s.careFocus = id
	s.Navigate("care")
}

// takeCareFocus is the customer the care screen should open on, then none.
func (s *Shell) takeCareFocus() string {
	id := s.careFocus
	s.careFocus = ""
	return id
}

// Current is the module on screen.
func (s *Shell) Current() string { return s.current }

// Localizer is the shell's current language.
func (s *Shell) Localizer() *app.Localizer { return s.l }

func (s *Shell) show(id string) {
	s.current = id
	s.newScope()
	var view fyne.CanvasObject
	switch id {
	case "dashboard":
		if s.dash == nil {
			s.dash = newDashboard(s)
		}
		view = s.dash.buildUI()
		s.dash.load()
	default:
		if f, ok := moduleScreens[id]; ok {
			view = f(s).buildUI()
		} else {
			view = newComing(s, id).buildUI()
		}
	}
	s.body.Objects = []fyne.CanvasObject{view}
	s.body.Refresh()
}

func moduleIndex(id string) int {
	for i, m := range app.Modules {
		if m.ID == id {
			return i
		}
	}
	return 0
}

func moduleIcon(id string) fyne.Resource {
	switch id {
	case "dashboard":
		return theme.HomeIcon()
	case "research":
		return theme.SearchIcon()
	case "products":
		return theme.ListIcon()
	case "pricing":
		return theme.ContentPasteIcon()
	case "channels":
		return theme.MailSendIcon()
	case "promotions":
		return theme.MediaFastForwardIcon()
	case "customers":
		return theme.AccountIcon()
	case "care":
		return theme.MailComposeIcon()
	case "risks":
		return theme.WarningIcon()
	case "ads":
		return theme.VisibilityIcon()
	case "inventory":
		return theme.StorageIcon()
	case "learn":
		return theme.HelpIcon()
	case "settings":
		return theme.SettingsIcon()
	}
	return theme.FileIcon()
}

func (s *Shell) title() string {
	t := s.l.T("app.name")
	if s.ws != nil {
		t += " — " + s.info.Name
		if s.info.Demo {
			t += " (" + s.l.T("workspace.demo_badge") + ")"
		}
	}
	return t
}

func (s *Shell) refreshHeader() {
	if s.wsName == nil {
		return
	}
	if s.ws == nil {
		s.wsName.SetText(s.l.T("workspace.none"))
		s.demoTag.Hide()
		return
	}
	s.wsName.SetText(s.info.Name + "  ·  " + filepath.Base(s.info.Path))
	if s.info.Demo {
		s.demoTag.SetText(s.l.T("workspace.demo_badge") + " — " + s.l.T("workspace.demo_reset"))
		s.demoTag.Show()
	} else {
		s.demoTag.Hide()
	}
}

// setWorkspace makes ws the open workspace, closing the previous one, and
// remembers it in the recent list.
func (s *Shell) setWorkspace(ws app.Workspace) {
	if s.ws != nil && s.ws != ws {
		if err := s.ws.Close(); err != nil {
			log.Printf("closing workspace: %v", err)
		}
	}
	s.ws, s.info, s.dash = ws, app.WorkspaceInfo{}, nil
	s.newScope()
	if ws != nil {
		info, err := ws.Info(context.Background())
		if err != nil {
			s.ShowError(err)
		}
		s.info = info
		if info.Path != "" {
			addRecent(s.app.Preferences(), info.Path)
		}
	}
	if s.body != nil {
		s.win.SetTitle(s.title())
		s.win.SetMainMenu(s.mainMenu())
		s.refreshHeader()
		s.show(s.current)
	}
}

// Workspace is the open workspace, or nil.
func (s *Shell) Workspace() app.Workspace { return s.ws }

// SetLanguage switches every string of the window to lang without a
// restart: strings are looked up when widgets are built, so the content is
// rebuilt; the module on screen stays.
func (s *Shell) SetLanguage(lang app.Lang) {
	s.app.Preferences().SetString(prefLang, string(lang))
	s.l = app.NewLocalizer(lang)
	syncFyneLanguage(lang)
	s.dash = nil
	s.win.SetContent(s.Content())
}

// SetThemeVariant switches between light, dark and the system's choice.
func (s *Shell) SetThemeVariant(v string) {
	s.app.Preferences().SetString(prefTheme, v)
	s.theme.variant = v
	s.app.Settings().SetTheme(s.theme)
}

// addShortcuts binds Ctrl+1..9/0 to the navigation and the file actions to
// their usual keys, so the app can be driven from the keyboard.
func (s *Shell) addShortcuts() {
	c := s.win.Canvas()
	keys := []fyne.KeyName{fyne.Key1, fyne.Key2, fyne.Key3, fyne.Key4, fyne.Key5, fyne.Key6, fyne.Key7, fyne.Key8, fyne.Key9, fyne.Key0}
	for i, k := range keys {
		if i >= len(app.Modules) {
			break
		}
		id := app.Modules[i].ID
		c.AddShortcut(&desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault}, func(fyne.Shortcut) { s.Navigate(id) })
	}
	// Ctrl+, is the settings key across desktop apps; the ten digits are taken.
	c.AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyComma, Modifier: fyne.KeyModifierShortcutDefault}, func(fyne.Shortcut) { s.Navigate("settings") })
	for sc, action := range map[*desktop.CustomShortcut]func(){
		&shortcutNew: s.onNew, &shortcutOpen: s.onOpen, &shortcutSaveCopy: s.onSaveCopy, &shortcutReport: s.onExportReport,
	} {
		c.AddShortcut(sc, func(fyne.Shortcut) { action() })
	}
}

// showError tells the person what went wrong in their language.
func (s *Shell) ShowError(err error) {
	if err == nil {
		return
	}
	// A locked workspace, a read-only folder, a full disk: say that, not
	// "internal error".
	err = app.Explain(err, s.info.Path)
	if app.ErrorCode(err) == app.EInternal {
		log.Printf("internal error: %v", err)
	}
	s.message(s.l.T("error.title"), s.l.Message(err))
}

// heading is a screen's title, in the sub-heading size.
func heading(text string) *widget.Label {
	l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.SizeName = theme.SizeNameSubHeadingText
	return l
}

// navItem is one row of the navigation: the module's icon and title.
type navItem struct {
	widget.BaseWidget
	icon  *widget.Icon
	label *widget.Label
}

func newNavItem() *navItem {
	n := &navItem{icon: widget.NewIcon(theme.HomeIcon()), label: widget.NewLabel("")}
	n.ExtendBaseWidget(n)
	return n
}

func (n *navItem) set(icon fyne.Resource, text string) {
	n.icon.SetResource(icon)
	n.label.SetText(text)
}

func (n *navItem) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewBorder(nil, nil, n.icon, nil, n.label))
}
