// Package report renders an app.Report as one self-contained HTML file: the
// echarts build, the styles and every chart's data are inlined, so the file
// opens offline, can be mailed or archived, and never reaches the network.
package report

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"github.com/seller-assistant/seller-assistant/app"
	"github.com/seller-assistant/seller-assistant/app/atomicfile"
)

// Render writes r as a complete HTML5 page to w. js is the echarts build
// (assets.EchartsJS) and is inlined once in the head. l supplies the page's own
// words ("Contents", "No data yet"); a nil l means English.
//
// Every chart is validated before anything is written, so a broken chart makes
// Render fail without emitting a partial page.
func Render(w io.Writer, r app.Report, l *app.Localizer, js []byte) error {
	if l == nil {
		l = app.English()
	}
	p, err := buildPage(r, l, js)
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	// Write errors are returned as they are: the caller names the file
	// (atomicfile explains a full disk), so no "report:" prefix repeats.
	if err := pageTemplate.Execute(bw, p); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return nil
}

// WriteFile renders r into path through atomicfile: a temporary file in
// the same folder renamed over path, so a crash or a render error never
// leaves a half-written report where the user expects a good one, and a
// path that is the workspace (one of protect) or any database is refused.
// The file is 0600: the report holds customer data.
func WriteFile(path string, r app.Report, l *app.Localizer, js []byte, protect ...string) error {
	return atomicfile.Write(path, func(w io.Writer) error { return Render(w, r, l, js) }, protect...)
}

// Message keys of the page's fixed words.
const (
	keyContents  = "report.contents"
	keyGenerated = "report.generated"
	keyNoData    = "report.no_data"
	keyNoScript  = "report.noscript"
)

type page struct {
	Lang          string
	Title         string
	Subtitle      string
	Generated     bool
	GeneratedISO  string
	GeneratedText string
	Footer        string
	Sections      []sectionView

	ContentsLabel  string
	GeneratedLabel string
	NoData         string
	NoScript       string

	CSS    template.CSS
	JS     template.JS
	InitJS template.JS
}

type sectionView struct {
	Anchor string
	Title  string
	Intro  string
	Charts []chartView
	Tables []tableView
}

type chartView struct {
	Anchor string
	Title  string
	Note   string
	Empty  bool

	DivID  string
	OptID  string
	Kind   string
	Height int
	Unit   string
	XUnit  string
	XLabel string
	YLabel string
	Option template.JS // JSON with <, > and & escaped, see optionJSON
}

type tableView struct {
	Title   string
	Columns []cellView
	Rows    [][]cellView
	Empty   bool
	Wide    bool // many columns: set tighter, so the table fits the page instead of scrolling sideways
}

type cellView struct {
	Text string
	Num  bool
	Code bool // a SKU, id or date: kept on one line (browsers break "HL-KT-001" after each hyphen)
}

// wideTable is the column count from which a table is set tighter.
const wideTable = 8

// codeLike reports a short token without spaces made of ASCII letters,
// digits and joiners that has a digit or a hyphen: "HL-KT-001",
// "2026-12-02", "HL10390". Words and sentences still wrap.
func codeLike(s string) bool {
	if s == "" || len(s) > 24 || !strings.ContainsAny(s, "0123456789-") {
		return false
	}
	for _, r := range s {
		ok := r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || strings.ContainsRune("-_./:#", r)
		if !ok {
			return false
		}
	}
	return true
}

func buildPage(r app.Report, l *app.Localizer, js []byte) (*page, error) {
	script, err := inlineScript(js)
	if err != nil {
		return nil, err
	}
	p := &page{
		Lang:           htmlLang(r.Lang),
		Title:          r.Title,
		Subtitle:       r.Subtitle,
		Footer:         r.Footer,
		ContentsLabel:  l.T(keyContents),
		GeneratedLabel: l.T(keyGenerated),
		NoData:         l.T(keyNoData),
		NoScript:       l.T(keyNoScript),
		CSS:            template.CSS(pageCSS),
		JS:             script,
		InitJS:         template.JS(initJS),
	}
	if !r.Generated.IsZero() {
		p.Generated = true
		p.GeneratedISO = r.Generated.Format("2006-01-02T15:04:05Z07:00")
		p.GeneratedText = r.Generated.Format("2006-01-02 15:04")
	}

	anchors := anchorSet{}
	n := 0
	for si, s := range r.Sections {
		sv := sectionView{
			Anchor: anchors.take(s.ID, "section-"+strconv.Itoa(si+1)),
			Title:  s.Title,
			Intro:  s.Intro,
		}
		for _, c := range s.Charts {
			n++
			cv, err := buildChart(c, n)
			if err != nil {
				return nil, fmt.Errorf("section %q: chart %q: %w", s.ID, c.ID, err)
			}
			cv.Anchor = anchors.take(c.ID, "chart-"+strconv.Itoa(n))
			sv.Charts = append(sv.Charts, cv)
		}
		for _, t := range s.Tables {
			sv.Tables = append(sv.Tables, buildTable(t))
		}
		p.Sections = append(p.Sections, sv)
	}
	return p, nil
}

