package app

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/shopspring/decimal"
)

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
	// The fields below belong to the products module (the rules below).
	Markets       []string // ISO country codes
	Notes         string
	Pipeline      string              // new-product stage, one of PipelineStages; "" when launched
	MarketGrowth  decimal.NullDecimal // user's figure for the BCG view, fraction
	RelativeShare decimal.NullDecimal // user's figure for the BCG view
}

// PipelineStages are the steps a new product goes through before its first
// order, each with its checklist (PipelineChecks).
var PipelineStages = []string{"market_check", "sample", "compliance", "packaging_listing", "first_order"}

// PipelineChecks lists each stage's checklist items (translation keys
// "products.check.<item>").
var PipelineChecks = map[string][]string{
	"market_check":      {"demand", "competitors", "target_price", "margin"},
	"sample":            {"suppliers", "sample_ordered", "sample_tested", "cost_confirmed"},
	"compliance":        {"certificates", "labels", "ip_check", "battery"},
	"packaging_listing": {"packaging_design", "photos", "listing_copy", "keywords"},
	"first_order":       {"po_signed", "inspection", "shipping_booked", "stock_received"},
}

// PackagingChecks is the packaging & display checklist every product has
// (translation keys "products.pack.<item>").
var PackagingChecks = []string{"drop_test", "size_fits_tier", "barcode", "warning_labels", "language", "recycling_marks", "main_image", "lifestyle_images", "unboxing"}

// ProductStore keeps the catalogue beyond the list app.Workspace reads.
type ProductStore interface {
	Product(ctx context.Context, id int64) (Product, error)
	// SaveProduct inserts p when p.ID is 0, else updates it; p.ID is set.
	// A SKU used by another product is EConflict.
	SaveProduct(ctx context.Context, p *Product) error
	DeleteProduct(ctx context.Context, id int64) error
	// ReadProductFile parses a CSV or XLSX file (by extension) and stores
	// nothing: the person sees the bad rows before choosing to import.
	ReadProductFile(ctx context.Context, path string) (ProductImport, error)
	// ImportProducts adds or updates (by SKU) all products in one
	// transaction: all or nothing.
	ImportProducts(ctx context.Context, ps []Product) (added, updated int, err error)
	// ExportProducts writes the catalogue to path as CSV or XLSX (by
	// extension), in the columns ReadProductFile reads.
	ExportProducts(ctx context.Context, path string) error
	// ProductSales sums order lines by SKU (stock_code) in the 6 months up
	// to the last order and the 6 before.
	ProductSales(ctx context.Context) ([]ProductSales, error)
	// Checks are the ticked checklist items of a product ("stage.item" or
	// "pack.item"), with the day each was ticked.
	Checks(ctx context.Context, productID int64) (map[string]time.Time, error)
	SetCheck(ctx context.Context, productID int64, item string, done bool) error
}

// ProductImport is a parsed import file: the good rows and the bad ones.
type ProductImport struct {
	Products []Product
	Problems []RowProblem
}

// RowProblem names a bad row of an import file (1-based, the header is
// row 1) and why, as a translated message.
type RowProblem struct {
	Row int
	Err *Error
}

// ProductColumns are the import/export columns, in order. Import matches
// header names case-insensitively and ignores unknown columns; sku is
// required, the rest default.
var ProductColumns = []string{"sku", "name_zh", "name_en", "category", "supplier", "cost_cny", "weight_kg",
	"length_cm", "width_cm", "height_cm", "hs_code", "markets", "price_band", "role", "stage", "status", "notes"}

// ProductRow renders p as a row of ProductColumns.
func ProductRow(p Product) []string {
	return []string{p.SKU, p.NameZh, p.NameEn, p.Category, p.Supplier, p.PurchaseCost.StringFixed(2), p.WeightKg.String(),
		p.LengthCm.String(), p.WidthCm.String(), p.HeightCm.String(), p.HSCode, strings.Join(p.Markets, ","),
		p.PriceBand, p.Role, p.Stage, p.Status, p.Notes}
}

// ProductHeader maps a header row to column positions; it fails when there
// is no sku column.
func ProductHeader(header []string) (map[string]int, error) {
	idx := map[string]int{}
	for i, h := range header {
		h = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))
		if slices.Contains(ProductColumns, h) {
			if _, dup := idx[h]; !dup {
				idx[h] = i
			}
		}
	}
	if _, ok := idx["sku"]; !ok {
		return nil, Errorf(EInvalid, "products.err_no_sku_column")
	}
	return idx, nil
}

