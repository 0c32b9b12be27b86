package app

import (
	"time"

	"github.com/shopspring/decimal"
)

// Research methods a note can record, from the field's standard list.
var ResearchMethods = []string{"questionnaire", "interview", "focus_group", "market_data", "competitor_analysis", "desk_research", "field_visit"}

// Note is a market research note.
type Note struct {
	ID     int64
	Title  string
	Market string // ISO 3166 alpha-2 country code, e.g. "DE"
	Method string // one of ResearchMethods
	Source string
	Tags   []string
	Date   time.Time
	Body   string // Markdown
	// Attachments are paths of files on this computer (photos, PDFs); the
	// workspace stores the paths, not the files.
	Attachments []string
}

// Product lifecycle stages, price bands, roles and statuses.
var (
	LifecycleStages = []string{"introduction", "growth", "maturity", "decline"}
	PriceBands      = []string{"high", "mid", "low"}
	ProductRoles    = []string{"traffic", "profit", "image"}
	ProductStatuses = []string{"idea", "sampling", "listed", "retired"}
)

// Product is one catalogue entry.
type Product struct {
	ID           int64
	SKU          string
	NameZh       string
	NameEn       string
	Category     string
	Supplier     string
	PurchaseCost decimal.Decimal // in CNY
	WeightKg     decimal.Decimal
	LengthCm     decimal.Decimal // packed size, for volumetric weight
	WidthCm      decimal.Decimal
	HeightCm     decimal.Decimal
	HSCode       string
	PriceBand    string
	Role         string
	Stage        string
	Status       string
	// The fields below belong to the products module (see app/product.go).
	Markets       []string // ISO country codes
	Notes         string
	Pipeline      string              // new-product stage, one of PipelineStages; "" when launched
	MarketGrowth  decimal.NullDecimal // user's figure for the BCG view, fraction
	RelativeShare decimal.NullDecimal // user's figure for the BCG view
}

// Logistics channel types.
var ChannelTypes = []string{"express", "postal", "dedicated_line", "overseas_warehouse", "fba"}

// LogisticsChannel is one way to ship a parcel to a market.
type LogisticsChannel struct {
	ID     int64
	Name   string
	Type   string // one of ChannelTypes
	Market string
	// Parcel channels (express, postal, dedicated line) price each parcel
	// door to door: FirstPrice for the first FirstWeightKg, PerKg above it.
	// Head-haul channels (FBA, overseas warehouse; IsHeadHaul) ship stock in
	// bulk to a warehouse: PerKg per chargeable kg with no first weight,
	// FirstWeightKg and FirstPrice unused (see ChannelCost).
	FirstWeightKg decimal.Decimal
	FirstPrice    decimal.Decimal // CNY for the first weight
	PerKg         decimal.Decimal // CNY per further kg; head haul: per chargeable kg
	// VolDivisor is cm³ per chargeable kg: express couriers 5000, air
	// freight 6000 (IATA's 1:6), sea freight 1000 (LCL is charged per
	// revenue ton, 1 m³ = 1 t, i.e. 1,000,000 cm³ per 1000 kg).
	VolDivisor int
	// MinChargeCNY is a head-haul minimum per shipment (CNY), spread over
	// CartonUnits, the units in a typical carton; 0 when none.
	MinChargeCNY decimal.Decimal
	CartonUnits  int
	// StoragePerUnit is warehouse or FBA storage per unit for its expected
	// time in stock, destination currency like FulfilmentFee; 0 when not known.
	StoragePerUnit decimal.Decimal
	DaysMin        int
	DaysMax        int
	Tracking       bool
	Stability      int // 1..5, the seller's judgement of how reliably it delivers
	Restrictions   string
	FulfilmentFee  decimal.Decimal // per order, destination currency: FBA fee, warehouse pick-and-pack
	MaxWeightKg    decimal.Decimal // 0: no limit
	BatteryOK      bool            // takes goods with built-in lithium batteries
	LiquidOK       bool
}

// Platform is a sales platform and its fees.
type Platform struct {
	ID           int64
	Name         string
	ReferralRate decimal.Decimal // fraction of the gross price, default category
	PerOrderFee  decimal.Decimal // in the selling currency
	PaymentRate  decimal.Decimal // fraction
	Markets      []string
	// CategoryRates are referral rates of categories that differ from
	// ReferralRate (see ReferralRateFor).
	CategoryRates map[string]decimal.Decimal
}

// Campaign goals and types.
var (
	CampaignGoals = []string{"awareness", "sales", "clear_stock", "new_customers"}
	CampaignTypes = []string{"discount", "coupon", "spend_save", "bundle", "gift", "flash_sale", "free_shipping"}
)

// Campaign is a planned or past promotion.
type Campaign struct {
	ID       int64
	Name     string
	Goal     string
	Type     string
	Markets  []string
	Platform string
	Start    time.Time
	End      time.Time
	Budget   decimal.Decimal // in the workspace currency
	Lift     decimal.Decimal // expected revenue lift, fraction

	// Planning and evaluation (promotions module, see app/campaign.go).
	Products   []string        // SKUs on promotion; empty means the whole shop
	Lines      BudgetLines     // Budget split by line; Budget is their total
	Plan       CampaignPlan    // per-unit planning inputs
	MarginRate decimal.Decimal // gross margin rate for ROI; zero: derived, see MarginRateFor
	Actuals    CampaignActuals // typed evaluation figures
	Notes      string
}

// Risk categories and statuses.
var (
	RiskCategories = []string{"ip", "security", "operations", "quality", "tax", "fx", "compliance", "logistics"}
	RiskStatuses   = []string{"open", "mitigating", "closed"}
)

// Risk is one line of the risk register.
type Risk struct {
	ID         int64
	Title      string
	Category   string
	Likelihood int // 1..5
	Impact     int // 1..5
	Owner      string
	Mitigation string
	Status     string
	ReviewDate time.Time
}

// Score is likelihood x impact, 1..25.
func (r Risk) Score() int { return r.Likelihood * r.Impact }

// Level names the band of the score the heatmap colours: low (1-4),
// medium (5-9), high (10-16), critical (17-25).
func (r Risk) Level() string {
	switch s := r.Score(); {
	case s >= 17:
		return "critical"
	case s >= 10:
		return "high"
	case s >= 5:
		return "medium"
	default:
		return "low"
	}
}

// Overdue reports whether an open risk's review date has passed on day now.
func (r Risk) Overdue(now time.Time) bool {
	return r.Status != "closed" && !r.ReviewDate.IsZero() && r.ReviewDate.Before(now.Truncate(24*time.Hour))
}
