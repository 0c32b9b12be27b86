package app

import (
	"context"
	"encoding/csv"
	"io"
	"sort"
	"strconv"
	"time"

	"github.com/shopspring/decimal"
)

// Storage cost (issue 17): what keeping a unit in FBA or an overseas
// warehouse costs while it waits to be sold, and the aged-inventory
// surcharge on units that wait too long. The fees live in a dated table the
// seller edits (Amazon changes them); the rules below pick the row in force
// and do the arithmetic in decimal, so each figure can be shown with its
// formula and recomputed by hand.

// Fee types: the monthly storage fee and the aged-inventory surcharge.
const (
	FeeMonthly = "monthly"
	FeeAged    = "aged"
)

// Fee location kinds: a marketplace's fulfilment network (FBA US, FBA JP) or
// a warehouse of the seller's choosing (an overseas 3PL).
const (
	LocationMarketplace = "marketplace"
	LocationWarehouse   = "warehouse"
)

// Size tiers. Amazon's tiers are finer (small standard, large standard,
// large bulky, extra-large); storage is priced on two, which is what the fee
// table keys on.
const (
	TierStandard = "standard"
	TierOversize = "oversize"
)

// Seasons of the monthly fee: Amazon prices October–December (the peak)
// above the rest of the year.
const (
	SeasonJanSep = "jan_sep"
	SeasonOctDec = "oct_dec"
)

// Volume units a fee is quoted in.
const (
	UnitCubicFoot  = "ft3"
	UnitCubicMetre = "m3"
)

// Enumerations the form offers and Validate accepts.
var (
	FeeTypes      = []string{FeeMonthly, FeeAged}
	LocationKinds = []string{LocationMarketplace, LocationWarehouse}
	SizeTiers     = []string{TierStandard, TierOversize}
	Seasons       = []string{SeasonJanSep, SeasonOctDec}
	VolumeUnits   = []string{UnitCubicFoot, UnitCubicMetre}
)

// DefaultAgedDays is where the aged warning begins by default: Amazon's
// aged-inventory surcharge starts at 181 days in stock.
const DefaultAgedDays = 181

// DaysPerMonth turns daily demand into monthly demand. Storage is billed by
// calendar month; 30 keeps the formula one a seller can redo by hand.
const DaysPerMonth = 30

// Bounds of typed and imported figures: far above any real parcel or fee,
// low enough that a stray exponent (1e9999) is refused rather than
// carried into arithmetic and text.
var (
	MaxUnitVolumeFt3 = decimal.NewFromInt(10_000)
	MaxUnitVolumeCm3 = MaxUnitVolumeFt3.Mul(decimal.RequireFromString("28316.846592"))
	MaxFeePrice      = decimal.NewFromInt(1_000_000)
)

// cm3PerCubicFoot is 12³ cubic inches of 2.54³ cm³ each: exact.
var cm3PerCubicFoot = decimal.RequireFromString("28316.846592")

// StorageFee is one row of the dated fee table: a monthly storage price per
// unit of volume, or an aged-inventory surcharge band starting at MinAgeDays.
type StorageFee struct {
	ID       int64
	Type     string // FeeMonthly or FeeAged
	Kind     string // LocationMarketplace or LocationWarehouse
	Location string // a marketplace code ("US", "JP") or a warehouse name
	SizeTier string // monthly only: TierStandard or TierOversize
	Season   string // monthly only: SeasonJanSep or SeasonOctDec
	// MinAgeDays is where an aged band begins (its end is the next band's
	// start); 0 for monthly fees.
	MinAgeDays int
	VolumeUnit string          // UnitCubicFoot or UnitCubicMetre
	Currency   string          // the marketplace's, e.g. USD, JPY
	Price      decimal.Decimal // per volume unit per month
	ValidFrom  time.Time       // a date: the row applies from this day until a newer row for the same key
}

