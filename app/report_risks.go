package app

import (
	"context"
	"fmt"
	"time"
)

// risksSection: the register with scores, the heatmap of open risks, open
// risks by category, overdue reviews and the checklists' progress.
func risksSection(ctx context.Context, ws Workspace, l *Localizer, _ *reportInputs) (ReportSection, error) {
	risks, err := ws.Risks(ctx)
	if err != nil {
		return ReportSection{}, err
	}
	now := time.Now()
	rt := Table{Title: l.T("report.risk_register"), Columns: []string{l.T("risk.title"), l.T("risk.category"), l.T("risk.likelihood"), l.T("risk.impact"),
		l.T("risk.score"), l.T("risks.col_level"), l.T("risk.owner"), l.T("risks.col_mitigation"), l.T("risk.status"), l.T("risk.review")},
		Numeric: []bool{false, false, true, true, true, false, false, false, false, false}}
	for _, rk := range risks {
		review := ""
		if !rk.ReviewDate.IsZero() {
			review = rk.ReviewDate.Format("2006-01-02")
			if rk.Overdue(now) {
				review += " (" + l.T("risk.overdue") + ")"
			}
		}
		rt.Rows = append(rt.Rows, []string{rk.Title, l.T("risk.category." + rk.Category), fmt.Sprint(rk.Likelihood), fmt.Sprint(rk.Impact),
			fmt.Sprint(rk.Score()), l.T("risk.level." + rk.Level()), rk.Owner, rk.Mitigation, l.T("risk.status." + rk.Status), review})
	}
	ot := Table{Title: l.T("risks.overdue_list"), Columns: []string{l.T("risk.title"), l.T("risk.owner"), l.T("risk.review"), l.T("risk.score")},
		Numeric: []bool{false, false, false, true}}
	for _, rk := range OverdueRisks(risks, now) {
		ot.Rows = append(ot.Rows, []string{rk.Title, rk.Owner, rk.ReviewDate.Format("2006-01-02"), fmt.Sprint(rk.Score())})
	}
	lists, err := ws.Checklists(ctx)
	if err != nil {
		return ReportSection{}, err
	}
	ct := Table{Title: l.T("risks.report_checklists"), Columns: []string{l.T("risks.col_checklist"), l.T("risks.col_progress"), l.T("risks.col_open_items")},
		Numeric: []bool{false, true, true}}
	for _, c := range lists {
		done, total := c.Progress()
		late := 0
		for _, it := range c.Items {
			if it.Overdue(now) {
				late++
			}
		}
		ct.Rows = append(ct.Rows, []string{c.Name(l), l.T("risks.progress", done, total), fmt.Sprint(late)})
	}
	return ReportSection{ID: "risks", Title: l.T("module.risks.title"), Intro: l.T("risks.report_intro"),
		Charts: []Chart{RiskHeatmapChart(l, risks), OpenRisksByCategoryChart(l, risks), RisksByCategoryChart(l, risks)},
		Tables: []Table{rt, ot, ct}}, nil
}
