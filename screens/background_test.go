package screens

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/seller-assistant/seller-assistant/app"
)

func TestBackgroundAppliesResultOrShowsError(t *testing.T) {
	ts := newTestShell(t, nil)
	var got int
	background(ts.Shell, func(context.Context) (int, error) { return 42, nil }, func(v int) { got = v })
	ts.next(t)
	if got != 42 {
		t.Fatalf("done got %d, want 42", got)
	}

	called := false
	background(ts.Shell, func(context.Context) (int, error) {
		return 0, app.Errorf(app.EInvalid, "error.name_required")
	}, func(int) { called = true })
	ts.next(t)
	if called {
		t.Fatal("done ran after an error")
	}
	if msg := careDialogText(ts.win); !strings.Contains(msg, app.English().T("error.name_required")) {
		t.Fatalf("the error is not shown in words; dialog: %q", msg)
	}
}

func TestBackgroundDropsResultOfAScreenLeft(t *testing.T) {
	ts := newTestShell(t, nil)
	started, release := make(chan context.Context), make(chan struct{})
	applied := false
	background(ts.Shell, func(ctx context.Context) (int, error) {
		started <- ctx
		<-release
		return 1, ctx.Err()
	}, func(int) { applied = true })
	ctx := <-started
	ts.Navigate("risks")
	if ctx.Err() == nil {
		t.Fatal("leaving the screen did not cancel its work")
	}
	close(release)
	ts.next(t)
	if applied {
		t.Fatal("a result for a screen that is gone was applied")
	}
	if msg := careDialogText(ts.win); msg != "" {
		t.Fatalf("a cancellation was shown as an error: %q", msg)
	}
}

func TestBackgroundLatestKeepsOnlyTheNewest(t *testing.T) {
	ts := newTestShell(t, nil)
	var l latest
	first, release := make(chan context.Context), make(chan struct{})
	var got []string
	backgroundLatest(ts.Shell, &l, func(ctx context.Context) (string, error) {
		first <- ctx
		<-release
		return "old", nil
	}, func(v string) { got = append(got, v) })
	ctx := <-first
	backgroundLatest(ts.Shell, &l, func(context.Context) (string, error) { return "new", nil },
		func(v string) { got = append(got, v) })
	if ctx.Err() == nil {
		t.Fatal("a newer call did not cancel the older one")
	}
	ts.next(t) // "new" arrives first
	close(release)
	ts.next(t)
	if len(got) != 1 || got[0] != "new" {
		t.Fatalf("applied %v, want only [new]", got)
	}
}

func TestWriteLandsAndReportsAfterTheScreenIsLeft(t *testing.T) {
	ts := newTestShell(t, nil)
	started, release := make(chan context.Context), make(chan struct{})
	doneRan := false
	ts.write(func(ctx context.Context) error {
		started <- ctx
		<-release
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return errors.New("disk full")
	}, func() { doneRan = true })
	ctx := <-started
	ts.Navigate("risks")
	close(release)
	ts.next(t)
	if ctx.Err() != nil {
		t.Fatal("leaving the screen cancelled a save")
	}
	if doneRan {
		t.Fatal("done ran for a screen that is gone")
	}
	if careDialogText(ts.win) == "" {
		t.Fatal("a failed save was not reported after leaving the screen")
	}
}

func TestLatestStopDropsThePendingResult(t *testing.T) {
	ts := newTestShell(t, nil)
	var l latest
	started, release := make(chan context.Context), make(chan struct{})
	applied := false
	backgroundLatest(ts.Shell, &l, func(ctx context.Context) (int, error) {
		started <- ctx
		<-release
		return 1, nil
	}, func(int) { applied = true })
	ctx := <-started
	l.stop()
	if ctx.Err() == nil {
		t.Fatal("stop did not cancel the pending call")
	}
	close(release)
	ts.next(t)
	if applied {
		t.Fatal("a stopped call's result was applied")
	}
	l.stop() // nothing pending: harmless
}

func TestBackgroundLatestErrHandsTheErrorToDone(t *testing.T) {
	ts := newTestShell(t, nil)
	var l latest
	var got error
	backgroundLatestErr(ts.Shell, &l, func(context.Context) (int, error) {
		return 0, errors.New("disk gone")
	}, func(_ int, err error) { got = err })
	ts.next(t)
	if got == nil || got.Error() != "disk gone" {
		t.Fatalf("done got error %v, want disk gone", got)
	}
	if msg := careDialogText(ts.win); msg != "" {
		t.Fatalf("the helper showed the error the caller handles: %q", msg)
	}
}

func TestWriteSettledSettlesOnFailureAndSuccess(t *testing.T) {
	for _, tt := range []struct {
		name     string
		err      error
		wantDone bool
	}{
		{"failure", errors.New("disk full"), false},
		{"success", nil, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			ts := newTestShell(t, nil)
			var order []string
			ts.writeSettled(func(context.Context) error { return tt.err },
				func() { order = append(order, "settle") },
				func() { order = append(order, "done") })
			ts.next(t)
			want := []string{"settle"}
			if tt.wantDone {
				want = append(want, "done")
			}
			if strings.Join(order, ",") != strings.Join(want, ",") {
				t.Fatalf("ran %v, want %v", order, want)
			}
			if shown := careDialogText(ts.win) != ""; shown != (tt.err != nil) {
				t.Fatalf("error shown = %v, want %v", shown, tt.err != nil)
			}
		})
	}
}
