package screens

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"github.com/shopspring/decimal"

	"github.com/seller-assistant/seller-assistant/app"
	"github.com/seller-assistant/seller-assistant/app/mock"
	"github.com/seller-assistant/seller-assistant/assets"
)

func TestMain(m *testing.M) {
	if err := assets.LoadTranslations(); err != nil {
		panic(err)
	}
	os.Exit(m.Run())
}

var testNow = time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)

// demoWorkspace is a mock workspace with a little of everything.
func demoWorkspace(path string) *mock.Workspace {
	risks := []app.Risk{
		{Title: "Listing hijacked by a trademark squatter", Category: "ip", Likelihood: 4, Impact: 5, Status: "open", ReviewDate: testNow.AddDate(0, 0, -3)},
		{Title: "EUR falls against CNY", Category: "fx", Likelihood: 3, Impact: 3, Status: "mitigating"},
	}
	return &mock.Workspace{
		InfoFn: func() (app.WorkspaceInfo, error) {
			return app.WorkspaceInfo{Path: path, Name: "港湾家居 Harbor Lane Home", Demo: true, SchemaVersion: 1, Currency: "USD"}, nil
		},
		SummaryFn: func() (app.Summary, error) {
			return app.Summary{Orders: 872, Customers: 450, Products: 16, Notes: 14, OpenRisks: 2, Campaigns: 9, Revenue: decimal.RequireFromString("20582.40")}, nil
		},
		OpenRisksFn: func(int) ([]app.Risk, error) { return risks, nil },
		RisksFn:     func() ([]app.Risk, error) { return risks, nil },
		RecentNotesFn: func(int) ([]app.Note, error) {
			return []app.Note{{Title: "德国厨房用品 物流 调研", Market: "DE", Method: "interview", Date: testNow}}, nil
		},
		MonthlyRevenueFn: func() ([]app.MonthValue, error) {
			return []app.MonthValue{
				{Month: time.Date(2026, 9, 1, 0, 0, 0, 0, time.UTC), Value: decimal.NewFromInt(1800), Count: 80},
				{Month: time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC), Value: decimal.NewFromInt(2100), Count: 90},
			}, nil
		},
		RevenueByCountryFn: func(int) ([]app.NamedValue, error) {
			return []app.NamedValue{{Name: "US", Value: decimal.NewFromInt(9000)}, {Name: "DE", Value: decimal.NewFromInt(4000)}}, nil
		},
	}
}

type testShell struct {
	*Shell
	win    fyne.Window
	opener *mock.Opener
	posted chan func()
}

// next runs the next UI update that background work posted, on the test
// goroutine, as the real app runs it on the UI goroutine.
func (ts testShell) next(t *testing.T) {
	t.Helper()
	select {
	case f := <-ts.posted:
		f()
	case <-time.After(60 * time.Second): // a hang guard, not a speed check: -race slows fits ~10x
		t.Fatal("no UI update was posted")
	}
}

func newTestShell(t *testing.T, ws app.Workspace) testShell {
	t.Helper()
	t.Setenv("LANG", "C.UTF-8")
	t.Setenv("LANGUAGE", "")
	a := test.NewTempApp(t)
	w := test.NewTempWindow(t, nil)
	o := &mock.Opener{}
	posted := make(chan func(), 16)
	env := Env{Opener: o, DemoPath: filepath.Join(t.TempDir(), "demo.sellerdb"), Now: func() time.Time { return testNow },
		Post: func(f func()) { posted <- f }}
	s := NewShell(a, w, env, ws)
	w.SetContent(s.Content())
	w.Resize(fyne.NewSize(1280, 800))
	ts := testShell{Shell: s, win: w, opener: o, posted: posted}
	if ws != nil {
		ts.next(t) // the dashboard's figures
	}
	return ts
}

