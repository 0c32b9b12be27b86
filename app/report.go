package app

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/shopspring/decimal"
)

// Report is the whole workspace as one document: the HTML export renders it
// with echarts, and every chart in it is the same model the window draws.
type Report struct {
	Title     string
	Subtitle  string // e.g. the shop name and "demo workspace"
	Generated time.Time
	Lang      Lang
	Footer    string // e.g. "Made offline by Seller Assistant 0.1.0"
	Sections  []ReportSection
}

// ReportSection is one module's part of the report.
type ReportSection struct {
	ID     string // ASCII anchor
	Title  string
	Intro  string // a sentence or two; plain text
	Charts []Chart
	Tables []Table
}

// Table is a small table of already formatted cells.
type Table struct {
	Title   string
	Columns []string
	Numeric []bool // per column: right-align
	Rows    [][]string
}

// BuildReport gathers the whole workspace into a Report in l's language. It
// reads every module's lists, so it runs off the UI goroutine.
func BuildReport(ctx context.Context, ws Workspace, l *Localizer, now time.Time) (Report, error) {
	o, err := LoadOverview(ctx, ws, now)
	if err != nil {
		return Report{}, err
	}
	products, err := ws.Products(ctx)
	if err != nil {
		return Report{}, err
	}
	channels, err := ws.Channels(ctx)
	if err != nil {
		return Report{}, err
	}
	campaigns, err := ws.Campaigns(ctx)
	if err != nil {
		return Report{}, err
	}
	risks, err := ws.Risks(ctx)
	if err != nil {
		return Report{}, err
	}
	cur := o.Info.Currency
	sub := o.Info.Name
	if o.Info.Demo {
		sub += " · " + l.T("workspace.demo_badge")
	}
	r := Report{Title: l.T("report.title"), Subtitle: sub, Generated: now, Lang: l.Lang(),
		Footer: l.T("report.footer", Version)}

	s := o.Summary
	r.Sections = append(r.Sections, ReportSection{ID: "dashboard", Title: l.T("module.dashboard.title"),
		Intro:  l.T("report.dashboard_intro"),
		Charts: []Chart{RevenueByMonthChart(l, o.Monthly, cur), OrdersByMonthChart(l, o.Monthly), RevenueByCountryChart(l, o.Countries, cur)},
		Tables: []Table{{Title: l.T("report.key_figures"), Columns: []string{l.T("report.figure"), l.T("report.value")}, Numeric: []bool{false, true},
			Rows: [][]string{
				{l.T("dash.revenue"), s.Revenue.StringFixed(2) + " " + cur},
				{l.T("dash.orders"), fmt.Sprint(s.Orders)},
				{l.T("dash.customers"), fmt.Sprint(s.Customers)},
				{l.T("dash.products"), fmt.Sprint(s.Products)},
				{l.T("dash.notes"), fmt.Sprint(s.Notes)},
				{l.T("dash.open_risks"), fmt.Sprint(s.OpenRisks)},
				{l.T("dash.campaigns"), fmt.Sprint(s.Campaigns)},
			}}}})

	notes := Table{Title: l.T("report.recent_notes"), Columns: []string{l.T("note.date"), l.T("note.market"), l.T("note.method"), l.T("note.title")}}
	for _, n := range o.RecentNotes {
		notes.Rows = append(notes.Rows, []string{n.Date.Format("2006-01-02"), CountryName(l, n.Market), l.T("note.method." + n.Method), n.Title})
	}
	r.Sections = append(r.Sections, ReportSection{ID: "research", Title: l.T("module.research.title"), Intro: l.T("module.research.summary"), Tables: []Table{notes}})

	pt := Table{Title: l.T("report.catalog"), Columns: []string{"SKU", l.T("product.name"), l.T("product.category"), l.T("product.cost_cny"), l.T("product.price_band"), l.T("product.stage"), l.T("product.status")},
		Numeric: []bool{false, false, false, true, false, false, false}}
	for _, p := range products {
		name := p.NameEn
		if l.Lang() == LangChinese && p.NameZh != "" {
			name = p.NameZh
		}
		pt.Rows = append(pt.Rows, []string{p.SKU, name, p.Category, p.PurchaseCost.StringFixed(2), l.T("product.band." + p.PriceBand), l.T("product.stage." + p.Stage), l.T("product.status." + p.Status)})
	}
	r.Sections = append(r.Sections, ReportSection{ID: "products", Title: l.T("module.products.title"), Intro: l.T("module.products.summary"),
		Charts: []Chart{ProductMatrixChart(l, products)}, Tables: []Table{pt}})

	ct := Table{Title: l.T("report.channels"), Columns: []string{l.T("channel.name"), l.T("channel.type"), l.T("channel.market"), l.T("channel.cost_half_kg"), l.T("channel.days"), l.T("channel.stability")},
		Numeric: []bool{false, false, false, true, true, true}}
	for _, ch := range channels {
		ct.Rows = append(ct.Rows, []string{ch.Name, l.T("channel.type." + ch.Type), CountryName(l, ch.Market),
			ChannelCost(ch, decimal.NewFromFloat(0.5)).StringFixed(2), fmt.Sprintf("%d–%d", ch.DaysMin, ch.DaysMax), fmt.Sprint(ch.Stability)})
	}
	r.Sections = append(r.Sections, ReportSection{ID: "channels", Title: l.T("module.channels.title"), Intro: l.T("module.channels.summary"),
		Charts: []Chart{ChannelCostDaysChart(l, channels), ChannelRadarChart(l, channels)}, Tables: []Table{ct}})

	cpt := Table{Title: l.T("report.campaigns"), Columns: []string{l.T("campaign.name"), l.T("campaign.type"), l.T("campaign.markets"), l.T("campaign.start"), l.T("campaign.end"), l.T("campaign.budget")},
		Numeric: []bool{false, false, false, false, false, true}}
	for _, cp := range campaigns {
		cpt.Rows = append(cpt.Rows, []string{cp.Name, l.T("campaign.type." + cp.Type), strings.Join(cp.Markets, ", "),
			cp.Start.Format("2006-01-02"), cp.End.Format("2006-01-02"), cp.Budget.StringFixed(2) + " " + cur})
	}
	r.Sections = append(r.Sections, ReportSection{ID: "promotions", Title: l.T("module.promotions.title"), Intro: l.T("module.promotions.summary"),
		Charts: []Chart{CampaignBudgetChart(l, campaigns, cur)}, Tables: []Table{cpt}})

	rt := Table{Title: l.T("report.risk_register"), Columns: []string{l.T("risk.title"), l.T("risk.category"), l.T("risk.likelihood"), l.T("risk.impact"), l.T("risk.score"), l.T("risk.owner"), l.T("risk.status"), l.T("risk.review")},
		Numeric: []bool{false, false, true, true, true, false, false, false}}
	for _, rk := range risks {
		review := ""
		if !rk.ReviewDate.IsZero() {
			review = rk.ReviewDate.Format("2006-01-02")
		}
		rt.Rows = append(rt.Rows, []string{rk.Title, l.T("risk.category." + rk.Category), fmt.Sprint(rk.Likelihood), fmt.Sprint(rk.Impact),
			fmt.Sprint(rk.Score()), rk.Owner, l.T("risk.status." + rk.Status), review})
	}
	r.Sections = append(r.Sections, ReportSection{ID: "risks", Title: l.T("module.risks.title"), Intro: l.T("module.risks.summary"),
		Charts: []Chart{RiskHeatmapChart(l, risks), RisksByCategoryChart(l, risks)}, Tables: []Table{rt}})
	return r, nil
}
