package app

import (
	"sort"
)

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
