package app

import (
	"context"
	"strings"
)

func promotionsSection(ctx context.Context, ws Workspace, l *Localizer, o Overview) (ReportSection, error) {
	campaigns, err := ws.Campaigns(ctx)
	if err != nil {
		return ReportSection{}, err
	}
	cur := o.Info.Currency
	cpt := Table{Title: l.T("report.campaigns"), Columns: []string{l.T("campaign.name"), l.T("campaign.type"), l.T("campaign.markets"), l.T("campaign.start"), l.T("campaign.end"), l.T("campaign.budget")},
		Numeric: []bool{false, false, false, false, false, true}}
	for _, cp := range campaigns {
		cpt.Rows = append(cpt.Rows, []string{cp.Name, l.T("campaign.type." + cp.Type), strings.Join(cp.Markets, ", "),
			cp.Start.Format("2006-01-02"), cp.End.Format("2006-01-02"), cp.Budget.StringFixed(2) + " " + cur})
	}
	return ReportSection{ID: "promotions", Title: l.T("module.promotions.title"), Intro: l.T("module.promotions.summary"),
		Charts: []Chart{CampaignBudgetChart(l, campaigns, cur)}, Tables: []Table{cpt}}, nil
}
