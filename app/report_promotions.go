package app

import (
	"context"
	"strconv"
	"strings"
	"time"
)

// promotionsSection: budgets by line, the evaluation and ROI of every
// campaign that has started, and the market calendar of the year. The
// builder has no clock of its own, so "started" is judged against the time
// the report is built.
func promotionsSection(ctx context.Context, ws Workspace, l *Localizer, o Overview) (ReportSection, error) {
	campaigns, err := ws.Campaigns(ctx)
	if err != nil {
		return ReportSection{}, err
	}
	now := time.Now().UTC()
	today := now.Truncate(24 * time.Hour)
	cur := o.Info.Currency
	cpt := Table{Title: l.T("report.campaigns"), Columns: []string{l.T("campaign.name"), l.T("promotions.col_goal"), l.T("campaign.type"),
		l.T("campaign.markets"), l.T("promotions.col_dates"), l.T("campaign.budget"), l.T("promotions.col_lift_expected")},
		Numeric: []bool{false, false, false, false, false, true, true}}
	evt := Table{Title: l.T("promotions.report_eval"), Columns: []string{l.T("campaign.name"), l.T("promotions.eval_baseline"),
		l.T("promotions.eval_campaign"), l.T("promotions.col_lift"), l.T("promotions.new_customers"), l.T("promotions.col_cost"), l.T("promotions.col_roi")},
		Numeric: []bool{false, true, true, true, true, true, true}}
	var evals []NamedEvaluation
	var lastDaily *Evaluation
	for _, cp := range campaigns {
		markets := strings.Join(cp.Markets, ", ")
		if markets == "" {
			markets = l.T("promotions.everywhere")
		}
		cpt.Rows = append(cpt.Rows, []string{cp.Name, l.T("promotions.goal." + cp.Goal), l.T("campaign.type." + cp.Type), markets,
			cp.Start.Format("2006-01-02") + " – " + cp.End.Format("2006-01-02"), cp.Budget.StringFixed(2) + " " + cur, Percent(cp.Lift)})
		if cp.Start.After(today) {
			continue
		}
		e, err := EvaluateCampaign(ctx, ws, cp)
		if err != nil {
			return ReportSection{}, err
		}
		evals = append(evals, NamedEvaluation{Campaign: cp, Evaluation: e})
		lift, roi := "–", "–"
		if e.HasLift {
			lift = Percent(e.Lift)
		}
		if e.HasROI {
			roi = Percent(e.ROI)
		}
		name := cp.Name
		if cp.Actuals.Typed {
			name += " (" + l.T("promotions.eval_source_typed") + ")"
		} else if cp.End.Before(today) {
			ev := e
			lastDaily = &ev
		}
		evt.Rows = append(evt.Rows, []string{name, e.Baseline.Revenue.StringFixed(2), e.Campaign.Revenue.StringFixed(2), lift,
			strconv.Itoa(e.Campaign.NewCustomers), e.Cost.StringFixed(2), roi})
	}
	charts := []Chart{BudgetLinesChart(l, campaigns, cur), ROIByCampaignChart(l, evals)}
	if lastDaily != nil {
		charts = append(charts, DailyRevenueChart(l, *lastDaily, cur))
	}
	events, err := ws.MarketEvents(ctx, now.Year())
	if err != nil {
		return ReportSection{}, err
	}
	if len(events) == 0 {
		events = DefaultMarketEvents(now.Year()) // the report only reads; the screen stores them
	}
	et := Table{Title: l.T("promotions.report_events", now.Year()), Columns: []string{l.T("promotions.event_name"), l.T("promotions.col_dates"), l.T("promotions.col_markets")}}
	for _, e := range events {
		dates := e.Start.Format("2006-01-02")
		if !e.End.Equal(e.Start) {
			dates += " – " + e.End.Format("2006-01-02")
		}
		markets := strings.Join(e.Markets, ", ")
		if markets == "" {
			markets = l.T("promotions.everywhere")
		}
		et.Rows = append(et.Rows, []string{e.Title(l), dates, markets})
	}
	return ReportSection{ID: "promotions", Title: l.T("module.promotions.title"), Intro: l.T("promotions.report_intro"),
		Charts: charts, Tables: []Table{cpt, evt, et}}, nil
}
