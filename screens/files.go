package screens

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/seller-assistant/seller-assistant/app"
	"github.com/seller-assistant/seller-assistant/app/atomicfile"
	"github.com/seller-assistant/seller-assistant/app/report"
	"github.com/seller-assistant/seller-assistant/assets"
)

const maxRecent = 8

// workspaceExt is the extension new workspaces get.
const workspaceExt = app.WorkspaceExt

func (s *Shell) mainMenu() *fyne.MainMenu {
	t := s.l.T
	recent := fyne.NewMenuItem(t("menu.recent"), nil)
	for _, p := range recentFiles(s.app.Preferences()) {
		path := p
		recent.ChildMenu = appendItem(recent.ChildMenu, fyne.NewMenuItem(path, func() { s.openPath(path) }))
	}
	if recent.ChildMenu == nil {
		none := fyne.NewMenuItem(t("menu.recent_none"), nil)
		none.Disabled = true
		recent.ChildMenu = fyne.NewMenu("", none)
	}
	file := fyne.NewMenu(t("menu.file"),
		&fyne.MenuItem{Label: t("menu.new"), Action: s.onNew, Shortcut: &shortcutNew},
		&fyne.MenuItem{Label: t("menu.open"), Action: s.onOpen, Shortcut: &shortcutOpen},
		recent,
		fyne.NewMenuItemSeparator(),
		&fyne.MenuItem{Label: t("menu.save_copy"), Action: s.onSaveCopy, Shortcut: &shortcutSaveCopy, Disabled: s.ws == nil},
		&fyne.MenuItem{Label: t("menu.export_report"), Action: s.onExportReport, Shortcut: &shortcutReport, Disabled: s.ws == nil},
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem(t("menu.open_demo"), s.onOpenDemo),
		&fyne.MenuItem{Label: t("menu.reset_demo"), Action: s.onResetDemo, Disabled: !s.info.Demo},
	)
	langItems := []*fyne.MenuItem{}
	for _, l := range app.Langs {
		lang := l
		it := fyne.NewMenuItem(app.NewLocalizer(lang).T("lang.name"), func() { s.SetLanguage(lang) })
		it.Checked = lang == s.l.Lang()
		langItems = append(langItems, it)
	}
	language := fyne.NewMenuItem(t("menu.language"), nil)
	language.ChildMenu = fyne.NewMenu("", langItems...)
	view := fyne.NewMenu(t("menu.view"), language,
		fyne.NewMenuItem(t("module.settings.title"), func() { s.Navigate("settings") }))
	help := fyne.NewMenu(t("menu.help"),
		fyne.NewMenuItem(t("module.learn.title"), func() { s.Navigate("learn") }),
		fyne.NewMenuItem(t("menu.about"), s.onAbout))
	return fyne.NewMainMenu(file, view, help)
}

func appendItem(m *fyne.Menu, it *fyne.MenuItem) *fyne.Menu {
	if m == nil {
		return fyne.NewMenu("", it)
	}
	m.Items = append(m.Items, it)
	return m
}

var (
	shortcutNew      = fyneShortcut(fyne.KeyN, 0)
	shortcutOpen     = fyneShortcut(fyne.KeyO, 0)
	shortcutSaveCopy = fyneShortcut(fyne.KeyS, fyne.KeyModifierShift)
	shortcutReport   = fyneShortcut(fyne.KeyE, 0)
)

// recentFiles is the recent list, newest first, without files that are gone.
func recentFiles(p fyne.Preferences) []string {
	var out []string
	for _, f := range p.StringList(prefRecent) {
		if _, err := os.Stat(f); err == nil {
			out = append(out, f)
		}
	}
	return out
}

func addRecent(p fyne.Preferences, path string) {
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	list := []string{path}
	for _, f := range p.StringList(prefRecent) {
		if f != path && len(list) < maxRecent {
			list = append(list, f)
		}
	}
	p.SetStringList(prefRecent, list)
}

// run does work off the UI goroutine behind a modal progress dialog, then
// calls done on the UI goroutine with the result.
func (s *Shell) run(title string, work func(ctx context.Context) error, done func(error)) {
	bar := widget.NewProgressBarInfinite()
	d := dialog.NewCustomWithoutButtons(title, bar, s.win)
	d.Resize(fyne.NewSize(360, 0))
	d.Show()
	// The modal counterpart of background/write: the dialog blocks the
	// window until the work ends, so there is no screen to leave meanwhile.
	go func() {
		err := work(context.Background())

		s.env.Post(func() {
			bar.Stop()
			d.Hide()
			done(err)
		})
	}()
}

func (s *Shell) onNew() {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			s.ShowError(err)
			return
		}
		if w == nil {
			return // cancelled
		}
		path := w.URI().Path()
		w.Close() // wrote nothing, so touched nothing (see savefile.go)
		if filepath.Ext(path) == "" {
			path += workspaceExt
		}
		name := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
		var ws app.Workspace
		s.run(s.l.T("progress.creating"), func(ctx context.Context) (err error) {
			ws, err = s.env.Opener.Create(ctx, path, name)
			return err
		}, func(err error) {
			if err != nil {
				s.ShowError(err)
				return
			}
			s.setWorkspace(ws)
		})
	}, s.win)
	d.SetFileName(s.l.T("workspace.new_name") + workspaceExt)
	showFileDialog(d, s.win)
}

