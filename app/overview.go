package app

import (
	"context"
	"time"
)

// Overview is everything the dashboard shows, gathered in one call so the
// screen can load it off the UI goroutine and draw once.
type Overview struct {
	Info        WorkspaceInfo
	Summary     Summary
	RecentNotes []Note
	OpenRisks   []Risk
	Upcoming    []Campaign
	Monthly     []MonthValue
	Countries   []NamedValue
	Overdue     int          // open risks whose review date has passed
	Now         time.Time    // the moment the overview was read: what "today" and "this month" mean
	Ads         AdsDashboard // the funnel's KPIs (advertising module)
}

// LoadOverview reads the dashboard's figures. Every query is bounded by a
// limit or reads a summary table, so it costs the same on a large workspace.
func LoadOverview(ctx context.Context, ws Workspace, now time.Time) (Overview, error) {
	o := Overview{Now: now}
	var err error
	if o.Info, err = ws.Info(ctx); err != nil {
		return o, err
	}
	if o.Summary, err = ws.Summary(ctx); err != nil {
		return o, err
	}
	if o.RecentNotes, err = ws.RecentNotes(ctx, 5); err != nil {
		return o, err
	}
	if o.OpenRisks, err = ws.OpenRisks(ctx, 100); err != nil {
		return o, err
	}
	for _, r := range o.OpenRisks {
		if r.Overdue(now) {
			o.Overdue++
		}
	}
	if o.Upcoming, err = ws.UpcomingCampaigns(ctx, now, 5); err != nil {
		return o, err
	}
	if o.Monthly, err = ws.MonthlyRevenue(ctx); err != nil {
		return o, err
	}
	if o.Countries, err = ws.RevenueByCountry(ctx, 12); err != nil {
		return o, err
	}
	if o.Ads, err = ws.AdsDashboard(ctx); err != nil {
		return o, err
	}
	return o, nil
}
