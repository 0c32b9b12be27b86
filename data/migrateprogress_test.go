package data

import (
	"bufio"
	"context"
	"database/sql"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/seller-assistant/seller-assistant/app"
)

// schema12Lines makes path a workspace of the schema before
// 0013_order_summaries holding n generated order lines: cancellations by
// "C" invoice and by negative quantity, days of cancellations only, lines
// without a SKU, without a customer (NULL) and with an empty customer id,
// over 400 days in no time order. It returns the lines as stored.
func schema12Lines(t *testing.T, path string, n int) []string {
	t.Helper()
	db, _ := workspaceBefore(t, path, "_order_summaries.sql")
	defer db.Close()
	for _, q := range []string{
		`INSERT INTO meta (key, value) VALUES ('app', 'seller-assistant'), ('name', 'twelve'), ('demo', '0'), ('currency', 'USD')`,
		`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ` + strconv.Itoa(n) + `)
		INSERT INTO order_lines (invoice_no, stock_code, description, quantity, invoiced_at, unit_price_cents, customer_id, country)
		SELECT CASE WHEN i % 37 = 0 THEN 'C' ELSE '' END || (i / 3),
			CASE WHEN i % 11 = 0 THEN '' ELSE 'SKU' || (i % 97) END,
			'item ' || (i % 97),
			CASE WHEN i % 53 = 0 THEN -1 ELSE 1 + i % 5 END,
			date('2024-01-01', '+' || (i * 7919 % 400) || ' days') || printf(' %02d:%02d:59', i % 24, i % 60),
			50 + i % 1000,
			CASE WHEN i % 13 = 0 THEN NULL WHEN i % 101 = 0 THEN '' ELSE 'c' || (i % 3001) END,
			'US'
		FROM n`,
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	return dumpRows(t, db, schema12LineCols)
}

// sqlDaySummaries is what migration 0013 computed in SQL before its fill
// moved to Go (fillDaySummaries), kept as the reference the Go fill must
// equal, in dumpTables' format.
func sqlDaySummaries(t *testing.T, db *sql.DB) map[string][]string {
	t.Helper()
	const days = `unixepoch(substr(invoiced_at, 1, 10)) / 86400`
	const cancelled = `(substr(invoice_no, 1, 1) = 'C' OR quantity < 0)`
	return map[string][]string{
		"cust_days": dumpRows(t, db, `SELECT customer_id || '|' || day || '|' || cents FROM (
			SELECT customer_id, `+days+` AS day, sum(quantity * unit_price_cents) AS cents
			FROM order_lines WHERE customer_id IS NOT NULL
			GROUP BY customer_id, day
			HAVING max(NOT `+cancelled+`) = 1) ORDER BY customer_id, day`),
		"sku_days": dumpRows(t, db, `SELECT stock_code || '|' || day || '|' || r || '|' || u || '|' || su || '|' || sl FROM (
			SELECT stock_code, `+days+` AS day, sum(quantity * unit_price_cents) AS r, sum(quantity) AS u,
				sum(CASE WHEN NOT `+cancelled+` THEN quantity ELSE 0 END) AS su, sum(NOT `+cancelled+`) AS sl
			FROM order_lines WHERE stock_code <> ''
			GROUP BY stock_code, day) ORDER BY stock_code, day`),
	}
}

// progressLog collects the reports of one open.
type progressLog struct {
	mu      sync.Mutex
	reports []app.OpenProgress
}

func (l *progressLog) add(p app.OpenProgress) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.reports = append(l.reports, p)
}

func (l *progressLog) all() []app.OpenProgress {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]app.OpenProgress(nil), l.reports...)
}

