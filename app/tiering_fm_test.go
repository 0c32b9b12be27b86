package app_test

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/seller-assistant/seller-assistant/app"
	"github.com/seller-assistant/seller-assistant/assets"
)

func TestFMScore(t *testing.T) {
	// floor((F + M + 1) / 2), worked by hand: the mean of F and M with
	// halves rounded up.
	tests := []struct{ f, m, want int }{
		{1, 1, 1}, {1, 2, 2}, {2, 1, 2}, {1, 3, 2}, {1, 5, 3}, {5, 1, 3},
		{2, 3, 3}, {3, 4, 4}, {4, 3, 4}, {5, 2, 4}, {2, 5, 4}, {4, 5, 5}, {5, 5, 5},
	}
	for _, tt := range tests {
		if got := app.FMScore(tt.f, tt.m); got != tt.want {
			t.Errorf("FMScore(%d, %d) = %d, want %d", tt.f, tt.m, got, tt.want)
		}
	}
}

// TestSegmentsFromRAndFM: the biggest spender with one order is no longer
// a New Customer, and the grid the heatmap draws is (R, FM).
func TestSegmentsFromRAndFM(t *testing.T) {
	d := decimal.RequireFromString
	// As of 2024-07-01. Recency 1, 11, 122, 173, 274 -> R 5..1 (N = 5, W + 1).
	// F: 1, 6, 2, 1, 3 -> W 0, 4, 2, 0, 3 -> 1, 5, 3, 1, 4.
	// M: 5000, 300, 800, 40, 1200 -> W 4, 1, 2, 0, 3 -> 5, 2, 3, 1, 4.
	// FM: (1+5+1)/2=3, (5+2+1)/2=4, (3+3+1)/2=3, (1+1+1)/2=1, (4+4+1)/2=4.
	stats := []app.CustomerStat{
		{ID: "P", Orders: 1, Monetary: d("5000"), FirstOrder: day("2024-06-30"), LastOrder: day("2024-06-30")},
		{ID: "Q", Orders: 6, Monetary: d("300"), FirstOrder: day("2023-01-05"), LastOrder: day("2024-06-20")},
		{ID: "R", Orders: 2, Monetary: d("800"), FirstOrder: day("2023-05-01"), LastOrder: day("2024-03-01")},
		{ID: "S", Orders: 1, Monetary: d("40"), FirstOrder: day("2024-01-10"), LastOrder: day("2024-01-10")},
		{ID: "T", Orders: 3, Monetary: d("1200"), FirstOrder: day("2022-11-11"), LastOrder: day("2023-10-01")},
	}
	want := map[string]struct {
		rec, r, f, m, fm int
		seg              app.Segment
		tier             app.Tier
	}{
		"P": {1, 5, 1, 5, 3, app.SegPotentialLoyalists, app.TierLoyal}, // on F alone: New Customers
		"Q": {11, 4, 5, 2, 4, app.SegLoyal, app.TierLoyal},
		"R": {122, 3, 3, 3, 3, app.SegNeedAttention, app.TierPotential},
		"S": {173, 2, 1, 1, 1, app.SegHibernating, app.TierLost},
		"T": {274, 1, 4, 4, 4, app.SegAtRisk, app.TierLost},
	}
	tr := app.ScoreCustomers(stats, day("2024-07-01"))
	if len(tr.Scored) != 5 {
		t.Fatalf("scored %d", len(tr.Scored))
	}
	for _, c := range tr.Scored {
		w := want[c.ID]
		if c.RecencyDays != w.rec || c.R != w.r || c.F != w.f || c.M != w.m || c.FM != w.fm || c.Segment != w.seg || c.Tier != w.tier {
			t.Errorf("%s: rec %d R%d F%d M%d FM%d %s %s, want %+v", c.ID, c.RecencyDays, c.R, c.F, c.M, c.FM, c.Segment, c.Tier, w)
		}
	}
	g := tr.SegmentGrid()
	for id, cell := range map[string][2]int{"P": {5, 3}, "Q": {4, 4}, "R": {3, 3}, "S": {2, 1}, "T": {1, 4}} {
		if g[cell[0]-1][cell[1]-1] != 1 {
			t.Errorf("grid cell R%d FM%d (customer %s) = %d, want 1", cell[0], cell[1], id, g[cell[0]-1][cell[1]-1])
		}
	}
	// The heatmap is R x FM with the FM axis named.
	l := app.English()
	ch := app.SegmentGridChart(l, tr)
	if ch.Categories[0] != "FM1" || ch.Categories[4] != "FM5" || !strings.Contains(ch.XLabel, "FM") {
		t.Errorf("heatmap axis %q %v", ch.XLabel, ch.Categories)
	}
	// Row 0 is R5: P sits in FM3.
	if ch.Matrix[0][2] != 1 || ch.Matrix[4][3] != 1 {
		t.Errorf("heatmap matrix %v", ch.Matrix)
	}
	// The CSV carries fm_score right after m_score.
	var b strings.Builder
	if err := app.WriteTiersCSV(&b, tr.Scored[:1]); err != nil {
		t.Fatal(err)
	}
	if got := strings.Split(b.String(), "\n")[1]; got != "P,,1,1,5000.00,5,1,5,3,Potential Loyalists,loyal" {
		t.Errorf("CSV row %q", got)
	}
}

