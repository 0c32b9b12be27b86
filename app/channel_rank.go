package app

import (
	"context"
	"sort"
	"strings"

	"github.com/shopspring/decimal"
)

// ChannelStore edits the logistics channels and sales platforms the seller
// keeps (Workspace lists them).
type ChannelStore interface {
	// SaveChannel inserts c (ID 0) or updates it, returning its id;
	// ENotFound when the id does not exist.
	SaveChannel(ctx context.Context, c LogisticsChannel) (int64, error)
	DeleteChannel(ctx context.Context, id int64) error
	// SavePlatform inserts p (ID 0) or updates it; EConflict when another
	// platform has the name.
	SavePlatform(ctx context.Context, p Platform) (int64, error)
	DeletePlatform(ctx context.Context, id int64) error
}

// Validate checks a channel as typed: a name, a known type, non-negative
// prices and weights, a positive volumetric divisor, days in order and a
// stability from 1 to 5. The error names the field.
func (c LogisticsChannel) Validate() error {
	switch {
	case strings.TrimSpace(c.Name) == "":
		return Errorf(EInvalid, "channels.error.name")
	case !contains(ChannelTypes, c.Type):
		return Errorf(EInvalid, "channels.error.type")
	case c.FirstWeightKg.IsNegative():
		return Errorf(EInvalid, "channels.error.first_weight")
	case c.FirstPrice.IsNegative():
		return Errorf(EInvalid, "channels.error.first_price")
	case c.PerKg.IsNegative():
		return Errorf(EInvalid, "channels.error.per_kg")
	case c.FulfilmentFee.IsNegative():
		return Errorf(EInvalid, "channels.error.fulfilment")
	case c.MaxWeightKg.IsNegative():
		return Errorf(EInvalid, "channels.error.max_weight")
	case c.MinChargeCNY.IsNegative():
		return Errorf(EInvalid, "channels.error.min_charge")
	case c.CartonUnits < 0 || c.MinChargeCNY.IsPositive() && c.CartonUnits == 0:
		return Errorf(EInvalid, "channels.error.carton_units")
	case c.StoragePerUnit.IsNegative():
		return Errorf(EInvalid, "channels.error.storage")
	case c.VolDivisor <= 0:
		return Errorf(EInvalid, "channels.error.vol_divisor")
	case c.DaysMin < 0 || c.DaysMax < c.DaysMin:
		return Errorf(EInvalid, "channels.error.days")
	case c.Stability < 1 || c.Stability > 5:
		return Errorf(EInvalid, "channels.error.stability")
	}
	return nil
}

// ParseCategoryRates reads "Kitchen: 15 %; Lighting: 12 %" style text as
// typed in the platform form: pairs separated by ";" or new lines, rates as
// percentages. The error names the pair that cannot be read.
func ParseCategoryRates(s string) (map[string]decimal.Decimal, error) {
	out := map[string]decimal.Decimal{}
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == ';' || r == '\n' }) {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		name, val, ok := strings.Cut(part, ":")
		name = strings.TrimSpace(name)
		val = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(val), "%"))
		d, err := decimal.NewFromString(val)
		if !ok || name == "" || err != nil || d.IsNegative() || d.GreaterThanOrEqual(decimal.NewFromInt(100)) {
			return nil, Errorf(EInvalid, "channels.error.category_rate", part)
		}
		out[name] = d.Shift(-2)
	}
	return out, nil
}

