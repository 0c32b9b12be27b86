package data

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	sqlite3 "modernc.org/sqlite/lib"

	"github.com/seller-assistant/seller-assistant/app"
)

// TestCreateDemoReplacesOnlyADemo: `demo` and Reset demo rewrite a demo
// workspace or create one where nothing is; anything else stays byte for
// byte as it was. A damaged workspace was replaced before this rule.
func TestCreateDemoReplacesOnlyADemo(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC)
	dir := t.TempDir()

	damaged := filepath.Join(dir, "damaged.sellerdb")
	s, err := Create(ctx, damaged, "Shop")
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	b, _ := os.ReadFile(damaged)
	for i := 100; i < 4096 && i < len(b); i++ { // keep the header, wreck the schema page
		b[i] = 0xA5
	}
	os.WriteFile(damaged, b, 0o600)

	damagedDemo := filepath.Join(dir, "damaged-demo.sellerdb")
	s, err = CreateDemo(ctx, damagedDemo, now)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	b, _ = os.ReadFile(damagedDemo)
	for i := 100; i < 4096 && i < len(b); i++ {
		b[i] = 0xA5
	}
	os.WriteFile(damagedDemo, b, 0o600)

	own := filepath.Join(dir, "own.sellerdb")
	if s, err = Create(ctx, own, "Mine"); err != nil {
		t.Fatal(err)
	}
	s.Close()

	text := filepath.Join(dir, "notes.sellerdb")
	os.WriteFile(text, []byte("my notes, not a database\n"), 0o600)
	other := filepath.Join(dir, "other.sellerdb")
	db, _ := sql.Open("sqlite", "file:"+other)
	db.Exec("CREATE TABLE t (x); INSERT INTO t VALUES (1)")
	db.Close()
	empty := filepath.Join(dir, "empty.sellerdb")
	os.WriteFile(empty, nil, 0o600)

	for _, path := range []string{damaged, damagedDemo, own, text, other, empty} {
		t.Run(filepath.Base(path), func(t *testing.T) {
			before, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			s, err := CreateDemo(ctx, path, now)
			if err == nil {
				s.Close()
				t.Fatal("CreateDemo replaced it")
			}
			if app.ErrorCode(err) != app.EConflict {
				t.Errorf("code %s (%v), want conflict", app.ErrorCode(err), err)
			}
			after, _ := os.ReadFile(path)
			if !bytes.Equal(before, after) {
				t.Fatal("the file changed")
			}
			for _, msg := range []string{app.English().Message(err), app.NewLocalizer(app.LangChinese).Message(err)} {
				if !strings.Contains(msg, path) || strings.Contains(msg, "%!") {
					t.Errorf("message %q does not name the file", msg)
				}
			}
		})
	}
	assertNoTemp(t, dir)

	// A demo is replaced, and the new one is for the owner only.
	demo := filepath.Join(dir, "demo.sellerdb")
	for i := 0; i < 2; i++ {
		s, err := CreateDemo(ctx, demo, now)
		if err != nil {
			t.Fatalf("demo %d: %v", i, err)
		}
		s.Close()
	}
	assertMode(t, demo, 0o600)
	assertNoTemp(t, dir)
}

// TestCreateRaceKeepsTheWinner: two first imports into the same new path
// at once. Before, the loser's clean-up deleted the winner's file.
func TestCreateRaceKeepsTheWinner(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	for round := 0; round < 12; round++ {
		path := filepath.Join(dir, "race"+string(rune('a'+round))+".sellerdb")
		var wg sync.WaitGroup
		errs := make([]error, 4)
		for i := range errs {
			wg.Add(1)
			go func() {
				defer wg.Done()
				s, err := Create(ctx, path, "Race")
				if err == nil {
					s.Close()
				}
				errs[i] = err
			}()
		}
		wg.Wait()
		won := 0
		for _, err := range errs {
			switch {
			case err == nil:
				won++
			case app.ErrorCode(err) != app.EConflict:
				t.Fatalf("round %d: a loser failed with %v, want conflict", round, err)
			}
		}
		if won != 1 {
			t.Fatalf("round %d: %d creators won, want 1", round, won)
		}
		s, err := Open(ctx, path)
		if err != nil {
			t.Fatalf("round %d: the winner's workspace is gone or broken: %v", round, err)
		}
		s.Close()
		assertMode(t, path, 0o600)
	}
	assertNoTemp(t, dir)
}

func TestSaveCopyIsWholeAndSafe(t *testing.T) {
	ctx := context.Background()
	s, path := newWorkspace(t)
	dir := filepath.Dir(path)
	dst := filepath.Join(dir, "copy.sellerdb")
	if err := s.SaveCopy(ctx, dst); err != nil {
		t.Fatal(err)
	}
	assertMode(t, dst, 0o600)
	first := fileSum(t, dst)
	before := fileSum(t, path)
	// The workspace itself (any spelling, its sidecars) and any database
	// are refused as bad use; an ordinary file is replaced.
	link := filepath.Join(dir, "link")
	os.Symlink(path, link)
	for _, p := range []string{path, filepath.Join(dir, ".", "shop.sellerdb"), link, path + "-wal", path + "-shm", dst} {
		if err := s.SaveCopy(ctx, p); app.ErrorCode(err) != app.EInvalid {
			t.Errorf("SaveCopy(%s) = %v, want refused", p, err)
		}
	}
	if fileSum(t, path) != before || fileSum(t, dst) != first {
		t.Fatal("a refused copy changed a file")
	}
	txt := filepath.Join(dir, "old.txt")
	os.WriteFile(txt, []byte("an earlier export"), 0o644)
	if err := s.SaveCopy(ctx, txt); err != nil {
		t.Fatalf("over an ordinary file: %v", err)
	}
	if c, err := Open(ctx, txt); err != nil {
		t.Fatalf("copy: %v", err)
	} else {
		c.Close()
	}
	assertNoTemp(t, dir)
}

