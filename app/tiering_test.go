package app_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/seller-assistant/seller-assistant/app"
	"github.com/seller-assistant/seller-assistant/app/mock"
)

func TestQuintileScoresTies(t *testing.T) {
	tests := []struct {
		name string
		in   []int64
		want []int
	}{
		{"one", []int64{7}, []int{1}},
		// N=5, W = 0..4: 1+floor(5W/5) = 1..5
		{"distinct five", []int64{10, 20, 30, 40, 50}, []int{1, 2, 3, 4, 5}},
		// all equal: nobody strictly worse
		{"all tied", []int64{3, 3, 3}, []int{1, 1, 1}},
		// N=4: values 1,2,2,9 -> W 0,1,1,3 -> 1+0, 1+floor(5/4)=2, 2, 1+floor(15/4)=4
		{"ties share", []int64{1, 2, 2, 9}, []int{1, 2, 2, 4}},
		// N=3: W 0,1,2 -> 1, 1+floor(5/3)=2, 1+floor(10/3)=4
		{"three", []int64{-5, 0, 5}, []int{1, 2, 4}},
		{"order kept", []int64{9, 1, 2, 2}, []int{4, 1, 2, 2}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := app.QuintileScores(tt.in)
			for i := range tt.want {
				if got[i] != tt.want[i] {
					t.Fatalf("QuintileScores(%v) = %v, want %v", tt.in, got, tt.want)
				}
			}
		})
	}
}

func TestSegmentTable(t *testing.T) {
	// The table, written out cell by cell: rows r=1..5, columns f=1..5.
	want := [5][5]app.Segment{
		{app.SegHibernating, app.SegHibernating, app.SegAtRisk, app.SegAtRisk, app.SegCantLose},
		{app.SegHibernating, app.SegHibernating, app.SegAtRisk, app.SegAtRisk, app.SegCantLose},
		{app.SegAboutToSleep, app.SegAboutToSleep, app.SegNeedAttention, app.SegLoyal, app.SegLoyal},
		{app.SegPromising, app.SegPotentialLoyalists, app.SegPotentialLoyalists, app.SegLoyal, app.SegLoyal},
		{app.SegNew, app.SegPotentialLoyalists, app.SegPotentialLoyalists, app.SegChampions, app.SegChampions},
	}
	for r := 1; r <= 5; r++ {
		for f := 1; f <= 5; f++ {
			if got := app.SegmentOf(r, f); got != want[r-1][f-1] {
				t.Errorf("SegmentOf(%d,%d) = %s, want %s", r, f, got, want[r-1][f-1])
			}
		}
	}
	tiers := map[app.Segment]app.Tier{app.SegChampions: app.TierHighValue, app.SegLoyal: app.TierLoyal,
		app.SegPotentialLoyalists: app.TierLoyal, app.SegNew: app.TierPotential, app.SegPromising: app.TierPotential,
		app.SegNeedAttention: app.TierPotential, app.SegAboutToSleep: app.TierLost, app.SegAtRisk: app.TierLost,
		app.SegCantLose: app.TierLost, app.SegHibernating: app.TierLost}
	for _, s := range app.Segments {
		if app.TierOf(s) != tiers[s] {
			t.Errorf("TierOf(%s) = %s, want %s", s, app.TierOf(s), tiers[s])
		}
		if s.Key() == "" {
			t.Errorf("segment %s has no key", s)
		}
	}
}

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestScoreCustomers(t *testing.T) {
	d := decimal.RequireFromString
	stats := []app.CustomerStat{
		{ID: "A", Orders: 10, Monetary: d("1000"), FirstOrder: day("2011-01-01"), LastOrder: day("2011-12-09")},
		{ID: "B", Orders: 1, Monetary: d("20"), FirstOrder: day("2011-12-01"), LastOrder: day("2011-12-01")},
		{ID: "C", Orders: 3, Monetary: d("300"), FirstOrder: day("2011-02-01"), LastOrder: day("2011-06-01")},
		{ID: "D", Orders: 3, Monetary: d("-5"), FirstOrder: day("2011-01-15"), LastOrder: day("2011-01-15")},
		{ID: "E", Orders: 0, Monetary: d("-12.5")}, // only cancellations: not scored
	}
	tr := app.ScoreCustomers(stats, time.Time{})
	if !tr.AsOf.Equal(day("2011-12-10")) {
		t.Fatalf("as-of %v, want the day after the newest order", tr.AsOf)
	}
	if len(tr.Unscored) != 1 || tr.Unscored[0].ID != "E" || len(tr.Scored) != 4 {
		t.Fatalf("scored %d unscored %v", len(tr.Scored), tr.Unscored)
	}
	// Recency days: A 1, B 9, C 192, D 329. N=4.
	// R: worse = larger recency. A W=3 ->4; B W=2 ->3; C W=1 ->2; D W=0 ->1.
	// F: 10,1,3,3 -> W 3,0,1,1 -> 4,1,2,2.
	// M: 1000,20,300,-5 -> W 3,1,2,0 -> 4,2,3,1.
	// FM = floor((F+M+1)/2): A 4, B 2, C 3, D 2. Segments from (R, FM):
	// C (R2, FM3) is At Risk; on F alone (F2) it was Hibernating, although
	// it spent the second most.
	want := map[string]struct {
		rec, r, f, m int
		seg          app.Segment
	}{
		"A": {1, 4, 4, 4, app.SegLoyal},
		"B": {9, 3, 1, 2, app.SegAboutToSleep},
		"C": {192, 2, 2, 3, app.SegAtRisk},
		"D": {329, 1, 2, 1, app.SegHibernating},
	}
	for _, c := range tr.Scored {
		w := want[c.ID]
		if c.RecencyDays != w.rec || c.R != w.r || c.F != w.f || c.M != w.m || c.Segment != w.seg {
			t.Errorf("%s: rec %d R%d F%d M%d %s, want %+v", c.ID, c.RecencyDays, c.R, c.F, c.M, c.Segment, w)
		}
	}
	// A set as-of date moves recency, not the order.
	tr2 := app.ScoreCustomers(stats, day("2012-01-01"))
	if tr2.Scored[0].RecencyDays != 23 {
		t.Errorf("recency at 2012-01-01 = %d, want 23", tr2.Scored[0].RecencyDays)
	}
	g := tr.SegmentGrid()
	if g[3][3] != 1 || g[0][1] != 1 || g[1][2] != 1 || g[2][1] != 1 {
		t.Errorf("grid %v", g)
	}
}

