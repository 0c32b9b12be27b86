package main

import (
	"bytes"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

const adsTestHeader = "Date,Portfolio name,Currency,Campaign Name,Ad Group Name,Retailer,Country,Targeting,Match Type," +
	"Customer Search Term,Impressions,Clicks,Click-Thru Rate (CTR),Cost Per Click (CPC),Spend,7 Day Total Sales ," +
	"Total Advertising Cost of Sales (ACOS) ,Total Return on Advertising Spend (ROAS),7 Day Total Orders (#)," +
	"7 Day Total Units (#),7 Day Conversion Rate,7 Day Advertised SKU Units (#),7 Day Other SKU Units (#)," +
	"7 Day Advertised SKU Sales ,7 Day Other SKU Sales \n"

func runAds(t *testing.T, db string, args ...string) (string, string, int) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := runCommand(db, args, &out, &errOut)
	return out.String(), errOut.String(), code
}

// Worked numbers through the real commands: two days of one term summed,
// each action once, the report's own (wrong) ratio columns ignored.
func TestCLIAdsTermsWorkedNumbers(t *testing.T) {
	loadCustomerTranslations(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "shop.sellerdb")
	report := filepath.Join(dir, "st.csv")
	rows := adsTestHeader +
		// garlic crusher (PHRASE): Oct 1 + Oct 2 = 1000 impressions, 20 clicks, $10.00 spend, $40.00 sales, 2 orders:
		// acos 0.25 ≤ 0.30 → harvest; bid 0.30 × 40 ÷ 20 = 0.60. The CTR column says 99% and is ignored.
		`"Oct 01, 2026",,USD,Garlic,phrase,Amazon,United States,garlic,PHRASE,garlic crusher,600,12,99.00%,$9.99,$6.00,$20.00,1.00%,9.99,1,1,1.00%,1,0,$20.00,$0.00` + "\n" +
		`"Oct 02, 2026",,USD,Garlic,phrase,Amazon,United States,garlic,PHRASE,garlic crusher,400,8,,,$4.00,$20.00,,,1,2,,2,0,$20.00,$0.00` + "\n" +
		// GARLIC PRESS is already an EXACT targeting (below), so at acos 0.25 it is kept, not harvested.
		`"Oct 01, 2026",,USD,Garlic,phrase,Amazon,United States,garlic,PHRASE,GARLIC PRESS,1000,20,,,$10.00,$40.00,,,2,2,,2,0,$40.00,$0.00` + "\n" +
		// exact garlic press: $37.00 on $100.00 = 0.37 > 0.36 → lower_bid, bid 0.30 × 100 ÷ 50 = 0.60.
		`"Oct 01, 2026",,USD,Garlic,exact,Amazon,United States,garlic press,EXACT,garlic press,"1,000",50,,,$37.00,$100.00,,,3,3,,3,0,$100.00,$0.00` + "\n" +
		// cheap garlic: 10 clicks, no order → negate.
		`"Oct 01, 2026",,USD,Garlic,phrase,Amazon,United States,garlic,PHRASE,cheap garlic,400,10,,,$9.60,$0.00,,,0,0,,0,0,$0.00,$0.00` + "\n" +
		// a competitor's ASIN in the automatic campaign: $10.00 on $50.00 = 0.20 < 0.24 → raise_bid, bid 0.30 × 50 ÷ 25 = 0.60.
		`"Oct 01, 2026",,USD,Garlic Auto,auto,Amazon,United States,substitutes,-,b0c1234567,"1,000",25,,,$10.00,$50.00,,,1,1,,1,0,$50.00,$0.00` + "\n" +
		// outside --to 2026-10-02: left out of the period run.
		`"Oct 05, 2026",,USD,Garlic,phrase,Amazon,United States,garlic,PHRASE,late term,10,1,,,$1.00,$0.00,,,0,0,,0,0,$0.00,$0.00` + "\n"
	if err := os.WriteFile(report, []byte(rows), 0o600); err != nil {
		t.Fatal(err)
	}
	out, errOut, code := runAds(t, db, "ads", "import", report)
	if code != 0 || !strings.Contains(out, "rows: 7") || !strings.Contains(out, "new: 7") {
		t.Fatalf("import: %d %s %s", code, out, errOut)
	}
	csvPath := filepath.Join(dir, "terms.csv")
	if _, errOut, code = runAds(t, db, "ads", "terms", "--from", "2026-10-01", "--to", "2026-10-02", "--out", csvPath); code != 0 {
		t.Fatalf("terms: %d %s", code, errOut)
	}
	got := readCSV(t, csvPath)
	want := [][]string{
		{"campaign", "ad_group", "targeting", "match_type", "search_term", "impressions", "clicks", "spend", "sales", "orders", "units", "ctr", "cpc", "cvr", "acos", "roas", "action", "suggested_bid"},
		{"Garlic", "exact", "garlic press", "EXACT", "garlic press", "1000", "50", "37.00", "100.00", "3", "3", "0.05", "0.74", "0.06", "0.37", "2.702703", "lower_bid", "0.60"},
		{"Garlic", "phrase", "garlic", "PHRASE", "GARLIC PRESS", "1000", "20", "10.00", "40.00", "2", "2", "0.02", "0.5", "0.1", "0.25", "4", "keep", "0.60"},
		{"Garlic", "phrase", "garlic", "PHRASE", "cheap garlic", "400", "10", "9.60", "0.00", "0", "0", "0.025", "0.96", "0", "", "0", "negate", ""},
		{"Garlic", "phrase", "garlic", "PHRASE", "garlic crusher", "1000", "20", "10.00", "40.00", "2", "3", "0.02", "0.5", "0.1", "0.25", "4", "harvest", "0.60"},
		{"Garlic Auto", "auto", "substitutes", "-", "b0c1234567", "1000", "25", "10.00", "50.00", "1", "1", "0.025", "0.4", "0.04", "0.2", "5", "raise_bid", "0.60"},
	}
	if len(got) != len(want) {
		t.Fatalf("%d rows, want %d:\n%q", len(got), len(want), got)
	}
	for i := range want {
		if strings.Join(got[i], ",") != strings.Join(want[i], ",") {
			t.Errorf("row %d:\n got %q\nwant %q", i, got[i], want[i])
		}
	}
	if fi, err := os.Stat(csvPath); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("output mode %v %v", fi.Mode(), err)
	}

	// Own thresholds: target 0.5 moves lower_bid to raise_bid (0.37 < 0.40)
	// and the bid to 0.5 × 100 ÷ 50 = 1.00; 10 clicks is no longer enough to
	// negate at --negate-clicks 11; --harvest-orders 3 stops the harvest, so
	// garlic crusher (0.25 < 0.40) is a raise too.
	if _, errOut, code = runAds(t, db, "ads", "terms", "--to", "2026-10-02", "--target-acos", "0.5", "--negate-clicks", "11", "--harvest-orders", "3", "--out", csvPath); code != 0 {
		t.Fatalf("terms with rules: %d %s", code, errOut)
	}
	got = readCSV(t, csvPath)
	for _, c := range []struct {
		term, action, bid string
	}{{"garlic press", "raise_bid", "1.00"}, {"cheap garlic", "keep", ""}, {"garlic crusher", "raise_bid", "1.00"}} {
		found := false
		for _, r := range got[1:] {
			if r[4] == c.term {
				found = true
				if r[16] != c.action || r[17] != c.bid {
					t.Errorf("%s: %s %s, want %s %s", c.term, r[16], r[17], c.action, c.bid)
				}
			}
		}
		if !found {
			t.Errorf("%s missing", c.term)
		}
	}

	// Without a period every row counts: the late term appears.
	if _, _, code = runAds(t, db, "ads", "terms", "--out", csvPath); code != 0 || len(readCSV(t, csvPath)) != 7 {
		t.Errorf("all periods: %d rows", len(readCSV(t, csvPath)))
	}
	for _, bad := range [][]string{
		{"ads"}, {"ads", "terms"}, {"ads", "terms", "--out", csvPath, "--target-acos", "0"},
		{"ads", "terms", "--out", csvPath, "--negate-clicks", "0"}, {"ads", "terms", "--out", csvPath, "--from", "1.10.2026"},
		{"ads", "terms", "--out", csvPath, "--from", "2026-10-05", "--to", "2026-10-01"}, {"ads", "import"},
	} {
		if _, _, code := runAds(t, db, bad...); code != 2 {
			t.Errorf("%q: exit %d, want 2", bad, code)
		}
	}
	broken := filepath.Join(dir, "broken.csv")
	os.WriteFile(broken, []byte(adsTestHeader+`"Oct 01, 2026",,USD,C,g,Amazon,US,kw,BROAD,t,10,1,,,$1.0.0,$0.00,,,0,0,,0,0,$0.00,$0.00`+"\n"), 0o600)
	// A refused file exits 1, as `import orders` does.
	if _, errOut, code := runAds(t, db, "ads", "import", broken); code != 1 || !strings.Contains(errOut, "Line 2, Spend") {
		t.Errorf("broken file: %d %s", code, errOut)
	}
}

