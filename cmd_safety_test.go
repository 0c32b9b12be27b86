package main

import (
	"bytes"
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/seller-assistant/seller-assistant/app"
	"github.com/seller-assistant/seller-assistant/data"
)

// outCommands are every subcommand that writes an --out file, each with
// the arguments before --out.
var outCommands = []struct {
	name string
	args []string
}{
	{"tiers", []string{"tiers"}},
	{"clv", []string{"clv"}},
	{"report", []string{"report"}},
	{"backup", []string{"backup"}},
	{"campaigns", []string{"campaigns", "export"}},
	{"risks", []string{"risks", "export"}},
	{"cases", []string{"cases", "export"}},
}

// TestOutNeverDestroysAWorkspace: before, `--db w tiers --out w` exited 0
// and left a CSV where the workspace was. Every --out now refuses, with
// exit 2, the open workspace however it is spelled, its -wal and -shm, and
// any other SQLite file, leaving every byte; an earlier export is replaced
// whole, mode 0600.
func TestOutNeverDestroysAWorkspace(t *testing.T) {
	loadCustomerTranslations(t)
	db := exportDemo(t)
	dir := filepath.Dir(db)
	other := filepath.Join(t.TempDir(), "other.sqlite")
	sdb, _ := sql.Open("sqlite", "file:"+other)
	sdb.Exec("CREATE TABLE keep (x); INSERT INTO keep VALUES ('precious')")
	sdb.Close()
	link := filepath.Join(t.TempDir(), "looks-like.csv")
	if err := os.Symlink(db, link); err != nil {
		t.Fatal(err)
	}
	wal := db + "-wal"
	os.WriteFile(wal, nil, 0o600) // as SQLite leaves it while the workspace is open
	targets := map[string]string{
		"the workspace":     db,
		"another spelling":  filepath.Join(dir, ".", "sub", "..", filepath.Base(db)),
		"a symlink to it":   link,
		"its -wal":          wal,
		"its -shm":          db + "-shm",
		"another database":  other,
		"an earlier backup": other,
	}
	sums := map[string][]byte{}
	for _, p := range []string{db, other, wal} {
		b, _ := os.ReadFile(p)
		sums[p] = b
	}
	os.Mkdir(filepath.Join(dir, "sub"), 0o700)
	for _, c := range outCommands {
		for what, target := range targets {
			t.Run(c.name+"/"+what, func(t *testing.T) {
				var stdout, stderr bytes.Buffer
				args := append(append([]string(nil), c.args...), "--out", target)
				code := runCommand(db, args, &stdout, &stderr)
				if code != 2 {
					t.Fatalf("exit %d, want 2; stderr %s", code, stderr.String())
				}
				if msg := stderr.String(); !strings.Contains(msg, "Nothing was written") || strings.Count(msg, c.name+":") > 1 {
					t.Errorf("stderr %q", msg)
				}
				if stdout.Len() != 0 {
					t.Errorf("stdout after a refusal: %q", stdout.String())
				}
				for p, b := range sums {
					if now, _ := os.ReadFile(p); !bytes.Equal(now, b) {
						t.Fatalf("%s changed", p)
					}
				}
			})
		}
	}
	// An earlier export of any kind is replaced, whole and for the owner.
	for _, c := range outCommands {
		t.Run(c.name+"/over an earlier export", func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "earlier.out")
			os.WriteFile(out, []byte("an earlier export\n"), 0o644)
			var stdout, stderr bytes.Buffer
			args := append(append([]string(nil), c.args...), "--out", out)
			if code := runCommand(db, args, &stdout, &stderr); code != 0 {
				t.Fatalf("exit %d: %s", code, stderr.String())
			}
			fi, err := os.Stat(out)
			if err != nil || fi.Mode().Perm() != 0o600 {
				t.Fatalf("mode %v, %v; want 0600", fi.Mode().Perm(), err)
			}
			if b, _ := os.ReadFile(out); bytes.Equal(b, []byte("an earlier export\n")) {
				t.Fatal("not replaced")
			}
			es, _ := os.ReadDir(filepath.Dir(out))
			if len(es) != 1 {
				t.Errorf("files beside the export: %v", es)
			}
		})
	}
}

