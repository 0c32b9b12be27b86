package app

import (
	"context"
	"slices"
	"sort"
	"time"

	"github.com/shopspring/decimal"
)

// Customer tiering (issue 4). The rules, as the guide states them:
//
//   - A line with no customer id is not a customer's.
//   - A cancellation is a line whose invoice id starts with "C" or whose
//     quantity is below zero (IsCancellation).
//   - frequency = distinct non-cancelled orders of the customer.
//   - monetary = sum of quantity x unit price over all the customer's lines;
//     cancellations net it down.
//   - recency = calendar days from the customer's last non-cancelled order
//     date to the as-of date (default: the day after the newest order).
//   - Customers with no non-cancelled order are not scored (kept apart).
//   - Each of R, F, M is scored 1..5 with ties sharing a score:
//     score = 1 + floor(5 x W / N), N the scored customers, W how many of them
//     are strictly worse (larger recency, smaller frequency, smaller monetary).
//   - FM = floor((F + M + 1) / 2): the mean of the F and M scores with halves
//     rounded up (FMScore), so spending (购买力 in the B2C tiering method)
//     counts as much as how often a customer buys.
//   - The segment comes from (R, FM) by SegmentOf; the tier from the segment
//     by TierOf.
//   - With an as-of date, lines dated on or after it do not exist for R, F
//     and M (CustomerStatsAsOf); a customer with no line before it is not
//     scored at all.

// CustomerStat is one customer's order figures, summed from order lines.
type CustomerStat struct {
	ID         string
	Country    string          // the country of most of the customer's lines
	Orders     int             // distinct non-cancelled orders: the frequency
	Lines      int             // all lines, cancellations included
	Monetary   decimal.Decimal // quantity x unit price over all lines, net of cancellations
	FirstOrder time.Time       // date of the first non-cancelled order; zero if none
	LastOrder  time.Time       // date of the last non-cancelled order; zero if none
}

// Segment is an RFM segment, named as marketers name them in English; the
// value is also the CLI's and the export's segment column.
type Segment string

const (
	SegChampions          Segment = "Champions"
	SegLoyal              Segment = "Loyal Customers"
	SegPotentialLoyalists Segment = "Potential Loyalists"
	SegNew                Segment = "New Customers"
	SegPromising          Segment = "Promising"
	SegNeedAttention      Segment = "Need Attention"
	SegAboutToSleep       Segment = "About to Sleep"
	SegAtRisk             Segment = "At Risk"
	SegCantLose           Segment = "Can't Lose Them"
	SegHibernating        Segment = "Hibernating"
)

// Segments lists every segment, best first, as screens and reports show them.
var Segments = []Segment{SegChampions, SegLoyal, SegPotentialLoyalists, SegNew, SegPromising,
	SegNeedAttention, SegAboutToSleep, SegAtRisk, SegCantLose, SegHibernating}

// Key is the segment's translation-key suffix.
func (s Segment) Key() string {
	return map[Segment]string{SegChampions: "champions", SegLoyal: "loyal", SegPotentialLoyalists: "potential_loyalists",
		SegNew: "new", SegPromising: "promising", SegNeedAttention: "need_attention", SegAboutToSleep: "about_to_sleep",
		SegAtRisk: "at_risk", SegCantLose: "cant_lose", SegHibernating: "hibernating"}[s]
}

// FMScore is the combined frequency-monetary score, floor((f + m + 1) / 2):
// the mean of F and M with halves rounded up, so F 5 M 2 gives 4 and F 1
// M 2 gives 2. Segmenting on F alone put the biggest spenders with few
// orders among the lost and the potential; with FM, spending counts.
func FMScore(f, m int) int { return (f + m + 1) / 2 }

// SegmentOf maps an (R, FM) score pair to its segment (FMScore; before
// issue 13 the second score was F alone, on the same grid):
//
//	r 1-2: fm 1-2 Hibernating, fm 3-4 At Risk, fm 5 Can't Lose Them
//	r 3:   fm 1-2 About to Sleep, fm 3 Need Attention, fm 4-5 Loyal Customers
//	r 4:   fm 1 Promising, fm 2-3 Potential Loyalists, fm 4-5 Loyal Customers
//	r 5:   fm 1 New Customers, fm 2-3 Potential Loyalists, fm 4-5 Champions
//
// Scores outside 1..5 are clamped.
func SegmentOf(r, f int) Segment {
	r, f = max(1, min(5, r)), max(1, min(5, f))
	switch {
	case r <= 2 && f <= 2:
		return SegHibernating
	case r <= 2 && f <= 4:
		return SegAtRisk
	case r <= 2:
		return SegCantLose
	case r == 3 && f <= 2:
		return SegAboutToSleep
	case r == 3 && f == 3:
		return SegNeedAttention
	case f >= 4 && r <= 4:
		return SegLoyal
	case r == 4 && f == 1:
		return SegPromising
	case r == 5 && f == 1:
		return SegNew
	case f <= 3:
		return SegPotentialLoyalists
	default:
		return SegChampions
	}
}

