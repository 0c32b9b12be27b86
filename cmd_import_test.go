package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/seller-assistant/seller-assistant/assets"
)

// loadCustomerTranslations does what main does before any command.
func loadCustomerTranslations(t *testing.T) {
	t.Helper()
	if err := assets.LoadTranslations(); err != nil {
		t.Fatal(err)
	}
}

func TestCLIImportOrdersAndTiers(t *testing.T) {
	loadCustomerTranslations(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "shop.sellerdb")
	orders := filepath.Join(dir, "orders.csv")
	// Customer 1: two orders and a cancellation; customer 2: one order; a
	// guest line; one bad row (quantity "x").
	data := "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n" +
		"100,A,Cup,2,2024-01-10 10:00:00,5.00,1.0,United Kingdom\n" +
		"101,B,Plate,1,2024-03-01 10:00:00,10.00,1.0,United Kingdom\n" +
		"C102,B,Plate,-1,2024-03-02 10:00:00,10.00,1.0,United Kingdom\n" +
		"103,A,Cup,1,2024-03-05 10:00:00,5.00,2.0,=cmd\n" +
		"104,A,Cup,1,2024-03-05 11:00:00,5.00,,France\n" +
		"105,A,Cup,x,2024-03-05 11:00:00,5.00,3.0,France\n"
	if err := os.WriteFile(orders, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errOut bytes.Buffer
	// A refused file exits 1 (README); bad use of the command line is 2.
	if code := runCommand(db, []string{"import", "orders", orders}, &out, &errOut); code != 1 {
		t.Fatalf("a bad row without --skip-bad: exit %d, stderr %s", code, errOut.String())
	}
	for _, want := range []string{"rows read: 6", "imported: 0", "skipped: 1", "quantity is not a whole number: 1", "row 7: quantity \"x\""} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("report lacks %q:\n%s", want, out.String())
		}
	}
	out.Reset()
	errOut.Reset()
	if code := runCommand(db, []string{"import", "orders", "--skip-bad", orders}, &out, &errOut); code != 0 {
		t.Fatalf("import: exit %d, %s", code, errOut.String())
	}
	for _, want := range []string{"rows read: 6", "imported: 5", "skipped: 1", "lines without customer id: 1", "customers: 2"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("report lacks %q:\n%s", want, out.String())
		}
	}
	out.Reset()
	tiers := filepath.Join(dir, "tiers.csv")
	if code := runCommand(db, []string{"tiers", "--as-of", "2024-03-10", "--out", tiers}, &out, &errOut); code != 0 {
		t.Fatalf("tiers: exit %d, %s", code, errOut.String())
	}
	rows := readCSV(t, tiers)
	// Hand-computed: customer 1 frequency 2 (C102 is a cancellation),
	// monetary 10 + 10 - 10 = 10.00, last order 2024-03-01: recency 9.
	// Customer 2: frequency 1, monetary 5.00, recency 5. N = 2:
	// R: 1 has W=0 -> 1, 2 has W=1 -> 3; F: 1 -> 3, 2 -> 1; M: 1 -> 3, 2 -> 1.
	// FM = floor((F+M+1)/2): 1 -> 3, 2 -> 1.
	want := [][]string{
		{"customer_id", "country", "recency_days", "frequency", "monetary", "r_score", "f_score", "m_score", "fm_score", "segment", "tier"},
		{"1", "United Kingdom", "9", "2", "10.00", "1", "3", "3", "3", "At Risk", "lost"},
		{"2", "'=cmd", "5", "1", "5.00", "3", "1", "1", "1", "About to Sleep", "lost"},
	}
	if len(rows) != len(want) {
		t.Fatalf("tiers.csv rows: %v", rows)
	}
	for i := range want {
		if strings.Join(rows[i], ",") != strings.Join(want[i], ",") {
			t.Errorf("row %d = %v, want %v", i, rows[i], want[i])
		}
	}
	// The same file again adds nothing.
	out.Reset()
	if code := runCommand(db, []string{"import", "orders", "--skip-bad", orders}, &out, &errOut); code != 0 || !strings.Contains(out.String(), "imported before") {
		t.Errorf("re-import: exit %d\n%s", code, out.String())
	}
	// Bad use exits 2.
	for _, args := range [][]string{{"import"}, {"import", "orders"}, {"import", "orders", "--date-order", "ymd", orders},
		{"tiers"}, {"tiers", "--out", tiers, "--as-of", "10/03/2024"}} {
		errOut.Reset()
		if code := runCommand(db, args, &out, &errOut); code != 2 {
			t.Errorf("%v: exit %d, want 2 (%s)", args, code, errOut.String())
		}
	}
}

func TestCLIImportAmbiguousDates(t *testing.T) {
	loadCustomerTranslations(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "shop.sellerdb")
	orders := filepath.Join(dir, "orders.csv")
	os.WriteFile(orders, []byte("InvoiceNo,Quantity,InvoiceDate,UnitPrice,CustomerID\n1,1,1/2/2024,5,7\n2,1,3/4/2024,5,8\n"), 0o644)
	var out, errOut bytes.Buffer
	if code := runCommand(db, []string{"import", "orders", orders}, &out, &errOut); code != 1 || !strings.Contains(errOut.String(), "day/month or month/day") {
		t.Fatalf("ambiguous dates: exit %d, %s", code, errOut.String())
	}
	out.Reset()
	if code := runCommand(db, []string{"import", "orders", "--date-order", "dmy", orders}, &out, &errOut); code != 0 || !strings.Contains(out.String(), "imported: 2") {
		t.Fatalf("with --date-order: exit %d\n%s", code, out.String())
	}
}
