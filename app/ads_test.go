package app

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

// Worked numbers for every rule at the defaults (target 0.30, negate after
// 10 clicks, harvest at 2 orders), including each threshold exactly.
func TestEvaluateTerm(t *testing.T) {
	exact := NewExactTargets([]string{"Garlic Press ", "usb c cable"})
	tests := []struct {
		name       string
		in         TermTotals
		action     string
		ctr, cpc   string
		cvr, acos  string
		roas, bid  string
		ruleChange func(*AdsRules)
	}{
		{name: "negate at 10 clicks without an order",
			in:     TermTotals{MatchType: "BROAD", SearchTerm: "cheap knife", Impressions: 400, Clicks: 10, SpendCents: 960},
			action: ActionNegate, ctr: "0.025", cpc: "0.96", cvr: "0", acos: "", roas: "0", bid: ""},
		{name: "9 clicks without an order is kept",
			in:     TermTotals{MatchType: "BROAD", SearchTerm: "cheap knife", Impressions: 400, Clicks: 9, SpendCents: 900},
			action: ActionKeep, ctr: "0.0225", cpc: "1", cvr: "0", acos: "", roas: "0", bid: ""},
		{name: "harvest a phrase term under target",
			in:     TermTotals{MatchType: "PHRASE", SearchTerm: "garlic crusher", Impressions: 1000, Clicks: 20, SpendCents: 1000, SalesCents: 4000, Orders: 2, Units: 3},
			action: ActionHarvest, ctr: "0.02", cpc: "0.5", cvr: "0.1", acos: "0.25", roas: "4", bid: "0.60"},
		{name: "harvest at exactly the target, automatic targeting",
			in:     TermTotals{MatchType: "-", SearchTerm: "b0c1234567", Impressions: 300, Clicks: 10, SpendCents: 1200, SalesCents: 4000, Orders: 2},
			action: ActionHarvest, ctr: "0.033333", cpc: "1.2", cvr: "0.2", acos: "0.3", roas: "3.333333", bid: "1.20"},
		{name: "not harvested when already an exact targeting (case-insensitive)",
			in:     TermTotals{MatchType: "PHRASE", SearchTerm: "GARLIC press", Impressions: 1000, Clicks: 20, SpendCents: 1000, SalesCents: 4000, Orders: 2},
			action: ActionKeep, ctr: "0.02", cpc: "0.5", cvr: "0.1", acos: "0.25", roas: "4", bid: "0.60"},
		{name: "an exact match term is not harvested but its bid is raised",
			in:     TermTotals{MatchType: "EXACT", SearchTerm: "new term", Impressions: 1000, Clicks: 25, SpendCents: 1000, SalesCents: 5000, Orders: 2},
			action: ActionRaiseBid, ctr: "0.025", cpc: "0.4", cvr: "0.08", acos: "0.2", roas: "5", bid: "0.60"},
		{name: "one order under target: below harvest-orders, not below 0.8 × target",
			in:     TermTotals{MatchType: "PHRASE", SearchTerm: "garlic crusher", Impressions: 100, Clicks: 20, SpendCents: 1000, SalesCents: 4000, Orders: 1},
			action: ActionKeep, ctr: "0.2", cpc: "0.5", cvr: "0.05", acos: "0.25", roas: "4", bid: "0.60"},
		{name: "acos exactly 1.2 × target is kept",
			in:     TermTotals{MatchType: "EXACT", SearchTerm: "x", Impressions: 500, Clicks: 50, SpendCents: 3600, SalesCents: 10000, Orders: 3},
			action: ActionKeep, ctr: "0.1", cpc: "0.72", cvr: "0.06", acos: "0.36", roas: "2.777778", bid: "0.60"},
		{name: "lower the bid above 1.2 × target",
			in:     TermTotals{MatchType: "EXACT", SearchTerm: "x", Impressions: 500, Clicks: 50, SpendCents: 3700, SalesCents: 10000, Orders: 3},
			action: ActionLowerBid, ctr: "0.1", cpc: "0.74", cvr: "0.06", acos: "0.37", roas: "2.702703", bid: "0.60"},
		{name: "acos exactly 0.8 × target is kept",
			in:     TermTotals{MatchType: "EXACT", SearchTerm: "x", Impressions: 500, Clicks: 25, SpendCents: 1200, SalesCents: 5000, Orders: 1},
			action: ActionKeep, ctr: "0.05", cpc: "0.48", cvr: "0.04", acos: "0.24", roas: "4.166667", bid: "0.60"},
		{name: "an order with no sales: no acos, no bid",
			in:     TermTotals{MatchType: "BROAD", SearchTerm: "x", Impressions: 0, Clicks: 3, SpendCents: 300, Orders: 1},
			action: ActionKeep, ctr: "", cpc: "1", cvr: "0.333333", acos: "", roas: "0", bid: ""},
		{name: "bid rounds half away from zero to cents",
			in:     TermTotals{MatchType: "EXACT", SearchTerm: "x", Impressions: 10, Clicks: 2, SpendCents: 370, SalesCents: 1235, Orders: 1},
			action: ActionKeep, ctr: "0.2", cpc: "1.85", cvr: "0.5", acos: "0.299595", roas: "3.337838", bid: "1.85"},
		{name: "nothing spent: acos 0, roas empty, no bid",
			in:     TermTotals{MatchType: "EXACT", SearchTerm: "x", Impressions: 10, Clicks: 0, SalesCents: 1000, Orders: 1},
			action: ActionRaiseBid, ctr: "0", cpc: "", cvr: "", acos: "0", roas: "", bid: ""},
		{name: "own thresholds: target 0.5, negate after 5 clicks",
			in:     TermTotals{MatchType: "BROAD", SearchTerm: "x", Impressions: 50, Clicks: 5, SpendCents: 500},
			action: ActionNegate, ctr: "0.1", cpc: "1", cvr: "0", acos: "", roas: "0", bid: "",
			ruleChange: func(r *AdsRules) { r.NegateClicks = 5 }},
		{name: "own target moves the bands and the bid",
			in:     TermTotals{MatchType: "EXACT", SearchTerm: "x", Impressions: 500, Clicks: 50, SpendCents: 3700, SalesCents: 10000, Orders: 3},
			action: ActionRaiseBid, ctr: "0.1", cpc: "0.74", cvr: "0.06", acos: "0.37", roas: "2.702703", bid: "1.00",
			ruleChange: func(r *AdsRules) { r.TargetACoS = decimal.RequireFromString("0.5") }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := DefaultAdsRules()
			if tt.ruleChange != nil {
				tt.ruleChange(&r)
			}
			got := EvaluateTerm(tt.in, r, exact)
			if got.Action != tt.action {
				t.Errorf("action %s, want %s", got.Action, tt.action)
			}
			for _, c := range []struct {
				name string
				got  decimal.NullDecimal
				want string
			}{{"ctr", got.CTR, tt.ctr}, {"cpc", got.CPC, tt.cpc}, {"cvr", got.CVR, tt.cvr}, {"acos", got.ACoS, tt.acos}, {"roas", got.ROAS, tt.roas}} {
				if s := FormatRatio(c.got); s != c.want {
					t.Errorf("%s %q, want %q", c.name, s, c.want)
				}
			}
			bid := ""
			if got.SuggestedBid.Valid {
				bid = got.SuggestedBid.Decimal.StringFixed(2)
			}
			if bid != tt.bid {
				t.Errorf("bid %q, want %q", bid, tt.bid)
			}
		})
	}
}

