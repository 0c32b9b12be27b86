package chart

import (
	"math"

	"fyne.io/fyne/v2"

	"github.com/seller-assistant/seller-assistant/app"
)

// The layouts below index Values and Matrix defensively: a chart that fails
// Validate should draw what it can instead of taking the window down.

func (l *chartLayout) layoutCategories(c app.Chart, area rect, mt chartMetrics) {
	area = l.axisTitles(c, area, mt)
	lines := labelLines(c.Categories, area.w, mt)
	area.h -= float32(lines)*lineHeight(mt) + 4 // category labels
	plot, ys, ok := l.valueAxis(c, area, mt)
	if !ok {
		return
	}
	l.plot = plot
	n := len(c.Categories)
	slot := plot.w / float32(n)
	l.categoryLabels(c.Categories, plot.x, slot, plot.bottom()+4, lines, mt)
	if sh := c.Shade; sh != nil && sh.From >= 0 && sh.From <= sh.To && sh.To < n {
		l.shade = &rect{x: plot.x + float32(sh.From)*slot, y: plot.y, w: float32(sh.To-sh.From+1) * slot, h: plot.h}
		if sh.Label != "" {
			l.text(sh.Label, fyne.NewPos(l.shade.x+4, plot.y+2), alignLeft, alignTop, textStyle{font: mt.small, role: roleMuted}, mt.measure)
		}
	}
	base := plot.bottom()
	if ys.lo <= 0 && ys.hi >= 0 {
		base = ys.at(0)
	}

	switch c.Kind {
	case app.ChartBar:
		group := slot * 0.8
		if slot < 4 {
			group = slot
		}
		bw := group / float32(len(c.Series))
		inset := float32(0)
		if bw > 6 {
			inset = 1 // a hairline gap keeps neighbouring series apart
		}
		for i := 0; i < n; i++ {
			left := plot.x + float32(i)*slot + (slot-group)/2
			for s, ser := range c.Series {
				if i >= len(ser.Values) {
					continue
				}
				v := ser.Values[i]
				y0, y1 := ys.at(math.Max(v, 0)), ys.at(math.Min(v, 0))
				x := left + float32(s)*bw + inset
				l.bars = append(l.bars, barMark{pos: fyne.NewPos(x, y0), size: fyne.NewSize(bw-2*inset, y1-y0), series: s, cat: i})
			}
		}
	case app.ChartStackedBar:
		bw := slot * 0.7
		if slot < 4 {
			bw = slot
		}
		for i := 0; i < n; i++ {
			x := plot.x + float32(i)*slot + (slot-bw)/2
			acc := 0.0
			for s, ser := range c.Series {
				if i >= len(ser.Values) || ser.Values[i] == 0 {
					continue
				}
				top, bot := ys.at(acc+ser.Values[i]), ys.at(acc)
				acc += ser.Values[i]
				l.bars = append(l.bars, barMark{pos: fyne.NewPos(x, top), size: fyne.NewSize(bw, bot-top), series: s, cat: i})
			}
		}
	case app.ChartLine:
		for s, ser := range c.Series {
			var prev fyne.Position
			joined := false // whether the previous category had a value to join
			for i := 0; i < n && i < len(ser.Values); i++ {
				if app.IsGap(ser.Values[i]) {
					joined = false // the line breaks: no point, nothing to hover
					continue
				}
				p := fyne.NewPos(plot.x+(float32(i)+0.5)*slot, ys.at(ser.Values[i]))
				if joined {
					l.lines = append(l.lines, lineMark{p1: prev, p2: p, width: 2, role: roleSeries, series: s})
				}
				l.points = append(l.points, pointMark{pos: p, series: s, index: i})
				prev, joined = p, true
			}
		}
		// Markers on a dense line are noise and cost objects; the line alone reads better.
		if slot >= 8 {
			l.setMarkers(3)
		}
	}
	l.guides = append(l.guides, lineMark{p1: fyne.NewPos(plot.x, base), p2: fyne.NewPos(plot.right(), base), width: 1, role: roleAxis})
}

