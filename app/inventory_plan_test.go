package app

import (
	"reflect"
	"testing"

	"github.com/shopspring/decimal"
)

func TestProjectStock(t *testing.T) {
	// 10 on hand selling 2 a day: 10, 8, 6, 4, 2, 0, 0 …; a shipment of 30
	// lands on day 3 and 5 undated inbound on day 0.
	in := ReplenishInput{SKU: "S", OnHand: 10, Inbound: 35, LeadTimeDays: 4, Daily: []int64{2, 2, 2, 2}}
	o := opts(4, -1, 0)
	row := Replenish(in, o)
	ships := []InboundShipment{
		{SKU: "S", Quantity: 30, ArrivesOn: asOf.AddDate(0, 0, 3)},
		{SKU: "OTHER", Quantity: 99, ArrivesOn: asOf},
	}
	p := ProjectStock(row, ships, asOf)
	if want := map[int]int64{0: 5, 3: 30}; !reflect.DeepEqual(p.Arrivals, want) {
		t.Errorf("arrivals %v, want %v", p.Arrivals, want)
	}
	if got, want := p.OnHand[:7], []float64{10, 8, 6, 4, 2, 0, 0}; !reflect.DeepEqual(got, want) {
		t.Errorf("on hand %v, want %v", got, want)
	}
	// 15, 13, 11, 9+30=39, 37 …
	if got, want := p.WithIn[:5], []float64{15, 13, 11, 39, 37}; !reflect.DeepEqual(got, want) {
		t.Errorf("with inbound %v, want %v", got, want)
	}
	if p.Stockout != 5 || len(p.OnHand) != ProjectionDays {
		t.Errorf("stockout day %d (want 5), %d days", p.Stockout, len(p.OnHand))
	}
	c := ProjectionChart(p, asOf, English().T)
	if err := c.Validate(); err != nil {
		t.Fatal(err)
	}
	if len(c.Series) != 4 || c.Shade == nil || c.Shade.From != 5 || c.Categories[5] != "03-06" || c.Series[2].Values[0] != 8 {
		t.Errorf("chart %+v", c)
	}
}

func TestPurchaseOrderAndThisWeek(t *testing.T) {
	rows := []ReplenishRow{
		{SKU: "B", Status: StatusReorder, ReorderQty: 101, DailyDemand: 1},
		{SKU: "A", Status: StatusReorder, ReorderQty: 40, DailyDemand: 1},
		{SKU: "C", Status: StatusOK, ReorderQty: 0, DailyDemand: 1, OnHand: 20, ReorderPoint: 14},
		{SKU: "D", Status: StatusNoSales},
	}
	products := map[string]Product{"B": {SKU: "B", NameEn: "Lamp", Supplier: "Ningbo"}, "A": {SKU: "A", NameZh: "杯子", Supplier: "Ningbo"}}
	got := PurchaseOrder(rows, products, map[string]int64{"B": 50})
	want := []PurchaseLine{
		{SKU: "A", Name: "杯子", ReorderQty: 40, Quantity: 40, Supplier: "Ningbo"},
		{SKU: "B", Name: "Lamp", ReorderQty: 101, CartonUnits: 50, Cartons: 3, Quantity: 150, Supplier: "Ningbo"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("PO %+v", got)
	}
	// C: 20 − 7 × 1 = 13 ≤ 14: within the week. With 22 on hand it is not.
	if !ReorderThisWeek(rows[2]) || ReorderThisWeek(rows[3]) || !ReorderThisWeek(rows[0]) {
		t.Error("this week")
	}
	rows[2].OnHand = 22
	if ReorderThisWeek(rows[2]) {
		t.Error("22 − 7 = 15 > 14 is not this week")
	}
}

func TestHeadHaulWhatIf(t *testing.T) {
	// 2 a day, σ 0, production 10 days. Sea: 10 + 35 = 45 days; air: 10 + 8
	// = 18 days. Reorder quantities 2 × (45 + 14) − 30 = 88 and 2 × (18 + 14)
	// − 30 = 34. One unit of 0.4 kg (volume 20×10×10/5000 = 0.4): sea ¥20
	// first 0.5 kg → 20; air ¥30 first 0.2 kg + 0.2 kg × ¥60 = 42.
	d := make([]int64, 28)
	for i := range d {
		d[i] = 2
	}
	in := ReplenishInput{SKU: "S", OnHand: 30, LeadTimeDays: 45, ProductionDays: 10, Daily: d}
	p := Product{SKU: "S", WeightKg: decimal.RequireFromString("0.3"), LengthCm: decimal.NewFromInt(20), WidthCm: decimal.NewFromInt(10), HeightCm: decimal.NewFromInt(10)}
	chs := []LogisticsChannel{
		{Name: "Sea", DaysMax: 35, VolDivisor: 5000, FirstWeightKg: decimal.RequireFromString("0.5"), FirstPrice: decimal.NewFromInt(20), PerKg: decimal.NewFromInt(10)},
		{Name: "Air", DaysMax: 8, VolDivisor: 5000, FirstWeightKg: decimal.RequireFromString("0.2"), FirstPrice: decimal.NewFromInt(30), PerKg: decimal.NewFromInt(60)},
	}
	got := HeadHaulWhatIf(in, opts(28, -1, 14), p, chs)
	if len(got) != 2 || got[0].Channel.Name != "Air" || got[0].Row.LeadTimeDays != 18 || got[0].Row.ReorderQty != 34 ||
		got[0].FreightPerUnit.String() != "42" || got[1].Row.LeadTimeDays != 45 || got[1].Row.ReorderQty != 88 || got[1].FreightPerUnit.String() != "20" {
		t.Errorf("what-if %+v", got)
	}
}

func TestAgingRisk(t *testing.T) {
	for _, tt := range []struct {
		r    ReplenishRow
		want bool
	}{
		{ReplenishRow{DailyDemand: 1, DaysOfCover: 180}, false},
		{ReplenishRow{DailyDemand: 1, DaysOfCover: 180.5}, true},
		{ReplenishRow{DailyDemand: 0, OnHand: 900}, false}, // no demand: no_sales says it
	} {
		if got := AgingRisk(tt.r); got != tt.want {
			t.Errorf("%+v: %v", tt.r, got)
		}
	}
}
