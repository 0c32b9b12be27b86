package app

import (
	"context"
	"encoding/csv"
	"io"
	"math"
	"strconv"
	"time"
)

// Inventory and replenishment (issue 17): how much stock there is per SKU,
// how fast it sells, and when and how much to reorder. The rules below are
// the contract of `replenish`; they are pure so they are table-tested with
// worked numbers here, and the SQLite store only feeds them.

// StockLevel is the stock of one SKU in one warehouse (FBA per marketplace,
// an overseas warehouse, the own warehouse in China). SKU and warehouse are
// its key: importing the same pair again replaces it.
type StockLevel struct {
	SKU        string
	Warehouse  string
	OnHand     int64 // sellable now
	Reserved   int64 // held by the marketplace (customer orders, transfers)
	Unsellable int64
	Inbound    int64 // on its way to this warehouse
	UpdatedAt  string
}

// Replenishment statuses.
const (
	StatusNoSales = "no_sales"
	StatusReorder = "reorder"
	StatusOK      = "ok"
)

// DefaultLeadTimeDays is the lead time of a SKU the catalogue says nothing
// about (no product, or neither production days nor a default channel):
// roughly a month of production plus sea freight is what a small seller
// plans with; the row shows the figure used, and --lead-time-days overrides.
const DefaultLeadTimeDays = 45

// ReplenishOptions are the parameters of a replenishment run.
type ReplenishOptions struct {
	AsOf         time.Time // a date; demand is read from the WindowDays days before it
	WindowDays   int       // days of demand history, default 28
	LeadTimeDays int       // < 0: each SKU's own (production + default channel's transit days)
	ReviewDays   int       // days until the next review, default 14
	ServiceLevel float64   // probability of not running out during the lead time, default 0.95
	// ActiveOnly leaves out SKUs with neither stock nor sales in the window,
	// which can never be to reorder: the dashboard then skips the one pass
	// over every order line. The replenish command never sets it.
	ActiveOnly bool
}

// MaxWindowDays bounds the demand window at ten years.
const MaxWindowDays = 3660

// DefaultReplenishOptions are the command's defaults at asOf.
func DefaultReplenishOptions(asOf time.Time) ReplenishOptions {
	return ReplenishOptions{AsOf: DayOf(asOf), WindowDays: 28, LeadTimeDays: -1, ReviewDays: 14, ServiceLevel: 0.95}
}

// Validate names the first unusable option.
func (o ReplenishOptions) Validate() error {
	switch {
	case o.WindowDays < 1 || o.WindowDays > MaxWindowDays:
		// Each SKU holds one counter per day of the window.
		return Errorf(EInvalid, "inventory.err.window_days", o.WindowDays)
	case o.ReviewDays < 0:
		return Errorf(EInvalid, "inventory.err.review_days", o.ReviewDays)
	case !(o.ServiceLevel > 0 && o.ServiceLevel < 1):
		return Errorf(EInvalid, "inventory.err.service_level", strconv.FormatFloat(o.ServiceLevel, 'f', -1, 64))
	}
	return nil
}

// WindowStart is the first day of the demand window; the window ends the day
// before AsOf.
func (o ReplenishOptions) WindowStart() time.Time { return o.AsOf.AddDate(0, 0, -o.WindowDays) }