// Validate names the first unusable field.
func (f StorageFee) Validate() error {
	switch {
	case !oneOf(f.Type, FeeTypes):
		return Errorf(EInvalid, "storage.err.type")
	case !oneOf(f.Kind, LocationKinds):
		return Errorf(EInvalid, "storage.err.kind")
	case f.Location == "":
		return Errorf(EInvalid, "storage.err.location")
	case f.Type == FeeMonthly && !oneOf(f.SizeTier, SizeTiers):
		return Errorf(EInvalid, "storage.err.size_tier")
	case f.Type == FeeMonthly && !oneOf(f.Season, Seasons):
		return Errorf(EInvalid, "storage.err.season")
	case f.Type == FeeAged && f.MinAgeDays < 1:
		return Errorf(EInvalid, "storage.err.min_age", f.MinAgeDays)
	case !oneOf(f.VolumeUnit, VolumeUnits):
		return Errorf(EInvalid, "storage.err.unit")
	case len(f.Currency) != 3:
		return Errorf(EInvalid, "storage.err.currency", f.Currency)
	case f.Price.IsNegative() || f.Price.GreaterThan(MaxFeePrice):
		return Errorf(EInvalid, "storage.err.price", f.Price.String())
	case f.ValidFrom.IsZero():
		return Errorf(EInvalid, "storage.err.valid_from")
	}
	return nil
}

func oneOf(s string, set []string) bool {
	for _, v := range set {
		if s == v {
			return true
		}
	}
	return false
}

// SeasonOf is the monthly fee's season of day d.
func SeasonOf(d time.Time) string {
	if d.Month() >= time.October {
		return SeasonOctDec
	}
	return SeasonJanSep
}

// Standard-size limits (Amazon US): longest side 18 in, median side 14 in,
// shortest side 8 in, 20 lb. Anything larger is oversize for storage.
var (
	stdLongestCm  = decimal.RequireFromString("45.72")
	stdMedianCm   = decimal.RequireFromString("35.56")
	stdShortestCm = decimal.RequireFromString("20.32")
	stdMaxKg      = decimal.RequireFromString("9.072")
)

// SizeTierOf classifies a packed unit by its sides and weight; "" when a
// side is unknown (0).
func SizeTierOf(lengthCm, widthCm, heightCm, weightKg decimal.Decimal) string {
	sides := []decimal.Decimal{lengthCm, widthCm, heightCm}
	for _, s := range sides {
		if !s.IsPositive() {
			return ""
		}
	}
	sort.Slice(sides, func(i, j int) bool { return sides[i].GreaterThan(sides[j]) })
	if sides[0].GreaterThan(stdLongestCm) || sides[1].GreaterThan(stdMedianCm) || sides[2].GreaterThan(stdShortestCm) ||
		weightKg.GreaterThan(stdMaxKg) {
		return TierOversize
	}
	return TierStandard
}

// VolumeIn converts cm³ to the fee's unit: ft³ = cm³ ÷ 28,316.846592,
// m³ = cm³ ÷ 1,000,000.
func VolumeIn(cm3 decimal.Decimal, unit string) decimal.Decimal {
	if unit == UnitCubicMetre {
		return cm3.Div(decimal.NewFromInt(1_000_000))
	}
	return cm3.DivRound(cm3PerCubicFoot, 12)
}

// FeeInForce picks, among the fees of one type for location, those with the
// latest ValidFrom not after day, keyed by what else tells them apart (tier
// and season, or the aged band): a newer row replaces an older one only for
// its own key.
func FeeInForce(fees []StorageFee, typ, location string, day time.Time) []StorageFee {
	day = DayOf(day)
	type key struct {
		tier, season string
		minAge       int
	}
	best := map[key]StorageFee{}
	for _, f := range fees {
		if f.Type != typ || f.Location != location || DayOf(f.ValidFrom).After(day) {
			continue
		}
		k := key{f.SizeTier, f.Season, f.MinAgeDays}
		if b, ok := best[k]; !ok || f.ValidFrom.After(b.ValidFrom) {
			best[k] = f
		}
	}
	out := make([]StorageFee, 0, len(best))
	for _, f := range best {
		out = append(out, f)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].MinAgeDays != out[j].MinAgeDays {
			return out[i].MinAgeDays < out[j].MinAgeDays
		}
		if out[i].SizeTier != out[j].SizeTier {
			return out[i].SizeTier < out[j].SizeTier
		}
		return out[i].Season < out[j].Season
	})
	return out
}

