package app_test

import (
	"testing"

	"github.com/seller-assistant/seller-assistant/app"
)

// fbaUS is an air head-haul channel as the demo keeps it: ¥32 per
// chargeable kg at 6000 cm³/kg, at least 21 kg (¥672) a shipment spread
// over a 100-unit carton, then a $3.22 FBA fee and $0.15 storage a unit.
func fbaUS() app.LogisticsChannel {
	return app.LogisticsChannel{Name: "FBA US", Type: "fba", Market: "US", PerKg: d("32"), VolDivisor: 6000,
		MinChargeCNY: d("672"), CartonUnits: 100, FulfilmentFee: d("3.22"), StoragePerUnit: d("0.15"),
		DaysMin: 1, DaysMax: 3, Stability: 5, BatteryOK: true, LiquidOK: true,
		// the old parcel-style figures: no longer read for a head-haul channel
		FirstWeightKg: d("0.5"), FirstPrice: d("46")}
}

func TestHeadHaulIsBulkFreight(t *testing.T) {
	ch := fbaUS()
	ch.MinChargeCNY, ch.CartonUnits = d("0"), 0
	tests := []struct {
		name string
		ch   app.LogisticsChannel
		kg   string
		want string
	}{
		// 0.045 kg * 32 = 1.44: no 0.5 kg first weight (it was ¥46 = $6.39)
		{"45 g phone case, no minimum", ch, "0.045", "1.44"},
		{"2 kg", ch, "2", "64.00"},
		// 672 / 100 = 6.72 a unit beats 0.045 * 32
		{"45 g with the shipment minimum", fbaUS(), "0.045", "6.72"},
		// 0.5 * 32 = 16 > 6.72: the minimum no longer binds
		{"0.5 kg with the shipment minimum", fbaUS(), "0.5", "16.00"},
		// a parcel channel keeps first weight + per kg: 9.5 + (0.2 - 0.05) * 88
		{"postal parcel", app.LogisticsChannel{Type: "postal", FirstWeightKg: d("0.05"), FirstPrice: d("9.5"), PerKg: d("88")}, "0.2", "22.70"},
		// an overseas warehouse by sea: per revenue ton, ¥2.5 per kg of 1000 cm³
		{"sea to a warehouse", app.LogisticsChannel{Type: "overseas_warehouse", PerKg: d("2.5"), VolDivisor: 1000}, "0.36", "0.90"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := app.ChannelCost(tt.ch, d(tt.kg)).StringFixed(2); got != tt.want {
				t.Errorf("ChannelCost = %s, want %s", got, tt.want)
			}
		})
	}
}

// The ranking compares door to door: head haul + fulfilment (+ storage)
// for FBA against a postal parcel's price to the door.
func TestRankDoorToDoor(t *testing.T) {
	postal := app.LogisticsChannel{Name: "Postal", Type: "postal", Market: "US", FirstWeightKg: d("0.05"), FirstPrice: d("9.5"),
		PerKg: d("88"), VolDivisor: 6000, DaysMin: 15, DaysMax: 30, Stability: 2}
	case45 := app.Parcel{WeightKg: d("0.045"), LengthCm: d("18"), WidthCm: d("9.5"), HeightCm: d("1.5"), Market: "US"}
	u := app.ChannelUnitCost(fbaUS(), case45)
	// chargeable max(0.045, 256.5/6000 = 0.04275) = 0.045; freight max(1.44, 6.72) = 6.72;
	// fulfilment 3.22 * 7.20 = 23.184; storage 0.15 * 7.20 = 1.08; total 30.984
	if u.ChargeableKg.String() != "0.045" || u.Freight.StringFixed(2) != "6.72" || u.Fulfilment.StringFixed(3) != "23.184" ||
		u.Storage.StringFixed(2) != "1.08" || u.Total.StringFixed(3) != "30.984" {
		t.Errorf("FBA door to door: %+v", u)
	}
	r := app.RankChannels([]app.LogisticsChannel{fbaUS(), postal}, case45, app.RankWeights{Cost: d("1")})
	// postal: 9.5 (under its 50 g first weight) beats FBA's 30.98 on cost
	if r[0].Channel.Name != "Postal" || !r[1].Cost.Equal(u.Total) || r[0].Cost.StringFixed(2) != "9.50" {
		t.Fatalf("ranking: %s %s, %s %s", r[0].Channel.Name, r[0].Cost, r[1].Channel.Name, r[1].Cost)
	}
	// cost score = 9.5 / 30.984
	if got := r[1].CostScore.StringFixed(4); got != "0.3066" {
		t.Errorf("FBA cost score = %s, want 0.3066", got)
	}
	// A JPY fee is turned into CNY at the market's rate: ¥318 * 0.048 = 15.264.
	jp := app.LogisticsChannel{Type: "fba", Market: "JP", PerKg: d("2"), VolDivisor: 1000, FulfilmentFee: d("318"), Stability: 4}
	if u := app.ChannelUnitCost(jp, app.Parcel{WeightKg: d("0.045"), LengthCm: d("18"), WidthCm: d("9.5"), HeightCm: d("1.5"), Market: "JP"}); u.Fulfilment.StringFixed(3) != "15.264" ||
		u.ChargeableKg.StringFixed(4) != "0.2565" || u.Freight.StringFixed(3) != "0.513" {
		t.Errorf("JP sea FBA: %+v", u)
	}
}

func TestChannelValidateHeadHaul(t *testing.T) {
	ch := fbaUS()
	if err := ch.Validate(); err != nil {
		t.Fatal(err)
	}
	ch.CartonUnits = 0
	if err := ch.Validate(); app.ErrorCode(err) != app.EInvalid {
		t.Errorf("a minimum with no carton to spread it over: %v", err)
	}
	ch = fbaUS()
	ch.StoragePerUnit = d("-1")
	if err := ch.Validate(); app.ErrorCode(err) != app.EInvalid {
		t.Errorf("negative storage: %v", err)
	}
}

// Fees are in the currency of the market the channel serves: a JP channel
// listed (ineligible) for a US parcel keeps its yen fee in yen.
func TestFeeFXFollowsTheChannelsMarket(t *testing.T) {
	jp := app.LogisticsChannel{Type: "fba", Market: "JP", FulfilmentFee: d("318")}
	de := app.LogisticsChannel{Type: "overseas_warehouse", Market: "DE,FR"}
	anyMarket := app.LogisticsChannel{Type: "overseas_warehouse"}
	for _, tt := range []struct {
		ch     app.LogisticsChannel
		market string
		want   string
	}{
		{jp, "US", "0.048"}, {jp, "JP", "0.048"}, {de, "FR", "7.75"}, {de, "GB", "7.75"}, {anyMarket, "GB", "9.1"}, {anyMarket, "", "7.2"},
	} {
		if got := app.FeeFX(tt.ch, tt.market); got.String() != tt.want {
			t.Errorf("FeeFX(%s, %q) = %s, want %s", tt.ch.Market, tt.market, got, tt.want)
		}
	}
	if u := app.ChannelUnitCost(jp, app.Parcel{WeightKg: d("0.1"), Market: "US"}); u.Fulfilment.StringFixed(3) != "15.264" {
		t.Errorf("JP fee for a US parcel: %s CNY, want 318 * 0.048 = 15.264", u.Fulfilment)
	}
}
