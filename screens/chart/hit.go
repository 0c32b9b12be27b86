package chart

import (
	"math"
	"strings"

	"fyne.io/fyne/v2"

	"github.com/seller-assistant/seller-assistant/app"
)

type markKind uint8

const (
	markNone markKind = iota
	markBar
	markPoint
	markSlice
	markCell
	markCategory // a category's label under the plot
)

// chartHit names what is under the pointer: for bars, points and slices i is
// the index into the layout's slice of that mark; for cells i is the row and
// j the column.
type chartHit struct {
	kind markKind
	i, j int
}

// minHitWidth keeps bars of a very dense chart reachable with the pointer.
const minHitWidth = 4

// hitBar returns the index of the bar under p, or -1. Bars thinner than
// minHitWidth are widened for the test; overlapping candidates go to the one
// whose centre is nearest.
func hitBar(bars []barMark, p fyne.Position) int {
	best, bestD := -1, float32(math.MaxFloat32)
	for i, b := range bars {
		if p.Y < b.pos.Y || p.Y > b.pos.Y+b.size.Height {
			continue
		}
		slack := fyne.Max(0, (minHitWidth-b.size.Width)/2)
		if p.X < b.pos.X-slack || p.X > b.pos.X+b.size.Width+slack {
			continue
		}
		d := float32(math.Abs(float64(p.X - (b.pos.X + b.size.Width/2))))
		if d < bestD {
			best, bestD = i, d
		}
	}
	return best
}

// hitPoint returns the index of the point nearest to p within maxDist, or -1.
// On a tie the later point wins because it is drawn on top.
func hitPoint(points []pointMark, p fyne.Position, maxDist float32) int {
	best, bestD := -1, maxDist*maxDist
	for i, pt := range points {
		dx, dy := pt.pos.X-p.X, pt.pos.Y-p.Y
		if d := dx*dx + dy*dy; d <= bestD {
			best, bestD = i, d
		}
	}
	return best
}

// hitSlice returns the index of the slice under p, or -1 when p is outside
// the ring (including a donut's hole).
func hitSlice(g pieGeom, slices []sliceMark, p fyne.Position) int {
	dx, dy := float64(p.X-g.center.X), float64(p.Y-g.center.Y)
	r := math.Hypot(dx, dy)
	if r > float64(g.outer) || r < float64(g.inner) {
		return -1
	}
	deg := float32(math.Atan2(dx, -dy) * 180 / math.Pi)
	if deg < 0 {
		deg += 360
	}
	for i, s := range slices {
		if deg >= s.start && deg < s.end {
			return i
		}
	}
	return -1
}

// hitCell returns the heatmap cell under p.
func hitCell(g heatGrid, p fyne.Position) (row, col int, ok bool) {
	if g.cellW <= 0 || g.cellH <= 0 || p.X < g.origin.X || p.Y < g.origin.Y {
		return 0, 0, false
	}
	col = int((p.X - g.origin.X) / g.cellW)
	row = int((p.Y - g.origin.Y) / g.cellH)
	if row >= g.rows || col >= g.cols {
		return 0, 0, false
	}
	return row, col, true
}

// hitTest finds the mark under p for the layout's chart kind.
func (l *chartLayout) hitTest(p fyne.Position) chartHit {
	if l == nil || l.empty {
		return chartHit{}
	}
	switch l.kind {
	case app.ChartBar, app.ChartStackedBar:
		if i := hitBar(l.bars, p); i >= 0 {
			return chartHit{kind: markBar, i: i}
		}
	case app.ChartLine, app.ChartScatter, app.ChartRadar:
		if i := hitPoint(l.points, p, hoverRadius); i >= 0 {
			return chartHit{kind: markPoint, i: i}
		}
	case app.ChartPie, app.ChartDonut:
		if i := hitSlice(l.pie, l.slices, p); i >= 0 {
			return chartHit{kind: markSlice, i: i}
		}
	case app.ChartHeatmap:
		if !l.heatCells {
			break
		}
		if r, c, ok := hitCell(l.heat, p); ok {
			return chartHit{kind: markCell, i: r, j: c}
		}
	}
	if b := l.labelBand; b != nil && l.bandSlot > 0 && p.X >= b.x && p.X < b.right() && p.Y >= b.y && p.Y <= b.bottom() {
		return chartHit{kind: markCategory, i: int((p.X - b.x) / l.bandSlot)}
	}
	return chartHit{}
}

// hoverText is the tooltip for h: "Series · Category: value unit", with empty
// parts left out; scatter points read "label: x xunit, y unit".
func hoverText(c app.Chart, l *chartLayout, h chartHit) string {
	at := func(vals []float64, i int) (float64, bool) {
		if i < 0 || i >= len(vals) {
			return 0, false
		}
		return vals[i], true
	}
	switch h.kind {
	case markBar:
		b := l.bars[h.i]
		if v, ok := at(c.Series[b.series].Values, b.cat); ok {
			return tipLine(c.Series[b.series].Name, c.Categories[b.cat], withUnit(v, c.Unit))
		}
	case markPoint:
		pt := l.points[h.i]
		s := c.Series[pt.series]
		if c.Kind == app.ChartScatter {
			p := s.Points[pt.index]
			label := p.Label
			if label == "" {
				label = s.Name
			}
			return tipLine(label, "", withUnit(p.X, c.XUnit)+", "+withUnit(p.Y, c.Unit))
		}
		if v, ok := at(s.Values, pt.index); ok {
			return tipLine(s.Name, c.Categories[pt.index], withUnit(v, c.Unit))
		}
	case markSlice:
		sl := l.slices[h.i]
		s := c.Series[0]
		if v, ok := at(s.Values, sl.cat); ok {
			return tipLine(s.Name, c.Categories[sl.cat], withUnit(v, c.Unit))
		}
	case markCategory:
		if h.i < len(c.Categories) {
			return c.Categories[h.i]
		}
	case markCell:
		if h.i < len(c.Matrix) {
			if v, ok := at(c.Matrix[h.i], h.j); ok {
				return tipLine(c.YCategories[h.i], c.Categories[h.j], withUnit(v, c.Unit))
			}
		}
	}
	return ""
}

func tipLine(series, category, value string) string {
	var head []string
	for _, s := range []string{series, category} {
		if s != "" {
			head = append(head, s)
		}
	}
	if len(head) == 0 {
		return value
	}
	return strings.Join(head, " · ") + ": " + value
}

func withUnit(v float64, unit string) string {
	if unit == "" {
		return app.FormatValue(v)
	}
	return app.FormatValue(v) + " " + unit
}
