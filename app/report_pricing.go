package app

import (
	"context"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/seller-assistant/seller-assistant/app/format"
)

// pricingSection reports the saved quotes: each one's landed cost and
// and unit cost and prices, the margin of each at its test price (a rate, so quotes in
// different currencies compare), and where the newest quote's price goes.
func pricingSection(ctx context.Context, ws Workspace, l *Localizer, _ *reportInputs) (ReportSection, error) {
	quotes, err := ws.Quotes(ctx)
	if err != nil {
		return ReportSection{}, err
	}
	tb := Table{Title: l.T("pricing.report.quotes"),
		Columns: []string{l.T("pricing.field.product"), l.T("pricing.field.market"), l.T("pricing.field.platform"),
			l.T("pricing.field.channel"), l.T("pricing.report.currency"), l.T("pricing.result.landed"), l.T("pricing.result.unit_cost"), l.T("pricing.result.break_even"),
			l.T("pricing.result.recommended"), l.T("pricing.result.charm"), l.T("pricing.field.price"), l.T("pricing.result.margin")},
		Numeric: []bool{false, false, false, false, false, true, true, true, true, true, true, true}}
	margins := Chart{ID: "quote_margins", Title: l.T("pricing.report.margins"), Kind: ChartBar, YLabel: l.T("pricing.result.margin"),
		Unit: "%", Note: l.T("pricing.report.margins_note")}
	ms := Series{Name: l.T("pricing.result.margin")}
	none := l.T("pricing.result.no_price")
	for _, sq := range quotes {
		q := sq.Quote()
		money := func(d decimal.Decimal) string { return format.Amount(d, sq.Currency) } // the currency's decimals: none for JPY
		be, rec, charm, price, margin := none, none, none, "", ""
		if q.BreakEvenOK {
			be = money(q.BreakEven)
		}
		if q.RecommendedOK {
			rec, charm = money(q.Recommended), money(q.Charm)
		}
		if sq.Input.HasPrice {
			price, margin = money(sq.Input.Price), QuoteRate(q.Margin)
			margins.Categories = append(margins.Categories, sq.ProductSKU+" "+sq.Market)
			ms.Values = append(ms.Values, q.Margin.Shift(2).Round(1).InexactFloat64())
		}
		tb.Rows = append(tb.Rows, []string{sq.ProductSKU + " " + sq.ProductName, CountryName(l, sq.Market), sq.Platform, sq.Channel,
			sq.Currency, money(q.Landed), money(q.UnitCost), be, rec, charm, price, margin})
	}
	margins.Series = []Series{ms}
	sec := ReportSection{ID: "pricing", Title: l.T("module.pricing.title"), Intro: l.T("pricing.report.intro"), Tables: []Table{tb}}
	sec.Charts = append(sec.Charts, margins)
	if len(quotes) > 0 {
		newest := quotes[0]
		c := CostBreakdownChart(l, newest.Quote(), newest.Currency)
		c.Title += " — " + newest.ProductSKU + " " + newest.Market
		sec.Charts = append(sec.Charts, c)
	}
	return sec, nil
}

// marketNames names each market of a "DE,FR" list.
func marketNames(l *Localizer, codes string) string {
	var out []string
	for _, c := range strings.Split(codes, ",") {
		if c = strings.TrimSpace(c); c != "" {
			out = append(out, CountryName(l, c))
		}
	}
	return strings.Join(out, ", ")
}

// reportParcel is the parcel the report ranks channels for: half a kilo in
// a 20 x 15 x 8 cm box, cost, speed and stability weighed equally.
var reportParcel = Parcel{WeightKg: decimal.RequireFromString("0.5"), LengthCm: decimal.NewFromInt(20),
	WidthCm: decimal.NewFromInt(15), HeightCm: decimal.NewFromInt(8)}
