package app_test

import (
	"strings"
	"testing"
	"time"

	"github.com/seller-assistant/seller-assistant/app"
)

func TestParseOrderDate(t *testing.T) {
	tests := []struct {
		in     string
		order  app.DateOrder
		want   string
		reason string
	}{
		{"2011-10-06 16:20:00", app.DateAuto, "2011-10-06 16:20:00", ""},
		{"2011-10-06 16:20", app.DateAuto, "2011-10-06 16:20:00", ""},
		{"2011-10-06", app.DateAuto, "2011-10-06 00:00:00", ""},
		{"2011-10-06T16:20:00+08:00", app.DateAuto, "2011-10-06 08:20:00", ""},
		{"2023-05-01 10:00:00 -0400", app.DateAuto, "2023-05-01 14:00:00", ""},
		{"2011/10/06 9:05", app.DateAuto, "2011-10-06 09:05:00", ""},
		{"2011/10/06 09:05", app.DateAuto, "2011-10-06 09:05:00", ""},
		{"12/1/2010 8:26", app.DateMDY, "2010-12-01 08:26:00", ""},
		{"12/1/2010 8:26", app.DateDMY, "2010-01-12 08:26:00", ""},
		{"12/1/2010 8:26", app.DateAuto, "", app.ReasonAmbiguous},
		{"13/1/2010", app.DateAuto, "2010-01-13 00:00:00", ""},
		{"1/13/2010 23:59:59", app.DateAuto, "2010-01-13 23:59:59", ""},
		{"5/5/2010", app.DateAuto, "2010-05-05 00:00:00", ""},
		{"12/1/10 8:26", app.DateMDY, "2010-12-01 08:26:00", ""},
		{"24.12.2011", app.DateAuto, "2011-12-24 00:00:00", ""},
		{"31/2/2011", app.DateDMY, "", app.ReasonBadDate},
		{"2011-02-30 10:00", app.DateAuto, "", app.ReasonBadDate},
		{"40513.35", app.DateAuto, "2010-12-01 08:24:00", ""},
		{"yesterday", app.DateAuto, "", app.ReasonBadDate},
		{"", app.DateAuto, "", app.ReasonBadDate},
		{"1/2/2011 25:00", app.DateMDY, "", app.ReasonBadDate},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, reason := app.ParseOrderDate(tt.in, tt.order)
			if got != tt.want || reason != tt.reason {
				t.Errorf("ParseOrderDate(%q, %q) = %q %q, want %q %q", tt.in, tt.order, got, reason, tt.want, tt.reason)
			}
		})
	}
}

func TestSlashDateOrder(t *testing.T) {
	tests := []struct {
		in        []string
		order     app.DateOrder
		ambiguous bool
	}{
		{[]string{"1/2/2011", "13/2/2011"}, app.DateDMY, false},
		{[]string{"1/2/2011", "2/13/2011 10:00"}, app.DateMDY, false},
		{[]string{"1/2/2011", "3/4/2011"}, app.DateAuto, true},
		{[]string{"2011-01-02"}, app.DateAuto, false},
		{[]string{"13/1/2011", "1/13/2011"}, app.DateAuto, true},
	}
	for _, tt := range tests {
		o, amb := app.SlashDateOrder(tt.in)
		if o != tt.order || amb != tt.ambiguous {
			t.Errorf("SlashDateOrder(%v) = %q %v, want %q %v", tt.in, o, amb, tt.order, tt.ambiguous)
		}
	}
}

func TestParseCents(t *testing.T) {
	tests := []struct {
		in   string
		want int64
		bad  bool
	}{
		{"4.15", 415, false}, {"0.5", 50, false}, {"12", 1200, false}, {"-11062.06", -1106206, false},
		{"0.001", 0, false}, {"2.555", 256, false}, {"$1,234.50", 123450, false}, {"1.234,50", 123450, false},
		{"4,15", 415, false}, {"1,234", 123400, false}, {"€ 7", 700, false}, {"abc", 0, true}, {"", 0, true}, {"1.2.3", 0, true},
	}
	for _, tt := range tests {
		got, err := app.ParseCents(tt.in)
		if (err != nil) != tt.bad || (!tt.bad && got != tt.want) {
			t.Errorf("ParseCents(%q) = %d, %v; want %d bad=%v", tt.in, got, err, tt.want, tt.bad)
		}
	}
}