func TestRulesLookupOverrides(t *testing.T) {
	saved := []CampaignAdsRules{{Campaign: "A", AdsRules: AdsRules{TargetACoS: decimal.RequireFromString("0.2"), NegateClicks: 15, HarvestOrders: 3}}}
	five := int64(5)
	look := RulesLookup(saved, DefaultAdsRules(), AdsRulesOverride{NegateClicks: &five})
	if r := look("A"); !r.TargetACoS.Equal(decimal.RequireFromString("0.2")) || r.NegateClicks != 5 || r.HarvestOrders != 3 {
		t.Errorf("A: %+v", r)
	}
	if r := look("B"); !r.TargetACoS.Equal(decimal.RequireFromString("0.3")) || r.NegateClicks != 5 || r.HarvestOrders != 2 {
		t.Errorf("B: %+v", r)
	}
}

func TestWriteTermsCSV(t *testing.T) {
	rows := EvaluateTerms([]TermTotals{
		{Campaign: "=HYPERLINK()", AdGroup: "g", Targeting: "close-match", MatchType: "-", SearchTerm: "b0abc", Impressions: 3, Clicks: 0},
	}, func(string) AdsRules { return DefaultAdsRules() }, nil)
	var b bytes.Buffer
	if err := WriteTermsCSV(&b, rows); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"'=HYPERLINK()", "g", "close-match", "-", "b0abc", "3", "0", "0.00", "0.00", "0", "0", "0", "", "", "", "", "keep", ""}
	if len(recs) != 2 || len(recs[0]) != 18 || recs[0][17] != "suggested_bid" {
		t.Fatalf("records %q", recs)
	}
	for i, w := range want {
		if recs[1][i] != w {
			t.Errorf("column %s: %q, want %q", recs[0][i], recs[1][i], w)
		}
	}
}