// TestMigrationReportsProgress (issue 20): opening a workspace of schema
// 12 with many lines reports the backup, then the migration step by step
// with the lines read counted up to all of them and the summary rows
// written up to all of them, and nothing once Open has returned; the
// summaries equal both the SQL the migration used to run and a recount in
// Go. Opening it again (current schema) reports nothing.
func TestMigrationReportsProgress(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "twelve"+app.WorkspaceExt)
	const n = 60_000
	linesBefore := schema12Lines(t, path, n)
	ref, err := sql.Open("sqlite", dsn(path, true))
	if err != nil {
		t.Fatal(err)
	}
	want := sqlDaySummaries(t, ref)
	ref.Close()
	if len(want["cust_days"]) < 1000 || len(want["sku_days"]) < 1000 {
		t.Fatalf("too few summary rows to follow: %d, %d", len(want["cust_days"]), len(want["sku_days"]))
	}

	var log progressLog
	s, err := Open(app.WithOpenProgress(ctx, log.add), path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	reports := log.all()
	time.Sleep(3 * heartbeat)
	if len(log.all()) != len(reports) {
		t.Error("progress was reported after Open returned")
	}

	if len(reports) == 0 || reports[0].Stage != app.OpenBackingUp {
		t.Fatalf("the first report is not the backup: %+v", reports)
	}
	// The backup copy counts megabytes up to the whole file.
	var copied []app.OpenProgress
	for _, p := range reports {
		if p.Stage == app.OpenBackingUp && p.Unit == "open.progress.mb_copied" {
			copied = append(copied, p)
		}
	}
	if len(copied) == 0 || copied[len(copied)-1].Done != copied[len(copied)-1].Total || copied[0].Total < 2 {
		t.Errorf("backup reports %+v, want megabytes copied up to all of them", copied)
	}
	steps := SchemaVersion() - 12
	var read, written, moved []app.OpenProgress
	stage, step := app.OpenBackingUp, 0
	var last time.Duration
	for _, p := range reports {
		if p.Stage < stage || (p.Stage == app.OpenMigrating && (p.Step < step || p.Steps != steps)) {
			t.Fatalf("reports out of order: %+v after stage %d step %d", p, stage, step)
		}
		if p.Elapsed < last {
			t.Fatalf("time went back: %+v", p)
		}
		stage, last = p.Stage, p.Elapsed
		if p.Stage == app.OpenMigrating {
			step = p.Step
		}
		switch p.Unit {
		case "open.progress.lines_read":
			read = append(read, p)
		case "open.progress.rows_written":
			written = append(written, p)
		case "open.progress.lines_copied":
			moved = append(moved, p)
		}
	}
	if step != steps {
		t.Errorf("last step reported %d, want %d", step, steps)
	}
	counted := func(what string, ps []app.OpenProgress, total int) {
		t.Helper()
		if len(ps) < 3 {
			t.Fatalf("%s: %d reports, want a start, a middle and an end: %+v", what, len(ps), ps)
		}
		for i, p := range ps {
			if p.Total != int64(total) || (i > 0 && p.Done < ps[i-1].Done) {
				t.Fatalf("%s: report %d is %+v (total %d)", what, i, p, total)
			}
		}
		if f := ps[len(ps)/2].Fraction(); f <= 0 || f >= 1 {
			t.Errorf("%s: a middle report is at %v", what, f)
		}
		if end := ps[len(ps)-1]; end.Done != end.Total && what != "rows written" {
			t.Errorf("%s: ends at %d of %d", what, end.Done, end.Total)
		}
	}
	counted("lines read", read, n)
	counted("rows written", written, len(want["cust_days"])+len(want["sku_days"]))
	counted("lines moved to the compact layout", moved, n)

	got := dumpTables(t, s)
	for _, k := range []string{"cust_days", "sku_days"} {
		if !reflect.DeepEqual(got[k], want[k]) {
			t.Errorf("%s: the Go fill gives %d rows, the SQL it replaces %d; first %v vs %v", k, len(got[k]), len(want[k]), first(got[k]), first(want[k]))
		}
	}
	checkDaySummaries(t, "migrated with progress", s)
	if after := dumpRows(t, s.db, schema12LineCols); !reflect.DeepEqual(after, linesBefore) {
		t.Error("the migration changed the lines")
	}
	s.Close()

	var again progressLog
	s2, err := Open(app.WithOpenProgress(ctx, again.add), path)
	if err != nil {
		t.Fatal(err)
	}
	s2.Close()
	time.Sleep(2 * heartbeat)
	if r := again.all(); len(r) != 0 {
		t.Errorf("opening a current workspace reported %+v", r)
	}
}

