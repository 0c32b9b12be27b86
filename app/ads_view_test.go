package app_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/seller-assistant/seller-assistant/app"
	"github.com/seller-assistant/seller-assistant/app/mock"
)

// TACoS takes the orders of the campaigns' products over the days the ads
// cover, for the whole period and week by week.
func TestLoadAdsTACoS(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2026, 11, d, 0, 0, 0, 0, time.UTC) }
	var asked [][]string
	ws := &mock.Workspace{
		AdsStore: &mock.AdsStore{
			AdsDaysFn: func(app.AdsFilter) (app.AdsDays, error) {
				return app.AdsDays{Source: app.AdsCampaigns, Days: []app.AdsDay{
					{Day: day(2), Campaign: "A", AdsSums: app.AdsSums{SpendCents: 1000, SalesCents: 4000}},  // Monday
					{Day: day(10), Campaign: "B", AdsSums: app.AdsSums{SpendCents: 3000, SalesCents: 6000}}, // next Tuesday
				}}, nil
			},
			AdsRulesFn: func() ([]app.CampaignAdsRules, error) {
				return []app.CampaignAdsRules{{Campaign: "A", AdsRules: app.DefaultAdsRules(), SKU: "S1"}, {Campaign: "B", AdsRules: app.DefaultAdsRules(), SKU: "S2"}}, nil
			},
		},
		CampaignStore: &mock.CampaignStore{PeriodFiguresFn: func(from, to time.Time, f app.OrderFilter) (app.PeriodFigures, error) {
			asked = append(asked, f.SKUs)
			if !from.Equal(day(2)) || !to.Equal(day(10)) {
				t.Errorf("period %s..%s", from, to)
			}
			pf := app.PeriodFigures{From: from, To: to}
			per := map[string]int64{"S1": 100, "S2": 300} // per day, whole currency
			for d := from; !d.After(to); d = d.AddDate(0, 0, 1) {
				var v int64
				for _, s := range f.SKUs {
					v += per[s]
				}
				pf.Daily = append(pf.Daily, app.DayValue{Day: d, Value: decimal.NewFromInt(v)})
				pf.Revenue = pf.Revenue.Add(decimal.NewFromInt(v))
			}
			return pf, nil
		}},
	}
	v, err := app.LoadAds(context.Background(), ws, app.AdsFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(asked[0], []string{"S1", "S2"}) {
		t.Errorf("total sales asked for %v", asked)
	}
	o := v.Overview
	// 9 days × 400 = 3600.00; spend 40.00 → 1.1 %.
	if o.TotalSalesCents != 360000 || app.FormatPercent(o.TACoS()) != "1.1%" || o.TotalSalesSource != "orders" {
		t.Errorf("total %d %s %s", o.TotalSalesCents, app.FormatPercent(o.TACoS()), o.TotalSalesSource)
	}
	// Week of Nov 2: 7 days × 400 = 2800.00 against 10.00; week of Nov 9: 2 days = 800.00 against 30.00.
	if len(o.Weeks) != 2 || o.Weeks[0].TotalSalesCents != 280000 || o.Weeks[1].TotalSalesCents != 80000 ||
		app.FormatPercent(o.Weeks[1].TACoS()) != "3.8%" {
		t.Errorf("weeks %+v", o.Weeks)
	}
	// Campaign A's TACoS: 10.00 ÷ (9 × 100) = 1.1 %; B: 30.00 ÷ 2700 = 1.1 %.
	for _, c := range o.Campaigns {
		if app.FormatPercent(c.TACoS) != "1.1%" {
			t.Errorf("%s TACoS %s", c.Campaign, app.FormatPercent(c.TACoS))
		}
	}
}
