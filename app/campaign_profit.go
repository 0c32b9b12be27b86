package app

import (
	"context"
	"strings"
	"time"

	"github.com/shopspring/decimal"
)

// GrossProfit is the one definition of gross profit that planning and
// evaluation share: what the units were sold for (after any discount, i.e.
// the price actually paid) minus what they cost,
//
//	gross profit = revenue − units × unit cost
//
// Planning calls it for one unit at the discounted price (the margin after
// discount); evaluation calls it for every SKU × market of a period with the
// revenue of the imported order lines. The discount is therefore counted
// once, inside the revenue, and never again as a cost.
func GrossProfit(revenue decimal.Decimal, units int64, unitCost decimal.Decimal) decimal.Decimal {
	return revenue.Sub(decimal.NewFromInt(units).Mul(unitCost))
}

// LineSales is what one SKU sold in one market during a period: units net of
// cancellations and the revenue as sold, in the workspace currency.
type LineSales struct {
	SKU, Market string
	Units       int64
	Revenue     decimal.Decimal
}

// CostSource says where a unit cost came from.
type CostSource string

const (
	// CostQuote: Pricing's unit cost from a quote saved for the SKU and the
	// market (QuoteUnitCost): landed + fulfilment + per-order fee + storage.
	CostQuote CostSource = "quote"
	// CostPurchase: no quote for that market; the product's purchase cost
	// (CNY) converted to the workspace currency. Freight and fees are not in
	// it, so the gross profit is too high by those.
	CostPurchase CostSource = "purchase"
	// CostEstimate: the SKU is not in the catalogue (or the workspace
	// currency has no CNY rate); cost is revenue × (1 − the campaign's
	// margin rate, see MarginRateFor).
	CostEstimate CostSource = "estimate"
)

// UnitCosts finds the cost of one unit of a SKU sold in a market, in the
// workspace currency, for campaign planning and evaluation.
//
// Where the figures come from, and the currencies:
//   - Order lines are in the workspace currency (WorkspaceInfo.Currency, USD in
//     the demo): the import stores prices as they are, with no currency.
//   - A saved quote is in its selling currency (SavedQuote.Currency) and
//     carries its own fx_rate, CNY per unit of that currency. Its unit cost
//     is turned into CNY at that rate and into the workspace currency at the
//     workspace currency's rate below — the same CNY bridge Pricing uses.
//   - A product's purchase cost is in CNY (products.cost_fen); it is divided
//     by the workspace currency's rate: CNY per unit of that currency from
//     Pricing's market defaults (7.20 CNY per USD, 9.10 per GBP, 7.75 per EUR,
//     0.048 per JPY), 1 for a CNY workspace.
//
// A quote for the SKU in the market of the order line wins (the newest, when
// several platforms or channels were quoted); else the purchase cost; else
// the margin-rate estimate.
type UnitCosts struct {
	Currency string
	rate     decimal.Decimal            // CNY per unit of Currency; zero when unknown
	purchase map[string]decimal.Decimal // SKU -> purchase cost, CNY
	quoted   map[[2]string]decimal.Decimal
}

// CurrencyRate is CNY per unit of currency, from Pricing's market defaults;
// ok is false for a currency none of them uses.
func CurrencyRate(currency string) (decimal.Decimal, bool) {
	currency = strings.ToUpper(strings.TrimSpace(currency))
	if currency == "CNY" {
		return decimal.NewFromInt(1), true
	}
	for _, m := range marketDefaults {
		if m.Currency == currency {
			return m.FXRate, true
		}
	}
	return decimal.Zero, false
}

// QuoteUnitCost is the full cost of one unit sold in a quote, in its
// selling currency: Pricing's unit_cost, landed (goods + freight + duty +
// clearance) + fulfilment fee + per-order fee + storage. Price-linked fees
// (referral, payment, ads, returns) are not in it: they follow the price.
func QuoteUnitCost(q Quote) decimal.Decimal { return q.UnitCost }

// NewUnitCosts indexes the catalogue and the saved quotes (newest first, as
// QuoteStore.Quotes lists them) for a workspace in currency.
func NewUnitCosts(currency string, products []Product, quotes []SavedQuote) UnitCosts {
	u := UnitCosts{Currency: strings.ToUpper(currency), purchase: map[string]decimal.Decimal{}, quoted: map[[2]string]decimal.Decimal{}}
	u.rate, _ = CurrencyRate(currency)
	for _, p := range products {
		u.purchase[p.SKU] = p.PurchaseCost
	}
	for _, q := range quotes {
		key := [2]string{q.ProductSKU, strings.ToUpper(q.Market)}
		if _, seen := u.quoted[key]; seen || q.ProductSKU == "" || q.Input.Validate() != nil {
			continue // a quote that cannot be computed costs nothing: fall back
		}
		cost := QuoteUnitCost(q.Quote())
		if !strings.EqualFold(q.Currency, u.Currency) {
			if !u.rate.IsPositive() || !q.Input.FXRate.IsPositive() {
				continue
			}
			cost = cost.Mul(q.Input.FXRate).Div(u.rate)
		}
		u.quoted[key] = cost // unrounded: only the gross profit is rounded, to the cent
	}
	return u
}

