package app

import (
	"context"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/shopspring/decimal"
)

// Order export import: the parsing rules, kept free of files and SQL so they
// are table- and fuzz-tested here; data/ reads the file and writes the lines.

// ColumnMapping says which column (0-based; -1 absent) holds each field.
type ColumnMapping struct {
	Format      string `json:"format"` // uci, shopify, amazon, generic or custom
	Invoice     int    `json:"invoice"`
	StockCode   int    `json:"stock_code"`
	Description int    `json:"description"`
	Quantity    int    `json:"quantity"`
	Date        int    `json:"date"`
	UnitPrice   int    `json:"unit_price"`
	LineTotal   int    `json:"line_total"` // Amazon's item-price is the price of all units of the line
	Customer    int    `json:"customer"`
	Country     int    `json:"country"`
	Status      int    `json:"status"`       // a cancelled status marks a cancellation
	CancelledAt int    `json:"cancelled_at"` // any value marks a cancellation (Shopify)
	// Currency holds each line's ISO 4217 code (Shopify's "Currency",
	// Amazon's "currency"); absent, every line is in the file's currency
	// (ImportOptions.Currency). A mapping remembered before it existed
	// reads as absent: savedMapping starts from EmptyMapping.
	Currency int `json:"currency"`
}

// MappingFields names the mappable fields in dialog order; the values are
// translation-key suffixes (customers.field.<name>).
var MappingFields = []string{"invoice", "date", "quantity", "unit_price", "line_total", "customer", "country", "stock_code", "description", "status", "cancelled_at", "currency"}

// Field returns a pointer to the column of a named field, nil if unknown.
func (m *ColumnMapping) Field(name string) *int {
	switch name {
	case "invoice":
		return &m.Invoice
	case "stock_code":
		return &m.StockCode
	case "description":
		return &m.Description
	case "quantity":
		return &m.Quantity
	case "date":
		return &m.Date
	case "unit_price":
		return &m.UnitPrice
	case "line_total":
		return &m.LineTotal
	case "customer":
		return &m.Customer
	case "country":
		return &m.Country
	case "status":
		return &m.Status
	case "cancelled_at":
		return &m.CancelledAt
	case "currency":
		return &m.Currency
	}
	return nil
}

// EmptyMapping maps nothing.
func EmptyMapping() ColumnMapping {
	return ColumnMapping{Format: "custom", Invoice: -1, StockCode: -1, Description: -1, Quantity: -1, Date: -1,
		UnitPrice: -1, LineTotal: -1, Customer: -1, Country: -1, Status: -1, CancelledAt: -1, Currency: -1}
}

// Validate reports the first required field left unmapped: invoice, date,
// quantity and a price (unit price or line total).
func (m ColumnMapping) Validate() error {
	for _, f := range []string{"invoice", "date", "quantity"} {
		if *m.Field(f) < 0 {
			return Errorf(EInvalid, "customers.err.unmapped", Key("customers.field."+f))
		}
	}
	if m.UnitPrice < 0 && m.LineTotal < 0 {
		return Errorf(EInvalid, "customers.err.unmapped", Key("customers.field.unit_price"))
	}
	return nil
}

