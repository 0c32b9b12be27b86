package data

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/seller-assistant/seller-assistant/app"
)

// testdata/schema14.sellerdb was made by the build before the compact
// layout (schema 14, commit d5492d0) with its CLI, from the real sample in
// shared/data: 2,500 lines imported; 1,500 overlapping lines with some
// quantities changed imported after them (440 lines replaced, kept for
// undo, 351 unchanged); rates for 2011, the base changed from USD to GBP
// (NULL lines are USD); four lines in EUR with umlauts and typographic
// quotes, a guest line and a cancellation (source shop-de); and a Shopify
// file with an EUR order, a status-cancelled GBP order (an order id of its
// own) and a USD order.
const schema14File = "testdata/schema14.sellerdb"

// The file of the shop-de import, as it was imported (--currency EUR).
const schema14EUR = "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n" +
	"900001,EU-1,Milchaufschäumer „Café“,2,2011-11-02 09:15:00,14.99,77001,Germany\n" +
	"900001,EU-2,Kaffeelöffel,1,2011-11-02 09:15:00,3.50,77001,Germany\n" +
	"900002,EU-1,Milchaufschäumer „Café“,1,2011-11-03 18:00:05,14.99,,France\n" +
	"C900003,EU-2,Kaffeelöffel,-1,2011-11-04 08:00:00,3.50,77001,Germany\n"

// allLineCols are every column a line had at schema 14, in a fixed order.
const allLineCols = `id, invoice_no, stock_code, description, quantity, invoiced_at, unit_price_cents,
	customer_id, country, import_id, order_id, currency`

// summaryDumps reads every order summary, row by row.
func summaryDumps(t *testing.T, db *sql.DB) map[string][]string {
	t.Helper()
	out := map[string][]string{}
	for table, q := range map[string]string{
		"order_customers":     `SELECT * FROM order_customers ORDER BY customer_id`,
		"order_months":        `SELECT * FROM order_months ORDER BY month`,
		"order_countries":     `SELECT * FROM order_countries ORDER BY country`,
		"order_customer_days": `SELECT * FROM order_customer_days ORDER BY customer_id, day`,
		"order_sku_days":      `SELECT * FROM order_sku_days ORDER BY stock_code, day`,
		"meta":                `SELECT key, value FROM meta WHERE key IN ('orders.customers', 'orders.first', 'orders.last') ORDER BY key`,
	} {
		out[table] = dumpRows(t, db, q)
	}
	return out
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err == nil {
		err = os.WriteFile(to, b, 0o600)
	}
	if err != nil {
		t.Fatal(err)
	}
}

