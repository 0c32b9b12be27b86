package chart

import (
	"math"
	"strings"

	"fyne.io/fyne/v2"

	"github.com/seller-assistant/seller-assistant/app"
)

type legendItem struct {
	label  string
	series int
}

// legend lays out centred, wrapping rows of swatch+label and returns the
// height used. Rows are capped so a pie of hundreds of categories still leaves
// room for the pie; an ellipsis says that items were left out.
func (l *chartLayout) legend(c app.Chart, top, width float32, mt chartMetrics) float32 {
	m, pad := mt.measure, mt.pad
	lineH := m("Ag", mt.small, false).Height
	if c.Kind == app.ChartHeatmap {
		lo, hi := c.ValueRange()
		loS, hiS := app.FormatValue(lo), app.FormatValue(hi)
		const gw, gap = 80, 6
		total := m(loS, mt.small, false).Width + m(hiS, mt.small, false).Width + gw + 2*gap
		x := (width - total) / 2
		st := textStyle{font: mt.small, role: roleMuted}
		x += l.text(loS, fyne.NewPos(x, top), alignLeft, alignTop, st, m).Width + gap
		l.gradient = &rectMark{pos: fyne.NewPos(x, top+lineH/2-5), size: fyne.NewSize(gw, 10)}
		l.text(hiS, fyne.NewPos(x+gw+gap, top), alignLeft, alignTop, st, m)
		return lineH + pad/2
	}
	var items []legendItem
	switch c.Kind {
	case app.ChartPie, app.ChartDonut:
		for i, cat := range c.Categories {
			items = append(items, legendItem{cat, i})
		}
	default:
		named := false
		for i, s := range c.Series {
			named = named || s.Name != ""
			items = append(items, legendItem{s.Name, i})
		}
		if !named {
			return 0
		}
	}
	const sw, swGap, itemGap = 10, 4, 14
	type placed struct {
		label  string
		series int
		w      float32
	}
	var rows [][]placed
	var row []placed
	rowW := float32(0)
	maxW := width - 2*pad
	more := false
	for _, it := range items {
		label := truncateText(it.label, fyne.Min(140, maxW-sw-swGap), mt.small, false, m)
		w := sw + swGap + m(label, mt.small, false).Width
		if len(row) > 0 && rowW+itemGap+w > maxW {
			rows = append(rows, row)
			row, rowW = nil, 0
			if len(rows) == maxLegendRows {
				more = true
				break
			}
		}
		if len(row) > 0 {
			rowW += itemGap
		}
		row = append(row, placed{label, it.series, w})
		rowW += w
	}
	if !more && len(row) > 0 {
		rows = append(rows, row)
	}
	y := top
	for ri, r := range rows {
		total := float32(0)
		for i, p := range r {
			if i > 0 {
				total += itemGap
			}
			total += p.w
		}
		x := (width - total) / 2
		if more && ri == len(rows)-1 {
			x -= m("…", mt.small, false).Width / 2
		}
		for _, p := range r {
			l.swatches = append(l.swatches, rectMark{pos: fyne.NewPos(x, y+lineH/2-sw/2), size: fyne.NewSize(sw, sw), series: p.series})
			l.text(p.label, fyne.NewPos(x+sw+swGap, y), alignLeft, alignTop, textStyle{font: mt.small, role: roleFg}, m)
			x += p.w + itemGap
		}
		if more && ri == len(rows)-1 {
			l.text("…", fyne.NewPos(x-itemGap/2, y), alignLeft, alignTop, textStyle{font: mt.small, role: roleMuted}, m)
		}
		y += lineH
	}
	return y - top + pad/2
}

