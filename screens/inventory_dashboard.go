package screens

import (
	"context"
	"log"
	"slices"
	"strconv"
	"time"

	"fyne.io/fyne/v2/widget"

	"github.com/seller-assistant/seller-assistant/app"
)

// The dashboard's "SKUs to reorder this week": read in the dashboard's own
// background load (one UI update), from stock and the window's sales only.

// dashReorderMax is how many SKUs the dashboard lists, soonest stockout first.
const dashReorderMax = 6

func loadReorderThisWeek(ws app.Workspace, now time.Time) ([]app.ReplenishRow, error) {
	o := app.DefaultReplenishOptions(now)
	o.ActiveOnly = true
	ins, err := ws.ReplenishInputs(context.Background(), o)
	if err != nil {
		return nil, err
	}
	var out []app.ReplenishRow
	for _, r := range app.ReplenishAll(ins, o) {
		if app.ReorderThisWeek(r) {
			out = append(out, r)
		}
	}
	slices.SortStableFunc(out, func(a, b app.ReplenishRow) int { return a.StockoutDate.Compare(b.StockoutDate) })
	return out, nil
}

func (d *dashboard) fillReorder(rows []app.ReplenishRow, err error) {
	l := d.s.l
	d.reorder.Objects = nil
	if err != nil {
		log.Printf("dashboard reorder: %v", err)
		d.reorder.Add(widget.NewLabel(l.Message(err)))
	}
	for i, r := range rows {
		if i == dashReorderMax {
			d.reorder.Add(widget.NewLabel(l.T("inventory.dash_more", len(rows)-dashReorderMax)))
			break
		}
		meta := l.T("inventory.dash_line", r.StockoutDate.Format("01-02"), strconv.FormatInt(r.ReorderQty, 10))
		d.reorder.Add(listLine(meta, r.SKU, r.Status == app.StatusReorder))
	}
	if len(rows) == 0 && err == nil {
		d.reorder.Add(widget.NewLabel(l.T("dash.none")))
	}
	d.reorder.Refresh()
}

// fillAged lists the SKUs with units past the aged threshold, the largest
// surcharge estimate first: stock to sell off, discount or remove before
// the surcharge grows.
func (d *dashboard) fillAged(v app.StorageView, err error) {
	l := d.s.l
	d.aged.Objects = nil
	if err != nil {
		log.Printf("dashboard aged stock: %v", err)
		d.aged.Add(widget.NewLabel(l.Message(err)))
	}
	rows := v.AgedLines()
	for i, ln := range rows {
		if i == dashReorderMax {
			d.aged.Add(widget.NewLabel(l.T("inventory.dash_more", len(rows)-dashReorderMax)))
			break
		}
		meta := l.T("storage.dash_line", ln.AgedUnits, v.Opts.AgedDays, ln.AgedSurcharge.StringFixed(2), orDash(ln.Fee.Currency))
		d.aged.Add(listLine(meta, ln.SKU, true))
	}
	if len(rows) == 0 && err == nil {
		d.aged.Add(widget.NewLabel(l.T("dash.none")))
	}
	d.aged.Refresh()
}
