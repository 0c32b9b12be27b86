package data

import (
	"bufio"
	"context"
	"encoding/csv"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"

	"github.com/seller-assistant/seller-assistant/app"
)

const uciSample = "../../shared/data/online-retail-sample.csv"

// dumpTables reads every order summary, to compare the fast path with SQL.
func dumpTables(t *testing.T, s *Store) map[string][]string {
	t.Helper()
	out := map[string][]string{}
	for name, q := range map[string]string{
		"months":    `SELECT month || '|' || revenue_cents || '|' || orders || '|' || lines FROM order_months ORDER BY month`,
		"countries": `SELECT country || '|' || revenue_cents || '|' || orders || '|' || customers FROM order_countries ORDER BY country`,
		"customers": `SELECT customer_id || '|' || country || '|' || orders || '|' || lines || '|' || monetary_cents || '|' || coalesce(first_order,'-') || '|' || coalesce(last_order,'-') FROM order_customers ORDER BY customer_id`,
		"meta":      `SELECT key || '|' || value FROM meta WHERE key LIKE 'orders.%' ORDER BY key`,
		"lines":     `SELECT count(*) || '|' || coalesce(sum(quantity * unit_price_cents), 0) FROM order_lines`,
		"cust_days": `SELECT customer_id || '|' || day || '|' || cents FROM order_customer_days ORDER BY customer_id, day`,
		"sku_days":  `SELECT stock_code || '|' || day || '|' || revenue_cents || '|' || units || '|' || sold_units || '|' || sold_lines FROM order_sku_days ORDER BY stock_code, day`,
	} {
		rows, err := s.db.Query(q)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var v string
			if err := rows.Scan(&v); err != nil {
				t.Fatal(err)
			}
			out[name] = append(out[name], v)
		}
		rows.Close()
	}
	return out
}

