package main

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/seller-assistant/seller-assistant/assets"
	"github.com/seller-assistant/seller-assistant/data"
)

// TestCrashHelper is not a test: the crash tests re-run this test binary
// with SELLER_CRASH_ARGS set, and here it runs one CLI command as the
// real binary would, to be killed with SIGKILL part-way.
func TestCrashHelper(t *testing.T) {
	args := os.Getenv("SELLER_CRASH_ARGS")
	if args == "" {
		t.Skip("helper process for the crash tests")
	}
	if err := assets.LoadTranslations(); err != nil {
		os.Exit(3)
	}
	os.Exit(runCommand(os.Getenv("SELLER_CRASH_DB"), strings.Split(args, "\x1f"), os.Stdout, os.Stderr))
}

// crashRun runs one command in a child process and SIGKILLs it after
// delay (never, when delay < 0); it returns how long the child ran.
func crashRun(t *testing.T, db string, delay time.Duration, args ...string) time.Duration {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestCrashHelper$")
	cmd.Env = append(os.Environ(), "SELLER_CRASH_DB="+db, "SELLER_CRASH_ARGS="+strings.Join(args, "\x1f"))
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	start := time.Now()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	if delay >= 0 {
		timer := time.AfterFunc(delay, func() { cmd.Process.Kill() })
		defer timer.Stop()
	}
	err := cmd.Wait()
	if delay < 0 && err != nil {
		t.Fatalf("%v: %v\n%s", args, err, out.String())
	}
	return time.Since(start)
}

// crashRunWhen runs one command in a child process and SIGKILLs it as
// soon as writing is seen to start (started polls for it), so the kill
// lands in the middle of the write however short it is. It reports
// whether the kill came before the child ended.
func crashRunWhen(t *testing.T, db string, started func() bool, args ...string) bool {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestCrashHelper$")
	cmd.Env = append(os.Environ(), "SELLER_CRASH_DB="+db, "SELLER_CRASH_ARGS="+strings.Join(args, "\x1f"))
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	go func() { cmd.Wait(); close(done) }()
	for {
		select {
		case <-done:
			return false
		default:
		}
		if started() {
			cmd.Process.Kill()
			<-done
			return true
		}
		time.Sleep(100 * time.Microsecond)
	}
}

// writing reports whether a file named path, or a temporary file for it,
// differs from what was there before (before is its content then).
func writing(path string, before []byte) func() bool {
	dir, base := filepath.Split(path)
	return func() bool {
		if b, err := os.ReadFile(path); err != nil || !bytes.Equal(b, before) {
			return true
		}
		es, _ := os.ReadDir(dir)
		for _, e := range es {
			if strings.HasPrefix(e.Name(), "."+base+".") || strings.HasPrefix(e.Name(), base+".") {
				return true
			}
		}
		return false
	}
}

// killPoints are delays spread over a run of length d, from the start to
// just past its end, so kills land in every phase of it.
func killPoints(d time.Duration, n int) []time.Duration {
	var out []time.Duration
	for i := 0; i < n; i++ {
		out = append(out, d*time.Duration(i)/time.Duration(n-1))
	}
	return out
}

// visible lists the files a person would see in dir: not the hidden
// temporary files a killed run may leave.
func visible(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range es {
		if !strings.HasPrefix(e.Name(), ".") {
			names = append(names, e.Name())
		}
	}
	return names
}

// mustOpenWhole opens path as a workspace and checks SQLite's integrity.
func mustOpenWhole(t *testing.T, path, when string) {
	t.Helper()
	s, err := data.Open(context.Background(), path)
	if err != nil {
		t.Fatalf("%s: %s does not open: %v", when, filepath.Base(path), err)
	}
	s.Close()
	raw, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	var check string
	if err := raw.QueryRow("PRAGMA integrity_check").Scan(&check); err != nil || check != "ok" {
		t.Fatalf("%s: integrity %q %v", when, check, err)
	}
}

