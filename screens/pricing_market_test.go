package screens

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/seller-assistant/seller-assistant/app"
	"github.com/seller-assistant/seller-assistant/app/mock"
)

func selectMarket(t *testing.T, p *pricing, code string) {
	t.Helper()
	for i, m := range p.marketCodes {
		if m == code {
			p.marketSel.SetSelectedIndex(i)
			return
		}
	}
	t.Fatalf("no market %s", code)
}

// Issue 13: changing the market keeps what the person typed (a typed 30 %
// target margin went back to 25), and a typed price is converted to the new
// currency with a note, never read as the same number in another currency.
func TestPricingMarketChangeKeepsTypedValues(t *testing.T) {
	ts, p, view := openPricing(t, &quoteDB{})
	retype(p.entries["target_margin"], "30")
	retype(p.entries["clearance_per_unit"], "0.5")
	retype(p.entries["vat_rate"], "7") // a market figure: the new market's replaces it, with a note
	test.Type(p.entries["price"], "19.99")

	selectMarket(t, p, "GB")
	ts.next(t) // competitor prices of the new market
	if got := p.entries["target_margin"].Text; got != "30" {
		t.Errorf("typed target margin became %q after a market change", got)
	}
	// 19.99 USD * 7.20 / 9.10 = 15.816 -> 15.82 GBP; 0.5 * 7.2 / 9.1 = 0.396 -> 0.40
	if got := p.entries["price"].Text; got != "15.82" {
		t.Errorf("price = %q, want 15.82 (19.99 USD in GBP)", got)
	}
	if got := p.entries["clearance_per_unit"].Text; got != "0.4" {
		t.Errorf("clearance = %q, want 0.4", got)
	}
	if got := p.entries["vat_rate"].Text; got != "20" {
		t.Errorf("VAT = %q, want GB's 20", got)
	}
	note := p.marketNote.Text
	for _, s := range []string{"Market changed to GB", "Price to test converted from 19.99 USD to 15.82 GBP (FX 7.2 → 9.1 CNY per unit)",
		"Clearance and insurance per unit converted from 0.5 USD to 0.4 GBP", "VAT rate (%)"} {
		if !strings.Contains(note, s) {
			t.Errorf("note lacks %q:\n%s", s, note)
		}
	}
	if !p.marketNote.Visible() || !strings.Contains(texts(view), "converted from 19.99 USD") {
		t.Error("the note is not on screen")
	}
	if !strings.Contains(p.currency.Text, "GBP") || p.lastInput.Currency != "GBP" || !p.lastInput.Price.Equal(dec("15.82")) {
		t.Errorf("currency %q, input %s %s", p.currency.Text, p.lastInput.Currency, p.lastInput.Price)
	}

	// To yen: no cents, and the charm price ends in 80.
	selectMarket(t, p, "JP")
	ts.next(t)
	// 15.82 * 9.10 / 0.048 = 2999.21 -> 2999 JPY
	if got := p.entries["price"].Text; got != "2999" || p.entries["target_margin"].Text != "30" {
		t.Errorf("in JPY: price %q, target %q", got, p.entries["target_margin"].Text)
	}
	if c := p.res.values["charm"].Text; !strings.HasSuffix(c, "80 JPY") || strings.Contains(c, ".") || !p.lastQuote.Charm.Equal(app.CharmPriceFor("JPY", p.lastQuote.Recommended)) {
		t.Errorf("yen charm price %q (recommended %s)", c, p.lastQuote.Recommended)
	}
	if !strings.Contains(p.res.hows["charm"].Text, "ending in 80") {
		t.Errorf("charm how: %q", p.res.hows["charm"].Text)
	}

	// With no usable FX rate the price cannot be converted: it is cleared, with a note.
	retype(p.entries["fx_rate"], "abc")
	selectMarket(t, p, "US")
	ts.next(t)
	if p.entries["price"].Text != "" || !strings.Contains(p.marketNote.Text, "Price to test cleared: it was in JPY") {
		t.Errorf("price %q, note %q", p.entries["price"].Text, p.marketNote.Text)
	}
	if p.entries["fx_rate"].Text != "7.2" || p.entries["target_margin"].Text != "30" {
		t.Errorf("fx %q target %q", p.entries["fx_rate"].Text, p.entries["target_margin"].Text)
	}
}