// TestGuideWorkedTiersExample recomputes the worked example of the
// customers guide, in each language, from its own inputs: a guide whose
// numbers drift from the code fails here.
func TestGuideWorkedTiersExample(t *testing.T) {
	for _, lang := range app.Langs {
		t.Run(string(lang), func(t *testing.T) {
			md, err := assets.Guide(lang, "customers")
			if err != nil {
				t.Fatal(err)
			}
			const asOf = "2024-07-01"
			if !strings.Contains(md, asOf) {
				t.Fatalf("the guide's example is not as of %s", asOf)
			}
			type row struct {
				id                  string
				rec, r, f, m, fm    int
				seg                 string
				monetary, lastOrder string
				orders              int
			}
			var rows []row
			for _, line := range strings.Split(md, "\n") {
				fs := strings.Fields(line)
				if len(fs) < 10 || len(fs[0]) != 1 || fs[0] < "P" || fs[0] > "T" {
					continue
				}
				if _, err := strconv.Atoi(fs[1]); err != nil {
					continue // prose about a customer, not a row of the example
				}
				n := func(i int) int {
					v, err := strconv.Atoi(fs[i])
					if err != nil {
						t.Fatalf("line %q: field %d: %v", line, i, err)
					}
					return v
				}
				rows = append(rows, row{id: fs[0], orders: n(1), monetary: fs[2], lastOrder: fs[3], rec: n(4),
					r: n(5), f: n(6), m: n(7), fm: n(8), seg: strings.Join(fs[9:], " ")})
			}
			if len(rows) != 5 {
				t.Fatalf("found %d example rows, want 5", len(rows))
			}
			stats := make([]app.CustomerStat, len(rows))
			for i, r := range rows {
				last, err := time.Parse(time.DateOnly, r.lastOrder)
				if err != nil {
					t.Fatal(err)
				}
				stats[i] = app.CustomerStat{ID: r.id, Orders: r.orders, Monetary: decimal.RequireFromString(r.monetary),
					FirstOrder: last, LastOrder: last}
			}
			l := app.NewLocalizer(lang)
			tr := app.ScoreCustomers(stats, day(asOf))
			for i, c := range tr.Scored {
				w := rows[i]
				if c.RecencyDays != w.rec || c.R != w.r || c.F != w.f || c.M != w.m || c.FM != w.fm || app.SegmentName(l, c.Segment) != w.seg {
					t.Errorf("%s: computed rec %d R%d F%d M%d FM%d %s; the guide says %+v",
						c.ID, c.RecencyDays, c.R, c.F, c.M, c.FM, app.SegmentName(l, c.Segment), w)
				}
			}
		})
	}
}

// TestRepeatRate: the guide's example, by hand: Q (6 orders), R (2) and T
// (3) ordered more than once, P and S once: 3 of 5, 60.0 %.
func TestRepeatRate(t *testing.T) {
	d := decimal.RequireFromString
	var stats []app.CustomerStat
	for id, orders := range map[string]int{"P": 1, "Q": 6, "R": 2, "S": 1, "T": 3} {
		stats = append(stats, app.CustomerStat{ID: id, Orders: orders, Monetary: d("10"), FirstOrder: day("2024-01-01"), LastOrder: day("2024-06-01")})
	}
	stats = append(stats, app.CustomerStat{ID: "U", Orders: 0, Monetary: d("-5")}) // only cancellations: not scored, not counted
	tr := app.ScoreCustomers(stats, day("2024-07-01"))
	if r, n := tr.RepeatRate(); r != 3 || n != 5 {
		t.Fatalf("repeat %d of %d, want 3 of 5", r, n)
	}
	if got := tr.RepeatRateText(app.English()); got != "Repeat-purchase rate 60.0 %: 3 of 5 scored customers ordered more than once." {
		t.Errorf("%q", got)
	}
	if got := tr.RepeatRateText(app.NewLocalizer(app.LangChinese)); !strings.HasPrefix(got, "复购率 60.0%") {
		t.Errorf("%q", got)
	}
	if r, n := app.ScoreCustomers(nil, time.Time{}).RepeatRate(); r != 0 || n != 0 {
		t.Errorf("no customers: %d of %d", r, n)
	}
}