// TestSlowSQLMigrationShowsSignsOfLife: a migration that is SQL only (no
// count of its own) still reports about four times a second, with the time
// going on and no measure, so the window and the CLI show it is working.
func TestSlowSQLMigrationShowsSignsOfLife(t *testing.T) {
	s, path := newWorkspace(t)
	s.Close()
	ms, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	slow := append(ms, migration{version: len(ms) + 1, name: "9999_slow.sql",
		sql: `CREATE TABLE slow AS WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000000) SELECT sum(i) AS s FROM n`})
	var log progressLog
	start := time.Now()
	s2, err := open(app.WithOpenProgress(context.Background(), log.add), path, slow)
	if err != nil {
		t.Fatal(err)
	}
	s2.Close()
	took := time.Since(start)
	var beats int
	for _, p := range log.all() {
		if p.Stage == app.OpenMigrating && p.Step == 1 && p.Steps == 1 && p.Fraction() < 0 && p.Elapsed > 0 {
			beats++
		}
	}
	if min := int(took/heartbeat) - 3; beats < max(min, 1) {
		t.Errorf("%d reports during a %v SQL step, want about one per %v", beats, took, heartbeat)
	}
}

// TestCancelledMigrationLeavesWorkspace: cancelling the open half-way
// through the lines (the window's Cancel) rolls the step back: the file
// is still schema 12 with its lines and no summary tables; opening it again
// — within the same second, so its backup needs another name — migrates it.
func TestCancelledMigrationLeavesWorkspace(t *testing.T) {
	path := filepath.Join(t.TempDir(), "twelve"+app.WorkspaceExt)
	linesBefore := schema12Lines(t, path, 40_000)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	_, err := Open(app.WithOpenProgress(ctx, func(p app.OpenProgress) {
		if p.Unit == "open.progress.lines_read" && p.Done > 0 {
			cancel()
		}
	}), path)
	if app.ErrorCode(err) != app.ECanceled {
		t.Fatalf("cancelled open: %v", err)
	}
	if msg := app.English().Message(err); !strings.Contains(msg, "as it was") {
		t.Errorf("message %q", msg)
	}
	checkNotMigrated(t, path, linesBefore, 12)
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatalf("open after the cancel: %v", err)
	}
	defer s.Close()
	checkDaySummaries(t, "migrated after a cancel", s)
	backups, _ := filepath.Glob(path + ".v12-*.bak")
	if len(backups) != 2 {
		t.Errorf("backups %v, want one per open", backups)
	}
}

// TestBackupNameTakenInTheSameSecond: a backup name already used (two
// opens in one second) gets a suffix instead of refusing the open.
func TestBackupNameTakenInTheSameSecond(t *testing.T) {
	path := filepath.Join(t.TempDir(), "twelve"+app.WorkspaceExt)
	schema12Lines(t, path, 10)
	// Every name this second and the next could give is taken already.
	now := time.Now().UTC()
	for _, at := range []time.Time{now, now.Add(time.Second)} {
		for _, suffix := range []string{"", "-2"} {
			taken := fmt.Sprintf("%s.v12-%s%s.bak", path, at.Format("20060102-150405"), suffix)
			if err := os.WriteFile(taken, []byte("SQLite format 3\x00 an earlier backup"), 0o600); err != nil {
				t.Fatal(err)
			}
		}
	}
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatalf("open with the backup name taken: %v", err)
	}
	s.Close()
	backups, _ := filepath.Glob(path + ".v12-*.bak")
	if len(backups) != 5 {
		t.Fatalf("backups %v, want the four earlier ones kept and one more", backups)
	}
	for _, b := range backups {
		if raw, _ := os.ReadFile(b); strings.Contains(string(raw), "an earlier backup") {
			continue
		}
		// The new backup is the workspace as it was: schema 12, readable.
		if h, err := readHeader(b); err != nil || h.userVersion != 12 || checkReadable(context.Background(), b) != nil {
			t.Errorf("the new backup %s is not the schema-12 workspace: %+v %v", filepath.Base(b), h, err)
		}
	}
}

// checkNotMigrated checks path is still at schema version with its lines
// in the order_lines table, and the summary tables only from 13 on.
func checkNotMigrated(t *testing.T, path string, lines []string, version int) {
	t.Helper()
	db, err := sql.Open("sqlite", dsn(path, true))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var v, tables int
	db.QueryRow(`PRAGMA user_version`).Scan(&v)
	db.QueryRow(`SELECT count(*) FROM sqlite_schema WHERE name IN ('order_customer_days', 'order_sku_days')`).Scan(&tables)
	if wantTables := map[bool]int{true: 2, false: 0}[version >= 13]; v != version || tables != wantTables {
		t.Errorf("schema %d with %d summary tables, want %d and %d", v, tables, version, wantTables)
	}
	var kind string
	db.QueryRow(`SELECT type FROM sqlite_schema WHERE name = 'order_lines'`).Scan(&kind)
	if kind != "table" {
		t.Errorf("order_lines is a %q, want the table it was before 0015", kind)
	}
	if got := dumpRows(t, db, schema12LineCols); !reflect.DeepEqual(got, lines) {
		t.Errorf("lines changed: %d rows, had %d", len(got), len(lines))
	}
}

