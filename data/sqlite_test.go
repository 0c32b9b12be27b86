package data

import (
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/seller-assistant/seller-assistant/app"
	"github.com/seller-assistant/seller-assistant/assets"
)

func TestMain(m *testing.M) {
	if err := assets.LoadTranslations(); err != nil {
		panic(err)
	}
	code := m.Run()
	if demoCache.dir != "" {
		os.RemoveAll(demoCache.dir)
	}
	os.Exit(code)
}

// newWorkspace creates an empty workspace in a temp dir for one test.
func newWorkspace(t *testing.T) (*Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "shop"+app.WorkspaceExt)
	s, err := Create(context.Background(), path, "Test shop")
	if err != nil {
		t.Fatalf("Create: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s, path
}

func fileSum(t *testing.T, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

func TestMigrationsAreNumberedInOrder(t *testing.T) {
	ms, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	if len(ms) == 0 || SchemaVersion() != len(ms) {
		t.Fatalf("%d migrations, schema version %d", len(ms), SchemaVersion())
	}
}

func TestCreateSetsUpWorkspace(t *testing.T) {
	s, path := newWorkspace(t)
	ctx := context.Background()
	info, err := s.Info(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if info.Name != "Test shop" || info.Demo || info.SchemaVersion != SchemaVersion() || info.Currency != "USD" || info.Path != path {
		t.Fatalf("info = %+v", info)
	}
	var mode string
	var fk int
	if err := s.db.QueryRow("PRAGMA journal_mode").Scan(&mode); err != nil || mode != "wal" {
		t.Fatalf("journal_mode = %q, %v; want wal", mode, err)
	}
	if err := s.db.QueryRow("PRAGMA foreign_keys").Scan(&fk); err != nil || fk != 1 {
		t.Fatalf("foreign_keys = %d, %v; want 1", fk, err)
	}
	if _, err := Create(ctx, path, "again"); app.ErrorCode(err) != app.EConflict {
		t.Fatalf("Create over an existing file: %v, want conflict", err)
	}
	if _, err := Create(ctx, filepath.Join(t.TempDir(), "x.sellerdb"), "  "); app.ErrorCode(err) != app.EInvalid {
		t.Fatalf("Create without a name: %v, want invalid", err)
	}
}

func TestOpenRefusesWithoutChanging(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()

	text := filepath.Join(dir, "notes.txt")
	os.WriteFile(text, []byte("InvoiceNo,StockCode\n1,2\n"), 0o644)

	empty := filepath.Join(dir, "empty.sellerdb")
	os.WriteFile(empty, nil, 0o644)

	other := filepath.Join(dir, "other.db")
	db, err := sql.Open("sqlite", "file:"+other)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec("CREATE TABLE t (x); INSERT INTO t VALUES (1)"); err != nil {
		t.Fatal(err)
	}
	db.Close()

	newer := filepath.Join(dir, "newer.sellerdb")
	s, err := Create(ctx, newer, "Newer")
	if err != nil {
		t.Fatal(err)
	}
	s.db.Exec("PRAGMA user_version = 99")
	s.Close()

	corrupt := filepath.Join(dir, "corrupt.sellerdb")
	s, err = Create(ctx, corrupt, "Corrupt")
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	b, _ := os.ReadFile(corrupt)
	// Keep the 100-byte header (so it still claims to be ours) and wreck
	// the rest of page 1, where the schema lives.
	for i := 100; i < 4096 && i < len(b); i++ {
		b[i] = 0xA5
	}
	os.WriteFile(corrupt, b, 0o644)

	sameApp := filepath.Join(dir, "noapp.sellerdb")
	db, _ = sql.Open("sqlite", "file:"+sameApp)
	db.Exec("PRAGMA application_id = 1397050433; CREATE TABLE x (y)")
	db.Close()

	tests := []struct {
		name, path, code string
	}{
		{"missing file", filepath.Join(dir, "nope.sellerdb"), app.ENotFound},
		{"text file", text, app.ENotWorkspace},
		{"empty file", empty, app.ENotWorkspace},
		{"other SQLite database", other, app.ENotWorkspace},
		{"our id but no meta", sameApp, app.ENotWorkspace},
		{"newer schema", newer, app.ENewer},
		{"damaged schema page", corrupt, app.ECorrupt},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var before [32]byte
			exists := false
			if _, err := os.Stat(tt.path); err == nil {
				before, exists = fileSum(t, tt.path), true
			}
			s, err := Open(ctx, tt.path)
			if err == nil {
				s.Close()
				t.Fatalf("Open succeeded, want %s", tt.code)
			}
			if got := app.ErrorCode(err); got != tt.code {
				t.Fatalf("code = %s (%v), want %s", got, err, tt.code)
			}
			if msg := app.NewLocalizer(app.LangChinese).Message(err); msg == "" || bytes.ContainsAny([]byte(msg), "%!") {
				t.Fatalf("Chinese message %q is empty or badly formatted", msg)
			}
			if exists && fileSum(t, tt.path) != before {
				t.Fatal("the refused file was modified")
			}
			backups, _ := filepath.Glob(tt.path + ".v*.bak")
			if len(backups) != 0 {
				t.Fatalf("a refused file got a migration backup: %v", backups)
			}
		})
	}
}

// TestMigrationBacksUpAndUpgrades opens a schema-1 workspace with an extra
// migration step, as a later version of the app would.
func TestMigrationBacksUpAndUpgrades(t *testing.T) {
	ctx := context.Background()
	s, path := newWorkspace(t)
	if _, err := s.db.Exec(`INSERT INTO notes (title, noted_on) VALUES ('keep me', '2026-01-02')`); err != nil {
		t.Fatal(err)
	}
	s.Close()
	before := fileSum(t, path)

	ms, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	next := append(ms, migration{version: len(ms) + 1, name: "9999_test.sql",
		sql: `ALTER TABLE notes ADD COLUMN pinned INTEGER NOT NULL DEFAULT 0; UPDATE notes SET pinned = 1;`})
	s2, err := open(ctx, path, next)
	if err != nil {
		t.Fatalf("open with a new migration: %v", err)
	}
	defer s2.Close()
	var v, pinned int
	var title string
	s2.db.QueryRow("PRAGMA user_version").Scan(&v)
	if err := s2.db.QueryRow("SELECT title, pinned FROM notes").Scan(&title, &pinned); err != nil {
		t.Fatal(err)
	}
	if v != len(next) || title != "keep me" || pinned != 1 {
		t.Fatalf("after migration: version %d, note %q pinned %d", v, title, pinned)
	}
	backups, _ := filepath.Glob(fmt.Sprintf("%s.v%d-*.bak", path, len(ms)))
	if len(backups) != 1 {
		t.Fatalf("want one backup before migrating, got %v", backups)
	}
	old, err := Open(ctx, backups[0]) // the backup is still a workspace of the old schema
	if err != nil {
		t.Fatalf("the backup does not open: %v", err)
	}
	defer old.Close()
	var n int
	old.db.QueryRow("SELECT count(*) FROM notes WHERE title = 'keep me'").Scan(&n)
	if n != 1 {
		t.Fatalf("backup lacks the note")
	}
	_ = before
}

// TestFailedMigrationChangesNothing: a step that fails rolls back whole, and
// the file stays at the old version with its data.
func TestFailedMigrationChangesNothing(t *testing.T) {
	ctx := context.Background()
	s, path := newWorkspace(t)
	s.db.Exec(`INSERT INTO notes (title, noted_on) VALUES ('keep me', '2026-01-02')`)
	s.Close()
	ms, _ := migrations()
	bad := append(ms, migration{version: len(ms) + 1, name: "9999_bad.sql",
		sql: `ALTER TABLE notes ADD COLUMN half INTEGER; SELECT no_such_function();`})
	if _, err := open(ctx, path, bad); err == nil {
		t.Fatal("a failing migration succeeded")
	}
	s2, err := Open(ctx, path)
	if err != nil {
		t.Fatalf("reopen after failed migration: %v", err)
	}
	defer s2.Close()
	var v int
	s2.db.QueryRow("PRAGMA user_version").Scan(&v)
	if v != len(ms) {
		t.Fatalf("version %d after a failed step, want %d", v, len(ms))
	}
	if _, err := s2.db.Exec("SELECT half FROM notes"); err == nil {
		t.Fatal("the failed step's column exists")
	}
}

func TestSaveCopy(t *testing.T) {
	ctx := context.Background()
	s, path := newWorkspace(t)
	s.db.Exec(`INSERT INTO notes (title, noted_on) VALUES ('在德国做市场调研', '2026-01-02')`)
	dst := filepath.Join(filepath.Dir(path), "copy.sellerdb")
	if err := s.SaveCopy(ctx, dst); err != nil {
		t.Fatal(err)
	}
	// An earlier copy is a database: refused as bad use (issue 12), kept.
	if err := s.SaveCopy(ctx, dst); app.ErrorCode(err) != app.EInvalid {
		t.Fatalf("second copy over the first: %v, want refused", err)
	}
	c, err := Open(ctx, dst)
	if err != nil {
		t.Fatalf("the copy does not open as a workspace: %v", err)
	}
	defer c.Close()
	notes, err := c.RecentNotes(ctx, 10)
	if err != nil || len(notes) != 1 || notes[0].Title != "在德国做市场调研" {
		t.Fatalf("copy notes = %v, %v", notes, err)
	}
}

func TestDemoWorkspace(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC)
	s := sharedDemo(t, now)
	path := s.Path()
	info, _ := s.Info(ctx)
	if !info.Demo || info.Name != DemoName {
		t.Fatalf("info = %+v", info)
	}
	sum, err := s.Summary(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Products < 10 || sum.Notes < 10 || sum.Risks < 10 || sum.Campaigns < 5 || sum.Channels < 5 || sum.Platforms < 5 || sum.Competitors < 5 {
		t.Fatalf("demo too thin: %+v", sum)
	}
	if sum.Customers < 300 || sum.Orders < 500 || sum.Countries != 5 || !sum.Revenue.IsPositive() {
		t.Fatalf("demo orders too thin: %+v", sum)
	}
	if sum.LastOrder.After(now) || sum.FirstOrder.Before(now.AddDate(-1, 0, -1)) {
		t.Fatalf("orders span %v..%v, want the year before %v", sum.FirstOrder, sum.LastOrder, now)
	}
	// The summaries agree with the lines they summarise.
	// Revenue in the base currency: the lines converted at their day's rates.
	var lines int64
	s.db.QueryRow("SELECT count(*) FROM order_lines").Scan(&lines)
	revenue := recomputeBaseCents(t, s.db, "1")
	if int64(sum.OrderLines) != lines || sum.Revenue.Shift(2).IntPart() != revenue {
		t.Fatalf("summary %d lines / %v, table %d lines / %d cents", sum.OrderLines, sum.Revenue, lines, revenue)
	}
	var cancelled, guests int
	s.db.QueryRow("SELECT count(*) FROM order_lines WHERE invoice_no LIKE 'C%' AND quantity < 0").Scan(&cancelled)
	s.db.QueryRow("SELECT count(*) FROM order_lines WHERE customer_id IS NULL").Scan(&guests)
	if cancelled == 0 || guests == 0 {
		t.Fatalf("demo lacks cancellations (%d) or guest lines (%d)", cancelled, guests)
	}
	up, err := s.UpcomingCampaigns(ctx, now, 10)
	if err != nil || len(up) == 0 {
		t.Fatalf("no upcoming campaigns: %v", err)
	}
	open, _ := s.OpenRisks(ctx, 100)
	overdue := 0
	for _, r := range open {
		if r.Overdue(now) {
			overdue++
		}
	}
	if overdue == 0 {
		t.Fatal("demo should show an overdue risk review")
	}
	s.db.Exec("DELETE FROM notes")
	s.Close()

	// Reset: the demo comes back whole.
	s, err = CreateDemo(ctx, path, now)
	if err != nil {
		t.Fatalf("reset: %v", err)
	}
	again, _ := s.Summary(ctx)
	s.Close()
	if again.Notes != sum.Notes || again.OrderLines != sum.OrderLines {
		t.Fatalf("reset demo differs: %+v vs %+v", again, sum)
	}

	// Never replace a workspace that is not a demo.
	own, ownPath := newWorkspace(t)
	own.Close()
	before := fileSum(t, ownPath)
	if _, err := CreateDemo(ctx, ownPath, now); app.ErrorCode(err) != app.EConflict {
		t.Fatalf("demo over a real workspace: %v, want conflict", err)
	}
	if fileSum(t, ownPath) != before {
		t.Fatal("the real workspace was changed")
	}
}

func TestEmptyWorkspaceQueries(t *testing.T) {
	s, _ := newWorkspace(t)
	ctx := context.Background()
	o, err := app.LoadOverview(ctx, s, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	if o.Summary.Orders != 0 || len(o.Monthly) != 0 || !o.Summary.FirstOrder.IsZero() {
		t.Fatalf("empty workspace overview: %+v", o)
	}
	r, err := app.BuildReport(ctx, s, app.English(), time.Now())
	if err != nil {
		t.Fatal(err)
	}
	for _, sec := range r.Sections {
		for _, c := range sec.Charts {
			if err := c.Validate(); err != nil {
				t.Errorf("empty workspace chart: %v", err)
			}
		}
	}
}

// A failed open must give a nil app.Workspace, not an interface holding a
// nil *Store: the window checks ws != nil and crashed on a missing --db.
func TestOpenerFailureIsNilWorkspace(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	var o Opener
	if ws, err := o.Open(ctx, filepath.Join(dir, "missing.sellerdb")); err == nil || ws != nil {
		t.Fatalf("Open of a missing file = %v, %v; want nil workspace and an error", ws, err)
	}
	notWS := filepath.Join(dir, "notes.txt")
	if err := os.WriteFile(notWS, []byte("hello"), 0o600); err != nil {
		t.Fatal(err)
	}
	if ws, err := o.Create(ctx, notWS, "x"); err == nil || ws != nil {
		t.Fatalf("Create over an existing file = %v, %v; want nil workspace and an error", ws, err)
	}
}
