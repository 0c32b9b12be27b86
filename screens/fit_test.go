package screens

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/seller-assistant/seller-assistant/app"
	"github.com/seller-assistant/seller-assistant/app/mock"
)

// laptopWindow is the window the issue measured: a 1366×768 laptop screen
// minus the taskbar and the title bar. Every module and tab must fit it.
var laptopWindow = fyne.NewSize(1200, 650)

// fullWorkspace fills every module at once, from the doubles the module
// tests use, so tables, lists, charts and forms are as full as a person sees
// them on the demo workspace (long product names, Chinese and German text,
// seven scoring criteria, hundreds of customers).
func fullWorkspace() *mock.Workspace {
	ws := demoWorkspace("/tmp/demo.sellerdb")

	ws.AdsStore = (&adsDB{}).workspace().AdsStore
	ws.CareStore = newCareDB().store()
	ch := channelsWorkspace(&channelDB{})
	ws.ChannelsFn, ws.ChannelStore = ch.ChannelsFn, ch.ChannelStore
	ws.PlatformsFn = func() ([]app.Platform, error) {
		return []app.Platform{testPlatform, {ID: 2, Name: "Amazon DE", ReferralRate: dec("0.15"), Markets: []string{"DE"}}, {ID: 3, Name: "eBay"}}, nil
	}
	ws.CustomerStore = &mock.CustomerStore{CustomerStatsFn: func() ([]app.CustomerStat, error) { return customerStats(400), nil }}
	ws.CLVStore = &mock.CLVStore{PurchaseDaysFn: func() ([]app.CustomerPurchases, error) { return fakePurchases(300), nil }}
	var exported []app.PurchaseLine
	ws.InventoryStore = inventoryWorkspace(&exported).InventoryStore
	ws.QuoteStore = (&quoteDB{}).store()
	products := &memProducts{checks: map[string]bool{}, products: fitProducts()}
	products.stores(ws)
	var saved []app.Campaign
	promo := promoWorkspace(&saved)
	ws.CampaignsFn, ws.CampaignStore = promo.CampaignsFn, promo.CampaignStore
	var calls riskCalls
	rk := riskWorkspace(&calls)
	ws.RisksFn, ws.RiskStore = rk.RisksFn, rk.RiskStore
	ws.NoteStore = (&memNotes{notes: fitNotes()}).store()
	ws.CompetitorStore = &mock.CompetitorStore{CompetitorsFn: func(string) ([]app.Competitor, error) { return fitCompetitors(), nil }}
	ws.ScoringStore = &mock.ScoringStore{ScoreboardFn: func() (app.Scoreboard, error) { return fitScoreboard(), nil }}
	day := testNow.AddDate(0, 0, -2)
	ws.FXStore = &mock.FXStore{Rates: []app.FXRate{
		{Currency: "USD", ValidFrom: day, CNYPerUnit: dec("7.2"), Note: "Bank of China 2026-11-22 middle rate"},
		{Currency: "USD", ValidFrom: day.AddDate(0, -1, 0), CNYPerUnit: dec("7.15"), Note: "Bank of China middle rate"},
		{Currency: "EUR", ValidFrom: day, CNYPerUnit: dec("7.81"), Note: "中国银行 中间价"},
		{Currency: "JPY", ValidFrom: day, CNYPerUnit: dec("0.0478")},
	}}
	return ws
}

func fitProducts() []app.Product {
	return []app.Product{
		testProduct,
		{ID: 2, SKU: "HL-KT-003", NameEn: "Stainless Steel Garlic Press with Silicone Peeler", NameZh: "不锈钢压蒜器（附硅胶剥蒜器）", Category: "Kitchen",
			PriceBand: "low", Role: "traffic", Stage: "maturity", Status: "listed", PurchaseCost: dec("9.8"), WeightKg: dec("0.3")},
		{ID: 3, SKU: "HL-LT-001", NameEn: "Motion Sensor LED Cabinet Light, USB Rechargeable", NameZh: "人体感应橱柜灯（USB 充电）", Category: "Lighting",
			PriceBand: "mid", Role: "profit", Stage: "growth", Status: "listed", PurchaseCost: dec("24"), WeightKg: dec("0.21")},
		{ID: 4, SKU: "HL-PA-002", NameEn: "MagSafe Compatible Phone Stand", NameZh: "磁吸手机支架", Category: "Phone accessories",
			PriceBand: "high", Role: "image", Stage: "introduction", Status: "sampling", PurchaseCost: dec("31")},
	}
}

