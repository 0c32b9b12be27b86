package chart

import (
	"image/color"
	"math"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"

	"github.com/seller-assistant/seller-assistant/app"
)

// The window's side of the chart model's rules (app/chart_labels.go,
// app/chart_style.go): labels wrap before any is left out, counts have whole
// ticks, a gap breaks a line, joined scatter points draw a curve over a
// number axis, slices never share a colour, radar names wrap.

var testMetrics = chartMetrics{text: 14, small: 12, pad: 4, measure: fixedMeasure}

// labelsUnder is the text drawn below the plot, by line.
func labelsUnder(l *chartLayout) []textMark {
	var out []textMark
	for _, tm := range l.texts {
		if tm.pos.Y > l.plot.bottom() {
			out = append(out, tm)
		}
	}
	return out
}

func TestChartLabelsWrapBeforeAnyIsLeftOut(t *testing.T) {
	methods := []string{"Questionnaire", "Focus group", "Competitor analysis", "Field visit", "Interview", "Desk research", "Market data"}
	c := app.Chart{Kind: app.ChartStackedBar, Counts: true, Categories: methods, Series: []app.Series{{Name: "US", Values: []float64{1, 1, 1, 2, 1, 1, 2}}}}
	l := computeLayout(c, "", fyne.NewSize(760, 300), testMetrics)
	under := labelsUnder(l)
	shown := ""
	for _, tm := range under {
		shown += tm.text + "|"
	}
	for _, m := range methods {
		if !strings.Contains(shown, strings.Fields(m)[0]) {
			t.Errorf("category %q has no label; drawn %q", m, shown)
		}
	}
	if !strings.Contains(shown, "Competitor|analysis") {
		t.Errorf("the long label should wrap onto two lines, drawn %q", shown)
	}
	for i, a := range under {
		if strings.HasSuffix(a.text, "…") {
			t.Errorf("label %q shortened although wrapping fits it", a.text)
		}
		for _, b := range under[i+1:] {
			overlapX := a.pos.X < b.pos.X+b.size.Width && b.pos.X < a.pos.X+a.size.Width
			overlapY := a.pos.Y < b.pos.Y+b.size.Height && b.pos.Y < a.pos.Y+a.size.Height
			if overlapX && overlapY {
				t.Errorf("labels %q and %q overlap", a.text, b.text)
			}
		}
	}
	if bottom := under[len(under)-1].pos.Y + under[len(under)-1].size.Height; bottom > 300 {
		t.Errorf("wrapped labels run off the widget: bottom %v", bottom)
	}
}

func TestChartCountAxisHasWholeTicks(t *testing.T) {
	c := app.Chart{Kind: app.ChartBar, Counts: true, Categories: []string{"a", "b", "c"}, Series: []app.Series{{Values: []float64{2, 1, 0}}}}
	l := computeLayout(c, "", fyne.NewSize(400, 400), testMetrics)
	var ticks []string
	for _, tm := range l.texts {
		if tm.pos.X < l.plot.x && tm.pos.Y < l.plot.bottom()+1 && tm.pos.Y > l.plot.y-14 {
			ticks = append(ticks, tm.text)
		}
	}
	if len(ticks) < 2 {
		t.Fatalf("tick labels %q", ticks)
	}
	for _, s := range ticks {
		if strings.Contains(s, ".") {
			t.Errorf("a count axis has tick %q (ticks %q)", s, ticks)
		}
	}
}

func TestChartLineBreaksAtAGap(t *testing.T) {
	c := app.Chart{Kind: app.ChartLine, Categories: []string{"w1", "w2", "w3", "w4"},
		Series: []app.Series{{Name: "Resolution", Values: []float64{40, app.Gap, 22, 13}}}}
	w := newTestChartView(t, c)
	l := w.layout
	for _, p := range l.points {
		if p.index == 1 {
			t.Fatalf("a point was drawn for the gap at %v", p.pos)
		}
	}
	if len(l.points) != 3 || len(l.lines) != 1 {
		t.Fatalf("%d points and %d segments, want 3 and 1 (w3–w4 only)", len(l.points), len(l.lines))
	}
	slot := l.plot.w / 4
	gapX := l.plot.x + 1.5*slot
	if seg := l.lines[0]; seg.p1.X < gapX {
		t.Errorf("a segment crosses the gap: %v", seg)
	}
	// Where the gap is there is nothing to hover; a 0 would have read "0".
	if got := hoverAt(w, fyne.NewPos(gapX, l.plot.bottom()-1)); got != "" {
		t.Errorf("hover over the gap = %q", got)
	}
}

