package app

import (
	"fmt"
)

// RiskHeatmapChart counts risks in each likelihood x impact cell; impact 5 is
// the top row, as risk matrices are read.
func RiskHeatmapChart(l *Localizer, risks []Risk) Chart {
	c := Chart{ID: "risk_heatmap", Title: l.T("chart.risk_heatmap"), Kind: ChartHeatmap,
		XLabel: l.T("risk.likelihood"), YLabel: l.T("risk.impact"), Unit: l.T("chart.risks_unit"),
		Note: l.T("chart.risk_heatmap_note")}
	for i := 1; i <= 5; i++ {
		c.Categories = append(c.Categories, fmt.Sprint(i))
	}
	c.Matrix = make([][]float64, 5)
	for row := range c.Matrix {
		c.YCategories = append(c.YCategories, fmt.Sprint(5-row))
		c.Matrix[row] = make([]float64, 5)
	}
	for _, r := range risks {
		if r.Status == "closed" || r.Likelihood < 1 || r.Likelihood > 5 || r.Impact < 1 || r.Impact > 5 {
			continue
		}
		c.Matrix[5-r.Impact][r.Likelihood-1]++
	}
	return c
}

// RisksByCategoryChart: risks per category, stacked by status.
func RisksByCategoryChart(l *Localizer, risks []Risk) Chart {
	c := Chart{ID: "risks_by_category", Title: l.T("chart.risks_by_category"), Kind: ChartStackedBar, YLabel: l.T("chart.risks_unit"), Counts: true}
	idx := map[string]int{}
	for i, cat := range RiskCategories {
		c.Categories = append(c.Categories, l.T("risk.category."+cat))
		idx[cat] = i
	}
	for _, st := range RiskStatuses {
		s := Series{Name: l.T("risk.status." + st), Values: make([]float64, len(RiskCategories))}
		for _, r := range risks {
			if i, ok := idx[r.Category]; ok && r.Status == st {
				s.Values[i]++
			}
		}
		c.Series = append(c.Series, s)
	}
	return c
}