func (l *chartLayout) layoutScatter(c app.Chart, area rect, mt chartMetrics) {
	area = l.axisTitles(c, area, mt)
	area.h -= lineHeight(mt) + 4 // x tick labels
	xlo, xhi := c.XRange()
	plot, ys, ok := l.valueAxis(c, area, mt)
	if !ok {
		return
	}
	l.plot = plot
	var xt []float64
	var xs valueScale
	if c.XLog {
		// Round values of a ratio (0.1, 0.2, 0.5, 1, 2 …): equal factors
		// sit at equal distances, so 0.5 is as far below 1 as 2 is above.
		xt = app.LogTicks(xlo, xhi)
		xs = valueScale{lo: xt[0], hi: xt[len(xt)-1], a: plot.x, b: plot.right(), log: true}
	} else {
		var xfrom, xto float64
		xt, xfrom, xto = axisTicks(xlo, xhi, clampInt(int(plot.w/90)+1, 2, 8), false)
		xs = valueScale{lo: xfrom, hi: xto, a: plot.x, b: plot.right()}
	}
	st := textStyle{font: mt.small, role: roleMuted}
	lastRight := float32(math.Inf(-1))
	for _, t := range xt {
		x := xs.at(t)
		l.guides = append(l.guides, lineMark{p1: fyne.NewPos(x, plot.y), p2: fyne.NewPos(x, plot.bottom()), width: 1, role: roleGrid})
		// A log axis can have more ticks than room: labels that would
		// overlap the previous one are left out (the gridline stays).
		label := app.FormatValue(t)
		w := mt.measure(label, mt.small, false).Width
		if x-w/2 < lastRight+4 {
			continue
		}
		l.text(label, fyne.NewPos(x, plot.bottom()+4), alignCenter, alignTop, st, mt.measure)
		lastRight = x + w/2
	}
	l.guides = append(l.guides,
		lineMark{p1: fyne.NewPos(plot.x, plot.bottom()), p2: fyne.NewPos(plot.right(), plot.bottom()), width: 1, role: roleAxis},
		lineMark{p1: fyne.NewPos(plot.x, plot.y), p2: fyne.NewPos(plot.x, plot.bottom()), width: 1, role: roleAxis})
	l.referenceLines(c, plot, xs, ys, mt)
	for s, ser := range c.Series {
		for i, p := range ser.Points {
			at := fyne.NewPos(xs.at(p.X), ys.at(p.Y))
			if ser.Line && i > 0 {
				prev := ser.Points[i-1]
				l.lines = append(l.lines, lineMark{p1: fyne.NewPos(xs.at(prev.X), ys.at(prev.Y)), p2: at, width: 2, role: roleSeries, series: s})
			}
			l.points = append(l.points, pointMark{pos: at, series: s, index: i})
		}
	}
	l.setMarkers(3)
	l.pointTags(c, mt)
}

