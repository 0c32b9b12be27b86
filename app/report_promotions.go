package app

import (
	"context"
	"strings"
	"time"

	"github.com/seller-assistant/seller-assistant/app/format"
)

// promotionsSection: budgets by line, the evaluation and ROI of every
// finished campaign, running campaigns evaluated to date (partial, and
// never among the finished ones), and the market calendar of the year.
// "Today" is the overview's moment, so the section is testable.
func promotionsSection(ctx context.Context, ws Workspace, l *Localizer, o *reportInputs) (ReportSection, error) {
	campaigns, err := ws.Campaigns(ctx)
	if err != nil {
		return ReportSection{}, err
	}
	costs, err := LoadUnitCosts(ctx, ws)
	if err != nil {
		return ReportSection{}, err
	}
	now := o.Now
	if now.IsZero() {
		now = time.Now()
	}
	now = now.UTC()
	cur := o.Info.Currency
	cpt := Table{Title: l.T("report.campaigns"), Columns: []string{l.T("campaign.name"), l.T("promotions.col_goal"), l.T("campaign.type"),
		l.T("campaign.markets"), l.T("promotions.col_dates"), l.T("promotions.col_status"), l.T("campaign.budget"), l.T("promotions.col_lift_expected")},
		Numeric: []bool{false, false, false, false, false, false, true, true}}
	evalTable := func(title string) Table {
		return Table{Title: title, Columns: []string{l.T("campaign.name"), l.T("promotions.eval_baseline"),
			l.T("promotions.eval_campaign"), l.T("promotions.col_lift"), l.T("promotions.new_customers"),
			l.T("promotions.col_gross_profit"), l.T("promotions.col_cost"), l.T("promotions.col_roi")},
			Numeric: []bool{false, true, true, true, true, true, true, true}}
	}
	evt := evalTable(l.T("promotions.report_eval"))
	run := evalTable(l.T("promotions.report_running"))
	var evals []NamedEvaluation
	var lastDaily *Evaluation
	for _, cp := range campaigns {
		markets := strings.Join(cp.Markets, ", ")
		if markets == "" {
			markets = l.T("promotions.everywhere")
		}
		status := cp.Status(now)
		cpt.Rows = append(cpt.Rows, []string{cp.Name, l.T("promotions.goal." + cp.Goal), l.T("campaign.type." + cp.Type), markets,
			cp.Start.Format("2006-01-02") + " – " + cp.End.Format("2006-01-02"), l.T("promotions.status." + status),
			format.Fixed(cp.Budget, 2) + " " + cur, Percent(cp.Lift)})
		if status == StatusPlanned {
			continue
		}
		e, err := EvaluateCampaign(ctx, ws, cp, costs, now)
		if err != nil {
			return ReportSection{}, err
		}
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
		}
		row := []string{name, format.Fixed(e.Baseline.Revenue, 2), format.Fixed(e.Campaign.Revenue, 2), lift,
			format.Int(int64(e.Campaign.NewCustomers)), format.Fixed(e.IncrementalProfit, 2), format.Fixed(e.Cost, 2), roi}
		if status == StatusRunning {
			_, to, _, _ := cp.EvaluationPeriod(now)
			row[0] += " (" + l.T("promotions.partial_to", to.Format("2006-01-02"), Days(cp.Start, to), Days(cp.Start, cp.End)) + ")"
			run.Rows = append(run.Rows, row)
			continue
		}
		evals = append(evals, NamedEvaluation{Campaign: cp, Evaluation: e})
		if !cp.Actuals.Typed {
			ev := e
			lastDaily = &ev
		}
		evt.Rows = append(evt.Rows, row)
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
		Charts: charts, Tables: tablesWithRows(cpt, evt, run, et)}, nil
}

// tablesWithRows leaves out tables with no rows (no campaign running today)
// but keeps the first, the list every section starts with.
func tablesWithRows(ts ...Table) []Table {
	out := ts[:1]
	for _, t := range ts[1:] {
		if len(t.Rows) > 0 {
			out = append(out, t)
		}
	}
	return out
}