func fitNotes() []app.Note {
	day := testNow.AddDate(0, 0, -10)
	return []app.Note{
		{ID: 1, Title: "德国厨房用品 物流 调研：头程海运与 FBA 入仓时效", Market: "DE", Method: "interview", Source: "Yanwen 物流经理", Tags: []string{"物流", "FBA"}, Date: day,
			Body: "## 要点\n- 海运 35–40 天，空运 7–9 天\n- Germany requires WEEE and packaging registration (LUCID) before the first shipment."},
		{ID: 2, Title: "US kitchen gadget price survey on Amazon best sellers", Market: "US", Method: "desk", Tags: []string{"pricing"}, Date: day.AddDate(0, 0, -3),
			Body: "Median price of the top 50 garlic presses: $12.99."},
		{ID: 3, Title: "日本市場：キッチン収納の需要", Market: "JP", Method: "survey", Date: day.AddDate(0, 0, -9), Body: "Small kitchens, high quality bar."},
	}
}

func fitCompetitors() []app.Competitor {
	return []app.Competitor{
		{ID: 1, Name: "Kitchora Official Store", Market: "US", Platform: "Amazon US", Product: "Silicone utensil set, 12 pieces", Price: dec("19.99"), Currency: "USD",
			Rating: dec("4.6"), Reviews: 12840, Strengths: "Many reviews, A+ content, bundle with holder", Weaknesses: "Silicone smells in the first week (1-star reviews)"},
		{ID: 2, Name: "Zenvo Küchenhelfer GmbH", Market: "DE", Platform: "Amazon DE", Product: "Knoblauchpresse Edelstahl", Price: dec("14.95"), Currency: "EUR",
			Rating: dec("4.3"), Reviews: 2210, Strengths: "Made in Germany claim", Weaknesses: "Hard to clean"},
	}
}

func fitScoreboard() app.Scoreboard {
	var crit []app.Criterion
	for i, k := range []string{"market_size", "growth", "competition", "compliance", "logistics", "advantage", "resource_fit"} {
		crit = append(crit, app.Criterion{ID: int64(i + 1), Key: k, Weight: dec("0.15"), Inverse: k == "competition" || k == "compliance"})
	}
	var markets []app.CandidateMarket
	for i, c := range []string{"US", "GB", "DE", "FR", "JP"} {
		cells := map[int64]app.Cell{}
		for _, cr := range crit {
			cells[cr.ID] = app.Cell{Score: 1 + (i+int(cr.ID))%5, Note: "Marketplace data 2026, Jungle Scout estimate"}
		}
		markets = append(markets, app.CandidateMarket{ID: int64(i + 1), Country: c, Cells: cells,
			Positioning: "Quiet, well-made kitchen helpers for small flats · 小户型厨房的安静好帮手",
			Segments:    app.Segmentation{}})
	}
	return app.Scoreboard{Criteria: crit, Markets: markets}
}

// settle runs the UI updates the screen's background loads post, until none
// has come for a while: the doubles answer at once, so a quiet spell means
// the screen has its data.
func (ts testShell) settle() {
	for {
		select {
		case f := <-ts.posted:
			f()
		case <-time.After(150 * time.Millisecond):
			return
		}
	}
}

