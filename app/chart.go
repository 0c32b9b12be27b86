package app

import (
	"fmt"
	"math"
)

// ChartKind names how a Chart is drawn. The same model is drawn natively in the
// window (screens) and as an echarts page (report), so a kind must mean the same
// thing to both.
type ChartKind string

const (
	ChartBar        ChartKind = "bar"         // one bar per category per series, side by side
	ChartStackedBar ChartKind = "stacked_bar" // series stacked within each category
	ChartLine       ChartKind = "line"        // one line per series over the categories
	ChartPie        ChartKind = "pie"         // Series[0].Values, one slice per category
	ChartDonut      ChartKind = "donut"       // a pie with a hole
	ChartScatter    ChartKind = "scatter"     // Series[i].Points on two value axes
	ChartHeatmap    ChartKind = "heatmap"     // Matrix[y][x] over Categories (x) and YCategories (y)
	ChartRadar      ChartKind = "radar"       // Series[i].Values over Categories as indicators, 0..RadarMax
)

// Chart is the one model every chart of the app is built from. Titles and
// labels are already in the user's language when the chart is built, so the
// drawing code never translates.
type Chart struct {
	ID          string // stable, ASCII; the report's anchor and the export's file name
	Title       string
	Kind        ChartKind
	Categories  []string // x axis, slices, radar indicators or heatmap columns
	YCategories []string // heatmap rows only
	Series      []Series
	Matrix      [][]float64 // heatmap only: Matrix[row][col], len(YCategories) x len(Categories)
	XLabel      string      // axis title under the x axis (scatter: the x value)
	YLabel      string      // axis title beside the y axis
	Unit        string      // shown after values in tooltips and labels, e.g. "USD" or "%"
	XUnit       string      // scatter only: unit of the x value
	RadarMax    float64     // radar only: the outer ring; 0 means the largest value
	// Counts says the values are counts (orders, cases, notes): the value
	// axis then has whole-number ticks, never "0.5 orders".
	Counts bool
	Note   string // how the figures were computed, shown under the chart
	// Shade tints the categories From..To (indices, inclusive) behind the
	// data, e.g. a campaign's days on a daily revenue line. Optional; line
	// and bar charts only.
	Shade *ChartRange

	// Scatter only. XLog puts the x axis on a base-10 log scale, for ratios
	// (0.5 and 2 sit as far from 1 as each other); every x must then be > 0.
	XLog bool
	// XRefs and YRefs are reference lines across the plot at those values
	// (vertical at x, horizontal at y), each with a label, e.g. the 1.0
	// relative share and the growth threshold of a BCG chart. The axes
	// always reach them.
	XRefs, YRefs []RefLine
	// Quadrants names the four areas the first XRef and YRef split the
	// plot into, written in the plot's corners. Optional.
	Quadrants *QuadrantNames
}

// RefLine is a reference line at Value on an axis, labelled.
type RefLine struct {
	Value float64
	Label string
}

// QuadrantNames are the names written in the corners of a scatter plot.
type QuadrantNames struct {
	TopLeft, TopRight, BottomLeft, BottomRight string
}

// ChartRange is a span of categories with a label.
type ChartRange struct {
	From, To int
	Label    string
}

// Series is one named set of values.
type Series struct {
	Name string
	// Values has one value per category (bar, stacked bar, line, pie,
	// donut, radar). On a line, Gap marks a category without a value (a
	// week with no resolved case): the line breaks there instead of
	// dropping to 0.
	Values []float64
	Points []Point // scatter only
	// Line joins a scatter series' points in the order given, for a curve
	// over a number axis (profit against price), where the x values are
	// numbers at their true distances, not categories.
	Line bool
}

// Gap is the value of a line chart's category that has no value.
var Gap = math.NaN()

// IsGap reports whether v marks a missing value (see Gap).
func IsGap(v float64) bool { return math.IsNaN(v) }

// Point is one scatter point; Label names it in the tooltip, Tag (short,
// e.g. a SKU) is written beside it on the chart when set.
type Point struct {
	X, Y  float64
	Label string
	Tag   string
}

