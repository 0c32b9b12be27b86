package screens

import (
	"strings"
	"sync"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/shopspring/decimal"

	"github.com/seller-assistant/seller-assistant/app"
	"github.com/seller-assistant/seller-assistant/app/mock"
)

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

var (
	testProduct  = app.Product{ID: 1, SKU: "HL-KT-001", NameEn: "Silicone Kitchen Utensil Set", NameZh: "硅胶厨房铲勺五件套", Category: "Kitchen", PurchaseCost: dec("18.5"), WeightKg: dec("0.42"), LengthCm: dec("34"), WidthCm: dec("9.5"), HeightCm: dec("6")}
	testPlatform = app.Platform{ID: 1, Name: "Amazon US", ReferralRate: dec("0.15"), Markets: []string{"US"}}
	testChannels = []app.LogisticsChannel{
		{ID: 1, Name: "Amazon FBA US", Type: "fba", Market: "US", FirstWeightKg: dec("0.5"), FirstPrice: dec("46"), PerKg: dec("32"), VolDivisor: 5000, DaysMin: 1, DaysMax: 3, Stability: 5, FulfilmentFee: dec("3.22"), BatteryOK: true, LiquidOK: true},
		{ID: 2, Name: "China Post Small Packet", Type: "postal", Market: "US", FirstWeightKg: dec("0.05"), FirstPrice: dec("9.5"), PerKg: dec("88"), VolDivisor: 6000, DaysMin: 15, DaysMax: 30, Stability: 2, MaxWeightKg: dec("2")},
		{ID: 3, Name: "DHL Express UK", Type: "express", Market: "GB", FirstWeightKg: dec("0.5"), FirstPrice: dec("138"), PerKg: dec("68"), VolDivisor: 5000, DaysMin: 3, DaysMax: 6, Stability: 5, BatteryOK: true},
	}
)

// quoteDB is an in-memory quote store for the screen tests.
type quoteDB struct {
	mu      sync.Mutex
	quotes  []app.SavedQuote
	nextID  int64
	deleted []int64
}

func (db *quoteDB) store() *mock.QuoteStore {
	return &mock.QuoteStore{
		QuotesFn: func() ([]app.SavedQuote, error) {
			db.mu.Lock()
			defer db.mu.Unlock()
			return append([]app.SavedQuote(nil), db.quotes...), nil
		},
		SaveQuoteFn: func(q app.SavedQuote) (int64, error) {
			db.mu.Lock()
			defer db.mu.Unlock()
			db.nextID++
			q.ID = db.nextID
			db.quotes = append(db.quotes, q)
			return q.ID, nil
		},
		DeleteQuoteFn: func(id int64) error {
			db.mu.Lock()
			defer db.mu.Unlock()
			db.deleted = append(db.deleted, id)
			for i, q := range db.quotes {
				if q.ID == id {
					db.quotes = append(db.quotes[:i], db.quotes[i+1:]...)
					return nil
				}
			}
			return app.Errorf(app.ENotFound, "error.not_found")
		},
		CompetitorPricesFn: func(market, sku string) ([]app.CompetitorPrice, error) {
			if market != "US" {
				return nil, nil
			}
			return []app.CompetitorPrice{
				{Competitor: "Kitchora", Product: "Utensil set", Platform: "Amazon US", Price: dec("19.99"), Currency: "USD", SKU: "HL-KT-001"},
				{Competitor: "Zenvo", Product: "Utensil set", Platform: "Amazon US", Price: dec("24.99"), Currency: "USD", SKU: "HL-KT-001"},
				{Competitor: "Other", Product: "Utensil set", Platform: "Amazon US", Price: dec("15.99"), Currency: "USD", SKU: "HL-KT-001"},
				{Competitor: "Phone case", Product: "Case", Platform: "Amazon US", Price: dec("9.99"), Currency: "USD", SKU: "HL-PA-001"},
			}, nil
		},
	}
}

func pricingWorkspace(db *quoteDB) *mock.Workspace {
	ws := demoWorkspace("/tmp/demo.sellerdb")
	ws.ProductsFn = func() ([]app.Product, error) { return []app.Product{testProduct}, nil }
	ws.PlatformsFn = func() ([]app.Platform, error) { return []app.Platform{testPlatform}, nil }
	ws.ChannelsFn = func() ([]app.LogisticsChannel, error) { return testChannels, nil }
	ws.QuoteStore = db.store()
	return ws
}

// openPricing shows the pricing screen with its tables loaded.
func openPricing(t *testing.T, db *quoteDB) (testShell, *pricing, fyne.CanvasObject) {
	t.Helper()
	ts := newTestShell(t, pricingWorkspace(db))
	p := newPricing(ts.Shell)
	view := p.buildUI()
	ts.win.SetContent(view)
	ts.win.Resize(fyne.NewSize(1280, 900))
	ts.next(t) // products, platforms, channels, quotes
	ts.next(t) // the market's competitor prices
	return ts, p, view
}