// TestEveryModuleAndTabFitsALaptopWindow opens every module of the registry
// (app.Modules, as the navigation lists them) through the shell's own
// navigation, and every tab of every tab bar it finds on screen, in every
// language of the app (English and Chinese), in a 1200×650 window. It fails, naming the view and the
// widget path, when the window's content needs more room than the window
// has (the real window then grows past the screen), when the window's size
// changes, when the sidebar changes width, or when a scroll area sits inside
// another one (the inner one takes the wheel and the page stops scrolling).
// A new module or tab is covered without touching this test.
func TestEveryModuleAndTabFitsALaptopWindow(t *testing.T) {
	sidebar := map[app.Lang]float32{}
	for _, lang := range app.Langs {
		t.Run(string(lang), func(t *testing.T) {
			ts := newTestShell(t, fullWorkspace())
			ts.SetLanguage(lang)
			ts.win.Resize(laptopWindow)
			ts.settle()
			budget := windowBudget(ts.win)
			navWidth := float32(-1)
			for _, m := range app.Modules {
				ts.Navigate(m.ID)
				// First while its data loads (progress bars, "loading" lines
				// on screen): a window grown then stays grown.
				checkFits(t, ts, ts.l.T("module."+m.ID+".title")+" (loading)", budget)
				ts.settle()
				visitTabs(ts, ts.body, ts.l.T("module."+m.ID+".title"), map[*container.AppTabs]bool{}, func(view string) {
					checkFits(t, ts, view, budget)
					if w := ts.nav.Size().Width; navWidth < 0 {
						navWidth = w
					} else if w != navWidth {
						t.Errorf("%s: the sidebar is %.0f px wide, %.0f px on the modules before", view, w, navWidth)
					}
				})
			}
			checkNavLabelsWhole(t, ts)
			sidebar[lang] = navWidth
		})
	}
	if len(sidebar) > 1 && sidebar[app.LangEnglish] != sidebar[app.LangChinese] {
		t.Errorf("the sidebar is %.0f px wide in English, %.0f px in Chinese", sidebar[app.LangEnglish], sidebar[app.LangChinese])
	}
}

// windowBudget is the room the window's content has in a window of the
// laptop size: the real window (GLFW) draws the main menu bar inside the
// window on Linux and Windows, as tall as a menu item (text plus inner
// padding), and pads the content on every side.
func windowBudget(w fyne.Window) fyne.Size {
	menu := fyne.MeasureText("File 文件", theme.TextSize(), fyne.TextStyle{}).Height + theme.InnerPadding()
	pad := 2 * theme.Padding()
	return fyne.NewSize(laptopWindow.Width-pad, laptopWindow.Height-menu-pad)
}

// visitTabs calls check for the view on screen, then selects each tab of
// every tab bar inside root in turn (nested bars too) and checks each.
func visitTabs(ts testShell, root fyne.CanvasObject, view string, seen map[*container.AppTabs]bool, check func(view string)) {
	check(view)
	for _, tabs := range findTabs(root) {
		if seen[tabs] {
			continue
		}
		seen[tabs] = true
		for i, item := range tabs.Items {
			tabs.SelectIndex(i)
			check(view + " ▸ " + item.Text + " (loading)")
			ts.settle()
			visitTabs(ts, item.Content, view+" ▸ "+item.Text, seen, check)
		}
		tabs.SelectIndex(0)
		ts.settle()
	}
}

// findTabs is every tab bar shown inside o, outermost first.
func findTabs(o fyne.CanvasObject) []*container.AppTabs {
	var out []*container.AppTabs
	walkShown(o, nil, func(obj fyne.CanvasObject, _ []fyne.CanvasObject) bool {
		if tabs, ok := obj.(*container.AppTabs); ok {
			out = append(out, tabs)
			return false // its tabs' own bars are found when each tab is shown
		}
		return true
	})
	return out
}

// checkFits is the contract of the issue for the view on screen.
func checkFits(t *testing.T, ts testShell, view string, budget fyne.Size) {
	t.Helper()
	if got := ts.win.Canvas().Size(); got != laptopWindow {
		t.Errorf("%s: the window is %.0f×%.0f, want it left at %.0f×%.0f", view, got.Width, got.Height, laptopWindow.Width, laptopWindow.Height)
	}
	content := ts.win.Content()
	relayout(content)
	if min := content.MinSize(); min.Width > budget.Width || min.Height > budget.Height {
		t.Errorf("%s: the window's content needs %.0f×%.0f, the window has %.0f×%.0f; %s",
			view, min.Width, min.Height, budget.Width, budget.Height, offender(content, budget))
	}
	for _, cut := range narrowSelects(content) {
		t.Errorf("%s: a dropdown is narrower than its longest choice: %s", view, cut)
	}
	for _, trap := range nestedScrolls(content) {
		t.Errorf("%s: a scroll area inside another traps the wheel: %s", view, trap)
	}
}