// TestMigrationOrderRowsKeepsEveryLine (issue 20): a workspace made by the
// build before the compact layout opens with every line as it was (every
// column, read through the order_lines view), the copy reported as it
// goes, and the summaries rebuilt from the compact rows — by the in-Go
// rebuild and by the SQL one — equal to those the old build wrote. Undo
// still brings back the lines an import replaced before the migration, and
// importing a file again that was imported before it changes nothing.
func TestMigrationOrderRowsKeepsEveryLine(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "fourteen"+app.WorkspaceExt)
	copyFile(t, schema14File, path)

	raw, err := sql.Open("sqlite", dsn(path, true))
	if err != nil {
		t.Fatal(err)
	}
	var version int
	raw.QueryRow(`PRAGMA user_version`).Scan(&version)
	if version != 14 {
		t.Fatalf("%s is schema %d, want 14", schema14File, version)
	}
	lines := dumpRows(t, raw, `SELECT `+allLineCols+` FROM order_lines ORDER BY id`)
	replaced := dumpRows(t, raw, `SELECT `+allLineCols+` FROM order_lines_replaced ORDER BY id`)
	sums := summaryDumps(t, raw)
	var replacedIDs string
	raw.QueryRow(`SELECT group_concat(id) FROM order_lines_replaced`).Scan(&replacedIDs)
	raw.Close()
	if len(lines) != 3217 || len(replaced) != 440 {
		t.Fatalf("the test file has %d lines and %d replaced, want 3217 and 440", len(lines), len(replaced))
	}

	var copied []app.OpenProgress
	s, err := Open(app.WithOpenProgress(ctx, func(p app.OpenProgress) {
		if p.Unit == "open.progress.lines_copied" {
			copied = append(copied, p)
		}
	}), path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if len(copied) < 2 || copied[len(copied)-1].Done != 3217 || copied[len(copied)-1].Total != 3217 {
		t.Errorf("copy progress %+v, want reports ending at 3217 of 3217", copied)
	}
	var kind string
	s.db.QueryRow(`SELECT type FROM sqlite_schema WHERE name = 'order_lines'`).Scan(&kind)
	if kind != "view" {
		t.Fatalf("order_lines is a %q after the migration, want a view over order_rows", kind)
	}
	if got := dumpRows(t, s.db, `SELECT `+allLineCols+` FROM order_lines ORDER BY id`); !reflect.DeepEqual(got, lines) {
		t.Fatalf("lines differ after the migration:\n got %d, first %v\nwant %d, first %v", len(got), firstRows(got), len(lines), firstRows(lines))
	}
	var texts, rows int
	s.db.QueryRow(`SELECT count(*) FROM order_texts`).Scan(&texts)
	s.db.QueryRow(`SELECT count(*) FROM order_rows`).Scan(&rows)
	if rows != 3217 || texts == 0 || texts > 2500 {
		t.Errorf("%d rows and %d texts", rows, texts)
	}
	if got := summaryDumps(t, s.db); !reflect.DeepEqual(got, sums) {
		t.Fatal("the migration changed the summaries")
	}

	// The summaries made again from the compact rows, both ways.
	for name, rebuild := range map[string]func(context.Context, *sql.Tx) error{
		"in Go": rebuildSummaries, "in SQL": refreshOrderSummaries,
	} {
		tx, err := s.db.Begin()
		if err != nil {
			t.Fatal(err)
		}
		if err := rebuild(ctx, tx); err != nil {
			t.Fatal(err)
		}
		if err := tx.Commit(); err != nil {
			t.Fatal(err)
		}
		got := summaryDumps(t, s.db)
		for table, want := range sums {
			if !reflect.DeepEqual(got[table], want) {
				t.Errorf("%s rebuilt %s from the compact rows differs:\n got %v\nwant %v", table, name, firstRows(got[table]), firstRows(want))
			}
		}
	}

	// The shop-de file again: its orders are unchanged, nothing is stored.
	p := writeOrderFile(t, "de.csv", []byte(schema14EUR))
	res, err := s.ImportOrders(ctx, app.ImportOptions{Path: p, Currency: "EUR", Source: "shop-de"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.OrdersUnchanged != 3 || res.OrdersNew != 0 || res.OrdersReplaced != 0 {
		t.Errorf("the same file again after the migration: %d new, %d replaced, %d unchanged; want 3 unchanged",
			res.OrdersNew, res.OrdersReplaced, res.OrdersUnchanged)
	}

	// Undo the overlapping import (id 2): its lines go, the 440 it
	// replaced come back with their ids and every value.
	if err := s.UndoImport(ctx, 2); err != nil {
		t.Fatal(err)
	}
	back := dumpRows(t, s.db, `SELECT `+allLineCols+` FROM order_lines WHERE id IN (SELECT id FROM order_lines_replaced)
		OR id IN (`+replacedIDs+`) ORDER BY id`)
	if !reflect.DeepEqual(back, replaced) {
		t.Errorf("undo brought back %d lines, want the %d replaced before the migration:\n got %v\nwant %v", len(back), len(replaced), firstRows(back), firstRows(replaced))
	}
	var left int
	s.db.QueryRow(`SELECT count(*) FROM order_lines WHERE import_id = 2`).Scan(&left)
	if left != 0 {
		t.Errorf("%d lines of the undone import left", left)
	}
	var check string
	if err := s.db.QueryRow(`PRAGMA foreign_key_check`).Scan(&check); err != sql.ErrNoRows {
		t.Errorf("foreign key check: %q %v", check, err)
	}
}

func firstRows(rows []string) []string { return rows[:min(3, len(rows))] }

// TestOrderLinesViewWrites: lines written through the order_lines view (by
// hand, or by tests and tools that predate the compact layout) land in
// order_rows with their texts interned and their time in seconds; updates
// and deletes through the view change the rows; a date that is not one is
// refused.
func TestOrderLinesViewWrites(t *testing.T) {
	s, _ := newWorkspace(t)
	if _, err := s.db.Exec(`INSERT INTO order_lines (invoice_no, stock_code, description, quantity, invoiced_at, unit_price_cents, customer_id, country)
		VALUES ('1', 'A', 'Mug', 2, '2024-03-01 10:20:30', 500, 'c1', 'DE'), ('2', 'B', 'Mug', 1, '2024-03-02 00:00:00', 700, NULL, 'DE')`); err != nil {
		t.Fatal(err)
	}
	var texts, at int64
	s.db.QueryRow(`SELECT count(*) FROM order_texts`).Scan(&texts)
	s.db.QueryRow(`SELECT at FROM order_rows WHERE invoice_no = '1'`).Scan(&at)
	if texts != 2 || at != 1709288430 {
		t.Errorf("%d texts (want Mug and DE once each), at %d (want 1709288430)", texts, at)
	}
	if _, err := s.db.Exec(`UPDATE order_lines SET quantity = quantity + 1, country = 'FR' WHERE invoice_no = '1'`); err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.Exec(`DELETE FROM order_lines WHERE invoice_no = '2'`); err != nil {
		t.Fatal(err)
	}
	got := dumpRows(t, s.db, `SELECT `+allLineCols+` FROM order_lines ORDER BY id`)
	want := dumpRows(t, s.db, `SELECT 1, '1', 'A', 'Mug', 3, '2024-03-01 10:20:30', 500, 'c1', 'FR', NULL, NULL, NULL`)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("after update and delete through the view: %v, want %v", got, want)
	}
	if _, err := s.db.Exec(`INSERT INTO order_lines (invoice_no, quantity, invoiced_at, unit_price_cents) VALUES ('3', 1, 'yesterday', 100)`); err == nil {
		t.Error("a line dated 'yesterday' was stored")
	}
}

// TestAtSeconds: the import's hand-written time conversion agrees with
// SQLite's unixepoch and datetime on dates across leap years and month
// ends, and refuses what is not a time.
func TestAtSeconds(t *testing.T) {
	s, _ := newWorkspace(t)
	for _, at := range []string{"1990-01-01 00:00:00", "1999-12-31 23:59:59", "2000-02-29 12:00:00", "2024-02-29 23:59:59",
		"2024-03-01 00:00:00", "2025-12-31 23:59:59", "2100-03-01 06:07:08", "2036-02-07 06:28:16"} {
		var want int64
		if err := s.db.QueryRow(`SELECT unixepoch(?)`, at).Scan(&want); err != nil {
			t.Fatal(err)
		}
		got, err := atSeconds(at)
		if err != nil || got != want {
			t.Errorf("atSeconds(%q) = %d, %v; want %d", at, got, err, want)
		}
		if back := string(appendAt(nil, got)); back != at {
			t.Errorf("appendAt(%d) = %q, want %q", got, back, at)
		}
	}
	for _, bad := range []string{"", "2024-13-01 00:00:00", "2024-01-01", "2024-01-01T00:00:00", "1969-12-31 23:59:59", "2024-01-01 24:00:00", "2024-01-0a 00:00:00"} {
		if _, err := atSeconds(bad); err == nil {
			t.Errorf("atSeconds(%q) took it", bad)
		}
	}
}

// TestMigrationCompactsTheFile: the space the compact layout frees is given
// back once the migrations are done, saying so, so a migrated workspace is
// as small as one imported anew.
func TestMigrationCompactsTheFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "twelve"+app.WorkspaceExt)
	lines := schema12Lines(t, path, 60_000)
	before, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	compacting := false
	s, err := Open(app.WithOpenProgress(context.Background(), func(p app.OpenProgress) {
		compacting = compacting || p.Stage == app.OpenCompacting
	}), path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var free, pages int64
	s.db.QueryRow(`SELECT freelist_count, page_count FROM pragma_freelist_count, pragma_page_count`).Scan(&free, &pages)
	if !compacting || free > pages/20 {
		t.Errorf("compacting reported: %v; %d of %d pages free after the open", compacting, free, pages)
	}
	if pages*4096 >= before.Size() {
		t.Errorf("the workspace is %d bytes after the migration, %d before", pages*4096, before.Size())
	}
	if got := dumpRows(t, s.db, schema12LineCols); !reflect.DeepEqual(got, lines) {
		t.Error("lines changed")
	}
}

