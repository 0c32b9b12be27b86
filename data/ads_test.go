package data

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/seller-assistant/seller-assistant/app"
)

const stHeader = "Date,Portfolio name,Currency,Campaign Name,Ad Group Name,Retailer,Country,Targeting,Match Type," +
	"Customer Search Term,Impressions,Clicks,Click-Thru Rate (CTR),Cost Per Click (CPC),Spend,7 Day Total Sales ," +
	"Total Advertising Cost of Sales (ACOS) ,Total Return on Advertising Spend (ROAS),7 Day Total Orders (#)," +
	"7 Day Total Units (#),7 Day Conversion Rate,7 Day Advertised SKU Units (#),7 Day Other SKU Units (#)," +
	"7 Day Advertised SKU Sales ,7 Day Other SKU Sales \n"

func writeAdsFile(t *testing.T, name, body string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func termByKey(ts []app.TermTotals, campaign, term string) (app.TermTotals, bool) {
	for _, x := range ts {
		if x.Campaign == campaign && x.SearchTerm == term {
			return x, true
		}
	}
	return app.TermTotals{}, false
}

// Seller Central's CSV cells ("$1,234.50", "12.34%", "Oct 01, 2026", "-"
// for automatic targeting) are read, the rounded ratio columns ignored,
// re-importing replaces, and a period filter keeps periods wholly inside.
func TestImportSearchTermCSV(t *testing.T) {
	s, _ := newWorkspace(t)
	ctx := context.Background()
	body := stHeader +
		`"Oct 02, 2026",,USD,SP - Garlic,exact,Amazon,United States,garlic press,EXACT,garlic press,"1,234",12,0.97%,$0.81,$9.72,"$1,234.50",0.79%,127.01,3,4,25.00%,3,1,"$1,000.00",$234.50` + "\n" +
		`"Oct 01, 2026",,USD,SP - Garlic,exact,Amazon,United States,garlic press,EXACT,garlic press,100,3,3.00%,$1.00,$3.00,$0.00,,0.00,0,0,0.00%,0,0,$0.00,$0.00` + "\n" +
		`"Oct 01, 2026",,USD,SP - Garlic Auto,auto,Amazon,United States,close-match,-,b0c1234567,50,2,4.00%,$0.50,$1.00,$20.00,5.00%,20.00,1,1,50.00%,1,0,$20.00,$0.00` + "\n" +
		"\n" // a blank line at the end, as spreadsheets leave
	path := writeAdsFile(t, "st.csv", body)
	res, err := s.ImportAdsReport(ctx, app.AdsImportOptions{Path: path})
	if err != nil {
		t.Fatal(err)
	}
	if res.Kind != app.AdsSearchTerms || res.Rows != 3 || res.Added != 3 || res.Replaced != 0 || res.From != "2026-10-01" || res.To != "2026-10-02" {
		t.Fatalf("%+v", res)
	}
	ts, err := s.SearchTerms(ctx, app.AdsFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(ts) != 2 {
		t.Fatalf("%d rows: %+v", len(ts), ts)
	}
	g, _ := termByKey(ts, "SP - Garlic", "garlic press")
	if g.Impressions != 1334 || g.Clicks != 15 || g.SpendCents != 1272 || g.SalesCents != 123450 || g.Orders != 3 || g.Units != 4 || g.MatchType != "EXACT" {
		t.Errorf("garlic: %+v", g)
	}
	a, _ := termByKey(ts, "SP - Garlic Auto", "b0c1234567")
	if a.MatchType != "-" || a.Targeting != "close-match" || a.SalesCents != 2000 {
		t.Errorf("auto: %+v", a)
	}
	// The same file again changes nothing.
	res, err = s.ImportAdsReport(ctx, app.AdsImportOptions{Path: path})
	if err != nil || res.Added != 0 || res.Replaced != 3 {
		t.Fatalf("re-import: %+v %v", res, err)
	}
	again, _ := s.SearchTerms(ctx, app.AdsFilter{})
	if len(again) != 2 || again[0] != ts[0] || again[1] != ts[1] {
		t.Errorf("re-import changed the sums: %+v", again)
	}
	// A corrected row replaces the earlier one with its key.
	fix := stHeader + `"Oct 01, 2026",,USD,SP - Garlic,exact,Amazon,United States,garlic press,EXACT,garlic press,100,5,,,$4.00,$0.00,,,0,0,,0,0,$0.00,$0.00` + "\n"
	if res, err = s.ImportAdsReport(ctx, app.AdsImportOptions{Path: writeAdsFile(t, "fix.csv", fix)}); err != nil || res.Replaced != 1 {
		t.Fatalf("fix: %+v %v", res, err)
	}
	ts, _ = s.SearchTerms(ctx, app.AdsFilter{})
	if g, _ = termByKey(ts, "SP - Garlic", "garlic press"); g.Clicks != 17 || g.SpendCents != 1372 {
		t.Errorf("after the fix: %+v", g)
	}
	day := time.Date(2026, 10, 2, 0, 0, 0, 0, time.UTC)
	ts, _ = s.SearchTerms(ctx, app.AdsFilter{From: day, To: day})
	if len(ts) != 1 || ts[0].Clicks != 12 {
		t.Errorf("Oct 2 only: %+v", ts)
	}
	exact, err := s.ExactTargets(ctx)
	if err != nil || !exact.Has("Garlic Press") || exact.Has("close-match") {
		t.Errorf("exact targets %v %v", exact, err)
	}
}

// A bad cell refuses the whole file, naming the line and the column; the
// workspace keeps what it had.
func TestImportSearchTermBadRowChangesNothing(t *testing.T) {
	s, _ := newWorkspace(t)
	ctx := context.Background()
	body := stHeader +
		`"Oct 01, 2026",,USD,C,g,Amazon,US,kw,BROAD,term one,10,1,,,$1.00,$0.00,,,0,0,,0,0,$0.00,$0.00` + "\n" +
		`"Oct 01, 2026",,USD,C,g,Amazon,US,kw,BROAD,term two,10,x,,,$1.00,$0.00,,,0,0,,0,0,$0.00,$0.00` + "\n"
	_, err := s.ImportAdsReport(ctx, app.AdsImportOptions{Path: writeAdsFile(t, "bad.csv", body)})
	if app.ErrorCode(err) != app.EInvalid || app.English().Message(err) != `Line 3, Clicks: cannot read "x"` {
		t.Fatalf("bad clicks: %v", err)
	}
	badDate := stHeader + `"Oct 41, 2026",,USD,C,g,Amazon,US,kw,BROAD,term one,10,1,,,$1.00,$0.00,,,0,0,,0,0,$0.00,$0.00` + "\n"
	_, err = s.ImportAdsReport(ctx, app.AdsImportOptions{Path: writeAdsFile(t, "date.csv", badDate)})
	if app.English().Message(err) != `Line 2, Date: cannot read "Oct 41, 2026"` {
		t.Fatalf("bad date: %v", err)
	}
	if ts, _ := s.SearchTerms(ctx, app.AdsFilter{}); len(ts) != 0 {
		t.Errorf("a refused file left rows: %+v", ts)
	}
	if _, err := s.ImportAdsReport(ctx, app.AdsImportOptions{Path: writeAdsFile(t, "x.csv", "a,b\n1,2\n")}); app.ErrorCode(err) != app.EInvalid {
		t.Errorf("unknown report: %v", err)
	}
}

// A spreadsheet download with real date cells and numbers under currency and
// percent formats reads the same as the CSV, whatever the cells display.
func TestImportSearchTermXLSX(t *testing.T) {
	s, _ := newWorkspace(t)
	ctx := context.Background()
	x := excelize.NewFile()
	sh := x.GetSheetName(0)
	header := strings.Split(strings.TrimSuffix(stHeader, "\n"), ",")
	for i, h := range header {
		cell, _ := excelize.CoordinatesToCellName(i+1, 1)
		x.SetCellValue(sh, cell, h)
	}
	money, _ := x.NewStyle(&excelize.Style{CustomNumFmt: ptr(`"$"#,##0.00`)})
	pct, _ := x.NewStyle(&excelize.Style{NumFmt: 10})
	date, _ := x.NewStyle(&excelize.Style{NumFmt: 14}) // shown as 10-01-26
	row := []any{time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC), "", "USD", "SP - Garlic", "exact", "Amazon", "United States",
		"garlic press", "EXACT", "garlic press", 1234, 12, 0.0097, 0.81, 9.72, 1234.5, 0.0079, 127.01, 3, 4, 0.25, 3, 1, 1000.0, 234.5}
	for i, v := range row {
		cell, _ := excelize.CoordinatesToCellName(i+1, 2)
		x.SetCellValue(sh, cell, v)
	}
	x.SetCellStyle(sh, "A2", "A2", date)
	x.SetCellStyle(sh, "M2", "M2", pct)
	x.SetCellStyle(sh, "N2", "P2", money)
	x.SetCellStyle(sh, "X2", "Y2", money)
	path := filepath.Join(t.TempDir(), "st.xlsx")
	if err := x.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	res, err := s.ImportAdsReport(ctx, app.AdsImportOptions{Path: path})
	if err != nil || res.From != "2026-10-01" || res.Rows != 1 {
		t.Fatalf("%+v %v", res, err)
	}
	ts, _ := s.SearchTerms(ctx, app.AdsFilter{})
	if len(ts) != 1 || ts[0].SpendCents != 972 || ts[0].SalesCents != 123450 || ts[0].Impressions != 1234 || ts[0].Orders != 3 {
		t.Errorf("%+v", ts)
	}
}

func ptr[T any](v T) *T { return &v }

// The same targeting text bought under two match types in one ad group is
// one row of the CSV, with both match types named.
func TestSearchTermsMergeMatchTypes(t *testing.T) {
	s, _ := newWorkspace(t)
	ctx := context.Background()
	body := stHeader +
		`2026-10-01,,USD,C,g,Amazon,US,kw,PHRASE,kw blue,10,2,,,$2.00,$10.00,,,1,1,,1,0,$10.00,$0.00` + "\n" +
		`2026-10-01,,USD,C,g,Amazon,US,kw,BROAD,kw blue,20,3,,,$3.00,$0.00,,,0,0,,0,0,$0.00,$0.00` + "\n"
	if _, err := s.ImportAdsReport(ctx, app.AdsImportOptions{Path: writeAdsFile(t, "m.csv", body)}); err != nil {
		t.Fatal(err)
	}
	ts, _ := s.SearchTerms(ctx, app.AdsFilter{})
	if len(ts) != 1 || ts[0].MatchType != "BROAD|PHRASE" || ts[0].Clicks != 5 || ts[0].SpendCents != 500 {
		t.Errorf("%+v", ts)
	}
}

func TestImportCampaignAndBusinessReports(t *testing.T) {
	s, _ := newWorkspace(t)
	ctx := context.Background()
	camp := "Start Date,End Date,Campaign Name,Campaign Status,Currency,Budget,Impressions,Clicks,Click-Thru Rate (CTR),Spend,Cost Per Click (CPC),7 Day Total Orders (#),Total Advertising Cost of Sales (ACOS) ,7 Day Total Sales \n" +
		"10/01/2026,10/01/2026,SP - Garlic,ENABLED,USD,$20.00,\"1,000\",20,2.00%,$15.00,$0.75,2,37.50%,$40.00\n" +
		"10/13/2026,10/13/2026,SP - Garlic,ENABLED,USD,$20.00,500,10,2.00%,$5.00,$0.50,1,25.00%,$20.00\n"
	res, err := s.ImportAdsReport(ctx, app.AdsImportOptions{Path: writeAdsFile(t, "c.csv", camp)})
	if err != nil || res.Kind != app.AdsCampaigns || res.Rows != 2 || res.From != "2026-10-01" || res.To != "2026-10-13" {
		t.Fatalf("campaigns: %+v %v", res, err)
	}
	biz := "(Parent) ASIN,(Child) ASIN,Title,SKU,Sessions - Total,Page Views - Total,Featured Offer (Buy Box) Percentage,Units Ordered,Unit Session Percentage,Ordered Product Sales,Total Order Items\n" +
		"B0PARENT,B0CHILD1,Garlic Press,HL-GP-01,\"1,200\",\"1,500\",98.50%,60,5.00%,\"$1,199.40\",58\n"
	if _, err := s.ImportAdsReport(ctx, app.AdsImportOptions{Path: writeAdsFile(t, "b.csv", biz)}); app.ErrorCode(err) != app.EInvalid {
		t.Fatalf("business report without a period: %v", err)
	}
	from, to := time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 10, 31, 0, 0, 0, 0, time.UTC)
	res, err = s.ImportAdsReport(ctx, app.AdsImportOptions{Path: writeAdsFile(t, "b.csv", biz), From: from, To: to})
	if err != nil || res.Kind != app.AdsBusiness || res.Rows != 1 || res.From != "2026-10-01" || res.To != "2026-10-31" {
		t.Fatalf("business: %+v %v", res, err)
	}
	res, err = s.ImportAdsReport(ctx, app.AdsImportOptions{Path: writeAdsFile(t, "b.csv", biz), From: from, To: to})
	if err != nil || res.Replaced != 1 {
		t.Fatalf("business again: %+v %v", res, err)
	}
}