// The generated 100,000-row report's little sister, recomputed here from the
// file itself with plain arithmetic: every written row agrees with the
// contract's formulas, and re-importing the file changes nothing.
func TestCLIAdsTermsRecomputedFromGeneratedReport(t *testing.T) {
	loadCustomerTranslations(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "shop.sellerdb")
	report := filepath.Join(dir, "st.csv")
	st, err := generateSearchTerms(report, 6000, 7)
	if err != nil {
		t.Fatal(err)
	}
	if st.campaigns < 10 {
		t.Fatalf("generator: %+v", st)
	}
	type sums struct {
		match                                    map[string]bool
		imp, clicks, spend, sales, orders, units int64
	}
	groups := map[string]*sums{}
	exact := map[string]bool{}
	matchTypes := map[string]bool{}
	lines := readCSV(t, report)
	cents := func(s string) int64 {
		f, err := strconv.ParseFloat(strings.NewReplacer("$", "", ",", "").Replace(s), 64)
		if err != nil {
			t.Fatalf("money %q", s)
		}
		return int64(math.Round(f * 100))
	}
	num := func(s string) int64 {
		n, err := strconv.ParseInt(strings.ReplaceAll(s, ",", ""), 10, 64)
		if err != nil {
			t.Fatalf("count %q", s)
		}
		return n
	}
	for _, r := range lines[1:] {
		k := strings.Join([]string{r[3], r[4], r[7], r[9]}, "\x00")
		g := groups[k]
		if g == nil {
			g = &sums{match: map[string]bool{}}
			groups[k] = g
		}
		g.match[r[8]] = true
		matchTypes[r[8]] = true
		g.imp += num(r[10])
		g.clicks += num(r[11])
		g.spend += cents(r[14])
		g.sales += cents(r[15])
		g.orders += num(r[18])
		g.units += num(r[19])
		if r[8] == "EXACT" {
			exact[strings.ToLower(r[7])] = true
		}
	}
	if len(matchTypes) != 4 {
		t.Fatalf("match types in the generated report: %v", matchTypes)
	}
	if _, errOut, code := runAds(t, db, "ads", "import", report); code != 0 {
		t.Fatal(errOut)
	}
	if out, errOut, code := runAds(t, db, "ads", "import", report); code != 0 || !strings.Contains(out, "new: 0") {
		t.Fatal(out, errOut)
	}
	csvPath := filepath.Join(dir, "terms.csv")
	if _, errOut, code := runAds(t, db, "ads", "terms", "--out", csvPath); code != 0 {
		t.Fatal(errOut)
	}
	got := readCSV(t, csvPath)
	if len(got)-1 != len(groups) {
		t.Fatalf("%d rows, want %d", len(got)-1, len(groups))
	}
	ratio := func(n, d float64) string {
		if d == 0 {
			return ""
		}
		return strconv.FormatFloat(n/d, 'f', 6, 64)
	}
	near := func(gotS, want string) bool {
		if gotS == "" || want == "" {
			return gotS == want
		}
		a, _ := strconv.ParseFloat(gotS, 64)
		b, _ := strconv.ParseFloat(want, 64)
		// 1/128 = 0.0078125 is written 0.007813 (half away from zero);
		// %.6f of the float says 0.007812.
		return math.Abs(a-b) <= 1.5e-6
	}
	actions := map[string]int{}
	for i, r := range got[1:] {
		key := strings.Join([]string{r[0], r[1], r[2], r[4]}, "\x00")
		if prev := got[i]; i > 0 && strings.Join([]string{prev[0], prev[1], prev[2], prev[4]}, "\x00") >= key {
			t.Errorf("row %d out of order", i+1)
		}
		g := groups[key]
		if g == nil {
			t.Fatalf("row %d %q not in the report", i+1, r[:5])
		}
		spend, sales := float64(g.spend)/100, float64(g.sales)/100
		want := []string{fmt.Sprint(g.imp), fmt.Sprint(g.clicks), fmt.Sprintf("%.2f", spend), fmt.Sprintf("%.2f", sales),
			fmt.Sprint(g.orders), fmt.Sprint(g.units)}
		if strings.Join(r[5:11], ",") != strings.Join(want, ",") {
			t.Errorf("row %d counts %q, want %q", i+1, r[5:11], want)
		}
		for j, w := range []string{ratio(float64(g.clicks), float64(g.imp)), ratio(spend, float64(g.clicks)),
			ratio(float64(g.orders), float64(g.clicks)), ratio(spend, sales), ratio(sales, spend)} {
			if !near(r[11+j], w) {
				t.Errorf("row %d %s = %q, want %q", i+1, got[0][11+j], r[11+j], w)
			}
		}
		// The rules at the defaults, compared in whole cents: acos ≤ 0.30
		// is spend × 10 ≤ sales × 3, and so on.
		notExact := !g.match["EXACT"]
		var action string
		switch {
		case g.orders == 0 && g.clicks >= 10:
			action = "negate"
		case g.orders >= 2 && g.sales > 0 && g.spend*10 <= g.sales*3 && notExact && !exact[strings.ToLower(r[4])]:
			action = "harvest"
		case g.orders >= 1 && g.sales > 0 && g.spend*100 > g.sales*36:
			action = "lower_bid"
		case g.orders >= 1 && g.sales > 0 && g.spend*100 < g.sales*24:
			action = "raise_bid"
		default:
			action = "keep"
		}
		actions[action]++
		if r[16] != action {
			t.Errorf("row %d %q: action %s, want %s", i+1, r[:5], r[16], action)
		}
		bid := ""
		if g.orders >= 1 && g.clicks > 0 && g.spend > 0 && g.sales > 0 {
			// 0.30 × sales ÷ clicks in cents, half away from zero.
			c := (6*g.sales + 10*g.clicks) / (20 * g.clicks)
			bid = fmt.Sprintf("%d.%02d", c/100, c%100)
		}
		if r[17] != bid {
			t.Errorf("row %d: bid %q, want %q", i+1, r[17], bid)
		}
	}
	for _, a := range []string{"negate", "harvest", "lower_bid", "raise_bid", "keep"} {
		if actions[a] == 0 {
			t.Errorf("no %s in the generated report: %v", a, actions)
		}
	}
}

