package app

import (
	"time"

	"github.com/shopspring/decimal"
)

// The shop's sales charts (revenue and orders by month, revenue by
// country), shared by the dashboard, the customers module and the report.
// Every chart builder turns workspace figures into a Chart model, and the
// dashboard, the module screens and the HTML report all call the same one,
// so a chart looks and means the same wherever it appears. A module's own
// charts sit beside its noun: risk_charts.go, product_charts.go,
// channel_charts.go, campaign_charts.go, quote_charts.go, tiering_charts.go.

// CountryName is the localized name of an ISO country code, or the code.
func CountryName(l *Localizer, code string) string {
	key := "country." + code
	if s := l.T(key); s != key {
		return s
	}
	return code
}

func money(d decimal.Decimal) float64 { return d.InexactFloat64() }

// RevenueByMonthChart: a line of revenue per month.
func RevenueByMonthChart(l *Localizer, months []MonthValue, currency string) Chart {
	c := Chart{ID: "revenue_by_month", Title: l.T("chart.revenue_by_month"), Kind: ChartLine,
		YLabel: l.T("chart.revenue"), Unit: currency, Note: l.T("chart.revenue_note")}
	s := Series{Name: l.T("chart.revenue")}
	for _, m := range months {
		c.Categories = append(c.Categories, m.Month.Format("2006-01"))
		s.Values = append(s.Values, money(m.Value))
	}
	c.Series = []Series{s}
	return c
}

// MarkPartialMonth labels the category of now's month, when c has one (a
// chart by month, categories "2006-01"), as partial: its figures are the
// month to date, so a dip there is not a fall in sales.
func MarkPartialMonth(l *Localizer, c Chart, now time.Time) Chart {
	cur := now.UTC().Format("2006-01")
	for i, cat := range c.Categories {
		if cat == cur {
			cats := append([]string(nil), c.Categories...)
			cats[i] = l.T("chart.partial_month", cat)
			c.Categories = cats
			note := l.T("chart.partial_month_note", cat, now.UTC().Format("2006-01-02"))
			if c.Note != "" {
				note = c.Note + " " + note
			}
			c.Note = note
			break
		}
	}
	return c
}

// OrdersByMonthChart: bars of orders per month.
func OrdersByMonthChart(l *Localizer, months []MonthValue) Chart {
	c := Chart{ID: "orders_by_month", Title: l.T("chart.orders_by_month"), Kind: ChartBar, YLabel: l.T("chart.orders"), Counts: true}
	s := Series{Name: l.T("chart.orders")}
	for _, m := range months {
		c.Categories = append(c.Categories, m.Month.Format("2006-01"))
		s.Values = append(s.Values, float64(m.Count))
	}
	c.Series = []Series{s}
	return c
}

// RevenueByCountryChart: a donut of revenue share by country.
func RevenueByCountryChart(l *Localizer, countries []NamedValue, currency string) Chart {
	c := Chart{ID: "revenue_by_country", Title: l.T("chart.revenue_by_country"), Kind: ChartDonut, Unit: currency}
	s := Series{Name: l.T("chart.revenue")}
	for _, nv := range countries {
		if nv.Value.IsNegative() {
			continue // a country with net refunds has no share to draw
		}
		c.Categories = append(c.Categories, CountryName(l, nv.Name))
		s.Values = append(s.Values, money(nv.Value))
	}
	c.Series = []Series{s}
	return c
}