// texts is every string drawn in o, for asserting what a person sees.
func texts(o fyne.CanvasObject) string {
	var b strings.Builder
	for _, obj := range test.LaidOutObjects(o) {
		if t, ok := obj.(*canvas.Text); ok && obj.Visible() {
			b.WriteString(t.Text)
			b.WriteByte('\n')
		}
	}
	return b.String()
}

func TestNavigationShowsEveryModule(t *testing.T) {
	ts := newTestShell(t, demoWorkspace("/tmp/demo.sellerdb"))
	en := app.English()
	for _, m := range app.Modules {
		t.Run(m.ID, func(t *testing.T) {
			ts.Navigate(m.ID)
			if ts.Current() != m.ID {
				t.Fatalf("current = %s", ts.Current())
			}
			shown := texts(ts.body)
			if !strings.Contains(shown, en.T("module."+m.ID+".title")) {
				t.Fatalf("%s screen does not show its title; it shows:\n%s", m.ID, shown)
			}
			if strings.Contains(shown, "(Select one)") {
				t.Errorf("%s shows Fyne's untranslated \"(Select one)\"", m.ID)
			}
			_, built := moduleScreens[m.ID]
			if !built && m.ID != "dashboard" && !strings.Contains(shown, en.T("coming.title")) {
				t.Fatalf("%s is not built yet but does not say so", m.ID)
			}
		})
	}
}

func TestKeyboardShortcutsNavigate(t *testing.T) {
	ts := newTestShell(t, demoWorkspace("/tmp/demo.sellerdb"))
	c, ok := ts.win.Canvas().(fyne.Shortcutable)
	if !ok {
		t.Fatal("the test canvas takes no shortcuts")
	}
	c.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.Key3, Modifier: fyne.KeyModifierShortcutDefault})
	if ts.Current() != app.Modules[2].ID {
		t.Fatalf("Ctrl+3 shows %s, want %s", ts.Current(), app.Modules[2].ID)
	}
	c.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.Key1, Modifier: fyne.KeyModifierShortcutDefault})
	if ts.Current() != "dashboard" {
		t.Fatalf("Ctrl+1 shows %s", ts.Current())
	}
}

func TestLanguageSwitchWithoutRestart(t *testing.T) {
	ts := newTestShell(t, demoWorkspace("/tmp/demo.sellerdb"))
	ts.Navigate("risks")
	if !strings.Contains(texts(ts.win.Content()), "Market research") {
		t.Fatal("starts in English under LANG=C")
	}
	ts.SetLanguage(app.LangChinese)
	shown := texts(ts.win.Content())
	for _, want := range []string{"市场调研", "风险管理", "学习指南", "演示工作区"} {
		if !strings.Contains(shown, want) {
			t.Errorf("after switching, the window lacks %q:\n%s", want, shown)
		}
	}
	if strings.Contains(shown, "Market research") {
		t.Error("English navigation left after switching to Chinese")
	}
	if ts.Current() != "risks" {
		t.Errorf("the switch left the risks screen for %s", ts.Current())
	}
	if !strings.HasPrefix(ts.win.Title(), "跨境卖家助手") {
		t.Errorf("title %q", ts.win.Title())
	}
	if got := ts.win.MainMenu().Items[0].Label; got != "文件" {
		t.Errorf("file menu %q", got)
	}
	if got := fyne.CurrentApp().Preferences().String(prefLang); got != string(app.LangChinese) {
		t.Errorf("choice not saved: %q", got)
	}
	ts.SetLanguage(app.LangEnglish)
	if !strings.Contains(texts(ts.win.Content()), "Market research") {
		t.Error("switching back to English failed")
	}
}

