package app

import (
	"github.com/shopspring/decimal"
)

// DailyRevenueChart draws the revenue of every day of the baseline and the
// campaign as one line, with the campaign's days shaded.
func DailyRevenueChart(l *Localizer, e Evaluation, currency string) Chart {
	c := Chart{ID: "campaign_daily_revenue", Title: l.T("promotions.chart_daily"), Kind: ChartLine,
		YLabel: l.T("chart.revenue"), Unit: currency, Note: l.T("promotions.chart_daily_note")}
	s := Series{Name: l.T("chart.revenue")}
	for _, d := range e.Baseline.Daily {
		c.Categories = append(c.Categories, d.Day.Format("01-02"))
		s.Values = append(s.Values, money(d.Value))
	}
	first := len(c.Categories)
	for _, d := range e.Campaign.Daily {
		c.Categories = append(c.Categories, d.Day.Format("01-02"))
		s.Values = append(s.Values, money(d.Value))
	}
	if len(c.Categories) == 0 {
		return c
	}
	c.Series = []Series{s}
	if first < len(c.Categories) {
		c.Shade = &ChartRange{From: first, To: len(c.Categories) - 1, Label: l.T("promotions.campaign_period")}
	}
	return c
}

// NamedEvaluation is one campaign's evaluation, for charts across campaigns.
type NamedEvaluation struct {
	Campaign   Campaign
	Evaluation Evaluation
}

// ROIByCampaignChart: ROI in percent per evaluated campaign; campaigns
// without a cost have no ROI and are left out.
func ROIByCampaignChart(l *Localizer, evals []NamedEvaluation) Chart {
	c := Chart{ID: "campaign_roi", Title: l.T("promotions.chart_roi"), Kind: ChartBar, YLabel: "ROI", Unit: "%",
		Note: l.T("promotions.roi_formula")}
	s := Series{Name: "ROI"}
	for _, ne := range evals {
		if !ne.Evaluation.HasROI {
			continue
		}
		c.Categories = append(c.Categories, ne.Campaign.Name)
		s.Values = append(s.Values, money(ne.Evaluation.ROI.Mul(decimal.NewFromInt(100))))
	}
	c.Series = []Series{s}
	return c
}

// BudgetLinesChart: each campaign's budget stacked by line.
func BudgetLinesChart(l *Localizer, campaigns []Campaign, currency string) Chart {
	c := Chart{ID: "campaign_budget_lines", Title: l.T("promotions.chart_budget_lines"), Kind: ChartStackedBar,
		YLabel: l.T("chart.budget"), Unit: currency}
	for _, name := range BudgetLineNames {
		c.Series = append(c.Series, Series{Name: l.T("promotions.line." + name)})
	}
	for _, cp := range campaigns {
		c.Categories = append(c.Categories, cp.Name)
		for i, v := range cp.Lines.Values() {
			c.Series[i].Values = append(c.Series[i].Values, money(v))
		}
	}
	return c
}
