package app_test

import (
	"math"
	"strings"
	"testing"

	"github.com/seller-assistant/seller-assistant/app"
)

func TestChartValidate(t *testing.T) {
	cats := []string{"a", "b"}
	tests := []struct {
		name  string
		chart app.Chart
		err   string // "" means valid
	}{
		{"bar", app.Chart{Kind: app.ChartBar, Categories: cats, Series: []app.Series{{Values: []float64{1, -2}}}}, ""},
		{"empty bar is valid", app.Chart{Kind: app.ChartBar}, ""},
		{"short series", app.Chart{Kind: app.ChartLine, Categories: cats, Series: []app.Series{{Name: "s", Values: []float64{1}}}}, "1 values for 2 categories"},
		{"NaN", app.Chart{Kind: app.ChartBar, Categories: cats, Series: []app.Series{{Values: []float64{1, math.NaN()}}}}, "not a finite"},
		{"negative pie", app.Chart{Kind: app.ChartPie, Categories: cats, Series: []app.Series{{Values: []float64{1, -1}}}}, "negative"},
		{"two-series pie", app.Chart{Kind: app.ChartDonut, Categories: cats, Series: []app.Series{{Values: []float64{1, 1}}, {Values: []float64{1, 1}}}}, "exactly one series"},
		{"negative stack", app.Chart{Kind: app.ChartStackedBar, Categories: cats, Series: []app.Series{{Values: []float64{1, -1}}}}, "negative"},
		{"scatter inf", app.Chart{Kind: app.ChartScatter, Series: []app.Series{{Points: []app.Point{{X: math.Inf(1), Y: 1}}}}}, "not finite"},
		{"heatmap rows", app.Chart{Kind: app.ChartHeatmap, Categories: cats, YCategories: []string{"r"}, Matrix: [][]float64{{1, 2}, {3, 4}}}, "2 rows for 1 row labels"},
		{"heatmap cols", app.Chart{Kind: app.ChartHeatmap, Categories: cats, YCategories: []string{"r"}, Matrix: [][]float64{{1}}}, "1 cells for 2 columns"},
		{"heatmap ok", app.Chart{Kind: app.ChartHeatmap, Categories: cats, YCategories: []string{"r"}, Matrix: [][]float64{{1, 2}}}, ""},
		{"unknown kind", app.Chart{Kind: "sankey"}, "unknown kind"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.chart.Validate()
			if tt.err == "" && err != nil {
				t.Fatalf("unexpected error %v", err)
			}
			if tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err)) {
				t.Fatalf("error %v, want one containing %q", err, tt.err)
			}
		})
	}
}

func TestValueRangeAndTicks(t *testing.T) {
	c := app.Chart{Kind: app.ChartStackedBar, Categories: []string{"a", "b"},
		Series: []app.Series{{Values: []float64{3, 4}}, {Values: []float64{5, 1}}}}
	if lo, hi := c.ValueRange(); lo != 0 || hi != 8 {
		t.Fatalf("stacked range %v..%v, want 0..8 (the largest stack)", lo, hi)
	}
	line := app.Chart{Kind: app.ChartLine, Categories: []string{"a", "b"}, Series: []app.Series{{Values: []float64{10, 20}}}}
	if lo, hi := line.ValueRange(); lo != 10 || hi != 20 {
		t.Fatalf("line range %v..%v, want 10..20 (lines need not start at 0)", lo, hi)
	}
	flat := app.Chart{Kind: app.ChartLine, Categories: []string{"a"}, Series: []app.Series{{Values: []float64{5}}}}
	if lo, hi := flat.ValueRange(); hi <= lo {
		t.Fatalf("flat range %v..%v must not be empty", lo, hi)
	}
	ticks := app.NiceTicks(0, 8, 5)
	want := []float64{0, 2, 4, 6, 8}
	if len(ticks) != len(want) {
		t.Fatalf("ticks %v, want %v", ticks, want)
	}
	for i := range want {
		if ticks[i] != want[i] {
			t.Fatalf("ticks %v, want %v", ticks, want)
		}
	}
	if ticks := app.NiceTicks(0, 20582, 5); ticks[len(ticks)-1] < 20582 || len(ticks) > 8 {
		t.Fatalf("ticks %v do not cover 20582 compactly", ticks)
	}
}

func TestFormatValue(t *testing.T) {
	tests := map[float64]string{0: "0", 0.5: "0.5", 12.25: "12.25", 150: "150", 12345: "12.3k", 2500000: "2.5M", -3000000000: "-3B", 7: "7"}
	for in, want := range tests {
		if got := app.FormatValue(in); got != want {
			t.Errorf("FormatValue(%v) = %q, want %q", in, got, want)
		}
	}
}

// TestQuadrantAxesLeaveRoom: with quadrants, the axes reach the reference
// lines and leave every quadrant at least a fifth of each axis, on a log
// axis in log terms; LogTicks covers the range with 1-2-5 steps.
func TestQuadrantAxesLeaveRoom(t *testing.T) {
	c := app.Chart{Kind: app.ChartScatter, XLog: true, Quadrants: &app.QuadrantNames{},
		XRefs: []app.RefLine{{Value: 1}}, YRefs: []app.RefLine{{Value: 10}},
		Series: []app.Series{{Points: []app.Point{{X: 0.2, Y: 0}, {X: 1.1, Y: 100}}}}}
	lo, hi := c.ValueRange()
	if lo > 10-90.0/4+1e-9 || hi != 100 {
		t.Errorf("y range %g..%g, want the band under 10 widened to at least -12.5", lo, hi)
	}
	xlo, xhi := c.XRange()
	if math.Log10(xhi) < math.Log10(1/0.2)/4-1e-9 || xlo != 0.2 {
		t.Errorf("x range %g..%g leaves no room right of 1.0", xlo, xhi)
	}
	if got := app.LogTicks(0.2, 1.5); len(got) != 4 || got[0] != 0.2 || got[1] != 0.5 || got[2] != 1 || got[3] != 2 {
		t.Errorf("LogTicks(0.2, 1.5) = %v", got)
	}
	if got := app.LogTicks(0.003, 40); got[0] != 0.001 || got[len(got)-1] != 100 || len(got) != 6 {
		t.Errorf("LogTicks over five decades = %v, want the powers of ten", got)
	}
}
