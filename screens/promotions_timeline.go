package screens

import (
	"image/color"
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/seller-assistant/seller-assistant/app"
)

// timeline draws one year as a Gantt chart: month columns, a row per market
// event (amber), a row per campaign (coloured by goal) and a line on today.
// Tapping a row selects its campaign or event.
type timeline struct {
	widget.BaseWidget

	l         *app.Localizer
	year      int
	today     time.Time
	events    []app.MarketEvent
	campaigns []app.Campaign
	selected  int64

	onCampaign func(app.Campaign)
	onEvent    func(app.MarketEvent)

	// lanes pack the events into as few rows as fit, each event's label
	// beside its bar; laneSpans are their x extents, for taps.
	lanes     [][]int
	laneSpans [][][2]float32
	labelX    []float32 // per event: where its label starts
}

const (
	tlLabelW = 230
	tlHeadH  = 26
	tlEventH = 20
	tlCampH  = 26
	tlGap    = 8
)

func newTimeline(l *app.Localizer, year int, today time.Time) *timeline {
	t := &timeline{l: l, year: year, today: today}
	t.ExtendBaseWidget(t)
	return t
}

func (t *timeline) set(year int, events []app.MarketEvent, campaigns []app.Campaign, selected int64) {
	t.year, t.events, t.campaigns, t.selected = year, events, campaigns, selected
	// Pack now, so MinSize knows the height before the next layout.
	w := max(t.Size().Width, tlLabelW+600)
	t.packLanes(t.dayX(w), theme.CaptionTextSize(), w)
	t.Refresh()
}

// dayX maps a day to its x position at width w.
func (t *timeline) dayX(w float32) func(time.Time) float32 {
	start := time.Date(t.year, 1, 1, 0, 0, 0, 0, time.UTC)
	days := float32(time.Date(t.year+1, 1, 1, 0, 0, 0, 0, time.UTC).Sub(start).Hours() / 24)
	plotW := w - tlLabelW
	return func(d time.Time) float32 {
		v := float32(d.Sub(start).Hours()/24) / days
		return tlLabelW + min(max(v, 0), 1)*plotW
	}
}