// Validate reports a chart whose shape does not match its kind, so a bug in a
// builder shows up in tests rather than as a blank or crashing widget.
func (c Chart) Validate() error {
	switch c.Kind {
	case ChartBar, ChartStackedBar, ChartLine, ChartPie, ChartDonut, ChartRadar, ChartScatter, ChartHeatmap:
		if c.Empty() {
			return nil // nothing to draw is a valid chart: screens say "no data yet"
		}
	}
	var msg string
	switch c.Kind {
	case ChartBar, ChartStackedBar, ChartLine, ChartPie, ChartDonut, ChartRadar:
		msg = c.seriesProblem()
	case ChartScatter:
		msg = c.scatterProblem()
	case ChartHeatmap:
		msg = c.heatmapProblem()
	default:
		msg = "unknown kind"
	}
	if msg == "" {
		if sh := c.Shade; sh != nil && (sh.From < 0 || sh.To < sh.From || sh.To >= len(c.Categories)) {
			msg = fmt.Sprintf("shade %d..%d outside the %d categories", sh.From, sh.To, len(c.Categories))
		}
	}
	if msg != "" {
		return fmt.Errorf("chart %q (%s): %s", c.ID, c.Kind, msg)
	}
	return nil
}

func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

// seriesProblem checks a category chart: one value per category in every
// series, finite, and not negative where the kind cannot show it.
func (c Chart) seriesProblem() string {
	if len(c.Series) == 0 {
		return "no series"
	}
	pie := c.Kind == ChartPie || c.Kind == ChartDonut
	if pie && len(c.Series) != 1 {
		return fmt.Sprintf("a pie has exactly one series, got %d", len(c.Series))
	}
	noNegatives := pie || c.Kind == ChartStackedBar || c.Kind == ChartRadar
	for _, s := range c.Series {
		if len(s.Values) != len(c.Categories) {
			return fmt.Sprintf("series %q has %d values for %d categories", s.Name, len(s.Values), len(c.Categories))
		}
		for _, v := range s.Values {
			if IsGap(v) && c.Kind == ChartLine {
				continue // a line breaks at a gap; other kinds have no way to show one
			}
			if !finite(v) {
				return fmt.Sprintf("series %q has a value that is not a finite number", s.Name)
			}
			if v < 0 && noNegatives {
				return fmt.Sprintf("series %q has a negative value, which %s cannot show", s.Name, c.Kind)
			}
		}
	}
	return ""
}

// scatterProblem checks points and reference lines: finite, and above 0 on
// a log axis.
func (c Chart) scatterProblem() string {
	if len(c.Series) == 0 {
		return "no series"
	}
	for _, s := range c.Series {
		for _, p := range s.Points {
			if !finite(p.X) || !finite(p.Y) {
				return fmt.Sprintf("series %q has a point that is not finite", s.Name)
			}
			if c.XLog && p.X <= 0 {
				return fmt.Sprintf("series %q has x = %g on a log axis, which shows only values above 0", s.Name, p.X)
			}
		}
	}
	for _, r := range append(append([]RefLine(nil), c.XRefs...), c.YRefs...) {
		if !finite(r.Value) {
			return fmt.Sprintf("reference line %q is not finite", r.Label)
		}
	}
	for _, r := range c.XRefs {
		if c.XLog && r.Value <= 0 {
			return fmt.Sprintf("reference line %q at x = %g on a log axis", r.Label, r.Value)
		}
	}
	return ""
}

// heatmapProblem checks that the matrix matches its row and column labels.
func (c Chart) heatmapProblem() string {
	if len(c.Matrix) != len(c.YCategories) {
		return fmt.Sprintf("%d rows for %d row labels", len(c.Matrix), len(c.YCategories))
	}
	for i, row := range c.Matrix {
		if len(row) != len(c.Categories) {
			return fmt.Sprintf("row %d has %d cells for %d columns", i, len(row), len(c.Categories))
		}
		for _, v := range row {
			if !finite(v) {
				return fmt.Sprintf("row %d has a cell that is not finite", i)
			}
		}
	}
	return ""
}

