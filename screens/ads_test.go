package screens

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
	"github.com/shopspring/decimal"

	"github.com/seller-assistant/seller-assistant/app"
	"github.com/seller-assistant/seller-assistant/app/mock"
)

// adsDB is the double behind the Advertising screen.
type adsDB struct {
	rules   []app.CampaignAdsRules
	filters []app.AdsFilter
}

func (db *adsDB) workspace() *mock.Workspace {
	day := func(d int) time.Time { return time.Date(2026, 11, d, 0, 0, 0, 0, time.UTC) }
	return &mock.Workspace{AdsStore: &mock.AdsStore{
		AdsDaysFn: func(f app.AdsFilter) (app.AdsDays, error) {
			db.filters = append(db.filters, f)
			return app.AdsDays{Source: app.AdsCampaigns, Currency: "USD", Days: []app.AdsDay{
				{Day: day(2), Campaign: "Garlic", AdsSums: app.AdsSums{Impressions: 1000, Clicks: 50, SpendCents: 3700, SalesCents: 10000, Orders: 3, Units: 3}},
				{Day: day(10), Campaign: "Garlic Auto", AdsSums: app.AdsSums{Impressions: 1000, Clicks: 25, SpendCents: 1000, SalesCents: 5000, Orders: 1, Units: 1}},
			}}, nil
		},
		SearchTermsFn: func(app.AdsFilter) ([]app.TermTotals, error) {
			return []app.TermTotals{
				{Campaign: "Garlic", AdGroup: "exact", Targeting: "garlic press", MatchType: "EXACT", SearchTerm: "garlic press", Impressions: 1000, Clicks: 50, SpendCents: 3700, SalesCents: 10000, Orders: 3, Units: 3},
				{Campaign: "Garlic", AdGroup: "phrase", Targeting: "garlic", MatchType: "PHRASE", SearchTerm: "cheap garlic", Impressions: 400, Clicks: 10, SpendCents: 960},
				{Campaign: "Garlic", AdGroup: "phrase", Targeting: "garlic", MatchType: "PHRASE", SearchTerm: "garlic crusher", Impressions: 1000, Clicks: 20, SpendCents: 1000, SalesCents: 4000, Orders: 2, Units: 2},
			}, nil
		},
		ExactTargetsFn: func() (app.ExactTargets, error) { return app.NewExactTargets([]string{"garlic press"}), nil },
		AdsRulesFn:     func() ([]app.CampaignAdsRules, error) { return db.rules, nil },
		SaveAdsRulesFn: func(r app.CampaignAdsRules) error {
			db.rules = append(db.rules, r)
			return nil
		},
		FunnelFn: func(app.AdsFilter) ([]app.FunnelRow, error) {
			return []app.FunnelRow{{ASIN: "B0X", SKU: "HL-KT-003", Title: "Garlic Press", Sessions: 400, PageViews: 520, Units: 40, OrderItems: 38,
				SalesCents: 39960, BuyBoxBP: 9700, Orders: 36, RevenueCents: 35964, Customers: 30, RepeatCustomers: 3}}, nil
		},
	}}
}

func openAds(t *testing.T, db *adsDB) (testShell, *ads) {
	t.Helper()
	ts := newTestShell(t, db.workspace())
	a := newAds(ts.Shell)
	ts.current = "ads"
	ts.body.Objects = []fyne.CanvasObject{a.buildUI()}
	ts.body.Refresh()
	ts.next(t)
	return ts, a
}

