package app

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"time"
)

// Feedback is the summary of CSAT and NPS answers.
type Feedback struct {
	CSATAnswers, Satisfied          int     // answers 1..5; of them 4 or 5
	CSAT                            float64 // % satisfied
	NPSAnswers                      int
	Promoters, Passives, Detractors int
	NPS                             float64 // % promoters - % detractors
}

// FeedbackOf computes CSAT (% of answers that are 4 or 5) and NPS (% of
// 9-10 minus % of 0-6) over the cases that have answers.
func FeedbackOf(cases []Case) Feedback {
	var f Feedback
	for _, c := range cases {
		if c.CSAT >= 1 && c.CSAT <= 5 {
			f.CSATAnswers++
			if c.CSAT >= 4 {
				f.Satisfied++
			}
		}
		if c.HasNPS {
			f.NPSAnswers++
			switch {
			case c.NPS >= 9:
				f.Promoters++
			case c.NPS >= 7:
				f.Passives++
			default:
				f.Detractors++
			}
		}
	}
	if f.CSATAnswers > 0 {
		f.CSAT = 100 * float64(f.Satisfied) / float64(f.CSATAnswers)
	}
	if f.NPSAnswers > 0 {
		f.NPS = 100 * float64(f.Promoters-f.Detractors) / float64(f.NPSAnswers)
	}
	return f
}

// CareKPIs is the service figures of a set of cases.
type CareKPIs struct {
	Cases, Open, Late, Answered, WithinTarget int
	OpenLate                                  int           // open cases past their deadline: the ones still to act on
	MedianFirstResponse, MedianResolution     time.Duration // business time
	Feedback                                  Feedback
}

// KPIsOf sums cases up as of now.
func KPIsOf(cases []Case, bh BusinessHours, t Targets, now time.Time) CareKPIs {
	k := CareKPIs{Cases: len(cases), Feedback: FeedbackOf(cases)}
	var fr, res []time.Duration
	for _, c := range cases {
		if c.Open() {
			k.Open++
		}
		if c.Late(bh, t.For(c.Platform), now) {
			k.Late++
			if c.Open() {
				k.OpenLate++
			}
		}
		if d, ok := c.FirstResponseHours(bh); ok {
			k.Answered++
			fr = append(fr, d)
			if w, _ := c.WithinTarget(bh, t.For(c.Platform), now); w {
				k.WithinTarget++
			}
		}
		if d, ok := c.ResolutionHours(bh); ok {
			res = append(res, d)
		}
	}
	k.MedianFirstResponse, k.MedianResolution = median(fr), median(res)
	return k
}

// medianHoursOrGap is the median in hours, to a tenth, or Gap for none.
func medianHoursOrGap(ds []time.Duration) float64 {
	if len(ds) == 0 {
		return Gap
	}
	return round1(median(ds).Hours())
}

func median(ds []time.Duration) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	ds = slices.Clone(ds)
	slices.Sort(ds)
	n := len(ds)
	if n%2 == 1 {
		return ds[n/2]
	}
	return (ds[n/2-1] + ds[n/2]) / 2
}

func round1(v float64) float64 { return math.Round(v*10) / 10 }

// CasesByTypeChart: how many cases of each type.
func CasesByTypeChart(l *Localizer, cases []Case) Chart {
	vals := make([]float64, len(CaseTypes))
	anyData := false
	for _, c := range cases {
		if i := slices.Index(CaseTypes, c.Type); i >= 0 {
			vals[i]++
			anyData = true
		}
	}
	ch := Chart{ID: "care-by-type", Title: l.T("care.chart_by_type"), Kind: ChartBar, YLabel: l.T("care.chart_cases"), Counts: true}
	if anyData {
		ch.Categories = translateAll(l, "care.type.", CaseTypes)
		ch.Series = []Series{{Name: l.T("care.chart_cases"), Values: vals}}
	}
	return ch
}

// CasesByReasonChart: cases by reason, complaints and disputes apart from
// the rest.
func CasesByReasonChart(l *Localizer, cases []Case) Chart {
	comp := make([]float64, len(CaseReasons))
	other := make([]float64, len(CaseReasons))
	anyData := false
	for _, c := range cases {
		r := c.Reason
		if r == "" {
			r = c.FeedbackReason
		}
		i := slices.Index(CaseReasons, r)
		if i < 0 {
			continue
		}
		anyData = true
		if c.IsComplaint() {
			comp[i]++
		} else {
			other[i]++
		}
	}
	ch := Chart{ID: "care-by-reason", Title: l.T("care.chart_by_reason"), Kind: ChartStackedBar, YLabel: l.T("care.chart_cases"), Counts: true}
	if anyData {
		ch.Categories = translateAll(l, "care.reason.", CaseReasons)
		ch.Series = []Series{{Name: l.T("care.chart_complaints"), Values: comp}, {Name: l.T("care.chart_other_cases"), Values: other}}
	}
	return ch
}

// responseBuckets are the business-hour bands of the distribution chart.
var responseBuckets = []float64{1, 4, 8, 24, 48}

