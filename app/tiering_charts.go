package app

import (
	"fmt"

	"github.com/shopspring/decimal"
)

// Charts of customer tiering, shared by the customers screen and the report.

// TierName is a tier's name in l's language.
func TierName(l *Localizer, t Tier) string { return l.T("customers.tier." + string(t)) }

// SegmentName is a segment's name in l's language.
func SegmentName(l *Localizer, s Segment) string { return l.T("customers.seg." + s.Key()) }

// SegmentLabel is the segment's name with its English name beside it when
// l is not English: the Chinese names follow Chinese RFM practice
// (重要价值客户 …), the English ones the marketing literature a trainee
// also meets, and the export's segment column is English.
func SegmentLabel(l *Localizer, s Segment) string {
	name := SegmentName(l, s)
	if l.Lang() == LangEnglish {
		return name
	}
	return l.T("customers.seg_label", name, English().T("customers.seg."+s.Key()))
}

// SegmentGridChart is the R x FM heatmap of customer counts, the grid the
// segment is read from: recency score 5 (most recent) on the top row, the
// frequency-monetary score FM across. (F alone left two columns empty: with
// most customers at one or two orders, ties push them all to F 1 or F 3.)
func SegmentGridChart(l *Localizer, t Tiering) Chart {
	c := Chart{ID: "customers_segment_grid", Title: l.T("customers.chart.segment_grid"), Kind: ChartHeatmap,
		XLabel: l.T("customers.chart.fm"), YLabel: l.T("customers.chart.r"), Unit: l.T("customers.chart.customers"),
		Note: l.T("customers.chart.segment_note")}
	if len(t.Scored) == 0 {
		return c
	}
	g := t.SegmentGrid()
	for fm := 1; fm <= 5; fm++ {
		c.Categories = append(c.Categories, fmt.Sprintf("FM%d", fm))
	}
	for r := 5; r >= 1; r-- {
		c.YCategories = append(c.YCategories, fmt.Sprintf("R%d", r))
		row := make([]float64, 5)
		for f := 0; f < 5; f++ {
			row[f] = float64(g[r-1][f])
		}
		c.Matrix = append(c.Matrix, row)
	}
	return c
}

// TierDonutChart is the share of scored customers per tier.
func TierDonutChart(l *Localizer, figs []TierFigures) Chart {
	c := Chart{ID: "customers_tiers", Title: l.T("customers.chart.tier_donut"), Kind: ChartDonut, Unit: l.T("customers.chart.customers")}
	s := Series{Name: l.T("customers.chart.customers")}
	total := 0
	for _, f := range figs {
		total += f.Customers
		c.Categories = append(c.Categories, TierName(l, f.Tier))
		s.Values = append(s.Values, float64(f.Customers))
	}
	if total == 0 {
		return Chart{ID: c.ID, Title: c.Title, Kind: c.Kind}
	}
	c.Series = []Series{s}
	return c
}

// RevenueByTierChart is a bar per tier of the tier's net revenue.
func RevenueByTierChart(l *Localizer, figs []TierFigures, currency string) Chart {
	c := Chart{ID: "customers_revenue_by_tier", Title: l.T("customers.chart.revenue_by_tier"), Kind: ChartBar,
		YLabel: l.T("customers.col.revenue"), Unit: currency}
	s := Series{Name: l.T("customers.col.revenue")}
	has := false
	for _, f := range figs {
		c.Categories = append(c.Categories, TierName(l, f.Tier))
		s.Values = append(s.Values, money(f.Revenue))
		has = has || f.Customers > 0
	}
	if !has {
		return Chart{ID: c.ID, Title: c.Title, Kind: c.Kind}
	}
	c.Series = []Series{s}
	return c
}

// CountryTierChart stacks each country's revenue by tier, for the top
// countries by revenue and the rest as "Other". A tier with net refunds in
// a country draws as zero (stacks cannot go below the axis).
func CountryTierChart(l *Localizer, countries []CountryFigures, currency string, top int) Chart {
	c := Chart{ID: "customers_country_tiers", Title: l.T("customers.chart.country_tiers"), Kind: ChartStackedBar,
		YLabel: l.T("customers.col.revenue"), Unit: currency}
	if len(countries) == 0 {
		return c
	}
	series := make([]Series, len(Tiers))
	for i, t := range Tiers {
		series[i].Name = TierName(l, t)
	}
	other := make([]decimal.Decimal, len(Tiers))
	for i := range other {
		other[i] = decimal.Zero
	}
	for i, cf := range countries {
		if i >= top {
			for j, tf := range cf.Tiers {
				other[j] = other[j].Add(tf.Revenue)
			}
			continue
		}
		c.Categories = append(c.Categories, CountryName(l, cf.Country))
		for j, tf := range cf.Tiers {
			series[j].Values = append(series[j].Values, max(0, money(tf.Revenue)))
		}
	}
	if len(countries) > top {
		c.Categories = append(c.Categories, l.T("customers.other"))
		for j := range series {
			series[j].Values = append(series[j].Values, max(0, money(other[j])))
		}
	}
	c.Series = series
	return c
}

// NewCustomersChart is a line of customers per month of their first order.
func NewCustomersChart(l *Localizer, months []MonthValue) Chart {
	c := Chart{ID: "customers_new_by_month", Title: l.T("customers.chart.new_customers"), Kind: ChartLine,
		YLabel: l.T("customers.chart.customers"), Counts: true, Note: l.T("customers.chart.new_note")}
	if len(months) == 0 {
		return c
	}
	s := Series{Name: l.T("customers.chart.customers")}
	for _, m := range months {
		c.Categories = append(c.Categories, m.Month.Format("2006-01"))
		s.Values = append(s.Values, float64(m.Count))
	}
	c.Series = []Series{s}
	return c
}
