package chart

import (
	"math"

	"fyne.io/fyne/v2"

	"github.com/seller-assistant/seller-assistant/app"
)

// The chart is computed in two steps: computeLayout turns a Chart and a size
// into plain geometry (the layout*.go files), and the renderer
// turns that geometry into canvas objects. Hit-testing (hit.go) works on
// the same geometry, so what the pointer finds is exactly what was drawn, and
// both can be tested without a window.

// measureFunc reports the size of a text; injected so layout tests can use a
// fixed-width fake instead of real fonts.
type measureFunc func(text string, size float32, bold bool) fyne.Size

// chartMetrics carries the theme sizes the layout depends on.
type chartMetrics struct {
	text, small, pad float32
	measure          measureFunc
}

// Limits that keep huge charts cheap and readable.
const (
	maxCategoryLabels = 60  // category labels drawn at most, whatever the data size
	maxLabelWidth     = 110 // longer labels are truncated with an ellipsis
	maxLegendRows     = 3
	denseMarkerLimit  = 400  // above this many markers they are drawn as one raster
	maxCellRects      = 1500 // above this many heatmap cells they are drawn as one image
	hoverRadius       = 12   // how far from a point the pointer may be and still find it
)

type colorRole uint8

const (
	roleFg       colorRole = iota // titles, legend text
	roleMuted                     // axis labels, notes
	roleGrid                      // gridlines, radar rings
	roleAxis                      // axis baselines, radar spokes
	roleSeries                    // palette colour of textMark.series / lineMark.series
	roleOnSeries                  // text drawn on top of a palette colour
	roleOnHeat                    // text drawn on top of a heatmap cell of value textMark.value
)

type textMark struct {
	text   string
	pos    fyne.Position // top-left
	size   fyne.Size
	font   float32
	bold   bool
	role   colorRole
	series int
	value  float64
}

type lineMark struct {
	p1, p2 fyne.Position
	width  float32
	role   colorRole
	series int
}

type rectMark struct {
	pos    fyne.Position
	size   fyne.Size
	series int
}

type barMark struct {
	pos         fyne.Position
	size        fyne.Size
	series, cat int
}

type pointMark struct {
	pos           fyne.Position
	series, index int
}

// sliceMark angles are in degrees, 0 at the top, clockwise, as canvas.Arc wants.
type sliceMark struct {
	start, end float32
	cat        int
}

type pieGeom struct {
	center       fyne.Position
	outer, inner float32
}

type heatGrid struct {
	origin       fyne.Position
	cellW, cellH float32
	rows, cols   int
	lo, hi       float64
}

type markerStyle uint8

const (
	markersNone markerStyle = iota
	markersCircles
	markersRaster
)

type chartLayout struct {
	size  fyne.Size
	kind  app.ChartKind
	empty bool
	plot  rect

	texts    []textMark
	guides   []lineMark // drawn under the data
	lines    []lineMark // series lines, drawn over bars and cells
	swatches []rectMark
	gradient *rectMark // heatmap legend scale

	bars         []barMark
	points       []pointMark
	markers      markerStyle
	markerRadius float32
	slices       []sliceMark
	pie          pieGeom
	heat         heatGrid
	heatCells    bool  // the heatmap has a grid to draw and hit-test
	shade        *rect // app.Chart.Shade: a tinted band behind the data
	// labelBand is the strip of category labels under the plot, cut into
	// bandSlot-wide categories: hovering it names the category, so a label
	// shortened or left out is still read whole.
	labelBand *rect
	bandSlot  float32
}

type rect struct{ x, y, w, h float32 }

func (r rect) right() float32  { return r.x + r.w }
func (r rect) bottom() float32 { return r.y + r.h }

type hAlign uint8

const (
	alignLeft hAlign = iota
	alignCenter
	alignRight
)

type vAlign uint8

const (
	alignTop vAlign = iota
	alignMiddle
	alignBottom
)

type textStyle struct {
	font   float32
	bold   bool
	role   colorRole
	series int
}