func TestStartLanguage(t *testing.T) {
	tests := []struct {
		name, saved, lcAll, lang string
		want                     app.Lang
	}{
		{"saved choice wins", "zh_Hans", "", "en_US.UTF-8", app.LangChinese},
		{"system Chinese", "", "", "zh_CN.UTF-8", app.LangChinese},
		{"LC_ALL first", "", "en_GB.UTF-8", "zh_CN.UTF-8", app.LangEnglish},
		{"C locale falls back to English", "", "", "C", app.LangEnglish},
		{"nothing set", "", "", "", app.LangEnglish},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := test.NewTempApp(t)
			t.Setenv("LC_ALL", tt.lcAll)
			t.Setenv("LC_MESSAGES", "")
			t.Setenv("LANG", tt.lang)
			t.Setenv("LANGUAGE", "")
			a.Preferences().SetString(prefLang, tt.saved)
			if got := startLang(a.Preferences()); got != tt.want {
				t.Fatalf("startLang = %s, want %s", got, tt.want)
			}
		})
	}
}

func TestDashboardShowsWorkspaceFigures(t *testing.T) {
	ts := newTestShell(t, demoWorkspace("/tmp/demo.sellerdb"))
	if !ts.dash.loaded {
		t.Fatal("the dashboard did not load")
	}
	if got := ts.dash.tiles["revenue"].Value(); got != "20,582 USD" { // grouped
		t.Errorf("revenue tile %q", got)
	}
	if got := ts.dash.tiles["customers"].Value(); got != "450" {
		t.Errorf("customers tile %q", got)
	}
	shown := texts(ts.body)
	for _, want := range []string{"德国厨房用品 物流 调研", "Listing hijacked by a trademark squatter", "review overdue", "1 review overdue"} {
		if !strings.Contains(shown, want) {
			t.Errorf("dashboard lacks %q", want)
		}
	}
	if len(ts.dash.charts) != 4 || ts.dash.charts[0].Chart().ID != "revenue_by_month" || ts.dash.charts[1].Chart().Empty() {
		t.Error("dashboard charts not filled from the workspace")
	}
}

func TestNoWorkspaceOffersToOpenOne(t *testing.T) {
	ts := newTestShell(t, nil)
	if !strings.Contains(texts(ts.body), app.English().T("workspace.none_hint")) {
		t.Fatal("no hint without a workspace")
	}
	for _, it := range ts.win.MainMenu().Items[0].Items {
		if it.Label == app.English().T("menu.export_report") && !it.Disabled {
			t.Fatal("Export report is enabled with no workspace")
		}
	}
}

func TestOpenPath(t *testing.T) {
	first := demoWorkspace("/tmp/first.sellerdb")
	ts := newTestShell(t, first)
	ts.opener.OpenFn = func(path string) (app.Workspace, error) {
		return nil, app.Errorf(app.ENotWorkspace, "error.not_workspace", path)
	}
	ts.openPath("/tmp/notes.txt")
	ts.next(t)
	if top := ts.win.Canvas().Overlays().Top(); top == nil || !strings.Contains(texts(top), "is not a Seller Assistant workspace") {
		t.Fatal("no error dialog naming the problem")
	}
	if ts.Workspace() != first || first.Closed() != 0 {
		t.Fatal("a refused file replaced or closed the open workspace")
	}

	second := demoWorkspace("/tmp/second.sellerdb")
	ts.opener.OpenFn = func(string) (app.Workspace, error) { return second, nil }
	ts.openPath("/tmp/second.sellerdb")
	ts.next(t)
	if ts.Workspace() != second {
		t.Fatal("the second workspace did not open")
	}
	ts.next(t) // its dashboard
	if first.Closed() != 1 {
		t.Fatalf("the first workspace was closed %d times, want once", first.Closed())
	}
	recent := fyne.CurrentApp().Preferences().StringList(prefRecent)
	if len(recent) < 2 || recent[0] != "/tmp/second.sellerdb" || recent[1] != "/tmp/first.sellerdb" {
		t.Fatalf("recent list %v", recent)
	}
}

