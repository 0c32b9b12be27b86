package screens

import (
	"math"

	"fyne.io/fyne/v2"

	"github.com/seller-assistant/seller-assistant/app"
)

// The layouts below index Values and Matrix defensively: a chart that fails
// Validate should draw what it can instead of taking the window down.

func (l *chartLayout) layoutCategories(c app.Chart, area rect, mt chartMetrics) {
	area = l.axisTitles(c, area, mt)
	area.h -= lineHeight(mt) + 4 // category labels
	lo, hi := c.ValueRange()
	plot, ys, ok := l.valueAxis(lo, hi, area, mt)
	if !ok {
		return
	}
	l.plot = plot
	n := len(c.Categories)
	slot := plot.w / float32(n)
	l.categoryLabels(c.Categories, plot.x, slot, plot.bottom()+4, mt)
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
			for i := 0; i < n && i < len(ser.Values); i++ {
				p := fyne.NewPos(plot.x+(float32(i)+0.5)*slot, ys.at(ser.Values[i]))
				if i > 0 {
					l.lines = append(l.lines, lineMark{p1: prev, p2: p, width: 2, role: roleSeries, series: s})
				}
				l.points = append(l.points, pointMark{pos: p, series: s, index: i})
				prev = p
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
	xlo, xhi := math.Inf(1), math.Inf(-1)
	for _, s := range c.Series {
		for _, p := range s.Points {
			xlo, xhi = math.Min(xlo, p.X), math.Max(xhi, p.X)
		}
	}
	if xlo == xhi {
		xhi = xlo + 1
	}
	lo, hi := c.ValueRange()
	plot, ys, ok := l.valueAxis(lo, hi, area, mt)
	if !ok {
		return
	}
	l.plot = plot
	xt, xfrom, xto := axisTicks(xlo, xhi, clampInt(int(plot.w/90)+1, 2, 8))
	xs := valueScale{lo: xfrom, hi: xto, a: plot.x, b: plot.right()}
	st := textStyle{font: mt.small, role: roleMuted}
	for _, t := range xt {
		x := xs.at(t)
		l.guides = append(l.guides, lineMark{p1: fyne.NewPos(x, plot.y), p2: fyne.NewPos(x, plot.bottom()), width: 1, role: roleGrid})
		l.text(app.FormatValue(t), fyne.NewPos(x, plot.bottom()+4), alignCenter, alignTop, st, mt.measure)
	}
	l.guides = append(l.guides,
		lineMark{p1: fyne.NewPos(plot.x, plot.bottom()), p2: fyne.NewPos(plot.right(), plot.bottom()), width: 1, role: roleAxis},
		lineMark{p1: fyne.NewPos(plot.x, plot.y), p2: fyne.NewPos(plot.x, plot.bottom()), width: 1, role: roleAxis})
	for s, ser := range c.Series {
		for i, p := range ser.Points {
			l.points = append(l.points, pointMark{pos: fyne.NewPos(xs.at(p.X), ys.at(p.Y)), series: s, index: i})
		}
	}
	l.setMarkers(3)
}

func (l *chartLayout) layoutHeatmap(c app.Chart, area rect, mt chartMetrics) {
	m := mt.measure
	area = l.axisTitles(c, area, mt)
	lineH := lineHeight(mt)
	area.h -= lineH + 4 // column labels
	rows, cols := len(c.YCategories), len(c.Categories)
	if rows == 0 || cols == 0 {
		return
	}
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
	l.categoryLabels(c.Categories, grid.x, l.heat.cellW, grid.bottom()+4, mt)

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

// axisTitles places YLabel above the value axis and XLabel under everything,
// returning the area left for the plot.
func (l *chartLayout) axisTitles(c app.Chart, area rect, mt chartMetrics) rect {
	st := textStyle{font: mt.small, role: roleMuted}
	if c.YLabel != "" {
		s := truncateText(c.YLabel, area.w, mt.small, false, mt.measure)
		sz := l.text(s, fyne.NewPos(area.x, area.y), alignLeft, alignTop, st, mt.measure)
		area.y += sz.Height + 2
		area.h -= sz.Height + 2
	}
	if c.XLabel != "" {
		s := truncateText(c.XLabel, area.w, mt.small, false, mt.measure)
		sz := l.text(s, fyne.NewPos(area.x+area.w/2, area.bottom()), alignCenter, alignBottom, st, mt.measure)
		area.h -= sz.Height + 2
	}
	return area
}

// valueAxis reserves room for tick labels on the left of area, draws the
// horizontal gridlines and returns the plot rectangle with its vertical scale.
func (l *chartLayout) valueAxis(lo, hi float64, area rect, mt chartMetrics) (rect, valueScale, bool) {
	m := mt.measure
	lineH := lineHeight(mt)
	ticks, from, to := axisTicks(lo, hi, clampInt(int(area.h/45)+1, 3, 8))
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