// TestMigrationKillHelper is not a test: TestKilledMigrationLosesNothing
// runs this test binary with SELLER_MIGRATE_PATH set, and here it opens
// that workspace, printing its progress, and stops dead (inside the
// migration's transaction) once the report named by SELLER_MIGRATE_HOLD
// arrives, to be killed there.
func TestMigrationKillHelper(t *testing.T) {
	path := os.Getenv("SELLER_MIGRATE_PATH")
	if path == "" {
		t.Skip("helper process for TestKilledMigrationLosesNothing")
	}
	hold := os.Getenv("SELLER_MIGRATE_HOLD")
	out := bufio.NewWriter(os.Stdout)
	_, err := Open(app.WithOpenProgress(context.Background(), func(p app.OpenProgress) {
		fmt.Fprintf(out, "%s %d %d\n", p.Unit, p.Done, p.Total)
		if p.Unit == hold && p.Done > 0 && p.Done < p.Total {
			fmt.Fprintln(out, "HOLDING")
			out.Flush()
			select {} // killed here, mid-transaction
		}
		out.Flush()
	}), path)
	fmt.Fprintln(out, "OPENED", err)
	out.Flush()
	os.Exit(0)
}

// TestKilledMigrationLosesNothing (issue 20): a process killed (SIGKILL)
// in the middle of the migration — while reading the lines, and after it
// has written summary rows — leaves the workspace at schema 12 with every
// line; the next open migrates it whole.
func TestKilledMigrationLosesNothing(t *testing.T) {
	// Each migration commits on its own: a kill while the lines are copied
	// into the compact layout (0015) leaves the workspace at schema 14,
	// its summaries made, its lines still in the old table.
	for hold, version := range map[string]int{"open.progress.lines_read": 12, "open.progress.rows_written": 12, "open.progress.lines_copied": 14} {
		t.Run(hold, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "twelve"+app.WorkspaceExt)
			linesBefore := schema12Lines(t, path, 60_000)
			cmd := exec.Command(os.Args[0], "-test.run=^TestMigrationKillHelper$", "-test.count=1")
			cmd.Env = append(os.Environ(), "SELLER_MIGRATE_PATH="+path, "SELLER_MIGRATE_HOLD="+hold)
			stdout, err := cmd.StdoutPipe()
			if err != nil {
				t.Fatal(err)
			}
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			var seen []string
			sc := bufio.NewScanner(stdout)
			held := false
			for sc.Scan() {
				seen = append(seen, sc.Text())
				if sc.Text() == "HOLDING" {
					held = true
					break
				}
			}
			cmd.Process.Kill()
			cmd.Wait()
			if !held {
				t.Fatalf("the child never reached the middle of the migration:\n%s", strings.Join(seen, "\n"))
			}
			if _, err := os.Stat(path + "-wal"); err != nil {
				t.Logf("no -wal left by the kill: %v", err)
			}
			checkNotMigrated(t, path, linesBefore, version)
			s, err := Open(context.Background(), path)
			if err != nil {
				t.Fatalf("open after the kill: %v", err)
			}
			defer s.Close()
			var check string
			if err := s.db.QueryRow(`PRAGMA integrity_check`).Scan(&check); err != nil || check != "ok" {
				t.Fatalf("integrity %q %v", check, err)
			}
			if got := dumpRows(t, s.db, schema12LineCols); !reflect.DeepEqual(got, linesBefore) {
				t.Error("lines changed after the kill and the second open")
			}
			checkDaySummaries(t, "migrated after a kill", s)
		})
	}
}

// schema12LineCols reads the columns a line had at schema 12: later migrations
// add columns (0014: currency, NULL for every line written before it), and
// what a migration must keep is every value the line already had.
const schema12LineCols = `SELECT id, invoice_no, stock_code, description, quantity, invoiced_at, unit_price_cents,
	customer_id, country, import_id, order_id FROM order_lines ORDER BY id`
