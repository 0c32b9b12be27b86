package app

import (
	"context"
	"slices"

	"github.com/seller-assistant/seller-assistant/app/format"
)

// adsReportTerms is how many search terms to act on the report lists.
const adsReportTerms = 20

// adsSection: the advertising figures with their formulas, the overview and
// funnel charts, the search terms to act on (biggest spend first) and the
// funnel per product, over every day imported.
func adsSection(ctx context.Context, ws Workspace, l *Localizer, _ *reportInputs) (ReportSection, error) {
	v, err := LoadAds(ctx, ws, AdsFilter{})
	if err != nil {
		return ReportSection{}, err
	}
	sec := ReportSection{ID: "ads", Title: l.T("module.ads.title")}
	o := v.Overview
	if o.From.IsZero() && len(v.Funnel) == 0 {
		sec.Intro = l.T("ads.empty_hint")
		return sec, nil
	}
	rows := v.Rows()
	sec.Intro = AdsKPIText(l, o, v.Days.Currency)
	if !o.From.IsZero() {
		sec.Intro = l.T("ads.report_intro", o.From.Format("2006-01-02"), o.To.Format("2006-01-02"), l.T("ads.source."+v.Days.Source)) + " " + sec.Intro
	}
	sec.Charts = append(AdsCharts(l, o, v.ChartTarget(), v.BreakEvens, v.Days.Currency), ActionCountsChart(l, rows), FunnelChart(l, v.Funnel))

	act := slices.DeleteFunc(slices.Clone(rows), func(r TermRow) bool { return r.Action == ActionKeep })
	slices.SortStableFunc(act, func(a, b TermRow) int { return int(b.SpendCents - a.SpendCents) })
	tt := Table{Title: l.T("ads.report_terms", min(len(act), adsReportTerms), len(act)),
		Columns: []string{l.T("ads.th.search_term"), l.T("ads.th.campaign"), l.T("ads.th.match_type"), l.T("ads.th.clicks"),
			l.T("ads.th.spend"), l.T("ads.th.sales"), l.T("ads.th.acos"), l.T("ads.th.action"), l.T("ads.th.suggested_bid")},
		Numeric: []bool{false, false, false, true, true, true, true, false, true}}
	for _, r := range act[:min(len(act), adsReportTerms)] {
		tt.Rows = append(tt.Rows, []string{r.SearchTerm, r.Campaign, r.MatchType, format.Int(r.Clicks), format.Amount(cents(r.SpendCents), v.Days.Currency),
			format.Amount(cents(r.SalesCents), v.Days.Currency), FormatPercent(r.ACoS), l.T("ads.action." + r.Action), FormatMoneyRatio(r.SuggestedBid)})
	}
	ft := Table{Title: l.T("ads.tab_funnel"), Columns: []string{l.T("ads.funnel_col.product"), l.T("ads.funnel_col.sessions"),
		l.T("ads.funnel_col.units"), l.T("ads.funnel_col.orders"), l.T("ads.funnel_col.conversion"), l.T("ads.funnel_col.aov"),
		l.T("ads.funnel_col.repeat"), l.T("ads.funnel_col.buy_box")}, Numeric: []bool{false, true, true, true, true, true, true, true}}
	for _, f := range v.Funnel {
		ft.Rows = append(ft.Rows, []string{f.SKU + " " + f.ASIN, format.Int(int64(f.Sessions)), format.Int(int64(f.Units)), format.Int(int64(f.OrderItems)),
			FormatPercent(f.ConversionRate()), FormatMoneyRatio(f.AOV()), FormatPercent(f.RepeatRate()), FormatPercent(NullOf(f.BuyBox()))})
	}
	sec.Tables = []Table{tt, ft}
	sec.Intro += " " + l.T("ads.funnel_note")
	return sec, nil
}
