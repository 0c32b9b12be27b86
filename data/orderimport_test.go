package data

import (
	"archive/zip"
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"reflect"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/seller-assistant/seller-assistant/app"
)

const uciHeader = "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n"

// tiersOf scores the workspace's customers at a fixed date, as `tiers` does.
func tiersOf(t *testing.T, s *Store) []string {
	t.Helper()
	stats, err := s.CustomerStats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	tr := app.ScoreCustomers(stats, time.Date(2011, 12, 10, 0, 0, 0, 0, time.UTC))
	out := make([]string, 0, len(tr.Scored))
	for _, c := range tr.Scored {
		out = append(out, fmt.Sprintf("%s|%s|%d|%d|%s|%d%d%d|%s|%s", c.ID, c.Country, c.RecencyDays, c.Orders, c.Monetary, c.R, c.F, c.M, c.Segment, c.Tier))
	}
	return out
}

func diffDumps(t *testing.T, what string, got, want map[string][]string) {
	t.Helper()
	for k := range want {
		if !reflect.DeepEqual(got[k], want[k]) {
			t.Errorf("%s: %s differ: %d rows vs %d; first %v vs %v", what, k, len(got[k]), len(want[k]), first(got[k]), first(want[k]))
		}
	}
}

// readSample returns the shared sample's header and data lines.
func readSample(t *testing.T) (string, []string) {
	t.Helper()
	b, err := os.ReadFile(uciSample)
	if err != nil {
		t.Skip("the shared UCI sample is not here")
	}
	lines := strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
	return lines[0] + "\n", lines[1:]
}

// TestImportOverlappingExportsGiveOneImportsTiers (issue 12 item 4): the
// real sample cut into two exports by date that overlap by three months,
// imported one after the other, gives exactly what one import of the whole
// file gives; a re-saved (CRLF, re-sorted) copy then changes nothing, and
// undoing the second export brings back what the first one gave.
func TestImportOverlappingExportsGiveOneImportsTiers(t *testing.T) {
	if raceEnabled {
		t.Skip("three imports of the 541,909-line sample: run by make unit; too slow under -race")
	}
	header, lines := readSample(t)
	ctx := context.Background()
	// The InvoiceDate of a line: the one ISO date-time field (descriptions
	// may hold quoted commas, so the column is found by its form).
	dateOf := func(l string) string {
		for _, f := range strings.Split(l, ",") {
			if len(f) == 19 && f[4] == '-' && f[10] == ' ' {
				return f
			}
		}
		t.Fatalf("no date in %q", l)
		return ""
	}
	var early, late []string
	for _, l := range lines {
		date := dateOf(l)
		if date < "2011-09-01" {
			early = append(early, l)
		}
		if date >= "2011-06-01" {
			late = append(late, l)
		}
	}
	if len(early) == 0 || len(late) == 0 || len(early)+len(late) <= len(lines) {
		t.Fatalf("cut: %d early, %d late of %d", len(early), len(late), len(lines))
	}
	whole, _ := newWorkspace(t)
	if _, err := whole.ImportOrders(ctx, app.ImportOptions{Path: uciSample}, nil); err != nil {
		t.Fatal(err)
	}
	want, wantTiers := dumpTables(t, whole), tiersOf(t, whole)

	s, _ := newWorkspace(t)
	a := writeOrderFile(t, "jan-aug.csv", []byte(header+strings.Join(early, "\n")+"\n"))
	b := writeOrderFile(t, "jun-dec.csv", []byte(header+strings.Join(late, "\n")+"\n"))
	resA, err := s.ImportOrders(ctx, app.ImportOptions{Path: a}, nil)
	if err != nil || resA.OrdersReplaced != 0 || resA.OrdersUnchanged != 0 || resA.OrdersNew == 0 || resA.Source != "uci" {
		t.Fatalf("first export: %+v %v", resA, err)
	}
	afterA := dumpTables(t, s)
	resB, err := s.ImportOrders(ctx, app.ImportOptions{Path: b}, nil)
	if err != nil {
		t.Fatal(err)
	}
	overlap := map[string]bool{}
	for _, l := range late {
		if dateOf(l) < "2011-09-01" {
			overlap[strings.Split(l, ",")[0]] = true
		}
	}
	if resB.OrdersUnchanged != len(overlap) || resB.OrdersReplaced != 0 || resB.OrdersNew == 0 {
		t.Errorf("second export: %d new, %d replaced, %d unchanged; %d orders in the overlap", resB.OrdersNew, resB.OrdersReplaced, resB.OrdersUnchanged, len(overlap))
	}
	diffDumps(t, "two overlapping exports", dumpTables(t, s), want)
	if got := tiersOf(t, s); !reflect.DeepEqual(got, wantTiers) {
		t.Errorf("tiers differ from one import of the whole file: %d vs %d customers", len(got), len(wantTiers))
	}

	// The whole file re-saved: CRLF line ends, rows in another order.
	shuffled := append([]string(nil), lines...)
	sort.Strings(shuffled)
	resaved := writeOrderFile(t, "resaved.csv", []byte(strings.ReplaceAll(header, "\n", "\r\n")+strings.Join(shuffled, "\r\n")+"\r\n"))
	res, err := s.ImportOrders(ctx, app.ImportOptions{Path: resaved}, nil)
	if err != nil || res.OrdersNew != 0 || res.OrdersReplaced != 0 || res.OrdersUnchanged == 0 || res.ImportID != 0 || res.Imported != 0 {
		t.Errorf("re-saved file: %+v %v", res, err)
	}
	diffDumps(t, "after a re-saved copy", dumpTables(t, s), want)

	if err := s.UndoImport(ctx, resB.ImportID); err != nil {
		t.Fatal(err)
	}
	diffDumps(t, "after undoing the second export", dumpTables(t, s), afterA)
}

