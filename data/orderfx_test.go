package data

import (
	"context"
	"database/sql"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/seller-assistant/seller-assistant/app"
)

// fxTestRates are the rates of the tests below (yuan per unit): USD moves
// on 1 March, GBP on 15 February.
var fxTestRates = []struct{ cur, from, rate string }{
	{"USD", "2024-01-01", "7.20"}, {"USD", "2024-03-01", "7.10"},
	{"EUR", "2024-01-01", "7.80"},
	{"GBP", "2024-01-01", "9.00"}, {"GBP", "2024-02-15", "9.20"},
	{"JPY", "2024-01-01", "0.048"},
}

func fxWorkspace(t *testing.T) *Store {
	t.Helper()
	s, _ := newWorkspace(t)
	// Only these rates, not the built-in ones a new workspace starts with.
	if _, err := s.db.Exec(`DELETE FROM fx_rates`); err != nil {
		t.Fatal(err)
	}
	for _, r := range fxTestRates {
		day, _ := time.Parse(time.DateOnly, r.from)
		if err := s.SaveFXRate(context.Background(), app.FXRate{Currency: r.cur, ValidFrom: day, CNYPerUnit: decimal.RequireFromString(r.rate)}); err != nil {
			t.Fatal(err)
		}
	}
	return s
}

// monetary is each customer's monetary value as the tiers show it.
func monetary(t *testing.T, s *Store) map[string]string {
	t.Helper()
	stats, err := s.CustomerStats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, c := range stats {
		out[c.ID] = c.Monetary.StringFixed(2)
	}
	return out
}

func sameMap(t *testing.T, what string, got, want map[string]string) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%s: %v, want %v", what, got, want)
		return
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s: %s = %s, want %s (all: %v)", what, k, got[k], v, got)
		}
	}
}

// The Shopify export: a currency per order, on its first line only.
const shopifyFX = "Name,Email,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem sku,Shipping Country,Currency,Cancelled at\n" +
	"#1001,a@x.com,2024-01-10 10:00:00,2,Lamp,19.99,L1,DE,EUR,\n" +
	"#1001,,,1,Cable,5.00,C1,,,\n" +
	"#1002,a@x.com,2024-02-20 09:00:00,1,Lamp,24.99,L1,GB,GBP,\n" +
	"#1003,b@x.com,2024-03-05 12:00:00,3,Mug,10.00,M1,US,USD,\n" +
	"#1004,b@x.com,2024-03-06 12:00:00,1,Mug,12.00,M1,FR,EUR,\n" +
	"#1005,c@x.com,2024-01-20 08:00:00,1,Lamp,19.98,L1,DE,EUR,\n"

// shopifyFXWant is worked by hand, line by line (base USD; the factor is
// yuan per unit of the line's currency ÷ yuan per USD on the order's day,
// each line rounded to the cent, half away from zero):
//
//	a: #1001 2 × 19.99 EUR × 7.80/7.20 = 3998 × 13/12 = 4331.17 → 43.31
//	       1 ×  5.00 EUR × 13/12 = 541.67 → 5.42
//	   #1002 24.99 GBP × 9.20/7.20 (GBP's 15 Feb rate) = 2499 × 23/18 = 3193.17 → 31.93   a = 80.66
//	b: #1003 30.00 USD as it is; #1004 12.00 EUR × 7.80/7.10 (USD's 1 Mar rate) = 1318.31 → 13.18   b = 43.18
//	c: #1005 19.98 EUR × 13/12 = 2164.5 → 21.65 (the half goes away from zero)
var shopifyFXWant = map[string]string{"a@x.com": "80.66", "b@x.com": "43.18", "c@x.com": "21.65"}

