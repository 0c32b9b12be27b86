package app_test

import (
	"testing"

	"github.com/seller-assistant/seller-assistant/app"
)

func TestRiskHeatmapChart(t *testing.T) {
	l := app.English()
	c := app.RiskHeatmapChart(l, []app.Risk{
		{Likelihood: 5, Impact: 5, Status: "open"},
		{Likelihood: 5, Impact: 5, Status: "mitigating"},
		{Likelihood: 1, Impact: 2, Status: "open"},
		{Likelihood: 3, Impact: 3, Status: "closed"}, // closed risks leave the matrix
		{Likelihood: 9, Impact: 1, Status: "open"},   // out of range: ignored, not a crash
	})
	if err := c.Validate(); err != nil {
		t.Fatal(err)
	}
	if c.YCategories[0] != "5" || c.Matrix[0][4] != 2 {
		t.Fatalf("top-right cell (impact 5, likelihood 5) = %v, want 2; rows %v", c.Matrix[0][4], c.YCategories)
	}
	if c.Matrix[3][0] != 1 || c.Matrix[2][2] != 0 {
		t.Fatalf("matrix %v", c.Matrix)
	}
}
