package data

import (
	"bufio"
	"context"
	"encoding/csv"
	"math"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/seller-assistant/seller-assistant/app"
)

// TestPurchaseDays: lines on one day are one purchase worth their net sum;
// a day with only cancellations is no purchase; lines without a customer
// are nobody's; days come oldest first.
func TestPurchaseDays(t *testing.T) {
	s, _ := newWorkspace(t)
	ctx := context.Background()
	lines := []struct {
		inv, at, cust string
		qty, cents    int64
	}{
		{"1001", "2024-01-05 09:00:00", "A", 2, 500},    // day 1: 1000
		{"1002", "2024-01-05 17:30:00", "A", 1, 250},    // same day, other order: +250
		{"C1002", "2024-01-05 18:00:00", "A", -1, 250},  // cancelled that day: -250
		{"1003", "2024-02-10 10:00:00", "A", 3, 1000},   // day 2: 3000
		{"C1003", "2024-02-20 10:00:00", "A", -3, 1000}, // only a cancellation: not a purchase
		{"1004", "2024-01-20 08:00:00", "B", 1, 999},
		{"1005", "2024-01-21 08:00:00", "", 5, 100}, // no customer
	}
	for _, l := range lines {
		var cust any = l.cust
		if l.cust == "" {
			cust = nil
		}
		if _, err := s.db.Exec(`INSERT INTO order_lines (invoice_no, quantity, invoiced_at, unit_price_cents, customer_id) VALUES (?,?,?,?,?)`,
			l.inv, l.qty, l.at, l.cents, cust); err != nil {
			t.Fatal(err)
		}
	}
	got, err := s.PurchaseDays(ctx)
	if err != nil {
		t.Fatal(err)
	}
	d := func(s string) time.Time { t, _ := time.Parse(time.DateOnly, s); return t }
	want := []app.CustomerPurchases{
		{ID: "A", Days: []app.PurchaseDay{{Day: d("2024-01-05"), Cents: 1000}, {Day: d("2024-02-10"), Cents: 3000}}},
		{ID: "B", Days: []app.PurchaseDay{{Day: d("2024-01-20"), Cents: 999}}},
	}
	if len(got) != len(want) {
		t.Fatalf("got %+v", got)
	}
	for i := range want {
		if got[i].ID != want[i].ID || len(got[i].Days) != len(want[i].Days) {
			t.Fatalf("customer %d: %+v, want %+v", i, got[i], want[i])
		}
		for j := range want[i].Days {
			if !got[i].Days[j].Day.Equal(want[i].Days[j].Day) || got[i].Days[j].Cents != want[i].Days[j].Cents {
				t.Errorf("%s day %d: %+v, want %+v", want[i].ID, j, got[i].Days[j], want[i].Days[j])
			}
		}
	}
	// The customers' days share one array: adding a day to one customer
	// must not overwrite the next one's first.
	got[0].Days = append(got[0].Days, app.PurchaseDay{Day: d("2024-03-01"), Cents: 1})
	if b := got[1].Days[0]; !b.Day.Equal(d("2024-01-20")) || b.Cents != 999 {
		t.Errorf("B's first day after appending to A's: %+v", b)
	}
}

// TestPurchaseDaysUCISample imports the shared UCI sample and compares the
// purchase days with a count made independently from the CSV, then runs
// the holdout check the README quotes (calibrate to 2011-09-01, holdout to
// 2011-12-09).
func TestPurchaseDaysUCISample(t *testing.T) {
	if _, err := os.Stat(uciSample); err != nil {
		t.Skip("the shared UCI sample is not here")
	}
	s, _ := newWorkspace(t)
	ctx := context.Background()
	if _, err := s.ImportOrders(ctx, app.ImportOptions{Path: uciSample}, nil); err != nil {
		t.Fatal(err)
	}
	f, _ := os.Open(uciSample)
	defer f.Close()
	recs, err := csv.NewReader(bufio.NewReader(f)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	type key struct{ cust, day string }
	value, bought := map[key]decimal.Decimal{}, map[key]bool{}
	for _, r := range recs[1:] {
		if r[6] == "" {
			continue
		}
		k := key{strings.TrimSuffix(r[6], ".0"), r[4][:10]}
		qty := decimal.RequireFromString(r[3])
		value[k] = value[k].Add(qty.Mul(decimal.RequireFromString(r[5])))
		if !app.IsCancellation(r[0], qty.IntPart()) {
			bought[k] = true
		}
	}
	got, err := s.PurchaseDays(ctx)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, c := range got {
		for _, d := range c.Days {
			k := key{c.ID, d.Day.Format(time.DateOnly)}
			if !bought[k] || !value[k].Shift(2).Round(0).Equal(decimal.NewFromInt(d.Cents)) {
				t.Fatalf("%v: %d cents, CSV says %s (bought %v)", k, d.Cents, value[k], bought[k])
			}
			n++
		}
	}
	if n != len(bought) {
		t.Errorf("%d purchase days, CSV has %d", n, len(bought))
	}
	cal, _ := time.Parse(time.DateOnly, "2011-09-01")
	end, _ := time.Parse(time.DateOnly, "2011-12-09")
	h, err := app.HoldoutCheck(ctx, got, cal, end, app.CLVOptions{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	b, g := h.Model.BGNBD, h.Model.GammaGamma
	t.Logf("UCI sample: %d customers (%d repeat) to 2011-09-01; BG/NBD r=%.4f alpha=%.4f a=%.4f b=%.4f LL=%.1f; GG p=%.3f q=%.3f v=%.3f",
		h.Model.Customers, h.Model.RepeatCustomers, b.R, b.Alpha, b.A, b.B, h.Model.LogLikelihood, g.P, g.Q, g.V)
	t.Logf("holdout %.1f weeks: predicted %.1f, actual %.0f repeat purchases (%+.1f %%)", h.HoldoutWeeks, h.Predicted, h.Actual, h.ErrorPercent())
	if h.Actual == 0 || math.IsNaN(h.Predicted) || math.Abs(h.ErrorPercent()) > 50 {
		t.Errorf("holdout predicted %.1f actual %.0f", h.Predicted, h.Actual)
	}
}