func TestImportShopifyMixedCurrenciesTiersInBase(t *testing.T) {
	ctx := context.Background()
	s := fxWorkspace(t)
	path := writeOrderFile(t, "orders_export.csv", []byte(shopifyFX))
	p, err := s.PreviewOrders(ctx, app.ImportOptions{Path: path})
	if err != nil || p.Mapping.Format != "shopify" || p.Mapping.Currency != 8 {
		t.Fatalf("preview %+v %v", p.Mapping, err)
	}
	res, err := s.ImportOrders(ctx, app.ImportOptions{Path: path}, nil)
	if err != nil || res.OrdersNew != 5 {
		t.Fatalf("%+v %v", res, err)
	}
	// Into an empty workspace the import sums in Go (orderAggregates).
	sameMap(t, "tiers (aggregated while parsing)", monetary(t, s), shopifyFXWant)
	months := map[string]string{}
	mv, _ := s.MonthlyRevenue(ctx)
	for _, m := range mv {
		months[m.Month.Format("2006-01")] = m.Value.StringFixed(2)
	}
	// January 43.31 + 5.42 + 21.65; February 31.93; March 30.00 + 13.18.
	sameMap(t, "months", months, map[string]string{"2024-01": "70.38", "2024-02": "31.93", "2024-03": "43.18"})
	// The SQL rebuild (every later import, undo, rate or base change)
	// gives the very same summaries.
	before := dumpTables(t, s)
	rebuild(t, s)
	diffDumps(t, "SQL rebuild against the import's own sums", dumpTables(t, s), before)
	// Lines keep their own currency: NULL for the base's.
	var stored string
	s.db.QueryRow(`SELECT group_concat(coalesce(currency, '-'), ' ') FROM (SELECT currency FROM order_lines ORDER BY id)`).Scan(&stored)
	if stored != "EUR EUR GBP - EUR EUR" {
		t.Errorf("stored currencies %q", stored)
	}
	lines, err := s.CustomerOrders(ctx, "a@x.com")
	if err != nil || len(lines) != 3 || lines[2].Currency != "GBP" || lines[2].UnitPrice.StringFixed(2) != "24.99" {
		t.Errorf("customer's own lines: %+v %v", lines, err)
	}

	// The same file again changes nothing.
	again, err := s.ImportOrders(ctx, app.ImportOptions{Path: path}, nil)
	if err != nil || again.OrdersNew != 0 || again.OrdersReplaced != 0 || again.OrdersUnchanged != 5 {
		t.Errorf("same file again: %+v %v", again, err)
	}
}