// TestKilledDemoLeavesAWholeDemo: `demo` over an existing demo, killed at
// points across its run, leaves a demo that opens whole (the old one or
// the new), never a half-seeded one.
func TestKilledDemoLeavesAWholeDemo(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the command a dozen times")
	}
	dir := t.TempDir()
	db := filepath.Join(dir, "demo.sellerdb")
	d := crashRun(t, db, -1, "demo")
	replaced := 0
	// Past the measured run too: replacing an existing demo takes longer
	// than the first run, which had nothing to check.
	for i, delay := range killPoints(d*2, 12) {
		before, _ := os.Stat(db)
		crashRun(t, db, delay, "demo")
		when := fmt.Sprintf("kill %d after %v of %v", i, delay, d)
		mustOpenWhole(t, db, when)
		if after, err := os.Stat(db); err == nil && !os.SameFile(before, after) {
			replaced++
		}
		for _, n := range visible(t, dir) {
			if n != "demo.sellerdb" && n != "demo.sellerdb-wal" && n != "demo.sellerdb-shm" {
				t.Fatalf("%s: %s left beside the demo", when, n)
			}
		}
	}
	t.Logf("%d of 12 killed runs had replaced the demo, the others left the old one (run %v)", replaced, d)
}

// TestKilledFirstImportLeavesNoHalfWorkspace: the first import into a new
// path creates the workspace; killed at any point, the path holds nothing
// or a workspace that opens — before, a kill during creation left a 4 KB
// file every later command called "not a Seller Assistant workspace".
func TestKilledFirstImportLeavesNoHalfWorkspace(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the command a few dozen times")
	}
	dir := t.TempDir()
	orders := filepath.Join(dir, "orders.csv")
	os.WriteFile(orders, []byte("InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n"+
		"100,A,Cup,2,2024-01-10 10:00:00,5.00,1,GB\n"), 0o600)
	ws := filepath.Join(dir, "ws")
	os.Mkdir(ws, 0o700)
	d := crashRun(t, filepath.Join(ws, "timing.sellerdb"), -1, "import", "orders", orders)
	os.Remove(filepath.Join(ws, "timing.sellerdb"))
	created := 0
	for i, delay := range killPoints(d, 30) {
		db := filepath.Join(ws, fmt.Sprintf("shop%02d.sellerdb", i))
		crashRun(t, db, delay, "import", "orders", orders)
		if _, err := os.Stat(db); err == nil {
			created++
			mustOpenWhole(t, db, fmt.Sprintf("kill after %v of %v", delay, d))
		}
	}
	for _, n := range visible(t, ws) {
		if !strings.HasSuffix(n, ".sellerdb") && !strings.HasSuffix(n, "-wal") && !strings.HasSuffix(n, "-shm") {
			t.Errorf("%s left behind", n)
		}
	}
	t.Logf("%d of 30 killed runs had created the workspace (run %v)", created, d)
}

