package app

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"
	"time"

	"github.com/shopspring/decimal"
)

// QuoteInput is everything the price of one unit depends on. Money is in the
// selling currency except PurchaseCost and OtherUnitCost, which are in the
// cost currency (CNY by default) and turned into the selling currency by
// FXRate. Rates are fractions (0.15, not 15).
type QuoteInput struct {
	PurchaseCost  decimal.Decimal // cost currency, per unit
	OtherUnitCost decimal.Decimal // cost currency: packaging, labels, inspection
	FXRate        decimal.Decimal // cost-currency units per selling-currency unit, e.g. 7.2 CNY per USD
	WeightKg      decimal.Decimal
	LengthCm      decimal.Decimal
	WidthCm       decimal.Decimal
	HeightCm      decimal.Decimal
	VolDivisor    decimal.Decimal // cm³ per kg, e.g. 5000 or 6000
	FreightPerKg  decimal.Decimal // selling currency per chargeable kg
	DutyRate      decimal.Decimal
	DutyOnCIF     bool // duty on goods + freight (CIF) rather than goods only (FOB)
	FulfilmentFee decimal.Decimal
	PerOrderFee   decimal.Decimal
	VATRate       decimal.Decimal // prices are VAT-inclusive when > 0
	ReferralRate  decimal.Decimal
	PaymentRate   decimal.Decimal
	AdRate        decimal.Decimal // advertising cost of sale (ACoS)
	ReturnRate    decimal.Decimal // return reserve
	TargetMargin  decimal.Decimal
	Price         decimal.Decimal // the price to test; zero when HasPrice is false
	HasPrice      bool
}

// Quote is what QuoteInput.Compute works out, unrounded: callers round only
// when they show a figure (Money, Rate).
type Quote struct {
	In           QuoteInput
	Goods        decimal.Decimal // (purchase_cost + other_unit_cost) / fx_rate
	VolumetricKg decimal.Decimal // length*width*height / volumetric_divisor
	ChargeableKg decimal.Decimal // max(weight_kg, VolumetricKg)
	Freight      decimal.Decimal // chargeable * freight_per_kg
	Duty         decimal.Decimal // duty_rate * (goods [+ freight when CIF])
	Landed       decimal.Decimal // goods + freight + duty + fulfilment_fee + per_order_fee
	VarRate      decimal.Decimal // referral + payment + ad + return rates

	// BreakEven is landed / (1/(1+vat) - var_rate); valid only when
	// BreakEvenOK, which is false when VAT and fees take the whole price.
	BreakEven   decimal.Decimal
	BreakEvenOK bool
	// Recommended is landed / (1/(1+vat) - var_rate - target_margin), and
	// Charm the smallest x.99 at or above it; valid only when RecommendedOK.
	Recommended   decimal.Decimal
	Charm         decimal.Decimal
	RecommendedOK bool

	// For the test price, when In.HasPrice.
	Profit        decimal.Decimal // p/(1+vat) - landed - p*var_rate
	Margin        decimal.Decimal // profit / p
	ROI           decimal.Decimal // profit / landed; valid when ROIOK (landed > 0)
	ROIOK         bool
	BreakEvenACoS decimal.Decimal // (p/(1+vat) - landed - p*(var_rate - ad_rate)) / p
}

var one = decimal.NewFromInt(1)