// relayout lays out o and everything under it again at their sizes, top
// down, as the real window does on its next frame when a minimum size
// changed (the test canvas does not): choices and rows loaded after the
// screen was built take their room.
func relayout(o fyne.CanvasObject) {
	switch v := o.(type) {
	case *fyne.Container:
		if v.Layout != nil {
			v.Layout.Layout(v.Objects, v.Size())
		}
	case fyne.Widget:
		test.WidgetRenderer(v).Layout(v.Size())
	}
	for _, c := range children(o) {
		relayout(c)
	}
}

// offender follows the room a view lacks down the widget tree, in each
// direction it lacks room: from a widget to the child that alone needs at
// least the missing amount (shrinking it by that much would let the view
// fit), the largest first, until no child does. The last widget named is the
// one to fix: a child that would fit on its own beside or under its siblings
// leaves the path at the container that stacks them.
func offender(o fyne.CanvasObject, budget fyne.Size) string {
	var out []string
	min := o.MinSize()
	dims := []struct {
		name  string
		of    func(fyne.Size) float32
		lacks float32
	}{
		{"wide", func(s fyne.Size) float32 { return s.Width }, min.Width - budget.Width},
		{"tall", func(s fyne.Size) float32 { return s.Height }, min.Height - budget.Height},
	}
	for _, d := range dims {
		if d.lacks <= 0 {
			continue
		}
		path := []fyne.CanvasObject{o}
		for at := o; ; {
			var next fyne.CanvasObject
			for _, c := range sizeChildren(at) {
				if d.of(c.MinSize()) >= d.lacks && (next == nil || d.of(c.MinSize()) > d.of(next.MinSize())) {
					next = c
				}
			}
			if next == nil {
				break
			}
			path = append(path, next)
			at = next
		}
		out = append(out, fmt.Sprintf("%.0f px too %s at %s", d.lacks, d.name, describePath(path)))
	}
	return strings.Join(out, "; ")
}

// sizeChildren are the objects o's minimum size is made of: the visible
// children, and every tab's content for a tab bar (it is as big as its
// biggest tab, shown or not).
func sizeChildren(o fyne.CanvasObject) []fyne.CanvasObject {
	if tabs, ok := o.(*container.AppTabs); ok {
		var out []fyne.CanvasObject
		for _, it := range tabs.Items {
			out = append(out, it.Content)
		}
		return out
	}
	var out []fyne.CanvasObject
	for _, c := range children(o) {
		if c.Visible() {
			out = append(out, c)
		}
	}
	return out
}

// narrowSelects names every dropdown on screen that cuts its longest
// choice short ("Al…" for All): it must be as wide as Fyne's select needs
// for that text (the text, its inner padding on both sides, the icon), for
// choices up to maxChoiceText wide (longer ones are a product's full name).
func narrowSelects(o fyne.CanvasObject) []string {
	var out []string
	walkShown(o, nil, func(obj fyne.CanvasObject, parents []fyne.CanvasObject) bool {
		sel, ok := obj.(*widget.Select)
		if !ok {
			return true
		}
		pad := theme.InnerPadding()
		for _, opt := range sel.Options {
			text := min(fyne.MeasureText(opt, theme.TextSize(), fyne.TextStyle{}).Width, maxChoiceText)
			if need := text + 4*pad + theme.IconInlineSize(); sel.Size().Width+2 < need { // 2 px: Fyne rounds sizes to pixels
				out = append(out, fmt.Sprintf("%q needs %.0f px, has %.0f at %s", opt, need, sel.Size().Width,
					describePath(append(append([]fyne.CanvasObject(nil), parents...), obj))))
				break
			}
		}
		return false
	})
	return out
}

// nestedScrolls names every scroll area shown inside another one. An
// entry's own text scroller is not a scroll area of the page: it is left
// out, as the text box's own business.
func nestedScrolls(o fyne.CanvasObject) []string {
	var out []string
	walkShown(o, nil, func(obj fyne.CanvasObject, parents []fyne.CanvasObject) bool {
		if isEntry(obj) {
			// An entry's own text scroller takes the wheel too, unless
			// the page passes it on (newPageScroll).
			page := innermostScroll(parents)
			if page != nil && !passesWheel(page) {
				out = append(out, "an input field takes the wheel from the page: "+
					describePath(append(append([]fyne.CanvasObject(nil), parents...), obj)))
			}
			// A page passes every turn on, so a multi-line field's own
			// text scrolls only as a pageEntry.
			if e, ok := obj.(*widget.Entry); ok && e.MultiLine && page != nil {
				out = append(out, "a multi-line field in a page whose text the wheel cannot scroll (use newPageEntry): "+
					describePath(append(append([]fyne.CanvasObject(nil), parents...), obj)))
			}
			return false
		}
		if !isScrollArea(obj) {
			return true
		}
		for _, p := range parents {
			if isScrollArea(p) {
				out = append(out, describePath(append(append([]fyne.CanvasObject(nil), parents...), obj)))
				return false
			}
		}
		return true
	})
	return out
}