// ResponseDistributionChart: how many cases were answered and resolved
// within each band of business hours.
func ResponseDistributionChart(l *Localizer, cases []Case, bh BusinessHours) Chart {
	cats := []string{"<1", "1-4", "4-8", "8-24", "24-48", ">48"}
	fr := make([]float64, len(cats))
	res := make([]float64, len(cats))
	bucket := func(d time.Duration) int {
		h := d.Hours()
		for i, b := range responseBuckets {
			if h < b {
				return i
			}
		}
		return len(responseBuckets)
	}
	anyData := false
	for _, c := range cases {
		if d, ok := c.FirstResponseHours(bh); ok {
			fr[bucket(d)]++
			anyData = true
		}
		if d, ok := c.ResolutionHours(bh); ok {
			res[bucket(d)]++
		}
	}
	ch := Chart{ID: "care-time-distribution", Title: l.T("care.chart_distribution"), Kind: ChartLine,
		XLabel: l.T("care.chart_business_hours"), YLabel: l.T("care.chart_cases"), Counts: true, Note: l.T("care.chart_hours_note")}
	if anyData {
		ch.Categories = cats
		ch.Series = []Series{{Name: l.T("care.first_response"), Values: fr}, {Name: l.T("care.resolution"), Values: res}}
	}
	return ch
}

// weekOf is the Monday (UTC) of t's week.
func weekOf(t time.Time) time.Time {
	d := Day(t)
	return d.AddDate(0, 0, -((int(d.Weekday()) + 6) % 7))
}

// weeks lists the Mondays from the first to the last case, with no gaps.
func weeks(cases []Case) []time.Time {
	var lo, hi time.Time
	for _, c := range cases {
		w := weekOf(c.Opened)
		if lo.IsZero() || w.Before(lo) {
			lo = w
		}
		if w.After(hi) {
			hi = w
		}
	}
	var out []time.Time
	for w := lo; !lo.IsZero() && !w.After(hi); w = w.AddDate(0, 0, 7) {
		out = append(out, w)
	}
	return out
}

// ResponseTrendChart: median first-response and resolution business hours
// of the cases opened each week.
func ResponseTrendChart(l *Localizer, cases []Case, bh BusinessHours) Chart {
	ch := Chart{ID: "care-time-trend", Title: l.T("care.chart_trend"), Kind: ChartLine, YLabel: l.T("care.chart_business_hours"),
		Unit: "h", Note: l.T("care.chart_trend_note")}
	ws := weeks(cases)
	if len(ws) == 0 {
		return ch
	}
	fr := make([][]time.Duration, len(ws))
	res := make([][]time.Duration, len(ws))
	for _, c := range cases {
		i := slices.IndexFunc(ws, func(w time.Time) bool { return w.Equal(weekOf(c.Opened)) })
		if d, ok := c.FirstResponseHours(bh); ok {
			fr[i] = append(fr[i], d)
		}
		if d, ok := c.ResolutionHours(bh); ok {
			res[i] = append(res[i], d)
		}
	}
	// A week with no answered case is left out rather than drawn as 0 h; a
	// week whose cases are answered but none resolved yet is a gap in the
	// resolution line, not a median of 0 h.
	var a, b []float64
	for i, w := range ws {
		if len(fr[i]) == 0 {
			continue
		}
		ch.Categories = append(ch.Categories, w.Format("01-02"))
		a, b = append(a, round1(median(fr[i]).Hours())), append(b, medianHoursOrGap(res[i]))
	}
	if len(a) > 0 {
		ch.Series = []Series{{Name: l.T("care.first_response"), Values: a}, {Name: l.T("care.resolution"), Values: b}}
	}
	return ch
}

// WithinTargetChart: % of answered cases answered within their platform's
// target, by platform.
func WithinTargetChart(l *Localizer, cases []Case, bh BusinessHours, t Targets, now time.Time) Chart {
	type n struct{ in, all int }
	by := map[string]*n{}
	for _, c := range cases {
		within, known := c.WithinTarget(bh, t.For(c.Platform), now)
		if !known {
			continue
		}
		p := c.Platform
		if p == "" {
			p = l.T("care.no_platform")
		}
		if by[p] == nil {
			by[p] = &n{}
		}
		by[p].all++
		if within {
			by[p].in++
		}
	}
	ch := Chart{ID: "care-within-target", Title: l.T("care.chart_within_target"), Kind: ChartBar, Unit: "%", YLabel: "%",
		Note: l.T("care.chart_within_target_note")}
	if len(by) == 0 {
		return ch
	}
	names := make([]string, 0, len(by))
	for p := range by {
		names = append(names, p)
	}
	sort.Strings(names)
	vals := make([]float64, len(names))
	for i, p := range names {
		vals[i] = round1(100 * float64(by[p].in) / float64(by[p].all))
	}
	ch.Categories = names
	ch.Series = []Series{{Name: l.T("care.within_target"), Values: vals}}
	return ch
}