func (s *Shell) onOpen() {
	s.pickFile([]string{workspaceExt, ".sqlite", ".db"}, s.openPath)
}

// pickFile asks for a file to read, showing only names ending in exts (all
// files when none), and calls open with its path; cancelling calls nothing.
// The work on the path is open's: the dialog's reader is closed at once.
func (s *Shell) pickFile(exts []string, open func(path string)) {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			s.ShowError(err)
			return
		}
		if r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		open(path)
	}, s.win)
	if len(exts) > 0 {
		d.SetFilter(storage.NewExtensionFileFilter(exts))
	}
	showFileDialog(d, s.win)
}

// openPath opens a workspace file; a refused file leaves the current
// workspace open and says why.
func (s *Shell) openPath(path string) {
	s.openWithProgress(func(ctx context.Context) (app.Workspace, error) {
		return s.env.Opener.Open(ctx, path)
	})
}

// openWithProgress runs open (which opens a workspace through the Opener)
// behind a dialog that follows an older workspace's backup and migration
// (app.OpenProgress: what runs, lines done of all, time so far), with
// Cancel: a migration is one transaction per step, so a cancelled open
// leaves the file as it was. The opened workspace replaces the current
// one; a failure is shown and, with no workspace opened, keeps it. (A
// start may do both: the recent workspace failed, the demo opened.)
func (s *Shell) openWithProgress(open func(ctx context.Context) (app.Workspace, error)) {
	runProgress(s, progressTask[app.Workspace, app.OpenProgress]{
		title:  s.l.T("progress.opening"),
		status: s.l.T("progress.opening"),
		cancel: s.l.T("button.cancel"),
		work: func(ctx context.Context, report func(app.OpenProgress)) (app.Workspace, error) {
			return open(app.WithOpenProgress(ctx, report))
		},
		show: func(p app.OpenProgress) (float64, string) { return p.Fraction(), p.Status(s.l) },
		done: func(ws app.Workspace, err error) {
			if ws != nil {
				s.setWorkspace(ws)
			}
			if err != nil {
				s.ShowError(err)
			}
		},
		discard: func(ws app.Workspace) {
			if ws != nil {
				ws.Close()
			}
		},
	})
}

// OpenStart opens the start workspace (OpenStartWorkspace) behind the
// progress dialog of openWithProgress, for a start whose workspace must be
// migrated first: the window is up and shows how far the migration is,
// instead of appearing only once it is done. Call it on the UI goroutine
// once the shell's content is set.
func (s *Shell) OpenStart(path, demoPath string) {
	s.openWithProgress(func(ctx context.Context) (app.Workspace, error) {
		return OpenStartWorkspace(ctx, s.env.Opener, s.app.Preferences(), path, demoPath)
	})
}

// StartPath is the workspace OpenStartWorkspace tries first: path when
// given, else the most recent one; "" means the demo.
func StartPath(p fyne.Preferences, path string) string {
	if path != "" {
		return path
	}
	if recent := p.StringList(prefRecent); len(recent) > 0 {
		return recent[0]
	}
	return ""
}

func (s *Shell) onSaveCopy() {
	if s.ws == nil {
		return
	}
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			s.ShowError(err)
			return
		}
		if w == nil {
			return
		}
		path := w.URI().Path()
		w.Close() // wrote nothing, so touched nothing (see savefile.go)
		s.saveCopyTo(path)
	}, s.win)
	d.SetFileName(strings.TrimSuffix(filepath.Base(s.info.Path), filepath.Ext(s.info.Path)) + "-" + s.env.Now().Format("20060102") + workspaceExt)
	showFileDialog(d, s.win)
}

// saveCopyTo writes the copy the Save dialog asked for. The open workspace
// or another database is refused at once, before any work, and kept.
func (s *Shell) saveCopyTo(path string) {
	if err := atomicfile.Check(path, s.info.Path); err != nil {
		s.ShowError(err)
		return
	}
	ws := s.ws
	s.run(s.l.T("progress.saving_copy"), func(ctx context.Context) error {
		return ws.SaveCopy(ctx, path)
	}, func(err error) {
		if err != nil {
			s.ShowError(err)
			return
		}
		s.message(s.l.T("menu.save_copy"), s.l.T("workspace.copy_saved", path))
	})
}

func (s *Shell) onExportReport() {
	if s.ws == nil {
		return
	}
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			s.ShowError(err)
			return
		}
		if w == nil {
			return
		}
		path := w.URI().Path()
		w.Close() // wrote nothing, so touched nothing (see savefile.go)
		s.exportReportTo(path)
	}, s.win)
	d.SetFileName(s.reportFileName())
	showFileDialog(d, s.win)
}

