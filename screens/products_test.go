package screens

import (
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"github.com/shopspring/decimal"

	"github.com/seller-assistant/seller-assistant/app"
	"github.com/seller-assistant/seller-assistant/app/mock"
)

// memProducts is an in-memory catalogue for screen tests.
type memProducts struct {
	mu       sync.Mutex
	products []app.Product
	saves    int
	imported []app.Product
	checks   map[string]bool
}

func (m *memProducts) stores(ws *mock.Workspace) {
	ws.ProductsFn = func() ([]app.Product, error) {
		m.mu.Lock()
		defer m.mu.Unlock()
		return append([]app.Product(nil), m.products...), nil
	}
	ws.ProductStore = &mock.ProductStore{
		SaveProductFn: func(p *app.Product) error {
			m.mu.Lock()
			defer m.mu.Unlock()
			m.saves++
			for i := range m.products {
				if m.products[i].SKU == p.SKU && m.products[i].ID != p.ID {
					return app.Errorf(app.EConflict, "products.err_sku_exists", p.SKU)
				}
			}
			if p.ID == 0 {
				p.ID = int64(len(m.products) + 1)
				m.products = append(m.products, *p)
				return nil
			}
			for i := range m.products {
				if m.products[i].ID == p.ID {
					m.products[i] = *p
				}
			}
			return nil
		},
		ImportProductsFn: func(ps []app.Product) (int, int, error) {
			m.mu.Lock()
			defer m.mu.Unlock()
			m.imported = append(m.imported, ps...)
			for _, p := range ps {
				p.ID = int64(len(m.products) + 1)
				m.products = append(m.products, p)
			}
			return len(ps), 0, nil
		},
		ChecksFn: func(int64) (map[string]time.Time, error) { return map[string]time.Time{"pack.barcode": testNow}, nil },
		SetCheckFn: func(_ int64, item string, done bool) error {
			m.mu.Lock()
			defer m.mu.Unlock()
			m.checks[item] = done
			return nil
		},
	}
}

func TestProductsCreateAndEdit(t *testing.T) {
	mem := &memProducts{checks: map[string]bool{}, products: []app.Product{
		{ID: 1, SKU: "HL-KT-003", NameEn: "Garlic press", NameZh: "压蒜器", PriceBand: "low", Role: "traffic", Stage: "maturity", Status: "listed"},
	}}
	ws := demoWorkspace("/tmp/demo.sellerdb")
	mem.stores(ws)
	ts := newTestShell(t, ws)
	p := showScreen(ts, newProducts(ts.Shell))
	ts.next(t) // catalogue, sales and quotes
	if !strings.Contains(texts(p.list), "Garlic press") {
		t.Fatalf("catalogue list:\n%s", texts(p.list))
	}

	// New product: the form starts as an idea in market check.
	p.onNew()
	test.Type(p.sku, "HL-KT-007")
	test.Type(p.nameZh, "硅胶折叠沥水篮")
	test.Type(p.nameEn, "Collapsible Silicone Colander")
	p.cost.SetText("21.50")
	p.weight.SetText("0.45")
	p.length.SetText("24")
	test.Type(p.markets, "us, de")
	p.band.SetSelected(ts.l.T("product.band.mid"))
	p.onSave()
	ts.next(t) // saved
	ts.next(t) // its checklists
	if mem.saves != 1 || len(mem.products) != 2 {
		t.Fatalf("%d saves, %d products", mem.saves, len(mem.products))
	}
	got := mem.products[1]
	if got.SKU != "HL-KT-007" || !got.PurchaseCost.Equal(decimal.RequireFromString("21.5")) || got.Pipeline != "market_check" ||
		got.Status != "idea" || strings.Join(got.Markets, ",") != "US,DE" || !got.LengthCm.Equal(decimal.NewFromInt(24)) {
		t.Fatalf("stored %+v", got)
	}
	if !strings.Contains(texts(p.list), "Collapsible Silicone Colander") {
		t.Fatal("the new product is not listed")
	}
	if !p.packChecks[2].Checked { // pack.barcode, from the store
		t.Fatal("packaging checklist not loaded")
	}
	p.packChecks[0].SetChecked(true)
	ts.next(t)
	if !mem.checks["pack.drop_test"] {
		t.Fatal("ticking a packaging item was not stored")
	}

	// Edit: a bad cost is refused by name and nothing changes.
	p.cost.SetText("twenty")
	p.onSave()
	if mem.saves != 1 || !strings.Contains(overlayText(ts), "twenty") || !strings.Contains(overlayText(ts), ts.l.T("product.cost_cny")) {
		t.Fatalf("bad cost: saves %d, overlay %q", mem.saves, overlayText(ts))
	}
	ts.win.Canvas().Overlays().Top().Hide()
	p.cost.SetText("19.80")
	p.stage.SetSelected(ts.l.T("product.stage.growth"))
	p.onSave()
	ts.next(t)
	ts.next(t)
	if got := mem.products[1]; !got.PurchaseCost.Equal(decimal.RequireFromString("19.8")) || got.Stage != "growth" || got.ID != 2 || mem.saves != 2 {
		t.Fatalf("after edit %+v", got)
	}
	// A SKU another product uses is refused by the store and said so.
	p.sku.SetText("HL-KT-003")
	p.onSave()
	ts.next(t)
	if !strings.Contains(overlayText(ts), "HL-KT-003") {
		t.Fatalf("duplicate SKU: %q", overlayText(ts))
	}
}