// TestKilledBackupLeavesNoPartialCopy: `backup` killed at points across
// its run leaves no copy or a whole one, never a partial file.
func TestKilledBackupLeavesNoPartialCopy(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 20 MB workspace")
	}
	dir := t.TempDir()
	db := filepath.Join(dir, "big.sellerdb")
	s, err := data.Create(context.Background(), db, "Big")
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	// 250,000 order lines straight through SQL, so the copy takes long
	// enough to be killed in the middle.
	raw, err := sql.Open("sqlite", "file:"+db)
	if err != nil {
		t.Fatal(err)
	}
	_, err = raw.Exec(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 250000)
		INSERT INTO order_lines (invoice_no, stock_code, description, quantity, invoiced_at, unit_price_cents, customer_id, country)
		SELECT 'INV' || i, 'SKU' || (i % 97), 'A PRODUCT DESCRIPTION OF SOME LENGTH ' || i, 1 + i % 5,
		       '2024-01-01 10:00:00', 100 + i % 1000, 'C' || (i % 20000), 'GB' FROM n`)
	raw.Close()
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "copies")
	os.Mkdir(out, 0o700)
	d := crashRun(t, db, -1, "backup", "--out", filepath.Join(out, "timing.sellerdb"))
	os.Remove(filepath.Join(out, "timing.sellerdb"))
	whole := 0
	for i, delay := range killPoints(d, 12) {
		copyPath := filepath.Join(out, fmt.Sprintf("copy%02d.sellerdb", i))
		crashRun(t, db, delay, "backup", "--out", copyPath)
		if _, err := os.Stat(copyPath); err == nil {
			whole++
			mustOpenWhole(t, copyPath, fmt.Sprintf("kill after %v of %v", delay, d))
		}
	}
	for _, n := range visible(t, out) {
		if !strings.HasPrefix(n, "copy") {
			t.Errorf("%s left behind", n)
		}
	}
	mustOpenWhole(t, db, "the workspace after the killed backups")
	t.Logf("%d of 12 killed backups had finished (run %v)", whole, d)
}

// TestKilledReportKeepsTheEarlierFile: `report --out` over an earlier
// report, killed at points across its run, leaves the earlier file byte for
// byte or the whole new one.
func TestKilledReportKeepsTheEarlierFile(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the command a dozen times")
	}
	dir := t.TempDir()
	db := filepath.Join(dir, "demo.sellerdb")
	crashRun(t, db, -1, "demo")
	out := filepath.Join(dir, "report.html")
	earlier := []byte("<!doctype html><title>the earlier report</title>\n")
	os.WriteFile(out, earlier, 0o600)
	d := crashRun(t, db, -1, "report", "--out", filepath.Join(dir, "timing.html"))
	os.Remove(filepath.Join(dir, "timing.html"))
	for i, delay := range killPoints(d, 12) {
		crashRun(t, db, delay, "report", "--out", out)
		b, err := os.ReadFile(out)
		if err != nil {
			t.Fatalf("kill %d: the report is gone: %v", i, err)
		}
		if !bytes.Equal(b, earlier) && !bytes.HasSuffix(bytes.TrimSpace(b), []byte("</html>")) {
			t.Fatalf("kill %d after %v of %v: a partial report (%d bytes)", i, delay, d, len(b))
		}
		if !bytes.Equal(b, earlier) {
			os.WriteFile(out, earlier, 0o600) // so the next kill has something to lose
		}
	}
	for _, n := range visible(t, dir) {
		if n != "demo.sellerdb" && n != "report.html" && !strings.HasPrefix(n, "demo.sellerdb-") {
			t.Errorf("%s left behind", n)
		}
	}
}

// TestKilledTiersKeepsTheEarlierFile: `tiers --out` over an earlier export,
// killed at points across its run, leaves the earlier file byte for byte
// or the whole new one — before, the file was truncated first and written
// in place, so a kill left half a CSV.
func TestKilledTiersKeepsTheEarlierFile(t *testing.T) {
	if testing.Short() {
		t.Skip("imports 200,000 lines")
	}
	loadCustomerTranslations(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "shop.sellerdb")
	var b strings.Builder
	b.WriteString("InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n")
	for i := 0; i < 200000; i++ {
		fmt.Fprintf(&b, "%d,SKU%d,PRODUCT %d,%d,2024-%02d-%02d 10:00:00,%d.%02d,%d,GB\n", 1000+i, i%50, i%50, 1+i%5, 1+i%12, 1+i%28, 1+i%30, i%100, i%60000)
	}
	orders := filepath.Join(dir, "orders.csv")
	os.WriteFile(orders, []byte(b.String()), 0o600)
	var stdout, stderr bytes.Buffer
	if code := runCommand(db, []string{"import", "orders", orders}, &stdout, &stderr); code != 0 {
		t.Fatalf("import: %d %s", code, stderr.String())
	}
	ref := filepath.Join(dir, "reference.csv")
	d := crashRun(t, db, -1, "tiers", "--as-of", "2025-01-01", "--out", ref)
	want, _ := os.ReadFile(ref)
	os.Remove(ref)
	out := filepath.Join(dir, "tiers.csv")
	earlier := []byte("customer_id,tier\nan earlier export,gold\n")
	os.WriteFile(out, earlier, 0o600)
	replaced := 0
	for i, delay := range killPoints(d, 14) {
		crashRun(t, db, delay, "tiers", "--as-of", "2025-01-01", "--out", out)
		got, err := os.ReadFile(out)
		if err != nil {
			t.Fatalf("kill %d: the export is gone: %v", i, err)
		}
		switch {
		case bytes.Equal(got, earlier):
		case bytes.Equal(got, want):
			replaced++
			os.WriteFile(out, earlier, 0o600)
		default:
			t.Fatalf("kill %d after %v of %v: a partial export (%d of %d bytes)", i, delay, d, len(got), len(want))
		}
	}
	for _, n := range visible(t, dir) {
		if n != "tiers.csv" && n != "orders.csv" && !strings.HasPrefix(n, "shop.sellerdb") {
			t.Errorf("%s left behind", n)
		}
	}
	t.Logf("%d of 14 killed runs had finished (run %v, %d bytes)", replaced, d, len(want))
	// And killed the moment writing starts, however short the write.
	for i := 0; i < 5; i++ {
		if !crashRunWhen(t, db, writing(out, earlier), "tiers", "--as-of", "2025-01-01", "--out", out) {
			t.Log("the run ended before the kill")
		}
		got, _ := os.ReadFile(out)
		if !bytes.Equal(got, earlier) && !bytes.Equal(got, want) {
			t.Fatalf("killed as writing started: a partial export (%d of %d bytes)", len(got), len(want))
		}
		os.WriteFile(out, earlier, 0o600)
	}
}

// TestConcurrentFirstImports: four processes import four files into the
// same new path at once. Before, a loser's clean-up deleted the winner's
// new workspace; now each loser imports into the winner's, so every
// process succeeds and every file's lines are there.
func TestConcurrentFirstImports(t *testing.T) {
	if testing.Short() {
		t.Skip("starts 20 processes")
	}
	dir := t.TempDir()
	var files []string
	for i := 0; i < 4; i++ {
		p := filepath.Join(dir, fmt.Sprintf("orders%d.csv", i))
		os.WriteFile(p, []byte(fmt.Sprintf("InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n"+
			"%d00,A,Cup,2,2024-01-10 10:00:00,5.00,%d,GB\n%d01,B,Plate,1,2024-02-10 10:00:00,7.00,%d,GB\n", i+1, i, i+1, i)), 0o600)
		files = append(files, p)
	}
	for round := 0; round < 5; round++ {
		db := filepath.Join(dir, fmt.Sprintf("shop%d.sellerdb", round))
		cmds := make([]*exec.Cmd, len(files))
		outs := make([]*bytes.Buffer, len(files))
		for i, f := range files {
			cmds[i] = exec.Command(os.Args[0], "-test.run=^TestCrashHelper$")
			cmds[i].Env = append(os.Environ(), "SELLER_CRASH_DB="+db, "SELLER_CRASH_ARGS="+strings.Join([]string{"import", "orders", f}, "\x1f"))
			outs[i] = &bytes.Buffer{}
			cmds[i].Stdout, cmds[i].Stderr = outs[i], outs[i]
		}
		for _, c := range cmds {
			if err := c.Start(); err != nil {
				t.Fatal(err)
			}
		}
		for i, c := range cmds {
			if err := c.Wait(); err != nil {
				t.Fatalf("round %d, import %d: %v\n%s", round, i, err, outs[i].String())
			}
		}
		s, err := data.Open(context.Background(), db)
		if err != nil {
			t.Fatalf("round %d: %v", round, err)
		}
		sum, err := s.Summary(context.Background())
		s.Close()
		if err != nil || sum.OrderLines != 8 || sum.Customers != 4 {
			t.Fatalf("round %d: %+v %v, want 8 lines of 4 customers", round, sum, err)
		}
	}
}
