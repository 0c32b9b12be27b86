package app

import (
	"context"
	"fmt"

	"github.com/shopspring/decimal"
)

func channelsSection(ctx context.Context, ws Workspace, l *Localizer, _ Overview) (ReportSection, error) {
	channels, err := ws.Channels(ctx)
	if err != nil {
		return ReportSection{}, err
	}
	ct := Table{Title: l.T("report.channels"), Columns: []string{l.T("channel.name"), l.T("channel.type"), l.T("channel.market"), l.T("channel.cost_half_kg"), l.T("channel.days"), l.T("channel.stability")},
		Numeric: []bool{false, false, false, true, true, true}}
	for _, ch := range channels {
		ct.Rows = append(ct.Rows, []string{ch.Name, l.T("channel.type." + ch.Type), CountryName(l, ch.Market),
			ChannelCost(ch, decimal.NewFromFloat(0.5)).StringFixed(2), fmt.Sprintf("%d–%d", ch.DaysMin, ch.DaysMax), fmt.Sprint(ch.Stability)})
	}
	return ReportSection{ID: "channels", Title: l.T("module.channels.title"), Intro: l.T("module.channels.summary"),
		Charts: []Chart{ChannelCostDaysChart(l, channels), ChannelRadarChart(l, channels)}, Tables: []Table{ct}}, nil
}