func TestLifetimeValue(t *testing.T) {
	d := decimal.RequireFromString
	tests := []struct {
		name               string
		monetary           string
		orders, cust, days int
		years              string
		aov, perYear, ltv  string
	}{
		// AOV 500/5=100; 5 orders x 365 / (365 days x 1) = 5/yr; x 3 years = 1500
		{"one customer a year", "500", 5, 1, 365, "3", "100", "5", "1500"},
		// AOV 30; 4x365/(730x2)=1/yr; x2 = 60
		{"two customers two years", "120", 4, 2, 730, "2", "30", "1", "60"},
		{"no orders", "0", 0, 0, 10, "3", "0", "0", "0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := app.LifetimeValue(d(tt.monetary), tt.orders, tt.cust, tt.days, d(tt.years))
			if !l.AvgOrderValue.Equal(d(tt.aov)) || !l.PurchasesPerYear.Equal(d(tt.perYear)) || !l.Value.Equal(d(tt.ltv)) {
				t.Errorf("got %+v", l)
			}
		})
	}
}

func TestTierAndCountryFigures(t *testing.T) {
	d := decimal.RequireFromString
	var stats []app.CustomerStat
	for i := 0; i < 10; i++ {
		country := "US"
		if i%2 == 1 {
			country = "DE"
		}
		stats = append(stats, app.CustomerStat{ID: string(rune('a' + i)), Country: country, Orders: i + 1,
			Monetary: d("10").Mul(decimal.NewFromInt(int64(i + 1))), FirstOrder: day("2011-01-01"),
			LastOrder: day("2011-01-01").AddDate(0, 0, i*30)})
	}
	tr := app.ScoreCustomers(stats, time.Time{})
	byTier := tr.ByTier(app.DefaultLifetimeYears)
	total, revenue := 0, decimal.Zero
	share := decimal.Zero
	for _, f := range byTier {
		total += f.Customers
		revenue = revenue.Add(f.Revenue)
		share = share.Add(f.Share)
	}
	if total != 10 || !revenue.Equal(d("550")) || !share.Equal(d("1")) {
		t.Errorf("tiers sum to %d customers, %s revenue, %s share", total, revenue, share)
	}
	// The best customer (10 orders, newest) is a Champion: high value.
	if byTier[0].Tier != app.TierHighValue || byTier[0].Customers == 0 {
		t.Errorf("high value tier %+v", byTier[0])
	}
	bc := tr.ByCountry(app.DefaultLifetimeYears)
	if len(bc) != 2 || bc[0].Country != "DE" || !bc[0].Revenue.Equal(d("300")) || bc[0].Customers != 5 {
		t.Errorf("by country %+v", bc)
	}
}

