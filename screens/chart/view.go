// Package chart is the native chart widget: a View draws an app.Chart with
// canvas primitives, with the value under the pointer (or a tap) in a tooltip.
// It knows nothing of the screens around it, as rymdport keeps its
// domain-aware widgets in their own package; screens feed it app.Chart
// values built by app/, and the report draws the same model with echarts.
package chart

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/seller-assistant/seller-assistant/app"
)

// View draws an app.Chart with canvas primitives and shows the value
// under the pointer (or under a tap, on touch screens) in a small tooltip.
//
// All methods must be called on the UI goroutine.
type View struct {
	widget.BaseWidget

	chart     app.Chart
	emptyText string

	// layout is the geometry currently drawn; hovering hit-tests against it
	// so that the pointer never has to trigger a rebuild.
	layout  *chartLayout
	render  *chartRenderer
	hover   chartHit
	tip     string
	pointer fyne.Position
}

var (
	_ fyne.Widget       = (*View)(nil)
	_ desktop.Hoverable = (*View)(nil)
	_ fyne.Tappable     = (*View)(nil)
)

// chartMinSize keeps axes, legend and a readable plot on screen together.
var chartMinSize = fyne.NewSize(320, 220)

// NewView returns a widget drawing c. emptyText, already translated, is
// shown centred instead of the chart when c has no data.
func NewView(c app.Chart, emptyText string) *View {
	w := &View{chart: c, emptyText: emptyText}
	w.ExtendBaseWidget(w)
	return w
}

// SetChart replaces the chart being drawn and drops any tooltip, since it
// described the old data. Call it on the UI goroutine.
func (w *View) SetChart(c app.Chart) {
	w.chart = c
	w.hover, w.tip = chartHit{}, ""
	w.layout = nil
	w.Refresh()
}

// Chart returns the chart being drawn.
func (w *View) Chart() app.Chart {
	return w.chart
}

// HoverText returns the tooltip currently shown, or "" when there is none.
func (w *View) HoverText() string {
	return w.tip
}

// CreateRenderer is part of fyne.Widget.
func (w *View) CreateRenderer() fyne.WidgetRenderer {
	w.ExtendBaseWidget(w)
	r := newChartRenderer(w)
	w.render = r
	return r
}

// MouseIn is part of desktop.Hoverable.
func (w *View) MouseIn(e *desktop.MouseEvent) {
	w.pointAt(e.Position)
}

// MouseMoved is part of desktop.Hoverable.
func (w *View) MouseMoved(e *desktop.MouseEvent) {
	w.pointAt(e.Position)
}

// MouseOut is part of desktop.Hoverable.
func (w *View) MouseOut() {
	if w.tip == "" && w.hover.kind == markNone {
		return
	}
	w.hover, w.tip = chartHit{}, ""
	if w.render != nil {
		w.render.showHover()
	}
}

// Tapped shows the tooltip for the tapped mark, so touch screens without a
// hover get the same information; tapping empty space hides it.
func (w *View) Tapped(e *fyne.PointEvent) {
	w.pointAt(e.Position)
}

// pointAt hit-tests p against the drawn layout and updates only the overlay.
func (w *View) pointAt(p fyne.Position) {
	w.pointer = p
	l := w.currentLayout()
	h := l.hitTest(p)
	if h.kind == markNone && w.hover.kind == markNone {
		return // nothing shown, nothing to show: the common case while crossing axes
	}
	w.hover = h
	w.tip = hoverText(w.chart, l, h)
	if w.render != nil {
		w.render.showHover()
	}
}

// currentLayout returns the drawn geometry, computing it when no renderer has
// laid the widget out at its current size yet.
func (w *View) currentLayout() *chartLayout {
	if w.layout == nil || w.layout.size != w.Size() {
		w.layout = computeLayout(w.chart, w.emptyText, w.Size(), w.metrics())
	}
	return w.layout
}

func (w *View) metrics() chartMetrics {
	return chartMetrics{
		text:  theme.SizeForWidget(theme.SizeNameText, w),
		small: theme.SizeForWidget(theme.SizeNameCaptionText, w),
		pad:   theme.SizeForWidget(theme.SizeNamePadding, w),
		measure: func(s string, size float32, bold bool) fyne.Size {
			return fyne.MeasureText(s, size, fyne.TextStyle{Bold: bold})
		},
	}
}
