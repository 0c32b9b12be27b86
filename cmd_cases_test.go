package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/seller-assistant/seller-assistant/app"
	"github.com/seller-assistant/seller-assistant/data"
)

// casesDB is a workspace with two cases of a customer whose id would run as
// a formula in a spreadsheet. Shop hours: the default 9-18 Mon-Fri in
// Shenzhen.
func casesDB(t *testing.T) string {
	t.Helper()
	ctx := context.Background()
	db := filepath.Join(t.TempDir(), "care.sellerdb")
	s, err := data.Create(ctx, db, "Care shop")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.SaveContact(ctx, app.Contact{CustomerID: "=HYPERLINK(1)", Language: "en", TimeZone: "America/New_York"}); err != nil {
		t.Fatal(err)
	}
	sh, _ := time.LoadLocation("Asia/Shanghai")
	at := func(d, h, m int) time.Time { return time.Date(2026, 11, d, h, m, 0, 0, sh) }
	for _, c := range []app.Case{
		// Monday 09:00 -> 11:30 answered, Tuesday 10:00 resolved: 2.5 h and 10 h.
		{CustomerID: "=HYPERLINK(1)", Type: "return", Channel: "email", Platform: "+eBay", Priority: "normal", Status: "resolved",
			Opened: at(23, 9, 0), FirstResponse: at(23, 11, 30), Resolved: at(24, 10, 0), CSAT: 4},
		// Never answered, long past its 24 h target.
		{CustomerID: "=HYPERLINK(1)", Type: "complaint", Channel: "platform", Platform: "Amazon US", Priority: "high", Status: "waiting_us",
			Opened: at(10, 15, 0)},
	} {
		if _, err := s.SaveCase(ctx, c); err != nil {
			t.Fatal(err)
		}
	}
	return db
}

func TestCasesExport(t *testing.T) {
	db := casesDB(t)
	out := filepath.Join(t.TempDir(), "cases.csv")
	var stdout, stderr bytes.Buffer
	if code := runCommand(db, []string{"cases", "export", "--out", out}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	if !strings.Contains(stdout.String(), "2 cases written to") {
		t.Fatalf("stdout %q", stdout.String())
	}
	rows := readCSV(t, out)
	want := [][]string{
		{"case_id", "customer_id", "type", "channel", "platform", "status", "opened_at", "first_response_at", "resolved_at",
			"first_response_business_hours", "resolution_business_hours", "within_target", "csat"},
		{"2", "'=HYPERLINK(1)", "complaint", "platform", "Amazon US", "waiting_us", "2026-11-10T07:00:00Z", "", "", "", "", "no", ""},
		{"1", "'=HYPERLINK(1)", "return", "email", "'+eBay", "resolved", "2026-11-23T01:00:00Z", "2026-11-23T03:30:00Z",
			"2026-11-24T02:00:00Z", "2.50", "10.00", "yes", "4"},
	}
	if len(rows) != len(want) {
		t.Fatalf("rows %v", rows)
	}
	for i := range want {
		if strings.Join(rows[i], "|") != strings.Join(want[i], "|") {
			t.Errorf("row %d:\n got %v\nwant %v", i, rows[i], want[i])
		}
	}

	// --from and --to are opening days, both included.
	if code := runCommand(db, []string{"cases", "export", "--from", "2026-11-22", "--to", "2026-11-23", "--out", out}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	if rows := readCSV(t, out); len(rows) != 2 || rows[1][0] != "1" {
		t.Fatalf("filtered rows %v", rows)
	}
}

func TestCasesExportBadUse(t *testing.T) {
	db := casesDB(t)
	out := filepath.Join(t.TempDir(), "x.csv")
	for _, args := range [][]string{
		{"cases"},
		{"cases", "list"},
		{"cases", "export"},
		{"cases", "export", "--from", "23/11/2026", "--out", out},
		{"cases", "export", "--from", "2026-11-24", "--to", "2026-11-01", "--out", out},
	} {
		var stdout, stderr bytes.Buffer
		if code := runCommand(db, args, &stdout, &stderr); code != 2 {
			t.Errorf("%v: exit %d, want 2 (%s)", args, code, stderr.String())
		}
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("a refused export wrote a file")
	}
}
