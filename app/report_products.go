package app

import "context"

func productsSection(ctx context.Context, ws Workspace, l *Localizer, _ Overview) (ReportSection, error) {
	products, err := ws.Products(ctx)
	if err != nil {
		return ReportSection{}, err
	}
	pt := Table{Title: l.T("report.catalog"), Columns: []string{"SKU", l.T("product.name"), l.T("product.category"), l.T("product.cost_cny"), l.T("product.price_band"), l.T("product.stage"), l.T("product.status")},
		Numeric: []bool{false, false, false, true, false, false, false}}
	for _, p := range products {
		name := p.NameEn
		if l.Lang() == LangChinese && p.NameZh != "" {
			name = p.NameZh
		}
		pt.Rows = append(pt.Rows, []string{p.SKU, name, p.Category, p.PurchaseCost.StringFixed(2), l.T("product.band." + p.PriceBand), l.T("product.stage." + p.Stage), l.T("product.status." + p.Status)})
	}
	return ReportSection{ID: "products", Title: l.T("module.products.title"), Intro: l.T("module.products.summary"),
		Charts: []Chart{ProductMatrixChart(l, products)}, Tables: []Table{pt}}, nil
}