// innermostScroll is the last scroll area in parents, or nil.
func innermostScroll(parents []fyne.CanvasObject) *container.Scroll {
	for i := len(parents) - 1; i >= 0; i-- {
		if isScrollArea(parents[i]) {
			return parents[i].(*container.Scroll)
		}
	}
	return nil
}

// passesWheel is whether page was made by newPageScroll: its content is a
// stack whose top layer hands the wheel to the page.
func passesWheel(page *container.Scroll) bool {
	c, ok := page.Content.(*fyne.Container)
	if !ok || len(c.Objects) == 0 {
		return false
	}
	pass, ok := c.Objects[len(c.Objects)-1].(*wheelPass)
	return ok && pass.page == page
}

// isScrollArea is an object that takes the mouse wheel: Fyne's scroller
// (container.Scroll, and the one inside every List, Table, Tree and
// GridWrap), unless it scrolls in no direction.
func isScrollArea(o fyne.CanvasObject) bool {
	s, ok := o.(*container.Scroll)
	return ok && s.Direction != container.ScrollNone
}

func isEntry(o fyne.CanvasObject) bool {
	_, ok := o.(interface{ SetPlaceHolder(string) }) // widget.Entry and the widgets built on it
	return ok
}

// walkShown visits o and every visible object under it (containers'
// objects, widgets' rendered objects), parents first; visit returns false
// to skip an object's children.
func walkShown(o fyne.CanvasObject, parents []fyne.CanvasObject, visit func(o fyne.CanvasObject, parents []fyne.CanvasObject) bool) {
	if o == nil || !o.Visible() {
		return
	}
	if !visit(o, parents) {
		return
	}
	parents = append(parents, o)
	for _, c := range children(o) {
		walkShown(c, parents, visit)
	}
}

func children(o fyne.CanvasObject) []fyne.CanvasObject {
	switch v := o.(type) {
	case *fyne.Container:
		return v.Objects
	case fyne.Widget:
		return test.WidgetRenderer(v).Objects()
	}
	return nil
}

// describePath names each step: the widget's type, a container's layout,
// and the text of labels, buttons and choices, so the failure says where.
func describePath(path []fyne.CanvasObject) string {
	var parts []string
	for _, o := range path {
		parts = append(parts, describe(o))
	}
	return strings.Join(parts, " > ")
}

func describe(o fyne.CanvasObject) string {
	name := strings.TrimPrefix(reflect.TypeOf(o).String(), "*")
	switch v := o.(type) {
	case *fyne.Container:
		if v.Layout != nil {
			name = strings.TrimPrefix(reflect.TypeOf(v.Layout).String(), "*layout.")
		}
	case *widget.Label:
		name += fmt.Sprintf("(%q)", short(v.Text))
	case *widget.Button:
		name += fmt.Sprintf("(%q)", short(v.Text))
	case *widget.Select:
		name += fmt.Sprintf("(%q)", short(v.Selected))
	case *widget.Check:
		name += fmt.Sprintf("(%q)", short(v.Text))
	case *canvas.Text:
		name += fmt.Sprintf("(%q)", short(v.Text))
	}
	m := o.MinSize()
	return fmt.Sprintf("%s[%.0f×%.0f]", name, m.Width, m.Height)
}

func short(s string) string {
	if r := []rune(s); len(r) > 30 {
		return string(r[:30]) + "…"
	}
	return s
}