// TestImportReplacesOrdersAndUndoRestores (item 4): an order already there
// is replaced by the newer export's lines, unchanged ones stay, new ones are
// added; the summaries are those of the merged orders; undo brings the
// replaced lines back, and an import whose orders a later one replaced
// cannot be undone first.
func TestImportReplacesOrdersAndUndoRestores(t *testing.T) {
	ctx := context.Background()
	s, _ := newWorkspace(t)
	a := writeOrderFile(t, "a.csv", []byte(uciHeader+
		"1,A,cup,2,2024-01-05 10:00:00,1.50,100,US\n"+
		"1,B,plate,1,2024-01-05 10:00:00,3,100,US\n"+
		"2,A,cup,5,2024-01-07 10:00:00,1.50,200,DE\n"))
	// Order 1 as it was (lines in another order, CRLF, "3.00" for "3");
	// order 2 corrected (a refund line arrived, quantity fixed); order 3 new.
	b := writeOrderFile(t, "b.csv", []byte(strings.ReplaceAll(uciHeader+
		"2,A,cup,4,2024-01-07 10:00:00,1.50,200,DE\n"+
		"1,B,plate,1,2024-01-05 10:00:00,3.00,100,US\n"+
		"1,A,cup,2,2024-01-05 10:00:00,1.5,100.0,US\n"+
		"3,C,bowl,1,2024-02-01 10:00:00,7,300,FR\n", "\n", "\r\n")))
	merged := writeOrderFile(t, "merged.csv", []byte(uciHeader+
		"1,A,cup,2,2024-01-05 10:00:00,1.50,100,US\n"+
		"1,B,plate,1,2024-01-05 10:00:00,3,100,US\n"+
		"2,A,cup,4,2024-01-07 10:00:00,1.50,200,DE\n"+
		"3,C,bowl,1,2024-02-01 10:00:00,7,300,FR\n"))
	ref, _ := newWorkspace(t)
	if _, err := ref.ImportOrders(ctx, app.ImportOptions{Path: merged}, nil); err != nil {
		t.Fatal(err)
	}
	want := dumpTables(t, ref)

	resA, err := s.ImportOrders(ctx, app.ImportOptions{Path: a}, nil)
	if err != nil || resA.OrdersNew != 2 {
		t.Fatalf("a: %+v %v", resA, err)
	}
	afterA := dumpTables(t, s)
	resB, err := s.ImportOrders(ctx, app.ImportOptions{Path: b}, nil)
	if err != nil || resB.OrdersNew != 1 || resB.OrdersReplaced != 1 || resB.OrdersUnchanged != 1 || resB.Imported != 2 {
		t.Fatalf("b: %+v %v", resB, err)
	}
	diffDumps(t, "after the newer export", dumpTables(t, s), want)
	if got, w := tiersOf(t, s), tiersOf(t, ref); !reflect.DeepEqual(got, w) {
		t.Errorf("tiers %v, want %v", got, w)
	}
	if err := s.UndoImport(ctx, resA.ImportID); app.ErrorCode(err) != app.EConflict {
		t.Errorf("undo of the older import first: %v", err)
	}
	if err := s.UndoImport(ctx, resB.ImportID); err != nil {
		t.Fatal(err)
	}
	diffDumps(t, "after undo", dumpTables(t, s), afterA)
	var ids string
	s.db.QueryRow(`SELECT group_concat(id) FROM (SELECT id FROM order_lines ORDER BY id)`).Scan(&ids)
	if ids != "1,2,3" {
		t.Errorf("line ids after undo %q, want the original 1,2,3", ids)
	}
	// The older export again after the newer one: its versions win again,
	// though the same file (same hash) was imported before.
	if _, err := s.ImportOrders(ctx, app.ImportOptions{Path: b}, nil); err != nil {
		t.Fatal(err)
	}
	res, err := s.ImportOrders(ctx, app.ImportOptions{Path: a}, nil)
	if err != nil || res.OrdersReplaced != 1 || res.OrdersUnchanged != 1 || res.Duplicate {
		t.Fatalf("older export again: %+v %v", res, err)
	}
	// Orders 1 and 2 as the older export has them; order 3 (only in the
	// newer one) stays.
	if got := dumpTables(t, s)["customers"]; len(got) != 3 || got[0] != afterA["customers"][0] || got[1] != afterA["customers"][1] {
		t.Errorf("older export again: customers %v, want %v and customer 300", got, afterA["customers"])
	}
	// Undo all three, newest first: the workspace is empty again.
	var imports []int64
	rows, _ := s.db.Query(`SELECT id FROM order_imports ORDER BY id DESC`)
	for rows.Next() {
		var id int64
		rows.Scan(&id)
		imports = append(imports, id)
	}
	rows.Close()
	for _, id := range imports {
		if err := s.UndoImport(ctx, id); err != nil {
			t.Fatalf("undo %d: %v", id, err)
		}
	}
	var live, kept int
	s.db.QueryRow(`SELECT (SELECT count(*) FROM order_lines), (SELECT count(*) FROM order_lines_replaced)`).Scan(&live, &kept)
	if live != 0 || kept != 0 {
		t.Errorf("after undoing everything: %d lines, %d replaced lines", live, kept)
	}
}

