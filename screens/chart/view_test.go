package chart

import (
	"fmt"
	"image/color"
	"math"
	"sort"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"github.com/seller-assistant/seller-assistant/app"
)

const testEmptyText = "Nothing to chart yet"

var testChartSize = fyne.NewSize(640, 420)

func newTestChartView(t testing.TB, c app.Chart) *View {
	t.Helper()
	test.NewTempApp(t)
	if err := c.Validate(); err != nil && !c.Empty() {
		t.Fatalf("test chart is invalid: %v", err)
	}
	w := NewView(c, testEmptyText)
	w.Resize(testChartSize)
	if w.render == nil || w.layout == nil {
		t.Fatal("Resize did not create the renderer and its layout")
	}
	return w
}

func hoverAt(w *View, p fyne.Position) string {
	w.MouseMoved(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: p}})
	return w.HoverText()
}

func barAt(t *testing.T, l *chartLayout, series, cat int) barMark {
	t.Helper()
	for _, b := range l.bars {
		if b.series == series && b.cat == cat {
			return b
		}
	}
	t.Fatalf("no bar for series %d, category %d", series, cat)
	return barMark{}
}

func pointAt(t *testing.T, l *chartLayout, series, index int) pointMark {
	t.Helper()
	for _, p := range l.points {
		if p.series == series && p.index == index {
			return p
		}
	}
	t.Fatalf("no point for series %d, index %d", series, index)
	return pointMark{}
}

func centre(pos fyne.Position, size fyne.Size) fyne.Position {
	return pos.AddXY(size.Width/2, size.Height/2)
}