func TestAdsRulesSaved(t *testing.T) {
	s, _ := newWorkspace(t)
	ctx := context.Background()
	r := app.CampaignAdsRules{Campaign: "SP - Garlic", AdsRules: app.DefaultAdsRules(), SKU: "HL-GP-01"}
	r.NegateClicks = 15
	if err := s.SaveAdsRules(ctx, r); err != nil {
		t.Fatal(err)
	}
	r.HarvestOrders = 0
	if err := s.SaveAdsRules(ctx, r); app.ErrorCode(err) != app.EInvalid {
		t.Fatalf("harvest 0 saved: %v", err)
	}
	got, err := s.AdsRules(ctx)
	if err != nil || len(got) != 1 || got[0].NegateClicks != 15 || got[0].HarvestOrders != 2 || got[0].SKU != "HL-GP-01" || !got[0].TargetACoS.Equal(app.DefaultAdsRules().TargetACoS) {
		t.Fatalf("%+v %v", got, err)
	}
}

// The demo's advertising agrees with its orders: the Business Report has
// each SKU's US orders of the quarter, ads never sold more than the shop
// did, the campaign report is the search term rows summed, and the search
// term table shows every action.
func TestDemoAdsAgreeWithOrders(t *testing.T) {
	ctx := context.Background()
	now := today()
	s := sharedDemo(t, now)
	funnel, err := s.Funnel(ctx, app.AdsFilter{})
	if err != nil || len(funnel) < 5 {
		t.Fatalf("funnel %d rows, %v", len(funnel), err)
	}
	end := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC).AddDate(0, 0, -1)
	start := end.AddDate(0, 0, -90)
	for _, f := range funnel {
		var orders, units, revenue int64
		err := s.db.QueryRowContext(ctx, `SELECT count(DISTINCT invoice_no), coalesce(sum(quantity), 0), coalesce(sum(quantity * unit_price_cents), 0)
			FROM order_lines WHERE stock_code = ? AND country = 'US' AND quantity > 0 AND invoice_no NOT LIKE 'C%'
			AND invoiced_at >= ? AND invoiced_at < ?`, f.SKU, start.Format(time.DateOnly), end.AddDate(0, 0, 1).Format(time.DateOnly)).Scan(&orders, &units, &revenue)
		if err != nil {
			t.Fatal(err)
		}
		if f.OrderItems != orders || f.Units != units || f.SalesCents != revenue || f.Sessions <= f.Units {
			t.Errorf("%s: business report %+v, US orders %d units %d revenue %d", f.SKU, f, orders, units, revenue)
		}
		if f.Orders < orders { // the imported orders are every market's
			t.Errorf("%s: funnel orders %d below US orders %d", f.SKU, f.Orders, orders)
		}
	}
	var termSpend, termSales, termOrders, campSpend, campSales, campOrders, bizSales int64
	s.db.QueryRowContext(ctx, `SELECT sum(spend_cents), sum(sales_cents), sum(orders) FROM ads_term_days`).Scan(&termSpend, &termSales, &termOrders)
	s.db.QueryRowContext(ctx, `SELECT sum(spend_cents), sum(sales_cents), sum(orders) FROM ads_campaign_days`).Scan(&campSpend, &campSales, &campOrders)
	s.db.QueryRowContext(ctx, `SELECT sum(sales_cents) FROM ads_business`).Scan(&bizSales)
	if termSpend == 0 || termSpend != campSpend || termSales != campSales || termOrders != campOrders {
		t.Errorf("campaign report %d/%d/%d, search terms %d/%d/%d", campSpend, campSales, campOrders, termSpend, termSales, termOrders)
	}
	if termSales > bizSales {
		t.Errorf("ad sales %d above all sales %d", termSales, bizSales)
	}
	dash, err := s.AdsDashboard(ctx)
	var sessions, units int64
	for _, f := range funnel {
		sessions, units = sessions+f.Sessions, units+f.Units
	}
	if err != nil || dash.Sessions != sessions || dash.Units != units || dash.Customers == 0 || dash.RepeatCustomers == 0 ||
		dash.RepeatCustomers > dash.Customers || !dash.BuyBox().Valid {
		t.Errorf("dashboard %+v %v (funnel sessions %d units %d)", dash, err, sessions, units)
	}
	days, err := s.AdsDays(ctx, app.AdsFilter{})
	if err != nil || days.Source != app.AdsCampaigns || len(days.Days) == 0 {
		t.Fatalf("days %+v %v", days.Source, err)
	}
	terms, _ := s.SearchTerms(ctx, app.AdsFilter{})
	exact, _ := s.ExactTargets(ctx)
	saved, _ := s.AdsRules(ctx)
	actions := map[string]int{}
	for _, r := range app.EvaluateTerms(terms, app.RulesLookup(saved, app.DefaultAdsRules(), app.AdsRulesOverride{}), exact) {
		actions[r.Action]++
		// The guide's examples from the demo (assets/guides/*/ads.md).
		if r.Campaign == "SP - HL-KT-002 - Manual" && r.SearchTerm == "best vegetable chopper" && r.Action != app.ActionHarvest {
			t.Errorf("the guide says best vegetable chopper is harvested: %+v", r)
		}
		if r.Campaign == "SP - HL-KT-002 - Auto" && r.SearchTerm == "gift for mom" && r.Action != app.ActionNegate {
			t.Errorf("the guide says gift for mom is negated: %+v", r)
		}
	}
	for _, a := range app.TermActions {
		if actions[a] == 0 {
			t.Errorf("the demo has no %s term: %v", a, actions)
		}
	}
}