// TestImportOrderIdentityBySource: the same order id from two sources is
// two orders; a status-marked cancellation arriving later replaces the
// order it cancels (Amazon: Shipped, then Cancelled).
func TestImportOrderIdentityBySource(t *testing.T) {
	ctx := context.Background()
	s, _ := newWorkspace(t)
	f := writeOrderFile(t, "a.csv", []byte(uciHeader+"1,A,cup,2,2024-01-05 10:00:00,1.50,100,US\n"))
	for _, src := range []string{"shop-a", "shop-b"} {
		res, err := s.ImportOrders(ctx, app.ImportOptions{Path: f, Source: src}, nil)
		if err != nil || res.OrdersNew != 1 || res.Source != src {
			t.Fatalf("%s: %+v %v", src, res, err)
		}
	}
	if sum, _ := s.Summary(ctx); sum.OrderLines != 2 {
		t.Errorf("two sources: %d lines, want 2", sum.OrderLines)
	}
	if _, err := s.ImportOrders(ctx, app.ImportOptions{Path: f, Source: strings.Repeat("x", 41)}, nil); app.ErrorCode(err) != app.EInvalid {
		t.Errorf("a 41-character source: %v", err)
	}

	// A cancelled Shopify order of two lines: the second line's blank
	// order cells are the first's, and a later export with the order
	// cancelled replaces it.
	s3, _ := newWorkspace(t)
	shopHead := "Name,Email,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem sku,Shipping Country,Cancelled at\n"
	open := writeOrderFile(t, "open.csv", []byte(shopHead+"#1001,b@x.com,2024-03-01 10:00:00 +0800,1,Cup,5.00,C1,GB,\n#1001,,,2,Plate,4.00,P1,,\n"))
	gone := writeOrderFile(t, "gone.csv", []byte(shopHead+"#1001,b@x.com,2024-03-01 10:00:00 +0800,1,Cup,5.00,C1,GB,2024-03-02 09:00:00 +0800\n"+
		"#1001,,,2,Plate,4.00,P1,,2024-03-02 09:00:00 +0800\n"))
	if res, err := s3.ImportOrders(ctx, app.ImportOptions{Path: open}, nil); err != nil || res.OrdersNew != 1 || res.Source != "shopify" {
		t.Fatalf("open order: %+v %v", res, err)
	}
	if res, err := s3.ImportOrders(ctx, app.ImportOptions{Path: gone}, nil); err != nil || res.OrdersReplaced != 1 || res.Imported != 2 {
		t.Fatalf("cancelled order: %+v %v", res, err)
	}
	if stats, _ := s3.CustomerStats(ctx); len(stats) != 1 || stats[0].Orders != 0 || stats[0].Lines != 2 {
		t.Errorf("after the cancellation: %+v", stats)
	}

	s2, _ := newWorkspace(t)
	head := "amazon-order-id\tpurchase-date\torder-status\tproduct-name\tsku\tquantity\titem-price\tship-country\tbuyer-email\n"
	shipped := writeOrderFile(t, "s.txt", []byte(head+"111-1\t2024-03-01T10:00:00+00:00\tShipped\tLamp\tL1\t2\t20.00\tUS\ta@x.com\n"+
		"111-2\t2024-03-02T10:00:00+00:00\tShipped\tLamp\tL1\t1\t10.00\tUS\tb@x.com\n"))
	cancelled := writeOrderFile(t, "c.txt", []byte(head+"111-1\t2024-03-01T10:00:00+00:00\tCancelled\tLamp\tL1\t2\t0\tUS\ta@x.com\n"))
	if _, err := s2.ImportOrders(ctx, app.ImportOptions{Path: shipped}, nil); err != nil {
		t.Fatal(err)
	}
	res, err := s2.ImportOrders(ctx, app.ImportOptions{Path: cancelled}, nil)
	if err != nil || res.OrdersReplaced != 1 || res.OrdersNew != 0 {
		t.Fatalf("cancelled later: %+v %v", res, err)
	}
	stats, _ := s2.CustomerStats(ctx)
	if len(stats) != 2 || stats[0].ID != "a@x.com" || stats[0].Orders != 0 || !stats[0].Monetary.IsZero() {
		t.Errorf("after the cancellation: %+v", stats)
	}
}

