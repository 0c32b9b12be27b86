package app

import (
	"context"
	"fmt"
	"strings"
)

// channelsSection reports the logistics channels (cost of a 0.5 kg parcel,
// days, stability, what each refuses), how they rank for a standard parcel
// with equal weights, and the sales platforms' fees.
func channelsSection(ctx context.Context, ws Workspace, l *Localizer, _ *reportInputs) (ReportSection, error) {
	channels, err := ws.Channels(ctx)
	if err != nil {
		return ReportSection{}, err
	}
	platforms, err := ws.Platforms(ctx)
	if err != nil {
		return ReportSection{}, err
	}
	yes, no := l.T("channels.report.yes"), l.T("channels.report.no")
	yn := func(b bool) string {
		if b {
			return yes
		}
		return no
	}
	ct := Table{Title: l.T("report.channels"), Columns: []string{l.T("channel.name"), l.T("channel.type"), l.T("channel.market"),
		l.T("channel.cost_half_kg"), l.T("channel.days"), l.T("channel.stability"), l.T("channels.field.fulfilment"),
		l.T("channels.field.max_weight"), l.T("channels.field.battery"), l.T("channels.field.liquid")},
		Numeric: []bool{false, false, false, true, true, true, true, true, false, false}}
	for _, ch := range channels {
		ct.Rows = append(ct.Rows, []string{ch.Name, l.T("channel.type." + ch.Type), marketNames(l, ch.Market),
			HalfKiloCost(ch).StringFixed(2), fmt.Sprintf("%d–%d", ch.DaysMin, ch.DaysMax), fmt.Sprint(ch.Stability),
			QuoteMoney(ch.FulfilmentFee), ch.MaxWeightKg.String(), yn(ch.BatteryOK), yn(ch.LiquidOK)})
	}
	pt := Table{Title: l.T("channels.report.platforms"), Columns: []string{l.T("channels.field.platform_name"), l.T("channels.field.referral"),
		l.T("channels.field.category_rates"), l.T("channels.field.per_order"), l.T("channels.field.payment"), l.T("channels.field.markets")},
		Numeric: []bool{false, true, false, true, true, false}}
	for _, p := range platforms {
		pt.Rows = append(pt.Rows, []string{p.Name, QuoteRate(p.ReferralRate), strings.ReplaceAll(FormatCategoryRates(p.CategoryRates), "\n", "; "),
			QuoteMoney(p.PerOrderFee), QuoteRate(p.PaymentRate), marketNames(l, strings.Join(p.Markets, ","))})
	}
	ranking := ChannelRankingChart(l, RankChannels(channels, reportParcel, RankWeights{}))
	ranking.Title = l.T("channels.report.ranking")
	ranking.Note = l.T("channels.report.ranking_note") + " " + ranking.Note
	return ReportSection{ID: "channels", Title: l.T("module.channels.title"), Intro: l.T("module.channels.summary"),
		Charts: []Chart{ChannelCostDaysChart(l, channels), ranking, ChannelRadarChart(l, channels)}, Tables: []Table{ct, pt}}, nil
}