// inlineScript makes the echarts build safe to place between <script> tags.
// "</script" would end the element early, and "<!--" can switch the HTML
// parser into a state where a later "</script>" no longer closes it.
func inlineScript(js []byte) (template.JS, error) {
	if len(bytes.TrimSpace(js)) == 0 {
		return "", fmt.Errorf("the echarts script is empty; run `make assets` and rebuild")
	}
	lower := bytes.ToLower(js)
	if bytes.Contains(lower, []byte("<!--")) {
		return "", fmt.Errorf("the echarts script contains \"<!--\" and cannot be inlined safely")
	}
	if i := bytes.Index(lower, []byte("</script")); i >= 0 {
		// "<\/script" means the same inside JS strings, regexps and comments,
		// the only places the sequence can occur in valid code.
		var b strings.Builder
		b.Grow(len(js) + 16)
		for i >= 0 {
			b.Write(js[:i])
			b.WriteString(`<\/`)
			js, lower = js[i+2:], lower[i+2:]
			i = bytes.Index(lower, []byte("</script"))
		}
		b.Write(js)
		return template.JS(b.String()), nil
	}
	return template.JS(js), nil
}

func htmlLang(l app.Lang) string {
	if l == app.LangChinese {
		return "zh-Hans"
	}
	return "en"
}

// anchorSet hands out unique element ids: a report that repeats a chart ID
// (two modules reusing a builder) must still have working links.
type anchorSet map[string]bool

func (a anchorSet) take(id, fallback string) string {
	id = strings.TrimSpace(id)
	if id == "" {
		id = fallback
	}
	cand := id
	for i := 2; a[cand] || reservedID(cand); i++ {
		cand = id + "-" + strconv.Itoa(i)
	}
	a[cand] = true
	return cand
}

// reservedID keeps user anchors off the ids the page uses for itself.
func reservedID(id string) bool {
	return id == "top" || id == "toc" || strings.HasPrefix(id, "sa-")
}

func buildTable(t app.Table) tableView {
	num := func(i int) bool { return i < len(t.Numeric) && t.Numeric[i] }
	tv := tableView{Title: t.Title, Empty: len(t.Rows) == 0, Wide: len(t.Columns) >= wideTable}
	for i, c := range t.Columns {
		tv.Columns = append(tv.Columns, cellView{Text: c, Num: num(i)})
	}
	for _, row := range t.Rows {
		// Short rows are padded so zebra stripes and borders stay aligned.
		n := max(len(row), len(t.Columns))
		cells := make([]cellView, n)
		for i := range n {
			if i < len(row) {
				cells[i].Text = row[i]
			}
			cells[i].Num = num(i)
			cells[i].Code = !cells[i].Num && codeLike(cells[i].Text)
		}
		tv.Rows = append(tv.Rows, cells)
	}
	return tv
}

func knownKind(k app.ChartKind) bool {
	switch k {
	case app.ChartBar, app.ChartStackedBar, app.ChartLine, app.ChartPie, app.ChartDonut,
		app.ChartScatter, app.ChartHeatmap, app.ChartRadar:
		return true
	}
	return false
}

func buildChart(c app.Chart, n int) (chartView, error) {
	cv := chartView{
		Title:  c.Title,
		Note:   c.Note,
		Kind:   string(c.Kind),
		Unit:   c.Unit,
		XUnit:  c.XUnit,
		XLabel: c.XLabel,
		YLabel: c.YLabel,
		DivID:  "sa-chart-" + strconv.Itoa(n),
		OptID:  "sa-option-" + strconv.Itoa(n),
	}
	if !knownKind(c.Kind) {
		return cv, c.Validate()
	}
	// An empty chart is checked before Validate: "no series yet" is a normal
	// state of a new workspace, not a bug, and the window shows it the same way.
	if c.Empty() {
		cv.Empty = true
		return cv, nil
	}
	if err := c.Validate(); err != nil {
		return cv, err
	}
	opt, err := chartOption(c)
	if err != nil {
		return cv, err
	}
	cv.Option = opt
	cv.Height = chartHeight(c)
	return cv, nil
}

func chartHeight(c app.Chart) int {
	// Each legend row past the first takes room from the plot; the chart
	// grows by it rather than paginate the legend.
	extra := max(legendRows(c)-1, 0) * legendRowPx
	switch c.Kind {
	case app.ChartPie, app.ChartDonut:
		return 340 + extra
	case app.ChartRadar, app.ChartScatter:
		return 380 + extra
	case app.ChartHeatmap:
		return min(max(120+28*len(c.YCategories), 280), 900)
	}
	return 360 + extra
}

// echartsChart is what every go-echarts chart type offers: Validate moves the
// axis data into place and JSON returns the option object.
type echartsChart interface {
	Validate()
	JSON() map[string]interface{}
}