// TestImportUnclosedQuoteIsOneBadRow (item 3): `"12" TRAY` made 50 of 51
// rows vanish into one description; now it is one bad row named by its
// line, and the rows after it are imported.
func TestImportUnclosedQuoteIsOneBadRow(t *testing.T) {
	ctx := context.Background()
	var b strings.Builder
	b.WriteString(uciHeader)
	for i := 0; i < 51; i++ {
		desc := "WHITE CUP"
		if i == 3 {
			desc = `"12" TRAY`
		}
		if i == 10 {
			desc = `"PLATE, ""BLUE"""` // properly quoted: fine
		}
		fmt.Fprintf(&b, "%d,A,%s,1,2024-01-05 10:00:00,1.50,%d,US\n", 1000+i, desc, 100+i)
	}
	p := writeOrderFile(t, "tray.csv", []byte(b.String()))
	s, _ := newWorkspace(t)
	res, err := s.ImportOrders(ctx, app.ImportOptions{Path: p}, nil)
	if app.ErrorCode(err) != app.EInvalid || res.SkippedTotal() != 1 || len(res.BadRows) != 1 ||
		res.BadRows[0].Row != 5 || res.BadRows[0].Reason != "bad_quotes" || !strings.Contains(res.BadRows[0].Value, `"12" TRAY`) {
		t.Fatalf("without --skip-bad: %+v %v", res, err)
	}
	res, err = s.ImportOrders(ctx, app.ImportOptions{Path: p, SkipBad: true}, nil)
	if err != nil || res.Imported != 50 || res.RowsRead != 51 || res.Customers != 50 {
		t.Fatalf("with --skip-bad: %+v %v", res, err)
	}
	lines, _ := s.CustomerOrders(ctx, "110")
	if len(lines) != 1 || lines[0].Description != `PLATE, "BLUE"` {
		t.Errorf("quoted description: %+v", lines)
	}
}

