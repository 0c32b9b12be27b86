package app

import (
	"strconv"
	"strings"
	"time"

	"github.com/shopspring/decimal"
)

// The three Amazon reports the advertising module reads, told apart by their
// header.
const (
	AdsSearchTerms = "search_terms" // Sponsored Products search term report
	AdsCampaigns   = "campaigns"    // Sponsored Products campaign report
	AdsBusiness    = "business"     // Business Report, Detail Page Sales and Traffic By Child Item
)

// AdsImportOptions says what to import. From and To give the period of a
// Business Report that has no date column (Seller Central puts the period in
// the page, not the file); other reports carry their own dates.
type AdsImportOptions struct {
	Path     string
	From, To time.Time
}

// AdsImportResult says what an import did.
type AdsImportResult struct {
	Kind     string // AdsSearchTerms, AdsCampaigns or AdsBusiness
	Rows     int    // data rows read
	Added    int    // rows with a key not seen before
	Replaced int    // rows that replaced an earlier import's row with the same key
	From, To string // first and last day covered, YYYY-MM-DD
}

// SearchTermRow is one row of a search term report; money in minor units.
// Its key is (Start, End, Campaign, AdGroup, Targeting, MatchType,
// SearchTerm): a daily report has Start = End.
type SearchTermRow struct {
	Start, End                                          string // YYYY-MM-DD
	Portfolio, Currency, Campaign, AdGroup              string
	Retailer, Country, Targeting, MatchType             string
	SearchTerm                                          string
	Impressions, Clicks, Orders, Units                  int64
	AdvertisedUnits, OtherUnits                         int64
	SpendCents, SalesCents, AdvertisedSales, OtherSales int64
}

// CampaignDayRow is one row of a campaign report; key (Start, End, Campaign).
type CampaignDayRow struct {
	Start, End, Campaign, Currency     string
	Impressions, Clicks, Orders, Units int64
	SpendCents, SalesCents             int64
}

// BusinessRow is one child ASIN of a Business Report over a period; key
// (Start, End, ChildASIN). BuyBoxBP is the Featured Offer (Buy Box)
// percentage in hundredths of a percent (95.5 % is 9550).
type BusinessRow struct {
	Start, End                        string
	ParentASIN, ChildASIN, Title, SKU string
	Sessions, PageViews, UnitsOrdered int64
	OrderItems, SalesCents, BuyBoxBP  int64
}

// The fields of the three reports. Names are translation keys
// "ads.col.<field>" for error messages.
const (
	afStart = "start_date"
	afEnd   = "end_date"
	afDate  = "date"
	afPortf = "portfolio"
	afCurr  = "currency"
	afCamp  = "campaign"
	afGroup = "ad_group"
	afRet   = "retailer"
	afCtry  = "country"
	afTarg  = "targeting"
	afMatch = "match_type"
	afTerm  = "search_term"
	afImp   = "impressions"
	afClick = "clicks"
	afSpend = "spend"
	afSales = "sales"
	afOrd   = "orders"
	afUnits = "units"
	afAdvU  = "advertised_units"
	afOthU  = "other_units"
	afAdvS  = "advertised_sales"
	afOthS  = "other_sales"
	afPar   = "parent_asin"
	afChild = "child_asin"
	afTitle = "title"
	afSKU   = "sku"
	afSess  = "sessions"
	afViews = "page_views"
	afBuyB  = "buy_box"
	afUOrd  = "units_ordered"
	afOSal  = "ordered_sales"
	afItems = "order_items"
)