// Compute works out the quote from the formulas of the pricing guide:
//
//	goods      = (purchase_cost + other_unit_cost) / fx_rate
//	chargeable = max(weight_kg, length_cm*width_cm*height_cm / volumetric_divisor)
//	freight    = chargeable * freight_per_kg
//	duty       = duty_rate * (goods + (freight if duty_on_cif else 0))
//	landed     = goods + freight + duty + fulfilment_fee + per_order_fee
//	var_rate   = referral_fee_rate + payment_fee_rate + ad_rate + return_rate
//	profit(p)  = p/(1+vat_rate) - landed - p*var_rate
//	break_even_price  = landed / (1/(1+vat_rate) - var_rate)
//	recommended_price = landed / (1/(1+vat_rate) - var_rate - target_margin)
//	charm_price       = the smallest x.99 >= recommended_price
//	margin(p) = profit(p)/p ; roi(p) = profit(p)/landed
//	break_even_acos(p) = (p/(1+vat_rate) - landed - p*(var_rate - ad_rate)) / p
//
// The two prices are computed as landed*(1+vat) / (1 - (rates)*(1+vat)),
// the same value without the inexact 1/(1+vat), so a price that is exactly
// 12.99 stays 12.99 and the charm price does not jump a whole unit. Where
// the denominator is <= 0 no price reaches the target: the OK flag is false
// and the price is zero, never negative or infinite. Call Validate first:
// Compute assumes fx_rate and volumetric_divisor are positive.
func (in QuoteInput) Compute() Quote {
	q := Quote{In: in}
	q.Goods = in.PurchaseCost.Add(in.OtherUnitCost).Div(in.FXRate)
	q.VolumetricKg = in.LengthCm.Mul(in.WidthCm).Mul(in.HeightCm).Div(in.VolDivisor)
	q.ChargeableKg = decimal.Max(in.WeightKg, q.VolumetricKg)
	q.Freight = q.ChargeableKg.Mul(in.FreightPerKg)
	dutyBase := q.Goods
	if in.DutyOnCIF {
		dutyBase = dutyBase.Add(q.Freight)
	}
	q.Duty = in.DutyRate.Mul(dutyBase)
	q.Landed = q.Goods.Add(q.Freight).Add(q.Duty).Add(in.FulfilmentFee).Add(in.PerOrderFee)
	q.VarRate = in.ReferralRate.Add(in.PaymentRate).Add(in.AdRate).Add(in.ReturnRate)

	q.BreakEven, q.BreakEvenOK = in.priceFor(q.Landed, q.VarRate)
	q.Recommended, q.RecommendedOK = in.priceFor(q.Landed, q.VarRate.Add(in.TargetMargin))
	if q.RecommendedOK {
		q.Charm = CharmPrice(q.Recommended)
	}
	if in.HasPrice && in.Price.IsPositive() {
		p := in.Price
		q.Profit = in.ProfitAt(q.Landed, q.VarRate, p)
		q.Margin = q.Profit.Div(p)
		if q.Landed.IsPositive() {
			q.ROI, q.ROIOK = q.Profit.Div(q.Landed), true
		}
		q.BreakEvenACoS = q.Profit.Add(p.Mul(in.AdRate)).Div(p)
	}
	return q
}

// priceFor solves p/(1+vat) - landed - p*rates = 0 for p.
func (in QuoteInput) priceFor(landed, rates decimal.Decimal) (decimal.Decimal, bool) {
	vat1 := one.Add(in.VATRate)
	den := one.Sub(rates.Mul(vat1))
	if !den.IsPositive() {
		return decimal.Zero, false
	}
	return landed.Mul(vat1).Div(den), true
}

// ProfitAt is profit(p) = p/(1+vat) - landed - p*var_rate.
func (in QuoteInput) ProfitAt(landed, varRate, p decimal.Decimal) decimal.Decimal {
	return p.Div(one.Add(in.VATRate)).Sub(landed).Sub(p.Mul(varRate))
}

// VATAt is the VAT inside a VAT-inclusive price p: p - p/(1+vat).
func (in QuoteInput) VATAt(p decimal.Decimal) decimal.Decimal {
	return p.Sub(p.Div(one.Add(in.VATRate)))
}

// CharmPrice is the smallest x.99 at or above p (p >= 0): 12.00 -> 12.99,
// 12.99 -> 12.99, 13.00 -> 13.99.
func CharmPrice(p decimal.Decimal) decimal.Decimal {
	c := p.Floor().Add(decimal.New(99, -2))
	if c.LessThan(p) {
		c = c.Add(one)
	}
	return c
}