// normHeader folds a header cell for matching: lower case, no spaces, dashes
// or underscores, no BOM.
func normHeader(s string) string {
	s = strings.TrimPrefix(strings.TrimSpace(s), "\ufeff")
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if r == ' ' || r == '-' || r == '_' || r == '"' {
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// HeaderKey is the remembered-mapping key of a header row.
func HeaderKey(header []string) string {
	parts := make([]string, len(header))
	for i, h := range header {
		parts[i] = normHeader(h)
	}
	return strings.Join(parts, "|")
}

// layouts are the exports recognised by their headers; each field lists the
// accepted names (normalised), first match wins.
var layouts = []struct {
	format string
	fields map[string][]string
	needs  []string // headers that identify the layout
}{
	{"uci", map[string][]string{"invoice": {"invoiceno", "invoice"}, "stock_code": {"stockcode"}, "description": {"description"},
		"quantity": {"quantity"}, "date": {"invoicedate"}, "unit_price": {"unitprice", "price"}, "customer": {"customerid", "customer id"},
		"country": {"country"}}, []string{"invoicedate"}},
	{"shopify", map[string][]string{"invoice": {"name"}, "stock_code": {"lineitemsku"}, "description": {"lineitemname"},
		"quantity": {"lineitemquantity"}, "date": {"createdat", "paidat"}, "unit_price": {"lineitemprice"},
		"customer": {"email", "customerid"}, "country": {"shippingcountry", "billingcountry"}, "cancelled_at": {"cancelledat"},
		"currency": {"currency"}},
		[]string{"lineitemquantity"}},
	{"amazon", map[string][]string{"invoice": {"amazonorderid", "orderid"}, "stock_code": {"sku"}, "description": {"productname"},
		"quantity": {"quantity", "quantitypurchased"}, "date": {"purchasedate"}, "line_total": {"itemprice"},
		"customer": {"buyeremail", "buyername"}, "country": {"shipcountry"}, "status": {"orderstatus"},
		"currency": {"currency"}},
		[]string{"amazonorderid"}},
	{"generic", map[string][]string{"invoice": {"invoiceno", "invoice", "orderid", "order", "ordernumber", "orderno", "订单号", "订单编号", "单号"},
		"stock_code": {"stockcode", "sku", "商品编码"}, "description": {"description", "productname", "product", "商品名称"},
		"quantity": {"quantity", "qty", "数量"}, "date": {"invoicedate", "orderdate", "date", "createdat", "下单时间", "日期"},
		"unit_price": {"unitprice", "price", "单价"}, "line_total": {"total", "linetotal", "amount", "金额"},
		"customer": {"customerid", "customer", "email", "buyeremail", "客户", "客户id", "买家"}, "country": {"country", "国家"},
		"status": {"status", "orderstatus", "状态"}, "currency": {"currency", "currencycode", "币种", "货币"}}, nil},
}

// DetectMapping recognises the UCI, Shopify and Amazon layouts, then a
// generic one by common column names. ok is false when a required field is
// not found: the user maps the columns.
func DetectMapping(header []string) (ColumnMapping, bool) {
	idx := map[string]int{}
	for i, h := range header {
		n := normHeader(h)
		if _, seen := idx[n]; !seen {
			idx[n] = i
		}
	}
	for _, lay := range layouts {
		matches := true
		for _, need := range lay.needs {
			if _, ok := idx[need]; !ok {
				matches = false
			}
		}
		if !matches {
			continue
		}
		m := EmptyMapping()
		m.Format = lay.format
		for field, names := range lay.fields {
			for _, n := range names {
				if i, ok := idx[normHeader(n)]; ok {
					*m.Field(field) = i
					break
				}
			}
		}
		if m.Validate() == nil {
			return m, true
		}
		if lay.format == "generic" {
			// What was recognised pre-fills the mapping dialog.
			m.Format = "custom"
			return m, false
		}
	}
	return EmptyMapping(), false
}

// DateOrder says how to read a slashed date: 1/2/2011 is 2 January (DMY) or
// 1 February (MDY). DateAuto decides per value and fails when both could be.
type DateOrder string

const (
	DateAuto DateOrder = ""
	DateMDY  DateOrder = "mdy"
	DateDMY  DateOrder = "dmy"
)

// Reasons a row is bad; translation keys customers.reason.<reason>.
const (
	ReasonBadDate      = "bad_date"
	ReasonAmbiguous    = "ambiguous_date"
	ReasonBadQuantity  = "bad_quantity"
	ReasonBadPrice     = "bad_price"
	ReasonNoInvoice    = "no_invoice"
	ReasonShortRow     = "short_row"
	ReasonNoCustomer   = "no_customer" // not bad: counted, imported, not scored
	ReasonAlreadyThere = "duplicate_file"
	ReasonQtyRange     = "quantity_range"
	ReasonPriceRange   = "price_range"
	ReasonTotalRange   = "line_total_range"
	ReasonDateRange    = "date_range"
	ReasonTruncated    = "truncated_line" // the file's last line, cut off
	ReasonBadCurrency  = "bad_currency"   // not an ISO 4217 currency code
)

// Bounds on the numbers of one order line: what money and quantities of a
// small shop can be, with room to spare, and small enough that stored sums
// cannot overflow. A value outside is a bad row naming the field.
//   - |quantity| <= MaxQuantity (a million units on one line);
//   - |unit price| <= MaxUnitPriceCents minor units (10,000,000.00 in the
//     file's currency, enough for a price in yen, won or rupiah);
//   - |quantity x unit price| <= MaxLineCents (10,000,000,000.00), and an
//     Amazon-style line total likewise.
//
// A line's amount then fits in int64 with a factor of 9 million to spare:
// every sum the workspace keeps (revenue per month, country, customer) stays
// exact up to 9.2 million lines at the largest allowed amount, far past any
// shop (the import also checks its sums as it adds them).
const (
	MaxQuantity       = 1_000_000
	MaxUnitPriceCents = 1_000_000_000
	MaxLineCents      = 1_000_000_000_000
)

// Order dates are taken from MinOrderDate to ten years after today: a date
// outside (9999-12-31, 1900-01-01, a mistyped year) is a bad row, since one
// such line moves every customer's recency.
const MinOrderDate = "1990-01-01 00:00:00"

// maxOrderDate is the end of the window, as "YYYY-MM-DD 23:59:59"; read per
// row, so it is kept as a string and refreshed by SetDateWindow.
var maxOrderDate atomic.Pointer[string]

func init() { SetDateWindow(time.Now()) }

// SetDateWindow sets the end of the accepted order dates to ten years after
// now; importers call it when they start, so a window open for days moves on.
func SetDateWindow(now time.Time) {
	s := now.UTC().AddDate(10, 0, 0).Format("2006-01-02") + " 23:59:59"
	maxOrderDate.Store(&s)
}

// OrderDateWindow is the first and last accepted order date, YYYY-MM-DD.
func OrderDateWindow() (first, last string) {
	return MinOrderDate[:10], (*maxOrderDate.Load())[:10]
}

// ParsedLine is one order line ready to store.
type ParsedLine struct {
	Invoice, StockCode, Description string
	// OrderID is the platform's order id when it differs from Invoice: a
	// status-marked cancellation is stored as "C"+OrderID (the way tiering
	// recognises one) but is still that order, for replacing it later.
	OrderID    string
	Quantity   int64
	At         string // YYYY-MM-DD HH:MM:SS, UTC
	PriceCents int64
	Customer   string // "" for none
	Country    string
	// Currency is the ISO code of the line's currency column, upper case,
	// or "" when the file has none or the cell is empty: the importer then
	// uses the file's currency (ImportOptions.Currency).
	Currency string
}

// RowError is why one row cannot be imported.
type RowError struct {
	Field, Value, Reason string
}

// ParseRow reads one record with m. prev is the previous good line: order
// exports such as Shopify's leave order-level cells (date, customer,
// country) blank on an order's second and later lines, so a blank cell of
// the same order takes the previous line's value.
func ParseRow(rec []string, m ColumnMapping, order DateOrder, prev *ParsedLine) (ParsedLine, *RowError) {
	cells := rowCells(rec)
	// Spreadsheets drop empty trailing cells: a short row is bad only when
	// even the order id is missing; other absent cells read as empty.
	if m.Invoice >= len(rec) {
		return ParsedLine{}, &RowError{Field: "invoice", Reason: ReasonShortRow}
	}
	var p ParsedLine
	p.Invoice = cells.cell(m.Invoice)
	if p.Invoice == "" {
		return p, &RowError{Field: "invoice", Reason: ReasonNoInvoice}
	}
	// prev's Invoice may carry the "C" of a status-marked cancellation:
	// its OrderID is then the id the file uses.
	if prev != nil && prev.Invoice != p.Invoice && prev.OrderID != p.Invoice {
		prev = nil // another order: nothing to carry over
	}
	p.StockCode, p.Description = cells.cell(m.StockCode), cells.cell(m.Description)
	var rerr *RowError
	if p.Quantity, rerr = rowQuantity(cells.cell(m.Quantity)); rerr != nil {
		return p, rerr
	}
	if p.At, rerr = rowDate(cells.cell(m.Date), order, prev); rerr != nil {
		return p, rerr
	}
	if m.UnitPrice >= 0 {
		p.PriceCents, rerr = unitPriceCents(cells.cell(m.UnitPrice), p.Quantity)
	} else {
		p.PriceCents, rerr = lineTotalCents(cells.cell(m.LineTotal), p.Quantity)
	}
	if rerr != nil {
		return p, rerr
	}
	p.Customer = NormalizeCustomerID(cells.cell(m.Customer))
	p.Country = cells.cell(m.Country)
	if prev != nil {
		if p.Customer == "" && m.Customer >= 0 && cells.cell(m.Customer) == "" {
			p.Customer = prev.Customer
		}
		if p.Country == "" {
			p.Country = prev.Country
		}
	}
	if p.Currency, rerr = rowCurrency(cells.cell(m.Currency), prev); rerr != nil {
		return p, rerr
	}
	if cells.cancelled(m) && !IsCancellation(p.Invoice, p.Quantity) {
		// A status-marked cancellation is stored the way the tiering rule
		// recognises one: a "C" before the order id.
		p.OrderID = p.Invoice
		p.Invoice = "C" + p.Invoice
	}
	return p, nil
}

// rowCells are one record's cells, read trimmed; an absent cell (a column
// not mapped, or dropped from a short row) reads as empty.
type rowCells []string

func (r rowCells) cell(i int) string {
	if i < 0 || i >= len(r) {
		return ""
	}
	return strings.TrimSpace(r[i])
}

// cancelled tells a line marked cancelled by a cancelled-at date or by its
// status.
func (r rowCells) cancelled(m ColumnMapping) bool {
	if r.cell(m.CancelledAt) != "" {
		return true
	}
	st := strings.ToLower(r.cell(m.Status))
	return strings.Contains(st, "cancel") || strings.Contains(st, "取消")
}

// rowQuantity reads a line's quantity, within ±MaxQuantity.
func rowQuantity(v string) (int64, *RowError) {
	q, err := ParseQuantity(v)
	if err != nil {
		return 0, &RowError{Field: "quantity", Value: v, Reason: reasonOf(err, ReasonBadQuantity)}
	}
	if q > MaxQuantity || q < -MaxQuantity {
		return 0, &RowError{Field: "quantity", Value: v, Reason: ReasonQtyRange}
	}
	return q, nil
}

// rowDate reads a line's date; a blank one on a later line of the same
// order (prev not nil) is that order's date.
func rowDate(raw string, order DateOrder, prev *ParsedLine) (string, *RowError) {
	if raw == "" && prev != nil {
		return prev.At, nil
	}
	at, reason := ParseOrderDate(raw, order)
	if reason != "" {
		return "", &RowError{Field: "date", Value: raw, Reason: reason}
	}
	return at, nil
}

// rowCurrency reads a currency cell: an ISO 4217 code in any case; empty,
// the previous line's of the same order (Shopify writes it on an order's
// first line only), else "" (the file's currency).
func rowCurrency(v string, prev *ParsedLine) (string, *RowError) {
	if v == "" {
		if prev != nil {
			return prev.Currency, nil
		}
		return "", nil
	}
	c := strings.ToUpper(v)
	if !IsISOCurrency(c) {
		return "", &RowError{Field: "currency", Value: v, Reason: ReasonBadCurrency}
	}
	return c, nil
}

// unitPriceCents reads a unit price, within ±MaxUnitPriceCents and with a
// line total (times q) within ±MaxLineCents.
func unitPriceCents(v string, q int64) (int64, *RowError) {
	c, err := ParseCents(v)
	if err != nil {
		return 0, &RowError{Field: "unit_price", Value: v, Reason: reasonOf(err, ReasonBadPrice)}
	}
	if c > MaxUnitPriceCents || c < -MaxUnitPriceCents {
		return 0, &RowError{Field: "unit_price", Value: v, Reason: ReasonPriceRange}
	}
	if a := c * q; a > MaxLineCents || a < -MaxLineCents { // both bounded: no overflow
		return 0, &RowError{Field: "unit_price", Value: v, Reason: ReasonTotalRange}
	}
	return c, nil
}

// lineTotalCents reads a line total (within ±MaxLineCents) and returns the
// unit price it makes for q units, within ±MaxUnitPriceCents.
func lineTotalCents(v string, q int64) (int64, *RowError) {
	c, err := ParseCents(v)
	if err != nil {
		reason := reasonOf(err, ReasonBadPrice)
		if reason == ReasonPriceRange {
			reason = ReasonTotalRange
		}
		return 0, &RowError{Field: "line_total", Value: v, Reason: reason}
	}
	if c > MaxLineCents || c < -MaxLineCents {
		return 0, &RowError{Field: "line_total", Value: v, Reason: ReasonTotalRange}
	}
	if q != 0 {
		// Stored per unit, rounded half away from zero.
		c = decimal.NewFromInt(c).Div(decimal.NewFromInt(q)).Round(0).IntPart()
	}
	if c > MaxUnitPriceCents || c < -MaxUnitPriceCents {
		return 0, &RowError{Field: "line_total", Value: v, Reason: ReasonPriceRange}
	}
	return c, nil
}

// reasonOf is the bad-row reason a parse error carries in its key
// (customers.reason.<reason>), or def.
func reasonOf(err error, def string) string {
	if e, ok := err.(*Error); ok && strings.HasPrefix(e.Key, "customers.reason.") {
		return strings.TrimPrefix(e.Key, "customers.reason.")
	}
	return def
}

// NormalizeCustomerID trims an id and drops a spreadsheet's ".0" from
// numeric ids ("12923.0" is customer 12923).
func NormalizeCustomerID(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '.'); i > 0 {
		digits, zeros := s[:i], s[i+1:]
		if allDigits(digits) && zeros != "" && strings.Trim(zeros, "0") == "" {
			return digits
		}
	}
	return s
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// ParseQuantity reads a whole quantity; "3.0" is 3, "3.5" is bad.
func ParseQuantity(s string) (int64, error) {
	s = strings.ReplaceAll(strings.TrimSpace(s), ",", "")
	if n, err := strconv.ParseInt(s, 10, 64); err == nil {
		return n, nil
	}
	d, err := decimal.NewFromString(s)
	if err != nil || !d.IsInteger() {
		return 0, Errorf(EInvalid, "customers.reason.bad_quantity")
	}
	if d.Abs().GreaterThan(int64Limit) {
		// IntPart would wrap: 1e30 must not come back as some other number.
		return 0, Errorf(EInvalid, "customers.reason.quantity_range")
	}
	return d.IntPart(), nil
}

// ParseCents reads a money amount to minor units, rounding half away from
// zero past two decimals. Currency signs and spaces are ignored. With both
// "," and "." the later one is the decimal point; a lone "," is a decimal
// comma unless exactly three digits follow it ("1,234" is a thousand).
func ParseCents(s string) (int64, error) {
	s = strings.TrimSpace(s)
	// The fast path: plain "123", "12.3", "-0.55".
	if c, ok := fastCents(s); ok {
		return c, nil
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9', r == '.', r == ',', r == '-', r == '+':
			b.WriteRune(r)
		case r == ' ' || r == '\u00a0' || r == '$' || r == '£' || r == '€' || r == '¥' || r == '￥' || r == '\'':
		default:
			return 0, Errorf(EInvalid, "customers.reason.bad_price")
		}
	}
	t := b.String()
	dot, comma := strings.LastIndexByte(t, '.'), strings.LastIndexByte(t, ',')
	switch {
	case dot >= 0 && comma >= 0 && comma > dot:
		t = strings.ReplaceAll(t, ".", "")
		t = strings.Replace(t, ",", ".", 1)
	case dot >= 0 && comma >= 0:
		t = strings.ReplaceAll(t, ",", "")
	case comma >= 0 && strings.Count(t, ",") == 1 && len(t)-comma-1 != 3:
		t = strings.Replace(t, ",", ".", 1)
	case comma >= 0:
		t = strings.ReplaceAll(t, ",", "")
	}
	d, err := decimal.NewFromString(t)
	if err != nil || t == "" {
		return 0, Errorf(EInvalid, "customers.reason.bad_price")
	}
	d = d.Shift(2).Round(0)
	if d.Abs().GreaterThan(int64Limit) {
		// IntPart would wrap: 1e20 must not come back as a negative price.
		return 0, Errorf(EInvalid, "customers.reason.price_range")
	}
	return d.IntPart(), nil
}

// int64Limit is a little under the largest int64: a parsed number past it
// is refused before it is converted (the bounds above are far smaller).
var int64Limit = decimal.New(9, 18)

func fastCents(s string) (int64, bool) {
	neg := false
	if strings.HasPrefix(s, "-") {
		neg, s = true, s[1:]
	}
	if s == "" || len(s) > 15 {
		return 0, false
	}
	var whole, frac int64
	fracDigits := -1
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			if fracDigits >= 0 {
				if fracDigits == 2 {
					return 0, false // more precision: the slow path rounds
				}
				frac = frac*10 + int64(c-'0')
				fracDigits++
			} else {
				whole = whole*10 + int64(c-'0')
			}
		case c == '.' && fracDigits < 0 && i > 0:
			fracDigits = 0
		default:
			return 0, false
		}
	}
	if fracDigits == 1 {
		frac *= 10
	}
	c := whole*100 + frac
	if neg {
		c = -c
	}
	return c, true
}

