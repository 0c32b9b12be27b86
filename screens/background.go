package screens

import (
	"context"
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// Background work: every screen reads and writes the workspace off the UI
// goroutine and applies the result on it. The rules are the same everywhere,
// so they live here once:
//   - the work's context ends when the person leaves the module or the
//     workspace changes (the shell's scope), so long reads stop early;
//   - a result that arrives after that is dropped: it belongs to a screen
//     that is gone, and applying it would write into dead widgets;
//   - an error is shown in the person's language, except a cancellation,
//     which is the person's own doing; done is then not called;
//   - exactly one UI update is posted per call, stale or not, so tests that
//     step through posted updates (testShell.next) stay deterministic.

// scope is the lifetime of what is on screen: a module shown on one workspace.
type scope struct {
	ctx    context.Context
	cancel context.CancelFunc
}

// newScope ends the current scope (cancelling its work and marking its
// results stale) and starts the next one. The shell calls it whenever the
// module on screen or the open workspace changes.
func (s *Shell) newScope() {
	if s.scope.cancel != nil {
		s.scope.cancel()
	}
	s.scope.ctx, s.scope.cancel = context.WithCancel(context.Background())
}

// scopeCtx is the current scope's context, started on first use.
func (s *Shell) scopeCtx() context.Context {
	if s.scope.ctx == nil {
		s.newScope()
	}
	return s.scope.ctx
}

// background runs work off the UI goroutine and hands its result to done on
// the UI goroutine, under the rules above. Call it from the UI goroutine.
// It is a function, not a method, because Go methods cannot be generic.
func background[T any](s *Shell, work func(ctx context.Context) (T, error), done func(T)) {
	backgroundIn(s, s.scopeCtx(), work, func(v T, err error) {
		if err != nil {
			s.ShowError(err)
			return
		}
		done(v)
	})
}

// backgroundErr is background for the few callers that handle the error
// themselves (a form that marks the field, a button that re-enables): done
// gets the error too, but still never a stale or cancelled result.
func backgroundErr[T any](s *Shell, work func(ctx context.Context) (T, error), done func(T, error)) {
	backgroundIn(s, s.scopeCtx(), work, done)
}

// latest keeps only the newest of a series of background calls on one
// screen (a search as the person types, the product they picked): starting
// a call cancels the one before, whose result is then dropped.
type latest struct {
	cancel context.CancelFunc
}

// stop cancels the pending call, if any, so its result is dropped: the
// screen moved to something that needs no read (no customer picked, a new
// product), or the person cancelled the read.
func (l *latest) stop() {
	if l.cancel != nil {
		l.cancel()
		l.cancel = nil
	}
}

// backgroundLatest is background through l: only the newest call's result
// reaches done.
func backgroundLatest[T any](s *Shell, l *latest, work func(ctx context.Context) (T, error), done func(T)) {
	backgroundLatestErr(s, l, work, func(v T, err error) {
		if err != nil {
			s.ShowError(err)
			return
		}
		done(v)
	})
}

// backgroundLatestErr is backgroundLatest for callers that handle the error
// themselves (clear a "loading…" text, close a progress dialog first).
func backgroundLatestErr[T any](s *Shell, l *latest, work func(ctx context.Context) (T, error), done func(T, error)) {
	l.stop()
	ctx, cancel := context.WithCancel(s.scopeCtx())
	l.cancel = cancel
	// A newer call or stop cancels ctx, so backgroundIn drops this result then.
	backgroundIn(s, ctx, work, func(v T, err error) {
		cancel() // release the context's resources; the work is over
		done(v, err)
	})
}

// write runs a change the person asked for (a save, a delete) off the UI
// goroutine. Unlike a read it is never cancelled by leaving the screen: what
// they saved must land. Its error is always shown, even after they left;
// done runs only while the screen it belongs to is still there.
func (s *Shell) write(work func(ctx context.Context) error, done func()) {
	s.writeSettled(work, nil, done)
}

// writeSettled is write for a form that disables its button while saving:
// settle runs first whatever the outcome (while the screen is still there),
// so the button comes back after a failed save too; then the error is shown
// or done runs, as in write.
func (s *Shell) writeSettled(work func(ctx context.Context) error, settle, done func()) {
	s.writeIn(s.scopeCtx(), work, settle, done)
}

// writeIn is writeSettled for a write the person asked for while live was
// the scope (a write started after a check of its own, see fxEditor.change).
func (s *Shell) writeIn(live context.Context, work func(ctx context.Context) error, settle, done func()) {
	go func() {
		err := work(context.WithoutCancel(live))
		s.env.Post(func() { s.settleWrite(live, err, settle, done) })
	}()
}

// settleWrite applies the outcome of a write started while live was the
// scope, on the UI goroutine, by writeSettled's rules: settle and done only
// while that screen is still there, the error always.
func (s *Shell) settleWrite(live context.Context, err error, settle, done func()) {
	if live.Err() == nil && settle != nil {
		settle()
	}
	if err != nil {
		s.ShowError(err)
		return
	}
	if live.Err() == nil && done != nil {
		done()
	}
}

// progressTask is a long job the person watches in a modal dialog (an
// import): a progress bar, a status line and a Cancel button. P is what the
// work reports as it goes; show turns it into the bar's fraction (0..1) and
// the status line.
type progressTask[T, P any] struct {
	title, status, cancel string // the dialog's title, its first status line, the button's label
	work                  func(ctx context.Context, report func(P)) (T, error)
	show                  func(P) (fraction float64, status string)
	done                  func(T, error)
	// discard, when set, releases a result that done will never get
	// because its screen is gone (a workspace opened meanwhile is closed).
	discard func(T)
}

// runProgress runs task off the UI goroutine behind its dialog. report may
// be called from the work's goroutine; each call is applied on the UI
// goroutine. A fraction below 0 means the work cannot measure this part:
// the bar then runs as an indeterminate one until a fraction comes again. The work's context ends on Cancel and, as for background, when
// the person leaves the module or the workspace changes. The dialog closes
// whatever the outcome, since it covers the whole window. done gets the
// result and the error, a cancellation by the button included (the caller
// says "cancelled" in its own words), but never a result for a screen that
// is gone. Call it from the UI goroutine.
func runProgress[T, P any](s *Shell, task progressTask[T, P]) {
	live := s.scopeCtx()
	ctx, cancel := context.WithCancel(live)
	bar := widget.NewProgressBar()
	unmeasured := widget.NewProgressBarInfinite()
	unmeasured.Stop()
	unmeasured.Hide()
	status := widget.NewLabel(task.status)
	dlg := dialog.NewCustomWithoutButtons(task.title,
		container.NewVBox(bar, unmeasured, status, widget.NewButton(task.cancel, cancel)), s.win)
	dlg.Resize(fyne.NewSize(440, 0))
	dlg.Show()
	report := func(p P) {
		s.env.Post(func() {
			f, text := task.show(p)
			switch {
			case f < 0 && !unmeasured.Visible():
				bar.Hide()
				unmeasured.Show()
				unmeasured.Start()
			case f >= 0 && unmeasured.Visible():
				unmeasured.Stop()
				unmeasured.Hide()
				bar.Show()
			}
			if f >= 0 {
				bar.SetValue(f)
			}
			status.SetText(text)
		})
	}
	go func() {
		v, err := task.work(ctx, report)
		cancel() // release the context's resources; the work is over
		s.env.Post(func() {
			unmeasured.Stop()
			dlg.Hide()
			if live.Err() != nil {
				// The screen or workspace it was for is gone.
				if task.discard != nil {
					task.discard(v)
				}
				return
			}
			task.done(v, err)
		})
	}()
}

func backgroundIn[T any](s *Shell, ctx context.Context, work func(ctx context.Context) (T, error), done func(T, error)) {
	go func() {
		v, err := work(ctx)
		s.env.Post(func() {
			if ctx.Err() != nil || errors.Is(err, context.Canceled) {
				return // the screen, workspace or request it was for is gone
			}
			done(v, err)
		})
	}()
}