// The report's advertising section on the demo: its charts are valid and
// drawn, and the terms to act on are the biggest spenders, none kept.
func TestDemoAdsReportSection(t *testing.T) {
	ctx := context.Background()
	s := sharedDemo(t, today())
	r, err := app.BuildReport(ctx, s, app.English(), time.Now())
	if err != nil {
		t.Fatal(err)
	}
	var sec *app.ReportSection
	for i := range r.Sections {
		if r.Sections[i].ID == "ads" {
			sec = &r.Sections[i]
		}
	}
	if sec == nil {
		t.Fatal("no ads section")
	}
	if len(sec.Charts) != 5 || !strings.Contains(sec.Intro, "ACoS = spend ÷ ad sales") || !strings.Contains(sec.Intro, "TACoS = ") {
		t.Fatalf("section: %d charts, intro %q", len(sec.Charts), sec.Intro)
	}
	for _, c := range sec.Charts {
		if err := c.Validate(); err != nil || c.Empty() {
			t.Errorf("chart %s: %v, empty %v", c.ID, err, c.Empty())
		}
	}
	terms := sec.Tables[0]
	if len(terms.Rows) != 20 {
		t.Fatalf("%d terms to act on", len(terms.Rows))
	}
	prev := 1e9
	for _, row := range terms.Rows {
		spend, _ := strconv.ParseFloat(row[4], 64)
		if row[7] == "Keep" || spend > prev {
			t.Errorf("row %q after spend %.2f", row, prev)
		}
		prev = spend
	}
	if len(sec.Tables[1].Rows) < 5 {
		t.Errorf("funnel rows %d", len(sec.Tables[1].Rows))
	}
}