// ParseOrderDate reads a date to "YYYY-MM-DD HH:MM:SS" in UTC, and refuses
// one outside the order-date window (MinOrderDate to ten years ahead) with
// ReasonDateRange. Accepted:
// ISO dates (with "-" or "/"), with or without a time, with or without a
// zone (converted to UTC); slashed or dotted day/month/year dates with an
// optional H:MM[:SS] time, two-digit years meaning 20YY below 70; and Excel
// serial day numbers. It returns a reason when the value cannot be read.
func ParseOrderDate(s string, order DateOrder) (string, string) {
	at, reason := parseOrderDate(s, order)
	if reason == "" && (at < MinOrderDate || at > *maxOrderDate.Load()) {
		return "", ReasonDateRange
	}
	return at, reason
}

func parseOrderDate(s string, order DateOrder) (string, string) {
	s = strings.TrimSpace(s)
	if at, ok := fastOrderDate(s); ok {
		return at, ""
	}
	if s == "" {
		return "", ReasonBadDate
	}
	if at, ok := layoutOrderDate(s); ok {
		return at, ""
	}
	if at, ok := excelOrderDate(s); ok {
		return at, ""
	}
	return dayMonthYearDate(s, order)
}

// fastOrderDate is the fast path: "2011-10-06 16:20:00" or "2011-10-06 16:20".
func fastOrderDate(s string) (string, bool) {
	if len(s) >= 16 && s[4] == '-' && s[7] == '-' && s[10] == ' ' && s[13] == ':' && isDigits(s, 0, 4, 5, 7, 8, 10, 11, 13, 14, 16) {
		mo, d, h, mi := atoi2(s[5:7]), atoi2(s[8:10]), atoi2(s[11:13]), atoi2(s[14:16])
		if len(s) == 16 && validDate(atoi4(s[:4]), mo, d) && h < 24 && mi < 60 {
			return s + ":00", true
		}
		if len(s) == 19 && s[16] == ':' && isDigits(s, 17, 19) && validDate(atoi4(s[:4]), mo, d) && h < 24 && mi < 60 && atoi2(s[17:19]) < 60 {
			return s, true
		}
	}
	return "", false
}