func TestIsCancellation(t *testing.T) {
	tests := []struct {
		inv string
		q   int64
		EXP bool
	}{{"536365", 6, false}, {"C536379", -1, true}, {"C536379", 1, true}, {"536380", -2, true}, {"", 1, false}}
	for _, tt := range tests {
		if app.IsCancellation(tt.inv, tt.q) != tt.EXP {
			t.Errorf("IsCancellation(%q,%d) != %v", tt.inv, tt.q, tt.EXP)
		}
	}
}

func TestTieringKeysTranslated(t *testing.T) {
	var keys []string
	for _, s := range app.Segments {
		keys = append(keys, "customers.seg."+s.Key())
	}
	for _, tr := range app.Tiers {
		keys = append(keys, "customers.tier."+string(tr), "customers.action."+string(tr))
	}
	for _, f := range app.MappingFields {
		keys = append(keys, "customers.field."+f)
	}
	for _, r := range []string{app.ReasonBadDate, app.ReasonAmbiguous, app.ReasonBadQuantity, app.ReasonBadPrice, app.ReasonNoInvoice, app.ReasonShortRow, app.ReasonNoCustomer} {
		keys = append(keys, "customers.reason."+r)
	}
	for _, l := range app.Langs {
		loc := app.NewLocalizer(l)
		for _, k := range keys {
			if !loc.Has(k) {
				t.Errorf("%s: missing %s", l, k)
			}
		}
	}
}

func TestTieringCharts(t *testing.T) {
	l := app.English()
	d := decimal.RequireFromString
	stats := []app.CustomerStat{
		{ID: "A", Country: "US", Orders: 4, Monetary: d("100"), FirstOrder: day("2024-01-01"), LastOrder: day("2024-06-01")},
		{ID: "B", Country: "DE", Orders: 1, Monetary: d("-10"), FirstOrder: day("2024-02-01"), LastOrder: day("2024-02-01")},
		{ID: "C", Country: "GB", Orders: 2, Monetary: d("30"), FirstOrder: day("2024-03-01"), LastOrder: day("2024-05-01")},
	}
	tr := app.ScoreCustomers(stats, time.Time{})
	figs := tr.ByTier(app.DefaultLifetimeYears)
	charts := []app.Chart{app.SegmentGridChart(l, tr), app.TierDonutChart(l, figs), app.RevenueByTierChart(l, figs, "USD"),
		app.CountryTierChart(l, tr.ByCountry(app.DefaultLifetimeYears), "USD", 2),
		app.NewCustomersChart(l, []app.MonthValue{{Month: day("2024-01-01"), Count: 1}})}
	for _, c := range charts {
		if err := c.Validate(); err != nil {
			t.Error(err)
		}
		if c.Empty() {
			t.Errorf("%s is empty", c.ID)
		}
	}
	// The heatmap's counts add up to the scored customers; R5 is the top row.
	grid, sum := charts[0], 0.0
	for _, row := range grid.Matrix {
		for _, v := range row {
			sum += v
		}
	}
	if sum != 3 || grid.YCategories[0] != "R5" {
		t.Errorf("grid sums to %v, rows %v", sum, grid.YCategories)
	}
	// Three countries, top 2 and "Other"; a negative tier revenue draws as 0.
	ct := charts[3]
	if len(ct.Categories) != 3 || ct.Categories[2] != "Other" {
		t.Errorf("country categories %v", ct.Categories)
	}
	for _, s := range ct.Series {
		for _, v := range s.Values {
			if v < 0 {
				t.Errorf("negative stack %v", s)
			}
		}
	}
	empty := app.ScoreCustomers(nil, time.Time{})
	if !app.SegmentGridChart(l, empty).Empty() || !app.TierDonutChart(l, empty.ByTier(app.DefaultLifetimeYears)).Empty() {
		t.Error("charts of no customers should be empty")
	}
}

