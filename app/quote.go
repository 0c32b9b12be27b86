package app

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/seller-assistant/seller-assistant/app/format"
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
	// ClearancePerUnit is customs clearance, broker and insurance per unit
	// on the way to the destination warehouse or door: part of landed.
	ClearancePerUnit decimal.Decimal
	FulfilmentFee    decimal.Decimal
	PerOrderFee      decimal.Decimal
	// StoragePerUnit is warehouse or FBA storage for the months a unit is
	// expected to sit in stock: after landing, so in unit_cost, not landed.
	StoragePerUnit decimal.Decimal
	VATRate        decimal.Decimal // prices are VAT-inclusive when > 0
	ReferralRate   decimal.Decimal
	PaymentRate    decimal.Decimal
	// AdRate is ad spend over all sales (TACoS), charged on every unit sold;
	// not ACoS, which divides by ad-attributed sales only.
	AdRate       decimal.Decimal
	ReturnRate   decimal.Decimal // return reserve
	TargetMargin decimal.Decimal
	Price        decimal.Decimal // the price to test; zero when HasPrice is false
	HasPrice     bool
	// Currency is the selling currency's ISO 4217 code ("" when not
	// given): it decides the charm price's ending (see CharmPriceFor).
	Currency string
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
	// Landed is what a unit costs delivered to the destination warehouse or
	// door: goods + freight + duty + clearance_per_unit.
	Landed decimal.Decimal
	// UnitCost is everything a sold unit costs before the price-linked
	// fees: landed + fulfilment_fee + per_order_fee + storage_per_unit.
	UnitCost decimal.Decimal
	VarRate  decimal.Decimal // referral + payment + ad + return rates

	// BreakEven is unit_cost / (1/(1+vat) - var_rate); valid only when
	// BreakEvenOK, which is false when VAT and fees take the whole price.
	BreakEven   decimal.Decimal
	BreakEvenOK bool
	// Recommended is unit_cost / (1/(1+vat) - var_rate - target_margin),
	// and Charm the charm price at or above it in the quote's currency
	// (CharmPriceFor); valid only when RecommendedOK.
	Recommended   decimal.Decimal
	Charm         decimal.Decimal
	RecommendedOK bool

	// For the test price, when In.HasPrice.
	Profit        decimal.Decimal // p/(1+vat) - unit_cost - p*var_rate
	Margin        decimal.Decimal // profit / p
	ROI           decimal.Decimal // profit / unit_cost; valid when ROIOK (unit_cost > 0)
	ROIOK         bool
	BreakEvenACoS decimal.Decimal // (p/(1+vat) - unit_cost - p*(var_rate - ad_rate)) / p
}

var one = decimal.NewFromInt(1)

// Compute works out the quote from the formulas of the pricing guide:
//
//	goods      = (purchase_cost + other_unit_cost) / fx_rate
//	chargeable = max(weight_kg, length_cm*width_cm*height_cm / volumetric_divisor)
//	freight    = chargeable * freight_per_kg
//	duty       = duty_rate * (goods + (freight if duty_on_cif else 0))
//	landed     = goods + freight + duty + clearance_per_unit
//	unit_cost  = landed + fulfilment_fee + per_order_fee + storage_per_unit
//	var_rate   = referral_fee_rate + payment_fee_rate + ad_rate + return_rate
//	profit(p)  = p/(1+vat_rate) - unit_cost - p*var_rate
//	break_even_price  = unit_cost / (1/(1+vat_rate) - var_rate)
//	recommended_price = unit_cost / (1/(1+vat_rate) - var_rate - target_margin)
//	charm_price       = CharmPriceFor(currency, recommended_price)
//	margin(p) = profit(p)/p ; roi(p) = profit(p)/unit_cost
//	break_even_acos(p) = (p/(1+vat_rate) - unit_cost - p*(var_rate - ad_rate)) / p
//
// ad_rate is TACoS (ad spend over all sales), so it is charged on every
// unit; break_even_acos is the share of the price ads could take before the
// unit makes no profit.
//
// The two prices are computed as unit_cost*(1+vat) / (1 - (rates)*(1+vat)),
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
	q.Landed = q.Goods.Add(q.Freight).Add(q.Duty).Add(in.ClearancePerUnit)
	q.UnitCost = q.Landed.Add(in.FulfilmentFee).Add(in.PerOrderFee).Add(in.StoragePerUnit)
	q.VarRate = in.ReferralRate.Add(in.PaymentRate).Add(in.AdRate).Add(in.ReturnRate)

	q.BreakEven, q.BreakEvenOK = in.priceFor(q.UnitCost, q.VarRate)
	q.Recommended, q.RecommendedOK = in.priceFor(q.UnitCost, q.VarRate.Add(in.TargetMargin))
	if q.RecommendedOK {
		q.Charm = CharmPriceFor(in.Currency, q.Recommended)
	}
	if in.HasPrice && in.Price.IsPositive() {
		p := in.Price
		q.Profit = in.ProfitAt(q.UnitCost, q.VarRate, p)
		q.Margin = q.Profit.Div(p)
		if q.UnitCost.IsPositive() {
			q.ROI, q.ROIOK = q.Profit.Div(q.UnitCost), true
		}
		q.BreakEvenACoS = q.Profit.Add(p.Mul(in.AdRate)).Div(p)
	}
	return q
}

