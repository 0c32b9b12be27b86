package report_test

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/seller-assistant/seller-assistant/app"
)

// chartOptions renders charts in one section and returns their options by id.
func chartOptions(t *testing.T, charts ...app.Chart) (map[string]map[string]any, string) {
	t.Helper()
	r := app.Report{Title: "t", Lang: app.LangEnglish, Sections: []app.ReportSection{{ID: "s", Title: "S", Charts: charts}}}
	page := render(t, r, app.English())
	return options(t, parse(t, page)), page
}

var methods = []string{"Questionnaire", "Focus group", "Competitor analysis", "Field visit", "Interview", "Desk research", "Market data"}

func TestReportCategoryLabelsRotateBeforeSkipping(t *testing.T) {
	notes := app.Chart{ID: "notes", Kind: app.ChartStackedBar, Counts: true, Categories: methods,
		Series: []app.Series{{Name: "US", Values: []float64{1, 1, 1, 1, 0, 1, 1}}, {Name: "JP", Values: []float64{1, 1, 0, 1, 0, 0, 1}}}}
	days := app.Chart{ID: "days", Kind: app.ChartLine, Series: []app.Series{{Name: "Units"}}}
	for i := range 120 {
		days.Categories = append(days.Categories, fmt.Sprintf("12-%02d", i%31+1))
		days.Series[0].Values = append(days.Series[0].Values, float64(i))
	}
	opts, _ := chartOptions(t, notes, days)
	label := obj(obj(list(opts["notes"]["xAxis"])[0])["axisLabel"])
	// Every method is labelled (interval 0), slanted because they do not fit level.
	if label["interval"] != "0" || label["rotate"] != 45.0 {
		t.Errorf("research methods axis label %v, want all labels rotated 45°", label)
	}
	if label["width"] != 140.0 || label["overflow"] != "truncate" {
		t.Errorf("long labels are not shortened: %v", label)
	}
	// 120 days in 880 px: even upright labels overlap, so some are skipped,
	// and only then.
	dl := obj(obj(list(opts["days"]["xAxis"])[0])["axisLabel"])
	if n, _ := strconv.Atoi(fmt.Sprint(dl["interval"])); dl["rotate"] != 90.0 || n < 1 {
		t.Errorf("120 daily labels: %v, want upright labels with some skipped", dl)
	}
}

