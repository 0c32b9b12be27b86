package screens

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/seller-assistant/seller-assistant/app"
)

// openDialog is what the open's progress dialog shows: its text, the
// measured bar (nil while hidden) and whether the unmeasured one runs.
type openDialog struct {
	text       string
	bar        *widget.ProgressBar
	unmeasured bool
	cancel     *widget.Button
}

func showingOpenDialog(t *testing.T, w fyne.Window) openDialog {
	t.Helper()
	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog")
	}
	d := openDialog{text: texts(top)}
	for _, o := range test.LaidOutObjects(top) {
		if !o.Visible() {
			continue
		}
		switch x := o.(type) {
		case *widget.ProgressBar:
			d.bar = x
		case *widget.ProgressBarInfinite:
			d.unmeasured = true
		case *widget.Button:
			d.cancel = x
		}
	}
	return d
}

// migratingOpener is an Opener whose Open reports a backup and half of a
// migration, as data.Open does for an older workspace, then waits for
// release (or the cancel) before it returns ws.
func migratingOpener(ws app.Workspace, release chan struct{}) func(context.Context, string) (app.Workspace, error) {
	return func(ctx context.Context, path string) (app.Workspace, error) {
		report := app.OpenProgressFrom(ctx)
		if report == nil {
			return nil, app.Errorf(app.EInternal, "error.internal", "no progress observer")
		}
		report(app.OpenProgress{Stage: app.OpenBackingUp, Elapsed: 300 * time.Millisecond})
		report(app.OpenProgress{Stage: app.OpenMigrating, Step: 1, Steps: 2, Unit: "open.progress.lines_read",
			Done: 420_000, Total: 1_000_000, Elapsed: 2 * time.Second})
		select {
		case <-release:
			return ws, nil
		case <-ctx.Done():
			return nil, app.Wrap(ctx.Err(), app.ECanceled, "open.err.canceled")
		}
	}
}

// TestOpenShowsMigrationProgress (issue 20): opening an older workspace
// shows, in the person's language, the backup with a running bar, then the
// migration step with its lines counted and the bar at that fraction; the
// workspace opens when it is done.
func TestOpenShowsMigrationProgress(t *testing.T) {
	for _, lang := range []app.Lang{app.LangEnglish, app.LangChinese} {
		t.Run(string(lang), func(t *testing.T) {
			first := demoWorkspace("/tmp/first.sellerdb")
			ts := newTestShell(t, first)
			if lang != app.LangEnglish {
				ts.SetLanguage(lang)
				ts.next(t) // the dashboard, rebuilt in Chinese
			}
			l := app.NewLocalizer(lang)
			big := demoWorkspace("/tmp/big.sellerdb")
			release := make(chan struct{})
			ts.opener.OpenCtxFn = migratingOpener(big, release)
			ts.openPath("/tmp/big.sellerdb")

			ts.next(t) // the backup
			d := showingOpenDialog(t, ts.win)
			if !strings.Contains(d.text, l.T("open.progress.backup")) || !d.unmeasured || d.bar != nil {
				t.Fatalf("backing up: unmeasured bar %v, bar %v, text:\n%s", d.unmeasured, d.bar, d.text)
			}
			ts.next(t) // half the lines
			d = showingOpenDialog(t, ts.win)
			for _, want := range []string{l.T("open.progress.migrate", 1, 2), l.T("open.progress.lines_read", "420,000", "1,000,000"), l.T("open.progress.elapsed", "2"), l.T("button.cancel")} {
				if !strings.Contains(d.text, want) {
					t.Errorf("migrating: %q not shown in:\n%s", want, d.text)
				}
			}
			if d.unmeasured || d.bar == nil || d.bar.Value != 0.42 {
				t.Fatalf("migrating: unmeasured bar %v, bar %+v", d.unmeasured, d.bar)
			}
			close(release)
			ts.next(t) // opened
			if ts.Workspace() != big {
				t.Fatal("the migrated workspace did not open")
			}
			if top := ts.win.Canvas().Overlays().Top(); top != nil {
				t.Fatalf("a dialog is left:\n%s", texts(top))
			}
		})
	}
}

