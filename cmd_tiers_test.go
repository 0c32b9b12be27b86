package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCLITiersAsOfLeavesOutLaterOrders (issue 12 item 8): lines dated on or
// after --as-of count for nothing, and a customer who bought only later is
// not in the output. Every figure below is worked by hand from the lines
// before the as-of date.
func TestCLITiersAsOfLeavesOutLaterOrders(t *testing.T) {
	loadCustomerTranslations(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "shop.sellerdb")
	orders := filepath.Join(dir, "orders.csv")
	data := "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n" +
		// Before 2024-03-01.
		"1,A,Cup,2,2024-01-05 10:00:00,5.00,10,United States\n" +
		"2,B,Plate,1,2024-02-01 10:00:00,20.00,10,United States\n" +
		"3,A,Cup,3,2024-02-20 10:00:00,10.00,20,United States\n" +
		"4,A,Cup,1,2024-01-15 10:00:00,8.00,30,Germany\n" +
		"5,A,Cup,1,2024-01-20 10:00:00,8.00,30,Germany\n" +
		"6,A,Cup,1,2024-02-25 10:00:00,8.00,30,Germany\n" +
		// On the as-of day and later: none of these may count.
		"7,B,Plate,5,2024-03-01 00:00:00,100.00,10,United Kingdom\n" +
		"8,B,Plate,1,2024-03-09 10:00:00,100.00,10,United Kingdom\n" +
		"9,B,Plate,1,2024-03-10 10:00:00,100.00,10,United Kingdom\n" +
		"C10,A,Cup,-1,2024-03-04 10:00:00,8.00,30,Germany\n" +
		"11,A,Cup,1,2024-03-03 10:00:00,7.00,40,France\n"
	if err := os.WriteFile(orders, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errOut bytes.Buffer
	if code := runCommand(db, []string{"import", "orders", orders}, &out, &errOut); code != 0 {
		t.Fatalf("import: exit %d, %s", code, errOut.String())
	}
	out.Reset()
	tiers := filepath.Join(dir, "tiers.csv")
	if code := runCommand(db, []string{"tiers", "--as-of", "2024-03-01", "--out", tiers}, &out, &errOut); code != 0 {
		t.Fatalf("tiers: exit %d, %s", code, errOut.String())
	}
	if !strings.HasPrefix(out.String(), "3 customers scored, 0 not scored") {
		t.Errorf("stdout %q", out.String())
	}
	// As of 2024-03-01, N = 3:
	//   10: orders 1, 2; 10 + 20 = 30.00; last 02-01: recency 29 (2024 is a leap year); country US
	//       (the three later lines in the UK would have made it GB).
	//   20: order 3; 30.00; last 02-20: recency 10.
	//   30: orders 4, 5, 6; 24.00 (C10 comes later); last 02-25: recency 5.
	//   40: bought only on 03-03: not scored, not listed.
	// R: recency 29, 10, 5 -> W 0, 1, 2 -> 1, 1+floor(5/3)=2, 1+floor(10/3)=4.
	// F: 2, 1, 3 -> W 1, 0, 2 -> 2, 1, 4.   M: 30, 30, 24 -> W 1, 1, 0 -> 2, 2, 1.
	// FM = floor((F+M+1)/2): 2, 2, 3. Segments (R, FM): (1,2) and (2,2) Hibernating,
	// (4,3) Potential Loyalists.
	want := []string{
		"customer_id,country,recency_days,frequency,monetary,r_score,f_score,m_score,fm_score,segment,tier",
		"10,United States,29,2,30.00,1,2,2,2,Hibernating,lost",
		"20,United States,10,1,30.00,2,1,2,2,Hibernating,lost",
		"30,Germany,5,3,24.00,4,4,1,3,Potential Loyalists,loyal",
	}
	rows := readCSV(t, tiers)
	if len(rows) != len(want) {
		t.Fatalf("tiers.csv: %v", rows)
	}
	for i, w := range want {
		if got := strings.Join(rows[i], ","); got != w {
			t.Errorf("row %d = %s, want %s", i, got, w)
		}
	}
	// Without --as-of every line counts: 40 is scored and 10 has five orders.
	out.Reset()
	if code := runCommand(db, []string{"tiers", "--out", tiers}, &out, &errOut); code != 0 {
		t.Fatalf("tiers: exit %d, %s", code, errOut.String())
	}
	rows = readCSV(t, tiers)
	if len(rows) != 5 || rows[1][0] != "10" || rows[1][3] != "5" || rows[1][1] != "United Kingdom" {
		t.Errorf("tiers without --as-of: %v", rows)
	}
}
