package app

import (
	"fmt"
	"sort"

	"github.com/shopspring/decimal"
)

// The chart builders below turn workspace figures into Chart models. The
// dashboard, the module screens and the HTML report all call them, so a
// chart looks and means the same wherever it appears.

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

// OrdersByMonthChart: bars of orders per month.
func OrdersByMonthChart(l *Localizer, months []MonthValue) Chart {
	c := Chart{ID: "orders_by_month", Title: l.T("chart.orders_by_month"), Kind: ChartBar, YLabel: l.T("chart.orders")}
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

// RiskHeatmapChart counts risks in each likelihood x impact cell; impact 5 is
// the top row, as risk matrices are read.
func RiskHeatmapChart(l *Localizer, risks []Risk) Chart {
	c := Chart{ID: "risk_heatmap", Title: l.T("chart.risk_heatmap"), Kind: ChartHeatmap,
		XLabel: l.T("risk.likelihood"), YLabel: l.T("risk.impact"), Unit: l.T("chart.risks_unit"),
		Note: l.T("chart.risk_heatmap_note")}
	for i := 1; i <= 5; i++ {
		c.Categories = append(c.Categories, fmt.Sprint(i))
	}
	c.Matrix = make([][]float64, 5)
	for row := range c.Matrix {
		c.YCategories = append(c.YCategories, fmt.Sprint(5-row))
		c.Matrix[row] = make([]float64, 5)
	}
	for _, r := range risks {
		if r.Status == "closed" || r.Likelihood < 1 || r.Likelihood > 5 || r.Impact < 1 || r.Impact > 5 {
			continue
		}
		c.Matrix[5-r.Impact][r.Likelihood-1]++
	}
	return c
}

// RisksByCategoryChart: risks per category, stacked by status.
func RisksByCategoryChart(l *Localizer, risks []Risk) Chart {
	c := Chart{ID: "risks_by_category", Title: l.T("chart.risks_by_category"), Kind: ChartStackedBar, YLabel: l.T("chart.risks_unit")}
	idx := map[string]int{}
	for i, cat := range RiskCategories {
		c.Categories = append(c.Categories, l.T("risk.category."+cat))
		idx[cat] = i
	}
	for _, st := range RiskStatuses {
		s := Series{Name: l.T("risk.status." + st), Values: make([]float64, len(RiskCategories))}
		for _, r := range risks {
			if i, ok := idx[r.Category]; ok && r.Status == st {
				s.Values[i]++
			}
		}
		c.Series = append(c.Series, s)
	}
	return c
}

// ProductMatrixChart counts products by price band (rows) and lifecycle
// stage (columns): where the line is thin or crowded.
func ProductMatrixChart(l *Localizer, products []Product) Chart {
	c := Chart{ID: "product_matrix", Title: l.T("chart.product_matrix"), Kind: ChartHeatmap,
		XLabel: l.T("product.stage"), YLabel: l.T("product.price_band"), Unit: l.T("chart.products_unit")}
	col := map[string]int{}
	for i, st := range LifecycleStages {
		c.Categories = append(c.Categories, l.T("product.stage."+st))
		col[st] = i
	}
	row := map[string]int{}
	for i, b := range PriceBands {
		c.YCategories = append(c.YCategories, l.T("product.band."+b))
		row[b] = i
		c.Matrix = append(c.Matrix, make([]float64, len(LifecycleStages)))
	}
	for _, p := range products {
		r, ok1 := row[p.PriceBand]
		s, ok2 := col[p.Stage]
		if ok1 && ok2 && p.Status != "retired" {
			c.Matrix[r][s]++
		}
	}
	return c
}

// ChannelCost is the CNY freight of one unit of kg chargeable weight on
// channel ch. A parcel channel charges the first weight's price plus the
// per-kg rate for what is above it. A head-haul channel (FBA, overseas
// warehouse) is bulk freight: kg * per_kg with no first weight, and at
// least the shipment minimum spread over a typical carton's units
// (min_charge / carton_units), since a carton is the smallest lot sent.
// ChannelCost is freight only; ChannelUnitCost adds fulfilment and storage.
func ChannelCost(ch LogisticsChannel, kg decimal.Decimal) decimal.Decimal {
	if ch.IsHeadHaul() {
		c := kg.Mul(ch.PerKg)
		if ch.MinChargeCNY.IsPositive() && ch.CartonUnits > 0 {
			c = decimal.Max(c, ch.MinChargeCNY.Div(decimal.NewFromInt(int64(ch.CartonUnits))))
		}
		return c
	}
	extra := kg.Sub(ch.FirstWeightKg)
	if extra.IsNegative() {
		extra = decimal.Zero
	}
	return ch.FirstPrice.Add(extra.Mul(ch.PerKg))
}

// HalfKiloCost is the door-to-door cost in CNY of one 0.5 kg unit with no
// volumetric weight on ch, fees at the rate of the channel's first market:
// the figure the channel overview compares.
func HalfKiloCost(ch LogisticsChannel) decimal.Decimal {
	return ChannelUnitCost(ch, Parcel{WeightKg: decimal.New(5, -1)}).Total
}

// ChannelCostDaysChart: cost of a 0.5 kg parcel against average delivery
// days, one point per channel; the lower left is cheap and fast.
func ChannelCostDaysChart(l *Localizer, channels []LogisticsChannel) Chart {
	c := Chart{ID: "channel_cost_days", Title: l.T("chart.channel_cost_days"), Kind: ChartScatter,
		XLabel: l.T("chart.delivery_days"), XUnit: l.T("unit.days"), YLabel: l.T("chart.parcel_cost"), Unit: "CNY",
		Note: l.T("chart.channel_cost_days_note")}
	byType := map[string]*Series{}
	var order []string
	for _, ch := range channels {
		s, ok := byType[ch.Type]
		if !ok {
			s = &Series{Name: l.T("channel.type." + ch.Type)}
			byType[ch.Type] = s
			order = append(order, ch.Type)
		}
		s.Points = append(s.Points, Point{X: float64(ch.DaysMin+ch.DaysMax) / 2, Y: money(HalfKiloCost(ch)), Label: ch.Name})
	}
	for _, t := range order {
		c.Series = append(c.Series, *byType[t])
	}
	return c
}

// ChannelRadarChart compares up to five channels on four 0-5 scales:
// cheapness and speed relative to the cheapest and fastest channel,
// stability as rated, and tracking (5 with, 0 without).
func ChannelRadarChart(l *Localizer, channels []LogisticsChannel) Chart {
	c := Chart{ID: "channel_radar", Title: l.T("chart.channel_radar"), Kind: ChartRadar, RadarMax: 5,
		Categories: []string{l.T("chart.cheapness"), l.T("chart.speed"), l.T("chart.stability"), l.T("chart.tracking")},
		Note:       l.T("chart.channel_radar_note")}
	if len(channels) == 0 {
		return c
	}
	chs := append([]LogisticsChannel(nil), channels...)
	sort.SliceStable(chs, func(i, j int) bool { return chs[i].Stability > chs[j].Stability })
	if len(chs) > 5 {
		chs = chs[:5]
	}
	minCost, minDays := -1.0, -1.0
	for _, ch := range channels {
		cost, days := money(HalfKiloCost(ch)), float64(ch.DaysMin+ch.DaysMax)/2
		if cost > 0 && (minCost < 0 || cost < minCost) {
			minCost = cost
		}
		if days > 0 && (minDays < 0 || days < minDays) {
			minDays = days
		}
	}
	ratio := func(best, v float64) float64 {
		if best <= 0 || v <= 0 {
			return 5
		}
		return 5 * best / v
	}
	for _, ch := range chs {
		tracking := 0.0
		if ch.Tracking {
			tracking = 5
		}
		c.Series = append(c.Series, Series{Name: ch.Name, Values: []float64{
			ratio(minCost, money(HalfKiloCost(ch))), ratio(minDays, float64(ch.DaysMin+ch.DaysMax)/2),
			float64(ch.Stability), tracking}})
	}
	return c
}
