package main

import (
	"bytes"
	"context"
	"database/sql"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/seller-assistant/seller-assistant/app"
	"github.com/seller-assistant/seller-assistant/data"
)

// TestCLIClvDefaultsToTheShopsMargin (issue 13): without --margin the clv
// column is the prediction at the shop's margin from its saved quotes and
// sales, not at 100 %, and stderr says which margin and horizon it is. The
// demo shop's spend model fits (issue 14: its buyers' average spends
// differ); once every purchase is made worth the same, it is degenerate and
// stderr says it does not fit, while the JSON keeps issue 8's shape.
func TestCLIClvDefaultsToTheShopsMargin(t *testing.T) {
	loadCustomerTranslations(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "demo.sellerdb")
	var out, errOut bytes.Buffer
	if code := runCommand(db, []string{"demo"}, &out, &errOut); code != 0 {
		t.Fatalf("demo: exit %d, %s", code, errOut.String())
	}
	// The margin the demo's quotes and sales give, worked out by app.
	s, err := data.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	shop, err := app.ShopMarginOf(context.Background(), s)
	s.Close()
	if err != nil {
		t.Fatal(err)
	}
	if shop.Source != app.MarginFromSales || !shop.Rate.IsPositive() || shop.Rate.Equal(app.DefaultMarginRate) {
		t.Fatalf("the demo's margin %+v: want one from its quotes weighted by sales", shop)
	}
	run := func(args ...string) (map[string][]string, string) {
		t.Helper()
		out.Reset()
		errOut.Reset()
		path := filepath.Join(dir, "clv.csv")
		if code := runCommand(db, append([]string{"clv", "--out", path}, args...), &out, &errOut); code != 0 {
			t.Fatalf("clv %v: exit %d, %s", args, code, errOut.String())
		}
		if !strings.HasPrefix(out.String(), `{"bgnbd":`) || strings.Count(strings.TrimSpace(out.String()), "\n") != 0 {
			t.Fatalf("stdout is not one JSON object: %q", out.String())
		}
		rows := map[string][]string{}
		for _, r := range readCSV(t, path)[1:] {
			rows[r[0]] = r
		}
		return rows, errOut.String()
	}
	byShop, notes := run()
	pct := shop.Rate.Shift(2).StringFixed(1)
	for _, want := range []string{"the clv column is the predicted CLV over the next 52 weeks", "Gross margin " + pct + " %: the saved quotes of"} {
		if !strings.Contains(notes, want) {
			t.Errorf("stderr lacks %q:\n%s", want, notes)
		}
	}
	const noFit = "the spend model (Gamma-Gamma) does not fit this shop"
	if strings.Contains(notes, noFit) {
		t.Errorf("the demo's spend model should fit:\n%s", notes)
	}
	full, notes := run("--margin", "1")
	if !strings.Contains(notes, "Gross margin 100.0 %, as typed.") {
		t.Errorf("stderr with --margin 1:\n%s", notes)
	}
	rate, _ := shop.Rate.Float64()
	n := 0
	for id, r := range byShop {
		got, _ := strconv.ParseFloat(r[8], 64)
		all, _ := strconv.ParseFloat(full[id][8], 64)
		// Both are rounded to 4 places.
		if d := got - all*rate; d > 1e-4 || d < -1e-4 {
			t.Fatalf("%s: clv %s at the shop's margin, %s at 100 %%: want the second x %s", id, r[8], full[id][8], shop.Rate)
		}
		n++
	}
	if n < 100 {
		t.Fatalf("only %d customers", n)
	}
	// Every purchase worth the same: nothing for Gamma-Gamma to fit.
	raw, err := sql.Open("sqlite", db)
	if err != nil {
		t.Fatal(err)
	}
	// One line a customer and day, one unit at 20.00.
	_, err = raw.Exec(`DELETE FROM order_lines WHERE quantity < 0;
		DELETE FROM order_lines WHERE id NOT IN (SELECT min(id) FROM order_lines GROUP BY customer_id, substr(invoiced_at, 1, 10));
		UPDATE order_lines SET unit_price_cents = 2000, quantity = 1`)
	raw.Close()
	if err != nil {
		t.Fatal(err)
	}
	if _, notes := run(); !strings.Contains(notes, noFit) {
		t.Errorf("uniform spends: stderr lacks %q:\n%s", noFit, notes)
	}
}