// TestImportTruncatedLastLine (item 5): the half-written last line of a
// file still being written is a bad row, never stored; a complete last line
// without a line end is fine.
func TestImportTruncatedLastLine(t *testing.T) {
	ctx := context.Background()
	good := uciHeader + "1,A,x,2,2024-01-05 10:00:00,1.50,100,US\n"
	tests := []struct {
		name, last string
		bad        bool
	}{
		{"cut in the country column", "2,A,x,1,2024-01-06 10:00:00,2.00,101", true},
		{"cut in the date", "2,A,x,1,2024-01-0", true},
		{"cut inside a quoted field", `2,A,"BIG, RED`, true},
		{"cut in a multi-byte character", "2,A,x,1,2024-01-06 10:00:00,2.00,101,Deutschl\xc3", true},
		{"cut in the last field", "2,A,x,1,2024-01-06 10:00:00,2.00,101,U", true},
		{"cut after the last delimiter", "2,A,x,1,2024-01-06 10:00:00,2.00,101,", true},
		{"complete, a country not seen before", "2,A,x,1,2024-01-06 10:00:00,2.00,101,DE", false},
		{"complete without a line end", "2,A,x,1,2024-01-06 10:00:00,2.00,101,US", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, _ := newWorkspace(t)
			p := writeOrderFile(t, "cut.csv", []byte(good+tt.last))
			res, err := s.ImportOrders(ctx, app.ImportOptions{Path: p, SkipBad: true}, nil)
			if err != nil {
				t.Fatal(err)
			}
			sum, _ := s.Summary(ctx)
			if tt.bad && (res.Imported != 1 || sum.OrderLines != 1 || len(res.BadRows) != 1 || res.BadRows[0].Row != 3) {
				t.Errorf("cut last line stored or not reported: %+v, %d lines", res, sum.OrderLines)
			}
			if !tt.bad && (res.Imported != 2 || res.SkippedTotal() != 0) {
				t.Errorf("complete last line: %+v", res)
			}
		})
	}
}

// TestImportCutSampleStoresOnlyWholeLines (item 5) cuts the real sample
// at every byte of one line (a file still being written) and imports it:
// the lines before the cut are stored, the cut one never is, unless it is
// whole (cut just before its line end).
func TestImportCutSampleStoresOnlyWholeLines(t *testing.T) {
	header, lines := readSample(t)
	ctx := context.Background()
	body := header + strings.Join(lines[:300], "\n") + "\n"
	last := lines[300]
	for cut := 1; cut <= len(last); cut++ {
		s, _ := newWorkspace(t)
		p := writeOrderFile(t, "cut.csv", []byte(body+last[:cut]))
		res, err := s.ImportOrders(ctx, app.ImportOptions{Path: p, SkipBad: true}, nil)
		if err != nil {
			t.Fatal(err)
		}
		want := 300
		if cut == len(last) {
			want = 301
		}
		if res.Imported != want || res.Imported+res.SkippedTotal() != 301 {
			t.Errorf("cut %q: imported %d, skipped %d; want %d", last[:cut], res.Imported, res.SkippedTotal(), want)
		}
		s.Close()
	}
}