// orderDateLayouts are the ISO-like layouts tried in turn, the first that
// reads the value wins; a zone is converted to UTC.
var orderDateLayouts = []string{time.RFC3339, "2006-01-02 15:04:05 -0700", "2006-01-02 15:04:05 -07:00", "2006-01-02T15:04:05",
	"2006-01-02 15:04:05", "2006-01-02 15:04", "2006-01-02", "2006/01/02 15:04:05", "2006/01/02 15:04", "2006/01/02",
	"2006-01-02 15:04:05 MST", "2006-01-02T15:04:05.000Z07:00"}

func layoutOrderDate(s string) (string, bool) {
	for _, layout := range orderDateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC().Format("2006-01-02 15:04:05"), true
		}
	}
	return "", false
}

// excelOrderDate reads an Excel serial day number (20000 to 80000, 1954 to
// 2119).
func excelOrderDate(s string) (string, bool) {
	if f, err := strconv.ParseFloat(s, 64); err == nil && f > 20000 && f < 80000 {
		// Excel counts days from 1899-12-30.
		t := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC).Add(time.Duration(f * 24 * float64(time.Hour)))
		return t.Round(time.Second).Format("2006-01-02 15:04:05"), true
	}
	return "", false
}

// dayMonthYearDate reads a slashed or dotted day/month/year date with an
// optional H:MM[:SS] time.
func dayMonthYearDate(s string, order DateOrder) (string, string) {
	datePart, timePart, _ := strings.Cut(s, " ")
	sep := "/"
	if strings.Count(datePart, ".") == 2 {
		sep = "." // 24.12.2011 is always day first
	}
	parts := strings.Split(datePart, sep)
	if len(parts) != 3 {
		return "", ReasonBadDate
	}
	a, e1 := strconv.Atoi(parts[0])
	b, e2 := strconv.Atoi(parts[1])
	y, e3 := strconv.Atoi(parts[2])
	if e1 != nil || e2 != nil || e3 != nil || len(parts[2]) == 3 || len(parts[2]) > 4 {
		return "", ReasonBadDate
	}
	if len(parts[2]) <= 2 {
		y += 2000
		if y >= 2070 {
			y -= 100
		}
	}
	if sep == "." {
		order = DateDMY
	}
	mo, d, reason := dayMonth(a, b, order)
	if reason != "" {
		return "", reason
	}
	if !validDate(y, mo, d) {
		return "", ReasonBadDate
	}
	h, mi, sec, ok := clockTime(strings.TrimSpace(timePart))
	if !ok {
		return "", ReasonBadDate
	}
	return time.Date(y, time.Month(mo), d, h, mi, sec, 0, time.UTC).Format("2006-01-02 15:04:05"), ""
}