// TestDemoRefusesAnythingButADemo: `demo` rewrites a demo or writes a new
// one; a damaged workspace, one that is not the demo, or any other file
// exits 1 and is left byte for byte.
func TestDemoRefusesAnythingButADemo(t *testing.T) {
	loadCustomerTranslations(t)
	ctx := context.Background()
	dir := t.TempDir()
	own := filepath.Join(dir, "own.sellerdb")
	s, err := data.Create(ctx, own, "Mine")
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	damaged := filepath.Join(dir, "damaged.sellerdb")
	b, _ := os.ReadFile(own)
	b = append([]byte(nil), b...)
	for i := 100; i < 4096 && i < len(b); i++ {
		b[i] = 0xA5
	}
	os.WriteFile(damaged, b, 0o600)
	text := filepath.Join(dir, "text.sellerdb")
	os.WriteFile(text, []byte("not a workspace"), 0o600)
	for _, p := range []string{own, damaged, text} {
		before, _ := os.ReadFile(p)
		var stdout, stderr bytes.Buffer
		if code := runCommand(p, []string{"demo"}, &stdout, &stderr); code != 1 {
			t.Errorf("%s: exit %d, want 1: %s", filepath.Base(p), code, stderr.String())
		}
		if after, _ := os.ReadFile(p); !bytes.Equal(before, after) {
			t.Errorf("%s changed", filepath.Base(p))
		}
		if stdout.Len() != 0 {
			t.Errorf("stdout after a refusal: %q", stdout.String())
		}
	}
	demo := filepath.Join(dir, "demo.sellerdb")
	for i := 0; i < 2; i++ {
		var stdout, stderr bytes.Buffer
		if code := runCommand(demo, []string{"demo"}, &stdout, &stderr); code != 0 {
			t.Fatalf("demo %d: exit %d %s", i, code, stderr.String())
		}
	}
	if fi, _ := os.Stat(demo); fi.Mode().Perm() != 0o600 {
		t.Errorf("demo mode %v", fi.Mode().Perm())
	}
}

