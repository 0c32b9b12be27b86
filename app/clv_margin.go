package app

import (
	"context"

	"github.com/shopspring/decimal"
)

// The gross margin predicted CLV is multiplied by (issue 13). It used to
// default to 100 %, which turns a prediction of revenue into one that looks
// like profit. Unless the person types one, it is the shop's own margin:
//
//   - Each product's margin is the mean margin (profit ÷ price, as Pricing
//     computes it) of its saved quotes that carry a price, the same figure
//     the Products screen charts.
//   - The shop's margin weights each product's margin by the product's
//     sales in the orders (the last twelve months, ProductSales), so the
//     products that make the revenue make the margin.
//   - With no sales for any quoted product, it is the plain mean over the
//     quoted products; with no usable quote at all (none, or a mean that is
//     not a profit), DefaultMarginRate, said as such.

// Where a ShopMargin came from.
const (
	MarginFromSales  = "quotes_by_sales" // quote margins weighted by the products' sales
	MarginFromQuotes = "quotes"          // the mean of the quoted products' margins
	MarginDefault    = "default"         // no usable quote: DefaultMarginRate
	MarginTyped      = "typed"           // set by the person (clv --margin, the form)
)

// ShopMargin is a gross margin rate with its source, so the screen and the
// CLI can say which margin a CLV uses and why.
type ShopMargin struct {
	Rate     decimal.Decimal // 0 < Rate <= 1
	Source   string          // MarginFromSales, MarginFromQuotes, MarginDefault or MarginTyped
	Products int             // products whose quotes were used
	Quotes   int             // saved quotes with a price that were used
}

// TypedMargin is a margin the person set.
func TypedMargin(rate decimal.Decimal) ShopMargin {
	return ShopMargin{Rate: rate, Source: MarginTyped}
}

// ShopMarginFrom computes the shop's margin from saved quotes and product
// sales (the rules above).
func ShopMarginFrom(quotes []SavedQuote, sales []ProductSales) ShopMargin {
	margins := QuoteMargins(quotes)
	revenue := map[string]decimal.Decimal{}
	for _, s := range sales {
		revenue[s.SKU] = revenue[s.SKU].Add(s.Revenue).Add(s.PreviousRevenue)
	}
	weighted, weights := decimal.Zero, decimal.Zero
	plain := decimal.Zero
	var wProducts, wQuotes, quotesUsed int
	for _, pm := range margins {
		plain = plain.Add(pm.Margin)
		quotesUsed += pm.Quotes
		if w := revenue[pm.SKU]; w.IsPositive() {
			weighted = weighted.Add(pm.Margin.Mul(w))
			weights = weights.Add(w)
			wProducts++
			wQuotes += pm.Quotes
		}
	}
	out := ShopMargin{Rate: DefaultMarginRate, Source: MarginDefault}
	switch {
	case weights.IsPositive():
		out = ShopMargin{Rate: weighted.Div(weights).Round(4), Source: MarginFromSales, Products: wProducts, Quotes: wQuotes}
	case len(margins) > 0:
		out = ShopMargin{Rate: plain.Div(decimal.NewFromInt(int64(len(margins)))).Round(4), Source: MarginFromQuotes,
			Products: len(margins), Quotes: quotesUsed}
	}
	// A mean that is no profit (loss-making quotes) cannot scale a value:
	// say so by falling back to the default rather than predicting a
	// negative lifetime value from a test price.
	if !out.Rate.IsPositive() || out.Rate.GreaterThan(decimal.NewFromInt(1)) {
		out = ShopMargin{Rate: DefaultMarginRate, Source: MarginDefault}
	}
	return out
}

// MarginSources is what ShopMarginOf reads: saved quotes and product sales.
type MarginSources interface {
	Quotes(ctx context.Context) ([]SavedQuote, error)
	ProductSales(ctx context.Context) ([]ProductSales, error)
}

// ShopMarginOf reads quotes and sales from s and computes the shop's margin.
func ShopMarginOf(ctx context.Context, s MarginSources) (ShopMargin, error) {
	quotes, err := s.Quotes(ctx)
	if err != nil {
		return ShopMargin{}, err
	}
	sales, err := s.ProductSales(ctx)
	if err != nil {
		return ShopMargin{}, err
	}
	return ShopMarginFrom(quotes, sales), nil
}

// Describe says in l's language which margin is used and where it came
// from, e.g. "Gross margin 31.2 %: the saved quotes of 5 products (8
// quotes) in Pricing, weighted by each product's sales".
func (m ShopMargin) Describe(l *Localizer) string {
	pct := m.Rate.Shift(2).StringFixed(1)
	switch m.Source {
	case MarginFromSales:
		return l.T("clv.margin.from_sales", pct, m.Products, m.Quotes)
	case MarginFromQuotes:
		return l.T("clv.margin.from_quotes", pct, m.Products, m.Quotes)
	case MarginTyped:
		return l.T("clv.margin.typed", pct)
	}
	return l.T("clv.margin.default", pct)
}