// text places s anchored at `at` and returns its measured size.
func (l *chartLayout) text(s string, at fyne.Position, ha hAlign, va vAlign, st textStyle, m measureFunc) fyne.Size {
	sz := m(s, st.font, st.bold)
	p := at
	switch ha {
	case alignCenter:
		p.X -= sz.Width / 2
	case alignRight:
		p.X -= sz.Width
	}
	switch va {
	case alignMiddle:
		p.Y -= sz.Height / 2
	case alignBottom:
		p.Y -= sz.Height
	}
	l.texts = append(l.texts, textMark{text: s, pos: p, size: sz, font: st.font, bold: st.bold, role: st.role, series: st.series})
	return sz
}

// computeLayout places everything for chart c in a widget of the given size.
func computeLayout(c app.Chart, emptyText string, size fyne.Size, mt chartMetrics) *chartLayout {
	l := &chartLayout{size: size, kind: c.Kind, empty: c.Empty()}
	if size.Width < 40 || size.Height < 40 {
		return l
	}
	m, pad := mt.measure, mt.pad
	top := pad
	if c.Title != "" {
		title := truncateText(c.Title, size.Width-2*pad, mt.text, true, m)
		sz := l.text(title, fyne.NewPos(size.Width/2, top), alignCenter, alignTop, textStyle{font: mt.text, bold: true, role: roleFg}, m)
		top += sz.Height + pad/2
	}
	if l.empty {
		rest := rect{0, top, size.Width, size.Height - top}
		msg := truncateText(emptyText, size.Width-2*pad, mt.text, false, m)
		l.text(msg, fyne.NewPos(size.Width/2, rest.y+rest.h/2), alignCenter, alignMiddle, textStyle{font: mt.text, role: roleMuted}, m)
		return l
	}
	top += l.legend(c, top, size.Width, mt)
	bottom := size.Height - pad
	if c.Note != "" {
		bottom -= l.note(c.Note, bottom, size.Width, mt) + pad/2
	}
	area := rect{pad, top, size.Width - 2*pad, bottom - top}
	if area.w < 30 || area.h < 30 {
		return l
	}
	switch c.Kind {
	case app.ChartBar, app.ChartStackedBar, app.ChartLine:
		l.layoutCategories(c, area, mt)
	case app.ChartScatter:
		l.layoutScatter(c, area, mt)
	case app.ChartPie, app.ChartDonut:
		l.layoutPie(c, area, mt)
	case app.ChartHeatmap:
		l.layoutHeatmap(c, area, mt)
	case app.ChartRadar:
		l.layoutRadar(c, area, mt)
	}
	return l
}

// valueScale maps values lo..hi onto pixels a..b, linearly or, with log,
// by their base-10 logarithm (lo, hi and every value then above 0).
type valueScale struct {
	lo, hi float64
	a, b   float32
	log    bool
}

func (s valueScale) at(v float64) float32 {
	lo, hi := s.lo, s.hi
	if s.log {
		if v <= 0 || lo <= 0 || hi <= 0 {
			return s.a
		}
		v, lo, hi = math.Log10(v), math.Log10(lo), math.Log10(hi)
	}
	if hi == lo {
		return s.a
	}
	return s.a + float32((v-lo)/(hi-lo))*(s.b-s.a)
}

// axisTicks returns round tick values for lo..hi (whole numbers for counts)
// and the range to draw, which is widened to include the outer ticks
// (NiceTicks may stop half a step short).
func axisTicks(lo, hi float64, n int, counts bool) (ticks []float64, from, to float64) {
	ticks = app.NiceTicks(lo, hi, n)
	if counts {
		ticks = app.NiceCountTicks(lo, hi, n)
	}
	from, to = lo, hi
	if len(ticks) > 0 {
		from = math.Min(from, ticks[0])
		to = math.Max(to, ticks[len(ticks)-1])
	}
	if from == to {
		to = from + 1
	}
	return ticks, from, to
}