func TestImportUCISample(t *testing.T) {
	if _, err := os.Stat(uciSample); err != nil {
		t.Skip("the shared UCI sample is not here")
	}
	s, _ := newWorkspace(t)
	ctx := context.Background()
	pv, err := s.PreviewOrders(ctx, app.ImportOptions{Path: uciSample})
	if err != nil || !pv.MappingKnown || pv.Mapping.Format != "uci" || pv.Encoding != "utf-8" || pv.Delimiter != ',' || len(pv.Rows) != previewRows {
		t.Fatalf("preview %+v %v", pv, err)
	}
	var reports int
	res, err := s.ImportOrders(ctx, app.ImportOptions{Path: uciSample}, func(app.ImportProgress) { reports++ })
	if err != nil {
		t.Fatalf("import: %v (%+v)", err, res)
	}
	// Expected figures counted independently of the importer, with encoding/csv.
	f, _ := os.Open(uciSample)
	defer f.Close()
	recs, err := csv.NewReader(bufio.NewReader(f)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	noCustomer, customers := 0, map[string]bool{}
	for _, r := range recs[1:] {
		if r[6] == "" {
			noCustomer++
		} else {
			customers[strings.TrimSuffix(r[6], ".0")] = true
		}
	}
	if res.RowsRead != len(recs)-1 || res.Imported != res.RowsRead || res.SkippedTotal() != 0 || res.NoCustomer != noCustomer ||
		res.Customers != len(customers) || reports == 0 {
		t.Errorf("result %+v; want %d rows, %d without customer, %d customers", res, len(recs)-1, noCustomer, len(customers))
	}
	// The summaries computed while parsing agree with the SQL rebuild.
	fast := dumpTables(t, s)
	tx, _ := s.db.Begin()
	if err := refreshOrderSummaries(ctx, tx); err != nil {
		t.Fatal(err)
	}
	tx.Commit()
	slow := dumpTables(t, s)
	if !reflect.DeepEqual(fast, slow) {
		for k := range fast {
			if !reflect.DeepEqual(fast[k], slow[k]) {
				t.Errorf("%s differ: fast %d rows, SQL %d rows; first fast %v, SQL %v", k, len(fast[k]), len(slow[k]), first(fast[k]), first(slow[k]))
			}
		}
	}
	// Re-importing the same file adds nothing.
	again, err := s.ImportOrders(ctx, app.ImportOptions{Path: uciSample}, nil)
	if err != nil || !again.Duplicate || again.Imported != 0 {
		t.Errorf("re-import %+v %v", again, err)
	}
	if after := dumpTables(t, s); !reflect.DeepEqual(after, slow) {
		t.Error("re-import changed the workspace")
	}
	// A known customer's figures, counted from the file by hand rules.
	stats, err := s.CustomerStats(ctx)
	if err != nil || len(stats) != len(customers) {
		t.Fatalf("stats %d %v", len(stats), err)
	}
	orders, err := s.CustomerOrders(ctx, "12923")
	if err != nil || len(orders) == 0 || orders[0].CustomerID != "12923" {
		t.Errorf("orders of 12923: %d %v", len(orders), err)
	}
	if _, err := s.CustomerOrders(ctx, "nobody"); app.ErrorCode(err) != app.ENotFound {
		t.Errorf("unknown customer: %v", err)
	}
	nc, err := s.NewCustomersByMonth(ctx)
	total := 0
	for _, m := range nc {
		total += m.Count
	}
	scored := app.ScoreCustomers(stats, time.Time{})
	if err != nil || total != len(scored.Scored) {
		t.Errorf("new customers by month sum to %d, scored %d (%v)", total, len(scored.Scored), err)
	}
}

func first(v []string) string {
	if len(v) == 0 {
		return ""
	}
	return v[0]
}

func writeOrderFile(t *testing.T, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestImportSecondFileRebuildsSummaries(t *testing.T) {
	s, _ := newWorkspace(t)
	ctx := context.Background()
	a := writeOrderFile(t, "a.csv", []byte("InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n"+
		"1,A,x,2,2024-01-05 10:00:00,1.50,100.0,US\n1,B,y,1,2024-01-05 10:00:00,3,100.0,US\n"))
	b := writeOrderFile(t, "b.csv", []byte("InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n"+
		"2,A,x,1,2024-02-01 09:00:00,1.50,100,DE\nC2,A,x,-1,2024-02-02 09:00:00,1.50,100,DE\n3,A,x,4,2024-02-03 09:00:00,1.00,200,DE\n"))
	for _, p := range []string{a, b} {
		if _, err := s.ImportOrders(ctx, app.ImportOptions{Path: p}, nil); err != nil {
			t.Fatal(err)
		}
	}
	stats, _ := s.CustomerStats(ctx)
	defer func() {
		// Undoing the second import leaves the first one's figures.
		var firstID, lastID int64
		s.db.QueryRow(`SELECT min(id), max(id) FROM order_imports`).Scan(&firstID, &lastID)
		if err := s.UndoImport(ctx, lastID); err != nil {
			t.Fatal(err)
		}
		stats, _ := s.CustomerStats(ctx)
		if len(stats) != 1 || stats[0].Orders != 1 || stats[0].Monetary.String() != "6" || stats[0].Country != "US" {
			t.Errorf("after undo %+v", stats)
		}
		if err := s.UndoImport(ctx, lastID); app.ErrorCode(err) != app.ENotFound {
			t.Errorf("undo twice: %v", err)
		}
	}()
	// Customer 100: orders 1 and 2 (C2 is a cancellation): frequency 2;
	// monetary 2x1.50 + 3 + 1.50 - 1.50 = 6.00; lines US 2, DE 2 -> DE (tie, alphabetical).
	want := app.CustomerStat{ID: "100", Country: "DE", Orders: 2, Lines: 4}
	if len(stats) != 2 || stats[0].ID != want.ID || stats[0].Country != want.Country || stats[0].Orders != 2 || stats[0].Lines != 4 ||
		stats[0].Monetary.String() != "6" || stats[0].LastOrder.Format("2006-01-02") != "2024-02-01" {
		t.Errorf("stats %+v", stats)
	}
}

func TestImportBadRowsSkipOrAbort(t *testing.T) {
	s, _ := newWorkspace(t)
	ctx := context.Background()
	p := writeOrderFile(t, "bad.csv", []byte("InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n"+
		"1,A,x,2,2024-01-05 10:00:00,1.50,100.0,US\n"+
		"2,A,x,two,2024-01-05 10:00:00,1.50,100.0,US\n"+
		"3,A,x,1,31/31/2024,1.50,101,US\n"+
		"4,A,x,1,2024-01-06,abc,102,US\n"))
	res, err := s.ImportOrders(ctx, app.ImportOptions{Path: p}, nil)
	if app.ErrorCode(err) != app.EInvalid || res.SkippedTotal() != 3 || len(res.BadRows) != 3 {
		t.Fatalf("abort: %+v %v", res, err)
	}
	if res.BadRows[0].Row != 3 || res.BadRows[0].Reason != app.ReasonBadQuantity || res.BadRows[1].Row != 4 ||
		res.BadRows[1].Reason != app.ReasonBadDate || res.BadRows[2].Reason != app.ReasonBadPrice {
		t.Errorf("bad rows %+v", res.BadRows)
	}
	if sum, _ := s.Summary(ctx); sum.OrderLines != 0 {
		t.Errorf("an aborted import stored %d lines", sum.OrderLines)
	}
	res, err = s.ImportOrders(ctx, app.ImportOptions{Path: p, SkipBad: true}, nil)
	if err != nil || res.Imported != 1 || res.Customers != 1 {
		t.Errorf("skip: %+v %v", res, err)
	}
}

func TestImportCancelChangesNothing(t *testing.T) {
	s, _ := newWorkspace(t)
	var b strings.Builder
	b.WriteString("InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n")
	for i := 0; i < 60000; i++ {
		fmt.Fprintf(&b, "%d,A,x,1,2024-01-05 10:00:00,1.50,%d,US\n", i/3, i%500)
	}
	p := writeOrderFile(t, "big.csv", []byte(b.String()))
	ctx, cancel := context.WithCancel(context.Background())
	res, err := s.ImportOrders(ctx, app.ImportOptions{Path: p}, func(pr app.ImportProgress) { cancel() })
	if app.ErrorCode(err) != app.ECanceled {
		t.Fatalf("cancel: %+v %v", res, err)
	}
	sum, _ := s.Summary(context.Background())
	var imports int
	s.db.QueryRow(`SELECT count(*) FROM order_imports`).Scan(&imports)
	if sum.OrderLines != 0 || imports != 0 {
		t.Errorf("a cancelled import left %d lines, %d imports", sum.OrderLines, imports)
	}
}

func TestImportEncodingsDelimitersAndLayouts(t *testing.T) {
	utf16, _ := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String(
		"InvoiceNo;StockCode;Description;Quantity;InvoiceDate;UnitPrice;CustomerID;Country\n1;A;Tasse;2;13/01/2024 10:00;1,50;7.0;FR\n")
	gbk, _ := simplifiedchinese.GB18030.NewEncoder().String("订单号,下单时间,商品编码,数量,单价,客户,国家\nA1,2024-03-01 12:00,S1,3,9.90,张三,CN\n")
	amazon := "amazon-order-id\tpurchase-date\torder-status\tproduct-name\tsku\tquantity\titem-price\tship-country\tbuyer-email\n" +
		"111-1\t2024-03-01T10:00:00+00:00\tShipped\tLamp\tL1\t2\t20.00\tUS\ta@x.com\n" +
		"111-2\t2024-03-02T10:00:00+00:00\tCancelled\tLamp\tL1\t1\t0\tUS\ta@x.com\n"
	shopify := "Name,Email,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem sku,Shipping Country,Cancelled at\n" +
		"#1001,b@x.com,2024-03-01 10:00:00 +0800,1,Cup,5.00,C1,GB,\n#1001,,,2,Plate,4.00,P1,,\n"
	tests := []struct {
		name, file, data, encoding, format string
		delim                              rune
		customers                          int
		revenueCents                       int64
	}{
		{"utf-16 semicolon decimal comma", "a.csv", utf16, "utf-16le", "uci", ';', 1, 300},
		{"gb18030 chinese headers", "b.csv", gbk, "gb18030", "generic", ',', 1, 2970},
		{"amazon tsv", "c.txt", amazon, "utf-8", "amazon", '\t', 1, 2000},
		{"shopify", "d.csv", shopify, "utf-8", "shopify", ',', 1, 1300},
		{"bom", "e.csv", "\ufeffInvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n1,A,x,1,2024-01-01,2,9,US\n", "utf-8", "uci", ',', 1, 200},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, _ := newWorkspace(t)
			ctx := context.Background()
			p := writeOrderFile(t, tt.file, []byte(tt.data))
			pv, err := s.PreviewOrders(ctx, app.ImportOptions{Path: p})
			if err != nil || pv.Encoding != tt.encoding || pv.Delimiter != tt.delim || pv.Mapping.Format != tt.format || !pv.MappingKnown {
				t.Fatalf("preview %+v %v", pv, err)
			}
			res, err := s.ImportOrders(ctx, app.ImportOptions{Path: p, DateOrder: pv.DateOrder}, nil)
			if err != nil || res.Customers != tt.customers {
				t.Fatalf("import %+v %v", res, err)
			}
			sum, _ := s.Summary(ctx)
			if sum.Revenue.Shift(2).IntPart() != tt.revenueCents {
				t.Errorf("revenue %s, want %d cents", sum.Revenue, tt.revenueCents)
			}
		})
	}
}