// Choosing a product refills the product's figures but not a typed margin;
// opening a saved quote shows it exactly, with no note.
func TestPricingProductPickKeepsTypedAssumptions(t *testing.T) {
	_, p, _ := openPricing(t, &quoteDB{})
	retype(p.entries["ad_rate"], "15")
	retype(p.entries["purchase_cost"], "99")
	p.applyDefaults(ownProduct) // what choosing the product again does
	if p.entries["purchase_cost"].Text != "18.5" || p.entries["ad_rate"].Text != "15" {
		t.Errorf("purchase cost %q (want the product's 18.5), ad rate %q (want the typed 15)",
			p.entries["purchase_cost"].Text, p.entries["ad_rate"].Text)
	}
	p.setInput(app.QuoteDefaults(&testProduct, "US", &testPlatform, &testChannels[0]), true)
	if p.entries["ad_rate"].Text != "10" || len(p.typed) != 0 || p.marketNote.Visible() {
		t.Errorf("opened input: ad %q, typed %v, note %v", p.entries["ad_rate"].Text, p.typed, p.marketNote.Visible())
	}
}

// The advertising input is TACoS, with help text in both languages, and the
// two new optional costs have theirs.
func TestPricingFormHelpTexts(t *testing.T) {
	_, p, _ := openPricing(t, &quoteDB{})
	hints := map[string]string{}
	for _, it := range p.form.Items {
		hints[strings.TrimSuffix(it.Text, " (USD)")] = formHint(p.form, it.Text) // money labels name the currency
	}
	l := p.s.l
	if !strings.Contains(l.T("pricing.field.ad_rate"), "TACoS") || !strings.Contains(hints[l.T("pricing.field.ad_rate")], "ad spend ÷ all sales") {
		t.Errorf("ad rate label %q, hint %q", l.T("pricing.field.ad_rate"), hints[l.T("pricing.field.ad_rate")])
	}
	for _, f := range []string{"clearance_per_unit", "storage_per_unit"} {
		if hints[l.T("pricing.field."+f)] == "" || p.entries[f].Text != "0" && f == "clearance_per_unit" {
			t.Errorf("%s: hint %q, text %q", f, hints[l.T("pricing.field."+f)], p.entries[f].Text)
		}
	}
	zh := app.NewLocalizer(app.LangChinese)
	if !strings.Contains(zh.T("pricing.field.ad_rate"), "广告费占销售额比") || !strings.Contains(zh.T("pricing.help.ad_rate"), "TACoS") {
		t.Errorf("Chinese: %q / %q", zh.T("pricing.field.ad_rate"), zh.T("pricing.help.ad_rate"))
	}
}

// Issue 14: the market's FX rate comes from the workspace's dated table
// (the rate in force today), and the channel's yuan freight is converted at
// it; a currency without a rate keeps the built-in one.
func TestPricingUsesTheWorkspaceFXRate(t *testing.T) {
	ws := pricingWorkspace(&quoteDB{})
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	ws.FXStore = &mock.FXStore{Rates: []app.FXRate{
		{Currency: "USD", ValidFrom: day(2020, 1, 1), CNYPerUnit: dec("6.50")},
		{Currency: "USD", ValidFrom: day(2021, 1, 1), CNYPerUnit: dec("7.05")},
		{Currency: "USD", ValidFrom: day(2999, 1, 1), CNYPerUnit: dec("9.99")}, // not yet in force
	}}
	ts := newTestShell(t, ws)
	p := newPricing(ts.Shell)
	ts.win.SetContent(p.buildUI())
	ts.next(t)
	ts.next(t)
	if got := p.entries["fx_rate"].Text; got != "7.05" {
		t.Fatalf("fx_rate = %q, want the workspace's 7.05 in force today", got)
	}
	want := app.QuoteDefaultsFX(&testProduct, "US", &testPlatform, &testChannels[0], dec("7.05"))
	if got := p.entries["freight_per_kg"].Text; got != want.FreightPerKg.String() || want.FreightPerKg.Equal(app.QuoteDefaults(&testProduct, "US", &testPlatform, &testChannels[0]).FreightPerKg) {
		t.Errorf("freight per kg %q, want %s at the workspace rate", got, want.FreightPerKg)
	}
	selectMarket(t, p, "GB")
	ts.next(t)
	if got := p.entries["fx_rate"].Text; got != "9.1" {
		t.Errorf("GB without a workspace rate: fx_rate %q, want the built-in 9.1", got)
	}
}