func TestProductsImportShowsBadRowsAndImportsOnConfirm(t *testing.T) {
	mem := &memProducts{checks: map[string]bool{}}
	ws := demoWorkspace("/tmp/demo.sellerdb")
	mem.stores(ws)
	good := []app.Product{{SKU: "A-1", NameEn: "One", PriceBand: "mid", Role: "profit", Stage: "introduction", Status: "idea"},
		{SKU: "A-2", NameEn: "Two", PriceBand: "low", Role: "traffic", Stage: "growth", Status: "listed"}}
	ws.ProductStore.ReadProductFileFn = func(path string) (app.ProductImport, error) {
		return app.ProductImport{Products: good, Problems: []app.RowProblem{
			{Row: 4, Err: app.Errorf(app.EInvalid, "products.err_amount", "cost_cny", "abc")},
		}}, nil
	}
	ts := newTestShell(t, ws)
	p := showScreen(ts, newProducts(ts.Shell))
	ts.next(t)
	p.importFile("/tmp/catalog.csv")
	ts.next(t) // file read
	shown := overlayText(ts)
	if !strings.Contains(shown, "Row 4:") || !strings.Contains(shown, `"abc"`) || !strings.Contains(shown, "2 rows can be imported") {
		t.Fatalf("import preview:\n%s", shown)
	}
	if len(mem.imported) != 0 {
		t.Fatal("something was imported before the person confirmed")
	}
	tapOverlayButton(t, ts, ts.l.T("products.import_n", 2))
	ts.next(t)
	if len(mem.imported) != 2 || !strings.Contains(overlayText(ts), "Added 2 products") {
		t.Fatalf("imported %d; overlay %q", len(mem.imported), overlayText(ts))
	}
	if !strings.Contains(texts(p.list), "Two") {
		t.Fatal("imported products are not listed")
	}
}