// MonthlyFee is the monthly fee in force on day for a tier at location, and
// whether there is one.
func MonthlyFee(fees []StorageFee, location, tier string, day time.Time) (StorageFee, bool) {
	season := SeasonOf(day)
	for _, f := range FeeInForce(fees, FeeMonthly, location, day) {
		if f.SizeTier == tier && f.Season == season {
			return f, true
		}
	}
	return StorageFee{}, false
}

// AgedBand is the aged-surcharge band in force on day for a unit ageDays
// old: the band with the largest MinAgeDays ≤ ageDays.
func AgedBand(fees []StorageFee, location string, ageDays int, day time.Time) (StorageFee, bool) {
	var out StorageFee
	found := false
	for _, f := range FeeInForce(fees, FeeAged, location, day) {
		if f.MinAgeDays <= ageDays {
			out, found = f, true
		}
	}
	return out, found
}

// Sources of a SKU's unit volume, in the order they are preferred.
const (
	VolumeEntered = "entered" // typed in the storage form: the seller knows best
	VolumeProduct = "product" // packed dimensions in the catalogue
	VolumeReport  = "report"  // Amazon's per-unit-volume from the FBA inventory report (ft³)
	VolumeNone    = ""
)

// StorageProfile is what the workspace knows about storing one SKU beyond
// the catalogue: the seller's entries and the FBA report's volume.
type StorageProfile struct {
	SKU string
	// Location of the fees that apply: a marketplace code or a warehouse
	// name; "" derives it (the product's default FBA channel's market).
	Location   string
	SizeTier   string          // "" derives it from the product's dimensions
	EnteredCm3 decimal.Decimal // 0: none entered
	// ReportFt3 is the FBA report's per-unit-volume (cubic feet, as the US
	// report gives it); 0 when no report said.
	ReportFt3 decimal.Decimal
}

// StockLot is units that arrived together, with their age on the as-of day.
type StockLot struct {
	Units   int64
	AgeDays int
}

// AgeStock ages on hand units first in, first out: sales take the oldest
// units, so the units left are the newest arrivals. It walks the received
// shipments from the newest back and gives each its units until on hand is
// accounted for; units older than every received shipment are of unknown
// age (stock from before the workspace knew about shipments).
func AgeStock(onHand int64, received []InboundShipment, asOf time.Time) (lots []StockLot, unknown int64) {
	asOf = DayOf(asOf)
	rs := make([]InboundShipment, 0, len(received))
	for _, s := range received {
		if s.Received && s.Quantity > 0 && !DayOf(s.ArrivesOn).After(asOf) {
			rs = append(rs, s)
		}
	}
	sort.SliceStable(rs, func(i, j int) bool { return rs[i].ArrivesOn.After(rs[j].ArrivesOn) })
	left := onHand
	for _, s := range rs {
		if left <= 0 {
			break
		}
		n := min(left, s.Quantity)
		lots = append(lots, StockLot{Units: n, AgeDays: int(asOf.Sub(DayOf(s.ArrivesOn)).Hours() / 24)})
		left -= n
	}
	return lots, max(0, left)
}

// StorageInput is one SKU's facts for StorageCost.
type StorageInput struct {
	SKU     string
	Profile StorageProfile
	// DefaultLocation is used when the profile names none ("" none known).
	DefaultLocation string
	Product         *Product // nil: not in the catalogue
	OnHand          int64
	// UnitsInWindow is the units sold over WindowDays (the replenishment
	// window), so the monthly demand is exact: units × 30 ÷ window days.
	UnitsInWindow int64
	Received      []InboundShipment // this SKU's received shipments, for the age
}

// StorageOptions are the parameters of a storage run.
type StorageOptions struct {
	AsOf       time.Time
	WindowDays int // the replenishment window the demand is read over
	AgedDays   int // units at least this old are aged (warned about)
}

// DefaultStorageOptions are the defaults at asOf: the replenishment window
// and the 181-day threshold.
func DefaultStorageOptions(asOf time.Time) StorageOptions {
	return StorageOptions{AsOf: DayOf(asOf), WindowDays: DefaultReplenishOptions(asOf).WindowDays, AgedDays: DefaultAgedDays}
}

