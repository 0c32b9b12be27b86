package app

import (
	"context"
	"time"

	"github.com/seller-assistant/seller-assistant/app/format"
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

// sectionBuilder makes one module's part of the report.
type sectionBuilder func(ctx context.Context, ws Workspace, l *Localizer, o *reportInputs) (ReportSection, error)

// reportInputs is what more than one section reads, read once per report:
// the overview, and the customers' tiering, which both the customers and
// the care sections need. At 90,957 customers reading the customer summary
// and scoring it took about 0.5 s, and the report did it twice.
type reportInputs struct {
	Overview
	tiering *Tiering
}

// customerTiering is the tiering at the default as-of date (the day after
// the newest order), read and scored on first use.
func (o *reportInputs) customerTiering(ctx context.Context, ws Workspace) (Tiering, error) {
	if o.tiering == nil {
		stats, err := ws.CustomerStats(ctx)
		if err != nil {
			return Tiering{}, err
		}
		t := ScoreCustomers(stats, time.Time{})
		o.tiering = &t
	}
	return *o.tiering, nil
}

// reportSections are the report's sections after the dashboard, in
// navigation order; each module's builder lives in its report_<module>.go.
var reportSections = []sectionBuilder{
	researchSection,
	productsSection,
	pricingSection,
	channelsSection,
	promotionsSection,
	customersSection,
	careSection,
	risksSection,
	adsSection,
	inventorySection,
}

// BuildReport gathers the whole workspace into a Report in l's language. It
// reads every module's lists, so it runs off the UI goroutine.
func BuildReport(ctx context.Context, ws Workspace, l *Localizer, now time.Time) (Report, error) {
	o, err := LoadOverview(ctx, ws, now)
	if err != nil {
		return Report{}, err
	}
	sub := o.Info.Name
	if o.Info.Demo {
		sub += " · " + l.T("workspace.demo_badge")
	}
	r := Report{Title: l.T("report.title"), Subtitle: sub, Generated: now, Lang: l.Lang(),
		Footer: l.T("report.footer", Version)}
	r.Sections = append(r.Sections, dashboardSection(l, o))
	in := &reportInputs{Overview: o}
	for _, build := range reportSections {
		sec, err := build(ctx, ws, l, in)
		if err != nil {
			return Report{}, err
		}
		r.Sections = append(r.Sections, sec)
	}
	return r, nil
}

func dashboardSection(l *Localizer, o Overview) ReportSection {
	s, cur := o.Summary, o.Info.Currency
	return ReportSection{ID: "dashboard", Title: l.T("module.dashboard.title"),
		Intro: l.T("report.dashboard_intro"),
		Charts: []Chart{MarkPartialMonth(l, RevenueByMonthChart(l, o.Monthly, cur), o.Now),
			MarkPartialMonth(l, OrdersByMonthChart(l, o.Monthly), o.Now), RevenueByCountryChart(l, o.Countries, cur)},
		Tables: []Table{{Title: l.T("report.key_figures"), Columns: []string{l.T("report.figure"), l.T("report.value")}, Numeric: []bool{false, true},
			Rows: [][]string{
				{l.T("dash.revenue"), format.Money(s.Revenue, cur)},
				{l.T("dash.orders"), format.Int(int64(s.Orders))},
				{l.T("dash.customers"), format.Int(int64(s.Customers))},
				{l.T("dash.products"), format.Int(int64(s.Products))},
				{l.T("dash.notes"), format.Int(int64(s.Notes))},
				{l.T("dash.open_risks"), format.Int(int64(s.OpenRisks))},
				{l.T("dash.campaigns"), format.Int(int64(s.Campaigns))},
			}}}}
}