// Tier is one of the four customer tiers the business works with.
type Tier string

const (
	TierHighValue Tier = "high_value" // 高价值
	TierLoyal     Tier = "loyal"      // 忠诚
	TierPotential Tier = "potential"  // 潜在
	TierLost      Tier = "lost"       // 流失
)

// Tiers lists the tiers, best first.
var Tiers = []Tier{TierHighValue, TierLoyal, TierPotential, TierLost}

// TierOf maps a segment to its tier:
//
//	high_value: Champions (recent, frequent: personalised recommendations)
//	loyal:      Loyal Customers, Potential Loyalists (buying again: points and rewards)
//	potential:  New Customers, Promising, Need Attention (targeted campaigns)
//	lost:       About to Sleep, At Risk, Can't Lose Them, Hibernating (win-back offers)
func TierOf(s Segment) Tier {
	switch s {
	case SegChampions:
		return TierHighValue
	case SegLoyal, SegPotentialLoyalists:
		return TierLoyal
	case SegNew, SegPromising, SegNeedAttention:
		return TierPotential
	default:
		return TierLost
	}
}

// CustomerScore is a scored customer.
type CustomerScore struct {
	CustomerStat
	RecencyDays int
	R, F, M     int
	FM          int // FMScore(F, M): the second axis of the segment grid
	Segment     Segment
	Tier        Tier
}

// Tiering is the result of scoring every customer at one as-of date.
type Tiering struct {
	AsOf     time.Time
	Scored   []CustomerScore // in the order of the stats given
	Unscored []CustomerStat  // customers with no non-cancelled order
}

// DefaultAsOf is the day after the newest non-cancelled order of stats, the
// as-of date when none is set; zero when there are none.
func DefaultAsOf(stats []CustomerStat) time.Time {
	var last time.Time
	for _, c := range stats {
		if c.LastOrder.After(last) {
			last = c.LastOrder
		}
	}
	if last.IsZero() {
		return last
	}
	return Day(last).AddDate(0, 0, 1)
}

