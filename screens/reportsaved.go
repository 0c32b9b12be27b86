package screens

import (
	"net/url"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// reportFileName is the name the Export dialog proposes: what it is and the
// day it was made, so a week of reports sorts by date in a folder
// ("seller-report-2026-11-24.html", "卖家报告-2026-11-24.html").
func (s *Shell) reportFileName() string {
	return s.l.T("report.file_name") + "-" + s.env.Now().Format("2006-01-02") + ".html"
}

// openURL opens u in the system's program for it, through Env.OpenURL when
// set.
func (s *Shell) openURL(u *url.URL) error {
	if s.env.OpenURL != nil {
		return s.env.OpenURL(u)
	}
	return s.app.OpenURL(u)
}

// reportSaved says where the report was written and offers to open it in
// the browser or to show its folder. Opening is the person's choice, not a
// browser window that appears by itself; when the system cannot open it,
// the message says so in place of the buttons' silence.
type reportSavedDialog struct {
	s      *Shell
	path   string
	msg    *textBlock
	open   *widget.Button
	folder *widget.Button
	d      dialog.Dialog
}

func (s *Shell) reportSaved(path string) *reportSavedDialog {
	t := s.l.T
	r := &reportSavedDialog{s: s, path: path, msg: newTextBlock(t("report.saved", path))}
	r.open = &widget.Button{Text: t("report.open"), Icon: theme.ComputerIcon(), Importance: widget.HighImportance, OnTapped: r.onOpen}
	r.folder = &widget.Button{Text: t("report.show_folder"), Icon: theme.FolderOpenIcon(), OnTapped: r.onFolder}
	body := container.NewVBox(r.msg, container.NewHBox(r.open, r.folder))
	r.d = dialog.NewCustom(t("report.saved_title"), t("button.close"), body, s.win)
	r.d.Resize(fyne.NewSize(480, 0))
	r.d.Show()
	return r
}

func (r *reportSavedDialog) onOpen() {
	if err := r.s.openURL(fileURL(r.path)); err != nil {
		fyne.LogError("opening the report", err)
		r.msg.SetText(r.s.l.T("report.saved_open_failed", r.path))
		return
	}
	r.d.Hide()
}

func (r *reportSavedDialog) onFolder() {
	dir := filepath.Dir(r.path)
	if err := r.s.openURL(fileURL(dir)); err != nil {
		fyne.LogError("showing the report's folder", err)
		r.msg.SetText(r.s.l.T("report.folder_failed", r.path, dir))
		return
	}
	r.d.Hide()
}