// priceFor solves p/(1+vat) - unit_cost - p*rates = 0 for p.
func (in QuoteInput) priceFor(unitCost, rates decimal.Decimal) (decimal.Decimal, bool) {
	vat1 := one.Add(in.VATRate)
	den := one.Sub(rates.Mul(vat1))
	if !den.IsPositive() {
		return decimal.Zero, false
	}
	return unitCost.Mul(vat1).Div(den), true
}

// ProfitAt is profit(p) = p/(1+vat) - unit_cost - p*var_rate.
func (in QuoteInput) ProfitAt(unitCost, varRate, p decimal.Decimal) decimal.Decimal {
	return p.Div(one.Add(in.VATRate)).Sub(unitCost).Sub(p.Mul(varRate))
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

// ZeroDecimalCurrency reports whether prices in the ISO 4217 currency code
// are whole units (JPY, KRW, VND …), as app/format writes them.
func ZeroDecimalCurrency(code string) bool { return format.Decimals(code) == 0 }

// CharmPriceFor is the psychological price at or above p (p >= 0) in the
// selling currency, following how each market writes prices:
//
//   - JPY: the smallest whole-yen price whose last two digits are 80
//     (¥1,973.99 -> ¥1,980; ¥1,981 -> ¥2,080; ¥1,980 stays), the 980/1,980
//     ending of Japanese shelves and marketplaces.
//   - KRW: the smallest whole-won price ending in 900 (₩12,345 -> ₩12,900),
//     the 9,900/19,900 ending Korean shops use.
//   - other zero-decimal currencies (VND, CLP, ISK …): the price rounded up
//     to a whole unit, with no ending imposed, because no single ending is
//     the custom across them.
//   - every currency with cents, and a quote with no currency: the smallest
//     x.99 (CharmPrice).
func CharmPriceFor(currency string, p decimal.Decimal) decimal.Decimal {
	switch c := strings.ToUpper(currency); {
	case c == "JPY":
		return endingAtOrAbove(p, decimal.NewFromInt(100), decimal.NewFromInt(80))
	case c == "KRW":
		return endingAtOrAbove(p, decimal.NewFromInt(1000), decimal.NewFromInt(900))
	case ZeroDecimalCurrency(c):
		return p.Ceil()
	}
	return CharmPrice(p)
}

// endingAtOrAbove is the smallest whole number >= p that leaves rest when
// divided by step (step > rest >= 0).
func endingAtOrAbove(p, step, rest decimal.Decimal) decimal.Decimal {
	c := p.Div(step).Floor().Mul(step).Add(rest)
	if c.LessThan(p) {
		c = c.Add(step)
	}
	return c
}

// QuoteMoney rounds a money figure for display: 2 places, thousands grouped
// ("1,234.50"); format.Amount gives a currency its own decimals.
func QuoteMoney(d decimal.Decimal) string { return format.Fixed(d, 2) }

// QuoteRate shows a computed rate (margin, ROI, break-even ACoS) as a
// percentage with one decimal: 0.1234 -> "12.3%".
func QuoteRate(d decimal.Decimal) string { return format.Percent(d, 1) }

// QuoteInputRate shows a rate a person typed (a referral fee, a duty rate)
// with every decimal it has, so a formula repeats the input as given:
// 0.15 -> "15%", 0.029 -> "2.9%", 0.0125 -> "1.25%".
func QuoteInputRate(d decimal.Decimal) string { return format.PercentExact(d) }

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
	optional bool // may be absent from the JSON: 0 then
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
		{name: "clearance_per_unit", dec: &in.ClearancePerUnit, optional: true},
		{name: "fulfilment_fee", dec: &in.FulfilmentFee},
		{name: "per_order_fee", dec: &in.PerOrderFee},
		{name: "storage_per_unit", dec: &in.StoragePerUnit, optional: true},
		{name: "vat_rate", dec: &in.VATRate, rate: true},
		{name: "referral_fee_rate", dec: &in.ReferralRate, rate: true},
		{name: "payment_fee_rate", dec: &in.PaymentRate, rate: true},
		{name: "ad_rate", dec: &in.AdRate, rate: true},
		{name: "return_rate", dec: &in.ReturnRate, rate: true},
		{name: "target_margin", dec: &in.TargetMargin, rate: true},
	}
}