// referenceLines draws c's XRefs and YRefs across the plot, stronger than
// the grid, and the quadrant names in the plot's outer corners. The names
// take the corners; a vertical line's label goes one text line below the
// top names, right of the line, and a horizontal line's label sits above
// the line at its left end (below it when the line is near the top), so
// neither runs into a quadrant name.
func (l *chartLayout) referenceLines(c app.Chart, plot rect, xs, ys valueScale, mt chartMetrics) {
	st := textStyle{font: mt.small, role: roleFg}
	lineH := lineHeight(mt)
	for _, r := range c.XRefs {
		x := xs.at(r.Value)
		l.guides = append(l.guides, lineMark{p1: fyne.NewPos(x, plot.y), p2: fyne.NewPos(x, plot.bottom()), width: 2, role: roleAxis})
		if r.Label != "" {
			s := truncateText(r.Label, plot.right()-x-8, mt.small, false, mt.measure)
			l.text(s, fyne.NewPos(x+4, plot.y+4+lineH+2), alignLeft, alignTop, st, mt.measure)
		}
	}
	for _, r := range c.YRefs {
		y := ys.at(r.Value)
		l.guides = append(l.guides, lineMark{p1: fyne.NewPos(plot.x, y), p2: fyne.NewPos(plot.right(), y), width: 2, role: roleAxis})
		if r.Label != "" {
			s := truncateText(r.Label, plot.w/2-8, mt.small, false, mt.measure)
			if y-2-lineH < plot.y+4+lineH {
				l.text(s, fyne.NewPos(plot.x+4, y+2), alignLeft, alignTop, st, mt.measure)
			} else {
				l.text(s, fyne.NewPos(plot.x+4, y-2), alignLeft, alignBottom, st, mt.measure)
			}
		}
	}
	if q := c.Quadrants; q != nil {
		qs := textStyle{font: mt.text, bold: true, role: roleMuted}
		half := plot.w/2 - 8
		put := func(name string, at fyne.Position, ha hAlign, va vAlign) {
			if name != "" {
				l.text(truncateText(name, half, mt.text, true, mt.measure), at, ha, va, qs, mt.measure)
			}
		}
		put(q.TopLeft, fyne.NewPos(plot.x+6, plot.y+4), alignLeft, alignTop)
		put(q.TopRight, fyne.NewPos(plot.right()-6, plot.y+4), alignRight, alignTop)
		put(q.BottomLeft, fyne.NewPos(plot.x+6, plot.bottom()-4), alignLeft, alignBottom)
		put(q.BottomRight, fyne.NewPos(plot.right()-6, plot.bottom()-4), alignRight, alignBottom)
	}
}

// pointTags writes each point's Tag beside it, when there are few enough
// points for the tags to be read.
func (l *chartLayout) pointTags(c app.Chart, mt chartMetrics) {
	if len(l.points) > 60 {
		return
	}
	st := textStyle{font: mt.small, role: roleFg}
	for _, pm := range l.points {
		if pm.series >= len(c.Series) || pm.index >= len(c.Series[pm.series].Points) {
			continue
		}
		tag := c.Series[pm.series].Points[pm.index].Tag
		if tag == "" {
			continue
		}
		l.text(tag, pm.pos.AddXY(l.markerRadius+3, 0), alignLeft, alignMiddle, st, mt.measure)
	}
}

func (l *chartLayout) layoutHeatmap(c app.Chart, area rect, mt chartMetrics) {
	m := mt.measure
	area = l.axisTitles(c, area, mt)
	lineH := lineHeight(mt)
	rows, cols := len(c.YCategories), len(c.Categories)
	if rows == 0 || cols == 0 {
		return
	}
	lines := labelLines(c.Categories, area.w-fyne.Min(100, area.w*0.3), mt)
	area.h -= float32(lines)*lineH + 4 // column labels
	labelW := fyne.Min(sampledWidth(c.YCategories, mt), fyne.Min(100, area.w*0.3))
	grid := rect{area.x + labelW + 6, area.y, area.w - labelW - 6, area.h}
	if grid.w < 10 || grid.h < 10 {
		return
	}
	lo, hi := c.ValueRange()
	l.plot = grid
	l.heat = heatGrid{origin: fyne.NewPos(grid.x, grid.y), cellW: grid.w / float32(cols), cellH: grid.h / float32(rows),
		rows: rows, cols: cols, lo: lo, hi: hi}
	l.heatCells = true
	st := textStyle{font: mt.small, role: roleMuted}
	step := max(1, int(math.Ceil(float64(lineH/l.heat.cellH))), rows/maxCategoryLabels)
	for r := 0; r < rows; r += step {
		s := truncateText(c.YCategories[r], labelW, mt.small, false, m)
		l.text(s, fyne.NewPos(grid.x-6, grid.y+(float32(r)+0.5)*l.heat.cellH), alignRight, alignMiddle, st, m)
	}
	l.categoryLabels(c.Categories, grid.x, l.heat.cellW, grid.bottom()+4, lines, mt)

	// Values are written only where they fit; a quick check on the widest
	// plausible number avoids measuring every cell of a grid that is too fine.
	if rows*cols > maxCellRects || l.heat.cellW < m("00", mt.small, false).Width+4 || l.heat.cellH < lineH {
		return
	}
	for r := 0; r < rows && r < len(c.Matrix); r++ {
		for col := 0; col < cols && col < len(c.Matrix[r]); col++ {
			v := c.Matrix[r][col]
			s := app.FormatValue(v)
			if m(s, mt.small, false).Width+4 > l.heat.cellW {
				continue
			}
			at := fyne.NewPos(grid.x+(float32(col)+0.5)*l.heat.cellW, grid.y+(float32(r)+0.5)*l.heat.cellH)
			l.text(s, at, alignCenter, alignMiddle, textStyle{font: mt.small, role: roleOnHeat}, m)
			l.texts[len(l.texts)-1].value = v
		}
	}
}