// TestImportBoundsNumbersAndDates (items 6 and 7): absurd numbers and
// dates are bad rows naming the field, in a workspace that already holds
// orders too (where they used to fail the whole import with "cannot store
// REAL value"), and the report still works afterwards.
func TestImportBoundsNumbersAndDates(t *testing.T) {
	ctx := context.Background()
	s, _ := newWorkspace(t)
	first := writeOrderFile(t, "first.csv", []byte(uciHeader+"1,A,x,2,2024-01-05 10:00:00,1.50,100,US\n"))
	if _, err := s.ImportOrders(ctx, app.ImportOptions{Path: first}, nil); err != nil {
		t.Fatal(err)
	}
	ahead := time.Now().AddDate(10, 0, 7).Format("2006-01-02")
	p := writeOrderFile(t, "absurd.csv", []byte(uciHeader+
		"2,A,x,1,2024-01-05 10:00:00,100000000000000000000,101,US\n"+ // line 2
		"3,A,x,1000000000000000000000000000000,2024-01-05 10:00:00,1,102,US\n"+
		"4,A,x,1e30,2024-01-05 10:00:00,1,103,US\n"+
		"5,A,x,1000001,2024-01-05 10:00:00,1,104,US\n"+
		"6,A,x,1000000,2024-01-05 10:00:00,9999999.99,105,US\n"+ // the line's amount is too big
		"7,A,x,1,2024-01-05 10:00:00,10000000.01,106,US\n"+
		"8,A,x,1,9999-12-31 00:00:00,1,107,US\n"+
		"9,A,x,1,9999-12-31,1,108,US\n"+
		"10,A,x,1,1989-12-31,1,109,US\n"+
		"11,A,x,1,"+ahead+",1,110,US\n"+
		"12,A,x,1000000,1990-01-01,10000.00,111,US\n"+ // at the bounds: fine
		"13,A,x,-3,2024-02-01 10:00:00,10000000.00,112,US\n"))
	res, err := s.ImportOrders(ctx, app.ImportOptions{Path: p}, nil)
	want := []app.BadRow{
		{Row: 2, Field: "unit_price", Reason: app.ReasonPriceRange},
		{Row: 3, Field: "quantity", Reason: app.ReasonQtyRange},
		{Row: 4, Field: "quantity", Reason: app.ReasonQtyRange},
		{Row: 5, Field: "quantity", Reason: app.ReasonQtyRange},
		{Row: 6, Field: "unit_price", Reason: app.ReasonTotalRange},
		{Row: 7, Field: "unit_price", Reason: app.ReasonPriceRange},
		{Row: 8, Field: "date", Reason: app.ReasonDateRange},
		{Row: 9, Field: "date", Reason: app.ReasonDateRange},
		{Row: 10, Field: "date", Reason: app.ReasonDateRange},
		{Row: 11, Field: "date", Reason: app.ReasonDateRange},
	}
	if app.ErrorCode(err) != app.EInvalid || len(res.BadRows) != len(want) {
		t.Fatalf("%+v %v", res, err)
	}
	for i, w := range want {
		if g := res.BadRows[i]; g.Row != w.Row || g.Field != w.Field || g.Reason != w.Reason {
			t.Errorf("bad row %d: %+v, want %+v", i, g, w)
		}
	}
	res, err = s.ImportOrders(ctx, app.ImportOptions{Path: p, SkipBad: true}, nil)
	if err != nil || res.Imported != 2 {
		t.Fatalf("skip bad: %+v %v", res, err)
	}
	sum, err := s.Summary(ctx)
	if err != nil || sum.Revenue.String() != "9970000003" { // 3.00 + 10,000,000,000.00 - 3 x 10,000,000.00
		t.Errorf("revenue %s %v", sum.Revenue, err)
	}
	if _, err := s.CustomerStats(ctx); err != nil {
		t.Error(err)
	}
}

