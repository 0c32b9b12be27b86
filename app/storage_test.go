package app

import (
	"reflect"
	"testing"
	"time"

	"github.com/shopspring/decimal"
)

// testFees is a small dated table: US per ft³ with a newer Jan–Sep standard
// row from 2025-01-15, JP per m³, and two US aged bands.
func testFees() []StorageFee {
	return []StorageFee{
		{ID: 1, Type: FeeMonthly, Kind: LocationMarketplace, Location: "US", SizeTier: TierStandard, Season: SeasonJanSep, VolumeUnit: UnitCubicFoot, Currency: "USD", Price: dec("0.75"), ValidFrom: onDay("2024-01-01")},
		{ID: 2, Type: FeeMonthly, Kind: LocationMarketplace, Location: "US", SizeTier: TierStandard, Season: SeasonJanSep, VolumeUnit: UnitCubicFoot, Currency: "USD", Price: dec("0.78"), ValidFrom: onDay("2025-01-15")},
		{ID: 3, Type: FeeMonthly, Kind: LocationMarketplace, Location: "US", SizeTier: TierStandard, Season: SeasonOctDec, VolumeUnit: UnitCubicFoot, Currency: "USD", Price: dec("2.40"), ValidFrom: onDay("2024-01-01")},
		{ID: 4, Type: FeeMonthly, Kind: LocationMarketplace, Location: "US", SizeTier: TierOversize, Season: SeasonJanSep, VolumeUnit: UnitCubicFoot, Currency: "USD", Price: dec("0.56"), ValidFrom: onDay("2024-01-01")},
		{ID: 5, Type: FeeMonthly, Kind: LocationMarketplace, Location: "JP", SizeTier: TierStandard, Season: SeasonJanSep, VolumeUnit: UnitCubicMetre, Currency: "JPY", Price: dec("5160"), ValidFrom: onDay("2024-01-01")},
		{ID: 6, Type: FeeAged, Kind: LocationMarketplace, Location: "US", MinAgeDays: 181, VolumeUnit: UnitCubicFoot, Currency: "USD", Price: dec("0.50"), ValidFrom: onDay("2024-01-01")},
		{ID: 7, Type: FeeAged, Kind: LocationMarketplace, Location: "US", MinAgeDays: 211, VolumeUnit: UnitCubicFoot, Currency: "USD", Price: dec("1.00"), ValidFrom: onDay("2024-01-01")},
	}
}

func TestSeasonOf(t *testing.T) {
	for _, tt := range []struct{ day, want string }{
		{"2025-01-01", SeasonJanSep}, {"2025-09-30", SeasonJanSep}, {"2025-10-01", SeasonOctDec}, {"2025-12-31", SeasonOctDec},
	} {
		if got := SeasonOf(onDay(tt.day)); got != tt.want {
			t.Errorf("SeasonOf(%s) = %s, want %s", tt.day, got, tt.want)
		}
	}
}