// chartOption builds the echarts option with go-echarts and marshals it
// ourselves: go-echarts' own snippets encode with SetEscapeHTML(false), which
// would let a category named "</script>" end the inline script.
func chartOption(c app.Chart) (template.JS, error) {
	var ec echartsChart
	switch c.Kind {
	case app.ChartBar, app.ChartStackedBar:
		ec = barChart(c)
	case app.ChartLine:
		ec = lineChart(c)
	case app.ChartPie, app.ChartDonut:
		ec = pieChart(c)
	case app.ChartScatter:
		ec = scatterChart(c)
	case app.ChartHeatmap:
		ec = heatmapChart(c)
	case app.ChartRadar:
		ec = radarChart(c)
	default:
		return "", fmt.Errorf("unknown kind %q", c.Kind)
	}
	ec.Validate()
	opt, err := plainOption(ec.JSON())
	if err != nil {
		return "", err
	}
	layoutOption(opt, c)
	b, err := optionJSON(opt)
	if err != nil {
		return "", err
	}
	return template.JS(b), nil
}

// optionJSON encodes v for a <script type="application/json"> element.
// encoding/json escapes <, >, &, U+2028 and U+2029 by default (also inside
// values go-echarts pre-encodes without escaping, which json.Marshal
// re-compacts); the check below keeps that a guarantee rather than an
// assumption if the encoder or go-echarts ever change.
func optionJSON(v any) ([]byte, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, fmt.Errorf("encoding chart options: %w", err)
	}
	if bytes.ContainsAny(b, "<>&") {
		return nil, fmt.Errorf("encoding chart options: output is not safe to inline")
	}
	return b, nil
}

// Shared option pieces. The number formatting, the unit and the HTML-escaped
// tooltips are added in the page (initJS), because echarts needs JS functions
// for them and the option here stays plain data.

func toolbox(c app.Chart) opts.Toolbox {
	return opts.Toolbox{
		Show:  opts.Bool(true),
		Right: "8",
		Top:   "0",
		Feature: &opts.ToolBoxFeature{
			SaveAsImage: &opts.ToolBoxFeatureSaveAsImage{Show: opts.Bool(true), Name: c.ID},
		},
	}
}

// legend wraps onto as many rows as it needs ("plain"), never pages ("1/2"):
// the chart makes room for the rows (legendRows).
func legend(show bool) opts.Legend {
	return opts.Legend{Show: opts.Bool(show), Type: "plain", Top: "0", Left: "center", Width: legendWidth}
}

// grid leaves room for the legend and the axis names, which echarts does not
// count when it fits the plot area.
func grid(c app.Chart, hasLegend bool) opts.Grid {
	top := 40
	if hasLegend {
		top = 32 + legendRows(c)*legendRowPx
	}
	bottom := 12
	if c.XLabel != "" || (c.Kind == app.ChartScatter && c.XUnit != "") {
		bottom = 36
	}
	if c.Kind == app.ChartHeatmap {
		bottom += 44 // the visual map sits under the plot
	}
	return opts.Grid{
		Left: "16", Right: "24", Top: strconv.Itoa(top), Bottom: strconv.Itoa(bottom),
		ContainLabel: opts.Bool(true),
	}
}

// categoryAxis shows the labels as app.PlanCategoryLabels decides for the
// report's plot width: level, rotated, and only then every Step-th one
// (Interval is how many are skipped between two drawn). HideOverlap stays on
// for a browser window narrower than the page is designed for.
func categoryAxis(c app.Chart) opts.XAxis {
	p := labelPlan(c)
	label := planLabels(c)
	gap := 30
	if p.Rotate > 0 {
		gap = 12 + int(rotatedLabelHeight(c, p)) // the title goes under the slanted labels
	}
	return opts.XAxis{
		Type: "category", Name: c.XTitle(), NameLocation: "middle", NameGap: gap,
		AxisLabel: label,
	}
}

// planLabels is the category axis label option of labelPlan(c), for the
// category charts and the heatmap's columns alike.
func planLabels(c app.Chart) *opts.AxisLabel {
	p := labelPlan(c)
	return &opts.AxisLabel{HideOverlap: opts.Bool(true), Rotate: float64(p.Rotate), Interval: strconv.Itoa(p.Step - 1)}
}

func valueYAxis(c app.Chart) opts.YAxis {
	return opts.YAxis{Type: "value", Name: c.YTitle()}
}

func barChart(c app.Chart) *charts.Bar {
	multi := len(c.Series) > 1
	bar := charts.NewBar()
	bar.SetGlobalOptions(
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis",
			AxisPointer: &opts.AxisPointer{Type: "shadow"}}),
		charts.WithLegendOpts(legend(multi)),
		charts.WithToolboxOpts(toolbox(c)),
		charts.WithGridOpts(grid(c, multi)),
		charts.WithXAxisOpts(categoryAxis(c)),
		charts.WithYAxisOpts(valueYAxis(c)),
	)
	bar.SetXAxis(c.Categories)
	stack := ""
	if c.Kind == app.ChartStackedBar {
		// One shared stack name is what makes echarts stack the series.
		stack = "total"
	}
	for _, s := range c.Series {
		data := make([]opts.BarData, len(s.Values))
		for i, v := range s.Values {
			data[i] = opts.BarData{Value: v}
		}
		bar.AddSeries(s.Name, data,
			charts.WithBarChartOpts(opts.BarChart{Stack: stack}),
			// A single category would otherwise become one bar as wide as the plot.
			charts.WithSeriesOpts(func(ss *charts.SingleSeries) { ss.BarMaxWidth = "48" }))
	}
	return bar
}

