package app

import (
	"encoding/csv"
	"io"

	"github.com/shopspring/decimal"

	"github.com/seller-assistant/seller-assistant/app/format"
)

// BreakEvenLine is a product's break-even ACoS from a saved Pricing quote:
// above it the product loses money on every advertised sale.
type BreakEvenLine struct {
	Label string // product and market
	ACoS  decimal.Decimal
}

// BreakEvenLines takes the break-even ACoS of each saved quote (the newest
// per product and market), skipping quotes where it is not positive.
func BreakEvenLines(quotes []SavedQuote) []BreakEvenLine {
	seen := map[string]bool{}
	var out []BreakEvenLine
	for _, q := range quotes {
		label := q.ProductSKU + " " + q.Market
		if seen[label] {
			continue
		}
		seen[label] = true
		if be := q.Quote().BreakEvenACoS; be.IsPositive() {
			out = append(out, BreakEvenLine{Label: label, ACoS: be})
		}
	}
	return out
}

func pct(d decimal.NullDecimal) float64 {
	if !d.Valid {
		return 0
	}
	f, _ := d.Decimal.Mul(dec100).Round(2).Float64()
	return f
}

func centsFloat(c int64) float64 { return float64(c) / 100 }

// FormatPercent writes a fraction as a percent with one decimal, "—" when
// not valid.
func FormatPercent(d decimal.NullDecimal) string {
	if !d.Valid {
		return "—"
	}
	return format.Percent(d.Decimal, 1)
}

// FormatMoneyRatio writes a ratio in currency units with two places, "—"
// when not valid.
func FormatMoneyRatio(d decimal.NullDecimal) string {
	if !d.Valid {
		return "—"
	}
	return d.Decimal.StringFixed(2)
}

// AdsKPIText is the overview's figures, each with its formula.
func AdsKPIText(l *Localizer, o AdsOverview, currency string) string {
	t := o.Total
	money := func(c int64) string { return format.Money(cents(c), currency) }
	tacos := "—"
	if v := o.TACoS(); v.Valid {
		tacos = l.T("ads.kpi_tacos_value", FormatPercent(v), money(t.SpendCents), money(o.TotalSalesCents), l.T("ads.sales_source."+o.TotalSalesSource))
	}
	return l.T("ads.kpi_text", money(t.SpendCents), money(t.SalesCents), FormatPercent(t.ACoS()),
		tacos, FormatMoneyRatio(t.ROAS()), FormatMoneyRatio(t.CPC()), FormatPercent(t.CTR()), FormatPercent(t.CVR()),
		Count(t.Impressions), Count(t.Clicks), Count(t.Orders))
}

// AdsCharts are the Overview's charts: spend vs sales by week, ACoS by
// week against the target and each product's break-even ACoS, and spend vs
// sales by campaign.
func AdsCharts(l *Localizer, o AdsOverview, target decimal.Decimal, breakEvens []BreakEvenLine, currency string) []Chart {
	weekly := Chart{ID: "ads_spend_sales_weekly", Title: l.T("ads.chart_weekly"), Kind: ChartBar, YLabel: l.T("ads.money"),
		Unit: currency, Note: l.T("ads.chart_weekly_note")}
	acos := Chart{ID: "ads_acos_weekly", Title: l.T("ads.chart_acos"), Kind: ChartLine, YLabel: "ACoS", Unit: "%",
		Note: l.T("ads.chart_acos_note")}
	spend, sales := Series{Name: l.T("ads.spend")}, Series{Name: l.T("ads.sales")}
	acosS, targetS := Series{Name: "ACoS"}, Series{Name: l.T("ads.target_line", FormatPercent(decimal.NullDecimal{Decimal: target, Valid: true}))}
	var beS []Series
	for _, b := range breakEvens {
		beS = append(beS, Series{Name: l.T("ads.break_even_line", b.Label, FormatPercent(decimal.NullDecimal{Decimal: b.ACoS, Valid: true}))})
	}
	for _, w := range o.Weeks {
		cat := w.Start.Format("01-02")
		weekly.Categories = append(weekly.Categories, cat)
		acos.Categories = append(acos.Categories, cat)
		spend.Values = append(spend.Values, centsFloat(w.SpendCents))
		sales.Values = append(sales.Values, centsFloat(w.SalesCents))
		acosS.Values = append(acosS.Values, pct(w.ACoS()))
		targetS.Values = append(targetS.Values, pct(decimal.NullDecimal{Decimal: target, Valid: true}))
		for i, b := range breakEvens {
			beS[i].Values = append(beS[i].Values, pct(decimal.NullDecimal{Decimal: b.ACoS, Valid: true}))
		}
	}
	if len(o.Weeks) > 0 {
		weekly.Series = []Series{spend, sales}
		acos.Series = append([]Series{acosS, targetS}, beS...)
	}
	camp := Chart{ID: "ads_by_campaign", Title: l.T("ads.chart_campaigns"), Kind: ChartBar, YLabel: l.T("ads.money"), Unit: currency,
		Note: l.T("ads.chart_campaigns_note")}
	cs, cl := Series{Name: l.T("ads.spend")}, Series{Name: l.T("ads.sales")}
	for _, c := range o.Campaigns {
		camp.Categories = append(camp.Categories, c.Campaign)
		cs.Values = append(cs.Values, centsFloat(c.SpendCents))
		cl.Values = append(cl.Values, centsFloat(c.SalesCents))
	}
	if len(o.Campaigns) > 0 {
		camp.Series = []Series{cs, cl}
	}
	return []Chart{weekly, acos, camp}
}