func TestResetDemo(t *testing.T) {
	old := demoWorkspace("/tmp/demo.sellerdb")
	ts := newTestShell(t, old)
	fresh := demoWorkspace("/tmp/demo.sellerdb")
	var calls atomic.Int32
	ts.opener.CreateDemoFn = func(path string) (app.Workspace, error) {
		calls.Add(1)
		if old.Closed() != 1 {
			t.Errorf("the demo was not closed before being rewritten")
		}
		if path != "/tmp/demo.sellerdb" {
			t.Errorf("reset wrote %s", path)
		}
		return fresh, nil
	}
	ts.resetDemo()
	ts.next(t)
	if ts.Workspace() != fresh {
		t.Fatal("the demo was not reopened after the reset")
	}
	if calls.Load() != 1 {
		t.Fatalf("CreateDemo called %d times", calls.Load())
	}
}

func TestOpenStartWorkspace(t *testing.T) {
	a := test.NewTempApp(t)
	p := a.Preferences()
	last := demoWorkspace("/tmp/last.sellerdb")
	demo := demoWorkspace("/tmp/demo.sellerdb")
	o := &mock.Opener{
		OpenFn: func(path string) (app.Workspace, error) {
			switch path {
			case "/tmp/last.sellerdb":
				return last, nil
			case "/tmp/broken.sellerdb":
				return nil, app.Errorf(app.ECorrupt, "error.corrupt_workspace", path)
			}
			return nil, app.Errorf(app.ENotFound, "error.file_not_found", path)
		},
		CreateDemoFn: func(string) (app.Workspace, error) { return demo, nil },
	}
	ctx := context.Background()
	if ws, err := OpenStartWorkspace(ctx, o, p, "", "/tmp/demo.sellerdb"); ws != demo || err != nil {
		t.Fatalf("first start: %v, %v; want the new demo", ws, err)
	}
	p.SetStringList(prefRecent, []string{"/tmp/last.sellerdb"})
	if ws, err := OpenStartWorkspace(ctx, o, p, "", "/tmp/demo.sellerdb"); ws != last || err != nil {
		t.Fatalf("later start: %v, %v; want the last workspace", ws, err)
	}
	p.SetStringList(prefRecent, []string{"/tmp/broken.sellerdb"})
	ws, err := OpenStartWorkspace(ctx, o, p, "", "/tmp/demo.sellerdb")
	if ws != demo || app.ErrorCode(err) != app.ECorrupt {
		t.Fatalf("broken last workspace: %v, %v; want the demo and the reason", ws, err)
	}
	if _, err := OpenStartWorkspace(ctx, o, p, "/tmp/broken.sellerdb", "/tmp/demo.sellerdb"); app.ErrorCode(err) != app.ECorrupt {
		t.Fatalf("a file chosen on the command line that fails must say so, got %v", err)
	}
}

func TestLearnOpensModuleScreen(t *testing.T) {
	ts := newTestShell(t, demoWorkspace("/tmp/demo.sellerdb"))
	ts.Navigate("learn")
	shown := texts(ts.body)
	if !strings.Contains(shown, "Market research") || !strings.Contains(shown, "Open Market research") {
		t.Fatalf("learn screen:\n%s", shown)
	}
	g := newLearn(ts.Shell)
	g.buildUI()
	g.showGuide("pricing")
	test.Tap(g.open)
	if ts.Current() != "pricing" {
		t.Fatalf("the guide's button opened %s", ts.Current())
	}
}