// rebuild rebuilds the summaries with refreshOrderSummaries' SQL.
func rebuild(t *testing.T, s *Store) {
	t.Helper()
	tx, err := s.db.Begin()
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	// The SQL path (every import into a workspace with orders, and undo),
	// to compare with the in-Go sums of an import and of rebuildSummaries.
	ctx := context.Background()
	if err := suspendStaleMarks(ctx, tx); err != nil {
		t.Fatal(err)
	}
	if err := refreshOrderSummaries(ctx, tx); err != nil {
		t.Fatal(err)
	}
	if err := resumeStaleMarks(ctx, tx); err != nil {
		t.Fatal(err)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
}

// The Amazon order report: item-price is the line's total, with a currency
// per line.
const amazonFX = "amazon-order-id\tpurchase-date\tbuyer-email\tsku\tproduct-name\tquantity\titem-price\tcurrency\tship-country\torder-status\n" +
	"111-1\t2024-01-15T10:00:00+00:00\td@x.com\tL1\tLamp\t2\t3960\tJPY\tJP\tShipped\n" +
	"111-2\t2024-01-16T10:00:00+00:00\td@x.com\tC1\tCable\t1\t12.49\tGBP\tGB\tShipped\n" +
	"111-3\t2024-03-17T10:00:00+00:00\te@x.com\tM1\tMug\t1\t30.00\tUSD\tUS\tShipped\n" +
	"111-4\t2024-03-18T10:00:00+00:00\te@x.com\tM1\tMug\t2\t50.00\tusd\tUS\tShipped\n"

func TestImportAmazonMixedCurrenciesIntoWorkspaceWithOrders(t *testing.T) {
	ctx := context.Background()
	s := fxWorkspace(t)
	// Orders already there: this import's summaries are rebuilt in SQL.
	first := writeOrderFile(t, "first.csv", []byte(uciHeader+"9,A,cup,1,2024-01-02 10:00:00,1.00,z,US\n"))
	if _, err := s.ImportOrders(ctx, app.ImportOptions{Path: first}, nil); err != nil {
		t.Fatal(err)
	}
	path := writeOrderFile(t, "amazon.txt", []byte(amazonFX))
	res, err := s.ImportOrders(ctx, app.ImportOptions{Path: path}, nil)
	if err != nil || res.Format != "amazon" || res.OrdersNew != 4 {
		t.Fatalf("%+v %v", res, err)
	}
	// d: 111-1 ¥3,960 × 0.048/7.20 = 396000 × 1/150 = 2640 → 26.40;
	//    111-2 £12.49 × 9.00/7.20 = 1249 × 5/4 = 1561.25 → 15.61      d = 42.01
	// e: 111-3 $30.00; 111-4 $50.00 ("usd" is USD)                e = 80.00
	sameMap(t, "tiers", monetary(t, s), map[string]string{"d@x.com": "42.01", "e@x.com": "80.00", "z": "1.00"})
}

func TestImportCurrencyRefusalsAndBadRows(t *testing.T) {
	ctx := context.Background()
	s := fxWorkspace(t)
	cad := writeOrderFile(t, "cad.txt", []byte(strings.Replace(amazonFX, "\tGBP\t", "\tCAD\t", 1)))
	_, err := s.ImportOrders(ctx, app.ImportOptions{Path: cad, SkipBad: true}, nil)
	var e *app.Error
	if !asAppError(err, &e) || e.Key != "customers.err.no_fx_rate" || e.Args[0] != "CAD" || e.Args[1] != "USD" {
		t.Fatalf("a currency with no rate: %v", err)
	}
	if msg := app.English().T(e.Key, e.Args...); !strings.Contains(msg, "CAD") || !strings.Contains(msg, "Settings ▸ Exchange rates") {
		t.Errorf("message %q", msg)
	}
	var n int
	s.db.QueryRow(`SELECT count(*) FROM order_lines`).Scan(&n)
	if n != 0 {
		t.Errorf("%d lines written by a refused import", n)
	}
	bad := writeOrderFile(t, "bad.txt", []byte(strings.Replace(amazonFX, "\tGBP\t", "\tXYZ\t", 1)))
	res, err := s.ImportOrders(ctx, app.ImportOptions{Path: bad, SkipBad: true}, nil)
	if err != nil || res.Skipped[app.ReasonBadCurrency] != 1 || len(res.BadRows) != 1 || res.BadRows[0].Field != "currency" ||
		res.BadRows[0].Value != "XYZ" || res.BadRows[0].Row != 3 {
		t.Errorf("a code that is no currency: %+v %v", res, err)
	}
	// A file currency that is not a currency is refused before reading.
	if _, err := s.ImportOrders(ctx, app.ImportOptions{Path: bad, Currency: "EURO"}, nil); !asAppError(err, &e) || e.Key != "fx.err.currency" {
		t.Errorf("--currency EURO: %v", err)
	}
}

func TestImportFileCurrencyReplacesAndUndoRestores(t *testing.T) {
	ctx := context.Background()
	s := fxWorkspace(t)
	path := writeOrderFile(t, "orders.csv", []byte(uciHeader+
		"1,A,cup,2,2024-01-05 10:00:00,10.00,100,DE\n"+
		"2,A,cup,1,2024-03-05 10:00:00,10.00,200,DE\n"))
	eur, err := s.ImportOrders(ctx, app.ImportOptions{Path: path, Currency: "EUR"}, nil)
	if err != nil || eur.OrdersNew != 2 {
		t.Fatalf("%+v %v", eur, err)
	}
	// 2000 × 7.80/7.20 = 2166.67 → 21.67; 1000 × 7.80/7.10 = 1098.59 → 10.99
	sameMap(t, "in EUR", monetary(t, s), map[string]string{"100": "21.67", "200": "10.99"})
	// The same file read as GBP: every order replaced.
	gbp, err := s.ImportOrders(ctx, app.ImportOptions{Path: path, Currency: "gbp"}, nil)
	if err != nil || gbp.OrdersReplaced != 2 || gbp.OrdersUnchanged != 0 {
		t.Fatalf("%+v %v", gbp, err)
	}
	// 2000 × 9.00/7.20 = 2500 → 25.00; 1000 × 9.20/7.10 = 1295.77 → 12.96
	sameMap(t, "in GBP", monetary(t, s), map[string]string{"100": "25.00", "200": "12.96"})
	if err := s.UndoImport(ctx, gbp.ImportID); err != nil {
		t.Fatal(err)
	}
	sameMap(t, "after undo", monetary(t, s), map[string]string{"100": "21.67", "200": "10.99"})
	var cur sql.NullString
	s.db.QueryRow(`SELECT group_concat(currency) FROM order_lines`).Scan(&cur)
	if cur.String != "EUR,EUR" {
		t.Errorf("currencies after undo %q", cur.String)
	}
}

func TestBaseCurrencyChangeAndRateEditsRebuildSummaries(t *testing.T) {
	ctx := context.Background()
	s := fxWorkspace(t)
	if _, err := s.ImportOrders(ctx, app.ImportOptions{Path: writeOrderFile(t, "s.csv", []byte(shopifyFX))}, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.Exec(`INSERT INTO campaigns (name, starts_on, ends_on, budget_cents, ads_cents) VALUES ('spring', '2024-03-01', '2024-03-10', 10000, 10000)`); err != nil {
		t.Fatal(err)
	}
	if err := s.SetBaseCurrency(ctx, "EUR"); err != nil {
		t.Fatal(err)
	}
	// Into EUR: a's EUR lines as they are (3998 + 500), the GBP line
	// 2499 × 9.20/7.80 = 2947.62 → 29.48: 74.46. b's USD line (stored NULL:
	// it stays USD) 3000 × 7.10/7.80 = 2730.77 → 27.31, + 12.00: 39.31.
	sameMap(t, "in EUR", monetary(t, s), map[string]string{"a@x.com": "74.46", "b@x.com": "39.31", "c@x.com": "19.98"})
	info, _ := s.Info(ctx)
	var budget, ads int64
	s.db.QueryRow(`SELECT budget_cents, ads_cents FROM campaigns`).Scan(&budget, &ads)
	// $100.00 at the rates of the start day: 10000 × 7.10/7.80 = 9102.56.
	if info.Currency != "EUR" || budget != 9103 || ads != 9103 {
		t.Errorf("base %s, campaign budget %d ads %d", info.Currency, budget, ads)
	}
	before := dumpTables(t, s)
	rebuild(t, s)
	diffDumps(t, "rebuild in EUR", dumpTables(t, s), before)
	// A new import in the new base stores its currency (NULL stays USD).
	if _, err := s.ImportOrders(ctx, app.ImportOptions{Path: writeOrderFile(t, "u.csv", []byte(uciHeader+"9,A,cup,1,2024-01-02 10:00:00,1.00,z,US\n"))}, nil); err != nil {
		t.Fatal(err)
	}
	var stored sql.NullString
	s.db.QueryRow(`SELECT currency FROM order_lines WHERE invoice_no = '9'`).Scan(&stored)
	if stored.String != "EUR" {
		t.Errorf("a line in the new base stored as %v", stored)
	}
	// Changing back is the undo: every summary from the lines again.
	if err := s.SetBaseCurrency(ctx, "USD"); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"z": "1.08"} // €1.00 × 7.80/7.20 = 108.33 → 1.08
	for k, v := range shopifyFXWant {
		want[k] = v
	}
	sameMap(t, "back in USD", monetary(t, s), want)
	// A new GBP rate from 15 Feb: 2499 × 9.30/7.20 = 3227.88 → 32.28, a = 81.01.
	day, _ := time.Parse(time.DateOnly, "2024-02-15")
	if err := s.SaveFXRate(ctx, app.FXRate{Currency: "GBP", ValidFrom: day, CNYPerUnit: decimal.RequireFromString("9.30")}); err != nil {
		t.Fatal(err)
	}
	if m := monetary(t, s); m["a@x.com"] != "81.01" {
		t.Errorf("after the GBP rate edit: %v", m)
	}
	before = dumpTables(t, s)
	rebuild(t, s)
	diffDumps(t, "SQL rebuild against the rate edit's", dumpTables(t, s), before)
	// Without it, 1 January's 9.00: 2499 × 9.00/7.20 = 3123.75 → 31.24, a = 79.97.
	if err := s.DeleteFXRate(ctx, "GBP", day); err != nil {
		t.Fatal(err)
	}
	if m := monetary(t, s); m["a@x.com"] != "79.97" {
		t.Errorf("after deleting the GBP rate: %v", m)
	}
	// GBP's last rate: orders are in GBP, refused, nothing changed.
	jan, _ := time.Parse(time.DateOnly, "2024-01-01")
	err := s.DeleteFXRate(ctx, "GBP", jan)
	if e := (*app.Error)(nil); !asAppError(err, &e) || e.Key != "fx.err.in_use" || e.Code != app.EConflict {
		t.Errorf("deleting GBP's last rate: %v", err)
	}
	rates, _ := s.FXRates(ctx)
	if tbl := app.NewFXTable(rates); len(tbl.Currencies()) != 4 {
		t.Errorf("currencies after the refused delete: %v", tbl.Currencies())
	}
	// A base with no rate is refused.
	if err := s.SetBaseCurrency(ctx, "CHF"); app.ErrorCode(err) != app.EInvalid {
		t.Errorf("base CHF with no rate: %v", err)
	}
}

// recomputeBaseCents is the workspace's lines that pass where, summed in
// the base currency by the stated rule, worked independently of the
// summaries' SQL: each line's amount through app.FXTable.Convert (exact
// decimals, the rates of its invoice day) rounded to the cent half away
// from zero, then added.
func recomputeBaseCents(t *testing.T, db *sql.DB, where string, args ...any) int64 {
	t.Helper()
	var base string
	var null sql.NullString
	db.QueryRow(`SELECT value FROM meta WHERE key = 'currency'`).Scan(&base)
	db.QueryRow(`SELECT value FROM meta WHERE key = 'orders.null_currency'`).Scan(&null)
	rates, err := readFXRates(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	tbl := app.NewFXTable(rates)
	rows, err := db.Query(`SELECT quantity * unit_price_cents, coalesce(currency, ''), substr(invoiced_at, 1, 10) FROM order_lines WHERE `+where, args...)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var sum int64
	for rows.Next() {
		var amount int64
		var cur, day string
		if err := rows.Scan(&amount, &cur, &day); err != nil {
			t.Fatal(err)
		}
		if cur == "" {
			cur = base
			if null.Valid {
				cur = null.String
			}
		}
		d, _ := time.Parse(time.DateOnly, day)
		v, err := tbl.Convert(decimal.NewFromInt(amount), cur, base, d)
		if err != nil {
			t.Fatalf("line in %s on %s: %v", cur, day, err)
		}
		sum += v.Round(0).IntPart()
	}
	return sum
}
