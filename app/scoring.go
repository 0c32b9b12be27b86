package app

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/shopspring/decimal"
)

// Built-in criteria of target-market scoring. Competition and compliance
// burden are "inverse": a high score means more of something bad, so the
// total uses 6 − score for them (5 becomes 1, 1 becomes 5).
var ScoringCriteria = []struct {
	Key     string
	Inverse bool
}{
	{"market_size", false},
	{"growth", false},
	{"competition", true},
	{"resource_fit", false},
	{"advantage", false},
	{"logistics", false},
	{"compliance", true},
}

// Criterion is one column of the scoring matrix. Built-in criteria have a
// Key (their name is the translation "research.crit.<Key>"); the user's own
// have a Name.
type Criterion struct {
	ID      int64
	Key     string
	Name    string
	Weight  decimal.Decimal // relative; the total divides by the sum of weights
	Inverse bool            // a high score is bad (competition, compliance burden)
}

// Label is the criterion's name in l's language.
func (c Criterion) Label(l *Localizer) string {
	if c.Key != "" {
		return l.T("research.crit." + c.Key)
	}
	return c.Name
}

// Segmentation describes a market's customers by the four classic bases.
type Segmentation struct {
	Geographic, Demographic, Psychographic, Behavioural string
}

// CandidateMarket is one row of the scoring matrix with its segmentation
// notes and positioning statement.
type CandidateMarket struct {
	ID          int64
	Country     string // ISO code
	Segments    Segmentation
	Positioning string
	Cells       map[int64]Cell // by criterion ID
}

// Cell is one market's score on one criterion: 1..5, 0 when not scored.
type Cell struct {
	Score int
	Note  string
}

// Scoreboard is the whole scoring matrix.
type Scoreboard struct {
	Criteria []Criterion
	Markets  []CandidateMarket
}

// ScoringStore keeps the scoring matrix.
type ScoringStore interface {
	Scoreboard(ctx context.Context) (Scoreboard, error)
	// SaveCriterion inserts (ID 0) or updates a criterion; c.ID is set.
	SaveCriterion(ctx context.Context, c *Criterion) error
	DeleteCriterion(ctx context.Context, id int64) error
	// SaveCandidate inserts (ID 0) or updates a market's country,
	// segmentation and positioning; m.ID is set. Cells are saved by SetCell.
	SaveCandidate(ctx context.Context, m *CandidateMarket) error
	DeleteCandidate(ctx context.Context, id int64) error
	// SetCell stores a score (1..5, or 0 to clear it) and its note.
	SetCell(ctx context.Context, marketID, criterionID int64, c Cell) error
}

// neutral is what an unscored cell counts as: the middle of the scale, so a
// gap neither rewards nor punishes a market. The screen marks such cells.
const neutral = 3

// Effective is the score as it counts towards the total: 6 − score for an
// inverse criterion, the neutral 3 for an unscored cell.
func Effective(c Criterion, cell Cell) int {
	s := cell.Score
	if s < 1 || s > 5 {
		return neutral
	}
	if c.Inverse {
		return 6 - s
	}
	return s
}

// MarketScore is one market's weighted total and rank (1 = best).
type MarketScore struct {
	Market   CandidateMarket
	Total    decimal.Decimal // Σ weight × effective score ÷ Σ weight, 1..5
	Rank     int
	Unscored int // cells left empty, counted as 3
}

// Ranking computes each market's weighted total
//
//	total = Σ wᵢ·eᵢ / Σ wᵢ
//
// where eᵢ is the effective score (see Effective) and wᵢ ≥ 0 the weight, and
// sorts the markets best first (ties by country code, so the order is
// stable). With no positive weight every total is zero.
func (b Scoreboard) Ranking() []MarketScore {
	out := make([]MarketScore, 0, len(b.Markets))
	sumW := decimal.Zero
	for _, c := range b.Criteria {
		sumW = sumW.Add(c.Weight)
	}
	for _, m := range b.Markets {
		ms := MarketScore{Market: m, Total: decimal.Zero}
		acc := decimal.Zero
		for _, c := range b.Criteria {
			cell := m.Cells[c.ID]
			if cell.Score < 1 || cell.Score > 5 {
				ms.Unscored++
			}
			acc = acc.Add(c.Weight.Mul(decimal.NewFromInt(int64(Effective(c, cell)))))
		}
		if sumW.IsPositive() {
			ms.Total = acc.Div(sumW)
		}
		out = append(out, ms)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if c := out[i].Total.Cmp(out[j].Total); c != 0 {
			return c > 0
		}
		return out[i].Market.Country < out[j].Market.Country
	})
	for i := range out {
		out[i].Rank = i + 1
	}
	return out
}

// Flip is what it takes to change the leader through one criterion's weight.
type Flip struct {
	Criterion Criterion
	Possible  bool            // false: no weight ≥ 0 for this criterion changes the leader
	Delta     decimal.Decimal // the change of the weight at which the challenger draws level
	NewWeight decimal.Decimal // Weight + Delta
	Leader    CandidateMarket // who leads now
	Overtaker CandidateMarket // who draws level at NewWeight and leads beyond it
}