func TestImportXLSXAndRememberedMapping(t *testing.T) {
	s, _ := newWorkspace(t)
	ctx := context.Background()
	x := excelize.NewFile()
	rows := [][]any{{"Ref", "When", "Buyer", "Units", "Each"}, {"9", "2024-05-01", "K1", 2, "3.5"}, {"10", "2024-05-02", "K2", 1, "10"}}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		x.SetSheetRow("Sheet1", cell, &r)
	}
	p := filepath.Join(t.TempDir(), "orders.xlsx")
	if err := x.SaveAs(p); err != nil {
		t.Fatal(err)
	}
	pv, err := s.PreviewOrders(ctx, app.ImportOptions{Path: p})
	if err != nil || pv.MappingKnown || len(pv.Rows) != 2 || pv.Header[0] != "Ref" {
		t.Fatalf("preview %+v %v", pv, err)
	}
	m := app.EmptyMapping()
	m.Invoice, m.Date, m.Customer, m.Quantity, m.UnitPrice = 0, 1, 2, 3, 4
	res, err := s.ImportOrders(ctx, app.ImportOptions{Path: p, Mapping: &m}, nil)
	if err != nil || res.Imported != 2 || res.Customers != 2 {
		t.Fatalf("import %+v %v", res, err)
	}
	pv, err = s.PreviewOrders(ctx, app.ImportOptions{Path: p})
	if err != nil || !pv.Remembered || !pv.MappingKnown || pv.Mapping.UnitPrice != 4 {
		t.Errorf("remembered mapping: %+v %v", pv, err)
	}
	// Without a mapping an unknown layout is refused, naming the field.
	q := writeOrderFile(t, "x.csv", []byte("a,b\n1,2\n"))
	if _, err := s.ImportOrders(ctx, app.ImportOptions{Path: q}, nil); app.ErrorCode(err) != app.EInvalid {
		t.Errorf("unknown layout: %v", err)
	}
}

