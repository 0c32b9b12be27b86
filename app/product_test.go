package app_test

import (
	"errors"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/seller-assistant/seller-assistant/app"
)

func TestParseProductRow(t *testing.T) {
	idx, err := app.ProductHeader([]string{"\ufeffSKU", "name_en", "Cost_CNY", "weight_kg", "length_cm", "markets", "price_band", "stage", "unknown"})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		rec  []string
		key  string // "" = valid
		cost string
	}{
		{"valid with defaults", []string{"HL-1", "Garlic press", "12.50", "0.26", "19", "us, gb", "", "", "x"}, "", "12.5"},
		{"yuan sign and thousands", []string{"HL-2", "Rack", "¥1,280.00", "2.6", "", "", "HIGH", "growth"}, "", "1280"},
		{"short row", []string{"HL-3", "Stand"}, "", "0"},
		{"no sku", []string{"", "Nameless", "1"}, "products.err_sku", ""},
		{"sku with space", []string{"HL 4", "x"}, "products.err_sku_chars", ""},
		{"no name", []string{"HL-5", "", "1"}, "products.err_name", ""},
		{"bad cost", []string{"HL-6", "x", "twelve"}, "products.err_amount", ""},
		{"negative weight", []string{"HL-7", "x", "1", "-2"}, "products.err_amount", ""},
		{"unknown band", []string{"HL-8", "x", "1", "1", "", "", "premium"}, "products.err_choice", ""},
		{"bad market", []string{"HL-9", "x", "1", "1", "", "USA"}, "research.err_market", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := app.ParseProductRow(idx, tt.rec)
			if tt.key != "" {
				var e *app.Error
				if !errors.As(err, &e) || e.Key != tt.key || e.Code != app.EInvalid {
					t.Fatalf("err = %v, want %s", err, tt.key)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !p.PurchaseCost.Equal(decimal.RequireFromString(tt.cost)) || p.PriceBand == "" || p.Status != "idea" {
				t.Fatalf("parsed %+v", p)
			}
		})
	}
	if _, err := app.ProductHeader([]string{"name", "cost"}); err == nil {
		t.Fatal("a header without sku must be refused")
	}
}

func TestProductRowRoundTrip(t *testing.T) {
	p := app.Product{SKU: "HL-KT-001", NameZh: "硅胶铲", NameEn: "Spatula", PurchaseCost: decimal.RequireFromString("18.5"),
		WeightKg: decimal.RequireFromString("0.42"), LengthCm: decimal.RequireFromString("34"), Markets: []string{"US", "DE"},
		PriceBand: "mid", Role: "profit", Stage: "maturity", Status: "listed", Notes: "a, b"}
	idx, err := app.ProductHeader(app.ProductColumns)
	if err != nil {
		t.Fatal(err)
	}
	got, err := app.ParseProductRow(idx, app.ProductRow(p))
	if err != nil {
		t.Fatal(err)
	}
	if got.SKU != p.SKU || got.NameZh != p.NameZh || !got.PurchaseCost.Equal(p.PurchaseCost) || !got.LengthCm.Equal(p.LengthCm) ||
		len(got.Markets) != 2 || got.Notes != p.Notes || got.Stage != p.Stage {
		t.Fatalf("round trip: %+v", got)
	}
}

// FuzzParseProductRow: any row parses to a valid product or an *app.Error
// with a message key, never a panic.
func FuzzParseProductRow(f *testing.F) {
	f.Add("HL-1", "x", "12.5", "0.3", "US", "mid")
	f.Add("", "", "-1", "abc", "USA", "??")
	idx, _ := app.ProductHeader([]string{"sku", "name_en", "cost_cny", "weight_kg", "markets", "price_band"})
	f.Fuzz(func(t *testing.T, sku, name, cost, weight, markets, band string) {
		p, err := app.ParseProductRow(idx, []string{sku, name, cost, weight, markets, band})
		if err != nil {
			var e *app.Error
			if !errors.As(err, &e) || e.Key == "" {
				t.Fatalf("error without key: %v", err)
			}
			return
		}
		if p.SKU == "" || p.PurchaseCost.IsNegative() {
			t.Fatalf("invalid product accepted: %+v", p)
		}
	})
}

