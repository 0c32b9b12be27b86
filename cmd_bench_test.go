package main

import (
	"bytes"
	"math"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// The bench's generator writes what it says it writes, and the import reads
// it back with the same counts. (The timing itself runs child processes of
// the real binary: `make bench-tiers`.)
func TestBenchGeneratorRoundTrip(t *testing.T) {
	loadCustomerTranslations(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "orders.csv")
	st, err := generateOrders(path, 20000, true)
	if err != nil {
		t.Fatal(err)
	}
	if st.countries < 30 || st.cancelled == 0 || st.noCustomer == 0 || st.customers < 1000 {
		t.Fatalf("generated %+v", st)
	}
	var out, errOut bytes.Buffer
	db := filepath.Join(dir, "b.sellerdb")
	if code := runCommand(db, []string{"import", "orders", path}, &out, &errOut); code != 0 {
		t.Fatalf("import: %d %s", code, errOut.String())
	}
	for _, want := range []string{"rows read: 20000", "imported: 20000", "skipped: 0"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("lacks %q:\n%s", want, out.String())
		}
	}
	if !strings.Contains(out.String(), "customers: "+strconv.Itoa(st.customers)) || !strings.Contains(out.String(), "lines without customer id: "+strconv.Itoa(st.noCustomer)) {
		t.Errorf("counts differ from the generator's %+v:\n%s", st, out.String())
	}
	var errs bytes.Buffer
	if code := runCommand(db, []string{"bench"}, &out, &errs); code != 2 {
		t.Errorf("bench without tiers: exit %d", code)
	}
	if code := runCommand(db, []string{"bench", "tiers", "--lines", "0"}, &out, &errs); code != 2 {
		t.Errorf("bench --lines 0: exit %d", code)
	}
}

// The shuffled file holds the ordered file's lines, only with other dates,
// and those dates are out of time order (as the real exports are).
func TestBenchGeneratorShufflesDates(t *testing.T) {
	var ordered, shuffled bytes.Buffer
	sto, sts := writeOrders(&ordered, 5000, false), writeOrders(&shuffled, 5000, true)
	if sto != sts {
		t.Fatalf("stats differ: %+v %+v", sto, sts)
	}
	ol, sl := strings.Split(ordered.String(), "\n"), strings.Split(shuffled.String(), "\n")
	if len(ol) != len(sl) || len(ol) != 5002 {
		t.Fatalf("%d and %d lines", len(ol), len(sl))
	}
	dateOf := func(line string) (string, string) {
		// InvoiceDate is the field after Quantity; the description may hold
		// a quoted comma, so it is found from the end: 4 fields follow it.
		f := strings.Split(line, ",")
		n := len(f)
		return f[n-4], strings.Join(append(append([]string{}, f[:n-4]...), f[n-3:]...), ",")
	}
	descending, orderedDescending := 0, 0
	var prevS, prevO string
	for i := 1; i < len(ol)-1; i++ {
		do, restO := dateOf(ol[i])
		ds, restS := dateOf(sl[i])
		if restO != restS {
			t.Fatalf("line %d differs beyond its date:\n%s\n%s", i, ol[i], sl[i])
		}
		if _, err := time.Parse(time.DateTime, ds); err != nil {
			t.Fatalf("line %d: date %q", i, ds)
		}
		if ds < prevS {
			descending++
		}
		if do < prevO {
			orderedDescending++
		}
		prevS, prevO = ds, do
	}
	if orderedDescending != 0 {
		t.Errorf("ordered file has %d dates earlier than the line before", orderedDescending)
	}
	// Orders of 1-8 lines on random days: about a third of the lines start
	// an order dated earlier than the one before.
	if descending < 500 {
		t.Errorf("shuffled file: only %d of 5000 dates earlier than the line before", descending)
	}
}

// TestReplenishRecomputedFromFiles checks `replenish` on the bench's
// generated data (random date order, cancellations, two warehouses per SKU)
// against the formulas recomputed here straight from the two files.
func TestReplenishRecomputedFromFiles(t *testing.T) {
	loadCustomerTranslations(t)
	dir := t.TempDir()
	ordersPath, stockPath := filepath.Join(dir, "orders.csv"), filepath.Join(dir, "stock.csv")
	asOf := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	if err := generateSKUOrders(ordersPath, stockPath, 30000, 200, asOf); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "r.sellerdb")
	plan := filepath.Join(dir, "plan.csv")
	var out, errOut bytes.Buffer
	for _, args := range [][]string{{"import", "orders", ordersPath}, {"inventory", "import", stockPath},
		{"replenish", "--as-of", "2026-01-01", "--lead-time-days", "30", "--window-days", "28", "--out", plan}} {
		if code := runCommand(db, args, &out, &errOut); code != 0 {
			t.Fatalf("%v: exit %d %s", args, code, errOut.String())
		}
	}
	reorders := assertPlan(t, readCSV(t, ordersPath), readCSV(t, stockPath), readCSV(t, plan), asOf, 28, 30, 14)
	if reorders == 0 || reorders == 200 {
		t.Errorf("%d of 200 SKUs to reorder: the data tests one side only", reorders)
	}
}

