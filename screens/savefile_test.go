package screens

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/seller-assistant/seller-assistant/app"
)

// TestSaveDialogWriterTouchesNothing: Fyne's save dialog opens the chosen
// file with os.Create before its callback runs, so picking the open
// workspace in Export report truncated it before any check. With the shell
// up, a writer closed without writing leaves the file as it was and makes
// no new one; writing still works.
func TestSaveDialogWriterTouchesNothing(t *testing.T) {
	ts := newTestShell(t, demoWorkspace("/tmp/demo.sellerdb"))
	_ = ts
	dir := t.TempDir()
	ws := filepath.Join(dir, "shop.sellerdb")
	body := append([]byte("SQLite format 3\x00"), make([]byte, 4080)...)
	os.WriteFile(ws, body, 0o600)
	w, err := storage.Writer(storage.NewFileURI(ws))
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(ws); len(got) != len(body) {
		t.Fatalf("the dialog's writer truncated the file to %d bytes", len(got))
	}
	fresh := filepath.Join(dir, "new.html")
	w, _ = storage.Writer(storage.NewFileURI(fresh))
	w.Close()
	if _, err := os.Stat(fresh); !os.IsNotExist(err) {
		t.Fatalf("an unwritten writer made a file: %v", err)
	}
	w, _ = storage.Writer(storage.NewFileURI(fresh))
	if _, err := w.Write([]byte("hello")); err != nil {
		t.Fatal(err)
	}
	w.Close()
	if got, _ := os.ReadFile(fresh); string(got) != "hello" {
		t.Fatalf("written %q", got)
	}
	// The dialog still lists folders through the wrapped repository.
	l, err := storage.ListerForURI(storage.NewFileURI(dir))
	if err != nil {
		t.Fatal(err)
	}
	if items, err := l.List(); err != nil || len(items) != 2 {
		t.Fatalf("list: %v, %v", items, err)
	}
}

// TestSaveCopyAndReportRefuseTheWorkspace: Save a copy and Export report
// aimed at the open workspace (or any database) say so in a dialog and do
// nothing; the workspace keeps every byte.
func TestSaveCopyAndReportRefuseTheWorkspace(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "shop.sellerdb")
	body := append([]byte("SQLite format 3\x00"), make([]byte, 4080)...)
	os.WriteFile(path, body, 0o600)
	other := filepath.Join(dir, "backup.sellerdb")
	os.WriteFile(other, body, 0o600)
	ws := demoWorkspace(path)
	called := 0
	ws.SaveCopyFn = func(string) error { called++; return nil }
	ts := newTestShell(t, ws)
	for _, target := range []string{path, filepath.Join(dir, ".", "shop.sellerdb"), path + "-wal", other} {
		for name, do := range map[string]func(string){"save copy": ts.saveCopyTo, "report": ts.exportReportTo} {
			do(target)
			top := ts.win.Canvas().Overlays().Top()
			if top == nil || !(strings.Contains(texts(top), "is the open workspace") || strings.Contains(texts(top), "is a database")) {
				t.Fatalf("%s to %s: no dialog saying why", name, target)
			}
			top.Hide()
		}
	}
	if called != 0 {
		t.Fatalf("SaveCopy ran %d times", called)
	}
	if got, _ := os.ReadFile(path); string(got) != string(body) {
		t.Fatal("the workspace changed")
	}
}

// codeErr stands in for the SQLite driver's error, which reports its
// result code through Code() (SQLITE_BUSY = 5).
type codeErr int

func (c codeErr) Error() string { return "database is locked" }
func (c codeErr) Code() int     { return int(c) }

// TestLockedWorkspaceMessage: a write refused because another program
// holds the workspace reads as that, in the person's language, not as an
// internal error.
func TestLockedWorkspaceMessage(t *testing.T) {
	ts := newTestShell(t, demoWorkspace("/tmp/demo.sellerdb"))
	ts.SetLanguage(app.LangChinese)
	ts.ShowError(codeErr(5))
	top := ts.win.Canvas().Overlays().Top()
	if top == nil || !strings.Contains(texts(top), "正被占用") || strings.Contains(texts(top), "内部错误") {
		t.Fatalf("dialog: %q", texts(top))
	}
}

// TestExportReportDialogOverTheWorkspace drives Fyne's own save dialog as a
// person would: Export report, type the workspace's file name, confirm
// "Overwrite?". Before, the dialog emptied the workspace with os.Create
// before the app saw the path; now the workspace keeps every byte and a
// dialog says why nothing was written.
func TestExportReportDialogOverTheWorkspace(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("HOME", dir) // the dialog starts in the home folder
	path := filepath.Join(dir, "shop.sellerdb")
	body := append([]byte("SQLite format 3\x00"), make([]byte, 4080)...)
	if err := os.WriteFile(path, body, 0o600); err != nil {
		t.Fatal(err)
	}
	ts := newTestShell(t, demoWorkspace(path))
	ts.onExportReport()
	popup := ts.win.Canvas().Overlays().Top()
	if popup == nil {
		t.Fatal("no save dialog")
	}
	var name *widget.Entry
	for _, o := range test.LaidOutObjects(popup) {
		if e, ok := o.(*widget.Entry); ok && e.Visible() {
			name = e
		}
	}
	if name == nil {
		t.Fatalf("no file name entry in:\n%s", texts(popup))
	}
	name.SetText("shop.sellerdb")
	test.Tap(findButton(t, popup, "Save"))
	confirm := ts.win.Canvas().Overlays().Top()
	if confirm == nil || !strings.Contains(texts(confirm), "overwrite") {
		t.Fatalf("no overwrite question: %v", confirm)
	}
	test.Tap(findButton(t, confirm, "Yes"))
	if got, _ := os.ReadFile(path); !bytes.Equal(got, body) {
		t.Fatalf("the workspace changed: %d bytes left", len(got))
	}
	top := ts.win.Canvas().Overlays().Top()
	if top == nil || !strings.Contains(texts(top), "is the open workspace") {
		t.Fatalf("no dialog saying why; top overlay: %v", top)
	}
}