func TestNormalizeCustomerIDAndQuantity(t *testing.T) {
	for in, want := range map[string]string{"12923.0": "12923", " 12923 ": "12923", "12923.00": "12923", "12923.5": "12923.5",
		"a@b.com": "a@b.com", "": "", ".0": ".0", "HL10001": "HL10001"} {
		if got := app.NormalizeCustomerID(in); got != want {
			t.Errorf("NormalizeCustomerID(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]int64{"3": 3, "-2": -2, "3.0": 3, "1,200": 1200} {
		if got, err := app.ParseQuantity(in); err != nil || got != want {
			t.Errorf("ParseQuantity(%q) = %d %v", in, got, err)
		}
	}
	for _, in := range []string{"3.5", "x", ""} {
		if _, err := app.ParseQuantity(in); err == nil {
			t.Errorf("ParseQuantity(%q) should fail", in)
		}
	}
}

func TestDetectMapping(t *testing.T) {
	tests := []struct {
		name   string
		header string
		format string
		ok     bool
	}{
		{"uci", "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country", "uci", true},
		{"uci bom", "\ufeffInvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country", "uci", true},
		{"shopify", "Name,Email,Financial Status,Paid at,Fulfillment Status,Fulfilled at,Accepts Marketing,Currency,Subtotal,Shipping,Taxes,Total,Discount Code,Discount Amount,Shipping Method,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem compare at price,Lineitem sku,Lineitem requires shipping,Lineitem taxable,Lineitem fulfillment status,Billing Name,Billing Country,Shipping Country,Cancelled at", "shopify", true},
		{"amazon", "amazon-order-id\tmerchant-order-id\tpurchase-date\tlast-updated-date\torder-status\tfulfillment-channel\tsales-channel\tproduct-name\tsku\tasin\titem-status\tquantity\tcurrency\titem-price\titem-tax\tship-city\tship-country\tbuyer-email", "amazon", true},
		{"chinese", "订单号,下单时间,商品编码,数量,单价,客户,国家", "generic", true},
		{"unknown", "a,b,c", "custom", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sep := ","
			if strings.Contains(tt.header, "\t") {
				sep = "\t"
			}
			m, ok := app.DetectMapping(strings.Split(tt.header, sep))
			if ok != tt.ok || m.Format != tt.format {
				t.Fatalf("DetectMapping = %+v %v, want %s %v", m, ok, tt.format, tt.ok)
			}
			if ok && m.Validate() != nil {
				t.Errorf("detected mapping invalid: %v", m.Validate())
			}
		})
	}
	m, _ := app.DetectMapping(strings.Split("InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country", ","))
	if m.Invoice != 0 || m.Date != 4 || m.UnitPrice != 5 || m.Customer != 6 || m.Country != 7 || m.LineTotal != -1 {
		t.Errorf("uci columns %+v", m)
	}
}

func TestParseRow(t *testing.T) {
	uci, _ := app.DetectMapping(strings.Split("InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country", ","))
	p, rerr := app.ParseRow(strings.Split("C580762,22625,RED KITCHEN SCALES,-1,2011-12-06 10:32:00,7.65,14543.0,United Kingdom", ","), uci, app.DateAuto, nil)
	if rerr != nil || p.Invoice != "C580762" || p.Quantity != -1 || p.PriceCents != 765 || p.Customer != "14543" || p.At != "2011-12-06 10:32:00" {
		t.Errorf("uci row %+v %v", p, rerr)
	}
	_, rerr = app.ParseRow(strings.Split("1,x,y,two,2011-12-06 10:32:00,7.65,,UK", ","), uci, app.DateAuto, nil)
	if rerr == nil || rerr.Reason != app.ReasonBadQuantity || rerr.Value != "two" {
		t.Errorf("bad quantity: %+v", rerr)
	}
	// Shopify: the second line of an order leaves the date and email blank.
	sh := app.EmptyMapping()
	sh.Invoice, sh.Customer, sh.Date, sh.Quantity, sh.UnitPrice, sh.Country, sh.CancelledAt = 0, 1, 2, 3, 4, 5, 6
	first, rerr := app.ParseRow([]string{"#1001", "a@x.com", "2024-03-01 10:00:00 +0800", "2", "19.99", "US", ""}, sh, app.DateAuto, nil)
	if rerr != nil {
		t.Fatal(rerr)
	}
	second, rerr := app.ParseRow([]string{"#1001", "", "", "1", "5", "", ""}, sh, app.DateAuto, &first)
	if rerr != nil || second.Customer != "a@x.com" || second.At != "2024-03-01 02:00:00" || second.Country != "US" {
		t.Errorf("second line %+v %v", second, rerr)
	}
	cancelled, _ := app.ParseRow([]string{"#1002", "b@x.com", "2024-03-01", "1", "5", "US", "2024-03-02"}, sh, app.DateAuto, nil)
	if !app.IsCancellation(cancelled.Invoice, cancelled.Quantity) {
		t.Errorf("a cancelled-at value should make a cancellation: %+v", cancelled)
	}
	// Amazon: item-price is the line total.
	am := app.EmptyMapping()
	am.Invoice, am.Date, am.Quantity, am.LineTotal, am.Status = 0, 1, 2, 3, 4
	a, rerr := app.ParseRow([]string{"111-1", "2024-03-01T10:00:00+00:00", "3", "30.00", "Shipped"}, am, app.DateAuto, nil)
	if rerr != nil || a.PriceCents != 1000 || a.Customer != "" {
		t.Errorf("amazon %+v %v", a, rerr)
	}
	a, _ = app.ParseRow([]string{"111-2", "2024-03-01T10:00:00+00:00", "1", "0", "Cancelled"}, am, app.DateAuto, nil)
	if a.Invoice != "C111-2" {
		t.Errorf("cancelled amazon order %+v", a)
	}
}

func FuzzParseOrderDate(f *testing.F) {
	for _, s := range []string{"2011-10-06 16:20:00", "12/1/2010 8:26", "24.12.2011", "40513.35", "2011-10-06T16:20:00+08:00", "1/1/1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, o := range []app.DateOrder{app.DateAuto, app.DateDMY, app.DateMDY} {
			got, reason := app.ParseOrderDate(s, o)
			if (got == "") == (reason == "") {
				t.Fatalf("%q: got %q reason %q", s, got, reason)
			}
			if got != "" && len(got) != 19 {
				t.Fatalf("%q: stored date %q is not YYYY-MM-DD HH:MM:SS", s, got)
			}
			if lo, hi := app.OrderDateWindow(); got != "" && (got[:10] < lo || got[:10] > hi) {
				t.Fatalf("%q: date %q outside the window %s..%s", s, got, lo, hi)
			}
		}
	})
}

