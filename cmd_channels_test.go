package main

import (
	"bytes"
	"context"
	"encoding/json"
	"math"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/seller-assistant/seller-assistant/data"
)

type rankRow struct {
	Name          string   `json:"name"`
	Type          string   `json:"type"`
	Eligible      bool     `json:"eligible"`
	Excluded      *string  `json:"excluded"`
	FreightCNY    float64  `json:"freight_cny"`
	FulfilmentCNY float64  `json:"fulfilment_cny"`
	StorageCNY    float64  `json:"storage_cny"`
	TotalCNY      float64  `json:"total_cny"`
	DaysMin       int      `json:"days_min"`
	DaysMax       int      `json:"days_max"`
	Stability     int      `json:"stability"`
	Score         *float64 `json:"score"`
}

func demoDB(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "demo.sellerdb")
	s, err := data.CreateDemo(context.Background(), db, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	return db
}

func rankCLI(t *testing.T, db string, args ...string) []rankRow {
	t.Helper()
	var out, errOut bytes.Buffer
	if code := runCommand(db, append([]string{"channels", "rank"}, args...), &out, &errOut); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	var rows []rankRow
	if err := json.Unmarshal(out.Bytes(), &rows); err != nil {
		t.Fatalf("not a JSON list: %v\n%s", err, out.String())
	}
	return rows
}

// A 45 g phone case to the US on the demo workspace. Worked by hand from
// the demo's channels (assets/demo/00_core.sql, 02_pricing.sql), fees at
// 7.20 CNY per USD, weights 5/5/3 as the Channels screen starts:
//
//	China Post: 0.045 kg is under its 50 g first weight: 9.50, 15–30 days, stability 2
//	FedEx IP:   256.5 cm³ / 5000 = 0.0513 kg, under 0.5 kg: 152.00
//	FBA US:     air head haul max(0.045 * 32 = 1.44, 21 kg minimum 672 / 100 units = 6.72) = 6.72,
//	            + fee 3.22 * 7.2 = 23.18 + storage 0.15 * 7.2 = 1.08 = 30.98
//	US warehouse by sea: 256.5 / 1000 = 0.2565 kg * 2.50 = 0.64 + 5.20 * 7.2 = 37.44 + 0.20 * 7.2 = 1.44 = 39.52
//
// score = 100 * (5 * min_cost/cost + 5 * min_days/days + 3 * stability/5) / 13, min cost 9.50, min days 2:
//
//	FBA US 73.33, China Post 51.11, US warehouse 49.68, FedEx 40.87
func TestChannelsRankCommand(t *testing.T) {
	loadTranslations(t)
	db := demoDB(t)
	rows := rankCLI(t, db, "--dest", "US", "--weight-kg", "0.045", "--dims", "18x9.5x1.5")
	want := []struct {
		prefix                          string
		freight, fulfil, storage, total float64
		score                           float64
		daysMin, daysMax, stability     int
	}{
		{"Amazon FBA US", 6.72, 23.18, 1.08, 30.98, 73.33, 1, 3, 5},
		{"China Post", 9.50, 0, 0, 9.50, 51.11, 15, 30, 2},
		{"海运 + 美国海外仓", 0.64, 37.44, 1.44, 39.52, 49.68, 2, 5, 4},
		{"FedEx IP", 152, 0, 0, 152, 40.87, 3, 7, 5},
	}
	if len(rows) < len(want) {
		t.Fatalf("%d rows", len(rows))
	}
	for i, w := range want {
		r := rows[i]
		if !strings.HasPrefix(r.Name, w.prefix) || !r.Eligible || r.Score == nil {
			t.Fatalf("row %d = %+v, want %s eligible", i, r, w.prefix)
		}
		if r.FreightCNY != w.freight || r.FulfilmentCNY != w.fulfil || r.StorageCNY != w.storage || r.TotalCNY != w.total ||
			*r.Score != w.score || r.DaysMin != w.daysMin || r.DaysMax != w.daysMax || r.Stability != w.stability {
			t.Errorf("%s: %+v score %v, want %+v", r.Name, r, *r.Score, w)
		}
	}
	if rows[0].FreightCNY >= 46 {
		t.Errorf("FBA head haul for 45 g is %.2f CNY: still a 0.5 kg first weight", rows[0].FreightCNY)
	}
	checkRanking(t, rows)
	for _, r := range rows[len(want):] {
		if r.Eligible || r.Excluded == nil || *r.Excluded == "" {
			t.Errorf("%s serves no US parcel but is %+v", r.Name, r)
		}
	}

	// A battery keeps China Post (battery_ok 0) out; it drops behind every eligible channel.
	rows = rankCLI(t, db, "--dest", "us", "--weight-kg", "0.045", "--dims", "18×9.5×1.5", "--battery")
	checkRanking(t, rows)
	for _, r := range rows {
		if strings.HasPrefix(r.Name, "China Post") && (r.Eligible || !strings.Contains(*r.Excluded, "batter")) {
			t.Errorf("China Post with a battery: %+v", r)
		}
	}
	// Cost alone: the cheapest door to door wins, FBA's fee included.
	rows = rankCLI(t, db, "--dest", "US", "--weight-kg", "0.045", "--dims", "18x9.5x1.5", "--speed-weight", "0", "--stability-weight", "0")
	if !strings.HasPrefix(rows[0].Name, "China Post") || *rows[0].Score != 100 {
		t.Errorf("cost only: first %s %v", rows[0].Name, *rows[0].Score)
	}
}