func TestPortfolio(t *testing.T) {
	dec := decimal.RequireFromString
	products := []app.Product{
		{SKU: "A"}, {SKU: "B"}, {SKU: "C"}, {SKU: "D"},
		{SKU: "U", MarketGrowth: decimal.NewNullDecimal(dec("0.30")), RelativeShare: decimal.NewNullDecimal(dec("1.5"))},
		{SKU: "N"}, // never sold: left out
		{SKU: "Z"}, // sold only this year: growth unknown, left out
	}
	sales := []app.ProductSales{
		// relative share = revenue ÷ the best-selling other product's
		{SKU: "A", Revenue: dec("500"), PreviousRevenue: dec("250")}, // +100 %, 500 ÷ 300 = 1.6667: star
		{SKU: "B", Revenue: dec("300"), PreviousRevenue: dec("300")}, // 0 %, 300 ÷ 500 = 0.6: dog (only a leader is above 1)
		{SKU: "C", Revenue: dec("150"), PreviousRevenue: dec("100")}, // +50 %, 0.3: question mark
		{SKU: "D", Revenue: dec("50"), PreviousRevenue: dec("100")},  // −50 %, 0.1: dog
		{SKU: "Z", Revenue: dec("0"), PreviousRevenue: dec("0")},
	}
	pts := app.Portfolio(products, sales)
	want := map[string]string{"A": "star", "B": "dog", "C": "question_mark", "D": "dog", "U": "star"}
	if len(pts) != len(want) {
		t.Fatalf("%d points, want %d", len(pts), len(want))
	}
	for _, pt := range pts {
		if pt.Quadrant != want[pt.Product.SKU] {
			t.Errorf("%s: %s, want %s (growth %s share %s)", pt.Product.SKU, pt.Quadrant, want[pt.Product.SKU], pt.Growth, pt.Share)
		}
	}
	if !pts[0].Growth.Equal(dec("1")) || !pts[0].Share.Equal(dec("1.6667")) || !pts[1].Share.Equal(dec("0.6")) {
		t.Fatalf("A: growth %s share %s; B share %s", pts[0].Growth, pts[0].Share, pts[1].Share)
	}
	c := app.PortfolioChart(app.English(), pts)
	if err := c.Validate(); err != nil || len(c.Series) != 4 || c.Series[0].Points[0].X != 1.67 || c.Series[0].Points[0].Y != 100 {
		t.Fatalf("chart: %v %+v", err, c.Series)
	}
	// A ratio on a log axis with the 1.0 line, the growth threshold line
	// and the quadrants named; never a percent on the share axis.
	if !c.XLog || c.XUnit == "%" || len(c.XRefs) != 1 || c.XRefs[0].Value != 1 || len(c.YRefs) != 1 || c.YRefs[0].Value != 10 ||
		c.Quadrants == nil || c.Quadrants.TopRight != "Stars" || c.Series[0].Points[0].Tag != "A" {
		t.Fatalf("BCG axes: log %v unit %q refs %v %v quadrants %+v", c.XLog, c.XUnit, c.XRefs, c.YRefs, c.Quadrants)
	}
	// A lone product has nothing to be compared with.
	if pts := app.Portfolio([]app.Product{{SKU: "A"}}, sales[:1]); len(pts) != 0 {
		t.Fatalf("a lone product placed: %+v", pts)
	}
}

func TestChecklists(t *testing.T) {
	for _, st := range app.PipelineStages {
		if len(app.PipelineChecks[st]) == 0 {
			t.Fatalf("stage %s has no checklist", st)
		}
		if err := app.ValidCheck(st + "." + app.PipelineChecks[st][0]); err != nil {
			t.Fatal(err)
		}
	}
	for _, bad := range []string{"", "pack", "pack.nothing", "sample.drop_test", "x.y"} {
		if app.ValidCheck(bad) == nil {
			t.Fatalf("%q accepted", bad)
		}
	}
	p := app.Product{Pipeline: "sample"}
	sd, sa, pd, pa := app.CheckProgress(p, map[string]time.Time{"sample.suppliers": {}, "pack.barcode": {}, "compliance.labels": {}})
	if sd != 1 || sa != 4 || pd != 1 || pa != len(app.PackagingChecks) {
		t.Fatalf("progress %d/%d %d/%d", sd, sa, pd, pa)
	}
}
