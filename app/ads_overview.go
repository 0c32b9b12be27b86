package app

import (
	"context"
	"slices"
	"strings"
	"time"

	"github.com/shopspring/decimal"
)

// AdsSums are advertising counts over some rows; money in minor units.
type AdsSums struct {
	Impressions, Clicks, SpendCents, SalesCents, Orders, Units int64
}

func (a *AdsSums) add(b AdsSums) {
	a.Impressions += b.Impressions
	a.Clicks += b.Clicks
	a.SpendCents += b.SpendCents
	a.SalesCents += b.SalesCents
	a.Orders += b.Orders
	a.Units += b.Units
}

// The ratios of the search term table, over any sums: fractions, not valid
// where the denominator is 0.
func (a AdsSums) CTR() decimal.NullDecimal {
	return ratio(decimal.NewFromInt(a.Clicks), decimal.NewFromInt(a.Impressions))
}
func (a AdsSums) CPC() decimal.NullDecimal {
	return ratio(cents(a.SpendCents), decimal.NewFromInt(a.Clicks))
}
func (a AdsSums) CVR() decimal.NullDecimal {
	return ratio(decimal.NewFromInt(a.Orders), decimal.NewFromInt(a.Clicks))
}
func (a AdsSums) ACoS() decimal.NullDecimal { return ratio(cents(a.SpendCents), cents(a.SalesCents)) }
func (a AdsSums) ROAS() decimal.NullDecimal { return ratio(cents(a.SalesCents), cents(a.SpendCents)) }

// AdsDay is one report period's figures for one campaign: a day in a daily
// report (Day is its start).
type AdsDay struct {
	Day      time.Time
	Campaign string
	AdsSums
}

// AdsDays is what the overview reads: the rows of the period and where
// they came from: AdsCampaigns (the campaign report), AdsSearchTerms (the
// search term rows summed per period and campaign) or AdsMixed (the
// campaign report where it has the day, the search terms elsewhere).
const AdsMixed = "mixed"

type AdsDays struct {
	Source   string
	Currency string // as the report gives it ("USD"); "" when it does not
	Days     []AdsDay
}

// AdsWeek is one week's sums; Start is its Monday. TotalSalesCents are the
// shop's sales of the week from the imported orders (TACoS's denominator),
// 0 when there are none.
type AdsWeek struct {
	Start time.Time
	AdsSums
	TotalSalesCents int64
}

// TACoS is the week's spend ÷ its total sales; not valid without sales.
func (w AdsWeek) TACoS() decimal.NullDecimal {
	return ratio(cents(w.SpendCents), cents(w.TotalSalesCents))
}

// CampaignSums are one campaign's sums with its TACoS where the campaign is
// tied to a product (SKU) with sales in the period.
type CampaignSums struct {
	Campaign string
	SKU      string
	AdsSums
	TACoS decimal.NullDecimal
}

// AdsOverview is the Overview tab's figures.
type AdsOverview struct {
	From, To  time.Time
	Source    string
	Total     AdsSums
	Weeks     []AdsWeek
	Campaigns []CampaignSums
	// TotalSalesCents are the shop's sales of the period (TACoS's
	// denominator), from TotalSalesSource: "orders" (the imported orders)
	// or "business" (the Business Report's Ordered Product Sales); "" when
	// neither has any.
	TotalSalesCents  int64
	TotalSalesSource string
}

// TACoS is ad spend ÷ total sales; not valid without total sales.
func (o AdsOverview) TACoS() decimal.NullDecimal {
	return ratio(cents(o.Total.SpendCents), cents(o.TotalSalesCents))
}

// WeekStart is the Monday of t's week (UTC).
func WeekStart(t time.Time) time.Time {
	t = time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	return t.AddDate(0, 0, -((int(t.Weekday()) + 6) % 7))
}