// Day truncates t to its UTC calendar date.
func Day(t time.Time) time.Time {
	t = t.UTC()
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// DaysBetween counts calendar days from a to b (negative if b is earlier).
func DaysBetween(a, b time.Time) int {
	return int(Day(b).Sub(Day(a)).Hours() / 24)
}

// ScoreCustomers scores stats at asOf (zero: DefaultAsOf). It sorts three
// copies of the keys, so 100k customers take a few tens of milliseconds.
func ScoreCustomers(stats []CustomerStat, asOf time.Time) Tiering {
	if asOf.IsZero() {
		asOf = DefaultAsOf(stats)
	}
	t := Tiering{AsOf: Day(asOf), Scored: make([]CustomerScore, 0, len(stats))}
	for _, c := range stats {
		if c.Orders <= 0 || c.LastOrder.IsZero() {
			t.Unscored = append(t.Unscored, c)
			continue
		}
		t.Scored = append(t.Scored, CustomerScore{CustomerStat: c, RecencyDays: DaysBetween(c.LastOrder, t.AsOf)})
	}
	n := len(t.Scored)
	if n == 0 {
		return t
	}
	// Larger recency is worse: negate so that "smaller is worse" holds for all three.
	rec := make([]int64, n)
	freq := make([]int64, n)
	mon := make([]int64, n)
	for i, c := range t.Scored {
		rec[i] = -int64(c.RecencyDays)
		freq[i] = int64(c.Orders)
		mon[i] = c.Monetary.Shift(2).Round(0).IntPart()
	}
	rs, fs, ms := QuintileScores(rec), QuintileScores(freq), QuintileScores(mon)
	for i := range t.Scored {
		c := &t.Scored[i]
		c.R, c.F, c.M = rs[i], fs[i], ms[i]
		c.FM = FMScore(c.F, c.M)
		c.Segment = SegmentOf(c.R, c.FM)
		c.Tier = TierOf(c.Segment)
	}
	return t
}

// QuintileScores scores each value 1 + floor(5 x W / N), W the number of
// values strictly smaller (worse) than it, so equal values share a score.
func QuintileScores(values []int64) []int {
	n := len(values)
	sorted := slices.Clone(values)
	slices.Sort(sorted)
	out := make([]int, n)
	for i, v := range values {
		// The first index of v in the sorted copy counts the values below it.
		w, _ := slices.BinarySearch(sorted, v)
		out[i] = 1 + 5*w/n
	}
	return out
}

// LTV is lifetime value with its inputs, so screens can show how it was
// computed: Value = AvgOrderValue x PurchasesPerYear x LifetimeYears.
type LTV struct {
	AvgOrderValue    decimal.Decimal // monetary / orders
	PurchasesPerYear decimal.Decimal // orders x 365 / days observed
	LifetimeYears    decimal.Decimal // expected customer lifetime, an assumption the user can set
	Value            decimal.Decimal
}

// DefaultLifetimeYears is the expected lifetime used when none is set: three
// years, a common planning figure for repeat-purchase consumer goods.
var DefaultLifetimeYears = decimal.NewFromInt(3)

// LifetimeValue computes LTV from totals: monetary over orders by customers
// customers, observed for days days (at least 1).
func LifetimeValue(monetary decimal.Decimal, orders, customers, days int, lifetimeYears decimal.Decimal) LTV {
	l := LTV{LifetimeYears: lifetimeYears}
	if orders <= 0 || customers <= 0 {
		l.AvgOrderValue, l.PurchasesPerYear, l.Value = decimal.Zero, decimal.Zero, decimal.Zero
		return l
	}
	days = max(days, 1)
	l.AvgOrderValue = monetary.Div(decimal.NewFromInt(int64(orders))).Round(2)
	l.PurchasesPerYear = decimal.NewFromInt(int64(orders) * 365).Div(decimal.NewFromInt(int64(days) * int64(customers))).Round(2)
	l.Value = monetary.Div(decimal.NewFromInt(int64(orders))).
		Mul(decimal.NewFromInt(int64(orders) * 365).Div(decimal.NewFromInt(int64(days) * int64(customers)))).
		Mul(lifetimeYears).Round(2)
	return l
}

// ObservedDays is the window LTV frequencies are measured over: from the
// first order of any customer to the as-of date.
func (t Tiering) ObservedDays() int {
	var first time.Time
	for _, c := range t.Scored {
		if first.IsZero() || c.FirstOrder.Before(first) {
			first = c.FirstOrder
		}
	}
	if first.IsZero() {
		return 1
	}
	return max(1, DaysBetween(first, t.AsOf))
}

// CustomerLTV is one customer's lifetime value over the tiering's window.
func (t Tiering) CustomerLTV(c CustomerScore, lifetimeYears decimal.Decimal) LTV {
	return LifetimeValue(c.Monetary, c.Orders, 1, t.ObservedDays(), lifetimeYears)
}

// TierFigures sums one tier (or one country's customers of a tier).
type TierFigures struct {
	Tier      Tier
	Customers int
	Orders    int
	Revenue   decimal.Decimal
	Share     decimal.Decimal // of the scored customers (or of the country's), 0..1
	LTV       LTV             // per customer of the tier
}

// ByTier sums the scored customers per tier, in Tiers order.
func (t Tiering) ByTier(lifetimeYears decimal.Decimal) []TierFigures {
	return tierFigures(t.Scored, t.ObservedDays(), lifetimeYears)
}

func tierFigures(cs []CustomerScore, days int, lifetimeYears decimal.Decimal) []TierFigures {
	idx := map[Tier]int{}
	out := make([]TierFigures, len(Tiers))
	for i, tr := range Tiers {
		idx[tr] = i
		out[i] = TierFigures{Tier: tr, Revenue: decimal.Zero, Share: decimal.Zero}
	}
	for _, c := range cs {
		f := &out[idx[c.Tier]]
		f.Customers++
		f.Orders += c.Orders
		f.Revenue = f.Revenue.Add(c.Monetary)
	}
	for i := range out {
		f := &out[i]
		if len(cs) > 0 {
			f.Share = decimal.NewFromInt(int64(f.Customers)).Div(decimal.NewFromInt(int64(len(cs)))).Round(4)
		}
		f.LTV = LifetimeValue(f.Revenue, f.Orders, f.Customers, days, lifetimeYears)
	}
	return out
}

// CountryFigures are one country's customers, revenue and tier shares.
type CountryFigures struct {
	Country   string
	Customers int
	Revenue   decimal.Decimal
	Tiers     []TierFigures // in Tiers order; Share is of the country's customers
}

// ByCountry sums the scored customers per country (the customer's most
// frequent country), largest revenue first.
func (t Tiering) ByCountry(lifetimeYears decimal.Decimal) []CountryFigures {
	groups := map[string][]CustomerScore{}
	for _, c := range t.Scored {
		groups[c.Country] = append(groups[c.Country], c)
	}
	days := t.ObservedDays()
	out := make([]CountryFigures, 0, len(groups))
	for country, cs := range groups {
		cf := CountryFigures{Country: country, Customers: len(cs), Revenue: decimal.Zero}
		for _, c := range cs {
			cf.Revenue = cf.Revenue.Add(c.Monetary)
		}
		cf.Tiers = tierFigures(cs, days, lifetimeYears)
		out = append(out, cf)
	}
	sort.Slice(out, func(i, j int) bool {
		if c := out[i].Revenue.Cmp(out[j].Revenue); c != 0 {
			return c > 0
		}
		return out[i].Country < out[j].Country
	})
	return out
}

// RepeatRate is the repeat-purchase rate (复购率), a CRM KPI of the
// customer-service handbook: the scored customers with more than one
// non-cancelled order, out of all scored customers.
func (t Tiering) RepeatRate() (repeat, customers int) {
	for _, c := range t.Scored {
		if c.Orders > 1 {
			repeat++
		}
	}
	return repeat, len(t.Scored)
}

// RepeatRateText is RepeatRate in words, with its inputs.
func (t Tiering) RepeatRateText(l *Localizer) string {
	repeat, n := t.RepeatRate()
	pct := 0.0
	if n > 0 {
		pct = float64(repeat) * 100 / float64(n)
	}
	return l.T("customers.repeat_rate", pct, repeat, n)
}

// SegmentGrid counts scored customers per (R, FM), the pair the segment
// comes from: grid[r-1][fm-1].
func (t Tiering) SegmentGrid() [5][5]int {
	var g [5][5]int
	for _, c := range t.Scored {
		g[c.R-1][c.FM-1]++
	}
	return g
}

// IsCancellation is the rule for a cancelled line: an invoice id starting
// with "C" (as UCI-style exports mark credit notes) or a negative quantity.
func IsCancellation(invoice string, quantity int64) bool {
	return quantity < 0 || (len(invoice) > 0 && invoice[0] == 'C')
}

// OrderLine is one stored order line, as the customer detail lists them.
type OrderLine struct {
	Invoice     string
	StockCode   string
	Description string
	Quantity    int64
	InvoicedAt  time.Time
	UnitPrice   decimal.Decimal
	CustomerID  string
	Country     string
	Currency    string // of UnitPrice: the order's own, not converted
}

// Amount is quantity x unit price.
func (o OrderLine) Amount() decimal.Decimal {
	return o.UnitPrice.Mul(decimal.NewFromInt(o.Quantity))
}

// Cancelled applies IsCancellation to the line.
func (o OrderLine) Cancelled() bool { return IsCancellation(o.Invoice, o.Quantity) }

// CustomerStore is what tiering needs from a workspace. data.Store keeps a
// per-customer summary beside order_lines, so CustomerStats does not scan
// the lines.
type CustomerStore interface {
	// CustomerStats lists every customer id in the orders with its figures.
	CustomerStats(ctx context.Context) ([]CustomerStat, error)
	// CustomerStatsAsOf is CustomerStats over the lines dated before asOf
	// only (zero: all lines): lines on or after it count for nothing, and
	// a customer with no line before it is not listed. Tiering at an
	// as-of date reads this, so no later order changes R, F or M.
	CustomerStatsAsOf(ctx context.Context, asOf time.Time) ([]CustomerStat, error)
	// CustomerOrders lists one customer's lines, oldest first; ENotFound
	// when the customer has none.
	CustomerOrders(ctx context.Context, customerID string) ([]OrderLine, error)
	// NewCustomersByMonth counts customers by the month of their first
	// non-cancelled order.
	NewCustomersByMonth(ctx context.Context) ([]MonthValue, error)
	// ExportCustomers writes customers (TiersHeader columns) to path, as
	// XLSX when it ends in .xlsx and CSV otherwise, text cells escaped
	// against formula injection (EscapeCell).
	// preds, when not nil, adds PredictionHeader columns from a CLV fit.
	ExportCustomers(ctx context.Context, path string, customers []CustomerScore, preds map[string]CustomerCLV) error
	// ImportOrders reads an order export into the workspace in one
	// transaction; see OrderImporter.
	OrderImporter
}