// visible are the campaigns that touch the timeline's year.
func (t *timeline) visible() []app.Campaign {
	first, last := time.Date(t.year, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(t.year, 12, 31, 0, 0, 0, 0, time.UTC)
	var out []app.Campaign
	for _, c := range t.campaigns {
		if !c.End.Before(first) && !c.Start.After(last) {
			out = append(out, c)
		}
	}
	return out
}

func (t *timeline) height() float32 {
	return tlHeadH + float32(max(len(t.lanes), 1))*tlEventH + tlGap + float32(max(len(t.visible()), 1))*tlCampH
}

// rowAt maps a position to an event or campaign index; -1 when none.
func (t *timeline) rowAt(pos fyne.Position) (event, campaign int) {
	y := pos.Y - tlHeadH
	if y < 0 {
		return -1, -1
	}
	if lane := int(y / tlEventH); lane < len(t.lanes) {
		for i, sp := range t.laneSpans[lane] {
			if pos.X >= sp[0]-2 && pos.X <= sp[1] {
				return t.lanes[lane][i], -1
			}
		}
		return -1, -1
	}
	y -= float32(max(len(t.lanes), 1))*tlEventH + tlGap
	if y < 0 {
		return -1, -1
	}
	if i := int(y / tlCampH); i < len(t.visible()) {
		return -1, i
	}
	return -1, -1
}

// packLanes puts each event in the first lane where its bar and label do
// not overlap the one before; x gives a day's position and w the width. A
// label that would run off the right edge goes left of its bar.
func (t *timeline) packLanes(x func(time.Time) float32, size, w float32) {
	t.lanes, t.laneSpans, t.labelX = nil, nil, make([]float32, len(t.events))
	var ends []float32
	for i, e := range t.events {
		b0 := x(e.Start)
		b1 := max(x(e.End.AddDate(0, 0, 1)), b0+3)
		lw := fyne.MeasureText(e.Title(t.l), size, fyne.TextStyle{}).Width
		x0, x1 := b0, b1+4+lw
		t.labelX[i] = b1 + 4
		if x1 > w {
			x0, x1 = b0-4-lw, b1
			t.labelX[i] = x0
		}
		lane := -1
		for j, end := range ends {
			if x0 > end+6 {
				lane = j
				break
			}
		}
		if lane < 0 {
			lane = len(ends)
			ends = append(ends, 0)
			t.lanes = append(t.lanes, nil)
			t.laneSpans = append(t.laneSpans, nil)
		}
		ends[lane] = x1
		t.lanes[lane] = append(t.lanes[lane], i)
		t.laneSpans[lane] = append(t.laneSpans[lane], [2]float32{x0, x1})
	}
}

// Tapped opens the campaign or event under the tap.
func (t *timeline) Tapped(e *fyne.PointEvent) {
	ev, cp := t.rowAt(e.Position)
	switch {
	case ev >= 0 && t.onEvent != nil:
		t.onEvent(t.events[ev])
	case cp >= 0 && t.onCampaign != nil:
		t.onCampaign(t.visible()[cp])
	}
}

func (t *timeline) CreateRenderer() fyne.WidgetRenderer {
	return &timelineRenderer{t: t}
}

type timelineRenderer struct {
	t       *timeline
	objects []fyne.CanvasObject
	size    fyne.Size
}

func (r *timelineRenderer) Layout(size fyne.Size) {
	r.size = size
	r.rebuild()
}

func (r *timelineRenderer) MinSize() fyne.Size { return fyne.NewSize(tlLabelW+600, r.t.height()) }

func (r *timelineRenderer) Refresh() {
	r.rebuild()
	canvas.Refresh(r.t)
}

func (r *timelineRenderer) Objects() []fyne.CanvasObject { return r.objects }
func (r *timelineRenderer) Destroy()                     {}

func (r *timelineRenderer) rebuild() {
	t := r.t
	w := r.size.Width
	if w < tlLabelW+100 {
		w = tlLabelW + 600
	}
	h := t.height()
	start := time.Date(t.year, 1, 1, 0, 0, 0, 0, time.UTC)
	x := t.dayX(w)
	fg := theme.Color(theme.ColorNameForeground)
	muted := theme.Color(theme.ColorNamePlaceHolder)
	grid := theme.Color(theme.ColorNameSeparator)
	small := theme.CaptionTextSize()
	var objs []fyne.CanvasObject
	text := func(s string, pos fyne.Position, c color.Color, size float32, bold bool) {
		tx := canvas.NewText(s, c)
		tx.TextSize = size
		tx.TextStyle.Bold = bold
		tx.Move(pos)
		objs = append(objs, tx)
	}
	rect := func(x0, y0, x1, y1 float32, c color.Color) *canvas.Rectangle {
		rc := canvas.NewRectangle(c)
		rc.Move(fyne.NewPos(x0, y0))
		rc.Resize(fyne.NewSize(max(x1-x0, 3), y1-y0))
		objs = append(objs, rc)
		return rc
	}
	for m := 0; m < 12; m++ {
		d := start.AddDate(0, m, 0)
		x0 := x(d)
		line := canvas.NewLine(grid)
		line.Position1, line.Position2 = fyne.NewPos(x0, 0), fyne.NewPos(x0, h)
		objs = append(objs, line)
		text(monthLabel(t.l, d.Month()), fyne.NewPos(x0+4, 4), muted, small, false)
	}
	t.packLanes(x, small, w)
	y := float32(tlHeadH)
	// Market events in the chart palette's amber, a little see-through; the
	// goals take four other colours of the same palette (see goalIndex).
	amber := app.SeriesColor(1, 5)
	amber.A = 0xdd
	text(truncateTo(t.l.T("promotions.events"), tlLabelW-8, small), fyne.NewPos(4, y+2), muted, small, true)
	for lane, idx := range t.lanes {
		ly := y + float32(lane)*tlEventH
		for _, i := range idx {
			e := t.events[i]
			x0, x1 := x(e.Start), x(e.End.AddDate(0, 0, 1))
			rect(x0, ly+4, x1, ly+tlEventH-4, amber)
			text(e.Title(t.l), fyne.NewPos(t.labelX[i], ly+2), muted, small, false)
		}
	}
	y += float32(max(len(t.lanes), 1)) * tlEventH
	y += tlGap
	sep := canvas.NewLine(grid)
	sep.Position1, sep.Position2 = fyne.NewPos(0, y-tlGap/2), fyne.NewPos(w, y-tlGap/2)
	objs = append(objs, sep)
	for _, c := range t.visible() {
		text(truncateTo(c.Name, tlLabelW-8, theme.TextSize()), fyne.NewPos(4, y+3), fg, theme.TextSize(), c.ID == t.selected)
		bar := rect(x(c.Start), y+4, x(c.End.AddDate(0, 0, 1)), y+tlCampH-4, app.SeriesColor(goalIndex(c.Goal), 5))
		bar.CornerRadius = 3
		if c.ID == t.selected {
			bar.StrokeColor, bar.StrokeWidth = fg, 2
		}
		y += tlCampH
	}
	if !t.today.Before(start) && t.today.Year() == t.year {
		tx := x(t.today)
		line := canvas.NewLine(theme.Color(theme.ColorNameError))
		line.StrokeWidth = 2
		line.Position1, line.Position2 = fyne.NewPos(tx, 0), fyne.NewPos(tx, h)
		objs = append(objs, line)
	}
	r.objects = objs
}

func goalIndex(goal string) int {
	for i, g := range app.CampaignGoals {
		if g == goal {
			// Skip amber (index 1): it marks the market events.
			return []int{0, 2, 3, 4}[i]
		}
	}
	return 5
}

func monthLabel(l *app.Localizer, m time.Month) string {
	return l.T("promotions.month." + strconv.Itoa(int(m)))
}

// truncateTo shortens s with an ellipsis to fit width at size.
func truncateTo(s string, width, size float32) string {
	if fyne.MeasureText(s, size, fyne.TextStyle{}).Width <= width {
		return s
	}
	r := []rune(s)
	for len(r) > 1 {
		r = r[:len(r)-1]
		if fyne.MeasureText(string(r)+"…", size, fyne.TextStyle{}).Width <= width {
			break
		}
	}
	return string(r) + "…"
}