// Two rows with one key in a file: the later one wins, as a row imported
// again replaces the earlier — also after the import sorts the rows.
func TestImportSameKeyTwiceInAFileKeepsTheLater(t *testing.T) {
	s, _ := newWorkspace(t)
	ctx := context.Background()
	var b strings.Builder
	b.WriteString(stHeader)
	// Many other rows in between, in an order the import's sort moves.
	for i := 300; i > 0; i-- {
		fmt.Fprintf(&b, "2026-10-01,,USD,C,g,Amazon,US,kw,BROAD,term %03d,10,1,,,$1.00,$0.00,,,0,0,,0,0,$0.00,$0.00\n", i)
		if i == 150 {
			b.WriteString("2026-10-01,,USD,A,g,Amazon,US,kw,BROAD,dup,10,7,,,$7.00,$0.00,,,0,0,,0,0,$0.00,$0.00\n")
		}
	}
	b.WriteString("2026-10-01,,USD,A,g,Amazon,US,kw,BROAD,dup,10,3,,,$3.00,$0.00,,,0,0,,0,0,$0.00,$0.00\n")
	res, err := s.ImportAdsReport(ctx, app.AdsImportOptions{Path: writeAdsFile(t, "dup.csv", b.String())})
	if err != nil || res.Rows != 302 || res.Added != 301 {
		t.Fatalf("%+v %v", res, err)
	}
	ts, _ := s.SearchTerms(ctx, app.AdsFilter{Campaign: "A"})
	if len(ts) != 1 || ts[0].Clicks != 3 || ts[0].SpendCents != 300 {
		t.Errorf("dup: %+v", ts)
	}
}

