package screens

import (
	"context"
	"log"
	"time"

	"fyne.io/fyne/v2/widget"

	"github.com/seller-assistant/seller-assistant/app"
)

// The dashboard's list of customer-care follow-ups due today or overdue.
// It is read in the dashboard's own background load, so the dashboard still
// posts one UI update.

func loadDueFollowUps(ctx context.Context, ws app.Workspace, now time.Time) ([]app.Interaction, error) {
	return ws.DueFollowUps(ctx, app.Day(now), 6)
}

func (d *dashboard) fillFollowUps(due []app.Interaction, err error) {
	l, now := d.s.l, d.s.env.Now()
	d.follow.Objects = nil
	if err != nil {
		// The rest of the dashboard is still worth showing; say so in place.
		log.Printf("dashboard follow-ups: %v", err)
		d.follow.Add(widget.NewLabel(l.Message(err)))
	}
	for _, f := range due {
		meta := f.CustomerID + "  " + l.T("care.due_today")
		if f.Overdue(now) {
			meta = f.CustomerID + "  " + l.T("care.overdue_since", f.Due.Format("2006-01-02"))
		}
		d.follow.Add(listLine(meta, f.Body, f.Overdue(now)))
	}
	if len(due) == 0 && err == nil {
		d.follow.Add(widget.NewLabel(l.T("dash.none")))
	}
	d.follow.Refresh()
}
