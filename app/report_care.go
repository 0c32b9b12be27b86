package app

import (
	"context"
	"fmt"
	"time"

	"github.com/seller-assistant/seller-assistant/app/format"
)

// careReportDays is the period the care section covers: the last month of
// service, as the KPI screen shows by default.
const careReportDays = 30

// careSection: the service KPIs with their charts over the last 30 days and
// the open cases with their deadlines.
func careSection(ctx context.Context, ws Workspace, l *Localizer, o *reportInputs) (ReportSection, error) {
	now := time.Now()
	from := now.AddDate(0, 0, -careReportDays)
	cases, err := ws.Cases(ctx, CareFilter{From: from})
	if err != nil {
		return ReportSection{}, err
	}
	bh, err := ws.BusinessHours(ctx)
	if err != nil {
		return ReportSection{}, err
	}
	targets, err := ws.Targets(ctx)
	if err != nil {
		return ReportSection{}, err
	}
	orders, err := ws.OrdersByCountry(ctx, from, now)
	if err != nil {
		return ReportSection{}, err
	}
	tiering, err := o.customerTiering(ctx, ws)
	if err != nil {
		return ReportSection{}, err
	}
	// Only the cases' customers are looked up: a map of every customer
	// (90k at a million lines) would be built for a few dozen cases.
	tiers := map[string]Tier{}
	for _, c := range cases {
		tiers[c.CustomerID] = ""
	}
	for _, sc := range tiering.Scored {
		if _, ok := tiers[sc.ID]; ok {
			tiers[sc.ID] = sc.Tier
		}
	}
	k := KPIsOf(cases, bh, targets, now)
	within := 0.0
	if k.Answered > 0 {
		within = 100 * float64(k.WithinTarget) / float64(k.Answered)
	}
	kt := Table{Title: l.T("care.report_kpis"), Columns: []string{l.T("report.figure"), l.T("report.value")}, Numeric: []bool{false, true},
		Rows: [][]string{
			{l.T("care.chart_cases"), format.Int(int64(k.Cases))},
			{l.T("care.filter_open"), format.Int(int64(k.Open))},
			{l.T("care.filter_late"), fmt.Sprint(k.Late)},
			{l.T("care.within_target"), fmt.Sprintf("%.0f%%", within)},
			{l.T("care.report_median_first"), DurationText(l, k.MedianFirstResponse)},
			{l.T("care.report_median_resolution"), DurationText(l, k.MedianResolution)},
			{"CSAT", fmt.Sprintf("%.0f%% (%d)", k.Feedback.CSAT, k.Feedback.CSATAnswers)},
			{"NPS", fmt.Sprintf("%.0f (%d)", k.Feedback.NPS, k.Feedback.NPSAnswers)},
		}}
	ot := Table{Title: l.T("care.report_open"), Columns: []string{"#", l.T("care.customer"), l.T("care.type"), l.T("care.platform"),
		l.T("care.status"), l.T("care.opened"), l.T("care.report_deadline")}, Numeric: []bool{true, false, false, false, false, false, false}}
	zone := bh.Zone
	for _, c := range cases {
		if !c.Open() {
			continue
		}
		dl := c.Deadline(bh, targets.For(c.Platform))
		deadline := dl.In(bh.loc()).Format("2006-01-02 15:04")
		if c.Late(bh, targets.For(c.Platform), now) {
			deadline += " (" + l.T("care.late") + ")"
		}
		who := c.CustomerID
		if c.CustomerName != "" {
			who += " " + c.CustomerName
		}
		ot.Rows = append(ot.Rows, []string{fmt.Sprint(c.ID), who, l.T("care.type." + c.Type), c.Platform, l.T("care.status." + c.Status),
			c.Opened.In(bh.loc()).Format("2006-01-02 15:04"), deadline})
	}
	return ReportSection{ID: "care", Title: l.T("module.care.title"), Intro: l.T("care.report_intro", careReportDays, zone),
		Charts: CareCharts(l, CareChartInput{Cases: cases, Hours: bh, Targets: targets, Orders: orders, Tiers: tiers, Now: now}),
		Tables: []Table{kt, ot}}, nil
}
