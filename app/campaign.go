package app

import (
	"context"
	"strings"
	"time"

	"github.com/shopspring/decimal"
)

// Campaign goals and types.
var (
	CampaignGoals = []string{"awareness", "sales", "clear_stock", "new_customers"}
	CampaignTypes = []string{"discount", "coupon", "spend_save", "bundle", "gift", "flash_sale", "free_shipping"}
)

// Campaign is a planned or past promotion.
type Campaign struct {
	ID       int64
	Name     string
	Goal     string
	Type     string
	Markets  []string
	Platform string
	Start    time.Time
	End      time.Time
	Budget   decimal.Decimal // in the workspace currency
	Lift     decimal.Decimal // expected revenue lift, fraction

	// Planning and evaluation (promotions module, the rules below).
	Products   []string        // SKUs on promotion; empty means the whole shop
	Lines      BudgetLines     // Budget split by line; Budget is their total
	Plan       CampaignPlan    // per-unit planning inputs
	MarginRate decimal.Decimal // gross margin rate for ROI; zero: derived, see MarginRateFor
	Actuals    CampaignActuals // typed evaluation figures
	Notes      string
}

// BudgetLines splits a campaign's budget by what the money is spent on, all
// in the workspace currency.
type BudgetLines struct {
	Discount decimal.Decimal // the cost of the price cut itself, as planned
	Ads      decimal.Decimal // paid ads: marketplace PPC, social
	KOL      decimal.Decimal // influencers and affiliates
	Samples  decimal.Decimal // free products sent out
}

// Total is the sum of the lines: the campaign's budget as planned.
func (b BudgetLines) Total() decimal.Decimal {
	return b.Discount.Add(b.Ads).Add(b.KOL).Add(b.Samples)
}

// Cost is the campaign's cost in ROI: every line except the discount. The
// discount is money never received, so it is already missing from the
// revenue the campaign is evaluated on; subtracting it again would count it
// twice.
func (b BudgetLines) Cost() decimal.Decimal {
	return b.Ads.Add(b.KOL).Add(b.Samples)
}

// BudgetLineNames are the lines in display order; keys "promotions.line.<name>".
var BudgetLineNames = []string{"discount", "ads", "kol", "samples"}

// Values returns the lines in the order of BudgetLineNames.
func (b BudgetLines) Values() []decimal.Decimal {
	return []decimal.Decimal{b.Discount, b.Ads, b.KOL, b.Samples}
}

// CampaignPlan holds the planning inputs of one campaign, all per unit in the
// workspace currency. Zero values mean "not planned yet".
type CampaignPlan struct {
	Price         decimal.Decimal // the normal selling price of one unit
	UnitCost      decimal.Decimal // full cost of one unit (see UnitCosts); zero: from Pricing
	Discount      decimal.Decimal // the price cut as a fraction of Price, e.g. 0.20
	BaselineUnits int             // units you would sell in the same days without the campaign
}

// Typed evaluation figures, for campaigns whose orders are not in the
// workspace (e.g. a marketplace deal reported in Seller Central).
type CampaignActuals struct {
	Typed    bool // use these figures instead of the imported orders
	Baseline PeriodFigures
	Campaign PeriodFigures
}

// PeriodFigures are the sales of one period.
type PeriodFigures struct {
	From, To     time.Time // inclusive days, UTC
	Revenue      decimal.Decimal
	Orders       int
	NewCustomers int         // customers whose first order ever falls in the period
	Daily        []DayValue  // revenue per day, every day of the period (imported orders only)
	Sales        []LineSales // units and revenue by SKU and market (imported orders only)
}

// DayValue is one day's revenue.
type DayValue struct {
	Day   time.Time
	Value decimal.Decimal
}

// AOV is the average order value, revenue / orders; zero with no orders.
func (p PeriodFigures) AOV() decimal.Decimal {
	if p.Orders == 0 {
		return decimal.Zero
	}
	return p.Revenue.Div(decimal.NewFromInt(int64(p.Orders))).Round(2)
}

// Days is the length of the period in calendar days, both ends included.
func Days(from, to time.Time) int {
	return int(to.Sub(from).Hours()/24) + 1
}

// BaselinePeriod is the period of the same length that ends the day before
// the campaign starts: the "before" the campaign is compared with.
func BaselinePeriod(start, end time.Time) (from, to time.Time) {
	n := Days(start, end)
	to = start.AddDate(0, 0, -1)
	return to.AddDate(0, 0, -(n - 1)), to
}