func TestParseAdsDate(t *testing.T) {
	for _, tt := range []struct {
		in    string
		order DateOrder
		want  string
	}{
		{"Oct 01, 2026", DateAuto, "2026-10-01"},
		{"Oct 1, 2026", DateAuto, "2026-10-01"},
		{"October 1, 2026", DateAuto, "2026-10-01"},
		{"2026-10-01", DateAuto, "2026-10-01"},
		{"10/02/2026", DateMDY, "2026-10-02"},
		{"10/02/2026", DateDMY, "2026-02-10"},
		{"01.10.2026", DateMDY, "2026-10-01"},
		{"46296", DateAuto, "2026-10-01"},
		{"46296.75", DateAuto, "2026-10-01"},
		{"1 Oct 2026", DateAuto, "2026-10-01"},
		{"Foo 1, 2026", DateAuto, ""},
		{"12", DateAuto, ""},
		{"", DateAuto, ""},
	} {
		got, ok := ParseAdsDate(tt.in, tt.order)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("%q: %q %v, want %q", tt.in, got, ok, tt.want)
		}
	}
}

func TestDetectAndParseSearchTermRow(t *testing.T) {
	header := []string{"Date", "Portfolio name", "Currency", "Campaign Name", "Ad Group Name", "Retailer", "Country", "Targeting",
		"Match Type", "Customer Search Term", "Impressions", "Clicks", "Click-Thru Rate (CTR)", "Cost Per Click (CPC)", "Spend",
		"7 Day Total Sales ", "Total Advertising Cost of Sales (ACOS) ", "Total Return on Advertising Spend (ROAS)",
		"7 Day Total Orders (#)", "7 Day Total Units (#)", "7 Day Conversion Rate", "7 Day Advertised SKU Units (#)",
		"7 Day Other SKU Units (#)", "7 Day Advertised SKU Sales ", "7 Day Other SKU Sales "}
	c, err := DetectAdsReport(header)
	if err != nil || c.Kind != AdsSearchTerms {
		t.Fatalf("%v %v", c.Kind, err)
	}
	rec := []string{"Oct 01, 2026", "", "USD", "SP - Garlic", "Exact", "Amazon", "United States", "garlic press", "exact",
		"garlic press", "1,234", "12", "0.97%", "$0.81", "$9.72", "$1,234.50", "0.79%", "127.01", "3", "4", "25.00%", "3", "1", "$1,000.00", "$234.50"}
	row, err := c.ParseSearchTermRow(rec, 2)
	if err != nil {
		t.Fatal(err)
	}
	if row.Impressions != 1234 || row.Clicks != 12 || row.SpendCents != 972 || row.SalesCents != 123450 || row.Orders != 3 ||
		row.Units != 4 || row.MatchType != "EXACT" || row.AdvertisedSales != 100000 || row.OtherSales != 23450 || row.OtherUnits != 1 {
		t.Errorf("%+v", row)
	}
	rec[11] = "12.5"
	if _, err := c.ParseSearchTermRow(rec, 7); err == nil || English().Message(err) != `Line 7, Clicks: cannot read "12.5"` {
		t.Errorf("bad clicks: %v", err)
	}
	if _, err := DetectAdsReport([]string{"Date", "Campaign Name", "Customer Search Term"}); ErrorCode(err) != EInvalid {
		t.Errorf("missing columns: %v", err)
	}
	if c, err := DetectAdsReport([]string{"(Parent) ASIN", "(Child) ASIN", "Title", "SKU", "Sessions - Total", "Page Views - Total",
		"Featured Offer (Buy Box) Percentage", "Units Ordered", "Unit Session Percentage", "Ordered Product Sales", "Total Order Items"}); err != nil || c.Kind != AdsBusiness {
		t.Errorf("business: %v %v", c.Kind, err)
	}
	if c, err := DetectAdsReport([]string{"Start Date", "End Date", "Campaign Name", "Impressions", "Clicks", "Spend", "7 Day Total Sales", "7 Day Total Orders (#)"}); err != nil || c.Kind != AdsCampaigns {
		t.Errorf("campaigns: %v %v", c.Kind, err)
	}
}

