package screens

import (
	"errors"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
)

// After Export report: a message with the path and buttons to open the
// report or show its folder; when the system cannot open it, the message
// says so.
func TestExportReportSaysWhereAndOffersToOpen(t *testing.T) {
	ts := newTestShell(t, demoWorkspace("/tmp/demo.sellerdb"))
	if got := ts.reportFileName(); got != "seller-report-2026-11-24.html" {
		t.Errorf("proposed name %q", got)
	}
	var opened []*url.URL
	fail := false
	ts.env.OpenURL = func(u *url.URL) error {
		opened = append(opened, u)
		if fail {
			return errors.New("no browser")
		}
		return nil
	}
	path := filepath.Join(t.TempDir(), "seller-report-2026-11-24.html")
	r := ts.reportSaved(path)
	top := ts.win.Canvas().Overlays().Top()
	if top == nil || !strings.Contains(strings.ReplaceAll(texts(top), "\n", ""), path) {
		t.Fatalf("the message does not name the file:\n%s", texts(top))
	}
	if len(opened) != 0 {
		t.Fatal("the browser opened before the person asked")
	}
	test.Tap(r.folder)
	if len(opened) != 1 || opened[0].Path != filepath.Dir(path) {
		t.Fatalf("show folder opened %v", opened)
	}
	r = ts.reportSaved(path)
	fail = true
	test.Tap(r.open)
	if len(opened) != 2 || opened[1].Path != path {
		t.Fatalf("open opened %v", opened)
	}
	if !strings.Contains(r.msg.Text, "no browser could be opened") || !r.open.Visible() {
		t.Errorf("a browser that cannot open is not reported: %q", r.msg.Text)
	}
	test.Tap(r.folder)
	if !strings.Contains(r.msg.Text, "folder could not be shown") {
		t.Errorf("a folder that cannot be shown is not reported: %q", r.msg.Text)
	}
}

// The whole export: the report is written where the person chose, then the
// message offers to open it.
func TestExportReportWritesThenOffers(t *testing.T) {
	ts := newTestShell(t, demoWorkspace("/tmp/demo.sellerdb"))
	ts.env.OpenURL = func(*url.URL) error { t.Error("opened without asking"); return nil }
	path := filepath.Join(t.TempDir(), ts.reportFileName())
	ts.exportReportTo(path)
	ts.next(t)
	if fi, err := os.Stat(path); err != nil || fi.Size() == 0 {
		t.Fatalf("report not written: %v\n%s", err, texts(ts.win.Canvas().Overlays().Top()))
	}
	top := ts.win.Canvas().Overlays().Top()
	if top == nil || !strings.Contains(texts(top), "Report saved") || !strings.Contains(texts(top), "Open in browser") || !strings.Contains(texts(top), "Show in folder") {
		t.Fatalf("no message with the buttons after export:\n%v", top)
	}
}
