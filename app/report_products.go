package app

import (
	"context"
	"fmt"
	"strings"

	"github.com/seller-assistant/seller-assistant/app/format"
)

// productsSection: the portfolio charts (price band × lifecycle, growth vs
// share, margin from saved quotes, pipeline), the catalogue and the
// new-product pipeline with checklist progress.
func productsSection(ctx context.Context, ws Workspace, l *Localizer, _ *reportInputs) (ReportSection, error) {
	products, err := ws.Products(ctx)
	if err != nil {
		return ReportSection{}, err
	}
	sales, err := ws.ProductSales(ctx)
	if err != nil {
		return ReportSection{}, err
	}
	var quotes []SavedQuote
	if qs, ok := ws.(interface {
		Quotes(ctx context.Context) ([]SavedQuote, error)
	}); ok {
		if quotes, err = qs.Quotes(ctx); err != nil {
			return ReportSection{}, err
		}
	}
	pts := Portfolio(products, sales)
	charts := []Chart{ProductMatrixChart(l, products), PortfolioChart(l, pts), PipelineChart(l, products)}
	if mc := MarginChart(l, quotes); !mc.Empty() {
		charts = append(charts, mc)
	}

	pt := Table{Title: l.T("report.catalog"), Columns: []string{"SKU", l.T("product.name"), l.T("product.category"), l.T("product.cost_cny"),
		l.T("products.weight_kg"), l.T("products.markets"), l.T("product.price_band"), l.T("products.role"), l.T("product.stage"), l.T("product.status")},
		Numeric: []bool{false, false, false, true, true, false, false, false, false, false}}
	for _, p := range products {
		pt.Rows = append(pt.Rows, []string{p.SKU, p.Name(l), p.Category, format.Fixed(p.PurchaseCost, 2), p.WeightKg.String(), strings.Join(p.Markets, ", "),
			l.T("product.band." + p.PriceBand), optLabel(l, "products.role.", p.Role), l.T("product.stage." + p.Stage), l.T("product.status." + p.Status)})
	}
	bt := Table{Title: l.T("products.chart_bcg"), Columns: []string{"SKU", l.T("product.name"), l.T("products.growth"), l.T("products.share"), l.T("products.quadrant")},
		Numeric: []bool{false, false, true, true, false}}
	for _, pt := range pts {
		share := format.Fixed(pt.Share, 2) + "×" // a ratio, never a percent
		if pt.User {
			share += " " + l.T("products.user_figure")
		}
		bt.Rows = append(bt.Rows, []string{pt.Product.SKU, pt.Product.Name(l), format.Fixed(pt.Growth.Shift(2), 1) + "%", share, l.T("products.quadrant." + pt.Quadrant)})
	}
	pl := Table{Title: l.T("products.tab_pipeline"), Columns: []string{"SKU", l.T("product.name"), l.T("products.pipeline"), l.T("products.stage_checks"), l.T("products.packaging")},
		Numeric: []bool{false, false, false, true, true}}
	for _, p := range products {
		if p.Pipeline == "" {
			continue
		}
		done, err := ws.Checks(ctx, p.ID)
		if err != nil {
			return ReportSection{}, err
		}
		sd, sa, pd, pa := CheckProgress(p, done)
		pl.Rows = append(pl.Rows, []string{p.SKU, p.Name(l), l.T("products.pipeline." + p.Pipeline), fmt.Sprintf("%d / %d", sd, sa), fmt.Sprintf("%d / %d", pd, pa)})
	}
	return ReportSection{ID: "products", Title: l.T("module.products.title"), Intro: l.T("products.report_intro"),
		Charts: charts, Tables: []Table{pt, bt, pl}}, nil
}

// optLabel translates an optional choice; an empty value stays empty
// rather than showing a bare key.
func optLabel(l *Localizer, prefix, v string) string {
	if v == "" {
		return ""
	}
	return l.T(prefix + v)
}