// A Business Report has no dates: the period comes from --from and --to,
// before or after the file name.
func TestCLIAdsImportBusinessReport(t *testing.T) {
	loadCustomerTranslations(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "shop.sellerdb")
	biz := filepath.Join(dir, "BusinessReport-10-31-26.csv")
	os.WriteFile(biz, []byte("(Parent) ASIN,(Child) ASIN,Title,SKU,Sessions - Total,Page Views - Total,Featured Offer (Buy Box) Percentage,"+
		"Units Ordered,Unit Session Percentage,Ordered Product Sales,Total Order Items\n"+
		"B0P,B0C1,Garlic Press,HL-KT-003,\"1,200\",\"1,500\",98.50%,60,5.00%,\"$1,199.40\",58\n"), 0o600)
	if _, errOut, code := runAds(t, db, "ads", "import", biz); code != 2 || !strings.Contains(errOut, "Business Report has no dates") {
		t.Errorf("without a period: %d %s", code, errOut)
	}
	out, errOut, code := runAds(t, db, "ads", "import", "--from", "2026-10-01", "--to", "2026-10-31", biz)
	if code != 0 || !strings.Contains(out, "report: business") || !strings.Contains(out, "period: 2026-10-01 to 2026-10-31") {
		t.Fatalf("flags first: %d %s %s", code, out, errOut)
	}
	out, errOut, code = runAds(t, db, "ads", "import", biz, "--from", "2026-10-01", "--to", "2026-10-31")
	if code != 0 || !strings.Contains(out, "replaced: 1") {
		t.Fatalf("flags after: %d %s %s", code, out, errOut)
	}
}