func lineChart(c app.Chart) *charts.Line {
	multi := len(c.Series) > 1
	line := charts.NewLine()
	line.SetGlobalOptions(
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis"}),
		charts.WithLegendOpts(legend(multi)),
		charts.WithToolboxOpts(toolbox(c)),
		charts.WithGridOpts(grid(c, multi)),
		charts.WithXAxisOpts(categoryAxis(c)),
		charts.WithYAxisOpts(valueYAxis(c)),
	)
	line.SetXAxis(c.Categories)
	// Markers on every point help short series; on long ones they clutter.
	showSymbol := len(c.Categories) <= 31
	for i, s := range c.Series {
		data := make([]opts.LineData, len(s.Values))
		for i, v := range s.Values {
			data[i] = opts.LineData{Value: v}
			if app.IsGap(v) {
				data[i].Value = "-" // echarts' empty value: the line breaks there
			}
		}
		so := []charts.SeriesOpts{charts.WithLineChartOpts(opts.LineChart{ShowSymbol: opts.Bool(showSymbol)})}
		if sh := c.Shade; sh != nil && i == 0 {
			so = append(so, shadeArea(c, *sh))
		}
		line.AddSeries(s.Name, data, so...)
	}
	return line
}

// shadeArea tints the categories of c.Shade (e.g. a campaign's days) with
// an echarts markArea on the first series.
func shadeArea(c app.Chart, sh app.ChartRange) charts.SeriesOpts {
	return func(s *charts.SingleSeries) {
		s.MarkAreas = &opts.MarkAreas{
			Data: []interface{}{[]map[string]interface{}{
				{"name": sh.Label, "xAxis": c.Categories[sh.From]},
				{"xAxis": c.Categories[sh.To]},
			}},
			MarkAreaStyle: opts.MarkAreaStyle{ItemStyle: &opts.ItemStyle{Color: "rgba(245, 158, 11, 0.18)"}},
		}
	}
}

func pieChart(c app.Chart) *charts.Pie {
	pie := charts.NewPie()
	pie.SetGlobalOptions(
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "item"}),
		charts.WithLegendOpts(legend(true)),
		charts.WithToolboxOpts(toolbox(c)),
	)
	s := c.Series[0]
	data := make([]opts.PieData, len(c.Categories))
	for i, name := range c.Categories {
		data[i] = opts.PieData{Name: name, Value: s.Values[i]}
	}
	var radius any = "62%"
	if c.Kind == app.ChartDonut {
		radius = []string{"45%", "70%"}
	}
	name := s.Name
	if name == "" {
		name = c.Title
	}
	pie.AddSeries(name, data,
		charts.WithPieChartOpts(opts.PieChart{Radius: radius, Center: []string{"50%", belowLegend(c)}}),
		// A label template is drawn as chart text, never parsed as HTML.
		charts.WithLabelOpts(opts.Label{Show: opts.Bool(true), Formatter: "{b}: {d}%"}),
	)
	return pie
}