// note wraps the note under the chart into at most three lines, anchored to
// the bottom edge, and returns the height used.
func (l *chartLayout) note(s string, bottom, width float32, mt chartMetrics) float32 {
	m := mt.measure
	lines := wrapText(s, width-2*mt.pad, mt.small, 3, m)
	lineH := m("Ag", mt.small, false).Height
	y := bottom - float32(len(lines))*lineH
	for i, ln := range lines {
		l.text(ln, fyne.NewPos(mt.pad, y+float32(i)*lineH), alignLeft, alignTop, textStyle{font: mt.small, role: roleMuted}, m)
	}
	return float32(len(lines)) * lineH
}

// categoryLabels writes labels centred under n equal slots starting at x0.
// It measures only a sample of labels and draws at most maxCategoryLabels, so
// the cost does not grow with the number of categories; labels are skipped
// (every step-th drawn) rather than allowed to overlap.
func (l *chartLayout) categoryLabels(cats []string, x0, slot, y float32, mt chartMetrics) {
	n := len(cats)
	if n == 0 || slot <= 0 {
		return
	}
	m := mt.measure
	natural := fyne.Min(sampledWidth(cats, mt), maxLabelWidth)
	const gap = 6
	step := max(1, int(math.Ceil(float64((natural+gap)/slot))))
	if n/step > maxCategoryLabels {
		step = int(math.Ceil(float64(n) / maxCategoryLabels))
	}
	allowed := fyne.Min(maxLabelWidth, float32(step)*slot-gap)
	st := textStyle{font: mt.small, role: roleMuted}
	lastRight := float32(math.Inf(-1))
	for i := 0; i < n; i += step {
		s := truncateText(cats[i], allowed, mt.small, false, m)
		if s == "" {
			continue
		}
		w := m(s, mt.small, false).Width
		// Labels at the edges are pulled inside the widget, which can push
		// them into their neighbour; such a label is dropped.
		cx := fyne.Min(fyne.Max(x0+(float32(i)+0.5)*slot, w/2), l.size.Width-w/2)
		if cx-w/2 < lastRight+gap/2 {
			continue
		}
		lastRight = cx + w/2
		l.text(s, fyne.NewPos(cx, y), alignCenter, alignTop, st, m)
	}
}

// truncateText shortens s with a trailing ellipsis so it fits maxW.
func truncateText(s string, maxW, size float32, bold bool, m measureFunc) string {
	if s == "" || m(s, size, bold).Width <= maxW {
		return s
	}
	runes := []rune(s)
	lo, hi := 0, len(runes)-1 // the longest prefix that fits, with the ellipsis, has a length in [lo, hi]
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if m(string(runes[:mid])+"…", size, bold).Width <= maxW {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	if lo == 0 {
		if m("…", size, bold).Width <= maxW {
			return "…"
		}
		return ""
	}
	return strings.TrimRight(string(runes[:lo]), " ") + "…"
}

// wrapText breaks s at spaces into at most maxLines lines of width maxW; the
// last line is truncated when the text does not fit.
func wrapText(s string, maxW, size float32, maxLines int, m measureFunc) []string {
	words := strings.Fields(s)
	var lines []string
	cur := ""
	for i, w := range words {
		next := w
		if cur != "" {
			next = cur + " " + w
		}
		if cur == "" || m(next, size, false).Width <= maxW {
			cur = next
			continue
		}
		if len(lines) == maxLines-1 {
			cur = strings.Join(append([]string{cur}, words[i:]...), " ")
			break
		}
		lines = append(lines, truncateText(cur, maxW, size, false, m))
		cur = w
	}
	if cur != "" {
		lines = append(lines, truncateText(cur, maxW, size, false, m))
	}
	return lines
}

// sampledWidth is the widest of up to ~50 evenly sampled labels, so label
// room can be sized without measuring thousands of strings.
func sampledWidth(labels []string, mt chartMetrics) float32 {
	w := float32(0)
	for i := 0; i < len(labels); i += max(1, len(labels)/50) {
		w = fyne.Max(w, mt.measure(labels[i], mt.small, false).Width)
	}
	return w
}

func lineHeight(mt chartMetrics) float32 { return mt.measure("Ag", mt.small, false).Height }