// FunnelChart shows each product's sessions, units ordered and orders
// (Total Order Items) side by side, all from the Business Report so the
// three steps are the same marketplace: where the traffic is lost.
func FunnelChart(l *Localizer, rows []FunnelRow) Chart {
	c := Chart{ID: "ads_funnel", Title: l.T("ads.chart_funnel"), Kind: ChartBar, YLabel: l.T("ads.count"), Counts: true,
		Note: l.T("ads.chart_funnel_note")}
	se, un, or := Series{Name: l.T("ads.sessions")}, Series{Name: l.T("ads.units")}, Series{Name: l.T("ads.orders")}
	for _, r := range rows {
		name := r.SKU
		if name == "" {
			name = r.ASIN
		}
		c.Categories = append(c.Categories, name)
		se.Values = append(se.Values, float64(r.Sessions))
		un.Values = append(un.Values, float64(r.Units))
		or.Values = append(or.Values, float64(r.OrderItems))
	}
	if len(rows) > 0 {
		c.Series = []Series{se, un, or}
	}
	return c
}

// ActionCountsChart counts the search terms per action.
func ActionCountsChart(l *Localizer, rows []TermRow) Chart {
	c := Chart{ID: "ads_actions", Title: l.T("ads.chart_actions"), Kind: ChartBar, YLabel: l.T("ads.count"), Counts: true,
		Note: l.T("ads.chart_actions_note")}
	counts := map[string]int{}
	for _, r := range rows {
		counts[r.Action]++
	}
	s := Series{Name: l.T("ads.terms_count")}
	for _, a := range TermActions {
		c.Categories = append(c.Categories, l.T("ads.action."+a))
		s.Values = append(s.Values, float64(counts[a]))
	}
	if len(rows) > 0 {
		c.Series = []Series{s}
	}
	return c
}

// TermExplain says, for one row, why it got its action: the rule and the
// numbers, in the person's language.
func TermExplain(l *Localizer, r TermRow, rules AdsRules) string {
	t := FormatPercent(decimal.NullDecimal{Decimal: rules.TargetACoS, Valid: true})
	acos := FormatPercent(r.ACoS)
	var why string
	switch r.Action {
	case ActionNegate:
		why = l.T("ads.why.negate", r.Clicks, rules.NegateClicks)
	case ActionHarvest:
		why = l.T("ads.why.harvest", r.Orders, rules.HarvestOrders, acos, t)
	case ActionLowerBid:
		why = l.T("ads.why.lower_bid", acos, t)
	case ActionRaiseBid:
		why = l.T("ads.why.raise_bid", acos, t)
	default:
		why = l.T("ads.why.keep")
	}
	if r.SuggestedBid.Valid {
		why += " " + l.T("ads.why.bid", FormatMoneyRatio(r.CPC), t, acos, r.SuggestedBid.Decimal.StringFixed(2))
	}
	return why
}

// BulkHeader is the bulk upload sheet the Search terms tab exports: one
// row per negative keyword and per harvested term, with the match type
// names of Amazon's bulk sheets (exact, negativeExact).
var BulkHeader = []string{"Campaign", "Ad Group", "Keyword", "Match Type", "Bid"}

// BulkRows are the negatives (negative exact in their own ad group) and the
// harvest candidates (a new EXACT keyword at the suggested bid, in the same
// campaign and ad group) among rows.
func BulkRows(rows []TermRow) [][]string {
	var out [][]string
	for _, r := range rows {
		switch r.Action {
		case ActionNegate:
			out = append(out, []string{EscapeCell(r.Campaign), EscapeCell(r.AdGroup), EscapeCell(r.SearchTerm), "negativeExact", ""})
		case ActionHarvest:
			bid := ""
			if r.SuggestedBid.Valid {
				bid = r.SuggestedBid.Decimal.StringFixed(2)
			}
			out = append(out, []string{EscapeCell(r.Campaign), EscapeCell(r.AdGroup), EscapeCell(r.SearchTerm), "exact", bid})
		}
	}
	return out
}

// WriteBulkCSV writes BulkHeader and BulkRows.
func WriteBulkCSV(w io.Writer, rows []TermRow) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(BulkHeader); err != nil {
		return err
	}
	if err := cw.WriteAll(BulkRows(rows)); err != nil {
		return err
	}
	return cw.Error()
}

// NullOf is d as a valid NullDecimal, for the Format helpers.
func NullOf(d decimal.Decimal) decimal.NullDecimal {
	return decimal.NullDecimal{Decimal: d, Valid: true}
}

// AdsFiguresLine is one week's or campaign's figures on one line.
func AdsFiguresLine(l *Localizer, name string, a AdsSums, tacos decimal.NullDecimal, currency string) string {
	return l.T("ads.figures_line", name, format.Amount(cents(a.SpendCents), currency), format.Amount(cents(a.SalesCents), currency), FormatPercent(a.ACoS()),
		FormatPercent(tacos), FormatMoneyRatio(a.ROAS()), FormatMoneyRatio(a.CPC()), FormatPercent(a.CTR()), FormatPercent(a.CVR()))
}