// QuoteMoney rounds a money figure for display: 2 places.
func QuoteMoney(d decimal.Decimal) string { return d.StringFixed(2) }

// QuoteRate shows a rate as a percentage with 2 decimals (0.1234 -> 12.34 %):
// the rate rounded to 4 places.
func QuoteRate(d decimal.Decimal) string { return d.Shift(2).StringFixed(2) + " %" }

// Validate checks an input a person typed or a file gave: every figure
// finite and not negative, fx_rate and volumetric_divisor positive, rates
// below 1 where a rate of 1 or more cannot be meant, and a test price, when
// given, positive. The error names the field by its JSON name.
func (in QuoteInput) Validate() error {
	for _, f := range in.fields() {
		if f.dec == nil {
			continue
		}
		v := *f.dec
		switch {
		case v.IsNegative():
			return Errorf(EInvalid, "pricing.error.negative", f.name)
		case f.positive && !v.IsPositive():
			return Errorf(EInvalid, "pricing.error.positive", f.name)
		case f.rate && v.GreaterThanOrEqual(one):
			return Errorf(EInvalid, "pricing.error.rate", f.name)
		}
	}
	if in.HasPrice && !in.Price.IsPositive() {
		return Errorf(EInvalid, "pricing.error.positive", "price")
	}
	return nil
}

type quoteField struct {
	name     string
	dec      *decimal.Decimal
	flag     *bool
	positive bool // must be > 0
	rate     bool // a fraction below 1
}

// fields lists the inputs under their JSON (CLI) names, in the order the
// guide and the form show them.
func (in *QuoteInput) fields() []quoteField {
	return []quoteField{
		{name: "purchase_cost", dec: &in.PurchaseCost},
		{name: "other_unit_cost", dec: &in.OtherUnitCost},
		{name: "fx_rate", dec: &in.FXRate, positive: true},
		{name: "weight_kg", dec: &in.WeightKg},
		{name: "length_cm", dec: &in.LengthCm},
		{name: "width_cm", dec: &in.WidthCm},
		{name: "height_cm", dec: &in.HeightCm},
		{name: "volumetric_divisor", dec: &in.VolDivisor, positive: true},
		{name: "freight_per_kg", dec: &in.FreightPerKg},
		{name: "duty_rate", dec: &in.DutyRate, rate: true},
		{name: "duty_on_cif", flag: &in.DutyOnCIF},
		{name: "fulfilment_fee", dec: &in.FulfilmentFee},
		{name: "per_order_fee", dec: &in.PerOrderFee},
		{name: "vat_rate", dec: &in.VATRate, rate: true},
		{name: "referral_fee_rate", dec: &in.ReferralRate, rate: true},
		{name: "payment_fee_rate", dec: &in.PaymentRate, rate: true},
		{name: "ad_rate", dec: &in.AdRate, rate: true},
		{name: "return_rate", dec: &in.ReturnRate, rate: true},
		{name: "target_margin", dec: &in.TargetMargin, rate: true},
	}
}

// QuoteFieldNames are the input names of the quote JSON, in form order
// (without the optional "price").
func QuoteFieldNames() []string {
	var in QuoteInput
	var out []string
	for _, f := range in.fields() {
		out = append(out, f.name)
	}
	return out
}

// maxQuoteJSON bounds what ParseQuoteJSON reads: one object of twenty
// numbers is far below it, and a runaway pipe is refused rather than read.
const maxQuoteJSON = 1 << 20