// ParseProductRow reads one data row through the header's positions.
func ParseProductRow(idx map[string]int, rec []string) (Product, error) {
	get := func(col string) string {
		if i, ok := idx[col]; ok && i < len(rec) {
			return strings.TrimSpace(rec[i])
		}
		return ""
	}
	p := Product{SKU: get("sku"), NameZh: get("name_zh"), NameEn: get("name_en"), Category: get("category"),
		Supplier: get("supplier"), HSCode: get("hs_code"), Markets: SplitList(get("markets")),
		PriceBand: strings.ToLower(get("price_band")), Role: strings.ToLower(get("role")),
		Stage: strings.ToLower(get("stage")), Status: strings.ToLower(get("status")), Notes: get("notes")}
	var err error
	if p.PurchaseCost, err = parseAmount(get("cost_cny"), "cost_cny"); err != nil {
		return p, err
	}
	if p.WeightKg, err = parseAmount(get("weight_kg"), "weight_kg"); err != nil {
		return p, err
	}
	for _, d := range []struct {
		col string
		dst *decimal.Decimal
	}{{"length_cm", &p.LengthCm}, {"width_cm", &p.WidthCm}, {"height_cm", &p.HeightCm}} {
		if *d.dst, err = parseAmount(get(d.col), d.col); err != nil {
			return p, err
		}
	}
	return p, p.Validate()
}

func parseAmount(s, col string) (decimal.Decimal, error) {
	s = strings.TrimSpace(strings.TrimLeft(s, "¥￥"))
	if s == "" {
		return decimal.Zero, nil
	}
	d, err := decimal.NewFromString(strings.ReplaceAll(s, ",", ""))
	if err != nil || d.IsNegative() {
		return decimal.Zero, Errorf(EInvalid, "products.err_amount", col, s)
	}
	return d, nil
}

// Validate fills defaults and checks a product; the error names the field.
func (p *Product) Validate() error {
	p.SKU = strings.TrimSpace(p.SKU)
	if p.SKU == "" {
		return Errorf(EInvalid, "products.err_sku")
	}
	if strings.ContainsAny(p.SKU, " \t,;") {
		return Errorf(EInvalid, "products.err_sku_chars", p.SKU)
	}
	if strings.TrimSpace(p.NameZh) == "" && strings.TrimSpace(p.NameEn) == "" {
		return Errorf(EInvalid, "products.err_name", p.SKU)
	}
	for _, f := range []struct {
		v    *string
		def  string
		vals []string
		col  string
	}{
		{&p.PriceBand, "mid", PriceBands, "price_band"},
		{&p.Role, "profit", ProductRoles, "role"},
		{&p.Stage, "introduction", LifecycleStages, "stage"},
		{&p.Status, "idea", ProductStatuses, "status"},
	} {
		if *f.v == "" {
			*f.v = f.def
		}
		if !slices.Contains(f.vals, *f.v) {
			return Errorf(EInvalid, "products.err_choice", f.col, *f.v, strings.Join(f.vals, ", "))
		}
	}
	if p.Pipeline != "" && !slices.Contains(PipelineStages, p.Pipeline) {
		return Errorf(EInvalid, "products.err_choice", "pipeline", p.Pipeline, strings.Join(PipelineStages, ", "))
	}
	if p.PurchaseCost.IsNegative() || p.WeightKg.IsNegative() || p.LengthCm.IsNegative() || p.WidthCm.IsNegative() || p.HeightCm.IsNegative() {
		return Errorf(EInvalid, "products.err_negative", p.SKU)
	}
	for i, m := range p.Markets {
		m = strings.ToUpper(strings.TrimSpace(m))
		if len(m) != 2 {
			return Errorf(EInvalid, "research.err_market", m)
		}
		p.Markets[i] = m
	}
	return nil
}

// Name is the product's name in l's language, falling back to the other.
func (p Product) Name(l *Localizer) string {
	if (l.Lang() == LangChinese && p.NameZh != "") || p.NameEn == "" {
		return p.NameZh
	}
	return p.NameEn
}

// ProductSales is one SKU's sales from the workspace's order lines.
type ProductSales struct {
	SKU             string
	Revenue         decimal.Decimal // the last 6 months up to the last order
	PreviousRevenue decimal.Decimal // the 6 months before those
	Units           int
}

// PortfolioPoint is one product on the growth-share (BCG) chart.
type PortfolioPoint struct {
	Product  Product
	Growth   decimal.Decimal // fraction, e.g. 0.25 = +25 %
	Share    decimal.Decimal // relative market share: a ratio, 1 = as large as the largest competitor
	Quadrant string          // star, cash_cow, question_mark, dog
	User     bool            // from the user's own figures
}

