package main

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

func writeFile(t *testing.T, path, body string) string {
	t.Helper()
	if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestCLIReplenish runs the contract end to end: orders and stock imported
// by the CLI, then `replenish` with worked numbers.
func TestCLIReplenish(t *testing.T) {
	loadCustomerTranslations(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "shop.sellerdb")
	// Window of 4 days before 5 March: A sells 4, 0, 2, 6 (the cancelled 2 on
	// 3 March and the 10 on the as-of day left out).
	orders := writeFile(t, filepath.Join(dir, "orders.csv"), "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n"+
		"1,A,Cup,4,2026-03-01 10:00:00,5.00,1.0,United Kingdom\n"+
		"2,A,Cup,2,2026-03-03 10:00:00,5.00,2.0,United Kingdom\n"+
		"C3,A,Cup,-2,2026-03-03 11:00:00,5.00,2.0,United Kingdom\n"+
		"4,A,Cup,6,2026-03-04 23:00:00,5.00,3.0,United Kingdom\n"+
		"5,A,Cup,10,2026-03-05 00:30:00,5.00,3.0,United Kingdom\n")
	stock := writeFile(t, filepath.Join(dir, "stock.csv"), "sku,warehouse,on_hand,inbound\nA,FBA-UK,7,3\nB,Shenzhen,5,0\n")
	var out, errOut bytes.Buffer
	for _, args := range [][]string{{"import", "orders", orders}, {"inventory", "import", stock, "--warehouse", "unused-for-a-simple-file"}} {
		if code := runCommand(db, args, &out, &errOut); code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, errOut.String())
		}
	}
	csvPath := filepath.Join(dir, "plan.csv")
	out.Reset()
	if code := runCommand(db, []string{"replenish", "--as-of", "2026-03-05", "--window-days", "4", "--lead-time-days", "4",
		"--out", csvPath}, &out, &errOut); code != 0 {
		t.Fatalf("replenish: exit %d: %s", code, errOut.String())
	}
	if !strings.Contains(out.String(), "2 SKUs as of 2026-03-05: 1 to reorder, 0 ok, 1 without sales") {
		t.Errorf("stdout %q", out.String())
	}
	// Mean 12/4 = 3; sd √((1+9+1+9)/4) = √5; safety stock 1.64485… × √5 × √4
	// = 7.356009046; reorder point 3 × 4 + that = 19.356009046 ≥ 7 + 3: reorder;
	// cover 10/3; stockout 5 March + floor(7/3) = 7 March; quantity
	// ceil(3 × (4 + 14) + 7.356… − 10) = 52.
	want := [][]string{
		strings.Split("sku,on_hand,inbound,daily_demand,demand_sd,lead_time_days,safety_stock,reorder_point,days_of_cover,stockout_date,reorder_qty,status", ","),
		{"A", "7", "3", "3", "2.236067977", "4", "7.356009046", "19.356009046", "3.333333333", "2026-03-07", "52", "reorder"},
		{"B", "5", "0", "0", "0", "4", "0", "0", "", "", "0", "no_sales"},
	}
	if got := readCSV(t, csvPath); !reflect.DeepEqual(got, want) {
		t.Errorf("plan:\n got %q\nwant %q", got, want)
	}
	if st, err := os.Stat(csvPath); err != nil || st.Mode().Perm() != 0o600 {
		t.Errorf("plan file mode %v %v, want 0600", st.Mode(), err)
	}

	// Without the override and with no product, the default lead time is
	// used and shown; over an 8-day window A's demand is 12/8.
	if code := runCommand(db, []string{"replenish", "--as-of", "2026-03-05", "--window-days", "8", "--out", csvPath}, &out, &errOut); code != 0 {
		t.Fatalf("replenish: exit %d: %s", code, errOut.String())
	}
	if rows := readCSV(t, csvPath); rows[1][3] != "1.5" || rows[1][5] != "45" {
		t.Errorf("8-day window, default lead time: %q", rows[1])
	}
}

func TestCLIReplenishBadUse(t *testing.T) {
	loadCustomerTranslations(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "shop.sellerdb")
	stock := writeFile(t, filepath.Join(dir, "stock.csv"), "sku,warehouse,on_hand,inbound\nA,W,1,0\n")
	var out, errOut bytes.Buffer
	if code := runCommand(db, []string{"inventory", "import", stock}, &out, &errOut); code != 0 {
		t.Fatalf("import: exit %d: %s", code, errOut.String())
	}
	plan := filepath.Join(dir, "plan.csv")
	for _, args := range [][]string{
		{"replenish"},
		{"replenish", "--out", plan, "--as-of", "5/3/2026"},
		{"replenish", "--out", plan, "--window-days", "0"},
		{"replenish", "--out", plan, "--lead-time-days", "-3"},
		{"replenish", "--out", plan, "--review-days", "-1"},
		{"replenish", "--out", plan, "--service-level", "1"},
		{"replenish", "--out", plan, "--service-level", "95%"},
		{"inventory"},
		{"inventory", "import"},
		{"replenish", "--out", db}, // never over the workspace
	} {
		if code := runCommand(db, args, &out, &errOut); code != 2 {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
	}
	if _, err := os.Stat(plan); err == nil {
		t.Error("bad use wrote a plan")
	}
	bad := writeFile(t, filepath.Join(dir, "bad.csv"), "sku,warehouse,on_hand,inbound\nA,W,9,0\nB,W,x,0\n")
	out.Reset()
	// A file refused for its rows exits 1, as `import orders`.
	if code := runCommand(db, []string{"inventory", "import", bad}, &out, &errOut); code != 1 || !strings.Contains(out.String(), `line 3: on_hand "x"`) {
		t.Errorf("bad row: exit %d, stdout %q", code, out.String())
	}
}

// TestCLIReplenishUCISample: the real UCI export (cancellations "C…" with
// negative quantities, lines in no order) with a stock file for a few of its
// SKUs, checked against the formulas recomputed from the files.
func TestCLIReplenishUCISample(t *testing.T) {
	if _, err := os.Stat(uciSampleCSV); err != nil {
		t.Skip("the shared UCI sample is not here")
	}
	loadCustomerTranslations(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "uci.sellerdb")
	stock := writeFile(t, filepath.Join(dir, "stock.csv"), "sku,warehouse,on_hand,inbound\n85123A,UK,40,0\n85123A,EU,10,12\n22423,UK,500,0\nNOT-SOLD,UK,7,1\n")
	plan := filepath.Join(dir, "plan.csv")
	var out, errOut bytes.Buffer
	for _, args := range [][]string{{"import", "orders", uciSampleCSV}, {"inventory", "import", stock},
		{"replenish", "--as-of", "2011-11-15", "--window-days", "21", "--lead-time-days", "40", "--review-days", "10", "--out", plan}} {
		if code := runCommand(db, args, &out, &errOut); code != 0 {
			t.Fatalf("%v: exit %d %s", args, code, errOut.String())
		}
	}
	rows := readCSV(t, plan)
	if len(rows) < 1000 {
		t.Fatalf("%d rows", len(rows))
	}
	reorders := assertPlan(t, readCSV(t, uciSampleCSV), readCSV(t, stock), rows, time.Date(2011, 11, 15, 0, 0, 0, 0, time.UTC), 21, 40, 10)
	if reorders < 100 {
		t.Errorf("%d SKUs to reorder", reorders)
	}
}
