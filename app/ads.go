package app

import (
	"context"
	"encoding/csv"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/shopspring/decimal"
)

// Advertising and traffic (issue 16): Amazon Sponsored Products search-term
// and campaign reports, and the Business Report. The rules for the search
// term table, as the guide states them (the `ads terms` CSV is this
// contract):
//
//   - One row per (campaign, ad group, targeting, search term), summed over
//     the chosen period.
//   - ctr = clicks ÷ impressions; cpc = spend ÷ clicks; cvr = orders ÷
//     clicks; acos = spend ÷ sales; roas = sales ÷ spend. Fractions, empty
//     where the denominator is 0, always recomputed from the counts (the
//     report's own ratio columns are rounded and never read).
//   - action, the first rule that applies: negate (orders = 0, clicks ≥
//     negate-clicks); harvest (orders ≥ harvest-orders, acos ≤ target, not
//     EXACT, and the term is not already an EXACT targeting anywhere in the
//     imported data, case-insensitive); lower_bid (orders ≥ 1, acos > 1.2 ×
//     target); raise_bid (orders ≥ 1, acos < 0.8 × target); keep.
//   - suggested_bid = round(cpc × target ÷ acos, 2) when orders ≥ 1 (the
//     bid that would have brought this term to the target ACoS); empty
//     otherwise and where acos is empty or 0.

// Term actions, in the order the rules try them after negate.
const (
	ActionNegate   = "negate"
	ActionHarvest  = "harvest"
	ActionLowerBid = "lower_bid"
	ActionRaiseBid = "raise_bid"
	ActionKeep     = "keep"
)

// TermActions lists the actions in rule order (for filters and legends).
var TermActions = []string{ActionNegate, ActionHarvest, ActionLowerBid, ActionRaiseBid, ActionKeep}

// MatchExact is the match type a harvested term is added as.
const MatchExact = "EXACT"

// AdsRules are the thresholds of the search-term rules; set per campaign in
// the app and remembered, overridden for every campaign by the CLI flags.
type AdsRules struct {
	TargetACoS    decimal.Decimal // a fraction: 0.30 is 30 %
	NegateClicks  int64
	HarvestOrders int64
}

// DefaultAdsRules are the defaults: 30 % target ACoS, negate after
// 10 clicks without an order, harvest after 2 orders.
func DefaultAdsRules() AdsRules {
	return AdsRules{TargetACoS: decimal.RequireFromString("0.30"), NegateClicks: 10, HarvestOrders: 2}
}

// Validate refuses a target ACoS that is not above 0 and thresholds below 1.
func (r AdsRules) Validate() error {
	if !r.TargetACoS.IsPositive() {
		return Errorf(EInvalid, "ads.err.target_acos", r.TargetACoS.String())
	}
	if r.NegateClicks < 1 {
		return Errorf(EInvalid, "ads.err.negate_clicks", r.NegateClicks)
	}
	if r.HarvestOrders < 1 {
		return Errorf(EInvalid, "ads.err.harvest_orders", r.HarvestOrders)
	}
	return nil
}

// CampaignAdsRules are the rules saved for one campaign.
type CampaignAdsRules struct {
	Campaign string
	AdsRules
	SKU string // the product the campaign advertises ("" when not set), for TACoS and break-even ACoS
}

// TermTotals are the counts of one (campaign, ad group, targeting, search
// term) over a period. Money is in minor units (cents).
type TermTotals struct {
	Campaign, AdGroup, Targeting string
	// MatchType is EXACT, PHRASE, BROAD or "-" (automatic targeting); when
	// one targeting text was bought under several match types in the same ad
	// group, their names joined by "|" in alphabetical order.
	MatchType   string
	SearchTerm  string
	Impressions int64
	Clicks      int64
	SpendCents  int64
	SalesCents  int64
	Orders      int64
	Units       int64
}

// TermRow is a TermTotals with its ratios, action and suggested bid. A
// ratio is Valid only where its denominator is not 0.
type TermRow struct {
	TermTotals
	CTR, CPC, CVR, ACoS, ROAS decimal.NullDecimal
	Action                    string
	SuggestedBid              decimal.NullDecimal // in the currency, 2 places
}

// ExactTargets is the set of EXACT targeting texts in the imported data, in
// lower case: a term already bought as EXACT is not harvested again.
type ExactTargets map[string]struct{}

// NewExactTargets builds the set from the EXACT targeting texts.
func NewExactTargets(targetings []string) ExactTargets {
	s := make(ExactTargets, len(targetings))
	for _, t := range targetings {
		s[foldTerm(t)] = struct{}{}
	}
	return s
}

// Has says whether term is an EXACT targeting, ignoring case and the spaces
// around it.
func (s ExactTargets) Has(term string) bool {
	_, ok := s[foldTerm(term)]
	return ok
}