// axisTitles places the value axis' title (with its unit, once) above it
// and the x axis' title under everything, returning the area left for the
// plot.
func (l *chartLayout) axisTitles(c app.Chart, area rect, mt chartMetrics) rect {
	st := textStyle{font: mt.small, role: roleMuted}
	if y := c.YTitle(); y != "" {
		s := truncateText(y, area.w, mt.small, false, mt.measure)
		sz := l.text(s, fyne.NewPos(area.x, area.y), alignLeft, alignTop, st, mt.measure)
		area.y += sz.Height + 2
		area.h -= sz.Height + 2
	}
	if x := c.XTitle(); x != "" {
		s := truncateText(x, area.w, mt.small, false, mt.measure)
		sz := l.text(s, fyne.NewPos(area.x+area.w/2, area.bottom()), alignCenter, alignBottom, st, mt.measure)
		area.h -= sz.Height + 2
	}
	return area
}

// valueAxis reserves room for tick labels on the left of area, draws the
// horizontal gridlines and returns the plot rectangle with its vertical scale.
func (l *chartLayout) valueAxis(c app.Chart, area rect, mt chartMetrics) (rect, valueScale, bool) {
	m := mt.measure
	lineH := lineHeight(mt)
	lo, hi := c.ValueRange()
	ticks, from, to := axisTicks(lo, hi, clampInt(int(area.h/45)+1, 3, 8), c.Counts)
	labels := make([]string, len(ticks))
	labelW := float32(0)
	for i, t := range ticks {
		labels[i] = app.FormatValue(t)
		labelW = fyne.Max(labelW, m(labels[i], mt.small, false).Width)
	}
	plot := rect{area.x + labelW + 6, area.y + lineH/2, area.w - labelW - 6 - mt.pad, area.h - lineH/2}
	ys := valueScale{lo: from, hi: to, a: plot.bottom(), b: plot.y}
	if plot.w < 10 || plot.h < 10 {
		return plot, ys, false
	}
	st := textStyle{font: mt.small, role: roleMuted}
	for i, t := range ticks {
		y := ys.at(t)
		l.guides = append(l.guides, lineMark{p1: fyne.NewPos(plot.x, y), p2: fyne.NewPos(plot.right(), y), width: 1, role: roleGrid})
		l.text(labels[i], fyne.NewPos(plot.x-6, y), alignRight, alignMiddle, st, m)
	}
	return plot, ys, true
}

// setMarkers picks how point markers are drawn: individual circles are crisp
// but cost one object each, so large sets go into a single raster.
func (l *chartLayout) setMarkers(radius float32) {
	l.markerRadius = radius
	l.markers = markersCircles
	if len(l.points) > denseMarkerLimit {
		l.markers = markersRaster
	}
}

func clampInt(v, lo, hi int) int { return min(max(v, lo), hi) }