func TestExportCustomersCSVAndXLSX(t *testing.T) {
	s, _ := newWorkspace(t)
	ctx := context.Background()
	rows := []app.CustomerScore{{CustomerStat: app.CustomerStat{ID: "=2+3", Country: "@home", Orders: 3, Monetary: decimalFromString(t, "-12.5")},
		RecencyDays: 4, R: 5, F: 4, M: 1, FM: 3, Segment: app.SegChampions, Tier: app.TierHighValue}}
	dir := t.TempDir()
	csvPath := filepath.Join(dir, "c.csv")
	if err := s.ExportCustomers(ctx, csvPath, rows, nil); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(csvPath)
	want := "\ufeff" + strings.Join(app.TiersHeader, ",") + "\n'=2+3,'@home,4,3,-12.50,5,4,1,3,Champions,high_value\n"
	if string(b) != want {
		t.Errorf("CSV:\n%q\nwant\n%q", b, want)
	}
	xlsxPath := filepath.Join(dir, "c.xlsx")
	if err := s.ExportCustomers(ctx, xlsxPath, rows, nil); err != nil {
		t.Fatal(err)
	}
	x, err := excelize.OpenFile(xlsxPath)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	got, _ := x.GetRows("Sheet1")
	if len(got) != 2 || got[0][0] != "customer_id" || got[1][0] != "'=2+3" || got[1][1] != "'@home" || got[1][4] != "-12.5" || got[1][8] != "3" || got[1][10] != "high_value" {
		t.Errorf("XLSX rows %v", got)
	}
	if f, _ := x.GetCellFormula("Sheet1", "A2"); f != "" {
		t.Errorf("A2 has a formula %q", f)
	}
}

