package app

import (
	"context"
	"time"

	"github.com/seller-assistant/seller-assistant/app/format"
)

// OpenStage is what opening a workspace is doing.
type OpenStage int

const (
	// OpenBackingUp: an older workspace is copied before it is migrated.
	OpenBackingUp OpenStage = iota + 1
	// OpenMigrating: migration Step of Steps is running.
	OpenMigrating
	// OpenCompacting: the file is written anew without the space the
	// migrations freed.
	OpenCompacting
)

// OpenProgress is what opening a workspace reports while it works: only an
// older workspace, which is backed up and migrated, reports at all. Done of
// Total counts the units Unit names (order lines read, summary rows
// written); Total is 0 while the step has no measure, and then the report
// is a sign of life with the time spent so far.
type OpenProgress struct {
	Stage       OpenStage
	Step, Steps int    // the migration running (1-based) of those this open runs
	Unit        string // translation key of "%s of %s <units>", or ""
	Done, Total int64
	Elapsed     time.Duration // since the open began
}

// Fraction is Done/Total in 0..1, or -1 when the step has no measure.
func (p OpenProgress) Fraction() float64 {
	if p.Total <= 0 {
		return -1
	}
	return min(1, float64(p.Done)/float64(p.Total))
}

// Status is the report as one or two lines for the person, in l's language.
func (p OpenProgress) Status(l *Localizer) string {
	var s string
	switch p.Stage {
	case OpenBackingUp:
		s = l.T("open.progress.backup")
	case OpenCompacting:
		s = l.T("open.progress.compact")
	default:
		s = l.T("open.progress.migrate", p.Step, p.Steps)
	}
	if p.Unit != "" && p.Total > 0 {
		s += "\n" + l.T(p.Unit, format.Int(p.Done), format.Int(p.Total))
	}
	return s + "\n" + l.T("open.progress.elapsed", format.Int(int64(p.Elapsed/time.Second)))
}

// openProgressKey carries an OpenProgress observer in a context.
type openProgressKey struct{}

// WithOpenProgress returns ctx carrying report, which Opener.Open (and a
// start that opens a workspace) calls while it backs up and migrates an
// older workspace: from its own goroutine, one call at a time, about twice
// a second or more often. It travels in the context, as net/http/httptrace
// does with its hooks, because it observes and changes nothing: every
// caller of Open keeps its signature, and one that sets no observer (a
// test, a command that needs no report) gets none.
func WithOpenProgress(ctx context.Context, report func(OpenProgress)) context.Context {
	return context.WithValue(ctx, openProgressKey{}, report)
}

// OpenProgressFrom is the observer ctx carries, or nil.
func OpenProgressFrom(ctx context.Context) func(OpenProgress) {
	f, _ := ctx.Value(openProgressKey{}).(func(OpenProgress))
	return f
}