func TestWorkspaceFilesAreForTheOwner(t *testing.T) {
	_, path := newWorkspace(t)
	assertMode(t, path, 0o600)
	for _, p := range []string{path + "-wal", path + "-shm"} {
		if fi, err := os.Stat(p); err == nil && fi.Mode().Perm() != 0o600 {
			t.Errorf("%s mode %v", p, fi.Mode().Perm())
		}
	}
}

// TestLockedWorkspaceSaysSo: another connection holds the write lock past
// the busy timeout; the write fails with a message that says the file is
// in use, not "internal error", and nothing is written.
func TestLockedWorkspaceSaysSo(t *testing.T) {
	if testing.Short() {
		t.Skip("waits out the 5 s busy timeout")
	}
	ctx := context.Background()
	s, path := newWorkspace(t)
	other, err := sql.Open("sqlite", dsn(path, false))
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	conn, err := other.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "BEGIN IMMEDIATE"); err != nil {
		t.Fatal(err)
	}
	err = s.SaveContact(ctx, app.Contact{CustomerID: "C1", Name: "Ann", Language: "en", TimeZone: "UTC"})
	var ae *app.Error
	if !errors.As(err, &ae) || ae.Key != "error.busy" || ae.Code != app.EFile {
		t.Fatalf("got %v, want error.busy", err)
	}
	for _, l := range []*app.Localizer{app.English(), app.NewLocalizer(app.LangChinese)} {
		if msg := l.Message(err); strings.Contains(msg, "Internal") || strings.Contains(msg, "内部错误") || !strings.Contains(msg, path) {
			t.Errorf("message %q", msg)
		}
	}
	conn.ExecContext(ctx, "ROLLBACK")
	cs, err := s.Contacts(ctx)
	if err != nil || len(cs) != 0 {
		t.Fatalf("contacts after the refused write: %v, %v", cs, err)
	}
}

func assertMode(t *testing.T, path string, want os.FileMode) {
	t.Helper()
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != want {
		t.Errorf("%s mode %v, want %v", filepath.Base(path), fi.Mode().Perm(), want)
	}
}

// assertNoTemp fails if a temporary file of ours is left in dir.
func assertNoTemp(t *testing.T, dir string) {
	t.Helper()
	es, _ := os.ReadDir(dir)
	for _, e := range es {
		if strings.HasPrefix(e.Name(), ".") || strings.HasSuffix(e.Name(), ".new") || strings.HasSuffix(e.Name(), ".tmp") {
			t.Errorf("temporary file left: %s", e.Name())
		}
	}
}

// TestExplainUsesTheDriverCodes checks app's copy of SQLite's result codes
// against the driver's own constants.
func TestExplainUsesTheDriverCodes(t *testing.T) {
	for code, key := range map[int]string{
		sqlite3.SQLITE_BUSY: "error.busy", sqlite3.SQLITE_LOCKED: "error.busy", sqlite3.SQLITE_READONLY: "error.read_only",
		sqlite3.SQLITE_FULL: "error.disk_full", sqlite3.SQLITE_CANTOPEN: "error.cant_open", sqlite3.SQLITE_IOERR_SHMSIZE: "error.disk_full",
		sqlite3.SQLITE_BUSY_TIMEOUT: "error.busy", sqlite3.SQLITE_READONLY_DIRECTORY: "error.read_only",
	} {
		if got := app.ExplainFile(driverCode(code), "w"); got == nil || got.Key != key {
			t.Errorf("code %d: %v, want %s", code, got, key)
		}
	}
}

type driverCode int

func (c driverCode) Error() string { return "sqlite" }
func (c driverCode) Code() int     { return int(c) }

// TestModuleExportsRefuseTheWorkspace: the Customers and Products exports
// of the window refuse the open workspace, also behind a name that looks
// like a spreadsheet, and write 0600 files otherwise.
func TestModuleExportsRefuseTheWorkspace(t *testing.T) {
	ctx := context.Background()
	s, path := newWorkspace(t)
	dir := filepath.Dir(path)
	csvLink, xlsxLink := filepath.Join(dir, "ws.csv"), filepath.Join(dir, "ws.xlsx")
	os.Symlink(path, csvLink)
	os.Symlink(path, xlsxLink)
	before := fileSum(t, path)
	for _, p := range []string{path, csvLink, xlsxLink} {
		if err := s.ExportCustomers(ctx, p, nil, nil); app.ErrorCode(err) != app.EInvalid {
			t.Errorf("ExportCustomers(%s) = %v", filepath.Base(p), err)
		}
	}
	for _, p := range []string{csvLink, xlsxLink} {
		if err := s.ExportProducts(ctx, p); app.ErrorCode(err) != app.EInvalid {
			t.Errorf("ExportProducts(%s) = %v", filepath.Base(p), err)
		}
	}
	if fileSum(t, path) != before {
		t.Fatal("the workspace changed")
	}
	for _, name := range []string{"c.csv", "c.xlsx"} {
		if err := s.ExportCustomers(ctx, filepath.Join(dir, name), nil, nil); err != nil {
			t.Fatal(err)
		}
		assertMode(t, filepath.Join(dir, name), 0o600)
	}
	for _, name := range []string{"p.csv", "p.xlsx"} {
		if err := s.ExportProducts(ctx, filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
		assertMode(t, filepath.Join(dir, name), 0o600)
	}
	assertNoTemp(t, dir)
}
