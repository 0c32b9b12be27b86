package app

import (
	"context"
	"math"
	"sort"
	"strconv"
	"time"
)

// reportPlanRows caps the plan table: the most urgent SKUs first.
const reportPlanRows = 40

// inventorySection: the replenishment plan as of today with the defaults of
// the replenish command, SKUs by status and by days of cover, the projection
// of the most urgent SKU, and the plan table (reorder first, soonest
// stockout first).
func inventorySection(ctx context.Context, ws Workspace, l *Localizer, _ *reportInputs) (ReportSection, error) {
	o := DefaultReplenishOptions(time.Now())
	ins, err := ws.ReplenishInputs(ctx, o)
	if err != nil {
		return ReportSection{}, err
	}
	rows := ReplenishAll(ins, o)
	ships, err := ws.OpenShipments(ctx)
	if err != nil {
		return ReportSection{}, err
	}
	urgency := func(r ReplenishRow) float64 {
		if !r.HasDemand() {
			return math.Inf(1)
		}
		return r.DaysOfCover
	}
	sort.SliceStable(rows, func(i, j int) bool {
		a, b := rows[i], rows[j]
		if (a.Status == StatusReorder) != (b.Status == StatusReorder) {
			return a.Status == StatusReorder
		}
		return urgency(a) < urgency(b)
	})
	sec := ReportSection{ID: "inventory", Title: l.T("module.inventory.title"),
		Intro: l.T("inventory.report_intro", o.AsOf.Format(time.DateOnly), o.WindowDays, strconv.FormatFloat(o.ServiceLevel*100, 'f', -1, 64), o.ReviewDays)}
	status := Chart{ID: "inventory-status", Title: l.T("inventory.chart.status"), Kind: ChartDonut, Unit: l.T("inventory.unit_skus")}
	counts := map[string]int{}
	for _, r := range rows {
		counts[r.Status]++
	}
	var sv []float64
	for _, s := range []string{StatusReorder, StatusOK, StatusNoSales} {
		if counts[s] > 0 {
			status.Categories = append(status.Categories, l.T("inventory.status."+s))
			sv = append(sv, float64(counts[s]))
		}
	}
	if len(sv) > 0 {
		status.Series = []Series{{Name: l.T("inventory.unit_skus"), Values: sv}}
	}
	cover := Chart{ID: "inventory-cover", Title: l.T("inventory.chart.cover"), Kind: ChartBar, YLabel: l.T("inventory.col.days_of_cover"),
		Unit: l.T("inventory.unit_days"), Note: l.T("inventory.chart.cover_note")}
	var cv, lt []float64
	for _, r := range rows {
		if !r.HasDemand() || len(cover.Categories) == 15 {
			continue
		}
		cover.Categories = append(cover.Categories, r.SKU)
		cv = append(cv, math.Round(r.DaysOfCover*10)/10)
		lt = append(lt, float64(r.LeadTimeDays))
	}
	if len(cv) > 0 {
		cover.Series = []Series{{Name: l.T("inventory.col.days_of_cover"), Values: cv}, {Name: l.T("inventory.chart.lead_time"), Values: lt}}
	}
	sec.Charts = []Chart{status, cover}
	// The projection of the most urgent SKU that still has stock: one with
	// none left draws only a flat zero.
	for _, r := range rows {
		if r.HasDemand() && r.OnHand > 0 {
			sec.Charts = append(sec.Charts, ProjectionChart(ProjectStock(r, ships, o.AsOf), o.AsOf, l.T))
			break
		}
	}
	cols := []string{"sku", "on_hand", "inbound", "days_of_cover", "stockout_date", "reorder_point", "reorder_qty", "status"}
	t := Table{Title: l.T("inventory.report_plan")}
	for _, c := range cols {
		t.Columns = append(t.Columns, l.T("inventory.col."+c))
		t.Numeric = append(t.Numeric, c != "sku" && c != "status" && c != "stockout_date")
	}
	for i, r := range rows {
		if i == reportPlanRows {
			break
		}
		rec := r.Record() // the CSV's cells: exact figures
		coverText, stockout := "—", "—"
		if r.HasDemand() {
			coverText, stockout = strconv.FormatFloat(r.DaysOfCover, 'f', 1, 64), rec[9]
		}
		t.Rows = append(t.Rows, []string{r.SKU, rec[1], rec[2], coverText, stockout, strconv.FormatFloat(r.ReorderPoint, 'f', 1, 64),
			rec[10], l.T("inventory.status." + r.Status)})
	}
	sec.Tables = []Table{t}
	return storageReport(ctx, ws, l, o, sec)
}

// storageReport adds the storage cost and stock age of the stocked SKUs,
// when the workspace has any: months in stock as a chart (money in several
// currencies does not share an axis) and the figures as a table, aged SKUs
// first.
func storageReport(ctx context.Context, ws Workspace, l *Localizer, o ReplenishOptions, sec ReportSection) (ReportSection, error) {
	v, err := LoadStorage(ctx, ws, StorageOptions{AsOf: o.AsOf, WindowDays: o.WindowDays})
	if err != nil || len(v.Lines) == 0 {
		return sec, err
	}
	lines := append([]StorageLine(nil), v.Lines...)
	sort.SliceStable(lines, func(i, j int) bool {
		if lines[i].AgedUnits != lines[j].AgedUnits {
			return lines[i].AgedUnits > lines[j].AgedUnits
		}
		return lines[i].MonthsInStock.GreaterThan(lines[j].MonthsInStock)
	})
	months := Chart{ID: "inventory-months", Title: l.T("storage.chart.months"), Kind: ChartBar, YLabel: l.T("storage.col.months"),
		Unit: l.T("storage.unit_months"), Note: l.T("storage.chart.months_note", v.Opts.WindowDays)}
	var mv []float64
	for _, ln := range lines {
		if !ln.HasDemand || len(months.Categories) == 15 {
			continue
		}
		months.Categories = append(months.Categories, ln.SKU)
		mv = append(mv, ln.MonthsInStock.Round(2).InexactFloat64())
	}
	if len(mv) > 0 {
		months.Series = []Series{{Name: l.T("storage.col.months"), Values: mv}}
		sec.Charts = append(sec.Charts, months)
	}
	cols := []string{"sku", "location", "tier", "monthly", "months", "per_unit", "aged", "surcharge"}
	t := Table{Title: l.T("storage.report_table", v.Opts.AgedDays)}
	for _, c := range cols {
		t.Columns = append(t.Columns, l.T("storage.col."+c))
		t.Numeric = append(t.Numeric, c != "sku" && c != "location" && c != "tier")
	}
	for i, ln := range lines {
		if i == reportPlanRows {
			break
		}
		rec := ln.Record() // the CSV's cells; "" unknown
		dash := func(s string) string {
			if s == "" {
				return "—"
			}
			return s
		}
		tier := "—"
		if ln.SizeTier != "" {
			tier = l.T("storage.tier." + ln.SizeTier)
		}
		surcharge := "—"
		if ln.AgedSurcharge.IsPositive() {
			surcharge = rec[18] + " " + ln.Fee.Currency
		}
		perUnit := dash(rec[14])
		if ln.HasCost {
			perUnit += " " + ln.Fee.Currency
		}
		t.Rows = append(t.Rows, []string{ln.SKU, dash(ln.Location), tier, dash(rec[10]), dash(rec[13]), perUnit,
			strconv.FormatInt(ln.AgedUnits, 10), surcharge})
	}
	sec.Tables = append(sec.Tables, t)
	return sec, nil
}