// adsHeaderNames maps a normalised header (see normAdsHeader) to its field.
// Amazon has renamed columns over the years (14-day attribution, "Keyword"
// before "Targeting"); the old names are kept.
var adsHeaderNames = map[string]string{
	"start date": afStart, "end date": afEnd, "date": afDate,
	"portfolio name": afPortf, "portfolio": afPortf,
	"currency":      afCurr,
	"campaign name": afCamp, "campaign": afCamp,
	"ad group name": afGroup, "ad group": afGroup,
	"retailer": afRet, "country": afCtry,
	"targeting": afTarg, "keyword": afTarg,
	"match type":           afMatch,
	"customer search term": afTerm, "search term": afTerm,
	"impressions": afImp, "clicks": afClick,
	"spend": afSpend, "cost": afSpend,
	"7 day total sales": afSales, "14 day total sales": afSales, "sales": afSales, "total sales": afSales,
	"7 day total orders": afOrd, "14 day total orders": afOrd, "orders": afOrd, "total orders": afOrd,
	"7 day total units": afUnits, "14 day total units": afUnits, "units": afUnits, "total units": afUnits,
	"7 day advertised sku units": afAdvU, "14 day advertised sku units": afAdvU,
	"7 day other sku units": afOthU, "14 day other sku units": afOthU,
	"7 day advertised sku sales": afAdvS, "14 day advertised sku sales": afAdvS,
	"7 day other sku sales": afOthS, "14 day other sku sales": afOthS,
	"(parent) asin": afPar, "parent asin": afPar,
	"(child) asin": afChild, "child asin": afChild,
	"title": afTitle, "sku": afSKU,
	"sessions - total": afSess, "sessions": afSess,
	"page views - total": afViews, "page views": afViews,
	"featured offer (buy box) percentage": afBuyB, "buy box percentage": afBuyB,
	"units ordered":         afUOrd,
	"ordered product sales": afOSal,
	"total order items":     afItems,
}

// normAdsHeader lower-cases a header, collapses spaces and drops a trailing
// parenthesis such as "(#)" or "($)" — Amazon adds the currency sign to
// money columns in some marketplaces and trailing spaces in others.
func normAdsHeader(s string) string {
	s = strings.ToLower(strings.Join(strings.Fields(strings.TrimPrefix(s, "\ufeff")), " "))
	for strings.HasSuffix(s, ")") {
		i := strings.LastIndexByte(s, '(')
		if i <= 0 {
			break
		}
		s = strings.TrimSpace(s[:i])
	}
	return s
}

// AdsColumns is where each field of a report is in its rows; -1 where the
// file lacks it.
type AdsColumns struct {
	Kind string
	idx  map[string]int
}

func (c AdsColumns) at(field string) int {
	if i, ok := c.idx[field]; ok {
		return i
	}
	return -1
}

// Has says whether the file has a column for field.
func (c AdsColumns) Has(field string) bool { return c.at(field) >= 0 }

// DetectAdsReport recognises a report by its header: a customer search term
// column makes a search term report, a child ASIN with sessions a Business
// Report, and a campaign with spend and no targeting a campaign report. It
// says which required column is missing when the kind is known.
func DetectAdsReport(header []string) (AdsColumns, error) {
	c := AdsColumns{idx: map[string]int{}}
	for i, h := range header {
		n := normAdsHeader(h)
		f, ok := adsHeaderNames[n]
		if !ok {
			continue
		}
		// "(Parent) ASIN" must not lose its parenthesis to normAdsHeader's
		// trailing rule: it is leading, so it survives; keep the first of
		// any duplicate.
		if _, dup := c.idx[f]; !dup {
			c.idx[f] = i
		}
	}
	var required []string
	switch {
	case c.Has(afTerm):
		c.Kind = AdsSearchTerms
		required = []string{afCamp, afGroup, afTarg, afMatch, afImp, afClick, afSpend, afSales, afOrd}
	case c.Has(afChild) && (c.Has(afSess) || c.Has(afViews)):
		c.Kind = AdsBusiness
		required = []string{afSess, afUOrd, afOSal}
	case c.Has(afCamp) && c.Has(afSpend) && !c.Has(afTarg):
		c.Kind = AdsCampaigns
		required = []string{afImp, afClick, afSales, afOrd}
	default:
		return c, Errorf(EInvalid, "ads.err.unknown_report")
	}
	if c.Kind != AdsBusiness && !c.Has(afDate) && !(c.Has(afStart) && c.Has(afEnd)) {
		return c, Errorf(EInvalid, "ads.err.missing_column", Key("ads.col."+afDate))
	}
	for _, f := range required {
		if !c.Has(f) {
			return c, Errorf(EInvalid, "ads.err.missing_column", Key("ads.col."+f))
		}
	}
	return c, nil
}

// adsRecord reads the fields of one record, remembering the first bad cell.
type adsRecord struct {
	rec  []string
	cols AdsColumns
	line int
	err  *Error
}

func (r *adsRecord) text(field string) string {
	i := r.cols.at(field)
	if i < 0 || i >= len(r.rec) {
		return ""
	}
	return strings.TrimSpace(r.rec[i])
}

func (r *adsRecord) fail(field, value string) {
	if r.err == nil {
		r.err = Errorf(EInvalid, "ads.err.bad_cell", r.line, Key("ads.col."+field), value)
	}
}