// Cost is the unit cost of sku sold in market, in the workspace currency;
// ok is false when neither a quote nor a purchase cost can be used.
func (u UnitCosts) Cost(sku, market string) (cost decimal.Decimal, src CostSource, ok bool) {
	if c, found := u.quoted[[2]string{sku, strings.ToUpper(market)}]; found {
		return c, CostQuote, true
	}
	if c, found := u.purchase[sku]; found && u.rate.IsPositive() {
		return c.Div(u.rate), CostPurchase, true
	}
	return decimal.Zero, CostEstimate, false
}

// PlanUnitCost is the average unit cost of skus over markets (all of the
// products' quoted markets when markets is empty), the figure planning uses
// when the plan has no unit cost typed; ok is false when none is known.
func (u UnitCosts) PlanUnitCost(skus, markets []string) (decimal.Decimal, bool) {
	sum, n := decimal.Zero, int64(0)
	for _, sku := range skus {
		ms := markets
		if len(ms) == 0 {
			ms = nil // never append into the caller's slice
			for k := range u.quoted {
				if k[0] == sku {
					ms = append(ms, k[1])
				}
			}
			if len(ms) == 0 {
				ms = []string{""}
			}
		}
		for _, m := range ms {
			if c, _, ok := u.Cost(sku, m); ok {
				sum, n = sum.Add(c), n+1
			}
		}
	}
	if n == 0 {
		return decimal.Zero, false
	}
	return sum.Div(decimal.NewFromInt(n)).Round(2), true
}

// CostSources is what loading unit costs needs from a workspace.
type CostSources interface {
	Info(ctx context.Context) (WorkspaceInfo, error)
	Products(ctx context.Context) ([]Product, error)
	Quotes(ctx context.Context) ([]SavedQuote, error)
}

// LoadUnitCosts reads the catalogue and the saved quotes of ws.
func LoadUnitCosts(ctx context.Context, ws CostSources) (UnitCosts, error) {
	info, err := ws.Info(ctx)
	if err != nil {
		return UnitCosts{}, err
	}
	ps, err := ws.Products(ctx)
	if err != nil {
		return UnitCosts{}, err
	}
	qs, err := ws.Quotes(ctx)
	if err != nil {
		return UnitCosts{}, err
	}
	return NewUnitCosts(info.Currency, ps, qs), nil
}

// Campaign statuses by the date: before its first day, on its days, after.
const (
	StatusPlanned = "planned"
	StatusRunning = "running"
	StatusPast    = "past"
)

// Today is the UTC day of now, the day campaign statuses are judged on.
func Today(now time.Time) time.Time { return now.UTC().Truncate(24 * time.Hour) }

// Status is planned, running or past on the day of now (UTC): a campaign is
// running from its first day through its last, both included.
func (c Campaign) Status(now time.Time) string {
	today := Today(now)
	switch {
	case c.End.Before(today):
		return StatusPast
	case c.Start.After(today):
		return StatusPlanned
	default:
		return StatusRunning
	}
}

// EvaluationPeriod is the campaign days evaluated on the day of now: all of
// them once it is past, the days up to and including today while it runs
// (partial is then true). A planned campaign has no period (ok false).
func (c Campaign) EvaluationPeriod(now time.Time) (from, to time.Time, partial, ok bool) {
	switch c.Status(now) {
	case StatusPlanned:
		return time.Time{}, time.Time{}, false, false
	case StatusRunning:
		today := Today(now)
		return c.Start, today, today.Before(c.End), true
	}
	return c.Start, c.End, false, true
}

// salesGrossProfit sums GrossProfit over a period's sales with costs; lines
// whose SKU has no known cost fall back to revenue × margin rate. units
// counts the units by cost source.
func salesGrossProfit(sales []LineSales, costs UnitCosts, marginRate decimal.Decimal, units map[CostSource]int64) decimal.Decimal {
	gp := decimal.Zero
	for _, s := range sales {
		cost, src, ok := costs.Cost(s.SKU, s.Market)
		if ok {
			gp = gp.Add(GrossProfit(s.Revenue, s.Units, cost))
		} else {
			gp = gp.Add(s.Revenue.Mul(marginRate))
		}
		units[src] += s.Units
	}
	return gp.Round(2)
}
