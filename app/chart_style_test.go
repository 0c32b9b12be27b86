package app_test

import (
	"math"
	"testing"

	"github.com/seller-assistant/seller-assistant/app"
)

// TestPaletteNeverRepeats: the colours of a chart's series or slices are
// all different, however many there are, and visibly so for a pie's worth.
func TestPaletteNeverRepeats(t *testing.T) {
	for n := 1; n <= 64; n++ {
		p := app.Palette(n)
		for i := range p {
			if p[i] != app.SeriesColor(i, n) {
				t.Fatalf("Palette(%d)[%d] differs from SeriesColor", n, i)
			}
			for j := range i {
				d := math.Sqrt(sq(int(p[i].R)-int(p[j].R)) + sq(int(p[i].G)-int(p[j].G)) + sq(int(p[i].B)-int(p[j].B)))
				if p[i] == p[j] || (n <= 24 && d < 40) {
					t.Fatalf("n=%d: colours %d %v and %d %v are %.0f apart", n, i, p[i], j, p[j], d)
				}
			}
		}
	}
	// A chart with few series keeps the familiar base colours.
	if app.SeriesColor(9, 4) != app.SeriesColor(1, 4) {
		t.Error("a colour index past a small palette should wrap to the base colours")
	}
	if app.HexColor(app.SeriesColor(0, 1)) != "#3b82f6" {
		t.Errorf("first colour %s", app.HexColor(app.SeriesColor(0, 1)))
	}
}

func sq(v int) float64 { return float64(v * v) }

func TestAxisTitleAddsTheUnitOnce(t *testing.T) {
	tests := []struct{ label, unit, want string }{
		{"Revenue", "USD", "Revenue (USD)"},
		{"", "%", "%"},
		{"Growth", "", "Growth"},
		{"Margin (%)", "%", "Margin (%)"},
		{"工作时长（小时）", "h", "工作时长（小时）"},
		{"平均时效（天）", "天", "平均时效（天）"},
		{"Units", "units", "Units"},
		{"Days of cover", "days", "Days of cover"},
		{"%", "%", "%"},
		{"ACoS", "%", "ACoS (%)"},
	}
	for _, tt := range tests {
		if got := app.AxisTitle(tt.label, tt.unit); got != tt.want {
			t.Errorf("AxisTitle(%q, %q) = %q, want %q", tt.label, tt.unit, got, tt.want)
		}
	}
	sc := app.Chart{Kind: app.ChartScatter, XLabel: "Average delivery days", XUnit: "days", YLabel: "Cost", Unit: "CNY"}
	if sc.XTitle() != "Average delivery days" || sc.YTitle() != "Cost (CNY)" {
		t.Errorf("scatter titles %q, %q", sc.XTitle(), sc.YTitle())
	}
}

// TestCountTicksAreWhole: a chart of counts never has a tick between two
// whole numbers, whatever its range.
func TestCountTicksAreWhole(t *testing.T) {
	for hi := 1; hi <= 400; hi++ {
		for _, n := range []int{3, 5, 8} {
			c := app.Chart{Kind: app.ChartBar, Counts: true, Categories: []string{"a", "b"},
				Series: []app.Series{{Values: []float64{0, float64(hi)}}}}
			ticks := c.ValueTicks(n)
			if ticks[len(ticks)-1] < float64(hi) {
				t.Fatalf("hi=%d: ticks %v stop short", hi, ticks)
			}
			for _, v := range ticks {
				if v != math.Trunc(v) {
					t.Fatalf("hi=%d n=%d: tick %v of a count chart is not whole (%v)", hi, n, v, ticks)
				}
			}
		}
	}
	// Other charts keep their fine ticks.
	plain := app.Chart{Kind: app.ChartBar, Categories: []string{"a"}, Series: []app.Series{{Values: []float64{2}}}}
	if ticks := plain.ValueTicks(5); ticks[1] != 0.5 {
		t.Errorf("a chart of amounts lost its 0.5 ticks: %v", ticks)
	}
}

// TestLineGapIsNotZero: a gap is valid on a line, left out of the value
// range, and still refused on a bar (which cannot show one).
func TestLineGapIsNotZero(t *testing.T) {
	line := app.Chart{Kind: app.ChartLine, Categories: []string{"w1", "w2", "w3"},
		Series: []app.Series{{Name: "median", Values: []float64{40, app.Gap, 22}}}}
	if err := line.Validate(); err != nil {
		t.Fatal(err)
	}
	if lo, hi := line.ValueRange(); lo != 22 || hi != 40 {
		t.Errorf("value range %v..%v, want 22..40 (the gap is no value)", lo, hi)
	}
	bar := line
	bar.Kind = app.ChartBar
	if bar.Validate() == nil {
		t.Error("a bar chart accepted a gap")
	}
}