// assertPlan recomputes the formulas straight from an order file in
// the UCI layout and a sku,warehouse,on_hand,inbound stock file, in plain
// floating point, and checks every row of the plan against them. It returns
// how many SKUs are to reorder.
func assertPlan(t *testing.T, orders, stockRows, rows [][]string, asOf time.Time, window, lead, review int) int {
	t.Helper()
	// The expected plan, from the files.
	type sku struct {
		onHand, inbound int64
		daily           []float64
		sold            bool
	}
	skus := map[string]*sku{}
	get := func(k string) *sku {
		if skus[k] == nil {
			skus[k] = &sku{daily: make([]float64, window)}
		}
		return skus[k]
	}
	from := asOf.AddDate(0, 0, -window)
	for i, r := range orders {
		q, _ := strconv.ParseInt(r[3], 10, 64)
		if i == 0 || strings.HasPrefix(r[0], "C") || q < 0 {
			continue
		}
		s := get(r[1])
		s.sold = true
		at, _ := time.Parse("2006-01-02 15:04:05", r[4])
		if d := int(at.Sub(from).Hours() / 24); !at.Before(from) && d < window {
			s.daily[d] += float64(q)
		}
	}
	for i, r := range stockRows {
		if i == 0 {
			continue
		}
		s := get(r[0])
		a, _ := strconv.ParseInt(r[2], 10, 64)
		b, _ := strconv.ParseInt(r[3], 10, 64)
		s.onHand += a
		s.inbound += b
	}
	if len(rows)-1 != len(skus) {
		t.Fatalf("%d rows, want %d", len(rows)-1, len(skus))
	}
	const z = 1.6448536269514722
	num := func(s string) float64 { f, _ := strconv.ParseFloat(s, 64); return f }
	reorders := 0
	for _, r := range rows[1:] {
		s := skus[r[0]]
		if s == nil {
			t.Fatalf("unexpected SKU %s", r[0])
		}
		var mean, ss float64
		for _, q := range s.daily {
			mean += q / float64(window)
		}
		for _, q := range s.daily {
			ss += (q - mean) * (q - mean)
		}
		sd := math.Sqrt(ss / float64(window))
		safety := z * sd * math.Sqrt(float64(lead))
		rop := mean*float64(lead) + safety
		stock := float64(s.onHand + s.inbound)
		status, cover, stockout := "ok", "", ""
		switch {
		case mean == 0:
			status = "no_sales"
		case stock <= rop:
			status = "reorder"
			reorders++
		}
		qty := 0.0
		if mean > 0 {
			qty = max(0, math.Ceil(mean*float64(lead+review)+safety-stock-1e-9))
			cover = strconv.FormatFloat(stock/mean, 'f', 3, 64)
			stockout = asOf.AddDate(0, 0, int(math.Floor(float64(s.onHand)/mean+1e-9))).Format(time.DateOnly)
		}
		got := r[1:]
		if got[0] != strconv.FormatInt(s.onHand, 10) || got[1] != strconv.FormatInt(s.inbound, 10) || got[4] != strconv.Itoa(lead) ||
			math.Abs(num(got[2])-mean) > 1e-6 || math.Abs(num(got[3])-sd) > 1e-6 || math.Abs(num(got[5])-safety) > 1e-6 ||
			math.Abs(num(got[6])-rop) > 1e-6 || got[10] != status || got[9] != strconv.FormatFloat(qty, 'f', 0, 64) || got[8] != stockout ||
			(cover != "" && strconv.FormatFloat(num(got[7]), 'f', 3, 64) != cover) || (cover == "" && got[7] != "") {
			t.Errorf("%s: got %q; want mean %v sd %v safety %v rop %v cover %s stockout %s qty %v %s", r[0], got, mean, sd, safety, rop, cover, stockout, qty, status)
		}
	}
	return reorders
}

// bench reads refuses bad use before it generates or times anything.
func TestBenchReadsBadUse(t *testing.T) {
	loadCustomerTranslations(t)
	var out, errs bytes.Buffer
	for _, args := range [][]string{
		{"bench", "reads", "--runs", "0"},
		{"bench", "reads", "--lines", "-1"},
		{"bench", "reads", "--workspace", filepath.Join(t.TempDir(), "missing.sellerdb")},
	} {
		errs.Reset()
		if code := runCommand("", args, &out, &errs); code != 2 {
			t.Errorf("%v: exit %d, %s", args, code, errs.String())
		}
	}
}
