// Logistics channels: what a channel is and what it charges for one
// parcel. The ranking and the full unit cost (fees, storage) are in
// channel_rank.go; its charts in channel_charts.go.

package app

import (
	"github.com/shopspring/decimal"
)

// Logistics channel types.
var ChannelTypes = []string{"express", "postal", "dedicated_line", "overseas_warehouse", "fba"}

// LogisticsChannel is one way to ship a parcel to a market.
type LogisticsChannel struct {
	ID     int64
	Name   string
	Type   string // one of ChannelTypes
	Market string
	// Parcel channels (express, postal, dedicated line) price each parcel
	// door to door: FirstPrice for the first FirstWeightKg, PerKg above it.
	// Head-haul channels (FBA, overseas warehouse; IsHeadHaul) ship stock in
	// bulk to a warehouse: PerKg per chargeable kg with no first weight,
	// FirstWeightKg and FirstPrice unused (see ChannelCost).
	FirstWeightKg decimal.Decimal
	FirstPrice    decimal.Decimal // CNY for the first weight
	PerKg         decimal.Decimal // CNY per further kg; head haul: per chargeable kg
	// VolDivisor is cm³ per chargeable kg: express couriers 5000, air
	// freight 6000 (IATA's 1:6), sea freight 1000 (LCL is charged per
	// revenue ton, 1 m³ = 1 t, i.e. 1,000,000 cm³ per 1000 kg).
	VolDivisor int
	// MinChargeCNY is a head-haul minimum per shipment (CNY), spread over
	// CartonUnits, the units in a typical carton; 0 when none.
	MinChargeCNY decimal.Decimal
	CartonUnits  int
	// StoragePerUnit is warehouse or FBA storage per unit for its expected
	// time in stock, destination currency like FulfilmentFee; 0 when not known.
	StoragePerUnit decimal.Decimal
	DaysMin        int
	DaysMax        int
	Tracking       bool
	Stability      int // 1..5, the seller's judgement of how reliably it delivers
	Restrictions   string
	FulfilmentFee  decimal.Decimal // per order, destination currency: FBA fee, warehouse pick-and-pack
	MaxWeightKg    decimal.Decimal // 0: no limit
	BatteryOK      bool            // takes goods with built-in lithium batteries
	LiquidOK       bool
}

// ChannelCost is the CNY freight of one unit of kg chargeable weight on
// channel ch. A parcel channel charges the first weight's price plus the
// per-kg rate for what is above it. A head-haul channel (FBA, overseas
// warehouse) is bulk freight: kg * per_kg with no first weight, and at
// least the shipment minimum spread over a typical carton's units
// (min_charge / carton_units), since a carton is the smallest lot sent.
// ChannelCost is freight only; ChannelUnitCost adds fulfilment and storage.
func ChannelCost(ch LogisticsChannel, kg decimal.Decimal) decimal.Decimal {
	if ch.IsHeadHaul() {
		c := kg.Mul(ch.PerKg)
		if ch.MinChargeCNY.IsPositive() && ch.CartonUnits > 0 {
			c = decimal.Max(c, ch.MinChargeCNY.Div(decimal.NewFromInt(int64(ch.CartonUnits))))
		}
		return c
	}
	extra := kg.Sub(ch.FirstWeightKg)
	if extra.IsNegative() {
		extra = decimal.Zero
	}
	return ch.FirstPrice.Add(extra.Mul(ch.PerKg))
}

// HalfKiloCost is the door-to-door cost in CNY of one 0.5 kg unit with no
// volumetric weight on ch, fees at the rate of the channel's first market:
// the figure the channel overview compares.
func HalfKiloCost(ch LogisticsChannel) decimal.Decimal {
	return ChannelUnitCost(ch, Parcel{WeightKg: decimal.New(5, -1)}).Total
}