// count reads a whole number; empty is 0. "1,234", "1234" and the "1234.0"
// a spreadsheet stores are read; a fraction or a negative count is bad.
func (r *adsRecord) count(field string) int64 {
	s := r.text(field)
	if s == "" || s == "-" {
		return 0
	}
	n, err := ParseQuantity(s)
	if err != nil || n < 0 {
		r.fail(field, s)
		return 0
	}
	return n
}

// money reads "$1,234.50", "1.234,50 €", "1234.5" (a spreadsheet's number)
// to minor units; empty is 0.
func (r *adsRecord) money(field string) int64 {
	s := r.text(field)
	if s == "" || s == "-" {
		return 0
	}
	if strings.HasPrefix(s, "(") && strings.HasSuffix(s, ")") { // accounting negative
		s = "-" + s[1:len(s)-1]
	}
	c, err := ParseCents(s)
	if err != nil && strings.ContainsAny(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") {
		c, err = ParseCents(adsCurrencyCodes.Replace(s))
	}
	if err != nil {
		r.fail(field, s)
		return 0
	}
	return c
}

// adsCurrencyCodes are the letters Amazon puts before or after an amount in
// some marketplaces; ParseCents reads the signs.
var adsCurrencyCodes = strings.NewReplacer("US$", "", "USD", "", "EUR", "", "GBP", "", "CA$", "", "C$", "", "A$", "", "JP¥", "", "JPY", "", "CAD", "", "AUD", "", "MX$", "", "MXN", "")

// basisPoints reads a percentage to hundredths of a percent: "95.5%" and
// the fraction 0.955 a spreadsheet stores under a percent format are both
// 9550; a bare number above 1 is taken as already in percent.
func (r *adsRecord) basisPoints(field string) int64 {
	s := r.text(field)
	if s == "" || s == "-" {
		return 0
	}
	pct := strings.HasSuffix(s, "%")
	d, err := decimal.NewFromString(strings.ReplaceAll(strings.TrimSpace(strings.TrimSuffix(s, "%")), ",", ""))
	if err != nil || d.IsNegative() {
		r.fail(field, s)
		return 0
	}
	if !pct && d.LessThanOrEqual(decimal.NewFromInt(1)) {
		d = d.Shift(2)
	}
	return d.Shift(2).Round(0).IntPart()
}

// AdsDateOrder decides how slashed dates are read in a file: day first when
// any first part is over 12, month first otherwise — Seller Central's US
// reports write M/D/YYYY, and a file that never shows a day over 12 cannot
// tell; month first is the common case.
func AdsDateOrder(values []string) DateOrder {
	order, _ := SlashDateOrder(values)
	if order == DateAuto {
		return DateMDY
	}
	return order
}

// ParseAdsDate reads a report date to YYYY-MM-DD: "Oct 01, 2026", "October
// 1, 2026", "2026-10-01", "10/01/2026" (in order), "01.10.2026" and the
// serial day number of a spreadsheet date cell. ok is false when it cannot.
func ParseAdsDate(s string, order DateOrder) (string, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", false
	}
	if c := s[0]; (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') {
		for _, layout := range []string{"Jan 02, 2006", "Jan 2, 2006", "January 2, 2006", "Jan 02 2006", "Jan 2 2006", "02 Jan 2006", "2 Jan 2006", "2-Jan-2006"} {
			if t, err := time.Parse(layout, s); err == nil {
				return t.Format(time.DateOnly), true
			}
		}
		return "", false
	}
	if f, err := strconv.ParseFloat(s, 64); err == nil {
		// A spreadsheet's serial day ("46296", "46296.5"): days since
		// 1899-12-30, the time of day dropped.
		if f > 20000 && f < 80000 {
			return time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC).AddDate(0, 0, int(f)).Format(time.DateOnly), true
		}
		return "", false
	}
	for _, layout := range []string{"02 Jan 2006", "2 Jan 2006", "2-Jan-2006", "02-Jan-2006", "2-Jan-06"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.Format(time.DateOnly), true
		}
	}
	v, reason := ParseOrderDate(s, order)
	if reason != "" {
		return "", false
	}
	return v[:10], true
}

// AdsRowDates are the raw period cells of one record, read once the file's
// date order is known.
type AdsRowDates struct{ Start, End string }