// TestSmallFileIntoManyLinesReplacesOnlyItsOrders: a file with few orders
// imported over many lines reads back only its own orders' lines (a
// temporary table of its order ids); one order unchanged, one changed and
// one new are told apart as with a full read, and undo puts the changed
// order's old lines back.
func TestSmallFileIntoManyLinesReplacesOnlyItsOrders(t *testing.T) {
	ctx := context.Background()
	s, _ := newWorkspace(t)
	var big strings.Builder
	big.WriteString(uciHeader)
	for i := range 300 {
		fmt.Fprintf(&big, "%d,S%d,thing %d,%d,2024-03-%02d 09:00:00,2.50,%d,DE\n", 1000+i/3, i%7, i%7, 1+i%4, 1+(i/3)%28, 50+i/3)
	}
	if _, err := s.ImportOrders(ctx, app.ImportOptions{Path: writeOrderFile(t, "big.csv", []byte(big.String()))}, nil); err != nil {
		t.Fatal(err)
	}
	before := dumpRows(t, s.db, `SELECT `+allLineCols+` FROM order_lines WHERE invoice_no = '1010' ORDER BY id`)
	small := uciHeader +
		// 1005 as it is (lines 15-17 of the big file), 1010 with one quantity changed, 2000 new.
		"1005,S1,thing 1,4,2024-03-06 09:00:00,2.50,55,DE\n1005,S2,thing 2,1,2024-03-06 09:00:00,2.50,55,DE\n1005,S3,thing 3,2,2024-03-06 09:00:00,2.50,55,DE\n" +
		"1010,S2,thing 2,9,2024-03-11 09:00:00,2.50,60,DE\n" +
		"2000,S9,thing 9,1,2024-04-01 09:00:00,7.00,99,FR\n"
	res, err := s.ImportOrders(ctx, app.ImportOptions{Path: writeOrderFile(t, "small.csv", []byte(small))}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.OrdersNew != 1 || res.OrdersReplaced != 1 || res.OrdersUnchanged != 1 {
		t.Fatalf("%d new, %d replaced, %d unchanged; want 1 of each", res.OrdersNew, res.OrdersReplaced, res.OrdersUnchanged)
	}
	var n1010, total int
	s.db.QueryRow(`SELECT count(*) FROM order_lines WHERE invoice_no = '1010'`).Scan(&n1010)
	s.db.QueryRow(`SELECT count(*) FROM order_lines`).Scan(&total)
	if n1010 != 1 || total != 300-3+1+1 {
		t.Errorf("order 1010 has %d lines (want the file's 1), %d lines in all (want 299)", n1010, total)
	}
	var temps int
	s.db.QueryRow(`SELECT count(*) FROM temp.sqlite_schema WHERE name = 'file_keys'`).Scan(&temps)
	if temps != 0 {
		t.Error("the temporary table of the file's order ids was left behind")
	}
	if err := s.UndoImport(ctx, res.ImportID); err != nil {
		t.Fatal(err)
	}
	if got := dumpRows(t, s.db, `SELECT `+allLineCols+` FROM order_lines WHERE invoice_no = '1010' ORDER BY id`); !reflect.DeepEqual(got, before) {
		t.Errorf("undo: order 1010 is %v, want %v", got, before)
	}
	checkDaySummaries(t, "after a small file's undo", s)
}