// checkRanking: every total adds up, eligible channels come first, best first.
func checkRanking(t *testing.T, rows []rankRow) {
	t.Helper()
	seenIneligible := false
	prev := math.Inf(1)
	for _, r := range rows {
		if sum := r.FreightCNY + r.FulfilmentCNY + r.StorageCNY; math.Abs(sum-r.TotalCNY) > 1e-9 {
			t.Errorf("%s: total %.2f != %.2f + %.2f + %.2f", r.Name, r.TotalCNY, r.FreightCNY, r.FulfilmentCNY, r.StorageCNY)
		}
		if !r.Eligible {
			seenIneligible = true
			continue
		}
		if seenIneligible {
			t.Errorf("%s is eligible but listed after an ineligible channel", r.Name)
		}
		if *r.Score > prev {
			t.Errorf("%s scores %v after %v: not best first", r.Name, *r.Score, prev)
		}
		prev = *r.Score
	}
}

func TestChannelsRankCommandRejectsBadUse(t *testing.T) {
	loadTranslations(t)
	db := demoDB(t)
	for _, args := range [][]string{
		{"channels"},
		{"channels", "list"},
		{"channels", "rank", "--weight-kg", "0.5", "--dims", "10x10x10"},
		{"channels", "rank", "--dest", "USA", "--weight-kg", "0.5", "--dims", "10x10x10"},
		{"channels", "rank", "--dest", "US", "--weight-kg", "heavy", "--dims", "10x10x10"},
		{"channels", "rank", "--dest", "US", "--weight-kg", "0", "--dims", "10x10x10"},
		{"channels", "rank", "--dest", "US", "--weight-kg", "0.5", "--dims", "10x10"},
		{"channels", "rank", "--dest", "US", "--weight-kg", "0.5", "--dims", "10x-1x10"},
		{"channels", "rank", "--dest", "US", "--weight-kg", "0.5", "--dims", "10x10x10", "extra"},
	} {
		var out, errOut bytes.Buffer
		if code := runCommand(db, args, &out, &errOut); code != 2 || out.Len() != 0 {
			t.Errorf("%v: exit %d, stdout %q; want 2 and nothing", args, code, out.String())
		}
	}
	var out, errOut bytes.Buffer
	if code := runCommand("", []string{"channels", "rank", "--dest", "US", "--weight-kg", "0.5", "--dims", "10x10x10"}, &out, &errOut); code != 2 {
		t.Errorf("no --db: exit %d", code)
	}
}
