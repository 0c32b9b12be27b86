package main

import (
	"bytes"
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/seller-assistant/seller-assistant/app"
	"github.com/seller-assistant/seller-assistant/data"
)

// exportDemo writes a demo workspace for the export tests, with one
// campaign and one risk whose text would run as a formula in a spreadsheet.
var exportDay = time.Date(2026, 12, 2, 9, 30, 0, 0, time.UTC)

func exportDemo(t *testing.T) string {
	t.Helper()
	ctx := context.Background()
	db := filepath.Join(t.TempDir(), "demo.sellerdb")
	// A fixed day, with --as-of below: on the clock, the demo's Prime Day
	// is still planned from late April to mid July and the test would fail
	// then.
	s, err := data.CreateDemo(ctx, db, exportDay)
	if err != nil {
		t.Fatal(err)
	}
	day := exportDay.Truncate(24 * time.Hour)
	if _, err := s.SaveCampaign(ctx, app.Campaign{Name: "=HYPERLINK(\"http://x\")", Goal: "sales", Type: "coupon", Start: day.AddDate(0, 1, 0), End: day.AddDate(0, 1, 3)}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SaveRisk(ctx, app.Risk{Title: "@SUM(A1:A9)", Category: "fx", Likelihood: 2, Impact: 2, Owner: "+Lisa", Status: "open"}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	return db
}

func TestCampaignsExport(t *testing.T) {
	db := exportDemo(t)
	out := filepath.Join(t.TempDir(), "campaigns.csv")
	var stdout, stderr bytes.Buffer
	if code := runCommand(db, []string{"campaigns", "export", "--as-of", exportDay.Format("2006-01-02"), "--out", out}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	// Every campaign of the workspace: the demo's (issue 14 added Mother's
	// Day and the deal of the month to its nine) and the injected one.
	s, err := data.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	all, err := s.Campaigns(context.Background())
	s.Close()
	if err != nil || len(all) != 12 {
		t.Fatalf("%d campaigns in the demo workspace, %v", len(all), err)
	}
	if !strings.Contains(stdout.String(), fmt.Sprintf("%d campaigns written", len(all))) {
		t.Errorf("stdout %q", stdout.String())
	}
	rows := readCSV(t, out)
	if len(rows) != len(all)+1 || strings.Join(rows[0], ",") != strings.Join(app.CampaignsHeader, ",") {
		t.Fatalf("%d rows, header %v", len(rows), rows[0])
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	var prime, rakuten, injected []string
	for _, r := range rows[1:] {
		switch {
		case strings.HasPrefix(r[col["name"]], "Prime Day"):
			prime = r
		case strings.HasPrefix(r[col["name"]], "楽天"):
			rakuten = r
		case strings.Contains(r[col["name"]], "HYPERLINK"):
			injected = r
		}
	}
	if prime == nil || prime[col["status"]] != "past" || prime[col["evaluated_from"]] != "orders" || prime[col["roi"]] == "" || strings.HasPrefix(prime[col["roi"]], "-") {
		t.Errorf("Prime Day row %v", prime)
	}
	// Typed: (842 − 310) × 0.18 = 95.76; cost = ads 90 + samples 30 (the
	// 180 discount is in the revenue); (95.76 − 120) ÷ 120 = −0.202.
	if rakuten == nil || rakuten[col["evaluated_from"]] != "typed" || rakuten[col["roi"]] != "-0.202" || rakuten[col["campaign_revenue"]] != "842.00" ||
		rakuten[col["cost"]] != "120.00" || rakuten[col["incremental_gross_profit"]] != "95.76" || rakuten[col["campaign_gross_profit"]] != "151.56" {
		t.Errorf("Rakuten row %v", rakuten)
	}
	// The contract on Prime Day's own columns: incremental = campaign −
	// baseline gross profit; cost = the lines except the discount; roi =
	// (incremental − cost) ÷ cost.
	dec := func(s string) decimal.Decimal { return decimal.RequireFromString(s) }
	inc := dec(prime[col["campaign_gross_profit"]]).Sub(dec(prime[col["baseline_gross_profit"]]))
	cost := dec(prime[col["ads"]]).Add(dec(prime[col["kol"]])).Add(dec(prime[col["samples"]]))
	if !dec(prime[col["incremental_gross_profit"]]).Equal(inc) || !dec(prime[col["cost"]]).Equal(cost) || !cost.Equal(dec("100")) ||
		!dec(prime[col["roi"]]).Equal(inc.Sub(cost).Div(cost).Round(4)) || prime[col["partial"]] != "false" {
		t.Errorf("Prime Day contract: %v", prime)
	}
	// The demo always has a running campaign (which ones depends on the
	// day, as their dates follow the event calendar): evaluated to the
	// export's --as-of day, not the clock's (the test failed after midnight
	// UTC on the day the demo was made for).
	running := 0
	for _, r := range rows[1:] {
		if r[col["status"]] == "running" {
			running++
			if r[col["partial"]] != "true" || r[col["evaluated_to"]] != exportDay.Format("2006-01-02") {
				t.Errorf("running campaign row %v", r)
			}
		}
	}
	if running < 1 {
		t.Errorf("%d running campaigns", running)
	}
	if injected == nil || !strings.HasPrefix(injected[col["name"]], "'=") || injected[col["status"]] != "planned" || injected[col["roi"]] != "" {
		t.Errorf("formula not defused: %v", injected)
	}
}

func TestCampaignsExportBadUse(t *testing.T) {
	db := exportDemo(t)
	for _, args := range [][]string{{"campaigns"}, {"campaigns", "list"}, {"campaigns", "export"}, {"campaigns", "export", "--out"}, {"campaigns", "export", "--as-of", "2026-13-01", "--out", "x.csv"}} {
		var stdout, stderr bytes.Buffer
		if code := runCommand(db, args, &stdout, &stderr); code != 2 {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
	}
	var stdout, stderr bytes.Buffer
	if code := runCommand("", []string{"campaigns", "export", "--out", "x.csv"}, &stdout, &stderr); code != 2 {
		t.Errorf("no --db: exit %d", code)
	}
	out := filepath.Join(t.TempDir(), "no-such-dir", "c.csv")
	if code := runCommand(db, []string{"campaigns", "export", "--out", out}, &stdout, &stderr); code == 0 {
		t.Error("an unwritable --out succeeded")
	}
}

func TestRisksExport(t *testing.T) {
	db := exportDemo(t)
	out := filepath.Join(t.TempDir(), "risks.csv")
	var stdout, stderr bytes.Buffer
	if code := runCommand(db, []string{"risks", "export", "--as-of", exportDay.Format("2006-01-02"), "--out", out}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	rows := readCSV(t, out)
	if len(rows) != 16 || strings.Join(rows[0], ",") != strings.Join(app.RisksHeader, ",") {
		t.Fatalf("%d rows, header %v", len(rows), rows[0])
	}
	overdue, injected := 0, false
	for _, r := range rows[1:] {
		if r[11] == "true" {
			overdue++
		}
		if r[1] == "'@SUM(A1:A9)" && r[7] == "'+Lisa" && r[5] == "4" {
			injected = true
		}
	}
	if overdue != 3 {
		t.Errorf("%d overdue reviews, want the demo's 3", overdue)
	}
	if !injected {
		t.Error("formula cells not defused")
	}
	if first := rows[1]; first[5] != "20" {
		t.Errorf("not highest score first: %v", first)
	}
	if code := runCommand(db, []string{"risks", "export"}, &stdout, &stderr); code != 2 {
		t.Errorf("missing --out: exit %d", code)
	}
}

// TestCampaignsExportAsOf: --as-of decides which campaigns are past and
// which planned, so the same export can be made again later.
func TestCampaignsExportAsOf(t *testing.T) {
	db := exportDemo(t)
	status := func(asOf string) string {
		t.Helper()
		out := filepath.Join(t.TempDir(), "campaigns.csv")
		var stdout, stderr bytes.Buffer
		if code := runCommand(db, []string{"campaigns", "export", "--as-of", asOf, "--out", out}, &stdout, &stderr); code != 0 {
			t.Fatalf("exit %d: %s", code, stderr.String())
		}
		rows := readCSV(t, out)
		col := map[string]int{}
		for i, h := range rows[0] {
			col[h] = i
		}
		for _, r := range rows[1:] {
			if strings.HasPrefix(r[col["name"]], "Prime Day") {
				return r[col["status"]]
			}
		}
		t.Fatal("no Prime Day campaign")
		return ""
	}
	// The demo made on 2 December 2026 holds Prime Day of July 2026.
	if got := status("2026-12-02"); got != app.StatusPast {
		t.Errorf("as of 2 Dec: Prime Day %s, want past", got)
	}
	if got := status("2026-05-01"); got != app.StatusPlanned {
		t.Errorf("as of 1 May: Prime Day %s, want planned", got)
	}
}
