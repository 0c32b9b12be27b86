package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

const uciSampleCSV = "../shared/data/online-retail-sample.csv"

// TestCLIClvUCISample imports the shared UCI sample and checks the clv
// command's JSON keys and CSV format.
func TestCLIClvUCISample(t *testing.T) {
	if _, err := os.Stat(uciSampleCSV); err != nil {
		t.Skip("the shared UCI sample is not here")
	}
	loadCustomerTranslations(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "uci.sellerdb")
	var out, errOut bytes.Buffer
	if code := runCommand(db, []string{"import", "orders", uciSampleCSV}, &out, &errOut); code != 0 {
		t.Fatalf("import: exit %d: %s", code, errOut.String())
	}
	out.Reset()
	csvPath := filepath.Join(dir, "clv.csv")
	if code := runCommand(db, []string{"clv", "--as-of", "2011-09-01", "--horizon-weeks", "14", "--margin", "0.4",
		"--discount-rate", "0.1", "--out", csvPath}, &out, &errOut); code != 0 {
		t.Fatalf("clv: exit %d: %s", code, errOut.String())
	}
	// Exactly the documented keys, one JSON object on one line.
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(out.Bytes(), &raw); err != nil || strings.Count(strings.TrimSpace(out.String()), "\n") != 0 {
		t.Fatalf("stdout %q: %v", out.String(), err)
	}
	keys := func(m map[string]json.RawMessage) []string {
		var k []string
		for key := range m {
			k = append(k, key)
		}
		slices.Sort(k)
		return k
	}
	if got := keys(raw); !slices.Equal(got, []string{"bgnbd", "customers", "gamma_gamma", "repeat_customers"}) {
		t.Errorf("keys %v", got)
	}
	var bg, gg map[string]json.RawMessage
	json.Unmarshal(raw["bgnbd"], &bg)
	json.Unmarshal(raw["gamma_gamma"], &gg)
	if got := keys(bg); !slices.Equal(got, []string{"a", "alpha", "b", "log_likelihood", "r", "time_unit"}) || string(bg["time_unit"]) != `"week"` {
		t.Errorf("bgnbd %s", raw["bgnbd"])
	}
	if got := keys(gg); !slices.Equal(got, []string{"p", "q", "v"}) {
		t.Errorf("gamma_gamma %s", raw["gamma_gamma"])
	}
	var res clvJSON
	json.Unmarshal(out.Bytes(), &res)
	if res.Customers < 1000 || res.RepeatCustomers < 20 || res.RepeatCustomers > res.Customers || res.BGNBD.R <= 0 || res.BGNBD.LogLikelihood >= 0 {
		t.Errorf("result %+v", res)
	}
	rows := readCSV(t, csvPath)
	if strings.Join(rows[0], ",") != "customer_id,x,t_x,T,zbar,p_alive,expected_purchases,expected_value,clv" {
		t.Errorf("header %v", rows[0])
	}
	if len(rows)-1 != res.Customers {
		t.Errorf("%d rows for %d customers", len(rows)-1, res.Customers)
	}
	two, four := regexp.MustCompile(`^-?\d+\.\d{2}$`), regexp.MustCompile(`^-?\d+\.\d{4}$`)
	for _, r := range rows[1:] {
		ok := regexp.MustCompile(`^\d+$`).MatchString(r[1]) && two.MatchString(r[2]) && two.MatchString(r[3])
		for _, c := range r[4:] {
			ok = ok && four.MatchString(c)
		}
		if !ok {
			t.Fatalf("row %v", r)
		}
	}
}

// TestCLIClvRefusesAndBadUse: too few repeat customers, bad flags: exit 2,
// nothing written.
func TestCLIClvRefusesAndBadUse(t *testing.T) {
	loadCustomerTranslations(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "shop.sellerdb")
	orders := filepath.Join(dir, "orders.csv")
	data := "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n" +
		"100,A,Cup,2,2024-01-10 10:00:00,5.00,1.0,United Kingdom\n" +
		"101,B,Plate,1,2024-03-01 10:00:00,10.00,1.0,United Kingdom\n" +
		"103,A,Cup,1,2024-03-05 10:00:00,5.00,2.0,France\n"
	if err := os.WriteFile(orders, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errOut bytes.Buffer
	if code := runCommand(db, []string{"import", "orders", orders}, &out, &errOut); code != 0 {
		t.Fatalf("import: exit %d: %s", code, errOut.String())
	}
	csvPath := filepath.Join(dir, "clv.csv")
	for _, tt := range []struct {
		name string
		args []string
		want string
	}{
		{"too few", []string{"clv", "--out", csvPath}, "at least 20"},
		{"no out", []string{"clv"}, "--out"},
		{"bad date", []string{"clv", "--as-of", "10/3/2024", "--out", csvPath}, "YYYY-MM-DD"},
		{"margin above 1", []string{"clv", "--margin", "35", "--out", csvPath}, "Gross margin"},
		{"zero horizon", []string{"clv", "--horizon-weeks", "0", "--out", csvPath}, "horizon"},
		{"stray arg", []string{"clv", "--out", csvPath, "extra"}, "unexpected"},
	} {
		out.Reset()
		errOut.Reset()
		if code := runCommand(db, tt.args, &out, &errOut); code != 2 || !strings.Contains(errOut.String(), tt.want) || out.Len() != 0 {
			t.Errorf("%s: exit %d, stderr %q, stdout %q", tt.name, code, errOut.String(), out.String())
		}
		if _, err := os.Stat(csvPath); err == nil {
			t.Fatalf("%s: %s was written", tt.name, csvPath)
		}
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".clv-") {
			t.Errorf("temporary file %s left behind", e.Name())
		}
	}
}