// GrowthThreshold is where the growth-share chart splits high from low
// growth: 10 % a year, the usual BCG line.
var GrowthThreshold = decimal.RequireFromString("0.10")

// ShareThreshold is where relative market share splits high from low: 1.0,
// as large as the largest competitor, so only a leader is above it.
var ShareThreshold = decimal.NewFromInt(1)

// Portfolio places products on the growth-share matrix. Relative market
// share is a ratio: your share ÷ the largest competitor's share. Figures
// the person entered on a product (MarketGrowth, RelativeShare, from
// research on the market) are used as they are. Without them it is worked
// out from the shop's own sales, half year on half year (so a shop with one
// year of orders, as most have when they start, still gets a growth):
//
//	growth         = revenue(last 6 months) ÷ revenue(6 months before) − 1
//	relative share = product revenue ÷ revenue of the best-selling other product
//
// We know no competitor's sales, so the shop's other products stand in for
// the competitors: the best seller gets its lead over the runner-up (above
// 1), every other product its size against the best seller (below 1). Both
// kinds of point split at 1.0 and at GrowthThreshold. Products with no sales
// in either half year, and shares that are not above 0 (a log axis cannot
// show them), are left out; so is a product with no other product to compare
// with.
func Portfolio(products []Product, sales []ProductSales) []PortfolioPoint {
	bySKU := map[string]ProductSales{}
	for _, s := range sales {
		bySKU[s.SKU] = s
	}
	// The two largest revenues of the products that can be placed from sales.
	var first, second decimal.Decimal
	firstSKU := ""
	for _, p := range products {
		s, sold := bySKU[p.SKU]
		if !sold || !s.PreviousRevenue.IsPositive() || !s.Revenue.IsPositive() || (p.MarketGrowth.Valid && p.RelativeShare.Valid) {
			continue
		}
		switch {
		case s.Revenue.GreaterThan(first):
			second, first, firstSKU = first, s.Revenue, p.SKU
		case s.Revenue.GreaterThan(second):
			second = s.Revenue
		}
	}
	var out []PortfolioPoint
	for _, p := range products {
		pt := PortfolioPoint{Product: p}
		s, sold := bySKU[p.SKU]
		switch {
		case p.MarketGrowth.Valid && p.RelativeShare.Valid:
			pt.Growth, pt.Share, pt.User = p.MarketGrowth.Decimal, p.RelativeShare.Decimal, true
		case sold && s.PreviousRevenue.IsPositive() && s.Revenue.IsPositive() && second.IsPositive():
			pt.Growth = s.Revenue.Div(s.PreviousRevenue).Sub(decimal.NewFromInt(1))
			largestOther := first
			if p.SKU == firstSKU {
				largestOther = second
			}
			pt.Share = s.Revenue.Div(largestOther).Round(4)
			if p.MarketGrowth.Valid {
				pt.Growth = p.MarketGrowth.Decimal
			}
		default:
			continue
		}
		if !pt.Share.IsPositive() {
			continue
		}
		hiGrowth := pt.Growth.GreaterThanOrEqual(GrowthThreshold)
		hiShare := pt.Share.GreaterThanOrEqual(ShareThreshold)
		switch {
		case hiGrowth && hiShare:
			pt.Quadrant = "star"
		case hiShare:
			pt.Quadrant = "cash_cow"
		case hiGrowth:
			pt.Quadrant = "question_mark"
		default:
			pt.Quadrant = "dog"
		}
		out = append(out, pt)
	}
	return out
}

// Quadrants of the growth-share matrix, in the order the chart lists them.
var Quadrants = []string{"star", "cash_cow", "question_mark", "dog"}

// PortfolioChart is the growth-share scatter: one series per quadrant, x =
// relative market share (a ratio) on a log axis with the 1.0 line, y =
// market growth (%) with the GrowthThreshold line, the quadrants named in
// their corners (high share on the right) and each point tagged with its
// SKU.
func PortfolioChart(l *Localizer, pts []PortfolioPoint) Chart {
	hundred := decimal.NewFromInt(100)
	c := Chart{ID: "product_bcg", Title: l.T("products.chart_bcg"), Kind: ChartScatter,
		XLabel: l.T("products.share"), YLabel: l.T("products.growth"), Unit: "%", XUnit: "×",
		Note: l.T("products.chart_bcg_note"), XLog: true,
		XRefs: []RefLine{{Value: ShareThreshold.InexactFloat64(), Label: l.T("products.share_line")}},
		YRefs: []RefLine{{Value: GrowthThreshold.Mul(hundred).InexactFloat64(), Label: l.T("products.growth_line", Percent(GrowthThreshold))}},
		Quadrants: &QuadrantNames{TopLeft: l.T("products.quadrant.question_mark"), TopRight: l.T("products.quadrant.star"),
			BottomLeft: l.T("products.quadrant.dog"), BottomRight: l.T("products.quadrant.cash_cow")}}
	for _, q := range Quadrants {
		s := Series{Name: l.T("products.quadrant." + q)}
		for _, pt := range pts {
			if pt.Quadrant == q {
				s.Points = append(s.Points, Point{X: pt.Share.Round(2).InexactFloat64(),
					Y: pt.Growth.Mul(hundred).Round(1).InexactFloat64(), Label: pt.Product.SKU + " " + pt.Product.Name(l), Tag: pt.Product.SKU})
			}
		}
		c.Series = append(c.Series, s)
	}
	return c
}