// TestImportXLSXBombRefused (item 10): a small spreadsheet whose sheet
// unpacks past the bound is refused quickly, without unpacking it into
// memory. The file is built here: a sheet of ~300 MB of one repeated row
// compresses to well under a megabyte.
func TestImportXLSXBombRefused(t *testing.T) {
	if testing.Short() {
		t.Skip("writes a 300 MB stream through the zip compressor")
	}
	dir := t.TempDir()
	p := dir + "/bomb.xlsx"
	sheetBytes := writeXLSXBomb(t, p, 300<<20)
	st, _ := os.Stat(p)
	s, _ := newWorkspace(t)
	var before runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	start := time.Now()
	_, err := s.ImportOrders(context.Background(), app.ImportOptions{Path: p}, nil)
	took := time.Since(start)
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	if app.ErrorCode(err) != app.EInvalid || !strings.Contains(fmt.Sprint(app.English().Message(err)), "MiB") {
		t.Fatalf("a %d KB file unpacking to %d MB: %v", st.Size()>>10, sheetBytes>>20, err)
	}
	if grew := int64(after.TotalAlloc - before.TotalAlloc); grew > 64<<20 || took > 10*time.Second {
		t.Errorf("refusing took %v and allocated %d MB", took, grew>>20)
	}
	t.Logf("%d KB file, %d MB unpacked: refused in %v", st.Size()>>10, sheetBytes>>20, took)
}

// TestImportXLSXCellBound: a sheet with more cells than the bound is
// refused while it is streamed (the bound lowered for the test).
func TestImportXLSXCellBound(t *testing.T) {
	defer func(n int) { xlsxMaxCells = n }(xlsxMaxCells)
	xlsxMaxCells = 100
	x := excelize.NewFile()
	x.SetSheetRow("Sheet1", "A1", &[]any{"InvoiceNo", "InvoiceDate", "Quantity", "UnitPrice", "CustomerID"})
	for r := 2; r <= 30; r++ {
		x.SetSheetRow("Sheet1", "A"+strconv.Itoa(r), &[]any{r, "2024-01-02", 1, 2, r})
	}
	p := t.TempDir() + "/cells.xlsx"
	if err := x.SaveAs(p); err != nil {
		t.Fatal(err)
	}
	s, _ := newWorkspace(t)
	res, err := s.ImportOrders(context.Background(), app.ImportOptions{Path: p}, nil)
	if app.ErrorCode(err) != app.EInvalid || res.Imported != 0 || !strings.Contains(app.English().Message(err), "100") {
		t.Fatalf("%+v %v", res, err)
	}
	if sum, _ := s.Summary(context.Background()); sum.OrderLines != 0 {
		t.Errorf("%d lines stored", sum.OrderLines)
	}
	xlsxMaxCells = 1000
	if res, err := s.ImportOrders(context.Background(), app.ImportOptions{Path: p}, nil); err != nil || res.Imported != 29 {
		t.Errorf("under the bound: %+v %v", res, err)
	}
}

// writeXLSXBomb writes an XLSX whose first sheet unpacks to about size
// bytes: excelize makes a real workbook, then the sheet part is rewritten
// with many copies of one row.
func writeXLSXBomb(t *testing.T, path string, size int) int {
	t.Helper()
	x := excelize.NewFile()
	x.SetSheetRow("Sheet1", "A1", &[]any{"InvoiceNo", "InvoiceDate", "Quantity", "UnitPrice", "CustomerID"})
	tmp := path + ".base.xlsx"
	if err := x.SaveAs(tmp); err != nil {
		t.Fatal(err)
	}
	return rewriteSheet(t, tmp, path, size)
}

func rewriteSheet(t *testing.T, from, to string, size int) int {
	t.Helper()
	zr, err := zipOpen(from)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	out, err := os.Create(to)
	if err != nil {
		t.Fatal(err)
	}
	defer out.Close()
	bw := bufio.NewWriter(out)
	n, err := copyZipWithBigSheet(zr, bw, size)
	if err != nil {
		t.Fatal(err)
	}
	if err := bw.Flush(); err != nil {
		t.Fatal(err)
	}
	return n
}

type zipReadCloser = zip.ReadCloser

func zipOpen(path string) (*zipReadCloser, error) { return zip.OpenReader(path) }