// MarginAfterDiscount is the gross profit of one unit sold at the discounted
// price, GrossProfit(Price × (1 − Discount), 1, UnitCost): the same
// definition the evaluation applies to the orders. It can be negative: the
// campaign then loses money on every unit.
func (p CampaignPlan) MarginAfterDiscount() decimal.Decimal {
	return GrossProfit(p.DiscountedPrice(), 1, p.UnitCost)
}

// DiscountedPrice is Price × (1 − Discount).
func (p CampaignPlan) DiscountedPrice() decimal.Decimal {
	return p.Price.Mul(decimal.NewFromInt(1).Sub(p.Discount)).Round(2)
}

// NormalMargin is GrossProfit(Price, 1, UnitCost).
func (p CampaignPlan) NormalMargin() decimal.Decimal { return GrossProfit(p.Price, 1, p.UnitCost) }

// MarginRateAfterDiscount is MarginAfterDiscount / DiscountedPrice, the gross
// margin rate ROI applies to incremental revenue; zero without a price.
func (p CampaignPlan) MarginRateAfterDiscount() decimal.Decimal {
	dp := p.DiscountedPrice()
	if !dp.IsPositive() {
		return decimal.Zero
	}
	return p.MarginAfterDiscount().Div(dp).Round(4)
}

// BreakEvenExtraUnits is how many units above the baseline the campaign must
// sell to earn the same gross profit as no campaign, after its fixed costs:
//
//	(BaselineUnits + X) × m1 − fixed = BaselineUnits × m0
//	X = (BaselineUnits × (m0 − m1) + fixed) / m1
//
// with m0 = Price − UnitCost, m1 = MarginAfterDiscount and fixed the budget
// lines other than the discount (ads, KOL, samples), rounded up to whole
// units. ok is false when m1 ≤ 0: no number of extra units breaks even.
// With no fixed cost, X / BaselineUnits = d / (m − d), the guide's rule.
func (p CampaignPlan) BreakEvenExtraUnits(fixed decimal.Decimal) (units int64, ok bool) {
	m1 := p.MarginAfterDiscount()
	if !m1.IsPositive() {
		return 0, false
	}
	lost := decimal.NewFromInt(int64(p.BaselineUnits)).Mul(p.NormalMargin().Sub(m1))
	x := lost.Add(fixed).Div(m1)
	return x.Ceil().IntPart(), true
}

// ExpectedRevenue is what the campaign is expected to sell: baseline units
// lifted by the expected lift, at the price customers pay during it,
//
//	expected = BaselineUnits × (1 + lift) × Price × (1 − Discount)
//
// baseline is BaselineUnits × Price, what the same days sell without it.
func (p CampaignPlan) ExpectedRevenue(lift decimal.Decimal) (baseline, expected decimal.Decimal) {
	units := decimal.NewFromInt(int64(p.BaselineUnits))
	baseline = p.Price.Mul(units)
	return baseline, units.Mul(decimal.NewFromInt(1).Add(lift)).Mul(p.DiscountedPrice()).Round(2)
}

// ExpectedGrossProfit is the expected units × MarginAfterDiscount.
func (p CampaignPlan) ExpectedGrossProfit(lift decimal.Decimal) decimal.Decimal {
	units := decimal.NewFromInt(int64(p.BaselineUnits)).Mul(decimal.NewFromInt(1).Add(lift))
	return units.Mul(p.MarginAfterDiscount()).Round(2)
}

// BudgetShare is budget / expected revenue (0.12 = the budget eats 12% of
// what the campaign is expected to sell); ok is false with no revenue.
func BudgetShare(budget, expectedRevenue decimal.Decimal) (decimal.Decimal, bool) {
	if !expectedRevenue.IsPositive() {
		return decimal.Zero, false
	}
	return budget.Div(expectedRevenue).Round(4), true
}

// Evaluation compares a campaign period with its baseline.
type Evaluation struct {
	Baseline, Campaign PeriodFigures
	Lift               decimal.Decimal // (campaign revenue − baseline revenue) / baseline revenue
	HasLift            bool            // false when the baseline sold nothing
	IncrementalRevenue decimal.Decimal // campaign revenue − baseline revenue
	MarginRate         decimal.Decimal // margin rate for revenue with no unit cost (typed figures, unknown SKUs)
	// Gross profit of each period, see GrossProfit: revenue as sold − units
	// × unit cost, summed over the campaign's products and markets.
	CampaignGrossProfit, BaselineGrossProfit decimal.Decimal
	IncrementalProfit                        decimal.Decimal // CampaignGrossProfit − BaselineGrossProfit
	Cost                                     decimal.Decimal // the budget lines except the discount
	Discount                                 decimal.Decimal // the planned discount line: shown, not a cost
	ROI                                      decimal.Decimal // (IncrementalProfit − Cost) / Cost
	HasROI                                   bool            // false when the campaign cost nothing
	Partial                                  bool            // a running campaign, evaluated to date
	// Units of both periods by where their unit cost came from.
	UnitsBySource map[CostSource]int64
}

