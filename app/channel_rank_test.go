package app_test

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/seller-assistant/seller-assistant/app"
)

func rankChannels() []app.LogisticsChannel {
	return []app.LogisticsChannel{
		// express: 138 for 0.5 kg, fast and reliable
		{Name: "Express", Type: "express", Market: "GB", FirstWeightKg: d("0.5"), FirstPrice: d("138"), PerKg: d("68"), VolDivisor: 5000, DaysMin: 3, DaysMax: 5, Stability: 5, BatteryOK: true},
		// postal: cheap, slow, shaky, no batteries, 2 kg at most
		{Name: "Postal", Type: "postal", Market: "GB,US", FirstWeightKg: d("0.05"), FirstPrice: d("9.5"), PerKg: d("88"), VolDivisor: 6000, DaysMin: 15, DaysMax: 29, Stability: 2, MaxWeightKg: d("2")},
		{Name: "Line", Type: "dedicated_line", Market: "GB", FirstWeightKg: d("0.1"), FirstPrice: d("26"), PerKg: d("78"), VolDivisor: 8000, DaysMin: 7, DaysMax: 11, Stability: 3, BatteryOK: true},
		{Name: "Japan FBA", Type: "fba", Market: "JP", FirstWeightKg: d("0.5"), FirstPrice: d("33"), PerKg: d("21"), VolDivisor: 6000, DaysMin: 1, DaysMax: 3, Stability: 4},
	}
}

func TestRankChannels(t *testing.T) {
	parcel := app.Parcel{WeightKg: d("0.5"), LengthCm: d("20"), WidthCm: d("10"), HeightCm: d("10"), Market: "GB"}
	names := func(r []app.ChannelScore) string {
		var s []string
		for _, cs := range r {
			s = append(s, cs.Channel.Name)
		}
		return strings.Join(s, ",")
	}
	tests := []struct {
		name   string
		parcel func(*app.Parcel)
		w      app.RankWeights
		want   string
	}{
		// postal: 9.5 + 0.45*88 = 49.10; line 26 + 0.4*78 = 57.20; express 138
		{"cost only: cheapest first", nil, app.RankWeights{Cost: d("1")}, "Postal,Line,Express,Japan FBA"},
		{"speed only: fastest first", nil, app.RankWeights{Speed: d("1")}, "Express,Line,Postal,Japan FBA"},
		{"stability only", nil, app.RankWeights{Stability: d("1")}, "Express,Line,Postal,Japan FBA"},
		{"a battery excludes postal", func(p *app.Parcel) { p.Battery = true }, app.RankWeights{Cost: d("1")}, "Line,Express,Postal,Japan FBA"},
		{"too heavy for postal", func(p *app.Parcel) { p.WeightKg = d("3") }, app.RankWeights{Cost: d("1")}, "Line,Express,Postal,Japan FBA"},
		{"zero weights count as equal", nil, app.RankWeights{}, "Express,Line,Postal,Japan FBA"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := parcel
			if tt.parcel != nil {
				tt.parcel(&p)
			}
			r := app.RankChannels(rankChannels(), p, tt.w)
			if got := names(r); got != tt.want {
				t.Fatalf("ranking %s, want %s", got, tt.want)
			}
			if r[len(r)-1].Excluded != "channels.excluded.market" {
				t.Errorf("Japan FBA excluded for %q", r[len(r)-1].Excluded)
			}
			if r[0].Score.GreaterThan(d("100")) || r[0].Score.IsNegative() {
				t.Errorf("score %s out of 0..100", r[0].Score)
			}
			why := app.WhyWins(app.English(), r, tt.w)
			if !strings.Contains(why, r[0].Channel.Name) {
				t.Errorf("why %q does not name the winner", why)
			}
			for _, c := range []app.Chart{app.ChannelRankingChart(app.English(), r), app.ParcelCostDaysChart(app.English(), r)} {
				if err := c.Validate(); err != nil {
					t.Error(err)
				}
			}
		})
	}
	r := app.RankChannels(rankChannels(), parcel, app.RankWeights{Cost: d("1")})
	if r[0].Cost.StringFixed(2) != "49.10" || r[0].ChargeableKg.String() != "0.5" {
		t.Errorf("postal cost %s for %s kg", r[0].Cost, r[0].ChargeableKg)
	}
	if r[0].CostScore.String() != "1" {
		t.Errorf("cheapest cost score %s, want 1", r[0].CostScore)
	}
	// volumetric weight: 40x30x20 = 24000 cm³ is 4.8 kg at 5000, 3 kg at 8000
	big := app.RankChannels(rankChannels(), app.Parcel{WeightKg: d("1"), LengthCm: d("40"), WidthCm: d("30"), HeightCm: d("20"), Market: "GB"}, app.RankWeights{Cost: d("1")})
	for _, cs := range big {
		if cs.Channel.Name == "Express" && cs.ChargeableKg.String() != "4.8" {
			t.Errorf("express chargeable %s", cs.ChargeableKg)
		}
		if cs.Channel.Name == "Line" && cs.ChargeableKg.String() != "3" {
			t.Errorf("line chargeable %s", cs.ChargeableKg)
		}
	}
}