func foldTerm(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

var (
	dec0_8 = decimal.RequireFromString("0.8")
	dec1_2 = decimal.RequireFromString("1.2")
	dec100 = decimal.NewFromInt(100)
)

// cents is a minor-unit amount as a decimal of the currency.
func cents(c int64) decimal.Decimal { return decimal.New(c, -2) }

// ratio is num ÷ den, or not valid when den is 0.
func ratio(num, den decimal.Decimal) decimal.NullDecimal {
	if den.IsZero() {
		return decimal.NullDecimal{}
	}
	return decimal.NullDecimal{Decimal: num.DivRound(den, 12), Valid: true}
}

// EvaluateTerm computes one row's ratios, action and suggested bid.
// Comparisons with the target are made on exact products (spend against
// target × sales), so a term exactly at a threshold is never pushed over it
// by a rounded division.
func EvaluateTerm(t TermTotals, r AdsRules, exact ExactTargets) TermRow {
	row := TermRow{TermTotals: t}
	imp, clicks, orders := decimal.NewFromInt(t.Impressions), decimal.NewFromInt(t.Clicks), decimal.NewFromInt(t.Orders)
	spend, sales := cents(t.SpendCents), cents(t.SalesCents)
	row.CTR = ratio(clicks, imp)
	row.CPC = ratio(spend, clicks)
	row.CVR = ratio(orders, clicks)
	row.ACoS = ratio(spend, sales)
	row.ROAS = ratio(sales, spend)

	target := r.TargetACoS
	hasACoS := t.SalesCents != 0
	// acos ≤ x  ⇔  spend ≤ x × sales, for sales > 0.
	acosAtMost := func(x decimal.Decimal) bool { return hasACoS && spend.LessThanOrEqual(x.Mul(sales)) }
	acosAbove := func(x decimal.Decimal) bool { return hasACoS && spend.GreaterThan(x.Mul(sales)) }
	acosBelow := func(x decimal.Decimal) bool { return hasACoS && spend.LessThan(x.Mul(sales)) }
	switch {
	case t.Orders == 0 && t.Clicks >= r.NegateClicks:
		row.Action = ActionNegate
	case t.Orders >= r.HarvestOrders && acosAtMost(target) && !isExactMatch(t.MatchType) && !exact.Has(t.SearchTerm):
		row.Action = ActionHarvest
	case t.Orders >= 1 && acosAbove(dec1_2.Mul(target)):
		row.Action = ActionLowerBid
	case t.Orders >= 1 && acosBelow(dec0_8.Mul(target)):
		row.Action = ActionRaiseBid
	default:
		row.Action = ActionKeep
	}
	// cpc × target ÷ acos = (spend ÷ clicks) × target × (sales ÷ spend)
	// = target × sales ÷ clicks: computed in one division, so the only
	// rounding is the final one to cents.
	if t.Orders >= 1 && t.Clicks > 0 && t.SpendCents != 0 && t.SalesCents != 0 {
		bid := target.Mul(sales).Div(clicks).Round(2)
		row.SuggestedBid = decimal.NullDecimal{Decimal: bid, Valid: true}
	}
	return row
}

func isExactMatch(mt string) bool { return strings.EqualFold(strings.TrimSpace(mt), MatchExact) }

// EvaluateTerms evaluates every row with its campaign's rules.
func EvaluateTerms(terms []TermTotals, rules func(campaign string) AdsRules, exact ExactTargets) []TermRow {
	out := make([]TermRow, len(terms))
	var last string
	var lr AdsRules
	for i, t := range terms {
		if i == 0 || t.Campaign != last {
			last, lr = t.Campaign, rules(t.Campaign)
		}
		out[i] = EvaluateTerm(t, lr, exact)
	}
	return out
}

// TermsHeader is the header of the `ads terms` CSV.
var TermsHeader = []string{"campaign", "ad_group", "targeting", "match_type", "search_term", "impressions", "clicks",
	"spend", "sales", "orders", "units", "ctr", "cpc", "cvr", "acos", "roas", "action", "suggested_bid"}

// RatioPlaces is how many decimal places the CSV gives a ratio: enough that
// a recomputation from the written spend and counts agrees to 1e-6.
const RatioPlaces = 6

// FormatRatio writes a ratio with RatioPlaces places and no trailing zeros;
// "" when it is not valid.
func FormatRatio(d decimal.NullDecimal) string {
	if !d.Valid {
		return ""
	}
	return d.Decimal.Round(RatioPlaces).String()
}

// FormatCents writes minor units with two places: 1234 → "12.34".
func FormatCents(c int64) string { return cents(c).StringFixed(2) }

// WriteTermsCSV writes the `ads terms` CSV. Names that a spreadsheet would
// run as a formula get a leading apostrophe (EscapeCell).
func WriteTermsCSV(w io.Writer, rows []TermRow) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(TermsHeader); err != nil {
		return err
	}
	rec := make([]string, len(TermsHeader))
	for _, r := range rows {
		bid := ""
		if r.SuggestedBid.Valid {
			bid = r.SuggestedBid.Decimal.StringFixed(2)
		}
		// The match type is one of a fixed set ("-" for automatic
		// targeting, as Amazon writes it) and is left as it is.
		rec = append(rec[:0], EscapeCell(r.Campaign), EscapeCell(r.AdGroup), EscapeCell(r.Targeting), r.MatchType,
			EscapeCell(r.SearchTerm), strconv.FormatInt(r.Impressions, 10), strconv.FormatInt(r.Clicks, 10),
			FormatCents(r.SpendCents), FormatCents(r.SalesCents), strconv.FormatInt(r.Orders, 10),
			strconv.FormatInt(r.Units, 10), FormatRatio(r.CTR), FormatRatio(r.CPC), FormatRatio(r.CVR),
			FormatRatio(r.ACoS), FormatRatio(r.ROAS), r.Action, bid)
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// AdsFilter chooses the period of the summed rows: report periods that lie
// wholly inside [From, To], both days included. Zero fields do not filter.
type AdsFilter struct {
	From, To time.Time // days, UTC
	Campaign string    // "" for every campaign
}

// MergeMatchTypes sorts sums per (campaign, ad group, targeting, match
// type, search term) by campaign, ad group, targeting, search term and match
// type — byte order, stable from run to run — and merges those that differ
// only by match type into one row, as the CSV has one row per (campaign,
// ad group, targeting, search term); the match types are joined with "|".
func MergeMatchTypes(ts []TermTotals) []TermTotals {
	slices.SortFunc(ts, func(a, b TermTotals) int {
		for _, c := range [...][2]string{{a.Campaign, b.Campaign}, {a.AdGroup, b.AdGroup}, {a.Targeting, b.Targeting},
			{a.SearchTerm, b.SearchTerm}, {a.MatchType, b.MatchType}} {
			if n := strings.Compare(c[0], c[1]); n != 0 {
				return n
			}
		}
		return 0
	})
	out := ts[:0]
	for _, t := range ts {
		if n := len(out); n > 0 {
			p := &out[n-1]
			if p.Campaign == t.Campaign && p.AdGroup == t.AdGroup && p.Targeting == t.Targeting && p.SearchTerm == t.SearchTerm {
				p.MatchType += "|" + t.MatchType
				p.Impressions += t.Impressions
				p.Clicks += t.Clicks
				p.SpendCents += t.SpendCents
				p.SalesCents += t.SalesCents
				p.Orders += t.Orders
				p.Units += t.Units
				continue
			}
		}
		out = append(out, t)
	}
	return out
}

// AdsStore is what the advertising module needs from a workspace.
type AdsStore interface {
	// ImportAdsReport reads a search-term, campaign or Business Report file
	// (detected by its header) in one transaction; rows with the key of an
	// earlier import replace it. A bad row refuses the whole file with its
	// line and field named.
	ImportAdsReport(ctx context.Context, opts AdsImportOptions) (AdsImportResult, error)
	// SearchTerms sums the search-term rows of the period per (campaign, ad
	// group, targeting, search term), merged and sorted as MergeMatchTypes.
	SearchTerms(ctx context.Context, f AdsFilter) ([]TermTotals, error)
	// ExactTargets are the EXACT targeting texts anywhere in the imported
	// search-term rows, whatever the period.
	ExactTargets(ctx context.Context) (ExactTargets, error)
	// AdsRules are the saved rules per campaign; campaigns without are not
	// listed.
	AdsRules(ctx context.Context) ([]CampaignAdsRules, error)
	SaveAdsRules(ctx context.Context, r CampaignAdsRules) error
	AdsReadStore
}

// RulesLookup gives each campaign its saved rules or def, then applies the
// overrides (nil fields keep the campaign's own value): the CLI's flags.
func RulesLookup(saved []CampaignAdsRules, def AdsRules, override AdsRulesOverride) func(string) AdsRules {
	m := make(map[string]AdsRules, len(saved))
	for _, s := range saved {
		m[s.Campaign] = s.AdsRules
	}
	return func(campaign string) AdsRules {
		r, ok := m[campaign]
		if !ok {
			r = def
		}
		if override.TargetACoS != nil {
			r.TargetACoS = *override.TargetACoS
		}
		if override.NegateClicks != nil {
			r.NegateClicks = *override.NegateClicks
		}
		if override.HarvestOrders != nil {
			r.HarvestOrders = *override.HarvestOrders
		}
		return r
	}
}

// AdsRulesOverride sets rule fields for every campaign; nil leaves each
// campaign's own.
type AdsRulesOverride struct {
	TargetACoS    *decimal.Decimal
	NegateClicks  *int64
	HarvestOrders *int64
}