// Evaluate computes lift and ROI from revenue alone, for typed figures
// that carry no units: the gross profit of each period is revenue × margin
// rate, so
//
//	lift = (campaign revenue − baseline revenue) / baseline revenue
//	incremental gross profit = (campaign revenue − baseline revenue) × margin rate
//	ROI = (incremental gross profit − cost) / cost
//
// with cost the budget lines except the discount (BudgetLines.Cost). ROI of 0
// means the campaign paid back its cost exactly; −1 means none of it came back.
func Evaluate(baseline, campaign PeriodFigures, marginRate, cost decimal.Decimal) Evaluation {
	e := Evaluation{Baseline: baseline, Campaign: campaign, MarginRate: marginRate}
	e.BaselineGrossProfit = baseline.Revenue.Mul(marginRate).Round(2)
	e.CampaignGrossProfit = campaign.Revenue.Mul(marginRate).Round(2)
	e.finish(cost)
	e.roi()
	return e
}

// finish fills lift, the increment and the cost from the periods.
func (e *Evaluation) finish(cost decimal.Decimal) {
	e.Cost = cost
	e.IncrementalRevenue = e.Campaign.Revenue.Sub(e.Baseline.Revenue)
	if e.Baseline.Revenue.IsPositive() {
		e.Lift, e.HasLift = e.IncrementalRevenue.Div(e.Baseline.Revenue).Round(4), true
	}
	e.IncrementalProfit = e.CampaignGrossProfit.Sub(e.BaselineGrossProfit)
}

func (e *Evaluation) roi() {
	if e.Cost.IsPositive() {
		e.ROI, e.HasROI = e.IncrementalProfit.Sub(e.Cost).Div(e.Cost).Round(4), true
	}
}

// DefaultMarginRate is the gross margin rate used for ROI when a campaign
// has no plan to derive it from: a typical marketplace gross margin.
var DefaultMarginRate = decimal.RequireFromString("0.35")

// MarginRateFor is the gross margin rate for revenue that has no unit cost
// (typed figures, SKUs outside the catalogue): the campaign's own rate if
// set, else the plan's margin after discount, else DefaultMarginRate.
func MarginRateFor(c Campaign) decimal.Decimal {
	if c.MarginRate.IsPositive() {
		return c.MarginRate
	}
	if r := c.Plan.MarginRateAfterDiscount(); r.IsPositive() {
		return r
	}
	return DefaultMarginRate
}

// OrderFilter narrows the orders a campaign is evaluated on: empty lists
// mean all markets or all products.
type OrderFilter struct {
	Markets []string // ISO country codes
	SKUs    []string // stock codes
}

// CampaignStore is what the promotions screen needs beyond app.Workspace.
type CampaignStore interface {
	// Campaign returns one campaign; ENotFound when there is none.
	Campaign(ctx context.Context, id int64) (Campaign, error)
	// SaveCampaign inserts c when c.ID is 0, else updates it; it returns the id.
	SaveCampaign(ctx context.Context, c Campaign) (int64, error)
	DeleteCampaign(ctx context.Context, id int64) error
	// PeriodFigures sums the imported order lines of the inclusive days
	// from..to, with one DayValue per day.
	PeriodFigures(ctx context.Context, from, to time.Time, f OrderFilter) (PeriodFigures, error)
	// MarketEvents are the stored events of year, by start date.
	MarketEvents(ctx context.Context, year int) ([]MarketEvent, error)
	// SaveMarketEvent inserts e when e.ID is 0, else updates it.
	SaveMarketEvent(ctx context.Context, e MarketEvent) (int64, error)
	DeleteMarketEvent(ctx context.Context, id int64) error
}