// SatisfactionTrendChart: CSAT % and NPS of the cases opened each week.
func SatisfactionTrendChart(l *Localizer, cases []Case) Chart {
	ch := Chart{ID: "care-satisfaction", Title: l.T("care.chart_satisfaction"), Kind: ChartLine, Note: l.T("care.chart_satisfaction_note")}
	ws := weeks(cases)
	per := make([][]Case, len(ws))
	answers := 0
	for _, c := range cases {
		if c.CSAT == 0 && !c.HasNPS {
			continue
		}
		answers++
		i := slices.IndexFunc(ws, func(w time.Time) bool { return w.Equal(weekOf(c.Opened)) })
		per[i] = append(per[i], c)
	}
	if answers == 0 {
		return ch
	}
	// Weeks without answers are left out rather than drawn as 0.
	var csat, nps []float64
	for i, w := range ws {
		if len(per[i]) == 0 {
			continue
		}
		ch.Categories = append(ch.Categories, w.Format("01-02"))
		f := FeedbackOf(per[i])
		csat, nps = append(csat, round1(f.CSAT)), append(nps, round1(f.NPS))
	}
	ch.Series = []Series{{Name: "CSAT %", Values: csat}, {Name: "NPS", Values: nps}}
	return ch
}

// ComplaintRateChart: complaint and dispute cases per 100 orders of the
// same period, by country (countries with orders or complaints).
func ComplaintRateChart(l *Localizer, cases []Case, orders []NamedValue) Chart {
	ch := Chart{ID: "care-complaint-rate", Title: l.T("care.chart_complaint_rate"), Kind: ChartBar, YLabel: l.T("care.chart_per_100"),
		Note: l.T("care.chart_complaint_rate_note")}
	complaints := map[string]int{}
	for _, c := range cases {
		if c.IsComplaint() {
			complaints[c.Country]++
		}
	}
	var cats []string
	var vals []float64
	for _, o := range orders {
		if o.Count == 0 {
			continue
		}
		cats = append(cats, o.Name)
		vals = append(vals, round1(ComplaintRate(complaints[o.Name], o.Count)))
	}
	if len(cats) > 0 && len(complaints) > 0 {
		ch.Categories = cats
		ch.Series = []Series{{Name: l.T("care.chart_per_100"), Values: vals}}
	}
	return ch
}

// ComplaintRate is complaints per 100 orders; 0 with no orders.
func ComplaintRate(complaints, orders int) float64 {
	if orders <= 0 {
		return 0
	}
	return 100 * float64(complaints) / float64(orders)
}

// ComplainerTierChart: the tiers of the distinct customers with a complaint
// or dispute; customers with no scored orders count as "no orders".
func ComplainerTierChart(l *Localizer, cases []Case, tiers map[string]Tier) Chart {
	ch := Chart{ID: "care-complainer-tiers", Title: l.T("care.chart_complainer_tiers"), Kind: ChartDonut}
	seen := map[string]bool{}
	counts := make([]float64, len(Tiers)+1)
	for _, c := range cases {
		if !c.IsComplaint() || seen[c.CustomerID] {
			continue
		}
		seen[c.CustomerID] = true
		i := slices.Index(Tiers, tiers[c.CustomerID])
		if i < 0 {
			i = len(Tiers)
		}
		counts[i]++
	}
	if len(seen) == 0 {
		return ch
	}
	for _, t := range Tiers {
		ch.Categories = append(ch.Categories, l.T("customers.tier."+string(t)))
	}
	ch.Categories = append(ch.Categories, l.T("care.no_orders"))
	ch.Series = []Series{{Name: l.T("care.chart_customers"), Values: counts}}
	return ch
}

func translateAll(l *Localizer, prefix string, ids []string) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = l.T(prefix + id)
	}
	return out
}

// KPIText is the one-line summary under the KPI charts.
func KPIText(l *Localizer, k CareKPIs) string {
	within := 0.0
	if k.Answered > 0 {
		within = 100 * float64(k.WithinTarget) / float64(k.Answered)
	}
	return l.T("care.kpi_line", Count(k.Cases), Count(k.Open), Count(k.Late), fmt.Sprintf("%.0f", within), DurationText(l, k.MedianFirstResponse),
		DurationText(l, k.MedianResolution), fmt.Sprintf("%.0f", k.Feedback.CSAT), Count(k.Feedback.CSATAnswers), fmt.Sprintf("%.0f", k.Feedback.NPS), Count(k.Feedback.NPSAnswers))
}

// CareChartInput is what the service charts are drawn from.
type CareChartInput struct {
	Cases   []Case
	Hours   BusinessHours
	Targets Targets
	Orders  []NamedValue // orders of the same period by country
	Tiers   map[string]Tier
	Now     time.Time
}

// CareCharts are the service KPI charts, in the order the screen and the
// report show them.
func CareCharts(l *Localizer, in CareChartInput) []Chart {
	return []Chart{
		CasesByTypeChart(l, in.Cases),
		CasesByReasonChart(l, in.Cases),
		ResponseDistributionChart(l, in.Cases, in.Hours),
		ResponseTrendChart(l, in.Cases, in.Hours),
		WithinTargetChart(l, in.Cases, in.Hours, in.Targets, in.Now),
		SatisfactionTrendChart(l, in.Cases),
		ComplaintRateChart(l, in.Cases, in.Orders),
		ComplainerTierChart(l, in.Cases, in.Tiers),
	}
}