func TestChartJoinedScatterIsACurveOverANumberAxis(t *testing.T) {
	c := app.Chart{Kind: app.ChartScatter, XUnit: "USD", Unit: "USD", Series: []app.Series{{Name: "Profit", Line: true,
		Points: []app.Point{{X: 10, Y: -2}, {X: 14.29, Y: 0}, {X: 20, Y: 4}, {X: 30, Y: 10}}}}}
	l := computeLayout(c, "", fyne.NewSize(600, 400), testMetrics)
	if len(l.lines) != 3 {
		t.Fatalf("%d segments joining 4 points, want 3", len(l.lines))
	}
	// Equal prices apart are equal distances apart: 10→20 is as wide as 20→30.
	x := func(i int) float64 { return float64(pointAtIndex(t, l, i).pos.X) }
	if d1, d2 := x(2)-x(0), x(3)-x(2); math.Abs(d1-d2) > 0.5 {
		t.Errorf("10→20 is %.1f px, 20→30 is %.1f px: price is not a number axis", d1, d2)
	}
	if x(1)-x(0) > (x(2)-x(0))/2 {
		t.Errorf("14.29 drawn past the middle of 10..20")
	}
}

func pointAtIndex(t *testing.T, l *chartLayout, i int) pointMark {
	t.Helper()
	for _, p := range l.points {
		if p.index == i {
			return p
		}
	}
	t.Fatalf("no point %d", i)
	return pointMark{}
}

func TestChartPieSlicesNeverShareAColour(t *testing.T) {
	c := app.Chart{Kind: app.ChartDonut, Series: []app.Series{{}}}
	for i := range 12 {
		c.Categories = append(c.Categories, strings.Repeat("x", i+1))
		c.Series[0].Values = append(c.Series[0].Values, float64(12-i))
	}
	w := newTestChartView(t, c)
	seen := map[color.Color]int{}
	arcs := 0
	for _, o := range w.render.Objects() {
		if a, ok := o.(*canvas.Arc); ok && a.Visible() {
			arcs++
			if j, dup := seen[a.FillColor]; dup {
				t.Errorf("slices %d and %d are both %v", j, arcs-1, a.FillColor)
			}
			seen[a.FillColor] = arcs - 1
		}
	}
	if arcs != 12 {
		t.Fatalf("%d slices drawn, want 12", arcs)
	}
}

func TestChartRadarNamesWrapInsteadOfEllipsis(t *testing.T) {
	c := app.Chart{Kind: app.ChartRadar, RadarMax: 5,
		Categories: []string{"Market size", "Growth", "Competition", "Compliance burden", "Logistics ease", "Our advantage"},
		Series:     []app.Series{{Name: "DE", Values: []float64{4, 4, 3, 4, 4, 4}}}}
	w := newTestChartView(t, c)
	texts := drawnTexts(w)
	if !contains(texts, "Compliance") || !contains(texts, "burden") {
		t.Errorf("radar names drawn %q, want \"Compliance burden\" on two lines", texts)
	}
	for _, s := range texts {
		if strings.HasSuffix(s, "…") {
			t.Errorf("radar name shortened to %q", s)
		}
	}
}

// TestChartHoverOnALabelNamesTheCategory: a label shortened ("Questionn…")
// or left out is read whole by hovering its place under the axis.
func TestChartHoverOnALabelNamesTheCategory(t *testing.T) {
	days := make([]string, 200)
	for i := range days {
		days[i] = "Campaign day " + strings.Repeat("I", i%3) + string(rune('A'+i%26))
	}
	c := app.Chart{Kind: app.ChartBar, Categories: days, Series: []app.Series{{Values: make([]float64, 200)}}}
	w := newTestChartView(t, c)
	l := w.layout
	if l.labelBand == nil {
		t.Fatal("no label band")
	}
	for _, i := range []int{0, 57, 199} { // drawn or not, each category answers
		at := fyne.NewPos(l.labelBand.x+(float32(i)+0.5)*l.bandSlot, l.labelBand.y+2)
		if got := hoverAt(w, at); got != days[i] {
			t.Errorf("hover under category %d = %q, want %q", i, got, days[i])
		}
	}
	if got := hoverAt(w, fyne.NewPos(l.labelBand.x+1, l.labelBand.bottom()+30)); got != "" {
		t.Errorf("hover below the labels = %q", got)
	}
}