// Sensitivity finds, for each criterion alone, the smallest change of its
// weight that changes first place. With weight wₖ changed by δ, market j's
// total is (Aⱼ + δ·eₖⱼ) / (W + δ), where Aⱼ = Σ wᵢ·eᵢⱼ and W = Σ wᵢ. The
// denominator is shared, so the leader L and a challenger j draw level when
//
//	δ = (A_L − Aⱼ) / (eₖⱼ − eₖ_L)
//
// A challenger that scores higher on k overtakes as the weight rises, one
// that scores lower as it falls; the weight may not go below zero. The flip
// with the smallest |δ| over all challengers is reported, sorted by |δ| so
// the most fragile weight comes first.
func (b Scoreboard) Sensitivity() []Flip {
	rank := b.Ranking()
	if len(rank) < 2 {
		return nil
	}
	leader := rank[0].Market
	a := map[int64]decimal.Decimal{}
	for _, m := range b.Markets {
		acc := decimal.Zero
		for _, c := range b.Criteria {
			acc = acc.Add(c.Weight.Mul(decimal.NewFromInt(int64(Effective(c, m.Cells[c.ID])))))
		}
		a[m.ID] = acc
	}
	var flips []Flip
	for _, c := range b.Criteria {
		f := Flip{Criterion: c, Leader: leader}
		eL := Effective(c, leader.Cells[c.ID])
		for _, r := range rank[1:] {
			j := r.Market
			ej := Effective(c, j.Cells[c.ID])
			if ej == eL {
				continue // this weight moves both totals alike
			}
			d := a[leader.ID].Sub(a[j.ID]).Div(decimal.NewFromInt(int64(ej - eL)))
			if c.Weight.Add(d).IsNegative() {
				continue
			}
			if !f.Possible || d.Abs().LessThan(f.Delta.Abs()) {
				f.Possible, f.Delta, f.Overtaker = true, d, j
			}
		}
		if f.Possible {
			f.Delta = f.Delta.Round(4)
			f.NewWeight = c.Weight.Add(f.Delta)
		}
		flips = append(flips, f)
	}
	sort.SliceStable(flips, func(i, j int) bool {
		if flips[i].Possible != flips[j].Possible {
			return flips[i].Possible
		}
		return flips[i].Delta.Abs().LessThan(flips[j].Delta.Abs())
	})
	return flips
}

// DefaultCriteria are the built-in criteria with their starting weights
// (they sum to 1, so each reads as a share).
func DefaultCriteria() []Criterion {
	w := map[string]string{"market_size": "0.20", "growth": "0.15", "competition": "0.15", "resource_fit": "0.15",
		"advantage": "0.15", "logistics": "0.10", "compliance": "0.10"}
	var out []Criterion
	for _, c := range ScoringCriteria {
		out = append(out, Criterion{Key: c.Key, Weight: decimal.RequireFromString(w[c.Key]), Inverse: c.Inverse})
	}
	return out
}

// Validate checks a criterion before it is stored.
func (c *Criterion) Validate() error {
	c.Name = strings.TrimSpace(c.Name)
	if c.Key == "" && c.Name == "" {
		return Errorf(EInvalid, "research.err_criterion_name")
	}
	if c.Weight.IsNegative() {
		return Errorf(EInvalid, "research.err_weight", c.Weight.String())
	}
	return nil
}

// ValidateCell checks a score typed by the person: 1..5, or empty to clear.
func ValidateCell(score int) error {
	if score < 0 || score > 5 {
		return Errorf(EInvalid, "research.err_score", fmt.Sprint(score))
	}
	return nil
}

// RankingChart draws the weighted totals as bars, best first.
func RankingChart(l *Localizer, b Scoreboard) Chart {
	c := Chart{ID: "market_ranking", Title: l.T("research.chart_ranking"), Kind: ChartBar,
		YLabel: l.T("research.total"), Note: l.T("research.chart_ranking_note")}
	s := Series{Name: l.T("research.total")}
	for _, r := range b.Ranking() {
		c.Categories = append(c.Categories, CountryName(l, r.Market.Country))
		s.Values = append(s.Values, r.Total.Round(2).InexactFloat64())
	}
	if len(s.Values) > 0 {
		c.Series = []Series{s}
	}
	return c
}

// RadarChart shows each market's effective scores on every criterion (one
// series per market, or only the markets named in only).
func RadarChart(l *Localizer, b Scoreboard, only ...int64) Chart {
	c := Chart{ID: "market_radar", Title: l.T("research.chart_radar"), Kind: ChartRadar, RadarMax: 5,
		Note: l.T("research.chart_radar_note")}
	for _, cr := range b.Criteria {
		c.Categories = append(c.Categories, cr.Label(l))
	}
	if len(c.Categories) < 3 {
		return Chart{ID: c.ID, Title: c.Title, Kind: ChartRadar}
	}
	for _, m := range b.Markets {
		if len(only) > 0 && !containsID(only, m.ID) {
			continue
		}
		s := Series{Name: CountryName(l, m.Country)}
		for _, cr := range b.Criteria {
			s.Values = append(s.Values, float64(Effective(cr, m.Cells[cr.ID])))
		}
		c.Series = append(c.Series, s)
	}
	return c
}

func containsID(ids []int64, id int64) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}