func FuzzParseRow(f *testing.F) {
	f.Add("536365,85123A,WHITE HANGING HEART,6,12/1/2010 8:26,2.55,17850.0,United Kingdom")
	f.Add("C1,x,,−1,2011-01-01,1,,")
	uci, _ := app.DetectMapping(strings.Split("InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country", ","))
	f.Fuzz(func(t *testing.T, line string) {
		p, rerr := app.ParseRow(strings.Split(line, ","), uci, app.DateMDY, nil)
		if rerr == nil && (p.Invoice == "" || len(p.At) != 19) {
			t.Fatalf("%q parsed to %+v", line, p)
		}
		if rerr == nil && (abs(p.Quantity) > app.MaxQuantity || abs(p.PriceCents) > app.MaxUnitPriceCents || abs(p.Quantity*p.PriceCents) > app.MaxLineCents) {
			t.Fatalf("%q parsed past the bounds: %+v", line, p)
		}
		_, _ = app.ParseCents(line)
	})
}

func TestDetectMappingPrefillsWhatItKnows(t *testing.T) {
	m, ok := app.DetectMapping([]string{"单号", "When", "数量", "单价"})
	if ok || m.Invoice != 0 || m.Quantity != 2 || m.UnitPrice != 3 || m.Date != -1 || m.Format != "custom" {
		t.Errorf("partial mapping %+v %v", m, ok)
	}
}