func retype(e *widget.Entry, text string) {
	e.SetText("")
	test.Type(e, text)
}

func TestPricingTypingACostUpdatesTheResults(t *testing.T) {
	_, p, view := openPricing(t, &quoteDB{})
	if p.channel() == nil || p.channel().Name != "Amazon FBA US" || p.platform() == nil {
		t.Fatalf("defaults did not pick FBA and the platform: %v %v", p.channel(), p.platform())
	}
	want := app.QuoteDefaults(&testProduct, "US", &testPlatform, &testChannels[0])
	if got := p.entries["purchase_cost"].Text; got != "18.5" {
		t.Fatalf("purchase cost default = %q", got)
	}
	if got := p.res.values["landed"].Text; got != app.QuoteMoney(want.Compute().Landed)+" USD" {
		t.Fatalf("landed = %q, want %s", got, want.Compute().Landed)
	}

	retype(p.entries["purchase_cost"], "72")
	want.PurchaseCost = dec("72")
	q := want.Compute()
	landed := app.QuoteMoney(q.Landed) + " USD"
	if got := p.res.values["landed"].Text; got != landed {
		t.Fatalf("after typing 72: landed = %q, want %q", got, landed)
	}
	shown := texts(view)
	for _, s := range []string{landed, app.QuoteMoney(q.Recommended) + " USD", app.QuoteMoney(q.Charm) + " USD",
		"(72.00 + 1.50) CNY ÷ FX 7.2"} {
		if !strings.Contains(shown, s) {
			t.Errorf("screen does not show %q", s)
		}
	}

	// A test price fills profit, margin, ROI and break-even ACoS.
	test.Type(p.entries["price"], "29.99")
	want.Price, want.HasPrice = dec("29.99"), true
	q = want.Compute()
	if got := p.res.values["margin"].Text; got != app.QuoteRate(q.Margin) {
		t.Errorf("margin = %q, want %s", got, app.QuoteRate(q.Margin))
	}
	if got := p.res.values["profit"].Text; got != app.QuoteMoney(q.Profit)+" USD" {
		t.Errorf("profit = %q", got)
	}
	if c := p.res.curve.Chart(); len(c.Series) != 2 || c.Validate() != nil {
		t.Errorf("profit curve %+v", c)
	}
	if c := p.res.compare.Chart(); len(c.Categories) != 2 {
		t.Errorf("channel comparison has %v, want the two US channels", c.Categories)
	}

	// Bad input names the field and leaves the figures as they were.
	retype(p.entries["fx_rate"], "abc")
	if !p.status.Visible() || !strings.Contains(p.status.Text, "FX rate") {
		t.Errorf("status = %q visible %v", p.status.Text, p.status.Visible())
	}
	if got := p.res.values["profit"].Text; got != app.QuoteMoney(q.Profit)+" USD" {
		t.Errorf("bad input changed the profit to %q", got)
	}
}

func TestPricingImpossibleMarginSaysSo(t *testing.T) {
	_, p, view := openPricing(t, &quoteDB{})
	retype(p.entries["target_margin"], "90")
	shown := texts(view)
	if !strings.Contains(shown, "No price reaches the 90% target margin") {
		t.Fatalf("no explanation shown:\n%s", shown)
	}
	if p.res.values["recommended"].Text != "no price reaches it" || p.res.values["charm"].Text != "no price reaches it" {
		t.Errorf("recommended %q charm %q", p.res.values["recommended"].Text, p.res.values["charm"].Text)
	}
	if strings.Contains(p.res.values["break_even"].Text, "-") {
		t.Errorf("negative break-even shown: %q", p.res.values["break_even"].Text)
	}
}

func TestPricingCompetitorsAndDiscount(t *testing.T) {
	_, p, _ := openPricing(t, &quoteDB{})
	test.Type(p.entries["price"], "19.99")
	if !strings.Contains(p.comp.stats.Text, "3 competitors: lowest 15.99, median 19.99, highest 24.99 USD") {
		t.Errorf("competitor stats: %q", p.comp.stats.Text)
	}
	if !strings.Contains(p.comp.stats.Text, "1 of 3 competitors are cheaper") {
		t.Errorf("our position: %q", p.comp.stats.Text)
	}
	retype(p.disc.entry, "10")
	di := p.lastQuote.Discount(dec("0.1"))
	if !strings.Contains(p.disc.result.Text, "10% off: price "+app.QuoteMoney(di.NewPrice)) {
		t.Errorf("discount: %q", p.disc.result.Text)
	}
}