func TestSizeTierOf(t *testing.T) {
	for _, tt := range []struct {
		name       string
		l, w, h, k string
		want       string
	}{
		{"small box", "34", "9.5", "6", "0.42", TierStandard},
		{"limits exactly, sides in any order", "20.32", "45.72", "35.56", "9.072", TierStandard},
		{"longest side over 45.72 cm", "45.73", "10", "10", "1", TierOversize},
		{"median side over 35.56 cm", "40", "36", "10", "1", TierOversize},
		{"shortest side over 20.32 cm", "40", "30", "21", "1", TierOversize},
		{"over 9.072 kg", "30", "20", "10", "9.1", TierOversize},
		{"a side unknown", "30", "0", "10", "1", ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := SizeTierOf(dec(tt.l), dec(tt.w), dec(tt.h), dec(tt.k)); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestVolumeIn(t *testing.T) {
	if got := VolumeIn(dec("28316.846592"), UnitCubicFoot); !got.Equal(dec("1")) {
		t.Errorf("one cubic foot in cm³ = %s ft³", got)
	}
	if got := VolumeIn(dec("6000"), UnitCubicMetre); !got.Equal(dec("0.006")) {
		t.Errorf("6000 cm³ = %s m³", got)
	}
}

func TestFeeInForce(t *testing.T) {
	for _, tt := range []struct {
		day  string
		tier string
		want string // price, "" none
	}{
		{"2023-12-31", TierStandard, ""},     // before every row
		{"2025-01-14", TierStandard, "0.75"}, // the newer row is not yet valid
		{"2025-01-15", TierStandard, "0.78"}, // valid from its own day
		{"2025-10-01", TierStandard, "2.40"}, // the peak's row, untouched by the newer Jan–Sep one
		{"2025-03-01", TierOversize, "0.56"}, // its own tier
		{"2025-10-01", TierOversize, ""},     // no Oct–Dec oversize row
	} {
		f, ok := MonthlyFee(testFees(), "US", tt.tier, onDay(tt.day))
		if ok != (tt.want != "") || ok && !f.Price.Equal(dec(tt.want)) {
			t.Errorf("%s %s: fee %v (found %v), want %q", tt.day, tt.tier, f.Price, ok, tt.want)
		}
	}
}

func TestAgedBand(t *testing.T) {
	for _, tt := range []struct {
		age  int
		want string
	}{{180, ""}, {181, "0.5"}, {210, "0.5"}, {211, "1"}, {400, "1"}} {
		f, ok := AgedBand(testFees(), "US", tt.age, onDay("2025-06-01"))
		if ok != (tt.want != "") || ok && !f.Price.Equal(dec(tt.want)) {
			t.Errorf("age %d: band price %v (found %v), want %q", tt.age, f.Price, ok, tt.want)
		}
	}
}

func TestAgeStock(t *testing.T) {
	asOf := onDay("2025-06-30")
	ship := func(q int64, arrived string, received bool) InboundShipment {
		return InboundShipment{SKU: "A", Quantity: q, ArrivesOn: onDay(arrived), Received: received}
	}
	// 100 units arrived 200 days before the as-of day, 80 arrived 30 days
	// before; one shipment still on its way and one "received" in the
	// future are not stock.
	ships := []InboundShipment{ship(100, "2024-12-12", true), ship(80, "2025-05-31", true), ship(50, "2025-06-01", false), ship(9, "2025-07-05", true)}
	for _, tt := range []struct {
		name    string
		onHand  int64
		lots    []StockLot
		unknown int64
	}{
		{"sales took the oldest first", 150, []StockLot{{80, 30}, {70, 200}}, 0},
		{"more on hand than received: the rest is of unknown age", 200, []StockLot{{80, 30}, {100, 200}}, 20},
		{"only part of the newest", 50, []StockLot{{50, 30}}, 0},
		{"nothing on hand", 0, nil, 0},
	} {
		t.Run(tt.name, func(t *testing.T) {
			lots, unknown := AgeStock(tt.onHand, ships, asOf)
			if !reflect.DeepEqual(lots, tt.lots) || unknown != tt.unknown {
				t.Errorf("got %v + %d unknown, want %v + %d", lots, unknown, tt.lots, tt.unknown)
			}
		})
	}
}

func TestStorageCost(t *testing.T) {
	oneFt3 := StorageProfile{SKU: "A", EnteredCm3: dec("28316.846592")}
	box := &Product{SKU: "B", LengthCm: dec("30"), WidthCm: dec("20"), HeightCm: dec("10"), WeightKg: dec("1")} // 6000 cm³, standard
	big := &Product{SKU: "C", LengthCm: dec("60"), WidthCm: dec("40"), HeightCm: dec("30"), WeightKg: dec("5")} // 72000 cm³, oversize
	for _, tt := range []struct {
		name  string
		in    StorageInput
		asOf  string
		check func(t *testing.T, l StorageLine)
	}{
		{
			// 1 ft³ × $0.78 = $0.78 a month; 56 units in 28 days is 60 a
			// month; 120 on hand last 120 × 28 ÷ (56 × 30) = 2 months;
			// storage_per_unit = 0.78 × 2 = 1.56.
			name: "entered volume, US, Jan–Sep", asOf: "2025-06-30",
			in: StorageInput{SKU: "A", Profile: oneFt3, DefaultLocation: "US", OnHand: 120, UnitsInWindow: 56},
			check: func(t *testing.T, l StorageLine) {
				want(t, "source", l.VolumeSource, VolumeEntered)
				want(t, "tier", l.SizeTier, TierStandard)
				wantDec(t, "monthly per unit", l.MonthlyPerUnit, "0.78")
				wantDec(t, "monthly demand", l.MonthlyDemand, "60")
				wantDec(t, "months", l.MonthsInStock, "2")
				wantDec(t, "storage per unit", l.StoragePerUnit, "1.56")
			},
		},
		{
			// The peak: 2.40 × 2 = 4.80.
			name: "the same in October", asOf: "2025-10-01",
			in: StorageInput{SKU: "A", Profile: oneFt3, DefaultLocation: "US", OnHand: 120, UnitsInWindow: 56},
			check: func(t *testing.T, l StorageLine) {
				want(t, "season", l.Season, SeasonOctDec)
				wantDec(t, "storage per unit", l.StoragePerUnit, "4.8")
			},
		},
		{
			// 0.006 m³ × ¥5160 = ¥30.96 a month; 21 units in 28 days is
			// 22.5 a month; 45 ÷ 22.5 = 2 months: ¥61.92.
			name: "product dimensions, JP per m³", asOf: "2025-06-30",
			in: StorageInput{SKU: "B", Product: box, Profile: StorageProfile{Location: "JP"}, DefaultLocation: "US", OnHand: 45, UnitsInWindow: 21},
			check: func(t *testing.T, l StorageLine) {
				want(t, "location", l.Location, "JP")
				want(t, "source", l.VolumeSource, VolumeProduct)
				wantDec(t, "volume", l.VolumeCm3, "6000")
				wantDec(t, "monthly per unit", l.MonthlyPerUnit, "30.96")
				wantDec(t, "storage per unit", l.StoragePerUnit, "61.92")
			},
		},
		{
			// 72000 cm³ = 2.5426… ft³ × $0.56 = $1.4239 a month; 10 units
			// in 28 days, 7 on hand: 7 × 28 ÷ 300 = 0.65333… months;
			// 1.4239 × 0.65333 = 0.93 (rounded to cents).
			name: "oversize by its sides", asOf: "2025-06-30",
			in: StorageInput{SKU: "C", Product: big, DefaultLocation: "US", OnHand: 7, UnitsInWindow: 10},
			check: func(t *testing.T, l StorageLine) {
				want(t, "tier", l.SizeTier, TierOversize)
				wantDec(t, "monthly per unit", l.MonthlyPerUnit.Round(4), "1.4239")
				wantDec(t, "storage per unit", l.StoragePerUnit, "0.93")
			},
		},
		{
			// Amazon's report says 0.5 ft³: 0.5 × 0.78 = 0.39 a month.
			name: "the FBA report's volume when the catalogue has no sides", asOf: "2025-06-30",
			in: StorageInput{SKU: "D", Profile: StorageProfile{ReportFt3: dec("0.5")}, DefaultLocation: "US", OnHand: 30, UnitsInWindow: 28},
			check: func(t *testing.T, l StorageLine) {
				want(t, "source", l.VolumeSource, VolumeReport)
				wantDec(t, "monthly per unit", l.MonthlyPerUnit, "0.39")
				wantDec(t, "months", l.MonthsInStock, "1")
				wantDec(t, "storage per unit", l.StoragePerUnit, "0.39")
			},
		},
		{
			name: "no sales: months and cost unknown", asOf: "2025-06-30",
			in: StorageInput{SKU: "A", Profile: oneFt3, DefaultLocation: "US", OnHand: 40},
			check: func(t *testing.T, l StorageLine) {
				if l.HasDemand || l.HasCost {
					t.Errorf("no demand: HasDemand %v HasCost %v", l.HasDemand, l.HasCost)
				}
				wantDec(t, "monthly per unit", l.MonthlyPerUnit, "0.78")
			},
		},
		{
			name: "no fee for the location", asOf: "2025-06-30",
			in: StorageInput{SKU: "A", Profile: oneFt3, DefaultLocation: "DE", OnHand: 40, UnitsInWindow: 28},
			check: func(t *testing.T, l StorageLine) {
				if l.HasFee || l.HasCost {
					t.Errorf("no DE row: HasFee %v HasCost %v", l.HasFee, l.HasCost)
				}
			},
		},
		{
			// FIFO: 80 units 30 days old, 70 of 200 days. 70 aged at 181;
			// surcharge 70 × 1 ft³ × $0.50 (the 181–210 band) = $35.
			name: "aged units and their surcharge", asOf: "2025-06-30",
			in: StorageInput{SKU: "A", Profile: oneFt3, DefaultLocation: "US", OnHand: 150, UnitsInWindow: 28, Received: []InboundShipment{
				{SKU: "A", Quantity: 100, ArrivesOn: onDay("2024-12-12"), Received: true},
				{SKU: "A", Quantity: 80, ArrivesOn: onDay("2025-05-31"), Received: true}}},
			check: func(t *testing.T, l StorageLine) {
				if l.AgedUnits != 70 || !l.Aged() || l.OldestDays != 200 || l.UnknownAge != 0 {
					t.Errorf("aged %d oldest %d unknown %d", l.AgedUnits, l.OldestDays, l.UnknownAge)
				}
				wantDec(t, "surcharge", l.AgedSurcharge, "35")
			},
		},
	} {
		t.Run(tt.name, func(t *testing.T) {
			o := DefaultStorageOptions(onDay(tt.asOf))
			tt.check(t, StorageCost(tt.in, testFees(), o))
		})
	}
}

func TestStorageAgedThreshold(t *testing.T) {
	in := StorageInput{SKU: "A", OnHand: 10, Received: []InboundShipment{{SKU: "A", Quantity: 10, ArrivesOn: onDay("2025-01-01"), Received: true}}}
	o := DefaultStorageOptions(onDay("2025-07-01")) // 181 days later
	if l := StorageCost(in, nil, o); l.AgedUnits != 10 {
		t.Errorf("181 days old at the default threshold: aged %d, want 10", l.AgedUnits)
	}
	o.AgedDays = 182
	if l := StorageCost(in, nil, o); l.AgedUnits != 0 {
		t.Errorf("threshold 182: aged %d, want 0", l.AgedUnits)
	}
	if l := StorageCost(in, nil, o); l.UnknownAge != 0 || len(l.Lots) != 1 {
		t.Errorf("lots %v unknown %d", l.Lots, l.UnknownAge)
	}
}

func TestStorageFeeValidate(t *testing.T) {
	ok := testFees()[0]
	if err := ok.Validate(); err != nil {
		t.Fatal(err)
	}
	aged := testFees()[5]
	if err := aged.Validate(); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		key string
		mod func(*StorageFee)
	}{
		{"storage.err.type", func(f *StorageFee) { f.Type = "x" }},
		{"storage.err.kind", func(f *StorageFee) { f.Kind = "" }},
		{"storage.err.location", func(f *StorageFee) { f.Location = "" }},
		{"storage.err.size_tier", func(f *StorageFee) { f.SizeTier = "huge" }},
		{"storage.err.season", func(f *StorageFee) { f.Season = "summer" }},
		{"storage.err.unit", func(f *StorageFee) { f.VolumeUnit = "l" }},
		{"storage.err.currency", func(f *StorageFee) { f.Currency = "US" }},
		{"storage.err.price", func(f *StorageFee) { f.Price = dec("-0.01") }},
		{"storage.err.price", func(f *StorageFee) { f.Price = dec("1e9999") }},
		{"storage.err.valid_from", func(f *StorageFee) { f.ValidFrom = time.Time{} }},
		{"storage.err.min_age", func(f *StorageFee) { *f = testFees()[5]; f.MinAgeDays = 0 }},
	} {
		f := ok
		tt.mod(&f)
		err := f.Validate()
		if e, isApp := err.(*Error); !isApp || e.Key != tt.key {
			t.Errorf("want %s, got %v", tt.key, err)
		}
	}
}

func want(t *testing.T, what, got, want string) {
	t.Helper()
	if got != want {
		t.Errorf("%s = %q, want %q", what, got, want)
	}
}

func wantDec(t *testing.T, what string, got decimal.Decimal, want string) {
	t.Helper()
	if !got.Equal(decimal.RequireFromString(want)) {
		t.Errorf("%s = %s, want %s", what, got, want)
	}
}

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func onDay(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestParseStockVolume(t *testing.T) {
	m, err := DetectStockMapping([]string{"sku", "afn-fulfillable-quantity", "per-unit-volume"})
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		cell, want string
		bad        bool
	}{{"0.25", "0.25", false}, {"", "0", false}, {"x", "0", true}, {"-1", "0", true}, {"1e9999", "0", true}, {"10001", "0", true}} {
		v, rerr := ParseStockVolume([]string{"A", "1", tt.cell}, m)
		if (rerr != nil) != tt.bad || !v.Equal(dec(tt.want)) {
			t.Errorf("%q: %s %+v", tt.cell, v, rerr)
		}
		if rerr != nil && (rerr.Field != "per-unit-volume" || rerr.Reason != "bad_volume") {
			t.Errorf("%q: %+v", tt.cell, rerr)
		}
	}
	simple, _ := DetectStockMapping([]string{"sku", "warehouse", "on_hand", "inbound"})
	if v, rerr := ParseStockVolume([]string{"A", "W", "1", "2"}, simple); !v.IsZero() || rerr != nil {
		t.Errorf("simple file: %s %v", v, rerr)
	}
}

// FuzzParseStockVolume: any cell gives a volume of 0 or more, or a bad row
// named per-unit-volume; never a panic or a negative volume.
func FuzzParseStockVolume(f *testing.F) {
	m, err := DetectStockMapping([]string{"sku", "afn-fulfillable-quantity", "per-unit-volume"})
	if err != nil {
		f.Fatal(err)
	}
	for _, s := range []string{"0.25", "", "-1", "1e3", "x", " 2 ", "0x10"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, cell string) {
		v, rerr := ParseStockVolume([]string{"A", "1", cell}, m)
		if rerr != nil && rerr.Field != "per-unit-volume" {
			t.Errorf("%q: field %q", cell, rerr.Field)
		}
		if v.IsNegative() {
			t.Errorf("%q: negative volume %s", cell, v)
		}
	})
}