// copyZipWithBigSheet copies a workbook, its first sheet replaced by one
// that unpacks to about size bytes (rows of sixteen numbers).
func copyZipWithBigSheet(zr *zipReadCloser, w io.Writer, size int) (int, error) {
	zw := zip.NewWriter(w)
	n := 0
	for _, f := range zr.File {
		dst, err := zw.Create(f.Name)
		if err != nil {
			return 0, err
		}
		if f.Name != "xl/worksheets/sheet1.xml" {
			src, err := f.Open()
			if err != nil {
				return 0, err
			}
			_, err = io.Copy(dst, src)
			src.Close()
			if err != nil {
				return 0, err
			}
			continue
		}
		bw := bufio.NewWriterSize(dst, 1<<16)
		head := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
			`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`
		bw.WriteString(head)
		n += len(head)
		cells := strings.Repeat(`<c><v>1</v></c>`, 16)
		for r := 1; n < size; r++ {
			row := `<row r="` + strconv.Itoa(r) + `">` + cells + `</row>`
			bw.WriteString(row)
			n += len(row)
		}
		bw.WriteString(`</sheetData></worksheet>`)
		if err := bw.Flush(); err != nil {
			return 0, err
		}
	}
	return n, zw.Close()
}

// TestMigrationOrderIdentityKeepsOrders: a workspace of the schema before
// the order-identity migration (as earlier builds write it) with imported orders opens at schema 7 with its
// lines kept and its imports' source taken from their format, so a newer
// export of the same orders replaces them.
func TestMigrationOrderIdentityKeepsOrders(t *testing.T) {
	ctx := context.Background()
	path := t.TempDir() + "/six" + app.WorkspaceExt
	db, latest := workspaceBefore(t, path, "_order_identity.sql")
	for _, q := range []string{
		`INSERT INTO meta (key, value) VALUES ('app', 'seller-assistant'), ('name', 'six'), ('demo', '0'), ('currency', 'USD')`,
		`INSERT INTO order_imports (id, file_sha256, file_name, format, rows_read, imported) VALUES (1, '` + strings.Repeat("a", 64) + `', 'old.csv', 'uci', 2, 2)`,
		`INSERT INTO order_lines (invoice_no, stock_code, description, quantity, invoiced_at, unit_price_cents, customer_id, country, import_id) VALUES
			('1', 'A', 'cup', 2, '2024-01-05 10:00:00', 150, '100', 'US', 1),
			('2', 'A', 'cup', 1, '2024-01-06 10:00:00', 150, '200', 'US', 1),
			('1', 'D', 'demo line', 1, '2024-01-01 10:00:00', 999, '300', 'US', NULL)`,
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var v int
	var source string
	s.db.QueryRow(`PRAGMA user_version`).Scan(&v)
	s.db.QueryRow(`SELECT source FROM order_imports WHERE id = 1`).Scan(&source)
	if v != latest || source != "uci" {
		t.Fatalf("schema %d, source %q", v, source)
	}
	var check string
	if err := s.db.QueryRow(`PRAGMA foreign_key_check`).Scan(&check); err == nil {
		t.Errorf("foreign key check after the migration: %q", check)
	}
	p := writeOrderFile(t, "new.csv", []byte(uciHeader+"1,A,cup,3,2024-01-05 10:00:00,1.50,100,US\n"))
	res, err := s.ImportOrders(ctx, app.ImportOptions{Path: p}, nil)
	if err != nil || res.OrdersReplaced != 1 || res.OrdersNew != 0 {
		t.Fatalf("newer export: %+v %v", res, err)
	}
	var lines int
	var qty int64
	s.db.QueryRow(`SELECT count(*), sum(quantity) FROM order_lines`).Scan(&lines, &qty)
	if lines != 3 || qty != 5 { // order 1 now 3 units, order 2, the line with no import
		t.Errorf("%d lines, %d units", lines, qty)
	}
	if err := s.UndoImport(ctx, res.ImportID); err != nil {
		t.Fatal(err)
	}
	s.db.QueryRow(`SELECT count(*), sum(quantity) FROM order_lines`).Scan(&lines, &qty)
	if lines != 3 || qty != 4 {
		t.Errorf("after undo: %d lines, %d units", lines, qty)
	}
}
