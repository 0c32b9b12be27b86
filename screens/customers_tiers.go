package screens

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
	"github.com/shopspring/decimal"

	"github.com/seller-assistant/seller-assistant/app"
	"github.com/seller-assistant/seller-assistant/app/format"
)

// fillTiers lists each tier with its figures, LTV inputs and actions.
func (c *customers) fillTiers(years decimal.Decimal, countries []app.CountryFigures) {
	l := c.s.l
	c.tiers.Objects = nil
	how := newTextBlock(c.tiering.RepeatRateText(l) + "\n" + l.T("customers.ltv_how", c.tiering.ObservedDays()) + "\n" + l.T("customers.rfm_how"))
	c.tiers.Add(how)
	for _, f := range c.byTier {
		title := heading(l.T("customers.tier_title", app.TierName(l, f.Tier), app.Count(f.Customers), f.Share.Shift(2).StringFixed(1)))
		figures := newTextBlock(l.T("customers.label_value", l.T("customers.col.revenue"), format.Money(f.Revenue, c.currency)) + " · " +
			l.T("customers.ltv_line", format.Fixed(f.LTV.Value, 2), format.Fixed(f.LTV.AvgOrderValue, 2), format.Fixed(f.LTV.PurchasesPerYear, 2), years.String()))
		var segs []string
		for _, sg := range app.Segments {
			if app.TierOf(sg) == f.Tier {
				segs = append(segs, app.SegmentLabel(l, sg))
			}
		}
		action := newTextBlock(l.T("customers.label_value", l.T("customers.col.actions"), l.T("customers.action."+string(f.Tier))) +
			"\n" + l.T("customers.label_value", l.T("customers.col.segment"), strings.Join(segs, l.T("customers.list_sep"))))
		c.tiers.Add(widget.NewCard("", "", container.NewVBox(title, figures, action)))
	}
	c.tiers.Add(heading(l.T("customers.report.country_table")))
	c.tiers.Add(c.countryGrid(countries))
	if n := len(c.tiering.Unscored); n > 0 {
		var ids []string
		for i, u := range c.tiering.Unscored {
			if i == 30 {
				ids = append(ids, "…")
				break
			}
			ids = append(ids, u.ID)
		}
		un := newTextBlock(l.T("customers.unscored_title", n) + "\n" + strings.Join(ids, ", "))
		c.tiers.Add(un)
	}
	c.tiers.Refresh()
}

// countryGrid lists the top countries: customers, revenue and the share of
// each tier among the country's customers.
func (c *customers) countryGrid(countries []app.CountryFigures) fyne.CanvasObject {
	l := c.s.l
	cols := 3 + len(app.Tiers)
	g := container.NewGridWithColumns(cols)
	bold := func(s string) *widget.Label {
		return widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	g.Add(bold(l.T("customers.col.country")))
	g.Add(bold(l.T("customers.col.customers")))
	g.Add(bold(l.T("customers.col.revenue")))
	for _, tr := range app.Tiers {
		g.Add(bold(app.TierName(l, tr)))
	}
	for i, cf := range countries {
		if i == 15 {
			break
		}
		g.Add(widget.NewLabel(app.CountryName(l, cf.Country)))
		g.Add(widget.NewLabel(format.Int(int64(cf.Customers))))
		g.Add(widget.NewLabel(format.Fixed(cf.Revenue, 2)))
		for _, tf := range cf.Tiers {
			g.Add(widget.NewLabel(tf.Share.Shift(2).StringFixed(1) + "%"))
		}
	}
	return g
}