// BuildAdsOverview sums the days by week and by campaign. skuSales gives a
// campaign's product sales (by its SKU from rules) for its TACoS.
func BuildAdsOverview(d AdsDays, rules []CampaignAdsRules, skuSales map[string]int64) AdsOverview {
	o := AdsOverview{Source: d.Source}
	weeks := map[time.Time]*AdsWeek{}
	camps := map[string]*CampaignSums{}
	for _, x := range d.Days {
		if o.From.IsZero() || x.Day.Before(o.From) {
			o.From = x.Day
		}
		if x.Day.After(o.To) {
			o.To = x.Day
		}
		o.Total.add(x.AdsSums)
		ws := WeekStart(x.Day)
		w := weeks[ws]
		if w == nil {
			w = &AdsWeek{Start: ws}
			weeks[ws] = w
		}
		w.add(x.AdsSums)
		c := camps[x.Campaign]
		if c == nil {
			c = &CampaignSums{Campaign: x.Campaign}
			camps[x.Campaign] = c
		}
		c.add(x.AdsSums)
	}
	for _, w := range weeks {
		o.Weeks = append(o.Weeks, *w)
	}
	slices.SortFunc(o.Weeks, func(a, b AdsWeek) int { return a.Start.Compare(b.Start) })
	sku := map[string]string{}
	for _, r := range rules {
		sku[r.Campaign] = r.SKU
	}
	for _, c := range camps {
		c.SKU = sku[c.Campaign]
		if c.SKU != "" {
			c.TACoS = ratio(cents(c.SpendCents), cents(skuSales[c.SKU]))
		}
		o.Campaigns = append(o.Campaigns, *c)
	}
	// Biggest spenders first: where the money goes is the first question.
	slices.SortFunc(o.Campaigns, func(a, b CampaignSums) int {
		if a.SpendCents != b.SpendCents {
			return int(b.SpendCents - a.SpendCents)
		}
		return strings.Compare(a.Campaign, b.Campaign)
	})
	return o
}

// FunnelRow is one product's traffic and sales funnel over a period: the
// Business Report's sessions, units and order items (one marketplace), with
// the imported orders of its SKU in every market (orders, revenue,
// customers and repeat customers) for the average order value and the
// repeat-purchase rate.
type FunnelRow struct {
	ASIN, SKU, Title string
	Sessions         int64
	PageViews        int64
	Units            int64 // Units Ordered
	OrderItems       int64
	SalesCents       int64 // Ordered Product Sales
	BuyBoxBP         int64 // session-weighted Featured Offer (Buy Box) %, hundredths of a percent
	// From the imported orders of the SKU in the period.
	Orders          int64
	RevenueCents    int64
	Customers       int64
	RepeatCustomers int64 // customers with two or more orders of the SKU
}

// ConversionRate is units ÷ sessions (Amazon's Unit Session Percentage).
func (f FunnelRow) ConversionRate() decimal.NullDecimal {
	return ratio(decimal.NewFromInt(f.Units), decimal.NewFromInt(f.Sessions))
}

// AOV is the average order value: revenue ÷ orders from the imported
// orders, or Ordered Product Sales ÷ Total Order Items when the SKU has no
// orders imported.
func (f FunnelRow) AOV() decimal.NullDecimal {
	if f.Orders > 0 {
		return ratio(cents(f.RevenueCents), decimal.NewFromInt(f.Orders))
	}
	return ratio(cents(f.SalesCents), decimal.NewFromInt(f.OrderItems))
}

// RepeatRate is repeat customers ÷ customers of the SKU.
func (f FunnelRow) RepeatRate() decimal.NullDecimal {
	return ratio(decimal.NewFromInt(f.RepeatCustomers), decimal.NewFromInt(f.Customers))
}

// BuyBox is the Buy Box share as a fraction.
func (f FunnelRow) BuyBox() decimal.Decimal { return decimal.New(f.BuyBoxBP, -4) }

// AdsDashboard are the dashboard's funnel figures: the Business Report's
// totals over every period imported and the share of customers who ordered
// twice or more. All read from small tables, so the dashboard stays quick.
type AdsDashboard struct {
	Sessions, Units int64
	BuyBoxBP        int64 // session-weighted, hundredths of a percent
	Customers       int64 // customers with an order
	RepeatCustomers int64 // of them, customers with two or more orders
}

// ConversionRate is units ÷ sessions of the Business Report.
func (d AdsDashboard) ConversionRate() decimal.NullDecimal {
	return ratio(decimal.NewFromInt(d.Units), decimal.NewFromInt(d.Sessions))
}

// RepeatRate is customers with two or more orders ÷ customers.
func (d AdsDashboard) RepeatRate() decimal.NullDecimal {
	return ratio(decimal.NewFromInt(d.RepeatCustomers), decimal.NewFromInt(d.Customers))
}

// BuyBox is the session-weighted Buy Box share, not valid without sessions.
func (d AdsDashboard) BuyBox() decimal.NullDecimal {
	if d.Sessions == 0 {
		return decimal.NullDecimal{}
	}
	return NullOf(decimal.New(d.BuyBoxBP, -4))
}

// AdsReadStore are the reads of the overview and funnel, beside AdsStore.
type AdsReadStore interface {
	AdsDashboard(ctx context.Context) (AdsDashboard, error)
	// AdsDays are the campaign figures per report period inside f.
	AdsDays(ctx context.Context, f AdsFilter) (AdsDays, error)
	// Funnel is the Business Report per child ASIN inside f, with the
	// imported orders of each SKU over the same days.
	Funnel(ctx context.Context, f AdsFilter) ([]FunnelRow, error)
}
