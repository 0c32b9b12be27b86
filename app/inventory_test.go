package app

import (
	"math"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestNormalQuantile(t *testing.T) {
	// Reference values from statistical tables (and Python's
	// statistics.NormalDist().inv_cdf) to 10 digits.
	for _, tt := range []struct{ p, z float64 }{
		{0.5, 0},
		{0.8413447460685429, 1},
		{0.9, 1.2815515655},
		{0.95, 1.6448536270},
		{0.975, 1.9599639845},
		{0.99, 2.3263478740},
		{0.999, 3.0902323062},
		{0.05, -1.6448536270},
	} {
		if got := NormalQuantile(tt.p); math.Abs(got-tt.z) > 1e-9 {
			t.Errorf("NormalQuantile(%v) = %.12f, want %.10f", tt.p, got, tt.z)
		}
	}
	if got := NormalQuantile(0.95); math.Abs(got-1.6449) > 0.00005 {
		t.Errorf("the issue's 0.95 → 1.6449, got %v", got)
	}
}

var asOf = time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)

func opts(window, lead, review int) ReplenishOptions {
	o := DefaultReplenishOptions(asOf)
	o.WindowDays, o.LeadTimeDays, o.ReviewDays = window, lead, review
	return o
}

func TestReplenishWorkedExample(t *testing.T) {
	// Seven days: 0 2 4 0 6 2 0 → 14 units, mean 2; squared deviations
	// 4 0 4 4 16 0 4 = 32, population sd √(32/7) = 2.1380899353.
	// Lead 9 days: safety stock 1.6448536270 × 2.1380899353 × 3 = 10.5505349545;
	// reorder point 2 × 9 + 10.5505… = 28.5505349545. Stock 20 + 5 = 25 ≤ it:
	// reorder. Cover 25 ÷ 2 = 12.5 days; stockout 1 March + floor(20 ÷ 2) = 11 March;
	// quantity ceil(2 × (9 + 14) + 10.55… − 25) = ceil(31.55…) = 32.
	in := ReplenishInput{SKU: "A1", OnHand: 20, Inbound: 5, LeadTimeDays: 9, Daily: []int64{0, 2, 4, 0, 6, 2, 0}}
	r := Replenish(in, opts(7, -1, 14))
	near := func(name string, got, want float64) {
		t.Helper()
		if math.Abs(got-want) > 1e-9 {
			t.Errorf("%s = %.12f, want %.10f", name, got, want)
		}
	}
	near("daily_demand", r.DailyDemand, 2)
	near("demand_sd", r.DemandSD, 2.138089935299395)
	near("safety_stock", r.SafetyStock, 10.550534954476941)
	near("reorder_point", r.ReorderPoint, 28.55053495447694)
	near("days_of_cover", r.DaysOfCover, 12.5)
	if r.LeadTimeDays != 9 || r.ReorderQty != 32 || r.Status != StatusReorder || !r.StockoutDate.Equal(time.Date(2026, 3, 11, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("row = %+v", r)
	}
	want := []string{"A1", "20", "5", "2", "2.138089935", "9", "10.550534954", "28.550534954", "12.5", "2026-03-11", "32", "reorder"}
	if got := r.Record(); !reflect.DeepEqual(got, want) {
		t.Errorf("Record() = %q, want %q", got, want)
	}

	// The override replaces the SKU's own lead time: 16 days, √16 = 4.
	r = Replenish(in, opts(7, 16, 14))
	near("safety_stock (lead 16)", r.SafetyStock, 1.6448536269514722*2.138089935299395*4)
	if r.LeadTimeDays != 16 {
		t.Errorf("lead time = %d, want the override 16", r.LeadTimeDays)
	}
}

func TestReplenishRules(t *testing.T) {
	day := func(n int) time.Time { return asOf.AddDate(0, 0, n) }
	for _, tt := range []struct {
		name      string
		in        ReplenishInput
		o         ReplenishOptions
		status    string
		qty       int64
		stockout  time.Time
		hasDemand bool
	}{
		{"no sales: empty cover, nothing to order", ReplenishInput{SKU: "x", OnHand: 10, LeadTimeDays: 30, Daily: make([]int64, 28)},
			opts(28, -1, 14), StatusNoSales, 0, time.Time{}, false},
		{"steady demand at the reorder point reorders (≤)", ReplenishInput{SKU: "x", OnHand: 20, Inbound: 10, LeadTimeDays: 10, Daily: []int64{3, 3, 3, 3}},
			opts(4, -1, 5), StatusReorder, 15, day(6), true},
		{"one unit above the reorder point is ok", ReplenishInput{SKU: "x", OnHand: 31, LeadTimeDays: 10, Daily: []int64{3, 3, 3, 3}},
			opts(4, -1, 5), StatusOK, 14, day(10), true},
		{"plenty of stock orders nothing", ReplenishInput{SKU: "x", OnHand: 1000, LeadTimeDays: 10, Daily: []int64{3, 3, 3, 3}},
			opts(4, -1, 5), StatusOK, 0, day(333), true},
		// 7 units over 3 days, 35 on hand: 35 ÷ (7/3) is exactly 15 days;
		// in floating point it is 14.999…, which a naive floor makes 14.
		{"floor of an exact ratio", ReplenishInput{SKU: "x", OnHand: 35, LeadTimeDays: 0, Daily: []int64{2, 2, 3}},
			opts(3, -1, 27), StatusOK, 28, day(15), true},
		// Lead 0, review 27: 7/3 × 27 = 63 exactly, minus nothing on hand; a
		// naive float product is 63.000…01 and ceils to 64.
		{"ceil of an exact product", ReplenishInput{SKU: "x", LeadTimeDays: 0, Daily: []int64{2, 2, 3}},
			opts(3, -1, 27), StatusReorder, 63, day(0), true},
		{"nothing on hand runs out today", ReplenishInput{SKU: "x", Inbound: 50, LeadTimeDays: 5, Daily: []int64{1, 0}},
			opts(2, -1, 0), StatusOK, 0, day(0), true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := Replenish(tt.in, tt.o)
			if r.Status != tt.status || r.ReorderQty != tt.qty || r.HasDemand() != tt.hasDemand || !r.StockoutDate.Equal(tt.stockout) {
				t.Errorf("got status %s qty %d stockout %v demand %v; want %s %d %v %v", r.Status, r.ReorderQty,
					r.StockoutDate, r.HasDemand(), tt.status, tt.qty, tt.stockout, tt.hasDemand)
			}
			rec := r.Record()
			if len(rec) != len(ReplenishHeader) {
				t.Fatalf("record has %d cells, header %d", len(rec), len(ReplenishHeader))
			}
			if !tt.hasDemand && (rec[8] != "" || rec[9] != "") {
				t.Errorf("days_of_cover %q and stockout_date %q must be empty without demand", rec[8], rec[9])
			}
		})
	}
}