func TestBusinessBuyBox(t *testing.T) {
	c, err := DetectAdsReport([]string{"(Child) ASIN", "Sessions - Total", "Units Ordered", "Ordered Product Sales", "Featured Offer (Buy Box) Percentage"})
	if err != nil {
		t.Fatal(err)
	}
	for in, want := range map[string]int64{"95.5%": 9550, "0.955": 9550, "100%": 10000, "87": 8700, "": 0} {
		row, err := c.ParseBusinessRow([]string{"b0x", "10", "1", "$5.00", in}, 2)
		if err != nil || row.BuyBoxBP != want || row.ChildASIN != "B0X" {
			t.Errorf("%q: %+v %v", in, row, err)
		}
	}
}

// Keys completed at run time exist in both languages.
func TestAdsDynamicKeys(t *testing.T) {
	var keys []string
	add := func(prefix string, vals []string) {
		for _, v := range vals {
			keys = append(keys, prefix+v)
		}
	}
	add("ads.action.", TermActions)
	add("ads.th.", TermsHeader)
	add("ads.source.", []string{AdsSearchTerms, AdsCampaigns, AdsBusiness, AdsMixed})
	add("ads.sales_source.", []string{"orders", "business"})
	add("ads.funnel_col.", []string{"product", "sessions", "page_views", "units", "orders", "conversion", "aov", "repeat", "buy_box"})
	add("ads.col.", []string{afStart, afEnd, afDate, afPortf, afCurr, afCamp, afGroup, afRet, afCtry, afTarg, afMatch, afTerm, afImp,
		afClick, afSpend, afSales, afOrd, afUnits, afAdvU, afOthU, afAdvS, afOthS, afPar, afChild, afTitle, afSKU, afSess, afViews,
		afBuyB, afUOrd, afOSal, afItems})
	for _, l := range Langs {
		loc := NewLocalizer(l)
		for _, k := range keys {
			if !loc.Has(k) {
				t.Errorf("%s: missing %s", l, k)
			}
		}
	}
}