// EvaluateCampaign evaluates c on the day of now from its typed figures or,
// when it has none, from the imported orders of its markets and products:
//
//	campaign gross profit = Σ over SKU × market of (revenue as sold − units × unit cost)
//	baseline gross profit = the same over the equally long period just before
//	incremental gross profit = campaign − baseline
//	cost = the budget lines except the discount
//	ROI = (incremental gross profit − cost) / cost
//
// Unit costs come from costs (see UnitCosts). A running campaign is
// evaluated from its first day to today against as many days before it, and
// the result is marked Partial. A planned campaign evaluates to nothing.
func EvaluateCampaign(ctx context.Context, st CampaignStore, c Campaign, costs UnitCosts, now time.Time) (Evaluation, error) {
	from, to, partial, ok := c.EvaluationPeriod(now)
	if !ok {
		return Evaluation{}, nil
	}
	cost := c.Lines.Cost()
	if c.Actuals.Typed {
		e := Evaluate(c.Actuals.Baseline, c.Actuals.Campaign, MarginRateFor(c), cost)
		e.Discount, e.Partial = c.Lines.Discount, partial
		return e, nil
	}
	f := OrderFilter{Markets: c.Markets, SKUs: c.Products}
	bf, bt := BaselinePeriod(from, to)
	base, err := st.PeriodFigures(ctx, bf, bt, f)
	if err != nil {
		return Evaluation{}, err
	}
	camp, err := st.PeriodFigures(ctx, from, to, f)
	if err != nil {
		return Evaluation{}, err
	}
	e := Evaluation{Baseline: base, Campaign: camp, MarginRate: MarginRateFor(c), Discount: c.Lines.Discount,
		Partial: partial, UnitsBySource: map[CostSource]int64{}}
	e.BaselineGrossProfit = salesGrossProfit(base.Sales, costs, e.MarginRate, e.UnitsBySource)
	e.CampaignGrossProfit = salesGrossProfit(camp.Sales, costs, e.MarginRate, e.UnitsBySource)
	e.finish(cost)
	e.roi()
	return e, nil
}

// Validate checks a campaign before it is saved; the error names the field.
func (c Campaign) Validate() error {
	if strings.TrimSpace(c.Name) == "" {
		return Errorf(EInvalid, "promotions.err_name")
	}
	if !campaignListHas(CampaignGoals, c.Goal) {
		return Errorf(EInvalid, "promotions.err_goal", c.Goal)
	}
	if !campaignListHas(CampaignTypes, c.Type) {
		return Errorf(EInvalid, "promotions.err_type", c.Type)
	}
	if c.Start.IsZero() || c.End.IsZero() {
		return Errorf(EInvalid, "promotions.err_dates")
	}
	if c.End.Before(c.Start) {
		return Errorf(EInvalid, "promotions.err_end_before_start")
	}
	for _, v := range c.Lines.Values() {
		if v.IsNegative() {
			return Errorf(EInvalid, "promotions.err_negative")
		}
	}
	if c.Plan.Discount.IsNegative() || c.Plan.Discount.GreaterThanOrEqual(decimal.NewFromInt(1)) {
		return Errorf(EInvalid, "promotions.err_discount")
	}
	if c.Plan.Price.IsNegative() || c.Plan.UnitCost.IsNegative() || c.Plan.BaselineUnits < 0 {
		return Errorf(EInvalid, "promotions.err_plan_negative")
	}
	if c.MarginRate.IsNegative() || c.MarginRate.GreaterThan(decimal.NewFromInt(1)) {
		return Errorf(EInvalid, "promotions.err_margin_rate")
	}
	return nil
}

func campaignListHas(list []string, v string) bool {
	for _, s := range list {
		if s == v {
			return true
		}
	}
	return false
}

// ParseMoney reads an amount a person typed ("1,200.50", " 80 "); empty is
// zero. field is the translation key of the field, named in the error.
func ParseMoney(s, field string) (decimal.Decimal, error) {
	s = strings.ReplaceAll(strings.TrimSpace(s), ",", "")
	if s == "" {
		return decimal.Zero, nil
	}
	d, err := decimal.NewFromString(s)
	if err != nil {
		return decimal.Zero, Errorf(EInvalid, "promotions.err_number", field, s)
	}
	return d, nil
}

// ParsePercent reads a percentage a person typed ("20", "20%", "12.5") as a
// fraction (0.20); empty is zero.
func ParsePercent(s, field string) (decimal.Decimal, error) {
	s = strings.TrimSuffix(strings.TrimSpace(s), "%")
	d, err := ParseMoney(s, field)
	if err != nil {
		return d, err
	}
	return d.Div(decimal.NewFromInt(100)), nil
}

// Percent formats a fraction as a percentage with one decimal: 0.1234 -> "12.3%".
func Percent(d decimal.Decimal) string {
	return d.Mul(decimal.NewFromInt(100)).StringFixed(1) + "%"
}
