package app_test

import (
	"testing"

	"github.com/shopspring/decimal"

	"github.com/seller-assistant/seller-assistant/app"
)

func rd(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// board: three markets on three criteria; competition (id 2) is inverse.
func board(w1, w2, w3 string) app.Scoreboard {
	crit := []app.Criterion{
		{ID: 1, Key: "market_size", Weight: rd(w1)},
		{ID: 2, Key: "competition", Weight: rd(w2), Inverse: true},
		{ID: 3, Name: "Our factory contacts", Weight: rd(w3)},
	}
	mk := func(id int64, code string, s1, s2, s3 int) app.CandidateMarket {
		return app.CandidateMarket{ID: id, Country: code, Cells: map[int64]app.Cell{1: {Score: s1}, 2: {Score: s2}, 3: {Score: s3}}}
	}
	return app.Scoreboard{Criteria: crit, Markets: []app.CandidateMarket{
		mk(1, "US", 5, 5, 3), // big, crowded
		mk(2, "DE", 4, 2, 4), // smaller, calmer
		mk(3, "JP", 2, 3, 2),
	}}
}

func TestEffectiveScore(t *testing.T) {
	tests := []struct {
		name    string
		inverse bool
		score   int
		want    int
	}{
		{"plain", false, 4, 4},
		{"inverse 5 becomes 1", true, 5, 1},
		{"inverse 1 becomes 5", true, 1, 5},
		{"unscored counts as neutral 3", false, 0, 3},
		{"unscored inverse is neutral too", true, 0, 3},
		{"out of range is unscored", false, 9, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := app.Effective(app.Criterion{Inverse: tt.inverse}, app.Cell{Score: tt.score}); got != tt.want {
				t.Fatalf("Effective = %d, want %d", got, tt.want)
			}
		})
	}
}

func TestRanking(t *testing.T) {
	tests := []struct {
		name       string
		b          app.Scoreboard
		order      []string
		leaderWant string // total of the leader
	}{
		// US: (0.5·5 + 0.3·1 + 0.2·3)/1 = 3.4; DE: (2 + 1.2 + 0.8) = 4.0; JP: (1 + 0.9 + 0.4) = 2.3
		{"weights summing to one", board("0.5", "0.3", "0.2"), []string{"DE", "US", "JP"}, "4"},
		// Relative weights: the same ratios ×10 give the same totals.
		{"weights are relative", board("5", "3", "2"), []string{"DE", "US", "JP"}, "4"},
		// Only market size counts: US 5, DE 4, JP 2.
		{"one criterion", board("1", "0", "0"), []string{"US", "DE", "JP"}, "5"},
		// No weight: all zero, ties ordered by country code.
		{"no weight", board("0", "0", "0"), []string{"DE", "JP", "US"}, "0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := tt.b.Ranking()
			for i, want := range tt.order {
				if r[i].Market.Country != want || r[i].Rank != i+1 {
					t.Fatalf("rank %d = %s (rank %d), want %s", i+1, r[i].Market.Country, r[i].Rank, want)
				}
			}
			if !r[0].Total.Equal(rd(tt.leaderWant)) {
				t.Fatalf("leader total = %s, want %s", r[0].Total, tt.leaderWant)
			}
		})
	}
	b := board("0.5", "0.3", "0.2")
	delete(b.Markets[2].Cells, 3)
	if r := b.Ranking(); r[2].Unscored != 1 {
		t.Fatalf("JP unscored = %d, want 1", r[2].Unscored)
	}
}

func TestSensitivity(t *testing.T) {
	// Weights 0.5/0.3/0.2: DE leads with A = 4.0, US has 3.4, JP 2.3.
	// Market size: e(US)=5, e(DE)=4 → δ = (4.0−3.4)/(5−4) = +0.6 (US draws level at 1.1).
	//   JP: e=2 < 4 → δ = (4.0−2.3)/(2−4) = −0.85, below zero weight (0.5−0.85): impossible.
	// Competition: e(US)=1, e(DE)=4, e(JP)=3 → US: 0.6/(1−4) = −0.2 → weight 0.1;
	//   JP: 1.7/(3−4) = −1.7, impossible. Smallest: −0.2 by US.
	// Factory contacts: e(US)=3, e(DE)=4 → −0.6 (0.2−0.6 < 0, impossible);
	//   JP e=2 → −0.85 impossible. No flip.
	flips := board("0.5", "0.3", "0.2").Sensitivity()
	if len(flips) != 3 {
		t.Fatalf("%d flips", len(flips))
	}
	want := []struct {
		key       string
		possible  bool
		delta     string
		overtaker string
	}{
		{"competition", true, "-0.2", "US"},
		{"market_size", true, "0.6", "US"},
		{"", false, "0", ""},
	}
	for i, w := range want {
		f := flips[i]
		if f.Criterion.Key != w.key || f.Possible != w.possible {
			t.Fatalf("flip %d: %s possible=%v, want %s %v", i, f.Criterion.Key, f.Possible, w.key, w.possible)
		}
		if f.Leader.Country != "DE" {
			t.Fatalf("leader = %s", f.Leader.Country)
		}
		if w.possible && (!f.Delta.Equal(rd(w.delta)) || f.Overtaker.Country != w.overtaker) {
			t.Fatalf("flip %s: δ %s by %s, want %s by %s", w.key, f.Delta, f.Overtaker.Country, w.delta, w.overtaker)
		}
	}
	// Check the claim: at the new weight US and DE draw level, a little beyond US leads.
	b := board("0.5", "0.1", "0.2")
	r := b.Ranking()
	if !r[0].Total.Equal(r[1].Total) {
		t.Fatalf("at the flip weight the totals should tie: %s %s", r[0].Total, r[1].Total)
	}
	if r := board("0.5", "0.09", "0.2").Ranking(); r[0].Market.Country != "US" {
		t.Fatalf("beyond the flip weight US should lead, got %s", r[0].Market.Country)
	}
	if (app.Scoreboard{}).Sensitivity() != nil {
		t.Fatal("no markets: no flips")
	}
}

func TestScoringCharts(t *testing.T) {
	l := app.English()
	b := board("0.5", "0.3", "0.2")
	rc := app.RankingChart(l, b)
	if err := rc.Validate(); err != nil || len(rc.Categories) != 3 || rc.Series[0].Values[0] != 4 {
		t.Fatalf("ranking chart: %v %+v", err, rc)
	}
	radar := app.RadarChart(l, b, 2)
	if err := radar.Validate(); err != nil || len(radar.Series) != 1 || radar.Series[0].Values[1] != 4 {
		t.Fatalf("radar for DE: %v %+v", err, radar)
	}
	if radar.Categories[2] != "Our factory contacts" || radar.Categories[0] != l.T("research.crit.market_size") {
		t.Fatalf("radar labels %v", radar.Categories)
	}
}

func TestDefaultCriteria(t *testing.T) {
	sum := decimal.Zero
	for _, c := range app.DefaultCriteria() {
		sum = sum.Add(c.Weight)
		if (c.Key == "competition" || c.Key == "compliance") != c.Inverse {
			t.Fatalf("%s inverse = %v", c.Key, c.Inverse)
		}
	}
	if !sum.Equal(decimal.NewFromInt(1)) {
		t.Fatalf("default weights sum to %s", sum)
	}
}