// Validate names the first unusable option.
func (o StorageOptions) Validate() error {
	switch {
	case o.WindowDays < 1 || o.WindowDays > MaxWindowDays:
		return Errorf(EInvalid, "inventory.err.window_days", o.WindowDays)
	case o.AgedDays < 1 || o.AgedDays > 3660:
		return Errorf(EInvalid, "storage.err.aged_days", o.AgedDays)
	}
	return nil
}

// StorageLine is one SKU's storage cost and age, with every input of its
// formulas so the screen and the CLI can show them.
type StorageLine struct {
	SKU          string
	Location     string
	SizeTier     string          // "" unknown
	VolumeCm3    decimal.Decimal // per unit; 0 unknown
	VolumeSource string          // VolumeEntered, VolumeProduct, VolumeReport or VolumeNone
	Season       string
	Fee          StorageFee // the monthly fee used; valid when HasFee
	HasFee       bool
	// MonthlyPerUnit = unit volume in the fee's unit × the fee's price.
	MonthlyPerUnit decimal.Decimal
	OnHand         int64
	// MonthlyDemand = units in the window × 30 ÷ window days.
	MonthlyDemand decimal.Decimal
	// MonthsInStock = on hand ÷ monthly demand; valid when HasDemand.
	MonthsInStock decimal.Decimal
	HasDemand     bool
	// StoragePerUnit = MonthlyPerUnit × MonthsInStock, rounded to cents
	// (the minor unit); valid when HasCost.
	StoragePerUnit decimal.Decimal
	HasCost        bool
	Lots           []StockLot // newest first
	UnknownAge     int64      // units of unknown age
	AgedUnits      int64      // units at least AgedDays old
	OldestDays     int        // the oldest known lot's age; -1 none
	// AgedSurcharge is this month's estimated surcharge on the aged units:
	// Σ units × unit volume × the price of their age band. Units younger
	// than the first band pay none.
	AgedSurcharge decimal.Decimal
}

// Aged says whether the SKU has units past the threshold: the warning.
func (l StorageLine) Aged() bool { return l.AgedUnits > 0 }

// unitVolume picks the volume by source: entered, then the catalogue's
// packed dimensions, then the FBA report's.
func unitVolume(in StorageInput) (decimal.Decimal, string) {
	if in.Profile.EnteredCm3.IsPositive() {
		return in.Profile.EnteredCm3, VolumeEntered
	}
	if p := in.Product; p != nil && p.LengthCm.IsPositive() && p.WidthCm.IsPositive() && p.HeightCm.IsPositive() {
		return p.LengthCm.Mul(p.WidthCm).Mul(p.HeightCm), VolumeProduct
	}
	if in.Profile.ReportFt3.IsPositive() {
		return in.Profile.ReportFt3.Mul(cm3PerCubicFoot), VolumeReport
	}
	return decimal.Zero, VolumeNone
}