func TestReplenishHeaderIsTheContract(t *testing.T) {
	want := "sku,on_hand,inbound,daily_demand,demand_sd,lead_time_days,safety_stock,reorder_point,days_of_cover,stockout_date,reorder_qty,status"
	if got := strings.Join(ReplenishHeader, ","); got != want {
		t.Errorf("header = %s", got)
	}
}

func TestReplenishOptionsValidate(t *testing.T) {
	good := DefaultReplenishOptions(asOf)
	if err := good.Validate(); err != nil {
		t.Fatal(err)
	}
	for _, bad := range []func(*ReplenishOptions){
		func(o *ReplenishOptions) { o.WindowDays = 0 },
		func(o *ReplenishOptions) { o.WindowDays = MaxWindowDays + 1 },
		func(o *ReplenishOptions) { o.ReviewDays = -1 },
		func(o *ReplenishOptions) { o.ServiceLevel = 1 },
		func(o *ReplenishOptions) { o.ServiceLevel = 0 },
		func(o *ReplenishOptions) { o.ServiceLevel = math.NaN() },
	} {
		o := good
		bad(&o)
		if ErrorCode(o.Validate()) != EInvalid {
			t.Errorf("%+v accepted", o)
		}
	}
}

func TestDetectStockMappingAndParse(t *testing.T) {
	amazon := strings.Split("sku\tfnsku\tasin\tproduct-name\tcondition\tyour-price\tmfn-listing-exists\tmfn-fulfillable-quantity\t"+
		"afn-listing-exists\tafn-warehouse-quantity\tafn-fulfillable-quantity\tafn-unsellable-quantity\tafn-reserved-quantity\t"+
		"afn-total-quantity\tper-unit-volume\tafn-inbound-working-quantity\tafn-inbound-shipped-quantity\tafn-inbound-receiving-quantity", "\t")
	m, err := DetectStockMapping(amazon)
	if err != nil || m.Format != StockFormatAmazon {
		t.Fatalf("amazon: %+v %v", m, err)
	}
	row := strings.Split("HL-001\tX00\tB0\tLamp\tNew\t19.99\tNo\t\tYes\t130\t100\t3\t7\t140\t0.1\t10\t20\t30", "\t")
	s, rerr := ParseStockRow(row, m, DefaultFBAWarehouse)
	// on hand = afn-fulfillable 100 + mfn-fulfillable (empty) 0; inbound 10+20+30.
	if rerr != nil || s != (StockLevel{SKU: "HL-001", Warehouse: "FBA", OnHand: 100, Inbound: 60, Reserved: 7, Unsellable: 3}) {
		t.Errorf("amazon row = %+v %v", s, rerr)
	}
	row[7] = "5"
	if s, _ = ParseStockRow(row, m, "FBA-UK"); s.OnHand != 105 || s.Warehouse != "FBA-UK" {
		t.Errorf("with mfn 5: %+v", s)
	}
	row[16] = "x"
	if _, rerr = ParseStockRow(row, m, "FBA"); rerr == nil || rerr.Field != "afn-inbound-shipped-quantity" || rerr.Value != "x" {
		t.Errorf("bad shipped quantity: %+v", rerr)
	}

	m, err = DetectStockMapping([]string{"SKU", "Warehouse", "On Hand", "inbound"})
	if err != nil || m.Format != StockFormatSimple {
		t.Fatalf("simple: %+v %v", m, err)
	}
	if s, rerr = ParseStockRow([]string{"A", "US-3PL", "12", "0"}, m, ""); rerr != nil || s.OnHand != 12 || s.Warehouse != "US-3PL" {
		t.Errorf("simple row: %+v %v", s, rerr)
	}
	for _, tt := range []struct {
		rec   []string
		field string
	}{
		{[]string{"", "W", "1", "1"}, "sku"},
		{[]string{"A", "", "1", "1"}, "warehouse"},
		{[]string{"A", "W", "-1", "1"}, "on_hand"},
		{[]string{"A", "W", "1", "1.5"}, "inbound"},
		{[]string{"A", "W", "9223372036854775807", "1"}, "on_hand"},
	} {
		if _, rerr := ParseStockRow(tt.rec, m, ""); rerr == nil || rerr.Field != tt.field {
			t.Errorf("%q: %+v, want field %s", tt.rec, rerr, tt.field)
		}
	}
	if _, err := DetectStockMapping([]string{"sku", "warehouse", "on_hand"}); ErrorCode(err) != EInvalid {
		t.Errorf("missing inbound accepted: %v", err)
	}
}