// PipelineChart counts products in each new-product stage.
func PipelineChart(l *Localizer, products []Product) Chart {
	c := Chart{ID: "product_pipeline", Title: l.T("products.chart_pipeline"), Kind: ChartBar, Unit: l.T("chart.products_unit"), Counts: true}
	s := Series{Name: l.T("chart.products_unit")}
	has := false
	for _, st := range PipelineStages {
		n := 0
		for _, p := range products {
			if p.Pipeline == st {
				n++
			}
		}
		has = has || n > 0
		c.Categories = append(c.Categories, l.T("products.pipeline."+st))
		s.Values = append(s.Values, float64(n))
	}
	if has {
		c.Series = []Series{s}
	}
	return c
}

// CheckProgress counts ticked items of a product's current pipeline stage
// and of its packaging checklist.
func CheckProgress(p Product, done map[string]time.Time) (stageDone, stageAll, packDone, packAll int) {
	for _, it := range PipelineChecks[p.Pipeline] {
		stageAll++
		if _, ok := done[p.Pipeline+"."+it]; ok {
			stageDone++
		}
	}
	for _, it := range PackagingChecks {
		packAll++
		if _, ok := done["pack."+it]; ok {
			packDone++
		}
	}
	return
}

// ValidCheck reports whether item names a checklist item ("stage.item" or
// "pack.item").
func ValidCheck(item string) error {
	stage, it, ok := strings.Cut(item, ".")
	if ok && stage == "pack" && slices.Contains(PackagingChecks, it) {
		return nil
	}
	if ok && slices.Contains(PipelineChecks[stage], it) {
		return nil
	}
	return Errorf(EInvalid, "products.err_check", fmt.Sprint(item))
}

// MarginChart shows the margin of each product's saved quotes that carry a
// test price: margin = profit ÷ price (see the pricing guide), the average
// over a product's quotes, in per cent, best first.
func MarginChart(l *Localizer, quotes []SavedQuote) Chart {
	c := Chart{ID: "product_margin", Title: l.T("products.chart_margin"), Kind: ChartBar, Unit: "%",
		YLabel: l.T("products.margin"), Note: l.T("products.chart_margin_note")}
	rows := QuoteMargins(quotes)
	slices.SortStableFunc(rows, func(a, b ProductMargin) int { return b.Margin.Cmp(a.Margin) })
	s := Series{Name: l.T("products.margin")}
	for _, r := range rows {
		c.Categories = append(c.Categories, r.SKU)
		s.Values = append(s.Values, r.Margin.Shift(2).Round(1).InexactFloat64())
	}
	if len(rows) > 0 {
		c.Series = []Series{s}
	}
	return c
}

// ProductMargin is the mean margin of one product's saved quotes.
type ProductMargin struct {
	SKU    string
	Margin decimal.Decimal // mean of profit ÷ price over the quotes
	Quotes int
}

// QuoteMargins averages the margin of each product's saved quotes that carry
// a positive test price (a quote without one has no margin), in the order the
// products first appear. The margin chart and the shop's CLV margin share it.
func QuoteMargins(quotes []SavedQuote) []ProductMargin {
	idx := map[string]int{}
	var out []ProductMargin
	for _, q := range quotes {
		if !q.Input.HasPrice || !q.Input.Price.IsPositive() {
			continue
		}
		i, ok := idx[q.ProductSKU]
		if !ok {
			i = len(out)
			idx[q.ProductSKU] = i
			out = append(out, ProductMargin{SKU: q.ProductSKU})
		}
		out[i].Margin = out[i].Margin.Add(q.Quote().Margin)
		out[i].Quotes++
	}
	for i := range out {
		out[i].Margin = out[i].Margin.Div(decimal.NewFromInt(int64(out[i].Quotes)))
	}
	return out
}
