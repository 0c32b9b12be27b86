package app_test

import (
	"testing"

	"github.com/seller-assistant/seller-assistant/app"
)

func TestProductMatrixChart(t *testing.T) {
	c := app.ProductMatrixChart(app.English(), []app.Product{
		{PriceBand: "high", Stage: "growth", Status: "listed"},
		{PriceBand: "high", Stage: "growth", Status: "idea"},
		{PriceBand: "low", Stage: "decline", Status: "retired"}, // retired products are off the map
	})
	if err := c.Validate(); err != nil {
		t.Fatal(err)
	}
	if c.Matrix[0][1] != 2 || c.Matrix[2][3] != 0 {
		t.Fatalf("matrix %v", c.Matrix)
	}
}