// dayMonth tells the month and the day of a date's first two parts a and b:
// by the order given, else by the one over 12; equal parts are the same
// either way. Two different parts up to 12 are ambiguous.
func dayMonth(a, b int, order DateOrder) (mo, d int, reason string) {
	switch {
	case order == DateDMY:
		return b, a, ""
	case order == DateMDY:
		return a, b, ""
	case a > 12 && b <= 12:
		return b, a, ""
	case b > 12 && a <= 12:
		return a, b, ""
	case a == b && a <= 12:
		return a, b, ""
	case a <= 12 && b <= 12:
		return 0, 0, ReasonAmbiguous
	default:
		return 0, 0, ReasonBadDate
	}
}

// clockTime reads an optional H:MM[:SS] time; "" is midnight.
func clockTime(s string) (h, mi, sec int, ok bool) {
	if s == "" {
		return 0, 0, 0, true
	}
	tp := strings.Split(s, ":")
	if len(tp) < 2 || len(tp) > 3 {
		return 0, 0, 0, false
	}
	var err error
	if h, err = strconv.Atoi(tp[0]); err != nil || h > 23 || h < 0 {
		return 0, 0, 0, false
	}
	if mi, err = strconv.Atoi(tp[1]); err != nil || mi > 59 || mi < 0 || len(tp[1]) != 2 {
		return 0, 0, 0, false
	}
	if len(tp) == 3 {
		if sec, err = strconv.Atoi(tp[2]); err != nil || sec > 59 || sec < 0 {
			return 0, 0, 0, false
		}
	}
	return h, mi, sec, true
}