func drawnTexts(w *View) []string {
	var out []string
	for _, o := range w.render.Objects() {
		if t, ok := o.(*canvas.Text); ok && t.Visible() {
			out = append(out, t.Text)
		}
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func TestChartHoverBar(t *testing.T) {
	w := newTestChartView(t, app.Chart{
		Title: "Daily revenue", Kind: app.ChartBar, Unit: "USD",
		Categories: []string{"Mon", "Tue", "Wed"},
		Series: []app.Series{
			{Name: "Sales", Values: []float64{10, 20, 30}},
			{Name: "Ads", Values: []float64{5, 12, 3}},
		},
	})
	l := w.layout
	mon, tue := barAt(t, l, 1, 0), barAt(t, l, 1, 1)
	if !(tue.size.Height > 2*mon.size.Height) {
		t.Errorf("bar for 12 (h=%v) should be over twice as tall as bar for 5 (h=%v)", tue.size.Height, mon.size.Height)
	}
	if sales := barAt(t, l, 0, 1); !(sales.pos.X < tue.pos.X) {
		t.Errorf("grouped bars: series 0 should sit left of series 1 (%v vs %v)", sales.pos.X, tue.pos.X)
	}
	if got, want := hoverAt(w, centre(tue.pos, tue.size)), "Ads · Tue: 12 USD"; got != want {
		t.Errorf("hover = %q, want %q", got, want)
	}
	if !w.render.hlRect.Visible() || !w.render.tipBox.Visible() || w.render.tipText.Text != "Ads · Tue: 12 USD" {
		t.Error("hovering a bar should show the highlight and the tooltip box with the text")
	}
	if got := hoverAt(w, fyne.NewPos(2, 2)); got != "" {
		t.Errorf("hover outside any bar = %q, want none", got)
	}
	hoverAt(w, centre(tue.pos, tue.size))
	w.MouseOut()
	if w.HoverText() != "" || w.render.hlRect.Visible() || w.render.tipBox.Visible() || w.render.tipText.Visible() {
		t.Error("MouseOut should hide the tooltip and highlight")
	}
}

func TestChartHoverStackedBar(t *testing.T) {
	w := newTestChartView(t, app.Chart{
		Kind: app.ChartStackedBar, Categories: []string{"X", "Y"},
		Series: []app.Series{{Name: "A", Values: []float64{3, 4}}, {Name: "B", Values: []float64{5, 6}}},
	})
	a, b := barAt(t, w.layout, 0, 1), barAt(t, w.layout, 1, 1)
	if math.Abs(float64(b.pos.Y+b.size.Height-a.pos.Y)) > 0.5 || a.pos.X != b.pos.X {
		t.Errorf("B should be stacked right on top of A: A at %v, B at %v size %v", a.pos, b.pos, b.size)
	}
	if got, want := hoverAt(w, centre(b.pos, b.size)), "B · Y: 6"; got != want {
		t.Errorf("hover = %q, want %q", got, want)
	}
	if got, want := hoverAt(w, centre(a.pos, a.size)), "A · Y: 4"; got != want {
		t.Errorf("hover = %q, want %q", got, want)
	}
}

func TestChartHoverLine(t *testing.T) {
	w := newTestChartView(t, app.Chart{
		Kind: app.ChartLine, Categories: []string{"Jan", "Feb", "Mar"},
		Series: []app.Series{{Name: "Visits", Values: []float64{100, 250, 175}}},
	})
	l := w.layout
	p0, p1 := pointAt(t, l, 0, 0), pointAt(t, l, 0, 1)
	if !(p1.pos.Y < p0.pos.Y && p1.pos.X > p0.pos.X) {
		t.Errorf("250 in Feb should be right of and above 100 in Jan: %v vs %v", p1.pos, p0.pos)
	}
	if len(l.lines) != 2 || l.markers != markersCircles {
		t.Errorf("want 2 segments with circle markers, got %d segments, markers %v", len(l.lines), l.markers)
	}
	if got, want := hoverAt(w, p1.pos.AddXY(5, 5)), "Visits · Feb: 250"; got != want {
		t.Errorf("hover near point = %q, want %q", got, want)
	}
	if !w.render.hlCircle.Visible() {
		t.Error("hovering a point should show the point highlight")
	}
	if got := hoverAt(w, p1.pos.AddXY(0, hoverRadius+4)); got != "" {
		t.Errorf("hover %dpx below the point = %q, want none", hoverRadius+4, got)
	}
}

func TestChartHoverPie(t *testing.T) {
	w := newTestChartView(t, app.Chart{
		Kind: app.ChartPie, Unit: "%", Categories: []string{"Amazon", "eBay", "Shop"},
		Series: []app.Series{{Values: []float64{50, 30, 20}}},
	})
	l := w.layout
	if len(l.slices) != 3 || l.slices[1].start != 180 || math.Abs(float64(l.slices[1].end-288)) > 0.01 {
		t.Fatalf("slices = %+v, want eBay from 180° to 288°", l.slices)
	}
	at := polar(l.pie.center, l.pie.outer*0.5, 234)
	if got, want := hoverAt(w, at), "eBay: 30 %"; got != want {
		t.Errorf("hover = %q, want %q", got, want)
	}
	if !w.render.hlArc.Visible() || w.render.hlArc.StartAngle != 180 {
		t.Error("hovering a slice should show the grown arc over it")
	}
	if got := hoverAt(w, polar(l.pie.center, l.pie.outer+3, 234)); got != "" {
		t.Errorf("hover outside the pie = %q, want none", got)
	}
}

// The drawing must agree with the hit-testing: the pixel in the middle of a
// slice, as rendered by Fyne's software painter, has that slice's colour.
func TestChartPieDrawsSlicesWhereHitTestFindsThem(t *testing.T) {
	test.NewTempApp(t)
	w := NewView(app.Chart{Kind: app.ChartDonut, Categories: []string{"A", "B", "C"},
		Series: []app.Series{{Values: []float64{50, 30, 20}}}}, testEmptyText)
	win := test.NewTempWindow(t, w)
	win.Resize(testChartSize)
	l := w.layout
	img := win.Canvas().Capture()
	for i, deg := range []float64{20, 200, 300} { // away from the percentage labels at mid-angle
		p := polar(l.pie.center, (l.pie.inner+l.pie.outer)/2, deg).Add(w.Position())
		got := toNRGBA(img.At(int(p.X), int(p.Y)))
		if want := app.SeriesColor(i, 3); got != want {
			t.Errorf("slice %d: pixel at %v is %v, want %v", i, p, got, want)
		}
	}
	hole := l.pie.center.Add(w.Position())
	if got := toNRGBA(img.At(int(hole.X), int(hole.Y))); got == app.SeriesColor(0, 3) || got == app.SeriesColor(1, 3) || got == app.SeriesColor(2, 3) {
		t.Errorf("the donut's hole is painted %v", got)
	}
}

func TestChartHoverDonut(t *testing.T) {
	w := newTestChartView(t, app.Chart{
		Kind: app.ChartDonut, Unit: "USD", Categories: []string{"Amazon", "eBay", "Shop"},
		Series: []app.Series{{Name: "Revenue", Values: []float64{50, 30, 20}}},
	})
	l := w.layout
	if !(l.pie.inner > 0 && l.pie.inner < l.pie.outer) {
		t.Fatalf("a donut needs a hole: inner %v, outer %v", l.pie.inner, l.pie.outer)
	}
	mid := (l.pie.inner + l.pie.outer) / 2
	if got, want := hoverAt(w, polar(l.pie.center, mid, 324)), "Revenue · Shop: 20 USD"; got != want {
		t.Errorf("hover = %q, want %q", got, want)
	}
	if got := hoverAt(w, l.pie.center); got != "" {
		t.Errorf("hover in the hole = %q, want none", got)
	}
}

func TestChartHoverScatter(t *testing.T) {
	w := newTestChartView(t, app.Chart{
		Kind: app.ChartScatter, XUnit: "USD", Unit: "%", XLabel: "Price", YLabel: "Margin",
		Series: []app.Series{{Name: "Products", Points: []app.Point{{X: 12.5, Y: 30, Label: "Mug"}, {X: 40, Y: 10}}}},
	})
	l := w.layout
	p0, p1 := pointAt(t, l, 0, 0), pointAt(t, l, 0, 1)
	if !(p0.pos.X < p1.pos.X && p0.pos.Y < p1.pos.Y) {
		t.Errorf("(12.5,30) should be left of and above (40,10): %v vs %v", p0.pos, p1.pos)
	}
	if got, want := hoverAt(w, p0.pos), "Mug: 12.5 USD, 30 %"; got != want {
		t.Errorf("hover = %q, want %q", got, want)
	}
	if got, want := hoverAt(w, p1.pos.AddXY(-3, 2)), "Products: 40 USD, 10 %"; got != want {
		t.Errorf("hover on unlabelled point = %q, want %q", got, want)
	}
	// The axis titles carry their units, as in the report (app.AxisTitle).
	if texts := drawnTexts(w); !contains(texts, "Price (USD)") || !contains(texts, "Margin (%)") {
		t.Errorf("axis titles missing from %q", texts)
	}
}

func TestChartHoverHeatmap(t *testing.T) {
	w := newTestChartView(t, app.Chart{
		Kind: app.ChartHeatmap, Unit: "orders",
		Categories: []string{"Mon", "Tue", "Wed"}, YCategories: []string{"Morning", "Evening"},
		Matrix: [][]float64{{1, 2, 3}, {4, 5, 6}},
	})
	g := w.layout.heat
	if g.rows != 2 || g.cols != 3 {
		t.Fatalf("grid %dx%d, want 2x3", g.rows, g.cols)
	}
	cell := centre(g.origin.AddXY(2*g.cellW, g.cellH), fyne.NewSize(g.cellW, g.cellH))
	if got, want := hoverAt(w, cell), "Evening · Wed: 6 orders"; got != want {
		t.Errorf("hover = %q, want %q", got, want)
	}
	texts := drawnTexts(w)
	for _, s := range []string{"Morning", "Evening", "Mon", "Wed", "6"} {
		if !contains(texts, s) {
			t.Errorf("heatmap should draw %q, drew %q", s, texts)
		}
	}
	cc := w.render.colors
	low, high := heatEnds(cc)
	if heatColor(1, 1, 6, low, high) == heatColor(6, 1, 6, low, high) {
		t.Error("lowest and highest cells must differ in colour")
	}
}

func TestChartHoverRadar(t *testing.T) {
	w := newTestChartView(t, app.Chart{
		Kind: app.ChartRadar, RadarMax: 100, Categories: []string{"Price", "Rating", "Stock", "Speed"},
		Series: []app.Series{{Name: "Mine", Values: []float64{80, 60, 40, 90}}, {Name: "Rival", Values: []float64{70, 70, 50, 60}}},
	})
	l := w.layout
	v := pointAt(t, l, 1, 2)
	r := l.plot.w / 2
	center := fyne.NewPos(l.plot.x+r, l.plot.y+r)
	if d := v.pos.Y - center.Y; math.Abs(float64(d-r/2)) > 0.5 || math.Abs(float64(v.pos.X-center.X)) > 0.5 {
		t.Errorf("Stock=50 of 100 should sit straight below the centre at half the radius, offset %v", v.pos.Subtract(center))
	}
	if got, want := hoverAt(w, v.pos.AddXY(2, -2)), "Rival · Stock: 50"; got != want {
		t.Errorf("hover = %q, want %q", got, want)
	}
	// 2 series x 4 sides closed polygons, plus 4 spokes and 4 rings of 4 sides.
	if len(l.lines) != 8 || len(l.guides) != 4+16 {
		t.Errorf("radar drew %d series lines and %d guides, want 8 and 20", len(l.lines), len(l.guides))
	}
}

func TestChartTapShowsTooltip(t *testing.T) {
	w := newTestChartView(t, app.Chart{
		Kind: app.ChartBar, Categories: []string{"A"}, Series: []app.Series{{Values: []float64{7}}},
	})
	b := barAt(t, w.layout, 0, 0)
	w.Tapped(&fyne.PointEvent{Position: centre(b.pos, b.size)})
	if got := w.HoverText(); got != "A: 7" {
		t.Errorf("tap on bar = %q, want %q", got, "A: 7")
	}
	w.Tapped(&fyne.PointEvent{Position: fyne.NewPos(1, 1)})
	if got := w.HoverText(); got != "" {
		t.Errorf("tap on empty space = %q, want none", got)
	}
}

func TestChartEmptyShowsText(t *testing.T) {
	w := newTestChartView(t, app.Chart{Title: "Returns", Kind: app.ChartLine})
	texts := drawnTexts(w)
	if !contains(texts, testEmptyText) || !contains(texts, "Returns") {
		t.Errorf("empty chart drew %q, want the title and %q", texts, testEmptyText)
	}
	if len(w.layout.guides) != 0 || len(w.layout.points) != 0 {
		t.Error("an empty chart should not draw axes")
	}
	if got := hoverAt(w, fyne.NewPos(testChartSize.Width/2, testChartSize.Height/2)); got != "" {
		t.Errorf("hover on empty chart = %q", got)
	}
}

func TestChartSetChartReplacesDrawing(t *testing.T) {
	first := app.Chart{Title: "First", Kind: app.ChartBar, Categories: []string{"A", "B"},
		Series: []app.Series{{Name: "S", Values: []float64{1, 2}}}}
	w := newTestChartView(t, first)
	b := barAt(t, w.layout, 0, 1)
	if hoverAt(w, centre(b.pos, b.size)) == "" {
		t.Fatal("precondition: hovering the bar should show a tooltip")
	}
	second := app.Chart{Title: "Second", Kind: app.ChartPie, Categories: []string{"P", "Q"},
		Series: []app.Series{{Values: []float64{3, 1}}}}
	w.SetChart(second)
	if w.Chart().Title != "Second" {
		t.Errorf("Chart() = %q, want the new chart", w.Chart().Title)
	}
	if w.HoverText() != "" || w.render.tipBox.Visible() {
		t.Error("SetChart should drop the old tooltip")
	}
	texts := drawnTexts(w)
	if contains(texts, "First") || !contains(texts, "Second") || !contains(texts, "P") {
		t.Errorf("after SetChart drew %q", texts)
	}
	if len(w.layout.bars) != 0 || len(w.layout.slices) != 2 {
		t.Errorf("after SetChart: %d bars, %d slices; want 0 and 2", len(w.layout.bars), len(w.layout.slices))
	}
	arcs := 0
	for _, o := range w.render.Objects() {
		if a, ok := o.(*canvas.Arc); ok && a.Visible() {
			arcs++
		}
	}
	if arcs != 2 {
		t.Errorf("drew %d visible arcs, want 2 slices", arcs)
	}
}

func TestChartManyCategories(t *testing.T) {
	const n = 1000
	c := app.Chart{Kind: app.ChartBar, Categories: make([]string, n), Series: []app.Series{{Name: "Units", Values: make([]float64, n)}}}
	for i := range n {
		c.Categories[i] = fmt.Sprintf("Day %04d", i+1)
		c.Series[0].Values[i] = float64(i % 37)
	}
	w := newTestChartView(t, c)
	l := w.layout
	if len(l.bars) != n {
		t.Fatalf("%d bars, want %d", len(l.bars), n)
	}
	type span struct{ from, to float32 }
	var labels []span
	for _, tm := range l.texts {
		if strings.HasPrefix(tm.text, "Day") {
			labels = append(labels, span{tm.pos.X, tm.pos.X + tm.size.Width})
		}
	}
	if len(labels) < 2 || len(labels) > maxCategoryLabels {
		t.Errorf("drew %d category labels, want 2..%d", len(labels), maxCategoryLabels)
	}
	sort.Slice(labels, func(i, j int) bool { return labels[i].from < labels[j].from })
	for i := 1; i < len(labels); i++ {
		if labels[i].from < labels[i-1].to {
			t.Errorf("category labels overlap: %v and %v", labels[i-1], labels[i])
		}
	}
	b := barAt(t, l, 0, 500)
	if got, want := hoverAt(w, centre(b.pos, b.size)), "Units · Day 0501: 19"; got != want {
		t.Errorf("hover on a sub-pixel bar = %q, want %q", got, want)
	}
}

func TestChartManyScatterPointsUseOneRaster(t *testing.T) {
	c := app.Chart{Kind: app.ChartScatter, Series: []app.Series{{Name: "S"}}}
	for i := range 5000 {
		c.Series[0].Points = append(c.Series[0].Points, app.Point{X: float64(i % 100), Y: float64(i / 100), Label: fmt.Sprint("p", i)})
	}
	w := newTestChartView(t, c)
	if w.layout.markers != markersRaster {
		t.Fatalf("5000 points should be drawn as a raster, got markers %v", w.layout.markers)
	}
	if n := len(w.render.Objects()); n > 200 {
		t.Errorf("%d objects for 5000 points; markers should not be one object each", n)
	}
	p := pointAt(t, w.layout, 0, 4242)
	if got, want := hoverAt(w, p.pos), "p4242: 42, 42"; got != want {
		t.Errorf("hover = %q, want %q", got, want)
	}
}

func TestChartHoverDoesNotRebuild(t *testing.T) {
	w := newTestChartView(t, app.Chart{
		Kind: app.ChartLine, Categories: []string{"a", "b", "c", "d"},
		Series: []app.Series{{Name: "S", Values: []float64{1, 3, 2, 4}}},
	})
	builds, first, count := w.render.builds, w.render.Objects()[0], len(w.render.Objects())
	for x := float32(0); x < testChartSize.Width; x += 3 {
		hoverAt(w, fyne.NewPos(x, testChartSize.Height/2))
	}
	w.MouseOut()
	if w.render.builds != builds || w.render.Objects()[0] != first || len(w.render.Objects()) != count {
		t.Errorf("mouse moves rebuilt the chart (%d -> %d builds)", builds, w.render.builds)
	}
	w.Resize(fyne.NewSize(500, 300))
	if w.render.builds != builds+1 || w.layout.size != fyne.NewSize(500, 300) {
		t.Errorf("Resize should rebuild once for the new size (builds %d -> %d)", builds, w.render.builds)
	}
	p := pointAt(t, w.layout, 0, 3)
	if got := hoverAt(w, p.pos); got != "S · d: 4" {
		t.Errorf("hover after resize = %q, want %q", got, "S · d: 4")
	}
}

// magentaTheme makes the foreground colour recognisable.
type magentaTheme struct{ fyne.Theme }

var magenta = color.NRGBA{R: 0xff, G: 0x00, B: 0xff, A: 0xff}

func (m magentaTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if n == theme.ColorNameForeground {
		return magenta
	}
	return m.Theme.Color(n, v)
}

func TestChartRefreshRereadsTheme(t *testing.T) {
	w := newTestChartView(t, app.Chart{Title: "Stock", Kind: app.ChartBar, Categories: []string{"A"},
		Series: []app.Series{{Values: []float64{1}}}})
	test.ApplyTheme(t, magentaTheme{theme.DefaultTheme()})
	w.Refresh()
	for _, o := range w.render.Objects() {
		if txt, ok := o.(*canvas.Text); ok && txt.Text == "Stock" {
			if txt.Color != magenta {
				t.Errorf("title colour %v after theme change, want the theme's foreground %v", txt.Color, magenta)
			}
			return
		}
	}
	t.Error("title not drawn")
}

func TestChartLegendAndNote(t *testing.T) {
	w := newTestChartView(t, app.Chart{
		Kind: app.ChartLine, Categories: []string{"a", "b"}, Note: "Net of refunds",
		Series: []app.Series{{Name: "North", Values: []float64{1, 2}}, {Name: "South", Values: []float64{2, 1}}},
	})
	texts := drawnTexts(w)
	for _, s := range []string{"North", "South", "Net of refunds"} {
		if !contains(texts, s) {
			t.Errorf("missing %q in %q", s, texts)
		}
	}
	if len(w.layout.swatches) != 2 || w.layout.swatches[0].series != 0 || w.layout.swatches[1].series != 1 {
		t.Errorf("legend swatches = %+v, want one per series", w.layout.swatches)
	}
	for _, tm := range w.layout.texts {
		if tm.text == "Net of refunds" && tm.pos.Y < w.layout.plot.bottom() {
			t.Errorf("note at y=%v should be under the plot (bottom %v)", tm.pos.Y, w.layout.plot.bottom())
		}
	}
}

func TestChartHitBar(t *testing.T) {
	bars := []barMark{
		{pos: fyne.NewPos(10, 10), size: fyne.NewSize(20, 50)},
		{pos: fyne.NewPos(40, 30), size: fyne.NewSize(20, 30)},
		{pos: fyne.NewPos(100, 10), size: fyne.NewSize(1, 50)}, // too thin to hit exactly
		{pos: fyne.NewPos(101, 10), size: fyne.NewSize(1, 50)},
	}
	for _, tc := range []struct {
		name string
		p    fyne.Position
		want int
	}{
		{"inside first", fyne.NewPos(15, 20), 0},
		{"on edge", fyne.NewPos(30, 60), 0},
		{"gap between", fyne.NewPos(35, 40), -1},
		{"above short bar", fyne.NewPos(50, 20), -1},
		{"inside second", fyne.NewPos(50, 50), 1},
		{"thin bar slack", fyne.NewPos(99.2, 30), 2},
		{"nearest thin bar", fyne.NewPos(101.8, 30), 3},
		{"below all", fyne.NewPos(15, 80), -1},
	} {
		if got := hitBar(bars, tc.p); got != tc.want {
			t.Errorf("%s: hitBar(%v) = %d, want %d", tc.name, tc.p, got, tc.want)
		}
	}
}

func TestChartHitPoint(t *testing.T) {
	pts := []pointMark{{pos: fyne.NewPos(10, 10)}, {pos: fyne.NewPos(30, 10)}, {pos: fyne.NewPos(30, 10), series: 1}}
	for _, tc := range []struct {
		name string
		p    fyne.Position
		want int
	}{
		{"exact", fyne.NewPos(10, 10), 0},
		{"nearest of two", fyne.NewPos(18, 10), 0},
		{"within radius", fyne.NewPos(10, 21), 0},
		{"beyond radius", fyne.NewPos(10, 23), -1},
		{"tie goes to the one drawn on top", fyne.NewPos(30, 12), 2},
	} {
		if got := hitPoint(pts, tc.p, 12); got != tc.want {
			t.Errorf("%s: hitPoint(%v) = %d, want %d", tc.name, tc.p, got, tc.want)
		}
	}
	if hitPoint(nil, fyne.NewPos(0, 0), 12) != -1 {
		t.Error("no points must mean no hit")
	}
}

func TestChartHitSlice(t *testing.T) {
	g := pieGeom{center: fyne.NewPos(100, 100), outer: 50, inner: 20}
	slices := []sliceMark{{start: 0, end: 90, cat: 0}, {start: 90, end: 270, cat: 1}, {start: 270, end: 360, cat: 2}}
	for _, tc := range []struct {
		name string
		p    fyne.Position
		want int
	}{
		{"top right", fyne.NewPos(130, 80), 0},
		{"straight down", fyne.NewPos(100, 140), 1},
		{"top left wraps to last", fyne.NewPos(70, 80), 2},
		{"just left of top", fyne.NewPos(99.9, 60), 2},
		{"hole", fyne.NewPos(105, 105), -1},
		{"outside", fyne.NewPos(100, 155), -1},
	} {
		if got := hitSlice(g, slices, tc.p); got != tc.want {
			t.Errorf("%s: hitSlice(%v) = %d, want %d", tc.name, tc.p, got, tc.want)
		}
	}
}

func TestChartHitCell(t *testing.T) {
	g := heatGrid{origin: fyne.NewPos(50, 20), cellW: 10, cellH: 5, rows: 3, cols: 4}
	for _, tc := range []struct {
		p        fyne.Position
		row, col int
		ok       bool
	}{
		{fyne.NewPos(50, 20), 0, 0, true},
		{fyne.NewPos(75, 31), 2, 2, true},
		{fyne.NewPos(89.9, 34.9), 2, 3, true},
		{fyne.NewPos(90, 30), 0, 0, false},
		{fyne.NewPos(60, 35), 0, 0, false},
		{fyne.NewPos(49, 25), 0, 0, false},
	} {
		r, c, ok := hitCell(g, tc.p)
		if r != tc.row || c != tc.col || ok != tc.ok {
			t.Errorf("hitCell(%v) = %d,%d,%v, want %d,%d,%v", tc.p, r, c, ok, tc.row, tc.col, tc.ok)
		}
	}
}

func TestChartTipLine(t *testing.T) {
	for _, tc := range []struct{ series, cat, value, want string }{
		{"Sales", "Mon", "5 USD", "Sales · Mon: 5 USD"},
		{"", "Mon", "5", "Mon: 5"},
		{"Sales", "", "5", "Sales: 5"},
		{"", "", "5", "5"},
	} {
		if got := tipLine(tc.series, tc.cat, tc.value); got != tc.want {
			t.Errorf("tipLine(%q, %q, %q) = %q, want %q", tc.series, tc.cat, tc.value, got, tc.want)
		}
	}
	if got := withUnit(1234567, "USD"); got != "1.23M USD" {
		t.Errorf("withUnit = %q", got)
	}
}

// fixedMeasure is a fake font: every rune is 7 wide and lines are 14 high.
func fixedMeasure(s string, _ float32, _ bool) fyne.Size {
	return fyne.NewSize(7*float32(len([]rune(s))), 14)
}

func TestChartTruncateAndWrap(t *testing.T) {
	if got := truncateText("Hello world", 50, 12, false, fixedMeasure); got != "Hello…" {
		t.Errorf("truncateText = %q, want %q", got, "Hello…")
	}
	if got := truncateText("Short", 50, 12, false, fixedMeasure); got != "Short" {
		t.Errorf("a label that fits must not change, got %q", got)
	}
	if got := truncateText("Anything", 3, 12, false, fixedMeasure); got != "" {
		t.Errorf("no room at all should give %q, got %q", "", got)
	}
	lines := wrapText("one two three four five six seven eight nine ten", 60, 12, 3, fixedMeasure)
	if len(lines) != 3 || lines[0] != "one two" || !strings.HasSuffix(lines[2], "…") {
		t.Errorf("wrapText = %q, want 3 lines ending with an ellipsis", lines)
	}
	for _, ln := range lines {
		if fixedMeasure(ln, 0, false).Width > 60 {
			t.Errorf("line %q is wider than 60", ln)
		}
	}
	// A Chinese note has no spaces to break at: it wraps between
	// characters, never before "，" or inside "56.5", instead of being cut
	// to one line.
	zh := wrapText("按近28天日均销量，库存可售56.5天，预计在到货前断货，请尽快补货。", 70, 12, 3, fixedMeasure)
	if len(zh) < 2 {
		t.Fatalf("Chinese note on %d line(s): %q", len(zh), zh)
	}
	for _, ln := range zh {
		if strings.HasPrefix(ln, "，") || strings.HasPrefix(ln, "。") || strings.HasPrefix(ln, ".5") || strings.HasPrefix(ln, "5天") {
			t.Errorf("line %q breaks before punctuation or inside a number: %q", ln, zh)
		}
		if fixedMeasure(ln, 0, false).Width > 70 {
			t.Errorf("line %q is wider than 70", ln)
		}
	}
}

func TestChartCategoryLabelsSkipRatherThanOverlap(t *testing.T) {
	months := []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}
	mt := chartMetrics{text: 14, small: 12, pad: 4, measure: fixedMeasure}
	l := computeLayout(app.Chart{Kind: app.ChartBar, Categories: months, Series: []app.Series{{Values: make([]float64, 12)}}},
		"", fyne.NewSize(320, 220), mt)
	var drawn []textMark
	for _, tm := range l.texts {
		if tm.pos.Y > l.plot.bottom() {
			drawn = append(drawn, tm)
		}
	}
	if len(drawn) == 0 || len(drawn) >= 12 {
		t.Fatalf("drew %d month labels in 320px, want some but not all", len(drawn))
	}
	for i := 1; i < len(drawn); i++ {
		if drawn[i].pos.X < drawn[i-1].pos.X+drawn[i-1].size.Width {
			t.Errorf("labels %q and %q overlap", drawn[i-1].text, drawn[i].text)
		}
	}
	if drawn[0].text != "January" {
		t.Errorf("first label = %q, want the untruncated %q", drawn[0].text, "January")
	}
}

func BenchmarkChartRender(b *testing.B) {
	c := app.Chart{Title: "Daily sessions", Kind: app.ChartLine, Categories: make([]string, 365),
		Series: []app.Series{{Name: "Sessions", Values: make([]float64, 365)}}}
	for i := range 365 {
		c.Categories[i] = fmt.Sprintf("2025-%03d", i+1)
		c.Series[0].Values[i] = 1000 + 300*math.Sin(float64(i)/20)
	}
	w := newTestChartView(b, c)
	size := fyne.NewSize(900, 400)
	b.ReportAllocs()
	for b.Loop() {
		w.render.rebuild(size)
	}
	if len(w.layout.points) != 365 {
		b.Fatalf("laid out %d points, want 365", len(w.layout.points))
	}
}

// TestScatterLogAxisWithReferenceLines: on a log x axis equal factors are
// equal distances (0.5 → 1 as far as 1 → 2), the 1.0 and growth lines are
// drawn across the plot at their values, the quadrant names sit in the
// corners and every point carries its tag; the hovered point reads the ratio.
func TestScatterLogAxisWithReferenceLines(t *testing.T) {
	c := app.Chart{Kind: app.ChartScatter, XLog: true, Unit: "%", XUnit: "×",
		XRefs:     []app.RefLine{{Value: 1, Label: "1.0"}},
		YRefs:     []app.RefLine{{Value: 10, Label: "growth 10%"}},
		Quadrants: &app.QuadrantNames{TopLeft: "Q?", TopRight: "Star", BottomLeft: "Dog", BottomRight: "Cow"},
		Series:    []app.Series{{Name: "s", Points: []app.Point{{X: 0.5, Y: 20, Tag: "A"}, {X: 2, Y: 30, Tag: "B"}, {X: 1, Y: -5, Tag: "C"}}}}}
	if err := c.Validate(); err != nil {
		t.Fatal(err)
	}
	mt := chartMetrics{text: 14, small: 12, pad: 4, measure: fixedMeasure}
	l := computeLayout(c, "", fyne.NewSize(600, 400), mt)
	a, b, mid := l.points[0].pos.X, l.points[1].pos.X, l.points[2].pos.X
	if math.Abs(float64((mid-a)-(b-mid))) > 0.5 {
		t.Fatalf("log axis: 0.5 at %.1f, 1 at %.1f, 2 at %.1f — not equal distances", a, mid, b)
	}
	var vertical, horizontal bool
	for _, g := range l.guides {
		if g.width == 2 && g.p1.X == g.p2.X && math.Abs(float64(g.p1.X-mid)) < 0.5 && g.p1.Y == l.plot.y && g.p2.Y == l.plot.bottom() {
			vertical = true
		}
		if g.width == 2 && g.p1.Y == g.p2.Y && g.p1.X == l.plot.x && g.p2.X == l.plot.right() {
			horizontal = true
		}
	}
	if !vertical || !horizontal {
		t.Fatalf("reference lines: 1.0 %v, growth %v", vertical, horizontal)
	}
	drawn := map[string]textMark{}
	for _, tm := range l.texts {
		drawn[tm.text] = tm
	}
	for _, want := range []string{"Q?", "Star", "Dog", "Cow", "A", "B", "C", "1.0", "growth 10%", "0.5", "1", "2"} {
		if _, ok := drawn[want]; !ok {
			t.Errorf("%q is not drawn", want)
		}
	}
	if st := drawn["Star"]; st.pos.X < mid || st.pos.Y > l.plot.y+l.plot.h/2 {
		t.Errorf("Star is not in the top-right corner: %+v", st.pos)
	}
	// A value of 0 or less has no place on a log axis.
	c.Series[0].Points[0].X = 0
	if c.Validate() == nil {
		t.Error("x = 0 on a log axis validated")
	}
}

// TestChartShadeIsDrawnBehindTheCampaignDays: the optional Chart.Shade
// becomes a band over exactly the shaded categories, with its label.
func TestChartShadeIsDrawnBehindTheCampaignDays(t *testing.T) {
	mt := chartMetrics{text: 14, small: 12, pad: 4, measure: fixedMeasure}
	c := app.Chart{Kind: app.ChartLine, Categories: []string{"a", "b", "c", "d"}, Series: []app.Series{{Name: "r", Values: []float64{1, 2, 3, 4}}},
		Shade: &app.ChartRange{From: 2, To: 3, Label: "Campaign"}}
	l := computeLayout(c, "", fyne.NewSize(400, 300), mt)
	if l.shade == nil {
		t.Fatal("no shade")
	}
	slot := l.plot.w / 4
	if d := l.shade.x - (l.plot.x + 2*slot); d > 0.5 || d < -0.5 || l.shade.w < 2*slot-0.5 || l.shade.w > 2*slot+0.5 {
		t.Fatalf("shade %+v for plot %+v", *l.shade, l.plot)
	}
	found := false
	for _, tm := range l.texts {
		found = found || tm.text == "Campaign"
	}
	if !found {
		t.Error("shade label not drawn")
	}
	c.Shade = nil
	if computeLayout(c, "", fyne.NewSize(400, 300), mt).shade != nil {
		t.Error("a shade without Chart.Shade")
	}
}

// TestChartRelayoutSameSizeKeepsObjects: a container laying the chart out
// again at the size it already has (as a page does whenever a text beside
// it changes height) keeps its objects; a new chart or a new size rebuilds.
func TestChartRelayoutSameSizeKeepsObjects(t *testing.T) {
	w := newTestChartView(t, app.Chart{
		Kind: app.ChartLine, Categories: []string{"a", "b", "c", "d"},
		Series: []app.Series{{Name: "S", Values: []float64{1, 3, 2, 4}}},
	})
	builds, first := w.render.builds, w.render.Objects()[0]
	for range 3 {
		w.render.Layout(w.Size())
	}
	if w.render.builds != builds || w.render.Objects()[0] != first {
		t.Errorf("relayout at the same size rebuilt the chart (%d -> %d builds)", builds, w.render.builds)
	}
	w.SetChart(app.Chart{Kind: app.ChartLine, Categories: []string{"a", "b"},
		Series: []app.Series{{Name: "T", Values: []float64{5, 6}}}})
	if w.render.builds != builds+1 || len(w.Chart().Categories) != 2 {
		t.Errorf("SetChart: builds %d -> %d", builds, w.render.builds)
	}
	w.render.Layout(fyne.NewSize(w.Size().Width+40, w.Size().Height))
	if w.render.builds != builds+2 {
		t.Errorf("a new size: builds %d -> %d", builds, w.render.builds)
	}
}