func scatterChart(c app.Chart) *charts.Scatter {
	multi := len(c.Series) > 1
	sc := charts.NewScatter()
	// Both axes fit the data rather than start at 0, and stay on the frame's
	// edge instead of crossing the plot at 0 when data is negative. With
	// reference lines or quadrants the ends are fixed here, as the window
	// does, so the lines are inside the plot and the quadrant areas have
	// corners to sit in.
	xa := opts.XAxis{Type: "value", Scale: opts.Bool(true),
		Name: c.XTitle(), NameLocation: "middle", NameGap: 30,
		AxisLine: &opts.AxisLine{OnZero: opts.Bool(false)}}
	ya := opts.YAxis{Type: "value", Scale: opts.Bool(true),
		Name: c.YTitle(), AxisLine: &opts.AxisLine{OnZero: opts.Bool(false)}}
	fixed := len(c.XRefs) > 0 || len(c.YRefs) > 0 || c.Quadrants != nil
	xlo, xhi := c.XRange()
	ylo, yhi := c.ValueRange()
	if c.XLog {
		// A ratio: echarts' log axis (base 10), from the round tick at or
		// below the smallest value to the one at or above the largest.
		t := app.LogTicks(xlo, xhi)
		xlo, xhi = t[0], t[len(t)-1]
		xa.Type, xa.Scale, xa.Min, xa.Max = "log", nil, xlo, xhi
	} else if fixed {
		t := app.NiceTicks(xlo, xhi, 6)
		xlo, xhi = math.Min(xlo, t[0]), math.Max(xhi, t[len(t)-1])
		xa.Min, xa.Max = xlo, xhi
	}
	if fixed {
		t := app.NiceTicks(ylo, yhi, 6)
		ylo, yhi = math.Min(ylo, t[0]), math.Max(yhi, t[len(t)-1])
		ya.Min, ya.Max = ylo, yhi
	}
	sc.SetGlobalOptions(
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "item"}),
		charts.WithLegendOpts(legend(multi)),
		charts.WithToolboxOpts(toolbox(c)),
		charts.WithGridOpts(grid(c, multi)),
		charts.WithXAxisOpts(xa),
		charts.WithYAxisOpts(ya),
	)
	for i, s := range c.Series {
		tagged := false
		for _, pt := range s.Points {
			tagged = tagged || pt.Tag != ""
		}
		data := make([]opts.ScatterData, len(s.Points))
		for i, pt := range s.Points {
			data[i] = opts.ScatterData{Name: pt.Label, Value: []float64{pt.X, pt.Y}}
			if tagged {
				// The tag rides as a third value, so the label template can
				// read it ({@[2]}) without a JS function in the option.
				data[i].Value = []any{pt.X, pt.Y, pt.Tag}
			}
		}
		so := []charts.SeriesOpts{charts.WithScatterChartOpts(opts.ScatterChart{SymbolSize: 11})}
		if s.Line {
			// A curve over the number axis: echarts draws a line series on
			// value axes from the same [x, y] pairs.
			so = append(so, func(ss *charts.SingleSeries) { ss.Type, ss.SymbolSize = "line", 6 })
		}
		if tagged {
			so = append(so, charts.WithLabelOpts(opts.Label{Show: opts.Bool(true), Position: "right", Formatter: "{@[2]}"}))
		}
		if i == 0 {
			so = append(so, referenceMarks(c, xlo, xhi, ylo, yhi))
		}
		sc.AddSeries(s.Name, data, so...)
	}
	return sc
}

// referenceMarks draws c's reference lines as an echarts markLine and its
// quadrant names as four unfilled markAreas labelled in their outer corners.
func referenceMarks(c app.Chart, xlo, xhi, ylo, yhi float64) charts.SeriesOpts {
	return func(s *charts.SingleSeries) {
		var lines []any
		// A vertical line's label goes above its top end, level; a
		// horizontal one's sits on the line at its right end.
		for _, r := range c.XRefs {
			lines = append(lines, map[string]any{"name": r.Label, "xAxis": r.Value, "label": map[string]any{"position": "end"}})
		}
		for _, r := range c.YRefs {
			lines = append(lines, map[string]any{"name": r.Label, "yAxis": r.Value, "label": map[string]any{"position": "insideEndTop"}})
		}
		if len(lines) > 0 {
			s.MarkLines = &opts.MarkLines{Data: lines, MarkLineStyle: opts.MarkLineStyle{
				Symbol:    []string{"none", "none"},
				Label:     &opts.Label{Show: opts.Bool(true), Formatter: "{b}"},
				LineStyle: &opts.LineStyle{Color: "#475569", Width: 1.5, Type: "dashed"},
			}}
		}
		q := c.Quadrants
		if q == nil || len(c.XRefs) == 0 || len(c.YRefs) == 0 {
			return
		}
		xm, ym := c.XRefs[0].Value, c.YRefs[0].Value
		area := func(name, pos string, x0, y0, x1, y1 float64) any {
			return []map[string]any{
				{"name": name, "xAxis": x0, "yAxis": y0, "label": map[string]any{"position": pos}},
				{"xAxis": x1, "yAxis": y1},
			}
		}
		s.MarkAreas = &opts.MarkAreas{
			Data: []any{
				area(q.TopLeft, "insideTopLeft", xlo, ym, xm, yhi),
				area(q.TopRight, "insideTopRight", xm, ym, xhi, yhi),
				area(q.BottomLeft, "insideBottomLeft", xlo, ylo, xm, ym),
				area(q.BottomRight, "insideBottomRight", xm, ylo, xhi, ym),
			},
			MarkAreaStyle: opts.MarkAreaStyle{
				ItemStyle: &opts.ItemStyle{Color: "rgba(0, 0, 0, 0)"},
				Label:     &opts.Label{Show: opts.Bool(true), Color: "#64748b", FontWeight: "bold"},
			},
		}
	}
}

