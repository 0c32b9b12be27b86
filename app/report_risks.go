package app

import (
	"context"
	"fmt"
)

func risksSection(ctx context.Context, ws Workspace, l *Localizer, _ Overview) (ReportSection, error) {
	risks, err := ws.Risks(ctx)
	if err != nil {
		return ReportSection{}, err
	}
	rt := Table{Title: l.T("report.risk_register"), Columns: []string{l.T("risk.title"), l.T("risk.category"), l.T("risk.likelihood"), l.T("risk.impact"), l.T("risk.score"), l.T("risk.owner"), l.T("risk.status"), l.T("risk.review")},
		Numeric: []bool{false, false, true, true, true, false, false, false}}
	for _, rk := range risks {
		review := ""
		if !rk.ReviewDate.IsZero() {
			review = rk.ReviewDate.Format("2006-01-02")
		}
		rt.Rows = append(rt.Rows, []string{rk.Title, l.T("risk.category." + rk.Category), fmt.Sprint(rk.Likelihood), fmt.Sprint(rk.Impact),
			fmt.Sprint(rk.Score()), rk.Owner, l.T("risk.status." + rk.Status), review})
	}
	return ReportSection{ID: "risks", Title: l.T("module.risks.title"), Intro: l.T("module.risks.summary"),
		Charts: []Chart{RiskHeatmapChart(l, risks), RisksByCategoryChart(l, risks)}, Tables: []Table{rt}}, nil
}