// exportReportTo writes the report the Export dialog asked for and says
// where it is (reportSaved). The open workspace or another database is refused at once and kept.
func (s *Shell) exportReportTo(path string) {
	if err := atomicfile.Check(path, s.info.Path); err != nil {
		s.ShowError(err)
		return
	}
	s.exportReport(path, func(err error) {
		if err != nil {
			s.ShowError(err)
			return
		}
		s.reportSaved(path)
	})
}

// exportReport builds and writes the HTML report off the UI goroutine.
func (s *Shell) exportReport(path string, done func(error)) {
	ws, l, now, wsPath := s.ws, s.l, s.env.Now(), s.info.Path
	s.run(s.l.T("progress.report"), func(ctx context.Context) error {
		js, err := assets.EchartsJS()
		if err != nil {
			return app.Wrap(err, app.EInvalid, "error.no_echarts")
		}
		r, err := app.BuildReport(ctx, ws, l, now)
		if err != nil {
			return err
		}
		// WriteFile's errors already say what happened (the workspace
		// refused, a full disk, a folder that cannot be written).
		return report.WriteFile(path, r, l, js, wsPath)
	}, done)
}

func (s *Shell) onOpenDemo() {
	var ws app.Workspace
	s.run(s.l.T("progress.opening"), func(ctx context.Context) (err error) {
		ws, err = openOrCreateDemo(ctx, s.env.Opener, s.env.DemoPath)
		return err
	}, func(err error) {
		if err != nil {
			s.ShowError(err)
			return
		}
		s.setWorkspace(ws)
	})
}

// OpenOrCreateDemo opens the demo workspace at path, creating it on first
// use, and recreates it if the file there is damaged.
func openOrCreateDemo(ctx context.Context, o app.Opener, path string) (app.Workspace, error) {
	ws, err := o.Open(ctx, path)
	if err == nil {
		return ws, nil
	}
	switch app.ErrorCode(err) {
	case app.ENotFound, app.ECorrupt:
		return o.CreateDemo(ctx, path)
	}
	return nil, err
}

// OpenStartWorkspace picks the workspace to open at start: path if given,
// else the last one used, else the demo (created on first start). If the
// last one can no longer be opened, the demo opens and err says why.
func OpenStartWorkspace(ctx context.Context, o app.Opener, p fyne.Preferences, path, demoPath string) (app.Workspace, error) {
	if path != "" {
		return o.Open(ctx, path)
	}
	var lastErr error
	if recent := StartPath(p, ""); recent != "" {
		ws, err := o.Open(ctx, recent)
		if err == nil {
			return ws, nil
		}
		lastErr = err
	}
	ws, err := openOrCreateDemo(ctx, o, demoPath)
	if err != nil {
		return nil, errors.Join(lastErr, err)
	}
	return ws, lastErr
}

func (s *Shell) onResetDemo() {
	if !s.info.Demo {
		return
	}
	dialog.ShowConfirm(s.l.T("menu.reset_demo"), s.l.T("workspace.reset_confirm"), func(ok bool) {
		if ok {
			s.resetDemo()
		}
	}, s.win)
}

// resetDemo closes the demo workspace and writes it anew in place.
func (s *Shell) resetDemo() {
	path := s.info.Path
	if err := s.ws.Close(); err != nil {
		s.ShowError(err)
		return
	}
	s.ws = nil
	var ws app.Workspace
	s.run(s.l.T("progress.resetting"), func(ctx context.Context) (err error) {
		ws, err = s.env.Opener.CreateDemo(ctx, path)
		return err
	}, func(err error) {
		if err != nil {
			s.ShowError(err)
			s.setWorkspace(nil)
			return
		}
		s.setWorkspace(ws)
	})
}

func (s *Shell) onAbout() {
	s.message(s.l.T("menu.about"), s.l.T("about.text", app.Version, time.Now().Year()))
}

// message is an information dialog with a wrapping label, so a long path
// or error fits the window.
func (s *Shell) message(title, msg string) {
	label := newTextBlock(msg)
	d := dialog.NewCustom(title, s.l.T("button.ok"), label, s.win)
	d.Resize(fyne.NewSize(460, 0))
	d.Show()
}

// showFileDialog opens a file dialog at a size where paths and names fit;
// Fyne's default is cramped on a laptop screen.
func showFileDialog(d interface {
	Resize(fyne.Size)
	Show()
}, w fyne.Window) {
	size := w.Canvas().Size()
	d.Resize(fyne.NewSize(min(900, size.Width*0.85), min(620, size.Height*0.85)))
	d.Show()
}

// offerUndo tells the person what was deleted and offers to put it back:
// a dialog with an Undo button (returned, for tests) that runs undo once.
func (s *Shell) offerUndo(message, undoLabel string, undo func()) *widget.Button {
	b := widget.NewButtonWithIcon(undoLabel, theme.ContentUndoIcon(), nil)
	d := dialog.NewCustom(message, s.l.T("button.ok"), b, s.win)
	b.OnTapped = func() {
		d.Hide()
		undo()
	}
	d.Show()
	return b
}

// fyneShortcut is Ctrl (Cmd on macOS) plus key and extra modifiers.
func fyneShortcut(k fyne.KeyName, extra fyne.KeyModifier) desktop.CustomShortcut {
	return desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault | extra}
}