// FormatCategoryRates is the inverse of ParseCategoryRates, one category a
// line, sorted by name.
func FormatCategoryRates(m map[string]decimal.Decimal) string {
	var names []string
	for n := range m {
		names = append(names, n)
	}
	sort.Strings(names)
	var parts []string
	for _, n := range names {
		parts = append(parts, n+": "+m[n].Shift(2).String()+" %")
	}
	return strings.Join(parts, "\n")
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// ChannelMarkets are the markets a channel serves: its market field may
// list several codes, "DE,FR"; empty serves all.
func ChannelMarkets(c LogisticsChannel) []string {
	var out []string
	for _, m := range strings.Split(c.Market, ",") {
		if m = strings.TrimSpace(m); m != "" {
			out = append(out, m)
		}
	}
	return out
}

// IsHeadHaul reports whether the channel ships stock in bulk to a
// warehouse in the market (FBA, overseas warehouse: 头程), from where a
// fulfilment fee covers the last mile (尾程), rather than each parcel door
// to door.
func (c LogisticsChannel) IsHeadHaul() bool {
	return c.Type == "fba" || c.Type == "overseas_warehouse"
}

// UnitCost is what one unit costs to get to the buyer's door on a channel,
// all in CNY.
type UnitCost struct {
	ChargeableKg decimal.Decimal // max(weight, volume / channel's divisor)
	Freight      decimal.Decimal // ChannelCost: parcel freight, or head haul per unit
	Fulfilment   decimal.Decimal // fulfilment fee (FBA, pick-pack and last mile) * fee_fx
	Storage      decimal.Decimal // storage per unit * fee_fx; 0 when not known
	Total        decimal.Decimal // freight + fulfilment + storage
	FeeFX        decimal.Decimal // CNY per unit of the fees' currency
}

// fallbackFeeFX is used for a channel's fees when neither the parcel's
// market nor the channel's name a market with defaults: QuoteDefaults' own
// default, CNY per USD.
var fallbackFeeFX = decimal.RequireFromString("7.20")

// FeeFX is the CNY per unit of the currency a channel's fulfilment and
// storage fees are in, from MarketDefaults: the parcel's market when the
// channel serves it (or serves every market), else the channel's first
// market with defaults, so a Japanese channel's yen fee stays in yen even
// when it is listed, ineligible, for a US parcel.
func FeeFX(ch LogisticsChannel, market string) decimal.Decimal {
	ms := ChannelMarkets(ch)
	if md, ok := DefaultsFor(market); ok && (len(ms) == 0 || contains(ms, strings.ToUpper(market))) {
		return md.FXRate
	}
	for _, m := range ms {
		if md, ok := DefaultsFor(m); ok {
			return md.FXRate
		}
	}
	return fallbackFeeFX
}

// ChannelUnitCost is the door-to-door cost per unit of parcel p on ch, in
// CNY:
//
//	chargeable = max(weight_kg, length*width*height / vol_divisor)
//	freight    = ChannelCost(ch, chargeable)
//	fulfilment = fulfilment_fee * fee_fx ; storage = storage_per_unit * fee_fx
//	total      = freight + fulfilment + storage
//
// so FBA's head haul plus its fee compares fairly with a postal parcel's
// price to the door.
func ChannelUnitCost(ch LogisticsChannel, p Parcel) UnitCost {
	div := decimal.NewFromInt(int64(max(ch.VolDivisor, 1)))
	vol := p.LengthCm.Mul(p.WidthCm).Mul(p.HeightCm).Div(div)
	u := UnitCost{ChargeableKg: decimal.Max(p.WeightKg, vol), FeeFX: FeeFX(ch, p.Market)}
	u.Freight = ChannelCost(ch, u.ChargeableKg)
	u.Fulfilment = ch.FulfilmentFee.Mul(u.FeeFX)
	u.Storage = ch.StoragePerUnit.Mul(u.FeeFX)
	u.Total = u.Freight.Add(u.Fulfilment).Add(u.Storage)
	return u
}

// Parcel is what the channel ranking is asked about.
type Parcel struct {
	WeightKg                    decimal.Decimal
	LengthCm, WidthCm, HeightCm decimal.Decimal
	Market                      string
	Value                       decimal.Decimal // declared value, CNY; shown, not scored
	Battery, Liquid             bool
}

// RankWeights are how much the seller cares about cost, speed and
// stability; any non-negative numbers, only their proportions matter.
type RankWeights struct {
	Cost, Speed, Stability decimal.Decimal
}

// ChannelScore is one channel's place in a ranking.
type ChannelScore struct {
	Channel      LogisticsChannel
	ChargeableKg decimal.Decimal // max(weight, volume / channel's divisor)
	Unit         UnitCost        // the door-to-door cost's parts, CNY
	Cost         decimal.Decimal // CNY: door-to-door per unit, Unit.Total
	Days         decimal.Decimal // (days_min + days_max) / 2
	// Sub-scores from 0 to 1: cheapest cost / this cost, fastest days / these
	// days, stability / 5.
	CostScore, SpeedScore, StabilityScore decimal.Decimal
	// Score is 100 * the weighted mean of the sub-scores.
	Score decimal.Decimal
	// Excluded names why the channel cannot take the parcel (a translation
	// key: wrong market, battery, liquid, too heavy); "" when it can.
	Excluded string
}

// RankChannels scores every channel for the parcel and returns them best
// first, the channels that cannot take it last. Cost is the door-to-door
// cost per unit (ChannelUnitCost: head haul + fulfilment + storage for FBA
// and overseas warehouses). Sub-scores are relative to the best eligible
// channel, so the winner of each criterion scores 1:
//
//	cost_score      = min_cost / cost
//	speed_score     = min_days / days
//	stability_score = stability / 5
//	score           = 100 * (w_cost*cost_score + w_speed*speed_score + w_stab*stability_score) / (w_cost + w_speed + w_stab)
//
// Equal weights of zero count as equal weights of one.
func RankChannels(channels []LogisticsChannel, p Parcel, w RankWeights) []ChannelScore {
	out := make([]ChannelScore, 0, len(channels))
	for _, ch := range channels {
		cs := ChannelScore{Channel: ch, Unit: ChannelUnitCost(ch, p)}
		cs.ChargeableKg, cs.Cost = cs.Unit.ChargeableKg, cs.Unit.Total
		cs.Days = decimal.NewFromInt(int64(ch.DaysMin + ch.DaysMax)).Div(decimal.NewFromInt(2))
		switch ms := ChannelMarkets(ch); {
		case p.Market != "" && len(ms) > 0 && !contains(ms, p.Market):
			cs.Excluded = "channels.excluded.market"
		case p.Battery && !ch.BatteryOK:
			cs.Excluded = "channels.excluded.battery"
		case p.Liquid && !ch.LiquidOK:
			cs.Excluded = "channels.excluded.liquid"
		case ch.MaxWeightKg.IsPositive() && cs.ChargeableKg.GreaterThan(ch.MaxWeightKg):
			cs.Excluded = "channels.excluded.weight"
		}
		out = append(out, cs)
	}
	var minCost, minDays decimal.Decimal
	first := true
	for _, cs := range out {
		if cs.Excluded != "" {
			continue
		}
		if first || cs.Cost.LessThan(minCost) {
			minCost = cs.Cost
		}
		if first || cs.Days.LessThan(minDays) {
			minDays = cs.Days
		}
		first = false
	}
	wc, ws, wst := nonNeg(w.Cost), nonNeg(w.Speed), nonNeg(w.Stability)
	total := wc.Add(ws).Add(wst)
	if total.IsZero() {
		wc, ws, wst, total = one, one, one, decimal.NewFromInt(3)
	}
	ratio := func(best, v decimal.Decimal) decimal.Decimal {
		if !v.IsPositive() {
			return one // free or instant: as good as it gets
		}
		return best.Div(v)
	}
	for i := range out {
		cs := &out[i]
		if cs.Excluded != "" {
			continue
		}
		cs.CostScore = ratio(minCost, cs.Cost)
		cs.SpeedScore = ratio(minDays, cs.Days)
		cs.StabilityScore = decimal.NewFromInt(int64(cs.Channel.Stability)).Div(decimal.NewFromInt(5))
		sum := wc.Mul(cs.CostScore).Add(ws.Mul(cs.SpeedScore)).Add(wst.Mul(cs.StabilityScore))
		cs.Score = sum.Div(total).Mul(decimal.NewFromInt(100))
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if (a.Excluded == "") != (b.Excluded == "") {
			return a.Excluded == ""
		}
		return a.Score.GreaterThan(b.Score)
	})
	return out
}

