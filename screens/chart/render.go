package chart

import (
	"image"
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"

	"github.com/seller-assistant/seller-assistant/app"
)

// chartRenderer turns a chartLayout into canvas objects. The chart objects
// are rebuilt only on Layout (resize) and Refresh (new chart, theme change);
// hovering touches nothing but the overlay objects kept as fields.
type chartRenderer struct {
	w       *View
	objects []fyne.CanvasObject
	colors  chartColors
	builds  int // number of rebuilds, so tests can prove hovering does not rebuild
	// builtSize is the size the objects were last built for.
	builtSize fyne.Size

	hlRect   *canvas.Rectangle
	hlCircle *canvas.Circle
	hlArc    *canvas.Arc
	tipBox   *canvas.Rectangle
	tipText  *canvas.Text
}

func newChartRenderer(w *View) *chartRenderer {
	r := &chartRenderer{
		w:        w,
		hlRect:   &canvas.Rectangle{StrokeWidth: 2},
		hlCircle: &canvas.Circle{StrokeWidth: 2},
		hlArc:    &canvas.Arc{},
		tipBox:   &canvas.Rectangle{StrokeWidth: 1, CornerRadius: 4},
		tipText:  &canvas.Text{},
	}
	for _, o := range r.overlay() {
		o.Hide()
	}
	r.rebuild(w.Size())
	return r
}

func (r *chartRenderer) overlay() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.hlArc, r.hlRect, r.hlCircle, r.tipBox, r.tipText}
}

// Layout rebuilds only for a new size: a container lays its children out
// again whenever any of them changes size, and the Prediction page did so
// several times per fit as its texts changed, each time making every
// chart's objects anew (with their textures, which the window keeps for a
// minute: ~15 MB a fit at 90k customers, issue 20). A new chart or theme
// comes through Refresh, which always rebuilds.
func (r *chartRenderer) Layout(size fyne.Size) {
	if r.w.layout != nil && size == r.builtSize {
		return
	}
	r.rebuild(size)
}

func (r *chartRenderer) MinSize() fyne.Size {
	return chartMinSize
}

func (r *chartRenderer) Refresh() {
	r.rebuild(r.w.Size())
	canvas.Refresh(r.w)
}

func (r *chartRenderer) Objects() []fyne.CanvasObject {
	return r.objects
}

func (r *chartRenderer) Destroy() {}

// rebuild recomputes the layout and the objects drawing it, re-reading the
// theme so a light/dark switch recolours everything.
func (r *chartRenderer) rebuild(size fyne.Size) {
	r.builds++
	r.builtSize = size
	w := r.w
	r.colors = readChartColors(w, w.chart)
	l := computeLayout(w.chart, w.emptyText, size, w.metrics())
	w.layout = l
	cc := r.colors

	objs := make([]fyne.CanvasObject, 0, len(l.guides)+len(l.bars)+len(l.lines)+len(l.texts)+len(l.slices)+16)
	line := func(m lineMark) {
		ln := &canvas.Line{Position1: m.p1, Position2: m.p2, StrokeWidth: m.width, StrokeColor: cc.role(m.role, m.series)}
		objs = append(objs, ln)
	}
	if sh := l.shade; sh != nil {
		band := canvas.NewRectangle(withAlpha(app.SeriesColor(1, 0), 0x30))
		band.Move(fyne.NewPos(sh.x, sh.y))
		band.Resize(fyne.NewSize(sh.w, sh.h))
		objs = append(objs, band)
	}
	for _, m := range l.guides {
		line(m)
	}
	if l.heatCells {
		objs = append(objs, r.heatObjects(l)...)
	}
	for _, b := range l.bars {
		rc := canvas.NewRectangle(r.colors.series(b.series))
		rc.Move(b.pos)
		rc.Resize(b.size)
		objs = append(objs, rc)
	}
	for _, s := range l.slices {
		a := canvas.NewArc(s.start, s.end, l.pie.inner/l.pie.outer, r.colors.series(s.cat))
		if float64(s.end-s.start)*math.Pi/180*float64(l.pie.outer) > 6 {
			// A thin gap between neighbouring slices; left off slivers, whose
			// gaps would otherwise paint the pie in the background colour.
			a.StrokeColor, a.StrokeWidth = cc.bg, 1
		}
		// Despite Arc.Move's doc comment, both the GL and the software painter
		// draw an arc inside its Position()/Size() box like a Circle, so place
		// the box around the centre.
		a.Move(l.pie.center.SubtractXY(l.pie.outer, l.pie.outer))
		a.Resize(fyne.NewSize(2*l.pie.outer, 2*l.pie.outer))
		objs = append(objs, a)
	}
	for _, m := range l.lines {
		line(m)
	}
	switch l.markers {
	case markersCircles:
		for _, p := range l.points {
			objs = append(objs, marker(p.pos, l.markerRadius, r.colors.series(p.series), cc.bg))
		}
	case markersRaster:
		objs = append(objs, markerRaster(l, cc))
	}
	for _, s := range l.swatches {
		rc := canvas.NewRectangle(r.colors.series(s.series))
		rc.CornerRadius = 2
		rc.Move(s.pos)
		rc.Resize(s.size)
		objs = append(objs, rc)
	}
	if g := l.gradient; g != nil {
		low, high := heatEnds(cc)
		gr := canvas.NewHorizontalGradient(low, high)
		gr.Move(g.pos)
		gr.Resize(g.size)
		objs = append(objs, gr)
	}
	for _, t := range l.texts {
		objs = append(objs, r.textObject(l, t))
	}

	r.hlRect.StrokeColor, r.hlRect.FillColor = cc.fg, color.Transparent
	r.hlCircle.StrokeColor = cc.fg
	r.hlArc.StrokeColor, r.hlArc.StrokeWidth = cc.bg, 1
	r.tipBox.FillColor, r.tipBox.StrokeColor = cc.tipBg, cc.tipBorder
	r.tipText.Color = cc.fg
	r.tipText.TextSize = theme.SizeForWidget(theme.SizeNameText, w)
	r.objects = append(objs, r.overlay()...)

	// The geometry moved, so whatever was hovered has to be found again.
	if w.tip != "" {
		w.hover = l.hitTest(w.pointer)
		w.tip = hoverText(w.chart, l, w.hover)
	}
	r.showHover()
}