// FuzzStockRow: any header and row either map and parse to non-negative
// quantities or are refused with a named field; nothing panics.
func FuzzStockRow(f *testing.F) {
	f.Add("sku\tafn-fulfillable-quantity\tmfn-fulfillable-quantity\tafn-inbound-shipped-quantity", "A\t3\t\t4")
	f.Add("sku,warehouse,on_hand,inbound", "A,W,1,2")
	f.Add("sku,warehouse,on_hand,inbound", ",,-1,x")
	f.Add("SKU,仓库,在库,在途", "B,深圳,1.0,1,234")
	f.Fuzz(func(t *testing.T, header, row string) {
		sep := ","
		if strings.Contains(header, "\t") {
			sep = "\t"
		}
		m, err := DetectStockMapping(strings.Split(header, sep))
		if err != nil {
			if ErrorCode(err) != EInvalid {
				t.Fatalf("mapping error %v", err)
			}
			return
		}
		s, rerr := ParseStockRow(strings.Split(row, sep), m, "FBA")
		if rerr != nil {
			if rerr.Field == "" || rerr.Reason == "" {
				t.Fatalf("unnamed refusal %+v", rerr)
			}
			return
		}
		if s.SKU == "" || s.Warehouse == "" || s.OnHand < 0 || s.Inbound < 0 || s.Reserved < 0 || s.Unsellable < 0 {
			t.Fatalf("accepted %+v", s)
		}
	})
}