func TestChannelAndPlatformValidate(t *testing.T) {
	good := rankChannels()[0]
	if err := good.Validate(); err != nil {
		t.Fatal(err)
	}
	for name, edit := range map[string]func(*app.LogisticsChannel){
		"channels.error.name":        func(c *app.LogisticsChannel) { c.Name = " " },
		"channels.error.type":        func(c *app.LogisticsChannel) { c.Type = "teleport" },
		"channels.error.per_kg":      func(c *app.LogisticsChannel) { c.PerKg = d("-1") },
		"channels.error.vol_divisor": func(c *app.LogisticsChannel) { c.VolDivisor = 0 },
		"channels.error.days":        func(c *app.LogisticsChannel) { c.DaysMin, c.DaysMax = 9, 3 },
		"channels.error.stability":   func(c *app.LogisticsChannel) { c.Stability = 6 },
	} {
		c := good
		edit(&c)
		var e *app.Error
		if err := c.Validate(); err == nil || !asError(err, &e) || e.Key != name {
			t.Errorf("%s: got %v", name, err)
		}
	}
	pl := app.Platform{Name: "Amazon UK", ReferralRate: d("0.15")}
	if err := pl.Validate(); err != nil {
		t.Fatal(err)
	}
	pl.PaymentRate = d("1")
	if err := pl.Validate(); app.ErrorCode(err) != app.EInvalid {
		t.Errorf("payment rate 1: %v", err)
	}
}

func asError(err error, e **app.Error) bool {
	var ok bool
	*e, ok = err.(*app.Error)
	return ok
}

func TestCategoryRates(t *testing.T) {
	m, err := app.ParseCategoryRates("Kitchen: 15 %; Lighting:12\nPhone accessories: 8%")
	if err != nil {
		t.Fatal(err)
	}
	if len(m) != 3 || m["Lighting"].String() != "0.12" || m["Phone accessories"].String() != "0.08" {
		t.Fatalf("parsed %v", m)
	}
	if got := app.FormatCategoryRates(m); got != "Kitchen: 15 %\nLighting: 12 %\nPhone accessories: 8 %" {
		t.Errorf("formatted %q", got)
	}
	for _, bad := range []string{"Kitchen 15", "Kitchen: abc", ": 15", "Kitchen: 150"} {
		if _, err := app.ParseCategoryRates(bad); app.ErrorCode(err) != app.EInvalid || !strings.Contains(err.Error(), strings.TrimSpace(bad)) {
			t.Errorf("%q: %v", bad, err)
		}
	}
	pl := app.Platform{ReferralRate: d("0.15"), CategoryRates: map[string]decimal.Decimal{"Kitchen": d("0.08")}}
	if pl.ReferralRateFor("kitchen").String() != "0.08" || pl.ReferralRateFor("Toys").String() != "0.15" {
		t.Error("ReferralRateFor")
	}
}