// SlashDateOrder looks at slashed dates (d/m/y) and says which order they
// force: DMY if a first part is over 12, MDY if a second part is; DateAuto
// when none decides (the user is asked) or they contradict each other.
func SlashDateOrder(values []string) (order DateOrder, ambiguous bool) {
	dmy, mdy, undecided := false, false, false
	for _, v := range values {
		datePart, _, _ := strings.Cut(strings.TrimSpace(v), " ")
		parts := strings.Split(datePart, "/")
		if len(parts) != 3 {
			continue
		}
		a, e1 := strconv.Atoi(parts[0])
		b, e2 := strconv.Atoi(parts[1])
		if e1 != nil || e2 != nil || len(parts[0]) == 4 {
			continue
		}
		switch {
		case a > 12:
			dmy = true
		case b > 12:
			mdy = true
		case a != b:
			undecided = true
		}
	}
	switch {
	case dmy && !mdy:
		return DateDMY, false
	case mdy && !dmy:
		return DateMDY, false
	case undecided || (dmy && mdy):
		return DateAuto, true
	}
	return DateAuto, false
}

func validDate(y, m, d int) bool {
	if y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1 {
		return false
	}
	return d <= time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// isDigits checks s[from:to] for each pair of bounds.
func isDigits(s string, bounds ...int) bool {
	for i := 0; i+1 < len(bounds); i += 2 {
		for j := bounds[i]; j < bounds[i+1]; j++ {
			if s[j] < '0' || s[j] > '9' {
				return false
			}
		}
	}
	return true
}

func atoi2(s string) int { return int(s[0]-'0')*10 + int(s[1]-'0') }
func atoi4(s string) int { return atoi2(s[:2])*100 + atoi2(s[2:]) }

// Encodings an import can be read in; "auto" looks at the bytes.
var Encodings = []string{"auto", "utf-8", "utf-16le", "utf-16be", "gb18030"}

// ImportOptions say how to read one order export.
type ImportOptions struct {
	Path      string
	Encoding  string         // one of Encodings; "" is auto
	Delimiter rune           // ',', ';' or '\t'; 0 detects from the header line
	Mapping   *ColumnMapping // nil: a remembered or detected mapping
	DateOrder DateOrder      // for slashed dates; DateAuto asks when ambiguous
	SkipBad   bool           // import the good rows when some are bad; false aborts
	// Source is what the file's order ids are unique within (a platform or
	// shop, at most 40 characters); "" is the export's detected format.
	Source string
	// Currency is the ISO code of the file's prices where it has no
	// currency column (or a line leaves it empty); "" is the workspace's
	// base currency.
	Currency string
}

// ImportPreview is what the mapping dialog shows before importing.
type ImportPreview struct {
	Header        []string
	Rows          [][]string // the first rows, as read
	Encoding      string     // detected or chosen
	Delimiter     rune       // 0 for XLSX
	Mapping       ColumnMapping
	MappingKnown  bool // detected or remembered: no dialog needed
	Remembered    bool
	DateOrder     DateOrder // from the sample's slashed dates
	DateAmbiguous bool      // the sample cannot tell D/M from M/D: ask
}

// ImportProgress is reported while importing, throttled by the importer.
type ImportProgress struct {
	Rows    int
	Done    int64 // bytes read
	Total   int64 // file size
	Elapsed time.Duration
}

// RowsPerSecond is the import speed so far.
func (p ImportProgress) RowsPerSecond() float64 {
	if p.Elapsed <= 0 {
		return 0
	}
	return float64(p.Rows) / p.Elapsed.Seconds()
}

// Fraction is how far through the file the import is, 0..1.
func (p ImportProgress) Fraction() float64 {
	if p.Total <= 0 {
		return 0
	}
	return min(1, float64(p.Done)/float64(p.Total))
}

// BadRow is a row that could not be imported.
type BadRow struct {
	Row    int // 1-based line in the file, the header being row 1
	Field  string
	Value  string
	Reason string
}

// MaxBadRowsListed caps the bad rows kept for the report; all are counted.
const MaxBadRowsListed = 500

// ImportResult is the import report.
type ImportResult struct {
	RowsRead   int
	Imported   int
	NoCustomer int            // imported lines without a customer id: not scored
	Skipped    map[string]int // bad rows by reason
	BadRows    []BadRow       // the first MaxBadRowsListed
	Customers  int            // distinct customer ids in the workspace after the import
	Duplicate  bool           // the same file was imported before and nothing changed
	// Orders by order id within Source: new ones added, ones already there
	// whose lines this file replaced (the newest export wins), and ones
	// already there with the same lines (left as they were).
	OrdersNew, OrdersReplaced, OrdersUnchanged int
	Source                                     string
	Format                                     string
	Encoding                                   string
	Elapsed                                    time.Duration
	ImportID                                   int64 // the stored import, for UndoImport; 0 when nothing was stored
}

// SkippedTotal counts all bad rows.
func (r ImportResult) SkippedTotal() int {
	n := 0
	for _, c := range r.Skipped {
		n += c
	}
	return n
}

// OrderImporter imports order exports. ImportOrders runs in one
// transaction: cancelled (ctx), failed, or stopped because rows are bad and
// SkipBad is false, it changes nothing and still returns the report so far
// (with an *Error: ECanceled, or EInvalid "customers.err.bad_rows").
//
// An order is identified by its order id within its source (ImportOptions.
// Source, by default the export's format): an order of the file already
// present with the same lines is left as it is (unchanged), one present
// with other lines gets the file's lines instead (replaced: the newest
// export wins), the others are added (new). A file that changes nothing
// stores no import (ImportID 0).
type OrderImporter interface {
	PreviewOrders(ctx context.Context, opts ImportOptions) (ImportPreview, error)
	ImportOrders(ctx context.Context, opts ImportOptions, progress func(ImportProgress)) (ImportResult, error)
	// UndoImport removes the lines of one import, puts back the lines it
	// replaced and rebuilds the summaries, in one transaction; ENotFound if
	// there is no such import, EConflict if a later import replaced lines
	// of this one (undo that one first).
	UndoImport(ctx context.Context, importID int64) error
}