func TestPricingSaveAndDeleteQuote(t *testing.T) {
	db := &quoteDB{}
	ts, p, _ := openPricing(t, db)
	test.Type(p.entries["price"], "24.99")
	// Enter in any entry saves the quote.
	p.entries["price"].TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	ts.next(t)
	if len(db.quotes) != 1 {
		t.Fatalf("saved %d quotes", len(db.quotes))
	}
	sq := db.quotes[0]
	if sq.ProductSKU != "HL-KT-001" || sq.Market != "US" || sq.Platform != "Amazon US" || sq.Channel != "Amazon FBA US" ||
		sq.Currency != "USD" || !sq.Input.Price.Equal(dec("24.99")) {
		t.Fatalf("saved %+v", sq)
	}
	if p.qs.list.Length() != 1 {
		t.Fatalf("list shows %d quotes", p.qs.list.Length())
	}

	// Change the form, then open the saved quote: the form shows it again.
	retype(p.entries["purchase_cost"], "99")
	p.qs.list.Select(0)
	test.Tap(p.qs.openBtn)
	if p.entries["purchase_cost"].Text != "18.5" || p.entries["price"].Text != "24.99" {
		t.Errorf("opened quote shows cost %q price %q", p.entries["purchase_cost"].Text, p.entries["price"].Text)
	}

	p.qs.list.Select(0)
	test.Tap(p.qs.deleteBtn)
	tapDialogButton(t, ts.win, "Yes")
	ts.next(t)
	if len(db.deleted) != 1 || len(db.quotes) != 0 || p.qs.list.Length() != 0 {
		t.Fatalf("after delete: deleted %v, %d left", db.deleted, len(db.quotes))
	}
	if !p.qs.undoBar.Visible() || !strings.Contains(p.qs.undoLabel.Text, "Deleted the quote for HL-KT-001 in US") {
		t.Fatalf("no undo offered: %q", p.qs.undoLabel.Text)
	}
	test.Tap(p.qs.undoBtn)
	ts.next(t)
	if len(db.quotes) != 1 || db.quotes[0].Channel != "Amazon FBA US" || p.qs.list.Length() != 1 {
		t.Fatalf("undo did not restore the quote: %+v", db.quotes)
	}
}

// tapDialogButton taps the button labelled text in the window's top dialog.
func tapDialogButton(t *testing.T, w fyne.Window, text string) {
	t.Helper()
	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog is shown")
	}
	for _, o := range test.LaidOutObjects(top) {
		if b, ok := o.(*widget.Button); ok && b.Text == text {
			test.Tap(b)
			return
		}
	}
	t.Fatalf("the dialog has no %q button:\n%s", text, texts(top))
}

// The keys the pricing and channels screens build from lists exist in both
// languages (the catalogue test only sees literal keys).
func TestPricingDynamicKeysTranslated(t *testing.T) {
	var keys []string
	for _, f := range append(app.QuoteFieldNames(), "price") {
		keys = append(keys, "pricing.field."+f)
	}
	for _, r := range resultRows {
		keys = append(keys, "pricing.result."+r)
	}
	for _, f := range parcelFields {
		keys = append(keys, "channels.parcel."+f)
	}
	for _, w := range []string{"cost", "speed", "stability"} {
		keys = append(keys, "channels.weight."+w)
	}
	for _, f := range []string{"name", "type", "markets", "first_weight", "first_price", "per_kg", "vol_divisor", "days_min",
		"days_max", "stability", "fulfilment", "max_weight", "referral", "per_order", "payment"} {
		keys = append(keys, "channels.field."+f)
	}
	for _, l := range app.Langs {
		loc := app.NewLocalizer(l)
		for _, k := range keys {
			if !loc.Has(k) {
				t.Errorf("%s: missing %s", l, k)
			}
		}
	}
}

// Every money input names its currency, and follows the market's.
func TestPricingMoneyLabelsNameTheCurrency(t *testing.T) {
	_, p, view := openPricing(t, &quoteDB{})
	shown := texts(view)
	for _, want := range []string{"Freight per kg (USD)", "Fulfilment fee (USD)", "Price to test (USD)", "Purchase cost (CNY)"} {
		if !strings.Contains(shown, want) {
			t.Errorf("no label %q:\n%s", want, shown)
		}
	}
	selectMarket(t, p, "JP")
	if got := p.items["freight_per_kg"].Text; got != "Freight per kg (JPY)" {
		t.Errorf("after choosing Japan the freight label reads %q", got)
	}
}

// Every money input of the channel and platform editor names its currency.
func TestChannelMoneyLabelsNameTheCurrency(t *testing.T) {
	for _, l := range []*app.Localizer{app.English(), app.NewLocalizer(app.LangChinese)} {
		for _, f := range []string{"first_price", "per_kg", "min_charge", "fulfilment", "storage", "per_order"} {
			label := l.T("channels.field." + f)
			if !strings.Contains(label, "CNY") && !strings.Contains(label, "currency") && !strings.Contains(label, "货币") && !strings.Contains(label, "元") {
				t.Errorf("%s %s: %q does not name its currency", l.Lang(), f, label)
			}
		}
	}
}