// TestLearnDemoShopPage: Learn lists the page about the demo shop, in both
// languages, and its button opens the dashboard.
func TestLearnDemoShopPage(t *testing.T) {
	ts := newTestShell(t, demoWorkspace("/tmp/demo.sellerdb"))
	g := newLearn(ts.Shell)
	g.buildUI()
	if g.guides[len(g.guides)-1] != demoShopGuide || g.guideTitle(demoShopGuide) != "About the demo shop" {
		t.Fatalf("guides %v, title %q", g.guides, g.guideTitle(demoShopGuide))
	}
	g.showGuide(demoShopGuide)
	shown := texts(g.guide)
	if !strings.Contains(shown, "Harbor Lane Home") || g.open.Text != "Open Dashboard" {
		t.Fatalf("demo shop page: %q, button %q", shown, g.open.Text)
	}
	test.Tap(g.open)
	if ts.Current() != "dashboard" {
		t.Fatalf("the page's button opened %s", ts.Current())
	}
	zh, err := assets.Guide(app.LangChinese, demoShopGuide)
	if err != nil || !strings.Contains(zh, "港湾家居") || !strings.Contains(zh, "# 关于演示店铺") {
		t.Fatalf("Chinese page: %v", err)
	}
}

func TestSettingsSwitchLanguageAndTheme(t *testing.T) {
	ts := newTestShell(t, demoWorkspace("/tmp/demo.sellerdb"))
	ts.Navigate("settings")
	ts.next(t) // the exchange rates
	st := newSettings(ts.Shell)
	st.buildUI()
	ts.next(t)
	st.theme.SetSelected(app.English().T("settings.theme_dark"))
	if ts.theme.variant != "dark" || fyne.CurrentApp().Preferences().String(prefTheme) != "dark" {
		t.Fatal("dark theme not applied or not saved")
	}
	st.lang.SetSelected("简体中文")
	ts.next(t) // the deferred language switch
	if !strings.Contains(texts(ts.win.Content()), "偏好设置") {
		t.Fatal("settings did not rebuild in Chinese")
	}
	if ts.Current() != "settings" || ts.Localizer().Lang() != app.LangChinese {
		t.Fatalf("after the switch: %s in %s", ts.Current(), ts.Localizer().Lang())
	}
}

// TestDashboardLabelsTheCurrentMonthPartial: on 24 Nov the November bar
// and point hold three weeks of orders, and say so.
func TestDashboardLabelsTheCurrentMonthPartial(t *testing.T) {
	ws := demoWorkspace("/tmp/demo.sellerdb")
	ws.MonthlyRevenueFn = func() ([]app.MonthValue, error) {
		return []app.MonthValue{
			{Month: time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC), Value: decimal.NewFromInt(2100), Count: 90},
			{Month: time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC), Value: decimal.NewFromInt(900), Count: 40},
		}, nil
	}
	ts := newTestShell(t, ws)
	for _, i := range []int{0, 2} { // revenue and orders by month
		c := ts.dash.charts[i].Chart()
		if len(c.Categories) != 2 || c.Categories[0] != "2026-10" || c.Categories[1] != "2026-11 (partial)" || !strings.Contains(c.Note, "2026-11-24") {
			t.Errorf("%s: categories %v, note %q", c.ID, c.Categories, c.Note)
		}
	}
}

// The dashboard groups thousands in every money amount and count, and
// rounds money by the currency (none for JPY).
func TestDashboardGroupsThousands(t *testing.T) {
	ws := demoWorkspace("/tmp/demo.sellerdb")
	ws.InfoFn = func() (app.WorkspaceInfo, error) {
		return app.WorkspaceInfo{Path: "/tmp/demo.sellerdb", Name: "Tokyo", Demo: true, SchemaVersion: 1, Currency: "JPY"}, nil
	}
	ws.SummaryFn = func() (app.Summary, error) {
		return app.Summary{Orders: 1234, Customers: 22415, Products: 16, Revenue: decimal.RequireFromString("4053180.6")}, nil
	}
	ts := newTestShell(t, ws)
	shown := texts(ts.body)
	for _, want := range []string{"4,053,181 JPY", "22,415", "1,234", "3,285 JPY"} {
		if !strings.Contains(shown, want) {
			t.Errorf("dashboard does not show %q:\n%s", want, shown)
		}
	}
	if strings.Contains(shown, "4053180") || strings.Contains(shown, "3284.5") {
		t.Errorf("an ungrouped or unrounded figure is shown:\n%s", shown)
	}
}
