package data

import (
	"context"
	"database/sql"
	"fmt"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/seller-assistant/seller-assistant/app"
)

// daySummariesFromLines recomputes order_customer_days and order_sku_days
// in Go from the stored lines (the rules of app/clv.go and ProductSales:
// a customer's day counts when it has a non-cancelled line and is worth all
// that day's lines; a SKU's day sums every line), in dumpTables' format.
func daySummariesFromLines(t *testing.T, s *Store) map[string][]string {
	t.Helper()
	rows, err := s.db.Query(`SELECT invoice_no, stock_code, quantity, invoiced_at, unit_price_cents, customer_id FROM order_lines`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	type cd struct {
		cents  int64
		bought bool
	}
	type sd struct{ rev, units, soldUnits, soldLines int64 }
	cust, sku := map[[2]string]*cd{}, map[[2]string]*sd{}
	dayNum := func(at string) string {
		d, err := time.Parse(time.DateOnly, at[:10])
		if err != nil {
			t.Fatal(err)
		}
		return fmt.Sprint(d.Unix() / 86400)
	}
	for rows.Next() {
		var inv, code, at string
		var qty, price int64
		var customer sql.NullString
		if err := rows.Scan(&inv, &code, &qty, &at, &price, &customer); err != nil {
			t.Fatal(err)
		}
		day := dayNum(at)
		if customer.Valid {
			k := [2]string{customer.String, day}
			if cust[k] == nil {
				cust[k] = &cd{}
			}
			cust[k].cents += qty * price
			cust[k].bought = cust[k].bought || !app.IsCancellation(inv, qty)
		}
		if code != "" {
			k := [2]string{code, day}
			if sku[k] == nil {
				sku[k] = &sd{}
			}
			sku[k].rev += qty * price
			sku[k].units += qty
			if !app.IsCancellation(inv, qty) {
				sku[k].soldUnits += qty
				sku[k].soldLines++
			}
		}
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	// Sorted as the tables' keys: id, then day as a number.
	less := func(a, b [2]string) bool {
		if a[0] != b[0] {
			return a[0] < b[0]
		}
		return len(a[1]) < len(b[1]) || (len(a[1]) == len(b[1]) && a[1] < b[1])
	}
	out := map[string][]string{}
	var ck, sk [][2]string
	for k, v := range cust {
		if v.bought {
			ck = append(ck, k)
		}
	}
	for k := range sku {
		sk = append(sk, k)
	}
	sort.Slice(ck, func(i, j int) bool { return less(ck[i], ck[j]) })
	sort.Slice(sk, func(i, j int) bool { return less(sk[i], sk[j]) })
	for _, k := range ck {
		out["cust_days"] = append(out["cust_days"], fmt.Sprintf("%s|%s|%d", k[0], k[1], cust[k].cents))
	}
	for _, k := range sk {
		v := sku[k]
		out["sku_days"] = append(out["sku_days"], fmt.Sprintf("%s|%s|%d|%d|%d|%d", k[0], k[1], v.rev, v.units, v.soldUnits, v.soldLines))
	}
	return out
}

// productSalesFromLines is ProductSales as it was before the summary: the
// lines of the twelve months up to the last line's day, summed by SKU.
func productSalesFromLines(t *testing.T, s *Store) []app.ProductSales {
	t.Helper()
	var last sql.NullString
	if err := s.db.QueryRow("SELECT max(invoiced_at) FROM order_lines").Scan(&last); err != nil {
		t.Fatal(err)
	}
	if !last.Valid {
		return nil
	}
	end, _ := time.Parse(time.DateOnly, last.String[:10])
	end = end.AddDate(0, 0, 1)
	mid, start := end.AddDate(0, -6, 0), end.AddDate(0, -12, 0)
	rows, err := s.db.Query(`SELECT stock_code,
		coalesce(sum(CASE WHEN invoiced_at >= ?2 THEN quantity * unit_price_cents END), 0),
		coalesce(sum(CASE WHEN invoiced_at < ?2 THEN quantity * unit_price_cents END), 0),
		coalesce(sum(CASE WHEN invoiced_at >= ?2 THEN quantity END), 0)
		FROM order_lines WHERE invoiced_at >= ?1 AND invoiced_at < ?3 AND stock_code <> ''
		GROUP BY stock_code`, start.Format(time.DateOnly), mid.Format(time.DateOnly), end.Format(time.DateOnly))
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []app.ProductSales
	for rows.Next() {
		var ps app.ProductSales
		var rev, prev int64
		if err := rows.Scan(&ps.SKU, &rev, &prev, &ps.Units); err != nil {
			t.Fatal(err)
		}
		ps.Revenue, ps.PreviousRevenue = cents(rev), cents(prev)
		out = append(out, ps)
	}
	return out
}

// checkDaySummaries compares the two day summaries, PurchaseDays and
// ProductSales with what the lines say.
func checkDaySummaries(t *testing.T, what string, s *Store) {
	t.Helper()
	want := daySummariesFromLines(t, s)
	got := dumpTables(t, s)
	for _, k := range []string{"cust_days", "sku_days"} {
		if !reflect.DeepEqual(got[k], want[k]) {
			t.Errorf("%s: %s: %d rows, the lines give %d; first %v vs %v", what, k, len(got[k]), len(want[k]), first(got[k]), first(want[k]))
		}
	}
	checkReaders(t, what, s)
}

// checkReaders compares PurchaseDays and ProductSales with what the lines
// say.
func checkReaders(t *testing.T, what string, s *Store) {
	t.Helper()
	want := daySummariesFromLines(t, s)
	days, err := s.PurchaseDays(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var flat []string
	for _, c := range days {
		for _, d := range c.Days {
			flat = append(flat, fmt.Sprintf("%s|%d|%d", c.ID, d.Day.Unix()/86400, d.Cents))
		}
	}
	if !reflect.DeepEqual(flat, want["cust_days"]) {
		t.Errorf("%s: PurchaseDays gives %d days, the lines %d", what, len(flat), len(want["cust_days"]))
	}
	sales, err := s.ProductSales(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	ref := productSalesFromLines(t, s)
	if len(sales) != len(ref) {
		t.Fatalf("%s: ProductSales %d SKUs, the lines %d", what, len(sales), len(ref))
	}
	for i := range ref {
		if sales[i].SKU != ref[i].SKU || !sales[i].Revenue.Equal(ref[i].Revenue) ||
			!sales[i].PreviousRevenue.Equal(ref[i].PreviousRevenue) || sales[i].Units != ref[i].Units {
			t.Errorf("%s: ProductSales %+v, the lines give %+v", what, sales[i], ref[i])
		}
	}
}

// TestDaySummariesFollowImportsAndUndo (issue 20): the per customer and day
// and per SKU and day summaries, and what PurchaseDays and ProductSales
// read from them, equal a recount from the lines after an import into an
// empty workspace (computed while parsing), an overlapping second export
// (SQL rebuild, orders replaced and unchanged), and its undo.
func TestDaySummariesFollowImportsAndUndo(t *testing.T) {
	header, lines := readSample(t)
	ctx := context.Background()
	// The sample cut in two by position with an overlap; the second part
	// changes one order's quantities, so an order is replaced too.
	n := len(lines)
	early := lines[:n*2/3]
	late := append([]string(nil), lines[n/2:]...)
	changed := ""
	for i, l := range late {
		f := strings.Split(l, ",")
		if len(f) == 8 && f[3] == "1" && !strings.HasPrefix(f[0], "C") && f[6] != "" {
			f[3] = "7"
			late[i], changed = strings.Join(f, ","), f[0]
			break
		}
	}
	if changed == "" {
		t.Fatal("no line to change")
	}
	s, _ := newWorkspace(t)
	a := writeOrderFile(t, "a.csv", []byte(header+strings.Join(early, "\n")+"\n"))
	b := writeOrderFile(t, "b.csv", []byte(header+strings.Join(late, "\n")+"\n"))
	if _, err := s.ImportOrders(ctx, app.ImportOptions{Path: a}, nil); err != nil {
		t.Fatal(err)
	}
	checkDaySummaries(t, "first export", s)
	resB, err := s.ImportOrders(ctx, app.ImportOptions{Path: b}, nil)
	if err != nil || resB.OrdersReplaced == 0 || resB.OrdersUnchanged == 0 {
		t.Fatalf("second export: %+v %v", resB, err)
	}
	checkDaySummaries(t, "second export", s)
	if err := s.UndoImport(ctx, resB.ImportID); err != nil {
		t.Fatal(err)
	}
	checkDaySummaries(t, "after undo", s)

	// Lines changed behind the store's back (SQL by hand, another tool):
	// PurchaseDays and ProductSales follow the lines, not the summaries.
	if _, err := s.db.Exec(`UPDATE order_lines SET quantity = quantity + 1 WHERE id % 3 = 0`); err != nil {
		t.Fatal(err)
	}
	if got, want := dumpTables(t, s)["cust_days"], daySummariesFromLines(t, s)["cust_days"]; reflect.DeepEqual(got, want) {
		t.Fatal("the edit did not change what the summary should hold")
	}
	checkReaders(t, "after a change by hand", s)
	// The next import rebuilds the summaries and clears the mark.
	if _, err := s.ImportOrders(ctx, app.ImportOptions{Path: b}, nil); err != nil {
		t.Fatal(err)
	}
	checkDaySummaries(t, "an import after a change by hand", s)
	var stale int
	s.db.QueryRow(`SELECT count(*) FROM meta WHERE key = 'orders.summaries_stale'`).Scan(&stale)
	if stale != 0 {
		t.Error("the summaries are still marked stale after a rebuild")
	}
}

// TestImportRebuildsDateIndex: an import into an empty workspace loads
// without the date index, and the first reader of a date range builds it;
// a cancelled one leaves it as it was; an import into a workspace with
// lines keeps it throughout.
func TestImportRebuildsDateIndex(t *testing.T) {
	ctx := context.Background()
	hasIndex := func(s *Store) bool {
		var n int
		if err := s.db.QueryRow(`SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND name = 'order_rows_by_at'`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n == 1
	}
	usesIndex := func(s *Store) bool {
		rows, err := s.db.Query(`EXPLAIN QUERY PLAN SELECT count(*) FROM order_rows WHERE at >= unixepoch('2024-01-06')`)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		var plan strings.Builder
		for rows.Next() {
			var id, parent, unused int
			var detail string
			rows.Scan(&id, &parent, &unused, &detail)
			plan.WriteString(detail)
		}
		return strings.Contains(plan.String(), "order_rows_by_at")
	}
	s, _ := newWorkspace(t)
	var big strings.Builder
	big.WriteString(uciHeader)
	for i := range 60000 {
		fmt.Fprintf(&big, "%d,A,x,1,2024-01-%02d 10:00:00,1.50,%d,US\n", i/3, 1+(i*7)%28, i%500)
	}
	p := writeOrderFile(t, "big.csv", []byte(big.String()))
	cctx, cancel := context.WithCancel(ctx)
	if _, err := s.ImportOrders(cctx, app.ImportOptions{Path: p}, func(app.ImportProgress) { cancel() }); app.ErrorCode(err) != app.ECanceled {
		t.Fatalf("cancel: %v", err)
	}
	if !hasIndex(s) {
		t.Fatal("a cancelled import left the workspace without its date index")
	}
	if _, err := s.ImportOrders(ctx, app.ImportOptions{Path: p}, nil); err != nil {
		t.Fatal(err)
	}
	if hasIndex(s) {
		t.Error("an import into an empty workspace built the date index: that is the first date range's work")
	}
	pf, err := s.PeriodFigures(ctx, time.Date(2024, 1, 8, 0, 0, 0, 0, time.UTC), time.Date(2024, 1, 8, 0, 0, 0, 0, time.UTC), app.OrderFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if !hasIndex(s) || !usesIndex(s) {
		t.Fatal("no date index after the first date range was read")
	}
	// The period's new customers look up each buyer's first line: through
	// the customer index, which every import drops (without it the demo's
	// campaign evaluation scanned every line once per buyer: 24 s).
	var byCustomer int
	s.db.QueryRow(`SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND name = 'order_rows_by_customer'`).Scan(&byCustomer)
	if byCustomer != 1 {
		t.Error("no customer index after a period's figures were read")
	}
	if pf.Orders == 0 {
		t.Error("no orders on 8 January")
	}
	var check string
	if err := s.db.QueryRow(`PRAGMA integrity_check`).Scan(&check); err != nil || check != "ok" {
		t.Fatalf("integrity check: %q %v", check, err)
	}
	more := writeOrderFile(t, "more.csv", []byte(uciHeader+"900000,B,y,2,2024-02-01 10:00:00,2,1,US\n"))
	if _, err := s.ImportOrders(ctx, app.ImportOptions{Path: more}, nil); err != nil {
		t.Fatal(err)
	}
	if !hasIndex(s) {
		t.Fatal("no date index after an import into a workspace with lines")
	}
	var triggers int
	s.db.QueryRow(`SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND name LIKE 'order_lines_stale_%'`).Scan(&triggers)
	if triggers != 3 {
		t.Errorf("%d stale-marking triggers after the imports, want 3", triggers)
	}
	checkDaySummaries(t, "60,000 lines and one more", s)
}

// TestMigrationDaySummariesKeepData (issue 20): a workspace of schema 10
// (today's main before this change) with lines from an import, the demo's
// kind of line (no import) and a cancellation opens at the current schema
// with every line, import and replaced line as it was, and the new
// summaries filled from its lines.
func TestMigrationDaySummariesKeepData(t *testing.T) {
	ctx := context.Background()
	path := t.TempDir() + "/ten" + app.WorkspaceExt
	db, latest := workspaceBefore(t, path, "_order_summaries.sql")
	for _, q := range []string{
		`INSERT INTO meta (key, value) VALUES ('app', 'seller-assistant'), ('name', 'ten'), ('demo', '0'), ('currency', 'USD')`,
		`INSERT INTO order_imports (id, file_sha256, file_name, format, source, rows_read, imported) VALUES
			(1, '` + strings.Repeat("a", 64) + `', 'old.csv', 'uci', 'uci', 4, 4),
			(2, '` + strings.Repeat("b", 64) + `', 'new.csv', 'uci', 'uci', 1, 1)`,
		`INSERT INTO order_lines (invoice_no, stock_code, description, quantity, invoiced_at, unit_price_cents, customer_id, country, import_id) VALUES
			('1', 'A', 'cup', 2, '2024-01-05 10:00:00', 150, '100', 'US', 1),
			('1', 'B', 'plate', 1, '2024-01-05 10:00:00', 300, '100', 'US', 1),
			('C9', 'A', 'cup', -1, '2024-01-05 18:00:00', 150, '100', 'US', 1),
			('C8', 'B', 'plate', -1, '2024-01-09 10:00:00', 300, '100', 'US', 1),
			('2', 'A', 'cup', 3, '2024-01-06 10:00:00', 150, '200', 'US', 2),
			('3', '', 'postage', 1, '2023-12-31 23:59:59', 500, NULL, 'GB', NULL)`,
		`INSERT INTO order_lines_replaced (id, invoice_no, stock_code, description, quantity, invoiced_at, unit_price_cents, customer_id, country, import_id, replaced_by)
			VALUES (100, '2', 'A', 'cup', 1, '2024-01-06 10:00:00', 150, '200', 'US', 1, 2)`,
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	// The columns of schema 11 (a later migration adds currency, NULL).
	const lineCols = `id, invoice_no, stock_code, description, quantity, invoiced_at, unit_price_cents, customer_id, country, import_id, order_id`
	linesBefore := dumpRows(t, db, `SELECT `+lineCols+` FROM order_lines ORDER BY id`)
	replacedBefore := dumpRows(t, db, `SELECT `+lineCols+`, replaced_by FROM order_lines_replaced ORDER BY id`)
	importsBefore := dumpRows(t, db, `SELECT * FROM order_imports ORDER BY id`)
	db.Close()

	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var v int
	s.db.QueryRow(`PRAGMA user_version`).Scan(&v)
	if v != latest {
		t.Fatalf("schema %d, want %d", v, latest)
	}
	for what, c := range map[string][2][]string{
		"lines":          {linesBefore, dumpRows(t, s.db, `SELECT `+lineCols+` FROM order_lines ORDER BY id`)},
		"replaced lines": {replacedBefore, dumpRows(t, s.db, `SELECT `+lineCols+`, replaced_by FROM order_lines_replaced ORDER BY id`)},
		"imports":        {importsBefore, dumpRows(t, s.db, `SELECT * FROM order_imports ORDER BY id`)},
	} {
		if !reflect.DeepEqual(c[0], c[1]) || len(c[0]) == 0 {
			t.Errorf("%s changed by the migration:\n%v\n%v", what, c[0], c[1])
		}
	}
	// Customer 100: 5 Jan is a purchase worth 2x1.50 + 3.00 - 1.50; 9 Jan
	// holds only a cancellation. Customer 200: 6 Jan. The postage line has
	// no SKU and no customer.
	d := func(day string) int64 { t, _ := time.Parse(time.DateOnly, day); return t.Unix() / 86400 }
	want := []string{fmt.Sprintf("100|%d|450", d("2024-01-05")), fmt.Sprintf("200|%d|450", d("2024-01-06"))}
	if got := dumpTables(t, s)["cust_days"]; !reflect.DeepEqual(got, want) {
		t.Errorf("customer days %v, want %v", got, want)
	}
	checkDaySummaries(t, "migrated", s)
	// Undo still brings back the replaced line, and the summaries follow.
	if err := s.UndoImport(ctx, 2); err != nil {
		t.Fatal(err)
	}
	checkDaySummaries(t, "migrated, then undone", s)
}

// dumpRows reads every row of q as text, one string per row.
func dumpRows(t *testing.T, db *sql.DB, q string) []string {
	t.Helper()
	rows, err := db.Query(q)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	var out []string
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		out = append(out, fmt.Sprint(vals...))
	}
	return out
}

// workspaceBefore makes path a workspace of the schema just before the
// migration whose file name ends in suffix (found by name, so a renumbered
// migration is still found), as an earlier build wrote it, with the app id
// set and no rows; the caller fills it and closes db. latest is the schema
// version Open migrates it to.
func workspaceBefore(t *testing.T, path, suffix string) (db *sql.DB, latest int) {
	t.Helper()
	ms, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	step := -1
	for i, m := range ms {
		if strings.HasSuffix(m.name, suffix) {
			step = i
		}
	}
	if step < 0 {
		t.Fatalf("no migration *%s", suffix)
	}
	db, err = sql.Open("sqlite", dsn(path, false))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(fmt.Sprintf("PRAGMA application_id = %d", ApplicationID)); err != nil {
		t.Fatal(err)
	}
	if err := migrate(context.Background(), db, ms[:step]); err != nil {
		t.Fatal(err)
	}
	return db, len(ms)
}
