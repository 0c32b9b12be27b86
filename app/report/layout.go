package report

import (
	"encoding/json"
	"fmt"
	"math"
	"strings"

	"github.com/seller-assistant/seller-assistant/app"
)

// The report's side of the chart model's layout rules. The page is laid out
// in Go, before any browser measures text, so sizes come from the page's
// design width and app.EstimateTextWidth, which errs wide. A window narrower
// than the design keeps echarts' own overlap hiding as a last resort.
const (
	designPlotPx = 880.0 // the plot's width in a 1080 px page: chart width minus axis labels and margins
	labelPx      = 12.0  // echarts' axis label and legend font size
	labelLinePx  = 16.0
	maxLabelPx   = 140.0 // a longer category label is shortened with "…"; the tooltip shows it whole
	legendWidth  = "75%"
	legendPx     = 740.0 // 75 % of the chart's width
	legendRowPx  = 24    // one legend row: a 14 px item and the 10 px gap under it
	radarNamePx  = 120.0 // the width a radar indicator's name wraps at
)

func estimate(s string) float64 { return app.EstimateTextWidth(s, labelPx) }

// labelPlan is how c's category labels are drawn in the report.
func labelPlan(c app.Chart) app.LabelPlan {
	n := len(c.Categories)
	if n == 0 {
		return app.LabelPlan{Lines: 1, Step: 1}
	}
	w := designPlotPx
	if c.Kind == app.ChartHeatmap {
		w -= 80 // the row labels
	}
	return app.PlanCategoryLabels(c.Categories, app.LabelRoom{Slot: w / float64(n), LineHeight: labelLinePx,
		MaxWidth: maxLabelPx, CanRotate: true}, estimate)
}

// widestLabel is the estimated width of c's widest category label, as drawn
// (at most maxLabelPx).
func widestLabel(c app.Chart) float64 {
	w := 0.0
	for _, s := range c.Categories {
		w = math.Max(w, estimate(s))
	}
	return math.Min(w, maxLabelPx)
}

// rotatedLabelHeight is how far labels rotated by p.Rotate reach below the axis.
func rotatedLabelHeight(c app.Chart, p app.LabelPlan) float64 {
	rad := float64(p.Rotate) * math.Pi / 180
	return widestLabel(c)*math.Sin(rad) + labelLinePx*math.Cos(rad)
}

// legendItems are the entries c's legend shows, none when it has no legend.
func legendItems(c app.Chart) []string {
	switch c.Kind {
	case app.ChartPie, app.ChartDonut:
		return c.Categories
	case app.ChartHeatmap:
		return nil
	case app.ChartRadar:
	default:
		if len(c.Series) < 2 {
			return nil
		}
	}
	names := make([]string, len(c.Series))
	for i, s := range c.Series {
		names[i] = s.Name
	}
	return names
}

// legendRows is how many rows c's legend wraps onto in legendPx: each item
// is a 25 px symbol, 5 px, its text and a 10 px gap.
func legendRows(c app.Chart) int {
	items := legendItems(c)
	if len(items) == 0 {
		return 0
	}
	rows, x := 1, 0.0
	for _, s := range items {
		w := 25 + 5 + estimate(s) + 10
		if x > 0 && x+w > legendPx {
			rows++
			x = 0
		}
		x += w
	}
	return rows
}

// belowLegend is the vertical centre of a pie or radar: the middle of what
// the legend leaves of the chart's height, a little low for the labels
// echarts draws above the top slice.
func belowLegend(c app.Chart) string {
	top := 8 + legendRows(c)*legendRowPx
	h := chartHeight(c)
	return fmt.Sprint(top+(h-top)/2+8) + "px"
}

// radarName wraps an indicator's name onto lines (app.WrapLabel), so a long
// name ("Compliance burden", "现有供应链可直接供货") is read whole.
func radarName(s string) string {
	lines, _ := app.WrapLabel(s, radarNamePx, 2, estimate)
	return strings.Join(lines, "\n")
}

// plainOption turns go-echarts' option into plain JSON values, so the
// fields go-echarts has no struct field for can be set (layoutOption).
func plainOption(v map[string]interface{}) (map[string]any, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, fmt.Errorf("encoding chart options: %w", err)
	}
	var opt map[string]any
	if err := json.Unmarshal(b, &opt); err != nil {
		return nil, fmt.Errorf("encoding chart options: %w", err)
	}
	return opt, nil
}

// layoutOption sets what the model decides and go-echarts cannot say: the
// model's palette (as in the window, and never repeating, so no two pie
// slices share a colour), whole-number ticks for counts, category labels
// shortened past maxLabelPx with room on the left for the first slanted one,
// and value-axis titles that start at the axis and run right, instead of
// centring on it and being cut off at the chart's left edge.
func layoutOption(opt map[string]any, c app.Chart) {
	n := len(c.Series)
	if c.Kind == app.ChartPie || c.Kind == app.ChartDonut {
		n = len(c.Categories)
	}
	if n > 0 {
		colors := make([]any, n)
		for i, col := range app.Palette(n) {
			colors[i] = app.HexColor(col)
		}
		opt["color"] = colors
	}
	for _, a := range axes(opt["yAxis"]) {
		a["nameTextStyle"] = map[string]any{"align": "left"}
		if a["type"] == "value" && c.Counts {
			a["minInterval"] = 1
		}
	}
	for _, a := range axes(opt["xAxis"]) {
		if a["type"] != "category" {
			continue
		}
		label, _ := a["axisLabel"].(map[string]any)
		if label == nil {
			label = map[string]any{}
			a["axisLabel"] = label
		}
		p := labelPlan(c)
		// Slanted labels are shortened past maxLabelPx; a level one has
		// its whole category's width.
		label["width"], label["overflow"] = maxLabelPx, "truncate"
		if p.Rotate == 0 && len(c.Categories) > 0 {
			label["width"] = math.Max(maxLabelPx, designPlotPx/float64(len(c.Categories))-labelLinePx*0.4)
		}
		if p.Rotate == 0 || len(c.Categories) == 0 {
			continue
		}
		// A slanted label ends at its tick, so the first one reaches left
		// of the plot by its width × cos(angle), less half a category and
		// the value labels' room (about 40 px).
		slot := designPlotPx / float64(len(c.Categories))
		reach := widestLabel(c)*math.Cos(float64(p.Rotate)*math.Pi/180) - slot/2 - 40
		if grids := axes(opt["grid"]); len(grids) > 0 && reach > 0 {
			grids[0]["left"] = fmt.Sprint(16 + int(math.Ceil(reach)))
		}
	}
}

// axes is an option's axis (or grid) list as maps; go-echarts writes lists.
func axes(v any) []map[string]any {
	var out []map[string]any
	switch x := v.(type) {
	case []any:
		for _, e := range x {
			if m, ok := e.(map[string]any); ok {
				out = append(out, m)
			}
		}
	case map[string]any:
		out = append(out, x)
	}
	return out
}