// ParseQuoteJSON reads one JSON object with every input under its
// snake_case name (rates as fractions, duty_on_cif a boolean, price
// optional). Nothing is defaulted: a missing, mistyped, unknown or invalid
// field is an EInvalid error naming it. Numbers may be JSON numbers or
// numeric strings; they are read as decimals, never through float.
func ParseQuoteJSON(r io.Reader) (QuoteInput, error) {
	var in QuoteInput
	b, err := io.ReadAll(io.LimitReader(r, maxQuoteJSON+1))
	if err != nil {
		return in, Wrap(err, EInvalid, "pricing.error.json", err.Error())
	}
	if len(b) > maxQuoteJSON {
		return in, Errorf(EInvalid, "pricing.error.json", "input larger than 1 MiB")
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var raw map[string]json.RawMessage
	if err := dec.Decode(&raw); err != nil {
		return in, Errorf(EInvalid, "pricing.error.json", err.Error())
	}
	if raw == nil {
		return in, Errorf(EInvalid, "pricing.error.json", "expected a JSON object")
	}
	if dec.More() {
		return in, Errorf(EInvalid, "pricing.error.json", "more than one JSON value")
	}
	known := map[string]bool{"price": true}
	for _, f := range in.fields() {
		known[f.name] = true
		msg, ok := raw[f.name]
		if !ok {
			return in, Errorf(EInvalid, "pricing.error.missing", f.name)
		}
		if f.flag != nil {
			if err := json.Unmarshal(msg, f.flag); err != nil {
				return in, Errorf(EInvalid, "pricing.error.bool", f.name)
			}
			continue
		}
		d, err := jsonDecimal(msg)
		if err != nil {
			return in, Errorf(EInvalid, "pricing.error.number", f.name)
		}
		*f.dec = d
	}
	if msg, ok := raw["price"]; ok && string(bytes.TrimSpace(msg)) != "null" {
		d, err := jsonDecimal(msg)
		if err != nil {
			return in, Errorf(EInvalid, "pricing.error.number", "price")
		}
		in.Price, in.HasPrice = d, true
	}
	var unknown []string
	for k := range raw {
		if !known[k] {
			unknown = append(unknown, k)
		}
	}
	if len(unknown) > 0 {
		sort.Strings(unknown)
		return in, Errorf(EInvalid, "pricing.error.unknown", strings.Join(unknown, ", "))
	}
	return in, in.Validate()
}

// jsonDecimal reads a JSON number or a string holding one.
func jsonDecimal(msg json.RawMessage) (decimal.Decimal, error) {
	s := strings.TrimSpace(string(msg))
	if strings.HasPrefix(s, `"`) {
		if err := json.Unmarshal(msg, &s); err != nil {
			return decimal.Zero, err
		}
		s = strings.TrimSpace(s)
	}
	if s == "" || s == "null" || len(s) > 40 {
		return decimal.Zero, fmt.Errorf("not a number")
	}
	d, err := decimal.NewFromString(s)
	if err != nil {
		return decimal.Zero, err
	}
	// Exponents are legal JSON but no price needs one; a huge one would make
	// every later step allocate without bound.
	if e := d.Exponent(); e < -12 || e > 12 {
		return decimal.Zero, fmt.Errorf("out of range")
	}
	return d, nil
}

// QuoteJSON is the quote's inputs as a JSON object with the CLI's names,
// decimals as strings: how a saved quote keeps what was typed.
func (in QuoteInput) QuoteJSON() []byte {
	m := map[string]any{}
	for _, f := range in.fields() {
		if f.flag != nil {
			m[f.name] = *f.flag
		} else {
			m[f.name] = f.dec.String()
		}
	}
	if in.HasPrice {
		m["price"] = in.Price.String()
	}
	b, _ := json.Marshal(m) // strings and bools only: cannot fail
	return b
}

// QuoteResultJSON is the CLI's answer: chargeable_kg, freight, duty, landed,
// break_even_price, recommended_price, charm_price and, with a test price,
// profit, margin, roi and break_even_acos. Money and kilograms are rounded to
// 2 places, rates to 4. A price no price reaches is null, with the reason in
// "no_price"; a ROI with no landed cost is null.
func (q Quote) QuoteResultJSON(l *Localizer) []byte {
	num := func(d decimal.Decimal, places int32) json.RawMessage {
		return json.RawMessage(d.StringFixed(places))
	}
	type kv struct {
		k string
		v json.RawMessage
	}
	out := []kv{
		{"chargeable_kg", num(q.ChargeableKg, 2)},
		{"freight", num(q.Freight, 2)},
		{"duty", num(q.Duty, 2)},
		{"landed", num(q.Landed, 2)},
	}
	null := json.RawMessage("null")
	price := func(d decimal.Decimal, ok bool) json.RawMessage {
		if !ok {
			return null
		}
		return num(d, 2)
	}
	out = append(out, kv{"break_even_price", price(q.BreakEven, q.BreakEvenOK)},
		kv{"recommended_price", price(q.Recommended, q.RecommendedOK)},
		kv{"charm_price", price(q.Charm, q.RecommendedOK)})
	if q.In.HasPrice {
		roi := null
		if q.ROIOK {
			roi = num(q.ROI, 4)
		}
		out = append(out, kv{"profit", num(q.Profit, 2)}, kv{"margin", num(q.Margin, 4)},
			kv{"roi", roi}, kv{"break_even_acos", num(q.BreakEvenACoS, 4)})
	}
	if !q.RecommendedOK {
		s, _ := json.Marshal(q.NoPriceReason(l))
		out = append(out, kv{"no_price", s})
	}
	var b bytes.Buffer
	b.WriteString("{\n")
	for i, e := range out {
		fmt.Fprintf(&b, "  %q: %s", e.k, e.v)
		if i < len(out)-1 {
			b.WriteByte(',')
		}
		b.WriteByte('\n')
	}
	b.WriteString("}\n")
	return b.Bytes()
}

// NoPriceReason says in words why no price reaches the target, naming how
// much of a VAT-inclusive price VAT and the fees take; "" when one does.
func (q Quote) NoPriceReason(l *Localizer) string {
	vatShare := one.Sub(one.Div(one.Add(q.In.VATRate)))
	noVAT := q.In.VATRate.IsZero()
	switch {
	case !q.BreakEvenOK && noVAT:
		return l.T("pricing.no_break_even_novat", QuoteRate(q.VarRate))
	case !q.BreakEvenOK:
		return l.T("pricing.no_break_even", QuoteRate(vatShare), QuoteRate(q.VarRate))
	case !q.RecommendedOK && noVAT:
		return l.T("pricing.no_price_novat", QuoteRate(q.In.TargetMargin), QuoteRate(q.VarRate))
	case !q.RecommendedOK:
		return l.T("pricing.no_price", QuoteRate(q.In.TargetMargin), QuoteRate(vatShare), QuoteRate(q.VarRate))
	}
	return ""
}

// DiscountImpact is what a discount off the test price does: the new price,
// profit and margin, and how many units must sell at the new price for each
// unit sold before to keep the same total profit.
type DiscountImpact struct {
	Discount    decimal.Decimal // fraction off the price
	NewPrice    decimal.Decimal // price * (1 - discount)
	NewProfit   decimal.Decimal // profit(new price)
	NewMargin   decimal.Decimal // new profit / new price
	UnitsFactor decimal.Decimal // profit(price) / profit(new price); valid when UnitsOK
	UnitsOK     bool            // false when the discounted price makes no profit, or the full price none to keep
}

// ExtraUnits is the extra sales needed, as a fraction: UnitsFactor - 1.
func (d DiscountImpact) ExtraUnits() decimal.Decimal { return d.UnitsFactor.Sub(one) }

// Discount works out the impact of a discount (a fraction) off the test
// price. It needs a quote with a test price.
func (q Quote) Discount(discount decimal.Decimal) DiscountImpact {
	d := DiscountImpact{Discount: discount}
	if !q.In.HasPrice || !q.In.Price.IsPositive() {
		return d
	}
	d.NewPrice = q.In.Price.Mul(one.Sub(discount))
	if !d.NewPrice.IsPositive() {
		d.NewPrice = decimal.Zero
		return d
	}
	d.NewProfit = q.In.ProfitAt(q.Landed, q.VarRate, d.NewPrice)
	d.NewMargin = d.NewProfit.Div(d.NewPrice)
	if d.NewProfit.IsPositive() && q.Profit.IsPositive() {
		d.UnitsFactor, d.UnitsOK = q.Profit.Div(d.NewProfit), true
	}
	return d
}

// PriceStats summarises competitor prices: lowest, median, highest, and
// where a price of ours sits: how many competitors are cheaper.
type PriceStats struct {
	N              int
	Min, Median    decimal.Decimal
	Max            decimal.Decimal
	Ours           decimal.Decimal
	CheaperThanUs  int // competitors priced below ours
	PositionFactor decimal.Decimal
}

// ComparePrices computes PriceStats; the median of an even count is the
// mean of the middle two. PositionFactor is ours / median (1.10 = 10 %
// above the median); zero without prices.
func ComparePrices(prices []decimal.Decimal, ours decimal.Decimal) PriceStats {
	st := PriceStats{N: len(prices), Ours: ours}
	if len(prices) == 0 {
		return st
	}
	p := append([]decimal.Decimal(nil), prices...)
	sort.Slice(p, func(i, j int) bool { return p[i].LessThan(p[j]) })
	st.Min, st.Max = p[0], p[len(p)-1]
	if n := len(p); n%2 == 1 {
		st.Median = p[n/2]
	} else {
		st.Median = p[n/2-1].Add(p[n/2]).Div(decimal.NewFromInt(2))
	}
	for _, v := range p {
		if v.LessThan(ours) {
			st.CheaperThanUs++
		}
	}
	if st.Median.IsPositive() {
		st.PositionFactor = ours.Div(st.Median)
	}
	return st
}

// Market defaults a quote starts from. VAT is the standard rate of each
// market (US sales tax is added at checkout, so US prices carry none);
// duty rates are typical for household goods and only a starting point:
// the real rate depends on the HS code. EU and GB charge duty on CIF value,
// the US and Japan on the goods value (US FOB; Japan uses CIF in law, but
// marketplace sellers usually quote on goods, so it is editable).
type MarketDefaults struct {
	Market    string
	Currency  string
	VATRate   decimal.Decimal
	DutyRate  decimal.Decimal
	DutyOnCIF bool
	FXRate    decimal.Decimal // CNY per unit of Currency, a rounded recent rate
}

var marketDefaults = []MarketDefaults{
	{"US", "USD", decimal.Zero, decimal.RequireFromString("0.034"), false, decimal.RequireFromString("7.20")},
	{"GB", "GBP", decimal.RequireFromString("0.20"), decimal.RequireFromString("0.04"), true, decimal.RequireFromString("9.10")},
	{"DE", "EUR", decimal.RequireFromString("0.19"), decimal.RequireFromString("0.04"), true, decimal.RequireFromString("7.75")},
	{"FR", "EUR", decimal.RequireFromString("0.20"), decimal.RequireFromString("0.04"), true, decimal.RequireFromString("7.75")},
	{"JP", "JPY", decimal.RequireFromString("0.10"), decimal.RequireFromString("0.03"), false, decimal.RequireFromString("0.048")},
}

// PricingMarkets are the markets with defaults, in the shop's order.
func PricingMarkets() []MarketDefaults { return append([]MarketDefaults(nil), marketDefaults...) }

// DefaultsFor returns the defaults of market, and false for a market
// without any (the form then keeps what is typed).
func DefaultsFor(market string) (MarketDefaults, bool) {
	for _, m := range marketDefaults {
		if m.Market == market {
			return m, true
		}
	}
	return MarketDefaults{}, false
}

// ReferralRateFor is the platform's referral rate for a product category:
// the category's own rate when the platform lists one, else its default.
func (p Platform) ReferralRateFor(category string) decimal.Decimal {
	for c, r := range p.CategoryRates {
		if strings.EqualFold(c, category) {
			return r
		}
	}
	return p.ReferralRate
}

// ServesMarket reports whether the platform sells in market; a platform
// with no markets listed serves all.
func (p Platform) ServesMarket(market string) bool {
	if len(p.Markets) == 0 {
		return true
	}
	for _, m := range p.Markets {
		if m == market {
			return true
		}
	}
	return false
}

// QuoteDefaults builds a quote input from a product, market, platform and
// channel, each optional (nil), with the seller's standing assumptions for
// what no table holds: 10 % ads, 3 % return reserve, 25 % target margin.
// Freight per kg is the channel's effective rate for the product's
// chargeable weight (first weight price plus per-kg above it, spread over
// the weight), in the selling currency.
func QuoteDefaults(p *Product, market string, pl *Platform, ch *LogisticsChannel) QuoteInput {
	in := QuoteInput{
		FXRate: decimal.RequireFromString("7.20"), VolDivisor: decimal.NewFromInt(6000),
		AdRate: decimal.RequireFromString("0.10"), ReturnRate: decimal.RequireFromString("0.03"),
		TargetMargin: decimal.RequireFromString("0.25"),
	}
	if md, ok := DefaultsFor(market); ok {
		in.FXRate, in.VATRate, in.DutyRate, in.DutyOnCIF = md.FXRate, md.VATRate, md.DutyRate, md.DutyOnCIF
	}
	if p != nil {
		in.PurchaseCost, in.WeightKg = p.PurchaseCost, p.WeightKg
		in.LengthCm, in.WidthCm, in.HeightCm = p.LengthCm, p.WidthCm, p.HeightCm
		in.OtherUnitCost = decimal.RequireFromString("1.50") // bag, label, insert: a typical figure
	}
	if pl != nil {
		cat := ""
		if p != nil {
			cat = p.Category
		}
		in.ReferralRate, in.PerOrderFee, in.PaymentRate = pl.ReferralRateFor(cat), pl.PerOrderFee, pl.PaymentRate
	}
	if ch != nil {
		if ch.VolDivisor > 0 {
			in.VolDivisor = decimal.NewFromInt(int64(ch.VolDivisor))
		}
		in.FulfilmentFee = ch.FulfilmentFee
		kg := in.Compute().ChargeableKg
		if !kg.IsPositive() {
			kg = decimal.NewFromInt(1)
		}
		in.FreightPerKg = ChannelCost(*ch, kg).Div(kg).Div(in.FXRate).Round(2)
	}
	return in
}

// SavedQuote is a quote kept for a product x market x platform x channel.
type SavedQuote struct {
	ID          int64
	ProductSKU  string
	ProductName string
	Market      string
	Platform    string
	Channel     string
	Currency    string
	Input       QuoteInput
	SavedAt     time.Time
}

// Quote recomputes the saved quote from its inputs.
func (s SavedQuote) Quote() Quote { return s.Input.Compute() }

// QuoteStore keeps saved quotes and reads the competitor prices the
// competitor-based view starts from.
type QuoteStore interface {
	// Quotes lists saved quotes, newest first.
	Quotes(ctx context.Context) ([]SavedQuote, error)
	// SaveQuote stores q, replacing a quote of the same product, market,
	// platform and channel; it returns the quote's id.
	SaveQuote(ctx context.Context, q SavedQuote) (int64, error)
	// DeleteQuote removes a quote; ENotFound when there is none.
	DeleteQuote(ctx context.Context, id int64) error
	// CompetitorPrices are the competitors' prices in market, in the
	// listing currency, those linked to the product sku first.
	CompetitorPrices(ctx context.Context, market, sku string) ([]CompetitorPrice, error)
}

// CompetitorPrice is one competitor listing's price.
type CompetitorPrice struct {
	Competitor string
	Product    string
	Platform   string
	Price      decimal.Decimal
	Currency   string
	SKU        string // the catalogue product it competes with; "" when not linked
}