func abs(n int64) int64 {
	if n < 0 {
		return -n
	}
	return n
}

// TestParseRowBounds (issue 12 items 6 and 7): numbers past what money and
// quantities can be, and dates outside 1990 .. ten years ahead, are bad
// rows naming the field; the bounds themselves are accepted.
func TestParseRowBounds(t *testing.T) {
	uci, _ := app.DetectMapping(strings.Split("InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country", ","))
	amazon, _ := app.DetectMapping(strings.Split("amazon-order-id,purchase-date,order-status,product-name,sku,quantity,item-price,ship-country,buyer-email", ","))
	ahead := time.Now().AddDate(10, 0, 2).Format("2006-01-02")
	lastOK := time.Now().AddDate(9, 11, 0).Format("2006-01-02")
	tests := []struct {
		name, line    string
		m             app.ColumnMapping
		field, reason string
	}{
		{"price 1e20", "1,A,x,1,2024-01-01,100000000000000000000,7,US", uci, "unit_price", app.ReasonPriceRange},
		{"price past 10 million", "1,A,x,1,2024-01-01,10000000.01,7,US", uci, "unit_price", app.ReasonPriceRange},
		{"price at 10 million", "1,A,x,1,2024-01-01,10000000.00,7,US", uci, "", ""},
		{"quantity 1e30", "1,A,x,1e30,2024-01-01,1,7,US", uci, "quantity", app.ReasonQtyRange},
		{"quantity 30 digits", "1,A,x,-100000000000000000000000000000,2024-01-01,1,7,US", uci, "quantity", app.ReasonQtyRange},
		{"quantity past a million", "1,A,x,1000001,2024-01-01,1,7,US", uci, "quantity", app.ReasonQtyRange},
		{"quantity at a million", "1,A,x,-1000000,2024-01-01,1,7,US", uci, "", ""},
		{"line amount past the bound", "1,A,x,1000000,2024-01-01,1000000.01,7,US", uci, "unit_price", app.ReasonTotalRange},
		{"amazon line total past the bound", "1,2024-01-01,Shipped,x,A,2,20000000000000,US,a@x", amazon, "line_total", app.ReasonTotalRange},
		{"amazon line total 1e20", "1,2024-01-01,Shipped,x,A,2,100000000000000000000,US,a@x", amazon, "line_total", app.ReasonTotalRange},
		{"amazon unit price past the bound", "1,2024-01-01,Shipped,x,A,1,10000000.02,US,a@x", amazon, "line_total", app.ReasonPriceRange},
		{"ISO 9999-12-31", "1,A,x,1,9999-12-31,1,7,US", uci, "date", app.ReasonDateRange},
		{"ISO with time 9999-12-31", "1,A,x,1,9999-12-31 23:59:59,1,7,US", uci, "date", app.ReasonDateRange},
		{"1989-12-31", "1,A,x,1,1989-12-31 23:59:59,1,7,US", uci, "date", app.ReasonDateRange},
		{"slashed 1/1/1900", "1,A,x,1,1/1/1900,1,7,US", uci, "date", app.ReasonDateRange},
		{"1990-01-01", "1,A,x,1,1990-01-01,1,7,US", uci, "", ""},
		{"more than ten years ahead", "1,A,x,1," + ahead + ",1,7,US", uci, "date", app.ReasonDateRange},
		{"under ten years ahead", "1,A,x,1," + lastOK + ",1,7,US", uci, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, rerr := app.ParseRow(strings.Split(tt.line, ","), tt.m, app.DateMDY, nil)
			switch {
			case tt.reason == "" && rerr != nil:
				t.Errorf("refused: %+v", rerr)
			case tt.reason != "" && (rerr == nil || rerr.Field != tt.field || rerr.Reason != tt.reason):
				t.Errorf("got %+v, want %s %s", rerr, tt.field, tt.reason)
			}
		})
	}
	for _, s := range []string{"1e20", "100000000000000000000", "-99999999999999999999.99"} {
		if c, err := app.ParseCents(s); err == nil {
			t.Errorf("ParseCents(%q) = %d, want an error, not a wrapped number", s, c)
		}
	}
}
