package app

import (
	"math"
	"sort"
	"strconv"
	"time"

	"github.com/shopspring/decimal"
)

// What the screens, dashboard and report build on top of the replenishment
// rules: the stock projection, the purchase-order draft and "reorder this
// week".

// InboundShipment is stock on its way that no stock file counts yet, e.g. a
// sea shipment to an overseas warehouse: it adds to inbound until received.
type InboundShipment struct {
	ID        int64
	SKU       string
	Warehouse string
	Quantity  int64
	ChannelID int64 // 0: none
	ShippedOn time.Time
	ArrivesOn time.Time
	Received  bool
}

// Validate names the first unusable field.
func (s InboundShipment) Validate() error {
	switch {
	case s.SKU == "":
		return Errorf(EInvalid, "inventory.err.shipment_sku")
	case s.Quantity <= 0:
		return Errorf(EInvalid, "inventory.err.shipment_quantity")
	case s.ArrivesOn.Before(s.ShippedOn):
		return Errorf(EInvalid, "inventory.err.shipment_dates")
	}
	return nil
}

// ProjectionDays is how far the stock projection looks ahead.
const ProjectionDays = 120

// StockProjection is the per-SKU projection drawn on the Stock screen and in
// the report, with the figures its note explains.
type StockProjection struct {
	Row      ReplenishRow
	Arrivals map[int]int64 // day index → units arriving (dated shipments; undated inbound on day 0)
	OnHand   []float64     // on hand selling daily_demand a day, no arrivals
	WithIn   []float64     // the same with the arrivals as steps
	Stockout int           // day index of the contract's stockout date; -1 past the horizon or no demand
}

// ProjectStock projects row's stock over ProjectionDays from the as-of day:
// each day sells the mean daily demand (never below 0: unmet demand is lost,
// not back-ordered) and arrivals land on their day. Inbound the row counts
// but no shipment dates (a stock file's inbound) is placed on day 0.
func ProjectStock(row ReplenishRow, shipments []InboundShipment, asOf time.Time) StockProjection {
	asOf = DayOf(asOf)
	p := StockProjection{Row: row, Arrivals: map[int]int64{}, Stockout: -1}
	dated := int64(0)
	for _, s := range shipments {
		if s.SKU != row.SKU || s.Received {
			continue
		}
		d := max(0, int(DayOf(s.ArrivesOn).Sub(asOf).Hours()/24))
		if d < ProjectionDays {
			p.Arrivals[d] += s.Quantity
		}
		dated += s.Quantity
	}
	if undated := row.Inbound - dated; undated > 0 {
		p.Arrivals[0] += undated
	}
	p.OnHand = make([]float64, ProjectionDays)
	p.WithIn = make([]float64, ProjectionDays)
	with := float64(row.OnHand)
	for i := range ProjectionDays {
		p.OnHand[i] = math.Max(0, float64(row.OnHand)-row.DailyDemand*float64(i))
		if i > 0 {
			with = math.Max(0, with-row.DailyDemand)
		}
		with += float64(p.Arrivals[i])
		p.WithIn[i] = with
	}
	if row.HasDemand() {
		if d := int(row.StockoutDate.Sub(asOf).Hours() / 24); d >= 0 && d < ProjectionDays {
			p.Stockout = d
		}
	}
	return p
}

// ProjectionChart draws a projection: the two stock lines, the reorder point
// and safety stock as flat lines, and the stockout day shaded.
func ProjectionChart(p StockProjection, asOf time.Time, t func(string, ...any) string) Chart {
	c := Chart{ID: "inventory-projection-" + SafeID(p.Row.SKU), Title: t("inventory.chart.projection", p.Row.SKU), Kind: ChartLine,
		XLabel: t("inventory.chart.day"), YLabel: t("inventory.chart.units"), Unit: t("inventory.unit")}
	rop := make([]float64, ProjectionDays)
	safety := make([]float64, ProjectionDays)
	for i := range ProjectionDays {
		c.Categories = append(c.Categories, DayOf(asOf).AddDate(0, 0, i).Format("01-02"))
		rop[i], safety[i] = round2(p.Row.ReorderPoint), round2(p.Row.SafetyStock)
	}
	on, with := make([]float64, ProjectionDays), make([]float64, ProjectionDays)
	for i := range ProjectionDays {
		on[i], with[i] = round2(p.OnHand[i]), round2(p.WithIn[i])
	}
	c.Series = []Series{
		{Name: t("inventory.series.on_hand"), Values: on},
		{Name: t("inventory.series.with_inbound"), Values: with},
		{Name: t("inventory.series.reorder_point"), Values: rop},
		{Name: t("inventory.series.safety_stock"), Values: safety},
	}
	if p.Stockout >= 0 {
		c.Shade = &ChartRange{From: p.Stockout, To: p.Stockout, Label: t("inventory.chart.stockout", p.Row.StockoutDate.Format(time.DateOnly))}
	}
	c.Note = t("inventory.chart.projection_note", formatFigure(round2(p.Row.DailyDemand)), p.Row.OnHand, p.Row.Inbound)
	return c
}