// TestFlagsAfterArguments: the README's own `import orders f.csv
// --skip-bad` and `notes search 物流 --limit 3` work; "--" ends the flags.
func TestFlagsAfterArguments(t *testing.T) {
	loadCustomerTranslations(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "shop.sellerdb")
	orders := filepath.Join(dir, "orders.csv")
	os.WriteFile(orders, []byte("InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n"+
		"100,A,Cup,2,2024-01-10 10:00:00,5.00,1,GB\n"+
		"101,A,Cup,x,2024-01-11 10:00:00,5.00,2,GB\n"), 0o600)
	var out, errOut bytes.Buffer
	if code := runCommand(db, []string{"import", "orders", orders, "--skip-bad"}, &out, &errOut); code != 0 {
		t.Fatalf("import orders PATH --skip-bad: exit %d %s", code, errOut.String())
	}
	if !strings.Contains(out.String(), "imported: 1") {
		t.Errorf("stdout %q", out.String())
	}
	out.Reset()
	if code := runCommand(db, []string{"import", "orders", orders, "extra"}, &out, &errOut); code != 2 {
		t.Errorf("two paths: exit %d, want 2", code)
	}
	if code := runCommand(db, []string{"import", "orders", orders, "--encoding", "latin1"}, &out, &errOut); code != 2 {
		t.Errorf("an unknown --encoding: exit %d, want 2", code)
	}

	demo := filepath.Join(dir, "demo.sellerdb")
	s, err := data.CreateDemo(context.Background(), demo, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	out.Reset()
	if code := runCommand(demo, []string{"notes", "search", "物流", "--limit", "1"}, &out, &errOut); code != 0 {
		t.Fatalf("notes search 物流 --limit 1: exit %d %s", code, errOut.String())
	}
	if lines := strings.Count(strings.TrimSpace(out.String()), "\n"); lines != 1 { // header + one note
		t.Errorf("--limit 1 after the query printed %d lines:\n%s", lines+1, out.String())
	}
	out.Reset()
	if code := runCommand(demo, []string{"notes", "search", "--", "--limit"}, &out, &errOut); code != 0 || !strings.Contains(out.String(), `no notes match "--limit"`) {
		t.Errorf("after --: exit %d %q", code, out.String())
	}
	out.Reset()
	if code := runCommand(demo, []string{"tiers", "--out", filepath.Join(dir, "t.csv"), "stray"}, &out, &errOut); code != 2 {
		t.Errorf("a stray argument: exit %d, want 2", code)
	}
}

// TestFailedImportPrintsNoTotals: a file that cannot be read prints the
// reason once and no "customers: 0" that reads like a result.
func TestFailedImportPrintsNoTotals(t *testing.T) {
	loadCustomerTranslations(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "shop.sellerdb")
	var out, errOut bytes.Buffer
	code := runCommand(db, []string{"import", "orders", filepath.Join(dir, "missing.csv")}, &out, &errOut)
	if code == 0 || out.Len() != 0 {
		t.Fatalf("exit %d, stdout %q", code, out.String())
	}
	if strings.Count(errOut.String(), "import:") != 1 {
		t.Errorf("stderr %q", errOut.String())
	}
	if _, err := os.Stat(db); !os.IsNotExist(err) {
		t.Errorf("a failed first import left a new workspace: %v", err)
	}
	// With the date order given, the file is opened by the import itself.
	out.Reset()
	errOut.Reset()
	code = runCommand(db, []string{"import", "orders", "--date-order", "dmy", filepath.Join(dir, "missing.csv")}, &out, &errOut)
	if code == 0 || out.Len() != 0 || strings.Count(errOut.String(), "import:") != 1 {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out.String(), errOut.String())
	}
	// Refused for a bad row: the rows are reported, the totals are not.
	bad := filepath.Join(dir, "bad.csv")
	os.WriteFile(bad, []byte("InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n"+
		"100,A,Cup,x,2024-01-10 10:00:00,5.00,1,GB\n"), 0o600)
	out.Reset()
	if code := runCommand(db, []string{"import", "orders", bad}, &out, &errOut); code != 1 ||
		!strings.Contains(out.String(), "skipped: 1") || strings.Contains(out.String(), "customers:") {
		t.Errorf("bad row: exit %d, stdout %q", code, out.String())
	}
}

// TestExitCodes pins the README's contract: 2 for bad use, 1 for a file
// refused or failed — including a locked, read-only or full workspace.
func TestExitCodes(t *testing.T) {
	tests := []struct {
		name string
		err  error
		want int
	}{
		{"usage", usagef("--out FILE is required"), 2},
		{"bad value", app.Errorf(app.EInvalid, "customers.err.bad_as_of", "x"), 2},
		{"out is the workspace", app.Errorf(app.EInvalid, "error.out_is_workspace", "w"), 2},
		{"not a workspace", app.Errorf(app.ENotWorkspace, "error.not_workspace", "w"), 1},
		{"bad rows in an import file", refusedFile(app.Errorf(app.EInvalid, "customers.err.bad_rows", 1)), 1},
		{"a missing import file", app.Errorf(app.ENotFound, "error.file_not_found", "f.csv"), 1},
		{"not a demo", app.Errorf(app.EConflict, "error.not_demo", "w"), 1},
		{"locked", app.Errorf(app.EFile, "error.busy", "w"), 1},
		{"disk full", app.Errorf(app.EFile, "error.disk_full", "w"), 1},
		{"cannot write", app.Errorf(app.EFile, "error.file_unwritable", "w"), 1},
		{"a bug", os.ErrClosed, 1},
	}
	for _, tt := range tests {
		if got := exitCode(tt.err); got != tt.want {
			t.Errorf("%s: exit %d, want %d", tt.name, got, tt.want)
		}
	}
}

// TestConfigFolderIsPrivate: the folder the app makes for the demo
// workspace holds customer data: 0700.
func TestConfigFolderIsPrivate(t *testing.T) {
	home := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", home)
	p, err := demoPath()
	if err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(filepath.Dir(p))
	if err != nil || fi.Mode().Perm() != 0o700 {
		t.Fatalf("%s: %v %v, want 0700", filepath.Dir(p), fi.Mode().Perm(), err)
	}
}
