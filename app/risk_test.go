package app_test

import (
	"testing"
	"time"

	"github.com/seller-assistant/seller-assistant/app"
)

func TestChecklistTemplatesCoverEveryCategoryInBothLanguages(t *testing.T) {
	seen := map[string]bool{}
	for _, tpl := range app.ChecklistTemplates {
		seen[tpl.Category] = true
		if len(tpl.Items) < 4 {
			t.Errorf("%s: only %d items", tpl.ID, len(tpl.Items))
		}
		for _, lang := range app.Langs {
			l := app.NewLocalizer(lang)
			if !l.Has("risks.tpl." + tpl.ID) {
				t.Errorf("%s: template %s has no title", lang, tpl.ID)
			}
			for _, k := range tpl.Items {
				if !l.Has(k) {
					t.Errorf("%s: item %s has no text", lang, k)
				}
			}
		}
	}
	for _, c := range app.RiskCategories {
		if !seen[c] {
			t.Errorf("no checklist template for category %s", c)
		}
	}
	for _, want := range []string{"risks.tpl.quality.ce", "risks.tpl.quality.fcc", "risks.tpl.quality.ukca", "risks.tpl.tax.ioss",
		"risks.tpl.tax.vat_registration", "risks.tpl.tax.export_rebate", "risks.tpl.compliance.consent", "risks.tpl.ip.trademark_search"} {
		if !app.English().Has(want) {
			t.Errorf("the templates lack %s", want)
		}
	}
}

func TestCopyTemplate(t *testing.T) {
	tpl, ok := app.TemplateByID("quality")
	if !ok {
		t.Fatal("no quality template")
	}
	now := time.Date(2026, 11, 24, 15, 30, 0, 0, time.UTC)
	c := app.CopyTemplate(tpl, now)
	if c.Template != "quality" || len(c.Items) != len(tpl.Items) || !c.Created.Equal(ymd(2026, 11, 24)) {
		t.Fatalf("copy %+v", c)
	}
	for i, it := range c.Items {
		if it.Key != tpl.Items[i] || it.Done || it.Owner != "" || !it.Due.IsZero() || it.ID != 0 {
			t.Fatalf("item %d not a clean copy: %+v", i, it)
		}
	}
	if done, total := c.Progress(); done != 0 || total != len(tpl.Items) {
		t.Fatalf("progress %d/%d", done, total)
	}
	// The copy is independent of the template.
	c.Items[0].Key = "changed"
	if tpl.Items[0] == "changed" {
		t.Fatal("copying shares the template's items")
	}
	en, zh := app.English(), app.NewLocalizer(app.LangChinese)
	if c.Name(en) != "Product quality and certification" || c.Name(zh) != "产品质量与认证" {
		t.Fatalf("names %q %q", c.Name(en), c.Name(zh))
	}
	c.Items[1].Done = true
	if done, _ := c.Progress(); done != 1 {
		t.Fatal("ticked item not counted")
	}
	own := app.ChecklistItem{Text: "Ask the lab for the RED report"}
	if own.Label(zh) != "Ask the lab for the RED report" {
		t.Fatal("own text must show as typed")
	}
	late := app.ChecklistItem{Key: "x", Due: ymd(2026, 11, 20)}
	if !late.Overdue(now) || (app.ChecklistItem{Done: true, Due: ymd(2026, 11, 20)}).Overdue(now) {
		t.Fatal("overdue items")
	}
}

func TestRiskValidate(t *testing.T) {
	good := app.Risk{Title: "FX", Category: "fx", Likelihood: 3, Impact: 4, Status: "open"}
	if err := good.Validate(); err != nil || good.Score() != 12 || good.Level() != "high" {
		t.Fatalf("%v score %d %s", err, good.Score(), good.Level())
	}
	tests := []struct {
		name string
		edit func(*app.Risk)
		key  string
	}{
		{"no title", func(r *app.Risk) { r.Title = "" }, "risks.err_title"},
		{"bad category", func(r *app.Risk) { r.Category = "weather" }, "risks.err_category"},
		{"likelihood 0", func(r *app.Risk) { r.Likelihood = 0 }, "risks.err_likelihood"},
		{"impact 6", func(r *app.Risk) { r.Impact = 6 }, "risks.err_impact"},
		{"bad status", func(r *app.Risk) { r.Status = "done" }, "risks.err_status"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := good
			tt.edit(&r)
			err := r.Validate()
			e, ok := err.(*app.Error)
			if !ok || e.Code != app.EInvalid || e.Key != tt.key {
				t.Fatalf("err %v, want %s", err, tt.key)
			}
		})
	}
}

func TestOverdueRisksAndOpenByCategory(t *testing.T) {
	now := time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)
	risks := []app.Risk{
		{Title: "a", Category: "ip", Status: "open", ReviewDate: ymd(2026, 11, 1)},
		{Title: "b", Category: "ip", Status: "closed", ReviewDate: ymd(2026, 11, 1)},
		{Title: "c", Category: "fx", Status: "mitigating", ReviewDate: ymd(2026, 12, 1)},
		{Title: "d", Category: "fx", Status: "open"},
	}
	if od := app.OverdueRisks(risks, now); len(od) != 1 || od[0].Title != "a" {
		t.Fatalf("overdue %v", od)
	}
	c := app.OpenRisksByCategoryChart(app.English(), risks)
	if err := c.Validate(); err != nil {
		t.Fatal(err)
	}
	if c.Series[0].Values[0] != 1 || c.Series[0].Values[5] != 2 {
		t.Fatalf("open by category %v", c.Series[0].Values)
	}
}

func TestRiskScoreAndLevel(t *testing.T) {
	tests := []struct {
		l, i  int
		score int
		level string
	}{{1, 1, 1, "low"}, {2, 2, 4, "low"}, {1, 5, 5, "medium"}, {3, 3, 9, "medium"}, {2, 5, 10, "high"}, {4, 4, 16, "high"}, {5, 4, 20, "critical"}, {5, 5, 25, "critical"}}
	for _, tt := range tests {
		r := app.Risk{Likelihood: tt.l, Impact: tt.i}
		if r.Score() != tt.score || r.Level() != tt.level {
			t.Errorf("L%d I%d: score %d level %s, want %d %s", tt.l, tt.i, r.Score(), r.Level(), tt.score, tt.level)
		}
	}
	now := time.Date(2026, 11, 24, 15, 0, 0, 0, time.UTC)
	if !(app.Risk{Status: "open", ReviewDate: now.AddDate(0, 0, -1)}).Overdue(now) {
		t.Error("yesterday's review should be overdue")
	}
	if (app.Risk{Status: "open", ReviewDate: time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)}).Overdue(now) {
		t.Error("today's review is not overdue yet")
	}
	if (app.Risk{Status: "closed", ReviewDate: now.AddDate(0, 0, -9)}).Overdue(now) {
		t.Error("a closed risk is never overdue")
	}
}