func heatmapChart(c app.Chart) *charts.HeatMap {
	lo, hi := c.ValueRange()
	hm := charts.NewHeatMap()
	hm.SetGlobalOptions(
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "item"}),
		charts.WithLegendOpts(legend(false)),
		charts.WithToolboxOpts(toolbox(c)),
		charts.WithGridOpts(grid(c, false)),
		// HeatMap.Validate, unlike Bar's, does not move SetXAxis data onto the
		// axis, so the categories go on the axis directly.
		charts.WithXAxisOpts(opts.XAxis{Type: "category", Name: c.XTitle(), NameLocation: "middle", NameGap: 30,
			Data: c.Categories, SplitArea: &opts.SplitArea{Show: opts.Bool(true)},
			AxisLabel: planLabels(c)}),
		// Rows read top-down like a table (Monday first), not bottom-up.
		// The name goes at the top ("start" of an inverted axis), over the
		// row labels, where there is room for it.
		charts.WithYAxisOpts(opts.YAxis{Type: "category", Name: c.YLabel, NameLocation: "start", Data: c.YCategories, Inverse: opts.Bool(true),
			SplitArea: &opts.SplitArea{Show: opts.Bool(true)}}),
		charts.WithVisualMapOpts(opts.VisualMap{
			Type:       "continuous",
			Calculable: opts.Bool(true),
			Min:        float32(lo),
			Max:        float32(hi),
			Orient:     "horizontal",
			Left:       "center",
			Bottom:     "0",
			InRange:    &opts.VisualMapInRange{Color: []string{"#eef4fb", "#9ec5e8", "#3b7dc4", "#173f73"}},
		}),
	)
	data := make([]opts.HeatMapData, 0, len(c.Categories)*len(c.YCategories))
	for y, row := range c.Matrix {
		for x, v := range row {
			data = append(data, opts.HeatMapData{Value: [3]float64{float64(x), float64(y), v}})
		}
	}
	name := c.Title
	if len(c.Series) > 0 && c.Series[0].Name != "" {
		name = c.Series[0].Name
	}
	// Numbers in the cells only while they fit; a 7x24 grid would be unreadable.
	showLabels := len(c.Categories)*len(c.YCategories) <= 60
	hm.AddSeries(name, data, charts.WithLabelOpts(opts.Label{Show: opts.Bool(showLabels)}))
	return hm
}

func radarChart(c app.Chart) *charts.Radar {
	top := c.RadarMax
	if top <= 0 {
		for _, s := range c.Series {
			for _, v := range s.Values {
				top = math.Max(top, v)
			}
		}
		top *= 1.1
		if top <= 0 {
			top = 1
		}
	}
	ind := make([]*opts.Indicator, len(c.Categories))
	for i, name := range c.Categories {
		ind[i] = &opts.Indicator{Name: radarName(name), Max: float32(top)}
	}
	rd := charts.NewRadar()
	rd.SetGlobalOptions(
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "item"}),
		charts.WithLegendOpts(legend(true)),
		charts.WithToolboxOpts(toolbox(c)),
		// echarts' default indicator grey is too faint to read or print.
		charts.WithRadarComponentOpts(opts.RadarComponent{Indicator: ind, SplitNumber: 4, Center: []string{"50%", belowLegend(c)},
			AxisName: &opts.AxisName{Color: "#5b636d"}}),
	)
	for _, s := range c.Series {
		rd.AddSeries(s.Name, []opts.RadarData{{Name: s.Name, Value: s.Values}},
			charts.WithAreaStyleOpts(opts.AreaStyle{Opacity: opts.Float(0.15)}))
	}
	return rd
}

var pageTemplate = template.Must(template.New("report").Parse(pageHTML))

// The page keeps to one <script> in the head (the echarts build), the chart
// options as inert JSON elements and one static script that draws them; no
// template value is ever interpolated into executable script.
const pageHTML = `<!DOCTYPE html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}}</title>
<style>{{.CSS}}</style>
<script>{{.JS}}</script>
</head>
<body>
<div class="page">
<header class="doc-head" id="top">
<h1>{{.Title}}</h1>
{{- with .Subtitle}}
<p class="subtitle">{{.}}</p>
{{- end}}
{{- if .Generated}}
<p class="generated">{{.GeneratedLabel}} <time datetime="{{.GeneratedISO}}">{{.GeneratedText}}</time></p>
{{- end}}
</header>
<noscript><p class="noscript">{{.NoScript}}</p></noscript>
{{- if .Sections}}
<nav class="toc" id="toc">
<h2>{{.ContentsLabel}}</h2>
<ol>
{{- range .Sections}}
<li><a href="#{{.Anchor}}">{{.Title}}</a></li>
{{- end}}
</ol>
</nav>
{{- end}}
<main>
{{- range .Sections}}
<section id="{{.Anchor}}">
<h2>{{.Title}}</h2>
{{- with .Intro}}
<p class="intro">{{.}}</p>
{{- end}}
{{- range .Charts}}
<figure class="figure" id="{{.Anchor}}">
<h3>{{.Title}}</h3>
{{- if .Empty}}
<p class="no-data">{{$.NoData}}</p>
{{- else}}
<div class="chart" id="{{.DivID}}" style="height: {{.Height}}px" role="img" aria-label="{{.Title}}" data-option="{{.OptID}}" data-kind="{{.Kind}}" data-unit="{{.Unit}}" data-xunit="{{.XUnit}}" data-xlabel="{{.XLabel}}" data-ylabel="{{.YLabel}}"></div>
<script type="application/json" id="{{.OptID}}">{{.Option}}</script>
{{- end}}
{{- with .Note}}
<figcaption class="note">{{.}}</figcaption>
{{- end}}
</figure>
{{- end}}
{{- range .Tables}}
<div class="table-wrap">
<table{{if .Wide}} class="wide"{{end}}>
{{- with .Title}}
<caption>{{.}}</caption>
{{- end}}
<thead><tr>{{range .Columns}}<th{{if .Num}} class="num"{{end}}>{{.Text}}</th>{{end}}</tr></thead>
<tbody>
{{- range .Rows}}
<tr>{{range .}}<td{{if .Num}} class="num"{{else if .Code}} class="code"{{end}}>{{.Text}}</td>{{end}}</tr>
{{- end}}
</tbody>
</table>
{{- if .Empty}}
<p class="no-data">{{$.NoData}}</p>
{{- end}}
</div>
{{- end}}
</section>
{{- end}}
</main>
{{- with .Footer}}
<footer class="doc-foot">{{.}}</footer>
{{- end}}
</div>
<script>{{.InitJS}}</script>
</body>
</html>
`

