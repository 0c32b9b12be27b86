package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/seller-assistant/seller-assistant/data"
)

// decimalDiv is amount × num ÷ den rounded to the cent, half away from
// zero: the conversion rule of one line.
func decimalDiv(t *testing.T, amount, num, den string) string {
	t.Helper()
	a, n, d := decimal.RequireFromString(amount), decimal.RequireFromString(num), decimal.RequireFromString(den)
	return a.Mul(n).DivRound(d, 20).Round(2).StringFixed(2)
}

func TestCLIImportCurrencyAndFXBase(t *testing.T) {
	loadCustomerTranslations(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "shop.sellerdb")
	orders := filepath.Join(dir, "orders.csv")
	data0 := "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n" +
		"100,A,Cup,2,2026-01-10 10:00:00,5.00,1,Germany\n"
	if err := os.WriteFile(orders, []byte(data0), 0o644); err != nil {
		t.Fatal(err)
	}
	run := func(want int, args ...string) string {
		t.Helper()
		var out, errOut bytes.Buffer
		if code := runCommand(db, args, &out, &errOut); code != want {
			t.Fatalf("%v: exit %d, want %d; %s%s", args, code, want, out.String(), errOut.String())
		}
		return out.String() + errOut.String()
	}
	run(2, "import", "orders", "--currency", "EURO", orders)
	// A currency without a rate: refused, with where to add one.
	if msg := run(1, "import", "orders", "--currency", "CHF", orders); !strings.Contains(msg, "CHF") || !strings.Contains(msg, "Settings ▸ Exchange rates") {
		t.Errorf("no rate: %s", msg)
	}
	run(0, "import", "orders", "--currency", "eur", orders)
	s, err := data.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	rates, _ := s.FXRates(context.Background())
	stats, _ := s.CustomerStats(context.Background())
	s.Close()
	// €10.00 at the workspace's own (built-in) rates of that day.
	var eur, usd string
	for _, r := range rates {
		switch r.Currency {
		case "EUR":
			eur = r.CNYPerUnit.String()
		case "USD":
			usd = r.CNYPerUnit.String()
		}
	}
	if len(stats) != 1 || eur == "" || usd == "" {
		t.Fatalf("stats %+v, rates %v", stats, rates)
	}
	want := decimalDiv(t, "10", eur, usd)
	if got := stats[0].Monetary.StringFixed(2); got != want {
		t.Errorf("monetary %s, want 10 EUR × %s ÷ %s = %s", got, eur, usd, want)
	}

	if out := run(0, "fx", "base"); !strings.Contains(out, "base currency: USD") || !strings.Contains(out, "EUR") {
		t.Errorf("fx base: %s", out)
	}
	run(2, "fx", "base", "EURO")
	run(1, "fx", "base", "CHF")
	if out := run(0, "fx", "base", "EUR"); !strings.Contains(out, "base currency: EUR (was USD)") || !strings.Contains(out, "undo: fx base USD") {
		t.Errorf("fx base EUR: %s", out)
	}
	tiers := filepath.Join(dir, "tiers.csv")
	run(0, "tiers", "--out", tiers)
	b, _ := os.ReadFile(tiers)
	if !strings.Contains(string(b), ",10.00,") {
		t.Errorf("tiers in EUR hold the order's own 10.00:\n%s", b)
	}
	run(0, "fx", "base", "USD")
}

// A Shopify export with a currency column, then the rates of its days set
// from the command line: tiers' monetary values follow the rule (each line
// at the rates of its day, rounded to the cent, then added).
func TestCLIFXRatesAndShopifyCurrencies(t *testing.T) {
	loadCustomerTranslations(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "shop.sellerdb")
	orders := filepath.Join(dir, "orders_export.csv")
	if err := os.WriteFile(orders, []byte("Name,Email,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem sku,Shipping Country,Currency\n"+
		"#1,a@x.com,2024-01-10 10:00:00,2,Lamp,19.99,L1,DE,EUR\n"+
		"#1,,,1,Cable,5.00,C1,,\n"+
		"#2,a@x.com,2024-02-20 09:00:00,1,Lamp,24.99,L1,GB,GBP\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	run := func(want int, args ...string) string {
		t.Helper()
		var out, errOut bytes.Buffer
		if code := runCommand(db, args, &out, &errOut); code != want {
			t.Fatalf("%v: exit %d, want %d; %s%s", args, code, want, out.String(), errOut.String())
		}
		return out.String() + errOut.String()
	}
	monetary := func() string {
		t.Helper()
		tiers := filepath.Join(dir, "tiers.csv")
		run(0, "tiers", "--out", tiers)
		b, _ := os.ReadFile(tiers)
		lines := strings.Split(strings.TrimSpace(string(b)), "\n")
		if len(lines) != 2 {
			t.Fatalf("tiers:\n%s", b)
		}
		return strings.Split(lines[1], ",")[4]
	}
	sum := func(parts ...string) string {
		total := decimal.Zero
		for _, p := range parts {
			total = total.Add(decimal.RequireFromString(p))
		}
		return total.StringFixed(2)
	}
	run(0, "import", "orders", orders)
	// Only the built-in rates, all from 2026-01-01: orders before a
	// currency's first rate are converted at that first rate.
	if got, want := monetary(), sum(decimalDiv(t, "39.98", "7.75", "7.20"), decimalDiv(t, "5.00", "7.75", "7.20"), decimalDiv(t, "24.99", "9.10", "7.20")); got != want {
		t.Errorf("monetary at the built-in rates %s, want %s", got, want)
	}
	run(0, "fx", "rate", "EUR", "2024-01-01", "7.80", "--note", "BOC")
	run(0, "fx", "rate", "usd", "2024-01-01", "7.20")
	run(0, "fx", "rate", "GBP", "2024-02-15", "9.20")
	run(2, "fx", "rate", "GBP", "2024-02-15", "920")
	run(2, "fx", "rate", "EURO", "2024-02-15", "7.8")
	// 39.98 × 7.80 ÷ 7.20 = 43.31, 5.00 × 7.80 ÷ 7.20 = 5.42, 24.99 × 9.20 ÷ 7.20 = 31.93.
	if got, want := monetary(), sum(decimalDiv(t, "39.98", "7.80", "7.20"), decimalDiv(t, "5.00", "7.80", "7.20"), decimalDiv(t, "24.99", "9.20", "7.20")); got != want || got != "80.66" {
		t.Errorf("monetary after the 2024 rates %s, want %s (80.66)", got, want)
	}
	if out := run(0, "fx", "rates"); !strings.Contains(out, "EUR,2024-01-01,7.8,BOC") || !strings.Contains(out, "GBP,2024-02-15,9.2,") {
		t.Errorf("fx rates:\n%s", out)
	}
}