func TestEscapeCellAndTiersCSV(t *testing.T) {
	for in, want := range map[string]string{"=1+1": "'=1+1", "+49": "'+49", "-2": "'-2", "@SUM(A1)": "'@SUM(A1)", "12923": "12923", "": "", "a=b": "a=b"} {
		if got := app.EscapeCell(in); got != want {
			t.Errorf("EscapeCell(%q) = %q, want %q", in, got, want)
		}
	}
	var b strings.Builder
	c := app.CustomerScore{CustomerStat: app.CustomerStat{ID: "=HYPERLINK(\"x\")", Country: "US", Orders: 2, Monetary: decimal.RequireFromString("-3.5")},
		RecencyDays: 7, R: 5, F: 2, M: 1, FM: 2, Segment: app.SegPotentialLoyalists, Tier: app.TierLoyal}
	if err := app.WriteTiersCSV(&b, []app.CustomerScore{c}); err != nil {
		t.Fatal(err)
	}
	// fm_score right after m_score (issue 13); the rest as before.
	want := "customer_id,country,recency_days,frequency,monetary,r_score,f_score,m_score,fm_score,segment,tier\n" +
		"\"'=HYPERLINK(\"\"x\"\")\",US,7,2,-3.50,5,2,1,2,Potential Loyalists,loyal\n"
	if b.String() != want {
		t.Errorf("CSV:\n%s\nwant:\n%s", b.String(), want)
	}
}

func TestCustomersReportSection(t *testing.T) {
	d := decimal.RequireFromString
	stats := []app.CustomerStat{
		{ID: "A", Country: "US", Orders: 5, Monetary: d("500"), FirstOrder: day("2024-01-01"), LastOrder: day("2024-12-30")},
		{ID: "B", Country: "DE", Orders: 1, Monetary: d("20"), FirstOrder: day("2024-02-01"), LastOrder: day("2024-02-01")},
		{ID: "X", Country: "DE", Orders: 0, Monetary: d("-5")},
	}
	ws := &mock.Workspace{
		InfoFn:        func() (app.WorkspaceInfo, error) { return app.WorkspaceInfo{Currency: "USD"}, nil },
		CustomerStore: &mock.CustomerStore{CustomerStatsFn: func() ([]app.CustomerStat, error) { return stats, nil }},
	}
	r, err := app.BuildReport(context.Background(), ws, app.English(), day("2025-01-05"))
	if err != nil {
		t.Fatal(err)
	}
	var sec *app.ReportSection
	for i := range r.Sections {
		if r.Sections[i].ID == "customers" {
			sec = &r.Sections[i]
		}
	}
	if sec == nil {
		t.Fatal("no customers section")
	}
	if !strings.Contains(sec.Intro, "2 scored customers as of 2024-12-31") {
		t.Errorf("intro %q", sec.Intro)
	}
	if len(sec.Charts) != 6 || len(sec.Tables) != 3 {
		t.Fatalf("%d charts, %d tables", len(sec.Charts), len(sec.Tables))
	}
	for _, c := range sec.Charts {
		if err := c.Validate(); err != nil {
			t.Error(err)
		}
	}
	tiers, top := sec.Tables[0], sec.Tables[2]
	if len(tiers.Rows) != 4 || tiers.Rows[0][0] != "High-value" || !strings.Contains(tiers.Rows[0][8], "Personalised") {
		t.Errorf("tier table %v", tiers.Rows)
	}
	if len(top.Rows) != 2 || top.Rows[0][0] != "A" || top.Rows[0][4] != "500.00" {
		t.Errorf("top customers %v", top.Rows)
	}
}