func (r *chartRenderer) textObject(l *chartLayout, t textMark) *canvas.Text {
	var c color.Color
	switch t.role {
	case roleOnSeries:
		c = contrastText(r.colors.series(t.series))
	case roleOnHeat:
		low, high := heatEnds(r.colors)
		c = contrastText(heatColor(t.value, l.heat.lo, l.heat.hi, low, high))
	default:
		c = r.colors.role(t.role, t.series)
	}
	txt := canvas.NewText(t.text, c)
	txt.TextSize = t.font
	txt.TextStyle.Bold = t.bold
	txt.Move(t.pos)
	txt.Resize(t.size)
	return txt
}

// heatObjects draws a rectangle per cell for grids small enough to show gaps
// and values, and one nearest-neighbour scaled image for bigger grids.
func (r *chartRenderer) heatObjects(l *chartLayout) []fyne.CanvasObject {
	g := l.heat
	c := r.w.chart
	low, high := heatEnds(r.colors)
	value := func(row, col int) float64 {
		if row < len(c.Matrix) && col < len(c.Matrix[row]) {
			return c.Matrix[row][col]
		}
		return g.lo
	}
	if g.rows*g.cols > maxCellRects {
		img := image.NewNRGBA(image.Rect(0, 0, g.cols, g.rows))
		for row := 0; row < g.rows; row++ {
			for col := 0; col < g.cols; col++ {
				img.SetNRGBA(col, row, heatColor(value(row, col), g.lo, g.hi, low, high))
			}
		}
		im := canvas.NewImageFromImage(img)
		im.ScaleMode = canvas.ImageScalePixels
		im.FillMode = canvas.ImageFillStretch
		im.Move(g.origin)
		im.Resize(fyne.NewSize(g.cellW*float32(g.cols), g.cellH*float32(g.rows)))
		return []fyne.CanvasObject{im}
	}
	gap := float32(0)
	if g.cellW > 4 && g.cellH > 4 {
		gap = 1
	}
	objs := make([]fyne.CanvasObject, 0, g.rows*g.cols)
	for row := 0; row < g.rows; row++ {
		for col := 0; col < g.cols; col++ {
			rc := canvas.NewRectangle(heatColor(value(row, col), g.lo, g.hi, low, high))
			rc.Move(g.origin.AddXY(float32(col)*g.cellW, float32(row)*g.cellH))
			rc.Resize(fyne.NewSize(g.cellW-gap, g.cellH-gap))
			objs = append(objs, rc)
		}
	}
	return objs
}

func marker(at fyne.Position, radius float32, fill, stroke color.Color) *canvas.Circle {
	c := &canvas.Circle{FillColor: fill, StrokeColor: stroke, StrokeWidth: 1}
	c.Move(at.SubtractXY(radius, radius))
	c.Resize(fyne.NewSize(2*radius, 2*radius))
	return c
}