// QuoteNumber is one numeric input of a quote as a form handles it: its
// JSON name, whether it is a rate (held as a fraction, typed as a
// percentage), and where it lives in the input.
type QuoteNumber struct {
	Name  string
	Rate  bool
	Value *decimal.Decimal
}

// Numbers are in's numeric inputs in form order (every input but the
// duty_on_cif flag), so a form reads and writes them from the one list the
// JSON parser and the validation use.
func (in *QuoteInput) Numbers() []QuoteNumber {
	var out []QuoteNumber
	for _, f := range in.fields() {
		if f.dec != nil {
			out = append(out, QuoteNumber{Name: f.name, Rate: f.rate, Value: f.dec})
		}
	}
	return out
}

// QuoteFieldNames are the input names of the quote JSON, in form order
// (without the optional "price", "currency" and "market").
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

// utf8BOM is what Windows Notepad writes before UTF-8 text; JSON forbids it
// (RFC 8259 §8.1) but allows a parser to ignore it, and a seller's file
// saved in Notepad must read.
var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// marketFilled are the inputs a "market" fills when they are absent.
var marketFilled = []string{"currency", "vat_rate", "duty_on_cif", "fx_rate"}

// ParseQuoteJSON reads one JSON object with every input under its
// snake_case name (rates as fractions, duty_on_cif a boolean). Optional:
// price, clearance_per_unit and storage_per_unit (0 when absent), currency
// (ISO 4217, e.g. "JPY") and market (ISO 3166 country code, e.g. "JP").
// With a market, the inputs that are absent among currency, vat_rate,
// duty_on_cif and fx_rate are that market's defaults (DefaultsFor);
// nothing else is defaulted: a missing, mistyped, unknown or invalid field
// is an EInvalid error naming it. Numbers may be JSON numbers or numeric
// strings; they are read as decimals, never through float. A UTF-8 byte
// order mark before the object is skipped.
func ParseQuoteJSON(r io.Reader) (QuoteInput, error) {
	var in QuoteInput
	raw, err := decodeQuoteObject(r)
	if err != nil {
		return in, err
	}
	md, hasMarket, err := quoteMarket(raw)
	if err != nil {
		return in, err
	}
	// filled: a field the file leaves out that the market's defaults supply.
	filled := func(name string) bool {
		_, present := raw[name]
		return !present && hasMarket && contains(marketFilled, name)
	}
	known := map[string]bool{"price": true, "currency": true, "market": true}
	for _, f := range in.fields() {
		known[f.name] = true
		if err := readQuoteField(f, raw, filled(f.name), md, &in); err != nil {
			return in, err
		}
	}
	if msg, ok := raw["price"]; ok && !isJSONNull(msg) {
		d, err := jsonDecimal(msg)
		if err != nil {
			return in, numberError(err, "price")
		}
		in.Price, in.HasPrice = d, true
	}
	switch msg, ok := raw["currency"]; {
	case ok && !isJSONNull(msg):
		var code string
		if json.Unmarshal(msg, &code) != nil || !isCurrencyCode(strings.TrimSpace(code)) {
			return in, Errorf(EInvalid, "pricing.error.currency", "currency", string(msg))
		}
		in.Currency = strings.ToUpper(strings.TrimSpace(code))
	case filled("currency"):
		in.Currency = md.Currency
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

// decodeQuoteObject reads one JSON object of at most 1 MiB, skipping the
// byte-order mark Windows Notepad writes.
func decodeQuoteObject(r io.Reader) (map[string]json.RawMessage, error) {
	b, err := io.ReadAll(io.LimitReader(r, maxQuoteJSON+1))
	if err != nil {
		return nil, Wrap(err, EInvalid, "pricing.error.json", err.Error())
	}
	if len(b) > maxQuoteJSON {
		return nil, Errorf(EInvalid, "pricing.error.json", "input larger than 1 MiB")
	}
	b = bytes.TrimPrefix(b, utf8BOM)
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var raw map[string]json.RawMessage
	if err := dec.Decode(&raw); err != nil {
		return nil, Errorf(EInvalid, "pricing.error.json", err.Error())
	}
	if raw == nil {
		return nil, Errorf(EInvalid, "pricing.error.json", "expected a JSON object")
	}
	if dec.More() {
		return nil, Errorf(EInvalid, "pricing.error.json", "more than one JSON value")
	}
	return raw, nil
}

func isJSONNull(msg json.RawMessage) bool { return string(bytes.TrimSpace(msg)) == "null" }

// quoteMarket is the market the file names, if any, with its defaults.
func quoteMarket(raw map[string]json.RawMessage) (md MarketDefaults, ok bool, err error) {
	msg, present := raw["market"]
	if !present || isJSONNull(msg) {
		return md, false, nil
	}
	var code string
	if json.Unmarshal(msg, &code) != nil {
		return md, false, Errorf(EInvalid, "pricing.error.market", "market", string(msg), marketCodes())
	}
	if md, ok = DefaultsFor(code); !ok {
		return md, false, Errorf(EInvalid, "pricing.error.market", "market", code, marketCodes())
	}
	return md, true, nil
}

// readQuoteField sets one input field from the file, or from the market's
// defaults when the file leaves it out; a required field left out is an
// error naming it.
func readQuoteField(f quoteField, raw map[string]json.RawMessage, filled bool, md MarketDefaults, in *QuoteInput) error {
	msg, ok := raw[f.name]
	switch {
	case !ok && filled:
		switch f.name {
		case "vat_rate":
			in.VATRate = md.VATRate
		case "duty_on_cif":
			in.DutyOnCIF = md.DutyOnCIF
		case "fx_rate":
			in.FXRate = md.FXRate
		}
		return nil
	case !ok && f.optional:
		return nil
	case !ok:
		return Errorf(EInvalid, "pricing.error.missing", f.name)
	}
	if f.flag != nil {
		if err := json.Unmarshal(msg, f.flag); err != nil {
			return Errorf(EInvalid, "pricing.error.bool", f.name)
		}
		return nil
	}
	d, err := jsonDecimal(msg)
	if err != nil {
		return numberError(err, f.name)
	}
	*f.dec = d
	return nil
}

// iso4217 are the active ISO 4217 currency codes for money (list one,
// without funds, metals and test codes), as of 2025.
const iso4217 = `AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN BWP BYN BZD
CAD CDF CHF CLP CNY COP CRC CUC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GNF GTQ GYD
HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD
MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON
RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SLL SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH
UGX USD UYU UZS VED VES VND VUV WST XAF XCD XCG XOF XPF YER ZAR ZMW ZWG ZWL`

var currencyCodes = func() map[string]bool {
	m := map[string]bool{}
	for _, c := range strings.Fields(iso4217) {
		m[c] = true
	}
	return m
}()

// isCurrencyCode accepts an ISO 4217 code in any case.
func isCurrencyCode(s string) bool { return currencyCodes[strings.ToUpper(s)] }

func marketCodes() string {
	var codes []string
	for _, m := range marketDefaults {
		codes = append(codes, m.Market)
	}
	return strings.Join(codes, ", ")
}

// errOutOfRange: a number, but not one a quote can mean.
var errOutOfRange = errors.New("out of range")

// numberError names the field and says whether its value is no number at
// all or a number out of the range a quote takes.
func numberError(err error, field string) error {
	if errors.Is(err, errOutOfRange) {
		return Errorf(EInvalid, "pricing.error.range", field)
	}
	return Errorf(EInvalid, "pricing.error.number", field)
}

// maxQuoteNumber bounds every number of a quote: no unit cost or price
// comes near a trillion, even in đồng, and a huge one would make every
// later step allocate without bound.
var maxQuoteNumber = decimal.New(1, 12)

// jsonDecimal reads a JSON number or a string holding one. A number beyond
// ±10^12 or with more than 12 decimal places is errOutOfRange.
func jsonDecimal(msg json.RawMessage) (decimal.Decimal, error) {
	s := strings.TrimSpace(string(msg))
	if strings.HasPrefix(s, `"`) {
		if err := json.Unmarshal(msg, &s); err != nil {
			return decimal.Zero, err
		}
		s = strings.TrimSpace(s)
	}
	if s == "" || s == "null" {
		return decimal.Zero, fmt.Errorf("not a number")
	}
	if len(s) > 40 {
		// Too long to parse cheaply; say "out of range" only when it is
		// written as a number.
		if strings.Trim(s, "+-0123456789.eE") == "" {
			return decimal.Zero, errOutOfRange
		}
		return decimal.Zero, fmt.Errorf("not a number")
	}
	d, err := decimal.NewFromString(s)
	if err != nil {
		return decimal.Zero, err
	}
	// Exponents are legal JSON but no price needs one; check the exponent
	// before the magnitude so 1e400 is never expanded.
	if e := d.Exponent(); e > 12 || d.Abs().GreaterThanOrEqual(maxQuoteNumber) {
		return decimal.Zero, errOutOfRange
	}
	if d.Exponent() < -12 {
		// More than 12 decimal places, unless the digits beyond are zeros.
		if r := d.Round(12); !r.Equal(d) {
			return decimal.Zero, errOutOfRange
		}
		d = d.Round(12)
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
	if in.Currency != "" {
		m["currency"] = in.Currency
	}
	b, _ := json.Marshal(m) // strings and bools only: cannot fail
	return b
}

// QuoteResultJSON is the CLI's answer: currency (null when not known),
// vat_rate, duty_on_cif, chargeable_kg, freight, duty, landed, unit_cost,
// break_even_price, recommended_price, charm_price and, with a test price,
// profit, margin, roi and break_even_acos. Money and kilograms are rounded
// to 2 places, rates to 4. A price no price reaches is null, with the
// reason in "no_price"; a ROI with no unit cost is null.
func (q Quote) QuoteResultJSON(l *Localizer) []byte {
	num := func(d decimal.Decimal, places int32) json.RawMessage {
		return json.RawMessage(d.StringFixed(places))
	}
	type kv struct {
		k string
		v json.RawMessage
	}
	null := json.RawMessage("null")
	cur := null
	if q.In.Currency != "" {
		cur, _ = json.Marshal(q.In.Currency)
	}
	cif, _ := json.Marshal(q.In.DutyOnCIF)
	out := []kv{
		{"currency", cur},
		{"vat_rate", num(q.In.VATRate, 4)},
		{"duty_on_cif", cif},
		{"chargeable_kg", num(q.ChargeableKg, 2)},
		{"freight", num(q.Freight, 2)},
		{"duty", num(q.Duty, 2)},
		{"landed", num(q.Landed, 2)},
		{"unit_cost", num(q.UnitCost, 2)},
	}
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
		return l.T("pricing.no_break_even_novat", QuoteInputRate(q.VarRate))
	case !q.BreakEvenOK:
		return l.T("pricing.no_break_even", QuoteRate(vatShare), QuoteInputRate(q.VarRate))
	case !q.RecommendedOK && noVAT:
		return l.T("pricing.no_price_novat", QuoteInputRate(q.In.TargetMargin), QuoteInputRate(q.VarRate))
	case !q.RecommendedOK:
		return l.T("pricing.no_price", QuoteInputRate(q.In.TargetMargin), QuoteRate(vatShare), QuoteInputRate(q.VarRate))
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
	d.NewProfit = q.In.ProfitAt(q.UnitCost, q.VarRate, d.NewPrice)
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

// Market defaults a quote starts from. VAT is each market's standard rate
// where marketplace prices include it (EU, GB, JP's consumption tax, AU's
// GST); US and Canadian prices carry none, sales tax or GST/HST being added
// at checkout. Duty rates are typical for household goods and only a
// starting point: the real rate depends on the HS code. Whether duty is on
// the goods alone (FOB) or on goods + freight + insurance (CIF) is the
// market's customs-valuation law, cited per row; US, Canada and Australia
// value on FOB, the EU, UK and Japan on CIF.
type MarketDefaults struct {
	Market    string // ISO 3166-1 alpha-2
	Currency  string // ISO 4217
	VATRate   decimal.Decimal
	DutyRate  decimal.Decimal
	DutyOnCIF bool
	FXRate    decimal.Decimal // CNY per unit of Currency, a rounded recent rate
}

func mdRow(market, currency, vat, duty string, cif bool, fx string) MarketDefaults {
	return MarketDefaults{market, currency, decimal.RequireFromString(vat), decimal.RequireFromString(duty), cif,
		decimal.RequireFromString(fx)}
}

var marketDefaults = []MarketDefaults{
	// US: transaction value, 19 U.S.C. §1401a(b)(4)(A): international
	// freight and insurance are excluded: FOB.
	mdRow("US", "USD", "0", "0.034", false, "7.20"),
	// GB: Taxation (Cross-border Trade) Act 2018, Sch. 1 (valuation as the
	// EU's): transport and insurance to the place of import are added: CIF.
	mdRow("GB", "GBP", "0.20", "0.04", true, "9.10"),
	// DE, FR, IT, ES: Union Customs Code art. 71(1)(e): transport and
	// insurance up to the EU border are added: CIF.
	mdRow("DE", "EUR", "0.19", "0.04", true, "7.75"),
	mdRow("FR", "EUR", "0.20", "0.04", true, "7.75"),
	mdRow("IT", "EUR", "0.22", "0.04", true, "7.75"),
	mdRow("ES", "EUR", "0.21", "0.04", true, "7.75"),
	// JP: Customs Tariff Act (関税定率法) art. 4(1): freight and insurance
	// to the port of import are part of the value: CIF.
	mdRow("JP", "JPY", "0.10", "0.03", true, "0.048"),
	// CA: Customs Act s. 48 (transaction value): transport and insurance
	// from the place of direct shipment to Canada are left out: FOB.
	mdRow("CA", "CAD", "0", "0.065", false, "5.15"),
	// AU: Customs Act 1901 Part VIII Div. 2 (ss. 159-161, transaction
	// value) leaves out overseas freight and insurance: duty on FOB. GST is
	// on CIF + duty at import, but marketplaces collect it in the
	// GST-inclusive price, which is the vat_rate here.
	mdRow("AU", "AUD", "0.10", "0.05", false, "4.70"),
}

// PricingMarkets are the markets with defaults, in the shop's order.
func PricingMarkets() []MarketDefaults { return append([]MarketDefaults(nil), marketDefaults...) }

// DefaultsFor returns the defaults of market (an ISO country code, any
// case), and false for a market without any (the form then keeps what is
// typed).
func DefaultsFor(market string) (MarketDefaults, bool) {
	market = strings.ToUpper(strings.TrimSpace(market))
	for _, m := range marketDefaults {
		if m.Market == market {
			return m, true
		}
	}
	return MarketDefaults{}, false
}

// QuoteDefaults builds a quote input from a product, market, platform and
// channel, each optional (nil), with the seller's standing assumptions for
// what no table holds: 10 % ads, 3 % return reserve, 25 % target margin.
// Freight per kg is the channel's effective rate for the product's
// chargeable weight (ChannelCost: a parcel channel's first-weight price plus
// per-kg above it, or a head haul's bulk rate with its carton minimum,
// spread over the weight), in the selling currency; fulfilment and storage
// are the channel's. The currency is the market's.
func QuoteDefaults(p *Product, market string, pl *Platform, ch *LogisticsChannel) QuoteInput {
	return QuoteDefaultsFX(p, market, pl, ch, decimal.Zero)
}

// QuoteDefaultsFX is QuoteDefaults with the workspace's rate for the
// market's currency: a positive fx (yuan per unit, FXTable.RateOn) replaces
// the built-in one, also in converting the channel's yuan freight.
func QuoteDefaultsFX(p *Product, market string, pl *Platform, ch *LogisticsChannel, fx decimal.Decimal) QuoteInput {
	in := QuoteInput{
		FXRate: decimal.RequireFromString("7.20"), VolDivisor: decimal.NewFromInt(6000),
		AdRate: decimal.RequireFromString("0.10"), ReturnRate: decimal.RequireFromString("0.03"),
		TargetMargin: decimal.RequireFromString("0.25"),
	}
	if md, ok := DefaultsFor(market); ok {
		in.FXRate, in.VATRate, in.DutyRate, in.DutyOnCIF = md.FXRate, md.VATRate, md.DutyRate, md.DutyOnCIF
		in.Currency = md.Currency
	}
	if fx.IsPositive() {
		in.FXRate = fx
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
		in.FulfilmentFee, in.StoragePerUnit = ch.FulfilmentFee, ch.StoragePerUnit
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
