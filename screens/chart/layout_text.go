package chart

import (
	"math"
	"strings"

	"fyne.io/fyne/v2"

	"github.com/seller-assistant/seller-assistant/app"
	"github.com/seller-assistant/seller-assistant/app/format"
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

// maxLabelLines is how many lines a wrapped category label may take: the
// window cannot rotate text, so labels that do not fit level wrap first.
const maxLabelLines = 2

// labelPlan decides, with the chart model's rule, how n categories' labels
// fit slots of the given width: level, wrapped onto up to maxLines lines,
// shortened to the slot ("Questionn…", whole on hover), and only then every
// Step-th label.
func labelPlan(cats []string, slot float32, maxLines int, mt chartMetrics) app.LabelPlan {
	measure := func(s string) float64 { return float64(mt.measure(s, mt.small, false).Width) }
	p := app.PlanCategoryLabels(cats, app.LabelRoom{Slot: float64(slot), LineHeight: float64(lineHeight(mt)),
		MaxWidth: maxLabelWidth, MaxLines: maxLines, MinWidth: measure("Mmm…")}, measure)
	if n := len(cats); n/p.Step > maxCategoryLabels {
		p.Step = int(math.Ceil(float64(n) / maxCategoryLabels))
	}
	return p
}

// labelLines is how many text lines to reserve under a category axis of
// width w: the plan for a slot a little narrower than the final one, so the
// room reserved is never less than the labels then need.
func labelLines(cats []string, w float32, mt chartMetrics) int {
	if len(cats) == 0 {
		return 1
	}
	return labelPlan(cats, (w-60)/float32(len(cats)), maxLabelLines, mt).Lines
}

// categoryLabels writes labels centred under n equal slots starting at x0,
// on up to maxLines lines each. The plan (app.PlanCategoryLabels) wraps
// labels before it leaves any out; when it must, every Step-th label is
// drawn, and the tooltip still names each category. Labels pulled inside
// the widget at its edges that would then touch a neighbour are dropped.
func (l *chartLayout) categoryLabels(cats []string, x0, slot, y float32, maxLines int, mt chartMetrics) {
	n := len(cats)
	if n == 0 || slot <= 0 {
		return
	}
	m := mt.measure
	p := labelPlan(cats, slot, maxLines, mt)
	l.labelBand = &rect{x0, y, slot * float32(n), float32(max(p.Lines, maxLines)) * lineHeight(mt)}
	l.bandSlot = slot
	const gap = 6
	// A level label has its whole slot; one of every Step-th is also kept
	// short, so the few drawn do not read as the whole axis.
	allowed := slot - gap
	if p.Step > 1 {
		allowed = fyne.Min(maxLabelWidth, float32(p.Step)*slot-gap)
	}
	lineH := lineHeight(mt)
	st := textStyle{font: mt.small, role: roleMuted}
	lastRight := float32(math.Inf(-1))
	for i := 0; i < n; i += p.Step {
		lines := []string{cats[i]}
		if p.Lines > 1 || p.Shorten {
			lines, _ = app.WrapLabel(cats[i], float64(allowed), p.Lines, func(s string) float64 { return float64(m(s, mt.small, false).Width) })
		}
		w := float32(0)
		for j := range lines {
			lines[j] = truncateText(lines[j], allowed, mt.small, false, m)
			w = fyne.Max(w, m(lines[j], mt.small, false).Width)
		}
		if w == 0 {
			continue
		}
		cx := fyne.Min(fyne.Max(x0+(float32(i)+0.5)*slot, w/2), l.size.Width-w/2)
		if cx-w/2 < lastRight+gap/2 {
			continue
		}
		lastRight = cx + w/2
		for j, ln := range lines {
			l.text(ln, fyne.NewPos(cx, y+float32(j)*lineH), alignCenter, alignTop, st, m)
		}
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

// wrapText breaks s into at most maxLines lines of width maxW with the
// app's line-breaking rule (format.Wrap: Chinese between characters, never
// inside a number or Latin word, never before closing punctuation); when
// the text does not fit, the last line ends in an ellipsis.
func wrapText(s string, maxW, size float32, maxLines int, m measureFunc) []string {
	width := func(t string) float32 { return m(t, size, false).Width }
	lines := format.Wrap(s, maxW, width)
	for i, ln := range lines {
		lines[i] = truncateText(ln, maxW, size, false, m) // a single piece wider than the line
	}
	if len(lines) <= maxLines {
		return lines
	}
	lines = lines[:maxLines]
	last := []rune(strings.TrimRight(lines[maxLines-1], " "))
	for len(last) > 0 && width(string(last)+"…") > maxW {
		last = last[:len(last)-1]
	}
	lines[maxLines-1] = string(last) + "…"
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