func nonNeg(d decimal.Decimal) decimal.Decimal {
	if d.IsNegative() {
		return decimal.Zero
	}
	return d
}

// WhyWins explains the ranking's winner in one sentence: its score against
// the runner-up and the criterion that contributed most to the lead.
func WhyWins(l *Localizer, ranked []ChannelScore, w RankWeights) string {
	if len(ranked) == 0 || ranked[0].Excluded != "" {
		return l.T("channels.why.none")
	}
	win := ranked[0]
	facts := l.T("channels.why.facts", win.Cost.StringFixed(2), win.Days.StringFixed(1), win.Channel.Stability)
	if len(ranked) == 1 || ranked[1].Excluded != "" {
		return l.T("channels.why.only", win.Channel.Name, facts)
	}
	run := ranked[1]
	leads := []struct {
		key  string
		lead decimal.Decimal
	}{
		{"channels.why.cost", nonNeg(w.Cost).Mul(win.CostScore.Sub(run.CostScore))},
		{"channels.why.speed", nonNeg(w.Speed).Mul(win.SpeedScore.Sub(run.SpeedScore))},
		{"channels.why.stability", nonNeg(w.Stability).Mul(win.StabilityScore.Sub(run.StabilityScore))},
	}
	best := leads[0]
	for _, c := range leads[1:] {
		if c.lead.GreaterThan(best.lead) {
			best = c
		}
	}
	return l.T("channels.why.wins", win.Channel.Name, win.Score.StringFixed(0), run.Channel.Name, run.Score.StringFixed(0), l.T(best.key), facts)
}