func TestAdsScreenShowsFiguresWithFormulas(t *testing.T) {
	db := &adsDB{}
	ts, a := openAds(t, db)
	shown := texts(ts.body)
	// Spend 47.00 on sales 150.00: ACoS 31.3 %; no orders imported, so
	// TACoS uses the Business Report's 399.60: 11.8 %.
	for _, want := range []string{"ACoS = spend ÷ ad sales = 31.3%", "TACoS = 11.8% (spend 47.00 USD ÷ total sales 399.60 USD from the Business Report)",
		"CPC = spend ÷ clicks = 0.63", "Spend 47.00 USD · ad sales 150.00 USD"} {
		if !strings.Contains(shown, want) {
			t.Errorf("overview lacks %q:\n%s", want, shown)
		}
	}
	if want := "2026-11-02 to 2026-11-10 · 3 search terms · figures from the campaign report"; a.status.Text != want {
		t.Errorf("status %q", a.status.Text)
	}
	if c := a.ov.views[1].Chart(); len(c.Series) != 2 || c.Series[1].Values[0] != 30 || len(c.Categories) != 2 {
		t.Errorf("ACoS chart: %+v", c)
	}

	if c := a.ov.views[3].Chart(); c.ID != "ads_actions" || c.Series[0].Values[0] != 1 || c.Series[0].Values[4] != 0 {
		t.Errorf("actions chart: %+v", c)
	}
	// The table: three rows, one per action the worked numbers give.
	st := a.st
	if len(st.shown) != 3 {
		t.Fatalf("rows %d", len(st.shown))
	}
	got := map[string]string{}
	for _, r := range st.shown {
		got[r.SearchTerm] = r.Action
	}
	if got["garlic press"] != app.ActionLowerBid || got["cheap garlic"] != app.ActionNegate || got["garlic crusher"] != app.ActionHarvest {
		t.Errorf("actions %v", got)
	}
	st.filter.SetSelectedIndex(2) // harvest
	if len(st.shown) != 1 || st.shown[0].SearchTerm != "garlic crusher" {
		t.Fatalf("harvest filter: %+v", st.shown)
	}
	st.table.Select(widget.TableCellID{Row: 0, Col: 0})
	if !strings.Contains(st.why.Text, "Suggested bid = CPC 0.50 × target 30.0% ÷ ACoS 25.0% = 0.60") {
		t.Errorf("why: %s", st.why.Text)
	}
	st.filter.SetSelectedIndex(0)
	st.onSort(termCol("clicks")) // largest first
	if st.shown[0].Clicks != 50 || st.shown[2].Clicks != 10 {
		t.Errorf("sorted by clicks: %d %d", st.shown[0].Clicks, st.shown[2].Clicks)
	}
	st.onSort(termCol("clicks"))
	if st.shown[0].Clicks != 10 {
		t.Errorf("sorted by clicks ascending: %d", st.shown[0].Clicks)
	}

	// The bulk sheet: the negative and the harvest, written whole.
	path := filepath.Join(t.TempDir(), "bulk.csv")
	st.exportTo(path, st.rows)
	ts.next(t)
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if want := "Campaign,Ad Group,Keyword,Match Type,Bid\nGarlic,phrase,cheap garlic,negativeExact,\nGarlic,phrase,garlic crusher,exact,0.60\n"; string(b) != want {
		t.Errorf("bulk sheet:\n%s", b)
	}

	// The funnel: conversion 40 ÷ 400, AOV 359.64 ÷ 36, repeat 3 ÷ 30.
	if r := a.d.Funnel[0]; app.FormatPercent(r.ConversionRate()) != "10.0%" || app.FormatMoneyRatio(r.AOV()) != "9.99" || app.FormatPercent(r.RepeatRate()) != "10.0%" {
		t.Errorf("funnel %+v", r)
	}
}

func TestAdsRulesAndPeriod(t *testing.T) {
	db := &adsDB{}
	ts, a := openAds(t, db)
	r, err := parseRules("Garlic", "0.5", "11", "3", "HL-KT-003")
	if err != nil || !r.TargetACoS.Equal(decimal.RequireFromString("0.5")) || r.NegateClicks != 11 || r.HarvestOrders != 3 {
		t.Fatalf("%+v %v", r, err)
	}
	if _, err := parseRules("Garlic", "0", "11", "3", ""); app.ErrorCode(err) != app.EInvalid {
		t.Errorf("target 0: %v", err)
	}
	if _, err := parseRules("Garlic", "0.3", "ten", "3", ""); err == nil || !strings.Contains(app.English().Message(err), "Clicks before negating") {
		t.Errorf("bad clicks: %v", err)
	}
	// Saved rules apply at the next load: at target 0.5, 37 % is a raise.
	db.rules = []app.CampaignAdsRules{r}
	a.from.SetText("2026-11-01")
	a.to.SetText("2026-11-30")
	a.load()
	ts.next(t)
	if f := db.filters[len(db.filters)-1]; f.From != time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC) || f.To != time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC) {
		t.Errorf("filter %+v", f)
	}
	// Garlic's 0.5 and Garlic Auto's default 0.30 differ: the chart keeps
	// the default line.
	if c := a.ov.views[1].Chart(); c.Series[1].Values[0] != 30 {
		t.Errorf("target line with mixed targets: %v", c.Series[1].Values)
	}
	for _, row := range a.st.rows {
		if row.SearchTerm == "garlic press" && (row.Action != app.ActionRaiseBid || row.SuggestedBid.Decimal.StringFixed(2) != "1.00") {
			t.Errorf("with the campaign's rules: %+v", row)
		}
	}
	a.from.SetText("1 Nov")
	a.load()
	if msg := careDialogText(ts.win); !strings.Contains(msg, `"1 Nov" is not a date`) {
		t.Errorf("bad day: %q", msg)
	}
}

// The dashboard shows the funnel's KPIs with their formulas.
func TestDashboardFunnelKPIs(t *testing.T) {
	ws := &mock.Workspace{
		SummaryFn: func() (app.Summary, error) {
			return app.Summary{Orders: 40, Revenue: decimal.RequireFromString("1000")}, nil
		},
		AdsStore: &mock.AdsStore{AdsDashboardFn: func() (app.AdsDashboard, error) {
			return app.AdsDashboard{Sessions: 400, Units: 40, BuyBoxBP: 9750, Customers: 30, RepeatCustomers: 6}, nil
		}},
	}
	ts := newTestShell(t, ws)
	shown := texts(ts.body)
	for _, want := range []string{"Average order value", "25.00", "Conversion rate", "10.0%", "Repeat-purchase rate", "20.0%", "Buy Box share", "97.5%"} {
		if !strings.Contains(shown, want) {
			t.Errorf("dashboard lacks %q:\n%s", want, shown)
		}
	}
}