func round2(x float64) float64 { return math.Round(x*100) / 100 }

// SafeID keeps the ASCII letters, digits and dashes of s for a chart ID.
func SafeID(s string) string {
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' {
			b = append(b, c)
		} else {
			b = append(b, '_')
		}
	}
	return string(b)
}

// ReorderThisWeek says whether a SKU is to be reordered now or within the
// next 7 days at its current demand: on_hand + inbound − 7 × daily_demand ≤
// reorder_point. The dashboard lists these.
func ReorderThisWeek(r ReplenishRow) bool {
	if !r.HasDemand() {
		return false
	}
	return r.Status == StatusReorder || float64(r.OnHand+r.Inbound)-7*r.DailyDemand <= r.ReorderPoint
}

// PurchaseLine is one line of a purchase-order draft.
type PurchaseLine struct {
	SKU         string
	Name        string
	ReorderQty  int64 // the plan's
	CartonUnits int64 // 0: sold by the unit
	Cartons     int64
	Quantity    int64 // ReorderQty rounded up to whole cartons
	Supplier    string
}

// PurchaseOrder drafts the purchase order: every SKU to reorder with a
// quantity above 0, rounded up to whole cartons, by supplier then SKU.
func PurchaseOrder(rows []ReplenishRow, products map[string]Product, cartons map[string]int64) []PurchaseLine {
	var out []PurchaseLine
	for _, r := range rows {
		if r.Status != StatusReorder || r.ReorderQty <= 0 {
			continue
		}
		l := PurchaseLine{SKU: r.SKU, ReorderQty: r.ReorderQty, CartonUnits: cartons[r.SKU], Quantity: r.ReorderQty}
		if p, ok := products[r.SKU]; ok {
			l.Name, l.Supplier = p.NameEn, p.Supplier
			if l.Name == "" {
				l.Name = p.NameZh
			}
		}
		if l.CartonUnits > 0 {
			l.Cartons = (r.ReorderQty + l.CartonUnits - 1) / l.CartonUnits
			l.Quantity = l.Cartons * l.CartonUnits
		}
		out = append(out, l)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Supplier != out[j].Supplier {
			return out[i].Supplier < out[j].Supplier
		}
		return out[i].SKU < out[j].SKU
	})
	return out
}

// PurchaseOrderHeader is the draft's CSV/XLSX header.
var PurchaseOrderHeader = []string{"supplier", "sku", "name", "reorder_qty", "carton_units", "cartons", "order_qty"}

// Record is the line as cells in PurchaseOrderHeader's order.
func (l PurchaseLine) Record() []string {
	return []string{l.Supplier, l.SKU, l.Name, strconv.FormatInt(l.ReorderQty, 10), strconv.FormatInt(l.CartonUnits, 10),
		strconv.FormatInt(l.Cartons, 10), strconv.FormatInt(l.Quantity, 10)}
}

// HeadHaulOption is the plan of one SKU if its stock came by another
// channel: a sea channel's long lead time against an air channel's freight.
type HeadHaulOption struct {
	Channel        LogisticsChannel
	Row            ReplenishRow    // the plan with this channel's lead time
	FreightPerUnit decimal.Decimal // CNY: the channel's price for one unit's chargeable weight
}

// HeadHaulWhatIf replans a SKU with each channel's lead time (production
// days + the channel's days_max, as the catalogue's default channel gives)
// and prices one unit on it, fastest first. It answers "sea or air": how
// much safety stock and reorder quantity a shorter lead time saves, and what
// the faster freight costs per unit.
func HeadHaulWhatIf(in ReplenishInput, o ReplenishOptions, p Product, channels []LogisticsChannel) []HeadHaulOption {
	out := make([]HeadHaulOption, 0, len(channels))
	for _, ch := range channels {
		oc := o
		oc.LeadTimeDays = in.ProductionDays + ch.DaysMax
		div := decimal.NewFromInt(int64(max(ch.VolDivisor, 1)))
		kg := decimal.Max(p.WeightKg, p.LengthCm.Mul(p.WidthCm).Mul(p.HeightCm).Div(div))
		out = append(out, HeadHaulOption{Channel: ch, Row: Replenish(in, oc), FreightPerUnit: ChannelCost(ch, kg).Round(2)})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Row.LeadTimeDays < out[j].Row.LeadTimeDays })
	return out
}

// AgedStockDays is where FBA's aged-inventory surcharge begins: units stored
// more than 180 days pay it on top of monthly storage.
const AgedStockDays = 180

// AgingRisk says whether, selling at the current daily demand, the last of
// on hand + inbound would still be in stock past AgedStockDays: stock bought
// now that will pay the aged-inventory surcharge. Days of cover stands in for
// age, which the stock files do not give.
func AgingRisk(r ReplenishRow) bool {
	return r.HasDemand() && r.DaysOfCover > AgedStockDays
}