// RawDates returns the period cells of rec: Date for both ends of a daily
// report, Start and End Date for a summary.
func (c AdsColumns) RawDates(rec []string) AdsRowDates {
	r := adsRecord{rec: rec, cols: c}
	if c.Has(afDate) {
		d := r.text(afDate)
		return AdsRowDates{d, d}
	}
	return AdsRowDates{r.text(afStart), r.text(afEnd)}
}

// ResolveDates parses a record's period; the error names the line and the
// date column.
func (c AdsColumns) ResolveDates(d AdsRowDates, order DateOrder, line int) (start, end string, err error) {
	startField, endField := afStart, afEnd
	if c.Has(afDate) {
		startField, endField = afDate, afDate
	}
	start, ok := ParseAdsDate(d.Start, order)
	if !ok {
		return "", "", Errorf(EInvalid, "ads.err.bad_cell", line, Key("ads.col."+startField), d.Start)
	}
	end, ok = ParseAdsDate(d.End, order)
	if !ok {
		return "", "", Errorf(EInvalid, "ads.err.bad_cell", line, Key("ads.col."+endField), d.End)
	}
	if end < start {
		return "", "", Errorf(EInvalid, "ads.err.bad_cell", line, Key("ads.col."+endField), d.End)
	}
	return start, end, nil
}

// NormalizeMatchType upper-cases a match type; automatic targeting, which
// Amazon writes as "-" (or leaves empty), is "-".
func NormalizeMatchType(s string) string {
	s = strings.ToUpper(strings.TrimSpace(s))
	if s == "" || s == "—" || s == "–" {
		return "-"
	}
	return s
}

// ParseSearchTermRow reads one search term record (without its dates); line
// is the file's line number for the error.
func (c AdsColumns) ParseSearchTermRow(rec []string, line int) (SearchTermRow, error) {
	r := adsRecord{rec: rec, cols: c, line: line}
	row := SearchTermRow{
		Portfolio: r.text(afPortf), Currency: r.text(afCurr), Campaign: r.text(afCamp), AdGroup: r.text(afGroup),
		Retailer: r.text(afRet), Country: r.text(afCtry), Targeting: r.text(afTarg),
		MatchType: NormalizeMatchType(r.text(afMatch)), SearchTerm: r.text(afTerm),
		Impressions: r.count(afImp), Clicks: r.count(afClick), Orders: r.count(afOrd), Units: r.count(afUnits),
		AdvertisedUnits: r.count(afAdvU), OtherUnits: r.count(afOthU),
		SpendCents: r.money(afSpend), SalesCents: r.money(afSales),
		AdvertisedSales: r.money(afAdvS), OtherSales: r.money(afOthS),
	}
	if row.Campaign == "" {
		r.fail(afCamp, "")
	}
	if row.SearchTerm == "" {
		r.fail(afTerm, "")
	}
	if r.err != nil {
		return row, r.err
	}
	return row, nil
}

// ParseCampaignDayRow reads one campaign report record (without its dates).
func (c AdsColumns) ParseCampaignDayRow(rec []string, line int) (CampaignDayRow, error) {
	r := adsRecord{rec: rec, cols: c, line: line}
	row := CampaignDayRow{Campaign: r.text(afCamp), Currency: r.text(afCurr),
		Impressions: r.count(afImp), Clicks: r.count(afClick), Orders: r.count(afOrd), Units: r.count(afUnits),
		SpendCents: r.money(afSpend), SalesCents: r.money(afSales)}
	if row.Campaign == "" {
		r.fail(afCamp, "")
	}
	if r.err != nil {
		return row, r.err
	}
	return row, nil
}

// ParseBusinessRow reads one Business Report record.
func (c AdsColumns) ParseBusinessRow(rec []string, line int) (BusinessRow, error) {
	r := adsRecord{rec: rec, cols: c, line: line}
	row := BusinessRow{ParentASIN: r.text(afPar), ChildASIN: strings.ToUpper(r.text(afChild)), Title: r.text(afTitle),
		SKU: r.text(afSKU), Sessions: r.count(afSess), PageViews: r.count(afViews), UnitsOrdered: r.count(afUOrd),
		OrderItems: r.count(afItems), SalesCents: r.money(afOSal), BuyBoxBP: r.basisPoints(afBuyB)}
	if row.ChildASIN == "" {
		r.fail(afChild, "")
	}
	if r.err != nil {
		return row, r.err
	}
	return row, nil
}

// HasDates says whether the report's rows carry their own period.
func (c AdsColumns) HasDates() bool { return c.Has(afDate) || (c.Has(afStart) && c.Has(afEnd)) }