func TestProductsPortfolioAndPipeline(t *testing.T) {
	dec := decimal.RequireFromString
	mem := &memProducts{checks: map[string]bool{}, products: []app.Product{
		{ID: 1, SKU: "A", NameEn: "Star", PriceBand: "mid", Stage: "growth", Status: "listed"},
		{ID: 2, SKU: "B", NameEn: "Dog", PriceBand: "low", Stage: "decline", Status: "listed"},
		{ID: 3, SKU: "C", NameEn: "Kettle idea", PriceBand: "high", Stage: "introduction", Status: "idea", Pipeline: "sample"},
	}}
	ws := demoWorkspace("/tmp/demo.sellerdb")
	mem.stores(ws)
	ws.ProductStore.ProductSalesFn = func() ([]app.ProductSales, error) {
		return []app.ProductSales{{SKU: "A", Revenue: dec("900"), PreviousRevenue: dec("500")}, {SKU: "B", Revenue: dec("100"), PreviousRevenue: dec("300")}}, nil
	}
	ts := newTestShell(t, ws)
	p := showScreen(ts, newProducts(ts.Shell))
	ts.next(t)
	bcg := p.portfolioTab.bcg.Chart()
	if bcg.Series[0].Name != ts.l.T("products.quadrant.star") || len(bcg.Series[0].Points) != 1 || len(bcg.Series[3].Points) != 1 {
		t.Fatalf("BCG series %+v", bcg.Series)
	}
	if m := p.portfolioTab.matrix.Chart(); m.Matrix[0][0] != 1 { // high band, introduction: the kettle
		t.Fatalf("matrix %v", m.Matrix)
	}
	if len(p.pipelineTab.items) != 1 || p.pipelineTab.chart.Chart().Series[0].Values[1] != 1 {
		t.Fatalf("pipeline items %d", len(p.pipelineTab.items))
	}
	p.pipelineTab.list.Select(0)
	ts.next(t) // checks
	box := texts(p.pipelineTab.box)
	if !strings.Contains(box, ts.l.T("products.check.sample_tested")) || !strings.Contains(box, ts.l.T("products.move_to", ts.l.T("products.pipeline.compliance"))) {
		t.Fatalf("pipeline box:\n%s", box)
	}
	p.pipelineTab.moveTo("compliance")
	ts.next(t)
	if got := mem.products[2]; got.Pipeline != "compliance" || got.Status != "sampling" {
		t.Fatalf("after moving on: %+v", got)
	}
}

// The packaging ticks belong to the product on the form: a slow read of the
// checks of the product picked before is dropped, whether another product or
// a new one is on the form now (backgroundLatest and latest.stop in
// loadChecks).
func TestProductsChecksOfAProductLeftAreDropped(t *testing.T) {
	mem := &memProducts{checks: map[string]bool{}, products: []app.Product{
		{ID: 1, SKU: "HL-KT-003", NameEn: "Garlic press", PriceBand: "low", Role: "traffic", Stage: "maturity", Status: "listed"},
		{ID: 2, SKU: "HL-KT-004", NameEn: "Peeler", PriceBand: "low", Role: "traffic", Stage: "maturity", Status: "listed"},
	}}
	ws := demoWorkspace("/tmp/demo.sellerdb")
	mem.stores(ws)
	release := make(chan struct{})
	ws.ProductStore.ChecksFn = func(id int64) (map[string]time.Time, error) {
		if id == 1 {
			<-release
			return map[string]time.Time{"pack.barcode": testNow}, nil
		}
		return map[string]time.Time{"pack.drop_test": testNow}, nil
	}
	ts := newTestShell(t, ws)
	p := showScreen(ts, newProducts(ts.Shell))
	ts.next(t) // catalogue, sales and quotes

	p.edit(mem.products[0])
	p.edit(mem.products[1])
	ts.next(t) // product 2's checks
	close(release)
	ts.next(t) // product 1's, superseded
	// drop_test (from product 2) ticked, barcode (from product 1) not
	if !p.packChecks[0].Checked || p.packChecks[2].Checked {
		t.Fatalf("checks after picking product 1 then 2: %v", p.checks)
	}

	release = make(chan struct{})
	p.edit(mem.products[0])
	p.onNew()
	close(release)
	ts.next(t)
	for i, c := range p.packChecks {
		if c.Checked {
			t.Fatalf("a new product shows %s ticked, from the product picked before", app.PackagingChecks[i])
		}
	}
}