const pageCSS = `
:root {
  --fg: #1f2328; --muted: #5b636d; --line: #d8dee4; --zebra: #f5f7f9;
  --accent: #2f5fa7; --bg: #ffffff;
  --font: -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", Arial,
    "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC",
    "WenQuanYi Micro Hei", sans-serif;
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; background: var(--bg); color: var(--fg); font-family: var(--font);
  font-size: 15px; line-height: 1.6; }
.page { max-width: 1080px; margin: 0 auto; padding: 32px 24px 48px; }
h1 { font-size: 1.9rem; line-height: 1.25; margin: 0 0 .25rem; }
h2 { font-size: 1.35rem; margin: 2.2rem 0 .6rem; padding-bottom: .3rem; border-bottom: 1px solid var(--line); }
h3 { font-size: 1.05rem; margin: 0 0 .5rem; }
.subtitle { margin: 0; font-size: 1.05rem; color: var(--muted); }
.generated { margin: .25rem 0 0; color: var(--muted); font-size: .9rem; }
.doc-head { padding-bottom: 1rem; border-bottom: 3px solid var(--accent); }
.noscript { padding: .6rem .9rem; background: #fff5d6; border: 1px solid #e6c55c; border-radius: 6px; }
.toc { margin: 1.5rem 0; padding: .8rem 1.2rem; background: var(--zebra); border-radius: 8px; }
.toc h2 { margin: 0 0 .4rem; border: 0; padding: 0; font-size: 1.1rem; }
.toc ol { margin: 0; padding-left: 1.4rem; columns: 2 16rem; column-gap: 2rem; }
.toc a { color: var(--accent); text-decoration: none; }
.toc a:hover { text-decoration: underline; }
.intro, .note { white-space: pre-line; }
.intro { margin: 0 0 1rem; }
.figure { margin: 0 0 1.6rem; padding: 14px 16px 10px; border: 1px solid var(--line); border-radius: 8px;
  break-inside: avoid; page-break-inside: avoid; }
.chart { width: 100%; min-height: 240px; }
.note { margin: .4rem 0 0; color: var(--muted); font-size: .85rem; }
.no-data { margin: .4rem 0; padding: 1.4rem; text-align: center; color: var(--muted);
  background: var(--zebra); border-radius: 6px; }
.table-wrap { margin: 0 0 1.6rem; overflow-x: auto; break-inside: avoid; page-break-inside: avoid; }
table { border-collapse: collapse; width: 100%; font-size: .92rem; }
caption { text-align: left; font-weight: 600; padding: 0 0 .4rem; }
th, td { padding: .4rem .7rem; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
th { background: #eef1f4; font-weight: 600; }
.code { white-space: nowrap; }
table.wide { font-size: .8rem; }
table.wide th, table.wide td { padding: .35rem .4rem; }
tbody tr:nth-child(even) td { background: var(--zebra); }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
th.num { white-space: normal; } /* a long header wraps; its numbers stay whole */
.doc-foot { margin-top: 2.5rem; padding-top: .8rem; border-top: 1px solid var(--line); color: var(--muted); font-size: .85rem; }
@media (max-width: 640px) {
  .page { padding: 16px 12px 32px; }
  h1 { font-size: 1.5rem; }
  .figure { padding: 10px 8px 8px; }
}
@media print {
  @page { margin: 14mm 12mm; }
  body { font-size: 11pt; }
  .page { max-width: none; padding: 0; }
  .toc { background: none; border: 1px solid var(--line); }
  .toc a { color: inherit; }
  .noscript { display: none; }
  h2 { break-after: avoid; page-break-after: avoid; }
  tbody tr:nth-child(even) td, th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`

