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