// Empty reports whether the chart has nothing to draw; screens then show a
// short "no data yet" line instead of empty axes.
func (c Chart) Empty() bool {
	switch c.Kind {
	case ChartScatter:
		for _, s := range c.Series {
			if len(s.Points) > 0 {
				return false
			}
		}
		return true
	case ChartHeatmap:
		return len(c.Matrix) == 0 || len(c.Categories) == 0
	default:
		return len(c.Categories) == 0 || len(c.Series) == 0
	}
}

// ValueRange returns the smallest and largest value the value axis must show,
// always including 0 for bars and stacks so bars start at the axis. Stacked
// bars use the per-category sums.
func (c Chart) ValueRange() (lo, hi float64) {
	lo, hi = math.Inf(1), math.Inf(-1)
	see := func(v float64) {
		if IsGap(v) {
			return
		}
		lo = math.Min(lo, v)
		hi = math.Max(hi, v)
	}
	switch c.Kind {
	case ChartStackedBar:
		for i := range c.Categories {
			sum := 0.0
			for _, s := range c.Series {
				sum += s.Values[i]
			}
			see(sum)
		}
	case ChartScatter:
		for _, s := range c.Series {
			for _, p := range s.Points {
				see(p.Y)
			}
		}
		for _, r := range c.YRefs {
			see(r.Value)
		}
	case ChartHeatmap:
		for _, row := range c.Matrix {
			for _, v := range row {
				see(v)
			}
		}
	default:
		for _, s := range c.Series {
			for _, v := range s.Values {
				see(v)
			}
		}
	}
	if math.IsInf(lo, 1) {
		return 0, 1
	}
	if c.Kind == ChartScatter && c.Quadrants != nil && len(c.YRefs) > 0 {
		lo, hi = roomAround(lo, hi, c.YRefs[0].Value)
	}
	if c.Kind == ChartBar || c.Kind == ChartStackedBar || c.Kind == ChartRadar {
		lo = math.Min(lo, 0)
		hi = math.Max(hi, 0)
	}
	if lo == hi {
		hi = lo + 1
	}
	return lo, hi
}

// ValueTicks returns about n round ticks for the chart's value axis,
// covering ValueRange: whole numbers when the chart shows Counts.
func (c Chart) ValueTicks(n int) []float64 {
	lo, hi := c.ValueRange()
	return niceTicks(lo, hi, n, c.Counts)
}

// NiceTicks returns about n evenly spaced round values covering lo..hi
// (1, 2 or 5 times a power of ten), the way a person would label an axis.
func NiceTicks(lo, hi float64, n int) []float64 {
	return niceTicks(lo, hi, n, false)
}

// NiceCountTicks is NiceTicks for counts: the step is a whole number (1, 2,
// 5, 10 …, never 0.5 or 2.5), so every tick is one.
func NiceCountTicks(lo, hi float64, n int) []float64 {
	return niceTicks(lo, hi, n, true)
}

func niceTicks(lo, hi float64, n int, whole bool) []float64 {
	if n < 2 {
		n = 2
	}
	if hi <= lo {
		hi = lo + 1
	}
	raw := (hi - lo) / float64(n-1)
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	step := mag
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		if whole && m*mag != math.Trunc(m*mag) {
			continue // 0.5 or 2.5 of a count
		}
		if m*mag >= raw {
			step = m * mag
			break
		}
	}
	if whole && step < 1 {
		step = 1
	}
	start := math.Floor(lo/step) * step
	var ticks []float64
	// Go on until a tick reaches hi, so the axis always covers the data.
	for v := start; ; v += step {
		t := math.Round(v/step) * step
		ticks = append(ticks, t)
		if t >= hi-step*1e-9 || len(ticks) > 50 {
			break
		}
	}
	return ticks
}

