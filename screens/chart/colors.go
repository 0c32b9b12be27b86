package chart

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"github.com/seller-assistant/seller-assistant/app"
)

// paletteSize is how many colours c's marks need: one per slice of a pie,
// one per series otherwise. The palette itself is the model's
// (app.SeriesColor), shared with the report, and never repeats within a chart.
func paletteSize(c app.Chart) int {
	if c.Kind == app.ChartPie || c.Kind == app.ChartDonut {
		return len(c.Categories)
	}
	return len(c.Series)
}

// heatHigh is the top of the heatmap scale; the bottom is derived from the
// theme background so empty cells recede on light and dark alike.
var heatHigh = color.NRGBA{R: 0x25, G: 0x63, B: 0xeb, A: 0xff}

type chartColors struct {
	fg, muted, grid, axis, bg, tipBg, tipBorder color.Color
	n                                           int // palette size: see paletteSize
}

// series is the palette colour of series (or slice) i.
func (cc chartColors) series(i int) color.NRGBA { return app.SeriesColor(i, cc.n) }

// readChartColors looks the colours up for w, so per-widget theme overrides
// and light/dark switches apply on the next Refresh.
func readChartColors(w fyne.Widget, c app.Chart) chartColors {
	fg := theme.ColorForWidget(theme.ColorNameForeground, w)
	return chartColors{
		fg:        fg,
		muted:     theme.ColorForWidget(theme.ColorNamePlaceHolder, w),
		grid:      withAlpha(fg, 0x28), // derived from fg: the dark theme's separator is black
		axis:      withAlpha(fg, 0x70),
		bg:        theme.ColorForWidget(theme.ColorNameBackground, w),
		tipBg:     theme.ColorForWidget(theme.ColorNameOverlayBackground, w),
		tipBorder: theme.ColorForWidget(theme.ColorNameInputBorder, w),
		n:         paletteSize(c),
	}
}

func (cc chartColors) role(r colorRole, series int) color.Color {
	switch r {
	case roleMuted:
		return cc.muted
	case roleGrid:
		return cc.grid
	case roleAxis:
		return cc.axis
	case roleSeries, roleOnSeries:
		return cc.series(series)
	default:
		return cc.fg
	}
}

func heatEnds(cc chartColors) (low, high color.NRGBA) {
	return mix(toNRGBA(cc.bg), heatHigh, 0.12), heatHigh
}

// heatColor maps v in lo..hi onto the low..high scale.
func heatColor(v, lo, hi float64, low, high color.NRGBA) color.NRGBA {
	t := 0.0
	if hi > lo {
		t = (v - lo) / (hi - lo)
	}
	return mix(low, high, min(max(t, 0), 1))
}

func mix(a, b color.NRGBA, t float64) color.NRGBA {
	ch := func(x, y uint8) uint8 { return uint8(float64(x) + (float64(y)-float64(x))*t + 0.5) }
	return color.NRGBA{R: ch(a.R, b.R), G: ch(a.G, b.G), B: ch(a.B, b.B), A: ch(a.A, b.A)}
}

// contrastText picks near-black or white, whichever reads on background c.
func contrastText(c color.NRGBA) color.Color {
	lum := 0.299*float64(c.R) + 0.587*float64(c.G) + 0.114*float64(c.B)
	if lum > 150 {
		return color.NRGBA{R: 0x11, G: 0x11, B: 0x11, A: 0xff}
	}
	return color.White
}

func toNRGBA(c color.Color) color.NRGBA {
	return color.NRGBAModel.Convert(c).(color.NRGBA)
}

func withAlpha(c color.Color, a uint8) color.NRGBA {
	n := toNRGBA(c)
	n.A = uint8(uint16(n.A) * uint16(a) / 0xff)
	return n
}