func decimalFromString(t *testing.T, s string) decimal.Decimal {
	t.Helper()
	d, err := decimal.NewFromString(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// TestImportSurvivesKill imports a large file in a child process (this test
// binary, re-run as a helper), kills it with SIGKILL while lines are being
// written, and reopens the workspace: it must be exactly as before.
func TestImportSurvivesKill(t *testing.T) {
	if ws, file := os.Getenv("SELLER_KILL_WS"), os.Getenv("SELLER_KILL_FILE"); ws != "" {
		s, err := Open(context.Background(), ws)
		if err != nil {
			fmt.Println("open:", err)
			os.Exit(1)
		}
		s.ImportOrders(context.Background(), app.ImportOptions{Path: file}, func(p app.ImportProgress) {
			if p.Rows > 0 {
				fmt.Printf("progress %d\n", p.Rows)
			}
		})
		fmt.Println("finished")
		os.Exit(0)
	}
	if testing.Short() {
		t.Skip("writes a 300,000-line file")
	}
	s, path := newWorkspace(t)
	ctx := context.Background()
	small := writeOrderFile(t, "small.csv", []byte("InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n"+
		"1,A,x,2,2024-01-05 10:00:00,1.50,100,US\n"))
	if _, err := s.ImportOrders(ctx, app.ImportOptions{Path: small}, nil); err != nil {
		t.Fatal(err)
	}
	before := dumpTables(t, s)
	s.Close()
	var b strings.Builder
	b.WriteString("InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n")
	for i := 0; i < 300000; i++ {
		fmt.Fprintf(&b, "%d,SKU%d,SOME PRODUCT NAME %d,%d,2024-%02d-%02d 10:00:00,%d.%02d,%d,US\n", 1000+i/3, i%50, i%50, 1+i%5, 1+i%12, 1+i%28, i%30, i%100, i%9000)
	}
	big := writeOrderFile(t, "big.csv", []byte(b.String()))
	cmd := exec.Command(os.Args[0], "-test.run=^TestImportSurvivesKill$")
	cmd.Env = append(os.Environ(), "SELLER_KILL_WS="+path, "SELLER_KILL_FILE="+big)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(out)
	killed := false
	for sc.Scan() {
		line := sc.Text()
		var rows int
		if n, _ := fmt.Sscanf(line, "progress %d", &rows); n == 1 && rows >= 100000 {
			// A third of the file is written (spilled into the WAL): SIGKILL,
			// so no deferred rollback and no Close run.
			cmd.Process.Kill()
			killed = true
			break
		}
		if line == "finished" || strings.HasPrefix(line, "open:") {
			break
		}
	}
	cmd.Wait()
	if !killed {
		t.Fatal("the import ended before it could be killed")
	}
	s2, err := Open(ctx, path)
	if err != nil {
		t.Fatalf("reopen after kill: %v", err)
	}
	defer s2.Close()
	var check string
	if err := s2.db.QueryRow(`PRAGMA integrity_check`).Scan(&check); err != nil || check != "ok" {
		t.Fatalf("integrity: %q %v", check, err)
	}
	if after := dumpTables(t, s2); !reflect.DeepEqual(after, before) {
		t.Errorf("the killed import changed the workspace:\nbefore %v\nafter  %v", before["lines"], after["lines"])
	}
}

// TestCustomerStatsAsOfLeavesOutLaterLines (issue 12 item 8): with an
// as-of date, lines dated on or after it count for nothing, and a customer
// with no line before it is not listed; the result equals the summary of a
// workspace holding only the earlier lines.
func TestCustomerStatsAsOfLeavesOutLaterLines(t *testing.T) {
	const header = "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n"
	before := "" +
		"1,A,x,2,2024-01-05 10:00:00,1.50,100,US\n" + // 100: 3.00 on 01-05
		"2,A,x,1,2024-02-01 09:00:00,10.00,100,US\n" + // 100: 10.00 on 02-01
		"3,A,x,4,2024-02-10 23:59:59,1.00,200,DE\n" + // 200: the last second before the as-of day
		"C4,A,x,-1,2024-02-20 08:00:00,1.50,200,DE\n" // 200: a cancellation before: nets M
	after := "" +
		"5,A,x,9,2024-03-01 00:00:00,100.00,100,FR\n" + // on the as-of day: left out
		"6,A,x,9,2024-03-02 00:00:00,100.00,100,FR\n" + // later, another country
		"C7,A,x,-4,2024-03-05 00:00:00,1.00,200,DE\n" + // a later cancellation: left out too
		"8,A,x,1,2024-04-01 00:00:00,5.00,300,GB\n" // 300 buys only after: not listed
	ctx := context.Background()
	full, _ := newWorkspace(t)
	if _, err := full.ImportOrders(ctx, app.ImportOptions{Path: writeOrderFile(t, "all.csv", []byte(header+before+after))}, nil); err != nil {
		t.Fatal(err)
	}
	asOf := isoDay(t, "2024-03-01")
	got, err := full.CustomerStatsAsOf(ctx, asOf)
	if err != nil {
		t.Fatal(err)
	}
	// By hand: 100 has orders 1 and 2, 13.00, last order 02-01, country US;
	// 200 has order 3 (C4 is a cancellation), 4.00 - 1.50 = 2.50, last 02-10.
	want := []app.CustomerStat{
		{ID: "100", Country: "US", Orders: 2, Lines: 2, Monetary: decimalFromString(t, "13"), FirstOrder: isoDay(t, "2024-01-05"), LastOrder: isoDay(t, "2024-02-01")},
		{ID: "200", Country: "DE", Orders: 1, Lines: 2, Monetary: decimalFromString(t, "2.5"), FirstOrder: isoDay(t, "2024-02-10"), LastOrder: isoDay(t, "2024-02-10")},
	}
	if len(got) != len(want) {
		t.Fatalf("as of %s: %+v, want %+v", asOf.Format(time.DateOnly), got, want)
	}
	for i := range want {
		g, w := got[i], want[i]
		if g.ID != w.ID || g.Country != w.Country || g.Orders != w.Orders || g.Lines != w.Lines || !g.Monetary.Equal(w.Monetary) ||
			!g.FirstOrder.Equal(w.FirstOrder) || !g.LastOrder.Equal(w.LastOrder) {
			t.Errorf("customer %d: %+v, want %+v", i, g, w)
		}
	}
	// The same as a workspace that never saw the later lines.
	early, _ := newWorkspace(t)
	if _, err := early.ImportOrders(ctx, app.ImportOptions{Path: writeOrderFile(t, "before.csv", []byte(header+before))}, nil); err != nil {
		t.Fatal(err)
	}
	ref, err := early.CustomerStats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(ref) != fmt.Sprint(got) {
		t.Errorf("as-of stats %v\ndiffer from a workspace with only the earlier lines %v", got, ref)
	}
	// Scored at the as-of date, recency is never negative.
	for _, c := range app.ScoreCustomers(got, asOf).Scored {
		if c.RecencyDays <= 0 {
			t.Errorf("%s: recency %d", c.ID, c.RecencyDays)
		}
	}
	// Zero or a date after every line reads the summary: all three customers.
	for _, d := range []time.Time{{}, isoDay(t, "2024-04-02")} {
		all, err := full.CustomerStatsAsOf(ctx, d)
		if err != nil || len(all) != 3 || all[0].Orders != 4 {
			t.Errorf("as of %v: %+v, %v", d, all, err)
		}
	}
	// 2024-04-01 is the newest line's day: that line is left out, so 300 goes.
	if s, err := full.CustomerStatsAsOf(ctx, isoDay(t, "2024-04-01")); err != nil || len(s) != 2 || s[0].Orders != 4 {
		t.Errorf("as of the newest day: %+v, %v", s, err)
	}
}

func isoDay(t *testing.T, s string) time.Time {
	t.Helper()
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}