// initJS draws every chart from its JSON option. Tooltip formatters that
// return HTML escape every user string themselves; echarts' default tooltip
// and chart text (legend, axes, labels) already never parse names as HTML.
const initJS = `(function () {
  'use strict';
  if (!window.echarts) { return; }
  var zh = (document.documentElement.lang || '').indexOf('zh') === 0;
  var nf = new Intl.NumberFormat(zh ? 'zh-CN' : 'en-US', { maximumFractionDigits: 2 });
  var font = window.getComputedStyle(document.body).fontFamily;
  var ESC = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
  function esc(s) { return String(s == null ? '' : s).replace(/[&<>"']/g, function (c) { return ESC[c]; }); }
  function num(v, unit) {
    if (typeof v !== 'number' || !isFinite(v)) { return v == null ? '-' : String(v); }
    var s = nf.format(v);
    if (!unit) { return s; }
    return unit === '%' ? s + '%' : s + ' ' + unit;
  }
  function trim(s) { return s.indexOf('.') < 0 ? s : s.replace(/0+$/, '').replace(/\.$/, ''); }
  // The same compact form as app.FormatValue, so axes read like the window.
  function compact(v) {
    var a = Math.abs(v);
    if (a >= 1e9) { return trim((v / 1e9).toFixed(2)) + 'B'; }
    if (a >= 1e6) { return trim((v / 1e6).toFixed(2)) + 'M'; }
    if (a >= 1e4) { return trim((v / 1e3).toFixed(1)) + 'k'; }
    if (a >= 100 || a === Math.trunc(a)) { return v.toFixed(0); }
    return trim(v.toFixed(2));
  }
  function first(x) { return Array.isArray(x) ? x[0] : x; }
  function decorate(opt, d) {
    var kind = d.kind, unit = d.unit || '', xunit = d.xunit || '';
    opt.textStyle = { fontFamily: font };
    opt.tooltip = opt.tooltip || {};
    opt.tooltip.confine = true;
    opt.tooltip.valueFormatter = function (v) { return num(v, unit); };
    var xa = first(opt.xAxis), ya = first(opt.yAxis);
    if (ya && ya.type === 'value') { ya.axisLabel = ya.axisLabel || {}; ya.axisLabel.formatter = compact; }
    if (xa && xa.type === 'value') { xa.axisLabel = xa.axisLabel || {}; xa.axisLabel.formatter = compact; }
    if (kind === 'pie' || kind === 'donut') {
      opt.tooltip.formatter = function (p) {
        // A share of a chart already in % would just repeat the value.
        var share = unit === '%' ? '' : ' (' + esc(p.percent) + '%)';
        return esc(p.seriesName) + '<br>' + p.marker + esc(p.name) + ': <b>' + esc(num(p.value, unit)) + '</b>' + share;
      };
    } else if (kind === 'scatter') {
      var xl = d.xlabel || 'x', yl = d.ylabel || 'y';
      opt.tooltip.formatter = function (p) {
        var v = p.value || [];
        return p.marker + esc(p.seriesName) + (p.name ? '<br><b>' + esc(p.name) + '</b>' : '') +
          '<br>' + esc(xl) + ': ' + esc(num(v[0], xunit)) + '<br>' + esc(yl) + ': ' + esc(num(v[1], unit));
      };
    } else if (kind === 'heatmap') {
      var xs = (xa && xa.data) || [], ys = (ya && ya.data) || [];
      opt.tooltip.formatter = function (p) {
        var v = p.value || [];
        return esc(ys[v[1]]) + ' · ' + esc(xs[v[0]]) + '<br>' + p.marker + '<b>' + esc(num(v[2], unit)) + '</b>';
      };
      (opt.series || []).forEach(function (s) {
        if (s.label && s.label.show) { s.label.formatter = function (p) { return compact(p.value[2]); }; }
      });
      (opt.visualMap || []).forEach(function (m) { m.formatter = function (v) { return compact(v); }; });
    }
  }
  var drawn = [];
  var els = document.querySelectorAll('div.chart[data-option]');
  for (var i = 0; i < els.length; i++) {
    var el = els[i];
    try {
      var src = document.getElementById(el.getAttribute('data-option'));
      var opt = JSON.parse(src.textContent);
      decorate(opt, el.dataset);
      var chart = echarts.init(el, null, { renderer: 'svg', locale: zh ? 'ZH' : 'EN' });
      chart.setOption(opt);
      drawn.push(chart);
    } catch (e) {
      el.textContent = String(e && e.message || e);
    }
  }
  function resizeAll() { for (var j = 0; j < drawn.length; j++) { drawn[j].resize(); } }
  // Printing lays the page out narrower than the screen, so charts are redrawn
  // at that width, without animation: the page is captured at once and would
  // otherwise show half-grown bars.
  function forPrint() {
    for (var j = 0; j < drawn.length; j++) { drawn[j].setOption({ animation: false }); }
    resizeAll();
  }
  var pending = 0;
  window.addEventListener('resize', function () {
    clearTimeout(pending);
    pending = setTimeout(resizeAll, 100);
  });
  window.addEventListener('beforeprint', forPrint);
  window.addEventListener('afterprint', resizeAll);
  if (window.matchMedia) {
    var mq = window.matchMedia('print');
    if (mq.addEventListener) { mq.addEventListener('change', function (e) { if (e.matches) { forPrint(); } else { resizeAll(); } }); }
  }
})();
`
