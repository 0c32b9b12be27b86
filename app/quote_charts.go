package app

import (
	"github.com/shopspring/decimal"
)

// CostBreakdownChart is a donut of where one unit's price goes: goods,
// freight, duty, clearance, fulfilment and order fees, storage, then the shares of the price
// (VAT, referral, payment, ads, returns) and what is left as profit. It
// splits the test price, or the recommended price when there is none; with
// no price at all it shows the unit cost alone.
func CostBreakdownChart(l *Localizer, q Quote, currency string) Chart {
	c := Chart{ID: "quote_cost_breakdown", Title: l.T("pricing.chart.breakdown"), Kind: ChartDonut, Unit: currency}
	p, ok := q.In.Price, q.In.HasPrice && q.In.Price.IsPositive()
	if !ok && q.RecommendedOK {
		p, ok = q.Recommended, true
	}
	parts := []struct {
		key string
		v   decimal.Decimal
	}{
		{"pricing.part.goods", q.Goods},
		{"pricing.part.freight", q.Freight},
		{"pricing.part.duty", q.Duty},
		{"pricing.part.clearance", q.In.ClearancePerUnit},
		{"pricing.part.fees", q.In.FulfilmentFee.Add(q.In.PerOrderFee)},
		{"pricing.part.storage", q.In.StoragePerUnit},
	}
	if ok {
		c.Note = l.T("pricing.chart.breakdown_note", QuoteMoney(p), currency)
		parts = append(parts, []struct {
			key string
			v   decimal.Decimal
		}{
			{"pricing.part.vat", q.In.VATAt(p)},
			{"pricing.part.referral", p.Mul(q.In.ReferralRate)},
			{"pricing.part.payment", p.Mul(q.In.PaymentRate)},
			{"pricing.part.ads", p.Mul(q.In.AdRate)},
			{"pricing.part.returns", p.Mul(q.In.ReturnRate)},
			{"pricing.part.profit", q.In.ProfitAt(q.UnitCost, q.VarRate, p)},
		}...)
	} else {
		c.Note = l.T("pricing.chart.breakdown_landed")
	}
	s := Series{Name: l.T("pricing.chart.amount")}
	for _, part := range parts {
		if !part.v.IsPositive() {
			continue // a loss or a zero fee has no slice
		}
		c.Categories = append(c.Categories, l.T(part.key))
		s.Values = append(s.Values, part.v.Round(2).InexactFloat64())
	}
	c.Series = []Series{s}
	return c
}

// ProfitCurveChart draws profit per unit against price, with the target
// profit (target_margin * price) beside it: profit crosses zero at the
// break-even price and the target line at the recommended price. Price is a
// number axis (a scatter with its points joined), so the prices sit at their
// true distances and both lines stay straight; the break-even and
// recommended prices are points of the curves, so the crossings are exact.
func ProfitCurveChart(l *Localizer, q Quote, currency string) Chart {
	c := Chart{ID: "quote_profit_curve", Title: l.T("pricing.chart.curve"), Kind: ChartScatter,
		XLabel: l.T("pricing.chart.price", currency), YLabel: l.T("pricing.chart.profit"), Unit: currency, XUnit: currency}
	var lo, hi decimal.Decimal
	switch {
	case q.RecommendedOK:
		lo, hi = q.BreakEven.Mul(decimal.RequireFromString("0.6")), q.Recommended.Mul(decimal.RequireFromString("1.5"))
	case q.BreakEvenOK:
		lo, hi = q.BreakEven.Mul(decimal.RequireFromString("0.6")), q.BreakEven.Mul(decimal.NewFromInt(2))
	case q.In.HasPrice:
		lo, hi = q.In.Price.Div(decimal.NewFromInt(2)), q.In.Price.Mul(decimal.NewFromInt(2))
	default:
		c.Note = q.NoPriceReason(l)
		return c
	}
	if !hi.GreaterThan(lo) {
		return c
	}
	const steps = 10
	prices := []decimal.Decimal{}
	step := hi.Sub(lo).Div(decimal.NewFromInt(steps))
	for i := 0; i <= steps; i++ {
		prices = append(prices, lo.Add(step.Mul(decimal.NewFromInt(int64(i)))).Round(2))
	}
	marks := []decimal.Decimal{}
	if q.BreakEvenOK {
		marks = append(marks, q.BreakEven.Round(2))
	}
	if q.RecommendedOK {
		marks = append(marks, q.Recommended.Round(2))
	}
	if q.In.HasPrice && q.In.Price.GreaterThan(lo) && q.In.Price.LessThan(hi) {
		marks = append(marks, q.In.Price.Round(2))
	}
	prices = insertSorted(prices, marks)
	profit := Series{Name: l.T("pricing.chart.profit"), Line: true}
	target := Series{Name: l.T("pricing.chart.target_profit"), Line: true}
	for _, p := range prices {
		x := p.InexactFloat64()
		profit.Points = append(profit.Points, Point{X: x, Y: q.In.ProfitAt(q.UnitCost, q.VarRate, p).Round(2).InexactFloat64()})
		target.Points = append(target.Points, Point{X: x, Y: p.Mul(q.In.TargetMargin).Round(2).InexactFloat64()})
	}
	c.Series = []Series{profit, target}
	if q.RecommendedOK {
		c.Note = l.T("pricing.chart.curve_note", QuoteMoney(q.BreakEven), QuoteMoney(q.Recommended), currency)
	} else if q.BreakEvenOK {
		c.Note = l.T("pricing.chart.curve_note_be", QuoteMoney(q.BreakEven), currency) + " " + q.NoPriceReason(l)
	}
	return c
}

func insertSorted(sorted, add []decimal.Decimal) []decimal.Decimal {
	for _, a := range add {
		i := 0
		for i < len(sorted) && sorted[i].LessThan(a) {
			i++
		}
		if i < len(sorted) && sorted[i].Equal(a) {
			continue
		}
		sorted = append(sorted[:i], append([]decimal.Decimal{a}, sorted[i:]...)...)
	}
	return sorted
}

// NamedQuote is a quote under a label, e.g. one channel's.
type NamedQuote struct {
	Name  string
	Quote Quote
}

// QuoteComparisonChart: unit cost and recommended price side by side for
// several quotes in one currency (the same product and market over the
// channels, say); a quote no price reaches shows no price bar.
func QuoteComparisonChart(l *Localizer, id, title string, quotes []NamedQuote, currency string) Chart {
	c := Chart{ID: id, Title: title, Kind: ChartBar, YLabel: l.T("pricing.chart.amount"), Unit: currency,
		Note: l.T("pricing.chart.compare_note")}
	landed := Series{Name: l.T("pricing.result.unit_cost")}
	rec := Series{Name: l.T("pricing.result.recommended")}
	for _, nq := range quotes {
		c.Categories = append(c.Categories, nq.Name)
		landed.Values = append(landed.Values, nq.Quote.UnitCost.Round(2).InexactFloat64())
		v := 0.0
		if nq.Quote.RecommendedOK {
			v = nq.Quote.Recommended.Round(2).InexactFloat64()
		}
		rec.Values = append(rec.Values, v)
	}
	c.Series = []Series{landed, rec}
	return c
}