// TestOpenCancelledKeepsWorkspace: Cancel in the progress dialog stops the
// migration (the opener's context ends), says the file is as it was, and
// keeps the workspace that was open.
func TestOpenCancelledKeepsWorkspace(t *testing.T) {
	first := demoWorkspace("/tmp/first.sellerdb")
	ts := newTestShell(t, first)
	ts.opener.OpenCtxFn = migratingOpener(demoWorkspace("/tmp/big.sellerdb"), make(chan struct{}))
	ts.openPath("/tmp/big.sellerdb")
	ts.next(t)
	ts.next(t)
	d := showingOpenDialog(t, ts.win)
	if d.cancel == nil {
		t.Fatal("no Cancel button")
	}
	test.Tap(d.cancel)
	ts.next(t) // the open ends, cancelled
	if top := ts.win.Canvas().Overlays().Top(); top == nil || !strings.Contains(texts(top), "the workspace was not updated") {
		t.Fatal("no message that the open was cancelled")
	}
	if ts.Workspace() != first || first.Closed() != 0 {
		t.Fatal("a cancelled open replaced or closed the open workspace")
	}
}

// TestOpenStartMigratesInTheWindow: a start whose workspace must be
// migrated first opens it behind the progress dialog, in the window that
// is already there, and then shows it.
func TestOpenStartMigratesInTheWindow(t *testing.T) {
	ts := newTestShell(t, nil)
	big := demoWorkspace("/tmp/big.sellerdb")
	release := make(chan struct{})
	var asked string
	open := migratingOpener(big, release)
	ts.opener.OpenCtxFn = func(ctx context.Context, path string) (app.Workspace, error) {
		asked = path
		return open(ctx, path)
	}
	fyne.CurrentApp().Preferences().SetStringList(prefRecent, []string{"/tmp/big.sellerdb"})
	if got := StartPath(fyne.CurrentApp().Preferences(), ""); got != "/tmp/big.sellerdb" {
		t.Fatalf("StartPath = %q, want the recent workspace", got)
	}
	ts.OpenStart("", "/tmp/demo.sellerdb")
	ts.next(t)
	ts.next(t)
	if d := showingOpenDialog(t, ts.win); d.bar == nil || d.bar.Value != 0.42 {
		t.Fatalf("the start shows no migration progress:\n%s", d.text)
	}
	close(release)
	ts.next(t)
	if ts.Workspace() != big || asked != "/tmp/big.sellerdb" {
		t.Fatalf("opened %q, workspace %v", asked, ts.Workspace())
	}
}

// TestOpenForAGoneScreenClosesTheWorkspace: a workspace whose open ends
// after the screen it was for is gone (the module changed meanwhile) is
// closed, not left open and unreferenced.
func TestOpenForAGoneScreenClosesTheWorkspace(t *testing.T) {
	first := demoWorkspace("/tmp/first.sellerdb")
	ts := newTestShell(t, first)
	big := demoWorkspace("/tmp/big.sellerdb")
	started, release := make(chan struct{}), make(chan struct{})
	ts.opener.OpenCtxFn = func(ctx context.Context, path string) (app.Workspace, error) {
		close(started)
		<-release // finishes even though its context ends: the open was done
		return big, nil
	}
	ts.openPath("/tmp/big.sellerdb")
	<-started
	ts.Navigate("learn") // a module with nothing to load in the background
	close(release)
	ts.next(t) // the open ends for a screen that is gone
	if ts.Workspace() != first || big.Closed() != 1 {
		t.Fatalf("workspace %v; the late one closed %d times, want once", ts.Workspace(), big.Closed())
	}
}