// XRange is the smallest and largest x of a scatter chart's points and
// x reference lines, so the axis reaches both.
func (c Chart) XRange() (lo, hi float64) {
	lo, hi = math.Inf(1), math.Inf(-1)
	for _, s := range c.Series {
		for _, p := range s.Points {
			lo, hi = math.Min(lo, p.X), math.Max(hi, p.X)
		}
	}
	for _, r := range c.XRefs {
		lo, hi = math.Min(lo, r.Value), math.Max(hi, r.Value)
	}
	if math.IsInf(lo, 1) {
		return 0, 1
	}
	if c.Quadrants != nil && len(c.XRefs) > 0 {
		if c.XLog {
			ll, lh := math.Log10(lo), math.Log10(hi)
			l, h := roomAround(ll, lh, math.Log10(c.XRefs[0].Value))
			// Only a bound that moved is recomputed, so 0.2 stays 0.2.
			if l != ll {
				lo = math.Pow(10, l)
			}
			if h != lh {
				hi = math.Pow(10, h)
			}
		} else {
			lo, hi = roomAround(lo, hi, c.XRefs[0].Value)
		}
	}
	if lo == hi {
		if c.XLog {
			return lo / 2, hi * 2
		}
		hi = lo + 1
	}
	return lo, hi
}

// roomAround widens lo..hi so that the split at ref leaves each side at
// least a fifth of the axis: a quadrant squeezed to a sliver would have no
// room for its name or its points.
func roomAround(lo, hi, ref float64) (float64, float64) {
	lo, hi = math.Min(lo, ref), math.Max(hi, ref)
	span := hi - lo
	if span == 0 {
		return lo - 1, hi + 1
	}
	if ref-lo < span/5 {
		lo = ref - (hi-ref)/4
	}
	if hi-ref < span/5 {
		hi = ref + (ref-lo)/4
	}
	return lo, hi
}

// LogTicks returns round values for a log axis covering lo..hi (both > 0):
// 1, 2 and 5 times each power of ten when the range spans at most three
// decades, else the powers of ten alone. The first tick is at or below lo
// and the last at or above hi.
func LogTicks(lo, hi float64) []float64 {
	if lo <= 0 || hi <= 0 || math.IsNaN(lo) || math.IsNaN(hi) {
		return []float64{1, 10}
	}
	if hi < lo {
		lo, hi = hi, lo
	}
	d0, d1 := math.Floor(math.Log10(lo)), math.Ceil(math.Log10(hi))
	if d1 == d0 {
		d1++
	}
	steps := []float64{1, 2, 5}
	if d1-d0 > 3 {
		steps = []float64{1}
	}
	var all []float64
	for d := d0; d <= d1; d++ {
		for _, m := range steps {
			all = append(all, m*math.Pow(10, d))
		}
	}
	// Keep one tick at or below lo and one at or above hi, no more.
	first, last := 0, len(all)-1
	for i, v := range all {
		if v <= lo*(1+1e-9) {
			first = i
		}
	}
	for i := len(all) - 1; i >= 0; i-- {
		if all[i] >= hi*(1-1e-9) {
			last = i
		}
	}
	out := make([]float64, 0, last-first+1)
	for _, v := range all[first : last+1] {
		out = append(out, roundSig(v))
	}
	return out
}

// roundSig removes the float noise of m × 10^d (0.30000000000000004).
func roundSig(v float64) float64 {
	p := math.Pow(10, 12-math.Ceil(math.Log10(v)))
	return math.Round(v*p) / p
}

// FormatValue shows a chart value compactly: 1234567 -> "1.23M", 0.5 -> "0.5".
func FormatValue(v float64) string {
	a := math.Abs(v)
	switch {
	case a >= 1e9:
		return trimZeros(fmt.Sprintf("%.2f", v/1e9)) + "B"
	case a >= 1e6:
		return trimZeros(fmt.Sprintf("%.2f", v/1e6)) + "M"
	case a >= 1e4:
		return trimZeros(fmt.Sprintf("%.1f", v/1e3)) + "k"
	case a >= 100 || a == math.Trunc(a):
		return fmt.Sprintf("%.0f", v)
	default:
		return trimZeros(fmt.Sprintf("%.2f", v))
	}
}

func trimZeros(s string) string {
	for len(s) > 1 && s[len(s)-1] == '0' {
		s = s[:len(s)-1]
	}
	if s[len(s)-1] == '.' {
		s = s[:len(s)-1]
	}
	return s
}
