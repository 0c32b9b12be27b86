package chart

import (
	"fmt"
	"math"

	"fyne.io/fyne/v2"

	"github.com/seller-assistant/seller-assistant/app"
)

// Pie, donut and radar share polar geometry: angles in degrees from the top,
// clockwise, the convention canvas.Arc uses, so slices need no conversion.

func (l *chartLayout) layoutPie(c app.Chart, area rect, mt chartMetrics) {
	center := fyne.NewPos(area.x+area.w/2, area.y+area.h/2)
	outer := fyne.Min(area.w, area.h)/2 - 6 // room for the hovered slice to grow
	if outer < 10 {
		return
	}
	inner := float32(0)
	if c.Kind == app.ChartDonut {
		inner = outer * 0.55
	}
	l.pie = pieGeom{center: center, outer: outer, inner: inner}
	l.plot = rect{center.X - outer, center.Y - outer, 2 * outer, 2 * outer}
	vals := c.Series[0].Values
	total := 0.0
	for _, v := range vals {
		total += math.Max(v, 0)
	}
	if total <= 0 {
		return
	}
	labelR := outer * 0.62
	if inner > 0 {
		labelR = (outer + inner) / 2
	}
	cum := 0.0
	for i, v := range vals {
		if v <= 0 || i >= len(c.Categories) {
			continue
		}
		start, end := float32(cum/total*360), float32((cum+v)/total*360)
		cum += v
		l.slices = append(l.slices, sliceMark{start: start, end: end, cat: i})
		if end-start >= 18 {
			at := polar(center, labelR, float64(start+end)/2)
			l.text(fmt.Sprintf("%.0f%%", v/total*100), at, alignCenter, alignMiddle,
				textStyle{font: mt.small, bold: true, role: roleOnSeries, series: i}, mt.measure)
		}
	}
}

func (l *chartLayout) layoutRadar(c app.Chart, area rect, mt chartMetrics) {
	n := len(c.Categories)
	lineH := lineHeight(mt)
	maxV := c.RadarMax
	var rings []float64
	if maxV > 0 {
		for k := 1; k <= 4; k++ {
			rings = append(rings, maxV*float64(k)/4)
		}
	} else {
		_, hi := c.ValueRange()
		ticks := app.NiceTicks(0, hi, 5)
		maxV = math.Max(hi, ticks[len(ticks)-1])
		for _, t := range ticks {
			if t > 0 {
				rings = append(rings, t)
			}
		}
	}
	// Indicator names wrap onto two lines rather than end in "…" ("Compliance
	// burden", "现有供应链可直接供货"); only a name longer than two lines is shortened.
	const nameLines = 2
	labelW := fyne.Min(sampledWidth(c.Categories, mt), 90)
	center := fyne.NewPos(area.x+area.w/2, area.y+area.h/2)
	R := fyne.Min(area.w/2-labelW-8, area.h/2-nameLines*lineH-8)
	showLabels := R >= 20
	if !showLabels {
		R = fyne.Min(area.w, area.h)/2 - 4
	}
	if R < 10 {
		return
	}
	l.plot = rect{center.X - R, center.Y - R, 2 * R, 2 * R}
	deg := func(i int) float64 { return float64(i) * 360 / float64(n) }
	st := textStyle{font: mt.small, role: roleMuted}
	for _, rv := range rings {
		r := float32(rv/maxV) * R
		for i := 0; i < n; i++ {
			l.guides = append(l.guides, lineMark{p1: polar(center, r, deg(i)), p2: polar(center, r, deg(i+1)), width: 1, role: roleGrid})
		}
		// Under the ring rather than over it: above the outer ring sits the first indicator's label.
		l.text(app.FormatValue(rv), fyne.NewPos(center.X+3, center.Y-r+1), alignLeft, alignTop, st, mt.measure)
	}
	step := max(1, int(math.Ceil(float64(n)/36)))
	for i := 0; i < n; i++ {
		l.guides = append(l.guides, lineMark{p1: center, p2: polar(center, R, deg(i)), width: 1, role: roleAxis})
		if !showLabels || i%step != 0 {
			continue
		}
		sin, cos := math.Sincos(deg(i) * math.Pi / 180)
		ha, va := alignCenter, vAlign(alignMiddle)
		if sin > 0.3 {
			ha = alignLeft
		} else if sin < -0.3 {
			ha = alignRight
		}
		if cos > 0.3 {
			va = alignBottom
		} else if cos < -0.3 {
			va = alignTop
		}
		l.wrappedLabel(c.Categories[i], polar(center, R+6, deg(i)), labelW, nameLines, ha, va, mt)
	}
	for s, ser := range c.Series {
		var first, prev fyne.Position
		for i := 0; i < n && i < len(ser.Values); i++ {
			f := math.Min(math.Max(ser.Values[i]/maxV, 0), 1.1)
			p := polar(center, float32(f)*R, deg(i))
			l.points = append(l.points, pointMark{pos: p, series: s, index: i})
			if i == 0 {
				first = p
			} else {
				l.lines = append(l.lines, lineMark{p1: prev, p2: p, width: 2, role: roleSeries, series: s})
			}
			prev = p
		}
		if n > 2 && len(ser.Values) >= n {
			l.lines = append(l.lines, lineMark{p1: prev, p2: first, width: 2, role: roleSeries, series: s})
		}
	}
	l.setMarkers(3)
}

// wrappedLabel writes s on up to maxLines lines of width w (app.WrapLabel),
// the block anchored at `at` as text() anchors one line.
func (l *chartLayout) wrappedLabel(s string, at fyne.Position, w float32, maxLines int, ha hAlign, va vAlign, mt chartMetrics) {
	m := mt.measure
	lines, _ := app.WrapLabel(s, float64(w), maxLines, func(s string) float64 { return float64(m(s, mt.small, false).Width) })
	lineH := lineHeight(mt)
	top := at.Y
	switch va {
	case alignMiddle:
		top -= float32(len(lines)) * lineH / 2
	case alignBottom:
		top -= float32(len(lines)) * lineH
	}
	st := textStyle{font: mt.small, role: roleMuted}
	for j, ln := range lines {
		l.text(truncateText(ln, w, mt.small, false, m), fyne.NewPos(at.X, top+float32(j)*lineH), ha, alignTop, st, m)
	}
}

// polar returns the point at radius r and angle deg (0 = up, clockwise).
func polar(center fyne.Position, r float32, deg float64) fyne.Position {
	sin, cos := math.Sincos(deg * math.Pi / 180)
	return fyne.NewPos(center.X+r*float32(sin), center.Y-r*float32(cos))
}