// The overview takes the campaign report where it has the day and the
// search terms for the days it lacks.
func TestAdsDaysMixesSources(t *testing.T) {
	s, _ := newWorkspace(t)
	ctx := context.Background()
	terms := stHeader +
		"2026-10-01,,USD,C,g,Amazon,US,kw,BROAD,a,10,2,,,$2.00,$0.00,,,0,0,,0,0,$0.00,$0.00\n" +
		"2026-10-02,,USD,C,g,Amazon,US,kw,BROAD,a,10,3,,,$3.00,$9.00,,,1,1,,1,0,$9.00,$0.00\n"
	camp := "Date,Campaign Name,Currency,Impressions,Clicks,Spend,7 Day Total Sales,7 Day Total Orders (#)\n" +
		"2026-10-01,C,USD,50,5,$5.00,$0.00,0\n"
	for name, body := range map[string]string{"t.csv": terms, "c.csv": camp} {
		if _, err := s.ImportAdsReport(ctx, app.AdsImportOptions{Path: writeAdsFile(t, name, body)}); err != nil {
			t.Fatal(err)
		}
	}
	d, err := s.AdsDays(ctx, app.AdsFilter{})
	if err != nil || d.Source != app.AdsMixed || d.Currency != "USD" || len(d.Days) != 2 {
		t.Fatalf("%+v %v", d, err)
	}
	var spend int64
	for _, x := range d.Days {
		spend += x.SpendCents
	}
	if spend != 800 { // the campaign report's 5.00 on Oct 1, the terms' 3.00 on Oct 2
		t.Errorf("spend %d", spend)
	}
	oct2 := time.Date(2026, 10, 2, 0, 0, 0, 0, time.UTC)
	if d, _ := s.AdsDays(ctx, app.AdsFilter{From: oct2, Campaign: "C"}); d.Source != app.AdsSearchTerms || len(d.Days) != 1 || d.Days[0].SpendCents != 300 {
		t.Errorf("Oct 2: %+v", d)
	}
}