// StorageCost works out one SKU's storage:
//
//	monthly_per_unit = unit_volume (in the fee's ft³ or m³) × price of the fee in force (location, tier, season of the as-of day)
//	monthly_demand   = units sold in the window × 30 ÷ window_days
//	months_in_stock  = on_hand ÷ monthly_demand
//	storage_per_unit = monthly_per_unit × months_in_stock, rounded to 2 decimals
//
// and its age (AgeStock) with the aged units (age ≥ AgedDays) and this
// month's surcharge estimate.
func StorageCost(in StorageInput, fees []StorageFee, o StorageOptions) StorageLine {
	l := StorageLine{SKU: in.SKU, Location: in.Profile.Location, SizeTier: in.Profile.SizeTier, OnHand: in.OnHand,
		Season: SeasonOf(o.AsOf), OldestDays: -1}
	if l.Location == "" {
		l.Location = in.DefaultLocation
	}
	if l.SizeTier == "" && in.Product != nil {
		p := in.Product
		l.SizeTier = SizeTierOf(p.LengthCm, p.WidthCm, p.HeightCm, p.WeightKg)
	}
	l.VolumeCm3, l.VolumeSource = unitVolume(in)
	if l.SizeTier == "" && l.VolumeSource != VolumeNone {
		// Without sides only the volume is known: the common case, a small
		// box, is standard; the form lets the seller say otherwise.
		l.SizeTier = TierStandard
	}
	l.Fee, l.HasFee = MonthlyFee(fees, l.Location, l.SizeTier, o.AsOf)
	if l.HasFee && l.VolumeSource != VolumeNone {
		l.MonthlyPerUnit = VolumeIn(l.VolumeCm3, l.Fee.VolumeUnit).Mul(l.Fee.Price)
	}
	if in.UnitsInWindow > 0 && o.WindowDays > 0 {
		l.HasDemand = true
		l.MonthlyDemand = decimal.NewFromInt(in.UnitsInWindow * DaysPerMonth).Div(decimal.NewFromInt(int64(o.WindowDays)))
		// on_hand ÷ (units × 30 ÷ days) = on_hand × days ÷ (units × 30): one division.
		l.MonthsInStock = decimal.NewFromInt(in.OnHand * int64(o.WindowDays)).Div(decimal.NewFromInt(in.UnitsInWindow * DaysPerMonth))
	}
	if l.HasDemand && l.HasFee && l.VolumeSource != VolumeNone {
		l.HasCost = true
		l.StoragePerUnit = l.MonthlyPerUnit.Mul(l.MonthsInStock).Round(2)
	}
	l.Lots, l.UnknownAge = AgeStock(in.OnHand, in.Received, o.AsOf)
	for _, lot := range l.Lots {
		l.OldestDays = max(l.OldestDays, lot.AgeDays)
		if lot.AgeDays >= o.AgedDays {
			l.AgedUnits += lot.Units
		}
		if l.VolumeSource == VolumeNone {
			continue
		}
		if band, ok := AgedBand(fees, l.Location, lot.AgeDays, o.AsOf); ok {
			v := VolumeIn(l.VolumeCm3, band.VolumeUnit)
			l.AgedSurcharge = l.AgedSurcharge.Add(v.Mul(band.Price).Mul(decimal.NewFromInt(lot.Units)))
		}
	}
	l.AgedSurcharge = l.AgedSurcharge.Round(2)
	return l
}

// StorageCosts works out every SKU, in the order given.
func StorageCosts(ins []StorageInput, fees []StorageFee, o StorageOptions) []StorageLine {
	out := make([]StorageLine, len(ins))
	for i, in := range ins {
		out[i] = StorageCost(in, fees, o)
	}
	return out
}

// StorageStore keeps the fee table, the per-SKU storage entries and the
// aged threshold, and gathers what StorageCost needs.
type StorageStore interface {
	// StorageFees lists the fee table by type, location, valid_from.
	StorageFees(ctx context.Context) ([]StorageFee, error)
	// SaveStorageFee adds (ID 0) or replaces a row and returns its ID; a
	// second row with the same type, location, tier, season, band and
	// valid_from is EConflict.
	SaveStorageFee(ctx context.Context, f StorageFee) (int64, error)
	DeleteStorageFee(ctx context.Context, id int64) error
	// SaveStorageProfile writes the seller's entries for one SKU (location,
	// tier, entered volume); the report's volume is kept.
	SaveStorageProfile(ctx context.Context, p StorageProfile) error
	// StorageInputs gathers, per SKU with stock on hand, its profile,
	// product, default location, on hand, window demand and received
	// shipments. Sorted by SKU.
	StorageInputs(ctx context.Context, o StorageOptions) ([]StorageInput, error)
	// AgedDays is the workspace's aged threshold (DefaultAgedDays unset).
	AgedDays(ctx context.Context) (int, error)
	SetAgedDays(ctx context.Context, days int) error
}

// StorageHeader is the `storage` CSV header.
var StorageHeader = []string{"sku", "location", "size_tier", "unit_volume_cm3", "volume_source", "season", "fee_price", "fee_unit",
	"currency", "fee_valid_from", "monthly_per_unit", "on_hand", "monthly_demand", "months_in_stock", "storage_per_unit",
	"aged_units", "unknown_age_units", "oldest_days", "aged_surcharge"}