func TestReportModelRulesReachTheOption(t *testing.T) {
	pie := app.Chart{ID: "parts", Kind: app.ChartDonut, Series: []app.Series{{}}}
	for i := range 11 {
		pie.Categories = append(pie.Categories, fmt.Sprintf("Part %d", i))
		pie.Series[0].Values = append(pie.Series[0].Values, float64(i+1))
	}
	counts := app.Chart{ID: "cases", Kind: app.ChartBar, Counts: true, YLabel: "Cases", Categories: []string{"a", "b"},
		Series: []app.Series{{Values: []float64{2, 1}}}}
	trend := app.Chart{ID: "trend", Kind: app.ChartLine, YLabel: "工作时长（小时）", Unit: "h", Categories: []string{"11-02", "11-09", "11-16"},
		Series: []app.Series{{Name: "First response", Values: []float64{6, 3, 2}}, {Name: "Resolution", Values: []float64{40, app.Gap, 22}}}}
	curve := app.Chart{ID: "curve", Kind: app.ChartScatter, XLabel: "Price (USD)", XUnit: "USD", YLabel: "Profit", Unit: "USD",
		Series: []app.Series{{Name: "Profit", Line: true, Points: []app.Point{{X: 10, Y: -2}, {X: 14.29, Y: 0}, {X: 20, Y: 4}}}}}
	radar := app.Chart{ID: "radar", Kind: app.ChartRadar, RadarMax: 5, Categories: []string{"Growth", "Compliance burden", "现有供应链可直接供货 Existing suppliers can make it"},
		Series: []app.Series{{Name: "DE", Values: []float64{4, 3, 2}}}}
	opts, _ := chartOptions(t, pie, counts, trend, curve, radar)

	colors := list(opts["parts"]["color"])
	seen := map[any]bool{}
	for _, c := range colors {
		seen[c] = true
	}
	if len(colors) != 11 || len(seen) != 11 {
		t.Errorf("pie of 11 slices has colours %v: some slices share one", colors)
	}
	if colors[0] != app.HexColor(app.SeriesColor(0, 11)) {
		t.Errorf("the report's palette is not the window's: %v", colors[0])
	}
	if legend := obj(opts["parts"]["legend"]); legend["type"] != "plain" {
		t.Errorf("legend type %v: a paginated legend hides slices behind \"1/2\"", legend["type"])
	}

	y := obj(list(opts["cases"]["yAxis"])[0])
	if y["minInterval"] != 1.0 {
		t.Errorf("count axis %v, want minInterval 1 (no 0.5 cases)", y)
	}
	if obj(y["nameTextStyle"])["align"] != "left" {
		t.Errorf("axis title centred on the axis is cut at the chart's edge: %v", y["nameTextStyle"])
	}

	ty := obj(list(opts["trend"]["yAxis"])[0])
	if ty["name"] != "工作时长（小时）" {
		t.Errorf("y title %q: the unit is doubled", ty["name"])
	}
	res := list(obj(list(opts["trend"]["series"])[1])["data"])
	if obj(res[1])["value"] != "-" {
		t.Errorf("the week without a resolved case is %v, want a gap (\"-\")", res[1])
	}

	s := obj(list(opts["curve"]["series"])[0])
	x := obj(list(opts["curve"]["xAxis"])[0])
	if s["type"] != "line" || x["type"] != "value" || x["name"] != "Price (USD)" {
		t.Errorf("profit curve: series %v on x axis %v, want a line over a value axis", s["type"], x)
	}
	if p := list(obj(list(s["data"])[1])["value"]); p[0] != 14.29 {
		t.Errorf("the break-even point sits at x=%v, want its price", p[0])
	}

	for _, ind := range list(obj(opts["radar"]["radar"])["indicator"]) {
		name := fmt.Sprint(obj(ind)["name"])
		if strings.Contains(name, "…") {
			t.Errorf("radar name %q shortened", name)
		}
		if strings.HasPrefix(name, "Compliance") && name != "Compliance burden" && name != "Compliance\nburden" {
			t.Errorf("radar name %q", name)
		}
		if strings.HasPrefix(name, "现有") && !strings.Contains(name, "\n") {
			t.Errorf("long radar name %q not wrapped", name)
		}
	}
}

func TestReportTablesKeepCodesWholeAndFitThePage(t *testing.T) {
	cols := []string{"SKU", "Name", "Category", "Cost", "Weight", "Markets", "Band", "Role", "Stage", "Status"}
	r := app.Report{Title: "t", Lang: app.LangEnglish, Sections: []app.ReportSection{{ID: "s", Title: "S",
		Tables: []app.Table{{Title: "Catalogue", Columns: cols, Rows: [][]string{{"HL-KT-001", "Silicone Kitchen Utensil Set (5 pcs)", "Kitchen", "18.50", "0.42", "US, GB", "Mid", "Profit", "Maturity", "Listed"}}, Numeric: []bool{false, false, false, true}}}}}}
	page := render(t, r, app.English())
	if !strings.Contains(page, `<td class="code">HL-KT-001</td>`) {
		t.Error("a SKU cell may wrap after each hyphen (HL-/KT-/001)")
	}
	if strings.Contains(page, `<td class="code">Silicone`) {
		t.Error("a name with spaces was kept on one line")
	}
	if !strings.Contains(page, `<table class="wide">`) {
		t.Error("a ten-column table is not set tighter")
	}
	if strings.Contains(page, "th { background: #eef1f4; font-weight: 600; white-space: nowrap; }") {
		t.Error("headers that never wrap push wide tables past the page")
	}
}

// TestReportHeatmapColumnsFollowThePlan: a heatmap's column labels are
// planned like any category axis: 31 days of the month slant rather than
// lose every other label.
func TestReportHeatmapColumnsFollowThePlan(t *testing.T) {
	hm := app.Chart{ID: "heat", Kind: app.ChartHeatmap, YCategories: []string{"Mon", "Tue"}}
	for d := 1; d <= 31; d++ {
		hm.Categories = append(hm.Categories, fmt.Sprintf("2026-12-%02d", d))
	}
	hm.Matrix = [][]float64{make([]float64, 31), make([]float64, 31)}
	opts, _ := chartOptions(t, hm)
	label := obj(obj(list(opts["heat"]["xAxis"])[0])["axisLabel"])
	if label["interval"] != "0" || label["rotate"] == nil || label["rotate"] == 0.0 {
		t.Errorf("heatmap column labels %v, want all of them, slanted", label)
	}
}