// The report parsers never panic, and what they accept is well formed.
func FuzzParseAdsDate(f *testing.F) {
	for _, s := range []string{"Oct 01, 2026", "46296", "10/02/2026", "01.10.2026", "2026-10-01", "", "1e9", "Oct 99, 2026", "-5"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, o := range []DateOrder{DateAuto, DateMDY, DateDMY} {
			if d, ok := ParseAdsDate(s, o); ok && len(d) != 10 {
				t.Errorf("%q gave %q", s, d)
			}
		}
	})
}

func FuzzSearchTermRow(f *testing.F) {
	c, err := DetectAdsReport([]string{"Date", "Campaign Name", "Ad Group Name", "Targeting", "Match Type", "Customer Search Term",
		"Impressions", "Clicks", "Spend", "7 Day Total Sales", "7 Day Total Orders (#)", "7 Day Total Units (#)"})
	if err != nil {
		f.Fatal(err)
	}
	f.Add("C", "1,234", "12", "$1,234.50", "(3.00)", "2")
	f.Add("", "x", "-1", "1.2.3", "€", "")
	f.Fuzz(func(t *testing.T, camp, imp, clicks, spend, sales, orders string) {
		row, err := c.ParseSearchTermRow([]string{"Oct 01, 2026", camp, "g", "t", "-", "term", imp, clicks, spend, sales, orders, "1"}, 2)
		if err == nil && (row.Impressions < 0 || row.Clicks < 0 || row.Orders < 0 || row.Campaign == "") {
			t.Errorf("accepted %+v", row)
		}
		if err != nil && ErrorCode(err) != EInvalid {
			t.Errorf("error %v", err)
		}
	})
}

func TestChartTarget(t *testing.T) {
	v := AdsView{Overview: AdsOverview{Campaigns: []CampaignSums{{Campaign: "A"}, {Campaign: "B"}}},
		Rules: []CampaignAdsRules{{Campaign: "A", AdsRules: AdsRules{TargetACoS: decimal.RequireFromString("0.25")}},
			{Campaign: "B", AdsRules: AdsRules{TargetACoS: decimal.RequireFromString("0.250")}}}}
	if got := v.ChartTarget(); got.String() != "0.25" {
		t.Errorf("shared target: %s", got)
	}
	v.Rules = v.Rules[:1]
	if got := v.ChartTarget(); !got.Equal(DefaultAdsRules().TargetACoS) {
		t.Errorf("mixed targets: %s", got)
	}
}

// The overview's sentence writes money and counts like every other figure in
// the window (format.Money, grouped counts), in both languages.
func TestAdsKPITextFormatsFigures(t *testing.T) {
	o := AdsOverview{Total: AdsSums{Impressions: 1316856, Clicks: 8108, SpendCents: 403772, SalesCents: 2061492, Orders: 1127},
		TotalSalesCents: 12987249, TotalSalesSource: "orders"}
	for _, tc := range []struct {
		lang Lang
		want []string
	}{
		{LangEnglish, []string{"Spend 4,037.72 USD", "ad sales 20,614.92 USD", "total sales 129,872.49 USD", "1,316,856 impressions", "8,108 clicks", "1,127 orders"}},
		{LangChinese, []string{"花费 4,037.72 USD", "广告销售额 20,614.92 USD", "总销售额 129,872.49 USD", "展示 1,316,856 次"}},
	} {
		got := AdsKPIText(NewLocalizer(tc.lang), o, "USD")
		for _, w := range tc.want {
			if !strings.Contains(got, w) {
				t.Errorf("%s: %q lacks %q", tc.lang, got, w)
			}
		}
		if strings.Contains(got, "%!") {
			t.Errorf("%s: format error in %q", tc.lang, got)
		}
	}
	if got := AdsKPIText(NewLocalizer(LangEnglish), o, "JPY"); !strings.Contains(got, "Spend 4,038 JPY") {
		t.Errorf("JPY has no decimals: %q", got)
	}
}
