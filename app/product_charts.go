package app

// ProductMatrixChart counts products by price band (rows) and lifecycle
// stage (columns): where the line is thin or crowded.
func ProductMatrixChart(l *Localizer, products []Product) Chart {
	c := Chart{ID: "product_matrix", Title: l.T("chart.product_matrix"), Kind: ChartHeatmap,
		XLabel: l.T("product.stage"), YLabel: l.T("product.price_band"), Unit: l.T("chart.products_unit")}
	col := map[string]int{}
	for i, st := range LifecycleStages {
		c.Categories = append(c.Categories, l.T("product.stage."+st))
		col[st] = i
	}
	row := map[string]int{}
	for i, b := range PriceBands {
		c.YCategories = append(c.YCategories, l.T("product.band."+b))
		row[b] = i
		c.Matrix = append(c.Matrix, make([]float64, len(LifecycleStages)))
	}
	for _, p := range products {
		r, ok1 := row[p.PriceBand]
		s, ok2 := col[p.Stage]
		if ok1 && ok2 && p.Status != "retired" {
			c.Matrix[r][s]++
		}
	}
	return c
}