// markerRaster paints every marker into one raster: thousands of points cost
// one object instead of thousands.
func markerRaster(l *chartLayout, cc chartColors) *canvas.Raster {
	rad := l.markerRadius
	box := rect{l.plot.x - rad - 1, l.plot.y - rad - 1, l.plot.w + 2*rad + 2, l.plot.h + 2*rad + 2}
	pts := l.points // the layout is never modified once computed
	ras := canvas.NewRaster(func(wPx, hPx int) image.Image {
		img := image.NewNRGBA(image.Rect(0, 0, wPx, hPx))
		sx, sy := float32(wPx)/box.w, float32(hPx)/box.h
		rr := rad * sx
		for _, p := range pts {
			c := cc.series(p.series)
			cx, cy := (p.pos.X-box.x)*sx, (p.pos.Y-box.y)*sy
			for y := int(cy - rr); y <= int(cy+rr); y++ {
				for x := int(cx - rr); x <= int(cx+rr); x++ {
					dx, dy := float32(x)+0.5-cx, float32(y)+0.5-cy
					if dx*dx+dy*dy <= rr*rr && x >= 0 && y >= 0 && x < wPx && y < hPx {
						img.SetNRGBA(x, y, c)
					}
				}
			}
		}
		return img
	})
	ras.Move(fyne.NewPos(box.x, box.y))
	ras.Resize(fyne.NewSize(box.w, box.h))
	return ras
}

// showHover places the highlight and tooltip for the widget's current hover.
func (r *chartRenderer) showHover() {
	w, l := r.w, r.w.layout
	for _, o := range r.overlay() {
		if o.Visible() {
			o.Hide()
		}
	}
	if w.tip == "" || l == nil {
		return
	}
	h := w.hover
	switch h.kind {
	case markBar:
		b := l.bars[h.i]
		width := fyne.Max(b.size.Width, 3)
		r.showRect(b.pos.AddXY((b.size.Width-width)/2, 0), fyne.NewSize(width, b.size.Height))
	case markCell:
		g := l.heat
		r.showRect(g.origin.AddXY(float32(h.j)*g.cellW, float32(h.i)*g.cellH), fyne.NewSize(g.cellW, g.cellH))
	case markPoint:
		p := l.points[h.i]
		rad := fyne.Max(l.markerRadius, 3) + 3
		r.hlCircle.FillColor = r.colors.series(p.series)
		r.hlCircle.Move(p.pos.SubtractXY(rad, rad))
		r.hlCircle.Resize(fyne.NewSize(2*rad, 2*rad))
		r.hlCircle.Show()
		r.hlCircle.Refresh()
	case markSlice:
		s := l.slices[h.i]
		grown := l.pie.outer + 5
		r.hlArc.StartAngle, r.hlArc.EndAngle = s.start, s.end
		r.hlArc.CutoutRatio = l.pie.inner / grown
		r.hlArc.FillColor = r.colors.series(s.cat)
		r.hlArc.Move(l.pie.center.SubtractXY(grown, grown))
		r.hlArc.Resize(fyne.NewSize(2*grown, 2*grown))
		r.hlArc.Show()
		r.hlArc.Refresh()
	}

	const pad, off = 4, 14
	// Only the shown text is shortened; HoverText keeps the whole line.
	measure := w.metrics().measure
	r.tipText.Text = truncateText(w.tip, l.size.Width-2*pad, r.tipText.TextSize, false, measure)
	ts := measure(r.tipText.Text, r.tipText.TextSize, false)
	box := ts.AddWidthHeight(2*pad, 2*pad)
	pos := w.pointer.AddXY(off, off)
	if pos.X+box.Width > l.size.Width {
		pos.X = w.pointer.X - off - box.Width
	}
	if pos.Y+box.Height > l.size.Height {
		pos.Y = w.pointer.Y - off - box.Height
	}
	pos.X, pos.Y = fyne.Max(pos.X, 0), fyne.Max(pos.Y, 0)
	r.tipBox.Move(pos)
	r.tipBox.Resize(box)
	r.tipText.Move(pos.AddXY(pad, pad))
	r.tipText.Resize(ts)
	r.tipBox.Show()
	r.tipText.Show()
	r.tipBox.Refresh()
	r.tipText.Refresh()
}

func (r *chartRenderer) showRect(pos fyne.Position, size fyne.Size) {
	r.hlRect.Move(pos)
	r.hlRect.Resize(size)
	r.hlRect.Show()
	r.hlRect.Refresh()
}