// checkNavLabelsWhole fails when a sidebar label is cut: every module's name
// must be shown whole, in the language on screen.
func checkNavLabelsWhole(t *testing.T, ts testShell) {
	t.Helper()
	walkShown(ts.nav, nil, func(o fyne.CanvasObject, _ []fyne.CanvasObject) bool {
		if l, ok := o.(*widget.Label); ok && l.Text != "" {
			need := fyne.MeasureText(l.Text, theme.TextSize(), l.TextStyle).Width + 2*theme.InnerPadding()
			if l.Size().Width < need {
				t.Errorf("sidebar label %q is %.0f px wide, needs %.0f", l.Text, l.Size().Width, need)
			}
		}
		return true
	})
}

// TestPageScrollKeepsTheWheelOverAField scrolls a long form with the
// pointer resting on an input, as the driver does (the innermost scroller
// under the pointer gets the wheel): the page moves, and a tap still reaches
// the widget under the pointer. A plain container.Scroll stays still when
// the pointer is on a field.
func TestPageScrollKeepsTheWheelOverAField(t *testing.T) {
	test.NewTempApp(t)
	taps := 0
	build := func(page func(fyne.CanvasObject) *container.Scroll) (*container.Scroll, fyne.Position, fyne.Position, fyne.Window) {
		button := widget.NewButton("Tap", func() { taps++ })
		form := widget.NewForm(widget.NewFormItem("Button", button))
		var first *widget.Entry
		for i := range 30 {
			e := &widget.Entry{MultiLine: i%2 == 0}
			if e.MultiLine {
				e.Wrapping = fyne.TextWrapWord
			}
			if first == nil {
				first = e
			}
			form.Append(fmt.Sprintf("Field %d", i), e)
		}
		scroll := page(form)
		w := test.NewTempWindow(t, scroll)
		w.Resize(fyne.NewSize(400, 300))
		d := fyne.CurrentApp().Driver()
		return scroll, d.AbsolutePositionForObject(first).AddXY(20, 10), d.AbsolutePositionForObject(button).AddXY(10, 10), w
	}

	plain, onField, _, w := build(func(o fyne.CanvasObject) *container.Scroll { return container.NewVScroll(o) })
	test.Scroll(w.Canvas(), onField, 0, -120)
	if plain.Offset.Y != 0 {
		t.Fatalf("the plain scroll moved to %v with the pointer on a field: the check below proves nothing", plain.Offset.Y)
	}

	page, onField, onButton, w := build(newPageScroll)
	test.TapCanvas(w.Canvas(), onButton)
	if taps != 1 {
		t.Fatalf("a tap on the button through the wheel layer: %d taps, want 1", taps)
	}
	test.Scroll(w.Canvas(), onField, 0, -120)
	if page.Offset.Y != 120 {
		t.Fatalf("with the pointer on a field the page scrolled to %v, want 120", page.Offset.Y)
	}
}

// TestHintedEntryKeepsFormValidation: a field with its help wrapped under
// it (appendHinted) still stops the form when it holds a bad value, and
// the help wraps instead of widening the form.
func TestHintedEntryKeepsFormValidation(t *testing.T) {
	test.NewTempApp(t)
	e := &widget.Entry{Validator: func(s string) error {
		if s != "" && strings.Trim(s, "0123456789.") != "" {
			return fmt.Errorf("%q is not a number", s)
		}
		return nil
	}}
	form := &widget.Form{OnSubmit: func() {}}
	long := strings.Repeat("Customs clearance, broker and insurance per unit; ", 6)
	appendHinted(form, &widget.FormItem{Text: "Clearance", Widget: e}, long)
	w := test.NewTempWindow(t, form)
	w.Resize(fyne.NewSize(400, 300))
	if got := formHint(form, "Clearance"); got != long {
		t.Fatalf("hint %q", got)
	}
	if min := form.MinSize().Width; min > 300 {
		t.Errorf("the form needs %.0f px for its help, want it wrapped", min)
	}
	test.Type(e, "12x")
	if err := form.Validate(); err == nil {
		t.Fatal("the form accepts a bad number in a hinted field")
	}
	submit := findButton(t, form, "Submit")
	if !submit.Disabled() {
		t.Error("submit stays enabled with a bad number in a hinted field")
	}
	e.SetText("12")
	if err := form.Validate(); err != nil || submit.Disabled() {
		t.Errorf("a good number: %v, submit disabled %v", err, submit.Disabled())
	}
}
