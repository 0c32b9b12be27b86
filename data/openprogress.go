package data

import (
	"context"
	"sync"
	"time"

	"github.com/seller-assistant/seller-assistant/app"
)

// heartbeat is how often an open in progress reports even when its step
// has nothing new to say (a backup copy, a migration that is one SQL
// statement): the window's status line and the CLI's line a second show
// the time going on.
const heartbeat = 250 * time.Millisecond

// openReporter passes an open's progress to the observer the context
// carries (app.WithOpenProgress): on every change, and on a heartbeat
// between changes. Calls are made one at a time, under mu. Every method is
// a no-op on a nil reporter (no observer), so the migration code calls it
// unconditionally.
type openReporter struct {
	fn    func(app.OpenProgress)
	start time.Time
	mu    sync.Mutex
	cur   app.OpenProgress
	stop  chan struct{}
	done  sync.WaitGroup
}

// startOpenReporter returns ctx's observer wrapped with a heartbeat, or nil.
func startOpenReporter(ctx context.Context) *openReporter {
	fn := app.OpenProgressFrom(ctx)
	if fn == nil {
		return nil
	}
	r := &openReporter{fn: fn, start: time.Now(), stop: make(chan struct{})}
	r.done.Add(1)
	go func() {
		defer r.done.Done()
		t := time.NewTicker(heartbeat)
		defer t.Stop()
		for {
			select {
			case <-r.stop:
				return
			case <-t.C:
				r.mu.Lock()
				if r.cur.Stage != 0 { // nothing to say before the first stage
					r.send()
				}
				r.mu.Unlock()
			}
		}
	}()
	return r
}

// send reports cur with the time spent so far; mu is held.
func (r *openReporter) send() {
	r.cur.Elapsed = time.Since(r.start)
	r.fn(r.cur)
}

// stage starts a stage (backing up, or migration step of steps) without a
// measure yet.
func (r *openReporter) stage(s app.OpenStage, step, steps int) {
	if r == nil {
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	r.cur = app.OpenProgress{Stage: s, Step: step, Steps: steps}
	r.send()
}

// count reports done of total units (unit: a translation key) of the
// current stage.
func (r *openReporter) count(unit string, done, total int64) {
	if r == nil {
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	r.cur.Unit, r.cur.Done, r.cur.Total = unit, done, total
	r.send()
}

// close stops the heartbeat; no call to the observer follows it.
func (r *openReporter) close() {
	if r == nil {
		return
	}
	close(r.stop)
	r.done.Wait()
}
