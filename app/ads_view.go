package app

import (
	"context"
	"slices"
	"time"

	"github.com/shopspring/decimal"
)

// AdsView is what the Advertising screen and the report's section show: one
// period's reads and the overview built from them.
type AdsView struct {
	Filter     AdsFilter
	Days       AdsDays
	Terms      []TermTotals
	Exact      ExactTargets
	Rules      []CampaignAdsRules
	Funnel     []FunnelRow
	BreakEvens []BreakEvenLine
	Overview   AdsOverview
}

// Rows evaluates the search terms with each campaign's saved rules.
func (v AdsView) Rows() []TermRow {
	return EvaluateTerms(v.Terms, RulesLookup(v.Rules, DefaultAdsRules(), AdsRulesOverride{}), v.Exact)
}

// LoadAds reads everything the Advertising screen and the report show for
// the period of f.
func LoadAds(ctx context.Context, ws Workspace, f AdsFilter) (AdsView, error) {
	d := AdsView{Filter: f}
	var err error
	if d.Days, err = ws.AdsDays(ctx, f); err != nil {
		return d, err
	}
	if d.Terms, err = ws.SearchTerms(ctx, f); err != nil {
		return d, err
	}
	if d.Exact, err = ws.ExactTargets(ctx); err != nil {
		return d, err
	}
	if d.Rules, err = ws.AdsRules(ctx); err != nil {
		return d, err
	}
	if d.Funnel, err = ws.Funnel(ctx, f); err != nil {
		return d, err
	}
	quotes, err := ws.Quotes(ctx)
	if err != nil {
		return d, err
	}
	d.BreakEvens = BreakEvenLines(quotes)
	// TACoS: ad spend ÷ the sales of the same products over the same days,
	// from the imported orders — the products the campaigns are tied to
	// (Campaign rules ▸ SKU), or every product when none is.
	skuSales := map[string]int64{}
	var skus []string
	for _, r := range d.Rules {
		if r.SKU != "" && !slices.Contains(skus, r.SKU) {
			skus = append(skus, r.SKU)
		}
	}
	o := BuildAdsOverview(d.Days, d.Rules, nil)
	if !o.From.IsZero() {
		to := o.To
		if !f.To.IsZero() && f.To.After(to) {
			to = f.To
		}
		pf, err := ws.PeriodFigures(ctx, o.From, to, OrderFilter{SKUs: skus})
		if err != nil {
			return d, err
		}
		for _, sku := range skus {
			sp, err := ws.PeriodFigures(ctx, o.From, to, OrderFilter{SKUs: []string{sku}})
			if err != nil {
				return d, err
			}
			skuSales[sku] = sp.Revenue.Shift(2).IntPart()
		}
		o = BuildAdsOverview(d.Days, d.Rules, skuSales)
		o.TotalSalesCents, o.TotalSalesSource = pf.Revenue.Shift(2).IntPart(), "orders"
		weekly := map[time.Time]int64{}
		for _, dv := range pf.Daily {
			weekly[WeekStart(dv.Day)] += dv.Value.Shift(2).IntPart()
		}
		for i := range o.Weeks {
			o.Weeks[i].TotalSalesCents = weekly[o.Weeks[i].Start]
		}
	}
	if o.TotalSalesCents == 0 {
		var biz int64
		for _, r := range d.Funnel {
			biz += r.SalesCents
		}
		o.TotalSalesCents, o.TotalSalesSource = biz, "business"
		if biz == 0 {
			o.TotalSalesSource = ""
		}
	}
	d.Overview = o
	return d, nil
}

// ChartTarget is the target ACoS the overview's chart draws: the campaigns'
// own when they all share one, else the default.
func (v AdsView) ChartTarget() decimal.Decimal {
	look := RulesLookup(v.Rules, DefaultAdsRules(), AdsRulesOverride{})
	var t decimal.Decimal
	for i, c := range v.Overview.Campaigns {
		ct := look(c.Campaign).TargetACoS
		if i > 0 && !ct.Equal(t) {
			return DefaultAdsRules().TargetACoS
		}
		t = ct
	}
	if len(v.Overview.Campaigns) == 0 {
		return DefaultAdsRules().TargetACoS
	}
	return t
}