// DayOf is t's calendar date at midnight UTC.
func DayOf(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// ReplenishInput is what the rule needs about one SKU.
type ReplenishInput struct {
	SKU          string
	OnHand       int64 // over all warehouses
	Inbound      int64
	LeadTimeDays int // the SKU's own; the options may override it
	// ProductionDays is the catalogue's part of the lead time (0 unknown),
	// for replanning with another channel.
	ProductionDays int
	// Units sold per day of the window, oldest first, WindowDays long:
	// non-cancelled lines only, days without sales 0.
	Daily []int64
}

// ReplenishRow is one row of the replenishment plan: the `replenish` CSV.
type ReplenishRow struct {
	SKU          string
	OnHand       int64
	Inbound      int64
	DailyDemand  float64
	DemandSD     float64
	LeadTimeDays int
	SafetyStock  float64
	ReorderPoint float64
	DaysOfCover  float64   // meaningful when DailyDemand > 0
	StockoutDate time.Time // zero when DailyDemand is 0
	ReorderQty   int64
	Status       string
}

// HasDemand says whether the SKU sold anything in the window; without
// demand, days of cover and the stockout date are empty.
func (r ReplenishRow) HasDemand() bool { return r.DailyDemand > 0 }

// NormalQuantile is the standard normal quantile of p in (0, 1): the z with
// P(Z ≤ z) = p. The standard library's inverse error function gives it to
// full double precision (0.95 → 1.6448536…).
func NormalQuantile(p float64) float64 {
	return math.Sqrt2 * math.Erfinv(2*p-1)
}

// snap removes the error of floating-point arithmetic around whole numbers
// before floor and ceil: 10 × 0.3 must ceil to 3, not 4.
func snap(x float64) float64 {
	if r := math.Round(x); math.Abs(x-r) < 1e-9*math.Max(1, math.Abs(x)) {
		return r
	}
	return x
}

// Replenish applies the contract's rules to one SKU:
//
//	daily_demand  = mean of the window's daily units (days without sales count as 0)
//	demand_sd     = their population standard deviation
//	safety_stock  = z(service level) × demand_sd × √lead_time_days
//	reorder_point = daily_demand × lead_time_days + safety_stock
//	days_of_cover = (on_hand + inbound) ÷ daily_demand
//	stockout_date = as-of + floor(on_hand ÷ daily_demand) days
//	reorder_qty   = max(0, ceil(daily_demand × (lead_time_days + review_days) + safety_stock − on_hand − inbound))
//	status        = no_sales if daily_demand = 0; reorder if on_hand + inbound ≤ reorder_point; else ok
//
// Where the figures are ratios of whole numbers (the mean is units ÷ window
// days) the comparisons and floor are done in integers, so no rounding error
// moves a stockout day or a status.
func Replenish(in ReplenishInput, o ReplenishOptions) ReplenishRow {
	r := ReplenishRow{SKU: in.SKU, OnHand: in.OnHand, Inbound: in.Inbound, LeadTimeDays: in.LeadTimeDays}
	if o.LeadTimeDays >= 0 {
		r.LeadTimeDays = o.LeadTimeDays
	}
	n := int64(o.WindowDays)
	var total int64
	for _, q := range in.Daily {
		total += q
	}
	if total <= 0 || n <= 0 {
		// No demand: nothing to project, nothing to reorder.
		r.Status = StatusNoSales
		return r
	}
	mean := float64(total) / float64(n)
	var ss float64
	for i := int64(0); i < n; i++ {
		var q int64
		if i < int64(len(in.Daily)) {
			q = in.Daily[i]
		}
		d := float64(q) - mean
		ss += d * d
	}
	r.DailyDemand = mean
	r.DemandSD = math.Sqrt(ss / float64(n))
	L := float64(r.LeadTimeDays)
	r.SafetyStock = NormalQuantile(o.ServiceLevel) * r.DemandSD * math.Sqrt(L)
	r.ReorderPoint = mean*L + r.SafetyStock
	stock := in.OnHand + in.Inbound
	r.DaysOfCover = float64(stock) * float64(n) / float64(total)
	// floor(on_hand ÷ (total ÷ n)) = floor(on_hand × n ÷ total), exactly.
	days := floorDiv(in.OnHand*n, total)
	r.StockoutDate = DayOf(o.AsOf).AddDate(0, 0, int(days))
	need := snap(float64(total)*float64(int64(r.LeadTimeDays)+int64(o.ReviewDays))/float64(n) + r.SafetyStock - float64(stock))
	r.ReorderQty = max(0, int64(math.Ceil(need)))
	reorder := false
	if r.DemandSD == 0 {
		// Safety stock is 0: compare stock ≤ total × L ÷ n in integers.
		reorder = stock*n <= total*int64(r.LeadTimeDays)
	} else {
		reorder = float64(stock) <= snap(r.ReorderPoint)
	}
	r.Status = StatusOK
	if reorder {
		r.Status = StatusReorder
	}
	return r
}

func floorDiv(a, b int64) int64 {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}

// ReplenishAll plans every SKU, in the order given.
func ReplenishAll(ins []ReplenishInput, o ReplenishOptions) []ReplenishRow {
	out := make([]ReplenishRow, len(ins))
	for i, in := range ins {
		out[i] = Replenish(in, o)
	}
	return out
}

// ReplenishHeader is the `replenish` CSV header, the contract's columns in
// its order.
var ReplenishHeader = []string{"sku", "on_hand", "inbound", "daily_demand", "demand_sd", "lead_time_days", "safety_stock",
	"reorder_point", "days_of_cover", "stockout_date", "reorder_qty", "status"}

// formatFigure writes a computed figure in the shortest form that reads back
// to it once rounded to 9 decimals: exact to far below a unit, without the
// 0.30000000000000004 of binary floating point.
func formatFigure(x float64) string {
	return strconv.FormatFloat(math.Round(x*1e9)/1e9, 'f', -1, 64)
}

// Record is the row as CSV cells in ReplenishHeader's order; days of cover
// and the stockout date are empty without demand.
func (r ReplenishRow) Record() []string {
	cover, stockout := "", ""
	if r.HasDemand() {
		cover, stockout = formatFigure(r.DaysOfCover), r.StockoutDate.Format(time.DateOnly)
	}
	return []string{r.SKU, strconv.FormatInt(r.OnHand, 10), strconv.FormatInt(r.Inbound, 10), formatFigure(r.DailyDemand),
		formatFigure(r.DemandSD), strconv.Itoa(r.LeadTimeDays), formatFigure(r.SafetyStock), formatFigure(r.ReorderPoint),
		cover, stockout, strconv.FormatInt(r.ReorderQty, 10), r.Status}
}

// InventoryStore is what the inventory module needs from a workspace.
type InventoryStore interface {
	// ReplenishInputs gathers, per SKU that has stock or any non-cancelled
	// sale, its stock over all warehouses, its own lead time and the daily
	// units of the options' window. Sorted by SKU.
	ReplenishInputs(ctx context.Context, o ReplenishOptions) ([]ReplenishInput, error)
	// StockLevels lists the stock per SKU and warehouse, by SKU then warehouse.
	StockLevels(ctx context.Context) ([]StockLevel, error)
	// ImportStock reads an Amazon "Manage FBA Inventory" report or a simple
	// sku,warehouse,on_hand,inbound file in one transaction: all rows or none,
	// bad rows named by line and field; a (SKU, warehouse) already there is
	// replaced.
	ImportStock(ctx context.Context, opts StockImportOptions) (StockImportResult, error)
	// SaveStockLevel writes one (SKU, warehouse) row as an import would.
	SaveStockLevel(ctx context.Context, l StockLevel) error
	// OpenShipments lists the shipments not yet received, by arrival.
	OpenShipments(ctx context.Context) ([]InboundShipment, error)
	// SaveShipment adds (ID 0) or replaces a shipment and returns its ID.
	SaveShipment(ctx context.Context, s InboundShipment) (int64, error)
	DeleteShipment(ctx context.Context, id int64) error
	// CartonUnits maps each product's SKU to its units per carton (0: none).
	CartonUnits(ctx context.Context) (map[string]int64, error)
	// ExportPurchaseOrder writes the draft: XLSX for a .xlsx path, CSV
	// otherwise; whole or not at all.
	ExportPurchaseOrder(ctx context.Context, path string, lines []PurchaseLine) error
}

// StockImportOptions say how to read one stock file.
type StockImportOptions struct {
	Path string
	// Warehouse names the warehouse of an Amazon report's rows (the report
	// has no such column); "" is "FBA". Simple files name their own.
	Warehouse string
}

// StockImportResult is the stock import report.
type StockImportResult struct {
	Format   string // "amazon_fba" or "simple"
	RowsRead int
	Imported int // (SKU, warehouse) pairs written
	BadRows  []BadRow
}

// WriteReplenishCSV writes the plan: ReplenishHeader, then one row per SKU.
func WriteReplenishCSV(w io.Writer, rows []ReplenishRow) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(ReplenishHeader); err != nil {
		return err
	}
	for _, r := range rows {
		if err := cw.Write(r.Record()); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