// Record is the line as CSV cells in StorageHeader's order: figures that
// are unknown (no volume, no fee, no demand) are empty, never 0, so a
// spreadsheet does not average them in.
func (l StorageLine) Record() []string {
	str := func(ok bool, d decimal.Decimal, places int32) string {
		if !ok {
			return ""
		}
		return d.Round(places).String()
	}
	money := func(ok bool, d decimal.Decimal) string {
		if !ok {
			return ""
		}
		return d.StringFixed(2)
	}
	hasVol := l.VolumeSource != VolumeNone
	price, unit, currency, from := "", "", "", ""
	if l.HasFee {
		price, unit, currency, from = l.Fee.Price.String(), l.Fee.VolumeUnit, l.Fee.Currency, l.Fee.ValidFrom.Format(time.DateOnly)
	}
	oldest := ""
	if l.OldestDays >= 0 {
		oldest = strconv.Itoa(l.OldestDays)
	}
	return []string{l.SKU, l.Location, l.SizeTier, str(hasVol, l.VolumeCm3, 2), l.VolumeSource, l.Season, price, unit, currency, from,
		str(hasVol && l.HasFee, l.MonthlyPerUnit, 4), strconv.FormatInt(l.OnHand, 10), str(l.HasDemand, l.MonthlyDemand, 4),
		str(l.HasDemand, l.MonthsInStock, 4), money(l.HasCost, l.StoragePerUnit), strconv.FormatInt(l.AgedUnits, 10),
		strconv.FormatInt(l.UnknownAge, 10), oldest, l.AgedSurcharge.StringFixed(2)}
}

// WriteStorageCSV writes StorageHeader, then one row per SKU.
func WriteStorageCSV(w io.Writer, lines []StorageLine) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(StorageHeader); err != nil {
		return err
	}
	for _, l := range lines {
		if err := cw.Write(l.Record()); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// StorageView is one storage run: the lines, the fee table they used and
// the options (with the threshold actually applied).
type StorageView struct {
	Lines    []StorageLine
	Fees     []StorageFee
	Opts     StorageOptions
	Profiles map[string]StorageProfile // the entries by SKU, for the form
	index    map[string]int            // Lines' positions by SKU: the stock table asks per cell
}

// Line finds a SKU's line.
func (v StorageView) Line(sku string) (StorageLine, bool) {
	if v.index != nil {
		i, ok := v.index[sku]
		if !ok {
			return StorageLine{}, false
		}
		return v.Lines[i], true
	}
	for _, l := range v.Lines {
		if l.SKU == sku {
			return l, true
		}
	}
	return StorageLine{}, false
}

// LoadStorage reads what StorageCost needs and applies it. With
// o.AgedDays 0 the workspace's threshold is used.
func LoadStorage(ctx context.Context, s StorageStore, o StorageOptions) (StorageView, error) {
	var v StorageView
	if o.AgedDays == 0 {
		n, err := s.AgedDays(ctx)
		if err != nil {
			return v, err
		}
		o.AgedDays = n
	}
	if err := o.Validate(); err != nil {
		return v, err
	}
	ins, err := s.StorageInputs(ctx, o)
	if err != nil {
		return v, err
	}
	if v.Fees, err = s.StorageFees(ctx); err != nil {
		return v, err
	}
	v.Opts = o
	v.Lines = StorageCosts(ins, v.Fees, o)
	v.Profiles = make(map[string]StorageProfile, len(ins))
	v.index = make(map[string]int, len(ins))
	for i, in := range ins {
		v.Profiles[in.SKU] = in.Profile
		v.index[in.SKU] = i
	}
	return v, nil
}

// AgedLines are the lines with units past the threshold, the largest
// surcharge first: the dashboard's warning list.
func (v StorageView) AgedLines() []StorageLine {
	var out []StorageLine
	for _, l := range v.Lines {
		if l.Aged() {
			out = append(out, l)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if c := out[i].AgedSurcharge.Cmp(out[j].AgedSurcharge); c != 0 {
			return c > 0
		}
		return out[i].AgedUnits > out[j].AgedUnits
	})
	return out
}
