package app_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/seller-assistant/seller-assistant/app"
	"github.com/seller-assistant/seller-assistant/assets"
)

func TestMain(m *testing.M) {
	if err := assets.LoadTranslations(); err != nil {
		panic(err)
	}
	os.Exit(m.Run())
}

var verb = regexp.MustCompile(`%[-+# 0-9.]*[a-zA-Z%]`)

// TestCatalogsMatch: both languages have the same keys, no empty text, and
// the same %-verbs in the same order, so no argument lands in the wrong
// place in either language.
func TestCatalogsMatch(t *testing.T) {
	en, zh := app.Catalog(app.LangEnglish), app.Catalog(app.LangChinese)
	if len(en) < 100 {
		t.Fatalf("English catalogue has %d keys", len(en))
	}
	for k, v := range en {
		z, ok := zh[k]
		if !ok {
			t.Errorf("%s: no Chinese", k)
			continue
		}
		if strings.TrimSpace(v) == "" || strings.TrimSpace(z) == "" {
			t.Errorf("%s: empty text", k)
		}
		if a, b := strings.Join(verb.FindAllString(v, -1), ","), strings.Join(verb.FindAllString(z, -1), ","); a != b {
			t.Errorf("%s: English verbs %q, Chinese %q", k, a, b)
		}
	}
	for k := range zh {
		if _, ok := en[k]; !ok {
			t.Errorf("%s: Chinese only", k)
		}
	}
}

// keyCall finds translation keys in code: T("x"), t("x"), Errorf(code, "x"),
// Wrap(err, code, "x").
var keyCall = regexp.MustCompile(`(?:\bT|\bt|Errorf\([^,]+,|Wrap\([^,]+,[^,]+,)\s*\(?"([a-z_]+\.[a-z0-9_.]+)"`)

// TestEveryKeyInCodeIsTranslated scans the Go sources for literal keys.
func TestEveryKeyInCodeIsTranslated(t *testing.T) {
	en := app.Catalog(app.LangEnglish)
	var files []string
	for _, dir := range []string{".", "report", "../data", "../screens", ".."} {
		m, _ := filepath.Glob(filepath.Join(dir, "*.go"))
		files = append(files, m...)
	}
	found := 0
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range keyCall.FindAllStringSubmatch(string(b), -1) {
			if strings.HasSuffix(m[1], ".") {
				continue // a prefix completed at run time: TestDynamicKeys covers it
			}
			found++
			if _, ok := en[m[1]]; !ok {
				t.Errorf("%s: key %q is not in the catalogue", f, m[1])
			}
		}
	}
	if found < 100 {
		t.Fatalf("found only %d keys in code: the scan is broken", found)
	}
}

// TestDynamicKeys covers keys built from lists: every module, category,
// status and type has its name in both languages.
func TestDynamicKeys(t *testing.T) {
	var keys []string
	for _, m := range app.Modules {
		keys = append(keys, "module."+m.ID+".title", "module."+m.ID+".summary")
	}
	add := func(prefix string, vals []string) {
		for _, v := range vals {
			keys = append(keys, prefix+v)
		}
	}
	add("risk.category.", app.RiskCategories)
	add("risk.status.", app.RiskStatuses)
	add("risk.level.", []string{"low", "medium", "high", "critical"})
	add("product.stage.", app.LifecycleStages)
	add("product.band.", app.PriceBands)
	add("product.status.", app.ProductStatuses)
	add("channel.type.", app.ChannelTypes)
	add("campaign.type.", app.CampaignTypes)
	add("note.method.", app.ResearchMethods)
	add("country.", []string{"US", "GB", "DE", "FR", "JP"})
	add("storage.type.", app.FeeTypes)
	add("storage.kind.", app.LocationKinds)
	add("storage.tier.", app.SizeTiers)
	add("storage.season.", app.Seasons)
	add("storage.unit.", app.VolumeUnits)
	add("storage.source.", []string{app.VolumeEntered, app.VolumeProduct, app.VolumeReport})
	add("storage.col.", []string{"sku", "location", "tier", "volume", "monthly", "months", "per_unit", "aged", "surcharge"})
	add("inventory.col.", []string{"aged"})
	for _, l := range app.Langs {
		loc := app.NewLocalizer(l)
		for _, k := range keys {
			if !loc.Has(k) {
				t.Errorf("%s: missing %s", l, k)
			}
		}
	}
}

func TestMatchLang(t *testing.T) {
	tests := []struct {
		in   string
		want app.Lang
	}{
		{"zh_CN.UTF-8", app.LangChinese},
		{"zh-Hans", app.LangChinese},
		{"zh_TW", app.LangChinese},
		{"ZH", app.LangChinese},
		{"en_GB.UTF-8", app.LangEnglish},
		{"C", app.LangEnglish},
		{"C.UTF-8", app.LangEnglish},
		{"POSIX", app.LangEnglish},
		{"", app.LangEnglish},
		{"de_DE", app.LangEnglish},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := app.MatchLang(tt.in); got != tt.want {
				t.Fatalf("MatchLang(%q) = %s, want %s", tt.in, got, tt.want)
			}
		})
	}
}

func TestLocalizer(t *testing.T) {
	zh := app.NewLocalizer(app.LangChinese)
	if got := zh.T("module.risks.title"); got != "风险管理" {
		t.Fatalf("zh risks title = %q", got)
	}
	if got := zh.T("error.file_exists", "/tmp/a.sellerdb"); got != "/tmp/a.sellerdb 已存在，请换一个名称。" {
		t.Fatalf("zh with argument = %q", got)
	}
	args := []any{"x", app.Key("module.risks.title")}
	if got := zh.T("learn.open_screen", args[1]); got != "打开“风险管理”" {
		t.Fatalf("a Key argument is not translated: %q", got)
	}
	if got := app.English().T("error.newer_workspace", "x", app.Key("module.risks.title"), 1); !strings.Contains(got, "Risks") {
		t.Fatalf("a Key in second place is not translated: %q", got)
	}
	if args[1] != app.Key("module.risks.title") {
		t.Fatal("T changed the caller's arguments")
	}
	if got := zh.T("no.such.key"); got != "no.such.key" {
		t.Fatalf("missing key = %q, want the key itself", got)
	}
	err := app.Errorf(app.ENewer, "error.newer_workspace", "x.sellerdb", 9, 1)
	if app.ErrorCode(err) != app.ENewer {
		t.Fatal("code lost")
	}
	if got := zh.Message(err); !strings.Contains(got, "x.sellerdb") || !strings.Contains(got, "9") || !strings.Contains(got, "更新版本") {
		t.Fatalf("zh message = %q", got)
	}
	if got := err.Error(); !strings.Contains(got, "newer version") {
		t.Fatalf("English error = %q", got)
	}
	if got := zh.Message(os.ErrPermission); !strings.Contains(got, "内部错误") {
		t.Fatalf("a non-app error should read as internal: %q", got)
	}
	if app.ErrorCode(nil) != "" || app.ErrorCode(os.ErrClosed) != app.EInternal {
		t.Fatal("ErrorCode of nil / foreign error")
	}
}