// ChannelRankingChart: bars of the ranking's scores, eligible channels only.
func ChannelRankingChart(l *Localizer, ranked []ChannelScore) Chart {
	c := Chart{ID: "channel_ranking", Title: l.T("channels.chart.ranking"), Kind: ChartBar,
		YLabel: l.T("channels.chart.score"), Note: l.T("channels.chart.ranking_note")}
	s := Series{Name: l.T("channels.chart.score")}
	for _, cs := range ranked {
		if cs.Excluded != "" {
			continue
		}
		c.Categories = append(c.Categories, cs.Channel.Name)
		s.Values = append(s.Values, cs.Score.Round(1).InexactFloat64())
	}
	c.Series = []Series{s}
	return c
}

// ParcelCostDaysChart: the parcel's cost on each eligible channel against
// its average delivery days; the lower left is cheap and fast.
func ParcelCostDaysChart(l *Localizer, ranked []ChannelScore) Chart {
	c := Chart{ID: "parcel_cost_days", Title: l.T("channels.chart.cost_days"), Kind: ChartScatter,
		XLabel: l.T("chart.delivery_days"), XUnit: l.T("unit.days"), YLabel: l.T("channels.chart.parcel_cost"), Unit: "CNY",
		Note: l.T("channels.chart.cost_days_note")}
	byType := map[string]*Series{}
	var order []string
	for _, cs := range ranked {
		if cs.Excluded != "" {
			continue
		}
		s, ok := byType[cs.Channel.Type]
		if !ok {
			s = &Series{Name: l.T("channel.type." + cs.Channel.Type)}
			byType[cs.Channel.Type] = s
			order = append(order, cs.Channel.Type)
		}
		s.Points = append(s.Points, Point{X: cs.Days.InexactFloat64(), Y: cs.Cost.Round(2).InexactFloat64(), Label: cs.Channel.Name})
	}
	for _, t := range order {
		c.Series = append(c.Series, *byType[t])
	}
	return c
}
